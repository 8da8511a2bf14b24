"""Reading a rule file as YAML that remembers the line of every key and item.

A problem in a rule file is reported at the line of the key or list item at
fault, so the loader's mappings and lists carry their lines, and
``line_at`` finds the line of any value by its path (the path pydantic gives
with each problem). The reader refuses what a rule file never needs and a
hostile one uses: files of tens of megabytes, and YAML aliases (a few hundred
bytes of nested aliases expand to gigabytes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from extract.rules.problems import FileProblems

#: Largest rule file read, in bytes: the whole shipped gazetteer is well under 1 MB, so a bigger
#: file is the wrong file or a hostile one, and reading it would only exhaust memory.
MAX_RULE_FILE_BYTES = 50 * 1024 * 1024


class LineDict(dict):
    """A mapping of a rule file: the line it starts on, the line of each key, and keys written twice."""

    line: int = 0
    key_lines: Mapping[object, int] = MappingProxyType({})
    duplicate_keys: tuple[tuple[str, int], ...] = ()


class LineList(list):
    """A list of a rule file: the line it starts on and the line of each item."""

    line: int = 0
    item_lines: tuple[int, ...] = ()


#: libyaml's C loader where installed, else the pure-Python one (PyYAML is untyped: Any).
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader (libyaml's C parser where installed: the gazetteer is thousands of lines and
    every run and every worker loads it); ``_build`` turns its nodes into values that carry their lines."""


_STR_TAG, _MAP_TAG, _SEQ_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _build(loader: _LineLoader, node: yaml.Node) -> Any:
    """The value of a node: mappings and lists with their lines (``LineDict``, ``LineList``), strings
    as they are, other scalars and tagged nodes as the safe loader reads them. Built here rather than
    by the loader's constructors: a string, most of a rule file, then costs one check instead of
    PyYAML's generic construction, which made reading the 4,000-entry gazetteer files slow."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR_TAG else loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
        items = LineList(_build(loader, item) for item in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = tuple(item.start_mark.line + 1 for item in node.value)
        return items
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
        mapping = LineDict()
        seen: dict = {}
        duplicates = []
        for key_node, value_node in node.value:
            key = _build(loader, key_node)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError("while constructing a mapping", node.start_mark,
                                                        "found unhashable key", key_node.start_mark) from None
            if key in seen:
                duplicates.append((str(key), key_node.start_mark.line + 1))
            else:
                seen[key] = key_node.start_mark.line + 1
            mapping[key] = _build(loader, value_node)
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = seen
        mapping.duplicate_keys = tuple(duplicates)
        return mapping
    return loader.construct_object(node, deep=True)


def _load(text: str) -> Any:
    """The value of the one YAML document in ``text`` (None for an empty one); YAMLError if it is bad."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _build(loader, node)
    finally:
        loader.dispose()


def read_rule_yaml(path: Path, problems: FileProblems) -> LineDict | None:
    """A rule file's top mapping, or None with the reason reported: unreadable, too big, not UTF-8,
    or not a YAML mapping free of aliases (see ``parse_rule_yaml``)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_RULE_FILE_BYTES + 1)
        if len(raw) > MAX_RULE_FILE_BYTES:
            problems.add(None, None, f"file is larger than {MAX_RULE_FILE_BYTES // 2**20} MB, far beyond any rule "
                                     "file: split it, or check it is the file you meant")
            return None
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(None, None, f"cannot read: {exc}")
        return None
    return parse_rule_yaml(text, problems)


def parse_rule_yaml(text: str, problems: FileProblems) -> LineDict | None:
    """The top mapping of a rule file's text, or None with the reason reported: YAML aliases, bad
    YAML, not a mapping."""
    try:
        alias_line = _first_alias_line(text)
        if alias_line is not None:
            problems.add(alias_line, None, "YAML aliases (*name) are not allowed in rule files")
            return None
        data = _load(text)
    except yaml.YAMLError as exc:
        # Where the broken construct starts (an unclosed bracket's line) before where parsing gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        problems.add(mark.line + 1 if mark else None, None,
                     f"YAML syntax error: {getattr(exc, 'problem', None) or exc}")
        return None
    if not isinstance(data, LineDict):
        problems.add(1, None, "a rule file must be a YAML mapping of keys")
        return None
    return data


#: A ``*`` where a YAML node may start (line start, after a space or a flow bracket or comma) before a
#: name character: only a text holding one can hold an alias (``Sun*`` in a name is none).
_MAYBE_ALIAS_RE = re.compile(r"(?:^|[\s\[{,])\*[^\s,\[\]{}]")


def _first_alias_line(text: str) -> int | None:
    """The line of the first YAML alias (``*name``) in ``text``, or None. Only a text with a ``*``
    where a node may start can hold one, so the others skip the extra parse."""
    if "*" not in text or not _MAYBE_ALIAS_RE.search(text):
        return None
    for event in yaml.parse(text, Loader=_LineLoader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def _steps(data: object, path: Sequence[object]) -> Iterator[tuple[object, int | None]]:
    """Each value along ``path`` (keys and list indexes) from ``data``, with the line of its key or item,
    as far as the path exists."""
    current = data
    for step in path:
        if isinstance(current, LineDict) and step in current:
            line = current.key_lines.get(step)
            current = current[step]
        elif isinstance(current, LineList) and isinstance(step, int) and 0 <= step < len(current):
            line = current.item_lines[step]
            current = current[step]
        else:
            return
        yield current, line


def line_at(data: LineDict, path: Sequence[object]) -> int:
    """The line of the value at ``path``: of its key or item, or, where the path leaves what was
    written (a missing key), of the mapping or list it should be in."""
    line = data.line
    for value, step_line in _steps(data, path):
        line = step_line or getattr(value, "line", None) or line
    return line


def rule_id_at(data: LineDict, path: Sequence[object]) -> str | None:
    """The ``id`` of the innermost entry along ``path`` that has one (the company, chip or pattern a
    problem is in), or None."""
    found = data.get("id") if isinstance(data.get("id"), str) else None
    for value, _ in _steps(data, path):
        if isinstance(value, LineDict) and isinstance(value.get("id"), str):
            found = value["id"]
    return found


def duplicate_keys(data: object, path: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], str, int]]:
    """Every key written twice in a mapping anywhere in ``data``: (path of its mapping, key, line).
    YAML keeps the last one, so the first would silently do nothing."""
    if isinstance(data, LineDict):
        for key, line in data.duplicate_keys:
            yield path, key, line
        for key, value in data.items():
            yield from duplicate_keys(value, (*path, key))
    elif isinstance(data, LineList):
        for index, value in enumerate(data):
            yield from duplicate_keys(value, (*path, index))
