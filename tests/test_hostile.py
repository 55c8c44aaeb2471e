"""A hostile article, added, reviewed and built like any other: its markup never runs and never becomes markup,
and its formulas never become formulas in a spreadsheet.

The article (written here) carries a script tag, a stray </script>, <img onerror>, <svg onload>,
an <iframe> with a javascript: source, a Markdown link to javascript:, an HTML comment and
Markdown emphasis, in its text and its title. Each would set window.__pwned if it ran. Every
report and the index open in headless Chromium; nothing may run, no element of the article's may
exist, no javascript: link may be made, and the quotes must still show the markup as text.

A second article starts its quotes, title and outlet with what a spreadsheet reads as a formula
(=, +, -, @). Every CSV and workbook made from it (the build's tables, `xbdata stats`, `xbdata
extract`, the page's CSV buttons) is read back with csv and openpyxl: no cell is a formula, and
each text is still there, behind one apostrophe.
"""

import csv
import io
import math

import openpyxl
import pytest

from xbdata.escape import spreadsheet_cell

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

# Each line's quote starts with what a spreadsheet would run; each holds a statistic the reports read.
FORMULA_QUOTES = ['=A1&"x" 2024年东南亚跨境电商交易额约为1500亿美元',
                  "+1 今年上半年我国跨境电商进出口额达到1.32万亿元",
                  "-2+3 2025年约41%的受访者愿意通过社交媒体购买海外商品",
                  "@SUM(1) 今年上半年新入驻TikTok Shop的中国卖家超过8万家"]
FORMULA_ARTICLE = "跨境电商半年观察\n\n" + "".join(q + "。\n\n" for q in FORMULA_QUOTES)
FORMULA_TITLE = '=HYPERLINK("https://example.com/x","点击")'
FORMULA_OUTLET = "@SUM(1)"


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


def add_formula_article(folder) -> None:
    """Add the article whose quotes, title and outlet start like formulas, and review it the same way."""
    from xbdata.curate.review import accept_all, reject

    article = folder / "formula.txt"
    article.write_text(FORMULA_ARTICLE, encoding="utf-8")
    assert main(["add", str(article), "--title", FORMULA_TITLE, "--outlet", FORMULA_OUTLET,
                 "--published", "2025-07-20"]) == 0
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
        add_formula_article(folder)
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


# --- formulas ------------------------------------------------------------------------------------

FORMULA_TEXTS = [*FORMULA_QUOTES, FORMULA_TITLE, FORMULA_OUTLET]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(cell: str) -> bool:
    try:
        return not math.isnan(float(cell))
    except ValueError:
        return False


def check_csv(text: str, where: str) -> set[str]:
    """Every cell of a CSV: none that a spreadsheet would run (a number, negative too, is a number). Returns the cells."""
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    formulas = [c for c in cells if c.startswith(TRIGGERS) and not _is_number(c)]
    assert formulas == [], f"{where}: {formulas[:3]}"
    return cells


def check_workbook(path) -> set[str]:
    """Every cell of every sheet: none is a formula. Returns the text cells."""
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    formulas = [(c.parent.title, c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert formulas == [], f"{path.name}: {formulas[:3]}"
    return {c.value for c in cells if isinstance(c.value, str)}


def readable(cells: set[str], texts: list[str]) -> None:
    """Each hostile text is still there to read, behind its apostrophe, in a cell that starts with it."""
    for text in texts:
        assert any(c.startswith("'" + text) for c in cells), f"{text!r} is not readable"


def test_the_spreadsheet_rule():
    assert [spreadsheet_cell(v) for v in ["=1+1", "+1", "-2+3", "@SUM(1)", "\tx", "\rx", "1.5", "", "abc", "'=x"]] == \
        ["'=1+1", "'+1", "'-2+3", "'@SUM(1)", "'\tx", "'\rx", "1.5", "", "abc", "'=x"]
    assert [spreadsheet_cell(v) for v in [-2, -2.5, 3, None]] == [-2, -2.5, 3, None], "numbers stay numbers"


def test_the_builds_tables_hold_no_formula(hostile_build):
    data = hostile_build / "data"
    cells = set()
    for path in sorted(data.glob("*.csv")):
        cells |= check_csv(path.read_text(encoding="utf-8"), path.name)
    readable(cells, FORMULA_TEXTS)
    readable(check_workbook(data / "xbdata_tables.xlsx"), FORMULA_TEXTS)
    sheet = openpyxl.load_workbook(data / "xbdata_tables.xlsx")["statistics"]
    column = next(col for col in sheet.iter_cols() if col[0].value == "value")
    assert all(isinstance(c.value, (int, float)) for c in column[1:] if c.value is not None), "values stay numbers"


def test_stats_and_extract_hold_no_formula(hostile_build, tmp_path, capsys):
    assert main(["stats", "--format", "xlsx", "-o", str(tmp_path / "stats.xlsx")]) == 0
    readable(check_workbook(tmp_path / "stats.xlsx"), FORMULA_TEXTS)
    assert main(["stats", "--format", "csv", "-o", str(tmp_path / "stats.csv")]) == 0
    readable(check_csv((tmp_path / "stats.csv").read_text(encoding="utf-8"), "stats.csv"), FORMULA_TEXTS)
    capsys.readouterr()
    assert main(["stats", "--format", "csv"]) == 0
    readable(check_csv(capsys.readouterr().out, "stats to stdout"), FORMULA_TEXTS)
    article = tmp_path / "formula.txt"
    article.write_text(FORMULA_ARTICLE, encoding="utf-8")
    for target in (article, tmp_path):  # one file, and a folder of them
        assert main(["extract", str(target), "--format", "csv"]) == 0
        readable(check_csv(capsys.readouterr().out, f"extract {target.name}"), ["=A1&\"x\""])


def test_the_pages_csv_follows_the_same_rule(browser, hostile_build):
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto((hostile_build / "market_size.html").as_uri())
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 2", timeout=20000)
    samples = ["=1+1", "+1", "-2+3", "@SUM(1)", "\tx", "\rx", "1.5", "", "abc", "'=x", "a,b", 'say "x"', -2, -2.5, 3, None]
    in_page = page.evaluate("values => values.map(v => window.xbdataFigures.cell(v))", samples)
    assert [list(csv.reader(io.StringIO(c)))[0][0] if c else "" for c in in_page] == \
        ["" if v is None else str(spreadsheet_cell(v)) for v in samples]
    cells = set()
    for figure in page.locator(".xbdata-figure").all():
        with page.expect_download() as download:
            figure.locator('[data-action="csv-all"]').click()
        cells |= check_csv(download.value.path().read_text(encoding="utf-8-sig"), download.value.suggested_filename)
    readable(cells, [FORMULA_QUOTES[1], FORMULA_TITLE])  # the market chart draws CNY: the USD figure is not in it
    page.close()
