"""Spans of years: 2020〜2021年, 2020–21年, 2024年～2026年, 2023～2024年度, 令和6～7年度, 2021年から2023年にかけて, one
DATE valued ``2020/2021``; and spans of months: 2025年11月〜2026年1月, 2024年5〜7月, one DATE valued
``2025-11/2026-01``.

The extraction spec reads a span of years as one DATE whose value joins its
first and last year with ``/`` (fiscal years as ``FY2023/FY2024``) and whose
day span runs from the first day of the first year to the last day of the
last: never two dates, and never a duration (the 21年 of 2020–21年 counts no
years). The second year may be written short, in the first year's century
(2020–21年) or, after an era year, in that era (令和6～7年度). Rule id of the
pattern, and of what it finds: ``date.year_span`` (``date.month_span`` for months).
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.pieces import SMALL_NUMBER
from extract.normalize.dates.values import (PLAUSIBLE_YEARS, date_match, fiscal_span, month_span, number, tail_mod,
                                            year_of)
from extract.normalize.numerals import DIGIT


def _last_year(match: re.Match[str], rules: DateRules, first: int) -> int | None:
    """The year that ends the span: four digits as written, two digits in the first year's century
    (2020–21年), an era year in the first year's era (令和6～7年度); None when it is none of these."""
    written = unicodedata.normalize("NFKC", match.group("to_year"))
    count = number(written)
    if count is None:
        return None
    if match.group("era"):
        return rules.eras[match.group("era")] + count - 1
    if written.isdigit() and len(written) == 4:
        return count
    if written.isdigit() and len(written) == 2:
        return first // 100 * 100 + count
    return None


def _year_span(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2020〜2021年, 2020–21年, 2023～2024年度: one DATE from the first year to the last. A span whose last
    year does not follow its first (2020–19年) yields nothing, and blocks reading its end as a count of years."""
    first = year_of(match, rules)
    if first is None:
        return None
    last = _last_year(match, rules, first)
    if last is None or last not in PLAUSIBLE_YEARS or not first < last:
        return []
    mod = tail_mod(match, rules)
    if match.group("fiscal"):
        span = (fiscal_span(rules, first)[0], fiscal_span(rules, last)[1])
        return [date_match(match, f"FY{first:04d}/FY{last:04d}", span, "date.year_span", mod)]
    span = (datetime.date(first, 1, 1), datetime.date(last, 12, 31))
    return [date_match(match, f"{first:04d}/{last:04d}", span, "date.year_span", mod)]


def _month_span(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年11月〜2026年1月, 2024年5〜7月: one DATE from the first month to the last (2025-11/2026-01). A span
    whose last month does not follow its first yields nothing."""
    first_year = year_of(match, rules)
    first_month, last_month = number(match.group("month")), number(match.group("to_month"))
    if first_year is None or first_month is None or last_month is None:
        return None
    last_year = number(unicodedata.normalize("NFKC", match.group("to_year"))) if match.group("to_year") else first_year
    if (last_year is None or last_year not in PLAUSIBLE_YEARS or not (1 <= first_month <= 12 and 1 <= last_month <= 12)
            or not (first_year, first_month) < (last_year, last_month)):
        return []
    span = (month_span(first_year, first_month, 1)[0], month_span(last_year, last_month, 1)[1])
    return [date_match(match, f"{first_year:04d}-{first_month:02d}/{last_year:04d}-{last_month:02d}", span,
                       "date.month_span", tail_mod(match, rules))]


#: The patterns of this kind, in the order they are tried. The last year is not followed by a month
#: (2025年～2026年3月 is two dates) nor by 代 (1990～2000年代 is no span of years).
PATTERNS = (
    DatePattern("date.year_span",
                lambda p: (rf"{p.year}(?:{p.fiscal_word}|年)?{p.sep}{p.separators}{p.sep}"
                           rf"(?P<to_year>{DIGIT}{{4}}|{SMALL_NUMBER})(?:{p.fiscal}|年(?![代]|{SMALL_NUMBER}月))"
                           rf"{p.tail}"),
                _year_span),
    # 2021年から2023年にかけて, 2021年度から2023年度まで: a span written with words, which only its closing word
    # makes one (2021年から2023年に is two dates)
    DatePattern("date.year_span",
                lambda p: (rf"{p.year}(?:{p.fiscal_word}|年){p.span_from}"
                           rf"(?P<to_year>{DIGIT}{{4}}|{SMALL_NUMBER})(?:{p.fiscal}|年(?![代]|{SMALL_NUMBER}月))"
                           rf"(?={p.span_until})"),
                _year_span),
    # 2025年11月〜2026年1月, 2024年5〜7月: a span of months (not a fiscal period, 1～3月期, nor a day, 5月～7月1日)
    DatePattern("date.month_span",
                lambda p: (rf"{p.year}年(?P<month>{SMALL_NUMBER})月?{p.sep}{p.separators}{p.sep}"
                           rf"(?:(?P<to_year>{DIGIT}{{4}})年)?(?P<to_month>{SMALL_NUMBER})月(?![期間日]|{SMALL_NUMBER}日)"
                           rf"{p.tail}"),
                _month_span),
)
