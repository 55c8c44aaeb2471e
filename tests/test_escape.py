"""Text from articles is escaped for the place it lands: each helper is fed arbitrary and hostile
strings, and the result is parsed the way a browser or nbconvert would read it."""

import json
from html.parser import HTMLParser

import mistune
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xbdata.curate.tables
import xbdata.reports.market_size
import xbdata.reports.registry
import xbdata.reports.story
from xbdata.escape import check_url, html_attr, html_text, link, markdown_text, script_json
from xbdata.exceptions import UsageError

HOSTILE = [
    "<script>alert(1)</script>", "</script><img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>', "[click](javascript:alert(1))", "<!-- hidden -->",
    "*emphasis* and _more_ `code`", '"><b>x</b>', "' onmouseover='alert(1)", "&lt;script&gt;", "# heading",
    "1. list\n- item\n> quote", "![img](http://x/y.png)", "<https://example.com>", "javascript:alert(1)",
    "\u2028\u2029", "超过7万亿元 <b>粗体</b>",
]
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60),
                 st.text(alphabet="<>&\"'`*_[]()!#-:/=\\ \nabc", max_size=40))


class Reader(HTMLParser):
    """What a browser would build from a fragment: elements with attributes, comments and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.comments, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_data(self, data):
        self.text.append(data)


def read(fragment: str) -> Reader:
    reader = Reader()
    reader.feed(fragment)
    reader.close()
    return reader


@settings(max_examples=300)
@given(TEXT)
def test_html_text_makes_no_element(value):
    r = read(f"<p>{html_text(value)}</p>")
    assert r.tags == [("p", [])] and r.comments == [] and "".join(r.text) == value


@settings(max_examples=300)
@given(TEXT)
def test_html_attr_stays_one_attribute(value):
    for quote in ('"', "'"):
        r = read(f"<a title={quote}{html_attr(value)}{quote}>x</a>")
        assert r.tags == [("a", [("title", value)])] and r.comments == []


@settings(max_examples=300)
@given(TEXT)
def test_markdown_text_is_literal_text(value):
    rendered = mistune.html(markdown_text(value))
    r = read(rendered)
    assert [t for t, _ in r.tags] in ([], ["p"]) and r.comments == []
    assert "".join(r.text).strip() == " ".join(value.split())


@settings(max_examples=300)
@given(st.one_of(TEXT, st.dictionaries(st.text(max_size=8), TEXT, max_size=3)))
def test_script_json_cannot_leave_its_script(value):
    r = read(f"<script>var spec = {script_json(value)};</script><p>after</p>")
    assert [t for t, _ in r.tags] == ["script", "p"]
    body = r.text[0]
    assert body.startswith("var spec = ") and json.loads(body[len("var spec = "):-1]) == value


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>", "vbscript:x", "file:///etc/passwd", "http://",
                                 "//example.com/x", "https://exa mple.com", 'https://x.com/"onmouseover=1'])
def test_only_http_links(url):
    with pytest.raises(UsageError, match="is not an http\\(s\\) URL"):
        check_url(url)
    assert "<a" not in link(url) and read(link(url)).tags == []


def test_http_links_are_made():
    r = read(link("https://www.summeng.com/42588.html", "文章"))
    assert r.tags == [("a", [("href", "https://www.summeng.com/42588.html"), ("target", "_blank"),
                             ("rel", "noopener noreferrer")])]
    assert check_url("") == ""


def test_a_report_escapes_hostile_catalogue_text(monkeypatch):
    """Labels, quotes, titles and URLs from an article reach the Sources table and headlines as text."""
    frame = xbdata.reports.story.statistics()
    hostile = {"label": "<img src=x onerror=alert(1)> *标签*", "quote": "</td><script>alert(2)</script>",
               "source_title": "<svg onload=alert(3)>", "source_url": "javascript:alert(4)"}
    frame.loc[frame["stat_id"] == "market_size_2022h1", list(hostile)] = list(hostile.values())
    for module in (xbdata.reports.story, xbdata.curate.tables):
        monkeypatch.setattr(module, "statistics", lambda lang="en": frame)
    report = xbdata.reports.registry.open_report("market_size")
    r = read(report.sources().data)
    assert {t for t, _ in r.tags} <= {"h2", "table", "caption", "thead", "tbody", "tr", "th", "td", "br", "wbr", "code", "a", "em"}
    assert not any(k == "href" and v.startswith("javascript") for _, attrs in r.tags for k, v in attrs)
    text = "".join(r.text)
    assert all(v in text for k, v in hostile.items() if k != "source_url")
    line = read(mistune.html(next(h for h in report.headlines() if "market_size_2022h1" in h)))
    assert {t for t, _ in line.tags} <= {"p", "strong", "code"} and "<img src=x onerror=alert(1)> *标签*" in "".join(line.text)



def test_check_refuses_a_manifest_link_that_is_not_http(tmp_path, monkeypatch, capsys):
    import shutil

    from xbdata.cli import main
    from xbdata.curate.articles import _load, seeds_dir

    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    manifest = folder / "sources.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'url = "https://www.summeng.com/42588.html"', 'url = "javascript:alert(1)"'), encoding="utf-8")
    monkeypatch.setenv("XBDATA_SEEDS", str(folder))
    _load.cache_clear()
    try:
        assert main(["check"]) == 2
    finally:
        _load.cache_clear()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not an http(s) URL" in err and "Traceback" not in err


def test_an_id_or_url_may_wrap_only_after_its_separators():
    from xbdata.escape import html_breakable, link

    assert html_breakable("tiktok_users_2019") == "tiktok_<wbr>users_<wbr>2019"
    assert html_breakable('a&b<c>/"d"') == 'a&amp;<wbr>b&lt;c&gt;/<wbr>"d"'      # escaped whole, entities unsplit
    assert html_breakable("https://x.cn/p") == "https://<wbr>x.<wbr>cn/<wbr>p"
    assert link("https://x.cn/p", breakable=True).endswith(">https://<wbr>x.<wbr>cn/<wbr>p</a>")
    assert link("javascript:alert(1)", breakable=True) == "javascript:alert(1)"
