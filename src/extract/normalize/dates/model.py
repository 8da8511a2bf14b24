"""Date types: what a found time expression is, what a pattern is, and the compiled rules that hold them.

A pattern (``DatePattern``) is written once, in the module of its kind
(calendar, quarter, ...): the rule id it is known by, how its regex is
assembled from the pieces, and the parser turning a regex match into
``DateReading``s (offsets into the text searched: a parser sees only the
match). Loading the rules compiles each into a ``CompiledPattern`` held by
``DateRules``. ``find_dates`` gives the readings it keeps as ``DateMatch``es,
mentions with body offsets like every other kind.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from extract.models import Mention
from extract.normalize.dates.pieces import Pieces


@dataclass(frozen=True, kw_only=True)
class DateMatch(Mention):
    """One time expression stated in a sentence (body offsets), with its TIMEX3-style value and day span."""

    type: str
    value: str
    mod: str | None
    start_date: datetime.date | None
    end_date: datetime.date | None


@dataclass(frozen=True)
class DateReading:
    """One time expression as a pattern reads it, with offsets into the text searched and its TIMEX3-style value."""

    start: int
    end: int
    surface: str
    type: str
    value: str
    mod: str | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    rule_id: str


@dataclass(frozen=True)
class DateRules:
    """Compiled date cues: the candidate regexes, in the order they are tried, and the word tables."""

    patterns: tuple[CompiledPattern, ...]
    eras: Mapping[str, int]
    relative_years: Mapping[str, int]
    narrative_years: Mapping[str, int]
    relative_fiscal_years: Mapping[str, int]
    relative_days: Mapping[str, int]
    relative_months: Mapping[str, int]
    relative_quarters: Mapping[str, int]
    relative_directions: Mapping[str, int]
    period_mods: Mapping[str, str]
    bound_mods: Mapping[str, str]
    half_years: Mapping[str, str]
    year_halves: Mapping[str, str]
    seasons: Mapping[str, str]
    relative_season_prefixes: Mapping[str, int]
    year_alone_mods: Mapping[str, str]
    english_months: Mapping[str, int]
    duration_units: Mapping[str, str]
    offset_units: Mapping[str, str]
    duration_before: Mapping[str, str]
    duration_after: Mapping[str, str]
    not_after: tuple[str, ...]
    #: Words after a date that make it a comparison base (2024年同期), giving no year to the dates after it.
    comparison_after: tuple[str, ...]
    #: Words for the first year of an era (元 of 令和元年).
    era_first_year: frozenset[str]
    #: The month fiscal years start in (4: April to March).
    fiscal_year_start_month: int
    #: Words after a day written alone that make it one still to come (20日に開く予定).
    day_to_come: tuple[str, ...] = ()
    #: Symbols and words joining the two ends of a range (4～5年, 11月10日～12月22日, 11月10日から12月22日).
    range_joints: tuple[str, ...] = ()


#: A pattern's parser: the matches a regex match yields (with the post's date as anchor, None when
#: unknown), [] when it yields none but still blocks what it overlaps, None when it is no candidate at all.
Parser = Callable[[re.Match[str], DateRules, datetime.date | None], list[DateReading] | None]


@dataclass(frozen=True)
class DatePattern:
    """One kind of candidate: its rule id, its regex assembled from the pieces, and its parser."""

    rule_id: str
    regex: Callable[[Pieces], str]
    parse: Parser


class CompiledPattern(NamedTuple):
    """A DatePattern compiled for one rule set.

    A tuple, not a dataclass: the patterns are part of the key of the match
    cache, hashed on every call, and a tuple hashes in C. It holds no lambda,
    so the rules pickle for the worker processes.
    """

    rule_id: str
    regex: re.Pattern[str]
    parse: Parser
    #: The strings the text around every match holds one of (``literals.required_literals``) as one
    #: alternation: a text without any is not searched. None when they are not known.
    literal_re: re.Pattern[str] | None = None
