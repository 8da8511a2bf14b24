"""Writing tables to Parquet atomically, so an interrupted run never leaves a half-written table.

A small table is one file, written to a temporary file beside its final path
and renamed over it only once complete. A large table is a folder of part
files, one per bucket of posts (``<table>.parquet/part-07.parquet``), so a
re-run rewrites only the parts whose posts changed and memory stays flat: the
new folder is built beside the old one (unchanged parts hard-linked, not
copied) and swapped in once complete. A crash or Ctrl-C before the swap leaves
the previous table whole; leftovers are cleared, or a half-done swap
finished, by the next run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import InputError

_TEMP_MARK = ".tmp-"
_OLD_MARK = ".old-"


def prepare_output(output_dir: Path) -> None:
    """Create the output folder if needed and clear temporary files a killed run left."""
    if output_dir.exists() and not output_dir.is_dir():
        raise InputError(f"output path exists and is not a folder: {output_dir}")
    output_dir.mkdir(parents=True, exist_ok=True)
    for previous in output_dir.glob(f".*{_OLD_MARK}*"):
        final = output_dir / previous.name.split(_OLD_MARK)[0].removeprefix(".")
        if final.exists():
            shutil.rmtree(previous, ignore_errors=True)
        else:  # killed between the two renames of a swap: the previous table comes back
            os.replace(previous, final)
    for leftover in output_dir.glob(f".*{_TEMP_MARK}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def table_path(output_dir: Path, name: str) -> Path:
    """Where table ``name`` lives: ``<output>/<name>.parquet``."""
    return output_dir / f"{name}.parquet"


def write_table(table: pa.Table, output_dir: Path, name: str) -> Path:
    """Write ``table`` as ``<output>/<name>.parquet`` atomically and return its path."""
    final = table_path(output_dir, name)
    temporary = output_dir / f".{name}{_TEMP_MARK}{os.getpid()}.parquet"
    try:
        pq.write_table(table, temporary, compression="zstd")
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        if final.is_dir():
            shutil.rmtree(final)
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    return final


def part_name(bucket: int) -> str:
    """The file of one bucket's rows in a table folder."""
    return f"part-{bucket:02d}.parquet"


class TableParts:
    """The next version of a table folder, built part by part beside the current one."""

    def __init__(self, output_dir: Path, name: str, schema: pa.Schema) -> None:
        self.schema = schema
        self.final = table_path(output_dir, name)
        self._temporary = output_dir / f".{name}{_TEMP_MARK}{os.getpid()}.parquet"
        self._old = output_dir / f".{name}.parquet{_OLD_MARK}{os.getpid()}"
        shutil.rmtree(self._temporary, ignore_errors=True)
        self._temporary.mkdir()
        self._written: list[Path] = []
        self.rows = 0

    def previous(self, bucket: int) -> pa.Table | None:
        """The current version's rows of a bucket, if the table is a folder that has them."""
        path = self.final / part_name(bucket)
        return read_parquet(path, self.schema) if path.is_file() else None

    def keep(self, bucket: int) -> None:
        """Carry a bucket's part over unchanged (a hard link, no copy)."""
        source = self.final / part_name(bucket)
        if source.is_file():
            os.link(source, self._temporary / part_name(bucket))
            self.rows += parquet_rows(source)

    def write(self, bucket: int, table: pa.Table) -> None:
        """Write a bucket's rows (nothing when there are none)."""
        if table.num_rows:
            path = self._temporary / part_name(bucket)
            pq.write_table(table.cast(self.schema), path, compression="zstd")
            self._written.append(path)
            self.rows += table.num_rows

    def commit(self) -> None:
        """Swap the new folder in; a table without rows still gets one empty part carrying its schema."""
        if not any(self._temporary.iterdir()):
            pq.write_table(self.schema.empty_table(), self._temporary / "part-empty.parquet")
            self._written.append(self._temporary / "part-empty.parquet")
        for written in self._written:  # kept parts are links to files already on disk
            with open(written, "rb") as handle:
                os.fsync(handle.fileno())
        if self.final.exists():
            os.replace(self.final, self._old)
        os.replace(self._temporary, self.final)
        if self._old.is_dir():
            shutil.rmtree(self._old)
        else:
            self._old.unlink(missing_ok=True)

    def discard(self) -> None:
        """Drop the unfinished new version; the current one stays."""
        shutil.rmtree(self._temporary, ignore_errors=True)


def table_rows(output_dir: Path, name: str) -> int:
    """The number of rows of a written table (from the Parquet footers, without reading the data)."""
    path = table_path(output_dir, name)
    files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    return sum(parquet_rows(file) for file in files)


def read_parquet(path: Path, schema: pa.Schema | None = None) -> pa.Table:
    """A Parquet file's rows; a damaged or unreadable file is an ``InputError`` that names it."""
    try:
        return pq.read_table(path, schema=schema)
    except (OSError, pa.ArrowException) as error:
        raise InputError(f"cannot read {path}: {error}") from error


def parquet_rows(path: Path) -> int:
    """A Parquet file's row count, from its footer; a damaged file is an ``InputError`` that names it."""
    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, pa.ArrowException) as error:
        raise InputError(f"cannot read {path}: {error}") from error
