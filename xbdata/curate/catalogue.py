"""The curated catalogue of statistics, and the exclusions that account for every other number.

`data/catalogue.csv` holds one row per statistic: the verbatim quote, the number inside it, and
what it measures. Nothing numeric is typed there: value, bounds, qualifier and (where the text
says it) the unit come from parsing the number, and loading checks every quote against its
article. `data/exclusions.csv` lists each numeric mention the extractor finds that is not a
statistic (a date, a list number, a slogan), with the reason. Together they account for every
mention in the seeds.

Articles added with `xbdata add` bring their own reviewed rows (`articles/catalogue.csv` and
`articles/exclusions.csv`, see xbdata/curate/articles.py) in the same columns. `catalogue()`,
`load_exclusions()` and `accounting()` read the packaged rows and those, against the seeds and the
added articles, through the same checks; a packaged row behaves exactly as before.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..exceptions import CatalogueError
from ..ids import is_stat_id
from ..iorw import data_path
from ..text.extract import Mention, extract_mentions
from ..text.numbers import QUALIFIERS, QuantityError, parse_quantity, unnamed_currency
from ..text.units import MEASURE_KIND_OF_UNIT, PESOS, UNITS, UNNAMED_PESO, YUAN_ELSEWHERE
from .articles import CATALOGUE, EXCLUSIONS, all_articles, all_texts, articles_dir, state_token
from .derive import DERIVATIONS, Figure
from .vocabulary import (CATALOGUE_COLUMNS, COLUMNS, EXCLUSION_COLUMNS, KINDS, MEASURE_KINDS, PERCENT_MEASURE_KINDS,
                         PERIOD_FORMS, REQUIRED_COLUMNS, TOPICS, valid_period)

# The articles' own slips in an age band, read as the writer meant them. Each is quoted verbatim
# in the catalogue (so the text still finds it) and corrected only here, with the reason.
BAND_CORRECTIONS = {
    "25岁下列": ("25岁以下", "002 writes 下列 (\"listed below\") for 以下 (\"under\"): its next clause gives "
                            "the 25-32 band, so this band is under 25"),
}

@dataclass(frozen=True)
class Exclusion:
    """A numeric mention that is not a statistic, and why."""

    source: str
    text: str
    start: int
    end: int
    reason: str


def read_csv_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    """Rows with their line numbers; the header must name every column."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise CatalogueError(f"{path.name}: header lacks column(s) {', '.join(missing)}")
            return [(reader.line_num, {k: (v or "").strip() if k not in ("quote", "context", "text") else (v or "")
                                       for k, v in row.items()}) for row in reader]
    except FileNotFoundError:
        raise CatalogueError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise CatalogueError(f"{path}: not UTF-8") from None


def locate(text: str, outer: str, inner: str, where: str, outer_name: str, inner_name: str) -> tuple[int, int]:
    """Offsets of `inner` within the one occurrence of `outer` in `text`."""
    if not outer:
        raise CatalogueError(f"{where}: {outer_name} is empty")
    count = text.count(outer)
    if count == 0:
        raise CatalogueError(f"{where}: {outer_name} {outer!r} is not in the article")
    if count > 1:
        raise CatalogueError(f"{where}: {outer_name} {outer!r} occurs {count} times in the article; quote more to make it unique")
    if not inner or outer.count(inner) != 1:
        found = "is not" if not inner or inner not in outer else "occurs more than once"
        raise CatalogueError(f"{where}: {inner_name} {inner!r} {found} in the {outer_name}")
    start = text.index(outer)
    return start, start + outer.index(inner)


def _parse(where: str, field: str, text: str):
    try:
        return parse_quantity(text)
    except QuantityError as error:
        raise CatalogueError(f"{where}: {field}: {error}") from None


def _row_to_record(line: int, row: dict, texts: dict[str, str], titles: dict[str, tuple[str, str]],
                   name: str = "catalogue") -> dict:
    stat_id = row.get("stat_id", "")
    where = f"{name} row {line} ({stat_id or 'no stat_id'})" if line else f"{name} ({stat_id or 'no stat_id'})"
    for field in REQUIRED_COLUMNS:
        if not row.get(field, "").strip():
            raise CatalogueError(f"{where}: field {field} is empty")
    if not is_stat_id(stat_id):
        raise CatalogueError(f"{where}: stat_id must be 1 to 80 lowercase letters, digits and _")
    for field, allowed in (("topic", TOPICS), ("kind", KINDS)):
        if row[field] not in allowed:
            raise CatalogueError(f"{where}: {field} {row[field]!r} is not one of {', '.join(allowed)}")
    if row["kind"] == "derived":
        raise CatalogueError(f"{where}: kind derived is computed in xbdata/curate/derive.py, not typed in the catalogue")
    if not valid_period(row["period"]):
        raise CatalogueError(f"{where}: period {row['period']!r} is not written {PERIOD_FORMS}")
    for field in ("stat_id", "subject", "measure", "breakdown", "geography", "label_zh", "label_en"):
        if "{" in row[field] or "}" in row[field]:
            raise CatalogueError(f"{where}: {field} {row[field]!r} holds a template's braces")
    if row["source"] not in texts:
        raise CatalogueError(f"{where}: source {row['source']!r} is not a seed (known: {', '.join(texts)})")
    start, number_start = locate(texts[row["source"]], row["quote"], row["number"], where, "quote", "number")
    quantity = _parse(where, "number", row["number"])
    unit = row["unit"]
    if unit and unnamed_currency(row["number"], quantity.unit) \
            and unit in (PESOS if quantity.unit == UNNAMED_PESO else YUAN_ELSEWHERE).values():
        quantity = replace(quantity, unit=None)   # the row says whose peso or 元 it is
    if quantity.unit and unit and quantity.unit != unit:
        raise CatalogueError(f"{where}: unit {unit!r} contradicts the unit the quote itself gives ({quantity.unit!r})")
    if quantity.unit and unit:
        raise CatalogueError(f"{where}: unit {unit!r} is already in the quote; leave the unit field empty")
    unit = quantity.unit or unit
    if not unit:
        raise CatalogueError(f"{where}: field unit is empty and the quote's number names none; say what is counted")
    if unit not in UNITS:
        raise CatalogueError(f"{where}: unit {unit!r} is not one of {', '.join(UNITS)}")
    if quantity.qualifier not in QUALIFIERS:
        raise CatalogueError(f"{where}: qualifier {quantity.qualifier!r} is not one of {', '.join(QUALIFIERS)}")
    measure_kind = _measure_kind(where, row["measure_kind"], unit)
    if measure_kind == "share" and any(x is not None and not 0 <= x <= 100 for x in (quantity.low, quantity.high)):
        raise CatalogueError(f"{where}: a share lies within 0-100 (the quote gives {row['number']!r}); "
                             "is it a growth, a decline or an uplift?")
    band_low, band_high = _band(where, row["band"], row["quote"])
    title, url = titles[row["source"]]
    return {
        **{c: row[c] for c in CATALOGUE_COLUMNS if c != "unit"},
        "start": start, "end": start + len(row["quote"]),
        "number_start": number_start, "number_end": number_start + len(row["number"]),
        "band_low": band_low, "band_high": band_high,
        "value": quantity.value, "low": quantity.low, "high": quantity.high, "measure_kind": measure_kind,
        "unit": unit, "qualifier": quantity.qualifier, "approx": quantity.approx, "formula": "", "inputs": "",
        "source_title": title, "source_url": url,
    }


def _measure_kind(where: str, given: str, unit: str) -> str:
    """The row's measure kind: given for a percentage, implied by any other unit."""
    implied = MEASURE_KIND_OF_UNIT.get(unit)
    if given and given not in MEASURE_KINDS:
        raise CatalogueError(f"{where}: measure_kind {given!r} is not one of {', '.join(MEASURE_KINDS)}")
    if unit == "%" and given and given not in PERCENT_MEASURE_KINDS:
        raise CatalogueError(f"{where}: measure_kind {given!r} contradicts unit '%' "
                             f"(a percentage is one of {', '.join(PERCENT_MEASURE_KINDS)})")
    if implied and given and given != implied:
        raise CatalogueError(f"{where}: measure_kind {given!r} contradicts unit {unit!r} (which is {implied!r})")
    if not (given or implied):
        raise CatalogueError(f"{where}: field measure_kind is empty; a percentage is a share, a growth, a decline or an uplift")
    return given or implied


def _band(where: str, band: str, quote: str) -> tuple[float | None, float | None]:
    """Bounds of the row's age band, read from the quote's own words (through BAND_CORRECTIONS for a slip)."""
    if not band:
        return None, None
    if band not in quote:
        raise CatalogueError(f"{where}: band {band!r} is not in the quote; quote the words that give it")
    parsed = _parse(where, "band", BAND_CORRECTIONS.get(band, (band,))[0])
    return parsed.low, parsed.high


def _derived_records(records: dict[str, dict]) -> list[dict]:
    out = []
    for d in DERIVATIONS:
        missing = [i for i in d.inputs if i not in records]
        if missing:
            raise CatalogueError(f"derived figure {d.stat_id} needs {', '.join(missing)}, which the catalogue lacks "
                                 f"(xbdata/curate/derive.py names its inputs)")
        inputs = [records[i] for i in d.inputs]
        figure = d.compute(*(Figure.of(r) for r in inputs))
        sources = sorted({r["source"] for r in inputs})
        band_low, band_high, band = d.band(inputs) if d.band else (None, None, "")
        out.append({
            "stat_id": d.stat_id, "source": ";".join(sources), "quote": "", "number": "",
            "topic": d.topic, "subject": d.subject, "measure": d.measure, "breakdown": d.breakdown,
            "measure_kind": inputs[0]["measure_kind"] if d.unit == inputs[0]["unit"] else MEASURE_KIND_OF_UNIT[d.unit],
            "band": band, "band_low": band_low, "band_high": band_high,
            "geography": inputs[0]["geography"],
            "period": d.period or inputs[0]["period"],
            "kind": "derived", "value": figure.value, "low": figure.low, "high": figure.high,
            "unit": d.unit, "qualifier": figure.qualifier, "approx": figure.approx and figure.qualifier in (">", ">=", "<"),
            "label_zh": d.label_zh, "label_en": d.label_en,
            "formula": d.formula, "inputs": ";".join(d.inputs),
            "source_title": inputs[0]["source_title"], "source_url": inputs[0]["source_url"],
            "start": None, "end": None, "number_start": None, "number_end": None,
        })
    return out


def _titles(texts: dict[str, str]) -> dict[str, tuple[str, str]]:
    titles = {a.id: (a.title, a.url) for a in all_articles().values()}
    titles.update({k: titles.get(k, (k, "")) for k in texts})
    return titles


def validate_row(row: dict, texts: dict[str, str] | None = None, name: str = "catalogue", line: int = 0) -> dict:
    """One catalogue row checked as the loader checks it (quote, number, unit, kinds, band); its record."""
    texts = texts if texts is not None else all_texts()
    row = {c: (row.get(c) or "") if c == "quote" else str(row.get(c) or "").strip() for c in CATALOGUE_COLUMNS}
    return _row_to_record(line, row, texts, _titles(texts), name)


def added_catalogue_path() -> Path:
    """The reviewed rows of added articles (xbdata/curate/articles.py); the file may not exist yet."""
    return articles_dir() / CATALOGUE


def added_exclusions_path() -> Path:
    return articles_dir() / EXCLUSIONS


def load_catalogue(path: Path | None = None, texts: dict[str, str] | None = None,
                   extra: tuple[Path, ...] = ()) -> pd.DataFrame:
    """Every statistic, validated, with parsed numbers and derived rows; raises CatalogueError on the first bad row.

    `path` is the packaged catalogue (by default); `extra` names more catalogue files in the same
    columns (the added articles' reviewed rows), checked the same way, their errors naming the file.
    A stat_id may be used once across all of them.
    """
    path = path or data_path("catalogue.csv")
    texts = texts if texts is not None else all_texts()
    titles = _titles(texts)
    records: dict[str, dict] = {}
    for number, csv_path in enumerate((path, *extra)):
        name = "catalogue" if number == 0 else str(csv_path)
        for line, row in read_csv_rows(csv_path, CATALOGUE_COLUMNS):
            record = _row_to_record(line, row, texts, titles, name)
            if record["stat_id"] in records:
                raise CatalogueError(f"{name} row {line} ({record['stat_id']}): stat_id is used twice")
            records[record["stat_id"]] = record
    derived = _derived_records(records)
    frame = pd.DataFrame([*records.values(), *derived], columns=list(COLUMNS))
    for column in ("start", "end", "number_start", "number_end"):
        frame[column] = frame[column].astype("Int64")
    for column in ("value", "low", "high", "band_low", "band_high"):
        frame[column] = frame[column].astype("float64")
    frame["approx"] = frame["approx"].astype(bool)
    return frame


def exclusion_of(row: dict, texts: dict[str, str], where: str) -> Exclusion:
    """One exclusions row checked and located in its article."""
    if row["source"] not in texts:
        raise CatalogueError(f"{where}: source {row['source']!r} is not a seed")
    if not row["reason"]:
        raise CatalogueError(f"{where}: field reason is empty")
    _, start = locate(texts[row["source"]], row["context"], row["text"], where, "context", "text")
    return Exclusion(row["source"], row["text"], start, start + len(row["text"]), row["reason"])


def load_exclusions(path: Path | None = None, texts: dict[str, str] | None = None) -> list[Exclusion]:
    """The mentions that are not statistics, each located in its article.

    Without `path`: the packaged exclusions, then the added articles' reviewed ones (if any).
    """
    paths = [path] if path else [data_path("exclusions.csv")]
    if path is None and added_exclusions_path().exists():
        paths.append(added_exclusions_path())
    texts = texts if texts is not None else all_texts()
    out = []
    for number, csv_path in enumerate(paths):
        name = "exclusions" if number == 0 else str(csv_path)
        out += [exclusion_of(row, texts, f"{name} row {line}") for line, row in read_csv_rows(csv_path, EXCLUSION_COLUMNS)]
    return out


@lru_cache(maxsize=1)
def _cached_catalogue(token: tuple = ()) -> pd.DataFrame:
    extra = (added_catalogue_path(),) if added_catalogue_path().exists() else ()
    return load_catalogue(extra=extra)


def catalogue() -> pd.DataFrame:
    """The validated catalogue: packaged rows, derived rows and the added articles' accepted rows.

    Loaded once per process and again whenever the packaged or the added articles' files change;
    a copy, so callers may change it.
    """
    return _cached_catalogue(catalogue_token()).copy()


def catalogue_token() -> tuple:
    """What decides the catalogue: the added articles' files and the packaged ones (stat, not read)."""
    return state_token() + _packaged_token()


def _packaged_token() -> tuple:
    """A cheap token that changes with the packaged catalogue and exclusions (stat, not read)."""
    token = []
    for path in (data_path("catalogue.csv"), data_path("exclusions.csv")):
        st = path.stat()
        token.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(token)


def _overlaps(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a < mention.end and mention.start < b for a, b in spans)


def accounting(stats: pd.DataFrame | None = None, exclusions: list[Exclusion] | None = None,
               texts: dict[str, str] | None = None) -> dict[str, list[Mention]]:
    """Per article, the extracted mentions that neither a statistic nor an exclusion accounts for."""
    texts = texts if texts is not None else all_texts()
    stats = stats if stats is not None else catalogue()
    exclusions = exclusions if exclusions is not None else load_exclusions(texts=texts)
    missing = {}
    for source, text in texts.items():
        rows = stats[(stats["source"] == source) & (stats["kind"] != "derived")]
        spans = [(int(r.number_start), int(r.number_end)) for r in rows.itertuples()]
        for r in rows.itertuples():
            if r.band and r.band in r.quote:
                band_start = int(r.start) + r.quote.index(r.band)
                spans.append((band_start, band_start + len(r.band)))
        spans += [(e.start, e.end) for e in exclusions if e.source == source]
        missing[source] = [m for m in extract_mentions(text) if not _overlaps(m, spans)]
    return missing
