"""The pipeline: calls the stages in order for every post and writes the tables.

read -> segment -> tokenize -> match + NER -> normalize -> relate -> write. A post
that fails is recorded in the errors table and the batch goes on, unless the
run is strict. Tables are only written once every post has been processed,
each atomically, so an interrupted run leaves the previous output whole.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract import corpus, tables
from extract.errors import PostError
from extract.models import Post, Sentence, Token
from extract.normalize.chips import ChipMention, ChipRecognizer
from extract.normalize.companies import CompanyMention, CompanyRecognizer
from extract.normalize.dates import DateMatch, find_dates
from extract.normalize.money import MoneyMatch, find_money, to_usd
from extract.relations import Partnership, RelationFinder
from extract.resolve import NerCompanyFilter, resolve_companies
from extract.rules import RuleSet, load_rules
from extract.segment import mask_urls, split_sentences, url_spans
from extract.tokenize import tokenize_sentence
from extract.write import prepare_output, write_table


@dataclass(frozen=True)
class SentenceMoney:
    """A money amount with the sentence it is in, offsets into the body, and its USD value."""

    sentence_id: int
    match: MoneyMatch
    value_usd: float | None


@dataclass(frozen=True)
class SentenceDate:
    """A time expression with the sentence it is in, offsets into the body."""

    sentence_id: int
    match: DateMatch


@dataclass(frozen=True)
class PostResult:
    """Everything extracted from one post."""

    post: Post
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    companies: tuple[CompanyMention, ...]
    money: tuple[SentenceMoney, ...]
    dates: tuple[SentenceDate, ...]
    chips: tuple[ChipMention, ...]
    partnerships: tuple[Partnership, ...]


class Extractors:
    """The recognizers built once from the rules and used for every post.

    With ``use_ner`` the GiNZA model proposes companies no rule lists and
    parses the sentences that may state a relation; without it the run is
    rules only (much faster, fewer companies, relations from particles alone).
    """

    def __init__(self, rules: RuleSet, use_ner: bool = True) -> None:
        self.rules = rules
        self.use_ner = use_ner
        self.companies = CompanyRecognizer(rules)
        self.chips = ChipRecognizer(rules)
        self.relations = RelationFinder(rules.partnerships)
        self.ner_filter = NerCompanyFilter(rules.ner, self.companies.blocked_names, self.companies.listed_names)


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the closing summary line."""

    posts: int
    sentences: int
    tokens: int
    errors: int
    seconds: float

    def line(self) -> str:
        """One human line: ``12 posts, 840 sentences, 30,112 tokens, 1 error in 3.2 s``."""
        errors = "error" if self.errors == 1 else "errors"
        return (f"{self.posts:,} posts, {self.sentences:,} sentences, {self.tokens:,} tokens, "
                f"{self.errors:,} {errors} in {self.seconds:.1f} s")


def _in_body(match: MoneyMatch | DateMatch, sentence: Sentence) -> MoneyMatch | DateMatch:
    """A normalizer's match with offsets moved from the sentence into the body."""
    return dataclasses.replace(match, start=match.start + sentence.start, end=match.end + sentence.start)


def _by_sentence(mentions: Iterable[CompanyMention]) -> dict[int, list[CompanyMention]]:
    """Company mentions grouped by the sentence they are in."""
    grouped: dict[int, list[CompanyMention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence_id, []).append(mention)
    return grouped


def _companies(sentences: list[Sentence], tokens: list[list[Token]], extractors: Extractors) -> list[CompanyMention]:
    """Rule matches, joined with GiNZA's entities when the model runs."""
    found = extractors.companies.find(sentences, tokens)
    if not extractors.use_ner:
        return found
    from extract.ner import find_entities

    by_sentence = _by_sentence(found)
    spans = find_entities([s for s in sentences
                           if extractors.ner_filter.may_find_company(s, by_sentence.get(s.sentence_id, ()))])
    return resolve_companies(found, spans, sentences, tokens, extractors.ner_filter, extractors.rules.ner)


def _partnerships(sentences: list[Sentence], companies: list[CompanyMention], money: tuple[SentenceMoney, ...],
                  extractors: Extractors) -> list[Partnership]:
    """Relations stated in the post; the sentences that may hold one are parsed when the model runs."""
    parses = {}
    if extractors.use_ner:
        from extract.ner import parse_sentences

        by_sentence = _by_sentence(companies)
        candidates = [s for s in sentences if extractors.relations.may_relate(s, by_sentence.get(s.sentence_id, ()))]
        parses = {parsed.sentence_id: parsed for parsed in parse_sentences(candidates)}
    amounts: dict[int, list[tuple[int, float | None]]] = {}
    for item in money:
        amounts.setdefault(item.sentence_id, []).append((item.match.start, item.value_usd))
    return extractors.relations.find(sentences, companies, amounts, parses)


def _outside(mentions: list, spans: list[tuple[int, int]]) -> list:
    """The mentions that do not overlap any of ``spans`` (URLs are not text)."""
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]


def process_post(post: Post, extractors: Extractors) -> PostResult:
    """Run every per-post stage on one post."""
    rules = extractors.rules
    sentences = split_sentences(post.body)
    tokens = [tokenize_sentence(sentence) for sentence in sentences]
    urls = [span for sentence in sentences for span in url_spans(sentence.text, sentence.start)]
    companies = _outside(_companies(sentences, tokens, extractors), urls)
    anchor = post.published_at.date() if post.published_at else None
    texts = [mask_urls(sentence.text) for sentence in sentences]
    money = tuple(
        SentenceMoney(sentence.sentence_id, found, to_usd(found.value, found.currency, anchor, rules.fx))
        for sentence, text in zip(sentences, texts) for found in
        (_in_body(m, sentence) for m in find_money(text, rules.money)))
    dates = tuple(SentenceDate(sentence.sentence_id, _in_body(found, sentence))
                  for sentence, text in zip(sentences, texts) for found in find_dates(text, rules.dates, anchor))
    return PostResult(
        post=post,
        sentences=tuple(sentences),
        tokens=tuple(token for sentence_tokens in tokens for token in sentence_tokens),
        companies=tuple(companies),
        money=money,
        dates=dates,
        chips=tuple(_outside(extractors.chips.find(sentences, tokens), urls)),
        partnerships=tuple(_partnerships(sentences, companies, money, extractors)),
    )


def _results(paths: Iterable[Path], corpus_dir: Path, extractors: Extractors, strict: bool,
             on_error: Callable[[PostError], None]) -> Iterator[PostResult | PostError]:
    """Read and process each post, yielding its result or the error that stopped it."""
    for path in paths:
        try:
            yield process_post(corpus.read_post(path, corpus_dir), extractors)
        except PostError as error:
            if strict:
                raise
            on_error(error)
            yield error
        except Exception as exc:  # a bug or an unforeseen input must not sink the batch
            error = PostError(path.as_posix(), "process", type(exc).__name__, str(exc) or repr(exc))
            if strict:
                raise error from exc
            on_error(error)
            yield error


def run(corpus_dir: Path, output_dir: Path, rules_dir: Path, *, strict: bool = False, use_ner: bool = True,
        on_error: Callable[[PostError], None] = lambda error: None,
        track: Callable[[list[Path]], Iterable[Path]] = lambda paths: paths) -> RunSummary:
    """Extract every post under ``corpus_dir`` into tables under ``output_dir``.

    ``on_error`` is told of each skipped post (the CLI prints a warning);
    ``track`` wraps the list of post files (the CLI adds a progress bar).
    With ``strict`` the first failing post raises its ``PostError`` and
    nothing is written. ``use_ner=False`` runs the rules alone, without GiNZA.
    """
    began = time.perf_counter()
    extractors = Extractors(load_rules(rules_dir), use_ner)
    paths = corpus.discover_posts(corpus_dir)
    prepare_output(output_dir)
    builders = {name: tables.TableBuilder(schema) for name, schema in tables.SCHEMAS.items()}
    for outcome in _results(track(paths), corpus_dir, extractors, strict, on_error):
        if isinstance(outcome, PostError):
            builders["errors"].append(tables.error_row(outcome.source_path, outcome.stage,
                                                       outcome.kind, outcome.message))
            continue
        article_id = outcome.post.article_id
        builders["articles"].append(tables.article_row(outcome.post))
        builders["sentences"].extend(tables.sentence_row(article_id, s) for s in outcome.sentences)
        builders["tokens"].extend(tables.token_row(article_id, t) for t in outcome.tokens)
        builders["companies"].extend(tables.mention_row(article_id, m) for m in outcome.companies)
        builders["chips"].extend(tables.mention_row(article_id, m) for m in outcome.chips)
        builders["money"].extend(tables.mention_row(article_id, m.match, sentence_id=m.sentence_id,
                                                    value_usd=m.value_usd) for m in outcome.money)
        builders["dates"].extend(tables.mention_row(article_id, d.match, sentence_id=d.sentence_id)
                                 for d in outcome.dates)
        builders["partnerships"].extend(tables.mention_row(article_id, p) for p in outcome.partnerships)
    for name, builder in builders.items():
        write_table(builder.to_table(), output_dir, name)
    return RunSummary(
        posts=len(builders["articles"]),
        sentences=len(builders["sentences"]),
        tokens=len(builders["tokens"]),
        errors=len(builders["errors"]),
        seconds=time.perf_counter() - began,
    )
