"""The benchmarks' own claims, checked without running a notebook or timing anything (issue 15):
the corpus bench's files are distinct, and the build bench's plain alternative starts every
papermill + nbconvert pair at once."""

import hashlib
import importlib.util
import shlex
import stat
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_bench():
    return _bench("bench_extract_corpus")


@pytest.fixture(scope="module")
def build_bench():
    return _bench("bench_build")


def test_the_corpus_files_are_all_distinct(corpus_bench, tmp_path):
    size = corpus_bench.make_corpus(tmp_path, 50)
    files = sorted(tmp_path.rglob("*.txt"))
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    assert len(files) == 50 and len(hashes) == 50
    assert size == sum(p.stat().st_size for p in files)
    assert corpus_bench.check_distinct(tmp_path) == 50


def test_the_corpus_files_do_not_repeat_their_figures_every_few_files(corpus_bench):
    """The old corpus shifted digits modulo 10: file 10 had file 0's numbers. Here the same texts
    chosen for two files still give different numbers."""
    texts = ["2019年市场规模达到1.5万亿元，同比增长20%。"]
    made = [corpus_bench.corpus_text(i, texts) for i in (0, 10, 20)]
    assert len(set(made)) == 3
    assert made[0].startswith("2019年") and made[1].startswith("2029年")


def test_a_repeated_corpus_file_stops_the_bench(corpus_bench, tmp_path):
    corpus_bench.make_corpus(tmp_path, 3)
    (tmp_path / "copy.txt").write_bytes((tmp_path / "batch0" / "000.txt").read_bytes())
    with pytest.raises(SystemExit, match="same file"):
        corpus_bench.check_distinct(tmp_path)


def test_the_plain_pairs_are_one_background_job_per_notebook(build_bench, tmp_path):
    pairs = build_bench.plain_pairs(tmp_path)
    line = build_bench.concurrent_line(pairs)
    reports = build_bench.REPORTS.values()
    assert len(pairs) == len(reports)
    for pair, report in zip(pairs, reports):
        papermill, nbconvert = pair
        assert Path(papermill[0]).name == "papermill" and papermill[-2:] == [
            str(build_bench.notebooks_dir() / report.notebook), str(tmp_path / report.notebook)]
        assert nbconvert[1:4] == ["nbconvert", "--to", "html"] and nbconvert[-1] == str(tmp_path / report.notebook)
        assert f"( {shlex.join(papermill)} && {shlex.join(nbconvert)} ) &" in line
    assert line.count(") &") == len(pairs) and line.endswith(" wait")


STUB = """#!/bin/sh
# Waits until every stub papermill has started: only pairs run at once get past this.
touch "{barrier}/started.$$"
tries=0
while [ "$(ls "{barrier}" | grep -c '^started')" -lt {n} ]; do
  tries=$((tries + 1))
  [ "$tries" -gt 400 ] && exit 1
  sleep 0.05
done
for last; do :; done
echo '{{}}' > "$last"
"""

NBCONVERT = """#!/bin/sh
for last; do :; done
echo '<html></html>' > "${last%.ipynb}.html"
"""


def test_the_concurrent_line_starts_every_pair_before_any_finishes(build_bench, tmp_path):
    """Stub papermills that each wait until all of them have started: the line finishes with every
    page written only if the pairs run at once (one after another, the first would wait alone and give up)."""
    n = 4
    stubs, barrier, out = tmp_path / "bin", tmp_path / "barrier", tmp_path / "out"
    for folder in (stubs, barrier, out):
        folder.mkdir()
    for name, text in (("papermill", STUB.format(barrier=barrier, n=n)), ("jupyter", NBCONVERT)):
        (stubs / name).write_text(text, encoding="utf-8")
        (stubs / name).chmod((stubs / name).stat().st_mode | stat.S_IXUSR)
    pairs = [build_bench.plain_pair(tmp_path / f"in{i}.ipynb", out / f"nb{i}.ipynb", {"lang": "zh"}, bin=stubs)
             for i in range(n)]
    build_bench.run_concurrent(pairs, tmp_path / "log")
    assert sorted(p.name for p in out.glob("*.html")) == [f"nb{i}.html" for i in range(n)]
    assert len(list(barrier.iterdir())) == n


def test_the_grid_sweep_s_plain_alternative_is_one_pair_per_variant(build_bench, tmp_path):
    """(h): six variants, each its own papermill with its own values and output, as `--grid` builds them."""
    pairs = build_bench.grid_pairs(tmp_path, build_bench.SINGLE, build_bench.GRID)
    assert len(pairs) == build_bench.GRID_VARIANTS == 6
    values = {tuple(pair[0][1:-2]) for pair in pairs}
    assert len(values) == 6 and len({build_bench.executed_of(pair) for pair in pairs}) == 6
    for papermill, _ in pairs:
        assert papermill[papermill.index("lang") + 1] in ("zh", "en") and "growth_rate" in papermill
    assert build_bench.grid_arguments(build_bench.GRID) == ["--grid", "lang=zh,en", "--grid", "growth_rate=0.05,0.1,0.15"]
