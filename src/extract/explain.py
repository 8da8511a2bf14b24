"""``extract explain``: what the pipeline read in one sentence, and why each pair of companies is or is not a relation.

The rule author's tool: before adding a trigger or a role particle to
rules/partnerships.yaml, they see the sentence's MeCab tokens, every company,
amount and date with the rule (or GiNZA) that found it, the dependency parse
the relation step read, each trigger with its type, status and the parties it
reached, and for every pair of companies the relation it gave or the reason
it gave none. The text comes from the real pipeline run over the whole post,
so the company the text is about carries over from the sentences before.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from extract.errors import ExtractError
from extract.models import Post, Sentence
from extract.process import Extractors, PostResult, process_post
from extract.relations import SentenceTrace
from extract.tokenize import tokenize_sentence


def explain_post(post: Post, extractors: Extractors, sentence_ids: Sequence[int] | None = None) -> str:
    """The explanation of the post's sentences ``sentence_ids`` (every sentence with a company, an amount,
    a date or a trigger when None), as text."""
    trace: list[SentenceTrace] = []
    result = process_post(post, extractors, trace=trace)
    traces = {item.sentence_id: item for item in trace}
    if sentence_ids is None:
        noted = {m.sentence_id for m in (*result.companies, *result.money, *result.dates)} | set(traces)
        chosen = [s for s in result.sentences if s.sentence_id in noted]
    else:
        known = {s.sentence_id: s for s in result.sentences}
        missing = [n for n in sentence_ids if n not in known]
        if missing:
            raise ExtractError(f"{post.source_path} has no sentence {missing[0]}: its sentences are numbered "
                               f"0 to {len(result.sentences) - 1}")
        chosen = [known[n] for n in sentence_ids]
    if not chosen:
        return "No company, amount, date or relation trigger found."
    return "\n\n".join(_explain_sentence(sentence, result, traces.get(sentence.sentence_id), extractors)
                       for sentence in chosen)


def _explain_sentence(sentence: Sentence, result: PostResult, trace: SentenceTrace | None,
                      extractors: Extractors) -> str:
    lines = [f"Sentence {sentence.sentence_id}: {sentence.text}"]
    tokens = [token for token in result.tokens if token.sentence_id == sentence.sentence_id]
    tokens = tokens or tokenize_sentence(sentence)
    lines.append("Tokens (MeCab): " + " | ".join(f"{t.surface}/{t.pos.split(',')[0]}" for t in tokens))
    companies = [m for m in result.companies if m.sentence_id == sentence.sentence_id]
    lines.append("Companies:" if companies else "Companies: none")
    lines += [f"  {m.surface} -> {m.name} [{m.company_id}] by {m.rule_id} ({m.source})" for m in companies]
    money = [m for m in result.money if m.sentence_id == sentence.sentence_id]
    lines += [f"Money: {m.surface} = {m.value if m.value is not None else f'{m.min_value}..{m.max_value}'} "
              f"{m.currency} ({m.qualifier}, USD {m.value_usd}) by {m.rule_id}" for m in money]
    dates = [d for d in result.dates if d.sentence_id == sentence.sentence_id]
    lines += [f"Date: {d.surface} = {d.type} {d.value}{f' {d.mod}' if d.mod else ''} by {d.rule_id}" for d in dates]
    if extractors.use_ner and trace is not None:
        from extract.ner import parse_sentences

        (parse,) = parse_sentences([sentence], extractors.parse_cache)
        words = [sentence.text[t.start - sentence.start: t.end - sentence.start] for t in parse.tokens]
        lines.append("Dependency parse (GiNZA, word <- head): "
                     + " ".join(f"{i}:{word}<-{parse.tokens[i].head}" for i, word in enumerate(words)))
    if trace is None:
        # (a funding table's row states its investments with no trigger word: - X｜シード｜1億円｜A)
        stated = [p for p in result.partnerships if p.sentence_id == sentence.sentence_id]
        lines.append(("Relations: a funding table's row (partnerships.yaml funding_rows)" if stated else
                      "Relations: no trigger word (partnerships.yaml triggers) in the sentence")
                     + "".join(f"\n  {row.party_a_name} – {row.party_b_name}: {row.type} {row.status}, "
                               f"{row.party_a_name} -> {row.party_b_name} (trigger {row.trigger}, {row.rule_id})"
                               for row in stated))
        return "\n".join(lines)
    lines.append(f"Company the text is about: {trace.topic or 'none'}")
    if trace.round_before:
        lines.append(f"Joins the funding round of {trace.round_before}, named in the sentence before")
    lines.append("Parties (role from the particle after the name, coordination group): "
                 + (", ".join(f"{name} ({role}, group {group})" for name, role, group in trace.parties) or "none"))
    for trigger in trace.triggers:
        reading = f"{trigger.type}, {trigger.status}" + (", passive" if trigger.passive else "") \
            + (", funding round" if trigger.funding else "")
        lines.append(f"Trigger {trigger.word} ({reading})"
                     + (f": no relation, {trigger.voided}" if trigger.voided else "")
                     + (f"; outside its clause (parse): {', '.join(trigger.outside_clause)}"
                        if trigger.outside_clause else ""))
    rows = [p for p in result.partnerships if p.sentence_id == sentence.sentence_id]
    lines.append("Pairs:")
    # The company the text is about may stand in for a party the sentence leaves out (Xは…。Aが出資した).
    names = list(dict.fromkeys([*(name for name, _, _ in trace.parties),
                                *(name for name in (trace.topic, trace.round_before) if name)]))
    for first, second in combinations(names, 2):
        lines.append(f"  {first} – {second}: {_pair_outcome(first, second, rows, trace)}")
    # A deal referred back to (しかし、買収は破談となった: rule relation.deal_before) names neither of its two here.
    named = set(names)
    for first, second in dict.fromkeys((row.party_a_name, row.party_b_name) for row in rows
                                       if not {row.party_a_name, row.party_b_name} <= named):
        lines.append(f"  {first} – {second}: {_pair_outcome(first, second, rows, trace)}")
    return "\n".join(lines)


def _pair_outcome(first: str, second: str, rows: Sequence, trace: SentenceTrace) -> str:
    """The relation a pair got, or why it got none."""
    found = [row for row in rows if {row.party_a_name, row.party_b_name} == {first, second}]
    if found:
        return "; ".join(f"{row.type} {row.status}, {row.party_a_name} -> {row.party_b_name} "
                         f"(trigger {row.trigger}, {row.rule_id})" for row in found)
    live = [t for t in trace.triggers if not t.voided]
    if not live:
        return "no relation: every trigger is void (" + "; ".join(f"{t.word}: {t.voided}" for t in trace.triggers) + ")"
    if any((first, second) in t.pairs or (second, first) in t.pairs for t in live):
        return "no relation: a company and its own parent or subsidiary are partners of no one but the group"
    outside = [t.word for t in live if first in t.outside_clause or second in t.outside_clause]
    if len(outside) == len(live):
        return f"no relation: outside the clause of {', '.join(outside)} in the dependency parse"
    roles = {**({trace.topic: "the text's topic"} if trace.topic else {}),
             **{name: role for name, role, _ in trace.parties}}
    # An English trigger phrase (relations_english.py) relates its parties by word order, not particles.
    reading = "the word order does" if all(t.word.isascii() for t in live) else "the particles do"
    return (f"no relation: {reading} not relate them ({first}: {roles.get(first)}, "
            f"{second}: {roles.get(second)}) for {', '.join(t.word for t in live)}")
