"""Figures as a reader should see them: what the article says, no more precise than its words.

One formatter serves every surface (headline lines, sources tables, tooltips, the explorer, the
command line). It works from the interval, never from a midpoint: a range stays a range
("6–25%"), an open bound keeps its direction ("over CNY 7 trillion" / "超过7万亿元"), and a
figure given in words keeps them ("nearly two thirds (≈67%)" / "近三分之二"). Where the catalogue
row still has the article's number words (`number`), they decide the form: fraction, "two in
every three", or a vague amount such as 几千.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .labels import (CURRENCY_WORDS, DECLINE_WORDS, EN_FRACTIONS, EN_NUMBERS, GROUPED_THOUSANDS, MAGNITUDE_WORDS,
                     QUALIFIER_WORDS, UNIT_WORDS)
from .numbers import share_form
from .script import to_simplified

LANG_INDEX = {"zh": 0, "en": 1}

# Words before a number that make `~` mean "nearly" or "almost" rather than "about".
_NEARLY = re.compile(r"^(?:将近|接近|近)")
_ALMOST = re.compile(r"^几乎")

_VAGUE = re.compile(r"几|数[十百千万亿]|数以")


def _blank(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


@dataclass(frozen=True)
class Form:
    """How the article's words give a figure: plainly, as a fraction, as "two in every three", or vaguely."""

    name: str = "plain"  # plain | fraction | every | vague
    numerator: int = 0
    denominator: int = 0
    flavour: str = ""  # "", "nearly" or "almost": the article's own word for an approximate figure

    @classmethod
    def of(cls, words: str) -> Form:
        s = to_simplified(words or "")
        flavour = "almost" if _ALMOST.search(s) else ("nearly" if _NEARLY.search(s) else "")
        share = share_form(s)
        if share:
            return cls(share[0], share[1], share[2], flavour)
        if _VAGUE.search(s):
            return cls("vague", flavour=flavour)
        return cls(flavour=flavour)


def exact(x: float, grouped: bool = False) -> str:
    """`x` with every digit it has and no more: 12345 stays 12345 (never 1.234e+04), 15.7 stays 15.7.

    Twelve significant digits drop only float noise (0.30000000000000004); the figure is never
    rounded to fewer digits than the article gave. `grouped` adds thousands separators.
    """
    text = f"{x:.12g}"
    if "e" in text:
        text = f"{x:.12f}".rstrip("0").rstrip(".")
    if grouped:
        whole, _, fraction = text.partition(".")
        text = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    return text


def _magnitude_number(value: float, lang: str) -> str:
    """1.5万亿, "450 million"; below the smallest magnitude word the plain number (grouped in English)."""
    for scale, word in MAGNITUDE_WORDS[lang]:
        if abs(value) >= scale:
            return f"{exact(value / scale)}{word}"
    return exact(value, grouped=GROUPED_THOUSANDS[lang])


def _affixes(unit: str, lang: str) -> tuple[str, str, str]:
    """(prefix, suffix, number style) that frame a number in `unit`: ("CNY ", "", "magnitude"), ("", "%", "plain")."""
    zh = lang == "zh"
    if unit in CURRENCY_WORDS:
        return (*CURRENCY_WORDS[unit], "magnitude") if zh else (f"{unit} ", "", "magnitude")
    if unit == "%":
        return "", "%", "plain"
    if unit == "x":
        return "", "倍" if zh else "×", "plain"
    if unit == "rank":
        return ("第", "名", "whole") if zh else ("#", "", "whole")
    word = UNIT_WORDS.get(unit, (unit, unit))[LANG_INDEX[lang]]
    return "", (word if zh else f" {word}".rstrip()), "magnitude"


def _number(x: float, style: str, lang: str) -> str:
    if style == "plain":
        return exact(x)
    if style == "whole":
        return f"{x:.0f}"
    return _magnitude_number(x, lang)


def _amount(x: float, unit: str, lang: str) -> str:
    """One figure with its unit, no qualifier: 7万亿元, CNY 7 trillion, 56%, 2.7×, 80万订单."""
    prefix, suffix, style = _affixes(unit, lang)
    return f"{prefix}{_number(x, style, lang)}{suffix}"


def _span(low: float, high: float, unit: str, lang: str) -> str:
    """Both bounds of a range with the unit once: 6–25%, 3万–5万元, CNY 30,000–50,000, 18–40岁."""
    prefix, suffix, style = _affixes(unit, lang)
    return f"{prefix}{_number(low, style, lang)}–{_number(high, style, lang)}{suffix}"


def _fraction_words(form: Form, lang: str) -> str:
    if lang == "zh":
        if form.name == "every":
            numerator = "两" if form.numerator == 2 else _cn_small(form.numerator)
            return f"每{_cn_small(form.denominator)}个就有{numerator}个"
        return f"{_cn_small(form.denominator)}分之{_cn_small(form.numerator)}"
    num = EN_NUMBERS[form.numerator] if form.numerator <= 10 else str(form.numerator)
    if form.name == "every":
        den = EN_NUMBERS[form.denominator] if form.denominator <= 10 else str(form.denominator)
        return f"{num} in every {den}"
    singular, plural = EN_FRACTIONS.get(form.denominator, (f"{form.denominator}th", f"{form.denominator}ths"))
    if form.denominator == 2 and form.numerator == 1:
        return "half"
    return f"{num} {singular if form.numerator == 1 else plural}"


def _cn_small(n: int) -> str:
    return "零一二三四五六七八九十"[n] if 0 <= n <= 10 else str(n)


def format_figure(value, low, high, unit: str, qualifier: str = "=", lang: str = "en", words: str = "",
                  approx: bool = False) -> str:
    """A figure in `lang` (zh or en), as precise as its words and no more.

    `value`, `low`, `high` and `qualifier` are the catalogue's; `words` is the article's own
    number text, if any (it chooses fraction, "every", vague or "nearly" wording); `approx`
    marks a figure with an open bound that is also approximate (a derivation from 约40%).
    """
    i = LANG_INDEX[lang]
    form = Form.of(words)
    has_value, has_low, has_high = not _blank(value), not _blank(low), not _blank(high)
    if has_low and has_high and low != high and not has_value:
        span = _span(low, high, unit, lang)
        if form.name == "vague" and lang == "zh" and words:
            return _zh_words(words, unit)
        if qualifier == "~":
            return ("约" if lang == "zh" else "roughly ") + span
        return span
    if not has_value:
        if has_low and qualifier in (">", ">="):
            value = low
        elif has_high and qualifier == "<":
            value = high
        else:
            return ""
    flavour = form.flavour if qualifier == "~" and form.flavour else qualifier
    if qualifier in (">", ">=", "<") and approx:
        return _approximate_bound(value, unit, qualifier, lang)
    q = QUALIFIER_WORDS[flavour][i]
    if form.name in ("fraction", "every") and unit == "%" and form.denominator:
        rounded = abs(value - round(value)) > 1e-9
        sign = {"=": "≈" if rounded else "", "~": "≈", ">": ">", ">=": "≥", "<": "<"}[qualifier]
        words_shown = _fraction_words(form, lang)
        if lang == "zh":
            return f"{q}{words_shown}"
        return f"{q}{words_shown} ({sign}{value:.0f}%)"
    return f"{q}{_amount(value, unit, lang)}"


def _approximate_bound(value: float, unit: str, qualifier: str, lang: str) -> str:
    """An open bound that is itself approximate: 约2亿以上用户, about 200 million users or more."""
    if lang == "en":
        return f"about {_amount(value, unit, lang)} or {'less' if qualifier == '<' else 'more'}"
    prefix, suffix, style = _affixes(unit, lang)
    word = "以下" if qualifier == "<" else "以上"
    number = _number(value, style, lang)
    # 以上 follows a unit of measure (约40%以上, 约2亿元以上) but comes before what is counted (约2亿以上用户).
    counted = unit not in CURRENCY_WORDS and unit not in ("%", "pp", "x", "rank", "age")
    return f"约{prefix}{number}{word}{suffix}" if counted else f"约{prefix}{number}{suffix}{word}"


def _zh_words(words: str, unit: str) -> str:
    """The article's own words in simplified script, with the unit word added if they lack it."""
    s = to_simplified(words)
    word = CURRENCY_WORDS[unit][1] if unit in CURRENCY_WORDS else UNIT_WORDS.get(unit, ("", ""))[0]
    if unit in CURRENCY_WORDS and not s.endswith(word):
        return s + word
    return s if not word or word.lstrip("个次条位") in s else s + word


def format_row(row: Mapping, lang: str = "en") -> str:
    """`format_figure` for a catalogue row (or any mapping with value, low, high, unit, qualifier).

    A decline (measure_kind `decline`: 同比下降5%) keeps its direction: "down 5%" / "下降5%".
    """
    shown = format_figure(row.get("value"), row.get("low"), row.get("high"), row.get("unit") or "",
                          row.get("qualifier") or "=", lang, row.get("number") or "", bool(row.get("approx")))
    if row.get("measure_kind") == "decline" and shown:
        return DECLINE_WORDS[LANG_INDEX[lang]] + shown
    return shown


def format_value(value: float, unit: str, qualifier: str = "=", lang: str = "en") -> str:
    """A single figure with its qualifier and unit (scenario points, axis-free lines)."""
    if _blank(value):
        return ""
    return format_figure(value, value, value, unit, qualifier, lang)


def to_currency(value: float, unit: str, currency: str, usd_cny_rate: float | None) -> tuple[float, str]:
    """Money in the currency asked for, at the rate the caller gave; other units unchanged."""
    if unit == "CNY" and currency == "USD" and not _blank(value):
        return value / usd_cny_rate, "USD"
    return value, unit
