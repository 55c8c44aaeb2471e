"""Find every numeric mention in an article, with its offsets, sentence and a guess of its kind.

The extractor aims at recall: a statistic it misses is a statistic missing from the reports.
The catalogue test holds it to that: every mention it finds in the seeds is either a catalogued
statistic or an exclusion with a reason. Numbers inside URLs and e-mail addresses, and digits
inside Latin words (B2B, 5G), are not mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass

from .numbers import CN_NUMERAL, MAGNITUDE, Quantity, QuantityError, counted_unit, parse_quantity
from .script import to_simplified

KINDS = ("statistic", "date", "list_marker", "other")

_PREFIX = r"(?:超过|超出|多于|高于|逾|超|至少|不少于|不低于|将近|接近|大约有|约有|大约|大概|几乎|约|近|不到|不足|少于|低于|高达|多达|达到了|达到|达)?"
_SUFFIX = r"(?:以上|以下|左右|上下|以内|有余)?"
_UNIT = r"(?:%|成|个百分点|倍|万元|亿元|元|美元|周岁|岁|个小时|小时|个工作日|工作日|天|个月|年)?"
_ARABIC = r"(?<![A-Za-z0-9.])\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z\d])"
_CN_DIGIT = "二两三四五六七八九"
_CN_LONG = rf"(?:[{_CN_DIGIT}一十几]|数(?=[十百千万]))[{CN_NUMERAL}几]*[十百千万亿几][{CN_NUMERAL}几]*|数以[亿万千百]计|(?<![{CN_NUMERAL}])百万"
_CN_SHORT = rf"[{_CN_DIGIT}十](?=个|名|位|家|款|种|类|大|天|年|倍|岁|小时|次|项|条|期|步|件|周|成)"
_CLASSIFIER = r"(?:个|多个|家|款|位|名|次|人)?"

_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DATE = (
    r"(?:19|20)\d\d/\d{1,2}~(?:19|20)\d\d/\d{1,2}"
    r"|(?<!\d)(?:19|20)\d\d(?:年|/)(?:\d{1,2}(?:月|/(?!\d{3}))?(?:\d{1,2}日)?)?(?:上半年|下半年|年底|年初)?"
    r"|(?<!\d)(?:19|20)\d\d(?:上半年|下半年)"
    rf"|(?:今年|去年|明年)?(?<!\d){_MONTH}月(?:\d{{1,2}}日|[底初中末]|份)?"
    r"|(?<!\d)\d\d后(?=[的已\s，,。])"
    r"|[一二三四五六七八九十]{1,2}(?=、[一二三四五六七八九十]{1,2}月)"
)

_PATTERNS = [
    ("date", _DATE),
    ("list_marker", rf"^[(（]?(?:\d{{1,2}}|[一二三四五六七八九十])[)）.、](?!\d)|^\d{{1,2}}\.?$|^[(（][一二三四五六七八九十\d][)）]|(?<=[\s。])\d\.(?!\d)"),
    ("ordinal", rf"第(?!三方)(?:[{CN_NUMERAL}]+|\d+)(?:名|位|个|大|种|类|点|季度|期)?"),
    ("fraction", rf"{_PREFIX}[{CN_NUMERAL}\d]+分之[{CN_NUMERAL}\d]+{_SUFFIX}"),
    ("every", rf"{_PREFIX}每[{CN_NUMERAL}]+个\w{{0,4}}?就有[{CN_NUMERAL}]+个"),
    ("percent", rf"{_PREFIX}百分之[{CN_NUMERAL}\d.]+{_SUFFIX}"),
    ("doubling", rf"(?:增加|增长|提高|提升|扩大)了?[一二两三四五六七八九十\d.]+倍|翻了?[一两二三四]?[番倍]"),
    ("range", rf"{_PREFIX}(?:{_ARABIC}|{_CN_LONG})(?:{MAGNITUDE})?(?:-|~|至|到|—|–)(?:{_ARABIC}|{_CN_LONG})(?:{MAGNITUDE})?{_UNIT}{_SUFFIX}"),
    ("parts", rf"[{_CN_DIGIT}]分(?!之|钟)"),
    ("amount", rf"{_PREFIX}(?:{_ARABIC}(?:{MAGNITUDE})?|{_CN_LONG}|{_CN_SHORT})(?:多|余)?{_UNIT}{_SUFFIX}"),
]
# Every alternative starts with one of these characters; checking it first lets the scan skip
# the rest of the text cheaply.
_FIRST = rf"[\d{CN_NUMERAL}几数第每百增提扩翻超逾多高至不将接大约近少低达今去明(（]"
_MENTION = re.compile(rf"(?={_FIRST})(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS) + ")",
                      re.MULTILINE)
_URL = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|www\.\S+")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")

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
        return asdict(self)


class Sentences:
    """Sentence boundaries of one text, found once, so each look-up is a binary search."""

    def __init__(self, text: str):
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.length = len(text)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the sentence around text[start:end], its closing punctuation included."""
        i = bisect_right(self.ends, start)
        left = self.ends[i - 1] if i else 0
        j = bisect_left(self.ends, end + 1)
        return left, self.ends[j] if j < len(self.ends) else self.length


def _guess_kind(pattern: str, quantity: Quantity | None, simplified: str, start: int, end: int) -> str:
    after = simplified[end:end + 2]
    if pattern == "date" or (quantity and quantity.unit == "date"):
        return "date"
    if pattern == "list_marker":
        return "list_marker"
    if pattern == "ordinal":
        if simplified[start:end].endswith("季度"):
            return "date"
        if simplified[start:end][-1] in "名个位":
            return "statistic"
        return "list_marker"
    if quantity is None:
        return "other"
    if re.fullmatch(r"(?:19|20)\d\d", simplified[start:end]):
        return "date"
    small_count = quantity.unit is None and quantity.qualifier == "=" and (quantity.value or 0) <= 10
    if small_count and after[:1] in ("大", "种", "类", "点", "步", "期", "件", "条"):
        return "other"
    return "statistic"


def extract_mentions(text: str) -> list[Mention]:
    """Every numeric mention in `text`, in order; offsets index `text` itself."""
    simplified = to_simplified(text)
    hidden = [m.span() for m in _URL.finditer(simplified)]
    hidden_starts = [a for a, _ in hidden]
    sentences = Sentences(text)
    mentions = []
    for match in _MENTION.finditer(simplified):
        start, end = match.span()
        i = bisect_right(hidden_starts, start) - 1
        if i >= 0 and start < hidden[i][1]:
            continue
        pattern = match.lastgroup
        try:
            quantity = parse_quantity(text[start:end])
        except QuantityError:
            quantity = None
        left, right = sentences.around(start, end)
        unit = quantity.unit if quantity else None
        if unit is None and pattern == "amount":
            unit = counted_unit(simplified[end:end + 8])
        mentions.append(Mention(
            start=start, end=end, text=text[start:end],
            value=quantity.value if quantity else None,
            low=quantity.low if quantity else None,
            high=quantity.high if quantity else None,
            unit=unit,
            qualifier=quantity.qualifier if quantity else None,
            kind=_guess_kind(pattern, quantity, simplified, start, end),
            sentence=text[left:right].strip(), sentence_start=left,
        ))
    return mentions
