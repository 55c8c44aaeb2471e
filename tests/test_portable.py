"""Portable: xbdata imports where there is no fcntl (Windows), and builds its paths with pathlib."""

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xbdata"

IMPORT_ALL = """
import importlib, pkgutil, sys
sys.modules["fcntl"] = None  # as on Windows: `import fcntl` raises ImportError
import xbdata
# __main__ modules run the command when imported; what they import is imported here anyway.
names = [m.name for m in pkgutil.walk_packages(xbdata.__path__, "xbdata.") if not m.name.endswith(".__main__")]
for name in names:
    importlib.import_module(name)
print(len(names), "modules")
"""


def test_every_module_imports_without_fcntl():
    run = subprocess.run([sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout.split()[0]) >= 50


def test_paths_are_built_with_pathlib_and_no_lock_is_hand_written():
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\bos\.path\b", source), f"{path.name} builds a path with os.path"
        assert not re.search(r"^\s*(import|from)\s+fcntl\b", source, re.M), f"{path.name} imports fcntl"
