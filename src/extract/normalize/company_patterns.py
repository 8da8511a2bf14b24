"""Company patterns compiled for the companies stage, each with the literals its matches must contain.

Compiled with the ``regex`` module, not ``re``: it keeps ``re``'s syntax (the
shipped look-behinds included) and can stop a match after a timeout, so a
user's pattern that backtracks exponentially fails one post instead of hanging
the run. A pattern runs on every sentence, and most sentences hold none of its
fixed words (株式会社, 社, Inc ...): ``required_literals`` finds them, so such a
sentence is skipped with a substring test instead of a regex call.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from re import _parser as _re_parser  # type: ignore[attr-defined]  # typeshed stubs it only as sre_parse
from typing import TYPE_CHECKING, Any

from extract.rules import PatternRule

if TYPE_CHECKING:  # imported where patterns are compiled: a re-run with nothing to do compiles none
    import regex

#: A literal ``{`` in ``re``'s parse of a company pattern (see ``required_literals``).
_BRACE = ord("{")


@dataclass(frozen=True)
class CompanyPattern:
    """A compiled company pattern; group ``name`` is the company's name. ``literals`` are strings of
    which every match contains one (empty when unknown): a sentence holding none of them cannot match."""

    id: str
    regex: regex.Pattern
    file: str
    line: int
    literals: tuple[str, ...] = ()


def compile_company_patterns(rules: tuple[PatternRule, ...]) -> tuple[CompanyPattern, ...]:
    """The validated patterns of company_patterns.yaml, compiled (they compiled when validated)."""
    import regex

    return tuple(CompanyPattern(rule.id, regex.compile(rule.regex), rule.file, rule.line,
                                required_literals(rule.regex)) for rule in rules)


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings of which every match of ``pattern`` contains at least one, or () when none are known.

    A company pattern runs on every sentence, and most sentences hold none of its fixed words
    (株式会社, 社, Inc ...): a substring test skips them far faster than a regex call with a timeout.
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
    """For one parsed item that is not a plain literal: strings one of which its match contains,
    or None (character classes with ranges, optional items, look-arounds, anchors, back-references).
    ``argument``'s shape depends on ``op`` (a tuple, a list, a parsed sequence)."""
    if op is _re_parser.SUBPATTERN:
        _group, add_flags, _del_flags, items = argument
        return None if add_flags & re.IGNORECASE else _required_in_sequence(list(items))
    if op is _re_parser.ATOMIC_GROUP:
        return _required_in_sequence(list(argument))
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
