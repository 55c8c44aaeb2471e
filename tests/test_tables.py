import pandas as pd
import pandera.errors
import pytest

import xbdata
from xbdata.exceptions import UsageError
from xbdata.curate.tables import SCHEMAS, TABLES

REQUIRED = ["stat_id", "source", "quote", "start", "end", "topic", "subject", "measure", "breakdown",
            "geography", "period", "kind", "value", "low", "high", "unit", "qualifier", "label_zh", "label_en"]


def test_statistics_columns():
    frame = xbdata.statistics()
    assert set(REQUIRED) <= set(frame.columns)
    assert (frame["kind"] == "derived").sum() >= 4


@pytest.mark.parametrize("name", ["market_size", "demographics", "categories", "platforms"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_views_keep_provenance_and_pick_labels(name, lang):
    frame = TABLES[name](lang)
    assert len(frame) > 0
    assert {"stat_id", "source", "quote", "value", "unit", "qualifier", "label"} <= set(frame.columns)
    labels = xbdata.statistics().set_index("stat_id").loc[frame["stat_id"], f"label_{lang}"]
    assert frame["label"].tolist() == labels.tolist()
    SCHEMAS[name].validate(frame)


def test_views_content():
    assert set(xbdata.market_size()["unit"]) == {"CNY", "%"}
    demo = xbdata.demographics().set_index("stat_id")
    assert demo.loc["xiaohongshu_users_under_25", "platform"] == "Xiaohongshu"
    assert pd.isna(demo.loc["xiaohongshu_users_under_25", "age_low"])
    assert demo.loc["xiaohongshu_users_under_25", "age_high"] == 25
    cats = xbdata.categories()
    ranked = cats.dropna(subset=["rank"]).sort_values("rank")
    assert ranked["category"].tolist() == ["electronics", "apparel & fashion", "toys", "games", "mobile tech"]
    assert {"Twitter", "Joom", "TikTok", "Tmall Global"} <= set(xbdata.platforms()["platform"])


@pytest.mark.parametrize("make", [xbdata.statistics, xbdata.market_size, xbdata.demographics,
                                  xbdata.categories, xbdata.platforms])
def test_unknown_lang(make):
    with pytest.raises(UsageError, match="lang must be one of zh, en \\(got 'fr'\\)"):
        make("fr")


def test_schema_rejects_a_bad_table():
    frame = xbdata.market_size()
    frame.loc[0, ["unit", "measure_kind", "value", "low", "high"]] = ["%", "share", 150.0, 150.0, 150.0]
    with pytest.raises(pandera.errors.SchemaError, match="shares lie between 0 and 100"):
        SCHEMAS["market_size"].validate(frame)
    frame.loc[0, "measure_kind"] = "growth"   # a growth rate may pass 100%
    SCHEMAS["market_size"].validate(frame)
    frame.loc[0, ["value", "low", "high"]] = [None, 30.0, 20.0]
    with pytest.raises(pandera.errors.SchemaError, match="low < high"):
        SCHEMAS["market_size"].validate(frame)
    frame = xbdata.platforms()
    frame.loc[0, "quote"] = ""
    with pytest.raises(pandera.errors.SchemaError):
        SCHEMAS["platforms"].validate(frame)


def test_callers_cannot_corrupt_the_cache():
    frame = xbdata.statistics()
    frame.loc[:, "value"] = -1.0
    assert (xbdata.statistics()["value"] != -1.0).any()
