"""Calendar dates: years, months and days (2025年, 2025年11月30日, 令和7年, 2025/11/30, 11月).

Rule ids of the patterns: ``date.full_numeric`` (2025/11/30),
``date.calendar`` (a four-digit or era year, with month and day if written),
``date.short_year_month`` (25年11月), ``date.short_year`` (24年に, 25年、), ``date.english`` (March 2026,
Sept. 15, 2025),
``date.month_day`` (11月, 11月30日 in the year nearest the post's date), ``date.numeric_month_day``
(10/3（金）, a digest line's - 10/3 日経：, likewise), ``date.day`` (a news dateline's 9日、 in the
month nearest the post's date). Rule ids of what they find: ``date.full_date``,
``date.year_month``, ``date.year``, ``date.month``, ``date.month_day``, ``date.day``.
"""

from __future__ import annotations

import datetime
import re

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.pieces import WEEKDAY
from extract.normalize.dates.values import (day_date, day_span, month_date, month_span, nearest_year, number, tail_mod,
                                            year_date, year_of)
from extract.normalize.numerals import DIGIT

#: How many years after the post's date a two-digit year alone may name (30年までに in a post of 2026: 2030).
_SHORT_YEAR_AHEAD = 10


def _full_numeric(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025/11/30, 2025-11-30, 2025.11.30."""
    year = year_of(match, rules)
    if year is None:
        return None
    found = day_date(match, year, number(match.group("month")), number(match.group("day")), "date.full_date", None)
    return [found] if found else None


def _calendar(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年, 2025年11月, 2025年11月30日, 令和7年, and the same with 末 / まで after them."""
    year = year_of(match, rules)
    if year is None:
        return None
    mod = tail_mod(match, rules)
    if match.group("day"):
        found = day_date(match, year, number(match.group("month")), number(match.group("day")),
                         "date.full_date", mod)
    elif match.group("month"):
        found = month_date(match, year, number(match.group("month")), "date.year_month", mod)
    else:
        found = year_date(match, year, "date.year", mod)
    return [found] if found else None


def _short_year(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """24年 alone, as news writes a year of its own century (24年に買収した): only up to ten years after the
    post's date (so a span such as 50年に is none), and only where the post's date is known."""
    year = year_of(match, rules)
    if anchor is None or year is None or year > anchor.year + _SHORT_YEAR_AHEAD:
        return None
    found = year_date(match, year, "date.year", tail_mod(match, rules))
    return [found] if found else None


def _english_date(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """March 2026, Sept. 15, 2025: a date written the English way."""
    year, month = number(match.group("year")), rules.english_months[match.group("en_month")]
    if year is None:
        return None
    if match.group("day"):
        found = day_date(match, year, month, number(match.group("day")), "date.full_date", None)
    else:
        found = month_date(match, year, month, "date.year_month", None)
    return [found] if found else None


def _month_day(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """11月 or 11月30日 without a year: in the year putting it nearest the post's date (in a post of
    2026-02-10, 12月 is 2025-12), skipped without a post date. A year written before it in the
    sentence gives it that year instead (``finding``)."""
    if anchor is None:
        return []
    month = number(match.group("month"))
    if month is None or not 1 <= month <= 12:
        return None
    mod = tail_mod(match, rules)
    if match.group("day"):
        day = number(match.group("day"))
        year = nearest_year(anchor, lambda candidate: day_span(candidate, month, day)) if day is not None else None
        found = day_date(match, year, month, day, "date.month_day", mod) if year is not None else None
    else:
        year = nearest_year(anchor, lambda candidate: month_span(candidate, month, 1))
        assert year is not None  # every year has its twelve months
        found = month_date(match, year, month, "date.month", mod)
    return [found] if found else None


def _day(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """9日 written without its month, as a news dateline does (A社は9日、…と発表した), or bounding a deadline
    (15日までに): the last such day on or before the post's date, as news reports what was done (a post of
    2026-03-02 puts 28日 in February, one of 2026-01-31 puts 2日 in January); where the sentence says it is
    still to come (20日に開く予定: dates.yaml's day_to_come), the day of the post's month, or of the month
    before or after, nearest the post's date. Skipped without a post date."""
    day = number(match.group("day"))
    if anchor is None or day is None or not 1 <= day <= 31:
        return [] if anchor is None else None
    months = [(anchor.year + (anchor.month + shift - 1) // 12, (anchor.month + shift - 1) % 12 + 1)
              for shift in (0, -1, 1)]
    days = [span[0] for year, month in months if (span := day_span(year, month, day)) is not None]
    if not days:
        return None
    to_come = any(word in match.string[match.end():] for word in rules.day_to_come)
    past = [candidate for candidate in days if candidate <= anchor]
    when = (max(past) if past and not to_come
            else min(days, key=lambda candidate: abs((candidate - anchor).days)))
    found = day_date(match, when.year, when.month, when.day, "date.day", tail_mod(match, rules))
    return [found] if found else None


#: A weekday in brackets after a date (10/3（金）), and what may open a digest line or table cell before one
#: (- 10/3 日経：…, | 10/3 |) and follow it there.
_WEEKDAY_AFTER_RE = re.compile(WEEKDAY)
_LINE_OPENING_RE = re.compile(r"[\s\-*+|｜#>・■◆●]*")
_CELL_END_RE = re.compile(r"[ 　|｜:：、]")


def _numeric_month_day(match: re.Match[str], rules: DateRules,
                       anchor: datetime.date | None) -> list[DateReading] | None:
    """10/3 written as a date: with its weekday after it (10/3（金）), or opening a digest line or table cell
    (- 10/3 日経：…, | 10/3 |); elsewhere M/D may be a fraction, a ratio or a score, and is none."""
    text = match.string
    weekday = _WEEKDAY_AFTER_RE.match(text, match.end()) is not None
    opening = (_LINE_OPENING_RE.fullmatch(text, 0, match.start()) is not None
               and _CELL_END_RE.match(text, match.end()) is not None)
    return _month_day(match, rules, anchor) if weekday or opening else None


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.full_numeric",
                lambda p: (rf"{p.year_start}(?P<year>{DIGIT}{{4}})(?P<sep>[/／\-.．])(?P<month>{DIGIT}{{1,2}})"
                           rf"(?P=sep)(?P<day>{DIGIT}{{1,2}})(?!{DIGIT})"),
                _full_numeric),
    DatePattern("date.calendar", lambda p: rf"{p.year}年(?:{p.month}(?:{p.day})?)?{p.tail}", _calendar),
    DatePattern("date.english", lambda p: p.english_date, _english_date),
    DatePattern("date.short_year_month", lambda p: rf"{p.short_year}年{p.month}(?:{p.day})?{p.tail}", _calendar),
    DatePattern("date.short_year", lambda p: p.short_year_alone, _short_year),
    DatePattern("date.month_day",
                lambda p: rf"{p.no_number_before}{p.month_not_range_end}{p.month}(?:{p.day})?{p.tail}", _month_day),
    DatePattern("date.day", lambda p: p.day_alone, _day),
    DatePattern("date.numeric_month_day",
                lambda p: (rf"(?<!{DIGIT})(?<![/／.])(?P<month>1[0-2]|0?[1-9])[/／](?P<day>3[01]|[12]{DIGIT}|0?[1-9])"
                           rf"(?!{DIGIT})(?![/／.])"),
                _numeric_month_day),
)
