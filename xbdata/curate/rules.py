"""The guessing rules for drafts: one table, read top to bottom (`RULES`), and the words they look for.

A new article's numbers become drafts (`xbdata.curate.propose`); what a draft's fields are guessed
to be (topic, subject, measure, measure kind, breakdown, geography, period, kind, a unit the
number's own words do not give) comes from the first rule below that matches. To change a guess,
find the word here: the rule that makes 卖家 count sellers is the line with 卖家 in it.

How a rule is read. Each rule fills one field with one value when its `pattern` (a regular
expression, mostly words joined by |) occurs in the article's simplified text around the number,
and, if it names `units`, only when the draft's unit is one of them ("" for no unit). `where` is
the widest scope the rule looks in:

    before     the number's own clause, up to the number (同比增长 in 同比增长5.7%)
    quote      the quote (the clause or clauses around the number, see `quote_window`)
    sentence   the sentence around the number
    paragraph  the paragraph around the number

Scopes are searched narrowest first, and in each scope the rules in table order: the first rule
that matches wins. So 东南亚 in the number's own clause beats 我国 earlier in the sentence, and a
rule that only looks `before` the number never reaches into the sentence. Three fields take the
match nearest before the number instead of the first in table order: measure (出口约1.03万亿元；
进口约2911亿元，增长9.3%: import value; of overlapping words the rule first in table order: 进出口
beats 出口, 月活跃用户 beats 用户), geography (郑州海关统计，河南
口岸……: Henan; a city in a dateline never counts; 全省/全市 are the province or city named last;
a place after the number counts only when no scope names one before it) and, in the number's own
clause, unit (设有网路商店的零售业者约2.3万家: firms). A rule with an empty pattern is the field's default (within its
units): it applies when no other rule matched.

Values may name other fields: {geography} in a subject ("China cross-border e-commerce").
Periods are templates: {Y} is the year the text names in group `y`, or the published year moved
by the rule's `shift` (今年 0, 去年 -1); {C} the last year the article names before the match (第四
季度 in an article about 2024); {R} the year of the latest such month up to the published date (1月
in an article of 2026-02 is 2026-01); {PM} the month it was published, moved by `shift` months
(上月); {Y0} a span's first year; {M} a month, {D} a day, {Q} a quarter, {N} a
count of years; {BLACK_FRIDAY} and {CYBER_MONDAY} the month and day 黑五 and 网一 fall on that
year. Among the period matches in a scope, the one nearest before the number wins; where two rules
match overlapping text the earlier, more specific rule wins (今年上半年 over 今年). A year after a
comparison word (低于2019年的…) is the period of its own figure only; a year written just
before the number (由2021年的4.9%升至2024年的6%) is the number's whatever else the sentence says, and
上年同期的11% is the same period a year earlier. A promotion names its month (双11 and 黑五: November,
618: June; 双11当天 the day), with no year the latest one up to the published date. When a paragraph names
a period only after the number, the article's last period before the paragraph holds (a story keeps
the period it set), else the one after. No period in the paragraph: unspecified, never a guess, and
the draft says so (a survey's figure takes the year it was published, and says so too).

The labels' Chinese words are trimmed with the patterns at the end (the verbs and qualifiers that
lead into a number), and `REASONS` says why a mention that is not a statistic is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale

from ..text import words as W
from ..text.script import to_simplified
from ..text.units import COUNTS, DURATIONS, FLOOR_AREAS, MONEY

SCOPES = ("before", "quote", "sentence", "paragraph")


@dataclass(frozen=True)
class Rule:
    """Fill `field` with `value` when `pattern` occurs within `where` (and the unit is one of `units`)."""

    field: str
    value: str
    pattern: str
    where: str = "sentence"
    units: tuple[str, ...] = ()
    shift: int = 0   # periods: years from the published year, for 今年 (0), 去年 (-1), 明年 (1)


_Y = r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s?"   # a space may stand before 年 (2025 年, in Taiwanese news)
_CN = "".join(d for d, n in W.DIGITS.items() if n) + "十"   # 一 to 十, and 两
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_DOUBLE_11 = r"(?:双\s?11|双十一)"
# Half years and quarters in Latin letters (2025H1, Q3), not inside a word or a code (H1B, Q35)
_NOT_LATIN = r"(?![\dA-Za-z])"
# The first months of a year (1-9月, 前6个月): {F} is the period they make (Q1, H1, Q1-Q3)
_FIRST_MONTHS = r"(?:(?:1|一)\s?[-—–~～至到]\s?(?P<first>[369三六九])\s?月|前(?P<first2>[369三六九])个月)"
FIRST_MONTHS_PERIOD = {3: "Q1", 6: "H1", 9: "Q1-Q3"}
# The period a company's results end in a month (截至9月30日止季度, 截至6月30日止六个月): what the
# span and its last month make of it; a span that ends elsewhere (a fiscal half ending in March) is
# no calendar period and gives none.
_ENDED_SPANS = {"季度": "quarter", "三个月": "quarter", "六个月": "half", "半年": "half", "九个月": "nine",
                "前三季度": "nine", "年度": "year", "十二个月": "year", "全年": "year"}
PERIOD_ENDING = {
    **{(word, m): f"Q{m // 3}" for word, span in _ENDED_SPANS.items() if span == "quarter" for m in (3, 6, 9, 12)},
    **{(word, m): f"H{m // 6}" for word, span in _ENDED_SPANS.items() if span == "half" for m in (6, 12)},
    **{(word, 9): "Q1-Q3" for word, span in _ENDED_SPANS.items() if span == "nine"},
}
# A title (《四川省跨境电商高质量发展行动计划（2026—2028年）》): its years name the document, not a
# figure's period (a survey's name in 「」 gives its year, SURVEY_OF_A_YEAR).
TITLE = r"《[^》\n]{1,60}》"
PERIOD_ALIAS = r"[（(]\s?(?:即|亦即|也就是|相当于)[^）)]{0,30}[）)]"
_ENDED = (rf"截至(?:{_Y}年?)?(?P<m>{_NUM})\s?月\s?\d{{1,2}}\s?日\s?止?的?(?P<span>{'|'.join(_ENDED_SPANS)})"
          r"(?:\s?[（(][^）)]{0,30}[）)])?")

# Platforms, each as the subject it is catalogued under (xbdata.curate.tables.PLATFORMS knows them all).
PLATFORM_WORDS = {
    "TikTok Shop": r"TikTok Shop|TikTok商城|抖音电商海外", "TikTok": r"TikTok|Tik Tok|抖音海外版",
    "Mercado Libre": r"Mercado Libre|美客多", "Amazon": r"亚马逊|Amazon", "Shopee": r"Shopee|虾皮",
    "Lazada": r"Lazada", "Temu": r"Temu", "SHEIN": r"SHEIN|Shein|希音", "AliExpress": r"速卖通|AliExpress",
    "Tmall Global": r"天猫国际|Tmall Global", "Xiaohongshu": r"小红书", "Twitter": r"Twitter|推特",
    "Facebook": r"Facebook|脸书", "Instagram": r"Instagram", "eBay": r"eBay|易贝", "Walmart": r"沃尔玛|Walmart",
    "Joom": r"Joom", "JD.com": r"京东|JD\.com", "Taobao": r"淘宝|Taobao", "PDD": r"拼多多|PDD", "Coupang": r"Coupang|酷澎",
    "Sea": r"Sea集团|冬海|\bSea\b", "Alibaba": r"阿里巴巴|Alibaba|阿里(?=港股|美股|股价|集团|财报)", "Etsy": r"Etsy",
    "Wish": r"Wish",
}
# A platform named as the channel others sell or buy through (透过亚马逊等平台出口的台湾品牌, 主做亚马逊美国站,
# 主要由Temu贡献的交易服务收入, 在淘宝、拼多多或京东等内地平台购物的受访者), or where a brand keeps its
# accounts (TikTok账号粉丝约620万, Instagram粉丝286万), is not whose figure it is.
_PLATFORMS = r"(?:跨境)?(?:电商|网购|购物)?(?:平台|网站)"     # 平台, 电商平台, 跨境网购平台, 日本网站
_CHANNEL_BEFORE = ("透过", "通过", "借助", "经由", "依托", "主做", "由")
_CHANNEL_AFTER = (r"(?:\s?[、和或及与]\s?[A-Za-z\u4e00-\u9fff ]{1,12}?)*"
                  rf"(?:\s?等(?:内地|中国|国内|海外|境外)?{_PLATFORMS}|\s?(?:平台)?上?(?:购物|下单|网购|买过|购买)"
                  r"|[^，。；\d]{0,8}?(?:官方)?账号|\s?(?:粉丝|订阅))")   # a brand's accounts and followers there


def not_as_channel(words: str) -> str:
    """A platform's `words` as a pattern that does not match where it is named as a channel."""
    return "".join(f"(?<!{w})(?<!{w} )" for w in _CHANNEL_BEFORE) + f"(?:{words})(?!{_CHANNEL_AFTER})"

# Words after which a percentage is a share of a whole the words then name (占总营收的56.1%).
SHARE_WORDS = r"占比|占|比重|份额"

# A place named in a dateline (新华社北京1月14日电) is where the story was filed, not what it is about.
# A line that only says who wrote the story, where and when (21世纪经济报道记者 邝颖 上海报道,
# 楼主：阿杰　发表于 2025-12-08): no opening paragraph.
BYLINE = r"[^。！？]{0,60}?(?:记者|报道|作者|编辑|楼主|发表于|来源)[^。！？]{0,40}"
DATELINE_AFTER = r"^(?:\d{1,2}月\d{1,2}日(?:电|讯)|\s?报道)"      # 记者 邝颖 上海报道 too

# A place after these words in its clause is how far something reaches (遍及全球, 覆盖北美、欧洲,
# 分布在美国、德国), not whose figure it is.
REACH_BEFORE = r"(?:遍及|遍布|分布[在于]|覆盖|辐射|服务|销往|远销|出口到|面向|布局|通达|联通)(?:[^\d]{0,6}、)*[^\d、]{0,3}$"
# A place after these words is a comparison's base (比美国站高出4个百分点, 是东南亚市场的2至3倍),
# not whose figure it is; 是 and 相当于 only where what follows leads into the number (…的2至3倍).
# A place goods come from (从中国的直购额, 自中国入境的包裹, 来自中国大陆) is not whose figure it is:
# the buyers' market is; nor is the home of the platforms a figure is of (中国平台在海湾的占比,
# 在內地平台購物: the market they sell in).
# ... and the places of a sentence or heading that speaks of where goods come from (以購買來源地來看，
# 向中國大陸平台購物的比例為71.5%，日本、韓國則分別為38.2%、21.7%; 中國大陸仍是最大來源地) are origins all.
BY_ORIGIN = r"来源地|来源国|购买来源|进口来源"
PLACE_ORIGIN_BEFORE = r"(?:从|自|来自|源自)\s?$"
# ... but 从全球看, 从全球样本来看 is a point of view: the figures after it are that place's.
PLACE_AS_A_VIEWPOINT_AFTER = r"^[^，。；\d]{0,4}?来?看"
# A place joined to the number by 的 (约60%的全球平均水平, 30%的美国消费者) is the number's own.
PLACE_OF_THE_NUMBER_AFTER = r"^\s?的\s?"
PLACE_OF_PLATFORMS_AFTER = rf"^(?:大陆)?{_PLATFORMS}"
# ... nor the home of sellers (约4.6万家中国卖家店铺……去年被监测店铺的GMV), but where its own clause
# counts them (入驻的中国卖家合计已超过10万家).
PLACE_OF_SELLERS_AFTER = r"^[\u4e00-\u9fff]{0,4}?(?:卖家|商家|品牌)"
# ... nor where a company is listed (在香港联交所上市的…物流服务商: its figures are the company's).
# ... nor where a report was released or an event held (19日在深圳发布《报告》, 在杭州举办).
PLACE_OF_AN_EVENT = (r"在\s?$", r"^[市省]?(?:发布|举办|举行|召开|开幕)")
# A platform's site for a country (在美国站单价高达129美元, 日本站) is the place of its own sentence's
# figures only, not of the paragraph or story around it.
PLACE_AS_A_SITE_AFTER = r"^\s?站"
# ... nor the place in a source's name (上海观象数据研究院发布《…调查》).
PLACE_IN_A_NAME_AFTER = r"^[\u4e00-\u9fff]{0,8}?(?:研究院|研究所|研究中心|智库|协会|商会|大学|学院)"
PLACE_OF_LISTING_AFTER = r"^(?:联交所|联合交易所|证券交易所|交易所|主板|创业板|科创板|上市)"
PLACE_BASE_BEFORE = r"(?:比|较|高于|低于|快于|慢于|多于|少于|相比于?|不及|对比)\s?$"
PLACE_BASE_OF = (r"(?:是|为|相当于)\s?$", r"^[^，。；\d]{0,6}的\s?(?:约|近|超过|逾)?\s?$")
# The whole a share is of, when the words name it by pointing back (广东……占全国的31.2%, 占全省的17.8%):
# the place named before it is whose share it is.
SHARE_OF_THE_WHOLE_BEFORE = r"占\s?$"
# Places listed one after another (印度尼西亚、马来西亚……和越南六国): what joins them; a list of
# three or more, or of two with 等, is one figure of them all: of the region they make up when
# the text counts them (六国, 等5个市场) and every one is a member, else of the places by name
# (西班牙、法国、巴西等市场: "Spain, France and Brazil"); with 分别 each figure is its own place's, in
# order (墨西哥和巴西的比例分别为72%和64%).
# (a country site or market may end each name of the list: 日本站与欧洲站分别占15%与12%)
PLACE_LIST_JOINER = r"(?:站|市场)?\s?(?:、|，|,|和|与|及|以及)\s?"
PLACES_COUNTED = r"^\s?(?:等\s?)?(?:[两三四五六七八九十\d]{1,2}\s?个?(?:国家?|市场|地区|经济体))"
PLACES_RESPECTIVELY = r"分别"
# Years listed before 分别 (2021年、2022年和2023年分别为1.98万亿元、2.11万亿元和2.38万亿元): each figure after
# it is of its year in order.
YEARS_RESPECTIVELY = (r"(?P<years>(?:(?:19|20)\d\d\s?年?\s?(?:、|，|,|和|与|及|以及)\s?)+(?:19|20)\d\d\s?年)"
                      r"[^，。；\d]{0,12}?分别")
REGION_MEMBERS = {
    "Southeast Asia": ("Indonesia", "Malaysia", "Philippines", "Singapore", "Thailand", "Vietnam", "Myanmar",
                       "Cambodia", "Laos", "Brunei", "Timor-Leste"),
    "Latin America": ("Mexico", "Brazil", "Argentina", "Chile", "Colombia", "Peru", "Uruguay", "Ecuador", "Venezuela",
                      "Bolivia", "Paraguay", "Costa Rica", "Panama", "Guatemala", "Dominican Republic"),
    "Middle East": ("Saudi Arabia", "United Arab Emirates", "Qatar", "Kuwait", "Bahrain", "Oman", "Israel", "Jordan",
                    "Iraq", "Iran", "Turkey", "Egypt", "Lebanon"),
    "North America": ("United States", "Canada"),
    "Europe": ("Germany", "France", "Italy", "Spain", "Netherlands", "Poland", "Austria", "Switzerland", "Sweden",
               "Belgium", "United Kingdom", "Ireland", "Portugal", "Denmark", "Finland", "Norway", "Czechia", "Greece",
               "Hungary", "Romania"),
}
# A company the article is about, where no table names it: a name ending in one of these words at
# the start of the headline, before a stock code, or in quotes (拓海科技, “木森家居”).
COMPANY_SUFFIXES = r"科技|集团|家居|股份|控股|电子|创新|网络|国际|实业|智能|电器|服饰|贸易|物流|供应链|支付"
# ... but not a phrase that only ends like one (一家国际, 作为拉美): words a name never holds.
NOT_IN_COMPANY_NAMES = (r"^[一这该其每某为在从对把被让向与随由因据]|作为|卖家|平台|企业|跨境|电商|全球|国内|海外|^消费电子$"
                        r"|^(?:航运|海运|空运|快递|仓储|货运|冷链|智慧|数字|国际)+(?:物流|供应链|科技|网络|智能|国际)$")
# ... and the words that describe a company just before its name (跨境电商卖家拓海科技).
COMPANY_DESCRIBED_AS = r"卖家|企业|品牌|平台|厂商|服务商|提供商|公司|龙头|上市公司"
COMPANY_NAME = rf"[\u4e00-\u9fff]{{1,4}}?(?:{COMPANY_SUFFIXES})"
COMPANY_PLACES = (rf"^(?P<c>{COMPANY_NAME})(?=[\u4e00-\u9fff\d])", rf"(?P<c>{COMPANY_NAME})[（(]\d{{6}}\.S[ZH][）)]",
                  rf"[“「\"](?P<c>{COMPANY_NAME})[”」\"]")
# ... and a registered name (天门悦姿服饰有限公司: 悦姿服饰, without the place it is registered in).
REGISTERED_COMPANY = (r"(?:^|(?<=[，。；：、“「\s（(]))(?P<c>[\u4e00-\u9fff]{2,12}?)(?:股份)?有限(?:责任)?公司")
# ... and a name introduced with its name in Latin letters in brackets (跨境支付服务商泊川支付（PoChuan
# Pay）, 声曜科技（Sonaro）): a company, catalogued under that name. An acronym in brackets (（GMV）,
# （ACoS）, （PDD.US）) names a measure or a ticker, not a company.
# A consultancy or research house so introduced (新加坡咨询机构墨腾创投（Momentum Works）) is a source of
# figures about others, not a company the figures are of.
SOURCE_DESCRIBED_AS = r"咨询|研究|机构|智库|数据服务商|调研"
COMPANY_WITH_LATIN_NAME = r"(?P<c>[\u4e00-\u9fff]{2,12}?)[（(]\s?(?P<n>[A-Z][a-z][A-Za-z]*(?: [A-Z][A-Za-z]+)?)\s?[）)]"
# ... and a name of no such ending whose officer speaks for it (海睿通副总裁林蔚表示, 澄星科技董事长):
# a company all the same.
COMPANY_BEFORE_TITLE = (r"(?:^|(?<=[，。；：、“「\s]))(?P<c>[\u4e00-\u9fff]{2,6}?)"
                        r"(?=(?:联合)?(?:创始人|董事长|总裁|副总裁|首席[\u4e00-\u9fff]{1,3}官|CEO|总经理|副总经理|发言人|负责人)"
                        r"[\u4e00-\u9fff]{2,3}(?:表示|介绍|称|说|指出|透露))")
# A company or platform no table names, written in Latin letters at the head of a sentence or clause,
# or after the word that says what it is (本土平台Takealot的GMV), and followed by what it did
# (Allegro去年GMV为600亿兹罗提, Zalando营收增长5%): its name is the subject.
LATIN_NAME_WORDS = r"[A-Z][a-z][A-Za-z0-9&'.-]*(?: [A-Z][A-Za-z0-9&'.-]+)?"
LATIN_NAME = (rf"(?:^|(?<=[，。；：、（(“「])|(?<=平台|品牌|公司|企业|巨头))(?P<n>{LATIN_NAME_WORDS})(?=[\u4e00-\u9fff])"
              r"(?!促销|大促|期间|活动|购物节|节|日|季|当天|报告|指数|模式|业务|计划"
              r"|统计|数据|显示|调查|研究|估算|预测|预计|指出|称|认为)")   # an event, a report, a line of business or a source is no company
# A sentence that breaks a company's figures down by channel (分渠道看，亚马逊仍是主要渠道): the
# platforms it names are its channels, the figures the company's.
BY_CHANNEL = r"渠道"
# Words by which a sentence points back to the company or platform before it.
BACK_REFERENCES = r"该公司|公司|该集团|集团|该平台|平台方|(?<![尤极])其(?![中他余次实间])|该店|店铺"
# ... and those that open a sentence all about the company or platform named before it (该平台业务覆盖150多个国家).
SENTENCE_ABOUT_THE_ONE_BEFORE = r"\s?(?:该平台|该公司|该集团|这家公司|这家平台)"
# ... and the ones that point to a company, never to a platform it sells on.
COMPANY_BACK_REFERENCES = r"该公司|公司|该集团|集团"
# An article its seller writes in the first person (我们是宁波一家做厨房小工具的小团队, 我们公司, 作者：
# 老岑（宁波某跨境卖家创始人）): a figure it names no one else's for is the writer's, catalogued as the seller's.
WRITER_IS_A_SELLER = (r"我们是[^，。；\n]{0,16}?(?:团队|卖家|公司|工厂|企业|店铺|商家)|我们(?:公司|团队|工厂|店铺|这家店)"
                      r"|作者[:：][^\n]{0,30}?(?:卖家|商家|店主|老板|创始人)")
WRITER_SUBJECT = "seller"
# An interview (对话Voyamart海外业务副总裁, 问：…答：…) with the officer of the one company its headline
# names: what the answers say with no one else named is that company's (我们海外GMV大概是46亿美元).
INTERVIEW_HEAD = r"^(?:独家)?(?:对话|专访|访谈)\s?[|｜:：]?\s?"
INTERVIEW = rf"{INTERVIEW_HEAD}|(?m:^问\s?[:：])"
ANSWER = r"^\s?答\s?[:：]"
# Subjects that say only what kind of thing is counted; a company or platform the sentence points to is more.
GENERIC_SUBJECTS = r"^(?:.* )?(?:cross-border e-commerce|e-commerce|sellers)$|^unspecified$"

# Places, each as the geography it is catalogued under; a city before its province, a province
# before its country, so the most precise place a scope names wins. Every country and territory
# is added from CLDR (`_cldr_countries`) under all its usual Chinese names; this table holds the
# places CLDR does not name (provinces, cities, regions) and the short names articles use (沙特, 印尼).
_NAMED_PLACES = {
    "Zhengzhou": r"郑州", "Hangzhou": r"杭州", "Ningbo": r"宁波", "Yiwu": r"义乌", "Shenzhen": r"深圳",
    "Guangzhou": r"广州", "Xiamen": r"厦门", "Qingdao": r"青岛", "Shanghai": r"上海", "Beijing": r"北京",
    "Tianjin": r"天津", "Chongqing": r"重庆", "Chengdu": r"成都", "Suzhou": r"苏州", "Dongguan": r"东莞",
    "Wuhan": r"武汉", "Xi'an": r"西安", "Changsha": r"长沙", "Hefei": r"合肥", "Nanjing": r"南京",
    "Fuzhou": r"福州", "Jinhua": r"金华", "Wenzhou": r"温州",
    "Henan": r"河南|豫", "Zhejiang": r"浙江|浙", "Guangdong": r"广东|粤", "Fujian": r"福建|闽", "Jiangsu": r"江苏",
    "Shandong": r"山东", "Hunan": r"湖南", "Hubei": r"湖北", "Sichuan": r"四川", "Anhui": r"安徽", "Hebei": r"河北",
    "Jiangxi": r"江西", "Guangxi": r"广西", "Yunnan": r"云南", "Hainan": r"海南", "Liaoning": r"辽宁",
    "Shaanxi": r"陕西", "Xinjiang": r"新疆", "Shanxi": r"山西", "Jilin": r"吉林", "Heilongjiang": r"黑龙江",
    "Gansu": r"甘肃", "Guizhou": r"贵州", "Inner Mongolia": r"内蒙古", "Ningxia": r"宁夏", "Qinghai": r"青海",
    "Tibet": r"西藏",
    "Taiwan": r"台湾|全台|台股|台商", "Hong Kong": r"香港|港人|本港|全港|港府", "Macau": r"澳门",
    "Southeast Asia": r"东南亚", "Latin America": r"拉美|拉丁美洲", "North America": r"北美",
    "Middle East": r"中东", "Africa": r"非洲", "Asia-Pacific": r"亚太",
    "United States": r"美国", "Mexico": r"墨西哥", "Brazil": r"巴西", "Argentina": r"阿根廷", "Chile": r"智利",
    "Colombia": r"哥伦比亚", "Peru": r"秘鲁", "Canada": r"加拿大", "United Kingdom": r"英国", "Germany": r"德国",
    "France": r"法国", "Italy": r"意大利", "Spain": r"西班牙", "Netherlands": r"荷兰", "Poland": r"波兰",
    "Austria": r"奥地利", "Switzerland": r"瑞士", "Sweden": r"瑞典", "Belgium": r"比利时", "Russia": r"俄罗斯",
    "Turkey": r"土耳其", "Saudi Arabia": r"沙特", "United Arab Emirates": r"阿联酋", "Israel": r"以色列",
    "Egypt": r"埃及", "South Africa": r"南非", "Nigeria": r"尼日利亚", "Japan": r"日本", "South Korea": r"韩国",
    "India": r"印度", "Indonesia": r"印尼|印度尼西亚", "Malaysia": r"马来西亚", "Thailand": r"泰国",
    "Vietnam": r"越南", "Philippines": r"菲律宾", "Singapore": r"新加坡", "Australia": r"澳大利亚|澳洲",
    "New Zealand": r"新西兰", "Europe": r"欧洲|欧盟",
    "Global": r"全球|全世界|世界各地", "China": r"中国|我国|国内(?!生产总值)|内地|海关总署|海关数据|海关统计|国新办|商务部|国家统计局|国务院",
}
# CLDR's territories that are regions, unions or placeholders, not countries (the EU is Europe above).
_NOT_COUNTRIES = ("EU", "EZ", "UN", "QO", "XA", "XB", "ZZ")
# Everyday words that hold a place's name without naming it (沿海地区 is not Haiti, 湖南非遗 not
# South Africa, 印度洋 not India): the name never matches inside them.
NOT_PLACE_WORDS = {"海地": ("沿海地", "出海地", "近海地"), "南非": ("湖南非",), "印度": ("印度洋",), "马里": ("马里奥",),
                   "苏丹": ("苏丹红",), "黑山": ("黑山县",)}


def _cldr_countries(named: dict[str, str]) -> dict[str, str]:
    """`named` with every country and territory of CLDR (through Babel) added: its names in simplified
    Chinese and in the traditional Chinese of Taiwan and Hong Kong (義大利, 紐西蘭; matched through
    simplified text, as articles are), under the name `named` already gives it (土耳其: Turkey), else
    CLDR's English one. CLDR's 中国香港特别行政区 is 香港 here, as articles write it."""
    zh = [Locale.parse(code).territories for code in ("zh", "zh_Hant", "zh_Hant_HK")]
    english = Locale.parse("en").territories
    out = dict(named)
    known = [(place, words) for place, words in named.items() if place not in ("China", "Global")]
    added: dict[str, list[str]] = {}
    for code in english:
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES or code not in zh[0]:
            continue
        names = list(dict.fromkeys(re.sub(r"^中国(.+)特别行政区$", r"\1", to_simplified(t[code])) for t in zh if code in t))
        place = next((p for p, words in known if any(re.fullmatch(words, n) for n in names)), None)
        if place is None:
            place = re.sub(r" \(.*\)$| SAR China$", "", english[code]).replace(" & ", " and ")
            if place not in out:
                added.setdefault(place, [])
        new = [n for n in names if not re.fullmatch(out.get(place) or "(?!)", n)]
        if place in added:
            added[place] += [n for n in new if n not in added[place]]
        elif new:
            out[place] = "|".join([out[place], *new])
    europe = list(out).index("Europe")
    items = list(out.items())
    return dict(items[:europe] + [(place, "|".join(words)) for place, words in added.items()] + items[europe:])


def alone(words: str, others: tuple[str, ...]) -> str:
    """`words` (names joined by |) as a pattern that matches none of them inside a longer word of `others`
    (印度 not in 印度尼西亚, 俄罗斯 not in 白俄罗斯) or of NOT_PLACE_WORDS (海地 not in 沿海地区)."""
    out = []
    for word in words.split("|"):
        longer = [w for w in (*others, *NOT_PLACE_WORDS.get(word, ())) if w != word and word in w]
        guards = "".join(f"(?!(?<={re.escape(w[:w.index(word)])}){re.escape(w[w.index(word):])})" if w.index(word)
                         else f"(?!{re.escape(w)})" for w in longer)
        out.append(guards + re.escape(word))
    return "|".join(out)


PLACE_WORDS = _cldr_countries(_NAMED_PLACES)


def _other_places(place: str) -> tuple[str, ...]:
    """Every name of every place but `place`."""
    return tuple(w for other, words in PLACE_WORDS.items() if other != place for w in words.split("|"))


CITIES = tuple(list(PLACE_WORDS)[:list(PLACE_WORDS).index("Henan")])
PROVINCES = tuple(list(PLACE_WORDS)[list(PLACE_WORDS).index("Henan"):list(PLACE_WORDS).index("Taiwan")])
# Countries and territories: every place but cities, provinces, regions and the world.
COUNTRIES = tuple(p for p in PLACE_WORDS if p not in (*CITIES, *PROVINCES, *REGION_MEMBERS, "Africa", "Asia-Pacific",
                                                     "Global", "China"))
# Words for "this province" and "this city": the place the article named last (全省已建成保税仓9个).
PLACE_BACK_REFERENCES = r"全省|本省|省内|我省|全市|本市|市内|我市|全县|本县|我县"
# A city or county no table names, found in the article itself: a name of two characters before
# 市 or 县 (天门市) that opens a line or a clause or follows one of these words; catalogued in
# pinyin (Tianmen), and then found without its suffix too (天门服装电商).
LOCAL_PLACE = r"(?P<name>[\u4e00-\u9fff]{2})(?:市|县)(?!场|值|民|委|级|区|面|况|里|长|政)"
LOCAL_PLACE_AFTER = r"(?:^|[\n，。；：、（(“「【]|在|据|从|到|于|是|与|和|为)$"
NOT_IN_PLACE_NAMES = r"[的了在和与是为个全本我该各城超上股夜集地级点省县区中]$|^[的了和与是为个全本我该各这那每一二两三四五六七八九十几多以向对按由把被将让给经在从到]"
# Words for "the whole country" and "there": in an article whose headline names a foreign country,
# that country (墨西哥电商观察 … 全国零售总额: Mexico's); 当地 and 该国 are the country named last
# before them (非洲电商…尼日利亚……该国网购人数: Nigeria's), else the headline's place.
COUNTRY_BACK_REFERENCES = r"全国|当地|该国"
# What says, in a traditional-script article, that it is about Taiwan or about Hong Kong, besides
# naming it (PLACE_WORDS): its money, its calendar, its institutions.
HOME_SIGNS = {"Taiwan": r"新台币|民国|台北|高雄|台中|行政院|立法院", "Hong Kong": r"港元|港币|特区政府|立法会"}
# An age after these words is a figure of its own (平均年龄为37.4岁), never the band of a share.
AGE_STATISTIC_BEFORE = r"平均|中位数?|均龄"
CATEGORY_WORDS = {
    "apparel and fashion": r"服装|服饰|女装|男装|鞋靴|箱包|鞋服", "electronics": r"消费电子|电子产品|3C|数码",
    "home and furniture": r"家居|家具|家装", "toys": r"玩具", "beauty and personal care": r"美妆|化妆品|个护|美容",
    "mother and baby": r"母婴", "pet supplies": r"宠物", "sports and outdoors": r"户外|运动用品",
    "games": r"游戏", "food and health": r"食品|零食|保健品|营养品|健康产品",
}
_PLATFORM = "|".join(PLATFORM_WORDS.values())
_CATEGORY = "|".join(CATEGORY_WORDS.values())
# 服装 is a category, but 服装电商 and 服装产业 are a place's industry: a market.
NOT_A_CATEGORY_AFTER = r"电商|产业|行业|企业|工厂|基地|城"
# A category at the head of a clause before a number, since the sentence or its last ；, is what the
# clauses after it go on about (宠物用品以约142亿美元排名第一，占监测GMV的11.0%，同比增长41.2%);
# one inside a clause (挤进了平台家居类目的百强, 经营家居用品的卖家) is not.
CATEGORY_PART_START = r"；|;"
CATEGORY_AT_CLAUSE_HEAD = r"(?:^|(?<=[，,：:]))\s?(?:其中|而)?[，,]?\s?"
_MARKET = r"市场规模|进出口|出口额|进口额|出口规模|进口规模|交易额|交易规模|成交额|GMV|零售额|贸易额"
GROWTH_WORDS = r"增长|增速|增幅|同比|环比|提升|提高|上涨|上升|成长|年增|月增|季增|增加|涨|飙升|激增|猛增|大增|增\s?(?:约|近|逾|超)?$"
_RATES = (*MONEY, "%", "x", "pp")
# Words for selling online: a place's e-commerce (线上零售, 网购, 在线)
_ECOMMERCE = r"电商|网购|网络零售|线上零售|网络销售|网路销售|网上零售|线上|网上|在线"
# Words for buying or selling across a border online (海外直购, 海淘, 境外网购)
_CROSS_BORDER = r"跨境电商|跨境电子商务|跨境|海外直购|直购|海淘|境外网购|境外电商"
# Words for all goods trade, not e-commerce's part of it
_ALL_GOODS_TRADE = r"外贸|货物贸易|进出口总值|进出口总额"
# ... and a text about all goods trade: it names it, not as a comparison's base, and never speaks of e-commerce
_ONLY_TRADE = (rf"^(?![\s\S]*(?:跨境|{_ECOMMERCE}|(?:比|较|高于|低于|快于|慢于|占|相当于)[^，。；]{{0,4}}(?:{_ALL_GOODS_TRADE})))"
               rf"[\s\S]*(?:{_ALL_GOODS_TRADE})")
# Words that say a figure is a survey's answer (调研资料 or 样本期 in a study do not)
_SURVEY = r"问卷|调查|民调|受访者|受访"
# A year after these words is a comparison's base (低于2019年的66.1%): its period is only the base figure's.
PERIOD_BASE_BEFORE = r"(?:比|较|低于|高于|相比于?|与|对比|不及|超过|多于|少于)\s?$"
# A year written just before a number is the number's own period (由2021年的4.9%升至2024年的6%).
_INTO_THE_NUMBER = r"的\s?(?:约|近|超过|逾|达)?\s?$"   # 2024年的约6%: what joins a named period to its number
PERIOD_OF_THE_NUMBER = rf"{_Y}年(?:底|末|全年)?{_INTO_THE_NUMBER}"
# A figure a change from last year's reaches (月租金已从去年的每平方米11美元左右涨到14美元以上): of the
# year it was published, not of 去年.
REACHED_FROM_LAST_YEAR = (r"(?:从|由)(?:去年|上年|上一年)(?!同期)的?[^，。；]{0,30}?"
                          r"(?:涨|升|增|提高|提升|增加|降|下降|减少|回落|扩大|缩小)(?:到|至)\s?(?:约|近|超过|逾)?\s?$")
# ... and the same period a year earlier (由上年同期的11%升至17%: the first is of the year before),
# also with a verb or what it was between (上年同期为1.5亿美元, 由上年同期亏损2.9亿元), but not a
# comparison with it (比上年同期增长5%: this year's growth).
_SAME_SPAN_LAST_YEAR = r"(?:上年|去年|上一年)同期"
A_YEAR_EARLIER = (rf"(?<![是为]){_SAME_SPAN_LAST_YEAR}{_INTO_THE_NUMBER}|(?<![是为于])(?:上一?年|前一年)度?{_INTO_THE_NUMBER}"
                  rf"|(?<![比较与同是为]){_SAME_SPAN_LAST_YEAR}(?![^\d，。；]*(?:{GROWTH_WORDS}|下降|减少|降低|持平))"
                  r"[^\d，。；]{0,6}$")
# A sentence that opens with 去年同期 (去年同期，这三个账号的粉丝总数还不到600万) is all of a year earlier.
A_YEAR_EARLIER_FRAME = rf"^\s?{_SAME_SPAN_LAST_YEAR}[，,]"
# ... but a multiple of a year's figure (已是2018年的4倍, 是2020年同期的4.2倍) is over the span from that year,
_A_MULTIPLE_OF = r"(?:是|为|相当于)"
_SPAN_OF_A_YEAR = r"(?:同期|上半年|同月)?"
MULTIPLE_OF_A_YEAR = rf"{_A_MULTIPLE_OF}\s?{_Y}年{_SPAN_OF_A_YEAR}的?\s?(?:约|近|超过|逾)?\s?$"
# ... and such a base year after a number (销售额约118亿美元，……已是2023年的近4倍) is no period of
# the figures before it: the words before and after a base year.
PERIOD_BASE_OF = (rf"{_A_MULTIPLE_OF}\s?$", rf"^{_SPAN_OF_A_YEAR}的")
# ... and a change against a year it names (比2019年多出7.1个百分点, 比113年增加2.7个百分点) is
# over the span from that year; against 去年 or 上年 it stays the year's own change (比上年增长10%).
CHANGE_SINCE_A_YEAR = (rf"(?:比|较|相比于?|与)\s?(?:{_Y}|{W.ROC_YEAR}\s?)年(?!同期)的?[^，。；\d]{{0,12}}?"
                       r"(?:提高|提升|增加|增长|上升|多出?|高出|下降|减少|降低|少|扩大|缩小|回落|加快|放缓|升|降)了?"
                       r"\s?(?:约|近|超过|逾)?\s?$")
# Words that refer back to the quarter a story is about (当季, 本季度): a month named in the same
# sentence (今年6月，…带动当季…) is when something happened, not the figure's period.
THIS_QUARTER = r"当季|本季度?|该季度?|单季"
# ... and the quarter before (由上一季度的26%提高到42%: the first is of the quarter before).
_QUARTER_BEFORE = r"上一?个?季度|前一季度"
A_QUARTER_EARLIER = (rf"(?:{_QUARTER_BEFORE}){_INTO_THE_NUMBER}"
                     rf"|(?<![比较与同])(?:{_QUARTER_BEFORE})(?![^\d，。；]*(?:{GROWTH_WORDS}|下降|减少|降低|持平))[^\d，。；]{{0,6}}$")
# Words that point back to the period a story is about, in a paragraph that names none: its quarter
# (本季度, 上季度: a quarter earlier), its reporting period (报告期末, 报告期内), the same span (同一时期),
# or a change on the same span a year before (较去年同期提高0.2个百分点: of the story's span).
STORY_PERIOD_BACK = (rf"(?m)(?P<quarter>{THIS_QUARTER}|{_QUARTER_BEFORE})|报告期|同一时期|同一期间|同期内"
                     rf"|(?<=[比较]){_SAME_SPAN_LAST_YEAR}"
                     r"|^(?:分|按|从)[\u4e00-\u9fff]{1,4}(?:看|来看|划分|分)")   # a breakdown: 分地区看, 按目的地划分
# What a figure measures, by the words for it: a market or trade flow's (in its sentence) ...
MARKET_MEASURES = {
    "market size": r"市场规模|经济规模", "import and export value": r"进出口", "export value": r"出口", "import value": r"进口",
    "transaction volume (GMV)": r"交易额|交易总额|交易规模|成交额|成交总额|GMV", "online retail sales": r"网络零售|网上零售|线上零售",
    "online sales": r"网路销售|网络销售|网上销售|线上销售", "retail sales": r"零售额|零售总额",
    "total payment volume (TPV)": r"支付额|支付交易额|支付总额|TPV",
}
# ... a company's profit, a rate, or an amount of money (in the number's own clause).
PROFITS = {"net profit": r"净利润|净利(?!率)|溢利|纯利", "operating profit": r"营业利润|经营利润", "loss": r"亏损|净亏",
           "profit": r"盈利|利润(?!率)|净赚"}
RATES = {
    "gross margin": r"毛利率", "net margin": r"净利率", "return rate": r"退货率|退款率", "conversion rate": r"转化率",
    "selling expense ratio": r"销售费用率|费用率", "penetration rate": r"渗透率|EC化率|电商化率",
    "click-through rate": r"点击率|点击通过率|CTR", "engagement rate": r"互动率", "brand awareness": r"认知度|知名度",
    "repurchase rate": r"复购率|回购率", "usage rate": r"使用率",
}
# ... a tax or a fee's rate (增值税率是19%, 关税从去年的约28%涨到48%)
LEVY_RATES = {"VAT rate": r"增值税", "consumption tax rate": r"消费税", "sales tax rate": r"销售税",
              "tariff rate": r"关税", "commission rate": r"佣金|抽成", "fee": r"手续费|服务费|费率",
              "tax rate": r"综合税|税率"}
# An average yearly growth (年均复合增长率, 年均增长): over the span its sentence names before it.
AVERAGE_GROWTH = r"年均|复合增长|复合年均|CAGR"
# A rate named right after a percentage (保持11.6%的年复合增长率, 保持25%-30%的增长): the figure is that growth.
GROWTH_RATE_AFTER = r"^\s?的?(?:年均|年复合|复合年?|平均)?(?:增长率|增速|增幅|增长|涨幅|成长率)"
# A percentage's clause that says only when or that it is (与2020年的24.0%, 增速最快，达到71.2%): it is
# the same kind of rate as the clause before it in its sentence.
BARE_RATE_CLAUSE = (r"(?:[^，。；\d]{0,8}?(?:19|20)\d\d\s?年(?:的|为)?|[^，。；\d占比率重例额]{0,4}?(?:达到|达|为|是|则为))"
                    r"\s?(?:约|近|超过|逾|高达)?\s?")
# A clause that says only whose a figure is or when (上年同期为, 墨西哥受访者为, 预计到2029年将增至), or
# that goes on down a list (泰国、越南和菲律宾分别为39亿美元、33亿美元): it measures what the clause
# before it measures.
PARALLEL_CLAUSE = (r"(?:(?:19|20)\d\d年|[^，。；\d]){0,16}?(?:为|是|则为|则是|则有|约为|分别为|将?(?:增至|增长到|达到|升至|降至|扩大到))"
                   r"\s?(?:约|近|超过|逾|仅)?\s?"
                   r"|[^，。；\d]{0,20}?分别为[^，。；]*?[、和及与]\s?(?:约|近)?\s?")
MONEY_MEASURES = {
    "average order value": r"客单价|(?:平均)?每单[\u4e00-\u9fff]{0,4}|笔均|(?:一|每)笔[^，。；\d]{0,8}订单[\u4e00-\u9fff]{0,6}",
    "share price": r"每股|股价|收报|报收", "earnings per share": r"每股收益|每股盈利|每股净利润",
    "target share price": r"目标价", "freight rate": r"运价|运费价格", "funding raised": r"融资|募资|募集资金", "budget": r"预算|经费",
    "investment": r"投资|投入|斥资", "price": r"售价|价格|单价|定价",
    "advertising spend": r"广告(?:投放|支出|花费|预算)",
    "spending": r"消费|花费|支出|开支", "cost": r"成本|运费|费用|[物告]费|佣金",
    "fee": r"(?<![运告物消免花经学])费(?!用)",     # 手续费, 配送费, 回收费: a charge, as against a cost
}
# A headline with these words announces a survey: the article's shares are its answers ...
SURVEY_HEADLINE = rf"{_SURVEY}|调研"
# ... and so does a first paragraph with these (调研资料 in a study's closing lines does not).
SURVEY_LEAD = r"调查报告|调查显示|调查发现|调查结果|问卷|受访|民调"
# A survey whose respondents are sellers (61.3%的受访卖家, 跨境卖家售后调查, 对412家卖家的调查): FIELDS.md
# makes its figures operations, not demographics (a survey of shoppers).
SELLER_SURVEY = (r"受访(?:卖家|商家|企业)|(?:卖家|商家|企业)[^，。；\n\d]{0,8}(?:调查|调研|问卷)"
                 r"|(?:对|面向)[^，。；\n]{0,16}(?:卖家|商家|企业)[^，。；\n]{0,6}(?:调查|调研|问卷)"
                 r"|受访者(?:主要|多)?(?:为|是)[^，。；\n]{0,12}(?:卖家|商家|企业)")
# A survey named with its year (2024年跨境网购调查, 114 年數位近用調查報告): its figures are of that year.
# ... and a report named with the year it covers (《2025年度跨境出口热卖品类趋势报告》).
REPORT_OF_A_YEAR = rf"(?:{_Y}|(?<![\d.]){W.ROC_YEAR}\s?)年度?[^，。；：\n\d》]{{0,16}}?报告"
SURVEY_OF_A_YEAR = rf"(?:{_Y}|(?<![\d.]){W.ROC_YEAR}\s?)年度?[^，。；：\n\d]{{0,12}}?(?:{_SURVEY}|调研)"
# Words before the number in its sentence that make it a target (目标是到2027年将…达到200座), not a forecast.
PLAN_BEFORE = r"计划|目标(?!价)|力争|争取|规划|打算|准备|(?<![模比])拟(?!合)"
# Words of a future (将达到, 将增长) that make a figure a forecast, in its quote or before it in its sentence.
WILL = r"将(?:同比|比|较|继续|进一步|保持|再)?(?:达|突破|超过|增长|增至|提升|扩大|会|实现|翻)"
# Words before the number in its sentence that make it a forecast (机构预计，明年……达到1350亿美元),
# or, with PLAN_BEFORE, a target (力争全年……突破800亿元).
FORECAST_BEFORE = rf"预计|预测|预估|有望|可望|力争|争取|{WILL}"
# Words of delivering and paying: a figure of them is operations, a company's too.
# Parcels a carrier or pickup site handles: its work (logistics), not a market's volume.
_PARCELS_HANDLED = r"揽收|派送|承运|处理[^，。；\d]{0,4}(?:包裹|量)"
_DELIVERY_AND_PAYMENT = (rf"妥投|准时率|达成率|出库|分拣|付款|{_PARCELS_HANDLED}"
                         r"|处理[^，。；\d]{0,4}订单|发往[^，。；\d]{0,6}包裹")
# A company's or platform's figure is topic platform, unless its own clause says it is about its
# advertising or its costs and logistics.
ENTITY_TOPICS = {"marketing": r"广告|营销|推广|ACoS|达人|网红|直播带货|转化率|曝光|点击率|粉丝|订阅|账号|社媒|社交媒体",
                 "operations": r"成本|运费|头程|尾程|物流|仓储|配送|退货率|退款率|员工|人员|账期|回款|佣金"
                               rf"|{_DELIVERY_AND_PAYMENT}|支付|费率|牌照|币种|结算|到账|提现|放款"}
# A share followed by the people it is a share of (近四成印尼人每周网购, 六成的消费者): who do something, demographics.
PEOPLE_AFTER = r"^\s?的?[\u4e00-\u9fff]{0,4}?(?:人(?!民币|口|均|次)|民众|网民|消费者|网购者|网购族|居民|买家|人群|年轻人)"
# What a figure is about, by what it measures (after growth in, change in, share of): FIELDS.md's
# operations are logistics, payments, seller costs, taxes and staffing; its marketing, advertising;
# its market_size, the parcel volumes of a place.
MEASURE_TOPICS = {
    "operations": ("cost", "fee", *LEVY_RATES, "employees", "delivery time", "payment term", "warehouses",
                   "warehouse area", "sites", "parcels handled"),
    "marketing": ("conversion rate", "advertising cost", "advertising spend", "click-through rate", "engagement rate",
                  "brand awareness"),
    "market_size": ("parcels",),     # a country's, region's or port's parcels (a platform's are its own)
}
# A change in percentage points is a change in the rate or share its sentence names before it.
POINTS_OF = {**RATES, "share": SHARE_WORDS + r"|比例|比重"}
# A multiple in a clause with these words is a growth over time (增长了1.3倍, 翻了一番), not a ratio.
MULTIPLE_GROWTH = r"增长|增加|翻了?一番|翻番|翻了?[两三四]番|扩大|提升|提高|上涨"
# Measures that say only what kind of figure it is: a word naming more, anywhere in scope, wins.
GENERIC_MEASURES = ("share",)
# Measures of a whole: a share whose sentence names one is a share of it (亚马逊贡献了约六成 GMV).
MEASURES_OF_A_WHOLE = (*MARKET_MEASURES, *PROFITS, "revenue", "sales")
# ... and, when no word says more, what its unit implies.
UNIT_MEASURES = {"amount": MONEY, "share": ("%",), "multiple": ("x",), "change in percentage points": ("pp",),
                 "rank": ("rank",), "age": ("age",), "warehouse area": FLOOR_AREAS,
                 "duration": DURATIONS}

# A count its counting word leaves open, in a sentence that first counts people and then breaks them
# down after a colon (公司现在12个人：运营5个，美工2个，采购和仓库3个): people, whatever the parts are called.
PEOPLE_BROKEN_DOWN = r"[\d一二两三四五六七八九十]+\s?个?(?:人|名员工|位员工)[：:]"
# A word that names what is counted is taken on trust only this close before the number (采购和仓库3个);
# farther off in its clause (台湾卖家借亚马逊出海……补助明年扩至600家) a person confirms it.
UNIT_WORD_REACH = 15
# Units that count people or firms: never what 次 (times) counts.
PEOPLE_COUNTS = ("people", "respondents", "users", "buyers", "consumers", "sellers", "merchants", "firms", "creators",
                 "followers")
# Online shoppers (网购人数) are buyers to one reader and consumers to another: the draft says
# buyers, and accept-all leaves it to a person.
ONLINE_SHOPPERS = r"网购人数|网购人群|网购族"
INTERNET_USERS = r"互联网用户|网民"
# A channel's subscribers are its followers, not its users (YouTube订阅用户约97万).
SUBSCRIBERS = r"订阅用户|订阅者|订阅数|订阅人数"

RULES: tuple[Rule, ...] = (
    # --- period (templates; see the module docstring) -----------------------------------------
    # results for a span ended on a day (截至9月30日止季度（即2026财年第二季度）): the calendar
    # period, whatever the fiscal numbering in brackets after it says
    Rule("period", "{R}", rf"截至(?:{_Y}年?|去年|上年)?(?P<m>12)\s?月\s?31\s?日\s?止?的?(?:年度|十二个月|全年|财年)", "paragraph"),
    Rule("period", "{R}-{END}", _ENDED, "paragraph"),
    # months from one to another, not from January (今年9月至10月进行访问): of that year
    Rule("period", "{R}", rf"(?<![\d/\-.])(?:{_Y}年|今年)?(?P<m0>[2-9]|1[0-2])\s?月(?:份)?\s?(?:至|到|-|—|～)\s?(?P<m>1[0-2]|[2-9])\s?月(?!\s?\d{{1,2}}\s?日)",
         "paragraph"),
    Rule("period", "{Y0}-{Y}", rf"(?:从|由)(?P<y0>(?:19|20)\d\d)年?[^，。；]{{0,30}}?(?:到|至|增至|升至|增长到|增加到|扩大到|达到){_Y}年",
         "sentence", ("x", "%", "pp")),
    Rule("period", "{Y0}-{Y}", rf"(?P<y0>(?:19|20)\d\d)年?[-—–~至到](?:{_Y})年", "paragraph"),
    # promotions name their month (双11 and its weeks of sales: November), and 双11 当天 its day;
    # with no year, the latest such month up to the published date
    # a day a figure is said to be of (黑五当天（11月28日）, 11月11日当日): that day; 黑五 and 网一 are
    # the Friday after the fourth Thursday of November and the Monday after it, that year
    Rule("period", "{R}-{M}-{D}", rf"(?<![\d/\-.])(?P<m>1[0-2]|[1-9])\s?月\s?(?P<d>3[01]|[12]\d|[1-9])\s?日\s?(?:当天|当日)",
         "sentence"),
    Rule("period", "{R}-{M}-{D}", r"(?:当天|当日)[（(](?P<m>1[0-2]|[1-9])\s?月\s?(?P<d>3[01]|[12]\d|[1-9])\s?日[）)]", "sentence"),
    Rule("period", "{R}-{BLACK_FRIDAY}", rf"(?:黑五|黑色星期五)[”」\"]?(?:当天|当日)", "sentence"),
    Rule("period", "{R}-{CYBER_MONDAY}", rf"(?:网一|网络星期一)[”」\"]?(?:当天|当日)", "sentence"),
    Rule("period", "{Y}-11-11", rf"{_Y}年?的?{_DOUBLE_11}[”」\"]?(?:当天|当日)", "sentence"),
    Rule("period", "{Y}-11", rf"{_Y}年?的?{_DOUBLE_11}", "sentence"),
    Rule("period", "{Y}-11", rf"去年的?\s?{_DOUBLE_11}", "sentence", shift=-1),
    Rule("period", "{R}-11-11", rf"{_DOUBLE_11}[”」\"]?(?:当天|当日)", "sentence"),
    Rule("period", "{R}-11", rf"{_DOUBLE_11}|黑五|黑色星期五|网一|网络星期一", "sentence"),
    Rule("period", "{R}-06", r"618", "sentence"),
    Rule("period", "{Y}-H1", rf"{_Y}年?(?:上半年|\s?H1{_NOT_LATIN})", "paragraph"),
    Rule("period", "{Y}-H2", rf"{_Y}年?(?:下半年|\s?H2{_NOT_LATIN})", "paragraph"),
    Rule("period", "{Y}-Q1-Q3", rf"{_Y}年?前三季度", "paragraph"),
    Rule("period", "{Y}-{F}", rf"{_Y}年?\s?{_FIRST_MONTHS}", "paragraph"),
    Rule("period", "{Y}-Q{Q}", rf"{_Y}年?(?:第?\s?(?P<q>[一二三四1-4])\s?季度?|\s?Q(?P<q2>[1-4]){_NOT_LATIN})", "paragraph"),
    Rule("period", "{Y}-{M}", rf"{_Y}年\s?(?P<m>{_NUM})\s?月", "paragraph"),
    Rule("period", "{Y}", rf"{_Y}(?:年|财年)(?!同期)", "paragraph"),
    Rule("period", "{Y}", rf"(?<![\d.]){W.ROC_YEAR}\s?年(?!同期|历史)", "paragraph"),   # 114 年: 2025
    Rule("period", "{Y}-H1", rf"(?:今年|本年)(?:上半年|\s?H1{_NOT_LATIN})", "paragraph"),
    Rule("period", "{Y}-H2", rf"今年(?:下半年|\s?H2{_NOT_LATIN})", "paragraph"),
    Rule("period", "{Y}-H1", rf"去年(?:上半年|\s?H1{_NOT_LATIN})", "paragraph", shift=-1),
    Rule("period", "{Y}-H2", rf"去年(?:下半年|\s?H2{_NOT_LATIN})", "paragraph", shift=-1),
    Rule("period", "{Y}-Q1-Q3", r"今年前三季度", "paragraph"),
    Rule("period", "{Y}-{F}", rf"今年{_FIRST_MONTHS}", "paragraph"),
    Rule("period", "{Y}-{F}", rf"去年{_FIRST_MONTHS}", "paragraph", shift=-1),
    Rule("period", "{Y}-Q{Q}", rf"今年(?:第?(?P<q>[一二三四1-4])季度|\s?Q(?P<q2>[1-4]){_NOT_LATIN})", "paragraph"),
    Rule("period", "{Y}-Q{Q}", rf"去年(?:第?(?P<q>[一二三四1-4])季度|\s?Q(?P<q2>[1-4]){_NOT_LATIN})", "paragraph", shift=-1),
    Rule("period", "{Y}-Q1-Q3", r"去年前三季度", "paragraph", shift=-1),
    Rule("period", "{Y}-{M}", rf"今年(?P<m>{_NUM})月", "paragraph"),
    Rule("period", "{Y}-{M}", rf"去年(?P<m>{_NUM})月", "paragraph", shift=-1),
    Rule("period", "{Y-N}-{Y-1}", rf"(?:过去|近)(?P<n>{_NUM})年", "paragraph"),
    # a change against N years ago (是五年前的3倍多, 比两年前少了约12%) is over the span to now
    Rule("period", "{Y-N}-{Y}", rf"(?P<n>{_NUM})年前", "sentence", ("x", "%", "pp")),
    Rule("period", "{Y}", r"今年|本年度|今年以来|目前|当前|截至目前|如今|现阶段|(?<![出实发体])现在(?!起)", "paragraph"),
    Rule("period", "{Y}", r"(?<![比较])去年(?!同期)|(?<![比较])上一?年(?!同期)", "paragraph", shift=-1),
    Rule("period", "{PM}", r"本月|这个月", "paragraph"),     # the month it was published ...
    Rule("period", "{PM}", r"上个?月", "paragraph", shift=-1),  # ... and the month before
    Rule("period", "{Y}", r"前年", "paragraph", shift=-2),
    Rule("period", "{Y}", r"明年", "paragraph", shift=1),
    Rule("period", "{C}", r"(?<![占是])(?<!去年|今年|前年|明年)(?<!\d年)全年(?!高峰|比重|的比重)", "sentence"),
    Rule("period", "{C}-Q1-Q3", r"前三季度|前三个季度", "paragraph"),
    Rule("period", "{C}-{F}", _FIRST_MONTHS, "paragraph"),
    Rule("period", "{C}-Q{Q}", rf"(?<![上前])第?(?P<q>[一二三四1-4])季度|第\s?(?P<q2>[一二三四1-4])\s?季|(?<![A-Za-z\d])Q(?P<q3>[1-4]){_NOT_LATIN}",
         "paragraph"),
    Rule("period", "{C}-H1", rf"上半年|(?<![A-Za-z\d])H1{_NOT_LATIN}", "paragraph"),
    Rule("period", "{C}-H2", rf"下半年|(?<![A-Za-z\d])H2{_NOT_LATIN}", "paragraph"),
    # a month with no year (截至9月末, 于1月): the latest such month up to the published date
    Rule("period", "{R}-{M}", rf"(?<![\d年/\-.个~～—–])(?<![\d一二三四五六七八九十][至到])(?P<m>{_NUM})\s?月(?:份|末|底|初|中旬|上旬|下旬)?"
                              r"(?!\s?\d{1,2}\s?日|[一二三四五六七八九十]{1,3}日|度)", "paragraph"),
    # --- geography: the place the number's own words name, else its sentence's, else its paragraph's
    *(Rule("geography", name, alone(words, _other_places(name)), "paragraph") for name, words in PLACE_WORDS.items()),
    Rule("geography", "unspecified", r"", "paragraph"),
    # --- unit, only where the number's own words name none (nearest scope first) ---------------
    Rule("unit", "sellers", r"卖家", "sentence", ("", "firms", "people")),
    Rule("unit", "merchants", r"商家|商户", "sentence", ("", "firms")),
    Rule("unit", "firms", r"企业|经营主体|公司|业者|厂商", "sentence", ("", "firms")),
    Rule("unit", "respondents", r"受访者|受访|问卷|有效样本|样本量", "before", ("", "people")),
    Rule("unit", "buyers", ONLINE_SHOPPERS, "before", ("", "people", "users")),
    Rule("unit", "buyers", r"买家", "sentence", ("", "people")),
    Rule("unit", "followers", SUBSCRIBERS, "before", ("", "people", "users")),
    Rule("unit", "users", r"用户|月活|日活|会员", "sentence", ("", "people")),
    Rule("unit", "consumers", r"消费者|网购者|购物者", "sentence", ("", "people")),
    Rule("unit", "parcels", r"包裹|快递|邮件|票件", "paragraph", ("", "items")),
    Rule("unit", "stores", r"店铺|网店|门店|商铺|商店", "before", ("", "firms")),
    Rule("unit", "zones", r"综试区|综合试验区|试验区|园区", "before", ("", "firms", "markets", "countries")),
    Rule("unit", "warehouses", r"海外仓|仓库|公共仓", "before", ("", "firms", "items")),
    Rule("unit", "sites", r"自提点|提货点|站点|网点|服务点|保税仓", "before", ("", "firms", "items", "warehouses")),
    Rule("unit", "cities", r"城市", "before", ("",)),
    Rule("unit", "licenses", r"牌照|许可证|执照|经营许可", "before", ("", "firms")),
    Rule("unit", "routes", r"航线|线路|班列", "before", ("",)),
    Rule("unit", "orders", r"订单|单量", "sentence", ("", "items")),
    Rule("unit", "followers", r"粉丝", "sentence", ("",)),
    Rule("unit", "brands", r"品牌", "before", ("", "firms")),
    Rule("unit", "installs", r"下载|安装", "before", ("",)),
    Rule("unit", "creators", r"创作者|达人", "before", ("",)),
    Rule("unit", "countries", r"国家和地区|国家", "before", ("",)),
    Rule("unit", "categories", r"品类|类目", "before", ("",)),
    Rule("unit", "products", r"商品|SKU|单品|产品", "before", ("", "firms", "people")),
    Rule("unit", "CNY", rf"{_MARKET}|销售额|营收|收入|金额", "before", ("",)),
    # --- measure kind of a percentage --------------------------------------------------------
    # a change *to* a level (比重提高到18.6%, 降至7%) ends at a share, not a change (but a growth
    # rate raised to 40% is still growth)
    Rule("measure_kind", "share", r"^(?!.*(?:增速|增幅|增长率|年增率)).*(?:提高|提升|上升|升|增|增长|增加|涨|下降|降|回落|扩大|缩小|跌)了?(?:到|至)",
         "before", ("%",)),
    # a growth rate that falls or slows to a level is still a growth rate (增速将回落至40%左右)
    Rule("measure_kind", "growth", r"(?:增速|增幅|增长率|年增率)[^，。；\d]{0,8}(?:回落|下降|降|放缓|减缓|下滑)(?:到|至)",
         "before", ("%",)),
    Rule("measure_kind", "uplift", r"高出|可能性|更可能|更有可能|(?<![远略])高(?=\s?$)", "before", ("%",)),
    # 下降, and a price or level lower than another by a share (仍低约一成, 便宜了将近两成); 按年跌5.2%, 同比降3%
    Rule("measure_kind", "decline", r"下降|下滑|减少|回落|下跌|降低|萎缩|衰退|年减|缩减|少了|低了|掉了"
                                    r"|(?:低|便宜|少)了?\s?(?:约|近|将近|接近)?\s?$|(?<![下])跌\s?(?:约|近)?\s?$"
                                    r"|(?<![下])降(?!低|至|到)\s?(?:约|近)?\s?$", "before", ("%",)),
    Rule("measure_kind", "growth", rf"{GROWTH_WORDS}|(?<![提上])升\s?(?:约|近)?\s?$", "before", ("%",)),
    Rule("measure_kind", "share", r"", "before", ("%",)),
    # --- kind ----------------------------------------------------------------------------------
    Rule("kind", "hypothetical", r"如果|假如|假设|倘若", "before"),
    Rule("kind", "survey", r"受访者|受访", "quote"),     # what respondents plan or expect is still a survey's answer
    Rule("kind", "plan", PLAN_BEFORE, "quote"),
    Rule("kind", "forecast", WILL, "quote"),
    Rule("kind", "forecast", r"预计|预测|预估|有望|可望", "quote"),
    Rule("kind", "survey", rf"{_SURVEY}|调研|样本量|有效样本", "sentence"),
    Rule("kind", "survey", _SURVEY, "paragraph", ("%", "pp", "rank", *MONEY)),
    Rule("kind", "observed", r"", "quote"),
    # --- breakdown: the product category a figure is about ------------------------------------
    *(Rule("breakdown", name, words, "quote") for name, words in CATEGORY_WORDS.items()),
    # --- subject: the entity its sentence is about (never another sentence's) -----------------
    *(Rule("subject", name, not_as_channel(words), "sentence") for name, words in PLATFORM_WORDS.items()),
    # all goods trade, named in the number's own clause (外贸进出口10.3万亿元), is trade, not e-commerce
    # (but 跨境电商占外贸的6% is e-commerce's share of it)
    Rule("subject", "{geography} trade", rf"^(?!.*(?:跨境|电商|占|比重|相当于|高出|高于|快)).*(?:{_ALL_GOODS_TRADE})",
         "before", _RATES),
    # ... and so is a figure of a sentence, or a paragraph, about all goods trade that never speaks of e-commerce
    # (a comparison with trade, 比同期外贸整体增速高出4.4个百分点, is another figure's)
    Rule("subject", "{geography} trade", _ONLY_TRADE, "sentence", _RATES),
    Rule("subject", "{geography} trade", _ONLY_TRADE, "paragraph", _RATES),
    Rule("subject", "{geography} overseas warehouses", r"海外仓", "sentence", ("warehouses", *FLOOR_AREAS)),
    Rule("subject", "{geography} bonded warehouses", r"保税仓", "sentence", ("warehouses", "sites", *FLOOR_AREAS)),
    Rule("subject", "{geography} pickup sites", r"自提点|提货点|取件点", "sentence", ("sites", "parcels", "items", "%", "x")),
    Rule("subject", "{geography} comprehensive pilot zones", r"综试区|综合试验区", "sentence", ("zones", "rank")),
    Rule("subject", "{geography} parcels", r"包裹|快递|邮件|票件", "sentence", ("parcels", "items")),
    Rule("subject", "survey respondents", r"受访者|受访", "sentence", ("%", "respondents", "people", "x", "pp", "rank", "age")),
    Rule("subject", "{geography} creators", r"创作者|达人|主播", "sentence", ("people", "creators", "%")),
    Rule("subject", "{geography} live commerce", r"直播电商|直播带货|直播购物|直播间|直播(?:GMV|销售额|交易额|客单价|转化率)", "sentence"),
    # counts of who shops online and uses the internet are those people, not a market
    Rule("subject", "{geography} online shoppers", ONLINE_SHOPPERS, "quote", ("buyers", "people", "users", "")),
    Rule("subject", "{geography} internet users", INTERNET_USERS, "quote", ("users", "people", "")),
    Rule("subject", "{geography} population", r"人口", "quote", ("users", "people", "")),
    Rule("subject", "{geography} cross-border e-commerce", _CROSS_BORDER, "sentence"),
    Rule("subject", "{geography} consumers", r"消费者|网购者|购物者|网购用户", "sentence"),
    Rule("subject", "{geography} sellers", r"卖家|商家", "sentence"),
    Rule("subject", "{geography} e-commerce", _ECOMMERCE, "sentence"),
    # what the sentence does not name, its paragraph may: a market, never a company or platform
    Rule("subject", "{geography} cross-border e-commerce", _CROSS_BORDER, "paragraph", _RATES),
    Rule("subject", "{geography} e-commerce", _ECOMMERCE, "paragraph",
         _RATES),
    Rule("subject", "unspecified", r"", "paragraph"),
    # --- measure -------------------------------------------------------------------------------
    Rule("measure", "share of trade", r"外贸|货物贸易|贸易总额", "before", ("%",)),
    *(Rule("measure", name, words, "sentence", _RATES) for name, words in MARKET_MEASURES.items()),
    *(Rule("measure", name, words, "before", _RATES) for name, words in PROFITS.items()),
    *(Rule("measure", name, words, "before", ("%",)) for name, words in RATES.items()),
    *(Rule("measure", name, words, "before", ("%",)) for name, words in LEVY_RATES.items()),
    *(Rule("measure", name, words, "before", MONEY) for name, words in MONEY_MEASURES.items()),
    Rule("measure", "revenue", r"营收|营业收入|收入", "sentence", _RATES),
    Rule("measure", "sales", r"销售额|销售金额|销售|业绩", "sentence", _RATES),
    Rule("measure", "share of respondents", r"受访者", "quote", ("%",)),
    Rule("measure", "share of consumers", r"消费者", "quote", ("%",)),
    Rule("measure", "share of users", r"用户", "quote", ("%",)),
    Rule("measure", "monthly active users", r"月活跃用户|月活跃买家|月活", "quote"),
    Rule("measure", "daily active users", r"日活跃用户|日活", "quote"),
    Rule("measure", "online shoppers", ONLINE_SHOPPERS, "quote", COUNTS),
    Rule("measure", "internet users", INTERNET_USERS, "quote", COUNTS),
    Rule("measure", "sellers", r"卖家", "quote", COUNTS),
    Rule("measure", "merchants", r"商家|商户", "quote", COUNTS),
    Rule("measure", "users", r"用户", "quote", COUNTS),
    Rule("measure", "parcels handled", _PARCELS_HANDLED, "quote", ("parcels", "items")),
    Rule("measure", "orders", r"订单|单量", "quote", ("", *COUNTS, "%", "x", "pp")),    # money is no count of orders
    Rule("measure", "followers", rf"粉丝|{SUBSCRIBERS}", "quote"),
    Rule("measure", "installs", r"下载|安装", "quote"),
    Rule("measure", "brands", r"品牌", "quote", COUNTS),
    Rule("measure", "employees", r"员工|从业|雇员|职工|人员|工人|团队", "quote", ("people", "")),
    Rule("measure", "population", r"人口", "quote", COUNTS),
    Rule("measure", "share", r"占比|比例|比重|份额|渗透率", "quote", ("%",)),
    Rule("measure", "price-to-earnings ratio", r"市盈率", "before", ("x",)),
    *(Rule("measure", name, r"", "sentence", units) for name, units in UNIT_MEASURES.items()),
    Rule("measure", "{unit}", r"", "sentence"),
    # --- topic: what the figure is about (after subject and measure) --------------------------
    Rule("topic", "demographics", r"", "quote", ("age",)),
    Rule("topic", "demographics", r"\d+岁|\d0后|年龄|女性|男性|Z世代|千禧一代|年轻人", "quote"),
    # what each shopper spends (每位消费者月均网购支出约54万印尼盾) is who consumers are, not a market's size
    Rule("topic", "demographics", r"每位(?:消费者|用户|网购者|受访者)|人均(?:网购)?(?:消费|支出|花费)", "quote", MONEY),
    Rule("topic", "category", rf"(?:{_CATEGORY})(?!{NOT_A_CATEGORY_AFTER})", "quote"),
    Rule("topic", "operations", r"", "quote", ("warehouses", "sites", "routes", "flights", "zones", "containers",
                                                *FLOOR_AREAS)),
    # delivery rates, pickup sites, payments, jobs and firms settled in a park: logistics, payments, staffing
    Rule("topic", "operations", rf"{_DELIVERY_AND_PAYMENT}|自提点|提货点|钱包|就业|人才|入驻", "quote"),
    Rule("topic", "market_size", r"", "quote", ("parcels", "items")),
    Rule("topic", "demographics", r"受访者|受访|调查|问卷|消费者|网购者|购物者", "quote", ("%", "people", "respondents",
                                                                                  "consumers")),
    Rule("topic", "demographics", rf"人口|{INTERNET_USERS}|上网|{ONLINE_SHOPPERS}|渗透率|普及率", "quote",
         ("%", "people", "users", "buyers", "consumers")),
    Rule("topic", "market_size", _MARKET, "sentence", _RATES),
    Rule("topic", "platform", _PLATFORM, "sentence"),
    Rule("topic", "operations", r"物流|仓|配送|退货|退款|独立站|成本|利润率|毛利率|库存|履约|支付|关税|时效|综试区|航线|口岸|运费|佣金",
         "sentence"),
    Rule("topic", "marketing", r"营销|广告|粉丝|网红|达人|KOL|种草|曝光|直播|推文|社交媒体", "sentence"),
    Rule("topic", "market_size", r"", "sentence"),
)

# Why a mention that is not a statistic is left out, by the kind the extractor gives it.
REASONS = {
    "date": "date: when something happened or the period a statistic refers to, not a figure",
    "period": "period: a window of time (近3年, 过去两年), not a measured figure",
    "furniture": "page furniture: a counter of the page around the article, not a figure about the world",
    "list_marker": "list or section numbering",
    "other": "not a figure about the world: the article's own enumeration, a name or an example",
}
BAND_REASON = "age band of {stat_id}, recorded in its band field"

# Numbers the extractor reads as quantities that are still not figures to catalogue: (reason, the
# words just before the number, the words just after it, the units it has). Each pattern is
# searched in the simplified text touching the number; an empty pattern always matches.
NOT_FIGURES = (
    ("duration: how long something takes or lasts (a delivery promise, a payment term, a visit); "
     "durations are not catalogued from added articles (edit action=statistic to keep one)", "", "", DURATIONS),
    ("an identifier (an order, tracking or coupon number), not a quantity",
     r"(?:单号|编号|订单号|运单号|券码|代码|ID|id)[:：\s]*$", "", ()),
)
# People counted as those a survey asked (对1000名消费者的调查, 访问了网购者9,214人): its respondents.
SURVEY_SAMPLE_BEFORE = r"(?:对|访问了?|调查了?|询问了?|访谈了?)[^，。；]{0,16}$"
SURVEY_SAMPLE_AFTER = r"^[^，。；]{0,12}?(?:进行|开展|所做)?的?(?:问卷|网络|电话|线上)?(?:调查|访问|访谈)"
SAMPLED_PEOPLE = ("people", "consumers", "users", "buyers")
# Counts whose counting word says little (家, 名, 件): the words around them may say more (卖家, 受访者, 包裹).
GENERIC_COUNTS = ("firms", "people", "items", "visits")   # 人次: visits, trainees, passengers …
# A run of this many digits or more, with no separator, decimal point or unit, is an identifier.
ID_DIGITS = 8
# Words trimmed from the ends of a Chinese label: the verb and qualifier that lead into the number.
LABEL_TAIL = re.compile(r"(?:已经|已|将|均|约|近|共|合计|累计|同比|则|也|就|的)?"
                         r"(?:达到了|达到|达|为|约为|是|有|超过了|超过|超|突破|高达|逾|至|在|占比为|占比|占)+$")
LABEL_HEAD = re.compile(r"^(?:\d+\.\s*|[一二三四五六七八九十]+、|其中|而|但|并且|此外|另外|另有|还有|同时|与此同时|其|在|据|如今|目前|当前)+")



LABEL_TIMES = re.compile(r"(?:19|20)\d\d年?(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}月)?"
                    r"|今年(?:上半年|下半年)?|去年(?:上半年|下半年)?|前年|明年")
LABEL_LEADS_INTO = re.compile(r"^(?:预计|预测|有望|计划|目标|到|至|将|在)+|(?:预计|到|将)+$")
# Where a label stops: at a comparison or a change's starting point (比2023年的…, 从2018年的…,
# 较上年…), at another figure (…达到7897亿比索), at a bracket or a line's end.
LABEL_CUT = re.compile(r"(?:从|由|比|较)(?:\d|上|去|前|同期|全国|平均)"
                       r"|[约近超逾达]?\d[\d,.]*\s*(?:[万亿千百]+|[元%个家件人]|美元|比索|欧元|日元|港元)"
                       r"|[（(\n　，,；;]")
# What a label never ends with: the particles and adverbs that lead into its figure.
LABEL_END = re.compile(r"[的已了只则为是更共约近达也将还都仍又从由在]+$")
# A label that is only a comparison or a verb says nothing of what is measured.
LABEL_EMPTY = re.compile(r"^(?:比|较|占|远高于|高于|低于|分别|则|为|是|达到|调查显示|数据显示)")
LABEL_NUMBER_TAIL = re.compile(r"[约近超逾]?[\d０-９][\d０-９.,，]*(?![\d０-９.]*年)[\s\S]*$")
