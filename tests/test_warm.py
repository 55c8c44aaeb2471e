"""Workers and kernels forked from a warm parent (issue 15, point 3) against cold ones.

A forked kernel must be indistinguishable, to a notebook, from one started afresh: the same
outputs for every variant of a report, the same process around it (folder, path, signals, its own
session, the thread that watches its worker), and nothing of another variant's. The failure
contract, Ctrl-C and the quiet terminal are held by tests/test_build_engine.py, which runs warm by
default; here, what is particular to the warm parent: that it is used, and that it leaves nothing
running.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from xbdata.engine.build import build
from xbdata.engine.executors import Job, LocalExecutor, WarmParent, warm_parent

CHART_ID = re.compile(r"xbdata-chart-[0-9a-f]{12}")
RANDOM_ID = re.compile(r"[0-9a-f]{32}")  # widget models and messages

PROBE = """import os, signal, sys, threading
warm = sorted(m for m in ('pandas', 'altair', 'xbdata', 'papermill') if m in sys.modules)
print('preloaded:', warm)
import xbdata
report = xbdata.open_report('category_trends', lang=lang)  # what every report's first cell imports
print('environment:', sorted(k for k in os.environ))
print('cwd:', os.getcwd())
print('path:', sys.path)
print('argv:', [a if not a.endswith('.json') else 'CONNECTION' for a in sys.argv[1:]])
print('signals:', {s.name: str(signal.getsignal(s)) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE)})
print('session leader:', os.getsid(0) == os.getpid(), 'group leader:', os.getpgid(0) == os.getpid())
print('parent is the worker:', os.environ.get('JPY_PARENT_PID') == str(os.getppid()))
print('threads:', sorted(type(t).__name__ for t in threading.enumerate()))
print('left by another variant:', sorted(k for k in globals() if k.startswith('variant_')))
variant_mark = lang

"""


def _probe_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    nb.cells = [nbformat.v4.new_code_cell("lang = 'en'", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(PROBE)]
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "probe.ipynb")
    return folder / "probe.ipynb"


def _probe(notebook: Path, warm: WarmParent | None, langs=("en", "zh")) -> list[dict[str, str]]:
    """What the probe printed, one dict per variant, run one after another through `warm` (or cold)."""
    room = Path(tempfile.mkdtemp(prefix="xbt-"))
    printed = []

    def done(finished):
        assert finished.status == "built", finished.message
        nb = nbformat.read(finished.job.work / "running.ipynb", as_version=4)
        text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
        printed.append(dict(line.split(": ", 1) for line in text.splitlines()))

    try:
        for lang in langs:
            LocalExecutor(1, 120, room, warm).run([Job("probe", "category_trends", notebook, {"lang": lang}, "t")], done)
    finally:
        if warm:
            warm.close()
        subprocess.run(["rm", "-rf", str(room)], check=False)
    return printed


def test_a_forked_kernel_is_the_process_a_cold_one_is_and_starts_with_its_imports_done(tmp_path):
    notebook = _probe_notebook(tmp_path / "notebooks")
    [cold] = _probe(notebook, None, langs=("en",))
    warm = _probe(notebook, WarmParent())   # two variants, one after the other, from one parent
    assert cold.pop("preloaded") == "[]"
    assert [w.pop("preloaded") for w in warm] == ["['altair', 'pandas', 'papermill', 'xbdata']"] * 2
    assert warm == [cold, cold]
    assert cold["parent is the worker"] == "True" and cold["session leader"] == "True group leader: True"
    assert cold["left by another variant"] == "[]"


def _outputs(path: Path) -> list:
    """A notebook's sources and outputs, with the ids a kernel draws at random made alike."""
    nb = nbformat.read(path, as_version=4)
    return [(c.cell_type, c.source, RANDOM_ID.sub("ID", CHART_ID.sub("CHART", repr(c.get("outputs")))))
            for c in nb.cells]


def test_reports_forked_from_one_warm_parent_equal_cold_kernels(built_reports, tmp_path, monkeypatch):
    """The session's build ran every report in a kernel forked from one warm parent, beside the
    others: each notebook and page must be what a cold kernel gives, whatever ran next to it."""
    names = ["category_trends", "user_demographics"]
    monkeypatch.setenv("XBDATA_WARM", "0")
    cold = build(names, tmp_path / "cold")
    assert [o.status for o in cold] == ["built"] * 2, [o.message for o in cold]
    for name in names:
        assert _outputs(built_reports / f"{name}.ipynb") == _outputs(tmp_path / "cold" / f"{name}.ipynb")
        assert (built_reports / f"{name}.html").read_bytes() == (tmp_path / "cold" / f"{name}.html").read_bytes()


def test_xbdata_warm_0_starts_cold_and_fork_is_used_otherwise(monkeypatch):
    monkeypatch.setenv("XBDATA_WARM", "0")
    assert warm_parent() is None
    monkeypatch.delenv("XBDATA_WARM")
    parent = warm_parent()
    try:
        assert isinstance(parent, WarmParent) and parent.alive()
    finally:
        parent.close()
    assert not parent.alive()


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for task in Path(f"/proc/{pid}/task").iterdir()
                for p in (task / "children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return False


def test_a_build_killed_outright_leaves_no_warm_parent_worker_or_kernel(tmp_path):
    from test_build_engine import kernel_pids, write_notebooks

    notebooks = write_notebooks(tmp_path / "notebooks")
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {**os.environ, "XBDATA_NOTEBOOKS": str(notebooks), "TINY_SLEEP": "60", "TINY_PIDS": str(pids)}
    process = subprocess.Popen([sys.executable, "-m", "xbdata.cli", "build", "-o", str(tmp_path / "out")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while len(kernel_pids(pids)) < 3:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    warm = [p for p in _children(process.pid) if b"--warm" in Path(f"/proc/{p}/cmdline").read_bytes()]
    assert len(warm) == 1, "the build's workers come from one warm parent"
    workers = _children(warm[0])
    kernels = kernel_pids(pids)
    assert len(workers) == 3 and all(_children(w) for w in workers), "each worker forked its own kernel"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in [*warm, *workers, *kernels]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in [*warm, *workers, *kernels] if _alive(p)]


def test_a_job_handed_to_a_warm_parent_that_dies_before_forking_it_starts_cold(tmp_path):
    """The warm parent is killed (by the OOM killer, say) after the job was handed to it but while
    it still imports, before it forks the job's worker: the job starts cold, as without one, and is built."""
    import threading

    notebook = _probe_notebook(tmp_path / "notebooks")
    parent = WarmParent()
    handed = threading.Event()
    fork = parent.fork

    def fork_then_die(job_file):
        child = fork(job_file)
        os.killpg(parent.process.pid, signal.SIGKILL)  # its imports take seconds: it has not forked yet
        handed.set()
        return child

    parent.fork = fork_then_die
    [printed] = _probe(notebook, parent, langs=("en",))
    assert handed.is_set() and not parent.alive()
    assert printed["preloaded"] == "[]", "a cold kernel, which has imported nothing yet"
    assert printed["parent is the worker"] == "True"


def test_one_job_starts_cold_and_two_share_a_warm_parent(tmp_path, monkeypatch):
    """One report starts cold: its worker and kernel import side by side (make bench: faster than
    waiting for a warm parent's imports); from two jobs on, they fork from one warm parent."""
    import xbdata.engine.executors as executors

    made = []
    monkeypatch.setattr(executors, "warm_parent", lambda: made.append(True) or None)
    ran = []
    monkeypatch.setattr(executors.LocalExecutor, "_run", lambda self, jobs, done: ran.append(len(jobs)))
    job = Job("probe", "category_trends", tmp_path / "x.ipynb", {}, "t")
    LocalExecutor(1, 60, tmp_path, warm=True).run([job], lambda f: None)
    assert made == [] and ran == [1]
    LocalExecutor(2, 60, tmp_path, warm=True).run([job, job], lambda f: None)
    assert made == [True] and ran == [1, 2]
