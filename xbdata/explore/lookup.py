"""Finding statistics: by words in either script, with each one's sentence, paragraph and peers.

Everything the explorer widget shows comes from here, so it is all reachable from plain Python:
`xbdata.search("TikTok")`, `xbdata.context("tiktok_installs")`, `xbdata.related("tiktok_installs")`.
Text is matched in simplified characters, so 用戶 finds 用户 and 抖音 finds 抖音 in article 001.
A statistic's own words rank before its sentence's, and those before its article's title.
Articles added with `xbdata add` and their accepted statistics are found beside the seeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..curate.articles import all_articles, all_texts
from ..curate.catalogue import catalogue
from ..curate.tables import platform_of, statistics
from ..escape import html_text
from ..exceptions import UsageError
from ..text.extract import Sentences
from ..text.script import to_simplified

FILTERS = ("topic", "source", "geography", "kind")


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", to_simplified(str(text))).lower()


# What a row's words are matched in, best first: the statistic's own words (its quote, labels and
# fields), then its sentence in the article, then the article's title (the `match` column of `search`).
MATCHES = ("statistic", "sentence", "title")
_OWN = ["stat_id", "quote", "label_zh", "label_en", "subject", "measure", "breakdown", "geography", "period"]


def _haystack(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    return frame[columns].astype(str).agg(" ".join, axis=1).map(_normal)


@lru_cache(maxsize=4096)
def _sentence(source: str, start: int, end: int) -> str:
    """The sentence around a quote (an article id names its text's hash, so this never goes stale)."""
    text = all_texts()[source]
    left, right = Sentences(text).around(start, end)
    return _normal(text[left:right])


def _sentences(frame: pd.DataFrame) -> pd.Series:
    return pd.Series([_sentence(r["source"], int(r["start"]), int(r["end"])) if r["kind"] != "derived" else ""
                      for r in frame.to_dict("records")], index=frame.index, dtype=object)


def filter_values(key: str, frame: pd.DataFrame | None = None) -> list[str]:
    """Every value the filter `key` takes anywhere in the catalogue (seeds and added articles), sorted."""
    if key not in FILTERS:
        raise UsageError(f"unknown filter {key!r} (filters: {', '.join(FILTERS)})")
    return sorted(set((catalogue() if frame is None else frame)[key].str.split(";").explode()))


def _active(filters: dict) -> dict[str, str]:
    """The filters that narrow (not "" or "all"), each checked against the whole catalogue: a value
    that exists anywhere is valid beside any other; one that exists nowhere is a one-line UsageError."""
    active = {}
    whole = catalogue()
    for key, value in filters.items():
        allowed = filter_values(key, whole)
        if value and value != "all":
            if value not in allowed:
                raise UsageError(f"{key} must be one of all, {', '.join(allowed)} (got {str(value)[:40]!r})")
            active[key] = value
    return active


def _has(column: pd.Series, value: str) -> pd.Series:
    return column.str.split(";").map(lambda parts: value in parts)


def search(query: str = "", lang: str = "en", **filters: str) -> pd.DataFrame:
    """Statistics whose quote, labels, fields, sentence or article title hold every word of `query`,
    those whose own words hold them first, then those whose sentence does, then those whose article's
    title does; the `match` column says which ("statistic", "sentence" or "title"; "" with no words).

    Filters (`topic`, `source`, `geography`, `kind`) narrow the rows; "" or "all" means any. They
    are a query, not a validation: any value found anywhere in the catalogue may be combined with
    any other, and a combination that matches nothing is an empty frame.
    """
    active = _active(filters)
    frame = statistics(lang)
    for key, value in active.items():
        frame = frame[_has(frame[key], value)]
    terms = [_normal(t) for t in str(query).split() if t.strip()]
    if not terms or frame.empty:
        return frame.assign(match=pd.Series("", index=frame.index, dtype=object)).reset_index(drop=True)
    places = [_haystack(frame, _OWN), _sentences(frame), frame["source_title"].map(_normal)]
    found = [pd.Series(False, index=frame.index) for _ in terms]
    match = pd.Series("", index=frame.index, dtype=object)
    for name, hay in zip(MATCHES, places):
        found = [f | pd.Series([t in h for h in hay], index=frame.index, dtype=bool) for f, t in zip(found, terms)]
        every = pd.concat(found, axis=1).all(axis=1)
        match[every & (match == "")] = name
    frame = frame.assign(match=match)[match != ""]
    rank = frame["match"].map(MATCHES.index)
    return frame.iloc[rank.argsort(kind="stable")].reset_index(drop=True)


def facets(query: str = "", lang: str = "en", **filters: str) -> dict[str, dict[str, int]]:
    """For each filter, how many statistics each of its values would leave, given `query` and the
    *other* filters, and under "all" how many they leave with that filter set to all: what the
    explorer's dropdowns show. A value no row would leave is not listed."""
    active = _active(filters)
    frame = search(query, lang)
    masks = {key: _has(frame[key], value) for key, value in active.items()}
    counts = {}
    for key in FILTERS:
        keep = pd.Series(True, index=frame.index)
        for other, mask in masks.items():
            if other != key:
                keep &= mask
        left = frame[keep][key]
        counts[key] = {"all": len(left), **(left.str.split(";").explode().value_counts().to_dict() if len(left) else {})}
    return counts


@dataclass(frozen=True)
class Context:
    """Where a statistic sits in its article."""

    stat_id: str
    sentence: str
    paragraph: str
    paragraph_html: str  # the paragraph with the quote marked and the number in bold
    title: str
    url: str


def _row(stat_id: str) -> pd.Series:
    frame = catalogue().set_index("stat_id")
    if stat_id not in frame.index:
        raise UsageError(f"unknown stat_id {stat_id!r}")
    return frame.loc[stat_id]


def context(stat_id: str) -> Context:
    """The sentence and paragraph around a statistic's quote, the number highlighted."""
    row = _row(stat_id)
    if row["kind"] == "derived":
        raise UsageError(f"{stat_id} is derived ({row['formula']}); see the contexts of its inputs: {row['inputs']}")
    text = all_texts()[row["source"]]
    start, end = int(row["start"]), int(row["end"])
    n_start, n_end = int(row["number_start"]), int(row["number_end"])
    left, right = Sentences(text).around(start, end)
    p_left = text.rfind("\n", 0, start) + 1
    p_right = text.find("\n", end)
    p_right = len(text) if p_right < 0 else p_right
    marked = (html_text(text[p_left:start]) + "<mark>" + html_text(text[start:n_start]) + "<b>"
              + html_text(text[n_start:n_end]) + "</b>" + html_text(text[n_end:end]) + "</mark>"
              + html_text(text[end:p_right]))
    article = all_articles()[row["source"]]
    return Context(stat_id, text[left:right].strip(), text[p_left:p_right], marked, article.title, article.url)


def same_sentence(stat_id: str) -> pd.DataFrame:
    """The other statistics whose quote lies in the same sentence."""
    row = _row(stat_id)
    if row["kind"] == "derived":
        return catalogue().iloc[0:0]
    text = all_texts()[row["source"]]
    bounds = Sentences(text).around(int(row["start"]), int(row["end"]))
    frame = catalogue()
    frame = frame[(frame["source"] == row["source"]) & (frame["stat_id"] != stat_id) & (frame["kind"] != "derived")]
    inside = frame.apply(lambda r: Sentences(text).around(int(r["start"]), int(r["end"])) == bounds, axis=1)
    return frame[inside].reset_index(drop=True) if len(frame) else frame


def related(stat_id: str, lang: str = "en") -> pd.DataFrame:
    """Statistics on the same platform or subject from every article, side by side with their periods.

    TikTok's users in 001 (2019) and its installs in 004 (2022) come out together, so a reader sees
    they measure different things at different times.
    """
    row = _row(stat_id)
    frame = statistics(lang)
    platform = platform_of(row["subject"])
    if platform:
        same = frame["subject"].map(platform_of) == platform
    else:
        same = frame["subject"] == row["subject"]
    columns = ["stat_id", "source", "period", "measure", "breakdown", "value", "low", "high", "unit", "qualifier",
               "approx", "number", "shown", "kind", "label"]
    return frame[same][columns].sort_values(["source", "period"]).reset_index(drop=True)
