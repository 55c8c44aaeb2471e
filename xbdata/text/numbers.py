"""Parse quantities the way Chinese articles write them.

`parse_quantity("超7万亿")` gives value 7e12 with qualifier `>`; `parse_quantity("近三分之二")`
gives 66.67 % with qualifier `~`; `parse_quantity("25-32岁")` gives the band 25 to 32 in unit
`age` and no single value, because the text gives none. The parser knows magnitudes (万, 亿,
万亿, 百亿, 上千亿), Chinese numerals (两, 十几, 几千, 数百亿), 多/余 before or after a magnitude
(30多万, 5000余万), fractions and ratios in words (每五个人中就有一个), 成, 个百分点, multipliers,
ranges, ordinals, dates and the words that qualify a number (超过, 突破, 近, 不到, 高达, 以上 ...),
in simplified or traditional characters and with full-width digits. Its words come from
`xbdata.text.words`, the table the extractor uses too. What is counted it reads only from the
words at the number (the noun after it, its counting word), and a currency only as the words
name it (`unnamed_currency`: 比索 alone, 元 alone); the rest is the drafting's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from . import words as W
from .script import to_simplified
from .units import UNNAMED_PESO

QUALIFIERS = W.QUALIFIERS
COUNT_NOUNS = W.COUNT_NOUNS
# (word, qualifier), longest first: the order a reader of the text would try them in.
PREFIX_QUALIFIERS = sorted(W.PREFIX_QUALIFIERS.items(), key=lambda kv: len(kv[0]), reverse=True)
SUFFIX_QUALIFIERS = sorted(W.SUFFIX_QUALIFIERS.items(), key=lambda kv: len(kv[0]), reverse=True)


class QuantityError(ValueError):
    """A text that is not a quantity this parser understands."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"cannot parse quantity {text!r}: {reason}")
        self.text = text


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity, saying no more than the text says.

    `value` is the single figure the text states, and `None` when it states none: a range
    (6-25%, 3万-5万元) or a vague amount (几千, 数百亿) gives only `low` and `high`. `low` and
    `high` bound the figure where the text does (`None` for an open side, as in 超7万亿 or
    不到10%). `unit` is what the text itself says (`%`, `pp`, `x`, `CNY`, `USD`, `age`, `days`,
    a counted noun such as `users`, ... or `None`); `qualifier` is one of `=`, `>`, `>=`, `<`,
    `~` (every vague amount is `~`). `approx` marks an open bound that the words also call
    approximate: 约40%以上 is `>` 40 with `approx`, "about 40% or more". Whoever needs one number
    for a range calls `midpoint()`.
    """

    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str
    approx: bool = False

    def midpoint(self) -> float | None:
        """One number for this quantity: `value` if the text gives one, else the middle of its bounds.

        This is the caller's choice, not what the text says: 25-32岁 states a band, and 28.5 is
        an assumption of an even spread within it. Returns None when the text gives no value and
        leaves a side open.
        """
        if self.value is not None:
            return self.value
        if self.low is None or self.high is None:
            return None
        return (self.low + self.high) / 2


def frozen_instance(cls: type, fields: dict):
    """An instance of the frozen dataclass `cls` whose fields are `fields` (every field, in the
    class's order), equal to `cls(**fields)`. A frozen dataclass's __init__ sets each field through
    object.__setattr__, which costs twice as much as handing the instance its dict; the extractor
    makes a Quantity for each figure it reads and a Mention for each of the ~18,000 mentions in a
    megabyte of articles."""
    instance = object.__new__(cls)
    object.__setattr__(instance, "__dict__", fields)
    return instance


# --- pattern pieces, all built from xbdata.text.words ----------------------------------------------

# Digits, grouped in thousands by commas (1,236) or, as Macau and Hong Kong print them, by single spaces
# (1 236 萬件: one number, not 1 and 236萬); a space only between groups of exactly three digits.
ARABIC = r"(?:\d{1,3}(?: \d{3})+(?!\d| \d)(?:\.\d+)?|\d+(?:,\d{3})*(?:\.\d+)?)"
CN_NUMERAL = W.NUMERAL_CHARS
MAGNITUDE = W.alternation(W.MAGNITUDES)
# A magnitude character that starts another word is not a magnitude: 3百分点, 5千克, 10千米.
MAGNITUDE_WORD = rf"(?:{MAGNITUDE})(?![{W.NOT_AFTER_MAGNITUDE}])"
PREFIX = W.alternation(W.PREFIX_QUALIFIERS)
SUFFIX = W.alternation(W.SUFFIX_QUALIFIERS)
UNIT = W.alternation(W.UNIT_WORDS)
SIGN = W.alternation(W.UNIT_SIGNS)
CLASSIFIER = W.alternation(W.CLASSIFIERS)
NOUN = W.alternation(W.COUNT_NOUNS)
RANGE_SEP = W.alternation(W.RANGE_SEPARATORS)
# One space where Taiwanese and Hong Kong papers put one: 新台幣 2,345.6 億元, 150 億至 180 億元, 12.5 %.
SP = rf"[{W.SPACES}]?"
# ... and before a unit only if the unit is not the start of another word (1 年轻人, 2 天猫, 15 天天特价).
SP_UNIT = rf"(?:[{W.SPACES}](?!{W.alternation(W.NOT_AFTER_SPACE)}))?"
MORE = W.alternation(W.MORE_WORDS)
CN_RUN = f"[{CN_NUMERAL}{W.VAGUE_DIGIT}{''.join(W.NUMERAL_ALIASES)}]+"
MAGNITUDE_PREFIX = W.alternation(W.MAGNITUDE_PREFIXES)
_MAGNITUDE_CHARS = "".join(sorted({ch for w in W.MAGNITUDES for ch in w}))
# The smaller part of a compound amount, after a first part ending in a large magnitude (1亿2068万).
COMPOUND_REST = (rf"(?<=[{''.join({w[-1] for w in W.COMPOUND_FIRST})}]){SP}(?:\d+(?:,\d{{3}})*(?:\.\d+)?){SP}"
                 rf"(?:{W.alternation(W.COMPOUND_SECOND)})(?![{W.NOT_AFTER_MAGNITUDE}{_MAGNITUDE_CHARS}])")


# 1 成 2 is 12 %: a digit after 成 that nothing counting, no other digit and no magnitude follows.
TENTH = (rf"(?<={W.TENTH_OF}){SP}(?P<tenth>[{W.TENTH_DIGITS}])"
         rf"(?![\d.．{W.NUMERAL_CHARS}{_MAGNITUDE_CHARS}]|{SP}(?:{CLASSIFIER}|{NOUN}|{UNIT}|年|月|日))")


def unnamed(pattern: str) -> str:
    """`pattern` with its named groups made plain, so several patterns can be joined into one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def quantity_pattern(number: str, nouns: bool = True, ranges: bool = True) -> str:
    """The grammar of a written quantity around `number`, a pattern for the bare number.

    Qualifier, currency sign or 百分之, the amount (number, 多/余, magnitude), its unit; or a
    range of two amounts with a unit after each or after the second; then classifier, counted
    noun and trailing qualifier: 超过1.2亿用户, 3万-5万元, 20%～30%, 5000余万件, 8000个品类以上,
    25岁以下. The parser gives a generous `number`; the extractor a strict one that does not
    fire inside ordinary words. One unit slot per amount (so 近四成年龄 stops before 年), and one
    after 多/余 (2万多元).
    """
    amount = (rf"(?:(?:{MAGNITUDE_PREFIX})(?=[{_MAGNITUDE_CHARS}]))?(?:{number})(?:{MORE})?(?:{SP}{MAGNITUDE_WORD})?"
              rf"(?:{COMPOUND_REST})?")
    noun = rf"(?P<noun>{NOUN})?" if nouns else ""
    second = (rf"(?:{SP}(?P<sep>{RANGE_SEP}){SP}(?P<sign2>{SIGN})?{SP}(?P<pct2>{W.PERCENT_WORD})?(?P<b>{amount})"
              rf"(?:{SP_UNIT}(?P<unit>{UNIT}))?)?") if ranges else ""
    return (rf"(?:(?P<pre>{PREFIX}){SP})?(?:(?P<sign>{SIGN}){SP})?(?P<pct>{W.PERCENT_WORD})?(?P<a>{amount})"
            rf"(?:{SP_UNIT}(?P<ua>{UNIT})(?:(?P<half>{W.HALF})|{TENTH})?)?{second}(?:{SP_UNIT}(?P<cls>{CLASSIFIER}))?{noun}"
            rf"(?:(?P<more2>{MORE})(?P<unit2>{UNIT}))?(?P<suf>{SUFFIX})?")


_AMOUNT = re.compile(rf"(?:(?P<up>{MAGNITUDE_PREFIX})(?=[{_MAGNITUDE_CHARS}]))?"
                     rf"(?:(?P<arabic>{ARABIC})|(?P<cn>{CN_RUN}))"
                     rf"(?P<more>{MORE})?{SP}(?P<mag>{MAGNITUDE_WORD})?(?P<rest>{COMPOUND_REST})?")
_QUANTITY = re.compile(quantity_pattern(rf"{ARABIC}|{CN_RUN}"))
_SPLIT_QUALIFIERS = re.compile(rf"(?P<pre>{PREFIX})?(?P<core>.+?)(?P<suf>{SUFFIX})?", re.S)
_COUNTED = re.compile(rf"(?:{MORE})?(?:{CLASSIFIER})?(?:{W.alternation(W.COUNT_NOUN_MODIFIERS)})*(?P<noun>{NOUN})(?!级)")   # 5个国家级综试区: zones, not countries
_CLASSIFIER_END = re.compile(rf"(?P<cls>{CLASSIFIER})(?:{SUFFIX})?$")
_VAGUE_WORD = re.compile(rf"{W.VAGUE_PREFIX}以([{CN_NUMERAL}])计|{W.VAGUE_PREFIX}(?=[{W.UNIT_CHARS}])")


# --- Chinese numerals -------------------------------------------------------------------------

def chinese_integer(s: str) -> int:
    """Value of a Chinese numeral such as 二十六万, 两千, 十五 or 二〇二二."""
    for alias, written in W.NUMERAL_ALIASES.items():
        s = s.replace(alias, written)
    if not s or any(ch not in CN_NUMERAL for ch in s) or not (s[0] in W.DIGITS or s[0] == "十"):
        raise ValueError(s)
    if len(s) > 1 and all(ch in W.DIGITS for ch in s):
        return int("".join(str(W.DIGITS[ch]) for ch in s))
    total = section = 0
    number = None
    for ch in s:
        if ch in W.DIGITS:
            if number is not None and number != 0:
                raise ValueError(s)
            number = W.DIGITS[ch]
        elif ch in W.SMALL_UNITS:
            section += (1 if number is None else number) * W.SMALL_UNITS[ch]
            number = None
        else:
            section += number or 0
            number = None
            if ch == "亿":
                total = (total + section) * W.SECTION_UNITS[ch]
            else:
                total += (section or 1) * W.SECTION_UNITS[ch]
            section = 0
    return total + section + (number or 0)


def _vague_bounds(s: str) -> tuple[int, int]:
    """Bounds of a numeral with 几: 十几 is 11 to 19, 十几万 110000 to 190000, 几千 2000 to 9000."""
    if s.count(W.VAGUE_DIGIT) != 1:
        raise ValueError(s)
    i = s.index(W.VAGUE_DIGIT)
    # After 十 the 几 is a ones digit (十几: from 11); otherwise it multiplies what follows (几千: from 2000).
    ones_digit = i > 0 and s[i - 1] == "十" or i + 1 == len(s)
    low_digit = W.VAGUE_LOW if ones_digit else W.VAGUE_LOW_BEFORE_UNIT
    low = s.replace(W.VAGUE_DIGIT, str(low_digit))
    high = s.replace(W.VAGUE_DIGIT, str(W.VAGUE_HIGH))
    return _mixed_integer(low), _mixed_integer(high)


_ADJACENT = re.compile(f"([{W.ADJACENT_DIGITS}])([{W.ADJACENT_DIGITS}])")


def _adjacent_bounds(s: str) -> tuple[int, int] | None:
    """Bounds of a numeral with two neighbouring digits side by side, a vague amount: 三四成 is 3 to 4
    tenths, 两三千 2000 to 3000, 十七八 17 to 18, 三五天 3 to 5 days. None if `s` has no such pair
    (a year written digit by digit, 一九九八 or 二〇二二, has none: its digits do not rise by one or two).
    """
    m = _ADJACENT.search(s)
    if not m:
        return None
    first, second = (W.DIGITS[c] for c in m.groups())
    if second - first not in (1, 2):
        return None
    low, high = (s[:m.start()] + c + s[m.end():] for c in m.groups())
    try:
        return chinese_integer(low), chinese_integer(high)
    except ValueError:
        return None


def _mixed_integer(s: str) -> int:
    """A Chinese numeral in which one digit was written in Arabic (十1万, 2十亿), as _vague_bounds makes."""
    chinese_digit = "〇一二三四五六七八九"
    return chinese_integer("".join(chinese_digit[int(ch)] if ch.isdigit() else ch for ch in s))


# --- amounts ----------------------------------------------------------------------------------

class _Amount(NamedTuple):
    """One amount as written: its bounds, whether it is vague, its own qualifier, its magnitude."""

    low: Decimal
    high: Decimal
    vague: bool
    qualifier: str
    magnitude: str | None


class _AmountReading(NamedTuple):
    """One amount's words apart from its digits: 1.5万 is the number at 0:3 times 10**4. Every amount
    of one shape reads alike (3.5万 and 7.2万), so a quantity's reading keeps this, not the amount."""

    digits: tuple[int, int] | None   # where its Arabic number is; None for an amount in words
    scale: int
    qualifier: str
    magnitude: str | None
    in_words: _Amount | None         # the amount itself, in words or in two parts (no digits to vary)
    shared: bool = True              # False for two parts (1亿09千万): whether the second fits under the
                                     # first's magnitude depends on its digits (1亿12千万 is no amount)

    def read(self, s: str) -> _Amount:
        """The amount `s`, a text of this shape, states."""
        if self.digits is None:
            return self.in_words
        number = Decimal(s[self.digits[0]:self.digits[1]].replace(",", "").replace(" ", ""))
        return _Amount(number * self.scale, number * self.scale, False, self.qualifier, self.magnitude)


def _amount(s: str, qualified: bool = False) -> _Amount | None:
    """Read one amount (3.5万亿, 30多万, 十几万, 上千亿, 百亿, 两), or None if `s` is not one.

    `qualified`: a qualifier came before it, after which 亿 or 万 alone is an amount (超亿元, 近万家).
    """
    reading = _amount_reading(s, qualified)
    return None if reading is None else reading.read(s)


def _amount_reading(s: str, qualified: bool = False) -> _AmountReading | None:
    """How `_amount` reads `s`, kept apart from the digits' values; None if `s` is not an amount."""
    m = _AMOUNT.fullmatch(s)
    if m is None:
        return None
    up, arabic, cn, more, mag, rest = m.group("up", "arabic", "cn", "more", "mag", "rest")
    qualifier = W.MAGNITUDE_PREFIXES[up] if up else ">" if more else ""
    if rest:
        amount = _compound(arabic or cn, mag, rest, qualifier)
        return None if amount is None else _AmountReading(None, 1, qualifier, amount.magnitude, amount, shared=False)
    scale = W.MAGNITUDES[mag] if mag else 1
    if arabic is not None:
        return _AmountReading(m.span("arabic"), scale, qualifier, mag, None)
    amount = _amount_in_words(cn, scale, qualifier, mag, bool(up or qualified or more))
    return None if amount is None else _AmountReading(None, scale, qualifier, mag, amount)


def _amount_in_words(cn: str, scale: int, qualifier: str, mag: str | None, standalone: bool) -> _Amount | None:
    """An amount whose number is in words (十几万, 上千亿, 两); `standalone`: a magnitude may stand alone."""
    if cn in W.MAGNITUDES and (standalone or cn in W.STANDALONE_MAGNITUDES):
        # 百亿, 上千亿, 上万, 近百, 千余: a magnitude standing for itself.
        value = Decimal(W.MAGNITUDES[cn]) * scale
        return _Amount(value, value, False, qualifier, cn)
    try:
        adjacent = _adjacent_bounds(cn)
        if adjacent:
            return _Amount(Decimal(adjacent[0]) * scale, Decimal(adjacent[1]) * scale, True, "~", mag)
        if W.VAGUE_DIGIT in cn:
            low, high = _vague_bounds(cn)
            return _Amount(Decimal(low) * scale, Decimal(high) * scale, True, "~", mag)
        value = Decimal(chinese_integer(cn)) * scale
    except ValueError:
        return None
    return _Amount(value, value, False, qualifier, mag or _trailing_magnitude(cn))


def _compound(first: str, first_magnitude: str | None, rest: str, qualifier: str) -> _Amount | None:
    """1亿2068万: the first part in its magnitude plus the second in its smaller one; None unless the
    second part is smaller than one unit of the first's magnitude (1亿2万亿 is not an amount)."""
    if not first_magnitude or not re.fullmatch(r"\d+", first):
        return None
    digits, magnitude = re.fullmatch(rf"{SP}([\d,.]+){SP}(\D+)", rest).groups()
    part = Decimal(digits.replace(",", "").replace(" ", "")) * W.MAGNITUDES[magnitude]
    if part >= W.MAGNITUDES[first_magnitude]:
        return None
    value = Decimal(first) * W.MAGNITUDES[first_magnitude] + part
    return _Amount(value, value, False, qualifier, first_magnitude)


_MAGNITUDES_LONGEST_FIRST = sorted(W.MAGNITUDES, key=len, reverse=True)


def _trailing_magnitude(cn: str) -> str | None:
    """The magnitude a Chinese numeral ends with (五万 -> 万), which a range's first side may lack."""
    return next((w for w in _MAGNITUDES_LONGEST_FIRST if cn.endswith(w) and cn != w), None)


# --- qualifiers -------------------------------------------------------------------------------

def _combine(text: str, *qualifiers: str, default: str = "=") -> str:
    """One qualifier from those the words give (超过…以上 is >, 约…左右 is ~); contradictions raise."""
    given = [q for q in qualifiers if q]
    if not given:
        return default
    strict = {q for q in given if q != "="}
    if not strict:
        return given[0] if given else default
    if len(strict) == 1:
        return strict.pop()
    if strict <= {">", ">="}:
        return ">"
    if "~" in strict and len(strict) == 2:
        return next(q for q in strict if q != "~")
    raise QuantityError(text, f"contradictory qualifiers {' and '.join(sorted(strict))}")


def _bounded(text: str, value: Decimal | None, low: Decimal, high: Decimal, unit: str | None,
             qualifier: str, approx: bool = False) -> Quantity:
    """A quantity whose bounds follow from its qualifier (超 leaves the top open, 不到 the bottom).

    `approx`: the words also call the figure approximate; kept only where a bound is open.
    """
    number = None if value is None else float(value)
    lo = None if qualifier == "<" else number if low is value else float(low)
    hi = None if qualifier in (">", ">=") else number if high is value else float(high)
    return frozen_instance(Quantity, {"text": text, "value": number, "low": lo, "high": hi, "unit": unit, "qualifier": qualifier,
                                      "approx": approx and qualifier in (">", ">=", "<")})


# --- units ------------------------------------------------------------------------------------

def _unit_of(text: str, m: re.Match) -> tuple[str | None, int]:
    """(unit, factor) named by the words around the number; two different units are an error.

    A currency named before the number decides what a plain 元 after it means (新台币650元 is TWD).
    """
    sign, sign2, ua, unit, unit2, pct, pct2, noun = m.group("sign", "sign2", "ua", "unit", "unit2", "pct", "pct2",
                                                            "noun")
    if not (sign or sign2 or ua or unit or unit2 or pct or pct2 or noun):
        return None, 1  # most numbers: nothing to reconcile
    signs = {W.UNIT_SIGNS[s] for s in (sign, sign2) if s}
    found = {W.UNIT_WORDS[w] for w in (ua, unit, unit2) if w and not (signs and w == W.GENERIC_MONEY)}
    found |= {(u, 1) for u in signs}
    if pct or pct2:
        found.add(("%", 1))
    if noun:
        found.add((W.COUNT_NOUNS[noun], 1))
    if len(found) > 1:
        raise QuantityError(text, f"more than one unit ({', '.join(sorted(u for u, _ in found))})")
    return found.pop() if found else (None, 1)


def unnamed_currency(number: str, unit: str | None) -> bool:
    """Whether the money a number's words give names no one currency: 比索 alone (PESO: which
    country's?) or 元 without 人民币 (read as CNY, but also Taiwan's and Hong Kong's dollar). A
    catalogue row may then say which, from the place it is about (units.PESOS, units.YUAN_ELSEWHERE)."""
    if unit == UNNAMED_PESO:
        return True
    return unit == "CNY" and not any(word in to_simplified(number) for word in W.CNY_WORDS)


def counted_unit(number: str, following: str) -> str | None:
    """What a count counts: the noun after it (8000个品类 -> categories), else its own counting word
    (60多亿件 -> items, 3000余家 -> firms); None if neither says."""
    m = _COUNTED.match(following)
    if m:
        return W.COUNT_NOUNS[m.group("noun")]
    ending = _CLASSIFIER_END.search(number)
    return W.CLASSIFIER_UNITS.get(ending.group("cls")) if ending else None


# --- dates ------------------------------------------------------------------------------------

_YEAR = r"(?:19|20)\d\d"
_CN_MONTH = f"[{W.COUNTING_CHARS}]{{1,3}}"
_MONTH = rf"(?:\d{{1,2}}|{_CN_MONTH})"
_YEAR_PART = W.alternation(W.YEAR_PARTS + W.HALF_YEAR_LATIN + ("Q1", "Q2", "Q3", "Q4"))
_CLOCK = r"\d{1,2}:\d\d(?::\d\d)?"
# Calendar references; the parser matches it whole, the extractor inside a text.
DATE_PATTERN = "|".join([
    rf"{_YEAR}(?:(?:-\d{{1,2}}-|/\d{{1,2}}/|\.\d{{1,2}}\.)\d{{1,2}}日?(?:\s*{_CLOCK})?|/\d{{1,2}}"
    rf"|{SP}年(?:{SP}\d{{1,2}}{SP}月(?:{SP}\d{{1,2}}{SP}[日号])?)?)"
    rf"(?:{_YEAR_PART})?(?:(?:{RANGE_SEP}){_YEAR}(?:[/.]\d{{1,2}}|年)?)?",
    rf"{_YEAR}(?:年(?:{RANGE_SEP}){_YEAR}年?|(?:{RANGE_SEP}){_YEAR}年)",   # 2020-2023年, not 1900-2000
    rf"{_YEAR}(?:{_YEAR_PART})",
    rf"(?:{W.alternation(W.RELATIVE_YEARS)})?{_MONTH}(?:(?:{RANGE_SEP}){_MONTH})?{SP}月(?:\d{{1,2}}[日号]|{W.alternation(W.MONTH_PARTS)})?",
    rf"(?:{W.alternation(W.RELATIVE_YEARS)})?(?:第|前)?[一二三四1-4](?:{RANGE_SEP}[一二三四1-4])?{W.QUARTER_WORD}",
    rf"第{SP}[一二三四1-4]{SP}季",   # 第4季, 第 1 季: a quarter, as Taiwanese papers write it
    r"Q[1-4](?:-Q[1-4])?|H[12]",
    _CLOCK,
    r"\d{1,2}[日号]",
    r"(?P<gen>\d\d)后",
])
_DATE = re.compile(DATE_PATTERN)
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _parse_date(s: str, text: str) -> Quantity | None:
    """A calendar mention (2022上半年, 2014年2月19日, 今年6月, 1-9月, 第三季度, 95后) in unit `date`:
    `s` is `text` simplified and stripped. The value is the year where the text names one, else
    None; returns None if `s` is not a date. (parse_quantity reads dates through it.)"""
    m = _DATE.fullmatch(s)
    if m is None:
        return None
    years = [float(y) for y in _YEARS.findall(s)]
    generation = m.group("gen")
    if generation:
        years = [float(("19" if int(generation) > 30 else "20") + generation)]
    value = years[0] if years else None
    return Quantity(text, value, value, years[-1] if years else None, "date", "=")


# --- forms whose meaning is more than a number and a unit -------------------------------------

# A number inside these forms, read whole (an atomic group): what follows it (分之, 倍, a classifier,
# a counting word) never starts with a digit or numeral it could give back, except 万人次, and 三万人次
# read as 三 + 万人次 ends where 三万 + 人次 does. So trying shorter numbers never finds another
# match, and the scan skips that work at every number it tries these forms on.
_N = rf"(?>[{CN_NUMERAL}]+|{ARABIC})"
_RATIO_FILLER = rf"[^\d{CN_NUMERAL}，,。；;]{{0,8}}?"
_AMONG = W.alternation(W.RATIO_AMONG)
_HAVE = W.alternation(W.RATIO_HAVE)
# Shares in words: 三分之一; 每五个人中就有一个 (every five, one); 十个里有三个 (of ten, three).
FRACTION_PATTERN = (rf"(?!{W.PERCENT_WORD})(?P<den>{_N}){W.FRACTION_WORD}(?P<num>{_N})"
                    r"|(?<![\d/.])(?P<num2>\d{1,3})/(?P<den2>\d{1,3})(?![\d/])")
RATIO_EVERY_PATTERN = (rf"{W.RATIO_EVERY}(?P<den>{_N})(?:{CLASSIFIER}){_RATIO_FILLER}(?:{_AMONG})?"
                       rf"(?:{_HAVE})(?P<num>{_N})(?:{CLASSIFIER})?")
RATIO_AMONG_PATTERN = (rf"(?P<den>{_N})(?:{CLASSIFIER}){_RATIO_FILLER}(?:{_AMONG})(?:{_HAVE})(?P<num>{_N})"
                       rf"(?:{CLASSIFIER})?")
# Multiples: 增长了一倍 (grew by one times: 2 x), 翻了一番 (2 x), 翻两番 (4 x).
DOUBLING_PATTERN = (rf"(?:{W.alternation(W.GROWTH_VERBS)})了?(?P<inner>{PREFIX})?(?P<n>{_N})倍"
                    rf"(?P<inner_more>{MORE})?")
FAN_PATTERN = rf"{W.DOUBLING_WORD}了?(?P<n>[一两二三四]?)番|{W.DOUBLING_WORD}了?(?P<b>[一两二三]?)倍"
# Half in words: 一半, 半数 (50 %), 过半 (more than half), and 半 after a one-character qualifier
# (逾半, 近半) unless a time unit follows (近半年 is half a year).
_ONE_CHAR_QUALIFIERS = "".join(w for w in W.PREFIX_QUALIFIERS if len(w) == 1)
HALF_PATTERN = (rf"(?P<over>{W.MORE_THAN_HALF})|{W.alternation(W.HALF_WORDS)}"
                rf"|(?<=[{_ONE_CHAR_QUALIFIERS}]){W.HALF}(?!{W.alternation(W.PERIOD_UNITS)})")
ORDINAL_PATTERN = (rf"{W.ORDINAL_PREFIX}(?P<n>{_N})"
                   rf"(?:{W.alternation(W.ORDINAL_RANK_WORDS + W.ORDINAL_LIST_WORDS + (W.QUARTER_WORD,))})?")
# A duration in two units: 7分45秒 is 465 seconds, 2小时15分 135 minutes.
COMPOUND_DURATION_PATTERN = (rf"(?P<hours>\d{{1,3}})(?:{W.alternation(W.HOUR_WORDS)})(?P<hour_minutes>\d{{1,2}})"
                             rf"(?:{W.alternation(W.MINUTE_WORDS)})"
                             rf"|(?P<minutes>\d{{1,3}})(?:{W.alternation(W.MINUTE_WORDS)})(?P<seconds>\d{{1,2}})"
                             rf"(?:{W.alternation(W.SECOND_WORDS)})")
_COMPOUND_DURATION = re.compile(COMPOUND_DURATION_PATTERN)
_FRACTION = re.compile(FRACTION_PATTERN)
_RATIO_EVERY = re.compile(RATIO_EVERY_PATTERN)
_RATIO_AMONG = re.compile(RATIO_AMONG_PATTERN)
_DOUBLING = re.compile(DOUBLING_PATTERN)
_FAN = re.compile(FAN_PATTERN)
_ORDINAL = re.compile(ORDINAL_PATTERN)
_HALF = re.compile(HALF_PATTERN)
# A character without which none of the special forms can be present: the parser skips them all.
_SPECIAL_MARK = re.compile(W.alternation((W.FRACTION_WORD, "/", W.RATIO_EVERY, *W.RATIO_HAVE, W.HALF,
                                          W.DOUBLING_WORD, W.ORDINAL_PREFIX, *W.GROWTH_VERBS, *W.SECOND_WORDS,
                                          *W.MINUTE_WORDS)))


def _small_number(s: str) -> Decimal:
    """The exact number inside a special form (the 三 of 三分之一); a vague one (几) is an error."""
    amount = _amount(s)
    if amount is None or amount.vague:
        raise ValueError(s)
    return amount.low


def share_form(text: str) -> tuple[str, int, int] | None:
    """How the words give a share as counts, if they do: ("fraction", 2, 3) for 近三分之二 or 2/3,
    ("every", 2, 3) for 每三个就有两个 and ("every", 3, 10) for 十个里有三个; None otherwise.

    The formatter shows such a share in the words' own form ("nearly two thirds (≈67%)").
    """
    s = to_simplified(text or "").strip().replace(" ", "")
    m = _SPLIT_QUALIFIERS.fullmatch(s) if s else None
    if m is None:
        return None
    core = m.group("core")
    for name, pattern in (("fraction", _FRACTION), ("every", _RATIO_EVERY), ("every", _RATIO_AMONG)):
        found = pattern.fullmatch(core)
        if found:
            try:
                den = _small_number(found.group("den") or found.group("den2"))
                num = _small_number(found.group("num") or found.group("num2"))
            except ValueError:
                return None
            return name, int(num), int(den)
    return None


def _parse_special(text: str, s: str) -> Quantity | None:
    """Fractions and ratios (三分之一, 每五个人中就有一个, 过半), 增长了一倍, 翻两番, 第一名."""
    m = _SPLIT_QUALIFIERS.fullmatch(s)
    core, prefix, suffix = m.group("core"), W.PREFIX_QUALIFIERS.get(m.group("pre") or "", ""), \
        W.SUFFIX_QUALIFIERS.get(m.group("suf") or "", "")
    try:
        m = _FRACTION.fullmatch(core) or _RATIO_EVERY.fullmatch(core) or _RATIO_AMONG.fullmatch(core)
        if m:
            den = _small_number(m.group("den") or m.group("den2"))
            num = _small_number(m.group("num") or m.group("num2"))
            if den == 0 or num > den:
                raise QuantityError(text, "a share needs a denominator larger than its numerator")
            share = num / den * 100
            return _bounded(text, share, share, share, "%", _combine(text, prefix, suffix))
        m = _HALF.fullmatch(core)
        if m or (prefix and core == W.HALF):  # 逾半: the qualifier was split off its 半
            half, over = Decimal(50), ">" if m and m.group("over") else ""
            return _bounded(text, half, half, half, "%", _combine(text, prefix, over, suffix))
        multiple = _multiple(core)
        if multiple is not None:
            factor, inner = multiple
            return _bounded(text, factor, factor, factor, "x", _combine(text, prefix, inner, suffix))
        m = _COMPOUND_DURATION.fullmatch(core)
        if m:
            if m.group("hours"):
                total, unit = Decimal(int(m.group("hours")) * 60 + int(m.group("hour_minutes"))), "minutes"
            else:
                total, unit = Decimal(int(m.group("minutes")) * 60 + int(m.group("seconds"))), "seconds"
            return _bounded(text, total, total, total, unit, _combine(text, prefix, suffix))
        m = _ORDINAL.fullmatch(core)
        if m:
            rank = _small_number(m.group("n"))
            return Quantity(text, float(rank), float(rank), float(rank), "rank", "=")
    except ValueError as error:
        if isinstance(error, QuantityError):
            raise
        raise QuantityError(text, f"{error.args[0]!r} is not a number") from None
    return None


def _multiple(core: str) -> tuple[Decimal, str] | None:
    """(factor, qualifier) of 增长了一倍 (2: in Chinese it grew *by* one times), 增长近一倍 (~2),
    翻了一番 (2), 翻两番 (4).
    """
    m = _DOUBLING.fullmatch(core)
    if m:
        inner = W.PREFIX_QUALIFIERS[m.group("inner")] if m.group("inner") else ""
        more = W.SUFFIX_QUALIFIERS[m.group("inner_more")] if m.group("inner_more") else ""
        return _small_number(m.group("n")) + 1, _combine(core, inner, more, default="")
    m = _FAN.fullmatch(core)
    if m is None:
        return None
    if m.group("b") is not None:
        return (Decimal(2) if not m.group("b") else _small_number(m.group("b")) + 1), ""
    return Decimal(2) ** int(_small_number(m.group("n") or "一")), ""


# --- the parser -------------------------------------------------------------------------------

def parse_quantity(text: str) -> Quantity:
    """Parse one written quantity; raise `QuantityError` naming the text if it is not one.

    >>> parse_quantity("超7万亿").value, parse_quantity("超7万亿").qualifier
    (7000000000000.0, '>')
    >>> q = parse_quantity("25-32岁"); (q.value, q.low, q.high, q.unit)
    (None, 25.0, 32.0, 'age')
    """
    if not isinstance(text, str):
        raise QuantityError(repr(text), "expected a string")
    return parse_simplified(to_simplified(text), text)


def parse_simplified(simplified: str, text: str | None = None) -> Quantity:
    """`parse_quantity` for a caller that has already run `to_simplified` (the extractor converts an
    article once, not each of its thousands of numbers again). `text` is the original wording,
    kept in the result; it defaults to `simplified`.
    """
    text = simplified if text is None else text
    s = simplified.strip().replace(" ", "")
    if not s:
        raise QuantityError(text, "empty text")
    date = _parse_date(s, text)
    if date is not None:
        return date
    if W.VAGUE_PREFIX in s:
        s = _VAGUE_WORD.sub(lambda m: W.VAGUE_DIGIT + (m.group(1) or ""), s)
    special = _parse_special(text, s) if _SPECIAL_MARK.search(s) else None
    if special is not None:
        return special
    reading = _reading_of_shape(s.encode().translate(_DIGITS_AS_ZERO))
    if reading is not None:
        return _quantity(reading, text, s)
    m = _QUANTITY.fullmatch(s)
    if m is None:
        raise QuantityError(text, "not a number, a range or a known form")
    return _read(text, m)


class _Reading(NamedTuple):
    """What a quantity's words say apart from its digits: its unit and qualifier, where its amounts
    are, and how each is read. 1.533亿美元 and 2.644亿美元 share one reading (`_reading_of_shape`);
    only the amounts are read again, from their digits."""

    unit: str | None
    factor: int
    qualifier: str
    approx: bool
    first: tuple[int, int]                  # where the first amount is in the text read
    first_amount: _AmountReading
    half: bool                              # 三成半: a half more
    tenth: tuple[int, int] | None           # 1 成 2: where the digit of a tenth more is
    second: tuple[int, int] | None          # where a range's second amount is
    second_amount: _AmountReading | None


def _read(text: str, m: re.Match) -> Quantity:
    """Turn the parts the grammar found into a quantity: one amount or a range of two."""
    return _quantity(_reading(text, m), text, m.string)


def _reading(text: str, m: re.Match) -> _Reading:
    """The reading of a matched quantity; raises `QuantityError` where its words contradict each
    other. Nothing here looks at a digit's value, so a text with other digits reads the same."""
    unit, factor = _unit_of(text, m)
    pre, suf, more2, a, b = m.group("pre", "suf", "more2", "a", "b")
    if suf == "起" and not unit:   # 3起事故: 起 counts incidents; only 350日元起 is "from"
        suf = None
    prefix = W.PREFIX_QUALIFIERS[pre] if pre else ""
    suffix = _combine(text, W.SUFFIX_QUALIFIERS[more2] if more2 else "", W.SUFFIX_QUALIFIERS[suf] if suf else "",
                      default="")
    first_reading = _amount_reading(a, qualified=bool(pre))
    if first_reading is None:
        raise QuantityError(text, f"{a!r} is not a number")
    first = first_reading.read(a)
    if b is None:
        qualifier = _combine(text, prefix, first.qualifier, suffix, default="~" if first.vague else "=")
        approx = "~" in (prefix, first.qualifier, suffix)
        return _Reading(unit, factor, qualifier, approx, m.span("a"), first_reading, bool(m.group("half")),
                        _span_of(m, "tenth"), None, None)
    second_reading = _amount_reading(b)
    if second_reading is None:
        raise QuantityError(text, "a range needs a number on each side")
    if m.group("ua") and not m.group("unit"):
        raise QuantityError(text, "a range's second number lacks the unit its first has (升12%至18,913宗 is two figures)")
    second = second_reading.read(b)
    qualifier = _combine(text, prefix, suffix, default="~" if first.vague or second.vague else "=")
    return _Reading(unit, factor, qualifier, False, m.span("a"), first_reading, bool(m.group("half")),
                    _span_of(m, "tenth"), m.span("b"), second_reading)


def _span_of(m: re.Match, group: str) -> tuple[int, int] | None:
    return m.span(group) if m.group(group) else None


def _quantity(reading: _Reading, text: str, s: str) -> Quantity:
    """The quantity `reading` gives when its amounts are read from `s`, the text it was made for
    or another of the same shape."""
    unit, factor, qualifier = reading.unit, reading.factor, reading.qualifier
    if reading.second is None and reading.first_amount.digits is not None and not reading.half and not reading.tenth:
        return _one_figure(reading, text, s)
    first = reading.first_amount.read(s[slice(*reading.first)])
    if reading.half:
        first = first._replace(low=first.low + Decimal("0.5"), high=first.high + Decimal("0.5"))
    if reading.tenth:
        digit = s[slice(*reading.tenth)]
        tenth = Decimal(digit) / 10 if digit.isdigit() else Decimal(W.DIGITS[digit]) / 10
        first = first._replace(low=first.low + tenth, high=first.high + tenth)
    if reading.second is None:
        if factor != 1:
            first = first._replace(low=first.low * factor, high=first.high * factor)
        return _bounded(text, None if first.vague else first.low, first.low, first.high, unit, qualifier, reading.approx)
    second = reading.second_amount.read(s[slice(*reading.second)])
    low, high = _range_bounds(first, second)
    if low > high:
        raise QuantityError(text, "range runs backwards")
    return _bounded(text, None, low * factor, high * factor, unit, qualifier)


def _one_figure(reading: _Reading, text: str, s: str) -> Quantity:
    """`_quantity` of one amount in digits and nothing added to it (1.533亿美元, 超过30%, 12.5%), the
    reading of most figures: the same arithmetic, its number made once and its bounds that same number."""
    amount = reading.first_amount
    start = reading.first[0]
    figure = Decimal(s[start + amount.digits[0]:start + amount.digits[1]].replace(",", "").replace(" ", "")) * amount.scale
    if reading.factor != 1:
        figure = figure * reading.factor
    return _bounded(text, figure, figure, figure, reading.unit, reading.qualifier, reading.approx)


# A text's shape: its UTF-8 with each ASCII digit written 0, which bytes.translate makes six times
# faster than re.sub makes a string with each digit 0. (Another script's digit, ٣, stays itself: its
# texts get a shape of their own, read alike.)
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


@lru_cache(maxsize=1 << 12)
def _reading_of_shape(shape: bytes) -> _Reading | None:
    """The reading shared by every quantity whose text is `shape` with other digits (`shape` is the
    text's UTF-8 with each digit written 0), or None where there is none to share (not a quantity, or
    words that contradict each other: the caller parses the text itself, to say so in its own words).
    The grammar tests digits only as digits, so every text of a shape matches it alike; a corpus has
    thousands of figures in a few hundred shapes."""
    shape = shape.decode()
    m = _QUANTITY.fullmatch(shape)
    if m is None:
        return None
    try:
        reading = _reading(shape, m)
    except QuantityError:
        return None
    amounts = (reading.first_amount, reading.second_amount or reading.first_amount)
    return reading if all(amount.shared for amount in amounts) else None


def _range_bounds(first: _Amount, second: _Amount) -> tuple[Decimal, Decimal]:
    """A range's bounds; 3-5万 carries the 万 back to the 3, unless that would overshoot the top."""
    low = first.low
    if second.magnitude and not first.magnitude:
        scaled = low * W.MAGNITUDES[second.magnitude]
        if scaled <= second.high:
            low = scaled
    return low, second.high
