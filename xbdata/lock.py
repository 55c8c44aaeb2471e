"""One build at a time per output folder: an advisory lock on a file inside the folder.

Two builds into one folder would read and rewrite the same manifest and index and could pair one
run's HTML with another's notebook. `flock` is released by the kernel when its holder exits, even
on SIGKILL, so a crashed build never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .exceptions import BuildLocked

LOCK = ".xbdata-build.lock"


def _holder(fd: int) -> str:
    """Who holds the lock, as the holder wrote it ('pid 1234'), or '' if unknown."""
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""


@contextmanager
def output_lock(folder: Path, wait: bool = True, notify: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold `folder`'s build lock for the duration of the block.

    If another build holds it, wait for it (saying so through `notify`) or, with `wait=False`,
    raise BuildLocked at once.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise BuildLocked(f"another build is writing to {folder}{holder}; "
                                  "run again when it has finished, or without --no-wait to wait for it") from None
            notify(f"waiting for another build writing to {folder}{holder} to finish (--no-wait exits instead)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the only descriptor releases the lock
