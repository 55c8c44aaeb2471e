"""Building reports: execution with defaults and other parameters, skipping, failure, papermill."""

import ast
import json
import re
import shutil

import nbformat
import pytest
from conftest import run_papermill

from xbdata.engine.build import MANIFEST, build
from xbdata.cli import main
from xbdata.reports.parameters import REPORTS, check_parameters
from xbdata.exceptions import UsageError


def _errors(path):
    nb = nbformat.read(path, as_version=4)
    return [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_default_build_writes_reports_tables_and_index(built_reports):
    for name in REPORTS:
        assert _errors(built_reports / f"{name}.ipynb") == []
        page = (built_reports / f"{name}.html").read_text(encoding="utf-8")
        assert page.count('data-xbdata="vega-libraries"') == 1, "the libraries are embedded once per file"
        assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"https?:", page), "nothing is loaded from the network"
        assert "live-only" not in page and "application/vnd.jupyter.widget-view" not in page
        assert "xbdata report notebook" not in page, "notebook-only cells are left out of the export"
    index = (built_reports / "index.html").read_text(encoding="utf-8")
    for name in REPORTS:
        assert f'href="{name}.html"' in index
    assert 'lang="en"' in index and "Built " in index and "summeng.com" in index
    assert (built_reports / "data" / "xbdata_tables.xlsx").exists()
    manifest = json.loads((built_reports / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["reports"]) == set(REPORTS)


def test_every_report_shows_quotes_and_marks_derived_and_scenario(built_reports):
    page = (built_reports / "market_size.html").read_text(encoding="utf-8")
    assert "2022上半年中国跨境电商市场规模超7万亿" in page
    derived_row = re.search(r"market_size_2022h2_implied</code></th>.*?</tr>", page.replace("<wbr/>", "").replace("<wbr>", ""), re.S)
    assert derived_row and "<td>derived</td>" in derived_row.group(), "the derived figure's kind is in Sources"
    assert "Scenario (not from the articles)" in page
    assert "What the articles do not tell us" in page


def test_other_parameters(tmp_path):
    params = {"market_size": {"lang": "zh", "currency": "USD", "usd_cny_rate": 7.1, "growth_rate": 0.12},
              "user_demographics": {"lang": "zh", "platform": "Twitter"},
              "category_trends": {"lang": "en", "market": "United States", "top_n": 3}}
    outcomes = build(out_dir=tmp_path, params=params)
    assert [o.status for o in outcomes] == ["built"] * 3, [o.message for o in outcomes]
    market = (tmp_path / "market_size.html").read_text(encoding="utf-8")
    assert "美元" in market and "1美元 = 7.1元" in market and "12.0%" in market
    assert "情景推算" in market and "平台规模" in market and "Scenario projection" not in market
    demo = (tmp_path / "user_demographics.html").read_text(encoding="utf-8")
    assert "twitter_users_share_16_34" in demo and "xiaohongshu_users_25_32" not in demo
    cats = (tmp_path / "category_trends.html").read_text(encoding="utf-8")
    assert "us_black_friday_2022_rank_toys" in cats and "us_black_friday_2022_rank_games" not in cats


def test_unchanged_rebuild_is_skipped_and_force_rebuilds(built_reports, tmp_path):
    target = tmp_path / "reports"
    shutil.copytree(built_reports, target)
    html_before = (target / "category_trends.html").stat().st_mtime_ns
    outcomes = build(out_dir=target)
    assert [o.status for o in outcomes] == ["skipped"] * 3, [o.message for o in outcomes]
    assert (target / "category_trends.html").stat().st_mtime_ns == html_before
    [forced] = build(["category_trends"], target, force=True)
    assert forced.status == "built"
    assert (target / "category_trends.html").stat().st_mtime_ns != html_before
    # A new kernel, new random widget and chart ids: still the same page, byte for byte.
    assert (target / "category_trends.html").read_bytes() == (built_reports / "category_trends.html").read_bytes()
    assert b"widget-state+json" not in (target / "category_trends.html").read_bytes()


def test_failed_report_keeps_the_last_good_html(built_reports, tmp_path, monkeypatch, capsys):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(_notebooks(), notebooks)
    out = tmp_path / "reports"
    out.mkdir()
    for ext in ("html", "ipynb"):
        shutil.copy(built_reports / f"category_trends.{ext}", out)
    good = (out / "category_trends.html").read_bytes()
    nb = nbformat.read(notebooks / "category_trends.ipynb", as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell("raise RuntimeError('catalogue went missing')"))
    nbformat.write(nb, notebooks / "category_trends.ipynb")
    monkeypatch.setenv("XBDATA_NOTEBOOKS", str(notebooks))
    code = main(["build", "category_trends", "-o", str(out)])
    _, err = capsys.readouterr()
    assert code == 1
    assert re.search(r"report category_trends failed: cell In \[\d+\] \(raise RuntimeError\('catalogue went missing'\)\)", err)
    assert "RuntimeError: catalogue went missing" in err
    assert (out / "category_trends.html").read_bytes() == good
    assert _errors(out / "category_trends.failed.ipynb")
    assert not list(out.glob(".*running*"))


def _notebooks():
    from xbdata.engine.build import notebooks_dir
    return notebooks_dir()


def test_notebooks_run_under_plain_papermill(tmp_path):
    out = tmp_path / "out.ipynb"
    result = run_papermill(str(_notebooks() / "category_trends.ipynb"), str(out), "-p", "lang", "zh", "-p", "top_n", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _errors(out) == []
    assert "品类趋势" in out.read_text(encoding="utf-8") or "参数" in out.read_text(encoding="utf-8")


def test_plain_papermill_gets_the_same_parameter_check(tmp_path):
    out = tmp_path / "out.ipynb"
    result = run_papermill(str(_notebooks() / "market_size.ipynb"), str(out), "-p", "currency", "USD")
    assert result.returncode != 0
    assert "usd_cny_rate is required when currency is USD" in result.stderr + out.read_text(encoding="utf-8")


def test_notebooks_are_clean_and_their_defaults_match_the_registry():
    for report in REPORTS.values():
        nb = nbformat.read(_notebooks() / report.notebook, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code)
        [params] = [c for c in code if "parameters" in c.metadata.get("tags", [])]
        values = {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(params.source).body}
        assert values == report.defaults()
        assert any("live-only" in c.metadata.get("tags", []) for c in code)
        assert all(len(c.source.splitlines()) <= 6 for c in code), "notebook cells stay thin"


BAD = [
    (["report", "nope"], "unknown report 'nope' (reports: market_size, user_demographics, category_trends)"),
    (["report", "market_size", "-p", "colour", "red"], "report market_size has no parameter 'colour' (parameters: lang,"),
    (["report", "market_size", "-p", "growth_rate", "fast"], "parameter growth_rate must be a number from 0 to 0.3 or none (got 'fast')"),
    (["report", "market_size", "-p", "growth_rate", "0.9"], "parameter growth_rate must be a number from 0 to 0.3 or none (got 0.9)"),
    (["report", "market_size", "-p", "horizon_years", "2.5"], "parameter horizon_years must be a whole number from 1 to 15 (got '2.5')"),
    (["report", "market_size", "-p", "lang", "fr"], "parameter lang must be one of zh, en (got 'fr')"),
    (["report", "market_size", "-p", "currency", "USD"], "parameter usd_cny_rate is required when currency is USD"),
    (["report", "user_demographics", "-p", "platform", "MySpace"], "parameter platform must be one of all, TikTok, Twitter, Xiaohongshu"),
    (["report", "category_trends", "-p", "market", "__import__('os').system('true')"], "parameter market must be one of all"),
    (["build", "nope"], "unknown report 'nope'"),
]


@pytest.mark.parametrize("argv,message", BAD)
def test_bad_parameters_exit_2_before_any_kernel(capsys, tmp_path, argv, message):
    code = main([*argv, "-o", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "out").exists(), "nothing ran, nothing was written"


def test_check_parameters_api():
    assert check_parameters("market_size")["growth_rate"] is None, "none: the articles' own growth, else 10%"
    assert check_parameters("market_size", horizon_years=3.0)["horizon_years"] == 3
    with pytest.raises(UsageError):
        check_parameters("market_size", horizon_years=True)


def test_the_index_has_a_card_per_report_and_links_every_table(built_reports):
    """Each report's title and lead, and a relative link to every CSV and the workbook that exist in data/."""
    import html
    import re

    from xbdata.reports.parameters import REPORTS

    page = (built_reports / "index.html").read_text(encoding="utf-8")
    for report in REPORTS.values():
        assert all(words in html.unescape(page) for words in (report.title["en"], report.lead["en"]))
        assert report.lead["zh"] not in html.unescape(page), "one language per page"
    links = set(re.findall(r'href="(data/[^"]+)"', page))
    files = {f"data/{p.name}" for p in (built_reports / "data").iterdir() if p.suffix in (".csv", ".xlsx")}
    assert links == files and "data/xbdata_tables.xlsx" in links and len(files) >= 6
