"""What each report says: its figures, charts, sources and gaps, so the notebooks stay a few lines.

A notebook does `report = xbdata.open_report("market_size", lang=lang, ...)` and then displays
`report.summary()`, `report.chart(...)`, `report.sources()` and `report.gaps()`. Every number shown
comes from the catalogue; derived and scenario figures say so.
"""

from __future__ import annotations

import math

import pandas as pd
from IPython.display import HTML, Markdown

from .escape import html_text, link, markdown_text
from .formatting import format_row, format_value, to_currency
from .labels import kind_name, measure_title, text
from .parameters import check_parameters, get_report
from .tables import categories, demographics, market_size, platforms, statistics


def _shown(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` with each figure in words (`shown`) and its kind's name, in `lang`."""
    frame = frame.copy()
    frame["shown"] = [format_row(row, lang) for row in frame.to_dict("records")]
    frame["kind"] = frame["kind"].map(lambda k: kind_name(k, lang))
    return frame


CONVERTED_DIGITS = 3


def _round(x, direction: str):
    """`x` to CONVERTED_DIGITS significant digits, down, up or to the nearest ("floor", "ceil", "round")."""
    if x is None or x != x or x == 0:
        return x
    step = 10 ** (math.floor(math.log10(abs(x))) - CONVERTED_DIGITS + 1)
    return {"floor": math.floor, "ceil": math.ceil, "round": round}[direction](x / step) * step


def _in_currency(frame: pd.DataFrame, currency: str, usd_cny_rate: float | None) -> pd.DataFrame:
    """Money rows converted at the caller's rate, bounds included, and shown as approximate.

    A converted figure is the article's figure times a rate the article does not give, so it
    keeps three significant digits, rounded so that an open bound stays true (超7万亿元 at 7.1 is
    "over USD 985 billion", rounded down), and is marked approximate (about, or approx).
    It no longer shows the article's words.
    """
    frame = frame.copy()
    converted = frame["unit"].eq("CNY") & (currency == "USD")
    for column in ("value", "low", "high"):
        frame[column] = [to_currency(v, u, currency, usd_cny_rate)[0] for v, u in zip(frame[column], frame["unit"])]
    if converted.any():
        for i in frame.index[converted]:
            q = frame.at[i, "qualifier"]
            value_way = "floor" if q in (">", ">=") else "ceil" if q == "<" else "round"
            frame.at[i, "value"] = _round(frame.at[i, "value"], value_way)
            frame.at[i, "low"] = _round(frame.at[i, "low"], "floor" if q != "=" else "round")
            frame.at[i, "high"] = _round(frame.at[i, "high"], "ceil" if q != "=" else "round")
            frame.at[i, "approx"] = q in (">", ">=", "<")
            frame.at[i, "qualifier"] = "~" if q == "=" else q
    frame.loc[converted, "number"] = ""
    frame.loc[converted, "unit"] = currency
    return frame


class Story:
    """One report with its checked parameters."""

    name = ""
    gaps_zh: tuple[str, ...] = ()
    gaps_en: tuple[str, ...] = ()
    # Section texts as Markdown: key -> (zh, en).
    sections: dict[str, tuple[str, str]] = {}

    def section(self, key: str) -> Markdown:
        """A section heading and its lead, in the report's language."""
        zh, en = self.sections[key]
        return Markdown(zh if self.lang == "zh" else en)

    def __init__(self, **params):
        self.params = check_parameters(self.name, **params)
        self.lang = self.params["lang"]
        self.report = get_report(self.name)

    def libraries(self):
        """Display once, first: the chart libraries, embedded (no network)."""
        from . import charts

        return charts.enable(self.lang)

    def opening(self) -> list:
        """What a report shows first: the chart libraries, its title and lead, parameters and headline figures."""
        return [self.libraries(), self.section("intro"), self.parameters(), self.summary()]

    def parameters(self) -> Markdown:
        """The parameters this run used, shown under the notebook's title."""
        shown = ", ".join(f"`{k}={v!r}`" for k, v in self.params.items())
        return Markdown(f"{'参数' if self.lang == 'zh' else 'Parameters'}: {shown}")

    def statistics(self) -> pd.DataFrame:
        """Every catalogue row this report shows."""
        frame = statistics(self.lang)
        return frame[frame["stat_id"].isin(self.stat_ids())]

    def stat_ids(self) -> list[str]:
        """The ids of the statistics this report shows."""
        raise NotImplementedError

    def headlines(self) -> list[str]:
        raise NotImplementedError

    def summary(self) -> Markdown:
        head = "## 要点" if self.lang == "zh" else "## Headline figures"
        return Markdown(head + "\n\n" + "\n".join(f"- {line}" for line in self.headlines()))

    def _line(self, stat_id: str, currency: bool = False) -> str:
        frame = statistics(self.lang)
        frame = frame[frame["stat_id"] == stat_id]
        if currency:
            frame = _in_currency(frame, self.params.get("currency", "CNY"), self.params.get("usd_cny_rate"))
        row = frame.iloc[0]
        mark = f" ({kind_name(row['kind'], self.lang)})" if row["kind"] in ("derived", "forecast", "plan", "hypothetical") else ""
        return f"{markdown_text(row['label'])}: **{markdown_text(format_row(row, self.lang))}**{mark} [`{stat_id}`]"

    def figure(self, frame: pd.DataFrame, draw):
        """`draw(frame)` as a chart when there are marks to compare; a sentence for one figure, a note for none."""
        if len(frame) == 0:
            return Markdown(f"*{text('no_figures', self.lang)}.*")
        if len(frame) == 1:
            return Markdown("- " + self._line(frame["stat_id"].iloc[0]))
        return draw(frame)

    def sources(self) -> HTML:
        """Every statistic the report used, with its verbatim quote and article."""
        rows = _shown(self.statistics(), self.lang)
        zh = self.lang == "zh"
        head = ("统计", "数值", "类型", "原文引语", "文章") if zh else ("Statistic", "Value", "Kind", "Verbatim quote", "Article")
        body = []
        for r in rows.itertuples():
            quote = html_text(r.quote if r.quote else ("由 " if zh else "computed from ") + str(r.inputs).replace(";", ", "))
            article = html_text(r.source_title) + (f" ({link(r.source_url)})" if r.source_url else "")
            body.append(f"<tr><th scope='row'>{html_text(r.label)}<br><code>{html_text(r.stat_id)}</code></th><td>{html_text(r.shown)}</td>"
                        f"<td>{html_text(r.kind)}</td><td>{quote}</td><td>{article}<br><code>{html_text(r.source)}</code></td></tr>")
        title = "数据来源" if zh else "Sources"
        caption = text("sources_caption", self.lang).format(n=len(rows))
        table = (f"<table class='xbdata-sources'><caption>{html_text(caption)}</caption><thead><tr>"
                 + "".join(f"<th scope='col'>{h}</th>" for h in head)
                 + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")
        return HTML(f"<h2>{title}</h2>{table}")

    def _live(self, controls: dict, show):
        """Widgets bound to parameters: each change reopens the report with the new values and redraws `show(report)`."""
        import ipywidgets as w
        from IPython.display import display

        out = w.Output()

        def redraw(*_):
            story = type(self)(**{**self.params, **{name: c.value for name, c in controls.items()}})
            with out:
                out.clear_output(wait=True)
                display(*show(story))

        for control in controls.values():
            control.observe(redraw, "value")
        redraw()
        return w.VBox([w.HBox(list(controls.values())), out])

    def gaps(self) -> Markdown:
        head = "## 文章没有告诉我们的" if self.lang == "zh" else "## What the articles do not tell us"
        lines = self.gaps_zh if self.lang == "zh" else self.gaps_en
        return Markdown(head + "\n\n" + "\n".join(f"- {line}" for line in lines))


class MarketSize(Story):
    name = "market_size"
    sections = {
        "intro": ("# 中国跨境电商市场规模\n\n来自文章的市场规模、增速和平台规模,以及明确标注的情景推算。"
                  "每个数字都能在“数据来源”一节找到原文引语。",
                  "# China's cross-border e-commerce market\n\nMarket size, growth and platform scale from the "
                  "catalogued articles, with a clearly labelled scenario projection. Every figure links to its "
                  "quote in the Sources section."),
        "market": ("## 市场规模\n\n实际、预测与推算数字(推算 = 由文章数字计算而来)。",
                   "## Market size\n\nReported, forecast and derived figures (derived = computed from the reported ones)."),
        "projection": ("## 情景推算\n\n这是**情景**,不是预测:以文章给出的最新全年市场规模(图中起点)按固定年增长率推算。"
                       "拖动图下方的滑块改变增长率。",
                       "## Scenario projection\n\nA **scenario**, not a forecast: the latest full-year market size the "
                       "articles give (the chart's first point) grown at a constant rate. Drag the slider under the "
                       "chart to change the rate."),
        "platforms": ("## 平台规模\n\n在图下方选择单位:不同单位或年份的数字不能相互比较。",
                      "## Platform scale\n\nPick a unit under the chart: figures in different units or years are not comparable."),
    }
    gaps_en = (
        "Market size is given only for 2022 (H1 reported, full year forecast); no series of past years.",
        "Growth is stated only as 'above 10% a year for five years': the scenario uses it as a floor, not a forecast.",
        "The articles do not say how 'market size' is measured (GMV, imports and exports, B2B share).",
        "Platform figures come from different years (2018 to 2022) and cannot be summed or compared as one market.",
    )
    gaps_zh = (
        "市场规模只有2022年的数据(上半年实际、全年预计),没有历年序列。",
        "增速只说“过去5年年增速均在10%以上”:情景推算把它当作下限,而不是预测。",
        "文章没有说明“市场规模”的口径(GMV、进出口、B2B占比)。",
        "各平台数据来自不同年份(2018至2022年),不能相加,也不能当作同一市场比较。",
    )

    def money(self) -> pd.DataFrame:
        frame = market_size(self.lang)
        frame = _in_currency(frame[frame["unit"] == "CNY"], self.params["currency"], self.params["usd_cny_rate"])
        return _shown(frame, self.lang)

    SCENARIO_MEASURE = "market size"

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
        frame["platform"] = frame["subject"] + frame["breakdown"].map(lambda b: f" ({b})" if b else "")
        return _shown(frame, self.lang)

    def stat_ids(self) -> list[str]:
        return market_size(self.lang)["stat_id"].tolist() + self.platform_scale()["stat_id"].tolist()

    def scenario_line(self) -> str:
        """The projection's end point, labelled as a scenario."""
        end = self.projection().iloc[-1]
        scenario = format_value(_round(end["value"], "round"), self.params["currency"], "=", self.lang)
        g = f"{self.params['growth_rate']:.1%}"
        if self.lang == "zh":
            return f"情景推算(非文章数据):按年增长{g},{int(end['year'])}年约为 **{scenario}**"
        return f"Scenario (not from the articles): at {g} a year, about **{scenario}** in {int(end['year'])}"

    def headlines(self) -> list[str]:
        lines = [self._line("market_size_2022h1", True), self._line("market_size_2022_forecast", True),
                 self._line("market_growth_5y"), self._line("market_size_2022h2_implied", True), self.scenario_line()]
        if self.params["currency"] == "USD":
            rate = self.params["usd_cny_rate"]
            lines.append(f"按你给定的汇率 1美元 = {rate}元 换算" if self.lang == "zh" else f"Converted at the rate you gave: USD 1 = CNY {rate}")
        return lines

    def chart(self, which: str):
        from . import charts  # imported here: listing a report's statistics needs no charts

        zh = self.lang == "zh"
        unit = self.params["currency"]
        axis = f"市场规模({unit})" if zh else f"Market size ({unit})"
        if which == "market":
            money = self.money()
            several = money["measure"].nunique() > 1
            return self.figure(money, lambda frame: charts.figure_chart(
                frame, "中国跨境电商市场规模" if zh else "China's cross-border e-commerce market",
                self.lang, text("amount_axis", self.lang).format(unit=unit) if several else axis,
                name="market_size-market"))
        if which == "projection":
            base = self.scenario_base()
            points = base.to_frame().T.reset_index(drop=True)
            return charts.projection_chart(points, {"year": int(base["year"]), "value": base["value"]},
                                           self.params["growth_rate"], self.params["horizon_years"], self.lang, axis,
                                           "情景推算:拖动滑块改变年增长率" if zh else "Scenario: drag the slider to change annual growth",
                                           name="market_size-scenario")
        if which == "platforms":
            frame = self.platform_scale()
            units = sorted(frame["unit"].unique(), key=lambda u: (u != "users", u))
            return self.figure(frame, lambda frame: charts.figure_chart(
                frame, "平台规模(按单位选择)" if zh else "Platform scale (pick a unit)", self.lang,
                text("count_axis", self.lang), y="platform", select=("unit", units, text("unit", self.lang)),
                name="market_size-platforms"))
        raise ValueError(f"unknown chart {which!r} (market, projection, platforms)")

    def widget(self):
        """Live only: sliders that re-project the market in the kernel."""
        import ipywidgets as w

        controls = {
            "growth_rate": w.FloatSlider(value=self.params["growth_rate"], min=0, max=0.3, step=0.005,
                                         description="growth", readout_format=".1%"),
            "horizon_years": w.IntSlider(value=self.params["horizon_years"], min=1, max=15, description="years"),
        }
        return self._live(controls, lambda story: [story.chart("projection"), Markdown(story.scenario_line())])


class UserDemographics(Story):
    name = "user_demographics"
    sections = {
        "intro": ("# 用户画像\n\n来自文章的年龄段、世代占比和消费者调查。",
                  "# Who the users are\n\nAge bands, generational shares and consumer surveys from the catalogued articles."),
        "platforms": ("## 各平台\n\n在图下方选择平台。", "## By platform\n\nChoose a platform under the chart."),
        "surveys": ("## 对话式商务消费者调查", "## Consumer surveys on conversational commerce"),
        "relative": ("## 与非用户相比\n\n这些数字是相对差异(“可能性高出55%”),不是人口占比,所以单独成图。",
                     "## Compared with non-users\n\nThese figures are relative differences (\"55% more likely\"), "
                     "not shares of a population, so they have a chart of their own."),
    }
    gaps_en = (
        "No platform reports a full age distribution except Xiaohongshu (two bands; the third is derived).",
        "Twitter's figures are shares of tweets or likelihoods relative to non-users, not population shares.",
        "Survey sample sizes, dates and methods are not given for any of the surveys quoted.",
        "Nothing is said about users of cross-border platforms by country, income or gender beyond these.",
    )
    gaps_zh = (
        "除小红书外(两个年龄段,第三段为推算),没有平台给出完整的年龄分布。",
        "Twitter的数据是推文占比或相对非用户的可能性,不是人口占比。",
        "所引调查都没有给出样本量、时间和方法。",
        "除此之外,文章没有按国家、收入或性别说明跨境平台用户。",
    )

    def frame(self) -> pd.DataFrame:
        demo = demographics(self.lang)
        stats = statistics(self.lang)
        survey = stats[(stats["topic"] == "marketing") & (stats["unit"] == "%")
                       & stats["subject"].str.contains("consumers|buyers|respondents", case=False)].copy()
        survey["platform"] = ""
        frame = pd.concat([demo, survey[[c for c in demo.columns if c in survey.columns]]], ignore_index=True)
        if self.params["platform"] != "all":
            frame = frame[frame["platform"] == self.params["platform"]]
        return _shown(frame, self.lang)

    def stat_ids(self) -> list[str]:
        return self.frame()["stat_id"].tolist()

    def headlines(self) -> list[str]:
        ids = self.frame()["stat_id"].tolist()
        picks = [i for i in ("xiaohongshu_users_25_32", "xiaohongshu_users_over_32", "twitter_users_share_16_34",
                             "twitter_genz_tweet_share", "tiktok_users_outside_china_share", "us_happy_with_chatbots")
                 if i in ids]
        return [self._line(i) for i in picks] or [("所选平台没有数据" if self.lang == "zh" else "No figures for this platform")]

    def chart(self, which: str):
        from . import charts  # imported here: listing a report's statistics needs no charts

        zh = self.lang == "zh"
        frame = self.frame()
        shares = frame[frame["measure_kind"] == "share"]
        if which == "platforms":
            shares = shares[shares["platform"] != ""]
            options = ["all", *sorted(shares["platform"].unique())]
            return self.figure(shares, lambda shares: charts.figure_chart(
                shares, "各平台用户画像(可按平台筛选)" if zh else "Users by platform (filter by platform)", self.lang,
                measure_title("share", self.lang), select=("platform", options, text("platform", self.lang)),
                name="user_demographics-platforms"))
        if which == "surveys":
            survey = shares[shares["platform"] == ""]
            options = ["all", *sorted(survey["geography"].unique())]
            return self.figure(survey, lambda survey: charts.figure_chart(
                survey, "对话式商务消费者调查" if zh else "Conversational-commerce consumer surveys", self.lang,
                measure_title("share", self.lang), select=("geography", options, text("market", self.lang)),
                name="user_demographics-surveys"))
        if which == "relative":
            relative = frame[frame["measure_kind"] == "uplift"]
            return self.figure(relative, lambda relative: charts.figure_chart(
                relative, "与非用户相比" if zh else "Compared with non-users", self.lang, measure_title("uplift", self.lang),
                name="user_demographics-relative"))
        raise ValueError(f"unknown chart {which!r} (platforms, surveys, relative)")

    def widget(self):
        """Live only: a platform dropdown that filters the table in the kernel."""
        import ipywidgets as w

        options = ["all", *sorted(p for p in demographics()["platform"].unique() if p)]
        controls = {"platform": w.Dropdown(options=options, value=self.params["platform"], description="platform")}
        return self._live(controls, lambda story: [story.frame()[["stat_id", "label", "shown", "period"]]])


class CategoryTrends(Story):
    name = "category_trends"
    sections = {
        "intro": ("# 品类趋势\n\n品类排名与占比,以及天猫国际历年的品类数。",
                  "# Product category trends\n\nCategory rankings and shares, and Tmall Global's category counts over time."),
        "ranking": ("## 最想购入的品类\n\n移动图下方的滑块可以只看前几名(参数 `top_n` 决定最多显示几名)。",
                    "## Most-wanted categories\n\nMove the slider under the chart to show only the first ranks "
                    "(the `top_n` parameter sets how many the report holds)."),
        "tmall": ("## 天猫国际的品类数\n\n实际数与计划目标。", "## Tmall Global's categories over time\n\nObserved counts against the plan."),
    }
    gaps_en = (
        "Only the US has a ranked category list (Black Friday 2022) and only electronics has a share (56%).",
        "Evergreen (apparel, electronics) and emerging (wigs, personal care) categories are named without figures.",
        "Tmall Global's category counts are platform totals, not consumer demand.",
        "No category sales, prices or margins appear in any article.",
    )
    gaps_zh = (
        "只有美国有品类排名(2022年黑五),也只有电子产品有占比(56%)。",
        "常青品类(服饰、电子)与新兴品类(假发、个护)只被点名,没有数字。",
        "天猫国际的品类数是平台总数,不代表消费需求。",
        "文章没有任何品类的销售额、价格或利润数据。",
    )

    def ranking(self) -> pd.DataFrame:
        frame = categories(self.lang)
        if self.params["market"] != "all":
            frame = frame[frame["market"] == self.params["market"]]
        ranked = frame[frame["rank"].notna() & (frame["rank"] <= self.params["top_n"])]
        return _shown(pd.concat([ranked, frame[frame["rank"].isna()]]), self.lang)

    def tmall_categories(self) -> pd.DataFrame:
        frame = platforms(self.lang)
        frame = frame[(frame["platform"] == "Tmall Global") & (frame["unit"] == "categories")].copy()
        frame["year"] = frame["period"].str.slice(0, 4)
        return _shown(frame, self.lang)

    def stat_ids(self) -> list[str]:
        return self.ranking()["stat_id"].tolist() + self.tmall_categories()["stat_id"].tolist()

    def headlines(self) -> list[str]:
        ids = self.statistics()["stat_id"].tolist()
        picks = [i for i in ("us_black_friday_2022_rank_electronics", "us_black_friday_2022_share_electronics",
                             "us_holiday_2021_electronics_intent", "tmall_global_categories_2020",
                             "tmall_global_plan_categories") if i in ids]
        return [self._line(i) for i in picks]

    def chart(self, which: str):
        from . import charts  # imported here: listing a report's statistics needs no charts

        zh = self.lang == "zh"
        if which == "ranking":
            frame = self.ranking()
            return self.figure(frame[frame["unit"] == "rank"], lambda ranked: charts.ranking_chart(
                ranked, self.params["top_n"], self.lang,
                "美国黑五最想购入品类排名(2022)" if zh else "US Black Friday 2022: most-wanted categories",
                name="category_trends-ranking"))
        if which == "tmall":
            return self.figure(self.tmall_categories(), lambda frame: charts.figure_chart(
                frame, "天猫国际品类数" if zh else "Tmall Global product categories", self.lang,
                "商品品类数" if zh else "Product categories", name="category_trends-tmall"))
        raise ValueError(f"unknown chart {which!r} (ranking, tmall)")

    def widget(self):
        """Live only: a top-N slider that re-ranks in the kernel."""
        import ipywidgets as w

        controls = {"top_n": w.IntSlider(value=self.params["top_n"], min=1, max=10, description="top_n")}
        return self._live(controls, lambda story: [story.chart("ranking")])


STORIES = {s.name: s for s in (MarketSize, UserDemographics, CategoryTrends)}


def open_report(name: str, **params) -> Story:
    """The report `name` with its parameters checked (the same check as `xbdata report`)."""
    get_report(name)
    return STORIES[name](**params)
