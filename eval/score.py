"""Score `xbdata.extract_mentions` against the gold statistics in eval/ (see eval/README.md).

    python eval/score.py                      # dev and heldout
    python eval/score.py eval/dev --verbose   # one folder, listing what was missed and what was extra

A gold statistic is recalled when a mention of kind `statistic` overlaps its `number` in the
article and reads it right (value, low and high within a relative 1e-3, empty where gold is
empty; the same qualifier; the same unit, an empty gold unit accepting no unit or a counted
noun). Precision is the share of `statistic` mentions that overlap some gold statistic. The
script reports and always exits 0: the targets are asserted in tests/test_eval.py.

Then the drafts: for each gold statistic, the draft `xbdata add` proposes over its number (with
the article's published date from eval/published.csv), field by field against the gold's labels
(eval/FIELDS.md says what each field means and when it is right).
"""

from __future__ import annotations

import argparse
import csv
import functools
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xbdata.text.extract import Mention, extract_mentions  # noqa: E402
from xbdata.text.numbers import unnamed_currency  # noqa: E402
from xbdata.text.units import COUNTS, DURATIONS, PESOS, UNNAMED_PESO, YUAN_ELSEWHERE  # noqa: E402

FOLDERS = (ROOT / "eval" / "dev", ROOT / "eval" / "heldout")
PUBLISHED = ROOT / "eval" / "published.csv"
# What draft_fields gives for an age band proposed as the band of the share it qualifies.
BAND = "band"
FIELDS = ("unit", "topic", "subject", "measure", "measure_kind", "geography", "period", "kind")
TOLERANCE = 1e-3
COUNTED_NOUNS = frozenset(COUNTS)


@dataclass(frozen=True)
class Gold:
    """One gold statistic, located in its article."""

    quote: str
    number: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    labels: dict = field(default_factory=dict)   # counts, topic, subject ... (eval/FIELDS.md), where labelled


@dataclass
class Score:
    """Counts for one article or a group of them."""

    name: str
    gold: int = 0
    recalled: int = 0
    statistics: int = 0
    overlapping: int = 0
    missed: list[tuple[Gold, list[Mention]]] = field(default_factory=list)
    extra: list[Mention] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Recalled share of gold; 1.0 when there is no gold (nothing was missed)."""
        return self.recalled / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        """Share of statistic mentions that are gold; 1.0 when there are none (nothing was wrong)."""
        return self.overlapping / self.statistics if self.statistics else 1.0

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.recalled += other.recalled
        self.statistics += other.statistics
        self.overlapping += other.overlapping


def _number(cell: str) -> float | None:
    return float(cell) if cell.strip() else None


def load_gold(csv_path: Path, text: str) -> list[Gold]:
    """The gold statistics of one article, each located by its quote (which occurs once)."""
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    gold = []
    for row in rows:
        quote, number = row["quote"], row["number"]
        quote_start = text.find(quote)
        if quote_start < 0 or number not in quote:
            raise ValueError(f"{csv_path.name}: quote {quote!r} or number {number!r} not found")
        if text.count(quote) != 1:
            raise ValueError(f"{csv_path.name}: quote {quote!r} occurs {text.count(quote)} times; quote more of it")
        start = quote_start + quote.index(number)
        labels = {k: row[k].strip() for k in ("counts", *FIELDS[1:]) if row.get(k) is not None}
        gold.append(Gold(quote, number, start, start + len(number), _number(row["value"]), _number(row["low"]),
                         _number(row["high"]), row["unit"].strip(), row["qualifier"].strip(), labels))
    return gold


def _close(found: float | None, expected: float | None) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    return math.isclose(found, expected, rel_tol=TOLERANCE, abs_tol=1e-9)


def reads_right(mention: Mention, gold: Gold) -> bool:
    """Whether a mention gives the gold reading: bounds, qualifier and unit."""
    if not all(_close(a, b) for a, b in ((mention.value, gold.value), (mention.low, gold.low),
                                         (mention.high, gold.high))):
        return False
    if mention.qualifier != gold.qualifier:
        return False
    if gold.unit:
        return mention.unit == gold.unit or _unnamed_currency(mention, gold.unit)
    return mention.unit is None or mention.unit in COUNTED_NOUNS


def _unnamed_currency(mention: Mention, gold_unit: str) -> bool:
    """比索 alone names no country's peso, and 元 alone no one currency (Taiwan's and Hong Kong's
    dollar are 元 too): reading them as PESO or CNY is right whichever peso or dollar the gold names.
    Which it is, the draft's unit field says, from the place (xbdata.text.numbers.unnamed_currency)."""
    if not unnamed_currency(mention.text, mention.unit):
        return False
    return gold_unit in (PESOS.values() if mention.unit == UNNAMED_PESO else YUAN_ELSEWHERE.values())


def _overlaps(mention: Mention, gold: Gold) -> bool:
    return mention.start < gold.end and gold.start < mention.end


def score_article(name: str, text: str, gold: list[Gold]) -> Score:
    """Recall and precision of the extractor on one article."""
    statistics = [m for m in extract_mentions(text) if m.kind == "statistic"]
    score = Score(name, gold=len(gold), statistics=len(statistics))
    for g in gold:
        near = [m for m in statistics if _overlaps(m, g)]
        if any(reads_right(m, g) for m in near):
            score.recalled += 1
        else:
            score.missed.append((g, near))
    for m in statistics:
        if any(_overlaps(m, g) for g in gold):
            score.overlapping += 1
        else:
            score.extra.append(m)
    return score


def _line(score: Score, width: int) -> str:
    return (f"{score.name:{width}}  recall {score.recall:.2f} ({score.recalled}/{score.gold})"
            f"  precision {score.precision:.2f} ({score.overlapping}/{score.statistics})")


def _reading(value, low, high, unit, qualifier) -> str:
    return f"value={value} low={low} high={high} unit={unit or ''} qualifier={qualifier}"


def _details(score: Score) -> list[str]:
    out = []
    for g, near in score.missed:
        gold = _reading(g.value, g.low, g.high, g.unit, g.qualifier)
        out.append(f"    missed {g.number!r} in {g.quote!r}: gold {gold}")
        for m in near:
            out.append(f"        read {m.text!r}: {_reading(m.value, m.low, m.high, m.unit, m.qualifier)}")
        if not near:
            out.append("        no statistic mention overlaps it")
    for m in score.extra:
        out.append(f"    extra  {m.text!r} ({_reading(m.value, m.low, m.high, m.unit, m.qualifier)}) in {m.sentence!r}")
    return out


def articles(folder: Path) -> list[tuple[Path, str, list[Gold]]]:
    """(file, text, gold) for each article with a gold CSV beside it in `folder`, by name."""
    out = []
    for txt in sorted(folder.glob("*.txt")):
        if txt.with_suffix(".csv").exists():
            text = txt.read_text(encoding="utf-8")
            out.append((txt, text, load_gold(txt.with_suffix(".csv"), text)))
    return out


def score_folder(folder: Path) -> list[Score]:
    """One score per article (NAME.txt beside NAME.csv) in `folder`, by name."""
    return [score_article(f"{folder.name}/{txt.stem}", text, gold) for txt, text, gold in articles(folder)]


def load_published() -> dict[str, str]:
    """Each article's published date (eval/published.csv), as `xbdata add --published` would get it."""
    if not PUBLISHED.exists():
        return {}
    with open(PUBLISHED, encoding="utf-8", newline="") as f:
        return {row["name"]: row["published"].strip() for row in csv.DictReader(f)}


def _words(value: str) -> list[str]:
    return re.sub(r"[^\w\u4e00-\u9fff]+", " ", value.lower()).split()


def _names_match(found: str, gold: str) -> bool:
    """Equal after lower-casing and dropping punctuation, or one within the other as whole words."""
    a, b = _words(found), _words(gold)
    if not a or not b or a == ["unspecified"]:
        return a == b
    shorter, longer = sorted((a, b), key=len)
    return any(longer[i:i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))


def _field_right(field_name: str, found: dict, gold: Gold) -> bool:
    label = gold.labels.get(field_name, "")
    if field_name == "unit":
        if gold.unit:
            return found["unit"] == gold.unit
        counts = gold.labels.get("counts", "")
        return found["unit"] == counts if counts else True
    if field_name in ("subject", "measure"):
        return _names_match(found[field_name], label)
    return found[field_name] == label


def draft_fields(text: str, gold: list[Gold], published: str) -> list[tuple[Gold, dict | str | None]]:
    """Each gold statistic with the fields of the statistic draft over its number (None if there is
    none, BAND if the number is proposed as the age band of a share, recorded in that share's band)."""
    from xbdata.curate.propose import parsed_unit, propose
    from xbdata.curate.rules import BAND_REASON
    from xbdata.text.units import MEASURE_KIND_OF_UNIT

    proposed = propose(text, "999_0000000000000000", published, set())
    drafts = [d for d in proposed if d["action"] == "statistic"]
    band_prefix = BAND_REASON.split("{")[0]
    bands = [d for d in proposed if d["action"] == "exclusion" and d["reason"].startswith(band_prefix)]
    out = []
    for g in gold:
        def over(d: dict) -> bool:
            return d["mention"]["start"] < g.end and g.start < d["mention"]["end"]
        draft = next((d for d in drafts if over(d)), None)
        if draft is None:
            out.append((g, BAND if g.unit == "age" and any(over(d) for d in bands) else None))
            continue
        row = draft["row"]
        unit = row["unit"] or parsed_unit(row["number"])[0]
        out.append((g, {**{k: row[k] for k in FIELDS[1:] if k != "measure_kind"}, "unit": unit,
                        "measure_kind": row["measure_kind"] or MEASURE_KIND_OF_UNIT.get(unit, "")}))
    return out


def field_marks(folder: Path) -> list[tuple[str, Gold, dict | None, dict[str, bool]]]:
    """Per labelled gold statistic of `folder`: (article, gold, the draft's fields, each field right?).

    Left out, as neither is a statistic draft: durations (`xbdata add` proposes every duration as an
    exclusion: a delivery promise, a payment term, a visit's length are not catalogued), and age
    bands proposed as the band of the share they qualify (25-34岁的受访者占46.2%: the band is that
    share's `band`, not a figure of its own). `band_count` says how many bands were left out.
    """
    return _marks_and_bands(folder)[0]


def band_count(folder: Path) -> int:
    """How many gold age bands of `folder` are proposed as the band of a share (left out of field_marks)."""
    return _marks_and_bands(folder)[1]


@functools.lru_cache(maxsize=None)
def _marks_and_bands(folder: Path) -> tuple[list, int]:
    published = load_published()
    out, bands = [], 0
    for txt, text, gold in articles(folder):
        gold = [g for g in gold if g.labels.get("topic") and g.unit not in DURATIONS]
        for g, found in draft_fields(text, gold, published.get(txt.stem, "")):
            if found == BAND:
                bands += 1
                continue
            out.append((txt.stem, g, found, {f: found is not None and _field_right(f, found, g) for f in FIELDS}))
    return out, bands


def field_accuracy(folder: Path) -> dict[str, float]:
    """Each field's share of right drafts on `folder`, and `all` (every field right at once)."""
    marks = field_marks(folder)
    if not marks:
        return {}
    out = {f: sum(m[f] for *_, m in marks) / len(marks) for f in FIELDS}
    return {**out, "all": sum(all(m.values()) for *_, m in marks) / len(marks)}


def field_lines(folders: list[Path], verbose: bool = False) -> list[str]:
    """Per set, each field's share of gold statistics whose draft has it right, and all fields at once."""
    lines = ["fields of the drafts, as proposed (eval/FIELDS.md):"]
    for folder in folders:
        marks = field_marks(folder)
        if not marks:
            continue
        accuracy = field_accuracy(folder)
        parts = "  ".join(f"{f} {accuracy[f]:.2f}" for f in FIELDS)
        together = sum(all(m.values()) for *_, m in marks)
        lines.append(f"  {folder.name:8} {len(marks)} statistics  {parts}  all fields {accuracy['all']:.2f} "
                     f"({together}/{len(marks)}); age bands proposed as a share's band, left out: {band_count(folder)}")
        for name, g, found, m in marks:
            if verbose and not all(m.values()):
                shown = "no statistic draft" if found is None else "; ".join(
                    f"{f} {found[f]!r} (gold {g.unit or g.labels.get('counts', '') if f == 'unit' else g.labels.get(f, '')!r})"
                    for f, ok in m.items() if not ok)
                lines.append(f"    {name} {g.number!r}: {shown}")
    return lines + [""]


def draft_lines(folders: list[Path]) -> list[str]:
    """How many of `xbdata add`'s drafts are right as proposed, per set (xbdata.curate.propose.draft_scores).

    Right action: proposed as a statistic exactly when the mention is a gold statistic. Accepted
    unedited: the statistic drafts the catalogue's loader takes as they stand (a unit it knows,
    a unique verbatim quote). The fields themselves are scored by `field_lines`.
    """
    from xbdata.curate.propose import draft_scores

    lines = ["drafts proposed by xbdata add, as proposed (no edits):"]
    for folder in folders:
        total: dict[str, int] = {}
        for _, text, gold in articles(folder):
            for key, n in draft_scores(text, [(g.start, g.end) for g in gold]).items():
                total[key] = total.get(key, 0) + n
        if total:
            lines.append(f"  {folder.name:8} right action {total['action_right']}/{total['drafts']}"
                         f" ({total['action_right'] / max(1, total['drafts']):.0%}),"
                         f" gold statistics proposed {total['gold_proposed']}/{total['gold']},"
                         f" statistic drafts the loader accepts unedited {total['accept_ready']}/{total['statistics']}")
    return lines + [""]


def report(folders: list[Path], verbose: bool = False) -> tuple[Score, int, list[str]]:
    """The printed lines, and the overall score with its number of articles."""
    lines, overall, articles = [], Score("total"), 0
    for folder in folders:
        scores = score_folder(folder)
        group = Score(f"{folder.name} total")
        width = max([len(s.name) for s in scores] + [len(group.name)])
        for s in scores:
            lines.append(_line(s, width))
            if verbose:
                lines.extend(_details(s))
            group.add(s)
        lines.append(_line(group, width))
        lines.append("")
        overall.add(group)
        articles += len(scores)
    lines.extend(draft_lines(folders))
    lines.extend(field_lines(folders, verbose))
    lines.append(f"recall {overall.recall:.2f} precision {overall.precision:.2f} on {articles} articles "
                 f"({overall.gold} statistics)")
    return overall, articles, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the extractor against eval/*/ gold statistics.")
    parser.add_argument("folders", nargs="*", type=Path, help="folders to score (default: eval/dev and eval/heldout)")
    parser.add_argument("--verbose", action="store_true", help="list missed gold statistics and extra mentions")
    args = parser.parse_args(argv)
    folders = [f for f in (args.folders or FOLDERS) if f.is_dir()]
    _, _, lines = report(folders, args.verbose)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
