"""The output guard (cgvlib/output.py): the one place cgvlib writes files. It never writes into
data/, notebooks/, the CGV texts or over an input (even with force), never replaces a file
without force, creates missing folders or says why it cannot, and writes atomically: a full
disk, an unwritable folder or Ctrl-C in the middle of a write leaves the earlier file intact
and no temporary file behind."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import subprocess
import sys

import pytest

from cgvlib import output
from cgvlib.errors import InputError, OutputError
from cgvlib.model.loader import load_vendor
from cgvlib.output import (
    REPORT_LOCK,
    check_target,
    folder_lock,
    guarded_write,
    move_into_place,
    scratch_folder,
    write_bytes,
    write_text,
    write_vendor_schema,
)
from cgvlib.reference.ecb_rate import ECB_FILE, load_ecb_rates
from tests.conftest import ROOT


def leftovers(folder):
    """Temporary files, scratch folders and locks left in ``folder``."""
    return sorted(p.name for p in folder.iterdir()
                  if p.name.endswith(output.TEMP_SUFFIX) or p.name.startswith(".running-")
                  or p.name.startswith(REPORT_LOCK))


def never(tmp):
    raise AssertionError("write must not be called for a refused target")


# --------------------------------------------------------------------------- never over inputs


@pytest.mark.parametrize("relative", ["data/out.csv", "data/vendors/teogest.yaml",
                                      "data/rates/ecb_main_refinancing_rate.csv",
                                      "data/new/folder/out.csv"])
def test_refuses_data_even_with_force(relative):
    target = ROOT / relative
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(OutputError) as caught:
        guarded_write(target, never, force=True)
    assert str(caught.value) == (
        f"{target}: refused, this is inside {ROOT / 'data'}, the project's data folder (vendor "
        "files and reference series); outputs are never written there, even with --force; "
        "choose a path outside it, such as reports/ or out/")
    assert (target.read_bytes() if target.exists() else None) == before
    assert not (ROOT / "data" / "new").exists()


def test_refuses_the_data_folder_in_use_and_notebooks(tmp_path, monkeypatch):
    monkeypatch.setenv("CGVLIB_DATA", str(tmp_path / "mydata"))
    with pytest.raises(OutputError, match=r"mydata, the data folder in use \(vendor files and "
                                          r"reference series\); outputs are never written"):
        write_text(tmp_path / "mydata" / "rates" / "x.csv", "x", force=True)
    with pytest.raises(OutputError, match="the project's notebook templates; outputs are never"):
        write_text(ROOT / "notebooks" / "report.ipynb", "x", force=True)


def test_refuses_a_loaded_vendor_file_even_with_force(write_vendor, example_data):
    path = write_vendor(example_data)  # tmp_path/exemple.yaml, outside data/
    load_vendor(path, verify_quotes=False)
    before = path.read_bytes()
    with pytest.raises(OutputError) as caught:
        write_text(path, "overwritten", force=True)
    assert str(caught.value) == (
        f"{path}: refused, this is the vendor file exemple.yaml, an input cgvlib reads; outputs "
        "are never written over an input, even with --force; choose another file name")
    assert path.read_bytes() == before


def test_refuses_a_loaded_reference_series_even_with_force(tmp_path):
    series = tmp_path / "my_ecb.csv"
    shutil.copyfile(ROOT / "data" / "rates" / ECB_FILE, series)
    load_ecb_rates(series)
    before = series.read_bytes()
    with pytest.raises(OutputError, match=r"my_ecb\.csv: refused, this is the reference series "
                                          r"my_ecb\.csv, an input cgvlib reads"):
        write_bytes(series, b"x", force=True)
    assert series.read_bytes() == before


def test_refuses_the_cgv_texts_even_with_force(tmp_path, monkeypatch):
    texts = tmp_path / "cgv"
    texts.mkdir()
    (texts / "teogest.txt").write_text("Article 14", encoding="utf-8")
    monkeypatch.setenv("CGVLIB_TEXTS", str(texts))
    with pytest.raises(OutputError) as caught:
        write_text(texts / "teogest.txt", "x", force=True)
    assert str(caught.value) == (
        f"{texts / 'teogest.txt'}: refused, this is inside {texts}, the vendors' CGV texts; "
        "outputs are never written there, even with --force; choose a path outside it, such as "
        "reports/ or out/")
    assert (texts / "teogest.txt").read_text(encoding="utf-8") == "Article 14"


def test_a_symlink_to_an_input_is_refused(tmp_path):
    link = tmp_path / "looks_harmless.csv"
    link.symlink_to(ROOT / "data" / "rates" / ECB_FILE)
    with pytest.raises(OutputError, match="refused, this is inside"):
        write_text(link, "x", force=True)


def test_the_schema_is_the_one_file_written_into_data_and_never_from_the_cli(tmp_path,
                                                                              monkeypatch):
    monkeypatch.setenv("CGVLIB_DATA", str(tmp_path))
    written = write_vendor_schema('{"title": "x"}\n')
    assert written == tmp_path / "vendors" / "schema.json"
    assert written.read_text(encoding="utf-8") == '{"title": "x"}\n'
    assert leftovers(written.parent) == []
    with pytest.raises(OutputError, match="refused"):
        write_text(tmp_path / "vendors" / "schema.json", "x", force=True)
    for module in ("cli.py", "__main__.py", "report/batch.py", "report/exports.py"):
        assert "write_vendor_schema" not in (ROOT / "cgvlib" / module).read_text("utf-8")


# --------------------------------------------------------------------------- force, folders


def test_never_replaces_without_force(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("earlier", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        guarded_write(target, never)
    assert str(caught.value) == (f"{target}: already exists and is kept; pass --force "
                                 "(force=True) to replace it, or choose another name")
    assert target.read_text(encoding="utf-8") == "earlier"
    assert write_text(target, "new", force=True) == target
    assert target.read_text(encoding="utf-8") == "new"
    assert leftovers(tmp_path) == []


def test_a_file_that_appears_during_the_write_is_not_replaced(tmp_path):
    target = tmp_path / "out.csv"

    def write(tmp):
        tmp.write_text("mine", encoding="utf-8")
        target.write_text("someone else's", encoding="utf-8")  # created meanwhile

    with pytest.raises(OutputError, match="already exists and is kept"):
        guarded_write(target, write)
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert leftovers(tmp_path) == []


def test_creates_missing_folders(tmp_path):
    target = tmp_path / "a" / "b" / "out.csv"
    assert write_text(target, "x") == target
    assert target.read_text(encoding="utf-8") == "x"


def test_a_file_in_the_way_of_the_folder(tmp_path):
    (tmp_path / "reports").write_text("a file", encoding="utf-8")
    target = tmp_path / "reports" / "2024" / "out.csv"
    with pytest.raises(OutputError) as caught:
        write_text(target, "x")
    assert str(caught.value) == (
        f"{target}: cannot create the folder {target.parent}: {tmp_path / 'reports'} is a file, "
        "not a folder; rename or remove it, or choose another path")
    assert (tmp_path / "reports").read_text(encoding="utf-8") == "a file"


def test_a_folder_is_not_a_file_name(tmp_path):
    with pytest.raises(OutputError) as caught:
        check_target(tmp_path, example="out.xlsx")
    assert str(caught.value) == (f"{tmp_path}: is a folder; give a file name such as "
                                 f"'{tmp_path / 'out.xlsx'}'")
    with pytest.raises(InputError) as caught:
        check_target(None)
    assert str(caught.value) == "path: expected a file name such as 'out.csv', got None"


def test_new_files_follow_the_umask(tmp_path):
    target = write_text(tmp_path / "out.csv", "x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


# --------------------------------------------------------------------------- faults mid-write


def test_a_full_disk_leaves_the_earlier_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "terms.xlsx"
    target.write_text("earlier", encoding="utf-8")

    def write(tmp):
        tmp.write_text("half a work", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError) as caught:
        guarded_write(target, write, force=True)
    assert str(caught.value) == (
        f"{target}: not written, the disk is full; the earlier file is unchanged and nothing "
        "partial is left; free some space or choose another folder")
    assert target.read_text(encoding="utf-8") == "earlier"
    assert leftovers(tmp_path) == []
    with pytest.raises(OutputError, match="the disk is full; no file was created and nothing "
                                          "partial is left"):
        guarded_write(tmp_path / "new.xlsx", write)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.xlsx"]


def test_a_read_only_folder_leaves_the_earlier_file(tmp_path, monkeypatch):
    # Simulated (root ignores permissions): putting the file in place is refused.
    target = tmp_path / "table.csv"
    target.write_text("earlier", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_text(target, "new", force=True)
    assert str(caught.value) == (
        f"{target}: not written, the folder {tmp_path} cannot be written (Permission denied); "
        "the earlier file is unchanged and nothing partial is left; choose a folder you can "
        "write to")
    assert target.read_text(encoding="utf-8") == "earlier"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_really_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "table.csv").write_text("earlier", encoding="utf-8")
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match=r"cannot be written \(Permission denied\); the "
                                              "earlier file is unchanged"):
            write_text(folder / "table.csv", "new", force=True)
        assert (folder / "table.csv").read_text(encoding="utf-8") == "earlier"
        assert leftovers(folder) == []
    finally:
        folder.chmod(0o755)


def test_ctrl_c_mid_write_leaves_the_earlier_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "deadlines.ics"
    target.write_text("earlier", encoding="utf-8")
    seen = []

    def write(tmp):
        seen.append(tmp)
        tmp.write_text("BEGIN:VCALENDAR", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "earlier"  # untouched while writing
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        guarded_write(target, write, force=True)
    assert seen[0].parent == tmp_path  # the temporary file was beside the target
    assert target.read_text(encoding="utf-8") == "earlier"
    assert leftovers(tmp_path) == []


def test_an_error_of_the_writer_leaves_nothing(tmp_path):
    def write(tmp):
        tmp.write_text("partial", encoding="utf-8")
        raise ValueError("openpyxl could not save")

    with pytest.raises(ValueError, match="openpyxl could not save"):
        guarded_write(tmp_path / "out.xlsx", write)
    assert list(tmp_path.iterdir()) == []


def test_move_into_place_follows_the_same_rules(tmp_path):
    scratch = tmp_path / ".running-x"
    scratch.mkdir()
    (scratch / "a.html").write_text("new", encoding="utf-8")
    (tmp_path / "a.html").write_text("earlier", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists and is kept"):
        move_into_place(scratch / "a.html", tmp_path / "a.html")
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "earlier"
    move_into_place(scratch / "a.html", tmp_path / "a.html", force=True)
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "new"
    assert not (scratch / "a.html").exists()
    with pytest.raises(OutputError, match="refused"):
        move_into_place(tmp_path / "a.html", ROOT / "data" / "a.html", force=True)


def test_a_scratch_folder_is_removed_on_ctrl_c(tmp_path):
    with pytest.raises(KeyboardInterrupt), scratch_folder(tmp_path) as scratch:
        (scratch / "half.ipynb").write_text("{", encoding="utf-8")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- the report lock


def test_a_held_folder_is_refused_and_the_lock_removed_at_the_end(tmp_path):
    with folder_lock(tmp_path) as stale:
        assert stale is None
        lock = tmp_path / REPORT_LOCK
        pid, host, since = lock.read_text(encoding="utf-8").split()
        assert int(pid) == os.getpid()
        with pytest.raises(OutputError) as caught, folder_lock(tmp_path):
            pass
        assert str(caught.value) == (
            f"{tmp_path}: another cgvlib report is writing into this folder (process {pid} on "
            f"{host}, started {since}); wait for it to end or choose another --out folder "
            f"(delete {lock} only if that process is no longer running)")
        assert lock.exists()  # the refused attempt did not remove the holder's lock
    assert list(tmp_path.iterdir()) == []


def test_the_lock_is_removed_on_ctrl_c(tmp_path):
    with pytest.raises(KeyboardInterrupt), folder_lock(tmp_path):
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path, capsys):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = tmp_path / REPORT_LOCK
    host = socket.gethostname()
    lock.write_text(f"{dead.pid} {host} 2024-01-01T10:00:00+00:00\n", encoding="utf-8")
    with folder_lock(tmp_path) as stale:
        assert stale == dead.pid
        assert int(lock.read_text(encoding="utf-8").split()[0]) == os.getpid()
    assert capsys.readouterr().err == (
        f"cgvlib: note: {tmp_path}: took over the lock {REPORT_LOCK} left by process "
        f"{dead.pid} (started 2024-01-01T10:00:00+00:00), which is no longer running\n")
    assert list(tmp_path.iterdir()) == []


def test_a_lock_from_another_machine_is_never_taken_over(tmp_path):
    lock = tmp_path / REPORT_LOCK
    lock.write_text("999999 elsewhere 2024-01-01T10:00:00+00:00\n", encoding="utf-8")
    with pytest.raises(OutputError, match="process 999999 on elsewhere"), folder_lock(tmp_path):
        pass
    assert lock.exists()


def test_an_out_folder_that_is_a_file(tmp_path):
    (tmp_path / "reports").write_text("a file", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        output.output_folder(tmp_path / "reports")
    assert str(caught.value) == (f"{tmp_path / 'reports'}: is a file, not a folder; give a "
                                 "folder such as 'reports/'")


def test_a_folder_that_cannot_be_created(tmp_path, monkeypatch):
    # Simulated (root ignores permissions): creating the folder is refused.
    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.Path, "mkdir", refuse)
    target = tmp_path / "new" / "out.csv"
    with pytest.raises(OutputError) as caught:
        write_text(target, "x")
    assert str(caught.value) == (f"{target}: cannot create the folder {target.parent}: "
                                 "Permission denied; choose a folder you can write to")


def test_a_folder_where_the_lock_cannot_be_written(tmp_path, monkeypatch):
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith(REPORT_LOCK):
            raise PermissionError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args)

    monkeypatch.setattr(output.os, "open", refuse)
    with pytest.raises(OutputError) as caught, folder_lock(tmp_path):
        pass
    assert str(caught.value) == (f"{tmp_path}: cannot write in this folder (Read-only file "
                                 "system); choose a folder you can write to")
