"""The words a reader sees, in Chinese and English, in one place so both stay in step: the phrases
reports and charts print (`TEXT`), kinds and measure titles, and the words the
formatter puts around a figure (qualifiers, units, currencies). Tables are (zh, en) pairs.

A report's own sentences are in its module (xbdata/reports/), once per language; the explorer's and
the review panel's in xbdata/explore/words.py."""

from __future__ import annotations

import calendar
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
    "list_separator": ("、", ", "),
    "sentence_separator": ("", " "),
    "headlines": ("要点", "Headline figures"),
    "sources_heading": ("数据来源", "Sources"),
    "verbatim_quote": ("原文引语", "Verbatim quote"),
    "computed_from": ("由以下数字计算：", "computed from "),
    "n_sources": ("{n}处来源", "{n} sources"),
    "n_sources_mentions": ("{n}篇文章，共{m}次提及", "{m} mentions in {n} article(s)"),
    "gaps_heading": ("文章没有告诉我们的", "What the articles do not tell us"),
    "statistic": ("统计", "Statistic"),
    "value": ("数值", "Value"),
    "period": ("时期", "Period"),
    "quote": ("原文", "Quote"),
    "article": ("文章", "Article"),
    "kind": ("类型", "Kind"),
    "year": ("年份", "Year"),
    "scenario": ("情景推算", "Scenario"),
    "growth_slider": ("年增长率", "Annual growth"),
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
    "cite_source": ("{outlet}\u300a{title}\u300b{url}", "{outlet}, \u201c{title}\u201d{url}"),
    "cite_url": ("\uff0c{url}", ", {url}"),
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
    "markets": ("个市场", "markets"), "cities": ("个城市", "cities"), "zones": ("个综试区", "zones"),
    "products": ("款商品", "products"), "posts": ("条帖子", "posts"), "visits": ("人次", "visits"),
    "jobs": ("个岗位", "jobs"), "routes": ("条航线", "routes"), "flights": ("个航班", "flights"),
    "containers": ("个集装箱", "containers"), "square_meters": ("平方米", "square meters"),
    "seconds": ("秒", "seconds"), "minutes": ("分钟", "minutes"), "hours": ("小时", "hours"), "days": ("天", "days"), "working_days": ("个工作日", "working days"),
    "weeks": ("周", "weeks"),
    "months": ("个月", "months"), "years": ("年", "years"), "age": ("岁", "years old"),
    "pp": ("个百分点", "percentage points"),
}
# Money: (Chinese words before, Chinese words after) the number; in English the ISO code comes first.
CURRENCY_WORDS = {"CNY": ("", "元"), "USD": ("", "美元"), "HKD": ("", "港元"), "TWD": ("新台币", "元"),
                  "EUR": ("", "欧元"), "JPY": ("", "日元"), "KRW": ("", "韩元"), "GBP": ("", "英镑"),
                  "AUD": ("", "澳元"), "CAD": ("", "加元"), "SGD": ("", "新加坡元"), "THB": ("", "泰铢"),
                  "RUB": ("", "卢布"), "MYR": ("", "林吉特"), "BRL": ("", "雷亚尔"), "VND": ("", "越南盾"),
                  "IDR": ("", "印尼盾"), "INR": ("", "卢比"), "SAR": ("", "沙特里亚尔"), "AED": ("", "迪拉姆"),
                  "PLN": ("", "兹罗提"), "TRY": ("", "土耳其里拉"), "CHF": ("", "瑞士法郎"), "NZD": ("", "新西兰元"),
                  "MXN": ("", "墨西哥比索"), "PHP": ("", "菲律宾比索"), "ARS": ("", "阿根廷比索"),
                  "CLP": ("", "智利比索"), "COP": ("", "哥伦比亚比索")}

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
    "2020年11月"; a period of any other form (2017-2021, 2022 Black Friday) as written."""
    m = re.fullmatch(r"(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?", str(period))
    if not m:
        return str(period)
    year, part = m.groups()
    if part is None:
        return text("period_year", lang).format(year=year)
    if part.startswith("H"):
        return text(f"period_{part}", lang).format(year=year)
    if part.startswith("Q"):
        return text("period_quarter", lang).format(year=year, quarter=part[1])
    if not 1 <= int(part) <= 12:
        return str(period)
    return text("period_month", lang).format(year=year, month=int(part), month_name=calendar.month_name[int(part)])


def strip_period(label: str, period: str, lang: str) -> str:
    """A row's label without its period ("2024年中国跨境电商进出口额" -> "中国跨境电商进出口额"), to name a
    measure across periods."""
    out = label
    for words in (period_words(period, lang), str(period)):
        out = out.replace(words, "")
    out = re.sub(r"\s*[（(](?:forecast|plan|target|derived|预计|预测|计划|目标|推算)[)）]", "", out)
    out = re.sub(r"\s+", " ", out).strip(" ,，:：;；")
    return re.sub(r"[（(]\s*[)）]", "", out).strip() or label


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
