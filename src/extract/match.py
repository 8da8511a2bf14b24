"""Finding listed names (company aliases, chip names) on MeCab token boundaries.

A name only counts where it starts and ends on token boundaries, so ``AWS``
is not found inside a longer Latin word and a katakana name is not found
inside a longer katakana word. Among names starting at the same token the
longest wins, which is also how stop-listed products (``Google Cloud``,
``Amazon Bedrock``) block the company name they begin with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from extract.models import Sentence, Token

#: Names longer than this many tokens are not looked for (none of the gazetteer's are).
MAX_NAME_TOKENS = 12
#: Middle dots, which join the words of a name and never end one.
_JOINING_DOTS = "・･"
#: Sentence texts whose names are remembered (posts repeat boilerplate sentences).
_REMEMBERED_TEXTS = 4096


@dataclass(frozen=True)
class AliasEntry:
    """What a listed name stands for: a target id, how it may be used and the rule it comes from."""

    target: str
    kind: str
    rule_id: str


@dataclass(frozen=True)
class AliasHit:
    """A listed name found in a sentence; offsets are into the body."""

    sentence_id: int
    start: int
    end: int
    surface: str
    entry: AliasEntry


class AliasIndex:
    """Listed names keyed by a normal form, searched token by token."""

    def __init__(self, names: Iterable[tuple[str, AliasEntry]], key: Callable[[str], str]) -> None:
        self._key = key
        self._found: dict[tuple[str, int, int], list[tuple[int, int, str, AliasEntry]]] = {}
        self._entries: dict[str, AliasEntry] = {}
        self._prefixes: set[str] = set()
        for name, entry in names:
            normal = key(name)
            if not normal:
                continue
            self._entries.setdefault(normal, entry)
            self._prefixes.update(normal[:end] for end in range(1, len(normal) + 1))

    def entry(self, name: str) -> AliasEntry | None:
        """The entry listed under ``name`` (in its normal form), if any."""
        return self._entries.get(self._key(name))

    def find(self, sentence: Sentence, tokens: Sequence[Token]) -> list[AliasHit]:
        """Every longest listed name in the sentence, left to right, without overlaps."""
        # The tokens are a run of the sentence's own: its text, where the run starts and its length say which.
        key = (sentence.text, tokens[0].start - sentence.start if tokens else 0, len(tokens))
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _REMEMBERED_TEXTS:
                self._found.clear()
            found = self._found[key] = self._find(sentence, tokens)
        return [AliasHit(sentence.sentence_id, sentence.start + start, sentence.start + end, surface, entry)
                for start, end, surface, entry in found]

    def _find(self, sentence: Sentence, tokens: Sequence[Token]) -> list[tuple[int, int, str, AliasEntry]]:
        """The names of a sentence with offsets relative to it (they depend on its text alone)."""
        hits = []
        text, base = sentence.text, sentence.start
        index = 0
        while index < len(tokens):
            first = tokens[index]
            best: tuple[int, AliasEntry] | None = None
            for last in range(index, min(index + MAX_NAME_TOKENS, len(tokens))):
                surface = text[first.start - base: tokens[last].end - base]
                normal = self._key(surface)
                if normal not in self._prefixes:
                    break
                entry = self._entries.get(normal)
                if entry is not None and not surface[-1].isspace() and surface[-1] not in _JOINING_DOTS:
                    best = (last, entry)
            if best is None:
                index += 1
                continue
            last, entry = best
            start, end = first.start - base, tokens[last].end - base
            hits.append((start, end, text[start:end], entry))
            index = last + 1
        return hits
