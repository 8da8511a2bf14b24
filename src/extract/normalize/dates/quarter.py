"""Parts of a year: quarters (2025年第1四半期, Q1 2025, 1-3月期) and halves (2025年上半期, 2025 H1).

A part may be of a calendar or a fiscal year (2025年度第2四半期, FY2025 Q3,
Q3 FY2026). Written without a year (第3四半期, Q1の, 上半期), it is the one
nearest the post's date (``values.nearest_year``), unless a year written
before it in the sentence gives it one (``finding``). Rule ids of the
patterns: ``date.quarter`` (year first, 第N四半期), ``date.quarter_code``
(year first, Q1 or 1Q), ``date.quarter_year_after`` (Q2 2024, Q3 FY2026),
``date.quarter_fiscal_prefix`` (FY2025 Q3), ``date.quarter_code_alone`` (Q1
without a year, not as a list label: Q1. / Q1:), ``date.quarter_months``
(1-3月期), ``date.half`` (上半期, 下期), ``date.year_half`` (2025年前半), ``date.half_code`` (2025 H1),
``date.half_code_year_after`` (H1 2025), ``date.half_code_alone`` (H2に開設 in the half nearest the post's date;
H1 alone otherwise is a heading level, never a half). Rule
ids of what they find: ``date.quarter`` and ``date.half`` where a year is
written, ``date.yearless_quarter`` and ``date.yearless_half`` where none is.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.pieces import CODE_END, Pieces
from extract.normalize.dates.values import nearest_year, number, part_date, part_span, tail_mod, year_of
from extract.normalize.numerals import DIGIT


def _quarter_index(match: re.Match[str]) -> int:
    """Which quarter (1-4) a quarter match names: 第1, 第一, Q1, １Q."""
    groups = match.groupdict()
    digit = groups.get("q1") or groups.get("q2") or groups.get("q3")
    assert digit is not None  # every quarter pattern has a 第N or a Q code, and so one of these groups
    index = number(digit)
    assert index is not None  # the groups hold one digit, 1 to 4, arabic or kanji
    return index


def _stated_or_nearest_year(match: re.Match[str], rules: DateRules, anchor: datetime.date | None, part: str,
                            index: int) -> tuple[int, str] | list[DateReading] | None:
    """The year a part of a year is in, with the rule id of what is found: the year the match states
    (``date.quarter`` / ``date.half``), else the year putting the part nearest the post's date
    (``date.yearless_quarter`` / ``date.yearless_half``, see ``values.nearest_year``). None when the
    stated year is not a plausible one (1500年), [] when none is stated and the post has no date."""
    kind = "quarter" if part == "Q" else "half"
    year = year_of(match, rules)
    if year is not None:
        return year, f"date.{kind}"
    groups = match.groupdict()
    if any(groups.get(name) for name in ("year", "era", "short_year", "fyear", "fy")):
        return None
    if anchor is None:
        return []
    nearest = nearest_year(anchor, lambda candidate: part_span(rules, candidate, False, part, index))
    assert nearest is not None  # every year has its quarters and halves
    return nearest, f"date.yearless_{kind}"


def _part(match: re.Match[str], rules: DateRules, anchor: datetime.date | None, fiscal: bool, part: str,
          index: int) -> list[DateReading] | None:
    """Quarter or half ``index`` of the year the match states, or of the year nearest the post's date."""
    found = _stated_or_nearest_year(match, rules, anchor, part, index)
    if not isinstance(found, tuple):
        return found
    year, rule_id = found
    return [part_date(match, rules, year, fiscal, part, index, rule_id, tail_mod(match, rules))]


def _quarter(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年第1四半期, 2025年Q1, Q1 2025, FY2025 Q3, 2025年度第2四半期; 第3四半期 or Q1 alone in the year
    nearest the post's date."""
    groups = match.groupdict()
    fiscal = bool(groups.get("fy") or groups.get("fyear"))
    return _part(match, rules, anchor, fiscal, "Q", _quarter_index(match))


def _quarter_months(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年1-3月期, 4～6月期: a quarter named by its months; 1～6月期 and 7～12月期 a half of the year, 4～9月期 and
    10～3月期 a half of the fiscal year (its first six months from fiscal_year_start_month, and its last: 2022年4～9月期
    is FY2022-H1, as Japanese results name the half)."""
    first, last = number(match.group("from_month")), number(match.group("to_month"))
    if first is None or last is None:
        return None
    if last - first == 2 and first % 3 == 1:
        return _part(match, rules, anchor, False, "Q", (first + 2) // 3)
    if last - first == _HALF_MONTHS - 1 and first in (1, 1 + _HALF_MONTHS):
        return _part(match, rules, anchor, False, "H", 1 if first == 1 else 2)
    fiscal_first = rules.fiscal_year_start_month
    fiscal_second = (fiscal_first + _HALF_MONTHS - 1) % 12 + 1
    if (last - first) % 12 == _HALF_MONTHS - 1 and first in (fiscal_first, fiscal_second):
        return _part(match, rules, anchor, True, "H", 1 if first == fiscal_first else 2)
    return None


#: Months in a half year.
_HALF_MONTHS = 6


def _half(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """2025年上半期, 2025年度下期, H1 2025; 上半期 alone in the year nearest the post's date."""
    groups = match.groupdict()
    if groups.get("half"):
        half = rules.half_years[groups["half"]]
    elif groups.get("year_half"):
        half = rules.year_halves[groups["year_half"]]
    else:
        half = unicodedata.normalize("NFKC", groups["hx"])
    return _part(match, rules, anchor, bool(groups.get("fy")), "H", int(half[1]))


def _year_of_part(p: Pieces) -> str:
    """The year written before a quarter or half: 2025年, 2025, 25年, 令和7年, or a fiscal year (2025年度,
    2025会計年度, 25年度; group fy)."""
    return rf"(?:{p.year}|{p.short_year}(?=年))年?(?P<fy>{p.fiscal})?"


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.quarter",
                lambda p: rf"(?:{_year_of_part(p)}{p.sep})?{p.quarter_ordinal}{p.tail}",
                _quarter),
    DatePattern("date.quarter_code",
                lambda p: rf"{_year_of_part(p)}{p.sep}{p.quarter_code}{p.tail}",
                _quarter),
    DatePattern("date.quarter_year_after",
                lambda p: (rf"(?:{p.quarter_ordinal}|{p.quarter_code}){p.sep}"
                           rf"(?:{p.year}(?!年)|{p.prefixed_fiscal_year}(?!{DIGIT})){p.tail}"),
                _quarter),
    DatePattern("date.quarter_fiscal_prefix",
                lambda p: rf"{p.prefixed_fiscal_year}{p.sep}(?:{p.quarter_ordinal}|{p.quarter_code}){p.tail}",
                _quarter),
    DatePattern("date.quarter_code_alone",
                lambda p: rf"{p.quarter_code}(?!{p.not_after_quarter_code}){p.tail}",
                _quarter),
    DatePattern("date.quarter_months", lambda p: rf"(?:{p.year}年|{p.short_year}年)?{p.month_range}{p.tail}",
                _quarter_months),
    DatePattern("date.half", lambda p: rf"(?:{_year_of_part(p)})?{p.half}{p.tail}", _half),
    DatePattern("date.year_half", lambda p: rf"(?:{p.year}|{p.short_year})年{p.year_half}{p.tail}", _half),
    DatePattern("date.half_code",
                lambda p: (rf"{p.year}年?{p.sep}(?<![A-Za-z])(?P<hx>[HＨ][12１２])"
                           rf"{CODE_END}{p.tail}"),
                _half),
    DatePattern("date.half_code_year_after",
                lambda p: rf"(?<![A-Za-z])(?P<hx>[HＨ][12１２]){p.sep}{p.year}(?!年){p.tail}",
                _half),
    DatePattern("date.half_code_alone",
                lambda p: rf"(?<![A-Za-z0-9<>/#「『])(?P<hx>[HＨ][12１２])(?={p.half_code_alone_before})",
                _half),
)
