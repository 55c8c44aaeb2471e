import csv

import pandas as pd
import pytest

import xbdata.curate.catalogue
from xbdata.curate.catalogue import (BAND_CORRECTIONS, CATALOGUE_COLUMNS, COLUMNS, TOPICS, UNITS, accounting, catalogue,
                              data_path, load_catalogue, load_exclusions)
from xbdata.curate.derive import DERIVATIONS
from xbdata.exceptions import CatalogueError
from xbdata.text.extract import extract_mentions

from figures_by_hand import BY_HAND, DERIVED_BY_HAND, same


@pytest.fixture(scope="module")
def stats():
    return catalogue()


def test_every_row_is_traced_to_its_quote(stats, texts):
    reported = stats[stats["kind"] != "derived"]
    assert len(reported) >= 70
    for row in reported.itertuples():
        text = texts[row.source]
        assert text[row.start:row.end] == row.quote
        assert text[row.number_start:row.number_end] == row.number
        assert row.start <= row.number_start < row.number_end <= row.end


def test_columns_ids_and_vocabularies(stats):
    assert list(stats.columns) == list(COLUMNS)
    assert stats["stat_id"].is_unique
    assert set(stats["topic"]) <= set(TOPICS) and set(stats["unit"]) <= set(UNITS)
    shares = stats[stats["measure_kind"] == "share"]
    assert all(shares[c].dropna().between(0, 100).all() for c in ("value", "low", "high"))
    assert {"market_size", "demographics", "category", "platform", "marketing"} <= set(stats["topic"])
    assert stats["source"].str.split(";").explode().isin(
        ["000_8d48b1a84700725f", "001_1cbe8866d55724c7", "002_6700178db0982fd6",
         "003_6ffb6ff860af52e7", "004_f2b2ca645d6b4bf5"]).all()


def test_headline_figures(stats):
    by_id = stats.set_index("stat_id")
    assert by_id.loc["market_size_2022h1", ["value", "unit", "qualifier"]].tolist() == [7e12, "CNY", ">"]
    assert by_id.loc["market_size_2022_forecast", "value"] == 15.7e12
    assert by_id.loc["xiaohongshu_users_25_32", ["band_low", "band_high"]].tolist() == [25, 32]
    assert by_id.loc["us_black_friday_2022_rank_toys", ["value", "unit"]].tolist() == [3, "rank"]


def test_every_mention_in_the_seeds_is_accounted_for(stats, texts):
    missing = accounting(stats, load_exclusions(), texts)
    assert {k: [m.text for m in v] for k, v in missing.items()} == {k: [] for k in texts}
    total = sum(len(extract_mentions(t)) for t in texts.values())
    assert total > 200


def test_accounting_notices_a_missing_statistic(stats, texts):
    without = stats[stats["stat_id"] != "market_size_2022h1"]
    missing = accounting(without, load_exclusions(), texts)
    assert [m.text for m in missing["000_8d48b1a84700725f"]] == ["超7万亿"]


def test_exclusions_have_reasons_and_each_names_a_real_mention(texts):
    exclusions = load_exclusions()
    assert exclusions
    mentions = {s: extract_mentions(t) for s, t in texts.items()}
    for e in exclusions:
        assert e.reason and texts[e.source][e.start:e.end] == e.text
        assert any(m.start < e.end and e.start < m.end for m in mentions[e.source]), f"stale exclusion {e}"


def test_slogan_and_headlines_are_excluded_with_reasons():
    reasons = [(e.text, e.reason) for e in load_exclusions()]
    assert any(t == "三分" and "slogan" in r for t, r in reasons)
    assert any(t == "七分" and "slogan" in r for t, r in reasons)
    assert sum("related-article headline" in r for _, r in reasons) >= 5


def _figure(row) -> tuple:
    return tuple(None if pd.isna(row[c]) else float(row[c]) for c in ("value", "low", "high"))


def test_the_figures_by_hand_cover_every_seed_and_each_kind_of_number():
    sources = {stat_id: source for stat_id, source in
               catalogue().set_index("stat_id")["source"].items()}
    assert len(BY_HAND) >= 25
    assert {sources[s] for s in BY_HAND} == {"000_8d48b1a84700725f", "001_1cbe8866d55724c7", "002_6700178db0982fd6",
                                              "003_6ffb6ff860af52e7", "004_f2b2ca645d6b4bf5"}
    hands = list(BY_HAND.values())
    assert {h.qualifier for h in hands} == {"=", ">", "~"}
    assert any(h.value is None for h in hands) and any(h.high is None for h in hands)    # ranges, open bounds
    assert {h.unit for h in hands} >= {"CNY", "%", "x", "rank", "users", "followers", "months", "years"}
    assert set(DERIVED_BY_HAND) == {d.stat_id for d in DERIVATIONS}


@pytest.mark.parametrize("stat_id", sorted(BY_HAND))
def test_a_figure_is_what_the_article_says_read_by_hand(stats, stat_id):
    hand, row = BY_HAND[stat_id], stats.set_index("stat_id").loc[stat_id]
    assert row["number"] == hand.words, "the catalogue quotes other words than the ones read by hand"
    value, low, high = _figure(row)
    assert same(value, hand.value) and same(low, hand.low) and same(high, hand.high), (
        (value, low, high), (hand.value, hand.low, hand.high))
    assert (row["unit"], row["qualifier"], bool(row["approx"])) == (hand.unit, hand.qualifier, hand.approx)


@pytest.mark.parametrize("stat_id", sorted(DERIVED_BY_HAND))
def test_a_derived_figure_is_the_one_computed_by_hand(stats, stat_id):
    hand, row = DERIVED_BY_HAND[stat_id], stats.set_index("stat_id").loc[stat_id]
    d = next(d for d in DERIVATIONS if d.stat_id == stat_id)
    assert row["kind"] == "derived" and row["formula"] and row["inputs"] == ";".join(d.inputs)
    value, low, high = _figure(row)
    assert same(value, hand.value) and same(low, hand.low) and same(high, hand.high), (
        (value, low, high), (hand.value, hand.low, hand.high))
    assert (row["unit"], row["qualifier"], bool(row["approx"])) == (hand.unit, hand.qualifier, hand.approx)


# --- number semantics: what the words say, no more ---------------------------------------------

# Read by hand from the articles: (stat_id, low, high, qualifier).
RANGES_AND_VAGUE = [
    ("us_conversational_growth_forecast", 6, 25, "="),   # 6-25%的增长
    ("standalone_site_cost_now", 2000, 9000, "~"),       # 幾千元
    ("boostinsider_ceo_followers_2013", 2000, 9000, "~"),  # 幾千個粉絲
    ("alibaba_experience_years", 11, 19, "~"),           # 十几年
]


@pytest.mark.parametrize("stat_id,low,high,qualifier", RANGES_AND_VAGUE)
def test_a_range_or_vague_amount_keeps_no_value(stats, stat_id, low, high, qualifier):
    row = stats.set_index("stat_id").loc[stat_id]
    assert pd.isna(row["value"]) and (row["low"], row["high"], row["qualifier"]) == (low, high, qualifier)


def test_no_row_carries_a_midpoint(stats):
    ranges = stats[stats["low"].notna() & stats["high"].notna() & (stats["low"] < stats["high"])]
    assert len(ranges) >= 4 and ranges["value"].isna().all()


def test_percentages_say_what_they_measure(stats):
    by_id = stats.set_index("stat_id")
    assert set(stats.loc[stats["unit"] == "%", "measure_kind"]) == {"share", "growth", "uplift"}
    for stat_id in ("twitter_users_affluent", "twitter_users_influential"):   # 可能性要高55% / 64%
        assert by_id.loc[stat_id, "measure_kind"] == "uplift"
    assert by_id.loc["market_growth_5y", "measure_kind"] == "growth"
    assert by_id.loc["twitter_users_share_16_34", "measure_kind"] == "share"


def test_a_percentage_without_its_measure_kind_is_an_error(tmp_path, texts):
    rows = _rows()
    row = next(r for r in rows if r["number"].endswith("%"))
    row["measure_kind"] = ""
    with pytest.raises(CatalogueError, match="measure_kind is empty; a percentage is a share, a growth, a decline or an uplift"):
        load_catalogue(_write(tmp_path, rows), texts)
    row["measure_kind"] = "count"
    with pytest.raises(CatalogueError, match="measure_kind 'count' contradicts"):
        load_catalogue(_write(tmp_path, rows), texts)


def test_hypotheticals_are_not_observed(stats):
    conditional = stats[stats["quote"].str.contains("如果|假如|假设|如果有")]
    assert len(conditional) >= 2 and (conditional["kind"] == "hypothetical").all()


def test_age_bands_come_from_the_quote(stats):
    with_band = stats[(stats["band"] != "") & (stats["kind"] != "derived")]
    assert len(with_band) >= 4
    assert all(r.band in r.quote for r in with_band.itertuples())
    row = stats.set_index("stat_id").loc["xiaohongshu_users_under_25"]
    assert row["band"] == "25岁下列" and pd.isna(row["band_low"]) and row["band_high"] == 25
    assert BAND_CORRECTIONS["25岁下列"][0] == "25岁以下" and "以下" in BAND_CORRECTIONS["25岁下列"][1]
    over_32 = stats.set_index("stat_id").loc["xiaohongshu_users_over_32"]
    assert (over_32["band_low"], over_32["band"]) == (32, "32岁以上") and pd.isna(over_32["band_high"])


def test_a_band_not_in_the_quote_is_an_error(tmp_path, texts):
    rows = _rows()
    row = next(r for r in rows if r["band"])
    row["band"] = "60岁以上"
    with pytest.raises(CatalogueError, match="band '60岁以上' is not in the quote"):
        load_catalogue(_write(tmp_path, rows), texts)


def test_bounds_and_qualifiers_travel_through_derivations(stats):
    by_id = stats.set_index("stat_id")
    outside = by_id.loc["tiktok_users_outside_china"]   # 超过5亿 x 约40%
    assert (outside["low"], outside["qualifier"], bool(outside["approx"])) == (2e8, ">", True)
    assert pd.isna(outside["high"])
    growth = by_id.loc["tmall_global_category_growth_2019_2020"]   # 5300多 / 4000
    assert (growth["low"], growth["qualifier"]) == (pytest.approx(1.325), ">") and pd.isna(growth["high"])


def test_a_derived_figure_without_its_input_is_a_load_error(tmp_path, texts):
    rows = [r for r in _rows() if r["stat_id"] != "tiktok_users_outside_china_share"]
    with pytest.raises(CatalogueError, match="derived figure tiktok_users_outside_china needs "
                                             "tiktok_users_outside_china_share, which the catalogue lacks"):
        load_catalogue(_write(tmp_path, rows), texts)


def test_check_fails_in_one_line_when_a_derived_input_is_missing(tmp_path, texts, monkeypatch, capsys):
    from xbdata.cli import main

    rows = [r for r in _rows() if r["stat_id"] != "market_size_2022h1"]
    path = _write(tmp_path, rows)
    monkeypatch.setattr(xbdata.curate.catalogue, "data_path",
                        lambda name: path if name == "catalogue.csv" else data_path(name))
    xbdata.curate.catalogue._cached_catalogue.cache_clear()
    try:
        assert main(["check"]) == 2
    finally:
        xbdata.curate.catalogue._cached_catalogue.cache_clear()
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "market_size_2022h2_implied" in err and "market_size_2022h1" in err


# --- bad rows: each is a clear error naming the row and the field; nothing half-loads ---------

def _rows():
    with open(data_path("catalogue.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(tmp_path, rows, columns=CATALOGUE_COLUMNS):
    path = tmp_path / "catalogue.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


BAD = [
    ({"source": "999_nope"}, "source '999_nope' is not a seed"),
    ({"quote": "这句话不在文章里"}, "quote '这句话不在文章里' is not in the article"),
    ({"quote": "跨境电商"}, "occurs"),
    ({"number": "99万亿"}, "number '99万亿' is not in the quote"),
    ({"quote": "市场规模超7万亿,预计", "number": "市场"}, "number: cannot parse quantity '市场'"),
    ({"unit": "bananas"}, "unit 'bananas' is not one of"),
    ({"unit": ""}, "field unit is empty"),
    ({"topic": "weather"}, "topic 'weather' is not one of"),
    ({"kind": "rumour"}, "kind 'rumour' is not one of"),
    ({"kind": "derived"}, "computed in xbdata/curate/derive.py"),
    ({"label_en": ""}, "field label_en is empty"),
    ({"stat_id": "Bad Id"}, "stat_id must be"),
    ({"band": "abc"}, "band 'abc' is not in the quote"),
    ({"band": "上半年"}, "band: cannot parse"),
]


@pytest.mark.parametrize("change,message", BAD)
def test_bad_row_is_a_clear_error(tmp_path, texts, change, message):
    rows = _rows()
    rows[0] = {**rows[0], **change}
    with pytest.raises(CatalogueError, match=message.replace("(", r"\(")) as info:
        load_catalogue(_write(tmp_path, rows), texts)
    assert "catalogue row 2" in str(info.value) and "\n" not in str(info.value)


def test_unit_that_contradicts_the_quote(tmp_path, texts):
    rows = _rows()
    row = next(r for r in rows if r["number"].endswith("%"))
    row["unit"] = "users"
    with pytest.raises(CatalogueError, match="contradicts the unit the quote itself gives"):
        load_catalogue(_write(tmp_path, rows), texts)


def test_duplicate_id(tmp_path, texts):
    rows = _rows()
    rows[1]["stat_id"] = rows[0]["stat_id"]
    with pytest.raises(CatalogueError, match="catalogue row 3 .*used twice"):
        load_catalogue(_write(tmp_path, rows), texts)


def test_missing_column(tmp_path, texts):
    path = _write(tmp_path, _rows(), [c for c in CATALOGUE_COLUMNS if c != "quote"])
    with pytest.raises(CatalogueError, match="header lacks column\\(s\\) quote"):
        load_catalogue(path, texts)


def test_missing_file(tmp_path, texts):
    with pytest.raises(CatalogueError, match="not found"):
        load_catalogue(tmp_path / "absent.csv", texts)


def test_bad_exclusion(tmp_path, texts):
    path = tmp_path / "exclusions.csv"
    path.write_text("source,context,text,reason\n000_8d48b1a84700725f,2022上半年中国跨,2022上半年,\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="exclusions row 2: field reason is empty"):
        load_exclusions(path, texts)
    path.write_text("source,context,text,reason\n000_8d48b1a84700725f,不存在的上下文,1,x\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="exclusions row 2: context"):
        load_exclusions(path, texts)
