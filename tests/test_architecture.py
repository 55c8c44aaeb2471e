"""The layout ARCHITECTURE.md states is the layout the code has: stages, and imports pointing one way.

The allowed imports are read from ARCHITECTURE.md's table, not written again here, so the page and
the code cannot drift apart silently. Every import counts, at the top of a module or inside a
function, relative or absolute.
"""

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "xbdata"


def stated_stages() -> dict[str, tuple[str, set[str]]]:
    """stage -> (folder, the stages it may import), from ARCHITECTURE.md's table."""
    stages = {}
    for line in (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and re.fullmatch(r"`xbdata/[\w/*.]+`", cells[1]):
            stages[cells[0]] = (cells[1].strip("`"), {s.strip() for s in cells[2].split(",") if s.strip()})
    return stages


STAGES = stated_stages()
PUBLIC = __import__("xbdata")._WHERE      # name -> the module under xbdata it comes from


def stage_of(module: str) -> str:
    """The stage of a dotted module name under xbdata (xbdata.text.numbers -> text; xbdata.escape -> base)."""
    parts = module.split(".")
    assert parts[0] == "xbdata", module
    if len(parts) == 1 or (PACKAGE / f"{parts[1]}.py").exists():
        return "base"
    folder = f"xbdata/{parts[1]}/"
    return next(stage for stage, (path, _) in STAGES.items() if path == folder)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) for every import of an xbdata module in `source`, a module of `package`,
    relative imports resolved."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target == "xbdata" or target.startswith("xbdata."):
                # `from . import words` imports the module xbdata.<package>.words, and `from .. import
                # open_report` the module the package's public API takes that name from
                for alias in node.names:
                    name = f"{target}.{alias.name}"
                    if _is_module(name):
                        found.append((node.lineno, name))
                    elif target == "xbdata" and alias.name in PUBLIC:
                        found.append((node.lineno, f"xbdata.{PUBLIC[alias.name]}"))
                    else:
                        found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "xbdata"]
    return found


def _is_module(dotted: str) -> bool:
    path = ROOT / Path(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_table_names_every_stage_and_every_folder_is_a_stage():
    assert {"base", "text", "curate", "reports", "engine", "explore", "cli"} <= set(STAGES)
    folders = {f"xbdata/{p.name}/" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert folders == {path for path, _ in STAGES.values() if path.endswith("/")}
    for stage, (_, allowed) in STAGES.items():
        assert allowed <= set(STAGES), f"{stage} may import an unknown stage: {allowed - set(STAGES)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down_the_stages(path):
    source = stage_of(module_name(path))
    allowed = STAGES[source][1] | {source}
    wrong = [f"line {line}: {target} ({stage_of(target)})" for line, target in imports_of(path)
             if target != "xbdata" and stage_of(target) not in allowed]
    assert not wrong, f"{path.relative_to(ROOT)} is in {source}, which may import {sorted(allowed)}: {wrong}"


def test_the_direction_check_would_catch_an_import_up_the_stages():
    """The check above is not vacuous: imports from text/ up into curate/, however written, are
    found and refused, while one down into base is allowed."""
    source = ("from ..curate.catalogue import catalogue\n"
              "def f():\n    from ..curate import tables\n    import xbdata.engine.build\n"
              "from ..exceptions import UsageError\nfrom . import words\nfrom .. import open_report\n")
    found = imports_in(source, "xbdata.text")
    assert [target for _, target in found] == ["xbdata.curate.catalogue", "xbdata.exceptions", "xbdata.text.words",
                                               "xbdata.reports.registry", "xbdata.curate.tables", "xbdata.engine.build"]
    allowed = STAGES["text"][1] | {"text"}
    assert [stage_of(t) in allowed for _, t in found] == [False, True, True, False, False, False]


def test_stages_form_one_direction():
    """The table has no cycle, of any length: following 'may import' never leads back."""
    def reach(stage, seen=()):
        for other in STAGES[stage][1]:
            assert other not in (*seen, stage), f"{' -> '.join((*seen, stage, other))} runs in a circle"
            reach(other, (*seen, stage))
    for stage in STAGES:
        reach(stage)


# Public names that are used by name from outside Python's reach: Dask calls a preload module's
# `dask_setup` hook (engine/executors.py passes the module to the LocalCluster).
CALLED_BY_NAME = {"dask_setup"}


def test_every_public_function_and_class_is_used_somewhere():
    """A public name (no leading underscore) at the top of a module is used beyond its definition:
    by the package, the tests, the notebooks, the bench or the evaluation. Dead public code (a
    `parse_date` nobody calls or tests) is removed or made private."""
    sources = [*MODULES, *(p for p in (ROOT / "tests").glob("*.py") if p.name != Path(__file__).name),
               *(ROOT / "notebooks").glob("*.ipynb"), *(ROOT / "bench").glob("*.py"), *(ROOT / "eval").glob("*.py")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    # A whole word's occurrences (what \bname\b matches) are the runs of word characters equal to it:
    # counted once here, not searched for again for every name.
    words = Counter(re.findall(r"\w+", text))
    unused = []
    for path in MODULES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_")
                    and node.name not in CALLED_BY_NAME and words[node.name] < 2):
                unused.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert unused == []
