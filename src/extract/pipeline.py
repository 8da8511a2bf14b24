"""The pipeline: calls the stages in order for every post and writes the tables.

read -> segment -> tokenize -> (match -> normalize -> relate) -> write. A post
that fails is recorded in the errors table and the batch goes on, unless the
run is strict. Tables are only written once every post has been processed,
each atomically, so an interrupted run leaves the previous output whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract import corpus, tables
from extract.errors import InputError, PostError
from extract.models import Post, Sentence, Token
from extract.segment import split_sentences
from extract.tokenize import tokenize_sentence
from extract.write import prepare_output, write_table


@dataclass(frozen=True)
class PostResult:
    """Everything extracted from one post."""

    post: Post
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]


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


def process_post(post: Post) -> PostResult:
    """Run every per-post stage on one post."""
    sentences = split_sentences(post.body)
    tokens = [token for sentence in sentences for token in tokenize_sentence(sentence)]
    return PostResult(post, tuple(sentences), tuple(tokens))


def _results(paths: Iterable[Path], corpus_dir: Path, strict: bool,
             on_error: Callable[[PostError], None]) -> Iterator[PostResult | PostError]:
    """Read and process each post, yielding its result or the error that stopped it."""
    for path in paths:
        try:
            yield process_post(corpus.read_post(path, corpus_dir))
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


def run(corpus_dir: Path, output_dir: Path, rules_dir: Path, *, strict: bool = False,
        on_error: Callable[[PostError], None] = lambda error: None,
        track: Callable[[list[Path]], Iterable[Path]] = lambda paths: paths) -> RunSummary:
    """Extract every post under ``corpus_dir`` into tables under ``output_dir``.

    ``on_error`` is told of each skipped post (the CLI prints a warning);
    ``track`` wraps the list of post files (the CLI adds a progress bar).
    With ``strict`` the first failing post raises its ``PostError`` and
    nothing is written.
    """
    began = time.perf_counter()
    if not rules_dir.is_dir():
        raise InputError(f"rules folder not found: {rules_dir}")
    paths = corpus.discover_posts(corpus_dir)
    prepare_output(output_dir)
    builders = {name: tables.TableBuilder(schema) for name, schema in tables.SCHEMAS.items()}
    for outcome in _results(track(paths), corpus_dir, strict, on_error):
        if isinstance(outcome, PostError):
            builders["errors"].append(tables.error_row(outcome.source_path, outcome.stage,
                                                       outcome.kind, outcome.message))
            continue
        article_id = outcome.post.article_id
        builders["articles"].append(tables.article_row(outcome.post))
        builders["sentences"].extend(tables.sentence_row(article_id, s) for s in outcome.sentences)
        builders["tokens"].extend(tables.token_row(article_id, t) for t in outcome.tokens)
    for name, builder in builders.items():
        write_table(builder.to_table(), output_dir, name)
    return RunSummary(
        posts=len(builders["articles"]),
        sentences=len(builders["sentences"]),
        tokens=len(builders["tokens"]),
        errors=len(builders["errors"]),
        seconds=time.perf_counter() - began,
    )
