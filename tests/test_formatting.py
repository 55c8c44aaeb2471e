"""What a reader is shown says what the article says: read back independently, it gives the same figure.

Two kinds of reader, written for this test alone (they share no code, table or convention with
xbdata's parser, formatter or unit vocabulary):

- `read_en` and `read_zh` read the WHOLE shown text, as a reader of English or Chinese would:
  direction (down/下降), qualifier words (over, about, nearly …/超过, 约, 近 …), a fraction or
  "two in every three" in words, a range, the number and its magnitude (million, 万, 亿 …), the
  currency or unit (CNY …/元, %, percentage points/个百分点, ×/倍, #/第…名, users/用户 …). Text they
  cannot account for, or a word of the other language, is a failure.
- `expect` reads the article's own number words (the catalogue's `number`: 超過1.2億用戶, 约40%,
  8000个品类以上) for the figure, qualifier and unit they state; where the words name no unit
  (超7万亿), the unit a person wrote in the catalogue's CSV; derived figures come from
  tests/figures_by_hand.py.

Every catalogue row, derived rows included, is formatted in both languages, read back, and must
match the expectation in all of it: bounds, qualifier (and its flavour: nearly, almost), approx,
unit, form (plain, range, fraction, every, vague) and direction.
"""

import csv
import math
import re
from dataclasses import dataclass

import pytest

import xbdata
from xbdata.curate.derive import DERIVATIONS
from xbdata.iorw import data_path
from xbdata.text.formatting import format_figure, format_row, format_value

from figures_by_hand import DERIVED_BY_HAND


@dataclass(frozen=True)
class Reading:
    """A figure as read from words: its bounds (None where open), how it is qualified, and its unit."""

    low: float | None
    high: float | None
    qualifier: str          # = > >= < ~
    flavour: str            # for ~: about, nearly or almost; else ""
    approx: bool            # an open bound that is also approximate ("about 2亿 or more")
    unit: str
    form: str               # plain, range, fraction, every, vague
    decline: bool = False   # "down 5%" / 下降5%
    numbers: tuple = ()     # every number the text shows, in base units


# --- English, as a reader of English reads it ---------------------------------------------------

EN_QUALIFIER = {"over": (">", ""), "more than": (">", ""), "at least": (">=", ""), "under": ("<", ""),
                "less than": ("<", ""), "about": ("~", "about"), "roughly": ("~", "about"),
                "around": ("~", "about"), "nearly": ("~", "nearly"), "almost": ("~", "almost")}
EN_MAGNITUDE = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}
EN_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
EN_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
            "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
            "ninths": 9, "tenth": 10, "tenths": 10}
ISO_CURRENCIES = {"CNY", "USD", "HKD", "TWD", "EUR", "JPY", "GBP", "KRW", "AUD", "CAD", "SGD", "THB", "MXN", "BRL",
                  "VND", "IDR", "INR", "MYR", "RUB", "PHP"}
# What an English noun after a number counts or measures.
EN_NOUNS = {"users": "users", "orders": "orders", "brands": "brands", "followers": "followers",
            "installs": "installs", "impressions": "impressions", "categories": "categories",
            "countries and regions": "countries", "countries": "countries", "creators": "creators",
            "tweets": "tweets", "sellers": "sellers", "buyers": "buyers", "merchants": "merchants",
            "consumers": "consumers", "respondents": "respondents", "items": "items", "parcels": "parcels",
            "people": "people", "firms": "firms", "companies": "firms", "stores": "stores",
            "warehouses": "warehouses", "sites": "sites", "markets": "markets", "cities": "cities",
            "provinces": "provinces", "buildings": "buildings", "products": "products", "posts": "posts", "visits": "visits", "jobs": "jobs", "routes": "routes",
            "flights": "flights", "containers": "containers", "square meters": "square_meters",
            "seconds": "seconds", "minutes": "minutes", "hours": "hours", "days": "days",
            "working days": "working_days", "weeks": "weeks", "months": "months", "years": "years",
            "years old": "age", "percentage points": "pp"}
EN_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
EN_AMOUNT = re.compile(rf"(?P<n>{EN_NUMBER})(?: (?P<mag>{'|'.join(EN_MAGNITUDE)}))?")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _en_amount(m: re.Match) -> float:
    return float(m.group("n").replace(",", "")) * EN_MAGNITUDE.get(m.group("mag") or "", 1)


def _en_unit(prefix: str, suffix: str) -> str:
    """The unit an English figure names: an ISO code before it, or %, ×, # or a noun after it."""
    if prefix == "#":
        assert suffix == "", suffix
        return "rank"
    if prefix:
        code = prefix.strip()
        assert code in ISO_CURRENCIES and suffix == "", (prefix, suffix)
        return code
    if suffix in ("%", "×"):
        return {"%": "%", "×": "x"}[suffix]
    assert suffix.startswith(" ") and suffix[1:] in EN_NOUNS, f"no unit an English reader knows in {suffix!r}"
    return EN_NOUNS[suffix[1:]]


def _en_figure(text: str) -> tuple[list[float], str, str]:
    """(the numbers, unit, form) of a figure with no qualifier: one amount or a range of two."""
    m = re.fullmatch(rf"(?P<pre>#|[A-Z]{{3}} )?(?P<a>(?:{EN_NUMBER})(?: \w+)?)(?:–(?P<b>(?:{EN_NUMBER})(?: \w+)?))?"
                     rf"(?P<suf>%|×|(?: [a-z]+)+)?", text)
    assert m, f"not an English figure: {text!r}"
    amounts = []
    suffix = m.group("suf") or ""
    parts = [p for p in (m.group("a"), m.group("b")) if p is not None]
    for i, part in enumerate(parts):
        a = EN_AMOUNT.fullmatch(part)
        if not a:   # the word after the number is not a magnitude: it belongs to the unit (2 days)
            assert i == len(parts) - 1, f"a unit between the numbers of a range: {text!r}"
            number, _, word = part.partition(" ")
            a, suffix = EN_AMOUNT.fullmatch(number), f" {word}{suffix}"
        amounts.append(_en_amount(a))
    return amounts, _en_unit(m.group("pre") or "", suffix), "range" if len(amounts) == 2 else "plain"


def read_en(shown: str) -> Reading:
    """An English figure, read whole: 'over CNY 7 trillion', 'nearly two thirds (≈67%)', '6–25%'."""
    assert shown and not CJK.search(shown), f"not English: {shown!r}"
    text, decline = (shown[len("down "):], True) if shown.startswith("down ") else (shown, False)
    m = re.fullmatch(r"about (.+) or (more|less)", text)
    if m:
        [x], unit, form = _en_figure(m.group(1))
        low, high, qualifier = (x, None, ">") if m.group(2) == "more" else (None, x, "<")
        return Reading(low, high, qualifier, "", True, unit, form, decline, (x,))
    qualifier, flavour = "=", ""
    for word in sorted(EN_QUALIFIER, key=len, reverse=True):
        if text.startswith(word + " "):
            text, (qualifier, flavour) = text[len(word) + 1:], EN_QUALIFIER[word]
            break
    m = re.fullmatch(r"(?:(?P<half>half)|(?P<num>\w+) in every (?P<den>\w+)|(?P<top>\w+) (?P<part>\w+))"
                     r" \((?P<sign>[≈><≥]?)(?P<pct>\d+)%\)", text)
    if m:
        if m.group("half"):
            numerator, denominator = 1, 2
        elif m.group("den"):
            numerator, denominator = EN_SMALL.get(m.group("num")), EN_SMALL.get(m.group("den"))
        else:
            numerator, denominator = EN_SMALL.get(m.group("top")), EN_PARTS.get(m.group("part"))
        assert numerator is not None and denominator, f"not a fraction in English words: {shown!r}"
        x = 100 * numerator / denominator
        # The percentage in brackets is the same figure, rounded, with the same direction.
        assert int(m.group("pct")) == round(x), shown
        whole = abs(x - round(x)) < 1e-9
        sign = {">": ">", ">=": "≥", "<": "<", "~": "≈", "=": "" if whole else "≈"}[qualifier]
        assert m.group("sign") == sign, f"{shown!r}: the bracket's sign contradicts the words"
        form = "every" if m.group("den") else "fraction"
        numbers = (x,)
        unit = "%"
    else:
        numbers, unit, form = _en_figure(text)
        numbers = tuple(numbers)
        if form == "range":
            return Reading(numbers[0], numbers[1], qualifier, flavour, False, unit, form, decline, numbers)
        x = numbers[0]
    low, high = {">": (x, None), ">=": (x, None), "<": (None, x)}.get(qualifier, (x, x))
    return Reading(low, high, qualifier, flavour, False, unit, form, decline, numbers)


# --- Chinese, as a reader of Chinese reads it ----------------------------------------------------

ZH_QUALIFIER = {"超过": (">", ""), "多于": (">", ""), "至少": (">=", ""), "不少于": (">=", ""), "不到": ("<", ""),
                "低于": ("<", ""), "约": ("~", "about"), "大约": ("~", "about"), "近": ("~", "nearly"),
                "将近": ("~", "nearly"), "几乎": ("~", "almost")}
ZH_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
ZH_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
# 几 is "a few" (two to nine) of what follows; 十几 is eleven to nineteen.
ZH_VAGUE = {"几十": (20, 90), "几百": (200, 900), "几千": (2000, 9000), "几万": (2e4, 9e4), "十几": (11, 19)}
ZH_CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY",
               "英镑": "GBP", "韩元": "KRW", "墨西哥比索": "MXN", "雷亚尔": "BRL"}
ZH_SIGNS = {"%": "%", "个百分点": "pp", "倍": "x", "岁": "age"}
# What a Chinese noun (after a number and its counting word) counts or measures.
ZH_NOUNS = {"用户": "users", "订单": "orders", "单": "orders", "粉丝": "followers", "品牌": "brands", "品类": "categories",
            "国家和地区": "countries", "国家": "countries", "安装": "installs", "展示": "impressions",
            "创作者": "creators", "创造者": "creators", "推文": "tweets", "卖家": "sellers", "买家": "buyers",
            "商家": "merchants", "消费者": "consumers", "受访者": "respondents", "包裹": "parcels", "企业": "firms",
            "店铺": "stores", "仓库": "warehouses", "站点": "sites", "市场": "markets", "城市": "cities", "省份": "provinces", "建筑": "buildings",
            "商品": "products", "帖子": "posts", "人次": "visits", "岗位": "jobs", "航线": "routes", "航班": "flights",
            "集装箱": "containers", "平方米": "square_meters", "件": "items", "人": "people",
            "秒": "seconds", "分钟": "minutes", "小时": "hours", "天": "days", "工作日": "working_days", "周": "weeks",
            "月": "months", "年": "years"}
COUNTING_WORDS = "个位名次家条款座"
ZH_NUMBER = r"\d+(?:\.\d+)?"


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _zh_unit(prefix: str, suffix: str) -> str:
    """The unit Chinese words name: 元 and the other currencies, %, 个百分点, 倍, 岁, or a counted noun."""
    if prefix == "新台币":
        assert suffix == "元", suffix
        return "TWD"
    assert prefix == "", prefix
    if suffix in ZH_CURRENCY:
        return ZH_CURRENCY[suffix]
    if suffix in ZH_SIGNS:
        return ZH_SIGNS[suffix]
    noun = re.fullmatch(rf"[{COUNTING_WORDS}]?({_alternation(ZH_NOUNS)})", suffix)
    assert noun, f"no unit a Chinese reader knows in {suffix!r}"
    return ZH_NOUNS[noun.group(1)]


def _zh_amount(number: str, magnitude: str | None) -> float:
    x = float(number) if number[0].isdigit() else ZH_DIGIT[number]
    return x * ZH_MAGNITUDE.get(magnitude or "", 1)


ZH_AMOUNT = rf"(?P<{{n}}>{ZH_NUMBER})(?P<{{m}}>{_alternation(ZH_MAGNITUDE)})?"


def _zh_figure(text: str) -> tuple[list[float], str, str]:
    """(the numbers, unit, form) of a Chinese figure with no qualifier word before it."""
    m = re.fullmatch(r"第(\d+)名", text)
    if m:
        return [float(m.group(1))], "rank", "plain"
    m = re.fullmatch(rf"(?P<vague>{_alternation(ZH_VAGUE)})(?P<unit>.*)", text)
    if m:
        low, high = ZH_VAGUE[m.group("vague")]
        return [low, high], _zh_unit("", m.group("unit")), "vague"
    m = re.fullmatch(rf"(?P<pre>新台币)?{ZH_AMOUNT.format(n='a', m='am')}(?:–{ZH_AMOUNT.format(n='b', m='bm')})?"
                     rf"(?P<unit>.*)", text)
    assert m, f"not a Chinese figure: {text!r}"
    numbers = [_zh_amount(m.group("a"), m.group("am"))]
    if m.group("b"):
        numbers.append(_zh_amount(m.group("b"), m.group("bm")))
    return numbers, _zh_unit(m.group("pre") or "", m.group("unit")), "range" if m.group("b") else "plain"


def read_zh(shown: str) -> Reading:
    """A Chinese figure, read whole: 超过7万亿元, 近三分之二, 约2亿以上用户, 几千元, 第1名."""
    assert shown and not re.search(r"[A-Za-z]", shown), f"not Chinese: {shown!r}"
    assert not re.search(r"[億萬個兩約過達戶絲幾數與為]", shown), f"not in simplified script: {shown!r}"
    text, decline = (shown[len("下降"):], True) if shown.startswith("下降") else (shown, False)
    m = re.fullmatch(r"约(?P<before>.+?)(?P<word>以上|以下)(?P<after>.*)", text)
    if m:
        [x], unit, form = _zh_figure(m.group("before") + m.group("after"))
        low, high, qualifier = (x, None, ">") if m.group("word") == "以上" else (None, x, "<")
        return Reading(low, high, qualifier, "", True, unit, form, decline, (x,))
    qualifier, flavour = "=", ""
    for word in sorted(ZH_QUALIFIER, key=len, reverse=True):
        if text.startswith(word):
            text, (qualifier, flavour) = text[len(word):], ZH_QUALIFIER[word]
            break
    m = re.fullmatch(r"(.)分之(.)", text) or re.fullmatch(r"每(.)个就有(.)个", text)
    if m:
        x = 100 * ZH_DIGIT[m.group(2)] / ZH_DIGIT[m.group(1)]
        numbers, unit, form = (x,), "%", "fraction" if "分之" in text else "every"
    else:
        numbers, unit, form = _zh_figure(text)
        numbers = tuple(numbers)
        if form in ("range", "vague"):
            if form == "vague":
                assert qualifier == "=", f"{shown!r}: a vague amount is approximate in its own words"
                qualifier, flavour = "~", "about"
            return Reading(numbers[0], numbers[1], qualifier, flavour, False, unit, form, decline, numbers)
        x = numbers[0]
    low, high = {">": (x, None), ">=": (x, None), "<": (None, x)}.get(qualifier, (x, x))
    return Reading(low, high, qualifier, flavour, False, unit, form, decline, numbers)


# --- what the article's own words say ------------------------------------------------------------

# The traditional characters of the seeds' number words, in simplified script (001 is traditional).
TRADITIONAL = str.maketrans("億萬個兩約過達戶絲幾數與為來", "亿万个两约过达户丝几数与为来")
QUOTE_BEFORE = {"超过": ">", "超": ">", "逾": ">", "高于": ">", "至少": ">=", "不少于": ">=", "不到": "<", "不足": "<",
                "低于": "<", "约有": "~", "约为": "~", "大约": "~", "约": "~", "将近": "~", "接近": "~", "近": "~",
                "几乎": "~", "达到了": "=", "达到": "=", "高达": "=", "达": "=", "为": "="}
QUOTE_AFTER = {"以上": ">", "以下": "<", "左右": "~"}
QUOTE_FLAVOUR = {"近": "nearly", "将近": "nearly", "接近": "nearly", "几乎": "almost"}
DECLINE_WORDS = ("下降", "下降了", "减少", "减少了", "下滑", "下跌", "降低了")


def _words_unit(words: str) -> str | None:
    """The unit the words after a number name, if they name one (个国家 countries; nothing for 个)."""
    words = words.strip()
    if not words or words in COUNTING_WORDS:
        return None
    if words.startswith("个百分点") or words in ZH_SIGNS:
        return ZH_SIGNS["个百分点" if words.startswith("个百分点") else words]
    for currency in sorted(ZH_CURRENCY, key=len, reverse=True):
        if words.endswith(currency):
            return "TWD" if "台币" in words else ZH_CURRENCY[currency]
    noun = re.match(rf"[{COUNTING_WORDS}]?({_alternation(ZH_NOUNS)})", words)
    assert noun, f"no unit read in {words!r}"
    return ZH_NOUNS[noun.group(1)]


def expect(row: dict, csv_unit: str) -> Reading:
    """The figure the article's number words state, read here (derived rows: figures_by_hand.py)."""
    if row["stat_id"] in DERIVED_BY_HAND:
        h = DERIVED_BY_HAND[row["stat_id"]]
        return Reading(h.low, h.high, h.qualifier, "", h.approx, h.unit, "plain")
    s = row["number"].translate(TRADITIONAL)
    before = row["quote"].translate(TRADITIONAL)[:row["number_start"] - row["start"]]
    decline = before.endswith(DECLINE_WORDS)
    qualifier, flavour = "=", ""
    for word in sorted(QUOTE_BEFORE, key=len, reverse=True):
        if s.startswith(word):
            s, qualifier, flavour = s[len(word):], QUOTE_BEFORE[word], QUOTE_FLAVOUR.get(word, "about")
            break
    approx = False
    for word, q in QUOTE_AFTER.items():
        if s.endswith(word):
            s = s[:-len(word)]
            approx = qualifier == "~" and q in "<>"         # 约40%以上: over 40%, and only about
            qualifier = q if q in "<>" or qualifier == "=" else qualifier
            flavour = flavour or "about"                       # 40%左右: about 40%
    if re.search(rf"{ZH_NUMBER}多", s):      # 26000多个: more than 26000
        s, qualifier = s.replace("多", "", 1), ">"
    if qualifier != "~":
        flavour = ""
    form, unit, unit_words = "plain", None, ""
    if m := re.fullmatch(r"每(.)个(?:\w*?)就有(.)个", s):
        x, unit, form = 100 * ZH_DIGIT[m.group(2)] / ZH_DIGIT[m.group(1)], "%", "every"
    elif m := re.fullmatch(r"(.)分之(.)", s):
        x, unit, form = 100 * ZH_DIGIT[m.group(2)] / ZH_DIGIT[m.group(1)], "%", "fraction"
    elif m := re.fullmatch(r"第(.)[名个位]", s):
        x, unit = ZH_DIGIT[m.group(1)], "rank"
    elif m := re.fullmatch(r"增加了(.)倍", s):  # increased by N times: N + 1 times as many
        x, unit = ZH_DIGIT[m.group(1)] + 1, "x"
    elif m := re.fullmatch(rf"({_alternation(ZH_VAGUE)})(.*)", s):
        (low, high), unit_words = ZH_VAGUE[m.group(1)], m.group(2)
        qualifier, flavour, form = "~", "about", "vague"
    elif m := re.fullmatch(rf"({ZH_NUMBER})({_alternation(ZH_MAGNITUDE)})?[-–~至到]({ZH_NUMBER})"
                           rf"({_alternation(ZH_MAGNITUDE)})?(.*)", s):
        low, high = _zh_amount(m.group(1), m.group(2)), _zh_amount(m.group(3), m.group(4))
        unit_words, form = m.group(5), "range"
    else:
        m = re.fullmatch(rf"({ZH_NUMBER}|[{''.join(ZH_DIGIT)}])({_alternation(ZH_MAGNITUDE)})?(.*)", s)
        assert m, f"{row['stat_id']}: the test cannot read {row['number']!r}"
        x, unit_words = _zh_amount(m.group(1), m.group(2)), m.group(3)
    if unit is None:
        unit = _words_unit(unit_words)
        assert unit is None or not csv_unit or unit == csv_unit, (row["stat_id"], unit, csv_unit)
        unit = unit or csv_unit
    assert unit, f"{row['stat_id']}: neither the words nor the catalogue's CSV give a unit"
    if form in ("vague", "range"):
        return Reading(low, high, qualifier, flavour, approx, unit, form, decline)
    low, high = {">": (x, None), ">=": (x, None), "<": (None, x)}.get(qualifier, (x, x))
    return Reading(low, high, qualifier, flavour, approx, unit, form, decline)


# --- every row of the catalogue, both languages ---------------------------------------------------

def _catalogued_ids() -> list[str]:
    """The packaged catalogue's ids and the derived ones: read at collection from the package alone."""
    with open(data_path("catalogue.csv"), encoding="utf-8", newline="") as f:
        return [row["stat_id"] for row in csv.DictReader(f)] + [d.stat_id for d in DERIVATIONS]


STAT_IDS = _catalogued_ids()


@pytest.fixture(scope="module")
def rows() -> dict[str, dict]:
    return {r["stat_id"]: r for r in xbdata.statistics().to_dict("records")}


@pytest.fixture(scope="module")
def csv_units() -> dict[str, str]:
    """The unit a person wrote in the catalogue's CSV, where the quote's words do not give it."""
    with open(data_path("catalogue.csv"), encoding="utf-8", newline="") as f:
        return {row["stat_id"]: row["unit"] for row in csv.DictReader(f)}


def test_every_statistic_is_read_back(rows):
    assert sorted(rows) == sorted(STAT_IDS)


def _close(a, b) -> bool:
    return a is None and b is None or a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


@pytest.mark.parametrize("stat_id", STAT_IDS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_row_reads_back_as_its_words_say(rows, csv_units, stat_id, lang):
    row = rows[stat_id]
    shown = format_row(row, lang)
    got = (read_en if lang == "en" else read_zh)(shown)
    want = expect(row, csv_units.get(stat_id, ""))
    if lang == "en" and want.form == "vague":
        want = Reading(want.low, want.high, want.qualifier, want.flavour, want.approx, want.unit, "range")
    assert got.unit == want.unit, (shown, got.unit, want.unit)
    assert (got.qualifier, got.flavour, got.approx) == (want.qualifier, want.flavour, want.approx), (shown, got, want)
    assert _close(got.low, want.low) and _close(got.high, want.high), (shown, got, want)
    assert (got.form, got.decline) == (want.form, want.decline), (shown, got, want)


def test_the_readers_refuse_what_they_cannot_account_for():
    """The readers are strict: a wrong unit, a stray word or the other language is not read past."""
    for shown in ("CNY 7 trillion bananas", "超过7万亿元", "over one third (≈33%)", "7 trillion CNY", "#1 users"):
        with pytest.raises(AssertionError):
            read_en(shown)
    for shown in ("超过7万亿香蕉", "over CNY 7 trillion", "超過7萬億元", "约40%以上以上"):
        with pytest.raises(AssertionError):
            read_zh(shown)
    assert read_en("over CNY 7 trillion") == Reading(7e12, None, ">", "", False, "CNY", "plain", False, (7e12,))
    assert read_zh("约2亿以上用户") == Reading(2e8, None, ">", "", True, "users", "plain", False, (2e8,))
    assert read_zh("4.4个百分点").unit == "pp" and read_en("4.4 percentage points").unit == "pp"
    en, zh = read_en("roughly CNY 2,000–9,000"), read_zh("几千元")
    assert (en.low, en.high, en.qualifier, en.unit) == (zh.low, zh.high, zh.qualifier, zh.unit) == (2000, 9000, "~", "CNY")


def test_the_words_are_read_for_unit_and_qualifier():
    """`expect` reads the quote's own words, not the catalogue's columns."""
    def row(number, quote=None, stat_id="x"):
        quote = quote or number
        return {"stat_id": stat_id, "number": number, "quote": quote, "start": 0, "number_start": quote.index(number)}

    assert expect(row("超過1.2億用戶"), "") == Reading(1.2e8, None, ">", "", False, "users", "plain")
    assert expect(row("约40%以上"), "") == Reading(40, None, ">", "", True, "%", "plain")
    assert expect(row("4.4个百分点"), "").unit == "pp"
    assert expect(row("1500亿美元"), "").unit == "USD" and expect(row("1.32万亿元"), "").unit == "CNY"
    assert expect(row("25岁"), "").unit == "age" and expect(row("2.7倍"), "").unit == "x"
    assert expect(row("超7万亿"), "CNY").unit == "CNY"
    assert expect(row("5%", "同比下降5%"), "").decline
    assert expect(row("40%左右"), "") == Reading(40, 40, "~", "about", False, "%", "plain")
    with pytest.raises(AssertionError):
        expect(row("超過1.2億用戶"), "orders")      # the words and the CSV disagree


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


def test_no_midpoint_is_ever_shown(rows):
    """A range shows its two bounds and no other number: the readers account for every character."""
    ranges = [r for r in rows.values() if r["value"] != r["value"] and r["low"] < r["high"]]
    assert len(ranges) >= 4
    for r in ranges:
        middle = (r["low"] + r["high"]) / 2
        for lang, read in (("en", read_en), ("zh", read_zh)):
            shown = format_row(r, lang)
            got = read(shown)
            assert (got.low, got.high) == (r["low"], r["high"]) and len(got.numbers) == 2, (r["stat_id"], shown)
            assert not any(math.isclose(n, middle) for n in got.numbers), (r["stat_id"], shown)
    assert format_value(float("nan"), "%") == ""


@pytest.mark.parametrize("text,en,zh", [("约40%以上", "about 40% or more", "约40%以上"),
                                        ("近60%以上", "about 60% or more", "约60%以上")])
def test_an_approximate_open_bound_in_the_words_keeps_both(text, en, zh):
    q = xbdata.parse_quantity(text)
    assert (q.qualifier, q.approx) == (">", True)
    assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "en", text, q.approx) == en
    assert format_figure(q.value, q.low, q.high, q.unit, q.qualifier, "zh", text, q.approx) == zh
    for got in (read_en(en), read_zh(zh)):
        assert (got.low, got.high, got.qualifier, got.approx, got.unit) == (q.low, None, ">", True, "%")


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
    got_en, got_zh = read_en(en), read_zh(zh)
    assert (got_en.low, got_en.high) == (got_zh.low, got_zh.high) == (pytest.approx(q.low), pytest.approx(q.high))
    assert got_en.unit == got_zh.unit == "%" and got_en.form == got_zh.form == ("fraction" if "分之" in zh else "every")
