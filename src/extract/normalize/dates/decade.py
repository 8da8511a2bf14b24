"""Decades: 2020年代, 1990年代, and the two-digit 90年代, valued TIMEX3-style by their first three digits (202).

Rule id of the pattern, and of what it finds: ``date.decade``. A kind of its
own, not a calendar date, because decades are tried after the fiscal patterns
and before the relative ones (the order patterns are tried in decides ties).
"""

from __future__ import annotations

import datetime
import re

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.values import PLAUSIBLE_YEARS, date_match, number, tail_mod
from extract.normalize.numerals import DIGIT


#: Years after a post's own within which a two-digit decade is of its century, the one plans are made for (a
#: 2025 post's 30年代 is the 2030s); a later one is of the century before (its 50年代 is the 1950s).
_DECADE_AHEAD = 12


def _decade(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2020年代 -> 202 (TIMEX3 decade); 90年代 -> 199, 20年代 -> 202, and 30年代 the 2030s in a post written
    at most twelve years before them (in an older one, or one without a date, the 1930s)."""
    decade = number(match.group("decade"))
    assert decade is not None  # the group is digits only
    if decade < 100:
        latest = anchor.year + _DECADE_AHEAD if anchor is not None else 2029
        decade += 2000 if 2000 + decade <= latest else 1900
    if decade not in PLAUSIBLE_YEARS:
        return None
    span = (datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31))
    return [date_match(match, str(decade // 10), span, "date.decade", tail_mod(match, rules))]


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.decade", lambda p: rf"(?:{p.year_start}(?P<decade>{DIGIT}{{3}}0|{DIGIT}0))年代{p.tail}",
                _decade),
)
