"""Spans of years: 2020〜2021年, 2020–21年, 2024年～2026年, 2023～2024年度, 令和6～7年度, 2021年から2023年にかけて, one
DATE valued ``2020/2021``.

The extraction spec reads a span of years as one DATE whose value joins its
first and last year with ``/`` (fiscal years as ``FY2023/FY2024``) and whose
day span runs from the first day of the first year to the last day of the
last: never two dates, and never a duration (the 21年 of 2020–21年 counts no
years). The second year may be written short, in the first year's century
(2020–21年) or, after an era year, in that era (令和6～7年度). Rule id of the
pattern, and of what it finds: ``date.year_span``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.pieces import SMALL_NUMBER
from extract.normalize.dates.values import PLAUSIBLE_YEARS, date_match, fiscal_span, number, tail_mod, year_of
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
)
