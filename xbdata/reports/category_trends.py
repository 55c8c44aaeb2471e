"""The category_trends report: ranked categories by market, category shares, Tmall Global's category counts."""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import Markdown

from ..curate.tables import categories, platforms
from ..escape import markdown_text
from .series import headlines
from .story import Story, shown, years_between

HEADLINE_SERIES = 4

WORDS = {
    "en": {
        "control_top_n": "Categories shown",
        "ranking": "## Most-wanted categories\n\nThe chart shows the first ranks (the `top_n` parameter sets how many "
                   "the report holds). <span class=\"xbdata-screen-only\">Move the slider under the chart to show "
                   "fewer.</span>",
        "tmall": "## Tmall Global's categories over time\n\nObserved counts against the plan.",
        "ranking_title": "{list} ({years})",
        "other_lists": "The chart draws the latest ranked list; the articles also rank: {lists} (each in Sources).",
        "tmall_title": "Tmall Global product categories",
        "tmall_axis": "Product categories",
        "gap_lists": "Ranked category lists exist only for {ranked}, and category shares ({n_shares} figures) only for {share_categories}.",
        "gap_no_lists": "No article ranks three or more categories in one list.",
        "gap_tmall": "Tmall Global's category counts are platform totals, not consumer demand.",
        "gap_no_money": "No category sales, prices or margins appear in any article.",
        "gap_none": "Nothing this report reads is missing from the articles' own terms.",
    },
    "zh": {
        "control_top_n": "显示前几名",
        "ranking": "## 最想购入的品类\n\n图中是排名靠前的品类（参数 `top_n` 决定最多显示几名）。"
                   "<span class=\"xbdata-screen-only\">移动图下方的滑块可以只看前几名。</span>",
        "tmall": "## 天猫国际的品类数\n\n实际数与计划目标。",
        "ranking_title": "{list}（{years}）",
        "other_lists": "图中是最新的一份排名；文章中还有：{lists}（均见“数据来源”）。",
        "tmall_title": "天猫国际品类数",
        "tmall_axis": "商品品类数",
        "gap_lists": "只有{ranked}有品类排名；品类占比只有{n_shares}个数字，只涉及{share_categories}。",
        "gap_no_lists": "没有文章在同一份排名中列出三个及以上品类。",
        "gap_tmall": "天猫国际的品类数是平台总数，不代表消费需求。",
        "gap_no_money": "文章没有任何品类的销售额、价格或利润数据。",
        "gap_none": "本报告所读的内容，文章都已给出。",
    },
}

# A ranked list is drawn only when it ranks at least this many items.
SHORTEST_LIST = 3


def label_parts(label: str) -> tuple[str, str]:
    """A ranked row's label as (list, item): 'US Black Friday purchase intent rank: toys' (or ：) ->
    ('US Black Friday purchase intent rank', 'toys'); a label without a colon has no item."""
    parts = re.split(r"[:\uff1a]", label, maxsplit=1)
    return parts[0].strip(), parts[1].strip() if len(parts) == 2 else ""


def category_names(frame: pd.DataFrame) -> dict[str, str]:
    """Each category as the labels (in the frame's language) name it: the part of a ranked row's label
    after its colon, so '美国黑五最想购入品类排名：电子产品' names electronics 电子产品. A category
    no label names keeps the catalogue's name."""
    names: dict[str, str] = {}
    for category, label in zip(frame["category"], frame["label"]):
        item = label_parts(label)[1]
        if item:
            names.setdefault(category, item)
    return names


def named_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with each category in the words of its language's labels."""
    names = category_names(frame[frame["unit"] == "rank"])
    return frame.assign(category=frame["category"].map(lambda c: names.get(c, c)))


class CategoryTrends(Story):
    name = "category_trends"
    WORDS = WORDS
    READS = ("category", "platform")

    def ranking(self) -> pd.DataFrame:
        frame = named_categories(categories(self.lang))
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
        """By rule, never by id: the top of the latest ranked list, then the headline fact of the
        report's other series (the most facts, then the latest period; see reports.series)."""
        frame = self.statistics()
        lists = self.ranked_lists(self.ranking())
        top = [lists[-1][1].iloc[0]["stat_id"]] if lists else []
        others = frame[(frame["unit"] != "rank") & ~frame["stat_id"].isin(top)]
        return [self.line(i) for i in [*top, *headlines(others, HEADLINE_SERIES)["stat_id"]]]

    def gap_lines(self) -> list[str]:
        """What the articles do not tell, each line only while the catalogue lacks it."""
        facts = self.facts()
        lines = [self.say("gap_lists", **{k: markdown_text(v) for k, v in facts.items()}) if facts["ranked"]
                 else self.say("gap_no_lists")]
        if not self.tmall_categories().empty:
            lines.append(self.say("gap_tmall"))
        frame = categories(self.lang)
        if not (frame["measure_kind"].eq("amount") | frame["measure"].str.contains("sales|price|margin", case=False)).any():
            lines.append(self.say("gap_no_money"))
        return lines

    def ranked_lists(self, frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
        """Each ranked list in `frame` (one article's ranking of one market in one period), oldest first,
        named by its first row's label and the years it covers. Lists are never drawn together:
        two articles' rank 1 are different facts. A list that ranks fewer than SHORTEST_LIST items in all is no ranking to draw."""
        key = ["source", "measure", "market", "period"]
        everything = categories(self.lang)
        sizes = everything[everything["unit"] == "rank"].groupby(key).size()
        ranked = frame[frame["unit"] == "rank"]
        lists = [(self.say("ranking_title", list=label_parts(rows["label"].iloc[0])[0], years=years_between(rows["period"])),
                  rows.sort_values("rank"))
                 for at, rows in ranked.groupby(key, sort=False) if sizes.get(at, 0) >= SHORTEST_LIST]
        return sorted(lists, key=lambda named: (str(named[1]["period"].iloc[0]), named[0]))

    def section(self, key: str) -> Markdown:
        """As every report's, and under the ranking, the other ranked lists the chart does not draw."""
        section = super().section(key)
        others = [name for name, _ in self.ranked_lists(self.ranking())[:-1]]
        if key == "ranking" and others:
            return Markdown(section.data + "\n\n" + self.say("other_lists", lists=markdown_text(self.listing(others))))
        return section

    def facts(self) -> dict[str, str]:
        frame = named_categories(categories(self.lang))
        shares = frame[frame["measure_kind"] == "share"]
        return {"ranked": self.listing(name for name, _ in self.ranked_lists(frame)), "n_shares": str(len(shares)),
                "share_categories": self.listing(sorted(shares["category"].unique()))}

    def chart(self, which: str, bound: bool = True):
        from . import charts  # imported here: listing a report's statistics needs no charts

        if which == "ranking":
            lists = self.ranked_lists(self.ranking())
            title, latest = lists[-1] if lists else ("", self.ranking().iloc[0:0])
            return self.figure(latest, lambda latest: charts.ranking_chart(
                latest, self.params["top_n"], self.lang, title, name="category_trends-ranking", bound=bound))
        if which == "tmall":
            return self.figure(self.tmall_categories(), lambda frame: charts.figure_chart(
                frame, self.say("tmall_title"), self.lang, self.say("tmall_axis"), name="category_trends-tmall"))
        raise ValueError(f"unknown chart {which!r} (ranking, tmall)")

    def widget(self):
        """Live only: a top-N slider that re-ranks in the kernel."""
        return self.live({"top_n": self.slider("top_n")}, lambda story: [story.chart("ranking", bound=False)])
