"""The market_size report: market size and growth, the scenario projection, platform scale."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from ..escape import markdown_text
from ..curate.facts import precise
from ..curate.tables import market_size, platforms, statistic_facts
from ..text.formatting import format_row, format_value
from ..text.labels import catalogue_name, period_words, strip_period, text
from ..text.units import MONEY
from .series import chronological, headlines, in_headline_order, over_time, series_of, whole_year
from .figure import measure_name
from .story import Story, in_currency, round_to_digits, shown, years_between

# The scenario's rate when neither the reader nor the articles give one.
DEFAULT_GROWTH = 0.10

WORDS = {
    "en": {
        "control_growth_rate": "Annual growth",
        "control_horizon_years": "Years ahead",
        "market": "## Market size\n\nReported, forecast and derived figures (derived = computed from the reported ones), "
                  "each in the currency its article gives unless you gave a rate. <span class=\"xbdata-screen-only\">Where the articles give several currencies, pick one under the chart.</span>",
        "series": "## Over time\n\nEvery measure the articles give for three or more periods. A line joins full years "
                  "only; hollow marks are parts of a year (a half, quarters), never joined to the line.",
        "projection": "## Scenario projection\n\nA **scenario**, not a forecast: the latest full-year figure of the "
                      "market's main measure (the chart's first point) grown at a constant rate. "
                      "<span class=\"xbdata-screen-only\">Drag the slider under the chart to change the rate.</span>",
        "platforms": "## Platform scale\n\nEach choice draws one measure of one period across the platforms that give "
                     "it; figures of other measures or years are not comparable. "
                     "<span class=\"xbdata-screen-only\">Pick a measure under the chart.</span>",
        "market_title": "China's cross-border e-commerce market",
        "series_title": "Over time, one measure at a time",
        "series_pick": "Measure",
        "currency_pick": "Currency",
        "market_axis": "Market size ({unit})",
        "projection_title": "Scenario: the market grown at a constant annual rate",
        "platforms_title": "Platform scale, one measure at a time",
        "comparison": "{measure}, {period}",
        "comparison_pick": "Measure",
        "scenario_line": "Scenario (not from the articles): from {base}, at {growth} a year, about "
                         "**{value}** in {year}",
        "scenario_growth_given": "The scenario's rate is the articles' own growth figure: {growth_label}: {growth} [`{stat_id}`].",
        "scenario_growth_yours": "The scenario's rate, {growth}, is the report's parameter, not a figure from the articles.",
        "scenario_growth_limited": "The articles' growth figure, {growth_label}: {growth} [`{stat_id}`], lies outside the "
                                   "scenario's range: it runs at {rate}.",
        "no_scenario": "No full-year figure of the market to start a scenario from.",
        "no_series": "No measure has figures for three or more periods.",
        "converted": "Converted at the rate you gave: USD 1 = CNY {rate}",
        "gap_no_series": "The articles give {measure} only for {periods}; there is no series of earlier years.",
        "gap_growth_floor": "Growth is stated only as a bound ({growth_label}: {growth}): the scenario uses it as a "
                            "figure, not a forecast.",
        "gap_no_growth": "The articles give no growth rate for {measure}: the scenario's rate is an assumption.",
        "gap_market_undefined": "The articles do not say how 'market size' is measured (GMV, imports and exports, B2B share).",
        "gap_platform_years": "Platform figures come from different years ({platform_years}) and cannot be summed or "
                              "compared as one market.",
        "gap_other_currencies": "Money in {currencies} is shown in its own currency: no rate to convert it is given.",
        "gap_none": "Nothing this report reads is missing from the articles' own terms.",
    },
    "zh": {
        "control_growth_rate": "年增长率",
        "control_horizon_years": "推算年数",
        "market": "## 市场规模\n\n实际、预测与推算数字（推算 = 由文章数字计算而来），除非你给出汇率，均以文章原币种显示。"
                  "<span class=\"xbdata-screen-only\">文章给出多种币种时，在图下方选择币种。</span>",
        "series": "## 历年变化\n\n文章给出三个及以上时期的指标。折线只连接全年数据；空心标记是年内部分时期"
                  "（上半年、季度），不与折线相连。",
        "projection": "## 情景推算\n\n这是**情景**，不是预测：以市场主要指标的最新全年数字（图中起点）按固定年增长率推算。"
                      "<span class=\"xbdata-screen-only\">拖动图下方的滑块改变增长率。</span>",
        "platforms": "## 平台规模\n\n每个选项只画同一时期、同一指标下给出该数字的各平台；"
                     "不同指标或年份的数字不能相互比较。<span class=\"xbdata-screen-only\">在图下方选择指标。</span>",
        "market_title": "中国跨境电商市场规模",
        "series_title": "历年变化（每次一个指标）",
        "series_pick": "指标",
        "currency_pick": "币种",
        "market_axis": "市场规模（{unit}）",
        "projection_title": "情景推算：市场按固定年增长率增长",
        "platforms_title": "平台规模（每次一个指标）",
        "comparison": "{measure}（{period}）",
        "comparison_pick": "指标",
        "scenario_line": "情景推算（非文章数据）：以{base}为起点，按年增长{growth}，{year}年约为 **{value}**",
        "scenario_growth_given": "情景推算的增长率取自文章：{growth_label}：{growth} [`{stat_id}`]。",
        "scenario_growth_yours": "情景推算的增长率{growth}是报告参数，不是文章数字。",
        "scenario_growth_limited": "文章的增速{growth_label}：{growth} [`{stat_id}`]超出情景推算的范围：按{rate}推算。",
        "no_scenario": "没有可作为情景推算起点的全年市场数字。",
        "no_series": "没有指标给出三个及以上时期的数字。",
        "converted": "按你给定的汇率 1美元 = {rate}元 换算",
        "gap_no_series": "文章给出的{measure}只有{periods}的数据，没有更早年份的序列。",
        "gap_growth_floor": "增速只给出界限（{growth_label}：{growth}）：情景推算把它当作一个数字，而不是预测。",
        "gap_no_growth": "文章没有给出{measure}的增速：情景推算的增长率是假设。",
        "gap_market_undefined": "文章没有说明“市场规模”的口径（GMV、进出口、B2B占比）。",
        "gap_platform_years": "各平台数据来自不同年份（{platform_years}），不能相加，也不能当作同一市场比较。",
        "gap_other_currencies": "以{currencies}计的金额按原币种显示：没有给出换算汇率。",
        "gap_none": "本报告所读的内容，文章都已给出。",
    },
}

# The measure whose name says only "market size", with no definition of what is counted.
UNDEFINED_MARKET = "market size"
HEADLINE_SERIES = 4


class MarketSize(Story):
    name = "market_size"
    WORDS = WORDS
    READS = ("market_size", "platform", "marketing")

    def all_money(self) -> pd.DataFrame:
        """Every money fact of the market, CNY converted when the reader asked for USD at a rate, each
        figure in words (`shown`) as converted; kinds stay the catalogue's (the rules read them)."""
        frame = market_size(self.lang)
        frame = in_currency(frame[frame["measure_kind"].eq("amount") & frame["unit"].isin(MONEY)],
                            self.params["currency"], self.params["usd_cny_rate"])
        return frame.assign(shown=[format_row(row, self.lang) for row in frame.to_dict("records")])

    def money(self) -> pd.DataFrame:
        """The money facts in the report's currency."""
        frame = self.all_money()
        return frame[frame["unit"] == self.params["currency"]]

    def other_currencies(self) -> list[str]:
        """Currencies of money facts the report cannot convert (no rate for them)."""
        return sorted(set(self.all_money()["unit"]) - {self.params["currency"]})

    def main_series(self) -> pd.DataFrame:
        """The market's main measure: of the series in the report's currency, China's first (the report's
        subject), then the one with most full years, then most mentions; its facts in headline order."""
        def rank(group):
            full = group["period"].map(whole_year)
            return (group["geography"].iloc[0] != "China", -int(full.sum()), -int(group["mentions"].sum()))
        found = sorted(series_of(self.money()), key=rank)
        return found[0] if found else self.money().iloc[0:0]

    def scenario_base(self) -> pd.Series | None:
        """The figure the scenario starts from: the latest full-year figure of the main measure.

        Only a single figure of a whole year will do (a range, an open bound or a half year would make
        the projection say more than the article). None when the main measure has none.
        """
        main = self.main_series()
        years = main[main["period"].map(whole_year).astype(bool) & main["value"].notna() & main["qualifier"].isin(["=", "~"])]
        if years.empty:
            return None
        return years.assign(year=years["period"].astype(int)).sort_values(["year"], kind="stable").iloc[-1]

    def growth_facts(self) -> pd.DataFrame:
        """The articles' growth figures of the main measure (same subject and place, a measure that names
        it: growth in import and export value, annual growth rate of market size), in headline order."""
        main = self.main_series()
        frame = market_size(self.lang)
        if main.empty:
            return frame.iloc[0:0]
        first = main.iloc[0]
        growth = frame[(frame["measure_kind"] == "growth") & (frame["unit"] == "%") & (frame["subject"] == first["subject"])
                       & (frame["geography"] == first["geography"]) & frame["value"].notna()
                       & frame["measure"].str.contains(first["measure"], regex=False)]
        return in_headline_order(growth)

    def growth_fact(self) -> pd.Series | None:
        """The growth figure the scenario offers as its rate: that of the scenario's base year if the
        articles give it, else their latest; None if they give none."""
        growth = self.growth_facts()
        base = self.scenario_base()
        in_base_year = growth[growth["period"] == str(base["year"])] if base is not None else growth.iloc[0:0]
        growth = in_base_year if not in_base_year.empty else growth
        return growth.iloc[0] if not growth.empty else None

    def growth_rate(self) -> float:
        """The scenario's rate: the parameter when given, else the articles' growth figure, else 10%."""
        if self.params["growth_rate"] is not None:
            return self.params["growth_rate"]
        growth = self.growth_fact()
        low, high = self.report.param("growth_rate").limits()
        return min(max(growth["value"] / 100, low), high) if growth is not None else DEFAULT_GROWTH

    def projection(self) -> pd.DataFrame:
        """The scenario: the latest full-year figure of the main measure grown at the rate for horizon_years (not a forecast)."""
        base = self.scenario_base()
        g, n = self.growth_rate(), self.params["horizon_years"]
        return pd.DataFrame({"year": [base["year"] + t for t in range(n + 1)],
                             "value": [base["value"] * (1 + g) ** t for t in range(n + 1)],
                             "kind": "scenario"})

    def platform_scale(self) -> pd.DataFrame:
        frame = statistic_facts(self.lang)
        wanted = platforms(self.lang)["stat_id"].tolist() + frame.loc[
            (frame["unit"] == "followers") & frame["breakdown"].isin(["Instagram", "Twitter"]), "stat_id"].tolist()
        frame = frame[frame["stat_id"].isin(wanted) & ~frame["unit"].isin(["%", "x", "years", "pp", "rank"])].copy()
        frame = frame[frame.apply(precise, axis=1)] if len(frame) else frame
        frame["platform"] = [self.platform_name(row) for row in frame.to_dict("records")]
        frame["comparison"] = [self.say("comparison", measure=measure_name(row, self.lang) + (
                                            text("aside", self.lang).format(aside=row["unit"]) if row["unit"] in MONEY else ""),
                                        period=period_words(row["period"], self.lang)) for _, row in frame.iterrows()]
        return shown(frame, self.lang)

    def comparisons(self) -> list[str]:
        """The platform chart's choices: one measure of one period each, those across the most platforms first."""
        frame = self.platform_scale()
        counts = frame.groupby("comparison", sort=False)["platform"].nunique()
        return sorted(counts.index, key=lambda c: (-counts[c], c))

    def series_name(self, rows: pd.DataFrame) -> str:
        """A series (over_time) by name: its subject, measure, breakdown and place in the report's
        language, or its first figure's label without its period where one has no Chinese name."""
        first = rows.iloc[0]
        parts = [catalogue_name(str(first[c]), self.lang) for c in ("subject", "measure", "breakdown", "geography")
                 if str(first[c])]
        return " · ".join(parts) if None not in parts else strip_period(first["label"], first["period"], self.lang)

    def platform_name(self, row: dict) -> str:
        """A platform figure's name on the chart: its subject, and its breakdown aside (TikTok（中国以外）);
        the figure's own label where either has no name in the report's language."""
        subject = catalogue_name(row["subject"], self.lang)
        aside = catalogue_name(row["breakdown"], self.lang) if row["breakdown"] else ""
        if subject is None or aside is None:
            return row["label"]
        return subject + (text("aside", self.lang).format(aside=aside) if aside else "")

    def stat_ids(self) -> list[str]:
        return (self.all_money()["stat_id"].tolist() + self.platform_scale()["stat_id"].tolist()
                + self.growth_facts()["stat_id"].tolist())

    def scenario_line(self) -> str:
        """The projection's end point, labelled as a scenario, naming the figure it starts from."""
        base = self.scenario_base()
        if base is None:
            return self.say("no_scenario")
        end = self.projection().iloc[-1]
        value = format_value(round_to_digits(end["value"], "round"), self.params["currency"], "=", self.lang)
        return self.say("scenario_line", base=markdown_text(f"{base['label']} ({base['shown']})"),
                        growth=f"{self.growth_rate():.1%}", value=value, year=int(end["year"]))

    def scenario_growth_line(self) -> str:
        """Where the scenario's rate comes from: the articles' figure (with its id) or the parameter."""
        growth = self.growth_fact()
        if self.params["growth_rate"] is None and growth is not None:
            if abs(growth["value"] / 100 - self.growth_rate()) > 1e-9:
                return self.say("scenario_growth_limited", growth_label=markdown_text(growth["label"]),
                                growth=markdown_text(format_row(growth, self.lang)), stat_id=growth["stat_id"],
                                rate=f"{self.growth_rate():.1%}")
            return self.say("scenario_growth_given", growth_label=markdown_text(growth["label"]),
                            growth=markdown_text(format_row(growth, self.lang)),
                            stat_id=growth["stat_id"])
        return self.say("scenario_growth_yours", growth=f"{self.growth_rate():.1%}")

    def headlines(self) -> list[str]:
        """By rule, never by id: the headline fact of each of the market's first series in the report's
        currency (its latest period, full year before part year, observed before forecast), then those
        in other currencies, the main measure's growth, and the scenario."""
        money = self.all_money()
        lines = [self.line(row["stat_id"], money) for _, row in headlines(self.money(), HEADLINE_SERIES).iterrows()]
        others = money[money["unit"] != self.params["currency"]]
        lines += [self.line(row["stat_id"], money) for _, row in headlines(others, 2).iterrows()]
        lines += [self.line(row["stat_id"]) for _, row in self.growth_facts().head(1).iterrows()]
        lines.append(self.scenario_line())
        if self.scenario_base() is not None:
            lines.append(self.scenario_growth_line())
        if self.params["currency"] == "USD":
            lines.append(self.say("converted", rate=self.params["usd_cny_rate"]))
        return lines

    def gap_lines(self) -> list[str]:
        """What the articles do not tell, each line only while the catalogue lacks it."""
        lines = []
        main = self.main_series()
        if not main.empty and main["period"].nunique() < 3:
            lines.append(self.say("gap_no_series", measure=self.measure_words(main),
                                  periods=self.listing(period_words(p, self.lang) for p in chronological(main["period"]))))
        growth = self.growth_fact()
        if growth is None and not main.empty:
            lines.append(self.say("gap_no_growth", measure=self.measure_words(main)))
        elif growth is not None and growth["qualifier"] not in ("=", "~"):
            lines.append(self.say("gap_growth_floor", growth_label=markdown_text(growth["label"]),
                                  growth=markdown_text(format_row(growth, self.lang))))
        if not main.empty and main["measure"].iloc[0] == UNDEFINED_MARKET:
            lines.append(self.say("gap_market_undefined"))
        platform_years = sorted({str(p)[:4] for p in self.platform_scale()["period"] if str(p)[:4].isdigit()})
        if len(platform_years) > 1:
            lines.append(self.say("gap_platform_years", platform_years=years_between(platform_years)))
        if self.other_currencies():
            lines.append(self.say("gap_other_currencies", currencies=markdown_text(self.listing(self.other_currencies()))))
        return lines or [self.say("gap_none")]

    def measure_words(self, series: pd.DataFrame) -> str:
        """A series named as its first fact's label says it, without the period."""
        row = series.iloc[0]
        return markdown_text(strip_period(row["label"], row["period"], self.lang))

    def chart(self, which: str, bound: bool = True):
        from . import charts  # imported here: listing a report's statistics needs no charts

        unit = self.params["currency"]
        axis = self.say("market_axis", unit=unit)
        if which == "market":
            money = shown(self.all_money(), self.lang)
            currencies = sorted(money["unit"].unique(), key=lambda u: (u != unit, u))
            several = money["measure"].nunique() > 1
            select = ("unit", currencies, self.say("currency_pick")) if len(currencies) > 1 else None
            return self.figure(money, lambda frame: charts.figure_chart(
                frame, self.say("market_title"), self.lang,
                text("amount_axis", self.lang).format(unit=self.listing(currencies)) if several else axis,
                select=select, name="market_size-market"))
        if which == "series":
            lines = over_time(self.all_money())
            if lines.empty:
                return Markdown(f"*{self.say('no_series')}*")
            names = {series: self.series_name(rows) for series, rows in lines.groupby("series", sort=False)}
            lines = shown(lines.assign(series_name=lines["series"].map(names)), self.lang)   # named by the labels as drafted
            lines = lines.assign(point_label=[
                r["shown"] if r["whole_year"] else f"{r['shown']} ({period_words(r['period'], self.lang)})"
                for _, r in lines.iterrows()])
            main = self.main_series()
            first = lines.loc[lines["stat_id"].isin(main["stat_id"]), "series"]
            names = list(dict.fromkeys([*first, *lines["series"]]))
            return charts.series_chart(lines, self.say("series_title"), self.lang, text("amount_axis", self.lang).format(
                unit=self.listing(sorted(lines["unit"].unique()))), select=("series", names, self.say("series_pick")),
                name="market_size-series")
        if which == "projection":
            base = self.scenario_base()
            if base is None:
                return Markdown(f"*{self.say('no_scenario')}*")
            points = shown(base.to_frame().T.reset_index(drop=True), self.lang)
            return charts.projection_chart(points, {"year": int(base["year"]), "value": base["value"]},
                                           self.growth_rate(), self.params["horizon_years"], self.lang, axis,
                                           self.say("projection_title"), name="market_size-scenario",
                                           growth_limits=self.report.param("growth_rate").limits(), bound=bound)
        if which == "platforms":
            frame = self.platform_scale()
            return self.figure(frame, lambda frame: charts.figure_chart(
                frame, self.say("platforms_title"), self.lang, text("count_axis", self.lang), y="platform",
                select=("comparison", self.comparisons(), self.say("comparison_pick")), name="market_size-platforms"))
        raise ValueError(f"unknown chart {which!r} (market, series, projection, platforms)")

    def widget(self):
        """Live only: sliders that re-project the market in the kernel."""
        controls = {"growth_rate": self.slider("growth_rate", value=self.growth_rate(), step=0.005, readout_format=".1%"),
                    "horizon_years": self.slider("horizon_years")}
        return self.live(controls, lambda story: [story.chart("projection", bound=False), Markdown(story.scenario_line())])
