import csv
import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from xbdata.cli import main
from xbdata.engine.extract_corpus import COLUMNS as EXTRACT_COLUMNS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_table(capsys):
    code, out, err = run(capsys, "stats", "--topic", "market_size")
    assert code == 0 and "market_size_2022h1" in out and "over CNY 7 trillion" in out
    code, out, err = run(capsys, "stats", "--topic", "market_size", "--lang", "zh")
    assert code == 0 and "6–25%" in out and "15.5" not in out


def test_stats_csv_keeps_a_range_without_a_value(capsys):
    code, out, _ = run(capsys, "stats", "--format", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["stat_id"] == "us_conversational_growth_forecast")
    assert (row["value"], row["low"], row["high"], row["shown"], row["measure_kind"]) == ("", "6.0", "25.0", "6–25%", "growth")


def test_stats_csv_and_json(capsys):
    code, out, _ = run(capsys, "stats", "--format", "csv", "--lang", "zh")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) >= 74 and rows[0]["label"] == rows[0]["label_zh"]
    code, out, _ = run(capsys, "stats", "--topic", "marketing", "--format", "json")
    records = json.loads(out)
    assert code == 0 and records and {r["topic"] for r in records} == {"marketing"}


def test_stats_xlsx(capsys, tmp_path):
    target = tmp_path / "stats.xlsx"
    code, _, err = run(capsys, "stats", "--topic", "demographics", "--format", "xlsx", "-o", str(target))
    assert code == 0 and "wrote" in err
    assert "stat_id" in pd.read_excel(target).columns


@pytest.mark.parametrize("argv,allowed", [
    (["stats", "--topic", "weather"], "market_size"),
    (["stats", "--format", "pdf"], "xlsx"),
    (["stats", "--lang", "fr"], "zh"),
    (["extract", "x.txt", "--format", "xml"], "json"),
])
def test_bad_choices_exit_2_with_one_line(capsys, argv, allowed):
    with pytest.raises(SystemExit) as info:
        main(argv)
    _, err = capsys.readouterr()
    assert info.value.code == 2
    assert err.count("\n") == 1 and "invalid choice" in err and allowed in err


def test_xlsx_to_stdout_is_refused(capsys):
    code, _, err = run(capsys, "stats", "--format", "xlsx")
    assert code == 2 and err == "xbdata: error: --format xlsx needs -o FILE.xlsx\n"


def test_extract_csv_on_any_file(capsys, tmp_path):
    article = tmp_path / "new.txt"
    article.write_text("2023年,某平台用户超过3亿,其中约六成来自东南亚。", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(article), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == EXTRACT_COLUMNS
    assert [(r["text"], r["kind"]) for r in rows] == [("2023年", "date"), ("超过3亿", "statistic"), ("约六成", "statistic")]
    assert float(rows[2]["value"]) == 60 and rows[2]["unit"] == "%" and rows[2]["qualifier"] == "~"
    text = article.read_text(encoding="utf-8")
    assert all(text[int(r["start"]):int(r["end"])] == r["text"] for r in rows)


@pytest.mark.parametrize("content,message", [(None, "no such file or folder"), (b"", "file is empty"),
                                             ("中文".encode("gbk"), "not UTF-8")])
def test_extract_bad_file(capsys, tmp_path, content, message):
    path = tmp_path / "a.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path))
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_export_writes_every_table(capsys, tmp_path):
    code, _, err = run(capsys, "export", "-o", str(tmp_path))
    assert code == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"statistics.csv", "market_size.csv", "demographics.csv", "categories.csv",
                     "platforms.csv", "xbdata_tables.xlsx"}
    sheets = pd.read_excel(tmp_path / "xbdata_tables.xlsx", sheet_name=None)
    assert set(sheets) == {"statistics", "market_size", "demographics", "categories", "platforms"}
    assert len(pd.read_csv(tmp_path / "statistics.csv")) == len(sheets["statistics"])


def test_check(capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and "every mention accounted for" in out


def test_console_script_has_no_traceback_for_user_mistakes(tmp_path):
    result = subprocess.run([sys.executable, "-m", "xbdata.cli", "extract", str(tmp_path / "missing.txt")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stdout == ""


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out, _ = capsys.readouterr()
    for command in ("extract", "stats", "export", "check"):
        assert command in out


def test_cli_topics_are_the_catalogue_s_and_start_up_imports_no_pandas():
    """The command line checks --topic against the catalogue's own vocabulary, which it can read
    without pandas: starting `xbdata` stays light."""
    code = ("import sys\nimport xbdata.cli.commands as cli\nfrom xbdata.curate.vocabulary import TOPICS\n"
            "assert cli.TOPICS is TOPICS\nprint(sorted(m for m in ('pandas', 'altair', 'pandera') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_stats_cuts_long_labels_visibly_and_wide_shows_them_whole(capsys):
    import xbdata

    longest = max(xbdata.statistics()["label"], key=len)
    assert len(longest) > 40
    code, out, _ = run(capsys, "stats")
    assert code == 0 and longest not in out and longest[:39] + "…" in out
    code, out, _ = run(capsys, "stats", "--wide")
    assert code == 0 and longest in out
