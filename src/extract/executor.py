"""Running the per-post work: in this process, on every local core, or on a Dask cluster.

Posts are independent, so the work is a map over tasks (a post and the tables
to compute for it); results come back in task order so the pipeline can write
one bucket of posts at a time. Each worker process loads the rules and the
GiNZA model once and keeps them for every task it runs (local workers are
handed the rules the parent already compiled, which is quicker than reading the
YAML again); a task's result travels back as small Arrow tables, not as Python
objects.

No post can stop or hang a run. Local workers tell the parent, in shared
memory, which task each runs and since when: a task over its time budget has
its worker killed and goes to the errors table; a worker that dies on its own
(``kill -9``, the OOM killer) breaks the pool, the tasks it may have been
running are retried one at a time in a pool of their own, so the one that
kills a worker again is named in the errors table, and a new pool takes the
rest. In this process (one job, or one task) a timer signal bounds each post.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import resource_tracker
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from extract import corpus
from extract.errors import ExtractError, PostError
from extract.incremental import Task

if TYPE_CHECKING:  # the stages are imported where a post is processed, not by a run with nothing to do
    from extract.process import Extractors
    from extract.rules import RuleSet

LOCAL, DASK = "local", "dask"

#: Seconds between the parent's checks of the workers' budgets while no result arrives.
_POLL_SECONDS = 0.5
#: Pools in a row that may break before any task finishes (workers dying as they start: give up).
_MAX_BREAKS_WITHOUT_RESULT = 3
#: Tasks handed to the pool per worker ahead of the one whose result is awaited: results come back in
#: task order, so one slow post must not leave the other workers idle (finished results wait on disk).
_AHEAD_PER_WORKER = 64


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs to process a post, the same for every task of a run."""

    corpus_dir: str
    rules_dir: str
    rules_digest: str
    use_ner: bool
    cache_path: str | None
    post_timeout: float
    max_post_bytes: int


@dataclass(frozen=True)
class TaskResult:
    """A processed post's rows by table, or why it could not be processed."""

    task: Task
    tables: dict[str, pa.Table] | None
    error: tuple[str, str, str, str] | None

    def post_error(self) -> PostError | None:
        """The failure as the domain error (it travels between processes as a plain tuple)."""
        return PostError(*self.error) if self.error else None


_WORKER_STATE: dict[tuple, Extractors] = {}


def _extractors(settings: WorkerSettings, rules: RuleSet | None = None) -> Extractors:
    """The worker's extractors, built once per process and settings (from ``rules`` when given,
    else from the rules folder)."""
    from extract.process import Extractors
    from extract.rules import load_rules

    key = (settings.rules_dir, settings.rules_digest, settings.use_ner, settings.cache_path)
    if key not in _WORKER_STATE:
        if _WORKER_STATE:
            gc.unfreeze()  # the extractors of other settings are let go: they may be collected again
        _WORKER_STATE.clear()
        if rules is None:
            rules = load_rules(Path(settings.rules_dir))
        _WORKER_STATE[key] = Extractors(rules, settings.use_ner,
                                        Path(settings.cache_path) if settings.cache_path else None)
        # The rules, gazetteer and compiled patterns live as long as the worker: the garbage collector need not
        # walk them again at every full collection a post's many small objects trigger.
        gc.freeze()
    return _WORKER_STATE[key]


def run_task(task: Task, settings: WorkerSettings) -> TaskResult:
    """Process one post into its tables; any failure becomes the task's error, never an exception."""
    from extract.process import post_tables, process_post

    try:
        post = corpus.read_post(task.post.path, Path(settings.corpus_dir), max_bytes=settings.max_post_bytes)
        result = process_post(post, _extractors(settings), task.tables)
        return TaskResult(task, post_tables(result, task.tables), None)
    except PostError as error:  # a stage that sees only sentences leaves the file to be named here
        return TaskResult(task, None, (error.source_path or task.post.source_path, error.stage, error.kind,
                                       error.message))
    except Exception as exc:  # a bug or an unforeseen input must not sink the batch
        return _failed(task, exc)


def _failed(task: Task, exc: Exception) -> TaskResult:
    """An unforeseen failure of a task as its result."""
    return TaskResult(task, None, (task.post.source_path, "process", type(exc).__name__, str(exc) or repr(exc)))


def _timed_out(task: Task, seconds: float) -> TaskResult:
    """A task that ran over its time budget, as its result."""
    return TaskResult(task, None, (task.post.source_path, "process", "timeout",
                                   f"took longer than {seconds:g} s (--post-timeout); skipped"))


def _worker_died(task: Task) -> TaskResult:
    """A task whose worker process died under it twice (killed, or out of memory), as its result."""
    return TaskResult(task, None, (task.post.source_path, "process", "worker_died",
                                   "the worker process died while processing this post (killed by a signal "
                                   "or out of memory), also when retried alone; skipped"))


class _PostOverTime(BaseException):
    """Raised by the timer signal inside a post that ran over its budget (not an ``Exception``, so no
    library's ``except Exception`` swallows it)."""


def _run_task_in_process(task: Task, settings: WorkerSettings, rules: RuleSet) -> TaskResult:
    """``run_task`` in this process, bounded by a timer signal when this is the main thread."""
    if settings.post_timeout <= 0 or threading.current_thread() is not threading.main_thread():
        return run_task(task, settings)

    def over_time(signum: int, frame: Any) -> None:
        raise _PostOverTime

    previous = signal.signal(signal.SIGALRM, over_time)
    try:
        signal.setitimer(signal.ITIMER_REAL, settings.post_timeout)
        try:
            return run_task(task, settings)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _PostOverTime:
        _WORKER_STATE.clear()  # interrupted anywhere: build the extractors afresh for the next post
        _extractors(settings, rules)
        return _timed_out(task, settings.post_timeout)
    finally:
        signal.signal(signal.SIGALRM, previous)


#: Per worker slot in the shared board: the index of the task it runs (-1: none), and since when.
_IDLE = -1.0
_WORKER_SLOT: dict[str, Any] = {}


def _start_worker(parent: int, settings: WorkerSettings, rules_file: str, board: Any, pids: Any,
                  next_slot: Any) -> None:
    """Set up a local worker process: a slot on the board, the parent's compiled rules (from a file: what
    a new worker is handed through its start-up pipe must stay small, or the parent blocks for ever
    on a worker killed before it read it), Ctrl-C left to the parent, which stops the pool and
    keeps the previous output, and an end once ``parent`` (the run's process id, passed in: a worker
    that starts after its parent was killed must not take its new parent for the run) is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    with next_slot.get_lock():
        slot = next_slot.value
        next_slot.value += 1
    pids[slot] = os.getpid()
    _WORKER_SLOT.update(slot=slot, board=board)
    threading.Thread(target=_exit_with_parent, args=(parent,), name="exit-with-parent", daemon=True).start()
    with open(rules_file, "rb") as handle:
        _extractors(settings, pickle.load(handle))


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone (SIGKILL leaves no one to stop it, and it would wait
    for tasks for ever)."""
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)


def _run_pool_task(index: int, task: Task, settings: WorkerSettings, spool: str) -> None:
    """Run one task in a pool worker, with its index and start time on the board while it runs.

    The result goes to a file in ``spool``, not back through the pool's pipe:
    a worker killed while writing a large result into the pipe would leave
    the parent waiting for the rest of it for ever (the pool cannot tell), so
    only a few bytes, written at once, travel that way.
    """
    board, slot = _WORKER_SLOT["board"], _WORKER_SLOT["slot"]
    board[2 * slot + 1] = time.monotonic()
    board[2 * slot] = float(index)
    try:
        result = run_task(task, settings)
        path = _spooled(spool, index)
        temporary = path.with_suffix(f".tmp-{os.getpid()}")
        with open(temporary, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    finally:
        board[2 * slot] = _IDLE


def _spooled(spool: str, index: int) -> Path:
    """The file a pool worker leaves task ``index``'s result in."""
    return Path(spool) / f"{index}.pickle"


def _take_spooled(spool: str, index: int) -> TaskResult:
    """Read and remove the result a pool worker left for task ``index``."""
    path = _spooled(spool, index)
    with open(path, "rb") as handle:
        result = pickle.load(handle)
    path.unlink()
    return result


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_tasks(tasks: list[Task], settings: WorkerSettings, rules: RuleSet, *, jobs: int, scratch_dir: Path,
              executor: str = LOCAL, scheduler: str | None = None) -> Generator[TaskResult, None, None]:
    """Every task's result, in task order. ``rules`` are those in ``settings.rules_dir``, already
    compiled; Dask workers, possibly on other machines, read them from the folder. Local workers
    hand results over through files in a temporary folder made under ``scratch_dir``."""
    if executor == DASK:
        yield from _run_on_dask(tasks, settings, scheduler)
    elif jobs <= 1 or len(tasks) <= 1:
        _extractors(settings, rules)
        yield from (_run_task_in_process(task, settings, rules) for task in tasks)
    else:
        spool = tempfile.mkdtemp(prefix="spool-", dir=scratch_dir)
        try:
            yield from _LocalPool(tasks, settings, rules, min(jobs, len(tasks)), spool).results()
        finally:
            shutil.rmtree(spool, ignore_errors=True)


class _LocalPool:
    """Local worker processes that survive dead workers and bound every task's time."""

    def __init__(self, tasks: list[Task], settings: WorkerSettings, rules: RuleSet, jobs: int, spool: str) -> None:
        self.tasks, self.settings, self.jobs, self.spool = tasks, settings, jobs, spool
        self.rules_file = str(Path(spool) / "rules.pickle")
        with open(self.rules_file, "wb") as handle:
            pickle.dump(rules, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.context = multiprocessing.get_context("spawn")
        self.waiting: deque[int] = deque(range(len(tasks)))  # not yet handed to a pool
        self.suspects: deque[int] = deque()  # were running when a worker died: retried one at a time
        self.done: dict[int, TaskResult | None] = {}  # None: the result waits in its spool file
        self.running: dict[int, Future] = {}
        self.pool: ProcessPoolExecutor | None = None
        self.solo = False
        self.breaks_without_result = 0

    def results(self) -> Iterator[TaskResult]:
        """Every task's result in task order."""
        next_index = 0
        try:
            while next_index < len(self.tasks):
                self._fill()
                finished, _ = wait(self.running.values(), timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
                self._collect(finished)
                self._enforce_budgets()
                while next_index in self.done:
                    yield self.done.pop(next_index) or _take_spooled(self.spool, next_index)
                    next_index += 1
        except BaseException:
            self._kill_workers()
            raise
        finally:
            self._stop(wait_for_workers=next_index == len(self.tasks))

    def _fill(self) -> None:
        """Start a pool if there is none, and hand it tasks: suspects alone, the rest well ahead of the results.

        Worker processes start during submits, and a Ctrl-C then must neither leave a half-started worker
        the parent does not know of (it would outlive the run) nor reach that worker before it sets Ctrl-C
        aside. So meanwhile the parent only notes a Ctrl-C and raises it afterwards, and SIGINT is blocked
        in this thread, which new workers inherit (the mask survives exec).
        """
        if threading.current_thread() is not threading.main_thread():
            self._submit()
            return
        noted: list[int] = []
        resource_tracker.ensure_running()  # starting it later would unblock SIGINT (it does so itself)
        previous = signal.signal(signal.SIGINT, lambda signum, frame: noted.append(signum))
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._submit()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            signal.signal(signal.SIGINT, previous)
        if noted:
            raise KeyboardInterrupt

    def _submit(self) -> None:
        """Hand tasks to the pool, a new one if needed: while suspects wait, a one-worker pool runs them alone."""
        solo = bool(self.suspects)
        if self.pool is not None and solo != self.solo and not self.running:
            self._stop(wait_for_workers=True)
        if self.pool is None:
            self._start(1 if solo else self.jobs)
            self.solo = solo
        assert self.pool is not None  # _start made one
        limit = 1 if self.solo else self.jobs * _AHEAD_PER_WORKER
        queue = self.suspects if self.solo else self.waiting
        while queue and (len(self.running) + len(self.done) < limit or not self.running):
            index = queue.popleft()
            try:
                self.running[index] = self.pool.submit(_run_pool_task, index, self.tasks[index], self.settings,
                                                       self.spool)
            except BrokenProcessPool:  # a worker died since the last look: its tasks tell which
                queue.appendleft(index)
                if not self.running:
                    self._recover()
                return

    def _start(self, workers: int) -> None:
        """A new pool of ``workers`` processes, each with a slot on a new board."""
        self.board = self.context.Array("d", [_IDLE] * (2 * workers), lock=False)
        self.pids = self.context.Array("i", [0] * workers, lock=False)
        self.killed: set[int] = set()
        next_slot = self.context.Value("i", 0)
        self.pool = ProcessPoolExecutor(workers, mp_context=self.context, initializer=_start_worker,
                                        initargs=(os.getpid(), self.settings, self.rules_file, self.board, self.pids,
                                                  next_slot))

    def _collect(self, finished: Iterable[Future]) -> None:
        """Take the results of finished tasks; a broken pool sends its unfinished tasks back to a queue."""
        broken = False
        for index in [index for index, future in self.running.items() if future in finished]:
            future = self.running.pop(index)
            try:
                future.result()
                self.done[index] = None
                self.breaks_without_result = 0
            except BrokenProcessPool:
                self.running[index] = future
                broken = True
            except Exception as exc:  # the result could not travel back (pickling): the post fails, not the run
                self.done[index] = _failed(self.tasks[index], exc)
        if broken:
            self._recover()

    def _recover(self) -> None:
        """After a worker died: name the tasks it may have been running, and queue the others again."""
        self.breaks_without_result += 1
        if self.breaks_without_result > _MAX_BREAKS_WITHOUT_RESULT:
            raise ExtractError("worker processes keep dying before they finish any post "
                               "(out of memory? try --jobs 1); the previous output is intact")
        wait(self.running.values(), timeout=10)  # the pool marks every unfinished task failed at once
        on_board = {int(self.board[2 * slot]) for slot in range(len(self.pids)) if self.board[2 * slot] != _IDLE}
        for index in sorted(self.running, reverse=True):
            future = self.running.pop(index)
            if future.done() and future.exception() is None:
                self.done[index] = None
            elif index in self.killed:
                self.done[index] = _timed_out(self.tasks[index], self.settings.post_timeout)
                self.breaks_without_result = 0
            elif self.solo:  # died again alone: this post kills its worker
                self.done[index] = _worker_died(self.tasks[index])
                self.breaks_without_result = 0
            elif index in on_board and not self.killed:
                self.suspects.appendleft(index)
            else:
                self.waiting.appendleft(index)
        self._stop(wait_for_workers=True)

    def _enforce_budgets(self) -> None:
        """Kill the worker of any task running longer than the post time budget."""
        budget = self.settings.post_timeout
        if budget <= 0 or self.pool is None:
            return
        now = time.monotonic()
        for slot in range(len(self.pids)):
            index = self.board[2 * slot]
            if index != _IDLE and now - self.board[2 * slot + 1] > budget and int(index) in self.running:
                self.killed.add(int(index))
                _kill(self.pids[slot])

    def _kill_workers(self) -> None:
        """Stop every worker at once (Ctrl-C, or the parent failing), those still starting included:
        nothing of theirs is waited for, and none outlives the run."""
        if self.pool is not None:
            # The executor keeps no public list of its processes; ``_processes`` has been there since 3.2.
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.kill()

    def _stop(self, wait_for_workers: bool) -> None:
        """Shut the current pool down."""
        if self.pool is not None:
            self.pool.shutdown(wait=wait_for_workers, cancel_futures=True)
            self.pool = None


def _kill(pid: int) -> None:
    """Send SIGKILL to a worker process, if it is still there."""
    if pid > 0:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


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
