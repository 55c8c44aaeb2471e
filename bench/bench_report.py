"""Shared-report benchmark: size on disk and time until every chart is drawn, cold, offline, in Chromium.

Each report is built once; beside it the bench writes the plain alternative, the same page with
the Vega bundle inlined as a script instead of gzipped and inflated by the browser. Both open in
Debian's headless Chromium with every non-file request aborted, five times each, in turn, each
time in a browser started afresh with an empty profile (cold: nothing compiled or cached by an
earlier open). Printed for each: the file's size, raw and gzipped; the median time from
navigation until every chart's SVG marks exist, as the harness sees it; and, by the page's own
clock from navigation, the median time at which Vega was ready to draw (inflated and run; the
mark `xbdata-vega-ready`) and at which every chart had drawn (`data-xbdata-drawn`, set once a
chart's view has run and its buttons are wired). Beside them, from one more cold open each time
with Chromium's trace on, the CPU time the page's main thread spent until every chart's marks
existed: on a machine other work shares, wall times follow the load, this follows the page.

Run with `make bench`. Prints a table; asserts nothing.
"""

from __future__ import annotations

import gzip
import json
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
# The page's clock when each chart says it is drawn; the last of them is when every chart was.
_DRAWN_AT = """() => {
  const drawn = Array.from(document.querySelectorAll('.xbdata-chart'))
    .map(el => new Promise(done => {
      const check = () => el.hasAttribute('data-xbdata-drawn') ? done(performance.now()) : setTimeout(check, 5);
      check();
    }));
  return Promise.all(drawn).then(times => Math.max(...times));
}"""


def plain_variant(page: str) -> str:
    """The same report with the bundle inlined uncompressed as a script."""
    bundle = vega_bundle().replace("</script", "<\\/script")
    plain, count = _PACKED.subn(lambda _: f'<script type="text/javascript">{bundle}</script>', page, count=1)
    assert count == 1, "the packed bundle was not found in the report"
    return plain


def open_cold(playwright, path: Path, charts: int) -> tuple[float, float | None, float]:
    """Seconds from navigation until `charts` charts' marks exist (the harness's clock), then, by the
    page's clock, when Vega was ready (None where the page has no such mark) and when all had drawn."""
    context = playwright.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path="/usr/bin/chromium",
                                                           headless=True, args=CHROMIUM_ARGS)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function(f"document.querySelectorAll('.xbdata-chart svg.marks').length >= {charts}", polling=5)
    elapsed = time.perf_counter() - start
    ready = page.evaluate("(performance.getEntriesByName('xbdata-vega-ready')[0] || {}).startTime ?? null")
    drawn = page.evaluate(_DRAWN_AT)
    context.close()
    return elapsed, ready / 1000 if ready is not None else None, drawn / 1000


def main_thread_cpu(playwright, path: Path, charts: int) -> float:
    """Seconds of CPU the renderer's main thread spent (its trace's tasks) from navigation until
    `charts` charts' marks exist, in a fresh browser."""
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto("about:blank")
    trace = Path(tempfile.mkdtemp()) / "trace.json"
    browser.start_tracing(page=page, path=str(trace),
                          categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
    page.goto(path.as_uri())
    page.wait_for_function(f"document.querySelectorAll('.xbdata-chart svg.marks').length >= {charts}", polling=5)
    browser.stop_tracing()
    browser.close()
    events = json.loads(trace.read_text(encoding="utf-8"))["traceEvents"]
    mains = {(e["pid"], e["tid"]) for e in events
             if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"}
    spent = {thread: 0.0 for thread in mains}
    for e in events:
        if (e.get("pid"), e.get("tid")) in spent and e.get("ph") == "X" and e.get("name") == "RunTask":
            spent[(e["pid"], e["tid"])] += e.get("tdur", 0) / 1e6
    return max(spent.values(), default=0.0)   # the renderer of the report, not about:blank's


def _median(values) -> str:
    values = [v for v in values if v is not None]
    return f"{statistics.median(values):.3f}" if values else "-"


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="xbdata-bench-report-"))
    outcomes = build(out_dir=out, force=True)
    assert all(o.status == "built" for o in outcomes), [o.message for o in outcomes]
    print(f"{'report':20} {'variant':26} {'KB':>7} {'gzip KB':>8} {'marks s':>8} {'Vega ready s':>13} "
          f"{'drawn s':>8} {'main CPU s':>11}   (medians of {RUNS} cold opens)")
    with sync_playwright() as p:
        for name, charts in CHARTS.items():
            packed = out / f"{name}.html"
            plain = out / f"{name}.plain.html"
            plain.write_text(plain_variant(packed.read_text(encoding="utf-8")), encoding="utf-8")
            runs = {packed: [], plain: []}
            cpu = {packed: [], plain: []}
            for _ in range(RUNS):
                for path in runs:
                    runs[path].append(open_cold(p, path, charts))
                    cpu[path].append(main_thread_cpu(p, path, charts))
            for path, label in ((packed, "xbdata (bundle gzipped)"), (plain, "plain (bundle inlined)")):
                data = path.read_bytes()
                marks, ready, drawn = zip(*runs[path])
                print(f"{name:20} {label:26} {len(data) / 1024:7.0f} {len(gzip.compress(data)) / 1024:8.0f} "
                      f"{_median(marks):>8} {_median(ready):>13} {_median(drawn):>8} {_median(cpu[path]):>11}")


if __name__ == "__main__":
    main()
