import math
import random
from decimal import Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from xbdata.text.numbers import PREFIX_QUALIFIERS, QuantityError, parse_quantity
from xbdata.text.script import to_traditional

# (text, value, low, high, unit, qualifier)
EXAMPLES = [
    ("7万亿", 7e12, 7e12, 7e12, None, "="),
    ("超7万亿", 7e12, 7e12, None, None, ">"),
    ("15.7万亿", 15.7e12, 15.7e12, 15.7e12, None, "="),
    ("1.2億", 1.2e8, 1.2e8, 1.2e8, None, "="),
    ("390萬", 3.9e6, 3.9e6, 3.9e6, None, "="),
    ("9.95万", 99500, 99500, 99500, None, "="),
    ("560亿", 5.6e10, 5.6e10, 5.6e10, None, "="),
    ("3千", 3000, 3000, 3000, None, "="),
    ("2百万", 2e6, 2e6, 2e6, None, "="),
    ("26,000", 26000, 26000, 26000, None, "="),
    ("１２．５％", 12.5, 12.5, 12.5, "%", "="),
    ("五万", 50000, 50000, 50000, None, "="),
    ("两", 2, 2, 2, None, "="),
    ("兩", 2, 2, 2, None, "="),
    ("二十六万", 260000, 260000, 260000, None, "="),
    ("三亿五千万", 3.5e8, 3.5e8, 3.5e8, None, "="),
    ("一百零五", 105, 105, 105, None, "="),
    ("十几", None, 11, 19, None, "~"),
    ("几千", None, 2000, 9000, None, "~"),
    ("几千元", None, 2000, 9000, "CNY", "~"),
    ("三分之一", 100 / 3, 100 / 3, 100 / 3, "%", "="),
    ("近三分之二", 200 / 3, 200 / 3, 200 / 3, "%", "~"),
    ("超过三分之一", 100 / 3, 100 / 3, None, "%", ">"),
    ("每三个就有两个", 200 / 3, 200 / 3, 200 / 3, "%", "="),
    ("几乎每三个就有两个", 200 / 3, 200 / 3, 200 / 3, "%", "~"),
    ("每三个买家就有两个", 200 / 3, 200 / 3, 200 / 3, "%", "="),
    ("百分之五十", 50, 50, 50, "%", "="),
    ("三成", 30, 30, 30, "%", "="),
    ("2.7倍", 2.7, 2.7, 2.7, "x", "="),
    ("增加了一倍", 2, 2, 2, "x", "="),
    ("增加了两倍", 3, 3, 3, "x", "="),
    ("翻两番", 4, 4, 4, "x", "="),
    ("25-32岁", None, 25, 32, "age", "="),
    ("16-24岁", None, 16, 24, "age", "="),
    ("6-25%", None, 6, 25, "%", "="),
    ("18至40岁", None, 18, 40, "age", "="),
    ("3-5万", None, 30000, 50000, None, "="),
    ("超过1.2亿", 1.2e8, 1.2e8, None, None, ">"),
    ("10%以上", 10, 10, None, "%", ">"),
    ("26000多个", 26000, 26000, None, None, ">"),
    ("约40%", 40, 40, 40, "%", "~"),
    ("约有40%", 40, 40, 40, "%", "~"),
    ("40%左右", 40, 40, 40, "%", "~"),
    ("不到10%", 10, None, 10, "%", "<"),
    ("25岁以下", 25, None, 25, "age", "<"),
    ("至少5年", 5, 5, None, "years", ">="),
    ("高达80万", 8e5, 8e5, 8e5, None, "="),
    ("達9.95萬", 99500, 99500, 99500, None, "="),
    ("达到了56%", 56, 56, 56, "%", "="),
    ("10万元", 1e5, 1e5, 1e5, "CNY", "="),
    ("120小时", 120, 120, 120, "hours", "="),
    ("14个工作日", 14, 14, 14, "working_days", "="),
    ("約兩個月", 2, 2, 2, "months", "~"),
    ("第一名", 1, 1, 1, "rank", "="),
    ("第五个", 5, 5, 5, "rank", "="),
    ("8000个品类以上", 8000, 8000, None, "categories", ">"),
    ("超過1.2億用戶", 1.2e8, 1.2e8, None, "users", ">"),
    ("数以亿计", None, 2e8, 9e8, None, "~"),
    # 多/余/几 between a number and its magnitude
    ("30多万", 3e5, 3e5, None, None, ">"),
    ("5000余万件", 5e7, 5e7, None, None, ">"),
    ("十几万", None, 110000, 190000, None, "~"),
    ("几十亿", None, 2e9, 9e9, None, "~"),
    ("三十多万", 3e5, 3e5, None, None, ">"),
    ("70多亿件", 7e9, 7e9, None, None, ">"),
    # magnitudes written only in characters
    ("百亿元", 1e10, 1e10, 1e10, "CNY", "="),
    ("上千亿", 1e11, 1e11, None, None, ">="),
    ("数十万", None, 2e5, 9e5, None, "~"),
    ("数百亿", None, 2e10, 9e10, None, "~"),
    ("上万家", 1e4, 1e4, None, None, ">="),
    ("突破百亿元", 1e10, 1e10, None, "CNY", ">"),
    ("百亿级", 1e10, 1e10, 1e10, None, "~"),
    # ranges with a unit on both ends or at the end
    ("20%-30%", None, 20, 30, "%", "="),
    ("20%～30%", None, 20, 30, "%", "="),
    ("3万-5万元", None, 3e4, 5e4, "CNY", "="),
    ("2至3倍", None, 2, 3, "x", "="),
    ("1000万至1500万美元", None, 1e7, 1.5e7, "USD", "="),
    ("约3-5万", None, 3e4, 5e4, None, "~"),
    ("三到四成", None, 30, 40, "%", "="),
    ("8000-1万", None, 8000, 10000, None, "="),
    # ratios in words
    ("每五个人中就有一个", 20, 20, 20, "%", "="),
    ("十个里有三个", 30, 30, 30, "%", "="),
    ("每10个消费者中就有3个", 30, 30, 30, "%", "="),
    # 成, 个百分点, currencies, full-width and separators, traditional script
    ("近四成", 40, 40, 40, "%", "~"),
    ("超两成", 20, 20, None, "%", ">"),
    ("2.3个百分点", 2.3, 2.3, 2.3, "pp", "="),
    ("3百分点", 3, 3, 3, "pp", "="),
    ("100人民币", 100, 100, 100, "CNY", "="),
    ("大约3周", 3, 3, 3, "weeks", "~"),
    ("5亿港元", 5e8, 5e8, 5e8, "HKD", "="),
    ("120億新台幣", 1.2e10, 1.2e10, 1.2e10, "TWD", "="),
    ("30萬歐元", 3e5, 3e5, 3e5, "EUR", "="),
    ("1,234,567", 1234567, 1234567, 1234567, None, "="),
    ("幾十萬", None, 2e5, 9e5, None, "~"),
    ("約兩成", 20, 20, 20, "%", "~"),
    ("逾3億", 3e8, 3e8, None, None, ">"),
    ("達1.5個百分點", 1.5, 1.5, 1.5, "pp", "="),
    ("18歲以下", 18, None, 18, "age", "<"),
    # qualifiers
    ("突破1000万", 1e7, 1e7, None, None, ">"),
    ("不足5%", 5, None, 5, "%", "<"),
    ("2000万件左右", 2e7, 2e7, 2e7, None, "~"),
    ("60%上下", 60, 60, 60, "%", "~"),
    ("5年以上", 5, 5, None, "years", ">"),
    ("增长了1.2倍", 2.2, 2.2, 2.2, "x", "="),
    ("增长近一倍", 2, 2, 2, "x", "~"),
    # words for half, aliases, bare magnitudes after a qualifier, currencies named first
    ("逾半", 50, 50, None, "%", ">"),
    ("近半数", 50, 50, 50, "%", "~"),
    ("一半以上", 50, 50, None, "%", ">"),
    ("过半", 50, 50, None, "%", ">"),
    ("三成半", 35, 35, 35, "%", "="),
    ("三成五", 35, 35, 35, "%", "="),       # a digit after 成 is a tenth more
    ("接近 1 成 2", 12, 12, 12, "%", "~"),
    ("两年半", 2.5, 2.5, 2.5, "years", "="),
    ("1/5", 20, 20, 20, "%", "="),
    ("逾廿年", 20, 20, None, "years", ">"),
    ("卅", 30, 30, 30, None, "="),
    ("破亿", 1e8, 1e8, None, None, ">"),
    ("过亿", 1e8, 1e8, None, None, ">"),
    ("超亿元", 1e8, 1e8, None, "CNY", ">"),
    ("近万家", 1e4, 1e4, 1e4, None, "~"),
    ("新台幣1,100元", 1100, 1100, 1100, "TWD", "="),
    ("HK$12至HK$25", None, 12, 25, "HKD", "="),
    ("1.2万亿日元", 1.2e12, 1.2e12, 1.2e12, "JPY", "="),
    ("4200亿墨西哥比索", 4.2e11, 4.2e11, 4.2e11, "MXN", "="),
    ("人民幣 2,345.6 億元", 2.3456e11, 2.3456e11, 2.3456e11, "CNY", "="),
    ("3次或以上", 3, 3, None, None, ">="),
    ("第二大", 2, 2, 2, "rank", "="),
]


@pytest.mark.parametrize("text,value,low,high,unit,qualifier", EXAMPLES)
def test_examples(text, value, low, high, unit, qualifier):
    q = parse_quantity(text)
    assert (q.value is None) == (value is None) and (value is None or q.value == pytest.approx(value))
    assert (q.low is None) == (low is None) and (low is None or q.low == pytest.approx(low))
    assert (q.high is None) == (high is None) and (high is None or q.high == pytest.approx(high))
    assert (q.unit, q.qualifier) == (unit, qualifier)
    assert q.text == text


@pytest.mark.parametrize("text,year", [("2022上半年", 2022), ("2014年2月19日", 2014), ("2020年11月", 2020),
                                       ("2013/9~2014/1", 2013), ("95后", 1995), ("2016年下半年", 2016)])
def test_dates(text, year):
    q = parse_quantity(text)
    assert (q.unit, q.value) == ("date", year)


@pytest.mark.parametrize("text", ["", "   ", "abc", "亿", "万", "25-", "32-25岁", "三分之五", "超", "百分之", "第", "1..2"])
def test_errors_name_the_text(text):
    with pytest.raises(QuantityError) as info:
        parse_quantity(text)
    assert repr(text) in str(info.value)


def test_contradictory_qualifiers():
    with pytest.raises(QuantityError, match="contradictory"):
        parse_quantity("超过10%以下")


def test_non_string():
    with pytest.raises(QuantityError):
        parse_quantity(12)


# --- property tests ---------------------------------------------------------------------------

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write a whole number in Chinese numerals, the way an article would (an independent encoder)."""
    if n == 0:
        return "零"

    def below_10000(x: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += DIGITS[d] + unit
        return out

    parts, out, need_zero = [], "", False
    for unit, scale in (("亿", 10**8), ("万", 10**4), ("", 1)):
        chunk = n // scale % 10**4 if scale < 10**8 else n // scale
        if chunk:
            if need_zero and chunk < 1000:
                out += "零"
            out += below_10000(chunk) + unit
        need_zero = bool(out)
    return out


@given(st.integers(min_value=0, max_value=10**12 - 1))
@example(10)
@example(100000)
@example(100010000)
def test_chinese_numerals_round_trip(n):
    assert parse_quantity(to_chinese(n)).value == n


@given(st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False),
       st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千", 10**3), ("百万", 10**6)]))
def test_arabic_with_magnitude_round_trip(number, magnitude):
    word, scale = magnitude
    text = f"{number}{word}"
    assert parse_quantity(text).value == pytest.approx(float(number) * scale, rel=1e-12)


@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False))
def test_full_width_digits_parse_like_ascii(number):
    ascii_text = f"{number}%"
    full = ascii_text.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))
    assert parse_quantity(full).value == parse_quantity(ascii_text).value


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["万", "亿", "个", "多", "岁", "个月", "倍"]))
def test_traditional_parses_like_simplified(n, unit):
    simplified = f"约{to_chinese(n)}{unit}" if unit != "多" else f"{n}{unit}"
    a, b = parse_quantity(simplified), parse_quantity(to_traditional(simplified))
    assert (a.value, a.low, a.high, a.unit, a.qualifier) == (b.value, b.low, b.high, b.unit, b.qualifier)


@given(st.integers(min_value=1, max_value=10**8), st.sampled_from(PREFIX_QUALIFIERS))
def test_prefix_qualifier_keeps_value(n, prefix):
    word, qualifier = prefix
    q = parse_quantity(f"{word}{n}")
    assert (q.value, q.qualifier) == (n, qualifier)
    if qualifier in (">", ">="):
        assert q.low == n and q.high is None
    if qualifier == "<":
        assert q.high == n and q.low is None


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6),
       st.sampled_from(["-", "~", "至", "到"]), st.sampled_from(["", "%", "岁", "万"]))
def test_range_bounds_its_value(a, b, sep, unit):
    low, high = sorted((a, b))
    q = parse_quantity(f"{low}{sep}{high}{unit}")
    scale = 10**4 if unit == "万" else 1
    assert (q.low, q.high) == (low * scale, high * scale)
    assert q.value is None and q.low <= q.midpoint() <= q.high


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=1, max_value=20))
def test_fractions_are_percentages(num, den):
    assume(num <= den)
    q = parse_quantity(f"{to_chinese(den)}分之{to_chinese(num)}")
    assert q.unit == "%" and math.isclose(q.value, num / den * 100)


@given(st.text(max_size=12))
def test_any_text_parses_or_raises_quantity_error(text):
    try:
        q = parse_quantity(text)
    except QuantityError:
        return
    assert q.qualifier in ("=", ">", ">=", "<", "~")
    assert q.value is None or not math.isnan(q.value)


@pytest.mark.parametrize("text", ["6-25%", "3万-5万元", "几千", "数百亿", "十几万", "25-32岁"])
def test_ranges_and_vague_amounts_state_no_single_value(text):
    q = parse_quantity(text)
    assert q.value is None and q.low is not None and q.high is not None


@pytest.mark.parametrize("text,expected", [("6-25%", 15.5), ("25-32岁", 28.5), ("几千", 5500), ("超7万亿", 7e12),
                                           ("40%", 40)])
def test_midpoint_is_an_explicit_choice(text, expected):
    assert parse_quantity(text).midpoint() == pytest.approx(expected)


def test_midpoint_of_an_open_bound_is_none():
    assert parse_quantity("不到10%").value == 10  # a stated figure keeps its value
    from xbdata.text.numbers import Quantity
    assert Quantity("x", None, None, 10.0, "%", "<").midpoint() is None


@pytest.mark.parametrize("text,unit", [("2025-03-15", "date"), ("2025-03-15 10:30", "date"), ("1-9月", "date"),
                                       ("第三季度", "date"), ("Q3", "date"), ("今年1-9月", "date"),
                                       ("2020-2023年", "date")])
def test_more_dates(text, unit):
    assert parse_quantity(text).unit == unit


def test_traditional_script_throughout():
    # 億 萬 兩 幾 約 逾 達 個百分點 歲, each read as its simplified form would be
    pairs = [("約兩億", "约两亿"), ("幾萬", "几万"), ("逾三成", "逾三成"), ("達2個百分點", "达2个百分点"), ("30歲", "30岁")]
    for traditional, simplified in pairs:
        a, b = parse_quantity(traditional), parse_quantity(simplified)
        assert (a.value, a.low, a.high, a.unit, a.qualifier) == (b.value, b.low, b.high, b.unit, b.qualifier)


# Two neighbouring digits side by side are a vague amount, not a positional number (三四成 is not 340%).
@pytest.mark.parametrize("text,low,high,unit", [
    ("三四成", 30, 40, "%"), ("约三四成", 30, 40, "%"), ("二三成", 20, 30, "%"), ("七八个", 7, 8, None),
    ("三五天", 3, 5, "days"), ("两三千美元左右", 2000, 3000, "USD"), ("十七八", 17, 18, None), ("二三十", 20, 30, None),
])
def test_adjacent_digits_are_a_vague_range(text, low, high, unit):
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.unit, q.qualifier) == (None, low, high, unit, "~")


def test_a_year_written_digit_by_digit_is_not_a_range():
    assert parse_quantity("一九九八").value == 1998


def test_a_range_needs_the_unit_of_its_first_number_on_its_second():
    """升12%至18,913宗 is a growth and a count, not a range from 12% to 18,913%; 10至20% and
    10%至20% are ranges."""
    from xbdata.text.extract import extract_mentions

    with pytest.raises(QuantityError, match="lacks the unit"):
        parse_quantity("12%至18,913")
    assert (parse_quantity("10%至20%").low, parse_quantity("10%至20%").high) == (10, 20)
    assert (parse_quantity("10至20%").low, parse_quantity("10至20%").high) == (10, 20)
    found = [(m.text, m.value, m.unit) for m in extract_mentions("投诉按年上升 12% 至 18,913 宗。")]
    assert found == [("12%", 12.0, "%"), ("18,913", 18913.0, None)]


def test_a_price_from_is_at_least_it_and_a_count_of_incidents_is_not():
    q = parse_quantity("350日元起")
    assert (q.value, q.unit, q.qualifier) == (350, "JPY", ">=")
    assert parse_quantity("5万元起").qualifier == ">="
    q = parse_quantity("3起")
    assert (q.value, q.qualifier) == (3, "=")


@pytest.mark.parametrize("text, value, unit", [
    ("1亿2068万件", 120_680_000, None),                    # read by hand: 1 x 10^8 + 2068 x 10^4
    ("1 億 2,068 萬件", 120_680_000, None),                # Taiwanese spacing
    ("新臺幣 1 兆 3,245 億元", 1_324_500_000_000, "TWD"),   # Taiwan's 兆 is 万亿
    ("1兆3,245亿元", 1_324_500_000_000, "CNY"),
    ("约1亿2000万", 120_000_000, None),
    ("2.38万亿元", 2_380_000_000_000, "CNY"),              # one magnitude of two characters, not two parts
])
def test_an_amount_in_two_parts_is_their_sum(text, value, unit):
    q = parse_quantity(text)
    assert (q.value, q.unit) == (value, unit)


def test_two_amounts_side_by_side_are_not_one():
    """A second part as large as the first's magnitude (3亿2万亿元) is another amount, not its tail."""
    from xbdata.text.extract import extract_mentions
    assert [m.text for m in extract_mentions("规模从3亿2万亿元不等的说法并不成立")][:2] == ["3亿", "2万亿元"]


@pytest.mark.parametrize("text, unit", [
    ("3.2万亿奈拉", "NGN"), ("714亿兰特", "ZAR"), ("120亿埃及镑", "EGP"), ("5亿肯尼亚先令", "KES"),
    ("1065亿阿联酋迪拉姆", "AED"), ("50亿卡塔尔里亚尔", "QAR"),
])
def test_african_and_gulf_currencies_are_read_by_their_names(text, unit):
    assert parse_quantity(text).unit == unit


def _carried(i: Decimal, j: Decimal) -> tuple | None:
    """3-5万: the 万 carries back to the 3 unless that overshoots the top; a range that still runs
    backwards is no quantity."""
    low, high = (i * 10**4 if i <= j else i), j * 10**4
    return None if low > high else (None, low, high)


# Texts of one shape with other digits, each with what its own digits say: (template, unit,
# qualifier, (value, low, high) from the numbers x and y as exact decimals, None if no quantity).
SHAPES = [
    ("{x}亿美元", "USD", "=", lambda x, y: (x * 10**8,) * 3),
    ("超{x}万元", "CNY", ">", lambda x, y: (x * 10**4, x * 10**4, None)),
    ("不到{x}%", "%", "<", lambda x, y: (x, None, x)),
    ("约{x}%左右", "%", "~", lambda x, y: (x,) * 3),
    ("{x}成半", "%", "=", lambda x, y: ((x + Decimal("0.5")) * 10,) * 3),
    ("{x}-{y}%", "%", "=", lambda x, y: (None, x, y) if x <= y else None),
    ("{i}-{j}万元", "CNY", "=", lambda i, j: _carried(i, j)),
]


@pytest.mark.parametrize("template, unit, qualifier, bounds", SHAPES, ids=[s[0] for s in SHAPES])
def test_figures_of_one_shape_are_each_read_from_their_own_digits(template, unit, qualifier, bounds):
    """The parser reads a shape's words once and every figure of that shape from its own digits
    (1.533亿美元 and 2.644亿美元): hundreds of figures of a few shapes, parsed one after another,
    each against what its digits say, worked out here by hand."""
    rng = random.Random(template)
    for _ in range(300):
        x, y = (f"{rng.randrange(100)}" + rng.choice(["", f".{rng.randrange(10)}", f".{rng.randrange(100):02d}"])
                for _ in range(2))
        i, j = str(rng.randrange(1, 10)), str(rng.randrange(1, 10))
        text = template.format(x=x, y=y, i=i, j=j)
        expected = bounds(*map(Decimal, (i, j) if "{i}" in template else (x, y)))
        if expected is None:
            with pytest.raises(QuantityError):
                parse_quantity(text)
            continue
        q = parse_quantity(text)
        assert (q.text, q.value, q.low, q.high, q.unit, q.qualifier) == \
            (text, *(None if v is None else float(v) for v in expected), unit, qualifier), text


def test_a_year_and_a_count_of_years_of_one_shape_stay_apart():
    """2024年 is a date and 3024年 a count of years: the digits decide, though the words are the same."""
    for n in range(1850, 3150, 7):
        q = parse_quantity(f"{n}年")
        assert (q.value, q.unit) == (float(n), "date" if 1900 <= n <= 2099 else "years"), n


def test_an_amount_in_two_parts_is_read_from_its_own_digits():
    """1亿09千万 is 1.9亿 and 1亿12千万 no amount (its second part is not under 亿): the same words,
    and the digits decide, so no reading of one is lent to the other."""
    for i in range(1, 10):
        for n in range(100):
            text = f"{i}亿{n:02d}千万元"
            if n < 10:
                q = parse_quantity(text)
                assert (q.value, q.unit) == (i * 1e8 + n * 1e7, "CNY"), text
            else:
                with pytest.raises(QuantityError):
                    parse_quantity(text)


@pytest.mark.parametrize("text, value, low, high, unit, qualifier", [
    ("4.35亿", 435000000.0, 435000000.0, 435000000.0, None, "="),  # 4.35 * 1e8 in floats is 434999999.99999994
    ("超过1.533亿美元", 153300000.0, 153300000.0, None, "USD", ">"),
    ("不到30%", 30.0, None, 30.0, "%", "<"),
    ("约0.57成", 5.7, 5.7, 5.7, "%", "~"),                         # 成 is ten per cent: a factor on the digits
    ("3,245.6亿元以上", 324560000000.0, 324560000000.0, None, "CNY", ">"),     # 以上 is read as more than
    ("5000余万", 50000000.0, 50000000.0, None, None, ">"),
])
def test_one_figure_in_digits_is_read_with_exact_arithmetic_and_its_bounds(text, value, low, high, unit, qualifier):
    """The reading of most figures (one amount in digits, nothing added) has a path of its own; its
    arithmetic is still exact (decimal, not float) and its bounds follow its qualifier."""
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.unit, q.qualifier) == (value, low, high, unit, qualifier)


@pytest.mark.parametrize("text, value, low, high, unit", [
    ("٣亿", 3e8, 3e8, 3e8, None),                     # an Arabic-Indic 3: a digit, as \d reads it
    ("٣.٥亿美元", 3.5e8, 3.5e8, 3.5e8, "USD"),
    ("1٣亿", 1.3e9, 1.3e9, 1.3e9, None),               # two scripts in one number
    ("٣-5万元", None, 3e4, 5e4, "CNY"),
])
def test_a_digit_of_another_script_is_read_as_a_digit_whatever_its_shape(text, value, low, high, unit):
    """A figure's shape writes each ASCII digit 0 and keeps other digits as they are; a text with
    them gets a shape of its own, read as the grammar reads it."""
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.unit) == (value, low, high, unit)
    ascii_digits = parse_quantity(text.replace("٣", "3").replace("٥", "5"))
    assert (ascii_digits.value, ascii_digits.low, ascii_digits.high) == (value, low, high)
