"""What the catalogue holds, read as series: periods in time, headline figures by rule, lines over time.

A **series** is every fact of one statistic over time: one subject, measure, geography, breakdown
and unit (`SERIES`). A report reads its headlines and lines from series, never from typed stat ids, so an
added article's later figure becomes the headline and a customs series of four articles becomes
a line:
- the headline of a series is its latest period; within a year the full year comes before a part
  of it; for the same period an observed figure comes before a forecast (`headline_order`);
- a series with figures for three or more periods is drawn as a line over time; a line joins only
  full years, and part-year figures (a half, quarters, a month) are marks of their own.
Rows that name no statistic precisely ("share" of "survey respondents") make no series.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pandas as pd

from ..curate.facts import precise

SERIES = ["subject", "measure", "geography", "breakdown", "unit"]
# Kinds in the order a headline prefers them for one period.
KIND_ORDER = {"observed": 0, "survey": 1, "derived": 2, "plan": 3, "forecast": 4, "hypothetical": 5}

_PERIOD = re.compile(r"(?P<y>\d{4})(?:-(?:(?P<h>H[12])|Q(?P<q>[1-4])|(?P<q13>Q1-Q3)|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?")


@dataclass(frozen=True)
class When:
    """A period as a stretch of time: first and last day, and whether it is a whole calendar year."""

    start: datetime.date
    end: datetime.date
    whole_year: bool

    @property
    def middle(self) -> datetime.date:
        return self.start + (self.end - self.start) / 2


def when(period: str) -> When | None:
    """The stretch of time a catalogue period names, or None for one that is no point in time
    (a span of years such as 2018-2023, 'before 2019', an event's words, unspecified)."""
    m = _PERIOD.fullmatch(str(period))
    if not m:
        return None
    year = int(m["y"])
    if m["h"]:
        first = 1 if m["h"] == "H1" else 7
        return When(datetime.date(year, first, 1), _month_end(year, first + 5), False)
    if m["q"]:
        first = 3 * int(m["q"]) - 2
        return When(datetime.date(year, first, 1), _month_end(year, first + 2), False)
    if m["q13"]:
        return When(datetime.date(year, 1, 1), datetime.date(year, 9, 30), False)
    if m["m"]:
        month = int(m["m"])
        if m["d"]:
            day = datetime.date(year, month, int(m["d"]))
            return When(day, day, False)
        return When(datetime.date(year, month, 1), _month_end(year, month), False)
    return When(datetime.date(year, 1, 1), datetime.date(year, 12, 31), True)


def whole_year(period: str) -> bool:
    """Whether a catalogue period is one whole calendar year (2024, not 2024-H1 nor 2018-2023)."""
    w = when(period)
    return w is not None and w.whole_year


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)


def chronological(periods) -> list[str]:
    """Distinct periods, earliest first (those that are no point in time last, as written)."""
    def start(period):
        w = when(period)
        return (w is None, w.start if w else None, w.end if w else None, str(period))
    return sorted(dict.fromkeys(map(str, periods)), key=start)


def headline_order(row) -> tuple:
    """A sort key, smallest first, for which figure of a series is its headline: the latest year;
    in it the full year before its parts, then the later part; observed before a forecast."""
    w = when(row["period"])
    if w is None:
        return (1, 0, 0, 0, KIND_ORDER.get(row["kind"], 9))
    return (0, -w.end.year, not w.whole_year, -w.end.toordinal(), KIND_ORDER.get(row["kind"], 9))


def in_headline_order(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame`'s facts sorted by `headline_order`, its headline first."""
    if frame.empty:
        return frame
    return frame.assign(_order=frame.apply(headline_order, axis=1)).sort_values("_order", kind="stable").drop(columns="_order")


def series_of(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """Each series in `frame` (precise rows only), its facts in headline order; the series with the
    most facts first, then the one whose headline is latest."""
    rows = frame[frame.apply(precise, axis=1)] if len(frame) else frame
    found = []
    for _, group in rows.groupby(SERIES, sort=False):
        found.append(in_headline_order(group))
    return sorted(found, key=lambda g: (-len(g), headline_order(g.iloc[0]), str(g["measure"].iloc[0])))


def headlines(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The headline fact of each of the first `limit` series of `frame`; where that is a forecast or
    a plan, the series' latest observed figure follows it, so an outlook never hides what was measured."""
    chosen = []
    for group in series_of(frame)[:limit]:
        chosen.append(group.iloc[0])
        if group.iloc[0]["kind"] in ("forecast", "plan", "hypothetical"):
            observed = group[group["kind"] == "observed"]
            chosen += [observed.iloc[0]] if not observed.empty else []
    return pd.DataFrame(chosen) if chosen else frame.iloc[0:0]


def over_time(frame: pd.DataFrame, min_periods: int = 3) -> pd.DataFrame:
    """The facts of every series with figures for `min_periods` or more points in time, with their
    `date` (the middle of the period), `whole_year`, `joined` (a full year with one figure: the
    line goes through it) and `series` (one line each)."""
    out = []
    for group in series_of(frame):
        dated = group.assign(_when=group["period"].map(when))
        dated = dated[dated["_when"].notna() & dated["kind"].ne("derived")]
        if dated["period"].nunique() < min_periods:
            continue
        whole_year = dated["_when"].map(lambda w: w.whole_year)
        alone = dated["period"].map(dated["period"].value_counts()) == 1
        out.append(dated.assign(date=dated["_when"].map(lambda w: w.middle.isoformat()), whole_year=whole_year,
                                joined=whole_year & alone,
                                series=" · ".join(str(group[c].iloc[0]) for c in ("subject", "measure", "breakdown", "geography")
                                                  if str(group[c].iloc[0])))
                   .drop(columns="_when"))
    return pd.concat(out, ignore_index=True) if out else frame.iloc[0:0].assign(date=[], whole_year=[], joined=[], series=[])
