"""Dates: find time expressions in Japanese text and normalize them TIMEX3-style.

Posts state calendar dates (2025年11月30日, 2025/11/30, 令和7年), periods
(2025年第1四半期, 2025年上半期, 2026年度, FY2025, 1990年代, 2020–21年), dates relative to
the post (今年, 来期, 前四半期, 3年後) and durations (7年間, 3カ月, 4～5年, 約10年,
20年以上). The dates table needs each as (type, value, mod) plus the day span
of a DATE, per the extraction spec. A few regexes, compiled once from
``rules/dates.yaml``, propose candidates; the longest wins where they overlap,
and "not a date" cues (前年比, 数年, 30周年) win over what they contain. A
quarter, half, month or day written without a year (第4四半期, Q1, 上半期, 3月)
is the one nearest the post's date (``values.nearest_year``), unless a year
written before it in the sentence gives it one.

What is where (one module per kind of pattern, as ja-timex's ``pattern/``):

    pieces.py     the regex pieces and named groups every pattern is built from
    model.py      DateMatch, DateReading, DateRules, and DatePattern (rule id, regex, parser)
    values.py     reading the shared groups; the DateReading of a year, month, day, part
    not_date.py   date.not_date (前年比, 数年) and the not_after check (3年目)
    calendar.py   date.full_numeric, date.calendar, date.short_year_month, date.short_year, date.month_day
    quarter.py    date.quarter*, date.quarter_months, date.half, date.half_code (without a year: the nearest one)
    fiscal.py     date.fiscal_year, date.fiscal_period
    decade.py     date.decade
    span.py       date.year_span (2020–21年, 2023～2024年度: one DATE valued 2020/2021), date.month_span
                  (2025年11月〜2026年1月: 2025-11/2026-01)
    season.py     date.season, date.relative_season (2024年夏 -> 2024-SU, 今秋, 来年の春)
    relative.py   date.relative_year, date.relative_fiscal_year, date.relative_quarter, date.relative_day,
                  date.relative_month, date.relative_offset, date.narrative_year
    duration.py   duration, duration.range (4～5年)
    loading.py    compile_date_rules: every pattern compiled from the validated rules, in the order tried
    finding.py    find_dates: candidates, the longest-first overlap policy, the match cache

Shape of ``rules/dates.yaml`` (besides ``source:`` and ``examples:``):

    eras:                  {era name: western year of its first year}        令和7年 -> 2025
    relative_years:        {word: offset in years}                           来年 -> +1
    narrative_years:       {word: offset from the year the text stated last} 同年 -> +0, 翌年 -> +1
    not_after_narrative_year: [text after one making it another word]        同年代
    relative_fiscal_years: {word: offset in fiscal years}                    来年度 -> +1
    relative_quarters:     {word: offset in calendar quarters}               前四半期 -> -1
    relative_days:         {word: offset in days}                            本日 -> 0
    relative_months:       {word: offset in months}                          先月 -> -1
    relative_directions:   {word after "N unit": +1 or -1}                   3年後, 20年前
    period_mods:           {START|MID|END: [words after a date]}             2026年末 -> END
    bound_mods:            {BEFORE|AFTER: [words after a date]}              2030年まで -> BEFORE
    event_bounds:          [bounds kept across the event a date dates]       2003年の設立以来 -> AFTER
    half_years:            {H1|H2: [words]}                                  上半期 -> H1
    year_halves:           {H1|H2: [words that are a half only after a year]} 2025年前半 -> 2025-H1
    seasons:               {SP|SU|FA|WI: [words]}, not_after_season          2024年夏 -> 2024-SU
    relative_season_prefixes: {word before a season: offset in years}       今秋, 昨冬, 来春
    year_alone:            [the year written alone before a part of it]      年末 -> the post's year, END
    year_alone_mods:       {START|MID|END: [words placing it only after that]} 年初 -> START
    english_months:        {English month name: month number}                March 2026 -> 2026-03
    fiscal_suffixes:       [words after a year]                              2026年度 -> FY2026
    fiscal_prefixes:       [words before a year]                             FY2026
    quarter_words:         [word after 第N]                                  第1四半期, 第1クォーター
    not_after_quarter_code: [text after Q1 without a year: a list label]     Q1. / Q1: of a FAQ
    half_code_alone_before: [particles after H1/H2 alone: a half]           H2に開設
    duration_units:        {unit word: Y|M|W|D|H}                            7年間 -> P7Y
    offset_units:          {unit word counted only before a direction word}  10日後
    half_unit_words:       [word adding half a unit]                         1年半 -> P18M
    duration_mods:         {APPROX|LESS_THAN|MORE_THAN: {before: [...], after: [...]}}
    range_separators:      [symbols joining the two numbers of a range]      4～5年, 2020–21年
    range_words:           [words joining two counts, each with its unit]   1年から2年
    year_span_words:       {joints: [...], ends: [...]}: a span in words       2021年から2023年にかけて
    not_dates:             [text that is never a date, skipped whole]        前年比, 数年
    not_after:             [words after number+年 that make it no date]      2年生, 3年目, 10年ぶり
    comparison_after:      [words after a date: a comparison base]           2024年同期 gives no year to what follows
    not_before_year:       regex character-class body of characters that may not precede a year
    not_after_month:       [text after number+月 that makes it no month]     3月期, 12月間
    not_after_day:         [text after number+日 that makes it no day]       30日間
    day_alone_after:       [text after a day written without its month]      A社は9日、 -> last 9th to the post
    day_to_come:           [words after it in its sentence: a day to come]   20日に開く予定 -> the nearest 20th
    per_day_counters:      [counters after day_alone_after: a rate, no date]  1日には3回
    per_day_leads:         [words before such a count: a rate all the same]  1日に平均3時間
    not_after_direction:   [text after a direction word: another word]       前後, 前半, 前倒し
    vague_numerals:        [single characters for an unknown number]         数年, 何十年
    era_first_year:        [words for an era's first year]                   令和元年 -> 2019
    fiscal_year_start_month: month number fiscal years start in              4: FY2026 = 2026-04..2027-03
"""

from __future__ import annotations

from extract.normalize.dates.finding import find_dates, last_stated_year
from extract.normalize.dates.loading import compile_date_rules
from extract.normalize.dates.model import DateMatch, DateRules

__all__ = ["DateMatch", "DateRules", "find_dates", "last_stated_year", "compile_date_rules"]
