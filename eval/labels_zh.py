"""How many drafted Chinese labels are composed from the draft's fields, and how many keep the label
cut from the article's clause because a field has no Chinese name (xbdata.curate.propose.chinese_label).

    python eval/labels_zh.py              # the dev articles, with 20 labels of each sort
    python eval/labels_zh.py eval/dev 40  # a folder, with 40 of each

It drafts every article of the folder with its published date (eval/published.csv), as `make eval`
does, and counts the statistic drafts. A sample is every n-th draft of its sort, so it is the same
on every run. Labels that two statistics of one article share are counted too: a label that names
less than the figure does not tell them apart.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from score import load_published  # noqa: E402
from xbdata.curate.propose import chinese_label, places_of, propose  # noqa: E402
from xbdata.text.script import to_simplified  # noqa: E402


def label_sorts(folder: Path) -> dict[str, list[tuple[str, dict]]]:
    """Each statistic draft's row, with its article's name, by whether its label was composed."""
    published = load_published()
    out: dict[str, list[tuple[str, dict]]] = {"composed": [], "kept": []}
    for txt in sorted(folder.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        local = {r.value: r.pattern for r in places_of(to_simplified(text))}
        for draft in propose(text, "999_0000000000000000", published.get(txt.stem, ""), set()):
            if draft["action"] != "statistic":
                continue
            row = draft["row"]
            composed = chinese_label(row, local)
            out["composed" if composed and composed == row["label_zh"] else "kept"].append((txt.stem, row))
    return out


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else ROOT / "eval" / "dev"
    n = int(argv[1]) if len(argv) > 1 else 20
    sorts = label_sorts(folder)
    total = sum(len(rows) for rows in sorts.values())
    for sort, rows in sorts.items():
        print(f"{sort}: {len(rows)} of {total} statistic drafts ({len(rows) / max(total, 1):.0%})")
    for sort, rows in sorts.items():
        shared = collections.Counter((article, row["label_zh"]) for article, row in rows)
        print(f"{sort} labels two or more statistics of one article share: "
              f"{sum(c for c in shared.values() if c > 1)} of {len(rows)}")
    for sort, rows in sorts.items():
        print(f"\n{sort}, every {max(len(rows) // n, 1)}th:")
        for article, row in rows[::max(len(rows) // n, 1)][:n]:
            print(f"  {row['label_zh']}  ·  {row['number']}  ·  {row['subject']} / {row['measure']} / {row['period']}"
                  f"  ·  {article}")


if __name__ == "__main__":
    main(sys.argv[1:])
