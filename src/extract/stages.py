"""The stages of the pipeline as data: what each needs, which rule files steer it, which tables it fills.

Several places must agree on this: loading the rules (which files exist and
what kind each is), planning a re-run (an edited chip file recomputes the
chips, companies and partnerships tables, and nothing else), running a post
(a dates-only re-run does not tokenize) and the tests of the rules'
``examples:`` (which stage runs a file's examples). They all read this one
registry, in the manner of a Makefile's dependency graph, instead of each
keeping its own list. It imports no stage: it only names them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class RuleFile:
    """A kind of rule file: ``path`` is a file of the rules folder (``money.yaml``) or, ending in ``/``,
    a folder whose every YAML file is one of its kind (``companies/``). ``stage`` owns it: the stage
    its rules steer and that runs its ``examples:``."""

    path: str
    stage: str

    @property
    def is_folder(self) -> bool:
        """Whether this kind is a folder of any number of files (company and chip lists)."""
        return self.path.endswith("/")

    @property
    def stem(self) -> str:
        """The name the rule loader knows this kind by (``money``, ``companies``)."""
        return self.path.rstrip("/").removesuffix(".yaml")


@dataclass(frozen=True)
class Stage:
    """One step of the per-post work.

    ``feeds`` are the tables built from its output; ``needs`` the stages whose
    output it reads; ``reads`` rule files of other stages that steer it too
    (GiNZA's company proposals are told apart from chip names by the chip
    catalog; a name written as a party of a deal is a company).
    """

    name: str
    feeds: tuple[str, ...]
    needs: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()


#: Every kind of rule file; a file of the rules folder that is none of these is an error.
RULE_FILES = (
    RuleFile("companies/", "companies"),
    RuleFile("products.yaml", "companies"),
    RuleFile("company_patterns.yaml", "companies"),
    RuleFile("ner.yaml", "ner"),
    RuleFile("chips/", "chips"),
    RuleFile("money.yaml", "money"),
    RuleFile("fx.yaml", "money"),
    RuleFile("dates.yaml", "dates"),
    RuleFile("partnerships.yaml", "partnerships"),
)

#: The stages in the order a post goes through them.
STAGES = (
    Stage("read", feeds=("articles",)),
    Stage("segment", feeds=("sentences",), needs=("read",)),
    Stage("tokens", feeds=("tokens",), needs=("segment",)),
    Stage("companies", feeds=("companies",), needs=("tokens",), reads=("partnerships.yaml",)),
    Stage("ner", feeds=("companies",), needs=("companies",), reads=("chips/",)),
    Stage("chips", feeds=("chips",), needs=("tokens",)),
    Stage("money", feeds=("money",), needs=("segment",)),
    Stage("dates", feeds=("dates",), needs=("segment",)),
    Stage("partnerships", feeds=("partnerships",), needs=("companies", "ner", "money"), reads=("products.yaml",)),
)

_BY_NAME = {stage.name: stage for stage in STAGES}

#: Every table the stages fill, in the order of the stages that first fill them.
TABLES = tuple(dict.fromkeys(table for stage in STAGES for table in stage.feeds))


def rule_file_kind(relative_path: str) -> RuleFile | None:
    """The kind of the rule file at ``relative_path`` (relative to the rules folder), or None when it is
    none (``company/x.yaml``, ``stray.yaml``). ``.yml`` is read as ``.yaml``."""
    path = PurePosixPath(relative_path)
    for kind in RULE_FILES:
        if kind.is_folder:
            if len(path.parts) > 1 and path.parts[0] == kind.stem:
                return kind
        elif len(path.parts) == 1 and path.stem == kind.stem:
            return kind
    return None


def _dependents(names: Iterable[str]) -> set[str]:
    """``names`` and every stage that needs one of them, directly or through others."""
    found = set(names)
    while True:
        more = {stage.name for stage in STAGES if set(stage.needs) & found} - found
        if not more:
            return found
        found |= more


def tables_steered_by(relative_path: str) -> frozenset[str]:
    """The tables whose rows can change when the rule file at ``relative_path`` does: those of the stages
    that read it and of every stage downstream of them. An unknown file steers every table (the rule
    loader reports it as an error before anything runs)."""
    kind = rule_file_kind(relative_path)
    if kind is None:
        return frozenset(TABLES)
    readers = {kind.stage} | {stage.name for stage in STAGES if kind.path in stage.reads}
    return frozenset(table for name in _dependents(readers) for table in _BY_NAME[name].feeds)


def stages_for(tables: Collection[str], use_ner: bool) -> frozenset[str]:
    """The stages a post must go through for ``tables``: those that feed them and what they need
    (without ``ner`` when the run has no model)."""
    wanted = {stage.name for stage in STAGES if set(stage.feeds) & set(tables)}
    pending = list(wanted)
    while pending:
        for need in _BY_NAME[pending.pop()].needs:
            if need not in wanted:
                wanted.add(need)
                pending.append(need)
    return frozenset(wanted - (set() if use_ner else {"ner"}))


def rule_files(rules_dir: Path) -> list[Path]:
    """Every YAML file under the rules folder, in a stable order."""
    return sorted(p for p in rules_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
