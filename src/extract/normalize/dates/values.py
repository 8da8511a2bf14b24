"""Date values: reading the shared groups of a match, and building the DateReading of a year, month, day or part.

Every kind of date pattern ends the same way: the numerals of its groups
become numbers, the year it names is checked to be plausible, the words after
it become a mod, and a DateReading is made with its TIMEX3 value and its day span
(first and last day). Those steps live here once, so a 2025年 found by the
calendar pattern and one found inside a quarter pattern get the same value.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable

from extract.normalize.dates.model import DateReading, DateRules
from extract.normalize.numerals import parse_numeral

#: Years a four-digit number may name (company histories start in the 1500s: 1590年創業); others (5000年, 1200年の
#: 歴史) are counts of years.
PLAUSIBLE_YEARS = range(1500, 2200)


def number(text: str | None) -> int | None:
    """The integer a numeral names (11, １１, 十一, 二〇二五), None when it names none."""
    if not text:
        return None
    value = parse_numeral(unicodedata.normalize("NFKC", text))
    return int(value) if value is not None and value == int(value) else None


def _last_day(year: int, month: int) -> datetime.date:
    """The last day of a month."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after (or before, when negative) the given month."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def month_span(year: int, first_month: int, months: int) -> tuple[datetime.date, datetime.date]:
    """The day span of ``months`` months starting with ``first_month`` of ``year``."""
    last_year, last_month = add_months(year, first_month, months - 1)
    return datetime.date(year, first_month, 1), _last_day(last_year, last_month)


def day_span(year: int, month: int, day: int) -> tuple[datetime.date, datetime.date] | None:
    """The span of one day, None when that day does not exist in that year (2月29日 of 2025)."""
    try:
        when = datetime.date(year, month, day)
    except ValueError:
        return None
    return when, when


def days_apart(day: datetime.date, span: tuple[datetime.date, datetime.date]) -> int:
    """How many days lie between a day and the nearest day of a span: 0 inside it."""
    first, last = span
    return max((first - day).days, (day - last).days, 0)


def nearest_year(anchor: datetime.date,
                 span_in: Callable[[int], tuple[datetime.date, datetime.date] | None]) -> int | None:
    """The year a period written without one (第4四半期, 上半期, 3月, 3月14日) is in: of the post's year and
    the years either side, the one whose period (``span_in(year)``) lies nearest the post's date.

    The extraction spec's rule is the period nearest the post's date. Nearest is measured from the
    post's date to the closer end of the period, so the period the post is written in always wins
    (0 days), and a tie goes to the post's year. Tense is not read: in a February post,
    第4四半期は予想を上回った (past, with 予想 in it) and 第4四半期の見通し both name last year's Q4, and
    Q1の見通し this year's Q1. None when the period exists in none of these years.
    """
    distances = [(days_apart(anchor, span), year)
                 for year in (anchor.year, anchor.year - 1, anchor.year + 1)
                 if (span := span_in(year)) is not None]
    if not distances:
        return None
    return min(distances, key=lambda distance_year: distance_year[0])[1]


def fiscal_year_of(day: datetime.date, rules: DateRules) -> int:
    """The fiscal year a day falls in, named by the year it starts in: with fiscal years from
    April (``fiscal_year_start_month``), 2026-02-10 is in FY2025."""
    return day.year if day.month >= rules.fiscal_year_start_month else day.year - 1


def year_of(match: re.Match[str], rules: DateRules) -> int | None:
    """The western year a match names by four digits, a two-digit short form or an era; None if none."""
    groups = match.groupdict()
    if groups.get("era"):
        era_year = 1 if groups["era_year"] in rules.era_first_year else number(groups["era_year"])
        return None if era_year is None else rules.eras[groups["era"]] + era_year - 1
    for name in ("year", "fyear", "short_year"):
        if groups.get(name):
            year = number(groups[name])
            if year is not None and year < 100:
                year += 2000
            return year if year in PLAUSIBLE_YEARS else None
    return None


def tail_mod(match: re.Match[str], rules: DateRules) -> str | None:
    """The mod of the words after a date: a place in the span (末) wins over a bound (まで)."""
    groups = match.groupdict()
    if groups.get("period"):
        return rules.period_mods[groups["period"]]
    if groups.get("bound"):
        return rules.bound_mods[groups["bound"]]
    return None


def date_match(match: re.Match[str], value: str, span: tuple[datetime.date, datetime.date], rule_id: str,
               mod: str | None) -> DateReading:
    """A DATE match over the regex match with its value, mod and day span."""
    return DateReading(match.start(), match.end(), match.group(), "DATE", value, mod, span[0], span[1], rule_id)


def year_date(match: re.Match[str], year: int, rule_id: str, mod: str | None) -> DateReading:
    """A DATE naming a whole year."""
    return date_match(match, f"{year:04d}", (datetime.date(year, 1, 1), datetime.date(year, 12, 31)), rule_id, mod)


def month_date(match: re.Match[str], year: int, month: int | None, rule_id: str,
               mod: str | None) -> DateReading | None:
    """A DATE naming a month, None when the month does not exist (or its numeral names no number)."""
    if month is None or not 1 <= month <= 12:
        return None
    return date_match(match, f"{year:04d}-{month:02d}", month_span(year, month, 1), rule_id, mod)


def day_date(match: re.Match[str], year: int, month: int | None, day: int | None, rule_id: str,
             mod: str | None) -> DateReading | None:
    """A DATE naming a day, None when the day does not exist (or a numeral names no number)."""
    if month is None or day is None:
        return None
    span = day_span(year, month, day)
    if span is None:
        return None
    return date_match(match, span[0].isoformat(), span, rule_id, mod)


def fiscal_span(rules: DateRules, fiscal_year: int) -> tuple[datetime.date, datetime.date]:
    """The day span of a fiscal year: twelve months from ``fiscal_year_start_month`` (April to March)."""
    return month_span(fiscal_year, rules.fiscal_year_start_month, 12)


def fiscal_date(match: re.Match[str], rules: DateRules, fiscal_year: int, rule_id: str, mod: str | None) -> DateReading:
    """A DATE naming a fiscal year: twelve months from ``fiscal_year_start_month`` (April to March)."""
    return date_match(match, f"FY{fiscal_year:04d}", fiscal_span(rules, fiscal_year), rule_id, mod)


def part_span(rules: DateRules, year: int, fiscal: bool, part: str, index: int) -> tuple[datetime.date, datetime.date]:
    """The day span of quarter ``index`` (part "Q") or half ``index`` (part "H") of a calendar or fiscal year."""
    months = 3 if part == "Q" else 6
    first_month = (rules.fiscal_year_start_month if fiscal else 1) + months * (index - 1)
    first_year, first_month = add_months(year, first_month, 0)
    return month_span(first_year, first_month, months)


def part_value(year: int, fiscal: bool, part: str, index: int) -> str:
    """The TIMEX3 value of a quarter or half: 2025-Q1, FY2025-H2."""
    return f"{'FY' if fiscal else ''}{year:04d}-{part}{index}"


def part_date(match: re.Match[str], rules: DateRules, year: int, fiscal: bool, part: str, index: int, rule_id: str,
              mod: str | None) -> DateReading:
    """A DATE naming quarter ``index`` (part "Q") or half ``index`` (part "H") of a calendar or fiscal year."""
    return date_match(match, part_value(year, fiscal, part, index), part_span(rules, year, fiscal, part, index),
                      rule_id, mod)
