"""Adding an article: xbdata add, its checks, and an end-to-end add -> review -> check -> stats, in a tmp folder.

XBDATA_ARTICLES points at a temporary folder in every test: nothing is written into the checkout.
"""

import csv
import hashlib
import io
import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xbdata
from added_articles import HALF_YEAR, SECOND_OPINION, TRADITIONAL, explorer_widget
from xbdata.cli import main
from xbdata.ids import is_article_id

SEED = "000_8d48b1a84700725f"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    target = tmp_path / "articles"
    monkeypatch.setenv("XBDATA_ARTICLES", str(target))
    return target


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, tmp_path, text=HALF_YEAR, name="half.txt", *extra):
    path = write(tmp_path, name, text)
    code, out, err = run(capsys, "add", path, "--title", "跨境电商半年观察", "--published", "2025-07-20",
                         "--url", "https://example.com/half", "--outlet", "测试周刊", *extra)
    assert code == 0, err
    return out.split()[1].rstrip(":"), out


def files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# --- xbdata add ------------------------------------------------------------------------------------

def test_add_registers_the_article_byte_for_byte(capsys, tmp_path, folder):
    article_id, out = add(capsys, tmp_path)
    assert is_article_id(article_id) and article_id.startswith("005_")   # after the five seeds
    assert article_id[4:] == hashlib.sha256(HALF_YEAR.encode()).hexdigest()[:16]
    assert (folder / f"{article_id}.txt").read_bytes() == HALF_YEAR.encode()
    entry = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))[article_id]
    assert entry["title"] == "跨境电商半年观察" and entry["outlet"] == "测试周刊" and entry["script"] == "zh-Hans"
    assert entry["published"] == "2025-07-20" and entry["url"] == "https://example.com/half"
    assert entry["sha256"] == hashlib.sha256(HALF_YEAR.encode()).hexdigest()
    assert "proposed statistics" in out and "005-1" in out and "china_xborder_import_and_export_value_2025_h1" in out
    assert xbdata.articles()[SEED]  # the seeds are untouched
    second, _ = add(capsys, tmp_path, SECOND_OPINION, "second.txt")
    assert second.startswith("006_")


def test_add_detects_traditional_script(capsys, tmp_path, folder):
    article_id, _ = add(capsys, tmp_path, TRADITIONAL, "trad.txt")
    entry = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))[article_id]
    assert entry["script"] == "zh-Hant"


@pytest.mark.parametrize("content,args,message", [
    (b"", [], "file is empty"),
    (b"  \n", [], "file is empty"),
    ("跨境电商".encode("gbk"), [], "not UTF-8"),
    (HALF_YEAR, ["--url", "javascript:alert(1)"], "is not an http(s) URL"),
    (HALF_YEAR, ["--url", "ftp://example.com/a"], "is not an http(s) URL"),
    (HALF_YEAR, ["--published", "2025-02-30"], "is written YYYY-MM-DD but is no day of the calendar"),
    (HALF_YEAR, ["--published", "2025/07/20"], "is not a date written YYYY-MM-DD"),
    (HALF_YEAR, ["--title", " "], "--title is empty"),
    (HALF_YEAR, ["--title", "两行\n标题"], "--title must be one line"),
])
def test_add_errors_exit_2_with_one_line_and_write_nothing(capsys, tmp_path, folder, content, args, message):
    path = write(tmp_path, "bad.txt", content)
    argv = ["add", path, "--title", "标题", *args]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
    assert files(folder) in ([], [".xbdata-articles.lock"])


def test_add_refuses_what_is_already_there(capsys, tmp_path, folder, root):
    add(capsys, tmp_path)
    before = {p: (folder / p).read_bytes() for p in files(folder)}
    code, out, err = run(capsys, "add", write(tmp_path, "again.txt", HALF_YEAR), "--title", "again")
    assert code == 2 and "already added as 005_" in err and err.count("\n") == 1
    seed = root / "seeds" / f"{SEED}.txt"
    code, out, err = run(capsys, "add", seed, "--title", "a seed")
    assert code == 2 and f"already a seed as {SEED}" in err
    assert {p: (folder / p).read_bytes() for p in files(folder)} == before


def test_add_bad_script_and_missing_title_are_usage_errors(capsys, tmp_path, folder):
    path = write(tmp_path, "a.txt", HALF_YEAR)
    for argv in (["add", str(path), "--title", "t", "--script", "latin"], ["add", str(path)]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2 and capsys.readouterr().err.count("\n") == 1
    assert files(folder) == []


def test_an_edited_article_is_a_load_error(capsys, tmp_path, folder):
    article_id, _ = add(capsys, tmp_path)
    (folder / f"{article_id}.txt").write_text(HALF_YEAR.replace("1.32", "1.33"), encoding="utf-8")
    code, _, err = run(capsys, "check")
    assert code == 2 and "changed after it was added" in err and err.count("\n") == 1


# --- end to end --------------------------------------------------------------------------------------

def test_add_review_check_stats(capsys, tmp_path, folder):
    article_id, _ = add(capsys, tmp_path)
    code, out, _ = run(capsys, "check")
    assert code == 1 and "drafts await review" in out and "unaccounted" in out

    code, out, _ = run(capsys, "review")
    assert code == 0 and "005-1" in out and "quote 「今年上半年我国跨境电商进出口额达到1.32万亿元」" in out
    assert run(capsys, "review", "--edit", "005-9", "geography=Global", "kind=observed")[0] == 0
    assert run(capsys, "review", "--accept", "005-1", "005-2")[0] == 0
    code, out, _ = run(capsys, "review", "--reject", "005-10", "--reason", "an attitude, not a market figure")
    assert code == 0 and "rejected 005-10" in out
    code, out, err = run(capsys, "review", "--accept-all")
    # accept-all takes no guess on trust: 41% has no date near it (it stays unspecified, not the
    # year of publication); a person checks, then accepts. (3亿 counts users: 月活跃用户 is in its own clause.)
    assert code == 1 and "1 kept pending" in out and "kept pending 005-12: period: no date near the number" in err
    assert run(capsys, "review", "--accept", "005-12")[0] == 0

    code, out, _ = run(capsys, "check")
    assert code == 0 and f"{article_id}: 8 statistics, 4 exclusions, 0 unaccounted" in out
    assert "every mention accounted for" in out and "await review" not in out
    code, out, _ = run(capsys, "review", "--all")
    assert "12 drafts, 0 pending, 8 accepted, 4 excluded" in out

    code, out, _ = run(capsys, "stats", "--format", "csv")
    rows = {r["stat_id"]: r for r in csv.DictReader(io.StringIO(out))}
    row = rows["china_xborder_import_and_export_value_2025_h1"]
    assert (row["source"], row["source_title"], row["source_url"]) == (article_id, "跨境电商半年观察", "https://example.com/half")
    assert row["quote"] == "今年上半年我国跨境电商进出口额达到1.32万亿元" and float(row["value"]) == 1.32e12
    assert row["unit"] == "CNY" and row["period"] == "2025-H1" and row["shown"] == "CNY 1.32 trillion"
    assert rows["tiktok_shop_monthly_active_users_2025_h1"]["geography"] == "Global"
    assert "market_size_2022h1" in rows   # the packaged rows stay
    exclusions = list(csv.DictReader(open(folder / "exclusions.csv", encoding="utf-8")))
    assert {"source": article_id, "context": "约六成受访者愿意通过社交媒体购买海外商品", "text": "约六成",
            "reason": "an attitude, not a market figure"} in exclusions

    # the tidy views validate the accepted rows, and search, context and related find them beside the seeds
    assert "china_xborder_import_and_export_value_2025_h1" in set(xbdata.market_size()["stat_id"])
    assert "tiktok_shop_monthly_active_users_2025_h1" in set(xbdata.platforms()["stat_id"])
    assert "survey_respondents_share_of_respondents_age_25_34_2025" in set(xbdata.demographics()["stat_id"])
    side = xbdata.related("tiktok_installs")
    assert {"004_f2b2ca645d6b4bf5", article_id} <= set(side["source"])
    ctx = xbdata.context("china_xborder_import_and_export_value_2025_h1")
    assert "<b>达到1.32万亿元</b>" in ctx.paragraph_html and ctx.url == "https://example.com/half"
    assert set(xbdata.search("跨境電商進出口")["source"]) == {article_id}


def accept_all_checked(capsys):
    """accept-all, then the drafts it kept pending for a person to check, accepted as that person would."""
    _, _, err = run(capsys, "review", "--accept-all")
    unsure = re.findall(r"kept pending (\d{3}-\d+): (?:unit|period)", err)
    if unsure:
        assert run(capsys, "review", "--accept", *unsure)[0] == 0


def test_explorer_shows_an_added_article(capsys, tmp_path, folder):
    add(capsys, tmp_path)
    accept_all_checked(capsys)
    ex = explorer_widget()
    query, results, detail = ex.query, ex.results, ex.detail
    query.value = "TikTok"
    assert {"tiktok_installs", "tiktok_shop_monthly_active_users_2025_h1"} <= {v for _, v in results.options}
    results.value = "tiktok_shop_monthly_active_users_2025_h1"
    assert "<b>达到3亿</b>" in detail.value and "tiktok_installs" in detail.value and "https://example.com/half" in detail.value


def test_untrusted_article_text_is_escaped(capsys, tmp_path, folder):
    path = write(tmp_path, "trad.txt", TRADITIONAL)
    code, _, err = run(capsys, "add", path, "--title", "<img src=x onerror=alert(1)>", "--published", "2025-07-20")
    assert code == 0, err
    run(capsys, "review", "--accept-all")
    stats = xbdata.statistics()
    growth = stats[(stats["source"].str.startswith("005_")) & (stats["number"] == "18%")]
    assert len(growth) == 1 and growth["measure_kind"].iloc[0] == "growth"
    ctx = xbdata.context(growth["stat_id"].iloc[0])
    assert "&lt;b&gt;同比增長&lt;/b&gt;" in ctx.paragraph_html and "<b>同比" not in ctx.paragraph_html
    ex = explorer_widget()
    ex.results.value = growth["stat_id"].iloc[0]
    html = ex.detail.value
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


# --- conflicts ---------------------------------------------------------------------------------------

def test_check_lists_conflicts_side_by_side(capsys, tmp_path, folder):
    first, _ = add(capsys, tmp_path)
    second, _ = add(capsys, tmp_path, SECOND_OPINION, "second.txt")
    accept_all_checked(capsys)
    code, out, _ = run(capsys, "check")
    assert code == 0 and "conflicts (information, never averaged): 1 statistics" in out
    assert "China cross-border e-commerce · import and export value · 2025-H1 · China:" in out
    assert f"({first}, observed): 达到1.32万亿元" in out and f"({second}, observed): 1.3万亿元" in out

    from xbdata.curate.conflicts import conflicts

    frame = conflicts()
    assert sorted(frame["source"]) == sorted([first, second]) and frame["conflict"].nunique() == 1
    assert set(frame["value"]) == {1.32e12, 1.3e12}   # both kept, never averaged

    from xbdata.reports.registry import open_report

    sources = open_report("market_size").sources().data
    ids = sorted(frame["stat_id"])
    assert f"another article disagrees: {ids[1]}" in sources and f"another article disagrees: {ids[0]}" in sources


def test_equal_values_or_different_geographies_are_no_conflict():
    import pandas as pd

    from xbdata.curate.conflicts import conflicts

    base = {"subject": "X", "measure": "m", "period": "2025", "geography": "China", "breakdown": "", "stat_id": "a",
            "source": "005_0000000000000000", "number": "1亿", "value": 1e8, "low": 1e8, "high": 1e8, "unit": "CNY",
            "qualifier": "=", "kind": "observed", "quote": "q", "source_title": "t"}
    same = pd.DataFrame([base, {**base, "stat_id": "b", "source": "006_0000000000000000"}])
    assert conflicts(same).empty
    elsewhere = pd.DataFrame([base, {**base, "stat_id": "b", "source": "006_0000000000000000", "value": 2e8,
                                     "low": 2e8, "high": 2e8, "geography": "Japan"}])
    assert conflicts(elsewhere).empty
    same_article = pd.DataFrame([base, {**base, "stat_id": "b", "value": 2e8, "low": 2e8, "high": 2e8}])
    assert conflicts(same_article).empty
    over = pd.DataFrame([base, {**base, "stat_id": "b", "source": "006_0000000000000000", "qualifier": ">", "high": None}])
    assert len(conflicts(over)) == 2   # 超1亿 and 1亿 say different things


def test_check_without_added_articles_says_no_conflicts(capsys, folder):
    code, out, _ = run(capsys, "check")
    assert code == 0 and "conflicts: none" in out


def test_an_interrupted_add_leaves_no_article(capsys, tmp_path, folder, monkeypatch):
    import xbdata.curate.articles

    def fail(entries):
        raise OSError("disk full")

    monkeypatch.setattr(xbdata.curate.articles, "manifest_text", fail)
    with pytest.raises(OSError):
        main(["add", str(write(tmp_path, "half.txt", HALF_YEAR)), "--title", "t"])
    monkeypatch.undo()
    monkeypatch.setenv("XBDATA_ARTICLES", str(folder))
    from xbdata.curate.articles import added_articles

    assert added_articles() == {}
    assert run(capsys, "check")[0] == 0            # the orphan text is ignored
    article_id, _ = add(capsys, tmp_path)          # and the same text can be added again
    assert list(added_articles()) == [article_id]


def test_add_with_an_unreadable_manifest_is_one_line(tmp_path, monkeypatch, capsys):
    from xbdata.cli import main

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "sources.toml").write_text("[broken", encoding="utf-8")
    monkeypatch.setenv("XBDATA_ARTICLES", str(folder))
    article = tmp_path / "a.txt"
    article.write_text("今年上半年,市场规模达到1.2万亿元。", encoding="utf-8")
    assert main(["add", str(article), "--title", "t"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not valid TOML" in err and "Traceback" not in err


def test_the_scenario_starts_from_the_latest_full_year_market_size(tmp_path, monkeypatch):
    """An added article's later full-year market size becomes the scenario's base; a half year does not."""
    from xbdata.cli import main
    from xbdata.curate.review import accept_all
    from xbdata.reports.registry import open_report

    monkeypatch.setenv("XBDATA_ARTICLES", str(tmp_path / "articles"))
    assert open_report("market_size").scenario_base()["stat_id"] == "market_size_2022_forecast"
    assert "there is no series of earlier years" in open_report("market_size").gaps().data
    article = tmp_path / "later.txt"
    article.write_text("行业观察\n\n2024年中国跨境电商市场规模达到16.9万亿元。2025年上半年市场规模为9.1万亿元。\n",
                       encoding="utf-8")
    assert main(["add", str(article), "--title", "市场观察", "--published", "2025-08-01"]) == 0
    accept_all()
    report = open_report("market_size")
    base = report.scenario_base()
    assert (base["year"], base["value"], base["period"]) == (2024, 16.9e12, "2024")
    assert report.projection()["year"].tolist()[:2] == [2024, 2025]
    assert "series of earlier years" not in report.gaps().data, "four periods of market size are a series"
    lines = report.headlines()
    assert "2025\\-H1: **CNY 9\\.1 trillion**" in lines[0], "the latest period is the headline"
    assert "2024 (CNY 16.9 trillion)" in next(line for line in lines if line.startswith("Scenario")).replace("\\", "")


@settings(max_examples=300)
@given(st.dictionaries(st.from_regex(r"\d{3}_[0-9a-f]{16}", fullmatch=True),
                       st.fixed_dictionaries({"title": st.text(st.characters(blacklist_categories=("Cs",))),
                                              "outlet": st.text(st.characters(blacklist_categories=("Cs",)))}),
                       max_size=3))
def test_the_manifest_reads_back_as_written(entries):
    """Whatever a title or outlet holds (quotes, backslashes, control characters, DEL), the manifest is
    TOML that reads back to the same entries."""
    from xbdata.curate.articles import manifest_text

    assert tomllib.loads(manifest_text(entries)) == entries
