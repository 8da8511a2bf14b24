"""Writing generations of tables: nothing is visible before the commit, one writer at a time, and only
folders the tool made are written to."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract import tables
from extract.errors import InputError
from extract.tables import parquet_rows, read_parquet
from extract.write import Generation, OutputFolder, TableParts, damaged_tables, part_sizes, write_table


def errors_table(*messages: str) -> pa.Table:
    builder = tables.TableBuilder(tables.ERRORS)
    for message in messages:
        builder.append(tables.error_row("p.md", "decode", "not_utf8", message))
    return builder.to_table()


def open_folder(output: Path, corpus: Path) -> OutputFolder:
    corpus.mkdir(exist_ok=True)
    return OutputFolder.open_for_writing(output, corpus, ("errors",))


def commit_errors(output: Path, corpus: Path, *messages: str) -> None:
    """One complete 'run' that writes only an errors table."""
    folder = open_folder(output, corpus)
    try:
        generation = folder.new_generation()
        write_table(errors_table(*messages), generation, "errors")
        folder.commit(generation, ("errors",))
    finally:
        folder.close()


def test_a_commit_switches_the_public_path_to_the_new_generation(tmp_path: Path) -> None:
    output, corpus = tmp_path / "out", tmp_path / "corpus"
    commit_errors(output, corpus, "first")
    commit_errors(output, corpus, "second", "third")
    assert pq.read_table(output / "errors.parquet").column("message").to_pylist() == ["second", "third"]
    assert sorted(p.name for p in output.iterdir()) == [".extract", "errors.parquet"]
    assert [p.name for p in (output / ".extract" / "generations").iterdir()] == ["g000002"]


def test_an_uncommitted_generation_is_invisible_and_removed_by_the_next_run(tmp_path: Path) -> None:
    output, corpus = tmp_path / "out", tmp_path / "corpus"
    commit_errors(output, corpus, "kept")
    folder = open_folder(output, corpus)
    generation = folder.new_generation()
    write_table(errors_table("never committed"), generation, "errors")
    folder.close()  # as if the process had died here
    assert pq.read_table(output / "errors.parquet").column("message").to_pylist() == ["kept"]
    open_folder(output, corpus).close()
    assert [p.name for p in (output / ".extract" / "generations").iterdir()] == ["g000001"]


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    output, corpus = tmp_path / "out", tmp_path / "corpus"
    first = open_folder(output, corpus)
    try:
        with pytest.raises(InputError, match=rf"another run \(pid {os.getpid()}\) is writing to"):
            open_folder(output, corpus)
    finally:
        first.close()
    open_folder(output, corpus).close()  # released


def test_a_folder_with_anything_in_it_is_refused_unless_the_tool_made_it(tmp_path: Path) -> None:
    output, corpus = tmp_path / "out", tmp_path / "corpus"
    output.mkdir()
    (output / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="is not empty .* not made by extract"):
        open_folder(output, corpus)
    assert sorted(p.name for p in output.iterdir()) == ["notes.txt"]


def test_a_failed_first_run_leaves_the_folder_as_it_found_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    open_folder(tmp_path / "new", corpus).close()
    assert not (tmp_path / "new").exists()
    (tmp_path / "empty").mkdir()
    open_folder(tmp_path / "empty", corpus).close()
    assert list((tmp_path / "empty").iterdir()) == []


def test_a_failed_first_run_that_left_a_cache_keeps_the_folder_its_own(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    folder = open_folder(tmp_path / "new", corpus)
    (folder.state / "ginza-cache.sqlite").write_bytes(b"results worth keeping")
    folder.close()
    open_folder(tmp_path / "new", corpus).close()  # still the tool's: not refused as a stranger's folder
    assert (tmp_path / "new" / ".extract" / "ginza-cache.sqlite").read_bytes() == b"results worth keeping"


def test_output_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        open_folder(tmp_path / "out", tmp_path / "corpus")


def test_damaged_tables_are_those_whose_files_differ_from_the_record(tmp_path: Path) -> None:
    output, corpus = tmp_path / "out", tmp_path / "corpus"
    folder = open_folder(output, corpus)
    try:
        generation = folder.new_generation()
        parts = TableParts(generation, "tokens", tables.TOKENS, None)
        parts.write(3, tables.TableBuilder(tables.TOKENS).to_table())
        parts.finish()
        write_table(errors_table("x"), generation, "errors")
        names = ("tokens", "errors")
        recorded = part_sizes(generation, names)
        assert damaged_tables(generation, recorded, names) == set()
        assert damaged_tables(generation, None, names) == set(names)
        (generation.table("tokens") / "part-09.parquet").write_bytes(b"stray")
        assert damaged_tables(generation, recorded, names) == {"tokens"}
        (generation.table("tokens") / "part-09.parquet").unlink()
        generation.table("errors").write_bytes(b"short")
        assert damaged_tables(generation, recorded, names) == {"errors"}
    finally:
        folder.close()


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
    generation = Generation(tmp_path)
    parts = TableParts(generation, "tokens", tables.TOKENS, None)
    parts.finish()
    assert pq.read_schema(tmp_path / "tokens.parquet" / "part-empty.parquet").remove_metadata() == tables.TOKENS


def test_a_damaged_part_of_the_previous_output_is_named(tmp_path: Path) -> None:
    """A re-run that must read a damaged part of the previous tables says which file it is."""
    damaged = tmp_path / "part-00.parquet"
    damaged.write_bytes(b"not parquet")
    for read in (parquet_rows, read_parquet):
        with pytest.raises(InputError, match=f"cannot read {damaged}"):
            read(damaged)
