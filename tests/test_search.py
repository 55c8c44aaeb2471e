"""Search and the explorer, tested without a browser: everything they show comes from xbdata.search."""

import pytest

import xbdata
from xbdata.exceptions import UsageError


def ids(frame):
    return set(frame["stat_id"])


def test_tiktok_across_articles_and_scripts():
    found = ids(xbdata.search("TikTok"))
    assert {"tiktok_users_2019", "tiktok_installs"} <= found  # 001 (traditional) and 004 (simplified)
    assert ids(xbdata.search("抖音海外版")) == {"tiktok_users_2019"}  # quote in 001 is traditional


@pytest.mark.parametrize("simplified,traditional", [("用户", "用戶"), ("粉丝", "粉絲"), ("私域运营", "私域運營")])
def test_either_script_finds_both(simplified, traditional):
    a, b = ids(xbdata.search(simplified)), ids(xbdata.search(traditional))
    assert a and a == b


def test_filters_and_words():
    assert ids(xbdata.search("粉絲 Twitter")) == {"zaful_twitter_followers", "shein_twitter_followers",
                                                  "jollychic_twitter_followers"}
    demo = xbdata.search("", topic="demographics", source="002_6700178db0982fd6")
    assert ids(demo) == {"xiaohongshu_users_25_32", "xiaohongshu_users_under_25", "xiaohongshu_users_over_32"}
    assert xbdata.search("no such words anywhere").empty


@pytest.mark.parametrize("filters,message", [({"colour": "red"}, "unknown filter 'colour'"),
                                             ({"topic": "weather"}, "topic must be one of all, category")])
def test_bad_filters(filters, message):
    with pytest.raises(UsageError, match=message):
        xbdata.search("x", **filters)


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
    box = xbdata.explorer()
    query, results, detail, code = box.children[0], box.children[5], box.children[6], box.children[4]
    query.value = "TikTok"
    assert {"tiktok_users_2019", "tiktok_installs"} <= {v for _, v in results.options}
    results.value = "tiktok_installs"
    assert "<b>超过30亿</b>" in detail.value and "tiktok_users_2019" in detail.value
    query.value = "抖音海外版"
    assert [v for _, v in results.options] == ["tiktok_users_2019"]
    assert "xbdata.search('抖音海外版')" in code.value
    query.value = "no such words anywhere"
    assert results.options == () and "No statistic matches" in detail.value


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
