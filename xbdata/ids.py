"""The one pattern for each kind of id, checked wherever ids are loaded.

Ids travel into file names, HTML, Markdown code spans and chart specs; a strict pattern at load
keeps each of those places simple and safe.
"""

from __future__ import annotations

import re

ARTICLE_ID = re.compile(r"\d{3}_[0-9a-f]{16}")   # three digits, then 16 hex digits of the content hash
STAT_ID = re.compile(r"[a-z0-9_]{1,80}")


def is_article_id(value: str) -> bool:
    return bool(ARTICLE_ID.fullmatch(value))


def is_stat_id(value: str) -> bool:
    return bool(STAT_ID.fullmatch(value))
