"""The benchmarks' own claims, checked without timing anything (issue 15): the corpus bench's
files are distinct."""

import hashlib
import importlib.util
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
