"""NER candidates: the named checks an NER-only company must pass, and the overlap policy with rules."""

from __future__ import annotations

import pytest

from conftest import RULES
from extract.ner import NerSpan, compile_ner_rules, find_entities
from extract.normalize.chips import ChipRecognizer
from extract.names import derived_company_id
from extract.normalize.companies import CompanyRecognizer
from extract.resolve import NerCompanyFilter, resolve_companies
from extract.rules import load_rules
from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence

RULE_SET = load_rules(RULES)
RECOGNIZER = CompanyRecognizer(RULE_SET)
NER_RULES = compile_ner_rules(RULE_SET.ner)
FILTER = NerCompanyFilter(NER_RULES, RULE_SET.legal_forms, RECOGNIZER.blocked_names, RECOGNIZER.listed_names,
                          ChipRecognizer(RULE_SET).listed_names)


def _span(text: str, surface: str, label: str = "Company") -> tuple:
    """The sentence of ``text``, its tokens and a hand-made NER span over the first ``surface`` in it."""
    [sentence] = split_sentences(text)
    start = text.index(surface)
    return sentence, tokenize_sentence(sentence), NerSpan(sentence.sentence_id, start, start + len(surface), surface,
                                                          label)


@pytest.mark.parametrize("text, surface, label, accepted, failing_check", [
    # Evidence: a company suffix, or a sentence about the name as a business.
    ("ゼファーロジック社が新製品を出した。", "ゼファーロジック", "Company", True, None),
    ("Zephyrlogicは資金調達を発表した。", "Zephyrlogic", "Company", True, None),
    ("Zephyrlogic Inc.が参入した。", "Zephyrlogic", "Company", True, None),
    # A label ner.yaml does not map to companies.
    ("Zephyrlogic社のCEOが語った。", "Zephyrlogic", "Person", False, "is_company_label"),
    # Not a name: lowercase Latin, kanji phrases, short katakana.
    ("zephyr社が資金調達した。", "zephyr", "Company", False, "looks_like_a_name"),
    ("新興企業が資金調達した。", "新興企業", "Company", False, "looks_like_a_name"),
    # Products, generic nouns and stop words are never companies.
    ("ChatGPTは資金調達の話題で持ちきりだ。", "ChatGPT", "Company", False, "is_stop_listed"),
    ("スタートアップが資金調達した。", "スタートアップ", "Company", False, "is_stop_listed"),
    ("AIエージェントのCEOが語った。", "AIエージェント", "Company", False, "is_stop_listed"),
    # No evidence in the sentence that the name is a business.
    ("Zephyrlogicという言葉を聞いた。", "Zephyrlogic", "Company", False, "has_company_evidence"),
    # People GiNZA calls companies, and words the dictionary knows.
    ("Zephyrlogicは、Maren Holt（CTO）が資金調達を率いる。", "Maren Holt", "Company", False, "is_a_person"),
    ("Maren Holt氏が資金調達を発表した。", "Maren Holt", "Company", False, "is_a_person"),
    ("ZephyrlogicのCEOであるMaren Holtは資金調達を語った。", "Maren Holt", "Company", False, "is_a_person"),
    ("創業者のMaren Holtが資金調達を率いる。", "Maren Holt", "Company", False, "is_a_person"),
    ("モデルのローカライズを担う企業が資金調達した。", "ローカライズ", "Company", False, "is_a_dictionary_word"),
    ("スマートホームの新興企業が資金調達した。", "スマートホーム", "Company", False, "is_a_dictionary_word"),
    # Short all-capitals words are terms or organisations unless a company suffix follows.
    ("QZRXが資金調達を発表した。", "QZRX", "Company", False, "is_an_acronym"),
    ("QZRX社が資金調達を発表した。", "QZRX", "Company", True, None),
    # Chip families the catalog lists are not companies.
    ("Blackwellの調達で時価総額が伸びた。", "Blackwell", "Company", False, "is_a_chip"),
])
def test_ner_filter_checks(text: str, surface: str, label: str, accepted: bool, failing_check: str | None) -> None:
    sentence, tokens, span = _span(text, surface, label)
    assert FILTER.accepts(sentence, span, tokens) is accepted
    if failing_check == "is_company_label":
        assert not FILTER.is_company_label(span)
    elif failing_check == "looks_like_a_name":
        assert not FILTER.looks_like_a_name(surface)
    elif failing_check == "is_stop_listed":
        assert FILTER.is_stop_listed(surface)
    elif failing_check == "has_company_evidence":
        assert not FILTER.has_company_evidence(sentence, span)
    elif failing_check == "is_a_person":
        assert FILTER.is_a_person(sentence, span)
    elif failing_check == "is_a_dictionary_word":
        assert FILTER.is_a_dictionary_word(span, tokens)
    elif failing_check == "is_an_acronym":
        assert FILTER.is_an_acronym(surface)
    elif failing_check == "is_a_chip":
        assert FILTER.is_a_chip(surface)


def test_a_context_alias_without_context_is_left_to_the_rules() -> None:
    context_only = next(alias for company in RULE_SET.companies for alias in company.context_aliases
                        if FILTER.looks_like_a_name(alias))
    assert FILTER.is_left_to_the_rules(context_only)


def _resolve(text: str, spans: list[NerSpan]) -> list[tuple[str, str, str]]:
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    rules = RECOGNIZER.find(sentences, tokens)
    return [(m.surface, m.company_id, m.source)
            for m in resolve_companies(rules, spans, sentences, tokens, FILTER, NER_RULES)]


def test_a_rule_match_beats_an_overlapping_ner_span() -> None:
    text = "アマゾン ウェブ サービスがZephyrlogic社と組んだ。"
    # GiNZA often tags only part of a listed name, with a label that is not Company;
    # the rule keeps its id and name, and a confirming label marks it rule+ner.
    spans = [NerSpan(0, 0, 4, "アマゾン", "Car")]
    assert _resolve(text, spans) == [("アマゾン ウェブ サービス", "amazon-web-services", "rule+ner"),
                                     ("Zephyrlogic", "x-zephyrlogic", "rule")]
    spans.append(NerSpan(0, 13, 25, "Zephyrlogic社", "Company"))
    assert _resolve(text, spans)[1] == ("Zephyrlogic", "x-zephyrlogic", "rule+ner")


def test_an_ner_only_company_gets_a_stable_derived_id() -> None:
    text = "Quillforgeは資金調達を完了した。"
    found = _resolve(text, [NerSpan(0, 0, 10, "Quillforge", "Company")])
    assert found == [("Quillforge", derived_company_id("Quillforge"), "ner")]


def test_an_ner_span_cutting_a_word_is_dropped() -> None:
    text = "Quillforgeは資金調達を完了した。"
    assert _resolve(text, [NerSpan(0, 0, 5, "Quill", "Company")]) == []


def test_the_real_model_adds_an_unlisted_company_and_skips_a_product() -> None:
    text = "QuillforgeのCEOは、ChatGPTを使う顧客向けの資金調達を発表した。"
    found = _resolve(text, find_entities(split_sentences(text)))
    assert found == [("Quillforge", derived_company_id("Quillforge"), "ner")]
