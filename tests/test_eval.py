"""Tests of the scorer: exact scores for a hand-made output against a hand-made gold file.

``tests/data/eval/gold.jsonl`` holds three posts: ``blog/p1`` and ``blog/p2``
are in the output built below, ``p3`` is not (all its facts are misses), and
the output holds one post (``extra``) that the gold does not cover. The
output rows are designed so that every table has a known mix of true
positives, false positives and false negatives; the comments next to the rows
say which each one is.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.errors import InputError
from extract.names import entity_key
from extract.eval import (
    NO_RULE,
    EvalError,
    EvalReport,
    TableScore,
    check_thresholds,
    format_report,
    maximum_matching,
    report_as_json,
    score_output,
)

GOLD = Path(__file__).parent / "data" / "eval" / "gold.jsonl"
SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gold.jsonl"
GAZETTEER = "company.gazetteer"
NER = "company.ner"


def mention(article_id: str, surface: str, rule_id: str | None, **columns) -> dict:
    """A mention row with made-up offsets (the scorer does not read them)."""
    return {"article_id": article_id, "sentence_id": 0, "start": 0, "end": len(surface),
            "surface": surface, **columns, "rule_id": rule_id}


def company(article_id: str, surface: str, company_id: str, name: str, rule_id: str | None = GAZETTEER) -> dict:
    return mention(article_id, surface, rule_id, company_id=company_id, name=name, parent_id=None, source="rule")


def chip(article_id: str, surface: str, chip_id: str, name: str) -> dict:
    return mention(article_id, surface, "chip.catalog", chip_id=chip_id, name=name, vendor_id="vendor")


def money(article_id: str, surface: str, currency: str, value, min_value, max_value, qualifier: str,
          rule_id: str = "money.amount") -> dict:
    return mention(article_id, surface, rule_id, currency=currency, value=value, min_value=min_value,
                   max_value=max_value, qualifier=qualifier, value_usd=None)


def date(article_id: str, surface: str, type_: str, value: str, mod: str | None) -> dict:
    row = mention(article_id, surface, None, type=type_, value=value, mod=mod, start_date=None, end_date=None)
    del row["rule_id"]  # the dates table below has no rule_id column at all
    return row


def pair(article_id: str, party_a_id: str, party_b_id: str, type_: str, trigger: str, status: str = "done",
         usd: float | None = None) -> dict:
    return {"article_id": article_id, "sentence_id": 0, "party_a_id": party_a_id, "party_b_id": party_b_id,
            "type": type_, "status": status, "money_value_usd": usd, "trigger": trigger,
            "evidence": f"…{trigger}…", "rule_id": f"relation.{type_}"}


COMPANY_ROWS = [
    company("blog/p1", "ＡＷＳ", "aws", "Amazon Web Services"),             # TP (full-width surface)
    company("blog/p1", "マイクロソフト", "msft", "Microsoft Corporation"),  # TP by surface, not name
    company("blog/p1", "MSFT", "msft", "Microsoft Corporation", NER),      # same entity, second rule
    company("blog/p1", "nvidia", "nvda", "Nvidia", NER),                   # TP by case-folding
    company("blog/p1", "ソフトバンク", "sb", "SoftBank"),                   # TP ...
    company("blog/p1", "ソフトバンクG", "sbg", "ソフトバンク"),              # ... and FP: the later of two candidates
    company("blog/p1", "Azure", "azure", "Azure", NER),                    # FP
    company("blog/p1", "Midjourney", "mj", "Midjourney", NER),             # optional: neither TP nor FP
    company("blog/p2", "グーグル", "goog", "Google"),                       # TP
    company("blog/p2", "Anthropic", "anthropic", "Anthropic"),             # TP
    company("extra", "Intel", "intel", "Intel"),                           # post not in the gold: ignored
]
CHIP_ROWS = [
    chip("blog/p1", "Ｔｒａｉｎｉｕｍ２", "trn2", "AWS Trainium2"),  # TP
    chip("blog/p1", "h100", "h100", "NVIDIA H100"),                 # TP
    chip("blog/p1", "Blackwell", "blackwell", "NVIDIA Blackwell"),  # optional
    chip("blog/p1", "GB200", "gb200", "NVIDIA GB200"),              # FP
]
MONEY_ROWS = [
    money("blog/p1", "500億ドル", "USD", 5e10 * (1 + 5e-7), 5e10, 5e10, "exact"),  # TP within 1e-6
    money("blog/p1", "500億ドル", "USD", 5e10, 5e10, 5e10, "exact"),               # same amount again
    money("blog/p1", "1,500億～2,000億ドル", "USD", None, 1.5e11, 2e11, "range", "money.range"),  # TP
    money("blog/p1", "300億円", "JPY", 3e10, 3e10, 3e10, "exact"),          # TP, wrong qualifier
    money("blog/p1", "1,000億ドル以上", "USD", 1e11, 1e11, None, "at_least"),  # TP
    money("blog/p1", "70億ドル", "USD", 7e9 * (1 + 2e-6), 7e9, 7e9, "exact"),  # FP (and gold FN): off by 2e-6
    money("blog/p1", "数十億ドル", "USD", None, 1e9, 1e10, "vague", "money.vague"),  # optional
    money("blog/p2", "5億円", "JPY", 5e8, 5e8, 5e8, "exact"),               # FP
]
DATE_ROWS = [
    date("blog/p1", "2025年", "DATE", "2025", None),       # TP
    date("blog/p1", "2025年に", "DATE", "2025", None),     # same date again
    date("blog/p1", "2026年", "DATE", "2026", None),       # TP: one mention of 2026 ...
    date("blog/p1", "2026年末", "DATE", "2026", "END"),    # ... carries the gold mod END: right
    date("blog/p1", "約3年間", "DURATION", "P3Y", "APPROX"),  # TP, wrong mod
    date("blog/p1", "現在", "DATE", "PRESENT_REF", None),  # optional
    date("blog/p1", "2025年第2四半期", "DATE", "2025-Q2", None),  # FP (gold 2025-Q1 is FN)
    date("blog/p2", "2024年11月", "DATE", "2024-11", None),  # TP, None mod equals None
]
PARTNERSHIP_ROWS = [
    pair("blog/p1", "nvda", "aws", "partnership", "協業"),     # TP, reversed order, type and status right,
                                                              # no amount as the gold: right
    pair("blog/p1", "msft", "nvda", "partnership", "連携", usd=5e8),  # TP, gold investment (planned): type and
                                                              # status wrong, direction right (Microsoft first),
                                                              # an amount where the gold has none: wrong
    pair("blog/p1", "msft", "orcl", "partnership", "提携"),    # FP: orcl is no matched company
    pair("blog/p1", "aws", "msft", "partnership", "提携"),     # FP ...
    pair("blog/p1", "msft", "aws", "partnership", "協力"),     # ... the same pair once
    pair("blog/p1", "aws", "mj", "partnership", "契約"),       # optional
    pair("blog/p2", "anthropic", "goog", "investment", "出資", usd=2.2e9),  # TP, type and status right, direction
                                                              # wrong, amount right (gold 2e9, within 30%: the
                                                              # gold's exchange rate may differ)
]


def write_output(folder: Path) -> Path:
    """Write the designed output tables: money as a folder of two part files, the rest as files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in [("companies", COMPANY_ROWS), ("chips", CHIP_ROWS), ("dates", DATE_ROWS),
                       ("partnerships", PARTNERSHIP_ROWS)]:
        pq.write_table(pa.Table.from_pylist(rows), folder / f"{name}.parquet")
    parts = folder / "money.parquet"
    parts.mkdir()
    pq.write_table(pa.Table.from_pylist(MONEY_ROWS[:4]), parts / "part-0.parquet")
    pq.write_table(pa.Table.from_pylist(MONEY_ROWS[4:]), parts / "part-1.parquet")
    return folder


@pytest.fixture(scope="module")
def output_dir(tmp_path_factory) -> Path:
    return write_output(tmp_path_factory.mktemp("eval") / "output")


@pytest.fixture(scope="module")
def report(output_dir) -> EvalReport:
    return score_output(output_dir, GOLD)


def table_score(report: EvalReport, table: str) -> TableScore:
    return next(score for score in report.tables if score.table == table)


@pytest.mark.parametrize("table, tp, fp, fn, precision, recall, f1, attributes", [
    ("companies", 6, 2, 3, 0.75, 6 / 9, 12 / 17, []),
    ("chips", 2, 1, 2, 2 / 3, 0.5, 4 / 7, []),
    ("money", 4, 2, 2, 2 / 3, 2 / 3, 2 / 3, [("qualifier", 3, 4)]),
    ("dates", 4, 1, 2, 0.8, 2 / 3, 8 / 11, [("mod", 3, 4)]),
    # direction: only the two matched investments are scored
    ("partnerships", 3, 2, 2, 0.6, 0.6, 0.6, [("type", 2, 3), ("status", 2, 3), ("direction", 1, 2),
                                              ("amount", 2, 3)]),
])
def test_table_scores(report, table, tp, fp, fn, precision, recall, f1, attributes):
    score = table_score(report, table)
    assert (score.tp, score.fp, score.fn) == (tp, fp, fn)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(f1)
    assert [(a.name, a.right, a.total) for a in score.attributes] == attributes


@pytest.mark.parametrize("table, kind, expected", [
    ("companies", "false_negative", [("blog/p1", "Oracle"), ("p3", "Intel"), ("p3", "SoftBank")]),
    ("companies", "false_positive", [("blog/p1", "Azure [azure]"), ("blog/p1", "ソフトバンク [sbg]")]),
    ("chips", "false_negative", [("blog/p1", "Google TPU"), ("p3", "Intel Gaudi 3")]),
    ("chips", "false_positive", [("blog/p1", "NVIDIA GB200 [gb200]")]),
    ("money", "false_negative", [("blog/p1", "USD 7,000,000,000"), ("p3", "JPY 100,000,000")]),
    ("money", "false_positive", [("blog/p1", "USD 7,000,014,000"), ("blog/p2", "JPY 500,000,000")]),
    ("dates", "false_negative", [("blog/p1", "DATE 2025-Q1"), ("p3", "DATE 2023")]),
    ("dates", "false_positive", [("blog/p1", "DATE 2025-Q2")]),
    ("partnerships", "false_negative", [("blog/p1", "Oracle – Microsoft (partnership)"),
                                        ("p3", "Intel – SoftBank (partnership)")]),
    ("partnerships", "false_positive", [("blog/p1", "Amazon Web Services – Microsoft Corporation"),
                                        ("blog/p1", "Microsoft Corporation – orcl")]),
])
def test_misses_name_each_wrong_fact(report, table, kind, expected):
    found = [(miss.article_id, miss.fact) for miss in report.misses if miss.table == table and miss.kind == kind]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("table, facts", [
    ("money", ["JPY 30,000,000,000: qualifier approx expected, got exact"]),
    ("dates", ["DURATION P3Y: mod none expected, got APPROX"]),
    ("partnerships", ["Anthropic – Google: party_a Google expected",
                      "Microsoft Corporation – Nvidia: amount none expected, got 500000000.0",
                      "Microsoft Corporation – Nvidia: status planned expected, got done",
                      "Microsoft Corporation – Nvidia: type investment expected, got partnership"]),
])
def test_wrong_attributes_are_listed(report, table, facts):
    assert sorted(miss.fact for miss in report.misses
                  if miss.table == table and miss.kind == "wrong_attribute") == facts


@pytest.mark.parametrize("table, fact, surfaces, rule_ids", [
    ("companies", "Azure [azure]", ("Azure",), (NER,)),
    ("companies", "Oracle", ("オラクル",), ()),
    ("money", "USD 7,000,014,000", ("70億ドル",), ("money.amount",)),
    ("dates", "DATE 2025-Q2", ("2025年第2四半期",), (NO_RULE,)),
    ("partnerships", "Microsoft Corporation – orcl", ("…提携…",), ("relation.partnership",)),
])
def test_misses_carry_surfaces_and_rules(report, table, fact, surfaces, rule_ids):
    miss = next(miss for miss in report.misses if miss.table == table and miss.fact == fact)
    assert (miss.surfaces, miss.rule_ids) == (surfaces, rule_ids)


def test_notes_name_the_missing_post_and_count_unscored_ones(report):
    assert any("1 gold post(s) absent" in note and "p3" in note for note in report.notes)
    assert any("1 output post(s) not in the gold" in note for note in report.notes)
    assert not any("missing" in note for note in report.notes)


@pytest.mark.parametrize("rule_id, table, produced, correct, false_positives", [
    (GAZETTEER, "companies", 6, 5, 1),   # aws msft sb sbg goog anthropic; one SoftBank is wrong
    (NER, "companies", 4, 2, 1),         # msft nvda azure mj: mj is optional, azure wrong
    ("chip.catalog", "chips", 4, 2, 1),
    ("money.amount", "money", 5, 3, 2),  # 500億 300億 1000億 70億 5億
    ("money.range", "money", 1, 1, 0),
    ("money.vague", "money", 1, 0, 0),   # optional: produced, neither right nor wrong
    (NO_RULE, "dates", 6, 4, 1),         # no rule_id column
    ("relation.partnership", "partnerships", 5, 2, 2),
    ("relation.investment", "partnerships", 1, 1, 0),
])
def test_by_rule_counts(report, rule_id, table, produced, correct, false_positives):
    rule = next(rule for rule in report.rules if rule.rule_id == rule_id and rule.table == table)
    assert (rule.produced, rule.correct, len(rule.false_positives)) == (produced, correct, false_positives)
    assert all(miss.kind == "false_positive" and rule_id in miss.rule_ids for miss in rule.false_positives)


def test_missing_table_counts_as_empty(tmp_path):
    output = write_output(tmp_path / "output")
    (output / "chips.parquet").unlink()
    shutil.rmtree(output / "money.parquet")
    report = score_output(output, GOLD)
    assert (table_score(report, "chips").fn, table_score(report, "chips").fp) == (4, 0)
    assert (table_score(report, "money").fn, table_score(report, "money").fp) == (6, 0)
    assert table_score(report, "companies").tp == 6
    assert sum("chips.parquet is missing" in note for note in report.notes) == 1
    assert sum("money.parquet is missing" in note for note in report.notes) == 1


def write_single_post(folder: Path, gold: dict, tables: dict[str, list[dict]]) -> tuple[Path, Path]:
    """A gold file of one post and an output folder with the given tables."""
    folder.mkdir()
    gold_path = folder / "gold.jsonl"
    gold_path.write_text(json.dumps({"article_id": "a", **gold}, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, rows in tables.items():
        pq.write_table(pa.Table.from_pylist(rows), folder / f"{name}.parquet")
    return folder, gold_path


@pytest.mark.parametrize("gold_amount, row, matches", [
    (("USD", 1e9, 1e9, 1e9), ("USD", 1e9, 1e9, 1e9), True),
    (("USD", 1e9, 1e9, 1e9), ("USD", 1e9 * (1 - 9e-7), None, None), True),  # only value is the key
    (("USD", 1e9, 1e9, 1e9), ("USD", 1e9 * (1 + 1.1e-6), 1e9, 1e9), False),
    (("USD", 1e9, 1e9, 1e9), ("JPY", 1e9, 1e9, 1e9), False),
    (("USD", None, 1e9, 2e9), ("USD", None, 1e9, 2e9 * (1 + 1e-7)), True),
    (("USD", None, 1e9, 2e9), ("USD", None, 1e9, 3e9), False),
    (("USD", None, 1e9, None), ("USD", None, 1e9, None), True),           # None equals None
    (("USD", None, 1e9, None), ("USD", None, 1e9, 1e9), False),
    (("USD", None, 1e9, 2e9), ("USD", 1e9, 1e9, 2e9), False),             # value set: another key
    (("EUR", 0.5, 0.5, 0.5), ("EUR", 0.5, 0.5, 0.5), True),
    (("USD", None, 1e9, 2e9), ("USD", math.nan, 1e9, 2e9), True),        # NaN is null, as pandas writes it
])
def test_money_key_matching(tmp_path, gold_amount, row, matches):
    currency, value, min_value, max_value = gold_amount
    gold = {"money": [{"surface": "x", "currency": currency, "value": value, "min_value": min_value,
                       "max_value": max_value, "qualifier": "exact"}]}
    output, gold_path = write_single_post(tmp_path / "case", gold, {"money": [money("a", "x", *row, "exact")]})
    score = table_score(score_output(output, gold_path), "money")
    assert (score.tp, score.fp, score.fn) == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize("gold_entry, name, surface, matches", [
    ({"name": "Amazon Web Services", "aliases": ["AWS"]}, "AWS", "ａｗｓ", True),
    ({"name": "Amazon Web Services", "aliases": ["AWS"]}, "Amazon Web Services", "アマゾン", True),
    ({"name": "NVIDIA", "aliases": []}, "Nvidia Corp", "NVIDIA", True),
    ({"name": "NVIDIA", "aliases": ["エヌビディア"]}, "NVIDIA Corp", "ｴﾇﾋﾞﾃﾞｨｱ", True),  # half-width kana
    ({"name": "Meta", "aliases": []}, "Meta Platforms", "Meta AI", False),  # no partial matches
    ({"name": "OpenAI", "aliases": ["オープンAI"]}, "Open AI", "Open AI", False),
])
def test_entity_name_matching(tmp_path, gold_entry, name, surface, matches):
    output, gold_path = write_single_post(tmp_path / "case", {"companies": [gold_entry]},
                                          {"companies": [company("a", surface, "c1", name)]})
    assert table_score(score_output(output, gold_path), "companies").tp == int(matches)


@pytest.mark.parametrize("optional_entry, counted_as_fp", [
    ({"name": "Midjourney", "aliases": []}, False),
    ({"name": "Something else", "aliases": ["Midjourney"]}, False),
    ({"name": "Stability AI", "aliases": []}, True),
])
def test_optional_entities_are_neither_right_nor_wrong(tmp_path, optional_entry, counted_as_fp):
    gold = {"companies": [], "optional": {"companies": [optional_entry]}}
    output, gold_path = write_single_post(tmp_path / "case", gold,
                                          {"companies": [company("a", "Midjourney", "mj", "Midjourney")]})
    score = table_score(score_output(output, gold_path), "companies")
    assert (score.tp, score.fp, score.fn) == (0, int(counted_as_fp), 0)


@pytest.mark.parametrize("parties, rows, tp, fp, fn", [
    (["AWS", "NVIDIA"], [("nvda", "aws")], 1, 0, 0),
    (["Amazon Web Services", "エヌビディア"], [("aws", "nvda"), ("nvda", "aws")], 1, 0, 0),
    (["AWS", "NVIDIA"], [("aws", "intel")], 0, 1, 1),
    (["AWS", "Intel"], [("aws", "intel")], 0, 1, 1),    # Intel is a gold company the output missed
    (["AWS", "Cohere"], [("aws", "cohere")], 1, 0, 0),  # a party outside the company gold: by system name
])
def test_partnerships_use_the_company_matching(tmp_path, parties, rows, tp, fp, fn):
    gold = {"companies": [{"name": "Amazon Web Services", "aliases": ["AWS"]},
                          {"name": "NVIDIA", "aliases": ["エヌビディア"]}, {"name": "Intel", "aliases": []}],
            "partnerships": [{"parties": parties, "type": "partnership"}]}
    companies = [company("a", "AWS", "aws", "Amazon Web Services"), company("a", "NVIDIA", "nvda", "NVIDIA"),
                 company("a", "Cohere", "cohere", "Cohere")]
    tables = {"companies": companies,
              "partnerships": [pair("a", a, b, "partnership", "提携") for a, b in rows]}
    output, gold_path = write_single_post(tmp_path / "case", gold, tables)
    score = table_score(score_output(output, gold_path), "partnerships")
    assert (score.tp, score.fp, score.fn) == (tp, fp, fn)


@pytest.mark.parametrize("candidates, expected_size", [
    ([[0, 1], [0]], 2),           # greedy would give gold 0 the only candidate of gold 1
    ([[0], [0], [0]], 1),
    ([[0, 1, 2], [0], [1]], 3),
    ([[], [1]], 1),
    ([], 0),
])
def test_maximum_matching_is_one_to_one_and_maximal(candidates, expected_size):
    system = sorted({j for row in candidates for j in row})
    matching = maximum_matching(list(range(len(candidates))), system, lambda i, j: j in candidates[i])
    assert len(matching) == expected_size
    assert len(set(matching.values())) == len(matching)
    assert all(system[j] in candidates[i] for i, j in matching.items())


@pytest.mark.parametrize("text, normalized", [
    ("ＡＷＳ", "aws"), ("NVIDIA", "nvidia"), ("ｴﾇﾋﾞﾃﾞｨｱ", "エヌビディア"), (" Meta ", "meta"), ("Straße", "strasse"),
])
def test_entity_key(text, normalized):
    assert entity_key(text) == normalized


def output_from_gold(gold_path: Path, folder: Path) -> Path:
    """An output folder holding exactly the required facts of a gold file, one row each."""
    rows: dict[str, list[dict]] = {"companies": [], "money": [], "dates": [], "chips": [], "partnerships": []}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article_id = record["article_id"]
        company_ids = {}
        for number, entry in enumerate(record.get("companies", [])):
            for name in (entry["name"], *entry["aliases"]):
                company_ids[name] = f"company{number}"
            rows["companies"].append(company(article_id, entry["name"], f"company{number}", entry["name"]))
        for number, entry in enumerate(record.get("chips", [])):
            rows["chips"].append(chip(article_id, entry["name"], f"chip{number}", entry["name"]))
        for entry in record.get("money", []):
            rows["money"].append(money(article_id, entry["surface"], entry["currency"], entry["value"],
                                       entry["min_value"], entry["max_value"], entry["qualifier"]))
        for entry in record.get("dates", []):
            rows["dates"].append(date(article_id, entry["surface"], entry["type"], entry["value"], entry["mod"]))
        for entry in record.get("partnerships", []):
            first, second = entry["parties"]
            rows["partnerships"].append(pair(article_id, company_ids[first], company_ids[second], entry["type"], "x",
                                             entry.get("status", "done"), entry.get("money_value_usd")))
    folder.mkdir()
    for name, table_rows in rows.items():
        pq.write_table(pa.Table.from_pylist(table_rows), folder / f"{name}.parquet")
    return folder


@pytest.mark.parametrize("gold_path", [GOLD, SHARED_GOLD], ids=["fixture", "shared"])
def test_gold_scored_against_itself_is_perfect(tmp_path, gold_path):
    if not gold_path.is_file():
        pytest.skip(f"{gold_path} not found")
    report = score_output(output_from_gold(gold_path, tmp_path / "output"), gold_path)
    assert [(s.table, s.fp, s.fn, s.f1, [a.right for a in s.attributes]) for s in report.tables] == [
        (s.table, 0, 0, 1.0, [a.total for a in s.attributes]) for s in report.tables]
    assert [miss.kind for miss in report.misses] == []


def test_nothing_to_find_and_nothing_found_is_perfect(tmp_path):
    output, gold_path = write_single_post(tmp_path / "case", {}, {})
    assert {(s.precision, s.recall, s.f1) for s in score_output(output, gold_path).tables} == {(1.0, 1.0, 1.0)}


def test_json_shape(report):
    result = report_as_json(report)
    assert list(result) == ["companies", "money", "dates", "chips", "partnerships"]
    assert set(result["companies"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert result["money"]["qualifier_accuracy"] == pytest.approx(0.75)
    assert result["dates"]["mod_accuracy"] == pytest.approx(0.75)
    assert result["partnerships"]["type_accuracy"] == pytest.approx(2 / 3)
    assert result["partnerships"]["status_accuracy"] == pytest.approx(2 / 3)
    assert result["partnerships"]["direction_accuracy"] == pytest.approx(0.5)
    assert result["partnerships"]["amount_accuracy"] == pytest.approx(2 / 3)
    assert result["chips"]["tp"] == 2
    assert json.loads(json.dumps(result)) == result


@pytest.mark.parametrize("minimums, failures", [
    ({}, []),
    ({"companies": 0.7}, []),
    ({"companies": 0.8}, ["companies F1 0.706 < 0.800"]),
    ({"money.precision": 0.5, "money.recall": 0.9}, ["money recall 0.667 < 0.900"]),
    ({"dates.f1": 0.9, "chips": 0.5}, ["dates F1 0.727 < 0.900"]),
])
def test_check_thresholds(report, minimums, failures):
    assert check_thresholds(report, minimums) == failures


@pytest.mark.parametrize("name", ["articles", "money.qualifier", "companies.F1x"])
def test_check_thresholds_rejects_unknown_names(report, name):
    with pytest.raises(ValueError, match="unknown threshold"):
        check_thresholds(report, {name: 0.5})


def test_format_report_shows_scores_misses_and_rules(report):
    text = format_report(report)
    assert "companies" in text.splitlines()[1] and "0.750" in text.splitlines()[1]
    assert "qualifier 3/4 (0.750)" in text
    assert "FN companies blog/p1: Oracle | オラクル" in text
    assert "FP companies blog/p1: Azure [azure] | Azure | rules: company.ner" in text
    assert "ATTR dates blog/p1: DURATION P3Y: mod none expected, got APPROX | 約3年間" in text
    assert "p3" in text
    assert not any(line.startswith("rule_id") for line in text.splitlines())
    by_rule = format_report(report, by_rule=True)
    assert [GAZETTEER, "companies", "6", "5", "0.833"] in [line.split() for line in by_rule.splitlines()]
    assert ["money.vague", "money", "1", "0", "-"] in [line.split() for line in by_rule.splitlines()]


def gold_line(**fields) -> str:
    """One gold line of post ``a`` with the given tables, as JSON."""
    return json.dumps({"article_id": "a", **fields}, ensure_ascii=False)


MONEY_FACT = {"surface": "10億円", "currency": "JPY", "value": 1e9, "min_value": None, "max_value": None,
              "qualifier": "exact"}


@pytest.mark.parametrize("gold_text, message", [
    ('{"article_id": "a"}\nnot json\n', "gold.jsonl:2: not valid JSON"),
    ('{"companies": []}\n', "gold.jsonl:1: article_id must be a non-empty string, not missing"),
    ('{"article_id": 7}\n', "gold.jsonl:1: article_id must be a non-empty string, not 7"),
    ('{"article_id": "a"}\n{"article_id": "a"}\n', "gold.jsonl:2: article_id 'a' appears twice"),
    ("[1, 2]\n", r"gold.jsonl:1: a gold line must be a JSON object, not \[1, 2\]"),
    ('"just text"\n', 'gold.jsonl:1: a gold line must be a JSON object, not "just text"'),
    (gold_line(companies="架空商事") + "\n", 'gold.jsonl:1: companies must be a list, not "架空商事"'),
    (gold_line(companies=["架空商事"]) + "\n", r'gold.jsonl:1: companies\[0\] must be an object, not "架空商事"'),
    (gold_line(companies=[{"aliases": ["架空"]}]) + "\n", r"companies\[0\].name must be a string, not missing"),
    (gold_line(chips=[{"name": "MX-1", "aliases": "MX1"}]) + "\n",
     r'chips\[0\].aliases must be a list of strings or null, not "MX1"'),
    (gold_line(money=[{**MONEY_FACT, "value": "lots"}]) + "\n",
     r'gold.jsonl:1: money\[0\].value must be a finite number or null, not "lots"'),
    (gold_line(money=[{**MONEY_FACT, "value": True}]) + "\n", r"money\[0\].value must be a finite number"),
    (gold_line(money=[MONEY_FACT, {**MONEY_FACT, "currency": None}]) + "\n",
     r"money\[1\].currency must be a string, not null"),
    (gold_line(money=[{**MONEY_FACT, "value": None}]) + "\n",
     r"money\[0\] needs a value, min_value or max_value"),
    (gold_line(dates=[{"surface": "2025年", "type": "DATE", "value": 2025}]) + "\n",
     r"dates\[0\].value must be a string, not 2025"),
    (gold_line(partnerships=[{"parties": ["X"], "type": "partnership"}]) + "\n",
     r'partnerships\[0\].parties must be a list of two strings, not \["X"\]'),
    (gold_line(partnerships=[{"parties": ["X", "Y"]}]) + "\n", r"partnerships\[0\].type must be a string"),
    (gold_line(optional=["money"]) + "\n", r'optional must be an object of lists, not \["money"\]'),
    (gold_line(optional={"money": [{"currency": "USD", "value": 5}]}) + "\n",
     r"optional.money\[0\].qualifier must be a string, not missing"),
    ('{"article_id": "a"}\n\n[1]\n{"article_id": "b", "dates": 3}\nnot json\n{}\n',
     (r"gold.jsonl:3: a gold line .*; .*gold.jsonl:4: dates must be a list, not 3; .*gold.jsonl:5: not valid JSON"
      r".* \(and 1 more line\(s\) with problems\)$")),
])
def test_bad_gold_is_reported_with_its_line_and_field(tmp_path, gold_text, message):
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(gold_text, encoding="utf-8")
    with pytest.raises(EvalError, match=message) as raised:
        score_output(tmp_path, gold_path)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("data, line", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1),
    (b'{"article_id": "a"}\n{"article_id": "b"}\n' + bytes(range(128, 256)), 3),
])
def test_a_binary_gold_file_is_reported_with_its_line(tmp_path, data, line):
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_bytes(data)
    with pytest.raises(EvalError, match=f"gold.jsonl:{line}: not UTF-8 text"):
        score_output(tmp_path, gold_path)


@pytest.mark.parametrize("gold_text", ["", "\n  \n\n"])
def test_a_gold_file_without_posts_is_an_error_not_a_perfect_score(tmp_path, gold_text):
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(gold_text, encoding="utf-8")
    with pytest.raises(EvalError, match="no gold posts in .*gold.jsonl"):
        score_output(write_output(tmp_path / "output"), gold_path)


def test_table_without_a_scored_column_is_reported(tmp_path):
    pq.write_table(pa.Table.from_pylist([{"article_id": "a", "surface": "AWS", "name": "AWS"}]),
                   tmp_path / "companies.parquet")
    with pytest.raises(EvalError, match="companies.parquet is not a part of the companies table: "
                                        "it lacks column.*company_id"):
        score_output(tmp_path, GOLD)


def test_a_damaged_or_foreign_part_is_named(tmp_path):
    output = write_output(tmp_path / "output")
    part = output / "money.parquet" / "part-1.parquet"
    part.write_bytes(part.read_bytes()[:40])
    with pytest.raises(InputError, match=f"cannot read {re.escape(str(part))}: "):
        score_output(output, GOLD)
    pq.write_table(pa.table({"x": [1]}), part)
    with pytest.raises(EvalError, match=f"{re.escape(str(part))} is not a part of the money table: "
                                        "it lacks column.*article_id"):
        score_output(output, GOLD)


@pytest.mark.parametrize("make, message", [
    (lambda path: None, "output folder not found: .*nowhere"),
    (lambda path: path.write_text("x"), "nowhere is a file, not an output folder"),
])
def test_missing_output_folder_is_reported(tmp_path, make, message):
    make(tmp_path / "nowhere")
    with pytest.raises(EvalError, match=message):
        score_output(tmp_path / "nowhere", GOLD)
