"""Joining rule matches and GiNZA entities into one list of company mentions.

The overlap policy is one function, ``resolve_companies``: a rule match beats
an NER span wherever they overlap (the gazetteer knows the id, the name and
the parent), and GiNZA agreeing with a rule only upgrades its ``source`` to
``rule+ner``. An NER span no rule covers becomes a company only when it
passes every named check of ``NerCompanyFilter``; GiNZA alone is too noisy on
these posts to be trusted without evidence: it calls people, places, English
headline phrases, glosses and products companies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from extract.models import Sentence, Token, by_sentence
from extract.ner import NerRules, NerSpan, examples_of_companies_re
from extract.models import CompanyMention
from extract.names import (DERIVED_ID_PREFIX, HOLDING_WORDS, SHORT_HOLDING_WORDS, abbreviates, company_key,
                           derived_company_id, holding_short_forms)
from extract.normalize.alternation import any_word
from extract.normalize.company_deeds import CompanyDeeds
from extract.normalize.numerals import DIGIT, KANJI_SMALL_UNIT, LARGE_UNIT
from extract.normalize.party_slots import PartySlots
from extract.overlaps import first_come, inside, outside, overlaps_any
from extract.rules import Definitions, LegalForms, NameBounds

#: A Latin name: capitalised words, or a first word in lower case with a capital inside it (iRobot, xAI) or
#: before a capitalised word (io Products).
_LATIN_NAME_RE = re.compile(r"(?:[A-Z][A-Za-z0-9]{2,}|[a-z]{1,2}[A-Z][A-Za-z0-9]+"
                            r"|[a-z][a-z0-9]+(?= [A-Z][A-Za-z0-9]{2}))"
                            # more words: capitalised (Kiva Systems), digits, xAI-like, or a small joining word
                            # between capitalised ones (Bank of America, Harlow & Pine); not a phrase (Why it matters)
                            r"(?:[.&\-][A-Za-z0-9][A-Za-z0-9.&\-]*|[ ](?:[A-Z0-9][A-Za-z0-9.&\-]*"
                            r"|[a-z]{1,2}[A-Z][A-Za-z0-9.&\-]*|(?:of|and|de|du|des|la|le|for|the|und|y|e|&)(?= [A-Z])))"
                            r"{0,3}")
#: What startups end their katakana name in (アマテラスAI), and a country's unit (ミナトUK, ミナトUSA).
_NAME_ENDING_RE = re.compile("AI|UK|USA|US")
#: A katakana name, perhaps ending in one of those.
_KATAKANA_NAME_RE = re.compile(rf"[ァ-ヺ][ァ-ヺー・]{{2,20}}(?:(?:{_NAME_ENDING_RE.pattern})(?![A-Za-z]))?")
#: A Latin or katakana name with kanji or katakana nouns written on (ハルカゼ電池, ツバメ物流テック).
_GLUED_NAME_RE = re.compile(rf"(?:{_LATIN_NAME_RE.pattern}|{_KATAKANA_NAME_RE.pattern})[一-龯々ァ-ヺー]{{1,8}}")
#: The same with kanji nouns written before it instead or too (東海プレシジョン, 南国ケーブルネットワーク).
_LED_NAME_RE = re.compile(rf"[一-龯々]{{1,6}}(?:{_LATIN_NAME_RE.pattern}|{_KATAKANA_NAME_RE.pattern})"
                          rf"[一-龯々ァ-ヺー]{{0,8}}")
#: Most kanji nouns written before a katakana name as the first part of it (東海|プレシジョン).
_MAX_LEADING_NOUNS = 2
#: Most nouns written on to a name after what the company is (ツバメ|物流|テック has two).
_MAX_GLUED_NOUNS = 3
#: A whole Latin or katakana name in a sentence, where it may be a deal's party (not a piece of a longer word).
#: A Latin name written after another Latin word and a space (C.R. England) is the end of a longer one; a katakana
#: name glued to Latin letters is the end of a longer one (シアターズ of AMCシアターズ).
_PARTY_NAME_RE = re.compile(rf"(?<![A-Za-z0-9.&\-'])(?<![A-Za-z0-9.,&\-'] ){_LATIN_NAME_RE.pattern}"
                            rf"|(?<![ァ-ヺー・A-Za-z0-9]){_KATAKANA_NAME_RE.pattern}")
#: The list marks and spaces a sentence may open with before its first word.
_OPENING_MARKS_RE = re.compile(r"[\s\-*+#>・]*")
#: A Latin or katakana name a sentence opens with (after list marks and spaces).
_OPENING_NAME_RE = re.compile(rf"[\s\-*+#>・]*(?P<name>{_LATIN_NAME_RE.pattern}|{_KATAKANA_NAME_RE.pattern})")
#: The rule ids of the companies a sentence vouches for (add_vouched_names): a deal's party, and a name
#: introduced after a kind of company (quoted right after it, or joined to it by の or である) or defined as
#: one by the sentence it opens (アスキーは、日本の出版社である).
PARTY_NAME_RULE = "company.party_slot"
INTRODUCED_NAME_RULE = "company.introduced"
#: The rule id of a Latin name listed among companies (add_listed_names).
LISTED_NAME_RULE = "company.listed"
#: The rule id of a name a list under a heading of group companies holds (add_names_listed_under_headings).
HEADING_LIST_RULE = "company.heading_list"
#: A Markdown heading's text (## 主要子会社), or a line all in bold (**関連会社**).
_HEADING_RE = re.compile(r"\s*(?:#{1,6}\s*(?P<title>[^#\n]+?)\s*#*|\*\*(?P<bold>[^*\n]+)\*\*)\s*")
#: A list item that is one name alone, perhaps with a note in brackets, after a colon or after a spaced dash
#: (- 北辰リース, - カルポルトランド（米国）, - 北辰物流：倉庫業, - 北辰物流 - 倉庫業).
_NAME_ITEM_RE = re.compile(r"\s*[-*+・•]\s*(?:\*\*)?"
                           r"(?P<name>[^\s（）()、。：:*「」][^（）()、。：:*「」\n]{0,38}?[^\s（）()、。：:*「」])"
                           r"(?:\*\*)?\s*(?:[（(][^（）()\n]{1,20}[）)])?(?:\s*[：:].*|\s+[-–—－―]\s+.*)?")
#: A Latin name that may be an item of a list (not a piece of a longer Latin phrase).
_LISTED_NAME_RE = re.compile(rf"(?<![A-Za-z0-9.&\-'])(?<![A-Za-z0-9.,&\-'] ){_LATIN_NAME_RE.pattern}(?![A-Za-z0-9])")
#: What stands between two items of a list: a mark ending the one (bold, a gloss in brackets), a comma or
#: や, a word going on with the list (そして), a mark opening the next.
_LIST_GAP_RE = re.compile(r"(?:\*\*|__)?(?:[（(][^（）()\n]{1,30}[）)])?(?:\*\*|__)?"
                          r"(?:、|，|,\s?|や|および|及び)\s?(?:そして|さらに)?(?:\*\*|__)?")
#: A run of bold text, and what stands between two bold items of a list: the same, or a comma and a short
#: description of the next (…を得意とする**Schrödinger**、細胞画像を解析する**Recursion**).
_BOLD_RE = re.compile(r"(?P<mark>\*\*|__)(?P<inner>[^*_\n]{1,60}?)(?P=mark)")
_BOLD_LIST_GAP_RE = re.compile(r"(?:\*\*|__)(?:[（(][^（）()\n]{1,30}[）)])?(?:、|，)[^、。，*_\n]{0,40}?(?:\*\*|__)")
#: Fewest items of a list, and fewest of them companies found already, for its other names to be companies.
_MIN_LIST_ITEMS = 3
_MIN_LISTED_COMPANIES = 2
#: The rule id of a company no list names, where the post writes it again (add_names_found_elsewhere).
NAMED_IN_POST_RULE = "company.named_in_post"
#: The rule id of the name a post defines for a company in brackets after its full name (以下「X」).
DEFINED_NAME_RULE = "company.defined_name"
#: The rule id of the abbreviation a post gives a company in brackets after its name (ゴールドマン・サックス（GS）).
ABBREVIATION_RULE = "company.abbreviation"
#: The rule id of the name in another script a post gives a company in brackets (ロードパイロット（RoadPilot）).
GLOSS_RULE = "company.gloss"
#: A company's name in another script in brackets right after it: Latin words with a small letter (RoadPilot, not
#: an acronym), or katakana.
_GLOSS_RE = re.compile(r"\s?[（(](?P<gloss>(?=[A-Za-z0-9 .&\-]*[a-z])[A-Z][A-Za-z0-9.&\-]*(?: [A-Za-z0-9.&\-]+){0,3}"
                       r"|[ァ-ヺ][ァ-ヺー・]{1,30})[）)]")
#: An abbreviation in brackets right after a name: a Latin word of two to eight characters (GS, MUFG, BofA), or two
#: (JIC VGI).
_ABBREVIATION_RE = re.compile(r"\s?[（(](?P<abbr>[A-Z][A-Za-z0-9&\-]{1,7}(?: [A-Z][A-Za-z0-9&\-]{1,7})?)[）)]")
#: A holding company's short form in brackets right after its name (日本コンピュートホールディングス（日本コンピュート
#: HD）): the rest of the name and a short holding word.
_HOLDINGS_SHORT_RE = re.compile(rf"\s?[（(](?P<abbr>(?P<short>[^（）()、。\s]{{1,20}}?)"
                                rf"(?:{'|'.join(sorted(SHORT_HOLDING_WORDS))}))[）)]")
#: A name written on past a repeated name's end: a word of a longer Latin name after a space (Zephyrlogic
#: Cloud), or more katakana (ゼファーロジッククラウド).
_REPEAT_GOES_ON_RE = re.compile(r"[ \t]?[A-Za-z0-9&＆]|[ァ-ヺー・]")
#: The same before a repeated name's start.
_REPEAT_GOES_ON_BEFORE_RE = re.compile(r"(?:[A-Za-z0-9&＆][ \t]?|[ァ-ヺー・])$")
#: The longest quote listed before a quoted name that a kind of company introduces (…企業である「A」や「B」).
_QUOTED_NAME_CHARS = 40
#: The shortest first word of a katakana name joined with ・ that stands for the whole name (アーガス).
_MIN_SHORT_FORM = 4
#: The shortest katakana name that may stand for a longer one it begins (アイン of アインホールディングス).
_MIN_SHORT_KATAKANA = 3
#: A name in katakana only.
_KATAKANA_RUN_RE = re.compile(r"[ァ-ヺー・]+")
#: The shortest name no list holds that is looked for again in the rest of its post.
_MIN_REPEATED_NAME = 3
#: A name written with kanji, perhaps with katakana or Latin letters (白鷺銀行, 北辰精機, 三菱UFJ銀行).
_KANJI_NAME_RE = re.compile(r"(?=.*[一-龯々])[一-龯々〆ヶァ-ヺーA-Za-z0-9・&＆]{2,20}")
#: A name written with kanji or hiragana, perhaps with katakana or Latin letters (ぺんてる, 日商岩井, 三菱UFJ銀行).
_DEFINED_NAME_RE = re.compile(r"(?=.*[一-龯々ぁ-ゖ])[一-龯々〆ヶぁ-ゖァ-ヺーA-Za-z0-9・&＆]{2,20}")
#: A Japanese word: kanji or kana only (a word the dictionary does not know so written may be a name; AI is not).
_KANA_OR_KANJI_RE = re.compile(r"[一-龯々〆ヶぁ-ゖァ-ヺー]+")
_KANJI_RE = re.compile(r"[一-龯々〆ヶ]")
#: A word written in kanji only.
_KANJI_RUN_RE = re.compile(f"{_KANJI_RE.pattern}+")
#: A katakana character or a middle dot ending the text before a word: the word ends a katakana compound.
_KATAKANA_WORD_END_RE = re.compile(r"[ァ-ヺー・]$")
#: A short all-capitals word (ASIC, CISO, HBM, NATO, LLMs): far more often a term or an
#: organisation than a company when no rule lists it.
_ACRONYM_RE = re.compile(r"[A-Z0-9][A-Z0-9&\-]{1,5}s?")
#: What joins a title to the name after it (CEOのX, CEOであるX, CEO X).
_TITLE_JOINER_RE = re.compile(r"(?:の|である)?\s*$")
#: MeCab parts of speech of everyday vocabulary (common nouns, adjectival nouns such as スマート).
_VOCABULARY_POS = frozenset({"名詞-普通名詞", "形状詞-一般"})
#: A Latin word written before the name with only a space (or a comma) between: the name is inside English text.
_LATIN_BEFORE_RE = re.compile(r"[A-Za-z0-9][,:]?[ \t]+$")
#: A Latin word written right after the name, with a space between.
_LATIN_AFTER_RE = re.compile(r"[ \t]+[A-Za-z]")
#: A name written on into a longer one joined by a middle dot or hyphen (イーロン・マスク, Zephyr-Labs), or
#: by an ampersand (Zephyr AI & Robotics).
_NAME_GOES_ON_AFTER_RE = re.compile(r"[・=＝\-][ァ-ヺA-Za-z]|[ \t]?[&＆][ \t]?[ァ-ヺA-Za-z0-9]")
_NAME_GOES_ON_BEFORE_RE = re.compile(r"[ァ-ヺーA-Za-z][・=＝\-]$|[ァ-ヺーA-Za-z0-9][ \t]?[&＆][ \t]?$")
#: A version number right after a name makes it a product (Rails 8, Zephyr v2, Quill 3.5); a year,
#: an amount or a count (Zephyr 2025年) does not.
_VERSION_AFTER_RE = re.compile(r"[ \t]*(?:v|ver\.?|version)[ \t]?\d"
                               r"|[ \t]+\d+(?:\.\d+)*(?![\d.年月日億万千百社人件%％])", re.IGNORECASE)
#: Most digits of a model's number ending a product's name (Figure 03, Pixel 9).
_MODEL_NUMBER_DIGITS = 4
#: What separates the given name from the surname (Adam Presser, イーロン・マスク).
_NAME_PARTS_RE = re.compile(r"[\s・=＝]+")
#: Most words of a person's name: a given name, a middle name and a surname.
_MAX_PERSON_NAME_WORDS = 3
#: A lone capital letter ending a name after a word in another script (SaaS企業D, 物流企業C).
_PLACEHOLDER_RE = re.compile(r"(?:^|[^A-Za-z0-9 .&\-])[A-Z]$")
#: A number written right before a name, which makes the name the unit of an amount (130億ノルウェー・クローネで).
_NUMBER_BEFORE_RE = re.compile(rf"(?:{DIGIT}|[{LARGE_UNIT}{KANJI_SMALL_UNIT}])$")
#: A bracket right after a name and what it holds (X（Quillforge社CEO）).
_BRACKET_AFTER_RE = re.compile(r"[ \t]?[（(]([^（()）]{1,40})[）)]")
_OPENING_BRACKETS = "（("
#: What may follow a gloss inside its bracket: the bracket's end, or a colon before a translation
#: (MVP（Minimum Viable Product：実用最小限の製品）).
_GLOSS_ENDS = "）):："


class NerCompanyFilter:
    """The named checks an NER-only company must pass.

    A Latin or katakana name needs company evidence in its sentence (a legal form after it, or a
    word such as 資金調達 or 提携). A kanji name (白鷺銀行, 北辰) is far more often a place, a
    person or a phrase GiNZA mislabels, so it needs evidence at the name itself: a sector word or
    company word ending it (銀行, Labs), a legal form after it, a context word right after it
    (北辰の株式, 北辰傘下), or a sentence defining it as a company (山陽精工は…部品メーカーだ).
    Every name is rejected when it is a person's (CEO Irving Tan, X氏,
    イーロン of イーロン・マスク), when it is a capitalised phrase of English text (a company there
    is found by its legal form), a gloss in brackets (超知性（Super Intelligence）), a title in 「」, a product or
    programme (Docker Scout, Rails 8, Future Combat Air System), a ministry, agency or university
    (経済産業省, University of Tokyo), a company the post leaves unnamed (あるSaaS企業D社), or a
    fragment of a longer listed name around it (産業銀行 of 韓国産業銀行).
    """

    def __init__(self, rules: NerRules, legal_forms: LegalForms, blocked: frozenset[str], listed: frozenset[str],
                 chip_names: frozenset[str], name_bounds: NameBounds, products: frozenset[str],
                 context_names: frozenset[str], coordinators: Sequence[str] = (),
                 example_particles: Sequence[str] = ()) -> None:
        self._rules = rules
        self._products = products
        #: Listed names that are companies in every context: a name that begins with one and goes on is
        #: its product or unit (Docker Scout); one that begins with a context alias may be another company
        #: (Pilot Company, where Pilot is a context alias).
        self._named = listed - context_names
        self._evidence = legal_forms.ner_evidence
        self._endings = legal_forms.ner_name_endings
        self._trailing_form = _trailing_form_re(legal_forms)
        #: A Japanese legal form opening or ending a name, with a space next to it (株式会社 X, X株式会社).
        forms = any_word(legal_forms.japanese) if legal_forms.japanese else "(?!)"
        self._japanese_form_re = re.compile(rf"^{forms}[ 　]?|[ 　]?{forms}$")
        self._form_before_re = re.compile(rf"{forms}[ 　]?$")
        #: Any legal form inside a text: a Japanese one, or a Latin one as a word of its own (not the SE of JOSEPH).
        self._any_form_re = re.compile(
            any_word(legal_forms.japanese) + (rf"|(?<![A-Za-z]){any_word(legal_forms.latin)}(?![A-Za-z])"
                                              if legal_forms.latin else ""))
        #: A kind of company joined to the name written right after it (AIスタートアップのQuillforge).
        self._appositive_end = (re.compile(rf"(?:{rules.appositive_re.pattern})(?:\*\*|__)?$") if rules.appositive_re
                                else None)
        #: After a name, the rest of a list of names that are examples of a kind of company named right after it.
        self._examples_of_companies = examples_of_companies_re(rules.example_heads, coordinators, example_particles)
        #: The quotes listed before a quote, each joined to the next by a coordinator (partnerships.yaml):
        #: 「A」や「B」 introduces B as the kind of company before 「A」 does.
        self._quotes_before = re.compile(rf"(?:「[^「」\n]{{1,{_QUOTED_NAME_CHARS}}}」{any_word(coordinators)})*「$"
                                         if coordinators else "「$")
        self._blocked = blocked | {company_key(word) for word in rules.stop_words}
        #: The same, case-folded: GiNZA's proposals are compared whatever their case (WATSONX, Watsonx).
        self._blocked_folded = frozenset(word.casefold() for word in self._blocked)
        self._listed = listed
        self._chips = frozenset(company_key(name) for name in chip_names)
        #: Names a fragment may be cut from: listed companies and names that are never companies.
        self._longer = tuple(sorted(self._blocked | listed))
        self._before = tuple(sorted(name_bounds.before, key=len, reverse=True))
        #: The countries news writes before a name, as words of their own (サウジ, 米国): no company alone.
        self._short_countries = frozenset(company_key(word).casefold() for word in name_bounds.countries
                                          if len(word) > 1)
        #: Words after a name that are none of it: its people, its parts, places named after it, and kinds of
        #: company (Xプロバイダー, X企業 name none).
        self._not_name_words = frozenset((*name_bounds.after, *name_bounds.place_words, *rules.company_nouns,
                                          *rules.kind_heads))
        #: A company context word or legal form anywhere in a sentence: where a Latin or katakana name may pass.
        self._sentence_evidence_re = re.compile(any_word((*rules.company_context, *self._evidence)))
        # Words right after a kanji name that show it is a company (傘下, 株式, 上場 ...), people's
        # titles excepted (after a kanji name they say it is a person's: 山城社長), and single characters
        # (製, 系 begin too many other words: 鷹取製品).
        close_context = tuple(word for word in (*rules.company_context, *name_bounds.after)
                              if word not in rules.person_cues and len(word) > 1)
        # Of those, the ones that may follow a kanji name with no particle between (北辰傘下): the words
        # after names; a context word glued to kanji is most often a compound (資本提携, 資金調達).
        glued_context = tuple(word for word in name_bounds.after if word not in rules.person_cues and len(word) > 1)
        #: A close context word at a name's end: a glued word (北辰傘下), or any close context word after one
        #: of the context particles (北辰の株式, 北辰との提携).
        self._close_context_re = re.compile(
            f"{any_word(glued_context)}|{any_word(rules.context_particles)}{any_word(close_context)}")
        #: Where a kanji name could pass the checks: a company ending whose last character is kanji, or a
        #: kanji character followed by a legal form, a close context word or a definition as a company.
        definition = rules.definition_re.pattern if rules.definition_re is not None else "(?!)"
        kanji_endings = [ending for ending in self._endings if _KANJI_RE.fullmatch(ending[-1])]
        self._kanji_candidate_re = re.compile(
            f"{any_word(kanji_endings)}|{_KANJI_RE.pattern}(?={any_word(self._evidence)}"
            f"|{self._close_context_re.pattern}|{definition})")

    def is_company_label(self, span: NerSpan) -> bool:
        """GiNZA's label is one ner.yaml says may be a company."""
        return span.label in self._rules.company_labels

    def looks_like_a_name(self, surface: str, glued: bool = False) -> bool:
        """A Latin proper noun (capitalised) or a katakana word of three or more characters, or with ``glued``
        one with nouns written on to it (ハルカゼ電池)."""
        text = unicodedata.normalize("NFKC", surface)
        return bool(_LATIN_NAME_RE.fullmatch(text) or _KATAKANA_NAME_RE.fullmatch(text)
                    or glued and (_GLUED_NAME_RE.fullmatch(text) or _LED_NAME_RE.fullmatch(text)))

    def leading_name_start(self, tokens: Sequence[Token], start: int, slots: PartySlots) -> tuple[int, bool]:
        """Where a katakana name starting at body offset ``start`` starts with the kanji nouns written right
        before it (東海|プレシジョン, 南国|ケーブルネットワーク), and whether they are all proper nouns; ``start``
        itself when none are, or when a kanji noun stands before them too (a longer compound: 自動車部品プレシジョン).
        A number, a word written before names (米, 旧, 大手: name_bounds.before), a deal word or a word of a
        company's people, units or places (社長, 傘下) is none."""
        before = [token for token in tokens if token.end <= start]
        lead, current, proper = 0, start, True
        while before and lead < _MAX_LEADING_NOUNS:
            token = before[-1]
            if (token.end != current or not token.pos.startswith("名詞") or token.pos == "名詞-数詞"
                    or not _KANJI_RUN_RE.fullmatch(token.surface) or token.surface in self._not_name_words
                    or slots.is_deal_word(token.surface) or token.surface in self._before):
                break
            lead, current, proper = lead + 1, token.start, proper and token.pos == "名詞-固有名詞"
            before.pop()
        glued_before = before and before[-1].end == current and _KANJI_RE.fullmatch(before[-1].surface[-1:])
        if not lead or glued_before:
            return start, False
        return current, proper

    def glued_name_end(self, tokens: Sequence[Token], end: int, slots: PartySlots) -> int:
        """Where a Latin or katakana name ending at body offset ``end`` ends with the kanji or katakana nouns
        written on to it (ハルカゼ|電池, ツバメ|物流|テック): after what the company is (AIスタートアップの…), they
        are the rest of its name. A word of its people, units or places (社長, 傘下, 部門, 駅), a kind of company
        (企業, メーカー), a deal word (Xolo買収, X株) or a number is none of it; ``end`` itself when no noun is
        written on."""
        glued, current = 0, end
        for token in tokens:
            if token.end <= end:
                continue
            if (token.start != current or glued == _MAX_GLUED_NOUNS or not token.pos.startswith("名詞")
                    or token.pos == "名詞-数詞" or not _KANA_OR_KANJI_RE.fullmatch(token.surface)
                    or token.surface in self._not_name_words or slots.is_deal_word(token.surface)):
                break
            glued, current = glued + 1, token.end
        return current

    def looks_like_a_kanji_name(self, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """A name written with kanji whose last word is a proper noun, a word the dictionary does not know
        or a company ending (北辰, 白鷺銀行; not 通信大手, AIチップ市場, 医療系)."""
        if not _KANJI_NAME_RE.fullmatch(unicodedata.normalize("NFKC", span.surface)):
            return False
        words = inside(tokens, span)
        if not words:
            return False
        last = words[-1]
        return self.has_company_ending(span) or last.pos == "名詞-固有名詞" or last.reading is None

    def starts_with_a_proper_noun(self, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """A kanji name of two or more words whose first word is a proper noun (山陽 of 山陽精工)."""
        if not _KANJI_NAME_RE.fullmatch(unicodedata.normalize("NFKC", span.surface)):
            return False
        words = inside(tokens, span)
        return len(words) >= 2 and words[0].pos == "名詞-固有名詞"

    def heads_a_company_list(self, title: str) -> bool:
        """Whether a heading's text names a list of a company's group companies (主要子会社, 関連会社)."""
        return title.strip() in self._rules.company_list_headings

    def is_stop_listed(self, surface: str) -> bool:
        """A product, generic noun or other word the rules say is never a company, in any case (GiNZA's
        proposals are written as posts write them: WatsonX for watsonx)."""
        return company_key(surface).casefold() in self._blocked_folded

    def is_a_placeholder(self, surface: str) -> bool:
        """The name ends in a lone capital letter after a word in another script (SaaS企業D of あるSaaS企業D社,
        物流企業C): a company the post leaves unnamed."""
        return bool(_PLACEHOLDER_RE.search(unicodedata.normalize("NFKC", surface)))

    def is_a_chip(self, surface: str) -> bool:
        """A name the chip catalog lists (Blackwell, HBM): GiNZA often calls chip families companies."""
        return company_key(surface) in self._chips

    def is_left_to_the_rules(self, surface: str) -> bool:
        """A listed name the rules did not accept here (a context alias without context): not overruled."""
        return company_key(surface) in self._listed

    def is_a_person(self, sentence: Sentence, span: NerSpan) -> bool:
        """A title or honorific follows the name (X氏, X（CTO）) or ends it (ジェンスン・フアンCEO), a
        bracket right after it ends in one (X（Quillforge社CEO）), a title comes right before it or
        begins it (CEOのX, CEOであるX, CEO Irving Tan), or it begins with a given name ner.yaml lists
        (Adam Presser): GiNZA often calls people companies."""
        surface = unicodedata.normalize("NFKC", span.surface)
        after = sentence.text[span.end - sentence.start:]
        rest = after.lstrip(" （(")
        before = _TITLE_JOINER_RE.sub("", sentence.text[:span.start - sentence.start])
        titles = self._rules.person_titles
        bracket = _BRACKET_AFTER_RE.match(after)
        return (rest.startswith(self._rules.person_cues) or before.endswith(titles)
                or (bracket is not None and bracket.group(1).rstrip().endswith(self._rules.person_cues))
                or surface.startswith(titles) or surface.endswith(titles) or self._names_a_person(surface))

    def _names_a_person(self, surface: str) -> bool:
        """The name is a listed given name, or a listed given name and a surname or two (Adam Presser,
        イーロン・マスク)."""
        words = _NAME_PARTS_RE.split(surface)
        return len(words) <= _MAX_PERSON_NAME_WORDS and words[0] in self._rules.person_names

    def is_part_of_a_longer_name(self, sentence: Sentence, span: NerSpan) -> bool:
        """A middle dot, hyphen or ampersand joins the name to more of it (イーロン of イーロン・マスク,
        Robotics of Zephyr AI & Robotics): GiNZA found a piece of a name, most often a person's."""
        after = sentence.text[span.end - sentence.start:]
        before = sentence.text[:span.start - sentence.start]
        return bool(_NAME_GOES_ON_AFTER_RE.match(after) or _NAME_GOES_ON_BEFORE_RE.search(before))

    def is_in_english_text(self, sentence: Sentence, span: NerSpan) -> bool:
        """A Latin word stands right before or after the name with only a space between (CEO of Europe,
        Antitrust Loophole in an English headline, OpenAI Global, LLC): in English text GiNZA calls
        capitalised phrases companies, and a company there is found by its legal form instead. A legal
        form after the name (Zephyrlogic Inc.) is no English word."""
        after = sentence.text[span.end - sentence.start:]
        before = sentence.text[:span.start - sentence.start]
        return bool(_LATIN_BEFORE_RE.search(before)
                    or (_LATIN_AFTER_RE.match(after) and not after.lstrip(" ,").startswith(self._evidence)))

    def is_a_gloss(self, sentence: Sentence, span: NerSpan) -> bool:
        """The name is all of a bracket written right after a word that is no company noun, or all of it
        before a colon (超知性（Super Intelligence）, EdTech（エドテック）, MVP（Minimum Viable Product：…）):
        it translates or reads that word."""
        before = sentence.text[:span.start - sentence.start]
        after = sentence.text[span.end - sentence.start:]
        if not (before.endswith(tuple(_OPENING_BRACKETS)) and after.startswith(tuple(_GLOSS_ENDS))):
            return False
        word = before[:-1]
        return bool(word) and not word[-1].isspace() and not word.endswith(self._rules.company_nouns)

    def is_a_title(self, sentence: Sentence, span: NerSpan) -> bool:
        """The name is all of a 「」 or 『』 quote (「Northwind Weekly」, 「Quill Chat」) that no kind of company
        introduces (AI新興企業「Quillforge」 is a company's: ``_quote_introduced``): Japanese quotes the titles of
        products, services, publications and events this way."""
        before = sentence.text[:span.start - sentence.start]
        after = sentence.text[span.end - sentence.start:]
        return (before.endswith(("「", "『")) and after.startswith(("」", "』"))
                and not self._quote_introduced(before))

    def _quote_introduced(self, before: str) -> bool:
        """The text ``before`` a name opens a 「 quote that a company noun or a kind of company joined to it
        introduces (AI新興企業「, 教育企業である「), perhaps after quotes listed with coordinators
        (…である「A」や「)."""
        quotes = self._quotes_before.search(before) if before.endswith("「") else None
        if quotes is None:
            return False
        head = before[:quotes.start()]
        return head.endswith(self._rules.company_nouns) or (self._appositive_end is not None
                                                            and self._appositive_end.search(head) is not None)

    def names_a_product(self, sentence: Sentence, span: NerSpan) -> bool:
        """A version number follows the name (Rails 8) or ends it (Figure 03: a model), it is a listed company's or
        product's name and more words (Docker Scout, a product or unit of Docker; Claude LLM), or a Latin name of two
        or more words ends in one of ner.yaml's thing_heads (Future Combat Air System, Minimum Viable Product: a
        product, programme, law or term)."""
        after = sentence.text[span.end - sentence.start:]
        if _VERSION_AFTER_RE.match(after):
            return True
        words = company_key(span.surface).split(" ")
        model_number = words[-1].isdecimal() and len(words[-1]) <= _MODEL_NUMBER_DIGITS  # Figure 03, Pixel 9
        return ((len(words) > 1 and (words[-1] in self._rules.thing_heads or model_number))
                or any(" ".join(words[:count]) in self._named or " ".join(words[:count]) in self._products
                       for count in range(1, len(words))))

    def names_a_kind(self, surface: str) -> bool:
        """A katakana name is one of ner.yaml's kind_heads or ends in one after more katakana (ファウンドリ,
        クラウド・サービス・プロバイダー, チップメーカー): a kind of company, which names none."""
        key = company_key(surface)
        return any(key == head or key.endswith(head) and _KATAKANA_WORD_END_RE.search(key[:-len(head)])
                   for head in self._rules.kind_heads)

    def is_an_organisation(self, sentence: Sentence, span: NerSpan) -> bool:
        """The name ends in one of ner.yaml's organisation_endings (経済産業省, 東北大学, 公正取引委員会) and in
        none of its company_organisation_endings (X総合研究所), or a Latin word of an organisation ends
        it or begins it before "of" (Tokyo Metropolitan University, Ministry of Economy), and no legal
        form follows it (X研究所株式会社): a ministry, agency, university or association, no company."""
        surface = company_key(span.surface)
        words = surface.split(" ")
        organisation = ((surface.endswith(self._rules.organisation_endings)
                         and not surface.endswith(self._rules.company_organisation_endings))
                        or (len(words) > 1 and words[-1] in self._rules.organisation_words)
                        or (len(words) > 2 and words[0] in self._rules.organisation_words and words[1] == "of"))
        return organisation and not self.has_company_suffix(sentence, span)

    def is_cut_from_a_longer_name(self, sentence: Sentence, span: NerSpan) -> bool:
        """The name is part of a longer listed or never-a-company name written around it (産業銀行 of
        韓国産業銀行, a policy bank; 大学 of a listed university): GiNZA, or the cut of a word such as 韓国
        before it, left a fragment."""
        key = company_key(span.surface)
        offset = span.start - sentence.start
        for name in self._longer_names(key):
            at = name.find(key)
            while at >= 0:
                start = offset - at
                if start >= 0 and company_key(sentence.text[start:start + len(name)]) == name:
                    return True
                at = name.find(key, at + 1)
        return False

    def _longer_names(self, key: str) -> list[str]:
        """The listed and never-a-company names that hold ``key`` and are longer."""
        return [name for name in self._longer if key in name and len(name) > len(key)]

    def is_a_dictionary_word(self, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """Every MeCab token of the span is everyday vocabulary the dictionary knows (ローカライズ,
        ユニコーンスタートアップ, スマートホーム); unknown words, as new names are, have no reading."""
        words = inside(tokens, span)
        if len(words) > 1 and _NAME_ENDING_RE.fullmatch(words[-1].surface):
            words = words[:-1]  # オープンソースAI: a term all the same
        return bool(words) and all(t.pos in _VOCABULARY_POS and t.reading is not None for t in words)

    def is_an_acronym(self, surface: str) -> bool:
        """A short all-capitals word (ASIC, CISO, NATO, HBM): a term or an organisation more often than not."""
        return bool(_ACRONYM_RE.fullmatch(unicodedata.normalize("NFKC", surface)))

    def has_company_suffix(self, sentence: Sentence, span: NerSpan) -> bool:
        """A company suffix (legal_forms.ner_evidence) follows the name (X社, X Inc.)."""
        return sentence.text[span.end - sentence.start:].lstrip().startswith(self._evidence)

    def has_company_ending(self, span: NerSpan) -> bool:
        """The name ends in a sector word or company word (legal_forms.ner_name_endings: 白鷺銀行, Kasikorn Bank)
        that is not all of it."""
        surface = unicodedata.normalize("NFKC", span.surface)
        return any(surface.endswith(ending) and len(surface) > len(ending) for ending in self._endings)

    def has_company_evidence(self, sentence: Sentence, span: NerSpan) -> bool:
        """A company suffix follows the name, or the sentence talks about it as a business."""
        return self.has_company_suffix(sentence, span) or any(word in sentence.text
                                                               for word in self._rules.company_context)

    def has_close_company_context(self, sentence: Sentence, span: NerSpan) -> bool:
        """A word that shows a business is written right after the name: a name_bounds.after word such as
        傘下 or 株式 directly, or a company_context word after one of ner.yaml's context_particles
        (北辰の株式, 北辰との提携)."""
        return self._close_context_re.match(sentence.text, span.end - sentence.start) is not None

    def is_defined_as_company(self, sentence: Sentence, span: NerSpan) -> bool:
        """The sentence defines the name as a company (北辰精機は、日本の工作機械メーカーである), as
        encyclopedia-style text does; a kind that ends a word for something else defines none (創業者, 神社,
        旗艦店: ner.yaml's definition_not_kinds)."""
        definition = self._rules.definition_re
        match = definition.match(sentence.text, span.end - sentence.start) if definition is not None else None
        return match is not None and not sentence.text.endswith(self._rules.definition_not_kinds, 0, match.end("kind"))

    def without_legal_forms(self, span: NerSpan) -> NerSpan:
        """The name without the Japanese legal form written before or after it (株式会社ハドソン: ハドソン)."""
        leading = self._japanese_form_re.match(span.surface)
        if leading is not None and leading.end() < len(span.surface):
            span = replace(span, start=span.start + leading.end(), surface=span.surface[leading.end():])
        trailing = self._japanese_form_re.search(span.surface)
        if trailing is not None and trailing.start() > 0 and trailing.end() == len(span.surface):
            span = replace(span, end=span.end - len(trailing.group()), surface=span.surface[:trailing.start()])
        return span

    def may_find_company(self, sentence: Sentence, rule_mentions: Sequence[CompanyMention]) -> bool:
        """Whether GiNZA could find a company here that passes every check: the sentence has company
        evidence and a Latin or katakana name-like word no rule match covers, or a kanji word no rule
        match covers ends in a company ending or stands before a legal form or context word (its own
        evidence). The model runs only on such sentences, which is most of what keeps NER affordable;
        the result is the same as running it everywhere, except that fewer rule matches are confirmed
        as ``rule+ner``."""
        text = sentence.text
        evidence = self._sentence_evidence_re.search(text) is not None
        for mention in rule_mentions:
            start, end = mention.start - sentence.start, mention.end - sentence.start
            text = text[:start] + " " * (end - start) + text[end:]
        normalized = unicodedata.normalize("NFKC", text)
        return ((evidence and bool(_LATIN_NAME_RE.search(normalized) or _KATAKANA_NAME_RE.search(normalized)))
                or self._kanji_candidate_re.search(normalized) is not None)

    def is_written_with_legal_form(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the name at body offsets [start, end) is written with its legal form (株式会社X, X株式会社, X
        Inc.): the company's whole name, no short form of another's."""
        return (self._form_before_re.search(sentence.text, 0, start - sentence.start) is not None
                or self.opens_with_legal_form(sentence.text[end - sentence.start:]))

    def opens_with_legal_form(self, text: str) -> bool:
        """Whether ``text`` opens with a legal form, perhaps after a comma or spaces (, Inc., 株式会社)."""
        return self._any_form_re.match(text.lstrip(" ,　")) is not None

    def is_a_company_byline(self, author: str) -> bool:
        """The front matter's author is a company under its legal name (株式会社北辰銀行), as a press
        release names its issuer: no publisher's byline."""
        return self._any_form_re.search(author) is not None

    def without_affixes(self, span: NerSpan, word_starts: Collection[int]) -> NerSpan:
        """An entity written with its legal form (Anthropic社, Zephyr Inc.) as the bare name, and without a
        word before it that is not part of it (米Zephyrlogic, 旧ヤフー: name_bounds.before) where that
        word is a whole MeCab word (``word_starts``: the body offsets where words start; 中部電力 keeps
        its 中); the forms cut are legal_forms.trimmed_from_ner."""
        match = self._trailing_form.search(span.surface) if self._trailing_form else None
        if match and match.start() > 0:
            surface = span.surface[:match.start()].rstrip()
            span = replace(span, end=span.start + len(surface), surface=surface)
        word = next((w for w in self._before if span.surface.startswith(w) and len(span.surface) > len(w)
                     and span.start + len(w) in word_starts), None)
        if word is not None:
            span = replace(span, start=span.start + len(word), surface=span.surface[len(word):])
        return span

    def accepts(self, sentence: Sentence, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """Every check passes (see the class's docstring); ``tokens`` are the sentence's MeCab tokens."""
        if not self.is_company_label(span) or self.is_no_company(sentence, span):
            return False
        if self.looks_like_a_name(span.surface):
            return self._is_a_company_name(sentence, span, tokens) and self.has_company_evidence(sentence, span)
        # A sentence defining the name as a company (山陽精工は…部品メーカーだ) also vouches for a kanji name
        # that only starts with a proper noun (精工 is a common noun).
        defined = self.is_defined_as_company(sentence, span)
        named = self.looks_like_a_kanji_name(span, tokens) or defined and self.starts_with_a_proper_noun(span, tokens)
        return named and (defined or self.has_company_ending(span) or self.has_company_suffix(sentence, span)
                          or self.has_close_company_context(sentence, span))

    def may_introduce(self, sentence: Sentence) -> bool:
        """The sentence may introduce a company by name (``is_introduced``): it holds a quote or a kind of
        company joined to what follows."""
        appositive = self._rules.appositive_re
        return ("「" in sentence.text or (appositive is not None and appositive.search(sentence.text) is not None)
                or self._examples_of_companies is not None and self._examples_of_companies.search(sentence.text)
                is not None)

    def is_introduced(self, sentence: Sentence, span: NerSpan) -> bool:
        """The name is all of a 「」 quote written right after a company noun or a kind of company joined to it
        (AI新興企業「Quillforge」, 合弁会社「Zephyr Japan」, 教育企業である「Kotobaya」, and each quote listed
        after such a one: …である「A」や「B」), or follows a kind of company joined to it (AIスタートアップの
        Quillforge, 新興企業であるPonyworks), or is one of a list of examples of a kind of company (UberやState
        Farmといった大手企業): the ways Japanese news introduces a company it names."""
        before = sentence.text[:span.start - sentence.start]
        if self._quote_introduced(before) and sentence.text.startswith("」", span.end - sentence.start):
            return True
        if self._examples_of_companies is not None and self._examples_of_companies.match(
                sentence.text, span.end - sentence.start):
            return True
        ends = self._rules.appositive_end_re
        return (self._appositive_end is not None and self._appositive_end.search(before) is not None
                and ends is not None and ends.match(sentence.text, span.end - sentence.start) is not None)

    def accepts_party(self, sentence: Sentence, span: NerSpan, tokens: Sequence[Token],
                      named_so: bool = False, glued: bool = False) -> bool:
        """The checks for a Latin or katakana name no rule lists that the sentence vouches for as a company
        (a deal's party, party_slots.py; a name introduced after a company noun): that is its evidence,
        and every check that rejects a name GiNZA proposes rejects it too. A name written after its country
        or what kind of company it is (``named_so``: 米インターシルを買収, スタートアップのカゼミチ、…を調達) may be
        made of dictionary words. A name with nouns written on to it (``glued``: ハルカゼ電池との提携) is read as
        a name in Latin letters or katakana and those nouns."""
        return (self.looks_like_a_name(span.surface, glued) and not self.is_no_company(sentence, span)
                and (named_so or self._is_a_company_name(sentence, span, tokens)))

    def accepts_english_party(self, sentence: Sentence, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """The checks for a Latin name no rule lists that an English deal phrase writes as its party (Qualcomm
        to buy Alphawave): English text around it is its context here, so only the checks on what the name
        itself is apply (a stop-listed word, chip, placeholder, person, title, product, organisation)."""
        return (self.looks_like_a_name(span.surface) and self._is_a_company_name(sentence, span, tokens)
                and not (self.is_stop_listed(span.surface) or self.is_a_chip(span.surface)
                         or self.is_a_placeholder(span.surface) or self.is_left_to_the_rules(span.surface)
                         or self.is_a_person(sentence, span) or self.is_a_title(sentence, span)
                         or self.names_a_product(sentence, span) or self.is_an_organisation(sentence, span)
                         or self.is_cut_from_a_longer_name(sentence, span)))

    def is_no_company(self, sentence: Sentence, span: NerSpan) -> bool:
        """One of the checks that reject a name whatever the evidence fails: a stop-listed word, chip,
        placeholder, listed name left to the rules, person, piece of a longer name, capitalised English
        phrase, gloss, title, product, kind of company, organisation or fragment of a longer listed name, a
        country's name, or the unit of an amount written right after its number (130億ノルウェー・クローネで買収)."""
        return (self.is_stop_listed(span.surface) or _is_a_country(span.surface) or self.is_a_chip(span.surface)
                or company_key(span.surface).casefold() in self._short_countries
                or _NUMBER_BEFORE_RE.search(sentence.text, 0, span.start - sentence.start) is not None
                or self.is_a_placeholder(span.surface) or self.is_left_to_the_rules(span.surface)
                or self.is_a_person(sentence, span) or self.is_part_of_a_longer_name(sentence, span)
                or self.is_in_english_text(sentence, span) or self.is_a_gloss(sentence, span)
                or self.is_a_title(sentence, span) or self.names_a_product(sentence, span)
                or self.names_a_kind(span.surface) or self.is_an_organisation(sentence, span)
                or self.is_cut_from_a_longer_name(sentence, span))

    def is_a_defined_name(self, sentence: Sentence, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """The nouns a sentence defining them as a company opens with (``is_defined_as_company``) are a name:
        written in kanji or hiragana, one of them a proper noun or a Japanese word the dictionary does not know
        (ぺんてる, 日商岩井, 伊藤ハム; not 提携先, 顧客 or 量子AI, which such a sentence also defines), and no check
        that rejects a name GiNZA proposes rejects them."""
        return (_DEFINED_NAME_RE.fullmatch(unicodedata.normalize("NFKC", span.surface)) is not None
                and any(word.pos == "名詞-固有名詞"
                        or word.reading is None and _KANA_OR_KANJI_RE.fullmatch(word.surface) is not None
                        for word in inside(tokens, span))
                and not self.is_no_company(sentence, span))

    def _is_a_company_name(self, sentence: Sentence, span: NerSpan, tokens: Sequence[Token]) -> bool:
        """A Latin or katakana name made of dictionary words, or an acronym, is one only with a company
        suffix or ending (Cloud Labs, ABC社); any other is."""
        return (not (self.is_a_dictionary_word(span, tokens) or self.is_an_acronym(span.surface))
                or self.has_company_suffix(sentence, span) or self.has_company_ending(span))


def _trailing_form_re(legal_forms: LegalForms) -> re.Pattern[str] | None:
    """A form of legal_forms.trimmed_from_ner at the end of a name, a Latin one (Inc, Corp) with the
    spaces before it and a dot after it; None when the list is empty."""
    trimmed = legal_forms.trimmed_from_ner
    branches = [re.escape(form) for form in trimmed if form not in legal_forms.latin]
    latin = [re.escape(form) for form in trimmed if form in legal_forms.latin]
    if latin:
        branches.append(rf"\s*(?:{'|'.join(latin)})\.?")
    return re.compile(f"(?:{'|'.join(branches)})$") if branches else None


def resolve_companies(rule_mentions: Sequence[CompanyMention], ner_spans: Sequence[NerSpan],
                      sentences: Sequence[Sentence], tokens: Sequence[Sequence[Token]],
                      ner_filter: NerCompanyFilter, ner_rules: NerRules) -> list[CompanyMention]:
    """One list of company mentions: rule matches win on overlap; accepted NER-only spans are added.

    An NER span must start and end on MeCab token boundaries, like rule
    matches, so a name is never cut inside a word.
    """
    by_id = {s.sentence_id: s for s in sentences}
    tokens_by_id = {sentence.sentence_id: sentence_tokens for sentence, sentence_tokens in zip(sentences, tokens)}
    boundaries = {t.start for ts in tokens for t in ts} | {t.end for ts in tokens for t in ts}
    accepted: list[NerSpan] = []
    # Rules before NER: a span overlapping a rule match never becomes a company of its own.
    for raw in outside(ner_spans, rule_mentions):
        span = ner_filter.without_affixes(raw, boundaries)
        if span.start not in boundaries or span.end not in boundaries:
            continue
        sentence = by_id.get(span.sentence_id)
        if sentence is not None and ner_filter.accepts(sentence, span, tokens_by_id[span.sentence_id]):
            accepted.append(span)
    # Of accepted spans that overlap, the first GiNZA gave stands.
    added = [_unlisted_company(span, f"ner:{span.label}", "ner") for span in first_come(accepted)]
    # A rule match that a span of a confirming label overlaps was found by both.
    confirming = [span for span in ner_spans if span.label in ner_rules.confirming_labels]
    merged = [replace(m, source="rule+ner") if overlaps_any(m, confirming) else m for m in rule_mentions]
    return sorted(merged + added, key=lambda m: (m.start, m.end))


def add_vouched_names(mentions: Sequence[CompanyMention], sentences: Sequence[Sentence],
                      tokens: Sequence[Sequence[Token]], ner_filter: NerCompanyFilter,
                      slots: PartySlots, deeds: CompanyDeeds) -> list[CompanyMention]:
    """``mentions`` and the Latin or katakana names no mention covers that the sentence itself vouches for
    as companies, when they pass ``NerCompanyFilter.accepts_party``: a name written as a party of a deal, or
    a Latin one opening its headline (Roiを買収, Kiva Systemsとの提携, Aが出資するXolo, Xolo、1億ドルを調達; rule
    company.party_slot), or as the party of an English deal phrase (Qualcomm to buy Alphawave; checked by
    ``NerCompanyFilter.accepts_english_party``), or quoted right after a company noun (AI新興企業「Quillforge」;
    rule company.introduced). News names a bought or backed startup that way, which no list can hold and
    GiNZA often misses; and a name a sentence opens with and defines as a company (アスキーは、日本の出版社
    である; rule company.introduced), as encyclopedia-style text does, which may be written on from a listed
    one (キヤノンカメラは、…メーカーである; ダイムラー・クライスラーは…) that then gives way to it; and a name
    the sentence writes doing what people seldom do (客船はミナト・クルーズが運航している; ``deeds``, rule
    company.introduced). Like every match, a name starts and ends on MeCab token boundaries."""
    added: list[CompanyMention] = []
    replaced: list[CompanyMention] = []  # listed names inside a longer name a sentence defines
    for sentence, sentence_tokens in zip(sentences, tokens):
        party, introduced = slots.may_hold_party(sentence), ner_filter.may_introduce(sentence)
        opening = _OPENING_NAME_RE.match(sentence.text)
        # アスキーは、日本の出版社である: the name a sentence opens with and defines as a company
        defined = opening is not None and ner_filter.is_defined_as_company(
            sentence, NerSpan(sentence.sentence_id, sentence.start + opening.start("name"),
                              sentence.start + opening.end("name"), opening.group("name"), ""))
        # ぺんてるは、日本の文具メーカーである; 日商岩井は、…総合商社である: a name in kanji or hiragana
        # (without its legal form: 株式会社ハドソンは…であった names the listed ハドソン, no longer name)
        nouns = None if defined else _opening_nouns(sentence, sentence_tokens)
        nouns = ner_filter.without_legal_forms(nouns) if nouns is not None else None
        within = _inside(nouns, mentions) if nouns is not None else None
        if (nouns is not None and within is not None and ner_filter.is_defined_as_company(sentence, nouns)
                and ner_filter.is_a_defined_name(sentence, nouns, sentence_tokens)):
            replaced += within
            added.append(_unlisted_company(nouns, INTRODUCED_NAME_RULE))
        raiser = slots.funding_raiser(sentence)
        if raiser is not None:
            # - ツバメ物流｜シリーズA｜12億円｜A、B: the first cell of a funding table's row names the company that
            # raised the round (rule company.party_slot)
            span = NerSpan(sentence.sentence_id, *raiser, sentence.text[raiser[0] - sentence.start:
                                                                        raiser[1] - sentence.start], "")
            if not overlaps_any(span, [*mentions, *added]) and not ner_filter.is_no_company(sentence, span):
                added.append(_unlisted_company(span, PARTY_NAME_RULE))
        for start, end in slots.english_party_names(sentence):
            # Qualcomm to buy Alphawave; Zephyr Labs raises $50 million (rule company.party_slot)
            surface = sentence.text[start - sentence.start:end - sentence.start]
            span = NerSpan(sentence.sentence_id, start, end, surface, "")
            if not overlaps_any(span, [*mentions, *added]) and ner_filter.accepts_english_party(
                    sentence, span, sentence_tokens):
                added.append(_unlisted_company(span, PARTY_NAME_RULE))
        named_by_deed = deeds.may_name(sentence)
        if not (party or introduced or defined or named_by_deed):
            continue
        boundaries = {t.start for t in sentence_tokens} | {t.end for t in sentence_tokens}
        for match in _PARTY_NAME_RE.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if start not in boundaries or end not in boundaries:
                continue
            # 変速機部品を手がける東海プレシジョンは: kanji nouns written before a katakana name are its first part
            # when what the company is is written before them, or they are proper nouns and the name receives a
            # deal (東海プレシジョンはアイシンの傘下に入る)
            if not match.group()[:1].isascii():
                lead, proper = ner_filter.leading_name_start(sentence_tokens, start, slots)
                if lead != start and (slots.introduces(sentence, lead)
                                      or proper and slots.receives_in_own_clause(sentence, end)):
                    start = lead
            described = slots.is_described(sentence, start)
            if slots.follows_a_kind(sentence, start):
                # 全固体電池スタートアップのハルカゼ電池と: the nouns written on to it are the rest of its name (after a
                # country alone they are as often a kind of company: 米バイオ医薬の買収)
                end = ner_filter.glued_name_end(sentence_tokens, end, slots)
            glued = end != sentence.start + match.end() or start != sentence.start + match.start()
            span = NerSpan(sentence.sentence_id, start, end, sentence.text[start - sentence.start:end - sentence.start],
                           "")
            opens = defined and opening is not None and match.start() == opening.start("name")
            # ダイムラー・クライスラーは…: the name a sentence opens with and defines may hold listed ones
            held = _inside(span, mentions) if opens else ([] if not overlaps_any(span, mentions) else None)
            if held is None:
                continue
            # Xolo、1億ドルを調達: a Latin headline subject too (a katakana one is as often a person: マスク、…を買収,
            # unless what kind of company it is is written before it: スタートアップのカゼミチ、…を調達), and a
            # described subject of a deal (国内スタートアップのミライカラーズは、KDDIと提携)
            # (or a company noun right before it: 配信会社アニメルートは…を買収); a Latin name marked as the subject of
            # a deal too (フィンテックのKestrel Payが、…を引受先とする増資で45億円を調達): a katakana one is as often a
            # person's
            # (or introduced as a company alone, any role of a deal later in the sentence: 抗体医薬を開発する米
            # ノヴァリスと、がん領域の…ライセンス契約を結んだ; AI創薬スタートアップ、ジェノミクサ（Genomixa）は…調達)
            introduces = slots.introduces(sentence, start)
            introduced_so = described or introduces or slots.follows_a_company_noun(sentence, start)
            # (or the subject of a deal it receives: データグリッドは、富士通に買収される; only a company is bought)
            receives = slots.receives_in_own_clause(sentence, end)
            latin = match.group()[:1].isascii()
            subject = ((latin or introduced_so) and slots.opens_a_headline(sentence, start, end)
                       or introduced_so and slots.holds_subject(sentence, start, end)
                       or latin and (slots.acts_in_own_clause(sentence, end) or slots.joins_a_deal(sentence, end))
                       or receives)
            if party and not held and (slots.holds_party(sentence, end) or slots.is_modified(sentence, start, end)
                                         or subject or introduces and slots.holds_far_party(sentence, end)):
                rule_id = PARTY_NAME_RULE
            elif introduced and not held and not glued and ner_filter.is_introduced(sentence, span) or opens:
                rule_id = INTRODUCED_NAME_RULE
            elif named_by_deed and not held and not glued and deeds.names(sentence, start, end):
                rule_id = INTRODUCED_NAME_RULE  # 客船はミナト・クルーズが運航している
            else:
                continue
            # a deal's party written after what the company is may be made of dictionary words (米インターシル,
            # AIスタートアップのカゼミチ, ドローンを開発するスカイジャイロ), and so may a compound or a Latin name
            # right after a company noun (新興ドライブ|マインド, 充電会社IONNA; not 大手ファウンドリ, a kind of
            # company), or the subject of a deal it receives
            # (not one dictionary word receiving it, which is as often a thing: 新たなプロジェクトが契約された)
            compound = len(inside(sentence_tokens, span)) > 1
            if ner_filter.accepts_party(sentence, span, sentence_tokens,
                                        (described or introduces or receives and compound
                                         or (compound or latin) and slots.follows_a_company_noun(sentence, start))
                                        and rule_id == PARTY_NAME_RULE, glued):
                replaced += held
                added.append(_unlisted_company(span, rule_id))
    return sorted([*(m for m in mentions if m not in replaced), *added], key=lambda m: (m.start, m.end))


def add_names_listed_under_headings(mentions: Sequence[CompanyMention], sentences: Sequence[Sentence],
                                    tokens: Sequence[Sequence[Token]], ner_filter: NerCompanyFilter
                                    ) -> list[CompanyMention]:
    """``mentions`` and the names a list under a heading of a company's group companies holds, one per item
    (## 主要子会社 then - 北辰リース, - カルポルトランド（米国）; rule company.heading_list), as encyclopedia
    articles list them: the heading says each is a company, whatever its words. A name found already inside
    the item's gives way to it (丸井 of - 丸井今井); a name a check on GiNZA's names rejects (a person, an
    organisation, a product) stays out."""
    added: list[CompanyMention] = []
    replaced: set[CompanyMention] = set()
    grouped = by_sentence(mentions)
    under_heading = False
    for sentence, sentence_tokens in zip(sentences, tokens):
        heading = _HEADING_RE.fullmatch(sentence.text)
        if heading is not None:
            under_heading = ner_filter.heads_a_company_list(heading.group("title") or heading.group("bold"))
            continue
        item = _NAME_ITEM_RE.fullmatch(sentence.text) if under_heading else None
        if item is None:
            continue
        word_starts = {t.start for t in sentence_tokens}
        # (the name without its legal form: - 北辰リース株式会社 is 北辰リース)
        span = ner_filter.without_affixes(ner_filter.without_legal_forms(NerSpan(
            sentence.sentence_id, sentence.start + item.start("name"), sentence.start + item.end("name"),
            item.group("name"), "")), word_starts)
        known = grouped.get(sentence.sentence_id, [])
        # (a name found with its Latin form, which the item writes whole: - Grainlink Pty Ltd)
        if any(m.start <= span.start and span.end <= m.end
               or span.start == m.start and ner_filter.opens_with_legal_form(
                   sentence.text[m.end - sentence.start: item.end("name")]) for m in known):
            continue
        word_ends = {t.end for t in sentence_tokens}
        if span.start in word_starts and span.end in word_ends and not ner_filter.is_no_company(sentence, span):
            replaced |= {m for m in known if span.start <= m.start and m.end <= span.end}
            added.append(_unlisted_company(span, HEADING_LIST_RULE))
    return sorted([*(m for m in mentions if m not in replaced), *added], key=lambda m: (m.start, m.end))


def add_listed_names(mentions: Sequence[CompanyMention], sentences: Sequence[Sentence],
                     tokens: Sequence[Sequence[Token]], ner_filter: NerCompanyFilter) -> list[CompanyMention]:
    """``mentions`` and the Latin names no mention covers that a sentence lists among companies (rule
    company.listed): an item of a list of three or more names (A、B、C; AやB; or names in bold, each perhaps after
    a short description of it) of which at least two are companies found already and no fewer are companies
    than not (Sequoia、Angel Bridge、Accelといった投資家). Writers list funds, startups and rivals that way, and no
    list can hold them all; a name that a check on GiNZA's names rejects (a product, person, chip or kind of
    company) stays out."""
    added: list[CompanyMention] = []
    grouped = by_sentence(mentions)
    for sentence, sentence_tokens in zip(sentences, tokens):
        known = grouped.get(sentence.sentence_id, [])
        if len(known) < _MIN_LISTED_COMPANIES:
            continue
        spans = {(sentence.start + match.start(), sentence.start + match.end()): match.group()
                 for match in _LISTED_NAME_RE.finditer(sentence.text)}
        if not spans:
            continue
        boundaries = {t.start for t in sentence_tokens} | {t.end for t in sentence_tokens}
        candidates = {place: NerSpan(sentence.sentence_id, *place, surface, "") for place, surface in spans.items()
                      if place[0] in boundaries and place[1] in boundaries}
        candidates = {place: span for place, span in candidates.items() if not overlaps_any(span, known)}
        if not candidates:
            continue
        places = {(m.start, m.end) for m in known}
        for gap_re, items in ((_LIST_GAP_RE, sorted([*places, *candidates])),
                              (_BOLD_LIST_GAP_RE, _bold_items(sentence, [*places, *candidates]))):
            for run in _runs(sentence, items, gap_re):
                companies = sum(1 for place in run if place in places)
                if len(run) >= _MIN_LIST_ITEMS and companies >= max(_MIN_LISTED_COMPANIES, len(run) - companies):
                    added += [_unlisted_company(candidates[place], LISTED_NAME_RULE) for place in run
                              if place in candidates and not overlaps_any(candidates[place], added)
                              and ner_filter.accepts_party(sentence, candidates[place], sentence_tokens)]
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def _bold_items(sentence: Sentence, places: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of names at ``places``, those that are all of a bold run of text (**Atomwise**), in order."""
    bold = {(sentence.start + match.start("inner"), sentence.start + match.end("inner"))
            for match in _BOLD_RE.finditer(sentence.text)}
    return sorted(place for place in places if place in bold)


def _runs(sentence: Sentence, items: Sequence[tuple[int, int]], gap_re: re.Pattern[str]) -> list[list[tuple[int, int]]]:
    """``items`` (start and end offsets, in order) grouped into lists: runs whose neighbours are apart by
    text that ``gap_re`` matches whole."""
    runs: list[list[tuple[int, int]]] = []
    for item in items:
        if runs and gap_re.fullmatch(sentence.text, runs[-1][-1][1] - sentence.start, item[0] - sentence.start):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def without_publisher(mentions: Sequence[CompanyMention], author: str | None,
                      ner_filter: NerCompanyFilter) -> list[CompanyMention]:
    """``mentions`` without the publisher's own name, which the spec counts no company: a name no list holds that
    the post's author field holds (ALLFORCES of author ALLFORCES編集部, written again in the post's closing
    advertisement). A listed company the author names is kept: a newspaper may report on itself; and so is
    every company where the author is one under its legal name (株式会社X): a press release's issuer, the party
    of the deal it announces."""
    if not author or ner_filter.is_a_company_byline(author):
        return list(mentions)
    byline = company_key(author)
    return [m for m in mentions
            if not (m.company_id.startswith(DERIVED_ID_PREFIX) and company_key(m.surface) in byline)]


def byline_company(mentions: Sequence[CompanyMention], author: str | None, ner_filter: NerCompanyFilter) -> str | None:
    """The company_id of the company the front matter's author is, where the author is a company under its legal
    name (a press release's issuer, which the release calls 当社) and the post names it; else None."""
    if not author or not ner_filter.is_a_company_byline(author):
        return None
    byline = company_key(author)
    named = [m for m in mentions if company_key(m.surface) and company_key(m.surface) in byline]
    return max(named, key=lambda m: len(company_key(m.surface))).company_id if named else None


def _inside(span: NerSpan, mentions: Sequence[CompanyMention]) -> list[CompanyMention] | None:
    """The listed mentions a longer name at ``span`` holds, each shorter than it (none where it overlaps
    none), and the names read only from a deal's party slot there (ホーム of 北斗ホームは…子会社となり, the name
    given in full before); None where a mention overlaps it without lying inside it, covers all of it, or is
    a name no list holds that a pattern found (a pattern's ハルカゼ of 株式会社ハルカゼ already is the name)."""
    overlapping = [m for m in mentions if m.start < span.end and span.start < m.end]
    if any(m.start < span.start or m.end > span.end or (m.start, m.end) == (span.start, span.end)
           or m.company_id.startswith(DERIVED_ID_PREFIX) and m.rule_id != PARTY_NAME_RULE for m in overlapping):
        return None
    return overlapping


def _opening_nouns(sentence: Sentence, tokens: Sequence[Token]) -> NerSpan | None:
    """The run of nouns a sentence opens with (after list marks): a prefix may start it and suffixes go on
    with it (新日本製鐵, 鷺沼酒造店). None when a noun does not open the sentence."""
    marks = _OPENING_MARKS_RE.match(sentence.text)
    start = sentence.start + (marks.end() if marks else 0)
    run: list[Token] = []
    for token in tokens:
        if token.end <= start:
            continue
        if (token.start != (run[-1].end if run else start)
                or not (token.pos.startswith("名詞") or run and token.pos.startswith("接尾辞-名詞")
                        or not run and token.pos.startswith("接頭辞"))):
            break
        run.append(token)
    if not run or not run[-1].pos.startswith(("名詞", "接尾辞")):
        return None
    end = run[-1].end
    return NerSpan(sentence.sentence_id, start, end, sentence.text[start - sentence.start: end - sentence.start], "")


def add_names_found_elsewhere(mentions: Sequence[CompanyMention], sentences: Sequence[Sentence],
                              tokens: Sequence[Sequence[Token]], ner_filter: NerCompanyFilter) -> list[CompanyMention]:
    """``mentions`` and the other places the post writes a company no list names (rule
    company.named_in_post): news gives a company its evidence once (米Zephyrlogicは, Zephyrlogic社,
    Zephyrlogicを買収) and then writes the bare name (a headline, Zephyrlogic、Nimbaloと提携), which is
    the same company and may be a deal's party there; so is an abbreviation the post gives a listed company in
    brackets (``_with_abbreviations``: ゴールドマン・サックス（GS）, then GSと…提携), and the first word of a katakana
    name, listed or not, the post writes whole (インフロニア・ホールディングス, then インフロニアが). A place is taken
    as a whole name on MeCab token boundaries that no mention covers (a listed name inside it gives way: キヤノン of
    キヤノンカメラ), not written on into a longer name (Zephyrlogic Cloud), and not where a check on GiNZA's names
    rejects it (Zephyrlogic氏, Zephyrlogic 2). A short form found on its own takes the id of the company whose
    name it shortens (``_short_forms_joined``), and so does a name in another script the post gives in brackets
    after a company no list names (``_glosses_joined``: 株式会社ロードパイロット（RoadPilot）)."""
    by_id = {sentence.sentence_id: sentence for sentence in sentences}
    mentions = _glosses_joined(_with_abbreviations(mentions, by_id), by_id)
    whole = {company_key(m.surface) for m in mentions if m.company_id.startswith(DERIVED_ID_PREFIX)
             and ner_filter.is_written_with_legal_form(by_id[m.sentence_id], m.start, m.end)}
    found = {m.surface: m for m in mentions if m.company_id.startswith(DERIVED_ID_PREFIX)
             and len(m.surface) >= _MIN_REPEATED_NAME or m.rule_id == ABBREVIATION_RULE}
    # アーガス・スペシャルティ・ホールディングス, then アーガス: news shortens a katakana name to its first word;
    # みちのりホールディングス, then みちのりHD: a holding company's name to HD
    shortened: dict[str, str] = {}  # a katakana short form -> the name it shortens
    # (a listed one too, written whole in the post: インフロニア・ホールディングス, then インフロニアが…を取得)
    listed = {m.surface: m for m in mentions if not m.company_id.startswith(DERIVED_ID_PREFIX)}
    for mention in [*found.values(), *listed.values()]:
        short = _short_form(mention.surface)
        if short is not None and not short.isascii() and short not in found and short not in listed:
            found[short], shortened[short] = mention, mention.surface
        for holding in holding_short_forms(mention.surface):
            found.setdefault(holding, mention)
    if not found:
        return _short_forms_joined(mentions, whole)
    covered = list(mentions)
    for sentence, sentence_tokens in zip(sentences, tokens):
        # (not a short form where its sentence writes the whole name too: トレレボルグから、…トレレボルグ・ホイール・
        # システムズを買収 names the parent and the unit named after it)
        present = [surface for surface in found if surface in sentence.text
                   and not (surface in shortened and shortened[surface] in sentence.text)]
        if not present:
            continue
        starts, ends = {t.start for t in sentence_tokens}, {t.end for t in sentence_tokens}
        for surface in sorted(present, key=len, reverse=True):
            for match in re.finditer(re.escape(surface), sentence.text):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                span = NerSpan(sentence.sentence_id, start, end, surface, "")
                # キヤノンカメラ again: the longer name wins over a listed one inside it (キヤノン)
                inside = _inside(span, covered)
                if (start not in starts or end not in ends or inside is None
                        or _REPEAT_GOES_ON_RE.match(sentence.text, match.end())
                        or _REPEAT_GOES_ON_BEFORE_RE.search(sentence.text, 0, match.start())
                        or ner_filter.is_no_company(sentence, span)):
                    continue
                mention = replace(found[surface], sentence_id=sentence.sentence_id, start=start, end=end,
                                  surface=surface, rule_id=NAMED_IN_POST_RULE, source="rule")
                covered = [m for m in covered if m not in inside] + [mention]
    return sorted(_short_forms_joined(covered, whole), key=lambda m: (m.start, m.end))


class DefinedNames:
    """The names a post defines for companies at the end of the brackets after their full names (株式会社X（本社：
    東京都港区、以下「X」）, 以下「当社」, 以下「対象者」; company_patterns.yaml's definitions), and the issuer a
    press release introduces with such brackets."""

    def __init__(self, definitions: Definitions, legal_forms: LegalForms) -> None:
        marks = any_word(definitions.marks) if definitions.marks else None
        collective = any_word(definitions.collective) if definitions.collective else "(?!)"
        forms = any_word((*legal_forms.japanese, *legal_forms.latin))
        # after the name (and the legal form written after it), a bracket whose last item is the definition
        self._definition_re = None if marks is None else re.compile(
            rf"(?:,?\s?{forms}\.?)*\s?[（(](?:[^（）()]{{0,200}}?[、，,]\s*)?{marks}\s*(?P<collective>{collective})?"
            rf"\s*[「『“\"]?(?P<name>[^「」『』“”\"、。，,（）()\s]{{1,30}}?)[」』”\"]?\s*(?:という|といいます)?。?[）)]")
        # after the name (and its legal form), brackets opening with its head office or representative, then は
        self._issuer_re = re.compile(
            rf"(?:,?\s?{forms}\.?)?\s?[（(]\s*{any_word(definitions.issuer_marks)}[^（）()]*[）)]\s*は"
        ) if definitions.issuer_marks else None
        # a filing's header line naming it (会 社 名　株式会社X)
        self._issuer_label_re = re.compile(rf"\s*{any_word(definitions.issuer_labels)}\s*[：:]?\s*(?:{forms})?\s*"
                                           ) if definitions.issuer_labels else None

    def issuer(self, mentions: Sequence[CompanyMention], sentences: Sequence[Sentence]) -> str | None:
        """The company_id of a press release's issuer, as its lead sentence introduces it (the first company
        followed by brackets of its head office or representative and then は: 株式会社X（本社：東京都港区、代表
        取締役社長：…）は、…を発表) or a filing's header names it (会 社 名　株式会社X), which the release calls 当社;
        None if no sentence introduces one so."""
        by_id = {sentence.sentence_id: sentence for sentence in sentences}
        for mention in mentions:
            text, start = by_id[mention.sentence_id].text, by_id[mention.sentence_id].start
            if (self._issuer_re is not None and self._issuer_re.match(text, mention.end - start)
                    or self._issuer_label_re is not None
                    and self._issuer_label_re.fullmatch(text, 0, mention.start - start)):
                return mention.company_id
        return None

    def add(self, mentions: Sequence[CompanyMention], sentences: Sequence[Sentence],
            tokens: Sequence[Sequence[Token]]) -> list[CompanyMention]:
        """``mentions`` and every place after its definition where the post writes a name it defined for a company,
        on MeCab word boundaries (rule company.defined_name): a press release calls the company so from then on
        (当社は、…第三者割当増資を実施; Hengdaとの提携). A place a listed company's name fills exactly takes the
        defined company instead (the post says whose name it is); a longer name holding it stays."""
        if self._definition_re is None:
            return list(mentions)
        by_id = {sentence.sentence_id: sentence for sentence in sentences}
        defined: list[tuple[int, str, CompanyMention]] = []  # (where the definition ends, the name, its company)
        result = list(mentions)
        for mention in mentions:
            sentence = by_id[mention.sentence_id]
            match = self._definition_re.match(sentence.text, mention.end - sentence.start)
            if match is not None and match.group("collective") is None:
                defined.append((sentence.start + match.end(), match.group("name"), mention))
                # (以下「Learnware社」: the post writes the name without its 社 too, Learnwareは)
                stem = match.group("name").removesuffix(_SHA)
                if stem != match.group("name") and len(stem) >= _MIN_DEFINED_STEM:
                    defined.append((sentence.start + match.end(), stem, mention))
                # (以下「ブラント社」: a company a pattern read inside the definition is the one defined)
                name_start, name_end = sentence.start + match.start("name"), sentence.start + match.end("name")
                result = [replace(m, company_id=mention.company_id, name=mention.name)
                          if m.sentence_id == mention.sentence_id and name_start <= m.start and m.end <= name_end
                          and m.company_id.startswith(DERIVED_ID_PREFIX) else m for m in result]
        if not defined:
            return result
        for sentence, sentence_tokens in zip(sentences, tokens):
            present = [(after, name, company) for after, name, company in defined
                       if after < sentence.end and name in sentence.text]
            if not present:
                continue
            starts, ends = {t.start for t in sentence_tokens}, {t.end for t in sentence_tokens}
            for after, name, company in present:
                for match in re.finditer(re.escape(name), sentence.text):
                    start, end = sentence.start + match.start(), sentence.start + match.end()
                    if start >= after and start in starts and end in ends:
                        result = _named_there(result, replace(
                            company, sentence_id=sentence.sentence_id, start=start, end=end, surface=name,
                            rule_id=DEFINED_NAME_RULE, source="rule"))
        return sorted(result, key=lambda m: (m.start, m.end))


#: The suffix a press release's defined name of a company may end in (以下「Learnware社」), and the fewest characters
#: the name before it must have to stand for the company alone (Learnware, ブラント).
_SHA = "社"
_MIN_DEFINED_STEM = 2


def _with_abbreviations(mentions: Sequence[CompanyMention], by_id: Mapping[int, Sentence]) -> list[CompanyMention]:
    """``mentions`` and the abbreviation a post gives a company in brackets right after its name (ゴールドマン・
    サックス（GS）, Mitsubishi UFJ Financial Group (MUFG); rule company.abbreviation): the same company, in place
    of another company a list names so (GS is also a listed name's: here the post says whose it is). Only an
    abbreviation of the company's name is one: its letters, from the first, are letters of the name in order (GS
    of Goldman Sachs, MSFT of Microsoft; not US of Tesla, a country), wherever the post writes it as a company no
    list names, a headline before the definition included."""
    result = list(mentions)
    for mention in mentions:
        sentence = by_id[mention.sentence_id]
        match = _ABBREVIATION_RE.match(sentence.text, mention.end - sentence.start)
        if match is None or not (abbreviates(match.group("abbr"), mention.name)
                                 or _abbreviates_written(match.group("abbr"), mention.surface)):
            # 日本コンピュートホールディングス（日本コンピュートHD）: a holding company's short form
            match = _HOLDINGS_SHORT_RE.match(sentence.text, mention.end - sentence.start)
            if match is None or not any(mention.surface == match.group("short") + word
                                        for word in HOLDING_WORDS - SHORT_HOLDING_WORDS):
                continue
        result = _named_there(result, replace(mention, start=sentence.start + match.start("abbr"),
                                              end=sentence.start + match.end("abbr"), surface=match.group("abbr"),
                                              rule_id=ABBREVIATION_RULE))
    # (a company no list names, written as the abbreviation before the post defines it, as a headline may: that company)
    return _given_ids(result, {company_key(m.surface): m for m in result if m.rule_id == ABBREVIATION_RULE})


def _named_there(mentions: list[CompanyMention], named: CompanyMention) -> list[CompanyMention]:
    """``mentions`` with ``named`` added, in place of the mentions of other companies it overlaps (a name the post
    gives a company wins over another company a list names so); unchanged where a mention of the same company or
    a longer name covers its place."""
    there = [m for m in mentions if m.start < named.end and named.start < m.end]
    if any(m.company_id == named.company_id or m.start < named.start or named.end < m.end for m in there):
        return mentions
    return [m for m in mentions if m not in there] + [named]


def _glosses_joined(mentions: Sequence[CompanyMention], by_id: Mapping[int, Sentence]) -> list[CompanyMention]:
    """``mentions``, where a company no list names is followed by its name in another script in brackets (株式会社
    ロードパイロット（RoadPilot）, Zephyrlogic（ゼファーロジック）), with that name a mention of it there and every
    other mention of that name as a company no list names given its id: one company, whichever script the post
    writes it in (the headline's RoadPilot is the body's ロードパイロット). Where the gloss is a listed company's name
    (ゼプト（Zepto）), the name before it is that company wherever the post writes it."""
    glossed: dict[str, CompanyMention] = {}  # the gloss's normalized name -> the company it is
    listed: dict[str, CompanyMention] = {}  # a name no list holds -> the listed company its gloss names
    result = list(mentions)
    for mention in mentions:
        if not mention.company_id.startswith(DERIVED_ID_PREFIX):
            continue
        sentence = by_id[mention.sentence_id]
        match = _GLOSS_RE.match(sentence.text, mention.end - sentence.start)
        if match is None or match.group("gloss").isascii() == mention.surface.isascii():
            continue
        start, end = sentence.start + match.start("gloss"), sentence.start + match.end("gloss")
        named = next((m for m in mentions if m.start == start and m.end == end
                      and not m.company_id.startswith(DERIVED_ID_PREFIX)), None)
        if named is not None:
            listed.setdefault(company_key(mention.surface), named)
            continue
        glossed.setdefault(company_key(match.group("gloss")), mention)
        if not any(m.start < end and start < m.end for m in result):
            result.append(replace(mention, start=start, end=end, surface=match.group("gloss"), rule_id=GLOSS_RULE))
    return _given_ids(result, {**glossed, **listed})


def _given_ids(mentions: Sequence[CompanyMention], companies: Mapping[str, CompanyMention]) -> list[CompanyMention]:
    """``mentions`` in body order, each company no list names whose name (normalized by ``company_key``) is a key of
    ``companies`` given that company's id and name: one company, however many ways the post writes it."""
    return sorted((replace(m, company_id=company.company_id, name=company.name)
                   if m.company_id.startswith(DERIVED_ID_PREFIX) and (company := companies.get(company_key(m.surface)))
                   else m for m in mentions), key=lambda m: (m.start, m.end))


def _abbreviates_written(abbreviation: str, surface: str) -> bool:
    """Whether ``abbreviation`` of two words shortens a name written in Japanese that opens with its first word
    (JIC VGI of JICベンチャー・グロース・インベストメンツ): the rest is in katakana, whose letters cannot be checked."""
    first, _, rest = abbreviation.partition(" ")
    return bool(rest) and not surface.isascii() and surface.startswith(first) and len(surface) > len(first)


def _short_forms_joined(mentions: Sequence[CompanyMention], whole: Collection[str]) -> list[CompanyMention]:
    """``mentions``, where a company no list names was found under a name that the name of one other company of
    the post begins with (MoonCore of MoonCore Intelligence, アーガス of アーガス・スペシャルティ・ホールディングス;
    a headline's ゲッティ or スピリット・エアロ of the listed ゲッティイメージズ or スピリット・エアロシステムズ,
    Warner Bros of Warner Bros. Discovery), with the short form given that company's id: one company, so its
    rows are not split between two ids. Where the names of two companies begin so, the short form is left alone,
    and so is a name the post writes with its legal form (``whole``: 株式会社ジーフォース is a company of its own
    beside its unit ジーフォース・スタジオ大阪)."""
    written = {(company_key(name), m.company_id, m.name) for m in mentions for name in (m.surface, m.name)}
    full: dict[str, tuple[str, str] | None] = {}
    for mention in mentions:
        short = company_key(mention.surface)
        if not mention.company_id.startswith(DERIVED_ID_PREFIX) or short in full or short in whole:
            continue
        companies = {(company_id, name) for longer, company_id, name in written
                     if company_id != mention.company_id and _shortens(short, longer)}
        full[short] = companies.pop() if len(companies) == 1 else None
    return [replace(m, company_id=company[0], name=company[1])
            if m.company_id.startswith(DERIVED_ID_PREFIX) and (company := full.get(company_key(m.surface)))
            else m for m in mentions]


def _shortens(short: str, name: str) -> bool:
    """Whether ``short`` is ``name`` cut short after a word: a Latin name before a space or mark (MoonCore of
    MoonCore Intelligence, Warner Bros of Warner Bros. Discovery), or a katakana name of three characters or more
    before at least two more (アイン of アインホールディングス, ゲッティ of ゲッティイメージズ)."""
    if len(name) <= len(short) or not name.startswith(short):
        return False
    if short.isascii():
        return short[:1].isupper() and not name[len(short)].isalnum()
    rest = name[len(short):].lstrip("・")
    return (len(short) >= _MIN_SHORT_KATAKANA and _KATAKANA_RUN_RE.fullmatch(short) is not None
            and len(rest) >= 2 and not rest.isascii())


def _short_form(surface: str) -> str | None:
    """The first word a name of several words may be shortened to: a Latin name's capitalised first word
    (MoonCore of MoonCore Intelligence), a katakana name's first word before ・ of four characters or more
    (アーガス of アーガス・スペシャルティ・ホールディングス), or of three before a holding company's word alone
    (カプリ of カプリ・ホールディングス); None for a name of one word."""
    first, _, rest = surface.partition(" ")
    if rest and first.isascii() and first[:1].isupper():
        return first
    first, _, rest = surface.partition("・")
    shortest = _MIN_SHORT_KATAKANA if rest in HOLDING_WORDS else _MIN_SHORT_FORM
    if rest and len(first) >= shortest and _KATAKANA_NAME_RE.fullmatch(first):
        return first
    return None


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """The names of the world's countries and regions in Japanese and English, as CLDR (through babel) writes
    them (インドネシア, アラブ首長国連邦, Indonesia), normalized as company names are."""
    from babel import Locale

    return frozenset(company_key(name).casefold() for language in ("ja", "en")
                     for name in Locale(language).territories.values())


def _is_a_country(surface: str) -> bool:
    """The name is a country's or region's (インドネシアの合弁相手: a country, no company)."""
    return company_key(surface).casefold() in _country_names()


def _unlisted_company(span: NerSpan, rule_id: str, source: str = "rule") -> CompanyMention:
    """A name no list holds, accepted by ``rule_id`` (a rule's, or GiNZA's label), as a company mention, its id
    derived from its normalized name."""
    key = company_key(span.surface)
    return CompanyMention(sentence_id=span.sentence_id, start=span.start, end=span.end, surface=span.surface,
                          rule_id=rule_id, company_id=derived_company_id(key), name=key, parent_id=None,
                          source=source)
