"""Dark mode done whole, in headless Chromium: the plot frame, not every legend, gets the dark stroke,
and the index of reports follows the same theme as the reports, the reader's toggle included."""

import re

import pytest

from test_browser import CHARTS, _open


def _dark(rgb: str) -> bool:
    red, green, blue = (int(c) for c in re.findall(r"\d+", rgb)[:3])
    return red + green + blue < 3 * 80


def _settles_dark(page, dark: bool, timeout: int = 5000) -> bool:
    """Whether the page's background becomes dark (or light) within `timeout` ms: the theme script
    runs as the page loads, so the colour is waited for, not read at one instant."""
    try:
        page.wait_for_function(
            """dark => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
                         return (r + g + b < 240) === dark; }""", arg=dark, timeout=timeout)
        return True
    except Exception:
        return False


def _in_dark_mode(browser, path, charts: int = 0):
    page, blocked, errors = _open(browser, path)
    page.emulate_media(color_scheme="dark")
    page.evaluate("localStorage.removeItem('xbdata-theme')")
    page.reload()
    if charts:
        page.wait_for_function(f"document.querySelectorAll('.xbdata-chart svg.marks').length >= {charts}", timeout=20000)
    return page, blocked, errors


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_in_dark_mode_only_the_plot_frame_is_outlined_not_the_legends(browser, built_reports, name):
    page, blocked, errors = _in_dark_mode(browser, built_reports / f"{name}.html", CHARTS[name])
    strokes = page.evaluate("""() => {
      const stroke = (sel) => Array.from(document.querySelectorAll(sel)).map(e => getComputedStyle(e).stroke);
      return {frames: stroke('.xbdata-chart svg.marks .role-frame > g > path.background'),
              legends: stroke('.xbdata-chart svg.marks .role-legend path.background'),
              entries: Array.from(document.querySelectorAll('.xbdata-chart svg.marks .role-legend-label text'))
                            .map(e => getComputedStyle(e).fill)};
    }""")
    assert len(strokes["frames"]) == CHARTS[name] and set(strokes["frames"]) == {"rgb(138, 138, 138)"}, strokes
    assert strokes["legends"] and set(strokes["legends"]) == {"none"}, strokes["legends"]
    assert strokes["entries"] and not any(_dark(fill) for fill in strokes["entries"])      # legend words read on dark
    assert errors == [] and blocked == []
    page.evaluate("localStorage.removeItem('xbdata-theme')")
    page.close()


def test_the_index_follows_the_reports_theme_and_has_their_toggle(browser, built_reports):
    """System dark: the index is dark; a reader who chose light on a report sees a light index; its own
    toggle switches and remembers; printed, it is light and the toggle is gone."""
    index = built_reports / "index.html"
    background = "getComputedStyle(document.body).backgroundColor"
    page, blocked, errors = _in_dark_mode(browser, index)
    assert _dark(page.evaluate(background))
    assert not _dark(page.evaluate("getComputedStyle(document.querySelector('h1')).color"))

    page.evaluate("localStorage.setItem('xbdata-theme', 'light')")      # as a report's toggle stores it
    page.reload()
    assert _settles_dark(page, False), page.evaluate(background)

    page.click(".xbdata-theme-toggle")
    assert _settles_dark(page, True), page.evaluate(background)
    page.reload()
    assert _settles_dark(page, True) and page.evaluate("localStorage.getItem('xbdata-theme')") == "dark"

    page.emulate_media(media="print")
    assert not _dark(page.evaluate(background)) and page.locator(".xbdata-theme-toggle").is_hidden()
    page.emulate_media(media="screen")
    page.evaluate("localStorage.removeItem('xbdata-theme')")
    assert errors == [] and blocked == []
    page.close()
