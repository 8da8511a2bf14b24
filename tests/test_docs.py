"""docs/tables.md is the data dictionary generated from the schemas; it must not drift from them."""

from __future__ import annotations

import subprocess
import sys

import pyarrow as pa

from extract import data_dictionary
from extract.tables import SCHEMAS

from conftest import REPO

TABLES_MD = REPO / "docs" / "tables.md"


def test_docs_tables_md_matches_the_schemas() -> None:
    assert TABLES_MD.is_file(), "docs/tables.md is missing: run `make docs`"
    assert TABLES_MD.read_text(encoding="utf-8") == data_dictionary.render(), (
        "docs/tables.md is out of date with src/extract/tables.py or data_dictionary.py: run `make docs`")


def test_every_table_and_column_is_described() -> None:
    assert data_dictionary.problems() == []


def test_every_column_is_listed_with_type_and_nullability() -> None:
    text = data_dictionary.render()
    for name, schema in SCHEMAS.items():
        assert f"## {name}\n" in text
        section = data_dictionary.render_table(name, schema)
        for field in schema:
            nullable = "yes" if field.nullable else "no"
            assert f"| `{field.name}` | `{data_dictionary.arrow_type_name(field.type)}` | {nullable} |" in section


def test_a_new_column_without_description_shows_up() -> None:
    schemas = {**SCHEMAS, "chips": SCHEMAS["chips"].append(pa.field("process_nm", pa.int32()))}
    assert data_dictionary.problems(schemas) == ["chips.process_nm: no description"]
    assert "| `process_nm` | `int32` | yes | `Int32` | *(undocumented)* |" in data_dictionary.render(schemas)


def test_type_names_are_readable() -> None:
    assert data_dictionary.arrow_type_name(pa.list_(pa.string())) == "list<string>"
    assert data_dictionary.arrow_type_name(pa.timestamp("us", tz="UTC")) == "timestamp[us, UTC]"
    assert data_dictionary.arrow_type_name(pa.date32()) == "date32[day]"


def test_the_module_writes_the_file(tmp_path) -> None:
    target = tmp_path / "tables.md"
    completed = subprocess.run([sys.executable, "-m", "extract.data_dictionary", str(target)],
                               capture_output=True, text=True, check=True)
    assert target.read_text(encoding="utf-8") == data_dictionary.render()
    assert completed.stderr == ""
