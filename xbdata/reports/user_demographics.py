"""The user_demographics report: age bands and shares by platform, consumer surveys, relative differences."""

from __future__ import annotations

import re

import pandas as pd

from ..curate.tables import demographics, statistic_facts, statistics
from ..escape import markdown_text
from ..text.labels import catalogue_name, measure_title, text
from .series import headlines
from .story import Story, shown

WORDS = {
    "en": {
        "control_platform": "Platform",
        "platforms": "## By platform\n\n<span class=\"xbdata-screen-only\">Choose a platform under the chart.</span>",
        "surveys": "## Consumer surveys\n\nShares of the consumers each survey or article asked; each figure names its survey in Sources.",
        "relative": "## Compared with non-users\n\nThese figures are relative differences (\"55% more likely\"), "
                    "not shares of a population, so they have a chart of their own.",
        "platforms_title": "Users by platform",
        "surveys_title": "Consumer surveys",
        "relative_title": "Compared with non-users",
        "no_platform_figures": "No figures for this platform",
        "gap_age": "No platform reports a full age distribution{except_derived}.",
        "gap_age_derived": " ({platforms}: one band is derived from the others)",
        "gap_relative": "{subjects}: these figures are relative differences from non-users, not population shares.",
        "gap_no_samples": "Survey sample sizes are not given for any of the surveys quoted.",
        "gap_some_samples": "Survey sample sizes are given for {given} of the {surveys} articles with surveys.",
        "gap_breakdowns": "Nothing is said about users by {missing}.",
        "gap_none": "Nothing this report reads is missing from the articles' own terms.",
        "breakdown_country": "country",
        "breakdown_income": "income",
        "breakdown_gender": "gender",
    },
    "zh": {
        "control_platform": "平台",
        "platforms": "## 各平台\n\n<span class=\"xbdata-screen-only\">在图下方选择平台。</span>",
        "surveys": "## 消费者调查\n\n各项调查或文章所问消费者中的占比；每个数字的调查见“数据来源”。",
        "relative": "## 与非用户相比\n\n这些数字是相对差异（“可能性高出55%”），不是人口占比，所以单独成图。",
        "platforms_title": "各平台用户画像",
        "surveys_title": "消费者调查",
        "relative_title": "与非用户相比",
        "no_platform_figures": "所选平台没有数据",
        "gap_age": "没有平台给出完整的年龄分布{except_derived}。",
        "gap_age_derived": "（{platforms}：有一个年龄段由其他年龄段推算）",
        "gap_relative": "{subjects}：这些数字是相对非用户的差异，不是人口占比。",
        "gap_no_samples": "所引调查都没有给出样本量。",
        "gap_some_samples": "在{surveys}篇含调查的文章中，{given}篇给出了样本量。",
        "gap_breakdowns": "文章没有按{missing}说明用户。",
        "gap_none": "本报告所读的内容，文章都已给出。",
        "breakdown_country": "国家",
        "breakdown_income": "收入",
        "breakdown_gender": "性别",
    },
}

HEADLINE_SERIES = 6
# Who a survey's sample size counts.
SURVEYED = ("respondents", "consumers", "people", "users", "buyers", "sellers", "merchants", "firms")


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
        """By rule, never by id: the headline fact of each of the report's first series (the most
        facts, then the latest period; see reports.series), shares of a population before relative differences."""
        frame = self.statistics()
        chosen = pd.concat([headlines(frame[frame["measure_kind"] == "share"], HEADLINE_SERIES - 1),
                            headlines(frame[frame["measure_kind"] != "share"], 1)])
        return [self.line(i) for i in chosen["stat_id"]] or [self.say("no_platform_figures")]

    def gap_lines(self) -> list[str]:
        """What the articles do not tell, each line only while the catalogue lacks it: a breakdown by
        gender or income is said when any figure's quote speaks of it, whatever its topic."""
        frame = statistic_facts(self.lang)
        shown_rows = self.statistics()
        lines = []
        ages = shown_rows[(shown_rows["measure_kind"] == "share") & shown_rows["breakdown"].str.contains(r"\bage\b|岁")]
        complete = {subject: rows for subject, rows in ages.groupby("subject") if rows["value"].sum() >= 99}
        if not any((rows["kind"] != "derived").all() for rows in complete.values()):
            derived = self.listing(markdown_text(self.subject_name(subject, rows)) for subject, rows in complete.items())
            lines.append(self.say("gap_age", except_derived=self.say("gap_age_derived", platforms=derived) if complete else ""))
        relative = shown_rows[shown_rows["measure_kind"] == "uplift"]
        if not relative.empty:
            lines.append(self.say("gap_relative", subjects=markdown_text(self.listing(
                self.subject_name(subject, rows) for subject, rows in sorted(relative.groupby("subject"))))))
        lines.append(self.sample_line(frame))
        said = " ".join(frame["quote"].astype(str)) + " " + " ".join(frame[["measure", "breakdown"]].astype(str).agg(" ".join, axis=1))
        countries = frame.loc[frame["topic"] == "demographics", "geography"].nunique() > 1
        missing = [self.say(f"breakdown_{key}") for key, present in (
            ("country", countries), ("income", re.search(r"income|affluen|收入", said, re.I)),
            ("gender", re.search(r"gender|women|female|性别|女性|男性", said, re.I))) if not present]
        if missing:
            lines.append(self.say("gap_breakdowns", missing=self.listing(missing)))
        return [line for line in lines if line] or [self.say("gap_none")]

    def subject_name(self, subject: str, rows: pd.DataFrame) -> str:
        """Whose figures `rows` are, in the report's language (Xiaohongshu users 小红书用户); a subject
        without a Chinese name by its first figure's label."""
        return catalogue_name(subject, self.lang, rows["label"].iloc[0])

    def sample_line(self, frame: pd.DataFrame) -> str:
        """Whether the articles with surveys give their sample sizes: a survey's count of the people it asked."""
        surveyed = set(frame.loc[frame["kind"] == "survey", "source"])
        sized = set(frame.loc[(frame["kind"] == "survey") & (frame["measure_kind"] == "count")
                              & frame["unit"].isin(SURVEYED), "source"]) & surveyed
        if not surveyed or sized == surveyed:
            return ""
        if not sized:
            return self.say("gap_no_samples")
        return self.say("gap_some_samples", given=len(sized), surveys=len(surveyed))

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

        from .charts import option_names  # imported here: listing a report's statistics needs no charts

        values = list(self.report.param("platform").allowed())
        options = list(zip(option_names(demographics(self.lang), "platform", values, self.lang), values))
        controls = {"platform": w.Dropdown(options=options, value=self.params["platform"],
                                           description=self.say("control_platform"), style={"description_width": "initial"})}
        return self.live(controls, lambda story: [story.frame()[["stat_id", "label", "shown", "period"]]])
