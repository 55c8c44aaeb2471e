"""The evaluation: the scorer's arithmetic, the gold files' form, and the extractor's targets.

Failure messages name files and rows, never the articles' text: the held-out articles are for
measuring the extractor, not for reading while working on it.
"""

import csv
import importlib.util
import math
import subprocess
import sys

import pytest

from xbdata.text.extract import Mention
from xbdata.text.script import detect_script


@pytest.fixture(scope="module")
def score(root):
    spec = importlib.util.spec_from_file_location("eval_score", root / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _mention(text, article, value, low, high, unit, qualifier, kind="statistic"):
    start = article.index(text)
    return Mention(start, start + len(text), text, value, low, high, unit, qualifier, kind, article, 0)


ARTICLE = "2024年，平台卖家达5000家，约30%来自广东，退货率为8.5%，客单价超过200元。"
GOLD_CSV = """quote,number,value,low,high,unit,qualifier,note
退货率为8.5%,8.5%,8.5,8.5,8.5,%,=,a hit
2024年，平台,2024年,2024,2024,2024,,=,a miss: the extractor calls it a date
约30%来自广东,约30%,35,35,35,%,~,a wrong reading: the text says 30
客单价超过200元,超过200元,200,200,,CNY,>,a hit with an open top
"""


def test_scorer_counts_a_hit_a_miss_a_wrong_reading_and_a_false_positive(score, tmp_path, monkeypatch):
    path = tmp_path / "a.csv"
    path.write_text(GOLD_CSV, encoding="utf-8")
    gold = score.load_gold(path, ARTICLE)
    assert [ARTICLE[g.start:g.end] for g in gold] == ["8.5%", "2024年", "约30%", "超过200元"]
    mentions = [
        _mention("2024年", ARTICLE, 2024, 2024, 2024, "date", "=", kind="date"),  # not a statistic: no overlap counts
        _mention("5000家", ARTICLE, 5000, 5000, 5000, "merchants", "="),          # false positive
        _mention("约30%", ARTICLE, 30, 30, 30, "%", "~"),                        # overlaps gold, wrong value
        _mention("8.5%", ARTICLE, 8.5, 8.5, 8.5, "%", "="),                      # hit
        _mention("超过200元", ARTICLE, 200.1, 200.1, None, "CNY", ">"),           # hit within 1e-3
    ]
    monkeypatch.setattr(score, "extract_mentions", lambda text: mentions)
    result = score.score_article("a", ARTICLE, gold)
    # Worked by hand: 4 gold, 2 read right (8.5%, 超过200元); 4 statistic mentions, 3 overlap gold.
    assert (result.gold, result.recalled, result.statistics, result.overlapping) == (4, 2, 4, 3)
    assert (result.recall, result.precision) == (0.5, 0.75)
    assert [g.number for g, _ in result.missed] == ["2024年", "约30%"]
    assert [m.text for m in result.extra] == ["5000家"]


@pytest.mark.parametrize("mention_unit,gold_unit,right", [
    (None, "", True), ("merchants", "", True), ("%", "", False), ("CNY", "CNY", True), (None, "CNY", False),
])
def test_an_empty_gold_unit_accepts_no_unit_or_a_counted_noun(score, mention_unit, gold_unit, right):
    gold = score.Gold("q", "n", 0, 1, 5.0, 5.0, 5.0, gold_unit, "=")
    mention = Mention(0, 1, "5", 5.0, 5.0, 5.0, mention_unit, "=", "statistic", "5", 0)
    assert score.reads_right(mention, gold) is right


def test_a_range_must_leave_the_value_empty(score):
    gold = score.Gold("q", "n", 0, 1, None, 20.0, 30.0, "%", "=")
    assert score.reads_right(Mention(0, 1, "x", None, 20.0, 30.0, "%", "=", "statistic", "x", 0), gold)
    assert not score.reads_right(Mention(0, 1, "x", 25.0, 20.0, 30.0, "%", "=", "statistic", "x", 0), gold)


def test_the_command_ends_with_the_summary_line_and_exits_0(root, tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.csv").write_text(GOLD_CSV, encoding="utf-8")
    run = subprocess.run([sys.executable, str(root / "eval" / "score.py"), str(folder), "--verbose"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    last = run.stdout.strip().splitlines()[-1]
    assert last.startswith("recall ") and last.endswith("on 1 articles (4 statistics)")
    assert "missed '2024年'" in run.stdout


# --- the gold files ---------------------------------------------------------------------------

def _articles(root):
    pairs = []
    for folder in ("dev", "heldout"):
        for txt in sorted((root / "eval" / folder).glob("*.txt")):
            pairs.append((f"{folder}/{txt.stem}", txt.read_text(encoding="utf-8"), txt.with_suffix(".csv")))
    return pairs


def test_gold_files_are_well_formed(root):
    """eval/check_gold.py's rules (README.md and FIELDS.md), on every article of the set."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_gold", root / "eval" / "check_gold.py")
    check_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_gold)
    articles = _articles(root)
    assert len(articles) >= 8
    problems, statistics, traditional = [], 0, 0
    for name, text, csv_path in articles:
        if not 300 <= len(text) <= 2000:
            problems.append(f"{name}: {len(text)} characters")
        if not csv_path.exists():
            problems.append(f"{name}: no gold csv")
            continue
        problems += check_gold.check_article(csv_path)
        with open(csv_path, encoding="utf-8", newline="") as f:
            statistics += len(list(csv.DictReader(f)))
        traditional += detect_script(text) == "zh-Hant"
    problems += check_gold.check_published(root / "eval" / "published.csv", {n.split("/")[1] for n, _, _ in articles})
    assert problems == []
    assert traditional >= 2
    assert statistics >= 150


# The extractor's targets (eval/README.md), asserted on each set alone.
RECALL_TARGET, PRECISION_TARGET = 0.95, 0.90


def _set_total(score, folder: str):
    scores = score.score_folder(score.ROOT / "eval" / folder)
    total = score.Score(folder)
    for s in scores:
        total.add(s)
    return scores, total


@pytest.mark.parametrize("folder", ["heldout", "dev"])
def test_the_extractor_meets_its_targets_on_each_set_alone(score, folder):
    """Held-out on its own, and dev on its own: a combined figure would let dev's (tuned to) hide a fall
    on held-out text nobody tuned to."""
    scores, total = _set_total(score, folder)
    assert len(scores) >= 4 and total.gold >= 100, (len(scores), total.gold)
    assert math.isfinite(total.recall) and total.recall >= RECALL_TARGET, (folder, total.recalled, total.gold)
    assert total.precision >= PRECISION_TARGET, (folder, total.overlapping, total.statistics)


@pytest.mark.parametrize("found, gold, right", [
    ("TikTok Shop US", "TikTok Shop", True),          # one within the other, as whole words
    ("Amazon", "TikTok Shop", False),
    ("China cross-border e-commerce", "cross-border e-commerce", True),
    ("unspecified", "Mexico e-commerce", False),
    ("Sea", "Shopee overseas", False),                  # whole words only: Sea is not in "Shopee overseas"
])
def test_subject_and_measure_match_as_whole_words(score, found, gold, right):
    assert score._names_match(found, gold) is right


def test_the_drafts_fields_on_dev_do_not_fall_back(score):
    """A floor under what the drafting rules reach on dev (eval/README.md gives the figures); held-out
    is reported by `make eval` on its own and asserted nowhere it could be tuned to."""
    accuracy = score.field_accuracy(score.ROOT / "eval" / "dev")
    # dev grew by a twelfth and a fourteenth batch on 2026-12-03 (evening), articles nobody had tuned to:
    # the floors are a little under what the larger dev reaches (unit 0.95, topic 0.79, subject 0.62,
    # measure 0.73, measure kind 0.96, geography 0.85, period 0.80, kind 0.96, all 0.35)
    floors = {"unit": 0.94, "topic": 0.77, "subject": 0.6, "measure": 0.71, "measure_kind": 0.95, "geography": 0.84,
              "period": 0.78, "kind": 0.95, "all": 0.34}
    assert {f: accuracy[f] for f in floors if accuracy[f] < floors[f]} == {}


BAND_ARTICLE = "2024年调查显示，25-34岁的受访者占比最高，达到46.2%。受访者平均年龄为32岁。"
BAND_GOLD = """quote,number,value,low,high,unit,qualifier,counts,topic,subject,measure,measure_kind,geography,period,kind,note
25-34岁的受访者,25-34岁,,25,34,age,=,,demographics,survey respondents,age,age,unspecified,2024,survey,
达到46.2%,46.2%,46.2,46.2,46.2,%,=,,demographics,survey respondents,share of respondents,share,unspecified,2024,survey,
平均年龄为32岁,32岁,32,32,32,age,=,,demographics,survey respondents,age,age,unspecified,2024,survey,
"""


def test_an_age_band_recorded_on_its_share_is_left_out_of_the_field_scores(score, tmp_path, monkeypatch):
    """25-34岁 qualifies 46.2% (the draft's band), so it is not scored as a figure of its own; 32岁,
    an average age, is a figure and stays in the scores."""
    (tmp_path / "a.txt").write_text(BAND_ARTICLE, encoding="utf-8")
    (tmp_path / "a.csv").write_text(BAND_GOLD, encoding="utf-8")
    monkeypatch.setattr(score, "load_published", lambda: {"a": "2024-05-01"})
    score._marks_and_bands.cache_clear()
    marks = score.field_marks(tmp_path)
    assert [g.number for _, g, _, _ in marks] == ["46.2%", "32岁"]
    assert score.band_count(tmp_path) == 1
    drafted = {g.number: found for _, g, found, _ in marks}
    assert drafted["46.2%"] is not None and drafted["32岁"] is not None
