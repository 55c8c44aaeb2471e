"""Charts that draw with no network, live in JupyterLab and in a shared HTML file alike.

`enable()` outputs the Vega library and its tooltip handler once, as a script that vl-convert
bundles (no CDN). Every chart after it is a small HTML snippet holding its spec, compiled from
Vega-Lite to Vega when it is made (`figure.vega_spec`), which the page's figure script hands to
Vega. So a report carries the library once, however many charts it has, an exported file opens
offline, and the reader's browser neither loads Vega-Lite nor compiles a chart. Each chart's
controls are Vega-Lite parameters bound to inputs, so they keep working in the exported HTML with
no kernel; tooltips carry each number's quote and article.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
import os
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .deferred import defer_all

defer_all()   # before altair: jsonschema's IRI check need not build its grammar in every kernel
import altair as alt  # noqa: E402
import pandas as pd
import vl_convert as vlc

from ..curate.articles import articles_of, outlet_name
from ..iorw import write_atomic
from ..text.labels import GROUPED_THOUSANDS, MAGNITUDE_WORDS, catalogue_name, kind_name, text, unit_name
from .figure import FIGURE_CSS, FIGURES_JS, figure_html, meta, scenario, theme_js

RENDERER = "xbdata"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "xbdata"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The SHA-256 of the script `vega_bundle` returns, for each vl-convert release it was checked with.
# It lives here, in the package, not beside the cache it guards: whoever can rewrite the cache can
# rewrite a stamp beside it too. tests/test_bundle.py fails when the installed vl-convert is not
# listed (after `make lock` moves it): add its hash then. Until it is listed, the bundle is made
# afresh each time (seconds) and never taken from the cache.
VEGA_BUNDLE_SHA256 = {
    "1.9.0.post1": "1b7a2f6a1a0baba9b3c236d347e347d1272e244d4a032a96acb12abc33d6a52a",
}


# What the page runs: Vega itself and vega-tooltip's handler (the tooltips vega-embed drew), which
# vl-convert resolves from the copies it vendors. Vega-Lite and vega-embed are left out: the specs
# arrive compiled. (vl-convert's own wrapper already binds the names vega, vegaLite and vegaEmbed;
# vega-tooltip 1.0.0 is the one vl-convert 1.9 vendors, for its vega-embed.)
BUNDLE_SNIPPET = f"""
import * as vegaLibrary from "https://cdn.jsdelivr.net/npm/vega@{vlc.get_vega_version()}/+esm";
import {{ Handler as TooltipHandler }} from "https://cdn.jsdelivr.net/npm/vega-tooltip@1.0.0/+esm";
window.vega = vegaLibrary;
window.vegaTooltipHandler = TooltipHandler;
"""


def vega_bundle() -> str:
    """Vega and its tooltip handler as one script, made by vl-convert and cached on disk, once per version.

    The cache is inlined into every report, so it is used only if it hashes to the SHA-256 this
    package holds for the installed vl-convert (VEGA_BUNDLE_SHA256); anything else in its place is
    replaced by the bundle made afresh.
    """
    version = metadata.version("vl-convert-python")
    expected = VEGA_BUNDLE_SHA256.get(version)
    path = _cache_dir() / f"vega-bundle-{version}.js"
    if expected:
        try:
            cached = path.read_text(encoding="utf-8")
            if _sha256(cached) == expected:
                return cached
        except (OSError, UnicodeDecodeError):
            pass
    bundle = "if (!window.vega) { (function () {\n" + vlc.javascript_bundle(BUNDLE_SNIPPET) + "\n})(); }"
    if _sha256(bundle) == expected:
        try:
            write_atomic(path, lambda p: p.write_text(bundle, encoding="utf-8"))
        except OSError:
            pass
    return bundle


# Inflates the gzipped bundle with the browser's own DecompressionStream and runs it, once per page;
# every figure waits on the promise before it draws. The base64 is decoded by Uint8Array.fromBase64
# where the browser has it (a tenth of the time of atob and a loop, which older browsers use). The
# mark `xbdata-vega-ready` says when Vega could first draw (bench/bench_report.py prints it).
_INFLATE_JS = """
window.xbdataVegaReady = window.xbdataVegaReady || (window.vega ? Promise.resolve() : (function () {
  var packed = document.querySelector('script[data-xbdata="vega-libraries-gz"]').textContent.trim(), bytes;
  if (Uint8Array.fromBase64) { bytes = Uint8Array.fromBase64(packed); } else {
    var text = atob(packed);
    bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
  }
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text().then(function (code) {
    var script = document.createElement('script');
    script.textContent = code;
    document.head.appendChild(script);
    if (window.performance && performance.mark) { performance.mark('xbdata-vega-ready'); }
  });
})());
"""


@lru_cache(maxsize=1)
def packed_bundle() -> str:
    """The Vega bundle gzipped and base64-encoded: about a third of its size inside a report."""
    return base64.b64encode(gzip.compress(vega_bundle().encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")


class _Libraries:
    """Displays as the page's Vega library (gzipped, inflated in the browser), the figure script and the theme."""

    def __init__(self, lang: str = "en"):
        self.lang = lang

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": (f'<script type="application/octet-stream" data-xbdata="vega-libraries-gz">{packed_bundle()}</script>'
                          f'<script type="text/javascript" data-xbdata="vega-libraries">{_INFLATE_JS}</script>'
                          f'<style data-xbdata="figures">{FIGURE_CSS}</style>'
                          f'<script type="text/javascript" data-xbdata="figures">{FIGURES_JS}</script>'
                          f'<script type="text/javascript" data-xbdata="theme">{theme_js(self.lang)}</script>'),
            "text/plain": "Vega library loaded (embedded, no network needed).",
        }


def _render(spec: dict, **_) -> dict:
    return {"text/html": figure_html(spec), "text/plain": "<xbdata chart>"}


alt.renderers.register(RENDERER, _render)


def enable(lang: str = "en") -> _Libraries:
    """Use xbdata's offline renderer; display the result once, before the first chart."""
    alt.renderers.enable(RENDERER)
    alt.data_transformers.disable_max_rows()
    return _Libraries(lang)


def sources_line(frame: pd.DataFrame, lang: str) -> str:
    """"Sources: ..." naming the outlets behind the rows of `frame`, short enough for the chart's subtitle.

    The drawing carries it so a saved PNG or SVG keeps its sources; the footer names each article in full.
    """
    names = dict.fromkeys(outlet_name(a.outlet, lang) for a in articles_of(frame))
    return text("sources", lang) + text("items_separator", lang).join(names)


def tooltip(lang: str) -> list:
    return [
        alt.Tooltip("label:N", title=text("statistic", lang)),
        alt.Tooltip("shown:N", title=text("value", lang)),
        alt.Tooltip("period_shown:N", title=text("period", lang)),
        alt.Tooltip("quote:N", title=text("quote", lang)),
        alt.Tooltip("source_title:N", title=text("article", lang)),
    ]


def titled(chart: alt.Chart, title: str, frame: pd.DataFrame, lang: str, name: str, chart_type: str,
           visible: dict | None = None, kinds: tuple[str, ...] = (), **figure) -> alt.Chart:
    """`chart` with its title, sources, an accessible description, and the figure block's metadata
    (`figure`: its control's state and a scenario's rows, see `figure.meta`)."""
    items = text("items_separator", lang).join(text("label_value", lang).format(label=r["label"], value=r["shown"])
                      for r in frame.head(6).to_dict("records"))
    items += text("items_separator", lang) + "…" if len(frame) > 6 else ""
    description = text("chart_description", lang).format(chart=text(chart_type, lang), title=title, n=len(frame),
                                                         items=items)
    return chart.properties(title=alt.Title(title, subtitle=[sources_line(frame, lang)], anchor="start"),
                            description=description,
                            usermeta={"xbdata": meta(frame, title, lang, name, visible, kinds, **figure)})


# Each kind of figure has its own colour and its own shape, so kind reads without colour too.
KIND_STYLE = {
    "observed": ("#1f77b4", "circle"), "survey": ("#2ca02c", "square"), "forecast": ("#ff7f0e", "triangle-up"),
    "plan": ("#9467bd", "triangle-down"), "derived": ("#8c564b", "diamond"), "scenario": ("#d62728", "cross"),
    "hypothetical": ("#7f7f7f", "wedge"),
}

# How an article bounds a figure, by its qualifier: an open bound is drawn as an arrow from the point
# toward its open side, a range as a rule from low to high. Each bound's symbol is an SVG path in
# Vega's unit square, so the legend draws the same arrow the chart does.
BOUND_OF_QUALIFIER = {">": "over", ">=": "over", "<": "under", "<=": "under"}
BOUND_SYMBOLS = {"over": "M-1,0H1M0.3,-0.7L1,0L0.3,0.7", "under": "M1,0H-1M-0.3,-0.7L-1,0L-0.3,0.7",
                 "range": "M-1,0H1"}
# On a chart whose values run up (a line over time): over points up, under down.
BOUND_SYMBOLS_UPRIGHT = {"over": "M0,1V-1M-0.7,-0.3L0,-1L0.7,-0.3", "under": "M0,-1V1M-0.7,0.3L0,1L0.7,0.3",
                         "range": "M0,-1V1"}
ARROW_OFFSET = 16      # pixels from a point's centre to its arrow's centre
LABEL_GAP = 10         # pixels from a mark to its label; past the arrow where there is one


def number_words_expr(lang: str, value: str = "datum.value") -> str:
    """A Vega expression that writes the number `value` (an expression) as the reader's language does:
    "1.5 trillion", "450 million", "12,000"; 1.5万亿, 4.5亿, 3万. The words are the formatter's
    (`labels.MAGNITUDE_WORDS`), so an axis and the figure's label never disagree; no G, T, M or k."""
    plain = f"format({value}, '{',' * GROUPED_THOUSANDS[lang]}~g')"
    for scale, word in reversed(MAGNITUDE_WORDS[lang]):
        plain = f"abs({value}) >= {scale:g} ? format({value} / {scale:g}, '~g') + {json.dumps(word)} : ({plain})"
    return plain


def _significant_expr(value: str, digits: int) -> str:
    """A Vega expression of `value` rounded to `digits` significant digits: a scenario is no more precise."""
    step = f"pow(10, floor(log(abs({value})) / LN10) - {digits - 1})"
    return f"round({value} / {step}) * {step}"


def axis_end(largest: float) -> float:
    """The round number at or just past `largest` where an axis from zero ends: 15.7 trillion ends at
    16 trillion, 96% at 100%, 63.8% at 65%. Steps of 0.1, 0.25 or 0.5 in the leading digits keep the
    largest mark at least 8/9 of the way along, and a share at or under 100% never passes 100."""
    if not largest or largest != largest or largest <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(largest))
    leading = largest / power
    step = 0.1 if leading < 2 else 0.25 if leading < 5 else 0.5
    return round(math.ceil(round(leading / step, 9)) * step, 6) * power


LABEL_LIMIT = 360       # pixels of a row's label before it wraps to another line


def _label_width(label: str) -> float:
    """About how many pixels a row label takes at Vega's 10px axis font: a CJK character twice a Latin one."""
    return sum(11 if "\u2e80" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" else 5 for c in label)


def wrapped_labels(labels, limit: int = LABEL_LIMIT) -> dict[str, list[str]]:
    """The labels too wide for `limit`, each as the lines it wraps to: between words, or between
    Chinese characters, never inside a Latin word, so no label is cut short with an ellipsis."""
    out = {}
    for label in dict.fromkeys(str(x) for x in labels):
        if _label_width(label) <= limit:
            continue
        lines, line = [], ""
        for token in re.findall(r"[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|[\u2e80-\u9fff\uff00-\uffef]|\s+", label):
            if line and _label_width(line + token.rstrip()) > limit:
                lines.append(line.rstrip())
                line = ""
            line += token
        out[label] = lines + [line.rstrip()]
    return out


def bound_of(frame: pd.DataFrame) -> pd.Series:
    """Each row's bound as drawn: "range" (low to high, no single value), "over" or "under" (an open
    bound, by its qualifier), or "" for a figure given as a point."""
    def one(row) -> str:
        if pd.isna(row.get("value")) and pd.notna(row.get("low")) and pd.notna(row.get("high")) and row["low"] < row["high"]:
            return "range"
        return BOUND_OF_QUALIFIER.get(row.get("qualifier", "="), "")
    return pd.Series([one(r) for r in frame.to_dict("records")], index=frame.index, dtype=str)


def _by_control(frame: pd.DataFrame, visible: dict | None, summarise):
    """`summarise(rows)` of the rows a chart's control leaves visible, as JSON: a constant when the
    chart has no control, else a Vega expression of the control's value (a dropdown's options, a
    slider's "rank <=" thresholds) that holds one answer per state."""
    if not visible:
        return summarise(frame)
    param, field = visible["param"], visible["field"]
    if visible.get("op") == "<=":
        steps = sorted(frame[field].dropna().unique())
        expr = json.dumps(summarise(frame.iloc[0:0]))
        for step in steps:
            expr = f"{param} >= {step:g} ? {json.dumps(summarise(frame[frame[field] <= step]))} : ({expr})"
        return alt.ExprRef(expr)
    expr = json.dumps(summarise(frame))       # "all", or a value no row has
    for option in sorted(frame[field].dropna().unique(), key=str, reverse=True):
        rows = frame[frame[field] == option]
        expr = f"{param} == {json.dumps(option)} ? {json.dumps(summarise(rows))} : ({expr})"
    return alt.ExprRef(expr)


def kind_scales(frame: pd.DataFrame, lang: str, extra: tuple[str, ...] = (),
                visible: dict | None = None) -> tuple[alt.Color, alt.Shape]:
    """Colour and shape encodings of `kind` (shown names in `lang`) with one fixed style per kind.

    The legend lists only the kinds drawn: those of the rows `visible` (a control's filter, as in
    the figure's metadata) leaves on the chart, and `extra` (a kind drawn from other data).
    """
    present = [k for k in KIND_STYLE if kind_name(k, lang) in set(frame["kind"]) or k in extra]
    domain = [kind_name(k, lang) for k in present]
    title = text("kind", lang)
    extras = [kind_name(k, lang) for k in extra]
    shown_kinds = _by_control(frame, visible, lambda rows: [d for d in domain if d in set(rows["kind"]) or d in extras])
    legend = alt.Legend(values=shown_kinds, orient="top")
    return (alt.Color("kind:N", title=title, legend=legend,
                      scale=alt.Scale(domain=domain, range=[KIND_STYLE[k][0] for k in present])),
            alt.Shape("kind:N", title=title, legend=legend,
                      scale=alt.Scale(domain=domain, range=[KIND_STYLE[k][1] for k in present])))


# The columns whose values are the catalogue's own English words (a dropdown names them for the reader).
CATALOGUE_COLUMNS = ("platform", "geography", "subject", "measure", "breakdown")


def option_names(frame: pd.DataFrame, field: str, options: list[str], lang: str) -> list[str]:
    """A dropdown's options as a reader of `lang` reads them: "all" 全部, a unit by what it counts
    (users 用户数), a platform or place by its name, or, where it has no Chinese name, by the
    Chinese label of its first figure; a value the report made (a series, a comparison) by the
    `{field}_name` column it gave, else as it is."""
    def name(option):
        if option == "all":
            return text("all", lang)
        if field == "unit":
            return unit_name(option, lang)
        rows = frame[frame[field] == option]
        if field in CATALOGUE_COLUMNS:
            return catalogue_name(option, lang, rows["label"].iloc[0])
        return rows[f"{field}_name"].iloc[0] if f"{field}_name" in rows and len(rows) else option
    return [name(option) for option in options]


def _filtered(chart: alt.Chart, select: tuple[str, list[str], str] | None, labels: list[str]) -> alt.Chart:
    """`chart` with a dropdown that filters on a field, its options shown as `labels`; an option "all"
    (first, if present) shows every row."""
    if not select:
        return chart
    field, options, label = select
    choice = alt.param(name=f"pick_{field}", value=options[0],
                       bind=alt.binding_select(options=options, labels=labels, name=label + " "))
    match = f"datum.{field} == {choice.name}"
    return chart.add_params(choice).transform_filter(f"{choice.name} == 'all' || {match}" if options[0] == "all" else match)


def _axis_end_of(rows: pd.DataFrame) -> float:
    """Where a value axis from zero ends for `rows`: just past their largest value, high or low."""
    return axis_end(max(rows[["value", "low", "high"]].max(numeric_only=True).max(), 0) if len(rows) else 0)


def _bound_arrows(base: alt.Chart, frame: pd.DataFrame, visible: dict | None, lang: str, color: alt.Color,
                  upright: bool = False, **position) -> alt.Chart | None:
    """The arrows of the open bounds in `frame` (its `bound` column), beside their points at `position`,
    toward the open side (right, or up when `upright`), with a legend of the bounds drawn in the
    rows the control shows (ranges too, which the caller draws as rules); None without open bounds."""
    words = {b: text(f"bound_{b}", lang) for b in BOUND_SYMBOLS}
    drawn = [b for b in BOUND_SYMBOLS if b in set(frame["bound"])]
    if not {"over", "under"} & set(drawn):
        return None
    symbols = BOUND_SYMBOLS_UPRIGHT if upright else BOUND_SYMBOLS
    legend = alt.Legend(orient="top", symbolStrokeWidth=2, symbolSize=120, symbolStrokeColor="#888",
                        values=_by_control(frame, visible, lambda rows: [words[b] for b in drawn if b in set(rows["bound"])]),
                        titleOpacity=_by_control(frame, visible, lambda rows: int(bool(set(drawn) & set(rows["bound"])))))
    away = f"datum.bound == 'under' ? {-ARROW_OFFSET} : {ARROW_OFFSET}"
    offset = {"yOffset": alt.ExprRef(f"-({away})")} if upright else {"xOffset": alt.ExprRef(away)}
    return base.mark_point(size=140, filled=False, strokeWidth=2, opacity=1, aria=False, **offset).encode(
        color=color, tooltip=tooltip(lang), **position,
        shape=alt.Shape("bound_words:N", title=text("bound", lang), legend=legend,
                        scale=alt.Scale(domain=[words[b] for b in drawn], range=[symbols[b] for b in drawn])),
    ).transform_calculate(bound_words=f"{json.dumps(words)}[datum.bound]"
    ).transform_filter("datum.bound == 'over' || datum.bound == 'under'")


def figure_chart(frame: pd.DataFrame, title: str, lang: str, axis_title: str, y: str = "label",
                 select: tuple[str, list[str], str] | None = None, name: str = "chart") -> alt.Chart:
    """Figures as the articles give them: a point for a point, a rule from low to high for a range,
    an arrow toward the open side for an open bound ("over", "at least", "under"), explained in a
    legend of its own.

    Each mark is labelled with its `shown` text, so "over" and "about" are read, not guessed;
    kind is colour and shape. `axis_title` names what is measured (shares never share an axis
    with growth rates or uplifts: callers pass frames of one measure kind). The axis runs from zero
    to a round number just past the largest figure the control shows (`axis_end`), in the reader's
    number words; the labels overflow it to the right, so the legends sit above the plot.
    """
    visible, names, state = None, [], None
    if select:
        field, options, label = select
        visible = {"param": f"pick_{field}", "field": field, "all": "all" if options[0] == "all" else None}
        names = option_names(frame, field, options, lang)
        state = {"param": visible["param"], "words": text("state_pick", lang).format(name=label, value="{value}")}
    frame = frame.assign(bound=bound_of(frame))
    color, shape = kind_scales(frame, lang, visible=visible)
    color_only = alt.Color(**{**color.to_dict(), "legend": None})   # the same colours, the legend drawn once

    end = _by_control(frame, visible, _axis_end_of)
    domain = alt.ExprRef(f"[0, {end.expr}]") if isinstance(end, alt.ExprRef) else [0, end]
    x = alt.X("at:Q", title=axis_title, scale=alt.Scale(domain=domain, nice=False, zero=True),
              axis=alt.Axis(labelExpr=number_words_expr(lang), tickCount=5))
    wrapped = wrapped_labels(frame[y])
    label_expr = f"{json.dumps(wrapped)}[datum.value] || datum.value" if wrapped else "datum.value"
    yy = alt.Y(f"{y}:N", sort=alt.EncodingSortField("at", op="max", order="descending"), title=None,
               axis=alt.Axis(labelLimit=LABEL_LIMIT, labelExpr=label_expr))
    base = alt.Chart(frame).transform_calculate(
        at="isValid(datum.value) ? datum.value : (isValid(datum.high) ? datum.high : datum.low)")
    ranges = base.mark_rule(strokeWidth=4, opacity=0.7).encode(
        x=alt.X("low:Q"), x2="high:Q", y=yy, color=color_only, tooltip=tooltip(lang),
    ).transform_filter("datum.bound == 'range'")
    points = base.mark_point(size=140, filled=True, opacity=1).encode(
        x=x, y=yy, color=color, shape=shape, tooltip=tooltip(lang),
    ).transform_filter("isValid(datum.value)")
    arrows = _bound_arrows(base, frame, visible, lang, color_only, x="at:Q", y=yy)
    labels = base.mark_text(align="left", fontSize=11,
                            dx=alt.ExprRef(f"datum.bound == 'over' ? {2 * ARROW_OFFSET + LABEL_GAP} : {LABEL_GAP}")).encode(
        x="at:Q", y=yy, text="shown:N", tooltip=tooltip(lang),
    )
    layers = ([ranges] if "range" in set(frame["bound"]) else []) + [points] + ([arrows] if arrows else []) + [labels]
    layered = alt.layer(*layers).resolve_scale(color="independent", shape="independent")
    size = {"width": 460, **({"height": alt.Step(26)} if wrapped else {})}     # room for a label's second line
    return titled(_filtered(layered, select, names).properties(**size), title, frame, lang, name, "dot_chart", visible,
                  state=state)


def ranking_chart(ranked: pd.DataFrame, top_n: int, lang: str, title: str, name: str = "ranking",
                  bound: bool = True) -> alt.Chart:
    """Ranked categories, rank 1 on top with the longest bar (length = N + 1 - rank), each labelled with its rank.

    The bars are in the kind's colour and end in the kind's shape; the axis ends at the longest bar
    and the labels past it have the room outside the plot, under the legend above it.

    A bound slider shows only the first N ranks; with `bound` False the chart has none (a live cell's
    kernel slider drives it instead, so two controls never disagree).
    """
    bind = alt.binding_range(min=1, max=max(1, len(ranked)), step=1, name=text("rank", lang) + " ≤ ")
    top = alt.param(name="top_n", value=top_n, **({"bind": bind} if bound else {}))
    visible = {"param": top.name, "field": "rank", "op": "<="}
    color, shape = kind_scales(ranked, lang, visible=visible)
    y = alt.Y("category:N", sort=alt.EncodingSortField("rank", op="min"), title=None)
    base = alt.Chart(ranked).add_params(top).transform_filter(f"datum.rank <= {top.name}").transform_calculate(
        prominence=f"{top.name} + 1 - datum.rank")
    bars = base.mark_bar().encode(
        x=alt.X("prominence:Q", title=text("rank_axis", lang), axis=alt.Axis(labels=False, ticks=False, grid=False),
                scale=alt.Scale(domain=alt.ExprRef(f"[0, {top.name}]"), nice=False)),
        y=y, color=color, tooltip=tooltip(lang))
    ends = base.mark_point(filled=True, size=90, opacity=1).encode(
        x="prominence:Q", y=y, color=color, shape=shape, tooltip=tooltip(lang))
    labels = base.mark_text(align="left", dx=LABEL_GAP, fontWeight="bold").encode(x="prominence:Q", y=y, text="shown:N")
    return titled(alt.layer(bars, ends, labels).properties(width=460), title, ranked, lang, name, "bar_chart", visible,
                  state={"param": top.name, "words": text("state_top", lang)})


def projection_chart(points: pd.DataFrame, base: dict, growth_rate: float, horizon_years: int,
                     lang: str, unit_label: str, title: str, name: str = "projection",
                     growth_limits: tuple[float, float] = (0.0, 0.3), bound: bool = True) -> alt.Chart:
    """A scenario line from `base` that a bound slider (within `growth_limits`) re-grows, over the reported points;
    with `bound` False, no slider of its own (a live cell's kernel slider drives it)."""
    # The slider shows what it sets, a percent (10, not 0.1): it moves `growth_percent`, and `growth`,
    # the rate the line grows at, follows it.
    step = 0.5   # percent
    bind = alt.binding_range(min=growth_limits[0] * 100, max=growth_limits[1] * 100, step=step,
                             name=text("growth_slider_percent", lang) + " ")
    percent = alt.param(name="growth_percent", value=round(growth_rate * 100, 6), bind=bind)
    growth = (alt.param(name="growth", expr=f"{percent.name} / 100") if bound
              else alt.param(name="growth", value=growth_rate))
    years = pd.DataFrame({"year": [base["year"] + t for t in range(horizon_years + 1)],
                          "t": list(range(horizon_years + 1)), "base": base["value"]})
    color, shape = kind_scales(points, lang, extra=("scenario",))
    line = alt.Chart(years).mark_line(point=alt.OverlayMarkDef(shape=KIND_STYLE["scenario"][1], size=60),
                                      strokeDash=[6, 3]).transform_calculate(
        projected=f"datum.base * pow(1 + {growth.name}, datum.t)",
        growth_pct=f"format({growth.name}, '.1%')",
    ).transform_calculate(
        projected_words=number_words_expr(lang, _significant_expr("datum.projected", 3)),
    ).encode(
        x=alt.X("year:O", title=text("year", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("projected:Q", title=unit_label, axis=alt.Axis(labelExpr=number_words_expr(lang), tickCount=5)),
        color=alt.ColorDatum(kind_name("scenario", lang)),
        tooltip=[alt.Tooltip("year:O", title=text("year", lang)),
                 alt.Tooltip("projected_words:N", title=text("scenario", lang)),
                 alt.Tooltip("growth_pct:N", title=text("growth_slider", lang))],
    ).add_params(*([percent, growth] if bound else [growth]))
    reported = alt.Chart(points).mark_point(size=140, filled=True).encode(
        x="year:O", y="value:Q", color=color, shape=shape, tooltip=tooltip(lang),
    )
    rates = sorted({round((growth_limits[0] * 100 + i * step) / 100, 6)
                    for i in range(round((growth_limits[1] - growth_limits[0]) * 100 / step) + 1)} | {growth_rate})
    projected = scenario({**base, "unit": points["unit"].iloc[0]}, rates, horizon_years, growth.name, lang)
    return titled((line + reported).properties(width=520), title, points, lang, name, "line_chart",
                  kinds=("scenario",), state={"param": growth.name, "words": text("state_growth", lang), "format": ".1~%"},
                  projected=projected)


def series_chart(frame: pd.DataFrame, title: str, lang: str, axis_title: str,
                 select: tuple[str, list[str], str] | None = None, name: str = "series") -> alt.Chart:
    """Series over time (frames from `series.over_time`): one line per series through its full
    years only, where each year has one figure; part-year figures (a half, a quarter, Q1–Q3) are
    hollow marks of their own, never joined, each labelled with its period. A dropdown picks the
    series, so a line never joins different measures, places or currencies."""
    visible, names, state = None, [], None
    if select:
        field, options, label = select
        visible = {"param": f"pick_{field}", "field": field, "all": None}
        names = option_names(frame, field, options, lang)
        state = {"param": visible["param"], "words": text("state_pick", lang).format(name=label, value="{value}")}
    frame = frame.assign(at=frame["value"].where(frame["value"].notna(), frame["high"].where(frame["high"].notna(), frame["low"])),
                         bound=bound_of(frame))
    color, shape = kind_scales(frame, lang, visible=visible)
    color_only = alt.Color(**{**color.to_dict(), "legend": None})
    shape_only = alt.Shape(**{**shape.to_dict(), "legend": None})
    end = _by_control(frame, visible, _axis_end_of)
    x = alt.X("date:T", title=text("year", lang), axis=alt.Axis(format="%Y", labelAngle=0, tickCount="year"))
    y = alt.Y("at:Q", title=axis_title, axis=alt.Axis(labelExpr=number_words_expr(lang), tickCount=5),
              scale=alt.Scale(domain=alt.ExprRef(f"[0, {end.expr}]") if isinstance(end, alt.ExprRef) else [0, end],
                              nice=False, zero=True))
    base = alt.Chart(frame)
    line = base.mark_line(strokeWidth=2, color="#1f77b4").encode(x=x, y=y, detail="series:N").transform_filter("datum.joined")
    whole = base.mark_point(size=120, filled=True, opacity=1).encode(x=x, y=y, color=color, shape=shape,
                                                                    tooltip=tooltip(lang)).transform_filter("datum.whole_year")
    part = base.mark_point(size=120, filled=False, strokeWidth=2, opacity=1).encode(
        x=x, y=y, color=color_only, shape=shape_only, tooltip=tooltip(lang)).transform_filter("!datum.whole_year")
    ranges = base.mark_rule(strokeWidth=4, opacity=0.7).encode(
        x=x, y=alt.Y("low:Q"), y2="high:Q", color=color_only, tooltip=tooltip(lang)).transform_filter("datum.bound == 'range'")
    arrows = _bound_arrows(base, frame, visible, lang, color_only, upright=True, x=x, y="at:Q")
    labels = base.mark_text(align="left", dx=9, dy=-9, fontSize=11).encode(x=x, y=y, text="point_label:N")
    layers = ([ranges] if "range" in set(frame["bound"]) else []) + [line, whole, part] + ([arrows] if arrows else []) + [labels]
    layered = alt.layer(*layers).resolve_scale(color="independent", shape="independent")
    return titled(_filtered(layered, select, names).properties(width=520), title, frame, lang, name, "line_chart", visible,
                  state=state)
