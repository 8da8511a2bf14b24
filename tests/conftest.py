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
