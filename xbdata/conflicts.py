"""Conflicts: two articles giving different values for the same subject, measure and period.

They are information, never an error and never averaged: both rows stay in the catalogue, each
with its quote and article, and `xbdata check` lists them side by side. A figure is "the same
statistic" when subject, measure, period, geography and breakdown agree (a different market or
age band is a different statistic); "different" compares value, bounds, unit and qualifier, so
超7万亿 and 7万亿 differ. Derived rows and subjects left `unspecified` are not compared.
"""

from __future__ import annotations

import pandas as pd

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
        from .catalogue import catalogue

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


def conflict_lines(stats: pd.DataFrame | None = None) -> list[str]:
    """What `xbdata check` prints of the conflicts."""
    from .review import plain

    frame = conflicts(stats)
    if frame.empty:
        return ["conflicts: none (no two articles give different values for the same subject, measure and period)"]
    lines = [f"conflicts (information, never averaged): {frame['conflict'].nunique()} statistics on which articles differ"]
    for number, group in frame.groupby("conflict"):
        first = group.iloc[0]
        lines.append(f"  {plain(first['subject'])} · {plain(first['measure'])} · {plain(first['period'])} · "
                     f"{plain(first['geography'])}{' · ' + plain(first['breakdown']) if first['breakdown'] else ''}:")
        for _, r in group.iterrows():
            lines.append(f"    {r['stat_id']} ({r['source']}, {r['kind']}): {plain(r['number'])} "
                         f"「{plain(r['quote'])[:50]}」")
    return lines
