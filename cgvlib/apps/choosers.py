"""The apps' vendor lists: ids, and an analyst's own vendors given as a path or a Vendor.

An app's ``vendors`` (or ``vendor``) argument takes ids (``"teogest"``), the path of an
analyst's own vendor file (``"my/monfournisseur.yaml"``) or a loaded
:class:`~cgvlib.model.vendor.Vendor` (``cgvlib.load_vendor(path)``). Each own vendor is added to
the session (:func:`cgvlib.model.loader.own_vendor`, which refuses an id or name of a built-in
vendor) and from then on named by its id, which the app's controls hold; it is offered in the
app's choices beside the built-in vendors.
"""

from __future__ import annotations

from pathlib import Path

from cgvlib.errors import CgvError
from cgvlib.model.loader import vendor, vendor_id
from cgvlib.model.vendor import Vendor


def chosen_ids(vendors) -> tuple[str, ...] | None:
    """The ids of ``vendors`` (one, or a list; own vendors added to the session), None for
    None."""
    if vendors is None:
        return None
    given = [vendors] if isinstance(vendors, str | Path | Vendor) else list(vendors)
    return tuple(dict.fromkeys(vendor_id(v) for v in given))


def with_own(options: list[tuple[str, str]], ids) -> list[tuple[str, str]]:
    """``options`` (``(name, id)``) and, after them, each of ``ids`` not among them that names
    a vendor (an analyst's own vendor added to the session); other ids are left for the app
    to refuse."""
    offered = {vid for _name, vid in options}
    extra = []
    for vid in ids or ():
        if vid in offered:
            continue
        try:
            extra.append((vendor(vid).name, vid))
        except CgvError:  # an unknown id: the app says which ids are valid
            continue
        offered.add(vid)
    return [*options, *extra]
