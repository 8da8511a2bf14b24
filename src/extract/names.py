"""How names are compared: one key function per kind of name, each defined once.

The gazetteer checks, the recognizers, the NER filters and the evaluation all
ask whether two spellings name the same thing (ＡＷＳ and AWS, Trainium 2 and
Trainium2); if each kept its own normalization they would disagree at the
edges. Every such comparison goes through one of these keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Prefix of ids made up for companies no list names (reserved: no listed id may start with it).
DERIVED_ID_PREFIX = "x-"
#: What a holding company's name adds to its operating company's (テレビ東京ホールディングス), written out or short
#: (テレビ東京HD).
HOLDING_WORDS = frozenset({"ホールディングス", "HD", "ＨＤ", "Holdings"})
#: Of those, the short ones (日本コンピュートHD).
SHORT_HOLDING_WORDS = frozenset({"HD", "ＨＤ"})
#: The fewest characters before a holding word for the rest of the name to be shortened with HD (not ＡＨＤ).
_MIN_HOLDING_STEM = 2


def holding_short_forms(name: str) -> tuple[str, ...]:
    """The short forms of a Japanese holding company's name (みちのりHD of みちのりホールディングス), as news writes
    it after its first mention; none for a name without a written-out holding word, or a Latin one."""
    for word in HOLDING_WORDS - SHORT_HOLDING_WORDS:
        stem = name.removesuffix(word).rstrip(" ・")
        if name.endswith(word) and not name.isascii() and len(stem) >= _MIN_HOLDING_STEM:
            return tuple(stem + short for short in sorted(SHORT_HOLDING_WORDS))
    return ()

_SPACES_RE = re.compile(r"\s+")
#: Spaces between two Japanese characters, which Japanese names do not hold (パナソニック ホールディングス).
_JAPANESE_SPACES_RE = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff々〆])\s+(?=[\u3040-\u30ff\u3400-\u9fff々〆])")
_CHIP_JOINERS_RE = re.compile(r"[\s\-‐‑–—]+")
#: A middle dot between two katakana letters (エンビジョン・グループ); NFKC has made a half-width one full-width.
_KATAKANA_DOT_RE = re.compile(r"(?<=[ァ-ヺー])・(?=[ァ-ヺー]|$)")
_NOT_WORD_RE = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)  # called for every token; surfaces repeat a lot
def company_key(text: str) -> str:
    """How company names are looked up: NFKC, spaces collapsed and none between Japanese characters (パナソニック
    ホールディングス is パナソニックホールディングス), case kept (Box is not box)."""
    normal = unicodedata.normalize("NFKC", text)
    return _SPACES_RE.sub(" ", _JAPANESE_SPACES_RE.sub("", normal)).strip()


@lru_cache(maxsize=1 << 16)  # called for every token; surfaces repeat a lot
def listed_name_key(text: str) -> str:
    """How a listed name is looked for in a sentence: as ``company_key``, and without the middle dots between
    katakana words, which writers put in or leave out (エンビジョン・グループ is エンビジョングループ, ゴールドマン・
    サックス is ゴールドマンサックス), nor one after the last, as a name is read word by word (スクウェア・)."""
    return _KATAKANA_DOT_RE.sub("", company_key(text))


def alias_key(text: str) -> str:
    """How aliases are compared for conflicts between rule entries: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@lru_cache(maxsize=1 << 16)  # called for every token; surfaces repeat a lot
def chip_key(text: str) -> str:
    """How chip names are compared: NFKC, without spaces or hyphens (``Trainium 2`` == ``Trainium2``)."""
    return _CHIP_JOINERS_RE.sub("", unicodedata.normalize("NFKC", text))


def entity_key(text: str) -> str:
    """A name as evaluation matches it against gold: NFKC-normalized, case-folded, trimmed.

    Gold and output spell the same company in full-width or half-width, upper
    or lower case (ＡＷＳ, aws); those differences are not errors.
    """
    return unicodedata.normalize("NFKC", text).casefold().strip()


def derived_company_id(name: str) -> str:
    """A stable id for a company no list names, from its normalized name."""
    normal = unicodedata.normalize("NFKC", name).casefold()
    return DERIVED_ID_PREFIX + _NOT_WORD_RE.sub("-", normal).strip("-")


def abbreviates(abbreviation: str, name: str) -> bool:
    """Whether ``abbreviation``'s letters are letters of ``name`` in order, the first its first (MUFG of
    Mitsubishi UFJ Financial Group), case aside."""
    letters, rest = abbreviation.lower().replace("&", "").replace("-", "").replace(" ", ""), name.lower()
    if not letters or not rest.startswith(letters[0]):
        return False
    position = 0
    for letter in letters:
        position = rest.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True
