"""Fiscal years: 2026年度, 2025会計年度, FY2026, FY26, and fiscal periods named by their last month (2026年3月期,
来年3月期, and a quarter of one: 2026年3月期第2四半期).

A fiscal year runs twelve months from ``fiscal_year_start_month`` of
``rules/dates.yaml`` (April to March) and is named by the year it starts in.
Rule ids of the patterns, and of what they find: ``date.fiscal_year`` and
``date.fiscal_period``.
"""

from __future__ import annotations

import datetime
import re

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.pieces import SMALL_NUMBER
from extract.normalize.dates.values import add_months, date_match, fiscal_date, month_span, number, tail_mod, year_of
from extract.normalize.numerals import DIGIT


def _fiscal_year(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2026年度, 2025会計年度, FY2026, FY26."""
    year = year_of(match, rules)
    if year is None:
        return None
    return [fiscal_date(match, rules, year, "date.fiscal_year", tail_mod(match, rules))]


def _fiscal_period(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2026年3月期: the fiscal year ending that month, named by the year it starts in (FY2025); with a quarter
    after it (2026年3月期第2四半期), that quarter of it (FY2025-Q2). A year relative to the post's date
    (来年3月期) is read against it."""
    relative = match.group("rel_year")
    if relative is not None and anchor is None:
        return None
    year = anchor.year + rules.relative_years[relative] if relative is not None and anchor else year_of(match, rules)
    end_month = number(match.group("end_month"))
    if year is None or end_month is None or not 1 <= end_month <= 12:
        return None
    first_year, first_month = add_months(year, end_month, -11)
    quarter = number(match.group("quarter")) if match.group("quarter") else None
    if quarter is not None and 1 <= quarter <= 4:
        start_year, start_month = add_months(first_year, first_month, 3 * (quarter - 1))
        return [date_match(match, f"FY{first_year:04d}-Q{quarter}", month_span(start_year, start_month, 3),
                           "date.fiscal_period", tail_mod(match, rules))]
    span = month_span(first_year, first_month, 12)
    return [date_match(match, f"FY{first_year:04d}", span, "date.fiscal_period", tail_mod(match, rules))]


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.fiscal_year",
                lambda p: rf"(?:(?:{p.year}|{p.short_year}){p.fiscal}|{p.prefixed_fiscal_year}(?!{DIGIT})){p.tail}",
                _fiscal_year),
    DatePattern("date.fiscal_period",
                lambda p: rf"(?:(?:{p.year}|{p.short_year})年|{p.relative_year})(?P<end_month>{SMALL_NUMBER})月期"
                          rf"(?:第(?P<quarter>[1-4１-４一二三四])四半期)?{p.bound}?",
                _fiscal_period),
)
