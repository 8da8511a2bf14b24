"""Loading and validating the YAML rule files, reporting every problem at once.

Users extend the pipeline by editing YAML, not Python, so a mistake in a rule
file must come back as a message they can act on: the file, the line of the
key or item at fault, the rule id and what is wrong, for every problem in
every file at once, before any post is processed. What a file holds is
decided by where it is (the stage registry, stages.py, lists the kinds and the
stage each steers), and what each kind may hold by its schema:

    yaml_lines.py   the YAML reader that keeps the line of every key and item
    schema.py       one pydantic model per kind of rule file: the spec records the stages read
    validation.py   a file against its model, each problem worded and placed at its line
    checks.py       what no single value can get wrong: ids, aliases, legal forms, patterns, across files
    records.py      CompanyRule, ChipRule, PatternRule, RuleExample and RuleSet, what the stages receive

The kinds (see their schema models and the shipped files' comments):

    rules/companies/**/*.yaml   company gazetteer (id, name, aliases, context_aliases, parent)
    rules/chips/**/*.yaml       chip catalog (id, name, aliases, vendor) and not_chips
    rules/products.yaml         products and generic nouns that are never companies
    rules/company_patterns.yaml company legal forms (株式会社, Inc ...) and regexes that find
                                companies no list names
    rules/money.yaml            currency words and qualifier cues
    rules/fx.yaml               dated exchange rates to USD
    rules/dates.yaml            date and duration cues
    rules/ner.yaml              which GiNZA labels may be companies, and the NER filters' words
    rules/partnerships.yaml     relation triggers, hedges, negations, back-references

Any file may carry ``examples:`` (a text and what must and must not be found),
which the test suite runs. Nothing here imports a stage: the stages compile
the validated specs into their matchers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from extract.rules.checks import (check_gazetteer, check_legal_forms, check_never_companies, check_product_makers,
                                  checked_company_patterns)
from extract.rules.problems import (MAX_LISTED_PROBLEMS, MAX_VALUE_CHARS, FileProblems, RuleProblem, RulesInvalid,
                                    clipped)
from extract.rules.records import ChipRule, CompanyRule, PatternRule, RuleExample, RuleSet
from extract.rules.schema import (SPECS, ChipEntry, ChipsFile, CompaniesFile, CompanyEntry, CompanyPatternsFile,
                                  Definitions, LegalForms, NameBounds, RuleFileSpec)
from extract.rules.validation import validated
from extract.rules.yaml_lines import MAX_RULE_FILE_BYTES, LineDict, line_at, read_rule_yaml
from extract.stages import RULE_FILES, rule_file_kind, rule_files

__all__ = [
    "MAX_LISTED_PROBLEMS", "MAX_RULE_FILE_BYTES", "MAX_VALUE_CHARS", "ChipRule", "CompanyRule", "Definitions",
    "LegalForms", "NameBounds", "PatternRule", "RuleExample", "RuleProblem", "RuleSet", "RulesInvalid", "clipped",
    "load_rules", "rules_digest",
]


#: An entry of a gazetteer file (a company, a chip) and the record made of it.
E = TypeVar("E", bound=BaseModel)
R = TypeVar("R")


def rules_digest(rules_dir: Path) -> str:
    """A hash of every rule file's path and bytes: changes whenever any rule changes."""
    digest = hashlib.sha256()
    for path in rule_files(rules_dir):
        digest.update(path.relative_to(rules_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _single_file_names() -> list[str]:
    """The rule files of the rules folder's top level, as the stage registry lists them."""
    return [kind.path for kind in RULE_FILES if not kind.is_folder]


def _examples(spec: RuleFileSpec, data: LineDict, file: str) -> tuple[RuleExample, ...]:
    """A file's ``examples:`` as records that know their line."""
    return tuple(RuleExample(file, line_at(data, ("examples", index)), example.text, example.finds, example.not_,
                             example.anchor)
                 for index, example in enumerate(spec.examples))


def _companies(entry: CompanyEntry, line: int, file: str) -> CompanyRule:
    return CompanyRule(entry.id, entry.name, entry.aliases, entry.context_aliases, entry.parent, file, line)


def _chips(entry: ChipEntry, line: int, file: str) -> ChipRule:
    return ChipRule(entry.id, entry.name, entry.aliases, entry.vendor, file, line)


def _records(record: Callable[[E, int, str], R], entries: Sequence[E], key: str, data: LineDict,
             file: str) -> list[R]:
    """The records of a validated file's ``key`` entries (companies, chips), each with its line."""
    return [record(entry, line_at(data, (key, index)), file) for index, entry in enumerate(entries)]


def _valid_entries(record: Callable[[E, int, str], R], entry_spec: type[E], key: str, data: LineDict,
                   file: str, invalid_ids: set[str]) -> list[R]:
    """The records of the ``key`` entries of a file that failed its schema that are valid on their own;
    the ids of the others go to ``invalid_ids`` (their problems are reported already)."""
    entries = data.get(key)
    if not isinstance(entries, list):
        return []
    valid = []
    for index, entry in enumerate(entries):
        try:
            valid.append(record(entry_spec.model_validate(entry), line_at(data, (key, index)), file))
        except ValidationError:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                invalid_ids.add(entry["id"])
    return valid


def load_rules(rules_dir: Path) -> RuleSet:
    """Load and validate every rule file; raise ``RulesInvalid`` listing all problems."""
    sink: list[RuleProblem] = []
    if not rules_dir.is_dir():
        raise RulesInvalid([RuleProblem(str(rules_dir), None, None, "rules folder not found")])
    companies: list[CompanyRule] = []
    chips: list[ChipRule] = []
    not_chips: list[str] = []
    # The validated spec of each single file, and its name and data for the cross-file checks, by kind.
    singles: dict[str, Any] = {}
    located: dict[str, tuple[str, LineDict, RuleFileSpec]] = {}
    present: set[str] = set()
    patterns: list[PatternRule] = []
    # Ids of gazetteer entries with problems of their own: references to them are not problems too.
    invalid_ids: set[str] = set()
    examples: dict[str, tuple[RuleExample, ...]] = {}
    for path in rule_files(rules_dir):
        relative = path.relative_to(rules_dir).as_posix()
        file = path.as_posix()
        problems = FileProblems(file, sink)
        kind = rule_file_kind(relative)
        if kind is not None:
            present.add(kind.stem)
        data = read_rule_yaml(path, problems)
        if data is None:
            continue
        if kind is None:
            problems.add(None, None, "not a known rule file: company files go in companies/, chip files in "
                                     f"chips/, and the others are {', '.join(_single_file_names())}")
            continue
        spec = validated(SPECS[kind.stem], data, problems)
        if spec is None:
            # Its valid companies and chips still count as known ids and owners of their aliases:
            # one mistake must not make every reference to that file's ids a problem too.
            companies.extend(_valid_entries(_companies, CompanyEntry, "companies", data, file, invalid_ids))
            chips.extend(_valid_entries(_chips, ChipEntry, "chips", data, file, invalid_ids))
            continue
        examples[file] = _examples(spec, data, file)
        if isinstance(spec, CompaniesFile):
            companies.extend(_records(_companies, spec.companies, "companies", data, file))
        elif isinstance(spec, ChipsFile):
            chips.extend(_records(_chips, spec.chips, "chips", data, file))
            not_chips.extend(spec.not_chips)
        else:
            singles[kind.stem] = spec
            located[kind.stem] = (file, data, spec)
        if isinstance(spec, CompanyPatternsFile):
            check_legal_forms(spec.legal_forms, data, problems)
            patterns = checked_company_patterns(spec, data, problems)
    for kind in RULE_FILES:
        if not kind.is_folder and kind.stem not in present:
            sink.append(RuleProblem(str(rules_dir / kind.path), None, None, "required rule file is missing"))
    check_gazetteer(companies, chips, singles["products"].products if "products" in singles else (),
                    singles["products"].not_companies if "products" in singles else (), invalid_ids, sink)
    check_never_companies(located, sink)
    if "products" in located:
        products_file, products_data, _ = located["products"]
        check_product_makers(singles["products"], products_file, products_data,
                             {c.id for c in companies} | invalid_ids, sink)
    if sink:
        raise RulesInvalid(sorted(sink, key=lambda problem: (problem.file, problem.line or 0)))
    return RuleSet(
        companies=tuple(companies), chips=tuple(chips), not_chips=tuple(not_chips),
        products=singles["products"].products, not_companies=singles["products"].not_companies,
        product_makers={product: maker for maker, products in singles["products"].makers.items()
                        for product in products},
        company_patterns=tuple(patterns), pattern_rejects=singles["company_patterns"].reject,
        legal_forms=singles["company_patterns"].legal_forms, name_bounds=singles["company_patterns"].name_bounds,
        renames=singles["company_patterns"].renames, deeds=singles["company_patterns"].deeds,
        definitions=singles["company_patterns"].definitions,
        ner=singles["ner"], money=singles["money"],
        fx=singles["fx"], dates=singles["dates"], partnerships=singles["partnerships"],
        examples=examples, digest=rules_digest(rules_dir),
    )
