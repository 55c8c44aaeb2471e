"""Reviewing the drafts of added articles: accept, reject (with a reason) or edit, one at a time or all.

Drafts (xbdata/curate/propose.py) are proposals: `articles/drafts/<article>.json`, one per numeric mention,
each with an id `NNN-k` (the article's number, then the mention's place in the article). Review
writes the outcome into the added articles' own catalogue and exclusions, in the packaged
files' columns, and those two CSV files are the only record of it:

- accept a statistic draft: its row goes into `articles/catalogue.csv`, after the same checks the
  catalogue's loader makes (quote verbatim and unique, number parsed, unit, kinds, band), plus a
  unique stat_id, a known platform for topic `platform` and a category (`breakdown`) for topic
  `category`, which the tidy views need;
- accept an exclusion draft: the mention goes into `articles/exclusions.csv` with its reason;
- reject a draft (`--reason` required): the mention goes into the exclusions with that reason. A
  rejected statistic is thereby accounted for as "not a statistic, because ...";
- edit a draft: change one field of its proposed row (any catalogue column but `source`), its
  `reason`, or its `action` (statistic or exclusion); values are checked against the catalogue's
  vocabularies at once, and the whole row when it is accepted;
- accept all: every pending statistic that passes the checks and is sure is accepted, and every
  pending exclusion excluded; a statistic that fails, or whose unit or period the drafting was
  unsure of (its `unsure` list), stays pending with the reason printed, for `--accept` once a
  person has checked it.

A draft is pending until a catalogue row (by stat_id, or by its number's span) or an exclusion
covers its mention. Acting on a draft that is no longer pending is an error: to undo a decision,
delete its row from the CSV file. All writes are atomic and made under the folder's lock; a
command that fails writes nothing.

This module is the storage and the actions. What `xbdata review` prints is in xbdata/cli/articles.py,
and the JupyterLab panel in xbdata/explore/review_panel.py; both call these functions.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ..escape import terminal_text
from ..exceptions import CatalogueError, UsageError
from ..ids import is_stat_id
from ..iorw import data_path
from ..text.extract import extract_mentions
from ..text.units import UNITS
from .articles import (CATALOGUE, DRAFTS, EXCLUSIONS, added_articles, added_texts, all_texts, articles_dir,
                       folder_lock, write_bytes)
from .catalogue import exclusion_of, read_csv_rows, validate_row
from .derive import DERIVATIONS
from .propose import propose, rederive
from .tables import company_of
from .vocabulary import CATALOGUE_COLUMNS, EXCLUSION_COLUMNS, KINDS, MEASURE_KINDS, PERIOD_FORMS, TOPICS, valid_period

ACTIONS = ("statistic", "exclusion")
_DRAFT_ID = re.compile(r"(\d{3})-(\d+)")


def editable_fields() -> tuple[str, ...]:
    return (*[c for c in CATALOGUE_COLUMNS if c != "source"], "action", "reason")


# --- the files ---------------------------------------------------------------------------------

def drafts_path(article_id: str, folder: Path | None = None) -> Path:
    return (folder or articles_dir()) / DRAFTS / f"{article_id}.json"


def load_drafts(article_id: str, folder: Path | None = None) -> list[dict]:
    path = drafts_path(article_id, folder)
    if not path.exists():
        return []
    try:
        return json.loads(path.read_text(encoding="utf-8"))["drafts"]
    except (ValueError, KeyError, UnicodeDecodeError):
        raise UsageError(f"{path}: not a drafts file written by xbdata add") from None


def drafts_json(article_id: str, drafts: list[dict]) -> str:
    return json.dumps({"article": article_id, "drafts": drafts}, ensure_ascii=False, indent=1) + "\n"


def _save_drafts(article_id: str, drafts: list[dict], folder: Path) -> None:
    write_bytes(drafts_path(article_id, folder), drafts_json(article_id, drafts).encode("utf-8"))


def read_rows(path: Path, columns: tuple[str, ...]) -> list[dict]:
    """The rows of a reviewed CSV file as dicts ([] if it does not exist); a file that is not UTF-8
    or lacks a column is a one-line UsageError."""
    if not path.exists():
        return []
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as error:
        raise UsageError(f"{path}: not a CSV file in UTF-8 ({error.__class__.__name__}); restore it from a backup") from None
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing and rows:
        raise UsageError(f"{path}: header lacks column(s) {', '.join(missing)}")
    return rows


def write_rows(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_bytes(path, out.getvalue().encode("utf-8"))


# --- the state of each draft -------------------------------------------------------------------

def _span(text: str, outer: str, inner: str) -> tuple[int, int] | None:
    if not outer or not inner or text.count(outer) != 1 or outer.count(inner) != 1:
        return None
    start = text.index(outer) + outer.index(inner)
    return start, start + len(inner)


def _overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def statuses(article_id: str, drafts: list[dict], text: str, rows: list[dict], exclusions: list[dict]) -> dict[str, tuple[str, str]]:
    """draft id -> (status, detail): ("accepted", stat_id), ("excluded", reason) or ("pending", "")."""
    rows = [r for r in rows if r.get("source") == article_id]
    number_spans = [(r["stat_id"], _span(text, r.get("quote", ""), r.get("number", ""))) for r in rows]
    band_spans = [(r["stat_id"], _span(text, r.get("quote", ""), r.get("band", ""))) for r in rows if r.get("band")]
    exc_spans = [(e["reason"], _span(text, e.get("context", ""), e.get("text", "")))
                 for e in exclusions if e.get("source") == article_id]
    ids = {r["stat_id"] for r in rows}
    out = {}
    for d in drafts:
        span = (d["mention"]["start"], d["mention"]["end"])
        hit = next((s for s, sp in number_spans if _overlaps(span, sp)), None)
        if d["action"] == "statistic" and d["row"]["stat_id"] in ids and hit is None:
            hit = d["row"]["stat_id"]
        reason = next((r for r, sp in exc_spans if _overlaps(span, sp)), None)
        band = next((s for s, sp in band_spans if _overlaps(span, sp)), None)
        if hit is not None:
            out[d["id"]] = ("accepted", hit)
        elif reason is not None:
            out[d["id"]] = ("excluded", reason)
        elif band is not None:   # an age band quoted in an accepted row's band field
            out[d["id"]] = ("accepted", f"band of {band}")
        else:
            out[d["id"]] = ("pending", "")
    return out


class State:
    """The added articles, their drafts and reviewed rows, read once for one review action.

    With `refresh` (which review actions and the listing use, under the folder's lock), a mention
    the extractor finds now but found in none of an article's drafts when it was added (the
    extractor improves) gets a new draft, numbered after the others, so that review can still
    account for every mention.
    """

    def __init__(self, folder: Path | None = None, refresh: bool = False):
        self.folder = folder or articles_dir()
        self.articles = added_articles()
        self.texts = added_texts()
        self.drafts = {a: load_drafts(a, self.folder) for a in self.articles}
        self.rows = read_rows(self.folder / CATALOGUE, CATALOGUE_COLUMNS)
        self.exclusions = read_rows(self.folder / EXCLUSIONS, EXCLUSION_COLUMNS)
        if refresh:
            for a in self.articles:
                self._propose_new(a)
        self.status = {a: statuses(a, ds, self.texts[a], self.rows, self.exclusions) for a, ds in self.drafts.items()}

    def _propose_new(self, article: str) -> None:
        drafts, text = self.drafts[article], self.texts[article]
        mentions = extract_mentions(text)
        spans = [(d["mention"]["start"], d["mention"]["end"]) for d in drafts]
        new = [m for m in mentions if not any(_overlaps((m.start, m.end), s) for s in spans)]
        if not new:
            return
        taken = self.taken_ids(with_drafts=True)
        proposals = {(p["mention"]["start"], p["mention"]["end"]): p
                     for p in propose(text, article, self.articles[article].published, taken, mentions)}
        number = max((int(d["id"].split("-")[1]) for d in drafts), default=0)
        for m in new:
            number += 1
            draft = proposals[(m.start, m.end)]
            draft["id"] = f"{article[:3]}-{number}"
            draft["notes"].append("proposed after the article was added: the extractor finds this mention now")
            drafts.append(draft)
        _save_drafts(article, drafts, self.folder)

    def find(self, draft_id: str) -> tuple[str, dict]:
        """(article id, draft) for an id like 005-3; a UsageError naming the mistake otherwise."""
        m = _DRAFT_ID.fullmatch(draft_id.strip())
        article = next((a for a in self.articles if m and a.startswith(m.group(1) + "_")), None)
        if article is not None:
            draft = next((d for d in self.drafts[article] if d["id"] == f"{m.group(1)}-{int(m.group(2))}"), None)
            if draft is not None:
                return article, draft
        raise UsageError(f"unknown draft id {terminal_text(draft_id)[:40]!r} (ids look like 005-3; `xbdata review` lists the pending ones)")

    def pending(self, draft_id: str) -> tuple[str, dict]:
        article, draft = self.find(draft_id)
        status, detail = self.status[article][draft["id"]]
        if status != "pending":
            raise UsageError(f"draft {draft['id']} is already {status} ({terminal_text(detail)[:60]}); "
                             f"to undo, delete its row from {self.folder / (CATALOGUE if status == 'accepted' else EXCLUSIONS)}")
        return article, draft

    def taken_ids(self, with_drafts: bool = False, but: dict | None = None) -> set[str]:
        """The stat_ids in use: the packaged catalogue's, derived figures', reviewed rows', and with
        `with_drafts` every draft's but `but`."""
        packaged = {row["stat_id"] for _, row in read_csv_rows(data_path("catalogue.csv"), ("stat_id",))}
        taken = packaged | {d.stat_id for d in DERIVATIONS} | {r["stat_id"] for r in self.rows}
        if with_drafts:
            taken |= {d["row"]["stat_id"] for ds in self.drafts.values() for d in ds if d is not but}
        return taken

    def pending_count(self, article: str) -> int:
        return sum(status == "pending" for status, _ in self.status[article].values())

    def chosen(self, article: str | None) -> list[str]:
        """Every added article, or the one `article` names (its id or three-digit number)."""
        return [a for a in self.articles if article is None or a == resolve_article(article, self)]


# --- checks ------------------------------------------------------------------------------------

def _check_value(field: str, value: str) -> str:
    """`value` for `field` if the catalogue's vocabularies allow it; else a UsageError naming what they allow."""
    allowed = {"topic": TOPICS, "kind": tuple(k for k in KINDS if k != "derived"), "unit": ("", *UNITS),
               "measure_kind": ("", *MEASURE_KINDS), "action": ACTIONS}
    if field in allowed and value not in allowed[field]:
        raise UsageError(f"{field} must be one of {', '.join(repr(v) if not v else v for v in allowed[field])} "
                         f"(got {terminal_text(value)[:40]!r})")
    if field == "period" and not valid_period(value.strip()):
        raise UsageError(f"period must be written {PERIOD_FORMS} (got {terminal_text(value)[:40]!r})")
    if "{" in value or "}" in value:
        raise UsageError(f"{field} may not hold {{ or }} (got {terminal_text(value)[:40]!r})")
    if field == "stat_id" and not is_stat_id(value):
        raise UsageError(f"stat_id must be 1 to 80 lowercase letters, digits and _ (got {terminal_text(value)[:40]!r})")
    if field in ("topic", "subject", "measure", "geography", "period", "kind", "label_zh", "label_en", "quote",
                 "number", "stat_id", "action") and not value.strip():
        raise UsageError(f"{field} may not be empty")
    if field != "quote" and ("\n" in value or "\r" in value):
        raise UsageError(f"{field} must be one line")
    return value if field == "quote" else value.strip()


def _check_statistic(draft: dict, state: State, taken: set[str]) -> dict:
    """The draft's row as it would be catalogued; a UsageError naming the draft if the loader would refuse it."""
    row = dict(draft["row"])
    try:
        validate_row(row, all_texts(), name=f"draft {draft['id']}")
    except CatalogueError as error:
        raise UsageError(str(error)) from None
    if row["stat_id"] in taken:
        raise UsageError(f"draft {draft['id']}: stat_id {row['stat_id']!r} is already in the catalogue; "
                         f"--edit {draft['id']} stat_id=NEW_ID")
    if row["topic"] == "platform" and not company_of(row["subject"]):
        raise UsageError(f"draft {draft['id']}: topic platform needs a subject naming a platform or company "
                         f"(got {terminal_text(row['subject'])[:40]!r}); edit subject or topic")
    if row["topic"] == "category" and not row["breakdown"]:
        raise UsageError(f"draft {draft['id']}: topic category needs the category in breakdown; edit breakdown or topic")
    return row


def _exclusion_row(article: str, draft: dict, reason: str, state: State) -> dict:
    row = {"source": article, "context": draft["context"], "text": draft["mention"]["text"], "reason": reason.strip()}
    if not row["reason"]:
        raise UsageError(f"draft {draft['id']}: an exclusion needs a reason (--edit {draft['id']} reason=... or --reject --reason ...)")
    try:
        exclusion_of(row, {article: state.texts[article]}, f"draft {draft['id']}")
    except CatalogueError as error:
        raise UsageError(str(error)) from None
    return row


def _write(state: State, new_rows: list[dict], new_exclusions: list[dict]) -> None:
    if new_rows:
        write_rows(state.folder / CATALOGUE, CATALOGUE_COLUMNS, state.rows + new_rows)
    if new_exclusions:
        write_rows(state.folder / EXCLUSIONS, EXCLUSION_COLUMNS, state.exclusions + new_exclusions)


# --- the actions -------------------------------------------------------------------------------

def _take(article: str, draft: dict, state: State, taken: set[str], rows: list[dict], exclusions: list[dict]) -> str:
    """Act on one draft as proposed: a statistic becomes a checked catalogue row, anything else an exclusion."""
    if draft["action"] == "statistic":
        row = _check_statistic(draft, state, taken)
        taken.add(row["stat_id"])
        rows.append(row)
        return f"accepted {draft['id']} as {row['stat_id']}"
    exclusions.append(_exclusion_row(article, draft, draft["reason"], state))
    return f"excluded {draft['id']}: {terminal_text(draft['reason'])}"


def accept(ids: list[str]) -> list[str]:
    """Accept drafts as proposed (or as edited); all or none. Returns one line per draft."""
    with folder_lock():
        state = State(refresh=True)
        taken = state.taken_ids()
        rows, exclusions, lines, seen = [], [], [], set()
        for draft_id in ids:
            article, draft = state.pending(draft_id)
            if draft["id"] in seen:
                continue
            seen.add(draft["id"])
            lines.append(_take(article, draft, state, taken, rows, exclusions))
        _write(state, rows, exclusions)
        return lines


def reject(ids: list[str], reason: str) -> list[str]:
    """Reject drafts: each mention is excluded with `reason`; all or none."""
    if not (reason or "").strip():
        raise UsageError("--reject needs --reason TEXT (why these are not statistics)")
    if "\n" in reason or "\r" in reason:
        raise UsageError("--reason must be one line")
    with folder_lock():
        state = State(refresh=True)
        exclusions, lines, seen = [], [], set()
        for draft_id in ids:
            article, draft = state.pending(draft_id)
            if draft["id"] not in seen:
                seen.add(draft["id"])
                exclusions.append(_exclusion_row(article, draft, reason, state))
                lines.append(f"rejected {draft['id']}: {terminal_text(reason.strip())}")
        _write(state, [], exclusions)
        return lines


def edit(draft_id: str, assignments: list[str]) -> list[str]:
    """Change fields of a pending draft: each assignment is FIELD=VALUE."""
    if not assignments:
        raise UsageError("--edit needs ID FIELD=VALUE")
    fields = editable_fields()
    checked = []
    for assignment in assignments:        # every value checked before anything is read or written
        field, sep, value = assignment.partition("=")
        field = field.strip()
        if not sep:
            raise UsageError(f"--edit expects FIELD=VALUE (got {terminal_text(assignment)[:40]!r})")
        if field not in fields:
            raise UsageError(f"unknown field {terminal_text(field)[:30]!r} (fields: {', '.join(fields)})")
        checked.append((field, _check_value(field, value)))
    with folder_lock():
        state = State(refresh=True)
        article, draft = state.pending(draft_id)
        lines = []
        edited, changed = set(draft.get("edited", [])), set()
        for field, value in checked:
            if field == "stat_id" and value in state.taken_ids(with_drafts=True, but=draft):
                raise UsageError(f"stat_id {value!r} is already used; choose another")
            if field == "action":
                draft["action"] = value
            elif field == "reason":
                draft["reason"] = value
            else:
                draft["row"][field] = value
                edited.add(field)
                changed.add(field)
            lines.append(f"edited {draft['id']}: {field} = {terminal_text(value)}")
        taken = state.taken_ids(with_drafts=True, but=draft)
        lines += [f"  {line}" for line in rederive(draft["row"], edited, changed, taken)]
        draft["edited"] = sorted(edited)
        # A field a person has set is no longer a guess to doubt.
        draft["unsure"] = [u for u in draft.get("unsure", []) if u.split(" ", 1)[0].rstrip(":") not in changed]
        _save_drafts(article, state.drafts[article], state.folder)
        return lines


def accept_all(article: str | None = None) -> tuple[list[str], list[str]]:
    """Accept every pending statistic that passes the checks and exclude every other pending draft.

    A statistic whose unit or period the drafting was unsure of (its `unsure` list: a unit guessed
    from the sentence, no date near the number, a peso of no named country, 元 read as a local dollar)
    is never accepted on trust: it stays pending with the reason, for `--accept` by a person who
    has checked it, or `--edit`.

    Returns (done, kept): one line per draft acted on, and one per statistic kept pending with why.
    """
    with folder_lock():
        state = State(refresh=True)
        chosen = state.chosen(article)
        taken = state.taken_ids()
        rows, exclusions, done, kept = [], [], [], []
        for a in chosen:
            for draft in state.drafts[a]:
                if state.status[a][draft["id"]][0] != "pending":
                    continue
                if draft["action"] == "statistic" and draft.get("unsure"):
                    kept.append(f"kept pending {draft['id']}: {'; '.join(draft['unsure'])} "
                                f"(check it, then --accept {draft['id']}, or --edit it)")
                    continue
                try:
                    done.append(_take(a, draft, state, taken, rows, exclusions))
                except UsageError as error:
                    kept.append(f"kept pending {draft['id']}: {error}")
        _write(state, rows, exclusions)
        return done, kept


def resolve_article(name: str, state: State | None = None) -> str:
    """An added article's id from its id or its three-digit number."""
    known = (state.articles if state else added_articles())
    for article_id in known:
        if name in (article_id, article_id[:3]):
            return article_id
    raise UsageError(f"unknown article {terminal_text(name)[:40]!r} (added articles: {', '.join(known) or 'none yet'})")


# --- views -------------------------------------------------------------------------------------

LIST_COLUMNS = ["article", "draft", "status", "action", "mention_kind", "number", "unit", "topic", "subject", "measure",
                "measure_kind", "band", "geography", "period", "kind", "stat_id", "label_zh", "label_en",
                "reason", "quote", "sentence", "notes"]


def drafts_table(article: str | None = None, include_resolved: bool = False):
    """Every draft (pending only, unless `include_resolved`) as a DataFrame, one row per draft.

    `kind` is the proposed figure's kind, as in the catalogue (observed, survey, forecast …);
    `mention_kind` is what the extractor read the number as (statistic, date, list number …)."""
    import pandas as pd

    state = State()
    chosen = state.chosen(article)
    records = []
    for a in chosen:
        for d in state.drafts[a]:
            status, detail = state.status[a][d["id"]]
            if status != "pending" and not include_resolved:
                continue
            r = d["row"]
            records.append({
                "article": a, "draft": d["id"], "status": status, "action": d["action"], "mention_kind": d["mention"]["kind"],
                "number": d["mention"]["text"], "unit": r["unit"], "topic": r["topic"], "subject": r["subject"],
                "measure": r["measure"], "measure_kind": r["measure_kind"], "band": r["band"],
                "geography": r["geography"], "period": r["period"], "kind": r["kind"], "stat_id": r["stat_id"],
                "label_zh": r["label_zh"], "label_en": r["label_en"],
                "reason": detail if status == "excluded" else d["reason"], "quote": r["quote"],
                "sentence": d["mention"]["sentence"], "notes": "; ".join(d.get("notes", [])),
            })
    return pd.DataFrame(records, columns=LIST_COLUMNS)


def refreshed_state() -> State:
    """The state, with drafts for mentions found since (under the lock, if there is a folder at all)."""
    if not articles_dir().is_dir():
        return State()
    with folder_lock():
        return State(refresh=True)
