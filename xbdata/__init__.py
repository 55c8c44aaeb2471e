"""xbdata: statistics from Chinese cross-border e-commerce articles as tidy, traceable tables.

Every number comes from a catalogued quote in one of the source articles under `seeds/`::

    import xbdata
    xbdata.market_size()                 # tidy table, each row with stat_id, source and quote
    xbdata.parse_quantity("超7万亿")      # value 7e12, qualifier '>'
    xbdata.open_report("market_size")    # a report's content, as its notebook shows it

Names are imported on first use, so `import xbdata` (and the command line) start fast. The
package is laid out by the stages data flows through (ARCHITECTURE.md): text/ → curate/ →
reports/ → engine/ and explore/ → cli/, over a few shared modules (exceptions, ids, escape,
iorw, lock); these names are its public API, wherever they live.
"""

from importlib import import_module

__version__ = "0.1.0"

_WHERE = {
    "accounting": "curate.catalogue", "catalogue": "curate.catalogue", "load_exclusions": "curate.catalogue",
    "CatalogueError": "exceptions", "SeedError": "exceptions", "UsageError": "exceptions", "XbdataError": "exceptions",
    "extract_mentions": "text.extract",
    "Quantity": "text.numbers", "QuantityError": "text.numbers", "parse_quantity": "text.numbers",
    "articles": "curate.articles", "seed_texts": "curate.articles",
    "REPORTS": "reports.parameters", "check_parameters": "reports.parameters",
    "categories": "curate.tables", "demographics": "curate.tables", "market_size": "curate.tables",
    "platforms": "curate.tables", "statistics": "curate.tables",
    "open_report": "reports.registry",
    "search": "explore.lookup", "context": "explore.lookup", "related": "explore.lookup",
    "same_sentence": "explore.lookup",
    "explorer": "explore.explorer",
    "drafts_table": "curate.review", "review_panel": "explore.review_panel",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        # Kept, so a submodule of the same name (xbdata.explore.explorer) cannot shadow the function later.
        globals()[name] = value
        return value
    raise AttributeError(f"module 'xbdata' has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *_WHERE])
