"""Incremental runs: what a run must redo, from a manifest of what the last run did.

Users re-run ``make extract`` after every new rule or post. The manifest,
written last by every complete run, records each post's content hash, a
digest of every rule file and the pipeline version; a run compares them with
what is on disk and redoes only what changed: a new or edited post is
processed, a deleted post's rows leave the tables, and an edited rule file
recomputes only the tables the stage registry says it steers (an edited
dates file rewrites the dates table and nothing else). Tables are split into buckets of posts by a
hash of ``article_id``, so a change rewrites only its buckets' part files.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extract.stages import TABLES, rule_files, tables_steered_by

#: Bump whenever a code change changes what the pipeline extracts: every post is then redone.
PIPELINE_VERSION = "2026.11.7"
#: Buckets of posts a table folder is split into.
BUCKETS = 64
#: Every table a run computes per post (the stage registry's order).
ALL_TABLES = TABLES
#: The manifest's file inside a generation of the tables (write.py), so it switches with them.
_MANIFEST = "manifest.json"


def rule_digests(rules_dir: Path) -> dict[str, str]:
    """Each rule file's digest by its path relative to the rules folder: what a re-run compares."""
    return {path.relative_to(rules_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in rule_files(rules_dir)}


def stale_tables(previous: Mapping[str, str], current: Mapping[str, str]) -> set[str]:
    """The tables steered by a rule file added, removed or edited between two runs (stages.py says which)."""
    changed = {path for path in previous.keys() | current.keys() if previous.get(path) != current.get(path)}
    return {table for path in changed for table in tables_steered_by(path)}


def bucket_of(article_id: str) -> int:
    """The bucket of a post: stable across runs and machines."""
    return int(hashlib.sha1(article_id.encode()).hexdigest()[:8], 16) % BUCKETS


@dataclass(frozen=True)
class PostFile:
    """A post file found in the corpus, with what identifies its content."""

    path: Path
    source_path: str
    article_id: str
    sha256: str

    @property
    def bucket(self) -> int:
        return bucket_of(self.article_id)


@dataclass
class Manifest:
    """What a complete run wrote: settings, rule digests, every post it extracted, the size of every
    table file (so a re-run notices a damaged or missing part) and each table's row count (so a re-run
    with nothing to do reports them without reading the tables)."""

    version: str
    settings: dict[str, object]
    digests: dict[str, str]
    posts: dict[str, dict[str, str]] = field(default_factory=dict)
    parts: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, generation_dir: Path) -> Manifest | None:
        """The manifest of a generation of the tables, or None (unreadable: redo everything)."""
        try:
            data = json.loads((generation_dir / _MANIFEST).read_text(encoding="utf-8"))
            return cls(data["version"], data["settings"], data["digests"], data["posts"], data["parts"],
                       data["rows"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, generation_dir: Path) -> None:
        """Write the manifest into a generation (last, once every table of it is written)."""
        path = generation_dir / _MANIFEST
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"version": self.version, "settings": self.settings, "digests": self.digests,
                       "posts": self.posts, "parts": self.parts, "rows": self.rows},
                      handle, ensure_ascii=False, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())


@dataclass(frozen=True)
class Task:
    """A post to process and the tables to compute for it."""

    post: PostFile
    tables: frozenset[str]


@dataclass
class Plan:
    """What a run does: posts to process, and per table the buckets whose part must be rebuilt.

    A rebuilt part keeps the previous rows of the posts in ``kept`` for which
    that table is not recomputed; every other part is carried over as it is.
    """

    tasks: list[Task]
    dirty: dict[str, set[int]]
    kept: set[str]
    unchanged_posts: int

    def recomputed(self, table: str) -> set[str]:
        """Article ids whose rows of ``table`` this run computes afresh."""
        return {task.post.article_id for task in self.tasks if table in task.tables}


def make_plan(posts: Iterable[PostFile], previous: Manifest | None, current: Manifest,
              damaged: Collection[str] = ()) -> Plan:
    """Compare the corpus and rules with the last run's manifest and decide what to redo.

    ``damaged`` tables (a part missing or changed since the last run wrote it)
    are recomputed for every post, as if their rule files had changed.
    """
    posts = sorted(posts, key=lambda p: (p.bucket, p.source_path))
    if (previous is None or previous.version != current.version
            or previous.settings != current.settings):
        return Plan([Task(p, frozenset(ALL_TABLES)) for p in posts],
                    {table: set(range(BUCKETS)) for table in ALL_TABLES}, set(), 0)
    stale = stale_tables(previous.digests, current.digests) | (set(damaged) & set(ALL_TABLES))
    seen = {p.source_path for p in posts}
    dirty: dict[str, set[int]] = {table: set() for table in ALL_TABLES}
    record: dict[str, str] | None
    for source_path, record in previous.posts.items():
        if source_path not in seen:  # deleted: its rows leave every table
            for table in ALL_TABLES:
                dirty[table].add(bucket_of(record["article_id"]))
    tasks, kept, unchanged = [], set(), 0
    for post in posts:
        record = previous.posts.get(post.source_path)
        if record is None or record["sha256"] != post.sha256 or record["article_id"] != post.article_id:
            tasks.append(Task(post, frozenset(ALL_TABLES)))
            for table in ALL_TABLES:
                dirty[table].add(post.bucket)
            continue
        unchanged += 1
        kept.add(post.article_id)
        if stale:
            tasks.append(Task(post, frozenset(stale)))
            for table in stale:
                dirty[table].add(post.bucket)
    return Plan(tasks, dirty, kept, unchanged)
