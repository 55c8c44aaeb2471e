"""Where reports run: one worker process per report, at most N at once, each with a time limit.

The executor owns the processes, so it also owns every way they can end: a result, a crash, a
kill from outside (the OOM killer's SIGKILL), a timeout, or the user's Ctrl-C. Each becomes a
`Finished` with one line of cause; nothing a worker does can leave a kernel running or escape as a
traceback. Workers are plain `python -m xbdata.engine.worker` processes in sessions of their own (not
multiprocessing), so Ctrl-C reaches the build alone and a dead worker breaks no shared pool.

Where the platform can fork, the local executor's workers are forked from a warm parent instead
(`WarmParent`, started with the first of two or more jobs and stopped after the last): the same
worker, in a session of its own, with its imports already done. The warm parent reports each
worker's end as a Popen would, so every way a worker ends reads the same. XBDATA_WARM=0 starts
every worker and kernel from scratch, as before.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Callable, Iterator

from ..exceptions import UsageError
from . import worker

POLL = 0.05


@dataclass
class Job:
    """One report to run: what the worker needs, and where it works."""

    name: str
    report: str
    notebook: Path
    params: dict
    title: str
    work: Path = Path()


@dataclass
class Finished:
    """How a job ended: built, failed or cancelled, why, and where the time went."""

    job: Job
    status: str
    message: str
    seconds: float
    timings: dict = field(default_factory=dict)


@dataclass
class _Running:
    job: Job
    process: "subprocess.Popen | _WarmChild"
    sockets: Path
    started: float
    since: float = 0.0   # when it started, on the wall clock its worker also reads (time.time)


class WarmParent:
    """A process that has imported what workers and kernels need, forking a worker per job file.

    It starts importing at once, in a session of its own; jobs handed to it meanwhile wait their
    turn. `close` stops it, and any worker it forked that is still running. Its stderr goes to an
    unnamed temporary file: the terminal stays quiet, and nothing is left behind.
    """

    def __init__(self):
        self._errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen([sys.executable, "-m", "xbdata.engine.worker", worker.WARM],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
                                        start_new_session=True)
        self._lock = threading.Lock()
        self.pids: dict[str, int] = {}      # job file: the worker forked for it
        self.codes: dict[int, int] = {}     # worker pid: its returncode
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.process.stdout:
            what, _, rest = raw.decode("utf-8").rstrip("\n").partition(" ")
            with self._lock:
                if what == "started":
                    job, _, pid = rest.rpartition(" ")
                    self.pids[job] = int(pid)
                elif what == "exited":
                    pid, _, code = rest.partition(" ")
                    self.codes[int(pid)] = int(code)

    def alive(self) -> bool:
        return self.process.poll() is None

    def fork(self, job_file: Path) -> "_WarmChild":
        self.process.stdin.write(f"{job_file}\n".encode("utf-8"))
        self.process.stdin.flush()
        return _WarmChild(self, str(job_file))

    def close(self) -> None:
        """Stop the warm parent, then any worker it forked that has not ended (and that worker's kernel)."""
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # it holds nothing but imports: no need to wait on it
        except ProcessLookupError:
            pass
        self.process.wait()
        self._reader.join(timeout=2)
        self.process.stdout.close()
        with self._lock:
            left = [(job, pid) for job, pid in self.pids.items() if pid not in self.codes]
        for job, pid in left:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            worker.stop_kernel(Path(job).parent)
        self._errors.close()


class _WarmChild:
    """A worker forked by the warm parent, seen as a Popen: its pid once forked, its returncode once ended."""

    def __init__(self, parent: WarmParent, job_file: str):
        self.parent, self.job_file = parent, job_file

    @property
    def pid(self) -> int | None:
        with self.parent._lock:
            return self.parent.pids.get(self.job_file)

    def _settled(self) -> bool:
        """Whether the warm parent is gone and every line it wrote has been read."""
        return not self.parent.alive() and not self.parent._reader.is_alive()

    def lost(self) -> bool:
        """Whether the warm parent died before it forked this worker."""
        return self.pid is None and self._settled()

    def poll(self) -> int | None:
        pid = self.pid
        with self.parent._lock:
            code = self.parent.codes.get(pid) if pid else None
        if code is not None or not self._settled():
            return code
        # The warm parent died (killed): its workers are orphans that no one reports on. One that
        # is gone counts as done if it wrote its result, else as killed.
        if pid is not None and _alive(pid):
            return None
        return 0 if (Path(self.job_file).parent / worker.RESULT).exists() else -signal.SIGKILL

    def wait(self) -> int:
        while (code := self.poll()) is None:
            time.sleep(0.02)
        return code


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def warm_parent() -> WarmParent | None:
    """A warm parent for the local executor where the platform can fork, unless XBDATA_WARM=0.

    Jobs whose notebook names another kernel than Python's own start cold, as before: a fork can
    stand in only for this Python's ipykernel, and such a job need not wait for the warm parent's
    imports.
    """
    if not hasattr(os, "fork") or os.environ.get("XBDATA_WARM", "1") == "0":
        return None
    return WarmParent()


def _uninterrupted(call: Callable[[Finished], None], finished: Finished) -> None:
    """`call(finished)`, with a Ctrl-C that arrives meanwhile raised only once it has returned."""
    if threading.current_thread() is not threading.main_thread():  # on a Dask worker: no signals here
        call(finished)
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda *_: caught.append(True))
    try:
        call(finished)
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


class LocalExecutor:
    """Runs jobs as worker processes on this machine."""

    def __init__(self, workers: int, timeout: float, room: Path, warm: "WarmParent | bool" = False):
        self.workers = max(1, workers)
        self.timeout = timeout
        self.room = room  # the build's work folder; the caller removes it
        # True: fork the workers from a warm parent of its own (`warm_parent`); a WarmParent: from
        # that one, which the caller stops; False: start each cold.
        self.warm = warm
        self._parent: WarmParent | None = None

    def run(self, jobs: list[Job], done: Callable[[Finished], None]) -> None:
        """Run every job, calling `done` as each ends; on Ctrl-C stop them all and report them cancelled.

        `done` runs with SIGINT held back, so Ctrl-C cannot land between moving a report's HTML
        and its notebook into place; if `done` raises, the running workers are stopped too.
        """
        # One job starts cold: its worker and its kernel then import side by side on two cores,
        # which `make bench` measures faster than waiting for the warm parent's imports (5.1 s
        # against 6.3 s for one report); the warm parent pays from the second job on.
        own = warm_parent() if self.warm is True and len(jobs) > 1 else None
        self._parent = own or (self.warm if isinstance(self.warm, WarmParent) else None)
        try:
            self._run(jobs, done)
        finally:
            if own:
                own.close()

    def _run(self, jobs: list[Job], done: Callable[[Finished], None]) -> None:
        queue, running = list(jobs), []
        try:
            while queue or running:
                while queue and len(running) < self.workers:
                    running.append(self._start(queue.pop(0)))
                time.sleep(POLL)
                for r in list(running):
                    finished = self._poll(r)
                    if finished:
                        running.remove(r)
                        _uninterrupted(done, finished)
        except KeyboardInterrupt:
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
            try:
                while running:
                    r = running.pop(0)
                    self._stop(r)
                    done(Finished(r.job, "cancelled", "stopped by Ctrl-C", time.perf_counter() - r.started))
                for job in queue:
                    done(Finished(job, "cancelled", "cancelled by Ctrl-C before it started", 0.0))
            finally:
                signal.signal(signal.SIGINT, previous)
        finally:
            for r in running:
                self._stop(r)

    def _start(self, job: Job) -> _Running:
        job.work = Path(tempfile.mkdtemp(prefix=f"{job.name}.", dir=self.room))
        # Unix socket paths are short (108 bytes), so the kernel's live in the system temp folder.
        sockets = Path(tempfile.mkdtemp(prefix="xbdata-ipc-"))
        spec = {"report": job.report, "notebook": str(job.notebook), "params": job.params, "title": job.title,
                "work": str(job.work), "sockets": str(sockets), "start_timeout": min(120, self.timeout),
                # Fewer workers than cores leave a core idle while a kernel works: the worker rehearses its export there.
                "rehearse": self.workers < (os.cpu_count() or 1)}
        (job.work / "job.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        process = None
        if self._parent and self._parent.alive() and worker.forkable(job.notebook):
            try:
                process = self._parent.fork(job.work / "job.json")
            except OSError:  # it died meanwhile
                process = None
        return _Running(job, process or self._cold(job), sockets, time.perf_counter(), time.time())

    @staticmethod
    def _cold(job: Job) -> subprocess.Popen:
        with open(job.work / "worker.log", "ab") as log:
            return subprocess.Popen([sys.executable, "-m", "xbdata.engine.worker", str(job.work / "job.json")],
                                    stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)

    def _poll(self, r: _Running) -> Finished | None:
        elapsed = time.perf_counter() - r.started
        if isinstance(r.process, _WarmChild) and r.process.lost():
            r.process = self._cold(r.job)  # the warm parent died before forking it: start it as before
        code = r.process.poll()
        if code is None and elapsed <= self.timeout:
            return None
        state = _read(r.job.work / worker.STATE) or "starting"
        if code is None:
            self._stop(r)
            return self._finish(r, "failed", f"timed out after {self.timeout:g} s while {state} (--timeout sets the limit)")
        result = r.job.work / worker.RESULT
        if code == 0 and result.exists():
            data = json.loads(result.read_text(encoding="utf-8"))
            # "waiting": until the worker ran, the warm parent's imports (or a cold worker's start) included.
            waited = {"waiting": max(0.0, data["began"] - r.since)} if "began" in data else {}
            return self._finish(r, data["status"], data["message"], {**waited, **data["timings"]})
        if code < 0:
            name = signal.Signals(-code).name
            why = " (out of memory?)" if -code == signal.SIGKILL else ""
            return self._finish(r, "failed", f"its worker process was killed by {name}{why} while {state}")
        last = (_read(r.job.work / "worker.log").splitlines() or [""])[-1]
        return self._finish(r, "failed", f"its worker process exited with code {code} while {state}: {last}")

    def _stop(self, r: _Running) -> None:
        """Kill the worker and its kernel outright: their work is being thrown away, and nothing of
        theirs is in the output folder, so there is nothing to wind down gracefully."""
        if r.process.pid is not None:   # None: a warm parent has not forked it yet, and closing it stops that
            try:
                os.killpg(r.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            r.process.wait()
        worker.stop_kernel(r.job.work)
        self._release(r)

    def _finish(self, r: _Running, status: str, message: str, timings: dict | None = None) -> Finished:
        if status != "built":
            worker.stop_kernel(r.job.work)
        self._release(r)
        return Finished(r.job, status, message, time.perf_counter() - r.started, timings or {})

    @staticmethod
    def _release(r: _Running) -> None:

        shutil.rmtree(r.sockets, ignore_errors=True)


def run_one(job: Job, timeout: float, room: str) -> Finished:
    """One job, run where this is called (a Dask worker) with the local executor's whole failure contract."""
    finished: list[Finished] = []
    LocalExecutor(1, timeout, Path(room)).run([job], finished.append)
    return finished[0]


class DaskExecutor:
    """Runs the same jobs on Dask distributed: a LocalCluster, or the scheduler at `address`.

    Each Dask task is `run_one`: a worker process and kernel on that machine, timed out, killed and
    cleaned up exactly as locally, so results, failures and the manifest are the same. The work
    folder is inside the output folder, which (with the notebooks) must be on a file system every
    Dask worker sees at the same path. Dask's own logs go to `dask.log` in the output folder.
    """

    def __init__(self, workers: int, timeout: float, room: Path, address: str | None = None):
        self.workers = max(1, workers)
        self.timeout = timeout
        self.room = room
        self.address = address

    def run(self, jobs: list[Job], done: Callable[[Finished], None]) -> None:
        with dask_client(self.workers, self.address, self.room, log=self.room.parent / DASK_LOG) as client:
            from distributed import as_completed  # after dask_client, which imports Dask with its logging set up

            futures = {client.submit(run_one, job, self.timeout, str(self.room), pure=False): job for job in jobs}
            pending = dict(futures)
            try:
                for future in as_completed(futures):
                    job = pending.pop(future)
                    try:
                        finished = future.result()
                    except Exception as error:  # the Dask worker itself died (KilledWorker) or was lost
                        finished = Finished(job, "failed", f"its Dask task failed: {type(error).__name__}: {error}", 0.0)
                    _uninterrupted(done, finished)
            except KeyboardInterrupt:
                client.cancel(list(pending))
                for job in pending.values():
                    done(Finished(job, "cancelled", "cancelled by Ctrl-C", 0.0))


# Dask's logs: its scheduler, nannies and workers log as they work (and under load, a worker's
# heartbeat can fail with a traceback). All of it goes to one file, never to the terminal: in this
# process through the loggers' handlers, in the worker processes through the logging set-up Dask
# reads from its configuration when it is imported there (passed in the environment, so it holds
# from the first line they log), and for anything else they print, their stdout and stderr.
DASK_LOG = "dask.log"
_LOG_ENV = "XBDATA_DASK_LOG"
_DASK_LOG_FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s: %(message)s"
# Dask's own defaults (distributed/config.py); a user's `logging:` levels in the Dask config still apply.
_DASK_LEVELS = {"distributed": "info", "distributed.client": "warning", "distributed.gc": "warning",
                "bokeh": "error", "tornado": "critical", "tornado.application": "error", "asyncio": "warning"}


def _dask_logging(log: Path) -> dict:
    """Dask's logging as Dask sets it up (its loggers at their configured levels), into the file `log`."""
    import dask

    levels = dict(_DASK_LEVELS)
    configured = dask.config.get("distributed.logging", None) or dask.config.get("logging", None) or {}
    if isinstance(configured, dict) and "version" not in configured:
        levels.update({name: level for name, level in configured.items() if isinstance(level, (str, int))})
    return {"version": 1, "disable_existing_loggers": False,
            "formatters": {"dask": {"format": _DASK_LOG_FORMAT}},
            "handlers": {"file": {"class": "logging.FileHandler", "filename": str(log), "encoding": "utf-8",
                                  "formatter": "dask"}},
            "loggers": {name: {"level": str(level).upper() if isinstance(level, str) else level,
                               "handlers": ["file"], "propagate": False} for name, level in levels.items()}}


@contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    """`values` in os.environ for the block (for the processes started meanwhile), then as before."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _handlers_to(log: Path) -> Iterator[None]:
    """This process's Dask loggers write to `log` alone for the block, at their own levels."""
    handler = logging.FileHandler(log, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_DASK_LOG_FORMAT))
    saved = []
    for name in _DASK_LEVELS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.handlers[:], logger.propagate))
        logger.handlers, logger.propagate = [handler], False
    try:
        yield
    finally:
        for logger, handlers, propagate in saved:
            logger.handlers, logger.propagate = handlers, propagate
        handler.close()


def dask_setup(worker) -> None:
    """Dask's preload hook, run in each worker process of our LocalCluster as it starts: whatever it
    prints (a warning, a traceback outside logging) goes to the log file too, not to the terminal."""
    log = os.environ.get(_LOG_ENV)
    if log:
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        for stream in (1, 2):
            os.dup2(fd, stream)
        os.close(fd)


@contextmanager
def dask_client(workers: int, address: str | None, room: Path, log: Path | None = None) -> Iterator:
    """A Dask client: of the scheduler at `address`, or of a LocalCluster of `workers` processes
    whose scratch space is in `room`. Closed, with the cluster, on every way out.

    Dask's logs, from this process and from the LocalCluster's workers, go to the file `log`
    (default: `room`/dask.log), which is started afresh.
    """
    import dask

    log = log or room / DASK_LOG
    log.write_text("", encoding="utf-8")
    setup = _dask_logging(log)
    if "distributed" not in sys.modules:
        # Dask sets its logging up once, as distributed is first imported (below): into the file. Set
        # for good, not for the block, since what is set for a block is removed after it, with
        # whatever distributed added meanwhile (all its defaults).
        dask.config.set({"distributed.logging": setup})
    with _environ({"DASK_DISTRIBUTED__LOGGING": repr(setup), _LOG_ENV: str(log)}):
        from distributed import Client, LocalCluster

        with _handlers_to(log):
            with dask.config.set({"temporary-directory": str(room / "dask")}):
                cluster = None if address else LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                    silence_logs=False, preload=[__name__])
            client = Client(address or cluster)
            try:
                yield client
            finally:
                client.close()
                if cluster:
                    cluster.close()


EXECUTORS = ("local", "dask")


def check_executor(kind: str, scheduler: str | None = None) -> None:
    """A UsageError, before anything runs, for an unknown executor, a missing Dask, or a scheduler without Dask."""
    if kind == "dask":

        if find_spec("distributed") is None:
            raise UsageError("--executor dask needs Dask distributed: pip install -e '.[dask]'")
    elif kind != "local":
        raise UsageError(f"unknown executor {kind!r} (executors: {', '.join(EXECUTORS)})")
    elif scheduler:
        raise UsageError("--scheduler is for --executor dask")


def get_executor(kind: str, timeout: float, scheduler: str | None = None) -> Callable[..., "LocalExecutor | DaskExecutor"]:
    """A maker of the executor named `kind` (given workers and room), checked before anything runs:
    'local' (the default; warm where the platform allows) or 'dask' (the scheduler at `scheduler`,
    or a LocalCluster)."""
    check_executor(kind, scheduler)
    if kind == "dask":
        return lambda workers, room: DaskExecutor(workers, timeout, room, scheduler)
    return lambda workers, room: LocalExecutor(workers, timeout, room, warm=True)
