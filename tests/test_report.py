"""extract report: one self-contained HTML page that a headless browser renders without errors."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from extract import load
from extract.report import circle_layout, partnership_graph_svg

from conftest import REPO, run_extract

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def corpus_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus extracted by the real command, rules only (fast)."""
    output = tmp_path_factory.mktemp("report") / "out"
    run_extract("run", str(REPO / "corpus"), "--output", str(output), "--no-ner", "--quiet")
    return output


@pytest.fixture(scope="module")
def report(corpus_output: Path) -> Path:
    """The report of the corpus output, written by the real ``extract report`` command."""
    path = corpus_output.parent / "report.html"
    completed = run_extract("report", str(corpus_output), "-o", str(path))
    assert "wrote" in completed.stderr
    return path


def run_chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium on ``page`` with a fresh profile, console messages logged to stderr."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install -y chromium; .ci/run does it)")
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
         "--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--allow-file-access-from-files",
         *args, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )


def test_the_page_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:)?//""", page), "the page must not fetch anything"
    assert "@import" not in page and "url(http" not in page
    for heading in ("Mentions per company", "Amounts on a timeline", "Chips by vendor", "Partnership network",
                    "Evidence"):
        assert heading in page
    assert page.count('src="data:image/svg+xml;base64,') == 3
    assert "<svg" in page  # the partnership graph, inline


def test_evidence_shows_each_fact_with_sentence_and_post(report: Path, corpus_output: Path) -> None:
    page = report.read_text(encoding="utf-8")
    tables = load(corpus_output)
    assert page.count('<tr data-table="money">') == len(tables.money)
    money = tables.mentions("money").iloc[0]
    assert f"<mark>{money['surface']}</mark>" in page
    assert money["title"] in page


def test_headless_chromium_renders_a_non_blank_page(report: Path, tmp_path: Path) -> None:
    from PIL import Image

    screenshot = tmp_path / "report.png"
    run_chromium(report, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1200,1600")
    with Image.open(screenshot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50, "the screenshot is blank (one colour or nearly)"


def test_the_page_logs_no_javascript_errors(report: Path, tmp_path: Path) -> None:
    completed = run_chromium(report, tmp_path / "profile", "--dump-dom", "--virtual-time-budget=3000")
    dom = completed.stdout
    assert 'data-ready="yes"' in dom, "the page script did not run to its end"
    assert re.search(r'<ul id="js-errors" hidden=""></ul>', dom), "window.onerror caught an error"
    console_errors = [line for line in completed.stderr.splitlines()
                      if "CONSOLE" in line and ("Uncaught" in line or "Error" in line)]
    assert console_errors == []


def test_report_of_an_empty_output_says_so(tmp_path: Path) -> None:
    empty_corpus = tmp_path / "corpus"
    empty_corpus.mkdir()
    output = tmp_path / "out"
    run_extract("run", str(empty_corpus), "--output", str(output), "--no-ner", "--quiet")
    run_extract("report", str(output), "-o", str(tmp_path / "report.html"))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "no company mentions" in page and "no partnerships" in page


def test_report_of_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    completed = run_extract("report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "r.html"), check=False)
    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        f"Error: output folder not found: {tmp_path / 'nowhere'} (run `make extract` or `extract run` first)"]


def test_circle_layout_spreads_nodes_evenly() -> None:
    positions = circle_layout(["a", "b", "c", "d"], 10.0, (0.0, 0.0))
    assert positions["a"] == pytest.approx((0.0, -10.0))
    assert positions["b"] == pytest.approx((10.0, 0.0))
    assert positions["c"] == pytest.approx((0.0, 10.0))


def test_partnership_graph_draws_each_edge_and_escapes_names() -> None:
    network = pd.DataFrame({"source_id": ["a", "b"], "source": ["A&Co", "B"], "target_id": ["b", "c"],
                            "target": ["B", "<C>"], "type": ["partnership", "investment"],
                            "mentions": [2, 1], "articles": [1, 1], "money_value_usd": [None, 5e6]})
    svg = partnership_graph_svg(network)
    assert svg.count("<line ") == 2 and svg.count("<circle ") == 3
    assert "A&amp;Co" in svg and "&lt;C&gt;" in svg and "<C>" not in svg
    assert svg.count('marker-end="url(#invests)"') == 1
