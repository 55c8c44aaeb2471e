"""Charts that draw with no network, live in JupyterLab and in a shared HTML file alike.

`enable()` outputs the Vega, Vega-Lite and Vega-Embed libraries once, as a script that vl-convert
bundles (no CDN). Every chart after it is a small HTML snippet that hands its spec to the page's
`vegaEmbed`. So a report carries the libraries once, however many charts it has, and an exported
file opens offline. Each chart's controls are Vega-Lite parameters bound to inputs, so they keep
working in the exported HTML with no kernel; tooltips carry each number's quote and article.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert as vlc

from .iorw import write_atomic
from .labels import text
from .seeds import articles

RENDERER = "xbdata"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "xbdata"


def vega_bundle() -> str:
    """The Vega libraries as one script, made by vl-convert once per version and cached on disk."""
    path = _cache_dir() / f"vega-bundle-{vlc.get_vega_version()}-{vlc.get_vega_embed_version()}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle = "if (!window.vegaEmbed) { (function () {\n" + vlc.javascript_bundle() + "\n})(); }"
    try:
        write_atomic(path, lambda p: p.write_text(bundle, encoding="utf-8"))
    except OSError:
        pass
    return bundle


class _Libraries:
    """Displays as the script that defines `vegaEmbed` for the page."""

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": f'<script type="text/javascript" data-xbdata="vega-libraries">{vega_bundle()}</script>',
            "text/plain": "Vega libraries loaded (embedded, no network needed).",
        }


def chart_html(spec: dict) -> str:
    """An HTML snippet that draws one Vega-Lite spec with the page's vegaEmbed."""
    element = f"xbdata-chart-{uuid.uuid4().hex[:12]}"
    spec_json = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<div id="{element}" class="xbdata-chart"></div>\n<script type="text/javascript">\n'
        f"(function () {{\n  var el = document.getElementById({json.dumps(element)});\n"
        f"  if (!window.vegaEmbed) {{ el.textContent = 'Chart not drawn: run xbdata.charts.enable() first.'; return; }}\n"
        f"  window.vegaEmbed(el, {spec_json}, {{actions: false, renderer: 'svg'}})\n"
        f"    .catch(function (e) {{ el.textContent = 'Chart error: ' + e.message; console.error(e); }});\n"
        f"}})();\n</script>"
    )


def _render(spec: dict, **_) -> dict:
    return {"text/html": chart_html(spec), "text/plain": "<xbdata chart>"}


alt.renderers.register(RENDERER, _render)


def enable() -> _Libraries:
    """Use xbdata's offline renderer; display the result once, before the first chart."""
    alt.renderers.enable(RENDERER)
    alt.data_transformers.disable_max_rows()
    return _Libraries()


def sources_line(frame: pd.DataFrame, lang: str) -> str:
    """"Sources: ..." naming the articles behind the rows of `frame` (every chart carries one)."""
    known = articles()
    ids = sorted({s for source in frame["source"] for s in source.split(";")})
    names = [f"{known[i].outlet.split(' (')[0]}《{known[i].title[:24]}》" for i in ids if i in known]
    return text("sources", lang) + "; ".join(names)


def tooltip(lang: str) -> list:
    return [
        alt.Tooltip("label:N", title=text("statistic", lang)),
        alt.Tooltip("shown:N", title=text("value", lang)),
        alt.Tooltip("period:N", title=text("period", lang)),
        alt.Tooltip("quote:N", title=text("quote", lang)),
        alt.Tooltip("source_title:N", title=text("article", lang)),
    ]


def titled(chart: alt.Chart, title: str, frame: pd.DataFrame, lang: str) -> alt.Chart:
    return chart.properties(title=alt.Title(title, subtitle=[sources_line(frame, lang)], anchor="start"))


def bar_chart(frame: pd.DataFrame, title: str, lang: str, x: str = "value", y: str = "label",
              color: str = "kind", select: tuple[str, list[str], str] | None = None,
              x_title: str | None = None) -> alt.Chart:
    """Horizontal bars with sourced tooltips.

    `select=(field, options, label)` adds a dropdown that filters on `field`; an option "all"
    (first, if present) shows every row.
    """
    base = alt.Chart(frame).mark_bar().encode(
        x=alt.X(f"{x}:Q", title=x_title or text("value", lang), axis=alt.Axis(format="~s")),
        y=alt.Y(f"{y}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=360)),
        color=alt.Color(f"{color}:N", title=text(color, lang)),
        tooltip=tooltip(lang),
    )
    if select:
        field, options, label = select
        choice = alt.param(name=f"pick_{field}", value=options[0],
                           bind=alt.binding_select(options=options, name=label + " "))
        match = f"datum.{field} == {choice.name}"
        base = base.add_params(choice).transform_filter(
            f"{choice.name} == 'all' || {match}" if options[0] == "all" else match)
    return titled(base.properties(width=520), title, frame, lang)


def ranking_chart(ranked: pd.DataFrame, top_n: int, lang: str, title: str) -> alt.Chart:
    """Ranked categories (rank 1 on top); a bound slider shows only the first N ranks."""
    top = alt.param(name="top_n", value=top_n,
                    bind=alt.binding_range(min=1, max=max(1, len(ranked)), step=1, name=text("rank", lang) + " ≤ "))
    chart = alt.Chart(ranked).mark_bar().encode(
        x=alt.X("rank:Q", title=text("rank", lang), scale=alt.Scale(reverse=True)),
        y=alt.Y("category:N", sort=alt.EncodingSortField("rank"), title=None),
        color=alt.Color("market:N", title=text("market", lang)),
        tooltip=tooltip(lang),
    ).add_params(top).transform_filter(f"datum.rank <= {top.name}")
    return titled(chart.properties(width=520), title, ranked, lang)


def projection_chart(points: pd.DataFrame, base: dict, growth_rate: float, horizon_years: int,
                     lang: str, unit_label: str, title: str) -> alt.Chart:
    """A scenario line from `base` that a bound slider re-grows, over the reported points."""
    growth = alt.param(name="growth", value=growth_rate,
                       bind=alt.binding_range(min=0, max=0.3, step=0.005, name=text("growth_slider", lang) + " "))
    years = pd.DataFrame({"year": [base["year"] + t for t in range(horizon_years + 1)],
                          "t": list(range(horizon_years + 1)), "base": base["value"]})
    line = alt.Chart(years).mark_line(point=True, strokeDash=[6, 3]).transform_calculate(
        projected=f"datum.base * pow(1 + {growth.name}, datum.t)",
        growth_pct=f"format({growth.name}, '.1%')",
    ).encode(
        x=alt.X("year:O", title=text("year", lang)),
        y=alt.Y("projected:Q", title=unit_label, axis=alt.Axis(format="~s")),
        tooltip=[alt.Tooltip("year:O", title=text("year", lang)),
                 alt.Tooltip("projected:Q", title=text("scenario", lang), format=",.3~s"),
                 alt.Tooltip("growth_pct:N", title=text("growth_slider", lang))],
    ).add_params(growth)
    reported = alt.Chart(points).mark_point(size=120, filled=True, shape="diamond").encode(
        x="year:O", y="value:Q", color=alt.Color("kind:N", title=text("kind", lang)), tooltip=tooltip(lang),
    )
    return titled((line + reported).properties(width=520), title, points, lang)
