"""xbdata review: each action and each mistake, and the review panel driven from Python (no browser)."""

import csv

import pytest

from added_articles import TRADITIONAL, add_half_year
from xbdata.cli import main


@pytest.fixture
def folder(tmp_path, monkeypatch, capsys):
    target = add_half_year(tmp_path, monkeypatch)
    capsys.readouterr()
    return target


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def rows(folder, name):
    path = folder / name
    return list(csv.DictReader(open(path, encoding="utf-8"))) if path.exists() else []


@pytest.mark.parametrize("argv,message", [
    (["--accept", "005-99"], "unknown draft id '005-99'"),
    (["--accept", "007-1"], "unknown draft id '007-1'"),
    (["--accept", "nonsense"], "unknown draft id 'nonsense'"),
    (["--accept", "005-1", "005-99"], "unknown draft id '005-99'"),        # all or nothing
    (["--reject", "005-4"], "--reject needs --reason"),
    (["--reject", "005-4", "--reason", "  "], "--reject needs --reason"),
    (["--edit", "005-1", "colour=red"], "unknown field 'colour'"),
    (["--edit", "005-1", "source=000_8d48b1a84700725f"], "unknown field 'source'"),
    (["--edit", "005-1", "topic=weather"], "topic must be one of"),
    (["--edit", "005-1", "kind=derived"], "kind must be one of"),
    (["--edit", "005-1", "unit=bananas"], "unit must be one of"),
    (["--edit", "005-1", "action=maybe"], "action must be one of"),
    (["--edit", "005-1", "stat_id=Bad Id"], "stat_id must be"),
    (["--edit", "005-1", "stat_id=market_size_2022h1"], "already used"),
    (["--edit", "005-1", "subject="], "subject may not be empty"),
    (["--edit", "005-1", "topic"], "expects FIELD=VALUE"),
    (["--edit", "005-1"], "--edit needs ID FIELD=VALUE"),
    (["--accept", "005-1", "--accept-all"], "one of --accept, --accept-all at a time"),
    (["--reason", "x"], "--reason goes with --reject"),
    (["--accept-all", "--article", "009"], "unknown article '009'"),
])
def test_mistakes_exit_2_with_one_line_and_write_nothing(capsys, folder, argv, message):
    before = snapshot(folder)
    code, out, err = run(capsys, "review", *argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1, err
    assert snapshot(folder) == before


def test_listing(capsys, folder):
    code, out, _ = run(capsys, "review")
    assert code == 0 and "12 drafts, 12 pending" in out
    assert "005-4    exclusion  2024年  (date)" in out
    assert "label 2025年上半年中国跨境电商进出口额" in out


def test_accept_writes_validated_rows(capsys, folder):
    code, out, _ = run(capsys, "review", "--accept", "005-1", "005-4")
    assert code == 0 and "accepted 005-1 as china_xborder_import_and_export_value_2025_h1" in out
    assert [r["stat_id"] for r in rows(folder, "catalogue.csv")] == ["china_xborder_import_and_export_value_2025_h1"]
    assert [r["text"] for r in rows(folder, "exclusions.csv")] == ["2024年"]
    with open(folder / "catalogue.csv", encoding="utf-8") as f:
        from xbdata.curate.catalogue import CATALOGUE_COLUMNS
        assert f.readline().strip() == ",".join(CATALOGUE_COLUMNS)
    code, _, err = run(capsys, "review", "--accept", "005-1")
    assert code == 2 and "draft 005-1 is already accepted" in err


def test_a_draft_the_loader_would_refuse_is_not_accepted(capsys, folder):
    assert run(capsys, "review", "--edit", "005-9", "unit=")[0] == 0     # 达到3亿: nothing says what is counted
    before = snapshot(folder)
    code, out, err = run(capsys, "review", "--accept", "005-9")
    assert code == 2 and "draft 005-9" in err and "field unit is empty" in err and err.count("\n") == 1
    assert snapshot(folder) == before
    code, out, err = run(capsys, "review", "--edit", "005-1", "quote=这句话不在文章里")
    code, out, err = run(capsys, "review", "--accept", "005-1")
    assert code == 2 and "is not in the article" in err
    run(capsys, "review", "--edit", "005-8", "topic=platform", "subject=China sellers")
    code, out, err = run(capsys, "review", "--accept", "005-8")
    assert code == 2 and "topic platform needs a subject naming a platform or company" in err


def test_accept_all_keeps_what_fails_pending(capsys, folder):
    run(capsys, "review", "--edit", "005-9", "unit=")
    code, out, err = run(capsys, "review", "--accept-all")
    assert code == 1 and "kept pending 005-9: draft 005-9" in err and "field unit is empty" in err
    assert "kept pending 005-10: period: no date near the number (the article was published in 2025)" in err   # unsure: not taken
    assert "9 reviewed, 3 kept pending" in out
    code, out, _ = run(capsys, "check")
    assert code == 1 and "3 drafts await review" in out
    run(capsys, "review", "--edit", "005-9", "unit=users")
    run(capsys, "review", "--edit", "005-10", "period=2025-H1")        # a person's period is no guess
    run(capsys, "review", "--accept", "005-12")
    assert run(capsys, "review", "--accept-all")[0] == 0
    code, out, _ = run(capsys, "check")
    assert code == 0 and "every mention accounted for" in out


def test_edit_then_accept_uses_the_edit(capsys, folder):
    code, out, _ = run(capsys, "review", "--edit", "005-3", "stat_id=china_exports_2025h1", "label_en=China's exports, H1 2025")
    assert code == 0 and "edited 005-3: stat_id = china_exports_2025h1" in out
    run(capsys, "review", "--accept", "005-3")
    assert rows(folder, "catalogue.csv")[0]["stat_id"] == "china_exports_2025h1"
    assert rows(folder, "catalogue.csv")[0]["label_en"] == "China's exports, H1 2025"


def test_an_exclusion_can_become_a_statistic(capsys, folder):
    assert run(capsys, "review", "--edit", "005-11", "action=statistic", "topic=demographics",
               "measure=age band", "subject=survey respondents")[0] == 0
    code, out, err = run(capsys, "review", "--accept", "005-11")
    assert code == 0, err
    assert rows(folder, "catalogue.csv")[0]["number"] == "25-34岁"


def test_a_statistic_turned_exclusion_needs_a_reason(capsys, folder):
    run(capsys, "review", "--edit", "005-10", "action=exclusion")
    code, _, err = run(capsys, "review", "--accept", "005-10")
    assert code == 2 and "needs a reason" in err
    run(capsys, "review", "--edit", "005-10", "reason=an attitude, not a market figure")
    assert run(capsys, "review", "--accept", "005-10")[0] == 0
    assert rows(folder, "exclusions.csv")[0]["reason"] == "an attitude, not a market figure"


def test_terminal_output_has_no_control_characters(capsys, tmp_path, folder):
    path = tmp_path / "esc.txt"
    path.write_text("平台用户\x1b[31m超过3亿。\n", encoding="utf-8")
    assert main(["add", str(path), "--title", "escape"]) == 0
    out = capsys.readouterr().out
    code, out, _ = run(capsys, "review")
    assert "\x1b" not in out and "\ufffd" in out


# --- the panel -----------------------------------------------------------------------------------

def test_review_all_shows_each_reason(capsys, folder):
    run(capsys, "review", "--reject", "005-2", "--reason", "growth is reported elsewhere")
    run(capsys, "review", "--accept", "005-4", "005-1")
    code, out, _ = run(capsys, "review", "--all")
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("005-2 "))
    assert "[excluded]" in lines[at] and "reason: growth is reported elsewhere" in "\n".join(lines[at:at + 3])
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("005-4 "))
    assert "[excluded]" in lines[at] and "date: when something happened" in lines[at]
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("005-1 "))
    assert "[accepted]" in lines[at] and "-> china_xborder_import_and_export_value_2025_h1" in lines[at]


def test_the_drafts_table_says_which_kind_is_which(folder):
    from xbdata.curate.review import drafts_table
    from xbdata.curate.vocabulary import KINDS

    table = drafts_table().set_index("draft")
    assert set(table["kind"]) <= set(KINDS) and table.loc["005-7", "kind"] == "forecast"    # the figure's kind
    assert table.loc["005-4", "mention_kind"] == "date" and table.loc["005-1", "mention_kind"] == "statistic"
    assert "stat_kind" not in table.columns


def test_panel_flows_to_the_next_draft_in_its_own_words(capsys, folder):
    from xbdata.explore.review_panel import review_panel

    p = review_panel()
    assert p.article.value.startswith("005_") and "12 pending" in p.article.options[0][0]
    assert p.drafts.value == "005-1"
    assert "<mark>今年上半年我国跨境电商进出口额<b>达到1.32万亿元</b></mark>" in p.detail.value
    p.drafts.value = "005-3"
    p.accept.click()
    assert "Accepted 005-3 as china_xborder_export_value_2025_h1." in p.message.value
    assert p.drafts.value == "005-4" and "005-3" not in {v for _, v in p.drafts.options}   # the next, not the first
    assert "出口额为<b>1.03万亿元</b>" not in p.detail.value and "<b>2024年</b>" in p.detail.value

    p.reject.click()                      # no reason yet
    assert "Write in the reason box why 005-4 is not a statistic, then reject it." in p.message.value
    assert p.drafts.value == "005-4"
    p.reason.value = "a year, not a figure"
    p.reject.click()
    assert "Rejected 005-4: a year, not a figure." in p.message.value
    assert p.reason.value == "" and p.drafts.value == "005-5"

    p.drafts.value = "005-10"
    p.field.value = "period"
    assert p.value.value == "2025"        # the current proposal, ready to change
    p.value.value = "2025-H1"
    p.edit.click()
    assert "Edited 005-10: period is now “2025-H1”." in p.message.value and p.drafts.value == "005-10"
    assert "stat_id follows: “survey_respondents_share_of_respondents_2025_h1”" in p.message.value
    p.field.value = "topic"
    p.value.value = "weather"
    p.edit.click()
    assert "topic must be one of" in p.message.value and p.drafts.value == "005-10"

    p.drafts.value = "005-12"             # the last: the next pending draft is then the first
    p.accept.click()
    assert "Accepted 005-12" in p.message.value and p.drafts.value == "005-1"

    p.accept_all.click()
    # what accept-all would not take on trust stays, with the reason: 005-9 is edited to have no unit
    assert "Accepted 005-1 as china_xborder_import_and_export_value_2025_h1." in p.message.value
    assert "Excluded 005-6: date: when something happened" in p.message.value
    assert "left for you to check" not in p.message.value
    while p.drafts.options:
        p.accept.click()
    assert "Every draft of this article is reviewed" in p.detail.value and p.drafts.options == ()
    for widget in (p.message, p.detail):
        assert "--" not in widget.value and "xbdata review" not in widget.value
    assert {r["stat_id"] for r in rows(folder, "catalogue.csv")} >= {"china_xborder_import_and_export_value_2025_h1",
                                                                      "survey_respondents_share_of_respondents_2025_h1"}


def test_panel_accept_all_leaves_the_unsure_in_its_own_words(capsys, folder):
    from xbdata.explore.review_panel import review_panel

    run(capsys, "review", "--edit", "005-9", "unit=")
    p = review_panel()
    p.accept_all.click()
    message = p.message.value
    assert "Left pending 005-10: period: no date near the number (the article was published in 2025)" in message
    assert "Left pending 005-9: draft 005-9" in message and "field unit is empty" in message
    assert "9 reviewed, 3 left for you to check." in message
    assert "--" not in message and "accept-all" not in message
    assert p.drafts.value == "005-9"


def test_panel_keys_accept_reject_edit_and_move(capsys, folder):
    from xbdata.explore.review_panel import review_panel

    p = review_panel()
    p.keys.value = "j"
    assert p.drafts.value == "005-2" and p.keys.value == ""
    p.keys.value = "j"
    p.keys.value = "k"
    assert p.drafts.value == "005-2"
    p.keys.value = "a"
    assert "Accepted 005-2" in p.message.value and p.drafts.value == "005-3"
    p.keys.value = "r"
    assert "Write in the reason box why 005-3" in p.message.value and p.drafts.value == "005-3"
    p.reason.value = "a part of 005-1"
    p.keys.value = "r"
    assert "Rejected 005-3: a part of 005-1." in p.message.value and p.drafts.value == "005-4"
    p.field.value = "reason"
    p.value.value = "the year of the forecast"
    p.keys.value = "e"
    assert "Edited 005-4: reason is now “the year of the forecast”." in p.message.value
    p.keys.value = "x"
    assert "Keys: a accept, r reject, e edit, j next, k previous" in p.message.value
    p.keys.value = "k"
    p.keys.value = "k"
    assert p.drafts.value == "005-1"      # the first stays the first


def test_panel_in_zh_speaks_zh(capsys, folder):
    from xbdata.explore.review_panel import review_panel

    p = review_panel("zh")
    assert [b.description for b in (p.accept, p.reject, p.edit, p.accept_all)] == ["采纳", "驳回", "修改", "采纳本文全部"]
    assert [x.description for x in (p.article, p.drafts, p.reason, p.field, p.value, p.keys)] == \
        ["文章", "待审", "理由", "字段", "值", "快捷键"]
    assert p.article.options[0][0].endswith("12 条待审") and p.drafts.options[0][0] == "005-1 · 统计 · 达到1.32万亿元"
    assert "建议作为<b>统计</b>（提取器的判断：统计数字）" in p.detail.value and "待审" in p.detail.value
    p.reject.click()
    assert p.message.value == "请在“理由”框写明 005-1 为什么不是统计数字，再驳回。"
    p.accept.click()
    assert p.message.value == "已采纳 005-1，编号 china_xborder_import_and_export_value_2025_h1。" and p.drafts.value == "005-2"
    p.reason.value = "已有进出口额"
    p.reject.click()
    assert p.message.value == "已驳回 005-2：已有进出口额。" and p.reason.value == ""
    p.keys.value = "x"
    assert p.message.value.startswith("快捷键：a 采纳")


def test_panel_labels_are_whole(folder):
    from xbdata.explore.review_panel import review_panel

    p = review_panel()
    assert p.accept_all.description == "Accept all in this article"
    buttons = (p.accept, p.reject, p.edit, p.accept_all)
    assert all(b.layout.width == "auto" for b in buttons)                   # as wide as the words
    assert all(x.style.description_width == "initial" for x in (p.article, p.drafts, p.reason, p.field, p.value, p.keys))
    assert "跨境电商半年观察" in p.article.options[0][0]


def test_panel_escapes_the_article(capsys, tmp_path, folder):
    from xbdata.explore.review_panel import review_panel

    path = tmp_path / "trad.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    assert main(["add", str(path), "--title", "<img src=x onerror=alert(1)>", "--url", "https://example.com/t"]) == 0
    p = review_panel()
    p.article.value = next(v for _, v in p.article.options if v.startswith("006_"))
    p.drafts.value = next(v for label, v in p.drafts.options if "18%" in label)
    html = p.detail.value
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;同比增長&lt;/b&gt;<b>18%</b>" in html
    assert '<a href="https://example.com/t"' in html


def test_panel_without_articles(tmp_path, monkeypatch):
    from xbdata.explore.review_panel import review_panel

    monkeypatch.setenv("XBDATA_ARTICLES", str(tmp_path / "none"))
    p = review_panel()
    assert p.article.options == () and "No added articles yet" in p.detail.value


def test_review_notebook_is_small_clean_and_runs(root, folder):
    import json   # (not nbformat: its validator takes seconds to import)

    nb = json.loads((root / "notebooks" / "review.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    sources = ["".join(c["source"]) for c in code]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert all(len(source.splitlines()) <= 3 for source in sources)
    namespace = {}
    for source in sources:
        exec(compile(source, "review.ipynb", "exec"), namespace)
    from xbdata.curate.review import drafts_table
    from xbdata.explore.review_panel import ReviewPanel

    assert sources[0] == 'lang = "en"  # zh for the panel in Chinese' and "parameters" in code[0]["metadata"]["tags"]
    panel = eval(sources[1].splitlines()[-1], namespace)
    assert isinstance(panel, ReviewPanel) and panel.lang == "en"
    assert len(drafts_table()) == 12
    assert "mention_kind" in sources[-1] and '"kind"' in sources[-1]   # the figure's kind, beside the extractor's


def test_a_mention_the_extractor_finds_later_gets_a_draft(capsys, folder):
    import json

    path = next((folder / "drafts").glob("005_*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["drafts"] = [d for d in data["drafts"] if d["mention"]["text"] != "5.7%"]   # as if not found at add time
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "review")
    assert code == 0 and "005-13   statistic  5.7%" in out
    draft = next(d for d in json.loads(path.read_text(encoding="utf-8"))["drafts"] if d["id"] == "005-13")
    assert draft["row"]["measure_kind"] == "growth" and "extractor finds this mention now" in draft["notes"][-1]
    assert run(capsys, "review", "--accept-all")[0] == 1             # the unsure ones wait for a person
    assert run(capsys, "review", "--accept", "005-10", "005-12")[0] == 0
    assert run(capsys, "check")[0] == 0


def test_review_without_added_articles(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XBDATA_ARTICLES", str(tmp_path / "none"))
    code, out, _ = run(capsys, "review")
    assert code == 0 and "no added articles in" in out
    code, out, err = run(capsys, "review", "--accept", "005-1")
    assert code == 2 and "no added articles in" in err and err.count("\n") == 1
    assert not (tmp_path / "none").exists()


def test_an_edit_re_derives_what_depends_on_it_unless_set_by_hand(capsys, folder):
    import json

    code, out, _ = run(capsys, "review", "--edit", "005-3", "subject=China exports")
    assert code == 0 and "stat_id follows" in out and "label_en follows" in out
    draft = next(d for d in json.loads(next((folder / "drafts").glob("005_*.json")).read_text(encoding="utf-8"))["drafts"]
                 if d["id"] == "005-3")
    assert draft["row"]["stat_id"].startswith("china_exports_export_value_2025_h1")
    assert draft["row"]["label_en"] == "China exports: export value, 2025-H1"
    run(capsys, "review", "--edit", "005-3", "label_en=Exports of China, first half of 2025")
    code, out, _ = run(capsys, "review", "--edit", "005-3", "period=2025-Q2")
    assert "stat_id follows" in out and "label_en follows" not in out     # the hand-written label stays
    run(capsys, "review", "--accept", "005-3")
    row = rows(folder, "catalogue.csv")[0]
    assert (row["period"], row["label_en"]) == ("2025-Q2", "Exports of China, first half of 2025")
    assert row["stat_id"].endswith("2025_q2")


@pytest.mark.parametrize("assignment, message", [
    ("period=last spring", "period must be written"),
    ("period=2025-13", "period must be written"),
    ("period=2025-02-30", "period must be written"),
    ("period=2023-2018", "period must be written"),
    ("measure={unit}", "may not hold { or }"),
    ("unit=PESO", "unit must be one of"),
    ("measure_kind=sideways", "measure_kind must be one of"),
])
def test_an_edit_is_checked_as_the_loader_checks_and_writes_nothing_if_wrong(capsys, folder, assignment, message):
    before = snapshot(folder)
    code, _, err = run(capsys, "review", "--edit", "005-1", assignment)
    assert code == 2 and message in err and err.count("\n") == 1
    assert snapshot(folder) == before


def test_a_share_over_100_is_refused_as_the_loader_refuses_it():
    from xbdata.curate.catalogue import validate_row
    from xbdata.exceptions import CatalogueError

    article = "005_0000000000000000"
    text = "该平台今年的订单量大增520%，创下新高。"
    row = {"stat_id": "probe_orders_growth", "source": article, "quote": "该平台今年的订单量大增520%", "number": "520%",
           "unit": "", "topic": "platform", "subject": "Temu", "measure": "growth in orders", "measure_kind": "growth",
           "breakdown": "", "band": "", "geography": "Global", "period": "2025", "kind": "observed",
           "label_zh": "订单量增幅", "label_en": "Temu: growth in orders, 2025"}
    assert validate_row(row, {article: text}, name="probe")["value"] == 520
    with pytest.raises(CatalogueError, match="a share lies within 0-100"):
        validate_row({**row, "measure_kind": "share"}, {article: text}, name="probe")
    with pytest.raises(CatalogueError, match="period 'last year' is not written"):
        validate_row({**row, "period": "last year"}, {article: text}, name="probe")
    with pytest.raises(CatalogueError, match="holds a template's braces"):
        validate_row({**row, "measure": "{unit}"}, {article: text}, name="probe")


def test_a_reviewed_file_that_is_not_utf8_is_one_line_not_a_traceback(capsys, folder):
    (folder / "catalogue.csv").write_bytes("stat_id,source\n".encode() + "é".encode("latin-1"))
    code, _, err = run(capsys, "review")
    assert code == 2 and "not a CSV file in UTF-8" in err and err.count("\n") == 1


def test_a_failed_edit_writes_nothing_not_even_new_drafts(capsys, folder):
    import json

    path = next((folder / "drafts").glob("005_*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["drafts"] = [d for d in data["drafts"] if d["mention"]["text"] != "5.7%"]   # as if not found at add time
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = snapshot(folder)
    assert run(capsys, "review", "--edit", "005-1", "period=sometime")[0] == 2
    assert snapshot(folder) == before


def test_editing_the_place_names_whose_peso_it_is(capsys, tmp_path, folder):
    article = tmp_path / "mx.txt"
    article.write_text("拉美电商观察\n\n2024年墨西哥电商销售额达到7897亿比索。\n", encoding="utf-8")
    assert run(capsys, "add", str(article), "--title", "墨西哥", "--published", "2025-03-01")[0] == 0
    import json

    def draft():
        path = sorted((folder / "drafts").glob("*.json"))[-1]
        return next(d for d in json.loads(path.read_text(encoding="utf-8"))["drafts"] if "比索" in d["mention"]["text"])

    assert draft()["row"]["unit"] == "MXN"
    number = draft()["id"]
    code, out, _ = run(capsys, "review", "--edit", number, "geography=Argentina")
    assert code == 0 and "unit follows: 'MXN' -> 'ARS'" in out and draft()["row"]["unit"] == "ARS"
