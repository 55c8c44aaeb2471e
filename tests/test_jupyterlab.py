"""End to end in a real JupyterLab, driven in Debian's headless Chromium.

A JupyterLab server starts on a free loopback port with a token set here, over copies of the
notebooks. Each notebook is opened and run; the tests assert no cell errors, that the ipywidgets
render, that changing a control changes the output, and that the charts draw. Requests that leave
the server are aborted. The server is shut down whatever happens, and the last test checks that no
kernel or server process is left. Select these alone with `pytest -m jupyterlab`.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from xbdata.engine.build import notebooks_dir

pytestmark = pytest.mark.jupyterlab

TOKEN = "xbdata-e2e-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(notebooks_dir(), root / "notebooks")
    runtime = root / "runtime"
    runtime.mkdir()
    port = _free_port()
    log = open(root / "server.log", "w")
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root / 'notebooks'}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=None"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    # Its own runtime, workspace and settings folders: nothing from ~/.jupyter, nothing shared between runs.
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime), "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(root / "settings")}
    server = subprocess.Popen(command, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start: {(root / 'server.log').read_text()[-2000:]}")
                time.sleep(0.25)
        yield {"base": base, "runtime": runtime, "server": server, "root": root}
    finally:
        try:
            urllib.request.urlopen(urllib.request.Request(f"{base}/api/shutdown?token={TOKEN}", method="POST"),
                                   timeout=10)
            server.wait(timeout=30)
        except Exception:
            pass
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()


def run_notebook(browser, lab, name):
    """Open `name` in JupyterLab, wait for the kernel, run all cells, wait until done."""
    page = browser.new_page()
    blocked, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(lab["base"])
               else (blocked.append(route.request.url), route.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{lab['base']}/lab/tree/{name}?reset&token={TOKEN}")
        page.wait_for_selector(".jp-Notebook", timeout=90000)
        page.wait_for_function("document.body.innerText.includes('| Idle')", timeout=90000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        page.wait_for_function("document.querySelectorAll('.jp-InputPrompt').length > 0 && "
                               "![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.innerText.includes('*'))"
                               " && document.body.innerText.includes('| Idle')", timeout=120000)
    except Exception:
        shot = lab["root"] / f"{name}.timeout.png"
        page.screenshot(path=str(shot))
        print(f"screenshot at the failure: {shot}")
        raise
    page.wait_for_timeout(1000)
    return page, blocked, errors


def cell_errors(page) -> int:
    return page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()


def finish(page, blocked, errors, shot: Path):
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    assert cell_errors(page) == 0
    assert blocked == [], blocked
    assert [e for e in errors if "favicon" not in e] == []
    page.close()


def test_explorer_answers_the_tiktok_question_in_both_scripts(browser, lab, tmp_path):
    page, blocked, errors = run_notebook(browser, lab, "explore.ipynb")
    explorer = page.locator(".xbdata-explorer")
    assert explorer.count() == 1 and explorer.locator(".jupyter-widgets").count() > 5
    search = explorer.locator("input[type=text]").first
    count = explorer.locator(".widget-html").nth(0)

    def search_for(query: str) -> str:
        """Type a query and wait until the explorer shows its results; the count line."""
        search.fill(query)
        page.wait_for_function("q => document.querySelector('.xbdata-explorer').innerText.includes(`xbdata.search('${q}')`)",
                               arg=query, timeout=20000)
        return count.inner_text()

    everything = count.inner_text()
    assert search_for("TikTok") == "5 statistics" and everything == "74 statistics"
    options = explorer.locator("select option").evaluate_all("os => os.map(o => o.textContent.replace(/\\u00a0/g, ' '))")
    assert any("TikTok installs" in o for o in options) and any("TikTok users" in o for o in options)
    assert search_for("抖音海外版") == "1 statistic"  # the quote is in article 001's traditional text
    assert "超過5億用戶" in explorer.inner_text()
    traditional, simplified = search_for("粉絲"), search_for("粉丝")
    assert traditional == simplified != everything
    finish(page, blocked, errors, tmp_path / "explore.png")


def _charts(page) -> int:
    return page.locator(".xbdata-chart svg.marks").count()


def test_market_size_slider_reprojects(browser, lab, tmp_path):
    page, blocked, errors = run_notebook(browser, lab, "market_size.ipynb")
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 4", timeout=30000)
    widget = page.locator(".widget-vbox").first
    before = widget.inner_text()
    assert "at 10.0% a year" in before
    handle = widget.locator(".noUi-handle").first
    handle.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    # Four steps of 0.5 points: the kernel re-projects on each, and the last one lands at 12%.
    page.wait_for_function("document.querySelector('.widget-vbox').innerText.includes('at 12.0% a year')", timeout=30000)
    assert "at 10.0% a year" not in widget.inner_text()
    assert _charts(page) >= 4
    finish(page, blocked, errors, tmp_path / "market_size.png")


def test_demographics_dropdown_filters(browser, lab, tmp_path):
    page, blocked, errors = run_notebook(browser, lab, "user_demographics.ipynb")
    assert _charts(page) >= 2
    widget = page.locator(".widget-vbox").first
    assert "xiaohongshu_users_25_32" in widget.inner_text()
    widget.locator("select").first.select_option("Twitter")
    page.wait_for_function("!document.querySelector('.widget-vbox').innerText.includes('xiaohongshu_users_25_32')",
                           timeout=20000)
    assert "twitter_users_share_16_34" in widget.inner_text()
    finish(page, blocked, errors, tmp_path / "user_demographics.png")


def test_category_trends_runs(browser, lab, tmp_path):
    page, blocked, errors = run_notebook(browser, lab, "category_trends.ipynb")
    assert _charts(page) >= 3
    assert page.locator(".widget-slider").count() >= 1
    finish(page, blocked, errors, tmp_path / "category_trends.png")


def test_explorer_shows_a_hostile_article_as_text(browser, lab, tmp_path_factory, monkeypatch):
    """The explorer in JupyterLab, over an added article full of markup: none of it runs or renders."""
    import json

    from test_hostile import PAYLOAD_CLAUSE, add_hostile_article

    folder = tmp_path_factory.mktemp("hostile-lab")
    monkeypatch.setenv("XBDATA_ARTICLES", str(folder / "articles"))
    add_hostile_article(folder)
    source = f"import os\nos.environ['XBDATA_ARTICLES'] = {str(folder / 'articles')!r}\nimport xbdata\nxbdata.explorer()"
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                                 "language": "python"}},
                "cells": [{"cell_type": "code", "id": "hostile", "metadata": {}, "execution_count": None,
                           "outputs": [], "source": source}]}
    (lab["root"] / "notebooks" / "hostile_explore.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    page, blocked, errors = run_notebook(browser, lab, "hostile_explore.ipynb")
    explorer = page.locator(".xbdata-explorer")
    explorer.locator("input[type=text]").first.fill("1.2万亿")
    page.wait_for_function("document.querySelector('.xbdata-explorer').innerText.includes(\"xbdata.search('1.2万亿')\")",
                           timeout=20000)
    page.wait_for_function("document.querySelector('.xbdata-explorer').innerText.includes('onerror=window.__pwned=2')",
                           timeout=20000)
    assert PAYLOAD_CLAUSE.split("<svg")[0] in explorer.inner_text()   # the quote, markup shown as text
    assert page.evaluate("window.__pwned") is None                    # no script of the article ever ran
    assert explorer.locator("img, iframe, svg[onload], script").count() == 0
    assert page.evaluate("""Array.from(document.querySelectorAll('.xbdata-explorer *')).filter(e =>
        Array.from(e.attributes).some(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))).length""") == 0
    finish(page, blocked, errors, tmp_path_factory.mktemp("shots") / "hostile_explore.png")


def test_zz_nothing_left_running(lab, browser):
    """Shut the server down as the fixture will, and check no kernel or server process remains."""
    urllib.request.urlopen(urllib.request.Request(f"{lab['base']}/api/shutdown?token={TOKEN}", method="POST"),
                           timeout=10)
    lab["server"].wait(timeout=30)
    time.sleep(1)
    left = subprocess.run(["pgrep", "-f", str(lab["runtime"])], capture_output=True, text=True).stdout.split()
    assert left == [], f"processes left running: {left}"
