"""Loading: validate the ``rules/dates.yaml`` section and compile every date pattern once, in the order tried.

The order of ``PATTERNS`` is part of the behaviour: where two candidates are
equally long and start at the same place, the one of the earlier pattern wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extract.normalize.dates.calendar import PATTERNS as CALENDAR
from extract.normalize.dates.decade import PATTERNS as DECADE
from extract.normalize.dates.duration import PATTERNS as DURATION
from extract.normalize.dates.fiscal import PATTERNS as FISCAL
from extract.normalize.dates.model import CompiledPattern, DateRules
from extract.normalize.dates.not_date import PATTERNS as NOT_DATE
from extract.normalize.dates.pieces import build_pieces
from extract.normalize.dates.quarter import PATTERNS as QUARTER
from extract.normalize.dates.relative import PATTERNS as RELATIVE
from extract.normalize.sections import check_keys, cue_words_by_side, grouped_words, require, word_list

#: Mods a date can carry from the word after it, and a duration from its cue words.
PERIOD_MODS = ("START", "MID", "END")
BOUND_MODS = ("BEFORE", "AFTER")
DURATION_MODS = ("APPROX", "LESS_THAN", "MORE_THAN")
DURATION_UNIT_LETTERS = ("Y", "M", "W", "D", "H")
#: The rule file that error messages name, and its keys read here (source and examples are ignored).
_WHERE = "dates.yaml"
_DATE_KEYS = (
    "eras", "relative_years", "relative_fiscal_years", "relative_months", "relative_directions",
    "period_mods", "bound_mods", "half_years", "fiscal_suffixes", "fiscal_prefixes", "quarter_words",
    "duration_units", "offset_units", "half_unit_words", "duration_mods", "range_separators", "not_dates", "not_after",
    "not_before_year", "fiscal_year_start_month", "era_first_year", "vague_numerals", "not_after_month",
    "not_after_day", "not_after_direction",
)
#: Every pattern, in the order it is tried: the not-date blocks first, durations last.
PATTERNS = (*NOT_DATE, *CALENDAR, *QUARTER, *FISCAL, *DECADE, *RELATIVE, *DURATION)


def _int_table(section: Mapping, key: str) -> dict[str, int]:
    """A ``{word: integer}`` mapping, validated."""
    table = require(section, key, Mapping, _WHERE)
    for word, count in table.items():
        if not (isinstance(word, str) and word) or not isinstance(count, int) or isinstance(count, bool):
            raise ValueError(f"{_WHERE}: '{key}.{word}' must map a word to an integer")
    return dict(table)


def _duration_units(section: Mapping, key: str) -> dict[str, str]:
    """Unit word -> TIMEX3 unit letter, validated."""
    units = require(section, key, Mapping, _WHERE)
    for word, letter in units.items():
        if not (isinstance(word, str) and word) or letter not in DURATION_UNIT_LETTERS:
            raise ValueError(f"{_WHERE}: '{key}.{word}' must be one of {DURATION_UNIT_LETTERS}")
    return dict(units)


def _month(section: Mapping, key: str) -> int:
    """A month number, 1 to 12, validated."""
    month = require(section, key, int, _WHERE)
    if isinstance(month, bool) or not 1 <= month <= 12:
        raise ValueError(f"{_WHERE}: {key!r} must be a month number from 1 to 12, not {month!r}")
    return month


def _characters(section: Mapping, key: str) -> list[str]:
    """A list of single characters (they go into a regex look-behind, which needs a fixed width), validated."""
    characters = word_list(section, key, _WHERE)
    longer = [word for word in characters if len(word) != 1]
    if longer:
        raise ValueError(f"{_WHERE}: {key!r} must list single characters, not {longer[0]!r}")
    return characters


def _compile_patterns(section: Mapping, tables: Mapping[str, Mapping[str, Any]]) -> tuple[CompiledPattern, ...]:
    """Every pattern of ``PATTERNS`` compiled with the words of this section, in the same order."""
    not_before = require(section, "not_before_year", str, _WHERE)
    try:
        re.compile(f"[0-9{not_before}]")
    except re.error as error:
        raise ValueError(f"{_WHERE}: 'not_before_year' is not a regex character-class body: {error}") from None
    pieces = build_pieces(
        tables,
        not_before_year=not_before,
        fiscal_suffixes=word_list(section, "fiscal_suffixes", _WHERE),
        fiscal_prefixes=word_list(section, "fiscal_prefixes", _WHERE),
        quarter_words=word_list(section, "quarter_words", _WHERE),
        half_unit_words=word_list(section, "half_unit_words", _WHERE),
        range_separators=word_list(section, "range_separators", _WHERE),
        not_dates=word_list(section, "not_dates", _WHERE),
        era_first_year=word_list(section, "era_first_year", _WHERE),
        vague_numerals=_characters(section, "vague_numerals"),
        not_after_month=word_list(section, "not_after_month", _WHERE),
        not_after_day=word_list(section, "not_after_day", _WHERE),
        not_after_direction=word_list(section, "not_after_direction", _WHERE),
    )
    return tuple(CompiledPattern(pattern.rule_id, re.compile(pattern.regex(pieces)), pattern.parse)
                 for pattern in PATTERNS)


def load_date_rules(section: Mapping) -> DateRules:
    """Compile the date cues of ``rules/dates.yaml`` once, so finding dates is a few regex passes per text.

    Raises ValueError naming the key when a key is missing, of the wrong type or unknown.
    """
    check_keys(section, _DATE_KEYS, _WHERE)
    directions = _int_table(section, "relative_directions")
    if any(offset not in (1, -1) for offset in directions.values()):
        raise ValueError(f"{_WHERE}: 'relative_directions' values must be 1 or -1")
    duration_before, duration_after = cue_words_by_side(section, "duration_mods", _WHERE, DURATION_MODS)
    # The word tables of DateRules by field name: words to offsets (int) or to codes (str).
    tables: dict[str, Mapping[str, Any]] = {
        "eras": _int_table(section, "eras"),
        "relative_years": _int_table(section, "relative_years"),
        "relative_fiscal_years": _int_table(section, "relative_fiscal_years"),
        "relative_months": _int_table(section, "relative_months"),
        "relative_directions": directions,
        "period_mods": grouped_words(section, "period_mods", _WHERE, PERIOD_MODS),
        "bound_mods": grouped_words(section, "bound_mods", _WHERE, BOUND_MODS),
        "half_years": grouped_words(section, "half_years", _WHERE, ("H1", "H2")),
        "duration_units": _duration_units(section, "duration_units"),
        "offset_units": _duration_units(section, "offset_units"),
        "duration_before": duration_before,
        "duration_after": duration_after,
    }
    not_after = word_list(section, "not_after", _WHERE)
    start_month = _month(section, "fiscal_year_start_month")
    patterns = _compile_patterns(section, tables)
    return DateRules(patterns=patterns, not_after=tuple(sorted(not_after, key=len, reverse=True)),
                     era_first_year=frozenset(word_list(section, "era_first_year", _WHERE)),
                     fiscal_year_start_month=start_month, **tables)
