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

    select = figure.locator(".vega-bindings select")
    chosen = select.locator("option").evaluate_all("os => os.map(o => o.value)")[-1]
    select.select_option(chosen)
    page.wait_for_timeout(300)
    with page.expect_download() as download:
        figure.locator('[data-action="csv-visible"]').click()
    _, shown = _csv(download.value.path().read_bytes())
    field = select.get_attribute("name").removeprefix("pick_")
    assert 0 < len(shown) < len(all_rows) - 1 and all(r[field] == chosen for r in shown)

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


CONTROLS = ".vega-bindings select, .vega-bindings input[type=range]"


def _download(page, figure, action):
    with page.expect_download() as download:
        figure.locator(f'[data-action="{action}"]').click()
    return download.value.path().read_bytes()


def _csv(data: bytes) -> tuple[list[str], list[dict]]:
    import csv
    import io

    text = data.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    return header, list(csv.DictReader(io.StringIO(text)))


def _settings(control):
    """Values to move `control` to: every option of a dropdown; a range's ends and middle."""
    if control.evaluate("e => e.tagName") == "SELECT":
        return control.locator("option").evaluate_all("os => os.map(o => o.value)")
    low, high = (float(control.get_attribute(a)) for a in ("min", "max"))
    step = float(control.get_attribute("step") or 1)
    middle = low + round((high - low) / 2 / step) * step
    return [v if step < 1 else int(v) for v in dict.fromkeys([high, middle, low])]


def _move(control, value):
    if control.evaluate("e => e.tagName") == "SELECT":
        control.select_option(str(value))
    else:
        control.evaluate("(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }", str(value))


# The statistics behind the marks Vega drew (its scenegraph), whatever filter put them there.
_DRAWN = """el => {
  const ids = new Set();
  (function walk(mark) {
    (mark.items || []).forEach(item => {
      if (mark.role === 'mark' && item.datum && item.datum.stat_id) { ids.add(item.datum.stat_id); }
      (item.items || []).forEach(walk);
    });
  })(el.xbdataView.scenegraph().root);
  return Array.from(ids).sort();
}"""


def _drawn(figure) -> list[str]:
    return figure.locator(".xbdata-chart").evaluate(_DRAWN)


def _state_words(figure, value) -> str:
    """What the subtitle should say of the control at `value`, in the words of xbdata.text.labels:
    a dropdown's option as it reads, the growth slider's percent as a rate, the rank slider's N."""
    from xbdata.text.labels import text

    name = figure.locator(".vega-bind-name").first.inner_text().strip()
    select = figure.locator(".vega-bindings select")
    if select.count():
        return text("state_pick", "en").format(name=name, value=select.locator("option:checked").inner_text())
    if name == text("growth_slider_percent", "en").strip():
        return text("state_growth", "en").format(value=f"{float(value):g}%")
    return text("state_top", "en").format(value=value)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_control_exports_what_it_shows(browser, built_reports, name):
    """For every chart with a control, at every setting tried: CSV (rows shown) has the header of
    CSV (all rows) and exactly the statistics the chart draws, and the subtitle of the chart and of
    its SVG says the control's state."""
    page, blocked, errors = _open(browser, built_reports / f"{name}.html")
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= "
                           f"{CHARTS[name]}", timeout=20000)
    figures = page.locator(".xbdata-figure").filter(has=page.locator(CONTROLS)).all()
    assert figures, "a report with no control to test"
    for figure in figures:
        control = figure.locator(CONTROLS).first
        all_header, all_rows = _csv(_download(page, figure, "csv-all"))
        for value in _settings(control):
            _move(control, value)
            page.wait_for_timeout(300)
            header, rows = _csv(_download(page, figure, "csv-visible"))
            assert header == all_header and header[:3] == ["stat_id", "label", "shown"]
            assert rows, f"{name}: no rows at {value}"
            assert sorted({r["stat_id"] for r in rows if r["stat_id"]}) == _drawn(figure), (name, value)
            said = _state_words(figure, value)
            subtitle = figure.locator("svg g.role-title-subtitle").text_content()
            assert said in subtitle, (said, subtitle)
            assert said in _download(page, figure, "svg").decode("utf-8")
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()


def _scenario_at(browser, path, percent):
    """The market report opened, its scenario's growth slider moved to `percent`: page, blocked, errors, figure."""
    page, blocked, errors = _open(browser, path)
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 3", timeout=20000)
    figure = page.locator(".xbdata-figure").filter(has=page.locator(".vega-bindings input[type=range]")).first
    _move(figure.locator(".vega-bindings input[type=range]"), percent)
    page.wait_for_timeout(300)
    return page, blocked, errors, figure


def test_the_scenarios_csv_holds_its_projection_at_the_rate_shown(browser, built_reports):
    page, blocked, errors, figure = _scenario_at(browser, built_reports / "market_size.html", 30)
    for action in ("csv-all", "csv-visible"):
        header, rows = _csv(_download(page, figure, action))
        assert header[-1] == "growth_rate"
        [base] = [r for r in rows if r["kind"] != "scenario"]
        projected = [r for r in rows if r["kind"] == "scenario"]
        assert [int(r["period"]) for r in projected] == [int(base["period"]) + t for t in range(1, 6)]
        for t, r in enumerate(projected, start=1):
            assert float(r["growth_rate"]) == 0.3 and r["stat_id"] == "" and r["quote"] == ""
            assert float(r["value"]) == pytest.approx(float(base["value"]) * 1.3 ** t)
            assert r["shown"].startswith("about CNY ") and r["unit"] == "CNY"
    assert "at 30% a year" in _download(page, figure, "svg").decode("utf-8")
    png = _download(page, figure, "png")
    _move(figure.locator(".vega-bindings input[type=range]"), 10)
    page.wait_for_timeout(300)
    assert _download(page, figure, "png") != png
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()


def test_a_chinese_subtitle_says_the_rate(browser, chinese_reports):
    page, blocked, errors, figure = _scenario_at(browser, chinese_reports / "market_size.html", 30)
    assert "按年增长30%" in _download(page, figure, "svg").decode("utf-8")
    header, rows = _csv(_download(page, figure, "csv-visible"))
    assert [r["kind"] for r in rows].count("情景") == 5 and all(r["shown"].startswith("约") for r in rows[1:])
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()


def test_the_pages_csv_cells_are_pythons(browser, built_reports):
    """One spreadsheet rule: each figure's CSV cells are the cells Python wrote for the same statistic
    in data/statistics.csv (qualifier `=` as `'=`, the same quote, label and URL; the same value)."""
    _, python_rows = _csv((built_reports / "data" / "statistics.csv").read_bytes())
    by_id = {r["stat_id"]: r for r in python_rows}
    page, blocked, errors = _open(browser, built_reports / "market_size.html")
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 3", timeout=20000)
    compared = 0
    for figure in page.locator(".xbdata-figure").all():
        _, rows = _csv(_download(page, figure, "csv-all"))
        for row in rows:
            if row["stat_id"] in by_id:
                python = by_id[row["stat_id"]]
                for column in ("label", "shown", "unit", "qualifier", "period", "quote", "source_title", "source_url"):
                    assert row[column] == python[column], (row["stat_id"], column, row[column], python[column])
                assert float(row["value"] or "nan") == pytest.approx(float(python["value"] or "nan"), nan_ok=True)
                compared += 1
    assert compared >= 5 and any(by_id[i]["qualifier"] == "'=" for i in by_id)
    assert errors == [] and blocked == [], (errors, blocked)
    page.close()
