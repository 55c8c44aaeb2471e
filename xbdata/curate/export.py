"""Write the tidy tables to disk as CSV and one Excel workbook, each file atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from ..iorw import write_atomic
from .tables import TABLES

WORKBOOK = "xbdata_tables.xlsx"


def write_table(frame: pd.DataFrame, path: Path, fmt: str | None = None) -> Path:
    """Write one table as csv, json or xlsx (by `fmt`, else by the file's suffix)."""
    fmt = fmt or path.suffix.lstrip(".")
    writers = {
        "csv": lambda p: frame.to_csv(p, index=False, encoding="utf-8"),
        "json": lambda p: frame.to_json(p, orient="records", force_ascii=False, indent=1),
        "xlsx": lambda p: frame.to_excel(p, index=False, sheet_name="statistics"),
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
                frame.to_excel(excel, sheet_name=name, index=False)

    written.append(write_atomic(out_dir / WORKBOOK, workbook))
    progress(f"wrote {written[-1]} ({len(frames)} sheets)")
    return written
