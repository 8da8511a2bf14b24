"""extract.load: DataFrames with analyst dtypes, DuckDB views and one-call joins, over files or part folders."""

from __future__ import annotations

import datetime as dt
import importlib
import re
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import extract
from extract.errors import InputError
from extract.outputs import MENTION_TABLES, OutputTables, pandas_dtype
from extract.tables import SCHEMAS

UTC = dt.timezone.utc

ARTICLE_ROWS = [
    {"article_id": "a1", "source_path": "corpus/a1.md", "title": "架空商事が新工場", "date_text": "2026-01-05",
     "published_at": dt.datetime(2026, 1, 5, tzinfo=UTC), "categories": ["製造"], "tags": ["工場", "投資"],
     "author": "編集部", "excerpt": None, "body_chars": 40, "content_sha256": "0" * 64},
    {"article_id": "a2", "source_path": "corpus/a2.md", "title": "提携の知らせ", "date_text": "2026-02-10",
     "published_at": dt.datetime(2026, 2, 10, tzinfo=UTC), "categories": [], "tags": ["提携"],
     "author": "編集部", "excerpt": "短い要約", "body_chars": 30, "content_sha256": "1" * 64},
]
SENTENCE_ROWS = [
    {"article_id": "a1", "sentence_id": 0, "start": 0, "end": 20, "text": "架空商事は10億円で新工場を建てる。"},
    {"article_id": "a2", "sentence_id": 0, "start": 0, "end": 18, "text": "架空商事と見本電機が提携した。"},
]
COMPANY_ROWS = [
    {"article_id": "a1", "sentence_id": 0, "start": 0, "end": 4, "surface": "架空商事", "company_id": "kaku",
     "name": "Kaku Trading", "parent_id": None, "source": "rule", "rule_id": "gazetteer:kaku"},
    {"article_id": "a2", "sentence_id": 0, "start": 0, "end": 4, "surface": "架空商事", "company_id": "kaku",
     "name": "Kaku Trading", "parent_id": None, "source": "rule", "rule_id": "gazetteer:kaku"},
    {"article_id": "a2", "sentence_id": 0, "start": 5, "end": 9, "surface": "見本電機", "company_id": "mihon",
     "name": "Mihon Electric", "parent_id": "kaku", "source": "ner", "rule_id": "ner:Company"},
]
MONEY_ROWS = [
    {"article_id": "a1", "sentence_id": 0, "start": 5, "end": 9, "surface": "10億円", "currency": "JPY",
     "value": 1e9, "min_value": 1e9, "max_value": 1e9, "qualifier": "exact", "value_usd": 6.7e6,
     "rule_id": "money.amount"},
]
DATE_ROWS = [
    {"article_id": "a1", "sentence_id": 0, "start": 0, "end": 5, "surface": "2026年", "type": "DATE",
     "value": "2026", "mod": None, "start_date": dt.date(2026, 1, 1), "end_date": dt.date(2026, 12, 31),
     "rule_id": "date.year"},
]
CHIP_ROWS = [
    {"article_id": "a2", "sentence_id": 0, "start": 10, "end": 14, "surface": "MX-1", "chip_id": "mihon-mx1",
     "name": "Mihon MX-1", "vendor_id": "mihon", "rule_id": "chips:mihon-mx1"},
]
PARTNERSHIP_ROWS = [
    {"article_id": "a2", "sentence_id": 0, "party_a_id": "mihon", "party_a_name": "Mihon Electric",
     "party_b_id": "kaku", "party_b_name": "Kaku Trading", "type": "partnership", "status": "done", "money_value_usd": None,
     "trigger": "提携", "evidence": "架空商事と見本電機が提携した。", "rule_id": "relation.partnership"},
    {"article_id": "a1", "sentence_id": 0, "party_a_id": "kaku", "party_a_name": "Kaku Trading",
     "party_b_id": "mihon", "party_b_name": "Mihon Electric", "type": "partnership", "status": "done", "money_value_usd": 5e6,
     "trigger": "協業", "evidence": "架空商事は見本電機と協業する。", "rule_id": "relation.partnership"},
    {"article_id": "a1", "sentence_id": 0, "party_a_id": "mihon", "party_a_name": "Mihon Electric",
     "party_b_id": "kaku", "party_b_name": "Kaku Trading", "type": "investment", "status": "done", "money_value_usd": None,
     "trigger": "出資", "evidence": "見本電機は架空商事に出資した。", "rule_id": "relation.investment"},
]
TOKEN_ROWS = [
    {"article_id": "a1", "sentence_id": 0, "token_index": 0, "start": 0, "end": 4, "surface": "架空商事",
     "lemma": "架空商事", "pos": "名詞-固有名詞", "reading": None},
]
ROWS = {"articles": ARTICLE_ROWS, "sentences": SENTENCE_ROWS, "tokens": TOKEN_ROWS, "companies": COMPANY_ROWS,
        "money": MONEY_ROWS, "dates": DATE_ROWS, "chips": CHIP_ROWS, "partnerships": PARTNERSHIP_ROWS,
        "errors": []}


def arrow_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows as a table of the declared schema (columns the rows lack are null)."""
    schema = SCHEMAS[name]
    return pa.Table.from_pylist([{column: row.get(column) for column in schema.names} for row in rows],
                                schema=schema)


def write_output(folder: Path, *, parts: bool) -> Path:
    """Write every table into ``folder``: one file each, or a folder of one part per row."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in ROWS.items():
        if not parts:
            pq.write_table(arrow_table(name, rows), folder / f"{name}.parquet")
            continue
        directory = folder / f"{name}.parquet"
        directory.mkdir()
        for index, row in enumerate(rows):
            pq.write_table(arrow_table(name, [row]), directory / f"part-{index:05d}.parquet")
    return folder


@pytest.fixture(params=["file", "parts"])
def output(request: pytest.FixtureRequest, tmp_path: Path) -> OutputTables:
    """The same small output written both ways, loaded."""
    return extract.load(write_output(tmp_path / "out", parts=request.param == "parts"))


def test_every_table_loads_with_its_rows(output: OutputTables) -> None:
    for name, rows in ROWS.items():
        frame = getattr(output, name)
        assert len(frame) == len(rows), name
        assert list(frame.columns) == SCHEMAS[name].names, name


def test_dtypes_are_the_ones_analysts_expect(output: OutputTables) -> None:
    articles = output.articles
    assert str(articles["published_at"].dtype) == "datetime64[us, UTC]"
    assert articles["published_at"].dt.tz is not None
    assert isinstance(articles["body_chars"].dtype, pd.Int32Dtype)
    assert articles.set_index("article_id").loc["a1", "tags"] == ["工場", "投資"]
    assert articles.set_index("article_id").loc["a2", "categories"] == []
    money = output.money
    assert isinstance(money["currency"].dtype, pd.CategoricalDtype)
    assert isinstance(money["qualifier"].dtype, pd.CategoricalDtype)
    assert isinstance(output.chips["vendor_id"].dtype, pd.CategoricalDtype)
    assert isinstance(output.companies["source"].dtype, pd.CategoricalDtype)
    assert isinstance(output.dates["type"].dtype, pd.CategoricalDtype)
    assert output.dates["start_date"].iloc[0] == pd.Timestamp("2026-01-01")
    assert isinstance(output.sentences["sentence_id"].dtype, pd.Int32Dtype)


def test_dtypes_match_pandas_dtype_for_every_column(output: OutputTables) -> None:
    for name, schema in SCHEMAS.items():
        frame = output.table(name)
        for field in schema:
            expected = pandas_dtype(name, field)
            actual = frame[field.name].dtype
            if expected == "object (list)":
                assert pd.api.types.is_object_dtype(actual), (name, field.name)
            elif expected == "str":
                assert pd.api.types.is_string_dtype(actual), (name, field.name)
            else:
                assert str(actual) == expected, (name, field.name)


def test_empty_tables_keep_their_dtypes(output: OutputTables) -> None:
    assert output.errors.empty
    assert isinstance(output.errors["stage"].dtype, pd.CategoricalDtype)


def test_tables_are_read_lazily(tmp_path: Path) -> None:
    folder = write_output(tmp_path / "out", parts=False)
    (folder / "tokens.parquet").write_bytes(b"not parquet")  # never read unless asked for
    loaded = extract.load(folder)
    assert len(loaded.companies) == 3
    assert loaded.companies is loaded.companies  # read once
    with pytest.raises(InputError, match="cannot read .*tokens.parquet: "):
        loaded.tokens


def test_sql_over_views_named_after_the_tables(output: OutputTables) -> None:
    counts = output.sql("SELECT company_id, count(*) AS n FROM companies GROUP BY 1 ORDER BY n DESC, 1")
    assert counts.to_dict("records") == [{"company_id": "kaku", "n": 2}, {"company_id": "mihon", "n": 1}]
    joined = output.sql("SELECT a.title, m.value FROM money m JOIN articles a USING (article_id)")
    assert joined.to_dict("records") == [{"title": "架空商事が新工場", "value": 1e9}]
    published = output.sql("SELECT published_at FROM articles WHERE article_id = ?", ["a2"])["published_at"]
    assert published.iloc[0] == pd.Timestamp("2026-02-10", tz="UTC")
    assert output.sql("SELECT count(*) AS n FROM errors")["n"].iloc[0] == 0


def test_mentions_bring_sentence_and_article(output: OutputTables) -> None:
    money = output.mentions("money")
    row = money.iloc[0]
    assert row["sentence"] == "架空商事は10億円で新工場を建てる。"
    assert row["title"] == "架空商事が新工場"
    assert row["published_at"] == pd.Timestamp("2026-01-05", tz="UTC")
    for name in MENTION_TABLES:
        assert len(output.mentions(name)) == len(ROWS[name])
    with pytest.raises(ValueError, match="one of"):
        output.mentions("tokens")


def test_money_by_company_pairs_amounts_with_companies_of_the_sentence(output: OutputTables) -> None:
    pairs = output.money_by_company()
    assert pairs[["company_id", "company", "value"]].to_dict("records") == [
        {"company_id": "kaku", "company": "Kaku Trading", "value": 1e9}]
    assert pairs["published_at"].dt.tz is not None


def test_partnership_network_counts_undirected_pairs_and_keeps_investment_direction(
        output: OutputTables) -> None:
    network = output.partnership_network()
    records = network[["source_id", "target_id", "type", "mentions", "articles", "money_value_usd"]]
    records = records.astype(object).where(records.notna(), None).to_dict("records")
    assert records == [
        {"source_id": "kaku", "target_id": "mihon", "type": "partnership", "mentions": 2, "articles": 2,
         "money_value_usd": 5e6},
        {"source_id": "mihon", "target_id": "kaku", "type": "investment", "mentions": 1, "articles": 1,
         "money_value_usd": None},
    ]


def test_part_folders_ignore_hidden_and_temporary_parts(tmp_path: Path) -> None:
    folder = write_output(tmp_path / "out", parts=True)
    (folder / "companies.parquet" / ".part-99999.tmp.parquet").write_bytes(b"half written")
    assert len(extract.load(folder).companies) == 3


def test_an_empty_part_folder_is_an_empty_table(tmp_path: Path) -> None:
    folder = write_output(tmp_path / "out", parts=True)
    assert not any((folder / "errors.parquet").iterdir())
    loaded = extract.load(folder)
    assert loaded.errors.empty and list(loaded.errors.columns) == SCHEMAS["errors"].names
    assert loaded.sql("SELECT count(*) AS n FROM errors")["n"].iloc[0] == 0


def test_missing_folder_or_table_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="output folder not found"):
        extract.load(tmp_path / "nowhere")
    tmp_path.joinpath("a-file").write_text("not a folder")
    with pytest.raises(InputError, match="a-file is a file, not an output folder"):
        extract.load(tmp_path / "a-file")
    folder = write_output(tmp_path / "out", parts=False)
    (folder / "chips.parquet").unlink()
    with pytest.raises(InputError, match="table 'chips' not found: .*chips.parquet is neither"):
        extract.load(folder).chips


def test_a_folder_without_tables_says_so_on_first_use(tmp_path: Path) -> None:
    """A notebook pointed at the wrong folder, or run before ``extract run``: no traceback, no empty views."""
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("架空のメモ")
    loaded = extract.load(folder)  # lazy: nothing is read yet
    message = f"{re.escape(str(folder))} holds no extract tables .*run `extract run CORPUS --output"
    with pytest.raises(InputError, match=message):
        loaded.companies
    with pytest.raises(InputError, match=message):
        loaded.sql("SELECT count(*) FROM companies")


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:60])


def overwrite(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 4)


@pytest.mark.parametrize("damage", [truncate, overwrite])
def test_a_damaged_part_is_an_error_naming_it(tmp_path: Path, damage) -> None:
    folder = write_output(tmp_path / "out", parts=True)
    part = folder / "companies.parquet" / "part-00001.parquet"
    damage(part)
    loaded = extract.load(folder)
    assert len(loaded.money) == 1  # the other tables still load
    with pytest.raises(InputError, match=f"^cannot read {re.escape(str(part))}: "):
        loaded.companies
    with pytest.raises(InputError, match=f"^cannot read {re.escape(str(part))}: "):
        loaded.sql("SELECT count(*) FROM money")


def test_damaged_data_pages_are_an_input_error_in_sql_too(tmp_path: Path) -> None:
    """The footer is intact, so only reading the rows fails: pandas and DuckDB both report it."""
    folder = write_output(tmp_path / "out", parts=False)
    rows = [{**SENTENCE_ROWS[0], "sentence_id": index, "text": f"架空の文{index}です。" * 8} for index in range(5000)]
    path = folder / "sentences.parquet"
    pq.write_table(arrow_table("sentences", rows), path, compression="zstd")
    data = bytearray(path.read_bytes())
    data[200:len(data) // 2] = b"\x55" * (len(data) // 2 - 200)
    path.write_bytes(bytes(data))
    loaded = extract.load(folder)
    with pytest.raises(InputError, match=f"cannot read {re.escape(str(path))}: "):
        loaded.sentences
    for query in ("SELECT * FROM sentences", "SELECT count(DISTINCT text) FROM sentences"):
        # DuckDB names the file for a failed decompression, not for a garbled page header
        with pytest.raises(InputError, match=f"^cannot read ({re.escape(str(path))}|the tables in "
                                             f"{re.escape(str(folder))}): "):
            loaded.sql(query)
    assert loaded.sql("SELECT count(*) AS n FROM companies")["n"].iloc[0] == 3  # other tables still query


@pytest.mark.parametrize("table, message", [
    (pa.table({"x": [1]}), "it lacks column\\(s\\) article_id, sentence_id, start, end, surface, currency"),
    (arrow_table("money", MONEY_ROWS).set_column(6, "value", pa.array(["10億"])),
     "column value is string, not double"),
])
def test_a_foreign_part_is_an_error_naming_it(tmp_path: Path, table: pa.Table, message: str) -> None:
    folder = write_output(tmp_path / "out", parts=True)
    part = folder / "money.parquet" / "part-00003.parquet"
    pq.write_table(table, part)
    expected = f"^{re.escape(str(part))} is not a part of the money table: .*{message}"
    with pytest.raises(InputError, match=expected):
        extract.load(folder).money
    with pytest.raises(InputError, match=expected):
        extract.load(folder).sql("SELECT count(*) FROM articles")


def test_a_part_without_a_nullable_column_reads_it_as_nulls(tmp_path: Path) -> None:
    folder = write_output(tmp_path / "out", parts=True)
    part = folder / "money.parquet" / "part-00000.parquet"
    pq.write_table(arrow_table("money", MONEY_ROWS).drop_columns(["value_usd"]).append_column("note", pa.array(["x"])),
                   part)
    money = extract.load(folder).money
    assert list(money.columns) == SCHEMAS["money"].names  # the undeclared column is dropped
    assert money["value_usd"].isna().all() and money["value"].iloc[0] == 1e9


def test_errors_in_the_query_itself_stay_duckdb_errors(output: OutputTables) -> None:
    import duckdb

    with pytest.raises(duckdb.CatalogException):
        output.sql("SELECT * FROM no_such_table")
    with pytest.raises(duckdb.ParserException):
        output.sql("SELEKT 1")


def test_tables_are_read_through_links(tmp_path: Path) -> None:
    """Each ``OUT/<table>.parquet`` may link into a generation folder; errors name the path a user sees."""
    generation = write_output(tmp_path / "out" / ".extract" / "generations" / "g1", parts=True)
    folder = tmp_path / "out"
    (folder / ".extract" / "current").symlink_to(generation, target_is_directory=True)
    for name in ROWS:
        (folder / f"{name}.parquet").symlink_to(folder / ".extract" / "current" / f"{name}.parquet",
                                                target_is_directory=True)
    loaded = extract.load(folder)
    assert len(loaded.companies) == 3
    assert loaded.sql("SELECT count(*) AS n FROM partnerships")["n"].iloc[0] == 3
    truncate(generation / "chips.parquet" / "part-00000.parquet")
    shown = folder / "chips.parquet" / "part-00000.parquet"
    with pytest.raises(InputError, match=f"^cannot read {re.escape(str(shown))}: "):
        extract.load(folder).chips
    shutil.rmtree(generation / "dates.parquet")
    with pytest.raises(InputError, match="table 'dates' not found: .*dates.parquet links to .*, which does not exist"):
        extract.load(folder).dates


def test_load_is_the_package_function_even_after_importing_the_module() -> None:
    outputs = importlib.import_module("extract.outputs")
    assert callable(extract.load) and extract.OutputTables is outputs.OutputTables
