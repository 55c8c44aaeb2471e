"""The words the explorer and the review panel show, one table per language with the same keys
(a test holds them in step), as each report keeps its own sentences in its `WORDS`.

Kinds and periods are named by xbdata/text/labels.py, as everywhere else; topics here; places by
the catalogue's geography, in Chinese by the reports' table of names (text/labels.py, `CATALOGUE_ZH`),
else with the word articles use for it (curate/rules.py, `PLACE_WORDS`: 墨西哥 for Mexico). Catalogue values themselves (the
`topic='demographics'` a code line shows) stay as they are: only what a reader sees is translated.
"""

from __future__ import annotations

from ..curate.rules import PLACE_WORDS
from ..text.labels import CATALOGUE_ZH, check_lang

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # the explorer
        "search": "search",
        "search_placeholder": "TikTok, 用户, 粉絲 …",
        "filter_topic": "topic",
        "filter_source": "article",
        "filter_geography": "place",
        "filter_kind": "kind",
        "all": "all",
        "places_separator": "; ",
        "option": "{name} ({n})",
        "statistics_count": "{n} statistics",
        "statistics_count_one": "{n} statistic",
        "same_rows_in_code": "{call} gives these rows as a DataFrame",
        "words_match_nothing": "No statistic matches the words {query}.",
        "filters_left_nothing": "The search finds {count}, but none with {filters}.",
        "filter_is": "{filter} “{value}”",
        "and": " and ",
        "clear": "clear {filter}",
        "clear_all": "clear all filters",
        "title_only": "only the article's title matches",
        "label_value": "{label}: {value}",
        "computed": "Computed: ",
        "same_sentence": "Same sentence: ",
        "across_articles": "The same platform in other articles:",
        "column_label": "statistic",
        "column_shown": "value",
        "column_period": "period",
        "column_kind": "kind",
        "column_source": "article",
        "column_stat_id": "stat_id",
        # the review panel
        "article": "Article",
        "pending": "Pending",
        "pending_option": "{id} · {action} · {number}",
        "article_option": "{number} · {title} · {pending} pending",
        "accept": "Accept",
        "reject": "Reject",
        "edit": "Edit",
        "accept_all": "Accept all in this article",
        "reason": "Reason",
        "reason_placeholder": "why it is not a statistic",
        "field": "Field",
        "value": "Value",
        "keys": "Keys",
        "keys_placeholder": "a accept · r reject · e edit · j/k next/previous",
        "action_statistic": "statistic",
        "action_exclusion": "exclusion",
        "status_pending": "pending",
        "undated": "undated",
        "proposed_as": "{id} · {status} · proposed as <b>{action}</b> (the extractor read it as {mention_kind})",
        "check_first": "<b>Check before accepting</b> (accept all leaves it): {checks}",
        "exclusion_reason": "Reason: {reason}",
        "why_guesses": "why these guesses",
        "no_articles": "No added articles yet: add one with <code>xbdata add FILE --title TITLE</code>.",
        "all_reviewed": "Every draft of this article is reviewed: <code>xbdata check</code> now accounts for each of its numbers.",
        "no_draft": "Pick a draft first.",
        "reason_needed": "Write in the reason box why {id} is not a statistic, then reject it.",
        "accepted": "Accepted {id} as {stat_id}.",
        "rejected": "Rejected {id}: {reason}.",
        "excluded": "Excluded {id}: {reason}.",
        "edited": "Edited {id}: {field} is now “{value}”.",
        "follows": "{field} follows: “{value}”",
        "refused": "Not done: {error}. Change a field with Edit, or reject it.",
        "reviewed_all": "{done} reviewed.",
        "kept": "Left pending {id}: {why}",
        "reviewed_count": "{done} reviewed, {kept} left for you to check.",
        "nothing_pending": "Nothing is pending.",
        "unknown_key": "Keys: a accept, r reject, e edit, j next, k previous (not “{typed}”).",
    },
    "zh": {
        "search": "搜索",
        "search_placeholder": "TikTok、用户、粉絲……",
        "filter_topic": "主题",
        "filter_source": "文章",
        "filter_geography": "地区",
        "filter_kind": "类型",
        "all": "全部",
        "places_separator": "；",
        "option": "{name}（{n}）",
        "statistics_count": "{n} 个统计数字",
        "statistics_count_one": "{n} 个统计数字",
        "same_rows_in_code": "{call} 以 DataFrame 给出同样的行",
        "words_match_nothing": "没有统计数字与“{query}”匹配。",
        "filters_left_nothing": "搜索到 {count}，但没有符合{filters}的。",
        "filter_is": "{filter}“{value}”",
        "and": "和",
        "clear": "清除{filter}",
        "clear_all": "清除全部筛选",
        "title_only": "仅文章标题匹配",
        "label_value": "{label}\uff1a{value}",
        "computed": "计算方法：",
        "same_sentence": "同一句中的统计：",
        "across_articles": "其他文章中的同一平台：",
        "column_label": "统计",
        "column_shown": "数值",
        "column_period": "时期",
        "column_kind": "类型",
        "column_source": "文章",
        "column_stat_id": "编号",
        "article": "文章",
        "pending": "待审",
        "pending_option": "{id} · {action} · {number}",
        "article_option": "{number} · {title} · {pending} 条待审",
        "accept": "采纳",
        "reject": "驳回",
        "edit": "修改",
        "accept_all": "采纳本文全部",
        "reason": "理由",
        "reason_placeholder": "为什么不是统计数字",
        "field": "字段",
        "value": "值",
        "keys": "快捷键",
        "keys_placeholder": "a 采纳 · r 驳回 · e 修改 · j/k 下一条/上一条",
        "action_statistic": "统计",
        "action_exclusion": "排除",
        "status_pending": "待审",
        "undated": "日期不详",
        "proposed_as": "{id} · {status} · 建议作为<b>{action}</b>（提取器的判断：{mention_kind}）",
        "check_first": "<b>采纳前请核对</b>（“采纳全部”不会采纳它）：{checks}",
        "exclusion_reason": "理由：{reason}",
        "why_guesses": "为什么这样猜",
        "no_articles": "还没有添加文章：用 <code>xbdata add FILE --title TITLE</code> 添加一篇。",
        "all_reviewed": "本文的草稿都已审完：<code>xbdata check</code> 现在能说明它的每个数字。",
        "no_draft": "请先选一条草稿。",
        "reason_needed": "请在“理由”框写明 {id} 为什么不是统计数字，再驳回。",
        "accepted": "已采纳 {id}，编号 {stat_id}。",
        "rejected": "已驳回 {id}：{reason}。",
        "excluded": "已排除 {id}：{reason}。",
        "edited": "已修改 {id}：{field} 现为“{value}”。",
        "follows": "{field}随之改为“{value}”",
        "refused": "未完成：{error}。请用“修改”改一个字段，或驳回它。",
        "reviewed_all": "审了 {done} 条。",
        "kept": "{id} 仍待审：{why}",
        "reviewed_count": "审了 {done} 条，{kept} 条留给你核对。",
        "nothing_pending": "没有待审的草稿。",
        "unknown_key": "快捷键：a 采纳，r 驳回，e 修改，j 下一条，k 上一条（没有“{typed}”）。",
    },
}

TOPICS = {
    "en": {"market_size": "market size", "demographics": "demographics", "category": "categories", "platform": "platforms",
           "marketing": "marketing", "operations": "operations"},
    "zh": {"market_size": "市场规模", "demographics": "用户画像", "category": "品类", "platform": "平台",
           "marketing": "营销", "operations": "运营"},
}

# What the extractor read a number as (a draft's mention kind, xbdata/text/extract.py).
MENTION_KINDS = {
    "en": {"statistic": "a statistic", "date": "a date", "period": "a period", "list_marker": "a list number",
           "furniture": "page furniture", "other": "something else"},
    "zh": {"statistic": "统计数字", "date": "日期", "period": "时期", "list_marker": "列表序号",
           "furniture": "版面文字", "other": "其他"},
}

# A place by its catalogue name: in Chinese its name in the reports' table (labels.CATALOGUE_ZH), else
# the first word articles use for it (PLACE_WORDS); in English the catalogue's own name.
PLACES = {"en": {}, "zh": {**{place: words.split("|")[0] for place, words in PLACE_WORDS.items()}, **CATALOGUE_ZH}}


def say(key: str, lang: str, **fields) -> str:
    """The phrase `key` in `lang`, with `fields` filled in."""
    return WORDS[check_lang(lang)][key].format(**fields)


def statistics_count(n: int, lang: str, bold: bool = False) -> str:
    """"1 statistic", "5 statistics", "5 个统计数字"; with `bold`, HTML with the number in bold."""
    return say("statistics_count_one" if n == 1 else "statistics_count", lang, n=f"<b>{n}</b>" if bold else n)


def topic_name(topic: str, lang: str) -> str:
    return TOPICS[check_lang(lang)].get(topic, topic)


def mention_kind_name(kind: str, lang: str) -> str:
    return MENTION_KINDS[check_lang(lang)].get(kind, kind)


def place_name(geography: str, lang: str) -> str:
    """A catalogue geography as a reader of `lang` names it (each of several, as China;Global is)."""
    return say("places_separator", lang).join(PLACES[check_lang(lang)].get(p, p) for p in str(geography).split(";"))
