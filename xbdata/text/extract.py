"""Find every numeric mention in an article, with its offsets, sentence and a guess of its kind.

The extractor aims at recall: a statistic it misses is a statistic missing from the reports.
The catalogue test holds it to that: every mention it finds in the seeds is either a catalogued
statistic or an exclusion with a reason. It also says which mentions are not statistics, so
that a reader of `xbdata extract` (and `make eval`) is not handed dates, page counters or list
numbers as figures. Numbers inside URLs and e-mail addresses, and digits inside Latin words
(B2B, 5G), are not mentions.

Every pattern is built from `xbdata.text.words` and the grammar in `xbdata.text.numbers`, so the
parser and the extractor read the same words the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre_constants, _parser as sre_parser   # the parsed pattern, for _first_chars

from . import words as W
from .numbers import (ARABIC, COMPOUND_DURATION_PATTERN, CN_NUMERAL, DATE_PATTERN, DOUBLING_PATTERN, FAN_PATTERN, FRACTION_PATTERN,
                      HALF_PATTERN, ORDINAL_PATTERN, PREFIX, RATIO_AMONG_PATTERN, RATIO_EVERY_PATTERN, SUFFIX, Quantity,
                      QuantityError, counted_unit, frozen_instance, parse_simplified, quantity_pattern, unnamed)
from .script import to_simplified
from .units import DURATIONS

# What a mention is:
#   statistic    a figure about the world (size, share, growth, count, price, age, measured duration)
#   date         a calendar reference: 2024年, 2025-03-15 10:30, 1-9月, 第三季度, Q3
#   period       a duration used as a time window: 近3年, 5年间, 4天内, 过去两年, 三年来
#   furniture    the page around the article: 阅读 1234, 点赞 56, 阅读10万+
#   list_marker  numbering of lists and sections: 一、 1. （3） 第二
#   other        a number that enumerates or names: 两大优势, 三分天注定, iPhone 15, 比如一件100元的商品
# Event names (双11, 618大促, 黑五) are consumed and not reported, like numbers inside URLs.
KINDS = ("statistic", "date", "period", "furniture", "list_marker", "other")

# Digits inside a word, an identifier or an assignment (B2B, item_2, x=3) are not mentions.
_NOT_AFTER_DIGIT = r"(?<![A-Za-z0-9._=])"

# --- the numbers the extractor accepts --------------------------------------------------------
# Arabic digits not glued to Latin letters (5G, B2B, 10k are names or units of another language).
_ARABIC = rf"{_NOT_AFTER_DIGIT}{ARABIC}(?![A-Za-z\d])"
# A Chinese numeral needs a unit character in it (二十, 三千, 十几) so that 一些, 万一, 十分 stay words;
# 数 counts when a magnitude follows (数十万).
_ALIASES = "".join(W.NUMERAL_ALIASES)
_CN_LONG = (rf"(?:[{W.VAGUE_DIGIT}一二{W.COUNTING_DIGITS}{_ALIASES}]|{W.VAGUE_PREFIX}(?=[{W.UNIT_CHARS}]))"
            rf"[{CN_NUMERAL}{W.VAGUE_DIGIT}{_ALIASES}]*[{W.UNIT_CHARS}{W.VAGUE_DIGIT}{_ALIASES}]"
            rf"[{CN_NUMERAL}{W.VAGUE_DIGIT}{_ALIASES}]*|[{_ALIASES}]")
# A single digit counts only before a classifier or unit (三成, 两天, 五家); see COUNTING_DIGITS.
_SHORT_FOLLOWERS = W.alternation(W.CLASSIFIERS + tuple(W.UNIT_WORDS) + W.ENUMERATION_WORDS + W.MORE_WORDS)
_CN_SHORT = (rf"(?:[{W.ADJACENT_DIGITS}](?=[{W.COUNTING_DIGITS}]))?[{W.COUNTING_DIGITS}](?={_SHORT_FOLLOWERS})"
             rf"|一(?=(?:{W.alternation(W.ONE_BEFORE)})(?![{W.ONE_BEFORE_NOT}]))")
# A magnitude standing alone: after 上 (上千亿, 上万), after a qualifier (突破百亿, 近百家), before
# 多/余 (千余家), before a unit (百亿元), or one that is never a word (百万, 百亿; 千万 is also "by
# all means").
_STANDALONE = W.alternation(W.STANDALONE_MAGNITUDES)
_QUALIFIER_ENDS = "".join(sorted({w[-1] for w in (*W.PREFIX_QUALIFIERS, *W.MAGNITUDE_PREFIXES)}))
_MAGNITUDE_ALONE = (rf"(?<=[{_QUALIFIER_ENDS}])(?:{_STANDALONE}|[{W.BARE_MAGNITUDE_CHARS}])"
                    rf"|[{W.BARE_MAGNITUDE_CHARS}](?={W.alternation(W.MORE_WORDS)})"
                    rf"|(?:{_STANDALONE})(?={W.alternation((*W.UNIT_WORDS, *W.CLASSIFIERS, *W.SUFFIX_QUALIFIERS))})"
                    rf"|(?<![{CN_NUMERAL}])(?:{W.alternation(W.UNAMBIGUOUS_MAGNITUDES)})(?![{CN_NUMERAL}])")
_AFTER_PERCENT_WORD = rf"(?<={W.PERCENT_WORD})[{CN_NUMERAL}点]+"
# 数以亿计, "counted in hundreds of millions": a vague amount.
_COUNTLESS = rf"{W.VAGUE_PREFIX}以[{W.UNIT_CHARS}]计"
_NUMBER = f"{_ARABIC}|{_COUNTLESS}|{_CN_LONG}|{_CN_SHORT}|{_MAGNITUDE_ALONE}|{_AFTER_PERCENT_WORD}"

# --- what is not a statistic ------------------------------------------------------------------
# Page counters (阅读 1234, 点赞 56, 阅读10万+): the number right after a furniture word.
_FURNITURE_BEFORE = re.compile(rf"(?:{W.alternation(W.FURNITURE_WORDS)})[\s:：|丨·]*$")
# Time windows (近3年, 过去两年, 5年间, 三年来): a duration with a window word before or after it.
_PERIOD_BEFORE = re.compile(rf"(?:{W.alternation(W.PERIOD_BEFORE)})$")
_PERIOD_AFTER = re.compile(W.alternation(W.PERIOD_AFTER))
_LIST_NUMBER = rf"(?:\d{{1,2}}|[{W.COUNTING_CHARS}]{{1,3}})"
_LINE_START_MARKER = (rf"^[ \t\u3000]*(?:[(（]?{_LIST_NUMBER}[)）.、](?!\d)|0\d(?=[ \t\u3000])"
                      rf"|[(（]{_LIST_NUMBER}[)）]|\d{{1,2}}\.?$)")
_LIST_MARKER = (rf"{_LINE_START_MARKER}|[(（]{_LIST_NUMBER}[)）]|(?<=[\s。])\d\.(?!\d)"
                rf"|[{W.COUNTING_CHARS}]{{1,2}}(?=、[{W.COUNTING_CHARS}]{{1,2}}月)")   # 十、十一月
_EVENT = (rf"{W.alternation(W.EVENT_NAMES)}"
          rf"|{_NOT_AFTER_DIGIT}(?:{W.alternation(W.EVENT_NUMBERS)})(?=\s*(?:{W.alternation(W.EVENT_AFTER)}))")

_QUALIFIED = rf"(?:{PREFIX})?(?:{{}})(?:{SUFFIX})?"

# In priority order: where two could start at the same place, the first wins.
_PATTERNS = [
    ("event", _EVENT),
    ("date", rf"{_NOT_AFTER_DIGIT}(?:{unnamed(DATE_PATTERN)})(?![\d%])"),
    ("list_marker", _LIST_MARKER),
    ("ordinal", rf"(?!{W.ORDINAL_PREFIX}三方){unnamed(ORDINAL_PATTERN)}"),
    ("ratio", _QUALIFIED.format(f"{unnamed(RATIO_EVERY_PATTERN)}|{unnamed(RATIO_AMONG_PATTERN)}")),
    ("fraction", _QUALIFIED.format(f"{unnamed(FRACTION_PATTERN)}|{unnamed(HALF_PATTERN)}")),
    ("multiple", _QUALIFIED.format(f"{unnamed(DOUBLING_PATTERN)}|{unnamed(FAN_PATTERN)}")),
    ("duration", _QUALIFIED.format(unnamed(COMPOUND_DURATION_PATTERN))),
    ("quantity", unnamed(quantity_pattern(_NUMBER, nouns=False))),
    ("parts", rf"[二{W.COUNTING_DIGITS.replace('十', '')}]分(?!之|钟)"),  # 三分天注定 (十分 is "very")
]
_NUMBER_ALONE = re.compile(unnamed(quantity_pattern(_NUMBER, nouns=False, ranges=False)))
# Every pattern starts with one of these characters; testing that first lets the scan skip the
# rest of the text cheaply (a mention is rare among characters). Words that only set a mention's
# kind (阅读, 过去, 今年) are looked at around the number instead, and do not start a match.
_FIRST = "".join(sorted(set(
    "0123456789" + CN_NUMERAL + W.VAGUE_DIGIT + W.VAGUE_PREFIX + "".join(W.MAGNITUDE_PREFIXES) + W.PERCENT_WORD[0]
    + W.RATIO_EVERY + W.DOUBLING_WORD + W.ORDINAL_PREFIX + W.MORE_THAN_HALF[0] + W.HALF
    + "QH"                 # Q3, H1
    + "(（ \t\u3000"       # list markers: （3）, and indented ones at a line's start
    + "".join(w[0] for w in (*W.PREFIX_QUALIFIERS, *W.UNIT_SIGNS, *W.EVENT_NAMES, *W.GROWTH_VERBS,
                             *W.HALF_WORDS)))))


def _first_chars(pattern: str, flags: int = re.MULTILINE) -> str | None:
    """The characters of _FIRST a match of `pattern` can start with, read from the parsed pattern;
    None if it can match the empty string (then any character may follow).

    At most characters of _FIRST (a digit, 一, 上, 约 ...) the scan tries every pattern in turn, and
    most fail only after reading a number or a qualifier again. Each pattern behind a look at its
    own first characters fails at once where it cannot start. The set is never too small: where a
    piece is not understood (a look-around, a back-reference), every character of _FIRST is allowed.
    """
    chars, can_be_empty = _first_of_sequence(sre_parser.parse(pattern, flags))
    return None if can_be_empty else "".join(sorted(chars))


def _first_of_sequence(items) -> tuple[set[str], bool]:
    """(first characters, whether it can match empty) of a sequence of parsed pieces."""
    chars: set[str] = set()
    for op, argument in items:
        first, can_be_empty = _first_of_piece(op, argument)
        chars |= first
        if not can_be_empty:
            return chars, False
    return chars, True


def _first_of_piece(op, argument) -> tuple[set[str], bool]:
    """(first characters, whether it can match empty) of one parsed piece, within _FIRST."""
    c = sre_constants
    if op is c.LITERAL:
        return {chr(argument)} & _FIRST_SET, False
    if op is c.IN:
        return _first_of_class(argument), False
    if op is c.BRANCH:
        chars, can_be_empty = set(), False
        for alternative in argument[1]:
            first, empty = _first_of_sequence(alternative)
            chars |= first
            can_be_empty |= empty
        return chars, can_be_empty
    if op is c.SUBPATTERN:
        return _first_of_sequence(argument[3])
    if op is c.ATOMIC_GROUP:
        return _first_of_sequence(argument)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        first, empty = _first_of_sequence(argument[2])
        return first, empty or argument[0] == 0
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True   # looks without reading: the next piece reads the first character
    return set(_FIRST_SET), True


def _first_of_class(items) -> set[str]:
    """The characters of _FIRST a character class ([0-9一二], \\d, [^，]) matches."""
    c = sre_constants
    chars, negated = set(), False
    for op, argument in items:
        if op is c.NEGATE:
            negated = True
        elif op is c.LITERAL:
            chars.add(chr(argument))
        elif op is c.RANGE:
            chars |= {ch for ch in _FIRST_SET if argument[0] <= ord(ch) <= argument[1]}
        elif op is c.CATEGORY and argument in _CATEGORIES:
            chars |= {ch for ch in _FIRST_SET if re.match(_CATEGORIES[argument], ch)}
        else:
            return set(_FIRST_SET)
    return _FIRST_SET - chars if negated else chars & _FIRST_SET


_FIRST_SET = set(_FIRST)
_CATEGORIES = {sre_constants.CATEGORY_DIGIT: r"\d", sre_constants.CATEGORY_NOT_DIGIT: r"\D",
               sre_constants.CATEGORY_SPACE: r"\s", sre_constants.CATEGORY_NOT_SPACE: r"\S",
               sre_constants.CATEGORY_WORD: r"\w", sre_constants.CATEGORY_NOT_WORD: r"\W"}


def _guarded(name: str, pattern: str) -> str:
    """`pattern` as the named alternative `name` of the scan, behind a look at its first characters."""
    first = _first_chars(pattern)
    guard = "" if first is None else f"(?=[{re.escape(first)}])"
    return f"{guard}(?P<{name}>{pattern})"


_MENTION = re.compile(f"(?=[{re.escape(_FIRST)}])(?:" + "|".join(_guarded(name, pattern) for name, pattern in _PATTERNS)
                      + ")", re.MULTILINE)
# Where numbers are names, not quantities: URLs, e-mail addresses, telephone numbers. Each is one
# run of printable ASCII, so only a mention touching such a run needs its token looked at.
_ASCII_RUN_BEFORE = re.compile(r"[!-~]+\Z")
_ASCII_RUN = re.compile(r"[!-~]*")
_NAME_TOKEN = re.compile(r".*(?:://|@|www\.).*|\d{3,4}-\d{3,4}-\d{4}|1[3-9]\d{9}"
                         r"|\d{3,}-\d{5,}(?:-\d+)*|\d{6}\.[A-Z]{2}|[A-Z0-9]*\d[A-Z0-9]*[A-Z][A-Z0-9]*", re.S)
_MOBILE_LENGTH = 11
_DURATIONS = frozenset(DURATIONS)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_END = re.compile(r"[。！？!?；;，,：:\n]")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE_NIAN = re.compile(rf"[{W.SPACES}]?年")   # 低於 2019 年: a year after a qualifier
_LEADING_NUMBER = re.compile(rf"(?:{PREFIX})?(?:{ARABIC}|[{CN_NUMERAL}])*")
_CLASSIFIER_CHARS = "".join(c for c in W.CLASSIFIERS if len(c) == 1)
_FEW_IN_WORDS = re.compile(rf"[两二三四五六七八九十]{W.alternation(W.CLASSIFIERS)}")
_HYPOTHETICAL = re.compile(W.alternation(W.HYPOTHETICAL_WORDS))
_EXAMPLE = re.compile(W.alternation(W.EXAMPLE_WORDS))
_HYPOTHETICAL_OR_EXAMPLE = re.compile(W.alternation(W.HYPOTHETICAL_WORDS + W.EXAMPLE_WORDS))
_RANK_VERB = re.compile(W.alternation(W.RANK_VERBS))
_ADDRESS_AFTER = re.compile(rf"(?:{W.alternation(W.ADDRESS_WORDS)})(?!{W.alternation(W.BUILDING_NOUNS)})")
_STOCK_CODE_AFTER = re.compile(rf"(?:{W.alternation(W.STOCK_EXCHANGES)})(?![A-Za-z])")
_HOTLINE_BEFORE = re.compile(rf"(?:{W.alternation(W.HOTLINE_BEFORE)})[{W.SPACES}:：]?$")
_HOTLINE_AFTER = re.compile(rf"[{W.SPACES}]?(?:{W.alternation(W.HOTLINE_AFTER)})")
_APPROXIMATE_VERB_BEFORE = re.compile(rf"(?:{W.alternation(W.APPROXIMATE_BEFORE_VERB)})"
                                      rf"(?:{W.alternation(W.VERBS_AFTER_APPROXIMATE)})[^\d，,。；;]{{0,10}}$")
_AND = re.compile(r"和|与|及|以及|、")
_STREAK_AFTER = re.compile(rf"个?(?:{W.alternation(W.STREAK_PERIODS)})")
_ROC_YEAR = re.compile(rf"{W.ROC_YEAR}[{W.SPACES}]?年")
_LATIN_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z\-]*\s?$")
_LABEL_BEFORE = re.compile(rf"(?<![{W.NOT_BEFORE_LABEL}])(?:{W.alternation(W.LABEL_WORDS)})[{W.SPACES}]?$")
_TERM_AFTER = re.compile(rf"[{W.SPACES}]?(?:{W.alternation(W.TERM_AFTER)})")
_LIST_NAME_AFTER = re.compile(W.LIST_NAME_AFTER)
_INSTALMENT_BEFORE = re.compile(rf"{W.INSTALMENT_BEFORE}[{W.SPACES}]?$")
_INSTALMENT_AFTER = re.compile(rf"[{W.SPACES}]?{W.INSTALMENT_AFTER}")


@dataclass(frozen=True)
class Mention:
    """One numeric mention: where it is, what it says, and what it seems to be."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    kind: str
    sentence: str
    sentence_start: int

    def as_row(self) -> dict:
        """The mention as a flat dict; every field is a plain value, so no deep copy (asdict's) is needed."""
        return dict(self.__dict__)


class Sentences:
    """Sentence boundaries of one text, found once, so each look-up is a binary search."""

    def __init__(self, text: str):
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.length = len(text)
        self.last = (0, -1)     # the last sentence found that holds no other sentence's end

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the sentence around text[start:end], its closing punctuation included.

        Mentions come in order and most sentences hold several: one inside the last sentence found
        (which no other sentence's end cuts) is in that sentence, without a search."""
        left, right = self.last
        if left <= start and end < right:
            return self.last
        i = bisect_right(self.ends, start)
        left = self.ends[i - 1] if i else 0
        j = bisect_left(self.ends, end + 1)
        bounds = left, self.ends[j] if j < len(self.ends) else self.length
        if j <= i:      # no end between the two: one sentence
            self.last = bounds
        return bounds


# --- kinds ------------------------------------------------------------------------------------
# Each helper answers one question about a parsed `quantity` match in the simplified text.

def _is_enumeration(quantity: Quantity, simplified: str, start: int, end: int) -> bool:
    """两大优势, 三个方面, 四种模式: the article counting its own points, not the world; and 两家,
    四家公司里, 这两项指标, 三个站点: a few things it has named, counted in words."""
    if quantity.qualifier != "=" or quantity.value is None or quantity.value > 10 or not quantity.value.is_integer():
        return False
    if _FEW_IN_WORDS.fullmatch(simplified[start:end]):
        return True
    if quantity.unit is not None:
        return False
    rest = simplified[start:end + 6]
    rest = rest[_LEADING_NUMBER.match(rest).end():]
    if rest.startswith(W.ENUMERATION_WORDS):
        return True
    return rest.lstrip(_CLASSIFIER_CHARS).startswith(W.DISCOURSE_NOUNS)


def _is_roc_year(quantity: Quantity, simplified: str, start: int) -> bool:
    """114 年, 由 112 年的 9.7 %: a year of the Republic of China calendar, as Taiwanese text dates things."""
    return quantity.unit in (None, "years") and quantity.qualifier == "=" and _ROC_YEAR.match(simplified, start) is not None


def _is_year(quantity: Quantity, matched: str) -> bool:
    """A bare 2023 with nothing attached is a year, not a count of 2023 things; so is 低于 2019 年,
    which reads as 2019 years."""
    if quantity.unit == "years" and quantity.value is not None and quantity.value.is_integer() \
            and _YEAR_ONLY.fullmatch(str(int(quantity.value))):
        return True
    return quantity.unit is None and _YEAR_ONLY.fullmatch(matched) is not None


def _is_hypothetical(simplified: str, start: int) -> bool:
    """假如提升10%, 比如一件100元的商品: a condition or an example in the same clause, not a figure."""
    if _HYPOTHETICAL_OR_EXAMPLE.search(simplified, max(0, start - 60), start) is None:
        return False  # the common case, answered by one search without finding the clause
    if _HYPOTHETICAL.search(clause_before(simplified, start, 16)) is not None:
        return True
    sentence = simplified[max(0, start - 60):start]
    cut = [m.end() for m in _SENTENCE_END.finditer(sentence)]
    return _EXAMPLE.search(sentence[cut[-1] if cut else 0:]) is not None


def _is_scale(simplified: str, start: int) -> bool:
    """满分5分: the top of a scale, not a measurement."""
    return simplified.endswith(W.SCALE_WORDS, max(0, start - 3), start)


def _is_address(quantity: Quantity, simplified: str, end: int) -> bool:
    """5栋12楼, 科技园5栋: a number that names a place (6栋厂房 counts buildings)."""
    if quantity.unit is not None:
        return False
    return _ADDRESS_AFTER.match(simplified, end) is not None or \
        (simplified[end - 1:end] in W.ADDRESS_WORDS and _ADDRESS_AFTER.match(simplified, end - 1) is not None)


def _is_code(quantity: Quantity, simplified: str, start: int, end: int) -> bool:
    """“9610”直邮, 9988.HK, 拨打12360, “11.11”: a number that is a code, a phone line or a promotion's name."""
    if quantity.unit is not None or quantity.qualifier != "=":
        return False
    quoted = simplified[start - 1:start] + simplified[end:end + 1] in W.CODE_QUOTES   # each a pair of quotes
    return quoted or _STOCK_CODE_AFTER.match(simplified, end) is not None \
        or _HOTLINE_BEFORE.search(simplified, max(0, start - 8), start) is not None \
        or _HOTLINE_AFTER.match(simplified, end) is not None


def _is_product_number(quantity: Quantity, simplified: str, start: int) -> bool:
    """iPhone 15, Model 3: a bare number right after a Latin name is part of the name."""
    bare = quantity.unit is None and quantity.qualifier == "=" and quantity.value is not None
    return bare and _LATIN_NAME_BEFORE.search(simplified[max(0, start - 12):start]) is not None


def _is_label_or_term(quantity: Quantity, simplified: str, start: int, end: int) -> bool:
    """图2, 表3 (a figure's label), 分12期 (an instalment term), 4至6日达 (a service's name), TOP100,
    50强: numbers that name, not measure."""
    bare_whole = quantity.unit is None and quantity.value is not None and float(quantity.value).is_integer()
    return _LABEL_BEFORE.search(simplified, max(0, start - 6), start) is not None \
        or _TERM_AFTER.match(simplified, end) is not None \
        or (bare_whole and _LIST_NAME_AFTER.match(simplified, end) is not None) \
        or (simplified[end - 1:end] in ("日", "天") and simplified.startswith(W.SERVICE_AFTER_DAYS, end)) \
        or (_INSTALMENT_AFTER.match(simplified, end) is not None     # rare, so asked first
            and _INSTALMENT_BEFORE.search(simplified, max(0, start - 3), start) is not None)


def _is_furniture(quantity: Quantity, simplified: str, start: int) -> bool:
    """阅读 1234, 点赞 56, 阅读10万+: a counter of the page, not a figure about the world."""
    return quantity.unit is None and _FURNITURE_BEFORE.search(simplified, max(0, start - 8), start) is not None


def _is_period(quantity: Quantity, simplified: str, start: int, end: int) -> bool:
    """近3年, 过去两年, 未来五年, 5年间, 4天内, 三年来: a window of time, not a measured duration.

    平均配送时间为5天 has no window word and stays a statistic.
    """
    if quantity.unit not in DURATIONS:
        return False
    before = simplified[max(0, start - 4):start]
    opens = simplified.startswith(W.PERIOD_BEFORE, start) or \
        (_PERIOD_BEFORE.search(before) is not None and not before.endswith(W.NOT_PERIOD_BEFORE))
    return opens or _PERIOD_AFTER.match(simplified, end) is not None


def _quantity_kind(quantity: Quantity | None, simplified: str, start: int, end: int) -> str:
    """The kind of a quantity match, from its context. Each test is a pure question, so they are
    asked cheapest first, and those about a bare number (no unit) only of a bare number."""
    if quantity is None:
        return "other"
    unit = quantity.unit
    bare = unit is None
    if unit == "date":
        return "date"
    if bare or unit == "years":     # the only units a year, in either calendar, is read in
        matched = simplified[start:end]
        if _is_year(quantity, matched) or bare and quantity.value is not None \
                and _YEAR_BEFORE_NIAN.match(simplified, end) and _YEAR_ONLY.search(matched[-4:]) \
                and float(quantity.value).is_integer():
            return "date"
        if _is_roc_year(quantity, simplified, start):
            return "date"
    if unit in _DURATIONS and _is_period(quantity, simplified, start, end):
        return "period"
    if bare and _is_furniture(quantity, simplified, start):
        return "furniture"
    if _is_enumeration(quantity, simplified, start, end) or _is_scale(simplified, start) \
            or bare and (_is_product_number(quantity, simplified, start) or _is_address(quantity, simplified, end)
                         or _is_code(quantity, simplified, start, end)) \
            or _is_label_or_term(quantity, simplified, start, end) or _is_hypothetical(simplified, start):
        return "other"
    return "statistic"


def clause_before(simplified: str, start: int, width: int = 12) -> str:
    """Up to `width` characters before `start`, not reaching back past a clause's punctuation."""
    window = simplified[max(0, start - width):start]
    cut = [m.end() for m in _CLAUSE_END.finditer(window)]
    return window[cut[-1] if cut else 0:]


def _approximate_across_verb(simplified: str, start: int) -> bool:
    """约占总量的29%: 约 and a verb earlier in the clause, nothing but words between them and the figure.

    Most figures have no 约 within reach: a search of the 16 characters before them, which finds
    every match the clause would (the clause is their tail), answers those without finding the clause.
    """
    if _APPROXIMATE_VERB_BEFORE.search(simplified, max(0, start - 16), start) is None:
        return False
    return _APPROXIMATE_VERB_BEFORE.search(clause_before(simplified, start, 16)) is not None


def _after_rank_verb(simplified: str, start: int) -> bool:
    """位列全球第三, 排名第一: a verb of ranking earlier in the clause makes an ordinal a rank."""
    return _RANK_VERB.search(clause_before(simplified, start)) is not None


def _ordinal_kind(simplified: str, start: int, end: int) -> str:
    """第一名 and 排名第三 are ranks; 第二 and 第三点 number the article's own sections."""
    matched = simplified[start:end]
    if matched.endswith(W.QUARTER_WORD):
        return "date"
    if matched.endswith(W.ORDINAL_RANK_WORDS) or _after_rank_verb(simplified, start):
        return "statistic"
    return "list_marker"


# Matches whose words say all there is to say: a list number or a slogan's 三分 has no value to read.
_UNPARSED = ("parts", "list_marker")
_FIXED_KINDS = {"date": "date", "list_marker": "list_marker", "parts": "other"}


def _kind(pattern: str, quantity: Quantity | None, simplified: str, start: int, end: int) -> str:
    """The kind of a mention: fixed by its pattern (a date, a list number) or read from its context."""
    if pattern in _FIXED_KINDS:
        return _FIXED_KINDS[pattern]
    if pattern == "ordinal":
        return _ordinal_kind(simplified, start, end)
    return _quantity_kind(quantity, simplified, start, end)


@lru_cache(maxsize=1 << 16)
def _parse(simplified: str, original: str) -> Quantity | None:
    """The quantity a mention states, or None. Cached: articles repeat their numbers (2024年, 第一,
    10%) and a corpus repeats them more, and a Quantity is immutable.
    """
    try:
        return parse_simplified(simplified, original)
    except QuantityError:
        return None


def _read_quantity(simplified: str, text: str, start: int, end: int) -> tuple[int, Quantity | None]:
    """A quantity match, read: (its end, its quantity).

    从1.06万亿元到2.38万亿元 is a change between two figures and 1.06万亿元到2023年 no range at all:
    after 从/由 (unless 不等 or 之间 follows: 由12至25元不等 is a range), or when the two sides do
    not make a range, the first side stands alone and the scan resumes after it.
    """
    changes = simplified[max(0, start - 1):start] in W.CHANGE_FROM and \
        not simplified.startswith(W.RANGE_AFTER, end)
    quantity = None if changes else _parse(simplified[start:end], text[start:end])
    if quantity is None:
        alone = _NUMBER_ALONE.match(simplified, start)
        if alone and alone.end() < end:
            end = alone.end()
            quantity = _parse(simplified[start:end], text[start:end])
        elif changes:
            quantity = _parse(simplified[start:end], text[start:end])
    return end, quantity


_COMPARED_WITH = re.compile(W.alternation(W.COMPARED_WITH))
_LEVEL_AFTER = re.compile(rf"的?[^，。；\d]{{0,10}}?(?:{W.alternation(W.LEVELS)})")


def _past_a_comparison(simplified: str, start: int, end: int) -> int:
    """Where a quantity starts once a comparison before a level is left out: 远低于21.9%的全球平均水平
    compares with a level of 21.9%, not a figure under 21.9% (the start of 21.9%); else `start`."""
    compared = _COMPARED_WITH.match(simplified, start, end)
    if compared and _LEVEL_AFTER.match(simplified, end):
        return compared.end()
    return start


def _inside_name(simplified: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a URL, an e-mail address or a telephone number."""
    touches_before = start > 0 and "!" <= simplified[start - 1] <= "~"
    touches_after = end < len(simplified) and "!" <= simplified[end] <= "~"
    if not (touches_before or touches_after or end - start >= _MOBILE_LENGTH):
        return False  # the common case: a short number among Chinese characters
    before = _ASCII_RUN_BEFORE.search(simplified, max(0, start - 200), start) if touches_before else None
    token_start = before.start() if before else start
    token = simplified[token_start:_ASCII_RUN.match(simplified, start).end()]
    return _NAME_TOKEN.fullmatch(token) is not None


def _scan(simplified: str, text: str):
    """(pattern, start, end, quantity) for each mention, outside URLs and names, in order."""
    position = 0
    while (match := _MENTION.search(simplified, position)) is not None:
        start, end = match.span()
        position = end
        pattern = match.lastgroup
        if pattern == "event" or _inside_name(simplified, start, end):
            continue  # 双11, 618大促, a URL, a telephone number: names that hold no figure
        if pattern == "quantity":
            start = _past_a_comparison(simplified, start, end)
            end, quantity = _read_quantity(simplified, text, start, end)
            position = end
        elif pattern in _UNPARSED:
            quantity = None
        else:
            quantity = _parse(simplified[start:end], text[start:end])
        yield pattern, start, end, quantity


def extract_mentions(text: str) -> list[Mention]:
    """Every numeric mention in `text`, in order; offsets index `text` itself."""
    simplified = to_simplified(text)
    sentences = Sentences(text)
    mentions = []
    grew = None    # where the last 增长了N倍 ended: 增长了7.4倍和11.2倍 grew by both
    left = right = -1
    sentence = ""
    for pattern, start, end, quantity in _scan(simplified, text):
        unit = quantity.unit if quantity else None
        value, low, high = (quantity.value, quantity.low, quantity.high) if quantity else (None, None, None)
        if unit == "x" and grew is not None and _AND.fullmatch(simplified[grew:start]) and value is not None:
            value, low, high = value + 1, low + 1, high + 1
            grew = end
        else:
            grew = end if unit == "x" and simplified.startswith(W.GROWTH_VERBS, start) else None
        if unit is None and pattern == "quantity":
            unit = counted_unit(simplified[start:end], simplified[end:end + 16])
        if unit == "rank" and _STREAK_AFTER.match(simplified, end):
            unit = None     # 连续第27个季度: how many periods in a row, not a place in a ranking
        bounds = sentences.around(start, end)
        if bounds != (left, right):
            left, right = bounds
            sentence = text[left:right].strip()   # one string for all the mentions of a sentence
        qualifier = quantity.qualifier if quantity else None
        if qualifier == "=" and _approximate_across_verb(simplified, start):
            qualifier = "~"     # 约占总量的29%: 约 qualifies the figure across its verb
        mentions.append(frozen_instance(Mention, {
            "start": start, "end": end, "text": text[start:end], "value": value, "low": low, "high": high,
            "unit": unit, "qualifier": qualifier, "kind": _kind(pattern, quantity, simplified, start, end),
            "sentence": sentence, "sentence_start": left,
        }))
    return mentions
