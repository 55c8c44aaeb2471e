"""Every "what the articles do not tell us" sentence is computed from what the catalogue lacks:
each is seen with the seeds, then an article that fills its gap is added and the sentence goes.

The articles are short texts written for these tests (facts in the style of customs releases,
surveys and category reports; no sentence copied).
"""

from __future__ import annotations

import pytest

SERIES = "海关数据回顾\n\n据海关统计，2021年我国跨境电商进出口额为1.92万亿元，2022年为2.11万亿元，2023年达到2.38万亿元。\n"
GROWTH = "跨境电商增速\n\n海关总署表示，2023年我国跨境电商进出口同比增长15.6%。\n"
SAMPLE = "海外消费者调查\n\n2024年的这项调查共访问了1,200名消费者。调查显示，2024年有62%的受访者曾在跨境电商平台购物。\n"
GENDER = "平台用户画像\n\n2024年，小红书用户中女性用户占比为70%。\n"
CATEGORY_MONEY = "品类观察\n\n2024年，消费电子品类的跨境出口额达到3200亿元。\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XBDATA_ARTICLES", str(tmp_path / "articles"))
    return tmp_path


def add(folder, text: str, name: str, accept_unsure: bool = False):
    """`text` added as an article and its drafts accepted (those the drafting was unsure of too, as a
    person who checked them would)."""
    from xbdata.curate.review import accept, accept_all
    from xbdata.cli import main

    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["add", str(path), "--title", name, "--published", "2025-03-01"]) == 0
    _, kept = accept_all()
    if accept_unsure:
        accept([line.split()[2].rstrip(":") for line in kept])


def gaps(name: str) -> str:
    from xbdata.reports.registry import open_report

    return open_report(name).gaps().data


def test_the_market_gaps_go_as_articles_give_a_series_and_its_growth(folder):
    before = gaps("market_size")
    assert "there is no series of earlier years" in before
    assert "how 'market size' is measured" in before
    assert "Growth is stated only as a bound" in before
    add(folder, SERIES, "series")
    with_series = gaps("market_size")
    assert "no series of earlier years" not in with_series
    assert "how 'market size' is measured" not in with_series, "the main measure is now imports and exports"
    assert "give no growth rate for China cross\\-border e\\-commerce\\: import and export value" in with_series
    add(folder, GROWTH, "growth")
    with_growth = gaps("market_size")
    assert "no growth rate" not in with_growth and "only as a bound" not in with_growth


def test_the_sample_size_gap_goes_when_a_survey_gives_its_sample(folder):
    assert "Survey sample sizes are not given for any" in gaps("user_demographics")
    add(folder, SAMPLE, "sample", accept_unsure=True)
    after = gaps("user_demographics")
    assert "not given for any" not in after
    assert "Survey sample sizes are given for 1 of the" in after


def test_the_gender_gap_goes_when_an_article_speaks_of_gender(folder):
    assert "by gender" in gaps("user_demographics")
    add(folder, GENDER, "gender")
    assert "by gender" not in gaps("user_demographics")


def test_the_category_money_gap_goes_when_a_category_has_money(folder):
    assert "No category sales, prices or margins" in gaps("category_trends")
    add(folder, CATEGORY_MONEY, "categories")
    assert "No category sales, prices or margins" not in gaps("category_trends")


SHORT_LIST = ("跨境品类榜\n\n据平台统计，2025年美国站最畅销的品类中，宠物用品排名第一，家居收纳排名第二。\n")
PLATFORM_YEARS = ("平台观察\n\n2019年，Joom的月活跃用户达到8000万。2019年，TikTok的月活跃用户超过5亿。"
                  "2021年，Joom的月活跃用户为1.2亿。\n")


def test_a_list_of_two_ranks_is_no_ranking_chart(folder):
    from xbdata.reports.registry import open_report

    before = open_report("category_trends").chart("ranking").to_dict()["title"]["text"]
    add(folder, SHORT_LIST, "short_list")
    report = open_report("category_trends")
    ranked = report.ranking()
    added = ranked[ranked["source"].str.startswith("005_") & (ranked["unit"] == "rank")]
    assert len(added) == 2, "the article's two ranks are in the catalogue, as the latest ranked rows"
    assert report.chart("ranking").to_dict()["title"]["text"] == before, "the two-item list does not replace the ranking"


def test_the_platform_chart_compares_one_measure_of_one_period_at_a_time(folder):
    from xbdata.reports.registry import open_report

    add(folder, PLATFORM_YEARS, "platform_years")
    report = open_report("market_size")
    frame = report.platform_scale()
    for option, rows in frame.groupby("comparison"):
        assert rows["measure"].nunique() == 1 and rows["period"].nunique() == 1 and rows["unit"].nunique() == 1, option
    spec = report.chart("platforms").to_dict()
    assert "pick_comparison" in str(spec)


def test_a_growth_figure_beyond_the_scenario_s_range_is_said_to_be_limited(folder):
    from xbdata.reports.registry import open_report

    add(folder, SERIES, "series")
    add(folder, "跨境电商增速\n\n海关总署表示，2023年我国跨境电商进出口同比增长45%。\n", "fast")
    report = open_report("market_size")
    assert report.growth_rate() == 0.3
    line = next(h for h in report.headlines() if "outside the scenario's range" in h)
    assert "45%" in line and "it runs at 30.0%" in line
