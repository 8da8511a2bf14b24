"""The relation step against a table of invented sentences (tests/data/relations.yaml).

Each case is a sentence (with an optional context before it) and exactly the
rows the spec says it gives: the pair, the type, the direction of an
investment or acquisition, the status and, where the sentence states one in
dollars, the pair's amount (or that it has none). Sentences that must give nothing (competition,
side-by-side mentions, product use, the writer's speculation, unnamed parties)
must give nothing, each one. The cases that must give rows are the target the
relation rules are developed against: the share they get right may only grow
(``AGREEING_CASES`` is raised as rules improve), and a failure lists every case
that disagrees, with what it gave.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from conftest import RULES
from extract.models import Post
from extract.process import Extractors, process_post
from extract.relations import Partnership
from extract.rules import load_rules

CASES = yaml.safe_load((Path(__file__).parent / "data" / "relations.yaml").read_text(encoding="utf-8"))["cases"]
WITH_ROWS = [case for case in CASES if case["rows"]]
WITHOUT_ROWS = [case for case in CASES if not case["rows"]]
#: Cases with rows the pipeline (with the GiNZA parse) gives exactly, as of the last change to the rules.
AGREEING_CASES = 965
#: Cases with rows the pipeline gives exactly from the rules alone (``--no-ner``: no model, no parse), which the
#: relation step must get right by the words of the sentence where it has no parse to read.
AGREEING_CASES_WITHOUT_THE_MODEL = 965


@pytest.fixture(scope="module")
def extractors() -> Extractors:
    return Extractors(load_rules(RULES), use_ner=True)


@pytest.fixture(scope="module")
def rules_only() -> Extractors:
    return Extractors(load_rules(RULES), use_ner=False)


def _rows(case: dict, extractors: Extractors) -> list[tuple[frozenset[str], frozenset[str], Partnership]]:
    """The rows the pipeline gives for the case's own sentence: each party as the surfaces it was named
    by (and its name), with the row."""
    text = case.get("context", "") + case["text"]
    result = process_post(Post("case", "case.md", None, None, None, (), (), None, None, text, ""), extractors)
    names: dict[str, set[str]] = {}
    for mention in result.companies:
        names.setdefault(mention.company_id, set()).update(_written_names(mention.surface, extractors))
    return [(frozenset({*names.get(row.party_a_id, ()), row.party_a_name}),
             frozenset({*names.get(row.party_b_id, ()), row.party_b_name}), row)
            for row in result.partnerships if row.evidence in case["text"] or case["text"] in row.evidence]


def _written_names(surface: str, extractors: Extractors) -> set[str]:
    """The surface, and the name it writes without the legal form next to it (株式会社NTTドコモ: NTTドコモ)."""
    forms = extractors.rules.legal_forms
    names = {surface}
    for form in forms.japanese:
        names |= {surface.removeprefix(form).strip(), surface.removesuffix(form).strip()}
    for form in forms.latin:
        for written in (f" {form}.", f" {form}", f", {form}.", f", {form}"):
            names.add(surface.removesuffix(written))
    return names


def _same(expected: dict, found: tuple[frozenset[str], frozenset[str], Partnership]) -> bool:
    """Whether a found row is the expected one: parties (either order for a partnership), type, status,
    and the amount when the case states one (``usd: null``: the row must carry none)."""
    a, b, row = found
    parties = expected["a"] in a and expected["b"] in b
    if expected["type"] == "partnership":
        parties = parties or (expected["a"] in b and expected["b"] in a)
    amount = expected.get("usd")
    if "usd" not in expected:
        amount_right = True
    elif amount is None:
        amount_right = row.money_value_usd is None
    else:
        amount_right = row.money_value_usd is not None and math.isclose(row.money_value_usd, amount, rel_tol=0.01)
    return parties and row.type == expected["type"] and row.status == expected["status"] and amount_right


def _disagreement(case: dict, extractors: Extractors) -> str | None:
    """None when the case gives exactly its rows, else what it gave instead."""
    found = _rows(case, extractors)
    remaining = list(found)
    for expected in case["rows"]:
        hit = next((row for row in remaining if _same(expected, row)), None)
        if hit is None:
            break
        remaining.remove(hit)
    else:
        if not remaining:
            return None
    given = [(row.party_a_name, row.party_b_name, row.type, row.status, row.money_value_usd) for _, _, row in found]
    wanted = [(row["a"], row["b"], row["type"], row["status"], row.get("usd")) for row in case["rows"]]
    return f"[{case['shape']}] {case.get('context', '')}{case['text']}\n    wanted {wanted}\n    gave   {given}"


@pytest.mark.parametrize("case", WITHOUT_ROWS, ids=[case["text"][:30] for case in WITHOUT_ROWS])
def test_sentences_stating_no_relation_give_none(case: dict, extractors: Extractors) -> None:
    assert _disagreement(case, extractors) is None


def test_the_table_is_large_enough_to_mean_something() -> None:
    assert len(WITH_ROWS) >= 100 and len(WITHOUT_ROWS) >= 30
    assert {row["status"] for case in WITH_ROWS for row in case["rows"]} == {"done", "planned", "ended"}
    assert {row["type"] for case in WITH_ROWS for row in case["rows"]} == {"partnership", "investment", "acquisition"}


def test_relations_agree_with_the_case_table(extractors: Extractors) -> None:
    disagreements = [text for case in WITH_ROWS if (text := _disagreement(case, extractors))]
    agreeing = len(WITH_ROWS) - len(disagreements)
    assert agreeing >= AGREEING_CASES, (f"{agreeing} of {len(WITH_ROWS)} cases agree, fewer than {AGREEING_CASES}:\n"
                                        + "\n".join(disagreements))


def test_relations_agree_with_the_case_table_without_the_model(rules_only: Extractors) -> None:
    """A run with --no-ner reads the same sentences with no parse: the cases hold there too, and the
    sentences that must give nothing give nothing."""
    disagreements = [text for case in WITH_ROWS if (text := _disagreement(case, rules_only))]
    agreeing = len(WITH_ROWS) - len(disagreements)
    assert agreeing >= AGREEING_CASES_WITHOUT_THE_MODEL, (
        f"{agreeing} of {len(WITH_ROWS)} cases agree, fewer than {AGREEING_CASES_WITHOUT_THE_MODEL}:\n"
        + "\n".join(disagreements))
    assert [text for case in WITHOUT_ROWS if (text := _disagreement(case, rules_only))] == []


def test_a_release_calls_its_issuer_when_the_author_is_that_company(extractors: Extractors) -> None:
    """当社 in a press release is the company its author field names under its legal name, or its header line
    (会社名　株式会社X), even where the bidder it answers is named more often; without either it is the company
    the post names most (here the bidder, which makes no bid for itself)."""
    body = ("# 株式会社北辰ホールディングスによる当社株式に対する公開買付けのお知らせ\n\n"
            "当社は、株式会社北辰ホールディングスが当社株式に対して実施する公開買付けに賛同いたします。"
            "北辰ホールディングスは、北関東で食品スーパーを展開しています。株式会社みなみストアは地域の老舗です。\n")
    def rows(author: str | None, text: str) -> set[tuple[str, str, str]]:
        post = Post("release", "release.md", None, None, None, (), (), author, None, text, "")
        return {(row.party_a_name, row.party_b_name, row.type) for row in process_post(post, extractors).partnerships}
    assert ("北辰ホールディングス", "みなみストア", "acquisition") in rows("株式会社みなみストア", body)
    assert ("北辰ホールディングス", "みなみストア", "acquisition") in rows(None, "会社名　株式会社みなみストア\n\n" + body)
    assert rows(None, body) == set()
