"""The one lock: an advisory lock on a file, held for a block, saying who holds it while others wait.

Two builds into one output folder, or two reviewers of the added articles, would read and rewrite
the same files and interleave them. `flock` is released by the kernel when its holder exits, even
on SIGKILL, so a crashed process never leaves a stale lock behind. The holder writes its pid into
the file, so whoever waits can say for whom.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class Held(Exception):
    """The lock is held by another process and the caller chose not to wait; `holder` names it."""

    def __init__(self, holder: str):
        super().__init__(holder)
        self.holder = holder


def _holder(fd: int) -> str:
    """Who holds the lock, as the holder wrote it (' (pid 1234)'), or '' if unknown."""
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""


@contextmanager
def hold(path: Path, wait: bool = True, waiting: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the lock on the file `path` (created if need be) for the duration of the block.

    If another process holds it: with `wait`, call `waiting(holder)` once and wait for it;
    without, raise Held(holder) at once.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise Held(holder) from None
            waiting(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the only descriptor releases the lock
