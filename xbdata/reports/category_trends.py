"""The category_trends report: ranked categories by market, category shares, Tmall Global's category counts."""

from __future__ import annotations

import re

import pandas as pd

from ..tables import categories, platforms
from .story import Story, shown, years_between

WORDS = {
    "en": {
        "ranking": "## Most-wanted categories\n\nMove the slider under the chart to show only the first ranks "
                   "(the `top_n` parameter sets how many the report holds).",
        "tmall": "## Tmall Global's categories over time\n\nObserved counts against the plan.",
        "ranking_title": "{list} ({years})",
        "rankings_title": "Category rankings",
        "tmall_title": "Tmall Global product categories",
        "tmall_axis": "Product categories",
        "gaps": (
            "Ranked category lists exist only for {ranked}, and category shares ({n_shares} figures) only for {share_categories}.",
            "Evergreen (apparel, electronics) and emerging (wigs, personal care) categories are named without figures.",
            "Tmall Global's category counts are platform totals, not consumer demand.",
            "No category sales, prices or margins appear in any article.",
        ),
    },
    "zh": {
        "ranking": "## 最想购入的品类\n\n移动图下方的滑块可以只看前几名(参数 `top_n` 决定最多显示几名)。",
        "tmall": "## 天猫国际的品类数\n\n实际数与计划目标。",
        "ranking_title": "{list}（{years}）",
        "rankings_title": "品类排名",
        "tmall_title": "天猫国际品类数",
        "tmall_axis": "商品品类数",
        "gaps": (
            "只有{ranked}有品类排名;品类占比只有{n_shares}个数字,只涉及{share_categories}。",
            "常青品类(服饰、电子)与新兴品类(假发、个护)只被点名,没有数字。",
            "天猫国际的品类数是平台总数,不代表消费需求。",
            "文章没有任何品类的销售额、价格或利润数据。",
        ),
    },
}

HEADLINES = ("us_black_friday_2022_rank_electronics", "us_black_friday_2022_share_electronics",
             "us_holiday_2021_electronics_intent", "tmall_global_categories_2020", "tmall_global_plan_categories")


def list_name(label: str) -> str:
    """The list a ranked row belongs to, from its label: 'US Black Friday purchase intent rank: toys' -> its first part."""
    return re.split(r"[::]", label, maxsplit=1)[0].strip()


class CategoryTrends(Story):
    name = "category_trends"
    WORDS = WORDS
    READS = ("category", "platform")

    def ranking(self) -> pd.DataFrame:
        frame = categories(self.lang)
        if self.params["market"] != "all":
            frame = frame[frame["market"] == self.params["market"]]
        ranked = frame[frame["rank"].notna() & (frame["rank"] <= self.params["top_n"])]
        return shown(pd.concat([ranked, frame[frame["rank"].isna()]]), self.lang)

    def tmall_categories(self) -> pd.DataFrame:
        frame = platforms(self.lang)
        frame = frame[(frame["platform"] == "Tmall Global") & (frame["unit"] == "categories")].copy()
        frame["year"] = frame["period"].str.slice(0, 4)
        return shown(frame, self.lang)

    def stat_ids(self) -> list[str]:
        return self.ranking()["stat_id"].tolist() + self.tmall_categories()["stat_id"].tolist()

    def headlines(self) -> list[str]:
        ids = self.statistics()["stat_id"].tolist()
        return [self.line(i) for i in HEADLINES if i in ids]

    def ranked_lists(self, frame: pd.DataFrame) -> list[str]:
        """Each ranked list in `frame`, named by its rows' labels and the years they cover."""
        ranked = frame[frame["unit"] == "rank"]
        names = ranked["label"].map(list_name)
        return [self.say("ranking_title", list=name, years=years_between(rows["period"]))
                for name, rows in ranked.groupby(names, sort=True)]

    def facts(self) -> dict[str, str]:
        frame = categories(self.lang)
        shares = frame[frame["measure_kind"] == "share"]
        return {"ranked": self.listing(self.ranked_lists(frame)), "n_shares": str(len(shares)),
                "share_categories": self.listing(sorted(shares["category"].unique()))}

    def chart(self, which: str):
        from .. import charts  # imported here: listing a report's statistics needs no charts

        if which == "ranking":
            ranked = self.ranking()
            ranked = ranked[ranked["unit"] == "rank"]
            lists = self.ranked_lists(ranked)
            title = lists[0] if len(lists) == 1 else self.say("rankings_title")
            return self.figure(ranked, lambda ranked: charts.ranking_chart(
                ranked, self.params["top_n"], self.lang, title, name="category_trends-ranking"))
        if which == "tmall":
            return self.figure(self.tmall_categories(), lambda frame: charts.figure_chart(
                frame, self.say("tmall_title"), self.lang, self.say("tmall_axis"), name="category_trends-tmall"))
        raise ValueError(f"unknown chart {which!r} (ranking, tmall)")

    def widget(self):
        """Live only: a top-N slider that re-ranks in the kernel."""
        return self.live({"top_n": self.slider("top_n")}, lambda story: [story.chart("ranking")])
