"""Company patterns compiled for the companies stage, and the word checks that fit their matches to MeCab words.

Compiled with the ``regex`` module, not ``re``: it keeps ``re``'s syntax (the
shipped look-behinds included) and can stop a match after a timeout, so a
user's pattern that backtracks exponentially fails one post instead of hanging
the run. A pattern runs on every sentence, and most sentences hold none of its
fixed words (株式会社, 社, Inc ...): ``required_literals`` finds them, so such a
sentence is skipped with a substring test instead of a regex call.

A regex sees characters, not words: ``Xグループ`` matches inside
レンダリングループ (a rendering loop), and the kanji before 株式会社 may begin
with words that are not the name (同日日本電気株式会社). ``NameReader`` fits
each match to the sentence's MeCab words: the name and its legal form must
start and end on word boundaries, the name is read from the words next to the
form and stops where they stop being a name (a particle, a title such as
代表取締役社長, a word such as 旧 or 米 before it), and a pattern may ask for a
proper noun as the name's first or last word (三菱UFJ銀行 but not 地方銀行).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from extract.models import Sentence, Token
from extract.names import company_key
from extract.normalize.literals import literals_re, required_literals
from extract.rules import PatternRule
from extract.tokenize import is_adverbial_noun

if TYPE_CHECKING:  # imported where patterns are compiled: a re-run with nothing to do compiles none
    import regex

@dataclass(frozen=True)
class CompanyPattern:
    """A compiled company pattern; group ``name`` is the company's name, optional group ``form`` its legal
    form or company word. ``literals`` are strings of which every match contains one (empty when
    unknown): a sentence holding none of them cannot match. ``proper``, ``whole_word``,
    ``not_in_sentences_with``, ``quoted`` and ``start_marked`` are those of ``CompanyPatternEntry``."""

    id: str
    regex: regex.Pattern
    file: str
    line: int
    literals: tuple[str, ...] = ()
    proper: str | None = None
    whole_word: bool = False
    not_in_sentences_with: tuple[str, ...] = ()
    quoted: bool = False
    start_marked: bool = False

    @cached_property
    def literal_re(self) -> re.Pattern[str] | None:
        """The literals as one alternation (None without literals): one search tests a sentence for all of them,
        several times faster than a substring test per literal."""
        return literals_re(self.literals)


def compile_company_patterns(rules: tuple[PatternRule, ...]) -> tuple[CompanyPattern, ...]:
    """The validated patterns of company_patterns.yaml, compiled (they compiled when validated)."""
    import regex

    return tuple(CompanyPattern(rule.id, regex.compile(rule.regex), rule.file, rule.line,
                                required_literals(rule.regex), rule.proper, rule.whole_word,
                                rule.not_in_sentences_with, rule.quoted, rule.start_marked) for rule in rules)


#: The most letters of each word of a short name joined by の (沢|の|鶴; not 東京|の|山田, a place and a name).
_SHORT_NO_WORD = 1
#: Characters that join the words of one name (アイメソフト・ジャパン, AT&T, Corpy&Co., Gen-AX).
_JOINERS = frozenset("・&＆-‐.．'’+＋")
#: The joiners that join two names into one (Zephyr AI & Robotics, ダンモア&ユナイテッド・ブルワリーズ).
_AMPERSANDS = frozenset("&＆")
#: Characters MeCab reads as a particle or a symbol that names are written with inside them (吉備乃国酒造,
#: 聖護院八ッ橋総本店, ミライノ).
_NAME_INNER_KANA = frozenset({"乃", "ッ", "ノ"})
#: MeCab (UniDic) parts of speech a word of a name may have: nouns of every kind, prefixes (全日本空輸),
#: suffixes (日立製作所, 高島屋) and adjectival nouns (スマートニュース).
_NAME_POS = frozenset({"名詞", "接頭辞", "接尾辞", "形状詞"})
_KANJI_RE = re.compile(r"[一-龯々〆ヶ]")
#: A word all of kanji (青空 of 山形県の青空銀行).
_KANJI_WORD_RE = re.compile(r"[一-龯々〆ヶ]+")
#: A share written right after a name in a stake split (A電線55%、B電線45%).
_SHARE_RE = re.compile(r"[0-9０-９]{1,3}(?:[.．][0-9０-９]+)?[%％]")
#: Parts of speech of a kanji word that may stand between a name's proper noun and its sector word.
_MIDDLE_KANJI_POS = ("名詞", "接頭辞", "接尾辞")
#: A particle MeCab reads where a kana name writes a shop's 屋 (さくらやストア).
_SHOP_PARTICLE = "や"
_HIRAGANA_RE = re.compile(r"[ぁ-ゖ]")
#: A word written in hiragana alone, of two or more characters (みらい; not の).
_HIRAGANA_WORD_RE = re.compile(r"[ぁ-ゖ]{2,}")
#: A word written in hiragana alone (と, やま, なが).
_HIRAGANA_ONLY_RE = re.compile(r"[ぁ-ゖー]+")
#: Parts of speech of hiragana words that open no name read backwards (した, さらに, また, その, ああ).
_NOT_KANA_NAME_POS = ("動詞", "副詞", "接続詞", "連体詞", "感動詞", "代名詞")
#: Fewest characters of the hiragana a name opens with.
_MIN_KANA_LEAD = 3
#: What a name's opening hiragana may follow: a break (、「（, a space).
_KANA_LEAD_BREAKS = ("、", "。", "「", "『", "（", "(", " ", "　", "\n", "*")
_KATAKANA_RE = re.compile(r"[ァ-ヺー]+")
_KANJI_OR_KATAKANA_RE = re.compile(r"[一-龯々〆ヶァ-ヺー]+")
#: A katakana character right before a katakana one: a name starting there ends a longer katakana word (アーム of
#: カーゴアーム, ジェン of サイトジェン, ー・エナジー of ベイユー・エナジー), whether a list or a pattern finds it.
KATAKANA_GLUED_RE = re.compile(r"[ァ-ヺー][ァ-ヺー]")
#: Where a name that opens in hiragana after its legal form ends: a bracket, a stop, a comma, a colon, a dash, a
#: space or Markdown's bold mark (株式会社ひのくにモビリティ（熊本市）, **株式会社さくら銀行**).
_KANA_NAME_END = frozenset("（(「」『』、。，,：:　 *_–—―")
#: Two particles that make one (との, とは), which a name opening in hiragana is not read through.
_COMPOUND_PARTICLES = frozenset({"との", "とは", "とも", "への", "での", "からの"})
#: The longest name that opens in hiragana, in characters.
_KANA_NAME_CHARS = 20
_KANJI_NUMERALS = frozenset("〇一二三四五六七八九十百千")
#: The shortest word in Latin letters that may start a name on its own (SBI証券; not AI, IT, EV).
_MIN_LATIN_PROPER = 3
#: Most words between a name's first proper noun and its sector word (東京海上日動火災保険 has three).
MAX_MIDDLE_WORDS = 3


@dataclass(frozen=True)
class SentenceWords:
    """A sentence's MeCab words with offsets into its text, and which word starts or ends at an offset."""

    text: str
    spans: tuple[tuple[int, int], ...]
    tokens: tuple[Token, ...]
    starts: dict[int, int]
    ends: dict[int, int]
    #: The words that open a listed company's name (旭 of 旭化成): a proper noun, whatever MeCab tags it.
    listed: frozenset[int] = frozenset()

    @classmethod
    def of(cls, sentence: Sentence, tokens: Sequence[Token], listed_starts: Collection[int] = ()) -> SentenceWords:
        """The words of ``sentence``; ``tokens`` are its MeCab tokens (body offsets), ``listed_starts`` the body
        offsets where listed companies' names start."""
        spans = tuple((t.start - sentence.start, t.end - sentence.start) for t in tokens)
        starts = {start: i for i, (start, _) in enumerate(spans)}
        return cls(sentence.text, spans, tuple(tokens), starts, {end: i for i, (_, end) in enumerate(spans)},
                   frozenset(starts[offset - sentence.start] for offset in listed_starts
                             if offset - sentence.start in starts))

    def first_from(self, offset: int) -> int:
        """The first word that starts at or after ``offset`` (the number of words when none does)."""
        return next((i for i, (start, _) in enumerate(self.spans) if start >= offset), len(self.spans))

    def last_until(self, offset: int) -> int:
        """The last word that ends at or before ``offset`` (-1 when none does)."""
        return next((i for i in range(len(self.spans) - 1, -1, -1) if self.spans[i][1] <= offset), -1)

    def starts_with(self, index: int, words: Collection[str]) -> bool:
        """Whether one of ``words`` is written from word ``index`` on, ending on a word boundary."""
        start = self.spans[index][0]
        return any(self.text.startswith(word, start) and start + len(word) in self.ends for word in words)

    def ends_with(self, index: int, words: Collection[str]) -> bool:
        """Whether one of ``words`` is written up to the end of word ``index``, starting on a word boundary."""
        end = self.spans[index][1]
        return any(self.text.endswith(word, 0, end) and end - len(word) in self.starts for word in words)


@dataclass(frozen=True)
class NameBoundsWords:
    """The words the name reader stops at: ``forms`` (legal forms: a name never runs into one),
    ``before`` and ``after`` (name_bounds of company_patterns.yaml), ``followers`` (what may follow a
    ``whole_word`` name: legal forms, company words and ``after``), and ``generic`` (words that are no
    proper noun however MeCab tags them: products, generic nouns, stop words), ``openers`` (words that open a
    name before its proper noun as a prefix does: 東日本銀行), ``sector_words`` (the trades a name may end
    in: 銀行, 工業), ``kinds`` (words that before a trade make a kind of company: 地方銀行, 相互銀行),
    ``places`` (last words of places: ダム, ビル), ``departments`` (last words of a company's department
    written after its name and a space: 部, 室), ``countries`` (the countries news writes before a
    foreign company's name: 米, 英), ``closing_after`` (words of ``after`` that end a name read forwards
    where nothing of the noun follows them: 本店), ``investor_words`` (katakana words that end an investor's
    name: キャピタル, ファンド) and ``regions`` (last words of a region that vouch with の for the kanji name after
    them: 山形県の青空銀行)."""

    forms: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    followers: tuple[str, ...]
    generic: frozenset[str]
    openers: frozenset[str] = frozenset()
    sector_words: tuple[str, ...] = ()
    kinds: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    departments: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    closing_after: frozenset[str] = frozenset()
    investor_words: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()


class NameReader:
    """Fits a company pattern's match to the sentence's MeCab words (see the module's docstring)."""

    def __init__(self, words: NameBoundsWords) -> None:
        self._words = words

    def fit(self, pattern: CompanyPattern, match: regex.Match, words: SentenceWords) -> tuple[int, int] | None:
        """The name's offsets in the sentence once fitted to its words, or None when the match is no name.

        The form's edges must be word boundaries, and so must the start of a name read forwards from
        it; the far edge is where the words stop being a name (the regex may have read further)."""
        start, end = match.span("name")
        form = match.span("form") if "form" in pattern.regex.groupindex else (-1, -1)
        katakana_form = form[0] >= 0 and bool(_KATAKANA_RE.fullmatch(match.group("form").lstrip("・")))
        if katakana_form and form[0] not in words.starts and form[1] in words.ends:
            # 米ブルックウェイ・ベンチャー・キャピタル: MeCab, not knowing the name, made one word of it and its form
            whole = words.ends[form[1]]
            unknown = words.tokens[whole].reading is None and "・" in words.tokens[whole].surface
            # (or with its form set off by a middle dot, as foreign names are written: エンブレイサー・グループ)
            if unknown and start <= words.spans[whole][0] and (self._after_country(words, whole)
                                                               or match.group("form").startswith("・")):
                return self._ampersand_lead(words, whole, start), words.spans[whole][1]
            glued = self._glued_form(words, whole, start, form[0], pattern.proper)
            if glued is not None:
                return glued, end if form[0] < end else form[0]
        if form[0] >= 0 and (form[0] not in words.starts or form[1] not in words.ends):
            return None
        name_end: int | None = None
        proper = pattern.proper
        if pattern.quoted:  # a quoted name is all the brackets hold (「株式会社さくらのまち」), on word boundaries
            return (start, end) if start in words.starts and end in words.ends else None
        if form[0] < 0:
            if start not in words.starts or end not in words.ends:
                return None
            low, high = words.starts[start], words.ends[end]
            # 仏ヴェオリアの日本法人ヴェオリア・ジャパン、北陸電力の3社: the kind of company before a name is
            # not of it
            low = next((index + 1 for index in range(low, high)
                        if words.text[start:words.spans[index][1]] in self._words.before), low)
        elif form[1] <= start:  # 株式会社X: read forwards from the form
            if start not in words.starts or self._closes_a_name(words, words.starts[form[0]]):
                return None
            low = words.starts[start]
            high = self._read_kana_name(words, low) if _HIRAGANA_RE.match(words.tokens[low].surface) else low - 1
            if high < low:
                high = self._read_forward(words, low, words.last_until(end))
        else:  # X株式会社, or a form that ends the name (EISグループ, 三菱UFJ銀行): read backwards
            if form[0] < end:
                high, name_end = words.starts[form[0]] - 1, end
            else:  # the last word that ends within the name (Corpy&Co. of "Corpy&Co., Inc.", MeCab's ".,")
                high = words.last_until(end)
            low = self._read_back(words, words.first_from(start), high)
            if katakana_form and self._dotted_after_country(words, low, high, match.group("form")):
                proper = None  # 米パークウェイ・ベンチャー・キャピタル: the country vouches for the name
            if pattern.start_marked and low <= high and words.spans[low][0] != start:
                return None  # 会社が運営する施設（東京・江東）: the words read back fall short of the kind
            if not pattern.start_marked:
                low = self._trimmed(words, low, high, proper)
            if low <= high and words.text.endswith(_CLOSING_BRACKETS, 0, words.spans[low][0]):
                # 大槻華鋭（上海）機床有限公司: the name goes on before the brackets it holds, the place of a
                # Chinese company's seat; any other bracket is no part of a name
                seated = self._read_back_over_place(words, low)
                if seated is None:
                    return None
                low = seated
        bracketed = form[0] == end and match.group("form")[:1] in "（("
        if low <= high and self._glued_to_katakana(words, low):
            return None  # ジェン of サイトジェン: a name does not start inside a katakana word
        if low > high or not self._is_a_name(words, low, high, proper, forwards=0 <= form[1] <= start,
                                             katakana_form=katakana_form, bracketed=bracketed):
            return None
        if pattern.whole_word and not self._ends_a_word(words, match.end()):
            return None
        if form[0] >= 0 and form[1] > start:  # read backwards: a kana word the name opens with (ながさき物流)
            low = _kana_lead(words, low, words.first_from(start))
        return words.spans[low][0], name_end if name_end is not None else words.spans[high][1]

    def _ampersand_lead(self, words: SentenceWords, whole: int, start: int) -> int:
        """Where a name ending in word ``whole`` starts: with the name words joined to it by an ampersand
        (ダンモア&ユナイテッド・ブルワリーズ), read back no further than ``start``; at ``whole`` otherwise."""
        first = words.first_from(start)
        if whole - 2 < first or words.tokens[whole - 1].surface not in _AMPERSANDS \
                or not _joined(words, whole - 1, whole):
            return words.spans[whole][0]
        low = self._read_back(words, first, whole - 1)
        return words.spans[low][0] if low < whole - 1 else words.spans[whole][0]

    def _glued_form(self, words: SentenceWords, whole: int, start: int, form_start: int,
                    proper: str | None) -> int | None:
        """Where a name starts whose last katakana part MeCab, not knowing it, made one word ``whole`` with its
        katakana form (日本|コンピュートホールディングス): the first of the name words before that word, a proper
        noun where ``proper`` asks for one; None where the word is known, holds nothing before the form, or has no
        name word before it (コネクテッドインダストリーズ alone may be a term)."""
        head = words.spans[whole][0]
        part = words.text[head:form_start]
        if words.tokens[whole].reading is not None or not start <= head < form_start \
                or not _KATAKANA_RE.fullmatch(part):
            return None
        first = words.first_from(start)
        low = self._read_back(words, first, whole - 1) if whole > first else whole
        if low >= whole:
            return None
        if proper in ("first", "first_or_sector") and not self._is_proper(words, low):
            return None
        return words.spans[low][0]

    def _dotted_after_country(self, words: SentenceWords, low: int, high: int, form: str) -> bool:
        """Words ``low``..``high`` and ``form`` are a foreign name in katakana or Latin letters, its words joined by ・,
        written right after a country (米パークウェイ・ベンチャー・, 韓国のLGテクノロジー・), or of three words or more
        (プライマリー・ベンチャー・パートナーズ), or of two ending in an investor's word (ルクス・キャピタル,
        ファウンダーズ・ファンド): news transliterates a foreign company so, and MeCab reads its words as common
        nouns. A generic phrase is written without ・ (米ベンチャーキャピタル), or is one company_patterns.yaml
        rejects (ベンチャー・キャピタル, ヘッジ・ファンド)."""
        if low > high or words.tokens[low].surface in _JOINERS:
            return False
        name = words.tokens[low:high + 1]
        dots = sum(token.surface == "・" for token in name) + form.startswith("・")
        # (not the end of a longer name joined by ・: みなと・アクティブ・パートナーズ)
        investor = (dots == 1 and form.startswith("・") and form[1:] in self._words.investor_words
                    and not words.text.endswith("・", 0, words.spans[low][0]))
        if not (self._after_country(words, low) or dots >= 2 or investor):
            return False
        return (dots >= 1
                and all(token.surface == "・" or _is_katakana(token)
                        or (token.surface.isascii() and token.surface.isalpha()) for token in name))

    def _after_country(self, words: SentenceWords, low: int) -> bool:
        """Word ``low`` is written right after a country, perhaps with の between (米X, 韓国のX)."""
        country = low - 2 if low > 1 and words.tokens[low - 1].surface == "の" else low - 1
        return (country >= 0 and words.tokens[country].surface in self._words.countries
                and words.spans[country][1] == words.spans[country + 1][0])

    @staticmethod
    def _glued_to_katakana(words: SentenceWords, low: int) -> bool:
        """Word ``low`` starts in katakana right after katakana, with nothing between: it goes on a word."""
        start = words.spans[low][0]
        return start > 0 and KATAKANA_GLUED_RE.match(words.text, start - 1) is not None

    def _read_back(self, words: SentenceWords, low: int, high: int) -> int:
        """The first word of the name that ends with word ``high``, reading back no further than ``low``:
        it stops before a word that is no name word, a legal form or one of ``before``."""
        first = high + 1
        for index in range(high, low - 1, -1):
            token = words.tokens[index]
            if (not _is_name_word(token) or words.ends_with(index, self._words.forms)
                    or words.ends_with(index, self._words.before) and not self._inside_kanji_name(words, index, low)
                    or (first <= high and not _joined(words, index, first))):
                break
            first = index
        while first <= high and words.tokens[first].surface in _JOINERS:
            first += 1
        if first == high and first - 2 >= low and self._short_no_name(words, first - 2):
            first -= 2  # 沢の鶴株式会社: a short name of two words joined by の
        return first

    def _read_back_over_place(self, words: SentenceWords, low: int) -> int | None:
        """The first word of a name whose words from ``low`` follow a place in brackets that is part of it, as
        Chinese companies write their seat (不二家（杭州）食品有限公司, 華鋭（上海）機床有限公司): the name read back
        from the word before the brackets; None when the brackets hold no place or no name stands before them."""
        place = _SEAT_BRACKET_RE.search(words.text, 0, words.spans[low][0])
        before = words.ends.get(place.start()) if place is not None else None
        if before is None or not _is_name_word(words.tokens[before]):
            return None
        first = self._read_back(words, 0, before)
        return first if first <= before else None

    def _inside_kanji_name(self, words: SentenceWords, index: int, low: int) -> bool:
        """Word ``index``, a one-letter word of ``before`` (中, 米), goes on a kanji noun joined before it, as a
        letter of a name (西中リース), not a country written before one (中アリババ)."""
        token = words.tokens[index]
        if len(token.surface) != 1 or index <= low:
            return False
        previous = words.tokens[index - 1]
        return (_joined(words, index - 1, index) and previous.pos.startswith("名詞")
                and bool(_KANJI_RE.fullmatch(previous.surface[-1:])))

    def _short_no_name(self, words: SentenceWords, first: int) -> bool:
        """Words ``first``..``first + 2`` are a short name of two words joined by の, as old brewers and shops are
        named (沢の鶴, 菊の露, 月の桂): a kanji noun of one letter that opens its phrase and is no country or kind
        before a name, の, and a kanji noun of one letter."""
        if first + 2 >= len(words.tokens):
            return False
        left, joint, right = words.tokens[first:first + 3]
        opens = first == 0 or not _is_name_word(words.tokens[first - 1])
        return (opens and left.pos.startswith("名詞") and len(left.surface) <= _SHORT_NO_WORD
                and bool(_KANJI_RE.fullmatch(left.surface[:1]))
                and left.surface not in self._words.before and joint.surface == "の"
                and right.pos.startswith("名詞") and len(right.surface) <= _SHORT_NO_WORD
                and bool(_KANJI_RE.fullmatch(right.surface[:1])))

    def _read_forward(self, words: SentenceWords, low: int, high: int) -> int:
        """The last word of the name that starts with word ``low``, reading no further than ``high``: it
        stops before a word that is no name word, a legal form or one of ``after`` (代表取締役社長), and after
        one of ``closing_after`` that nothing of the noun follows (株式会社上林春松本店が)."""
        last = low - 1
        for index in range(low, high + 1):
            token = words.tokens[index]
            if last >= low and token.surface in self._words.closing_after and _joined(words, last, index) and (
                    index + 1 == len(words.tokens) or not _is_name_word(words.tokens[index + 1])):
                last = index  # 株式会社上林春松本店が: the word ends the name
                break
            if (not _is_name_word(token) or words.starts_with(index, self._words.forms)
                    or words.starts_with(index, self._words.after)
                    or (last >= low and not _joined(words, last, index))):
                break
            last = index
        while last >= low and (words.tokens[last].surface in _JOINERS or words.tokens[last].pos == "接頭辞"):
            last -= 1
        if last > low and words.tokens[last].surface in self._words.departments:
            # 株式会社X 経営企画部: the words after the last space name a department
            gap = next((index for index in range(last, low, -1)
                        if words.spans[index - 1][1] < words.spans[index][0]), None)
            if gap is not None:
                return gap - 1
        return last

    def _read_kana_name(self, words: SentenceWords, low: int) -> int:
        """The last word of a name that opens in hiragana at word ``low`` after its legal form (株式会社ゆいまー
        るテック, 株式会社ひのくにモビリティ): MeCab reads such a name as verbs and particles, so it runs to the
        next bracket, stop, comma, space, title or form (代表取締役), or to a particle but の after a word in
        another script (株式会社ゆいまーるテックは), or through a particle right before another one ((株)ふくやが),
        or to a one-letter particle before a comma or a stop (株式会社ぎょうせいは、), or to の before a kanji word
        (株式会社いなほ堂の傘下), never ending in の; it is none (``low - 1``) where a particle after hiragana or an
        auxiliary stands before that (株式会社ひまわりは: its words are read as any name's are); や before a katakana
        word is the name's own (株式会社さくらやストア)."""
        last = low - 1
        if words.tokens[low].pos.startswith(("助詞", "助動詞")):
            return last  # 株式会社の設立: no name opens with a particle
        for index in range(low, len(words.tokens)):
            token = words.tokens[index]
            if (token.surface[:1] in _KANA_NAME_END or (last >= low and not _joined(words, last, index))
                    or words.starts_with(index, self._words.forms) or words.starts_with(index, self._words.after)):
                break
            following = words.tokens[index + 1] if index + 1 < len(words.tokens) else None
            if token.surface == "の" and following is not None and _KANJI_RE.match(following.surface) \
                    and not following.pos.startswith("接尾辞"):
                # 株式会社いなほ堂の傘下, …ファンドの出資: の and a kanji word after the name are of it (but a shop's
                # suffix after の is the name's: 株式会社はなの屋)
                break
            if (last >= low and token.pos.startswith("助詞") and len(token.surface) == 1
                    and (following is None or following.surface[:1] in _KANA_NAME_END)):
                break  # 株式会社ぎょうせいは、: a particle before a comma or a stop ends the name, whatever MeCab read
            if (token.surface == _SHOP_PARTICLE and last >= low and following is not None
                    and _joined(words, index, index + 1) and _KATAKANA_RE.fullmatch(following.surface)):
                last = index  # 株式会社さくらやストア: や between kana and a katakana word is a shop's 屋 in the name
                continue
            if token.pos.startswith("助詞") and token.surface != "の":
                if (last >= low and following is not None and following.pos.startswith("助詞")
                        and _joined(words, index, index + 1) and _HIRAGANA_RE.search(words.tokens[last].surface[-1:])
                        and token.surface + following.surface not in _COMPOUND_PARTICLES):
                    # （株）ふくやが: a particle right after hiragana and right before the name's own particle ends
                    # the name (not 株式会社あさひ銀行との: との after a kanji word is the particle; nor 株式会社みなみ
                    # まるとの: との is a particle of its own)
                    last = index
                    break
                if last >= low and not _HIRAGANA_RE.search(words.tokens[last].surface[-1:]):
                    break
                return low - 1
            if token.pos.startswith("助動詞"):
                return low - 1
            last = index
        while last >= low and words.tokens[last].surface == "の":
            last -= 1
        if last < low or words.spans[last][1] - words.spans[low][0] > _KANA_NAME_CHARS:
            return low - 1
        return last

    def _trimmed(self, words: SentenceWords, low: int, high: int, proper: str | None) -> int:
        """The first word of a name read backwards, without the everyday words before its start: for
        ``proper`` names every word before the first proper noun (大手地方銀行 has none); otherwise kanji
        nouns before a proper noun or a word in another script (同日日本電気, 今回AIデータ), but not before a
        katakana loanword, which names the company's trade after its name (東雲ファイナンス, 房総タクシー), unless one
        of them says when (同日ゼファーロジック), nor a word opening a listed name (商船 of 商船三井クルーズ)."""
        if low > high:
            return low
        if proper == "first_or_sector" and low < self._trade_start(words, low, high) <= high:
            # 日清製油として設立, 東洋コルク工業として創業: the context and the trade vouch for the whole name,
            # whatever its words
            return low
        if proper is not None and self._after_region(words, low, high):
            return low  # 山形県の青空銀行: the region vouches for the word MeCab reads as a common noun
        if proper is not None:
            first = low
            while low <= high and not self._is_proper(words, low):
                low += 1
            # Katakana words joined to it with ・ are a transliterated name's first words
            # (ブリティッシュ・ミッドランド航空).
            while first + 1 < low <= high and words.tokens[low - 1].surface == "・" and _is_katakana(
                    words.tokens[low - 2]):
                low -= 2
            # A prefix written onto the proper noun is part of the name (全日本空輸, 新日本製鉄, 東日本銀行), as is a
            # single kanji opening what is read (阪|北電|鉄 of 、阪北電鉄株式会社).
            return low - 1 if first < low <= high and self._opens_read_back(words, low - 1, first) else low
        index = low
        while index < high and _is_kanji_everyday(words.tokens[index]) and index not in words.listed:
            index += 1
        if words.tokens[index].surface == "の":
            return low  # 菊の鶴: a name joined by の, read back whole
        token = words.tokens[index]
        if index > low and _is_katakana(token) and token.pos == "名詞-普通名詞" and token.reading is not None \
                and not any(is_adverbial_noun(word.surface) for word in words.tokens[low:index]):
            return low  # 東雲ファイナンス株式会社: a loanword after kanji nouns says what their company does
        if self._is_proper(words, index) or not _KANJI_RE.search(token.surface):
            # (with an opener written onto it: 南栄重機株式会社)
            return index - 1 if low < index and self._opens_read_back(words, index - 1, low) else index
        return low

    def _is_a_name(self, words: SentenceWords, low: int, high: int, proper: str | None, forwards: bool,
                   katakana_form: bool = False, bracketed: bool = False) -> bool:
        """Words ``low``..``high`` can be a name: not a lone affix, nor, read forwards from a legal form,
        a lone everyday kanji word (株式会社設立), and with the proper noun the pattern asks for
        (``katakana_form``: the form the name ends in is written in katakana, システムズ; ``bracketed``: the
        form is in brackets right after the name, 光洋ミクロン（大阪府）)."""
        if low == high:
            token = words.tokens[low]
            if token.pos.startswith(("接頭辞", "接尾辞")) or (forwards and _is_kanji_everyday(token)):
                return False
        trade = self._trade_start(words, low, high) if proper == "first_or_sector" else high + 1
        if low < trade <= high:
            # 日清製油として設立, 東邦化成工業を前身とする; not a kind of company (地方銀行として発足)
            return (words.spans[trade][0] - words.spans[low][0] >= 2 and trade - low <= MAX_MIDDLE_WORDS
                    and not (trade == low + 1 and words.tokens[low].surface in self._words.kinds)
                    and all(token.pos.startswith("名詞") and _KANJI_OR_KATAKANA_RE.fullmatch(token.surface)
                            for token in words.tokens[low:trade]))
        if proper in ("first", "first_or_sector"):
            if self._after_region(words, low, high):
                return True  # 山形県の青空銀行: the region vouches for a name MeCab reads as a common noun
            head = low + 1 if (self._opens(words.tokens[low]) or self._cut_kanji(words, low)) and low < high else low
            # (the proper noun may follow katakana words joined to it with ・: ブリティッシュ・ミッドランド航空)
            while head + 2 <= high and _is_katakana(words.tokens[head]) and words.tokens[head + 1].surface == "・":
                head += 2
            # (a code name's number is part of its first word: R5ビバレッジズ)
            coded = head < high and _LETTER_RE.fullmatch(words.tokens[head].surface) is not None \
                and words.tokens[head + 1].pos == "名詞-数詞"
            return self._is_proper(words, head) and self._plain_middle(words, head + 1 + coded, high, katakana_form,
                                                                       bracketed)
        if proper == "last":
            return self._is_proper(words, high)
        return True

    def _after_region(self, words: SentenceWords, low: int, high: int) -> bool:
        """The name before a form, words ``low``..``high``, is one kanji word of two letters or more that is no
        kind of company (地方), written right after a region and の (山形県の青空銀行)."""
        return (low == high and low >= 2 and words.tokens[low - 1].surface == "の"
                and words.tokens[low - 2].surface[-1:] in self._words.regions
                and len(words.tokens[low].surface) >= 2 and _KANJI_WORD_RE.fullmatch(words.tokens[low].surface)
                is not None and words.tokens[low].surface not in self._words.kinds)

    def _trade_start(self, words: SentenceWords, low: int, high: int) -> int:
        """The first of words ``low``..``high`` in the run of sector words that ends them (銀行 of 熊本ファミリー銀行,
        化成|工業 of 東邦化成工業, 自動|車 of 神姫自動車); ``high + 1`` where no sector word ends them."""
        first = high + 1
        while first > low:
            end = words.spans[first - 1][1]
            start = next((end - len(word) for word in self._words.sector_words
                          if words.text.endswith(word, 0, end) and end - len(word) in words.starts), None)
            if start is None or words.starts[start] < low:
                break
            first = words.starts[start]
        return first

    def _plain_middle(self, words: SentenceWords, low: int, high: int, katakana_form: bool = False,
                      bracketed: bool = False) -> bool:
        """Words ``low``..``high``, between a name's first proper noun and its sector word, are what
        such names hold there: at most ``MAX_MIDDLE_WORDS`` kanji nouns, prefixes or proper nouns (京浜急行電鉄,
        東京海上日動火災保険, 瀬戸|内|銀行), nouns in hiragana (土佐みらい銀行), one katakana word
        (熊本ファミリー銀行) or before a form in brackets that ends the name (光洋ミクロン（大阪府）), the rest of a
        katakana name MeCab cut into words (ハン|ビット電子), or before a form written in katakana, katakana
        words (東芝メディカルシステムズ), or katakana words joined with ・ (東北トラスティ・サービス信託銀行); not a
        phrase (xAIメンフィス巨大データセンター建設)."""
        # (a katakana name joined with ・ counts as one word, however MeCab cut it, where only proper nouns stand
        # beside it: not 環境配慮型グローバル・バリューファンド, a fund's product name)
        dotted_words = [index for index in range(low, high + 1) if (_is_katakana(words.tokens[index])
                        or words.tokens[index].surface == "・") and _in_dotted_katakana(words, index)]
        if any(index not in dotted_words and not self._is_proper(words, index) for index in range(low, high + 1)):
            dotted_words = []
        if high - low + 1 - len(dotted_words) + (1 if dotted_words else 0) > MAX_MIDDLE_WORDS:
            return False
        katakana_name = low > 0 and _is_katakana(words.tokens[low - 1])
        # 熊本ファミリー銀行, 安井ミシン商会: after a proper noun, a katakana word may say what the company does,
        # right before its sector word (not 第三セクター鉄道, 黒部ダム建設, 新日鐵釜石ラグビー部) or the brackets
        # that end the name (光洋ミクロン（大阪府）)
        trade_word = ((bracketed or (high + 1 < len(words.tokens)
                                     and words.starts_with(high + 1, self._words.sector_words)))
                      and low > 0 and words.tokens[low - 1].pos == "名詞-固有名詞")
        for index in range(low, high + 1):
            token = words.tokens[index]
            katakana_name = (katakana_name and _is_katakana(token)
                             and words.spans[index - 1][1] == words.spans[index][0])
            plain_katakana = (trade_word and index == high and not katakana_name and token.pos.startswith("名詞")
                              and _is_katakana(token) and token.surface not in self._words.places)
            # (katakana words joined with ・, a name written in katakana: 東北トラスティ・サービス信託銀行)
            dotted = index in dotted_words and _is_katakana(token)
            if not (katakana_name or plain_katakana or dotted or self._is_proper(words, index)
                    or token.surface in _JOINERS
                    or (katakana_form and _is_katakana(token))
                    or (token.pos.startswith(_MIDDLE_KANJI_POS) and bool(_KANJI_RE.fullmatch(token.surface[:1])))
                    or (token.pos.startswith("名詞") and _HIRAGANA_WORD_RE.fullmatch(token.surface) is not None)):
                return False
        return True

    def _opens(self, token: Token) -> bool:
        """The word may open a name before its proper noun: a prefix (全日本空輸) or one of ``openers`` (東日本銀行)."""
        return token.pos == "接頭辞" or token.surface in self._words.openers

    def _opens_read_back(self, words: SentenceWords, index: int, first: int) -> bool:
        """Word ``index`` opens a name read back before its proper noun: as ``_opens``, or, as the ``first`` word
        read, a kanji noun of one character MeCab cut from the name's first word (阪|北電 of 、阪北電鉄株式会社)."""
        return self._opens(words.tokens[index]) or index == first and self._cut_kanji(words, index)

    def _cut_kanji(self, words: SentenceWords, index: int) -> bool:
        """Word ``index`` is a kanji noun of one character that MeCab cut from the proper noun right after it
        (友|嘉 of 友嘉実業集団, 阪|北電 of 阪北電鉄), not the first word of a listed name (旭 of 旭化成)."""
        token = words.tokens[index]
        return (token.pos == "名詞-普通名詞" and _KANJI_RE.fullmatch(token.surface) is not None
                and index not in words.listed and index + 1 < len(words.tokens)
                and words.tokens[index + 1].pos == "名詞-固有名詞"
                and words.spans[index][1] == words.spans[index + 1][0])

    def _is_proper(self, words: SentenceWords, index: int) -> bool:
        """Word ``index`` is a proper noun, a kanji numeral of a name (十六銀行, 第一生命), a native word
        spelled in katakana as names are (ミナト商事, not 港), a word the dictionary does not know
        (SBI, テンストレントジャパン) or the first word of a listed company's name, and not a generic word."""
        token = words.tokens[index]
        if company_key(token.surface) in self._words.generic:
            return False
        if index in words.listed:
            return True  # 旭化成エレクトロニクス: a listed company's name opens it, a unit named after its parent
        if token.pos == "名詞-固有名詞" or _is_native_in_katakana(token):
            return True
        if _LETTER_RE.fullmatch(token.surface) and index + 1 < len(words.tokens) \
                and words.tokens[index + 1].pos == "名詞-数詞" and words.spans[index][1] == words.spans[index + 1][0]:
            return True  # R5ビバレッジズ, T3システムズ: a capital glued to a number is a code name
        if token.pos == "名詞-数詞":
            return _is_name_numeral(words, index)
        if token.reading is None and token.surface[:1].isalpha():
            return not token.surface.isascii() or len(token.surface) >= _MIN_LATIN_PROPER
        return False

    def _closes_a_name(self, words: SentenceWords, form_index: int) -> bool:
        """The legal form at word ``form_index`` is written right after a name (テンストレントジャパン株式会社
        事業開発担当): it closes that name and does not open the next."""
        if form_index == 0:
            return False
        before = form_index - 1
        return words.spans[before][1] == words.spans[form_index][0] and _is_name_word(words.tokens[before])

    def _ends_a_word(self, words: SentenceWords, end: int) -> bool:
        """Nothing that continues the noun follows offset ``end`` (not 自動車業界, 証券業協会): the next word
        is no noun, or it is a legal form, a company word or one of ``after``, or a share of a stake split written
        right after the name (出資比率はA電線55%、B電線45%)."""
        following = words.starts.get(end)
        if following is None:
            return True
        token = words.tokens[following]
        if not (token.pos.startswith("名詞") or token.pos.startswith("接尾辞")):
            return True
        return words.starts_with(following, self._words.followers) or _SHARE_RE.match(words.text, end) is not None


#: Brackets that close right before a name read backwards when the name holds them.
_CLOSING_BRACKETS = ("）", ")")
#: A Chinese company's seat in brackets inside its name, closing right before the rest of it (（杭州）, （上海）).
_SEAT_BRACKET_RE = re.compile(r"[（(][一-龯]{2,4}[）)]$")


def _is_name_word(token: Token) -> bool:
    """A word that may be part of a name: a noun, affix or adjectival noun, a letter's name in katakana
    (アルファ of アルファ運輸), a word MeCab does not know, or a character that joins a name's words."""
    if token.surface in _JOINERS or token.surface in _NAME_INNER_KANA:
        return True
    if token.pos.split("-", 1)[0] in _NAME_POS or token.pos == "記号-文字" and _is_katakana(token):
        return True
    return token.reading is None and token.surface[:1].isalnum()


def _joined(words: SentenceWords, left: int, right: int) -> bool:
    """Words ``left`` and ``right`` belong to one name: nothing is between them, or only spaces between
    two words that are neither kanji nor hiragana (Growth One, パナソニック コネクト; not X ほか) nor joiners,
    but for an ampersand between two words (Zephyr AI & Robotics), and not a number after a word in another
    script (a table's figure: X・パートナーズ 15.0)."""
    gap = words.text[words.spans[left][1]:words.spans[right][0]]
    if not gap:
        return True
    pair = (words.tokens[left].surface, words.tokens[right].surface)
    joiners = [s for s in pair if s in _JOINERS]
    return (gap.isspace() and not any(_KANJI_RE.search(s) or _HIRAGANA_RE.search(s) for s in pair)
            and not (pair[1][:1].isdigit() and not pair[0].isascii())
            and (not joiners or joiners in (["&"], ["＆"])))


def _in_dotted_katakana(words: SentenceWords, index: int) -> bool:
    """Word ``index`` is in a run of katakana words joined with ・, a foreign name MeCab may cut anywhere
    (トラ|スティ|・|サービス)."""
    def part(other: int) -> bool:
        return words.tokens[other].surface == "・" or _is_katakana(words.tokens[other])
    low = high = index
    while low > 0 and part(low - 1) and _joined(words, low - 1, low):
        low -= 1
    while high + 1 < len(words.tokens) and part(high + 1) and _joined(words, high, high + 1):
        high += 1
    return any(token.surface == "・" for token in words.tokens[low:high + 1])


def _kana_lead(words: SentenceWords, low: int, first: int) -> int:
    """The first word of a name read backwards to word ``low``, with the hiragana words before it (from word
    ``first`` on) that open it: MeCab reads a name written in hiragana as particles, verbs and adjectives
    (とやま|グリーン商事, なが|さ|き|物流). Only a run that opens its sentence or follows a break (、「（ or a
    space), holds no verb, adverb, conjunction or adnominal (また, さらに, その) nor a noun that stands as an adverb
    (それぞれ, すべて) and ends in no particle, is one."""
    index = low
    while (index > first and _HIRAGANA_ONLY_RE.fullmatch(words.tokens[index - 1].surface)
           and _joined(words, index - 1, index) and not words.tokens[index - 1].pos.startswith(_NOT_KANA_NAME_POS)
           and not is_adverbial_noun(words.tokens[index - 1].surface)):
        index -= 1
    # (the hiragana of the name's own first words counts: と|やま of とやまグリーン商事)
    kana_end = low
    while kana_end < len(words.tokens) and _HIRAGANA_ONLY_RE.fullmatch(words.tokens[kana_end].surface):
        kana_end += 1
    if (index == low or words.tokens[kana_end - 1].pos.startswith("助詞")
            or words.spans[kana_end - 1][1] - words.spans[index][0] < _MIN_KANA_LEAD):
        return low
    opening = words.text[:words.spans[index][0]]
    return index if not opening.strip(" 　*#-") or opening.endswith(_KANA_LEAD_BREAKS) else low


def _is_katakana(token: Token) -> bool:
    """A word written in katakana."""
    return bool(_KATAKANA_RE.fullmatch(token.surface))


def _is_native_in_katakana(token: Token) -> bool:
    """A noun the dictionary writes in kanji or kana, spelled here in katakana (ミナト for 港, サクラ for 桜):
    Japanese spells a word so to make it a name. Loanwords (データ) have a katakana lemma and do not count."""
    return (token.pos == "名詞-普通名詞" and _is_katakana(token)
            and not _KATAKANA_RE.search(token.lemma.split("-", 1)[0]))


#: A single capital letter (R of R5ビバレッジズ).
_LETTER_RE = re.compile(r"[A-ZＡ-Ｚ]")


def _is_kanji_everyday(token: Token) -> bool:
    """A kanji common noun the dictionary knows (同日, 地方, 設立): a word, not a name."""
    return token.pos == "名詞-普通名詞" and token.reading is not None and bool(_KANJI_RE.fullmatch(token.surface[:1]))


def _is_name_numeral(words: SentenceWords, index: int) -> bool:
    """A kanji numeral that names (十六銀行, 七十七銀行, 第一生命): two or more numeral characters in a row,
    or one after 第; not a count (三銀行)."""
    low = high = index
    while low > 0 and words.tokens[low - 1].pos == "名詞-数詞":
        low -= 1
    while high + 1 < len(words.tokens) and words.tokens[high + 1].pos == "名詞-数詞":
        high += 1
    numeral = "".join(t.surface for t in words.tokens[low:high + 1])
    if not set(numeral) <= _KANJI_NUMERALS:
        return False
    return len(numeral) >= 2 or (low > 0 and words.tokens[low - 1].surface == "第")
