"""Partnership and investment patterns: sentences in, relation rows out (and sentences that give none)."""

from __future__ import annotations

import copy

import pytest
import yaml

from conftest import RULES, rule_problems
from extract.ner import parse_sentences
from extract.normalize.companies import CompanyRecognizer
from extract.relations import RelationFinder, compile_partnership_rules
from extract.rules import load_rules
from extract.rules.schema import PartnershipsFile
from extract.segment import paragraph_openings, split_sentences
from extract.tokenize import tokenize_sentence

RULE_SET = load_rules(RULES)
PARTNERSHIPS_YAML = yaml.safe_load((RULES / "partnerships.yaml").read_text(encoding="utf-8"))

CASES = [
    # text, expected (party_a, party_b, type[, status]) rows (status done when left out); order of a
    # partnership pair does not matter
    ("IBMとSAPが5年間で90億ドルの提携を結んだ。", [("ibm", "sap", "partnership")]),
    ("ソフトバンクグループはOpenAIに225億ドルを出資した。", [("softbank-group", "openai", "investment")]),
    ("セールスフォースはDatabricksへの投資を拡大した。", [("salesforce", "databricks", "investment")]),
    ("PerplexityはSamsungから出資を受けた。", [("samsung-electronics", "perplexity", "investment")]),
    ("シスコはSnowflakeとの提携を深めている。", [("cisco", "snowflake", "partnership")]),
    ("富士通、NEC、日立製作所の3社が協業する。",
     [("fujitsu", "nec", "partnership"), ("fujitsu", "hitachi", "partnership"), ("nec", "hitachi", "partnership")]),
    ("Databricksは、SAPやDellとの契約を継続している。",
     [("databricks", "sap", "partnership"), ("databricks", "dell-technologies", "partnership")]),
    # The subject left out: the company the text is about (the previous sentence's subject).
    ("Salesforceは新たな中期計画を公表した。ServiceNowとの提携で製品群を拡充する。",
     [("salesforce", "servicenow", "partnership")]),
    ("NVIDIAは好調だ。同社はAMDと協力する。", [("nvidia", "amd", "partnership")]),
    # A paragraph opening with a company as its subject is about it; within a paragraph が alone keeps the topic.
    ("NECは新型サーバーを発表した。\n\n富士通が抱える課題は多い。Oracleとの提携が助けになる。",
     [("fujitsu", "oracle", "partnership")]),
    ("NECは新型サーバーを発表した。\n富士通が抱える課題は多い。Oracleとの提携が助けになる。",
     [("nec", "oracle", "partnership")]),
    ("次に**IBM**。彼らは研究拠点を増やす。SAPがIBMのクラウドを使うという。Broadcomとの提携も広げた。",
     [("ibm", "broadcom", "partnership")]),
    # Companies given as examples are not partners of each other; an unnamed company is not the topic.
    ("SamsungやMicron、SK hynixといったメーカーは、メモリと演算装置を連携させる。", []),
    ("Teslaは堅調だ。ある地方企業はIBMとの提携を公表した。", []),
    # A deliberately unnamed company as the topic: a later partner is not paired with the earlier topic.
    ("NVIDIAは好調だ。某クラウド企業は新モデルを出した。例えば、Oracleとの連携が進む。", []),
    # The partner goes with the nearest subject before it; an abbreviation in parentheses is the same party.
    ("Sonyは映像事業を再編し、PanasonicはCiscoとの連携で追い上げる。", [("panasonic-holdings", "cisco", "partnership")]),
    ("IntelはHewlett Packard Enterprise (HPE)と連携する。", [("intel", "hewlett-packard-enterprise", "partnership")]),
    # A list that is not the subject of the trigger is not a partnership among its members.
    ("NVIDIA、AMD、Intelの製品を比べ、クラウドとの連携を考える。", []),
    ("当局はNVIDIA、AMD、Intelの3社に対し、提携の詳細を求めた。", []),
    # A company and its parent are one group.
    ("Googleの親会社であるAlphabetによる投資が続く。", []),
    # Considered or denied statements have their status; the writer's speculation and sentences
    # without a trigger give nothing.
    ("IBMはDatabricksとの提携を検討している。", [("ibm", "databricks", "partnership", "planned")]),
    ("AppleはGoogleと提携しない方針だ。", [("apple", "google", "partnership", "ended")]),
    ("AppleはGoogleと提携するかもしれない。", []),
    ("NVIDIAとAMDの業績を比べた。", []),
    ("インテルは設備投資を削減した。", []),
]


def _relations(text: str, with_parse: bool) -> list[tuple[str, str, str, str]]:
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    companies = CompanyRecognizer(RULE_SET).find(sentences, tokens)
    parses = {p.sentence_id: p for p in parse_sentences(sentences)} if with_parse else {}
    rows = RelationFinder(compile_partnership_rules(RULE_SET.partnerships)).find(
        sentences, companies, {}, parses, paragraph_openings=paragraph_openings(text, sentences))
    for row in rows:
        assert row.evidence in text
    return [(r.party_a_id, r.party_b_id, r.type, r.status) for r in rows]


def _unordered(rows: list[tuple]) -> list:
    """Rows with the status done where a case leaves it out, a partnership's pair in either order."""
    full = [(*row, "done") if len(row) == 3 else tuple(row) for row in rows]
    return sorted(((frozenset(r[:2]) if r[2] == "partnership" else r[:2]), *r[2:]) for r in full)


@pytest.mark.parametrize("with_parse", [False, True], ids=["particles", "parse"])
@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:24] for c in CASES])
def test_relations(text: str, expected: list, with_parse: bool) -> None:
    found = _relations(text, with_parse)
    assert _unordered(found) == _unordered(expected)
    for a, b, kind, _status in found:
        if kind == "investment":
            assert any(row[:3] == (a, b, kind) for row in expected), "investor and investee must not be swapped"


def test_amount_stated_with_the_relation() -> None:
    sentences = split_sentences("IBMとSAPが90億ドルの提携を結んだ。")
    tokens = [tokenize_sentence(s) for s in sentences]
    companies = CompanyRecognizer(RULE_SET).find(sentences, tokens)
    amount_at = sentences[0].text.index("90")
    (row,) = RelationFinder(compile_partnership_rules(RULE_SET.partnerships)).find(sentences, companies, {0: [(amount_at, 9e9)]}, {})
    assert (row.money_value_usd, row.trigger) == (9e9, "提携")


@pytest.mark.parametrize("section, message", [
    ({"triggers": {"alliance": ["提携"]}},
     "key 'triggers.alliance': Input should be 'partnership', 'investment' or 'acquisition'"),
    ({"triggers": {"partnership": "提携"}}, "'triggers.partnership' must be a list, got a string"),
    ({"triggers": {"partnership": ["提携"]}, "speculations": []}, "unknown key 'speculations' (did you mean 'speculation'?)"),
    ({}, "missing required key 'triggers'"),
    ({"triggers": {"partnership": ["提携"]}, "speculation": [""]}, "'speculation[0]' must not be empty"),
    ({"triggers": {"partnership": ["提携"], "investment": ["提携"]}},
     "'提携' is listed under both 'partnership' and 'investment'"),
])
def test_broken_partnership_rules_are_named(section: dict, message: str) -> None:
    problems = rule_problems("partnerships", section)
    assert any(message in problem for problem in problems), problems


def _shipped_with(change) -> dict:
    """The shipped partnerships.yaml section, changed by ``change``."""
    section = copy.deepcopy(PARTNERSHIPS_YAML)
    change(section)
    return section


def _compiled(section: dict):
    """A changed copy of partnerships.yaml, validated and compiled as a run does."""
    return compile_partnership_rules(PartnershipsFile.model_validate(section))


BAD_WORD_LISTS = [
    (lambda s: s.pop("coordinators"), "missing required key 'coordinators'"),
    (lambda s: s.__setitem__("coordinators", "と"), "'coordinators' must be a list, got a string"),
    (lambda s: s["roles"].__setitem__("actor", ["が"]), "unknown key 'roles.actor'"),
    (lambda s: s["roles"]["partner"].append("は"), "'roles': 'は' is listed under both 'partner' and 'subject'"),
    (lambda s: s.__setitem__("roles", ["と"]), "'roles' must be a mapping, got a list"),
    (lambda s: s["group_counts"].pop("counters"), "missing required key 'group_counts.counters'"),
    (lambda s: s["group_counts"].__setitem__("particles", ["が", ""]), "'group_counts.particles[1]' must not be empty"),
    (lambda s: s["unnamed_companies"].__setitem__("noun", ["企業"]), "unknown key 'unnamed_companies.noun'"),
    (lambda s: s.pop("topic_particles"), "missing required key 'topic_particles'"),
    (lambda s: s["triggers"]["investment"].remove("資金調達"), "funding_triggers ['資金調達'] must also be investment triggers"),
    (lambda s: s["one_sided_triggers"].append("提携"), "one_sided_triggers ['提携'] must also be contract_triggers"),
    (lambda s: s["joint_investments"].append("折半負担"), "joint_investments ['折半負担'] must each end in an investment"),
    (lambda s: s["raised_money"]["company_party_phrases"].append("を借り入れ"),
     "company_party_phrases ['を借り入れ'] must also be phrases"),
    (lambda s: s["raised_money"].pop("phrases"), "missing required key 'raised_money.phrases'"),
]


@pytest.mark.parametrize(("change", "message"), BAD_WORD_LISTS, ids=[m for _, m in BAD_WORD_LISTS])
def test_broken_word_lists_are_named(change, message: str) -> None:
    problems = rule_problems("partnerships", _shipped_with(change))
    assert len(problems) == 1 and message in problems[0], problems


def test_words_added_in_yaml_coordinate_and_count() -> None:
    """A coordinator and a counter added to the YAML are read like the shipped ones: 富士通ないしNEC is one
    group, and 2法人が (more than a few modifiers before the trigger) makes that group the actor."""
    text = "富士通ないしNECの2法人が来年から本格的に提携する。"
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    companies = CompanyRecognizer(RULE_SET).find(sentences, tokens)

    def pairs(section: dict) -> set:
        rows = RelationFinder(_compiled(section)).find(sentences, companies, {}, {})
        return {frozenset((r.party_a_id, r.party_b_id)) for r in rows}

    assert pairs(PARTNERSHIPS_YAML) == set()
    assert pairs(_shipped_with(lambda s: s["coordinators"].append("ないし"))) == set()
    both = _shipped_with(lambda s: (s["coordinators"].append("ないし"), s["group_counts"]["counters"].append("法人")))
    assert pairs(both) == {frozenset(("fujitsu", "nec"))}


def test_rules_without_back_references_relate_only_the_named_companies() -> None:
    """With no same_company/both_companies words, nothing in a sentence stands for the topic."""
    text = "NVIDIAは好調だ。AMDとIntelが提携した。"
    sentences = split_sentences(text)
    tokens = [tokenize_sentence(s) for s in sentences]
    companies = CompanyRecognizer(RULE_SET).find(sentences, tokens)
    section = _shipped_with(lambda s: (s.pop("same_company"), s.pop("both_companies")))
    finder = RelationFinder(_compiled(section))
    rows = finder.find(sentences, companies, {}, {})
    assert {frozenset((r.party_a_id, r.party_b_id)) for r in rows} == {frozenset(("amd", "intel"))}
