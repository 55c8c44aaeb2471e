"""`xbdata extract DIR|GLOB`: every numeric mention in every .txt file of a corpus, in parallel.

The files are cut into batches that run in N processes (or as Dask tasks, on the build's Dask
path), and the rows come back in one stable order, file by file and by offset within each. So
the output is the same for any N and is exactly what extracting each file alone gives. A file
that cannot be read (not UTF-8, empty, gone) is named at the end; the rest are still extracted.
"""

from __future__ import annotations

import glob
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .exceptions import UsageError, XbdataError
from .executors import check_executor, dask_client
from .extract import extract_mentions  # imported before the processes fork, so each starts warm
from .seeds import read_text

# Batches per process: enough that a slow file does not leave the other processes idle at the end.
BATCHES_PER_JOB = 4


@dataclass
class CorpusResult:
    """Every mention as a row (with its `file`), in file then offset order; the files that failed, with why."""

    rows: list[dict] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0


def corpus_files(target: str) -> list[Path]:
    """The .txt files `target` names: a folder (every .txt under it), a glob (`**` allowed) or one file."""
    path = Path(target)
    if path.is_dir():
        files = [p for p in path.rglob("*.txt") if p.is_file()]
    elif path.is_file():
        files = [path]
    elif glob.has_magic(target):
        files = [Path(p) for p in glob.glob(target, recursive=True) if Path(p).is_file()]
    else:
        raise UsageError(f"no such file or folder: {target} (give a text file, a folder of .txt files, "
                         "or a quoted glob such as 'corpus/**/*.txt')")
    if not files:
        raise UsageError(f"no .txt files in {target}")
    return sorted(files, key=str)


def extract_file(path: str) -> tuple[str, list[dict] | None, str]:
    """(path, rows, why not): one file's mentions as rows, or the reason it could not be read."""
    try:
        text = read_text(path)
    except XbdataError as error:
        return path, None, str(error)
    return path, [m.as_row() for m in extract_mentions(text)], ""


def extract_batch(paths: list[str]) -> list[tuple[str, list[dict] | None, str]]:
    return [extract_file(p) for p in paths]


def batches(paths: list[str], jobs: int) -> list[list[str]]:
    """`paths` in contiguous batches, about BATCHES_PER_JOB per job."""
    count = max(1, min(len(paths), jobs * BATCHES_PER_JOB))
    size = -(-len(paths) // count)
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def extract_corpus(files: list[Path], jobs: int | None = None, executor: str = "local", scheduler: str | None = None,
                   progress: Callable[[str], None] = lambda _: None) -> CorpusResult:
    """Every mention in `files`, extracted by `jobs` processes (default: the core count) or on Dask."""
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more (got {jobs})")
    check_executor(executor, scheduler)
    paths = [str(f) for f in files]
    work = batches(paths, jobs)
    unit = ("Dask worker", "Dask workers") if executor == "dask" else ("process", "processes")
    progress(f"extracting {len(paths)} file(s) with {jobs} {unit[jobs != 1]}")
    if executor == "dask":
        with tempfile.TemporaryDirectory(prefix="xbdata-extract-") as room, \
                dask_client(jobs, scheduler, Path(room)) as client:
            done = client.gather(client.map(extract_batch, work, pure=False))
    elif jobs == 1 or len(work) == 1:
        done = [extract_batch(batch) for batch in work]
    else:
        with ProcessPoolExecutor(jobs) as pool:
            done = list(pool.map(extract_batch, work))
    result = CorpusResult(files=len(paths))
    for path, rows, error in sorted((found for batch in done for found in batch), key=lambda found: found[0]):
        if rows is None:
            result.failed.append((path, error))
        else:
            result.rows += [{"file": path, **row} for row in rows]
    return result
