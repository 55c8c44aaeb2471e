"""A hostile article, added, reviewed and built like any other: its markup never runs and never becomes markup.

The article (written here) carries a script tag, a stray </script>, <img onerror>, <svg onload>,
an <iframe> with a javascript: source, a Markdown link to javascript:, an HTML comment and
Markdown emphasis, in its text and its title. Each would set window.__pwned if it ran. Every
report and the index open in headless Chromium; nothing may run, no element of the article's may
exist, no javascript: link may be made, and the quotes must still show the markup as text.
"""

import pytest

from xbdata.engine.build import build
from xbdata.cli import main

PAYLOAD_CLAUSE = ("中国跨境电商市场规模</script><img src=x onerror=window.__pwned=2>"
                  "<svg onload=window.__pwned=3>达到1.2万亿元")
HOSTILE = (
    "跨境电商观察<script>window.__pwned=1</script>\n\n"
    f"2025年上半年{PAYLOAD_CLAUSE}。\n\n"
    "<iframe src=\"javascript:window.__pwned=4\"></iframe>详见[报告](javascript:window.__pwned=5)"
    "<!-- 隐藏的注释 -->。**重点**与_强调_:今年上半年约35%的受访者表示会继续跨境网购。\n"
)
TITLE = "观察<script>window.__pwned=6</script><img src=x onerror=window.__pwned=7> *标题* [链接](javascript:x)"


def add_hostile_article(folder) -> None:
    """Add the hostile article to $XBDATA_ARTICLES and review it as a reviewer would: accept all,
    and reject what the loader refuses as it stands (a count with no unit). A javascript: URL is refused."""
    from xbdata.curate.review import accept_all, reject

    article = folder / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    assert main(["add", str(article), "--title", TITLE, "--url", "javascript:alert(1)"]) == 2
    assert main(["add", str(article), "--title", TITLE, "--url", "https://example.com/hostile?a=1&b=2",
                 "--outlet", "<b>outlet</b>", "--published", "2025-07-20"]) == 0
    _, kept = accept_all()
    if kept:
        reject([line.split()[2].rstrip(":") for line in kept], "not a statistic of this article")
    assert main(["check"]) == 0


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    mp = pytest.MonkeyPatch()
    mp.setenv("XBDATA_ARTICLES", str(folder / "articles"))
    try:
        add_hostile_article(folder)
        out = folder / "reports"
        outcomes = build(out_dir=out)
        assert [o.status for o in outcomes] == ["built"] * 3, [o.message for o in outcomes]
        yield out
    finally:
        mp.undo()


def test_the_hostile_statistic_reaches_the_market_report(hostile_build):
    page = (hostile_build / "market_size.html").read_text(encoding="utf-8")
    assert "1.2万亿" in page or "1.2 trillion" in page


@pytest.mark.parametrize("name", ["market_size", "user_demographics", "category_trends", "index"])
def test_nothing_of_the_article_runs_or_becomes_markup(browser, hostile_build, name):
    page = browser.new_page()
    page.add_init_script("window.__pwned = 0; window.alert = function () { window.__pwned = -1; };")
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto((hostile_build / f"{name}.html").as_uri())
    if name != "index":
        page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 2", timeout=20000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") == 0
    assert page.locator("iframe").count() == 0
    assert page.locator('img[src="x"]').count() == 0
    # No event handler anywhere, and no attribute that loads or links to a javascript: URL
    # (the article's words may still say "javascript:" as text, in an aria-label for instance).
    assert page.evaluate("""Array.from(document.querySelectorAll('*')).filter(e =>
        Array.from(e.attributes).some(a => a.name.startsWith('on') ||
            (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(a.name) && /javascript:/i.test(a.value)))
        ).length""") == 0
    assert page.evaluate("""Array.from(document.querySelectorAll('a')).filter(a =>
        /^\\s*javascript:/i.test(a.getAttribute('href') || '')).length""") == 0
    if name == "market_size":
        shown = page.inner_text("table.xbdata-sources")
        assert PAYLOAD_CLAUSE in shown, "the quote's markup is shown as text"
    page.close()
