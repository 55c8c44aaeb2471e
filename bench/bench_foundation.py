"""Foundation benchmark: each xbdata step timed beside the plain alternative, in one run.

1. Loading the catalogue (parse + validate every quote, derive, build the DataFrame) against
   `import pandas`, measured in fresh interpreters so neither is helped by the other's caches.
2. Extractor throughput in MB/s on a corpus of the seeds repeated to at least 10 MB, beside a
   plain regex scan for digits over the same corpus (the floor any extractor must pay). Each is
   timed RUNS times and the fastest kept, as timeit does: on a shared machine the slower runs
   measure the neighbours. The extractor caches parsed mention texts; because this corpus
   repeats the seeds, nearly every parse after the first copy is a cache hit (the hit count is
   printed), so the figure is the extractor's scanning and classifying speed more than its
   parsing speed.

Run with `make bench`. Prints a table; asserts nothing.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time

from xbdata.text import extract
from xbdata.text.extract import extract_mentions
from xbdata.curate.articles import seed_texts

RUNS = 5


def fresh_interpreter_seconds(code: str) -> float:
    """Median wall time of `python -c code` minus an empty interpreter's start-up."""
    def once(c: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", c], check=True)
        return time.perf_counter() - start
    baseline = statistics.median(once("pass") for _ in range(RUNS))
    return statistics.median(once(code) for _ in range(RUNS)) - baseline


def fastest(run):
    """(seconds, result) of the fastest of RUNS calls of `run`."""
    best, result = float("inf"), None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    pandas_s = fresh_interpreter_seconds("import pandas")
    import_s = fresh_interpreter_seconds("import xbdata.curate.catalogue")
    load_s = fresh_interpreter_seconds("import xbdata; xbdata.catalogue()")
    stats_s = fresh_interpreter_seconds("import xbdata; xbdata.statistics(); xbdata.market_size(); "
                                        "xbdata.demographics(); xbdata.categories(); xbdata.platforms()")
    print(f"{'step':58} {'seconds':>8}")
    print(f"{'import pandas (fresh interpreter)':58} {pandas_s:8.3f}")
    print(f"{'import xbdata.curate.catalogue (pandas, OpenCC; fresh)':58} {import_s:8.3f}")
    print(f"{'import xbdata + load catalogue (fresh interpreter)':58} {load_s:8.3f}")
    print(f"{'  ... + all five tidy views with schemas':58} {stats_s:8.3f}")
    print(f"{'catalogue load alone (the two above subtracted)':58} {load_s - import_s:8.3f}")
    print(f"{'import xbdata + load / import pandas':58} {load_s / pandas_s:8.2f}x")

    seeds = "\n".join(seed_texts().values())
    unit = len(seeds.encode("utf-8"))
    corpus = seeds * (10 * 2**20 // unit + 1)
    size_mb = len(corpus.encode("utf-8")) / 2**20

    plain_s, digits = fastest(lambda: sum(1 for _ in re.finditer(r"\d+", corpus)))
    extract._parse.cache_clear()
    extract_s, mentions = fastest(lambda: extract_mentions(corpus))
    cache = extract._parse.cache_info()

    print(f"\ncorpus: the five seeds repeated to {size_mb:.1f} MB")
    plain_label = "plain re.finditer(r'\\d+') scan"
    print(f"{plain_label:40} {plain_s:8.3f} s {size_mb / plain_s:9.1f} MB/s  ({digits} digit runs)")
    print(f"{'xbdata extract_mentions':40} {extract_s:8.3f} s {size_mb / extract_s:9.1f} MB/s  ({len(mentions)} mentions)")
    print(f"{'extractor / plain scan time':40} {extract_s / plain_s:8.1f}x")
    print(f"(fastest of {RUNS} runs each; parse cache: {cache.hits} hits, {cache.misses} misses over all runs)")


if __name__ == "__main__":
    main()
