"""Shared test fixtures: where things are, and running the real ``extract`` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.models import Sentence

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL_POSTS = SHARED / "eval" / "posts"
EVAL_GOLD = SHARED / "eval" / "gold.jsonl"
RULES = REPO / "rules"


def sentence_of(text: str) -> Sentence:
    """``text`` as a post body of one sentence: sentence 0, starting at offset 0, so that the body
    offsets a finder returns index into ``text`` itself."""
    return Sentence(sentence_id=0, start=0, end=len(text), text=text)


def run_extract(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the installed ``extract`` console script in a real process."""
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "extract"), *args],
        capture_output=True, text=True, cwd=REPO,
    )
    if check and completed.returncode != 0:
        raise AssertionError(f"extract {' '.join(args)} failed ({completed.returncode}):\n{completed.stderr}")
    return completed


@pytest.fixture(scope="session")
def eval_posts() -> Path:
    """The shared evaluation posts (../shared beside the repository, as in CI)."""
    if not EVAL_POSTS.is_dir():
        pytest.skip(f"{EVAL_POSTS} not found: the shared evaluation data must sit beside the repository")
    return EVAL_POSTS


@pytest.fixture(scope="session")
def eval_output(eval_posts: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The shipped rules and model run once over the evaluation posts: (output folder, stderr)."""
    output = tmp_path_factory.mktemp("eval") / "out"
    completed = run_extract("run", str(eval_posts), "--output", str(output), "--rules", str(RULES))
    return output, completed.stderr


def rule_problems(kind: str, data: dict) -> list[str]:
    """The problems of ``data`` written as a rule file of ``kind`` (``money``, ``dates`` ...), checked
    against its schema the way every run checks it: each as ``line: [rule id] message``."""
    import yaml

    from extract.rules.problems import FileProblems, RuleProblem
    from extract.rules.schema import SPECS
    from extract.rules.validation import validated
    from extract.rules.yaml_lines import parse_rule_yaml

    sink: list[RuleProblem] = []
    problems = FileProblems(f"{kind}.yaml", sink)
    parsed = parse_rule_yaml(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), problems)
    if parsed is not None:
        validated(SPECS[kind], parsed, problems)
    return [str(problem) for problem in sink]
