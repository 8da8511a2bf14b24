"""The output tables: one pyarrow schema per table, declared up front, and row builders.

Analysts load these tables in notebooks, so their columns and types are a
contract: a schema inferred from whatever the first batch held would change
with the data (a column of all nulls, an empty run). Each table's schema is
spelled out here, and ``TableBuilder`` turns stage records into columns of
exactly that schema.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import pyarrow as pa

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
    columns = dict(zip(Token._fields, zip(*tokens))) if tokens else dict.fromkeys(Token._fields, ())
    columns["article_id"] = [article_id] * len(tokens)
    return pa.Table.from_arrays([pa.array(columns[field.name], field.type) for field in TOKENS], schema=TOKENS)


def mention_row(article_id: str, mention: object, **extra: object) -> dict[str, object]:
    """A mention table row: the mention dataclass's fields, the article id and any extra columns."""
    return {"article_id": article_id, **{name: getattr(mention, name) for name in _field_names(type(mention))},
            **extra}


@lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names (looked up once per class: rows are made by the hundred thousand)."""
    return tuple(field.name for field in dataclasses.fields(kind))


def error_row(source_path: str, stage: str, error: str, message: str) -> dict[str, object]:
    """The errors row of a post that could not be processed."""
    return {"source_path": source_path, "stage": stage, "error": error, "message": message}
