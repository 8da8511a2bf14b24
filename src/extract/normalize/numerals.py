"""Japanese numerals: the shared regex pieces and the parser money and dates both read.

Posts write numbers in arabic digits (4,950), full-width digits (４９５０),
kanji (二千億, 二〇二五) and mixed forms (2億3000万, 1.5兆, 5千万, 3百万, 一万億).
Money and date rules need to find such numbers and turn them into values the
same way, so the pattern and the parser live here, once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

#: Digits as posts write them, ASCII and full-width, as the body of a regex character class.
DIGIT_CHARS = "0-9０-９"
#: One digit as posts write it: ASCII or full-width.
DIGIT = f"[{DIGIT_CHARS}]"
#: A comma that separates words, not the thousands of an amount (5億7,500万ドル): one with no digit on a side.
SEPARATING_COMMA = f"(?<!{DIGIT})[,，]|[,，](?!{DIGIT})"
#: Decimal points and thousands separators, half- and full-width (character-class bodies).
DECIMAL_POINT_CHARS = ".．"
THOUSANDS_SEPARATOR_CHARS = ",，"
#: Kanji digits in order of their value (〇 is 0), as positional numerals write them (二〇二五).
#: Dates use exactly these: the old-style 零 only appears inside amounts (百零五), never in a date.
POSITIONAL_KANJI_DIGIT = "〇一二三四五六七八九"
#: The formal digits contracts and receipts write so that no stroke can be added (金壱万円也): 1, 2, 3.
FORMAL_KANJI_DIGIT = "壱弐参"
#: Kanji digits as amounts write them: the positional ones, the old-style zero 零 and the formal ones.
KANJI_DIGIT = POSITIONAL_KANJI_DIGIT + "零" + FORMAL_KANJI_DIGIT
#: Kanji for 10 and 100: the small units of the small numbers dates write in kanji (十一月, 三十日, 百年).
KANJI_TEN_HUNDRED = "十百"
#: Kanji for 10, 100, 1000 inside a group of four digits.
KANJI_SMALL_UNIT = KANJI_TEN_HUNDRED + "千"
#: The small units as amounts write them: those and the formal 拾 (10) of 金弐拾万円.
AMOUNT_SMALL_UNIT = KANJI_SMALL_UNIT + "拾"
#: The large units but 京, as dates use them: a number right after one is part of a larger number,
#: but not right after 京, which also ends place names (東京10月 still holds a month).
LARGE_UNIT_BUT_KEI = "万億兆"
#: The large units of amounts, each a power of 10,000 (萬 is the formal 万).
LARGE_UNIT = LARGE_UNIT_BUT_KEI + "京萬"
#: What each large unit multiplies by.
LARGE_UNIT_VALUES = {"万": 10**4, "萬": 10**4, "億": 10**8, "兆": 10**12, "京": 10**16}

#: Arabic digits with optional decimals, without thousands separators: 1.5 / ３ / 2025.
DECIMAL_NUMBER = rf"{DIGIT}+(?:[{DECIMAL_POINT_CHARS}]{DIGIT}+)?"
#: An arabic number with optional thousands separators and decimals: 4,950 / 1.5 / ４，９５０.
ARABIC_NUMBER = (rf"{DIGIT}{{1,3}}(?:[{THOUSANDS_SEPARATOR_CHARS}]{DIGIT}{{3}})+(?:[{DECIMAL_POINT_CHARS}]{DIGIT}+)?"
                 rf"|{DECIMAL_NUMBER}")
#: One group below 万 that puts arabic digits before 千/百/十: 5千, 3百, 2千5百, 1.5千, 1千200; and the
#: thousands or millions of financial statements (12,345百万円, 3,456,789千円).
_MIXED_GROUP = (rf"(?:{ARABIC_NUMBER})[{AMOUNT_SMALL_UNIT}]"
                rf"(?:(?:{DECIMAL_NUMBER}|[{KANJI_DIGIT}])?[{AMOUNT_SMALL_UNIT}])*"
                rf"(?:{DECIMAL_NUMBER}|[{KANJI_DIGIT}])?")
#: One group below 万 written in kanji, arabic or both: 二千, 3000, 三百五十, 5千.
_GROUP = rf"(?:{_MIXED_GROUP}|{ARABIC_NUMBER}|[{KANJI_DIGIT}{AMOUNT_SMALL_UNIT}]+)"
#: The large units after a group: one, or 万 before a larger one (一万億 is 10**12).
_LARGE_UNITS = rf"[{LARGE_UNIT}]{{1,2}}"
#: A whole numeral: groups joined by large units (2億3000万, 二千億, 1.5兆, 4,950, 5千万).
NUMERAL = rf"(?:{_GROUP}{_LARGE_UNITS})+(?:{_GROUP})?|{_GROUP}"
#: Spaces a numeral may hold around its large units (7 万, 2億 3000万): half- and full-width, never a line break.
UNIT_SPACE_CHARS = " \u3000"
_UNIT_SPACE = f"[{UNIT_SPACE_CHARS}]?"
#: A numeral as amounts write it: ``NUMERAL`` with a space allowed on either side of each large unit
#: (7 万 円, $ 48.2 万); it never starts or ends in a space. ``parse_numeral`` reads it.
SPACED_NUMERAL = (rf"{_GROUP}(?:{_UNIT_SPACE}{_LARGE_UNITS}"
                  rf"(?:{_UNIT_SPACE}{_GROUP}{_UNIT_SPACE}{_LARGE_UNITS})*(?:{_UNIT_SPACE}{_GROUP})?)?")

_DIGIT_VALUES = ({ch: i for i, ch in enumerate(POSITIONAL_KANJI_DIGIT)} | {"零": 0}
                 | {ch: i for i, ch in enumerate(FORMAL_KANJI_DIGIT, start=1)})
_SMALL_UNIT_VALUES = {"十": 10, "拾": 10, "百": 100, "千": 1000}
_NUMERAL_RE = re.compile(NUMERAL)
_UNIT_SPACE_RE = re.compile(f"[{UNIT_SPACE_CHARS}]")
#: A group's pieces once NFKC made its digits ASCII: an arabic number (with decimals) or one character.
_GROUP_PIECE_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?|.")
#: A numeral's segments: a group and the large units that multiply it, or the last group alone.
_SEGMENT_RE = re.compile(rf"(?P<group>[^{LARGE_UNIT}]+)(?P<units>[{LARGE_UNIT}]+)|(?P<rest>[^{LARGE_UNIT}]+)$")


def _parse_group(text: str) -> Decimal | None:
    """Value of one group below 万: arabic (with commas/decimals), kanji, or arabic digits before 千/百/十."""
    ascii_text = unicodedata.normalize("NFKC", text).replace(",", "")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", ascii_text):
        try:
            return Decimal(ascii_text)
        except InvalidOperation:
            return None
    if any(ch in _SMALL_UNIT_VALUES for ch in ascii_text):
        total, digit = Decimal(0), None
        for piece in _GROUP_PIECE_RE.findall(ascii_text):
            if piece in _SMALL_UNIT_VALUES:
                total += (1 if digit is None else digit) * _SMALL_UNIT_VALUES[piece]
                digit = None
            elif digit is not None:
                return None
            elif piece in _DIGIT_VALUES:
                digit = Decimal(_DIGIT_VALUES[piece])
            elif piece[0].isdigit():
                digit = Decimal(piece)
            else:
                return None
        return total + (digit or 0)
    if text and all(ch in _DIGIT_VALUES for ch in text):
        # Positional kanji digits: 二〇二五 is 2025.
        return Decimal("".join(str(_DIGIT_VALUES[ch]) for ch in text))
    return None


def parse_numeral(text: str) -> int | float | None:
    """The value of a numeral as posts write it, or None when ``text`` is not one.

    Spaces around large units (7 万) are read past. Each group is multiplied by
    the large units after it (一万億: 1 x 万 x 億, a smaller unit before a larger
    one); those multipliers must fall
    from left to right, as in 2億3000万. Integral values come back as ``int``
    so that large amounts stay exact; decimals (1.5兆) come back as ``float``.
    """
    text = _UNIT_SPACE_RE.sub("", text)
    if not text or not _NUMERAL_RE.fullmatch(text):
        return None
    total = Decimal(0)
    previous_multiplier: int | None = None
    for segment in _SEGMENT_RE.finditer(text):
        group = _parse_group(segment.group("group") or segment.group("rest"))
        if group is None:
            return None
        units = [LARGE_UNIT_VALUES[unit] for unit in segment.group("units") or ""]
        if units != sorted(set(units)):
            return None  # 万億 multiplies, 億万 is no number
        multiplier = math.prod(units)
        if previous_multiplier is not None and multiplier >= previous_multiplier:
            return None
        previous_multiplier = multiplier
        total += group * multiplier
    if total == total.to_integral_value():
        return int(total)
    return float(total)
