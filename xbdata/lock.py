"""The one lock: a lock on a file, held for a block, saying who holds it while others wait.

Two builds into one output folder, or two reviewers of the added articles, would read and rewrite
the same files and interleave them. The lock is `filelock`'s, the native one of each platform
(`flock` on Linux and macOS, a Windows file lock on Windows), which the operating system releases when
its holder exits, even on SIGKILL, so a crashed process never leaves a stale lock behind. The
holder writes its pid into the file where the platform lets another process read it, so whoever
waits can say for whom.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock, Timeout


class Held(Exception):
    """The lock is held by another process and the caller chose not to wait; `holder` names it."""

    def __init__(self, holder: str):
        super().__init__(holder)
        self.holder = holder


def _pid_in(path: Path) -> str:
    """The pid the lock file holds, or '' if it holds none (or cannot be read, as on Windows while locked)."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""


def _holder(path: Path, before: str) -> str:
    """Who holds the lock, as the holder wrote it (' (pid 1234)'), or '' if unknown."""
    pid = _pid_in(path) or before
    return f" (pid {pid})" if pid else ""


def _stamp(path: Path) -> None:
    """Write our pid into the lock file, unless the file holds something else than a pid (a soft
    lock's own record, where the platform has no native lock) or cannot be written while locked."""
    try:
        content = path.read_bytes().strip()
        if not content or content.isdigit():
            path.write_text(str(os.getpid()), encoding="ascii")
    except OSError:
        pass


@contextmanager
def hold(path: Path, wait: bool = True, waiting: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the lock on the file `path` (created if need be) for the duration of the block.

    If another process holds it: with `wait`, call `waiting(holder)` once and wait for it;
    without, raise Held(holder) at once.
    """
    path = Path(path)
    lock = FileLock(path)
    before = _pid_in(path)  # read first: some releases of filelock empty the file when they try it
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = _holder(path, before)
        if not wait:
            raise Held(holder) from None
        waiting(holder)
        lock.acquire()
    try:
        _stamp(path)
        yield
    finally:
        lock.release()
