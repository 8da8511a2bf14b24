"""The validated rules as the stages receive them: plain, frozen records.

Companies and chips come from many files, so each keeps the file and line it
was written at (cross-file problems name both places), and so does a company
pattern (a pattern that runs too long fails a post naming its line); the
other rule files are validated specs of ``schema.py``. Nothing here is
compiled: each stage compiles what it reads (money its regexes, the companies
stage its patterns).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from extract.rules.schema import (DatesFile, Deeds, Definitions, FxFile, LegalForms, MoneyFile, NameBounds, NerFile,
                                  PartnershipsFile, Renames)


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
class PatternRule:
    """A company pattern of company_patterns.yaml, its ``{legal_forms.GROUP}`` placeholders filled in:
    a regex whose group ``name`` is the company's name (the companies stage compiles it), with the
    word checks its name must pass and the words of sentences it finds nothing in (``proper``,
    ``whole_word``, ``not_in_sentences_with``, ``quoted``, ``start_marked``: see ``CompanyPatternEntry``)."""

    id: str
    regex: str
    file: str
    line: int
    proper: str | None = None
    whole_word: bool = False
    not_in_sentences_with: tuple[str, ...] = ()
    quoted: bool = False
    start_marked: bool = False


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
    """Every rule, validated: what each stage compiles its matchers from."""

    companies: tuple[CompanyRule, ...]
    chips: tuple[ChipRule, ...]
    not_chips: tuple[str, ...]
    products: tuple[str, ...]
    not_companies: tuple[str, ...]
    #: product -> the id of the company that makes it (products.yaml's makers).
    product_makers: Mapping[str, str]
    company_patterns: tuple[PatternRule, ...]
    pattern_rejects: tuple[str, ...]
    legal_forms: LegalForms
    name_bounds: NameBounds
    ner: NerFile
    money: MoneyFile
    fx: FxFile
    dates: DatesFile
    partnerships: PartnershipsFile
    examples: Mapping[str, tuple[RuleExample, ...]] = field(default_factory=dict)
    digest: str = ""
    renames: Renames = field(default_factory=Renames)
    deeds: Deeds = field(default_factory=Deeds)
    definitions: Definitions = field(default_factory=Definitions)
