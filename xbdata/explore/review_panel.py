"""The review notebook's panel (notebooks/review.ipynb): pick an added article and a pending draft,
read its sentence with the quote marked and the number in bold, then accept, reject or edit.

Every button calls the same function as `xbdata review` (xbdata/curate/review.py), so the panel
and the command line leave the same files behind. Everything from an article is escaped.
"""

from __future__ import annotations

import ipywidgets as w
from IPython.display import display

from ..curate.articles import added_articles, added_texts
from ..curate.review import (State, accept, accept_all, edit, editable_fields, load_drafts, refreshed_state,
                             reject)
from ..escape import html_text, link
from ..exceptions import XbdataError
from ..text.extract import Sentences


def sentence_html(text: str, draft: dict) -> str:
    """The draft's sentence, escaped, with its quote marked and its number in bold."""
    m = draft["mention"]
    left, right = Sentences(text).around(m["start"], m["end"])
    quote = draft["row"]["quote"]
    q_start = text.find(quote) if quote and text.count(quote) == 1 else -1
    if not (left <= q_start <= m["start"] and q_start + len(quote) >= m["end"]):
        q_start, quote = m["start"], m["text"]
    q_end = q_start + len(quote)
    left, right = min(left, q_start), max(right, q_end)
    return (html_text(text[left:q_start]) + "<mark>" + html_text(text[q_start:m["start"]]) + "<b>"
            + html_text(text[m["start"]:m["end"]]) + "</b>" + html_text(text[m["end"]:q_end]) + "</mark>"
            + html_text(text[q_end:right]))


def draft_html(article_id: str, draft: dict, status: tuple[str, str] = ("pending", "")) -> str:
    """What the review panel shows of one draft: article, sentence, proposal, notes (all escaped)."""
    info = added_articles()[article_id]
    text = added_texts()[article_id]
    url = f" {link(info.url)}" if info.url else ""
    parts = [f"<p><b>{html_text(info.title)}</b> ({html_text(info.outlet)}, {html_text(info.published or 'undated')})"
             f"{url} · <code>{html_text(article_id)}</code></p>",
             f"<blockquote class='xbdata-review-sentence'>{sentence_html(text, draft)}</blockquote>",
             f"<p><code>{html_text(draft['id'])}</code> · {html_text(status[0])} · proposed as "
             f"<b>{html_text(draft['action'])}</b> (extractor: {html_text(draft['mention']['kind'])})</p>"]
    if draft["action"] == "statistic":
        rows = "".join(f"<tr><th>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in draft["row"].items()
                       if k != "source")
        parts.append(f"<table class='xbdata-review-row'>{rows}</table>")
        if draft.get("unsure"):
            parts.append("<p class='xbdata-review-check'><b>Check before accepting</b> (accept-all leaves it): "
                         + "; ".join(html_text(u) for u in draft["unsure"]) + "</p>")
    else:
        parts.append(f"<p>reason: {html_text(draft['reason'])}</p>")
    if draft.get("notes"):
        parts.append("<details><summary>why these guesses</summary><ul>"
                     + "".join(f"<li>{html_text(n)}</li>" for n in draft["notes"]) + "</ul></details>")
    return "".join(parts)


class ReviewPanel:
    """The review notebook's ipywidgets panel: pick an article and a pending draft, then accept, reject or edit.

    Every button calls the same function as `xbdata review`, so the panel and the command line
    leave the same files behind. The widgets are attributes, so the panel can be driven from Python.
    """

    def __init__(self):
        self.article = w.Dropdown(description="article", layout=w.Layout(width="100%"))
        self.drafts = w.Select(options=[], rows=10, description="pending", layout=w.Layout(width="100%"))
        self.detail = w.HTML()
        self.accept = w.Button(description="Accept", button_style="success", icon="check")
        self.reason = w.Text(placeholder="why it is not a statistic", description="reason")
        self.reject = w.Button(description="Reject", button_style="warning", icon="times")
        self.field = w.Dropdown(options=list(editable_fields()), value="topic", description="field")
        self.value = w.Text(description="value")
        self.edit = w.Button(description="Edit", icon="pencil")
        self.accept_all = w.Button(description="Accept all (this article)", button_style="info")
        self.message = w.HTML()
        self.widget = w.VBox([self.article, self.drafts, self.detail, w.HBox([self.accept, self.accept_all]),
                              w.HBox([self.reason, self.reject]), w.HBox([self.field, self.value, self.edit]),
                              self.message])
        self.widget.add_class("xbdata-review")
        self.article.observe(lambda _: self._list(), "value")
        self.drafts.observe(lambda _: self._show(), "value")
        self.field.observe(lambda _: self._prefill(), "value")
        self.accept.on_click(lambda _: self._act(lambda d: accept([d])))
        self.reject.on_click(lambda _: self._act(lambda d: reject([d], self.reason.value)))
        self.edit.on_click(lambda _: self._act(lambda d: edit(d, [f"{self.field.value}={self.value.value}"]), keep=True))
        self.accept_all.on_click(lambda _: self._act_all())
        self.refresh()

    def _ipython_display_(self):
        display(self.widget)

    def refresh(self) -> None:
        state = refreshed_state()
        options = []
        for a, info in state.articles.items():
            pending = state.pending_count(a)
            options.append((f"{a[:3]} · {info.title[:40]} · {pending} pending", a))
        current = self.article.value
        self.article.options = options
        if options:
            self.article.value = current if current in {v for _, v in options} else options[0][1]
        self._list()

    def _list(self, keep: str | None = None) -> None:
        if not self.article.value:
            self.drafts.options = []
            self.detail.value = "<i>No added articles yet: run <code>xbdata add FILE --title TITLE</code>.</i>"
            return
        state = State()
        a = self.article.value
        pending = [d for d in state.drafts.get(a, []) if state.status[a][d["id"]][0] == "pending"]
        self.drafts.options = [(f"{d['id']} · {d['action']} · {d['mention']['text']}", d["id"]) for d in pending]
        ids = [d["id"] for d in pending]
        if ids:
            self.drafts.value = keep if keep in ids else ids[0]
            self._show()
        else:
            self.detail.value = "<i>Every draft of this article is reviewed: run <code>xbdata check</code>.</i>"

    def _draft(self) -> dict | None:
        a, d = self.article.value, self.drafts.value
        return next((x for x in load_drafts(a) if x["id"] == d), None) if a and d else None

    def _show(self) -> None:
        draft = self._draft()
        if draft is not None:
            self.detail.value = draft_html(self.article.value, draft)
            self._prefill()

    def _prefill(self) -> None:
        draft = self._draft()
        if draft is None:
            return
        field = self.field.value
        self.value.value = draft["action"] if field == "action" else draft["reason"] if field == "reason" \
            else str(draft["row"].get(field, ""))

    def _act(self, action, keep: bool = False) -> None:
        if not self.drafts.value:
            self.message.value = "<i>No draft selected.</i>"
            return
        current = self.drafts.value
        try:
            lines = action(current)
        except XbdataError as error:
            self.message.value = f"<span class='xbdata-error'>{html_text(error)}</span>"
            return
        self.message.value = "<br>".join(html_text(line) for line in lines)
        self.refresh() if not keep else self._list(keep=current)

    def _act_all(self) -> None:
        if not self.article.value:
            return
        try:
            done, kept = accept_all(self.article.value)
        except XbdataError as error:
            self.message.value = f"<span class='xbdata-error'>{html_text(error)}</span>"
            return
        self.message.value = "<br>".join(html_text(line) for line in [*done, *kept]) or "<i>Nothing pending.</i>"
        self.refresh()


def review_panel() -> ReviewPanel:
    """The review panel for JupyterLab (notebooks/review.ipynb)."""
    return ReviewPanel()
