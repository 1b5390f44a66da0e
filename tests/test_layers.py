"""Layers import one way (DESIGN.md): a module never imports from a higher layer."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "cgvlib"
# Layer of each part of the package; the foundation modules are layer 0.
LAYERS = {
    "errors": 0, "lang": 0, "dates": 0, "money": 0, "paths": 0, "output": 0, "strict_yaml": 0,
    "i18n": 0, "names": 0, "date_text": 0, "amount_text": 0, "statute_links": 0,
    "model": 2, "reference": 3, "arithmetic": 4, "analysis": 5, "ledger": 5, "views": 6,
    "apps": 7,
    "teaching": 7, "report": 8,
}
TOP = {"__init__", "__main__", "cli", "report"}  # entry points may import anything


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "cgvlib" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1])


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        name = ".".join(rel.parts)
        if rel.parts[1] in TOP and len(rel.parts) == 2:
            continue
        yield name, path


def imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return {n for n in names if n.startswith("cgvlib")}


@pytest.mark.parametrize(("name", "path"), list(modules()), ids=lambda x: str(x))
def test_no_import_from_a_higher_layer(name, path):
    own = layer_of(name)
    assert own is not None, f"{name}: add its part of the package to LAYERS"
    higher = sorted(m for m in imported(path) if (layer_of(m) or 0) > own)
    assert not higher, f"{name} (layer {own}) imports from a higher layer: {higher}"
