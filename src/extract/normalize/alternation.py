"""Regex alternations of a rule file's words, longest word first, so the longest cue always wins.

Every stage that turns a word list of ``rules/*.yaml`` into a regex (money's
currency words, the date patterns' cue words, the relation step's particles)
builds it here, so the ordering and escaping are the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

_ASCII_LETTER = "A-Za-z"


def word_alternation(words: Iterable[str], *, whole_ascii_words: bool = False) -> str:
    """A regex alternation of ``words``, longest first, so the longest word always wins.

    With ``whole_ascii_words``, a word that starts or ends in an ASCII letter
    only matches where it does not cut an ASCII word in two (B in $50B, not in $50Bn).
    """
    pieces = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        piece = re.escape(word)
        if whole_ascii_words and re.match(f"[{_ASCII_LETTER}]", word):
            piece = f"(?<![{_ASCII_LETTER}]){piece}"
        if whole_ascii_words and re.search(f"[{_ASCII_LETTER}]$", word):
            piece = f"{piece}(?![{_ASCII_LETTER}])"
        pieces.append(piece)
    return "(?:" + "|".join(pieces) + ")"


def any_word(words: Collection[str], *, whole_ascii_words: bool = False) -> str:
    """``word_alternation`` of ``words``; with no words, a regex that never matches (an empty
    alternation would match the empty string everywhere)."""
    return word_alternation(words, whole_ascii_words=whole_ascii_words) if words else "(?!)"
