"""Loading and validating vendor files.

``load_vendor(path)`` reads a YAML file with :mod:`cgvlib.strict_yaml` (no duplicate key, no
YAML 1.1 trap such as ``010`` or ``yes``, no runaway alias, UTF-8, at most 1 MB), validates it
against the :class:`~cgvlib.model.vendor.Vendor` model, checks that the file's id matches its
name and, when the vendors' texts are at hand, that every quote is in the text. Every problem is
reported at once in a :class:`~cgvlib.errors.VendorFileError` naming the file, the line, the
field path, what is wrong and what would be valid.
"""

from __future__ import annotations

import functools
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from cgvlib import paths, strict_yaml
from cgvlib.errors import InputError, UnknownVendorError, VendorFileError, YamlError
from cgvlib.i18n import Phrase
from cgvlib.model.base import boolean_for_a_number
from cgvlib.model.citations import closest_passage, quote_position, source_text
from cgvlib.model.vendor import Vendor
from cgvlib.output import protect_input

NOT_VENDOR_FILES = {"README.md", "schema.json"}
EXAMPLE_SUFFIX = ".example.yaml"


# --- locating a field path in the YAML text (for line numbers) -------------------------------


def _node_at(root: yaml.Node | None, path: list) -> yaml.Node | None:
    node = root
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
        if node is None:
            return None
    return node


def _clean_loc(loc: tuple, data: Any) -> list:
    """Drop the union tags pydantic inserts in error locations, keeping real keys and indexes."""
    out, here = [], data
    for part in loc:
        if (isinstance(here, dict) and part in here) or (
            isinstance(here, list) and isinstance(part, int) and part < len(here)
        ):
            out.append(part)
            here = here[part]
        elif (
            isinstance(here, dict)
            and isinstance(part, str)
            and part not in here
            and (not out or part != out[-1])
            and _is_tag(part, here)
        ):
            continue
        else:
            out.append(part)
            here = None
    return out


def _is_tag(part: str, here: dict) -> bool:
    return part == here.get("kind") or part in _UNION_TAGS or part.startswith("function-")


_UNION_TAGS = {"clause", "silent"}


def _format_path(parts: list) -> str:
    text = ""
    for p in parts:
        text += f"[{p}]" if isinstance(p, int) else (f".{p}" if text else str(p))
    return text or "(top level)"


def _model_at(parts: list, data: Any) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``parts`` (to list its valid fields)."""
    model: Any = Vendor
    here = data
    for part in parts:
        if isinstance(part, int):
            here = here[part] if isinstance(here, list) and part < len(here) else None
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        field = model.model_fields.get(part)
        if field is None:
            return None
        here = here.get(part) if isinstance(here, dict) else None
        model = _resolve(field.annotation, here)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _resolve(annotation: Any, value: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _resolve(typing.get_args(annotation)[0], value)
    if origin in (list, dict):
        inner = typing.get_args(annotation)[-1]
        sample = value[0] if isinstance(value, list) and value else None
        return _resolve(inner, sample)
    if origin in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(annotation) if m is not type(None)]
        models = [
            m
            for m in (_resolve(m, value) for m in members)
            if isinstance(m, type) and issubclass(m, BaseModel)
        ]
        if isinstance(value, dict):
            for m in models:
                kind = m.model_fields.get("kind")
                if kind is not None and value.get("kind") in typing.get_args(kind.annotation):
                    return m
                if "silent" in value and m.__name__ == "Silent":
                    return m
            non_silent = [m for m in models if m.__name__ != "Silent"]
            if len(non_silent) == 1 and "silent" not in value:
                return non_silent[0]
        return models[0] if len(models) == 1 else None
    return annotation


def _explain(error: dict, parts: list, data: Any) -> str:
    kind, msg = error["type"], error["msg"]
    given = error.get("input")
    if kind == "missing":
        return (
            f"missing field '{parts[-1]}'; every clause family must be present (write "
            "{silent: true, note: ...} or [] when the text says nothing)"
            if len(parts) == 1
            else f"missing field '{parts[-1]}'"
        )
    if kind == "extra_forbidden":
        model = _model_at(parts[:-1], data)
        valid = ", ".join(model.model_fields) if model else "see data/vendors/schema.json"
        return f"unknown field '{parts[-1]}'; valid fields here: {valid}"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        return f"unknown kind {ctx.get('tag')!r}; valid kinds: {ctx.get('expected_tags')}"
    if isinstance(given, bool) and kind in ("int_type", "decimal_type", "float_type"):
        return boolean_for_a_number(given)  # Count is a strict int; a Decimal refuses booleans
    if kind.startswith(("date_", "datetime_")) and isinstance(given, str):
        # a quoted date: the same words as an unquoted one (cgvlib.strict_yaml)
        impossible = strict_yaml.date_problem(given)
        if impossible:
            return impossible
        return f"{given!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-06-30"
    if kind == "value_error":
        msg = msg.removeprefix("Value error, ")
    text = msg[0].lower() + msg[1:] if msg else kind
    if given is not None and not isinstance(given, (dict, list)) and kind != "value_error":
        text += f" (got {given!r})"
    return text


# --- loading ------------------------------------------------------------------------------------


def _problems_from_validation(exc: ValidationError, data: Any, root) -> list[tuple[str, str]]:
    seen, problems = set(), []
    for error in exc.errors():
        parts = _clean_loc(error["loc"], data)
        where = _format_path(parts)
        if (where, error["type"]) in seen:
            continue
        seen.add((where, error["type"]))
        node = _node_at(root, parts)
        line = f"line {node.start_mark.line + 1}, " if node is not None else ""
        problems.append((f"{line}{where}", _explain(error, parts, data)))
    return problems


def text_places(vendor_file: str | Path, texts_dir: str | Path | None = None) -> list[Path]:
    """The folders a vendor's text (``document.file``) is looked for in, in order: the vendor
    file's own folder, then ``texts_dir`` when given, else the texts folders
    (:func:`cgvlib.paths.texts_dirs`: ``CGVLIB_TEXTS``, then ``../shared/cgv``)."""
    beside = Path(vendor_file).expanduser().resolve().parent
    others = [Path(texts_dir)] if texts_dir is not None else paths.texts_dirs()
    return list(dict.fromkeys([beside, *others]))


def find_text(file_name: str, places: list[Path], sha256: str | None = None) -> Path | None:
    """The first of ``places`` holding ``file_name``; when the vendor file pins the text's
    ``sha256``, the first whose bytes match, if any does. None when no place holds it."""
    found = [place / file_name for place in places if (place / file_name).is_file()]
    if sha256 is not None:
        matching = [p for p in found if source_text(p)[1] == sha256]
        return matching[0] if matching else (found[0] if found else None)
    return found[0] if found else None


def vendor_text(vendor: Vendor, texts_dir: str | Path | None = None) -> Path | None:
    """The text ``vendor`` cites (beside its file first, then in ``texts_dir`` or the texts
    folders), or None when it is nowhere at hand."""
    if vendor.document.file is None:
        return None
    if vendor.origin is not None:
        places = text_places(vendor.origin, texts_dir)
    else:  # built in memory: only the texts folders
        places = [Path(texts_dir)] if texts_dir is not None else paths.texts_dirs()
    return find_text(vendor.document.file, places, vendor.document.sha256)


def _where_looked(file_name: str, places: list[Path]) -> str:
    beside, *others = places
    listing = [f"{place}: " + (", ".join(sorted(p.name for p in place.glob("*.txt")))
                               or "no .txt file")
               for place in others if place.is_dir()]
    return (f"{file_name!r} is not in {beside} (beside this file) nor in "
            + " nor in ".join(map(str, others))
            + "; put the vendor's text beside this file"
            + ("; texts there: " + "; ".join(listing) if listing else ""))


def _citation_problems(vendor: Vendor, path: Path, places: list[Path], builtin: bool,
                       root) -> tuple[list[tuple[str, str]], Path | None]:
    """The quotes' problems and the text they were verified against (None: not verified).

    A built-in vendor (a file of ``data/vendors``) whose text is not at hand, or at hand only
    in another version than the one its file pins (``sha256``), is left unverified rather
    than refused: its quotes are checked by the project's own tests, and nothing a user sets
    (``CGVLIB_TEXTS``) may stop it from loading. An analyst's own file must name a text that
    is at hand, beside the file or in the texts folders."""
    doc = vendor.document
    if doc.file is None:
        if builtin:
            return [], None
        return [("document.file", "names no text file, so quotes cannot be verified; put the "
                 f"vendor's text beside this file (in {places[0]}) and give its file name")], None
    found = find_text(doc.file, places, doc.sha256)
    if found is None:
        return ([] if builtin else [("document.file", _where_looked(doc.file, places))]), None
    text, sha = source_text(found)
    problems = []
    if doc.sha256 is not None and doc.sha256 != sha:
        if builtin:
            return [], None
        problems.append(
            (
                "document.sha256",
                f"the text {doc.file} has changed since this file "
                f"was written (its sha256 is now {sha}); re-check the quotes, then update",
            )
        )
    for field_path, source in vendor.citations():
        if quote_position(source, text) < 0:
            parts = [
                int(p) if p.isdigit() else p
                for p in field_path.replace("[", ".").replace("]", "").split(".")
            ]
            node = _node_at(root, [*parts[:-1], "source", "quote"][: len(parts) + 1])
            line = f"line {node.start_mark.line + 1}, " if node is not None else ""
            near = closest_passage(source, text)
            hint = f"; the text nearest to it reads: {near!r}" if near else ""
            problems.append(
                (
                    f"{line}{field_path}.quote",
                    f"quote not found in {doc.file} (white space normalised): "
                    f"{source.quote[:80]!r}{hint}",
                )
            )
    return problems, found


def load_vendor(
    path: str | Path, *, texts_dir: str | Path | None = None, verify_quotes: bool = True
) -> Vendor:
    """Load, validate and verify a vendor file.

    The text the quotes are verified against (``document.file``) is looked for beside the
    file first, then in ``texts_dir`` (default: the texts folders, ``CGVLIB_TEXTS`` then
    ``../shared/cgv``; :func:`text_places`). An analyst's own file whose text is nowhere at hand
    is refused, saying where it was looked for; a built-in vendor's file (``data/vendors``)
    then loads with ``vendor.quotes_verified`` False. ``verify_quotes=False`` skips the check.
    """
    path = Path(path)
    if not path.is_file():
        raise VendorFileError(
            path,
            [
                (
                    "file",
                    ("is a folder" if path.is_dir() else "not found")
                    + "; give the path of a vendor YAML file, "
                    f"e.g. {paths.vendors_dir() / 'teogest.yaml'}",
                )
            ],
        )
    mtime = path.stat().st_mtime_ns
    places = tuple(str(p) for p in text_places(path, texts_dir))
    loaded = _load_cached(str(path), mtime, places, verify_quotes)
    # once loaded, never written over (cgvlib.output); a file that fails to load is not
    # in use, and may be corrected, by hand or through cgvlib.model.own_vendor
    protect_input(path, f"the vendor file {path.name}")
    return loaded


def is_builtin(path: str | Path) -> bool:
    """True when ``path`` is one of the built-in vendor files (``data/vendors/<id>.yaml``)."""
    folder = paths.vendors_dir()
    try:
        listed = folder.stat().st_mtime_ns
    except OSError:  # no such folder: no built-in file
        return False
    return Path(path).expanduser().resolve() in _resolved_files(str(folder), listed)


@functools.lru_cache(maxsize=4)
def _resolved_files(folder: str, mtime_ns: int) -> frozenset[Path]:
    """The built-in vendor files, resolved (kept while the folder's listing is unchanged)."""
    return frozenset(p.resolve() for p in vendor_files(folder))


@functools.lru_cache(maxsize=64)
def _load_cached(path_str: str, mtime: int, places: tuple[str, ...],
                 verify_quotes: bool) -> Vendor:
    path = Path(path_str)
    try:
        data, root = strict_yaml.parse_file(path, "vendor file")
    except YamlError as exc:
        raise VendorFileError(path, [(exc.where or "file", exc.problem)]) from None
    if not isinstance(data, dict):
        raise VendorFileError(
            path,
            [
                (
                    "(top level)",
                    "a vendor file is a YAML mapping with "
                    "id, name, document and the clause families",
                )
            ],
        )
    try:
        vendor = Vendor.model_validate(data)
    except ValidationError as exc:
        raise VendorFileError(path, _problems_from_validation(exc, data, root)) from None
    problems = []
    expected_id = path.name.removesuffix(EXAMPLE_SUFFIX).removesuffix(".yaml")
    if vendor.id != expected_id:
        problems.append(
            (
                "id",
                f"{vendor.id!r} differs from the file name; name the file "
                f"{vendor.id}.yaml or set id: {expected_id}",
            )
        )
    text = None
    if verify_quotes:
        found, text = _citation_problems(vendor, path, [Path(p) for p in places],
                                         is_builtin(path), root)
        problems += found
    if problems:
        raise VendorFileError(path, problems)
    if text is not None:
        protect_input(text, f"the text of {vendor.id}, {text.name}")
    vendor._origin = str(path)
    vendor._quotes_verified = text is not None
    return vendor


def vendor_files(directory: str | Path | None = None) -> list[Path]:
    folder = Path(directory) if directory is not None else paths.vendors_dir()
    return sorted(p for p in folder.glob("*.yaml") if not p.name.endswith(EXAMPLE_SUFFIX))


def vendors(directory: str | Path | None = None) -> list[Vendor]:
    """Every vendor file of ``data/vendors/`` (or ``directory``), loaded and verified."""
    return [load_vendor(p) for p in vendor_files(directory)]


def vendor(vendor_id: str | Path, directory: str | Path | None = None) -> Vendor:
    """The vendor whose file is ``<vendor_id>.yaml`` in ``data/vendors/`` (or ``directory``);
    else an analyst's own vendor added in this session (:func:`own_vendor`) by its id; a path
    to a YAML file (``"my/vendor.yaml"``) is loaded and added (:func:`own_vendor`)."""
    if is_vendor_path(vendor_id):
        return own_vendor(vendor_id)
    files = {p.stem: p for p in vendor_files(directory)}
    if vendor_id in files:
        return load_vendor(files[vendor_id])
    if directory is None and vendor_id in _OWN:
        return _OWN[vendor_id]
    raise unknown_vendor(vendor_id, files)


def unknown_vendor(vendor_id: str, known) -> UnknownVendorError:
    """The one error for a vendor id that names no vendor file, with the ids that do (and the
    analyst's own vendors added in this session, if any)."""
    own = (Phrase("; your own vendors: {vendors}", vendors=", ".join(sorted(_OWN))) if _OWN
           else "")
    return UnknownVendorError(Phrase("unknown vendor {vendor}; known vendors: {known}{own}; or "
                                     "give the path of a vendor file, such as my_vendor.yaml",
                                     vendor=repr(vendor_id), known=", ".join(sorted(known)),
                                     own=own))


# --- an analyst's own vendors -----------------------------------------------------------------

_OWN: dict[str, Vendor] = {}  # id -> the analyst's own vendor added in this session
RESERVED_IDS = {"statutory"}  # the law's default terms (cgvlib.arithmetic.statutory)


def is_vendor_path(ref) -> bool:
    """True when ``ref`` names a file rather than a vendor id: a Path, or text ending in
    ``.yaml``/``.yml`` or holding a folder separator."""
    if isinstance(ref, Path):
        return True
    return isinstance(ref, str) and (ref.endswith((".yaml", ".yml")) or "/" in ref
                                     or "\\" in ref)


def own_vendor(ref: str | Path | Vendor) -> Vendor:
    """Add an analyst's own vendor (a file's path, or a :class:`Vendor` already loaded) to this
    session, beside the built-in ones, and return it: from then on its id names it too
    (``cgvlib.vendor("monfournisseur")``, a report's ``vendors``, ``--commitment id=12``).

    The built-in vendors cannot be replaced: an own vendor whose id or name is a built-in
    vendor's is refused with a clear error (a built-in file given by its path is simply that
    vendor). Adding a vendor again with the same id replaces the earlier one (an edited file
    reloaded)."""
    if isinstance(ref, Vendor):
        loaded = ref
    elif isinstance(ref, str | Path):
        loaded = load_vendor(ref)
    else:
        raise InputError(f"vendor: expected a vendor id, the path of a vendor file or a Vendor, "
                         f"got {type(ref).__name__}")
    if loaded.origin is not None and is_builtin(loaded.origin):
        return loaded
    builtins = {p.stem: p for p in vendor_files()}
    where = loaded.origin or "this vendor"
    if loaded.id in builtins or loaded.id in RESERVED_IDS:
        taken = builtins.get(loaded.id, "the law's default terms")
        raise InputError(f"{where}: id {loaded.id!r} is already a built-in vendor's ({taken}); "
                         "an own vendor cannot replace one: give your file another id (and "
                         "name the file after it), such as " + f"{loaded.id}_own")
    names = {v.name.casefold(): v.id for v in vendors()}
    if loaded.name.casefold() in names:
        raise InputError(f"{where}: name {loaded.name!r} is already the built-in vendor "
                         f"{names[loaded.name.casefold()]}'s; give your vendor another name so "
                         "that the tables tell them apart")
    _OWN[loaded.id] = loaded
    return loaded


def vendor_id(ref: str | Path | Vendor) -> str:
    """The id naming ``ref`` in this session: an id is itself; a vendor file's path or a
    :class:`Vendor` is added first (:func:`own_vendor`). For the apps' vendor lists, whose
    controls hold ids."""
    if isinstance(ref, str) and not is_vendor_path(ref):
        return ref
    return own_vendor(ref).id


def own_vendors() -> list[Vendor]:
    """The analyst's own vendors added in this session (:func:`own_vendor`), by id."""
    return [_OWN[k] for k in sorted(_OWN)]
