"""The output tables: one pyarrow schema per table, declared up front, and row builders.

Analysts load these tables in notebooks, so their columns and types are a
contract: a schema inferred from whatever the first batch held would change
with the data (a column of all nulls, an empty run). Each table's schema is
spelled out here, and ``TableBuilder`` turns stage records into columns of
exactly that schema. Reading a part file back (``read_part``) checks it
against the same schema, so that both the next run and a reader name a
damaged or foreign file instead of failing inside pyarrow.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import InputError
from extract.models import Post, Sentence, Token

_ID = pa.string()
_OFFSET = pa.int32()

ARTICLES = pa.schema([
    pa.field("article_id", _ID, nullable=False),
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("published_at", pa.timestamp("us", tz="UTC")),
    pa.field("date_text", pa.string()),
    pa.field("categories", pa.list_(pa.string())),
    pa.field("tags", pa.list_(pa.string())),
    pa.field("author", pa.string()),
    pa.field("excerpt", pa.string()),
    pa.field("body_chars", pa.int32(), nullable=False),
    pa.field("content_sha256", pa.string(), nullable=False),
])

SENTENCES = pa.schema([
    pa.field("article_id", _ID, nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("start", _OFFSET, nullable=False),
    pa.field("end", _OFFSET, nullable=False),
    pa.field("text", pa.string(), nullable=False),
])

TOKENS = pa.schema([
    pa.field("article_id", _ID, nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("token_index", pa.int32(), nullable=False),
    pa.field("start", _OFFSET, nullable=False),
    pa.field("end", _OFFSET, nullable=False),
    pa.field("surface", pa.string(), nullable=False),
    pa.field("lemma", pa.string(), nullable=False),
    pa.field("pos", pa.string(), nullable=False),
    pa.field("reading", pa.string()),
])

ERRORS = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("stage", pa.string(), nullable=False),
    pa.field("error", pa.string(), nullable=False),
    pa.field("message", pa.string(), nullable=False),
])

_MENTION = [
    pa.field("article_id", _ID, nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("start", _OFFSET, nullable=False),
    pa.field("end", _OFFSET, nullable=False),
    pa.field("surface", pa.string(), nullable=False),
]

COMPANIES = pa.schema([
    *_MENTION,
    pa.field("company_id", pa.string(), nullable=False),
    pa.field("name", pa.string(), nullable=False),
    pa.field("parent_id", pa.string()),
    pa.field("source", pa.string(), nullable=False),
    pa.field("rule_id", pa.string(), nullable=False),
])

MONEY = pa.schema([
    *_MENTION,
    pa.field("currency", pa.string(), nullable=False),
    pa.field("value", pa.float64()),
    pa.field("min_value", pa.float64()),
    pa.field("max_value", pa.float64()),
    pa.field("qualifier", pa.string(), nullable=False),
    pa.field("value_usd", pa.float64()),
    pa.field("fx_source", pa.string()),
    pa.field("rule_id", pa.string(), nullable=False),
])

DATES = pa.schema([
    *_MENTION,
    pa.field("type", pa.string(), nullable=False),
    pa.field("value", pa.string(), nullable=False),
    pa.field("mod", pa.string()),
    pa.field("start_date", pa.date32()),
    pa.field("end_date", pa.date32()),
    pa.field("rule_id", pa.string(), nullable=False),
])

CHIPS = pa.schema([
    *_MENTION,
    pa.field("chip_id", pa.string(), nullable=False),
    pa.field("name", pa.string(), nullable=False),
    pa.field("vendor_id", pa.string(), nullable=False),
    pa.field("rule_id", pa.string(), nullable=False),
])

PARTNERSHIPS = pa.schema([
    pa.field("article_id", _ID, nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("party_a_id", pa.string(), nullable=False),
    pa.field("party_a_name", pa.string(), nullable=False),
    pa.field("party_b_id", pa.string(), nullable=False),
    pa.field("party_b_name", pa.string(), nullable=False),
    pa.field("type", pa.string(), nullable=False),
    pa.field("status", pa.string(), nullable=False),
    pa.field("money_value_usd", pa.float64()),
    pa.field("trigger", pa.string(), nullable=False),
    pa.field("evidence", pa.string(), nullable=False),
    pa.field("rule_id", pa.string(), nullable=False),
])

#: Every table the pipeline writes, by file name stem.
SCHEMAS: Mapping[str, pa.Schema] = {
    "articles": ARTICLES,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "companies": COMPANIES,
    "money": MONEY,
    "dates": DATES,
    "chips": CHIPS,
    "partnerships": PARTNERSHIPS,
    "errors": ERRORS,
}


class TableBuilder:
    """Collects rows for one table column by column, then yields a table of its schema."""

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self._columns: dict[str, list] = {name: [] for name in schema.names}

    def __len__(self) -> int:
        return len(self._columns[self.schema.names[0]])

    def append(self, row: Mapping[str, object]) -> None:
        """Add one row; every column of the schema must be present."""
        for name, column in self._columns.items():
            column.append(row[name])

    def extend(self, rows: Iterable[Mapping[str, object]]) -> None:
        """Add many rows."""
        for row in rows:
            self.append(row)

    def to_table(self) -> pa.Table:
        """The rows so far as a table of exactly this builder's schema."""
        return pa.Table.from_pydict(self._columns, schema=self.schema)


def article_row(post: Post) -> dict[str, object]:
    """The articles row of a post."""
    return {
        "article_id": post.article_id,
        "source_path": post.source_path,
        "title": post.title,
        "published_at": post.published_at,
        "date_text": post.date_text,
        "categories": list(post.categories),
        "tags": list(post.tags),
        "author": post.author,
        "excerpt": post.excerpt,
        "body_chars": len(post.body),
        "content_sha256": post.content_sha256,
    }


def sentence_row(article_id: str, sentence: Sentence) -> dict[str, object]:
    """The sentences row of one sentence."""
    return {"article_id": article_id, "sentence_id": sentence.sentence_id,
            "start": sentence.start, "end": sentence.end, "text": sentence.text}


def token_table(article_id: str, tokens: Sequence[Token]) -> pa.Table:
    """The tokens rows of a post, built column by column (the largest table by far)."""
    columns: dict[str, Sequence[object]] = (dict(zip(Token._fields, zip(*tokens))) if tokens
                                            else dict.fromkeys(Token._fields, ()))
    columns["article_id"] = [article_id] * len(tokens)
    return pa.Table.from_arrays([pa.array(columns[field.name], field.type) for field in TOKENS], schema=TOKENS)


def mention_row(article_id: str, mention: object) -> dict[str, object]:
    """A mention table row (companies, money, dates, chips, partnerships): the article id and the
    record's dataclass fields, which are the table's other columns."""
    kind: type = type(mention)  # not type[object], which mypy wrongly takes for unhashable
    return {"article_id": article_id, **{name: getattr(mention, name) for name in _field_names(kind)}}


@lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names (looked up once per class: rows are made by the hundred thousand)."""
    return tuple(field.name for field in dataclasses.fields(kind))


def error_row(source_path: str, stage: str, error: str, message: str) -> dict[str, object]:
    """The errors row of a post that could not be processed."""
    return {"source_path": source_path, "stage": stage, "error": error, "message": message}


#: What pyarrow raises on a damaged Parquet file (garbled column names are a UnicodeDecodeError).
_UNREADABLE = (pa.ArrowException, OSError, ValueError)


def _one_line(error: BaseException) -> str:
    """An exception's message on one line (pyarrow and DuckDB messages may span several)."""
    return " ".join(str(error).split())


def read_parquet(path: Path, columns: list[str] | None = None) -> pa.Table:
    """The rows of one Parquet file (only ``columns`` when given); a damaged file is an ``InputError`` naming it.

    A truncated part or one overwritten with other bytes otherwise surfaces
    as a pyarrow message that may not say which file is at fault.
    """
    try:
        with pq.ParquetFile(path) as parquet:
            return parquet.read(columns=columns)
    except _UNREADABLE as error:
        raise InputError(f"cannot read {path}: {_one_line(error)}") from error


def check_part(path: Path, table: str) -> pa.Schema:
    """The schema of one Parquet file of ``table``, checked against the table's declared schema.

    Raises ``InputError`` naming the file when it cannot be read, or when it
    is a foreign file: a column the declared schema requires (not nullable)
    is missing, or a declared column has another type. Nullable columns may
    be missing (they read as nulls) and undeclared ones are ignored. A table
    without a declared schema is not checked. Only the file's footer is read.
    """
    try:
        found = pq.read_schema(path)
    except _UNREADABLE as error:
        raise InputError(f"cannot read {path}: {_one_line(error)}") from error
    declared = SCHEMAS.get(table)
    if declared is None:
        return found
    types = {field.name: field.type for field in found}
    missing = [field.name for field in declared if not field.nullable and field.name not in types]
    problems = [f"it lacks column(s) {', '.join(missing)}"] if missing else []
    problems += [f"column {field.name} is {types[field.name]}, not {field.type}"
                 for field in declared if field.name in types and types[field.name] != field.type]
    if problems:
        raise InputError(f"{path} is not a part of the {table} table: {'; '.join(problems)}")
    return found


def read_part(path: Path, table: str) -> pa.Table:
    """One Parquet file of ``table`` (see ``check_part``), in exactly the declared schema when there is one."""
    found = check_part(path, table)
    declared = SCHEMAS.get(table)
    if declared is None:
        return read_parquet(path)
    arrow = read_parquet(path, columns=[name for name in declared.names if name in found.names])
    return pa.Table.from_arrays(
        [arrow[field.name] if field.name in found.names else pa.nulls(arrow.num_rows, field.type)
         for field in declared], schema=declared)


def parquet_rows(path: Path) -> int:
    """A Parquet file's row count, from its footer; a damaged file is an ``InputError`` that names it."""
    try:
        return pq.ParquetFile(path).metadata.num_rows
    except _UNREADABLE as error:
        raise InputError(f"cannot read {path}: {_one_line(error)}") from error
