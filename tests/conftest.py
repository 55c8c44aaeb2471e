from pathlib import Path

import pytest

from xbdata.engine.pdf import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session", autouse=True)
def no_added_articles(tmp_path_factory):
    """The suite sees the seeds alone: articles a user added under articles/ are not part of the tests,
    and no test can write there. Tests of `xbdata add` point XBDATA_ARTICLES at their own tmp folder."""
    import os

    previous = os.environ.get("XBDATA_ARTICLES")
    os.environ["XBDATA_ARTICLES"] = str(tmp_path_factory.mktemp("no-added-articles") / "articles")
    yield
    if previous is None:
        os.environ.pop("XBDATA_ARTICLES", None)
    else:
        os.environ["XBDATA_ARTICLES"] = previous


@pytest.fixture(scope="session")
def texts():
    from xbdata.curate.articles import seed_texts
    return seed_texts()


@pytest.fixture(scope="session")
def built_reports(tmp_path_factory):
    """The three reports built once with their defaults (shared by the build and browser tests)."""
    from xbdata.engine.build import build

    out = tmp_path_factory.mktemp("reports")
    outcomes = build(out_dir=out)
    assert [o.status for o in outcomes] == ["built"] * 3, [o.message for o in outcomes]
    return out


def run_papermill(*args: str) -> "subprocess.CompletedProcess":
    """Plain `papermill` as a user would run it, with a cell timeout and one retry.

    papermill can lose a kernel message and wait forever (papermill #711); a test must not.
    """
    import subprocess
    import sys

    command = [sys.executable, "-m", "papermill", "--no-progress-bar", "--log-level", "ERROR",
               "--execution-timeout", "120", *args]
    for attempt in (1, 2):
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=240)
        except subprocess.TimeoutExpired:
            if attempt == 2:
                raise


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's headless Chromium (never a downloaded browser) with a fresh profile, for all browser tests."""
    import shutil

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(tmp_path_factory.mktemp("chromium-profile")),
                                                       executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                                       viewport={"width": 1400, "height": 1000})
        try:
            yield context
        finally:
            context.close()
