"""Axes that tell the truth, bounds drawn as bounds, legends of what is drawn (issue 16, points 2-4).

Every chart of every report, in both languages and in every state of its control, is drawn by
vl-convert (Vega's own renderer); what Vega says of its axes (their accessible descriptions:
"X-axis ... with values from 0 to 16,000,000,000,000"), the entries its legends draw and the
marks it drew are held to the rows the control shows.
"""

import functools
import html
import json
import re

import pandas as pd
import pytest
import vl_convert as vlc

from xbdata.reports import charts
from xbdata.reports.registry import open_report
from xbdata.text.formatting import format_figure
from xbdata.text.labels import kind_name, measure_title, text

CHARTS = {"market_size": ("market", "projection", "platforms"),
          "user_demographics": ("platforms", "surveys", "relative"),
          "category_trends": ("ranking", "tmall")}
# A computer's suffix on a number: 4.5G, 24T, 800M, 12k.
SUFFIXED = re.compile(r"^-?\d+(?:\.\d+)?[kMGTP]$")


def _control(spec: dict) -> dict | None:
    """The chart's bound control (a dropdown or a slider), wherever Altair put its param."""
    return next((p for p in spec.get("params", []) if "bind" in p), None)


def _states(spec: dict, frame: pd.DataFrame) -> list:
    """Every value the chart's control can take: a dropdown's options, each rank a slider can stop at, or none."""
    control = _control(spec)
    if control is None:
        return [None]
    bind = control["bind"]
    if bind["input"] == "select":
        return bind["options"]
    if control["name"] == "top_n":
        return list(range(bind["min"], bind["max"] + 1))
    return [bind["min"], control["value"], bind["max"]]


def _drawn(spec: dict, state) -> str:
    spec = json.loads(json.dumps(spec))
    if state is not None:
        _control(spec)["value"] = state
    return vlc.vegalite_to_svg(spec)


def _visible(frame: pd.DataFrame, visible: dict | None, state) -> pd.DataFrame:
    """The rows a control in `state` shows, by the rule the page's CSV of rows shown follows (figure.py)."""
    if not visible or state is None:
        return frame
    if visible.get("op") == "<=":
        return frame[frame[visible["field"]] <= state]
    return frame if state == visible.get("all") else frame[frame[visible["field"]] == state]


def _frame(chart) -> pd.DataFrame:
    if isinstance(chart.data, pd.DataFrame):
        return chart.data
    return next(layer.data for layer in chart.layer if isinstance(layer.data, pd.DataFrame) and "kind" in layer.data)


def _axis(svg: str, which: str) -> tuple[str, float]:
    """(title, end) of the linear axis `which` (X or Y), as Vega describes it."""
    m = re.search(rf"aria-label=\"{which}-axis (?:titled '([^']*)' )?for a linear scale with values from [-\d,.e+]+ to ([-\d,.e+]+)\"", svg)
    assert m, (which, re.findall(r'aria-label="([XY]-axis[^"]*)"', svg))
    return m.group(1) or "", float(m.group(2).replace(",", ""))


def _tick_labels(svg: str, which: str) -> list[str]:
    """The tick labels of axis `which`, as drawn."""
    start = svg.index(f'aria-label="{which}-axis')
    group = svg[start:svg.index('role-axis-domain', start)]
    return re.findall(r"<text[^>]*>([^<]*)</text>", group.split('role-axis-label', 1)[1]) if 'role-axis-label' in group else []


def _legend(svg: str, title: str) -> list[str]:
    """The entries drawn in the legend titled `title` (Vega's description lists its scale's whole domain)."""
    start = svg.find(f"aria-label=\"Symbol legend titled '{title}'")
    if start < 0:
        return []
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg[start:svg.index("role-legend-title", start)])


def _every_state():
    for name, whichs in CHARTS.items():
        for which in whichs:
            for lang in ("en", "zh"):
                yield pytest.param(name, which, lang, id=f"{name}-{which}-{lang}")


@functools.cache
def _every_state_drawn(name: str, which: str, lang: str) -> tuple:
    """(report, spec, frame, [(state, svg) for every state of its control]) of one chart, drawn once for
    the module: the axis and legend tests below read the same drawings and change none of them."""
    report = open_report(name, lang=lang)
    chart = report.chart(which)
    spec = chart.to_dict()
    frame = _frame(chart)
    return report, spec, frame, [(state, _drawn(spec, state)) for state in _states(spec, frame)]


@pytest.mark.parametrize("name,which,lang", list(_every_state()))
def test_each_axis_ends_near_its_largest_mark_in_the_readers_words(name, which, lang):
    """A value axis runs from zero to at most 1/0.85 of the largest figure shown (never to 1.5×), a share
    axis never passes 100, every tick is written in words (万亿, trillion), never 24T or 4.5G, the
    years of a time axis stand upright, and no label is cut short with an ellipsis (a long one wraps)."""
    report, spec, frame, drawings = _every_state_drawn(name, which, lang)
    visible = spec["usermeta"]["xbdata"]["visible"]
    for state, svg in drawings:
        rows = _visible(frame, visible, state)
        if which == "projection":
            title, end = _axis(svg, "Y")
            growth = state / 100 if state is not None else report.params["growth_rate"]     # the slider is in percent
            largest = max(float(rows["value"].max()),
                          float(rows["value"].iloc[0]) * (1 + growth) ** report.params["horizon_years"])
            ticks = _tick_labels(svg, "Y")
            assert "rotate" not in svg[svg.index('aria-label="X-axis'):svg.index('aria-label="Y-axis')], "years are turned"
        elif which == "ranking":
            title, end = _axis(svg, "X")
            largest, ticks = float(state + 1 - rows["rank"].min()), []
        else:
            title, end = _axis(svg, "X")
            largest = float(rows[["value", "low", "high"]].max(numeric_only=True).max())
            ticks = _tick_labels(svg, "X")
        assert largest <= end and largest >= 0.85 * end, (state, largest, end)
        cut = [t for t in re.findall(r'role-axis-label.*?</g>', svg, flags=re.S) if "…</text>" in t]
        assert not cut, f"an axis label is cut short: {cut}"
        if title == measure_title("share", lang):
            assert end <= 100, (state, end)
        assert ticks and not [t for t in ticks if SUFFIXED.match(t)] or which == "ranking", ticks
        words = [w.strip() for _, w in charts.MAGNITUDE_WORDS[lang]]
        if end >= 1e6:
            assert any(w in t for t in ticks for w in words), ticks


@pytest.mark.parametrize("name,which,lang", list(_every_state()))
def test_legends_list_only_what_the_control_leaves_drawn(name, which, lang):
    """The kind legend names exactly the kinds of the rows shown (in the fixed kind order), and the
    bounds legend exactly the bounds drawn, in every state of the chart's control."""
    _, spec, frame, drawings = _every_state_drawn(name, which, lang)
    visible = spec["usermeta"]["xbdata"]["visible"]
    order = [kind_name(k, lang) for k in charts.KIND_STYLE]
    for state, svg in drawings:
        rows = _visible(frame, visible, state)
        kinds = set(rows["kind"]) | ({kind_name("scenario", lang)} if which == "projection" else set())
        assert _legend(svg, text("kind", lang)) == [k for k in order if k in kinds], state
        bounds = set(charts.bound_of(rows)) if {"value", "low", "high"} <= set(rows) else set()
        assert _legend(svg, text("bound", lang)) == [text(f"bound_{b}", lang) for b in charts.BOUND_SYMBOLS if b in bounds]
        titles = re.findall(rf"<text[^>]*>{text('bound', lang)}</text>", svg)
        assert all(('fill-opacity="0"' not in t) == bool(bounds - {""}) for t in titles), (state, titles)  # no empty legend


def _row(stat_id, value, low, high, qualifier, shown, kind="observed"):
    return {"stat_id": stat_id, "label": stat_id, "kind": kind, "value": value, "low": low, "high": high,
            "qualifier": qualifier, "shown": shown, "period": "2024", "quote": "q", "source_title": "t",
            "source": "000_8d48b1a84700725f"}


def _positions(svg: str, layer_marks: str) -> dict[str, tuple[float, float, str]]:
    """For each mark of a layer: its tooltip's first words, its (x, y) and its path."""
    group = re.search(rf'<g class="mark-symbol role-mark {layer_marks}"[^>]*>(.*?)</g>', svg, flags=re.S)
    out = []
    for attrs in re.findall(r"<path ([^>]*)/>", group.group(1) if group else ""):
        x, y = re.search(r'transform="translate\(([-\d.]+),([-\d.]+)\)"', attrs).groups()
        out.append((float(x), float(y), re.search(r'\bd="([^"]*)"', attrs).group(1)))
    return out


def _layer_of(spec: dict, test) -> str:
    [index] = [i for i, layer in enumerate(spec["layer"]) if test(layer)]
    return f"layer_{index}_marks"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_open_bound_is_an_arrow_toward_its_open_side_and_a_range_a_rule(lang):
    """over and at least point right of their figure, under points left, a range is a rule from low to high
    and a plain figure has no arrow; the legend says what each means, and the words stay."""
    rows = [_row("over", 10.0, 10.0, None, ">", "over 10%"), _row("least", 20.0, 20.0, None, ">=", "at least 20%"),
            _row("under", 30.0, None, 30.0, "<", "under 30%"), _row("range", None, 6.0, 25.0, "=", "6–25%"),
            _row("point", 40.0, 40.0, 40.0, "=", "40%", kind="survey")]
    frame = pd.DataFrame(rows)
    chart = charts.figure_chart(frame, "t", lang, "Share (%)")
    spec = chart.to_dict()
    svg = vlc.vegalite_to_svg(spec)
    arrows_layer = _layer_of(spec, lambda layer: layer["mark"].get("filled") is False)
    points_layer = _layer_of(spec, lambda layer: layer["mark"]["type"] == "point" and layer["mark"].get("filled"))
    arrows, points = _positions(svg, arrows_layer), _positions(svg, points_layer)
    row_at = {round(y): name for name, value in {"over": 10.0, "least": 20.0, "under": 30.0, "point": 40.0}.items()
              for x, y, _ in points if abs(x - _x(svg, spec, value)) < 1}
    assert len(row_at) == len(points) == 4
    point_x = {round(y): x for x, y, _ in points}
    direction = {row_at[round(y)]: round(x - point_x[round(y)]) for x, y, _ in arrows}
    assert direction == {"over": charts.ARROW_OFFSET, "least": charts.ARROW_OFFSET, "under": -charts.ARROW_OFFSET}
    [rules] = re.findall(r'<g class="mark-rule role-mark[^"]*"[^>]*>(.*?)</g>', svg, flags=re.S)
    [rule] = re.findall(r"<line [^>]*>", rules)
    x, length = float(re.search(r"translate\(([-\d.]+),", rule).group(1)), float(re.search(r'x2="([-\d.]+)"', rule).group(1))
    assert (x, x + length) == (pytest.approx(_x(svg, spec, 6.0), abs=0.5), pytest.approx(_x(svg, spec, 25.0), abs=0.5))
    assert _legend(svg, text("bound", lang)) == [text(f"bound_{b}", lang) for b in ("over", "under", "range")]
    assert all(s in svg for s in ("over 10%", "at least 20%", "under 30%", "6–25%"))


def _x(svg: str, spec: dict, value: float) -> float:
    """Where `value` lands on the x axis, from the axis's end as Vega describes it and the chart's width."""
    _, end = _axis(svg, "X")
    return value / end * spec["width"]


def test_the_market_chart_draws_over_7_trillion_and_under_8_7_trillion_as_bounds():
    chart = open_report("market_size").chart("market")
    spec = chart.to_dict()
    svg = vlc.vegalite_to_svg(spec)
    arrows = _positions(svg, _layer_of(spec, lambda layer: layer["mark"].get("filled") is False))
    over = _x(svg, spec, 7e12)
    under = _x(svg, spec, 8.7e12)
    assert sorted((round(x - over) if abs(x - over) < 30 else round(x - under)) for x, _, _ in arrows) == \
        [-charts.ARROW_OFFSET, charts.ARROW_OFFSET]
    assert "over CNY 7 trillion" in svg and "under CNY 8.7 trillion" in svg


# The axis words, written out by hand: the labelExpr, evaluated by Vega on these ticks, must say exactly this.
AXIS_WORDS = {
    "en": {0: "0", 950: "950", 12000: "12,000", 450e6: "450 million", 1e6: "1 million", 2.5e9: "2.5 billion",
           1.5e12: "1.5 trillion", 24e12: "24 trillion", 60: "60", 1.325: "1.325"},
    "zh": {0: "0", 950: "950", 12000: "1.2万", 3e4: "3万", 5e7: "5000万", 4.5e8: "4.5亿", 30e8: "30亿",
           1.5e12: "1.5万亿", 24e12: "24万亿", 60: "60"},
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_axis_label_expression_writes_numbers_as_the_reader_does(lang):
    import altair as alt

    values = list(AXIS_WORDS[lang])
    chart = alt.Chart(pd.DataFrame({"v": values})).mark_point().encode(
        x=alt.X("v:Q", axis=alt.Axis(values=values, labelExpr=charts.number_words_expr(lang), labelOverlap=False)))
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", vlc.vegalite_to_svg(chart.to_dict()))
    assert [w for w in drawn if w in AXIS_WORDS[lang].values()] == [AXIS_WORDS[lang][v] for v in sorted(values)]
    for value, words in AXIS_WORDS[lang].items():     # the formatter writes the figure with the same words
        assert format_figure(value, value, value, "", "=", lang).strip() == words


@pytest.mark.parametrize("largest,end", [(15.7e12, 16e12), (96, 100), (100, 100), (63.81, 65), (67, 70), (5e8, 5e8),
                                         (1.325, 1.4), (2.1, 2.25), (5.01, 5.5), (0, 1)])
def test_an_axis_ends_at_a_round_number_just_past_the_largest_figure(largest, end):
    assert charts.axis_end(largest) == pytest.approx(end)


def test_a_series_over_time_rises_from_zero_in_words_with_its_bounds_pointing_up_or_down():
    """The line chart of a series: its value axis ends just past the largest figure of the series picked,
    in words, and over points up from its figure, under down."""
    rows = [_row("y2019", 1.2e12, 1.2e12, 1.2e12, "=", "CNY 1.2 trillion"),
            _row("y2020", 1.5e12, 1.5e12, None, ">", "over CNY 1.5 trillion"),
            _row("y2021", 1.9e12, None, 1.9e12, "<", "under CNY 1.9 trillion"),
            _row("other", 4.0e12, 4.0e12, 4.0e12, "=", "CNY 4 trillion")]
    frame = pd.DataFrame(rows).assign(date=["2019-07-02", "2020-07-02", "2021-07-02", "2021-07-02"], whole_year=True,
                                      joined=True, series=["a", "a", "a", "b"], point_label=lambda f: f["shown"])
    chart = charts.series_chart(frame, "t", "en", "Amount (CNY)", select=("series", ["a", "b"], "Series"))
    spec = chart.to_dict()
    svg = vlc.vegalite_to_svg(spec)
    _, end = _axis(svg, "Y")
    assert end == pytest.approx(1.9e12)                         # series a alone: its largest is 1.9 trillion
    assert "1.5 trillion" in _tick_labels(svg, "Y") and not [t for t in _tick_labels(svg, "Y") if SUFFIXED.match(t)]
    arrows = _positions(svg, _layer_of(spec, lambda layer: layer["mark"].get("filled") is False
                                       and "bound_words" in json.dumps(layer)))
    points = {round(x): y for x, y, _ in _positions(svg, _layer_of(spec, lambda layer: layer["mark"].get("filled") is True))}
    pointing = {round(x): round(y - points[round(x)]) for x, y, _ in arrows}     # up is negative in SVG
    assert [pointing[x] for x in sorted(pointing)] == [-charts.ARROW_OFFSET, charts.ARROW_OFFSET]   # 2020 over, 2021 under
    assert _legend(svg, text("kind", "en")) == ["observed"]
    assert _legend(svg, text("bound", "en")) == [text("bound_over", "en"), text("bound_under", "en")]
    assert _axis(_drawn(spec, "b"), "Y")[1] == pytest.approx(4e12)


def test_article_text_in_the_charts_expressions_stays_text():
    """Labels and control options from articles reach Vega expressions (wrapped labels, a legend's and an
    axis's answer per option) as string literals: quotes, backslashes and line separators included."""
    hostile = 'He said "over" \\ it\'s\u2028' + " ".join(["long"] * 80)
    option = 'Tik"Tok\' \\ </script>'
    rows = [_row("a", 10.0, 10.0, None, ">", "over 10%"), _row("b", 40.0, 40.0, 40.0, "=", "40%", kind="survey")]
    frame = pd.DataFrame(rows).assign(label=[hostile, "short"], platform=[option, "other"])
    chart = charts.figure_chart(frame, "t", "en", "Share (%)", select=("platform", ["all", option, "other"], "Platform"))
    spec = chart.to_dict()
    assert charts.wrapped_labels([hostile])
    for state, kinds in (("all", ["observed", "survey"]), (option, ["observed"]), ("other", ["survey"])):
        svg = _drawn(spec, state)
        assert _legend(svg, "Kind") == kinds, state
        assert _axis(svg, "X")[1] == (10.0 if state == option else 40.0)
    svg = vlc.vegalite_to_svg(spec)
    label = html.unescape(re.search(r"<text[^>]*>(<tspan>He said.*?)</text>", svg)[1])
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", label)
    assert len(lines) > 1 and lines[0].startswith('He said "over" \\ it\'s') and " ".join(lines).count("long") == 80
