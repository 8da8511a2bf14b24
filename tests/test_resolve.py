"""NER candidates: the named checks an NER-only company must pass, and the overlap policy with rules."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import RULES
from extract.ner import NerSpan, compile_ner_rules, find_entities
from extract.normalize.chips import ChipRecognizer
from extract.models import CompanyMention, Post
from extract.names import derived_company_id
from extract.normalize.companies import CompanyRecognizer
from extract.process import Extractors, process_post
from extract.resolve import (HEADING_LIST_RULE, INTRODUCED_NAME_RULE, LISTED_NAME_RULE, NAMED_IN_POST_RULE, PARTY_NAME_RULE, NerCompanyFilter,
                             add_listed_names, add_names_found_elsewhere, add_names_listed_under_headings,
                             add_vouched_names, resolve_companies,
                             without_publisher)
from extract.rules import load_rules
from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence

RULE_SET = load_rules(RULES)
RECOGNIZER = CompanyRecognizer(RULE_SET)
NER_RULES = compile_ner_rules(RULE_SET.ner)
FILTER = NerCompanyFilter(NER_RULES, RULE_SET.legal_forms, RECOGNIZER.blocked_names, RECOGNIZER.listed_names,
                          ChipRecognizer(RULE_SET).listed_names, RULE_SET.name_bounds, RECOGNIZER.product_names,
                          RECOGNIZER.context_names)


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
    # A name ending in a company word is a company even where its words are everyday English.
    ("タイのSiam Harbor Bankが出資した。", "Siam Harbor Bank", "Company", True, None),
    # People: a title begins or ends the name, a given name begins it, or it is a piece of a longer name.
    ("TikTokのAdam Presserが資金調達を語った。", "Adam Presser", "Company", False, "is_a_person"),
    ("CEO Irving Tanが資金調達を語った。", "CEO Irving Tan", "Company", False, "is_a_person"),
    ("ジェンスン・フアンCEOは提携を語った。", "ジェンスン・フアンCEO", "Company", False, "is_a_person"),
    ("イーロン・マスクが資金調達を率いた。", "イーロン", "Company", False, "is_part_of_a_longer_name"),
    ("ジェンスン・フアンが提携を語った。", "ジェンスン・フアン", "Company", False, "is_a_person"),
    ("山城社長が提携を語った。", "山城", "Company", False, "is_a_person"),
    ("Maren Holt（Quillforge社 共同創業者）が資金調達を語った。", "Maren Holt", "Company", False, "is_a_person"),
    ("Quillforge（本社：東京）が資金調達を発表した。", "Quillforge", "Company", True, None),
    # English text: a capitalised phrase there is no company (one with a legal form is, found by a pattern).
    ("CEO Irving Tan said the firm would raise funds.", "Irving Tan", "Company", False, "is_in_english_text"),
    ("Apple names new CEO of Europe amid funding probe", "CEO of Europe", "Company", False, "is_in_english_text"),
    ("Senators push to close Antitrust Loophole for startups", "Antitrust Loophole", "Company", False,
     "is_in_english_text"),
    ("OpenAI Global, LLCへの出資が決まった。", "Global", "Company", False, "is_in_english_text"),
    ("Quillforge raised funds from Helios.", "Quillforge", "Company", False, "is_in_english_text"),
    # A gloss in brackets after a word, unless the word names a kind of company.
    ("個人向けの超知性（Super Intelligence）が資金調達の目的だ。", "Super Intelligence", "Company", False,
     "is_a_gloss"),
    ("あるEdTech（エドテック）スタートアップが資金調達した。", "エドテック", "Company", False, "is_a_gloss"),
    ("AI新興企業（Quillforge）が資金調達した。", "Quillforge", "Company", True, None),
    # Products: a version after the name, or a listed company's name and more words.
    ("Rails 8が出て、資金調達も話題だ。", "Rails", "Company", False, "names_a_product"),
    ("Cohere Toolkitの資金調達が話題だ。", "Cohere Toolkit", "Company", False, "names_a_product"),
    ("Quillforge 2025年に資金調達した。", "Quillforge", "Company", True, None),
    # All of a 「」 quote is a title (a publication, product or service), not a company.
    ("訴えたのは「Northwind Weekly」や「Quill Chat」の提携先だ。", "Northwind Weekly", "Company", False, "is_a_title"),
    ("「Quillforgeが資金調達」という記事。", "Quillforge", "Company", True, None),
    ("AI新興企業「Quillforge」が資金調達した。", "Quillforge", "Company", True, None),
    # A product's name and more words is a product (ChatGPT and Claude are products.yaml's).
    ("ChatGPT Toolsの提携が話題だ。", "ChatGPT Tools", "Company", False, "names_a_product"),
    # A name beginning with a listed name that is a company only in context (Glean) may be another company.
    ("Glean Ridgeが資金調達を完了した。", "Glean Ridge", "Company", True, None),
    ("Claude LLMを統合する提携を発表した。", "Claude LLM", "Company", False, "names_a_product"),
    # A product or generic word is stop-listed whatever its case (BigQuery is products.yaml's).
    ("BIGQUERYとの提携が話題だ。", "BIGQUERY", "Company", False, "is_stop_listed"),
    # A company left unnamed by a letter (あるSaaS企業D社) is no company.
    ("あるSaaS企業D社では資金調達が課題だった。", "SaaS企業D", "Company", False, "is_a_placeholder"),
    ("ある物流企業Cは提携を進めた。", "物流企業C", "Company", False, "is_a_placeholder"),
    # Kanji names: a company ending, or a context word right after the name.
    ("白鷺銀行は地域に根差す。", "白鷺銀行", "Company", True, None),
    ("鷹取の株式を取得した。", "鷹取", "Company", True, None),
    ("飛鳥と提携した。", "飛鳥", "Company", True, None),
    ("鷹取傘下の工場が稼働した。", "鷹取", "Company", True, None),
    ("鷹取は歴史ある地名で、出資の話もある。", "鷹取", "Company", False, "has_close_company_context"),
    ("通信大手が資金調達した。", "通信大手", "Company", False, "looks_like_a_kanji_name"),
    ("AIチップ市場で提携が進む。", "AIチップ市場", "Company", False, "looks_like_a_kanji_name"),
    ("ウォール街の株価が上がった。", "ウォール街", "Company", False, "looks_like_a_kanji_name"),
    ("利上げの株価への影響。", "利上げ", "Company", False, "looks_like_a_kanji_name"),
    # A sector word that also ends everyday compounds is no evidence (投資信託 is a fund product).
    ("投資信託の販売で提携した。", "投資信託", "Company", False, "looks_like_a_kanji_name"),
    # A gloss in brackets may go on after a colon with its translation.
    ("MVP（Minimum Viable Product：最小の製品）を出すスタートアップ。", "Minimum Viable Product", "Company", False,
     "is_a_gloss"),
    # Programmes, products, events and terms: the last word of a Latin name says so.
    ("Zephyrは欧州のNorthwind Air System (NAS)の契約を得て提携を広げた。", "Northwind Air System", "Company", False,
     "names_a_product"),
    ("Quillforge Hackathonで提携が発表された。", "Quillforge Hackathon", "Company", False, "names_a_product"),
    ("Helios Agent Toolkitの提携が話題だ。", "Helios Agent Toolkit", "Company", False, "names_a_product"),
    # ... but not the words that also end company names.
    ("Zephyr Systemsが資金調達を発表した。", "Zephyr Systems", "Company", True, None),
    ("Helios Computingが資金調達を発表した。", "Helios Computing", "Company", True, None),
    ("Quillforge Studiosが資金調達を発表した。", "Quillforge Studios", "Company", True, None),
    # Ministries, agencies, universities and associations are no companies, unless a legal form follows.
    ("経済再生省が出資を決めた。", "経済再生省", "Company", False, "is_an_organisation"),
    ("北辰大学と提携した。", "北辰大学", "Company", False, "is_an_organisation"),
    ("北辰データ機構との提携が決まった。", "北辰データ機構", "Company", False, "is_an_organisation"),
    ("Helios Universityが資金調達を支援した。", "Helios University", "Company", False, "is_an_organisation"),
    ("Ministry of Digital Affairsが出資した。", "Ministry of Digital Affairs", "Company", False,
     "is_an_organisation"),
    ("Northwind Foundationが出資した。", "Northwind Foundation", "Company", False, "is_an_organisation"),
    ("Helios Institute Inc.が資金調達した。", "Helios Institute", "Company", True, None),
    # A fragment of a longer listed name around it: the cut of 韓国 leaves 産業銀行 of a policy bank.
    ("韓国産業銀行が出資した。", "産業銀行", "Company", False, "is_cut_from_a_longer_name"),
    # A piece of a name joined by an ampersand.
    ("Zephyr AI & Roboticsが資金調達した。", "Robotics", "Company", False, "is_part_of_a_longer_name"),
    ("Zephyr AI & Roboticsが資金調達した。", "Zephyr AI", "Company", False, "is_part_of_a_longer_name"),
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
    elif failing_check == "is_part_of_a_longer_name":
        assert FILTER.is_part_of_a_longer_name(sentence, span)
    elif failing_check == "is_in_english_text":
        assert FILTER.is_in_english_text(sentence, span)
    elif failing_check == "is_a_gloss":
        assert FILTER.is_a_gloss(sentence, span)
    elif failing_check == "names_a_product":
        assert FILTER.names_a_product(sentence, span)
    elif failing_check == "looks_like_a_kanji_name":
        assert not FILTER.looks_like_a_kanji_name(span, tokens)
    elif failing_check == "has_close_company_context":
        assert not FILTER.has_close_company_context(sentence, span)
    elif failing_check == "is_a_title":
        assert FILTER.is_a_title(sentence, span)
    elif failing_check == "is_a_placeholder":
        assert FILTER.is_a_placeholder(surface)
    elif failing_check == "is_an_organisation":
        assert FILTER.is_an_organisation(sentence, span)
    elif failing_check == "is_cut_from_a_longer_name":
        assert FILTER.is_cut_from_a_longer_name(sentence, span)


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


@pytest.mark.parametrize("text, surface, trimmed", [
    ("米Zephyrlogicが資金調達した。", "米Zephyrlogic", "Zephyrlogic"),
    ("Anthropic社が発表した。", "Anthropic社", "Anthropic"),
    ("Zephyr Inc.が発表した。", "Zephyr Inc.", "Zephyr"),
    ("旧ゼファーの資産を継いだ。", "旧ゼファー", "ゼファー"),
    ("中部電力が発表した。", "中部電力", "中部電力"),  # 中 is no word of its own here
])
def test_an_ner_span_loses_its_legal_form_and_the_word_before_it(text: str, surface: str, trimmed: str) -> None:
    _, tokens, span = _span(text, surface)
    bare = FILTER.without_affixes(span, {token.start for token in tokens})
    assert (bare.surface, text[bare.start:bare.end]) == (trimmed, trimmed)


@pytest.mark.parametrize("text, proposes", [
    ("Quillforgeは資金調達を完了した。", True),
    ("Quillforgeは新製品を発表した。", False),  # no company evidence in the sentence
    ("白鷺銀行は地域に根差す。", True),  # a kanji word with a company ending is its own evidence
    ("鷹取の株式を取得した。", True),
    ("地域の話題を集めた。", False),
])
def test_the_model_runs_only_where_a_company_could_pass(text: str, proposes: bool) -> None:
    [sentence] = split_sentences(text)
    assert FILTER.may_find_company(sentence, []) is proposes


def test_the_real_model_adds_a_kanji_bank_and_keeps_people_and_english_text_out() -> None:
    text = ("白鷺銀行は、岐阜県を地盤とする地方銀行である。\n"
            "Senators push to close Antitrust Loophole for AI startups, CEO Irving Tan said.\n")
    found = _resolve(text, find_entities(split_sentences(text)))
    assert found == [("白鷺銀行", derived_company_id("白鷺銀行"), "ner")]


def _party_names(text: str) -> list[str]:
    """The companies of ``text`` that only the sentence vouches for (add_vouched_names)."""
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    rules = RECOGNIZER.find(sentences, tokens)
    found = add_vouched_names(rules, sentences, tokens, FILTER, RECOGNIZER.party_slots, RECOGNIZER.deeds)
    return [m.surface for m in found if m.rule_id in (PARTY_NAME_RULE, INTRODUCED_NAME_RULE)]


@pytest.mark.parametrize("text, names", [
    # The object, owner, partner, receiver or agent of a trigger whose parties are always companies.
    ("ヘルシオンがZephyr Aircraftを約3億ドルで買収した。", ["Zephyr Aircraft"]),
    ("MetaはXoloに出資した。", ["Xolo"]),
    ("トヨタはQuillbridge Dynamicsとの資本提携を発表した。", ["Quillbridge Dynamics"]),
    ("ソフトバンクはクオリフォージを買収した。", ["クオリフォージ"]),
    ("北陸製鋼は、英ミナトUKを買収した。", ["ミナトUK"]),
    ("2021年のNorvanta買収は、その象徴だ。", ["Norvanta"]),
    ("Norvantaの買収を完了した。", ["Norvanta"]),
    ("KDDIはTessaloopと合併する。", ["Tessaloop"]),
    ("Tessaloopによる買収が話題だ。", ["Tessaloop"]),
    ("Quillbeam NetworksによるTessaloopの買収が話題だ。", ["Quillbeam Networks", "Tessaloop"]),
    # (its name in another script in brackets between: a gloss)
    ("三菱商事はQuorra Quill（クオラ・クイル）を買収する。", ["Quorra Quill"]),
    ("NECが出資したQuillforgeは成長した。", ["Quillforge"]),
    # Nouns written on to a name after what the company is are the rest of its name; a part of it, a kind of
    # company or a deal word is none of it.
    ("NTTは全固体電池スタートアップのハルカゼ電池と提携した。", ["ハルカゼ電池"]),
    ("物流スタートアップのツバメ物流が、ヤマトから出資を受けた。", ["ツバメ物流"]),
    ("塩野義製薬は、感染症薬ベンチャーのアオバ創薬を買収した。", ["アオバ創薬"]),
    ("EQTは、センサー大手のミツボシ計測にTOBを実施する。", ["ミツボシ計測"]),
    ("ソニーは、米ゲーム会社のZephyr部門を買収した。", []),
    ("ソニーは、AIスタートアップのQuillforge買収を発表した。", ["Quillforge"]),
    ("ソニーは、LLMを開発するスタートアップのQuillforge企業連合に出資した。", []),
    # A comma after the party's particle; a company noun right before the name; a katakana name ending in AI.
    ("東宝は、アニメ制作を手がけるスタジオ・ミズハを、株式交換で完全子会社化する。", ["スタジオ・ミズハ"]),
    ("ニトリは、家具EC新興ネスフィーラが実施する第三者割当増資を引き受ける。", ["ネスフィーラ"]),
    ("言語モデルを開発するカゲツAIは、300億円を調達した。", ["カゲツAI"]),
    # A name ending in a model's number is a product's (人型ロボットZephyr 03), no company.
    ("北陸製鋼は人型ロボットZephyr 03を追加配備する契約を結んだ。", []),
    ("オープンソースAIとローカル企業の提携が進む。", []),
    # After a country alone, nouns written on to a dictionary word make a kind of company, no name.
    ("小野薬品は、米バイオ医薬の買収を完了した。", []),
    # A Latin name marked as the subject of a deal.
    ("フィンテックのQuillbay Payが、三菱UFJ銀行を引受先とする第三者割当増資で45億円を調達した。", ["Quillbay Pay"]),
    # A Latin name of two words joined with an ampersand.
    ("ニトリは、米家具チェーンのHarlow & Pineに対する買収提案を撤回した。", ["Harlow & Pine"]),
    # A Latin name opening a deal headline, the trigger in the same clause; not the first of a list.
    ("Xolvane AI、シリーズAで1億ドルを調達", ["Xolvane AI"]),
    ("Ashvale、Veedlo、Finchorなど600社と提携している。", []),
    # No company-only trigger, or the name is not its party.
    ("MetaはXoloを採用した。", []),
    ("Xoloと連携する新機能が出た。", []),
    ("Xoloは新しいモデルを公開し、NECが出資した。", []),
    ("FPGAを手に入れるためにIntelは買収を急いだ。", []),
    # One dictionary word receiving a deal is a thing as often (a project signed); two may be a name.
    ("商談会では大型の投資プロジェクトが契約された。", []),
    ("データグリッドは、富士通に買収される。", ["データグリッド"]),
    ("AIに投資する企業が増えた。", []),
    # The checks on names GiNZA proposes reject it: a dictionary word, an acronym, a person, a piece of an
    # English name, a term, an organisation, a title.
    ("ソフトバンクはアークを買収した。", []),
    ("武田薬品は、中国の新興から新薬の独占的ライセンスを取得する契約を結んだ。", []),
    ("ソニーがAISGと提携してLLMを開発する。", []),
    ("Elon Muskの買収提案は撤回された。", []),
    ("Jony Iveが設立したio Productsの買収だ。", ["io Products"]),
    ("Maersk、C.R. Englandといった大手企業との提携が進む。", []),
    ("TCSとCEA、Physical AI提携の真意は？", []),
    ("ソニーはUniversity of Nagoyaとの提携を発表した。", []),
    ("ソニーは「Quill Chat」の買収を検討した。", []),
    # A name quoted right after a company noun is introduced as a company; a quoted title is not.
    ("米AI新興企業「Quillforge」は新モデルを公開した。", ["Quillforge"]),
    ("子会社「Zephyr Japan」を設立した。", ["Zephyr Japan"]),
    ("新サービス「Quill Chat」を公開した。", []),
    ("企業「ガバナンス」の強化が課題だ。", []),
    # A name in kanji or hiragana a sentence opens with and defines as a company, as encyclopedia-style
    # text does; not a common noun so defined, nor a term holding a Latin word.
    ("大鷲百貨は、かつて存在した日本の百貨店である。", ["大鷲百貨"]),
    ("鷺沼酒店は、灘の酒造会社である。", ["鷺沼酒店"]),
    ("提携先は、ドイツの部品メーカーである。", []),
    # (not a place whose sentence names the company that runs it, the kind modifying that company's name)
    ("横浜スカイタワーは、京浜急行電鉄の子会社である株式会社横浜タワーが運営している。", []),
    ("量子AIは、いま最も注目される企業である。", []),
    # Such a name may be written on from a listed one, which gives way to it.
    ("鷲尾電機製造は、日本の電機メーカーである。", ["鷲尾電機製造"]),
    ("ゼファーロジック・ノルドは、ドイツの部品メーカーである。", ["ゼファーロジック・ノルド"]),
    # The subject or source of what people seldom do (運航, 発売), in Latin letters or katakana; not a product as
    # the topic of its sale or the subject of a passive.
    ("客船「あさかぜ」はミナト・クルーズラインが運航している。", ["ミナト・クルーズライン"]),
    ("盤上遊戯の日本版はミヤコボードから発売された。", ["ミヤコボード"]),
    ("ゼファーフォンは年末に発売される。ゼファーチップがどこで製造されるのかが焦点だ。", []),
    # What was founded under a Latin name is a company; a katakana one is as often a centre or a team.
    ("彼は以前、端末管理のQuillWatchを共同設立した。", ["QuillWatch"]),
    ("同社はイノベーションセンターを設立した。", []),
])
def test_a_name_the_sentence_vouches_for_is_a_company(text: str, names: list[str]) -> None:
    assert _party_names(text) == names


def _listed_names(text: str) -> list[str]:
    """The companies of ``text`` found only as items of a list of companies (add_listed_names)."""
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_listed_names(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER)
    return [m.surface for m in found if m.rule_id == LISTED_NAME_RULE]


@pytest.mark.parametrize("text, names", [
    # A Latin name listed between companies, by commas or や, in a list of three or more.
    ("Sequoia Capital、Quillmere Harbor、Dorvane、Accelといった投資家が名を連ねる。", ["Quillmere Harbor", "Dorvane"]),
    ("GoogleやMicrosoft、Brightloomとの提携が進む。", ["Brightloom"]),
    # Names in bold, each after a short description of it.
    ("画像を解析する**Recursion Pharmaceuticals**、分子を設計する**Ravenmoor**、臨床を予測する**Exscientia**など"
     "の企業がある。", ["Ravenmoor"]),
    # Fewer companies than other names, or only one company: no list of companies.
    ("Google、Ravenmoor、Dorvaneが並ぶ。", []),
    ("Google、Ravenmoorが並ぶ。", []),
    # A product, a person or an English phrase listed with companies is none.
    ("Google、Microsoft、OneDriveを比べる。", []),
    ("Google、Microsoft、Elon Muskが登壇した。", []),
    # Names apart by a clause are no list.
    ("GoogleはMicrosoftと争い、Ravenmoorは静観した。", []),
])
def test_a_name_listed_among_companies_is_a_company(text: str, names: list[str]) -> None:
    assert _listed_names(text) == names


def _heading_listed(text: str) -> list[tuple[str, str]]:
    """(surface, rule) of the companies of ``text`` after a list under a heading of group companies is read."""
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_names_listed_under_headings(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER)
    return [(m.surface, m.rule_id) for m in found]


@pytest.mark.parametrize("text, names", [
    # Each item under a heading of group companies that is one name alone, whatever its words; a note in
    # brackets, after a colon or after a spaced dash is no part of it.
    ("## 主要子会社\n- 北辰リース\n- みなと物流（米国）\n- ひだまりケア：介護事業\n- あおば舎 - 書籍の編集\n",
     [("北辰リース", HEADING_LIST_RULE), ("みなと物流", HEADING_LIST_RULE), ("ひだまりケア", HEADING_LIST_RULE),
      ("あおば舎", HEADING_LIST_RULE)]),
    # A name found inside the item's gives way to it; one written with its legal form is found already.
    ("## 関連会社\n- 東宝ステラ\n- 北辰リース株式会社\n",
     [("東宝ステラ", HEADING_LIST_RULE), ("北辰リース", "company.kabushiki_suffix")]),
    # Not under another heading, nor an item that is a sentence, nor after the next heading.
    ("## 沿革\n- 北辰リース\n", []),
    ("## 主要子会社\n- 北辰リースは札幌にある。\n## 関連項目\n- 北辰リース\n", []),
])
def test_a_name_alone_under_a_heading_of_group_companies_is_a_company(text: str,
                                                                      names: list[tuple[str, str]]) -> None:
    assert _heading_listed(text) == names


def _named_again(text: str) -> list[tuple[int, str]]:
    """(sentence, surface) of the places ``text`` writes again a company no list names (add_names_found_elsewhere)."""
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_vouched_names(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER, RECOGNIZER.party_slots,
                              RECOGNIZER.deeds)
    return [(m.sentence_id, m.surface) for m in add_names_found_elsewhere(found, sentences, tokens, FILTER)
            if m.rule_id == NAMED_IN_POST_RULE]


@pytest.mark.parametrize("text, named", [
    # Found once by a pattern or as a deal's party, the bare name is that company elsewhere in the post.
    ("### Zephyrlogicの次の一手\n米Zephyrlogicは、Nimbaloとの提携を発表した。\nZephyrlogicの株価は上がった。",
     [(0, "Zephyrlogic"), (2, "Zephyrlogic")]),
    ("ゼファーロジック株式会社が設立された。\nゼファーロジックは新製品を出した。", [(1, "ゼファーロジック")]),
    # Not a piece of a longer name, nor a person or a product with a version.
    ("MetaはXoloに出資した。\nXolo Cloudが公開され、Xolo 2も出た。Xolo氏が語った。", []),
    # A listed name inside the longer one gives way to it (キヤノン of キヤノンカメラ).
    ("キヤノンカメラは、日本の光学機器メーカーである。\nその後、キヤノンカメラは社名を変えた。", [(1, "キヤノンカメラ")]),
    # A name no sentence vouches for stays unknown everywhere.
    ("Quillbeamは新製品を出した。\nQuillbeamの株価は上がった。", []),
    # The full name given once wins over its last word read alone as a deal's party (ホーム of 北辰ホーム).
    ("大和ハウス工業は、北辰ホーム（本社・札幌市）を買収する。\n北辰ホームは大和ハウスの完全子会社となる。",
     [(1, "北辰ホーム")]),
])
def test_a_company_found_once_is_that_company_where_the_post_names_it_again(text: str,
                                                                            named: list[tuple[int, str]]) -> None:
    assert _named_again(text) == named


def test_a_short_form_found_on_its_own_is_the_full_names_company() -> None:
    """MoonCore in a headline and MoonCore Intelligence in the text: found by two patterns, one company, one id."""
    text = "上海のAIスタートアップMoonveil、5億ドルを調達\n上海のAIスタートアップMoonveil Intelligenceは、5億ドルを調達した。"
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_vouched_names(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER, RECOGNIZER.party_slots,
                              RECOGNIZER.deeds)
    assert {m.surface for m in found} == {"Moonveil", "Moonveil Intelligence"}
    assert {m.company_id for m in add_names_found_elsewhere(found, sentences, tokens, FILTER)} == {
        "x-moonveil-intelligence"}


def _companies_of_post(text: str) -> list[CompanyMention]:
    """The companies of ``text`` the rules find, with the names sentences vouch for and those the post writes again."""
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_vouched_names(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER, RECOGNIZER.party_slots,
                              RECOGNIZER.deeds)
    return add_names_found_elsewhere(found, sentences, tokens, FILTER)


def test_a_katakana_short_form_is_the_full_names_company() -> None:
    """アーガス after アーガス・スペシャルティ・ホールディングス: the first word of a katakana name joined with ・ is
    the same company where the post writes it alone."""
    text = "東京海上は米国のミルドレス・スペシャルティ・ホールディングスを買収する。\nミルドレスはテキサス州に本社を置く。"
    joined = _companies_of_post(text)
    assert {m.company_id for m in joined if m.surface.startswith("ミルドレス")} == {
        "x-ミルドレス-スペシャルティ-ホールディングス"}
    assert "ミルドレス" in {m.surface for m in joined}


def test_a_three_letter_first_word_shortens_a_holding_companys_name() -> None:
    """カプリ after カプリ・ホールディングス: a holding company's first word, three letters too, is the company."""
    text = "伊ミナトは米ザフィ・ホールディングスから事業を買収した。\nザフィは以前、米青葉商事による買収で合意していた。"
    joined = _companies_of_post(text)
    assert {m.company_id for m in joined if m.surface.startswith("ザフィ")} == {"x-ザフィ-ホールディングス"}
    assert "ザフィ" in {m.surface for m in joined}


def test_a_name_written_with_its_legal_form_is_no_short_form() -> None:
    """株式会社ミナトワークス beside its unit ミナトワークス・スタジオ札幌: a name the post writes with its legal form is
    the whole name of a company of its own, not a short form of the longer name."""
    text = "**株式会社ミナトワークス**は、東京都に本社を置くゲーム会社。\n\n## 主要子会社\n- ミナトワークス・スタジオ札幌\n"
    post = Post("wiki", "wiki.md", None, None, None, (), (), None, None, text, "")
    found = process_post(post, Extractors(load_rules(RULES), use_ner=False), {"companies"}).companies
    assert {m.company_id for m in found} == {"x-ミナトワークス", "x-ミナトワークス-スタジオ札幌"}


def test_an_english_name_given_under_a_label_is_the_company() -> None:
    """**北斗音響株式会社**（ほくとおんきょう、英: Hokuto Acoustics Co., Ltd.）: an encyclopedia gives the company's
    English name in brackets under a label; that name, there and later in the post, is the same company."""
    text = ("**北斗音響株式会社**（ほくとおんきょう、英: Hokuto Acoustics Co., Ltd.、略称: HA）は、東京都に本社を置く"
            "音響機器メーカー。\n\nHokuto Acousticsの製品は海外でも売れている。")
    post = Post("wiki", "wiki.md", None, None, None, (), (), None, None, text, "")
    found = process_post(post, Extractors(load_rules(RULES), use_ner=False), {"companies"}).companies
    assert {m.company_id for m in found} == {"x-北斗音響"}
    assert {"Hokuto Acoustics Co., Ltd.", "Hokuto Acoustics"} <= {m.surface for m in found}


@pytest.mark.parametrize("text, surface, company_id", [
    # A headline shortens a listed name: the short form is that company.
    ("ボーイング、スピリット・エアロ買収を完了\n米ボーイングは、米スピリット・エアロシステムズの買収を完了した。",
     "スピリット・エアロ", "spirit-aerosystems"),
    # A listed katakana name's first word, where the post writes the whole name, is that company too.
    ("インフロニア・ホールディングスは持株会社だ。\n新工場の計画はインフロニアにとって重要だ。", "インフロニア", "infroneer-holdings"),
    # Where two companies' names begin with it, the short form is neither.
    ("投資会社Quorvexが出資した。\nQuorvex Labsは新興企業で、Quorvex Capitalは別会社だ。", "Quorvex", "x-quorvex"),
])
def test_a_short_form_of_a_listed_name_is_that_company(text: str, surface: str, company_id: str) -> None:
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_vouched_names(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER, RECOGNIZER.party_slots,
                              RECOGNIZER.deeds)
    joined = add_names_found_elsewhere(found, sentences, tokens, FILTER)
    assert {m.company_id for m in joined if m.surface == surface} == {company_id}


def test_a_country_written_as_a_deals_party_is_no_company() -> None:
    """インドネシアの合弁相手: a country's name (CLDR's, through babel) is never a company, whatever slot it is in."""
    text = "北辰食品は、インドネシアの合弁相手ガルーダフーズとの提携を解消した。"
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_vouched_names(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER, RECOGNIZER.party_slots,
                              RECOGNIZER.deeds)
    assert "インドネシア" not in {m.surface for m in found}
    assert "ガルーダフーズ" in {m.surface for m in found}


def test_the_publishers_own_name_is_no_company() -> None:
    """The spec counts the publisher's own byline no company: a name no list holds that the author field holds
    goes, a listed company there stays, and a post with no author keeps everything. An author under its legal
    name is a company issuing its own release: its name stays."""
    [sentence] = split_sentences("株式会社ゼファーワークスと日経新聞社とNECが登壇した。")
    found = RECOGNIZER.find([sentence], [tokenize_sentence(sentence)])
    assert {m.surface for m in found} >= {"ゼファーワークス", "NEC"}
    kept = {m.surface for m in without_publisher(found, "ゼファーワークス編集部", FILTER)}
    assert "ゼファーワークス" not in kept and "NEC" in kept
    assert {m.surface for m in without_publisher(found, "NEC広報", FILTER)} == {m.surface for m in found}
    assert without_publisher(found, None, FILTER) == list(found)
    assert without_publisher(found, "株式会社ゼファーワークス", FILTER) == list(found)
    assert without_publisher(found, "Zephyr Works, Inc.", FILTER) == list(found)
    # (a Latin form only as a word of its own: the AG of AGENT is none)
    assert "ゼファーワークス" not in {m.surface for m in without_publisher(found, "ゼファーワークスAGENT編集部", FILTER)}


def test_an_abbreviation_given_in_brackets_is_the_company_wherever_the_post_writes_it() -> None:
    """ゴールドマン・サックス（GS） gives GS as Goldman Sachs's abbreviation: there and in the rest of the post; a
    bracket holding no abbreviation of the name (テスラ（US）, a country) gives nothing."""
    text = ("米ゴールドマン・サックス（GS）は新会社を作る。\nGSと三井住友信託銀行は業務提携した。\n"
            "テスラ（US）は新車を出した。\nUSの市場は大きい。")
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    found = add_vouched_names(RECOGNIZER.find(sentences, tokens), sentences, tokens, FILTER, RECOGNIZER.party_slots,
                              RECOGNIZER.deeds)
    joined = add_names_found_elsewhere(found, sentences, tokens, FILTER)
    assert [(m.sentence_id, m.surface, m.company_id) for m in joined if m.surface in ("GS", "US")] == [
        (0, "GS", "goldman-sachs"), (1, "GS", "goldman-sachs")]


def test_an_abbreviation_of_two_words_opening_a_japanese_name_is_the_company() -> None:
    """MVCベンチャー・グロース・パートナーズ（MVC VGP）: a bracket of two Latin words whose first opens a name written
    in Japanese is that name's abbreviation, there, in a headline before it and later in the post; one whose first
    word does not open it is not."""
    text = ("MVC VGP、ミナトロボに出資\nMVCベンチャー・グロース・パートナーズ（MVC VGP）が出資した。MVC VGPは主導した。"
            "ゼファー・キャピタル・パートナーズ（ABC DEF）も参加した。")
    found = [(m.surface, m.company_id) for m in _companies_of_post(text)]
    assert [company for surface, company in found if surface == "MVC VGP"] == ["x-mvcベンチャー-グロース-パートナーズ"] * 3
    assert not any(company == "x-ゼファー-キャピタル-パートナーズ" for surface, company in found if surface == "ABC DEF")


def test_a_long_run_of_names_and_coordinators_is_read_in_one_pass() -> None:
    """A coordinator may also stand inside a name (・, and): a long run of them with no kind of company after it
    must not make the examples check try every way to split it (it once ran for minutes on 60 names)."""
    code = ("from pathlib import Path; from extract.rules import load_rules; from extract.process import Extractors; "
            "from extract.segment import split_sentences; "
            "f = Extractors(load_rules(Path('rules')), use_ner=False).ner_filter; "
            "[f.may_introduce(s) for text in ('A・' * 60 + 'X', 'x and ' * 60 + 'y', 'a & b ' * 60) "
            "for s in split_sentences(text)]")
    subprocess.run([sys.executable, "-c", code], cwd=RULES.parent, check=True, timeout=60,
                   env={**os.environ, "PYTHONPATH": str(RULES.parent / "src")})


def test_a_holding_companys_short_form_in_brackets_is_the_company_wherever_the_post_writes_it() -> None:
    """日本コンピュートホールディングス（日本コンピュートHD）: the short form in brackets, and later in the post, is the
    holding company."""
    text = "同社は日本コンピュートホールディングス（日本コンピュートHD）にTOBを実施した。日本コンピュートHDは応じた。"
    assert [(m.surface, m.company_id) for m in _companies_of_post(text)] == [
        ("日本コンピュートホールディングス", "x-日本コンピュートホールディングス"),
        ("日本コンピュートHD", "x-日本コンピュートホールディングス"),
        ("日本コンピュートHD", "x-日本コンピュートホールディングス")]


def test_a_holding_companys_name_shortened_with_hd_is_the_company() -> None:
    """News writes a holding company's name with HD after its first mention, with no brackets to define it: the
    name the post found (ゼファー精機ホールディングス) and a listed one (みちのりホールディングス) alike."""
    text = ("ゼファー精機ホールディングスとみちのりホールディングスが提携した。"
            "ゼファー精機HDは増益だった。みちのりHDは路線を増やした。")
    assert [(m.surface, m.company_id) for m in _companies_of_post(text)] == [
        ("ゼファー精機ホールディングス", "x-ゼファー精機ホールディングス"),
        ("みちのりホールディングス", "michinori-holdings"),
        ("ゼファー精機HD", "x-ゼファー精機ホールディングス"),
        ("みちのりHD", "michinori-holdings")]
