"""Seasons: a season of a year (2024年夏, 2024年の夏), of a year named from the post's date (来年の春, 今年夏) or
named from the post's date itself (今秋, 昨冬, 来春, この夏).

The extraction spec does not name seasons; TIMEX3 writes them as a year and a season code (2024-SU), and
so do we. Rule ids: ``date.season`` (a year's) and ``date.relative_season`` (counted from the post's date,
skipped when the post has none). A season's day span: spring March to May, summer June to August, autumn
September to November, winter December to February of the next year.
"""

from __future__ import annotations

import datetime
import re

from extract.normalize.dates.model import DatePattern, DateReading, DateRules
from extract.normalize.dates.values import date_match, month_span, tail_mod, year_of

#: The first month of each season and how many months it lasts.
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_LENGTH = 3


def _season_date(match: re.Match[str], rules: DateRules, year: int, rule_id: str) -> DateReading:
    """The DATE of the season the match names in ``year``."""
    code = rules.seasons[match.group("season")]
    return date_match(match, f"{year:04d}-{code}", month_span(year, _SEASON_MONTHS[code], _SEASON_LENGTH), rule_id,
                      tail_mod(match, rules))


def _season(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2024年夏, 2024年の夏: a season of the year written."""
    year = year_of(match, rules)
    return None if year is None else [_season_date(match, rules, year, "date.season")]


def _relative_season(match: re.Match[str], rules: DateRules,
                     anchor: datetime.date | None) -> list[DateReading] | None:
    """来年の春, 今秋, 昨冬: a season of a year counted from the post's date."""
    if anchor is None:
        return []
    groups = match.groupdict()
    offset = (rules.relative_years[groups["rel_year"]] if groups.get("rel_year")
              else rules.relative_season_prefixes[groups["rel_season"]])
    return [_season_date(match, rules, anchor.year + offset, "date.relative_season")]


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.season", lambda p: rf"{p.year}年の?{p.season}{p.tail}", _season),
    DatePattern("date.relative_season", lambda p: rf"{p.relative_year}の?{p.season}{p.tail}", _relative_season),
    DatePattern("date.relative_season", lambda p: rf"{p.relative_season}{p.season}{p.tail}", _relative_season),
)
