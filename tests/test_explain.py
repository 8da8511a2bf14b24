"""``extract explain``: a sentence's tokens, mentions, parse, triggers, and every pair's outcome with its reason."""

from __future__ import annotations

from pathlib import Path

from conftest import run_extract

TEXT = ("NVIDIAは好調だ。ソフトバンクグループはOpenAIに225億ドルを出資した。"
        "AppleとGoogleが提携するかもしれない。SamsungやIntelといったメーカーがTSMCと提携した。")


def test_explain_shows_mentions_triggers_and_every_pair() -> None:
    out = run_extract("explain", TEXT, "--no-ner").stdout
    assert "Tokens (MeCab): ソフト/" in out
    assert "ソフトバンクグループ -> SoftBank Group [softbank-group] by gazetteer:softbank-group (rule)" in out
    assert "Money: 225億ドル = 22500000000.0 USD" in out
    assert "Trigger 出資 (investment, done)" in out
    assert "SoftBank Group – OpenAI: investment done, SoftBank Group -> OpenAI (trigger 出資" in out
    assert "Apple – Google: no relation: every trigger is void (提携: the writer's speculation (かもしれ))" in out
    # Companies named as examples (といった) are partners of no one.
    assert "Samsung Electronics – Intel: no relation: the particles do not relate them" in out
    assert "Company the text is about: NVIDIA" in out


def test_explain_a_sentence_of_a_post_with_the_parse(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: t\n---\n" + TEXT + "\n", encoding="utf-8")
    out = run_extract("explain", "--post", str(post), "--sentence", "1").stdout
    assert out.startswith("Sentence 1: ソフトバンクグループはOpenAIに225億ドルを出資した。")
    assert "Dependency parse (GiNZA, word <- head): 0:ソフトバンクグループ<-" in out
    assert "Sentence 2" not in out


def test_explain_says_what_is_wrong_with_its_arguments(tmp_path: Path) -> None:
    assert "give either TEXT or --post FILE" in run_extract("explain", check=False).stderr
    post = tmp_path / "post.md"
    post.write_text("本文。\n", encoding="utf-8")
    failed = run_extract("explain", "--post", str(post), "--sentence", "7", "--no-ner", check=False)
    assert failed.returncode == 1 and "has no sentence 7: its sentences are numbered 0 to 0" in failed.stderr


def test_explain_shows_the_pairs_the_texts_topic_stands_in_for() -> None:
    out = run_extract("explain", "xAIは好調だ。NVIDIAやCiscoなどが出資した。", "--no-ner").stdout
    assert "NVIDIA – xAI: investment done, NVIDIA -> xAI (trigger 出資" in out
    assert "Cisco – xAI: investment done, Cisco -> xAI (trigger 出資" in out


def test_explain_shows_a_round_joined_in_the_next_sentence() -> None:
    out = run_extract("explain", "Mistral AIは新たな資金調達を発表した。ASMLも参加した。", "--no-ner").stdout
    assert "Joins the funding round of Mistral AI, named in the sentence before" in out
    assert "ASML – Mistral AI: investment done, ASML -> Mistral AI (trigger 参加, relation.joined_round)" in out


def test_explain_shows_a_deal_referred_back_to() -> None:
    """A trigger that names no one and refers back to the deal of the sentence before (しかし、買収は白紙となった)
    gives that deal again with its own status: explain lists it, though the sentence names neither company."""
    out = run_extract("explain", "富士通はNECを買収することで合意した。しかし、買収は白紙となった。", "--no-ner").stdout
    assert "Fujitsu – NEC: acquisition ended, Fujitsu -> NEC (trigger 買収, relation.deal_before)" in out
