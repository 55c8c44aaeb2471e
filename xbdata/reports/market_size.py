"""The market_size report: market size and growth, the scenario projection, platform scale."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from ..curate.tables import market_size, platforms, statistics
from ..text.formatting import format_row, format_value
from ..text.labels import kind_name, period_words, text
from .story import Story, in_currency, round_to_digits, shown, years_between

WORDS = {
    "en": {
        "control_growth_rate": "Annual growth",
        "control_horizon_years": "Years ahead",
        "market": "## Market size\n\nReported, forecast and derived figures (derived = computed from the reported ones).",
        "projection": "## Scenario projection\n\nA **scenario**, not a forecast: the latest full-year market size the "
                      "articles give (the chart's first point) grown at a constant rate. Drag the slider under the "
                      "chart to change the rate.",
        "platforms": "## Platform scale\n\nPick a unit under the chart: figures in different units or years are not comparable.",
        "market_title": "China's cross-border e-commerce market",
        "market_axis": "Market size ({unit})",
        "projection_title": "Scenario: drag the slider to change annual growth",
        "platforms_title": "Platform scale (pick a unit)",
        "scenario_line": "Scenario (not from the articles): at {growth} a year, about **{value}** in {year}",
        "converted": "Converted at the rate you gave: USD 1 = CNY {rate}",
        "gaps": (
            "The articles give market size only for {market_periods} (derived figures aside); there is no series of "
            "earlier years.",
            "Growth is stated only as a floor ({growth_label}: {growth}): the scenario uses it as a floor, "
            "not a forecast.",
            "The articles do not say how 'market size' is measured (GMV, imports and exports, B2B share).",
            "Platform figures come from different years ({platform_years}) and cannot be summed or compared "
            "as one market.",
        ),
    },
    "zh": {
        "control_growth_rate": "年增长率",
        "control_horizon_years": "推算年数",
        "market": "## 市场规模\n\n实际、预测与推算数字（推算 = 由文章数字计算而来）。",
        "projection": "## 情景推算\n\n这是**情景**，不是预测：以文章给出的最新全年市场规模（图中起点）按固定年增长率推算。"
                      "拖动图下方的滑块改变增长率。",
        "platforms": "## 平台规模\n\n在图下方选择单位：不同单位或年份的数字不能相互比较。",
        "market_title": "中国跨境电商市场规模",
        "market_axis": "市场规模（{unit}）",
        "projection_title": "情景推算：拖动滑块改变年增长率",
        "platforms_title": "平台规模（按单位选择）",
        "scenario_line": "情景推算（非文章数据）：按年增长{growth}，{year}年约为 **{value}**",
        "converted": "按你给定的汇率 1美元 = {rate}元 换算",
        "gaps": (
            "文章给出的市场规模只有{market_periods}的数据（推算数字除外），没有更早年份的序列。",
            "增速只给出下限（{growth_label}：{growth}）：情景推算把它当作下限，而不是预测。",
            "文章没有说明“市场规模”的口径（GMV、进出口、B2B占比）。",
            "各平台数据来自不同年份（{platform_years}），不能相加，也不能当作同一市场比较。",
        ),
    },
}


class MarketSize(Story):
    name = "market_size"
    WORDS = WORDS
    READS = ("market_size", "platform", "marketing")
    SCENARIO_MEASURE = "market size"
    GROWTH = "market_growth_5y"

    def money(self) -> pd.DataFrame:
        frame = market_size(self.lang)
        frame = in_currency(frame[frame["unit"] == "CNY"], self.params["currency"], self.params["usd_cny_rate"])
        return shown(frame, self.lang)

    def scenario_base(self) -> pd.Series:
        """The figure the scenario starts from: the latest full-year figure of the measure "market size".

        Only a single figure of a whole year will do (a range, an open bound or a half year would
        make the projection say more than the article); with the seeds that is the 2022 forecast,
        and an added article's later full-year market size takes its place.
        """
        money = self.money()
        years = money[(money["measure"] == self.SCENARIO_MEASURE) & money["period"].str.fullmatch(r"\d{4}")
                      & money["value"].notna() & money["qualifier"].isin(["=", "~"])]
        if years.empty:
            raise ValueError(f"no full-year {self.SCENARIO_MEASURE} figure to start the scenario from")
        return years.assign(year=years["period"].astype(int)).sort_values(["year", "stat_id"]).iloc[-1]

    def projection(self) -> pd.DataFrame:
        """The scenario: the latest full-year market size grown at growth_rate for horizon_years (not a forecast)."""
        base = self.scenario_base()
        g, n = self.params["growth_rate"], self.params["horizon_years"]
        return pd.DataFrame({"year": [base["year"] + t for t in range(n + 1)],
                             "value": [base["value"] * (1 + g) ** t for t in range(n + 1)],
                             "kind": "scenario"})

    def platform_scale(self) -> pd.DataFrame:
        frame = statistics(self.lang)
        wanted = platforms(self.lang)["stat_id"].tolist() + frame.loc[
            (frame["unit"] == "followers") & frame["breakdown"].isin(["Instagram", "Twitter"]), "stat_id"].tolist()
        frame = frame[frame["stat_id"].isin(wanted) & ~frame["unit"].isin(["%", "x", "years"])].copy()
        frame["platform"] = frame["subject"] + frame["breakdown"].map(
            lambda b: text("aside", self.lang).format(aside=b) if b else "")
        return shown(frame, self.lang)

    def stat_ids(self) -> list[str]:
        return market_size(self.lang)["stat_id"].tolist() + self.platform_scale()["stat_id"].tolist()

    def scenario_line(self) -> str:
        """The projection's end point, labelled as a scenario."""
        end = self.projection().iloc[-1]
        value = format_value(round_to_digits(end["value"], "round"), self.params["currency"], "=", self.lang)
        return self.say("scenario_line", growth=f"{self.params['growth_rate']:.1%}", value=value, year=int(end["year"]))

    def money_line(self, stat_id: str) -> str:
        """A headline for a money figure, in the report's currency."""
        frame = statistics(self.lang)
        return self.line(stat_id, in_currency(frame[frame["stat_id"] == stat_id], self.params["currency"],
                                              self.params["usd_cny_rate"]))

    HEADLINES = ("market_size_2022h1", "market_size_2022_forecast", "market_size_2022h2_implied")

    def headlines(self) -> list[str]:
        """The seeds' market figures and growth, a later article's full-year figure where there is one, then the scenario."""
        latest = self.scenario_base()["stat_id"]
        lines = [self.money_line(i) for i in self.HEADLINES[:2]] + [self.line(self.GROWTH)]
        lines += [self.money_line(self.HEADLINES[2])] + ([self.money_line(latest)] if latest not in self.HEADLINES else [])
        lines.append(self.scenario_line())
        if self.params["currency"] == "USD":
            lines.append(self.say("converted", rate=self.params["usd_cny_rate"]))
        return lines

    def facts(self) -> dict[str, str]:
        money = self.money()
        given = money[(money["measure"] == self.SCENARIO_MEASURE) & (money["kind"] != kind_name("derived", self.lang))]
        periods = [period_words(p, self.lang) for p in sorted(given["period"].unique())]
        growth = statistics(self.lang).set_index("stat_id").loc[self.GROWTH]
        return {"market_periods": self.listing(periods), "growth_label": growth["label"],
                "growth": format_row(growth, self.lang),
                "platform_years": years_between(self.platform_scale()["period"])}

    def chart(self, which: str, bound: bool = True):
        from . import charts  # imported here: listing a report's statistics needs no charts

        unit = self.params["currency"]
        axis = self.say("market_axis", unit=unit)
        if which == "market":
            money = self.money()
            several = money["measure"].nunique() > 1
            return self.figure(money, lambda frame: charts.figure_chart(
                frame, self.say("market_title"), self.lang,
                text("amount_axis", self.lang).format(unit=unit) if several else axis, name="market_size-market"))
        if which == "projection":
            base = self.scenario_base()
            points = base.to_frame().T.reset_index(drop=True)
            return charts.projection_chart(points, {"year": int(base["year"]), "value": base["value"]},
                                           self.params["growth_rate"], self.params["horizon_years"], self.lang, axis,
                                           self.say("projection_title"), name="market_size-scenario",
                                           growth_limits=self.report.param("growth_rate").limits(), bound=bound)
        if which == "platforms":
            frame = self.platform_scale()
            units = sorted(frame["unit"].unique(), key=lambda u: (u != "users", u))
            return self.figure(frame, lambda frame: charts.figure_chart(
                frame, self.say("platforms_title"), self.lang, text("count_axis", self.lang), y="platform",
                select=("unit", units, text("unit", self.lang)), name="market_size-platforms"))
        raise ValueError(f"unknown chart {which!r} (market, projection, platforms)")

    def widget(self):
        """Live only: sliders that re-project the market in the kernel."""
        controls = {"growth_rate": self.slider("growth_rate", step=0.005, readout_format=".1%"),
                    "horizon_years": self.slider("horizon_years")}
        return self.live(controls, lambda story: [story.chart("projection", bound=False), Markdown(story.scenario_line())])
