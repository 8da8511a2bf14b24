"""Running the per-post work: in this process, on every local core, or on a Dask cluster.

Posts are independent, so the work is a map over tasks (a post and the tables
to compute for it); results come back in task order so the pipeline can write
one bucket of posts at a time. Each worker process loads the rules and the
GiNZA model once and keeps them for every task it runs (local workers are
handed the rules the parent already compiled, which is quicker than reading the
YAML again); a task's result travels back as small Arrow tables, not as Python
objects.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from extract.errors import PostError
from extract.incremental import Task
from extract.rules import RuleSet, load_rules

LOCAL, DASK = "local", "dask"


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs to process a post, the same for every task of a run."""

    corpus_dir: str
    rules_dir: str
    rules_digest: str
    use_ner: bool
    cache_path: str | None


@dataclass(frozen=True)
class TaskResult:
    """A processed post's rows by table, or why it could not be processed."""

    task: Task
    tables: dict[str, pa.Table] | None
    error: tuple[str, str, str, str] | None

    def post_error(self) -> PostError | None:
        """The failure as the domain error (it travels between processes as a plain tuple)."""
        return PostError(*self.error) if self.error else None


_WORKER_STATE: dict[tuple, object] = {}


def _extractors(settings: WorkerSettings, rules: RuleSet | None = None):
    """The worker's extractors, built once per process and settings (from ``rules`` when given,
    else from the rules folder)."""
    from extract.pipeline import Extractors

    key = (settings.rules_dir, settings.rules_digest, settings.use_ner, settings.cache_path)
    if key not in _WORKER_STATE:
        _WORKER_STATE.clear()
        if rules is None:
            rules = load_rules(Path(settings.rules_dir))
        _WORKER_STATE[key] = Extractors(rules, settings.use_ner,
                                        Path(settings.cache_path) if settings.cache_path else None)
    return _WORKER_STATE[key]


def run_task(task: Task, settings: WorkerSettings) -> TaskResult:
    """Process one post into its tables; any failure becomes the task's error, never an exception."""
    from extract import corpus
    from extract.pipeline import post_tables, process_post

    try:
        post = corpus.read_post(task.post.path, Path(settings.corpus_dir))
        result = process_post(post, _extractors(settings), task.tables)
        return TaskResult(task, post_tables(result, task.tables), None)
    except PostError as error:
        return TaskResult(task, None, (error.source_path, error.stage, error.kind, error.message))
    except Exception as exc:  # a bug or an unforeseen input must not sink the batch
        return _failed(task, exc)


def _failed(task: Task, exc: Exception) -> TaskResult:
    """An unforeseen failure of a task as its result."""
    return TaskResult(task, None, (task.post.source_path, "process", type(exc).__name__, str(exc) or repr(exc)))


def _start_worker(settings: WorkerSettings, rules: RuleSet) -> None:
    """Set up a local worker process: the parent's rules, and Ctrl-C left to the parent, which
    stops the pool and keeps the previous output."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _extractors(settings, rules)


def _run_local_task(arguments: tuple[Task, WorkerSettings]) -> TaskResult:
    return run_task(*arguments)


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_tasks(tasks: list[Task], settings: WorkerSettings, rules: RuleSet, *, jobs: int, executor: str = LOCAL,
              scheduler: str | None = None) -> Iterator[TaskResult]:
    """Every task's result, in task order. ``rules`` are those in ``settings.rules_dir``, already
    compiled; Dask workers, possibly on other machines, read them from the folder."""
    if executor == DASK:
        yield from _run_on_dask(tasks, settings, scheduler)
    elif jobs <= 1 or len(tasks) <= 1:
        _extractors(settings, rules)
        yield from (run_task(task, settings) for task in tasks)
    else:
        context = multiprocessing.get_context("spawn")
        with context.Pool(min(jobs, len(tasks)), initializer=_start_worker, initargs=(settings, rules)) as pool:
            yield from pool.imap(_run_local_task, ((task, settings) for task in tasks), chunksize=1)


def _run_on_dask(tasks: Iterable[Task], settings: WorkerSettings, scheduler: str | None) -> Iterator[TaskResult]:
    """The tasks on a Dask distributed cluster; its workers must see the corpus and rules at the same paths."""
    from distributed import Client

    tasks = list(tasks)
    with Client(scheduler) as client:
        futures = client.map(run_task, tasks, settings=settings, pure=False)
        for task, future in zip(tasks, futures):
            try:
                result = future.result()
            except Exception as exc:  # a lost worker (KilledWorker) fails its post, not the batch
                result = _failed(task, exc)
            future.release()
            yield result
