"""The shape of the code: data flows one way, so no module of src/extract imports itself back.

An import cycle (two stages importing each other, directly or through
others, at module level or inside a function) means neither can change or be
understood alone. The imports are read from the source with ``ast``, so the
check sees what a reviewer sees.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "extract"


def module_name(path: Path) -> str:
    """``extract.normalize.money`` for src/extract/normalize/money.py (``extract`` for __init__.py)."""
    parts = ["extract", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The package's own modules that ``path`` imports anywhere in its source."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {name for name in names if name in modules}
    return found - {"extract"}  # the package's __init__ re-exports; importing it is not a dependency


def import_graph() -> dict[str, set[str]]:
    """Each module of the package with the package modules it imports."""
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: imported_modules(path, set(paths)) - {name} for name, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_checker_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back() -> None:
    assert cycles(import_graph()) == []


def test_every_kind_of_rule_file_in_the_registry_has_a_schema() -> None:
    """The stage registry and the rule schemas name the same kinds of rule file."""
    from extract.rules.schema import SPECS
    from extract.stages import RULE_FILES, STAGES

    assert {kind.stem for kind in RULE_FILES} == set(SPECS)
    assert {kind.stage for kind in RULE_FILES} <= {stage.name for stage in STAGES}
    assert all(need in {stage.name for stage in STAGES} for stage in STAGES for need in stage.needs)


def test_the_registry_says_which_tables_a_rule_file_steers() -> None:
    """The dependency graph as data gives what each edit must recompute."""
    from extract.stages import stages_for, tables_steered_by

    assert tables_steered_by("dates.yaml") == {"dates"}
    assert tables_steered_by("money.yaml") == tables_steered_by("fx.yaml") == {"money", "partnerships"}
    assert tables_steered_by("companies/mine.yaml") == {"companies", "partnerships"}
    assert tables_steered_by("ner.yaml") == {"companies", "partnerships"}
    assert tables_steered_by("chips/mine.yaml") == {"chips", "companies", "partnerships"}
    # A name written as a party of a deal (Wizを買収) is a company: the relation words steer companies too.
    assert tables_steered_by("partnerships.yaml") == {"companies", "partnerships"}
    assert stages_for({"dates"}, use_ner=True) == {"read", "segment", "dates"}
    assert "tokens" not in stages_for({"money", "dates"}, use_ner=True)
    assert stages_for({"partnerships"}, use_ner=False) >= {"tokens", "companies", "money", "partnerships"}
    assert "ner" not in stages_for({"partnerships"}, use_ner=False)


def test_the_rule_loader_imports_no_stage() -> None:
    """Loading rules turns YAML into spec records; the stages compile them. The loader reaching a stage,
    directly or through others, would tie every stage's code to every rule check again."""
    graph = import_graph()
    reached = set()
    pending = [name for name in graph if name == "extract.rules" or name.startswith("extract.rules.")]
    while pending:
        name = pending.pop()
        if name not in reached:
            reached.add(name)
            pending.extend(graph[name])
    outside = {name for name in reached if not name.startswith("extract.rules")}
    assert outside <= {"extract.names", "extract.stages", "extract.errors"}, outside
