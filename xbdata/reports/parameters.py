"""The reports and their parameters: types, defaults, allowed values, and the one validator.

`xbdata build`/`report` validate here before any kernel starts, and each notebook validates its
own parameters cell here too, so a plain `papermill -p ...` run gets the same one-line errors.
Values are data: each is checked against its type and allowed values, never evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..exceptions import UsageError
from ..text.labels import LANGS


@dataclass(frozen=True)
class Param:
    """One report parameter."""

    name: str
    type: type
    default: Any
    doc: str
    choices: Callable[[], tuple] | tuple | None = None
    min: float | None = None
    max: Callable[[], float] | float | None = None
    nullable: bool = False

    def allowed(self) -> tuple | None:
        return self.choices() if callable(self.choices) else self.choices

    def limits(self) -> tuple[float | None, float | None]:
        """The lowest and highest value allowed; a limit that depends on the data is read from it."""
        return self.min, self.max() if callable(self.max) else self.max

    def describe(self) -> str:
        """What values are allowed, in words."""
        allowed = self.allowed()
        if allowed:
            return "one of " + ", ".join(map(str, allowed))
        kind = {int: "a whole number", float: "a number", str: "text"}[self.type]
        low, high = self.limits()
        if low is not None and high is not None:
            kind += f" from {low:g} to {high:g}"
        return kind + (" or none" if self.nullable else "")

    def check(self, value: Any) -> Any:
        """The value, coerced to this parameter's type, or a UsageError naming what is allowed."""
        where = f"parameter {self.name} must be {self.describe()} (got {value!r})"
        if value is None:
            if self.nullable:
                return None
            raise UsageError(where)
        if self.type is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = float(value)
        elif self.type is int and isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, self.type) or isinstance(value, bool):
            raise UsageError(where)
        low, high = self.limits()
        if value != value or (low is not None and value < low) or (high is not None and value > high):
            raise UsageError(where)
        allowed = self.allowed()
        if allowed and value not in allowed:
            raise UsageError(where)
        return value

    def parse(self, raw: str) -> Any:
        """A command-line string as this parameter's type (never evaluated as code)."""
        if self.nullable and raw.strip().lower() in ("", "none", "null"):
            return None
        try:
            return self.type(raw) if self.type is not str else raw
        except ValueError:
            raise UsageError(f"parameter {self.name} must be {self.describe()} (got {raw!r})") from None


def _platforms() -> tuple:
    from ..curate.tables import demographics
    return ("all", *sorted(p for p in set(demographics()["platform"]) if p))


def _markets() -> tuple:
    from ..curate.tables import categories
    return ("all", *sorted(set(categories()["market"])))


def _most_ranks() -> int:
    """The length of the longest ranked category list in the catalogue: top_n can show no more."""
    from ..curate.tables import categories
    ranks = categories()["rank"].dropna()
    return int(ranks.max()) if len(ranks) else 1


LANG = Param("lang", str, "en", "language of the report: zh (中文) or en", LANGS)


@dataclass(frozen=True)
class Report:
    """A parameterised notebook under notebooks/."""

    name: str
    notebook: str
    title: dict[str, str]  # by language: the report's heading, and its card's title on the index page
    lead: dict[str, str]  # by language: one line under the title saying what the report shows
    params: tuple[Param, ...] = field(default_factory=tuple)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise UsageError(f"report {self.name} has no parameter {name!r} "
                         f"(parameters: {', '.join(p.name for p in self.params)})")

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}


REPORTS = {
    "market_size": Report(
        "market_size", "market_size.ipynb",
        {"en": "China's cross-border e-commerce market", "zh": "中国跨境电商市场规模"},
        {"en": "Market size, growth and platform scale from the catalogued articles, with a clearly labelled "
               "scenario projection.",
         "zh": "来自文章的市场规模、增速和平台规模，以及明确标注的情景推算。"},
        (LANG,
         Param("currency", str, "CNY", "currency for money: CNY, or USD at the usd_cny_rate you give", ("CNY", "USD")),
         Param("usd_cny_rate", float, None, "yuan per US dollar; required for currency USD (never invented)",
               min=0.01, max=1000, nullable=True),
         Param("growth_rate", float, None, "annual growth for the scenario projection (0.10 = 10%); none: the "
               "articles' own growth figure for the market's main measure, else 10%", min=0.0, max=0.3, nullable=True),
         Param("horizon_years", int, 5, "years the scenario projects beyond its first year, the latest full-year market size", min=1, max=15)),
    ),
    "user_demographics": Report(
        "user_demographics", "user_demographics.ipynb", {"en": "Who the users are", "zh": "用户画像"},
        {"en": "Age bands, generational shares and consumer surveys from the catalogued articles.",
         "zh": "来自文章的年龄段、世代占比和消费者调查。"},
        (LANG, Param("platform", str, "all", "one platform, or all", _platforms)),
    ),
    "category_trends": Report(
        "category_trends", "category_trends.ipynb", {"en": "Product category trends", "zh": "品类趋势"},
        {"en": "Category rankings and shares, and Tmall Global's category counts over time.",
         "zh": "品类排名与占比，以及天猫国际历年的品类数。"},
        (LANG, Param("market", str, "all", "one market, or all", _markets),
         Param("top_n", int, 5, "how many ranked categories to show (at most the longest ranked list)",
               min=1, max=_most_ranks)),
    ),
}


def get_report(name: str) -> Report:
    if name not in REPORTS:
        raise UsageError(f"unknown report {name!r} (reports: {', '.join(REPORTS)})")
    return REPORTS[name]


def check_parameters(name: str, **given: Any) -> dict:
    """All of report `name`'s parameters, defaults filled in and each value checked."""
    report = get_report(name)
    for key in given:
        report.param(key)
    values = {p.name: p.check(given.get(p.name, p.default)) for p in report.params}
    if name == "market_size" and values["currency"] == "USD" and values["usd_cny_rate"] is None:
        raise UsageError("parameter usd_cny_rate is required when currency is USD "
                         "(give the rate, e.g. -p usd_cny_rate 7.1; xbdata never invents one)")
    return values


def parse_cli_parameters(name: str, pairs: list[tuple[str, str]]) -> dict:
    """`-p KEY VALUE` pairs from the command line, typed and checked."""
    report = get_report(name)
    given = {key: report.param(key).parse(raw) for key, raw in pairs}
    return check_parameters(name, **given)
