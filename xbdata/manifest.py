"""The build's record, `.xbdata-build.json` in the output folder: what was built, from which inputs.

Read and written only under the folder's lock. An entry for a report that no longer exists (one
renamed or removed) is ignored with a note rather than failing the build, and an unreadable
manifest only means every report is rebuilt.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from .iorw import write_atomic
from .parameters import REPORTS

MANIFEST = ".xbdata-build.json"


def read_manifest(out: Path, note: Callable[[str], None] = lambda _: None) -> dict:
    """The manifest's report entries and data fingerprint; stale entries dropped with a note."""
    path = out / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        entries = dict(manifest.get("reports", {}))
    except FileNotFoundError:
        return {"reports": {}, "data_fingerprint": None}
    except (OSError, ValueError, AttributeError):
        note(f"note: {path} is unreadable; every report will be rebuilt")
        return {"reports": {}, "data_fingerprint": None}
    for name, entry in list(entries.items()):
        report = entry.get("report", name) if isinstance(entry, dict) else None
        if report not in REPORTS:
            note(f"note: the manifest lists {name}, which is not a report (renamed or removed?); ignored")
            del entries[name]
    return {"reports": entries, "data_fingerprint": manifest.get("data_fingerprint")}


def write_manifest(out: Path, manifest: dict) -> None:
    write_atomic(out / MANIFEST, lambda p: p.write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                                        encoding="utf-8"))
