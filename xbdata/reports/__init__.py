"""The reports: one module per report, each a `Story` with its words per language.

`open_report(name, **params)` is what a notebook calls; `xbdata.parameters` lists the reports
and their parameters, so checking parameters never imports these modules.
"""

from __future__ import annotations

from ..parameters import get_report
from .category_trends import CategoryTrends
from .market_size import MarketSize
from .story import Story
from .user_demographics import UserDemographics

STORIES: dict[str, type[Story]] = {s.name: s for s in (MarketSize, UserDemographics, CategoryTrends)}


def open_report(name: str, **params) -> Story:
    """The report `name` with its parameters checked (the same check as `xbdata report`)."""
    get_report(name)
    return STORIES[name](**params)
