import pytest

from xbdata.text.extract import KINDS, extract_mentions

A, B, C, D, E = ("000_8d48b1a84700725f", "001_1cbe8866d55724c7", "002_6700178db0982fd6",
                 "003_6ffb6ff860af52e7", "004_f2b2ca645d6b4bf5")

# Mentions each seed must yield: (seed, text, value, low, high, unit, qualifier, kind)
EXPECTED = [
    (A, "超7万亿", 7e12, 7e12, None, None, ">", "statistic"),
    (A, "达到15.7万亿", 15.7e12, 15.7e12, 15.7e12, None, "=", "statistic"),
    (A, "2022上半年", 2022, 2022, 2022, "date", "=", "date"),
    (A, "超过三分之一", 100 / 3, 100 / 3, None, "%", ">", "statistic"),
    (A, "近三分之二", 200 / 3, 200 / 3, 200 / 3, "%", "~", "statistic"),
    (A, "2.7倍", 2.7, 2.7, 2.7, "x", "=", "statistic"),
    (A, "第一名", 1, 1, 1, "rank", "=", "statistic"),
    (A, "01", None, None, None, None, None, "list_marker"),
    (B, "超過1.2億", 1.2e8, 1.2e8, None, "users", ">", "statistic"),
    (B, "高達390萬", 3.9e6, 3.9e6, 3.9e6, None, "=", "statistic"),
    (B, "幾千元", None, 2000, 9000, "CNY", "~", "statistic"),
    (B, "兩天", 2, 2, 2, "days", "=", "statistic"),
    (C, "63.81%", 63.81, 63.81, 63.81, "%", "=", "statistic"),
    (C, "25-32岁", None, 25, 32, "age", "=", "statistic"),
    (C, "2014年2月19日", 2014, 2014, 2014, "date", "=", "date"),
    (C, "5300多个", 5300, 5300, None, "categories", ">", "statistic"),
    (D, "几乎每三个就有两个", 200 / 3, 200 / 3, 200 / 3, "%", "~", "statistic"),
    (D, "6-25%", None, 6, 25, "%", "=", "statistic"),
    (D, "18至40岁", None, 18, 40, "age", "=", "statistic"),
    (E, "超过30亿次", 3e9, 3e9, None, None, ">", "statistic"),
    (E, "增加了一倍", 2, 2, 2, "x", "=", "statistic"),
]


def _same(a, b):
    return (a is None) == (b is None) and (a is None or a == pytest.approx(b))


def _only(text):
    """The one mention in `text`."""
    mentions = extract_mentions(text)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


@pytest.mark.parametrize("seed,text,value,low,high,unit,qualifier,kind", EXPECTED)
def test_seed_mentions(texts, seed, text, value, low, high, unit, qualifier, kind):
    found = [m for m in extract_mentions(texts[seed]) if m.text == text]
    assert found, f"{text!r} not extracted from {seed}"
    m = found[0]
    assert _same(m.value, value) and _same(m.low, low) and _same(m.high, high)
    assert (m.unit, m.qualifier, m.kind) == (unit, qualifier, kind)


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
    assert [m.unit for m in b] == ["users", "%"]


def test_urls_latin_words_and_non_numbers_are_not_mentions():
    text = "详见https://example.com/42588.html 或 mail520@foxmail.com。B2B和5G不算,十分重要,千万别忘。"
    assert extract_mentions(text) == []


def test_slogan_parts_are_found_as_other():
    mentions = extract_mentions("今天的心情,三分天注定,七分靠shopping")
    assert [(m.text, m.kind) for m in mentions] == [("三分", "other"), ("七分", "other")]


def test_empty_text():
    assert extract_mentions("") == []


# --- the extractor reads units like the parser: once these drifted apart ----------------------

@pytest.mark.parametrize("sentence,text,value,unit,qualifier", [
    ("增速提高了3百分点。", "3百分点", 3, "pp", "="),
    ("每件收费100人民币。", "100人民币", 100, "CNY", "="),
    ("海运大约3周到港。", "大约3周", 3, "weeks", "~"),
])
def test_units_the_extractor_used_to_lose(sentence, text, value, unit, qualifier):
    m = _only(sentence)
    assert (m.text, m.value, m.unit, m.qualifier, m.kind) == (text, value, unit, qualifier, "statistic")


# --- forms real reporting uses: (sentence, text, value, low, high, unit, qualifier) -----------

FORMS = [
    ("该平台入驻商家已有30多万家。", "30多万家", 3e5, 3e5, None, "firms", ">"),
    ("全年寄出包裹5000余万件。", "5000余万件", 5e7, 5e7, None, "items", ">"),
    ("活跃买家有十几万人。", "十几万人", None, 110000, 190000, "people", "~"),
    ("行业融资几十亿美元。", "几十亿美元", None, 2e9, 9e9, "USD", "~"),
    ("订单额突破百亿元大关。", "突破百亿元", 1e10, 1e10, None, "CNY", ">"),
    ("市场规模有望达到上千亿。", "达到上千亿", 1e11, 1e11, None, None, ">="),
    ("带动数十万人就业。", "数十万人", None, 2e5, 9e5, "people", "~"),
    ("规模达数百亿的赛道。", "达数百亿", None, 2e10, 9e10, None, "~"),
    ("吸引了上万家工厂入驻。", "上万家", 1e4, 1e4, None, "firms", ">="),
    ("毛利率在20%-30%之间。", "20%-30%", None, 20, 30, "%", "="),
    ("客单价多为3万-5万元。", "3万-5万元", None, 3e4, 5e4, "CNY", "="),
    ("转化率提升了2至3倍。", "2至3倍", None, 2, 3, "x", "="),
    ("融资1000万至1500万美元。", "1000万至1500万美元", None, 1e7, 1.5e7, "USD", "="),
    ("调查发现，每五个人中就有一个在海外网站购物。", "每五个人中就有一个", 20, 20, 20, "%", "="),
    ("受访卖家中十个里有三个表示亏损。", "十个里有三个", 30, 30, 30, "%", "="),
    ("每10个订单就有3个来自移动端。", "每10个订单就有3个", 30, 30, 30, "%", "="),
    ("约有三成商家已布局独立站。", "约有三成", 30, 30, 30, "%", "~"),
    ("近四成用户来自二线城市。", "近四成", 40, 40, 40, "%", "~"),
    ("超两成卖家计划扩张。", "超两成", 20, 20, None, "%", ">"),
    ("增速回落1.5个百分点。", "1.5个百分点", 1.5, 1.5, 1.5, "pp", "="),
    ("占比为１２．５％。", "１２．５％", 12.5, 12.5, 12.5, "%", "="),
    ("共计1,234,567单。", "1,234,567单", 1234567, 1234567, 1234567, "orders", "="),
    ("交易額逾3億港元。", "逾3億港元", 3e8, 3e8, None, "HKD", ">"),
    ("營收達120億新台幣。", "達120億新台幣", 1.2e10, 1.2e10, 1.2e10, "TWD", "="),
    ("約兩成買家來自海外。", "約兩成", 20, 20, 20, "%", "~"),
    ("交易量達幾萬單。", "達幾萬單", None, 2e4, 9e4, "orders", "~"),
    ("物流成本增加了1.5個百分點。", "1.5個百分點", 1.5, 1.5, 1.5, "pp", "="),
    ("海外仓面积突破1000万平方米。", "突破1000万平方米", 1e7, 1e7, None, "square_meters", ">"),
    ("出口额逾800亿元。", "逾800亿元", 8e10, 8e10, None, "CNY", ">"),
    ("单量不到5000单。", "不到5000单", 5000, None, 5000, "orders", "<"),
    ("亏损卖家不足一成。", "不足一成", 10, None, 10, "%", "<"),
    ("客单价50美元以上。", "50美元以上", 50, 50, None, "USD", ">"),
    ("复购率在35%左右。", "35%左右", 35, 35, 35, "%", "~"),
    ("日均单量2万单上下。", "2万单上下", 2e4, 2e4, 2e4, "orders", "~"),
    ("同比下降3.2%。", "3.2%", 3.2, 3.2, 3.2, "%", "="),
    ("買家年齡在30歲以下。", "30歲以下", 30, None, 30, "age", "<"),
    ("旺季销量翻了一番。", "翻了一番", 2, 2, 2, "x", "="),
    ("运费高达每公斤80元。", "80元", 80, 80, 80, "CNY", "="),
    ("該店開業逾廿年。", "逾廿年", 20, 20, None, "years", ">"),
    ("調查顯示逾半受訪者曾網購。", "逾半", 50, 50, None, "%", ">"),
    ("包裹量增加了三成半。", "三成半", 35, 35, 35, "%", "="),
    ("網購族中接近 1 成 2 曾遇到延誤。", "接近 1 成 2", 12, 12, 12, "%", "~"),
    ("计划新增支付牌照5张以上。", "5张以上", 5, 5, None, None, ">"),
    ("純利按年升近一倍。", "升近一倍", 2, 2, 2, "x", "~"),          # 升 a growth verb: nearly doubled
    ("機場去年共處理貨物430萬公噸。", "430萬公噸", 4.3e6, 4.3e6, 4.3e6, "tonnes", "="),     # weight, not parcels
    ("總面積約45萬平方呎。", "約45萬平方呎", 4.5e5, 4.5e5, 4.5e5, "square_feet", "~"),
    ("销量增1.5倍。", "增1.5倍", 2.5, 2.5, 2.5, "x", "="),
    ("单价不得低于100美元。", "不得低于100美元", 100, 100, None, "USD", ">="),   # a floor a rule sets
    ("占全国的1/6左右。", "1/6左右", 100 / 6, 100 / 6, 100 / 6, "%", "~"),
    ("当天成交额破亿。", "破亿", 1e8, 1e8, None, None, ">"),
    ("年销售额超亿元的企业", "超亿元", 1e8, 1e8, None, "CNY", ">"),
    # a space between the number and its magnitude or unit, as Taiwanese papers write them
    ("預估規模為 150 億至 180 億元。", "150 億至 180 億元", None, 1.5e10, 1.8e10, "CNY", "="),
    ("營收為新台幣 2,345.6 億元。", "新台幣 2,345.6 億元", 2.3456e11, 2.3456e11, 2.3456e11, "TWD", "="),
    ("年增 12.5 %，", "12.5 %", 12.5, 12.5, 12.5, "%", "="),
    ("营收为1.2万亿日元。", "1.2万亿日元", 1.2e12, 1.2e12, 1.2e12, "JPY", "="),
    ("墨西哥电商销售额4200亿比索。", "4200亿比索", 4.2e11, 4.2e11, 4.2e11, "PESO", "="),
    ("美国是最大的市场，德国位列第三大市场。", "第三大", 3, 3, 3, "rank", "="),
    ("Temu下载量位列全球第二。", "第二", 2, 2, 2, "rank", "="),
    ("每件收费由HK$12至HK$25不等。", "HK$12至HK$25", None, 12, 25, "HKD", "="),
    ("去年销售额增长近一倍。", "增长近一倍", 2, 2, 2, "x", "~"),
    ("客单价约新台币650元。", "约新台币650元", 650, 650, 650, "TWD", "~"),
    ("每月網購3次或以上。", "3次或以上", 3, 3, None, None, ">="),
    ("客单价在2万多元。", "2万多元", 2e4, 2e4, None, "CNY", ">"),
    ("新增企业千余家。", "千余家", 1000, 1000, None, "firms", ">"),
    ("其中近百家上市。", "近百家", 100, 100, 100, "firms", "~"),
    ("数千名卖家参加。", "数千名", None, 2000, 9000, "sellers", "~"),
    ("平均每2500名居民就有一個自提點。", "每2500名居民就有一個", 0.04, 0.04, 0.04, "%", "="),
]


@pytest.mark.parametrize("sentence,text,value,low,high,unit,qualifier", FORMS)
def test_forms_real_reporting_uses(sentence, text, value, low, high, unit, qualifier):
    m = _only(sentence)
    assert m.text == text and m.kind == "statistic"
    assert _same(m.value, value) and _same(m.low, low) and _same(m.high, high)
    assert (m.unit, m.qualifier) == (unit, qualifier)


def test_a_digit_after_cheng_that_counts_something_is_not_a_tenth():
    assert [m.text for m in extract_mentions("其中三成5家企业已出海，另有两成2024年才起步。")] == [
        "三成", "5家", "两成", "2024年"]


def test_a_range_with_a_qualifier_between_is_still_one_range():
    m = _only("退货率约在20%～30%。")
    assert (m.text, m.value, m.low, m.high, m.unit) == ("20%～30%", None, 20, 30, "%")


def test_from_one_figure_to_another_is_two_figures_not_a_range():
    mentions = extract_mentions("出口额从1.06万亿元到2.38万亿元，产业带从20个增加到45个。")
    assert [(m.text, m.value) for m in mentions] == [("1.06万亿元", 1.06e12), ("2.38万亿元", 2.38e12),
                                                   ("20个", 20), ("45个", 45)]


def test_counting_words_inside_a_ratio_are_not_mentions_of_their_own():
    mentions = extract_mentions("据调查，每五个人中就有一个在用，十个里有三个每周下单。")
    assert [m.text for m in mentions] == ["每五个人中就有一个", "十个里有三个"]


def test_a_ratio_whose_counting_word_starts_with_a_numeral_reads_the_whole_number():
    """万人次 is a counting word that starts with a numeral: 三万人次 is 三万 visits, not 三 of 万人次,
    however the number before it is read (the scan reads such numbers whole)."""
    mentions = extract_mentions("每三万人次中就有一人次下单，十万人次里有三万人次复购。")
    assert [(m.text, m.value, m.unit) for m in mentions] == [
        ("每三万人次中就有一人次", 100 / 30000, "%"), ("十万人次里有三万人次", 30.0, "%")]


# --- what is not a statistic ------------------------------------------------------------------

@pytest.mark.parametrize("sentence,text,kind", [
    ("发布于2025-03-15 10:30", "2025-03-15 10:30", "date"),
    ("2025年3月15日，海关公布数据。", "2025年3月15日", "date"),
    ("2024年，行业回暖。", "2024年", "date"),
    ("第三季度，订单回升。", "第三季度", "date"),
    ("今年1-9月，出口回暖。", "1-9月", "date"),
    ("Q3营收回升。", "Q3", "date"),
    ("2020-2023年，行业高速发展。", "2020-2023年", "date"),
    ("5年间，规模扩大。", "5年", "period"),
    ("近3年，企业数量增加。", "近3年", "period"),
    ("包裹4天内送达。", "4天", "period"),
    ("过去两年，市场变化很大。", "两年", "period"),
    ("未来五年，行业将整合。", "五年", "period"),
    ("三年来，平台不断扩张。", "三年", "period"),
    ("五年前还没有这个市场。", "五年", "period"),
    ("阅读 1234", "1234", "furniture"),
    ("阅读10万+", "10万+", "furniture"),
    ("点赞 56", "56", "furniture"),
    ("评论 8", "8", "furniture"),
    ("在看：12", "12", "furniture"),
    ("近7日，订单增加。", "近7日", "period"),
    ("在过去的5年里，行业变化很大。", "5年", "period"),
    ("一、市场概况", "一、", "list_marker"),
    ("1. 市场概况", "1.", "list_marker"),
    ("（3）物流", "（3）", "list_marker"),
    ("1、物流", "1、", "list_marker"),
    ("跨境电商有两大优势。", "两", "other"),
    ("从三个方面分析。", "三个", "other"),
    ("iPhone 15 上市。", "15", "other"),
    ("多数企业实现了两位数增长。", "两位", "other"),
    ("地址为科技园5栋。", "5栋", "other"),
    ("（满分5分）", "5", "other"),
    ("留言 12", "12", "furniture"),
    ("01 平台业绩", "01", "list_marker"),
    ("2024财年营收回升。", "2024财年", "date"),
    ("比如一件100元的商品。", "100元", "other"),
])
def test_mentions_that_are_not_statistics(sentence, text, kind):
    m = _only(sentence)
    assert (m.text, m.kind) == (text, kind)


@pytest.mark.parametrize("sentence,text,value,unit", [
    ("平均配送时间为5天。", "5天", 5, "days"),
    ("时效缩短至3天。", "3天", 3, "days"),
])
def test_a_measured_duration_stays_a_statistic(sentence, text, value, unit):
    m = _only(sentence)
    assert (m.text, m.value, m.unit, m.kind) == (text, value, unit, "statistic")


@pytest.mark.parametrize("sentence", ["双11当天销量大涨。", "双十一当天销量大涨。", "618大促开始了。", "黑五期间流量翻倍"])
def test_event_names_are_not_mentions(sentence):
    assert [m.text for m in extract_mentions(sentence)] == (["翻倍"] if "翻倍" in sentence else [])


def test_telephone_numbers_are_not_mentions():
    assert extract_mentions("客服电话400-800-1234，手机13812345678。") == []


def test_a_lead_time_is_not_a_window():
    m = _only("卖家需提前6-8周备货。")
    assert (m.text, m.low, m.high, m.unit, m.kind) == ("6-8周", 6, 8, "weeks", "statistic")


def test_furniture_words_without_a_number_are_not_mentions():
    assert extract_mentions("在看 收藏 分享 来源：海关总署 编辑：小王 作者：李明") == []


def test_kinds_are_the_documented_ones():
    assert KINDS == ("statistic", "date", "period", "furniture", "list_marker", "other")


def test_digits_in_code_and_identifiers_are_not_mentions():
    text = "页面里有<img src=x onerror=window.__pwned=2>和item_3,但市场规模达到1.2万亿元。"
    assert [m.text for m in extract_mentions(text)] == ["达到1.2万亿元"]


def test_adjacent_digits_are_one_mention():
    found = [(m.text, m.low, m.high, m.qualifier) for m in extract_mentions("约三四成的受访者说,一般要三五天才能收到货。")]
    assert found == [("约三四成", 30, 40, "~"), ("三五天", 3, 5, "~")]


@pytest.mark.parametrize("sentence, text, kind", [
    # figures that only sit beside a word that names things elsewhere
    ("出口额同比增长5%达3000亿元。", "5%", "statistic"),
    ("订单量增长12%达历史新高。", "12%", "statistic"),
    ("同比增长15%强。", "15%", "statistic"),
    ("这代表60%的卖家。", "60%", "statistic"),
    # numbers that name: a list, a figure's label, a delivery service, an example
    ("排名50强。", "50", "other"),
    ("见图2。", "2", "other"),
    ("主打“4至6日达”的专线。", "4至6日", "other"),
    ("例如一款39.99美元的柜子，扣掉成本后每件还剩9美元。", "9美元", "other"),
    ("低於 2019 年的水準。", "低於 2019", "date"),
])
def test_words_that_name_do_not_swallow_figures_beside_them(sentence, text, kind):
    mentions = extract_mentions(sentence)
    assert [m.kind for m in mentions if m.text == text] == [kind]


@pytest.mark.parametrize("sentence", ["1 年轻人更爱网购。", "2 天猫国际开店。", "iPhone 15 天天特价。"])
def test_a_space_does_not_join_a_number_to_the_next_word(sentence):
    assert all(m.unit is None for m in extract_mentions(sentence))


@pytest.mark.parametrize("sentence, text, kind", [
    # codes, stock codes, hotlines and promotions written as dates
    ("出口主要通过“9610”直邮方式申报。", "9610", "other"),
    ("阿里巴巴（9988.HK）公布业绩。", "9988", "other"),
    ("企业遇到问题可拨打12360海关服务热线咨询。", "12360", "other"),
    ("如遇消費爭議，可撥打 12345 市民服務熱線申訴。", "12345", "other"),
    ("今年“9.9”“11.11”两场大促期间订单大增。", "11.11", "other"),
    # a few things the article named, counted in words
    ("这两项指标分别增长了7.4倍。", "两项", "other"),
    ("四家公司里收入增速最快的是美客多。", "四家", "other"),
    # a Republic of China year
    ("由 112 年的 9.7 %降到 114 年的 7 %。", "112", "date"),
    # page furniture of a forum and a government site
    ("浏览次数：1,873", "1,873", "furniture"),
    ("回复 87", "87", "furniture"),
])
def test_numbers_that_are_codes_names_or_dates_are_not_statistics(sentence, text, kind):
    assert [m.kind for m in extract_mentions(sentence) if m.text == text] == [kind]


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("等待時間平均為 6.4 天。", "6.4 天", 6.4, "days"),
    ("以 12 歲以上民眾為對象。", "12 歲以上", 12, "age"),
    ("新建的6栋厂房很快全部招满。", "6栋", 6, "buildings"),
    ("覆盖全国31个省份。", "31个", 31, "provinces"),
    ("利用全国276个地级市的面板数据。", "276个", 276, "cities"),
])
def test_units_after_a_space_and_buildings_are_read(sentence, text, value, unit):
    m = next(m for m in extract_mentions(sentence) if m.kind == "statistic")
    assert (m.text, m.value, m.unit) == (text, value, unit)


@pytest.mark.parametrize("sentence, text", [("约占总量的29%。", "29%"), ("折合人民币约合35美元。", "35美元"),
                                             ("跨境电商约占同期外贸总值的6%。", "6%")])
def test_about_before_the_verb_qualifies_the_figure_after_it(sentence, text):
    assert [m.qualifier for m in extract_mentions(sentence) if m.text == text] == ["~"]


@pytest.mark.parametrize("sentence, text", [("约占一半，其余占29%。", "29%"), ("营收约占：29%。", "29%"),
                                             ("约合\n35美元。", "35美元")])
def test_about_in_an_earlier_clause_leaves_the_figure_exact(sentence, text):
    """The 16 characters before a figure are searched first, the clause only if 约 is there: a 约
    and verb within reach but behind a comma, a colon or a line feed still qualify nothing."""
    assert [m.qualifier for m in extract_mentions(sentence) if m.text == text] == ["="]


def test_a_growth_verb_before_two_multiples_grows_both_and_a_streak_is_not_a_rank():
    found = {m.text: m for m in extract_mentions("这两项指标分别增长了7.4倍和11.2倍。营收连续第27个季度增长，位列第三。")}
    assert (found["增长了7.4倍"].value, found["11.2倍"].value) == (8.4, 12.2)
    assert (found["第27个"].unit, found["第三"].unit) == (None, "rank")


@pytest.mark.parametrize("sentence, text, low, high, qualifier", [
    ("占零售总额的3.6%，远低于21.9%的全球平均水平。", "21.9%", 21.9, 21.9, "="),   # the level compared with
    ("毛利率高于30%的行业均值。", "30%", 30, 30, "="),
    ("退货率低于5%。", "低于5%", None, 5, "<"),                                      # a bound of its own
])
def test_a_level_compared_with_is_read_exactly_and_a_bound_stays_a_bound(sentence, text, low, high, qualifier):
    m = next(m for m in extract_mentions(sentence) if m.text.endswith(text.lstrip("低于")) and m.kind == "statistic"
             and m.value in (21.9, 30, 5))
    assert (m.text, m.low, m.high, m.qualifier) == (text, low, high, qualifier)


@pytest.mark.parametrize("pattern, first", [
    (r"(?:超过|近)?\d+", "0123456789近超"),          # an optional word, then what must follow it
    (r"(?<![A-Z])(?=\d)[1-3]万", "123"),             # look-arounds read nothing
    (r"(?>[一二]+|\d)倍", "0123456789一二"),           # an atomic group, as the scan's _N
    (r"第?[^\d]", None),                             # a negated class: every character but digits
    (r"\d*", None),                                  # may match nothing, so may start anywhere
])
def test_first_characters_of_a_pattern(pattern, first):
    from xbdata.text.extract import _FIRST, _first_chars
    expected = first if first is None else "".join(sorted(first))
    if pattern == r"第?[^\d]":   # 第 or any character of _FIRST that is not a digit
        expected = "".join(sorted(set(_FIRST) - set("0123456789") | {"第"}))
    assert _first_chars(pattern) == expected


def test_each_pattern_of_the_scan_starts_where_its_guard_lets_it():
    """Every match of every alternative of the scan, at every position of every seed and evaluation
    text, starts with a character its guard allows, if the scan's own guard (_FIRST) lets it start at
    all: the guards skip only attempts that would fail."""
    import re
    from pathlib import Path

    from xbdata.text.extract import _FIRST, _PATTERNS, _first_chars
    from xbdata.text.script import to_simplified
    root = Path(__file__).resolve().parent.parent
    texts = [to_simplified(p.read_text(encoding="utf-8"))
             for p in sorted([*(root / "seeds").glob("*.txt"), *(root / "eval").glob("*/*.txt")])]
    for name, pattern in _PATTERNS:
        first = _first_chars(pattern)
        if first is None:
            continue
        starts = {m.group(1)[0] for text in texts for m in re.finditer(f"(?=({pattern}))", text, re.MULTILINE)
                  if m.group(1)}
        assert starts & set(_FIRST), name
        assert starts & set(_FIRST) <= set(first), (name, starts & set(_FIRST) - set(first))


def test_a_mention_made_from_its_fields_is_a_mention_made_by_its_constructor():
    """frozen_instance skips a frozen dataclass's __init__: what it makes must still be that
    dataclass (equal, same hash and repr, frozen) with its fields in the class's order, which
    as_row, and so the JSON and CSV, follow."""
    import dataclasses

    from xbdata.text.extract import Mention
    from xbdata.text.numbers import Quantity, frozen_instance, parse_quantity
    for mention in extract_mentions("2023年销售额超过1.5亿美元，约占总量的29%。"):
        fields = {f.name: getattr(mention, f.name) for f in dataclasses.fields(Mention)}
        made = Mention(**fields)
        assert mention == made and hash(mention) == hash(made) and repr(mention) == repr(made)
        assert list(mention.as_row()) == [f.name for f in dataclasses.fields(Mention)]
        with pytest.raises(dataclasses.FrozenInstanceError):
            mention.value = 0.0
    quantity = parse_quantity("超过1.5亿美元")
    assert quantity == Quantity("超过1.5亿美元", 1.5e8, 1.5e8, None, "USD", ">", False)
    assert list(vars(quantity)) == [f.name for f in dataclasses.fields(Quantity)]
    made = frozen_instance(Quantity, {"text": "x", "value": 1.0, "low": 1.0, "high": 1.0, "unit": None,
                                      "qualifier": "=", "approx": False})
    assert made == Quantity("x", 1.0, 1.0, 1.0, None, "=") and dataclasses.replace(made, value=2.0).value == 2.0


def test_the_sentence_around_a_span_is_found_alike_in_any_order_of_asking():
    """Sentences.around remembers the last sentence it found; asked in order, out of order and
    across sentence ends, it gives what a plain reading of the text gives: from after the last
    sentence end at or before the span's start to the first end after the span's end."""
    import random

    from xbdata.text.extract import Sentences
    rng = random.Random(15)
    ends = "。！？!?；;\n"
    for _ in range(40):
        text = "".join(rng.choice("数字12万。；\n，约") for _ in range(rng.randint(1, 40)))
        spans = [tuple(sorted(rng.randrange(len(text)) for _ in range(2))) for _ in range(30)]
        spans += sorted(spans)                      # in order, as the extractor asks
        sentences = Sentences(text)
        for start, end in spans:
            left = max((i + 1 for i in range(start) if text[i] in ends), default=0)
            right = next((i + 1 for i in range(end, len(text)) if text[i] in ends), len(text))
            assert sentences.around(start, end) == (left, right), (text, start, end)
