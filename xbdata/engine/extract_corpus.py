"""`xbdata extract DIR|GLOB`: every numeric mention in every .txt file of a corpus, in parallel.

The files are cut into batches that run in N processes (or as Dask tasks, on the build's Dask
path), and the rows come back in one stable order, file by file and by offset within each. So
the output is the same for any N and is exactly what extracting each file alone gives. A file
that cannot be read (not UTF-8, empty, gone) is named at the end; the rest are still extracted.
"""

from __future__ import annotations

import csv
import glob
import io
import os
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..exceptions import UsageError, XbdataError
from ..escape import spreadsheet_cell
from ..iorw import read_text
from ..text.extract import Mention, extract_mentions  # imported before the processes fork, so each starts warm
from .executors import check_executor, dask_client

# Batches per process: enough that a slow file does not leave the other processes idle at the end.
BATCHES_PER_JOB = 4
# The order `mentions_csv` writes them in.
COLUMNS = ["start", "end", "text", "value", "low", "high", "unit", "qualifier", "kind", "sentence"]


@dataclass
class CorpusResult:
    """Every mention as a row (with its `file`), in file then offset order; the files that failed, with why."""

    rows: list[dict] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    csv: str = ""  # with as_csv: the rows as CSV lines (no header), written by the processes that found them
    mentions: int = 0


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


def _quoted_by_csv(ch: str) -> bool:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([f"a{ch}b", "x"])
    return out.getvalue().startswith('"')


# What makes `csv.writer` (excel dialect, rows ending in a line feed) quote a field, asked of this
# Python's writer rather than assumed: 3.11 quotes , " and a line feed, and leaves a carriage return bare.
_NEEDS_QUOTES = re.compile("[" + re.escape("".join(ch for ch in ",\"\n\r\t;' " if _quoted_by_csv(ch))) + "]")


def _text_cell(value: str | None) -> str:
    """Text as `csv.writer` writes it, after `escape.spreadsheet_cell` (a formula gets an apostrophe)."""
    if value is None:
        return ""
    value = spreadsheet_cell(value)
    return '"' + value.replace('"', '""') + '"' if _NEEDS_QUOTES.search(value) else value


def _number_cell(value: float | None) -> str:
    """A number as `csv.writer` writes it (2022.0, 1e+16), None as empty."""
    return "" if value is None else str(value)


def mentions_csv(mentions: list[Mention], path: str | None = None) -> str:
    """The mentions as CSV lines, exactly as `csv.writer` writes them (COLUMNS, after a file column
    holding `path` unless it is None): numbers as Python writes them (2022.0), None as empty, quoted
    where needed, and text that starts like a formula behind an apostrophe (`escape.spreadsheet_cell`).

    Joined here rather than by `csv.writer`: a corpus has tens of thousands of mentions, several in
    each sentence, and writing each sentence once cost a third of what the writer did. Each distinct
    text is made a cell once: sentences, units, qualifiers, kinds and many figures (2024年) repeat;
    and a number once where a figure's bounds are its value itself.
    """
    lead = "" if path is None else _text_cell(path) + ","
    cells: dict[str | None, str] = {}

    def cell(value: str | None) -> str:
        made = cells.get(value)
        if made is None:
            made = cells[value] = _text_cell(value)
        return made

    lines = []
    for m in mentions:
        value = _number_cell(m.value)
        low = value if m.low is m.value else _number_cell(m.low)    # one figure's bounds are its value,
        high = low if m.high is m.low else _number_cell(m.high)     # the same float (numbers._bounded)
        lines.append(f"{lead}{m.start},{m.end},{cell(m.text)},{value},{low},{high},{cell(m.unit)},"
                     f"{cell(m.qualifier)},{cell(m.kind)},{cell(m.sentence)}\n")
    return "".join(lines)


def extract_file(path: str, as_csv: bool = False, with_file: bool = True) -> tuple[str, list[dict] | str | None, str, int]:
    """(path, rows or CSV lines, why not, mentions): one file's mentions, or the reason it could not be read."""
    try:
        text = read_text(path)
    except XbdataError as error:
        return path, None, str(error), 0
    mentions = extract_mentions(text)
    if as_csv:
        return path, mentions_csv(mentions, path if with_file else None), "", len(mentions)
    return path, [{"file": path, **m.as_row()} for m in mentions], "", len(mentions)


def extract_batch(paths: list[str], as_csv: bool = False, with_file: bool = True) -> list[tuple]:
    return [extract_file(p, as_csv, with_file) for p in paths]


def batches(paths: list[str], jobs: int) -> list[list[str]]:
    """`paths` in contiguous batches, about BATCHES_PER_JOB per job."""
    count = max(1, min(len(paths), jobs * BATCHES_PER_JOB))
    size = -(-len(paths) // count)
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def extract_corpus(files: list[Path], jobs: int | None = None, executor: str = "local", scheduler: str | None = None,
                   progress: Callable[[str], None] = lambda _: None, as_csv: bool = False,
                   with_file: bool = True) -> CorpusResult:
    """Every mention in `files`, extracted by `jobs` processes (default: the core count) or on Dask.

    With `as_csv` the processes also write the CSV lines (`with_file`: a file column first), so
    the one process that gathers them only joins text.
    """
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more (got {jobs})")
    check_executor(executor, scheduler)
    paths = [str(f) for f in files]
    work = batches(paths, jobs)
    jobs = min(jobs, len(work))  # never more processes than batches
    unit = ("Dask worker", "Dask workers") if executor == "dask" else ("process", "processes")
    progress(f"extracting {len(paths)} file(s) with {jobs} {unit[jobs != 1]}")
    options = [as_csv] * len(work), [with_file] * len(work)
    if executor == "dask":
        # Dask's log is in there, and may still be open (on Windows, a folder with an open file stays).
        with tempfile.TemporaryDirectory(prefix="xbdata-extract-", ignore_cleanup_errors=True) as room, \
                dask_client(jobs, scheduler, Path(room)) as client:
            done = client.gather(client.map(extract_batch, work, *options, pure=False))
    elif jobs == 1 or len(work) == 1:
        done = list(map(extract_batch, work, *options))
    else:
        with ProcessPoolExecutor(jobs) as pool:
            done = list(pool.map(extract_batch, work, *options))
    result = CorpusResult(files=len(paths))
    chunks = []
    for path, found, error, count in sorted((found for batch in done for found in batch), key=lambda found: found[0]):
        if found is None:
            result.failed.append((path, error))
        elif as_csv:
            chunks.append(found)
        else:
            result.rows += found
        result.mentions += count
    result.csv = "".join(chunks)
    return result
