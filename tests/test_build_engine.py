"""The build engine under stress: two builds at once, every failure by fault injection, Ctrl-C,
what the fingerprint notices, and quiet output.

Tiny notebooks of our own stand in for the reports (XBDATA_NOTEBOOKS points the build at them),
so each case takes seconds and does not depend on what the real reports draw. Faults are real:
a cell that raises, a shadowing nbconvert template on JUPYTER_PATH, a kernel that SIGKILLs its
own worker, kernelspecs whose kernel exits at once or never answers, and SIGINT to a real build.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from xbdata.engine.build import MANIFEST, build
from xbdata.cli import main
from xbdata.exceptions import BuildLocked
from xbdata.engine.index import index_page
from xbdata.engine.manifest import LOCK, output_lock
from xbdata.reports.parameters import REPORTS

RUN_MARK = re.compile(r"run ([0-9a-f]{32})")
PROGRESS = re.compile(r"^(building \d+ report|wrote tables to |\[\d+/\d+\] \w+: |waiting for another build |"
                      r"note: |xbdata: error: report \w+ failed: |xbdata: interrupted)")


def write_notebooks(folder: Path, extra: dict[str, str] | None = None, kernel: dict[str, str] | None = None) -> Path:
    """A notebook per report: its parameters cell, a cell that prints a per-run mark and records the
    kernel's pid (in $TINY_PIDS), an optional sleep ($TINY_SLEEP), an optional wait until the file
    $TINY_GATE exists, and any `extra` cell."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, report in REPORTS.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": (kernel or {}).get(name, "python3"), "language": "python",
                                     "display_name": "Python 3"}
        params = "\n".join(f"{k} = {v!r}" for k, v in report.defaults().items())
        nb.cells = [nbformat.v4.new_code_cell(params, metadata={"tags": ["parameters"]}),
                    nbformat.v4.new_code_cell(
                        "import os, time, uuid\n"
                        "print('run', uuid.uuid4().hex)\n"
                        "if os.environ.get('TINY_PIDS'):\n"
                        f"    open(os.path.join(os.environ['TINY_PIDS'], '{name}'), 'w').write(str(os.getpid()))\n"
                        "time.sleep(float(os.environ.get('TINY_SLEEP', '0')))\n"
                        "while os.environ.get('TINY_GATE') and not os.path.exists(os.environ['TINY_GATE']):\n"
                        "    time.sleep(0.05)")]
        if extra and name in extra:
            nb.cells.append(nbformat.v4.new_code_cell(extra[name]))
        nbformat.write(nb, folder / report.notebook)
    return folder


def kernelspec(root: Path, name: str, code: str) -> None:
    """A kernelspec on JUPYTER_PATH whose 'kernel' is the given Python code."""
    folder = root / "kernels" / name
    folder.mkdir(parents=True)
    (folder / "kernel.json").write_text(json.dumps(
        {"argv": [sys.executable, "-c", code, "{connection_file}"], "display_name": name, "language": "python"}))


def leftovers(out: Path) -> list[str]:
    """Hidden or temporary files a build should not leave behind."""
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in (MANIFEST, LOCK))


def kernel_pids(folder: Path) -> list[int]:
    """The pids the tiny notebooks' kernels have written into `folder` ($TINY_PIDS) so far; a file
    that exists but is still empty (its kernel is between open and write) is not one yet."""
    return [int(text) for p in folder.iterdir() if (text := p.read_text().strip())]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


def gone_within(pids: list[int], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def xbdata(*args: str, env: dict, **kw) -> subprocess.Popen:
    """The real command line, in a process of its own."""
    return subprocess.Popen([sys.executable, "-m", "xbdata.cli", *args], env={**os.environ, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


@pytest.fixture(scope="module")
def tiny_good(tmp_path_factory):
    """Tiny notebooks and one good build of category_trends from them.

    The fingerprint sees a frozen copy of xbdata's code for the module's duration, so that an edit
    made elsewhere while the tests run does not count as a change to the inputs.
    """
    import xbdata.engine.fingerprint

    root = tmp_path_factory.mktemp("tiny")
    notebooks = write_notebooks(root / "notebooks")
    package = root / "frozen" / "xbdata"
    shutil.copytree(xbdata.engine.fingerprint.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xbdata.engine.fingerprint, "PACKAGE", package)
        patch.setenv("XBDATA_NOTEBOOKS", str(notebooks))
        [outcome] = build(["category_trends"], root / "good")
        assert outcome.status == "built", outcome.message
        patch.delenv("XBDATA_NOTEBOOKS")
        yield root


def _marks(out: Path, name: str) -> tuple[set, set]:
    return (set(RUN_MARK.findall((out / f"{name}.ipynb").read_text())),
            set(RUN_MARK.findall((out / f"{name}.html").read_text())))


def read_stderr(process: subprocess.Popen, words: str):
    """All `process` writes on stderr, read in a thread as it comes: (an event set once a line holding
    `words` has come, the lines read so far, the thread, which ends when the process closes stderr)."""
    import threading

    lines: list[str] = []
    seen = threading.Event()

    def read():
        for line in process.stderr:
            lines.append(line)
            if words in line:
                seen.set()

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return seen, lines, thread


# 1. Concurrency -------------------------------------------------------------------------------

def test_two_builds_at_once_take_turns(tmp_path):
    """The first build's kernels wait at a gate (a file) that opens only once a build run with --no-wait
    has been refused and the second build says it is waiting: the first holds the lock that long."""
    notebooks = write_notebooks(tmp_path / "notebooks")
    out = tmp_path / "out"
    gate = tmp_path / "gate"
    env = {"XBDATA_NOTEBOOKS": str(notebooks), "TINY_GATE": str(gate)}
    first = xbdata("build", "-o", str(out), env=env)
    deadline = time.monotonic() + 60
    while not list(out.glob(".xbdata-work-*")):  # the first build holds the lock and is running kernels
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.05)
    second = xbdata("build", "--force", "-o", str(out), env={k: v for k, v in env.items() if k != "TINY_GATE"})
    refused = xbdata("build", "--no-wait", "-o", str(out), env=env)
    waiting, second_lines, reading = read_stderr(second, "waiting for another build writing to")
    try:
        _, refused_err = refused.communicate(timeout=60)
        assert refused.returncode == 3
        assert refused_err.count("\n") == 1 and "another build is writing to" in refused_err and "(pid " in refused_err
        assert waiting.wait(60), "".join(second_lines)   # the second build waits for the first, which is at its gate
    finally:
        gate.touch()
    first_out, first_err = first.communicate(timeout=120)
    second.wait(timeout=120)
    second_out = second.stdout.read()
    reading.join(timeout=30)
    second_err = "".join(second_lines)
    assert first.returncode == 0 and second.returncode == 0, first_err + second_err
    assert "3 built" in first_out and "3 built" in second_out
    assert "waiting for another build writing to" in second_err
    assert "Traceback" not in first_err + second_err
    manifest = json.loads((out / MANIFEST).read_text())
    index = (out / "index.html").read_text()
    for name in REPORTS:
        assert name in manifest["reports"] and f'href="{name}.html"' in index
        in_notebook, in_page = _marks(out, name)
        assert len(in_notebook) == 1 and in_notebook == in_page, "the HTML and the notebook come from the same run"
    assert leftovers(out) == []


def test_lock_refuses_without_waiting_while_another_process_holds_it(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import time\n"
        "from pathlib import Path\n"
        "from xbdata.lock import hold\n"
        f"with hold(Path({str(tmp_path / LOCK)!r})):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(30)")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(BuildLocked, match=rf"another build is writing to .* \(pid {holder.pid}\)"):
            with output_lock(tmp_path, wait=False):
                pass
    finally:
        holder.kill()
        holder.wait()
    with output_lock(tmp_path, wait=False):  # released when its holder died
        fd = os.open(tmp_path / LOCK, os.O_RDWR)  # and it is the operating system's lock: flock here
        with pytest.raises(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(fd)


# 2. The failure contract ------------------------------------------------------------------------

HANG = "import time; time.sleep(300)  # xbdata-test-hanging-kernel"
FAULTS = {
    "cell error": ({"extra": "raise RuntimeError('catalogue went missing')"}, [],
                   r"cell In \[\d+\] \(raise RuntimeError\('catalogue went missing'\)\) raised RuntimeError: "
                   r"catalogue went missing; kept .*category_trends\.failed\.ipynb$", True),
    "HTML export error": ({"template": "{{ no_such_filter_or_function() }}"}, [],
                          r"HTML export failed: UndefinedError: 'no_such_filter_or_function' is undefined; kept ", True),
    "worker killed by SIGKILL": ({"extra": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"}, [],
                                 r"its worker process was killed by SIGKILL \(out of memory\?\) while executing; kept ",
                                 True),
    "kernel that does not start": ({"kernel": ("dead", "import sys; sys.exit(3)")}, [],
                                   r"kernel dead did not start: RuntimeError: Kernel died before replying", False),
    "kernel that hangs": ({"kernel": ("hangs", HANG)}, ["--timeout", "4"],
                          r"timed out after 4 s while starting kernel hangs \(--timeout sets the limit\)$", False),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_every_failure_keeps_the_good_files_and_says_why_in_one_line(fault, tiny_good, tmp_path, monkeypatch, capsys):
    fault_build(fault, [], tiny_good, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("fault", ["cell error", "worker killed by SIGKILL"])
def test_the_failure_contract_is_the_same_on_dask(fault, tiny_good, tmp_path, monkeypatch, capsys):
    fault_build(fault, ["--executor", "dask"], tiny_good, tmp_path, monkeypatch, capsys)


def fault_build(fault, executor, tiny_good, tmp_path, monkeypatch, capsys):
    """Build category_trends over good files with `fault` injected; check the whole failure contract."""
    setup, options, cause, notebook_kept = FAULTS[fault]
    out = tmp_path / "out"
    shutil.copytree(tiny_good / "good", out)
    good = {p.name: p.read_bytes() for p in out.glob("category_trends.*")}
    extra = {"category_trends": setup["extra"]} if "extra" in setup else None
    kernels = {}
    jupyter = tmp_path / "jupyter"
    if "kernel" in setup:
        kernelspec(jupyter, *setup["kernel"])
        kernels = {"category_trends": setup["kernel"][0]}
    if "template" in setup:
        shadow = jupyter / "nbconvert" / "templates" / "lab"
        shutil.copytree(Path(sys.prefix) / "share/jupyter/nbconvert/templates/lab", shadow)
        (shadow / "index.html.j2").write_text(setup["template"])
    monkeypatch.setenv("JUPYTER_PATH", str(jupyter))
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(write_notebooks(tmp_path / "notebooks", extra, kernels)))
    monkeypatch.setenv("TINY_PIDS", str(tmp_path))
    import tempfile

    private_tmp = Path(tempfile.mkdtemp(prefix="xbt-", dir="/tmp"))  # short: it holds Unix sockets
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    code = main(["build", "category_trends", "--force", "-o", str(out), *options, *executor])
    stdout, err = capsys.readouterr()
    assert code == 1, err
    errors = [line for line in err.splitlines() if line.startswith("xbdata: error:")]
    assert len(errors) == 1 and re.search(r"^xbdata: error: report category_trends failed: " + cause, errors[0]), err
    assert all(PROGRESS.match(line) for line in err.splitlines()), err
    assert "0 built, 0 unchanged, 1 failed" in stdout
    assert {p.name: p.read_bytes() for p in out.glob("category_trends.*") if "failed" not in p.name} == good
    assert (out / "category_trends.failed.ipynb").exists() == notebook_kept
    assert leftovers(out) == [] and not list(private_tmp.iterdir()), "no temporary file is left behind"
    private_tmp.rmdir()
    kernel_pid = tmp_path / "category_trends"
    assert gone_within([int(kernel_pid.read_text())] if kernel_pid.exists() else []), "the kernel was shut down"
    assert not _running(HANG), "the hanging kernel was killed"


def _running(marker: str) -> bool:
    for cmdline in Path("/proc").glob("*/cmdline"):
        try:
            if marker.encode() in cmdline.read_bytes():
                return True
        except OSError:
            pass
    return False


def test_a_stale_manifest_entry_is_ignored_with_a_note(tiny_good, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    shutil.copytree(tiny_good / "good", out)
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["reports"]["market_sizes_renamed"] = dict(manifest["reports"]["category_trends"], report="market_sizes_renamed")
    (out / MANIFEST).write_text(json.dumps(manifest))
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    assert main(["build", "category_trends", "-o", str(out)]) == 0
    _, err = capsys.readouterr()
    assert err.splitlines()[0] == ("note: the manifest lists market_sizes_renamed, which is not a report "
                                   "(renamed or removed?); ignored")
    assert "Traceback" not in err
    assert "market_sizes_renamed" not in json.loads((out / MANIFEST).read_text())["reports"]
    assert "market_sizes_renamed" not in (out / "index.html").read_text()


def test_ctrl_c_cancels_stops_kernels_cleans_up_and_exits_130(tiny_good, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(tiny_good / "good", out)
    good = (out / "category_trends.html").read_bytes()
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {"XBDATA_NOTEBOOKS": str(tiny_good / "notebooks"), "TINY_SLEEP": "60", "TINY_PIDS": str(pids)}
    build_process = xbdata("build", "--force", "--jobs", "2", "-o", str(out), env=env)
    deadline = time.monotonic() + 60
    while len(kernel_pids(pids)) < 2:  # two kernels are inside their sleeping cell, one report is queued
        assert build_process.poll() is None and time.monotonic() < deadline, build_process.communicate()
        time.sleep(0.05)
    kernels = kernel_pids(pids)
    build_process.send_signal(signal.SIGINT)
    _, err = build_process.communicate(timeout=30)
    assert build_process.returncode == 130, err
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("xbdata: error:")]
    assert re.match(r"xbdata: error: interrupted: \w+, \w+, \w+ not built; their previous files are kept$", line)
    assert gone_within(kernels), "the kernels were shut down"
    assert leftovers(out) == [] and (out / "category_trends.html").read_bytes() == good


# 3. Quiet -----------------------------------------------------------------------------------------

def test_a_build_prints_progress_and_results_and_nothing_else(tiny_good, tmp_path):
    process = xbdata("build", "-o", str(tmp_path / "out"), env={"XBDATA_NOTEBOOKS": str(tiny_good / "notebooks"),
                                                                 "PYTHONWARNINGS": "default"})
    stdout, err = process.communicate(timeout=180)
    assert process.returncode == 0, err
    assert stdout == "3 built, 0 unchanged, 0 failed\n"
    assert all(PROGRESS.match(line) for line in err.splitlines()), err
    assert "Kernel is running over TCP" not in err and "Warning" not in err


# 4. The fingerprint -------------------------------------------------------------------------------

def _change_notebook(tiny, tmp_path, monkeypatch):
    notebooks = tmp_path / "nb"
    shutil.copytree(tiny / "notebooks", notebooks)
    path = notebooks / "category_trends.ipynb"
    path.write_text(path.read_text().replace("uuid4", "uuid4 "))
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(notebooks))


def _change_data_file(filename, old="", new=""):
    """A copy of a packaged data file, with `old` replaced by `new` (or a newline added), in its place."""
    def change(tiny, tmp_path, monkeypatch):
        import xbdata.curate.catalogue
        import xbdata.engine.fingerprint
        import xbdata.iorw

        real = xbdata.iorw.data_path
        copy = tmp_path / filename
        text = real(filename).read_text(encoding="utf-8")
        assert not old or old in text
        copy.write_text(text.replace(old, new, 1) if old else text + "\n", encoding="utf-8")
        for module in (xbdata.engine.fingerprint, xbdata.curate.catalogue):
            monkeypatch.setattr(module, "data_path", lambda name: copy if name == filename else real(name))
    return change


def _add_article(tiny, tmp_path, monkeypatch):
    from xbdata.curate.articles import seeds_dir

    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), seeds)
    (seeds / "005_0123456789abcdef.txt").write_text("新文章,没有数字。", encoding="utf-8")
    with open(seeds / "sources.toml", "a", encoding="utf-8") as f:
        f.write('\n["005_0123456789abcdef"]\nslug = "new"\ntitle = "新文章"\noutlet = "某网站"\nscript = "zh-Hans"\n'
                'period = "2025"\n')
    monkeypatch.setenv("XBDATA_SEEDS", str(seeds))


def _rename_outlet(tiny, tmp_path, monkeypatch):
    """The outlet of the article behind the ranking: printed in its chart's source line and citation."""
    from xbdata.curate.articles import seeds_dir

    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), seeds)
    manifest = seeds / "sources.toml"
    text = manifest.read_text(encoding="utf-8")
    old = 'outlet = "summeng.com (interview by 深氢商业 with Erika Wang, Twitter Greater China)"'
    assert old in text
    manifest.write_text(text.replace(old, 'outlet = "summeng.com"'), encoding="utf-8")
    monkeypatch.setenv("XBDATA_SEEDS", str(seeds))


def _change_package_file(relative):
    def change(tiny, tmp_path, monkeypatch):
        import xbdata.engine.fingerprint

        package = tmp_path / "xbdata"
        shutil.copytree(xbdata.engine.fingerprint.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
        with open(package / relative, "a", encoding="utf-8") as f:
            f.write("\n")
        monkeypatch.setattr(xbdata.engine.fingerprint, "PACKAGE", package)
    return change


def _move_package_file(relative, to):
    """A module moved to another folder of the package, its bytes and name unchanged (and, here, its
    place among the sorted files too, so that only its folder tells)."""
    def change(tiny, tmp_path, monkeypatch):
        import xbdata.engine.fingerprint

        package = tmp_path / "xbdata"
        shutil.copytree(xbdata.engine.fingerprint.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
        (package / to).mkdir(exist_ok=True)
        (package / relative).rename(package / to / Path(relative).name)
        monkeypatch.setattr(xbdata.engine.fingerprint, "PACKAGE", package)
    return change


def _shadow_base_template(tiny, tmp_path, monkeypatch):
    shadow = tmp_path / "jupyter" / "nbconvert" / "templates" / "lab"
    shutil.copytree(Path(sys.prefix) / "share/jupyter/nbconvert/templates/lab", shadow)
    with open(shadow / "index.html.j2", "a") as f:
        f.write("\n")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))


def _version_of(package, version):
    def change(tiny, tmp_path, monkeypatch):
        import xbdata.engine.fingerprint

        real = xbdata.engine.fingerprint._version
        monkeypatch.setattr(xbdata.engine.fingerprint, "_version", lambda p: version if p == package else real(p))
    return change


def _vega(tiny, tmp_path, monkeypatch):
    import vl_convert

    monkeypatch.setattr(vl_convert, "get_vega_version", lambda: "99.0.0")


def _python(tiny, tmp_path, monkeypatch):
    import platform

    monkeypatch.setattr(platform, "python_version", lambda: "3.99.0")


CHANGES = {
    "notebook": (_change_notebook, "notebook"),
    "a catalogue row the report reads": (_change_data_file("catalogue.csv", "US Black Friday purchase intent rank: toys",
                                                           "US Black Friday purchase intent rank: toys and dolls"),
                                         "catalogue"),
    "the outlet of an article the report cites": (_rename_outlet, "seeds"),
    "xbdata code": (_change_package_file("reports/parameters.py"), "xbdata code"),
    "a module moved to another folder": (_move_package_file("engine/worker.py", "engine/workers"), "xbdata code"),
    "our nbconvert template": (_change_package_file("engine/templates/xbdata/index.html.j2"), "xbdata templates"),
    "our index template": (_change_package_file("engine/templates/site/index.html.j2"), "xbdata templates"),
    "nbconvert's base template": (_shadow_base_template, "nbconvert base template"),
    "the Vega bundle": (_vega, "vega bundle"),
    "python": (_python, "python 3"),
    **{package: (_version_of(package, "99.1"), f"{package} ") for package in
       ("altair", "vl-convert-python", "nbconvert", "papermill", "pandas", "pandera", "opencc", "ipykernel")},
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_changing_any_one_input_rebuilds_and_dry_run_names_it(change, tiny_good, tmp_path, monkeypatch):
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    out = tmp_path / "out"
    shutil.copytree(tiny_good / "good", out)
    [before] = build(["category_trends"], out, dry_run=True)
    assert before.status == "skipped"
    make, named = CHANGES[change]
    make(tiny_good, tmp_path, monkeypatch)
    [after] = build(["category_trends"], out, dry_run=True)
    assert after.status == "would build" and after.message.startswith("changed: ") and named in after.message, after
    assert after.message.count(";") == 0, f"only {named} changed: {after.message}"


def test_a_file_counts_by_its_path_in_its_folder_and_its_bytes(tmp_path):
    """Moved to another folder, the same bytes hash differently; the same tree under another root
    (another checkout, another machine) hashes the same."""
    from xbdata.engine.fingerprint import hash_files

    root = tmp_path / "one"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "a" / "x.txt").write_text("1")
    (root / "top.txt").write_text("2")
    before = hash_files(root.rglob("*"), root)
    (root / "a" / "x.txt").rename(root / "b" / "x.txt")
    moved = hash_files(root.rglob("*"), root)
    assert moved != before
    (root / "b" / "x.txt").write_text("3")
    assert hash_files(root.rglob("*"), root) not in (before, moved)
    shutil.copytree(root, tmp_path / "two")
    assert hash_files((tmp_path / "two").rglob("*"), tmp_path / "two") == hash_files(root.rglob("*"), root)


DATA_ONLY = {
    "exclusions": _change_data_file("exclusions.csv"),
    "a seed article without statistics": _add_article,
    "a catalogue row of a topic the report does not read": _change_data_file(
        "catalogue.csv", "China cross-border e-commerce market size, H1 2022",
        "China cross-border e-commerce market size, first half of 2022"),
}


@pytest.mark.parametrize("change", list(DATA_ONLY))
def test_a_data_change_that_leaves_the_report_s_statistics_alone_is_noted_not_rebuilt(change, tiny_good, tmp_path,
                                                                                      monkeypatch):
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    out = tmp_path / "out"
    shutil.copytree(tiny_good / "good", out)
    DATA_ONLY[change](tiny_good, tmp_path, monkeypatch)
    [after] = build(["category_trends"], out, dry_run=True)
    named = {"exclusions": "exclusions", "a seed article without statistics": "seeds"}.get(change, "catalogue")
    assert (after.status, after.message) == (
        "skipped", f"{named} changed, but not the statistics this report reads")
    [built] = build(["category_trends"], out)
    assert built.status == "skipped"
    manifest = json.loads((out / MANIFEST).read_text())["reports"]["category_trends"]
    assert manifest["fingerprint"] == built.fingerprint, "the manifest now holds the new inputs"
    [again] = build(["category_trends"], out, dry_run=True)
    assert again.message == "unchanged since the last build"


def test_parameters_are_an_input_and_dry_run_writes_nothing(tiny_good, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    out = tmp_path / "out"
    shutil.copytree(tiny_good / "good", out)
    [after] = build(["category_trends"], out, params={"category_trends": {"top_n": 3}}, dry_run=True)
    assert after.status == "would build" and "parameters" in after.message and '"top_n": 3' in after.message
    assert main(["build", "--dry-run", "-o", str(tmp_path / "new")]) == 0
    stdout, _ = capsys.readouterr()
    assert stdout.splitlines() == [f"{name}: would build (never built here)" for name in REPORTS]
    assert not (tmp_path / "new").exists()


def test_a_changed_input_really_rebuilds(tiny_good, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(tiny_good / "good", out)
    _change_notebook(tiny_good, tmp_path, monkeypatch)
    [outcome] = build(["category_trends"], out)
    assert outcome.status == "built"
    [again] = build(["category_trends"], out)
    assert again.status == "skipped"


# 6. Shape: the index -------------------------------------------------------------------------------

def test_the_index_escapes_what_comes_from_articles_and_the_manifest():
    entry = {"report": "category_trends", "params": {"market": "<script>alert(1)</script>"}, "built_at": "now",
             "seconds": 1.0, "sources": [{"outlet": "A&B", "title": "<b>bold</b>", "statistics": 2,
                                          "url": "javascript:alert(1)"},
                                         {"outlet": "C", "title": "t", "statistics": 1, "url": "https://x.test/?a=1&b=2"}]}
    page = index_page({"category_trends": entry})
    assert "<script>alert" not in page and "<b>bold</b>" not in page and "A&amp;B" in page
    assert "javascript:" not in page and 'href="https://x.test/?a=1&amp;b=2"' in page
    assert 'href="category_trends.html"' in page and "Product category trends" in page


def test_a_chinese_build_s_index_is_chinese_and_links_the_pdfs_that_exist(tmp_path):
    import re

    entry = {"report": "category_trends", "params": {"lang": "zh"}, "built_at": "2026-12-03 08:00", "seconds": 4.2,
             "sources": [{"outlet": "亿邦动力 (Ebrun)", "title": "标题", "statistics": 2, "url": ""}]}
    page = index_page({"category_trends": entry}, pdfs={"category_trends"})
    assert '<html lang="zh">' in page and 'href="category_trends.pdf"' in page
    visible = re.sub(r"<style>.*?</style>|<script>.*?</script>|<[^>]+>", " ", page, flags=re.S)
    assert set(re.findall(r"[A-Za-z_]{3,}", visible)) == {"category_trends", "lang", "PDF"}, \
        "Latin letters only in names and codes"
    from xbdata.engine.build import write_index

    (tmp_path / "data").mkdir()
    write_index(tmp_path, {"reports": {"category_trends": entry}}, pending=(2, 1))
    assert "新增的1篇文章中有2条草稿待审核" in (tmp_path / "index.html").read_text(encoding="utf-8")
    english = index_page({"category_trends": {**entry, "params": {"lang": "en"}}})
    assert '<html lang="en">' in english and ".pdf" not in english and "Built 2026-12-03 08:00 in 4.2s" in english


# 5. Parameter sweeps ---------------------------------------------------------------------------------

def test_a_grid_builds_every_combination_as_a_variant_incrementally(tiny_good, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    out = tmp_path / "out"
    argv = ["build", "category_trends", "-p", "market", "United States", "--grid", "top_n=3,5", "-o", str(out)]
    assert main([*argv, "--grid", "lang=en,zh"]) == 0
    stdout, _ = capsys.readouterr()
    assert stdout == "4 built, 0 unchanged, 0 failed\n"
    names = sorted(json.loads((out / MANIFEST).read_text())["reports"])
    market = "market=United_States~"
    assert [re.sub(r"~\w{6}", "~", n) for n in names] == [
        f"category_trends--lang=zh--{market}", f"category_trends--lang=zh--{market}--top_n=3",
        f"category_trends--{market}", f"category_trends--{market}--top_n=3"]
    index = (out / "index.html").read_text()
    assert index.count("<section") == 1, "the variants are grouped under their report"
    for name in names:
        assert f'href="{name}.html"' in index and (out / f"{name}.html").exists()
    assert "top_n = 3" in (out / f"{names[-1]}.ipynb").read_text(), "papermill injected the variant's values"
    assert main([*argv, "--grid", "lang=zh,en"]) == 0
    assert capsys.readouterr()[0] == "0 built, 4 unchanged, 0 failed\n", "unchanged variants are skipped"
    assert main(["build", "category_trends", "-p", "market", "United States", "--grid", "top_n=1", "-o", str(out),
                 "--dry-run"]) == 0
    assert re.search(r"category_trends--market=United_States~\w{6}--top_n=1: would build \(never built here\)",
                     capsys.readouterr()[0])


def test_every_combination_is_checked_before_anything_runs(tiny_good, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    code = main(["build", "category_trends", "--grid", "top_n=3,11", "-o", str(tmp_path / "out")])
    assert code == 2 and capsys.readouterr()[1] == "xbdata: error: parameter top_n must be a whole number from 1 to 5 (got 11)\n"
    assert not (tmp_path / "out").exists()


def test_a_grid_key_given_twice_is_a_one_line_error(tmp_path, capsys):
    code = main(["build", "category_trends", "--grid", "top_n=3", "--grid", "top_n=4", "-o", str(tmp_path / "out")])
    assert code == 2 and capsys.readouterr()[1] == (
        "xbdata: error: --grid top_n is given twice (top_n=3, then top_n=4): give its values once, as --grid top_n=3,4\n")
    assert not (tmp_path / "out").exists()


def test_a_build_killed_outright_leaves_no_worker_or_kernel_running(tiny_good, tmp_path):
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {"XBDATA_NOTEBOOKS": str(tiny_good / "notebooks"), "TINY_SLEEP": "60", "TINY_PIDS": str(pids)}
    build_process = xbdata("build", "category_trends", "-o", str(tmp_path / "out"), env=env)
    deadline = time.monotonic() + 60
    while not kernel_pids(pids):
        assert build_process.poll() is None and time.monotonic() < deadline, build_process.communicate()
        time.sleep(0.05)
    [kernel] = kernel_pids(pids)
    build_process.kill()
    build_process.communicate()
    assert gone_within([kernel], 15), "the orphaned worker stopped its kernel"


# 7. Beyond one machine ---------------------------------------------------------------------------------

def test_dask_builds_the_same_reports_and_manifest_as_local(tiny_good, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    out = tmp_path / "out"
    assert main(["build", "category_trends", "--executor", "dask", "-o", str(out)]) == 0
    stdout, err = capsys.readouterr()
    assert stdout == "1 built, 0 unchanged, 0 failed\n" and all(PROGRESS.match(line) for line in err.splitlines()), err
    local = json.loads((tiny_good / "good" / MANIFEST).read_text())["reports"]["category_trends"]
    dask = json.loads((out / MANIFEST).read_text())["reports"]["category_trends"]
    assert set(dask) == set(local) and dask["fingerprint"] == local["fingerprint"] and dask["sources"] == local["sources"]
    in_notebook, in_page = _marks(out, "category_trends")
    assert len(in_notebook) == 1 and in_notebook == in_page
    assert leftovers(out) == []
    assert main(["build", "category_trends", "--executor", "dask", "-o", str(out)]) == 0
    assert capsys.readouterr()[0] == "0 built, 1 unchanged, 0 failed\n"


def test_dasks_logs_go_to_a_file_in_the_output_folder_never_the_terminal(tmp_path):
    """Dask's scheduler, nannies and workers log (a heartbeat traceback under load); capsys cannot see
    worker processes, so the build runs as a process of its own, with Dask made as talkative as it
    gets (debug) so that anything not sent to the log file would show on stderr."""
    notebooks = write_notebooks(tmp_path / "notebooks")
    out = tmp_path / "out"
    env = {"XBDATA_NOTEBOOKS": str(notebooks), "DASK_LOGGING__DISTRIBUTED": "debug"}
    build_process = xbdata("build", "category_trends", "--executor", "dask", "-o", str(out), env=env)
    stdout, err = build_process.communicate(timeout=300)
    assert build_process.returncode == 0 and stdout == "1 built, 0 unchanged, 0 failed\n", err
    assert [line for line in err.splitlines() if not PROGRESS.match(line)] == [], err
    assert "distributed." not in err and "Traceback" not in err
    log = (out / "dask.log").read_text(encoding="utf-8")
    assert "distributed.scheduler" in log and "distributed.worker" in log, log[:2000]
    assert leftovers(out) == []


def test_a_scheduler_needs_the_dask_executor(capsys, tmp_path):
    assert main(["build", "--scheduler", "tcp://127.0.0.1:1", "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr()[1] == "xbdata: error: --scheduler is for --executor dask\n"


def test_an_added_article_rebuilds_only_the_reports_its_statistics_touch(tiny_good, tmp_path, monkeypatch, capsys):
    """add → review → build: a new market-size figure rebuilds market_size; the other reports are noted, not run."""
    from xbdata.curate.review import accept_all

    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(tiny_good / "notebooks"))
    monkeypatch.setenv("XBDATA_ARTICLES", str(tmp_path / "articles"))
    out = tmp_path / "out"
    assert {o.status for o in build(None, out)} == {"built"}
    article = tmp_path / "later.txt"
    article.write_text("行业观察\n\n2024年中国跨境电商市场规模达到16.9万亿元。\n", encoding="utf-8")
    assert main(["add", str(article), "--title", "市场观察", "--published", "2025-08-01"]) == 0
    capsys.readouterr()
    # while its draft awaits review, a build says so once, on the terminal and on the index page
    assert main(["build", "-o", str(out)]) == 0
    notice = "2 drafts of 1 added article await review, so their figures are not in these reports yet"
    assert "".join(capsys.readouterr()).count(notice) == 1
    assert notice in (out / "index.html").read_text(encoding="utf-8")
    done, kept = accept_all()
    assert done and not kept, "the article's market-size figure was accepted"
    plan = {o.name: o for o in build(None, out, dry_run=True)}
    assert plan["market_size"].status == "would build" and plan["market_size"].message == "changed: added articles"
    for name in ("user_demographics", "category_trends"):
        assert (plan[name].status, plan[name].message) == (
            "skipped", "added articles changed, but not the statistics this report reads")
    marks = _marks(out, "category_trends")
    statuses = {o.name: o.status for o in build(None, out)}
    assert statuses == {"market_size": "built", "user_demographics": "skipped", "category_trends": "skipped"}
    assert _marks(out, "category_trends") == marks, "category_trends was not run again"
    assert {o.status for o in build(None, out, dry_run=True)} == {"skipped"}
    assert "await review" not in (out / "index.html").read_text(encoding="utf-8")
