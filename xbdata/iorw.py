"""Reading and writing files: where the package and its checkout are, text read as strict UTF-8,
and writes that a reader never sees half of (write beside, then rename into place)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from .exceptions import SeedError

PACKAGE = Path(__file__).resolve().parent
# The checkout the package sits in: seeds/, notebooks/ and articles/ are beside the package.
CHECKOUT = PACKAGE.parent


def data_path(name: str) -> Path:
    """A file shipped in the package's data folder (catalogue.csv, exclusions.csv)."""
    return PACKAGE / "data" / name


def read_text(path: Path | str) -> str:
    """Read a text file as strict UTF-8; a missing, empty or undecodable file is a SeedError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise SeedError(f"{path}: is a folder, not a text file") from None
    except OSError as error:
        raise SeedError(f"{path}: cannot read ({error.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SeedError(f"{path}: not UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r})") from None
    if not text.strip():
        raise SeedError(f"{path}: file is empty")
    return text


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` on a temporary file in `path`'s folder, then rename it over `path`.

    An interrupted or failed write leaves whatever `path` held before untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
