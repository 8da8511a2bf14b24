"""Problems in the rule files, as a rule author reads them: ``file:line: [rule id] message``.

Users extend the pipeline by editing YAML, so a mistake must come back as a
message they can act on, for every problem at once. A hostile or broken file
can hold enormous values and millions of mistakes, so values are quoted
short and the list is capped.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass

from extract.errors import ExtractError

#: Longest rendering of a value from a rule file inside a problem message (a rule id, an alias, a
#: bad entry): enough to find it in the file, never enough for a hostile file to flood the terminal.
MAX_VALUE_CHARS = 80
#: Longest problem message: the explanation around the value, which may quote what was read.
MAX_MESSAGE_CHARS = 500
#: Most problems listed in the error; the rest are counted (a hostile file can hold millions).
MAX_LISTED_PROBLEMS = 200
#: Where an over-long value or message is cut.
_ELLIPSIS = "…"


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong in a rule file, at the line of the key or item at fault (None: the whole file)."""

    file: str
    line: int | None
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f" [{clipped(self.rule_id)}]" if self.rule_id else ""
        return f"{where}:{rule} {clipped(self.message, MAX_MESSAGE_CHARS)}"


class RulesInvalid(ExtractError):
    """The rule files have problems; all of them are in ``problems``, the first
    ``MAX_LISTED_PROBLEMS`` in the message."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        listed = [f"  {p}" for p in problems[:MAX_LISTED_PROBLEMS]]
        if len(problems) > MAX_LISTED_PROBLEMS:
            listed.append(f"  ... and {len(problems) - MAX_LISTED_PROBLEMS:,} more problem(s)")
        super().__init__(f"{len(problems)} problem(s) in the rule files:\n" + "\n".join(listed))


class FileProblems:
    """Collects the problems of one rule file into the list of every file's problems."""

    def __init__(self, file: str, sink: list[RuleProblem]) -> None:
        self.file = file
        self.sink = sink

    def add(self, line: int | None, rule_id: str | None, message: str) -> None:
        """Record a problem at ``line`` (None: the file as a whole)."""
        self.sink.append(RuleProblem(self.file, line, rule_id, message))


def clipped(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """``text`` cut to ``limit`` characters (marked with an ellipsis), so that a value read from a
    rule file, however long, keeps a problem message readable."""
    return text if len(text) <= limit else text[:limit - len(_ELLIPSIS)] + _ELLIPSIS


class _ShortRepr(reprlib.Repr):
    """``reprlib``'s bounded repr (a few items per level, a few levels), which renders only what it
    shows, told that the loader's line-numbered mappings and lists are dicts and lists."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxtuple = self.maxlist = self.maxdict = self.maxset = 4
        self.maxstring = self.maxother = MAX_VALUE_CHARS // 2

    def repr_LineDict(self, value: dict, level: int) -> str:
        """A rule file's mapping, shortened like any dict."""
        return self.repr_dict(value, level)

    def repr_LineList(self, value: list, level: int) -> str:
        """A rule file's list, shortened like any list."""
        return self.repr_list(value, level)


_SHORT_REPR = _ShortRepr()


def shown(value: object) -> str:
    """A short ``repr`` of a value read from a rule file, for a problem message: built without
    rendering the whole value (a hostile file's value may be enormous) and at most
    ``MAX_VALUE_CHARS`` long."""
    return clipped(_SHORT_REPR.repr(value))
