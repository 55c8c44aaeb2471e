"""Charts say what the data says: drawn by vl-convert (Vega's own renderer) and read from the SVG.

A range is a line from low to high and a point is a point; rank 1 gets the longest bar; kind is
both colour and shape; a share never shares an axis with a growth rate or an uplift; a filter
that leaves nothing gives a note and a single figure gives a sentence.
"""

import re

import pandas as pd
import pytest
import vl_convert as vlc

from xbdata.reports import charts
from xbdata.reports.registry import open_report

CHARTS = {"market_size": ("market", "projection", "platforms"),
          "user_demographics": ("platforms", "surveys", "relative"),
          "category_trends": ("ranking", "tmall")}


def _svg(chart) -> str:
    return vlc.vegalite_to_svg(chart.to_dict())


def _marks(svg: str, mark: str) -> list[str]:
    """The visible SVG elements Vega drew for data marks of one type (rule, symbol, rect, text)."""
    groups = re.findall(rf'<g class="mark-{mark} role-mark[^"]*"[^>]*>(.*?)</g>', svg, flags=re.S)
    return [e for g in groups for e in re.findall(r"<(?:path|line|text)\b[^>]*>", g) if 'opacity="0"' not in e]


def _row(stat_id, kind, value, low, high, shown):
    return {"stat_id": stat_id, "label": stat_id, "kind": kind, "value": value, "low": low, "high": high,
            "shown": shown, "period": "2024", "quote": "q", "source_title": "t", "source": "000_8d48b1a84700725f"}


def test_a_range_is_a_line_and_a_point_is_a_point():
    frame = pd.DataFrame([_row("range", "observed", None, 6.0, 25.0, "6–25%"),
                          _row("point", "survey", 40.0, 40.0, 40.0, "40%"),
                          _row("over", "observed", 10.0, 10.0, None, "over 10%")])
    svg = _svg(charts.figure_chart(frame, "t", "en", "Growth (%)"))
    assert len(_marks(svg, "rule")) == 1
    assert len(_marks(svg, "symbol")) == 2
    assert "6–25%" in svg and "over 10%" in svg and "Growth (%)" in svg


def test_kind_is_colour_and_shape():
    frame = pd.DataFrame([_row("a", "observed", 1.0, 1.0, 1.0, "1"), _row("b", "forecast", 2.0, 2.0, 2.0, "2"),
                          _row("c", "derived", 3.0, 3.0, 3.0, "3")])
    spec = charts.figure_chart(frame, "t", "en", "x").to_dict()
    points = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point" and "shape" in layer["encoding"])
    colour, shape = points["encoding"]["color"], points["encoding"]["shape"]
    assert colour["field"] == shape["field"] == "kind"
    assert colour["scale"]["domain"] == shape["scale"]["domain"] == ["observed", "forecast", "derived"]
    assert len(set(shape["scale"]["range"])) == 3 and len(set(colour["scale"]["range"])) == 3


def _bar_widths_by_label(svg: str) -> dict[str, float]:
    """Width of each bar, keyed by the label text drawn at its vertical position."""
    bars = []
    for path in _marks(svg, "rect"):
        m = re.search(r'd="M0,([-\d.]+)h([-\d.]+)v([-\d.]+)', path)
        if m:
            bars.append((float(m.group(1)) + float(m.group(3)) / 2, float(m.group(2))))
    labels = {}
    for text in re.findall(r'<text\b[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>([^<]*)</text>', svg):
        labels[text[2]] = float(text[1])
    out = {}
    for label, y in labels.items():
        near = min(bars, key=lambda b: abs(b[0] - y)) if bars else None
        if near and abs(near[0] - y) < 6:
            out[label] = near[1]
    return out


@pytest.mark.parametrize("lang,first", [("en", "#1"), ("zh", "第1名")])
def test_rank_one_is_the_longest_bar(lang, first):
    report = open_report("category_trends", lang=lang)
    widths = _bar_widths_by_label(_svg(report.chart("ranking")))
    ranks = {k: v for k, v in widths.items() if k.startswith(("#", "第"))}
    assert len(ranks) == 5, widths
    assert max(ranks, key=ranks.get) == first
    assert sorted(ranks.values(), reverse=True) == [ranks[k] for k in sorted(ranks, key=lambda k: int(re.sub(r"\D", "", k)))]


@pytest.mark.parametrize("name", sorted(CHARTS))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_chart_shows_one_measure_kind_under_an_axis_that_names_it(name, lang):
    report = open_report(name, lang=lang)
    for which in CHARTS[name]:
        chart = report.chart(which)
        assert hasattr(chart, "to_dict"), f"{name}/{which} fell back to {chart.data!r}; with the defaults every chart draws"
        spec = chart.to_dict()
        layers = spec.get("layer", [spec])
        data = chart.data if isinstance(chart.data, pd.DataFrame) else next(
            layer.data for layer in chart.layer if isinstance(layer.data, pd.DataFrame) and "kind" in layer.data)
        if "measure_kind" in data:
            assert data["measure_kind"].nunique() == 1, (which, set(data["measure_kind"]))
        titles = [layer["encoding"]["x"].get("title") for layer in layers
                  if "x" in layer.get("encoding", {}) and layer["encoding"]["x"].get("title")]
        titles += [layer["encoding"]["y"].get("title") for layer in layers
                   if layer.get("encoding", {}).get("y", {}).get("title")]
        assert titles and all(t not in ("Value", "数值", "value") for t in titles), (which, titles)
        encoded = [layer.get("encoding", {}) for layer in layers]
        assert any(e.get("shape", {}).get("field") == "kind" for e in encoded), f"{which}: kind has no shape"


NO_FIGURES = {"en": "*The articles give no figure for this selection.*", "zh": "*所选条件下文章没有给出数字.*"}

# Reports with other parameters than the defaults, and which of their charts do not draw, by name:
# a sentence for the one statistic there is (its stat_id), or the note that there is none (None).
# Every chart of CHARTS not listed must draw.
FALLBACKS = {
    ("market_size", (("currency", "USD"), ("usd_cny_rate", 7.1))): {},
    ("market_size", (("horizon_years", 1),)): {},
    ("user_demographics", (("platform", "TikTok"),)): {        # one share of TikTok's users, no survey, no uplift
        "platforms": "tiktok_users_outside_china_share", "surveys": None, "relative": None},
    ("user_demographics", (("platform", "Twitter"),)): {"surveys": None},           # Twitter's are its users' shares
    ("user_demographics", (("platform", "Xiaohongshu"),)): {"surveys": None, "relative": None},  # age bands alone
    ("category_trends", (("top_n", 1),)): {"ranking": "us_black_friday_2022_rank_electronics"},  # one rank is no ranking
    ("category_trends", (("market", "United States"),)): {},
}


@pytest.mark.parametrize("variant", list(FALLBACKS), ids=lambda v: "-".join([v[0], *(f"{k}={x}" for k, x in v[1])]))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_charts_that_must_draw_draw_and_the_others_fall_back_as_listed(variant, lang):
    name, parameters = variant
    report = open_report(name, lang=lang, **dict(parameters))
    expected = FALLBACKS[variant]
    for which in CHARTS[name]:
        chart = report.chart(which)
        if which not in expected:
            assert hasattr(chart, "to_dict"), f"{name}/{which} should draw, but fell back to {chart.data!r}"
            svg = _svg(chart)
            assert _marks(svg, "symbol") or _marks(svg, "rect"), f"{name}/{which} drew no marks"
        elif expected[which] is None:
            assert not hasattr(chart, "to_dict") and chart.data == NO_FIGURES[lang], (which, chart)
        else:
            assert not hasattr(chart, "to_dict"), f"{name}/{which} is listed as falling back, but it draws"
            assert chart.data.startswith("- ") and f"[`{expected[which]}`]" in chart.data, chart.data


def test_share_and_uplift_never_share_an_axis():
    report = open_report("user_demographics")
    platforms, relative = report.chart("platforms"), report.chart("relative")
    assert set(platforms.data["measure_kind"]) == {"share"}
    assert set(relative.data["measure_kind"]) == {"uplift"}
    assert "twitter_users_affluent" in set(relative.data["stat_id"])
    assert "twitter_users_affluent" not in set(platforms.data["stat_id"])
    assert "Higher than the comparison group (%)" in _svg(relative)


def test_nothing_to_draw_is_a_note_and_one_figure_is_a_sentence():
    report = open_report("user_demographics", platform="Xiaohongshu")
    note = report.chart("relative")
    assert not hasattr(note, "to_dict") and "no figure" in note.data
    single = report.figure(report.frame().head(1), lambda frame: pytest.fail("one figure is not drawn"))
    assert not hasattr(single, "to_dict") and report.frame()["stat_id"].iloc[0] in single.data


def test_a_tampered_vega_bundle_cache_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = charts.vega_bundle()
    [cached] = (tmp_path / "xbdata").glob("*.js")
    cached.write_text("alert('not vega');", encoding="utf-8")
    assert charts.vega_bundle() == first
    assert cached.read_text(encoding="utf-8") == first


def test_the_sources_table_has_a_caption_and_header_scopes():
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

    parser = Tags()
    parser.feed(open_report("category_trends", lang="zh").sources().data)
    tags = parser.tags
    assert any(t == "caption" for t, _ in tags)
    headers = [a for t, a in tags if t == "th"]
    assert headers and all(a.get("scope") in ("col", "row") for a in headers)
    assert sum(a.get("scope") == "row" for a in headers) == sum(t == "tr" for t, _ in tags) - 1


def test_a_chart_of_several_measures_says_so_in_its_notes():
    from xbdata.reports.figure import meta

    frame = pd.DataFrame([_row("a", "observed", 1.0, 1.0, 1.0, "1"), _row("b", "observed", 2.0, 2.0, 2.0, "2")])
    assert not any("different measures" in n for n in meta(frame.assign(measure="market size"), "t", "en", "x")["notes"])
    frame["measure"] = ["market size", "import and export value"]
    notes = meta(frame, "t", "en", "x")["notes"]
    assert any("different measures" in n and "import and export value; market size" in n for n in notes)
