"""Report build benchmark, in one run on one machine, each figure beside its plain alternative:

(a) `xbdata build --force` of all reports, into a fresh folder;
(b) the plain pairs run concurrently, as a user would: for each notebook `papermill` then
    `jupyter nbconvert --to html`, one background job per notebook, all started at once from one
    shell line (`( papermill … && jupyter nbconvert … ) & ( … ) & … wait`);
(b') the same pairs one after another, the figure an earlier version of this bench compared with
    (it mostly measured parallelism);
(c) a no-change `xbdata build`;
(d) one report, `xbdata report market_size -p lang zh`, against (e) its plain pair with the same
    parameter;
(f) each HTML file's size;
(h) a `--grid` sweep of GRID_VARIANTS variants of one report (`xbdata build REPORT --grid … --force`),
    against one report (d), against the same sweep with every worker and kernel started cold
    (XBDATA_WARM=0, as before the warm parent), and against its plain pairs all at once;
(i) (a) and (d) again with XBDATA_WARM=0: what the warm parent saves, figure by figure;
(g) where each report's time went: waiting for its worker (the warm parent's imports, or a cold
    worker's start), kernel start, the first cell after the parameters (imports and loading), the
    other cells, papermill's own work, export, waiting for the record after the export, and the rest;
    for (d), also the command's own time outside the job (its imports, the plan, the tables, moving
    files into place, the index and manifest), and the command's start alone (`xbdata --version`).
    For xbdata these are the worker's own measurements (the build manifest's `timings`); for a plain pair they are read
    from what papermill and nbconvert leave behind: the executed notebook's per-cell start and
    end times (papermill records them), its modification time (papermill's end) and the HTML's
    (nbconvert's end), against the moment the pair was launched. Cells come from the executed
    notebooks' papermill metadata in both cases.

Plain papermill can lose a kernel message and wait forever (papermill #711; it happened on the
concurrent pairs while this bench was written). Every run here is therefore killed after LIMIT
seconds, noted, and run again (ATTEMPTS in all); a hung attempt is never timed, and the hangs
are listed at the end with the cell each was running. xbdata's worker bounds such a cell itself
and retries with a fresh kernel, time that its figure includes.

Every run is timed on the wall clock and in CPU seconds (user + system of every process it
started and reaped, kernels included: `getrusage(RUSAGE_CHILDREN)`); on a shared machine the CPU
figure moves less with the neighbours. The load average is printed at the start and the end.

Run with `make bench`. Prints figures; asserts nothing. `bench_build.py report` runs only what
concerns one report: (d), (e), the sweep (h) and (d) cold, with their rows of (g).
"""

from __future__ import annotations

import json
import math
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from xbdata.engine.build import notebooks_dir
from xbdata.engine.manifest import MANIFEST
from xbdata.reports.parameters import REPORTS

BIN = Path(sys.executable).parent
SINGLE = "market_size"
SINGLE_PARAMS = {"lang": "zh"}
GRID = {"lang": ["zh", "en"], "growth_rate": [0.05, 0.1, 0.15]}   # six variants of SINGLE
GRID_VARIANTS = math.prod(len(values) for values in GRID.values())
COLD = {"XBDATA_WARM": "0"}
PARAMETER_TAGS = {"parameters", "injected-parameters"}


@dataclass
class Timed:
    wall: float
    cpu: float


class Hung(Exception):
    """A run that did not finish within LIMIT seconds; it was killed."""


LIMIT = 120.0   # seconds for any one run here; each takes well under 60 when it does not hang
ATTEMPTS = 3
hangs: list[str] = []  # each run that hung, killed and run again, for the report at the end


def timed(run):
    """(wall and CPU seconds, result) of `run()`; the CPU is that of the child processes it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timed(wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)), result


def attempts(label: str, run, required: bool = True):
    """`timed(run)`, run again (up to ATTEMPTS in all) when it hangs: plain papermill can lose a
    kernel message and wait forever (papermill #711), which xbdata's worker bounds with a cell timeout
    and a retry of its own. A hung attempt is killed, noted in `hangs`, and not timed. A figure that
    is not `required` (a baseline no target is measured against) is (None, None) when every attempt
    hung, so the bench goes on and says so; a required one stops the bench."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return timed(run)
        except Hung as hung:
            hangs.append(f"{label}, attempt {attempt}: {hung}")
    if required:
        raise SystemExit(f"bench_build: {label} hung {ATTEMPTS} times; see above")
    return None, None


def call(command: list[str], shell: bool = False, log: Path | None = None, env: dict | None = None) -> None:
    """Run `command` (a shell line with `shell`) in a session of its own, with `env` added to the
    environment; Hung, with the whole session killed, if it runs past LIMIT; SystemExit with its
    errors if it fails."""
    argv = ["sh", "-c", command] if shell else command
    with open(log or os.devnull, "w", encoding="utf-8") as err:
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
                                   env={**os.environ, **(env or {})})
        try:
            code = process.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # sh, papermill and nbconvert; a kernel exits with its papermill
            process.wait()
            raise Hung(f"killed after {LIMIT:.0f} s: {command if shell else shlex.join(command)}"[:300]) from None
    if code:
        detail = log.read_text(encoding="utf-8")[-2000:] if log else ""
        raise SystemExit(f"bench_build: {command if shell else shlex.join(command)} exited {code}\n{detail}")


# The plain alternative ---------------------------------------------------------------------------

def plain_pair(notebook: Path, executed: Path, params: dict | None = None, bin: Path = BIN) -> list[list[str]]:
    """The two commands a user types for one notebook: papermill into `executed`, then nbconvert on it
    (which writes `executed` with the suffix .html)."""
    papermill = [str(bin / "papermill"), "--no-progress-bar"]
    for key, value in (params or {}).items():
        papermill += ["-p", key, str(value)]
    return [[*papermill, str(notebook), str(executed)],
            [str(bin / "jupyter"), "nbconvert", "--to", "html", str(executed)]]


def plain_pairs(folder: Path, bin: Path = BIN) -> list[list[list[str]]]:
    """One plain pair per report, writing into `folder`."""
    return [plain_pair(notebooks_dir() / r.notebook, folder / r.notebook, bin=bin) for r in REPORTS.values()]


def grid_arguments(grid: dict[str, list]) -> list[str]:
    """`--grid KEY=V1,V2` for each axis of `grid`."""
    return [arg for key, values in grid.items() for arg in ("--grid", f"{key}={','.join(map(str, values))}")]


def grid_pairs(folder: Path, report: str, grid: dict[str, list], bin: Path = BIN) -> list[list[list[str]]]:
    """One plain pair per combination of `grid`, each with the rest of `SINGLE_PARAMS`, into `folder`."""
    import itertools

    notebook = notebooks_dir() / REPORTS[report].notebook
    pairs = []
    for i, combination in enumerate(itertools.product(*grid.values())):
        params = {**SINGLE_PARAMS, **dict(zip(grid, combination))}
        pairs.append(plain_pair(notebook, folder / f"{notebook.stem}-{i}.ipynb", params, bin=bin))
    return pairs


def concurrent_line(pairs: list[list[list[str]]]) -> str:
    """One shell line that starts every pair at once, each as a background job (papermill, then
    nbconvert if papermill succeeded), and waits for them all: what a user types with `&`."""
    jobs = [" && ".join(shlex.join(command) for command in pair) for pair in pairs]
    return " ".join(f"( {job} ) &" for job in jobs) + " wait"


def executed_of(pair: list[list[str]]) -> Path:
    return Path(pair[1][-1])


def html_of(pair: list[list[str]]) -> Path:
    return executed_of(pair).with_suffix(".html")


def _clear(pairs: list[list[list[str]]]) -> None:
    """Remove what an earlier (hung) attempt wrote, so a page left from it never passes for a new one."""
    for pair in pairs:
        executed_of(pair).unlink(missing_ok=True)
        html_of(pair).unlink(missing_ok=True)


def _running(pairs: list[list[list[str]]]) -> str:
    """For each pair without its page, the cell its notebook shows running (papermill saves the
    notebook as it goes): where a hung run waited."""
    notes = []
    for pair in pairs:
        if html_of(pair).exists():
            continue
        executed = executed_of(pair)
        try:
            cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError):
            notes.append(f"{executed.name}: no notebook written yet")
            continue
        running = [f"cell {i} ({(''.join(c['source']).strip().splitlines() or [''])[0][:50]})"
                   for i, c in enumerate(cells) if c["metadata"].get("papermill", {}).get("status") == "running"]
        notes.append(f"{executed.name}: {', '.join(running) or 'no cell running'}")
    return "; ".join(notes)


def run_concurrent(pairs: list[list[list[str]]], log: Path) -> list[float]:
    """Run `concurrent_line(pairs)` in sh; when each pair was launched (epoch seconds). `wait` does
    not report a job's failure, so check that every pair wrote its page and stop with sh's output
    if one did not."""
    _clear(pairs)
    launched = time.time()
    try:
        call(concurrent_line(pairs), shell=True, log=log)
    except Hung as hung:
        raise Hung(f"{hung}; {_running(pairs)}") from None
    missing = [str(html_of(p)) for p in pairs if not html_of(p).exists()]
    if missing:
        raise SystemExit(f"bench_build: the plain pairs did not write {', '.join(missing)}:\n"
                         f"{log.read_text(encoding='utf-8')[-2000:]}")
    return [launched] * len(pairs)


def run_in_turn(pairs: list[list[list[str]]]) -> list[float]:
    """Run the pairs one after another; when each was launched (epoch seconds)."""
    _clear(pairs)
    launched = []
    for pair in pairs:
        launched.append(time.time())
        try:
            for command in pair:
                call(command)
        except Hung as hung:
            raise Hung(f"{hung}; {_running([pair])}") from None
    return launched


# Where the time went -----------------------------------------------------------------------------

def _instant(text: str) -> float:
    moment = datetime.fromisoformat(text)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def cell_split(executed: Path) -> dict:
    """From papermill's per-cell metadata: the first cell after the parameters (imports and loading),
    every other cell together, and when the first cell started (epoch seconds)."""
    cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    meta = [c["metadata"].get("papermill", {}) for c in cells]
    first = next(i for i, c in enumerate(cells)
                 if c["cell_type"] == "code" and not PARAMETER_TAGS & set(c["metadata"].get("tags", [])))
    durations = [m.get("duration") or 0.0 for m in meta]
    return {"imports": durations[first], "cells": sum(durations) - durations[first],
            "first start": _instant(meta[0]["start_time"])}


def xbdata_split(out: Path) -> dict[str, dict]:
    """Each report of the build into `out`, from its worker's timings and its notebook's cells."""
    entries = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["reports"]
    rows = {}
    for name, entry in entries.items():
        t, cells = entry["timings"], cell_split(out / f"{name}.ipynb")
        rows[name] = {"total": entry["seconds"], "waiting": t.get("waiting"), "start": t["kernel start"],
                      "imports": cells["imports"], "cells": cells["cells"],
                      "papermill": t["execution"] - cells["imports"] - cells["cells"],
                      "export": t["export"], "record": t.get("record"), "rest": entry["seconds"] - sum(t.values())}
    return rows


def plain_split(pairs: list[list[list[str]]], launches: list[float]) -> dict[str, dict]:
    """Each plain pair from its launch (epoch seconds): papermill's start and the kernel's until its
    first cell, the cells, papermill's own work until it wrote the notebook, nbconvert until it
    wrote the page."""
    rows = {}
    for pair, launched in zip(pairs, launches):
        executed = executed_of(pair)
        cells, papermill_end, html_end = cell_split(executed), executed.stat().st_mtime, html_of(pair).stat().st_mtime
        start = cells["first start"] - launched
        rows[executed.stem] = {"total": html_end - launched, "waiting": None, "start": start,
                               "imports": cells["imports"], "cells": cells["cells"],
                               "papermill": papermill_end - launched - start - cells["imports"] - cells["cells"],
                               "export": html_end - papermill_end, "record": None, "rest": None}
    return rows


COLUMNS = ("total", "waiting", "start", "imports", "cells", "papermill", "export", "record", "rest")


def print_split(label: str, rows: dict[str, dict]) -> None:
    for name, row in rows.items():
        print(f"    {label:20} {name:18} " + " ".join(f"{'-':>9}" if row[c] is None else f"{row[c]:9.2f}"
                                                        for c in COLUMNS))


def line(label: str, t: Timed) -> None:
    print(f"{label:58} {t.wall:7.2f} s wall {t.cpu:7.2f} s CPU")


def ratio(label: str, a: Timed, b: Timed) -> None:
    print(f"{label:58} {a.wall / b.wall:7.2f} wall   {a.cpu / b.cpu:7.2f} CPU")


def outside(out: Path, name: str, run: Timed) -> float:
    """The command's wall time outside its report's job: its imports, the plan, the tables, moving
    files into place, the index and the manifest (what the job's own timings do not cover)."""
    return run.wall - json.loads((out / MANIFEST).read_text(encoding="utf-8"))["reports"][name]["seconds"]


def main(argv: list[str]) -> None:
    everything = argv != ["report"]
    if argv not in ([], ["report"]):
        raise SystemExit("usage: bench_build.py [report]")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours, warm, single = tmp / "ours", tmp / "warm", tmp / "single"
        together, in_turn, pair_dir = tmp / "plain-together", tmp / "plain-in-turn", tmp / "plain-single"
        for folder in (together, in_turn, pair_dir):
            folder.mkdir()
        xbdata = str(BIN / "xbdata")
        # warm the caches (Vega bundle, bytecode, page cache); untimed
        call([xbdata, "build", *([] if everything else [SINGLE]), "-o", str(warm)])

        if everything:
            a, _ = attempts("(a) xbdata build --force", lambda: call([xbdata, "build", "--force", "-o", str(ours)]))
            pairs_together, pairs_in_turn = plain_pairs(together), plain_pairs(in_turn)
            b, launches = attempts("(b) plain pairs at once",
                                   lambda: run_concurrent(pairs_together, tmp / "plain-together.log"))
            split_together = plain_split(pairs_together, launches)
            b2, launches = attempts("(b') plain pairs in turn", lambda: run_in_turn(pairs_in_turn))
            split_in_turn = plain_split(pairs_in_turn, launches)
            c, _ = attempts("(c) xbdata build", lambda: call([xbdata, "build", "-o", str(ours)]))
        params = [arg for key, value in SINGLE_PARAMS.items() for arg in ("-p", key, value)]
        d, _ = attempts("(d) xbdata report", lambda: call([xbdata, "report", SINGLE, *params, "-o", str(single)]))
        again = tmp / "single-again"
        shutil.copytree(single / "data", again / "data")
        shutil.copy(single / MANIFEST, again / MANIFEST)
        d_again, _ = attempts("(d) xbdata report, tables in place",
                              lambda: call([xbdata, "report", SINGLE, *params, "-o", str(again)]))
        version, _ = attempts("xbdata --version", lambda: call([xbdata, "--version"]))
        one_pair = [plain_pair(notebooks_dir() / REPORTS[SINGLE].notebook, pair_dir / REPORTS[SINGLE].notebook,
                               SINGLE_PARAMS)]
        e, launches = attempts("(e) plain pair", lambda: run_in_turn(one_pair))
        split_pair = plain_split(one_pair, launches)
        sweep = [xbdata, "build", SINGLE, *grid_arguments(GRID), "--force"]
        h, _ = attempts("(h) xbdata grid", lambda: call([*sweep, "-o", str(tmp / "grid")]))
        h_cold, _ = attempts("(h) xbdata grid, cold", lambda: call([*sweep, "-o", str(tmp / "grid-cold")], env=COLD))
        (tmp / "plain-grid").mkdir()
        pairs_grid = grid_pairs(tmp / "plain-grid", SINGLE, GRID)
        h_plain, _ = attempts("(h) plain grid pairs at once", lambda: run_concurrent(pairs_grid, tmp / "plain-grid.log"),
                              required=False)   # the grid's target is against one report, (d)
        if everything:
            a_cold, _ = attempts("(i) xbdata build --force, cold",
                                 lambda: call([xbdata, "build", "--force", "-o", str(tmp / "ours-cold")], env=COLD))
        d_cold, _ = attempts("(i) xbdata report, cold",
                             lambda: call([xbdata, "report", SINGLE, *params, "-o", str(tmp / "single-cold")], env=COLD))

        print(f"{len(REPORTS)} reports: {', '.join(REPORTS)}; {os.cpu_count()} cores")
        if everything:
            line("(a) xbdata build --force, all reports", a)
            line("(b) plain pairs, all at once (one job per notebook, &)", b)
            line("(b') plain pairs, one after another", b2)
            ratio("    ratio (a)/(b), against the concurrent pairs", a, b)
            ratio("    ratio (a)/(b'), against the pairs in turn", a, b2)
            line("(c) xbdata build, nothing changed", c)
        shown = " ".join(f"-p {k} {v}" for k, v in SINGLE_PARAMS.items())
        line(f"(d) xbdata report {SINGLE} {shown}", d)
        line("    the same into a folder whose tables are in place", d_again)
        line(f"(e) papermill {shown} + jupyter nbconvert, one pair", e)
        ratio("    ratio (d)/(e)", d, e)
        ratio("    ratio (d, tables in place)/(e)", d_again, e)
        print(f"    (d) outside its job: {outside(single, SINGLE, d):.2f} s wall (tables in place: "
              f"{outside(again, SINGLE, d_again):.2f}); the command's start alone (xbdata --version): "
              f"{version.wall:.2f} s wall {version.cpu:.2f} s CPU")
        grid_shown = " ".join(grid_arguments(GRID))
        line(f"(h) xbdata build {SINGLE} {grid_shown} --force ({GRID_VARIANTS} variants)", h)
        line("    the same sweep, every worker and kernel cold (XBDATA_WARM=0)", h_cold)
        if h_plain is None:
            print(f"    its {GRID_VARIANTS} plain pairs, all at once: hung {ATTEMPTS} times (papermill #711), no figure")
        else:
            line(f"    its {GRID_VARIANTS} plain pairs, all at once", h_plain)
        ratio("    ratio (h)/(d), the sweep against one report", h, d)
        ratio("    ratio (h)/(h cold)", h, h_cold)
        if h_plain is not None:
            ratio("    ratio (h)/(its plain pairs)", h, h_plain)
        if everything:
            line("(i) (a) with every worker and kernel cold (XBDATA_WARM=0)", a_cold)
            ratio("    ratio (a)/(a cold)", a, a_cold)
        line("(i) (d) with its worker and kernel cold (XBDATA_WARM=0)", d_cold)
        ratio("    ratio (d)/(d cold)", d, d_cold)
        ratio("    ratio (d cold)/(e), for comparison with (d)/(e)", d_cold, e)
        if everything:
            print("(f) HTML sizes")
            for report in REPORTS.values():
                name = report.notebook.removesuffix(".ipynb")
                ours_kb = (ours / f"{name}.html").stat().st_size / 1024
                plain_kb = (together / f"{name}.html").stat().st_size / 1024
                print(f"    {name:20} xbdata {ours_kb:8.0f} KB   plain nbconvert {plain_kb:8.0f} KB")
        print("(g) where each report's time went, wall seconds. waiting: until its worker ran (the warm parent's\n"
              "    imports, or a cold worker's start); start: until the kernel answers (xbdata, from the\n"
              "    kernel's launch) or until the first cell (plain, from the pair's launch: papermill's own start-up\n"
              "    too); imports: the first cell after the parameters; cells: the others; papermill: its own work\n"
              "    (xbdata: execution less the cells; plain: also writing the notebook and stopping the kernel);\n"
              "    export: HTML (plain: nbconvert's whole process); record: waiting for the kernel's record after\n"
              "    the export; rest: the worker's own start-up and the rest.\n"
              "    Reports built together share the cores, so their rows overlap in time.")
        print(f"    {'':20} {'report':18} " + " ".join(f"{c:>9}" for c in COLUMNS))
        if everything:
            print_split("(a) xbdata build", xbdata_split(ours))
            print_split("(b) plain, at once", split_together)
            print_split("(b') plain, in turn", split_in_turn)
        print_split("(d) xbdata report", xbdata_split(single))
        print_split("(d) tables in place", xbdata_split(again))
        print_split("(e) plain pair", split_pair)
        print_split("(h) xbdata grid", xbdata_split(tmp / "grid"))
        print_split("(i) xbdata report cold", xbdata_split(tmp / "single-cold"))
    for hung in hangs:
        print(f"hung and run again: {hung}")
    print(f"runs that hung: {len(hangs)}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main(sys.argv[1:])
