"""reports/index.html, rendered from templates/site/index.html.j2 with autoescaping on.

Everything shown comes from articles (titles, outlets, URLs) or the manifest (parameters), so it
is escaped by the template engine rather than by hand, and only http(s) URLs become links.
"""

from __future__ import annotations

from pathlib import Path

from ..curate.articles import outlet_name
from ..escape import safe_url
from ..reports.parameters import REPORTS
from ..text.labels import datetime_words, text

TEMPLATES = Path(__file__).resolve().parent / "templates" / "site"


def _safe_sources(sources: list[dict], lang: str) -> list[dict]:
    """The sources with any URL that is not http(s) blanked, by the rule every other link follows,
    each named as a chart's source line names it (`cited`: outlet, title in `lang`'s marks, and how
    many of the report's statistics it gives)."""
    return [{**s, "url": safe_url(str(s.get("url", ""))),
             "cited": text("source_title", lang).format(outlet=outlet_name(str(s.get("outlet", "")), lang), title=s.get("title", ""))
             + text("aside", lang).format(aside=s.get("statistics", ""))}
            for s in sources]


def index_language(entries: dict[str, dict]) -> str:
    """zh when every report was built in Chinese, else en: one language per page."""
    langs = {e.get("params", {}).get("lang", "en") for e in entries.values()}
    return "zh" if langs == {"zh"} else "en"


def index_page(entries: dict[str, dict], tables: list[str] | tuple[str, ...] = (), pending: str = "",
               pdfs: set[str] | frozenset[str] = frozenset()) -> str:
    """The index of `entries` (the manifest's, keyed by output name), grouped under their report,
    with links to `tables`, the files in the data folder (CSV per table, and the workbook), to the
    PDF of each report named in `pdfs`, and the `pending` notice while added articles have drafts
    awaiting review. Its words are in the reports' language (index_language); it is dark or light
    as the reports are (the reader's choice from any page's toggle, else the system's)."""
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    from ..reports.figure import theme_js  # imported here: the build's planning imports no pandas

    lang = index_language(entries)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True)
    reports = []
    for name, report in REPORTS.items():
        variants = [{**e, "file": file, "sources": _safe_sources(e.get("sources", []), lang), "pdf": file in pdfs,
                     "built": text("index_built", lang).format(at=datetime_words(e.get("built_at", ""), lang),
                                                               seconds=f"{e.get('seconds', 0):.1f}")}
                    for file, e in sorted(entries.items()) if e.get("report", file) == name]
        if variants:
            reports.append({"name": name, "title": report.title[lang], "lead": report.lead[lang],
                            "variants": variants})
    words = {key: text(f"index_{key}", lang) for key in ("title", "intro", "tables", "notebook", "html", "pdf", "sources")}
    return env.get_template("index.html.j2").render(reports=reports, tables=tables, pending=pending, lang=lang,
                                                    words=words, theme_script=Markup(theme_js(lang)))
