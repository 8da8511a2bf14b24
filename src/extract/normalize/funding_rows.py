"""Rows of a funding table (- 会社名｜ラウンド｜調達額｜主な投資家): where a line states who raised a round from whom.

Digests and newsletters list a week's funding rounds as table rows or list items whose cells are split by ｜ or
| (- ツバメ物流｜シリーズA｜12億円｜A、B). Such a row states its investments with no sentence around them: the company
its first cell names raised the round another cell names (シリーズA, シード), from the companies named in the cells
after that one. The company recognizer reads the first cell as a company, as a deal's party, and the relation step
reads the row's investments. The words come from partnerships.yaml's ``funding_rows``; only the shape of a row is
here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.models import Sentence
from extract.normalize.alternation import any_word
from extract.rules.schema import FundingRowsSpec

#: What may open a row before its first cell: spaces and a list mark.
_ROW_START = " \t　-*+・"
#: Markup around a cell's text: spaces and bold.
_CELL_MARKUP = " \t　*_"
#: Most characters of a first cell that is a company's name (not a sentence split by a bar).
_NAME_CHARS = 40
#: Characters that never stand in a company's name in a table cell: a sentence's punctuation.
_NOT_IN_NAME_RE = re.compile(r"[、。,，:：()（）「」]")
#: A company's name opens with a letter, katakana or kanji (not 2024年, a date).
_NAME_START_RE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚァ-ヺ一-龯々]")
#: What may follow a round word in its cell before the round's own ending: its letter (シリーズA, Series B+).
_ROUND_LETTER = r"\s?[A-ZＡ-Ｚ]?[0-9+＋]?"


@dataclass(frozen=True)
class FundingRow:
    """A funding table row of one sentence: body offsets of the first cell's text (the company that raised the
    round), of the cells after the round's (its investors), and the round's cell (シリーズA)."""

    raiser_start: int
    raiser_end: int
    investors_start: int
    investors_end: int
    round_word: str


class FundingRows:
    """Reads funding table rows by partnerships.yaml's ``funding_rows``: the cell separators, the words a cell
    naming a round opens with, and the words it may end in."""

    def __init__(self, spec: FundingRowsSpec) -> None:
        self._separator_re = re.compile(any_word(spec.separators))
        ending = rf"(?:\s?{any_word(spec.round_endings)})?" if spec.round_endings else ""
        self._round_re = re.compile(f"{any_word(spec.round_words)}{_ROUND_LETTER}{ending}")

    def read(self, sentence: Sentence) -> FundingRow | None:
        """The funding row the sentence is, or None: three or more cells, one after the first naming a round
        and nothing else (シリーズA, not シリーズ化), and a first cell that may be a name."""
        text = sentence.text
        start = len(text) - len(text.lstrip(_ROW_START))
        cells: list[tuple[int, int]] = []
        for separator in self._separator_re.finditer(text, start):
            cells.append((start, separator.start()))
            start = separator.end()
        cells.append((start, len(text.rstrip())))
        cells = [_trimmed(text, low, high) for low, high in cells]
        if cells and cells[0][0] == cells[0][1]:
            cells = cells[1:]  # | A | B |: a table row's leading bar
        if cells and cells[-1][0] == cells[-1][1]:
            cells = cells[:-1]
        if len(cells) < 3:
            return None
        round_cell = next((index for index, (low, high) in enumerate(cells[1:], 1)
                           if self._round_re.fullmatch(text, low, high)), None)
        raiser = text[cells[0][0]:cells[0][1]]
        if (round_cell is None or round_cell + 1 >= len(cells) or not _NAME_START_RE.match(raiser)
                or len(raiser) > _NAME_CHARS or _NOT_IN_NAME_RE.search(raiser)):
            return None
        low, high = cells[round_cell]
        return FundingRow(sentence.start + cells[0][0], sentence.start + cells[0][1],
                          sentence.start + cells[round_cell + 1][0], sentence.start + cells[-1][1], text[low:high])


def _trimmed(text: str, low: int, high: int) -> tuple[int, int]:
    """Offsets ``low``..``high`` of ``text`` without the markup around the cell's text."""
    while low < high and text[low] in _CELL_MARKUP:
        low += 1
    while high > low and text[high - 1] in _CELL_MARKUP:
        high -= 1
    return low, high
