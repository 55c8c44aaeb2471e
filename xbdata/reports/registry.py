"""The report modules, by name: what `open_report` opens.

Kept apart from `parameters` (which lists the reports and their parameters) so that checking
parameters, as the command line and the build do before any kernel starts, never imports the
report modules, pandas or Altair; and apart from `story`, so the base never imports the reports
built on it.
"""

from __future__ import annotations

from .category_trends import CategoryTrends
from .market_size import MarketSize
from .parameters import get_report
from .story import Story
from .user_demographics import UserDemographics

STORIES: dict[str, type[Story]] = {s.name: s for s in (MarketSize, UserDemographics, CategoryTrends)}


def open_report(name: str, **params) -> Story:
    """The report `name` with its parameters checked (the same check as `xbdata report`)."""
    get_report(name)
    return STORIES[name](**params)
