"""AI chip mentions from the chip catalog, normalized to chip ids and canonical names.

Posts write chip names with or without spaces, hyphens and full-width
characters (``Trainium 2``, ``Trainium-2``, ``ＧＢ２００``); all of them map to
one catalog entry (``AWS Trainium2``). Instances and systems named like chips
(P5インスタンス, DGX, NVL72) are listed as ``not_chips`` and block a match.
Posts usually drop the maker from a chip's name (Blackwell Ultra, Gaudi 3), so
a canonical name's words after its first one count as an alias too, unless a
listed name already means something else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from extract.match import AliasEntry, AliasIndex
from extract.models import ChipMention, Sentence, Token
from extract.names import chip_key
from extract.rules import ChipRule, RuleSet

_CHIP, _BLOCKED = "chip", "blocked"


class ChipRecognizer:
    """Finds chip mentions in a post's sentences using the chip catalog."""

    def __init__(self, rules: RuleSet) -> None:
        self._chips: Mapping[str, ChipRule] = {chip.id: chip for chip in rules.chips}
        names = [(alias, AliasEntry(chip.id, _CHIP, f"chips:{chip.id}"))
                 for chip in rules.chips for alias in (chip.name, *chip.aliases)]
        names += [(word, AliasEntry("", _BLOCKED, "not_chips")) for word in rules.not_chips]
        names += [(without_maker, AliasEntry(chip.id, _CHIP, f"chips:{chip.id}"))
                  for chip in rules.chips if (without_maker := _without_maker(chip.name))]
        self._index = AliasIndex(names, chip_key)
        #: Every name the catalog lists, blocked ones (instances, systems) included.
        self.listed_names = frozenset(name for name, _ in names)

    def find(self, sentences: Sequence[Sentence], tokens: Sequence[Sequence[Token]]) -> list[ChipMention]:
        """Chip mentions of one post, in body order."""
        mentions = []
        for sentence, sentence_tokens in zip(sentences, tokens):
            for hit in self._index.find(sentence, sentence_tokens):
                if hit.entry.kind == _BLOCKED:
                    continue
                chip = self._chips[hit.entry.target]
                mentions.append(ChipMention(sentence_id=hit.sentence_id, start=hit.start, end=hit.end,
                                            surface=hit.surface, rule_id=hit.entry.rule_id, chip_id=chip.id,
                                            name=chip.name, vendor_id=chip.vendor))
        return mentions


def _without_maker(name: str) -> str | None:
    """The canonical name without its first word (``NVIDIA Blackwell Ultra`` -> ``Blackwell Ultra``)."""
    _, _, rest = name.partition(" ")
    return rest if len(rest) >= 3 else None
