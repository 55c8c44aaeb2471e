"""Build the reports: execute each notebook with papermill, export HTML, write the index.

`build()` reads as a short list of steps, each a function below: merge the parameters, take the
output folder's lock, plan (fingerprint every input; skip what is unchanged), execute (one worker
process per report, see executors.py and worker.py), move each result into place, write the index
and record the manifest. Everything that touches the folder happens under the lock, so two builds
into one folder run one after the other and the index always matches the files.

A report that fails, in any way (a cell error, an HTML-export error, a killed worker, a kernel that
does not start or hangs), keeps the previous good `.ipynb`/`.html`, leaves `<name>.failed.ipynb`
where a notebook exists, and is named with its cause in one line.
"""

from __future__ import annotations

import hashlib
import json
import itertools
import os
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ..curate.articles import all_articles, articles_dir
from ..exceptions import Interrupted, UsageError, XbdataError
from ..iorw import CHECKOUT, write_atomic
from ..reports.parameters import REPORTS, check_parameters, get_report
from .executors import Finished, Job, get_executor
from .fingerprint import DATA_INPUTS, changed, digest, report_inputs, shared_inputs
from .index import index_language, index_page
from .manifest import MANIFEST, output_lock, read_manifest, write_manifest
from .worker import PAGE, RECORD, RUNNING

__all__ = ["MANIFEST", "Outcome", "build", "notebooks_dir"]

DEFAULT_TIMEOUT = 600.0  # seconds for one report, kernel start to exported HTML; today's take under 20
WORK = ".xbdata-work-"


def notebooks_dir() -> Path:
    """The folder of report notebooks: $XBDATA_NOTEBOOKS, else `notebooks/` beside the package's checkout."""
    folder = Path(os.environ.get("XBDATA_NOTEBOOKS") or CHECKOUT / "notebooks")
    if not folder.is_dir():
        raise UsageError(f"notebooks folder not found: {folder} (set XBDATA_NOTEBOOKS)")
    return folder


@dataclass
class Outcome:
    """What happened to one report: built, skipped, failed, cancelled, or (dry run) would build."""

    name: str
    status: str
    seconds: float
    message: str
    params: dict
    fingerprint: str
    built_at: str = ""
    timings: dict = field(default_factory=dict)


@dataclass
class Variant:
    """One output of a report: its parameter values and the file name they give."""

    name: str
    report: str
    params: dict


@dataclass
class Planned:
    """A variant the plan will run, with its checked parameter values, inputs, and why it runs."""

    name: str
    report: str
    params: dict
    inputs: dict
    reason: str


def build(names: list[str] | None = None, out_dir: str | Path = "reports", force: bool = False,
          jobs: int | None = None, params: dict[str, dict] | None = None,
          grid: dict[str, dict[str, list]] | None = None, timeout: float = DEFAULT_TIMEOUT,
          wait: bool = True, dry_run: bool = False, executor: str = "local", scheduler: str | None = None,
          progress: Callable[[str], None] = lambda _: None, force_tables: bool | None = None) -> list[Outcome]:
    """Build reports (all by default) with their parameters (defaults unless given); one Outcome each.

    `grid={report: {key: [values]}}` builds every combination as a variant of its own, named by
    `variant_name`. `wait=False` raises BuildLocked at once if another build holds the folder;
    `dry_run` only plans, writing nothing; Ctrl-C stops the workers, records what finished and
    raises Interrupted. `executor="dask"` runs the same jobs on Dask distributed (`scheduler`, or a
    LocalCluster). The tables under data/ are written when they changed or are missing, and when
    `force_tables` (default: `force`) asks for them anyway.
    """
    out = Path(out_dir)
    wanted = merge_parameters(names, params, grid)
    run = get_executor(executor, timeout, scheduler)
    if dry_run:
        skipped, todo = plan(wanted, shared_inputs(), read_manifest(out, progress), out, force)
        return skipped + [Outcome(p.name, "would build", 0.0, p.reason, p.params, digest(p.inputs)) for p in todo]
    with output_lock(out, wait, progress):
        clear_leftovers(out)
        manifest = read_manifest(out, progress)
        shared = shared_inputs()
        outcomes, todo = plan(wanted, shared, manifest, out, force)
        pending = pending_drafts()
        tables = tables_due(out, shared, manifest, force if force_tables is None else force_tables)
        outcomes += execute(todo, out, manifest, tables, jobs, run, progress)
        if pending:
            progress(f"note: {pending_notice(pending, 'en')}")
        write_index(out, manifest, pending)
        write_manifest(out, manifest)
    cancelled = [o.name for o in outcomes if o.status == "cancelled"]
    if cancelled:
        raise Interrupted(f"interrupted: {', '.join(cancelled)} not built; their previous files are kept")
    order = {v.name: i for i, v in enumerate(wanted)}
    return sorted(outcomes, key=lambda o: order[o.name])


def merge_parameters(names: list[str] | None, params: dict[str, dict] | None,
                     grid: dict[str, dict[str, list]] | None = None) -> list[Variant]:
    """Each report's defaults overlaid with the values given for it, once per combination of its grid.

    Without a grid, the output keeps the report's name (as `xbdata report` and papermill do);
    a grid's variants are named by `variant_name`.

    Every combination of a grid is checked here, before anything runs; a plain build leaves the
    check to the plan, which skips it for reports unchanged since they were last checked and built.
    """
    variants = {}
    for report in names or REPORTS:
        base = {**get_report(report).defaults(), **(params or {}).get(report, {})}
        axes = (grid or {}).get(report, {})
        for combination in itertools.product(*axes.values()):
            values = {**base, **dict(zip(axes, combination))}
            if axes:
                values = check_parameters(report, **values)
            name = variant_name(report, values) if axes else report
            variants[name] = Variant(name, report, values)
    return list(variants.values())


def variant_name(report: str, values: dict) -> str:
    """The report's name, then each parameter that differs from its default, in the report's order.

    `category_trends--market=United_States~3f2a1c--top_n=3`: stable, readable, and safe in a file
    name and a relative link; a value changed to make it so carries a short hash of the original,
    so two values never share a name. All defaults give the report's own name.
    """
    parts = [report]
    for p in get_report(report).params:
        value = values.get(p.name, p.default)
        if value == p.default and type(value) is type(p.default):
            continue
        text = "none" if value is None else str(value)
        slug = re.sub(r"[^A-Za-z0-9.+-]", "_", text)
        if slug != text:
            slug += "~" + hashlib.sha256(text.encode()).hexdigest()[:6]
        parts.append(f"{p.name}={slug}")
    return "--".join(parts)


def clear_leftovers(out: Path) -> None:
    """Remove what a build killed outright (SIGKILL, power loss) left behind; safe under the lock."""
    for path in out.glob(f"{WORK}*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in [*out.glob(".*.running.ipynb"), *out.glob(".index.html.*"), *out.glob(f"{MANIFEST}.*")]:
        path.unlink(missing_ok=True)


def plan(wanted: list[Variant], shared: dict, manifest: dict, out: Path,
         force: bool) -> tuple[list[Outcome], list[Planned]]:
    """Skip each variant whose inputs all match its last build; check the others' parameters and say why they run."""
    skipped, todo = [], []
    for name, report, values in ((v.name, v.report, v.params) for v in wanted):
        notebook = notebooks_dir() / get_report(report).notebook
        inputs = report_inputs(notebook, values, shared)
        previous = manifest["reports"].get(name, {})
        missing = [f"{name}.{ext}" for ext in ("ipynb", "html") if not (out / f"{name}.{ext}").exists()]
        # A matching fingerprint means these exact values were checked and built before.
        if previous.get("fingerprint") == digest(inputs) and not missing and not force:
            skipped.append(Outcome(name, "skipped", 0.0, "unchanged since the last build", values, digest(inputs),
                                   previous.get("built_at", "")))
            continue
        values = check_parameters(report, **values)
        inputs = report_inputs(notebook, values, shared)
        if not force and not missing and _same_statistics(report, values, previous, inputs):
            skipped.append(Outcome(name, "skipped", 0.0, f"{', '.join(changed(previous['inputs'], inputs))} "
                                   "changed, but not the statistics this report reads", values, digest(inputs),
                                   previous.get("built_at", "")))
            previous.update(inputs=inputs, fingerprint=digest(inputs))  # same rows and articles, so same sources
            continue
        if force:
            reason = "forced"
        elif not previous:
            reason = "never built here"
        elif "inputs" not in previous:
            reason = "built by an older xbdata that did not record its inputs"
        elif missing:
            reason = f"{' and '.join(missing)} missing"
        else:
            reason = "changed: " + "; ".join(changed(previous["inputs"], inputs))
        todo.append(Planned(name, report, values, inputs, reason))
    return skipped, todo


def _same_statistics(report: str, values: dict, previous: dict, inputs: dict) -> bool:
    """Whether only the articles or catalogue changed since the last build, and not the rows this report reads."""
    if "inputs" not in previous or "data" not in previous:
        return False
    what = changed(previous["inputs"], inputs)
    if not what or not set(what) <= set(DATA_INPUTS):
        return False
    try:
        return report_record(report, values)["data"] == previous["data"]
    except XbdataError:  # a catalogue that does not load: the report runs and says why
        return False


def tables_due(out: Path, shared: dict, manifest: dict, force: bool) -> str | None:
    """The tables' fingerprint if they need exporting (forced, changed or missing), else None."""
    data_print = digest(shared)
    due = force or manifest.get("data_fingerprint") != data_print or not (out / "data").is_dir()
    return data_print if due else None


def execute(todo: list[Planned], out: Path, manifest: dict, data_print: str | None, jobs: int | None,
            executor: Callable, progress: Callable[[str], None]) -> list[Outcome]:
    """Run the planned reports in workers while this process exports the tables (if `data_print`).

    Each result is moved into place as it arrives, then recorded in `manifest`.
    """
    planned = {p.name: p for p in todo}
    outcomes: list[Outcome] = []
    records: dict[str, dict | None] = {}

    def done(f: Finished) -> None:
        records[f.job.name] = _read_record(f.job.work)
        outcomes.append(place(f, out, planned[f.job.name]))
        o = outcomes[-1]
        progress(f"[{len(outcomes)}/{len(todo)}] {o.name}: {o.status} in {o.seconds:.1f}s"
                 + (f": {o.message}" if o.message else ""))

    room = Path(tempfile.mkdtemp(prefix=WORK, dir=out))
    try:
        with ThreadPoolExecutor(1) as side:
            tables = side.submit(_export_data, out, progress) if data_print else None
            if todo:
                workers = max(1, min(jobs or default_workers(), len(todo)))
                progress(f"building {len(todo)} report(s) with {workers} worker(s): "
                         + "; ".join(f"{p.name} ({p.reason})" for p in todo))
                jobs_ = [Job(p.name, p.report, notebooks_dir() / get_report(p.report).notebook, p.params, _title(p))
                         for p in todo]
                executor(workers=workers, room=room).run(jobs_, done)
            if tables:
                tables.result()
                manifest["data_fingerprint"] = data_print
    finally:
        shutil.rmtree(room, ignore_errors=True)
    record(manifest, outcomes, planned, records)
    return outcomes


def default_workers() -> int:
    """One more report than cores: a kernel waits now and then (start-up, messages), and the spare
    fills the gap. Measured on 2 cores, 3 reports forced: 18-19 s with 3 workers against 20-23 s
    with 2 (bench/bench_build.py)."""
    return (os.cpu_count() or 1) + 1


def _title(p: Planned) -> str:
    report = get_report(p.report)
    return report.title[p.params.get("lang", "en")]


def place(f: Finished, out: Path, planned: Planned) -> Outcome:
    """Move a finished worker's files into the output folder: the pair on success, the failed notebook otherwise."""
    name, work = f.job.name, f.job.work
    failed = out / f"{name}.failed.ipynb"
    message = f.message
    if f.status == "built":
        os.replace(work / PAGE, out / f"{name}.html")
        os.replace(work / RUNNING, out / f"{name}.ipynb")
        failed.unlink(missing_ok=True)
        message = f"wrote {out / (name + '.html')}"
    elif f.status == "failed" and (work / RUNNING).exists():
        os.replace(work / RUNNING, failed)
        message += f"; kept {failed}"
    built_at = datetime.now(timezone.utc).isoformat(timespec="seconds") if f.status == "built" else ""
    return Outcome(name, f.status, f.seconds, message, planned.params, digest(planned.inputs), built_at, f.timings)


def record(manifest: dict, outcomes: list[Outcome], planned: dict[str, Planned], records: dict) -> None:
    """Enter each built report in the manifest with the inputs it was built from, its sources and its data's hash."""
    for o in outcomes:
        if o.status == "built":
            known = records.get(o.name) or report_record(planned[o.name].report, o.params)
            manifest["reports"][o.name] = {"report": planned[o.name].report, "params": o.params, "inputs": planned[o.name].inputs,
                                           "fingerprint": o.fingerprint, "built_at": o.built_at,
                                           "seconds": round(o.seconds, 2), "timings": o.timings,
                                           "sources": known["sources"], "data": known["data"]}


def write_index(out: Path, manifest: dict, pending: tuple[int, int] | None = None) -> None:
    """reports/index.html for `manifest`, with the notice of `pending` (drafts, articles) in its language."""
    tables = sorted(p.name for p in (out / "data").glob("*") if p.suffix in (".csv", ".xlsx"))
    pdfs = {name for name in manifest["reports"] if (out / f"{name}.pdf").exists()}
    notice = pending_notice(pending, index_language(manifest["reports"])) if pending else ""
    page = index_page(manifest["reports"], tables, notice, pdfs)
    write_atomic(out / "index.html", lambda p: p.write_text(page, encoding="utf-8"))


def pending_drafts() -> tuple[int, int] | None:
    """(drafts, articles) while added articles have drafts awaiting review, else None: their figures
    are not in the reports until reviewed."""
    if not articles_dir().is_dir():
        return None                    # no added articles: nothing to import or read
    from ..curate.review import State  # pandas: only when there are added articles

    try:
        state = State()
    except (XbdataError, OSError, ValueError):
        return None                    # a notice, never a reason for a build to fail: check says what is wrong
    waiting = [n for n in (state.pending_count(a) for a in state.articles) if n]
    return (sum(waiting), len(waiting)) if waiting else None


# The sentence that says drafts await review, once per language (English counts in the plural).
PENDING_NOTICE = {
    "en": lambda drafts, articles: (
        f"{drafts} draft{'s' * (drafts != 1)} of {articles} added article{'s' * (articles != 1)} "
        f"await{'s' * (drafts == 1)} review, so their figures are not in these reports yet: run xbdata review"),
    "zh": lambda drafts, articles: f"新增的{articles}篇文章中有{drafts}条草稿待审核，其中的数字尚未进入这些报告：请运行 xbdata review",
}


def pending_notice(pending: tuple[int, int], lang: str) -> str:
    """The notice for `pending` (drafts, articles) in `lang`."""
    return PENDING_NOTICE[lang](*pending)


def _read_record(work: Path) -> dict | None:

    try:
        known = json.loads((work / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return known if isinstance(known, dict) and {"sources", "data"} <= set(known) else None


def _export_data(out: Path, progress: Callable[[str], None]) -> None:
    from ..curate.export import export_tables

    export_tables(out / "data")
    progress(f"wrote tables to {out / 'data'}")


def report_record(name: str, params: dict) -> dict:
    """What the manifest keeps of a report's data: the articles it drew on, each with how many of
    its statistics, and the hash of the catalogue rows it reads (`Story.data_fingerprint`)."""
    from ..reports.registry import open_report

    story = open_report(name, **params)
    used = story.statistics()
    known = all_articles()
    counts: dict[str, int] = {}
    for source in used["source"]:
        for s in source.split(";"):
            counts[s] = counts.get(s, 0) + 1
    sources = [{"id": s, "title": known[s].title, "outlet": known[s].outlet, "url": known[s].url, "statistics": n}
               for s, n in sorted(counts.items())]
    return {"sources": sources, "data": story.data_fingerprint()}

