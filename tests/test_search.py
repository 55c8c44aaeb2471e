"""Search and the explorer, tested without a browser: everything they show comes from xbdata.search."""

from itertools import combinations

import pytest

import xbdata
from xbdata.exceptions import UsageError


def ids(frame):
    return set(frame["stat_id"])


def own(frame):
    """The statistics whose own words (quote, labels, fields) match, not only their sentence or title."""
    return set(frame[frame["match"] == "statistic"]["stat_id"])


def test_tiktok_across_articles_and_scripts():
    found = ids(xbdata.search("TikTok"))
    assert {"tiktok_users_2019", "tiktok_installs"} <= found  # 001 (traditional) and 004 (simplified)
    assert own(xbdata.search("抖音海外版")) == {"tiktok_users_2019"}  # quote in 001 is traditional


@pytest.mark.parametrize("simplified,traditional", [("用户", "用戶"), ("粉丝", "粉絲"), ("私域运营", "私域運營")])
def test_either_script_finds_both(simplified, traditional):
    a, b = ids(xbdata.search(simplified)), ids(xbdata.search(traditional))
    assert a and a == b


def test_filters_and_words():
    assert own(xbdata.search("粉絲 Twitter")) == {"zaful_twitter_followers", "shein_twitter_followers",
                                                  "jollychic_twitter_followers"}
    demo = xbdata.search("", topic="demographics", source="002_6700178db0982fd6")
    assert ids(demo) == {"xiaohongshu_users_25_32", "xiaohongshu_users_under_25", "xiaohongshu_users_over_32"}
    assert xbdata.search("no such words anywhere").empty


FILTERS = ("topic", "source", "geography", "kind")


def test_every_pair_of_filters_with_every_value_is_a_query():
    """A value found anywhere in the catalogue is valid beside any other: the rows both allow, or none."""
    stats = xbdata.statistics()
    values = {key: sorted(set(stats[key].str.split(";").explode())) for key in FILTERS}
    pairs = empty = 0
    for a, b in combinations(FILTERS, 2):
        for x in values[a]:
            for y in values[b]:
                frame = xbdata.search("", **{a: x, b: y})
                both = stats[stats[a].str.split(";").map(lambda p: x in p) & stats[b].str.split(";").map(lambda p: y in p)]
                assert ids(frame) == set(both["stat_id"]), (a, x, b, y)
                assert list(frame.columns) == [*stats.columns, "match"]
                pairs += 1
                empty += frame.empty
    assert pairs == 198 and 0 < empty < pairs     # the seeds have empty pairs: they are empty frames, not errors


def test_an_empty_combination_is_an_empty_frame():
    frame = xbdata.search("", topic="category", geography="Global")
    assert frame.empty and "quote" in frame.columns
    assert xbdata.search("TikTok", topic="demographics", kind="forecast").empty


@pytest.mark.parametrize("filters,message", [
    ({"colour": "red"}, "unknown filter 'colour' (filters: topic, source, geography, kind)"),
    ({"topic": "weather"}, "topic must be one of all, category, demographics, market_size, marketing, operations, platform "
                           "(got 'weather')"),
    ({"topic": "category", "geography": "Mars"}, "geography must be one of all, Asia-Pacific, China, Eastern Europe, "
                                                  "Global, Malaysia, United States (got 'Mars')"),
    ({"kind": "forecast", "topic": "demographics", "geography": "Atlantis"}, "geography must be one of all, Asia-Pacific"),
])
def test_a_value_that_exists_nowhere_is_a_one_line_error(filters, message):
    with pytest.raises(UsageError) as error:
        xbdata.search("x", **filters)
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


@pytest.fixture
def half_year(tmp_path, monkeypatch):
    """The seeds and, reviewed, the half-year article of tests/added_articles.py (东南亚 in its quotes)."""
    from added_articles import HALF_YEAR
    from xbdata.cli import main

    monkeypatch.setenv("XBDATA_ARTICLES", str(tmp_path / "articles"))
    path = tmp_path / "half.txt"
    path.write_text(HALF_YEAR, encoding="utf-8")
    assert main(["add", str(path), "--title", "跨境电商半年观察", "--published", "2025-07-20"]) == 0
    main(["review", "--accept-all"])
    main(["review", "--accept", "005-10", "005-12"])


def test_search_ranks_the_statistic_then_its_sentence_then_the_title(half_year):
    frame = xbdata.search("东南亚")
    order = list(frame["match"])
    assert order == sorted(order, key=["statistic", "sentence", "title"].index)
    first = frame.iloc[0]
    assert first["source"].startswith("005_") and "东南亚" in first["quote"] and first["match"] == "statistic"
    titles = frame[frame["match"] == "title"]
    assert len(titles) == 16 and set(titles["source"]) == {"003_6ffb6ff860af52e7"}   # 亚马逊杀入东南亚市场: its title only
    assert not any("东南亚" in q + lz for q, lz in zip(titles["quote"], titles["label_zh"]))
    by_sentence = xbdata.search("研究机构")        # 一家研究机构的报告显示，…: in the sentence, not in the quote
    assert set(by_sentence["match"]) == {"sentence"} and len(by_sentence) == 2
    assert set(xbdata.search("")["match"]) == {""}


def test_explorer_marks_title_matches_and_lists_other_articles_only(half_year):
    ex = xbdata.explorer()
    ex.query.value = "东南亚"
    labels = [label for label, _ in ex.results.options]
    assert "only the article's title matches" not in labels[0] and labels[0].endswith("005 · 2024")
    assert sum("only the article's title matches" in label for label in labels) == 16
    assert all("only the article's title matches" in label for label in labels[-16:])
    ex.query.value = ""
    ex.results.value = "tiktok_installs"            # 004; TikTok's users are in 001
    across = ex.detail.value.split("The same platform in other articles:")[1]
    assert "tiktok_users_2019" in across and "<td>001</td>" in across and "<td>004</td>" not in across
    ex.results.value = "twitter_users_share_16_34"   # Twitter: every other Twitter figure is from the same article
    assert "other articles" not in ex.detail.value


def test_context_highlights_the_number_in_its_paragraph():
    ctx = xbdata.context("tiktok_users_2019")
    assert ctx.sentence.startswith("據相關數據統計") and "超過5億用戶" in ctx.sentence
    assert "<mark>抖音海外版Tik Tok已經積累了<b>超過5億用戶</b></mark>" in ctx.paragraph_html
    assert ctx.title.startswith("私域運營")
    with pytest.raises(UsageError, match="derived"):
        xbdata.context("tiktok_users_outside_china")
    with pytest.raises(UsageError, match="unknown stat_id"):
        xbdata.context("nope")


def test_same_sentence_and_related():
    assert ids(xbdata.same_sentence("twitter_conversation_to_sales")) == {"twitter_conversation_increase_input"}
    side = xbdata.related("tiktok_installs")
    assert {"001_1cbe8866d55724c7", "004_f2b2ca645d6b4bf5"} <= set(side["source"])
    assert {"2019", "2022"} <= set(side["period"])


def test_explorer_widget_drives_search():
    ex = xbdata.explorer()
    ex.query.value = "TikTok"
    assert {"tiktok_users_2019", "tiktok_installs"} <= {v for _, v in ex.results.options}
    ex.results.value = "tiktok_installs"
    assert "<b>超过30亿</b>" in ex.detail.value and "tiktok_users_2019" in ex.detail.value
    ex.query.value = "抖音海外版"
    assert [v for _, v in ex.results.options][0] == "tiktok_users_2019"
    assert "xbdata.search('抖音海外版')" in ex.code.value
    ex.query.value = "no such words anywhere"
    assert ex.results.options == () and "No statistic matches the words 'no such words anywhere'" in ex.notice.value
    assert ex.detail.value == "" and ex.count.value == "<b>0</b> statistics"


def shown_buttons(ex):
    return {key for key, button in ex.clear.items() if button.layout.display != "none"}


def test_explorer_dropdowns_count_and_narrow_to_what_the_other_filters_leave():
    ex = xbdata.explorer()
    stats = xbdata.statistics()
    topics = dict((v, label) for label, v in ex.filters["topic"].options)
    assert topics["all"] == f"all ({len(stats)})" and topics["demographics"] == "demographics (9)"
    assert topics["market_size"] == f"market size ({(stats['topic'] == 'market_size').sum()})"
    ex.filters["topic"].value = "demographics"
    places = dict((v, label) for label, v in ex.filters["geography"].options)
    assert set(places) == {"all"} | set(stats[stats["topic"] == "demographics"]["geography"])
    assert places["all"] == "all (9)" and "Malaysia" not in places
    assert len(ex.results.options) == 9 and ex.count.value == "<b>9</b> statistics"
    topics = dict((v, label) for label, v in ex.filters["topic"].options)
    assert topics["category"] == "categories (8)"       # a topic's count is not narrowed by the topic itself


def test_explorer_says_which_filters_left_nothing_and_clears_them():
    """The freeze of issue 21: topic demographics and a place found elsewhere used to raise in the log."""
    ex = xbdata.explorer()
    ex.filters["topic"].value = "demographics"
    ex.filters["kind"].value = "survey"
    ex.query.value = "installs"                          # TikTok's installs: a platform figure, observed
    assert ex.results.options == () and ex.count.value == "<b>0</b> statistics"
    assert "The search finds 1 statistic, but none with topic “demographics” and kind “survey”" in ex.notice.value
    assert shown_buttons(ex) == {"topic", "kind", "all"}
    assert dict((v, label) for label, v in ex.filters["topic"].options)["demographics"] == "demographics (0)"
    ex.clear["kind"].click()
    assert ex.filters["kind"].value == "all" and ex.results.options == ()
    assert "none with topic “demographics”." in ex.notice.value and shown_buttons(ex) == {"topic"}
    ex.clear["topic"].click()
    assert [v for _, v in ex.results.options] == ["tiktok_installs"] and ex.notice.value == ""
    assert shown_buttons(ex) == set() and "<b>超过30亿</b>" in ex.detail.value


def test_a_change_made_while_the_explorer_refreshes_is_not_lost(monkeypatch):
    """In JupyterLab the kernel can take a widget's message while a refresh runs (seen in the browser
    tests): the reader's kind, chosen then, must still be searched, not overwritten or dropped."""
    from xbdata.explore import explorer as module

    ex = xbdata.explorer()
    real, calls = module.facets, []

    def facets_then_a_click(*args, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            ex.filters["kind"].value = "survey"      # the reader's click, arriving mid-refresh
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "facets", facets_then_a_click)
    ex.filters["topic"].value = "demographics"
    assert ex.filters["kind"].value == "survey" and ex.filters["topic"].value == "demographics"
    assert "topic='demographics', kind='survey'" in ex.code.value and ex.count.value == "<b>4</b> statistics"
    assert calls[-1] == {"topic": "demographics", "source": "all", "geography": "all", "kind": "survey"}


def test_the_words_tables_speak_both_languages_alike():
    from xbdata.explore import words

    for table in (words.WORDS, words.TOPICS, words.MENTION_KINDS):
        assert set(table) == {"en", "zh"} and set(table["en"]) == set(table["zh"])
    assert set(words.TOPICS["en"]) == set(xbdata.statistics()["topic"])


LATIN = __import__("re").compile(r"[A-Za-z]")


def test_the_explorer_in_zh_speaks_zh():
    ex = xbdata.explorer("zh")
    for key in ("topic", "geography", "kind"):
        labels = [label for label, _ in ex.filters[key].options]
        assert not [label for label in labels if LATIN.search(label)], labels
    assert dict((v, label) for label, v in ex.filters["topic"].options)["demographics"] == "用户画像（9）"
    assert dict((v, label) for label, v in ex.filters["geography"].options)["United States"].startswith("美国（")
    assert dict((v, label) for label, v in ex.filters["kind"].options)["survey"].startswith("调查（")
    assert [d.description for d in ex.filters.values()] == ["主题", "文章", "地区", "类型"]
    assert ex.query.description == "搜索" and "个统计数字" in ex.count.value
    first = ex.results.options[0][0]
    assert first == "2022年上半年中国跨境电商市场规模 · 超过7万亿元 · 000 · 2022年上半年"
    ex.results.value = "tiktok_installs"
    head = ex.detail.value.split("<blockquote")[0]
    assert "TikTok安装量：超过30亿次安装" in head and "实际 · 2022年 · 全球" in head
    across = ex.detail.value.split("其他文章中的同一平台：")[1]
    assert "超过5亿用户" in across and "2019年" in across and "推算" in across
    assert "users outside China" not in across and "derived" not in across
    ex.filters["topic"].value = "demographics"
    ex.filters["kind"].value = "survey"
    ex.query.value = "安装"
    assert "搜索到 1 个统计数字，但没有符合主题“用户画像”和类型“调查”的。" in ex.notice.value
    assert {ex.clear[k].description for k in ("topic", "kind", "all")} == {"清除主题", "清除类型", "清除全部筛选"}


def test_the_explorer_fits_the_notebook():
    """Each widget takes at most the width it is given (the real check is in tests/test_jupyterlab.py)."""
    ex = xbdata.explorer()
    for widget in (ex.widget, ex.query, ex.results, ex.detail, ex.code):
        assert widget.layout.max_width == "100%"
    assert all(d.layout.width.startswith("calc(50%") for d in ex.filters.values())


def test_explore_notebook_runs(tmp_path):
    import nbformat
    from conftest import run_papermill

    from xbdata.engine.build import notebooks_dir

    out = tmp_path / "explore.ipynb"
    result = run_papermill(str(notebooks_dir() / "explore.ipynb"), str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert any("tiktok_installs" in str(o.get("data", {})) for o in outputs)
    tables = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(tables) >= 2 and "over 3 billion installs" in "".join(tables)
    assert not __import__("re").search(r"\de[+-]\d\d", "".join(tables))     # the shown form, never 5.000000e+08
