"""On paper a chart draws as it did when the page compiled Vega-Lite with the print config.

The page now receives each chart compiled to Vega (figure.vega_spec), so the print config is
applied to Vega's config (figure.PRINT_CONFIG, merged as the page's `forPrint` merges it). Every
chart of every report, in both languages, drawn by vl-convert (Vega's own renderer) both ways,
must be the same drawing.
"""

import json

import pytest
import vl_convert as vlc

from xbdata.reports.figure import PRINT_CONFIG, vega_spec
from xbdata.reports.registry import open_report

CHARTS = {"market_size": ("market", "projection", "platforms"),
          "user_demographics": ("platforms", "surveys", "relative"),
          "category_trends": ("ranking", "tmall")}
# What the page gave Vega-Lite to compile for paper before it received compiled specs.
VEGA_LITE_PRINT_CONFIG = {"axis": {"labelFontSize": 11, "titleFontSize": 11},
                          "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom",
                                     "direction": "horizontal"},
                          "title": {"fontSize": 14, "subtitleFontSize": 11}, "text": {"fontSize": 11}}


def _merged(base: dict | None, over: dict) -> dict:
    """The page's `merged`: `over` into a copy of `base`, object into object."""
    out = dict(base or {})
    for key, value in over.items():
        out[key] = _merged(out.get(key), value) if isinstance(value, dict) else value
    return out


@pytest.mark.parametrize("name,which,lang", [(n, w, lang) for n, ws in CHARTS.items() for w in ws
                                             for lang in ("en", "zh")])
def test_a_compiled_chart_prints_as_vega_lite_compiled_it_for_paper(name, which, lang):
    spec = open_report(name, lang=lang).chart(which).to_dict()
    config = dict(spec.get("config", {}))
    for key, value in VEGA_LITE_PRINT_CONFIG.items():
        config[key] = {**config.get(key, {}), **value}
    before = vlc.vegalite_to_svg({**spec, "config": config})
    vg = vega_spec(json.loads(json.dumps(spec)))
    after = vlc.vega_to_svg({**vg, "config": _merged(vg.get("config"), PRINT_CONFIG)})
    assert after == before
