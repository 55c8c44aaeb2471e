import os
from pathlib import Path

from xbdata.reports.deferred import defer_all

# Before anything imports jsonschema (nbformat and altair do, in test modules and here): its IRI
# check's grammar is built the first time an IRI is checked, not in every collection (2 to 3 s each,
# in each worker and in each collection tests/test_isolation.py runs). What a kernel does, the suite does.
defer_all()

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from xbdata.engine.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# Where xbdata looks for a user's data; the suite brings its own, so none of these may reach a test.
USER_FOLDERS = ("XBDATA_ARTICLES", "XBDATA_SEEDS", "XBDATA_NOTEBOOKS")
_saved_environment: dict[str, str | None] = {}


def pytest_configure(config):
    """Before any test module is imported or collected: the suite sees the seeds alone.

    Articles a user added (under articles/ or $XBDATA_ARTICLES) are not part of the tests and no
    test can write there: XBDATA_ARTICLES points at an empty folder of the suite's own. A user's
    XBDATA_SEEDS and XBDATA_NOTEBOOKS are set aside too, so the checkout's seeds/ and notebooks/
    are what every test reads. Tests of `xbdata add` point XBDATA_ARTICLES at their own tmp folder.
    This runs at configure time, not in a fixture, because collection (parametrizing over the
    catalogue, say) happens before any fixture runs; tests/test_isolation.py holds it to that.
    """
    import os
    import tempfile

    for name in USER_FOLDERS:
        _saved_environment[name] = os.environ.pop(name, None)
    folder = Path(tempfile.mkdtemp(prefix="xbdata-no-added-articles-"))
    _saved_environment["folder"] = str(folder)
    os.environ["XBDATA_ARTICLES"] = str(folder / "articles")


def pytest_unconfigure(config):
    import os
    import shutil

    folder = _saved_environment.pop("folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
    for name in USER_FOLDERS:
        previous = _saved_environment.pop(name, None)
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


# Hypothesis fails an example that takes longer than its deadline (200 ms): a timing, which no test
# here asserts. On a loaded machine (two workers, other jobs) a 0.2 ms example took 438 ms once.
settings.register_profile("xbdata", deadline=None)
settings.load_profile("xbdata")


# The slowest modules, slowest first, as `--durations` measured them (issue 15; measured again once the
# suite was made cheaper, when test_one_report, 20 s and not named, was the last module to run): under
# pytest-xdist each module runs whole in one worker (--dist loadfile), and a worker that starts the
# longest ones first leaves the short ones to even out the end, instead of one worker running
# JupyterLab alone at the end. A module not named keeps its place after these.
SLOWEST_FIRST = ("test_jupyterlab.py", "test_build_engine.py", "test_pdf.py", "test_build.py", "test_browser.py",
                 "test_warm.py", "test_corpus_reports.py", "test_one_report.py", "test_charts.py", "test_chart_axes.py",
                 "test_hostile.py", "test_language.py", "test_search.py", "test_isolation.py", "test_corpus.py",
                 "test_print_config.py", "test_imports.py", "test_extract_corpus.py", "test_bundle.py", "test_articles.py",
                 "test_eval.py", "test_label_zh.py", "test_review.py", "test_portable.py", "test_browser_theme.py",
                 "test_gaps.py")


def pytest_collection_modifyitems(session, config, items):
    """Under pytest-xdist, the slowest modules first (SLOWEST_FIRST); each module's own order is kept."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session")
def texts():
    from xbdata.curate.articles import seed_texts
    return seed_texts()


def made_once(tmp_path_factory, name: str, make) -> Path:
    """`make(folder)` run once for the whole run, even across pytest-xdist's workers; the folder.

    A session fixture runs once in each worker process. Under xdist the first worker to ask makes
    the folder in the run's own temporary folder (above every worker's) while holding a lock, and
    the others wait for it and read the same files. Tests read these folders and never write into
    them (they copy first).
    """
    from xbdata.lock import hold

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        out = tmp_path_factory.mktemp(name)
        make(out)
        return out
    run = tmp_path_factory.getbasetemp().parent   # pytest-N, shared by this run's workers alone
    out, done = run / name, run / f"{name}.built"
    with hold(run / f"{name}.lock"):
        if not done.exists():
            make(out)
            done.touch()
    return out


def built_once(tmp_path_factory, name: str, params: dict | None = None) -> Path:
    """The three reports built into a folder `name`, once for the whole run (`made_once`): a build of
    the three reports would cost each worker a fair share of the run."""
    from xbdata.engine.build import build

    def make(out: Path) -> None:
        outcomes = build(out_dir=out, params=params)
        assert [o.status for o in outcomes] == ["built"] * 3, [o.message for o in outcomes]

    return made_once(tmp_path_factory, name, make)


@pytest.fixture(scope="session")
def built_reports(tmp_path_factory):
    """The three reports built once with their defaults (shared by the build and browser tests)."""
    return built_once(tmp_path_factory, "reports")


@pytest.fixture(scope="session")
def chinese_reports(tmp_path_factory):
    """The three reports built once in Chinese (`lang=zh`), shared by the browser and PDF tests."""
    from xbdata.reports.parameters import REPORTS

    return built_once(tmp_path_factory, "reports-zh", {name: {"lang": "zh"} for name in REPORTS})


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


DEV_ARTICLES = ROOT / "eval" / "dev"


@pytest.fixture(scope="session")
def dev_articles(tmp_path_factory):
    """The evaluation's dev articles (eval/dev/) added as a user adds them, each with its file's name as
    its title and its date from eval/published.csv, no draft reviewed: made once for the run
    (`made_once`), for test_corpus and test_corpus_reports, which review copies of it in their own
    ways. (the folder of added articles, {article id: the eval file it was added from})."""
    import csv
    import tomllib

    from xbdata.cli import main

    with open(ROOT / "eval" / "published.csv", encoding="utf-8", newline="") as f:
        published = {row["name"]: row["published"] for row in csv.DictReader(f)}

    def make(out: Path) -> None:
        folder = out / "articles"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("XBDATA_ARTICLES", str(folder))
            for txt in sorted(DEV_ARTICLES.glob("*.txt")):
                before = set(folder.glob("*.txt")) if folder.exists() else set()
                assert main(["add", str(txt), "--title", txt.stem, "--published", published.get(txt.stem, "")]) == 0
                assert len(set(folder.glob("*.txt")) - before) == 1, f"{txt.name} was not added as one article"

    folder = made_once(tmp_path_factory, "dev-articles", make) / "articles"
    sources = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))
    ids = {article: DEV_ARTICLES / f"{entry['title']}.txt" for article, entry in sources.items()}
    assert sorted(ids.values()) == sorted(DEV_ARTICLES.glob("*.txt")) and len(ids) == len(list(folder.glob("*.txt")))
    return folder, ids
