"""AI chip mentions from the chip catalog, normalized to chip ids and canonical names.

Posts write chip names with or without spaces, hyphens and full-width
characters (``Trainium 2``, ``Trainium-2``, ``ＧＢ２００``); all of them map to
one catalog entry (``AWS Trainium2``). Instances and systems named like chips
(P5インスタンス, DGX, NVL72) are listed as ``not_chips`` and block a match.
Posts usually drop the maker from a chip's name (Blackwell Ultra, Gaudi 3), so
a canonical name's words after its first one count as an alias too, unless a
listed name already means something else. A roadmap lists a family's next
models by their codes alone after the first one named in full (「Ascend 950」
「960」「970」): a bare code in the sentence of a chip named with its family
is that family's model, where the catalog lists it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from extract.match import AliasEntry, AliasHit, AliasIndex
from extract.models import ChipMention, Sentence, Token
from extract.names import chip_key
from extract.rules import ChipRule, RuleSet

_CHIP, _BLOCKED = "chip", "blocked"
#: The rule id of a model named by its code alone after its family's (ChipRecognizer._family_codes).
_FAMILY_CODE_RULE = "chips.family_code"
#: A model code written alone (960, 910D), set off from other Latin letters and digits, not a word of a longer
#: Latin name (Atlas 950 SuperCluster) and not followed by a unit or a count (960個, 950W, 900万).
_BARE_CODE_RE = re.compile(r"(?<![A-Za-z0-9.,\-])(?<![A-Za-z0-9][ \t])[A-Z]{0,2}[0-9]{2,4}[A-Z]{0,2}"
                           r"(?![A-Za-z0-9.,\-%％])(?![ \t]?[A-Za-z一-龯々ぁ-ゖァ-ヺー$¥￥])")
#: A chip's name as its family, a word of three letters or more, and its model code (Ascend 950: Ascend, 950;
#: not B200, whose one letter is no family a bare number goes on).
_FAMILY_CODE_RE = re.compile(r"(?P<family>(?:.*[^A-Za-z])?[A-Za-z]{3,})[ \-]?(?P<code>[A-Z]{0,2}[0-9]{2,4}[A-Z]{0,2})")


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
            hits = self._index.find(sentence, sentence_tokens)
            named = []
            for hit in hits:
                if hit.entry.kind == _BLOCKED:
                    continue
                chip = self._chips[hit.entry.target]
                named.append(ChipMention(sentence_id=hit.sentence_id, start=hit.start, end=hit.end,
                                         surface=hit.surface, rule_id=hit.entry.rule_id, chip_id=chip.id,
                                         name=chip.name, vendor_id=chip.vendor))
            mentions += sorted([*named, *self._family_codes(sentence, named, hits)], key=lambda m: (m.start, m.end))
        return mentions

    def _family_codes(self, sentence: Sentence, named: Sequence[ChipMention],
                      hits: Sequence[AliasHit]) -> list[ChipMention]:
        """The models a sentence names by their codes alone beside a chip of their family named in full
        (「Ascend 950」「960」: Ascend 960), where the catalog lists the family's model of that code."""
        families = {match.group("family"): chip.vendor_id for chip in named
                    if (match := _FAMILY_CODE_RE.fullmatch(chip.surface.strip()))}
        if not families:
            return []
        found = []
        for code in _BARE_CODE_RE.finditer(sentence.text):
            start, end = sentence.start + code.start(), sentence.start + code.end()
            if any(hit.start < end and start < hit.end for hit in hits):
                continue
            listed = [entry for family, vendor in families.items()
                      if (entry := self._index.entry(f"{family}{code.group()}")) is not None and entry.kind == _CHIP
                      and self._chips[entry.target].vendor == vendor]
            if listed:
                chip = self._chips[listed[0].target]
                found.append(ChipMention(sentence_id=sentence.sentence_id, start=start, end=end,
                                         surface=code.group(), rule_id=_FAMILY_CODE_RULE, chip_id=chip.id,
                                         name=chip.name, vendor_id=chip.vendor))
        return found


def _without_maker(name: str) -> str | None:
    """The canonical name without its first word (``NVIDIA Blackwell Ultra`` -> ``Blackwell Ultra``)."""
    _, _, rest = name.partition(" ")
    return rest if len(rest) >= 3 else None
