"""MeCab tokens (fugashi + unidic-lite) with exact character offsets into the body.

Rules match on token boundaries (``AWS`` is not a company inside a longer
Latin word), so every token carries its surface, lemma, UniDic part of speech
and its start/end in the body. MeCab drops whitespace between tokens; the
offsets are recovered by locating each surface in the sentence text, so
``body[start:end] == surface`` holds whatever the spaces, full-width
characters or line endings.
"""

from __future__ import annotations

import csv
from functools import lru_cache

import fugashi

from extract.models import Sentence, Token


@lru_cache(maxsize=1)
def _tagger() -> fugashi.Tagger:
    """One UniDic tagger per process (loading the dictionary takes a moment)."""
    return fugashi.Tagger()


def tokenize_sentence(sentence: Sentence) -> list[Token]:
    """The tokens of one sentence, numbered from 0 within it."""
    text = sentence.text
    tokens = []
    position = 0
    for word in _tagger()(text):
        surface = word.surface
        if not surface:
            continue
        found = text.find(surface, position)
        if found < 0 or not text[position:found].isspace() and found != position:
            raise ValueError(f"MeCab token {surface!r} not found at offset {position} of {text[:80]!r}")
        fields = _features(word.feature_raw)
        start = sentence.start + found
        tokens.append(Token(
            sentence_id=sentence.sentence_id,
            token_index=len(tokens),
            start=start,
            end=start + len(surface),
            surface=surface,
            lemma=_field(fields, _LEMMA) or surface,
            pos="-".join(part for part in (_field(fields, 0), _field(fields, 1)) if part),
            reading=_field(fields, _KANA),
        ))
        position = found + len(surface)
    return tokens


#: Positions of the UniDic feature fields used (fugashi's UnidicFeatures26 order).
_LEMMA, _KANA = 7, 17


def _features(raw: str) -> list[str]:
    """A token's UniDic feature fields. Read from the raw CSV string: building fugashi's named
    tuple for every token costs more than the rest of tokenizing."""
    if '"' in raw:
        return next(csv.reader([raw]))
    return raw.split(",")


def _field(fields: list[str], index: int) -> str | None:
    """A feature field, or None where the dictionary has none (unknown words have only six)."""
    value = fields[index] if index < len(fields) else None
    return None if value in (None, "*", "") else value
