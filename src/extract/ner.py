"""GiNZA (spaCy ``ja_ginza``) named entities and dependency parses of sentences.

The gazetteer cannot list every company a post names; GiNZA's NER proposes
the others. The model is loaded once per process, without the components no
stage uses, and runs only where it can matter: NER on the sentences where it
could find a company, the dependency parser on those that may state a
relation. A sentence that needs both goes through the tokenizer and tok2vec,
most of the model's time, once. GiNZA's tokenizer (SudachiPy) refuses texts
over 49,149 bytes, so it is fed sentences (the segmenter caps them well below
that), never whole posts; offsets map back to the body through the sentence's
start.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extract.cache import SentenceCache
from extract.models import Sentence
from extract.normalize.alternation import any_word
from extract.rules.schema import Appositives, NerFile

#: The spaCy model GiNZA ships.
MODEL_NAME = "ja_ginza"
#: SudachiPy's input limit in bytes; longer sentences are not given to the model.
MAX_MODEL_BYTES = 49_149
#: Components that neither NER nor the dependency parse need.
UNUSED_COMPONENTS = ("morphologizer", "compound_splitter")
#: The pipeline components each analysis runs: the shared encoder, then NER or the parser.
_TOK2VEC, _NER, _PARSER = "tok2vec", "ner", "parser"
_NER_ONLY = (_TOK2VEC, _NER)
_PARSE = (_TOK2VEC, _PARSER)
#: Sentences the model takes at a time.
_BATCH_SIZE = 64


@dataclass(frozen=True)
class NerSpan:
    """An entity GiNZA found in a sentence; ``body[start:end] == surface``."""

    sentence_id: int
    start: int
    end: int
    surface: str
    label: str


@dataclass(frozen=True)
class ParsedToken:
    """A word of a dependency parse: body offsets and its head word (index in the sentence), which
    is all the relation step reads to tell which clause a company belongs to."""

    index: int
    start: int
    end: int
    head: int


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence's dependency parse, plain data so later stages need no spaCy objects."""

    sentence_id: int
    tokens: tuple[ParsedToken, ...]


#: Characters between a defined name's particle and the company noun (は、日本の大手工作機械メーカーである).
_DEFINITION_CHARS = 40


@dataclass(frozen=True)
class NerRules:
    """Compiled ``rules/ner.yaml``: which labels may be companies and the filters' word lists (the legal
    forms that are evidence for a company are ``legal_forms`` of company_patterns.yaml)."""

    company_labels: frozenset[str]
    confirming_labels: frozenset[str]
    company_context: tuple[str, ...]
    stop_words: frozenset[str]
    person_cues: tuple[str, ...]
    person_titles: tuple[str, ...]
    person_names: frozenset[str] = frozenset()
    context_particles: tuple[str, ...] = ()
    company_nouns: tuple[str, ...] = ()
    #: Kinds of company that make the names listed as their examples companies (Aといった企業が).
    example_heads: tuple[str, ...] = ()
    #: A kind of company and the word joining it to a name written right after it (AIスタートアップの,
    #: 新興企業である): the writer introduces the company it names. None without those words.
    appositive_re: re.Pattern | None = None
    #: What follows a name so introduced (its particle or punctuation, not the rest of a longer word:
    #: 企業のWebサイト). None without appositives.
    appositive_end_re: re.Pattern | None = None
    #: After a name, what makes its sentence define it as a company (北辰精機は、日本の工作機械メーカーである):
    #: the name's topic particle (a reading in parentheses may come first), then a company noun ending
    #: the sentence or followed by one of ``definition_ends`` (a kind of business of ``definition_kinds`` counts
    #: too). None without definition particles.
    definition_re: re.Pattern | None = None
    #: Words a kind of company ends that name something else (創業者, 神社, 旗艦店).
    definition_not_kinds: tuple[str, ...] = ()
    organisation_endings: tuple[str, ...] = ()
    company_organisation_endings: tuple[str, ...] = ()
    organisation_words: frozenset[str] = frozenset()
    thing_heads: frozenset[str] = frozenset()
    kind_heads: tuple[str, ...] = ()
    #: Headings over a list of a company's group companies (## 主要子会社, ## 関連会社): each item is one.
    company_list_headings: frozenset[str] = frozenset()


def compile_ner_rules(spec: NerFile) -> NerRules:
    """The validated ``rules/ner.yaml`` as the sets the NER filter looks words up in."""
    return NerRules(
        company_labels=frozenset(spec.company_labels),
        confirming_labels=frozenset(spec.confirming_labels) | frozenset(spec.company_labels),
        company_context=spec.company_context,
        stop_words=frozenset(spec.stop_words),
        person_cues=spec.person_cues,
        person_titles=spec.person_titles,
        person_names=frozenset(spec.person_names),
        context_particles=spec.context_particles,
        company_nouns=spec.company_nouns,
        example_heads=tuple(spec.example_heads),
        appositive_re=_appositive_re(spec.appositives) if spec.appositives else None,
        # (the name may be in bold: 物流大手の**Freightora**は)
        appositive_end_re=(re.compile(rf"(?:\*\*|__)?{any_word(spec.appositives.name_ends)}") if spec.appositives
                           else None),
        definition_re=(re.compile(
            # (the bold an article writes its subject in may close after the name: **ヴィンクラー**（Winkler GmbH）は)
            rf"(?:\*\*|__)?\s*(?:（[^）]{{0,30}}）|\([^)]{{0,30}}\))?\s*{any_word(spec.definition_particles)}、?"
            rf"[^。]{{0,{_DEFINITION_CHARS}}}?(?P<kind>{any_word((*spec.company_nouns, *spec.definition_kinds))})"
            # (not a noun the kind modifies: 東京スカイツリーは、東武鉄道の子会社である東武タワー…が運営する)
            rf"(?:{any_word(spec.definition_ends)}(?:(?<=[、。])|(?![一-龯々〆ヵヶァ-ヺーA-Za-zＡ-Ｚａ-ｚ0-9０-９「『]))|。|$)")
            if spec.definition_particles and spec.company_nouns else None),
        definition_not_kinds=tuple(spec.definition_not_kinds),
        organisation_endings=spec.organisation_endings,
        company_organisation_endings=spec.company_organisation_endings,
        organisation_words=frozenset(spec.organisation_words),
        thing_heads=frozenset(spec.thing_heads),
        kind_heads=spec.kind_heads,
        company_list_headings=frozenset(spec.company_list_headings),
    )


def _appositive_re(appositives: Appositives) -> re.Pattern:
    """A kind of company and the word joining it to the name after it (新興企業である, スタートアップの)."""
    joined = [rf"{any_word(appositives.nouns)}{any_word(appositives.links)}"]
    if appositives.of and appositives.of_nouns:
        joined.append(rf"{any_word(appositives.of_nouns)}{any_word(appositives.of)}")
    return re.compile("|".join(f"(?:{branch})" for branch in joined))


@lru_cache(maxsize=1)
def load_model():
    """The GiNZA pipeline, once per process, without the components no stage uses."""
    import spacy

    return spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS))


def _fits(sentence: Sentence) -> bool:
    return len(sentence.text.encode("utf-8")) <= MAX_MODEL_BYTES


def analysis_kinds() -> tuple[str, str]:
    """Cache kinds of the two analyses, naming the model's version: a new model is a new cache."""
    from importlib.metadata import version

    model = f"{MODEL_NAME}-{version('ja-ginza')}"
    return f"{model}:{'+'.join(_NER_ONLY)}", f"{model}:{'+'.join(_PARSE)}"


def analyse_sentences(ner_sentences: Sequence[Sentence], parse_sentences: Sequence[Sentence],
                      ner_cache: SentenceCache | None = None, parse_cache: SentenceCache | None = None,
                      ) -> tuple[list[NerSpan], list[ParsedSentence]]:
    """GiNZA's entities in ``ner_sentences`` and the dependency parses of ``parse_sentences``, with body offsets.

    A sentence in both goes through the tokenizer and tok2vec once, which is most of the model's time
    for either analysis. NER runs before the parser, as when it runs alone: in the pipeline's own order
    the parser's sentence boundaries would bind NER and change some of its entities. Results are read
    from the caches where they are there, and the fresh ones stored."""
    ner_fitting = [s for s in ner_sentences if _fits(s)]
    parse_fitting = [s for s in parse_sentences if _fits(s)]
    entities = _cached(ner_fitting, ner_cache)
    parses = _cached(parse_fitting, parse_cache)
    ner_missing = list(dict.fromkeys(s.text for s in ner_fitting if s.text not in entities))
    parse_missing = list(dict.fromkeys(s.text for s in parse_fitting if s.text not in parses))
    fresh_entities, fresh_parses = _run_model(ner_missing, parse_missing)
    for cache, fresh in ((ner_cache, fresh_entities), (parse_cache, fresh_parses)):
        if cache is not None:
            cache.put_many(fresh)
    entities.update(fresh_entities)
    parses.update(fresh_parses)
    spans = [NerSpan(sentence.sentence_id, sentence.start + start, sentence.start + end,
                     sentence.text[start:end], label)
             for sentence in ner_fitting for start, end, label in entities[sentence.text]]
    parsed = [ParsedSentence(sentence.sentence_id, tuple(
                  ParsedToken(index, sentence.start + start, sentence.start + end, head)
                  for index, start, end, head in parses[sentence.text]))
              for sentence in parse_fitting]
    return spans, parsed


def find_entities(sentences: Sequence[Sentence], cache: SentenceCache | None = None) -> list[NerSpan]:
    """GiNZA's entities in the given sentences, with body offsets."""
    return analyse_sentences(sentences, (), ner_cache=cache)[0]


def parse_sentences(sentences: Sequence[Sentence], cache: SentenceCache | None = None) -> list[ParsedSentence]:
    """Dependency parses of the given sentences, in order."""
    return analyse_sentences((), sentences, parse_cache=cache)[1]


def _cached(sentences: Sequence[Sentence], cache: SentenceCache | None) -> dict[str, Any]:
    """The cached analyses of those sentences that have one, by text (decoded JSON: the lists
    ``_run_model`` makes)."""
    return dict(cache.get_many({s.text for s in sentences})) if cache is not None and sentences else {}


def _run_model(ner_texts: list[str], parse_texts: list[str]) -> tuple[dict[str, list], dict[str, list]]:
    """Entities of ``ner_texts`` and parses of ``parse_texts`` from one model pass over their union."""
    texts = list(dict.fromkeys([*ner_texts, *parse_texts]))
    if not texts:
        return {}, {}
    nlp = load_model()
    with nlp.select_pipes(enable=[_TOK2VEC]):
        docs = list(nlp.pipe(texts, batch_size=_BATCH_SIZE))
    by_text = dict(zip(texts, docs))
    entities: dict[str, list] = {}
    parses: dict[str, list] = {}
    if ner_texts:
        for text, doc in zip(ner_texts, nlp.get_pipe(_NER).pipe([by_text[t] for t in ner_texts],
                                                                 batch_size=_BATCH_SIZE)):
            entities[text] = [[ent.start_char, ent.end_char, ent.label_] for ent in doc.ents]
    if parse_texts:
        for text, doc in zip(parse_texts, nlp.get_pipe(_PARSER).pipe([by_text[t] for t in parse_texts],
                                                                       batch_size=_BATCH_SIZE)):
            parses[text] = [[t.i, t.idx, t.idx + len(t.text), t.head.i] for t in doc]
    return entities, parses


def examples_of_companies_re(example_heads: Sequence[str], coordinators: Sequence[str],
                             example_particles: Sequence[str]) -> re.Pattern[str] | None:
    """After a name, the rest of a list of names (Latin or katakana) that are examples of a kind of company
    named right after the list (UberやState Farmといった大手企業が, イオンなどの総合スーパー; ner.yaml's
    example_heads), the kind the head of its phrase (not 企業向けソフトウェア); None without the words. Each
    name is read whole (an atomic group): a coordinator such as ・ or and may also stand inside a name, and
    trying every way to split a long run would not end."""
    if not (coordinators and example_particles and example_heads):
        return None
    return re.compile(
        rf"(?:\s*{any_word(coordinators)}\s*(?>[A-Za-z0-9ァ-ヺー・.&\- ]{{1,30}}))*\s*{any_word(example_particles)}"
        rf"[^、。「」をがはにとのもで]{{0,12}}?{any_word(example_heads)}(?=[がはをにともで、。]|から|への)")
