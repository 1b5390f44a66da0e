"""pyproject.toml and environment.yml install the same dependencies with the same bounds."""

from __future__ import annotations

import re
import tomllib

import yaml

from tests.conftest import ROOT

CONDA_ONLY = {"python", "pip"}
# conda-forge names that differ from the PyPI name of the same package
PYPI_NAME = {"playwright-python": "playwright"}


def requirement(spec: str) -> tuple[str, str]:
    name, bounds = re.match(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*(.*)$", spec).groups()
    name = re.sub(r"\[.*\]", "", name).lower().replace("_", "-")
    return name, bounds.replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    return dict(requirement(s) for s in specs)


def conda_requirements() -> tuple[dict[str, str], list]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip = {}, []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip += dep.get("pip", [])
        else:
            name, bounds = requirement(dep)
            if name not in CONDA_ONLY:
                conda[PYPI_NAME.get(name, name)] = bounds
    return conda, pip


def test_same_dependencies_and_bounds():
    conda, _ = conda_requirements()
    assert conda == pyproject_requirements()


def test_environment_installs_the_package_itself():
    _, pip = conda_requirements()
    assert "-e ." in pip


def test_environment_python_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in env["dependencies"]
