"""The review notebook's panel (notebooks/review.ipynb): pick an added article and a pending draft,
read its sentence with the quote marked and the number in bold, then accept, reject or edit.

Every button calls the same function as `xbdata review` (xbdata/curate/review.py), so the panel
and the command line leave the same files behind. Everything from an article is escaped.
"""

from __future__ import annotations

import re

import ipywidgets as w
from IPython.display import display

from ..curate.articles import added_articles, added_texts
from ..curate.review import (State, accept, accept_all, edit, editable_fields, load_drafts, refreshed_state,
                             reject)
from ..escape import html_text, link
from ..exceptions import XbdataError
from ..text.extract import Sentences
from ..text.labels import check_lang
from .explorer import FULL
from .words import mention_kind_name, say


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


def draft_html(article_id: str, draft: dict, status: tuple[str, str] = ("pending", ""), lang: str = "en") -> str:
    """What the review panel shows of one draft: article, sentence, proposal, notes (all escaped)."""
    info = added_articles()[article_id]
    text = added_texts()[article_id]
    url = f" {link(info.url)}" if info.url else ""
    parts = [f"<p><b>{html_text(info.title)}</b> ({html_text(info.outlet)}, {html_text(info.published or say('undated', lang))})"
             f"{url} · <code>{html_text(article_id)}</code></p>",
             f"<blockquote class='xbdata-review-sentence'>{sentence_html(text, draft)}</blockquote>",
             "<p>" + say("proposed_as", lang, id=f"<code>{html_text(draft['id'])}</code>",
                         status=html_text(say(f"status_{status[0]}", lang)),
                         action=html_text(say(f"action_{draft['action']}", lang)),
                         mention_kind=html_text(mention_kind_name(draft["mention"]["kind"], lang))) + "</p>"]
    if draft["action"] == "statistic":
        rows = "".join(f"<tr><th>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in draft["row"].items()
                       if k != "source")
        parts.append(f"<div style='max-width:100%;overflow-x:auto'><table class='xbdata-review-row'>{rows}</table></div>")
        if draft.get("unsure"):
            parts.append("<p class='xbdata-review-check'>"
                         + say("check_first", lang, checks="; ".join(html_text(u) for u in draft["unsure"])) + "</p>")
    else:
        parts.append(f"<p>{html_text(say('exclusion_reason', lang, reason=draft['reason']))}</p>")
    if draft.get("notes"):
        parts.append(f"<details><summary>{html_text(say('why_guesses', lang))}</summary><ul>"
                     + "".join(f"<li>{html_text(n)}</li>" for n in draft["notes"]) + "</ul></details>")
    return "".join(parts)


def _plain(error: XbdataError) -> str:
    """An error of the review actions without the command line's advice (--edit 005-3 …), which the
    panel gives in its own words."""
    return re.sub(r"\s*(?:;\s*--.*|\(--[^)]*\))$", "", str(error))


class ReviewPanel:
    """The review notebook's ipywidgets panel: pick an article and a pending draft, then accept, reject or edit.

    Every button calls the same function as `xbdata review`, so the panel and the command line
    leave the same files behind; what the panel says is its own, in `lang`. After each action the
    next pending draft is selected. The keys box takes one key at a time: a accept, r reject, e
    edit, j next, k previous (a box of its own, so JupyterLab's notebook shortcuts, which use the
    same letters, never fire by mistake). The widgets are attributes, so the panel can be driven
    from Python.
    """

    def __init__(self, lang: str = "en"):
        self.lang = check_lang(lang)
        label = {"style": {"description_width": "initial"}}
        whole = w.Layout(width="auto")
        self.article = w.Dropdown(description=self._say("article"), layout=w.Layout(**FULL), **label)
        self.drafts = w.Select(options=[], rows=10, description=self._say("pending"), layout=w.Layout(**FULL), **label)
        self.detail = w.HTML(layout=w.Layout(**FULL))
        self.accept = w.Button(description=self._say("accept"), button_style="success", icon="check", layout=whole)
        self.accept_all = w.Button(description=self._say("accept_all"), button_style="info", layout=w.Layout(width="auto"))
        self.reason = w.Text(placeholder=self._say("reason_placeholder"), description=self._say("reason"),
                             layout=w.Layout(flex="1 1 20em", min_width="0"), **label)
        self.reject = w.Button(description=self._say("reject"), button_style="warning", icon="times",
                               layout=w.Layout(width="auto"))
        self.field = w.Dropdown(options=list(editable_fields()), value="topic", description=self._say("field"),
                                layout=w.Layout(width="auto"), **label)
        self.value = w.Text(description=self._say("value"), layout=w.Layout(flex="1 1 16em", min_width="0"), **label)
        self.edit = w.Button(description=self._say("edit"), icon="pencil", layout=w.Layout(width="auto"))
        self.keys = w.Text(placeholder=self._say("keys_placeholder"), description=self._say("keys"),
                           continuous_update=True, layout=w.Layout(width="100%", max_width="32em"), **label)
        self.message = w.HTML(layout=w.Layout(**FULL))
        row = {"flex_flow": "row wrap", **FULL}
        self.widget = w.VBox([self.article, self.drafts, self.detail,
                              w.HBox([self.accept, self.accept_all], layout=w.Layout(**row)),
                              w.HBox([self.reason, self.reject], layout=w.Layout(**row)),
                              w.HBox([self.field, self.value, self.edit], layout=w.Layout(**row)),
                              self.keys, self.message], layout=w.Layout(**FULL))
        self.widget.add_class("xbdata-review")
        self.article.observe(lambda _: self._list(), "value")
        self.drafts.observe(lambda _: self._show(), "value")
        self.field.observe(lambda _: self._prefill(), "value")
        self.accept.on_click(lambda _: self.do_accept())
        self.reject.on_click(lambda _: self.do_reject())
        self.edit.on_click(lambda _: self.do_edit())
        self.accept_all.on_click(lambda _: self.do_accept_all())
        self.keys.observe(self._key, "value")
        self.refresh()

    def _ipython_display_(self):
        display(self.widget)

    def _say(self, key: str, **fields) -> str:
        return say(key, self.lang, **fields)

    def _tell(self, *lines: str) -> None:
        self.message.value = "<br>".join(html_text(line) for line in lines)

    # --- what is listed ---------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Read the drafts again; select `select` if it is pending, else the first pending draft."""
        state = refreshed_state()
        options = [(self._say("article_option", number=a[:3], title=info.title, pending=state.pending_count(a)), a)
                   for a, info in state.articles.items()]
        current = self.article.value
        self._quiet = True
        self.article.options = options
        if options:
            self.article.value = current if current in {v for _, v in options} else options[0][1]
        self._quiet = False
        self._list(select)

    def pending_ids(self) -> list[str]:
        a = self.article.value
        if not a:
            return []
        state = State()
        return [d["id"] for d in state.drafts.get(a, []) if state.status[a][d["id"]][0] == "pending"]

    def _list(self, select: str | None = None) -> None:
        if getattr(self, "_quiet", False):
            return
        if not self.article.value:
            self.drafts.options = []
            self.detail.value = f"<i>{self._say('no_articles')}</i>"
            return
        drafts = {d["id"]: d for d in load_drafts(self.article.value)}
        ids = self.pending_ids()
        self.drafts.options = [(self._say("pending_option", id=i, action=self._say(f"action_{drafts[i]['action']}"),
                                          number=drafts[i]["mention"]["text"]), i) for i in ids]
        if ids:
            self.drafts.value = select if select in ids else ids[0]
            self._show()
        else:
            self.detail.value = f"<i>{self._say('all_reviewed')}</i>"

    def _draft(self) -> dict | None:
        a, d = self.article.value, self.drafts.value
        return next((x for x in load_drafts(a) if x["id"] == d), None) if a and d else None

    def _show(self) -> None:
        draft = self._draft()
        if draft is not None:
            self.detail.value = draft_html(self.article.value, draft, lang=self.lang)
            self._prefill()

    def _prefill(self) -> None:
        draft = self._draft()
        if draft is None:
            return
        field = self.field.value
        self.value.value = draft["action"] if field == "action" else draft["reason"] if field == "reason" \
            else str(draft["row"].get(field, ""))

    def move(self, step: int) -> None:
        """Select the next (1) or previous (-1) pending draft; the first and the last stay where they are."""
        ids = [v for _, v in self.drafts.options]
        if self.drafts.value in ids:
            self.drafts.value = ids[max(0, min(len(ids) - 1, ids.index(self.drafts.value) + step))]

    # --- the actions ------------------------------------------------------------------------

    def _after(self, current: str, before: list[str]) -> str | None:
        """The draft to select once `current` is reviewed: the next pending one after it, else the first."""
        now = self.pending_ids()
        later = [d for d in before[before.index(current) + 1:] if d in now] if current in before else []
        return later[0] if later else (now[0] if now else None)

    def _outcome(self, draft_id: str, rejected: bool = False) -> str:
        status, detail = State().status[self.article.value][draft_id]
        if status == "accepted":
            return self._say("accepted", id=draft_id, stat_id=detail)
        return self._say("rejected" if rejected else "excluded", id=draft_id, reason=detail)

    def _refused(self, error: XbdataError) -> None:
        self._tell(self._say("refused", error=_plain(error)))

    def do_accept(self) -> None:
        self._act(lambda d: accept([d]))

    def do_reject(self) -> None:
        current = self.drafts.value
        if current and not self.reason.value.strip():
            self._tell(self._say("reason_needed", id=current))
            self.reason.focus()
            return
        self._act(lambda d: reject([d], self.reason.value), rejected=True)

    def _act(self, action, rejected: bool = False) -> None:
        current = self.drafts.value
        if not current:
            self._tell(self._say("no_draft"))
            return
        before = [v for _, v in self.drafts.options]
        try:
            action(current)
        except XbdataError as error:
            self._refused(error)
            return
        outcome = self._outcome(current, rejected)
        if rejected:
            self.reason.value = ""
        self.refresh(select=self._after(current, before))
        self._tell(outcome)            # last: the panel is in its new state when the message shows

    def do_edit(self) -> None:
        draft = self._draft()
        if draft is None:
            self._tell(self._say("no_draft"))
            return
        field, value = self.field.value, self.value.value
        try:
            edit(draft["id"], [f"{field}={value}"])
        except XbdataError as error:
            self._refused(error)
            return
        after = self._draft()
        old = {**draft["row"], "action": draft["action"], "reason": draft["reason"]}
        new = {**after["row"], "action": after["action"], "reason": after["reason"]}
        self._list(select=draft["id"])
        self._tell(self._say("edited", id=draft["id"], field=field, value=new[field]),
                   *(self._say("follows", field=k, value=v) for k, v in new.items() if k != field and old.get(k) != v))

    def do_accept_all(self) -> None:
        if not self.article.value:
            return
        a = self.article.value
        before = self.pending_ids()
        try:
            _, kept = accept_all(a)
        except XbdataError as error:
            self._refused(error)
            return
        drafts = {d["id"]: d for d in load_drafts(a)}
        left = self.pending_ids()
        why = {line.split(":", 1)[0].removeprefix("kept pending "): line.split(": ", 1)[1] for line in kept}
        lines = [self._outcome(d) for d in before if d not in left]
        for d in left:
            reason = "; ".join(drafts[d].get("unsure", [])) or _plain(XbdataError(why.get(d, "")))
            lines.append(self._say("kept", id=d, why=reason))
        done = len(before) - len(left)
        lines.append(self._say("reviewed_count", done=done, kept=len(left)) if left else
                     self._say("reviewed_all", done=done) if done else self._say("nothing_pending"))
        self.refresh()
        self._tell(*lines)

    def _key(self, change) -> None:
        """One key typed in the keys box: act on it and empty the box for the next."""
        typed = change["new"]
        if not typed:
            return
        self.keys.value = ""
        key = typed[-1].lower()
        actions = {"a": self.do_accept, "r": self.do_reject, "e": self.do_edit,
                   "j": lambda: self.move(1), "k": lambda: self.move(-1)}
        if key in actions:
            actions[key]()
        else:
            self._tell(self._say("unknown_key", typed=key))


def review_panel(lang: str = "en") -> ReviewPanel:
    """The review panel for JupyterLab (notebooks/review.ipynb), in `lang` (en or zh)."""
    return ReviewPanel(lang)
