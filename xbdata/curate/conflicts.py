"""Conflicts: two articles giving different values for the same subject, measure and period.

They are information, never an error and never averaged: both rows stay in the catalogue, each
with its quote and article, and `xbdata check` lists them side by side. A figure is "the same
statistic" when subject, measure, period, geography and breakdown agree (a different market or
age band is a different statistic); "different" compares value, bounds, unit and qualifier, so
超7万亿 and 7万亿 differ. Derived rows and subjects left `unspecified` are not compared.
"""

from __future__ import annotations

import pandas as pd

from .catalogue import catalogue

KEY = ["subject", "measure", "period", "geography", "breakdown"]
COLUMNS = ["conflict", *KEY, "stat_id", "source", "number", "value", "low", "high", "unit", "qualifier", "kind",
           "quote", "source_title"]


def _figure(row) -> tuple:
    def r(x):
        return None if pd.isna(x) else round(float(x), 6)
    return r(row["value"]), r(row["low"]), r(row["high"]), row["unit"], row["qualifier"]


def conflicts(stats: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows of every conflict, numbered in `conflict`, each with its source and quote."""
    if stats is None:
        stats = catalogue()
    rows = stats[(stats["kind"] != "derived") & (stats["subject"] != "unspecified")]
    out = []
    for key, group in rows.groupby(KEY, sort=True):
        if group["source"].nunique() < 2:
            continue
        if len({_figure(r) for _, r in group.iterrows()}) < 2:
            continue
        out.append(group.assign(conflict=len(out) + 1))
    if not out:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(out)[COLUMNS].sort_values(["conflict", "source"]).reset_index(drop=True)
