"""Report build benchmark, in one run on one machine:

(a) `xbdata build --force` of all reports;
(b) the plain sequence a user would otherwise type: `papermill` then `jupyter nbconvert --to html`
    for each notebook, one after the other;
(c) a no-change `xbdata build`;
(d) each HTML file's size;
(e) where (a)'s time went, per report, as its worker measured it: kernel start (launch until the
    kernel answers), execution (papermill), export (nbconvert); the rest of (a) is the build's own
    start-up and planning, and waiting for a free worker. Both carry the chart libraries once, because the notebooks embed them
    in their first output; plain nbconvert's file also has require.js and MathJax script tags
    that point at a CDN, and the live-only widget cells, which draw nothing without a kernel.

Run with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xbdata.engine.build import notebooks_dir
from xbdata.engine.manifest import MANIFEST
from xbdata.reports.parameters import REPORTS

BIN = Path(sys.executable).parent


def timed(commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ours, plain = Path(tmp) / "ours", Path(tmp) / "plain"
        plain.mkdir()
        timed([[str(BIN / "xbdata"), "build", "-o", str(ours)]])  # warm caches (vega bundle, bytecode)
        a = timed([[str(BIN / "xbdata"), "build", "--force", "-o", str(ours)]])
        steps = []
        for report in REPORTS.values():
            executed = plain / report.notebook
            steps.append([str(BIN / "papermill"), "--no-progress-bar", str(notebooks_dir() / report.notebook), str(executed)])
            steps.append([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)])
        b = timed(steps)
        c = timed([[str(BIN / "xbdata"), "build", "-o", str(ours)]])
        print(f"{'(a) xbdata build --force, all reports':52} {a:7.2f} s")
        print(f"{'(b) papermill + jupyter nbconvert, each in turn':52} {b:7.2f} s")
        print(f"{'    ratio (a)/(b)':52} {a / b:7.2f}")
        print(f"{'(c) xbdata build, nothing changed':52} {c:7.2f} s")
        print("(d) HTML sizes")
        for report in REPORTS.values():
            name = report.notebook.removesuffix(".ipynb")
            ours_kb = (ours / f"{name}.html").stat().st_size / 1024
            plain_kb = (plain / f"{name}.html").stat().st_size / 1024
            print(f"    {name:20} xbdata {ours_kb:8.0f} KB   plain nbconvert {plain_kb:8.0f} KB")
        print("(e) where (a)'s time went, per report (reports run concurrently, so these overlap)")
        entries = json.loads((ours / MANIFEST).read_text(encoding="utf-8"))["reports"]
        for name, entry in entries.items():
            split = "   ".join(f"{k} {v:5.2f} s" for k, v in entry["timings"].items())
            print(f"    {name:20} {entry['seconds']:6.2f} s: {split}")


if __name__ == "__main__":
    main()
