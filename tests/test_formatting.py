"""What a reader is shown says what the article says: read back independently, it gives the same figure.

The readers below are written for this test alone (they share no code with xbdata's parser or
formatter): small readers of the English and Chinese a report prints. Every catalogue row,
derived rows included, is formatted in both languages and read back; the interval and the
qualifier must match the catalogue's, within display rounding.
"""

import math
import re

import pytest

import xbdata
from xbdata.text.formatting import format_figure, format_row, format_value

EN_SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "": 1}
EN_QUALIFIERS = {"over": ">", "at least": ">=", "under": "<", "about": "~", "nearly": "~", "almost": "~",
                 "roughly": "~"}
EN_SMALL = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                         "nine", "ten"])}
EN_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                   "fifths": 5}
ZH_QUALIFIERS = {"超过": ">", "至少": ">=", "不到": "<", "约": "~", "近": "~", "几乎": "~"}
ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
ZH_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1}


def _en_number(s: str) -> float:
    m = re.fullmatch(r"(?:CNY |USD |#)?([\d,.]+)(?: (trillion|billion|million))?.*", s)
    assert m, f"no number in {s!r}"
    return float(m.group(1).replace(",", "")) * EN_SCALE[m.group(2) or ""]


def read_en(shown: str) -> tuple[float | None, float | None, str, bool]:
    """(low, high, qualifier, approx) of an English figure as a reader would take it."""
    shown = shown.removeprefix("down ")   # a decline's direction; its figure reads as written
    m = re.fullmatch(r"about (.+) or (more|less)", shown)
    if m:
        x = _en_number(m.group(1))
        return (x, None, ">", True) if m.group(2) == "more" else (None, x, "<", True)
    qualifier = "="
    for word, q in sorted(EN_QUALIFIERS.items(), key=lambda kv: -len(kv[0])):
        if shown.startswith(word + " "):
            shown, qualifier = shown[len(word) + 1:], q
            break
    m = re.fullmatch(r"(\w+) (?:(half|halves|thirds?|quarters?|fifths?)|in every (\w+)) \(.*\)", shown)
    if m:
        numerator = EN_SMALL[m.group(1)]
        denominator = EN_DENOMINATORS[m.group(2)] if m.group(2) else EN_SMALL[m.group(3)]
        x = 100 * numerator / denominator
    elif "–" in shown:
        left, right = shown.split("–")
        prefix = re.match(r"(CNY |USD |#)?", left).group(0)
        low, high = _en_number(left if re.search(r"\d[,.\d]* \w+illion", left) else left + re.sub(r"^[\d,.]+", "", right)), \
            _en_number(prefix + right)
        return low, high, qualifier, False
    else:
        x = _en_number(shown)
    return {">": (x, None), ">=": (x, None), "<": (None, x)}.get(qualifier, (x, x)) + (qualifier, False)


def _zh_amount(s: str) -> float:
    m = re.match(r"第?([\d.]+)(万亿|亿|万)?", s)
    assert m, f"no number in {s!r}"
    return float(m.group(1)) * ZH_SCALE[m.group(2) or ""]


def _zh_vague(s: str) -> tuple[float, float] | None:
    if s.startswith("几千"):
        return 2000, 9000
    if s.startswith("十几"):
        return 11, 19
    return None


def read_zh(shown: str) -> tuple[float | None, float | None, str, bool]:
    """(low, high, qualifier, approx) of a Chinese figure as a reader would take it."""
    shown = shown.removeprefix("下降")
    m = re.fullmatch(r"约(.+?)(以上|以下)(.*)", shown)
    if m:
        x = _zh_amount(m.group(1))
        return (x, None, ">", True) if m.group(2) == "以上" else (None, x, "<", True)
    qualifier = "="
    for word, q in sorted(ZH_QUALIFIERS.items(), key=lambda kv: -len(kv[0])):
        if shown.startswith(word):
            shown, qualifier = shown[len(word):], q
            break
    vague = _zh_vague(shown)
    if vague:
        return vague[0], vague[1], "~", False
    m = re.fullmatch(r"(.)分之(.)", shown) or re.fullmatch(r"每(.)个就有(.)个", shown)
    if m:
        x = 100 * ZH_DIGITS[m.group(2)] / ZH_DIGITS[m.group(1)]
    elif "–" in shown:
        left, right = shown.split("–")
        return _zh_amount(left), _zh_amount(right), qualifier, False
    else:
        x = _zh_amount(shown)
    return {">": (x, None), ">=": (x, None), "<": (None, x)}.get(qualifier, (x, x)) + (qualifier, False)


def _close(a, b) -> bool:
    if a is None or b is None or (isinstance(b, float) and math.isnan(b)):
        return (a is None) == (b is None or (isinstance(b, float) and math.isnan(b)))
    return math.isclose(a, b, rel_tol=1e-9)


def _expected(row) -> tuple:
    low, high = row["low"], row["high"]
    return (None if low != low else low, None if high != high else high, row["qualifier"],
            bool(row["approx"]) and row["qualifier"] in (">", ">=", "<"))


ROWS = xbdata.statistics().to_dict("records")


@pytest.mark.parametrize("row", ROWS, ids=[r["stat_id"] for r in ROWS])
@pytest.mark.parametrize("lang,read", [("en", read_en), ("zh", read_zh)])
def test_every_row_reads_back_as_the_catalogue_says(row, lang, read):
    shown = format_row(row, lang)
    low, high, qualifier, approx = read(shown)
    want_low, want_high, want_qualifier, want_approx = _expected(row)
    assert (qualifier, approx) == (want_qualifier, want_approx), shown
    assert _close(low, want_low) and _close(high, want_high), (shown, low, high, want_low, want_high)


def test_ranges_and_vague_amounts_keep_their_words():
    assert format_figure(None, 6, 25, "%", "=", "en", "6-25%") == "6–25%"
    assert format_figure(None, 6, 25, "%", "=", "zh", "6-25%") == "6–25%"
    assert format_figure(None, 30000, 50000, "CNY", "=", "zh", "3万-5万元") == "3万–5万元"
    assert format_figure(None, 2000, 9000, "CNY", "~", "zh", "幾千元") == "几千元"
    assert format_figure(None, 2000, 9000, "CNY", "~", "en", "幾千元") == "roughly CNY 2,000–9,000"


def test_words_choose_the_form():
    two_thirds = 200 / 3
    assert format_figure(two_thirds, two_thirds, two_thirds, "%", "~", "en", "近三分之二") == "nearly two thirds (≈67%)"
    assert format_figure(two_thirds, two_thirds, two_thirds, "%", "~", "zh", "近三分之二") == "近三分之二"
    assert format_figure(7e12, 7e12, None, "CNY", ">", "en", "超7万亿") == "over CNY 7 trillion"
    assert format_figure(7e12, 7e12, None, "CNY", ">", "zh", "超7万亿") == "超过7万亿元"
    assert format_figure(40, 40, 40, "%", "~", "en", "約有40%") == "about 40%"


def test_an_approximate_open_bound_keeps_both():
    assert format_figure(2e8, 2e8, None, "users", ">", "en", approx=True) == "about 200 million users or more"
    assert format_figure(2e8, 2e8, None, "users", ">", "zh", approx=True) == "约2亿以上用户"


def test_no_midpoint_is_ever_shown():
    from xbdata.text.formatting import _en_number, _zh_number

    ranges = [r for r in ROWS if r["value"] != r["value"] and r["low"] < r["high"]]
    assert len(ranges) >= 4
    for r in ranges:
        middle = (r["low"] + r["high"]) / 2
        for lang, number in (("en", _en_number), ("zh", _zh_number)):
            shown = format_row(r, lang)
            assert number(middle) not in shown, (r["stat_id"], shown)
            assert read_en(shown)[:2] == (r["low"], r["high"]) if lang == "en" else read_zh(shown)[:2] == (r["low"], r["high"])
    assert format_value(float("nan"), "%") == ""


@pytest.mark.parametrize("text,en,zh", [("约40%以上", "about 40% or more", "约40%以上"),
                                        ("近60%以上", "about 60% or more", "约60%以上")])
def test_an_approximate_open_bound_in_the_words_keeps_both(text, en, zh):
    q = xbdata.parse_quantity(text)
    assert (q.qualifier, q.approx) == (">", True)
    assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "en", text, q.approx) == en
    assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "zh", text, q.approx) == zh
    assert read_en(en)[2:] == (">", True) and read_zh(zh)[2:] == (">", True)


def test_numbers_keep_every_digit_the_article_gave():
    assert format_value(12345, "CNY", "=", "zh") == "1.2345万元"
    assert format_value(99999, "users", "=", "en") == "99,999 users"
    assert format_value(9999.5, "CNY", "=", "en") == "CNY 9,999.5"
    assert format_value(12.34, "x", "=", "en") == "12.34×"
    assert format_value(0.1 + 0.2, "%", "=", "en") == "0.3%"


def test_converted_money_is_approximate_and_its_open_bounds_stay_true():
    from xbdata.reports.registry import open_report

    money = open_report("market_size", currency="USD", usd_cny_rate=7.1).money().set_index("stat_id")
    h1 = money.loc["market_size_2022h1"]          # 超7万亿元 / 7.1 = 985.9 billion: "over" must stay true
    assert h1["low"] <= 7e12 / 7.1 and h1["shown"] == "about USD 985 billion or more"
    h2 = money.loc["market_size_2022h2_implied"]  # < 8.7万亿元 / 7.1 = 1.2254 trillion: rounded up
    assert h2["high"] >= 8.7e12 / 7.1 and h2["shown"] == "about USD 1.23 trillion or less"
    assert money.loc["market_size_2022_forecast", "shown"] == "about USD 2.21 trillion"


def test_every_currency_the_parser_reads_is_shown_in_words():
    for text, zh, en in (("新台币650元", "新台币650元", "TWD 650"), ("约500亿港元", "约500亿港元", "about HKD 50 billion"),
                         ("1.2万亿元", "1.2万亿元", "CNY 1.2 trillion"), ("30亿欧元", "30亿欧元", "EUR 3 billion")):
        q = xbdata.parse_quantity(text)
        assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "zh", text) == zh
        assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "en", text) == en


def test_a_decline_keeps_its_direction():
    row = {"value": 5.3, "low": 5.3, "high": 5.3, "unit": "%", "qualifier": "=", "measure_kind": "decline"}
    assert (format_row(row, "en"), format_row(row, "zh")) == ("down 5.3%", "下降5.3%")
    assert format_row({**row, "measure_kind": "growth"}, "en") == "5.3%"


@pytest.mark.parametrize("text,en,zh", [
    ("1/3", "one third (≈33%)", "三分之一"),
    ("十个里有三个", "three in every ten (30%)", "每十个就有三个"),
    ("每十位中国消费者中就有三位", "three in every ten (30%)", "每十个就有三个"),
    ("每三个买家就有两个", "two in every three (≈67%)", "每三个就有两个"),
])
def test_shares_written_as_counts_stay_counts(text, en, zh):
    q = xbdata.parse_quantity(text)
    assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "en", text) == en
    assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "zh", text) == zh
    assert read_en(en)[:2] == read_zh(zh)[:2] == (pytest.approx(q.low), pytest.approx(q.high))
