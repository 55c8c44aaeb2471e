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

Started warm (`python -m xbdata.engine.worker --warm`, where the platform can fork), one process
imports what every worker and kernel needs (papermill, nbconvert, ipykernel, pandas, Altair,
xbdata) once, and forks a worker for each job; that worker forks its kernel in turn instead of
starting a fresh Python. So a kernel starts with its imports done, and six variants of a report
pay for them once, not six times. A forked kernel holds nothing of another report's: it is a copy
of a parent that has only imported modules and read the Vega bundle, never run a notebook. Each
forked worker is a session leader with the same files, and its kernel a child of its own, so
every way a worker or kernel can end is seen and handled exactly as for a cold start.

A worker uses the second core while its kernel works: where a core is idle (fewer workers than
cores, as for one report) it rehearses the export on a one-cell notebook during the cells, so the
report's own export finds everything compiled; and during the export the kernel works out the
report's record.
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import threading
import time
import traceback
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

RESULT = "result.json"
STATE = "state"        # what the worker is doing now: for a timeout's message
KERNEL_PID = "kernel.pid"
KERNEL_LOG = "kernel.log"
RUNNING = "running.ipynb"
PAGE = "page.html"
RECORD = "record.json"  # the articles the report drew on and its data's hash, as its kernel worked them out
CELL_TIMEOUT = 120      # seconds; a report cell takes under 10 s, a lost kernel message forever
WARM = "--warm"         # the argument that starts the warm parent
NATIVE_KERNEL = "python3"  # jupyter_client's name for this Python's own ipykernel
# What the warm parent imports before it forks: the kernel's side first (xbdata's charts put their
# stand-in for rfc3987_syntax in place before Altair imports jsonschema), then the worker's.
WARM_IMPORTS = ("xbdata", "xbdata.reports.registry", "xbdata.reports.charts", "pandas", "altair",
                "IPython.display", "ipykernel.kernelapp",
                "nbformat", "papermill", "nbclient", "jupyter_client.manager", "xbdata.engine.html")
_forked = False         # True in a worker forked from the warm parent: its kernel is forked too


def _say(work: Path, state: str) -> None:
    (work / STATE).write_text(state, encoding="utf-8")


@contextmanager
def kernel(name: str, work: Path, sockets: Path, cwd: Path) -> Iterator:
    """A kernel started over IPC, its pid recorded for the build, always shut down afterwards."""
    from jupyter_client.manager import KernelManager

    # The connection file lives with the sockets, so the build removes both whatever happens here.
    km = KernelManager(kernel_name=name, transport="ipc", ip=str(sockets / "kernel"),
                       connection_file=str(sockets / "kernel.json"))
    if _forked and _native(km):
        km.kernel_id = km.kernel_id or str(uuid.uuid4())
        km.provisioner = _forking_provisioner()(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
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


def _native(km) -> bool:
    """Whether the kernel `km` would start is this Python's own ipykernel, which a fork can stand in for."""
    spec = km.kernel_spec
    names = {"python", f"python{sys.version_info[0]}", f"python{sys.version_info[0]}.{sys.version_info[1]}",
             sys.executable}
    return (len(spec.argv) > 3 and spec.argv[0] in names and spec.argv[1:3] == ["-m", "ipykernel_launcher"]
            and "kernel_provisioner" not in spec.metadata)


class _Child:
    """A forked child, seen the way jupyter_client sees a kernel's Popen."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                self.returncode = -signal.SIGKILL
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        while self.poll() is None:
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _forking_provisioner():
    """jupyter_client's local provisioner, but the kernel is this process forked, not a new Python."""
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ForkingProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs):
            pid = os.fork()
            if pid == 0:
                _be_kernel(cmd[3:], kwargs)
            self.process, self.pid, self.pgid = _Child(pid), pid, pid
            self.cwd = kwargs.get("cwd")
            return self.connection_info

    return ForkingProvisioner


def _be_kernel(argv: list[str], launch: dict) -> None:
    """In the forked child: become what `python -m ipykernel_launcher ARGV` would be, with the
    launch's files, folder and environment; never return into the worker."""
    code = 1
    try:
        os.setsid()  # a session of its own, as jupyter_client starts a kernel
        import asyncio

        asyncio.events._set_running_loop(None)  # forked inside jupyter_client's loop: the kernel runs its own
        asyncio.set_event_loop(asyncio.new_event_loop())
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
            signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for stream, fd in ((launch.get("stdout"), 1), (launch.get("stderr"), 2)):
            if stream is not None:
                os.dup2(stream.fileno(), fd)
        if launch.get("cwd"):
            os.chdir(launch["cwd"])
        env = dict(os.environ if launch.get("env") is None else launch["env"])
        env["JPY_PARENT_PID"] = str(os.getppid())  # as jupyter_client's launcher sets it: the kernel exits with its worker
        os.environ.clear()
        os.environ.update(env)
        sys.argv = [sys.executable, *argv]
        from ipykernel.kernelapp import IPKernelApp

        # Its parent_handle default read JPY_PARENT_PID when the warm parent imported it: given here.
        IPKernelApp.launch_instance(argv=argv, parent_handle=int(env["JPY_PARENT_PID"]))
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:
        os.write(2, traceback.format_exc().encode("utf-8", "replace"))  # fd 2: the kernel may have replaced sys.stderr
    finally:
        _exit_flushed(code)


def _exit_flushed(code: int) -> None:
    """End a forked child: its output flushed, then out at once (no atexit handlers of the parent it copied)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


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
    return meta.get("kernelspec", {}).get("name") or NATIVE_KERNEL


def forkable(notebook: Path) -> bool:
    """Whether `notebook` asks for Python's own kernel, which a worker forked from the warm parent
    can fork (it still checks the kernelspec, and launches any other as usual); False if it cannot be read."""
    try:
        return _kernel_name(notebook) == NATIVE_KERNEL
    except (OSError, ValueError, AttributeError):
        return False


def execute(job: dict, work: Path, timings: dict) -> str | None:
    """Execute the notebook into work/running.ipynb and export it to work/page.html; None on
    success, else why it failed.

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
                if cause is None:
                    return _record(km, job, work, timings, lambda: export(job, work, timings))
        except _Escaped as escaped:  # the export's own error, not the kernel's: raised as before
            raise escaped.error
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
    rehearsal = threading.Thread(target=_rehearse_export if job.get("rehearse") else lambda: None, daemon=True)
    rehearsal.start()
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
    finally:
        rehearsal.join()  # before a retry forks a kernel again, and before the export
    timings["execution"] = time.perf_counter() - start
    return None


def _rehearse_export() -> None:
    """Export a one-cell notebook while the kernel executes the report, on the core the kernel leaves
    idle: what the export imports and compiles on first use (nbconvert's filters, the notebook
    schema's validator, CSS selectors, patterns) is then ready when the report's own page is made,
    which takes half as long. Its page is thrown away; its failure is the real export's to report.
    Only where a core is idle (the job says so): with every core busy, it would cost more than it saves."""
    import nbformat

    from .html import notebook_to_html

    try:
        notebook_to_html(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("xbdata")]))
    except Exception:
        pass


def _record(km, job: dict, work: Path, timings: dict, meanwhile: Callable[[], str | None]) -> str | None:
    """Ask the kernel, which has xbdata and pandas loaded already, which articles the report drew on
    and the hash of the rows it reads, and run `meanwhile` (the export) while it works; what
    `meanwhile` returns.

    Asked here it costs the kernel a fraction of a second, on the other core while this process
    exports; the build would otherwise import pandas and Altair itself. If the kernel cannot say,
    the build works it out.
    """
    code = ("import json as _xbdata_json\nfrom xbdata.engine.build import report_record as _xbdata_record\n"
            f"print(_xbdata_json.dumps(_xbdata_record({job['report']!r}, _xbdata_json.loads({json.dumps(job['params'])!r}))))")
    printed: list[str] = []
    client = km.client()
    client.start_channels()
    try:
        try:
            asked = client.execute(code, store_history=False)
        except Exception:  # a dead kernel: the build will work it out
            asked = None
        try:
            cause = meanwhile()
        except Exception as error:
            raise _Escaped(error) from error
        start = time.perf_counter()   # "record": what the build waits for the answer after the export
        if asked is not None and cause is None:
            try:
                if _answer(client, asked, printed, time.monotonic() + 60) == "ok":
                    (work / RECORD).write_text("".join(printed), encoding="utf-8")
            except Exception:  # a timeout or a dead kernel: the build will work it out
                pass
            timings["record"] = time.perf_counter() - start
        return cause
    finally:
        client.stop_channels()


class _Escaped(Exception):
    """An error of the export, run while the kernel is up, carried past the kernel's own errors."""

    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def _answer(client, asked: str, printed: list[str], deadline: float) -> str:
    """The status of the kernel's reply to the request `asked`, with what it printed to stdout
    added to `printed`; queue.Empty if the kernel has not finished by `deadline` (monotonic)."""
    while True:
        msg = client.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != asked:
            continue
        if msg["msg_type"] == "stream" and msg["content"].get("name") == "stdout":
            printed.append(msg["content"]["text"])
        elif msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
            break
    while True:
        reply = client.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == asked:
            return reply["content"]["status"]


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
    cause = execute(job, work, timings)
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


def serve_warm() -> int:
    """The warm parent: import WARM_IMPORTS, then fork a worker for each job file named on stdin.

    Says `started JOB PID` when it forks and `exited PID CODE` (a Popen returncode) when a worker
    ends, one line each on stdout. Exits when stdin closes or the build that started it is gone.
    """
    import importlib

    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd():
        del sys.path[0]   # as ipykernel_launcher does: the kernels do not import from the build's folder
    build = os.getppid()
    for module in WARM_IMPORTS:
        importlib.import_module(module)
    from xbdata.reports.charts import packed_bundle

    packed_bundle()       # the Vega bundle, read and packed once for every kernel
    out = os.fdopen(os.dup(1), "w", buffering=1)
    pending = b""
    while True:
        readable, _, _ = select.select([0], [], [], 0.05)
        for pid, code in _reap():
            out.write(f"exited {pid} {code}\n")
        if os.getppid() != build:
            return 1
        if not readable:
            continue
        data = os.read(0, 65536)
        if not data:
            return 0
        pending += data
        *lines, pending = pending.split(b"\n")
        for line in lines:
            job = line.decode("utf-8")
            pid = os.fork()
            if pid == 0:
                out.close()
                _forked_worker(job)
            out.write(f"started {job} {pid}\n")


def _reap() -> list[tuple[int, int]]:
    ended = []
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return ended
        if not pid:
            return ended
        ended.append((pid, os.waitstatus_to_exitcode(status)))


def _forked_worker(job: str) -> None:
    """In a child of the warm parent: a worker, as `python -m xbdata.engine.worker JOB` would be."""
    global _forked
    code = 1
    try:
        os.setsid()
        _forked = True
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        log = os.open(Path(job).parent / "worker.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        code = main([job])
    except BaseException:
        traceback.print_exc()
    finally:
        _exit_flushed(code)


def main(argv: list[str]) -> int:
    if argv == [WARM]:
        return serve_warm()
    # jsonschema, which nbformat imports, compiles a grammar at import time for the "iri" format
    # checker if rfc3987_syntax is installed (JupyterLab's dependencies install it): 1.7 s of CPU per
    # worker, measured. No notebook schema uses that format, so a worker goes without it.
    sys.modules.setdefault("rfc3987_syntax", None)
    began = time.time()
    job = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    work = Path(job["work"])
    _stop_when_orphaned(work)
    result = {**run(job), "began": began}
    tmp = work / (RESULT + ".tmp")
    tmp.write_text(json.dumps(result), encoding="utf-8")
    tmp.replace(work / RESULT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
