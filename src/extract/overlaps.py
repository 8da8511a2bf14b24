"""The overlap policies: which of two spans that share characters is kept, each a named function.

Several stages must decide between spans that cover the same text: a URL and a
company name inside it, two date patterns reading one expression, a rule match
and a GiNZA entity, a company name and the back-reference 同社 it contains.
Each decision is one of the policies below (as spaCy's ``filter_spans`` and
``span_ruler``'s filters are), so a reader looks up what a stage does by its
name instead of re-reading a hand-written comparison, and the one overlap test
is written once. Spans are anything with ``start`` and ``end`` (half-open, into
the same text): mentions, tokens, ``Span``. No stage is imported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class Located(Protocol):
    """Anything covering characters ``[start, end)`` of a text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_Item = TypeVar("_Item", bound=Located)


def overlaps(a: Located, b: Located) -> bool:
    """Whether two spans share at least one character; spans that only touch (``[0, 3)`` and ``[3, 5)``) do not."""
    return a.start < b.end and b.start < a.end


def overlaps_any(item: Located, spans: Iterable[Located]) -> bool:
    """Whether ``item`` shares a character with any of ``spans``."""
    return any(overlaps(item, span) for span in spans)


def outside(items: Iterable[_Item], spans: Sequence[Located]) -> list[_Item]:
    """The items that overlap none of ``spans``, in their order: the spans win every overlap.

    URLs over mentions (a link target is not text), rule matches over GiNZA's
    entities (rules before NER: the rule knows the id), company names over the
    back-references written inside them.
    """
    return [item for item in items if not overlaps_any(item, spans)]


def inside(items: Iterable[_Item], span: Located) -> list[_Item]:
    """The items lying wholly within ``span``, in their order (the tokens of a name)."""
    return [item for item in items if span.start <= item.start and item.end <= span.end]


def first_come(candidates: Iterable[_Item], taken: Iterable[Located] = ()) -> list[_Item]:
    """The candidates in the order given, each kept unless it overlaps one kept before it or one of ``taken``.

    The earlier-listed candidate wins: used where the order of the rules is the
    priority (company patterns after the listed names, in file order) or where
    the first accepted span stands (GiNZA's entities, left to right).
    """
    kept: list[_Item] = []
    blocking: list[Located] = list(taken)
    for candidate in candidates:
        if not overlaps_any(candidate, blocking):
            kept.append(candidate)
            blocking.append(candidate)
    return kept


def longest_first(candidates: Iterable[_Item]) -> list[_Item]:
    """The candidates no longer one overlaps, in text order: the longest span wins, then the one that
    starts earlier, then the earlier-listed (spaCy's ``filter_spans``; date patterns in the order tried)."""
    by_length = sorted(candidates, key=lambda candidate: (candidate.start - candidate.end, candidate.start))
    return sorted(first_come(by_length), key=lambda candidate: candidate.start)
