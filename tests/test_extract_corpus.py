"""`xbdata extract DIR|GLOB`: a whole corpus in parallel gives exactly the rows of its files one by one."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from xbdata.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "eval").glob("*/*.txt")])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """400 files in nested folders: the seeds and the evaluation articles, in turn."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(400):
        folder = root / f"batch{i % 7}"
        folder.mkdir(exist_ok=True)
        shutil.copyfile(ARTICLES[i % len(ARTICLES)], folder / f"{i:03d}.txt")
    (root / "notes.md").write_text("不是文章:100%", encoding="utf-8")  # not .txt: not read
    return root


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_corpus_gives_exactly_the_rows_of_its_files_one_by_one(corpus, capsys):
    code, out, err = run(capsys, str(corpus), "--format", "csv", "--jobs", "2")
    assert code == 0 and err.splitlines()[-1].startswith("extracted ") and "from 400 of 400 file(s)" in err
    together = rows(out)
    one_by_one = []
    for path in sorted(corpus.rglob("*.txt"), key=str):
        assert main(["extract", str(path), "--format", "csv"]) == 0
        one_by_one += [{"file": str(path), **row} for row in rows(capsys.readouterr()[0])]
    assert len(together) > 10_000 and together == one_by_one


def test_the_order_does_not_depend_on_the_number_of_processes(corpus, capsys):
    outputs = {jobs: run(capsys, str(corpus / "batch3"), "--format", "json", "--jobs", jobs)[1] for jobs in ("1", "2", "5")}
    assert outputs["1"] == outputs["2"] == outputs["5"] and '"file"' in outputs["1"]


def test_a_glob_reads_what_it_matches(corpus, capsys):
    code, out, _ = run(capsys, str(corpus / "batch[12]" / "*.txt"), "--format", "csv", "--jobs", "1")
    files = {row["file"] for row in rows(out)}
    assert code == 0 and files == {str(p) for p in (*(corpus / "batch1").glob("*.txt"), *(corpus / "batch2").glob("*.txt"))}


def test_bad_files_are_named_at_the_end_and_the_rest_are_still_extracted(tmp_path, capsys):
    shutil.copyfile(ARTICLES[0], tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes("市场规模超7万亿".encode("gbk"))
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    shutil.copyfile(ARTICLES[1], tmp_path / "d.txt")
    code, out, err = run(capsys, str(tmp_path), "--format", "csv", "--jobs", "2")
    assert code == 1
    assert {row["file"] for row in rows(out)} == {str(tmp_path / "a.txt"), str(tmp_path / "d.txt")}
    lines = err.splitlines()
    assert lines[-2:] == [f"xbdata: error: {tmp_path / 'b.txt'}: not UTF-8 (byte 0: b'\\xca')",
                          f"xbdata: error: {tmp_path / 'c.txt'}: file is empty"]
    assert "from 2 of 4 file(s)" in lines[-3] and "Traceback" not in err


@pytest.mark.parametrize("argv, message", [
    (["/no/such/place"], "no such file or folder: /no/such/place"),
    (["{empty}"], "no .txt files in"),
    (["{empty}/*.txt"], "no .txt files in"),
    (["seeds", "--jobs", "0"], "--jobs must be 1 or more (got 0)"),
    (["seeds", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler is for --executor dask"),
])
def test_mistakes_exit_2_with_one_line(tmp_path, capsys, argv, message):
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = [a.replace("{empty}", str(empty)) for a in argv]
    code, out, err = run(capsys, *[str(ROOT / a) if a == "seeds" else a for a in argv])
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err


def test_one_file_keeps_its_plain_output(capsys):
    code, out, err = run(capsys, str(ARTICLES[0]), "--format", "csv")
    assert code == 0 and out.startswith("start,end,text,") and err == ""


def test_dask_gives_the_same_rows(corpus, capsys):
    """distributed is in the test extra and the lock: without it this fails, never skips."""
    target = str(corpus / "batch4")
    local = run(capsys, target, "--format", "csv", "--jobs", "2")[1]
    code, dask, err = run(capsys, target, "--format", "csv", "--jobs", "2", "--executor", "dask")
    assert code == 0 and dask == local and "with 2 Dask workers" in err


def test_never_more_processes_than_batches(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        shutil.copyfile(ARTICLES[0], tmp_path / name)
    code, _, err = run(capsys, str(tmp_path), "--format", "csv", "--jobs", "30")
    assert code == 0 and "extracting 2 file(s) with 2 processes" in err


def test_the_csv_lines_are_what_csv_writer_writes():
    """The corpus's CSV is joined by hand for speed: it must stay byte for byte what `csv.writer`
    writes after `spreadsheet_cell`, for text that needs quoting, doubling, an apostrophe or nothing."""
    from xbdata.engine.extract_corpus import COLUMNS, mentions_csv
    from xbdata.escape import spreadsheet_cell
    from xbdata.text.extract import Mention

    awkward = ["12,5%", 'the "5"', "a\nb", "a\rb", "=1+1", "-3", "+7", "@x", "\tx", "", " a ", "a\x00b", "普通的句子。"]
    values = [None, 0.0, 2022.0, 1e16, 0.1 + 0.2, -3.5, 7]
    mentions = [Mention(start=i, end=i + 2, text=awkward[i % len(awkward)], value=values[i % len(values)],
                        low=values[(i + 1) % len(values)], high=values[(i + 2) % len(values)],
                        unit=awkward[(i + 3) % len(awkward)] if i % 3 else None, qualifier=("=", "~", ">", None)[i % 4],
                        kind="statistic", sentence=awkward[(i + 5) % len(awkward)], sentence_start=0)
                for i in range(60)]
    figure, zero = 12.5, -0.0      # a figure whose bounds are its value itself, as the parser makes it
    mentions += [Mention(0, 2, "12.5%", figure, figure, figure, "%", "=", "statistic", "x", 0),
                 Mention(0, 2, "12.5%", figure, figure, None, "%", ">", "statistic", "x", 0),
                 Mention(0, 2, "7", 7.0, 7, 7, None, "=", "statistic", "x", 0),       # equal, not the same
                 Mention(0, 2, "0", 0.0, zero, zero, None, "=", "statistic", "x", 0)]
    for path in ("corpus/a,b.txt", "=evil.txt", None):
        expected = io.StringIO()
        writer = csv.writer(expected, lineterminator="\n")
        for m in mentions:
            row = {"file": path, **m.as_row()}
            writer.writerow(["" if row[c] is None else spreadsheet_cell(row[c])
                             for c in ([] if path is None else ["file"]) + COLUMNS])
        assert mentions_csv(mentions, path) == expected.getvalue()
