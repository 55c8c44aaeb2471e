"""`xbdata add`: register an article and propose a draft for each of its numeric mentions.

The checks (xbdata/curate/articles.py) run before anything is written: an empty or non-UTF-8 file, a
text already known (the SHA-256 of its bytes against every seed and added article), a URL that
is not http(s), a date that is not a real YYYY-MM-DD, a title that is empty or not one line. The
drafts (xbdata/curate/propose.py) are then made, and the article, its drafts and finally its manifest entry
are written atomically under the folder's lock.
"""

from __future__ import annotations

from pathlib import Path

from ..exceptions import UsageError
from .articles import (Article, articles, articles_dir, check_new, folder_lock, known_hashes, new_article, next_id,
                       write_new)
from .propose import propose
from .review import State, drafts_json


def add_article(file: str | Path, title: str, url: str = "", outlet: str = "", published: str = "",
                script: str = "auto") -> tuple[Article, list[dict]]:
    """Add an article; returns it with its drafts. Raises an XbdataError (one line) and writes nothing on a fault."""
    text, data, entry = check_new(file, title, url, outlet, published, script)
    folder = articles_dir()
    with folder_lock(folder, create=True):
        hashes = known_hashes(folder)
        if entry["sha256"] in hashes:
            known, kind = hashes[entry["sha256"]]
            raise UsageError(f"{file}: this text is already {'a seed' if kind == 'seed' else 'added'} as {known}")
        state = State(folder)
        article_id = next_id(data, [*articles(), *state.articles])
        taken = state.taken_ids(with_drafts=True)
        drafts = propose(text, article_id, entry["published"], taken)
        write_new(article_id, data, entry, drafts_json(article_id, drafts), folder)
    return new_article(article_id, entry, folder), drafts
