"""Report batches: the template ``notebooks/report.ipynb`` run by papermill, once per vendor
(or once for several vendors together), each run exported to HTML without its code.

- Parameters (:func:`run`'s ``parameters``, the command line's ``-p name value`` and
  ``-f params.yaml``) are checked by name against the template's ``parameters`` cell before
  anything runs; their values are checked inside each run, by the template's first cell
  (:func:`cgvlib.report.parameters.report_parameters`), so a bad value fails that run with its
  message. A YAML file may hold ``per_vendor: {teogest: {commitment_months: 12}}`` for values
  that differ from one vendor's report to the next. Dates may be dates or ``YYYY-MM-DD``
  strings.
- Each run writes ``<name>.ipynb`` (the executed notebook) and ``<name>.html`` into the output
  folder, never into ``data/`` or ``notebooks/``. Outputs that exist are not replaced unless
  ``force``: the batch refuses before running anything and lists them.
- A run is executed in a scratch folder and its files are moved into place only when it
  succeeds, so a failure never damages an earlier good report: the failed notebook is left as
  ``<name>.failed.ipynb`` (with the error under the cell that raised it), the batch goes on,
  and :class:`Batch` names the failed cell and why (or the kernel's failure).
- Each run's kernel is the Python running cgvlib (:func:`this_python_kernel`), whatever
  kernels Jupyter has registered on the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cgvlib.errors import InputError
from cgvlib.model.loader import vendor_files
from cgvlib.paths import PROJECT_ROOT
from cgvlib.report.outputs import output_folder

TEMPLATE = PROJECT_ROOT / "notebooks" / "report.ipynb"
KERNEL = "python3"
START_TIMEOUT = 120  # seconds for the kernel to start
CELL_TIMEOUT = 600  # seconds for one cell: a hung cell fails its run, not the machine
PER_VENDOR = "per_vendor"
TEMPLATE_NOTE = "template-note"  # the tag of the template's cells left out of the HTML
TOGETHER_NAME = "vendors"  # the file name of a report over several vendors together


@dataclass(frozen=True)
class Run:
    """One report to make: its file name (without suffix) and its parameters."""

    name: str
    parameters: Mapping[str, object]


@dataclass(frozen=True)
class Outcome:
    """What one run left: the executed notebook, the HTML when it succeeded, the error when
    not (``"cell 7 `report.late_payment_table()`: OutOfCoverageError: ..."``)."""

    name: str
    notebook: Path | None  # None when the kernel never ran it
    html: Path | None
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Batch:
    out: Path
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        lines = [f"{len(self.outcomes) - len(self.failed)} of {len(self.outcomes)} report(s) "
                 f"written to {self.out}/"]
        for o in self.outcomes:
            if o.ok:
                lines.append(f"  ok      {o.html}  ({o.seconds:.1f} s)")
            else:
                lines.append(f"  FAILED  {o.name}: {o.error}")
                if o.notebook:
                    lines.append(f"          the failed notebook: {o.notebook}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- parameters


def template_parameters(template: Path = TEMPLATE) -> list[str]:
    """The names the template's ``parameters`` cell defines."""
    import papermill

    return list(papermill.inspect_notebook(str(template)))


def read_parameters_file(path) -> dict:
    """A YAML file of parameters (``yaml.safe_load``): a mapping of names to values, with an
    optional ``per_vendor`` mapping of vendor id to its own values."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such parameters file") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping of parameter names to values, such as "
                         f"'lang: en', got {type(data).__name__}")
    per_vendor = data.get(PER_VENDOR, {})
    if not isinstance(per_vendor, dict) or not all(isinstance(v, dict)
                                                   for v in per_vendor.values()):
        raise InputError(f"{path}: {PER_VENDOR}: expected vendor ids mapped to parameters, "
                         "such as 'teogest: {commitment_months: 12}'")
    return data


def parse_cli_value(text: str):
    """A ``-p name value`` value read as YAML (``12`` a number, ``[a, b]`` a list, ``null``
    nothing), or the text itself when it is not YAML."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _plain(value):
    """Values as papermill writes them into the notebook: dates as ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _check_names(given: Iterable[str], valid: list[str], where: str) -> None:
    for name in given:
        if name == "vendors":
            raise InputError(f"{where}: 'vendors' is set by the batch; choose vendors with "
                             "--vendor/--all (vendors= in cgvlib.report.run)")
        if name not in valid:
            raise InputError(f"{where}: unknown parameter {name!r}; the report takes: "
                             + ", ".join(v for v in valid if v != "vendors"))


def plan(vendors=None, *, parameters: Mapping | None = None, together: bool = False,
         template: Path = TEMPLATE) -> list[Run]:
    """The runs for ``vendors`` (ids; None: every vendor in data/vendors): one per vendor, or
    one for them all when ``together``. ``parameters`` apply to every run; its ``per_vendor``
    entry adds one vendor's own values to that vendor's run."""
    known = [p.stem for p in vendor_files()]
    ids = known if vendors is None else [vendors] if isinstance(vendors, str) else list(vendors)
    if not ids:
        raise InputError("vendors: no vendor chosen; give --vendor ID or --all")
    for vendor in ids:
        if vendor not in known:
            raise InputError(f"vendor {vendor!r}: no such vendor file in data/vendors; known: "
                             + ", ".join(known))
    common = dict(parameters or {})
    per_vendor = common.pop(PER_VENDOR, None) or {}
    valid = template_parameters(template)
    _check_names(common, valid, "parameters")
    for vendor, own in per_vendor.items():
        if vendor not in ids:
            raise InputError(f"{PER_VENDOR}: {vendor!r} is not among this batch's vendors "
                             f"({', '.join(ids)})")
        _check_names(own, valid, f"{PER_VENDOR}.{vendor}")
    if together:
        if per_vendor:
            raise InputError(f"{PER_VENDOR}: a report over several vendors together has one "
                             "set of parameters; give commitment_months as {vendor: months}")
        return [Run(TOGETHER_NAME, _plain({**common, "vendors": ids}))]
    return [Run(v, _plain({**common, **per_vendor.get(v, {}), "vendors": [v]})) for v in ids]


# --------------------------------------------------------------------------- outputs


def _outputs(out: Path, name: str) -> tuple[Path, Path, Path]:
    return out / f"{name}.ipynb", out / f"{name}.html", out / f"{name}.failed.ipynb"


def _refuse_existing(out: Path, runs: list[Run]) -> None:
    existing = [str(p) for r in runs for p in _outputs(out, r.name)[:2] if p.exists()]
    if existing:
        raise InputError("these reports exist and are kept: " + ", ".join(existing)
                         + "; pass --force (force=True) to replace them, or choose another "
                         "--out folder")


def export_html(notebook, target: Path) -> None:
    """The executed notebook (a node or a file) as a standalone HTML page without code cells,
    prompts, or the template's notes to its readers (markdown cells tagged
    ``template-note``)."""
    import nbformat
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {TEMPLATE_NOTE}
    exporter = HTMLExporter(config=config, exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    if not isinstance(notebook, nbformat.NotebookNode):
        notebook = nbformat.read(notebook, as_version=4)
    body, _ = exporter.from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")


def _failure(exc) -> str:
    """Which cell failed and why, from papermill's error."""
    source = (exc.source or "").strip().splitlines()
    first = source[0] if source else ""
    shown = first if len(source) <= 1 else f"{first} …"
    why = str(exc.evalue).strip() or exc.ename
    return f"cell {exc.exec_count} `{shown}`: {exc.ename}: {why}"


def this_python_kernel() -> type:
    """A kernel manager whose kernel is the Python running cgvlib, in every case: Jupyter's
    registered ``python3`` kernel may be another Python (a ``--user`` install elsewhere on the
    machine) that has never heard of cgvlib."""
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class ThisPythonKernel(AsyncKernelManager):
        @property
        def kernel_spec(self) -> KernelSpec:
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                                    "{connection_file}"],
                              display_name="cgvlib", language="python")

    return ThisPythonKernel


def execute(run: Run, out: Path, *, template: Path = TEMPLATE) -> Outcome:
    """Run one report in a scratch folder under ``out``; move its files into place."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    notebook, page, failed = _outputs(out, run.name)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=out, prefix=".running-") as scratch:
        executed = Path(scratch) / notebook.name
        try:
            done = papermill.execute_notebook(
                str(template), str(executed), parameters=dict(run.parameters), cwd=scratch,
                kernel_name=KERNEL, kernel_manager_class=this_python_kernel(),
                progress_bar=False, start_timeout=START_TIMEOUT, execution_timeout=CELL_TIMEOUT)
            export_html(done, Path(scratch) / page.name)
        except Exception as exc:  # the run failed: keep its notebook, go on with the batch
            # a cell raised (PapermillExecutionError), the kernel died or timed out, or the
            # HTML export failed
            why = _failure(exc) if isinstance(exc, PapermillExecutionError) else (
                f"{type(exc).__name__}: {str(exc).strip().splitlines()[0]}")
            kept = None
            if executed.exists():
                kept = failed
                os.replace(executed, failed)
            return Outcome(run.name, kept, None, why, time.perf_counter() - started)
        os.replace(executed, notebook)
        os.replace(Path(scratch) / page.name, page)
    failed.unlink(missing_ok=True)  # an earlier failure of this report is now out of date
    return Outcome(run.name, notebook, page, None, time.perf_counter() - started)


def run(vendors=None, *, out="reports", parameters: Mapping | None = None,
        together: bool = False, force: bool = False, progress: bool = True,
        template: Path = TEMPLATE) -> Batch:
    """Make the report for each of ``vendors`` (None: all of them) into the folder ``out``.

    Returns the :class:`Batch`; ``batch.ok`` is False when a run failed (the others still
    ran), ``batch.summary()`` says where each report landed or why it failed."""
    from tqdm.auto import tqdm

    runs = plan(vendors, parameters=parameters, together=together, template=template)
    folder = output_folder(out)
    if not force:
        _refuse_existing(folder, runs)
    batch = Batch(folder)
    bar = tqdm(runs, desc="reports", unit="report", disable=not progress)
    for one in bar:
        bar.set_postfix_str(one.name)
        batch.outcomes.append(execute(one, folder, template=template))
    return batch
