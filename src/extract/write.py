"""Writing tables to Parquet atomically, so an interrupted run never leaves a half-written table.

A table is written to a temporary file beside its final path and renamed over
it only once complete; a crash or Ctrl-C before the rename leaves the
previous table whole, and leftover temporary files are removed by the next
run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import InputError

_TEMP_MARK = ".tmp-"


def prepare_output(output_dir: Path) -> None:
    """Create the output folder if needed and clear temporary files a killed run left."""
    if output_dir.exists() and not output_dir.is_dir():
        raise InputError(f"output path exists and is not a folder: {output_dir}")
    output_dir.mkdir(parents=True, exist_ok=True)
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
