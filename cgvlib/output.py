"""The one place cgvlib writes files (DESIGN.md, "Writes"): every output goes through here.

- **Never over an input.** Nothing is written inside the project's ``data/`` (or the data folder
  in use, ``CGVLIB_DATA``), ``notebooks/`` (the templates) or the vendors' CGV texts
  (:func:`cgvlib.paths.texts_dir`), nor over a file cgvlib has read as an input (a vendor file,
  a reference series: :func:`protect_input`), even with ``force``.
- **Never over an existing file without ``force``** (the command line's ``--force``); without it,
  the file is put in place with a hard link, so a file that appeared meanwhile is not replaced.
- **Atomic.** :func:`guarded_write` has ``write`` fill a temporary file beside the target, flushes
  it to disk (``fsync``) and only then puts it in place (``os.replace``). A full disk, a folder
  that cannot be written, an error or an interruption (Ctrl-C, SIGTERM) leaves the earlier file
  as it was and no temporary file behind.
- **A missing folder is created**, or the error says why it cannot be (a file in the way,
  permission denied).
- **One report at a time per folder**: :func:`folder_lock` creates ``.cgvlib-report.lock``
  exclusively (``O_CREAT | O_EXCL``) and removes it at the end; a lock left by a process of this
  machine that no longer runs is taken over, and a note says so.

Every refusal is an :class:`~cgvlib.errors.OutputError` (an ``InputError``) naming the path, what
is wrong and what to do. One file inside ``data/`` is written, by a maintainer command only:
``data/vendors/schema.json`` (:func:`write_vendor_schema`). One kind of input is rewritten, by
``rates add``/``rates update`` only: a user-supplied reference series in the user data folder
(:func:`write_user_series`), never anything in ``data/`` or the package.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from cgvlib import paths
from cgvlib.errors import OutputError

TEMP_SUFFIX = ".cgvlib-tmp"  # temporary files: ``.<name>.<random>.cgvlib-tmp`` beside the target
SCRATCH_PREFIX = ".running-"  # a report's scratch folder inside its output folder
REPORT_LOCK = ".cgvlib-report.lock"
VENDOR_SCHEMA = "schema.json"

_UMASK = os.umask(0o022)
os.umask(_UMASK)

_INPUTS: dict[str, str] = {}  # resolved path of every input read -> what it is


# --------------------------------------------------------------------------- what is protected


def protect_input(path, what: str) -> None:
    """Record ``path`` as an input cgvlib has read (``what``: "the vendor file of teogest",
    "a reference series"): nothing is ever written over it. The loaders call this."""
    with contextlib.suppress(OSError, RuntimeError, TypeError, ValueError):
        _INPUTS.setdefault(str(Path(path).expanduser().resolve()), what)


def protected_folders() -> list[tuple[Path, str]]:
    """The folders nothing is written into, each with what it holds."""
    found: dict[Path, str] = {}
    for folder, what in (
        (paths.PROJECT_ROOT / "data", "the project's data folder (vendor files and reference "
                                      "series)"),
        (paths.data_dir(), "the data folder in use (vendor files and reference series)"),
        (paths.PROJECT_ROOT / "notebooks", "the project's notebook templates"),
        (paths.texts_dir(), "the vendors' CGV texts"),
    ):
        found.setdefault(_resolved(folder), what)
    return list(found.items())


def _resolved(path) -> Path:
    return Path(path).expanduser().resolve()


def refuse_protected(path) -> None:
    """Raise :class:`OutputError` when ``path`` is an input or inside a protected folder."""
    resolved = _resolved(path)
    for folder, holds in protected_folders():
        if resolved == folder or resolved.is_relative_to(folder):
            raise OutputError(f"{path}: refused, this is inside {folder}, {holds}; outputs are "
                              "never written there, even with --force; choose a path outside "
                              "it, such as reports/ or out/")
    what = _INPUTS.get(str(resolved))
    if what is not None:
        raise OutputError(f"{path}: refused, this is {what}, an input cgvlib reads; outputs are "
                          "never written over an input, even with --force; choose another "
                          "file name")


# --------------------------------------------------------------------------- checks


def check_target(path, *, force: bool = False, example: str = "out.csv") -> Path:
    """The file ``path`` as it will be written, checked before any work is done: not an input,
    not inside a protected folder, not a folder, not existing unless ``force``, and its folder
    creatable. Returns it as a :class:`~pathlib.Path`."""
    if not isinstance(path, str | Path) or not str(path):
        raise OutputError(f"path: expected a file name such as {example!r}, got {path!r}")
    target = Path(path).expanduser()
    refuse_protected(target)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as "
                          f"'{target / example}'")
    if not force and (target.exists() or target.is_symlink()):
        raise _exists(target)
    _blocker_check(target)
    return target


def _exists(target: Path) -> OutputError:
    return OutputError(f"{target}: already exists and is kept; pass --force (force=True) to "
                       "replace it, or choose another name")


def _blocker_check(target: Path) -> None:
    """A file where a folder of ``target``'s path should be."""
    here = target.parent.absolute()
    for folder in reversed([here, *here.parents]):
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{target}: cannot create the folder {target.parent}: {folder} is "
                              "a file, not a folder; rename or remove it, or choose another path")


def _make_parent(target: Path) -> None:
    parent = target.parent
    if parent.is_dir():
        return
    _blocker_check(target)
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot create the folder {parent}: "
                          f"{exc.strerror or exc}; choose a folder you can write to") from exc


def output_folder(path, *, what: str = "reports") -> Path:
    """A folder to write ``what`` into, created if missing; never a protected folder."""
    if not isinstance(path, str | Path) or not str(path):
        raise OutputError(f"out: expected a folder such as '{what}/', got {path!r}")
    folder = Path(path).expanduser()
    refuse_protected(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file, not a folder; give a folder such as "
                          f"'{what}/'")
    _make_parent(folder / "x")
    return folder


# --------------------------------------------------------------------------- writing


def guarded_write(target, write: Callable[[Path], None], *, force: bool = False) -> Path:
    """Write ``target`` through ``write(tmp)``, which fills the temporary file ``tmp`` beside
    it (``workbook.save(tmp)``, ``frame.to_csv(tmp)``, ``tmp.write_bytes(data)``). The file is
    put in place only once complete and on disk; returns the path written.

    Refuses (:class:`OutputError`) an input, a protected folder, or an existing file without
    ``force``; on any failure or interruption the earlier file is intact and no temporary file
    remains."""
    return _write(check_target(target, force=force), write, force=force)


def write_text(target, text: str, *, force: bool = False, encoding: str = "utf-8") -> Path:
    """:func:`guarded_write` of a text."""
    return guarded_write(target, lambda tmp: tmp.write_text(text, encoding=encoding),
                         force=force)


def write_bytes(target, data: bytes, *, force: bool = False) -> Path:
    """:func:`guarded_write` of bytes."""
    return guarded_write(target, lambda tmp: tmp.write_bytes(data), force=force)


def move_into_place(source, target, *, force: bool = False) -> Path:
    """Put the finished file ``source`` (a report's scratch folder) at ``target``, under the
    same guard as :func:`guarded_write`; ``source`` is gone afterwards unless an error says
    otherwise."""
    source = Path(source)
    target = check_target(target, force=force)
    _make_parent(target)
    existed = target.exists()
    try:
        _fsync(source)
        _install(source, target, force)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise _write_error(target, exc, existed) from exc
        _write(target, lambda tmp: shutil.copyfile(source, tmp), force=force)
        source.unlink()
    _fsync_dir(target.parent)
    return target


def remove_output(path) -> None:
    """Delete an output of an earlier run (a stale ``.failed.ipynb``), never an input."""
    path = Path(path)
    refuse_protected(path)
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot delete this earlier output: "
                          f"{exc.strerror or exc}; delete it by hand") from exc


def write_vendor_schema(text: str) -> Path:
    """Maintainer command only (``python -m cgvlib.model.schema``): regenerate
    ``data/vendors/schema.json``, the one file cgvlib writes inside ``data/``, atomically like
    every other output. The target is fixed here; the command line never calls this (a test
    checks that ``cgvlib/cli.py`` does not name it)."""
    target = paths.vendors_dir() / VENDOR_SCHEMA
    return _write(target, lambda tmp: tmp.write_text(text, encoding="utf-8"), force=True)


USER_SERIES_FILES = (  # the series a user may extend, each a file of the user data folder
    "fr_legal_interest_rate.csv",
    "ecb_main_refinancing_rate.csv",
    "syntec_index.csv",
)


def write_user_series(name: str, text: str) -> Path:
    """``rates add``/``rates update`` only: replace (atomically) the user-supplied series
    ``name`` in the user data folder (:func:`cgvlib.paths.user_rates_dir`). It is an input cgvlib
    has read, so :func:`guarded_write` refuses it; this is the one allowance, and it is narrow:
    the name must be one of :data:`USER_SERIES_FILES`, and the user data folder may not lie
    inside a protected folder (``data/``, the notebooks, the CGV texts)."""
    if name not in USER_SERIES_FILES:
        raise OutputError(f"{name}: not a user series; valid: {', '.join(USER_SERIES_FILES)}")
    target = paths.user_rates_dir() / name
    resolved = _resolved(target)
    for folder, holds in protected_folders():
        if resolved == folder or resolved.is_relative_to(folder):
            raise OutputError(f"{target}: refused, the user data folder is inside {folder}, "
                              f"{holds}; set CGVLIB_USER_DATA to a folder outside it (default "
                              "~/.local/share/cgvlib)")
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise OutputError(f"{target}: refused, not a regular file; remove it or set "
                          "CGVLIB_USER_DATA to another folder")
    _blocker_check(target)
    return _write(target, lambda tmp: tmp.write_text(text, encoding="utf-8"), force=True)


def _write(target: Path, write: Callable[[Path], None], *, force: bool) -> Path:
    _make_parent(target)
    existed = target.exists()
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                    suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise _write_error(target, exc, existed) from exc
    tmp = Path(name)
    try:
        os.close(fd)
        mode = target.stat().st_mode & 0o777 if existed else 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        write(tmp)
        _fsync(tmp)
        _install(tmp, target, force)
    except OSError as exc:
        _discard(tmp)
        raise _write_error(target, exc, existed) from exc
    except BaseException:  # an error of ``write``, a refusal, Ctrl-C, SIGTERM
        _discard(tmp)
        raise
    _fsync_dir(target.parent)
    return target


def _install(tmp: Path, target: Path, force: bool) -> None:
    """``tmp`` becomes ``target``: replaced when ``force``, else created only if absent."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if target exists, even one created a moment ago
    except FileExistsError:
        raise _exists(target) from None
    except OSError as exc:  # no hard links on this file system: check, then replace
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if target.exists() or target.is_symlink():
            raise _exists(target) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot flush a folder
        _fsync(folder)


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def _write_error(target: Path, exc: OSError, existed: bool) -> OutputError:
    kept = "the earlier file is unchanged" if existed else "no file was created"
    if exc.errno == errno.ENOSPC:
        what, todo = "the disk is full", "free some space or choose another folder"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = f"the folder {target.parent} cannot be written ({exc.strerror})"
        todo = "choose a folder you can write to"
    else:
        what, todo = str(exc.strerror or exc), "check the folder and try again"
    return OutputError(f"{target}: not written, {what}; {kept} and nothing partial is left; "
                       f"{todo}")


# --------------------------------------------------------------------------- report folders


@contextlib.contextmanager
def scratch_folder(folder, prefix: str = SCRATCH_PREFIX) -> Iterator[Path]:
    """A fresh scratch folder inside ``folder`` (same file system, so its files move into place
    atomically), removed with everything in it at the end, even on Ctrl-C or SIGTERM."""
    folder = Path(folder)
    refuse_protected(folder)
    try:
        scratch = Path(tempfile.mkdtemp(dir=folder, prefix=prefix))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write in this folder ({exc.strerror or exc}); "
                          "choose a folder you can write to") from exc
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def remove_scratch_folders(folder, prefix: str = SCRATCH_PREFIX) -> list[Path]:
    """Delete the scratch folders a killed run left in ``folder`` (call it only while holding
    :func:`folder_lock`, so that none belongs to a running batch); returns them."""
    folder = Path(folder)
    refuse_protected(folder)
    left = sorted(p for p in folder.glob(f"{prefix}*") if p.is_dir() and not p.is_symlink())
    for scratch in left:
        shutil.rmtree(scratch, ignore_errors=True)
    return left


@contextlib.contextmanager
def folder_lock(folder, name: str = REPORT_LOCK) -> Iterator[int | None]:
    """Hold ``folder/name`` for the duration: one report at a time writes into a folder.

    Raises :class:`OutputError` when another process holds it. A lock left by a process of
    this machine that no longer runs (killed with SIGKILL, a crash) is taken over, with a note
    on stderr; the context yields that process's id, or None."""
    folder = Path(folder)
    lock = folder / name
    took_over = _acquire(lock)
    try:
        yield took_over
    finally:
        if _holder(lock)[0] == os.getpid():
            with contextlib.suppress(OSError):
                lock.unlink()


def _acquire(lock: Path) -> int | None:
    try:
        _create_lock(lock)
        return None
    except FileExistsError:
        pass
    except OSError as exc:
        raise OutputError(f"{lock.parent}: cannot write in this folder ({exc.strerror or exc}); "
                          "choose a folder you can write to") from exc
    pid, host, since = _holder(lock)
    if pid is None or host != socket.gethostname() or _alive(pid):
        raise _locked(lock, pid, host, since)
    mutex = lock.with_name(lock.name + ".takeover")  # one process takes a stale lock over
    try:
        os.close(os.open(mutex, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except OSError:
        raise _locked(lock, pid, host, since) from None
    try:
        if _holder(lock)[0] != pid:  # taken meanwhile
            raise _locked(lock, *_holder(lock))
        lock.unlink(missing_ok=True)
        try:
            _create_lock(lock)
        except FileExistsError:
            raise _locked(lock, *_holder(lock)) from None
    finally:
        with contextlib.suppress(OSError):
            mutex.unlink()
    print(f"cgvlib: note: {lock.parent}: took over the lock {lock.name} left by process {pid} "
          f"(started {since}), which is no longer running", file=sys.stderr)
    return pid


def _create_lock(lock: Path) -> None:
    fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    try:
        stamp = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
        os.write(fd, f"{os.getpid()} {socket.gethostname()} {stamp}\n".encode())
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            lock.unlink()
        raise
    os.close(fd)


def _holder(lock: Path) -> tuple[int | None, str | None, str | None]:
    """The process id, host and start time written in ``lock`` (Nones when unreadable)."""
    try:
        pid, host, since = lock.read_text(encoding="utf-8").split()
        return int(pid), host, since
    except (OSError, ValueError):
        return None, None, None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _locked(lock: Path, pid, host, since) -> OutputError:
    who = (f"process {pid} on {host}, started {since}" if pid is not None
           else "a process that has not yet said which")
    return OutputError(f"{lock.parent}: another cgvlib report is writing into this folder "
                       f"({who}); wait for it to end or choose another --out folder (delete "
                       f"{lock} only if that process is no longer running)")
