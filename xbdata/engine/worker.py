"""Run one report in a process of its own: start its kernel, execute the notebook, export the HTML.

The build starts one worker per report (`python -m xbdata.engine.worker JOB.json`) in a session of its
own, so Ctrl-C reaches only the build, which stops workers itself. A worker writes nothing into
the output folder: everything goes to its work folder (the executed notebook, the page, its
kernel's pid and log, what it is doing now, and a result.json at the end), and the build moves the
files into place. So a worker killed at any moment, by the OOM killer or a timeout, leaves the
previous good files untouched, and the build can still say what it was doing when it died.

The kernel talks over IPC (Unix sockets in a private folder), not TCP: no "running over TCP
without encryption" warning, and no two kernels racing for the same free port (papermill #511).
Its own output goes to kernel.log, not the terminal.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

RESULT = "result.json"
STATE = "state"        # what the worker is doing now: for a timeout's message
KERNEL_PID = "kernel.pid"
KERNEL_LOG = "kernel.log"
RUNNING = "running.ipynb"
PAGE = "page.html"
RECORD = "record.json"  # the articles the report drew on and its data's hash, as its kernel worked them out
CELL_TIMEOUT = 120      # seconds; a report cell takes under 10 s, a lost kernel message forever


def _say(work: Path, state: str) -> None:
    (work / STATE).write_text(state, encoding="utf-8")


@contextmanager
def kernel(name: str, work: Path, sockets: Path, cwd: Path) -> Iterator:
    """A kernel started over IPC, its pid recorded for the build, always shut down afterwards."""
    from jupyter_client.manager import KernelManager

    # The connection file lives with the sockets, so the build removes both whatever happens here.
    km = KernelManager(kernel_name=name, transport="ipc", ip=str(sockets / "kernel"),
                       connection_file=str(sockets / "kernel.json"))
    with open(work / KERNEL_LOG, "ab") as log:
        km.start_kernel(stdout=log, stderr=log, cwd=str(cwd))
    pid = getattr(km.provisioner, "pid", None)
    if pid:
        (work / KERNEL_PID).write_text(str(pid), encoding="ascii")
    try:
        yield km
    finally:
        try:
            km.shutdown_kernel(now=True)
        except Exception:  # already dead: nothing left to stop
            pass
        km.cleanup_resources()


def wait_ready(km, timeout: float) -> None:
    """Wait until the kernel answers; a kernel that died or never answers raises RuntimeError."""
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=timeout)
    finally:
        client.stop_channels()


def _failed_cell(nb) -> str:
    """'cell In [N] (first line)' for the first cell with an error output, as Jupyter numbers it."""
    for cell in nb.cells:
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            return f"cell In [{cell.get('execution_count')}] ({first[:60]})"
    return "an unknown cell"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0]}" if text else type(error).__name__


def _kernel_name(notebook: Path) -> str:
    meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    return meta.get("kernelspec", {}).get("name") or "python3"


def execute(job: dict, work: Path, timings: dict) -> str | None:
    """Execute the notebook into work/running.ipynb; None on success, else why it failed.

    A cell that times out (a kernel message lost, papermill #711) is retried once with a fresh
    kernel; the build's per-report timeout bounds the whole.
    """
    notebook = Path(job["notebook"])
    name = _kernel_name(notebook)
    for attempt in (1, 2):
        _say(work, f"starting kernel {name}")
        start = time.perf_counter()
        try:
            with kernel(name, work, Path(job["sockets"]), notebook.parent) as km:
                cause = _papermill(job, work, km, name, start, timings)
        except Exception as error:  # no such kernel, or it could not be launched
            return f"kernel {name} did not start: {_first_line(error)}"
        if cause != "retry":
            return cause
    return f"a cell did not finish in {CELL_TIMEOUT} s, twice"


def _papermill(job: dict, work: Path, km, name: str, start: float, timings: dict) -> str | None:
    """Run papermill on the started kernel `km`: None, the cause of failure, or 'retry' after a cell timeout."""
    # The kernel boots while this process imports papermill.
    import nbformat
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    try:
        wait_ready(km, job["start_timeout"])
    except RuntimeError as error:
        return f"kernel {name} did not start: {_first_line(error)}"
    timings["kernel start"] = time.perf_counter() - start
    _say(work, "executing")
    start = time.perf_counter()
    notebook = Path(job["notebook"])
    try:
        pm.execute_notebook(str(notebook), str(work / RUNNING), parameters=job["params"], km=km, kernel_name=name,
                            progress_bar=False, log_output=False, cwd=str(notebook.parent),
                            execution_timeout=CELL_TIMEOUT, start_timeout=job["start_timeout"])
    except PapermillExecutionError as error:
        evalue = str(error.evalue).splitlines()[0] if str(error.evalue) else ""
        return f"{_failed_cell(nbformat.read(work / RUNNING, as_version=4))} raised {error.ename}: {evalue}"
    except CellTimeoutError:
        return "retry"
    except Exception as error:  # the kernel died mid-run
        return f"kernel {name} failed while executing: {_first_line(error)}"
    timings["execution"] = time.perf_counter() - start
    _record(km, job, work)
    return None


def _record(km, job: dict, work: Path) -> None:
    """Ask the kernel, which has xbdata and pandas loaded already, which articles the report drew on
    and the hash of the rows it reads.

    Asked here it costs milliseconds; the build would otherwise import pandas and Altair itself.
    If the kernel cannot say, the build works it out.
    """
    code = ("import json as _xbdata_json\nfrom xbdata.engine.build import report_record as _xbdata_record\n"
            f"print(_xbdata_json.dumps(_xbdata_record({job['report']!r}, _xbdata_json.loads({json.dumps(job['params'])!r}))))")
    printed = []

    def hook(msg):
        if msg["msg_type"] == "stream" and msg["content"].get("name") == "stdout":
            printed.append(msg["content"]["text"])

    client = km.client()
    client.start_channels()
    try:
        reply = client.execute_interactive(code, timeout=60, output_hook=hook, store_history=False)
        if reply["content"]["status"] == "ok":
            (work / RECORD).write_text("".join(printed), encoding="utf-8")
    except Exception:  # a timeout or a dead kernel: the build will work it out
        pass
    finally:
        client.stop_channels()


def export(job: dict, work: Path, timings: dict) -> str | None:
    """The executed notebook as one offline HTML page in work/page.html; None on success, else why not."""
    import nbformat

    from .html import notebook_to_html

    _say(work, "exporting HTML")
    start = time.perf_counter()
    try:
        page = notebook_to_html(nbformat.read(work / RUNNING, as_version=4), job["title"])
    except Exception as error:  # a template or an output nbconvert cannot render
        return f"HTML export failed: {_first_line(error)}"
    (work / PAGE).write_text(page, encoding="utf-8")
    timings["export"] = time.perf_counter() - start
    return None


def run(job: dict) -> dict:
    """Execute and export one report; the result the build reads."""
    work = Path(job["work"])
    timings: dict[str, float] = {}
    cause = execute(job, work, timings) or export(job, work, timings)
    return {"status": "failed" if cause else "built", "message": cause or "", "timings": timings}


def stop_kernel(work: Path) -> None:
    """Kill the kernel recorded in `work` (a session leader, so its whole group), if it still runs."""
    try:
        os.killpg(int((work / KERNEL_PID).read_text(encoding="ascii")), signal.SIGKILL)
    except (OSError, ValueError):
        pass


def _stop_when_orphaned(work: Path) -> None:
    """If the build dies (SIGKILL, a lost Dask worker), kill the kernel and exit rather than run on unseen."""
    parent = os.getppid()

    def poll() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        stop_kernel(work)
        os._exit(1)

    threading.Thread(target=poll, daemon=True).start()


def main(argv: list[str]) -> int:
    # jsonschema, which nbformat imports, compiles a grammar at import time for the "iri" format
    # checker if rfc3987_syntax is installed (JupyterLab's dependencies install it): 1.7 s of CPU per
    # worker, measured. No notebook schema uses that format, so a worker goes without it.
    sys.modules.setdefault("rfc3987_syntax", None)
    job = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    work = Path(job["work"])
    _stop_when_orphaned(work)
    result = run(job)
    tmp = work / (RESULT + ".tmp")
    tmp.write_text(json.dumps(result), encoding="utf-8")
    tmp.replace(work / RESULT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
