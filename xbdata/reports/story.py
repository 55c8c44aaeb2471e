"""The shared base of every report: parameters, headline lines, figures, sources and gaps.

A notebook does `report = xbdata.open_report("market_size", lang=lang, ...)` and then displays
`report.summary()`, `report.chart(...)`, `report.sources()` and `report.gaps()`. Every number shown
comes from the catalogue; derived and scenario figures say so. Each report is a subclass in a
module of its own, with its words in one table per language (`WORDS`).
"""

from __future__ import annotations

import hashlib
import json
import math

import pandas as pd
from IPython.display import HTML, Markdown

from ..curate.articles import articles_of
from ..curate.facts import conflicts as conflicting_facts
from ..curate.tables import statistic_facts, statistics
from ..escape import html_breakable, html_text, link, markdown_text
from ..text.formatting import format_row, to_currency
from ..text.labels import kind_name, period_words, text
from .parameters import check_parameters, get_report


def shown(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` with each figure in words (`shown`), its period in words (`period_shown`) and its kind's name, in `lang`."""
    frame = frame.copy()
    frame["shown"] = [format_row(row, lang) for row in frame.to_dict("records")]
    frame["period_shown"] = frame["period"].map(lambda p: period_words(p, lang))
    frame["kind"] = frame["kind"].map(lambda k: kind_name(k, lang))
    return distinct_labels(frame, lang)


def distinct_labels(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` with no two figures under one label: a chart draws a row per label, and two facts
    whose drafted labels agree (出口, for two periods) would share it. The period is added to such
    labels, then, where they still agree, the id."""
    if "label" not in frame or not frame["label"].duplicated(keep=False).any():
        return frame
    frame = frame.copy()
    clash = frame["label"].duplicated(keep=False)
    frame.loc[clash, "label"] = [label + text("aside", lang).format(aside=period_words(p, lang))
                                 for label, p in zip(frame.loc[clash, "label"], frame.loc[clash, "period"])]
    clash = frame["label"].duplicated(keep=False)
    frame.loc[clash, "label"] = [label + text("aside", lang).format(aside=i)
                                 for label, i in zip(frame.loc[clash, "label"], frame.loc[clash, "stat_id"])]
    return frame


CONVERTED_DIGITS = 3


def round_to_digits(x, direction: str):
    """`x` to CONVERTED_DIGITS significant digits, down, up or to the nearest ("floor", "ceil", "round")."""
    if x is None or x != x or x == 0:
        return x
    step = 10 ** (math.floor(math.log10(abs(x))) - CONVERTED_DIGITS + 1)
    return {"floor": math.floor, "ceil": math.ceil, "round": round}[direction](x / step) * step


def in_currency(frame: pd.DataFrame, currency: str, usd_cny_rate: float | None) -> pd.DataFrame:
    """Money rows converted at the caller's rate, bounds included, and shown as approximate.

    A converted figure is the article's figure times a rate the article does not give, so it
    keeps three significant digits, rounded so that an open bound stays true (超7万亿元 at 7.1 is
    "over USD 985 billion", rounded down), and is marked approximate (about, or approx).
    It no longer shows the article's words.
    """
    frame = frame.copy()
    converted = frame["unit"].eq("CNY") & (currency == "USD")
    for column in ("value", "low", "high"):
        frame[column] = [to_currency(v, u, currency, usd_cny_rate)[0] for v, u in zip(frame[column], frame["unit"])]
    if converted.any():
        for i in frame.index[converted]:
            q = frame.at[i, "qualifier"]
            value_way = "floor" if q in (">", ">=") else "ceil" if q == "<" else "round"
            frame.at[i, "value"] = round_to_digits(frame.at[i, "value"], value_way)
            frame.at[i, "low"] = round_to_digits(frame.at[i, "low"], "floor" if q != "=" else "round")
            frame.at[i, "high"] = round_to_digits(frame.at[i, "high"], "ceil" if q != "=" else "round")
            frame.at[i, "approx"] = q in (">", ">=", "<")
            frame.at[i, "qualifier"] = "~" if q == "=" else q
    frame.loc[converted, "number"] = ""
    frame.loc[converted, "unit"] = currency
    return frame


def years_between(periods) -> str:
    """'2018 to 2022' (or '2022') for the calendar years that `periods` (2022, 2022-H1, 2017-2021 ...) start in."""
    years = sorted({str(p)[:4] for p in periods if str(p)[:4].isdigit()})
    if not years:
        return "?"
    return years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


class Story:
    """One report with its checked parameters.

    A subclass names its report, lists its words per language in `WORDS` (section texts as
    Markdown, chart titles, gap lines, which may hold `{fields}` that `facts()` fills from the
    data) and says which statistics it shows and how to chart them.
    """

    name = ""
    WORDS: dict[str, dict[str, object]] = {}
    # The catalogue topics the report reads, shown or not (gap lines and parameter limits count).
    READS: tuple[str, ...] = ()

    def __init__(self, **params):
        self.params = check_parameters(self.name, **params)
        self.lang = self.params["lang"]
        self.report = get_report(self.name)

    def say(self, key: str, **fields) -> str:
        """The report's words for `key` in its language, with `fields` filled in."""
        words = self.WORDS[self.lang][key]
        return words.format(**fields) if fields else words

    def section(self, key: str) -> Markdown:
        """A section heading and its lead, in the report's language."""
        return Markdown(self.say(key))

    def intro(self) -> Markdown:
        """The report's title and lead (as listed in the registry and on the index page), then what to look for."""
        lang = self.lang
        return Markdown(f"# {self.report.title[lang]}\n\n"
                        + text("sentence_separator", lang).join([self.report.lead[lang], text("every_figure_cited", lang)]))

    def libraries(self):
        """Display once, first: the chart libraries, embedded (no network)."""
        from . import charts

        return charts.enable(self.lang)

    def opening(self) -> list:
        """What a report shows first: the chart libraries, its title and lead, parameters and headline figures."""
        return [self.libraries(), self.intro(), self.parameters(), self.summary()]

    def parameters(self) -> Markdown:
        """The parameters this run used, shown under the notebook's title."""
        values = self.listing(f"`{k}={v!r}`" for k, v in self.params.items())
        return Markdown(text("label_value", self.lang).format(label=text("parameters", self.lang), value=values))

    def data_fingerprint(self) -> str:
        """A hash of what the report shows from the articles: every catalogue row of the topics it
        reads and every row it shows (whatever the topic), with everything their articles' manifest
        entries say (title, outlet, URL, period: the source lines and citations print them).

        The build compares it with the last build's when only the catalogue or the articles
        changed: a new article about categories leaves the market report as it was.
        """
        frame = statistics(self.lang)
        rows = frame[frame["topic"].isin(self.READS) | frame["stat_id"].isin(self.stat_ids())].sort_values("stat_id")
        articles = {a.id: {k: str(v) for k, v in vars(a).items() if k != "path"} for a in articles_of(rows)}
        digest = hashlib.sha256(rows.to_json(orient="records", force_ascii=False).encode())
        digest.update(json.dumps(articles, sort_keys=True, ensure_ascii=False).encode())
        return digest.hexdigest()[:16]

    def stat_ids(self) -> list[str]:
        """The ids of the statistics this report shows."""
        raise NotImplementedError

    def headlines(self) -> list[str]:
        raise NotImplementedError

    def summary(self) -> Markdown:
        return Markdown(f"## {text('headlines', self.lang)}\n\n" + "\n".join(f"- {line}" for line in self.headlines()))

    def line(self, stat_id: str, frame: pd.DataFrame | None = None) -> str:
        """One statistic as a headline: label, figure in words, kind where it is not observed, id."""
        frame = statistics(self.lang) if frame is None else frame
        row = frame[frame["stat_id"] == stat_id].iloc[0]
        mark = (text("aside", self.lang).format(aside=kind_name(row["kind"], self.lang))
                if row["kind"] in ("derived", "forecast", "plan", "hypothetical") else "")
        line = text("label_value", self.lang).format(label=markdown_text(row["label"]),
                                                      value=f"**{markdown_text(format_row(row, self.lang))}**")
        return f"{line}{mark} [`{stat_id}`]"

    def figure(self, frame: pd.DataFrame, draw):
        """`draw(frame)` as a chart when there are marks to compare; a sentence for one figure, a note for none."""
        if len(frame) == 0:
            return Markdown(f"*{text('no_figures', self.lang)}.*")
        if len(frame) == 1:
            return Markdown("- " + self.line(frame["stat_id"].iloc[0]))
        return draw(frame)

    def statistics(self) -> pd.DataFrame:
        """Every fact this report shows, once however many articles state it (`mentions`, `mention_ids`)."""
        frame = statistic_facts(self.lang)
        return frame[frame["stat_id"].isin(self.stat_ids())]

    def sources(self) -> HTML:
        """Every fact the report used, once, with the verbatim quote and article of each of its mentions."""
        rows = shown(self.statistics(), self.lang)
        every = statistics(self.lang).set_index("stat_id")
        rivals = {}
        for group in conflicting_facts(statistics(self.lang)):
            for stat_id in group["stat_id"]:
                rivals[stat_id] = [other for other in group["stat_id"] if other != stat_id]
        head = [text(key, self.lang) for key in ("statistic", "value", "kind", "verbatim_quote", "article")]
        body = []
        for r in rows.itertuples():
            mentions = every.loc[str(r.mention_ids).split(";")] if r.mentions > 1 else None
            if mentions is None:
                quote = (html_text(r.quote) if r.quote else html_text(text("computed_from", self.lang))
                         + text("list_separator", self.lang).join(f"<code>{html_breakable(i)}</code>" for i in str(r.inputs).split(";")))
                article = html_text(r.source_title) + (f" ({link(r.source_url, breakable=True)})" if r.source_url else "") + \
                    f"<br><code>{html_breakable(r.source)}</code>"
            else:
                quote = "<br>".join(html_text(q) for q in mentions["quote"])
                n = len(str(r.sources).split(";"))
                count = text("n_sources" if n == r.mentions else "n_sources_mentions", self.lang).format(n=n, m=r.mentions)
                article = html_text(count) + "".join(
                    f"<br>{html_text(m.source_title)}" + (f" ({link(m.source_url, breakable=True)})" if m.source_url else "")
                    + f" <code>{html_breakable(m.source)}</code>" for m in mentions.itertuples())
            shown_figure = html_text(r.shown) + (
                "<br><em>" + html_text(text("disagrees_with", self.lang).format(ids=", ".join(rivals[r.stat_id]))) + "</em>"
                if r.stat_id in rivals else "")
            body.append(f"<tr><th scope='row'>{html_text(r.label)}<br><code>{html_breakable(r.stat_id)}</code></th><td>{shown_figure}</td>"
                        f"<td>{html_text(r.kind)}</td><td>{quote}</td><td>{article}</td></tr>")
        caption = text("sources_caption", self.lang).format(n=len(rows))
        table = (f"<table class='xbdata-sources'><caption>{html_text(caption)}</caption><thead><tr>"
                 + "".join(f"<th scope='col'>{html_text(h)}</th>" for h in head)
                 + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")
        return HTML(f"<h2>{html_text(text('sources_heading', self.lang))}</h2>{table}")

    def facts(self) -> dict[str, str]:
        """Values from the data that the report's words quote (years, figures); none by default."""
        return {}

    def listing(self, items) -> str:
        """Items joined as the report's language lists them (、 in Chinese)."""
        return text("list_separator", self.lang).join(items)

    def gap_lines(self) -> list[str]:
        """What the articles do not tell us: the report's gap lines with years or figures from the data."""
        facts = {key: markdown_text(value) for key, value in self.facts().items()}
        return [line.format(**facts) for line in self.say("gaps")]

    def gaps(self) -> Markdown:
        """What the articles do not tell us (article text in it escaped for Markdown)."""
        lines = self.gap_lines()
        return Markdown(f"## {text('gaps_heading', self.lang)}\n\n" + "\n".join(f"- {line}" for line in lines))

    def slider(self, param: str, **options):
        """An ipywidgets slider for `param`, with the limits its parameter allows, labelled with the
        report's words for it (`control_<param>` in WORDS), shown whole."""
        import ipywidgets as w

        p = self.report.param(param)
        low, high = p.limits()
        widget = w.FloatSlider if p.type is float else w.IntSlider
        options.setdefault("value", self.params[param])
        return widget(min=low, max=high, description=self.say(f"control_{param}"),
                      style={"description_width": "initial"}, **options)

    def live(self, controls: dict, show):
        """Widgets bound to parameters: each change reopens the report with the new values and redraws `show(report)`."""
        import ipywidgets as w
        from IPython.display import display

        out = w.Output()

        def redraw(*_):
            story = type(self)(**{**self.params, **{name: c.value for name, c in controls.items()}})
            with out:
                out.clear_output(wait=True)
                display(*show(story))

        for control in controls.values():
            control.observe(redraw, "value")
        redraw()
        return w.VBox([w.HBox(list(controls.values())), out])

