"""MeCab tokens: exact offsets into the body and the UniDic fields."""

from __future__ import annotations

import pytest

from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence


@pytest.mark.parametrize("body", [
    "OpenAIとAWSの7年間・380億ドルの提携。",
    "ＡＷＳ　と　Ｔｒａｉｎｉｕｍ２ を使う。",
    "見出し\r\n\r\nNVIDIA H100  GPU\tを 導入。\r\n",
    "Amazon Web Services (AWS) は 2025年に   発表した。",
    "絵文字😀も、半角ｶﾅも、記号①も。",
])
def test_token_offsets_are_exact(body: str) -> None:
    tokens = [t for s in split_sentences(body) for t in tokenize_sentence(s)]
    assert tokens
    for token in tokens:
        assert body[token.start:token.end] == token.surface
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


def test_tokens_are_numbered_within_their_sentence() -> None:
    sentences = split_sentences("一文目です。二文目です。")
    second = tokenize_sentence(sentences[1])
    assert [t.token_index for t in second] == list(range(len(second)))
    assert {t.sentence_id for t in second} == {1}


@pytest.mark.parametrize("text, surface, pos, lemma", [
    ("提携した", "提携", "名詞-普通名詞", "提携"),
    ("投資します", "し", "動詞-非自立可能", "為る"),
    ("東京に行く", "東京", "名詞-固有名詞", "トウキョウ"),
    ("大きい", "大きい", "形容詞-一般", "大きい"),
])
def test_unidic_fields(text: str, surface: str, pos: str, lemma: str) -> None:
    tokens = tokenize_sentence(split_sentences(text)[0])
    token = next(t for t in tokens if t.surface == surface)
    assert token.pos == pos
    assert token.lemma in (lemma, surface)
    assert token.reading


@pytest.mark.parametrize("text, surfaces", [
    ("Microsoft×OpenAI：新契約", ["Microsoft", "×", "OpenAI"]),
    ("トヨタ＝NTT連合", ["トヨタ", "＝", "NTT"]),
])
def test_a_pairing_mark_is_a_token_of_its_own(text: str, surfaces: list[str]) -> None:
    """MeCab glues two names around × or ＝ into one word; the mark is cut out so each name is a word."""
    (sentence,) = split_sentences(text)
    tokens = tokenize_sentence(sentence)
    words = [token.surface for token in tokens]
    assert words[:len(surfaces)] == surfaces
    assert all(text[t.start:t.end] == t.surface for t in tokens)
    assert next(t for t in tokens if t.surface == surfaces[1]).pos == "補助記号-一般"
