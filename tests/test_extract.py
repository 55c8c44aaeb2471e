import pytest

from xbdata.extract import KINDS, extract_mentions

A, B, C, D, E = ("000_8d48b1a84700725f", "001_1cbe8866d55724c7", "002_6700178db0982fd6",
                 "003_6ffb6ff860af52e7", "004_f2b2ca645d6b4bf5")

# Mentions each seed must yield: (seed, text, value, unit, qualifier, kind)
EXPECTED = [
    (A, "超7万亿", 7e12, None, ">", "statistic"),
    (A, "达到15.7万亿", 15.7e12, None, "=", "statistic"),
    (A, "2022上半年", 2022, "date", "=", "date"),
    (A, "超过三分之一", 100 / 3, "%", ">", "statistic"),
    (A, "近三分之二", 200 / 3, "%", "~", "statistic"),
    (A, "2.7倍", 2.7, "x", "=", "statistic"),
    (A, "第一名", 1, "rank", "=", "statistic"),
    (A, "01", 1, None, "=", "list_marker"),
    (B, "超過1.2億", 1.2e8, "users", ">", "statistic"),
    (B, "高達390萬", 3.9e6, None, "=", "statistic"),
    (B, "幾千元", 5500, "CNY", "~", "statistic"),
    (B, "兩天", 2, "days", "=", "statistic"),
    (C, "63.81%", 63.81, "%", "=", "statistic"),
    (C, "25-32岁", 28.5, "age", "=", "statistic"),
    (C, "2014年2月19日", 2014, "date", "=", "date"),
    (C, "5300多", 5300, "categories", ">", "statistic"),
    (D, "几乎每三个就有两个", 200 / 3, "%", "~", "statistic"),
    (D, "6-25%", 15.5, "%", "=", "statistic"),
    (D, "18至40岁", 29, "age", "=", "statistic"),
    (E, "超过30亿", 3e9, None, ">", "statistic"),
    (E, "增加了一倍", 2, "x", "=", "statistic"),
]


@pytest.mark.parametrize("seed,text,value,unit,qualifier,kind", EXPECTED)
def test_seed_mentions(texts, seed, text, value, unit, qualifier, kind):
    found = [m for m in extract_mentions(texts[seed]) if m.text == text]
    assert found, f"{text!r} not extracted from {seed}"
    m = found[0]
    assert m.value == pytest.approx(value) and (m.unit, m.qualifier, m.kind) == (unit, qualifier, kind)


def test_offsets_and_sentences_index_the_original_text(texts):
    for text in texts.values():
        mentions = extract_mentions(text)
        assert mentions
        for m in mentions:
            assert text[m.start:m.end] == m.text
            assert m.kind in KINDS
            assert m.text in m.sentence
            assert text[m.sentence_start:].lstrip().startswith(m.sentence)
        starts = [m.start for m in mentions]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_any_text_and_both_scripts():
    simplified = "据统计,该平台拥有超过1.2亿用户,约40%来自海外。"
    traditional = "據統計,該平臺擁有超過1.2億用戶,約40%來自海外。"
    a, b = extract_mentions(simplified), extract_mentions(traditional)
    assert [(m.start, m.end, m.value, m.unit, m.qualifier) for m in a] == \
        [(m.start, m.end, m.value, m.unit, m.qualifier) for m in b]
    assert [m.text for m in b] == ["超過1.2億", "約40%"]


def test_urls_latin_words_and_non_numbers_are_not_mentions():
    text = "详见https://example.com/42588.html 或 mail520@foxmail.com。B2B和5G不算,十分重要,千万别忘。"
    assert extract_mentions(text) == []


def test_slogan_parts_are_found_as_other():
    mentions = extract_mentions("今天的心情,三分天注定,七分靠shopping")
    assert [(m.text, m.kind) for m in mentions] == [("三分", "other"), ("七分", "other")]


def test_empty_text():
    assert extract_mentions("") == []
