"""Scoring an output folder against gold facts, as the extraction spec's Scoring section says.

The pipeline is only as good as this number: rule authors change a rule, run
``extract eval`` and see which table moved, which facts were missed or wrongly
produced, and which rule produced them. Scoring is per post over distinct
facts (an entity, an amount, a time value, a pair of companies), then
micro-averaged over posts into precision, recall and F1 per table, with the
accuracy of the one attribute each table carries (money qualifier, date mod,
partnership type).

The work is split in three modules, each importing only the ones before it:
``gold`` reads and checks the gold file, ``matching`` turns gold and output
into facts, matches them and scores them, and ``report`` formats the scores
as text or JSON and checks them against minimums. This package re-exports
their public names, so callers import from ``extract.eval``.
"""

from extract.eval.gold import TABLES, EvalError, load_gold
from extract.eval.matching import (
    ATTRIBUTES,
    AttributeScore,
    NO_RULE,
    RELATIVE_TOLERANCE,
    EvalReport,
    Miss,
    RuleScore,
    TableScore,
    maximum_matching,
    score_output,
)
from extract.eval.report import THRESHOLD_METRICS, check_thresholds, format_report, report_as_json

__all__ = [
    "ATTRIBUTES",
    "AttributeScore",
    "NO_RULE",
    "RELATIVE_TOLERANCE",
    "TABLES",
    "THRESHOLD_METRICS",
    "EvalError",
    "EvalReport",
    "Miss",
    "RuleScore",
    "TableScore",
    "check_thresholds",
    "format_report",
    "load_gold",
    "maximum_matching",
    "report_as_json",
    "score_output",
]
