"""The pipeline: calls the stages in order for every post and writes the tables.

read -> segment -> tokenize -> match + NER -> normalize -> relate -> write. A post
that fails is recorded in the errors table and the batch goes on, unless the
run is strict. Only what changed since the last run is redone (incremental.py),
posts are shared among worker processes (executor.py) and tables are written
one bucket of posts at a time into new part folders that replace the previous
ones only once complete, so an interrupted run leaves the previous output whole.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pyarrow as pa
import pyarrow.compute as pc

from extract import corpus, tables
from extract.cache import SentenceCache
from extract.errors import InputError, PostError, RunInterrupted
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
from extract.executor import LOCAL, TaskResult, WorkerSettings, run_tasks
from extract.incremental import (ALL_TABLES, BUCKETS, PIPELINE_VERSION, Manifest, PostFile, make_plan,
                                 stage_digests)
from extract.write import OutputFolder, TableParts, damaged_tables, part_sizes, table_rows, write_table

#: The GiNZA results cache, in the output folder's state folder so it goes where the tables go.
CACHE_FILE = "ginza-cache.sqlite"
#: Seconds one post may take before it goes to the errors table (``--post-timeout``).
DEFAULT_POST_TIMEOUT = 60.0
#: Every table a run writes, the errors table included.
OUTPUT_TABLES = (*ALL_TABLES, "errors")

#: A normalizer's match: what ``_in_body`` is given it gives back.
_Match = TypeVar("_Match", MoneyMatch, DateMatch)


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
        self.relations = RelationFinder(rules.partnerships)
        self.ner_filter = NerCompanyFilter(rules.ner, self.companies.blocked_names, self.companies.listed_names,
                                           self.chips.listed_names)


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the closing summary line."""

    posts: int
    sentences: int
    tokens: int
    errors: int
    seconds: float
    unchanged: int = 0

    def line(self) -> str:
        """One human line: ``12 posts, 840 sentences, 30,112 tokens, 1 error in 3.2 s (11 posts unchanged)``."""
        errors = "error" if self.errors == 1 else "errors"
        reused = f" ({self.unchanged:,} posts unchanged)" if self.unchanged else ""
        return (f"{self.posts:,} posts, {self.sentences:,} sentences, {self.tokens:,} tokens, "
                f"{self.errors:,} {errors} in {self.seconds:.1f} s{reused}")


def _in_body(match: _Match, sentence: Sentence) -> _Match:
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
                           if extractors.ner_filter.may_find_company(s, by_sentence.get(s.sentence_id, ()))],
                          extractors.ner_cache)
    return resolve_companies(found, spans, sentences, tokens, extractors.ner_filter, extractors.rules.ner)


def _partnerships(sentences: list[Sentence], companies: list[CompanyMention], money: tuple[SentenceMoney, ...],
                  extractors: Extractors) -> list[Partnership]:
    """Relations stated in the post; the sentences that may hold one are parsed when the model runs."""
    parses = {}
    if extractors.use_ner:
        from extract.ner import parse_sentences

        by_sentence = _by_sentence(companies)
        candidates = [s for s in sentences if extractors.relations.may_relate(s, by_sentence.get(s.sentence_id, ()))]
        parses = {parsed.sentence_id: parsed for parsed in parse_sentences(candidates, extractors.parse_cache)}
    amounts: dict[int, list[tuple[int, float | None]]] = {}
    for item in money:
        amounts.setdefault(item.sentence_id, []).append((item.match.start, item.value_usd))
    return extractors.relations.find(sentences, companies, amounts, parses)


def _outside(mentions: list, spans: list[tuple[int, int]]) -> list:
    """The mentions that do not overlap any of ``spans`` (URLs are not text)."""
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]


def process_post(post: Post, extractors: Extractors, tables: Collection[str] = ALL_TABLES) -> PostResult:
    """Run the per-post stages on one post: those that feed ``tables`` (all by default)."""
    rules = extractors.rules
    sentences = split_sentences(post.body)
    wanted = set(tables)
    # MeCab is most of a rules-only run: money and dates are found in the text without it.
    tokens = ([tokenize_sentence(sentence) for sentence in sentences]
              if wanted & {"tokens", "companies", "chips", "partnerships"} else [[] for _ in sentences])
    urls = [span for sentence in sentences for span in url_spans(sentence.text, sentence.start)]
    companies = (_outside(_companies(sentences, tokens, extractors), urls)
                 if wanted & {"companies", "partnerships"} else [])
    anchor = post.published_at.date() if post.published_at else None
    texts = [mask_urls(sentence.text) for sentence in sentences]
    money = tuple(
        SentenceMoney(sentence.sentence_id, found, to_usd(found.value, found.currency, anchor, rules.fx))
        for sentence, text in zip(sentences, texts) for found in
        (_in_body(m, sentence) for m in find_money(text, rules.money))) if wanted & {"money", "partnerships"} else ()
    dates = tuple(SentenceDate(sentence.sentence_id, _in_body(found, sentence))
                  for sentence, text in zip(sentences, texts)
                  for found in find_dates(text, rules.dates, anchor)) if "dates" in wanted else ()
    return PostResult(
        post=post,
        sentences=tuple(sentences),
        tokens=tuple(token for sentence_tokens in tokens for token in sentence_tokens),
        companies=tuple(companies),
        money=money,
        dates=dates,
        chips=tuple(_outside(extractors.chips.find(sentences, tokens), urls)) if "chips" in wanted else (),
        partnerships=tuple(_partnerships(sentences, companies, money, extractors))
        if "partnerships" in wanted else (),
    )


def post_tables(outcome: PostResult, tables_wanted: Collection[str] = ALL_TABLES) -> dict[str, pa.Table]:
    """A processed post's rows as one Arrow table per wanted table."""
    article_id = outcome.post.article_id
    rows = {
        "articles": lambda: [tables.article_row(outcome.post)],
        "sentences": lambda: (tables.sentence_row(article_id, s) for s in outcome.sentences),
        "companies": lambda: (tables.mention_row(article_id, m) for m in outcome.companies),
        "chips": lambda: (tables.mention_row(article_id, m) for m in outcome.chips),
        "money": lambda: (tables.mention_row(article_id, m.match, sentence_id=m.sentence_id, value_usd=m.value_usd)
                          for m in outcome.money),
        "dates": lambda: (tables.mention_row(article_id, d.match, sentence_id=d.sentence_id) for d in outcome.dates),
        "partnerships": lambda: (tables.mention_row(article_id, p) for p in outcome.partnerships),
    }
    built = {"tokens": tables.token_table(article_id, outcome.tokens)} if "tokens" in tables_wanted else {}
    for name in set(tables_wanted) - {"tokens"}:
        builder = tables.TableBuilder(tables.SCHEMAS[name])
        builder.extend(rows[name]())
        built[name] = builder.to_table()
    return built


def _post_files(corpus_dir: Path, max_bytes: int = corpus.MAX_POST_BYTES) -> list[PostFile]:
    """Every post file of the corpus with its content hash (reading bytes is cheap next to processing).

    A file that fails ``corpus.check_post_file`` (too large, a link out of
    the corpus, not a regular file) is never opened here: like an unreadable
    one it gets no hash, so it is processed every run and ``read_post``
    records why it was refused.
    """
    found = []
    for path in corpus.discover_posts(corpus_dir):
        try:
            corpus.check_post_file(path, corpus_dir, max_bytes)
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except (OSError, PostError):
            digest = ""  # refused or unreadable: processed (and recorded as an error) every run
        found.append(PostFile(path, corpus.path_text(path.relative_to(corpus_dir).as_posix()),
                              corpus.article_id_for(path, corpus_dir), digest))
    return found


def _bucket_rows(still_valid: pa.Array, table: str, parts: TableParts, bucket: int,
                 fresh: list[pa.Table]) -> pa.Table:
    """A rebuilt bucket's rows: the previous rows of posts in ``still_valid``, then the fresh ones."""
    pieces = []
    previous = parts.previous(bucket) if len(still_valid) else None  # nothing kept: the old rows are not read
    if previous is not None and previous.num_rows:
        mask = pc.is_in(previous["article_id"], value_set=still_valid)
        pieces.append(previous.filter(mask))
    pieces += fresh
    schema = tables.SCHEMAS[table]
    return pa.concat_tables([p.cast(schema) for p in pieces]) if pieces else schema.empty_table()


def run(corpus_dir: Path, output_dir: Path, rules_dir: Path, *, strict: bool = False, use_ner: bool = True,
        jobs: int = 1, executor: str = LOCAL, scheduler: str | None = None, use_cache: bool = True,
        post_timeout: float = DEFAULT_POST_TIMEOUT, max_post_bytes: int = corpus.MAX_POST_BYTES,
        on_error: Callable[[PostError], None] = lambda error: None,
        track: Callable[[Iterable[TaskResult], int], Iterable[TaskResult]] = lambda results, total: results,
        ) -> RunSummary:
    """Extract every post under ``corpus_dir`` into tables under ``output_dir``, redoing only what changed.

    ``on_error`` is told of each skipped post (the CLI prints a warning);
    ``track`` wraps the stream of task results and is told their number (the
    CLI adds a progress bar).
    With ``strict`` the first failing post raises its ``PostError`` and
    nothing is written. ``use_ner=False`` runs the rules alone, without GiNZA.
    ``jobs`` worker processes share the posts (``executor="dask"`` sends them
    to the Dask scheduler at ``scheduler`` instead); GiNZA's results are cached
    per sentence text under ``output_dir/.extract`` unless ``use_cache`` is off.
    A post that takes over ``post_timeout`` seconds, or is larger than
    ``max_post_bytes``, goes to the errors table. All tables of the run become
    visible together, in one commit at the end (write.py); an interruption
    raises ``RunInterrupted``, which says whether that commit happened.
    """
    began = time.perf_counter()
    if not rules_dir.is_dir():
        load_rules(rules_dir)  # reports the missing folder the way every rule problem is reported
    posts = _post_files(corpus_dir, max_post_bytes)
    folder = OutputFolder.open_for_writing(output_dir, corpus_dir, OUTPUT_TABLES)
    try:
        return _run_locked(folder, corpus_dir, posts, rules_dir, began, strict=strict, use_ner=use_ner, jobs=jobs,
                           executor=executor, scheduler=scheduler, use_cache=use_cache,
                           post_timeout=post_timeout, max_post_bytes=max_post_bytes, on_error=on_error,
                           track=track)
    except KeyboardInterrupt as interrupt:
        raise RunInterrupted(output_dir, committed=folder.committed) from interrupt
    finally:
        folder.close()


def _run_locked(folder: OutputFolder, corpus_dir: Path, posts: list[PostFile], rules_dir: Path, began: float, *,
                strict: bool,
                use_ner: bool, jobs: int, executor: str, scheduler: str | None, use_cache: bool,
                post_timeout: float, max_post_bytes: int, on_error: Callable[[PostError], None],
                track: Callable[[Iterable[TaskResult], int], Iterable[TaskResult]]) -> RunSummary:
    """``run`` once the output folder is the tool's and locked: plan, process, write a generation, commit."""
    manifest = Manifest(PIPELINE_VERSION, {"use_ner": use_ner}, stage_digests(rules_dir))
    current = folder.current()
    previous = Manifest.load(current.path) if current is not None else None
    damaged = damaged_tables(current, previous.parts if previous else None, OUTPUT_TABLES)
    plan = make_plan(posts, previous, manifest, damaged)
    if current is not None and not plan.tasks and not any(plan.dirty.values()) and not damaged:
        # nothing changed: the tables stand as they are
        return RunSummary(posts=table_rows(current, "articles"), sentences=table_rows(current, "sentences"),
                          tokens=table_rows(current, "tokens"), errors=table_rows(current, "errors"),
                          seconds=time.perf_counter() - began, unchanged=plan.unchanged_posts)
    rules = load_rules(rules_dir)  # validated before any post is processed (unchanged rules were, last run)
    settings = WorkerSettings(str(corpus_dir), str(rules_dir), rules.digest, use_ner,
                              str(folder.state / CACHE_FILE) if use_ner and use_cache else None,
                              post_timeout, max_post_bytes)
    generation = folder.new_generation()
    task_results = run_tasks(plan.tasks, settings, rules, jobs=jobs, scratch_dir=generation.path,
                             executor=executor, scheduler=scheduler)
    try:
        parts = {name: TableParts(generation, name, tables.SCHEMAS[name], current) for name in ALL_TABLES}
        errors = tables.TableBuilder(tables.ERRORS)
        succeeded: dict[str, dict[str, str]] = {}
        still_valid = {name: pa.array(sorted(plan.kept - plan.recomputed(name)), pa.string()) for name in ALL_TABLES}
        results = iter(track(task_results, len(plan.tasks)))
        pending = next(results, None)
        for bucket in range(BUCKETS):
            fresh: dict[str, list[pa.Table]] = {name: [] for name in ALL_TABLES}
            while pending is not None and pending.task.post.bucket == bucket:
                error = pending.post_error()
                if error is not None:
                    if strict:
                        raise error
                    on_error(error)
                    errors.append(tables.error_row(error.source_path, error.stage, error.kind, error.message))
                    plan.kept.discard(pending.task.post.article_id)
                else:
                    assert pending.tables is not None  # a result without an error has its tables
                    for name, table in pending.tables.items():
                        fresh[name].append(table)
                    post = pending.task.post
                    succeeded[post.source_path] = {"sha256": post.sha256, "article_id": post.article_id}
                pending = next(results, None)
            for name in ALL_TABLES:
                if bucket in plan.dirty[name]:
                    parts[name].write(bucket, _bucket_rows(still_valid[name], name, parts[name], bucket,
                                                           fresh[name]))
                else:
                    parts[name].keep(bucket)
        for part in parts.values():
            part.finish()
        write_table(errors.to_table(), generation, "errors")
        previous_posts = previous.posts if previous is not None else {}
        manifest.posts = {post.source_path: succeeded.get(post.source_path) or previous_posts[post.source_path]
                          for post in posts
                          if post.source_path in succeeded or (previous and post.article_id in plan.kept)}
        manifest.parts = part_sizes(generation, OUTPUT_TABLES)
        manifest.save(generation.path)
        folder.commit(generation, OUTPUT_TABLES)
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        outcome = "the new tables are in place" if folder.committed else "the previous output is intact"
        raise InputError(f"cannot write the tables to {folder.path}: {error.strerror or error}{where}; "
                         f"{outcome}") from error
    finally:
        task_results.close()  # however this ends, the workers are gone before the run returns
        if not folder.committed:
            folder.discard(generation)
    return RunSummary(
        posts=parts["articles"].rows,
        sentences=parts["sentences"].rows,
        tokens=parts["tokens"].rows,
        errors=len(errors),
        seconds=time.perf_counter() - began,
        unchanged=plan.unchanged_posts,
    )
