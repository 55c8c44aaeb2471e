"""Build the reports: execute each notebook with papermill, export HTML, write the index.

Reports run concurrently, one process each, up to the machine's cores. Every file is written
atomically, and a report that fails leaves the previous good `.ipynb`/`.html` in place, keeps the
failed notebook as `<name>.failed.ipynb` and names the failing cell. A report whose notebook,
parameters, catalogue, seeds and xbdata code are unchanged since its last build is skipped.
"""

from __future__ import annotations

import hashlib
import html
import json
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from . import __version__
from .exceptions import UsageError
from .iorw import write_atomic
from .parameters import check_parameters, get_report
from .seeds import data_path, seeds_dir

MANIFEST = ".xbdata-build.json"
PACKAGE = Path(__file__).resolve().parent


def notebooks_dir() -> Path:
    """The folder of report notebooks: $XBDATA_NOTEBOOKS, else `notebooks/` beside the package's checkout."""
    folder = Path(os.environ.get("XBDATA_NOTEBOOKS") or PACKAGE.parent / "notebooks")
    if not folder.is_dir():
        raise UsageError(f"notebooks folder not found: {folder} (set XBDATA_NOTEBOOKS)")
    return folder


@dataclass
class Outcome:
    """What happened to one report."""

    name: str
    status: str  # built, skipped or failed
    seconds: float
    message: str
    params: dict
    fingerprint: str
    built_at: str = ""


def _hash_files(paths: list[Path], digest) -> None:
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())


def inputs_fingerprint() -> str:
    """Hash of what every report reads: catalogue, exclusions, seeds, and xbdata's own code and version."""
    digest = hashlib.sha256(__version__.encode())
    _hash_files([data_path("catalogue.csv"), data_path("exclusions.csv"), *seeds_dir().glob("*"),
                 *PACKAGE.glob("*.py"), *PACKAGE.glob("templates/xbdata/*")], digest)
    return digest.hexdigest()


def fingerprint(name: str, params: dict, inputs: str) -> str:
    digest = hashlib.sha256(inputs.encode())
    digest.update((notebooks_dir() / get_report(name).notebook).read_bytes())
    digest.update(json.dumps(params, sort_keys=True).encode())
    return digest.hexdigest()


def _failed_cell(notebook_path: Path) -> str:
    """'cell In [N] (first line)' for the first cell with an error output, as Jupyter numbers it."""
    import nbformat

    try:
        nb = nbformat.read(notebook_path, as_version=4)
    except Exception:
        return "an unknown cell"
    for cell in nb.cells:
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            return f"cell In [{cell.get('execution_count')}] ({first[:60]})"
    return "an unknown cell"


CELL_TIMEOUT = 120  # seconds; a report cell takes under 10 s, a lost kernel message forever


def _execute_with_retry(pm, notebook: Path, output: Path, params: dict) -> None:
    """papermill, with a cell timeout so a lost kernel message cannot hang a build, and one retry if it fires."""
    from nbclient.exceptions import CellTimeoutError

    for attempt in (1, 2):
        try:
            pm.execute_notebook(str(notebook), str(output), parameters=params, progress_bar=False, log_output=False,
                                cwd=str(notebook.parent), execution_timeout=CELL_TIMEOUT, start_timeout=120)
            return
        except (CellTimeoutError, TimeoutError):
            if attempt == 2:
                raise


def execute_report(name: str, params: dict, out_dir: str, digest: str) -> Outcome:
    """Run one report in this process: papermill, then HTML; writes only on success."""
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from .html import notebook_to_html

    start = time.perf_counter()
    report = get_report(name)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    running = out / f".{name}.running.ipynb"
    failed = out / f"{name}.failed.ipynb"
    try:
        _execute_with_retry(pm, notebooks_dir() / report.notebook, running, params)
    except PapermillExecutionError as error:
        os.replace(running, failed)
        evalue = str(error.evalue).splitlines()[0] if str(error.evalue) else ""
        message = f"{_failed_cell(failed)} raised {error.ename}: {evalue}; kept {failed}"
        return Outcome(name, "failed", time.perf_counter() - start, message, params, digest)
    except Exception as error:  # the kernel died or papermill could not start it
        if running.exists():
            os.replace(running, failed)
        return Outcome(name, "failed", time.perf_counter() - start,
                       f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}", params, digest)
    notebook = nbformat.read(running, as_version=4)
    title = report.title_zh if params.get("lang") == "zh" else report.title_en
    page = notebook_to_html(notebook, title)
    write_atomic(out / f"{name}.html", lambda p: p.write_text(page, encoding="utf-8"))
    os.replace(running, out / f"{name}.ipynb")
    if failed.exists():
        failed.unlink()
    built_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return Outcome(name, "built", time.perf_counter() - start, f"wrote {out / (name + '.html')}", params,
                   digest, built_at)


def _read_manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def build(names: list[str] | None = None, out_dir: str | Path = "reports", force: bool = False,
          jobs: int | None = None, params: dict[str, dict] | None = None,
          progress: Callable[[str], None] = lambda _: None) -> list[Outcome]:
    """Build reports (all by default) with their parameters (defaults unless given); returns one Outcome each."""
    from .parameters import REPORTS

    out = Path(out_dir)
    names = list(names or REPORTS)
    given = {n: {**get_report(n).defaults(), **(params or {}).get(n, {})} for n in names}
    inputs = inputs_fingerprint()
    manifest = _read_manifest(out)
    outcomes, todo = [], []
    for name, values in given.items():
        digest = fingerprint(name, values, inputs)
        previous = manifest.get("reports", {}).get(name, {})
        fresh = previous.get("fingerprint") == digest and all((out / f"{name}.{ext}").exists() for ext in ("ipynb", "html"))
        # A matching fingerprint means these exact values were validated and built before.
        if fresh and not force:
            outcomes.append(Outcome(name, "skipped", 0.0, "unchanged since the last build", values, digest,
                                    previous.get("built_at", "")))
            progress(f"{name}: unchanged, skipped (--force rebuilds)")
        else:
            values = check_parameters(name, **values)
            todo.append((name, values, fingerprint(name, values, inputs)))
    data_print = hashlib.sha256(inputs.encode()).hexdigest()
    export_data = force or manifest.get("data_fingerprint") != data_print or not (out / "data").is_dir()
    sources = {}
    if todo:
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        progress(f"building {len(todo)} report(s) with {workers} worker(s)")
        # A fresh spawned process per report: a forked worker reused for a second kernel was seen to hang.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, max_tasks_per_child=1) as pool:
            futures = [pool.submit(execute_report, n, v, str(out), f) for n, v, f in todo]
            # While the kernels run, this process does its own share of the work.
            if export_data:
                _export_data(out, progress)
                export_data = False
            sources = {n: report_sources(n, v) for n, v, _ in todo}
            for done, future in enumerate(as_completed(futures), 1):
                outcome = future.result()
                outcomes.append(outcome)
                progress(f"[{done}/{len(todo)}] {outcome.name}: {outcome.status} in {outcome.seconds:.1f}s: {outcome.message}")
    if export_data:
        _export_data(out, progress)
    entries = dict(manifest.get("reports", {}))
    for o in outcomes:
        if o.status == "built":
            entries[o.name] = {**asdict(o), "sources": sources[o.name]}
    if any(o.status == "built" for o in outcomes) or not (out / "index.html").exists():
        write_atomic(out / "index.html", lambda p: p.write_text(index_page(entries), encoding="utf-8"))
    write_atomic(out / MANIFEST, lambda p: p.write_text(json.dumps(
        {"reports": entries, "data_fingerprint": data_print}, ensure_ascii=False, indent=1), encoding="utf-8"))
    order = {n: i for i, n in enumerate(names)}
    return sorted(outcomes, key=lambda o: order[o.name])


def _export_data(out: Path, progress: Callable[[str], None]) -> None:
    from .export import export_tables

    export_tables(out / "data")
    progress(f"wrote tables to {out / 'data'}")


def report_sources(name: str, params: dict) -> list[dict]:
    """The articles a report drew on, with how many of its statistics each gave."""
    from .seeds import articles
    from .story import open_report

    used = open_report(name, **params).statistics()
    known = articles()
    counts: dict[str, int] = {}
    for source in used["source"]:
        for s in source.split(";"):
            counts[s] = counts.get(s, 0) + 1
    return [{"id": s, "title": known[s].title, "outlet": known[s].outlet, "url": known[s].url, "statistics": n}
            for s, n in sorted(counts.items())]


def index_page(entries: dict) -> str:
    """reports/index.html: each report with its parameters, build time and sources."""
    rows = []
    for name, e in entries.items():
        report = get_report(name)
        params = ", ".join(f"<code>{html.escape(k)}={html.escape(repr(v))}</code>" for k, v in e["params"].items())
        sources = "".join(
            f"<li>{html.escape(s['outlet'])}《{html.escape(s['title'])}》 ({s['statistics']})"
            + (f' <a href="{html.escape(s["url"])}">{html.escape(s["url"])}</a>' if s["url"] else "") + "</li>"
            for s in e.get("sources", []))
        rows.append(
            f"<section><h2><a href='{name}.html'>{html.escape(report.title_en)} · {html.escape(report.title_zh)}</a></h2>"
            f"<p>{params}</p><p>Built {html.escape(e.get('built_at', ''))} in {e.get('seconds', 0):.1f}s · "
            f"<a href='{name}.ipynb'>notebook</a></p><p>Sources (statistics used):</p><ul>{sources}</ul></section>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>xbdata reports</title>"
            "<style>body{font-family:'Noto Sans CJK SC',system-ui,sans-serif;max-width:900px;margin:2em auto;}"
            "code{background:#f4f4f4;padding:0 3px}</style></head><body><h1>xbdata reports · 跨境电商数据报告</h1>"
            "<p>Each report opens offline; every number cites its article. Tables: "
            "<a href='data/xbdata_tables.xlsx'>Excel</a>, <a href='data/statistics.csv'>CSV</a>.</p>"
            + "".join(rows) + "</body></html>")
