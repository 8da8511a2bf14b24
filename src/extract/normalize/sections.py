"""Sections: shared checks for one section of a rule file, so every normalizer reports errors the same way.

Each normalizer (money, dates) compiles its section of ``rules/*.yaml`` once,
when the rules are loaded. A malformed section must fail right there, with a
``SectionError`` (a ValueError) whose message names the file and the key, and
which carries the mapping and key at fault so the problem is reported at that
key's line, e.g.
``dates.yaml: 'bound_mods.BEFORE' must be a list of non-empty strings``, so a
rule author can fix the YAML without reading Python. These helpers are that
one way of checking and reporting. Each takes ``where``: what the message
starts with, the file name ("money.yaml") or the file and the enclosing key
("money.yaml range_separators").

Also here: the regex alternation the normalizers build from a section's words,
longest word first so the longest cue always wins (and, for lists a rule author
may leave empty, one that then never matches).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

class SectionError(ValueError):
    """A problem in a section of a rule file, with the mapping and key at fault, so the rule loader can
    report it at that key's line (the loader's mappings know the line of every key)."""

    def __init__(self, message: str, section: object = None, key: object = None) -> None:
        super().__init__(message)
        self.section = section
        self.key = key


#: Keys every rule file may hold that no normalizer reads: provenance and worked examples.
_IGNORED_KEYS = frozenset({"source", "examples"})
_ASCII_LETTER = "A-Za-z"


def check_keys(section: object, known: Collection[str], where: str) -> None:
    """Check that ``section`` is a mapping whose keys are all ``known`` (or ``source``/``examples``).

    A misspelt key would otherwise be silently ignored, so ValueError names every unknown one.
    """
    if not isinstance(section, Mapping):
        raise ValueError(f"{where}: must be a mapping of keys, not {type(section).__name__}")
    unknown = sorted(str(key) for key in section if key not in known and key not in _IGNORED_KEYS)
    if unknown:
        raise SectionError(f"{where}: unknown key(s) {', '.join(unknown)}", section, unknown[0])


def require(section: Mapping, key: str, kind: type, where: str):
    """The value under ``key``, or ValueError naming the key when it is missing or of the wrong type."""
    if key not in section:
        raise SectionError(f"{where}: missing key {key!r}", section)
    value = section[key]
    if not isinstance(value, kind):
        raise SectionError(f"{where}: {key!r} must be a {kind.__name__}, not {type(value).__name__}", section, key)
    return value


def _string_list(value: object, key: str, where: str, owner: object = None, owner_key: object = None) -> list[str]:
    """``value`` as a list of non-empty strings, or an error naming ``key`` (found under ``owner_key`` of
    the mapping ``owner``, where the loader reports it)."""
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise SectionError(f"{where}: {key!r} must be a list of non-empty strings", owner, owner_key)
    return value


def word_list(section: Mapping, key: str, where: str) -> list[str]:
    """The list of non-empty strings under ``key``, or ValueError naming the key."""
    return _string_list(require(section, key, list, where), key, where, section, key)


def grouped_words(section: Mapping, key: str, where: str,
                  labels: Collection[str] | None = None) -> dict[str, str]:
    """Word -> label from a ``{label: [words]}`` mapping under ``key``, validated.

    With ``labels`` given, every label must be one of them. A word listed under
    two labels is an error, since a match could not say which one it means.
    """
    groups = require(section, key, Mapping, where)
    words: dict[str, str] = {}
    for label, group in groups.items():
        if labels is not None and label not in labels:
            raise SectionError(f"{where}: {key!r} has {label!r}; expected one of {tuple(labels)}", groups, label)
        for word in _string_list(group, f"{key}.{label}", where, groups, label):
            if words.get(word, label) != label:
                raise SectionError(f"{where}: {key!r} gives {word!r} two labels, {words[word]!r} and {label!r}",
                                   groups, label)
            words[word] = label
    return words


def cue_words_by_side(section: Mapping, key: str, where: str,
                      labels: Collection[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Cue word -> label for the cues before and after what they qualify.

    Reads ``{label: {before: [words], after: [words]}}`` under ``key`` (money's
    ``qualifiers``, dates' ``duration_mods``); either side may be left out.
    """
    groups = require(section, key, Mapping, where)
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for label, sides in groups.items():
        if label not in labels:
            raise SectionError(f"{where}: {key!r} has {label!r}; expected one of {tuple(labels)}", groups, label)
        if not isinstance(sides, Mapping):
            raise SectionError(f"{where}: '{key}.{label}' must be a mapping with before/after", groups, label)
        for side, cues in (("before", before), ("after", after)):
            for word in _string_list(sides.get(side, []), f"{key}.{label}.{side}", where, sides, side):
                cues[word] = label
    return before, after


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


def any_word(words: Collection[str]) -> str:
    """``word_alternation`` of ``words``; with no words, a regex that never matches (an empty
    alternation would match the empty string everywhere)."""
    return word_alternation(words) if words else "(?!)"
