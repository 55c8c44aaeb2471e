"""One vocabulary of units (xbdata/text/units.py): every table that reads, guesses, checks or writes a
unit speaks it, so none can drift (the parser once read 消费者 as a unit the loader refused)."""

import pytest

from xbdata.curate import rules
from xbdata.curate.catalogue import validate_row
from xbdata.exceptions import CatalogueError
from xbdata.text import labels, units, words
from xbdata.text.formatting import format_value
from xbdata.text.numbers import parse_quantity


def test_every_unit_the_parser_reads_is_in_the_vocabulary():
    read = {u for u, _ in words.UNIT_WORDS.values() if u} | set(words.UNIT_SIGNS.values()) | set(words.COUNT_NOUNS.values())
    read |= set(words.CLASSIFIER_UNITS.values())
    known = set(units.UNITS) | {units.UNNAMED_PESO}
    assert read <= known, read - known


def test_every_unit_a_rule_names_is_in_the_vocabulary():
    named = {u for rule in rules.RULES for u in rule.units} | {rule.value for rule in rules.RULES if rule.field == "unit"}
    assert named <= set(units.UNITS) | {""}, named - set(units.UNITS)


def test_every_unit_has_words_for_the_reader_in_both_languages():
    for unit in units.UNITS:
        if unit in units.MONEY:
            assert unit in labels.CURRENCY_WORDS, unit
        elif unit not in (units.PERCENT, units.MULTIPLE, units.RANK):
            zh, en = labels.UNIT_WORDS[unit]
            assert zh and en, unit


def test_every_unit_but_percent_implies_its_measure_kind():
    assert set(units.MEASURE_KIND_OF_UNIT) == set(units.UNITS) - {units.PERCENT}


@pytest.mark.parametrize("number, unit, zh, en", [
    # read, then written back: the unit comes from the article's own words, by hand here
    ("3亿消费者", "consumers", "3亿名消费者", "300 million consumers"),
    ("1200名受访者", "respondents", "1200名受访者", "1,200 respondents"),
    ("48小时", "hours", "48小时", "48 hours"),
    ("4.4个百分点", "pp", "4.4个百分点", "4.4 percentage points"),
])
def test_a_counted_unit_reads_writes_and_loads(number, unit, zh, en):
    q = parse_quantity(number)
    assert q.unit == unit
    assert format_value(q.value, q.unit, lang="zh") == zh
    assert format_value(q.value, q.unit, lang="en") == en


def test_the_loader_accepts_a_unit_of_the_vocabulary_and_refuses_any_other():
    text = "据调查，共有1200名受访者参与。"
    row = {"stat_id": "probe_respondents", "source": "999_0000000000000000", "quote": "共有1200名受访者参与",
           "number": "1200名受访者", "unit": "", "topic": "demographics", "subject": "survey", "measure": "respondents",
           "measure_kind": "", "breakdown": "", "band": "", "geography": "China", "period": "2024", "kind": "survey",
           "label_zh": "受访者人数", "label_en": "Respondents"}
    validate_row(dict(row), {"999_0000000000000000": text}, name="probe")
    with pytest.raises(CatalogueError, match="unit"):
        validate_row({**row, "number": "1200", "unit": "bananas"}, {"999_0000000000000000": text}, name="probe")


@pytest.mark.parametrize("text, value", [
    ("約 58.6 億澳門元", 58.6e8), ("312 澳門元", 312), ("MOP$1,200", 1200), ("澳门元3,500", 3500), ("5000葡币", 5000),
])
def test_macau_patacas_are_read_as_mop(text, value):
    from xbdata.text.extract import extract_mentions
    mention = extract_mentions(text)[0]
    assert (mention.unit, mention.value) == ("MOP", value)


@pytest.mark.parametrize("text, value, unit", [
    ("跨境包裹共 1 236 萬件", 12360000, "items"), ("訪問了 2 300 名居民", 2300, "people"),
    ("總額 12 345 678 元", 12345678, "CNY"), ("補助擴至 600 家", 600, "firms"), ("增長 1 236.5 萬元", 12365000, "CNY"),
])
def test_thousands_grouped_by_spaces_and_a_counting_word_after_a_space_are_read(text, value, unit):
    from xbdata.text.extract import extract_mentions
    mention = extract_mentions(text)[0]
    assert (mention.value, mention.unit) == (value, unit)


def test_digits_grouped_otherwise_stay_apart():
    from xbdata.text.extract import extract_mentions
    # a hotline's groups are not thousands; two figures a space apart in a list stay two
    assert 4008206618 not in [m.value for m in extract_mentions("咨询热线 400 820 6618")]
    assert [m.value for m in extract_mentions("分别为 12.5 % 和 8 %")] == [12.5, 8]
