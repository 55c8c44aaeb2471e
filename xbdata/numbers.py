"""Parse quantities the way Chinese articles write them.

`parse_quantity("超7万亿")` gives value 7e12 with qualifier `>`; `parse_quantity("近三分之二")`
gives 66.67 % with qualifier `~`; `parse_quantity("25-32岁")` gives the band 25 to 32 in unit
`age`. The parser knows magnitudes (万, 亿, 万亿, 千, 百万), Chinese numerals (两, 十几, 几千),
fractions, percentages, multipliers, ranges, ordinals, dates and the words that qualify a
number (超过, 近, 不到, 高达 ...), in simplified or traditional characters and with full-width
digits. It knows nothing of what is counted: that is the catalogue's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .script import to_simplified

QUALIFIERS = ("=", ">", ">=", "<", "~")


class QuantityError(ValueError):
    """A text that is not a quantity this parser understands."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"cannot parse quantity {text!r}: {reason}")
        self.text = text


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity.

    `value` is the best single figure (the midpoint of a range or a vague quantity); `low` and
    `high` bound it where the text does (`None` for an open side, as in 超7万亿); `unit` is what
    the text itself says (`%`, `x`, `CNY`, `age`, `days`, ... or `None`); `qualifier` is one of
    `=`, `>`, `>=`, `<`, `~`.
    """

    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
_MAGNITUDES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "千万": 10**7, "百万": 10**6,
               "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}

CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
MAGNITUDE = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))

# Longest first, so 超过 wins over 超 and 达到了 over 达.
PREFIX_QUALIFIERS = sorted({
    "超过": ">", "超出": ">", "多于": ">", "高于": ">", "逾": ">", "超": ">",
    "至少": ">=", "不少于": ">=", "不低于": ">=",
    "将近": "~", "接近": "~", "大约有": "~", "约有": "~", "大约": "~", "大概": "~", "几乎": "~", "约": "~", "近": "~",
    "不到": "<", "不足": "<", "少于": "<", "低于": "<",
    "高达": "=", "多达": "=", "达到了": "=", "达到": "=", "达": "=",
}.items(), key=lambda kv: len(kv[0]), reverse=True)
SUFFIX_QUALIFIERS = sorted({
    "以上": ">", "有余": ">", "多": ">", "余": ">",
    "左右": "~", "上下": "~",
    "以下": "<", "以内": "<",
}.items(), key=lambda kv: len(kv[0]), reverse=True)

_UNIT_SUFFIXES = sorted({
    "%": "%", "成": "%", "个百分点": "pp", "百分点": "pp", "倍": "x",
    "万元": "CNY", "亿元": "CNY", "元": "CNY", "人民币": "CNY", "美元": "USD",
    "周岁": "age", "岁": "age",
    "个小时": "hours", "小时": "hours", "个工作日": "days", "工作日": "days", "天": "days",
    "周": "weeks", "个月": "months", "年": "years",
    # Classifiers carry no unit of their own: what is counted is the catalogue's to say.
    "个": None, "次": None, "家": None, "款": None, "位": None, "人": None, "项": None,
}.items(), key=lambda kv: len(kv[0]), reverse=True)

_RANGE_SEP = r"(?:-|~|至|到|—|–)"

# What a count counts, when the words right after the number say so (8000个品类以上, 超过1.2亿用户).
COUNT_NOUNS = {
    "用户": "users", "订单": "orders", "品牌": "brands", "粉丝": "followers", "品类": "categories",
    "国家": "countries", "推文": "tweets", "创造者": "creators", "卖家": "sellers", "买家": "buyers",
    "消费者": "consumers", "受访者": "respondents", "商家": "merchants",
}
_COUNTED = re.compile(r"(?:多|余)?(?:个|家|款|位|名|条|次)?(?P<noun>" + "|".join(COUNT_NOUNS) + r")")


def _chinese_integer(s: str) -> int:
    """Value of a Chinese numeral such as 二十六万, 两千, 十五 or 二〇二二."""
    if not s or any(ch not in CN_NUMERAL for ch in s) or not (s[0] in _DIGITS or s[0] == "十"):
        raise ValueError(s)
    if all(ch in _DIGITS for ch in s) and len(s) > 1:
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = section = 0
    number = None
    for ch in s:
        if ch in _DIGITS:
            if number is not None and number != 0:
                raise ValueError(s)
            number = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if number is None else number) * _SMALL[ch]
            number = None
        else:
            section += number or 0
            number = None
            if ch == "亿":
                total = (total + section) * _BIG[ch]
            else:
                total += (section or 1) * _BIG[ch]
            section = 0
    return total + section + (number or 0)


def _vague_bounds(s: str) -> tuple[int, int]:
    """Bounds of a vague numeral: 十几 is 11 to 19, 几千 is 2000 to 9000, 数十万 200000 to 900000."""
    s = re.sub(r"^数以(.)计$", r"几\1", s)
    s = re.sub(r"^数(?=[十百千万亿])", "几", s)
    if s.count("几") != 1:
        raise ValueError(s)
    i = s.index("几")
    multiplier = i + 1 < len(s) and s[i + 1] in "十百千万亿"
    low = s.replace("几", "二" if multiplier else "一")
    return _chinese_integer(low), _chinese_integer(s.replace("几", "九"))


def _amount(s: str) -> tuple[Decimal, Decimal, bool] | None:
    """(low, high, vague) of one amount with its magnitude, or None if `s` is not one."""
    m = re.fullmatch(rf"({ARABIC})({MAGNITUDE})?", s)
    if m:
        number = Decimal(m.group(1).replace(",", ""))
        scale = _MAGNITUDES.get(m.group(2) or "", 1)
        return number * scale, number * scale, False
    if s in ("百万", "千万", "万亿"):
        return Decimal(_MAGNITUDES[s]), Decimal(_MAGNITUDES[s]), False
    try:
        if "几" in s or s.startswith("数"):
            low, high = _vague_bounds(s)
            return Decimal(low), Decimal(high), True
        value = Decimal(_chinese_integer(s))
        return value, value, False
    except ValueError:
        return None


def _number(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def _split_qualifiers(s: str) -> tuple[str, str, str]:
    """Strip qualifying words: (core, prefix qualifier or '', suffix qualifier or '')."""
    prefix = suffix = ""
    for word, q in PREFIX_QUALIFIERS:
        if s.startswith(word) and len(s) > len(word):
            s, prefix = s[len(word):], q
            break
    for word, q in SUFFIX_QUALIFIERS:
        if s.endswith(word) and len(s) > len(word):
            s, suffix = s[: -len(word)], q
            break
    return s, prefix, suffix


def _combine(text: str, prefix: str, suffix: str, default: str = "=") -> str:
    if prefix and suffix and prefix != suffix and "=" not in (prefix, suffix):
        if {prefix, suffix} <= {">", ">="}:
            return ">"
        if "~" in (prefix, suffix):
            return "~"
        raise QuantityError(text, f"contradictory qualifiers {prefix!r} and {suffix!r}")
    for q in (suffix, prefix):
        if q and q != "=":
            return q
    return prefix or suffix or default


def _count_noun(s: str) -> tuple[str, str | None]:
    """Split a trailing counted noun off (26000多个品牌 -> 26000多, brands)."""
    for m in _COUNTED.finditer(s):
        if m.end() == len(s) and m.start() > 0:
            return s[: m.start()] + ("多" if m.group(0).startswith("多") else ""), COUNT_NOUNS[m.group("noun")]
    return s, None


def counted_unit(following: str) -> str | None:
    """The unit named by the words that follow a number, if they name one (个品类 -> categories)."""
    m = _COUNTED.match(following)
    return COUNT_NOUNS[m.group("noun")] if m else None


def _unit_suffix(s: str) -> tuple[str, str | None, str]:
    """Split a trailing unit word off: (core, unit, word)."""
    for word, unit in _UNIT_SUFFIXES:
        if s.endswith(word) and len(s) > len(word):
            core = s[: -len(word)]
            if word in ("万元", "亿元"):
                core += word[0]
            return core, unit, word
    return s, None, ""


_DATE_PATTERNS = [
    re.compile(r"(?P<year>(?:19|20)\d\d)(?:年|/)(?:(?P<month>\d{1,2})(?:月|/)?(?:(?P<day>\d{1,2})日)?)?(?:上半年|下半年|[年底初末]*)?"),
    re.compile(r"(?P<year>(?:19|20)\d\d)(?:上半年|下半年|年)"),
    re.compile(r"(?:今年|去年|明年)?(?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:(?P<day>\d{1,2})日|[底初中末]|份)?"),
    re.compile(r"(?P<gen>\d\d)后"),
]


def parse_date(text: str) -> Quantity | None:
    """A calendar mention (2022上半年, 2014年2月19日, 今年6月, 95后) as a quantity in unit `date`.

    The value is the year where the text names one, else None; returns None if `text` is not a date.
    """
    s = to_simplified(text).strip()
    if "~" in s and s.count("~") == 1:
        first, second = (parse_date(part) for part in s.split("~"))
        if first is None or second is None:
            return None
        return Quantity(text, first.value, first.low, second.high, "date", "=")
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(s)
        if m:
            year = m.groupdict().get("year")
            if year is None and m.groupdict().get("gen"):
                year = "19" + m.group("gen") if int(m.group("gen")) > 30 else "20" + m.group("gen")
            value = float(year) if year else None
            return Quantity(text, value, value, value, "date", "=")
    return None


def parse_quantity(text: str) -> Quantity:
    """Parse one written quantity; raise `QuantityError` naming the text if it is not one.

    >>> parse_quantity("超7万亿").value, parse_quantity("超7万亿").qualifier
    (7000000000000.0, '>')
    >>> q = parse_quantity("25-32岁"); (q.low, q.high, q.unit)
    (25.0, 32.0, 'age')
    """
    if not isinstance(text, str):
        raise QuantityError(repr(text), "expected a string")
    s = to_simplified(text).strip().replace(" ", "")
    if not s:
        raise QuantityError(text, "empty text")
    date = parse_date(s)
    if date is not None:
        return Quantity(text, date.value, date.low, date.high, "date", "=")
    result = _parse_special(text, s)
    if result is not None:
        return result
    core, prefix, suffix = _split_qualifiers(s)
    core, unit = _count_noun(core)
    if unit is None:
        core, unit, _ = _unit_suffix(core)
    # A unit can come before a suffix qualifier too (25岁以下) or after it (26000多个 -> 26000多).
    if not suffix:
        core2, _, suffix2 = _split_qualifiers(core)
        if suffix2:
            core, suffix = core2, suffix2
    if core.startswith("百分之"):
        core, unit = core[3:], "%"
    per_ten = Decimal(10) if unit == "%" and s.rstrip("以上下左右多余").endswith("成") else Decimal(1)
    parts = re.split(_RANGE_SEP, core)
    if len(parts) == 2 and all(parts):
        first, second = _amount(parts[0]), _amount(parts[1])
        if first is None or second is None:
            raise QuantityError(text, "a range needs a number on each side")
        magnitude = re.search(rf"({MAGNITUDE})$", parts[1])
        if magnitude and not re.search(rf"({MAGNITUDE})$", parts[0]) and re.fullmatch(ARABIC, parts[0]):
            scale = _MAGNITUDES[magnitude.group(1)]
            first = (first[0] * scale, first[1] * scale, first[2])
        low, high = first[0] * per_ten, second[1] * per_ten
        if low > high:
            raise QuantityError(text, "range runs backwards")
        qualifier = _combine(text, prefix, suffix)
        return Quantity(text, _number((low + high) / 2), _number(low), _number(high), unit, qualifier)
    if len(parts) != 1:
        raise QuantityError(text, "not a number, a range or a known form")
    amount = _amount(core)
    if amount is None:
        raise QuantityError(text, "not a number, a range or a known form")
    low, high, vague = amount
    low, high = low * per_ten, high * per_ten
    qualifier = _combine(text, prefix, suffix, "~" if vague else "=")
    value = (low + high) / 2
    if vague:
        return Quantity(text, _number(value), _number(low), _number(high), unit, qualifier)
    return _bounded(text, value, unit, qualifier)


def _bounded(text: str, value: Decimal, unit: str | None, qualifier: str) -> Quantity:
    """A single figure whose bounds follow from its qualifier (超 leaves the top open)."""
    low = None if qualifier == "<" else value
    high = None if qualifier in (">", ">=") else value
    return Quantity(text, _number(value), _number(low), _number(high), unit, qualifier)


_FRACTION = re.compile(rf"(?P<den>[{CN_NUMERAL}]+|\d+)分之(?P<num>[{CN_NUMERAL}]+|\d+)")
_EVERY = re.compile(rf"每(?P<den>[{CN_NUMERAL}]+|\d+)(?:个|位|名)?\w{{0,4}}?就有(?P<num>[{CN_NUMERAL}]+|\d+)(?:个|位|名)?")
_DOUBLING = re.compile(r"(?:增加|增长|提高|提升|扩大)了?(?P<n>[一二两三四五六七八九十\d.]+)倍")
_FAN = re.compile(r"翻了?(?P<n>[一两二三四]?)番|翻了?(?P<b>[一两二三]?)倍")
_ORDINAL = re.compile(rf"第(?P<n>[{CN_NUMERAL}]+|\d+)(?:名|位|个|大|种|类|点|季度)?")


def _small_number(s: str) -> Decimal:
    amount = _amount(s)
    if amount is None or amount[2]:
        raise ValueError(s)
    return amount[0]


def _parse_special(text: str, s: str) -> Quantity | None:
    """Forms whose meaning is more than a number and a unit: fractions, 每三个就有两个, 增加了一倍, 第一名."""
    core, prefix, suffix = _split_qualifiers(s)
    if core.startswith("百分之"):
        return None
    try:
        m = _FRACTION.fullmatch(core) or _EVERY.fullmatch(core)
        if m:
            den, num = _small_number(m.group("den")), _small_number(m.group("num"))
            if den == 0 or num > den:
                raise QuantityError(text, "a share needs a denominator larger than its numerator")
            return _bounded(text, num / den * 100, "%", _combine(text, prefix, suffix))
        m = _DOUBLING.fullmatch(core)
        if m:
            # In Chinese, 增加了一倍 is "grew by one times": the result is twice the start.
            return _bounded(text, _small_number(m.group("n")) + 1, "x", _combine(text, prefix, suffix))
        m = _FAN.fullmatch(core)
        if m:
            if m.group("b") is not None and m.group(0).endswith("倍"):
                factor = Decimal(2) if not m.group("b") else _small_number(m.group("b")) + 1
            else:
                factor = Decimal(2) ** int(_small_number(m.group("n") or "一"))
            return _bounded(text, factor, "x", _combine(text, prefix, suffix))
        m = _ORDINAL.fullmatch(core)
        if m:
            return _bounded(text, _small_number(m.group("n")), "rank", "=")
    except QuantityError:
        raise
    except ValueError as error:
        raise QuantityError(text, f"{error.args[0]!r} is not a number") from None
    return None
