"""Numbers as a reader expects them: 7万亿元 in Chinese, CNY 7 trillion in English, with qualifiers."""

from __future__ import annotations

import math

QUALIFIER_WORDS = {
    "zh": {">": "超过", ">=": "至少", "<": "不到", "~": "约", "=": ""},
    "en": {">": "over ", ">=": "at least ", "<": "under ", "~": "about ", "=": ""},
}
UNIT_WORDS = {
    "users": ("用户", "users"), "orders": ("订单", "orders"), "brands": ("个品牌", "brands"),
    "followers": ("粉丝", "followers"), "installs": ("次安装", "installs"), "impressions": ("次展示", "impressions"),
    "categories": ("个品类", "categories"), "countries": ("个国家和地区", "countries and regions"),
    "creators": ("位创作者", "creators"), "hours": ("小时", "hours"), "days": ("天", "days"),
    "months": ("个月", "months"), "years": ("年", "years"), "weeks": ("周", "weeks"),
}


def _zh_magnitude(value: float) -> str:
    for scale, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{word}"
    return f"{value:.4g}"


def _en_magnitude(value: float) -> str:
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{word}"
    return f"{value:,.4g}" if value < 1e4 else f"{value:,.0f}"


def format_value(value: float, unit: str, qualifier: str = "=", lang: str = "en") -> str:
    """One figure with its qualifier and unit, e.g. ('超过', 7e12, 'CNY') -> 超过7万亿元."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    q = QUALIFIER_WORDS[lang].get(qualifier, "")
    if unit in ("CNY", "USD"):
        if lang == "zh":
            return f"{q}{_zh_magnitude(value)}{'元' if unit == 'CNY' else '美元'}"
        return f"{q}{unit} {_en_magnitude(value)}"
    if unit == "%":
        return f"{q}{value:.4g}%"
    if unit == "x":
        return f"{q}{value:.3g}{'倍' if lang == 'zh' else '×'}"
    if unit == "rank":
        return f"第{value:.0f}名" if lang == "zh" else f"#{value:.0f}"
    zh, en = UNIT_WORDS.get(unit, (unit, unit))
    if lang == "zh":
        return f"{q}{_zh_magnitude(value)}{zh}"
    return f"{q}{_en_magnitude(value)} {en}"


def to_currency(value: float, unit: str, currency: str, usd_cny_rate: float | None) -> tuple[float, str]:
    """Money in the currency asked for, at the rate the caller gave; other units unchanged."""
    if unit == "CNY" and currency == "USD":
        return value / usd_cny_rate, "USD"
    return value, unit
