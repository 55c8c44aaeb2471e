"""Reports as PDF: printed by Debian's headless Chromium from the shared HTML, offline."""

import subprocess

import pytest

from xbdata.exceptions import UsageError
from xbdata.engine.pdf import write_pdf


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", ["market_size", "category_trends"])
def test_a_report_prints_with_its_charts_and_sources(built_reports, tmp_path, name):
    pdf = write_pdf(built_reports / f"{name}.html", tmp_path / f"{name}.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    text = _text(pdf)
    assert text.count("\f") >= 2                                  # several A4 pages
    assert "Sources" in text and "What the articles do not tell us" in text
    assert "PNG" not in text and "Cite this chart" not in text    # controls and buttons are not printed


def test_a_chinese_report_prints_chinese(chinese_reports, tmp_path):
    text = _text(write_pdf(chinese_reports / "user_demographics.html", tmp_path / "user_demographics.pdf"))
    assert "用户画像" in text and "数据来源" in text


def test_without_chromium_a_one_line_error_says_how_to_install_it(built_reports, tmp_path, monkeypatch):
    monkeypatch.setenv("XBDATA_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(UsageError, match="apt-get install chromium") as info:
        write_pdf(built_reports / "market_size.html", tmp_path / "x.pdf")
    assert "\n" not in str(info.value) and not (tmp_path / "x.pdf").exists()



def test_report_pdf_at_the_command_line(tmp_path, capsys):
    from xbdata.cli import main

    assert main(["report", "category_trends", "-p", "top_n", "3", "-o", str(tmp_path), "--pdf"]) == 0
    assert (tmp_path / "category_trends.pdf").read_bytes().startswith(b"%PDF")
    assert "wrote" in capsys.readouterr().err
    assert 'href="category_trends.pdf"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_pdf_without_chromium_exits_2_before_any_kernel(tmp_path, monkeypatch, capsys):
    from xbdata.cli import main

    monkeypatch.setenv("XBDATA_CHROMIUM", str(tmp_path / "no-chromium"))
    assert main(["build", "-o", str(tmp_path / "out"), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install chromium" in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("euid,sandboxed", [(0, False), (1000, True), (None, True)])
def test_chromium_keeps_its_sandbox_unless_it_runs_as_root(monkeypatch, euid, sandboxed):
    """Chromium renders article text: its sandbox stays on, except as root, where Chromium refuses
    to start without --no-sandbox. Where there is no euid (Windows), the sandbox stays on."""
    import os

    from xbdata.engine import pdf

    if euid is None:
        monkeypatch.delattr(os, "geteuid", raising=False)
    else:
        monkeypatch.setattr(os, "geteuid", lambda: euid)
    args = pdf.chromium_args()
    assert ("--no-sandbox" not in args) is sandboxed and "--headless" in args


def test_the_pdf_printer_starts_chromium_with_those_arguments(built_reports, tmp_path, monkeypatch):
    import os
    import sys
    import types

    launched = []

    class Launched(Exception):
        pass

    class Chromium:
        def launch_persistent_context(self, profile, **options):
            launched.append(options["args"])
            raise Launched

    class Playwright:
        chromium = Chromium()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setitem(sys.modules, "playwright.sync_api", types.SimpleNamespace(sync_playwright=Playwright))
    for euid in (0, 1000):
        monkeypatch.setattr(os, "geteuid", lambda: euid)
        with pytest.raises(Launched):
            write_pdf(built_reports / "market_size.html", tmp_path / "x.pdf")
    assert ["--no-sandbox" in args for args in launched] == [True, False]
