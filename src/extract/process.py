"""The per-post work: every stage, in order, for one post, and its rows as Arrow tables.

read -> segment -> tokenize -> match + NER (+ the names a sentence vouches for
as companies) -> normalize -> relate. Only the
stages that feed the tables asked for run (a re-run after a dates rule edit
does not tokenize). This is what a worker process runs for each post
(executor.py); the batch around it (planning, writing, committing) is
pipeline.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from extract import tables
from extract.cache import SentenceCache
from extract.corpus import written_date
from extract.incremental import ALL_TABLES
from extract.models import ChipMention, CompanyMention, Post, Sentence, Token, by_sentence
from extract.normalize.chips import ChipRecognizer
from extract.normalize.companies import CompanyRecognizer
from extract.normalize.company_renames import RenamedCompanies
from extract.ner import NerSpan, ParsedSentence, compile_ner_rules
from extract.normalize.dates import DateMatch, DateRules, compile_date_rules, find_dates, last_stated_year
from extract.normalize.money import MoneyMatch, compile_money_rules, find_money, fx_table, load_ecb_rates
from extract.overlaps import outside
from extract.relations import Partnership, RelationFinder, SentenceTrace, compile_partnership_rules
from extract.resolve import (DefinedNames, NerCompanyFilter, add_listed_names, add_names_found_elsewhere,
                             add_names_listed_under_headings, add_vouched_names, byline_company, resolve_companies,
                             without_publisher)
from extract.rules import RuleSet
from extract.segment import paragraph_openings, split_sentences, url_spans
from extract.stages import stages_for
from extract.tokenize import tokenize_sentence


@dataclass(frozen=True)
class PostResult:
    """Everything extracted from one post."""

    post: Post
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    companies: tuple[CompanyMention, ...]
    money: tuple[MoneyMatch, ...]
    dates: tuple[DateMatch, ...]
    chips: tuple[ChipMention, ...]
    partnerships: tuple[Partnership, ...]


class Extractors:
    """The recognizers built once from the rules and used for every post.

    With ``use_ner`` the GiNZA model proposes companies no rule lists and
    parses the sentences that may state a relation; without it the run is
    rules only (much faster, fewer companies, relations from particles alone).
    """

    def __init__(self, rules: RuleSet, use_ner: bool = True, cache_path: Path | None = None) -> None:
        self.rules = rules
        self.use_ner = use_ner
        self.ner_cache = self.parse_cache = None
        if use_ner and cache_path is not None:
            from extract.ner import analysis_kinds

            ner_kind, parse_kind = analysis_kinds()
            self.ner_cache = SentenceCache(cache_path, ner_kind)
            self.parse_cache = SentenceCache(cache_path, parse_kind)
        self.companies = CompanyRecognizer(rules)
        self.chips = ChipRecognizer(rules)
        self.money = compile_money_rules(rules.money)
        self.fx = fx_table(rules.fx)
        load_ecb_rates()
        self.dates = compile_date_rules(rules.dates)
        self.relations = RelationFinder(compile_partnership_rules(
            # a Japanese legal form written before a name is no part of it either (産業用ロボットの株式会社X、)
            rules.partnerships, rules.products, (*rules.name_bounds.before, *rules.legal_forms.japanese),
            {company.id: company.parent for company in rules.companies if company.parent}, rules.deeds.founded_marks,
            (rules.ner.organisation_endings, rules.ner.company_organisation_endings),
            rules.legal_forms))
        self.defined_names = DefinedNames(rules.definitions, rules.legal_forms)
        kin = rules.partnerships.kin
        self.renamed = RenamedCompanies(rules.renames, rules.legal_forms, rules.partnerships.same_company,
                                        rules.deeds.founded_marks, kin.nouns if kin is not None else ())
        self.ner_rules = compile_ner_rules(rules.ner)
        self.ner_filter = NerCompanyFilter(self.ner_rules, rules.legal_forms, self.companies.blocked_names,
                                           self.companies.listed_names, self.chips.listed_names, rules.name_bounds,
                                           self.companies.product_names, self.companies.context_names,
                                           rules.partnerships.coordinators, rules.partnerships.roles.example)


def _model_analyses(sentences: list[Sentence], rule_mentions: list[CompanyMention], extractors: Extractors,
                    with_parses: bool) -> tuple[list[NerSpan], dict[int, ParsedSentence]]:
    """GiNZA's entities in the sentences where it could find a company that passes the checks, and, with
    ``with_parses``, the dependency parses of those that may state a relation: a trigger and a company
    named, referred to, or possibly found by NER. One model pass serves both where a sentence needs both."""
    from extract.ner import analyse_sentences

    named_in = by_sentence(rule_mentions)
    for_ner = [s for s in sentences
               if extractors.ner_filter.may_find_company(s, named_in.get(s.sentence_id, ()))]
    ner_ids = {s.sentence_id for s in for_ner}
    for_parse = [s for s in sentences
                 if extractors.relations.may_relate(s, named_in.get(s.sentence_id, ()), s.sentence_id in ner_ids)
                 ] if with_parses else []
    spans, parses = analyse_sentences(for_ner, for_parse, extractors.ner_cache, extractors.parse_cache)
    return spans, {parsed.sentence_id: parsed for parsed in parses}


def _dates(sentences: list[Sentence], rules: DateRules, anchor: datetime.date | None) -> list[DateMatch]:
    """The post's dates, sentence by sentence: each sentence's 同年 and 翌年 count from the year the text stated
    last before it (a history's 2013年に設立。同年10月に上場: 2013-10)."""
    dates: list[DateMatch] = []
    narrative_year: int | None = None
    for sentence in sentences:
        found = find_dates(sentence, rules, anchor, narrative_year)
        dates += found
        narrative_year = last_stated_year(found) or narrative_year
    return dates


def _partnerships(post: Post, sentences: list[Sentence], tokens: list[list[Token]], companies: list[CompanyMention],
                  money: list[MoneyMatch], parses: dict[int, ParsedSentence], extractors: Extractors,
                  trace: list[SentenceTrace] | None = None) -> list[Partnership]:
    """Relations stated in the post's body, read with its MeCab words, its paragraphs, the dependency
    parses of the sentences that have one, and the company its author is (the issuer of a press release)."""
    amounts: dict[int, list[tuple[int, float | None]]] = {}
    for amount in money:
        amounts.setdefault(amount.sentence_id, []).append((amount.start, amount.value_usd))
    return extractors.relations.find(sentences, companies, amounts, parses, trace,
                                     {sentence.sentence_id: sentence_tokens
                                      for sentence, sentence_tokens in zip(sentences, tokens)},
                                     paragraph_openings(post.body, sentences),
                                     byline_company(companies, post.author, extractors.ner_filter)
                                     or extractors.defined_names.issuer(companies, sentences))


def process_post(post: Post, extractors: Extractors, tables: Collection[str] = ALL_TABLES,
                 trace: list[SentenceTrace] | None = None) -> PostResult:
    """Run the per-post stages on one post: those that feed ``tables`` (all by default), as the stage
    registry says; MeCab, most of a rules-only run, is skipped when only money or dates are wanted.
    With ``trace``, what the relation step read in each sentence with a trigger is appended to it."""
    run = stages_for(tables, extractors.use_ner)
    sentences = split_sentences(post.body)
    tokens = ([tokenize_sentence(sentence) for sentence in sentences]
              if "tokens" in run else [[] for _ in sentences])
    # Every recognizer reads whole sentences; what it finds inside a link target is dropped, for every table.
    urls = url_spans(sentences)
    anchor = written_date(post)
    companies: list[CompanyMention] = []
    parses: dict[int, ParsedSentence] = {}
    if "companies" in run:
        companies = extractors.companies.find(sentences, tokens)
        if extractors.use_ner:
            spans, parses = _model_analyses(sentences, companies, extractors, "partnerships" in run)
            companies = resolve_companies(companies, spans, sentences, tokens, extractors.ner_filter,
                                          extractors.ner_rules)
        companies = add_vouched_names(companies, sentences, tokens, extractors.ner_filter,
                                      extractors.companies.party_slots, extractors.companies.deeds)
        companies = add_listed_names(companies, sentences, tokens, extractors.ner_filter)
        companies = add_names_listed_under_headings(companies, sentences, tokens, extractors.ner_filter)
        companies = add_names_found_elsewhere(extractors.defined_names.add(companies, sentences, tokens),
                                              sentences, tokens, extractors.ner_filter)
        companies = extractors.renamed.join(companies, sentences)
        companies = outside(without_publisher(companies, post.author, extractors.ner_filter), urls)
    chips = outside(extractors.chips.find(sentences, tokens), urls) if "chips" in run else []
    money = outside([amount for sentence in sentences
                     for amount in find_money(sentence, extractors.money, extractors.fx, anchor)],
                    urls) if "money" in run else []
    dates = outside(_dates(sentences, extractors.dates, anchor), urls) if "dates" in run else []
    partnerships = (_partnerships(post, sentences, tokens, companies, money, parses, extractors, trace)
                    if "partnerships" in run else [])
    return PostResult(
        post=post,
        sentences=tuple(sentences),
        tokens=tuple(token for sentence_tokens in tokens for token in sentence_tokens),
        # (the relation step read the names alone; the table shows each as written, with its legal form)
        companies=tuple(extractors.companies.written_with_legal_forms(companies, sentences)),
        money=tuple(money),
        dates=tuple(dates),
        chips=tuple(chips),
        partnerships=tuple(partnerships),
    )


def post_tables(outcome: PostResult, tables_wanted: Collection[str] = ALL_TABLES) -> dict[str, pa.Table]:
    """A processed post's rows as one Arrow table per wanted table."""
    article_id = outcome.post.article_id
    rows = {
        "articles": lambda: [tables.article_row(outcome.post)],
        "sentences": lambda: (tables.sentence_row(article_id, s) for s in outcome.sentences),
        "companies": lambda: (tables.mention_row(article_id, m) for m in outcome.companies),
        "chips": lambda: (tables.mention_row(article_id, m) for m in outcome.chips),
        "money": lambda: (tables.mention_row(article_id, m) for m in outcome.money),
        "dates": lambda: (tables.mention_row(article_id, d) for d in outcome.dates),
        "partnerships": lambda: (tables.mention_row(article_id, p) for p in outcome.partnerships),
    }
    built = {"tokens": tables.token_table(article_id, outcome.tokens)} if "tokens" in tables_wanted else {}
    for name in set(tables_wanted) - {"tokens"}:
        builder = tables.TableBuilder(tables.SCHEMAS[name])
        builder.extend(rows[name]())
        built[name] = builder.to_table()
    return built


