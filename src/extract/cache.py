"""A persistent cache of GiNZA's results per sentence text.

Real blogs repeat much of their text (boilerplate, related-article lists,
quotes): the archive repeats about 45% of its sentence text. GiNZA's output
for a sentence depends only on its text, the model and the components run, so
it is stored under a hash of exactly those, with offsets relative to the
sentence, and a re-run (or another post repeating the sentence) reads it back
instead of running the model. SQLite makes the file safe to share between the
worker processes of one run and to survive a killed run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

#: Seconds a worker waits for another one's write to finish.
_BUSY_TIMEOUT = 60
#: Seconds between tries to set a new cache file up while another worker is doing so.
_SETUP_RETRY_SECONDS = 0.05


class SentenceCache:
    """Results of one model analysis (``kind``, e.g. NER or parse) keyed by sentence text."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self._kind = kind
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT)
            # Workers opening a new file at once race to switch it to WAL, and SQLite refuses the losers at once
            # ("database is locked") without waiting as it does for writes: wait and try again.
            deadline = time.monotonic() + _BUSY_TIMEOUT
            while True:
                try:
                    connection.execute("PRAGMA journal_mode=WAL")
                    connection.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    break
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or time.monotonic() > deadline:
                        connection.close()
                        raise
                    time.sleep(_SETUP_RETRY_SECONDS)
            self._connection = connection
        return self._connection

    def key(self, text: str) -> str:
        """The key of a sentence's result: the analysis and the exact text."""
        return hashlib.sha256(f"{self._kind}\0{text}".encode()).hexdigest()

    def get_many(self, texts: Iterable[str]) -> dict[str, object]:
        """The cached results of those texts that have one, by text."""
        by_key = {self.key(text): text for text in texts}
        found: dict[str, object] = {}
        keys = list(by_key)
        connection = self._connect()
        for begin in range(0, len(keys), 500):
            chunk = keys[begin:begin + 500]
            rows = connection.execute(f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                      chunk)
            found.update((by_key[key], json.loads(value)) for key, value in rows)
        return found

    def put_many(self, results: Mapping[str, object]) -> None:
        """Store results by text, in one transaction."""
        if not results:
            return
        connection = self._connect()
        with connection:
            connection.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)",
                                   [(self.key(text), json.dumps(value, ensure_ascii=False))
                                    for text, value in results.items()])
