"""What a report's output depends on, named input by input, so a build can skip what is unchanged
and say what changed.

A report's inputs are its notebook and parameters plus what every report shares: the catalogue,
the exclusions, the seed articles (added ones too), xbdata's code and templates, nbconvert's base
template, the embedded Vega bundle, and the versions of Python and of the packages that shape the
output. Each input is kept by name in the manifest, so `xbdata build --dry-run` can name the ones
that changed; the fingerprint is the hash of them all.
"""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..curate.articles import articles_dir, seeds_dir, state_files
from ..iorw import PACKAGE, data_path


# The packages whose version can change a report's tables, charts or HTML.
PACKAGES = ("altair", "vl-convert-python", "nbconvert", "nbclient", "nbformat", "papermill", "pandas", "numpy", "openpyxl",
            "pandera", "opencc", "ipykernel", "jupyter-client", "jinja2")


def hash_files(paths, root: Path) -> str:
    """One hash of files' paths relative to `root` (the folder the input lives in) and their bytes,
    in path order: a file edited, renamed, moved to another folder, added or removed counts, and the
    same files under another root (another checkout, another machine) hash the same."""
    root = Path(root)
    digest = hashlib.sha256()
    for relative, path in sorted((Path(p).relative_to(root).as_posix(), Path(p)) for p in paths):
        if path.is_file():
            data = path.read_bytes()
            digest.update(f"{relative}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()[:16]


def _tree(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def nbconvert_base_templates() -> list[Path]:
    """The folders of nbconvert's `lab` template (which ours extends) and of the `base` it extends,
    as nbconvert finds them.

    The search order is nbconvert's own (JUPYTER_PATH first), so a template that shadows the
    installed one is the one hashed.
    """
    from jupyter_core.paths import jupyter_path

    for root in map(Path, jupyter_path("nbconvert", "templates")):
        if (root / "lab" / "index.html.j2").is_file():
            base = next((Path(r) / "base" for r in jupyter_path("nbconvert", "templates")
                         if (Path(r) / "base").is_dir()), None)
            return [root / "lab"] + ([base] if base else [])
    return []


def hash_tree(folder: Path) -> str:
    """Every file under `folder`, by its path inside the folder (its name included) and its bytes."""
    return hash_files(_tree(folder), folder.parent)


def vega_bundle_id() -> str:
    """The embedded Vega bundle, identified by what makes it.

    xbdata.reports.charts inlines vl-convert's `javascript_bundle()`, a pure function of vl-convert's
    build, which fixes the Vega it carries and the Vega-Lite that compiles each chart to Vega.
    Naming those is exact and costs milliseconds, where making the bundle to hash it takes seconds.
    """
    import vl_convert as vlc

    return (f"vl-convert {metadata.version('vl-convert-python')}, vega {vlc.get_vega_version()}, "
            f"vega-lite {','.join(vlc.get_vegalite_versions())}, vega-embed {vlc.get_vega_embed_version()}")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


# The inputs that are the articles and their statistics. When only these changed, a report whose
# own statistics (the rows it reads) are the same as last time need not run again.
DATA_INPUTS = ("catalogue", "exclusions", "seeds", "added articles")


def shared_inputs() -> dict[str, str]:
    """The inputs every report shares, by name: file hashes, the bundle, and versions."""
    catalogue, exclusions, articles = data_path("catalogue.csv"), data_path("exclusions.csv"), articles_dir()
    inputs = {
        "catalogue": hash_files([catalogue], catalogue.parent),
        "exclusions": hash_files([exclusions], exclusions.parent),
        "seeds": hash_files(seeds_dir().glob("*"), seeds_dir()),
        # Pending drafts are not shown anywhere, so only the reviewed state counts.
        "added articles": hash_files((p for p in state_files(articles) if p.suffix != ".json"), articles),
        "xbdata code": f"{__version__} " + hash_files(PACKAGE.rglob("*.py"), PACKAGE),
        "xbdata templates": hash_tree(PACKAGE / "engine" / "templates"),
        "nbconvert base template": " ".join(hash_tree(folder) for folder in nbconvert_base_templates()),
        "vega bundle": vega_bundle_id(),
        "python": platform.python_version(),
    }
    inputs.update({package: _version(package) for package in PACKAGES})
    return inputs


def report_inputs(notebook: Path, params: dict, shared: dict[str, str]) -> dict[str, str]:
    """One report's inputs: its notebook and parameter values, then the shared ones."""
    return {"notebook": hash_files([notebook], notebook.parent), "parameters": json.dumps(params, sort_keys=True, ensure_ascii=False),
            **shared}


def digest(inputs: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def changed(before: dict[str, str], now: dict[str, str]) -> list[str]:
    """The inputs that differ, in words: 'notebook', or 'altair 6.3.0 → 6.4.0' where the value is readable."""
    words = []
    for name, value in now.items():
        old = before.get(name)
        if old == value:
            continue
        readable = old is not None and (name in PACKAGES or name in ("python", "parameters"))
        words.append(f"{name} {old} → {value}" if readable else name)
    words += [name for name in before if name not in now]
    return words
