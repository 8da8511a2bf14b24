"""What each kind of rule file may hold, declared once: one pydantic model per kind.

A rule file is checked against its model in one pass that collects every
problem (a missing key, an unknown one, a wrong type, a word listed under two
labels), and the validated model is what the stages read: plain, frozen spec
records, so no stage re-checks the YAML and no stage is imported here. A rule
author who wants to know what a key may hold reads it here, next to the
comments of the shipped file.

pydantic, not hand-written checks, because it reports every problem with the
path of the value at fault (``companies[3].aliases[1]``), which the loader
turns into the line of that key or item; spaCy already depends on it.

Two habits hold for every model: a key left empty (``aliases:``) counts as
absent, and keys a model does not declare are errors, with the known keys
listed, so a misspelt key never silently does nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictFloat, StrictInt,
                      field_validator, model_validator)

from extract.names import DERIVED_ID_PREFIX

#: A rule id: lowercase ASCII words joined by '-'.
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Every ``{legal_forms.GROUP}`` in a company pattern's regex.
_LEGAL_FORM_PLACEHOLDER_RE = re.compile(r"\{legal_forms\.([^{}]*)\}")
#: Every ``{fragments.NAME}`` in a company pattern's regex.
_FRAGMENT_PLACEHOLDER_RE = re.compile(r"\{fragments\.([^{}]*)\}")
#: The label words of a name in another language (英, 英文社名) in a company pattern's regex.
_TRANSLATIONS_PLACEHOLDER = "{renames.translations}"


def _number_as_text(value: object) -> object:
    """A name YAML read as a number (``- 1688``) as the text it was written as."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def _iso_code(value: str) -> str:
    if re.fullmatch(r"[A-Z]{3}", value) is None:
        raise ValueError(f"'{value}' is not an ISO 4217 currency code (three capital letters, e.g. USD)")
    return value


def _positive(value: float) -> float:
    if value <= 0:
        raise ValueError("must be a positive number")
    return value


def _rule_id(value: str) -> str:
    if not ID_RE.match(value):
        raise ValueError("id must be lowercase ASCII words joined by '-' (e.g. 'amazon-web-services')")
    return value


#: A word of a cue list (a particle, a trigger, a currency word): any non-empty text.
Word = Annotated[str, Field(min_length=1)]
Words = tuple[Word, ...]
#: A name in the gazetteer or a block list: non-blank text (a number is read as the text written).
Name = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_not_blank)]
Names = tuple[Name, ...]
IsoCode = Annotated[str, AfterValidator(_iso_code)]
#: A number (an integer is one too; true/false and quoted numbers are not).
Number = StrictFloat
PositiveNumber = Annotated[Number, AfterValidator(_positive)]


def _one_label_per_word(groups: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    """A ``{label: [words]}`` table must give each word one label: a match could not say which it means."""
    seen: dict[str, str] = {}
    for label, words in groups.items():
        for word in words:
            if seen.setdefault(word, label) != label:
                raise ValueError(f"'{word}' is listed under both '{seen[word]}' and '{label}': list it once")
    return groups


def by_word(groups: Mapping[Any, tuple[str, ...]]) -> dict[str, str]:
    """Word -> label of a validated ``{label: [words]}`` table (each word has one label), as the stages
    look words up."""
    return {word: label for label, words in groups.items() for word in words}


class Spec(BaseModel):
    """A mapping of a rule file: frozen, closed to undeclared keys, an empty key read as absent.

    ``moved_keys`` are keys an earlier version of the file had, with where their words went, so an
    old file gets told what to do instead of only "unknown key".
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    moved_keys: ClassVar[Mapping[str, str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _empty_is_absent(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            return {key: value for key, value in data.items() if value is not None}
        return data


class Example(Spec):
    """An ``examples:`` entry: a text and what the file's stage must (``finds``) and must not (``not``)
    find in it; ``anchor`` is the post date relative dates resolve against."""

    text: str
    finds: tuple[Any, ...] = ()
    not_: Names = Field((), alias="not")
    anchor: str | None = None
    note: str | None = None

    @field_validator("anchor", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        return value if value is None or isinstance(value, str) else str(value)


class RuleFileSpec(Spec):
    """What every rule file may hold besides its rules: where its words come from, and examples."""

    source: str | None = None
    examples: tuple[Example, ...] = ()


# --- the gazetteers -------------------------------------------------------------------------

class CompanyEntry(Spec):
    """A company of the gazetteer. ``context_aliases`` are names that mean the company only next to
    a legal form or company word (ソフトバンク社); ``parent`` is the id of its parent company."""

    id: Annotated[str, AfterValidator(_rule_id)]
    name: Name
    aliases: Names = ()
    context_aliases: Names = ()
    parent: str | None = None
    note: str | None = None
    country: str | None = None
    ticker: str | int | None = None

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value.startswith(DERIVED_ID_PREFIX):
            raise ValueError(f"ids starting with '{DERIVED_ID_PREFIX}' are reserved for companies no list names; "
                             "choose another id")
        return value


class CompaniesFile(RuleFileSpec):
    """A file of ``rules/companies/``."""

    companies: tuple[CompanyEntry, ...]


class ChipEntry(Spec):
    """A chip of the catalog; ``vendor`` is the id of the company that makes it."""

    id: Annotated[str, AfterValidator(_rule_id)]
    name: Name
    vendor: str
    aliases: Names = ()
    note: str | None = None
    family: str | None = None


class ChipsFile(RuleFileSpec):
    """A file of ``rules/chips/``: chips, and names that look like chips but are not (``not_chips``)."""

    chips: tuple[ChipEntry, ...] = ()
    not_chips: Names = ()


class ProductsFile(RuleFileSpec):
    """``rules/products.yaml``: products and generic nouns that are never companies, wherever they are
    written (``products``: services and models posts name beside their makers; ``not_companies``:
    governments, universities, industry bodies and generic nouns; ``makers``: the company id that makes
    each product a post may write as an actor on its own, AzureはOpenAIと提携)."""

    products: Names = ()
    not_companies: Names = ()
    makers: dict[str, Names] = {}


#: The groups of ``legal_forms`` that declare forms, by how they are written: each form in one of them.
LEGAL_FORM_KINDS = ("japanese", "latin", "company_words", "sector_words")
#: The groups of ``legal_forms`` that pick, from the declared forms, those one check uses.
LEGAL_FORM_USES = ("after_context_alias", "ner_evidence", "trimmed_from_ner", "ner_name_endings", "arm_words",
                   "named_trades")


class LegalForms(Spec):
    """``legal_forms`` of company_patterns.yaml: the one list of company legal forms (株式会社, Inc),
    company words (社, グループ, Labs) and sector words (銀行, 電鉄, 製作所). The first four groups
    declare every form once, by how it is written; the others are the subsets single checks use (see
    the file's comments). ``sector_words`` are the trades a Japanese company name ends in when its
    first word is a proper noun (三菱UFJ銀行, not 地方銀行); ``ner_name_endings`` the declared forms and
    words that, ending a name GiNZA proposes, are evidence it is a company (Kasikorn Bank)."""

    japanese: Names
    latin: Names
    company_words: Names
    sector_words: Names = ()
    after_context_alias: Names
    ner_evidence: Names
    trimmed_from_ner: Names
    ner_name_endings: Names = ()
    #: Company words that, after a listed name, make a company of its own: the arm investing for it (BP Ventures).
    arm_words: Names = ()
    #: Sector words that name a company after any kanji noun, not only a proper noun (朝日酒造, 丸住製紙).
    named_trades: Names = ()

    def group(self, name: str) -> tuple[str, ...]:
        """The forms of the group ``name``; KeyError when there is no such group."""
        if name not in (*LEGAL_FORM_KINDS, *LEGAL_FORM_USES):
            raise KeyError(name)
        forms: tuple[str, ...] = getattr(self, name)
        return forms

    def expand(self, pattern: str) -> str:
        """``pattern`` with each ``{legal_forms.GROUP}`` replaced by that group's forms as an escaped
        alternation (``(?:株式会社|\\(株\\))``); ValueError for an unknown or empty group."""
        def alternation(match: re.Match) -> str:
            try:
                forms = self.group(match.group(1))
            except KeyError:
                raise ValueError(f"unknown placeholder '{match.group(0)}': the groups of legal_forms are "
                                 f"{', '.join((*LEGAL_FORM_KINDS, *LEGAL_FORM_USES))}") from None
            if not forms:
                raise ValueError(f"placeholder '{match.group(0)}' stands for no form: "
                                 f"legal_forms.{match.group(1)} is empty")
            return "(?:" + "|".join(re.escape(form) for form in forms) + ")"

        return _LEGAL_FORM_PLACEHOLDER_RE.sub(alternation, pattern)


class CompanyPatternEntry(Spec):
    """A regex that finds a company no list names; its group ``name`` is the company's name, and
    ``{legal_forms.GROUP}`` stands for the forms of that group. An optional group ``form`` marks the
    legal form or company word the match hangs on (株式会社, グループ, 銀行): the name is read from the
    sentence's MeCab words on the form's side (see company_patterns.yaml), and a form that does not
    start and end on word boundaries (the グループ of レンダリングループ) is no match.

    ``proper`` says which word of the name (before its form) must be a proper noun or a word the
    dictionary does not know: ``first`` (三菱UFJ銀行, not 地方銀行; everyday words before it are cut
    off, so 同日トヨタ自動車 gives トヨタ自動車), ``last`` (EISグループ, not セキュリティグループ) or
    ``first_or_sector``: ``first`` but for a name ending in a sector word, which any nouns may open, for a
    pattern whose context says the name is a company's (日清製油として設立, 東邦化成工業を前身とする).
    ``whole_word`` says the name must not run on into a longer noun (自動車業界, 証券業協会): the
    word after the match is not a noun, or is a legal form or one of ``name_bounds.after``.
    ``not_in_sentences_with`` are words that make the pattern find nothing in their sentence
    (Lazarusグループ in a sentence about an attack is a criminal group, not a company). ``quoted`` says the
    name runs to the closing bracket the regex reads up to, whatever its words (「株式会社さくらのまち」).
    ``start_marked`` says the regex's look-behind marks where the name starts (right after the kind of
    company it is): a name read back to there keeps its first words, everyday nouns too (住宅メーカー、
    北辰ホーム（札幌市）), and a listed name it opens with is no company of its own (新会社「TDK SensEI」)."""

    id: str
    regex: str
    note: str | None = None
    proper: Literal["first", "last", "first_or_sector"] | None = None
    whole_word: bool = False
    not_in_sentences_with: Words = ()
    quoted: bool = False
    start_marked: bool = False


class NameBounds(Spec):
    """Where a company name read from the MeCab words stops. ``before``: words written right before a
    name, with nothing between, that are not part of it (旧ヤフー, 米Zephyr, 韓国サムスン電子): a
    name read backwards from its form stops at them, and they are cut from the start of a name GiNZA
    proposes. ``after``: words right after a name that are not part of it, the titles of its people
    and its parts (代表取締役社長, 傘下, 本社): a name read forwards from its form stops at them
    (株式会社X代表取締役社長 gives X), and they may follow a ``whole_word`` name (X銀行頭取). ``countries``:
    the words of ``before`` that name a company's country, which also make a gazetteer name that needs
    context the company where written right before it (米GM). ``openers``: words MeCab reads as common nouns
    that open a name before its proper noun, as a prefix does (東日本銀行, 西日本鉄道). ``non_company_forms``:
    the legal forms of bodies that are no companies, right before a name (一般社団法人共同通信社).
    ``place_words``: words ending a place, line, facility or foundation named after a company, written after
    its name and maybe a few more kanji or katakana (日立市, 東急東横線, 日産スタジアム, トヨタ財団).
    ``plant_words``: last words of a plant, which a name ending in one written right after a company's makes
    that company's plant (三菱重工業長崎造船所). ``kinds``:
    words that, written before a sector word, make a kind of company rather than a name (地方銀行, 相互銀行,
    大手証券), which a pattern whose context vouches for a name still does not take (地方銀行として発足).
    ``unit_countries``: a country written before a listed name and a Japanese legal form after it, which name a
    global company's own unit there (日本AMD株式会社), a company of its own.
    ``departments``: last words of a company's department, written after its name and a space (株式会社X
    経営企画部, 株式会社X IR室): a name read forwards ends before that space. ``closing_after``: words of
    ``after`` that end a name read forwards from its legal form where nothing of the noun follows them
    (株式会社上林春松本店が; not 株式会社X本店営業部). ``investor_words``: katakana words that end an investor's name
    (キャピタル, ファンド): a katakana name of two words joined by ・ that ends in one is a transliterated fund's
    (ルクス・キャピタル), unless rejected as a generic phrase (ヘッジ・ファンド). ``regions``: last words of a
    region (県, 府), which, written with の right before a kanji word and a sector word, vouch for that name though
    MeCab reads its word as a common noun (山形県の青空銀行)."""

    before: Names = ()
    after: Names = ()
    closing_after: Names = ()
    countries: Names = ()
    openers: Names = ()
    non_company_forms: Names = ()
    place_words: Names = ()
    plant_words: Names = ()
    kinds: Names = ()
    unit_countries: Names = ()
    departments: Names = ()
    investor_words: Names = ()
    regions: Names = ()

    @model_validator(mode="after")
    def _countries_are_before(self) -> NameBounds:
        if set(self.countries) - set(self.before):
            raise ValueError(f"countries {sorted(set(self.countries) - set(self.before))} must also be before words")
        if set(self.closing_after) - set(self.after):
            raise ValueError(f"closing_after {sorted(set(self.closing_after) - set(self.after))} must also be "
                             "after words")
        return self


class Renames(Spec):
    """A company's former name written in brackets beside its current one, which is the same company:
    ``current`` opens the bracket after a former name and comes before the current one (東洋工業（現マツダ）),
    ``former`` opens the bracket after a current name and comes before the former one (マツダ（旧東洋工業）);
    ``translations``, with a colon after them, give its name in another language in the bracket after its name
    (X（えっくす、英: X Co., Ltd.）). A history's rename is the same company too: its new name written before one
    of ``to_new`` (…にX株式会社に商号変更) or between one of ``before_new`` and one of ``after_new`` (商号をXに改めた),
    or its first name before one of ``founded_as`` (Yとして設立され); which company took the name, the words after
    the companies before it say (company_renames.py): ``from_old`` (YからXに), ``survivor`` (Lを存続会社として),
    ``former_marks`` (Yとして設立され、…), ``object_marks`` and a ``bought`` word (Vを買収し、…), ``subject_marks``
    (YはXに社名変更), ``partner_marks`` with a ``merged`` word (Bと合併し: a partner, passed over)."""

    current: Names = ()
    former: Names = ()
    translations: Names = ()
    to_new: Words = ()
    before_new: Words = ()
    after_new: Words = ()
    founded_as: Words = ()
    from_old: Words = ()
    survivor: Words = ()
    former_marks: Words = ()
    object_marks: Words = ()
    bought: Words = ()
    #: Words of making a company a subsidiary, which after an unnamed object before a new name leave the name to no
    #: company (Vを完全子会社化し、Xに商号変更).
    made_subsidiary: Words = ()
    subject_marks: Words = ()
    partner_marks: Words = ()
    merged: Words = ()


class Definitions(Spec):
    """How a post defines the name it then calls a company by, at the end of the brackets after its full name
    (株式会社X（本社：東京都港区、以下「X」）, A Co., Ltd.（以下「A社」）, 以下「当社」): ``marks`` open the definition
    and the name follows them, perhaps quoted; ``collective`` words after a mark make it a name for several
    companies together (以下総称して「両社」), which stands for none of them alone."""

    marks: Words = ()
    collective: Words = ()
    #: Words opening an item of the brackets after a company's name that make it a press release's issuer where
    #: the lead sentence makes it the subject (株式会社X（本社：東京都港区、代表取締役社長：…）は、…): the company
    #: the release calls 当社, where its author field does not name it.
    issuer_marks: Words = ()
    #: Labels opening a filing's header line that names its issuer (会 社 名　株式会社X).
    issuer_labels: Words = ()


class Deeds(Spec):
    """What only a company does, which makes a name the gazetteer lists only with context that company:
    ``verbs`` (founded, renamed, developed, sold, ran: Xは…に設立された, Xが開発した) of which the name is the
    subject (opening the sentence with one of ``topic_marks``, or marked with one of ``subject_marks`` close
    before the verb); ``credits`` (who did a work: 開発はX, 発売元：X) written before it with one of
    ``credit_marks``, the name followed by one of ``credit_ends`` or ending the sentence; ``made_marks`` (X製の)
    and ``owned`` (its predecessor, management, head office: Xの前身) written after it, the owned ones after
    one of ``of``. ``naming_verbs``, those of ``verbs`` people seldom do (運航, 発売), also make a Latin or
    katakana name no list holds a company where it is their subject, or their source marked with one of
    ``source_marks`` (コンパイルから発売された). ``founded_marks`` (を共同設立) make a Latin name no list holds
    written right before them a company: what was founded under a Latin name is one (AirWatchを共同設立した)."""

    verbs: Words = ()
    naming_verbs: Words = ()
    founded_marks: Words = ()
    source_marks: Words = ()
    topic_marks: Words = ()
    subject_marks: Words = ()
    credits: Words = ()
    credit_marks: Words = ()
    credit_ends: Words = ()
    made_marks: Words = ()
    owned: Words = ()
    of: Words = ()


def founding_words(founded_marks: Sequence[str]) -> tuple[str, ...]:
    """Deeds' ``founded_marks`` with and without their を, as a history item may leave it out (X株式会社設立)."""
    return tuple(dict.fromkeys((*founded_marks, *(mark.removeprefix("を") for mark in founded_marks))))


class CompanyPatternsFile(RuleFileSpec):
    """``rules/company_patterns.yaml``: legal forms, the patterns, where the names they read stop, how a
    former name is written beside a company's, what only a company does, and names they must never give."""

    legal_forms: LegalForms
    #: Pieces of regex several patterns share (the place of a head office in brackets), by name.
    fragments: dict[str, str] = {}
    patterns: tuple[CompanyPatternEntry, ...]
    name_bounds: NameBounds = NameBounds()
    renames: Renames = Renames()
    definitions: Definitions = Definitions()
    deeds: Deeds = Deeds()
    reject: Names = ()

    def expand(self, pattern: str) -> str:
        """``pattern`` with each ``{fragments.NAME}`` replaced by that shared piece of regex (itself expanded:
        a fragment may be built of others), each ``{renames.translations}`` by the label words of a name in another
        language, and then each ``{legal_forms.GROUP}`` by that group's forms, so a piece several patterns need is
        written once; ValueError for an unknown fragment or group, or a fragment made of itself."""
        def expanded(text: str, within: tuple[str, ...]) -> str:
            def fragment(match: re.Match) -> str:
                name = match.group(1)
                if name in within:
                    raise ValueError(f"fragment '{name}' is made of itself ({' -> '.join((*within, name))})")
                try:
                    return expanded(self.fragments[name], (*within, name))
                except KeyError:
                    raise ValueError(f"unknown placeholder '{match.group(0)}': the fragments are "
                                     f"{', '.join(self.fragments) or 'none'}") from None

            return _FRAGMENT_PLACEHOLDER_RE.sub(fragment, text)

        translations = ("(?:" + "|".join(re.escape(word) for word in sorted(self.renames.translations, key=len,
                                                                           reverse=True)) + ")"
                        if self.renames.translations else "(?!)")
        return self.legal_forms.expand(expanded(pattern, ()).replace(_TRANSLATIONS_PLACEHOLDER, translations))


# --- the NER filter -------------------------------------------------------------------------------

class Appositives(Spec):
    """A kind of company joined to the name written right after it (新興企業であるPonyworksに): ``nouns``
    joined by one of ``links``, ``of_nouns`` also by one of ``of`` (their の seldom marks an owner), the
    name followed by one of ``name_ends``."""

    links: Words
    nouns: Words
    of: Words = ()
    of_nouns: Words = ()
    name_ends: Words


class NerFile(RuleFileSpec):
    """``rules/ner.yaml``: which GiNZA labels may be companies, and the words of the NER filters:
    ``company_context`` (words that show a sentence talks about a business), ``stop_words`` (names
    only GiNZA proposes that are never companies), ``person_cues`` / ``person_titles`` / ``person_names``
    (what makes a name a person's), ``context_particles`` (what may stand between a kanji name and a
    context word that shows it is a company: 北辰の株式), ``company_nouns`` (words for a kind of
    company, after which a name in brackets is a company's rather than a gloss of the word),
    ``appositives`` (a kind of company joined to the name written right after it: AI新興企業である
    Ponyworksに, AIスタートアップのQuillforgeは),
    ``organisation_endings`` / ``company_organisation_endings`` / ``organisation_words`` (what makes a
    name a ministry, agency, university or association, and the endings that do not) and
    ``thing_heads`` (last words that make a Latin name a product, programme, law or term) and
    ``kind_heads`` (last words that make a katakana name a kind of company, not its name) and
    ``company_list_headings`` (headings over a list of a company's group companies: ## 主要子会社)."""

    moved_keys: ClassVar[Mapping[str, str]] = {
        "company_suffixes": "'company_suffixes' is now legal_forms.ner_evidence in company_patterns.yaml "
                            "(one list of legal forms for every rule): move the words there",
    }

    company_labels: Words
    confirming_labels: Words
    company_context: Words
    stop_words: Words
    person_cues: Words
    person_titles: Words
    person_names: Names = ()
    context_particles: Words = ()
    company_nouns: Words = ()
    appositives: Appositives | None = None
    definition_particles: Words = ()
    definition_ends: Words = ()
    definition_kinds: Words = ()
    example_heads: Words = ()
    definition_not_kinds: Words = ()
    organisation_endings: Words = ()
    company_organisation_endings: Words = ()
    organisation_words: Words = ()
    thing_heads: Words = ()
    kind_heads: Words = ()
    company_list_headings: Words = ()


# --- money ---------------------------------------------------------------------------------------

CurrencyWords = Annotated[dict[IsoCode, Words], AfterValidator(_one_label_per_word)]


class CueSides(Spec):
    """Cue words before and after what they qualify (約 before, 以上 after)."""

    before: Words = ()
    after: Words = ()


class RangeSeparators(Spec):
    """What joins the two ends of a range: symbols (～) also join prefixed amounts ($1-2B); words (から) do not."""

    symbols: Words
    words: Words


def _low_below_high(span: tuple[float, float]) -> tuple[float, float]:
    if not span[0] < span[1]:
        raise ValueError("must be [low, high] with low < high")
    return span


def _known_locale(value: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(value)
    except (ValueError, UnknownLocaleError) as error:
        raise ValueError(f"'{value}' is not a locale CLDR knows (e.g. ja): {error}") from None
    return value


class CldrCurrencyNames(Spec):
    """Where the names of every ISO 4217 currency come from: CLDR, read with babel, in ``locale``.

    ``skip`` lists codes whose CLDR name is no currency word in prose (金 is XAU, 銀 is XAG; funds and
    test codes); ``space_written_as`` lists how posts write the space inside a CLDR name (スイス フラン
    as スイス フラン, スイス・フラン, スイスフラン). Every other code is also a word written after an amount (230NOK,
    50 CHF), but for ``codes_not_after``: codes that are also words after a number (4 PEN, 100ALL); and one written
    before an amount (CHF 120, NOK 230), but for those and ``codes_not_before``: codes that are also words or names
    before a number only (CAD 3, TRY 2)."""

    locale: Annotated[Word, AfterValidator(_known_locale)]
    skip: tuple[IsoCode, ...] = ()
    codes_not_after: tuple[IsoCode, ...] = ()
    codes_not_before: tuple[IsoCode, ...] = ()
    space_written_as: tuple[str, ...]


#: How many of a minor unit make one main unit (100 セント to the dollar, 10 角 to the yuan).
MinorUnitCount = Annotated[StrictInt, Field(gt=1)]


class MoneyFile(RuleFileSpec):
    """``rules/money.yaml``: currency words (CLDR's names plus the file's own spellings), minor units,
    scale words and qualifier cues."""

    cldr_currency_names: CldrCurrencyNames
    currencies: CurrencyWords
    currency_prefixes: CurrencyWords
    #: Prefixes that are also other marks (the backslash a Japanese font shows as ¥): read only
    #: before a number of two digits or more that nothing path-like surrounds.
    weak_currency_prefixes: Words
    #: Units below the main one, by currency: word -> how many make one main unit (2ドル3セント).
    minor_units: dict[IsoCode, dict[Word, MinorUnitCount]]
    #: Minor units that state an amount on their own (50セント): each must be a minor unit of its currency.
    minor_currencies: CurrencyWords
    weak_currencies: Words
    #: Currency word -> text right after it that makes it part of another word (2元配置, 3元系: not yuan).
    currency_word_compounds: dict[Word, Words] = {}
    measure_cues: dict[Word, Words] = {}
    #: Currency word -> units of a conversion in brackets after the amount making it a measure (1ポンド（約454グラム）).
    measure_glosses: dict[Word, Words] = {}
    #: Bare currency names several countries use (ペソ, クローナ): word -> {a country's name: its currency's code}.
    shared_currency_names: dict[Word, dict[Word, IsoCode]] = {}
    #: Currency words of one currency that another country's also bears: word -> {that country's name: its
    #: currency's code} (ディルハム is AED but for a sentence about モロッコ, MAD).
    other_countries: dict[Word, dict[Word, IsoCode]] = {}
    #: Signs written before an amount that make it negative, as financial statements write a loss (▲1,234百万円).
    negative_signs: Words = ()
    #: Labels a bare unit follows, which name no amount ((単位：百万円)).
    unit_labels: Words = ()
    #: Words right after an amount that make it the band of amounts it opens (3千円台: 3,000 to 4,000).
    band_words: Words = ()
    #: Text right after a band word that makes it part of another word (台湾, 台頭).
    not_band_after: Words = ()
    #: Currency words that also end words after a lone kanji digit (関東一円, 一元化).
    kanji_word_currencies: Words
    scale_words: dict[Word, PositiveNumber]
    qualifiers: dict[Literal["approx", "at_least", "at_most"], CueSides]
    #: After-cue -> the text one of which must follow it for it to count (1万円から始められる: from).
    cue_needs_before: dict[Word, Words] = {}
    #: After-cue -> text right after it that makes it no cue (5,870円まで下げた: the price reached it).
    cue_not_before: dict[Word, Words] = {}
    range_separators: RangeSeparators
    range_changes: Words
    exchange_rate_joiners: Words
    vague_numbers: dict[Word, Annotated[tuple[Number, Number], AfterValidator(_low_below_high)]]

    @model_validator(mode="after")
    def _words_refer_to_declared_ones(self) -> MoneyFile:
        for code, words in self.minor_currencies.items():
            for word in words:
                if word not in self.minor_units.get(code, {}):
                    raise ValueError(f"minor_currencies: '{word}' is not a minor unit of {code}: "
                                     f"list it under minor_units.{code}")
        prefixes = {word for words in self.currency_prefixes.values() for word in words}
        for word in self.weak_currency_prefixes:
            if word not in prefixes:
                raise ValueError(f"weak_currency_prefixes: '{word}' is not in currency_prefixes")
        suffixes = {word for table in (self.currencies, self.minor_currencies)
                    for words in table.values() for word in words}
        for key, table in (("currency_word_compounds", self.currency_word_compounds),
                           ("measure_cues", self.measure_cues), ("measure_glosses", self.measure_glosses)):
            for word in table:
                if word not in suffixes:
                    raise ValueError(f"{key}: '{word}' is not listed under currencies")
        after_cues = {word for sides in self.qualifiers.values() for word in sides.after}
        for key, table in (("cue_needs_before", self.cue_needs_before), ("cue_not_before", self.cue_not_before)):
            for word in table:
                if word not in after_cues:
                    raise ValueError(f"{key}: '{word}' is no after-cue of qualifiers")
        for word in self.other_countries:
            if word not in suffixes:
                raise ValueError(f"other_countries: '{word}' is not listed under currencies")
        for word in self.shared_currency_names:
            if word in suffixes:
                raise ValueError(f"shared_currency_names: '{word}' is also listed under currencies, for one currency")
        for word in (*self.weak_currencies, *self.kanji_word_currencies):
            if word not in suffixes:
                raise ValueError(f"'{word}' (weak_currencies / kanji_word_currencies) is in neither currencies "
                                 "nor minor_currencies")
        return self


class FxFile(RuleFileSpec):
    """``rules/fx.yaml``: units of each currency one US dollar bought, by year, for the currencies the
    European Central Bank's reference rates do not cover."""

    units_per_usd: dict[IsoCode, Annotated[dict[StrictInt, PositiveNumber], Field(min_length=1)]]


# --- dates ---------------------------------------------------------------------------------------

WordCounts = dict[Word, StrictInt]
UnitLetter = Literal["Y", "M", "W", "D", "H"]


def _single_characters(words: tuple[str, ...]) -> tuple[str, ...]:
    longer = [word for word in words if len(word) != 1]
    if longer:
        raise ValueError(f"must list single characters (they go into a fixed-width look-behind), not '{longer[0]}'")
    return words


def _character_class_body(value: str) -> str:
    try:
        re.compile(f"[0-9{value}]")
    except re.error as error:
        raise ValueError(f"not a regex character-class body: {error}") from None
    return value


class YearSpanWords(Spec):
    """Words that write a span of years (2021年から2023年にかけて): ``joints`` between the two years, ``ends``
    after the last, which make the two one span."""

    joints: Words
    ends: Words


class DatesFile(RuleFileSpec):
    """``rules/dates.yaml``: calendar, fiscal and duration words (see the file's comments for each)."""

    eras: WordCounts
    era_first_year: Words
    fiscal_year_start_month: Annotated[StrictInt, Field(ge=1, le=12)]
    relative_years: WordCounts
    #: Words naming a year counted from the last one the text stated -> offset in years (同年 -> 0, 翌年 -> 1).
    narrative_years: WordCounts = {}
    #: Text right after such a word that makes it another word (同年代, 同年齢).
    not_after_narrative_year: Words = ()
    relative_fiscal_years: WordCounts
    #: Words naming a day relative to the post's date -> offset in days (本日 -> 0).
    relative_days: WordCounts = {}
    relative_months: WordCounts
    #: Words naming a calendar quarter relative to the post's quarter -> offset in quarters (前四半期 -> -1).
    relative_quarters: WordCounts
    relative_directions: dict[Word, Literal[1, -1]]
    not_after_direction: Words
    period_mods: Annotated[dict[Literal["START", "MID", "END"], Words], AfterValidator(_one_label_per_word)]
    bound_mods: Annotated[dict[Literal["BEFORE", "AFTER"], Words], AfterValidator(_one_label_per_word)]
    half_years: Annotated[dict[Literal["H1", "H2"], Words], AfterValidator(_one_label_per_word)]
    #: Words that are a half of the year only right after a year (2025年前半 -> 2025-H1).
    year_halves: Annotated[dict[Literal["H1", "H2"], Words], AfterValidator(_one_label_per_word)] = {}
    #: Seasons -> TIMEX3 season codes (2024年夏 -> 2024-SU), and the words written right after one that make it
    #: part of another word (秋田, 春日, 春分).
    seasons: Annotated[dict[Literal["SP", "SU", "FA", "WI"], Words], AfterValidator(_one_label_per_word)] = {}
    not_after_season: Words = ()
    #: Words written right before a season naming it relative to the post's year -> offset in years (今夏, 昨秋, 来春).
    relative_season_prefixes: WordCounts = {}
    fiscal_suffixes: Words
    fiscal_prefixes: Words
    quarter_words: Words
    #: Text right after Q1 / 1Q written without a year that makes it a list label (Q1. / Q1: of a FAQ).
    not_after_quarter_code: Words
    #: Particles right after H1 / H2 written without a year that make it a half (H2に開設), not a heading level.
    half_code_alone_before: Words = ()
    duration_units: dict[Word, UnitLetter]
    offset_units: dict[Word, UnitLetter]
    half_unit_words: Words
    duration_mods: dict[Literal["APPROX", "LESS_THAN", "MORE_THAN"], CueSides]
    range_separators: Words
    range_words: Words = ()
    year_span_words: YearSpanWords | None = None
    not_dates: Words
    #: The word for the year written alone before a part of it (年末, 年初, 年後半): the post's own year.
    year_alone: Words = ()
    #: English month names -> month number (March 2026).
    english_months: dict[str, Annotated[int, Field(ge=1, le=12)]] = {}
    #: Words that place a date in the year only after year_alone (年初 -> START).
    year_alone_mods: Annotated[dict[Literal["START", "MID", "END"], Words], AfterValidator(_one_label_per_word)] = {}
    not_after: Words
    #: Words after a date that make it a comparison base (2024年同期): it gives no year to the dates after it.
    comparison_after: Words
    not_after_month: Words
    not_after_day: Words
    #: Text right after a day written without its month that makes it a day of the month the post is written in
    #: (A社は9日、…と発表した: a news dateline).
    day_alone_after: Words = ()
    #: Words after such a day in its sentence that make it a day still to come (20日に開く予定): the nearest one;
    #: without one, a day after the post's is of the month before (A社は28日、…と発表した).
    day_to_come: Words = ()
    per_day_counters: Words = ()
    per_day_leads: Words = ()
    #: Text right after a two-digit year alone (24年) that makes it a year of the post's century (24年に買収した).
    short_year_after: Words = ()
    #: Text right after such a year that makes it a span of years after all (20年にわたり, 20年になる).
    short_year_not_after: Words = ()
    #: Words right before a number of years that make it a span (過去20年に, 創業から30年に).
    short_year_not_before: Words = ()
    #: Bound words a date keeps across the event it dates, written with の between (2003年7月の設立以来: AFTER).
    event_bounds: Words = ()
    vague_numerals: Annotated[Words, AfterValidator(_single_characters)]
    not_before_year: Annotated[str, AfterValidator(_character_class_body)]


# --- relations -----------------------------------------------------------------------------------

class Roles(Spec):
    """The particle right after a company -> its role in the sentence (see partnerships.yaml); "example"
    (AやBといった) is a role of its own so that such companies are neither partners nor subjects."""

    partner: Words = ()
    target: Words = ()
    source: Words = ()
    subject: Words = ()
    object: Words = ()
    agent: Words = ()
    example: Words = ()
    of: Words = ()
    cleft: Words = ()
    via: Words = ()
    concerned: Words = ()
    compared: Words = ()
    venue: Words = ()

    @model_validator(mode="after")
    def _one_role_per_particle(self) -> Roles:
        _one_label_per_word(self.model_dump())
        return self


class StatusWords(Spec):
    """Words after a trigger that make its statement planned or ended (without one it is done)."""

    planned: Words
    ended: Words
    #: Ended words that also end a deal named in the clause before a contrast (…を目指していたが、協議は
    #: 打ち切られた); the others (しない, ていない) are about that clause alone.
    called_off: Words = ()
    #: Words in the trigger's clause that make a negation there a deal not made yet (両社はまだ契約を結んでいない,
    #: 合意はまだ確定していない): planned, not ended.
    not_yet: Words = ()

    @model_validator(mode="after")
    def _one_status_per_word(self) -> StatusWords:
        _one_label_per_word({"planned": self.planned, "ended": self.ended})
        if set(self.called_off) - set(self.ended):
            raise ValueError(f"called_off {sorted(set(self.called_off) - set(self.ended))} must also be ended words")
        return self


class StakePurchases(Spec):
    """Buying shares (AはBの株式を取得): share words, the words that begin with one and are none (株式会社),
    the verbs of acquiring them, and the words that make the stake controlling (全株式, 過半: an
    acquisition)."""

    shares: Words
    not_shares: Words = ()
    verbs: Words
    controlling: Words = ()


class RaisedMoney(Spec):
    """Money a company raises, written as an amount's currency and a phrase of raising (5億ドルを調達,
    50億ルピーを追加で調達, 1億ユーロの支援を確保): each currency before each phrase is an investment trigger of a
    funding round, and before each of ``company_party_phrases`` one whose party is always a company (Xが5億ドルを
    調達). PartnershipsFile adds them to its trigger lists."""

    currencies: Words
    phrases: Words
    company_party_phrases: Words = ()

    @model_validator(mode="after")
    def _party_phrases_are_phrases(self) -> RaisedMoney:
        if set(self.company_party_phrases) - set(self.phrases):
            raise ValueError(f"company_party_phrases {sorted(set(self.company_party_phrases) - set(self.phrases))} "
                             "must also be phrases")
        return self


class Bids(Spec):
    """Triggers of a bid for a company (TOB), planned until a word of the bid's success follows them."""

    triggers: Words
    done: Words
    #: Right after a bid, words making it the way the next deal in its clause is done (TOBで完全子会社化した).
    means: Words = ()


class OfferAnswers(Spec):
    """Words after an offer (a trigger with a proposal word: 買収提案) that answer it: the one answering is the
    company offered to; an acceptance makes the deal agreed."""

    accepted: Words
    refused: Words = ()


class Kin(Spec):
    """Words right before a company that name it as a subsidiary or parent (傘下のB, 親会社であるB): a noun of
    kinship, then a word joining it to the name."""

    nouns: Words
    joints: Words
    groups: Words = ()


class GroupCounts(Spec):
    """A count of the companies just named, as the actors (3社が): digits or a count word, a counter,
    a particle."""

    count_words: Words
    counters: Words
    #: Words after a counter that make the count approximate (10社前後が, 5社程度に).
    approximations: Words = ()
    #: Words in or right after a count that make each company act on its own (各社, 3社はそれぞれ).
    separately: Words = ()
    particles: Words
    #: Words after a name adding it to the companies named before, then their count (AとBは、Cを加えた3社で).
    added: Words = ()


class FundingRowsSpec(Spec):
    """A funding table's row (- X｜シリーズA｜12億円｜A、B): the separators of its cells, the words a cell naming
    a round opens with, and the words it may end in (シードラウンド)."""

    separators: Words
    round_words: Words
    round_endings: Words = ()


class UnnamedCompanies(Spec):
    """A company the text does not name (某企業は, 同業のスタートアップが)."""

    nouns: Words
    subject_particles: Words
    prefixes: Words
    not_topic: Words
    #: A company's capital as the subject before an investment (資本金は…で、Aが…を出資): it goes into that company.
    capital_nouns: Words = ()
    #: After a noun right before an investment trigger, particles that make that noun its receiver (LNG基地への
    #: 出資): where no company is named there, something else receives, not the text's topic.
    thing_receiver_particles: Words = ()


#: The relation types, as the partnerships table writes them.
RELATION_TYPES = ("partnership", "investment", "acquisition")


class EnglishCues(Spec):
    """English statements of deals, read by word order (see relations_english.py): trigger phrases by
    type, the funding phrases among them and the words naming a round's investors after them, the
    purchase phrases and the words that may follow what they buy, the deal nouns written after the company
    they are about, the words before a trigger that give its status, and the capitalised words that may
    describe a company before its name (Israeli of acquire Israeli startup Storix)."""

    triggers: Annotated[dict[Literal["partnership", "investment", "acquisition"], Words], Field(min_length=1),
                        AfterValidator(_one_label_per_word)]
    funding_triggers: Words = ()
    investor_markers: Words = ()
    passive_markers: Words = ()
    purchases: Words = ()
    stakes: Words = ()
    after_receiver: Words = ()
    receiver_before: Words = ()
    status_words: StatusWords
    done: Words = ()
    descriptors: Words = ()
    descriptor_endings: Words = ()
    attributions: Words = ()

    @model_validator(mode="after")
    def _funding_are_investments(self) -> EnglishCues:
        triggers = {str(kind): words for kind, words in self.triggers.items()}
        for key, words, kind in (("funding_triggers", self.funding_triggers, "investment"),
                                 ("purchases", self.purchases, "acquisition"),
                                 ("receiver_before", self.receiver_before, "acquisition")):
            missing = set(words) - set(triggers.get(kind, ()))
            if missing:
                raise ValueError(f"english.{key} {sorted(missing)} must also be english {kind} triggers")
        return self


class PartnershipsFile(RuleFileSpec):
    """``rules/partnerships.yaml``: relation triggers, status words, and the words that tell who takes part."""

    triggers: Annotated[dict[Literal["partnership", "investment", "acquisition"], Words], Field(min_length=1),
                        AfterValidator(_one_label_per_word)]
    not_triggers: Words = ()
    manner_triggers: Words = ()
    together_words: Words = ()
    talks_triggers: Words = ()
    funding_triggers: Words = ()
    raised_money: RaisedMoney | None = None
    contract_triggers: Words = ()
    company_party_triggers: Words = ()
    stake_purchases: StakePurchases | None = None
    join_words: Words = ()
    company_join_words: Words = ()
    round_words: Words = ()
    join_adverbs: Words = ()
    co_investor_words: Words = ()
    amount_measures: Words = ()
    round_investors: Words = ()
    investor_headings: Words = ()
    investor_kinds: Words = ()
    non_investors: Words = ()
    round_owner_verbs: Words = ()
    topic_receives: Words = ()
    founded_with: Words = ()
    subject_receives: Words = ()
    owner_receives: Words = ()
    mutual: Words = ()
    mergers: Words = ()
    sale_triggers: Words = ()
    stake_exits: Words = ()
    withdrawals: Words = ()
    relative_clause_ends: Words = ()
    counterparts: Words = ()
    trigger_appositives: Words = ()
    part_of: Words = ()
    deal_references: CueSides | None = None
    passive_markers: Words = ()
    status_words: StatusWords
    planned_endings: Words = ()
    purposes: Words = ()
    goals: Words = ()
    means_endings: Words = ()
    means_markers: Words = ()
    plans: Words = ()
    continuations: Words = ()
    reports: Words = ()
    bids: Bids | None = None
    denied_reports: Words = ()
    deal_changes: Words = ()
    problems: Words = ()
    undeniable: Words = ()
    #: A denial declined: the speaker keeps the deal open (可能性は否定しない), planned.
    left_open: Words = ()
    speculation: Words = ()
    absences: Words = ()
    conditions: Words = ()
    #: Right after a trigger, a time before or after the deal (合併後); of_deal right before it makes the deal
    #: one of the companies written before (AとBの統合後).
    deal_times: Words = ()
    of_deal: Words = ()
    alternatives: Words = ()
    contests: Words = ()
    rumours: Words = ()
    reader_investments: Words = ()
    same_company: Words = ()
    writer_company: Words = ()
    capital_alliances: Words = ()
    post_company: Words = ()
    other_side: Words = ()
    both_companies: Words = ()
    counted_companies: Words = ()
    first_of_two: Words = ()
    second_of_two: Words = ()
    report_sources: Words = ()
    #: Words right after a company that deny what the sentence says of it (AではなくBと提携): no party.
    denied_after: Words = ()
    markets: Words = ()
    listing_codes: Words = ()
    list_ends: Words = ()
    coordinators: Words
    paired_particles: Words = ()
    deal_measures: Words = ()
    deal_amount_labels: Words = ()
    parallel_marks: Words = ()
    roles: Roles
    kind_examples: Words = ()
    group_counts: GroupCounts
    name_suffixes: Words
    managed_funds: Words = ()
    units: Words = ()
    unit_verbs: Words = ()
    acting_arms: Words = ()
    arm_links: Words = ()
    sold_parts: Words = ()
    leaders: Words = ()
    not_name_suffixes: Words
    topic_particles: Words
    about_marks: Words = ()
    headline_marks: Words = ()
    headline_pair_joiners: Words = ()
    cleft_markers: Words = ()
    trigger_topics: Words = ()
    label_marks: Words = ()
    arrows: Words = ()
    spokespeople: Words = ()
    former_marks: Words = ()
    individuals: Words = ()
    people: Words = ()
    leading_clause_ends: Words = ()
    nominal_clause_ends: Words = ()
    commentators: Words = ()
    figures: Words = ()
    one_sided_triggers: Words = ()
    questions: Words = ()
    joint_triggers: Words = ()
    joint_investments: Words = ()
    joint_companies: Words = ()
    joint_overviews: Words = ()
    stake_splits: Words = ()
    concluded_with: Words = ()
    conjunct_starts: Words = ()
    proposals: Words = ()
    offer_answers: OfferAnswers | None = None
    kin: Kin | None = None
    integrations: Words = ()
    unnamed_companies: UnnamedCompanies
    describing_verbs: Words = ()
    funding_rows: FundingRowsSpec | None = None
    english: EnglishCues | None = None

    @model_validator(mode="before")
    @classmethod
    def _raised_money_triggers(cls, data: Any) -> Any:
        """Adds the triggers of money raised (raised_money: ドルを調達, ルピーを追加で調達) to the investment triggers,
        funding_triggers and company_party_triggers, so that one list of currencies and one of phrases stand for
        every combination (each checked as the rest of its list is, once the file is read)."""
        raised = data.get("raised_money") if isinstance(data, dict) else None
        if not isinstance(raised, dict) or not isinstance(data.get("triggers"), dict):
            return data
        currencies, phrases = raised.get("currencies") or [], raised.get("phrases") or []
        party_phrases = raised.get("company_party_phrases") or []
        if not (isinstance(currencies, list) and isinstance(phrases, list) and isinstance(party_phrases, list)):
            return data
        words = [f"{currency}{phrase}" for currency in currencies for phrase in phrases]
        party = [f"{currency}{phrase}" for currency in currencies for phrase in party_phrases]

        def added(key: Any, new: list[str]) -> list[Any]:
            old = list(key or [])
            return [*old, *(word for word in new if word not in old)]

        triggers = dict(data["triggers"])
        triggers["investment"] = added(triggers.get("investment"), words)
        return {**data, "triggers": triggers, "funding_triggers": added(data.get("funding_triggers"), words),
                "company_party_triggers": added(data.get("company_party_triggers"), party)}

    @model_validator(mode="after")
    def _subsets_are_triggers(self) -> PartnershipsFile:
        triggers = {str(kind): words for kind, words in self.triggers.items()}
        every_trigger = {word for words in triggers.values() for word in words}
        if set(self.counterparts) - every_trigger:
            raise ValueError(f"counterparts {sorted(set(self.counterparts) - every_trigger)} must also be triggers")
        subsets = {"manner_triggers": self.manner_triggers, "talks_triggers": self.talks_triggers,
                   "funding_triggers": self.funding_triggers,
                   "topic_receives": self.topic_receives,
                   "contract_triggers": self.contract_triggers, "owner_receives": self.owner_receives,
                   "sale_triggers": self.sale_triggers, "bids.triggers": self.bids.triggers if self.bids else (),
                   "integrations": self.integrations, "joint_triggers": self.joint_triggers}
        for key, kind in (("manner_triggers", "partnership"), ("talks_triggers", "partnership"),
                          ("integrations", "partnership"), ("joint_triggers", "partnership"),
                          ("funding_triggers", "investment"),
                          ("topic_receives", "investment"), ("contract_triggers", "partnership"),
                          ("bids.triggers", "acquisition"), ("owner_receives", "investment"),
                          ("sale_triggers", "acquisition")):
            missing = set(subsets[key]) - set(triggers.get(kind, ()))
            if missing:
                raise ValueError(f"{key} {sorted(missing)} must also be {kind} triggers")
        unended = [word for word in self.joint_investments
                   if not word.endswith(tuple(triggers.get("investment", ())))]
        if unended:
            raise ValueError(f"joint_investments {sorted(unended)} must each end in an investment trigger")
        untargeted = set(self.unnamed_companies.thing_receiver_particles) - set(self.roles.target)
        if untargeted:
            raise ValueError(f"unnamed_companies.thing_receiver_particles {sorted(untargeted)} must also be "
                             "roles.target particles")
        unopened = [word for word in self.stake_splits
                    if not word.startswith(tuple(triggers.get("investment", ())))]
        if unopened:
            raise ValueError(f"stake_splits {sorted(unopened)} must each begin with an investment trigger")
        if set(self.company_join_words) - set(self.join_words):
            raise ValueError(f"company_join_words {sorted(set(self.company_join_words) - set(self.join_words))} "
                             "must also be join_words")
        if set(self.one_sided_triggers) - set(self.contract_triggers):
            raise ValueError(f"one_sided_triggers {sorted(set(self.one_sided_triggers) - set(self.contract_triggers))} "
                             "must also be contract_triggers")
        not_triggers = set(self.company_party_triggers) - {word for words in triggers.values() for word in words}
        if not_triggers:
            raise ValueError(f"company_party_triggers {sorted(not_triggers)} must also be triggers")
        if set(self.kind_examples) - set(self.roles.example):
            raise ValueError(f"kind_examples {sorted(set(self.kind_examples) - set(self.roles.example))} "
                             "must also be roles.example particles")
        return self


#: The model of each kind of rule file, by the name the stage registry knows it by.
SPECS: Mapping[str, type[RuleFileSpec]] = {
    "companies": CompaniesFile,
    "chips": ChipsFile,
    "products": ProductsFile,
    "company_patterns": CompanyPatternsFile,
    "ner": NerFile,
    "money": MoneyFile,
    "fx": FxFile,
    "dates": DatesFile,
    "partnerships": PartnershipsFile,
}
