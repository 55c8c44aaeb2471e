"""Every article xbdata knows: the five seeds, and the articles added with `xbdata add`.

Articles are read as strict UTF-8 and kept byte for byte as published, because every statistic's
offsets point into their text.

The seeds stay in `seeds/` with their hand-written manifest `sources.toml`. Added articles live
in a folder of their own, `articles/` beside `seeds/` (or `$XBDATA_ARTICLES`, which the tests set
to a temporary folder), laid out as::

    articles/
      sources.toml             the manifest: one table per article, in the style of seeds/sources.toml
      NNN_<16 hex>.txt         each article's text, byte for byte as given to `xbdata add`
      drafts/NNN_<16 hex>.json the proposals made when it was added (xbdata/curate/propose.py), with edits
      catalogue.csv            accepted statistics: the columns of xbdata/data/catalogue.csv
      exclusions.csv           accepted exclusions: the columns of xbdata/data/exclusions.csv

Both manifests are read by one reader (`read_manifest`), and every entry, seed or added, gets the
same checks (`check_entry`); an added entry also has its published date and content hash checked.

An added article's id is the next free three-digit number after every known article (seeds
included), `_`, and the first 16 hex digits of the SHA-256 of its bytes, so it matches
`xbdata.ids.ARTICLE_ID`. The manifest records the whole SHA-256 too; loading checks it, so an
article edited after it was added is an error, not a silent shift of every offset into it.

The two CSV files are the truth about what was reviewed: the catalogue loads them beside the
packaged ones (`xbdata.curate.catalogue.catalogue()`), validated by the same loader. Every write
goes through `xbdata.iorw.write_atomic` under the folder's lock (`xbdata.lock`), so a reader never
sees half a file and two reviewers never interleave. A `.txt` file without a manifest entry (left
by an add that was interrupted before its manifest was written) is ignored.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import tomli_w

from ..escape import check_url
from ..exceptions import SeedError, UsageError
from ..ids import is_article_id
from ..iorw import CHECKOUT, read_text, write_atomic
from ..lock import hold
from ..text.labels import text
from ..text.script import detect_script

SCRIPTS = ("zh-Hans", "zh-Hant")
MANIFEST = "sources.toml"
_SEED_REQUIRED = ("slug", "title", "outlet", "script", "period")


@dataclass(frozen=True)
class Article:
    """One source article as the manifest describes it."""

    id: str
    slug: str
    title: str
    title_en: str
    outlet: str
    url: str
    script: str
    period: str
    period_inferred: bool
    period_basis: str
    title_inferred: bool
    path: Path
    published: str = ""   # YYYY-MM-DD, given for added articles (xbdata/curate/articles.py); "" for the seeds
    accessed: str = ""    # YYYY-MM-DD the text was read from its URL, where a manifest gives one; citations print it

    @property
    def short_outlet(self) -> str:
        """The outlet without its parenthesised detail, as a chart's source line and citation name it."""
        return self.outlet.split(" (")[0]


# What `xbdata add` writes for an article given no outlet; readers see text("unknown_outlet").
UNKNOWN_OUTLET = "unknown"


def outlet_name(outlet: str, lang: str) -> str:
    """An outlet as a chart's source line, a citation and the index name it: without its
    parenthesised detail ("亿邦动力 (Ebrun)" is 亿邦动力), and an unknown one in the reader's words."""
    short = outlet.split(" (")[0]
    return text("unknown_outlet", lang) if short == UNKNOWN_OUTLET else short


def seeds_dir() -> Path:
    """The folder of seed articles: $XBDATA_SEEDS, else `seeds/` beside the package's checkout."""
    folder = Path(os.environ.get("XBDATA_SEEDS") or CHECKOUT / "seeds")
    if not folder.is_dir():
        raise SeedError(f"seeds folder not found: {folder} (set XBDATA_SEEDS to the folder of article .txt files)")
    return folder


def check_entry(article_id: str, entry: dict, where: str, path: Path, required: tuple[str, ...]) -> None:
    """The checks every manifest entry gets, seed or added: its id, its required fields, its file,
    its script and its URL (http(s) only); a SeedError naming `where` for the first that fails."""
    if not is_article_id(article_id):
        raise SeedError(f"{where}: an article id is three digits, _ and 16 hex digits")
    missing = [key for key in required if not str(entry.get(key, "")).strip()]
    if missing:
        raise SeedError(f"{where}: missing {', '.join(missing)}")
    if not path.exists():
        raise SeedError(f"{where}: its file {path} is missing")
    if entry["script"] not in SCRIPTS:
        raise SeedError(f"{where}: script {entry['script']!r} is not one of {', '.join(SCRIPTS)}")
    try:
        check_url(entry.get("url", ""), f"{where}: url")
    except UsageError as error:
        raise SeedError(str(error)) from None


def read_manifest(manifest: Path) -> dict[str, dict]:
    """A manifest's raw entries, one table per article id ({} for a missing or blank file added
    articles may not have yet); invalid TOML is a one-line SeedError."""
    try:
        return tomllib.loads(read_text(manifest))
    except tomllib.TOMLDecodeError as error:
        raise SeedError(f"{manifest}: not valid TOML ({error})") from None


def load_manifest(folder: Path | None = None) -> dict[str, Article]:
    """The manifest `sources.toml`, checked against the .txt files that are really there."""
    folder = folder or seeds_dir()
    manifest = folder / MANIFEST
    entries = read_manifest(manifest)
    files = {p.stem for p in folder.glob("*.txt")}
    for stem in sorted(files - entries.keys()):
        raise SeedError(f"{folder / (stem + '.txt')}: no entry for it in {manifest.name}")
    articles = {}
    for article_id, entry in entries.items():
        path = folder / f"{article_id}.txt"
        where = f"{manifest.name} entry [{article_id!r}]"
        check_entry(article_id, entry, where, path, _SEED_REQUIRED)
        try:
            accessed = _check_published(str(entry.get("accessed", "")), f"{where}: accessed")
        except UsageError as error:
            raise SeedError(str(error)) from None
        articles[article_id] = Article(
            id=article_id, slug=entry["slug"], title=entry["title"], title_en=entry.get("title_en", ""),
            outlet=entry["outlet"], url=entry.get("url", ""), script=entry["script"], period=entry["period"],
            period_inferred=bool(entry.get("period_inferred", False)), period_basis=entry.get("period_basis", ""),
            title_inferred=bool(entry.get("title_inferred", False)), path=path, accessed=accessed,
        )
    return articles


@lru_cache(maxsize=4)
def _load(folder: Path) -> tuple[dict[str, Article], dict[str, str]]:
    articles = load_manifest(folder)
    return articles, {article_id: read_text(a.path) for article_id, a in articles.items()}


def articles() -> dict[str, Article]:
    """Every seed article by id."""
    return _load(seeds_dir())[0]


def seed_texts() -> dict[str, str]:
    """Every seed article's full text by id."""
    return _load(seeds_dir())[1]


# --- added articles ---------------------------------------------------------------------------

ARTICLES_ENV = "XBDATA_ARTICLES"
CATALOGUE = "catalogue.csv"
EXCLUSIONS = "exclusions.csv"
DRAFTS = "drafts"
_LOCK = ".xbdata-articles.lock"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ADDED_REQUIRED = ("title", "outlet", "script", "sha256")


def articles_dir() -> Path:
    """The folder of added articles: $XBDATA_ARTICLES, else `articles/` beside `seeds/`. It need not exist yet."""
    env = os.environ.get(ARTICLES_ENV)
    if env:
        return Path(env)
    return CHECKOUT / "articles"


def state_files(folder: Path | None = None) -> list[Path]:
    """The files whose content decides the added articles and their reviewed rows (for caches and fingerprints)."""
    folder = folder or articles_dir()
    if not folder.is_dir():
        return []
    return sorted([folder / MANIFEST, folder / CATALOGUE, folder / EXCLUSIONS, *folder.glob("*.txt"),
                   *(folder / DRAFTS).glob("*.json")])


def state_token(folder: Path | None = None) -> tuple:
    """A cheap token that changes whenever an added article, draft or reviewed row changes (stat, not read)."""
    folder = folder or articles_dir()
    token = [str(folder)]
    for path in (folder / MANIFEST, folder / CATALOGUE, folder / EXCLUSIONS, *sorted(folder.glob("*.txt"))):
        try:
            st = path.stat()
            token.append((path.name, st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            token.append((path.name, None))
    return tuple(token)


# --- reading ---------------------------------------------------------------------------------

def _check_published(value: str, where: str) -> str:
    """`value` if empty or a real calendar date written YYYY-MM-DD; else a UsageError."""
    if not value:
        return ""
    if not _DATE.fullmatch(value):
        raise UsageError(f"{where}: {value[:40]!r} is not a date written YYYY-MM-DD")
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{where}: {value!r} is written YYYY-MM-DD but is no day of the calendar") from None
    return value


def load_added_manifest(folder: Path) -> dict[str, Article]:
    """The added articles the manifest lists, each checked: id, fields, URL, date, script and content hash."""
    manifest = folder / MANIFEST
    entries = read_manifest_entries(folder)
    out = {}
    for article_id, entry in entries.items():
        where = f"{manifest} entry [{article_id!r}]"
        path = folder / f"{article_id}.txt"
        check_entry(article_id, entry, where, path, _ADDED_REQUIRED)
        try:
            published = _check_published(entry.get("published", ""), f"{where}: published")
            accessed = _check_published(entry.get("accessed", ""), f"{where}: accessed")
        except UsageError as error:
            raise SeedError(str(error)) from None
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            raise SeedError(f"{path}: its content changed after it was added (sha256 {digest[:16]}…, "
                            f"manifest {entry['sha256'][:16]}…); offsets into it would be wrong")
        out[article_id] = Article(
            id=article_id, slug=entry.get("slug", article_id), title=entry["title"], title_en=entry.get("title_en", ""),
            outlet=entry["outlet"], url=entry.get("url", ""), script=entry["script"],
            period=published[:4] or "unknown", period_inferred=True,
            period_basis="the year it was published" if published else "no published date was given",
            title_inferred=False, path=path, published=published, accessed=accessed,
        )
    return out


@lru_cache(maxsize=4)
def _load_added(folder: Path, token: tuple) -> tuple[dict[str, Article], dict[str, str]]:
    added = load_added_manifest(folder)
    return added, {article_id: read_text(a.path) for article_id, a in added.items()}


def added_articles() -> dict[str, Article]:
    """The added articles by id (none if the folder does not exist)."""
    folder = articles_dir()
    return _load_added(folder, state_token(folder))[0]


def added_texts() -> dict[str, str]:
    """Each added article's full text by id."""
    folder = articles_dir()
    return _load_added(folder, state_token(folder))[1]


def all_articles() -> dict[str, Article]:
    """The seeds, then the added articles, by id."""
    return {**articles(), **added_articles()}


def articles_of(frame) -> list[Article]:
    """The articles behind a frame's rows, once each, in id order (a derived row's `source` joins its inputs' with ;)."""
    known = all_articles()
    ids = sorted({s for source in frame["source"] for s in str(source).split(";") if s})
    return [known[i] for i in ids if i in known]


def all_texts() -> dict[str, str]:
    """The full text of every article, seeds and added, by id."""
    return {**seed_texts(), **added_texts()}


# --- writing ---------------------------------------------------------------------------------

@contextmanager
def folder_lock(folder: Path | None = None, create: bool = False) -> Iterator[Path]:
    """Hold the added-articles folder's lock (waiting for another add or review to finish).

    Only `xbdata add` creates the folder; reviewing without it is a UsageError.
    """
    folder = folder or articles_dir()
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    elif not folder.is_dir():
        raise UsageError(f"no added articles in {folder} (add one with: xbdata add FILE --title TITLE)")
    with hold(folder / _LOCK):
        yield folder


def write_bytes(path: Path, data: bytes) -> None:
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


MANIFEST_HEAD = ("# Articles added with `xbdata add`; one table per article, keyed by its id (the file stem).\n"
                 "# sha256 is the hash of the article's bytes; published is the date given to `xbdata add`.\n\n")


def manifest_text(entries: dict[str, dict]) -> str:
    """The manifest as TOML (written by tomli-w), one table per article in id order, every value a string."""
    return MANIFEST_HEAD + tomli_w.dumps({article_id: {key: str(value) for key, value in entries[article_id].items()}
                                          for article_id in sorted(entries)})


def read_manifest_entries(folder: Path) -> dict[str, dict]:
    """The added articles' manifest's raw entries: none while the folder has no manifest, or a blank one."""
    manifest = folder / MANIFEST
    if not manifest.exists() or not manifest.read_bytes().strip():
        return {}
    return read_manifest(manifest)


def _one_line(value: str, name: str) -> str:
    value = (value or "").strip()
    if _CONTROL.search(value):
        raise UsageError(f"--{name} must be one line of text without control characters")
    return value


def next_id(data: bytes, known: list[str]) -> str:
    """The id of a new article: the next free number after every known id, and its content hash."""
    number = max((int(k[:3]) for k in known), default=-1) + 1
    if number > 999:
        raise UsageError("no free article number: ids run from 000 to 999")
    return f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}"


def check_new(file: str | Path, title: str, url: str = "", outlet: str = "", published_on: str = "",
              script: str = "auto") -> tuple[str, bytes, dict]:
    """Check an article before it is added: (text, bytes, manifest entry without its id). Raises on any fault.

    The file must be strict UTF-8 and not empty; the title and outlet one line; the URL http(s);
    the date a real YYYY-MM-DD; the script auto, zh-Hans or zh-Hant.
    """
    title = _one_line(title, "title")
    if not title:
        raise UsageError("--title is empty; give the article's headline")
    outlet = _one_line(outlet, "outlet") or UNKNOWN_OUTLET
    url = check_url(_one_line(url, "url"), "--url")
    published_on = _check_published(_one_line(published_on, "published"), "--published")
    if script not in ("auto", *SCRIPTS):
        raise UsageError(f"--script must be one of auto, {', '.join(SCRIPTS)} (got {script!r})")
    text = read_text(file)
    data = text.encode("utf-8")  # strict UTF-8 decodes and encodes back to the very same bytes
    entry = {"title": title, "outlet": outlet, "url": url,
             "script": detect_script(text) if script == "auto" else script,
             "published": published_on, "sha256": hashlib.sha256(data).hexdigest()}
    return text, data, entry


def known_hashes(folder: Path) -> dict[str, tuple[str, str]]:
    """sha256 -> (article id, "seed" or "added") for every article, seeds included."""
    out = {}
    for article_id, article in articles().items():
        out[hashlib.sha256(article.path.read_bytes()).hexdigest()] = (article_id, "seed")
    for article_id, entry in read_manifest_entries(folder).items():
        out[str(entry.get("sha256", ""))] = (article_id, "added")
    return out


def new_article(article_id: str, entry: dict, folder: Path) -> Article:
    """The Article an entry will describe once written (for proposing its drafts first)."""
    return Article(id=article_id, slug=article_id, title=entry["title"], title_en="", outlet=entry["outlet"],
                   url=entry["url"], script=entry["script"], period=entry["published"][:4] or "unknown",
                   period_inferred=True, period_basis="", title_inferred=False,
                   path=folder / f"{article_id}.txt", published=entry["published"])


def write_new(article_id: str, data: bytes, entry: dict, drafts_json: str, folder: Path) -> None:
    """Write an added article: its text, its drafts, then (last) the manifest entry that makes it known."""
    entries = read_manifest_entries(folder)
    entries[article_id] = {**entry, "added": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
    write_bytes(folder / f"{article_id}.txt", data)
    write_bytes(folder / DRAFTS / f"{article_id}.json", drafts_json.encode("utf-8"))
    write_bytes(folder / MANIFEST, manifest_text(entries).encode("utf-8"))
