"""The statistics explorer: a widget over `xbdata.search`, for JupyterLab.

Type words in either script, narrow by topic, article, place and kind, pick a statistic, and see
its sentence in its paragraph (number in bold), its article, the other statistics from the same
sentence, and what other articles say about the same platform. The code line under the search
box gives the same rows as a DataFrame.

The filters are a query: each dropdown lists, with counts, the values the search and the other
filters leave, and a combination that leaves nothing says which filters did it and offers to
clear them. Every word shown is in the explorer's language (xbdata/explore/words.py), and every
widget fits the notebook's width.
"""

from __future__ import annotations

import threading

import ipywidgets as w
from IPython.display import display

from ..curate.articles import all_articles
from ..curate.tables import statistics
from ..escape import html_text, link
from ..exceptions import XbdataError
from ..text.labels import check_lang, kind_name, period_words
from .lookup import FILTERS, context, facets, related, same_sentence, search
from .words import place_name, say, statistics_count, topic_name

# Widgets never reach past the notebook: each stretches to the width it is given (never 100% plus
# its margins) and no further.
FULL = {"width": "auto", "max_width": "100%", "min_width": "0", "align_self": "stretch"}
SCROLL = "<div style='max-width:100%;overflow-x:auto'>{}</div>"


def value_name(key: str, value: str, lang: str) -> str:
    """A filter's value as the reader sees it: a topic, article, place or kind in `lang`."""
    if key == "topic":
        return topic_name(value, lang)
    if key == "kind":
        return kind_name(value, lang)
    if key == "geography":
        return place_name(value, lang)
    article = all_articles().get(value)
    title = article.title if article else ""
    return f"{value[:3]} · {title[:16]}{'…' if len(title) > 16 else ''}"


def _call(query: str, filters: dict, lang: str) -> str:
    args = [repr(query)] + ([f"lang={lang!r}"] if lang != "en" else []) + [f"{k}={v!r}" for k, v in filters.items() if v != "all"]
    return f"xbdata.search({', '.join(args)})"


def _detail(stat_id: str, lang: str) -> str:
    row = statistics(lang).set_index("stat_id").loc[stat_id]
    parts = [f"<h3>{html_text(say('label_value', lang, label=row['label'], value=row['shown']))}</h3>",
             f"<p><code>{html_text(stat_id)}</code> · {html_text(kind_name(row['kind'], lang))} · "
             f"{html_text(period_words(row['period'], lang))} · {html_text(place_name(row['geography'], lang))}</p>"]
    if row["kind"] == "derived":
        parts.append(f"<p>{html_text(say('computed', lang))}<code>{html_text(row['formula'])}</code></p>")
    else:
        ctx = context(stat_id)
        url = f" {link(ctx.url)}" if ctx.url else ""
        parts.append(f"<p><b>{html_text(ctx.title)}</b> ({html_text(row['source'])}){url}</p>")
        parts.append(f"<blockquote class='xbdata-context'>{ctx.paragraph_html}</blockquote>")
        peers = same_sentence(stat_id)
        if len(peers):
            parts.append(f"<p>{html_text(say('same_sentence', lang))}" + ", ".join(f"<code>{html_text(p)}</code>" for p in peers["stat_id"]) + "</p>")
    others = related(stat_id, lang)
    others = others[others["source"] != row["source"]]
    if len(others):
        columns = ["label", "shown", "period", "kind", "source", "stat_id"]
        table = others.assign(period=others["period"].map(lambda p: period_words(p, lang)),
                              kind=others["kind"].map(lambda k: kind_name(k, lang)),
                              source=others["source"].str[:3])[columns]
        table.columns = [say(f"column_{c}", lang) for c in columns]
        parts.append(f"<p>{html_text(say('across_articles', lang))}</p>"
                     + SCROLL.format(table.to_html(index=False, classes="xbdata-related", border=0)))
    return "".join(parts)


class Explorer:
    """The explorer's widgets, as attributes so it can be driven from Python: `query`, `filters` (one
    dropdown per filter), `count`, `code`, `notice` (what left nothing), `clear` (a button per
    filter, and "all"), `results` and `detail`."""

    def __init__(self, lang: str = "en"):
        self.lang = check_lang(lang)
        label = {"style": {"description_width": "5em"}}
        self.query = w.Text(placeholder=say("search_placeholder", lang), description=say("search", lang),
                            continuous_update=True, layout=w.Layout(**FULL), **label)
        self.filters = {key: w.Dropdown(options=[(say("all", lang), "all")], value="all",
                                        description=say(f"filter_{key}", lang), **label,
                                        layout=w.Layout(width="calc(50% - 8px)", min_width="16em"))
                        for key in FILTERS}
        self.count = w.HTML()
        self.code = w.HTML(layout=w.Layout(**FULL))
        self.notice = w.HTML()
        self.clear = {key: w.Button(description=say("clear", lang, filter=say(f"filter_{key}", lang)) if key != "all"
                                    else say("clear_all", lang), icon="times", layout=w.Layout(width="auto"))
                      for key in (*FILTERS, "all")}
        self.results = w.Select(options=[], rows=12, layout=w.Layout(**FULL))
        self.detail = w.HTML(layout=w.Layout(**FULL))
        # What the reader chose, apart from what a refresh sets itself (a dropdown whose options change
        # passes through its first option). A change that comes in while a refresh runs (the kernel can
        # take widget messages then) makes it run again, with that change, rather than be lost.
        self._wanted = {key: "all" for key in FILTERS}
        self._setting = False
        self._lock = threading.Lock()
        self._busy = self._again = False
        self.query.observe(self._changed, "value")
        for d in self.filters.values():
            d.observe(self._changed, "value")
        for key, button in self.clear.items():
            button.on_click(lambda _, key=key: self.clear_filters(FILTERS if key == "all" else (key,)))
        self.results.observe(self._picked, "value")
        self.widget = w.VBox([self.query, w.Box(list(self.filters.values()), layout=w.Layout(flex_flow="row wrap", **FULL)),
                              self.count, self.code, self.notice, w.Box(list(self.clear.values()), layout=w.Layout(flex_flow="row wrap")),
                              self.results, self.detail], layout=w.Layout(**FULL))
        self.widget.add_class("xbdata-explorer")
        self.refresh()

    def _ipython_display_(self):
        display(self.widget)

    def chosen(self) -> dict[str, str]:
        """The filters as the reader chose them."""
        return dict(self._wanted)

    def _changed(self, change) -> None:
        if self._setting:
            return
        for key, d in self.filters.items():
            if d is change["owner"]:
                self._wanted[key] = change["new"]
        self.refresh()

    def clear_filters(self, keys) -> None:
        """Set the filters `keys` back to all, and show what is left."""
        for key in keys:
            self._wanted[key] = "all"
        self.refresh()

    def _options(self, key: str, counts: dict[str, int], current: str) -> list[tuple[str, str]]:
        # articles in their order; topics, places and kinds the most frequent first
        values = sorted((v for v in counts if v != "all"), key=lambda v: (key != "source" and -counts[v], v))
        if current != "all" and current not in values:
            values.append(current)          # kept while chosen, with its count of 0
        return [(say("option", self.lang, name=say("all", self.lang), n=counts.get("all", 0)), "all"),
                *((say("option", self.lang, name=value_name(key, v, self.lang), n=counts.get(v, 0)), v) for v in values)]

    def refresh(self, *_) -> None:
        """Search again with the words and filters as they are: dropdowns, count, list, notice and detail;
        again if the reader changed something meanwhile."""
        with self._lock:
            self._again = True
            if self._busy:
                return
            self._busy = True
        while True:
            with self._lock:
                if not self._again:
                    self._busy = False
                    return
                self._again = False
            try:
                self._refresh_once()
            except BaseException:
                with self._lock:
                    self._busy = False
                raise

    def _refresh_once(self) -> None:
        chosen = self.chosen()
        try:
            frame = search(self.query.value, self.lang, **chosen)
            counts = facets(self.query.value, self.lang, **chosen)
        except XbdataError as error:
            self.notice.value = f"<span class='xbdata-error'>{html_text(error)}</span>"
            return
        for key, d in self.filters.items():
            options = tuple(self._options(key, counts[key], chosen[key]))
            if options != d.options or d.value != self._wanted[key]:   # unchanged options are not sent again
                self._setting = True
                try:
                    d.options = options
                    d.value = chosen[key]
                finally:
                    self._setting = False
        self.count.value = statistics_count(len(frame), self.lang, bold=True)
        self.code.value = say("same_rows_in_code", self.lang, call=f"<code>{html_text(_call(self.query.value, chosen, self.lang))}</code>")
        self._setting = True
        try:
            self.results.options = [(self._line(r), r["stat_id"]) for r in frame.to_dict("records")]
            if len(frame):
                self.results.value = frame["stat_id"].iloc[0]
        finally:
            self._setting = False
        self._notice(frame, chosen)
        if len(frame):
            self._show()
        else:
            self.detail.value = ""

    def _line(self, row: dict) -> str:
        """A result as the list shows it; a row only its article's title matched says so."""
        parts = [row["label"], row["shown"], row["source"][:3], period_words(row["period"], self.lang)]
        return " · ".join(parts + ([f"({say('title_only', self.lang)})"] if row["match"] == "title" else []))

    def _notice(self, frame, chosen: dict[str, str]) -> None:
        """When nothing is left: the words, or which filters left nothing, with a button to clear each
        (the buttons first, the words last: what a reader, or a test, waits for)."""
        blamed, notice = [], ""
        if frame.empty:
            everywhere = search(self.query.value, self.lang)
            active = [k for k, v in chosen.items() if v != "all"]
            if everywhere.empty:
                notice = say("words_match_nothing", self.lang, query=repr(self.query.value))
            else:
                blamed = [k for k in active
                          if not search(self.query.value, self.lang, **{o: chosen[o] for o in active if o != k}).empty] or active
                names = [say("filter_is", self.lang, filter=say(f"filter_{k}", self.lang), value=value_name(k, chosen[k], self.lang))
                         for k in blamed]
                notice = say("filters_left_nothing", self.lang, count=statistics_count(len(everywhere), self.lang),
                             filters=say("and", self.lang).join(names))
        for key, button in self.clear.items():
            shown = key in blamed or (key == "all" and len(blamed) > 1)
            button.layout.display = "" if shown else "none"
        self.notice.value = f"<i>{html_text(notice)}</i>" if notice else ""

    def _picked(self, *_) -> None:
        if not self._setting:
            self._show()

    def _show(self) -> None:
        """The picked statistic in detail."""
        if self.results.value:
            self.detail.value = _detail(self.results.value, self.lang)


def explorer(lang: str = "en") -> Explorer:
    """An ipywidgets explorer of the catalogue in `lang` (needs a kernel; everything it shows is in xbdata.search)."""
    return Explorer(lang)
