"""One fact, many mentions; conflicts only between precise statistics whose figures disagree."""

import pandas as pd

from xbdata.curate.conflicts import conflicts
from xbdata.curate.facts import agree, facts

BASE = {"subject": "China cross-border e-commerce", "measure": "import and export value", "geography": "China",
        "period": "2024", "breakdown": "", "band": "", "stat_id": "a", "source": "005_0000000000000000",
        "number": "2.63万亿元", "value": 2.63e12, "low": 2.63e12, "high": 2.63e12, "unit": "CNY", "qualifier": "=",
        "kind": "observed", "quote": "q", "source_title": "t", "start": 0}


def rows(*changes):
    return pd.DataFrame([{**BASE, "stat_id": f"s{i}", **change} for i, change in enumerate(changes)])


def test_a_figure_stated_in_a_headline_and_in_the_body_is_one_fact_with_both_quotes():
    frame = facts(rows({"quote": "去年我国跨境电商进出口2.63万亿元", "start": 3},
                       {"quote": "2024年我国跨境电商进出口总额达2.63万亿元", "start": 120}))
    assert len(frame) == 1
    fact = frame.iloc[0]
    assert fact["mentions"] == 2 and fact["mention_ids"] == "s0;s1" and fact["sources"] == BASE["source"]


def test_the_same_figure_from_three_articles_is_one_fact_with_three_sources():
    sources = ["005_0000000000000000", "019_0000000000000000", "021_0000000000000000"]
    frame = facts(rows(*({"source": s} for s in sources)))
    assert len(frame) == 1 and frame.iloc[0]["sources"].split(";") == sources and frame.iloc[0]["mentions"] == 3


def test_an_exact_figure_represents_its_fact_over_an_about_figure_of_the_same_value():
    frame = facts(rows({"qualifier": "~", "number": "6%左右", "stat_id": "about"}, {"number": "6%", "stat_id": "exact"}))
    assert frame["stat_id"].tolist() == ["exact"] and frame.iloc[0]["mentions"] == 2


def test_a_bound_is_not_the_same_fact_as_its_value():
    assert len(facts(rows({}, {"qualifier": ">", "high": None, "source": "006_0000000000000000"}))) == 2


def test_rows_that_name_no_statistic_precisely_are_never_merged_or_compared():
    vague_subject = {"subject": "survey respondents", "measure": "share of respondents", "unit": "%",
                     "value": 9.7, "low": 9.7, "high": 9.7}
    other = {**vague_subject, "value": 3.1, "low": 3.1, "high": 3.1, "source": "020_0000000000000000"}
    same_value = {**vague_subject, "source": "020_0000000000000000"}
    assert len(facts(rows(vague_subject, same_value))) == 2
    assert conflicts(rows(vague_subject, other)).empty
    vague_measure = {"measure": "share", "unit": "%", "value": 40.0, "low": 40.0, "high": 40.0}
    assert conflicts(rows(vague_measure, {**vague_measure, "value": 6.0, "low": 6.0, "high": 6.0,
                                          "source": "020_0000000000000000"})).empty


def test_derived_rows_are_never_merged():
    assert len(facts(rows({"kind": "derived"}, {"kind": "derived"}))) == 2


def test_figures_agree_when_some_number_lies_within_both():
    def row(value, qualifier="=", low=None, high=None, unit="%"):
        low = value if low is None and qualifier == "=" else low
        high = value if high is None and qualifier == "=" else high
        return {"unit": unit, "value": value, "low": low, "high": high, "qualifier": qualifier}

    assert agree(row(39.0), row(30.0, ">"))            # 39% and 超过30%
    assert not agree(row(30.0), row(30.0, ">"))        # 30% is not over 30%
    assert agree(row(30.0), row(30.0, ">="))           # but it is at least 30%
    assert not agree(row(7.0), row(8.0))
    assert agree(row(6.3, "~"), row(6.0))               # about 6.3 reaches 6
    assert agree(row(None, "=", 20.0, 30.0), row(25.0))  # a range holds a value within it
    assert not agree(row(None, "=", 20.0, 30.0), row(31.0))
    assert agree(row(1.0, unit="CNY"), row(2.0, unit="USD"))   # other units are not compared


def test_a_conflict_is_shown_fact_by_fact_with_every_source_and_never_averaged():
    found = conflicts(rows({}, {"source": "019_0000000000000000"},
                           {"source": "021_0000000000000000", "number": "2.6万亿元", "value": 2.6e12, "low": 2.6e12,
                            "high": 2.6e12}))
    assert found["conflict"].nunique() == 1 and len(found) == 2
    agreed = found[found["mentions"] == 2].iloc[0]
    assert agreed["sources"] == "005_0000000000000000;019_0000000000000000" and agreed["value"] == 2.63e12
    assert set(found["value"]) == {2.63e12, 2.6e12}


def test_one_article_alone_makes_no_conflict():
    assert conflicts(rows({}, {"value": 2.6e12, "low": 2.6e12, "high": 2.6e12, "stat_id": "b"})).empty
