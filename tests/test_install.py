"""Reproducible installs: the lock file pins every dependency with hashes and honours pyproject's floors."""

import re
import tomllib

from packaging.requirements import Requirement
from packaging.version import Version


def _locked(root) -> dict[str, list[tuple[str, str]]]:
    """Each locked package's (version, environment marker) pairs; every one must carry a hash."""
    text = (root / "requirements.lock").read_text()
    locked: dict[str, list[tuple[str, str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2]):
        head = block.splitlines()[0]
        match = re.match(r"([A-Za-z0-9_.-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+))?", head)
        assert match, f"not pinned: {head}"
        assert "--hash=sha256:" in block, f"no hash for {head}"
        name = match[1].lower().replace("_", "-")
        locked.setdefault(name, []).append((match[2], (match[3] or "").strip()))
    return locked


def test_the_lock_pins_every_dependency_within_pyprojects_floors(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    locked = _locked(root)
    for line in project["dependencies"] + project["optional-dependencies"]["test"]:
        requirement = Requirement(line)
        name = requirement.name.lower().replace("_", "-")
        assert name in locked, f"{name} is not in requirements.lock: run make lock"
        for version, _ in locked[name]:
            assert requirement.specifier.contains(Version(version)), f"{name}=={version} is outside {line}"


def test_make_installs_exactly_the_lock(root):
    makefile = (root / "Makefile").read_text()
    assert "--require-hashes -r requirements.lock" in makefile and "--no-deps -e ." in makefile
    assert re.search(r"^\$\(STAMP\): pyproject.toml requirements.lock", makefile, re.M)
    assert re.search(r"^lock:", makefile, re.M)


def test_the_code_needs_no_older_pandera_than_pyproject_allows(root):
    floor = next(Requirement(r) for r in tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]
                 if r.startswith("pandera"))
    uses_pandas_api = any("pandera.pandas" in p.read_text() for p in (root / "xbdata").glob("*.py"))
    assert not uses_pandas_api or not floor.specifier.contains("0.23.9"), "pandera.pandas first appeared in 0.24"
