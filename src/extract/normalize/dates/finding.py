"""Finding: run the compiled patterns over a sentence, parse their matches, and keep the longest non-overlapping ones.

Every pattern proposes candidates, overlapping freely; the longest span wins,
ties going to the earlier pattern (``overlaps.longest_first``); "not a date"
spans (前年比, 数年) win over the dates inside them. A month, quarter or half
written without a year then takes its year from the date written before it
(else it keeps the year nearest the post's date). The patterns read
the sentence's text; the dates kept are given body offsets at the end.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.models import Sentence
from extract.normalize.dates.model import CompiledPattern, DateMatch, DateReading, DateRules
from extract.normalize.dates.not_date import followed_by_not_after
from extract.normalize.dates.pieces import WEEKDAY
from extract.normalize.dates.relative import NARRATIVE_YEAR
from extract.normalize.dates.values import month_span, part_span, part_value
from extract.overlaps import longest_first

#: Rule ids of matches that name a month or day without a year, and a quarter or half without one.
_YEARLESS_DAYS = frozenset({"date.month", "date.month_day"})
_YEARLESS_PARTS = frozenset({"date.yearless_quarter", "date.yearless_half"})
#: Rule ids of matches that state a year for what follows them: calendar years (2025年, 今年, 2025年第3四半期)
#: give it to months, days, quarters and halves; fiscal years (2025年度, 今年度, 2026年3月期, 2025年度上期) only
#: to quarters and halves, which become parts of that fiscal year.
_YEAR_GIVING_RULES = frozenset({"date.year", "date.year_month", "date.full_date", "date.relative_year", NARRATIVE_YEAR,
                                "date.quarter", "date.half", "date.fiscal_year", "date.fiscal_period",
                                "date.relative_fiscal_year"})
#: Brackets around a year that qualifies the period before it (（FY2025）).
_OPENING_PARENTHESES = "(（"
_CLOSING_PARENTHESES = ")）"
#: A year's gloss in brackets between it and its month (1953年（昭和28年）6月, 1673年（延宝元年）6月).
_YEAR_GLOSS_RE = re.compile(r"[（(][^（）()]{1,10}年[）)]")
#: A weekday in brackets opening the text between two dates (（月曜日）から).
_WEEKDAY_RE = re.compile(WEEKDAY)
#: Texts whose pattern matches are kept: posts repeat sentences (boilerplate, lists of related
#: posts), and trying every pattern over a text is most of finding dates.
_REMEMBERED_TEXTS = 4096


@dataclass(frozen=True)
class _Candidate:
    """A span a regex proposes and what it yields: readings, or nothing when it only blocks (数年, 前年比)."""

    start: int
    end: int
    readings: tuple[DateReading, ...]


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _pattern_matches(text: str, patterns: tuple[CompiledPattern, ...]
                     ) -> tuple[tuple[CompiledPattern, re.Match[str]], ...]:
    """Every non-empty match of every pattern with its pattern; a pattern is tried again one
    character after the start of its last match, so its matches may overlap. A pattern whose fixed strings the
    text lacks is not tried."""
    found = []
    for pattern in patterns:
        if pattern.literal_re is not None and pattern.literal_re.search(text) is None:
            continue
        position = 0
        while (match := pattern.regex.search(text, position)) is not None:
            position = match.start() + 1
            if match.end() != match.start():
                found.append((pattern, match))
    return tuple(found)


def _candidates(text: str, rules: DateRules, anchor: datetime.date | None) -> list[_Candidate]:
    """Every span some rule reads as a time expression (or as no date at all), overlapping freely."""
    found: list[_Candidate] = []
    for pattern, match in _pattern_matches(text, rules.patterns):
        readings = pattern.parse(match, rules, anchor)
        if readings is None:
            continue
        if readings and followed_by_not_after(text, readings[-1], rules):
            continue
        found.append(_Candidate(match.start(), match.end(), tuple(readings)))
    return found


def _in_year(match: DateReading, year: int) -> DateReading:
    """A month (or month and day) written without a year, moved into ``year``; unchanged if that day does not exist."""
    assert match.start_date is not None  # month and month-day rules make DATEs, which have a day span
    month, day = match.start_date.month, match.start_date.day
    if match.start_date == match.end_date:
        try:
            when = datetime.date(year, month, day)
        except ValueError:
            return match
        return replace(match, value=when.isoformat(), start_date=when, end_date=when)
    first, last = month_span(year, month, 1)
    return replace(match, value=f"{year:04d}-{month:02d}", start_date=first, end_date=last)


def _part_in_year(match: DateReading, year: int, fiscal: bool, rules: DateRules) -> DateReading:
    """A quarter or half written without a year, made that part of ``year`` (a fiscal year when ``fiscal``)."""
    part = match.value.rsplit("-", 1)[1]  # Q4 of 2025-Q4, H1 of 2025-H1
    first, last = part_span(rules, year, fiscal, part[0], int(part[1]))
    return replace(match, value=part_value(year, fiscal, part[0], int(part[1])), start_date=first, end_date=last)


def _stated_year(match: DateReading, text: str, rules: DateRules) -> tuple[int, bool] | None:
    """The year a match states for what follows it, and whether it is a fiscal year; None if it gives none,
    as a comparison base does (2024年同期)."""
    if match.rule_id not in _YEAR_GIVING_RULES or text.startswith(rules.comparison_after, match.end):
        return None
    if match.value.startswith("FY"):
        return int(match.value[2:6]), True
    return int(match.value[:4]), False


def _year_in_parentheses_after(later: list[DateReading], text: str, rules: DateRules) -> tuple[int, bool] | None:
    """The year of the first year-stating date after a part of a year when it is written in parentheses,
    as a period is qualified in business prose (Q3売上570億ドル（FY2025）, 第2四半期（2026会計年度））."""
    stated = next(((match, year) for match in later if (year := _stated_year(match, text, rules)) is not None), None)
    if stated is None:
        return None
    match, year = stated
    opened = match.start > 0 and text[match.start - 1] in _OPENING_PARENTHESES
    closed = text[match.end:match.end + 1] in _CLOSING_PARENTHESES
    return year if opened and closed else None


def _narrative_year_in(match: DateReading, year: int) -> DateReading:
    """A year counted from ``year`` (同年, 翌年: the match holds the count), made that whole year."""
    stated = year + int(match.value)
    return replace(match, value=f"{stated:04d}", start_date=datetime.date(stated, 1, 1),
                   end_date=datetime.date(stated, 12, 31))


def _with_years_from_context(matches: list[DateReading], text: str, rules: DateRules,
                             narrative_year: int | None) -> list[DateReading]:
    """Dates written without a year take the year last written before them (2025年7月から8月: 8月 of 2025;
    2025年第3四半期と第4四半期: Q4 of 2025): a month or day the last calendar year, a quarter or half the
    last calendar or fiscal year (2025年度の第2四半期: FY2025-Q2). A quarter or half with no year before it
    takes the year that qualifies it in parentheses after it (第2四半期（2026会計年度）: FY2026-Q2). A comparison
    base (2024年同期) gives no year. A year right before a month, or with its gloss in brackets between, is one
    date with it (同年10月, 1953年（昭和28年）6月: 1953-06). A year counted from the one the text stated last
    (同年, 翌年) counts from the sentence's, else from ``narrative_year`` (the text's before the sentence), else
    is no date."""
    resolved: list[DateReading] = []
    calendar_year: int | None = None
    part_year: tuple[int, bool] | None = None
    for index, match in enumerate(matches):
        if match.rule_id == NARRATIVE_YEAR:
            base = calendar_year if calendar_year is not None else narrative_year
            if base is None:
                continue
            match = _narrative_year_in(match, base)
        if match.rule_id in _YEARLESS_DAYS and calendar_year is not None:
            match = _in_year(match, calendar_year)
            glossed = next((i for i in range(len(resolved) - 1, -1, -1)
                            if resolved[i].rule_id in ("date.year", NARRATIVE_YEAR)
                            and (resolved[i].end == match.start and resolved[i].mod is None
                                 or _YEAR_GLOSS_RE.fullmatch(text, resolved[i].end, match.start))), None)
            if glossed is not None:
                # 同年10月, 1953年（昭和28年）6月: one date, the month of the year written (and glossed) before it
                match = replace(match, start=resolved[glossed].start, surface=text[resolved[glossed].start:match.end])
                del resolved[glossed:]
        elif match.rule_id in _YEARLESS_PARTS and (
                (given := part_year or _year_in_parentheses_after(matches[index + 1:], text, rules)) is not None):
            match = _part_in_year(match, *given, rules)
        elif (stated := _stated_year(match, text, rules)) is not None:
            part_year = stated
            calendar_year = calendar_year if stated[1] else stated[0]
        resolved.append(match)
    return resolved


def _ends_of_periods_unbounded(readings: list[DateReading], text: str, rules: DateRules) -> list[DateReading]:
    """The readings, where the second of two names the end of a period the first starts (2022年11月10日から
    2022年12月22日まで, 4月1日～6月30日まで) without the bound it alone would carry: its まで says where the period
    runs, not that the date bounds something."""
    result = list(readings)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        weekday = _WEEKDAY_RE.match(text, first.end)
        between = text[weekday.end() if weekday else first.end:second.start].strip()
        if second.mod == "BEFORE" and first.mod is None and between in rules.range_joints:
            result[index + 1] = replace(second, mod=None)
    return result


def last_stated_year(dates: list[DateMatch]) -> int | None:
    """The calendar year of the last date that states one (2013年10月: 2013; not FY2025, a duration or a span),
    which a later 同年 or 翌年 counts from; None if none does."""
    stated = [int(date.value[:4]) for date in dates
              if date.type == "DATE" and len(date.value) >= 4 and date.value[:4].isdigit()
              and date.value[4:5] in ("", "-")]
    return stated[-1] if stated else None


def find_dates(sentence: Sentence, rules: DateRules, anchor: datetime.date | None,
               narrative_year: int | None = None) -> list[DateMatch]:
    """Every time expression in a sentence, sorted by start and non-overlapping, with body offsets.

    The longest candidate span wins, ties going to the earlier pattern
    (``overlaps.longest_first``). ``anchor`` is the post's published date;
    expressions relative to it (今年, 来期, 3年後, 11月 without a year) are
    skipped when it is None. Spans that are no date (前年比, 数年) win over
    the shorter dates inside them. A month, quarter or half without a year
    takes the year written last before it, else the year that puts it
    nearest the post's date. ``narrative_year`` is the year the text stated
    last before the sentence (``last_stated_year``), which 同年 and 翌年
    count from.
    """
    chosen = longest_first(_candidates(sentence.text, rules, anchor))
    readings = _with_years_from_context(sorted((reading for candidate in chosen for reading in candidate.readings),
                                               key=lambda reading: reading.start), sentence.text, rules,
                                        narrative_year)
    readings = _ends_of_periods_unbounded(readings, sentence.text, rules)
    return [DateMatch(sentence_id=sentence.sentence_id, start=sentence.start + reading.start,
                      end=sentence.start + reading.end, surface=reading.surface, rule_id=reading.rule_id,
                      type=reading.type, value=reading.value, mod=reading.mod, start_date=reading.start_date,
                      end_date=reading.end_date)
            for reading in readings]
