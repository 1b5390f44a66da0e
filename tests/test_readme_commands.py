"""Every command of the README works as written, in a fresh copy of the project.

The project is copied to a temporary folder (without ``.venv``, ``.git``, ``reports/``,
earlier outputs and caches), beside a link to ``../shared`` so the vendors' texts are found
where :mod:`cgvlib.paths` looks for them. The copy's ``.venv`` holds links to this project's
virtual environment and fresh ``.installed`` marks, so ``make`` installs nothing again, and
``PYTHONPATH`` points at the copy, so every process (papermill's kernels, Voilà's) imports the
copy's ``cgvlib`` as an editable install of it would.

Each command is run from the copy's folder and must end with status 0 and write what the
README says it writes: the ``sh`` blocks' lines and the commands quoted in the prose
(``make ...``, ``.venv/bin/python -m cgvlib ...``), in the README's order; the ``python``
blocks in one interpreter. The servers (``make dashboard``, ``make lab``) are started on a
free port, asked for a page, and stopped. :data:`EXCLUDED` lists the commands not run, each
with its reason; a command the README gains is run by the kind it is, or fails
:func:`test_every_readme_command_is_run_or_excluded` until it is.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cgvlib.cli import build_parser
from cgvlib.model.loader import load_vendor, vendor, vendor_files
from tests.conftest import ROOT

README = ROOT / "README.md"
CGVLIB = ".venv/bin/python -m cgvlib"
EXCLUDED = {
    "make test": "runs the linter and the whole test suite, this test among them (it would run "
                 "itself); .ci/run runs it",
    "conda env create -f environment.yml": "needs conda and the network; "
                                           "tests/test_environment_sync.py keeps "
                                           "environment.yml in step with pyproject.toml",
    "apt-get install -y chromium chromium-driver": "installs a system package, as root",
    "make bench": "measures performance against baselines, minutes of work on a quiet machine; "
                  "the benchmarks have their own README (benchmarks/README.md)",
}
SERVERS = ("make dashboard", "make lab")
NOT_COPIED = (".venv", ".git", "reports", "out", "exports", "test-output", "__pycache__",
              ".pytest_cache", ".ruff_cache", ".hypothesis", ".ipynb_checkpoints", "*.egg-info")
COMMAND_TIMEOUT = 600  # seconds; a report batch of five vendors takes about 40
SERVER_TIMEOUT = 120  # seconds for a server to answer its first page


# --------------------------------------------------------------------------- the README


def fenced_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def readme_commands(text: str) -> list[str]:
    """The shell commands of the README, in its order, each once: every line of an ``sh``
    block (comments dropped), and every quoted span of the prose that starts like a command."""
    found: list[str] = []
    for block in re.finditer(r"```(\w*)\n(.*?)```|`([^`]+)`", text, re.S):
        language, body, span = block.groups()
        if language == "sh":
            found += [line.split("#")[0].strip() for line in body.splitlines()]
        elif span and re.match(r"(make |\.venv/bin/|python3? |conda |apt-get )", span.strip()):
            found.append(" ".join(span.split()))
    return [c for c in dict.fromkeys(found) if c]


def kind_of(command: str) -> str | None:
    if command in EXCLUDED:
        return "excluded"
    if command.startswith(SERVERS):
        return "server"
    if command in ("make demo", "make strip"):
        return command.split()[1]
    if command.startswith(CGVLIB + " "):
        return "cgvlib"
    return None


TEXT = README.read_text(encoding="utf-8")
COMMANDS = readme_commands(TEXT)


def test_every_readme_command_is_run_or_excluded():
    unknown = [c for c in COMMANDS if kind_of(c) is None]
    assert not unknown, (f"README commands this test does not know how to check: {unknown}; "
                         "run them by their kind in this file, or add them to EXCLUDED with "
                         "the reason")
    assert {"make demo", "make test", "make lab", "make dashboard"} <= set(COMMANDS)
    assert sum(kind_of(c) == "cgvlib" for c in COMMANDS) >= 6


# --------------------------------------------------------------------------- the copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A fresh copy of the project, beside ``shared`` (a link), with the venv linked."""
    place = tmp_path_factory.mktemp("readme")
    copy = place / ROOT.name
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        (place / "shared").symlink_to(shared, target_is_directory=True)
    venv = copy / ".venv"
    venv.mkdir()
    for entry in (ROOT / ".venv").iterdir():
        if not entry.name.startswith(".installed"):
            (venv / entry.name).symlink_to(entry)
    for mark in (".installed", ".installed-test"):  # newer than pyproject.toml: no install
        (venv / mark).touch()
    return copy


@pytest.fixture(scope="module")
def env(project) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CGVLIB_TEXTS", "CGVLIB_DATA", "REPORTS", "PORT", "MAKEFLAGS",
                        "MAKELEVEL", "MFLAGS")}
    env["PYTHONPATH"] = str(project)
    env["BROWSER"] = "true"  # `jupyter lab` opens no browser
    return env


def run(command: str, project: Path, env: dict, stdin: str | None = None) -> str:
    done = subprocess.run(command, shell=True, cwd=project, env=env, input=stdin, text=True,
                          capture_output=True, timeout=COMMAND_TIMEOUT)
    assert done.returncode == 0, (f"`{command}` ended with status {done.returncode}:\n"
                                  f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def test_the_copy_uses_its_own_code_and_finds_the_texts(project, env):
    shown = run(".venv/bin/python -c 'import cgvlib, cgvlib.paths as p; "
                "print(cgvlib.__file__); print(p.texts_dir().is_dir())'", project, env)
    where, texts = shown.split()
    assert Path(where).resolve().is_relative_to(project.resolve())
    assert texts == str((ROOT.parent / "shared" / "cgv").is_dir())


# --------------------------------------------------------------------------- what each writes

VENDORS = [p.stem for p in vendor_files()]


def report_pages(command: str, project: Path) -> list[Path]:
    """The pages a ``report`` command says it writes: one per vendor, or ``vendors`` for
    ``--together``, French with no language in the name, another language with it."""
    args = build_parser().parse_args(shlex.split(command)[3:])
    own = [load_vendor(project / path).id for path in args.vendor_file]
    vendors = (VENDORS if args.all else args.vendor) + own
    lang = "fr"
    for path in args.params:
        given = re.search(r"^lang: *(\w+)", (project / path).read_text(), re.M)
        lang = given.group(1) if given else lang
    lang = dict(args.parameter).get("lang", lang)
    stems = ["vendors"] if args.together else vendors
    suffix = "" if lang == "fr" else f".{lang}"
    return [project / args.out / f"{stem}{suffix}.html" for stem in stems]


def written_by(command: str, project: Path) -> list[Path]:
    args = build_parser().parse_args(shlex.split(command)[3:])
    if args.command == "report":
        return report_pages(command, project)
    if args.command == "export":
        return [project / p for p in (args.xlsx, args.ics) if p]
    csv = getattr(args, "csv", None)
    return [project / csv] if csv else []


def compared_names(command: str, project: Path) -> list[str]:
    """The vendors a ``compare`` command that prints its table names in its header."""
    args = build_parser().parse_args(shlex.split(command)[3:])
    if args.command != "compare" or args.csv:
        return []
    return ([vendor(v).name for v in args.vendor]
            + [load_vendor(project / path).name for path in args.vendor_file])


def is_page(path: Path) -> bool:
    return path.is_file() and "<html" in path.read_text(encoding="utf-8")[:2000].lower()


# --------------------------------------------------------------------------- the commands


def test_the_python_blocks_run_in_one_interpreter(project, env):
    code = "\n".join(fenced_blocks(TEXT, "python"))
    run(".venv/bin/python -", project, env, stdin=code)
    written = re.findall(r'export_(?:xlsx|ics)\("([^"]+)"', code)
    assert written == ["out/terms.xlsx", "out/conditions.xlsx",  # into a folder not there before
                       "out/deadlines.ics"]
    for path in written:
        assert (project / path).stat().st_size > 0


def test_make_demo_writes_every_report_and_says_where(project, env):
    shown = run("make demo", project, env)
    folder = re.search(r"(reports/[^/\s]+)/vendors\.html", shown).group(1)
    pages = sorted(p.name for p in (project / folder).glob("*.html"))
    assert pages == sorted([f"{v}.html" for v in VENDORS] + ["vendors.html"])
    assert all(is_page(project / folder / page) for page in pages)
    for line in re.findall(r"^\s*ok\s+(\S+\.html)", shown, re.M):  # each page's path printed
        assert (project / line).is_file()


def test_the_cgvlib_commands_run_and_write_what_they_say(project, env):
    scenario = re.search(r"`scenario\.yaml`.*?```yaml\n(.*?)```", TEXT, re.S).group(1)
    (project / "scenario.yaml").write_text(scenario, encoding="utf-8")  # as the README shows it
    commands = [c for c in COMMANDS if kind_of(c) == "cgvlib"]
    assert any(" compare " in c for c in commands) and any(" export " in c for c in commands)
    for command in commands:
        shown = run(command, project, env)
        for path in written_by(command, project):
            assert path.is_file() and path.stat().st_size > 0, f"`{command}` did not write {path}"
            if path.suffix == ".html":
                assert is_page(path)
        for name in compared_names(command, project):  # the table printed, a column each
            assert name in shown, f"`{command}` printed no column for {name}"
    # the French report and the English one of a vendor, side by side in one folder
    french, english = project / "reports" / "teogest.html", project / "reports" / "teogest.en.html"
    assert french.is_file() and english.is_file()
    assert french.read_bytes() != english.read_bytes()


def test_import_cgvlib_then_cgvlib_report(project, env):
    """The README's Python call of a report batch, after a plain ``import cgvlib``."""
    call = re.search(r"`(cgvlib\.report\.run\(.*?\))`", TEXT, re.S).group(1)
    code = f"import cgvlib\nbatch = {' '.join(call.split())}\nprint(json.dumps(batch.ok))\n"
    shown = run(".venv/bin/python -", project, env, stdin="import json\n" + code)
    assert shown.strip().splitlines()[-1] == "true"
    out = re.search(r'out="([^"]+)"', call).group(1)
    assert is_page(project / out / "teogest.en.html")


def test_make_strip_leaves_notebooks_without_outputs(project, env):
    run("make strip", project, env)
    for path in (project / "notebooks").rglob("*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert not [c for c in cells if c.get("outputs")], path


@pytest.mark.parametrize("command", [c for c in COMMANDS if kind_of(c) == "server"])
def test_the_servers_start_answer_and_stop(command, project, env):
    port = free_port()
    env = dict(env, JUPYTER_PORT=str(port))  # `make lab` takes its port from Jupyter's variable
    if os.geteuid() == 0:  # Jupyter refuses to serve as root unless allowed (CI runs as root)
        config = project.parent / "jupyter-config"
        config.mkdir(exist_ok=True)
        (config / "jupyter_server_config.json").write_text(
            json.dumps({"ServerApp": {"allow_root": True}}), encoding="utf-8")
        env["JUPYTER_CONFIG_DIR"] = str(config)
    line = (re.sub(r"PORT=\d+", f"PORT={port}", command) if "PORT=" in command
            else f"{command} PORT={port}" if command.startswith("make dashboard") else command)
    server = subprocess.Popen(line, shell=True, cwd=project, env=env, start_new_session=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        status = wait_for_page(f"http://127.0.0.1:{port}/", server)
        assert status in (200, 302, 403), status
    finally:
        with contextlib.suppress(ProcessLookupError):  # as Ctrl-C would: server and kernels
            os.killpg(server.pid, signal.SIGTERM)
        try:
            log, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            log, _ = server.communicate()
    assert "pip install" not in log  # nothing installed again
    sys.stdout.write(log[-2000:])


def wait_for_page(url: str, server: subprocess.Popen) -> int:
    deadline = time.monotonic() + SERVER_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server stopped with status {server.returncode}:\n"
                                 f"{server.stdout.read()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as refused:
            return refused.code
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {SERVER_TIMEOUT} s")
