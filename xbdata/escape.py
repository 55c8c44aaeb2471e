"""Article text is untrusted: every string from an article or a manifest goes through one of these.

Quotes, sentences, labels, titles, outlets, URLs and ids land in six kinds of place: HTML text,
an HTML attribute, Markdown (which nbconvert renders, passing raw HTML through), JSON inside a
`<script>` element, a terminal, and a spreadsheet's cell (every CSV and workbook we write, and the
page's CSV buttons). Each has its helper here, and nothing from an article is interpolated
anywhere else. Links are made only for http(s) URLs.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

from .exceptions import UsageError

URL_SCHEMES = ("http", "https")
# Control characters, which a terminal would obey as escape sequences (tab and newline are kept).
_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Every character Markdown (CommonMark and mistune) gives a meaning to at some position.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:])")


# What a spreadsheet reads as the start of a formula (or of a DDE command): Excel, LibreOffice and
# Google Sheets run a cell that begins with one of these. The page's CSV buttons use this same set.
SPREADSHEET_TRIGGERS = "=+-@\t\r"


def spreadsheet_cell(value):
    """`value` for a cell of a CSV or a workbook: text that a spreadsheet would run as a formula gets
    a leading apostrophe (`=A1` becomes `'=A1`) and is otherwise kept as it is; anything that is not
    text, a negative number included, is returned unchanged."""
    if isinstance(value, str) and value.startswith(tuple(SPREADSHEET_TRIGGERS)):
        return "'" + value
    return value


def html_text(value) -> str:
    """`value` as text inside an HTML element: no tag, entity or comment can come out of it."""
    return html.escape(str(value), quote=False)


_SEPARATORS = re.compile(r"([/._\-?&=#]+)")


def html_breakable(value) -> str:
    """`value` as HTML text that may wrap after a separator (/ . _ - ? & = #) and nowhere else: an
    id or a URL in a narrow column wraps at its parts, never letter by letter."""
    return "".join(html_text(part) + ("<wbr>" if _SEPARATORS.fullmatch(part) else "")
                   for part in _SEPARATORS.split(str(value)))


def terminal_text(value) -> str:
    """Text for a terminal: control characters (escape sequences) shown as U+FFFD."""
    return _TERMINAL_CONTROL.sub("\ufffd", str(value))


def html_attr(value) -> str:
    """`value` inside a double- or single-quoted HTML attribute."""
    return html.escape(str(value), quote=True)


def markdown_text(value) -> str:
    """`value` as literal text in Markdown: HTML is escaped, and so is every Markdown marker.

    Line breaks become spaces, so a value cannot start a heading, list or code block.
    """
    flat = " ".join(str(value).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def script_json(value) -> str:
    """`value` as JSON that is safe inside a `<script>` element: `<`, `>`, `&` and the line separators are escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def check_url(url: str, where: str = "url") -> str:
    """`url` if it is empty or an http(s) URL with a host; otherwise a UsageError naming what is allowed."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc or url != url.strip() or any(c in url for c in "\"'<> \t\n"):
        raise UsageError(f"{where}: {url[:80]!r} is not an http(s) URL (only http:// and https:// links are allowed)")
    return url


def safe_url(url: str) -> str:
    """`url` if it is an http(s) URL that `check_url` accepts, else "": what may become a link."""
    try:
        return check_url(url)
    except UsageError:
        return ""


def link(url: str, label: str | None = None, breakable: bool = False) -> str:
    """An HTML link to an http(s) `url` (opened in a new tab), or the label as plain text if the URL is not one;
    `breakable`: the label wraps only after its separators (`html_breakable`), as a URL in a table should."""
    label = url if label is None else label
    shown = html_breakable(label) if breakable else html_text(label)
    safe = safe_url(url)
    if not safe:
        return shown
    return f'<a href="{html_attr(safe)}" target="_blank" rel="noopener noreferrer">{shown}</a>'
