"""The suite sees only what it brings: a user's added articles and environment change no test.

Collection happens before any fixture runs, so a module that reads the catalogue at import time
would see whatever XBDATA_ARTICLES points at. Here the suite's collection runs twice in a fresh
interpreter, once with XBDATA_ARTICLES pointing at a folder holding an extra, reviewed article
(and XBDATA_SEEDS and XBDATA_NOTEBOOKS at folders that are not the project's), once with none of
them set, and both must give the same test ids.
"""

import os
import subprocess
import sys

import pandas as pd

from added_articles import add_half_year


def _collected(root, *envs: dict) -> list[list[str]]:
    """The test ids the suite's collection gives in each environment, the collections run at once.

    Without pytest's assertion rewriting (--assert=plain), which changes what a failing assert says,
    never which tests there are: half the CPU of a collection where no bytecode is cached."""
    runs = [subprocess.Popen([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                              "--assert=plain", str(root / "tests")], cwd=root, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for env in envs]
    collected = []
    for run in runs:
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stdout[-3000:] + stderr[-3000:]
        ids = [line for line in stdout.splitlines() if "::" in line]
        assert len(ids) > 500, stdout[-2000:]
        collected.append(ids)
    return collected


def test_collection_gives_the_same_tests_whatever_the_user_has_added(root, tmp_path, monkeypatch):
    import xbdata
    from xbdata.cli import main

    folder = add_half_year(tmp_path, monkeypatch)
    main(["review", "--accept-all"])
    added = xbdata.statistics()
    added_ids = set(added.loc[~added["source"].str.startswith(("000_", "001_", "002_", "003_", "004_")), "stat_id"])
    assert len(added_ids) >= 5, "the extra article must really add statistics, or the test proves nothing"
    monkeypatch.undo()

    plain = {k: v for k, v in os.environ.items() if k not in ("XBDATA_ARTICLES", "XBDATA_SEEDS", "XBDATA_NOTEBOOKS")}
    elsewhere = tmp_path / "not-the-project"
    elsewhere.mkdir()
    users = {**plain, "XBDATA_ARTICLES": str(folder), "XBDATA_SEEDS": str(elsewhere),
             "XBDATA_NOTEBOOKS": str(elsewhere)}
    with_theirs, without = _collected(root, users, plain)
    assert with_theirs == without
    assert not [i for i in with_theirs if any(s in i for s in added_ids)]


def test_the_suite_runs_with_its_own_empty_folder_of_added_articles():
    """What every test sees: the conftest points XBDATA_ARTICLES at an empty folder of its own."""
    import xbdata

    folder = os.environ["XBDATA_ARTICLES"]
    assert "xbdata-no-added-articles" in folder and not os.listdir(os.path.dirname(folder))
    stats = xbdata.statistics()
    assert isinstance(stats, pd.DataFrame) and stats["source"].str[:4].isin(
        ["000_", "001_", "002_", "003_", "004_"]).all()
