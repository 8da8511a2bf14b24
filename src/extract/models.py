"""The plain records that flow between pipeline stages.

Every stage takes and returns these immutable records (frozen dataclasses, and
named tuples for the millions of tokens and for bare spans), never dicts or
DataFrames, so that what a stage produces is visible in one place and a stage
can be tested without the ones around it. Every kind of mention (companies,
chips, and money and dates in their modules) is a ``Mention``: body offsets,
sentence, surface and rule id, the same way. No I/O happens here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, TypeVar


@dataclass(frozen=True)
class Post:
    """One post as read from disk: front-matter metadata and the exact body.

    ``body`` is the text after the closing front-matter line, byte for byte as
    in the file (CRLF kept); every offset in every table indexes into it.
    """

    article_id: str
    source_path: str
    title: str | None
    published_at: datetime | None
    date_text: str | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    author: str | None
    excerpt: str | None
    body: str
    content_sha256: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of a post's body; ``text == body[start:end]``."""

    sentence_id: int
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """A MeCab (UniDic) token with its character offsets into the body.

    A named tuple rather than a dataclass: posts have millions of tokens, and a
    tuple is several times cheaper to create, while just as immutable.
    """

    sentence_id: int
    token_index: int
    start: int
    end: int
    surface: str
    lemma: str
    pos: str
    reading: str | None


class Span(NamedTuple):
    """Characters ``[start, end)`` of a text: a URL in a post body, a word in a sentence."""

    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Mention:
    """What every kind of mention shares: where it is, what was written, and which rule found it.

    Offsets are into the post body, ``body[start:end] == surface``, whichever
    recognizer found it, so mentions of every kind compare, overlap and join
    without knowing the sentence they came from. Built by keyword only: each
    kind adds its normalized fields after these.
    """

    sentence_id: int
    start: int
    end: int
    surface: str
    rule_id: str


_M = TypeVar("_M", bound=Mention)


def by_sentence(mentions: Iterable[_M]) -> dict[int, list[_M]]:
    """Mentions grouped by the id of the sentence they are in, each group in the order given: the stages read a
    post sentence by sentence."""
    grouped: dict[int, list[_M]] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence_id, []).append(mention)
    return grouped


@dataclass(frozen=True, kw_only=True)
class CompanyMention(Mention):
    """A company named in a sentence, with its id, usual name and parent; ``source`` says whether the
    rules, GiNZA or both found it."""

    company_id: str
    name: str
    parent_id: str | None
    source: str


@dataclass(frozen=True, kw_only=True)
class ChipMention(Mention):
    """A chip named in a sentence, with its catalog id, canonical name and vendor."""

    chip_id: str
    name: str
    vendor_id: str
