"""Fixed strings a regex needs, so that a text holding none of them is skipped without running it.

A pattern runs on every sentence, and most sentences hold none of its fixed words (株式会社, 社, Inc, 四半期,
年度 ...): one search for those words skips them far faster than the regex itself would fail (a company
pattern is also called with a timeout, which costs more still). Both the company patterns and the date
patterns are filtered so.
"""

from __future__ import annotations

import re
import warnings
from re import _parser as _re_parser  # type: ignore[attr-defined]  # typeshed stubs it only as sre_parse
from typing import Any

#: A literal ``{`` in ``re``'s parse of a pattern (see ``required_literals``).
_BRACE = ord("{")


def literals_re(literals: tuple[str, ...]) -> re.Pattern[str] | None:
    """The literals as one alternation, longest first (None without literals): one search tests a text for all of
    them, several times faster than a substring test per literal."""
    if not literals:
        return None
    return re.compile("|".join(re.escape(literal) for literal in sorted(literals, key=len, reverse=True)))


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings of which the text around every match of ``pattern`` (the match and what its look-arounds
    read) contains at least one, or () when none are known.

    Worked out with ``re``'s parser, so only for the syntax ``re`` and ``regex`` read alike: a
    pattern ``re`` rejects or warns about (``regex``-only syntax, POSIX classes, set operations),
    one with a literal ``{`` (``regex`` may read a fuzzy-match constraint there) and a
    case-insensitive one get (), and run on every sentence.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _re_parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return ()
        found = _required_in_sequence(list(parsed))
    except (re.error, Warning, RecursionError, _MaybeFuzzy):
        return ()
    return tuple(sorted(found)) if found else ()


class _MaybeFuzzy(Exception):
    """A literal ``{`` where the literals are worked out: ``re`` reads it as a character, but
    ``regex`` may read a fuzzy-match constraint (``(?:Inc){e<=1}``) that lets a match differ."""


def _required_in_sequence(items: list) -> frozenset[str] | None:
    """For a parsed sequence: the most selective of its items' required sets (the one whose
    shortest string is longest, then the smallest), adjacent literal characters joined into one string; raises
    ``_MaybeFuzzy`` at a literal ``{``."""
    candidates: list[frozenset[str] | None] = []
    run: list[str] = []
    for op, argument in items:
        if op is _re_parser.LITERAL:
            if argument == _BRACE:
                raise _MaybeFuzzy
            run.append(chr(argument))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        candidates.append(_required_in_item(op, argument))
    if run:
        candidates.append(frozenset(["".join(run)]))
    known = [c for c in candidates if c]
    return max(known, key=lambda c: (min(map(len, c)), -len(c))) if known else None


def _required_in_item(op: object, argument: Any) -> frozenset[str] | None:
    """For one parsed item that is not a plain literal: strings one of which its match (or, for a look-around
    that must hold, the text next to it) contains, or None (character classes with ranges, optional items,
    negative look-arounds, anchors, back-references).
    ``argument``'s shape depends on ``op`` (a tuple, a list, a parsed sequence)."""
    if op is _re_parser.SUBPATTERN:
        _group, add_flags, _del_flags, items = argument
        return None if add_flags & re.IGNORECASE else _required_in_sequence(list(items))
    if op is _re_parser.ATOMIC_GROUP:
        return _required_in_sequence(list(argument))
    if op is _re_parser.ASSERT:  # a look-ahead or look-behind that must hold: the sentence holds its strings
        _direction, items = argument
        return _required_in_sequence(list(items))
    if op is _re_parser.BRANCH:
        branches = [_required_in_sequence(list(branch)) for branch in argument[1]]
        known = [b for b in branches if b is not None]
        return None if len(known) < len(branches) else frozenset[str]().union(*known)
    if op in (_re_parser.MAX_REPEAT, _re_parser.MIN_REPEAT, _re_parser.POSSESSIVE_REPEAT):
        least, _most, items = argument
        return _required_in_sequence(list(items)) if least >= 1 else None
    if op is _re_parser.IN and all(member is _re_parser.LITERAL for member, _ in argument):
        return frozenset(chr(value) for _, value in argument)
    return None
