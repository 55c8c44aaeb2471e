"""Draft catalogue rows for a new article: every numeric mention becomes a proposal to review.

A mention of kind `statistic` becomes a proposed catalogue row. Its value, bounds, unit and
qualifier are not guessed: the catalogue's loader parses them from the quoted number, as for every
other row. What is guessed (topic, subject, measure, measure kind, breakdown, geography, period,
kind, a unit the number's words do not give, the labels) comes from one table of rules, `RULES`
in `xbdata.curate.rules`, with the words they look for; this module is the small engine that
applies them. Every other mention becomes a proposed exclusion with the reason its kind gives
(`REASONS`, in the same module).

Rules that need more than one field, written as code and each tested (tests/test_guess.py):
- unit: the number's own words; else its counting word or the noun after it, made precise by the
  noun nearest before it (`_draft_unit`); 比索 alone and 元 alone named by the place
  (`_local_currency`); a unit guessed from beyond the number's clause, money guessed for a bare
  number, or a counting word's usual count is `unsure`;
- geography: a place named after the number counts only within its sentence; a paragraph that
  names no place takes its section heading's (一、美国站：…), else the place the article opens with
  (its headline's, else its first paragraph's: 海关总署 … 我国), but a company's own figure does not
  (its market is the one its sentence names); in a traditional-script article about Taiwan or Hong
  Kong (`traditional_home`), a figure no place is named for is that place's;
- subject: a sentence that opens with 其中 (of which) is read with the sentence before it, whose
  whole it divides (`_of_which`); a company no table knows, named in Latin letters at the head of a
  clause (Zalando去年营收…, `_latin_names_in`), is the subject and its figures platform figures; a
  company the article is about (`companies_of`) or the platform its sentence names
  nearest before the number, or what 其, 该公司, 该平台 point back to in the paragraph
  (`_entity_subject`); 公司 in an article about a company is that company even where the sentence
  names the platforms it sells on; a company's or platform's figure is topic platform; an article
  about one company gives it the figures no sentence names; a category's figure is the category's;
- a share followed by the people it is a share of (近四成印尼人每周网购) is demographics, and, where
  nothing names a company or a survey, of the place's consumers;
- a survey's percentages, points, amounts and ages are about its respondents (topic
  demographics); with no date near them, or a date after publication (明年计划…), they are of the
  year the survey's name gives (114 年數位近用調查: 2025, `survey_year`), else the year it was published;
- period: the same period a year earlier with a verb between (上年同期为1.5亿美元) is a year
  earlier, a comparison with it (比上年同期增长) is not; a multiple of a named year's figure (是2018年的
  4倍) is over the span from that year;
- a share names its whole (占总营收的56.1%: share of revenue, `_share_of`), and a percentage before a
  levy is its rate (15%的销售佣金: commission rate); what a figure measures says its topic where
  FIELDS.md ties them (rules.MEASURE_TOPICS: a fee, a tax rate, staff are operations); a percentage whose
  measure kind is `growth` measures "growth in <measure>", and so does a multiple in a clause of
  growth (增长了1.3倍); a change in points names the rate or share before it (`_points_of`);
- an observed figure whose period starts after the year the article was published is a forecast;
- an age band (25-34岁) in the same sentence as a percentage is that percentage's `band`, and
  the band's own mention is proposed as an exclusion naming the row (as the seeds do);
- a headline about a survey (调查：…) makes the article's percentages survey answers; a company's
  name is masked for every field but subject (木森家居 is not the home category), and a company's
  figure whose own clause is about advertising or costs is marketing or operations, not platform;
- durations and identifiers are exclusions with their reason (`not_a_figure`, rules.NOT_FIGURES);
- the Chinese label is composed from the draft's fields as the English one is, period, subject and
  measure in Chinese words (2025年上半年中国跨境电商进出口额, `chinese_label`); where one of them has no
  Chinese name (labels.MEASURES_ZH and the tables beside it), it is the words before the number cut
  where they stop naming what is measured (`label_zh`, `_tidy`), with relative years replaced by the
  years they mean (今年 -> 2025年).

A draft lists in `unsure` what its proposal guessed beyond the number's words; accept-all leaves
such a draft for a person (xbdata/curate/review.py). Editing a field re-derives what depends on
it (`rederive`, `DEPENDENTS`) unless a person set that too.

The quote is the shortest run of whole clauses around the number, within its sentence, that
occurs exactly once in the article and holds the number exactly once (what
`xbdata.curate.catalogue.locate` demands); failing that, the shortest such run of characters in the
sentence, then beyond it. Exclusion contexts are chosen the same way.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ..exceptions import CatalogueError
from ..ids import is_stat_id
from ..text.extract import Mention, Sentences, clause_before, extract_mentions
from ..text.numbers import QuantityError, chinese_integer, counted_unit, parse_quantity, unnamed_currency
from ..text.script import detect_script, romanized, to_simplified
from ..text.words import CLASSIFIERS, ROC_YEAR, ROC_YEAR_ONE, alternation
from ..text.units import MONEY, PESOS, UNITS, UNNAMED_PESO, YUAN_ELSEWHERE
from ..text.labels import (AGE_BANDS_ZH, CATALOGUE_ZH, COUNT_OF_THE_SUBJECT_ZH, DRAFT_NAMES_ZH, LATIN_NAMES,
                           MEASURE_FORMS_ZH, MEASURES_ZH, PERCENT_MEASURES_ZH, PLACE_LIST_ZH, SUBJECT_HEADS_ZH, UNIT_NAMES,
                           catalogue_name, counted_noun, kind_name, period_words)
from ..text.units import COUNTS
from .catalogue import validate_row
from .rules import (AGE_STATISTIC_BEFORE, ANSWER, AVERAGE_GROWTH, A_QUARTER_EARLIER, A_YEAR_EARLIER,
                    A_YEAR_EARLIER_FRAME, BACK_REFERENCES, BAND_REASON, BARE_RATE_CLAUSE, BYLINE, BY_CHANNEL, BY_ORIGIN,
                    CATEGORY_AT_CLAUSE_HEAD, CATEGORY_PART_START, CATEGORY_WORDS, CHANGE_SINCE_A_YEAR, CITIES,
                    COMPANY_BACK_REFERENCES, COMPANY_BEFORE_TITLE, COMPANY_DESCRIBED_AS, COMPANY_NAME, COMPANY_PLACES,
                    COMPANY_SUFFIXES, COMPANY_WITH_LATIN_NAME, COUNTRIES, COUNTRY_BACK_REFERENCES, DATELINE_AFTER,
                    ENTITY_TOPICS, FIRST_MONTHS_PERIOD, FORECAST_BEFORE, GENERIC_COUNTS, GENERIC_MEASURES,
                    GENERIC_SUBJECTS, GROWTH_RATE_AFTER, GROWTH_WORDS, HOME_SIGNS, ID_DIGITS, INTERVIEW, INTERVIEW_HEAD,
                    LABEL_CUT, LABEL_EMPTY, LABEL_END, LABEL_HEAD, LABEL_LEADS_INTO, LABEL_NUMBER_TAIL, LABEL_TAIL,
                    LABEL_TIMES, LATIN_NAME, LATIN_NAME_WORDS, LEVY_RATES, LOCAL_PLACE, LOCAL_PLACE_AFTER,
                    MEASURES_OF_A_WHOLE, MEASURE_TOPICS, MULTIPLE_GROWTH, MULTIPLE_OF_A_YEAR, NOT_A_CATEGORY_AFTER,
                    NOT_FIGURES, NOT_IN_COMPANY_NAMES, NOT_IN_PLACE_NAMES, ONLINE_SHOPPERS, PARALLEL_CLAUSE,
                    PEOPLE_AFTER, PEOPLE_BROKEN_DOWN, PEOPLE_COUNTS, PERIOD_ALIAS, PERIOD_BASE_BEFORE, PERIOD_BASE_OF,
                    PERIOD_ENDING, PERIOD_OF_THE_NUMBER, PLACES_COUNTED, PLACES_RESPECTIVELY, PLACE_AS_A_SITE_AFTER,
                    PLACE_AS_A_VIEWPOINT_AFTER, PLACE_BACK_REFERENCES, PLACE_BASE_BEFORE, PLACE_BASE_OF,
                    PLACE_IN_A_NAME_AFTER, PLACE_LIST_JOINER, PLACE_OF_AN_EVENT, PLACE_OF_LISTING_AFTER,
                    PLACE_OF_PLATFORMS_AFTER, PLACE_OF_SELLERS_AFTER, PLACE_OF_THE_NUMBER_AFTER, PLACE_ORIGIN_BEFORE,
                    PLACE_WORDS, PLAN_BEFORE, PLATFORM_WORDS, POINTS_OF, PROVINCES, REACHED_FROM_LAST_YEAR,
                    REACH_BEFORE, REASONS, REGION_MEMBERS, REGISTERED_COMPANY, REPORT_OF_A_YEAR, RULES, SAMPLED_PEOPLE,
                    SCOPES, SELLER_SURVEY, SENTENCE_ABOUT_THE_ONE_BEFORE, SHARE_OF_THE_WHOLE_BEFORE, SHARE_WORDS,
                    SOURCE_DESCRIBED_AS, STORY_PERIOD_BACK, SURVEY_HEADLINE, SURVEY_LEAD, SURVEY_OF_A_YEAR,
                    SURVEY_SAMPLE_AFTER, SURVEY_SAMPLE_BEFORE, THIS_QUARTER, TITLE, UNIT_WORD_REACH, WRITER_IS_A_SELLER,
                    WRITER_SUBJECT, YEARS_RESPECTIVELY, Rule, not_as_channel)


# --- reading the text around a number ----------------------------------------------------------

@dataclass(frozen=True)
class Where:
    """Spans (start, end) in the article around one mention."""

    number: tuple[int, int]
    quote: tuple[int, int]
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    clause_start: int | None = None   # where the number's own clause starts (default: the quote's start)

    def span(self, scope: str) -> tuple[int, int]:
        if scope == "before":
            return (self.quote[0] if self.clause_start is None else self.clause_start), self.number[0]
        return getattr(self, scope)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


def _unique_at(text: str, window: str, at: int) -> bool:
    """`window` occurs in `text` only at `at` (overlapping occurrences counted too)."""
    return text.find(window) == at and text.find(window, at + 1) < 0


def _clauses(text: str, left: int, right: int) -> list[tuple[int, int]]:
    """The clauses of text[left:right], without their punctuation and surrounding spaces."""
    out, a = [], left
    for m in re.finditer(r"[，,：:；;。！？!?]", text[left:right]):
        out.append((a, left + m.start()))
        a = left + m.end()
    out.append((a, right))
    trimmed = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


def quote_window(text: str, start: int, end: int, sentence: tuple[int, int] | None = None,
                 inner: tuple[int, int] | None = None) -> tuple[int, int]:
    """The span of a quote for text[start:end]: see the module docstring. `inner` must lie inside it too."""
    number = text[start:end]
    lo, hi = (min(start, inner[0]), max(end, inner[1])) if inner else (start, end)
    left, right = sentence or Sentences(text).around(start, end)

    def ok(a: int, b: int) -> bool:
        window = text[a:b]
        return window.count(number) == 1 and _unique_at(text, window, a)

    clauses = _clauses(text, left, right)
    firsts = [a for a, b in clauses if a <= lo]
    lasts = [b for a, b in clauses if b >= hi]
    candidates = sorted(((a, b) for a in firsts for b in lasts if a <= lo and b >= hi), key=lambda s: s[1] - s[0])
    for a, b in candidates:
        if ok(a, b):
            return a, b
    for bounds, span in (((left, right), QUOTE_SPAN), ((0, len(text)), QUOTE_SPAN_BEYOND)):
        # A quote is a clause or two: past these spans, a text that repeats itself (a body pasted
        # twice) has no unique window worth the search, and the loader says so at review.
        for length in range(hi - lo, min(bounds[1] - bounds[0], hi - lo + span) + 1):
            for a in range(max(bounds[0], hi - length), min(lo, bounds[1] - length) + 1):
                if ok(a, a + length):
                    return a, a + length
    return start, end


def where_of(text: str, mention: Mention, inner: tuple[int, int] | None = None,
             sentences: Sentences | None = None) -> Where:
    sentence = (sentences or Sentences(text)).around(mention.start, mention.end)
    quote = quote_window(text, mention.start, mention.end, sentence, inner)
    clause = next((a for a, b in _clauses(text, *sentence) if a <= mention.start < b), quote[0])
    return Where((mention.start, mention.end), quote, sentence, _paragraph(text, mention.start, mention.end),
                 max(clause, quote[0]))


# --- applying the rules ------------------------------------------------------------------------

def _number(word: str) -> int:
    """A count or month the period rules capture: 3, 12, 三, 十二, 两."""
    return int(word) if word.isdigit() else chinese_integer(word)


def _period_value(rule: Rule, match: re.Match, year: int | None, context_year: int | None = None,
                  month: int | None = None) -> str | None:
    """A period rule's template filled from its match; None if it needs a year it lacks.

    {Y} is the year the match names, else the published year moved by the rule's shift; {C} the
    last year the article names before the match (第四季度 in an article about 2024), else the
    published year; {R} the year of the latest such month (the match's, or the month after {R}-
    in the template) up to the published date (1月 in an article of 2026-02 is 2026-01; 9月 is
    2025-09), else {C}; {Y0} the first year of a span the match names (从2018年 … 到2023年); a
    Republic of China year (114 年) is read as 2025."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    if rule.value == "{PM}":
        if not (year and month):
            return None
        months = year * 12 + month - 1 + rule.shift
        return f"{months // 12}-{months % 12 + 1:02d}"
    if "{R}" in rule.value:
        month_of_rule = re.search(r"\{R\}-(\d\d)", rule.value)
        # with no month in the match or the template, 黑五 and 网一: promotions of late November
        named = _number(groups["m"]) if "m" in groups else int(month_of_rule.group(1)) if month_of_rule else 11
        y = (year - (named > month)) if year and month else (context_year or year)
        y = int(groups["y"]) if "y" in groups else y
        rule = Rule(rule.field, rule.value.replace("{R}", "{C}"), rule.pattern, rule.where)
        context_year = y
    if "{C}" in rule.value:
        y = context_year or year
    elif "roc" in groups:
        y = int(groups["roc"]) + ROC_YEAR_ONE - 1
    else:
        y = int(groups["y"]) if "y" in groups else (year + rule.shift if year else None)
    if y is None:
        return None
    n = _number(groups["n"]) if "n" in groups else 0
    out = rule.value.replace("{Y-N}", str(y - n)).replace("{Y-1}", str(y - 1)).replace("{Y}", str(y))
    out = out.replace("{C}", str(y)).replace("{Y0}", groups.get("y0", ""))
    first, _, last = out.partition("-")
    if first == last:          # 过去一年 in an article of 2025: 2024, not 2024-2024
        out = first
    if "{END}" in out:
        ending = PERIOD_ENDING.get((groups["span"], _number(groups["m"])))
        if ending is None:
            return None
        out = out.replace("{END}", ending)
    if "m" in groups:
        out = out.replace("{M}", f"{_number(groups['m']):02d}")
    if "d" in groups:
        out = out.replace("{D}", f"{int(groups['d']):02d}")
    if "{BLACK_FRIDAY}" in out or "{CYBER_MONDAY}" in out:
        friday = _black_friday(y)
        out = out.replace("{BLACK_FRIDAY}", friday.strftime("%m-%d"))
        out = out.replace("{CYBER_MONDAY}", (friday + datetime.timedelta(days=3)).strftime("%m-%d"))
    first = groups.get("first") or groups.get("first2")
    if first:
        out = out.replace("{F}", FIRST_MONTHS_PERIOD[_number(first)])
    quarter = groups.get("q") or groups.get("q2") or groups.get("q3")
    if quarter:
        out = out.replace("{Q}", str(_number(quarter)))
    return out


def _black_friday(year: int) -> datetime.date:
    """The day after the fourth Thursday of November: 黑五 (2025-11-28)."""
    first = datetime.date(year, 11, 1)
    thursday = first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return thursday + datetime.timedelta(days=1)


QUOTE_SPAN, QUOTE_SPAN_BEYOND = 160, 40
_YEARS_NAMED = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?=\s?年)")
_YEAR_WORDS = re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d\d)(?=\s?年)|(?<![\d.]){ROC_YEAR}(?=\s?年)"
                         r"|(?P<word>今年|去年|明年|目前|当前|如今|现阶段)(?!同期)")
_YEAR_WORD_SHIFT = {"今年": 0, "去年": -1, "明年": 1, "目前": 0, "当前": 0, "如今": 0, "现阶段": 0}


def _year_named(m: re.Match) -> int:
    """The year a match names in its group `y` (2024) or `roc` (a Republic of China year: 114 is 2025)."""
    return int(m.group("y")) if m.group("y") else int(m.group("roc")) + ROC_YEAR_ONE - 1


def context_year(simplified: str, at: int, year: int | None) -> int | None:
    """The year the text last named before `at`: a year written out (2024年, 114 年), or one said
    against the published year (今年, 去年, 明年; 目前 and 如今 are now); None if there is none."""
    last = None
    titles = _titles(simplified)
    for m in _YEAR_WORDS.finditer(simplified, 0, at):
        if not any(x < m.start() and m.end() <= y for x, y in titles) \
                and not re.search(PERIOD_BASE_BEFORE, simplified[max(0, m.start() - 5):m.start()]):
            last = m
    return None if last is None else _year_said(last, year)


def _year_said(m: re.Match, year: int | None) -> int | None:
    """The year a match of _YEAR_WORDS says: the one it names, or 今年/去年/明年 against `year`."""
    if m.group("word"):
        return year + _YEAR_WORD_SHIFT[m.group("word")] if year else None
    return _year_named(m)


def _year_of_the_same_period(simplified: str, at: int, words: str, year: int | None) -> int | None:
    """The year the text gave the same period when it last named it with one (今年前三季度 … 2024年
    全省… then 分市看，前三季度 is this year's, not 2024's); None if it never did. A bare period is the
    story's latest, so its caller takes the later of this and the year last named."""
    same = None
    for m in re.finditer(rf"(?:{_YEAR_WORDS.pattern})\s?{re.escape(words)}", simplified[:at]):
        same = m
    return None if same is None else _year_said(same, year)


def _unit_ok(rule: Rule, unit: str) -> bool:
    return not rule.units or unit in rule.units


def rules_for(field: str) -> list[Rule]:
    return [r for r in RULES if r.field == field]


def guess_field(field: str, simplified: str, where: Where, unit: str = "", values: dict | None = None,
                places: tuple[Rule, ...] = ()) -> tuple[str, Rule | None, str]:
    """(value, the rule that gave it, the scope it matched in) for one field; ("", None, "") if none
    matched. `places`: the article's own places (places_of), beside the table's."""
    rules = [r for r in rules_for(field) if _unit_ok(r, unit)]
    if field == "geography":
        return _guess_place(simplified, where, [*places, *rules])
    for scope in SCOPES:
        a, b = where.span(scope)
        matched = [(rule, m) for rule in rules if rule.pattern and SCOPES.index(scope) <= SCOPES.index(rule.where)
                   for m in [_last(rule.pattern, simplified[a:b], a, where.number[0], field, simplified)]
                   if m is not None]
        if matched:
            # What is counted or measured is the noun nearest before the number in its clause
            # (设有网路商店的零售业者约2.3万家: retailers; 由亏损29.05亿元转为盈利1.62亿元: profit),
            # and where the place nearest before it (郑州海关统计，河南口岸……: Henan);
            # for every other field the first rule in table order wins.
            nearest = field in ("geography", "measure") or (field == "unit" and scope == "before")
            if nearest:
                # a word that only says "share" yields to one that says of what (受访者……占比为41%)
                named = [rm for rm in matched if rm[0].value not in GENERIC_MEASURES] or matched
                _, m = max(named, key=lambda rm: (rm[1].end() <= where.number[0] - a, rm[1].end()))
                # of words that overlap (月活跃用户: 月活, 用户), the longest, then the rule first in table order
                overlapping = [(r, o) for r, o in matched if o.start() < m.end() and m.start() < o.end()]
                longest = max(o.end() - o.start() for _, o in overlapping)
                rule = next(r for r, o in overlapping if o.end() - o.start() == longest)
            else:
                rule = matched[0][0]
            return _fill(rule.value, {**(values or {}), "unit": unit}), rule, scope
    default = next((r for r in rules if not r.pattern), None)
    if default is not None:
        return _fill(default.value, {**(values or {}), "unit": unit}), default, "default"
    return "", None, ""


def _guess_place(simplified: str, where: Where, rules: list[Rule]) -> tuple[str, Rule | None, str]:
    """(geography, rule, scope): the place named nearest before the number, in the narrowest scope
    that names one before it (全省 and 全市 are the province or city the article named last); only
    when no scope names one before it, the first named after it in its own sentence (覆盖北美、欧洲、中东
    after a count of Henan's warehouses is where they reach, not whose they are; a place in a later
    sentence is another figure's); with none in its paragraph, the place of the section heading it
    stands under, else the place the article opens with (`_opening_place`)."""
    after = None
    low, high = min(where.span(s)[0] for s in SCOPES), max(where.span(s)[1] for s in SCOPES)
    named = [r for r in rules if r.pattern and _compiled(r.pattern).search(simplified, low, high)]
    joined = re.match(PLACE_OF_THE_NUMBER_AFTER, simplified[where.number[1]:where.number[1] + 3])
    if joined:
        # 约60%的全球平均水平, 30%的美国消费者: the place the number's own words name
        own = next((r for r in named if _compiled(r.pattern).match(simplified, where.number[1] + joined.end())), None)
        if own is not None:
            return own.value, own, "quote"
    for scope in SCOPES:
        a, b = where.span(scope)
        matched = []
        for rule in named:
            if SCOPES.index(scope) > SCOPES.index(rule.where):
                continue
            m = _last(rule.pattern, simplified[a:b], a, where.number[0], "geography", simplified, where.sentence)
            if m is not None:
                matched.append((a + m.start(), a + m.end(), rule))
        for m in re.finditer(PLACE_BACK_REFERENCES, simplified[a:where.number[0]]):
            if re.search(SHARE_OF_THE_WHOLE_BEFORE, simplified[max(0, a + m.start() - 2):a + m.start()]):
                continue     # 占全省的17.8%: the whole a share is of
            home = _home_place(simplified, a + m.start(), m.group(), rules)
            if home is not None:
                matched.append((a + m.start(), a + m.end(), home))
        for m in re.finditer(COUNTRY_BACK_REFERENCES, simplified[a:b]):
            if re.search(SHARE_OF_THE_WHOLE_BEFORE, simplified[max(0, a + m.start() - 2):a + m.start()]) \
                    and _places_before(simplified, where.sentence[0], a + m.start(), rules):
                continue     # 广东……占全国的31.2%: Guangdong's share of the whole country
            home = _home_country(simplified, a + m.start(), m.group(), rules)
            if home is not None:
                matched.append((a + m.start(), a + m.end(), home))
        before = [f for f in matched if f[1] <= where.number[0]]
        if before:
            chosen = max(before, key=lambda f: f[1])
            nearby = [(m.start(), m.end(), rule) for rule in named
                      for m in _compiled(rule.pattern).finditer(simplified, max(0, chosen[0] - 200), chosen[0])]
            return _listed_place(simplified, where.number[0], nearby, chosen) or chosen[2].value, chosen[2], scope
        if matched and after is None and scope != "paragraph":
            after = (min(matched, key=lambda f: f[0])[2], scope)
    if after is not None:
        return after[0].value, after[0], after[1]
    heading = _heading_before(simplified, where.paragraph[0])
    if heading is not None:
        found = [(m.start(), rule) for rule in rules if rule.pattern
                 for m in [_last(rule.pattern, simplified[heading[0]:heading[1]], heading[0], heading[0], "geography",
                                 simplified, heading, where.number[0])] if m is not None]
        if found:
            return min(found, key=lambda f: f[0])[1].value, min(found, key=lambda f: f[0])[1], "heading"
    opening = _opening_place(simplified, rules, where.paragraph)
    if opening is not None:
        return opening.value, opening, "article"
    default = next((r for r in rules if not r.pattern), None)
    return (default.value, default, "default") if default else ("", None, "")


def _places_before(simplified: str, start: int, end: int, rules: list[Rule]) -> bool:
    """Whether simplified[start:end] names a place."""
    return any(r.pattern and _compiled(r.pattern).search(simplified, start, end) for r in rules)


def _listed_place(simplified: str, number: int, named: list[tuple[int, int, Rule]], last: tuple[int, int, Rule]) -> str:
    """The geography of a figure whose nearest place ends a list of places (PLACE_LIST_JOINER): the
    region they make up, the places by name, or with 分别 the place in the figure's position; ""
    when the place stands alone."""
    run, rest = [last], sorted((f for f in named if f[1] <= last[0]), key=lambda f: f[1])
    while rest and re.fullmatch(PLACE_LIST_JOINER, simplified[rest[-1][1]:run[0][0]]):
        run.insert(0, rest.pop())
    names = list(dict.fromkeys(f[2].value for f in run))
    if len(names) < 2 or len(names) < len(run):
        return ""
    between = simplified[last[1]:number]
    respectively = re.search(PLACES_RESPECTIVELY, between) if not re.search(r"[。；！？\n]", between) else None
    if respectively:
        k = _figures_in(between[respectively.end():])
        return names[k] if k < len(names) else ""
    counted = re.match(PLACES_COUNTED, between)
    if len(names) < 3 and not counted and not re.match(r"\s?等", between):
        return ""
    region = next((r for r, members in REGION_MEMBERS.items() if set(names) <= set(members)), None)
    if counted and region:
        return region
    if counted:
        return "Global"     # 在美国、德国、英国、墨西哥等11个国家: examples of many countries across regions
    return ", ".join(names[:-1]) + " and " + names[-1]


SECTION_HEADING = re.compile(r"[^。！？!?\n]{2,30}")


def _heading_before(simplified: str, paragraph_start: int) -> tuple[int, int] | None:
    """(start, end) of the section heading the paragraph at `paragraph_start` stands under: the
    nearest line before it, past the headline, that is short and ends no sentence (一、美国站：关税吃掉了
    大半利润); None if there is none."""
    headline_end = simplified.find("\n")
    end = paragraph_start - 1
    while end > headline_end > -1:
        start = simplified.rfind("\n", 0, end) + 1
        line = simplified[start:end]
        if start <= headline_end:
            return None
        if line.strip() and SECTION_HEADING.fullmatch(line.strip()):
            return start, end
        end = start - 1
    return None


def _opening_place(simplified: str, rules: list[Rule], paragraph: tuple[int, int]) -> Rule | None:
    """The place an article opens with, for a figure whose paragraph names none: the first place its
    headline names, else the first its opening paragraph names (海关总署……我国跨境电商进出口…: a
    later 一季度外贸进出口10.3万亿元 is China's too). A place in a dateline, or one that only says
    how far something reaches, does not count, nor the figure's own paragraph (searched already)."""
    for a, b in _opening_spans(simplified):
        if a < paragraph[1] and paragraph[0] < b:
            continue
        found = [(a + m.start(), rule) for rule in rules if rule.pattern
                 for m in [_last(rule.pattern, simplified[a:b], a, a, "geography", simplified, figure=paragraph[0])]
                 if m is not None]
        if found:
            return min(found, key=lambda f: f[0])[1]
    return None


def _opening_spans(simplified: str) -> list[tuple[int, int]]:
    """(start, end) of the headline and of the first paragraph after it, past a byline (21世纪经济报道
    记者 邝颖 上海报道) or a post's header."""
    spans, at = [], 0
    for line in simplified.split("\n"):
        if line.strip() and not (spans and re.fullmatch(BYLINE, line.strip())):
            spans.append((at, at + len(line)))
        at += len(line) + 1
        if len(spans) == 2:
            break
    return spans


def _home_place(simplified: str, at: int, word: str, rules: list[Rule]) -> Rule | None:
    """The province (全省, 本省) or city (全市, 本市) the article named last before `at`."""
    local = tuple(r.value for r in rules if r.pattern and r.value not in PLACE_WORDS)
    if "县" in word:   # 全县: a county named as one (德化县地处…泉州市北部: Dehua, not Quanzhou)
        counties = tuple(r.value for r in rules if r.value in local and re.search(f"(?:{r.pattern})县", simplified))
        kind = counties or local
    else:
        kind = PROVINCES if "省" in word else (*CITIES, *local)
    named = [(m.end(), rule) for rule in rules if rule.value in kind
             for m in _compiled(rule.pattern).finditer(simplified[:at])]
    return max(named, key=lambda f: f[0])[1] if named else None


def _home_country(simplified: str, at: int, word: str, rules: list[Rule]) -> Rule | None:
    """The country 全国 (the whole country) or 当地 (there) stands for: the foreign country the
    headline names (not a country site of a platform, 巴西站), else China for 全国 and the place named
    last before `at` for 当地."""
    headline = simplified[:simplified.find("\n") + 1 or len(simplified)]
    by_value = {rule.value: rule for rule in rules if rule.pattern}
    if word != "全国":
        countries = [(m.end(), rule) for rule in rules if rule.pattern and rule.value in COUNTRIES
                     for m in _compiled(rule.pattern).finditer(simplified[:at])]
        if countries:
            return max(countries, key=lambda f: f[0])[1]
    abroad = [(m.start(), rule) for rule in rules if rule.pattern and rule.value not in (*CITIES, *PROVINCES, "China", "Global")
              for m in [re.search(rule.pattern, headline)]
              if m and not re.match(PLACE_AS_A_SITE_AFTER, headline[m.end():])]   # 巴西站订单大涨: a site, not the country
    if abroad:
        return min(abroad, key=lambda f: f[0])[1]
    if word == "全国":
        return by_value.get("China")
    named = [(m.end(), rule) for rule in rules if rule.pattern for m in _compiled(rule.pattern).finditer(simplified[:at])]
    return max(named, key=lambda f: f[0])[1] if named else None


# The rules' patterns outnumber the re module's own cache (512): compiled once each, here.
_compiled = lru_cache(maxsize=None)(re.compile)


def _last(pattern: str, text: str, offset: int, number: int, field: str, simplified: str,
          sentence: tuple[int, int] = (0, 0), figure: int | None = None) -> re.Match | None:
    """The last match of `pattern` in `text` (which starts at `offset` in `simplified`) before the
    number, else the first after it; None if none. A place in a dateline does not count, nor one
    that only says how far something reaches (遍及全球220多个国家和地区), nor a platform's site for a
    country (在美国站) outside `sentence`, the figure's own sentence or section heading. `figure` is
    where the figure is, when `number` is not (a search of the headline for a figure below it)."""
    before = after = None
    for m in _compiled(pattern).finditer(text):
        if field == "geography" and (re.match(DATELINE_AFTER, simplified[offset + m.end():offset + m.end() + 8])
                                     or re.search(REACH_BEFORE, clause_before(simplified, offset + m.start(), 40))
                                     or _a_comparison_base(simplified, offset + m.start(), offset + m.end(), number)
                                     or _place_not_whose_figure(simplified, offset + m.start(), offset + m.end(),
                                                             number if figure is None else figure)
                                     or (not sentence[0] <= offset + m.start() < sentence[1]
                                         and re.match(PLACE_AS_A_SITE_AFTER, simplified[offset + m.end():]))
                                     or (sentence[0] <= offset + m.start() < sentence[1]
                                         and re.search(BY_ORIGIN, simplified[sentence[0]:sentence[1]]))):
            continue
        if offset + m.end() <= number:
            before = m
        elif after is None:
            after = m
    return before or after


def _place_not_whose_figure(simplified: str, start: int, end: int, number: int) -> bool:
    """Whether the place at start:end is where goods come from (从中国的直购额), the home of the
    platforms a figure is of (中国平台的占比), where a company is listed (在香港联交所上市) or where a
    report was released (在深圳发布《报告》): none is whose figure it is; nor the home of sellers
    (中国卖家) outside the clause of the number at `number`."""
    a, b = sorted((end, number))
    sellers_elsewhere = re.match(PLACE_OF_SELLERS_AFTER, simplified[end:end + 6]) \
        and re.search(r"[，。；;\n]", simplified[a:b])
    return bool(re.search(PLACE_ORIGIN_BEFORE, simplified[max(0, start - 3):start])
                and not re.match(PLACE_AS_A_VIEWPOINT_AFTER, simplified[end:end + 8])
                or re.match(PLACE_OF_PLATFORMS_AFTER, simplified[end:end + 8]) or sellers_elsewhere
                or re.match(PLACE_OF_LISTING_AFTER, simplified[end:end + 6])
                or re.match(PLACE_IN_A_NAME_AFTER, simplified[end:end + 12])
                or (re.search(PLACE_OF_AN_EVENT[0], simplified[max(0, start - 2):start])
                    and re.match(PLACE_OF_AN_EVENT[1], simplified[end:end + 4])))


def _a_comparison_base(simplified: str, start: int, end: int, number: int) -> bool:
    """Whether the place at start:end, before the number, is what the figure is compared with."""
    if end > number:
        return False
    words = simplified[max(0, start - 4):start]
    return bool(re.search(PLACE_BASE_BEFORE, words) or (
        re.search(PLACE_BASE_OF[0], words) and re.match(PLACE_BASE_OF[1], simplified[end:number])))


def _fill(value: str, values: dict) -> str:
    """A rule's value with the fields it names filled in; "" if a field it needs is empty (so a
    placeholder such as {unit} never reaches a draft)."""
    out = value
    for key, v in values.items():
        if "{" + key + "}" in out:
            v = "" if v in ("unspecified", "Global") and key == "geography" else v
            if not v and key != "geography":
                return ""
            out = out.replace("{" + key + "}", v).strip()
    return "" if "{" in out else out


def _periods_in(simplified: str, a: int, b: int, rules: list[Rule], year: int | None, month: int | None,
                number: tuple[int, int]) -> list[tuple[int, int, Rule, str]]:
    """Every period match in simplified[a:b] as (start, end, rule, period); where two overlap, the
    earlier rule's. A period in brackets that renames the one before it (（即2026财年第二季度）) is
    not another period. A comparison's base (低于2019年的…) is left out unless the number is its figure."""
    found: list[tuple[int, int, Rule, str]] = []
    aliases = [m.span() for m in _compiled(PERIOD_ALIAS).finditer(simplified, max(0, a - 40), b + 40)]
    aliases += _titles(simplified)
    for rule in rules:
        for m in _compiled(rule.pattern).finditer(simplified[a:b]):
            s, e = a + m.start(), a + m.end()
            if any(x < s and e <= y for x, y in aliases):
                continue
            base = re.search(PERIOD_BASE_BEFORE, simplified[max(0, s - 5):s]) or (
                re.search(PERIOD_BASE_OF[0], simplified[max(0, s - 3):s]) and re.match(PERIOD_BASE_OF[1], simplified[e:e + 4]))
            if base and not (e <= number[0] and re.fullmatch(r"\s?的?\s?", simplified[e:number[0]])):
                continue
            context = context_year(simplified, s, year)
            story = _year_of_the_same_period(simplified, s, m.group(), year) if "{C}" in rule.value else None
            value = _period_value(rule, m, year, max(story, context) if story and context else story or context, month)
            if value and not any(s < fe and fs < e for fs, fe, _, _ in found):
                found.append((s, e, rule, value))
    return found


@lru_cache(maxsize=64)
def _titles(simplified: str) -> list[tuple[int, int]]:
    """The spans of the titles the text names (《…行动计划（2026—2028年）》): the years in a title name
    the document, not the period of a figure."""
    return [m.span() for m in _compiled(TITLE).finditer(simplified)]


def _quarter_before(period: str) -> str:
    """2025-Q3 -> 2025-Q2, 2025-Q1 -> 2024-Q4; any other period as it is."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if not m:
        return period
    year, quarter = int(m.group(1)), int(m.group(2))
    return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"


def _year_respectively(simplified: str, where: Where) -> str:
    """The year a figure is of when its sentence lists years and then 分别 their figures in order
    (2021年、2022年和2023年分别为1.98万亿元、2.11万亿元和2.38万亿元: 2022 for the second); "" otherwise."""
    before = simplified[where.sentence[0]:where.number[0]]
    lists = list(re.finditer(YEARS_RESPECTIVELY, before))
    if not lists or re.search(r"[。；！？\n]", before[lists[-1].end():]):
        return ""
    years = re.findall(r"(?:19|20)\d\d", lists[-1].group("years"))
    k = _figures_in(before[lists[-1].end():])
    return years[k] if k < len(years) else ""


def _figures_in(text: str) -> int:
    """How many figures `text` holds: the position, after 分别 or 分列, of the figure that follows it
    (分别为1.98万亿元、2.11万亿元和: the third; 分列第二和: the second)."""
    return len(re.findall(r"\d+(?:[.,]\d+)*|第[一二三四五六七八九十]+", text))


def guess_period(simplified: str, where: Where, year: int | None, unit: str = "",
                 month: int | None = None) -> tuple[str, Rule | None, str]:
    """(period, rule, scope): the period match nearest before the number, in the narrowest scope that
    has one. With none before it in its paragraph, the article's last one before the paragraph (a
    story keeps the period it set: 前三季度 … 分市场看，北美地区收入…), else the first after it. A
    year written just before the number (由2021年的4.9%升至2024年的6%) is that number's, whatever
    the sentence says around it; 上年同期的11% is the same period a year earlier, 上一季度的26% the
    quarter before; a multiple of a year's figure (是2018年的4倍) is over the span from that year to
    the year its clause names, else to the year it was published.
    `month` is the month the article was published, for a month named without its year."""
    rules = [r for r in rules_for("period") if _unit_ok(r, unit)]
    clause = simplified[where.span("before")[0]:where.number[0]]
    base = re.search(MULTIPLE_OF_A_YEAR, clause) if unit == "x" else None
    if base:
        # 2023年的市场规模已是2018年的4倍: a multiple over the span from the year it is a multiple of
        story = context_year(simplified, where.number[0] - len(clause) + base.start(), year) or year
        later = _YEARS_NAMED.findall(clause, 0, base.start()) or ([str(story)] if story else [])
        if later and int(later[-1]) > int(base.group("y")):
            return f"{base.group('y')}-{later[-1]}", Rule("period", "{Y0}-{Y}", MULTIPLE_OF_A_YEAR, "before"), "before"
    respective = _year_respectively(simplified, where)
    if respective:
        return respective, Rule("period", "{Y}", YEARS_RESPECTIVELY, "sentence"), "sentence"
    if unit == "%" and re.search(AVERAGE_GROWTH, clause + simplified[where.number[1]:where.number[1] + 10]):
        spans = [(m.start(), m.group("y0"), m.group("y"), rule) for rule in rules if rule.value == "{Y0}-{Y}"
                 for m in _compiled(rule.pattern).finditer(simplified, where.sentence[0], where.number[0])]
        if spans:
            # 从2020年的1.69万亿元增至2024年的2.63万亿元……年均复合增长率约为11.7%: over that span
            _, first, last, rule = max(spans, key=lambda s: s[0])
            return f"{first}-{last}", rule, "sentence"
    if year and re.search(REACHED_FROM_LAST_YEAR, clause):
        return str(year), Rule("period", "{Y}", REACHED_FROM_LAST_YEAR, "before"), "before"
    own = re.search(PERIOD_OF_THE_NUMBER, clause)
    if own:
        return own.group("y"), Rule("period", "{Y}", PERIOD_OF_THE_NUMBER, "before"), "before"
    for scope in ("quote", "sentence", "paragraph"):
        a, b = where.span(scope)
        found = _periods_in(simplified, a, b, [r for r in rules if SCOPES.index(scope) <= SCOPES.index(r.where)],
                            year, month, where.number)
        if found:
            before = [f for f in found if f[0] < where.number[0]]
            if not before and scope == "paragraph":
                before = _periods_in(simplified, 0, a, rules, year, month, where.number)
                scope = "article" if before else scope
            s, e, rule, value = max(before, key=lambda f: f[0]) if before else min(found, key=lambda f: f[0])
            this_quarter = _compiled(THIS_QUARTER).search(simplified, where.sentence[0], where.number[0])
            if this_quarter and not re.search(r"-Q\d$", value):
                # 今年6月……带动当季的增速提高到42%: the quarter the story is about, not the month
                quarters = [f for f in _periods_in(simplified, 0, this_quarter.start(), rules, year, month, where.number)
                            if re.search(r"-Q\d$", f[3])]
                if quarters:
                    s, e, rule, value = max(quarters, key=lambda f: f[0])
            own = simplified[where.span("before")[0]:where.number[0]]
            value = _earlier(value, own, simplified[where.sentence[0]:where.number[0]])
            since = re.search(CHANGE_SINCE_A_YEAR, own) if unit in ("pp", "%", "x") else None
            if since and re.match(r"\d{4}$", value):
                # the span ends at the figure's own year: a year named before it, else the article's
                # (比113年增加2.7个百分点，延续自109年以来…: 109年 is another story)
                base = _year_named(since)
                end = int(value) if s < where.number[0] else (year or 0)
                if base < end:
                    value, rule = f"{base}-{end}", Rule("period", "{Y0}-{Y}", CHANGE_SINCE_A_YEAR, "before")
            return value, rule, scope
    return _story_period(simplified, where, rules, year, month)


def _earlier(value: str, own: str, sentence_head: str = "") -> str:
    """`value` a year earlier for a figure of 上年同期 (in its own clause, `own`, or opening its
    sentence, `sentence_head`), a quarter earlier for one of 上季度, else itself."""
    if re.search(A_YEAR_EARLIER, own) or re.search(A_YEAR_EARLIER_FRAME, sentence_head):
        return re.sub(r"(?:19|20)\d\d", lambda y: str(int(y.group()) - 1), value)
    if re.search(A_QUARTER_EARLIER, own):
        return _quarter_before(value)
    return value


def _story_period(simplified: str, where: Where, rules: list[Rule], year: int | None,
                  month: int | None) -> tuple[str, Rule | None, str]:
    """For a figure whose paragraph names no period, the story's, where the paragraph points back to it
    (本季度毛利率为14.8%, 上季度为1.64亿港元 in a results story about the third quarter; 报告期末
    员工总数 in an interim report) or breaks the story down (分地区看，北美市场收入…). Else none: a
    period is never guessed."""
    # the words may stand after the number in its sentence (比重约为6%，较去年同期提高0.2个百分点)
    back = _compiled(STORY_PERIOD_BACK).search(simplified, where.paragraph[0], max(where.number[0], where.sentence[1]))
    if back is None:
        return "", None, ""
    story = _periods_in(simplified, 0, where.paragraph[0], rules, year, month, where.number)
    if back.group("quarter"):
        story = [f for f in story if re.search(r"-Q\d$", f[3])]
    if not story:
        return "", None, ""
    value = _earlier(max(story, key=lambda f: f[0])[3], simplified[where.span("before")[0]:where.number[0]])
    return value, Rule("period", "{story}", STORY_PERIOD_BACK, "article"), "article"


def _relative_years(label: str, year: int | None) -> str:
    if not year:
        return label
    for word, shift in (("今年", 0), ("去年", -1), ("前年", -2), ("明年", 1)):
        label = label.replace(word, f"{year + shift}年")
    return label


def _trim(words: str) -> str:
    words = LABEL_HEAD.sub("", words.strip())
    previous = None
    while previous != words:
        previous = words
        words = LABEL_TAIL.sub("", words).strip()
    return words


def _cjk(words: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", words))


def label_zh(text: str, where: Where, year: int | None) -> str:
    """A Chinese label from the number's own clause: what comes before the number, less its verb.

    A clause that holds only a verb (同比增长5.7%) or a date (预计到2027年将突破…) borrows what is
    measured from the clause before it; a number that opens its clause (约六成受访者…) takes what
    follows it.
    """
    a, b = where.quote
    start, end = where.number
    clauses = _clauses(text, where.sentence[0], where.sentence[1])
    here = next(((ca, cb) for ca, cb in clauses if ca <= start < cb), (a, b))
    before = _trim(text[here[0]:start])
    content = LABEL_LEADS_INTO.sub("", LABEL_TIMES.sub("", to_simplified(before)))
    earlier = [(ca, cb) for ca, cb in clauses if cb <= here[0]]
    lead = _trim(LABEL_NUMBER_TAIL.sub("", text[earlier[-1][0]:earlier[-1][1]])) if earlier else ""
    if not before:
        label = re.sub(r"^的", "", text[end:here[1]].strip())
    elif lead and re.fullmatch(rf"(?:{GROWTH_WORDS})+了?", content):
        label = lead + before
    elif _cjk(content) < 3 and lead:
        times = "".join(LABEL_TIMES.findall(before))
        label = (times + LABEL_TIMES.sub("", lead)) if times else lead
    else:
        label = before
    label = _tidy(label, lead)
    label = _relative_years(label or text[a:b], year)
    return LABEL_END.sub("", label[:40].strip()) or text[a:b][:40]    # cut short, it still ends on a word


def _tidy(label: str, lead: str) -> str:
    """A label cut where it stops naming what is measured (LABEL_CUT) and trimmed of its verb; the
    clause before it where what is left names nothing (LABEL_EMPTY)."""
    def cut(words: str) -> str:
        stop = LABEL_CUT.search(words, 1)
        return LABEL_END.sub("", _trim(words[:stop.start()] if stop else words)).strip()

    label = cut(_trim(label))
    if (not label or LABEL_EMPTY.match(to_simplified(label)) or _cjk(label) < 2) and lead:
        label = cut(_trim(lead))
    return label


def slug(*parts: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "_", " ".join(p for p in parts if p and p != "unspecified").lower()).strip("_")
    if len(words) > 60:
        words = words[:60].rsplit("_", 1)[0]
    return words


def unique_id(base: str, taken: set[str]) -> str:
    stat_id, n = base, 2
    while stat_id in taken or not is_stat_id(stat_id):
        stat_id = f"{base[:75]}_{n}"
        n += 1
    taken.add(stat_id)
    return stat_id


def band_breakdown(band: str) -> str:
    try:
        q = parse_quantity(band)
    except QuantityError:
        return f"age {band}"
    if q.low is not None and q.high is not None:
        return f"age {q.low:g}-{q.high:g}"
    if q.low is not None:
        return f"age over {q.low:g}"
    if q.high is not None:
        return f"age under {q.high:g}"
    return f"age {band}"


# --- drafts ------------------------------------------------------------------------------------

def parsed_unit(number: str) -> tuple[str, str]:
    """(the unit the number's own words give, or "", an error message or "")."""
    try:
        return parse_quantity(number).unit or "", ""
    except QuantityError as error:
        return "", str(error)


COUNTED_BY_CLASSIFIER = rf"(?:{alternation(CLASSIFIERS)})$"


def _read_alone(number: str) -> float | None:
    try:
        value = parse_quantity(number).value
    except QuantityError:
        return None
    return None if value is None else float(value)


def _draft_unit(simplified: str, mention: Mention, where: Where, own_unit: str, notes: list[str],
                unsure: list[str]) -> tuple[str, str]:
    """(the draft's unit, what its unit column says): the number's own unit; else what its counting
    word or the noun after it names, made precise by the words around it (家 with 卖家 counts
    sellers); else a rule's guess, which accept-all will not take on trust."""
    if own_unit:
        if own_unit not in UNITS and own_unit != UNNAMED_PESO and mention.kind == "statistic":
            notes.append(f"unit {own_unit}: not one of the catalogue's units; reject this draft or extend the units")
        return own_unit, ""
    named = mention.unit if mention.unit in UNITS else ""
    if named in SAMPLED_PEOPLE and (re.search(SURVEY_SAMPLE_BEFORE, simplified[where.span("before")[0]:where.number[0]])
                                    or re.match(SURVEY_SAMPLE_AFTER, simplified[mention.end:mention.end + 20])):
        notes.append("unit respondents: the people a survey asked")
        return "respondents", "respondents"
    by_counting_word = bool(named) and counted_unit("", simplified[mention.end:mention.end + 16]) != named
    if named in ("", *GENERIC_COUNTS) and re.search(PEOPLE_BROKEN_DOWN, simplified[where.sentence[0]:where.number[0]]) \
            and simplified[where.number[0]:where.number[1]].endswith("个"):
        notes.append("unit people: a part of the people its sentence counts before a colon (公司现在12个人：运营5个)")
        return "people", "people"
    refined, rule, scope = guess_field("unit", simplified, where, named) if named in ("", *GENERIC_COUNTS) \
        else ("", None, "")
    if refined in MONEY and re.search(COUNTED_BY_CLASSIFIER, mention.text):
        refined, rule = "", None     # 交易额突破百亿元的已有十几个: a count of cities, not money
    if refined in PEOPLE_COUNTS and re.search(r"(?<!人)次$", mention.text):
        # 受访者平均每月网购3.4次: 次 counts times something was done, never the people who did it
        unsure.append(f"unit: 次 counts times, not {refined}; set what was done (xbdata review --edit ID unit=...)")
        return "", ""
    if refined and rule is not None:
        notes.append(f"unit {refined}: rule {rule.pattern!r} in the {scope}")
        said = [m.end() for m in _compiled(rule.pattern).finditer(simplified, where.span("before")[0], where.number[0])]
        far = not said or where.number[0] - said[-1] > UNIT_WORD_REACH
        if scope != "before" or far or refined in MONEY or rule.pattern == ONLINE_SHOPPERS:
            unsure.append(f"unit {refined} is guessed from the words {rule.pattern!r} in the {scope}, "
                          "not named by the number's own words")
        return refined, refined
    if named:
        notes.append(f"unit {named}: named by its counting word or the noun after it")
        if by_counting_word and named in GENERIC_COUNTS:
            unsure.append(f"unit {named} is what its counting word usually counts; the words around it say no more")
        return named, named
    notes.append("unit: nothing names what is counted; set it (xbdata review --edit ID unit=...)")
    return "", ""


def places_of(simplified: str) -> tuple[Rule, ...]:
    """Geography rules for the cities and counties an article names that no table knows (来源：天门市
    商务局 … 天门服装电商: Tianmen), each named in pinyin; see rules.LOCAL_PLACE."""
    known = "|".join(PLACE_WORDS.values())
    names = []
    for m in re.finditer(LOCAL_PLACE, simplified):
        name = m.group("name")
        if re.search(NOT_IN_PLACE_NAMES, name) or re.fullmatch(known, name) or name in names:
            continue
        if re.search(LOCAL_PLACE_AFTER, simplified[max(0, m.start() - 1):m.start()]):
            names.append(name)
    return tuple(Rule("geography", romanized(name), re.escape(name), "paragraph") for name in names)


def traditional_home(text: str, simplified: str) -> str | None:
    """For an article in traditional script, the one of Taiwan and Hong Kong it names more ("" if
    neither): whose dollar a bare 元 is. None for simplified text, where 元 is a yuan."""
    if detect_script(text) != "zh-Hant":
        return None
    named = {place: len(re.findall(f"{PLACE_WORDS[place]}|{HOME_SIGNS[place]}", simplified))
             for place in YUAN_ELSEWHERE}
    best = max(named, key=named.get)
    return best if named[best] else ""


def companies_of(simplified: str) -> list[str]:
    """The companies an article is about that no table knows (拓海科技): see rules.COMPANY_PLACES."""
    found = []
    for pattern in COMPANY_PLACES:
        found += [m.group("c") for m in re.finditer(pattern, simplified, re.MULTILINE)]
    # 跨境电商卖家拓海科技: the name is what follows the words that describe it
    found = [re.sub(rf"^.*(?:{COMPANY_DESCRIBED_AS})", "", c) for c in found]
    names = [c for c in dict.fromkeys(found) if re.fullmatch(COMPANY_NAME, c) and not re.search(NOT_IN_COMPANY_NAMES, c)
             and not re.fullmatch(COMPANY_SUFFIXES, c)]
    known = "|".join([*PLATFORM_WORDS.values(), *PLACE_WORDS.values()])
    titled = dict.fromkeys(m.group("c") for m in re.finditer(COMPANY_BEFORE_TITLE, simplified, re.MULTILINE))
    names += [c for c in titled if c not in names and not re.search(NOT_IN_COMPANY_NAMES, c) and not re.search(known, c)]
    names += [c for c in latin_names_of(simplified) if c not in names]
    names += [c for c in _registered_companies(simplified) if c not in names]
    return [c for c in names if not any(other != c and other in c for other in names)]


def _registered_companies(simplified: str) -> list[str]:
    """The registered companies an article names (天门悦姿服饰有限公司: 悦姿服饰), each without the words
    that describe it or the place it is registered in; see rules.REGISTERED_COMPANY."""
    places = "|".join([*PLACE_WORDS.values(), *(r.pattern for r in places_of(simplified))])
    found = []
    for m in re.finditer(REGISTERED_COMPANY, simplified, re.MULTILINE):
        name = re.sub(rf"^.*(?:{COMPANY_DESCRIBED_AS})", "", m.group("c"))
        name = re.sub(rf"^(?:{places})(?:市|县|省)?", "", name)
        if len(name) >= 2 and not re.search(NOT_IN_COMPANY_NAMES, name):
            found.append(name)
    return found


def _as_written(text: str, simplified: str, companies: list[str]) -> dict[str, str]:
    """Each company as the article writes it, where that differs from its simplified form (迅達環球物流
    in a traditional-script article); the simplified text has the original's length, so a name sits
    at the same place in both."""
    written = {}
    for company in companies:
        at = simplified.find(company)
        if at >= 0 and text[at:at + len(company)] != company:
            written[company] = text[at:at + len(company)]
    return written


def latin_names_of(simplified: str) -> dict[str, str]:
    """The companies no table knows that an article introduces with a name in Latin letters
    (泊川支付（PoChuan Pay）: {"泊川支付": "PoChuan Pay"}); see rules.COMPANY_WITH_LATIN_NAME."""
    known = "|".join(PLATFORM_WORDS.values())
    found = {}
    for m in re.finditer(COMPANY_WITH_LATIN_NAME, simplified):
        name = re.sub(rf"^.*(?:{COMPANY_DESCRIBED_AS}|{SOURCE_DESCRIBED_AS}|[^\u4e00-\u9fff])", "", m.group("c"))
        described = m.group("c")[:len(m.group("c")) - len(name)]
        if len(name) >= 2 and not re.search(known, m.group("n")) and not re.search(known, name) \
                and not re.search(NOT_IN_COMPANY_NAMES, name) and not re.search(SOURCE_DESCRIBED_AS, described):
            found.setdefault(name, m.group("n"))
    return found


def _entity_subject(simplified: str, where: Where, companies: list[str]) -> str:
    """A company or platform the sentence names, the one nearest before the number (仅次于亚马逊的
    6.517亿和Shopee的3.928亿: Shopee's), or the one its words point back to (其, 该公司, 该平台:
    the nearest named before it in its paragraph); "" if neither. 公司 in an article about a company
    is that company, even where the sentence names the platforms it sells on (公司在美客多墨西哥站的
    销售额)."""
    a, b = where.sentence
    number = where.number[0]
    clause_head = _clause_entity(simplified, where, companies)
    if clause_head:
        return clause_head
    named = _companies_in(simplified[a:b], companies)
    if companies and not named and re.search(COMPANY_BACK_REFERENCES, simplified[a:number]):
        return _company_named_last(simplified[:a], companies)
    named += _platforms_in(simplified[a:b])
    named += _latin_names_in(simplified[a:b], named)
    if named:
        before = [n for n in named if a + n[0] < number]
        return _respective_entity(simplified, a, number, sorted(before)) or \
            (max(before)[1] if before else min(named)[1])
    if not re.search(BACK_REFERENCES, simplified[a:number]):
        return ""
    entities = _entities_in(simplified[where.paragraph[0]:a], companies)
    return max(entities)[1] if entities else (companies[0] if companies else "")


def _respective_entity(simplified: str, a: int, number: int, named: list[tuple[int, str]]) -> str:
    """The company or platform a figure is of when its sentence lists several and then 分别 their
    figures in order (SHEIN和速卖通分别以9%和8%位列其后: SHEIN's 9%; Temu约为823万，分列第二和第三
    follows the same order); "" when the figure follows no such list."""
    at = {}
    for start, name in named:      # TikTok Shop, not TikTok too, where both are read at one place
        at[start] = max(at.get(start, name), name, key=len)
    named = sorted(at.items())
    if len(named) < 2:
        return ""
    run = [named[-1]]
    for entity in reversed(named[:-1]):
        gap = simplified[a + entity[0]:a + run[0][0]]
        if len(gap) > 16 or re.search(r"[\d。；！？\n]", gap) or not re.search(r"[、和与及，,]", gap):
            break
        run.insert(0, entity)
    after = simplified[a + run[-1][0]:number]
    respectively = re.search(r"分别|分列", after)
    if len(run) < 2 or not respectively or re.search(r"[。；！？\n]", after):
        return ""
    k = _figures_in(after[respectively.end():])
    names = [name for _, name in run]
    return names[k] if k < len(names) else ""


def _companies_in(text: str, companies: list[str]) -> list[tuple[int, str]]:
    """(where, company) for each of `companies` named in `text`, in full or by its name without the
    word that ends it (声曜 for 声曜科技)."""
    return [(m.start(), c) for c in companies for m in re.finditer(_company_words(c), text)]


@lru_cache(maxsize=256)
def _company_words(company: str) -> str:
    short = re.sub(rf"(?:{COMPANY_SUFFIXES})$", "", company)
    return re.escape(company) + (f"|{re.escape(short)}" if short != company and len(short) >= 2 else "")


def _platforms_in(text: str) -> list[tuple[int, str]]:
    """(where, platform) for each platform a table knows named in `text`, but not as a channel
    (rules.not_as_channel)."""
    return [(m.start(), name) for name, words in PLATFORM_WORDS.items()
            for m in _compiled(not_as_channel(words)).finditer(text)]


def _latin_names_in(text: str, known: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(where, name) for each company or platform no table knows that `text` names in Latin letters at
    the head of a clause (rules.LATIN_NAME); not one the tables know (`known`, found already)."""
    found = []
    for m in re.finditer(LATIN_NAME, text):
        name = m.group("n")
        if not any(at <= m.start("n") < at + len(entity) + 8 or entity == name for at, entity in known) \
                and not any(re.fullmatch(words, name) for words in PLATFORM_WORDS.values()):
            found.append((m.start("n"), name))
    return found


def _entities_in(text: str, companies: list[str]) -> list[tuple[int, str]]:
    return _platforms_in(text) + _companies_in(text, companies)


def _interviewed(simplified: str, companies: list[str]) -> str:
    """The company an interview is with: the one company, platform or Latin name its headline names
    (对话Voyamart海外业务副总裁陈思远); "" if the article is no interview or its headline names more or none."""
    if not re.search(INTERVIEW, simplified):
        return ""
    headline = simplified[:simplified.find("\n")] if "\n" in simplified else simplified
    entities = _entities_in(headline, companies)
    named = {name for _, name in entities + _latin_names_in(headline, entities)}
    after = re.match(rf"{INTERVIEW_HEAD}(?P<n>[A-Z][a-z][A-Za-z0-9&'.-]*(?: [A-Z][A-Za-z0-9&'.-]+)?)", headline)
    if after and not any(after.group("n") in name or name in after.group("n") for name in named):
        named.add(after.group("n"))    # 对话Voyamart海外业务副总裁: the name right after the interview's word
    return named.pop() if len(named) == 1 else ""


def _company_named_last(text: str, companies: list[str]) -> str:
    """The company `text` names last, else the article's first: what 公司 points back to."""
    earlier = _companies_in(text, companies)
    return max(earlier)[1] if earlier else companies[0]


def _paragraph_entity(simplified: str, where: Where, companies: list[str]) -> str:
    """The company or platform its paragraph named last before the number, for a sentence that names
    no subject of its own (拓海科技……今年前三季度，公司实现营业收入… 其中第三季度单季营收29.2亿元)."""
    before = simplified[where.paragraph[0]:where.sentence[0]]
    entities = _entities_in(before, companies)
    if companies and re.search(COMPANY_BACK_REFERENCES, before):
        return max(((p, c) for p, c in entities if c in companies), default=(0, companies[0]))[1]
    return max(entities)[1] if entities else ""


def survey_year(simplified: str) -> int | None:
    """The year of the survey an article opens with, as its name gives it (2024年跨境网购调查, 114 年數位
    近用調查報告: 2025); None if its headline and first paragraph name no survey with a year."""
    return _year_it_opens_with(SURVEY_OF_A_YEAR, simplified)


def report_year(simplified: str) -> int | None:
    """The year of the report an article opens with, as its name gives it (《2025年度跨境出口热卖品类
    趋势报告》: 2025); None if its headline and first paragraph name no report with a year."""
    return _year_it_opens_with(REPORT_OF_A_YEAR, simplified)


def _year_it_opens_with(pattern: str, simplified: str) -> int | None:
    m = re.search(pattern, _lead(simplified))
    return None if m is None else _year_named(m)


def _lead(simplified: str) -> str:
    """The headline and the first paragraph of the body: what an article opens with."""
    paragraphs = [p for p in simplified.split("\n") if p.strip()]
    return "\n".join(paragraphs[:2])


def _clause_entity(simplified: str, where: Where, companies: list[str]) -> str:
    """The company whose name, or 公司 pointing back to it, opens the number's own clause (公司还计划
    明年在墨西哥新建2座海外仓: the company's warehouses), or the company or platform named last before a
    sentence that opens by pointing back to it (该平台…); "" if neither."""
    clause = simplified[where.span("before")[0]:where.number[0]]
    for c in companies:
        if clause.startswith(c):
            return c
    if companies and re.match(rf"(?:{COMPANY_BACK_REFERENCES})", clause):
        return _company_named_last(simplified[:where.number[0]], companies)
    if re.match(SENTENCE_ABOUT_THE_ONE_BEFORE, simplified[where.sentence[0]:where.number[0]]):
        # 该平台业务覆盖150多个国家，……超过63%的消费者直接访问其官网: the platform named last, throughout
        named = _entities_in(simplified[:where.sentence[0]], companies)
        return max(named)[1] if named else ""
    return ""


def _measure_of_the_clause_before(simplified: str, where: Where, unit: str) -> str:
    """What the clause before measures, for a money figure whose own clause says only whose it is or
    when (净利润3.75亿美元，上年同期为1.533亿美元; 平均花费46欧元，墨西哥受访者为38欧元); "" if it says more
    or the clause before names no measure."""
    # the sentence up to its full stop: 分别为 may follow a semicolon (…GMV为58亿美元；泰国和越南分别为…)
    start = max(simplified.rfind("。", where.paragraph[0], where.number[0]) + 1, where.paragraph[0], where.sentence[0] - 200)
    clauses = _clauses(simplified, min(start, where.sentence[0]), where.number[0])
    own = simplified[clauses[-1][0]:where.number[0]] if clauses else ""
    if len(clauses) < 2 or not (re.fullmatch(PARALLEL_CLAUSE, own) or _only_a_place(own)):
        return ""
    rules = [r for r in rules_for("measure") if r.pattern and _unit_ok(r, unit) and "{" not in r.value]
    for a, b in reversed(clauses[:-1]):   # the nearest clause before that names a measure (…GMV为58亿美元，居区域首位；泰国分别为…)
        found = [(m.end(), -i, rule.value) for i, rule in enumerate(rules)
                 for m in _compiled(rule.pattern).finditer(simplified, a, b)]
        if found:
            return max(found)[2]
    return ""


@lru_cache(maxsize=1)
def _any_place() -> re.Pattern:
    return re.compile("|".join(f"(?:{words})" for words in PLACE_WORDS.values()))


def _only_a_place(clause: str) -> bool:
    """A clause that names a place and nothing else (广东……4120亿元；浙江为1856亿元；山东715亿元): a list going on."""
    return bool(re.fullmatch(rf"(?:{_any_place().pattern})\s?", clause.strip()))


def _rate_kind_beside(simplified: str, where: Where) -> str:
    """The kind of a percentage whose own words before it name none: growth when a growth rate is named
    right after it (保持11.6%的年复合增长率); else, when its clause says only when or that it is
    (与2020年的24.0%, 增速最快，达到71.2%), the kind the clause before it in its sentence names; "" if neither."""
    if re.match(GROWTH_RATE_AFTER, simplified[where.number[1]:where.number[1] + 12]):
        return "growth"
    start = max(where.sentence[0], *(simplified.rfind(p, where.sentence[0], where.number[0]) + 1 for p in "，,；;：:"))
    before = [(a, b) for a, b in _clauses(simplified, where.sentence[0], start) if b < start]
    own = simplified[start:where.number[0]].split("、")[-1]    # 2020 年的 24.0 %、2021 年的 26.6 %
    verb_in_mention = re.match(r"达到?|为", simplified[where.number[0]:where.number[1]])
    if not before or not (re.fullmatch(BARE_RATE_CLAUSE, own) or (verb_in_mention and not own.strip())):
        return ""
    a, b = before[-1]
    if re.search(r"\d", simplified[a:b]) and not re.search(r"%|％", simplified[a:b]):
        return ""        # the clause before measures something else (出口4480亿元，为……)
    rules = [r for r in rules_for("measure_kind") if r.pattern and r.value in ("growth", "decline")]
    found = [(m.end(), rule.value) for rule in rules for m in _compiled(rule.pattern).finditer(simplified[a:b])]
    return max(found)[1] if found else ""


def _share_of(before: str, measure: str) -> str:
    """A share's measure names its whole: 占总营收的56.1% is a share of revenue, 占外贸的6% a share of
    trade (rules.SHARE_WORDS, then the first money measure named after them)."""
    m = _last(SHARE_WORDS, before, 0, len(before), "measure", before)
    if m is None:
        return measure
    after = before[m.end():]
    whole = next((r.value for r in rules_for("measure") if r.pattern and set(MONEY) <= set(r.units)
                  and re.search(r.pattern, after)), "")
    if not whole and re.search(r"外贸|货物贸易|贸易", after):
        whole = "trade"
    return f"share of {whole}" if whole else measure


def _points_of(simplified: str, where: Where, measure: str) -> str:
    """A change in percentage points names the rate or share its sentence names before the number
    (毛利率为46.8%，较上年同期提升2.1个百分点: change in gross margin), else stays as it is."""
    before = simplified[where.sentence[0]:where.number[0]]
    found = [(m.end(), name) for name, words in POINTS_OF.items() for m in re.finditer(words, before)]
    if not found:
        return measure
    end, name = max(found)
    if name == "share":
        whole = _share_of(before, "share")
        name = whole if whole != "share" else "share"
    return f"change in {name}"


def _local_currency(mention: Mention, unit: str, unit_column: str, geography: str, notes: list[str],
                    unsure: list[str], home: str | None = None) -> tuple[str, str]:
    """(unit, unit column) with 比索 or a bare 元 named for the place the sentence is about (Mexico: MXN;
    Taiwan: TWD), or, in a sentence about no place or the whole world (销往海外), for the place a
    traditional-script article is about (`home`; "" for such an article about neither Taiwan nor Hong
    Kong, None for simplified text); a peso it cannot place is no unit, and unsure, and so is a 元 in
    a traditional-script sentence about another place."""
    if not unnamed_currency(mention.text, unit) or unit_column:
        return unit, unit_column
    local = (PESOS if unit == UNNAMED_PESO else YUAN_ELSEWHERE).get(geography, "")
    if not local and unit != UNNAMED_PESO and home is not None:
        if geography not in ("", "unspecified", "Global"):
            # 元 of a Taiwanese writer about a place with no yuan of its own (美國): a person says whose
            unsure.append(f"unit: 元 in a traditional-script article, in a sentence about {geography}, may not be CNY")
            return unit, unit_column
        if not home:
            unsure.append("unit: 元 in a traditional-script article that names neither Taiwan nor Hong Kong may not be CNY")
            return unit, unit_column
        local, geography = YUAN_ELSEWHERE[home], f"no place, in an article about {home}"
    if local:
        word = "比索" if unit == UNNAMED_PESO else "元"
        notes.append(f"unit {local}: {word} in a sentence about {geography}")
        if unit != UNNAMED_PESO:      # 元 alone is Taiwan's dollar in Taipei, but a yuan in 台商在大陆投资……
            unsure.append(f"unit {local} is read from 元 in a sentence about {geography}; it may be CNY")
        return local, local
    if unit == UNNAMED_PESO:
        unsure.append("unit: 比索 names no country's peso, and the sentence names no country with one")
        return "", ""
    return unit, unit_column


def _statistic_row(text: str, simplified: str, mention: Mention, where: Where, article_id: str,
                   year: int | None, band: str, notes: list[str], unsure: list[str],
                   companies: list[str] = (), month: int | None = None, places: tuple[Rule, ...] = (),
                   home: str | None = None, catalogued_names: dict[str, str] | None = None) -> dict:
    """The proposed catalogue row for one mention, every guess noted with the rule that made it."""
    quote = text[where.quote[0]:where.quote[1]]
    own_unit, error = parsed_unit(mention.text)
    if error:
        notes.append(f"number: {error}")
    unit, unit_column = _draft_unit(simplified, mention, where, own_unit, notes, unsure)
    if own_unit == "rank" and mention.unit is None:
        unsure.append("unit: an ordinal of periods in a row (连续第27个季度) is a count, not a rank; the catalogue "
                      "would read it as a rank")
    if mention.value is not None and not error and _read_alone(mention.text) != mention.value:
        unsure.append(f"number: the sentence makes {mention.text} {mention.value:g} (增长了7.4倍和11.2倍), but its "
                      "own words read otherwise; edit number to words that say it")

    values: dict[str, str] = {}
    period, rule, period_scope = guess_period(simplified, where, year, unit, month)
    if period:
        notes.append(f"period {period}: {rule.pattern!r} in the {period_scope}")
    else:
        # No date near the number: its period is not guessed, not even as the year of publication.
        period = "unspecified"
        published = f" (the article was published in {year})" if year else ""
        notes.append(f"period: no date near the number{published}; set it if the figure is of a known period")
        unsure.append(f"period: no date near the number{published}")
    values["period"] = period
    # a company's name says nothing of what its figures are (木森家居 is not the home category)
    unnamed = re.sub("|".join(map(re.escape, companies)), lambda m: "＊" * len(m.group()), simplified) \
        if companies else simplified
    # 我国 and 国内 in an article about Taiwan are Taiwan (民國114年我國營業人…, 「價格比國內便宜」)
    placed = re.sub(r"我国|国内(?!生产总值)", "台湾", unnamed) if home == "Taiwan" else unnamed
    scopes: dict[str, str] = {}
    for field in ("geography", "measure_kind", "kind", "breakdown", "subject", "measure", "topic"):
        value, rule, scope = guess_field(field, {"subject": simplified, "geography": placed}.get(field, unnamed),
                                         _of_which(simplified, where) if field == "subject" else where, unit, values,
                                         places if field == "geography" else ())
        if field == "subject" and (re.search(GENERIC_SUBJECTS, value) or value in PLATFORM_WORDS):
            placeless = scope in ("paragraph", "default") or value in ("e-commerce", "cross-border e-commerce")
            value = _entity_subject(simplified, where, companies) or \
                (_paragraph_entity(simplified, where, companies) if placeless else "") or value
        elif field == "subject":
            value = _clause_entity(simplified, where, companies) or value
        elif field == "geography" and scope == "default" and home:
            value, scope = home, "article"   # a traditional-script article about Taiwan: a figure of no named place is Taiwan's
            notes.append(f"geography {home}: no place named near it, in a traditional-script article about {home}")
        values[field] = value
        scopes[field] = scope
        if rule is not None and rule.pattern:
            notes.append(f"{field} {value}: {rule.pattern[:40]!r} in the {scope}")
        if field == "geography":
            unit, unit_column = _local_currency(mention, unit, unit_column, value, notes, unsure, home)
    if unit == "%" and scopes["measure_kind"] == "default":
        values["measure_kind"] = _rate_kind_beside(simplified, where) or values["measure_kind"]
        if values["measure_kind"] != "share":
            notes.append(f"measure_kind {values['measure_kind']}: the rate named after it or in the clause before")
    if not values["breakdown"] and values["topic"] != "demographics":
        values["breakdown"] = _category_of_the_part(unnamed, where)
        if values["breakdown"]:
            values["topic"] = "category"
            notes.append(f"topic category: {values['breakdown']} heads the clauses before the number")
    if values["kind"] in ("plan", "forecast") and unit == "%" and \
            not re.search(f"{PLAN_BEFORE}|{FORECAST_BEFORE}", simplified[where.sentence[0]:where.number[0]]) and \
            re.search(SURVEY_HEADLINE, simplified[where.paragraph[0]:where.paragraph[1]] + _lead(simplified)):
        values["kind"] = "survey"     # 另有27%计划在明年启用: the share of respondents who plan, a survey's answer
        notes.append("kind survey: the plan or expectation is of the share who answered a survey")
    if values["kind"] == "observed" and re.search(FORECAST_BEFORE, simplified[where.sentence[0]:where.number[0]]):
        values["kind"] = "forecast"   # 机构预计，明年区域数字经济收入达到1350亿美元
        notes.append("kind forecast: a word of forecasting before the number in its sentence")
    if values["kind"] == "observed" and unit in ("%", "pp") and (
            re.search(SURVEY_HEADLINE, simplified[:simplified.find("\n") + 1]) or re.search(SURVEY_LEAD, _lead(simplified))
            or survey_year(simplified)):
        values["kind"] = "survey"     # an article that opens with a survey: its shares are the survey's
        notes.append("kind survey: the article opens with a survey (its headline or first paragraph)")
    first_year = re.match(r"\d{4}", period)
    run = survey_year(simplified) or year
    when = "the year its survey names" if run != year else "the year it was published"
    if values["kind"] == "survey" and run and first_year and int(first_year.group()) > run:
        # respondents asked about next year answer now: the survey's figure is of when it was run
        values["period"] = period = str(run)
        notes.append(f"period {run}: a survey's answer about a later period is of {when}")
    if values["period"] == "unspecified" and values["kind"] == "survey" and run:
        # a survey's figures are of when it was run: the year it names, else the year it was published
        values["period"] = period = str(run)
        notes.append(f"period {run}: a survey's figure with no date near it, taken as {when}")
    covered = report_year(simplified)
    if values["period"] == "unspecified" and covered:
        # 《2025年度跨境出口热卖品类趋势报告》显示: a report's figures are of the year it covers
        values["period"] = period = str(covered)
        notes.append(f"period {covered}: a figure with no date near it, in an article about a report of {covered}")
    interviewed = _interviewed(simplified, companies) if re.search(GENERIC_SUBJECTS, values["subject"]) \
        and re.match(ANSWER, simplified[where.paragraph[0]:where.paragraph[1]]) else ""
    if interviewed:
        values["subject"] = interviewed           # 答：上半年我们海外GMV大概是46亿美元
        notes.append(f"subject {interviewed}: an answer in an interview with its officer")
    elif values["subject"] == "unspecified" and len(companies) == 1:
        values["subject"] = companies[0]          # an article about one company: its figures are the company's
    elif re.search(GENERIC_SUBJECTS, values["subject"]) and re.search(WRITER_IS_A_SELLER, simplified):
        values["subject"] = WRITER_SUBJECT        # 我们是宁波一家……的小团队: the writer's figures are the seller's
        notes.append("subject seller: an article its seller writes, and nobody else named for the figure")
    elif companies and values["subject"] in PLATFORM_WORDS and \
            re.search(BY_CHANNEL, simplified[where.sentence[0]:where.sentence[1]]):
        # 分渠道看，亚马逊收入26.4亿元: the sales through Amazon of the company the article is about
        values["subject"] = max(companies, key=simplified.count)
    if unit == "%" and values["measure_kind"] == "share" and values["topic"] not in ("category",) and (
            re.search(PEOPLE_AFTER, simplified[where.number[1]:where.number[1] + 10]) or re.search(r"人|位|名", mention.text)):
        values["topic"] = "demographics"     # 近四成印尼人每周网购: what a share of people do
        notes.append("topic demographics: a share of the people named after it")
        if re.search(GENERIC_SUBJECTS, values["subject"]) and values["kind"] != "survey":
            place = "" if values["geography"] in ("unspecified", "Global") else values["geography"] + " "
            values["subject"] = f"{place}consumers"   # ... and they are the place's consumers
    entity = values["subject"] in PLATFORM_WORDS or values["subject"] in companies or \
        bool(re.fullmatch(LATIN_NAME_WORDS, values["subject"]))
    if entity and scopes["geography"] in ("heading", "article"):
        # a company's own figure is of the market its sentence names, not of the place the article opens with
        values["geography"] = "unspecified"
        notes.append("geography unspecified: a company's figure whose paragraph names no place")
    if entity and values["topic"] not in ("category",):
        # a company's own results are platform figures; its costs and its advertising are not
        own_clause = simplified[where.span("before")[0]:where.number[1]]
        values["topic"] = next((topic for topic, words in ENTITY_TOPICS.items() if re.search(words, own_clause)),
                               "platform")
    elif values["subject"] == WRITER_SUBJECT and values["topic"] == "market_size":
        values["topic"] = "platform"     # a seller's own sales are its own figures, not its market's size
        notes.append("topic platform: the writing seller's own figure")
    elif values["kind"] == "survey" and unit in ("%", "pp", "age", *MONEY) and values["topic"] != "category":
        sellers = re.search(SELLER_SURVEY, simplified[where.sentence[0]:where.sentence[1]]) or \
            re.search(SELLER_SURVEY, _lead(simplified))
        # a survey's shares, amounts and ages are of who answered: shoppers (demographics) or sellers (operations)
        values["topic"] = "operations" if sellers else "demographics"
        values["subject"] = "survey respondents"
    if values["topic"] == "category" and values["breakdown"] and re.search(GENERIC_SUBJECTS, values["subject"]):
        values["subject"] = values["breakdown"]  # a category's figure is the category's
    if unit == "%" and values["measure_kind"] == "share":
        values["measure"] = _share_of(simplified[where.span("before")[0]:where.number[0]], values["measure"])
    if unit == "pp":
        values["measure"] = _points_of(simplified, where, values["measure"])
    if unit in MONEY and values["measure"] == "amount":
        values["measure"] = _measure_of_the_clause_before(simplified, where, unit) or values["measure"]
    if unit == "rank":
        values["measure"] = "rank"     # 月活位列全球第三: a rank, whatever it ranks by
    if unit == "%" and values["measure_kind"] == "share" and values["measure"] in MEASURES_OF_A_WHOLE:
        values["measure"] = f"share of {values['measure']}"   # 亚马逊贡献了约六成 (of GMV)
    if unit == "x" and re.search(MULTIPLE_GROWTH, simplified[where.span("before")[0]:where.number[1]]) \
            and values["measure"] not in ("multiple",) and not values["measure"].startswith("growth"):
        values["measure"] = f"growth in {values['measure']}"
    change = values["measure_kind"]
    if change in ("growth", "decline") and not values["measure"].startswith(change):
        base = values["measure"] if values["measure"] not in ("share",) else ""
        values["measure"] = f"{change} in {base}".strip() if base else change
    if unit == "%" and values["measure_kind"] == "share":
        after = simplified[where.number[1]:where.number[1] + 8]
        levy = next((name for name, words in LEVY_RATES.items()
                     if re.match(rf"(?:不等)?(?:的[^，。；\d]{{0,2}})?(?:{words})", after)), "")
        if levy:
            values["measure"] = levy    # 15%的销售佣金, 7%的增值税: the rate of the levy it names
    base_measure = re.sub(r"^(?:(?:growth|decline|change) in |share of )", "", values["measure"])
    measured = next((topic for topic, measures in MEASURE_TOPICS.items() if base_measure in measures), "")
    if measured == "market_size" and entity:
        measured = ""                 # a platform's parcels are its own figures
    if base_measure == "parcels handled" and values["subject"].endswith(" parcels"):
        measured = "market_size"      # a port's parcels handled are its market's volume; a carrier's, its work
    if measured and (values["topic"] not in ("category", measured) or base_measure in LEVY_RATES):
        # a tax or fee on a category (进口服装……须缴纳5%至25%的关税) is still a tax: operations
        values["topic"] = measured    # a seller's fees, a port's warehouses, a firm's staff: what is measured says
        notes.append(f"topic {measured}: what it measures ({base_measure})")
    published_year = year
    first_year = re.match(r"\d{4}", period)
    if values["kind"] == "observed" and published_year and first_year and int(first_year.group()) > published_year:
        values["kind"] = "forecast"
        notes.append(f"kind forecast: period {period} is after the year it was published ({published_year})")
    if values["kind"] == "forecast" and re.search(PLAN_BEFORE, simplified[where.sentence[0]:where.number[0]]):
        values["kind"] = "plan"       # 目标是……将新建公共海外仓5个: what a target says will happen is the target
        notes.append("kind plan: a word of a target before the number in its sentence")
    last_year = re.search(r"(\d{4})(?!.*\d{4})", period)
    if values["kind"] == "forecast" and published_year and last_year and int(last_year.group(1)) < published_year \
            and not re.search(FORECAST_BEFORE, simplified[where.span("before")[0]:where.number[1]]):
        values["kind"] = "observed"   # 报告预计今年……，去年约为620亿美元: the base a forecast starts from was measured
        notes.append(f"kind observed: period {period} is before the year it was published ({published_year}), "
                     "and its own clause forecasts nothing")
    if band:
        values["breakdown"] = values["breakdown"] or band_breakdown(band)
        if values["topic"] not in ("demographics",):
            values["topic"] = "demographics"
    composed = chinese_label({**values, "period": period, "unit": unit}, {r.value: r.pattern for r in places})
    # a company the article names in Latin letters too (泊川支付（PoChuan Pay）) is catalogued under that
    # name, and one it writes in traditional script as written (迅達環球物流)
    values["subject"] = (catalogued_names or {}).get(values["subject"], values["subject"])
    label_en = english_label({**values, "period": period})
    return {
        "stat_id": "", "source": article_id, "quote": quote, "number": mention.text, "unit": unit_column,
        "topic": values["topic"], "subject": values["subject"], "measure": values["measure"],
        "measure_kind": values["measure_kind"] if unit == "%" else "", "breakdown": values["breakdown"],
        "band": band, "geography": values["geography"], "period": period, "kind": values["kind"],
        "label_zh": composed or label_zh(text, where, year), "label_en": label_en,
    }


def _category_of_the_part(simplified: str, where: Where) -> str:
    """The category at the head of the clause nearest before the number in its part of the sentence
    (since the sentence's start or its last ；): what the clauses after it go on about (户外用品排名
    第二，销售额约118亿美元: outdoor products' sales); "" if none."""
    starts = [m.end() for m in re.finditer(CATEGORY_PART_START, simplified[where.sentence[0]:where.number[0]])]
    a = where.sentence[0] + (starts[-1] if starts else 0)
    named = [(m.start(), name) for name, words in CATEGORY_WORDS.items()
             for m in re.finditer(rf"{CATEGORY_AT_CLAUSE_HEAD}(?:{words})(?!{NOT_A_CATEGORY_AFTER})",
                                  simplified[a:where.number[0]])]
    return max(named)[1] if named else ""


def _of_which(simplified: str, where: Where) -> Where:
    """`where` with its sentence reaching back over the sentence before it when it opens with 其中 (of
    which): 货物贸易进出口总值21.94万亿元。其中，出口13万亿元 is all goods trade's export."""
    a, b = where.sentence
    if not re.match(r"\s*其中", simplified[a:b]):
        return where
    start = max(where.paragraph[0], max(simplified.rfind(mark, where.paragraph[0], a - 1) for mark in "。！？!?") + 1)
    return Where(where.number, where.quote, (start, b), where.paragraph, where.clause_start)


def not_a_figure(simplified: str, mention: Mention, unit: str) -> str:
    """Why a quantity the extractor found is still not a figure to catalogue (rules.NOT_FIGURES), or ""."""
    before = simplified[max(0, mention.start - 8):mention.start]
    after = simplified[mention.end:mention.end + 16]
    for reason, words_before, words_after, units in NOT_FIGURES:
        if (not units or unit in units) and (not words_before or re.search(words_before, before)) \
                and (not words_after or re.search(words_after, after)) and (units or words_before or words_after):
            return reason
    digits = mention.text.strip()
    if not unit and digits.isdigit() and len(digits) >= ID_DIGITS:
        return "an identifier (an order, tracking or coupon number), not a quantity"
    return ""


# The kinds a drafted label names, in English; the Chinese names them as labels.KIND_NAMES does.
LABELLED_KINDS = {"forecast": " (forecast)", "plan": " (target)", "survey": " (survey)", "hypothetical": " (hypothetical)"}


def english_label(row: dict) -> str:
    """The English label a draft proposes: subject, measure, breakdown, period and a kind that is not observed."""
    kind_words = LABELLED_KINDS.get(row["kind"], "")
    label = row["measure"] if row["subject"] in ("", "unspecified") else f"{row['subject']}: {row['measure']}"
    if row["breakdown"] and row["breakdown"] != row["subject"]:
        label += f", {row['breakdown']}"
    period = "" if row["period"] in ("", "unspecified") else f", {row['period']}"
    return label + period + kind_words


def chinese_label(row: dict, local_places: dict[str, str] | None = None) -> str:
    """The Chinese label a draft proposes, composed from its fields as `english_label` composes the
    English, so that it names what the row records and not a fragment of a clause: period, an age
    band, subject, a category, measure and a kind that is not observed (2025年上半年中国跨境电商进出口额,
    2025年25–34岁受访者占比（调查）). "" where a part has no Chinese name in the tables of
    xbdata.text.labels (a measure in free words, a subject no table knows, no subject at all): the
    label cut from the article's clause (`label_zh`) then stands. `local_places` names the article's
    own cities in Chinese (Tianmen: 天门, `places_of`)."""
    unit = row["unit"] or parsed_unit(row.get("number", ""))[0]
    subject = _subject_zh(row["subject"], local_places or {})
    measure = _measure_zh(row["measure"], unit, row["subject"])
    band = category = ""
    if row["breakdown"] and row["breakdown"] != row["subject"]:
        ages = [words.format(*m.groups()) for pattern, words in AGE_BANDS_ZH if (m := re.fullmatch(pattern, row["breakdown"]))]
        band = ages[0] if ages else ""
        category = "" if ages else DRAFT_NAMES_ZH.get(row["breakdown"]) or CATALOGUE_ZH.get(row["breakdown"], "")
        if not band and not category:
            return ""
    people = re.fullmatch(r"share of (\w+)", row["measure"])
    if people and people.group(1) in COUNTS and not band:
        return ""    # 约六成受访者愿意……: what the people do is in the clause; 受访者占比 would name every such share alike
    known = row["period"] not in ("", "unspecified")
    when = period_words(row["period"], "zh") if known else ""
    event = re.fullmatch(r"\S+ ([A-Za-z][A-Za-z ]*)", row["period"])
    if (known and when == row["period"]) or (event and catalogue_name(event.group(1), "zh") is None) \
            or not subject or not measure:
        return ""    # a period no rule reads, an event with no Chinese name (its year alone would lose it)
    kind = f"（{kind_name(row['kind'], 'zh')}）" if row["kind"] in LABELLED_KINDS else ""
    label = f"{when}{band}{subject}{category}{measure}{kind}"
    latin = label
    for name in sorted(LATIN_NAMES, key=len, reverse=True):
        latin = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", latin)
    return "" if re.search(r"[A-Za-z{}]", latin) else label


def _subject_zh(subject: str, local_places: dict[str, str]) -> str:
    """A drafted subject in Chinese: a platform's or company's name, else place + what it names
    (Mexico e-commerce: 墨西哥电商); "" where a part has none."""
    if subject in ("", "unspecified"):
        return ""
    name = DRAFT_NAMES_ZH.get(subject) or CATALOGUE_ZH.get(subject)
    if name:
        return name
    if subject in LATIN_NAMES or re.fullmatch(r"[\u4e00-\u9fff]+", subject):
        return subject          # TikTok Shop, 拓海科技: a name as articles write it
    for head, words in sorted(SUBJECT_HEADS_ZH.items(), key=lambda item: -len(item[0])):
        if subject == head:
            return words
        if subject.endswith(" " + head):
            places = _places_zh(subject[:-len(head) - 1], local_places)
            return places + words if places else ""
    return ""


def _places_zh(places: str, local_places: dict[str, str]) -> str:
    """Places as a subject names them ("Spain, France and Brazil") in Chinese (西班牙、法国和巴西): each
    by CATALOGUE_ZH's name, else the first name rules.PLACE_WORDS knows it by, else the article's own."""
    def name(place: str) -> str:
        if place in ("", "unspecified"):
            return ""
        return CATALOGUE_ZH.get(place) or (PLACE_WORDS[place].split("|")[0] if place in PLACE_WORDS else "") \
            or local_places.get(place, "")

    *listed, last = places.split(", ")
    if not name(last) and " and " in last:
        listed += last.rsplit(" and ", 1)      # Spain, France and Brazil; not Trinidad and Tobago
    else:
        listed.append(last)
    names = [name(place) for place in listed]
    if not all(re.fullmatch(r"[\u4e00-\u9fff（）-]+", n) for n in names):
        return ""
    between, last = PLACE_LIST_ZH
    return between.join(names[:-1]) + last + names[-1] if len(names) > 1 else names[0]


def _measure_zh(measure: str, unit: str, subject: str) -> str:
    """A drafted measure in Chinese: its name, or the form of another's (growth in export value: 出口额增速);
    a count of what the subject names is how many (China overseas warehouses, warehouses: 数量)."""
    if unit == "%" and measure in PERCENT_MEASURES_ZH:
        return PERCENT_MEASURES_ZH[measure]
    of_the_subject = (measure in COUNTS or measure in SUBJECT_HEADS_ZH) and (
        subject == measure or subject.endswith(" " + measure))
    name = MEASURES_ZH.get(measure) or CATALOGUE_ZH.get(measure) or (UNIT_NAMES[measure][0] if measure in UNIT_NAMES else "")
    if name:
        return COUNT_OF_THE_SUBJECT_ZH if of_the_subject else name
    m = re.fullmatch(r"(growth in|decline in|change in|share of) (.+)", measure)
    words = m and (MEASURE_FORMS_ZH.get((m.group(1), unit)) or MEASURE_FORMS_ZH.get((m.group(1), "")))
    if not words:
        return ""
    form, base = m.groups()
    if form == "share of" and base in COUNTS:
        if subject == base or subject.endswith(" " + base):
            return words.format("")      # survey respondents, share of respondents: 受访者占比
        base_zh = counted_noun(base)     # share of sellers: 卖家占比
        base_zh = base_zh if len(base_zh) > 1 else ""
    else:
        base_zh = _measure_zh(base, "", subject)
    return words.format(base_zh) if base_zh else ""


def stat_id_of(row: dict, fallback: str, taken: set[str]) -> str:
    """A new stat_id from subject, measure, breakdown and period, unique against `taken` (which it joins)."""
    base = slug(row["subject"].replace("cross-border e-commerce", "xborder"), row["measure"], row["breakdown"])
    return unique_id("_".join(p for p in (base[:50].rstrip("_"), slug(row["period"])) if p) or fallback, taken)


# What a draft's fields decide: editing one re-derives these, unless they were edited by hand too.
DEPENDENTS = {
    "unit": ("geography",),              # whose peso or 元, for a number that names neither
    "stat_id": ("subject", "measure", "breakdown", "period"),
    "label_en": ("subject", "measure", "breakdown", "period", "kind"),
    "label_zh": ("subject", "measure", "breakdown", "period", "kind", "unit"),
    "measure_kind": ("unit",),
}


def rederive(row: dict, edited: set[str], changed: set[str], taken: set[str]) -> list[str]:
    """Re-derive the fields that depend on the `changed` ones (DEPENDENTS), except those `edited`
    by hand; returns a line per field changed. `taken` holds the stat_ids in use but this row's."""
    lines = []
    for field, inputs in DEPENDENTS.items():
        if field in edited or not changed & set(inputs):
            continue
        old = row[field]
        if field == "unit":
            own = parsed_unit(row["number"])[0]
            if not unnamed_currency(row["number"], own):
                continue
            row[field] = (PESOS if own == UNNAMED_PESO else YUAN_ELSEWHERE).get(row["geography"], "")
            changed = changed | {"unit"}
        elif field == "stat_id":
            row[field] = stat_id_of(row, old, taken)
        elif field == "label_en":
            row[field] = english_label(row)
        elif field == "label_zh":
            row[field] = chinese_label(row, {r.value: r.pattern for r in places_of(to_simplified(row["quote"]))}) \
                or _quote_label(row)
        else:
            unit = row["unit"] or parsed_unit(row["number"])[0]
            row[field] = (old or "share") if unit == "%" else ""
        if row[field] != old:
            lines.append(f"{field} follows: {old!r} -> {row[field]!r}")
    return lines


def _quote_label(row: dict) -> str:
    """The label cut from the clause of the number in its quote (`label_zh`), led by the row's period
    where the clause names no time, for a row whose edited fields compose none: a label composed from
    the fields before the edit would name what they were."""
    quote, number = row["quote"], row["number"]
    start = quote.find(number)
    if start < 0:
        return row["label_zh"]
    whole = (0, len(quote))
    label = label_zh(quote, Where((start, start + len(number)), whole, whole, whole), None)
    when = "" if row["period"] in ("", "unspecified") else period_words(row["period"], "zh")
    return label if LABEL_TIMES.search(to_simplified(label)) or when == row["period"] else when + label


def _exclusion(text: str, mention: Mention, sentences: Sentences) -> str:
    """A context for an exclusion: the shortest unique window around the mention, as for a quote."""
    a, b = quote_window(text, mention.start, mention.end, sentences.around(mention.start, mention.end))
    return text[a:b]


def propose(text: str, article_id: str, published: str, taken: set[str],
            mentions: list[Mention] | None = None) -> list[dict]:
    """One draft per numeric mention of `text`: a proposed catalogue row or a proposed exclusion.

    `taken` holds the stat_ids in use (the catalogue's and other drafts'); new ids are added to it.
    Each draft: id (NNN-k), action (statistic or exclusion), mention, row, context, reason, notes.
    """
    mentions = extract_mentions(text) if mentions is None else mentions
    simplified = to_simplified(text)
    sentences = Sentences(text)
    year = int(published[:4]) if published else None
    month = int(published[5:7]) if len(published) >= 7 else None
    number = article_id[:3]
    # An age band beside a percentage in its sentence is that percentage's band (the catalogue's way).
    bands: dict[int, Mention] = {}
    for i, m in enumerate(mentions):
        if m.kind == "statistic" and parsed_unit(m.text)[0] == "%":
            bounds = sentences.around(m.start, m.end)
            near = [b for b in mentions if b.kind == "statistic" and b.unit == "age" and b.end <= m.start
                    and sentences.around(b.start, b.end) == bounds and b not in bands.values()
                    and not re.search(AGE_STATISTIC_BEFORE, simplified[max(0, b.start - 6):b.start])]
            if near:
                bands[i] = near[-1]
    band_owner = {id(b): i for i, b in bands.items()}
    companies = companies_of(simplified)
    latin = latin_names_of(simplified)
    # a company found by a shorter or longer name than the one its Latin name follows (贸桥国际 of 贸桥国际站（TradeBridge）)
    latin.update({c: name for c in companies for key, name in list(latin.items())
                  if c not in latin and (key.startswith(c) or c.startswith(key))})
    catalogued_names = {**_as_written(text, simplified, companies), **latin}
    places = places_of(simplified)
    home = traditional_home(text, simplified)
    drafts = []
    for i, m in enumerate(mentions):
        notes: list[str] = []
        unsure: list[str] = []
        band = bands.get(i)
        where = where_of(text, m, (band.start, band.end) if band else None, sentences)
        row = _statistic_row(text, simplified, m, where, article_id, year, band.text if band else "", notes, unsure,
                             companies, month, places, home, catalogued_names)
        reason = "" if m.kind == "statistic" else REASONS.get(m.kind, f"{m.kind}: not a statistic")
        if m.kind == "statistic":
            reason = not_a_figure(simplified, m, row["unit"] or parsed_unit(m.text)[0])
        drafts.append({"id": f"{number}-{i + 1}", "action": "exclusion" if reason else "statistic",
                       "mention": m.as_row(), "row": row, "context": _exclusion(text, m, sentences),
                       "reason": reason, "notes": notes, "unsure": unsure})
    for draft in sorted(drafts, key=lambda d: d["action"] != "statistic"):
        draft["row"]["stat_id"] = stat_id_of(draft["row"], f"stat_{number}_{draft['id'].split('-')[1]}", taken)
    for i, m in enumerate(mentions):
        if id(m) in band_owner:
            owner = drafts[band_owner[id(m)]]
            drafts[i]["action"] = "exclusion"
            drafts[i]["reason"] = BAND_REASON.format(stat_id=owner["row"]["stat_id"])
            drafts[i]["notes"].append(f"band of draft {owner['id']}")
    return drafts


def draft_scores(text: str, gold_numbers: list[tuple[int, int]], published: str = "") -> dict[str, int]:
    """How many drafts of `text` are right as proposed, against the spans of its gold statistics.

    For `make eval`: `drafts` in all; `action_right`, drafts proposed as a statistic exactly when
    they overlap a gold number; `statistics`, drafts proposed as statistics; `accept_ready`, those
    the catalogue's loader accepts unedited (a unit it knows, a verbatim unique quote ...);
    `gold` and `gold_proposed`, gold statistics and those a statistic draft covers.
    """
    article = "999_0000000000000000"
    drafts = propose(text, article, published, set())
    out = dict.fromkeys(("drafts", "action_right", "statistics", "accept_ready", "gold", "gold_proposed"), 0)
    for d in drafts:
        m = d["mention"]
        gold = any(a < m["end"] and m["start"] < b for a, b in gold_numbers)
        out["drafts"] += 1
        out["action_right"] += (d["action"] == "statistic") == gold
        if d["action"] == "statistic":
            out["statistics"] += 1
            try:
                validate_row(d["row"], {article: text}, "draft")
                out["accept_ready"] += 1
            except CatalogueError:
                pass
    for a, b in gold_numbers:
        out["gold"] += 1
        out["gold_proposed"] += any(d["action"] == "statistic" and d["mention"]["start"] < b and a < d["mention"]["end"]
                                    for d in drafts)
    return out
