"""Write rules/companies/global_indices.yaml from the stock-index constituents pytickersymbols ships.

A build-time tool, run by hand when the gazetteer is refreshed; the pipeline never imports
pytickersymbols (it is a `dev` extra). It reads the members of the indices in ``INDICES`` (US, UK
and continental European large caps), cleans each name to the one people write (legal forms such
as Inc., plc, SE, AG and N.V. dropped: the matcher accepts them after any name), and writes one
gazetteer entry per company that no other file of rules/companies already names, by id or by any
alias (the rules checker rejects one alias under two ids, and one company must have one id).

What a package cannot know comes from the curation file next to this script
(gazetteer_from_indices.yaml): names to rename or skip, names that are also ordinary words or
people's names (kept only as context aliases), the Japanese spellings of the well-known companies,
and the examples the written file carries. Run from the repository root:

    PYTHONPATH=src python scripts/gazetteer_from_indices.py            # writes the file
    PYTHONPATH=src python scripts/gazetteer_from_indices.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import yaml

from extract.names import alias_key

#: The indices read, in the order their members are written (a company in several is written once).
INDICES = ("DOW JONES", "S&P 500", "NASDAQ 100", "FTSE 100", "DAX", "CAC_40", "EURO STOXX 50", "AEX",
           "Switzerland 20", "IBEX 35", "OMX Stockholm 30")
#: The country of a member whose record names none, by index.
INDEX_COUNTRY = {"DOW JONES": "US", "S&P 500": "US", "NASDAQ 100": "US", "FTSE 100": "GB", "DAX": "DE",
                 "CAC_40": "FR", "AEX": "NL", "Switzerland 20": "CH", "IBEX 35": "ES", "OMX Stockholm 30": "SE"}
OUTPUT_NAME = "global_indices.yaml"
_SPACES_RE = re.compile(r"\s+")
_NOT_ID_RE = re.compile(r"[^a-z0-9]+")
_PLAIN_YAML_RE = re.compile(r"[A-Za-z0-9\u3040-\u30ff\u4e00-\u9fff][\w .\-'’・ー/+]*")
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


@dataclass(frozen=True)
class Curation:
    """The hand-kept decisions of the curation file (see its comments)."""

    countries: Mapping[str, str]
    legal_suffixes: tuple[str, ...]
    rename: Mapping[str, str]
    skip: frozenset[str]
    context_only: frozenset[str]
    aliases: Mapping[str, tuple[str, ...]]
    examples: list[object]


@dataclass
class IndexCompany:
    """One company of the indices, as it will be written."""

    id: str
    name: str
    country: str
    ticker: str
    indices: list[str] = field(default_factory=list)
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()


def load_curation(path: Path, rules_dir: Path) -> Curation:
    """The curation file, with the Latin legal forms of company_patterns.yaml added to its suffixes
    (one list of legal forms for the project; the file adds only spellings the matcher reads as a
    form with its dot, such as S.p.A.)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    patterns = yaml.safe_load((rules_dir / "company_patterns.yaml").read_text(encoding="utf-8"))
    suffixes = [*patterns["legal_forms"]["latin"], *data["legal_suffixes"]]
    return Curation(countries=data["countries"],
                    legal_suffixes=tuple(sorted(set(suffixes), key=len, reverse=True)),
                    rename=data.get("rename") or {}, skip=frozenset(data.get("skip") or ()),
                    context_only=frozenset(data.get("context_only") or ()),
                    aliases={name: tuple(words) for name, words in (data.get("aliases") or {}).items()},
                    examples=data.get("examples") or [])


def listed_names(rules_dir: Path, output_name: str = OUTPUT_NAME) -> tuple[set[str], set[str], set[str]]:
    """Ids, alias keys and tickers of every company in rules/companies except the file ``output_name``,
    which the generator calling it writes."""
    ids: set[str] = set()
    names: set[str] = set()
    tickers: set[str] = set()
    for path in sorted((rules_dir / "companies").glob("*.yaml")):
        if path.name == output_name:
            continue
        for company in yaml.safe_load(path.read_text(encoding="utf-8"))["companies"]:
            ids.add(company["id"])
            tickers.add(str(company.get("ticker") or ""))
            for name in (company["name"], *company.get("aliases", ()), *company.get("context_aliases", ())):
                names.add(alias_key(str(name)))
    return ids, names, tickers - {""}


def clean_name(raw: str, curation: Curation) -> str:
    """The name people write: the curated spelling, else the package's without legal forms
    (``Siemens Energy AG`` -> ``Siemens Energy``; ``Adobe Inc.`` -> ``Adobe``)."""
    name = _SPACES_RE.sub(" ", unicodedata.normalize("NFC", curation.rename.get(raw, raw))).strip()
    changed = True
    while changed:
        changed = False
        for suffix in curation.legal_suffixes:
            for ending in (f" {suffix}.", f" {suffix}", f", {suffix}.", f", {suffix}"):
                if name.endswith(ending) and len(name) > len(ending):
                    name = name[: -len(ending)].rstrip(" ,")
                    changed = True
    return name


def company_id(name: str) -> str:
    """A gazetteer id from a name: ASCII lower case, words joined by hyphens (Münchener Rück -> munchener-ruck)."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("&", " and ")).encode("ascii", "ignore").decode()
    return _NOT_ID_RE.sub("-", ascii_name.lower()).strip("-")


def country_code(stock: Mapping[str, object], index: str, curation: Curation) -> str:
    """ISO 3166 code of a member: its record's country (a country name, or a US city and state),
    else the index's home country."""
    place = str(stock.get("country") or "").strip()
    last = place.rsplit(",", 1)[-1].strip()
    if last in curation.countries:
        return curation.countries[last]
    if "," in place:  # "Houston, Texas": the package gives US members' head-office city and state
        return "US"
    return INDEX_COUNTRY.get(index, "")


def index_companies(stocks_by_index: Mapping[str, Iterable[Mapping[str, object]]], curation: Curation,
                    ids: set[str], names: set[str]) -> tuple[list[IndexCompany], list[str]]:
    """The companies to write, and a line for each member left out (skipped, or already listed)."""
    written: dict[str, IndexCompany] = {}
    left_out: list[str] = []
    for index, stocks in stocks_by_index.items():
        for stock in stocks:
            raw = str(stock["name"])
            name = clean_name(raw, curation)
            key = company_id(name)
            if key in written:
                if index not in written[key].indices:
                    written[key].indices.append(index)
                continue
            if raw in curation.skip or name in curation.skip:
                left_out.append(f"{index}: {raw}: skipped by the curation file")
                continue
            if key in ids or alias_key(name) in names or alias_key(raw) in names:
                left_out.append(f"{index}: {raw}: already listed")
                continue
            extra = tuple(word for word in curation.aliases.get(name, ()) if alias_key(word) not in names)
            context = name in curation.context_only
            written[key] = IndexCompany(id=key, name=name, country=country_code(stock, index, curation),
                                        ticker=str(stock["symbol"]), indices=[index],
                                        aliases=() if context else extra,
                                        context_aliases=(name, *extra) if context else ())
    named = {company.name for company in written.values()}
    left_out += [f"curation: {name!r} is no member written" for name in sorted(set(curation.aliases) - named)]
    left_out += [f"curation: {name!r} is no member written" for name in sorted(curation.context_only - named)]
    return list(written.values()), left_out


def yaml_scalar(value: str) -> str:
    """A string as a YAML flow scalar: plain where that reads back the same, else double-quoted."""
    if _PLAIN_YAML_RE.fullmatch(value) and value.lower() not in _YAML_WORDS and not value.isdigit() \
            and not value.endswith((" ", ".")):
        return value
    return json.dumps(value, ensure_ascii=False)


def _entry(company: IndexCompany) -> str:
    parts = [f"id: {company.id}", f"name: {yaml_scalar(company.name)}"]
    if company.country:
        parts.append(f"country: {company.country}")
    parts.append(f"ticker: {yaml_scalar(company.ticker)}")
    parts += alias_fields(company.aliases, company.context_aliases)
    parts.append("note: " + yaml_scalar("index: " + ", ".join(company.indices)))
    return "  - {" + ", ".join(parts) + "}"


def alias_fields(aliases: Iterable[str], context_aliases: Iterable[str]) -> list[str]:
    """The ``aliases`` and ``context_aliases`` fields of a flow entry, each only when it holds a name."""
    fields = []
    for key, names in (("aliases", list(aliases)), ("context_aliases", list(context_aliases))):
        if names:
            fields.append(f"{key}: [" + ", ".join(yaml_scalar(name) for name in names) + "]")
    return fields


def example_lines(examples: list[object]) -> list[str]:
    """The ``examples:`` section of a generated file (none without examples)."""
    if not examples:
        return []
    dumped = yaml.safe_dump(examples, allow_unicode=True, sort_keys=False, default_flow_style=None, width=110)
    return ["examples:"] + ["  " + line for line in dumped.rstrip().splitlines()]


def write_or_check(output: Path, text: str, check: bool) -> int:
    """Write ``text`` to ``output``, or with ``check`` only compare: the exit status (1: out of date)."""
    if check:
        return 0 if output.exists() and output.read_text(encoding="utf-8") == text else 1
    output.write_text(text, encoding="utf-8")
    return 0


def argument_parser(description: str, curation: Path, left_out: str) -> argparse.ArgumentParser:
    """The command line both generator scripts take: where the rules and the curation file (by default
    ``curation``) are, --check and --verbose (which lists ``left_out``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rules", type=Path, default=Path("rules"))
    parser.add_argument("--curation", type=Path, default=curation)
    parser.add_argument("--check", action="store_true", help="exit 1 if the written file differs")
    parser.add_argument("--verbose", action="store_true", help=f"list {left_out}")
    return parser


def render(companies: list[IndexCompany], examples: list[object], package_version: str, day: str) -> str:
    """The YAML file: header, source, one flow entry per company grouped by first index, examples."""
    lines = [
        "# GENERATED by scripts/gazetteer_from_indices.py from the pytickersymbols package: do not edit by hand;",
        "# change the curation file scripts/gazetteer_from_indices.yaml and run the script again.",
        "# US, UK and continental European large caps that no other file of rules/companies names. A name",
        "# that is also an ordinary word or a person's name (Target, Ball, Block) is a context alias: it",
        "# counts only where the post names the company otherwise or a legal form follows it.",
        "source: >-",
        f"  pytickersymbols {package_version} (PyPI, MIT licence), the constituent lists of the",
        "  indices " + ", ".join(INDICES[:6]) + ",",
        "  " + ", ".join(INDICES[6:]) + f", read {day};",
        "  names cleaned of legal forms, Japanese spellings from Japanese press usage (checked against the",
        "  ALLFORCES archive).",
        "companies:",
    ]
    for index in INDICES:
        members = sorted((c for c in companies if c.indices[0] == index), key=lambda c: c.id)
        if members:
            lines.append(f"  # --- {index} " + "-" * max(3, 96 - len(index)))
            lines += [_entry(company) for company in members]
    return "\n".join(lines + example_lines(examples)) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) rules/companies/global_indices.yaml; left-out members go to stderr."""
    args = argument_parser(__doc__.splitlines()[0], Path(__file__).with_suffix(".yaml"),
                           "every member left out").parse_args(argv)
    from pytickersymbols import PyTickerSymbols  # build-time only: the pipeline never imports it

    symbols = PyTickerSymbols()
    curation = load_curation(args.curation, args.rules)
    ids, names, _ = listed_names(args.rules)
    stocks = {index: list(symbols.get_stocks_by_index(index)) for index in INDICES}
    companies, left_out = index_companies(stocks, curation, ids, names)
    output = args.rules / "companies" / OUTPUT_NAME
    day = datetime.date.today().isoformat()
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        match = re.search(r"read (\d{4}-\d{2}-\d{2});", current)
        day = match.group(1) if match else day
    text = render(companies, curation.examples, version("pytickersymbols"), day)
    print(f"{len(companies)} companies written, {len(left_out)} members left out", file=sys.stderr)
    if args.verbose:
        print("\n".join(left_out), file=sys.stderr)
    return write_or_check(output, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
