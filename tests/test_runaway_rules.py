"""Hostile rule files: a company pattern that backtracks forever fails one post, not the run, and a
YAML bomb (nested aliases) or an enormous value comes back as one short rule problem."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import extract
import extract.normalize.companies as companies
from conftest import RULES
from extract.errors import PostError
from extract.normalize.companies import CompanyRecognizer
from extract.normalize.literals import required_literals
from extract.rules import (MAX_LISTED_PROBLEMS, MAX_RULE_FILE_BYTES, MAX_VALUE_CHARS, PatternRule, RulesInvalid,
                           load_rules)
from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence

EXTRACT = Path(sys.executable).parent / "extract"
#: Hard limit on each CLI run here: the bug this guards against made a run never finish.
CLI_TIMEOUT_SECONDS = 120
#: A rule problem about a hostile file must stay this short (the bug printed 312 MB).
MAX_PROBLEM_OUTPUT_CHARS = 2_000
#: What nested repeats backtrack on: many "a"s, then a character that makes the match fail.
RUNAWAY_TEXT = "a" * 34 + "!"
#: Backtracks exponentially in ``re``; ``regex`` sees through this one (its guards), so it must just finish.
NESTED_REPEAT = "(?P<name>(a+)+)$"
#: Backtracks exponentially in ``regex`` too: alternatives that match the same text, repeated.
OVERLAPPING_ALTERNATIVES = "(?P<name>(a|a)+)$"
NORMAL_POST = "株式会社ゼファーロジックは新しいクラウドサービスを発表した。担当者は来年の拡大を語った。\n"
#: Nine lists of nine, nested eight deep: 9**8 strings from about 450 bytes.
BILLION_LAUGHS = "companies:\n  - &l0 [" + ", ".join(["lol"] * 9) + "]\n" + "".join(
    f"  - &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n" for level in range(1, 8))


def rules_copy(tmp_path: Path) -> Path:
    """A copy of the shipped rules that a test may break."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    return folder


def add_patterns(folder: Path, patterns: dict[str, str]) -> int:
    """Append company patterns (id -> regex) to the copy's company_patterns.yaml; the line of the first."""
    path = folder / "company_patterns.yaml"
    text = path.read_text(encoding="utf-8")
    head, marker, tail = text.partition("\nreject:")
    added = "".join(f"  - id: {rule_id}\n    regex: '{pattern}'\n" for rule_id, pattern in patterns.items())
    path.write_text(head + "\n" + added.rstrip("\n") + marker + tail, encoding="utf-8")
    return head.count("\n") + 2


def extract_cli(*args: str) -> subprocess.CompletedProcess:
    """The installed ``extract`` command in a real process, killed if it runs away."""
    return subprocess.run([str(EXTRACT), *args], capture_output=True, text=True, timeout=CLI_TIMEOUT_SECONDS)


def recognizer_with(pattern: str, rule_id: str = "runaway") -> CompanyRecognizer:
    """A recognizer over the shipped rules whose only company pattern is ``pattern``."""
    rules = load_rules(RULES)
    only = PatternRule(rule_id, pattern, "rules/company_patterns.yaml", 12)
    return CompanyRecognizer(dataclasses.replace(rules, company_patterns=(only,)))


def find(recognizer: CompanyRecognizer, text: str) -> list:
    """The recognizer's company mentions in ``text``."""
    sentences = split_sentences(text)
    return recognizer.find(sentences, [tokenize_sentence(s) for s in sentences])


# --- a runaway company pattern ------------------------------------------------------------------

def test_a_runaway_pattern_fails_the_sentence_after_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(companies, "PATTERN_TIMEOUT_SECONDS", 0.2)
    recognizer = recognizer_with(OVERLAPPING_ALTERNATIVES)
    began = time.perf_counter()
    with pytest.raises(PostError) as raised:
        find(recognizer, RUNAWAY_TEXT)
    assert time.perf_counter() - began < 10
    error = raised.value
    assert (error.stage, error.kind) == ("companies", "rule_timeout")
    assert "'runaway'" in error.message and "rules/company_patterns.yaml:12" in error.message
    assert "took over 0.2 s" in error.message


def test_the_nested_repeat_that_hung_re_finishes_with_regex() -> None:
    assert find(recognizer_with(NESTED_REPEAT), RUNAWAY_TEXT) == []


def test_a_runaway_pattern_is_not_run_where_its_literals_are_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(companies, "PATTERN_TIMEOUT_SECONDS", 0.2)
    recognizer = recognizer_with("(?P<name>(a|a)+)株式会社")
    assert find(recognizer, RUNAWAY_TEXT) == []


@pytest.mark.parametrize("pattern, literals", [
    ("(?:株式会社|㈱)(?P<name>[ァ-ヺー]{2,30})", ("㈱", "株式会社")),
    ("(?P<name>[A-Z][a-z]+),? (?:Inc|Corp)\\b", ("Corp", "Inc")),
    ("(?P<name>[ァ-ヺ]+)社(?![会長])", ("社",)),
    ("(?P<name>[一-龯]+)(?=、[一-龯]+の[2-9]社)", ("、",)),  # a look-ahead that must hold: the sentence holds it
    ("(?P<name>[一-龯]+)(?=が(?:合併|経営統合))", ("合併", "経営統合")),
    ("(?<!株式会社)(?P<name>[ァ-ヺ]+)", ()),                # a negative look-around requires nothing
    ("(?P<name>[ァ-ヺ]+)(?:グループ)?", ()),          # optional: no literal is required
    ("(?i)(?P<name>\\w+) inc", ()),                  # case-insensitive
    ("(?P<name>\\w+)(?i:inc)", ()),
    ("(?P<name>(?:株式会社X){e<=1})", ()),           # a regex fuzzy match may lack the literal
    ("(?P<name>[[:alpha:]]+)社", ()),                # a POSIX class: re and regex read it differently
    ("(?P<name>\\p{Han}+)社", ()),                   # regex-only syntax
])
def test_required_literals_are_those_every_match_contains(pattern: str, literals: tuple[str, ...]) -> None:
    assert required_literals(pattern) == literals


def test_a_runaway_pattern_fails_one_post_and_the_run_goes_on(tmp_path: Path) -> None:
    rules = rules_copy(tmp_path)
    line = add_patterns(rules, {"nested-repeat": NESTED_REPEAT, "overlapping-alternatives": OVERLAPPING_ALTERNATIVES})
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "runaway.md").write_text(RUNAWAY_TEXT + "\n", encoding="utf-8")
    (corpus / "normal.md").write_text(NORMAL_POST, encoding="utf-8")
    assert "company patterns: ok" in extract_cli("rules", "check", "--rules", str(rules)).stdout
    output = tmp_path / "out"

    completed = extract_cli("run", str(corpus), "--output", str(output), "--rules", str(rules),
                            "--no-ner", "--jobs", "1")

    assert completed.returncode == 0, completed.stderr
    tables = extract.load(output)
    [error] = tables.errors.to_dict("records")
    assert error["source_path"].endswith("runaway.md")
    assert (error["stage"], error["error"]) == ("companies", "rule_timeout")
    assert "'overlapping-alternatives'" in error["message"]
    assert f"company_patterns.yaml:{line + 2}" in error["message"]
    assert [Path(p).name for p in tables.articles["source_path"]] == ["normal.md"]


# --- YAML bombs and huge values -----------------------------------------------------------------

def test_a_billion_laughs_rule_file_is_one_short_problem(tmp_path: Path) -> None:
    rules = rules_copy(tmp_path)
    (rules / "companies" / "laughs.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    began = time.perf_counter()
    completed = extract_cli("rules", "check", "--rules", str(rules))
    assert time.perf_counter() - began < 60
    assert completed.returncode == 1
    assert len(completed.stderr) < MAX_PROBLEM_OUTPUT_CHARS, completed.stderr[:MAX_PROBLEM_OUTPUT_CHARS]
    assert "Traceback" not in completed.stderr
    assert "laughs.yaml:3: YAML aliases (*name) are not allowed in rule files" in completed.stderr


def test_an_anchor_and_alias_anywhere_are_refused_at_the_alias(tmp_path: Path) -> None:
    rules = rules_copy(tmp_path)
    (rules / "companies" / "mine.yaml").write_text(
        "companies:\n  - id: zephyr\n    name: Zephyr\n    aliases: &names [ゼファー]\n"
        "  - id: zephyr-two\n    name: Zephyr Two\n    aliases: *names\n", encoding="utf-8")
    with pytest.raises(RulesInvalid) as raised:
        load_rules(rules)
    [problem] = raised.value.problems
    assert (Path(problem.file).name, problem.line) == ("mine.yaml", 7)
    assert "YAML aliases (*name) are not allowed" in problem.message


def test_an_oversized_rule_file_is_refused_unread(tmp_path: Path) -> None:
    rules = rules_copy(tmp_path)
    with (rules / "companies" / "huge.yaml").open("wb") as handle:
        handle.truncate(MAX_RULE_FILE_BYTES + 1)
    with pytest.raises(RulesInvalid) as raised:
        load_rules(rules)
    [problem] = raised.value.problems
    assert Path(problem.file).name == "huge.yaml" and "larger than 50 MB" in problem.message


def test_huge_values_are_shortened_in_problems(tmp_path: Path) -> None:
    rules = rules_copy(tmp_path)
    huge = "x" * 1_000_000
    (rules / "companies" / "big.yaml").write_text(
        f"companies:\n  - [{huge}, {huge}]\n  - id: {huge}\n    name: Big\n    ? {huge}\n    : 1\n",
        encoding="utf-8")
    with pytest.raises(RulesInvalid) as raised:
        load_rules(rules)
    message = str(raised.value)
    assert len(message) < MAX_PROBLEM_OUTPUT_CHARS
    assert "'companies[0]' must be a mapping, got a list" in message and "unknown key 'xxx" in message
    assert all(len(p.message) < 10 * MAX_VALUE_CHARS for p in raised.value.problems)


def test_a_flood_of_problems_is_listed_up_to_a_limit(tmp_path: Path) -> None:
    rules = rules_copy(tmp_path)
    (rules / "companies" / "flood.yaml").write_text(
        "companies:\n" + "".join(f"  - {n}\n" for n in range(MAX_LISTED_PROBLEMS + 50)), encoding="utf-8")
    with pytest.raises(RulesInvalid) as raised:
        load_rules(rules)
    assert len(raised.value.problems) == MAX_LISTED_PROBLEMS + 50
    assert str(raised.value).endswith("... and 50 more problem(s)")
