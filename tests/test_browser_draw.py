"""A shared report draws with Vega alone (issue 15: charts drawn within a second of opening).

Each chart arrives compiled to Vega, so the page carries neither Vega-Lite nor vega-embed and the
reader's browser compiles nothing; tooltips still show each figure's quote, and a browser without
Uint8Array.fromBase64 still inflates the bundle.
"""

import json
import re

from xbdata.reports.figure import figure_html, vega_spec
from xbdata.reports.registry import open_report

_SPEC = re.compile(r"window\.xbdataFigures\.draw\(el, (\{.*?\})\);\n\}\)\(\);", re.S)


def _drawn(page, charts: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('.xbdata-chart[data-xbdata-drawn]').length >= {charts}",
                           timeout=20000)


def _open(browser, path, init_script: str | None = None):
    page = browser.new_page()
    errors, blocked = [], []
    if init_script:
        page.add_init_script(init_script)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (blocked.append(route.request.url), route.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return page, errors, blocked


def test_every_chart_in_a_page_is_vega_and_the_page_loads_no_vega_lite(browser, built_reports):
    html = (built_reports / "market_size.html").read_text(encoding="utf-8")
    schemas = [json.loads(m.group(1)).get("$schema", "") for m in _SPEC.finditer(html)]
    assert len(schemas) == 3 and all("/schema/vega/" in s for s in schemas), schemas
    page, errors, blocked = _open(browser, built_reports / "market_size.html")
    _drawn(page, 3)
    assert page.evaluate("[typeof window.vegaLite, typeof window.vegaEmbed, typeof window.vega.View]") == \
        ["undefined", "undefined", "function"]
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()


def test_a_mark_s_tooltip_shows_its_quote_and_article(browser, built_reports):
    page, errors, _ = _open(browser, built_reports / "market_size.html")
    _drawn(page, 3)
    page.locator(".xbdata-chart svg .mark-symbol path").first.hover(force=True)
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5000)
    shown = tooltip.inner_text()
    assert "Quote" in shown and "Article" in shown and re.search(r"[\u4e00-\u9fff]", shown), shown
    assert errors == []
    page.close()


def test_a_browser_without_from_base64_still_inflates_the_bundle(browser, built_reports):
    page, errors, blocked = _open(browser, built_reports / "category_trends.html",
                                  init_script="delete Uint8Array.fromBase64;")
    _drawn(page, 2)
    assert page.evaluate("typeof Uint8Array.fromBase64") == "undefined"
    assert page.evaluate("document.querySelectorAll('.xbdata-chart svg.marks').length") == 2
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()


def test_a_chart_block_carries_its_spec_compiled_to_vega_with_its_figure_metadata():
    chart = open_report("category_trends", lang="zh").chart("ranking").to_dict()
    block = figure_html(chart)
    [embedded] = [json.loads(m.group(1)) for m in _SPEC.finditer(block)]
    assert "/schema/vega/" in embedded["$schema"] and "marks" in embedded and "layer" not in embedded
    assert embedded["usermeta"] == chart["usermeta"], "the footer's and the buttons' metadata travel with it"
    assert vega_spec(embedded) is embedded, "a Vega spec is not compiled again"
