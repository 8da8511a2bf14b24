"""Parts of a year: quarters (2025年第1四半期, Q1 2025, 1-3月期) and halves (2025年上半期, 2025 H1).

A part may be of a calendar or a fiscal year (2025年度第2四半期, FY2025 Q3), and
without a year it is in the post's year (第3四半期). Rule ids of the patterns:
``date.quarter`` (year first, 第N四半期), ``date.quarter_code`` (year first, Q1
or 1Q), ``date.quarter_year_after`` (Q2 2024), ``date.quarter_fiscal_prefix``
(FY2025 Q3), ``date.quarter_months`` (1-3月期), ``date.half`` (上半期, 下期)
and ``date.half_code`` (2025 H1). Rule ids of what they find: ``date.quarter``
and ``date.half``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.pieces import CODE_END
from extract.normalize.dates.values import number, part_date, tail_mod, year_of


def _quarter_index(match: re.Match[str]) -> int:
    """Which quarter (1-4) a quarter match names: 第1, 第一, Q1, １Q."""
    groups = match.groupdict()
    digit = groups.get("q1") or groups.get("q2") or groups.get("q3")
    assert digit is not None  # every quarter pattern has a 第N or a Q code, and so one of these groups
    index = number(digit)
    assert index is not None  # the groups hold one digit, 1 to 4, arabic or kanji
    return index


def _stated_or_post_year(match: re.Match[str], rules: DateRules,
                         anchor: datetime.date | None) -> int | list[DateReading] | None:
    """The year a match states; the post's year when it states none; None when the stated year is
    not a plausible one (1500年), [] when it states none and the post has no date."""
    year = year_of(match, rules)
    if year is not None:
        return year
    groups = match.groupdict()
    if any(groups.get(name) for name in ("year", "era", "short_year", "fyear", "fy")):
        return None
    return anchor.year if anchor is not None else []


def _quarter(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年第1四半期, 2025年Q1, Q1 2025, FY2025 Q3, 2025年度第2四半期; 第3四半期 alone in the post's year."""
    groups = match.groupdict()
    fiscal = bool(groups.get("fy") or groups.get("fyear"))
    year = _stated_or_post_year(match, rules, anchor)
    if not isinstance(year, int):
        return year
    return [part_date(match, rules, year, fiscal, "Q", _quarter_index(match), "date.quarter", tail_mod(match, rules))]


def _quarter_months(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年1-3月期, 4～6月期: a quarter named by its months."""
    first, last = number(match.group("from_month")), number(match.group("to_month"))
    if first is None or last is None or last - first != 2 or first % 3 != 1:
        return None
    year = _stated_or_post_year(match, rules, anchor)
    if not isinstance(year, int):
        return year
    return [part_date(match, rules, year, False, "Q", (first + 2) // 3, "date.quarter", tail_mod(match, rules))]


def _half(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年上半期, 2025年度下期, H1 2025; 上半期 alone in the post's year."""
    groups = match.groupdict()
    half = rules.half_years[groups["half"]] if groups.get("half") else unicodedata.normalize("NFKC", groups["hx"])
    year = _stated_or_post_year(match, rules, anchor)
    if not isinstance(year, int):
        return year
    fiscal = bool(groups.get("fy"))
    return [part_date(match, rules, year, fiscal, "H", int(half[1]), "date.half", tail_mod(match, rules))]


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.quarter",
                lambda p: (rf"(?:(?:{p.year}年?|{p.short_year}年)(?P<fy>{p.fiscal})?{p.sep})?"
                           rf"{p.quarter_ordinal}{p.tail}"),
                _quarter),
    DatePattern("date.quarter_code",
                lambda p: rf"(?:{p.year}年?|{p.short_year}年)(?P<fy>{p.fiscal})?{p.sep}{p.quarter_code}{p.tail}",
                _quarter),
    DatePattern("date.quarter_year_after",
                lambda p: rf"(?:{p.quarter_ordinal}|{p.quarter_code}){p.sep}{p.year}(?!年){p.tail}",
                _quarter),
    DatePattern("date.quarter_fiscal_prefix",
                lambda p: rf"{p.prefixed_fiscal_year}{p.sep}(?:{p.quarter_ordinal}|{p.quarter_code}){p.tail}",
                _quarter),
    DatePattern("date.quarter_months", lambda p: rf"(?:{p.year}年|{p.short_year}年)?{p.month_range}{p.tail}",
                _quarter_months),
    DatePattern("date.half", lambda p: rf"(?:(?:{p.year}年?|{p.short_year}年)(?P<fy>{p.fiscal})?)?{p.half}{p.tail}",
                _half),
    DatePattern("date.half_code",
                lambda p: (rf"{p.year}年?{p.sep}(?<![A-Za-z])(?P<hx>[HＨ][12１２])"
                           rf"{CODE_END}{p.tail}"),
                _half),
)
