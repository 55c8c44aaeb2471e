"""What one `xbdata report` spends its time on (issue 15): the kernel works out the report's record
while the worker exports, the job's timings say where its time went, and a report does not
rewrite tables that are already in place. Nothing here is timed: each test asserts what is done
and in what order, never how long it took."""

from __future__ import annotations

import json
import queue
import shutil
from pathlib import Path

import pytest

from test_build_engine import write_notebooks
from xbdata.cli import main
from xbdata.engine import worker
from xbdata.engine.build import MANIFEST, report_record


class FakeClient:
    """A kernel client that answers one request as a kernel would: what it printed, then idle, then
    the reply; every call is noted in `calls`, in order."""

    def __init__(self, calls: list[str], printed: str = '{"sources": [], "data": "x"}\n', status: str = "ok"):
        self.calls, self.printed, self.status = calls, printed, status
        self.iopub: queue.Queue = queue.Queue()
        self.shell: queue.Queue = queue.Queue()

    def start_channels(self):
        self.calls.append("start")

    def stop_channels(self):
        self.calls.append("stop")

    def execute(self, code, store_history=True):
        self.calls.append("execute")
        other = {"parent_header": {"msg_id": "someone else's"}, "msg_type": "stream",
                 "content": {"name": "stdout", "text": "not ours\n"}}
        mine = {"parent_header": {"msg_id": "m1"}}
        for msg in (other, {**mine, "msg_type": "stream", "content": {"name": "stdout", "text": self.printed}},
                    {**mine, "msg_type": "status", "content": {"execution_state": "idle"}}):
            self.iopub.put(msg)
        self.shell.put({"parent_header": {"msg_id": "m1"}, "content": {"status": self.status}})
        return "m1"

    def get_iopub_msg(self, timeout=None):
        self.calls.append("answer")
        return self.iopub.get(timeout=timeout)

    def get_shell_msg(self, timeout=None):
        return self.shell.get(timeout=timeout)


class FakeKernel:
    def __init__(self, client):
        self._client = client

    def client(self):
        return self._client


JOB = {"report": "market_size", "params": {"lang": "zh"}}


def test_the_record_is_asked_for_before_the_export_and_read_after_it(tmp_path):
    calls: list[str] = []
    timings: dict = {}

    def export():
        calls.append("export")
        return None

    assert worker._record(FakeKernel(FakeClient(calls)), JOB, tmp_path, timings, export) is None
    assert calls.index("execute") < calls.index("export") < calls.index("answer")
    assert calls[-1] == "stop"
    assert (tmp_path / worker.RECORD).read_text() == '{"sources": [], "data": "x"}\n', "only our request's output"
    assert "record" in timings


def test_a_failed_export_is_the_job_s_cause_and_no_record_is_kept(tmp_path):
    calls: list[str] = []
    cause = worker._record(FakeKernel(FakeClient(calls)), JOB, tmp_path, {}, lambda: "HTML export failed: X")
    assert cause == "HTML export failed: X"
    assert "answer" not in calls and not (tmp_path / worker.RECORD).exists()


def test_a_record_the_kernel_could_not_work_out_is_left_to_the_build(tmp_path):
    calls: list[str] = []
    assert worker._record(FakeKernel(FakeClient(calls, printed="Traceback\n", status="error")), JOB, tmp_path, {},
                          lambda: None) is None
    assert not (tmp_path / worker.RECORD).exists()


def test_an_export_that_raises_still_raises_its_own_error(tmp_path):
    """Not "kernel did not start": the export's error leaves the worker as before (its log's last line)."""
    def export():
        raise OSError("disk full")

    with pytest.raises(worker._Escaped) as caught:
        worker._record(FakeKernel(FakeClient([])), JOB, tmp_path, {}, export)
    assert isinstance(caught.value.error, OSError)


@pytest.fixture
def tiny_notebooks(tmp_path, monkeypatch):
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(write_notebooks(tmp_path / "notebooks")))
    return tmp_path


def _tables(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (out / "data").iterdir()}


def test_xbdata_report_writes_the_tables_only_when_they_are_missing_or_changed(tiny_notebooks, capsys):
    out = tiny_notebooks / "out"
    assert main(["report", "category_trends", "-o", str(out)]) == 0
    assert "wrote tables to" in capsys.readouterr().err
    written = _tables(out)

    assert main(["report", "category_trends", "-p", "top_n", "3", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "wrote tables to" not in err and "category_trends: built" in err
    assert _tables(out) == written
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["reports"]["category_trends"]["params"]["top_n"] == 3

    shutil.rmtree(out / "data")
    assert main(["report", "category_trends", "-o", str(out)]) == 0
    assert "wrote tables to" in capsys.readouterr().err and set(_tables(out)) == set(written)

    assert main(["build", "--force", "category_trends", "-o", str(out)]) == 0   # build --force still rewrites them
    assert "wrote tables to" in capsys.readouterr().err


def test_a_report_s_timings_say_where_its_time_went_and_its_record_comes_from_its_kernel(tiny_notebooks, capsys,
                                                                                          monkeypatch):
    import xbdata.engine.build

    def not_here(*_):
        raise AssertionError("the build worked the record out itself: the kernel's was not read")

    out = tiny_notebooks / "out"
    with monkeypatch.context() as patch:
        patch.setattr(xbdata.engine.build, "report_record", not_here)
        assert main(["report", "category_trends", "-o", str(out)]) == 0
    entry = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["reports"]["category_trends"]
    assert {"waiting", "kernel start", "execution", "export", "record"} <= set(entry["timings"])
    assert all(seconds >= 0 for seconds in entry["timings"].values())
    assert sum(entry["timings"].values()) <= entry["seconds"]
    known = report_record("category_trends", entry["params"])
    assert (entry["sources"], entry["data"]) == (known["sources"], known["data"])


def test_a_job_asks_its_worker_to_rehearse_the_export_only_while_a_core_is_idle(tmp_path, monkeypatch):
    from xbdata.engine.executors import Job, LocalExecutor

    class Started:
        pid = None

    monkeypatch.setattr(LocalExecutor, "_cold", staticmethod(lambda job: Started()))
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    asked = {}
    for workers in (1, 2, 3):
        running = LocalExecutor(workers, 60, tmp_path)._start(Job("r", "category_trends", tmp_path / "r.ipynb", {}, "t"))
        asked[workers] = json.loads((running.job.work / "job.json").read_text(encoding="utf-8"))["rehearse"]
        shutil.rmtree(running.sockets)
    assert asked == {1: True, 2: False, 3: False}


@pytest.mark.parametrize("rehearse", [True, False])
def test_the_worker_rehearses_its_export_when_its_job_asks(rehearse, tmp_path, monkeypatch):
    notebooks = write_notebooks(tmp_path / "notebooks")
    (tmp_path / "work").mkdir()
    (tmp_path / "sockets").mkdir()
    job = {"report": "category_trends", "notebook": str(notebooks / "category_trends.ipynb"), "params": {"lang": "en"},
           "title": "t", "work": str(tmp_path / "work"), "sockets": str(tmp_path / "sockets"), "start_timeout": 60,
           "rehearse": rehearse}
    rehearsed = []
    monkeypatch.setattr(worker, "_rehearse_export", lambda: rehearsed.append(True))
    result = worker.run(job)
    assert result["status"] == "built", result["message"]
    assert rehearsed == ([True] if rehearse else [])
    assert (tmp_path / "work" / worker.PAGE).exists()
