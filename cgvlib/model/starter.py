"""Starting an analyst's own vendor file from the example.

- :func:`copy_example` copies the minimal example (``data/vendors/exemple.example.yaml``) to
  ``<folder>/<vendor_id>.yaml``, word for word, with its text ``exemple.txt`` beside it: the
  vendor file's ``document.file`` is looked for beside the file first, so its quotes are
  verified without any setting.
- :func:`fill_header` sets the top-level ``id``, ``name`` and ``activity`` lines of such a file,
  keeping everything else (comments included) as written.

Both write through the output guard (:mod:`cgvlib.output`): never into ``data/`` or
``notebooks/``, never over an existing file unless ``force`` (:func:`fill_header` replaces the
file it edits), never over a vendor file cgvlib has loaded.
"""

from __future__ import annotations

import re
from pathlib import Path

from cgvlib import paths
from cgvlib.errors import InputError
from cgvlib.output import check_target, write_bytes, write_text

VENDOR_ID = re.compile(r"^[a-z][a-z0-9_]*$")
HEADER_FIELDS = ("id", "name", "activity")


def _checked_id(vendor_id) -> str:
    if not isinstance(vendor_id, str) or not VENDOR_ID.match(vendor_id):
        raise InputError(f"vendor_id: {vendor_id!r} is not a vendor id; give a short "
                         "lower-case name of letters, digits and _, starting with a letter, "
                         "such as 'monfournisseur'")
    return vendor_id


def copy_example(folder, vendor_id: str, *, force: bool = False) -> Path:
    """Copy the example vendor file to ``<folder>/<vendor_id>.yaml`` and its text beside it;
    return the new file's path. The copy still says ``id: exemple``: set the id and name next
    (:func:`fill_header`), then replace the text by your vendor's and fill every clause."""
    vendor_id = _checked_id(vendor_id)
    example = paths.example_vendor_file()
    target = check_target(Path(folder).expanduser() / f"{vendor_id}.yaml", force=force,
                          example=f"{vendor_id}.yaml")
    text = example.parent / "exemple.txt"
    write_bytes(target.parent / text.name, text.read_bytes(), force=force)
    return write_text(target, example.read_text(encoding="utf-8"), force=force)


def fill_header(path, *, vendor_id: str | None = None, name: str | None = None,
                activity: str | None = None) -> Path:
    """Set the top-level ``id:``, ``name:`` and ``activity:`` of the vendor file ``path`` (those
    given), keeping the rest as written; return the path. A file cgvlib has loaded is its
    input and is not rewritten: correct it in an editor instead."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such vendor file; start one with copy_example(folder, id)")
    values = {"id": None if vendor_id is None else _checked_id(vendor_id), "name": name,
              "activity": activity}
    text = path.read_text(encoding="utf-8")
    for field, value in values.items():
        if value is None:
            continue
        line = re.compile(rf"^{field}:.*$", re.MULTILINE)
        if not line.search(text):
            raise InputError(f"{path}: no top-level '{field}:' line to fill; add one")
        shown = value.replace("\\", "\\\\").replace('"', '\\"')
        text = line.sub(lambda _match, f=field, v=shown: f'{f}: "{v}"', text, count=1)
    return write_text(path, text, force=True)
