"""Report batches: the template ``notebooks/report.ipynb`` run by papermill, once per vendor
(or once for several vendors together), each run exported to HTML without its code.

- Parameters (:func:`run`'s ``parameters``, the command line's ``-p name value`` and
  ``-f params.yaml``) are checked by name against the template's ``parameters`` cell before
  anything runs; their values are checked inside each run, by the template's first cell
  (:func:`cgvlib.report.parameters.report_parameters`), so a bad value fails that run with its
  message. A YAML file may hold ``per_vendor: {teogest: {commitment_months: 12}}`` for values
  that differ from one vendor's report to the next. Dates and amounts may be typed as text,
  the French way or the ISO way (``15/03/2024``, ``15 mars 2024``, ``10 000,50``): they are
  read before anything runs (:mod:`cgvlib.report.typed_parameters`).
- Each run writes ``<name>.ipynb`` (the executed notebook) and ``<name>.html`` into the output
  folder (``<name>.en.html`` in English: :attr:`Run.file_stem`), never into ``data/`` or
  ``notebooks/``. Outputs that exist are not replaced unless ``force``: the batch refuses
  before running anything and lists them.
- Every file is written through the output guard (:mod:`cgvlib.output`): never into
  ``data/``, ``notebooks/`` or over an input, atomically. One batch at a time writes into a
  folder: it holds ``.cgvlib-report.lock`` there while it runs (a second batch aimed at the
  same folder stops with a message; a lock left by a process that no longer runs is taken
  over, and its scratch folders removed).
- A run is executed in a scratch folder and its files are moved into place only when it
  succeeds, so a failure never damages an earlier good report: the failed notebook is left as
  ``<name>.failed.ipynb`` (with the error under the cell that raised it), the batch goes on,
  and :class:`Batch` names the failed cell and why (or the kernel's failure).
- Each run's kernel is the Python running cgvlib (:func:`this_python_kernel`), whatever
  kernels Jupyter has registered on the machine.
- Several reports run at once, at most :data:`WORKERS` (one per core), each worker keeping its
  kernel warm from one run to the next (:class:`_Worker`): the kernel's start-up and the
  template's imports are paid once per worker, not once per report. A kernel is reused only
  after a run that succeeded over built-in vendors; after a failure, or a run that added an
  analyst's own vendor to its session, the next run gets a fresh kernel. Outcomes keep the
  order of the runs; the progress bar counts finished reports and names those running. The
  first kernel is started as the batch begins (:class:`_KernelAhead`), and every report kernel
  loads the template's modules as it starts (:mod:`cgvlib.report.kernel`), while the batch
  gets ready. Ctrl-C
  or SIGTERM stops every kernel at once, waits for the workers to clean their scratch folders,
  and keeps no failed notebook of a run it stopped. The HTML exporter is built once per
  process, in the background while the first kernel starts (:func:`export_html`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import difflib
import functools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cgvlib import strict_yaml
from cgvlib.errors import InputError, YamlError, YamlSyntaxError
from cgvlib.model.loader import is_vendor_path, own_vendor, unknown_vendor, vendor_files
from cgvlib.model.vendor import Vendor
from cgvlib.output import (
    folder_lock,
    move_into_place,
    output_folder,
    remove_output,
    remove_scratch_folders,
    scratch_folder,
    write_text,
)
from cgvlib.paths import PROJECT_ROOT
from cgvlib.report.typed_parameters import typed_value, typed_values


def _leave_out_iri_format_checker() -> None:
    """Before nbformat (papermill, nbconvert) is first imported: leave out jsonschema's
    optional ``iri`` format checker, whose grammar (``rfc3987_syntax``) takes about two
    seconds to build when imported, once per command. Notebooks' schemas use no such format
    and nbformat checks none; a None entry in ``sys.modules`` makes that optional import
    fail, as jsonschema expects when it is not installed."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


_leave_out_iri_format_checker()

TEMPLATE = PROJECT_ROOT / "notebooks" / "report.ipynb"
KERNEL = "python3"
START_TIMEOUT = 120  # seconds for the kernel to start
CELL_TIMEOUT = 600  # seconds for one cell: a hung cell fails its run, not the machine
PER_VENDOR = "per_vendor"
TEMPLATE_NOTE = "template-note"  # the tag of the template's cells left out of the HTML
TOGETHER_NAME = "vendors"  # the file name of a report over several vendors together
DEFAULT_LANG = "fr"  # the template's default language: its reports' files carry no language
WORKERS = 2  # reports run at once at most (one kernel each), and never more than the cores
WARM_ENGINE = "cgvlib-warm-kernel"  # the papermill engine running a notebook on a given kernel
SAVE_EVERY = 1.0  # seconds between two saves of a running notebook in its scratch folder
REPORT_KERNEL = "cgvlib.report.kernel"  # the module the reports' kernels run


@dataclass(frozen=True)
class Run:
    """One report to make: its name (a vendor id, or ``vendors``) and its parameters."""

    name: str
    parameters: Mapping[str, object]

    @property
    def file_stem(self) -> str:
        """Its files' name without suffix: the name for a French report (the default,
        ``teogest.html``), with the language for another (``teogest.en.html``), so that French
        and English reports written into one folder never share a file."""
        lang = self.parameters.get("lang", DEFAULT_LANG)
        return self.name if lang == DEFAULT_LANG else f"{self.name}.{lang}"


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


PARAMETERS_FILE_HINT = "-f takes a YAML file of parameters, such as scenario.yaml"


def read_parameters_file(path, *, template: Path = TEMPLATE) -> dict:
    """A YAML file of parameters, read strictly (:mod:`cgvlib.strict_yaml`: no duplicate key,
    no ``010``, ``1:30`` or ``yes`` unquoted, UTF-8, at most 1 MB): a mapping of names to
    values, with an optional ``per_vendor`` mapping of vendor id to its own values. A folder or
    a missing file is refused in one line, and so is a name the template does not declare
    (with its line, the closest valid name and the list of them). Dates and amounts typed as
    text are read now (:func:`~cgvlib.report.typed_parameters.typed_value`), a bad one refused
    with its line."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a parameters file; {PARAMETERS_FILE_HINT}")
    if not path.exists():
        raise InputError(f"{path}: no such parameters file; {PARAMETERS_FILE_HINT}")
    data, node = strict_yaml.parse_file(path, "parameters file")
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
    valid = template_parameters(template)
    top = _key_lines(node)
    for name in data:
        if name != PER_VENDOR:
            _check_names([name], valid, _at(path, top, name), also=(PER_VENDOR,))
    vendors = _key_lines(top.get(PER_VENDOR, (None, None))[1])
    for vendor, own in per_vendor.items():
        keys = _key_lines(vendors.get(str(vendor), (None, None))[1])
        for name in own:
            _check_names([name], valid, f"{_at(path, keys, name)}, {PER_VENDOR}.{vendor}")
        per_vendor[vendor] = typed_values(
            own, lambda n, k=keys, v=vendor: f"{_at(path, k, n)}, {PER_VENDOR}.{v}.{n}", template)
    # dates and amounts typed as text (15/03/2024, 10 000,50) are read now, naming their line
    return {name: value if name == PER_VENDOR else
            typed_value(name, value, f"{_at(path, top, name)}, {name}", template)
            for name, value in data.items()}


def _key_lines(node) -> dict[str, tuple[int, object]]:
    """A YAML mapping node's keys (as written) to their line and their value's node."""
    pairs = getattr(node, "value", None)
    if not isinstance(pairs, list):
        return {}
    return {k.value: (k.start_mark.line + 1, v) for k, v in pairs if hasattr(k, "start_mark")}


def _at(path: Path, keys: dict, name) -> str:
    line = keys.get(str(name), (None, None))[0]
    return f"{path}, line {line}" if line else str(path)


def parse_cli_value(text: str, name: str | None = None, *, template: Path = TEMPLATE):
    """A ``-p name value`` value read as strict YAML (``12`` a number, ``[a, b]`` a list,
    ``null`` nothing), or the text itself when it is not YAML at all. A YAML 1.1 trap (``010``,
    ``1:30``, ``yes``), a duplicate key, an alias or an impossible date is refused, naming the
    option (``-p due``). The text of a date or an amount parameter is read as people type it
    (``-p due 15/03/2024``, ``-p invoice_amount '10 000,50'``:
    :mod:`cgvlib.report.typed_parameters`)."""
    source = f"-p {name}" if name else "-p"
    try:
        value = strict_yaml.load(text, source)
    except YamlSyntaxError:
        value = text
    except YamlError as exc:
        key = exc.key if "\n" not in text.strip() else exc.where  # one line: no line number
        scalar = text.strip()  # the whole value: show the shell's quoting too
        problem = exc.problem.replace(f'quote it ("{scalar}")',
                                      f"""quote it (-p {name or 'NAME'} '"{scalar}"')""")
        raise YamlError(source, problem, key=key) from None
    return value if name is None else typed_value(name, value, source, template)


def _plain(value):
    """Values as papermill writes them into the notebook: dates as ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _closest(name: str, names: list[str]) -> list[str]:
    """The valid name closest to ``name`` (difflib), else those with a word close to it
    (``amout``: ``invoice_amount`` or ``monthly_amount``)."""
    close = difflib.get_close_matches(name, names, n=1)
    if close:
        return close
    words = {w: [n for n in names if w in n.split("_")] for n in names for w in n.split("_")}
    word = difflib.get_close_matches(name, list(words), n=1, cutoff=0.75)
    return words[word[0]][:2] if word else []


def _check_names(given: Iterable[str], valid: list[str], where: str,
                 also: tuple[str, ...] = ()) -> None:
    """Refuse a name the template's ``parameters`` cell does not declare (papermill would only
    warn, and the run would ignore it), with the closest valid name and the list of them."""
    for name in given:
        if name == "vendors":
            raise InputError(f"{where}: 'vendors' is set by the batch; choose vendors with "
                             "--vendor/--all (vendors= in cgvlib.report.run)")
        if name not in valid and name not in also:
            names = [v for v in valid if v != "vendors"] + list(also)
            close = _closest(str(name), names)
            hint = f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
            raise InputError(f"{where}: unknown parameter {name!r}{hint}; the report takes: "
                             + ", ".join(names))


def plan(vendors=None, *, parameters: Mapping | None = None, together: bool = False,
         template: Path = TEMPLATE) -> list[Run]:
    """The runs for ``vendors`` (ids, paths of an analyst's own vendor files, or loaded
    :class:`~cgvlib.model.vendor.Vendor` objects; None: every vendor in data/vendors): one per
    vendor, named after its id, or one for them all when ``together``. ``parameters`` apply to
    every run; its ``per_vendor`` entry adds one vendor's own values to that vendor's run."""
    refs = _report_vendors(vendors)
    ids = list(refs)
    common = dict(parameters or {})
    per_vendor = common.pop(PER_VENDOR, None) or {}
    valid = template_parameters(template)
    _check_names(common, valid, "parameters", also=(PER_VENDOR,))
    for vendor, own in per_vendor.items():
        if vendor not in ids:
            raise InputError(f"{PER_VENDOR}: {vendor!r} is not among this batch's vendors "
                             f"({', '.join(ids)})")
        _check_names(own, valid, f"{PER_VENDOR}.{vendor}")
    if together:
        if per_vendor:
            raise InputError(f"{PER_VENDOR}: a report over several vendors together has one "
                             "set of parameters; give commitment_months as {vendor: months}")
        return [Run(TOGETHER_NAME, _plain({**common, "vendors": list(refs.values())}))]
    return [Run(v, _plain({**common, **per_vendor.get(v, {}), "vendors": [refs[v]]}))
            for v in ids]


def _report_vendors(vendors) -> dict[str, str]:
    """Each chosen vendor's id and how the report's kernel finds it: a built-in vendor by its
    id, an analyst's own vendor by its file's absolute path (added with
    :func:`~cgvlib.model.loader.own_vendor`, which refuses an id or name of a built-in)."""
    known = [p.stem for p in vendor_files()]
    chosen = known if vendors is None else (
        [vendors] if isinstance(vendors, str | Path | Vendor) else list(vendors))
    if not chosen:
        raise InputError("vendors: no vendor chosen; give --vendor ID, --file my_vendor.yaml "
                         "or --all")
    refs: dict[str, str] = {}
    for ref in chosen:
        if isinstance(ref, str) and not is_vendor_path(ref):
            if ref not in known:
                raise unknown_vendor(ref, known)
            refs[ref] = ref
            continue
        own = own_vendor(ref)
        if own.origin is None:
            raise InputError(f"vendors: {own.id} was built in memory; a report reads its "
                             "vendor from a file: save it as a YAML file and give its path")
        refs[own.id] = own.id if own.id in known else str(Path(own.origin).resolve())
    return refs


# --------------------------------------------------------------------------- outputs


def _outputs(out: Path, name: str) -> tuple[Path, Path, Path]:
    return out / f"{name}.ipynb", out / f"{name}.html", out / f"{name}.failed.ipynb"


def _refuse_existing(out: Path, runs: list[Run]) -> None:
    existing = [str(p) for r in runs for p in _outputs(out, r.file_stem)[:2] if p.exists()]
    if existing:
        raise InputError("these reports exist and are kept: " + ", ".join(existing)
                         + "; pass --force (force=True) to replace them, or choose another "
                         "--out folder")


_EXPORTING = threading.Lock()  # one export at a time through the one exporter


@functools.cache
def _html_exporter():
    """The HTML exporter of every report of this process, built once (nbconvert, its
    templates, mistune and pygments load in about a second) and reused."""
    import nbformat
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {TEMPLATE_NOTE}
    exporter = HTMLExporter(config=config, exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    # one page exported now loads the templates, the markdown and highlighting libraries
    exporter.from_notebook_node(nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("*warm*"), nbformat.v4.new_code_cell("1")]))
    return exporter


def _prepare_exporter() -> None:
    """Build the exporter in the background while the first kernel starts: the reports'
    kernels run in their own processes, so the export is ready by the time the first one
    ends. Its failure is left to the export, which will say why."""
    def build() -> None:
        with contextlib.suppress(Exception), _EXPORTING:
            _html_exporter()

    threading.Thread(target=build, name="cgvlib-html-exporter", daemon=True).start()


def export_html(notebook, target: Path, *, force: bool = False) -> Path:
    """The executed notebook (a node or a file) as a standalone HTML page without code cells,
    prompts, or the template's notes to its readers (markdown cells tagged
    ``template-note``), written through the output guard (:mod:`cgvlib.output`). The
    exporter is built once per process (:func:`_html_exporter`)."""
    import nbformat

    if not isinstance(notebook, nbformat.NotebookNode):
        notebook = nbformat.read(notebook, as_version=4)
    with _EXPORTING:
        body, _ = _html_exporter().from_notebook_node(notebook)
    return write_text(target, body, force=force)


def _failure(exc) -> str:
    """Which cell failed and why, from papermill's error."""
    source = (exc.source or "").strip().splitlines()
    first = source[0] if source else ""
    shown = first if len(source) <= 1 else f"{first} …"
    why = str(exc.evalue).strip() or exc.ename
    return f"cell {exc.exec_count} `{shown}`: {exc.ename}: {why}"


def this_python_kernel(launcher: str = "ipykernel_launcher") -> type:
    """A kernel manager whose kernel is the Python running cgvlib, in every case: Jupyter's
    registered ``python3`` kernel may be another Python (a ``--user`` install elsewhere on the
    machine) that has never heard of cgvlib. ``launcher`` is the module it runs: the reports
    use :data:`REPORT_KERNEL` (:mod:`cgvlib.report.kernel`), ipykernel with the reports'
    modules loaded while the batch gets ready. Its client waits on the kernel's messages in
    slices (:mod:`cgvlib.report.channels`), so that several runs at once never wait out a
    missed wake-up."""
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    from cgvlib.report.channels import SlicedClient

    class ThisPythonKernel(AsyncKernelManager):
        @default("client_factory")
        def _sliced_client(self) -> type:
            return SlicedClient

        @property
        def kernel_spec(self) -> KernelSpec:
            return KernelSpec(argv=[sys.executable, "-m", launcher, "-f",
                                    "{connection_file}"],
                              display_name="cgvlib", language="python")

        async def _async_launch_kernel(self, kernel_cmd, **kw) -> None:
            _KERNELS.append(self)  # known before it starts, to be stopped on Ctrl-C/SIGTERM
            # The cells' output reaches the notebook through the kernel's messages; the
            # process's own stderr holds only its logs, and, for a kernel still starting when
            # Ctrl-C stopped the run, the traceback of a start that lost its scratch folder:
            # neither belongs on the terminal after the one-line message.
            kw.setdefault("stderr", subprocess.DEVNULL)
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return ThisPythonKernel


_KERNELS: list = []  # the kernel managers of the runs in progress
_STOPPING = threading.Event()  # set on Ctrl-C/SIGTERM: a run it stopped keeps nothing
_LOCAL = threading.local()  # the worker of this thread (its warm kernel)


class _Stopped(BaseException):
    """A run in a worker thread that the batch's Ctrl-C or SIGTERM stopped: the worker ends,
    keeping nothing of it. A BaseException, so that it is never counted as a failed run."""


@contextlib.contextmanager
def _kernel_stopped_on_signals():
    """On Ctrl-C or SIGTERM, kill the run's kernel at once, then let the signal's own handler
    act (KeyboardInterrupt; the command line's SIGTERM handler; SystemExit(143) when SIGTERM
    has none): papermill's polite shutdown would first interrupt the busy kernel, which then
    prints an error on the terminal. If papermill turns the signal's exception into an error
    of its own (the kernel died), the signal is delivered again on the way out, so that the
    batch stops instead of counting a failed run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict = {}
    received: list[int] = []

    def deliver(signum, frame):
        before = previous[signum]
        if callable(before):
            return before(signum, frame)
        raise SystemExit(128 + signum)  # the default action of SIGTERM, with clean-up

    def handler(signum, frame):
        received.append(signum)
        _stop_kernels()
        return deliver(signum, frame)

    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) != signal.SIG_IGN:  # an ignored signal stays ignored
            previous[signum] = signal.signal(signum, handler)
    try:
        yield
    except BaseException as exc:
        if received and _interruption(exc) is None:
            deliver(received[0], None)
        raise
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before if before is not None else signal.SIG_DFL)
    if received:
        deliver(received[0], None)


def _interruption(exc: BaseException) -> BaseException | None:
    """The Ctrl-C or SIGTERM (a BaseException that is not an Exception, other than asyncio's
    task cancellations) behind ``exc``, also when an error raised while papermill cleaned up
    took its place."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if not isinstance(exc, Exception | asyncio.CancelledError | GeneratorExit):
            return exc
        seen.add(id(exc))
        exc = exc.__context__
    return None


def _stop_kernels() -> None:
    """Kill the runs' kernels and remove their connection files: on Ctrl-C or SIGTERM the
    kernel would otherwise outlive the run (and complain once its scratch folder is gone).
    The workers are told first, so that a run whose kernel dies now keeps nothing."""
    _STOPPING.set()
    while _KERNELS:
        _kill(_KERNELS.pop())


def _kill(manager) -> None:
    """Kill one kernel's process at once and remove its connection file."""
    process = getattr(manager.provisioner, "process", None)
    with contextlib.suppress(Exception):
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    with contextlib.suppress(Exception):
        manager.cleanup_connection_file()


@functools.cache
def warm_engine() -> str:
    """Register (once) the papermill engine that runs a notebook on the kernel it is given
    (``km``) and leaves that kernel running for the next notebook, closing only its own
    connection to it; returns the engine's name."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class WarmKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     stdout_file=None, stderr_file=None, start_timeout=60,
                                     execution_timeout=None, km=None, **kwargs):
            client = PapermillNotebookClient(
                nb_man, km=km, kernel_name=kernel_name, timeout=execution_timeout,
                startup_timeout=start_timeout, log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file)
            save = nb_man.save
            nb_man.save = _at_most_every(SAVE_EVERY, save)
            try:
                return client.execute()
            finally:
                nb_man.save = save  # the end of the run and its error are always saved
                if client.kc is not None:
                    client.kc.stop_channels()

    papermill_engines.register(WARM_ENGINE, WarmKernelEngine)
    return WARM_ENGINE


def _at_most_every(seconds: float, save: Callable[..., None]) -> Callable[..., None]:
    """``save``, skipped when the last one is less than ``seconds`` old: papermill saves the
    notebook before and after every cell (about fifty times a report, each write validated,
    the kernel waiting meanwhile); the scratch notebook still shows the run's progress."""
    last = [-seconds]

    def throttled(**kwargs) -> None:
        now = time.monotonic()
        if now - last[0] >= seconds:
            last[0] = now
            save(**kwargs)

    return throttled


class _Worker:
    """Runs reports one after the other in its thread, on one kernel kept warm: the kernel's
    start-up and the template's imports are paid by the first run only."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd  # the kernels' working folder (the reports read no relative path)
        self.manager = None

    def kernel(self):
        """The warm kernel, started when there is none."""
        from jupyter_core.utils import run_sync

        if self.manager is None:
            if _STOPPING.is_set():
                raise _Stopped
            self.manager = this_python_kernel(REPORT_KERNEL)()
            run_sync(self.manager.start_kernel)(cwd=str(self.cwd))
        if _STOPPING.is_set():  # stopped while it started: it was not yet known to stop
            self.close()
            raise _Stopped
        return self.manager

    def done(self, one: Run) -> None:
        """After a run that succeeded: its kernel stays warm unless the run added an
        analyst's own vendor to the kernel's session (the next run gets a fresh kernel)."""
        if not _builtin_only(one):
            self.close()

    def close(self) -> None:
        """Shut the kernel down (at once: its runs are over)."""
        from jupyter_core.utils import run_sync

        manager, self.manager = self.manager, None
        if manager is None:
            return
        with contextlib.suppress(ValueError):
            _KERNELS.remove(manager)
        try:
            run_sync(manager.shutdown_kernel)(now=True)
        except Exception:
            _kill(manager)


class _KernelAhead:
    """A report kernel started at the very beginning of a batch, in a thread of its own, so
    that it loads (:mod:`cgvlib.report.kernel`) while the batch plans its runs, loads
    papermill and builds its HTML exporter: the first worker takes it (:meth:`take`), a batch
    that stops before running anything shuts it down (:meth:`discard`). Its working folder is
    the output folder when it exists already, else the nearest folder above it that does (the
    reports read no relative path). A start that fails leaves the worker to start its own."""

    def __init__(self, out) -> None:
        # jupyter_client imported here, before the thread: the batch's papermill imports it
        # too, and two threads importing its circular modules at once may fail
        import jupyter_client.manager  # noqa: F401

        self.manager = None
        folder = Path(out).expanduser().absolute() if isinstance(out, str | Path) else Path()
        cwd = next((f for f in (folder, *folder.parents) if f.is_dir()), Path.cwd())
        self._thread = threading.Thread(target=self._start, args=(cwd,), daemon=True,
                                        name="cgvlib-kernel-ahead")
        self._thread.start()

    def _start(self, cwd: Path) -> None:
        worker = _Worker(cwd)
        try:
            self.manager = worker.kernel()
        except BaseException:
            worker.close()

    def take(self):
        """The kernel started ahead, once (None after a failed start)."""
        self._thread.join()
        manager, self.manager = self.manager, None
        return manager

    def discard(self) -> None:
        """Shut the kernel started ahead down, unless a worker took it."""
        worker = _Worker(Path.cwd())
        worker.manager = self.take()
        worker.close()


@contextlib.contextmanager
def _worker(cwd: Path, ahead: _KernelAhead | None = None):
    """This thread's worker for the duration, with the kernel started ``ahead`` when given;
    its kernel shut down at the end."""
    worker = _LOCAL.worker = _Worker(cwd)
    if ahead is not None:
        worker.manager = ahead.take()
    try:
        yield worker
    finally:
        _LOCAL.worker = None
        worker.close()


def _builtin_only(one: Run) -> bool:
    """The run's vendors are all built in (an analyst's own vendor is given by its path)."""
    return not any(is_vendor_path(v) for v in one.parameters.get("vendors", []))


def execute(run: Run, out: Path, *, template: Path = TEMPLATE, force: bool = False) -> Outcome:
    """Run one report in a scratch folder ``.running-*`` under ``out`` (removed at the end,
    even on Ctrl-C or SIGTERM); move its files into place through the output guard, replacing
    earlier ones only when ``force``. A failed run's notebook replaces an earlier
    ``<name>.failed.ipynb``. The run uses this thread's worker's warm kernel (:func:`run`),
    or a kernel of its own when called alone."""
    worker = getattr(_LOCAL, "worker", None)
    if worker is None:  # called on its own: a worker, and a kernel, for this one run
        with _worker(out):
            return execute(run, out, template=template, force=force)
    import papermill
    from papermill.exceptions import PapermillExecutionError

    notebook, page, failed = _outputs(out, run.file_stem)
    started = time.perf_counter()
    with scratch_folder(out) as scratch:
        executed = scratch / notebook.name
        try:
            with _kernel_stopped_on_signals():
                done = papermill.execute_notebook(
                    str(template), str(executed), parameters=dict(run.parameters),
                    engine_name=warm_engine(), km=worker.kernel(), kernel_name=KERNEL,
                    progress_bar=False, start_timeout=START_TIMEOUT,
                    execution_timeout=CELL_TIMEOUT)
            export_html(done, scratch / page.name)
        except BaseException as exc:
            worker.close()  # the kernel's state is unknown: the next run gets a fresh one
            stop = _interruption(exc)
            if stop is None and _STOPPING.is_set():  # its kernel was killed by the stop
                stop = _Stopped()
            if stop is not None:  # Ctrl-C, SIGTERM: stop the batch, leave nothing behind
                _stop_kernels()
                if stop is exc:
                    raise
                raise stop from None
            # the run failed: keep its notebook, go on with the batch
            # a cell raised (PapermillExecutionError), the kernel died or timed out, or the
            # HTML export failed
            why = _failure(exc) if isinstance(exc, PapermillExecutionError) else (
                f"{type(exc).__name__}: {str(exc).strip().splitlines()[0]}")
            kept = None
            if executed.exists():
                kept = move_into_place(executed, failed, force=True)
            return Outcome(run.name, kept, None, why, time.perf_counter() - started)
        worker.done(run)
        move_into_place(executed, notebook, force=force)
        move_into_place(scratch / page.name, page, force=force)
    remove_output(failed)  # an earlier failure of this report is now out of date
    return Outcome(run.name, notebook, page, None, time.perf_counter() - started)


def _execute_all(runs: list[Run], folder: Path, *, template: Path, force: bool,
                 bar, ahead: _KernelAhead | None = None) -> list[Outcome]:
    """The runs' outcomes, in the runs' order, made by at most :data:`WORKERS` threads (never
    more than the cores or the runs), each with its warm kernel (:class:`_Worker`). The
    calling thread only waits, keeps the progress bar, and receives Ctrl-C and SIGTERM:
    then every kernel is killed at once and the workers, once they have removed their
    scratch folders, are waited for before the signal goes on."""
    count = max(1, min(WORKERS, os.cpu_count() or 1, len(runs)))
    outcomes: list[Outcome | None] = [None] * len(runs)
    todo = iter(enumerate(runs))
    taking = threading.Lock()
    running: dict[int, str] = {}
    errors: list[BaseException] = []
    changed = threading.Event()

    def work(ahead: _KernelAhead | None) -> None:
        try:
            with _worker(folder, ahead):
                while not _STOPPING.is_set() and not errors:
                    with taking:
                        index, one = next(todo, (None, None))
                    if one is None:
                        return
                    running[index] = one.name
                    changed.set()
                    try:
                        outcomes[index] = execute(one, folder, template=template, force=force)
                    finally:
                        running.pop(index, None)
                        changed.set()
        except BaseException as exc:  # the batch stops: a signal, or an error writing
            errors.append(exc)
        finally:  # the worker is done (its kernel shut down): the waiting thread goes on
            changed.set()

    threads = [threading.Thread(target=work, args=(ahead if n == 0 else None,),
                                name=f"cgvlib-report-{n + 1}", daemon=True)
               for n in range(count)]
    with _kernel_stopped_on_signals():
        try:
            for thread in threads:
                thread.start()
            while any(thread.is_alive() for thread in threads):
                if changed.wait(0.5):  # a run started or ended: one line redrawn
                    changed.clear()
                    bar.n = sum(o is not None for o in outcomes)
                    bar.set_postfix_str(", ".join(running[i] for i in sorted(running.copy())))
        except BaseException:
            _stop_kernels()
            for thread in threads:
                thread.join()
            raise
    bar.n = sum(o is not None for o in outcomes)
    bar.set_postfix_str("")
    if errors:  # an error that stopped the batch (an output refused): the others stopped
        raise next((e for e in errors if not isinstance(e, _Stopped)), KeyboardInterrupt())
    return [o for o in outcomes if o is not None]


def run(vendors=None, *, out="reports", parameters: Mapping | None = None,
        together: bool = False, force: bool = False, progress: bool = True,
        template: Path = TEMPLATE) -> Batch:
    """Make the report for each of ``vendors`` (None: all of them) into the folder ``out``,
    at most :data:`WORKERS` at once.

    Returns the :class:`Batch`; ``batch.ok`` is False when a run failed (the others still
    ran), ``batch.summary()`` says where each report landed or why it failed."""
    from tqdm.auto import tqdm

    # the first kernel loads while the batch gets ready
    ahead = _KernelAhead(out)
    try:
        runs = plan(vendors, parameters=parameters, together=together, template=template)
        folder = output_folder(out)
        with folder_lock(folder) as stale:  # one batch at a time in a folder
            if stale is not None:  # the lock of a process that no longer runs was taken over
                remove_scratch_folders(folder)
            if not force:
                _refuse_existing(folder, runs)
            _STOPPING.clear()
            _prepare_exporter()
            batch = Batch(folder)
            with tqdm(total=len(runs), desc="reports", unit="report",
                      disable=not progress) as bar:
                batch.outcomes.extend(_execute_all(runs, folder, template=template,
                                                   force=force, bar=bar, ahead=ahead))
    finally:
        ahead.discard()  # not taken: the batch stopped before its first run
    return batch
