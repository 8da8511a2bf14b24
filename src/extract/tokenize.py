"""MeCab tokens (fugashi + unidic-lite) with exact character offsets into the body.

Rules match on token boundaries (``AWS`` is not a company inside a longer
Latin word), so every token carries its surface, lemma, UniDic part of speech
and its start/end in the body. MeCab drops whitespace between tokens; the
offsets are recovered by locating each surface in the sentence text, so
``body[start:end] == surface`` holds whatever the spaces, full-width
characters or line endings. A mark pairing two names (Microsoft×OpenAI) is a
token of its own even where MeCab glues the names around it into one word.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import fugashi

from extract.models import Sentence, Token


#: Sentence texts whose tokens are kept: enough for the boilerplate nearby posts repeat, small
#: enough that a worker's memory stays flat however many posts it processes.
_REMEMBERED_TEXTS = 4096


@lru_cache(maxsize=1)
def _tagger() -> fugashi.Tagger:
    """One UniDic tagger per process (loading the dictionary takes a moment)."""
    return fugashi.Tagger()


def tokenize_sentence(sentence: Sentence) -> list[Token]:
    """The tokens of one sentence, numbered from 0 within it."""
    base, sentence_id = sentence.start, sentence.sentence_id
    return [Token(sentence_id, index, base + start, base + end, surface, lemma, pos, reading)
            for index, (start, end, surface, lemma, pos, reading) in enumerate(_analyse(sentence.text))]


def is_personal_name(word: str) -> bool:
    """Whether MeCab reads the word alone as a person's given or family name (佐三, 房治郎, ヘンリー): next to a
    company's name it makes the two a person's (出光佐三, ヘンリー・フォード)."""
    return _read_alone_as(word, ("名詞", "固有名詞", "人名"))


def is_adverbial_noun(word: str) -> bool:
    """Whether MeCab reads the word alone as a noun that may stand as an adverb (同日, 今回, 昨年, 現在): before a
    company's name it says when, and is none of the name."""
    return _read_alone_as(word, ("名詞", "普通名詞", "副詞可能"))


def is_country_name(word: str) -> bool:
    """Whether MeCab reads the word alone as the name of a country (中国, 米国, ドイツ): before a company's name it
    says where the company is, and is none of the name (中国アリババ集団 is Alibaba)."""
    return _read_alone_as(word, ("名詞", "固有名詞", "地名", "国"))


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _read_alone_as(word: str, part_of_speech: tuple[str, ...]) -> bool:
    """Whether MeCab reads the word alone as one word whose part-of-speech fields begin with ``part_of_speech``."""
    read = [token for token in _tagger()(word) if token.surface]
    if len(read) != 1:
        return False
    fields = _features(read[0].feature_raw)
    return tuple(fields[:len(part_of_speech)]) == part_of_speech


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _analyse(text: str) -> tuple[tuple[int, int, str, str, str, str | None], ...]:
    """MeCab's tokens of a text with offsets relative to it. Kept per text: posts repeat much of
    their text (boilerplate, related-article lists), and MeCab is most of a rules-only run."""
    tokens: list[tuple[int, int, str, str, str, str | None]] = []
    position = 0
    for word in _tagger()(text):
        surface = word.surface
        if not surface:
            continue
        found = text.find(surface, position)
        if found < 0 or not text[position:found].isspace() and found != position:
            raise ValueError(f"MeCab token {surface!r} not found at offset {position} of {text[:80]!r}")
        fields = _features(word.feature_raw)
        pos = _part_of_speech(fields[0], fields[1] if len(fields) > 1 else "*")
        pieces = _PAIRING_MARK_RE.split(surface) if len(surface) > 1 else [surface]
        if len(pieces) > 1:
            # Microsoft×OpenAI, トヨタ＝NTT: MeCab glues two names around a pairing mark into one word
            at = found
            for piece in pieces:
                if piece:
                    mark = _PAIRING_MARK_RE.fullmatch(piece) is not None
                    tokens.append((at, at + len(piece), piece, piece, _SYMBOL if mark else pos, None))
                at += len(piece)
        else:
            tokens.append((found, found + len(surface), surface, _field(fields, _LEMMA) or surface, pos,
                           _field(fields, _KANA)))
        position = found + len(surface)
    return tuple(tokens)


#: A mark written between two names to pair them (A×B, A＝B), which MeCab may keep inside one word; and the
#: part of speech such a mark gets when cut out of it.
_PAIRING_MARK_RE = re.compile(r"([×✕✖＝=⇔↔])")
_SYMBOL = "補助記号-一般"


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


@lru_cache(maxsize=1024)
def _part_of_speech(pos1: str, pos2: str) -> str:
    """UniDic pos1 and pos2 joined with '-' (``名詞-固有名詞``), pos1 alone when pos2 is empty."""
    return "-".join(part for part in (pos1, pos2) if part not in ("*", ""))
