"""Domain errors: the failures a user can act on, each naming the file at fault.

Stages raise these instead of bare exceptions so that the pipeline can record
them per post (one broken post never stops a batch) and the CLI can turn them
into one clear message.
"""

from __future__ import annotations

from dataclasses import dataclass


class ExtractError(Exception):
    """Base class of every error the pipeline reports to the user."""


@dataclass
class PostError(ExtractError):
    """A post that cannot be processed; the batch goes on without it.

    ``stage`` names where it failed (read, decode, front_matter, ...), ``kind``
    a short machine-friendly reason and ``message`` the human one.
    """

    source_path: str
    stage: str
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.source_path}: {self.message}"


class InputError(ExtractError):
    """The run cannot start: a missing corpus folder, an unusable output folder."""


class RunInterrupted(Exception):
    """Ctrl-C stopped a run; says whether its tables had already been committed.

    Not an ``ExtractError``: the CLI exits with 130, as shells expect of an interrupt.
    """

    def __init__(self, output_dir: object, committed: bool) -> None:
        self.output_dir = output_dir
        self.committed = committed
        outcome = ("the new tables were already in place" if committed
                   else "nothing written, the previous output is intact")
        super().__init__(f"interrupted: {outcome} ({output_dir})")
