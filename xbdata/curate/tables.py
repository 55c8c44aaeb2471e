"""Tidy tables for the reports: one row per fact, each keeping its `stat_id`, `source` and every mention.

Every view is validated by a pandera schema before it is returned, so a report never draws from
a table with a percentage over 100, an unknown unit or a row that lost its provenance.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from ..ids import ARTICLE_ID, STAT_ID
from ..text.formatting import format_row
from ..text.labels import check_lang
from ..text.numbers import QUALIFIERS
from ..text.units import UNITS
from .catalogue import catalogue, catalogue_token
from .facts import facts
from .rules import GENERIC_SUBJECTS, PLATFORM_WORDS
from .vocabulary import KINDS, MEASURE_KINDS

# The seeds' platforms first (platform_of takes the first that a subject names, so TikTok Shop's
# figures are TikTok's, as its users and installs are), then every platform the drafting rules
# propose as a subject.
PLATFORMS = tuple(dict.fromkeys(("Twitter", "Xiaohongshu", "TikTok", "Tmall Global", "Joom", "AliExpress", "Facebook",
                                 "Instagram", "Alibaba", *PLATFORM_WORDS)))

_PROVENANCE = ["stat_id", "source", "kind", "period", "value", "low", "high", "unit", "qualifier", "approx",
               "measure_kind", "label", "shown", "number", "quote", "source_title", "source_url",
               "mentions", "mention_ids", "sources"]


def platform_of(subject: str) -> str:
    """The platform a subject belongs to (\"Twitter users\" -> Twitter), or \"\" if none: a platform's
    name as whole words of the subject (so Sea is not in "China overseas warehouses")."""
    return next((p for p in PLATFORMS if re.search(rf"(?<![a-z]){re.escape(p.lower())}(?![a-z])", subject.lower())), "")


def company_of(subject: str) -> str:
    """The platform a subject names, else the subject itself when it names a company rather than a
    kind of thing (拓海科技; not "China sellers" or "survey respondents"); "" otherwise."""
    if platform_of(subject):
        return platform_of(subject)
    return "" if re.search(GENERIC_SUBJECTS, subject) or subject in ("survey respondents",) \
        or re.search(r"[a-z]", subject) else subject


def _base_schema(**columns: pa.Column) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "stat_id": pa.Column(str, unique=True, checks=pa.Check.str_matches(f"^{STAT_ID.pattern}$")),
            "source": pa.Column(str, checks=pa.Check.str_matches(f"^{ARTICLE_ID.pattern}(;{ARTICLE_ID.pattern})*$")),
            "kind": pa.Column(str, checks=pa.Check.isin(KINDS)),
            "period": pa.Column(str, checks=pa.Check.str_length(min_value=1)),
            "value": pa.Column(float, nullable=True),
            "low": pa.Column(float, nullable=True),
            "high": pa.Column(float, nullable=True),
            "unit": pa.Column(str, checks=pa.Check.isin(UNITS)),
            "measure_kind": pa.Column(str, checks=pa.Check.isin(MEASURE_KINDS)),
            "qualifier": pa.Column(str, checks=pa.Check.isin(QUALIFIERS)),
            "label": pa.Column(str, checks=pa.Check.str_length(min_value=1)),
            "quote": pa.Column(str),
            **columns,
        },
        checks=[
            pa.Check(lambda df: ~((df["measure_kind"] == "share")
                                  & ((df[["value", "low", "high"]] < 0) | (df[["value", "low", "high"]] > 100)).any(axis=1)),
                     error="shares lie between 0 and 100"),
            pa.Check(lambda df: df["value"].notna() | (df["low"].notna() & df["high"].notna()),
                     error="a figure has a value, or both bounds of its range"),
            pa.Check(lambda df: df["value"].notna() | (df["low"] < df["high"]),
                     error="a figure without a value is a range: low < high"),
            pa.Check(lambda df: (df["kind"] == "derived") | (df["quote"].str.len() > 0),
                     error="every reported statistic carries its quote"),
            pa.Check(lambda df: df["low"].isna() | df["value"].isna() | (df["low"] <= df["value"] + 1e-9), error="low <= value"),
            pa.Check(lambda df: df["high"].isna() | df["value"].isna() | (df["high"] >= df["value"] - 1e-9), error="value <= high"),
        ],
        strict=False,
    )


SCHEMAS = {
    "market_size": _base_schema(subject=pa.Column(str), measure=pa.Column(str), geography=pa.Column(str),
                               breakdown=pa.Column(str)),
    "demographics": _base_schema(
        platform=pa.Column(str), subject=pa.Column(str), measure=pa.Column(str), breakdown=pa.Column(str),
        geography=pa.Column(str),
        age_low=pa.Column(float, nullable=True), age_high=pa.Column(float, nullable=True),
    ),
    "categories": _base_schema(
        category=pa.Column(str, checks=pa.Check.str_length(min_value=1)), market=pa.Column(str),
        subject=pa.Column(str), measure=pa.Column(str), geography=pa.Column(str), rank=pa.Column("Int64", nullable=True, checks=pa.Check.ge(1)),
    ),
    "platforms": _base_schema(platform=pa.Column(str, checks=pa.Check.str_length(min_value=1)),
                              subject=pa.Column(str), measure=pa.Column(str), geography=pa.Column(str)),
}


def statistics(lang: str = "en") -> pd.DataFrame:
    """The whole catalogue, derived rows included, with `label` and `shown` (the figure in words) in `lang`."""
    frame = catalogue()
    frame["label"] = frame[f"label_{check_lang(lang)}"]
    frame["shown"] = [format_row(row, lang) for row in frame.to_dict("records")]
    return frame


def statistic_facts(lang: str = "en") -> pd.DataFrame:
    """The catalogue one row per fact (`facts.facts`): a figure stated by several articles, or twice
    in one, is one row, with how many `mentions`, their `mention_ids` and all their `sources`."""
    return facts(statistics(lang))


_VIEWS: dict[tuple, pd.DataFrame] = {}


def _view(name: str, topic: str, lang: str, extra: dict) -> pd.DataFrame:
    """The view `name`, made and validated once per state of the catalogue's files (the key its own
    cache uses), language and the functions it is made from (a test may replace them); a copy, so
    callers may change it. A report asks for one view a dozen times, each a pandera validation."""
    key = (name, lang, catalogue, statistics, catalogue_token())
    if key not in _VIEWS:
        if len(_VIEWS) > 32:
            _VIEWS.clear()
        _VIEWS[key] = _made_view(name, topic, lang, extra)
    return _VIEWS[key].copy()


def _made_view(name: str, topic: str, lang: str, extra: dict) -> pd.DataFrame:
    frame = statistic_facts(lang)
    frame = frame[frame["topic"] == topic].reset_index(drop=True)
    for column, make in extra.items():
        frame[column] = make(frame)
    columns = ["stat_id", "source", *extra, *[c for c in _PROVENANCE if c not in ("stat_id", "source")]]
    for column in ("measure", "geography", "subject", "breakdown"):
        if column in SCHEMAS[name].columns and column not in columns:
            columns.insert(2, column)
    return SCHEMAS[name].validate(frame[columns])


def market_size(lang: str = "en") -> pd.DataFrame:
    """Market size and growth figures (money in base units, growth in %)."""
    return _view("market_size", "market_size", lang, {})


def demographics(lang: str = "en") -> pd.DataFrame:
    """Who the users are: age bands, generational shares, affluence; `age_low`/`age_high` from each band."""
    return _view("demographics", "demographics", lang, {
        "platform": lambda f: f["subject"].map(platform_of),
        "age_low": lambda f: f["band_low"],
        "age_high": lambda f: f["band_high"],
    })


def categories(lang: str = "en") -> pd.DataFrame:
    """Product categories by market: rankings (`rank`) and shares."""
    return _view("categories", "category", lang, {
        "category": lambda f: f["breakdown"],
        "market": lambda f: f["geography"],
        "rank": lambda f: f["value"].where(f["unit"] == "rank").astype("Int64"),
    })


def platforms(lang: str = "en") -> pd.DataFrame:
    """Platform scale: users, orders, brands, countries, categories, installs."""
    return _view("platforms", "platform", lang, {"platform": lambda f: f["subject"].map(company_of)})


TABLES = {"statistics": statistics, "market_size": market_size, "demographics": demographics,
          "categories": categories, "platforms": platforms}
