"""Writing tables so that readers and the next run always see the tables of exactly one run.

An output folder is the tool's own only once marked so (``.extract/owner.json``):
a run refuses a folder that is neither empty nor marked, and the corpus itself,
and it deletes nothing but generation folders under its own ``.extract/``.
One run at a time holds the folder's lock (``.extract/lock``).

Every run writes a whole new *generation* of the tables
(``.extract/generations/g000042/<table>.parquet/part-NN.parquet``, unchanged
parts hard-linked from the current generation, not copied), with its manifest
inside it. Nothing is visible until one atomic rename switches the pointer
``.extract/current`` to it; each table's public path
(``<output>/<table>.parquet``) is a fixed link through that pointer. So all
tables switch together whatever moment the process dies; the generation the
pointer no longer names is removed afterwards, or at the next run's start.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import InputError
from extract.tables import parquet_rows, read_part

#: The folder inside an output folder that holds everything but the public table links.
STATE_DIR = ".extract"
_OWNER_FILE = "owner.json"
_OWNER = {"made_by": "extract", "layout": 2}
_LOCK_FILE = "lock"
_CURRENT = "current"
_GENERATIONS = "generations"
_GENERATION_RE = re.compile(r"^g(\d{6,})$")


def table_path(output_dir: Path, name: str) -> Path:
    """Where readers find table ``name``: ``<output>/<name>.parquet`` (a link into the current generation)."""
    return output_dir / f"{name}.parquet"


def part_name(bucket: int) -> str:
    """The file of one bucket's rows in a table folder."""
    return f"part-{bucket:02d}.parquet"


@dataclass(frozen=True)
class Generation:
    """One run's complete set of tables and manifest, invisible until committed."""

    path: Path

    def table(self, name: str) -> Path:
        """The folder (or file) of table ``name`` in this generation."""
        return self.path / f"{name}.parquet"


class OutputFolder:
    """An output folder this tool owns, locked for one run: its generations and the pointer to the current one.

    Open it with :meth:`open_for_writing`; :meth:`close` releases the lock.
    """

    def __init__(self, path: Path, lock_handle: int, made: tuple[Path, ...] = ()) -> None:
        self.path = path
        self.state = path / STATE_DIR
        self._lock_handle = lock_handle
        self._made = made  # what this run made to take the folder on: undone if it never commits
        #: Whether this run's generation has become the one readers see.
        self.committed = False

    @classmethod
    def open_for_writing(cls, output_dir: Path, corpus_dir: Path, table_names: tuple[str, ...]) -> OutputFolder:
        """Check that ``output_dir`` may be written, mark it as the tool's own if new, and lock it.

        Raises ``InputError`` (one line a user can act on) for a folder that
        is not the tool's and not empty, the corpus, a path under a file, a
        folder that cannot be written, a public table path the tool did not
        make, or another run holding the lock.
        """
        _refuse_corpus(output_dir, corpus_dir)
        try:
            if output_dir.exists() and not output_dir.is_dir():
                raise InputError(f"output path exists and is not a folder: {output_dir}")
            made: tuple[Path, ...] = () if output_dir.is_dir() else (output_dir,)
            output_dir.mkdir(parents=True, exist_ok=True)
            if not _is_owned(output_dir):
                _adopt(output_dir)
                made = (*made, output_dir / STATE_DIR)
            handle = _lock(output_dir)
        except OSError as error:
            raise InputError(f"cannot write to {output_dir}: {_reason(error)}") from error
        folder = cls(output_dir, handle, made)
        try:
            folder._check_table_links(table_names)
            folder._remove_stale_generations()
        except BaseException:
            folder.close()
            raise
        return folder

    def close(self) -> None:
        """Release the lock (closing the handle also releases it, whatever way the process ends).

        A folder this run took on and never committed to (bad rules, say) is
        left as it found it, unless the run left something worth keeping
        there (the GiNZA cache of an interrupted first run).
        """
        if self._lock_handle < 0:
            return
        if self._made and not self.committed and self._holds_only_its_mark():
            for name in (_OWNER_FILE, _LOCK_FILE):
                (self.state / name).unlink(missing_ok=True)
            for folder in (self.state / _GENERATIONS, *reversed(self._made)):
                try:
                    folder.rmdir()  # only when empty: nothing else is ever removed
                except OSError:
                    pass
        os.close(self._lock_handle)
        self._lock_handle = -1

    def _holds_only_its_mark(self) -> bool:
        """Whether the state folder holds nothing but the mark, the lock and an empty generations folder."""
        generations = self.state / _GENERATIONS
        rest = {entry.name for entry in self.state.iterdir()} - {_OWNER_FILE, _LOCK_FILE, _GENERATIONS}
        return not rest and not (generations.is_dir() and any(generations.iterdir()))

    def current(self) -> Generation | None:
        """The committed generation readers see, or None before the first complete run."""
        pointer = self.state / _CURRENT
        try:
            target = os.readlink(pointer)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise InputError(f"{pointer} is not the link extract made ({_reason(error)}): "
                             f"move it away and run again") from error
        name = Path(target).name
        if not _GENERATION_RE.match(name) or not (self.state / _GENERATIONS / name).is_dir():
            raise InputError(f"{pointer} points to {target}, not to a generation of tables: "
                             f"move it away and run again")
        return Generation(self.state / _GENERATIONS / name)

    def new_generation(self) -> Generation:
        """An empty generation folder numbered after every existing one."""
        generations = self.state / _GENERATIONS
        generations.mkdir(exist_ok=True)
        numbers = [int(found.group(1)) for entry in generations.iterdir()
                   if (found := _GENERATION_RE.match(entry.name))]
        number = max(numbers, default=0) + 1
        path = generations / f"g{number:06d}"
        path.mkdir()
        return Generation(path)

    def commit(self, generation: Generation, table_names: tuple[str, ...]) -> None:
        """Make ``generation`` the one readers see, in one atomic rename; then remove the one it replaces."""
        previous = self.current()
        _fsync_tree(generation.path)
        for name in table_names:  # links through the pointer: made once, never changed
            link = table_path(self.path, name)
            if not os.path.lexists(link):
                os.symlink(_table_link_target(name), link, target_is_directory=True)
        pointer = self.state / _CURRENT
        temporary = self.state / f"{_CURRENT}.tmp-{os.getpid()}"
        if os.path.lexists(temporary):
            temporary.unlink()
        os.symlink(f"{_GENERATIONS}/{generation.path.name}", temporary)
        os.replace(temporary, pointer)
        self.committed = True
        _fsync_folder(self.state)
        _fsync_folder(self.path)
        if previous is not None and previous.path != generation.path:
            shutil.rmtree(previous.path, ignore_errors=True)

    def discard(self, generation: Generation) -> None:
        """Remove a generation that was never committed (an interrupted or failed run)."""
        shutil.rmtree(generation.path, ignore_errors=True)

    def _check_table_links(self, table_names: tuple[str, ...]) -> None:
        """Refuse to go on when a public table path exists but is not the link this tool makes."""
        for name in table_names:
            link = table_path(self.path, name)
            if os.path.lexists(link) and not (link.is_symlink() and os.readlink(link) == _table_link_target(name)):
                raise InputError(f"{link} was not made by extract (tables are links into {STATE_DIR}/): "
                                 f"move it out of {self.path} and run again")

    def _remove_stale_generations(self) -> None:
        """Remove generations of runs that died before their commit, and a pointer left half-made."""
        current = self.current()
        generations = self.state / _GENERATIONS
        if generations.is_dir():
            for entry in generations.iterdir():
                if _GENERATION_RE.match(entry.name) and entry.is_dir() and not entry.is_symlink() \
                        and (current is None or entry.name != current.path.name):
                    shutil.rmtree(entry, ignore_errors=True)
        for leftover in self.state.glob(f"{_CURRENT}.tmp-*"):
            if leftover.is_symlink():
                leftover.unlink()


def _table_link_target(name: str) -> str:
    """What the public path of table ``name`` links to, relative to the output folder."""
    return f"{STATE_DIR}/{_CURRENT}/{name}.parquet"


def _refuse_corpus(output_dir: Path, corpus_dir: Path) -> None:
    """Refuse an output folder that is the corpus or inside it: tables must never mix with posts."""
    output, corpus = output_dir.resolve(), corpus_dir.resolve()
    if output == corpus or corpus in output.parents:
        raise InputError(f"the output folder {output_dir} is inside the corpus {corpus_dir}: "
                         f"choose a folder outside it")


def _is_owned(output_dir: Path) -> bool:
    """Whether the folder carries this tool's mark."""
    try:
        data = json.loads((output_dir / STATE_DIR / _OWNER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("made_by") == _OWNER["made_by"]


def _adopt(output_dir: Path) -> None:
    """Mark an empty folder as the tool's own; refuse a folder that holds anything."""
    entries = sorted(entry.name for entry in output_dir.iterdir())
    if entries:
        shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
        earlier = (" (it looks like the output of an earlier extract version: delete it and run again)"
                   if STATE_DIR in entries else "")
        raise InputError(f"{output_dir} is not empty ({shown}) and was not made by extract{earlier}: "
                         f"choose a new or empty output folder")
    state = output_dir / STATE_DIR
    state.mkdir(exist_ok=True)
    temporary = state / f"{_OWNER_FILE}.tmp-{os.getpid()}"
    temporary.write_text(json.dumps(_OWNER) + "\n", encoding="utf-8")
    os.replace(temporary, state / _OWNER_FILE)


def _lock(output_dir: Path) -> int:
    """Take the folder's exclusive lock, or raise ``InputError`` naming the run that holds it."""
    path = output_dir / STATE_DIR / _LOCK_FILE
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(handle, 32, 0).decode("ascii", "replace").strip() or "?"
        os.close(handle)
        raise InputError(f"another run (pid {holder}) is writing to {output_dir}") from None
    except BaseException:
        os.close(handle)
        raise
    os.ftruncate(handle, 0)
    os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
    return handle


def _reason(error: OSError) -> str:
    """An OS error as a short phrase (``No space left on device``), without a traceback."""
    if error.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    return error.strerror or str(error)


def _fsync_folder(folder: Path) -> None:
    """Make a folder's entries durable (renames and new files survive a power cut)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fsync_tree(root: Path) -> None:
    """Make a new generation's folders durable before it is committed (its files are synced as written)."""
    for folder, _, _ in os.walk(root):
        _fsync_folder(Path(folder))


def write_table(table: pa.Table, generation: Generation, name: str) -> Path:
    """Write ``table`` as one Parquet file of ``generation`` and return its path."""
    path = generation.table(name)
    pq.write_table(table, path, compression="zstd")
    _fsync_file(path)
    return path


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


class TableParts:
    """A table folder of a new generation, built part by part; parts of unchanged buckets are
    hard links to the previous generation's."""

    def __init__(self, generation: Generation, name: str, schema: pa.Schema, previous: Generation | None) -> None:
        self.name, self.schema = name, schema
        self.folder = generation.table(name)
        self.folder.mkdir()
        self._previous = previous.table(name) if previous is not None else None
        self.rows = 0

    def previous(self, bucket: int) -> pa.Table | None:
        """The previous generation's rows of a bucket, if it has them."""
        if self._previous is None:
            return None
        path = self._previous / part_name(bucket)
        return read_part(path, self.name) if path.is_file() else None

    def keep(self, bucket: int) -> None:
        """Carry a bucket's part over unchanged (a hard link, no copy)."""
        if self._previous is None:
            return
        source = self._previous / part_name(bucket)
        if source.is_file():
            os.link(source, self.folder / part_name(bucket))
            self.rows += parquet_rows(source)

    def write(self, bucket: int, table: pa.Table) -> None:
        """Write a bucket's rows (nothing when there are none)."""
        if table.num_rows:
            path = self.folder / part_name(bucket)
            pq.write_table(table.cast(self.schema), path, compression="zstd")
            _fsync_file(path)
            self.rows += table.num_rows

    def finish(self) -> None:
        """Close the table; one without rows still gets an empty part carrying its schema."""
        if not any(self.folder.iterdir()):
            empty = self.folder / "part-empty.parquet"
            pq.write_table(self.schema.empty_table(), empty)
            _fsync_file(empty)


def part_sizes(generation: Generation, table_names: tuple[str, ...]) -> dict[str, int]:
    """Every file of the tables in ``generation`` (path relative to it) with its size, for the manifest:
    a re-run checks them and rebuilds a table whose files were damaged or removed."""
    sizes: dict[str, int] = {}
    for name in table_names:
        path = generation.table(name)
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            sizes[file.relative_to(generation.path).as_posix()] = file.stat().st_size
    return sizes


def damaged_tables(generation: Generation | None, recorded: dict[str, int] | None,
                   table_names: tuple[str, ...]) -> set[str]:
    """Tables of the committed generation with a file missing, added, or not of the size the manifest recorded.

    With no record (no previous run) every table counts as damaged: it must be built.
    """
    if generation is None or not recorded:
        return set(table_names)
    damaged = {name for name in table_names if not os.path.lexists(generation.table(name))}
    for name in set(table_names) - damaged:  # a file the run did not write would be read as a part
        path = generation.table(name)
        if path.is_dir() and any(f"{path.name}/{entry.name}" not in recorded for entry in path.iterdir()):
            damaged.add(name)
    for relative, size in recorded.items():
        try:
            intact = (generation.path / relative).stat().st_size == size
        except OSError:
            intact = False
        if not intact:
            damaged.add(relative.split("/", 1)[0].removesuffix(".parquet"))
    return damaged & set(table_names)
