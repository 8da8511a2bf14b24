"""Durations: 7年間, 3カ月, 24時間, 1年半, 半年, 約10年, 20年以上, 4～5年, 1年から2年, valued as ISO 8601 durations
(P7Y, PT24H, P1Y/P2Y).

A bare year (2024年) is no duration, nor is a span of years (2024～2026年,
2020–21年: one DATE, read by ``span.py``). Rule id of the pattern:
``duration``. Rule ids of what it finds: ``duration`` and ``duration.range``
(4～5年, 1年から2年; not a change from one count to another, 40時間から8時間に).
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from extract.normalize.dates.model import DateReading, DatePattern, DateRules
from extract.normalize.dates.pieces import KANJI_DIGITS
from extract.normalize.dates.values import PLAUSIBLE_YEARS
from extract.normalize.numerals import parse_numeral


#: A fraction of three digits or more: a count of time units has none (1.5年, 2.25年), a number joined to a
#: year does (1．2026年: a heading's number).
_FINE_FRACTION_RE = re.compile(r"\.\d{3,}")


def _duration_value(count: float, letter: str, half: bool) -> str:
    """The ISO 8601 duration for ``count`` units (P7Y, P3M, PT24H); 1年半 becomes P18M."""
    if half and letter == "Y":
        count, letter = count * 12 + 6, "M"
    elif half:
        count += 0.5
    text = str(int(count)) if count == int(count) else str(count)
    return f"PT{text}H" if letter == "H" else f"P{text}{letter}"


def _duration(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """7年間, 3カ月, 約10年, 20年以上, 4～5年; 2024年 and 2024～2026年 are no durations."""
    unit = match.group("unit")
    letter = rules.duration_units[unit]
    first = parse_numeral(unicodedata.normalize("NFKC", match.group("n")))
    second = parse_numeral(unicodedata.normalize("NFKC", match.group("n2"))) if match.group("n2") else None
    if first is None or (match.group("n2") and second is None) or _is_placeholder(match.group("n")):
        return None
    if _FINE_FRACTION_RE.search(unicodedata.normalize("NFKC", match.group("n"))):
        return None  # 1．2026年3月期: a numbered heading, then a year; no count of units has three decimals
    if second is not None and _looks_like_year(match.group("n2")) and not _looks_like_year(match.group("n")):
        return None
    bare_year_unit = unit == "年" and not match.group("half_after")
    if bare_year_unit and _looks_like_year(match.group("n")):
        return None
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
    return [DateReading(match.start(), match.end(), match.group(), "DURATION", value, mod, None, None,
                      "duration.range" if second is not None else "duration")]


def _is_placeholder(numeral: str) -> bool:
    """〇 or 〇〇 stands for a number left out (〇時間), not for zero."""
    return set(numeral) == {"〇"}


def _looks_like_year(numeral: str) -> bool:
    """A four-digit numeral in the range of calendar years (2024, 二〇二四) names a year, not a count."""
    ascii_numeral = unicodedata.normalize("NFKC", numeral)
    if re.fullmatch(rf"[{KANJI_DIGITS}]{{4}}", numeral):
        return True
    return ascii_numeral.isdigit() and len(ascii_numeral) == 4 and int(ascii_numeral) in PLAUSIBLE_YEARS


def _half_duration(match: re.Match[str], rules: DateRules, anchor: datetime.date | None) -> list[DateReading] | None:
    """半年, 約半年間: half a unit written with no number before it (半年 is P6M)."""
    letter = rules.duration_units[match.group("unit")]
    mod = (rules.duration_after[match.group("post")] if match.group("post")
           else rules.duration_before[match.group("pre")] if match.group("pre") else None)
    return [DateReading(match.start(), match.end(), match.group(), "DURATION", _duration_value(0.0, letter, True), mod,
                        None, None, "duration")]


#: The patterns of this kind, in the order they are tried.
PATTERNS = (
    DatePattern("duration",
                # (not a change from one count to another: 40時間から8時間に短縮)
                lambda p: (rf"{p.before_cue}{p.number}(?:(?:(?P<unit1>{p.unit})?{p.sep}{p.separators}"
                           rf"|(?:{p.unit}){p.range_words}(?={p.sep}{p.count}{p.unit}(?![にへ]))){p.sep}{p.number2})?"
                           rf"(?P<unit>{p.unit})(?P<half_after>{p.half_unit})?{p.after_cue}"),
                _duration),
    # 半年で黒字化, 約半年間 (half a year only: 半月 and 半日 are seldom durations in news): not 上半年,
    # 下半年 (halves), nor 半年後, 半年前, 半年ぶり (a date, or a gap)
    DatePattern("duration",
                lambda p: (rf"{p.before_cue}(?<![上下前後]){p.half_unit}(?P<unit>年間|年)(?![後前ぶ振]){p.after_cue}"),
                _half_duration),
)
