"""The shared report carries only the CSS its page can use (xbdata/engine/css.py)."""

from xbdata.engine.css import page_classes, slim_page, used_css

CSS = """
:root { --used: red; --via: var(--deep); --deep: 1px; --unused: url("data:image/svg+xml;base64,AAAA"); }
.present { color: var(--used); }
.absent { color: blue; }
.present .absent, .present > b { border: var(--via) solid; }
@media print { .absent { display: none; } .present { display: block; } }
@media screen { .gone { color: red; } }
body { margin: 0; }
.vega-bindings select { font-size: 12px; }
"""


def test_rules_that_cannot_match_are_left_out():
    out = used_css(CSS, {"present"})
    assert ".present{color:var(--used);}" in out.replace(" ", "")
    assert ".absent{color:blue;}" not in out.replace(" ", "") and ".gone" not in out
    assert ".present .absent, .present > b" in out            # one selector of the list can match
    assert "@media print" in out and "@media screen" not in out
    assert "body" in out and ".vega-bindings select" in out     # elements, and classes scripts add


def test_only_variables_something_reads_are_kept():
    out = used_css(CSS, {"present"})
    assert "--used:red" in out.replace(" ", "") and "--via:" in out and "--deep:1px" in out.replace(" ", "")
    assert "--unused" not in out


def test_a_page_keeps_small_styles_and_its_classes_are_found():
    page = f'<html><style>{CSS * 400}</style><style>.tiny {{}}</style><p class="present x">a</p></html>'
    assert page_classes(page) == {"present", "x"}
    slim = slim_page(page)
    assert len(slim) < len(page) * 0.6 and ".tiny {}" in slim and '<p class="present x">a</p>' in slim
