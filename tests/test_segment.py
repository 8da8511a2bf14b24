"""Sentence segmentation: where sentences end and that offsets are exact."""

from __future__ import annotations

import pytest

from extract.segment import MAX_SENTENCE_CHARS, paragraph_openings, split_sentences


@pytest.mark.parametrize("body, expected", [
    ("一文目。二文目！三文目？", ["一文目。", "二文目！", "三文目？"]),
    ("本当に!?そうです。", ["本当に!?", "そうです。"]),
    ("彼は「これは。すごい！」と言った。次。", ["彼は「これは。すごい！」と言った。", "次。"]),
    ("AWS（Amazon Web Services。略称）は強い。", ["AWS（Amazon Web Services。略称）は強い。"]),
    ("閉じない「括弧。次の文。", ["閉じない「括弧。", "次の文。"]),
    ("# 見出し\n本文の一文。\n- 項目一\n- 項目二", ["# 見出し", "本文の一文。", "- 項目一", "- 項目二"]),
    ("| 会社 | 金額 |\n|---|---|\n| A社 | 1億円 |", ["| 会社 | 金額 |", "| A社 | 1億円 |"]),
    ("行一\r\n\r\n行二\r\n", ["行一", "行二"]),
    ("  前後の空白。  \n", ["前後の空白。"]),
    # a line of quoted titles after a label: each title is a sentence; a quote inside prose is not cut
    ("関連記事：「A社、B社と提携」「C社、D社を買収」", ["「A社、B社と提携」", "「C社、D社を買収」"]),
    ("- 関連: 「A社が上場」", ["「A社が上場」"]),
    ("彼は言った：「A社と組む」と。", ["彼は言った：「A社と組む」と。"]),
    ("---\n---END---\n", ["---END---"]),
    # a quoted headline, a long dash between spaces, and the digest's own line about it
    ("Zephyr to buy Nimbalo ―― Zephyr、Nimbaloを買収へ", ["Zephyr to buy Nimbalo", "Zephyr、Nimbaloを買収へ"]),
    ("売上は2倍――過去最高だ。", ["売上は2倍――過去最高だ。"]),
    ("", []),
])
def test_sentences(body: str, expected: list[str]) -> None:
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == expected
    assert [s.sentence_id for s in sentences] == list(range(len(expected)))
    for sentence in sentences:
        assert body[sentence.start:sentence.end] == sentence.text


def test_a_huge_line_is_cut_into_bounded_sentences() -> None:
    body = "前置き。" + ("あいうえお、" * 100_000) + "\n後書き。"
    sentences = split_sentences(body)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert sentences[0].text == "前置き。" and sentences[-1].text == "後書き。"
    assert sum(len(s.text) for s in sentences) == len(body) - 1  # only the newline is not in a sentence
    for sentence in sentences:
        assert body[sentence.start:sentence.end] == sentence.text


def test_a_huge_line_without_any_break_is_cut_hard() -> None:
    body = "あ" * 10_001
    sentences = split_sentences(body)
    assert [len(s.text) for s in sentences] == [2000] * 5 + [1]


def test_paragraph_openings_are_the_sentences_after_a_blank_line() -> None:
    body = "# 見出し\n\n一文目。二文目。\n三文目。\n \n四文目。\r\n\r\n五文目。"
    sentences = split_sentences(body)
    opening = {sentences[i].text for i in paragraph_openings(body, sentences)}
    assert opening == {"一文目。", "四文目。", "五文目。"}
