"""Joining rule matches and GiNZA entities into one list of company mentions.

The overlap policy is one function, ``resolve_companies``: a rule match beats
an NER span wherever they overlap (the gazetteer knows the id, the name and
the parent), and GiNZA agreeing with a rule only upgrades its ``source`` to
``rule+ner``. An NER span no rule covers becomes a company only when it
passes every named check below; GiNZA alone is too noisy on these posts to be
trusted without evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from extract.models import Sentence, Token
from extract.ner import NerRules, NerSpan
from extract.models import CompanyMention
from extract.names import company_key, derived_company_id
from extract.overlaps import first_come, inside, outside, overlaps_any
from extract.rules import LegalForms

_LATIN_NAME_RE = re.compile(r"[A-Z][A-Za-z0-9]{2,}(?:[ .&\-][A-Za-z0-9][A-Za-z0-9.&\-]*){0,3}")
_KATAKANA_NAME_RE = re.compile(r"[ァ-ヺ][ァ-ヺー・]{2,20}")
#: A short all-capitals word (ASIC, CISO, HBM, NATO, LLMs): far more often a term or an
#: organisation than a company when no rule lists it.
_ACRONYM_RE = re.compile(r"[A-Z0-9][A-Z0-9&\-]{1,5}s?")
#: What joins a title to the name after it (CEOのX, CEOであるX, CEO X).
_TITLE_JOINER_RE = re.compile(r"(?:の|である)?\s*$")
#: MeCab parts of speech of everyday vocabulary (common nouns, adjectival nouns such as スマート).
_VOCABULARY_POS = frozenset({"名詞-普通名詞", "形状詞-一般"})


class NerCompanyFilter:
    """The named checks an NER-only company must pass."""

    def __init__(self, rules: NerRules, legal_forms: LegalForms, blocked: frozenset[str], listed: frozenset[str],
                 chip_names: frozenset[str]) -> None:
        self._rules = rules
        self._evidence = legal_forms.ner_evidence
        self._trailing_form = _trailing_form_re(legal_forms)
        self._blocked = blocked | {company_key(word) for word in rules.stop_words}
        self._listed = listed
        self._chips = frozenset(company_key(name) for name in chip_names)

    def is_company_label(self, span: NerSpan) -> bool:
        """GiNZA's label is one ner.yaml says may be a company."""
        return span.label in self._rules.company_labels

    def looks_like_a_name(self, surface: str) -> bool:
        """A Latin proper noun (capitalised) or a katakana word of three or more characters."""
        text = unicodedata.normalize("NFKC", surface)
        return bool(_LATIN_NAME_RE.fullmatch(text) or _KATAKANA_NAME_RE.fullmatch(text))

    def is_stop_listed(self, surface: str) -> bool:
        """A product, generic noun or other word the rules say is never a company."""
        return company_key(surface) in self._blocked

    def is_a_chip(self, surface: str) -> bool:
        """A name the chip catalog lists (Blackwell, HBM): GiNZA often calls chip families companies."""
        return company_key(surface) in self._chips

    def is_left_to_the_rules(self, surface: str) -> bool:
        """A listed name the rules did not accept here (a context alias without context): not overruled."""
        return company_key(surface) in self._listed

    def is_a_person(self, sentence: Sentence, span: NerSpan) -> bool:
        """A title or honorific follows the name (X氏, X（CTO）), or a title comes right before it
        (CEOのX, CEOであるX): GiNZA often calls people companies."""
        rest = sentence.text[span.end - sentence.start:].lstrip(" （(")
        before = _TITLE_JOINER_RE.sub("", sentence.text[:span.start - sentence.start])
        return rest.startswith(self._rules.person_cues) or before.endswith(self._rules.person_titles)

    def is_a_dictionary_word(self, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """Every MeCab token of the span is everyday vocabulary the dictionary knows (ローカライズ,
        ユニコーンスタートアップ, スマートホーム); unknown words, as new names are, have no reading."""
        words = inside(tokens, span)
        return bool(words) and all(t.pos in _VOCABULARY_POS and t.reading is not None for t in words)

    def is_an_acronym(self, surface: str) -> bool:
        """A short all-capitals word (ASIC, CISO, NATO, HBM): a term or an organisation more often than not."""
        return bool(_ACRONYM_RE.fullmatch(unicodedata.normalize("NFKC", surface)))

    def has_company_suffix(self, sentence: Sentence, span: NerSpan) -> bool:
        """A company suffix (legal_forms.ner_evidence) follows the name (X社, X Inc.)."""
        return sentence.text[span.end - sentence.start:].lstrip().startswith(self._evidence)

    def has_company_evidence(self, sentence: Sentence, span: NerSpan) -> bool:
        """A company suffix follows the name, or the sentence talks about it as a business."""
        return self.has_company_suffix(sentence, span) or any(word in sentence.text
                                                               for word in self._rules.company_context)

    def may_find_company(self, sentence: Sentence, rule_mentions: Sequence[CompanyMention]) -> bool:
        """Whether GiNZA could find a company here that passes every check: the sentence has company
        evidence and a name-like word no rule match covers. The model runs only on such sentences,
        which is most of what keeps NER affordable; the result is the same as running it everywhere,
        except that fewer rule matches are confirmed as ``rule+ner``."""
        text = sentence.text
        if not (any(word in text for word in self._rules.company_context)
                or any(suffix in text for suffix in self._evidence)):
            return False
        for mention in rule_mentions:
            start, end = mention.start - sentence.start, mention.end - sentence.start
            text = text[:start] + " " * (end - start) + text[end:]
        normalized = unicodedata.normalize("NFKC", text)
        return bool(_LATIN_NAME_RE.search(normalized) or _KATAKANA_NAME_RE.search(normalized))

    def without_legal_form(self, span: NerSpan) -> NerSpan:
        """An entity written with its legal form (Anthropic社, Zephyr Inc.) as the bare name; the forms
        cut are legal_forms.trimmed_from_ner."""
        match = self._trailing_form.search(span.surface) if self._trailing_form else None
        if not match or match.start() == 0:
            return span
        surface = span.surface[:match.start()].rstrip()
        return replace(span, end=span.start + len(surface), surface=surface)

    def accepts(self, sentence: Sentence, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """Every check passes (a name made of dictionary words, or an acronym, needs a company
        suffix); ``tokens`` are the sentence's MeCab tokens."""
        return (self.is_company_label(span) and self.looks_like_a_name(span.surface)
                and not self.is_stop_listed(span.surface) and not self.is_a_chip(span.surface)
                and not self.is_left_to_the_rules(span.surface) and not self.is_a_person(sentence, span)
                and (not (self.is_a_dictionary_word(span, tokens) or self.is_an_acronym(span.surface))
                     or self.has_company_suffix(sentence, span))
                and self.has_company_evidence(sentence, span))


def _trailing_form_re(legal_forms: LegalForms) -> re.Pattern[str] | None:
    """A form of legal_forms.trimmed_from_ner at the end of a name, a Latin one (Inc, Corp) with the
    spaces before it and a dot after it; None when the list is empty."""
    trimmed = legal_forms.trimmed_from_ner
    branches = [re.escape(form) for form in trimmed if form not in legal_forms.latin]
    latin = [re.escape(form) for form in trimmed if form in legal_forms.latin]
    if latin:
        branches.append(rf"\s*(?:{'|'.join(latin)})\.?")
    return re.compile(f"(?:{'|'.join(branches)})$") if branches else None


def resolve_companies(rule_mentions: Sequence[CompanyMention], ner_spans: Sequence[NerSpan],
                      sentences: Sequence[Sentence], tokens: Sequence[Sequence[Token]],
                      ner_filter: NerCompanyFilter, ner_rules: NerRules) -> list[CompanyMention]:
    """One list of company mentions: rule matches win on overlap; accepted NER-only spans are added.

    An NER span must start and end on MeCab token boundaries, like rule
    matches, so a name is never cut inside a word.
    """
    by_id = {s.sentence_id: s for s in sentences}
    tokens_by_id = {sentence.sentence_id: sentence_tokens for sentence, sentence_tokens in zip(sentences, tokens)}
    boundaries = {t.start for ts in tokens for t in ts} | {t.end for ts in tokens for t in ts}
    accepted: list[NerSpan] = []
    # Rules before NER: a span overlapping a rule match never becomes a company of its own.
    for raw in outside(ner_spans, rule_mentions):
        span = ner_filter.without_legal_form(raw)
        if span.start not in boundaries or span.end not in boundaries:
            continue
        sentence = by_id.get(span.sentence_id)
        if sentence is not None and ner_filter.accepts(sentence, span, tokens_by_id[span.sentence_id]):
            accepted.append(span)
    # Of accepted spans that overlap, the first GiNZA gave stands.
    added = [_ner_company(span) for span in first_come(accepted)]
    # A rule match that a span of a confirming label overlaps was found by both.
    confirming = [span for span in ner_spans if span.label in ner_rules.confirming_labels]
    merged = [replace(m, source="rule+ner") if overlaps_any(m, confirming) else m for m in rule_mentions]
    return sorted(merged + added, key=lambda m: (m.start, m.end))


def _ner_company(span: NerSpan) -> CompanyMention:
    """An accepted NER-only span as a company mention, its id derived from its normalized name."""
    key = company_key(span.surface)
    return CompanyMention(sentence_id=span.sentence_id, start=span.start, end=span.end, surface=span.surface,
                          rule_id=f"ner:{span.label}", company_id=derived_company_id(key), name=key, parent_id=None,
                          source="ner")
