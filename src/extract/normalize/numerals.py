"""Japanese numerals: the shared regex pieces and the parser money and dates both read.

Posts write numbers in arabic digits (4,950), full-width digits (４９５０),
kanji (二千億, 二〇二五) and mixed forms (2億3000万, 1.5兆). Money and date
rules need to find such numbers and turn them into values the same way, so the
pattern and the parser live here, once.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

#: Digits as posts write them, ASCII and full-width, as the body of a regex character class.
DIGIT_CHARS = "0-9０-９"
#: One digit as posts write it: ASCII or full-width.
DIGIT = f"[{DIGIT_CHARS}]"
#: Decimal points and thousands separators, half- and full-width (character-class bodies).
DECIMAL_POINT_CHARS = ".．"
THOUSANDS_SEPARATOR_CHARS = ",，"
#: Kanji digits in order of their value (〇 is 0), as positional numerals write them (二〇二五).
#: Dates use exactly these: the old-style 零 only appears inside amounts (百零五), never in a date.
POSITIONAL_KANJI_DIGIT = "〇一二三四五六七八九"
#: Kanji digits: the positional ones and the old-style zero 零.
KANJI_DIGIT = POSITIONAL_KANJI_DIGIT + "零"
#: Kanji for 10 and 100: the small units of the small numbers dates write in kanji (十一月, 三十日, 百年).
KANJI_TEN_HUNDRED = "十百"
#: Kanji for 10, 100, 1000 inside a group of four digits.
KANJI_SMALL_UNIT = KANJI_TEN_HUNDRED + "千"
#: The large units but 京, as dates use them: a number right after one is part of a larger number,
#: but not right after 京, which also ends place names (東京10月 still holds a month).
LARGE_UNIT_BUT_KEI = "万億兆"
#: The large units, each a power of 10,000.
LARGE_UNIT = LARGE_UNIT_BUT_KEI + "京"
#: What each large unit multiplies by.
LARGE_UNIT_VALUES = {"万": 10**4, "億": 10**8, "兆": 10**12, "京": 10**16}

#: Arabic digits with optional decimals, without thousands separators: 1.5 / ３ / 2025.
DECIMAL_NUMBER = rf"{DIGIT}+(?:[{DECIMAL_POINT_CHARS}]{DIGIT}+)?"
#: An arabic number with optional thousands separators and decimals: 4,950 / 1.5 / ４，９５０.
ARABIC_NUMBER = (rf"{DIGIT}{{1,3}}(?:[{THOUSANDS_SEPARATOR_CHARS}]{DIGIT}{{3}})+(?:[{DECIMAL_POINT_CHARS}]{DIGIT}+)?"
                 rf"|{DECIMAL_NUMBER}")
#: One group below 万 written in kanji, arabic or both: 二千, 3000, 三百五十.
_GROUP = rf"(?:{ARABIC_NUMBER}|[{KANJI_DIGIT}{KANJI_SMALL_UNIT}]+)"
#: A whole numeral: groups joined by large units (2億3000万, 二千億, 1.5兆, 4,950).
NUMERAL = rf"(?:{_GROUP}[{LARGE_UNIT}])+(?:{_GROUP})?|{_GROUP}"

_DIGIT_VALUES = {ch: i for i, ch in enumerate(POSITIONAL_KANJI_DIGIT)} | {"零": 0}
_SMALL_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
_NUMERAL_RE = re.compile(NUMERAL)


def _parse_group(text: str) -> Decimal | None:
    """Value of one group below 万: arabic (with commas/decimals) or kanji."""
    ascii_text = unicodedata.normalize("NFKC", text).replace(",", "")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", ascii_text):
        try:
            return Decimal(ascii_text)
        except InvalidOperation:
            return None
    if any(ch in _SMALL_UNIT_VALUES for ch in text):
        total, digit = 0, None
        for ch in text:
            if ch in _DIGIT_VALUES:
                if digit is not None:
                    return None
                digit = _DIGIT_VALUES[ch]
            elif ch in _SMALL_UNIT_VALUES:
                total += (1 if digit is None else digit) * _SMALL_UNIT_VALUES[ch]
                digit = None
            else:
                return None
        return Decimal(total + (digit or 0))
    if text and all(ch in _DIGIT_VALUES for ch in text):
        # Positional kanji digits: 二〇二五 is 2025.
        return Decimal("".join(str(_DIGIT_VALUES[ch]) for ch in text))
    return None


def parse_numeral(text: str) -> int | float | None:
    """The value of a numeral as posts write it, or None when ``text`` is not one.

    Integral values come back as ``int`` so that large amounts stay exact;
    decimals (1.5兆) come back as ``float``.
    """
    if not text or not _NUMERAL_RE.fullmatch(text):
        return None
    total = Decimal(0)
    rest = text
    for unit, multiplier in sorted(LARGE_UNIT_VALUES.items(), key=lambda kv: -kv[1]):
        head, sep, tail = rest.partition(unit)
        if not sep:
            continue
        group = _parse_group(head)
        if group is None:
            return None
        total += group * multiplier
        rest = tail
    if rest:
        group = _parse_group(rest)
        if group is None:
            return None
        total += group
    if total == total.to_integral_value():
        return int(total)
    return float(total)
