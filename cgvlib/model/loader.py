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
from cgvlib.errors import UnknownVendorError, VendorFileError, YamlError
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


def _citation_problems(vendor: Vendor, texts: Path, root) -> list[tuple[str, str]]:
    doc = vendor.document
    if doc.file is None:
        return [
            (
                "document.file",
                "names no text file, so quotes cannot be verified; give the "
                f"file name of the vendor's text in {texts}",
            )
        ]
    path = texts / doc.file
    if not path.is_file():
        return [
            (
                "document.file",
                f"{doc.file!r} is not in {texts}; valid files there: "
                + ", ".join(sorted(p.name for p in texts.glob("*.txt"))),
            )
        ]
    text, sha = source_text(path)
    problems = []
    if doc.sha256 is not None and doc.sha256 != sha:
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
    return problems


def load_vendor(
    path: str | Path, *, texts_dir: str | Path | None = None, verify_quotes: bool = True
) -> Vendor:
    """Load, validate and (when the texts are at hand) verify a vendor file.

    ``texts_dir`` defaults to :func:`cgvlib.paths.texts_dir`; when that folder does not
    exist the quotes are not verified and ``vendor.quotes_verified`` is False.
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
    protect_input(path, f"the vendor file {path.name}")  # never written over (cgvlib.output)
    mtime = path.stat().st_mtime_ns
    texts = Path(texts_dir) if texts_dir is not None else paths.texts_dir()
    return _load_cached(str(path), mtime, str(texts), verify_quotes)


@functools.lru_cache(maxsize=64)
def _load_cached(path_str: str, mtime: int, texts_str: str, verify_quotes: bool) -> Vendor:
    path, texts = Path(path_str), Path(texts_str)
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
    verified = verify_quotes and texts.is_dir()
    if verified:
        problems += _citation_problems(vendor, texts, root)
    if problems:
        raise VendorFileError(path, problems)
    vendor._origin = str(path)
    vendor._quotes_verified = verified
    return vendor


def vendor_files(directory: str | Path | None = None) -> list[Path]:
    folder = Path(directory) if directory is not None else paths.vendors_dir()
    return sorted(p for p in folder.glob("*.yaml") if not p.name.endswith(EXAMPLE_SUFFIX))


def vendors(directory: str | Path | None = None) -> list[Vendor]:
    """Every vendor file of ``data/vendors/`` (or ``directory``), loaded and verified."""
    return [load_vendor(p) for p in vendor_files(directory)]


def vendor(vendor_id: str, directory: str | Path | None = None) -> Vendor:
    """The vendor whose file is ``<vendor_id>.yaml`` in ``data/vendors/`` (or ``directory``)."""
    files = {p.stem: p for p in vendor_files(directory)}
    if vendor_id not in files:
        raise unknown_vendor(vendor_id, files)
    return load_vendor(files[vendor_id])


def unknown_vendor(vendor_id: str, known) -> UnknownVendorError:
    """The one error for a vendor id that names no vendor file, with the ids that do."""
    return UnknownVendorError(f"unknown vendor {vendor_id!r}; known vendors: "
                              + ", ".join(sorted(known)))
