"""Loading and validating the YAML rule files, reporting every problem at once.

Users extend the pipeline by editing YAML, not Python, so a mistake in a rule
file must come back as a message they can act on: the file, the line, the
rule id and what is wrong, for every problem in every file at once, before
any post is processed. What a file holds is decided by where it is:

    rules/companies/**/*.yaml   company gazetteer (id, name, aliases, context_aliases, parent)
    rules/chips/**/*.yaml       chip catalog (id, name, aliases, vendor) and not_chips
    rules/products.yaml         products and generic nouns that are never companies
    rules/company_patterns.yaml regexes that find companies no list names
    rules/money.yaml            currency words and qualifier cues
    rules/fx.yaml               dated exchange rates to USD
    rules/dates.yaml            date and duration cues
    rules/ner.yaml              which GiNZA labels may be companies, and the NER filters' words
    rules/partnerships.yaml     relation triggers, hedges, negations, back-references

Any file may carry ``examples:`` (a text and what must and must not be found),
which the test suite runs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from extract.errors import ExtractError
from extract.normalize.dates import DateRules, load_date_rules
from extract.normalize.money import FxTable, MoneyRules, load_fx_table, load_money_rules
from extract.ner import NerRules, load_ner_rules
from extract.relations import PartnershipRules, load_partnership_rules

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Prefix of ids made up for companies no list names (reserved: no listed id may start with it).
DERIVED_ID_PREFIX = "x-"


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong in a rule file."""

    file: str
    line: int | None
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f" [{self.rule_id}]" if self.rule_id else ""
        return f"{where}:{rule} {self.message}"


class RulesInvalid(ExtractError):
    """The rule files have problems; all of them are listed."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the rule files:\n"
                         + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class CompanyRule:
    """A company of the gazetteer."""

    id: str
    name: str
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]
    parent: str | None
    file: str
    line: int


@dataclass(frozen=True)
class ChipRule:
    """A chip of the catalog."""

    id: str
    name: str
    aliases: tuple[str, ...]
    vendor: str
    file: str
    line: int


@dataclass(frozen=True)
class CompanyPattern:
    """A regex that finds a company no list names; group ``name`` is the company's name."""

    id: str
    regex: re.Pattern
    file: str
    line: int


@dataclass(frozen=True)
class RuleExample:
    """An ``examples:`` entry: a text and what a rule file says must (not) be found in it."""

    file: str
    line: int
    text: str
    finds: tuple
    not_found: tuple[str, ...]
    anchor: str | None


@dataclass(frozen=True)
class RuleSet:
    """Every rule, validated and ready for the matchers."""

    companies: tuple[CompanyRule, ...]
    chips: tuple[ChipRule, ...]
    not_chips: tuple[str, ...]
    products: tuple[str, ...]
    not_companies: tuple[str, ...]
    company_patterns: tuple[CompanyPattern, ...]
    pattern_rejects: tuple[str, ...]
    money: MoneyRules
    fx: FxTable
    dates: DateRules
    ner: NerRules
    partnerships: PartnershipRules
    examples: Mapping[str, tuple[RuleExample, ...]] = field(default_factory=dict)
    digest: str = ""


# --- YAML with line numbers -------------------------------------------------------------

class _LineDict(dict):
    """A mapping that remembers the line it started on and its duplicate keys."""

    line: int = 0
    duplicate_keys: tuple[tuple[str, int], ...] = ()


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader whose mappings carry their line numbers (libyaml's C parser where installed:
    the gazetteer is thousands of lines and every run and every worker loads it)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    seen: dict = {}
    duplicates = []
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            duplicates.append((str(key), key_node.start_mark.line + 1))
        seen[key] = True
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.duplicate_keys = tuple(duplicates)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Problems:
    """Collects problems for one file."""

    def __init__(self, file: str, sink: list[RuleProblem]) -> None:
        self.file = file
        self.sink = sink

    def add(self, line: int | None, rule_id: str | None, message: str) -> None:
        self.sink.append(RuleProblem(self.file, line, rule_id, message))


def _line(value: object) -> int | None:
    return getattr(value, "line", None)


def _check_keys(mapping: Mapping, problems: _Problems, rule_id: str | None,
                required: Mapping[str, type | tuple], optional: Mapping[str, type | tuple]) -> bool:
    """Report missing, unknown and wrongly typed keys; True when the record is usable."""
    usable = True
    for key, line in getattr(mapping, "duplicate_keys", ()):
        problems.add(line, rule_id, f"key '{key}' appears twice")
    for key, kind in required.items():
        if key not in mapping or mapping[key] is None:
            problems.add(_line(mapping), rule_id, f"missing required key '{key}'")
            usable = False
        elif not isinstance(mapping[key], kind):
            problems.add(_line(mapping), rule_id, f"'{key}' must be {_kind_name(kind)}, "
                                                  f"got {type(mapping[key]).__name__}")
            usable = False
    for key, value in mapping.items():
        if key in required:
            continue
        if key not in optional:
            known = sorted([*required, *optional])
            hint = _did_you_mean(str(key), known)
            problems.add(_line(mapping), rule_id, f"unknown key '{key}'{hint}; known keys: {', '.join(known)}")
            usable = False
        elif value is not None and not isinstance(value, optional[key]):
            problems.add(_line(mapping), rule_id, f"'{key}' must be {_kind_name(optional[key])}, "
                                                  f"got {type(value).__name__}")
            usable = False
    return usable


def _kind_name(kind: type | tuple) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "a string", list: "a list", dict: "a mapping", int: "a number", float: "a number"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _did_you_mean(key: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _string_list(mapping: Mapping, key: str, problems: _Problems, rule_id: str | None) -> tuple[str, ...]:
    """A list of non-empty strings under ``key`` (absent means empty); bad items are reported."""
    values = mapping.get(key) or []
    good = []
    for value in values:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            good.append(str(value))
        else:
            problems.add(_line(mapping), rule_id, f"'{key}' must hold non-empty strings, got {value!r}")
    return tuple(good)


# --- one validator per kind of rule file ------------------------------------------------------

def _load_companies(data: Mapping, problems: _Problems) -> list[CompanyRule]:
    if not _check_keys(data, problems, None, {"companies": list}, {"source": str, "examples": list}):
        return []
    companies = []
    for entry in data["companies"]:
        if not isinstance(entry, dict):
            problems.add(_line(data), None, f"each company must be a mapping, got {entry!r}")
            continue
        rule_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        if not _check_keys(entry, problems, rule_id, {"id": str, "name": str},
                           {"aliases": list, "context_aliases": list, "parent": str, "note": str,
                            "country": str, "ticker": (str, int)}):
            continue
        if not ID_RE.match(entry["id"]):
            problems.add(entry.line, rule_id, "id must be lowercase ASCII words joined by '-' (e.g. 'amazon-web-services')")
        elif entry["id"].startswith(DERIVED_ID_PREFIX):
            problems.add(entry.line, rule_id, f"ids starting with '{DERIVED_ID_PREFIX}' are reserved for companies "
                                              "no list names; choose another id")
        companies.append(CompanyRule(
            id=entry["id"], name=entry["name"],
            aliases=_string_list(entry, "aliases", problems, rule_id),
            context_aliases=_string_list(entry, "context_aliases", problems, rule_id),
            parent=entry.get("parent"), file=problems.file, line=entry.line,
        ))
    return companies


def _load_chips(data: Mapping, problems: _Problems) -> tuple[list[ChipRule], tuple[str, ...]]:
    if not _check_keys(data, problems, None, {}, {"source": str, "chips": list, "not_chips": list,
                                                  "examples": list}):
        return [], ()
    chips = []
    for entry in data.get("chips") or []:
        if not isinstance(entry, dict):
            problems.add(_line(data), None, f"each chip must be a mapping, got {entry!r}")
            continue
        rule_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        if not _check_keys(entry, problems, rule_id, {"id": str, "name": str, "vendor": str},
                           {"aliases": list, "note": str, "family": str}):
            continue
        if not ID_RE.match(entry["id"]):
            problems.add(entry.line, rule_id, "id must be lowercase ASCII words joined by '-' (e.g. 'nvidia-h100')")
        chips.append(ChipRule(entry["id"], entry["name"], _string_list(entry, "aliases", problems, rule_id),
                              entry["vendor"], problems.file, entry.line))
    return chips, _string_list(data, "not_chips", problems, None)


def _load_products(data: Mapping, problems: _Problems) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not _check_keys(data, problems, None, {}, {"source": str, "products": list, "not_companies": list,
                                                  "examples": list}):
        return (), ()
    return (_string_list(data, "products", problems, None),
            _string_list(data, "not_companies", problems, None))


def _load_company_patterns(data: Mapping, problems: _Problems) -> tuple[list[CompanyPattern], tuple[str, ...]]:
    if not _check_keys(data, problems, None, {"patterns": list},
                       {"source": str, "reject": list, "examples": list}):
        return [], ()
    patterns = []
    for entry in data["patterns"]:
        if not isinstance(entry, dict):
            problems.add(_line(data), None, f"each pattern must be a mapping, got {entry!r}")
            continue
        rule_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        if not _check_keys(entry, problems, rule_id, {"id": str, "regex": str}, {"note": str}):
            continue
        try:
            compiled = re.compile(entry["regex"])
        except re.error as exc:
            problems.add(entry.line, rule_id, f"regex does not compile: {exc}")
            continue
        if "name" not in compiled.groupindex:
            problems.add(entry.line, rule_id, "regex needs a named group (?P<name>...) for the company name")
            continue
        patterns.append(CompanyPattern(entry["id"], compiled, problems.file, entry.line))
    return patterns, _string_list(data, "reject", problems, None)


def _load_examples(data: Mapping, problems: _Problems) -> tuple[RuleExample, ...]:
    examples = []
    for entry in data.get("examples") or []:
        if not isinstance(entry, dict):
            problems.add(_line(data), None, f"each example must be a mapping, got {entry!r}")
            continue
        if not _check_keys(entry, problems, None, {"text": str},
                           {"finds": list, "not": list, "anchor": (str, object), "note": str}):
            continue
        anchor = entry.get("anchor")
        examples.append(RuleExample(problems.file, entry.line, entry["text"], tuple(entry.get("finds") or ()),
                                    _string_list(entry, "not", problems, None),
                                    None if anchor is None else str(anchor)))
    return tuple(examples)


def _delegate(loader: Callable[[Mapping], object]) -> Callable[[Mapping, _Problems], object]:
    """Wrap a normalizer's own loader so its ValueError becomes a rule problem."""
    def load(data: Mapping, problems: _Problems) -> object:
        try:
            return loader(data)
        except (ValueError, TypeError, KeyError, re.error) as exc:
            problems.add(_line(data), None, str(exc))
            return None
    return load


# --- the whole rules folder -------------------------------------------------------------

_SINGLE_FILES = ("products", "company_patterns", "money", "fx", "dates", "ner", "partnerships")


def _read_yaml(path: Path, problems: _Problems) -> Mapping | None:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        # Where the broken construct starts (an unclosed bracket's line) before where parsing gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        problems.add(mark.line + 1 if mark else None, None,
                     f"YAML syntax error: {getattr(exc, 'problem', None) or exc}")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(None, None, f"cannot read: {exc}")
        return None
    if not isinstance(data, dict):
        problems.add(1, None, "a rule file must be a YAML mapping of keys")
        return None
    return data


def rule_files(rules_dir: Path) -> list[Path]:
    """Every YAML file under the rules folder, in a stable order."""
    return sorted(p for p in rules_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def rules_digest(rules_dir: Path) -> str:
    """A hash of every rule file's path and bytes: changes whenever any rule changes."""
    digest = hashlib.sha256()
    for path in rule_files(rules_dir):
        digest.update(path.relative_to(rules_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_rules(rules_dir: Path) -> RuleSet:
    """Load and validate every rule file; raise ``RulesInvalid`` listing all problems."""
    sink: list[RuleProblem] = []
    if not rules_dir.is_dir():
        raise RulesInvalid([RuleProblem(str(rules_dir), None, None, "rules folder not found")])
    companies: list[CompanyRule] = []
    chips: list[ChipRule] = []
    not_chips: list[str] = []
    singles: dict[str, object] = {}
    examples: dict[str, tuple[RuleExample, ...]] = {}
    for path in rule_files(rules_dir):
        relative = path.relative_to(rules_dir)
        problems = _Problems(path.as_posix(), sink)
        data = _read_yaml(path, problems)
        if data is None:
            continue
        top = relative.parts[0]
        if top == "companies" and len(relative.parts) > 1:
            companies.extend(_load_companies(data, problems))
        elif top == "chips" and len(relative.parts) > 1:
            found, rejected = _load_chips(data, problems)
            chips.extend(found)
            not_chips.extend(rejected)
        elif relative.stem in _SINGLE_FILES and len(relative.parts) == 1:
            singles[relative.stem] = _SINGLE_LOADERS[relative.stem](data, problems)
        else:
            problems.add(None, None, "not a known rule file: company files go in companies/, chip files in "
                                     f"chips/, and the others are {', '.join(f + '.yaml' for f in _SINGLE_FILES)}")
            continue
        examples[path.as_posix()] = _load_examples(data, problems)
    for name in _SINGLE_FILES:
        if name not in singles:
            sink.append(RuleProblem(str(rules_dir / f"{name}.yaml"), None, None, "required rule file is missing"))
    _check_gazetteer(companies, chips, singles.get("products") or ((), ()), sink)
    if sink:
        raise RulesInvalid(sink)
    products, not_companies = singles["products"]
    patterns, pattern_rejects = singles.get("company_patterns") or ((), ())
    return RuleSet(
        companies=tuple(companies), chips=tuple(chips), not_chips=tuple(not_chips),
        products=products, not_companies=not_companies,
        company_patterns=tuple(patterns), pattern_rejects=pattern_rejects,
        money=singles["money"], fx=singles["fx"], dates=singles["dates"],
        ner=singles["ner"], partnerships=singles["partnerships"],
        examples=examples, digest=rules_digest(rules_dir),
    )


_SINGLE_LOADERS: Mapping[str, Callable[[Mapping, _Problems], object]] = {
    "products": _load_products,
    "company_patterns": _load_company_patterns,
    "money": _delegate(load_money_rules),
    "fx": _delegate(load_fx_table),
    "dates": _delegate(load_date_rules),
    "ner": _delegate(load_ner_rules),
    "partnerships": _delegate(load_partnership_rules),
}


def alias_key(text: str) -> str:
    """How aliases are compared for conflicts: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _check_gazetteer(companies: list[CompanyRule], chips: list[ChipRule],
                     products: tuple[tuple[str, ...], tuple[str, ...]], sink: list[RuleProblem]) -> None:
    """Cross-file checks: unique ids, one owner per alias, parents and vendors that exist."""
    for kind, records in (("company", companies), ("chip", chips)):
        first: dict[str, object] = {}
        for record in records:
            if record.id in first:
                other = first[record.id]
                sink.append(RuleProblem(record.file, record.line, record.id,
                                        f"duplicate {kind} id (also at {other.file}:{other.line})"))
            else:
                first[record.id] = record
    company_ids = {c.id for c in companies}
    owner: dict[str, CompanyRule] = {}
    for company in companies:
        if company.parent is not None and company.parent not in company_ids:
            sink.append(RuleProblem(company.file, company.line, company.id,
                                    f"parent '{company.parent}' is not a known company id"))
        for alias in {alias_key(a) for a in (company.name, *company.aliases, *company.context_aliases)}:
            claimed = owner.setdefault(alias, company)
            if claimed.id != company.id:
                sink.append(RuleProblem(company.file, company.line, company.id,
                                        f"alias '{alias}' is claimed by both '{company.id}' and '{claimed.id}' "
                                        f"({claimed.file}:{claimed.line}): keep it in one of them"))
    products_keys = {alias_key(p) for p in products[0]}
    for company in companies:
        for alias in (company.name, *company.aliases):
            if alias_key(alias) in products_keys:
                sink.append(RuleProblem(company.file, company.line, company.id,
                                        f"alias '{alias}' is listed as a product in products.yaml"))
    chip_owner: dict[str, ChipRule] = {}
    for chip in chips:
        if chip.vendor not in company_ids:
            sink.append(RuleProblem(chip.file, chip.line, chip.id,
                                    f"vendor '{chip.vendor}' is not a known company id"))
        for alias in {chip_key(a) for a in (chip.name, *chip.aliases)}:
            claimed = chip_owner.setdefault(alias, chip)
            if claimed.id != chip.id:
                sink.append(RuleProblem(chip.file, chip.line, chip.id,
                                        f"alias '{alias}' is also claimed by '{claimed.id}' "
                                        f"({claimed.file}:{claimed.line})"))


@lru_cache(maxsize=1 << 16)  # called for every token; surfaces repeat a lot
def chip_key(text: str) -> str:
    """How chip names are compared: NFKC, without spaces or hyphens (``Trainium 2`` == ``Trainium2``)."""
    return re.sub(r"[\s\-‐‑–—]+", "", unicodedata.normalize("NFKC", text))
