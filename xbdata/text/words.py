"""The one table of the words Chinese articles write numbers with.

The parser (`numbers.py`) and the extractor (`extract.py`) both build their patterns from these
tables, so a word added here is understood by both: when each kept its own list, they drifted
(the extractor read 3百分点 as 300 and dropped the unit of 100人民币). Every entry is simplified
script; callers convert text with `xbdata.text.script.to_simplified` first (same length, so offsets
hold), which also turns full-width digits and signs into ASCII.

Nothing here imports from xbdata: this module is data, plus `alternation` to turn a word list
into a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --- numerals ---------------------------------------------------------------------------------

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Units inside a Chinese numeral: 三千五百 is 3*1000 + 5*100.
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# Section units: 三亿五千万 is (3)*10^8 + (5000)*10^4.
SECTION_UNITS = {"万": 10**4, "亿": 10**8}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(SECTION_UNITS)
UNIT_CHARS = "".join(SMALL_UNITS) + "".join(SECTION_UNITS)          # 十百千万亿
BARE_MAGNITUDE_CHARS = "百千万亿"    # can stand alone after a qualifier (近百家, 上千亿); 十 alone is a number
COUNTING_CHARS = "一二三四五六七八九十"                              # list numbers, months: 一、 十二月
# Digits that count on their own before a classifier (三成, 两天, 五家). 一 is too common a word
# (一些, 一直) and 二 too (二手, 二次元); they count only in 一成, 一倍 and inside longer numerals.
COUNTING_DIGITS = "两三四五六七八九十"
ONE_BEFORE = ("成", "倍")
# ... but not where 成 begins another word: 这一成绩, 一成本 (成绩, 成本, 成功 ...).
ONE_BEFORE_NOT = "绩本功员为交长立就果效品型"

# Magnitude words written after a number (3.5万亿, 2百万, 5000余万) or on their own (百亿, 上千亿).
MAGNITUDES = {"万亿": 10**12, "兆": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "千万": 10**7, "百万": 10**6,
              "十万": 10**5, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}
# A magnitude of two characters can stand alone as an amount (突破百亿元); 亿 or 万 alone is a word.
STANDALONE_MAGNITUDES = tuple(w for w in MAGNITUDES if len(w) > 1)
# Magnitudes that are never ordinary words, so they are amounts wherever they stand (百万卖家).
UNAMBIGUOUS_MAGNITUDES = ("百万", "百亿", "千亿", "万亿")
# Characters that make a magnitude character the start of another word: 百分点, 千克, 千米, 千瓦.
NOT_AFTER_MAGNITUDE = "分克米瓦字赫帕焦"

# An amount written in two parts, a larger magnitude then a smaller (1亿2068万, 1 兆 3,245 億: Taiwan's
# 兆 is 万亿): the first part's magnitudes and the second's.
COMPOUND_FIRST = ("万亿", "兆", "亿")
COMPOUND_SECOND = ("千亿", "百亿", "十亿", "亿", "千万", "百万", "十万", "万", "千")

# Two neighbouring digits side by side are a vague amount: 三四成, 两三千, 七八个, 三五天.
ADJACENT_DIGITS = "一二两三四五六七八九"

# "Some": 几千 is 2000 to 9000, 十几 11 to 19, 数百亿 2e10 to 9e10 (数 before a magnitude means 几).
VAGUE_DIGIT = "几"
VAGUE_PREFIX = "数"
VAGUE_LOW, VAGUE_HIGH = 1, 9           # 十几: 11 to 19
VAGUE_LOW_BEFORE_UNIT = 2              # 几十, 几千: from 20, 2000 ("a few" is at least two)

# 多/余 after a number or between it and its magnitude (30多万, 5000余万件, 200多个): more than.
MORE_WORDS = ("多", "余")
# Words that take only a bare magnitude (上千亿, 过亿): "reaching the order of" is at least,
# "passing it" more than. (After 超, 逾, 近, 破 a bare magnitude stands too: 超亿元, 近万家.)
MAGNITUDE_PREFIXES = {"上": ">=", "过": ">"}
# Numerals that stand for two characters (廿年 is twenty years).
NUMERAL_ALIASES = {"廿": "二十", "卅": "三十"}

# --- qualifiers -------------------------------------------------------------------------------

QUALIFIERS = ("=", ">", ">=", "<", "~")
# A comparison before a level the text names after it (低于21.9%的全球平均水平, 高于30%的行业均值): the
# number is that level, exactly, and the comparison another figure's.
COMPARED_WITH = ("高于", "低于", "多于", "少于", "大于", "小于")
LEVELS = ("平均水平", "平均值", "均值", "平均数", "水平", "标准")
PREFIX_QUALIFIERS = {
    "超过": ">", "超出": ">", "多于": ">", "高于": ">", "大于": ">", "逾": ">", "超": ">",
    "突破": ">", "突破了": ">", "破": ">",
    "至少": ">=", "不少于": ">=", "不低于": ">=", "最少": ">=",
    "不得低于": ">=", "不得少于": ">=", "不能低于": ">=", "不应低于": ">=",     # a floor a rule sets
    "将近": "~", "接近": "~", "大约有": "~", "约有": "~", "大约": "~", "大概": "~", "几乎": "~",
    "约": "~", "近": "~", "约为": "~",
    "不到": "<", "不足": "<", "少于": "<", "低于": "<", "小于": "<", "不超过": "<",
    "不得超过": "<", "不得高于": "<",
    "高达": "=", "多达": "=", "达到了": "=", "达到": "=", "达": "=", "仅": "=",
}
SUFFIX_QUALIFIERS = {
    "以上": ">", "有余": ">", "多": ">", "余": ">", "+": ">", "或以上": ">=", "及以上": ">=",
    "左右": "~", "上下": "~", "级": "~",
    "以下": "<", "以内": "<",
    "起": ">=",   # 每单350日元起: from 350 yen; only after a unit (3起事故 counts incidents)
}

# --- units ------------------------------------------------------------------------------------

# Unit words after a number: (unit, factor). 三成 is 30 %.
UNIT_WORDS = {
    "%": ("%", 1), "成": ("%", 10), "个百分点": ("pp", 1), "百分点": ("pp", 1), "倍": ("x", 1),
    "元人民币": ("CNY", 1), "元": ("CNY", 1), "人民币": ("CNY", 1), "块钱": ("CNY", 1),
    "美元": ("USD", 1), "美金": ("USD", 1), "港元": ("HKD", 1), "港币": ("HKD", 1),
    "新台币": ("TWD", 1), "台币": ("TWD", 1), "欧元": ("EUR", 1),
    "周岁": ("age", 1), "岁": ("age", 1),
    "个小时": ("hours", 1), "小时": ("hours", 1), "个工作日": ("working_days", 1), "工作日": ("working_days", 1),
    "天": ("days", 1), "日": ("days", 1), "个星期": ("weeks", 1), "星期": ("weeks", 1), "周": ("weeks", 1),
    "个月": ("months", 1), "年": ("years", 1), "平方米": ("square_meters", 1), "平米": ("square_meters", 1),
    "平方呎": ("square_feet", 1), "平方英尺": ("square_feet", 1), "公吨": ("tonnes", 1), "吨": ("tonnes", 1), "分钟": ("minutes", 1), "秒钟": ("seconds", 1), "秒": ("seconds", 1),
    # Every other currency an article names, as its ISO 4217 code (so 日元 is yen, not 日, days).
    "日元": ("JPY", 1), "日圆": ("JPY", 1), "韩元": ("KRW", 1), "英镑": ("GBP", 1), "澳元": ("AUD", 1),
    "加元": ("CAD", 1), "新加坡元": ("SGD", 1), "新币": ("SGD", 1), "泰铢": ("THB", 1), "卢布": ("RUB", 1),
    "林吉特": ("MYR", 1), "令吉": ("MYR", 1), "雷亚尔": ("BRL", 1), "巴西雷亚尔": ("BRL", 1),
    "越南盾": ("VND", 1), "印尼盾": ("IDR", 1), "卢比": ("INR", 1), "印度卢比": ("INR", 1),
    "里亚尔": ("SAR", 1), "沙特里亚尔": ("SAR", 1), "迪拉姆": ("AED", 1), "阿联酋迪拉姆": ("AED", 1), "卡塔尔里亚尔": ("QAR", 1), "兹罗提": ("PLN", 1),
    "里拉": ("TRY", 1), "土耳其里拉": ("TRY", 1), "瑞士法郎": ("CHF", 1), "新西兰元": ("NZD", 1),
    "墨西哥比索": ("MXN", 1), "菲律宾比索": ("PHP", 1), "阿根廷比索": ("ARS", 1), "智利比索": ("CLP", 1),
    "哥伦比亚比索": ("COP", 1), "奈拉": ("NGN", 1), "尼日利亚奈拉": ("NGN", 1), "兰特": ("ZAR", 1), "南非兰特": ("ZAR", 1),
    "埃及镑": ("EGP", 1), "肯尼亚先令": ("KES", 1), "澳门元": ("MOP", 1), "澳门币": ("MOP", 1), "葡币": ("MOP", 1),
    # 比索 alone is some country's peso: the draft names which from the place it is about
    # (xbdata.curate.propose), and the loader refuses PESO until it does.
    "比索": ("PESO", 1),
}
# Currency signs and names before a number ($68, ¥99, HK$5, 新台币1,100元, 人民币5000元).
UNIT_SIGNS = {"US$": "USD", "HK$": "HKD", "NT$": "TWD", "$": "USD", "¥": "CNY", "￥": "CNY", "€": "EUR",
              "新台币": "TWD", "人民币": "CNY", "港币": "HKD", "港元": "HKD", "美元": "USD", "欧元": "EUR",
              "MOP$": "MOP", "澳门元": "MOP"}
# 元 after a number is the money of whatever currency the text named before it (新台币650元 is TWD).
GENERIC_MONEY = "元"
# The words that name the renminbi itself; 元 alone is also Taiwan's and Hong Kong's dollar.
CNY_WORDS = ("人民币", "RMB", "¥", "￥", "块钱")
PERCENT_WORD = "百分之"              # 百分之五十 is 50 %
# Half, written as a word: 一半, 半数 (50 %); 过半, 逾半 are more than half, 近半 nearly half.
HALF_WORDS = ("一半", "半数")
MORE_THAN_HALF = "过半"
HALF = "半"                          # also a half more: 三成半 is 35 %, 两年半 2.5 years
# A digit after 成 is a tenth of it (1 成 2, 三成五: 12 %, 35 %), where nothing that counts follows.
TENTH_OF = "成"
TENTH_DIGITS = "123456789一二三四五六七八九"

# What a count counts, when the words right after the number say so (8000个品类以上, 超过1.2亿用户).
COUNT_NOUNS = {
    "用户": "users", "订单": "orders", "品牌": "brands", "粉丝": "followers", "品类": "categories",
    "国家": "countries", "推文": "tweets", "创造者": "creators", "卖家": "sellers", "买家": "buyers",
    "消费者": "consumers", "受访者": "respondents", "商家": "merchants",
    "企业": "firms", "公司": "firms", "经营主体": "firms", "包裹": "parcels", "快递": "parcels",
    "店铺": "stores", "网店": "stores", "门店": "stores", "海外仓": "warehouses", "保税仓": "sites",
    "仓库": "warehouses", "自提点": "sites", "站点": "sites", "网点": "sites", "市场": "markets",
    "城市": "cities", "地级市": "cities", "县市": "cities", "省份": "provinces",
    "厂房": "buildings", "牌照": "licenses", "许可证": "licenses", "综试区": "zones", "综合试验区": "zones", "商品": "products", "SKU": "products", "航线": "routes",
    "航班": "flights", "航次": "sailings", "集装箱": "containers", "岗位": "jobs", "帖子": "posts", "人": "people",
}
# Words that may stand between a counting word and its noun (165个跨境电商综合试验区, 数十万款优惠商品).
COUNT_NOUN_MODIFIERS = ("国家级", "省级", "跨境电子商务", "跨境电商", "跨境", "海外", "优惠", "在售", "活跃", "本土",
                        "本地", "中国", "新")
# What a counting word counts when no noun after it says (60多亿件 items, 3000余家 firms, 1200名
# people). 个, 次, 种 and the like say nothing of what they count.
CLASSIFIER_UNITS = {"件": "items", "家": "firms", "人": "people", "名": "people", "位": "people", "单": "orders",
                    "笔": "orders", "票": "parcels", "包": "parcels", "款": "products", "人次": "visits",
                    "万人次": "visits"}
# Classifiers: they sit between a number and what it counts, and carry no unit of their own.
CLASSIFIERS = ("个", "家", "款", "位", "名", "人", "次", "项", "件", "单", "条", "种", "类", "台", "辆",
               "所", "座", "批", "包", "票", "只", "双", "套", "场", "亩", "份", "万人次", "人次", "户", "家次",
               "列", "架", "艘", "班", "单次", "笔", "栋", "幢", "张")

# --- ranges, ratios, multiples ----------------------------------------------------------------

RANGE_SEPARATORS = ("-", "~", "至", "到", "—", "–", "〜")
# The spaces some papers put between a number and its magnitude or unit (2,345.6 億元): one is read through.
SPACES = " \u00a0\u3000"
# After such a space, these words begin another word, not a unit: 1 年轻人, 2 天猫, 15 天天特价,
# and 年 after a space is a year's (低於 2019 年); 6.4 天 and 12 歲以上 are units after a space.
NOT_AFTER_SPACE = ("年", "天猫", "天天", "天气", "日本", "日用", "日报", "日电", "日讯",
                   "周边", "周年", "周末", "月活", "月度", "小红书", "小程序", "小额", "小时候", "星期", "星级",
                   "分享", "分别", "分钟前", "分析", "秒杀", "岁末", "岁月")
# 从1.06万亿元到2.38万亿元 is a change between two figures, not a range.
CHANGE_FROM = ("从", "由")
# ... unless these follow: 由12至25港元不等 is a range after all.
RANGE_AFTER = ("不等", "之间", "区间")
FRACTION_WORD = "分之"               # 三分之一
# The words of a duration in two units (7分45秒, 2小时15分钟).
HOUR_WORDS = ("个小时", "小时")
MINUTE_WORDS = ("分钟", "分")
SECOND_WORDS = ("秒钟", "秒")
RATIO_EVERY = "每"                  # 每五个人中就有一个
RATIO_AMONG = ("当中", "之中", "中", "里")
RATIO_HAVE = ("就有", "有")
GROWTH_VERBS = ("增加", "增长", "提高", "提升", "扩大", "上涨", "上升", "升", "增", "涨")   # 增长了一倍, 按年升近一倍: 2 x
DOUBLING_WORD = "翻"                # 翻一番 2 x, 翻两番 4 x
ORDINAL_PREFIX = "第"
ORDINAL_RANK_WORDS = ("名", "位", "个", "大")      # 第一名, 第二大市场, 排名第三: a rank
ORDINAL_LIST_WORDS = ("种", "类", "点", "期", "步", "条", "部分", "章", "节", "次")

# --- what is not a statistic ------------------------------------------------------------------

# Page furniture: counters and bylines around the article (阅读 1234, 点赞 56, 阅读10万+).
FURNITURE_WORDS = ("阅读量", "阅读", "浏览次数", "浏览量", "浏览", "回复", "点赞", "赞", "评论", "在看", "收藏", "分享", "转发",
                   "来源", "编辑", "作者", "责编", "关注", "播放量", "播放", "留言", "喜欢", "推荐", "转载")
# Numbers that label or name rather than measure: a figure's or table's label (图2, 表3, TOP100),
# a service's name (4至6日达), an instalment term (分12期, 12期免息).
LABEL_WORDS = ("附图", "附表", "图", "表", "TOP", "Top", "top")
# ... but not where 图 or 表 ends another word (代表60%的卖家, 试图, 地图).
NOT_BEFORE_LABEL = "代发列外报统意试地企版蓝构"
TERM_AFTER = ("日达", "天达", "期免息")
SERVICE_AFTER_DAYS = "达"       # 4至6日达, 3天达: a delivery service's name, when 达 follows the days
LIST_NAME_AFTER = "强"          # 50强, 百强: a list's name, after a bare whole number only (15%强 is a figure)
INSTALMENT_BEFORE = "分"
INSTALMENT_AFTER = "期"
# Numbers that are places, not quantities (5栋12楼): the words right after them.
ADDRESS_WORDS = ("栋", "号楼", "楼", "室", "层", "单元", "弄", "巷")
# ... but 6栋厂房 counts buildings.
BUILDING_NOUNS = ("厂房", "楼房", "大楼", "建筑", "仓库", "标准厂房", "写字楼")
# Numbers that are codes, not quantities: a number alone in quotes (“9610”直邮, 以“1210”方式), a
# stock code (9988.HK), a hotline (拨打12360, 1950 专线), a promotion written as a date (“9.9”“11.11”).
CODE_QUOTES = ("“”", "「」", "\"\"", "『』", "‘’")
STOCK_EXCHANGES = (".HK", ".SZ", ".SH", ".US", ".N", ".O", ".SS")
HOTLINE_BEFORE = ("拨打", "致电", "热线", "电话", "专线")
HOTLINE_AFTER = ("热线", "专线", "服务热线", "消费者服务专线", "服务专线")
# 约 before the verb still qualifies the number after it (约占总量的29%, 约合35美元).
APPROXIMATE_BEFORE_VERB = ("约", "大约", "大概", "约莫")
VERBS_AFTER_APPROXIMATE = ("占", "合", "为", "有", "达", "是", "相当于")
# After an ordinal, these make it a count of periods in a row (连续第27个季度), not a rank.
STREAK_PERIODS = ("季度", "月", "年", "周", "届", "次", "天", "财季")
# A Republic of China year in Taiwanese text (114 年, 民國113年): a date, and the period it names
# (its year 1 is 1912, so 114 is 2025).
ROC_YEAR = r"(?:民国\s?)?(?P<roc>1[01]\d)"
ROC_YEAR_ONE = 1912
# Dates: words that make a number a calendar reference.
YEAR_PARTS = ("上半年", "下半年", "前三季度", "年底", "年初", "年末", "年中", "全年", "年度", "财年", "财年度", "年报")
RELATIVE_YEARS = ("今年", "去年", "明年", "前年", "后年", "当年", "同年")
MONTH_PARTS = ("上旬", "中旬", "下旬", "底", "初", "中", "末", "份")     # after 月: 9月底, 10月份
QUARTER_WORD = "季度"
HALF_YEAR_LATIN = ("H1", "H2")
# A duration becomes a time window (过去两年, 近3年, 5年间, 4天内, 三年来), not a measurement.
PERIOD_BEFORE = ("在过去的", "过去的", "过去", "未来的", "未来", "最近", "近", "这", "前", "后", "头", "此前", "今后")
# Words ending in a window word that open no window (提前6周备货 is a lead time).
NOT_PERIOD_BEFORE = ("提前", "之前", "以前", "以后", "之后", "落后", "最后")
PERIOD_AFTER = ("以来", "之内", "之间", "期间", "当中", "以前", "之前", "之后", "间", "内", "来", "里", "中", "前", "后")
PERIOD_UNITS = ("年", "个月", "月", "周", "个星期", "星期", "天", "日", "个小时", "小时", "季度", "个季度")
# Enumerations of the article's own points (两大优势, 三个方面, 四种模式, 五个要点): the article
# counting its own arguments, not the world. Words right after the number:
ENUMERATION_WORDS = ("大", "种", "类", "点", "步", "招", "大类", "位数")   # 两位数增长: a vague size, no figure
# and nouns of discourse after a classifier (三个方面, 两条渠道, 五个要点):
DISCOURSE_NOUNS = ("方面", "要点", "原因", "建议", "问题", "步骤", "技巧", "趋势", "特点", "特征", "优势", "挑战",
                   "策略", "渠道", "阶段", "维度", "模式", "类型", "因素", "要素", "板块", "环节", "方向", "路径",
                   "举措", "措施", "关键", "层面", "角度", "部分", "误区", "难点", "痛点", "逻辑")
# Shopping events named with numbers (双11, 618 大促).
EVENT_NAMES = ("双十一", "双十二", "双11", "双12", "双 11", "双 12", "黑五", "十一黄金周")
EVENT_NUMBERS = ("618", "818", "520", "99", "1111", "1212", "11.11", "12.12", "6.18")
EVENT_AFTER = ("大促", "购物节", "年中大促", "期间", "当天", "活动", "狂欢节", "电商节", "节")
# Conditions and examples make the numbers of their own clause hypothetical (假如提升10%, 比如一件
# 100元的商品); the main clause after a condition may still report a measurement (如果退货期限
# 延长到30天，有七成受访者表示愿意...: a survey's answer).
HYPOTHETICAL_WORDS = ("假如", "假设", "如果", "若是", "倘若", "比如", "举例来说", "打个比方")
# An example holds for its whole sentence (比如一款39.99美元的柜子，……每件还剩9美元), a condition only
# for its own clause.
EXAMPLE_WORDS = ("比如", "例如", "举例来说", "打个比方", "举个例子")
# Words that make the number after them the frame of a scale, not a measurement (满分5分).
SCALE_WORDS = ("满分", "总分")
# Words before an ordinal that make it a rank (位列全球第三, 排名第一).
RANK_VERBS = ("排名", "排行", "位列", "位居", "名列", "排在", "居于", "位于", "跻身", "居", "列", "排")


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, preferring the longest (超过 over 超).

    Written as a trie (超(?:过|出)?|逾...) rather than a list of alternatives: the regex engine
    then compares a character once instead of once per word, which is most of the extractor's
    scanning time on long qualifier and unit lists.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
