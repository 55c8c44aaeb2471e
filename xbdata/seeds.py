"""The source articles: where they are, what the manifest says of them, and their text.

Seeds are read as strict UTF-8 and kept byte for byte as published, because every statistic's
offsets point into this text.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .escape import check_url
from .exceptions import SeedError, UsageError
from .ids import is_article_id

SCRIPTS = ("zh-Hans", "zh-Hant")
_REQUIRED = ("slug", "title", "outlet", "script", "period")


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
    published: str = ""   # YYYY-MM-DD, given for added articles (xbdata/corpus.py); "" for the seeds

    @property
    def short_outlet(self) -> str:
        """The outlet without its parenthesised detail, as a chart's source line and citation name it."""
        return self.outlet.split(" (")[0]


def data_path(name: str) -> Path:
    """A file shipped in the package's data folder (catalogue.csv, exclusions.csv)."""
    return Path(__file__).resolve().parent / "data" / name


def seeds_dir() -> Path:
    """The folder of seed articles: $XBDATA_SEEDS, else `seeds/` beside the package's checkout."""
    folder = Path(os.environ.get("XBDATA_SEEDS") or Path(__file__).resolve().parent.parent / "seeds")
    if not folder.is_dir():
        raise SeedError(f"seeds folder not found: {folder} (set XBDATA_SEEDS to the folder of article .txt files)")
    return folder


def read_text(path: Path | str) -> str:
    """Read a text file as strict UTF-8; a missing, empty or undecodable file is a SeedError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise SeedError(f"{path}: is a folder, not a text file") from None
    except OSError as error:
        raise SeedError(f"{path}: cannot read ({error.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SeedError(f"{path}: not UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r})") from None
    if not text.strip():
        raise SeedError(f"{path}: file is empty")
    return text


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


def load_manifest(folder: Path | None = None) -> dict[str, Article]:
    """The manifest `sources.toml`, checked against the .txt files that are really there."""
    folder = folder or seeds_dir()
    manifest = folder / "sources.toml"
    try:
        entries = tomllib.loads(read_text(manifest))
    except tomllib.TOMLDecodeError as error:
        raise SeedError(f"{manifest}: not valid TOML ({error})") from None
    files = {p.stem for p in folder.glob("*.txt")}
    for stem in sorted(files - entries.keys()):
        raise SeedError(f"{folder / (stem + '.txt')}: no entry for it in {manifest.name}")
    articles = {}
    for article_id, entry in entries.items():
        path = folder / f"{article_id}.txt"
        check_entry(article_id, entry, f"{manifest.name} entry [{article_id!r}]", path, _REQUIRED)
        articles[article_id] = Article(
            id=article_id, slug=entry["slug"], title=entry["title"], title_en=entry.get("title_en", ""),
            outlet=entry["outlet"], url=entry.get("url", ""), script=entry["script"], period=entry["period"],
            period_inferred=bool(entry.get("period_inferred", False)), period_basis=entry.get("period_basis", ""),
            title_inferred=bool(entry.get("title_inferred", False)), path=path,
        )
    return articles


@lru_cache(maxsize=4)
def _load(folder: Path) -> tuple[dict[str, Article], dict[str, str]]:
    articles = load_manifest(folder)
    return articles, {article_id: read_text(a.path) for article_id, a in articles.items()}


def articles() -> dict[str, Article]:
    """Every source article by id."""
    return _load(seeds_dir())[0]


def seed_texts() -> dict[str, str]:
    """Every source article's full text by id."""
    return _load(seeds_dir())[1]
