"""The words a reader sees, in Chinese and English, in one place so both stay in step: the phrases
reports and charts print (`TEXT`), kinds and measure titles, the Chinese names of the catalogue's
English words (`CATALOGUE_ZH`: measures, subjects, places, events), the Chinese of the words
`xbdata add` drafts a figure's fields with, from which it composes the figure's Chinese label
(`DRAFT_NAMES_ZH`, `SUBJECT_HEADS_ZH`, `MEASURES_ZH` and the forms around them), the one allow-list
of Latin names and codes a Chinese page may print (`LATIN_NAMES`), and the words the formatter puts
around a figure (qualifiers, units, currencies). Tables are (zh, en) pairs.

A report's own sentences are in its module (xbdata/reports/), once per language; the explorer's and
the review panel's in xbdata/explore/words.py."""

from __future__ import annotations

import calendar
import datetime
import re

from ..exceptions import UsageError

LANGS = ("zh", "en")

TEXT = {
    "sources": ("来源：", "Sources: "),
    "parameters": ("参数", "Parameters"),
    "every_figure_cited": ("每个数字都能在“数据来源”一节找到原文引语。", "Every figure links to its quote in the Sources section."),
    "label_value": ("{label}\uff1a{value}", "{label}: {value}"),
    "aside": ("\uff08{aside}\uff09", " ({aside})"),
    "items_separator": ("\uff1b", "; "),
    "period_year": ("{year}年", "{year}"),
    "period_H1": ("{year}年上半年", "H1 {year}"),
    "period_H2": ("{year}年下半年", "H2 {year}"),
    "period_quarter": ("{year}年第{quarter}季度", "Q{quarter} {year}"),
    "period_month": ("{year}年{month}月", "{month_name} {year}"),
    "period_Q1-Q3": ("{year}年前三季度", "Q1–Q3 {year}"),
    "period_span": ("{start}–{end}年", "{start}–{end}"),
    "period_before": ("{year}年以前", "before {year}"),
    "period_event": ("{period}{event}", "{period} {event}"),
    "unspecified": ("未说明", "unspecified"),
    "list_separator": ("、", ", "),
    "sentence_separator": ("", " "),
    "headlines": ("要点", "Headline figures"),
    "sources_heading": ("数据来源", "Sources"),
    "verbatim_quote": ("原文引语", "Verbatim quote"),
    "computed_from": ("由以下数字计算：", "computed from "),
    "n_sources": ("{n}处来源", "{n} sources"),
    "disagrees_with": ("与另一来源不一致：{ids}", "another article disagrees: {ids}"),
    "n_sources_mentions": ("{n}篇文章，共{m}次提及", "{m} mentions in {n} article(s)"),
    "gaps_heading": ("文章没有告诉我们的", "What the articles do not tell us"),
    "statistic": ("统计", "Statistic"),
    "value": ("数值", "Value"),
    "period": ("时期", "Period"),
    "quote": ("原文", "Quote"),
    "article": ("文章", "Article"),
    "kind": ("类型", "Kind"),
    "bound": ("上下限", "Bounds"),
    "bound_over": ("超过、至少（下限）", "over, at least (a floor)"),
    "bound_under": ("不到（上限）", "under (a ceiling)"),
    "bound_range": ("范围（从低到高）", "a range, low to high"),
    "year": ("年份", "Year"),
    "scenario": ("情景推算", "Scenario"),
    "growth_slider": ("年增长率", "Annual growth"),
    "growth_slider_percent": ("年增长率（%）", "Annual growth (%)"),
    "platform": ("平台", "Platform"),
    "market": ("市场", "Market"),
    "unit": ("单位", "Unit"),
    "category": ("品类", "Category"),
    "rank": ("排名", "Rank"),
    "rank_axis": ("排名（条越长名次越靠前）", "Rank (longer bar = higher rank)"),
    "count_axis": ("数量（单位见下方选择）", "Count, in the unit chosen below"),
    "no_figures": ("所选条件下文章没有给出数字", "The articles give no figure for this selection"),
    "breakdown": ("细分", "Breakdown"),
    "all": ("全部", "all"),
    "sources_caption": ("本报告用到的{n}个统计数字，各附原文引语与文章", "The {n} statistics this report uses, each with its verbatim quote and article"),
    "dark_mode": ("深色/浅色", "Dark / light"),
    "source": ("来源：", "Source:"),
    "notes": ("说明：", "Notes:"),
    "periods": ("时期：", "Periods:"),
    "downloads": ("下载", "Downloads"),
    "download_png": ("PNG图片", "PNG"),
    "download_svg": ("SVG图片", "SVG"),
    "csv_all": ("CSV（全部行）", "CSV (all rows)"),
    "csv_visible": ("CSV（当前显示的行）", "CSV (rows shown)"),
    "cite": ("引用本图", "Cite this chart"),
    "cite_inline_head": ("行内引用：", "In-line citation:"),
    "cite_full_head": ("完整引用：", "Full citation:"),
    "copy": ("复制完整引用", "Copy the full citation"),
    "copied": ("已复制完整引用", "Full citation copied"),
    "index_title": ("跨境电商数据报告", "xbdata reports"),
    "index_intro": ("每份报告都可离线打开，每个数字都注明出处文章。", "Each report opens offline; every number cites its article."),
    "index_tables": ("数据表：", "Tables:"),
    "index_built": ("生成于{at}，用时{seconds}秒", "Built {at} in {seconds}s"),
    "index_notebook": ("笔记本", "notebook"),
    "index_html": ("网页版", "HTML"),
    "index_pdf": ("PDF", "PDF"),
    "index_sources": ("来源（所用统计数字）：", "Sources (statistics used):"),
    "copy_failed": ("无法复制，请选中上面的完整引用手动复制", "Could not copy: select the full citation above to copy it"),
    "cite_inline": ("{outlets}，经 xbdata 整理", "{outlets}, via xbdata"),
    "cite_source": ("{outlet}\u300a{title}\u300b{published}{url}{accessed}", "{outlet}, \u201c{title}\u201d{published}{url}{accessed}"),
    "cite_url": ("\uff0c{url}", ", {url}"),
    "cite_published": ("\uff0c{date}\u53d1\u5e03", ", published {date}"),
    "cite_accessed": ("\uff0c{date}\u8bbf\u95ee", " (accessed {date})"),
    "unknown_outlet": ("媒体不详", "unknown outlet"),
    "source_title": ("{outlet}\u300a{title}\u300b", "{outlet}, \u201c{title}\u201d"),
    "datetime": ("{date} {time}（协调世界时）", "{date}, {time} UTC"),
    "date": ("{year}\u5e74{month}\u6708{day}\u65e5", "{day} {month_name} {year}"),
    "cite_full": ("{sources}。图表“{title}”，数字由 xbdata {version} 从原文逐字整理。",
                  "{sources}. Chart “{title}”, figures catalogued verbatim from the articles by xbdata {version}."),
    "note_derived": ("“推算”数字由文章中的数字计算而来，公式见“数据来源”。",
                     "Derived figures are computed from the articles' figures; the formula is in Sources."),
    "note_scenario": ("“情景”是按所选增长率的推算，不是文章中的数字。",
                      "The scenario is a projection at the chosen growth rate, not a figure from the articles."),
    "note_hypothetical": ("“假设”数字来自文章中的假设情形（如果……）。",
                          "Hypothetical figures come from the articles' if-then statements."),
    "note_measures": ("图中有不同口径的数字，各自独立、不相连接，也不可相加：{measures}。",
                      "The chart shows different measures, each on its own and never joined or added: {measures}."),
    "amount_axis": ("金额（{unit}），口径见各标签", "Amount ({unit}); each figure's measure is in its label"),
    "note_range": ("线段表示文章给出的范围，不是误差。", "A line shows a range the article gives, not an error bar."),
    "chart_description": ("{chart}：{title}。共{n}个数字：{items}", "{chart}: {title}. {n} figures: {items}"),
    "dot_chart": ("点图", "Dot chart"),
    "bar_chart": ("条形图", "Bar chart"),
    "line_chart": ("折线图", "Line chart"),
    "state_growth": ("按年增长{value}", "at {value} a year"),
    "state_top": ("前{value}名", "top {value}"),
    "state_pick": ("{name}：{value}", "{name}: {value}"),
}

KIND_NAMES = {
    "observed": ("实际", "observed"), "forecast": ("预测", "forecast"), "plan": ("计划", "plan"),
    "survey": ("调查", "survey"), "derived": ("推算", "derived"), "scenario": ("情景", "scenario"),
    "hypothetical": ("假设", "hypothetical"),
}

# Axis titles by measure kind: what a percentage measures is part of its title.
MEASURE_TITLES = {
    "share": ("占比（%）", "Share (%)"),
    "growth": ("增长率（%）", "Growth (%)"),
    "decline": ("降幅（%）", "Decline (%)"),
    "uplift": ("高出比较对象的幅度（%）", "Higher than the comparison group (%)"),
    "points": ("百分点", "Percentage points"),
    "multiple": ("倍数", "Multiple (×)"),
}


# The catalogue files each figure under English words (xbdata/data/catalogue.csv: measure, subject,
# breakdown, geography, and the event of a period such as "2022 Black Friday"); these are their
# Chinese names, one table for all of them. A word the table lacks (an added article's new measure)
# has no Chinese name here: `catalogue_name` then gives the caller's fallback, a figure's own Chinese
# label, never the English word and never a guess.
CATALOGUE_ZH = {
    # measures
    "market size": "市场规模", "annual growth rate of market size": "市场规模年增速",
    "Black Friday purchase-intent rank": "黑五购买意向排名", "Black Friday purchase-intent share": "黑五购买意向占比",
    "Facebook products' share of social-media chat purchases": "社交媒体聊天购买中Facebook产品的占比",
    "Instagram followers managed": "管理的Instagram粉丝数", "add-to-cart value above the source website": "加购金额高出来源网站的幅度",
    "average daily orders": "日均订单数", "click-through-rate uplift": "点击率提升幅度", "cost of building a site": "建站成本",
    "countries and regions covered by imports (target)": "进口覆盖的国家和地区数（目标）",
    "countries and regions of its brands": "品牌来源国家和地区数", "creators brands can be connected with": "品牌可对接的创作者数",
    "delivery deadline": "送达时限", "dispatch deadline for merchants": "商家发货时限", "followers": "粉丝数",
    "growth in product categories, 2019 to Nov 2020": "商品品类数增长（2019年至2020年11月）",
    "growth over the next five years": "未来五年增长",
    "higher likelihood of being affluent than non-users": "属于富裕群体的可能性高出非用户的幅度",
    "higher likelihood of being influential consumers": "成为有影响力消费者的可能性高出的幅度",
    "impressions of a shopping tweet relative to an average tweet": "购物推文相对普通推文的展示次数",
    "impressions of shopping-related tweets": "购物相关推文的展示次数", "installs": "安装量",
    "live streamers and live viewers, this year against last": "直播主播与观众人数（今年对比去年）",
    "overseas brands": "海外品牌数", "product categories": "商品品类数", "product categories (target)": "商品品类数（目标）",
    "rise in conversation volume (the premise of twitter_conversation_to_sales)": "对话量的增幅（销售推算的前提）",
    "sales uplift": "销售额提升幅度", "share buying through e-commerce channels": "通过电商渠道购买的占比",
    "share contacting sellers via platforms and social media": "通过平台和社交媒体联系卖家的占比",
    "share enjoying interaction with brands": "喜欢与品牌互动的占比",
    "share expecting businesses to communicate in real time": "期待企业实时沟通的占比",
    "share expecting to interact with brands": "期待与品牌互动的占比", "share happy to interact with chatbots": "乐意与聊天机器人互动的占比",
    "share more likely to buy from merchants they can message": "更可能在能发信息的商家购物的占比",
    "share of chat purchases by channel": "各渠道占聊天购买的比例", "share of global users": "占全球用户的比例",
    "share of interactions ending in a purchase": "以购买告终的互动占比", "share of tweets": "推文占比",
    "share of users": "用户占比", "share of users outside China": "中国以外用户占比",
    "share planning to buy electronics": "计划购买电子产品的占比", "share planning to keep or raise spending": "计划维持或增加花费的占比",
    "share valuing convenience over price": "重视便利大于价格的占比",
    "share wanting merchants to understand their needs": "希望商家了解其需求的占比",
    "share wanting to talk to merchants in real time": "希望与商家实时沟通的占比",
    "share who bought after Twitter conversations": "在Twitter上交流后购买的占比", "time to build a site": "建站时间",
    "users": "用户数", "users outside China": "中国以外用户数",
    "year-on-year growth in time spent watching live streams": "观看直播时长同比增长", "years of e-commerce experience": "电商从业年数",
    # subjects and the platforms they belong to
    "APAC conversational-commerce buyers": "亚太对话式商务买家", "Alibaba Group": "阿里巴巴集团", "Alibaba": "阿里巴巴",
    "AliExpress": "速卖通", "China cross-border e-commerce": "中国跨境电商", "Heidi (Boostinsider CEO)": "Heidi（Boostinsider首席执行官）",
    "Jollychic": "Jollychic", "Joom": "Joom", "Shein": "Shein", "TikTok": "TikTok", "TikTok users": "TikTok用户",
    "Tmall Global": "天猫国际", "Twitter": "Twitter", "Twitter Next": "Twitter Next", "Twitter merchants": "Twitter商家",
    "Twitter users": "Twitter用户", "US consumers (Facebook/BCG report)": "美国消费者（Facebook与BCG报告）",
    "US consumers (Twitter survey)": "美国消费者（Twitter调查）", "US conversational commerce": "美国对话式商务",
    "US conversational-commerce buyers": "美国对话式商务买家", "Vacanza (Messenger ads)": "Vacanza（Messenger广告）",
    "Xiaohongshu": "小红书", "Xiaohongshu users": "小红书用户", "Zaful": "Zaful", "Zara Sneg (AliExpress influencer)": "Zara Sneg（速卖通网红）",
    "consumers in major cross-border markets": "主要跨境市场的消费者", "standalone (DTC) sites": "独立站（DTC）",
    "Facebook": "Facebook", "Instagram": "Instagram",
    # breakdowns
    "Facebook products": "Facebook产品", "Gen Z": "Z世代", "age 16-24": "16–24岁", "age 16-34": "16–34岁",
    "age 25-32": "25–32岁", "age over 32": "32岁以上", "age under 25": "25岁以下", "apparel & fashion": "服饰和时尚",
    "brand websites": "品牌网站", "conversation volume +10%": "对话量增加10%", "e-commerce platforms": "电商平台",
    "electronics": "电子产品", "games": "游戏", "in the past": "过去", "mobile tech": "移动科技产品",
    "outside China": "中国以外", "social media": "社交媒体", "toys": "玩具", "with site builders": "使用建站工具",
    # places
    "Asia-Pacific": "亚太", "China": "中国", "Eastern Europe": "东欧", "Global": "全球", "Malaysia": "马来西亚",
    "United States": "美国", "unspecified": "未说明",
    # the events of periods (2022 Black Friday)
    "Black Friday": "黑色星期五", "holiday season": "假日购物季",
}

# The only Latin a Chinese page may print: names of brands, platforms, companies and products, and
# codes (file formats, currencies). tests/test_language.py fails on any other run of Latin letters
# on a zh page, so a word belongs here only if a Chinese reader reads it as written. Z is Z世代
# (Generation Z), which Chinese writes with the letter.
LATIN_NAMES = (
    "xbdata", "Twitter", "Twitter Next", "TikTok", "Tik Tok", "Joom", "Zaful", "Shein", "Jollychic", "Instagram",
    "Facebook", "Messenger", "AliExpress", "AliExpressLIVE", "Boostinsider", "Heidi", "Zara Sneg", "Vacanza",
    "BCG", "Z", "GMV", "B2B", "DTC",
    "TikTok Shop", "Temu", "Lazada", "eBay", "Coupang", "Etsy",
    "PNG", "SVG", "CSV", "PDF", "CNY", "USD",
)

# --- a draft's Chinese label, composed from its fields (xbdata add) ------------------------------

# `xbdata add` drafts a figure's subject and measure in English words (xbdata/curate/rules.py) and
# composes its Chinese label from them, period first, as it composes the English one: 2025年上半年 +
# 中国跨境电商 + 进出口额. These are the Chinese names of the drafted words that CATALOGUE_ZH and
# UNIT_NAMES do not give already. A word none of them names leaves the draft the label cut from its
# article's clause: a label never prints English a Chinese reader would not read as a name.

# Platforms and companies by the Chinese names articles give them; one articles write in Latin
# letters (TikTok Shop, Temu) is printed as written and is in LATIN_NAMES. Product categories (the
# drafted breakdowns, rules.CATEGORY_WORDS) by their usual Chinese names.
DRAFT_NAMES_ZH = {
    "Amazon": "亚马逊", "Mercado Libre": "美客多", "PDD": "拼多多", "SHEIN": "希音", "Shopee": "虾皮",
    "JD.com": "京东", "Taobao": "淘宝", "Walmart": "沃尔玛", "Sea": "冬海集团",
    "apparel and fashion": "服饰", "home and furniture": "家居", "beauty and personal care": "美妆个护",
    "mother and baby": "母婴", "pet supplies": "宠物用品", "sports and outdoors": "运动户外",
    "food and health": "食品保健",
}
# What a subject names after its place ("Mexico e-commerce" is 墨西哥电商, "consumers" 消费者).
SUBJECT_HEADS_ZH = {
    "cross-border e-commerce": "跨境电商", "e-commerce": "电商", "trade": "外贸", "consumers": "消费者",
    "sellers": "卖家", "survey respondents": "受访者", "overseas warehouses": "海外仓", "bonded warehouses": "保税仓",
    "pickup sites": "自提点", "comprehensive pilot zones": "综试区", "parcels": "包裹",
    "online shoppers": "网购人群", "internet users": "网民", "seller": "卖家",
    "population": "人口",
}
# A list of places in a subject ("Spain, France and Brazil"): 西班牙、法国和巴西.
PLACE_LIST_ZH = ("、", "和")
# What is measured. Words that say only what kind of number a figure is (share, amount, growth,
# multiple, rank, a change in percentage points) are not here: a label that said only 占比 would name
# less than the article's clause, which the draft then keeps.
MEASURES_ZH = {
    "market size": "市场规模", "import and export value": "进出口额", "export value": "出口额", "import value": "进口额",
    "transaction volume (GMV)": "交易额（GMV）", "retail sales": "零售额", "online retail sales": "网络零售额",
    "online sales": "网络销售额", "revenue": "营收", "sales": "销售额",
    "net profit": "净利润", "operating profit": "营业利润", "loss": "亏损", "profit": "利润",
    "gross margin": "毛利率", "net margin": "净利率", "return rate": "退货率", "conversion rate": "转化率",
    "selling expense ratio": "销售费用率", "penetration rate": "渗透率",
    "click-through rate": "点击率", "engagement rate": "互动率", "brand awareness": "品牌认知度",
    "advertising spend": "广告投放", "total payment volume (TPV)": "支付交易额（TPV）",
    "VAT rate": "增值税税率", "consumption tax rate": "消费税税率", "sales tax rate": "销售税税率",
    "tariff rate": "关税税率", "tax rate": "税率", "commission rate": "佣金比例", "fee": "费用",
    "average order value": "客单价", "share price": "股价", "investment": "投资额", "price": "价格",
    "earnings per share": "每股收益", "target share price": "目标价", "freight rate": "运价", "funding raised": "融资额", "budget": "预算",
    "repurchase rate": "复购率", "usage rate": "使用率", "price-to-earnings ratio": "市盈率",
    "spending": "消费支出", "cost": "成本",
    "share of trade": "占外贸比重",
    "monthly active users": "月活跃用户数", "daily active users": "日活跃用户数", "downloads": "下载量",
    "employees": "员工数", "population": "人口", "age": "年龄", "warehouse area": "仓储面积",
    "parcels handled": "包裹处理量", "online shoppers": "网购人数", "internet users": "网民数",
    "delivery time": "配送时效", "payment term": "账期", "market share": "市场份额",
    # counts: a count's measure is its unit (UNIT_NAMES names users, orders, brands …)
    "sellers": "卖家数", "merchants": "商家数", "buyers": "买家数", "consumers": "消费者数", "respondents": "受访者数",
    "firms": "企业数", "people": "人数", "items": "件数", "parcels": "包裹量", "stores": "店铺数",
    "warehouses": "仓库数", "sites": "站点数", "markets": "市场数", "cities": "城市数", "provinces": "省份数",
    "zones": "综试区数", "buildings": "建筑数", "licenses": "牌照数",
    "products": "商品数", "posts": "帖子数", "visits": "人次", "jobs": "岗位数", "routes": "航线数",
    "flights": "航班数", "sailings": "航次数", "containers": "集装箱数", "impressions": "展示次数", "tweets": "推文数",
}
# A measure whose percentage is a rate where its money is a charge: a fee of 15% is a 费率.
PERCENT_MEASURES_ZH = {"fee": "费率"}
# A measure named after another ("growth in export value": 出口额增速), by the figure's unit: a
# percentage (%), points (pp), or any unit ("": a multiple, 增长了1.2倍, is 出口额增长; a share of a
# share, growth in share of consumers, is 消费者占比增速).
MEASURE_FORMS_ZH = {
    ("growth in", "%"): "{}增速", ("growth in", ""): "{}增长", ("decline in", "%"): "{}降幅", ("decline in", ""): "{}减少",
    ("change in", "pp"): "{}变化（百分点）", ("share of", ""): "{}占比",
}
# A count of what the subject itself names ("China overseas warehouses": warehouses): how many.
COUNT_OF_THE_SUBJECT_ZH = "数量"
# An age band a share is broken down by (age 25-34, age over 60, age under 35), before its subject.
AGE_BANDS_ZH = ((r"age (\d+)-(\d+)", "{}–{}岁"), (r"age over (\d+)", "{}岁以上"), (r"age under (\d+)", "{}岁以下"))

# --- figures: the words the formatter (xbdata.text.formatting) puts around a number -------------

# (zh, en) for each qualifier. "nearly" and "almost" are the words' own flavours of `~`.
QUALIFIER_WORDS = {
    ">": ("超过", "over "), ">=": ("至少", "at least "), "<": ("不到", "under "), "~": ("约", "about "),
    "nearly": ("近", "nearly "), "almost": ("几乎", "almost "), "=": ("", ""),
}
UNIT_WORDS = {
    "users": ("用户", "users"), "orders": ("订单", "orders"), "brands": ("个品牌", "brands"),
    "followers": ("粉丝", "followers"), "installs": ("次安装", "installs"), "impressions": ("次展示", "impressions"),
    "categories": ("个品类", "categories"), "countries": ("个国家和地区", "countries and regions"),
    "creators": ("位创作者", "creators"), "tweets": ("条推文", "tweets"), "sellers": ("个卖家", "sellers"),
    "buyers": ("个买家", "buyers"), "merchants": ("个商家", "merchants"),
    "consumers": ("名消费者", "consumers"), "respondents": ("名受访者", "respondents"),
    "items": ("件", "items"), "parcels": ("件包裹", "parcels"), "people": ("人", "people"), "firms": ("家企业", "firms"),
    "stores": ("家店铺", "stores"), "warehouses": ("个仓库", "warehouses"), "sites": ("个站点", "sites"),
    "markets": ("个市场", "markets"), "cities": ("个城市", "cities"), "provinces": ("个省份", "provinces"),
    "zones": ("个综试区", "zones"), "buildings": ("栋建筑", "buildings"),
    "licenses": ("项牌照", "licenses"),
    "products": ("款商品", "products"), "posts": ("条帖子", "posts"), "visits": ("人次", "visits"),
    "jobs": ("个岗位", "jobs"), "routes": ("条航线", "routes"), "flights": ("个航班", "flights"), "sailings": ("个航次", "sailings"),
    "containers": ("个集装箱", "containers"), "square_meters": ("平方米", "square meters"),
    "square_feet": ("平方英尺", "square feet"), "tonnes": ("吨", "tonnes"),
    "seconds": ("秒", "seconds"), "minutes": ("分钟", "minutes"), "hours": ("小时", "hours"), "days": ("天", "days"), "working_days": ("个工作日", "working days"),
    "weeks": ("周", "weeks"),
    "months": ("个月", "months"), "years": ("年", "years"), "age": ("岁", "years old"),
    "pp": ("个百分点", "percentage points"),
}
# What a unit counts, named on its own (a control's options), where its words above do not say it.
UNIT_NAMES = {"users": ("用户数", "users"), "installs": ("安装量", "installs"), "orders": ("订单数", "orders"),
              "brands": ("品牌数", "brands"), "followers": ("粉丝数", "followers"), "categories": ("品类数", "categories"),
              "countries": ("国家和地区数", "countries and regions"), "creators": ("创作者数", "creators")}
# Money: (Chinese words before, Chinese words after) the number; in English the ISO code comes first.
CURRENCY_WORDS = {"CNY": ("", "元"), "USD": ("", "美元"), "HKD": ("", "港元"), "TWD": ("新台币", "元"),
                  "EUR": ("", "欧元"), "JPY": ("", "日元"), "KRW": ("", "韩元"), "GBP": ("", "英镑"),
                  "AUD": ("", "澳元"), "CAD": ("", "加元"), "SGD": ("", "新加坡元"), "THB": ("", "泰铢"),
                  "RUB": ("", "卢布"), "MYR": ("", "林吉特"), "BRL": ("", "雷亚尔"), "VND": ("", "越南盾"),
                  "IDR": ("", "印尼盾"), "INR": ("", "卢比"), "SAR": ("", "沙特里亚尔"), "AED": ("", "迪拉姆"),
                  "PLN": ("", "兹罗提"), "TRY": ("", "土耳其里拉"), "CHF": ("", "瑞士法郎"), "NZD": ("", "新西兰元"),
                  "MXN": ("", "墨西哥比索"), "PHP": ("", "菲律宾比索"), "ARS": ("", "阿根廷比索"),
                  "CLP": ("", "智利比索"), "COP": ("", "哥伦比亚比索"),
                  "NGN": ("", "奈拉"), "ZAR": ("", "兰特"), "EGP": ("", "埃及镑"), "KES": ("", "肯尼亚先令"), "QAR": ("", "卡塔尔里亚尔"),
                  "MOP": ("", "澳门元")}

# The words for a large number, largest first, in each language: 1.5万亿 and 4.5亿, "1.5 trillion" and
# "450 million". The formatter writes figures with them and the charts' axes label their ticks with them.
MAGNITUDE_WORDS = {"zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
                   "en": ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"))}
# Below those words English groups thousands (120,000); Chinese writes 9999 and then 1万.
GROUPED_THOUSANDS = {"zh": False, "en": True}

# A decline keeps its direction: "down 5%" / "下降5%".
DECLINE_WORDS = ("下降", "down ")
# English words for small numbers and fractions: "two thirds", "two in every three".
EN_FRACTIONS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"),
                 6: ("sixth", "sixths"), 7: ("seventh", "sevenths"), 8: ("eighth", "eighths"),
                 9: ("ninth", "ninths"), 10: ("tenth", "tenths")}
EN_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def text(key: str, lang: str) -> str:
    """The phrase `key` in `lang` (zh or en)."""
    zh, en = TEXT[key]
    return zh if lang == "zh" else en


def period_words(period: str, lang: str) -> str:
    """A catalogue period in words: 2022-H1 is "H1 2022" / "2022年上半年", 2020-11 "November 2020" /
    "2020年11月", 2017-2021 "2017–2021" / "2017–2021年", before 2019 "2019年以前", 2022 Black Friday
    "2022年黑色星期五". In Chinese, an event CATALOGUE_ZH does not name leaves the period it falls in
    (2023 Prime Day is 2023年: the figure's label names the event); a form no rule knows stays as written."""
    period = str(period)
    if period == "unspecified":
        return text("unspecified", lang)
    m = re.fullmatch(r"before (\d{4})", period)
    if m:
        return text("period_before", lang).format(year=m.group(1))
    m = re.fullmatch(r"(\S+) ([A-Za-z][A-Za-z ]*)", period)
    if m:
        when, event = period_words(m.group(1), lang), catalogue_name(m.group(2), lang)
        return when if event is None else text("period_event", lang).format(period=when, event=event)
    m = re.fullmatch(r"(\d{4})(?:-(H[12]|Q[1-4]|Q1-Q3|\d{4}|\d{2}(?:-\d{2})?))?", period)
    if not m:
        return period
    year, part = m.groups()
    if part is None:
        return text("period_year", lang).format(year=year)
    if part.startswith("H") or part == "Q1-Q3":
        return text(f"period_{part}", lang).format(year=year)
    if part.startswith("Q"):
        return text("period_quarter", lang).format(year=year, quarter=part[1])
    if len(part) == 4:
        return text("period_span", lang).format(start=year, end=part)
    if len(part) == 5:
        return date_words(period, lang) or period
    if not 1 <= int(part) <= 12:
        return period
    return text("period_month", lang).format(year=year, month=int(part), month_name=calendar.month_name[int(part)])


def strip_period(label: str, period: str, lang: str) -> str:
    """A row's label without its period ("2024年中国跨境电商进出口额" -> "中国跨境电商进出口额"), to name a
    measure across periods."""
    out = label
    for words in (period_words(period, lang), str(period)):
        out = out.replace(words, "")
    out = re.sub(r"\s*[（(](?:forecast|plan|target|derived|survey|hypothetical|预计|预测|计划|目标|推算|调查|假设)[)）]", "", out)
    out = re.sub(r"\s+", " ", out).strip(" ,，:：;；")
    return re.sub(r"[（(]\s*[)）]", "", out).strip() or label


def date_words(date: str, lang: str) -> str:
    """A YYYY-MM-DD date in words ("5 March 2024" / "2024年3月5日"); "" for anything else."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(date))
    if not m or not 1 <= int(m.group(2)) <= 12:
        return ""
    year, month, day = (int(g) for g in m.groups())
    return text("date", lang).format(year=year, month=month, day=day, month_name=calendar.month_name[month])


def datetime_words(moment: str, lang: str) -> str:
    """A time the build wrote (ISO 8601 with its offset, 2026-12-03T08:00:00+00:00) in words:
    "3 December 2026, 08:00 UTC" / "2026年12月3日 08:00（协调世界时）"; anything else as written."""
    try:
        when = datetime.datetime.fromisoformat(str(moment))
    except ValueError:
        return str(moment)
    if when.tzinfo is None:
        return str(moment)
    when = when.astimezone(datetime.timezone.utc)
    return text("datetime", lang).format(date=date_words(when.date().isoformat(), lang), time=when.strftime("%H:%M"))


def catalogue_name(value: str, lang: str, fallback: str | None = None) -> str | None:
    """A word of the catalogue (a measure, subject, breakdown, place or event) as a reader of `lang`
    reads it: the catalogue's own English, or its Chinese name in CATALOGUE_ZH; where the table has
    none, `fallback` (the caller's figure's own Chinese label), else None."""
    if lang == "en":
        return value
    return CATALOGUE_ZH.get(value, fallback)


def unit_name(unit: str, lang: str) -> str:
    """What a unit counts, as a name on its own (a dropdown option): users 用户数, installs 安装量."""
    if unit in UNIT_NAMES:
        zh, en = UNIT_NAMES[unit]
        return zh if lang == "zh" else en
    if unit in CURRENCY_WORDS:
        zh, en = "".join(CURRENCY_WORDS[unit]), unit
    elif unit in UNIT_WORDS:
        zh, en = counted_noun(unit), UNIT_WORDS[unit][1]
    else:
        zh = en = unit
    return zh if lang == "zh" else en


def counted_noun(unit: str) -> str:
    """What a unit counts, in Chinese words without its counting word: 个卖家 counts 卖家."""
    return re.sub(r"^[个次位条名件家款](?=.)", "", UNIT_WORDS[unit][0])


def measure_title(measure_kind: str, lang: str) -> str:
    """The axis title for figures of one measure kind."""
    zh, en = MEASURE_TITLES[measure_kind]
    return zh if lang == "zh" else en


def kind_name(kind: str, lang: str) -> str:
    zh, en = KIND_NAMES.get(kind, (kind, kind))
    return zh if lang == "zh" else en


def check_lang(lang: str) -> str:
    """`lang` if it is one xbdata speaks, else a UsageError naming the allowed ones."""
    if lang not in LANGS:
        raise UsageError(f"lang must be one of {', '.join(LANGS)} (got {lang!r})")
    return lang
