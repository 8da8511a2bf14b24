"""GiNZA's analyses: one model pass for the entities and the parse gives what each gives alone."""

from __future__ import annotations

from pathlib import Path

from extract.cache import SentenceCache
from extract.ner import analyse_sentences, analysis_kinds, find_entities, load_model, parse_sentences
from extract.segment import split_sentences

#: Invented sentences: Latin and kanji names, a headline, a long clause chain.
TEXT = ("Zephyrlogic社は北辰精機と提携し、新工場に5億ドルを投じると発表した。"
        "Orbit Labsとカスミ電機の協業、その狙いはどこにあるのか？"
        "山陽精工は、工作機械の部品を作る日本のメーカーである。"
        "Brightwave IoTが自律的に判断する機能を持つがゆえに、その影響は大きいと同社の幹部は述べた。")


def test_one_pass_gives_the_entities_and_parses_of_separate_passes() -> None:
    sentences = split_sentences(TEXT)
    both_spans, both_parses = analyse_sentences(sentences, sentences[1:])
    assert both_spans == find_entities(sentences)
    assert both_parses == parse_sentences(sentences[1:])
    # NER alone as spaCy runs it: the parser's sentence boundaries must not bind the entities.
    nlp = load_model()
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        alone = [(sentence.start + ent.start_char, sentence.start + ent.end_char, ent.label_)
                 for sentence, doc in zip(sentences, nlp.pipe([s.text for s in sentences]))
                 for ent in doc.ents]
    assert [(span.start, span.end, span.label) for span in both_spans] == alone
    assert [len(parsed.tokens) for parsed in both_parses] == [len(nlp.make_doc(s.text)) for s in sentences[1:]]


def test_cached_analyses_are_read_and_the_missing_one_is_stored(tmp_path: Path) -> None:
    sentences = split_sentences(TEXT)
    first = sentences[0]
    ner_kind, parse_kind = analysis_kinds()
    ner_cache = SentenceCache(tmp_path / "cache.db", ner_kind)
    parse_cache = SentenceCache(tmp_path / "cache.db", parse_kind)
    # A stored entity the model would not give shows that the cache is read, not the model run.
    ner_cache.put_many({first.text: [[0, 3, "Company"]]})
    spans, parses = analyse_sentences([first], [first], ner_cache, parse_cache)
    assert [(span.start, span.end, span.surface, span.label) for span in spans] == [
        (first.start, first.start + 3, first.text[:3], "Company")]
    assert parses == parse_sentences([first])
    assert parse_cache.get_many([first.text]) == {
        first.text: [[t.index, t.start - first.start, t.end - first.start, t.head] for t in parses[0].tokens]}
