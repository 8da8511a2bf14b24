"""notebooks/explore.ipynb runs top to bottom on a fresh output of the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, run_extract

NOTEBOOK = REPO / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def corpus_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus extracted by the real command, rules only (fast)."""
    output = tmp_path_factory.mktemp("notebook") / "out"
    run_extract("run", str(REPO / "corpus"), "--output", str(output), "--no-ner", "--quiet")
    return output


def test_the_notebook_runs_on_the_corpus_output(corpus_output: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    monkeypatch.setenv("EXTRACT_OUTPUT", str(corpus_output))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, with the failing cell, on any error

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(images) >= 4, "top companies, amounts, chips and the network are each a chart"
    tables = [output for output in outputs if "text/html" in output.get("data", {})]
    assert len(tables) >= 5


def test_the_notebook_is_stored_without_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
