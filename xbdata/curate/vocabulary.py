"""The catalogue's vocabularies and columns: what a row's topic, kind and measure kind may be.

Kept apart from the loader (`catalogue`), which needs pandas, so that the command line can check
a `--topic` at start-up without importing it. Units are `xbdata.text.units`.
"""

from __future__ import annotations

import datetime
import re

TOPICS = ("market_size", "demographics", "category", "platform", "marketing", "operations")
KINDS = ("observed", "forecast", "plan", "survey", "hypothetical", "derived")

# What a number measures, beyond its unit. A percentage must say which: a share of a population
# (0-100), a growth rate over time, or an uplift against a comparison group ("55% more likely");
# the three never share an axis. Other units imply their kind.
MEASURE_KINDS = ("share", "growth", "decline", "uplift", "points", "multiple", "amount", "count", "duration", "age",
                 "rank")
# A decline (同比下降5%) is its own kind: the article writes 5, the direction is in its words.
PERCENT_MEASURE_KINDS = ("share", "growth", "decline", "uplift")

# When a figure applies: a year, half, quarter, first three quarters, month or day; a span of
# years; a year and the words of an event (2022 Black Friday); before a year; or unspecified.
PERIOD = re.compile(r"unspecified|before \d{4}|(?P<y>\d{4})(?:-(?:H[12]|Q[1-4]|Q1-Q3|(?P<m>\d{2})(?:-(?P<d>\d{2}))?"
                    r"|(?P<y2>\d{4})))?(?: [A-Za-z][A-Za-z ]*)?")
PERIOD_FORMS = "2024, 2024-H1, 2024-Q3, 2024-Q1-Q3, 2024-11, 2024-11-11, 2018-2023, '2022 Black Friday', 'before 2019' or unspecified"



def valid_period(period: str) -> bool:
    """Whether `period` is written as PERIOD says and names a real month, day or forward span."""
    m = PERIOD.fullmatch(period)
    if not m:
        return False
    try:
        if m["m"]:
            datetime.date(int(m["y"]), int(m["m"]), int(m["d"] or 1))
    except ValueError:
        return False
    return not (m["y2"] and int(m["y2"]) <= int(m["y"]))


CATALOGUE_COLUMNS = ("stat_id", "source", "quote", "number", "unit", "topic", "subject", "measure",
                     "measure_kind", "breakdown", "band", "geography", "period", "kind", "label_zh", "label_en")
REQUIRED_COLUMNS = ("stat_id", "source", "quote", "number", "topic", "subject", "measure", "geography",
                    "period", "kind", "label_zh", "label_en")
EXCLUSION_COLUMNS = ("source", "context", "text", "reason")

# Columns of `statistics()`, in order.
COLUMNS = ("stat_id", "source", "quote", "start", "end", "number", "number_start", "number_end",
           "topic", "subject", "measure", "measure_kind", "breakdown", "band", "band_low", "band_high", "geography",
           "period", "kind", "value", "low", "high", "unit", "qualifier", "approx", "label_zh", "label_en",
           "formula", "inputs", "source_title", "source_url")
