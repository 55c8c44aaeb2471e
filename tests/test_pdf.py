"""Reports as PDF: printed by Debian's headless Chromium from the shared HTML, offline."""

import subprocess

import pytest

from xbdata.exceptions import UsageError
from xbdata.engine.pdf import write_pdf, write_pdfs


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", ["market_size", "category_trends"])
def test_a_report_prints_with_its_charts_and_sources(printed, name):
    pdf = printed[name, "A4"]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    text = _text(pdf)
    assert text.count("\f") >= 2                                  # several A4 pages
    assert "Sources" in text and "What the articles do not tell us" in text
    assert "PNG" not in text and "Cite this chart" not in text    # controls and buttons are not printed


def test_a_chinese_report_prints_chinese(chinese_reports, tmp_path):
    text = _text(write_pdf(chinese_reports / "user_demographics.html", tmp_path / "user_demographics.pdf"))
    assert "用户画像" in text and "数据来源" in text


def test_without_chromium_a_one_line_error_says_how_to_install_it(built_reports, tmp_path, monkeypatch):
    monkeypatch.setenv("XBDATA_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(UsageError, match="apt-get install chromium") as info:
        write_pdf(built_reports / "market_size.html", tmp_path / "x.pdf")
    assert "\n" not in str(info.value) and not (tmp_path / "x.pdf").exists()



@pytest.fixture(scope="module")
def reported_on_letter(tmp_path_factory):
    """`xbdata report category_trends -p top_n 3 --pdf --paper Letter` run once for the two tests of
    the command line below (each reads it, and the one that builds again does so in a copy):
    (the output folder, what it wrote on stderr)."""
    import contextlib
    import io

    from xbdata.cli import main

    out = tmp_path_factory.mktemp("report-pdf")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["report", "category_trends", "-p", "top_n", "3", "-o", str(out), "--pdf", "--paper", "Letter"])
    assert code == 0, err.getvalue()
    return out, err.getvalue()


def test_report_pdf_at_the_command_line(reported_on_letter):
    out, err = reported_on_letter
    assert (out / "category_trends.pdf").read_bytes().startswith(b"%PDF")
    assert "wrote" in err
    assert 'href="category_trends.pdf"' in (out / "index.html").read_text(encoding="utf-8")


def test_pdf_without_chromium_exits_2_before_any_kernel(tmp_path, monkeypatch, capsys):
    from xbdata.cli import main

    monkeypatch.setenv("XBDATA_CHROMIUM", str(tmp_path / "no-chromium"))
    assert main(["build", "-o", str(tmp_path / "out"), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install chromium" in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("euid,sandboxed", [(0, False), (1000, True), (None, True)])
def test_chromium_keeps_its_sandbox_unless_it_runs_as_root(monkeypatch, euid, sandboxed):
    """Chromium renders article text: its sandbox stays on, except as root, where Chromium refuses
    to start without --no-sandbox. Where there is no euid (Windows), the sandbox stays on."""
    import os

    from xbdata.engine import pdf

    if euid is None:
        monkeypatch.delattr(os, "geteuid", raising=False)
    else:
        monkeypatch.setattr(os, "geteuid", lambda: euid)
    args = pdf.chromium_args()
    assert ("--no-sandbox" not in args) is sandboxed and "--headless" in args


def test_the_pdf_printer_starts_chromium_with_those_arguments(built_reports, tmp_path, monkeypatch):
    import os
    import sys
    import types

    launched = []

    class Launched(Exception):
        pass

    class Chromium:
        def launch_persistent_context(self, profile, **options):
            launched.append(options["args"])
            raise Launched

    class Playwright:
        chromium = Chromium()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setitem(sys.modules, "playwright.sync_api", types.SimpleNamespace(sync_playwright=Playwright))
    for euid in (0, 1000):
        monkeypatch.setattr(os, "geteuid", lambda: euid)
        with pytest.raises(Launched):
            write_pdf(built_reports / "market_size.html", tmp_path / "x.pdf")
    assert ["--no-sandbox" in args for args in launched] == [True, False]


# --- a PDF that reads like a report -------------------------------------------------------------

import html as html_lib
import re

from xbdata.engine.pdf import PAPERS, open_for_print
from xbdata.text.labels import text as words


def _pages(pdf) -> list[str]:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")


def _visible_text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))


@pytest.fixture(scope="module")
def printed(built_reports, tmp_path_factory):
    """Each report printed on each paper, all by one Chromium (write_pdfs): {(name, paper): path}."""
    out = tmp_path_factory.mktemp("pdf")
    jobs = {(name, paper): (built_reports / f"{name}.html", out / f"{name}-{paper}.pdf", paper)
            for name in ("market_size", "user_demographics", "category_trends") for paper in PAPERS}
    paths = dict(zip(jobs, write_pdfs(list(jobs.values()))))
    assert paths == {key: pdf for key, (_, pdf, _) in jobs.items()}, paths
    return paths


def test_several_reports_print_in_one_chromium_and_a_failed_one_stops_no_other(tmp_path, monkeypatch):
    """write_pdfs starts Chromium (Playwright's driver) once for all its pages, and a page that cannot
    be printed is its own error, in its place: the pages after it print all the same."""
    import playwright.sync_api

    starts = []
    real = playwright.sync_api.sync_playwright
    monkeypatch.setattr(playwright.sync_api, "sync_playwright", lambda: starts.append(1) or real())
    pages = []
    for name in ("one", "two"):
        (tmp_path / f"{name}.html").write_text(f"<!doctype html><p>page {name}</p>", encoding="utf-8")
        pages.append(tmp_path / f"{name}.html")
    jobs = [(pages[0], tmp_path / "one.pdf", "A4"), (tmp_path / "missing.html", tmp_path / "missing.pdf", "A4"),
            (pages[1], tmp_path / "two.pdf", "Letter")]
    one, missing, two = write_pdfs(jobs)
    assert starts == [1]
    assert (one, two) == (tmp_path / "one.pdf", tmp_path / "two.pdf") and isinstance(missing, Exception)
    assert "page one" in _text(one) and "page two" in _text(two) and not (tmp_path / "missing.pdf").exists()
    assert subprocess.run(["pdfinfo", str(two)], capture_output=True, text=True, check=True).stdout.count("612 x 792")


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("name", ["market_size", "user_demographics", "category_trends"])
def test_no_word_of_the_sources_table_is_broken(built_reports, printed, name, paper):
    """Every run of Latin letters and digits the PDF prints in the Sources section is one the table
    holds whole: "observed" never prints as "observ" + "ed", an id wraps only at _ (its parts are
    whole), a URL only after / . and the like."""
    page = (built_reports / f"{name}.html").read_text(encoding="utf-8")
    table = re.search(r"<table class=.xbdata-sources.>.*?</table>", page, re.S).group(0)
    cells = _visible_text(table)
    whole = set(re.findall(r"[A-Za-z0-9]+", cells))
    # pdftotext joins a line that ends in a hyphen to the next ("e-" + "commerce" as "ecommerce"):
    # a break after a hyphen, which is allowed.
    whole |= {a + b for a, b in re.findall(r"([A-Za-z0-9]+)-(?=([A-Za-z0-9]+))", cells)}
    pdf = "\f".join(_pages(printed[name, paper]))
    caption = re.escape(words("sources_caption", "en")).replace(re.escape("{n}"), r"\d+").replace(r"\ ", r"\s+")
    section = pdf[re.search(caption, pdf).start():pdf.index(words("gaps_heading", "en"))]
    broken = sorted(set(re.findall(r"[A-Za-z0-9]+", section)) - whole)
    assert broken == [], broken[:10]


@pytest.mark.parametrize("name", ["market_size", "user_demographics", "category_trends"])
def test_screen_only_text_and_buttons_are_not_printed(built_reports, printed, name):
    page = (built_reports / f"{name}.html").read_text(encoding="utf-8")
    screen_only = [" ".join(_visible_text(m).split())
                   for m in re.findall(r'<span class=.xbdata-screen-only.>(.*?)</span>', page, re.S)]
    assert screen_only, "each report has a sentence for the screen (how to use its control)"
    pdf = " ".join("\f".join(_pages(printed[name, "A4"])).split())
    buttons = [words(k, "en") for k in ("download_png", "download_svg", "csv_all", "csv_visible", "cite", "copy", "dark_mode")]
    assert [t for t in screen_only + buttons if t in pdf] == []


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("name", ["market_size", "user_demographics", "category_trends"])
def test_each_heading_is_printed_on_the_page_of_its_chart(built_reports, printed, name, paper):
    """The section heading before a chart and the chart's footer ("Source:") are on one page."""
    page = (built_reports / f"{name}.html").read_text(encoding="utf-8")
    sections = re.split(r"<h2[^>]*>", page)[1:]
    headings = [_visible_text(s.split("</h2>")[0]).replace("¶", "").strip() for s in sections
                if 'class="xbdata-figure"' in s.split("<h2")[0]]
    assert headings
    pages = _pages(printed[name, paper])
    for heading in headings:
        at = [i for i, p in enumerate(pages) if heading in [line.strip() for line in p.splitlines()]]
        assert at, heading
        following = pages[at[0]].split(heading, 1)[1]
        assert words("source", "en") in following, f"{heading!r} ends page {at[0] + 1}; its chart is on the next"


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_the_pdf_is_on_its_paper(printed, paper):
    size = subprocess.run(["pdfinfo", str(printed["market_size", paper])], capture_output=True, text=True,
                          check=True).stdout
    width, height = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", size).groups())
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == tuple(round(mm) for mm in PAPERS[paper])


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("name", ["market_size", "user_demographics", "category_trends"])
def test_chart_text_prints_at_8_pt_or_more_within_the_page(browser, built_reports, name, paper):
    """As the PDF prints it (open_for_print): each chart fits the page's width unscaled, and every piece
    of text in it is at least 8 pt (32/3 CSS px). The page opens in the session's Chromium (`browser`):
    while that Playwright is open, a second sync_playwright in this thread finds its event loop running."""
    page = open_for_print(browser, built_reports / f"{name}.html", paper)
    try:
        charts = page.evaluate("""() => Array.from(document.querySelectorAll('.xbdata-chart svg.marks')).map(svg => {
            const scale = svg.getBoundingClientRect().width / parseFloat(svg.getAttribute('width'));
            const room = svg.closest('.xbdata-figure').clientWidth;
            const sizes = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim())
                .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
            return {scale, room, width: svg.getBoundingClientRect().width, smallest: Math.min(...sizes),
                    title: (svg.querySelector('.role-title-text') || {}).textContent};
        })""")
    finally:
        page.close()
    assert charts
    for chart in charts:
        assert chart["scale"] > 0.999 and chart["width"] <= chart["room"] + 0.5, chart
        assert chart["smallest"] * 0.75 >= 8, chart


_LEGENDS_AND_PLOT = """() => Array.from(document.querySelectorAll('.xbdata-chart svg.marks')).map(svg => {
    const plot = svg.querySelector('.role-frame.root > g > path.background').getBoundingClientRect();
    return {title: (svg.querySelector('.role-title-text') || {}).textContent, top: plot.top, bottom: plot.bottom,
            legends: Array.from(svg.querySelectorAll('.role-legend')).map(l => l.getBoundingClientRect())
                .filter(r => r.height > 0).map(r => [r.top, r.bottom])};
})"""


@pytest.mark.parametrize("name", ["market_size", "user_demographics"])
def test_legends_are_above_the_plot_on_screen_and_under_it_on_paper(browser, built_reports, name):
    """A chart's legends sit above its plot on screen (its own orient), but under it on paper, one
    under another, so that beside wide row labels they never make a chart wider than the page."""
    screen = browser.new_page()
    paper = open_for_print(browser, built_reports / f"{name}.html")
    try:
        screen.goto((built_reports / f"{name}.html").resolve().as_uri())
        screen.wait_for_function("document.querySelectorAll('.xbdata-chart:not([data-xbdata-drawn])').length == 0")
        on_screen, on_paper = screen.evaluate(_LEGENDS_AND_PLOT), paper.evaluate(_LEGENDS_AND_PLOT)
    finally:
        screen.close()
        paper.close()
    assert sum(len(c["legends"]) for c in on_paper) >= 2
    for chart in on_screen:
        assert all(bottom <= chart["top"] for _, bottom in chart["legends"]), chart
    for chart in on_paper:
        assert all(top >= chart["bottom"] for top, _ in chart["legends"]), chart
        assert all(a[1] <= b[0] for a, b in zip(sorted(chart["legends"]), sorted(chart["legends"])[1:])), chart


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("name", ["market_size", "user_demographics"])
def test_row_labels_print_whole(browser, built_reports, name, paper):
    """Row labels are wrapped for the screen's 10 px text within the axis's label limit; on paper, at
    11 px, the limit grows with the text, so no line of a label is cut short with an ellipsis."""
    page = open_for_print(browser, built_reports / f"{name}.html", paper)
    try:
        labels = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.xbdata-chart svg.marks .role-axis-label text')).flatMap(t => t.querySelector('tspan')
            ? Array.from(t.querySelectorAll('tspan')).map(line => line.textContent) : [t.textContent])""")
    finally:
        page.close()
    assert any(len(line) > 40 for line in labels)   # lines, a wrapped label's each on its own
    assert [line for line in labels if line.endswith("…")] == []


def test_the_index_links_each_pdf_beside_its_html(built_reports, printed, tmp_path):
    """On a copy of the session's build: other tests, in this process or another, read its index."""
    import shutil

    from xbdata.engine.build import write_index
    from xbdata.engine.manifest import read_manifest

    reports = tmp_path / "reports"
    shutil.copytree(built_reports, reports)
    for name in ("market_size", "user_demographics", "category_trends"):
        (reports / f"{name}.pdf").write_bytes(printed[name, "A4"].read_bytes())
    write_index(reports, read_manifest(reports))
    index = (reports / "index.html").read_text(encoding="utf-8")
    for name in ("market_size", "user_demographics", "category_trends"):
        [line] = [p for p in re.findall(r"<p[^>]*>.*?</p>", index, re.S) if f'href="{name}.pdf"' in p]
        assert f'href="{name}.html"' in line, line


@pytest.fixture(scope="module")
def chinese_market(chinese_reports, tmp_path_factory):
    """The market report in Chinese (the session's build, `lang=zh`), printed beside a copy of its page."""
    import shutil

    out = tmp_path_factory.mktemp("zh-pdf")
    page = out / "market_size.html"
    shutil.copy(chinese_reports / "market_size.html", page)
    return page, write_pdf(page)


def test_chinese_values_and_kinds_print_whole(chinese_market):
    """Chinese breaks between any two characters, so a narrow column printed 实际 as 实 over 际 and
    超过1.2亿用户 as 超过1.2亿用 over 户: each value and kind of the Sources table prints on one line."""
    html, pdf = chinese_market
    table = re.search(r"<table class=.xbdata-sources.>.*?</table>", html.read_text(encoding="utf-8"), re.S).group(0)
    cells = [(_visible_text(value).strip(), _visible_text(kind).strip())
             for value, kind in re.findall(r"</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table, re.S)]
    assert len(cells) > 10
    text = _text(pdf)   # laid out as printed: a row's cells side by side, each cell's lines in turn
    section = text[text.index(words("sources_caption", "zh").split("{n}")[0]):text.index(words("gaps_heading", "zh"))]
    lines = ["".join(line.split()) for line in section.splitlines()]
    for column in (0, 1):
        wanted = ["".join(c[column].split()) for c in cells]
        missing = {w for w in wanted if sum(w in line for line in lines) < wanted.count(w)}
        assert missing == set(), sorted(missing)[:5]


def test_no_page_is_blank(printed):
    """The page's bottom margin once spilled onto a last, empty Letter page."""
    blank = [(name, paper, i + 1) for (name, paper), pdf in printed.items()
             for i, page in enumerate(_pages(pdf)[:-1]) if not page.strip()]   # pdftotext ends with a form feed
    assert blank == []


def test_the_paper_at_the_command_line(reported_on_letter, tmp_path, capsys):
    """--paper Letter prints on Letter; a later build (A4, the default) prints again though the report is unchanged."""
    import shutil

    from xbdata.cli import main
    from xbdata.engine.pdf import paper_of

    out = tmp_path / "reports"
    shutil.copytree(reported_on_letter[0], out)
    assert paper_of(out / "category_trends.pdf") == "Letter"
    assert main(["build", "category_trends", "-p", "top_n", "3", "-o", str(out), "--pdf"]) == 0
    assert paper_of(out / "category_trends.pdf") == "A4"
    assert "0 built, 1 unchanged" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "-o", str(tmp_path), "--pdf", "--paper", "A5"])
    assert exit_info.value.code == 2
