"""The one vocabulary of units: every unit a figure can have, and what kind of measure each implies.

The parser (`numbers`) and the extractor read units from the article's words (`words.UNIT_WORDS`,
`words.COUNT_NOUNS`), the drafts guess them (`xbdata.curate.rules`), the loader checks them
(`xbdata.curate.catalogue`) and the formatter writes them (`labels.UNIT_WORDS`): all in these
codes. Tests hold the tables that map words to units to this vocabulary.
"""

from __future__ import annotations

PERCENT = "%"
POINTS = "pp"          # percentage points: 4.4个百分点
MULTIPLE = "x"         # 2.7倍
RANK = "rank"          # 1 is the top
AGE = "age"            # years of age: 25岁

# Money, in base units (元, dollars, yen), as ISO 4217 codes: every currency the parser reads.
MONEY = ("CNY", "USD", "HKD", "TWD", "EUR", "JPY", "KRW", "GBP", "AUD", "CAD", "SGD", "THB", "RUB", "MYR", "BRL",
         "VND", "IDR", "INR", "SAR", "AED", "PLN", "TRY", "CHF", "NZD", "MXN", "PHP", "ARS", "CLP", "COP",
         "NGN", "ZAR", "EGP", "KES", "QAR", "MOP")
# 比索 alone: a peso of a country the words do not name. Not a unit the catalogue keeps; a draft
# resolves it from the place its sentence is about (PESOS), or stays pending.
UNNAMED_PESO = "PESO"
PESOS = {"Mexico": "MXN", "Philippines": "PHP", "Argentina": "ARS", "Chile": "CLP", "Colombia": "COP"}
# 元 alone is read as CNY; in an article about Taiwan or Hong Kong it is the local dollar.
YUAN_ELSEWHERE = {"Taiwan": "TWD", "Hong Kong": "HKD"}
DURATIONS = ("seconds", "minutes", "hours", "days", "working_days", "weeks", "months", "years")
# Counts, named by what is counted.
COUNTS = ("users", "orders", "brands", "followers", "installs", "impressions", "categories", "countries",
          "tweets", "creators", "sellers", "buyers", "merchants", "consumers", "respondents",
          "items", "parcels", "people", "firms", "stores", "warehouses", "sites", "markets", "cities", "provinces",
          "zones", "buildings", "licenses", "products", "posts", "visits", "jobs", "routes", "flights", "sailings",
          "containers", "square_meters", "square_feet", "tonnes")
# ... of which these measure floor area.
FLOOR_AREAS = ("square_meters", "square_feet")

# Every unit a catalogued figure may have, in the order error messages list them.
UNITS = (PERCENT, POINTS, MULTIPLE, *MONEY, *DURATIONS, RANK, AGE, *COUNTS)

# What a unit says of its figure's measure kind. A percentage says nothing: it must say whether it
# is a share, a growth, a decline or an uplift (xbdata.curate.catalogue.PERCENT_MEASURE_KINDS).
MEASURE_KIND_OF_UNIT = {
    POINTS: "points", MULTIPLE: "multiple", RANK: "rank", AGE: "age",
    **{unit: "amount" for unit in MONEY},
    **{unit: "duration" for unit in DURATIONS},
    **{unit: "count" for unit in COUNTS},
}
