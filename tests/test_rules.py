"""Rule loading: every problem in every file is reported at once, with file, line and rule id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import RULES, run_extract
from extract.rules import RulesInvalid, load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules(RULES)


def test_the_shipped_rules_are_valid(rules) -> None:
    assert len(rules.companies) >= 600
    assert len(rules.chips) >= 30
    assert rules.digest


def rules_with(tmp_path: Path, relative: str, text: str) -> Path:
    """A copy of the shipped rules plus one extra (usually broken) file."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return folder


COMPANY = "companies:\n  - id: zephyrlogic\n    name: Zephyrlogic\n    aliases: [ゼファーロジック]\n"
#: A small legal_forms section (lines 1-7 of a company_patterns.yaml); {undeclared} goes into ner_evidence.
LEGAL_FORMS = ("legal_forms:\n  japanese: [株式会社]\n  latin: [Inc]\n  company_words: [社]\n"
               "  after_context_alias: [社]\n  ner_evidence: [社{undeclared}]\n  trimmed_from_ner: [社]\n")


@pytest.mark.parametrize("relative, text, line, rule_id, message", [
    ("companies/bad.yaml", "companies:\n  - id: a\n    name: [unclosed\n", 3, None, "YAML syntax error"),
    ("companies/bad.yaml", "companies:\n  - ? [a, b]\n    : x\n", 2, None, "found unhashable key"),
    ("companies/bad.yaml", COMPANY + "    alias: [x]\n", 5, "zephyrlogic", "unknown key 'alias' (did you mean 'aliases'?)"),
    ("companies/bad.yaml", "companies:\n  - id: zephyrlogic\n    aliases: [x]\n", 2, "zephyrlogic", "missing required key 'name'"),
    ("companies/bad.yaml", COMPANY + "  - id: zephyrlogic\n    name: Other\n", 5, "zephyrlogic", "duplicate company id"),
    ("companies/bad.yaml", COMPANY + "    parent: no-such-company\n", 2, "zephyrlogic", "parent 'no-such-company' is not a known company id"),
    ("companies/bad.yaml", "companies:\n  - id: Zephyr_Logic\n    name: Zephyrlogic\n", 2, "Zephyr_Logic", "id must be lowercase"),
    ("companies/bad.yaml", "companies:\n  - id: x-zephyr\n    name: Zephyr\n", 2, "x-zephyr", "reserved for companies no list names"),
    ("chips/bad.yaml", "chips:\n  - id: zx-1\n    name: ZX-1\n    vendor: no-such-vendor\n", 2, "zx-1", "vendor 'no-such-vendor' is not a known company id"),
    ("company_patterns.yaml", LEGAL_FORMS.format(undeclared="") + "patterns:\n  - id: broken\n    regex: '(?P<name>[A-Z'\n",
     10, "broken", "regex does not compile"),
    ("company_patterns.yaml", LEGAL_FORMS.format(undeclared="") + "patterns:\n  - id: nameless\n    regex: '[A-Z]+社'\n",
     10, "nameless", "named group"),
    ("company_patterns.yaml", "patterns:\n  - id: x\n    regex: '(?P<name>X)社'\n", 1, None,
     "missing required key 'legal_forms'"),
    ("company_patterns.yaml", LEGAL_FORMS.format(undeclared="") + "patterns:\n  - id: typo\n"
     "    regex: '{legal_forms.japan}(?P<name>X)'\n", 10, "typo", "unknown placeholder '{legal_forms.japan}'"),
    ("company_patterns.yaml", LEGAL_FORMS.format(undeclared="") + "fragments:\n  place: '（[一-龯]+市）'\n"
     "patterns:\n  - id: typo\n    regex: '(?P<name>X){fragments.places}'\n", 12, "typo",
     "unknown placeholder '{fragments.places}': the fragments are place"),
    ("company_patterns.yaml", LEGAL_FORMS.format(undeclared="") + "fragments:\n  place: '（{fragments.city}）'\n"
     "  city: '{fragments.place}市'\npatterns:\n  - id: loop\n    regex: '(?P<name>X){fragments.place}'\n", 13,
     "loop", "fragment 'place' is made of itself (place -> city -> place)"),
    ("company_patterns.yaml", LEGAL_FORMS.format(undeclared=", GmbH") + "patterns: []\n", 6, None,
     "'ner_evidence' lists 'GmbH', which is not declared"),
    ("companies/bad.yaml", "companies:\n  - id: zephyr-rail\n    name: Zephyr Rail\n    context_aliases: [日本国有鉄道]\n",
     2, "zephyr-rail", "alias '日本国有鉄道' is listed as never a company in products.yaml"),
    ("stray.yaml", "anything: 1\n", None, None, "not a known rule file"),
    ("products.yaml", "products: [Quill Chat]\nmakers:\n  no-such-maker: [Quill Chat]\n", 3, None,
     "maker 'no-such-maker' is not a known company id"),
    ("products.yaml", "products: [Quill Chat]\nmakers:\n  nvidia: [Quill Draw]\n", 3, None,
     "'Quill Draw' of maker 'nvidia' is not listed in products"),
])
def test_each_problem_names_file_line_and_rule(tmp_path: Path, relative: str, text: str, line: int | None,
                                               rule_id: str | None, message: str) -> None:
    folder = rules_with(tmp_path, relative, text)
    with pytest.raises(RulesInvalid) as raised:
        load_rules(folder)
    problems = [p for p in raised.value.problems if p.file.endswith(relative)]
    assert any(message in p.message for p in problems), raised.value
    problem = next(p for p in problems if message in p.message)
    assert (problem.line, problem.rule_id) == (line, rule_id)


def test_an_alias_claimed_twice_names_both_companies(tmp_path: Path) -> None:
    folder = rules_with(tmp_path, "companies/bad.yaml",
                        "companies:\n  - id: zephyr-two\n    name: Zephyr Two\n    aliases: [NVIDIA]\n")
    with pytest.raises(RulesInvalid) as raised:
        load_rules(folder)
    [problem] = [p for p in raised.value.problems if "claimed by both" in p.message]
    assert "'zephyr-two'" in problem.message and "'nvidia'" in problem.message
    assert problem.rule_id in ("zephyr-two", "nvidia")


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    folder = rules_with(tmp_path, "companies/bad.yaml", "companies:\n  - id: a\n    nme: A\n  - id: b\n")
    (folder / "chips" / "bad.yaml").write_text("chips:\n  - id: c\n    name: C\n    vendor: nobody\n")
    with pytest.raises(RulesInvalid) as raised:
        load_rules(folder)
    files = {Path(p.file).name for p in raised.value.problems}
    assert files == {"bad.yaml"} and len(raised.value.problems) >= 4


def test_missing_rules_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RulesInvalid, match="rules folder not found"):
        load_rules(tmp_path / "nope")


def test_rules_check_command_reports_problems_and_fails(tmp_path: Path) -> None:
    folder = rules_with(tmp_path, "companies/bad.yaml", COMPANY + "    alias: [x]\n")
    completed = run_extract("rules", "check", "--rules", str(folder), check=False)
    assert completed.returncode == 1
    assert "bad.yaml:5: [zephyrlogic] unknown key 'alias'" in completed.stderr
    assert "companies" in run_extract("rules", "check", "--rules", str(RULES)).stdout


def test_a_broken_rule_file_stops_the_run_before_any_post(tmp_path: Path) -> None:
    folder = rules_with(tmp_path, "companies/bad.yaml", COMPANY + "    alias: [x]\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("本文。")
    completed = run_extract("run", str(corpus), "--output", str(tmp_path / "out"), "--rules", str(folder),
                            check=False)
    assert completed.returncode == 1 and "bad.yaml:5" in completed.stderr
    assert not (tmp_path / "out").exists()


def test_a_users_own_company_and_chip_files_work_without_code(tmp_path: Path) -> None:
    folder = rules_with(tmp_path, "companies/mine.yaml", COMPANY)
    (folder / "chips" / "mine.yaml").write_text(
        "chips:\n  - id: zephyr-x1\n    name: Zephyrlogic ZX-1\n    aliases: [ZX-1, ZX1]\n    vendor: zephyrlogic\n",
        encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\ntitle: t\n---\nゼファーロジックはＺＸ－１を発表した。\n", encoding="utf-8")
    run_extract("run", str(corpus), "--output", str(tmp_path / "out"), "--rules", str(folder), "--quiet")
    import pyarrow.parquet as pq

    companies = pq.read_table(tmp_path / "out" / "companies.parquet").to_pylist()
    chips = pq.read_table(tmp_path / "out" / "chips.parquet").to_pylist()
    assert [(c["surface"], c["company_id"]) for c in companies] == [("ゼファーロジック", "zephyrlogic")]
    assert [(c["surface"], c["chip_id"], c["vendor_id"]) for c in chips] == [("ＺＸ－１", "zephyr-x1", "zephyrlogic")]


def test_a_legal_form_is_declared_once_and_every_pattern_reads_it(tmp_path: Path) -> None:
    """{legal_forms.GROUP} in a pattern is the group's escaped alternation: a form added to the list
    is found by every pattern that names the group, with no regex edited."""
    from extract.normalize.companies import CompanyRecognizer
    from extract.segment import split_sentences
    from extract.tokenize import tokenize_sentence

    shipped = {p.id: p.regex for p in load_rules(RULES).company_patterns}
    assert ("(?:Inc|Corp|Corporation|Ltd|LLC|GmbH|AG|plc|PLC|S\\.A|N\\.V|Co\\.,\\ Ltd|Co\\.,Ltd|Co\\.\\ Ltd|Pvt\\.\\ Ltd|"
            "Pvt\\ Ltd|Private\\ Limited|Pte\\.\\ Ltd|Pte\\ Ltd|Pty\\.\\ Ltd|Pty\\ Ltd|Limited|SAS|S\\.A\\.S|SpA|S\\.p\\.A|B\\.V|K\\.K|SE|KGaA|Oyj|ASA|"
            "Joint\\ Stock\\ Company|JSC|Sdn\\.\\ Bhd|Sdn\\ Bhd|Berhad|Incorporated|Co\\.,\\ Limited)"
            in shipped["company.latin_legal_form"])
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    path = folder / "company_patterns.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("japanese: [株式会社,", "japanese: [特定目的会社, 株式会社,"),
                    encoding="utf-8")
    sentences = split_sentences("特定目的会社ゼファーロジックとクオリア特定目的会社が提携した。")
    found = CompanyRecognizer(load_rules(folder)).find(sentences, [tokenize_sentence(s) for s in sentences])
    assert [(m.surface, m.rule_id) for m in found] == [("ゼファーロジック", "company.kabushiki_prefix"),
                                                      ("クオリア", "company.kabushiki_suffix")]


@pytest.mark.parametrize("relative, key, old, new, message", [
    # スタートアップ is in products.yaml's not_companies, which GiNZA's proposals never pass either.
    ("ner.yaml", "stop_words", "stop_words: [LLM,", "stop_words: [LLM, スタートアップ,",
     "'スタートアップ' in stop_words is already in products.yaml (not_companies)"),
    ("ner.yaml", "stop_words", "stop_words: [LLM,", "stop_words: [LLM, クラウド,",
     "'クラウド' in stop_words is already in company_patterns.yaml (reject)"),
    ("company_patterns.yaml", "reject", "  [パートナー,", "  [パートナー, 大学,",
     "'大学' in reject is already in products.yaml (not_companies)"),
])
def test_a_word_that_is_never_a_company_is_listed_once(tmp_path: Path, relative: str, key: str, old: str, new: str,
                                                        message: str) -> None:
    """The three lists of words that are never companies nest (products.yaml's apply wherever reject's
    do, and reject's wherever stop_words' do): a word is listed once, in the widest it belongs in."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(RulesInvalid) as raised:
        load_rules(folder)
    [problem] = raised.value.problems
    assert message in problem.message and problem.file.endswith(relative)
    changed = path.read_text(encoding="utf-8").splitlines()
    assert problem.line == 1 + changed.index(next(line for line in changed if new in line))


def test_company_suffixes_in_ner_yaml_points_to_legal_forms(tmp_path: Path) -> None:
    folder = rules_with(tmp_path, "ner.yaml", (RULES / "ner.yaml").read_text(encoding="utf-8")
                        + "company_suffixes: [社]\n")
    with pytest.raises(RulesInvalid, match="legal_forms.ner_evidence in company_patterns.yaml"):
        load_rules(folder)


@pytest.mark.parametrize("name, key", [("dates.yaml", "bound_mods"), ("money.yaml", "qualifiers"),
                                       ("partnerships.yaml", "topic_particles"), ("ner.yaml", "person_titles")])
def test_a_problem_deep_in_a_stage_file_is_reported_at_its_key(tmp_path: Path, name: str, key: str) -> None:
    """The stage loaders' checks name the key at fault, and the problem is reported at its line."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    planted = next(number for number, line in enumerate(lines) if line.startswith(f"{key}:"))
    block_end = next((number for number in range(planted + 1, len(lines))
                      if lines[number] and not lines[number].startswith((" ", "#"))), len(lines))
    lines[planted:block_end] = [f"{key}: 5"]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RulesInvalid) as raised:
        load_rules(folder)
    [problem] = raised.value.problems
    assert problem.line == planted + 1 and key in problem.message


#: One error planted in every kind of rule file, and one in an example: (file, text replaced, its
#: replacement, what the problem says). Each must be reported at the line of the replacement.
PLANTED = [
    ("companies/global_tech.yaml", "  - {id: alphabet, name: Alphabet,", "  - {id: alphabet, nmae: Alphabet,",
     "unknown key 'nmae' (did you mean 'name'?)"),
    ("chips/nvidia.yaml", "aliases: [ボルタ], vendor: nvidia,", "aliases: [ボルタ], vendor: [nvidia],",
     "'vendor' must be a string, got a list"),
    ("company_patterns.yaml", "  latin: [Inc, Corp,", "  latin: Inc\n  unused: [Corp,",
     "'legal_forms.latin' must be a list, got a string"),
    ("products.yaml", "  - Microsoft Azure\n", "  - '  '\n", "'products[1]': must not be blank"),
    ("ner.yaml", "company_labels: [Company, Corporation_Other]", "company_labels: Company",
     "'company_labels' must be a list, got a string"),
    ("partnerships.yaml", "  partnership: [提携,", "  alliance: [提携,",
     "key 'triggers.alliance': Input should be 'partnership', 'investment' or 'acquisition'"),
    ("money.yaml", "  JPY: [円, 日本円, JPY, yen]", "  Yen: [円, 日本円, JPY, yen]", "'Yen' is not an ISO 4217 currency code"),
    ("fx.yaml", "  TWD: {2015: 31.90,", "  TWD: {2015: -31.90,", "'units_per_usd.TWD[2015]': must be a positive number"),
    ("dates.yaml", "fiscal_year_start_month: 4", "fiscal_year_start_month: 13", "'fiscal_year_start_month'"),
    ("dates.yaml", '    anchor: "2025-06-01"', '    anchr: "2025-06-01"', "unknown key 'anchr' (did you mean 'anchor'?)"),
]


def test_an_error_in_every_kind_of_rule_file_is_reported_at_its_line_in_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    expected = set()
    for relative, old, new, message in PLANTED:
        path = folder / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= 1, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        expected.add((relative, text[:text.index(old)].count("\n") + 1, message))
    with pytest.raises(RulesInvalid) as raised:
        load_rules(folder)
    found = [(Path(p.file).relative_to(folder).as_posix(), p.line, p.message) for p in raised.value.problems]
    for relative, line, message in sorted(expected):
        assert any((f, n) == (relative, line) and message in m for f, n, m in found), (relative, line, message, found)
    assert {f for f, _, _ in found} == {relative for relative, _, _, _ in PLANTED}
