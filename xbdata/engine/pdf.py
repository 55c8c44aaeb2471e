"""A report as PDF: the shared HTML printed by headless Chromium, charts drawn, controls hidden.

The PDF is printed from the very HTML file a build writes, so it shows what the shared report
shows and nothing else: the print stylesheet hides controls, download buttons, the theme toggle
and the sentences meant for the screen (`xbdata-screen-only`), prints light, keeps each chart and
each table row on one page and a heading with its chart. The page is opened as wide as the paper's
printed area with print media, so the figures' script draws each chart for paper (text of 8 pt or
more, no wider than the page). A4 or Letter. Chromium is Debian's (`/usr/bin/chromium`, or
$XBDATA_CHROMIUM), driven by Playwright; nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

from ..exceptions import UsageError
from ..iorw import write_atomic

CHROMIUM = "/usr/bin/chromium"


def chromium_args() -> list[str]:
    """How every headless Chromium of ours starts (the PDF printer, the browser tests, the bench).

    The network services it would otherwise call at start are off, as this machine has no network.
    Chromium renders article text, so it keeps its sandbox, except when running as root, where
    Chromium refuses to start without --no-sandbox (a container's root, typically).
    """
    args = ["--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # no geteuid on Windows, and no root
        args.append("--no-sandbox")
    return args


# As this process starts Chromium (the browser tests and the bench take it from here).
CHROMIUM_ARGS = chromium_args()
INSTALL_HINT = "install it with: apt-get install chromium fonts-noto-cjk, and pip install 'xbdata[pdf]'"


def chromium_path() -> str:
    """Debian's Chromium, or a one-line error saying how to install it."""
    path = os.environ.get("XBDATA_CHROMIUM") or CHROMIUM
    if not (shutil.which(path) or Path(path).is_file()):
        raise UsageError(f"PDF needs Chromium at {path}, which is missing; {INSTALL_HINT}")
    return path


def check_pdf_tools() -> str:
    """Chromium's path, after checking that Chromium and Playwright are both there (one-line errors)."""
    executable = chromium_path()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise UsageError(f"PDF needs the playwright package, which is missing; {INSTALL_HINT}") from None
    return executable


# Paper sizes in millimetres, and the margins every page keeps.
PAPERS = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
MARGIN_MM = {"top": 14, "bottom": 14, "left": 12, "right": 12}


def _mm_to_px(mm: float) -> int:
    return int(mm / 25.4 * 96)


def check_paper(paper: str) -> str:
    """`paper` if it is one of PAPERS, else a UsageError naming them."""
    if paper not in PAPERS:
        raise UsageError(f"paper must be one of {', '.join(PAPERS)} (got {paper!r})")
    return paper


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]")


def paper_of(pdf_path: Path) -> str | None:
    """The paper (a key of PAPERS) a PDF we printed is on, from its first page's size; None if unknown."""
    try:
        found = _MEDIA_BOX.search(Path(pdf_path).read_bytes())
    except OSError:
        return None
    if not found:
        return None
    width, height = (float(x) / 72 * 25.4 for x in found.groups())
    return next((name for name, (w, h) in PAPERS.items() if abs(w - width) < 1 and abs(h - height) < 1), None)


def write_pdf(html_path: Path, pdf_path: Path | None = None, timeout_s: float = 60, paper: str = "A4") -> Path:
    """Print `html_path` to `pdf_path` (default: beside it, NAME.pdf) on `paper` (A4 or Letter), atomically;
    return the PDF's path (`write_pdfs`, for one report)."""
    html_path = Path(html_path)
    [printed] = write_pdfs([(html_path, Path(pdf_path) if pdf_path else html_path.with_suffix(".pdf"), paper)],
                           timeout_s)
    if isinstance(printed, Exception):
        raise printed
    return printed


def write_pdfs(jobs: list[tuple[Path, Path, str]], timeout_s: float = 60) -> list[Path | Exception]:
    """Print each (html_path, pdf_path, paper) in turn, atomically, all in one Chromium; for each, in
    order, its PDF's path or the error that stopped it (the others print all the same).

    One browser for them all: starting Chromium and Playwright's driver costs about as much as
    printing a report, so a build of several reports pays it once. Waits until every chart has
    drawn; only file: URLs may load, so the PDF is made offline too. Playwright runs in a thread of
    its own, so a caller that already drives a browser (a test, a notebook's event loop) can print too.
    An error before any page opens (no Chromium, no Playwright, a bad paper) is raised.
    """
    jobs = [(Path(html), Path(pdf), check_paper(paper)) for html, pdf, paper in jobs]
    executable = check_pdf_tools()
    result: dict = {}

    def run() -> None:
        try:
            result["printed"] = _print([(html, paper) for html, _, paper in jobs], executable, timeout_s)
        except BaseException as error:  # handed to the caller's thread
            result["error"] = error

    thread = threading.Thread(target=run, name="xbdata-pdf")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    written: list[Path | Exception] = []
    for (_, pdf_path, _), printed in zip(jobs, result["printed"]):
        if not isinstance(printed, Exception):
            write_atomic(pdf_path, lambda p, data=printed: p.write_bytes(data))
            printed = pdf_path
        written.append(printed)
    return written


def open_for_print(context, html_path: Path, paper: str = "A4", timeout_s: float = 60):
    """A page of `context` showing `html_path` as it prints on `paper`: print media, light, as wide
    as the paper's printed area, so each chart is drawn for the page (text at least 8 pt, no wider
    than the page: see figure.FIGURES_JS), and every chart drawn. Only file: URLs load."""
    width_mm, height_mm = PAPERS[check_paper(paper)]
    page = context.new_page()
    page.set_viewport_size({"width": _mm_to_px(width_mm - MARGIN_MM["left"] - MARGIN_MM["right"]),
                            "height": _mm_to_px(height_mm - MARGIN_MM["top"] - MARGIN_MM["bottom"])})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.emulate_media(media="print", color_scheme="light")
    page.goto(Path(html_path).resolve().as_uri())
    charts = page.locator(".xbdata-chart").count()
    page.wait_for_function(f"document.querySelectorAll('.xbdata-chart[data-xbdata-drawn]').length >= {charts}",
                           timeout=timeout_s * 1000)
    return page


def _print(jobs: list[tuple[Path, str]], executable: str, timeout_s: float) -> list[bytes | Exception]:
    """Each (html_path, paper) printed by one Chromium: its PDF's bytes, or the error its page met."""
    from playwright.sync_api import sync_playwright

    printed: list[bytes | Exception] = []
    with tempfile.TemporaryDirectory(prefix="xbdata-pdf-") as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=executable, headless=True,
                                                       args=chromium_args())
        try:
            for html_path, paper in jobs:
                try:
                    page = open_for_print(context, html_path, paper, timeout_s)
                    try:
                        printed.append(page.pdf(format=paper, print_background=True,
                                                margin={side: f"{mm}mm" for side, mm in MARGIN_MM.items()}))
                    finally:
                        page.close()
                except Exception as error:  # this report's alone
                    printed.append(error)
        finally:
            context.close()
    return printed
