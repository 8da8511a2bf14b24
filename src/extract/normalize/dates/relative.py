"""Relative dates: years, fiscal years, quarters, days and months named from the post's date (今年, 来期, 前四半期,
本日, 先月), and offsets (3年後).

Each is counted from the post's published date and skipped when the post
has none. Rule ids of the patterns, and of what they find:
``date.relative_year`` (今年, 来年上半期, 今年5月), ``date.relative_fiscal_year``
(来年度, 前期), ``date.relative_quarter`` (前四半期, and 今期 and 来期, which the extraction
spec counts as quarters: calendar quarters, as 第N四半期 written alone), ``date.relative_day`` (本日),
``date.relative_month`` (先月) and ``date.relative_offset`` (3年後, 6カ月後, 2週間後, 30日前); and
``date.narrative_year`` (同年, 翌年), counted from the last year the text stated rather than from the post's date.
"""

from __future__ import annotations

import datetime
import re

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.values import (add_months, date_match, day_date, fiscal_date, fiscal_year_of, month_date,
                                            number, part_date, tail_mod, year_date)


def _relative_year(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """今年, 来年, 昨年末, 来年上半期, 今年5月: a year (or a month of it) counted from the post's date; 年末, 年後半:
    a part of the post's own year."""
    if anchor is None:
        return []
    groups = match.groupdict()
    year = anchor.year + (0 if groups.get("year_alone") else rules.relative_years[match.group("rel_year")])
    mod = rules.year_alone_mods[groups["alone_mod"]] if groups.get("alone_mod") else tail_mod(match, rules)
    if groups.get("day"):
        found = day_date(match, year, number(match.group("month")), number(match.group("day")),
                         "date.relative_year", mod)
        return [found] if found else None
    if groups.get("month"):
        found = month_date(match, year, number(match.group("month")), "date.relative_year", mod)
        return [found] if found else None
    if groups.get("half") or groups.get("year_half"):
        half_word = groups.get("half")
        half = int((rules.half_years[half_word] if half_word else rules.year_halves[match.group("year_half")])[1])
        return [part_date(match, rules, year, False, "H", half, "date.relative_year", None)]
    return [year_date(match, year, "date.relative_year", mod)]


def _narrative_year(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading]:
    """同年, 翌年: a year counted from the last one the text stated, which only the text around it knows; the
    reading holds the count (finding.py gives it its year, or drops it where the text stated none)."""
    offset = rules.narrative_years[match.group("narrative_year")]
    return [DateReading(match.start(), match.end(), match.group(), "DATE", f"{offset:+d}", tail_mod(match, rules),
                        None, None, NARRATIVE_YEAR)]


def _relative_fiscal_year(match: re.Match[str], rules: DateRules,
                          anchor: datetime.date | None) -> list[DateReading] | None:
    """今年度, 来年度, 前期: a fiscal year counted from the fiscal year of the post's date."""
    if anchor is None:
        return []
    fiscal_year = fiscal_year_of(anchor, rules) + rules.relative_fiscal_years[match.group("rel_fiscal")]
    if match.group("half"):
        half = int(rules.half_years[match.group("half")][1])
        return [part_date(match, rules, fiscal_year, True, "H", half, "date.relative_fiscal_year", None)]
    return [fiscal_date(match, rules, fiscal_year, "date.relative_fiscal_year", tail_mod(match, rules))]


def _relative_day(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """本日: a day counted from the post's date."""
    if anchor is None:
        return []
    day = anchor + datetime.timedelta(days=rules.relative_days[match.group("rel_day")])
    found = day_date(match, day.year, day.month, day.day, "date.relative_day", tail_mod(match, rules))
    return [found] if found else None


def _relative_month(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """今月, 先月, 来月: a month counted from the post's date (and a day of it: 今月14日)."""
    if anchor is None:
        return []
    year, month = add_months(anchor.year, anchor.month, rules.relative_months[match.group("rel_month")])
    if match.group("day"):
        day = day_date(match, year, month, number(match.group("day")), "date.relative_month", tail_mod(match, rules))
        return [day] if day else None
    found = month_date(match, year, month, "date.relative_month", tail_mod(match, rules))
    assert found is not None  # add_months gives a month from 1 to 12
    return [found]


def _relative_quarter(match: re.Match[str], rules: DateRules,
                      anchor: datetime.date | None) -> list[DateReading] | None:
    """前四半期, 今期, 来期: a calendar quarter counted from the quarter of the post's date (in a
    post of 2026-02-10, 前四半期 is 2025-Q4)."""
    if anchor is None:
        return []
    first_month_of_post_quarter = (anchor.month - 1) // 3 * 3 + 1
    year, month = add_months(anchor.year, first_month_of_post_quarter,
                             3 * rules.relative_quarters[match.group("rel_quarter")])
    return [part_date(match, rules, year, False, "Q", (month - 1) // 3 + 1, "date.relative_quarter",
                      tail_mod(match, rules))]


def _relative_offset(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """3年後, 20年前, 6カ月後, 2週間後, 30日前: the year, month, week or day that far from the post's date (about
    that far: 10年近く前 and 約1年前 are dates, the cue no part of its value; at least that far, 5年以上前, bounds
    it)."""
    count = number(match.group("n"))
    if count is None or count >= 1000:
        return None
    if anchor is None:
        return []
    sign = rules.relative_directions[match.group("direction")]
    unit = match.group("unit")
    letter = rules.duration_units.get(unit) or rules.offset_units[unit]
    rule_id = "date.relative_offset"
    # 5年以上前, 少なくとも5年前: that year or before it; 10年近く前, 約1年前, 20年ほど前: about that year
    more_than = (match.group("post") and rules.duration_after[match.group("post")] == "MORE_THAN"
                 or match.group("pre") and rules.duration_before[match.group("pre")] == "MORE_THAN")
    mod = ("BEFORE" if sign < 0 else "AFTER") if more_than else None
    if match.group("half_unit") or match.group("half_after"):
        if letter != "Y":
            return None
        letter, count = "M", count * 12 + 6
    if letter == "Y":
        return [year_date(match, anchor.year + sign * count, rule_id, mod)]
    if letter == "M":
        year, month = add_months(anchor.year, anchor.month, sign * count)
        found = month_date(match, year, month, rule_id, mod)
        assert found is not None  # add_months gives a month from 1 to 12
        return [found]
    days = {"W": 7, "D": 1}.get(letter)
    if days is None:
        return None
    when = anchor + datetime.timedelta(days=sign * count * days)
    if letter == "D":
        return [date_match(match, when.isoformat(), (when, when), rule_id, mod)]
    iso_year, week, _ = when.isocalendar()
    monday = datetime.date.fromisocalendar(iso_year, week, 1)
    return [date_match(match, f"{iso_year:04d}-W{week:02d}", (monday, monday + datetime.timedelta(days=6)),
                       rule_id, mod)]


#: The rule id of a year counted from the last one the text stated (同年, 翌年).
NARRATIVE_YEAR = "date.narrative_year"

#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("date.relative_year",
                lambda p: rf"{p.relative_year}(?:{p.half}|{p.year_half}|(?:の?{p.month}(?:{p.day})?)?{p.tail})",
                _relative_year),
    DatePattern("date.relative_year",
                lambda p: rf"{p.year_alone}(?:{p.half}|{p.year_half}|(?:{p.year_alone_mod})?{p.tail})",
                _relative_year),
    DatePattern(NARRATIVE_YEAR, lambda p: rf"{p.narrative_year}{p.tail}", _narrative_year),
    DatePattern("date.relative_fiscal_year", lambda p: rf"{p.relative_fiscal}(?:{p.half}|{p.tail})",
                _relative_fiscal_year),
    DatePattern("date.relative_day", lambda p: rf"{p.relative_day}{p.tail}", _relative_day),
    DatePattern("date.relative_month", lambda p: rf"{p.relative_month}(?:{p.day})?{p.tail}", _relative_month),
    DatePattern("date.relative_quarter", lambda p: rf"{p.relative_quarter}{p.tail}", _relative_quarter),
    DatePattern("date.relative_offset",
                # (a duration's cue may stand before the direction: 10年近く前, 20年ほど前, 30年余り前)
                lambda p: (rf"{p.before_cue}{p.number}(?P<half_unit>{p.half_unit})?(?P<unit>{p.offset_unit})"
                           rf"(?P<half_after>{p.half_unit})?{p.after_cue}{p.direction}"),
                _relative_offset),
)
