"""Not dates: text that only looks like a time expression, and the check that rejects a year used as a count.

``date.not_date`` matches the ``not_dates`` words (前年比, 数年, 30周年): its
candidates yield nothing but, being longer, win over the dates inside them.
``followed_by_not_after`` rejects a year-based match running into a word of
``not_after`` (2年生, 3年目, 10年ぶり: a gap, which duration.py reads), where the number counts years.
"""

from __future__ import annotations

import datetime
import re

from extract.normalize.dates.model import DateReading, DatePattern, DateRules


def _not_date(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading]:
    """Text that only looks like a date (前年比, 数年): it blocks what it contains and yields nothing."""
    return []


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.not_date", lambda p: p.not_dates, _not_date),
)


def followed_by_not_after(text: str, match: DateReading, rules: DateRules) -> bool:
    """Whether a year-based match runs straight into a word that makes it a count (2025年比, 3年目)."""
    return match.surface.endswith("年") and text.startswith(rules.not_after, match.end)
