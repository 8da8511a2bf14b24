"""Checking one rule file against its schema, every problem reported at the line of the key or item at fault.

pydantic reports each problem with the path of the value (``companies``, 3,
``aliases``, 1); the line-keeping YAML loader knows the line of that key or
item. This module joins the two and words each problem for a rule author
("unknown key 'alias' (did you mean 'aliases'?)"), not for a Python reader.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Mapping, Sequence
from types import UnionType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from extract.rules.problems import FileProblems, clipped, shown
from extract.rules.schema import RuleFileSpec
from extract.rules.yaml_lines import LineDict, duplicate_keys, line_at, rule_id_at

S = TypeVar("S", bound=RuleFileSpec)

#: What a value must be, by the pydantic error that says it is not.
_EXPECTED = {
    "string_type": "a string", "int_type": "a whole number", "float_type": "a number",
    "list_type": "a list", "tuple_type": "a list", "dict_type": "a mapping", "model_type": "a mapping",
    "model_attributes_type": "a mapping", "mapping_type": "a mapping",
}
#: Names of the loader's containers and YAML's scalars as a rule author knows them.
_TYPE_NAMES = {"LineDict": "a mapping", "LineList": "a list", "str": "a string", "int": "a number",
               "float": "a number", "bool": "true/false", "NoneType": "nothing", "date": "a date",
               "datetime": "a date and time"}


def validated(spec: type[S], data: LineDict, problems: FileProblems) -> S | None:
    """``data`` as a ``spec``, or None with every problem reported (duplicate keys included)."""
    usable = True
    for path, key, line in duplicate_keys(data):
        problems.add(line, rule_id_at(data, path), f"key '{clipped(key)}' appears twice")
        usable = False
    try:
        checked = spec.model_validate(data)
    except ValidationError as invalid:
        for error in invalid.errors():
            path = _path_in_file(error["loc"])
            problems.add(line_at(data, path), rule_id_at(data, path), _message(spec, error, path))
        return None
    return checked if usable else None


def _path_in_file(loc: Sequence[Any]) -> tuple[Any, ...]:
    """pydantic's location of a problem as a path of the file's keys and list indexes: a problem with
    a mapping's key (``[key]``) is reported at that key."""
    return tuple(step for step in loc if step != "[key]")


def _dotted(path: Sequence[Any]) -> str:
    """A path as a rule author reads it, from the list entry it is in (the problem names the entry's id
    and line): ``aliases[1]`` of a company, ``roles.partner`` of the file."""
    inner = [index for index, step in enumerate(path[:-1]) if isinstance(step, int)]
    text = ""
    for step in path[inner[-1] + 1:] if inner else path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return clipped(text)


def _message(spec: type[RuleFileSpec], error: Mapping[str, Any], path: tuple[Any, ...]) -> str:
    """One pydantic error, worded for the rule file's author."""
    kind, where = error["type"], _dotted(path)
    if kind == "missing" and path and isinstance(path[-1], int):
        return f"'{_dotted(path[:-1])}' has too few items"
    if kind == "missing":
        return f"missing required key '{where}'"
    if kind == "extra_forbidden":
        return _unknown_key(spec, path)
    if kind in ("value_error", "assertion_error"):
        return f"'{where}': {_reason(error)}" if where else _reason(error)
    if error["loc"] and error["loc"][-1] == "[key]":
        return f"key '{where}': {error['msg']}"
    if kind in _EXPECTED:
        return f"'{where}' must be {_EXPECTED[kind]}, got {_type_name(error['input'])}"
    if kind in ("string_too_short", "too_short"):
        return f"'{where}' must not be empty"
    return f"'{where}': {error['msg']} (got {shown(error['input'])})"


def _reason(error: Mapping[str, Any]) -> str:
    """The message a schema check raised (without pydantic's "Value error, ")."""
    return str(error.get("ctx", {}).get("error") or error["msg"])


def _type_name(value: object) -> str:
    name = type(value).__name__
    return _TYPE_NAMES.get(name, name)


def _unknown_key(spec: type[RuleFileSpec], path: tuple[Any, ...]) -> str:
    """Why a key is not read: moved elsewhere, or misspelt (with the nearest known key and all of them)."""
    key = clipped(str(path[-1]))
    model = _model_at(spec, path[:-1])
    where = _dotted(path)
    if model is None:
        return f"unknown key '{where}'"
    moved = getattr(model, "moved_keys", {})
    if key in moved:
        return moved[key]
    known = sorted(field.alias or name for name, field in model.model_fields.items())
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{where}'{hint}; known keys: {', '.join(known)}"


def _model_at(spec: type[BaseModel], path: Sequence[Any]) -> type[BaseModel] | None:
    """The schema model of the mapping at ``path`` inside a ``spec`` file, or None when it is no model."""
    current: Any = spec
    for step in path:
        current = _bare(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = {field.alias or name: field for name, field in current.model_fields.items()}
            if step not in fields:
                return None
            current = fields[step].annotation
        elif typing.get_origin(current) in (tuple, list):
            current = typing.get_args(current)[0]
        elif typing.get_origin(current) in (dict, Mapping):
            current = typing.get_args(current)[1]
        else:
            return None
    current = _bare(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _bare(annotation: Any) -> Any:
    """An annotation without ``Annotated[...]`` and without ``| None``."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif isinstance(annotation, UnionType) or typing.get_origin(annotation) is typing.Union:
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
