"""What only a company does: the sentences that make an ambiguous listed name the company it lists.

Encyclopedia-style text names a company most often by what it did (SNKは、1978年に大阪で設立された; 開発は
ハドソン; ローランド製のシンセサイザー), with no legal form, deal or country beside it. A name the gazetteer
lists only with context (シャープ, ライオン, サンライズ: ordinary words too) is that company where its sentence
writes such a deed, and the ordinary word elsewhere; company_patterns.yaml's ``deeds`` hold the words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.models import Sentence
from extract.normalize.alternation import any_word
from extract.rules.schema import Deeds

#: Characters that may stand between a name marked with が and its deed (SNKが1994年に発売した): a date,
#: an object, an adverb; no clause break.
_SUBJECT_GAP = 15
#: What may stand before a name that is the topic of its whole sentence: list or heading marks, or a clause
#: that ends with a comma (1978年、SNKは…設立された).
_OPENING_RE = re.compile(r"(?:^|[、，,])[\s#>*+\-]*$")
#: What glues a name to the word before it, making it part of a longer one (AI-X, M3 Max, テクノロジー・ジャイアント).
_GLUED_RE = re.compile(r"(?:[A-Za-z0-9][\-‐\s]?|[ァ-ヺー一-龯々]・)$")
#: A kanji letter right before a name.
_KANJI_BEFORE_RE = re.compile(r"[一-龯々]$")
#: What makes a Latin name go on into a longer one (X of X-Ghost).
_GOES_ON_RE = re.compile(r"[\-‐][A-Za-z0-9ァ-ヺ]|(?<=[A-Za-z0-9])[A-Za-z0-9]")
#: Most characters of what an owned thing is between a name's の and its noun (シャープの液晶パネル工場).
_OWNED_WORDS = 6
#: A katakana letter starting a name.
_KATAKANA_START_RE = re.compile(r"[ァ-ヺ]")
#: A reading in brackets a name opening its sentence may be given (福屋（ふくや）は、…).
_READING = r"(?:（[^）]{0,30}）|\([^)]{0,30}\))?"


class CompanyDeeds:
    """Tells whether a sentence writes the name at given body offsets as a company by what it does: the
    subject of a deed (opening the sentence, or marked with が close before the deed), credited with a work
    (開発はハドソン), the maker of a thing (ローランド製の) or the owner of what only a company has (シャープの前身)."""

    def __init__(self, deeds: Deeds, countries: Sequence[str] = ()) -> None:
        #: The countries news writes right before a name (米, 韓国): kanji that glue no word to a katakana name.
        self._countries = tuple(countries)
        # (a verb that ends its word: not 開発 of 開発者 or 開発ツール, what a product may hold)
        verbs = rf"{any_word(deeds.verbs)}(?![一-龯々ァ-ヺーA-Za-z])" if deeds.verbs else "(?!)"
        topic = any_word(deeds.topic_marks) if deeds.topic_marks else "(?!)"
        subject = any_word(deeds.subject_marks) if deeds.subject_marks else "(?!)"
        self._topic_re = re.compile(rf"{_READING}{topic}[^。]*?{verbs}")
        # (no other subject nor clause between: 本作はスクウェアが開発し)
        self._subject_re = re.compile(rf"{subject}[^、。，,はが「」]{{0,{_SUBJECT_GAP}}}?{verbs}")
        self._credit_re = (re.compile(rf"{any_word(deeds.credits)}{any_word(deeds.credit_marks)}\s*$")
                           if deeds.credits and deeds.credit_marks else None)
        #: What ends a credited name (開発はハドソンが担当, 制作はサンライズ、).
        self._credit_end_re = re.compile(rf"{any_word(deeds.credit_ends)}|$") if deeds.credit_ends else None
        after = [any_word(deeds.made_marks)] if deeds.made_marks else []
        if deeds.owned and deeds.of:
            # (with a few words of what it is before it: シャープの堺工場)
            after.append(f"{any_word(deeds.of)}[一-龯々ァ-ヺー]{{0,{_OWNED_WORDS}}}?{any_word(deeds.owned)}")
        self._after_re = re.compile("|".join(after)) if after else None
        naming = rf"{any_word(deeds.naming_verbs)}(?![一-龯々ァ-ヺーA-Za-z])" if deeds.naming_verbs else "(?!)"
        self._naming_re = re.compile(naming)
        # (not the subject of a passive: Xがどこで製造されるのか, a product)
        self._naming_subject_re = re.compile(rf"{subject}[^、。，,はが「」]{{0,{_SUBJECT_GAP}}}?{naming}(?!さ)")
        self._naming_source_re = (re.compile(rf"{any_word(deeds.source_marks)}{naming}") if deeds.source_marks
                                  else None)
        self._founded_re = re.compile(any_word(deeds.founded_marks)) if deeds.founded_marks else None

    def vouches(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the sentence writes the name at body offsets [start, end) as a company by a deed, the name
        not glued to the word before it nor going on into a longer one (not the X of AI-X or X-Ghost, the Max of
        M3 Max)."""
        text, head, tail = sentence.text, start - sentence.start, end - sentence.start
        if self._glued(text, head) or _GOES_ON_RE.match(text, tail):
            return False
        return (_OPENING_RE.search(text, 0, head) is not None and self._topic_re.match(text, tail) is not None
                or self._subject_re.match(text, tail) is not None
                or self._credit_re is not None and self._credit_re.search(text, 0, head) is not None
                and self._credit_end_re is not None and self._credit_end_re.match(text, tail) is not None
                or self._after_re is not None and self._after_re.match(text, tail) is not None)

    def may_name(self, sentence: Sentence) -> bool:
        """The sentence holds a naming verb or a founding, so a name no list holds may be its subject or what was
        founded (``names``)."""
        return (self._naming_re.search(sentence.text) is not None
                or self._founded_re is not None and self._founded_re.search(sentence.text) is not None)

    def names(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the sentence writes the name at body offsets [start, end), which no list holds, as the subject
        (marked with が) or source of what people seldom do (客船はミナト・クルーズが運航している; 日本版はタカミから
        発売された; not the topic, which may be a product sold: Xは年末に発売される), or, in Latin letters, what was
        founded (AirWatchを共同設立した; a katakana one is as often a centre or a team): the name not glued to the word
        before it nor going on."""
        text, head, tail = sentence.text, start - sentence.start, end - sentence.start
        if self._glued(text, head) or _GOES_ON_RE.match(text, tail):
            return False
        return (self._naming_subject_re.match(text, tail) is not None
                or self._naming_source_re is not None and self._naming_source_re.match(text, tail) is not None
                or self._founded_re is not None and text[head:tail].isascii()
                and self._founded_re.match(text, tail) is not None)

    def _glued(self, text: str, head: int) -> bool:
        """Whether the name starting at ``head`` is glued to the word before it (AI-X, M3 Max, テクノロジー・X, and
        kanji before a katakana name: 郵船クルーズ; not a country: 米クルーズ)."""
        return _GLUED_RE.search(text, 0, head) is not None or (
            _KATAKANA_START_RE.match(text, head) is not None and _KANJI_BEFORE_RE.search(text, 0, head) is not None
            and not text.endswith(self._countries, 0, head))

