"""Company mentions from the gazetteer and from pattern rules, normalized to company ids.

Every alias of a company (AWS, アマゾン ウェブ サービス, Amazon Web Services)
maps to one ``company_id``; names that also mean something else (MS, X, Wiz)
count only where the post names the company otherwise, a company suffix
follows (or a Japanese legal form comes first: 株式会社カゴメ), the sentence
writes the name as a party of a deal (Wizを買収), or lists it right beside a
company (Novartis、BMS). A product named after its maker (Google Cloud,
Microsoft 365) is not a company, but its maker's name in it is: posts write
"Google Cloud" where they mean Google the actor; and a product written as an
actor on its own (AzureはOpenAIと提携) stands for the maker products.yaml gives
it. Companies no list names are found by the regexes of
``company_patterns.yaml`` (株式会社X, X社, X Inc. ...) and get an id derived
from their normalized name, the same in every post.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.errors import PostError
from extract.match import AliasEntry, AliasHit, AliasIndex
from extract.models import CompanyMention, Sentence, Token, by_sentence
from extract.names import (DERIVED_ID_PREFIX, HOLDING_WORDS, abbreviates, company_key, derived_company_id,
                           holding_short_forms, listed_name_key)
from extract.normalize.alternation import any_word
from extract.normalize.company_deeds import CompanyDeeds
from extract.normalize.company_patterns import (KATAKANA_GLUED_RE, CompanyPattern, NameBoundsWords, NameReader,
                                                SentenceWords, compile_company_patterns)
from extract.ner import examples_of_companies_re
from extract.normalize.party_slots import PartySlots
from extract.overlaps import first_come, inside, overlaps
from extract.rules import CompanyRule, RuleSet, clipped
from extract.tokenize import is_country_name, is_personal_name

if TYPE_CHECKING:  # the regex module is imported where patterns are compiled (company_patterns.py)
    import regex

#: Longest one company pattern may search one sentence, in seconds. A sentence is at most a few
#: thousand characters, which a sane pattern scans in well under a millisecond; only a pattern
#: that backtracks exponentially gets anywhere near this, and without a limit it never finishes.
PATTERN_TIMEOUT_SECONDS = 1.0

_ALIAS, _CONTEXT, _BLOCKED = "alias", "context", "blocked"
#: Capitalised words of an investing arm's own name between its parent's name and its arm word.
_ARM_NAME_WORDS = 2
#: The rule id of a product's maker found where the product acts (products.yaml's makers).
_MAKER_RULE = "products.maker"
#: The rule id of a short name the post writes for a listed company it named in full (大和 after 大和証券グループ本社).
_SHORT_FORM_RULE = "company.short_form"
#: A word in Japanese script (kanji or katakana, two characters or more): a short form that may shorten a longer
#: name (Latin short names are words of their own: GS, not a prefix of Goldman Sachs), or a place's name written
#: before a listed one (函館毎日新聞社).
_JAPANESE_WORD_RE = re.compile("[一-龯々ァ-ヺー]{2,}")
#: What ends a word of its own: a particle, punctuation or a space (大和は; not 阪急うめだ本店).
_WORD_ENDS_RE = re.compile(r"[はがのをにへともでや、。，,．）)」』\s]|$")
#: The rule id of a company's former name written beside its current one (company_patterns.yaml's renames).
_FORMER_NAME_RULE = "company.former_name"
#: Characters in the bracket after a name before its name in another language (its reading: おおつきせいさくしょ、).
_GLOSS_LEAD = 40
#: The rule id of an operating company's name that a post writes as the short form of its holding company's
#: (テレビ東京 beside テレビ東京ホールディングス).
_PARENT_SHORT_FORM_RULE = "company.parent_short_form"
#: The rule id of the arm investing for a listed company, named after it (BP Ventures).
_ARM_RULE = "company.arm"
_SPACES_RE = re.compile(r"\s+")
#: An opening bracket right before a name, and a ticker right after it closing the bracket (GlobalFoundries
#: (NYSE: GFS), Toyota（東証: 7203）): the name is the exchange the ticker trades on.
_BRACKET_OPEN_RE = re.compile(r"[（(]\s?$")
_TICKER_AFTER_RE = re.compile(r"\s?[:：]\s?(?P<code>[A-Z0-9][A-Z0-9.]{0,7})\s?[)）]")
#: A letter of a name: kana, kanji or Latin (a name of digits and stops alone is a list's number).
_LETTER_RE = re.compile(r"[ぁ-ゖァ-ヺ一-龯々A-Za-zＡ-Ｚａ-ｚ]")
#: The middle dot that joins the words of a katakana name (ハドソン・リッジ) or, between names, lists them.
_MIDDLE_DOT = "・"
#: What continues a name into a longer word or name: a kanji, katakana or Latin character, or a space
#: and a capitalised word.
_NAME_GOES_ON_RE = re.compile(r"[一-龯々〆ヵヶァ-ヺーA-Za-z0-9]| [A-Z]")
#: Latin words only, as the rest of a longer name after a listed one (Global of OpenAI Global).
_LATIN_WORDS_RE = re.compile(r"[A-Za-z0-9 .,&'\-]+")
#: Capitalised Latin words and the space before a name, which make a longer Latin name of it.
_LATIN_LEAD_RE = re.compile(r"(?:[A-Z][A-Za-z0-9&'\-]* )+")
#: One Latin word after a space, the rest of a listed name written out in full (Industry of Luxshare Precision
#: Industry).
_ONE_LATIN_WORD_RE = re.compile(r" [A-Za-z0-9.&'\-]+")
#: What ends a longer word or name right before a name: a Latin character, perhaps with a space (Face ID).
_GLUED_BEFORE_RE = re.compile(r"[A-Za-z0-9] ?$")
#: A kanji or katakana character of a Japanese name, and how many may stand between a company's name and the
#: word ending a place named after it (東横 of 東急東横線).
_NAME_CHAR = "[一-龯々〆ヵヶァ-ヺー]"
#: What may stand between a name and the word ending a place named after it (ノキア・アリーナ), and how much.
_PLACE_GAP_CHAR = "[一-龯々〆ヵヶァ-ヺー・]"
_PLACE_GAP = 4
#: A kanji of a place's name, and how many a venue's name may end in (京セラドーム大阪).
_KANJI_CHAR = "[一-龯々ヶ]"
_PLACE_AFTER_VENUE = 3
#: A word written all in katakana (a venue's word: スタジアム, ドーム).
_KATAKANA_WORD_RE = re.compile("[ァ-ヺー・]+")
#: A name all in kanji, and one all in katakana (without a middle dot): the two halves of a person's name.
_KANJI_RE = re.compile(f"{_KANJI_CHAR}+")
_KATAKANA_NAME_RE = re.compile("[ァ-ヺー]+")
#: A name written in Latin letters or katakana only (イオン, Uber): one listed as an example of a kind of company.
_LATIN_OR_KATAKANA_RE = re.compile(r"[A-Za-z0-9ァ-ヺー・.&\- ]+")
#: The word a group of companies is named with after its company's name (ネビウス・グループ).
_GROUP_WORD = "グループ"
#: A Latin name glued to Latin letters or digits before it, or to letters after it: a piece of a longer word (X of
#: MI300X); digits after a name are Japanese text's next word (OpenAI1000億ドル調達), but a hyphen and a number make
#: a model's or a band's name (AWS-4帯, X-2 rocket).
_LATIN_GLUED_BEFORE_RE = re.compile(r"[A-Za-z0-9]$")
_LATIN_GLUED_AFTER_RE = re.compile(r"[A-Za-z]|-[0-9]")
#: A katakana name joined to another by ＝, as Japanese writes a foreign person's double name
#: (マイク・キャノン＝ブルックス).
_DOUBLE_NAME_BEFORE_RE = re.compile(r"[ァ-ヺー][＝=]$")
_DOUBLE_NAME_AFTER_RE = re.compile(r"[＝=][ァ-ヺ]")
#: A word character right before a name: the name is the end of a longer word there (水素イオン).
_WORD_BEFORE_RE = re.compile(r"[一-龯々〆ヵヶぁ-ゖァ-ヺーA-Za-z0-9]$")
#: A company's subject in news: the name, a topic or subject particle, the day of the month and a comma (イオンは28日、
#: …と発表した), as newspapers open a report on what a company did; or the subject of what it says in quotes
#: (イオンは「決まったことはない」としている).
_NEWS_SUBJECT_RE = re.compile(r"[はが](?:[0-9０-９]{1,2}|[一二三]?十?[一二三四五六七八九]?)日[、，,]"
                              r"|は「[^「」]{1,80}」と")


class CompanyRecognizer:
    """Finds company mentions in a post's sentences using the rule set."""

    def __init__(self, rules: RuleSet) -> None:
        self._companies: Mapping[str, CompanyRule] = {c.id: c for c in rules.companies}
        names: list[tuple[str, AliasEntry]] = []
        for company in rules.companies:
            rule_id = f"gazetteer:{company.id}"
            # A name listed as a context alias (Nova, NICE) needs context even where it is the canonical name.
            names += [(alias, AliasEntry(company.id, _ALIAS, rule_id)) for alias in (company.name, *company.aliases)
                      if alias not in company.context_aliases]
            names += [(alias, AliasEntry(company.id, _CONTEXT, rule_id)) for alias in company.context_aliases]
        names += [(word, AliasEntry("", _BLOCKED, "products")) for word in (*rules.products, *rules.not_companies)]
        # みちのりHD for みちのりホールディングス, where no entry lists that name (the first listed name wins)
        names += [(short, AliasEntry(company.id, _ALIAS, f"gazetteer:{company.id}")) for company in rules.companies
                  for alias in (company.name, *company.aliases) if alias not in company.context_aliases
                  for short in holding_short_forms(alias)]
        self._index = AliasIndex(names, listed_name_key)
        self._company_index = AliasIndex([(name, entry) for name, entry in names if entry.kind == _ALIAS],
                                         listed_name_key)
        self._blocked = {company_key(word) for word in (*rules.products, *rules.not_companies,
                                                         *rules.pattern_rejects)}
        self._known = {company_key(name): entry.target for name, entry in names if entry.kind == _ALIAS}
        #: The context aliases as listed: one written with its middle dots left out is no hit (a common noun).
        self._context_spellings = frozenset(company_key(name) for name, entry in names if entry.kind == _CONTEXT)
        #: Names that are never companies (products, generic nouns, rejected pattern names).
        self.blocked_names = frozenset(self._blocked)
        #: The names of products and services (products.yaml's products).
        self.product_names = frozenset(company_key(word) for word in rules.products)
        #: Every listed company name, context aliases included.
        self.listed_names = frozenset(company_key(name) for name, entry in names if entry.kind != _BLOCKED)
        #: The listed names that are a company only in context (Pilot, Wiz).
        self.context_names = self.listed_names - frozenset(self._known)
        self._patterns = compile_company_patterns(rules.company_patterns)
        #: The patterns whose context marks where a name starts (新会社「TDK SensEI」): the whole is one name.
        self._start_marked = frozenset(pattern.id for pattern in self._patterns if pattern.start_marked)
        forms = rules.legal_forms
        self._reader = NameReader(NameBoundsWords(
            forms=forms.japanese, before=rules.name_bounds.before, after=rules.name_bounds.after,
            followers=(*forms.japanese, *forms.company_words, *rules.name_bounds.after),
            generic=frozenset(company_key(word) for word in (*rules.products, *rules.not_companies,
                                                             *rules.ner.stop_words)),
            openers=frozenset(rules.name_bounds.openers), sector_words=forms.sector_words,
            kinds=frozenset(rules.name_bounds.kinds), places=frozenset(rules.name_bounds.place_words),
            departments=frozenset(rules.name_bounds.departments), countries=frozenset(rules.name_bounds.countries),
            closing_after=frozenset(rules.name_bounds.closing_after), regions=frozenset(rules.name_bounds.regions),
            investor_words=frozenset(rules.name_bounds.investor_words)))
        #: A former name written before its current one (東洋工業（現マツダ）) and after it (マツダ（旧東洋工業）),
        #: read as a pattern's name is; built in code from renames, the words of company_patterns.yaml.
        self._former_before, self._former_after, self._translated = _rename_patterns(rules)
        #: What goes on from a short name into the full one it shortens (大和|証券グループ本社, 阪急|電鉄).
        self._company_tails = tuple(word for word in (*forms.sector_words, *forms.company_words, *forms.japanese)
                                    if not word.isascii())
        #: Words after a name that still name the same company (社, グループ, Inc.), not another one.
        self._same_company_forms = frozenset(company_key(word) for word in (
            *forms.japanese, *forms.latin, *forms.company_words, *forms.after_context_alias))
        #: Company words in katakana (グループ, ホールディングス): glued to a name, they go on with the company.
        self._katakana_company_words = tuple(word for word in (*forms.company_words, *forms.after_context_alias)
                                             if _KATAKANA_NAME_RE.fullmatch(word))
        #: A legal form written right before a name (株式会社X, （株）X) or right after it (X株式会社, X Inc.,
        #: X, Ltd.): part of what is written, so of the mention's surface, though not of the company's name.
        self._form_before_re = re.compile(rf"{any_word(forms.japanese)} ?$")
        self._form_after_re = re.compile(rf" ?{any_word(forms.japanese)}|,? {any_word(forms.latin)}\.?(?![A-Za-z0-9])")
        #: Words after a listed name that make another company, the arm investing for it (BP Ventures), maybe
        #: with a capitalised word or two of its own name before them (Volvo Group Venture Capital); not a fund
        #: numbered after them (Bridgepoint Development Capital V, a fund of the listed firm).
        self._arm_re = (re.compile(rf"(?: [A-Z][A-Za-z]+){{0,{_ARM_NAME_WORDS}}} {any_word(forms.arm_words)}"
                                   r"(?![A-Za-z0-9]| (?:[IVX]+|[0-9]+)\b)") if forms.arm_words else None)
        #: Legal forms written after a Latin name (Inc, Co., Ltd), which a context alias may also be (SE of SAP SE).
        self._latin_forms = tuple(forms.latin)
        #: Legal forms that, right after a context alias, make it the company (MS社).
        self._context_forms = rules.legal_forms.after_context_alias
        #: Nouns of a company's own kin (partnerships.yaml kin.nouns): right after a context alias they make it the
        #: company (イオン傘下のウエルシア, トヨタ子会社).
        kin = rules.partnerships.kin
        self._kin_nouns = tuple(kin.nouns) if kin is not None else ()
        #: Words that make the company before them lead a group (partnerships.yaml leaders: JIPを中心とする連合).
        self._leader_words = tuple(rules.partnerships.leaders)
        #: Words after a company that make it the source of a report (partnerships.yaml report_sources): after a
        #: context alias, they make it the company, the outlet (Bloombergが報じた).
        self._report_sources = tuple(rules.partnerships.report_sources)
        #: Words that begin like a form and are none (ゼロ社会, MS社長).
        self._not_forms = rules.partnerships.not_name_suffixes
        #: Japanese legal forms that, right before a context alias, make it the company (株式会社カゴメ).
        self._leading_forms = rules.legal_forms.japanese
        #: Countries that do too where the alias is a whole word (米GM; not 印AIデータセンター).
        self._countries = rules.name_bounds.countries
        #: Nouns for a company (partnerships.yaml unnamed_companies.nouns) that do too, with or without の
        #: (データベース企業Neon, スタートアップのPilot).
        nouns = rules.partnerships.unnamed_companies.nouns
        self._company_nouns = (*nouns, *(f"{noun}{of}" for noun in nouns for of in rules.partnerships.roles.of))
        #: After a name, the rest of a list of examples of a kind of company (イオンなどの総合スーパー).
        self._examples_of_companies = examples_of_companies_re(
            rules.ner.example_heads, rules.partnerships.coordinators, rules.partnerships.roles.example)
        #: What only a company does (company_patterns.yaml's deeds): a context alias written doing it is the company.
        self.deeds = CompanyDeeds(rules.deeds, rules.name_bounds.countries)
        #: Where a sentence writes a name as a party of a deal, which also makes a context alias the company.
        self.party_slots = PartySlots(rules.partnerships, rules.name_bounds.before,
                                      countries=rules.name_bounds.countries, legal_forms=rules.legal_forms)
        #: The maker of each product a post may write as an actor (AzureはOpenAIと提携), and where it acts.
        self._makers = {company_key(product): maker for product, maker in rules.product_makers.items()}
        self._actor_slots = PartySlots(rules.partnerships, rules.name_bounds.before, every_trigger=True,
                                       legal_forms=rules.legal_forms)
        bounds = rules.name_bounds
        #: The katakana words of name_bounds.before, which a name may be glued to (航空機メーカーボーイング).
        self._katakana_before = tuple(word for word in bounds.before if _KATAKANA_WORD_RE.fullmatch(word))
        #: The words news writes right before any name (米, 旧, 同, 子会社): no part of a longer one.
        self._words_before = tuple(bounds.before)
        #: The countries whose name before a listed one and a legal form after it make a unit (日本AMD株式会社).
        self._unit_countries = frozenset(bounds.unit_countries)
        self._japanese_forms = tuple(rules.legal_forms.japanese)
        #: Right before a name, a legal form of a body that is no company (一般社団法人共同通信社).
        self._non_company_form_re = (re.compile(f"(?:{any_word(bounds.non_company_forms)})\\s*$")
                                     if bounds.non_company_forms else None)
        #: Right after a name, the rest of a place, body or event named after it (日立市, 東急東横線, トヨタ財団,
        #: ノキア・アリーナ, リクルート事件); a venue written in katakana may end in the place it stands in
        #: (京セラドーム大阪, パナソニックスタジアム吹田).
        venues = [word for word in bounds.place_words if _KATAKANA_WORD_RE.fullmatch(word)]
        others = [word for word in bounds.place_words if word not in venues]
        ends = [any_word(others)] if others else []
        if venues:
            ends.append(f"{any_word(venues)}{_KANJI_CHAR}{{0,{_PLACE_AFTER_VENUE}}}")
        self._place_after_re = (re.compile(f"{_PLACE_GAP_CHAR}{{0,{_PLACE_GAP}}}?(?:{'|'.join(ends)})(?!{_NAME_CHAR})")
                                if ends else None)
        #: The trades a company's name ends in (百貨店, 書店) and its parts (本店, 支店): what is written after a name
        #: and ends in one is no place named after it.
        self._not_places = (*rules.legal_forms.sector_words, *bounds.after)
        #: The same words ending a name no list holds, but for one-character ones, which end names too (田園都市,
        #: 田中洋品店), unless only the place in brackets after it vouches for the name (岐阜店（岐阜市）,
        #: 日立市（茨城県）) and it ends in no trade (百貨店).
        whole = [word for word in bounds.place_words if len(word) > 1]
        self._place_end_re = re.compile(f"{any_word(whole)}$") if whole else None
        letters = [word for word in bounds.place_words if len(word) == 1]
        self._place_letter_end_re = re.compile(f"{any_word(letters)}$") if letters else None
        #: Last words of a plant (造船所, 製鉄所), which no company's name written right after another's ends in.
        self._plant_words = tuple(bounds.plant_words)
        #: What joins two names of one list (A、B, AとB, A、そしてB: partnerships.yaml's coordinators).
        self._list_joint_re = re.compile(rf"(?:\s*{any_word(rules.partnerships.coordinators)}\s*){{1,2}}")

    def find(self, sentences: Sequence[Sentence], tokens: Sequence[Sequence[Token]]) -> list[CompanyMention]:
        """Company mentions of one post, in body order; ``tokens[i]`` are the tokens of ``sentences[i]``."""
        body_text = {s.sentence_id: s for s in sentences}
        hits = [hit for sentence, sentence_tokens in zip(sentences, tokens)
                for hit in self._hits(sentence, sentence_tokens)]
        candidates = _read_as_named_whole(self._pattern_candidates(sentences, tokens, hits), body_text)
        # 東京海上日動システムズ, みずほ信託銀行: a longer name a pattern finds over a listed one is another
        # company, where that name stands (no earlier pattern match overlapping it wins)
        candidates_in = by_sentence(candidates)
        kept = first_come(candidates, taken=[hit for hit in hits if hit.entry.kind != _BLOCKED
                                             and not self._lengthened(hit, candidates_in, body_text)])
        kept_by_sentence = by_sentence(kept)
        hits = [hit if hit.entry.kind == _BLOCKED else self._written_out(hit, candidates_in, body_text)
                for hit in hits
                if hit.entry.kind == _BLOCKED or not self._lengthened(hit, kept_by_sentence, body_text)]
        named = {hit.entry.target for hit in hits if hit.entry.kind == _ALIAS}
        mentions = []
        for hit in hits:
            shortened = (self._shortened_from(hit, hits, body_text[hit.sentence_id]) if hit.entry.kind == _CONTEXT
                         else None)
            if shortened is not None:
                # 大和証券グループ本社, then 大和: the post shortens the company it named, whatever other company
                # a list gives that short name to (rule company.short_form)
                mentions.append(self._mention(hit, shortened.entry.target, _SHORT_FORM_RULE))
                continue
            if hit.entry.kind == _BLOCKED:
                maker = self._makers.get(company_key(hit.surface))
                if maker is not None and self._acts(hit, hits, body_text[hit.sentence_id]):
                    mentions.append(self._mention(hit, maker, _MAKER_RULE))
                continue
            # a context alias is the company where the post names it otherwise, the sentence shows it, or a
            # pattern reads that very name as a company's (ケンウッドへ社名を変更)
            if hit.entry.kind == _CONTEXT and not (
                    hit.entry.target in named or self._in_context(body_text[hit.sentence_id], hit, hits)
                    or any((c.start, c.end) == (hit.start, hit.end) for c in candidates_in.get(hit.sentence_id, ()))):
                continue
            # (nor where a katakana word goes on from it: AIデータ of AIデータセンター is no AIデータ社, ニチレイ of
            # ニチレイフーズ is another company)
            if self._goes_on_in_katakana(body_text[hit.sentence_id], hit, hits) or _ends_a_dotted_name(
                    body_text[hit.sentence_id], hit):
                continue
            mentions.append(self._arm_of(hit, body_text[hit.sentence_id]) or self._mention(hit))
        # where two accepted pattern matches overlap, the earlier sentence, then pattern, then match wins
        mentions += first_come(candidates, taken=[hit for hit in hits if hit.entry.kind != _BLOCKED])
        mentions = [m for m in mentions if not self._names_another_body(body_text[m.sentence_id], m)
                    and not _names_a_listing(body_text[m.sentence_id], m)]
        # 三菱重工業長崎造船所: a plant written right after its company is no company of its own
        starts = {(m.sentence_id, m.end) for m in mentions}
        mentions = [m for m in mentions if not (m.company_id.startswith(DERIVED_ID_PREFIX)
                                                and m.surface.endswith(self._plant_words)
                                                and (m.sentence_id, m.start) in starts)]
        return sorted(_parents_short_forms(self._with_former_names(mentions, sentences, tokens)),
                      key=lambda m: (m.start, m.end))

    def _shortened_from(self, hit: AliasHit, hits: Sequence[AliasHit], sentence: Sentence) -> AliasHit | None:
        """The listed name written earlier in the post that a context alias in Japanese script begins, followed
        by a sector word, company word or legal form (大和 of 大和証券グループ本社, 阪急 of 阪急電鉄; not スクウェア
        of スクウェア・エニックス, a merger, nor イオン of イオンモール), which the alias, written as a word of its own
        (大和は; not 阪急うめだ本店, 埼玉西武ライオンズ), shortens; None if there is none."""
        start, end = hit.start - sentence.start, hit.end - sentence.start
        if (not _JAPANESE_WORD_RE.fullmatch(hit.surface) or _WORD_BEFORE_RE.search(sentence.text, 0, start)
                or not _WORD_ENDS_RE.match(sentence.text, end)):
            return None
        return next((other for other in hits if other.entry.kind == _ALIAS and other.end <= hit.start
                     and other.entry.target != hit.entry.target and other.surface.startswith(hit.surface)
                     and other.surface[len(hit.surface):].startswith(self._company_tails)), None)

    def _goes_on_in_katakana(self, sentence: Sentence, hit: AliasHit, hits: Sequence[AliasHit]) -> bool:
        """Whether a katakana word other than a company word is glued to the end of a name ending in katakana
        (AIデータセンター; not AIデータグループ), or, after a name that needs context, written after it with a
        middle dot where no listed name starts (ハドソン・リッジ・アドバイザーズ, a longer name; not トヨタ・ホンダ, a
        list) and no product named after it is written (グーグル・クラウド)."""
        end = hit.end - sentence.start
        if not hit.surface or _KATAKANA_NAME_RE.fullmatch(hit.surface[-1]) is None:
            return False
        if sentence.text.startswith(_MIDDLE_DOT, end):
            if hit.entry.kind != _CONTEXT:
                return False  # マルチ・スズキ・インディア: a listed name goes on into its own unit's or full name
            after = end + len(_MIDDLE_DOT)
            # (a product named after its maker is the maker's: グーグル・クラウド)
            return (_KATAKANA_NAME_RE.match(sentence.text, after) is not None
                    and not sentence.text.startswith(self._katakana_company_words, after)
                    and not any(other.sentence_id == hit.sentence_id
                                and (other.start == sentence.start + after
                                     or other.start <= hit.start and other.end > hit.end) for other in hits))
        return (_KATAKANA_NAME_RE.match(sentence.text, end) is not None
                and not sentence.text.startswith(self._katakana_company_words, end))

    def written_with_legal_forms(self, mentions: Sequence[CompanyMention],
                                 sentences: Sequence[Sentence]) -> list[CompanyMention]:
        """The mentions with the legal form written next to each name taken into its span (株式会社ペイリンク,
        田宮商事合資会社, Alphabet Inc.): the surface is the company as the text writes it, as NER benchmarks
        mark it; the name and id stay those of the company. A form another mention stands on is left out."""
        by_id = {sentence.sentence_id: sentence for sentence in sentences}
        taken = by_sentence(mentions)
        result = []
        for mention in mentions:
            sentence = by_id[mention.sentence_id]
            text, offset = sentence.text, sentence.start
            before = self._form_before_re.search(text, 0, mention.start - offset)
            after = self._form_after_re.match(text, mention.end - offset)
            start = offset + before.start() if before else mention.start
            end = offset + after.end() if after else mention.end
            if any((other.start, other.end) != (mention.start, mention.end) and other.start < end and start < other.end
                   for other in taken[mention.sentence_id]):
                start, end = mention.start, mention.end
            if (start, end) != (mention.start, mention.end):
                mention = replace(mention, start=start, end=end, surface=text[start - offset:end - offset])
            result.append(mention)
        return result

    def _names_another_body(self, sentence: Sentence, mention: CompanyMention) -> bool:
        """The name is part of the name of a body that is no company: a non-profit's after its legal form
        (一般社団法人共同通信社), or a place, line, facility, school, body or event named after the company (日立市,
        東急東横線, 日産スタジアム, トヨタ財団, リクルート事件); or, for a name no list holds, it ends as such a body's
        (北斗工業高等専門学校)."""
        start, end = mention.start - sentence.start, mention.end - sentence.start
        # 日立工業専修学校として設立: a name no list holds that ends as such a body's is that body's
        derived = mention.company_id.startswith(DERIVED_ID_PREFIX)
        # (not one written with its legal form: 株式会社ハルカゼパーク is a company whatever its last word)
        formal = (self._form_before_re.search(sentence.text, 0, start) is not None
                  or self._form_after_re.match(sentence.text, end) is not None)
        own_place = (derived and not formal and self._place_end_re is not None
                     and bool(self._place_end_re.search(mention.surface)))
        # (姫路店（姫路市）: a store named by a one-letter place word, vouched for only by the place after it)
        if derived and not own_place and self._place_letter_end_re is not None \
                and self._place_letter_end_re.search(mention.surface) is not None \
                and not mention.surface.endswith(self._not_places) and sentence.text.startswith(("（", "("), end) \
                and self._form_before_re.search(sentence.text, 0, start) is None:
            own_place = True
        # (not a company's trade that ends like a place, 東急百貨店, nor its own part, 東急百貨店本店,
        # みずほ銀行渋谷支店: 伊勢丹新宿店 is a store)
        place = self._place_after_re.match(sentence.text, end) if self._place_after_re is not None else None
        return (self._non_company_form_re is not None
                and self._non_company_form_re.search(sentence.text, 0, start) is not None
                or place is not None and not sentence.text.endswith(self._not_places, 0, place.end())
                or own_place)

    def _with_former_names(self, mentions: list[CompanyMention], sentences: Sequence[Sentence],
                           tokens: Sequence[Sequence[Token]]) -> list[CompanyMention]:
        """``mentions`` and the former names written in brackets beside a found company (東洋工業（現マツダ）,
        マツダ（旧東洋工業）): the same company, under the name the text used then (rule company.former_name);
        a pattern's unknown company of that very name (東洋工業 by its sector word) becomes it."""
        patterns = [pattern for pattern in (self._former_before, self._former_after, self._translated)
                    if pattern is not None]
        if not patterns:
            return mentions
        named_in = by_sentence(mentions)
        found: list[CompanyMention] = []
        renamed: list[CompanyMention] = []
        for sentence, sentence_tokens in zip(sentences, tokens):
            named = named_in.get(sentence.sentence_id, [])
            if not named or not any(bracket in sentence.text for bracket in "（("):
                continue
            words = SentenceWords.of(sentence, sentence_tokens)
            for pattern in patterns:
                for match in _pattern_matches(pattern, sentence):
                    # The current name fills the bracket (not Microsoft of Office 365（現Microsoft 365）), or the
                    # bracket follows it, perhaps after its legal form (十勝電気鉄道株式会社（英: …）).
                    current = next((m for m in named if m.start - sentence.start == match.end()
                                    and sentence.text.startswith(("）", ")"), m.end - sentence.start)
                                    or m.end - sentence.start <= match.start()
                                    and sentence.text[m.end - sentence.start: match.start()]
                                    in ("", *self._leading_forms)), None)
                    fitted = self._reader.fit(pattern, match, words) if current is not None else None
                    if current is None or fitted is None:
                        continue
                    name = sentence.text[fitted[0]:fitted[1]]
                    start, end = sentence.start + fitted[0], sentence.start + fitted[1]
                    # (the listed company's own name and a legal form, not more words: Paramount Pictures
                    # Corporation is no Paramount)
                    listed = next((m for m in named if start <= m.start and m.end <= end
                                   and not m.company_id.startswith(DERIVED_ID_PREFIX)
                                   and m.surface.lower().startswith(m.name.lower())
                                   and (len(m.surface) == len(m.name)
                                        or self._form_after_re.fullmatch(m.surface, len(m.name)))), None)
                    if listed is not None and current.company_id.startswith(DERIVED_ID_PREFIX):
                        # **サン・ファーマシューティカル・インダストリーズ**（英：Sun Pharmaceutical Industries Ltd.）:
                        # a name no list holds, glossed with a listed one, is the listed company
                        found.append(replace(current, company_id=listed.company_id, name=listed.name))
                        renamed.append(current)
                        continue
                    former = replace(current, start=start, end=end, surface=name, rule_id=_FORMER_NAME_RULE,
                                     source="rule")
                    # (a pattern's unknown company inside it, its legal form left out, is it: Otsuki Seisakusho of
                    # 英: Otsuki Seisakusho Co., Ltd.; and so is the current company's listed name: Sony of
                    # ソニー株式会社（英語：Sony Corporation）)
                    inside = [m for m in named if former.start <= m.start and m.end <= former.end
                              and (m.company_id.startswith(DERIVED_ID_PREFIX) or m.company_id == current.company_id)]
                    if len(inside) == 1:
                        former = replace(former, start=inside[0].start, end=inside[0].end, surface=inside[0].surface)
                        name = inside[0].surface
                    # (and a listed name inside a longer former name: 朝日放送 of 北海道朝日放送（現・テレビ朝日）)
                    same = [m for m in named if (m.start, m.end) == (former.start, former.end)
                            and m.company_id.startswith(DERIVED_ID_PREFIX)
                            or former.start <= m.start and m.end <= former.end and m.end - m.start < len(name)]
                    if not (company_key(name) in self._blocked or company_key(name) == company_key(current.surface)
                            or any(overlaps(m, former) for m in (*named, *found) if m not in same)):
                        found.append(former)
                        renamed += same
        return [*(m for m in mentions if m not in renamed), *found]

    def _lengthened(self, hit: AliasHit, candidates: Mapping[int, Sequence[CompanyMention]],
                    sentences: Mapping[int, Sentence]) -> bool:
        """Whether one of a pattern's ``candidates`` (by sentence id) is a longer name over the listed ``hit``
        (``_lengthens``)."""
        return any(self._lengthens(candidate, hit, sentences[hit.sentence_id])
                   for candidate in candidates.get(hit.sentence_id, ()))

    def _lengthens(self, candidate: CompanyMention, hit: AliasHit, sentence: Sentence) -> bool:
        """Whether a pattern's name holds a listed name and goes on past it with more than a word that names
        the same company (東京海上日動システムズ over 東京海上日動, HyperVault AI Data Centre over AI Data;
        not NVIDIAグループ over NVIDIA), or opens with a proper noun of a city or region before it (函館毎日新聞社 over
        毎日新聞社): a group company, a bank of a group or a place's paper is a company of its own. A listed
        name that only Latin words follow (OpenAI Global, DeepL Japan) is still the company: posts write a
        company's own unit where they mean it (but for its arm, BP Ventures: ``_arm_of``), save its unit in Japan
        written with 日本 and a Japanese legal form (日本AMD株式会社: name_bounds.unit_countries) and a name whose
        context marks where it starts (新会社「TDK SensEI」)."""
        if candidate.sentence_id == hit.sentence_id and candidate.start < hit.start and hit.end == candidate.end:
            # (not for the words news puts before any name, 米, 旧, 同, nor for a country: 中国アリババ集団 is Alibaba)
            lead = sentence.text[candidate.start - sentence.start:hit.start - sentence.start]
            if lead in self._unit_countries:  # 日本AMD株式会社: AMD's unit in Japan
                return sentence.text.startswith(self._japanese_forms, hit.end - sentence.start)
            # (or a capitalised Latin word before a Latin name: Formosa Digital Holdings Co., Ltd. is no Digital
            # Holdings)
            latin_lead = _LATIN_LEAD_RE.fullmatch(lead) is not None and hit.surface.isascii()
            return latin_lead or (not lead.endswith(self._words_before)
                                  and _JAPANESE_WORD_RE.fullmatch(lead) is not None and not is_country_name(lead))
        if not (candidate.sentence_id == hit.sentence_id and candidate.start <= hit.start
                and hit.end < candidate.end):
            return False
        rest = sentence.text[hit.end - sentence.start:candidate.end - sentence.start].strip(" 　・.")
        # (a name needing context gives way to a longer Latin name: RBC of RBC Capital Markets; and so does any
        # listed name to a name whose context marks where it starts, 新会社「TDK SensEI」, and a Latin one to a Japanese
        # legal form before or after it, which writes a company's whole legal name: 株式会社KPMG FAS, Zephyr Japan合同
        # 会社; not 株式会社東京証券取引所JASDAQ, a market of the exchange)
        if candidate.start == hit.start and _LATIN_WORDS_RE.fullmatch(rest) and hit.entry.kind != _CONTEXT \
                and candidate.rule_id not in self._start_marked \
                and not (hit.surface.isascii() and self._in_japanese_form(sentence, candidate)):
            return False
        # (株式会社MSホールディングス: a Japanese legal form writes the whole name, which a name needing context
        # only begins)
        return (company_key(rest) not in self._same_company_forms
                or hit.entry.kind == _CONTEXT and self._in_japanese_form(sentence, candidate))

    def _in_japanese_form(self, sentence: Sentence, mention: CompanyMention) -> bool:
        """Whether a Japanese legal form is written right before or right after the name (株式会社X, X合同会社)."""
        before = sentence.text[:mention.start - sentence.start].rstrip(" 　")
        after = sentence.text[mention.end - sentence.start:].lstrip(" 　")
        return before.endswith(self._japanese_forms) or after.startswith(self._japanese_forms)

    def _written_out(self, hit: AliasHit, candidates: Mapping[int, Sequence[CompanyMention]],
                     sentences: Mapping[int, Sentence]) -> AliasHit:
        """The listed ``hit`` reaching to the end of the longest pattern name that starts with it, adds one
        Latin word and has a Latin legal form after it (Luxshare Precision Industry of Luxshare Precision
        Industry Co., Ltd., OpenAI Global of OpenAI Global, LLC): the company written out in full, so that what
        follows the whole name (its legal form, its particle) is read as the company's. Not an arm named after
        it (Adobe Ventures), nor a longer name of another company that begins with it (Reliance Enterprise
        Intelligence Limited)."""
        sentence = sentences[hit.sentence_id]
        ends = [candidate.end for candidate in candidates.get(hit.sentence_id, ())
                if candidate.start == hit.start and candidate.end > hit.end
                and _ONE_LATIN_WORD_RE.fullmatch(sentence.text[hit.end - sentence.start:candidate.end - sentence.start])
                and _followed_by_form(sentence, candidate.end, self._latin_forms, ())]
        if not ends:
            return hit
        end = max(ends)
        return replace(hit, end=end, surface=sentence.text[hit.start - sentence.start:end - sentence.start])

    def _in_context(self, sentence: Sentence, hit: AliasHit, hits: Sequence[AliasHit]) -> bool:
        """Whether the sentence shows that a context alias is the company: a legal form follows it (MS社) or a
        Japanese one, a country or a noun for a company comes right before it (株式会社カゴメ, 米GM, データベース企業
        Neon; 米アルファベット傘下: a noun of its kin may follow), it is written as a party or subject of a deal
        (Wizを買収, Wiz、Xと提携, GMが出資するCruise, Wiz acquired by Google), named as a round's investor (リードは
        Sequoiaで) or as the subject of a news dateline or of a quote (イオンは28日、…と発表した, イオンは「…」として
        いる) or of a report (Bloombergが報じた: the outlet), a noun of its kin or a word making it lead a group
        follows it (イオン傘下の, JIPを中心とする), the sentence writes it doing what only
        a company does (SNKは、…に設立された; 開発はハドソン: company_patterns.yaml's deeds), or it is listed right
        beside a company (Novartis、BMS、そして…) in ``hits``, the post's listed names, or, in Latin letters or
        katakana, listed as an example of a kind of company (イオンなどの総合スーパー; not 光通信などの企業, a field);
        never when it is a Latin legal
        form written after a name (SE of SAP SE)."""
        if hit.surface in self._latin_forms and _LATIN_NAME_BEFORE_RE.search(sentence.text, 0,
                                                                             hit.start - sentence.start):
            return False
        return (_followed_by_form(sentence, hit.end, self._context_forms, self._not_forms)
                or sentence.text.startswith(self._report_sources, hit.end - sentence.start)
                or _preceded_by_form(sentence, hit.start, self._leading_forms)
                or (_preceded_by_form(sentence, hit.start, self._countries)
                    or _preceded_by_form(sentence, hit.start, self._company_nouns))
                and (_NAME_GOES_ON_RE.match(sentence.text, hit.end - sentence.start) is None
                     or sentence.text.startswith(self._kin_nouns, hit.end - sentence.start))
                or self.party_slots.holds_party(sentence, hit.end)
                or self.party_slots.is_modified(sentence, hit.start, hit.end)
                or self.party_slots.holds_subject(sentence, hit.start, hit.end)
                or self.party_slots.holds_english_party(sentence, hit.start, hit.end)
                or self.party_slots.follows_an_investor_noun(sentence, hit.start)
                and _NAME_GOES_ON_RE.match(sentence.text, hit.end - sentence.start) is None
                or _WORD_BEFORE_RE.search(sentence.text, 0, hit.start - sentence.start) is None and (
                    _NEWS_SUBJECT_RE.match(sentence.text, hit.end - sentence.start) is not None
                    or sentence.text.startswith((*self._kin_nouns, *self._leader_words), hit.end - sentence.start))
                or self.deeds.vouches(sentence, hit.start, hit.end)
                or self._examples_of_companies is not None and _LATIN_OR_KATAKANA_RE.fullmatch(hit.surface)
                and self._examples_of_companies.match(sentence.text, hit.end - sentence.start) is not None
                and _NAME_GOES_ON_RE.match(sentence.text, hit.end - sentence.start) is None
                or any(self._listed_together(sentence, hit, other) for other in hits
                       if other.entry.kind == _ALIAS and other.sentence_id == hit.sentence_id))

    def _listed_together(self, sentence: Sentence, alias: AliasHit, company: AliasHit) -> bool:
        """Whether a context alias is listed right beside a company (Novartis、BMS; BMSとNovartis), written as
        a whole name: not glued to a longer word (X of MI300X, AIデータ of AIデータ分析) nor next to another
        Latin word (Square of Square Peg, ID of Face ID)."""
        left, right = (alias, company) if alias.end <= company.start else (company, alias)
        text, start, end = sentence.text, alias.start - sentence.start, alias.end - sentence.start
        return (left.end <= right.start and not _NAME_GOES_ON_RE.match(text, end)
                and not _GLUED_BEFORE_RE.search(text, max(0, start - 2), start)
                and self._list_joint_re.fullmatch(text, left.end - sentence.start, right.start - sentence.start)
                is not None)

    def _acts(self, product: AliasHit, hits: Sequence[AliasHit], sentence: Sentence) -> bool:
        """Whether a product with a listed maker acts for it here: no listed name is written over it
        (Microsoft of Microsoft Azure is found already), it does not end a longer name (Copilot of Siemens
        Industrial Copilot), it is the subject of a sentence holding a trigger, and another listed company is
        named in it (AzureはOpenAIとの連携を深めた; AやBとの提携も、Claudeが…), the other party."""
        return (not any(overlaps(product, hit) for hit in hits if hit.entry.kind != _BLOCKED)
                and _GLUED_BEFORE_RE.search(sentence.text, 0, product.start - sentence.start) is None
                and any(hit.entry.kind == _ALIAS and hit.sentence_id == product.sentence_id
                        and not overlaps(product, hit) for hit in hits)
                and self._actor_slots.holds_subject(sentence, product.start, product.end))

    def _hits(self, sentence: Sentence, tokens: Sequence[Token]) -> list[AliasHit]:
        """Listed names in a sentence, plus the maker named at the start of a listed product (Microsoft of
        Microsoft Azure; not 西鉄 of the team 西鉄ライオンズ); not a name ending a longer katakana word (アーム of
        カーゴアーム; but 航空機メーカーボーイング, after a kind of company) or glued into a longer Latin one (X of
        MI300X), nor one that is part of a person's name (出光佐三, ヘンリー・フォード, キャノン of
        マイク・キャノン＝ブルックス)."""
        hits = []
        starting = {token.start: token for token in tokens}
        ending = {token.end: token for token in tokens}
        for hit in self._index.find(sentence, tokens):
            # (ソフトウェアサービス, a common noun, is no ソフトウェア・サービス: only a plain alias's dots may go)
            if hit.entry.kind == _CONTEXT and company_key(hit.surface) not in self._context_spellings:
                continue
            start = hit.start - sentence.start
            glued = (start and KATAKANA_GLUED_RE.match(sentence.text, start - 1)
                     and not sentence.text.endswith(self._katakana_before, 0, start))
            if hit.entry.kind != _BLOCKED and (glued
                                                or _glued_or_double(sentence.text, start, hit.end - sentence.start,
                                                                    hit.surface)
                                                or _in_personal_name(hit, starting, ending)):
                continue
            hits.append(hit)
            # (a product's, not a team's or a body's: 西鉄ライオンズ names no 西鉄)
            if hit.entry.kind == _BLOCKED and company_key(hit.surface) in self.product_names:
                hits += [maker for maker in self._company_index.find(sentence, inside(tokens, hit))[:1]
                         if maker.start == hit.start and maker.end < hit.end]
        return hits

    def _arm_of(self, hit: AliasHit, sentence: Sentence) -> CompanyMention | None:
        """The arm investing for the listed company a Latin hit names, where an arm word follows it (BP Ventures,
        Adobe Ventures): a company of its own, the listed one its parent (rule company.arm); None where no arm
        word follows. (An arm the gazetteer lists is its own entry: Intel Capital.)"""
        if self._arm_re is None or not hit.surface.isascii():
            return None
        arm = self._arm_re.match(sentence.text, hit.end - sentence.start)
        if arm is None:
            return None
        surface = sentence.text[hit.start - sentence.start:arm.end()]
        key = company_key(surface)
        return CompanyMention(sentence_id=hit.sentence_id, start=hit.start, end=sentence.start + arm.end(),
                              surface=surface, rule_id=_ARM_RULE, company_id=derived_company_id(key), name=key,
                              parent_id=hit.entry.target, source="rule")

    def _mention(self, hit: AliasHit, company_id: str | None = None, rule_id: str | None = None) -> CompanyMention:
        """The company a hit names: the listed company of its alias, or ``company_id`` (a product's maker)."""
        company = self._companies[company_id or hit.entry.target]
        return CompanyMention(sentence_id=hit.sentence_id, start=hit.start, end=hit.end, surface=hit.surface,
                              rule_id=rule_id or hit.entry.rule_id, company_id=company.id, name=company.name,
                              parent_id=company.parent, source="rule")

    def _pattern_candidates(self, sentences: Sequence[Sentence], tokens: Sequence[Sequence[Token]],
                            hits: Sequence[AliasHit]) -> list[CompanyMention]:
        """Companies found by pattern rules, each match fitted to the sentence's MeCab words
        (``NameReader``), in sentence, pattern and match order, overlapping one another and the listed
        names still. A stop-listed word drops a match it overlaps unless it lies within the name:
        株式会社ゼファー研究所 holds the generic 研究所, and is still a company."""
        candidates: list[CompanyMention] = []
        blocked = [hit for hit in hits if hit.entry.kind == _BLOCKED]
        listed: dict[int, list[int]] = {}  # sentence id -> where listed names start
        for hit in hits:
            if hit.entry.kind == _ALIAS:
                listed.setdefault(hit.sentence_id, []).append(hit.start)
        for sentence, sentence_tokens in zip(sentences, tokens):
            words: SentenceWords | None = None
            for pattern in self._patterns:
                for match in _pattern_matches(pattern, sentence):
                    words = words or SentenceWords.of(sentence, sentence_tokens, listed.get(sentence.sentence_id, ()))
                    fitted = self._reader.fit(pattern, match, words)
                    if fitted is None:
                        continue
                    start, end = fitted
                    mention = self._pattern_mention(sentence, sentence.text[start:end], sentence.start + start,
                                                    sentence.start + end, pattern.id)
                    if mention is not None and not any(_spoils(hit, mention) for hit in blocked):
                        candidates.append(mention)
        return candidates

    def _pattern_mention(self, sentence: Sentence, name: str, start: int, end: int,
                         rule_id: str) -> CompanyMention | None:
        """Check a pattern's candidate name and make it a mention, or reject it."""
        key = company_key(name)
        if not key or key in self._blocked or not _LETTER_RE.search(name):
            return None  # 2. of a numbered list before 株式会社X: no name
        known = self._known.get(key)
        if known is None and name.endswith(_GROUP_WORD):
            # ネビウス・グループ: a group named after a listed company is that company
            known = self._known.get(company_key(name.removesuffix(_GROUP_WORD).rstrip("・")))
        if known is not None:
            company = self._companies[known]
            return CompanyMention(sentence_id=sentence.sentence_id, start=start, end=end, surface=name,
                                  rule_id=rule_id, company_id=company.id, name=company.name,
                                  parent_id=company.parent, source="rule")
        return CompanyMention(sentence_id=sentence.sentence_id, start=start, end=end, surface=name, rule_id=rule_id,
                              company_id=derived_company_id(key), name=key, parent_id=None, source="rule")


def _read_as_named_whole(candidates: Sequence[CompanyMention],
                         sentences: Mapping[int, Sentence]) -> list[CompanyMention]:
    """``candidates`` with each name that the words before it lengthen into a name another candidate of the post
    holds whole read as that name (会社名　東洋ミナロジ株式会社 is 東洋ミナロジ where the post's opening wrote
    東洋ミナロジ株式会社（本社：…）, though 東洋 alone reads as an everyday word): a post writes one company's name
    one way."""
    whole: dict[str, CompanyMention] = {}  # a name -> the first candidate holding it, longest names first
    for candidate in sorted(candidates, key=lambda c: len(c.surface), reverse=True):
        whole.setdefault(candidate.surface, candidate)
    read: list[CompanyMention] = []
    for candidate in candidates:
        sentence = sentences[candidate.sentence_id]
        before = sentence.text[:candidate.start - sentence.start]
        twin = next((named for name, named in whole.items() if len(name) > len(candidate.surface)
                     and name.endswith(candidate.surface)
                     and before.endswith(name[:len(name) - len(candidate.surface)])), None)
        if twin is not None:
            candidate = replace(candidate, start=candidate.end - len(twin.surface), surface=twin.surface,
                                company_id=twin.company_id, name=twin.name, parent_id=twin.parent_id)
        read.append(candidate)
    return read


def _names_a_listing(sentence: Sentence, mention: CompanyMention) -> bool:
    """The name is an exchange written with a company's ticker in the brackets after that company
    (GlobalFoundries (NYSE: GFS)): where its shares trade, no mention of the exchange. Not a name glossed with
    its own abbreviation (（Intel Foundry Services: IFS）)."""
    start, end = mention.start - sentence.start, mention.end - sentence.start
    ticker = _TICKER_AFTER_RE.match(sentence.text, end)
    return (_BRACKET_OPEN_RE.search(sentence.text, 0, start) is not None and ticker is not None
            and not abbreviates(ticker.group("code"), mention.surface))


def _ends_a_dotted_name(sentence: Sentence, hit: AliasHit) -> bool:
    """Whether a listed name read with a middle dot in it is the end of a longer name written in katakana words
    joined by middle dots (バイ・エル of ヨツバ・バイ・エル is no バイエル)."""
    start = hit.start - sentence.start
    return (_MIDDLE_DOT in hit.surface and sentence.text.endswith(_MIDDLE_DOT, 0, start)
            and _KATAKANA_NAME_RE.fullmatch(sentence.text[start - 2: start - 1]) is not None)


def _parents_short_forms(mentions: list[CompanyMention]) -> list[CompanyMention]:
    """``mentions``, where a post names a holding company and writes the name its own name begins with before
    ホールディングス or HD, which is the name of the operating company it owns (テレビ東京ホールディングス, then
    テレビ東京), with that name given the holding company: the post shortens the holding company's name, as news
    does. (Not a group's name: ソフトバンク beside ソフトバンクグループ is the operating company.)"""
    named = {m.company_id: m for m in mentions}
    result = []
    for mention in mentions:
        parent = named.get(mention.parent_id) if mention.parent_id else None
        if parent is not None and any(other.company_id == parent.company_id
                                      and other.surface.removeprefix(mention.surface).strip(" ・") in HOLDING_WORDS
                                      for other in mentions):
            mention = replace(mention, company_id=parent.company_id, name=parent.name, parent_id=parent.parent_id,
                              rule_id=_PARENT_SHORT_FORM_RULE)
        result.append(mention)
    return result


def _rename_patterns(rules: RuleSet) -> tuple[CompanyPattern | None, CompanyPattern | None, CompanyPattern | None]:
    """The patterns of a former name before a company's current one (X（現 ending where the current name
    starts) and after it (（旧X） starting where the current name ends), and of its name in another language in
    the bracket after it (（えっくす、英: X Co., Ltd.） starting where the name ends, maybe after bold markup; or
    with no label right after the bold name an article opens on: **ヴィンクラー**（Winkler GmbH）);
    None for one without words."""
    import regex

    renames, name, brackets = rules.renames, r"[^\s、。，,（）()「」『』]{1,30}", ("（", "(")
    before = (CompanyPattern(_FORMER_NAME_RULE, regex.compile(
        rf"(?P<name>{name})(?P<form>[（(]{any_word(renames.current)})"), "company_patterns.yaml", 0, brackets)
        if renames.current else None)
    after = (CompanyPattern(_FORMER_NAME_RULE, regex.compile(
        rf"[（(]{any_word(renames.former)}(?P<name>{name})(?=[）)])"), "company_patterns.yaml", 0, brackets)
        if renames.former else None)
    translated = (CompanyPattern(_FORMER_NAME_RULE, regex.compile(
        rf"(?:(?:\*\*|__)?[（(][^（）()]{{0,{_GLOSS_LEAD}}}?{any_word(renames.translations)}[:：]\s*"
        # (or with no label, opening the bracket right after the bold name an article opens on: **ヴィンクラー**
        # （Winkler GmbH）は, in Latin letters only; no colon, which a label or a ticker would have: （NASDAQ: XYLO）;
        # no Japanese, which a description would have: **ミナト電機**（Zephyrとの合弁会社）)
        rf"(?P<name>[A-Za-z][^（）()、。]{{0,60}}?)"
        rf"|(?:\*\*|__)[（(](?P<name>[A-Za-z][A-Za-zÀ-ÖØ-öø-ÿ0-9 .,&'’\-]{{0,60}}?))"
        # (more may follow it in the brackets: 英: Hokuto Acoustics Co., Ltd.、略称: HA)
        rf"(?=[）)、])"), "company_patterns.yaml", 0, brackets)
        if renames.translations else None)
    return before, after, translated


def _pattern_matches(pattern: CompanyPattern, sentence: Sentence) -> list[regex.Match]:
    """Every match of a company pattern in one sentence, searched for at most
    ``PATTERN_TIMEOUT_SECONDS``: a pattern that takes longer fails the post with a ``PostError``
    naming the rule, its file and line (the batch goes on), where it would otherwise never finish.
    A sentence without any of the pattern's required literals is skipped unsearched (most are, and
    a regex call with a timeout costs far more than a substring test), and so is one holding a word
    of the pattern's ``not_in_sentences_with``.

    The error's ``source_path`` is left empty for the caller to fill in: the recognizer sees
    sentences, not the post's file.
    """
    if pattern.literal_re is not None and pattern.literal_re.search(sentence.text) is None:
        return []
    if any(word in sentence.text for word in pattern.not_in_sentences_with):
        return []
    try:
        return list(pattern.regex.finditer(sentence.text, timeout=PATTERN_TIMEOUT_SECONDS))
    except TimeoutError as exc:
        raise PostError("", "companies", "rule_timeout",
                        f"company pattern '{clipped(pattern.id)}' ({pattern.file}:{pattern.line}) took over "
                        f"{PATTERN_TIMEOUT_SECONDS:g} s on sentence {sentence.sentence_id}: simplify the regex "
                        "(a repeat whose body can match the same text in several ways, such as (a|aa)+, "
                        "backtracks exponentially)") from exc


#: A Latin name and the comma or space a Latin legal form is written after (SAP SE, Acme, Inc.).
_LATIN_NAME_BEFORE_RE = re.compile(r"[A-Za-z0-9.&)],? $")


def _spoils(blocked: AliasHit, mention: CompanyMention) -> bool:
    """Whether a stop-listed word drops a pattern's name: it overlaps the name and does not lie wholly
    within it (Google Cloud over Cloud社 does; 研究所 within ゼファー研究所 does not)."""
    return overlaps(blocked, mention) and not (mention.start <= blocked.start and blocked.end <= mention.end
                                               and blocked.end - blocked.start < mention.end - mention.start)


def _preceded_by_form(sentence: Sentence, start: int, forms: tuple[str, ...]) -> bool:
    """Whether one of ``forms`` (株式会社, (株) ...) comes right before the name at body offset ``start``."""
    return sentence.text[:start - sentence.start].rstrip(" 　").endswith(forms)


def _followed_by_form(sentence: Sentence, end: int, forms: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether one of ``forms`` (社, 株式会社, Inc ...) follows the name at body offset ``end``, and not as the
    start of one of ``words`` (社会, 社長: partnerships.yaml's not_name_suffixes)."""
    rest = sentence.text[end - sentence.start:].lstrip(" .,")
    return rest.startswith(forms) and not rest.startswith(words)


def _glued_or_double(text: str, start: int, end: int, surface: str) -> bool:
    """Whether the name at [start, end) of ``text`` is glued into a longer Latin word (X of MI300X, AWS of AWS-4) or
    joined by ＝ to another katakana name, as a foreign person's double name is written (キャノン of
    キャノン＝ブルックス)."""
    if surface[:1].isascii() and surface[:1].isalnum() and _LATIN_GLUED_BEFORE_RE.search(text, 0, start):
        return True
    if surface[-1:].isascii() and surface[-1:].isalnum() and _LATIN_GLUED_AFTER_RE.match(text, end):
        return True
    return bool(_KATAKANA_NAME_RE.fullmatch(surface)) and (
        _DOUBLE_NAME_BEFORE_RE.search(text, 0, start) is not None or _DOUBLE_NAME_AFTER_RE.match(text, end) is not None)


def _in_personal_name(hit: AliasHit, starting: Mapping[int, Token], ending: Mapping[int, Token]) -> bool:
    """Whether a listed name is part of a person's name: a kanji family name with the given name right after it
    (出光佐三, 兼松房治郎), or a katakana family name after a given name and a middle dot (ヘンリー・フォード), as
    MeCab reads the word next to it (``starting`` and ``ending``: the sentence's tokens by where they start and
    end)."""
    after = starting.get(hit.end)
    if (after is not None and _KANJI_RE.fullmatch(hit.surface) and _KANJI_RE.fullmatch(after.surface)
            and after.pos == "名詞-固有名詞" and is_personal_name(after.surface)):
        return True
    dot = ending.get(hit.start)
    given = ending.get(dot.start) if dot is not None and dot.surface == "・" else None
    return (given is not None and _KATAKANA_NAME_RE.fullmatch(given.surface) is not None
            and _KATAKANA_NAME_RE.fullmatch(hit.surface) is not None and is_personal_name(given.surface))
