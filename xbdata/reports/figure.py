"""A chart as a document: the drawing, and under it its sources, notes, periods, downloads and citation.

Our World in Data's grapher set the model: every chart carries its source line, notes, the
periods it covers, PNG and SVG of the chart as drawn, CSV of all its rows or only those shown,
and an in-line and a full citation. Here all of it works offline inside the one HTML file: the
rows travel in the chart's `usermeta`, and one small script (emitted once, with the Vega
library) turns the buttons into real files in the browser.
"""

from __future__ import annotations

import json
import uuid

import pandas as pd
import vl_convert as vlc

from .. import __version__
from ..curate.articles import articles_of, outlet_name
from ..escape import SPREADSHEET_TRIGGERS, html_attr, html_text, link, script_json
from ..text.formatting import format_value
from ..text.labels import catalogue_name, date_words, kind_name, period_words, strip_period, text

CSV_COLUMNS = ("stat_id", "label", "shown", "value", "low", "high", "unit", "qualifier", "period", "kind",
               "quote", "source_title", "source_url")
SCENARIO_RATE = "growth_rate"
_ROW_NOTES = {"derived": "note_derived", "scenario": "note_scenario", "hypothetical": "note_hypothetical"}


def _plain(x):
    """A JSON-ready cell: NaN and NA become None, numpy numbers plain Python ones."""
    if x is None or (isinstance(x, float) and x != x) or x is pd.NA:
        return None
    return x.item() if hasattr(x, "item") else x


def scenario(base: dict, rates: list[float], years: int, param: str, lang: str) -> dict:
    """The projected rows of a scenario at each rate its control can take, for the page's CSV buttons.

    `base` is the figure it starts from (value, year, unit). The page picks the rows of the rate the
    reader has chosen, so the CSV holds what the chart draws, each row marked `scenario` with its rate;
    the words ("about CNY 19 trillion") are made here, by the one formatter.
    """
    from .story import round_to_digits

    steps = range(1, years + 1)
    values = [[base["value"] * (1 + rate) ** t for t in steps] for rate in rates]
    return {
        "param": param, "base": base["value"], "rates": rates, "periods": [str(base["year"] + t) for t in steps],
        "values": values,
        "shown": [[format_value(round_to_digits(v, "round"), base["unit"], "~", lang) for v in row] for row in values],
        "row": {"label": text("scenario", lang), "unit": base["unit"], "qualifier": "~",
                "kind": kind_name("scenario", lang)},
    }


def measure_name(row, lang: str) -> str:
    """A figure's measure by name in `lang`; a measure without a Chinese name (an added article's)
    by the figure's own label without its period (strip_period), never in English."""
    return catalogue_name(row["measure"], lang, strip_period(row["label"], row["period"], lang))


def measure_names(frame: pd.DataFrame, lang: str) -> list[str]:
    """The measures of `frame` by name in `lang`, each once (named by its first figure)."""
    return [measure_name(rows.iloc[0], lang) for _, rows in frame.groupby("measure", sort=True)]


def _dated(date: str, key: str, lang: str) -> str:
    return text(key, lang).format(date=date_words(date, lang)) if date_words(date, lang) else ""


def cite_source(source: dict, lang: str) -> str:
    """One article as a citation names it: outlet, title, publication date, URL and access date where known."""
    return text("cite_source", lang).format(
        outlet=source["outlet"], title=source["title"], published=_dated(source["published"], "cite_published", lang),
        url=text("cite_url", lang).format(url=source["url"]) if source["url"] else "",
        accessed=_dated(source["accessed"], "cite_accessed", lang))


def meta(frame: pd.DataFrame, title: str, lang: str, name: str, visible: dict | None = None,
         kinds: tuple[str, ...] = (), state: dict | None = None, projected: dict | None = None) -> dict:
    """What the figure block needs besides the spec: sources, notes, periods, rows and citation, in `lang`.

    `visible` says which rows the chart's control shows (its field travels with the rows, so the
    page can filter on it); `state` how the subtitle says the control's value ({param, words with
    {value}, a d3 format}); `projected` a scenario's rows (`scenario`).
    """
    sources = [{"outlet": outlet_name(a.outlet, lang), "title": a.title, "url": a.url, "published": a.published,
                "accessed": a.accessed} for a in articles_of(frame)]
    shown_kinds = set(frame["kind"]) | {kind_name(k, lang) for k in kinds}
    notes = [text(key, lang) for kind, key in _ROW_NOTES.items() if kind_name(kind, lang) in shown_kinds]
    measures = measure_names(frame, lang) if "measure" in frame else []
    if len(measures) > 1:
        notes.append(text("note_measures", lang).format(measures=text("items_separator", lang).join(measures)))
    if {"low", "high", "value"} <= set(frame) and (frame["value"].isna() & frame["low"].notna()).any():
        notes.append(text("note_range", lang))
    periods = [period_words(p, lang) for p in sorted({str(p) for p in frame.get("period", pd.Series(dtype=str)) if str(p)})]
    columns = [c for c in CSV_COLUMNS if c in frame]
    if visible and visible["field"] not in columns:
        columns.append(visible["field"])
    if projected:
        columns += [c for c in CSV_COLUMNS if c not in columns] + [SCENARIO_RATE]
    rows = [{c: _plain(r.get(c)) for c in columns} for r in frame.to_dict("records")]
    outlets = text("items_separator", lang).join(dict.fromkeys(s["outlet"] for s in sources))
    full = text("items_separator", lang).join(cite_source(s, lang) for s in sources)
    return {
        "name": name, "lang": lang, "title": title, "sources": sources, "notes": notes, "periods": periods,
        "columns": columns, "rows": rows, "visible": visible, "state": state, "scenario": projected,
        "cite_inline": text("cite_inline", lang).format(outlets=outlets),
        "cite_full": text("cite_full", lang).format(sources=full, title=title, version=__version__),
    }


def _footer(m: dict) -> str:
    lang = m["lang"]
    sources = text("items_separator", lang).join(
        text("source_title", lang).format(outlet=html_text(s["outlet"]),
                                          title=link(s["url"], s["title"]) if s["url"] else html_text(s["title"]))
        for s in m["sources"])
    parts = [f'<p class="xbdata-source"><b>{html_text(text("source", lang))}</b> {sources}</p>']
    if m["notes"]:
        parts.append(f'<p class="xbdata-notes"><b>{html_text(text("notes", lang))}</b> '
                     + " ".join(html_text(n) for n in m["notes"]) + "</p>")
    if m["periods"]:
        parts.append(f'<p class="xbdata-periods"><b>{html_text(text("periods", lang))}</b> '
                     + html_text(text("list_separator", lang).join(m["periods"])) + "</p>")
    buttons = "".join(f'<button type="button" data-action="{action}">{html_text(text(key, lang))}</button>'
                      for action, key in (("png", "download_png"), ("svg", "download_svg"), ("csv-all", "csv_all"),
                                          ("csv-visible", "csv_visible")))
    cite = (f'<details class="xbdata-cite"><summary>{html_text(text("cite", lang))}</summary>'
            f'<p><b>{html_text(text("cite_inline_head", lang))}</b> <span data-cite="inline">{html_text(m["cite_inline"])}</span></p>'
            f'<p><b>{html_text(text("cite_full_head", lang))}</b> <span data-cite="full">{html_text(m["cite_full"])}</span></p>'
            f'<button type="button" data-action="copy" data-done="{html_attr(text("copied", lang))}" '
            f'data-failed="{html_attr(text("copy_failed", lang))}">{html_text(text("copy", lang))}</button>'
            f'<span class="xbdata-copied" role="status"></span></details>')
    return (f'<figcaption class="xbdata-footer">{"".join(parts)}'
            f'<div class="xbdata-downloads" role="group" aria-label="{html_attr(text("downloads", lang))}">{buttons}</div>'
            f"{cite}</figcaption>")


def vega_spec(spec: dict) -> dict:
    """`spec` as Vega: a Vega-Lite spec (Altair's) compiled by vl-convert's Vega-Lite, the one the
    page's bundle carried when the browser compiled it, so the reader's browser needs Vega alone; a
    Vega spec as it is.

    A process's first compile starts vl-convert's JavaScript runtime (about half a second of CPU,
    holding the GIL, so a thread started earlier would not hide it); each chart after it takes
    tens of milliseconds."""
    if "/schema/vega/" in spec.get("$schema", ""):
        return spec
    return vlc.vegalite_to_vega(spec)


def figure_html(spec: dict) -> str:
    """The HTML block for one chart (a Vega-Lite or Vega spec): the drawing, then its footer; the
    page's script draws and wires it."""
    spec = vega_spec(spec)
    m = (spec.get("usermeta") or {}).get("xbdata")
    element = f"xbdata-chart-{uuid.uuid4().hex[:12]}"
    footer = _footer(m) if m else ""
    return (
        f'<figure class="xbdata-figure"><div id="{element}" class="xbdata-chart"></div>{footer}</figure>\n'
        f'<script type="text/javascript">\n(function () {{\n'
        f"  var el = document.getElementById({json.dumps(element)});\n"
        f"  if (!window.xbdataFigures) {{ el.textContent = 'Chart not drawn: run xbdata.reports.charts.enable() first.'; return; }}\n"
        f"  window.xbdataFigures.draw(el, {script_json(spec)});\n}})();\n</script>"
    )


# A chart's Vega config on paper: axis, legend and mark text of 11 px, titles of 14, legends under
# the plot. It is what Vega-Lite compiles its config {axis: {labelFontSize: 11, titleFontSize: 11},
# legend: {labelFontSize: 11, titleFontSize: 11, orient: bottom, direction: horizontal},
# title: {fontSize: 14, subtitleFontSize: 11}, text: {fontSize: 11}} to (tests/test_print_config.py).
PRINT_CONFIG = {
    "axis": {"labelFontSize": 11, "titleFontSize": 11},
    "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom", "direction": "horizontal"},
    "style": {"text": {"fontSize": 11}, "group-title": {"fontSize": 14}},
    "title": {"subtitleFontSize": 11},
}

# The page's one script for every figure: waits for the Vega library, draws, wires the buttons.
# Its CSV cells follow the rule of the CSVs Python writes (`escape.spreadsheet_cell`), with the same
# characters, written in here from `escape.SPREADSHEET_TRIGGERS`.
FIGURES_JS = r"""
(function () {
  if (window.xbdataFigures) { return; }
  function save(name, blob) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = name; a.style.display = 'none';
    document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  }
  function dataUrlBlob(url) {
    var parts = url.split(','), bytes = atob(parts[1]), out = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) { out[i] = bytes.charCodeAt(i); }
    return new Blob([out], {type: parts[0].split(':')[1].split(';')[0]});
  }
  // escape.spreadsheet_cell's rule: text that starts like a formula gets an apostrophe; numbers stay numbers.
  var TRIGGERS = SPREADSHEET_TRIGGERS;
  function cell(v) {
    if (v === null || v === undefined) { return ''; }
    var s = String(v);
    if (typeof v === 'string' && s && TRIGGERS.indexOf(s.charAt(0)) >= 0) { s = "'" + s; }
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(columns, rows) {
    return '\ufeff' + [columns.map(cell).join(',')].concat(rows.map(function (r) {
      return columns.map(function (c) { return cell(r[c]); }).join(',');
    })).join('\r\n') + '\r\n';
  }
  // A scenario's rows at the rate its control shows: made in Python for each step of the control,
  // computed here (without words) for a rate between steps.
  function projected(meta, view) {
    var s = meta.scenario;
    if (!s) { return []; }
    var rate = view.signal(s.param), at = -1;
    s.rates.forEach(function (r, i) { if (Math.abs(r - rate) < 1e-9) { at = i; } });
    return s.periods.map(function (period, t) {
      var row = {};
      meta.columns.forEach(function (c) { row[c] = null; });
      Object.keys(s.row).forEach(function (c) { row[c] = s.row[c]; });
      row.period = period;
      row.value = at >= 0 ? s.values[at][t] : s.base * Math.pow(1 + rate, t + 1);
      row.shown = at >= 0 ? s.shown[at][t] : null;
      row.growth_rate = rate;
      return row;
    });
  }
  function allRows(meta, view) { return meta.rows.concat(projected(meta, view)); }
  function visible(meta, view) {
    var f = meta.visible;
    if (!f) { return allRows(meta, view); }
    var chosen = view.signal(f.param);
    return meta.rows.filter(function (r) {
      if (f.op === '<=') { return r[f.field] !== null && r[f.field] <= chosen; }
      return (f.all !== null && chosen === f.all) || r[f.field] === chosen;
    }).concat(projected(meta, view));
  }
  // The chart's subtitle says what its control shows ("at 30% a year"), so a saved PNG or SVG, and
  // the printed page, say it too: the compiled Vega spec's subtitle becomes an expression of the control.
  function stated(meta) {
    return function (vg) {
      var st = meta && meta.state;
      if (!st || !vg.title) { return vg; }
      var value = st.param, signal = (vg.signals || []).filter(function (g) { return g.name === st.param; })[0];
      if (!signal) { return vg; }   // not a top-level signal: an expression naming it would not compile
      if (st.format) { value = 'format(' + st.param + ', ' + JSON.stringify(st.format) + ')'; }
      else if (signal.bind && signal.bind.labels && signal.bind.options) {
        value = JSON.stringify(signal.bind.labels) + '[indexof(' + JSON.stringify(signal.bind.options) + ', ' + st.param + ')]';
      }
      var words = st.words.split('{value}');
      var phrase = JSON.stringify(words[0]) + ' + ' + value + ' + ' + JSON.stringify(words.slice(1).join(''));
      var title = typeof vg.title === 'string' ? {text: vg.title} : vg.title;
      var lines = title.subtitle === undefined ? [] : [].concat(title.subtitle);
      title.subtitle = {signal: '[' + lines.map(function (l) { return JSON.stringify(l); }).concat([phrase]).join(', ') + ']'};
      vg.title = title;
      return vg;
    };
  }
  function wire(figure, meta, view) {
    var on = function (action, fn) {
      var b = figure.querySelector('[data-action="' + action + '"]');
      if (b) { b.onclick = fn; }
    };
    on('png', function () { view.toImageURL('png', 2).then(function (u) { save(meta.name + '.png', dataUrlBlob(u)); }); });
    on('svg', function () { view.toSVG().then(function (s) { save(meta.name + '.svg', new Blob([s], {type: 'image/svg+xml'})); }); });
    on('csv-all', function () { save(meta.name + '.csv', new Blob([csv(meta.columns, allRows(meta, view))], {type: 'text/csv'})); });
    on('csv-visible', function () { save(meta.name + '-visible.csv', new Blob([csv(meta.columns, visible(meta, view))], {type: 'text/csv'})); });
    on('copy', function () {
      var button = figure.querySelector('[data-action="copy"]');
      var status = figure.querySelector('.xbdata-copied');
      var say = function (ok) {
        button.setAttribute('data-copied', ok ? 'true' : 'false');
        status.textContent = button.getAttribute(ok ? 'data-done' : 'data-failed');
        setTimeout(function () { status.textContent = ''; }, 4000);
      };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(meta.cite_full).then(function () { say(true); }, function () { say(false); });
      } else { say(false); }
    });
  }
  // On paper (the PDF is printed with print media from the first paint) chart text is at least
  // 11 px, 8.25 pt, legends go under the chart, and a chart still wider than the page gives up plot
  // width rather than being shrunk. PRINT_CONFIG is Vega's config (figure.PRINT_CONFIG).
  var PRINT_CONFIG = PRINT_VEGA_CONFIG;
  var PRINT_MIN_WIDTH = 140;
  // A chart's own legend orient (the screen's legends above the plot, see charts.py) outranks the
  // config's, and Vega lays legends on one side out side by side from the plot's left edge, past the
  // row labels: on paper each legend goes under the plot, one under the other, so their width never
  // adds up beyond the page however narrow the plot gets.
  var PRINT_LEGEND_LAYOUT = {bottom: {anchor: 'start', direction: 'vertical'}};
  // Row labels are wrapped for Vega's 10 px axis text (charts.wrapped_labels, within the axis's
  // labelLimit): at paper's larger text the limit grows with it, so no line is cut with an ellipsis.
  var SCREEN_AXIS_LABEL_SIZE = 10;
  function forPaper(vg) {
    (function walk(group) {
      (group.legends || []).forEach(function (l) { l.orient = 'bottom'; l.direction = 'horizontal'; });
      (group.axes || []).forEach(function (a) {
        if (typeof a.labelLimit === 'number') {
          a.labelLimit = Math.ceil(a.labelLimit * PRINT_CONFIG.axis.labelFontSize / SCREEN_AXIS_LABEL_SIZE);
        }
      });
      (group.marks || []).forEach(function (m) { if (m.type === 'group') { walk(m); } });
    })(vg);
    var config = vg.config = Object.assign({}, vg.config || {});
    config.legend = Object.assign({}, config.legend || {});
    config.legend.layout = Object.assign({}, config.legend.layout || {}, PRINT_LEGEND_LAYOUT);
    return vg;
  }
  function merged(base, over) {
    var out = Object.assign({}, base || {});
    Object.keys(over).forEach(function (k) {
      var o = over[k];
      out[k] = o && typeof o === 'object' && !Array.isArray(o) ? merged(out[k], o) : o;
    });
    return out;
  }
  function forPrint(vg) { vg.config = merged(vg.config, PRINT_CONFIG); return vg; }
  function fit(el, view, tries) {
    var svg = el.querySelector('svg'), room = el.parentNode.clientWidth;
    var over = svg ? parseFloat(svg.getAttribute('width')) - room : 0, width;
    try { width = view.width(); } catch (e) { return Promise.resolve(); }
    if (!(over > 0) || !tries || width <= PRINT_MIN_WIDTH) { return Promise.resolve(); }
    view.width(Math.max(PRINT_MIN_WIDTH, width - Math.ceil(over)));
    return view.runAsync().then(function () { return fit(el, view, tries - 1); });
  }
  window.xbdataFigures = {
    cell: cell,
    // `spec` is Vega (figure.vega_spec compiled it). The view is made as vega-embed made it, with
    // vega-tooltip's handler, Vega's warnings in the console and the `vega-embed` class for its layout.
    draw: function (el, spec) {
      var meta = (spec.usermeta || {}).xbdata || null;
      var printing = !!(window.matchMedia && window.matchMedia('print').matches);
      var view;
      (window.xbdataVegaReady || Promise.resolve()).then(function () {
        if (!window.vega) { throw new Error('the Vega library is missing'); }
        var vg = stated(meta)(JSON.parse(JSON.stringify(spec)));
        if (printing) { vg = forPaper(forPrint(vg)); }
        el.classList.add('vega-embed');
        el.innerHTML = '';
        view = new window.vega.View(window.vega.parse(vg), {logLevel: window.vega.Warn, renderer: 'svg'});
        view.tooltip(new window.vegaTooltipHandler({}).call);
        return view.initialize(el).runAsync();
      }).then(function () {
        el.xbdataView = view;   // what a test asks what the chart draws
        if (meta) { wire(el.closest('.xbdata-figure'), meta, view); }
        return printing ? fit(el, view, 8) : null;
      }).then(function () { el.setAttribute('data-xbdata-drawn', 'true'); })
        .catch(function (e) { el.textContent = 'Chart error: ' + e.message; console.error(e); });
    }
  };
})();
""".replace("SPREADSHEET_TRIGGERS", script_json(SPREADSHEET_TRIGGERS)).replace("PRINT_VEGA_CONFIG", script_json(PRINT_CONFIG))

FIGURE_CSS = """
.xbdata-figure { margin: 8px 0 24px; }
.vega-embed { position: relative; display: inline-block; box-sizing: border-box; }
.xbdata-footer { font-size: 12px; color: var(--xbdata-muted, #555); max-width: 900px; }
.xbdata-footer p { margin: 2px 0; }
.xbdata-footer a, table.xbdata-sources a { text-decoration: underline !important; }
.xbdata-downloads button, .xbdata-cite button { font-size: 12px; margin: 4px 6px 0 0; }
.xbdata-theme-toggle { position: fixed; top: 8px; right: 12px; z-index: 10; font-size: 13px; }
table.xbdata-sources { width: 100%; table-layout: auto; border-collapse: collapse; font-size: 12px; }
table.xbdata-sources caption { text-align: left; font-style: italic; padding: 4px 0; }
table.xbdata-sources th, table.xbdata-sources td, table.xbdata-sources code {
  text-align: left !important; vertical-align: top; overflow-wrap: normal; word-break: normal; hyphens: manual;
  white-space: normal; }
table.xbdata-sources th[scope="row"] { font-weight: normal; }
table.xbdata-sources thead th, table.xbdata-sources td:nth-child(3) { white-space: nowrap; }
table.xbdata-sources td:nth-child(2) { word-break: keep-all; }
@media screen {
  html[data-xbdata-theme="dark"] {
    color-scheme: dark; --xbdata-muted: #b8b8b8;
    --jp-layout-color0: #121212; --jp-layout-color1: #1b1b1b; --jp-layout-color2: #262626; --jp-layout-color3: #333;
    --jp-ui-font-color0: #f2f2f2; --jp-ui-font-color1: #e0e0e0; --jp-ui-font-color2: #bdbdbd;
    --jp-content-font-color0: #ffffff; --jp-content-font-color1: #e6e6e6; --jp-content-font-color2: #c4c4c4;
    --jp-content-font-color3: #9e9e9e; --jp-border-color0: #5a5a5a; --jp-border-color1: #474747;
    --jp-border-color2: #363636; --jp-rendermime-table-row-background: #1b1b1b;
    --jp-rendermime-table-row-hover-background: #303030; --jp-content-link-color: #8ab4f8;
    --jp-cell-editor-background: #1b1b1b;
  }
  html[data-xbdata-theme="dark"] body { background: #121212; color: #e6e6e6; }
  html[data-xbdata-theme="dark"] a { color: #8ab4f8; }
  html[data-xbdata-theme="dark"] table.xbdata-sources td, html[data-xbdata-theme="dark"] table.xbdata-sources th { border-color: #474747; }
  html[data-xbdata-theme="dark"] .xbdata-chart svg.marks { background-color: #1b1b1b !important; }
  html[data-xbdata-theme="dark"] .xbdata-chart svg.marks text { fill: #e6e6e6; }
  html[data-xbdata-theme="dark"] .xbdata-chart .role-axis-grid line, html[data-xbdata-theme="dark"] .xbdata-chart .role-axis-grid path { stroke: #3d3d3d; }
  html[data-xbdata-theme="dark"] .xbdata-chart .role-axis-domain line, html[data-xbdata-theme="dark"] .xbdata-chart .role-axis-tick line,
  html[data-xbdata-theme="dark"] .xbdata-chart .role-frame > g > path.background { stroke: #8a8a8a; }
}
@media print {
  .xbdata-downloads, .xbdata-cite, .vega-bindings, .xbdata-theme-toggle, .xbdata-screen-only,
  .jp-InputPrompt, .jp-OutputPrompt, a.anchor-link { display: none !important; }
  .xbdata-figure, table.xbdata-sources tr, .jp-OutputArea-output svg { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .jp-Cell:has(+ .jp-Cell .xbdata-figure), .jp-OutputArea-child:has(+ .jp-OutputArea-child .xbdata-figure) {
    break-after: avoid; page-break-after: avoid; }
  .xbdata-figure { margin-top: 0; }
  body { margin: 0 !important; padding-bottom: 0 !important; }
  .jp-Cell:last-child, .jp-Cell:last-child .jp-OutputArea-child:last-child > * { margin-bottom: 0; padding-bottom: 0; }
  .xbdata-footer { max-width: none; }
  table.xbdata-sources { font-size: 11px; }
  table.xbdata-sources th[scope="row"] { min-width: 11em; } table.xbdata-sources td:nth-child(2) { min-width: 5.5em; }
  .jp-OutputArea-child:has(table.xbdata-sources) { break-inside: auto; }
  table.xbdata-sources thead { display: table-header-group; }
}
"""

# The page's colour scheme: the reader's stored choice, else the system's; a toggle on a shared
# report or the index of reports (not inside JupyterLab, which has its own themes) switches and
# remembers it, for every page of the folder.
THEME_JS = r"""
(function () {
  if (window.xbdataTheme) { return; }
  var root = document.documentElement, key = 'xbdata-theme', stored = null;
  try { stored = localStorage.getItem(key); } catch (e) {}
  var system = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  function apply(theme) {
    root.setAttribute('data-xbdata-theme', theme);
    var b = document.querySelector('.xbdata-theme-toggle');
    if (b) { b.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false'); }
  }
  window.xbdataTheme = {
    set: function (theme) { try { localStorage.setItem(key, theme); } catch (e) {} apply(theme); },
    get: function () { return root.getAttribute('data-xbdata-theme'); }
  };
  apply(stored === 'dark' || stored === 'light' ? stored : system);
  var shared = document.body && (document.body.classList.contains('jp-Notebook') || document.body.classList.contains('xbdata-index'));
  if (shared && !document.querySelector('.xbdata-theme-toggle')) {
    var b = document.createElement('button');
    b.type = 'button'; b.className = 'xbdata-theme-toggle'; b.textContent = LABEL;
    b.onclick = function () { window.xbdataTheme.set(window.xbdataTheme.get() === 'dark' ? 'light' : 'dark'); };
    document.body.appendChild(b);
    apply(window.xbdataTheme.get());
  }
})();
"""


def theme_js(lang: str) -> str:
    """THEME_JS with the toggle's label in `lang`."""
    return THEME_JS.replace("LABEL", script_json(text("dark_mode", lang)))
