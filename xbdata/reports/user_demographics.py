"""The user_demographics report: age bands and shares by platform, consumer surveys, relative differences."""

from __future__ import annotations

import pandas as pd

from ..curate.tables import demographics, statistics
from ..text.labels import measure_title, text
from .story import Story, shown

WORDS = {
    "en": {
        "control_platform": "Platform",
        "platforms": "## By platform\n\nChoose a platform under the chart.",
        "surveys": "## Consumer surveys on conversational commerce",
        "relative": "## Compared with non-users\n\nThese figures are relative differences (\"55% more likely\"), "
                    "not shares of a population, so they have a chart of their own.",
        "platforms_title": "Users by platform (filter by platform)",
        "surveys_title": "Conversational-commerce consumer surveys",
        "relative_title": "Compared with non-users",
        "no_platform_figures": "No figures for this platform",
        "gaps": (
            "No platform reports a full age distribution except Xiaohongshu (two bands; the third is derived).",
            "Twitter's figures are shares of tweets or likelihoods relative to non-users, not population shares.",
            "Survey sample sizes, dates and methods are not given for any of the surveys quoted.",
            "Nothing is said about users of cross-border platforms by country, income or gender beyond these.",
        ),
    },
    "zh": {
        "control_platform": "平台",
        "platforms": "## 各平台\n\n在图下方选择平台。",
        "surveys": "## 对话式商务消费者调查",
        "relative": "## 与非用户相比\n\n这些数字是相对差异（“可能性高出55%”），不是人口占比，所以单独成图。",
        "platforms_title": "各平台用户画像（可按平台筛选）",
        "surveys_title": "对话式商务消费者调查",
        "relative_title": "与非用户相比",
        "no_platform_figures": "所选平台没有数据",
        "gaps": (
            "除小红书外（两个年龄段，第三段为推算），没有平台给出完整的年龄分布。",
            "Twitter的数据是推文占比或相对非用户的可能性，不是人口占比。",
            "所引调查都没有给出样本量、时间和方法。",
            "除此之外，文章没有按国家、收入或性别说明跨境平台用户。",
        ),
    },
}

HEADLINES = ("xiaohongshu_users_25_32", "xiaohongshu_users_over_32", "twitter_users_share_16_34",
             "twitter_genz_tweet_share", "tiktok_users_outside_china_share", "us_happy_with_chatbots")


class UserDemographics(Story):
    name = "user_demographics"
    WORDS = WORDS
    READS = ("demographics", "marketing")

    def frame(self) -> pd.DataFrame:
        demo = demographics(self.lang)
        stats = statistics(self.lang)
        survey = stats[(stats["topic"] == "marketing") & (stats["unit"] == "%")
                       & stats["subject"].str.contains("consumers|buyers|respondents", case=False)].copy()
        survey["platform"] = ""
        frame = pd.concat([demo, survey[[c for c in demo.columns if c in survey.columns]]], ignore_index=True)
        if self.params["platform"] != "all":
            frame = frame[frame["platform"] == self.params["platform"]]
        return shown(frame, self.lang)

    def stat_ids(self) -> list[str]:
        return self.frame()["stat_id"].tolist()

    def headlines(self) -> list[str]:
        ids = self.frame()["stat_id"].tolist()
        return [self.line(i) for i in HEADLINES if i in ids] or [self.say("no_platform_figures")]

    def chart(self, which: str):
        from . import charts  # imported here: listing a report's statistics needs no charts

        frame = self.frame()
        shares = frame[frame["measure_kind"] == "share"]
        # chart -> (its rows, its measure kind, the control's column and label key, or None)
        charted = {
            "platforms": (shares[shares["platform"] != ""], "share", ("platform", "platform")),
            "surveys": (shares[shares["platform"] == ""], "share", ("geography", "market")),
            "relative": (frame[frame["measure_kind"] == "uplift"], "uplift", None),
        }
        if which in charted:
            rows, measure_kind, control = charted[which]
            select = None
            if control is not None:
                column, label = control
                select = (column, ["all", *sorted(rows[column].unique())], text(label, self.lang))
            return self.figure(rows, lambda rows: charts.figure_chart(
                rows, self.say(f"{which}_title"), self.lang, measure_title(measure_kind, self.lang),
                select=select, name=f"user_demographics-{which}"))
        raise ValueError(f"unknown chart {which!r} (platforms, surveys, relative)")

    def widget(self):
        """Live only: a platform dropdown that filters the table in the kernel."""
        import ipywidgets as w

        param = self.report.param("platform")
        options = [(text("all", self.lang) if value == "all" else value, value) for value in param.allowed()]
        controls = {"platform": w.Dropdown(options=options, value=self.params["platform"],
                                           description=self.say("control_platform"), style={"description_width": "initial"})}
        return self.live(controls, lambda story: [story.frame()[["stat_id", "label", "shown", "period"]]])
