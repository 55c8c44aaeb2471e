"""Facts: one statistic however many times it is stated, and conflicts between facts.

An article may give the same figure in its headline and its body, and several articles may report
the same customs figure. Each statement is a catalogue row (its own quote, its own place in its
article); together they are one **fact**, which reports show once, with all its quotes.

Two rows are mentions of one fact when they say the same thing about the same statistic:
- the same statistic: subject, measure, geography, period, breakdown and band agree (`KEY`), and
  both name it precisely. A measure that is only a measure kind's word ("share", "growth") or a
  subject that names nobody in particular ("survey respondents", "unspecified") does not say which
  statistic it is, so such a row is a fact of its own, never merged and never in a conflict
  (five unrelated shares of 2025 are not one statistic);
- the same figure: the same unit, value, low and high, and qualifiers of the same class (an exact
  figure and an "about" figure of the same value agree; 超7万亿 is not 7万亿).

A **conflict** is one statistic with facts from at least two articles whose figures disagree: no
number lies within both (7万亿 and 超7万亿 disagree; 39% and 超过30% do not). Conflicts are
information, never an error and never averaged: `xbdata check` lists them side by side.
Derived rows are computed, never merged or compared.
"""

from __future__ import annotations

import math

import pandas as pd

KEY = ["subject", "measure", "geography", "period", "breakdown", "band"]
# A measure that says only what kind of number it is, not what is measured.
VAGUE_MEASURES = frozenset({"share", "growth", "decline", "uplift", "points", "multiple", "amount", "count",
                            "duration", "age", "rank", "value", "number", "change in share",
                            "change in percentage points", "percentage points", "unspecified"})
# A subject that names nobody in particular: each survey's respondents are its own.
VAGUE_SUBJECTS = frozenset({"unspecified", "survey respondents", "respondents", "consumers", "users", "sellers",
                            "cross-border e-commerce", "e-commerce", ""})
# How far an "about" figure reaches either side of its value when two figures are compared.
ABOUT = 0.10
_CLASS = {"=": "exact", "~": "exact"}


def precise(row) -> bool:
    """Whether a row names its statistic precisely enough to be merged with or compared to another."""
    return (row["kind"] != "derived" and str(row["measure"]).strip().lower() not in VAGUE_MEASURES
            and str(row["subject"]).strip().lower() not in VAGUE_SUBJECTS)


def _number(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) or pd.isna(x) else round(float(x), 6)


def figure(row) -> tuple:
    """What a row's figure says, for telling whether two rows say the same: unit, value, low, high, qualifier's class."""
    return (row["unit"], _number(row["value"]), _number(row["low"]), _number(row["high"]),
            _CLASS.get(row["qualifier"], row["qualifier"]))


def interval(row) -> tuple[float, float, bool, bool]:
    """The numbers a figure allows: (low, high, low is open, high is open)."""
    q, v = row["qualifier"], _number(row["value"])
    low, high = _number(row["low"]), _number(row["high"])
    if v is None:
        return (low if low is not None else -math.inf, high if high is not None else math.inf, False, False)
    if q in (">", ">="):
        return v, math.inf, q == ">", False
    if q in ("<", "<="):
        return -math.inf, v, False, q == "<"
    if q == "~":
        return v - abs(v) * ABOUT, v + abs(v) * ABOUT, False, False
    if low is not None and high is not None and low < high:
        return low, high, False, False
    return v, v, False, False


def agree(a, b) -> bool:
    """Whether some number lies within both figures (figures in different units are not compared)."""
    if a["unit"] != b["unit"]:
        return True
    alow, ahigh, alow_open, ahigh_open = interval(a)
    blow, bhigh, blow_open, bhigh_open = interval(b)
    low, low_open = (alow, alow_open) if alow > blow else (blow, blow_open) if blow > alow else (alow, alow_open or blow_open)
    high, high_open = ((ahigh, ahigh_open) if ahigh < bhigh else (bhigh, bhigh_open) if bhigh < ahigh
                       else (ahigh, ahigh_open or bhigh_open))
    return low < high or (low == high and not low_open and not high_open)


def _mention_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Mentions in the order that picks a fact's representative: exact before "about", observed
    before other kinds, then by article and place in it."""
    order = frame.assign(_exact=(frame["qualifier"] != "~").astype(int), _observed=(frame["kind"] == "observed").astype(int),
                         _start=pd.to_numeric(frame["start"], errors="coerce").fillna(0) if "start" in frame else 0)
    order = order.sort_values(["_exact", "_observed", "source", "_start", "stat_id"],
                              ascending=[False, False, True, True, True], kind="stable")
    return order.drop(columns=["_exact", "_observed", "_start"])


def fact_ids(stats: pd.DataFrame) -> pd.Series:
    """For each row (by index), the stat_id of the fact it is a mention of: its representative's."""
    ids = pd.Series(stats["stat_id"].to_numpy(), index=stats.index)
    if stats.empty:
        return ids
    is_precise = stats.apply(precise, axis=1)
    rows = _mention_order(stats[is_precise])
    groups: dict[tuple, str] = {}
    for i, row in rows.iterrows():
        key = (*(str(row[c]) if c in row and not pd.isna(row[c]) else "" for c in KEY), *figure(row))
        ids[i] = groups.setdefault(key, row["stat_id"])
    return ids


def facts(stats: pd.DataFrame) -> pd.DataFrame:
    """One row per fact (its representative's), with `mentions` (how many rows state it),
    `mention_ids` and `sources` (every article that states it, ;-separated, in order)."""
    if stats.empty:
        return stats.assign(mentions=pd.Series(dtype=int), mention_ids=pd.Series(dtype=str), sources=pd.Series(dtype=str))
    of = fact_ids(stats)
    grouped = stats.assign(_fact=of).groupby("_fact", sort=False)
    mention_ids = grouped["stat_id"].agg(lambda s: ";".join(s))
    sources = grouped["source"].agg(lambda s: ";".join(dict.fromkeys(";".join(s).split(";"))))
    out = stats[of == stats["stat_id"]].copy()
    out["mentions"] = out["stat_id"].map(grouped.size()).astype(int)
    out["mention_ids"] = out["stat_id"].map(mention_ids)
    out["sources"] = out["stat_id"].map(sources)
    return out


def conflicts(stats: pd.DataFrame) -> list[pd.DataFrame]:
    """Each conflict as the facts of one statistic (one row each, from `facts`), in catalogue order."""
    found = []
    rows = facts(stats)
    rows = rows[rows.apply(precise, axis=1)]
    for _, group in rows.groupby([c for c in KEY if c in rows.columns], sort=True, dropna=False):
        if len(group) < 2 or len(set(";".join(group["sources"]).split(";"))) < 2:
            continue
        records = group.to_dict("records")
        if any(not agree(a, b) for i, a in enumerate(records) for b in records[i + 1:]
               if set(a["sources"].split(";")) != set(b["sources"].split(";"))):
            found.append(group)
    return found
