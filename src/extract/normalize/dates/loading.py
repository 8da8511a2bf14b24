"""Loading: compile every date pattern once from the validated ``rules/dates.yaml``, in the order tried.

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
from extract.normalize.dates.season import PATTERNS as SEASON
from extract.normalize.dates.span import PATTERNS as SPAN
from extract.normalize.literals import literals_re, required_literals
from extract.rules.schema import DatesFile, by_word

#: Every pattern, in the order it is tried: the not-date blocks first, durations last; parts of a year before
#: calendar dates, so that 2025年前半 is a half (2025-H1), not the year with a period word (2025, START); seasons
#: likewise (2024年夏 is 2024-SU).
PATTERNS = (*NOT_DATE, *QUARTER, *SEASON, *CALENDAR, *FISCAL, *DECADE, *SPAN, *RELATIVE, *DURATION)


def _compile_patterns(spec: DatesFile, tables: Mapping[str, Mapping[str, Any]]) -> tuple[CompiledPattern, ...]:
    """Every pattern of ``PATTERNS`` compiled with the words of the rule file, in the same order."""
    pieces = build_pieces(tables, spec)
    compiled = []
    for pattern in PATTERNS:
        regex = pattern.regex(pieces)
        compiled.append(CompiledPattern(pattern.rule_id, re.compile(regex), pattern.parse,
                                        literals_re(required_literals(regex))))
    return tuple(compiled)


def compile_date_rules(spec: DatesFile) -> DateRules:
    """Compile the validated cues of ``rules/dates.yaml`` once, so finding dates is a few regex passes per text."""
    # The word tables of DateRules by field name: words to offsets (int) or to codes (str).
    tables: dict[str, Mapping[str, Any]] = {
        "eras": dict(spec.eras),
        "relative_years": dict(spec.relative_years),
        "narrative_years": dict(spec.narrative_years),
        "relative_fiscal_years": dict(spec.relative_fiscal_years),
        "relative_days": dict(spec.relative_days),
        "relative_months": dict(spec.relative_months),
        "relative_quarters": dict(spec.relative_quarters),
        "relative_directions": dict(spec.relative_directions),
        "period_mods": by_word(spec.period_mods),
        "bound_mods": by_word(spec.bound_mods),
        "half_years": by_word(spec.half_years),
        "year_halves": by_word(spec.year_halves),
        "seasons": by_word(spec.seasons),
        "relative_season_prefixes": dict(spec.relative_season_prefixes),
        "year_alone_mods": by_word(spec.year_alone_mods),
        "english_months": dict(spec.english_months),
        "duration_units": dict(spec.duration_units),
        "offset_units": dict(spec.offset_units),
        "duration_before": {word: mod for mod, sides in spec.duration_mods.items() for word in sides.before},
        "duration_after": {word: mod for mod, sides in spec.duration_mods.items() for word in sides.after},
    }
    patterns = _compile_patterns(spec, tables)
    return DateRules(patterns=patterns, not_after=tuple(sorted(spec.not_after, key=len, reverse=True)),
                     comparison_after=tuple(spec.comparison_after), day_to_come=tuple(spec.day_to_come),
                     range_joints=(*spec.range_separators, *spec.range_words),
                     era_first_year=frozenset(spec.era_first_year),
                     fiscal_year_start_month=spec.fiscal_year_start_month, **tables)
