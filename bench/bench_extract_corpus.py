"""Corpus extraction benchmark, in one run on one machine: `xbdata extract DIR` over 400 distinct
files (made from the seeds and the evaluation articles) with 1 process and with 2, each the fastest of
5 runs of the command as a user types it (start-up included); then the extraction stage alone;
and the rows checked equal.

Run with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XBDATA = Path(sys.executable).parent / "xbdata"
FILES = 400
RUNS = 5


def make_corpus(root: Path) -> int:
    """400 distinct files: three articles each, every digit shifted by the file's number, so no two
    files share their numbers (as in a real corpus, where the parser's cache seldom hits)."""
    articles = [p.read_text(encoding="utf-8") for p in
                sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "eval").glob("*/*.txt")])]
    size = 0
    for i in range(FILES):
        text = "\n\n".join(articles[(i + k) % len(articles)] for k in range(3))
        text = re.sub(r"[0-9]", lambda m: str((int(m.group()) + i) % 10), text)
        target = root / f"batch{i % 7}" / f"{i:03d}.txt"
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
        size += target.stat().st_size
    return size


def timed(corpus: Path, jobs: int) -> tuple[float, bytes]:
    best, output = float("inf"), b""
    for _ in range(RUNS):
        start = time.perf_counter()
        output = subprocess.run([str(XBDATA), "extract", str(corpus), "--format", "csv", "--jobs", str(jobs)],
                                check=True, capture_output=True).stdout
        best = min(best, time.perf_counter() - start)
    return best, output


def timed_stage(corpus: Path, jobs: int) -> float:
    """The extraction stage alone (`extract_corpus`, CSV lines written by the processes), in a fresh
    interpreter, without its start-up."""
    code = ("import time\nfrom xbdata.engine.extract_corpus import corpus_files, extract_corpus\n"
            f"files = corpus_files({str(corpus)!r})\nstart = time.perf_counter()\nextract_corpus(files, {jobs}, as_csv=True)\n"
            "print(time.perf_counter() - start)")
    return min(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
               for _ in range(RUNS))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        size = make_corpus(corpus)
        one, rows_one = timed(corpus, 1)
        two, rows_two = timed(corpus, 2)
        print(f"corpus: {FILES} files, {size / 1e6:.1f} MB; xbdata extract DIR --format csv (fastest of {RUNS})")
        print(f"--jobs 1                                    {one:6.2f} s")
        print(f"--jobs 2                                    {two:6.2f} s")
        print(f"ratio (2 jobs)/(1 job)                      {two / one:6.2f}")
        stage_one, stage_two = timed_stage(corpus, 1), timed_stage(corpus, 2)
        print(f"extraction stage alone, 1 job / 2 jobs      {stage_one:6.2f} s / {stage_two:.2f} s, "
              f"ratio {stage_two / stage_one:.2f}")
        lines = len(rows_one.splitlines()) - 1
        print(f"same rows with 1 and 2 jobs                 {rows_one == rows_two} ({lines} rows)")


if __name__ == "__main__":
    main()
