"""Each shared HTML report in a real headless Chromium with the network cut off.

Only file: URLs may load. For every report: every chart draws (Vega views counted), the console
stays free of errors, a control bound to a chart changes what it shows, and a screenshot is kept
in the test's temporary folder (its path is printed).
"""

import pytest
from playwright.sync_api import expect

CHARTS = {"market_size": 3, "user_demographics": 3, "category_trends": 2}


def _open(browser, path):
    page = browser.new_page()
    blocked, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (blocked.append(route.request.url), route.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, blocked, errors


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_report_draws_offline(browser, built_reports, name, tmp_path):
    page, blocked, errors = _open(browser, built_reports / f"{name}.html")
    page.wait_for_function(f"document.querySelectorAll('.xbdata-chart svg.marks').length >= {CHARTS[name]}",
                           timeout=20000)
    views = page.evaluate("document.querySelectorAll('.xbdata-chart svg.marks').length")
    marks = page.evaluate("Array.from(document.querySelectorAll('.xbdata-chart svg.marks'))"
                          ".map(s => s.querySelectorAll('path, rect, line, symbol, text').length)")
    assert views == CHARTS[name] and all(m > 5 for m in marks), marks
    assert page.locator(".jupyter-widgets, .widget-area").count() == 0
    visible = page.inner_text("body")
    assert "Chart error" not in visible and "Chart not drawn" not in visible

    # A bound control changes what its chart shows.
    controls = ".vega-bindings select, .vega-bindings input[type=range]"
    chart = page.locator(".xbdata-chart").filter(has=page.locator(controls)).first
    before = chart.locator("svg.marks").inner_html()
    control = chart.locator(controls).first
    if control.evaluate("e => e.tagName") == "SELECT":
        options = control.locator("option").all_inner_texts()
        control.select_option(options[-1])
    else:
        control.evaluate("e => { e.value = e.min; e.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.wait_for_timeout(300)
    assert chart.locator("svg.marks").inner_html() != before

    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10000
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()


def test_chinese_report_renders_chinese_labels(browser, chinese_reports, tmp_path):
    page, blocked, errors = _open(browser, chinese_reports / "market_size.html")
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 3", timeout=20000)
    svg_text = page.evaluate("Array.from(document.querySelectorAll('.xbdata-chart svg text')).map(t => t.textContent).join(' ')")
    assert "中国跨境电商市场规模" in svg_text
    # CJK glyphs take width: a missing font would draw them as boxes of the same advance, or nothing.
    width = page.evaluate("(() => { const c = document.createElement('canvas').getContext('2d');"
                          " c.font = '16px sans-serif'; return c.measureText('市场规模').width; })()")
    assert width > 40
    page.screenshot(path=str(tmp_path / "market_size_zh.png"), full_page=True)
    print(f"screenshot: {tmp_path / 'market_size_zh.png'}")
    assert errors == [] and blocked == [], (errors, blocked)


def test_each_chart_downloads_its_picture_data_and_citation(browser, built_reports, tmp_path):
    """PNG, SVG, CSV of all rows and of the rows shown, and the citation, all from the offline file."""
    page, blocked, errors = _open(browser, built_reports / "market_size.html")
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 3", timeout=20000)
    figure = page.locator(".xbdata-figure").filter(has=page.locator(".vega-bindings select")).first
    files = {}
    for action in ("png", "svg", "csv-all"):
        with page.expect_download() as download:
            figure.locator(f'[data-action="{action}"]').click()
        files[action] = download.value.path().read_bytes()
        assert download.value.suggested_filename.startswith("market_size-platforms")
    assert files["png"].startswith(b"\x89PNG") and len(files["png"]) > 5000
    assert b"<svg" in files["svg"][:200] and b"</svg>" in files["svg"]
    all_rows = files["csv-all"].decode("utf-8-sig").strip().splitlines()
    assert all_rows[0].startswith("stat_id,label,shown,value,low,high,unit,qualifier,period,kind,quote")
    assert any(line.startswith("joom_users,") for line in all_rows)

    figure.locator(".vega-bindings select").select_option("followers")
    page.wait_for_timeout(300)
    with page.expect_download() as download:
        figure.locator('[data-action="csv-visible"]').click()
    shown = download.value.path().read_text(encoding="utf-8-sig").strip().splitlines()
    assert 1 < len(shown) < len(all_rows) and all(",followers," in line for line in shown[1:])

    figure.locator(".xbdata-cite summary").click()
    assert "summeng.com" in figure.locator('[data-cite="full"]').inner_text()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    figure.locator('[data-action="copy"]').click()
    expect(figure.locator(".xbdata-copied")).to_have_text("Full citation copied", timeout=5000)   # the reader is told
    assert figure.locator('[data-action="copy"]').get_attribute("data-copied") == "true"
    assert "summeng.com" in page.evaluate("navigator.clipboard.readText()")
    footer = figure.locator(".xbdata-footer").inner_text()
    assert "Source:" in footer and "Periods:" in footer and "Notes:" in footer
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()


def test_charts_have_real_descriptions(browser, built_reports):
    page, _, _ = _open(browser, built_reports / "category_trends.html")
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 2", timeout=20000)
    labels = page.evaluate("Array.from(document.querySelectorAll('.xbdata-chart')).map(e => e.getAttribute('aria-label') || '')")
    assert len(labels) == 2 and all("figures:" in label for label in labels), labels
    assert labels[0].startswith("Bar chart: US Black Friday purchase intent rank (2022)") and "electronics: #1" in labels[0]
    page.close()


def test_dark_mode_follows_the_system_and_the_toggle_is_remembered(browser, built_reports):
    page = browser.new_page()
    page.emulate_media(color_scheme="dark")
    page.goto((built_reports / "category_trends.html").as_uri())
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 2", timeout=20000)
    page.evaluate("localStorage.removeItem('xbdata-theme')")
    page.reload()
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 2", timeout=20000)
    background = "getComputedStyle(document.querySelector('.xbdata-chart svg.marks')).backgroundColor"
    text = "getComputedStyle(document.querySelector('.xbdata-chart svg.marks text')).fill"
    assert page.evaluate("document.documentElement.getAttribute('data-xbdata-theme')") == "dark"
    assert page.evaluate(background) == "rgb(27, 27, 27)" and page.evaluate(text) == "rgb(230, 230, 230)"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 18, 18)"

    page.emulate_media(media="print")          # the print stylesheet is light
    assert page.evaluate(background) == "rgb(255, 255, 255)"
    assert page.locator(".xbdata-theme-toggle").is_hidden()
    page.emulate_media(media="screen")

    page.click(".xbdata-theme-toggle")
    assert page.evaluate(background) == "rgb(255, 255, 255)"
    page.reload()
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 2", timeout=20000)
    assert page.evaluate("document.documentElement.getAttribute('data-xbdata-theme')") == "light"
    page.evaluate("localStorage.removeItem('xbdata-theme')")
    page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_axe_finds_no_serious_violation(browser, built_reports, chinese_reports, name, lang):
    """axe-core (shipped inside axe-playwright-python, injected from disk) on every report in both languages."""
    from axe_playwright_python.sync_playwright import Axe

    folder = built_reports if lang == "en" else chinese_reports
    page, blocked, _ = _open(browser, folder / f"{name}.html")
    page.wait_for_function(f"document.querySelectorAll('.xbdata-chart svg.marks').length >= {CHARTS[name]}",
                           timeout=20000)
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [] and blocked == []
    page.close()


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_each_report_is_under_600_kb_and_says_its_language(built_reports, chinese_reports, name):
    for folder, lang in ((built_reports, "en"), (chinese_reports, "zh")):
        page = (folder / f"{name}.html").read_text(encoding="utf-8")
        assert (folder / f"{name}.html").stat().st_size <= 600 * 1024
        assert f'<html lang="{lang}">' in page
