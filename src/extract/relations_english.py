"""English statements of deals (news digests quote English headlines: "Nvidia to invest $5 billion in
Intel", "Salesforce completes acquisition of Informatica", "CoreWeave, backed by Nvidia, ...").

Japanese marks each party's role with a particle, which relations.py reads; English marks it with word
order, read here. A statement is a trigger phrase (partnerships.yaml ``english``) with the company named
right before it as the actor, together with the companies coordinated with it (A and B, A, B and C), and the
company named right after it as the receiver (the partner of a phrase ending in a preposition: partners
with B), each within a few words of plain English: no punctuation and no other company between. The
receiver of a purchase must end its phrase (buys Nvidia chips is buying a product) or be followed by a
stake word (buys Scale AI stake: an investment). A passive marker
after a directed trigger (acquired by A, backed by A) swaps the two; a funding phrase (B raises $1 billion
led by A and C) has its receiver before it and its investors after an investor marker; a partnership
phrase with no preposition pairs the actor group among itself (Nvidia and Nokia partner on 6G); a deal noun
written after the company it is about (Intel takeover) has its actor named before that company, and one written
after its actor's possessive (Couche-Tard's takeover offer) its receiver named before the actor. The
status comes from the words between actor and trigger and the trigger itself (to, in talks to, bid for:
planned; agrees to, completes: done; calls off, drops: ended).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import combinations

from extract.models import CompanyMention, Sentence
from extract.normalize.alternation import any_word
from extract.rules.schema import EnglishCues

PARTNERSHIP, INVESTMENT = "partnership", "investment"
DONE, PLANNED, ENDED = "done", "planned", "ended"
#: Words that may stand between an actor and its trigger (Microsoft has agreed to acquire; OpenAI signs
#: $38 billion deal with), and between a trigger and its receiver (invests $1 billion in; acquires AI
#: startup Wiz), or between an investor marker and the investor (from investors including).
_WORDS_BEFORE, _WORDS_AFTER, _WORDS_AFTER_MARKER = 6, 5, 3
#: What a gap between a party and a trigger may hold: plain English words, amounts, a possessive, hyphens.
_GAP_RE = re.compile(r"[A-Za-z0-9$€£¥%.'’\- ]*")
#: A sentence end inside a gap (a period followed by a space).
_STOP_RE = re.compile(r"\.\s")
#: A possessive right after a name (Couche-Tard's).
_POSSESSIVE_RE = re.compile(r"['’]s\b")
#: What joins coordinated names: A and B, A, B and C, A & B.
_COORDINATION_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.IGNORECASE)
#: Characters after an amount within which it still belongs to the statement (acquire Wiz for $32 billion).
_AMOUNT_AFTER = 40


@dataclass(frozen=True)
class EnglishRules:
    """Compiled ``english`` cues of partnerships.yaml."""

    #: Every trigger phrase, longest first, whatever its case, as a whole word sequence.
    trigger_re: re.Pattern
    #: Lower-cased trigger phrase -> relation type.
    kinds: dict[str, str]
    funding: frozenset[str]
    #: Lower-cased trigger phrases that also name buying a product (buys): their receiver must end its phrase.
    purchases: frozenset[str]
    #: Right after what a purchase buys: a stake in it is bought (buys Scale AI stake), an investment.
    stake_re: re.Pattern
    investor_marker_re: re.Pattern
    #: Right after a trigger: the company after it acts (acquired by A).
    passive_re: re.Pattern
    #: Right after a receiver: it ends its phrase (end, punctuation, or a word such as for, in, from).
    after_receiver_re: re.Pattern
    #: Lower-cased deal nouns written after the company they are about (Intel takeover), or after their
    #: actor's possessive (Couche-Tard's takeover offer).
    receiver_before: frozenset[str]
    planned_re: re.Pattern
    ended_re: re.Pattern
    done_re: re.Pattern
    #: After a name a comma sets at a headline's end, the words making it the outlet that reports the headline
    #: (…, WSJ says), then the end.
    attribution_re: re.Pattern | None = None


def compile_english_rules(spec: EnglishCues) -> EnglishRules:
    """The compiled form of ``spec``: every phrase whole words, whatever its case."""
    kinds = {word.lower(): str(kind) for kind, words in spec.triggers.items() for word in words}

    def phrases(words: Collection[str], before: str = "") -> re.Pattern[str]:
        return re.compile(before + any_word(words, whole_ascii_words=True), re.IGNORECASE)

    ending = any_word(spec.after_receiver, whole_ascii_words=True)
    return EnglishRules(
        trigger_re=phrases(kinds),
        kinds=kinds,
        funding=frozenset(word.lower() for word in spec.funding_triggers),
        purchases=frozenset(word.lower() for word in spec.purchases),
        stake_re=phrases(spec.stakes, r"\s*"),
        investor_marker_re=phrases(spec.investor_markers),
        passive_re=phrases(spec.passive_markers, r"\s+"),
        after_receiver_re=re.compile(rf"\s*(?:$|[^\sA-Za-z0-9]|{ending})", re.IGNORECASE),
        receiver_before=frozenset(word.lower() for word in spec.receiver_before),
        planned_re=phrases(spec.status_words.planned),
        ended_re=phrases(spec.status_words.ended),
        done_re=phrases(spec.done),
        attribution_re=(re.compile(rf"\s+{any_word(spec.attributions, whole_ascii_words=True)}[\s.!?。]*$",
                                   re.IGNORECASE) if spec.attributions else None),
    )


@dataclass(frozen=True)
class EnglishStatement:
    """One pair an English trigger relates: ``actor`` invests in, buys or partners with ``receiver``."""

    actor: CompanyMention
    receiver: CompanyMention
    type: str
    status: str
    #: The trigger phrase as written, and where it is (body offsets).
    word: str
    start: int
    end: int
    funding: bool
    passive: bool


def english_triggers(sentence: Sentence, mentions: Sequence[CompanyMention],
                     rules: EnglishRules) -> list[re.Match[str]]:
    """The English trigger phrases of a sentence; a word of a company's name (the Partners of Lightspeed Venture
    Partners) is none."""
    return [match for match in rules.trigger_re.finditer(sentence.text)
            if not any(m.start - sentence.start <= match.start() and match.end() <= m.end - sentence.start
                       for m in mentions)]


def english_statements(sentence: Sentence, mentions: Sequence[CompanyMention],
                       rules: EnglishRules) -> list[EnglishStatement]:
    """The pairs the English trigger phrases of one sentence relate (``mentions``: its companies, in order)."""
    if len(mentions) < 2:
        return []
    statements: list[EnglishStatement] = []
    for match in english_triggers(sentence, mentions, rules):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        word = match.group().lower()
        kind = rules.kinds[word]
        before = _party_before(sentence, mentions, start, passive=False)
        passive_end = rules.passive_re.match(sentence.text, match.end()) if kind != PARTNERSHIP else None
        passive = passive_end is not None
        if word in rules.funding:
            receivers = _group_back(sentence, mentions, before) if before else []
            actors = _investors(sentence, mentions, end, rules)
        elif word in rules.receiver_before:
            # Qualcomm abandons pursuit of Intel takeover; Seven & i rejects Couche-Tard's takeover offer
            about = _party_before(sentence, mentions, before.start, passive=False) if before else None
            actors, receivers = [], []
            if before is not None and about is not None:
                bidder = _POSSESSIVE_RE.match(sentence.text, before.end - sentence.start) is not None
                actors, receivers = ([before], [about]) if bidder else ([about], [before])
        elif passive:
            after = _party_after(sentence, mentions, sentence.start + passive_end.end()) if passive_end else None
            receiver = before or _party_before(sentence, mentions, start, passive=True)
            actors = _group_on(sentence, mentions, after) if after else []
            receivers = _group_back(sentence, mentions, receiver) if receiver else []
        else:
            actors = _group_back(sentence, mentions, before) if before else []
            takes_object = kind != PARTNERSHIP or word.endswith(" with")
            after = _party_after(sentence, mentions, end) if takes_object else None
            receivers = _group_on(sentence, mentions, after) if after else []
            if receivers and word in rules.purchases:
                following = receivers[-1].end - sentence.start
                if rules.stake_re.match(sentence.text, following):
                    kind = INVESTMENT  # buys Scale AI stake
                elif not rules.after_receiver_re.match(sentence.text, following):
                    receivers = []  # buys Nvidia chips: a product bought
        if kind == PARTNERSHIP and not receivers:
            pairs = list(combinations(actors, 2))  # Nvidia and Nokia partner on 6G
        else:
            pairs = [(actor, receiver) for actor in actors for receiver in receivers]
        # The words from the party before the trigger (the actor; the receiver of a passive or funding phrase:
        # Wiz to be acquired by Google) to the trigger's end give the status.
        named_before = (receivers if passive or word in rules.funding
                        else [min((*actors, *receivers), key=lambda m: m.start)] if word in rules.receiver_before
                        and actors and receivers else actors)
        status = _status(sentence.text[(named_before[-1].end if named_before else start) - sentence.start:
                                       match.end()], rules)
        statements += [EnglishStatement(actor, receiver, kind, status, match.group(), start, end,
                                        word in rules.funding, passive)
                       for actor, receiver in pairs if actor.company_id != receiver.company_id]
    return statements


def english_round_owner(sentence: Sentence, mentions: Sequence[CompanyMention],
                        rules: EnglishRules) -> CompanyMention | None:
    """The company an English funding phrase says raised a round (Zephyr Labs Raises $315M Series E), whether
    or not it names investors: those named in the next sentence join that round."""
    for match in english_triggers(sentence, mentions, rules):
        if match.group().lower() in rules.funding:
            owner = _party_before(sentence, mentions, sentence.start + match.start(), passive=False)
            if owner is not None:
                return owner
    return None


def statement_amount(statement: EnglishStatement, money: Sequence[tuple[int, float | None]]) -> float | None:
    """The amount in USD a statement gives its pair: the one stated closest to its trigger, between its
    first party and a little after its last (acquire Wiz for $32 billion); none for a funding round, whose
    amount is all its investors' together."""
    if statement.funding:
        return None
    first = min(statement.actor.start, statement.receiver.start)
    last = max(statement.actor.end, statement.receiver.end) + _AMOUNT_AFTER
    amounts = [(abs(offset - statement.start), value) for offset, value in money
               if first <= offset <= last and value is not None]
    return min(amounts)[1] if amounts else None


def _plain_gap(text: str, words: int) -> bool:
    """Whether ``text`` between a party and a trigger is a few plain English words."""
    return (_GAP_RE.fullmatch(text) is not None and _STOP_RE.search(text) is None
            and len(text.split()) <= words)


def _party_before(sentence: Sentence, mentions: Sequence[CompanyMention], offset: int,
                  passive: bool) -> CompanyMention | None:
    """The company named last before body offset ``offset`` with only a few plain words between (for a
    passive, also a comma: CoreWeave, backed by Nvidia)."""
    previous = [m for m in mentions if m.end <= offset]
    if not previous:
        return None
    gap = sentence.text[previous[-1].end - sentence.start: offset - sentence.start]
    if _plain_gap(gap, _WORDS_BEFORE) or passive and gap.strip() == ",":
        return previous[-1]
    return None


def _party_after(sentence: Sentence, mentions: Sequence[CompanyMention], offset: int) -> CompanyMention | None:
    """The company named first after body offset ``offset`` with only a few plain words between, not as the owner
    of what follows (Jony Ive's startup io)."""
    following = [m for m in mentions if m.start >= offset
                 and not _POSSESSIVE_RE.match(sentence.text, m.end - sentence.start)]
    if not following:
        return None
    gap = sentence.text[offset - sentence.start: following[0].start - sentence.start]
    return following[0] if _plain_gap(gap, _WORDS_AFTER) else None


def _investors(sentence: Sentence, mentions: Sequence[CompanyMention], offset: int,
               rules: EnglishRules) -> list[CompanyMention]:
    """The companies named right after an investor marker after a funding phrase (led by A, from B and C)."""
    investors: list[CompanyMention] = []
    for marker in rules.investor_marker_re.finditer(sentence.text, offset - sentence.start):
        following = [m for m in mentions if m.start >= sentence.start + marker.end()]
        if following and _plain_gap(sentence.text[marker.end(): following[0].start - sentence.start],
                                    _WORDS_AFTER_MARKER):
            investors += [m for m in _group_on(sentence, mentions, following[0]) if m not in investors]
    return investors


def _group_back(sentence: Sentence, mentions: Sequence[CompanyMention], last: CompanyMention) -> list[CompanyMention]:
    """``last`` and the companies coordinated with it before it (A, B and C), in order."""
    group = [last]
    for mention in reversed([m for m in mentions if m.end <= last.start]):
        between = sentence.text[mention.end - sentence.start: group[0].start - sentence.start]
        if not _COORDINATION_RE.fullmatch(between):
            break
        group.insert(0, mention)
    return group


def _group_on(sentence: Sentence, mentions: Sequence[CompanyMention], first: CompanyMention) -> list[CompanyMention]:
    """``first`` and the companies coordinated with it after it (B and C), in order."""
    group = [first]
    for mention in [m for m in mentions if m.start >= first.end]:
        between = sentence.text[group[-1].end - sentence.start: mention.start - sentence.start]
        if not _COORDINATION_RE.fullmatch(between):
            break
        group.append(mention)
    return group


def _status(words: str, rules: EnglishRules) -> str:
    """The status the words from the actor to the end of its trigger give: ended over done over planned."""
    if rules.ended_re.search(words):
        return ENDED
    if rules.done_re.search(words):
        return DONE
    return PLANNED if rules.planned_re.search(words) else DONE
