"""``extract rules suggest``: the companies a run found without the gazetteer, as a gazetteer file to review.

GiNZA and the company patterns (株式会社X, X社 ...) find companies no rule
lists; they get an id made from their name (``x-nebius``) and no aliases, so
ヌビウス and Nebius stay two companies and a post that writes the name without
a suffix finds nothing. This module reads a finished output folder and turns
those companies into entries of the shape of ``rules/companies/*.yaml``,
ranked by how many posts name them, each with a proposed id, name and
aliases and two example sentences as comments, so that an analyst reviews
the file and drops it into the rules: run, review, add rules.

How the entries are made:

- Mentions are grouped by the id the pipeline derived from their name
  (``names.derived_company_id``), so spellings that normalise alike (full
  width, case) are one company.
- A katakana and a Latin spelling are paired only where one is written in
  brackets right after the other (``ヌビウス（Nebius）``, ``Nebius（ネビウス）``,
  a legal form allowed between: ``ミライテック株式会社（Miraitech）``), never
  because they share a sentence. The Latin spelling becomes the name, the
  katakana one an alias.
- A name the rules already list, or one of its bracket pairs, is no new
  company: such spellings are listed at the end as aliases to add to the
  listed company. Products and words that are never companies are dropped.
- Ids are lowercase ASCII slugs: a Latin name as written (``sakana-ai``),
  kana romanised with a small Hepburn table, kanji through MeCab's reading;
  unique against the rules and each other (``-2``).

The file is written atomically and never over an existing file unless asked;
it passes ``extract rules check`` as written (the evidence is comments only).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import re
import secrets
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from extract.errors import InputError
from extract.models import Sentence
from extract.names import DERIVED_ID_PREFIX, alias_key, company_key, derived_company_id
from extract.outputs import load
from extract.rules import LegalForms, RuleSet
from extract.tokenize import tokenize_sentence

#: Example sentences shown per suggestion.
EXAMPLES_PER_SUGGESTION = 2
#: An example longer than this is cut around the mention.
EXAMPLE_CHARS = 120
#: A sentence shorter than this (a heading, a list item) is an example only when there is no other.
MIN_EXAMPLE_CHARS = 10

#: A Latin spelling of a name: ASCII letters and digits, words joined by spaces, dots, ampersands, hyphens.
_LATIN_NAME_RE = re.compile(r"(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 .&'\-]{0,59}")
#: A short all-capitals word (LLM, DX, CTC): in brackets after a katakana word it abbreviates a term (or a
#: company) far more often than it spells a name, so it is no pair.
_ACRONYM_RE = re.compile(r"[A-Z0-9&\-]{1,4}s?")
#: A katakana spelling of a name, perhaps ending in Latin letters or digits (サカナAI).
_KATAKANA_NAME_RE = re.compile(r"[ァ-ヺ][ァ-ヺー・]{1,30}[A-Za-z0-9]{0,10}")
#: The Latin name written last before a bracket: capitalised words (or numbers), at most four.
_LATIN_BEFORE_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z0-9][A-Za-z0-9.&'\-]*(?: [A-Z0-9][A-Za-z0-9.&'\-]*){0,3}$")
#: The katakana name written last before a bracket.
_KATAKANA_BEFORE_RE = re.compile(r"[ァ-ヺ][ァ-ヺー・]*[A-Za-z0-9]*$")
#: A bracket right after a name (a space may stand between) and what it holds (NFKC has made full-width
#: brackets ASCII).
_BRACKET_RE = re.compile(r"[ \t]?\(([^()]{1,80})\)")
#: What separates the name in a bracket from more about it (（Nebius、本社：アムステルダム）).
_BRACKET_SEPARATORS_RE = re.compile(r"[、,;/]")
_WHITESPACE_RE = re.compile(r"\s+")
_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")


@dataclasses.dataclass(frozen=True)
class Example:
    """A sentence naming a suggested company: the post, and the sentence cut to ``EXAMPLE_CHARS`` around it."""

    article_id: str
    text: str


@dataclasses.dataclass(frozen=True)
class Suggestion:
    """A proposed gazetteer entry and its evidence: how many posts and mentions name it, which rules
    found it (rule id and count) and example sentences."""

    id: str
    name: str
    aliases: tuple[str, ...]
    posts: int
    mentions: int
    found_by: tuple[tuple[str, int], ...]
    examples: tuple[Example, ...]


@dataclasses.dataclass(frozen=True)
class ListedAlias:
    """An unlisted spelling written in brackets with (or grouped with) a company the rules list: an alias
    to add to that company's entry rather than a company of its own."""

    spelling: str
    company_id: str
    posts: int


@dataclasses.dataclass(frozen=True)
class Suggestions:
    """What ``suggest_companies`` found in one output folder."""

    output_dir: Path
    posts: int
    companies: tuple[Suggestion, ...]
    listed_aliases: tuple[ListedAlias, ...]


@dataclasses.dataclass(frozen=True)
class UnlistedMention:
    """A company mention no rule lists, with its sentence: what grouping and examples read."""

    article_id: str
    sentence_id: int
    spelling: str
    rule_id: str
    sentence: str
    start: int
    end: int


class _Groups:
    """Union-find over derived company ids: a bracket pair joins the groups of its two spellings."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        """The representative of ``key``'s group (``key`` itself when it is alone)."""
        root = key
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while key != root:
            self._parent[key], key = root, self._parent.get(key, key)
        return root

    def join(self, first: str, second: str) -> None:
        """Put ``first`` and ``second`` in one group (the smaller key represents it: deterministic)."""
        a, b = self.find(first), self.find(second)
        if a != b:
            self._parent[max(a, b)] = min(a, b)


@dataclasses.dataclass(frozen=True)
class UnlistedMentions:
    """The company mentions of an output folder that no rule lists, each with its sentence, and how many
    posts the folder holds."""

    output_dir: Path
    posts: int
    mentions: tuple[UnlistedMention, ...]


def read_unlisted(output_dir: Path) -> UnlistedMentions:
    """The company rows of ``output_dir`` whose id was derived from their name (GiNZA's and the patterns'
    companies no rule lists), joined to their sentences.

    Reads the folder with ``extract.load``, as ``extract report`` does, so a
    folder that is not an output of ``extract run``, or a damaged table,
    raises the same one-line ``InputError`` naming the folder or file.
    """
    tables = load(output_dir)
    companies, sentences = tables.companies, tables.sentences
    rows = companies[companies["company_id"].astype(str).str.startswith(DERIVED_ID_PREFIX)]
    # (the name, not the surface, which holds the legal form written with it: 株式会社ソラノワ)
    rows = rows[["article_id", "sentence_id", "start", "end", "surface", "name", "rule_id"]].astype({"rule_id": str})
    rows = rows.rename(columns={"name": "company_name"})
    joined = rows.merge(sentences[["article_id", "sentence_id", "start", "text"]].rename(
        columns={"start": "sentence_start"}), on=["article_id", "sentence_id"], how="left")
    mentions = []
    for row in joined.itertuples(index=False):
        text = row.text if isinstance(row.text, str) else str(row.surface)
        offset = int(row.sentence_start) if isinstance(row.text, str) else int(row.start)
        # where the name stands inside the surface (株式会社ミライテック（Miraitech）: the bracket follows the name)
        surface, name = str(row.surface), str(row.company_name)
        inner = surface.find(name)
        start, end = ((int(row.start) + inner, int(row.start) + inner + len(name)) if inner >= 0
                      else (int(row.start), int(row.end)))
        mentions.append(UnlistedMention(str(row.article_id), int(row.sentence_id), company_key(name),
                                        str(row.rule_id), text, start - offset, end - offset))
    return UnlistedMentions(Path(output_dir), len(tables.articles), tuple(mentions))


def suggest_companies(found: UnlistedMentions, rules: RuleSet, *, min_posts: int = 1,
                      limit: int | None = None) -> Suggestions:
    """The companies of ``found`` (``read_unlisted``) that ``rules`` do not list, as proposed entries.

    Ranked by posts naming them, then mentions, then name; those named in
    fewer than ``min_posts`` posts are left out, and at most ``limit`` are
    kept. Spellings of companies the rules list come back as
    ``listed_aliases``.
    """
    listed = {alias_key(name): company.id for company in rules.companies
              for name in (company.name, *company.aliases, *company.context_aliases)}
    never = {alias_key(word) for word in (*rules.products, *rules.not_companies, *rules.pattern_rejects,
                                          *rules.ner.stop_words)}
    suggestions: list[Suggestion] = []
    listed_aliases: list[ListedAlias] = []
    for group_mentions, group_spellings in _spelling_groups(found.mentions, rules):
        names = [spelling for spelling in group_spellings if alias_key(spelling) not in never]
        posts = len({m.article_id for m in group_mentions})
        known = sorted({listed[alias_key(s)] for s in names if alias_key(s) in listed})
        if known:
            listed_aliases += [ListedAlias(s, known[0], posts) for s in names if alias_key(s) not in listed]
        elif names and posts >= min_posts:
            name = next((s for s in names if _LATIN_NAME_RE.fullmatch(s)), names[0])
            found_by = sorted(Counter(m.rule_id for m in group_mentions).items(), key=lambda item: (-item[1], item[0]))
            suggestions.append(Suggestion("", name, tuple(s for s in names if s != name), posts, len(group_mentions),
                                          tuple(found_by), tuple(pick_examples(group_mentions))))
    suggestions.sort(key=lambda s: (-s.posts, -s.mentions, s.name))
    taken = {company.id for company in rules.companies}
    with_ids = []
    for suggestion in suggestions[:limit]:
        suggestion_id = unique_id(slug(suggestion.name), taken)
        taken.add(suggestion_id)
        with_ids.append(dataclasses.replace(suggestion, id=suggestion_id))
    listed_aliases.sort(key=lambda a: (a.company_id, -a.posts, a.spelling))
    return Suggestions(found.output_dir, found.posts, tuple(with_ids), tuple(listed_aliases))


def _spelling_groups(mentions: Sequence[UnlistedMention],
                     rules: RuleSet) -> list[tuple[list[UnlistedMention], list[str]]]:
    """The mentions of each company and its spellings, most mentioned first (then most written in
    brackets, then by spelling): mentions whose names normalise alike are one company, and so are
    two spellings written as a bracket pair (``BracketPairs``)."""
    pairs = BracketPairs(rules.legal_forms)
    groups = _Groups()
    mentioned: Counter[str] = Counter()
    bracketed: Counter[str] = Counter()
    for mention in mentions:
        groups.find(_group_key(mention.spelling))
        mentioned[mention.spelling] += 1
        pair = pairs.pair(mention.sentence, mention.start, mention.end)
        if pair is not None:
            groups.join(_group_key(mention.spelling), _group_key(pair))
            bracketed[pair] += 1
    by_group: dict[str, list[UnlistedMention]] = defaultdict(list)
    for mention in mentions:
        by_group[groups.find(_group_key(mention.spelling))].append(mention)
    spellings: dict[str, list[str]] = defaultdict(list)
    for spelling in sorted({*mentioned, *bracketed}, key=lambda s: (-mentioned[s], -bracketed[s], s)):
        spellings[groups.find(_group_key(spelling))].append(spelling)
    return [(group_mentions, spellings[group]) for group, group_mentions in by_group.items()]


def _group_key(spelling: str) -> str:
    """The id the pipeline derives for a spelling: spellings that normalise alike share it."""
    return derived_company_id(company_key(spelling))


class BracketPairs:
    """Finds the spelling of a name in the other script written in brackets next to it (see ``pair``).

    Built once from the rules' legal forms: a form may stand between a name
    and its bracket, and is cut from the spelling found.
    """

    def __init__(self, legal_forms: LegalForms) -> None:
        def alternation(forms: Sequence[str]) -> str:
            return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) or "(?!)"

        latin = alternation(legal_forms.latin)
        japanese = alternation(legal_forms.japanese)
        #: A legal form or company word between a name and its bracket (株式会社, 社, " Inc.", ", Ltd").
        self._form_after = re.compile(rf"(?:{alternation((*legal_forms.japanese, *legal_forms.company_words))}"
                                      rf"|[ ,]*(?:{latin})\.?)")
        #: A legal form the spelling found begins or ends with (株式会社X, X株式会社, X Inc.); company words
        #: stay, as in the names the patterns find (Zephyr Labs, Xホールディングス).
        self._form_before = re.compile(rf"^(?:{japanese})")
        self._form_at_end = re.compile(rf"(?:{japanese}|[ ,]+(?:{latin})\.?)$")

    def pair(self, sentence: str, start: int, end: int) -> str | None:
        """The other-script spelling written in brackets next to the name at ``sentence[start:end]``, or None.

        Either the name is followed by a bracket holding the other spelling
        (ヌビウス（Nebius）, Nebius（ネビウス）; a legal form may stand between:
        ミライテック株式会社（Miraitech）), or the name fills the bracket after
        the other spelling (Nebius（ヌビウス） seen from ヌビウス). Katakana pairs
        with Latin only, and only the bracket's first item counts (（Nebius、
        オランダ）); a bracket of the form ``label: value`` is no spelling, nor is
        a short acronym (モデル（LLM）, テクノソリューションズ（CTC）).
        Two names merely in one sentence are never paired.
        """
        name = company_key(sentence[start:end])
        latin = bool(_LATIN_NAME_RE.fullmatch(name))
        if not latin and not _KATAKANA_NAME_RE.fullmatch(name):
            return None
        after = unicodedata.normalize("NFKC", sentence[end:])
        form = self._form_after.match(after)
        rest = after[form.end():] if form else after
        bracket = _BRACKET_RE.match(rest)
        if bracket is not None:
            other = self._spelling(_BRACKET_SEPARATORS_RE.split(bracket.group(1))[0], latin)
            if other is not None:
                return other
        before = unicodedata.normalize("NFKC", sentence[:start])
        if not (before.endswith("(") and (rest.startswith(")") or _BRACKET_SEPARATORS_RE.match(rest))):
            return None
        written = self._form_at_end.sub("", before[:-1].rstrip())
        match = (_KATAKANA_BEFORE_RE if latin else _LATIN_BEFORE_RE).search(written)
        return self._spelling(match.group(0), latin) if match else None

    def _spelling(self, text: str, name_is_latin: bool) -> str | None:
        """``text`` without its legal forms, when it is a name in the script the name is not written in."""
        if ":" in text:
            return None
        spelling = company_key(self._form_at_end.sub("", self._form_before.sub("", company_key(text))))
        if name_is_latin:
            return spelling if _KATAKANA_NAME_RE.fullmatch(spelling) else None
        return spelling if _LATIN_NAME_RE.fullmatch(spelling) and not _ACRONYM_RE.fullmatch(spelling) else None


def pick_examples(mentions: Sequence[UnlistedMention]) -> list[Example]:
    """Up to ``EXAMPLES_PER_SUGGESTION`` sentences for a suggestion: the shortest that are not too short to
    show context, from different posts where there are several, each cut around the mention."""
    ordered = sorted(mentions, key=lambda m: (len(m.sentence.strip()) < MIN_EXAMPLE_CHARS, len(m.sentence),
                                              m.article_id, m.sentence_id, m.start))
    chosen: list[UnlistedMention] = []
    for mention in ordered:
        if len(chosen) == EXAMPLES_PER_SUGGESTION:
            break
        if all(mention.article_id != other.article_id and mention.sentence != other.sentence for other in chosen):
            chosen.append(mention)
    for mention in ordered:
        if len(chosen) == EXAMPLES_PER_SUGGESTION:
            break
        if all(mention.sentence != other.sentence for other in chosen):
            chosen.append(mention)
    return [Example(m.article_id, around(m.sentence, m.start, m.end)) for m in chosen]


def around(sentence: str, start: int, end: int, width: int = EXAMPLE_CHARS) -> str:
    """``sentence`` cut to about ``width`` characters centred on ``sentence[start:end]``, an ellipsis marking
    each cut, on one line (line breaks and runs of spaces become one space)."""
    if len(sentence) > width:
        first = max(0, min(start - (width - (end - start)) // 2, len(sentence) - width))
        last = first + width
        sentence = ("…" if first > 0 else "") + sentence[first:last] + ("…" if last < len(sentence) else "")
    return one_line(sentence)


def one_line(text: str) -> str:
    """``text`` safe inside a YAML comment: every kind of line break or space one space, unprintable
    characters dropped."""
    printable = "".join(char for char in _WHITESPACE_RE.sub(" ", text) if char.isprintable())
    return printable.strip()


# --- ids ---------------------------------------------------------------------------------------

#: Kana pairs with a small ya/yu/yo/vowel, romanised as one syllable (modified Hepburn).
_DIGRAPHS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "シャ": "sha", "シュ": "shu", "ショ": "sho", "シェ": "she", "ジャ": "ja", "ジュ": "ju", "ジョ": "jo",
    "ジェ": "je", "チャ": "cha", "チュ": "chu", "チョ": "cho", "チェ": "che", "ニャ": "nya", "ニュ": "nyu",
    "ニョ": "nyo", "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
    "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo", "リャ": "rya",
    "リュ": "ryu", "リョ": "ryo", "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du", "テュ": "tyu",
    "デュ": "dyu", "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu", "ウィ": "wi",
    "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "ツァ": "tsa",
    "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso", "イェ": "ye", "クァ": "kwa", "クィ": "kwi", "クェ": "kwe",
    "クォ": "kwo", "グァ": "gwa",
}
#: Single katakana, romanised (modified Hepburn); the small vowels alone stand for their vowel.
_KANA = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォャュョヮヴヵヶ",
    ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu",
     "te", "to", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ma", "mi", "mu", "me", "mo", "ya",
     "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "i", "e", "o", "n", "ga", "gi", "gu", "ge", "go", "za", "ji",
     "zu", "ze", "zo", "da", "ji", "zu", "de", "do", "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po",
     "a", "i", "u", "e", "o", "ya", "yu", "yo", "wa", "vu", "ka", "ke"], strict=True))
_KANJI_RE = re.compile(r"[一-龯々〆ヶ]")
#: Where a Latin word meets a kana one (AOSデータ, サカナAI): the id separates them (aos-deta, sakana-ai).
_LATIN_TO_KANA_RE = re.compile(r"(?<=[A-Za-z0-9])(?=[ァ-ヺぁ-ゖ])")
_KANA_TO_LATIN_RE = re.compile(r"(?<=[ァ-ヺぁ-ゖー])(?=[A-Za-z0-9])")


def romanise(kana: str) -> str:
    """Katakana (or hiragana) as lowercase romaji: ヌビウス -> nubiusu, ミライテック -> miraitekku. The
    long-vowel mark is dropped, the small tsu doubles the next consonant, a middle dot is a space;
    anything else is kept as it is (Latin letters, digits)."""
    text = "".join(chr(ord(char) + 0x60) if "ぁ" <= char <= "ゖ" else char for char in kana)
    out: list[str] = []
    double = False
    index = 0
    while index < len(text):
        pair = text[index:index + 2]
        if pair in _DIGRAPHS:
            syllable, index = _DIGRAPHS[pair], index + 2
        elif text[index] in _KANA:
            syllable, index = _KANA[text[index]], index + 1
        else:
            char, index = text[index], index + 1
            if char == "ッ":
                double = True
                continue
            syllable = "" if char == "ー" else " " if char in "・･" else char
        if double and syllable[:1].isalpha() and syllable[0] not in "aeiou":
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    return "".join(out)


def reading(name: str) -> str:
    """``name`` with each word that holds kanji replaced by its MeCab (UniDic) reading in katakana; other
    words as written (a word the dictionary cannot read stays as it is)."""
    if not _KANJI_RE.search(name):
        return name
    tokens = tokenize_sentence(Sentence(sentence_id=0, start=0, end=len(name), text=name))
    pieces = []
    position = 0
    for token in tokens:
        pieces.append(name[position:token.start])
        pieces.append(token.reading if token.reading and _KANJI_RE.search(token.surface) else token.surface)
        position = token.end
    return "".join(pieces) + name[position:]


def slug(name: str) -> str:
    """A gazetteer id for ``name``: lowercase ASCII words joined by '-' (Sakana AI -> sakana-ai, ヌビウス ->
    nubiusu, 白鷺銀行 -> shirasagiginkou); never the prefix reserved for derived ids; ``company`` when
    nothing of the name is left."""
    kana = reading(unicodedata.normalize("NFKC", name))
    text = romanise(_KANA_TO_LATIN_RE.sub(" ", _LATIN_TO_KANA_RE.sub(" ", kana)))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    words = _NOT_SLUG_RE.sub("-", ascii_text).strip("-")
    if words.startswith(DERIVED_ID_PREFIX):
        words = words.replace("-", "", 1)
    return words or "company"


def unique_id(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3`` ... the first one not in ``taken``."""
    used = set(taken)
    if wanted not in used:
        return wanted
    number = 2
    while f"{wanted}-{number}" in used:
        number += 1
    return f"{wanted}-{number}"


# --- the file ----------------------------------------------------------------------------------

def format_suggestions(suggestions: Suggestions, today: datetime.date) -> str:
    """The suggestions as a YAML file of the gazetteer's shape (``rules/companies/*.yaml``).

    A comment at the top says where it came from and that it must be
    reviewed; each entry's evidence (posts, mentions, the rules that found
    it, example sentences) is in comments above it, so the file is a valid
    rule file as written. Spellings of companies the rules already list
    close the file, also as comments.
    """
    where = one_line(str(suggestions.output_dir))
    lines = [
        f"# Generated by `extract rules suggest` from {where} on {today.isoformat()}: REVIEW BEFORE USE.",
        "# Companies the run found only by GiNZA or company patterns, most posts first. Check that each is a",
        "# company and that its id, name and aliases are right (delete what is not), then move the file into",
        "# rules/companies/ and run `extract rules check`.",
        f"source: {_quoted(f'extract rules suggest over {where} ({suggestions.posts} posts), {today.isoformat()}')}",
    ]
    if not suggestions.companies:
        lines.append("companies: []")
    else:
        lines.append("companies:")
    for suggestion in suggestions.companies:
        found_by = one_line(", ".join(f"{rule_id} ({count})" for rule_id, count in suggestion.found_by))
        lines.append(f"  # {suggestion.posts} post(s), {suggestion.mentions} mention(s); found by {found_by}")
        lines += [f"  #   {one_line(example.article_id)}: {one_line(example.text)}" for example in suggestion.examples]
        lines.append(f"  - id: {suggestion.id}")
        lines.append(f"    name: {_quoted(suggestion.name)}")
        if suggestion.aliases:
            lines.append(f"    aliases: [{', '.join(_quoted(alias) for alias in suggestion.aliases)}]")
    if suggestions.listed_aliases:
        lines.append("# Spellings written with (or as) a company the rules already list: add them to its aliases.")
        lines += [f"#   {one_line(alias.spelling)} -> {alias.company_id} ({alias.posts} post(s))"
                  for alias in suggestions.listed_aliases]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: JSON's string syntax (valid YAML), with the characters YAML
    does not accept written as escapes (JSON leaves \\x7f-\\x9f and the line separators as they are)."""
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF
                   else f"\\U{ord(char):08x}" for char in json.dumps(text, ensure_ascii=False))


def write_suggestions(text: str, path: Path, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` atomically: a temporary file in the same folder, then a rename (``force``)
    or a hard link that fails if ``path`` appeared meanwhile. An existing file is never replaced
    without ``force``; only the temporary file this call made is ever removed."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give the path of the YAML file to write")
    if (path.exists() or path.is_symlink()) and not force:
        raise InputError(f"{path} already exists: choose another file, or add --force to replace it")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")
    temporary = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:  # os.open rather than mkstemp: the file gets the usual permissions (0o666 less the umask)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if force:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    except FileExistsError as error:
        raise InputError(f"{path} already exists: choose another file, or add --force to replace it") from error
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from error
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
    return path

