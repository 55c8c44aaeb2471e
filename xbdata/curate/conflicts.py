"""Conflicts as `xbdata check` lists them: the facts of one statistic whose figures disagree.

What a fact and a conflict are is `facts`: mentions of the same figure are one fact with all its
sources, rows that name no statistic precisely are never compared, and two figures conflict only
when no number lies within both. Every fact keeps its quote and articles; nothing is averaged.
"""

from __future__ import annotations

import pandas as pd

from .catalogue import catalogue
from .facts import KEY, conflicts as conflicting_facts

COLUMNS = ["conflict", *KEY, "stat_id", "source", "sources", "mentions", "number", "value", "low", "high", "unit",
           "qualifier", "kind", "quote", "source_title"]


def conflicts(stats: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows of every conflict, one per fact, numbered in `conflict`, each with its sources and quote."""
    if stats is None:
        stats = catalogue()
    stats = stats.assign(**{c: "" for c in KEY if c not in stats.columns})
    found = [group.assign(conflict=n) for n, group in enumerate(conflicting_facts(stats), start=1)]
    if not found:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(found)[COLUMNS].sort_values(["conflict", "source"]).reset_index(drop=True)
