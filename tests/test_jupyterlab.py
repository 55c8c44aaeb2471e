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
    # No "notified about official Jupyter news?" toast over the screenshots.
    news = root / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}', encoding="utf-8")
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


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """One folder for every screenshot of this module (its path is printed: look at them)."""
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots in {folder}")
    return folder


def notebook_copy(lab, name: str, lang: str, articles: Path | None = None) -> str:
    """A copy of notebooks/`name` with its `lang` parameter set, and with `articles` as the kernel's
    XBDATA_ARTICLES (set in a first cell, as a user's own folder would be); the copy's name."""
    import json
    import re

    nb = json.loads((notebooks_dir() / name).read_text(encoding="utf-8"))
    params = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    source = "".join(params["source"])
    assert re.search(r'^lang = "en"', source, re.M), source
    params["source"] = re.sub(r'^lang = "en"', f'lang = "{lang}"', source, flags=re.M)
    if articles is not None:
        nb["cells"].insert(0, {"cell_type": "code", "id": "articles", "metadata": {}, "execution_count": None,
                               "outputs": [], "source": f"import os\nos.environ['XBDATA_ARTICLES'] = {str(articles)!r}"})
    copy = f"{Path(name).stem}_{lang}{'_articles' if articles else ''}.ipynb"
    (lab["root"] / "notebooks" / copy).write_text(json.dumps(nb), encoding="utf-8")
    return copy


def overflow(page, selector: str) -> list[str]:
    """Widgets under `selector` that reach past the notebook's output area, or an output area that
    scrolls sideways: what a reader would have to scroll to see."""
    return page.evaluate("""sel => {
        const bad = [];
        for (const root of document.querySelectorAll(sel)) {
            const area = root.closest('.jp-OutputArea-output');
            const right = area.getBoundingClientRect().right + 1;
            if (area.scrollWidth > area.clientWidth + 1) bad.push(`output area scrolls: ${area.scrollWidth} > ${area.clientWidth}`);
            for (const e of [root, ...root.querySelectorAll('.jupyter-widgets')]) {
                const r = e.getBoundingClientRect();
                if (e.offsetParent !== null && r.right > right) bad.push(`${e.className} ends at ${r.right} > ${right}`);
            }
        }
        return bad;
    }""", selector)


def cut_labels(page, selector: str) -> list[str]:
    """Buttons and labels under `selector` whose words do not fit them (shown cut, as "Accept all (this ar…")."""
    return page.evaluate("""sel => [...document.querySelectorAll(`${sel} button, ${sel} .widget-label`)]
        .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)""", selector)


def run_notebook(browser, lab, name):
    """Open `name` in JupyterLab, wait for the kernel, run all cells, wait until done."""
    page = browser.new_page()
    blocked, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(lab["base"])
               else (blocked.append(route.request.url), route.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        opened = time.monotonic()
        page.goto(f"{lab['base']}/lab/tree/{name}?reset&token={TOKEN}")
        page.wait_for_selector(".jp-Notebook", timeout=90000)
        page.wait_for_function("document.body.innerText.includes('| Idle')", timeout=90000)
        print(f"{name}: the kernel is idle {time.monotonic() - opened:.1f} s after opening")
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
    settle(page)
    return page, blocked, errors


# Resolves once nothing in the notebook's outputs has changed for `quiet` ms, or after `most` ms.
_SETTLED = """([quiet, most]) => new Promise(resolve => {
    const notebook = document.querySelector('.jp-Notebook');
    let timer;
    const done = () => { observer.disconnect(); clearTimeout(cap); clearTimeout(timer); resolve(true); };
    const observer = new MutationObserver(records => {
        if (records.some(r => (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('.jp-OutputArea'))) {
            clearTimeout(timer);
            timer = setTimeout(done, quiet);
        }
    });
    observer.observe(notebook, {subtree: true, childList: true, characterData: true, attributes: true});
    timer = setTimeout(done, quiet);
    const cap = setTimeout(done, most);
})"""


def settle(page, quiet_ms: int = 300, most_ms: int = 5000) -> None:
    """Wait until the outputs stop changing (widgets and charts render after the kernel's last
    message), rather than a fixed second: measured on every notebook here, each widget and chart
    had rendered by the time the kernel was idle, and the outputs then stayed as they were for 2 s."""
    page.evaluate(_SETTLED, [quiet_ms, most_ms])


def cell_errors(page) -> int:
    return page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()


def finish(page, blocked, errors, shot: Path, focus: str = ""):
    """Screenshot (with the element `focus` names scrolled to the top), then check the page stayed clean."""
    if focus:   # its cell made the active one (a click on its first label), so JupyterLab keeps it in view
        target = page.locator(focus).first
        target.locator(".widget-label").first.click()
        target.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
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
    assert search_for("抖音海外版") == "2 statistics"  # the quote is in article 001's traditional text, and its sentence
    assert "超過5億用戶" in explorer.inner_text()
    traditional, simplified = search_for("粉絲"), search_for("粉丝")
    assert traditional == simplified != everything
    finish(page, blocked, errors, tmp_path / "explore.png")


def options_of(select) -> list[str]:
    return select.evaluate("s => [...s.options].map(o => o.textContent.replace(/\\u00a0/g, ' '))")


def wait_for_text(page, selector: str, words: str, timeout: int = 20000) -> None:
    page.wait_for_function("([sel, words]) => document.querySelector(sel).innerText.includes(words)",
                           arg=[selector, words], timeout=timeout)


def test_explorer_says_which_filters_left_nothing_and_clears_them(browser, lab, shots):
    """Issue 21's freeze: a combination that leaves nothing now says so, names the filters and clears them."""
    page, blocked, errors = run_notebook(browser, lab, notebook_copy(lab, "explore.ipynb", "en"))
    explorer = page.locator(".xbdata-explorer")
    topic, article, place, kind = (explorer.locator(".widget-dropdown select").nth(i) for i in range(4))
    assert "demographics (9)" in options_of(topic) and "Malaysia (3)" in options_of(place)
    topic.select_option(label="demographics (9)")
    wait_for_text(page, ".xbdata-explorer", "topic='demographics'")
    assert "Malaysia (3)" not in options_of(place) and options_of(place)[0] == "all (9)"   # narrowed, with counts
    kind.select_option(label="survey (4)")
    wait_for_text(page, ".xbdata-explorer", "kind='survey'")
    explorer.locator("input[type=text]").first.fill("installs")
    wait_for_text(page, ".xbdata-explorer", "The search finds 1 statistic, but none with topic “demographics” and kind “survey”.")
    buttons = explorer.locator("button:visible")
    assert sorted(buttons.all_inner_texts()) == ["clear all filters", "clear kind", "clear topic"]
    assert "0 statistics" in explorer.inner_text() and options_of(explorer.locator("select").nth(4)) == []
    page.screenshot(path=str(shots / "explore-en-empty.png"))
    assert overflow(page, ".xbdata-explorer") == [] and cut_labels(page, ".xbdata-explorer") == []
    explorer.get_by_role("button", name="clear all filters").click()
    page.wait_for_function("!document.querySelector('.xbdata-explorer').innerText.includes('The search finds')", timeout=20000)
    assert options_of(explorer.locator("select").nth(4))[0].startswith("TikTok installs · over 3 billion installs")
    wait_for_text(page, ".xbdata-explorer", "超过30亿")
    assert buttons.count() == 0
    assert overflow(page, ".xbdata-explorer") == []
    finish(page, blocked, errors, shots / "explore-en.png")


def test_explorer_in_zh(browser, lab, shots):
    page, blocked, errors = run_notebook(browser, lab, notebook_copy(lab, "explore.ipynb", "zh"))
    explorer = page.locator(".xbdata-explorer")
    topic, article, place, kind = (explorer.locator(".widget-dropdown select").nth(i) for i in range(4))
    assert "用户画像（9）" in options_of(topic) and "美国（18）" in options_of(place) and "调查（27）" in options_of(kind)
    assert [t.strip() for t in explorer.locator(".widget-label").all_inner_texts()][:5] == ["搜索", "主题", "文章", "地区", "类型"]
    assert options_of(explorer.locator("select").nth(4))[0] == "2022年上半年中国跨境电商市场规模 · 超过7万亿元 · 000 · 2022年上半年"
    assert "实际 · 2022年上半年 · 中国" in explorer.inner_text()
    topic.select_option(label="用户画像（9）")
    wait_for_text(page, ".xbdata-explorer", "topic='demographics'")
    explorer.locator("input[type=text]").first.fill("安装量")
    wait_for_text(page, ".xbdata-explorer", "搜索到 1 个统计数字，但没有符合主题“用户画像”的。")
    assert explorer.locator("button:visible").all_inner_texts() == ["清除主题"]
    assert overflow(page, ".xbdata-explorer") == [] and cut_labels(page, ".xbdata-explorer") == []
    finish(page, blocked, errors, shots / "explore-zh.png")


@pytest.fixture
def half_year(tmp_path, monkeypatch):
    """A folder of added articles holding the half-year article, its drafts pending review."""
    from added_articles import HALF_YEAR

    from xbdata.cli import main

    folder = tmp_path / "articles"
    monkeypatch.setenv("XBDATA_ARTICLES", str(folder))
    (tmp_path / "half.txt").write_text(HALF_YEAR, encoding="utf-8")
    assert main(["add", str(tmp_path / "half.txt"), "--title", "跨境电商半年观察", "--published", "2025-07-20"]) == 0
    return folder


def button(root, words: str):
    """The button that says exactly `words` (its icon aside)."""
    import re

    return root.locator("button").filter(has_text=re.compile(rf"^\s*{re.escape(words)}\s*$"))


def chosen(select) -> str:
    return select.evaluate("s => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].textContent.replace(/\\u00a0/g, ' ')")


def test_review_panel_flows_to_the_next_draft(browser, lab, shots, half_year):
    page, blocked, errors = run_notebook(browser, lab, notebook_copy(lab, "review.ipynb", "en", half_year))
    panel = page.locator(".xbdata-review")
    drafts = panel.locator("select").nth(1)
    assert chosen(drafts).startswith("005-1 ·")
    assert cut_labels(page, ".xbdata-review") == [] and overflow(page, ".xbdata-review") == []
    assert panel.get_by_role("button", name="Accept all in this article").is_visible()
    drafts.select_option(label="005-3 · statistic · 1.03万亿元")
    wait_for_text(page, ".xbdata-review", "出口额为1.03万亿元")
    button(panel, "Accept").click()
    wait_for_text(page, ".xbdata-review", "Accepted 005-3 as china_xborder_export_value_2025_h1.")
    assert chosen(drafts).startswith("005-4 ·")                          # the next one, not the first
    button(panel, "Reject").click()
    wait_for_text(page, ".xbdata-review", "Write in the reason box why 005-4 is not a statistic, then reject it.")
    reason = panel.get_by_placeholder("why it is not a statistic")
    reason.fill("a year, not a figure")
    button(panel, "Reject").click()
    wait_for_text(page, ".xbdata-review", "Rejected 005-4: a year, not a figure.")
    page.wait_for_function("document.querySelector('.xbdata-review input[placeholder^=why]').value === ''", timeout=20000)
    assert chosen(drafts).startswith("005-5 ·")
    keys = panel.get_by_placeholder("a accept · r reject · e edit · j/k next/previous")
    keys.press("j")
    page.wait_for_function("s => { const x = document.querySelectorAll('.xbdata-review select')[1]; "
                           "return x.options[x.selectedIndex].textContent.startsWith('005-6'); }", arg=None, timeout=20000)
    keys.press("a")
    wait_for_text(page, ".xbdata-review", "Excluded 005-6: date")
    assert chosen(drafts).startswith("005-7 ·") and keys.input_value() == ""
    assert "--" not in panel.inner_text().split("Keys")[-1]
    assert cut_labels(page, ".xbdata-review") == [] and overflow(page, ".xbdata-review") == []
    finish(page, blocked, errors, shots / "review-en.png", ".xbdata-review")


def test_review_panel_in_zh(browser, lab, shots, half_year):
    page, blocked, errors = run_notebook(browser, lab, notebook_copy(lab, "review.ipynb", "zh", half_year))
    panel = page.locator(".xbdata-review")
    assert sorted(panel.locator("button").all_inner_texts()) == sorted(["采纳", "采纳本文全部", "驳回", "修改"])
    assert chosen(panel.locator("select").nth(1)) == "005-1 · 统计 · 达到1.32万亿元"
    button(panel, "驳回").click()
    wait_for_text(page, ".xbdata-review", "请在“理由”框写明 005-1 为什么不是统计数字，再驳回。")
    button(panel, "采纳").click()
    wait_for_text(page, ".xbdata-review", "已采纳 005-1，编号 china_xborder_import_and_export_value_2025_h1。")
    assert chosen(panel.locator("select").nth(1)).startswith("005-2 ·")
    assert cut_labels(page, ".xbdata-review") == [] and overflow(page, ".xbdata-review") == []
    finish(page, blocked, errors, shots / "review-zh.png", ".xbdata-review")


@pytest.mark.parametrize("name,labels", [("market_size", ["年增长率", "推算年数"]), ("user_demographics", ["平台"]),
                                         ("category_trends", ["显示前几名"])])
def test_reports_in_zh(browser, lab, shots, name, labels):
    page, blocked, errors = run_notebook(browser, lab, notebook_copy(lab, f"{name}.ipynb", "zh"))
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 2", timeout=30000)
    assert "数据来源" in page.locator(".jp-Notebook").inner_text()
    live = page.locator(".widget-vbox").first
    assert [t.strip() for t in live.locator(".widget-label").all_inner_texts()] == labels   # the live cell's controls
    assert live.locator(".vega-bind").count() == 0
    if name == "user_demographics":
        assert chosen(live.locator("select").first) == "全部"
    assert overflow(page, ".widget-vbox") == [] and cut_labels(page, ".widget-vbox") == []
    finish(page, blocked, errors, shots / f"{name}-zh.png", ".widget-vbox")


def _charts(page) -> int:
    return page.locator(".xbdata-chart svg.marks").count()


def test_market_size_slider_reprojects(browser, lab, shots):
    page, blocked, errors = run_notebook(browser, lab, "market_size.ipynb")
    page.wait_for_function("document.querySelectorAll('.xbdata-chart svg.marks').length >= 4", timeout=30000)
    widget = page.locator(".widget-vbox").first
    before = widget.inner_text()
    assert "at 10.0% a year" in before
    # One control per quantity: the kernel's sliders, named in words and shown whole; the live chart has
    # no slider of its own to disagree with them (issue 21: it redrew at 28.5% while they said 10.0%).
    assert [t.strip() for t in widget.locator(".widget-label").all_inner_texts()] == ["Annual growth", "Years ahead"]
    assert widget.locator(".widget-readout").first.inner_text() == "10.0%"
    assert widget.locator(".vega-bind").count() == 0 and page.locator(".vega-bind").count() >= 1   # the shared HTML's chart keeps its own
    assert cut_labels(page, ".widget-vbox") == [] and overflow(page, ".widget-vbox") == []
    handle = widget.locator(".noUi-handle").first
    handle.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    # Four steps of 0.5 points: the kernel re-projects on each, and the last one lands at 12%.
    page.wait_for_function("document.querySelector('.widget-vbox').innerText.includes('at 12.0% a year')", timeout=30000)
    assert "at 10.0% a year" not in widget.inner_text()
    assert _charts(page) >= 4
    finish(page, blocked, errors, shots / "market_size-en.png", ".widget-vbox")


def test_demographics_dropdown_filters(browser, lab, shots):
    page, blocked, errors = run_notebook(browser, lab, "user_demographics.ipynb")
    assert _charts(page) >= 2
    widget = page.locator(".widget-vbox").first
    assert "xiaohongshu_users_25_32" in widget.inner_text()
    widget.locator("select").first.select_option("Twitter")
    page.wait_for_function("!document.querySelector('.widget-vbox').innerText.includes('xiaohongshu_users_25_32')",
                           timeout=20000)
    assert "twitter_users_share_16_34" in widget.inner_text()
    finish(page, blocked, errors, shots / "user_demographics-en.png", ".widget-vbox")


def test_category_trends_runs(browser, lab, shots):
    page, blocked, errors = run_notebook(browser, lab, "category_trends.ipynb")
    assert _charts(page) >= 3
    assert page.locator(".widget-slider").count() >= 1
    finish(page, blocked, errors, shots / "category_trends-en.png", ".widget-vbox")


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
    deadline = time.monotonic() + 1   # as long as it ever waited: a second after the server's exit
    while (left := subprocess.run(["pgrep", "-f", str(lab["runtime"])], capture_output=True,
                                  text=True).stdout.split()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == [], f"processes left running: {left}"
