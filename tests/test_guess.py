"""The guessing rules of xbdata/curate/rules.py, applied by propose.py: every rule in the table, and the rules written as code.

The test texts are written here, in the style of industry reporting; no sentence is copied.
"""

import re

import pytest

from xbdata.curate.catalogue import locate
from xbdata.text.extract import KINDS, extract_mentions
from xbdata.curate.rules import _ONLY_TRADE, WILL, PLACE_WORDS, PLATFORM_WORDS, REASONS, RULES, SCOPES
from xbdata.curate.propose import (Where, guess_field, guess_period, label_zh, latin_names_of, places_of, propose,
                          quote_window)
from xbdata.text.script import to_simplified

PUBLISHED = "2025-07-20"
NUMBER = "100"

# Examples for rules whose pattern is a regular expression rather than plain words.
EXAMPLES = {
    r"^(?!.*(?:增速|增幅|增长率|年增率)).*(?:提高|提升|上升|升|增|增长|增加|涨|下降|降|回落|扩大|缩小|跌)了?(?:到|至)": "比重提高到",
    r"高出|可能性|更可能|更有可能|(?<![远略])高(?=\s?$)": "高出",
    r"(?:增速|增幅|增长率|年增率)[^，。；\d]{0,8}(?:回落|下降|降|放缓|减缓|下滑)(?:到|至)": "增速回落至",
    r"(?:服装|服饰|女装|男装|鞋靴|箱包|鞋服|消费电子|电子产品|3C|数码|家居|家具|家装|玩具|美妆|化妆品|个护|美容|母婴|宠物|户外|运动用品|游戏|食品|零食|保健品|营养品|健康产品)(?!电商|产业|行业|企业|工厂|基地|城)": "服装类目",
    r"\d+岁|\d0后|年龄|女性|男性|Z世代|千禧一代|年轻人": "30岁以下的消费者",
    WILL: "将同比增长",
    r"^(?!.*(?:跨境|电商|占|比重|相当于|高出|高于|快)).*(?:外贸|货物贸易|进出口总值|进出口总额)": "外贸进出口",
    r"(?<![运告物消免花经学])费(?!用)": "手续费",
    _ONLY_TRADE: "外贸平稳，比重",   # 比重 keeps the narrower rule of the number's own clause out
    r"广告(?:投放|支出|花费|预算)": "广告投放",
    r"每位(?:消费者|用户|网购者|受访者)|人均(?:网购)?(?:消费|支出|花费)": "每位消费者月均支出",
}


def _where(text: str, number: str = NUMBER) -> Where:
    """The number's quote and sentence are the text's last sentence; its paragraph is the whole text."""
    start = text.rindex(number)
    sentence = (text.rfind("。", 0, start) + 1, len(text))
    return Where((start, start + len(number)), sentence, sentence, (0, len(text)))


def _example(rule) -> str:
    if rule.field == "geography":
        return PLACE_WORDS[rule.value].split("|")[0]
    if rule.pattern in EXAMPLES:
        return EXAMPLES[rule.pattern]
    if rule.field == "subject" and rule.value in PLATFORM_WORDS:
        return PLATFORM_WORDS[rule.value].split("|")[0]
    first = rule.pattern.split("|")[0]
    assert not re.search(r"[\\()\[\]?*+{}]", first), f"give rule {rule} an example in EXAMPLES"
    return first


WORD_RULES = [r for r in RULES if r.field != "period" and r.pattern]


@pytest.mark.parametrize("rule", WORD_RULES, ids=lambda r: f"{r.field}={r.value}:{r.pattern[:12]}")
def test_each_word_rule_fills_its_field(rule):
    # A paragraph's rule is reached from another sentence of the paragraph, where no narrower rule looks.
    text = f"{_example(rule)}。这一数字达到{NUMBER}" if rule.where == "paragraph" else f"{_example(rule)}达到{NUMBER}"
    unit = rule.units[0] if rule.units else ""
    value, matched, scope = guess_field(rule.field, to_simplified(text), _where(text), unit, {"geography": "China"})
    assert matched is rule, f"{rule} is shadowed by {matched}"
    assert scope in SCOPES and value


def test_each_field_has_one_default_and_defaults_come_last():
    for field in {r.field for r in RULES if r.field != "period"}:
        rules = [r for r in RULES if r.field == field]
        defaults = [r for r in rules if not r.pattern]
        for d in defaults:   # a default after it would never apply to the same units
            later = [r for r in rules[rules.index(d) + 1:] if not r.pattern and set(r.units) == set(d.units)]
            assert not later, (field, d, later)


def test_a_place_named_before_the_number_in_a_wider_scope_beats_one_after_it():
    text = "河南跨境电商起步较早。截至去年底，全省已建成保税仓9个，覆盖北美、欧洲、中东等地区"
    start = text.index("9个")
    where = Where((start, start + 2), (text.index("截"), len(text)), (text.index("截"), len(text)), (0, len(text)))
    assert guess_field("geography", text, where)[0] == "Henan"
    text = "截至去年底，已建成海外仓9个，主要位于北美、欧洲"   # only after it: the first after
    assert guess_field("geography", text, _where(text, "9个"))[0] == "North America"
    text = "截至去年底，已建成海外仓9个，覆盖北美、欧洲、中东等地区"   # where they reach is not whose they are
    assert guess_field("geography", text, _where(text, "9个"))[0] == "unspecified"


def test_this_province_and_this_city_are_the_ones_the_article_named_last():
    for words, place in (("全省", "Zhejiang"), ("全市", "Hangzhou")):
        text = f"浙江杭州发布数据。{words}跨境电商企业达到{NUMBER}"
        start, own = text.index(NUMBER), text.index(words)
        where = Where((start, start + len(NUMBER)), (own, len(text)), (own, len(text)), (own, len(text)))
        assert guess_field("geography", text, where)[0] == place


def test_default_applies_only_when_nothing_matched():
    text = f"东南亚的规模达到{NUMBER}"
    assert guess_field("geography", text, _where(text))[0] == "Southeast Asia"
    text = f"规模达到{NUMBER}"
    value, rule, scope = guess_field("geography", text, _where(text))
    assert (value, scope) == ("unspecified", "default")


def test_narrower_scope_wins_over_rule_order():
    # 我国 is earlier in the sentence, 东南亚 is in the number's own clause: the clause wins.
    text = "我国卖家积极出海，东南亚市场交易额达到100亿元"
    start = text.index("100亿元")
    where = Where((start, start + 5), (text.index("东南亚"), start + 5), (0, len(text)), (0, len(text)))
    assert guess_field("geography", text, where)[0] == "Southeast Asia"


def test_a_before_rule_does_not_look_past_the_number():
    text = "同比增长12%，用户增长也很快"   # growth is before the number
    assert guess_field("measure_kind", text, _where(text, "12%"), "%")[0] == "growth"
    text = "占比为12%，同比增长明显"      # growth words after the number do not count
    assert guess_field("measure_kind", text, _where(text, "12%"), "%")[0] == "share"


PERIODS = [
    ("2023年上半年", "2023-H1"), ("2023下半年", "2023-H2"), ("2024年前三季度", "2024-Q1-Q3"),
    ("2024年第三季度", "2024-Q3"), ("2024年11月", "2024-11"), ("2023年", "2023"),
    ("今年上半年", "2025-H1"), ("今年下半年", "2025-H2"), ("去年上半年", "2024-H1"), ("去年下半年", "2024-H2"),
    ("今年前三季度", "2025-Q1-Q3"), ("今年第二季度", "2025-Q2"), ("去年一季度", "2024-Q1"), ("去年前三季度", "2024-Q1-Q3"), ("今年3月", "2025-03"), ("去年十二月", "2024-12"),
    ("过去5年", "2020-2024"), ("今年", "2025"), ("去年", "2024"), ("前年", "2023"), ("明年", "2026"),
    # no year with them: the last year the article names before them, else the published year
    ("前三季度", "2025-Q1-Q3"), ("第四季度", "2025-Q4"), ("第 4 季", "2025-Q4"), ("上半年", "2025-H1"),
    ("下半年", "2025-H2"), ("2010—2022年", "2010-2022"), ("过去一年", "2024"), ("目前", "2025"),
    # promotions, and a month named without its year
    ("2024年双11", "2024-11"), ("去年双十一", "2024-11"), ("双 11期间", "2025-11"), ("黑五网一", "2025-11"),
    ("2024年双11当天", "2024-11-11"), ("双十一当日", "2025-11-11"), ("全年", "2025"),
    ("618大促中", "2025-06"), ("截至9月末", "2025-09"), ("今年3月至5月", "2025"),
    # a day a figure is said to be of
    ("黑五当天（11月28日）", "2025-11-28"), ("11月11日当日", "2025-11-11"), ("“双11”当日", "2025-11-11"),
    ("黑色星期五当天", "2025-11-28"), ("网一当天", "2025-12-01"),
    # spaces inside dates (Taiwanese news)
    ("2025 年", "2025"), ("2024 年 11 月", "2024-11"), ("114 年", "2025"), ("民國113年", "2024"),
    # the first months of a year, and quarters and halves in Latin letters
    ("2024年1-6月", "2024-H1"), ("今年前9个月", "2025-Q1-Q3"), ("去年1至3月", "2024-Q1"), ("1—9月", "2025-Q1-Q3"),
    ("2024Q2", "2024-Q2"), ("Q3", "2025-Q3"), ("去年Q4", "2024-Q4"), ("2023年H2", "2023-H2"), ("H1", "2025-H1"),
    ("去年全年", "2024"),
    # results for a span ended on a day: the calendar period, not the fiscal numbering in brackets
    ("截至9月30日止季度（即公司2026财年第二季度）", "2025-Q3"), ("截至2024年12月31日止年度", "2024"),
]
# Months named against the month it was published (November 2025 here; January 2025 for the last).
MONTHS_AGO = [("本月", 11, "2025-11"), ("上个月", 11, "2025-10"), ("上月", 1, "2024-12")]
# A change between two years is over the span (for multiples, rates and points only).
SPAN = ("从2018年的1万亿元增至2023年", "2018-2023")
AGO = ("四家平台的海外年GMV是五年前的", "2020-2025")


def test_every_period_rule_has_an_example():
    used = set()
    for words, _ in PERIODS:
        text = f"{words}，平台交易额达到{NUMBER}"
        used.add(guess_period(text, _where(text), 2025)[1])
    for words, month, period in MONTHS_AGO:
        text = f"{words}，平台交易额达到{NUMBER}"
        assert guess_period(text, _where(text), 2025, month=month)[0] == period
        used.add(guess_period(text, _where(text), 2025, month=month)[1])
    text = f"{SPAN[0]}，增长了{NUMBER}"
    used.add(guess_period(text, _where(text), 2025, "x")[1])
    text = f"{AGO[0]}{NUMBER}"
    assert guess_period(text, _where(text), 2025, "x")[0] == AGO[1]
    used.add(guess_period(text, _where(text), 2025, "x")[1])
    assert used == {r for r in RULES if r.field == "period"}


@pytest.mark.parametrize("year,black_friday,cyber_monday", [
    (2023, "2023-11-24", "2023-11-27"), (2024, "2024-11-29", "2024-12-02"), (2026, "2026-11-27", "2026-11-30")])
def test_black_friday_and_cyber_monday_are_the_days_they_fall_on_that_year(year, black_friday, cyber_monday):
    for words, day in (("黑五当天", black_friday), ("网一当天", cyber_monday)):
        text = f"{words}，平台交易额达到{NUMBER}"
        assert guess_period(text, _where(text), year, month=12)[0] == day


def test_a_change_between_two_years_is_over_their_span_and_a_level_is_not():
    text = f"{SPAN[0]}，增长了{NUMBER}"
    assert guess_period(text, _where(text), 2025, "x")[0] == SPAN[1]
    assert guess_period(text, _where(text), 2025, "CNY")[0] == "2023"


def test_a_quarter_without_a_year_takes_the_article_s_last_year_before_it():
    text = f"2024年全年进出口增长。从季度走势看，第四季度交易额达到{NUMBER}"
    assert guess_period(text, _where(text), 2025)[0] == "2024-Q4"


@pytest.mark.parametrize("words,period", PERIODS)
def test_period_from_text_and_published_date(words, period):
    text = f"{words}，平台交易额达到{NUMBER}"
    assert guess_period(text, _where(text), 2025)[0] == period


def test_period_nearest_before_the_number_wins():
    text = "2023年增速放缓，2024年交易额达到100"
    assert guess_period(text, _where(text), 2025)[0] == "2024"
    text = "交易额达到100，时间是2022年"   # only after it: the one after
    assert guess_period(text, _where(text), 2025)[0] == "2022"


def test_a_month_without_a_year_is_the_latest_such_month_up_to_publication():
    text = "一家市调机构于 1 月针对 1,206 名网友调查"
    where = _where(text, "1,206")
    assert guess_period(text, where, 2026, month=2)[0] == "2026-01"
    text = "截至9月末，公司员工总数为4,236人"
    assert guess_period(text, _where(text, "4,236"), 2025, month=10)[0] == "2025-09"
    assert guess_period(text, _where(text, "4,236"), 2026, month=2)[0] == "2025-09"
    text = "10月29日晚间公司披露，员工总数为4,236人"   # a day is the date of the news, not the figure's month
    assert guess_period(text, _where(text, "4,236"), 2025, month=10)[0] == ""


def test_results_ended_on_a_day_give_the_calendar_period_they_cover():
    for words, period in [("截至6月30日止六个月", "2025-H1"), ("截至2024年9月30日止九个月", "2024-Q1-Q3"),
                          ("截至12月31日止季度", "2024-Q4")]:
        text = f"公司{words}的收入为{NUMBER}"
        assert guess_period(text, _where(text), 2025, month=11 if "12月" not in words else 3)[0] == period
    # a half that ends in March is a fiscal half, no calendar period: none is guessed from it
    text = f"集团截至3月31日止六个月收入为{NUMBER}"
    assert guess_period(text, _where(text), 2025, month=5)[0] == ""


def test_a_year_without_digits_sets_the_year_of_what_follows():
    # 今年 before 第1季 makes it this year's first quarter, not the quarter of a year named earlier
    text = f"2021年的数据显示增长放缓。展望今年，统计处预估第 1 季网络销售额将年增{NUMBER}"
    assert guess_period(text, _where(text), 2026)[0] == "2026-Q1"


def test_a_sentence_about_the_quarter_keeps_the_quarter_when_it_names_a_month():
    text = f"第三季度净营收74.1亿美元。今年6月，公司下调免运费门槛，带动当季销量增速提高到{NUMBER}"
    assert guess_period(text, _where(text), 2025, "%", month=11)[0] == "2025-Q3"
    text = f"第三季度净营收74.1亿美元。今年6月，公司下调免运费门槛，销量增速提高到{NUMBER}"
    assert guess_period(text, _where(text), 2025, "%", month=11)[0] == "2025-06"


def test_a_change_against_a_named_year_is_over_the_span_from_it():
    text = f"去年实体零售业的占比升至 30.9 %，比 2019 年多出 {NUMBER}"
    assert guess_period(text, _where(text), 2026, "pp")[0] == "2019-2025"
    # against last year it stays the year's own change
    text = f"去年实体零售业的占比升至 30.9 %，比上年多出 {NUMBER}"
    assert guess_period(text, _where(text), 2026, "pp")[0] == "2025"
    # the span ends at the article's year, not at a year named after the figure
    text = f"个人上网率比 113 年增加 {NUMBER} 个百分点，延续自 109 年以来逐年攀升的走势"
    assert guess_period(text, _where(text), 2025, "pp")[0] == "2024-2025"
    # a level is not a change, whatever year it is compared with
    text = f"去年的交易额为{NUMBER}亿元，高于2019年"
    assert guess_period(text, _where(text), 2026)[0] == "2025"


def test_a_comparison_base_year_is_the_period_of_its_own_figure_only():
    text = "占整体的 61.9 %，低于 2019 年的 66.1 %；实体零售业的金额则有 2,073 亿元"
    assert guess_period(text, _where(text, "66.1"), 2026)[0] == "2019"
    assert guess_period(text, _where(text, "2,073"), 2026)[0] == ""


def test_a_paragraph_with_a_period_only_after_the_number_keeps_the_article_s_period():
    text = "今年前三季度，公司营收80.6亿元。\n分市场看，北美地区收入45.2亿元。配送时间已由去年的12天缩短"
    start, paragraph = text.index("45.2"), text.index("\n") + 1
    where = Where((start, start + 4), (paragraph, text.index("。", start)), (paragraph, text.index("。", start)),
                  (paragraph, len(text)))
    assert guess_period(text, where, 2025)[0] == "2025-Q1-Q3"
    text = "分市场看，北美地区收入45.2亿元。配送时间已由去年的12天缩短"   # no earlier period: the one after
    assert guess_period(text, _where(text, "45.2"), 2025)[0] == "2024"


def test_relative_period_needs_a_published_date():
    text = f"今年上半年交易额达到{NUMBER}"
    assert guess_period(text, _where(text), None)[0] == ""


# --- drafts: the rules written as code ------------------------------------------------------------

ARTICLE = """跨境电商半年观察

据海关统计，今年上半年我国跨境电商进出口额达到1.32万亿元，同比增长5.7%。其中，出口额为1.03万亿元。

一家研究机构的报告显示，2024年东南亚跨境电商交易额约为1500亿美元，预计到2027年将突破2500亿美元。

在TikTok Shop上，今年上半年新入驻的中国卖家超过8万家，平台月活跃用户达到3亿。

问卷调查显示，约六成受访者愿意通过社交媒体购买海外商品，其中25-34岁的受访者占比为41%。
"""


@pytest.fixture(scope="module")
def drafts():
    return {d["mention"]["text"]: d for d in propose(ARTICLE, "005_0123456789abcdef", PUBLISHED, set())}


def test_every_mention_becomes_one_draft(drafts):
    assert len(drafts) == len(extract_mentions(ARTICLE))
    assert {d["action"] for d in drafts.values()} == {"statistic", "exclusion"}
    assert drafts["2024年"]["action"] == "exclusion" and drafts["2024年"]["reason"] == REASONS["date"]


def test_every_quote_is_verbatim_unique_and_holds_its_number_once(drafts):
    for d in drafts.values():
        row, m = d["row"], d["mention"]
        _, number_start = locate(ARTICLE, row["quote"], row["number"], d["id"], "quote", "number")
        assert number_start == m["start"]
        _, start = locate(ARTICLE, d["context"], m["text"], d["id"], "context", "text")
        assert start == m["start"]


def test_quotes_are_whole_clauses_when_they_can_be(drafts):
    assert drafts["达到1.32万亿元"]["row"]["quote"] == "今年上半年我国跨境电商进出口额达到1.32万亿元"
    assert drafts["5.7%"]["row"]["quote"] == "同比增长5.7%"


def test_a_repeated_clause_gets_a_longer_quote():
    text = "用户增长20%，订单增长20%。用户增长20%，收入增长30%。"
    for m in extract_mentions(text):
        a, b = quote_window(text, m.start, m.end)
        _, number_start = locate(text, text[a:b], m.text, "t", "quote", "number")
        assert number_start == m.start


def test_headline_row(drafts):
    row = drafts["达到1.32万亿元"]["row"]
    assert (row["topic"], row["subject"], row["measure"], row["geography"], row["period"], row["kind"]) == \
        ("market_size", "China cross-border e-commerce", "import and export value", "China", "2025-H1", "observed")
    assert row["unit"] == "" and row["label_zh"] == "2025年上半年中国跨境电商进出口额"
    assert label_zh(ARTICLE, _where_of(drafts["达到1.32万亿元"]), 2025) == "2025年上半年我国跨境电商进出口额"  # 今年 -> 2025年
    assert row["label_en"] == "China cross-border e-commerce: import and export value, 2025-H1"


def test_growth_measures_growth_in_what_the_sentence_measures(drafts):
    row = drafts["5.7%"]["row"]
    assert (row["measure_kind"], row["measure"]) == ("growth", "growth in import and export value")
    assert row["label_zh"] == "2025年上半年中国跨境电商进出口额增速"
    assert label_zh(ARTICLE, _where_of(drafts["5.7%"]), 2025) == "2025年上半年我国跨境电商进出口额同比增长"


def test_a_period_after_the_published_year_is_a_forecast(drafts):
    assert drafts["突破2500亿美元"]["row"]["period"] == "2027"
    assert drafts["突破2500亿美元"]["row"]["kind"] == "forecast"
    assert drafts["约为1500亿美元"]["row"]["kind"] == "observed"
    row = propose("2030年市场规模达到100亿元。", "005_0123456789abcdef", PUBLISHED, set())[1]["row"]
    assert (row["period"], row["kind"]) == ("2030", "forecast")


def test_unit_from_the_words_before_the_number(drafts):
    assert drafts["超过8万家"]["row"]["unit"] == "sellers"
    assert drafts["达到3亿"]["row"]["unit"] == "users"


def test_platform_subject_and_topic(drafts):
    row = drafts["达到3亿"]["row"]
    assert (row["topic"], row["subject"], row["measure"]) == ("platform", "TikTok Shop", "monthly active users")


def test_an_age_band_beside_a_percentage_is_its_band(drafts):
    row = drafts["41%"]["row"]
    assert (row["band"], row["breakdown"], row["topic"], row["kind"]) == ("25-34岁", "age 25-34", "demographics", "survey")
    assert "25-34岁" in row["quote"]
    band = drafts["25-34岁"]
    assert band["action"] == "exclusion" and row["stat_id"] in band["reason"]


def test_no_date_near_the_number_is_no_period_never_a_guessed_one(drafts):
    draft = propose("目标市场方面，平台卖家超过100家。", "005_0123456789abcdef", "2025-07-20", set())[0]
    assert draft["row"]["period"] == "unspecified"
    assert "period: no date near the number (the article was published in 2025)" in draft["unsure"]
    row = propose("平台卖家超过100家。", "005_0123456789abcdef", "", set())[0]["row"]
    assert row["period"] == "unspecified"


def test_a_survey_s_share_with_no_date_is_of_the_year_it_was_published_and_left_for_a_person(drafts):
    draft = drafts["约六成"]       # 约六成受访者…: a survey's answer
    assert (draft["row"]["kind"], draft["row"]["period"]) == ("survey", "2025")
    assert any("survey" in n and "year it was published" in n for n in draft["notes"])
    assert "period: no date near the number (the article was published in 2025)" in draft["unsure"]


def test_stat_ids_are_unique_and_avoid_taken_ones():
    taken = {"china_xborder_import_and_export_value_2025_h1"}
    rows = [d["row"] for d in propose(ARTICLE, "005_0123456789abcdef", PUBLISHED, taken)]
    ids = [r["stat_id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert "china_xborder_import_and_export_value_2025_h1_2" in ids


def test_every_kind_but_statistic_has_a_reason():
    assert set(REASONS) == set(KINDS) - {"statistic"}


def test_traditional_text_is_read_through_simplified():
    text = "據海關統計，去年我國跨境電商進出口額達到2.38萬億元。"
    row = next(d["row"] for d in propose(text, "005_0123456789abcdef", PUBLISHED, set()) if d["action"] == "statistic")
    assert (row["topic"], row["geography"], row["period"], row["measure"]) == \
        ("market_size", "China", "2024", "import and export value")


def test_the_clause_label_of_a_number_that_opens_its_clause(drafts):
    assert label_zh(ARTICLE, _where_of(drafts["约六成"]), 2025) == "受访者愿意通过社交媒体购买海外商品"
    assert label_zh(ARTICLE, _where_of(drafts["突破2500亿美元"]), 2025) == "2027年东南亚跨境电商交易额"


def _where_of(draft, text=ARTICLE):
    from xbdata.curate.propose import where_of
    from xbdata.text.extract import Mention

    return where_of(text, Mention(**draft["mention"]))


def test_platform_subjects_are_platforms_the_tables_know():
    from xbdata.curate.rules import PLATFORM_WORDS
    from xbdata.curate.tables import platform_of

    assert all(platform_of(name) for name in PLATFORM_WORDS)
    assert platform_of("TikTok Shop") == "TikTok"     # a platform's shop is the platform's


def test_draft_scores_for_make_eval():
    from xbdata.curate.propose import draft_scores

    start = ARTICLE.index("1.32万亿元")
    scores = draft_scores(ARTICLE, [(start, start + len("1.32万亿元"))], PUBLISHED)
    assert scores["drafts"] == len(extract_mentions(ARTICLE)) and scores["gold"] == scores["gold_proposed"] == 1
    assert scores["statistics"] == 9 and scores["accept_ready"] == 9
    assert scores["action_right"] == scores["drafts"] - scores["statistics"] + 1


def test_a_decline_is_its_own_measure_kind():
    from xbdata.curate.propose import propose

    text = "据海关统计,今年上半年我国跨境电商出口同比增长10.2%,进口同比下降5.3%。"
    rows = {d["mention"]["text"]: d["row"] for d in propose(text, "999_0000000000000000", "2025-07-20", set())
            if d["action"] == "statistic"}
    assert (rows["10.2%"]["measure_kind"], rows["5.3%"]["measure_kind"]) == ("growth", "decline")
    assert rows["5.3%"]["measure"].startswith("decline in")


@pytest.mark.parametrize("text, number, place", [
    ("新华社北京1月14日电 海关总署公布，我国跨境电商进出口总额达2.63万亿元。", "2.63万亿元", "China"),  # a dateline's city
    ("据郑州海关统计，河南口岸共监管跨境电商包裹6亿多件。", "6亿多", "Henan"),                # the nearest place
    ("墨西哥电商销售额达到7897亿比索，拉美第一。", "7897亿比索", "Mexico"),
])
def test_the_place_is_the_nearest_before_the_number_not_a_dateline(text, number, place):
    draft = next(d for d in propose(text, "005_0123456789abcdef", "2025-01-20", set())
                 if d["mention"]["text"].endswith(number))
    assert draft["row"]["geography"] == place


def test_a_peso_is_named_by_its_country_and_a_bare_yuan_in_taiwan_is_twd():
    drafts = propose("墨西哥电商销售额达到7897亿比索。全台網路銷售額為 4,154 億元。", "005_0123456789abcdef",
                     "2025-03-01", set())
    units = {d["mention"]["text"]: d["row"]["unit"] for d in drafts if d["action"] == "statistic"}
    assert units == {"达到7897亿比索": "MXN", "4,154 億元": "TWD"}
    unplaced = propose("销售额达到7897亿比索。", "005_0123456789abcdef", "2025-03-01", set())[0]
    assert unplaced["row"]["unit"] == "" and any("比索 names no country" in u for u in unplaced["unsure"])


@pytest.mark.parametrize("sentence, number, label", [
    ("2024年墨西哥零售电商销售额达到7897亿比索，比2023年的6583亿比索增长20%。", "20%", "2024年墨西哥零售电商销售额"),
    ("跨境电商占我国外贸的比重由2021年的4.9%升至2024年的6%。", "6%", "跨境电商占我国外贸的比重"),
    ("2. TikTok Shop在2025年前三季度累计GMV达到450亿美元。", "450亿美元", "TikTok Shop在2025年前三季度累计GMV"),
])
def test_a_clause_label_names_what_is_measured_not_a_comparison_or_another_figure(sentence, number, label):
    draft = next(d for d in propose(sentence, "005_0123456789abcdef", "2025-03-01", set())
                 if d["mention"]["text"].endswith(number))
    assert label_zh(sentence, _where_of(draft, sentence), 2025) == label


def _rows(text: str, published: str = "2025-10-31") -> dict[str, dict]:
    return {d["mention"]["text"]: d["row"] for d in propose(text, "005_0123456789abcdef", published, set())
            if d["action"] == "statistic"}


def test_a_change_in_points_names_the_rate_or_share_before_it():
    rows = _rows("前三季度公司综合毛利率为46.8%，较上年同期提升2.1个百分点；自有品牌的占比提高了3个百分点。")
    assert rows["2.1个百分点"]["measure"] == "change in gross margin"
    assert rows["3个百分点"]["measure"] == "change in share"


def test_a_multiple_of_growth_is_growth_in_what_is_measured_and_a_ratio_is_not():
    rows = _rows("墨西哥站的销售额比上年同期增长了1.3倍。欧洲收入约为日本市场收入的2倍。")
    assert rows["增长了1.3倍"]["measure"] == "growth in sales"
    assert not rows["2倍"]["measure"].startswith("growth")


def test_gong_si_in_an_article_about_a_company_is_the_company_not_the_platform_it_sells_on():
    text = "拓海科技（301788.SZ）披露三季报。\n拉美增长最快：公司在美客多墨西哥站的销售额达到9.6亿比索。\n" \
           "美客多（Mercado Libre）公布业绩，其营收同比增长39%。"
    rows = _rows(text)
    assert rows["达到9.6亿比索"]["subject"] == "拓海科技"
    assert rows["39%"]["subject"] == "Mercado Libre"


def test_of_two_platforms_in_a_sentence_a_figure_is_the_nearest_s_before_it():
    rows = _rows("Temu月活跃用户达2.464亿，仅次于亚马逊的6.517亿和Shopee的3.928亿。")
    assert [rows[n]["subject"] for n in ("达2.464亿", "6.517亿", "3.928亿")] == ["Temu", "Amazon", "Shopee"]


def test_a_survey_s_amounts_are_its_respondents():
    rows = _rows("本次问卷调查显示，受访者过去一年在跨境电商平台的平均花费为4,860元。", "2024-11-15")
    assert (rows["4,860元"]["subject"], rows["4,860元"]["topic"]) == ("survey respondents", "demographics")


def test_a_survey_headline_makes_the_article_s_shares_its_answers():
    text = "调查：跨境网购人群更年轻\n\n在海淘族中，每五个人中就有一个每月下单。"
    row = _rows(text, "2024-11-15")["每五个人中就有一个"]
    assert (row["kind"], row["subject"], row["period"]) == ("survey", "survey respondents", "2024")
    row = _rows("跨境网购人群更年轻\n\n在海淘族中，每五个人中就有一个每月下单。", "2024-11-15")["每五个人中就有一个"]
    assert row["kind"] == "observed"


def test_a_company_s_advertising_and_costs_are_not_platform_figures():
    text = "深圳家居品牌“木森家居”主做亚马逊。\n木森家居今年广告花费占销售额的比例为23.6%，头程运费比去年低了四成左右，营收约1.2亿元。"
    rows = _rows(text)
    assert [rows[n]["topic"] for n in ("23.6%", "四成左右", "约1.2亿元")] == ["marketing", "operations", "platform"]


def test_an_average_age_is_a_figure_and_a_band_before_a_share_is_the_share_s_band():
    drafts = {d["mention"]["text"]: d for d in propose("当年线上消费者平均年龄为37.4岁，女性占51%；25-34岁的受访者占比45%。",
                                                        "005_0123456789abcdef", "2025-09-12", set())}
    assert drafts["37.4岁"]["action"] == "statistic"
    assert drafts["25-34岁"]["action"] == "exclusion" and "band" in drafts["25-34岁"]["reason"]


def test_the_whole_country_of_an_article_about_a_foreign_country_is_that_country():
    text = "墨西哥电商观察：市场持续扩大\n\n线上销售额只占全国零售总额的14.8%。\n\n平台在当地的份额约85%。"
    rows = _rows(text, "2025-09-12")
    assert rows["14.8%"]["geography"] == "Mexico" and rows["约85%"]["geography"] == "Mexico"
    assert _rows("跨境电商稳步发展\n\n综试区覆盖全国31个省份，占比达40%。")["达40%"]["geography"] == "China"


def test_a_study_s_sample_or_field_work_does_not_make_its_findings_survey_answers():
    text = "研究发现，试点城市的出口额平均提高了7.4%。本文还基于上千家企业的调研资料和样本期数据进行了验证。"
    assert _rows(text)["7.4%"]["kind"] == "observed"
    assert _rows("问卷调查显示，受访者中有68%愿意再次购买。")["68%"]["kind"] == "survey"


def test_online_sales_of_a_place_are_its_e_commerce():
    rows = _rows("今年大促期间，墨西哥线上交易额达427.25亿比索。", "2025-09-12")
    assert rows["达427.25亿比索"]["subject"] == "Mexico e-commerce"


def test_a_company_s_figure_in_a_sentence_that_names_no_one_is_the_company_its_paragraph_is_about():
    text = "跨境电商卖家拓海科技（301788.SZ）披露三季报。今年前三季度，公司实现营业收入80.6亿元。" \
           "其中第三季度单季营收29.2亿元，环比增长12%。随着海外仓投入使用，公司还计划明年在墨西哥新建2座海外仓。"
    rows = _rows(text)
    assert [rows[n]["subject"] for n in ("29.2亿元", "12%", "2座")] == ["拓海科技"] * 3
    assert rows["29.2亿元"]["topic"] == "platform"


def test_a_year_written_just_before_a_number_is_its_period_and_a_base_year_after_it_is_not():
    rows = _rows("跨境电商占外贸的比重由2021年的4.9%升至2024年的6%。实体零售业卖出的金额则有2,073亿元，比2019年多出7.1个百分点。"
                 "去年网络销售额为4,154亿元。", "2025-03-10")
    assert (rows["4.9%"]["period"], rows["6%"]["period"]) == ("2021", "2024")
    assert _rows("去年，实体零售业卖出的金额则有2,073亿元，比2019年多出7.1个百分点。", "2025-03-10")["2,073亿元"]["period"] == "2024"


def test_the_same_period_a_year_earlier_and_the_whole_year():
    rows = _rows("今年前三季度，新兴渠道的收入占比由上年同期的11%升至17%。全年销售额有望达到1.2亿元；第四季度是全年高峰，当季进出口超过7800亿元。")
    assert [rows[n]["period"] for n in ("11%", "17%", "达到1.2亿元", "超过7800亿元")] == ["2024-Q1-Q3", "2025-Q1-Q3", "2025", "2025-Q4"]


def test_a_promotion_without_its_year_is_the_latest_one_up_to_publication():
    assert _rows("双11期间，订单量增长了30%。", "2025-12-15")["30%"]["period"] == "2025-11"
    assert _rows("双11期间，订单量增长了30%。", "2025-10-20")["30%"]["period"] == "2024-11"


def test_what_a_count_counts_through_the_words_that_describe_it_and_a_rank_is_a_rank():
    rows = _rows("截至目前，国务院已设立了165个跨境电商综合试验区。平台在售商品超过500万种，入驻卖家超过2.7万名。"
                 "Temu月活位列全球第三。")
    assert (rows["165个"]["unit"], rows["超过500万种"]["unit"]) == ("zones", "products")
    assert rows["第三"]["measure"] == "rank"


def test_a_share_of_a_money_measure_is_a_share_of_it():
    rows = _rows("公司前三季度实现GMV约15.9亿美元，其中亚马逊贡献了约六成。线上销售额只占全国零售总额的14.8%。")
    assert rows["约六成"]["measure"] == "share of transaction volume (GMV)"
    assert rows["14.8%"]["measure"] == "share of retail sales"


def test_a_place_that_says_how_far_something_reaches_is_not_whose_figure_it_is():
    rows = _rows("我国跨境电商的贸易伙伴已遍及全球220多个国家和地区，企业在境外建设的海外仓超过2500个。")
    assert (rows["220多个"]["geography"], rows["超过2500个"]["geography"]) == ("China", "China")


def test_a_city_no_table_names_is_found_in_the_article_and_named_in_pinyin():
    text = "天门服装电商交易额增长三成\n\n来源：天门市商务局\n\n前三季度，全市服装电商交易额达到463.5亿元。天门服装电商经营主体达到7000家。"
    rows = _rows(text)
    assert (rows["达到463.5亿元"]["geography"], rows["达到7000家"]["geography"]) == ("Tianmen", "Tianmen")
    assert places_of("公司以门市价出售，每一家市场都涨了5%。") == ()


def test_a_national_agency_speaks_for_the_country():
    rows = _rows("海关数据显示，上半年跨境电商进出口约1.32万亿元。")
    assert rows["约1.32万亿元"]["geography"] == "China"


def test_all_goods_trade_is_trade_and_e_commerce_s_share_of_it_is_e_commerce_s():
    rows = _rows("一季度，我国外贸进出口10.3万亿元。跨境电商约占同期外贸总值的6%。")
    assert (rows["10.3万亿元"]["subject"], rows["6%"]["subject"]) == ("China trade", "China cross-border e-commerce")


def test_a_month_named_earlier_in_the_paragraph_holds_for_its_later_sentences():
    rows = _rows("一季度外贸进出口10.3万亿元。进入6月份，当月进出口3.85万亿元。出口2.34万亿元，增长7.2%。", "2025-07-15")
    assert [rows[n]["period"] for n in ("10.3万亿元", "3.85万亿元", "2.34万亿元")] == ["2025-Q1", "2025-06", "2025-06"]


def test_an_article_that_opens_with_a_survey_gives_survey_answers():
    text = "個人上網率創新高\n\n數位發展部公布「114 年數位近用調查報告」。\n\n行動支付使用率為 51 %，比前一年增加 2.7 個百分點。"
    rows = _rows(text, "2026-01-13")
    assert (rows["51 %"]["kind"], rows["2.7 個百分點"]["kind"]) == ("survey", "survey")


def test_what_will_happen_or_is_expected_is_a_forecast():
    rows = _rows("印尼电商GMV将同比增长逾14%。机构预计，明年区域数字经济收入达到1350亿美元。")
    assert (rows["逾14%"]["kind"], rows["达到1350亿美元"]["kind"]) == ("forecast", "forecast")


def test_accept_all_leaves_a_figure_whose_own_words_read_otherwise_or_a_streak_for_a_person():
    drafts = {d["mention"]["text"]: d for d in propose("今年这两项指标分别增长了7.4倍和11.2倍。今年营收连续第27个季度增长。今年只有十几个人。",
                                                        "005_0123456789abcdef", "2025-11-20", set())}
    assert drafts["11.2倍"]["unsure"] and drafts["第27个"]["unsure"] and not drafts["增长了7.4倍"]["unsure"]
    assert drafts["十几个"]["row"]["unit"] == "people"


def test_a_measure_is_the_one_named_nearest_before_the_number():
    rows = _rows("上半年我国跨境电商进出口约1.32万亿元。其中，出口约1.03万亿元，增长4.7%；进口约2911亿元，增长9.3%。"
                 "集团由上年同期亏损29.05亿元转为盈利1.62亿元。")
    assert [rows[n]["measure"] for n in ("约1.32万亿元", "4.7%", "9.3%", "29.05亿元", "1.62亿元")] == [
        "import and export value", "growth in export value", "growth in import value", "loss", "profit"]


def test_a_tax_rate_a_share_price_and_a_population_are_named():
    rows = _rows("德国增值税率是19%。阿里巴巴港股收报每股157.6港元。东南亚约6.8亿人口。")
    assert [rows[n]["measure"] for n in ("19%", "157.6港元", "约6.8亿人")] == ["VAT rate", "share price", "population"]


def test_a_place_s_garment_e_commerce_is_a_market_and_its_population_is_demographics():
    rows = _rows("天门服装电商前三季度交易额463.5亿元。服装类目销售额增长12.5%。东南亚约6.8亿人口，互联网用户超过2.12亿。")
    assert [rows[n]["topic"] for n in ("463.5亿元", "12.5%", "约6.8亿人", "超过2.12亿")] == [
        "market_size", "category", "demographics", "demographics"]


def test_a_change_to_a_level_is_the_level_and_terse_words_of_change_are_changes():
    rows = _rows("跨境电商占外贸的比重提高到18.6%。营收1082.8亿元，增9%。下载量暴涨45%。成本比两年前少了约12%。")
    assert [rows[n]["measure_kind"] for n in ("18.6%", "9%", "45%", "约12%")] == ["share", "growth", "growth", "decline"]


def test_a_bare_yuan_in_a_traditional_article_about_taiwan_is_twd_and_a_count_is_never_money():
    text = "台灣網購調查\n\n調查顯示，全台民眾網購頻繁。\n\n每筆訂單金額多落在 300 元至 800 元之間。"
    draft = next(d for d in propose(text, "005_0123456789abcdef", "2026-01-13", set()) if d["mention"]["text"].startswith("300"))
    assert draft["row"]["unit"] == "TWD" and draft["unsure"]
    assert _rows("其中跨境电商交易额突破百亿元的城市已有十几个。")["十几个"]["unit"] != "CNY"


def test_the_quarter_before_is_the_quarter_before():
    rows = _rows("今年第三季度，半托管模式的占比由上一季度的26%提高到42%。")
    assert (rows["26%"]["period"], rows["42%"]["period"]) == ("2025-Q2", "2025-Q3")


def test_a_word_that_only_says_share_yields_to_one_that_says_of_what():
    assert _rows("问卷调查显示，其中25-34岁的受访者占比为41%。", "2025-07-20")["41%"]["measure"] == "share of respondents"


def test_a_clause_label_drops_the_adverbs_and_prepositions_that_lead_into_its_number():
    text = "退货率也从12%降到了7.5%。如今管理团队有150人。东南亚电商2025年交易额将达1810亿美元。"
    drafts = {d["mention"]["text"]: d for d in propose(text, "005_0123456789abcdef", "2025-11-20", set())}
    assert [label_zh(text, _where_of(drafts[n], text), 2025) for n in ("12%", "7.5%", "150人", "达1810亿美元")] == [
        "退货率", "退货率", "管理团队", "东南亚电商2025年交易额"]


def test_an_english_label_leaves_out_what_is_unspecified_and_says_a_category_once():
    rows = _rows("出口2.34万亿元，增长7.2%。服装类目销售额增长12.5%。", "2025-07-15")
    assert rows["2.34万亿元"]["label_en"] == "export value"
    assert rows["12.5%"]["label_en"].count("apparel and fashion") == 1


def test_a_growth_rate_raised_to_a_level_is_growth_and_a_level_above_another_is_a_share():
    rows = _rows("GMV同比增速回升至40%左右。网购渗透率已达84%，远高于约60%的全球平均水平。受访者尝试新平台的可能性比其他受访者高55%。")
    assert [rows[n]["measure_kind"] for n in ("40%左右", "约60%", "55%")] == ["growth", "share", "uplift"]


def test_a_place_named_after_the_number_in_a_later_sentence_is_not_its_place():
    text = "某平台发布二季度财报\n\n某平台二季度营收达到520亿元，同比增长12%。分区域看，北美贡献了近一半。"
    assert _rows(text)["达到520亿元"]["geography"] == "unspecified"


def test_a_figure_whose_paragraph_names_no_place_is_of_the_place_the_article_opens_with():
    text = "进口消费品成交回暖\n\n商务部新闻发言人介绍了我国前十个月的消费情况。\n\n" \
         "从品类看，进口化妆品成交额为860亿元，增长5%。\n\n一、英国馆：茶叶热销\n\n馆内茶叶销售额为3.2亿元。"
    rows = _rows(text)
    assert rows["860亿元"]["geography"] == "China"
    assert rows["3.2亿元"]["geography"] == "United Kingdom"   # the section heading above it names its place


def test_a_company_s_own_figure_does_not_take_the_place_the_article_opens_with():
    text = "墨西哥市场升温：渔光电子前三季度业绩\n\n渔光电子发布三季报。\n\n公司前三季度实现营业收入12.4亿元。"
    assert _rows(text)["12.4亿元"]["geography"] == "unspecified"


def test_every_country_is_known_by_its_usual_chinese_names_and_a_longer_name_hides_a_shorter_one():
    text = "據統計，義大利消費者的網購金額為42億歐元。\n哈萨克斯坦跨境电商交易额增长35%。\n白俄罗斯电商零售额增长18%。"
    rows = {**_rows(text), **_rows("沿海地区卖家的出口额增长21%。")}
    assert rows["42億歐元"]["geography"] == "Italy"            # Taiwan's 義大利, not only 意大利
    assert rows["35%"]["geography"] == "Kazakhstan"
    assert rows["18%"]["geography"] == "Belarus"              # not Russia inside 白俄罗斯
    assert rows["21%"]["geography"] == "unspecified"          # 沿海地区 is no Haiti


def test_the_same_period_a_year_earlier_with_a_verb_between_and_a_comparison_with_it_is_this_year_s():
    rows = _rows("三季度公司净利润2.4亿美元，上年同期为0.9亿美元，比上年同期增长了1.7倍。", "2025-11-20")
    assert rows["2.4亿美元"]["period"] == "2025-Q3"
    assert rows["0.9亿美元"]["period"] == "2024-Q3"
    assert rows["增长了1.7倍"]["period"] == "2025-Q3"


def test_a_multiple_of_a_named_year_is_over_the_span_from_that_year():
    rows = _rows("2024年智利的网购人数已是2019年的3倍。", "2025-05-02")
    assert rows["3倍"]["period"] == "2019-2024"
    assert _rows("平台的卖家数量是2021年的2倍。", "2025-05-02")["2倍"]["period"] == "2021-2025"


def test_a_survey_s_figures_are_of_the_year_its_name_gives_not_the_year_it_was_published():
    text = "網購習慣調查出爐\n\n研究機構公布「113 年消費者網購行為調查」。\n\n受訪者中有62.5%每月至少網購一次。"
    assert _rows(text, "2025-02-10")["62.5%"]["period"] == "2024"
    text = "海外网购调查\n\n协会发布《2023年海外网购消费调查》。\n\n约45%的受访者表示会继续海淘。"
    assert _rows(text, "2024-03-01")["约45%"]["period"] == "2023"


def test_a_traditional_script_article_about_taiwan_gives_its_unplaced_figures_to_taiwan():
    text = "電商節買氣旺\n\n業者指出，今年消費者更愛線上購物。\n\n平台整體訂單量成長18%。\n\n台灣網購族仍以年輕人為主。"
    assert _rows(text, "2025-11-20")["18%"]["geography"] == "Taiwan"


def test_a_sentence_or_paragraph_about_all_goods_trade_gives_trade_figures_but_a_comparison_with_trade_does_not():
    rows = _rows("前两个月，全国货物贸易进出口6.6万亿元，其中出口3.8万亿元，增长2.1%。\n"
                 "当月进口1.2万亿元。\n跨境电商进口额为900亿元，增速比同期外贸快3个百分点。")
    assert rows["3.8万亿元"]["subject"] == "China trade"     # 其中出口: the sentence is about all goods trade
    assert rows["2.1%"]["subject"] == "China trade"
    assert rows["3个百分点"]["subject"] != "China trade"


def test_what_a_figure_measures_says_its_topic_a_fee_a_tax_rate_and_staff_are_operations():
    rows = _rows("该卖家的仓储费为每月1.8万元，平台收取5%的手续费。当地增值税率为21%。公司员工总数为860人。")
    assert (rows["1.8万元"]["measure"], rows["1.8万元"]["topic"]) == ("fee", "operations")
    assert (rows["5%"]["measure"], rows["5%"]["topic"]) == ("fee", "operations")
    assert (rows["21%"]["measure"], rows["21%"]["topic"]) == ("VAT rate", "operations")
    assert (rows["860人"]["measure"], rows["860人"]["topic"]) == ("employees", "operations")


def test_what_a_target_says_will_happen_is_the_target_and_a_survey_s_amounts_and_ranks_are_its_answers():
    rows = _rows("规划提出，力争到2028年，全省新建边境仓30个。", "2025-06-01")
    assert rows["30个"]["kind"] == "plan"
    rows = _rows("这项问卷调查覆盖五个城市。网购者每月支出平均为1,250元，价格因素排在第二位。", "2025-06-01")
    assert rows["1,250元"]["kind"] == "survey"
    assert rows["第二位"]["kind"] == "survey"


def test_a_share_of_people_named_after_it_is_demographics_and_of_the_place_s_consumers():
    rows = _rows("越南电商市场规模持续扩大，约45%的越南人每周网购一次，每十人就有三人用手机支付。")
    assert (rows["约45%"]["topic"], rows["约45%"]["subject"]) == ("demographics", "Vietnam consumers")
    assert rows["每十人就有三人"]["topic"] == "demographics"


def test_of_which_takes_the_whole_the_sentence_before_names():
    text = "前两个月，全国货物贸易进出口6.6万亿元。其中，出口3.8万亿元，增长2.1%。跨境电商出口增长迅速。"
    rows = _rows(text)
    assert (rows["3.8万亿元"]["subject"], rows["2.1%"]["subject"]) == ("China trade", "China trade")


def test_a_port_s_parcels_are_its_market_size_and_a_platform_s_are_its_own():
    rows = _rows("依托物流枢纽，宁波口岸今年处理跨境包裹3.2亿件。")
    assert rows["3.2亿件"]["topic"] == "market_size"
    rows = _rows("Temu今年在美国的包裹量达到6亿件。")
    assert rows["达到6亿件"]["topic"] == "platform"


def test_a_rate_that_rose_or_fell_to_a_level_is_the_level():
    rows = _rows("该国进口关税税率从去年的12%涨到了今年的20%，退货率则跌至3%。")
    assert (rows["20%"]["measure_kind"], rows["3%"]["measure_kind"]) == ("share", "share")


def test_a_figure_after_a_word_of_the_future_in_its_sentence_is_a_forecast():
    rows = _rows("机构认为，今年拉美电商交易额将增长18%，达到2100亿美元。", "2025-03-01")
    assert (rows["18%"]["kind"], rows["达到2100亿美元"]["kind"]) == ("forecast", "forecast")
    assert _rows("今年拉美电商交易额达到1800亿美元。", "2025-12-01")["达到1800亿美元"]["kind"] == "observed"


def test_a_company_no_table_knows_named_in_latin_letters_at_the_head_of_its_clause_is_the_subject():
    rows = _rows("波兰电商市场稳步扩张。Zalando去年在波兰的营收为9.8亿欧元，同比增长14%。")
    assert (rows["9.8亿欧元"]["subject"], rows["9.8亿欧元"]["topic"]) == ("Zalando", "platform")
    rows = _rows("智利电商协会统计，Cyber Day促销期间线上交易额达到3.1亿美元。")
    assert rows["达到3.1亿美元"]["subject"] != "Cyber Day"     # an event, not a company


def _geographies(text: str, published: str = "2025-06-01") -> dict[str, str]:
    from xbdata.curate.propose import propose

    return {d["row"]["number"]: d["row"]["geography"] for d in propose(text, "999_x", published, set())
            if d["action"] == "statistic"}


def test_a_list_of_countries_the_text_counts_is_their_region():
    text = "东南亚电商报告\n报告估计，今年印度尼西亚、马来西亚、菲律宾、新加坡、泰国和越南六国的电商交易总额将达到1810亿美元，比去年增长16%。"
    assert list(_geographies(text).values()) == ["Southeast Asia", "Southeast Asia"]


def test_a_list_of_places_that_make_no_counted_region_is_named_place_by_place():
    text = "平台动态\n速卖通在西班牙、法国、巴西等市场的订单量同比增长30%-40%。"
    assert _geographies(text)["30%-40%"] == "Spain, France and Brazil"
    # listed but not counted as a whole: the names, not the region
    text = "平台动态\n在德国、法国和意大利，平台订单量同比增长25%。"
    assert _geographies(text)["25%"] == "Germany, France and Italy"


def test_respectively_gives_each_figure_its_own_place_in_order():
    text = "全球调查\n美洲市场同样活跃，墨西哥和巴西的比例分别为72%和64%。"
    assert _geographies(text) == {"72%": "Mexico", "64%": "Brazil"}


def test_a_place_a_figure_is_compared_with_is_not_its_place():
    text = "卖家自述\n德国站平均客单价23.6欧元，退货率11.2%，比美国站高出4个百分点。"
    assert _geographies(text)["4个百分点"] == "Germany"
    text = "市场观察\n中东市场的客单价普遍在50美元以上，是东南亚市场的2至3倍。"
    assert _geographies(text)["2至3倍"] == "Middle East"


def _subjects(text: str, published: str = "2025-06-01") -> list[str]:
    return [d["row"]["subject"] for d in propose(text, "999_x", published, set()) if d["action"] == "statistic"]


def test_a_platform_named_as_a_channel_is_not_whose_figure_it_is():
    text = "台湾品牌出海\n外贸协会指出，去年透过亚马逊等平台出口的台湾品牌逾1,800家。"
    assert "Amazon" not in _subjects(text)
    text = "拼多多三季度业绩\n拼多多第三季度营收1082.8亿元。主要由Temu贡献的交易服务收入549.3亿元。"
    assert _subjects(text) == ["PDD", "PDD"]
    # named as the seller itself, or as what sellers joined (its own count of sellers), the platform is the subject
    text = "平台动态\n亚马逊第三季度净销售额1802亿美元。"
    assert _subjects(text) == ["Amazon"]
    text = "平台动态\n今年上半年新入驻TikTok Shop的中国卖家超过8万家。"
    assert _subjects(text) == ["TikTok Shop"]


def _measures(text: str, published: str = "2025-06-01") -> list[str]:
    return [d["row"]["measure"] for d in propose(text, "999_x", published, set()) if d["action"] == "statistic"]


def test_a_money_figure_whose_clause_says_only_whose_it_is_measures_what_the_clause_before_does():
    text = "Sea业绩\nSea第三季度净利润3.75亿美元，上年同期为1.533亿美元。"
    assert _measures(text) == ["net profit", "net profit"]
    text = "调查\n全球受访者最近一笔跨境订单平均花费46欧元，墨西哥受访者为38欧元。"
    assert _measures(text) == ["average order value", "average order value"]
    # a clause that names its own measure keeps it
    text = "Sea业绩\nSea第三季度净利润3.75亿美元，营收为60亿美元。"
    assert _measures(text) == ["net profit", "revenue"]


def test_spending_per_order_is_the_average_order_value():
    text = "墨西哥大促\n订单量为1920万份，平均每单花费1100比索。"
    assert _measures(text)[-1] == "average order value"


def test_where_goods_come_from_and_the_home_of_platforms_are_not_a_figure_s_place():
    text = "韩国海外直购观察\n韩国统计厅称，去年韩国人从中国的直购额为5.1万亿韩元。"
    assert _geographies(text)["5.1万亿韩元"] == "South Korea"
    text = "海湾电商\n沙特市场上，中国平台的订单占比约为35%。"
    assert _geographies(text)["约为35%"] == "Saudi Arabia"
    text = "港人網購\n調查顯示，62%的受訪港人曾在內地平台購物。"
    assert _geographies(text)["62%"] == "Hong Kong"


def test_a_place_joined_to_the_number_and_a_place_seen_from_are_the_figure_s_place():
    text = "巴西电商观察\n巴西网民的网购渗透率已达81%，远高于约58%的全球平均水平。"
    assert _geographies(text) == {"达81%": "Brazil", "约58%": "Global"}
    text = "巴西电商观察\n巴西网民增长较快。从全球看，跨境包裹的“慢件”占比从去年的31%降至今年的9%。"
    assert _geographies(text)["9%"] == "Global"


def test_parcels_a_carrier_or_pickup_site_handles_are_operations_and_a_port_s_parcels_a_market():
    rows = _rows("本季度，公司共处理跨境包裹3.14亿件；按目的地划分，发往欧洲的包裹约占三成。")
    assert (rows["3.14亿件"]["measure"], rows["3.14亿件"]["topic"]) == ("parcels handled", "operations")
    assert rows["三成"]["topic"] == "operations"
    assert rows["3.14亿件"]["label_zh"].endswith("包裹处理量")
    rows = _rows("今年前三季度，宁波口岸跨境电商进口包裹达1.2亿件。")
    assert (rows["达1.2亿件"]["measure"], rows["达1.2亿件"]["topic"]) == ("parcels", "market_size")


def test_where_a_report_is_released_and_where_warehouses_stand_are_not_a_figure_s_place():
    text = ("出海品类报告发布\n某研究院12日在杭州发布《年度出海品类报告》。\n"
            "《报告》显示，去年被监测店铺的出口额合计约980亿美元。")
    assert _geographies(text)["约980亿美元"] == "unspecified"
    text = ("湖南跨境电商\n今年上半年，湖南省跨境电商进出口额达到300亿元。\n"
            "截至6月底，全省企业建设海外仓75个，分布在美国、德国、日本等20个国家；其中省级公共海外仓16个。")
    assert _geographies(text)["16个"] == "Hunan"


def test_a_category_heading_its_clauses_is_what_they_go_on_about_and_one_inside_a_clause_is_not():
    rows = _rows("按销量排序，宠物用品以约87亿美元排名第一，占监测GMV的9.5%，同比增长33.8%；"
                 "家居收纳位列第二，增长19.2%。")
    assert {n: (rows[n]["topic"], rows[n]["subject"]) for n in ("9.5%", "33.8%", "19.2%")} == {
        "9.5%": ("category", "pet supplies"), "33.8%": ("category", "pet supplies"),
        "19.2%": ("category", "home and furniture")}
    rows = _rows("一位在Temu经营家居用品的卖家告诉记者，其店铺日均出单2,000单左右。")
    assert rows["2,000单左右"]["topic"] != "category"


def test_a_title_s_years_and_a_comparison_s_base_year_do_not_set_the_story_s_year():
    text = ("今年上半年，全省跨境电商进出口210亿元，比2021年底增加了一倍。"
            "下半年将实施《跨境电商发展行动计划（2026—2028年）》，力争全年进出口突破450亿元。")
    row = _rows(text, "2026-07-20")["突破450亿元"]
    assert (row["period"], row["kind"]) == ("2026", "plan")


def test_a_figure_with_no_date_near_it_in_an_article_about_a_report_of_a_year_is_of_that_year():
    text = ("宠物用品销售额居首\n某研究院发布《2025年度跨境出口品类趋势报告》。\n\n"
            "宠物用品的销售额中，美国市场贡献了61%。")
    assert _rows(text, "2026-01-20")["61%"]["period"] == "2025"
    text = "宠物用品销售额居首\n某研究院发布品类趋势分析。\n\n宠物用品的销售额中，美国市场贡献了61%。"
    assert _rows(text, "2026-01-20")["61%"]["period"] == "unspecified"


def test_a_share_in_an_article_that_opens_with_a_survey_of_a_year_is_the_survey_s():
    text = ("近六成网购族曾跨境下单\n某研究院今日发布「114年网购消费行为调查」，跨境网购者占58.6%。\n\n"
            "以购买来源地来看，向中国大陆平台购物的比例为71.5%。")
    row = _rows(text, "2026-02-12")["71.5%"]
    assert (row["kind"], row["period"]) == ("survey", "2025")


def test_a_channel_s_subscribers_are_followers_and_licences_are_counted_as_licenses():
    rows = _rows("其中TikTok账号粉丝约540万，YouTube订阅用户约81万。公司持有支付牌照及相关资质37项，计划新增支付牌照4张以上。")
    assert {n: rows[n]["unit"] for n in ("约81万", "37项", "4张以上")} == {
        "约81万": "followers", "37项": "licenses", "4张以上": "licenses"}


def test_a_company_introduced_with_a_latin_name_is_catalogued_under_it_and_its_accounts_are_its_own():
    text = ("启澜耳机海外粉丝破五百万\n9月10日，消费电子品牌启澜科技（Kilan）在杭州举办出海开放日。"
            "启澜在TikTok、Instagram两大平台的官方账号粉丝合计超过520万，其中TikTok账号粉丝约310万。"
            "新加坡咨询机构澜海研究（Lanhai Insights）估算，东南亚耳机市场规模约为12亿美元。")
    rows = _rows(text, "2026-09-12")
    assert {n: (rows[n]["subject"], rows[n]["topic"]) for n in ("超过520万", "约310万")} == {
        "超过520万": ("Kilan", "marketing"), "约310万": ("Kilan", "marketing")}
    assert latin_names_of(to_simplified(text)) == {"启澜科技": "Kilan"}     # a consultancy is a source
    assert "启澜科技" in rows["约310万"]["label_zh"]
    text = "跨境支付服务商泊岸支付（Boan Pay）发布年报。去年，公司处理的总支付额达到1280亿元。"
    assert _rows(text, "2026-03-20")["达到1280亿元"]["subject"] == "Boan Pay"


def test_a_platform_s_country_site_and_the_home_of_sellers_are_the_place_of_their_own_clause_only():
    text = ("一、前五大品类\n宠物用品排名第一。其中一款喂食器在美国站单价高达119美元。户外用品排名第二，销售额约97亿美元。")
    geographies = _geographies(text)
    assert (geographies["高达119美元"], geographies["约97亿美元"]) == ("United States", "unspecified")
    text = "三个站点的成本账\n\n一、美国站：关税吃掉了利润\n主力款今年卖了大约3.6万套。"
    assert _geographies(text)["大约3.6万套"] == "United States"      # a section heading's site is the section's
    text = ("出海品类报告\n报告基于对约3.1万家中国卖家店铺的监测。\n\n去年被监测店铺的出口GMV合计约870亿美元。"
            "入驻的中国卖家合计已超过8万家。")
    geographies = _geographies(text)
    assert (geographies["约870亿美元"], geographies["超过8万家"]) == ("unspecified", "China")


def test_a_brand_s_marketing_rates_and_spend_and_a_payment_company_s_volume_are_named():
    rows = _rows("上半年品牌广告投放1870万美元；视频平均互动率为5.9%，广告点击率为2.1%，品牌认知度为31%。"
                 "去年，公司处理的总支付额达到2960亿元。")
    assert {n: (rows[n]["measure"], rows[n]["topic"]) for n in ("1870万美元", "5.9%", "2.1%", "31%")} == {
        "1870万美元": ("advertising spend", "marketing"), "5.9%": ("engagement rate", "marketing"),
        "2.1%": ("click-through rate", "marketing"), "31%": ("brand awareness", "marketing")}
    assert rows["达到2960亿元"]["measure"] == "total payment volume (TPV)"


def test_a_multiple_s_base_year_after_a_figure_is_no_period_of_it_and_the_multiple_spans_to_the_story_s_year():
    text = ("品类报告\n《2025年度品类报告》显示，去年被监测店铺的GMV合计约980亿美元。\n\n"
            "户外用品排名第二，销售额约86亿美元，已是2022年的近3倍。")
    rows = _rows(text, "2026-01-20")
    assert (rows["约86亿美元"]["period"], rows["近3倍"]["period"]) == ("2025", "2022-2025")
    rows = _rows("上半年全省跨境电商进出口286.5亿元，是2021年同期的3.6倍。", "2026-07-20")
    assert (rows["286.5亿元"]["period"], rows["3.6倍"]["period"]) == ("2026-H1", "2021-2026")


def test_the_year_before_s_figure_and_a_sentence_framed_by_the_same_period_last_year_are_a_year_earlier():
    rows = _rows("2025年公司综合费率为0.26%，比上一年的0.30%下降0.04个百分点。", "2026-03-20")
    assert (rows["0.26%"]["period"], rows["0.30%"]["period"]) == ("2025", "2024")
    rows = _rows("截至8月底，三个账号的粉丝合计超过900万。去年同期，这三个账号的粉丝总数还不到500万。", "2026-09-18")
    assert (rows["超过900万"]["period"], rows["不到500万"]["period"]) == ("2026-08", "2025-08")
    rows = _rows("去年在台湾的月活跃用户已突破300万人，是前一年的2.5倍。", "2025-03-01")
    assert rows["2.5倍"]["period"] == "2024"      # a multiple of the year before is this year's


def test_counts_of_online_shoppers_and_internet_users_are_those_people_s():
    rows = _rows("肯尼亚互联网用户约为2300万，网购人数约为960万。")
    assert {n: (rows[n]["subject"], rows[n]["topic"], rows[n]["label_zh"]) for n in ("约为2300万", "约为960万")} == {
        "约为2300万": ("Kenya internet users", "demographics", "肯尼亚网民数量"),
        "约为960万": ("Kenya online shoppers", "demographics", "肯尼亚网购人群数量")}
    assert (rows["约为960万"]["unit"], rows["约为960万"]["measure"]) == ("buyers", "online shoppers")
    assert _rows("埃及人口超过1.1亿。")["超过1.1亿"]["subject"] == "Egypt population"
    # buyers to one reader, consumers to another: accept-all leaves the unit to a person
    [draft] = [d for d in propose("肯尼亚网购人数约为960万。", "005_0123456789abcdef", "2025-10-31", set())
               if d["action"] == "statistic"]
    assert any(u.startswith("unit buyers") for u in draft["unsure"])


def test_a_latin_name_after_the_word_that_says_what_it_is_is_the_subject():
    rows = _rows("今年上半年，本土平台Jumia的GMV同比增长约9%。")
    assert (rows["约9%"]["subject"], rows["约9%"]["topic"]) == ("Jumia", "platform")


def test_a_tax_named_only_as_a_tax_or_its_rate_is_a_tax_rate():
    rows = _rows("巴西自今年8月起对跨境包裹征收20%的综合税，部分商品的税率又上调至35%。")
    assert {n: (rows[n]["measure"], rows[n]["topic"]) for n in ("20%", "35%")} == {
        "20%": ("tax rate", "operations"), "35%": ("tax rate", "operations")}


def test_figures_of_an_article_its_seller_writes_are_the_seller_s_unless_the_sentence_names_another():
    text = ("我的跨境账本\n我们是义乌一家做收纳用品的小团队，一共5个人，今年销售额大约860万元。"
            "亚马逊的佣金是15%。")
    rows = _rows(text)
    assert (rows["5个"]["subject"], rows["大约860万元"]["subject"]) == ("seller", "seller")
    assert rows["大约860万元"]["label_zh"] == "2025年卖家销售额"
    assert rows["15%"]["subject"] == "Amazon"
    assert _rows("义乌一家做收纳用品的卖家今年销售额大约860万元。")["大约860万元"]["subject"] != "seller"


def test_a_byline_a_source_s_name_and_a_brand_s_home_are_not_where_a_story_opens():
    text = ("调查：年轻人跨境年均花5100元\n\n某报记者 王敏 杭州报道\n\n"
            "11月20日，杭州某数据研究院发布《2025中国青年跨境消费调查》，回收有效样本2950份。\n\n"
            "花费方面，受访者平均每年花费5100元。")
    assert _geographies(text)["5100元"] == "China"
    text = ("某耳机品牌粉丝破千万\n\n记者 | 程安\n\n一家深圳耳机品牌，正在海外讲性价比的故事。\n\n"
            "独立站的整体转化率为3.1%。")
    assert _geographies(text)["3.1%"] == "unspecified"


def test_the_whole_a_share_is_of_is_not_whose_share_it_is():
    text = "上半年全国跨境电商进出口1.3万亿元。广东上半年进出口3980亿元，占全国的30.6%；浙江占比13.9%。"
    assert _geographies(text)["30.6%"] == "Guangdong"
    text = "河南跨境电商\n今年河南跨境电商进出口达2400亿元。郑州占全省的一半以上。"
    assert _geographies(text)["一半以上"] == "Zhengzhou"


def test_a_seller_s_byline_makes_the_article_its_and_a_company_in_traditional_script_keeps_its_writing():
    text = ("做收纳用品的第五年：我们今年卖了152万美元\n\n作者：老林（义乌某跨境卖家创始人）｜2025-12-30\n\n"
            "全年三站合计销售额约152万美元。")
    assert _rows(text, "2025-12-30")["约152万美元"]["subject"] == "seller"
    text = "本地物流商「迅捷環球物流」昨日公布年度業績，收入16.2億港元，按年增長21%。"
    assert _rows(text, "2025-03-13")["16.2億港元"]["subject"] == "迅捷環球物流"


def test_the_same_span_and_a_change_on_last_year_s_same_span_point_back_to_the_story_s_period():
    text = ("上半年全国跨境电商进出口1.32万亿元，同比增长5.7%。\n\n"
            "同一时期，全国货物贸易进出口总值21.9万亿元。\n\n据此计算，跨境电商的比重约为6%，较去年同期提高0.3个百分点。")
    rows = _rows(text, "2025-07-14")
    assert (rows["21.9万亿元"]["period"], rows["约为6%"]["period"]) == ("2025-H1", "2025-H1")
    rows = _rows("本地物流商昨日公布截至去年12月31日止年度业绩，收入17.3亿港元。", "2024-03-13")
    assert rows["17.3亿港元"]["period"] == "2023"


def test_what_each_shopper_spends_is_demographics_and_a_tax_on_a_category_is_still_a_tax():
    rows = _rows("每位消费者月均网购支出约48万印尼盾。进口服装、鞋类等商品仍须缴纳5%至20%不等的关税。")
    assert rows["约48万印尼盾"]["topic"] == "demographics"
    assert (rows["5%至20%"]["measure"], rows["5%至20%"]["topic"]) == ("tariff rate", "operations")


def test_a_survey_s_valid_sample_counts_respondents_and_skus_count_products():
    rows = _rows("调查回收有效样本2960份。明年计划新上25个SKU。")
    assert (rows["2960份"]["unit"], rows["25个"]["unit"]) == ("respondents", "products")


def test_places_goods_come_from_a_country_s_gdp_and_a_taiwanese_home_are_read_as_such():
    text = ("台灣網購調查\n民國114年，新臺幣支出創新高。\n\n中國大陸仍是最大來源地\n"
            "以購買來源地來看，向中國大陸平台購物的比例為 70.2 %，日本、韓國則分別為 35.1 % 及 20.4 %。\n\n"
            "受訪者選擇跨境購物的原因，以「價格比國內便宜」占 66.3 % 居首。")
    geographies = _geographies(text)
    assert {geographies[n] for n in ("70.2 %", "35.1 %", "20.4 %", "66.3 %")} == {"Taiwan"}
    text = "印尼跨境电商\n印尼共有约6400万家中小微企业，贡献了61%的国内生产总值。"
    assert _geographies(text)["61%"] == "Indonesia"


def test_a_registered_company_and_a_sentence_about_the_platform_before_it_are_the_subject():
    text = "来源：仙桃市商务局\n仙桃锦程服饰有限公司如今有员工1800人，去年销售收入2.6亿元。"
    rows = _rows(text)
    assert (rows["1800人"]["subject"], rows["2.6亿元"]["subject"], rows["2.6亿元"]["topic"]) == (
        "锦程服饰", "锦程服饰", "platform")
    text = "SHEIN继续扩张。该平台业务覆盖150多个国家，超过60%的消费者直接访问其官网。"
    rows = _rows(text)
    assert (rows["150多个"]["subject"], rows["超过60%"]["subject"]) == ("SHEIN", "SHEIN")


def test_that_country_is_the_country_named_last_and_the_whole_county_the_county_named_as_one():
    text = "非洲电商观察\n肯尼亚是东非的电商中心，该国网购人数约为1300万。"
    assert _geographies(text)["约为1300万"] == "Kenya"
    text = ("安溪茶叶出海\n来源：安溪县商务局\n安溪县位于福建省东南部、泉州市西北部。\n"
            "今年前三季度，全县茶叶跨境电商出口额达12.4亿元。")
    assert _geographies(text)["达12.4亿元"] == "Anxi"


def test_an_article_in_traditional_script_with_taiwan_s_money_and_calendar_is_about_taiwan():
    text = "網購年報\n民國114年我國網路銷售額達新臺幣 1 兆 1,052 億元，年增 6.1 %。\n全港自提點處理包裹 3,100 萬件。"
    rows = _rows(text, "2026-01-20")
    assert rows["達新臺幣 1 兆 1,052 億元"]["geography"] == "Taiwan"
    assert rows["6.1 %"]["geography"] == "Taiwan"
    assert rows["3,100 萬件"]["geography"] == "Hong Kong"


def test_a_paragraph_with_no_period_that_points_back_to_the_story_s_quarter_takes_it():
    text = ("物流公司三季度业绩\n顺达物流公布截至2025年9月30日止三个月业绩，收入20.5亿元。\n\n"
            "本季度毛利率为12.1%，上季度为11.4%，去年同期仅9.8%。\n\n海外仓面积约50万平方米。")
    rows = _rows(text, "2025-11-10")
    assert rows["12.1%"]["period"] == "2025-Q3"
    assert rows["11.4%"]["period"] == "2025-Q2"         # 上季度为: the quarter before
    assert rows["仅9.8%"]["period"] == "2024-Q3"        # 去年同期: a year before
    assert rows["约50万平方米"]["period"] == "unspecified"  # nothing points back: never guessed


def test_platforms_people_buy_on_are_channels_and_live_and_direct_buying_name_their_market():
    text = "港人網購調查\n調查顯示，64%的受訪者今年曾在淘寶、拼多多或京東等內地平台購物。"
    assert _subjects(text) == ["survey respondents"]
    text = "韩国海淘观察\n去年韩国消费者的海外直购额为6.8万亿韩元。"
    assert _subjects(text) == ["South Korea cross-border e-commerce"]
    text = "东南亚直播观察\n2024年，东南亚直播电商GMV达到160亿美元。"
    assert _subjects(text) == ["Southeast Asia live commerce"]


def test_a_name_whose_officer_speaks_for_it_is_a_company():
    from xbdata.curate.propose import companies_of
    text = "跨境平台大促战报\n云帆购今天发布战报。云帆购副总裁王磊表示，平台卖家的GMV同比增长31%。"
    assert companies_of(text) == ["云帆购"]
    assert _subjects(text) == ["云帆购"]
    # a place or a known platform before a title is no new company
    assert companies_of("浙江省商务厅负责人介绍，全省跨境电商增长12%。亚马逊全球副总裁李明表示，新卖家增长20%。") == []


def test_a_list_down_respectively_measures_what_the_clause_before_measures_and_溢利_is_profit():
    rows = _rows("直播观察\n印尼去年直播电商GMV为58亿美元，泰国、越南和菲律宾分别为39亿美元、33亿美元和27亿美元。"
                 "本季度股东应占溢利2.17亿港元。", "2025-08-20")
    assert [rows[n]["measure"] for n in ("39亿美元", "33亿美元", "27亿美元")] == ["transaction volume (GMV)"] * 3
    assert rows["2.17亿港元"]["measure"] == "net profit"


def test_a_span_of_months_not_from_january_is_its_year_and_now_is_the_published_year():
    rows = _rows("港人網購\n研究中心於今年9月至10月訪問1,208名香港居民。今年1-9月，出口额为20亿元。10月，包裹量为30万件。",
                 "2025-12-09")
    assert (rows["1,208名"]["period"], rows["20亿元"]["period"], rows["30万件"]["period"]) == ("2025", "2025-Q1-Q3", "2025-10")
    # 目前 is now: a later 前三季度 is this year's, not that of the year named before it
    rows = _rows("山东外贸\n2024年全省跨境电商进出口达到1512亿元。目前，全省有海外仓500个。\n\n分市看，临沂前三季度进出口211.5亿元。",
                 "2025-10-28")
    assert rows["211.5亿元"]["period"] == "2025-Q1-Q3"


def test_where_a_company_is_listed_is_not_its_figures_place():
    text = ("速达物流季度业绩\n在香港联交所上市的跨境物流商速达物流今日公布业绩。本季度公司处理包裹1.2亿件，"
            "实现收入15.6亿港元。")
    assert set(_geographies(text, "2025-11-14").values()) == {"unspecified"}


def test_pickup_sites_delivery_rates_payments_and_jobs_are_operations():
    rows = _rows("香港自提点\n全港自提点数目已超过2,000个。南非网购者中使用数字钱包付款的比例为34%。"
                 "跨境电商直接带动就业1.2万人。本季度妥投准时率为96.2%。")
    assert [rows[n]["topic"] for n in ("超过2,000个", "34%", "1.2万人", "96.2%")] == ["operations"] * 4
    # a country's parcels are still its market's size
    assert _rows("海关统计\n今年前三季度，全国跨境电商包裹量达到45亿件。")["达到45亿件"]["topic"] == "market_size"


def test_people_a_survey_asked_are_its_respondents():
    rows = _rows("韩国市场\n韩国消费者院去年对1000名消费者的调查显示，71.2%的受访者用过中国电商平台。"
                 "该调查访问了18岁以上的网购者9,214人。该平台有用户3000万人。", "2025-03-12")
    assert (rows["1000名"]["unit"], rows["9,214人"]["unit"], rows["3000万人"]["unit"]) == ("respondents", "respondents", "users")


def test_a_source_in_latin_letters_is_no_company_and_a_company_s_channels_are_not_its_subject():
    text = "黑五观察\nAdobe Analytics数据显示，黑五当天美国线上消费额达108亿美元。"
    assert "Adobe Analytics" not in _subjects(text)
    text = ("澄光电子半年报\n消费电子品牌澄光电子（301999.SZ）发布半年报。分渠道看，亚马逊仍是主要渠道，收入12.4亿元，"
            "占比61.2%。")
    assert set(_subjects(text)) == {"澄光电子"}


def test_a_breakdown_paragraph_keeps_the_story_s_period_and_a_bare_period_is_the_story_s_latest():
    text = ("澄光电子半年报\n澄光电子发布2025年半年报，上半年营收38.6亿元。\n\n"
            "分地区看，北美市场实现收入19.1亿元，占营收的49.5%。\n\n按渠道划分，独立站收入4.6亿元。")
    rows = _rows(text, "2025-08-27")
    assert (rows["19.1亿元"]["period"], rows["49.5%"]["period"], rows["4.6亿元"]["period"]) == ("2025-H1",) * 3
    # a paragraph that breaks nothing down and names no period still gets none
    assert _rows("公司简报\n上半年营收38.6亿元。\n\n公司有员工1,860人。", "2025-08-27")["1,860人"]["period"] == "unspecified"
    # 今年前三季度 … 2024年度 … then 前三季度 alone is this year's
    text = ("山东外贸\n今年前三季度，全省跨境电商进出口1186.4亿元。\n\n在2024年度考核中，全省有3个综试区获评优秀。\n\n"
            "临沂综试区前三季度进出口211.5亿元。")
    assert _rows(text, "2025-10-28")["211.5亿元"]["period"] == "2025-Q1-Q3"


def test_pickup_sites_parcels_survey_multiples_and_creators_have_their_subjects():
    rows = _rows("香港自提点\n10月全港自提点共处理包裹逾4,200万件，按年增长约35%。")
    assert rows["逾4,200万件"]["subject"] == "Hong Kong pickup sites"
    rows = _rows("欧洲调查\n家中有子女的受访者在中国平台购物的可能性，是没有子女受访者的1.5倍。")
    assert rows["1.5倍"]["subject"] == "survey respondents"
    rows = _rows("直播观察\n东南亚去年通过直播带货获得收入的创作者已超过110万人。")
    assert rows["超过110万人"]["subject"] == "Southeast Asia creators"


def test_online_sales_are_named_as_such_and_a_list_measures_the_nearest_clause_that_names_a_measure():
    rows = _rows("网购年报\n2025年全台零售业网路销售额为5,312亿元，线上零售额增长8.1%。", "2026-01-21")
    assert rows["5,312亿元"]["measure"] == "online sales"
    assert rows["8.1%"]["measure"] == "growth in online retail sales"
    rows = _rows("直播观察\n印尼去年直播电商GMV为58亿美元，居区域首位；泰国和越南分别为39亿美元和33亿美元。", "2025-08-20")
    assert rows["39亿美元"]["measure"] == "transaction volume (GMV)"


def test_a_growth_rate_named_after_the_figure_or_in_the_clause_before_is_growth_never_a_share():
    rows = _rows("机构预计，未来三年东欧电商将保持14.5%的年均增长率。零售额按年跌3.2%，客单价比去年便宜了约两成。"
                 "去年的增速为8.1%，与2021年的19.6%、2022年的15.3%相比明显回落。直播渠道增速最高，达到62%；"
                 "订单同比增长9%，35%的订单来自新客。某公司股价收报12.4元，升4.6%。",
                 "2025-10-31")
    kinds = {n: rows[n]["measure_kind"] for n in ("14.5%", "3.2%", "约两成", "8.1%", "19.6%", "15.3%", "达到62%",
                                                  "9%", "35%", "4.6%")}
    assert kinds == {"14.5%": "growth", "3.2%": "decline", "约两成": "decline", "8.1%": "growth", "19.6%": "growth",
                     "15.3%": "growth", "达到62%": "growth", "9%": "growth", "35%": "share", "4.6%": "growth"}


def test_a_growth_rate_that_falls_to_a_level_is_still_growth():
    rows = _rows("据预测，家居品类的增速将回落至12%左右，而其占比将下降至9%。")
    assert (rows["12%左右"]["measure_kind"], rows["9%"]["measure_kind"]) == ("growth", "share")


def test_a_clause_that_names_only_a_place_goes_on_down_the_list_of_the_clause_before():
    rows = _rows("前三季度，江苏跨境电商出口980亿元，占全国的9.1%；福建为640亿元；河南410亿元，占比3.8%。"
                 "某卖家月薪六七千元。", "2025-10-31")
    assert [rows[n]["measure"] for n in ("980亿元", "640亿元", "410亿元")] == ["export value"] * 3
    assert rows["六七千元"]["measure"] != "export value"


def test_the_figures_of_a_seller_who_writes_are_its_own_not_its_market_s_size():
    text = ("做宠物用品的第三年\n\n我们是温州一家做宠物牵引绳的小团队，主做亚马逊美国站。"
            "今年全年销售额约96万美元，比去年的71万美元增长了35%左右。物流成本每件3.1美元。")
    rows = _rows(text, "2025-12-20")
    assert [rows[n]["topic"] for n in ("约96万美元", "71万美元", "35%左右")] == ["platform"] * 3
    assert rows["3.1美元"]["topic"] == "operations"


def test_years_listed_before_respectively_give_each_figure_its_year_and_an_average_growth_its_span():
    text = ("东湖证券研报\n\n某科技（301999.SZ）是本文覆盖的公司。\n\n"
            "据海关统计，我国跨境电商出口从2019年的1.08万亿元增至2024年的2.15万亿元，其间2020年、2021年和2022年"
            "分别为1.12万亿元、1.44万亿元和1.55万亿元，五年年均增长约14.8%。")
    rows = _rows(text, "2025-04-18")
    assert [rows[n]["period"] for n in ("1.12万亿元", "1.44万亿元", "1.55万亿元", "约14.8%")] == [
        "2020", "2021", "2022", "2019-2024"]
    # 其间 (meanwhile) points back to no company
    assert {rows[n]["subject"] for n in ("1.12万亿元", "1.44万亿元", "约14.8%")} == {"China cross-border e-commerce"}


def test_a_survey_of_sellers_is_operations_and_a_survey_of_shoppers_demographics():
    sellers = _rows("跨境卖家物流调查：海外仓使用率升至四成\n\n某协会对560家卖家的问卷调查显示，42.5%的受访卖家今年使用了海外仓。",
                    "2025-11-02")
    shoppers = _rows("海外网购调查：近半数受访者每月下单\n\n一项问卷调查显示，47.3%的受访者每月在跨境平台下单。", "2025-11-02")
    assert (sellers["42.5%"]["topic"], shoppers["47.3%"]["topic"]) == ("operations", "demographics")


def test_a_company_found_by_a_shorter_name_than_its_latin_name_follows_is_catalogued_by_the_latin_name():
    text = ("货联国际站发布年度报告\n\n3月2日，B2B平台货联国际站（CargoLink）发布年度报告。"
            "报告显示，货联国际的活跃买家超过860万，同比增长12.4%。")
    rows = _rows(text, "2026-03-02")
    assert {rows[n]["subject"] for n in ("超过860万", "12.4%")} == {"CargoLink"}


def test_places_listed_as_country_sites_take_their_figures_respectively():
    rows = _rows("从市场看，美国站约占销售额的一半；德国站与英国站分别占18%与11%。", "2025-10-15")
    assert (rows["18%"]["geography"], rows["11%"]["geography"]) == ("Germany", "United Kingdom")


def test_the_longest_overlapping_words_name_the_measure_and_valuations_are_named():
    rows = _rows("今年上半年，该平台在德国的月活跃用户减少18%。我们预测公司2026年每股收益为1.82元，对应市盈率约为19倍，"
                 "给予目标价41.2元。老客户的复购率达到27%。区政府安排专项预算1.6亿元。", "2025-09-01")
    assert rows["18%"]["measure"] == "decline in monthly active users"
    assert [rows[n]["measure"] for n in ("1.82元", "约为19倍", "41.2元", "达到27%", "1.6亿元")] == [
        "earnings per share", "price-to-earnings ratio", "target share price", "repurchase rate", "budget"]
    assert rows["41.2元"]["kind"] != "plan"       # a target price (目标价) is an analyst's, not a plan


def test_a_figure_a_change_from_last_year_reaches_is_of_this_year():
    rows = _rows("据行业协会统计，美东海外仓的月租金已从去年的每平方米9美元左右涨到12美元以上。", "2025-09-15")
    assert (rows["9美元左右"]["period"], rows["12美元以上"]["period"]) == ("2024", "2025")


def test_the_share_of_respondents_who_plan_something_is_a_survey_answer_of_when_it_was_asked():
    text = ("跨境卖家物流调查\n\n调查显示，目前有31.5%的受访卖家使用了海外仓，另有22%计划在明年启用。")
    row = _rows(text, "2025-12-10")["22%"]
    assert (row["kind"], row["period"]) == ("survey", "2025")


def test_platforms_listed_before_respectively_take_their_figures_in_order():
    rows = _rows("按订单量计，Lazada、Shopee和TikTok Shop分别占18%、41%和23%，Temu约6%。", "2025-06-01")
    assert [rows[n]["subject"] for n in ("18%", "41%", "23%", "约6%")] == ["Lazada", "Shopee", "TikTok Shop", "Temu"]


def test_a_usage_rate_is_named_and_money_never_measures_a_count_of_orders():
    rows = _rows("中东电商2028年将达1836亿迪拉姆　中国平台拿下近四成跨境订单\n\n去年10月，两款应用在日本的使用率分别为5.2%和4.5%。",
                 "2025-06-01")
    assert rows["达1836亿迪拉姆"]["measure"] != "orders"
    assert (rows["5.2%"]["measure"], rows["4.5%"]["measure"]) == ("usage rate", "usage rate")


def test_a_bare_yuan_of_a_taiwanese_writer_about_the_world_is_twd_and_about_another_place_is_left_to_a_person():
    text = ("臺灣賣家出海報告\n\n民國 114 年度編列預算新臺幣 3.1 億 元。\n\n這些賣家在全球市場的銷售額約 22 億 元。\n\n"
            "美國站的廣告支出約 4 億 元。")
    drafts = {d["mention"]["text"]: d for d in propose(text, "005_0123456789abcdef", "2025-10-15", set())}
    assert drafts["約 22 億 元"]["row"]["unit"] == "TWD"
    american = drafts["約 4 億 元"]
    assert american["row"]["unit"] != "TWD" and any("may not be CNY" in u for u in american["unsure"])


def test_places_counted_as_examples_of_many_across_regions_are_global():
    rows = _rows("截至9月底，公司在美国、德国、日本、巴西等14个国家运营海外仓61座。", "2025-10-20")
    assert rows["61座"]["geography"] == "Global"


def test_the_base_a_forecast_starts_from_was_measured_and_what_a_seller_intends_is_a_plan():
    rows = _rows("报告预计，今年越南电商GMV将同比增长逾18%，达到约250亿美元，去年约为210亿美元。"
                 "明年我们打算把德国站的销售额做到500万元。欧盟拟对低价值包裹收取每件3欧元的处理费。", "2025-11-10")
    assert (rows["约250亿美元"]["kind"], rows["约为210亿美元"]["kind"]) == ("forecast", "observed")
    assert (rows["500万元"]["kind"], rows["3欧元"]["kind"]) == ("plan", "plan")


def test_a_clause_that_opens_with_a_preposition_or_a_trade_s_generic_words_names_no_company():
    from xbdata.curate.propose import companies_of
    text = ("海运物流周报 第12期\n\n为破解物流和仓储难题，县里引入多家快递企业，建成分拣中心3个。\n\n"
            "在跨境物流方面，海运物流运价本周上涨2.1%。")
    assert companies_of(to_simplified(text)) == []


def test_an_answer_in_an_interview_with_one_company_s_officer_is_that_company_s():
    text = ("对话Brightcart副总裁林舟：欧洲订单今年要翻倍\n\n记者 王一 | 2026年5月3日\n\n"
            "问：今年一季度的情况怎么样？\n答：一季度我们的GMV大概是12亿美元，同比增长了四成左右。\n\n"
            "问：卖家有多少？\n答：活跃卖家一万出头，大部分在深圳。")
    rows = _rows(text, "2026-05-03")
    assert {rows[n]["subject"] for n in ("12亿美元", "四成左右")} == {"Brightcart"}
    assert rows["四成左右"]["topic"] == "platform"


def test_the_whole_country_is_not_a_platform_s_country_site_that_the_headline_names():
    text = "10月数据速览：墨西哥站订单大涨38%\n\n商务部：截至9月底，全国海外仓数量超过2600个。"
    assert _rows(text, "2026-11-04")["超过2600个"]["geography"] == "China"


def test_now_is_the_year_published():
    rows = _rows("做灯具的第三年\n\n公司现在18个人，现在每月发货约2万单。", "2025-12-30")
    assert (rows["18个"]["period"], rows["约2万单"]["period"]) == ("2025", "2025")


def test_a_multiple_of_last_year_s_same_span_is_this_year_s_figure():
    rows = _rows("10月，该公司中东专线包裹量是去年同期的1.8倍，而去年同期为120万件。", "2026-11-04")
    assert (rows["1.8倍"]["period"], rows["120万件"]["period"]) == ("2026-10", "2025-10")


def test_freight_rates_and_a_country_s_ec_rate_are_named():
    rows = _rows("本周美西航线运价报2080美元/FEU。韩国的EC化率为28.4%。", "2026-08-14")
    assert (rows["2080美元"]["measure"], rows["28.4%"]["measure"]) == ("freight rate", "penetration rate")


def test_a_team_broken_down_after_a_colon_counts_people_and_times_are_never_people():
    rows = _rows("团队现在15个人：运营6个，设计3个，采购和仓库4个。", "2025-12-30")
    assert {rows[n]["unit"] for n in ("6个", "3个", "4个")} == {"people"}
    text = "網購調查\n\n受訪者平均每月網購 3.4 次。"
    draft = next(d for d in propose(text, "005_0123456789abcdef", "2025-11-18", set()) if "3.4" in d["mention"]["text"])
    assert draft["row"]["unit"] != "respondents" and any("次 counts times" in u for u in draft["unsure"])


def test_a_word_for_what_is_counted_far_before_the_number_is_left_to_a_person():
    text = "台灣賣家借亞馬遜出海 去年銷售額破 120 億 元 商業署補助明年擴至 600 家\n\n內文。"
    draft = next(d for d in propose(text, "005_0123456789abcdef", "2025-10-15", set()) if "600" in d["mention"]["text"])
    assert draft["unsure"]
    assert _rows("太平洋航线本月仍有7个航次被取消。", "2026-08-14")["7个"]["unit"] == "sailings"
