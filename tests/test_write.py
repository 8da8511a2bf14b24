"""Atomic table writing: a failed or interrupted write leaves the previous table whole."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract import tables
from extract.errors import InputError
from extract.write import parquet_rows, prepare_output, read_parquet, write_table


def errors_table(*messages: str) -> pa.Table:
    builder = tables.TableBuilder(tables.ERRORS)
    for message in messages:
        builder.append(tables.error_row("p.md", "decode", "not_utf8", message))
    return builder.to_table()


def test_write_then_replace(tmp_path: Path) -> None:
    write_table(errors_table("first"), tmp_path, "errors")
    write_table(errors_table("second", "third"), tmp_path, "errors")
    assert pq.read_table(tmp_path / "errors.parquet").column("message").to_pylist() == ["second", "third"]
    assert [p.name for p in tmp_path.iterdir()] == ["errors.parquet"]


def test_a_failing_write_keeps_the_previous_table(tmp_path: Path) -> None:
    write_table(errors_table("kept"), tmp_path, "errors")
    with pytest.raises(AttributeError):
        write_table(None, tmp_path, "errors")  # fails inside the Parquet writer, before any rename
    assert pq.read_table(tmp_path / "errors.parquet").column("message").to_pylist() == ["kept"]
    assert [p.name for p in tmp_path.iterdir()] == ["errors.parquet"]


def test_prepare_output_removes_leftovers_of_a_killed_run(tmp_path: Path) -> None:
    (tmp_path / ".tokens.tmp-123.parquet").write_bytes(b"partial")
    (tmp_path / "tokens.parquet").write_bytes(b"previous")
    prepare_output(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["tokens.parquet"]


def test_output_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        prepare_output(tmp_path / "out")


def test_schemas_are_declared_with_the_spec_columns() -> None:
    required = {
        "articles": ["article_id", "source_path", "title", "published_at", "categories", "tags", "author",
                     "excerpt", "body_chars", "content_sha256"],
        "sentences": ["article_id", "sentence_id", "start", "end", "text"],
        "tokens": ["article_id", "sentence_id", "token_index", "start", "end", "surface", "lemma", "pos"],
        "errors": ["source_path", "stage", "error", "message"],
    }
    for name, columns in required.items():
        assert set(columns) <= set(tables.SCHEMAS[name].names), name
    assert tables.ARTICLES.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert tables.ARTICLES.field("tags").type == pa.list_(pa.string())


def test_an_empty_table_keeps_its_schema(tmp_path: Path) -> None:
    write_table(tables.TableBuilder(tables.TOKENS).to_table(), tmp_path, "tokens")
    assert pq.read_schema(tmp_path / "tokens.parquet").remove_metadata() == tables.TOKENS


def test_a_damaged_part_of_the_previous_output_is_named(tmp_path: Path) -> None:
    """A re-run that must read a damaged part of the previous tables says which file it is."""
    damaged = tmp_path / "part-00.parquet"
    damaged.write_bytes(b"not parquet")
    for read in (parquet_rows, read_parquet):
        with pytest.raises(InputError, match=f"cannot read {damaged}"):
            read(damaged)
