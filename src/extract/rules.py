"""Loading and validating the YAML rule files, reporting every problem at once.

Users extend the pipeline by editing YAML, not Python, so a mistake in a rule
file must come back as a message they can act on: the file, the line, the
rule id and what is wrong, for every problem in every file at once, before
any post is processed. What a file holds is decided by where it is (the
stage registry, stages.py, lists the kinds and the stage each steers):

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
which the test suite runs.
"""

from __future__ import annotations

import hashlib
import re
import reprlib
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from re import _parser as _re_parser  # type: ignore[attr-defined]  # typeshed stubs it only as sre_parse
from typing import TYPE_CHECKING, Any

import yaml

from extract.errors import ExtractError
from extract.names import DERIVED_ID_PREFIX, alias_key, chip_key, company_key
from extract.stages import RULE_FILES, rule_file_kind, rule_files
from extract.normalize.dates import DateRules, load_date_rules
from extract.normalize.money import FxTable, MoneyRules, load_fx_table, load_money_rules
from extract.normalize.sections import SectionError
from extract.ner import NerRules, load_ner_rules
from extract.relations import PartnershipRules, load_partnership_rules

if TYPE_CHECKING:  # imported where patterns are compiled: a re-run with nothing to do compiles none
    import regex

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Largest rule file read, in bytes: the whole shipped gazetteer is well under 1 MB, so a bigger
#: file is the wrong file or a hostile one, and reading it would only exhaust memory.
MAX_RULE_FILE_BYTES = 50 * 1024 * 1024
#: Longest rendering of a value from a rule file inside a problem message (a rule id, an alias, a
#: bad entry): enough to find it in the file, never enough for a hostile file to flood the terminal.
MAX_VALUE_CHARS = 80
#: Longest problem message: the explanation around the value, and messages from the normalizers'
#: own loaders, which may quote what they read.
MAX_MESSAGE_CHARS = 500
#: Most problems listed in the error; the rest are counted (a hostile file can hold millions).
MAX_LISTED_PROBLEMS = 200
#: Where an over-long value or message is cut.
_ELLIPSIS = "…"
#: A literal ``{`` in ``re``'s parse of a company pattern (see ``required_literals``).
_BRACE = ord("{")


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong in a rule file."""

    file: str
    line: int | None
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f" [{clipped(self.rule_id)}]" if self.rule_id else ""
        return f"{where}:{rule} {clipped(self.message, MAX_MESSAGE_CHARS)}"


class RulesInvalid(ExtractError):
    """The rule files have problems; all of them are in ``problems``, the first
    ``MAX_LISTED_PROBLEMS`` in the message."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        listed = [f"  {p}" for p in problems[:MAX_LISTED_PROBLEMS]]
        if len(problems) > MAX_LISTED_PROBLEMS:
            listed.append(f"  ... and {len(problems) - MAX_LISTED_PROBLEMS:,} more problem(s)")
        super().__init__(f"{len(problems)} problem(s) in the rule files:\n" + "\n".join(listed))


def clipped(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """``text`` cut to ``limit`` characters (marked with an ellipsis), so that a value read from a
    rule file, however long, keeps a problem message readable."""
    return text if len(text) <= limit else text[:limit - len(_ELLIPSIS)] + _ELLIPSIS


class _ShortRepr(reprlib.Repr):
    """``reprlib``'s bounded repr (a few items per level, a few levels), which renders only what it
    shows, told that the loader's line-numbered mappings are dicts."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxtuple = self.maxlist = self.maxdict = self.maxset = 4
        self.maxstring = self.maxother = MAX_VALUE_CHARS // 2

    def repr__LineDict(self, value: dict, level: int) -> str:
        """A rule file's mapping, shortened like any dict."""
        return self.repr_dict(value, level)


_SHORT_REPR = _ShortRepr()


def _shown(value: object) -> str:
    """A short ``repr`` of a value read from a rule file, for a problem message: built without
    rendering the whole value (a hostile file's value may be enormous) and at most
    ``MAX_VALUE_CHARS`` long."""
    return clipped(_SHORT_REPR.repr(value))


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
    """A regex that finds a company no list names; group ``name`` is the company's name.

    Compiled with the ``regex`` module, not ``re``: it keeps ``re``'s syntax (the shipped
    look-behinds included) and can stop a match after a timeout, so a user's pattern that
    backtracks exponentially fails one post instead of hanging the run. ``literals`` are strings
    of which every match contains one (see ``required_literals``; empty when unknown): a sentence
    holding none of them cannot match, and is skipped without running the regex.
    """

    id: str
    regex: regex.Pattern
    file: str
    line: int
    literals: tuple[str, ...] = ()


#: The groups of ``legal_forms`` (company_patterns.yaml) that declare forms, by how they are written:
#: every form is declared in exactly one of them.
LEGAL_FORM_KINDS = ("japanese", "latin", "company_words")
#: The groups of ``legal_forms`` that pick, from the declared forms, those one check uses.
LEGAL_FORM_USES = ("after_context_alias", "ner_evidence", "trimmed_from_ner")
#: ``{legal_forms.GROUP}`` in a company pattern's regex: the forms of that group, as an alternation.
_LEGAL_FORM_PLACEHOLDER_RE = re.compile(r"\{legal_forms\.([^{}]*)\}")


@dataclass(frozen=True)
class LegalForms:
    """``legal_forms`` of company_patterns.yaml: the one list of company legal forms (株式会社, Inc)
    and company words (社, グループ). The first three groups declare every form once, by how it is
    written; the others are the subsets single checks use (see the file's comments)."""

    japanese: tuple[str, ...]
    latin: tuple[str, ...]
    company_words: tuple[str, ...]
    after_context_alias: tuple[str, ...]
    ner_evidence: tuple[str, ...]
    trimmed_from_ner: tuple[str, ...]


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
    legal_forms: LegalForms
    money: MoneyRules
    fx: FxTable
    dates: DateRules
    ner: NerRules
    partnerships: PartnershipRules
    examples: Mapping[str, tuple[RuleExample, ...]] = field(default_factory=dict)
    digest: str = ""


# --- YAML with line numbers -------------------------------------------------------------

class _LineDict(dict):
    """A mapping that remembers the line it started on and its duplicate keys (``_LineLoader``
    makes every mapping of a rule file one)."""

    line: int = 0
    duplicate_keys: tuple[tuple[str, int], ...] = ()
    #: The line of each key (where a problem with a key's whole value is reported).
    key_lines: Mapping[object, int] = MappingProxyType({})


#: libyaml's C loader where installed, else the pure-Python one (PyYAML is untyped: Any).
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader whose mappings carry their line numbers (libyaml's C parser where installed:
    the gazetteer is thousands of lines and every run and every worker loads it)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    seen: dict = {}
    duplicates = []
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            duplicates.append((str(key), key_node.start_mark.line + 1))
        else:
            seen[key] = key_node.start_mark.line + 1
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.duplicate_keys = tuple(duplicates)
    mapping.key_lines = seen
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


def _key_line(mapping: Mapping, key: object) -> int | None:
    """The line of ``key`` in a rule file's mapping (of the mapping itself when unknown)."""
    return getattr(mapping, "key_lines", {}).get(key) or _line(mapping)


def _check_keys(mapping: Mapping, problems: _Problems, rule_id: str | None,
                required: Mapping[str, type | tuple], optional: Mapping[str, type | tuple]) -> bool:
    """Report missing, unknown and wrongly typed keys; True when the record is usable."""
    usable = True
    for key, line in getattr(mapping, "duplicate_keys", ()):
        problems.add(line, rule_id, f"key '{clipped(key)}' appears twice")
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
            name = clipped(str(key))
            hint = _did_you_mean(name, known)
            problems.add(_line(mapping), rule_id, f"unknown key '{name}'{hint}; known keys: {', '.join(known)}")
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
            problems.add(_line(mapping), rule_id, f"'{key}' must hold non-empty strings, got {_shown(value)}")
    return tuple(good)


# --- one validator per kind of rule file ------------------------------------------------------

def _load_companies(data: Mapping, problems: _Problems) -> list[CompanyRule]:
    if not _check_keys(data, problems, None, {"companies": list}, {"source": str, "examples": list}):
        return []
    companies = []
    for entry in data["companies"]:
        if not isinstance(entry, _LineDict):
            problems.add(_line(data), None, f"each company must be a mapping, got {_shown(entry)}")
            continue
        rule_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        if not _check_keys(entry, problems, rule_id, {"id": str, "name": str},
                           {"aliases": list, "context_aliases": list, "parent": str, "note": str,
                            "country": str, "ticker": (str, int)}):
            continue
        if not ID_RE.match(entry["id"]):
            problems.add(entry.line, rule_id,
                         "id must be lowercase ASCII words joined by '-' (e.g. 'amazon-web-services')")
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
        if not isinstance(entry, _LineDict):
            problems.add(_line(data), None, f"each chip must be a mapping, got {_shown(entry)}")
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


def _load_legal_forms(data: Mapping, problems: _Problems) -> dict[str, tuple[str, ...]]:
    """The groups of ``legal_forms`` that are usable, each form declared once in ``LEGAL_FORM_KINDS``
    and the use groups picking only declared forms; every problem reported."""
    section = data.get("legal_forms")
    if section is None:
        problems.add(_line(data), None, "missing required key 'legal_forms'")
        return {}
    if not _check_keys(section, problems, None, {group: list for group in (*LEGAL_FORM_KINDS, *LEGAL_FORM_USES)}, {}):
        return {}
    groups = {group: _string_list(section, group, problems, None) for group in (*LEGAL_FORM_KINDS, *LEGAL_FORM_USES)}
    declared: dict[str, str] = {}
    for group, forms in groups.items():
        seen: set[str] = set()
        for form in forms:
            if form in seen:
                problems.add(_key_line(section, group), None,
                             f"legal form '{clipped(form)}' is listed twice in '{group}'")
            seen.add(form)
            if group in LEGAL_FORM_KINDS:
                if declared.setdefault(form, group) != group:
                    problems.add(_key_line(section, group), None,
                                 f"legal form '{clipped(form)}' is declared in both '{declared[form]}' and '{group}': "
                                 "declare it in one")
            elif form not in declared:
                problems.add(_key_line(section, group), None,
                             f"'{group}' lists '{clipped(form)}', which is not declared in "
                             f"{', '.join(LEGAL_FORM_KINDS)}: declare it there first")
    return groups


def _expand_legal_forms(pattern: str, groups: Mapping[str, tuple[str, ...]], line: int,
                        rule_id: str | None, problems: _Problems) -> str | None:
    """``pattern`` with each ``{legal_forms.GROUP}`` replaced by that group's forms as an escaped
    alternation (``(?:株式会社|\\(株\\))``), or None with the reason reported."""
    usable = True

    def alternation(match: re.Match) -> str:
        nonlocal usable
        group = match.group(1)
        if group not in (*LEGAL_FORM_KINDS, *LEGAL_FORM_USES):
            problems.add(line, rule_id, f"unknown placeholder '{clipped(match.group(0))}': the groups of legal_forms "
                                        f"are {', '.join((*LEGAL_FORM_KINDS, *LEGAL_FORM_USES))}")
            usable = False
        elif group not in groups:  # legal_forms itself is broken, and reported
            usable = False
        elif not groups[group]:
            problems.add(line, rule_id,
                         f"placeholder '{match.group(0)}' stands for no form: legal_forms.{group} is empty")
            usable = False
        return "(?:" + "|".join(re.escape(form) for form in groups.get(group, ())) + ")"

    expanded = _LEGAL_FORM_PLACEHOLDER_RE.sub(alternation, pattern)
    return expanded if usable else None


def _load_company_patterns(data: Mapping, problems: _Problems
                           ) -> tuple[list[CompanyPattern], tuple[str, ...], LegalForms | None]:
    if not _check_keys(data, problems, None, {"patterns": list},
                       {"source": str, "legal_forms": dict, "reject": list, "examples": list}):
        return [], (), None
    groups = _load_legal_forms(data, problems)
    patterns = []
    for entry in data["patterns"]:
        if not isinstance(entry, _LineDict):
            problems.add(_line(data), None, f"each pattern must be a mapping, got {_shown(entry)}")
            continue
        rule_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        if not _check_keys(entry, problems, rule_id, {"id": str, "regex": str}, {"note": str}):
            continue
        expanded = _expand_legal_forms(entry["regex"], groups, entry.line, rule_id, problems)
        if expanded is None:
            continue
        import regex

        try:
            compiled = regex.compile(expanded)
        except regex.error as exc:
            problems.add(entry.line, rule_id, f"regex does not compile: {exc}")
            continue
        if "name" not in compiled.groupindex:
            problems.add(entry.line, rule_id, "regex needs a named group (?P<name>...) for the company name")
            continue
        patterns.append(CompanyPattern(entry["id"], compiled, problems.file, entry.line,
                                       required_literals(expanded)))
    complete = set(groups) == {*LEGAL_FORM_KINDS, *LEGAL_FORM_USES}
    return patterns, _string_list(data, "reject", problems, None), LegalForms(**groups) if complete else None


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings of which every match of ``pattern`` contains at least one, or () when none are known.

    A company pattern runs on every sentence, and most sentences hold none of its fixed words
    (株式会社, 社, Inc ...): a substring test skips them far faster than a regex call with a timeout.
    Worked out with ``re``'s parser, so only for the syntax ``re`` and ``regex`` read alike: a
    pattern ``re`` rejects or warns about (``regex``-only syntax, POSIX classes, set operations),
    one with a literal ``{`` (``regex`` may read a fuzzy-match constraint there) and a
    case-insensitive one get (), and run on every sentence.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _re_parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return ()
        found = _required_in_sequence(list(parsed))
    except (re.error, Warning, RecursionError, _MaybeFuzzy):
        return ()
    return tuple(sorted(found)) if found else ()


class _MaybeFuzzy(Exception):
    """A literal ``{`` where the literals are worked out: ``re`` reads it as a character, but
    ``regex`` may read a fuzzy-match constraint (``(?:Inc){e<=1}``) that lets a match differ."""


def _required_in_sequence(items: list) -> frozenset[str] | None:
    """For a parsed sequence: the most selective of its items' required sets (the one whose
    shortest string is longest, then the smallest), adjacent literal characters joined into one string; raises
    ``_MaybeFuzzy`` at a literal ``{``."""
    candidates: list[frozenset[str] | None] = []
    run: list[str] = []
    for op, argument in items:
        if op is _re_parser.LITERAL:
            if argument == _BRACE:
                raise _MaybeFuzzy
            run.append(chr(argument))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        candidates.append(_required_in_item(op, argument))
    if run:
        candidates.append(frozenset(["".join(run)]))
    known = [c for c in candidates if c]
    return max(known, key=lambda c: (min(map(len, c)), -len(c))) if known else None


def _required_in_item(op: object, argument: Any) -> frozenset[str] | None:
    """For one parsed item that is not a plain literal: strings one of which its match contains,
    or None (character classes with ranges, optional items, look-arounds, anchors, back-references).
    ``argument``'s shape depends on ``op`` (a tuple, a list, a parsed sequence)."""
    if op is _re_parser.SUBPATTERN:
        _group, add_flags, _del_flags, items = argument
        return None if add_flags & re.IGNORECASE else _required_in_sequence(list(items))
    if op is _re_parser.ATOMIC_GROUP:
        return _required_in_sequence(list(argument))
    if op is _re_parser.BRANCH:
        branches = [_required_in_sequence(list(branch)) for branch in argument[1]]
        known = [b for b in branches if b is not None]
        return None if len(known) < len(branches) else frozenset[str]().union(*known)
    if op in (_re_parser.MAX_REPEAT, _re_parser.MIN_REPEAT, _re_parser.POSSESSIVE_REPEAT):
        least, _most, items = argument
        return _required_in_sequence(list(items)) if least >= 1 else None
    if op is _re_parser.IN and all(member is _re_parser.LITERAL for member, _ in argument):
        return frozenset(chr(value) for _, value in argument)
    return None


def _load_examples(data: Mapping, problems: _Problems) -> tuple[RuleExample, ...]:
    examples = []
    for entry in data.get("examples") or []:
        if not isinstance(entry, _LineDict):
            problems.add(_line(data), None, f"each example must be a mapping, got {_shown(entry)}")
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
    """Wrap a normalizer's own loader so its ValueError becomes a rule problem (at the key's line when
    the section checks name the key)."""
    def load(data: Mapping, problems: _Problems) -> object:
        try:
            return loader(data)
        except SectionError as exc:  # at the line of the key at fault, where the section checks name one
            section = exc.section if isinstance(exc.section, Mapping) else data
            line = _key_line(section, exc.key) if exc.key is not None else _line(section)
            problems.add(line or _line(data), None, clipped(str(exc), MAX_MESSAGE_CHARS))
        except (ValueError, TypeError, KeyError, re.error) as exc:
            problems.add(_line(data), None, clipped(str(exc), MAX_MESSAGE_CHARS))
        return None
    return load


# --- the whole rules folder -------------------------------------------------------------

def _single_file_names() -> list[str]:
    """The rule files of the rules folder's top level, as the stage registry lists them."""
    return [kind.path for kind in RULE_FILES if not kind.is_folder]


def _read_yaml(path: Path, problems: _Problems) -> Mapping | None:
    """A rule file's top mapping, or None with the reason reported: unreadable, too big, YAML
    aliases (a few hundred bytes of nested aliases expand to gigabytes), bad YAML, not a mapping."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_RULE_FILE_BYTES + 1)
        if len(raw) > MAX_RULE_FILE_BYTES:
            problems.add(None, None, f"file is larger than {MAX_RULE_FILE_BYTES // 2**20} MB, far beyond any rule "
                                     "file: split it, or check it is the file you meant")
            return None
        text = raw.decode("utf-8")
        alias_line = _first_alias_line(text)
        if alias_line is not None:
            problems.add(alias_line, None, "YAML aliases (*name) are not allowed in rule files")
            return None
        data = yaml.load(text, Loader=_LineLoader)
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


def _first_alias_line(text: str) -> int | None:
    """The line of the first YAML alias (``*name``) in ``text``, or None. Rule files need none, and
    refusing them keeps a small file from expanding into an enormous value (billion laughs). Only
    a text with a ``*`` can hold one, so the others skip the extra parse."""
    if "*" not in text:
        return None
    for event in yaml.parse(text, Loader=_LineLoader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


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
    # What each single file's loader made, by file name: its type depends on the file (see _SINGLE_LOADERS).
    singles: dict[str, Any] = {}
    # Each single file's name and top mapping, by file name, for the cross-file checks.
    located: dict[str, tuple[str, Mapping]] = {}
    examples: dict[str, tuple[RuleExample, ...]] = {}
    for path in rule_files(rules_dir):
        relative = path.relative_to(rules_dir)
        problems = _Problems(path.as_posix(), sink)
        data = _read_yaml(path, problems)
        if data is None:
            continue
        kind = rule_file_kind(relative.as_posix())
        if kind is None:
            problems.add(None, None, "not a known rule file: company files go in companies/, chip files in "
                                     f"chips/, and the others are {', '.join(_single_file_names())}")
            continue
        if kind.stem == "companies":
            companies.extend(_load_companies(data, problems))
        elif kind.stem == "chips":
            found, rejected = _load_chips(data, problems)
            chips.extend(found)
            not_chips.extend(rejected)
        else:
            singles[kind.stem] = _SINGLE_LOADERS[kind.stem](data, problems)
            located[kind.stem] = (problems.file, data)
        examples[path.as_posix()] = _load_examples(data, problems)
    for kind in RULE_FILES:
        if not kind.is_folder and kind.stem not in singles:
            sink.append(RuleProblem(str(rules_dir / kind.path), None, None, "required rule file is missing"))
    _check_gazetteer(companies, chips, singles.get("products") or ((), ()), sink)
    _check_never_companies(located, sink)
    if sink:
        raise RulesInvalid(sink)
    products, not_companies = singles["products"]
    patterns, pattern_rejects, legal_forms = singles["company_patterns"]
    assert legal_forms is not None  # an incomplete legal_forms is a problem, reported above
    return RuleSet(
        companies=tuple(companies), chips=tuple(chips), not_chips=tuple(not_chips),
        products=products, not_companies=not_companies,
        company_patterns=tuple(patterns), pattern_rejects=pattern_rejects, legal_forms=legal_forms,
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


#: The lists of words that are never companies, widest first: (file, key, what the list does with a
#: word). A word listed in one is not repeated in a narrower one (see the comments of the three files).
_NEVER_COMPANIES = (
    ("products", "products", "blocks it wherever it is written"),
    ("products", "not_companies", "blocks it wherever it is written"),
    ("company_patterns", "reject", "rejects it as a name from a pattern or from GiNZA"),
    ("ner", "stop_words", "rejects it as a name from GiNZA"),
)


def _check_never_companies(located: Mapping[str, tuple[str, Mapping]], sink: list[RuleProblem]) -> None:
    """Cross-file check: a word that is never a company is listed once, in the widest list it belongs
    in; a narrower list repeating it would only hide where it is really decided."""
    first: dict[str, tuple[str, str, str]] = {}
    for stem, key, rejects in _NEVER_COMPANIES:
        if stem not in located:
            continue
        file, data = located[stem]
        words = data.get(key)
        for word in words if isinstance(words, list) else ():
            if not isinstance(word, str) or not company_key(word):
                continue  # reported by the file's own loader
            where = first.setdefault(company_key(word), (file, key, rejects))
            if where[:2] != (file, key):
                sink.append(RuleProblem(file, _key_line(data, key), None,
                                        f"'{clipped(word)}' in {key} is already in {Path(where[0]).name} "
                                        f"({where[1]}), which rejects {where[2]}: list it once"))


def _check_gazetteer(companies: list[CompanyRule], chips: list[ChipRule],
                     products: tuple[tuple[str, ...], tuple[str, ...]], sink: list[RuleProblem]) -> None:
    """Cross-file checks: unique ids, one owner per alias, parents and vendors that exist."""
    for kind, records in (("company", companies), ("chip", chips)):
        first: dict[str, CompanyRule | ChipRule] = {}
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
                                    f"parent '{clipped(company.parent)}' is not a known company id"))
        for alias in {alias_key(a) for a in (company.name, *company.aliases, *company.context_aliases)}:
            claimed: CompanyRule | ChipRule = owner.setdefault(alias, company)
            if claimed.id != company.id:
                sink.append(RuleProblem(company.file, company.line, company.id,
                                        f"alias '{clipped(alias)}' is claimed by both '{clipped(company.id)}' "
                                        f"and '{clipped(claimed.id)}' "
                                        f"({claimed.file}:{claimed.line}): keep it in one of them"))
    products_keys = {alias_key(p) for p in products[0]}
    for company in companies:
        for alias in (company.name, *company.aliases):
            if alias_key(alias) in products_keys:
                sink.append(RuleProblem(company.file, company.line, company.id,
                                        f"alias '{clipped(alias)}' is listed as a product in products.yaml"))
    chip_owner: dict[str, ChipRule] = {}
    for chip in chips:
        if chip.vendor not in company_ids:
            sink.append(RuleProblem(chip.file, chip.line, chip.id,
                                    f"vendor '{clipped(chip.vendor)}' is not a known company id"))
        for alias in {chip_key(a) for a in (chip.name, *chip.aliases)}:
            claimed = chip_owner.setdefault(alias, chip)
            if claimed.id != chip.id:
                sink.append(RuleProblem(chip.file, chip.line, chip.id,
                                        f"alias '{clipped(alias)}' is also claimed by '{clipped(claimed.id)}' "
                                        f"({claimed.file}:{claimed.line})"))
