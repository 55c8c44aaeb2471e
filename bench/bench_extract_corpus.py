"""Corpus extraction benchmark, in one run on one machine: `xbdata extract DIR` over 400 distinct
files (made from the seeds and the evaluation articles) with 1 process and with 2, each the fastest of
5 runs of the command as a user types it (start-up included); then the extraction stage alone, on
the clock and in CPU seconds (which other work on the machine inflates far less); each in seconds
and MB/s, and the rows checked equal.

The files are truly distinct, and the bench proves it: every file is hashed, and two files with
the same SHA-256 stop the bench before anything is timed. Each file mixes the paragraphs of three
texts chosen from its index, in an order drawn from its index, and every number in it is moved
by its index (2019 is 2019 in file 0 and 2418 in file 399), so the parser's cache, which keys on a
mention's text, sees each figure once per file rather than once per corpus. (An earlier corpus
shifted each digit by the file's number modulo 10 and chose its articles in a cycle: the figures
came back every 10 files and whole files repeated, which flattered the extractor.) The parse
cache's hits and misses in the 1-job stage are printed, and the parser's readings by shape (a
figure the parse cache misses is read from its own digits; only its shape's words can be shared);
then the two passes every text gets before its mentions are looked at, each alone: conversion to
simplified script and the scan by the mention pattern, which bound the stage's MB/s.

Run with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XBDATA = Path(sys.executable).parent / "xbdata"
FILES = 400
TEXTS_PER_FILE = 3
RUNS = 5


def source_texts() -> list[str]:
    """The seeds and the evaluation articles, each as read."""
    return [p.read_text(encoding="utf-8") for p in
            sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "eval").glob("*/*.txt")])]


def corpus_text(index: int, texts: list[str]) -> str:
    """File `index` of the corpus: the paragraphs of TEXTS_PER_FILE texts chosen and shuffled by a
    generator seeded with `index`, every run of digits increased by `index` (its width kept)."""
    rng = random.Random(index)
    chosen = rng.sample(range(len(texts)), min(TEXTS_PER_FILE, len(texts)))
    paragraphs = [line for t in chosen for line in texts[t].splitlines() if line.strip()]
    rng.shuffle(paragraphs)
    text = "\n".join(paragraphs) + "\n"
    return re.sub(r"[0-9]+", lambda m: str(int(m.group()) + index).zfill(len(m.group())), text)


def make_corpus(root: Path, files: int = FILES) -> int:
    """Write `files` corpus files under `root` (in 7 folders, as a corpus gathered in batches); their bytes."""
    texts = source_texts()
    size = 0
    for i in range(files):
        target = root / f"batch{i % 7}" / f"{i:03d}.txt"
        target.parent.mkdir(exist_ok=True)
        target.write_text(corpus_text(i, texts), encoding="utf-8")
        size += target.stat().st_size
    return size


def check_distinct(root: Path) -> int:
    """The number of .txt files under `root`, after checking that no two share a SHA-256;
    SystemExit naming both files if two do."""
    seen: dict[str, Path] = {}
    for path in sorted(root.rglob("*.txt")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            raise SystemExit(f"bench_extract_corpus: {path} and {seen[digest]} are the same file "
                             f"(SHA-256 {digest[:16]}…); the corpus is not distinct, so its figure would be flattered")
        seen[digest] = path
    return len(seen)


def timed(corpus: Path, jobs: int) -> tuple[float, bytes]:
    best, output = float("inf"), b""
    for _ in range(RUNS):
        start = time.perf_counter()
        output = subprocess.run([str(XBDATA), "extract", str(corpus), "--format", "csv", "--jobs", str(jobs)],
                                check=True, capture_output=True).stdout
        best = min(best, time.perf_counter() - start)
    return best, output


def timed_stage(corpus: Path, jobs: int) -> tuple[float, float, str]:
    """The extraction stage alone (`extract_corpus`, CSV lines written by the processes), in a fresh
    interpreter, without its start-up: the fastest of RUNS in seconds on the clock and in CPU seconds
    (this process and its pool's, which a busy machine inflates far less than the clock), and the
    counts of the parse cache and of the parser's readings by shape in this process (with 1 job the
    files are extracted here; with more, in the pool's processes)."""
    code = ("import resource, time\nfrom xbdata.engine.extract_corpus import corpus_files, extract_corpus\n"
            "from xbdata.text import extract, numbers\n"
            "def cpu():\n    return time.process_time() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime"
            " + resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime\n"
            f"files = corpus_files({str(corpus)!r})\nstart, start_cpu = time.perf_counter(), cpu()\n"
            f"extract_corpus(files, {jobs}, as_csv=True)\n"
            "seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu\ninfo = extract._parse.cache_info()\n"
            "shapes = numbers._reading_of_shape.cache_info()\n"
            "print(seconds, cpu_seconds, info.hits, info.misses, shapes.hits, shapes.misses)")
    best, best_cpu, cache = float("inf"), float("inf"), ""
    for _ in range(RUNS):
        seconds, cpu_seconds, hits, misses, shape_hits, shape_misses = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
        best, best_cpu = min(best, float(seconds)), min(best_cpu, float(cpu_seconds))
        cache = f"{hits} hits, {misses} misses; shape readings: {shape_hits} hits, {shape_misses} misses"
    return best, best_cpu, cache


def timed_scan(corpus: Path) -> tuple[float, float]:
    """The two passes every text gets before any mention is looked at, in CPU seconds (fastest of
    RUNS, in a fresh interpreter): its conversion to simplified script, and the scan of the
    simplified text by the mention pattern alone (`extract._MENTION`), which bounds what any work
    on each mention can reach."""
    code = ("import time\nfrom pathlib import Path\nfrom xbdata.text import extract\n"
            "from xbdata.text.script import to_simplified\n"
            f"texts = [p.read_text(encoding='utf-8') for p in sorted(Path({str(corpus)!r}).rglob('*.txt'))]\n"
            "start = time.process_time()\nsimplified = [to_simplified(t) for t in texts]\n"
            "converted = time.process_time() - start\nstart = time.process_time()\n"
            "for t in simplified:\n    for _ in extract._MENTION.finditer(t):\n        pass\n"
            "print(converted, time.process_time() - start)")
    best_convert, best_scan = float("inf"), float("inf")
    for _ in range(RUNS):
        converted, scanned = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                            text=True).stdout.split()
        best_convert, best_scan = min(best_convert, float(converted)), min(best_scan, float(scanned))
    return best_convert, best_scan


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        size = make_corpus(corpus)
        distinct = check_distinct(corpus)
        mb = size / 1e6
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
        print(f"corpus: {FILES} files, {distinct} distinct SHA-256, {mb:.1f} MB")
        one, rows_one = timed(corpus, 1)
        two, rows_two = timed(corpus, 2)
        print(f"xbdata extract DIR --format csv (fastest of {RUNS}, start-up included)")
        print(f"  --jobs 1                                  {one:6.2f} s {mb / one:7.2f} MB/s")
        print(f"  --jobs 2                                  {two:6.2f} s {mb / two:7.2f} MB/s")
        print(f"  ratio (2 jobs)/(1 job)                    {two / one:6.2f}")
        (stage_one, cpu_one, cache), (stage_two, cpu_two, _) = timed_stage(corpus, 1), timed_stage(corpus, 2)
        print(f"extraction stage alone (fastest of {RUNS}; CPU: seconds of every process, MB per CPU second)")
        print(f"  1 job                                     {stage_one:6.2f} s {mb / stage_one:7.2f} MB/s"
              f"   CPU {cpu_one:6.2f} s {mb / cpu_one:6.2f} MB/s   (parse cache: {cache})")
        print(f"  2 jobs                                    {stage_two:6.2f} s {mb / stage_two:7.2f} MB/s"
              f"   CPU {cpu_two:6.2f} s {mb / cpu_two:6.2f} MB/s")
        print(f"  ratio (2 jobs)/(1 job)                    {stage_two / stage_one:6.2f}")
        convert, scan = timed_scan(corpus)
        print(f"  of 1 job's CPU: to simplified script      {convert:6.2f} s {mb / convert:7.2f} MB/s")
        print(f"                  the mention pattern alone {scan:6.2f} s {mb / scan:7.2f} MB/s")
        lines = len(rows_one.splitlines()) - 1
        print(f"same rows with 1 and 2 jobs                 {rows_one == rows_two} ({lines} rows)")
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
