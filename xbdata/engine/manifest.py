"""The build's record, `.xbdata-build.json` in the output folder: what was built, from which inputs;
and the folder's lock, under which the record is read and written.

One build at a time writes into a folder: two would read and rewrite the same manifest and index
and could pair one run's HTML with another's notebook. An entry for a report that no longer exists (one
renamed or removed) is ignored with a note rather than failing the build, and an unreadable
manifest only means every report is rebuilt.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..exceptions import BuildLocked
from ..iorw import write_atomic
from ..lock import Held, hold
from ..reports.parameters import REPORTS

MANIFEST = ".xbdata-build.json"
LOCK = ".xbdata-build.lock"


@contextmanager
def output_lock(folder: Path, wait: bool = True, notify: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold `folder`'s build lock for the block: if another build holds it, wait for it (saying so
    through `notify`) or, with `wait=False`, raise BuildLocked at once."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with hold(folder / LOCK, wait, lambda holder: notify(
                f"waiting for another build writing to {folder}{holder} to finish (--no-wait exits instead)")):
            yield
    except Held as held:
        raise BuildLocked(f"another build is writing to {folder}{held.holder}; "
                          "run again when it has finished, or without --no-wait to wait for it") from None


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
