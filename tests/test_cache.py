"""The sentence cache shared by the worker processes of one run: real processes opening a new cache file at the
same moment all get to read and write it (SQLite refuses all but one of them the switch to WAL at first)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.queues
import multiprocessing.synchronize
from pathlib import Path

from extract.cache import SentenceCache

WORKERS = 8
TRIALS = 10


def _write_and_read(path: Path, barrier: multiprocessing.synchronize.Barrier,
                    errors: multiprocessing.queues.Queue[str], worker: int) -> None:
    """One worker: open the cache, wait for the others, then write and read; put what went wrong, or ""."""
    cache = SentenceCache(path, "ner")
    barrier.wait()
    try:
        cache.put_many({f"文{worker}-{index}": [worker, index] for index in range(5)})
        cache.get_many([f"文{worker}-0"])
        errors.put("")
    except Exception as error:  # noqa: BLE001 - the test reports whatever a worker met
        errors.put(repr(error))


def test_workers_opening_a_new_cache_at_once_all_write(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for trial in range(TRIALS):
        path = tmp_path / f"cache-{trial}.db"
        barrier, errors = context.Barrier(WORKERS), context.Queue()
        workers = [context.Process(target=_write_and_read, args=(path, barrier, errors, worker))
                   for worker in range(WORKERS)]
        for process in workers:
            process.start()
        for process in workers:
            process.join(timeout=120)
        met = [errors.get(timeout=10) for _ in workers]
        assert [error for error in met if error] == [], f"trial {trial}"
        stored = SentenceCache(path, "ner").get_many([f"文{worker}-4" for worker in range(WORKERS)])
        assert stored == {f"文{worker}-4": [worker, 4] for worker in range(WORKERS)}
