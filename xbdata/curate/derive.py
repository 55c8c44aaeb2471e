"""Figures computed from catalogued ones, never typed: the formula and its inputs travel with them.

Arithmetic runs on bounds, so a qualifier carries through: 15.7万亿 minus 超7万亿 is *less than*
8.7万亿, and anything computed from an approximate input is approximate. Both travel together:
超过5亿 × 约40% is "about 2亿 or more" (qualifier `>`, `approx` true), not a bare "about 2亿".
A range in has no single value, so neither has the result: only its bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Figure:
    """A number with its bounds (None where open) and whether it is only approximate."""

    value: float | None
    low: float | None
    high: float | None
    approx: bool = False

    @classmethod
    def exact(cls, value: float) -> Figure:
        return cls(value, value, value)

    @classmethod
    def of(cls, row: dict) -> Figure:
        approx = row["qualifier"] == "~" or bool(row.get("approx"))
        return cls(_none(row["value"]), _none(row["low"]), _none(row["high"]), approx)

    def _join(self, other: Figure, value, low, high) -> Figure:
        return Figure(value, low, high, self.approx or other.approx)

    def __sub__(self, other: Figure) -> Figure:
        return self._join(other, _op(self.value, other.value, float.__sub__),
                          _op(self.low, other.high, float.__sub__), _op(self.high, other.low, float.__sub__))

    def __mul__(self, other: Figure) -> Figure:
        return self._join(other, _op(self.value, other.value, float.__mul__),
                          _op(self.low, other.low, float.__mul__), _op(self.high, other.high, float.__mul__))

    def __truediv__(self, other: Figure) -> Figure:
        return self._join(other, _op(self.value, other.value, float.__truediv__),
                          _op(self.low, other.high, float.__truediv__), _op(self.high, other.low, float.__truediv__))

    @property
    def qualifier(self) -> str:
        """`<` or `>` where one bound is open (approximate or not: `approx` says that), else `~` or `=`."""
        if self.low is None and self.high is None:
            return "~"
        if self.low is None:
            return "<"
        if self.high is None:
            return ">"
        return "~" if self.approx else "="


def _none(x):
    return None if x is None or x != x else float(x)


def _op(a, b, f):
    return None if a is None or b is None else round(f(float(a), float(b)), 10)


def _above_bands(rows: list[dict]) -> tuple[float, None, str]:
    """The age band above every input's band: its lower bound is the highest bound the inputs' words give."""
    top = max(r["band_high"] for r in rows if r["band_high"] is not None)
    return top, None, f"{top:g}岁以上"


@dataclass(frozen=True)
class Derivation:
    """How one derived statistic is computed, and what it describes."""

    stat_id: str
    formula: str
    inputs: tuple[str, ...]
    compute: Callable[..., Figure]
    unit: str
    topic: str
    subject: str
    measure: str
    breakdown: str
    band: Callable[[list[dict]], tuple[float | None, float | None, str]] | None
    label_zh: str
    label_en: str
    period: str = ""  # empty: the first input's period


DERIVATIONS = (
    Derivation(
        "market_size_2022h2_implied", "market_size_2022_forecast - market_size_2022h1",
        ("market_size_2022_forecast", "market_size_2022h1"), lambda year, h1: year - h1,
        "CNY", "market_size", "China cross-border e-commerce", "market size", "", None,
        "2022年下半年中国跨境电商市场规模（由全年预计与上半年推算）",
        "China cross-border e-commerce market size, H2 2022 (implied by the 2022 forecast less H1)",
        period="2022-H2",
    ),
    Derivation(
        "xiaohongshu_users_over_32", "100 - xiaohongshu_users_25_32 - xiaohongshu_users_under_25",
        ("xiaohongshu_users_25_32", "xiaohongshu_users_under_25"),
        lambda a, b: Figure.exact(100.0) - a - b,
        "%", "demographics", "Xiaohongshu users", "share of users", "age over 32", lambda rows: _above_bands(rows),
        "小红书32岁以上用户占比（推算）", "Share of Xiaohongshu users over 32 (implied by the other two bands)",
    ),
    Derivation(
        "tiktok_users_outside_china", "tiktok_users_2019 * tiktok_users_outside_china_share / 100",
        ("tiktok_users_2019", "tiktok_users_outside_china_share"),
        lambda users, share: users * share / Figure.exact(100.0),
        "users", "platform", "TikTok", "users outside China", "outside China", None,
        "TikTok中国以外用户数（推算）", "TikTok users outside China (implied)",
    ),
    Derivation(
        "tmall_global_category_growth_2019_2020", "tmall_global_categories_2020 / tmall_global_categories_2019",
        ("tmall_global_categories_2020", "tmall_global_categories_2019"), lambda later, earlier: later / earlier,
        "x", "platform", "Tmall Global", "growth in product categories, 2019 to Nov 2020", "", None,
        "天猫国际品类数增长倍数（2019至2020年11月，推算）", "Growth in Tmall Global's categories, 2019 to November 2020 (implied)",
    ),
)
