"""MeCab tokens (fugashi + unidic-lite) with exact character offsets into the body.

Rules match on token boundaries (``AWS`` is not a company inside a longer
Latin word), so every token carries its surface, lemma, UniDic part of speech
and its start/end in the body. MeCab drops whitespace between tokens; the
offsets are recovered by locating each surface in the sentence text, so
``body[start:end] == surface`` holds whatever the spaces, full-width
characters or line endings.
"""

from __future__ import annotations

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
        feature = word.feature
        start = sentence.start + found
        tokens.append(Token(
            sentence_id=sentence.sentence_id,
            token_index=len(tokens),
            start=start,
            end=start + len(surface),
            surface=surface,
            lemma=_feature(feature, "lemma") or surface,
            pos=_part_of_speech(feature),
            reading=_feature(feature, "kana"),
        ))
        position = found + len(surface)
    return tokens


def _feature(feature: object, name: str) -> str | None:
    """A UniDic feature field, or None where the dictionary has none (unknown words)."""
    value = getattr(feature, name, None)
    return None if value in (None, "*", "") else value


def _part_of_speech(feature: object) -> str:
    """UniDic pos1 and pos2 joined with '-' (``名詞-固有名詞``), pos1 alone when pos2 is empty."""
    parts = [_feature(feature, "pos1"), _feature(feature, "pos2")]
    return "-".join(part for part in parts if part)
