"""Loading an output folder into pandas and DuckDB: what an analyst's notebook starts with.

``extract.load("output")`` returns an :class:`OutputTables` with one pandas
DataFrame per table, read only when first used (the tokens table can be large)
and given the dtypes an analyst expects: tz-aware UTC timestamps, nullable
integers, ``category`` for columns with few distinct values, Python lists for
tags and categories. ``.sql(query)`` runs DuckDB over views named after the
tables on the same Parquet files, and the joins users need most
(``.mentions``, ``.money_by_company``, ``.partnership_network``) are one call.

A table is ``<output>/<table>.parquet``: either one Parquet file or a folder of
part files (``<table>.parquet/part-*.parquet``); both read the same. Each
file is checked against the table's declared schema, so that a damaged or
foreign part is an ``InputError`` naming it, not a pyarrow traceback.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from extract.errors import InputError
from extract.tables import SCHEMAS, check_part, read_part

#: Columns with few distinct values, loaded as pandas ``category`` (smaller, faster group-bys).
CATEGORY_COLUMNS: Mapping[str, frozenset[str]] = {
    "articles": frozenset({"author"}),
    "tokens": frozenset({"pos"}),
    "companies": frozenset({"source", "rule_id"}),
    "money": frozenset({"currency", "qualifier", "rule_id"}),
    "dates": frozenset({"type", "mod", "rule_id"}),
    "chips": frozenset({"vendor_id", "rule_id"}),
    "partnerships": frozenset({"type", "trigger", "rule_id"}),
    "errors": frozenset({"stage", "error"}),
}

#: The tables that hold one row per mention in a sentence, which ``mentions`` can join.
MENTION_TABLES = ("companies", "money", "dates", "chips", "partnerships")

_NULLABLE_INTEGERS = {pa.int8(): "Int8", pa.int16(): "Int16", pa.int32(): "Int32", pa.int64(): "Int64"}


def pandas_dtype(table: str, field: pa.Field) -> str:
    """The pandas dtype ``load`` gives column ``field`` of ``table`` (also listed in docs/tables.md)."""
    if field.name in CATEGORY_COLUMNS.get(table, ()):
        return "category"
    if field.type in _NULLABLE_INTEGERS:
        return _NULLABLE_INTEGERS[field.type]
    if pa.types.is_timestamp(field.type):
        zone = f", {field.type.tz}" if field.type.tz else ""
        return f"datetime64[{field.type.unit}{zone}]"
    if pa.types.is_date(field.type):
        return "datetime64[s]"
    if pa.types.is_list(field.type):
        return "object (list)"
    if pa.types.is_floating(field.type):
        return "float64"
    if pa.types.is_boolean(field.type):
        return "boolean"
    return "str"


def table_files(output_dir: Path, table: str) -> list[Path]:
    """The Parquet files of ``table``: the single file, or the part files of its folder in name order.

    Hidden and ``_``-prefixed files (a writer's temporary parts, ``_SUCCESS``)
    are skipped; links are followed, and the paths returned stay under
    ``<table>.parquet`` so that errors name the file a user sees. Raises
    ``InputError`` when the table is missing, saying so when the folder holds
    no table at all (the wrong folder, or no run yet).
    """
    path = Path(output_dir) / f"{table}.parquet"
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(part for part in path.glob("*.parquet")
                      if part.is_file() and not part.name.startswith((".", "_")))
    if path.is_symlink():
        raise InputError(f"table {table!r} not found: {path} links to {path.readlink()}, which does not exist")
    if not _holds_tables(output_dir):
        raise _no_tables_error(output_dir)
    raise InputError(f"table {table!r} not found: {path} is neither a Parquet file nor a folder of parts")


def _holds_tables(output_dir: Path) -> bool:
    """Whether ``output_dir`` holds at least one table ``<table>.parquet`` (a file, a folder or a link)."""
    return any(path.exists() or path.is_symlink()
               for path in (Path(output_dir) / f"{name}.parquet" for name in SCHEMAS))


def _no_tables_error(output_dir: Path) -> InputError:
    """The error for a folder without a single table: a clear "run extract first" rather than one missing table."""
    return InputError(f"{output_dir} holds no extract tables (no articles.parquet, money.parquet, ...): "
                      f"run `extract run CORPUS --output {output_dir}` first")


def read_arrow(output_dir: Path, table: str) -> pa.Table:
    """``table`` as one Arrow table, whether it is a single file or many parts (none: empty, declared schema).

    Every part is read through ``read_part``, so a damaged or foreign part is
    an ``InputError`` naming it, never a pyarrow traceback or wrong columns.
    """
    files = table_files(output_dir, table)
    if not files:
        return SCHEMAS[table].empty_table() if table in SCHEMAS else pa.table({})
    parts = [read_part(file, table) for file in files]
    return pa.concat_tables(parts, promote_options="default") if len(parts) > 1 else parts[0]


def _nullable_integer_dtype(arrow_type: pa.DataType) -> pd.api.extensions.ExtensionDtype | None:
    """The pandas nullable integer dtype of an Arrow integer type (None: pyarrow's default)."""
    name = _NULLABLE_INTEGERS.get(arrow_type)
    return pd.api.types.pandas_dtype(name) if name else None


def to_pandas(table: str, arrow: pa.Table) -> pd.DataFrame:
    """Convert an Arrow table to a DataFrame with the dtypes ``pandas_dtype`` names."""
    frame = arrow.to_pandas(types_mapper=_nullable_integer_dtype, date_as_object=False)
    for field in arrow.schema:
        wanted = pandas_dtype(table, field)
        if wanted == "category":
            frame[field.name] = frame[field.name].astype("category")
        elif pa.types.is_list(field.type):
            frame[field.name] = [None if cell is None else list(cell) for cell in frame[field.name]]
        elif pa.types.is_date(field.type):
            frame[field.name] = frame[field.name].astype("datetime64[s]")
    return frame


@dataclasses.dataclass(frozen=True)
class OutputTables:
    """The tables of one output folder, each loaded as a DataFrame on first use.

    Attributes ``articles``, ``sentences``, ``tokens``, ``companies``,
    ``money``, ``dates``, ``chips``, ``partnerships`` and ``errors`` are
    DataFrames; ``sql`` queries the same files with DuckDB.
    """

    output_dir: Path
    _cache: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    def table(self, name: str) -> pd.DataFrame:
        """Table ``name`` as a DataFrame, read once and then kept (a copy is not made: do not mutate it)."""
        if name not in self._cache:
            self._cache[name] = to_pandas(name, read_arrow(self.output_dir, name))
        return self._cache[name]

    @property
    def articles(self) -> pd.DataFrame:
        """One row per post: title, published_at (UTC), categories and tags (lists), ..."""
        return self.table("articles")

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence of a post body, with its offsets and text."""
        return self.table("sentences")

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per MeCab token (the largest table: read only when asked for)."""
        return self.table("tokens")

    @property
    def companies(self) -> pd.DataFrame:
        """One row per company mention."""
        return self.table("companies")

    @property
    def money(self) -> pd.DataFrame:
        """One row per money amount."""
        return self.table("money")

    @property
    def dates(self) -> pd.DataFrame:
        """One row per time expression."""
        return self.table("dates")

    @property
    def chips(self) -> pd.DataFrame:
        """One row per AI chip mention."""
        return self.table("chips")

    @property
    def partnerships(self) -> pd.DataFrame:
        """One row per partnership or investment stated in a sentence."""
        return self.table("partnerships")

    @property
    def errors(self) -> pd.DataFrame:
        """One row per post that could not be processed."""
        return self.table("errors")

    def sql(self, query: str, params: list | dict | None = None) -> pd.DataFrame:
        """Run a DuckDB query over views named after the tables (``SELECT * FROM money``) as a DataFrame.

        The views read the Parquet files themselves, so a query touches only
        the columns and row groups it needs; timestamps come back in UTC and
        integers as nullable pandas integers, as in the DataFrames.

        Raises ``InputError`` when the folder holds no table at all, and when a
        part file is damaged or foreign (naming it); errors in the query
        itself are DuckDB's own.
        """
        import duckdb

        connection = self._duckdb()
        try:
            relation = connection.sql(query, params=params)
            if relation is None:  # a statement without a result (CREATE VIEW ...)
                return pd.DataFrame()
            arrow = relation.to_arrow_table()
        except duckdb.Error as error:
            damaged = _file_error(error, self._cache["duckdb_files"], self.output_dir)
            if damaged is None:
                raise
            raise damaged from error
        return arrow.to_pandas(types_mapper=_nullable_integer_dtype, date_as_object=False)

    def _duckdb(self) -> Any:
        """The DuckDB connection with one view per table present, made on first use.

        Every part's footer is checked first (``check_part``), so a damaged or
        foreign part is an ``InputError`` naming it rather than a DuckDB
        error or a view with wrong columns.
        """
        if "duckdb" not in self._cache:
            import duckdb

            if not _holds_tables(self.output_dir):
                raise _no_tables_error(self.output_dir)
            connection = duckdb.connect()
            connection.execute("SET TimeZone = 'UTC'")
            every_file: list[Path] = []
            for name in SCHEMAS:
                try:
                    files = table_files(self.output_dir, name)
                except InputError:
                    continue
                for file in files:
                    check_part(file, name)
                every_file += files
                if not files:
                    connection.register(name, SCHEMAS[name].empty_table())
                    continue
                listed = ", ".join(_sql_string(str(file)) for file in files)
                try:
                    connection.execute(
                        f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{listed}], union_by_name = true)')
                except duckdb.Error as error:
                    damaged = _file_error(error, files, self.output_dir)
                    if damaged is None:
                        raise
                    raise damaged from error
            self._cache["duckdb_files"] = tuple(every_file)
            self._cache["duckdb"] = connection
        return self._cache["duckdb"]

    def mentions(self, table: str) -> pd.DataFrame:
        """Rows of a mention table with their ``sentence`` text and the post's ``title`` and ``published_at``.

        ``table`` is one of companies, money, dates, chips, partnerships. The
        evidence an analyst checks a fact against, in one call.
        """
        if table not in MENTION_TABLES:
            raise ValueError(f"mentions() takes one of {', '.join(MENTION_TABLES)}, not {table!r}")
        sentences = self.sentences[["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
        articles = self.articles[["article_id", "title", "published_at"]]
        return (self.table(table)
                .merge(sentences, on=["article_id", "sentence_id"], how="left")
                .merge(articles, on="article_id", how="left"))

    def money_by_company(self) -> pd.DataFrame:
        """Each money amount paired with every company mentioned in the same sentence, with published_at.

        A sentence naming two companies gives the amount once per company, so
        sum per company, not over the whole frame. Columns: the money columns,
        ``company_id``, ``company`` (name), ``title``, ``published_at``.
        """
        companies = (self.companies[["article_id", "sentence_id", "company_id", "name"]]
                     .drop_duplicates()
                     .rename(columns={"name": "company"}))
        articles = self.articles[["article_id", "title", "published_at"]]
        return (self.money
                .merge(companies, on=["article_id", "sentence_id"], how="inner")
                .merge(articles, on="article_id", how="left"))

    def partnership_network(self) -> pd.DataFrame:
        """The partnership graph as edges: one row per pair of companies and relation type, with counts.

        Columns: ``source_id``, ``source``, ``target_id``, ``target``, ``type``,
        ``mentions`` (sentences stating it), ``articles`` (posts stating it)
        and ``money_value_usd`` (the largest amount stated with it). A
        partnership has no direction, so its pair is ordered by id; an
        investment keeps its direction (source invests in target).
        """
        edges = self.partnerships[["article_id", "party_a_id", "party_a_name", "party_b_id", "party_b_name",
                                   "type", "money_value_usd"]].copy()
        undirected = (edges["type"] != "investment") & (edges["party_a_id"] > edges["party_b_id"])
        swapped = {"party_a_id": "party_b_id", "party_a_name": "party_b_name",
                   "party_b_id": "party_a_id", "party_b_name": "party_a_name"}
        for column, other in swapped.items():
            edges[column] = edges[column].where(~undirected, self.partnerships[other])
        edges = edges.rename(columns={"party_a_id": "source_id", "party_a_name": "source",
                                      "party_b_id": "target_id", "party_b_name": "target"})
        keys = ["source_id", "source", "target_id", "target", "type"]
        grouped = edges.groupby(keys, observed=True, sort=False)
        network = grouped.agg(mentions=("article_id", "size"), articles=("article_id", "nunique"),
                              money_value_usd=("money_value_usd", "max")).reset_index()
        network["mentions"] = network["mentions"].astype("Int64")
        network["articles"] = network["articles"].astype("Int64")
        return network.sort_values(["mentions", "source_id", "target_id"], ascending=[False, True, True],
                                   ignore_index=True)


def _file_error(error: Exception, files: Iterable[Path], output_dir: Path) -> InputError | None:
    """A DuckDB error about reading the table files as an ``InputError`` (None: an error in the query itself).

    A part whose data pages are damaged passes the footer check and fails
    only when a query reads it. DuckDB usually names the file; when it does
    not (a garbled page header is an untyped error or an I/O error), the
    message says how to find it.
    """
    import duckdb

    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    text = "".join(char if char.isprintable() else "?" for char in first_line)
    named = next((file for file in files if str(file) in str(error)), None)
    if named is not None:
        return InputError(f"cannot read {named}: {text}")
    if type(error) in (duckdb.Error, duckdb.IOException):
        return InputError(f"cannot read the tables in {output_dir}: {text} (a part file is likely damaged: "
                          f"extract.load({str(output_dir)!r}).<table> names it)")
    return None


def _sql_string(text: str) -> str:
    """``text`` as a single-quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def load(output_dir: str | Path = "output") -> OutputTables:
    """Open the output folder of ``extract run``; tables are read lazily, on first use.

    Raises ``InputError`` when the folder does not exist or is a file; a folder
    holding no table at all is reported on the first table access.
    """
    folder = Path(output_dir)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file, not an output folder (the folder `extract run --output` wrote)")
    if not folder.is_dir():
        raise InputError(f"output folder not found: {folder} (run `make extract` or `extract run` first)")
    return OutputTables(folder)
