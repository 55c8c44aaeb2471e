"""The reports' shape: one module per report, each report's words once per language, limits from the data."""

import ast
import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import xbdata
from xbdata.exceptions import UsageError
from xbdata.text.labels import LANGS
from xbdata.reports.registry import STORIES, open_report

REPORTS_DIR = Path(xbdata.__file__).parent / "reports"
CATALOGUE = Path(xbdata.__file__).parent / "data" / "catalogue.csv"


@pytest.mark.parametrize("name", sorted(STORIES))
def test_each_report_has_its_own_module_with_the_same_words_in_each_language(name):
    story = STORIES[name]
    assert Path(__import__(story.__module__, fromlist=["x"]).__file__).name == f"{name}.py"
    keys = {lang: set(story.WORDS[lang]) for lang in LANGS}
    assert keys["zh"] == keys["en"]
    assert all(len(story.WORDS["zh"][k]) == len(story.WORDS["en"][k]) for k in keys["en"] if isinstance(story.WORDS["en"][k], tuple))
    assert all(re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", w if isinstance(w, str) else "".join(w)) for w in story.WORDS["zh"].values())


def test_no_report_branches_on_its_language():
    """Words are looked up by language (WORDS, labels.text), never chosen in an `if zh else` branch."""
    for path in REPORTS_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(isinstance(c, ast.Constant) and c.value in LANGS
                                                     for c in node.comparators):
                pytest.fail(f"{path.name}:{node.lineno} compares with a language")
            if isinstance(node, ast.Name) and node.id == "zh":
                pytest.fail(f"{path.name}:{node.lineno} has a `zh` flag")


def _longest_ranked_list() -> int:
    """An independent reading of the catalogue: the most rows of one rank measure."""
    with CATALOGUE.open(encoding="utf-8") as f:
        ranks = [r for r in csv.DictReader(f) if r["topic"] == "category" and "rank" in r["measure"]]
    by_list: dict[tuple, int] = {}
    for r in ranks:
        by_list[(r["measure"], r["period"], r["geography"])] = by_list.get((r["measure"], r["period"], r["geography"]), 0) + 1
    return max(by_list.values())


def test_top_n_goes_as_far_as_the_longest_ranked_list():
    longest = _longest_ranked_list()
    assert longest == 5
    assert xbdata.check_parameters("category_trends", top_n=longest)["top_n"] == longest
    with pytest.raises(UsageError, match=f"top_n must be a whole number from 1 to {longest} "):
        xbdata.check_parameters("category_trends", top_n=longest + 1)
    report = open_report("category_trends", top_n=longest)
    assert report.slider("top_n").max == longest and report.slider("top_n").min == 1


def test_the_growth_slider_in_the_kernel_and_in_the_page_share_the_parameter_s_limits():
    report = open_report("market_size")
    low, high = xbdata.REPORTS["market_size"].param("growth_rate").limits()
    slider = report.slider("growth_rate")
    assert (slider.min, slider.max) == (low, high)
    spec = json.dumps(report.chart("projection").to_dict())
    binds = re.findall(r'"bind": \{"input": "range", "max": ([\d.]+), "min": ([\d.]+)', spec)
    assert [(float(lo) / 100, float(hi) / 100) for hi, lo in binds] == [(low, high)], "the page's slider is in percent"


@pytest.mark.parametrize("lang", LANGS)
def test_chart_titles_and_gap_years_come_from_the_data(lang):
    report = open_report("category_trends", lang=lang)
    title = report.chart("ranking").to_dict()["title"]["text"]
    # The ranked rows' own labels name the list, and their period gives the year.
    with CATALOGUE.open(encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["stat_id"] == "us_black_friday_2022_rank_toys")
    label = row["label_zh" if lang == "zh" else "label_en"]
    assert title.startswith(re.split(r"[:\uff1a]", label)[0]) and "2022" in title
    market = open_report("market_size", lang=lang).gaps().data
    assert "2018–2022" in market, "platform figures span 2018 (Tmall's) to 2022 in the seeds"


def test_the_explorer_speaks_the_report_language_and_counts_one_statistic():
    from added_articles import explorer_widget

    ex = explorer_widget("zh")
    query, count = ex.query, ex.count
    assert query.description == "搜索" and "个统计数字" in count.value
    query.value = "安装量"
    assert count.value == "<b>1</b> 个统计数字"
    assert "lang=&#x27;zh&#x27;" in ex.code.value or "lang='zh'" in ex.code.value
    ex = explorer_widget("en")
    ex.query.value = "installs"
    assert ex.count.value == "<b>1</b> statistic"
    ex.query.value = "TikTok"
    assert ex.count.value == "<b>5</b> statistics"


def test_the_explorer_refuses_an_unknown_language():
    from xbdata.explore.explorer import explorer

    with pytest.raises(UsageError, match="lang must be one of zh, en"):
        explorer("fr")


@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_report_reads_only_the_topics_it_declares(name):
    """The build skips a report when the rows of its declared topics are unchanged, so every row it shows must be in them."""
    with CATALOGUE.open(encoding="utf-8") as f:
        topic_of = {r["stat_id"]: r["topic"] for r in csv.DictReader(f)}
    report = open_report(name)
    shown = set(report.stat_ids())
    assert shown and {topic_of.get(i, "derived") for i in shown if i in topic_of} <= set(report.READS)
    derived = xbdata.statistics()
    derived = derived[derived["stat_id"].isin(shown) & (derived["kind"] == "derived")]
    assert set(derived["topic"]) <= set(report.READS)


def test_two_ranked_lists_are_never_drawn_as_one(monkeypatch):
    """A second article's ranking is a different fact: the chart draws the latest list, the section names the other."""
    import xbdata.reports.category_trends as module

    real = module.categories

    def with_a_second_list(lang="en"):
        frame = real(lang)
        ranked = frame[frame["unit"] == "rank"].copy()
        second = ranked.assign(stat_id=ranked["stat_id"] + "_2023", source="005_0123456789abcdef", period="2023 Prime Day",
                               label=ranked["label"].str.replace("Black Friday", "Prime Day"),
                               rank=ranked["rank"].iloc[::-1].to_numpy())
        return pd.concat([frame, second], ignore_index=True)

    monkeypatch.setattr(module, "categories", with_a_second_list)
    report = open_report("category_trends")
    spec = report.chart("ranking").to_dict()
    assert spec["title"]["text"] == "US Prime Day purchase intent rank (2023)"
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 5 and {r["period"] for r in rows} == {"2023 Prime Day"}
    assert [r["category"] for r in sorted(rows, key=lambda r: r["rank"])][0] == "mobile tech"
    assert "also rank: US Black Friday purchase intent rank \\(2022\\)" in report.section("ranking").data


def test_chinese_reports_name_categories_and_periods_in_chinese():
    gaps = open_report("category_trends", lang="zh").gaps().data
    assert "只涉及电子产品" in gaps and "electronics" not in gaps
    ranked = open_report("category_trends", lang="zh").ranking()
    assert set(ranked.loc[ranked["unit"] == "rank", "category"]) == {"电子产品", "服饰和时尚", "玩具", "游戏", "移动科技产品"}
    market = open_report("market_size", lang="zh").gaps().data
    assert "2022年上半年、2022年" in market and "下半年" not in market, "H2 2022 is derived, not given"
    assert "only for H1 2022, 2022;" in open_report("market_size").gaps().data


def test_a_chinese_citation_names_a_title_in_book_marks_and_an_english_one_in_quotes():
    import xbdata
    from xbdata.reports.figure import meta

    frame = xbdata.statistics("zh")
    row = frame[frame["source"].str.startswith("003")].head(1)
    from xbdata.curate.articles import articles_of

    [article] = articles_of(row)
    zh, en = meta(row, "图", "zh", "x")["cite_full"], meta(row, "chart", "en", "x")["cite_full"]
    assert f"《{article.title}》" in zh and f"“{article.title}”" not in zh
    assert f"“{article.title}”" in en


def test_two_figures_never_share_a_chart_row():
    """Drafted Chinese labels can agree for different facts (出口, for two periods): a chart gives each its own row."""
    from xbdata.reports.story import shown

    frame = xbdata.statistics("zh").head(3).copy()
    frame["label"] = ["出口", "出口", "出口"]
    frame["period"] = ["2024", "2025-H1", "2025-H1"]
    labels = shown(frame, "zh")["label"].tolist()
    assert len(set(labels)) == 3
    assert labels[0] == "出口（2024年）" and labels[1].startswith("出口（2025年上半年）（")
