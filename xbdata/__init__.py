"""xbdata: statistics from Chinese cross-border e-commerce articles as tidy, traceable tables.

Every number comes from a catalogued quote in one of the source articles under `seeds/`:

>>> import xbdata
>>> xbdata.market_size()[["stat_id", "value", "unit", "qualifier"]]   # doctest: +SKIP
"""

__version__ = "0.1.0"

from .catalogue import accounting, catalogue, load_exclusions
from .exceptions import CatalogueError, SeedError, UsageError, XbdataError
from .extract import extract_mentions
from .numbers import Quantity, QuantityError, parse_quantity
from .seeds import articles, seed_texts
from .tables import categories, demographics, market_size, platforms, statistics

__all__ = [
    "CatalogueError", "Quantity", "QuantityError", "SeedError", "UsageError", "XbdataError",
    "accounting", "articles", "catalogue", "categories", "demographics", "extract_mentions",
    "load_exclusions", "market_size", "parse_quantity", "platforms", "seed_texts", "statistics",
]
