"""Shared-report benchmark: size on disk and time until every chart is drawn, offline, in Chromium.

Each report is built once; beside it the bench writes the plain alternative, the same page with
the Vega bundle inlined as a script instead of gzipped and inflated by the browser. Both open
in Debian's headless Chromium with every non-file request aborted, five times each, in turn;
the median time from navigation to the last chart's SVG is printed with each file's size,
raw and gzipped.

Run with `make bench`. Prints a table; asserts nothing.
"""

from __future__ import annotations

import gzip
import re
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from xbdata.engine.build import build
from xbdata.engine.pdf import CHROMIUM_ARGS
from xbdata.reports.charts import vega_bundle

RUNS = 5
CHARTS = {"market_size": 3, "user_demographics": 3, "category_trends": 2}
_PACKED = re.compile(r'<script[^>]*data-xbdata="vega-libraries-gz"[^>]*>.*?</script>\s*'
                     r'<script[^>]*data-xbdata="vega-libraries"[^>]*>.*?</script>', re.S)


def plain_variant(page: str) -> str:
    """The same report with the bundle inlined uncompressed (what xbdata shipped before)."""
    bundle = vega_bundle().replace("</script", "<\\/script")
    plain, count = _PACKED.subn(lambda _: f'<script type="text/javascript">{bundle}</script>', page, count=1)
    assert count == 1, "the packed bundle was not found in the report"
    return plain


def seconds_to_draw(context, path: Path, charts: int) -> float:
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function(f"document.querySelectorAll('.xbdata-chart svg.marks').length >= {charts}", polling=5)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="xbdata-bench-report-"))
    outcomes = build(out_dir=out, force=True)
    assert all(o.status == "built" for o in outcomes), [o.message for o in outcomes]
    print(f"{'report':20} {'variant':26} {'KB':>7} {'gzip KB':>8} {'draw s (median of 5)':>21}")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path="/usr/bin/chromium",
                                                       headless=True, args=CHROMIUM_ARGS)
        for name, charts in CHARTS.items():
            packed = out / f"{name}.html"
            plain = out / f"{name}.plain.html"
            plain.write_text(plain_variant(packed.read_text(encoding="utf-8")), encoding="utf-8")
            times = {packed: [], plain: []}
            for _ in range(RUNS):
                for path in times:
                    times[path].append(seconds_to_draw(context, path, charts))
            for path, label in ((packed, "xbdata (bundle gzipped)"), (plain, "plain (bundle inlined)")):
                data = path.read_bytes()
                print(f"{name:20} {label:26} {len(data) / 1024:7.0f} {len(gzip.compress(data)) / 1024:8.0f} "
                      f"{statistics.median(times[path]):21.3f}")
        context.close()


if __name__ == "__main__":
    main()
