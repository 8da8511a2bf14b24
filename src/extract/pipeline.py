"""The batch: every post of a corpus into the tables of an output folder, redoing only what changed.

Plans what to redo from the last run's manifest (incremental.py), hands the
posts to worker processes (executor.py runs process.py for each), writes the
tables one bucket of posts at a time into a new generation and commits it in
one step (write.py), so an interrupted run leaves the previous output whole. A
post that fails is recorded in the errors table and the batch goes on, unless
the run is strict.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from extract import corpus, tables
from extract.errors import InputError, PostError, RunInterrupted
from extract.executor import LOCAL, TaskResult, WorkerSettings, run_tasks
from extract.incremental import (ALL_TABLES, BUCKETS, PIPELINE_VERSION, Manifest, PostFile, make_plan,
                                 rule_digests)
from extract.write import OutputFolder, TableParts, damaged_tables, part_sizes, write_table

#: The GiNZA results cache, in the output folder's state folder so it goes where the tables go.
CACHE_FILE = "ginza-cache.sqlite"
#: Seconds one post may take before it goes to the errors table (``--post-timeout``).
DEFAULT_POST_TIMEOUT = 60.0
#: Every table a run writes, the errors table included.
OUTPUT_TABLES = (*ALL_TABLES, "errors")

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
        from extract.rules import load_rules

        load_rules(rules_dir)  # reports the missing folder the way every rule problem is reported
    posts = _post_files(corpus_dir, max_post_bytes)
    folder = OutputFolder.open_for_writing(output_dir, corpus_dir, OUTPUT_TABLES)
    try:
        with _ctrl_c_remembered() as ctrl_c:
            return _run_locked(folder, corpus_dir, posts, rules_dir, began, ctrl_c, strict=strict, use_ner=use_ner,
                               jobs=jobs, executor=executor, scheduler=scheduler, use_cache=use_cache,
                               post_timeout=post_timeout, max_post_bytes=max_post_bytes, on_error=on_error,
                               track=track)
    except KeyboardInterrupt as interrupt:
        raise RunInterrupted(output_dir, committed=folder.committed) from interrupt
    finally:
        folder.close()


class _CtrlC:
    """Whether Ctrl-C was pressed during the run, for the run to act on where Python dropped it."""

    def __init__(self) -> None:
        self.pressed = False

    def __call__(self, signum: int, frame: object) -> None:
        self.pressed = True
        raise KeyboardInterrupt

    def check(self) -> None:
        """Raise ``KeyboardInterrupt`` if Ctrl-C was pressed, though nothing raised it so far."""
        if self.pressed:
            raise KeyboardInterrupt


@contextmanager
def _ctrl_c_remembered() -> Iterator[_CtrlC]:
    """Remember a Ctrl-C for the length of the run.

    Python drops an exception raised inside a finalizer (``__del__``: the
    regex module's compiled groups have one, and rules compile for a second)
    with only an "Exception ignored" on stderr, so a Ctrl-C landing there
    would let the run go on and commit. The run checks the remembered one
    before each step it cannot take back. Off the main thread (a library
    caller's) no handler can be set, and nothing is remembered.
    """
    ctrl_c = _CtrlC()
    if threading.current_thread() is not threading.main_thread():
        yield ctrl_c
        return
    previous = signal.signal(signal.SIGINT, ctrl_c)
    try:
        yield ctrl_c
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_locked(folder: OutputFolder, corpus_dir: Path, posts: list[PostFile], rules_dir: Path, began: float,
                ctrl_c: _CtrlC, *, strict: bool,
                use_ner: bool, jobs: int, executor: str, scheduler: str | None, use_cache: bool,
                post_timeout: float, max_post_bytes: int, on_error: Callable[[PostError], None],
                track: Callable[[Iterable[TaskResult], int], Iterable[TaskResult]]) -> RunSummary:
    """``run`` once the output folder is the tool's and locked: plan, process, write a generation, commit."""
    manifest = Manifest(PIPELINE_VERSION, {"use_ner": use_ner}, rule_digests(rules_dir))
    current = folder.current()
    previous = Manifest.load(current.path) if current is not None else None
    damaged = damaged_tables(current, previous.parts if previous else None, OUTPUT_TABLES)
    plan = make_plan(posts, previous, manifest, damaged)
    if current is not None and not plan.tasks and not any(plan.dirty.values()) and not damaged:
        # nothing changed: the tables stand as they are
        assert previous is not None  # a generation is committed with its manifest
        return RunSummary(posts=previous.rows["articles"], sentences=previous.rows["sentences"],
                          tokens=previous.rows["tokens"], errors=previous.rows["errors"],
                          seconds=time.perf_counter() - began, unchanged=plan.unchanged_posts)
    # Imported only now: a re-run with nothing to do never needs the rules or the stages they compile into.
    from extract.rules import load_rules

    rules = load_rules(rules_dir)  # validated before any post is processed (unchanged rules were, last run)
    ctrl_c.check()
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
            ctrl_c.check()
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
        manifest.rows = {**{name: part.rows for name, part in parts.items()}, "errors": len(errors)}
        manifest.save(generation.path)
        ctrl_c.check()
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
