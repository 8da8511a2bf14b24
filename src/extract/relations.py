"""Partnerships and investments between companies, stated in one sentence.

A relation needs a trigger word (提携, 協業, 出資 ... from
``rules/partnerships.yaml``) and two parties. Japanese marks who does what
with particles: ``AとBが提携`` and ``A、B、Cの3社が協業`` relate every company
of the coordinated group; ``AはBと提携`` and ``Bとの提携`` relate the subject,
or the company the text is about when the sentence leaves it out, with the
partner; ``AがBに出資`` makes A the investor (party_a) and B the investee.
Back-references (同社, 両社) stand for the company the text is about and the
last two companies named, as a reader would take them. Where GiNZA's
dependency parse is available, a party must belong to the trigger's clause,
so a company named elsewhere in a long sentence is not pulled in. Statements
that are denied or only speculated (提携しない, 提携を検討) give no relation.

Every word this reads comes from ``rules/partnerships.yaml`` (besides ``source:``
and ``examples:``); the regex structure around the words (look-arounds, digits,
parentheses) stays here:

    triggers:          {partnership|investment: [words]}                 提携, 出資
    not_triggers:      [longer words holding a trigger]                  投資家, 設備投資
    hedges, negations: [words after a trigger that void it]              検討 / しない
    same_company:      [words for the company the text is about]         同社
    both_companies:    [words for the last two companies named]          両社
    coordinators:      [words between names that coordinate them]        AとB, A、B, AやB
    roles:             {partner|target|source|subject|example|of: [particles after a name]}
    group_counts:      {count_words, counters, particles}                3社が, 両社で
    name_suffixes, not_name_suffixes: [words after a name that belong to it, words that do not]
    topic_particles:   [particles making a company the topic]            AWSは
    unnamed_companies: {nouns, subject_particles, prefixes, not_topic}   某企業は, 同業のスタートアップが
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations


from extract.models import CompanyMention, Sentence, Span
from extract.ner import ParsedSentence, ParsedToken
from extract.normalize.numerals import DIGIT
from extract.normalize.alternation import any_word
from extract.overlaps import overlaps, overlaps_any
from extract.rules.schema import PartnershipsFile

PARTNERSHIP, INVESTMENT = "partnership", "investment"
#: Characters after a trigger in which a negation (しない, せず) denies it.
NEGATION_WINDOW = 12
#: Characters of modifiers between AとBの and the trigger (AとBの戦略的提携).
_OWNED_TRIGGER_GAP = 8
#: What stands between a name and its abbreviation in parentheses right after it.
_ABBREVIATION_RE = re.compile(r"\s*[（(]\s*")
#: A sentence this short besides its company names (まずはAWS。) introduces that company as the topic.
_HEADING_CHARS = 8
_MARKUP_RE = re.compile(r"[\s*#_「」『』【】:：。、.!！?？]")


@dataclass(frozen=True)
class PartnershipRules:
    """Compiled cues of ``rules/partnerships.yaml``."""

    triggers: tuple[tuple[str, str], ...]
    trigger_re: re.Pattern
    not_triggers: tuple[str, ...]
    hedges: tuple[str, ...]
    negations: tuple[str, ...]
    same_company: tuple[str, ...]
    both_companies: tuple[str, ...]
    #: Particle after a party -> its role, longest particle first (といった before と).
    roles: tuple[tuple[str, str], ...]
    #: Particles that make a company the topic of what follows (AWSは...), unlike が in a subordinate clause.
    topic_particles: tuple[str, ...]
    #: What stands between two company names that still coordinates them (AとB, A、B、C, AやB).
    coordinator_re: re.Pattern
    #: A count of the companies just named, as the actors (3社が, 両社で): A、B、Cの3社が協業, not 5社に対し.
    group_count_re: re.Pattern
    #: What may follow a name before its particle: a parenthesis, a suffix of the name (社), markup, spaces.
    name_tail_re: re.Pattern
    #: An unnamed company as the sentence's subject (某企業は, 同業のスタートアップが): the topic is not the actor.
    unnamed_subject_re: re.Pattern
    #: A company the text deliberately leaves unnamed, as the topic (某生成AI企業は): from there the text is
    #: about a company it does not name. Generic ones (多くの企業は) leave the topic as it was.
    unnamed_topic_re: re.Pattern


@dataclass(frozen=True)
class Partnership:
    """A relation stated in a sentence; party_a invests in party_b for investments."""

    sentence_id: int
    party_a_id: str
    party_a_name: str
    party_b_id: str
    party_b_name: str
    type: str
    money_value_usd: float | None
    trigger: str
    evidence: str
    rule_id: str


@dataclass(frozen=True)
class _Party:
    """A company taking part in a sentence: named there, or referred back to (同社)."""

    start: int
    end: int
    company_id: str
    name: str
    role: str
    group: int


def compile_partnership_rules(spec: PartnershipsFile) -> PartnershipRules:
    """Compile the validated cues of ``rules/partnerships.yaml`` into the relation step's regexes."""
    pairs = sorted(((word, kind) for kind, words in spec.triggers.items() for word in words),
                   key=lambda pair: -len(pair[0]))
    role_pairs = tuple(sorted(((particle, role) for role, particles in spec.roles.model_dump().items()
                               for particle in particles), key=lambda pair: -len(pair[0])))
    coordinators = any_word(spec.coordinators)
    counts = spec.group_counts
    count_words, counters, count_particles = (any_word(words)
                                              for words in (counts.count_words, counts.counters, counts.particles))
    # 社 of ソニー社は, not the start of 社長
    suffix = f"(?!{any_word(spec.not_name_suffixes)}){any_word(spec.name_suffixes)}"
    unnamed = spec.unnamed_companies
    nouns, subject_particles, prefixes, not_topic = (any_word(words) for words in (
        unnamed.nouns, unnamed.subject_particles, unnamed.prefixes, unnamed.not_topic))
    return PartnershipRules(
        triggers=tuple(pairs),
        trigger_re=re.compile("|".join(re.escape(word) for word, _ in pairs)),
        not_triggers=spec.not_triggers,
        hedges=spec.hedges,
        negations=spec.negations,
        same_company=spec.same_company,
        both_companies=spec.both_companies,
        roles=role_pairs,
        topic_particles=spec.topic_particles,
        coordinator_re=re.compile(rf"\s*{coordinators}\s*"),
        group_count_re=re.compile(rf"(?:{DIGIT}+|{count_words}){counters}{count_particles}"),
        name_tail_re=re.compile(rf"\s*(?:（[^）]{{0,40}}）|\([^)]{{0,40}}\)|{suffix}|\*+|\s)+"),
        unnamed_subject_re=re.compile(nouns + subject_particles),
        unnamed_topic_re=re.compile(rf"{prefixes}[^、。\s]{{0,12}}?{nouns}(?!{not_topic}){any_word(spec.topic_particles)}"),
    )


def may_hold_relation(sentence: Sentence, rules: PartnershipRules) -> bool:
    """Whether a sentence has a trigger word at all (only those are parsed)."""
    return rules.trigger_re.search(sentence.text) is not None


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    word: str
    type: str


def _triggers(sentence: Sentence, rules: PartnershipRules) -> list[_Trigger]:
    """Trigger words of the sentence that are neither part of a non-trigger word, denied nor hedged."""
    text, found = sentence.text, []
    kinds = dict(rules.triggers)
    for match in rules.trigger_re.finditer(text):
        around = text[max(0, match.start() - 4): match.end() + 4]
        if any(word in around and _covers(text, match, word) for word in rules.not_triggers):
            continue
        after = text[match.end():]
        if any(word in after[:NEGATION_WINDOW] for word in rules.negations):
            continue
        if any(word in after for word in rules.hedges):
            continue
        found.append(_Trigger(sentence.start + match.start(), sentence.start + match.end(), match.group(),
                              kinds[match.group()]))
    return found


def _covers(text: str, match: re.Match[str], word: str) -> bool:
    """Whether an occurrence of ``word`` overlaps the trigger match."""
    trigger = Span(*match.span())
    return any(overlaps(Span(*hit.span()), trigger) for hit in re.finditer(re.escape(word), text))


def _role(sentence: Sentence, end: int, rules: PartnershipRules) -> tuple[str, int]:
    """The role particle after a party ending at body offset ``end``, and where the particle ends."""
    text = sentence.text
    position = end - sentence.start
    skipped = rules.name_tail_re.match(text, position)
    if skipped:
        position = skipped.end()
    for particle, role in rules.roles:
        if text.startswith(particle, position):
            return role, position + len(particle)
    return "other", position


class RelationFinder:
    """Finds partnership and investment statements in a post, sentence by sentence."""

    def __init__(self, rules: PartnershipRules) -> None:
        self._rules = rules
        references = (*rules.same_company, *rules.both_companies)
        self._reference_re = re.compile(any_word(references))

    def may_relate(self, sentence: Sentence, mentions: Sequence[CompanyMention]) -> bool:
        """Whether the sentence can state a relation: a trigger and a company named or referred to.
        Only such sentences are worth GiNZA's dependency parse."""
        return (bool(mentions) or self._reference_re.search(sentence.text) is not None) \
            and may_hold_relation(sentence, self._rules)

    def find(self, sentences: Sequence[Sentence], companies: Sequence[CompanyMention],
             money: Mapping[int, Sequence[tuple[int, float | None]]],
             parses: Mapping[int, ParsedSentence]) -> list[Partnership]:
        """Relations of one post.

        ``money`` maps a sentence id to (body offset, value in USD) of its
        amounts; ``parses`` holds the dependency parse of the sentences that
        have one (those with a trigger, when the model runs).
        """
        by_sentence: dict[int, list[CompanyMention]] = {}
        for mention in companies:
            by_sentence.setdefault(mention.sentence_id, []).append(mention)
        parents = {mention.company_id: mention.parent_id for mention in companies if mention.parent_id}
        topic: CompanyMention | None = None
        recent: list[CompanyMention] = []
        relations: list[Partnership] = []
        for sentence in sentences:
            mentions = by_sentence.get(sentence.sentence_id, [])
            triggers = _triggers(sentence, self._rules) if mentions or self._reference_re.search(sentence.text) else []
            if triggers:
                parties = self._parties(sentence, mentions, topic, recent)
                for trigger in triggers:
                    relations += self._relations(sentence, trigger, parties, topic,
                                                 money.get(sentence.sentence_id, ()),
                                                 parses.get(sentence.sentence_id))
            topic = _topic_after(sentence, mentions, topic, self._rules)
            for mention in mentions:
                recent = [m for m in recent if m.company_id != mention.company_id] + [mention]
        # A company and its own parent (Google and Alphabet) are one group, not partners or investors.
        return _distinct([r for r in relations
                          if parents.get(r.party_a_id) != r.party_b_id and parents.get(r.party_b_id) != r.party_a_id])

    def _parties(self, sentence: Sentence, mentions: Sequence[CompanyMention], topic: CompanyMention | None,
                 recent: Sequence[CompanyMention]) -> list[_Party]:
        """Named companies and resolved back-references, in order, with roles and coordination groups."""
        parties: list[tuple[int, int, str, str]] = [(m.start, m.end, m.company_id, m.name) for m in mentions]
        for match in self._reference_re.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if overlaps_any(Span(start, end), mentions):
                continue  # a company name wins over a back-reference written inside it
            if match.group() in self._rules.both_companies:
                parties += [(start, end, m.company_id, m.name) for m in recent[-2:]] if len(recent) >= 2 else []
            elif topic is not None:
                parties.append((start, end, topic.company_id, topic.name))
        parties.sort()
        result: list[_Party] = []
        group = 0
        previous_end = None
        for start, end, company_id, name in parties:
            between = sentence.text[previous_end - sentence.start: start - sentence.start] if previous_end else ""
            if previous_end is not None and _ABBREVIATION_RE.fullmatch(between):
                continue  # Hewlett Packard Enterprise (HPE): the name again, not another party
            if previous_end is not None and not (start == previous_end
                                                 or self._rules.coordinator_re.fullmatch(between or " ")):
                group += 1
            role, _ = _role(sentence, end, self._rules)
            result.append(_Party(start, end, company_id, name, role, group))
            previous_end = end
        return _group_roles(result)

    def _relations(self, sentence: Sentence, trigger: _Trigger, parties: Sequence[_Party],
                   topic: CompanyMention | None, money: Sequence[tuple[int, float | None]],
                   parse: ParsedSentence | None) -> list[Partnership]:
        """The relations one trigger states."""
        before = [p for p in parties if p.end <= trigger.start and _in_clause(parse, p, trigger)]
        if self._rules.unnamed_subject_re.search(sentence.text, 0, trigger.start - sentence.start):
            topic = None
        if trigger.type == INVESTMENT:
            pairs = _investment_pairs(before, topic)
            rule_id = "relation.investment"
        else:
            pairs = _partnership_pairs(before, topic, sentence, trigger, self._rules)
            rule_id = "relation.partnership"
        amount = _amount_for(money, trigger)
        return [Partnership(sentence.sentence_id, a[0], a[1], b[0], b[1], trigger.type, amount, trigger.word,
                            sentence.text, rule_id)
                for a, b in pairs if a[0] != b[0]]


def _group_roles(parties: list[_Party]) -> list[_Party]:
    """Coordinated companies share the role of the group's last member (AやBとの -> both partners)."""
    last_role: dict[int, str] = {}
    for party in parties:
        last_role[party.group] = party.role
    return [_Party(p.start, p.end, p.company_id, p.name, last_role[p.group], p.group) for p in parties]


def _ids(party: _Party) -> tuple[str, str]:
    return party.company_id, party.name


def _partnership_pairs(parties: Sequence[_Party], topic: CompanyMention | None, sentence: Sentence,
                       trigger: _Trigger, rules: PartnershipRules) -> list[tuple[tuple, tuple]]:
    """Who partners with whom: a coordinated group among itself, or a subject with its partners."""
    partners = [p for p in parties if p.role == "partner"]
    subjects = [p for p in parties if p.role in ("subject", "of", "source") and p not in partners]
    groups: dict[int, list[_Party]] = {}
    for party in parties:
        groups.setdefault(party.group, []).append(party)
    # AとBが提携, A、B、Cの3社が協業: a coordinated group is the subject (or the の-owner) of the trigger.
    coordinated = [g for g in groups.values() if len({p.company_id for p in g}) >= 2
                   and (g[-1].role == "subject"
                        or g[-1].role == "of" and _owns_trigger(sentence, g[-1], trigger, rules))]
    if partners:
        before = [p for p in subjects if p.start < partners[0].start]
        anchor = before[-1] if before else next((p for p in subjects), None)
        first = _ids(anchor) if anchor else (topic.company_id, topic.name) if topic else None
        if first is None:
            return []
        return [(first, _ids(p)) for p in partners]
    if coordinated:
        group = coordinated[-1]
        return [(_ids(a), _ids(b)) for a, b in combinations(group, 2)]
    return []


def _owns_trigger(sentence: Sentence, party: _Party, trigger: _Trigger, rules: PartnershipRules) -> bool:
    """Whether the の after a group introduces the relation itself (AとBの提携, A、B、Cの3社が協業),
    not some other thing of theirs (A、B、Cの製品)."""
    _, after = _role(sentence, party.end, rules)
    between = sentence.text[after: trigger.start - sentence.start]
    return bool(rules.group_count_re.match(between)) or (len(between) <= _OWNED_TRIGGER_GAP and "、" not in between)


def _investment_pairs(parties: Sequence[_Party], topic: CompanyMention | None) -> list[tuple[tuple, tuple]]:
    """Investor (party_a) and investee (party_b): AがBに出資, AはBへの投資, BはAから出資を受けた."""
    targets = [p for p in parties if p.role == "target"]
    sources = [p for p in parties if p.role == "source"]
    subjects = [p for p in parties if p.role in ("subject", "partner")]
    topic_ids = (topic.company_id, topic.name) if topic else None
    if targets:
        investor = _ids(subjects[0]) if subjects else topic_ids
        return [(investor, _ids(t)) for t in targets] if investor else []
    if sources:
        investee = _ids(subjects[0]) if subjects else topic_ids
        return [(_ids(s), investee) for s in sources] if investee else []
    return []


def _in_clause(parse: ParsedSentence | None, party: _Party, trigger: _Trigger) -> bool:
    """Whether the party belongs to the trigger's clause: it depends on the trigger or on the
    predicate the trigger depends on. Without a parse every party before the trigger counts."""
    if parse is None:
        return True
    party_token = _token_at(parse.tokens, party.start, party.end)
    trigger_token = _token_at(parse.tokens, trigger.start, trigger.end)
    if party_token is None or trigger_token is None:
        return True
    governing = {trigger_token.index}
    head = trigger_token
    for _ in range(2):
        head = parse.tokens[head.head]
        governing.add(head.index)
    node = party_token
    for _ in range(len(parse.tokens)):
        if node.index in governing:
            return True
        if node.head == node.index:
            return False
        node = parse.tokens[node.head]
    return False


def _token_at(tokens: Sequence[ParsedToken], start: int, end: int) -> ParsedToken | None:
    """The last parsed word inside [start, end) (a name's head word in Japanese)."""
    inside = [t for t in tokens if start <= t.start < end]
    return inside[-1] if inside else None


def _amount_for(money: Sequence[tuple[int, float | None]], trigger: _Trigger) -> float | None:
    """The USD value of the amount stated closest before the trigger, else the first after it."""
    before = [(offset, usd) for offset, usd in money if offset < trigger.start and usd is not None]
    if before:
        return before[-1][1]
    after = [usd for offset, usd in money if offset >= trigger.end and usd is not None]
    return after[0] if after else None


def _topic_after(sentence: Sentence, mentions: Sequence[CompanyMention],
                 topic: CompanyMention | None, rules: PartnershipRules) -> CompanyMention | None:
    """The company the text is about after this sentence, as a reader follows it.

    A company marked with は becomes the topic; so does the company of a
    heading-like sentence (まずはAWS。). A deliberately unnamed company marked
    with は (某企業は) before any named one leaves the text without a named topic. A
    company marked with が only becomes the topic when there is none yet: が
    often marks a subordinate clause's subject (OpenAIがAWSを利用するという話),
    which does not change what the text is about.
    """
    unnamed = rules.unnamed_topic_re.search(sentence.text)
    for mention in mentions:
        position = mention.end - sentence.start
        skipped = rules.name_tail_re.match(sentence.text, position)
        if sentence.text.startswith(rules.topic_particles, skipped.end() if skipped else position):
            return None if unnamed and unnamed.start() < position else mention
    if unnamed:
        return None
    if len(mentions) == 1:
        rest = sentence.text[:mentions[0].start - sentence.start] + sentence.text[mentions[0].end - sentence.start:]
        if len(_MARKUP_RE.sub("", rest)) <= _HEADING_CHARS:
            return mentions[0]
    if topic is None:
        return next((m for m in mentions if _role(sentence, m.end, rules)[0] == "subject"), None)
    return topic


def _distinct(relations: list[Partnership]) -> list[Partnership]:
    """One row per sentence, pair and type (a sentence repeating a trigger states it once)."""
    seen, result = set(), []
    for relation in relations:
        key = (relation.sentence_id, frozenset((relation.party_a_id, relation.party_b_id)), relation.type)
        if key not in seen:
            seen.add(key)
            result.append(relation)
    return result
