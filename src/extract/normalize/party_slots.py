"""Where a sentence names a company as a party of a deal (Xを買収, Xとの提携, Xに出資).

The trigger words whose parties are always companies (partnerships.yaml's
``company_party_triggers``) vouch for the name written as their party: news
writes a startup's or a target's bare name there (Google、Wizを買収へ) where a
list cannot hold every name, and where the name alone (Wiz, Lambda) is too
ambiguous to be trusted anywhere. The company recognizer reads these slots to
confirm a listed name that needs context, and the NER resolver to take a name
no list holds. The words all come from partnerships.yaml; only the shape of a
slot (a particle, then a few words without a clause break, then the trigger)
is here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.models import Sentence
from extract.normalize.alternation import any_word
from extract.normalize.funding_rows import FundingRows
from extract.normalize.numerals import SEPARATING_COMMA
from extract.rules.schema import LegalForms, PartnershipsFile

#: The source a digest line names before its headline (Publickey | ).
SOURCE_LABEL = r"[A-Za-z][A-Za-z0-9.' -]{0,30}\s[|｜](?=\s)"
#: The marks news digests put before an item's headline (■, ◆, ▶, ②), as a regex character-class body.
DIGEST_MARKS = "■□◆◇●○▶▷▼◎①-⑳"
#: Markup that may open a headline or digest line before its first company: spaces, list marks and
#: numbers (1., 2）, (3)), digest marks, heading marks, a link title's bracket, a bracketed label or source and
#: date (【速報】, [日経 2025/7/17], ［Bloomberg］), a headline's opening bracket (【東宝、…を子会社化】), bold, an
#: opening quote.
HEADLINE_MARKUP = (rf"(?:\s|[-*+#>・{DIGEST_MARKS}※|｜―—–[]|\d{{1,3}}[.)）．]|[(（]\d{{1,3}}[)）]|【[^】]{{0,30}}】|【"
                   r"|\[[^\]\n]{0,30}\](?!\()|［[^］\n]{0,30}］|[「『]"
                   # a digest line's date (10/3, 10月3日, 2025年10月3日, 10/15（水）) or source (Publickey | ) before it
                   rf"|(?:\d{{4}}[年/／])?\d{{1,2}}[月/／]\d{{1,2}}日?(?:[（(][月火水木金土日][）)]|(?=[\s｜|―—–]))"
                   rf"|{SOURCE_LABEL})")
#: What may not stand between a party's particle and its trigger (words may: Xを約50億ドルで買収,
#: Xとの戦略的提携): a clause break, a quote, a Latin word (the name of another party) or a particle
#: that starts another role, but for the を of what the trigger acts on right before it.
_NOT_IN_GAP = "A-Za-zＡ-Ｚａ-ｚ。．！？!?、，,をがはも「」『』()（）\n"
#: Another party's name between an agent and the trigger (XによるZephyr Labsの買収): Latin words or katakana.
_OTHER_NAME = r"(?:[A-Z][A-Za-z0-9.&\-]*(?: [A-Za-z0-9.&\-]+){0,3}|[ァ-ヺ][ァ-ヺー・]*)"
#: What ends a clause before a headline's trigger: its subject's mark then lists names, not a deal.
#: (not an amount's thousands separator: Xolo、5億7,500万ドルを調達)
_CLAUSE_BREAK_RE = re.compile(f"[、。！？!?\n]|{SEPARATING_COMMA}")
#: A plain English word (or amount) between an English trigger phrase and its party, and how many may stand
#: there (Google has agreed to acquire Wiz; acquires cloud security startup Wiz).
_ENGLISH_WORD = r"[A-Za-z0-9$€£¥%.'’\-]+"
_ENGLISH_GAP = 5
#: Three English words in a row: a sentence without them holds no English deal phrase with a name.
_ENGLISH_RUN_RE = re.compile(r"[A-Za-z$][A-Za-z0-9$.,'’\-]* [A-Za-z0-9$][A-Za-z0-9$.,'’\-]* [A-Za-z0-9$]")
#: A katakana or Latin word glued right after a name: the name is the first part of a compound noun.
_GLUED_NOUN_RE = re.compile(r"[ァ-ヺーA-Za-z]")
#: Characters before a name within which an English trigger phrase may write it as its party.
_ENGLISH_BEFORE = 80
#: Kanji of a kind of company between a country and a name (米投資銀行グリーンヒル, 韓国半導体大手X).
_KIND_CHARS = 6
#: A description of a company written before its name and joined to it with の (米アクティビストのエリオット,
#: 米AI検索のPerplexity): a few words, no break and no particle (not 欧州発のAI企業との).
DESCRIPTION = r"[^、。,，!！?？\s「」『』()（）【】:：|｜*のとはがをにでもや]{2,12}?"
#: Characters of the rest of a trigger's noun phrase before its topic particle (提携強化は).
TRIGGER_PHRASE_REST = 6
#: Characters a party's particle may be separated from its trigger by.
_FAR = 25
#: Characters allowed between a name and its trigger with only の or no particle between (Xの買収,
#: Xの戦略的提携, Nuvia買収): an owner is only a party where the trigger is the noun it owns.
_CLOSE = 4


#: The end of an amount: a digit, maybe with up to four characters of its unit (ドル, 億円, M).
_AMOUNT_END_RE = re.compile(r"[0-9０-９][^\s0-9０-９]{0,4}$")
#: Characters of a gloss in brackets between a name and its subject particle (Operator（現在のChatGPT Agent）が).
_GLOSS = 40
#: Other members of a list of Latin names that may stand between a name and its party's particle (DataStaxや
#: HashiCorpを買収).
_LIST_MEMBERS = 3
#: How much of a company's shares, written with its own の before the share word (Xの過半数の株式, Xの約3割の株式).
_SHARE_QUANTITY = r"(?:(?:約|およそ)?(?:[0-9０-９.]+(?:%|％|割)|[一二三四五六七八九]割)|過半数|過半|大半|一部)"
#: Right after a subject's particle, a relative clause it opens before a noun (Aが主導するラウンドで, 鴻海が生産する
#: EV, Bが進める計画): that subject acts in the clause only, not in the sentence's deal.
SUBJECT_CLAUSE_RE = re.compile(r"[^、。「」]{0,16}?(?:する|した|している|していた|める|ける|てる)"
                               r"(?=[一-龯々〆ヵヶァ-ヺーA-Za-z])")


def name_ending_words(spec: PartnershipsFile, legal_forms: LegalForms | None) -> tuple[str, ...]:
    """The words written right after a company's name that still belong to it: partnerships.yaml's name_suffixes
    (サムスン側, Arm株) and company_patterns.yaml's Japanese legal forms and company words (ソニー社, 北陸製鋼有限公司),
    so that what follows them is read as what follows the name."""
    return (*spec.name_suffixes, *((*legal_forms.japanese, *legal_forms.company_words) if legal_forms else ()))


def name_ending(spec: PartnershipsFile, legal_forms: LegalForms | None) -> str:
    """A regex of one word of ``name_ending_words``, or a Latin legal form after a comma or space, with or
    without its dot (Zephyr Labs, Inc.); never a word of its own that starts the same way (社長, 株主:
    not_name_suffixes)."""
    latin = (rf"|,?\s?{any_word(legal_forms.latin, whole_ascii_words=True)}\.?"
             if legal_forms is not None and legal_forms.latin else "")
    return (f"(?!{any_word(spec.not_name_suffixes)})"
            f"(?:{any_word(name_ending_words(spec, legal_forms), whole_ascii_words=True)}{latin})")


class PartySlots:
    """Tells whether the name ending at a body offset is written as a party of a company-only trigger (or,
    with ``every_trigger``, of any relation trigger: a product's maker acts in each of them) or as the owner
    of shares; ``name_prefixes`` are the words written right before a name (米, 旧: name_bounds.before), and
    ``countries`` those of them that are countries (name_bounds.countries); ``legal_forms`` company_patterns.yaml's
    forms and company words, which may end a name before its particle (Zephyr社を買収)."""

    def __init__(self, spec: PartnershipsFile, name_prefixes: Sequence[str] = (), every_trigger: bool = False,
                 countries: Sequence[str] = (), legal_forms: LegalForms | None = None) -> None:
        roles = spec.roles
        of = any_word(spec.roles.of)
        #: Rows of a funding table (- X｜シリーズA｜12億円｜A、B), whose first cell names a company.
        self._funding_rows = FundingRows(spec.funding_rows) if spec.funding_rows is not None else None
        # 米インターシル, 米投資銀行グリーンヒル, 米AI検索のPerplexity; AIスタートアップのカゼミチ
        #: (a country written as a word of its own, not a character of another, nor before what a product is for:
        #: 露 of 半導体露光装置用レンズ, 露光装置用レンズ)
        self._country_re = (re.compile(rf"(?<![一-龯々]){any_word(countries)}(?:[一-龯]{{0,{_KIND_CHARS}}}(?<!用)"
                                       rf"|{DESCRIPTION}{of})$") if countries else None)
        #: A country alone right before the name (米インターシル; not 米テスラのイーロン・マスク, a person of the
        #: company described, nor 米家具チェーン, where a kind of company stands between).
        self._bare_country_re = re.compile(rf"(?<![一-龯々]){any_word(countries)}$") if countries else None
        verbs = f"|{any_word(spec.describing_verbs)}" if spec.describing_verbs else ""
        self._kind_re = re.compile(rf"(?:{any_word(spec.unnamed_companies.nouns)}{of}{verbs})$")
        #: A company noun written right before a name with no の (アニメ配信会社アニメルート, 家具EC新興ネストリー).
        self._bare_kind_re = re.compile(rf"{any_word(spec.unnamed_companies.nouns)}$")
        #: What introduces a company and nothing else right before its name: a company noun written on to
        #: what it makes or does, then の (AI創薬新興の; not 企業の, a company's anything), a relative clause
        #: saying what it does, or a company noun then a comma (洗浄装置メーカー、ナギサ・テクノロジー).
        nouns = any_word(spec.unnamed_companies.nouns)
        self._introducing_re = re.compile(rf"(?:(?<=[一-龯々ァ-ヺーA-Za-z0-9]){nouns}{of}{verbs}|{nouns}[、，])$")
        triggers = any_word([word for words in spec.triggers.values() for word in words] if every_trigger
                            else spec.company_party_triggers)
        # the name's suffix (社, Inc.), and the closing bold of a name in bold (**Privy**を買収)
        suffix = rf"(?:\s?{name_ending(spec, legal_forms)})?(?:\*\*|__)?"
        far = any_word((*roles.object, *roles.partner, *roles.target, *roles.source, *roles.agent))
        # With の or no particle, the trigger is the noun the name owns: no other の-phrase between.
        # A short acronym may stand in the gap (Xとの間でGPUリース契約): a term, not another party's name.
        # So may an amount's thousands separator (Xを約1,100億円で買収).
        # (a comma may end an amount written before another: Xを1株当たり18ドル、総額約17億ドルで買収)
        after_amount = "".join(f"|(?<={re.escape(unit)})[、，]" for unit in (spec.raised_money.currencies
                                                                       if spec.raised_money else ()))
        gap = f"(?:[^{_NOT_IN_GAP}]|(?<=\\d)[,，](?=\\d)|(?<![A-Za-z])[A-Z]{{2,4}}(?![A-Za-z]){after_amount})"
        close_gap = f"[^{_NOT_IN_GAP}の]"
        # What the trigger acts on may come right before it (Xに5億ドルを出資, Xと新たな契約を締結).
        acted_on = f"(?:{any_word(roles.object)})?"
        # The agent of a deal whose other party is named between (XによるZephyrの買収).
        agent_of = rf"{any_word(roles.agent)}{_OTHER_NAME}{any_word(roles.of)}{close_gap}{{0,{_CLOSE}}}?"
        # The owner of shares (Xの全株式を取得, X株を買い増し) is a company too.
        stake = spec.stake_purchases
        share_word = rf"(?!{any_word(stake.not_shares)}){any_word(stake.shares)}" if stake and stake.not_shares else ""
        # (a quantity of them may stand between, with its own の: Xの過半数の株式, Xの約3割の株式)
        shares = (rf"|{any_word(roles.of)}?(?:{_SHARE_QUANTITY}の)?{close_gap}{{0,{_CLOSE}}}?{share_word}"
                  if share_word else "")
        # (a comma may follow the particle: Xと、がん領域のライセンス契約を結んだ; Xを、株式交換で完全子会社化)
        # (a gloss in brackets may stand between: Operator（現在のChatGPT Agent）が, Aethon（エーソン）を買収)
        gloss = rf"(?:（[^（）]{{0,{_GLOSS}}}）|\([^()]{{0,{_GLOSS}}}\))?"
        # (or another member of a list of Latin names may stand between: DataStaxやHashiCorpを買収)
        members = (rf"(?:\s*{any_word(spec.coordinators)}\s*[A-Z][A-Za-z0-9.&\-]*(?: [A-Z][A-Za-z0-9.&\-]*){{0,2}}"
                   rf"{suffix}){{0,{_LIST_MEMBERS}}}")
        self._party_re = re.compile(
            rf"{suffix}{members}(?:{gloss}(?:{far}[、，]?{gap}{{0,{_FAR}}}?{acted_on}|{any_word(roles.of)}?{close_gap}{{0,{_CLOSE}}}?"
            rf"|{agent_of}){triggers}{shares})")
        self._subject_re = re.compile(rf"{suffix}{gloss}\s*{any_word(roles.subject)}")
        #: A name joining a deal with が or も, maybe as an investor (Harrow Capitalがリードし, Quillcrowdも参加,
        #: Zephyrが戦略投資家として新たに出資): a company taking part in a round.
        adverbs = any_word(spec.join_adverbs) if spec.join_adverbs else "(?!)"
        kinds = any_word(spec.investor_kinds) if spec.investor_kinds else "(?!)"
        joins = any_word(spec.company_join_words) if spec.company_join_words else "(?!)"
        self._joining_re = re.compile(rf"{suffix}{gloss}\s*[がも](?:{kinds}として)?(?:{adverbs})?{joins}")
        #: A sentence about a round: holding a funding trigger, a noun of its investors or a word of leading it.
        self._round_re = re.compile(any_word([*spec.round_words, *spec.funding_triggers, *spec.round_investors]))
        #: The particle of a role in a deal right after a name, maybe with a comma (Xと、…の長期契約; Xに対し、…TOB):
        #: not の, which as often makes the name a kind of what follows (米家具チェーンのX).
        self._any_role_re = re.compile(rf"{suffix}\s*(?:{far}|{any_word(roles.subject)})[、，]?")
        #: What makes a trigger one its subject receives: a passive marker after it (Xは…に買収される) or the
        #: trigger itself (Xは…の傘下に入る).
        self._received_re = (re.compile(any_word(spec.subject_receives)) if spec.subject_receives else None)
        self._passive_re = (re.compile(any_word(spec.passive_markers)) if spec.passive_markers else None)
        #: Another subject's particle, after a word that is not hiragana (NECが; not ながら).
        self._other_subject_re = re.compile(rf"(?<=[^ぁ-ゖ\s、]){any_word(roles.subject)}")
        #: A noun of a round's investors and its particle right before a name (リードはSequoiaで, 引受先：KDDI).
        self._investor_noun_re = (re.compile(rf"{any_word(spec.round_investors)}\s*(?:には|は|として|[：:])[、,]?\s*$")
                                  if spec.round_investors else None)
        #: The particle that makes the noun before a trigger its owner (io Productsの買収).
        self._owned_trigger_re = re.compile(rf"{any_word(roles.of)}$")
        #: A headline's first name is marked with a comma (Wiz、Xと提携); elsewhere a comma only lists names.
        self._headline_subject_re = re.compile(rf"{suffix}\s*{any_word(spec.headline_marks)}")
        prefix = any_word(name_prefixes)
        # 米アクティビストのエリオット、…: a description of the first company may stand before it, joined with の
        self._headline_lead_re = re.compile(rf"{HEADLINE_MARKUP}*(?:{prefix}?{DESCRIPTION}{of})?{prefix}?\s*")
        self._trigger_re = re.compile(triggers)
        #: A trigger's phrase marked as a topic right before the name (Bとの提携も、Xが…; Bとの提携は、Xにとって):
        #: the name is its other side, as relations.py reads it.
        self._concerned_re = re.compile(rf"{triggers}[^、。\s]{{0,{TRIGGER_PHRASE_REST}}}?"
                                        rf"{any_word((*spec.topic_particles, *spec.paired_particles))}[、,，]?\s*$")
        self._slot_word_re = re.compile(f"{triggers}|{share_word}" if share_word else triggers)
        self._units = frozenset(spec.units)
        #: A relative clause of a trigger right before the name (GMが出資するCruise, Aが買収したB).
        self._modified_re = re.compile(rf"{triggers}{any_word(spec.relative_clause_ends)}\s*$")
        #: An English trigger phrase a few plain words after the name (Wiz acquired by Google) or before it
        #: (Google to acquire Wiz): relations_english.py reads such a name as a party.
        self._english_after_name_re = self._english_before_name_re = None
        self._english_name_res: tuple[re.Pattern[str], ...] = ()
        english = spec.english
        if english is not None:
            phrases = any_word([w for words in english.triggers.values() for w in words], whole_ascii_words=True)
            self._english_after_name_re = re.compile(rf"(?:'s|’s)?[\s\-](?:{_ENGLISH_WORD}\s+){{0,{_ENGLISH_GAP}}}?"
                                                     rf"{phrases}", re.IGNORECASE)
            self._english_before_name_re = re.compile(rf"{phrases}(?:\s+{_ENGLISH_WORD}){{0,{_ENGLISH_GAP}}}?\s+$",
                                                      re.IGNORECASE)
            # A name no list holds as the party of an English deal: what a directed phrase acts on (Qualcomm to
            # buy Alphawave for $2.4 billion; invests in Zephyr Labs), or what raises money or is bought
            # (Zephyr Labs raises $50 million; Alphawave acquired by Qualcomm), opening the English text. A
            # directed phrase follows a word (Qualcomm to buy): a slogan opening with its verb names no deal
            # (「Buy European AI」). Only lower-case words, amounts, short acronyms and descriptors may stand
            # between (acquires AI startup X, acquire Israeli maker X), and the name is capitalised words ending
            # where the statement does or a word of after_receiver follows.
            directed = [w for kind in ("investment", "acquisition") for w in english.triggers.get(kind, ())
                        if w not in english.funding_triggers]
            raising = [*english.funding_triggers,
                       *(f"{w} {m}" for w in directed for m in english.passive_markers)]
            # (not a description of it: Tokyo-based)
            described = (rf"[A-Z][A-Za-z]*{any_word(english.descriptor_endings)}" if english.descriptor_endings
                         else "(?!)")
            name = (rf"(?P<name>(?!(?:The|A|An|This|Its|Their|Our|Your) |{described} )[A-Z][A-Za-z0-9.&\-]*"
                    r"(?: [A-Z][A-Za-z0-9.&\-]*){0,3}?)")
            # (not an owner's name: Jony Ive's startup io)
            ends = rf"(?!['’]s\b)(?=\s*(?:$|[^\sA-Za-z0-9]|\s(?i:{any_word(english.after_receiver)})(?![A-Za-z])))"
            descriptors = (f"|{any_word(english.descriptors, whole_ascii_words=True)}" if english.descriptors
                           else "")
            filler = rf"(?:[a-z][a-z'’\-]*|[A-Z]{{2,3}}|[$€£¥]?\d[\d.,]*%?{descriptors}|{described})"
            acting = any_word(directed, whole_ascii_words=True)
            self._english_name_res = (
                re.compile(rf"(?<=[A-Za-z0-9.'’)] )(?i:{acting})(?: {filler}){{0,{_ENGLISH_GAP}}}? {name}{ends}"),
                re.compile(rf"(?<![A-Za-z0-9,] )(?<![A-Za-z0-9]){name} (?i:{any_word(raising)})(?![A-Za-z])"))

    def follows_country(self, sentence: Sentence, start: int) -> bool:
        """A country, maybe with a kind of company in kanji or a description and の, is written right before the
        name at body offset ``start`` (米インターシル, 米投資銀行グリーンヒル, 米AI検索のPerplexity): news writes
        a foreign company's name so."""
        return self._country_re is not None and self._country_re.search(sentence.text, 0,
                                                                          start - sentence.start) is not None

    def follows_a_kind(self, sentence: Sentence, start: int) -> bool:
        """A company noun and の (AIスタートアップのカゼミチ) or a relative clause saying what it does
        (ドローンを開発するスカイジャイロ) is written right before the name at body offset ``start``."""
        return self._kind_re.search(sentence.text, 0, start - sentence.start) is not None

    def is_described(self, sentence: Sentence, start: int) -> bool:
        """What the company is is written right before the name at body offset ``start``: its country
        (``follows_country``), a company noun and の (AIスタートアップのカゼミチ) or a relative clause saying what
        it does (ドローンを開発するスカイジャイロ): news introduces a company so."""
        return self.follows_country(sentence, start) or self.follows_a_kind(sentence, start)

    def introduces(self, sentence: Sentence, start: int) -> bool:
        """What the company is is written right before the name at body offset ``start`` in a way that
        introduces a company and nothing else: its country alone right before it (米インターシル), a company
        noun written on to what it does with の or a comma (AIスタートアップのカゼミチ, 洗浄装置メーカー、
        ナギサ・テクノロジー) or a relative clause saying what it does (ドローンを開発するスカイジャイロ); not a
        description of another company (米テスラのイーロン・マスク), nor a bare company noun and の
        (企業の信用スコア)."""
        before = sentence.text[:start - sentence.start]
        return (self._introducing_re.search(before) is not None
                or self._bare_country_re is not None and self._bare_country_re.search(before) is not None)

    def holds_far_party(self, sentence: Sentence, end: int) -> bool:
        """The name ending at body offset ``end`` is marked with a role's particle and a company-only trigger
        follows later in the sentence (Xと、がん領域の新薬候補に関するライセンス契約を結んだ): an introduced
        company (``introduces``) written so is a party, however far its trigger."""
        role = self._any_role_re.match(sentence.text, end - sentence.start)
        return role is not None and self._trigger_re.search(sentence.text, role.end()) is not None

    def receives_in_own_clause(self, sentence: Sentence, end: int) -> bool:
        """The name ending at body offset ``end`` is the subject (Xは, Xが) of the first trigger after it, with no
        other subject between, and receives it: the trigger is passive (Xは、Yに買収される) or one its subject
        receives (Xは…の傘下に入る). Only a company is bought or joins a group."""
        triggers = self._own_clause_triggers(sentence, end)
        if not triggers:
            return False
        trigger = triggers[0]
        received = self._received_re is not None and self._received_re.match(sentence.text, trigger.start())
        passive = self._passive_re is not None and self._passive_re.match(sentence.text, trigger.end())
        return bool(received or passive)

    def follows_a_company_noun(self, sentence: Sentence, start: int) -> bool:
        """A company noun is written right before the name at body offset ``start`` with nothing between
        (配信会社アニメルート, EC新興ネストリー): news introduces a company so, though the noun may also begin a
        compound (企業データ), so the name must still look like one."""
        return self._bare_kind_re.search(sentence.text, 0, start - sentence.start) is not None

    def funding_raiser(self, sentence: Sentence) -> tuple[int, int] | None:
        """Body offsets of the first cell of the funding table row the sentence is (- X｜シリーズA｜12億円｜A、B:
        X, the company that raised the round), or None."""
        row = self._funding_rows.read(sentence) if self._funding_rows is not None else None
        return None if row is None else (row.raiser_start, row.raiser_end)

    def may_hold_party(self, sentence: Sentence) -> bool:
        """The sentence holds a company-only trigger, a share word or a word of a round, without which no name
        in it is a party."""
        return (self._slot_word_re.search(sentence.text) is not None
                or self._round_re.search(sentence.text) is not None)

    def joins_a_deal(self, sentence: Sentence, end: int) -> bool:
        """The name ending at body offset ``end`` joins a round with が or も, in a sentence about one (Harrow
        Capitalがリードし、Quillcrowdも参加した), as a round's investors are written."""
        return (self._joining_re.match(sentence.text, end - sentence.start) is not None
                and self._round_re.search(sentence.text) is not None)

    def is_deal_word(self, word: str) -> bool:
        """The word is a company-only trigger, a share word or a unit of a company (買収, 株, 部門): written on
        to a name, it is no part of it."""
        return self._slot_word_re.fullmatch(word) is not None or word in self._units

    def holds_party(self, sentence: Sentence, end: int) -> bool:
        """The name ending at body offset ``end`` is the object, partner, receiver, source, agent or owner
        of a company-only trigger right after it (Xを約50億ドルで買収, Xとの提携, Xの買収, X買収), or the owner
        of the shares named right after it (Xの全株式, X株)."""
        return self._party_re.match(sentence.text, end - sentence.start) is not None

    def opens_a_headline(self, sentence: Sentence, start: int, end: int) -> bool:
        """The name at body offsets [start, end) opens a headline as its subject, the trigger in the same
        clause right after its mark (Xolo、シリーズAで1億ドル調達; not Xolo、Veed、…と提携, a list)."""
        if not self._headline_lead_re.fullmatch(sentence.text, 0, start - sentence.start):
            return False
        mark = self._headline_subject_re.match(sentence.text, end - sentence.start)
        if mark is None:
            return False
        trigger = self._trigger_re.search(sentence.text, mark.end())
        return trigger is not None and not _CLAUSE_BREAK_RE.search(sentence.text, mark.end(), trigger.start())

    def holds_english_party(self, sentence: Sentence, start: int, end: int) -> bool:
        """The name at body offsets [start, end) is written as the party of an English trigger phrase a few
        plain words after or before it (Wiz acquired by Google; Google to acquire Wiz)."""
        if self._english_after_name_re is None or self._english_before_name_re is None:
            return False
        text = sentence.text
        return (self._english_after_name_re.match(text, end - sentence.start) is not None
                or self._english_before_name_re.search(text, max(0, start - sentence.start - _ENGLISH_BEFORE),
                                                       start - sentence.start) is not None)

    def english_party_names(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Body offsets of the names English deal phrases write as their parties (Qualcomm to buy Alphawave;
        Zephyr Labs raises $50 million), whether or not a list holds them."""
        if not self._english_name_res or _ENGLISH_RUN_RE.search(sentence.text) is None:
            return []
        return [(sentence.start + match.start("name"), sentence.start + match.end("name"))
                for name_re in self._english_name_res for match in name_re.finditer(sentence.text)]

    def follows_an_investor_noun(self, sentence: Sentence, start: int) -> bool:
        """A noun of a round's investors and its particle stand right before the name at body offset ``start``
        (リードはSequoiaで, 引受先はKDDI): only a company invests in a round."""
        return self._investor_noun_re is not None and self._investor_noun_re.search(
            sentence.text, 0, start - sentence.start) is not None

    def is_modified(self, sentence: Sentence, start: int, end: int) -> bool:
        """The name at body offsets [start, end) is what a trigger's relative clause right before it acts on
        (GMが出資するCruise, Aが買収したZephyr社): not when a katakana or Latin word is glued after it, the noun
        the clause is about (買収を発表したJavaScriptランタイムの「Bun」)."""
        return (self._modified_re.search(sentence.text, 0, start - sentence.start) is not None
                and _GLUED_NOUN_RE.match(sentence.text, end - sentence.start) is None)

    def acts_in_own_clause(self, sentence: Sentence, end: int) -> bool:
        """The name ending at body offset ``end`` is marked as a subject (Xは, Xが) of a trigger after it, with no
        other subject between (not Xoloは…を公開し、NECが出資した) and the trigger not owned by another noun (not Jony
        Iveが設立したio Productsの買収; an amount owns none: $250Mのラウンド; Xが、A主導のシリーズBで…を調達: the
        調達): the name itself acts in the deal."""
        return any(owner is None or _AMOUNT_END_RE.search(sentence.text, 0, owner.start()) is not None
                   for trigger in self._own_clause_triggers(sentence, end)
                   for owner in [self._owned_trigger_re.search(sentence.text, 0, trigger.start())])

    def _own_clause_triggers(self, sentence: Sentence, end: int) -> list[re.Match[str]]:
        """The triggers after the name ending at body offset ``end`` that no other subject stands before, where the
        name is marked as a subject (Xは, Xが); none otherwise."""
        subject = self._subject_re.match(sentence.text, end - sentence.start)
        if subject is None:
            return []
        return [trigger for trigger in self._trigger_re.finditer(sentence.text, subject.end())
                if not any(not self._in_relative_clause(sentence, other.end(), trigger.start())
                           for other in self._other_subject_re.finditer(sentence.text, subject.end(),
                                                                        trigger.start()))]

    @staticmethod
    def _in_relative_clause(sentence: Sentence, particle_end: int, trigger_start: int) -> bool:
        """Whether the subject whose particle ends at ``particle_end`` (sentence offsets) opens a relative clause
        that ends before the trigger at ``trigger_start`` (Aが主導するラウンドで…を調達)."""
        clause = SUBJECT_CLAUSE_RE.match(sentence.text, particle_end)
        return clause is not None and clause.end() <= trigger_start

    def holds_subject(self, sentence: Sentence, start: int, end: int) -> bool:
        """The name at body offsets [start, end) is a subject (Xは, Xが, X、 opening a headline) in a sentence
        holding a trigger after it (X、NVIDIAとGPU契約を締結), or right after a trigger's phrase marked as the topic
        (Bとの提携も、Xが…)."""
        subject = self._subject_re.match(sentence.text, end - sentence.start)
        if subject is None and self._headline_lead_re.fullmatch(sentence.text, 0, start - sentence.start):
            subject = self._headline_subject_re.match(sentence.text, end - sentence.start)
        return subject is not None and (self._trigger_re.search(sentence.text, subject.end()) is not None
                                        or self._concerned_re.search(sentence.text, 0, start - sentence.start)
                                        is not None)
