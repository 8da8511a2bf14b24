"""Date pieces: the regex fragments every date pattern is assembled from, with the group names parsers read.

A year, a month, a day, the 末 / まで after a date, a quarter or half-year
word, a count with its unit: each is written once here, so that every
pattern reads e.g. a year the same way and every parser finds it under the
same group name. The groups and who reads them:

    year, era, era_year, short_year, fyear   the year (values.year_of)
    month, day                               month and day numerals
    period, bound                            words after a date (values.tail_mod)
    half, fiscal                             上半期 / H1, and 年度 after a year
    q1, q2, q3                               the quarter digit of 第1四半期, Q1, 1Q
    to_year                                  the last year of a span of years (2020–21年)
    from_month, to_month                     the months of 1-3月期
    rel_year, rel_fiscal, rel_day, rel_month 今年, 来期, 本日, 先月
    rel_quarter                              前四半期
    n, n2, direction, pre, post              counts, 後 / 前, and the 約 / 以上 cues of durations

Most pieces are built from the words of ``rules/dates.yaml``, so they are
assembled once per rule set (``build_pieces``), not at import time. Digits and
kanji numerals come from ``numerals``, shared with money; where dates read fewer
of them (no old-style 零, no 京) the narrower sets are named there too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extract.normalize.numerals import (
    DECIMAL_NUMBER,
    DECIMAL_POINT_CHARS,
    DIGIT,
    DIGIT_CHARS,
    KANJI_SMALL_UNIT,
    KANJI_TEN_HUNDRED,
    LARGE_UNIT_BUT_KEI,
    POSITIONAL_KANJI_DIGIT,
    THOUSANDS_SEPARATOR_CHARS,
)
from extract.normalize.alternation import any_word, word_alternation
from extract.rules.schema import DatesFile

#: Kanji digits a date is written in: the positional ones of ``numerals`` (no old-style 零).
KANJI_DIGITS = POSITIONAL_KANJI_DIGIT
#: A numeral small enough to be a month, a day or a count: 11, １１, 十一, 三.
SMALL_NUMBER = rf"(?:{DIGIT}{{1,3}}|[{KANJI_DIGITS}{KANJI_TEN_HUNDRED}]{{1,4}})"
#: Characters that are part of a number (digits, separators, kanji numerals and their units):
#: none may come right before a number we read.
_NUMBER_CHARS = (f"{DIGIT_CHARS}{DECIMAL_POINT_CHARS}{THOUSANDS_SEPARATOR_CHARS}"
                 f"{KANJI_DIGITS}{KANJI_SMALL_UNIT}{LARGE_UNIT_BUT_KEI}")
#: The number of a quarter, 1 to 4, in digits or kanji (第1, 第一).
_QUARTER_DIGIT = rf"[1-4１-４{POSITIONAL_KANJI_DIGIT[1:5]}]"
#: Neither a digit nor a Latin letter, half- or full-width, comes right after a code (Q1, H2).
CODE_END = rf"(?![{DIGIT_CHARS}A-Za-zＡ-Ｚａ-ｚ])"
#: A day's weekday in brackets after it (（木曜日）, （金）).
WEEKDAY = r"\s*[（(][月火水木金土日](?:曜日?)?[）)]"
#: The characters, and most of them, of the event a date dates between it and its bound (設立 of 2003年の設立以来):
#: a noun in kanji or katakana.
_EVENT_CHARS, _EVENT_LENGTH = "一-龯々ァ-ヺー", 6


@dataclass(frozen=True)
class Pieces:
    """The regex fragments of one rule set, each a string to splice into a pattern."""

    #: Where a year may start: not after a digit or a character of ``not_before_year``.
    year_start: str
    #: Where a number we read may start: not after part of a number or a vague numeral (数, 何).
    no_number_before: str
    #: A year in four digits or an era (令和7, 令和元): groups year, era, era_year.
    year: str
    #: A two-digit year (25年): group short_year.
    short_year: str
    #: A two-digit year alone with its 年, where the words after it make it a year (24年に), not a span: groups
    #: short_year, period, bound; never matches without short_year_after words.
    short_year_alone: str
    #: Where a month alone may not start: right after a number and a range separator (9月 of 4～9月).
    month_not_range_end: str
    #: A month with its 月 (not 月間, 月期): group month.
    month: str
    #: A day with its 日 (not 日間): group day.
    day: str
    #: A day written without its month, as news datelines write it after a subject or opening a sentence (A社は
    #: 9日、; 9日午前、): group day; never matches without day_alone_after words.
    day_alone: str
    #: The optional words after a date, a place in its span then a bound: groups period, bound.
    tail: str
    #: A bound word alone (まで, 以降): group bound.
    bound: str
    #: A half-year word (上半期): group half.
    half: str
    #: A word that is a half only right after a year (前半 of 2025年前半): group year_half.
    year_half: str
    #: A season, not the start of another word (秋田): group season.
    season: str
    #: A word naming a season relative to the post's year, right before it (今, 昨, 来, この): group rel_season.
    relative_season: str
    #: 第1四半期, 第一四半期: group q1.
    quarter_ordinal: str
    #: Q1, Ｑ１, 1Q: groups q2, q3.
    quarter_code: str
    #: Text after a quarter code written without a year that makes it a list label (Q1. / Q1:), no quarter.
    not_after_quarter_code: str
    #: Particles after a half code written without a year that make it a half (H2に), not a heading level.
    half_code_alone_before: str
    #: A word making a year a fiscal year (年度): group fiscal.
    fiscal: str
    #: The same word without a group, for a second year in one pattern (2023年度～2024年度).
    fiscal_word: str
    #: FY2025, FY25: a fiscal prefix and its year, group fyear.
    prefixed_fiscal_year: str
    #: An optional space, half- or full-width.
    sep: str
    #: The symbols joining the two numbers of a range (4～5年, 1-3月期).
    separators: str
    #: A word joining two counts of a duration, each with its unit (1年から2年).
    range_words: str
    #: The word joining the two years of a span written with words (から of 2021年から2023年にかけて).
    span_from: str
    #: The word closing such a span (にかけて, まで).
    span_until: str
    #: 1-3月期: groups from_month, to_month.
    month_range: str
    #: 今年, 来年: group rel_year.
    relative_year: str
    #: 同年, 翌年: a year counted from the last one the text stated, group narrative_year.
    narrative_year: str
    #: 年 of 年末, 年後半 (the post's own year), written after no kanji or digit and before a part of the year:
    #: group year_alone.
    year_alone: str
    #: 初 of 年初, a part of the year only after year_alone: group alone_mod.
    year_alone_mod: str
    #: March 2026, Sept. 15, 2025: groups en_month, day, year.
    english_date: str
    #: 今期, 来年度: group rel_fiscal.
    relative_fiscal: str
    #: 本日: group rel_day.
    relative_day: str
    #: 今月, 先月: group rel_month.
    relative_month: str
    #: 前四半期, 来四半期: group rel_quarter.
    relative_quarter: str
    #: A duration unit word (年間, カ月).
    unit: str
    #: A duration unit word or a unit counted only before a direction word (日).
    offset_unit: str
    #: A word adding half a unit (1年半).
    half_unit: str
    #: A count of units, in digits or kanji (3, 1.5, 十二), in no group.
    count: str
    #: A count, not inside a longer number: group n.
    number: str
    #: The second count of a range: group n2.
    number2: str
    #: 後, 前 after a count and unit: group direction.
    direction: str
    #: An optional cue before a duration (約): group pre.
    before_cue: str
    #: An optional cue after a duration (以上): group post.
    after_cue: str
    #: Text that is never a date (前年比, 数年).
    not_dates: str


def build_pieces(tables: Mapping[str, Mapping[str, Any]], words: DatesFile) -> Pieces:
    """The pieces of one rule set, from its word tables (DateRules field name -> words) and the word lists
    of the validated rule file.

    ``words.vague_numerals`` are single characters (the schema checks): they go into a look-behind.
    """
    year_start = rf"(?<![{DIGIT_CHARS}{KANJI_DIGITS}{words.not_before_year}])"
    no_number_before = rf"(?<![{_NUMBER_CHARS}{''.join(re.escape(char) for char in words.vague_numerals)}])"
    year4 = rf"(?:[12１２]{DIGIT}{{3}}|[{KANJI_DIGITS}]{{4}})(?!{DIGIT})"
    era = rf"(?P<era>{word_alternation(tables['eras'])})(?P<era_year>{any_word(words.era_first_year)}|{SMALL_NUMBER})"
    period = rf"(?P<period>{word_alternation(tables['period_mods'])})"
    bound = rf"(?P<bound>{word_alternation(tables['bound_mods'])})"
    #: (a word that may lead the count of a rate: 1日に平均3時間)
    per_day_lead = rf"(?:{any_word(words.per_day_leads)})?" if words.per_day_leads else ""
    #: (the count of a rate, known or not: 1日に3時間, 1日に数時間)
    rate_count = (rf"(?:{SMALL_NUMBER}|[{''.join(re.escape(char) for char in words.vague_numerals)}])"
                  if words.vague_numerals else SMALL_NUMBER)
    separators = word_alternation(words.range_separators)
    span_from = any_word(words.year_span_words.joints) if words.year_span_words else "(?!)"
    # (a look-behind takes characters of one width: the one-character separators, as all shipped ones are)
    separator_chars = "".join(re.escape(word) for word in words.range_separators if len(word) == 1)
    year_parts = {**tables["period_mods"], **tables["half_years"], **tables["year_halves"], **tables["year_alone_mods"]}
    # the rest of a longer period word a year_alone_mods word begins (初 of 初め): the longer word wins
    longer = any_word([word[len(mod):] for mod in tables["year_alone_mods"] for word in tables["period_mods"]
                       if word.startswith(mod) and word != mod]) or "(?!)"
    sep = r"[ 　]?"
    event = (rf"|の[{_EVENT_CHARS}]{{1,{_EVENT_LENGTH}}}?(?={any_word(words.event_bounds)})" if words.event_bounds
             else "")
    count = rf"(?:{DECIMAL_NUMBER}|[{KANJI_DIGITS}{KANJI_SMALL_UNIT}]+)"
    return Pieces(
        year_start=year_start,
        no_number_before=no_number_before,
        year=rf"(?:{year_start}(?P<year>{year4})|{era})",
        short_year=rf"{year_start}(?P<short_year>{DIGIT}{{2}})",
        # (not a span of years running on to a second number: 10年から15年, 10年～15年)
        short_year_alone=(
            "".join(rf"(?<!{re.escape(word)})" for word in words.short_year_not_before)
            + rf"{year_start}(?P<short_year>{DIGIT}{{2}})年{period}?{bound}?(?={any_word(words.short_year_after)})"
            + (rf"(?!{any_word(words.short_year_not_after)})" if words.short_year_not_after else "")
            + rf"(?!(?:{separators}|{span_from})\s*{DIGIT})"
            if words.short_year_after else "(?!)"),
        # (the last month of a range of months names no month alone: 9月 of 4～9月)
        month_not_range_end=rf"(?<!{DIGIT}[{separator_chars}])" if separator_chars else "",
        month=rf"(?P<month>{SMALL_NUMBER})月(?!{any_word(words.not_after_month)})",
        day=rf"(?P<day>{SMALL_NUMBER})日(?!{any_word(words.not_after_day)})",
        # (not a count of things per day after it: 1日には3回)
        # (or a bound: 15日までに回答する, 1日以降)
        day_alone=(rf"(?:^|(?<=[はがもを、\s]))(?P<day>{SMALL_NUMBER})日(?:{bound}|(?={any_word(words.day_alone_after)})"
                   rf"(?!{any_word(words.day_alone_after)}{per_day_lead}{rate_count}"
                   rf"{any_word(words.per_day_counters)}))"
                   if words.day_alone_after else "(?!)"),
        # (a weekday in brackets may stand between a day and its bound: 3月27日（木曜日）まで; so may the event the
        # date dates, before one of event_bounds: 2003年7月の設立以来)
        tail=rf"{period}?(?:{WEEKDAY}(?={word_alternation(tables['bound_mods'])}){event})?{bound}?",
        bound=bound,
        half=rf"(?P<half>{word_alternation(tables['half_years'])})",
        year_half=(rf"(?P<year_half>{word_alternation(tables['year_halves'])})" if tables['year_halves']
                   else "(?!)"),
        season=(rf"(?P<season>{word_alternation(tables['seasons'])})"
                + (rf"(?!{any_word(words.not_after_season)})" if words.not_after_season else "")
                if tables["seasons"] else "(?!)"),
        # (not the end of a longer word: 将来, 過去)
        relative_season=(rf"(?<![一-龯々〆ヶ])(?P<rel_season>{word_alternation(tables['relative_season_prefixes'])})"
                         if tables["relative_season_prefixes"] else "(?!)"),
        quarter_ordinal=rf"第(?P<q1>{_QUARTER_DIGIT}){word_alternation(words.quarter_words)}",
        quarter_code=rf"(?:(?<![A-Za-z])[QＱ](?P<q2>[1-4１-４])|(?<!{DIGIT})(?P<q3>[1-4１-４])[QＱ]){CODE_END}",
        not_after_quarter_code=any_word(words.not_after_quarter_code),
        half_code_alone_before=any_word(words.half_code_alone_before) if words.half_code_alone_before else "(?!)",
        fiscal=rf"(?P<fiscal>{word_alternation(words.fiscal_suffixes)})",
        fiscal_word=word_alternation(words.fiscal_suffixes),
        prefixed_fiscal_year=(rf"(?<![A-Za-z]){word_alternation(words.fiscal_prefixes)}{sep}"
                              rf"(?P<fyear>{year4}|{DIGIT}{{2}})"),
        sep=sep,
        separators=separators,
        range_words=any_word(words.range_words),
        span_from=span_from,
        span_until=any_word(words.year_span_words.ends) if words.year_span_words else "(?!)",
        month_range=rf"(?P<from_month>{SMALL_NUMBER}){separators}(?P<to_month>{SMALL_NUMBER})月期",
        relative_year=rf"(?P<rel_year>{word_alternation(tables['relative_years'])})",
        narrative_year=(rf"(?P<narrative_year>{word_alternation(tables['narrative_years'])})"
                        + (rf"(?!{any_word(words.not_after_narrative_year)})" if words.not_after_narrative_year
                           else "") if tables["narrative_years"] else "(?!)"),
        year_alone=(rf"(?<![{DIGIT_CHARS}{KANJI_DIGITS}一-龯々〆ヶ])(?P<year_alone>{any_word(words.year_alone)})"
                    rf"(?={word_alternation(year_parts)})" if words.year_alone else "(?!)"),
        english_date=(rf"(?<![A-Za-z])(?P<en_month>{word_alternation(tables['english_months'])})\.? "
                      rf"(?:(?P<day>[0-3]?{DIGIT}), )?(?P<year>[12]{DIGIT}{{3}})(?!{DIGIT})"
                      if tables["english_months"] else "(?!)"),
        year_alone_mod=(rf"(?P<alone_mod>{word_alternation(tables['year_alone_mods'])})(?!{longer})"
                        if tables["year_alone_mods"] else "(?!)"),
        relative_fiscal=rf"(?P<rel_fiscal>{word_alternation(tables['relative_fiscal_years'])})",
        relative_day=(rf"(?P<rel_day>{word_alternation(tables['relative_days'])})" if tables["relative_days"]
                      else "(?!)"),
        relative_month=rf"(?P<rel_month>{word_alternation(tables['relative_months'])})",
        relative_quarter=rf"(?P<rel_quarter>{word_alternation(tables['relative_quarters'])})",
        unit=word_alternation(tables["duration_units"]),
        offset_unit=word_alternation({**tables["duration_units"], **tables["offset_units"]}),
        half_unit=word_alternation(words.half_unit_words),
        count=count,
        number=rf"{no_number_before}(?P<n>{count})",
        number2=rf"(?P<n2>{count})",
        direction=(rf"(?P<direction>{word_alternation(tables['relative_directions'])})"
                   rf"(?!{any_word(words.not_after_direction)})"),
        before_cue=rf"(?:(?P<pre>{word_alternation(tables['duration_before'])}){sep})?",
        after_cue=rf"(?:{sep}(?P<post>{word_alternation(tables['duration_after'])}))?",
        not_dates=word_alternation(words.not_dates),
    )
