"""Check the gold files of the evaluation set by their own rules (eval/README.md, eval/FIELDS.md).

Imports nothing of xbdata, so a labeller can run it without seeing the code that is scored:

    python eval/check_gold.py            # every article under eval/dev and eval/heldout
    python eval/check_gold.py eval/dev/customs_wire_2024.csv

Each problem is one line naming the file, the row and what is wrong; exit 1 if there is any.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent
SETS = ("dev", "heldout")   # eval/agreement holds a second labelling of held-out rows, not articles
BASE_COLUMNS = ["quote", "number", "value", "low", "high", "unit", "qualifier"]
FIELD_COLUMNS = ["counts", "topic", "subject", "measure", "measure_kind", "geography", "period", "kind"]
UNITS = {"", "%", "pp", "x", "CNY", "USD", "HKD", "TWD", "EUR", "JPY", "KRW", "GBP", "MXN", "BRL", "SGD", "MYR",
         "THB", "IDR", "VND", "PHP", "AUD", "CAD", "RUB", "INR", "ARS", "CLP", "COP", "NGN", "ZAR", "EGP", "KES", "QAR", "MOP", "AED", "SAR", "PLN", "TRY",
         "CHF", "NZD", "age", "hours", "minutes", "seconds", "days", "working_days", "weeks", "months", "years",
         "rank"}
QUALIFIERS = {"=", ">", ">=", "<", "~"}
TOPICS = {"market_size", "platform", "demographics", "category", "marketing", "operations"}
MEASURE_KINDS = {"share", "growth", "decline", "uplift", "points", "multiple", "amount", "count", "duration", "age",
                 "rank"}
KINDS = {"observed", "survey", "forecast", "plan", "hypothetical"}
PERIOD = re.compile(r"unspecified|\d{4}(?:-(?:H[12]|Q[1-4]|Q1-Q3|\d{2}(?:-\d{2})?|\d{4}))?")


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


def check_article(gold: Path) -> list[str]:
    """Every problem of one gold CSV, as lines."""
    text_path = gold.with_suffix(".txt")
    if not text_path.exists():
        return [f"{gold}: no article {text_path.name} beside it"]
    text = text_path.read_text(encoding="utf-8")
    problems = []
    with open(gold, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames or []
        missing = [c for c in BASE_COLUMNS if c not in columns]
        if missing:
            return [f"{gold}: header lacks {', '.join(missing)}"]
        labelled = all(c in columns for c in FIELD_COLUMNS)
        for line, row in enumerate(reader, start=2):
            where = f"{gold.relative_to(EVAL.parent) if gold.is_relative_to(EVAL.parent) else gold}:{line}"
            quote, number = row["quote"], row["number"]
            if text.count(quote) != 1:
                problems.append(f"{where}: quote occurs {text.count(quote)} times in the article (must be once): {quote!r}")
            if number not in quote:
                problems.append(f"{where}: number {number!r} is not in its quote")
            try:
                value, low, high = _float(row["value"]), _float(row["low"]), _float(row["high"])
            except ValueError:
                problems.append(f"{where}: value, low and high must be numbers or empty")
                continue
            if row["unit"] not in UNITS:
                problems.append(f"{where}: unit {row['unit']!r} is not one of {sorted(UNITS)}")
            if row["qualifier"] not in QUALIFIERS:
                problems.append(f"{where}: qualifier {row['qualifier']!r} is not one of {sorted(QUALIFIERS)}")
            if value is None and (low is None or high is None):
                problems.append(f"{where}: without a value, both low and high are needed (a range)")
            if value is not None:
                q = row["qualifier"]
                expected = (None if q == "<" else value, None if q in (">", ">=") else value)
                if (low, high) != expected:
                    problems.append(f"{where}: bounds ({low}, {high}) do not follow from value {value} and qualifier {q}")
            if low is not None and high is not None and low > high:
                problems.append(f"{where}: low > high")
            if not labelled:
                continue
            problems += _check_fields(where, row)
    if not labelled and any(c in columns for c in FIELD_COLUMNS):
        problems.append(f"{gold}: header has some of the field columns but not all: {FIELD_COLUMNS}")
    return problems


def _check_fields(where: str, row: dict) -> list[str]:
    problems = []
    if row["topic"] not in TOPICS:
        problems.append(f"{where}: topic {row['topic']!r} is not one of {sorted(TOPICS)}")
    if row["measure_kind"] not in MEASURE_KINDS:
        problems.append(f"{where}: measure_kind {row['measure_kind']!r} is not one of {sorted(MEASURE_KINDS)}")
    if row["kind"] not in KINDS:
        problems.append(f"{where}: kind {row['kind']!r} is not one of {sorted(KINDS)}")
    if not PERIOD.fullmatch(row["period"]):
        problems.append(f"{where}: period {row['period']!r} is not YYYY, YYYY-H1, YYYY-Q3, YYYY-Q1-Q3, YYYY-MM, "
                        "YYYY-MM-DD, YYYY-YYYY or unspecified")
    for field in ("subject", "measure", "geography"):
        if not row[field].strip():
            problems.append(f"{where}: {field} is empty (write unspecified for geography when no place is named)")
    if row["counts"] and row["unit"]:
        problems.append(f"{where}: counts is for plain counts; this row has unit {row['unit']!r}")
    if row["measure_kind"] == "share" and row["unit"] == "%":
        for bound in (row["value"], row["low"], row["high"]):
            if bound and not 0 <= float(bound) <= 100:
                problems.append(f"{where}: a share lies within 0-100 (got {bound})")
    return problems


def check_published(path: Path, names: set[str]) -> list[str]:
    if not path.exists():
        return []
    problems = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            if row.get("name") not in names:
                problems.append(f"{path.name}:{line}: {row.get('name')!r} is no article of the set")
            if row.get("published"):
                try:
                    dt.date.fromisoformat(row["published"])
                except ValueError:
                    problems.append(f"{path.name}:{line}: published {row['published']!r} is not YYYY-MM-DD")
    return problems


def main(argv: list[str]) -> int:
    golds = [Path(a) for a in argv] or sorted(g for folder in SETS for g in (EVAL / folder).glob("*.csv"))
    problems = []
    for gold in golds:
        problems += check_article(gold)
    names = {g.stem for folder in SETS for g in (EVAL / folder).glob("*.txt")}
    problems += check_published(EVAL / "published.csv", names)
    for p in problems:
        print(p)
    print(f"{len(golds)} gold files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
