"""The gold file of ``extract eval``: reading it and checking every field the scorer reads.

A gold file holds one JSON object per line: a post's ``article_id`` and, per
scored table, the facts a reader found in it (``optional`` lists facts that
may be found without counting as a miss). A broken file stops the scoring
with its line and field named, before anything is scored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from extract.errors import ExtractError

#: The scored tables, in report order.
TABLES = ("companies", "money", "dates", "chips", "partnerships")


class EvalError(ExtractError):
    """The scoring cannot run: a missing or malformed gold file, or an unreadable table."""


def load_gold(gold_path: Path) -> dict[str, dict]:
    """The gold file as {article_id: record}, every field the scorer reads checked up front.

    A broken gold file must stop the scoring with its line and field named,
    not crash halfway or be scored as if it were right: the first problem of
    each line is collected and the first ``_PROBLEMS_SHOWN`` are reported in
    one ``EvalError``. A file without a single post is an error too (scoring
    nothing would pass every threshold).
    """
    try:
        data = Path(gold_path).read_bytes()
    except OSError as error:
        raise EvalError(f"cannot read gold file {gold_path}: {error}") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_number = data.count(b"\n", 0, error.start) + 1
        raise EvalError(f"{gold_path}:{line_number}: not UTF-8 text (byte 0x{data[error.start]:02x}): "
                        "a gold file holds one JSON object per line") from error
    gold: dict[str, dict] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{gold_path}:{number}: not valid JSON: {error}")
            continue
        problem = _record_problem(record)
        if problem is None and record["article_id"] in gold:
            problem = f"article_id {record['article_id']!r} appears twice"
        if problem is not None:
            problems.append(f"{gold_path}:{number}: {problem}")
            continue
        gold[record["article_id"]] = record
    if problems:
        more = len(problems) - _PROBLEMS_SHOWN
        raise EvalError("; ".join(problems[:_PROBLEMS_SHOWN])
                        + (f" (and {more} more line(s) with problems)" if more > 0 else ""))
    if not gold:
        raise EvalError(f"no gold posts in {gold_path}: it is empty or holds only blank lines")
    return gold


#: Gold problems shown in one error; the count of the others follows.
_PROBLEMS_SHOWN = 3
_STRING, _NUMBER, _STRINGS, _PARTIES = "a string", "a finite number", "a list of strings", "a list of two strings"
#: The fields the scorer reads from each gold entry: name -> (what it must be, whether it is required).
#: An optional field may be absent or null.
_GOLD_FIELDS: Mapping[str, Mapping[str, tuple[str, bool]]] = {
    "companies": {"name": (_STRING, True), "aliases": (_STRINGS, False)},
    "chips": {"name": (_STRING, True), "aliases": (_STRINGS, False)},
    "money": {"surface": (_STRING, False), "currency": (_STRING, True), "value": (_NUMBER, False),
              "min_value": (_NUMBER, False), "max_value": (_NUMBER, False), "qualifier": (_STRING, True)},
    "dates": {"surface": (_STRING, False), "type": (_STRING, True), "value": (_STRING, True),
              "mod": (_STRING, False)},
    "partnerships": {"parties": (_PARTIES, True), "type": (_STRING, True), "evidence": (_STRING, False)},
}


def _shown(value: Any) -> str:
    """A gold value as JSON for an error message, cut short when long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _fits(value: Any, kind: str) -> bool:
    """Whether a non-null gold value is of ``kind`` (one of ``_STRING``, ``_NUMBER``, ``_STRINGS``, ``_PARTIES``)."""
    if kind == _STRING:
        return isinstance(value, str)
    if kind == _NUMBER:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    strings = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return strings and (kind == _STRINGS or len(value) == 2)


def _entry_problem(table: str, entry: Any, where: str) -> str | None:
    """What is wrong with one gold entry of ``table`` (``where`` locates it, e.g. ``money[2]``), or None."""
    if not isinstance(entry, dict):
        return f"{where} must be an object, not {_shown(entry)}"
    for field, (kind, required) in _GOLD_FIELDS[table].items():
        value = entry.get(field)
        if value is None:
            if required:
                return f"{where}.{field} must be {kind}, not {'null' if field in entry else 'missing'}"
        elif not _fits(value, kind):
            return f"{where}.{field} must be {kind}{'' if required else ' or null'}, not {_shown(value)}"
    if table == "money" and all(entry.get(field) is None for field in ("value", "min_value", "max_value")):
        return f"{where} needs a value, min_value or max_value"
    return None


def _record_problem(record: Any) -> str | None:
    """The first thing wrong with one parsed gold line, or None when the scorer can read all of it."""
    if not isinstance(record, dict):
        return f"a gold line must be a JSON object, not {_shown(record)}"
    if not isinstance(record.get("article_id"), str) or not record["article_id"]:
        found = _shown(record["article_id"]) if "article_id" in record else "missing"
        return f"article_id must be a non-empty string, not {found}"
    optional = record.get("optional")
    if optional is not None and not isinstance(optional, dict):
        return f"optional must be an object of lists, not {_shown(optional)}"
    for prefix, source in (("", record), ("optional.", optional or {})):
        for table in TABLES:
            entries = source.get(table)
            if entries is None:
                continue
            if not isinstance(entries, list):
                return f"{prefix}{table} must be a list, not {_shown(entries)}"
            for index, entry in enumerate(entries):
                problem = _entry_problem(table, entry, f"{prefix}{table}[{index}]")
                if problem is not None:
                    return problem
    return None


def gold_section(record: Mapping[str, Any], table: str, optional: bool) -> list:
    """A gold record's list for one table, or its optional list; missing lists are empty."""
    source = (record.get("optional") or {}) if optional else record
    return list(source.get(table) or ())
