"""Every ``examples:`` entry of every rule file, run through the stage that file feeds.

Rule authors document a rule with examples (a text, what must be found and
what must not); this test makes each example a check, so an edit that breaks
a documented behaviour fails here, naming the file and line.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path

import pytest

from extract.normalize.chips import ChipRecognizer
from extract.normalize.companies import CompanyRecognizer
from extract.normalize.dates import compile_date_rules, find_dates
from extract.normalize.money import compile_money_rules, find_money, fx_table
from extract.models import Post
from extract.process import Extractors, process_post
from extract.rules import RuleExample, load_rules
from extract.segment import split_sentences
from extract.stages import rule_file_kind
from extract.tokenize import tokenize_sentence

from conftest import RULES, sentence_of

RULE_SET = load_rules(RULES)
MONEY_RULES = compile_money_rules(RULE_SET.money)
DATE_RULES = compile_date_rules(RULE_SET.dates)
FX_TABLE = fx_table(RULE_SET.fx)
EXAMPLES = [(Path(file).relative_to(RULES).as_posix(), example)
            for file, examples in sorted(RULE_SET.examples.items()) for example in examples]


def _kind(relative_path: str) -> str:
    """The stage that runs a rule file's examples: the one the stage registry says owns the file."""
    kind = rule_file_kind(relative_path)
    assert kind is not None, f"{relative_path} is not a kind of rule file the registry knows"
    return kind.stage


def _recognized(recognizer: CompanyRecognizer | ChipRecognizer, text: str) -> list[tuple[str, str]]:
    """(id, surface) of every mention the recognizer finds in ``text``."""
    sentences = split_sentences(text)
    mentions = recognizer.find(sentences, [tokenize_sentence(s) for s in sentences])
    return [(getattr(m, "company_id", None) or getattr(m, "chip_id"), m.surface) for m in mentions]


def _check_mentions(found: list[tuple[str, str]], example: RuleExample) -> None:
    """Each listed find names one mention (by id or surface), and no mention is left unlisted."""
    remaining = list(found)
    for expected in example.finds:
        hit = next((m for m in remaining if expected in m), None)
        assert hit is not None, f"{expected!r} not found; found {found}"
        remaining.remove(hit)
    assert not remaining, f"found more than listed: {remaining}"


def _same(actual: object, expected: object) -> bool:
    """Example values compare as written in YAML: numbers within 1e-9, dates as ISO strings."""
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(actual, expected, rel_tol=1e-9)
    if isinstance(actual, datetime.date):
        return actual.isoformat() == str(expected)
    return actual == expected


def _check_normalized(found: list, example: RuleExample) -> None:
    """The normalizer finds exactly the listed matches, in order, with the listed attributes."""
    assert len(found) == len(example.finds), f"expected {len(example.finds)} matches, found {found}"
    for match, expected in zip(found, example.finds):
        for key, value in expected.items():
            assert _same(getattr(match, key), value), f"{key}: {getattr(match, key)!r} != {value!r} in {match}"


def _post(text: str) -> Post:
    """A post whose body is an example's text."""
    return Post("example", "example.md", None, None, None, (), (), None, None, text, "")


def _check_relations(found: list[tuple[str, str, str, str]], example: RuleExample) -> None:
    """Exactly the listed [party_a, party_b, type] rows, with the listed status when a fourth item gives one
    (done otherwise); a partnership's parties in either order."""
    def unordered(rows) -> list:
        return sorted(((tuple(sorted(r[:2])) if r[2] == "partnership" else tuple(r[:2])), r[2], r[3]) for r in rows)
    expected = [(*row[:3], row[3] if len(row) > 3 else "done") for row in example.finds]
    assert unordered(found) == unordered(expected), f"found {found}"


@pytest.fixture(scope="module")
def recognizers() -> dict[str, CompanyRecognizer | ChipRecognizer]:
    return {"companies": CompanyRecognizer(RULE_SET), "chips": ChipRecognizer(RULE_SET)}


@pytest.fixture(scope="module")
def extractors() -> Extractors:
    """The whole pipeline with the GiNZA model, for files whose rules act on its output."""
    return Extractors(RULE_SET, use_ner=True)


def test_rule_files_carry_examples() -> None:
    kinds = {_kind(file) for file, _ in EXAMPLES}
    assert {"companies", "chips", "money", "dates", "ner", "partnerships"} <= kinds


@pytest.mark.parametrize(("file", "example"), EXAMPLES,
                         ids=[f"{file}:{example.line}" for file, example in EXAMPLES])
def test_rule_example(file: str, example: RuleExample, recognizers: dict, request: pytest.FixtureRequest) -> None:
    kind = _kind(file)
    if kind == "ner":
        result = process_post(_post(example.text), request.getfixturevalue("extractors"))
        found = [(m.company_id, m.surface) for m in result.companies]
        _check_mentions(found, example)
        assert not {s for _, s in found} & set(example.not_found), f"found what must not be: {found}"
        return
    if kind == "partnerships":
        result = process_post(_post(example.text), request.getfixturevalue("extractors"))
        _check_relations([(r.party_a_id, r.party_b_id, r.type, r.status) for r in result.partnerships], example)
        return
    if kind in recognizers:
        found = _recognized(recognizers[kind], example.text)
        _check_mentions(found, example)
        surfaces = {surface for _, surface in found}
        assert not surfaces & set(example.not_found), f"found what must not be: {surfaces & set(example.not_found)}"
        return
    if kind == "money":
        found = find_money(sentence_of(example.text), MONEY_RULES, FX_TABLE, None)
    elif kind == "dates":
        anchor = datetime.date.fromisoformat(example.anchor) if example.anchor else None
        found = find_dates(sentence_of(example.text), DATE_RULES, anchor)
    else:
        pytest.fail(f"no stage runs the examples of {file}")
    _check_normalized(found, example)
    surfaces = {match.surface for match in found}
    assert not surfaces & set(example.not_found), f"found what must not be: {surfaces & set(example.not_found)}"

