"""Every notebook is stored without outputs, has a cell tagged ``parameters``, and runs headless
through papermill twice: with its defaults and with a second set of parameters stored in the
notebook's own metadata (``metadata.cgvlib.test_parameters``). Executed copies go to a
temporary folder, never to notebooks/."""

from __future__ import annotations

import json
import pathlib

import pytest

from tests.conftest import ROOT
from tests.notebooks.test_french_outputs import english_in_outputs

NOTEBOOKS = ROOT / "notebooks"
ALL = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def rel(path) -> str:
    return path.relative_to(NOTEBOOKS).as_posix()


def second_parameters(path) -> dict:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return nb["metadata"].get("cgvlib", {}).get("test_parameters")


@pytest.mark.parametrize("path", ALL, ids=rel)
def test_has_a_second_parameter_set(path):
    assert second_parameters(path), (
        f"{rel(path)}: set metadata.cgvlib.test_parameters to a second set of parameters"
    )


@pytest.mark.parametrize("path", ALL, ids=rel)
def test_stored_without_outputs_and_with_a_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    with_outputs = [i for i, c in enumerate(nb["cells"]) if c.get("outputs")]
    counted = [i for i, c in enumerate(nb["cells"]) if c.get("execution_count")]
    assert not with_outputs and not counted, (
        f"{rel(path)}: cells {with_outputs or counted} carry outputs; clear them before "
        "committing (Kernel > Restart and clear outputs, or `make strip`)"
    )
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{rel(path)}: exactly one cell must be tagged 'parameters'"
    assert nb["cells"][0]["cell_type"] == "markdown", "open with the question it answers"


@pytest.mark.parametrize("which", ["defaults", "second"])
@pytest.mark.parametrize("path", ALL, ids=rel)
def test_runs_headless_through_papermill(path, which, tmp_path):
    papermill = pytest.importorskip("papermill")
    parameters = {} if which == "defaults" else {
        # "{tmp}" in a value: this test's own temporary folder (where exports may be written)
        name: value.replace("{tmp}", str(tmp_path)) if isinstance(value, str) else value
        for name, value in second_parameters(path).items()
    }
    papermill.execute_notebook(
        str(path), str(tmp_path / path.name), parameters=parameters, cwd=str(path.parent),
        kernel_name="python3", progress_bar=False, execution_timeout=300, start_timeout=120,
    )
    for name, value in parameters.items():
        if isinstance(value, str) and value.startswith(str(tmp_path)):
            assert pathlib.Path(value).stat().st_size > 0, f"{rel(path)}: {name} not written"
    if which == "defaults" and rel(path).startswith("teaching/fr/"):  # a French lesson
        executed = json.loads((tmp_path / path.name).read_text(encoding="utf-8"))
        english = english_in_outputs(executed)
        assert not english, f"{rel(path)}: English in the outputs:\n" + "\n".join(english)
