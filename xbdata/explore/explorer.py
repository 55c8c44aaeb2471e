"""The statistics explorer: a widget over `xbdata.search`, for JupyterLab.

Type words in either script, narrow by topic, article, geography and kind, pick a statistic,
and see its sentence in its paragraph (number in bold), its article, the other statistics from
the same sentence, and what other articles say about the same platform. The code line under the
search box gives the same rows as a DataFrame.
"""

from __future__ import annotations

import ipywidgets as w

from ..curate.tables import statistics
from ..escape import html_text, link
from ..text.formatting import format_row
from ..text.labels import check_lang, statistics_count, text
from .lookup import FILTERS, context, related, same_sentence, search


def _options(column: str, lang: str) -> list[tuple[str, str]]:
    """A filter's choices as (shown, value): "all" is shown in the explorer's language."""
    values = statistics()[column].str.split(";").explode()
    return [(text("all", lang), "all"), *((v, v) for v in sorted(set(values)))]


def _call(query: str, filters: dict, lang: str) -> str:
    args = [repr(query)] + ([f"lang={lang!r}"] if lang != "en" else []) + [f"{k}={v!r}" for k, v in filters.items() if v != "all"]
    return f"xbdata.search({', '.join(args)})"


def _detail(stat_id: str, lang: str) -> str:
    row = statistics(lang).set_index("stat_id").loc[stat_id]
    shown = format_row(row, lang)
    parts = [f"<h3>{html_text(text('label_value', lang).format(label=row['label'], value=shown))}</h3>",
             f"<p><code>{html_text(stat_id)}</code> · {html_text(row['kind'])} · {html_text(row['period'])} · "
             f"{html_text(row['geography'])}</p>"]
    if row["kind"] == "derived":
        parts.append(f"<p>{html_text(text('computed', lang))}<code>{html_text(row['formula'])}</code></p>")
    else:
        ctx = context(stat_id)
        url = f" {link(ctx.url)}" if ctx.url else ""
        parts.append(f"<p><b>{html_text(ctx.title)}</b> ({html_text(row['source'])}){url}</p>")
        parts.append(f"<blockquote class='xbdata-context'>{ctx.paragraph_html}</blockquote>")
        peers = same_sentence(stat_id)
        if len(peers):
            parts.append(f"<p>{html_text(text('same_sentence', lang))}" + ", ".join(f"<code>{html_text(p)}</code>" for p in peers["stat_id"]) + "</p>")
    peers = related(stat_id, lang)
    if len(peers) > 1:
        peers = peers.assign(value=[format_row(r, lang) for r in peers.to_dict("records")])
        parts.append(f"<p>{html_text(text('across_articles', lang))}</p>" + peers[["stat_id", "source", "period", "measure", "value", "kind"]]
                     .to_html(index=False, classes="xbdata-related", border=0))
    return "".join(parts)


def explorer(lang: str = "en"):
    """An ipywidgets explorer of the catalogue in `lang` (needs a kernel; everything it shows is in xbdata.search)."""
    check_lang(lang)
    query = w.Text(placeholder="TikTok, 用户, 粉絲 …", description=text("search", lang), continuous_update=True)
    filters = {key: w.Dropdown(options=_options(key, lang), value="all", description=text(f"filter_{key}", lang))
               for key in FILTERS}
    count = w.HTML()
    code = w.HTML()
    results = w.Select(options=[], rows=12, layout=w.Layout(width="100%"))
    detail = w.HTML()

    def refresh(*_):
        chosen = {k: d.value for k, d in filters.items()}
        frame = search(query.value, lang, **chosen)
        results.options = [(f"{r.label} · {r.shown} · {r.source[:3]} · {r.period}",
                            r.stat_id) for r in frame.itertuples()]
        count.value = statistics_count(len(frame), lang)
        code.value = text("same_rows_in_code", lang).format(call=f"<code>{html_text(_call(query.value, chosen, lang))}</code>")
        if results.options:
            results.value = results.options[0][1]
        else:
            detail.value = f"<i>{html_text(text('no_match', lang))}</i>"

    def show(*_):
        if results.value:
            detail.value = _detail(results.value, lang)

    query.observe(refresh, "value")
    for d in filters.values():
        d.observe(refresh, "value")
    results.observe(show, "value")
    refresh()
    box = w.VBox([query, w.HBox(list(filters.values())[:2]), w.HBox(list(filters.values())[2:]), count, code,
                  results, detail])
    box.add_class("xbdata-explorer")
    return box
