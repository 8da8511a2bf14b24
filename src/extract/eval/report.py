"""What ``extract eval`` prints: the scores as text or JSON, and the check against minimum scores."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extract.eval.gold import TABLES
from extract.eval.matching import EvalReport, Miss, TableScore

#: Metrics a threshold may name after ``<table>.``; a bare table name means F1.
THRESHOLD_METRICS = ("precision", "recall", "f1")


def _accuracy_text(score: TableScore) -> str:
    """A table's attribute accuracies as ``qualifier 5/6 (0.833)``, ``-`` for one nothing scored; empty
    when the table has none."""
    return ", ".join(f"{attribute.name} {attribute.right}/{attribute.total} ({attribute.accuracy:.3f})"
                     if attribute.accuracy is not None else f"{attribute.name} -" for attribute in score.attributes)


def format_report(report: EvalReport, by_rule: bool = False) -> str:
    """The report as text for a terminal: scores per table, notes, every miss, and optionally per rule.

    Misses are marked FN (gold fact not found), FP (produced fact not in the
    gold) and ATTR (found, wrong qualifier/mod/type/status/direction). A rule's precision counts
    only its scored facts: those matching an optional gold entry are left out.
    """
    lines = [f"{'table':<13} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}  attribute accuracy"]
    for score in report.tables:
        lines.append(f"{score.table:<13} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                     f"{score.tp:5d} {score.fp:5d} {score.fn:5d}  {_accuracy_text(score)}".rstrip())
    if report.notes:
        lines += ["", "Notes:"] + [f"  - {note}" for note in report.notes]
    if report.misses:
        lines += ["", f"Misses ({len(report.misses)}; FN missed, FP wrongly produced, ATTR wrong attribute):"]
        lines += [f"  {_miss_text(miss)}" for miss in report.misses]
    if by_rule:
        lines += ["", f"{'rule_id':<40} {'table':<13} {'produced':>8} {'correct':>8} {'precision':>9}"]
        for rule in report.rules:
            scored = rule.correct + len(rule.false_positives)
            precision = f"{rule.correct / scored:9.3f}" if scored else f"{'-':>9}"
            lines.append(f"{rule.rule_id:<40} {rule.table:<13} {rule.produced:8d} {rule.correct:8d} {precision}")
            lines += [f"      {_miss_text(miss)}" for miss in rule.false_positives]
    return "\n".join(lines)


def _miss_text(miss: Miss) -> str:
    """One miss on one line: post, table, kind, fact, surfaces and rules."""
    kind = {"false_negative": "FN", "false_positive": "FP"}.get(miss.kind, "ATTR")
    text = f"{kind} {miss.table} {miss.article_id}: {miss.fact}"
    if miss.surfaces:
        text += " | " + " / ".join(miss.surfaces)
    if miss.rule_ids:
        text += " | rules: " + ", ".join(miss.rule_ids)
    return text


def report_as_json(report: EvalReport) -> dict:
    """The scores as a JSON-ready dict per table, for CI dashboards and comparing runs."""
    result = {}
    for score in report.tables:
        entry: dict[str, Any] = {"precision": score.precision, "recall": score.recall, "f1": score.f1,
                                 "tp": score.tp, "fp": score.fp, "fn": score.fn}
        for attribute in score.attributes:
            entry[f"{attribute.name}_accuracy"] = attribute.accuracy
        result[score.table] = entry
    return result


def check_thresholds(report: EvalReport, minimums: Mapping[str, float]) -> list[str]:
    """The scores below their minimums, as messages like ``money F1 0.910 < 0.970``.

    A minimum is keyed by a table name (meaning its F1) or ``table.metric``
    with metric precision, recall or f1; an unknown key is a ValueError, so a
    typo never passes a gate silently.
    """
    scores = {score.table: score for score in report.tables}
    failures = []
    for name, minimum in minimums.items():
        table, _, metric = name.partition(".")
        metric = metric or "f1"
        if table not in scores or metric not in THRESHOLD_METRICS:
            raise ValueError(f"unknown threshold {name!r}: use a table ({', '.join(TABLES)}) "
                             f"or table.metric ({', '.join(THRESHOLD_METRICS)})")
        actual = getattr(scores[table], metric)
        if actual < minimum:
            label = "F1" if metric == "f1" else metric
            failures.append(f"{table} {label} {actual:.3f} < {minimum:.3f}")
    return failures
