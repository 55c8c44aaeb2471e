"""Write the tidy tables to disk as CSV and one Excel workbook, each file atomically.

Every text cell goes through `xbdata.escape.spreadsheet_cell` on the way out, so a quote, title or
outlet that starts like a formula (`=A1`, `+1`, `@SUM(1)`) is shown as text by Excel, LibreOffice
and openpyxl, never run; numbers stay numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from ..escape import spreadsheet_cell
from ..iorw import write_atomic
from .tables import TABLES

WORKBOOK = "xbdata_tables.xlsx"


def for_spreadsheets(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every text cell made safe for a spreadsheet (numeric columns untouched)."""
    safe = frame.copy()
    for column in safe.select_dtypes(include=["object", "string"]).columns:
        safe[column] = safe[column].map(spreadsheet_cell)
    return safe


def csv_text(frame: pd.DataFrame) -> str:
    """`frame` as CSV text, safe for a spreadsheet: what `xbdata stats --format csv` prints."""
    return for_spreadsheets(frame).to_csv(index=False)


def write_table(frame: pd.DataFrame, path: Path, fmt: str | None = None) -> Path:
    """Write one table as csv, json or xlsx (by `fmt`, else by the file's suffix); csv and xlsx safe for a spreadsheet."""
    fmt = fmt or path.suffix.lstrip(".")
    writers = {
        "csv": lambda p: for_spreadsheets(frame).to_csv(p, index=False, encoding="utf-8"),
        "json": lambda p: frame.to_json(p, orient="records", force_ascii=False, indent=1),
        "xlsx": lambda p: for_spreadsheets(frame).to_excel(p, index=False, sheet_name="statistics"),
    }
    return write_atomic(path, writers[fmt])


def export_tables(out_dir: Path | str, lang: str = "en", progress: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Every tidy table as `<name>.csv` plus all of them in one workbook; returns the paths written."""
    out_dir = Path(out_dir)
    frames = {name: make(lang) for name, make in TABLES.items()}
    written = []
    for name, frame in frames.items():
        written.append(write_table(frame, out_dir / f"{name}.csv"))
        progress(f"wrote {written[-1]} ({len(frame)} rows)")

    def workbook(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl") as excel:
            for name, frame in frames.items():
                for_spreadsheets(frame).to_excel(excel, sheet_name=name, index=False)

    written.append(write_atomic(out_dir / WORKBOOK, workbook))
    progress(f"wrote {written[-1]} ({len(frames)} sheets)")
    return written
