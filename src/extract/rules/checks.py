"""Checks no single value can fail alone: across the keys of a file and across files.

The schema checks each value; these check how values agree: unique ids, one
owner per alias, parents and vendors that exist, legal forms declared once
and used only where declared, company patterns that compile with their
legal-form placeholders, and a word that is never a company listed in one
list only. Each problem is reported at the line of the entry or key at fault.
They run on files that passed their schema: a file with a missing or
mistyped key is reported for that first, and checked for these once fixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from extract.names import alias_key, chip_key, company_key
from extract.rules.problems import FileProblems, RuleProblem, clipped
from extract.rules.records import ChipRule, CompanyRule, PatternRule
from extract.rules.schema import (LEGAL_FORM_KINDS, LEGAL_FORM_USES, CompanyPatternsFile, LegalForms, ProductsFile,
                                  RuleFileSpec)
from extract.rules.yaml_lines import LineDict, line_at


def check_legal_forms(legal_forms: LegalForms, data: LineDict, problems: FileProblems) -> None:
    """Each form declared in one of ``LEGAL_FORM_KINDS``, once; the use groups pick only declared forms."""
    declared: dict[str, str] = {}
    for group in (*LEGAL_FORM_KINDS, *LEGAL_FORM_USES):
        line = line_at(data, ("legal_forms", group))
        seen: set[str] = set()
        for form in legal_forms.group(group):
            if form in seen:
                problems.add(line, None, f"legal form '{clipped(form)}' is listed twice in '{group}'")
            seen.add(form)
            if group in LEGAL_FORM_KINDS:
                if declared.setdefault(form, group) != group:
                    problems.add(line, None, f"legal form '{clipped(form)}' is declared in both '{declared[form]}' "
                                             f"and '{group}': declare it in one")
            elif form not in declared:
                problems.add(line, None, f"'{group}' lists '{clipped(form)}', which is not declared in "
                                         f"{', '.join(LEGAL_FORM_KINDS)}: declare it there first")


def checked_company_patterns(spec: CompanyPatternsFile, data: LineDict, problems: FileProblems) -> list[PatternRule]:
    """The patterns that, their placeholders filled in, compile (with ``regex``, as the companies stage
    compiles them) and name the company with a group ``name``; the others reported."""
    import regex

    usable = []
    for index, pattern in enumerate(spec.patterns):
        line = line_at(data, ("patterns", index, "regex"))
        try:
            expanded = spec.expand(pattern.regex)
            compiled = regex.compile(expanded)
        except ValueError as exc:  # an unknown or empty placeholder
            problems.add(line, pattern.id, str(exc))
            continue
        except regex.error as exc:
            problems.add(line, pattern.id, f"regex does not compile: {exc}")
            continue
        if "name" not in compiled.groupindex:
            problems.add(line, pattern.id, "regex needs a named group (?P<name>...) for the company name")
            continue
        usable.append(PatternRule(pattern.id, expanded, problems.file, line_at(data, ("patterns", index)),
                                  pattern.proper, pattern.whole_word, pattern.not_in_sentences_with,
                                  pattern.quoted, pattern.start_marked))
    return usable


#: The lists of words that are never companies, widest first: (file, key, what the list does with a
#: word). A word listed in one is not repeated in a narrower one (see the comments of the three files).
_NEVER_COMPANIES = (
    ("products", "products", "blocks it wherever it is written"),
    ("products", "not_companies", "blocks it wherever it is written"),
    ("company_patterns", "reject", "rejects it as a name from a pattern or from GiNZA"),
    ("ner", "stop_words", "rejects it as a name from GiNZA"),
)


def check_never_companies(files: Mapping[str, tuple[str, LineDict, RuleFileSpec]], sink: list[RuleProblem]) -> None:
    """A word that is never a company is listed once, in the widest list it belongs in; a narrower list
    repeating it would only hide where it is really decided. ``files``: name, data and spec by kind."""
    first: dict[str, tuple[str, str, str]] = {}
    for stem, key, rejects in _NEVER_COMPANIES:
        if stem not in files:
            continue
        file, data, spec = files[stem]
        for index, word in enumerate(getattr(spec, key)):
            if not company_key(word):
                continue
            where = first.setdefault(company_key(word), (file, key, rejects))
            if where[:2] != (file, key):
                sink.append(RuleProblem(file, line_at(data, (key, index)), None,
                                        f"'{clipped(word)}' in {key} is already in {Path(where[0]).name} "
                                        f"({where[1]}), which {where[2]}: list it once"))


def check_gazetteer(companies: list[CompanyRule], chips: list[ChipRule], products: tuple[str, ...],
                    not_companies: tuple[str, ...], invalid_ids: set[str], sink: list[RuleProblem]) -> None:
    """Unique ids, one owner per alias, parents and vendors that exist (an entry with problems of its
    own, ``invalid_ids``, exists), no company named like a product or like something products.yaml says is
    never a company."""
    for kind, records in (("company", companies), ("chip", chips)):
        first: dict[str, CompanyRule | ChipRule] = {}
        for record in records:
            if record.id in first:
                other = first[record.id]
                sink.append(RuleProblem(record.file, record.line, record.id,
                                        f"duplicate {kind} id (also at {other.file}:{other.line})"))
            else:
                first[record.id] = record
    company_ids = {c.id for c in companies} | invalid_ids
    owner: dict[str, CompanyRule] = {}
    for company in companies:
        if company.parent is not None and company.parent not in company_ids:
            sink.append(RuleProblem(company.file, company.line, company.id,
                                    f"parent '{clipped(company.parent)}' is not a known company id"))
        for alias in {alias_key(a) for a in (company.name, *company.aliases, *company.context_aliases)}:
            claimed = owner.setdefault(alias, company)
            if claimed.id != company.id:
                sink.append(RuleProblem(company.file, company.line, company.id,
                                        f"alias '{clipped(alias)}' is claimed by both '{clipped(company.id)}' "
                                        f"and '{clipped(claimed.id)}' "
                                        f"({claimed.file}:{claimed.line}): keep it in one of them"))
    never = {**{alias_key(word): "as never a company" for word in not_companies},
             **{alias_key(p): "as a product" for p in products}}
    for company in companies:
        for alias in (company.name, *company.aliases, *company.context_aliases):
            if alias_key(alias) in never:
                listed = never[alias_key(alias)]
                sink.append(RuleProblem(company.file, company.line, company.id,
                                        f"alias '{clipped(alias)}' is listed {listed} in products.yaml"))
    chip_owner: dict[str, ChipRule] = {}
    for chip in chips:
        if chip.vendor not in company_ids:
            sink.append(RuleProblem(chip.file, chip.line, chip.id,
                                    f"vendor '{clipped(chip.vendor)}' is not a known company id"))
        for alias in {chip_key(a) for a in (chip.name, *chip.aliases)}:
            chip_claimed = chip_owner.setdefault(alias, chip)
            if chip_claimed.id != chip.id:
                sink.append(RuleProblem(chip.file, chip.line, chip.id,
                                        f"alias '{clipped(alias)}' is also claimed by '{clipped(chip_claimed.id)}' "
                                        f"({chip_claimed.file}:{chip_claimed.line})"))



def check_product_makers(spec: ProductsFile, file: str, data: LineDict, company_ids: set[str],
                         sink: list[RuleProblem]) -> None:
    """Every maker of products.yaml's ``makers`` is a known company id, and makes listed products."""
    listed = set(spec.products)
    for maker, products in spec.makers.items():
        line = line_at(data, ("makers", maker))
        if maker not in company_ids:
            sink.append(RuleProblem(file, line, None, f"maker '{clipped(maker)}' is not a known company id"))
        for product in products:
            if product not in listed:
                sink.append(RuleProblem(file, line, None, f"'{clipped(product)}' of maker '{clipped(maker)}' "
                                                          "is not listed in products: list it there too"))
