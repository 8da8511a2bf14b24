"""Finding: run the compiled patterns over a text, parse their matches, and keep the longest non-overlapping ones.

Every pattern proposes candidates, overlapping freely; the longest span wins,
ties going to the earlier pattern; "not a date" spans (前年比, 数年) win over the
dates inside them. A month written without a year then takes its year from
the date written before it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.normalize.dates.model import CompiledPattern, DateMatch, DateRules
from extract.normalize.dates.not_date import followed_by_not_after
from extract.normalize.dates.values import month_span

#: Rule ids of matches that name a month or day without a year, and of matches that give the year to them.
_YEARLESS_RULES = frozenset({"date.month", "date.month_day"})
_YEAR_GIVING_RULES = frozenset({"date.year", "date.year_month", "date.full_date", "date.relative_year"})
#: Texts whose pattern matches are kept: posts repeat sentences (boilerplate, lists of related
#: posts), and trying every pattern over a text is most of finding dates.
_REMEMBERED_TEXTS = 4096


@dataclass(frozen=True)
class _Candidate:
    """A span a regex proposes and what it yields: matches, or nothing when it only blocks (数年, 前年比)."""

    start: int
    end: int
    matches: tuple[DateMatch, ...]


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _pattern_matches(text: str, patterns: tuple[CompiledPattern, ...]
                     ) -> tuple[tuple[CompiledPattern, re.Match[str]], ...]:
    """Every non-empty match of every pattern with its pattern; a pattern is tried again one
    character after the start of its last match, so its matches may overlap."""
    found = []
    for pattern in patterns:
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
        matches = pattern.parse(match, rules, anchor)
        if matches is None:
            continue
        if matches and followed_by_not_after(text, matches[-1], rules):
            continue
        found.append(_Candidate(match.start(), match.end(), tuple(matches)))
    return found


def _in_year(match: DateMatch, year: int) -> DateMatch:
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


def _with_years_from_context(matches: list[DateMatch]) -> list[DateMatch]:
    """Months written without a year take the year last written before them (2025年7月から8月: 8月 of 2025)."""
    resolved: list[DateMatch] = []
    year = None
    for match in matches:
        if match.rule_id in _YEARLESS_RULES and year is not None:
            match = _in_year(match, year)
        elif match.rule_id in _YEAR_GIVING_RULES:
            assert match.start_date is not None  # these rules make DATEs, which have a day span
            year = match.start_date.year
        resolved.append(match)
    return resolved


def find_dates(text: str, rules: DateRules, anchor: datetime.date | None) -> list[DateMatch]:
    """Every time expression in ``text``, sorted by start and non-overlapping: the longest span wins.

    ``anchor`` is the post's published date; expressions relative to it (今年,
    来期, 3年後, 11月 without a year) are skipped when it is None. Spans that
    are no date (前年比, 数年) win over the shorter dates inside them. A month
    without a year takes the year written last before it, else the post's year.
    """
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    by_length = sorted(_candidates(text, rules, anchor), key=lambda c: (-(c.end - c.start), c.start))
    for candidate in by_length:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        taken.append((candidate.start, candidate.end))
        chosen.append(candidate)
    return _with_years_from_context(sorted((match for candidate in chosen for match in candidate.matches),
                                           key=lambda m: m.start))
