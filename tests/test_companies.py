"""Company matching on token boundaries, longest match, stop-lists, context aliases and patterns."""

from __future__ import annotations

import pytest

from conftest import RULES
from extract.names import derived_company_id
from extract.normalize.companies import CompanyRecognizer
from extract.rules import load_rules
from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence


@pytest.fixture(scope="module")
def recognizer() -> CompanyRecognizer:
    return CompanyRecognizer(load_rules(RULES))


def companies(recognizer: CompanyRecognizer, body: str) -> list[tuple[str, str]]:
    sentences = split_sentences(body)
    mentions = recognizer.find(sentences, [tokenize_sentence(s) for s in sentences])
    for mention in mentions:
        assert body[mention.start:mention.end] == mention.surface
    return [(m.surface, m.company_id) for m in mentions]


@pytest.mark.parametrize("body, expected", [
    ("AWSとOpenAIが提携した。", [("AWS", "amazon-web-services"), ("OpenAI", "openai")]),
    ("マイクロソフトとグーグルとエヌビディア。", [("マイクロソフト", "microsoft"), ("グーグル", "google"),
                                          ("エヌビディア", "nvidia")]),
    ("Amazon Web Servicesが発表。", [("Amazon Web Services", "amazon-web-services")]),
    ("ＡＷＳ　が発表。", [("ＡＷＳ", "amazon-web-services")]),
    ("AWSomeという単語。", []),
    ("AzureとSageMakerを比べた。", []),
    # A product named after its maker: the maker is the company, the product is not.
    ("Google CloudとAmazon Bedrockを比べた。", [("Google", "google"), ("Amazon", "amazon")]),
    ("ChatGPTとClaudeとGeminiを使う。", []),
    ("スタートアップとハイパースケーラーと米政府。", []),
    ("マイクロソフト（MS）はMSの戦略を示した。", [("マイクロソフト", "microsoft"), ("MS", "microsoft"),
                                           ("MS", "microsoft")]),
    ("MSの戦略は不明だ。", []),
    ("NTTデータグループとソフトバンクグループ。", [("NTTデータグループ", "ntt-data-group"),
                                          ("ソフトバンクグループ", "softbank-group")]),
])
def test_companies(recognizer: CompanyRecognizer, body: str, expected: list[tuple[str, str]]) -> None:
    assert companies(recognizer, body) == expected


@pytest.mark.parametrize("body, name", [
    ("株式会社ゼファーロジックは新製品を発表した。", "ゼファーロジック"),
    ("ゼファーロジック株式会社が発表した。", "ゼファーロジック"),
    ("Zephyrlogic社のモデル。", "Zephyrlogic"),
    ("Zephyrlogic Inc.が買収された。", "Zephyrlogic"),
])
def test_pattern_rules_find_unlisted_companies_with_a_stable_id(recognizer: CompanyRecognizer, body: str,
                                                                 name: str) -> None:
    assert companies(recognizer, body) == [(name, derived_company_id(name))]


def test_derived_ids_are_stable_across_spellings() -> None:
    assert derived_company_id("Zephyrlogic") == derived_company_id("ＺＥＰＨＹＲＬＯＧＩＣ") == "x-zephyrlogic"


@pytest.mark.parametrize("body", ["同社と他社と3社と各社。", "パートナー社とベンダー社。", "AI社が。"])
def test_generic_words_before_sha_are_not_companies(recognizer: CompanyRecognizer, body: str) -> None:
    assert companies(recognizer, body) == []


def test_subsidiary_carries_its_parent(recognizer: CompanyRecognizer) -> None:
    sentences = split_sentences("AWSが発表した。")
    (mention,) = recognizer.find(sentences, [tokenize_sentence(s) for s in sentences])
    assert (mention.name, mention.parent_id, mention.source) == ("Amazon Web Services", "amazon", "rule")
