"""How often two people, following eval/FIELDS.md, label a statistic's fields alike.

    python eval/agreement.py

eval/agreement/ holds a second, independent labelling of the fields of the fourth held-out batch
(heldout/h4_*): the same rows (quote, number, value, bounds, unit, qualifier), labelled by a
helper who read FIELDS.md and the articles only, never the first labels or any code. Fields are
compared as `make eval` compares a draft with the gold (subject and measure as whole words one
within the other, the rest exactly), so the figures are the ceiling that scoring can expect of
any drafting: what one careful person scores against another.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # noqa: E402

EVAL = Path(__file__).resolve().parent
FIELDS = ("counts", "topic", "subject", "measure", "measure_kind", "geography", "period", "kind")


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _same(field: str, a: str, b: str) -> bool:
    if field in ("subject", "measure"):
        return score._names_match(a, b)
    return a.strip() == b.strip()


def agreement(second: Path = EVAL / "agreement", first: Path = EVAL / "heldout") -> tuple[int, dict[str, float]]:
    """(statistics compared, each field's share of agreement and `all`), durations left out as in `make eval`."""
    counts = dict.fromkeys((*FIELDS, "all"), 0)
    n = 0
    for path in sorted(second.glob("*.csv")):
        for a, b in zip(_rows(path), _rows(first / path.name), strict=True):
            if a["number"] != b["number"]:
                raise SystemExit(f"{path.name}: rows differ ({a['number']!r} vs {b['number']!r})")
            if b["unit"] in score.DURATIONS:
                continue
            n += 1
            same = {f: _same(f, a[f], b[f]) for f in FIELDS}
            for f, ok in same.items():
                counts[f] += ok
            counts["all"] += all(same.values())
    return n, {f: c / n for f, c in counts.items()}


def main() -> int:
    n, shares = agreement()
    print(f"two labellers, {n} statistics: " + "  ".join(f"{f} {v:.2f}" for f, v in shares.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
