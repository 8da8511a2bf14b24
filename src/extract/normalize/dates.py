"""Dates: find time expressions in Japanese text and normalize them TIMEX3-style.

Posts state calendar dates (2025年11月30日, 2025/11/30, 令和7年), periods
(2025年第1四半期, 2025年上半期, 2026年度, FY2025, 1990年代), dates relative to
the post (今年, 来期, 3年後) and durations (7年間, 3カ月, 4～5年, 約10年,
20年以上). The dates table needs each as (type, value, mod) plus the day span
of a DATE, per the extraction spec. A few regexes, compiled once from
``rules/dates.yaml``, propose candidates; the longest wins where they overlap,
and "not a date" cues (前年比, 数年, 30周年) win over what they contain.

Shape of ``rules/dates.yaml`` (besides ``source:`` and ``examples:``):

    eras:                  {era name: western year of its first year}        令和7年 -> 2025
    relative_years:        {word: offset in years}                           来年 -> +1
    relative_fiscal_years: {word: offset in fiscal years}                    来期 -> +1
    relative_months:       {word: offset in months}                          先月 -> -1
    relative_directions:   {word after "N unit": +1 or -1}                   3年後, 20年前
    period_mods:           {START|MID|END: [words after a date]}             2026年末 -> END
    bound_mods:            {BEFORE|AFTER: [words after a date]}              2030年まで -> BEFORE
    half_years:            {H1|H2: [words]}                                  上半期 -> H1
    fiscal_suffixes:       [words after a year]                              2026年度 -> FY2026
    fiscal_prefixes:       [words before a year]                             FY2026
    quarter_words:         [word after 第N]                                  第1四半期
    duration_units:        {unit word: Y|M|W|D|H}                            7年間 -> P7Y
    offset_units:          {unit word counted only before a direction word}  10日後
    half_unit_words:       [word adding half a unit]                         1年半 -> P18M
    duration_mods:         {APPROX|LESS_THAN|MORE_THAN: {before: [...], after: [...]}}
    range_separators:      [symbols joining two numbers of one duration]     4～5年
    not_dates:             [text that is never a date, skipped whole]        前年比, 数年
    not_after:             [words after number+年 that make it no date]      2年生, 3年目, 10年ぶり
    not_before_year:       regex character-class body of characters that may not precede a year
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from extract.normalize.numerals import parse_numeral
from extract.normalize.sections import (check_keys, cue_words_by_side, grouped_words, require, word_alternation,
                                        word_list)

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
    "not_before_year",
)

_DIGITS = "[0-9０-９]"
_KANJI_DIGITS = "〇一二三四五六七八九"
#: A numeral small enough to be a month, a day or a count: 11, １１, 十一, 三.
_SMALL_NUMBER = rf"(?:{_DIGITS}{{1,3}}|[{_KANJI_DIGITS}十百]{{1,4}})"
#: Nothing that is part of a number may come right before a number we read.
_NO_NUMBER_BEFORE = rf"(?<![0-9０-９.．,，{_KANJI_DIGITS}十百千万億兆数何幾])"
#: Years a four-digit number may name; others (5000年) are counts of years.
_PLAUSIBLE_YEARS = range(1800, 2200)
#: Rules whose matches name a month or day without a year, and rules whose matches give the year to them.
_YEARLESS_RULES = frozenset({"date.month", "date.month_day"})
_YEAR_GIVING_RULES = frozenset({"date.year", "date.year_month", "date.full_date", "date.relative_year"})
#: First month of the fiscal year the spec assumes when a company's own calendar is unknown.
_FISCAL_START_MONTH = 4


@dataclass(frozen=True)
class DateRules:
    """Compiled date cues: the candidate regexes, in the order they are tried, and the word tables."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    eras: Mapping[str, int]
    relative_years: Mapping[str, int]
    relative_fiscal_years: Mapping[str, int]
    relative_months: Mapping[str, int]
    relative_directions: Mapping[str, int]
    period_mods: Mapping[str, str]
    bound_mods: Mapping[str, str]
    half_years: Mapping[str, str]
    duration_units: Mapping[str, str]
    offset_units: Mapping[str, str]
    duration_before: Mapping[str, str]
    duration_after: Mapping[str, str]
    not_after: tuple[str, ...]


@dataclass(frozen=True)
class DateMatch:
    """One time expression found in a text, with offsets into that text and its TIMEX3-style value."""

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
class _Candidate:
    """A span a regex proposes and what it yields: matches, or nothing when it only blocks (数年, 前年比)."""

    start: int
    end: int
    matches: tuple[DateMatch, ...]


# ---------------------------------------------------------------- loading


def _int_table(section: Mapping, key: str) -> dict[str, int]:
    """A ``{word: integer}`` mapping, validated."""
    table = require(section, key, Mapping, _WHERE)
    for word, number in table.items():
        if not (isinstance(word, str) and word) or not isinstance(number, int) or isinstance(number, bool):
            raise ValueError(f"{_WHERE}: '{key}.{word}' must map a word to an integer")
    return dict(table)


def _duration_units(section: Mapping, key: str) -> dict[str, str]:
    """Unit word -> TIMEX3 unit letter, validated."""
    units = require(section, key, Mapping, _WHERE)
    for word, letter in units.items():
        if not (isinstance(word, str) and word) or letter not in DURATION_UNIT_LETTERS:
            raise ValueError(f"{_WHERE}: '{key}.{word}' must be one of {DURATION_UNIT_LETTERS}")
    return dict(units)


def _compile_patterns(section: Mapping, tables: dict) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The candidate regexes, each named by the rule id of what it finds."""
    not_before = require(section, "not_before_year", str, _WHERE)
    try:
        re.compile(f"[0-9{not_before}]")
    except re.error as error:
        raise ValueError(f"{_WHERE}: 'not_before_year' is not a regex character-class body: {error}") from None
    fiscal_suffix = word_alternation(word_list(section, "fiscal_suffixes", _WHERE))
    fiscal_prefix = word_alternation(word_list(section, "fiscal_prefixes", _WHERE))
    quarter_word = word_alternation(word_list(section, "quarter_words", _WHERE))
    half_unit = word_alternation(word_list(section, "half_unit_words", _WHERE))
    separators = word_alternation(word_list(section, "range_separators", _WHERE))
    not_dates = word_alternation(word_list(section, "not_dates", _WHERE))

    year_start = rf"(?<![0-9０-９{_KANJI_DIGITS}{not_before}])"
    year4 = rf"(?:[12１２]{_DIGITS}{{3}}|[{_KANJI_DIGITS}]{{4}})(?![0-9０-９])"
    era = rf"(?P<era>{word_alternation(tables['eras'])})(?P<era_year>元|{_SMALL_NUMBER})"
    year = rf"(?:{year_start}(?P<year>{year4})|{era})"
    short_year = rf"{year_start}(?P<short_year>{_DIGITS}{{2}})"
    month = rf"(?P<month>{_SMALL_NUMBER})月(?![間期])"
    day = rf"(?P<day>{_SMALL_NUMBER})日(?!間)"
    period = rf"(?P<period>{word_alternation(tables['period_mods'])})"
    bound = rf"(?P<bound>{word_alternation(tables['bound_mods'])})"
    tail = rf"{period}?{bound}?"
    half = rf"(?P<half>{word_alternation(tables['half_years'])})"
    quarter_ordinal = rf"第(?P<q1>[1-4１-４一二三四]){quarter_word}"
    quarter_code = (r"(?:(?<![A-Za-z])[QＱ](?P<q2>[1-4１-４])|(?<![0-9０-９])(?P<q3>[1-4１-４])[QＱ])"
                    r"(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])")
    fiscal = rf"(?P<fiscal>{fiscal_suffix})"
    sep = r"[ 　]?"
    month_range = rf"(?P<from_month>{_SMALL_NUMBER}){separators}(?P<to_month>{_SMALL_NUMBER})月期"

    relative_year = rf"(?P<rel_year>{word_alternation(tables['relative_years'])})"
    relative_fiscal = rf"(?P<rel_fiscal>{word_alternation(tables['relative_fiscal_years'])})"
    relative_month = rf"(?P<rel_month>{word_alternation(tables['relative_months'])})"
    unit = word_alternation(tables["duration_units"])
    offset_unit = word_alternation({**tables["duration_units"], **tables["offset_units"]})
    number = rf"{_NO_NUMBER_BEFORE}(?P<n>{_DIGITS}+(?:[.．]{_DIGITS}+)?|[{_KANJI_DIGITS}十百千]+)"
    number2 = rf"(?P<n2>{_DIGITS}+(?:[.．]{_DIGITS}+)?|[{_KANJI_DIGITS}十百千]+)"
    direction = rf"(?P<direction>{word_alternation(tables['relative_directions'])})(?![後半倒提])"
    before_cue = rf"(?:(?P<pre>{word_alternation(tables['duration_before'])}){sep})?"
    after_cue = rf"(?:{sep}(?P<post>{word_alternation(tables['duration_after'])}))?"

    patterns = {
        "date.not_date": not_dates,
        "date.full_numeric": (rf"{year_start}(?P<year>{_DIGITS}{{4}})(?P<sep>[/／\-.．])(?P<month>{_DIGITS}{{1,2}})"
                              rf"(?P=sep)(?P<day>{_DIGITS}{{1,2}})(?![0-9０-９])"),
        "date.calendar": rf"{year}年(?:{month}(?:{day})?)?{tail}",
        "date.short_year_month": rf"{short_year}年{month}(?:{day})?{tail}",
        "date.month_day": rf"{_NO_NUMBER_BEFORE}{month}(?:{day})?{tail}",
        "date.quarter": (rf"(?:(?:{year}年?|{short_year}年)(?P<fy>{fiscal})?{sep})?{quarter_ordinal}{tail}"),
        "date.quarter_code": rf"(?:{year}年?|{short_year}年)(?P<fy>{fiscal})?{sep}{quarter_code}{tail}",
        "date.quarter_year_after": rf"(?:{quarter_ordinal}|{quarter_code}){sep}{year}(?!年){tail}",
        "date.quarter_fiscal_prefix": (rf"(?<![A-Za-z]){fiscal_prefix}{sep}(?P<fyear>{year4}|{_DIGITS}{{2}})"
                                       rf"{sep}(?:{quarter_ordinal}|{quarter_code}){tail}"),
        "date.quarter_months": rf"(?:{year}年|{short_year}年)?{month_range}{tail}",
        "date.half": rf"(?:(?:{year}年?|{short_year}年)(?P<fy>{fiscal})?)?{half}{tail}",
        "date.half_code": rf"{year}年?{sep}(?<![A-Za-z])(?P<hx>[HＨ][12１２])(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ]){tail}",
        "date.fiscal_year": (rf"(?:(?:{year}|{short_year}){fiscal}"
                             rf"|(?<![A-Za-z]){fiscal_prefix}{sep}(?P<fyear>{year4}|{_DIGITS}{{2}})(?![0-9０-９])){tail}"),
        "date.fiscal_period": rf"(?:{year}|{short_year})年(?P<end_month>{_SMALL_NUMBER})月期{bound}?",
        "date.decade": rf"(?:{year_start}(?P<decade>{_DIGITS}{{3}}0|{_DIGITS}0))年代{tail}",
        "date.relative_year": rf"{relative_year}(?:{half}|(?:の?{month}(?:{day})?)?{tail})",
        "date.relative_fiscal_year": rf"{relative_fiscal}(?:{half}|{tail})",
        "date.relative_month": rf"{relative_month}{tail}",
        "date.relative_offset": (rf"{number}(?P<half_unit>{half_unit})?(?P<unit>{offset_unit})"
                                 rf"(?P<half_after>{half_unit})?{direction}"),
        "duration": (rf"{before_cue}{number}(?:(?P<unit1>{unit})?{sep}{separators}{sep}{number2})?"
                     rf"(?P<unit>{unit})(?P<half_after>{half_unit})?{after_cue}"),
    }
    return tuple((rule_id, re.compile(pattern)) for rule_id, pattern in patterns.items())


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
    patterns = _compile_patterns(section, tables)
    return DateRules(patterns=patterns, not_after=tuple(sorted(not_after, key=len, reverse=True)), **tables)


# ---------------------------------------------------------------- values and spans


def _number(text: str | None) -> int | None:
    """The integer a numeral names (11, １１, 十一, 二〇二五), None when it names none."""
    if not text:
        return None
    value = parse_numeral(unicodedata.normalize("NFKC", text))
    return int(value) if value is not None and value == int(value) else None


def _last_day(year: int, month: int) -> datetime.date:
    """The last day of a month."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after (or before, when negative) the given month."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _month_span(year: int, first_month: int, months: int) -> tuple[datetime.date, datetime.date]:
    """The day span of ``months`` months starting with ``first_month`` of ``year``."""
    last_year, last_month = _add_months(year, first_month, months - 1)
    return datetime.date(year, first_month, 1), _last_day(last_year, last_month)


def _fiscal_year_of(day: datetime.date) -> int:
    """The fiscal year (April to March) a day falls in: 2026-02-10 is in FY2025."""
    return day.year if day.month >= _FISCAL_START_MONTH else day.year - 1


def _year_of(match: re.Match[str], rules: DateRules) -> int | None:
    """The western year a match names by four digits, a two-digit short form or an era; None if none."""
    groups = match.groupdict()
    if groups.get("era"):
        era_year = 1 if groups["era_year"] == "元" else _number(groups["era_year"])
        return None if era_year is None else rules.eras[groups["era"]] + era_year - 1
    for name in ("year", "fyear", "short_year"):
        if groups.get(name):
            year = _number(groups[name])
            if year is not None and year < 100:
                year += 2000
            return year if year in _PLAUSIBLE_YEARS else None
    return None


def _tail_mod(match: re.Match[str], rules: DateRules) -> str | None:
    """The mod of the words after a date: a place in the span (末) wins over a bound (まで)."""
    groups = match.groupdict()
    if groups.get("period"):
        return rules.period_mods[groups["period"]]
    if groups.get("bound"):
        return rules.bound_mods[groups["bound"]]
    return None


def _date(match: re.Match[str], value: str, span: tuple[datetime.date, datetime.date], rule_id: str,
          mod: str | None, end: int | None = None) -> DateMatch:
    """A DATE match over the regex match (or up to ``end``) with its value, mod and day span."""
    stop = match.end() if end is None else end
    return DateMatch(match.start(), stop, match.string[match.start():stop], "DATE", value, mod,
                     span[0], span[1], rule_id)


def _year_date(match: re.Match[str], year: int, rule_id: str, mod: str | None) -> DateMatch:
    """A DATE naming a whole year."""
    return _date(match, f"{year:04d}", (datetime.date(year, 1, 1), datetime.date(year, 12, 31)), rule_id, mod)


def _month_date(match: re.Match[str], year: int, month: int | None, rule_id: str,
                mod: str | None) -> DateMatch | None:
    """A DATE naming a month, None when the month does not exist (or its numeral names no number)."""
    if month is None or not 1 <= month <= 12:
        return None
    return _date(match, f"{year:04d}-{month:02d}", _month_span(year, month, 1), rule_id, mod)


def _day_date(match: re.Match[str], year: int, month: int | None, day: int | None, rule_id: str,
              mod: str | None) -> DateMatch | None:
    """A DATE naming a day, None when the day does not exist (or a numeral names no number)."""
    if month is None or day is None:
        return None
    try:
        when = datetime.date(year, month, day)
    except ValueError:
        return None
    return _date(match, when.isoformat(), (when, when), rule_id, mod)


def _fiscal_date(match: re.Match[str], fiscal_year: int, rule_id: str, mod: str | None) -> DateMatch:
    """A DATE naming a fiscal year, April to March."""
    return _date(match, f"FY{fiscal_year:04d}", _month_span(fiscal_year, _FISCAL_START_MONTH, 12), rule_id, mod)


def _part_date(match: re.Match[str], year: int, fiscal: bool, part: str, index: int, rule_id: str,
               mod: str | None) -> DateMatch:
    """A DATE naming quarter ``index`` (part "Q") or half ``index`` (part "H") of a calendar or fiscal year."""
    months = 3 if part == "Q" else 6
    first_month = (_FISCAL_START_MONTH if fiscal else 1) + months * (index - 1)
    first_year, first_month = _add_months(year, first_month, 0)
    value = f"{'FY' if fiscal else ''}{year:04d}-{part}{index}"
    return _date(match, value, _month_span(first_year, first_month, months), rule_id, mod)


# ---------------------------------------------------------------- one handler per rule


def _not_date(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch]:
    """Text that only looks like a date (前年比, 数年): it blocks what it contains and yields nothing."""
    return []


def _full_numeric(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2025/11/30, 2025-11-30, 2025.11.30."""
    year = _year_of(match, rules)
    if year is None:
        return None
    found = _day_date(match, year, _number(match.group("month")), _number(match.group("day")),
                      "date.full_date", None)
    return [found] if found else None


def _calendar(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2025年, 2025年11月, 2025年11月30日, 令和7年, and the same with 末 / まで after them."""
    year = _year_of(match, rules)
    if year is None:
        return None
    mod = _tail_mod(match, rules)
    if match.group("day"):
        found = _day_date(match, year, _number(match.group("month")), _number(match.group("day")),
                          "date.full_date", mod)
    elif match.group("month"):
        found = _month_date(match, year, _number(match.group("month")), "date.year_month", mod)
    else:
        found = _year_date(match, year, "date.year", mod)
    return [found] if found else None


def _month_day(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """11月 or 11月30日 without a year: in the post's year, skipped without a post date."""
    if anchor is None:
        return []
    month = _number(match.group("month"))
    mod = _tail_mod(match, rules)
    if match.group("day"):
        found = _day_date(match, anchor.year, month, _number(match.group("day")), "date.month_day", mod)
    else:
        found = _month_date(match, anchor.year, month, "date.month", mod)
    return [found] if found else None


def _quarter_index(match: re.Match[str]) -> int:
    """Which quarter (1-4) a quarter match names: 第1, 第一, Q1, １Q."""
    groups = match.groupdict()
    digit = groups.get("q1") or groups.get("q2") or groups.get("q3")
    assert digit is not None  # every quarter pattern has a 第N or a Q code, and so one of these groups
    return "一二三四".index(digit) + 1 if digit in "一二三四" else int(unicodedata.normalize("NFKC", digit))


def _stated_or_post_year(match: re.Match[str], rules: DateRules,
                         anchor: datetime.date | None) -> int | list[DateMatch] | None:
    """The year a match states; the post's year when it states none; None when the stated year is
    not a plausible one (1500年), [] when it states none and the post has no date."""
    year = _year_of(match, rules)
    if year is not None:
        return year
    groups = match.groupdict()
    if any(groups.get(name) for name in ("year", "era", "short_year", "fyear", "fy")):
        return None
    return anchor.year if anchor is not None else []


def _quarter(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2025年第1四半期, 2025年Q1, Q1 2025, FY2025 Q3, 2025年度第2四半期; 第3四半期 alone in the post's year."""
    groups = match.groupdict()
    fiscal = bool(groups.get("fy") or groups.get("fyear"))
    year = _stated_or_post_year(match, rules, anchor)
    if not isinstance(year, int):
        return year
    return [_part_date(match, year, fiscal, "Q", _quarter_index(match), "date.quarter", _tail_mod(match, rules))]


def _quarter_months(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2025年1-3月期, 4～6月期: a quarter named by its months."""
    first, last = _number(match.group("from_month")), _number(match.group("to_month"))
    if first is None or last is None or last - first != 2 or first % 3 != 1:
        return None
    year = _stated_or_post_year(match, rules, anchor)
    if not isinstance(year, int):
        return year
    return [_part_date(match, year, False, "Q", (first + 2) // 3, "date.quarter", _tail_mod(match, rules))]


def _half(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2025年上半期, 2025年度下期, H1 2025; 上半期 alone in the post's year."""
    groups = match.groupdict()
    half = rules.half_years[groups["half"]] if groups.get("half") else unicodedata.normalize("NFKC", groups["hx"])
    year = _stated_or_post_year(match, rules, anchor)
    if not isinstance(year, int):
        return year
    fiscal = bool(groups.get("fy"))
    return [_part_date(match, year, fiscal, "H", int(half[1]), "date.half", _tail_mod(match, rules))]


def _fiscal_year(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2026年度, 2025会計年度, FY2026, FY26."""
    year = _year_of(match, rules)
    if year is None:
        return None
    return [_fiscal_date(match, year, "date.fiscal_year", _tail_mod(match, rules))]


def _fiscal_period(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2026年3月期: the fiscal year ending that month, named by the year it starts in (FY2025)."""
    year = _year_of(match, rules)
    end_month = _number(match.group("end_month"))
    if year is None or end_month is None or not 1 <= end_month <= 12:
        return None
    first_year, first_month = _add_months(year, end_month, -11)
    span = _month_span(first_year, first_month, 12)
    return [_date(match, f"FY{first_year:04d}", span, "date.fiscal_period", _tail_mod(match, rules))]


def _decade(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """2020年代 -> 202 (TIMEX3 decade); 90年代 -> 199, 20年代 -> 202."""
    decade = _number(match.group("decade"))
    assert decade is not None  # the group is digits only
    if decade < 100:
        decade += 1900 if decade >= 30 else 2000
    if decade not in _PLAUSIBLE_YEARS:
        return None
    span = (datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31))
    return [_date(match, str(decade // 10), span, "date.decade", _tail_mod(match, rules))]


def _relative_year(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """今年, 来年, 昨年末, 来年上半期, 今年5月: a year (or a month of it) counted from the post's date."""
    if anchor is None:
        return []
    year = anchor.year + rules.relative_years[match.group("rel_year")]
    mod = _tail_mod(match, rules)
    if match.group("day"):
        found = _day_date(match, year, _number(match.group("month")), _number(match.group("day")),
                          "date.relative_year", mod)
        return [found] if found else None
    if match.group("month"):
        found = _month_date(match, year, _number(match.group("month")), "date.relative_year", mod)
        return [found] if found else None
    if match.group("half"):
        half = int(rules.half_years[match.group("half")][1])
        return [_part_date(match, year, False, "H", half, "date.relative_year", None)]
    return [_year_date(match, year, "date.relative_year", mod)]


def _relative_fiscal_year(match: re.Match[str], rules: DateRules,
                          anchor: datetime.date | None) -> list[DateMatch] | None:
    """今期, 来期, 今年度: a fiscal year counted from the fiscal year of the post's date."""
    if anchor is None:
        return []
    fiscal_year = _fiscal_year_of(anchor) + rules.relative_fiscal_years[match.group("rel_fiscal")]
    if match.group("half"):
        half = int(rules.half_years[match.group("half")][1])
        return [_part_date(match, fiscal_year, True, "H", half, "date.relative_fiscal_year", None)]
    return [_fiscal_date(match, fiscal_year, "date.relative_fiscal_year", _tail_mod(match, rules))]


def _relative_month(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """今月, 先月, 来月: a month counted from the post's date."""
    if anchor is None:
        return []
    year, month = _add_months(anchor.year, anchor.month, rules.relative_months[match.group("rel_month")])
    found = _month_date(match, year, month, "date.relative_month", _tail_mod(match, rules))
    assert found is not None  # _add_months gives a month from 1 to 12
    return [found]


def _relative_offset(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """3年後, 20年前, 6カ月後, 2週間後, 30日前: the year, month, week or day that far from the post's date."""
    count = _number(match.group("n"))
    if count is None or count >= 1000:
        return None
    if anchor is None:
        return []
    sign = rules.relative_directions[match.group("direction")]
    unit = match.group("unit")
    letter = rules.duration_units.get(unit) or rules.offset_units[unit]
    rule_id = "date.relative_offset"
    if match.group("half_unit") or match.group("half_after"):
        if letter != "Y":
            return None
        letter, count = "M", count * 12 + 6
    if letter == "Y":
        return [_year_date(match, anchor.year + sign * count, rule_id, None)]
    if letter == "M":
        year, month = _add_months(anchor.year, anchor.month, sign * count)
        found = _month_date(match, year, month, rule_id, None)
        assert found is not None  # _add_months gives a month from 1 to 12
        return [found]
    days = {"W": 7, "D": 1}.get(letter)
    if days is None:
        return None
    when = anchor + datetime.timedelta(days=sign * count * days)
    if letter == "D":
        return [_date(match, when.isoformat(), (when, when), rule_id, None)]
    iso_year, week, _ = when.isocalendar()
    monday = datetime.date.fromisocalendar(iso_year, week, 1)
    return [_date(match, f"{iso_year:04d}-W{week:02d}", (monday, monday + datetime.timedelta(days=6)), rule_id, None)]


def _duration_value(count: float, letter: str, half: bool) -> str:
    """The ISO 8601 duration for ``count`` units (P7Y, P3M, PT24H); 1年半 becomes P18M."""
    if half and letter == "Y":
        count, letter = count * 12 + 6, "M"
    elif half:
        count += 0.5
    number = str(int(count)) if count == int(count) else str(count)
    return f"PT{number}H" if letter == "H" else f"P{number}{letter}"


def _duration(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch] | None:
    """7年間, 3カ月, 約10年, 20年以上, 4～5年; 2024～2026年 is two years, and 2024年 is no duration."""
    unit = match.group("unit")
    letter = rules.duration_units[unit]
    first = parse_numeral(unicodedata.normalize("NFKC", match.group("n")))
    second = parse_numeral(unicodedata.normalize("NFKC", match.group("n2"))) if match.group("n2") else None
    if first is None or (match.group("n2") and second is None) or _is_placeholder(match.group("n")):
        return None
    if second is not None and _looks_like_year(match.group("n2")) and not _looks_like_year(match.group("n")):
        return None
    bare_year_unit = unit == "年" and not match.group("half_after")
    if bare_year_unit and _looks_like_year(match.group("n")):
        return _year_range(match, rules) if second is not None else None
    if second is not None and not first < second:
        return None
    mod = None
    if match.group("post"):
        mod = rules.duration_after[match.group("post")]
    elif match.group("pre"):
        mod = rules.duration_before[match.group("pre")]
    half = bool(match.group("half_after"))
    value = _duration_value(float(first), letter, half)
    if second is not None:
        value = f"{value}/{_duration_value(float(second), letter, half)}"
    return [DateMatch(match.start(), match.end(), match.group(), "DURATION", value, mod, None, None,
                      "duration.range" if second is not None else "duration")]


def _is_placeholder(numeral: str) -> bool:
    """〇 or 〇〇 stands for a number left out (〇時間), not for zero."""
    return set(numeral) == {"〇"}


def _looks_like_year(numeral: str) -> bool:
    """A four-digit numeral in the range of calendar years (2024, 二〇二四) names a year, not a count."""
    ascii_numeral = unicodedata.normalize("NFKC", numeral)
    if re.fullmatch(rf"[{_KANJI_DIGITS}]{{4}}", numeral):
        return True
    return ascii_numeral.isdigit() and len(ascii_numeral) == 4 and int(ascii_numeral) in _PLAUSIBLE_YEARS


def _year_range(match: re.Match[str], rules: DateRules) -> list[DateMatch] | None:
    """2024～2026年: the first year as written (2024) and the second with its 年."""
    first, second = _number(match.group("n")), _number(match.group("n2"))
    if (match.group("pre") or match.group("post") or first is None or second is None
            or second not in _PLAUSIBLE_YEARS or not first < second):
        return None
    text = match.string
    first_end = match.end("unit1") if match.group("unit1") else match.end("n")
    years = ((match.start("n"), first_end, first), (match.start("n2"), match.end("unit"), second))
    return [DateMatch(start, end, text[start:end], "DATE", f"{year:04d}", None, datetime.date(year, 1, 1),
                      datetime.date(year, 12, 31), "date.year_range") for start, end, year in years]


_HANDLERS: Mapping[str, Callable[[re.Match[str], DateRules, datetime.date | None], list[DateMatch] | None]] = {
    "date.not_date": _not_date,
    "date.full_numeric": _full_numeric,
    "date.calendar": _calendar,
    "date.short_year_month": _calendar,
    "date.month_day": _month_day,
    "date.quarter": _quarter,
    "date.quarter_code": _quarter,
    "date.quarter_year_after": _quarter,
    "date.quarter_fiscal_prefix": _quarter,
    "date.quarter_months": _quarter_months,
    "date.half": _half,
    "date.half_code": _half,
    "date.fiscal_year": _fiscal_year,
    "date.fiscal_period": _fiscal_period,
    "date.decade": _decade,
    "date.relative_year": _relative_year,
    "date.relative_fiscal_year": _relative_fiscal_year,
    "date.relative_month": _relative_month,
    "date.relative_offset": _relative_offset,
    "duration": _duration,
}


# ---------------------------------------------------------------- finding


#: Texts whose pattern matches are kept: posts repeat sentences (boilerplate, lists of related
#: posts), and trying every pattern over a text is most of finding dates.
_REMEMBERED_TEXTS = 4096


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _pattern_matches(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]
                     ) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every non-empty match of every pattern with its rule id; a pattern is tried again one
    character after the start of its last match, so its matches may overlap."""
    found = []
    for rule_id, pattern in patterns:
        position = 0
        while (match := pattern.search(text, position)) is not None:
            position = match.start() + 1
            if match.end() != match.start():
                found.append((rule_id, match))
    return tuple(found)


def _candidates(text: str, rules: DateRules, anchor: datetime.date | None) -> list[_Candidate]:
    """Every span some rule reads as a time expression (or as no date at all), overlapping freely."""
    found: list[_Candidate] = []
    for rule_id, match in _pattern_matches(text, rules.patterns):
        matches = _HANDLERS[rule_id](match, rules, anchor)
        if matches is None:
            continue
        if matches and _followed_by_not_after(text, matches[-1], rules):
            continue
        found.append(_Candidate(match.start(), match.end(), tuple(matches)))
    return found


def _followed_by_not_after(text: str, match: DateMatch, rules: DateRules) -> bool:
    """Whether a year-based match runs straight into a word that makes it a count (2025年比, 3年目)."""
    return match.surface.endswith("年") and text.startswith(rules.not_after, match.end)


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
    first, last = _month_span(year, month, 1)
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
