"""One language per page: what a reader of a zh report or index reads is Chinese, of an en one English.

Every report is run in-process from its own notebook (the cells the shared page keeps, as the build
runs them, without papermill), and each output is turned into what the page shows: Markdown and
HTML as HTML, each chart as its figure block (footer, buttons, citation) and its Vega-Lite spec
(titles, axis and legend titles, legend entries, the values drawn as labels, tooltip titles and
values, the options of bound controls). The index is rendered from the records a build keeps.

A zh page may hold Latin letters only in the names and unit codes of `labels.LATIN_NAMES`; an en
page Chinese only in what the articles say (quotes), their titles and their outlets' names. Code
(`<code>`: parameters, ids, file names) and URLs are neither language.
"""

import ast
import json
import re
from pathlib import Path

import IPython.display
import mistune
import pytest
from bs4 import BeautifulSoup

import xbdata
from xbdata.curate.articles import UNKNOWN_OUTLET, all_articles
from xbdata.reports.figure import figure_html
from xbdata.text.labels import LATIN_NAMES

ROOT = Path(__file__).resolve().parent.parent
# Each report with its defaults, and the variants whose pages say more (a converted currency, one platform).
VARIANTS = [("market_size", {}), ("market_size", {"currency": "USD", "usd_cny_rate": 7.1}),
            ("user_demographics", {}), ("user_demographics", {"platform": "Twitter"}), ("category_trends", {})]
LATIN = re.compile(r"[A-Za-z]+")
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
# What the articles say and who says it: the same words on every page, in the article's language.
ARTICLE_FIELDS = ("quote", "source_title")


def run_notebook(name: str, **params) -> list:
    """What the shared page of `name` shows, in order: each kept cell's displays and its last value."""
    notebook = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    outputs, namespace = [], {}
    real = IPython.display.display
    IPython.display.display = lambda *objects, **_: outputs.extend(objects)
    try:
        for cell in notebook["cells"]:
            tags = set(cell.get("metadata", {}).get("tags", []))
            if cell["cell_type"] != "code" or tags & {"live-only", "notebook-only"}:
                continue
            tree = ast.parse("".join(cell["source"]))
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, name, "exec"), namespace)
            if "parameters" in tags:
                namespace.update(params)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), name, "eval"), namespace)
                if value is not None:
                    outputs.append(value)
    finally:
        IPython.display.display = real
    return outputs


def page_parts(name: str, **params) -> tuple[list[str], list[dict]]:
    """The page of a report as HTML fragments and the Vega-Lite specs of its charts."""
    html, specs = [], []
    for output in run_notebook(name, **params):
        if hasattr(output, "to_dict"):
            spec = output.to_dict()
            specs.append(spec)
            html.append(figure_html(spec))
        elif type(output).__name__ == "Markdown":
            html.append(mistune.html(output.data))
        elif hasattr(output, "_repr_mimebundle_"):
            html.append(output._repr_mimebundle_()["text/html"])
        else:
            html.append(output.data)
    return html, specs


def visible_text(html: str) -> list[str]:
    """The words a reader sees or hears: text outside scripts, styles and code, and the attributes
    a browser shows or reads out (labels, titles, the copy button's status)."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup(["script", "style", "code", "wbr"]):   # <wbr>: where a URL may wrap, not a space
        node.decompose()
    soup.smooth()
    words = [soup.get_text(" ")]
    for attribute in ("aria-label", "title", "alt", "placeholder", "data-done", "data-failed"):
        words += [node[attribute] for node in soup.find_all(attrs={attribute: True})]
    return words


def _layers(spec: dict):
    yield spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for part in spec.get(key, []):
            yield from _layers(part)


def spec_text(spec: dict) -> list[str]:
    """Every word a chart draws or shows: its title and subtitle, description, axis and legend titles,
    legend entries, the values of every field it draws as text, position, colour or tooltip (the
    articles' own words aside), and its controls' names and options."""
    rows = [row for values in spec.get("datasets", {}).values() for row in values]
    words = []
    title = spec.get("title", {})
    words += [title] if isinstance(title, str) else [title.get("text", ""), *title.get("subtitle", [])]
    words.append(spec.get("description", ""))
    for layer in _layers(spec):
        for param in layer.get("params", []):
            bind = param.get("bind") or {}
            words += [bind.get("name", ""), *(bind.get("labels") or bind.get("options") or [])]
        for channel, encoding in layer.get("encoding", {}).items():
            for e in encoding if isinstance(encoding, list) else [encoding]:
                if not isinstance(e, dict):
                    continue
                words += [e.get("title") or "", *(e.get("scale", {}).get("domain", []) if isinstance(
                    e.get("scale", {}).get("domain"), list) else [])]
                if isinstance(e.get("datum"), str):
                    words.append(e["datum"])
                field = e.get("field")
                if field and e.get("type") in ("nominal", "ordinal") and field not in ARTICLE_FIELDS:
                    words += [str(row[field]) for row in rows if row.get(field) is not None]
    return [w for w in words if isinstance(w, str)]


def articles_words() -> list[str]:
    """What the articles say and who says it, longest first: their quotes, titles and outlets, as the
    catalogue holds them now (read once for a whole page's texts, not once for each text)."""
    said = set(xbdata.statistics()["quote"]) | {w for a in all_articles().values()
                                                 for w in (a.title, a.title_en, a.outlet, a.short_outlet)
                                                 if w != UNKNOWN_OUTLET}
    return sorted((w for w in said if w), key=len, reverse=True)


def without_the_articles_words(text: str, said: list[str]) -> str:
    """`text` with `said` (articles_words: the articles' quotes, titles and outlets, verbatim, in the
    article's language) taken out, and URLs."""
    text = re.sub(r"https?://[^\s，。；）)]+", " ", text)
    for words in said:
        text = text.replace(words, " ")
    return text


def stray_latin(texts: list[str]) -> set[str]:
    """Runs of Latin letters in `texts` that are not a name or unit code of the allow-list."""
    names = sorted(LATIN_NAMES, key=len, reverse=True)
    said = articles_words()
    stray = set()
    for text in texts:
        text = without_the_articles_words(text, said)
        for name in names:
            text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", text)
        stray |= {m.group() for m in LATIN.finditer(text)}
    return stray


def stray_chinese(texts: list[str]) -> set[str]:
    said = articles_words()
    return {m.group() for text in texts for m in CHINESE.finditer(without_the_articles_words(text, said))}


def _id(variant):
    name, params = variant
    return "-".join([name, *(f"{k}={v}" for k, v in params.items())])


@pytest.mark.parametrize("variant", VARIANTS, ids=_id)
def test_a_chinese_report_prints_chinese_words_only(variant):
    name, params = variant
    html, specs = page_parts(name, lang="zh", **params)
    assert specs, "the report draws charts"
    assert stray_latin([w for h in html for w in visible_text(h)]) == set(), "page text"
    assert stray_latin([w for s in specs for w in spec_text(s)]) == set(), "chart text"


@pytest.mark.parametrize("variant", VARIANTS, ids=_id)
def test_an_english_report_prints_chinese_only_in_quotes_titles_and_names(variant):
    name, params = variant
    html, specs = page_parts(name, lang="en", **params)
    assert stray_chinese([w for h in html for w in visible_text(h)]) == set(), "page text"
    assert stray_chinese([w for s in specs for w in spec_text(s)]) == set(), "chart text"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_index_speaks_its_reports_language(lang):
    from xbdata.engine.build import report_record
    from xbdata.engine.index import index_page

    entries = {}
    for name, params in VARIANTS:
        record = report_record(name, {"lang": lang, **params})
        entries[_id((name, params))] = {"report": name, "params": {"lang": lang, **params}, "built_at": "2026-12-03T08:00:00+00:00",
                                        "seconds": 4.2, **record}
    page = index_page(entries, tables=["statistics.csv", "xbdata.xlsx"], pdfs=set(entries))
    assert f'<html lang="{lang}">' in page
    words = visible_text(page)
    assert (stray_latin(words) if lang == "zh" else stray_chinese(words)) == set()


def test_the_allow_list_holds_names_and_codes_not_words():
    """The allow-list must not let English prose through: no common English word is on it."""
    common = {"all", "users", "installs", "share", "of", "the", "and", "outside", "China", "market", "size",
              "Black", "Friday", "holiday", "season", "before", "global", "tweets", "observed", "forecast"}
    assert not common & set(LATIN_NAMES)
    assert stray_latin(["TikTok（outside China）", "时期：2022 Black Friday"]) == {"outside", "China", "Black", "Friday"}


def test_an_added_article_s_new_measures_are_named_in_chinese_and_its_dates_cited(tmp_path, monkeypatch):
    """A measure the Chinese table lacks is named by its figure's own Chinese label, never in English;
    a citation carries the article's publication date, and its access date where the manifest has one."""
    from added_articles import add_half_year

    from xbdata.cli import main
    from xbdata.reports.figure import meta
    from xbdata.text.labels import CATALOGUE_ZH, strip_period

    folder = add_half_year(tmp_path, monkeypatch)
    manifest = folder / "sources.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + 'accessed = "2025-08-01"\n', encoding="utf-8")
    main(["review", "--accept-all"])
    frame = xbdata.statistics("zh")
    added = frame[frame["source"].str.startswith("005")]
    new = set(added["measure"]) - set(CATALOGUE_ZH)
    assert new, "the article brings measures the table does not name"
    zh, en = meta(added, "图", "zh", "x"), meta(xbdata.statistics("en").loc[added.index], "chart", "en", "x")
    [note] = [n for n in zh["notes"] if "口径" in n]
    assert stray_latin([note, zh["cite_full"], zh["cite_inline"]]) == set(), (note, zh["cite_full"])
    assert all(any(strip_period(r["label"], r["period"], "zh") in note for _, r in added[added["measure"] == m].iterrows())
               for m in new), note
    assert "2025年7月20日发布" in zh["cite_full"] and "2025年8月1日访问" in zh["cite_full"]
    assert "published 20 July 2025" in en["cite_full"] and "(accessed 1 August 2025)" in en["cite_full"]
    seed = meta(frame[frame["source"].str.startswith("000")].head(1), "图", "zh", "x")["cite_full"]
    assert "发布" not in seed and "访问" not in seed, "the seeds give no date, and none is made up"
    for name in ("market_size", "user_demographics", "category_trends"):   # its measures in dropdowns, series, notes
        html, specs = page_parts(name, lang="zh")
        assert stray_latin([w for h in html for w in visible_text(h)] + [w for s in specs for w in spec_text(s)]) == set(), name


def test_the_growth_slider_shows_a_percent(browser):
    """The scenario's slider reads 10 (in a control named "%"), not 0.1, and the line follows it."""
    from xbdata.reports.charts import enable

    report = xbdata.open_report("market_size", lang="zh", growth_rate=0.1)
    page = browser.new_page()
    page.set_content(enable("zh")._repr_mimebundle_()["text/html"] + figure_html(report.chart("projection").to_dict()))
    page.wait_for_selector(".vega-bindings input[type=range]", timeout=20000)
    label = page.inner_text(".vega-bindings")
    shown = page.eval_on_selector(".vega-bindings input[type=range]", "e => e.value")
    assert "%" in label and float(shown) == 10, (label, shown)
    assert page.evaluate("document.querySelector('.vega-bind-value') === null "
                         "|| document.querySelector('.vega-bind-value').textContent.trim() === '10'")
    page.close()


@pytest.mark.parametrize("period", ["2024", "2024-H1", "2024-Q3", "2024-Q1-Q3", "2024-11", "2024-11-11", "2018-2023",
                                    "2022 Black Friday", "2021 holiday season", "2023 Prime Day", "before 2019",
                                    "unspecified"])
def test_every_form_of_period_reads_in_chinese_and_keeps_its_year(period):
    """Each form the catalogue allows (curate/vocabulary.py, PERIOD) in Chinese words; an event the
    table does not name (Prime Day) leaves its year rather than English or a made-up name."""
    from xbdata.curate.vocabulary import valid_period
    from xbdata.text.labels import period_words

    assert valid_period(period)
    zh = period_words(period, "zh")
    assert not LATIN.search(zh) and CHINESE.search(zh), zh
    assert all(year in zh for year in re.findall(r"\d{4}", period)), zh
    assert period_words(period, "en") == period or not CHINESE.search(period_words(period, "en"))


def test_the_kernel_s_platform_dropdown_reads_as_the_page_s():
    """In JupyterLab the live dropdown shows the same Chinese names as the page's, and still sets the catalogue's values."""
    report = xbdata.open_report("user_demographics", lang="zh")
    dropdown = report.widget().children[0].children[0]
    labels, values = zip(*dropdown.options)
    assert values == tuple(report.report.param("platform").allowed())
    assert "小红书" in labels and labels[0] == "全部" and stray_latin(list(labels)) == set(), labels
