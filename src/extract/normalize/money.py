"""Money: find amounts of money in Japanese text and normalize them, and convert them to USD.

Posts state amounts in many shapes (4,950億円, 二千億円, 2億3000万ドル, $1.5 billion,
1,500～2,000億ドル, 約2兆円超, 数十億ドル) and the money table needs each as
(currency, value, min_value, max_value, qualifier) per the extraction spec. One
regex, compiled once from ``rules/money.yaml``, finds candidates; small named
checks then reject what only looks like money (一元管理, a "range" 2024-25億ドル
whose ends are out of order) and work out the qualifier.

Shape of ``rules/money.yaml`` (besides ``source:`` and ``examples:``):

    currencies:        {ISO code: [words written after the amount]}      100億ドル, 30億€
    currency_prefixes: {ISO code: [symbols written before the amount]}   $50B, ¥1,000
    weak_currencies:   [words that need arabic digits or 万/億/兆]        元 (not 一元管理)
    scale_words:       {English scale word: multiplier}                  $1.5 billion, $50B
    qualifiers:        {approx|at_least|at_most: {before: [...], after: [...]}}
    range_separators:  {symbols: [...], words: [...]}   words need a first number with its own unit
    range_changes:     [text after "A から B" that makes it a change, not a range]
    exchange_rate_joiners: [words between 1ドル and 150円 in a rate note]   1ドル=150円 is no amount
    vague_numbers:     {word: [low, high] multipliers of the large unit that follows}  数十 -> [10, 100]

Shape of ``rules/fx.yaml``: ``units_per_usd: {ISO code: {year: units of that
currency one US dollar buys, as an annual average}}`` plus ``source:``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from extract.models import Mention, Sentence
from extract.normalize.numerals import (
    DECIMAL_POINT_CHARS,
    DIGIT,
    DIGIT_CHARS,
    KANJI_DIGIT,
    KANJI_SMALL_UNIT,
    LARGE_UNIT,
    LARGE_UNIT_VALUES,
    NUMERAL,
    THOUSANDS_SEPARATOR_CHARS,
    parse_numeral,
)
from extract.normalize.alternation import word_alternation
from extract.rules.schema import FxFile, MoneyFile, by_word

#: A numeral never starts right after part of another number (the 2,345 of 12,345).
_NUMBER_START = (rf"(?<![{DIGIT_CHARS}{DECIMAL_POINT_CHARS}{THOUSANDS_SEPARATOR_CHARS}"
                 rf"{KANJI_DIGIT}{KANJI_SMALL_UNIT}{LARGE_UNIT}])")
_ARABIC_DIGIT_RE = re.compile(DIGIT)
_BARE_KANJI_DIGITS_RE = re.compile(rf"[{KANJI_DIGIT}]+")
_KANJI_RE = re.compile(r"[\u3400-\u9fff々]")
#: Longer runs of digits are identifiers or noise, never an amount someone wrote.
_LONGEST_NUMERAL = 40


@dataclass(frozen=True)
class MoneyRules:
    """Compiled money cues: the finder regexes and the tables the normalizer reads."""

    currency_hint: re.Pattern[str]
    pattern: re.Pattern[str]
    single_pattern: re.Pattern[str]
    paren_qualifier: re.Pattern[str]
    rate_joiner: re.Pattern[str]
    suffix_currency: Mapping[str, str]
    prefix_currency: Mapping[str, str]
    weak_currencies: frozenset[str]
    scale_words: Mapping[str, float]
    before_cues: Mapping[str, str]
    after_cues: Mapping[str, str]
    word_separators: frozenset[str]
    range_changes: tuple[str, ...]
    vague_numbers: Mapping[str, tuple[float, float]]


@dataclass(frozen=True, kw_only=True)
class MoneyMatch(Mention):
    """One amount of money stated in a sentence (body offsets), normalized, and its value in US dollars."""

    currency: str
    value: float | None
    min_value: float | None
    max_value: float | None
    qualifier: str
    value_usd: float | None


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
    """Annual average exchange rates: units of each currency one US dollar buys, by year."""

    units_per_usd: Mapping[str, Mapping[int, float]]


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first, that never cuts an ASCII word in two (billion, B)."""
    return word_alternation(words, whole_ascii_words=True)


def compile_money_rules(spec: MoneyFile) -> MoneyRules:
    """Compile the validated cues of ``rules/money.yaml`` once, so finding money is one regex pass per text."""
    suffix_currency = by_word(spec.currencies)
    prefix_currency = by_word(spec.currency_prefixes)
    weak = frozenset(spec.weak_currencies)
    scales = {word: float(multiplier) for word, multiplier in spec.scale_words.items()}
    before_cues = {word: label for label, sides in spec.qualifiers.items() for word in sides.before}
    after_cues = {word: label for label, sides in spec.qualifiers.items() for word in sides.after}
    symbols, words = spec.range_separators.symbols, spec.range_separators.words
    changes = spec.range_changes
    joiners = spec.exchange_rate_joiners
    vague = {word: (float(low), float(high)) for word, (low, high) in spec.vague_numbers.items()}

    number = f"{_NUMBER_START}(?:{NUMERAL})"
    cur = _alternation(suffix_currency)
    pcur = _alternation(prefix_currency)
    scale = _alternation(scales)
    pre = _alternation(before_cues)
    post = _alternation(after_cues)
    separator = _alternation([*symbols, *words])
    symbol_separator = _alternation(symbols)
    vague_word = f"{_NUMBER_START}{_alternation(vague)}"
    large_unit = f"[{LARGE_UNIT}]"

    head = rf"(?:(?P<pre1>{pre})(?:\s?(?P<pre2>{pre}))?\s?)?"
    vague_amount = rf"(?P<vague>{vague_word})(?P<vague_unit>{large_unit}?)\s?(?P<vague_cur>{cur})"
    prefixed = (rf"(?P<pcur>{pcur})\s?(?P<pnum>{number})(?:\s?(?P<pscale>{scale}))?"
                rf"(?:\s?(?P<psep>{symbol_separator})\s?(?:{pcur})?\s?(?P<pnum2>{number})"
                rf"(?:\s?(?P<pscale2>{scale}))?)?")
    suffixed = (rf"(?P<num>{number})(?:(?:\s?(?P<cur1>{cur}))?\s?(?P<sep>{separator})\s?(?:{pre})?"
                rf"(?P<num2>{number}))?\s?(?P<cur>{cur})")
    tail = rf"(?P<post>{post})?"
    pattern = re.compile(f"{head}(?:{vague_amount}|{prefixed}|{suffixed}){tail}")
    single_prefixed = rf"(?P<pcur>{pcur})\s?(?P<pnum>{number})(?:\s?(?P<pscale>{scale}))?"
    single_suffixed = rf"(?P<num>{number})\s?(?P<cur>{cur})"
    single_pattern = re.compile(f"{head}(?:{vague_amount}|{single_prefixed}|{single_suffixed}){tail}")
    paren_qualifier = re.compile(rf"\s?[（(](?P<inner>[^（）()\n]{{1,40}})[）)]\s?(?P<post>{post})")
    currency_hint = re.compile("|".join(re.escape(word) for word in {*suffix_currency, *prefix_currency}))
    rate_joiner = re.compile(rf"\s?(?:{_alternation(joiners)})?\s?")
    return MoneyRules(
        currency_hint=currency_hint,
        pattern=pattern,
        single_pattern=single_pattern,
        paren_qualifier=paren_qualifier,
        rate_joiner=rate_joiner,
        suffix_currency=suffix_currency,
        prefix_currency=prefix_currency,
        weak_currencies=weak,
        scale_words=scales,
        before_cues=before_cues,
        after_cues=after_cues,
        word_separators=frozenset(words),
        range_changes=tuple(changes),
        vague_numbers=vague,
    )


def _numeral_value(numeral: str, currency_word: str | None, rules: MoneyRules, before: str) -> float | None:
    """The value of a numeral in front of a currency word, or None when the pair is not money.

    Positional kanji digits (二〇二五) are years, a lone kanji digit right after
    another kanji is part of a word (関東一円), and a weak currency word (元)
    counts only after arabic digits or a large unit (not 一元化, 二元論).
    """
    if len(numeral) > _LONGEST_NUMERAL:
        return None
    if _BARE_KANJI_DIGITS_RE.fullmatch(numeral) and (len(numeral) > 1 or _KANJI_RE.fullmatch(before)):
        return None
    if (currency_word in rules.weak_currencies and not _ARABIC_DIGIT_RE.search(numeral)
            and not any(unit in numeral for unit in LARGE_UNIT)):
        return None
    value = parse_numeral(numeral)
    return None if value is None else float(value)


def _char_before(text: str, position: int) -> str:
    """The character before ``position``, empty at the start of the text."""
    return text[position - 1] if position > 0 else ""


def _trailing_unit(numeral: str) -> int:
    """The large unit a numeral ends in (2,000億 -> 10**8), 1 when it ends in a digit."""
    return LARGE_UNIT_VALUES.get(numeral[-1], 1)


def _qualifier_from_cues(match: re.Match[str], rules: MoneyRules, post: str | None) -> str:
    """The qualifier the cue words around a single amount give; a bound wins over 約 (約2兆円超)."""
    found = {rules.before_cues[cue] for cue in (match.group("pre1"), match.group("pre2")) if cue}
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


def _range_bounds(first: str, second: str, first_scale: float, second_scale: float) -> tuple[float, float] | None:
    """Low and high of a range A～B, A sharing B's unit when it has none; None when not a range."""
    if max(len(first), len(second)) > _LONGEST_NUMERAL:
        return None
    low = parse_numeral(first)
    high = parse_numeral(second)
    if low is None or high is None:
        return None
    shared = _trailing_unit(second) if _trailing_unit(first) == 1 else 1
    low_value = float(low) * shared * first_scale
    high_value = float(high) * second_scale
    if not low_value < high_value:
        return None
    return low_value, high_value


def _from_range(match: re.Match[str], text: str, rules: MoneyRules) -> _MoneyReading | None:
    """The range a candidate states, or None when it is two amounts or no money at all."""
    if match.group("pnum2"):
        currency = rules.prefix_currency[match.group("pcur")]
        second_scale = rules.scale_words[match.group("pscale2")] if match.group("pscale2") else 1.0
        first_scale = rules.scale_words[match.group("pscale")] if match.group("pscale") else second_scale
        bounds = _range_bounds(match.group("pnum"), match.group("pnum2"), first_scale, second_scale)
        rule_id = "money.prefix_range"
    else:
        currency = rules.suffix_currency[match.group("cur")]
        first_currency = match.group("cur1")
        if first_currency and rules.suffix_currency[first_currency] != currency:
            return None
        if match.group("sep") in rules.word_separators:
            if not first_currency and _trailing_unit(match.group("num")) == 1:
                return None
            if text.startswith(rules.range_changes, match.end()):
                return None
        if (_numeral_value(match.group("num"), match.group("cur"), rules, _char_before(text, match.start("num")))
                is None or _numeral_value(match.group("num2"), match.group("cur"), rules, "") is None):
            return None
        bounds = _range_bounds(match.group("num"), match.group("num2"), 1.0, 1.0)
        rule_id = "money.range"
    if bounds is None:
        return None
    return _MoneyReading(match.start(), match.end(), match.group(), currency, None, bounds[0], bounds[1],
                         "range", rule_id)


def _from_single(match: re.Match[str], text: str, rules: MoneyRules) -> _MoneyReading | None:
    """The one amount a candidate states, or None when it is not money."""
    if match.group("vague"):
        low, high = rules.vague_numbers[match.group("vague")]
        unit = LARGE_UNIT_VALUES.get(match.group("vague_unit"), 1)
        currency = rules.suffix_currency[match.group("vague_cur")]
        return _MoneyReading(match.start(), match.end(), match.group(), currency, None, low * unit, high * unit,
                             "vague", "money.vague")
    if match.group("pcur"):
        currency = rules.prefix_currency[match.group("pcur")]
        value = _numeral_value(match.group("pnum"), None, rules, "")
        if value is not None and match.group("pscale"):
            value *= rules.scale_words[match.group("pscale")]
        rule_id = "money.prefix"
    else:
        currency = rules.suffix_currency[match.group("cur")]
        value = _numeral_value(match.group("num"), match.group("cur"), rules, _char_before(text, match.start("num")))
        rule_id = "money.amount"
    if value is None:
        return None
    post = match.group("post")
    if not post:
        # 710億ドル（約11兆円）規模: the cue after a converted amount still qualifies the first one.
        paren = rules.paren_qualifier.match(text, match.end())
        if paren and rules.pattern.search(paren.group("inner")):
            post = paren.group("post")
    qualifier = _qualifier_from_cues(match, rules, post)
    return _single(match.start(), match.end(), currency, value, qualifier, rule_id, text)


def _exchange_rate_end(result: _MoneyReading, text: str, rules: MoneyRules) -> int | None:
    """Where a rate note such as 1ドル=150円 that starts with ``result`` ends, None when it is no rate note."""
    if result.value != 1 or result.qualifier != "exact":
        return None
    joiner = rules.rate_joiner.match(text, result.end)
    assert joiner is not None  # every part of rate_joiner is optional: it always matches
    price = rules.single_pattern.match(text, joiner.end())
    if price is None or price.group("vague") or price.group("pre1"):
        return None
    price_word = price.group("pcur") or price.group("cur")
    price_currency = rules.prefix_currency.get(price_word) or rules.suffix_currency.get(price_word)
    return None if price_currency == result.currency else price.end()


def find_money(sentence: Sentence, rules: MoneyRules, fx: FxTable, on: datetime.date | None) -> list[MoneyMatch]:
    """Every amount of money in a sentence, sorted by start and non-overlapping, with body offsets.

    A candidate that reads as a range but is not one (different currencies,
    ends out of order, 'から' describing a change) falls back to its first amount;
    the second is found on its own. Exchange-rate notes (1ドル=150円) are skipped.
    ``value_usd`` is the amount at the average rate of the year of ``on`` (the
    post's date; the latest year when None), as ``to_usd`` says.
    """
    return [MoneyMatch(sentence_id=sentence.sentence_id, start=sentence.start + amount.start,
                       end=sentence.start + amount.end, surface=amount.surface, rule_id=amount.rule_id,
                       currency=amount.currency, value=amount.value, min_value=amount.min_value,
                       max_value=amount.max_value, qualifier=amount.qualifier,
                       value_usd=to_usd(amount.value, amount.currency, on, fx))
            for amount in _read_amounts(sentence.text, rules)]


def _read_amounts(text: str, rules: MoneyRules) -> list[_MoneyReading]:
    """Every amount of money in ``text`` as read there (offsets into ``text``), left to right."""
    found: list[_MoneyReading] = []
    if not rules.currency_hint.search(text):
        return found
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
        rate_end = _exchange_rate_end(result, text, rules) if result is not None else None
        if rate_end is not None:
            next_position = rate_end
        elif result is not None:
            found.append(result)
        position = max(next_position, match.start() + 1)
    return found


def fx_table(spec: FxFile) -> FxTable:
    """The validated dated rate table of ``rules/fx.yaml``."""
    return FxTable(units_per_usd={code: {year: float(rate) for year, rate in by_year.items()}
                                  for code, by_year in spec.units_per_usd.items()})


def to_usd(amount: float | None, currency: str, on: datetime.date | None, fx: FxTable) -> float | None:
    """``amount`` of ``currency`` in US dollars at the average rate of the year of ``on``.

    The nearest year in the table stands in for years outside it, and the latest
    year for an unknown date; an unknown currency or amount gives None.
    """
    if amount is None:
        return None
    if currency == "USD":
        return float(amount)
    by_year = fx.units_per_usd.get(currency)
    if not by_year:
        return None
    years = sorted(by_year)
    year = years[-1] if on is None else min(years, key=lambda y: (abs(y - on.year), -y))
    return float(amount) / by_year[year]
