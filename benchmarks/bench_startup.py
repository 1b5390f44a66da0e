"""Start-up: what a user waits for before the first answer, each in a fresh interpreter.

- ``import cgvlib`` against ``import pandas`` (baseline, same run): target at most 1.1x;
- ``python -m cgvlib --help`` against ``python -c pass`` (baseline): target under 0.5 s;
- ``python -m cgvlib compare`` imports none of the notebook stack (matplotlib, ipywidgets,
  papermill, nbformat, nbclient, openpyxl, icalendar, jsonschema), read with
  ``python -X importtime``;
- the five vendor files cold (a fresh process, the loader imported: load, validate, verify
  every quote) against reading the same YAML files with ``yaml.safe_load`` (baseline): target
  under 0.1 s.

Medians of RUNS fresh processes each.
"""

from __future__ import annotations

import json
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
RUNS = 7
IMPORT_RATIO = 1.1
HELP_S = 0.5
VENDORS_S = 0.1
NOTEBOOK_STACK = ("matplotlib", "ipywidgets", "papermill", "nbformat", "nbclient", "openpyxl",
                  "icalendar", "jsonschema", "IPython")

VENDORS_COLD = """
import json, time
start = time.perf_counter()
from cgvlib.model.loader import vendors
imported = time.perf_counter()
found = vendors()
done = time.perf_counter()
assert len(found) == 5 and all(v.quotes_verified for v in found), found
print(json.dumps({"import": imported - start, "load": done - imported}))
"""

YAML_COLD = """
import json, pathlib, time
import yaml
from cgvlib import paths
files = sorted(p for p in paths.vendors_dir().glob("*.yaml") if ".example" not in p.name)
start = time.perf_counter()
for p in files:
    yaml.safe_load(p.read_text(encoding="utf-8"))
print(json.dumps({"load": time.perf_counter() - start}))
"""


def wall(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_wall(*args: str) -> float:
    return statistics.median(wall(*args) for _ in range(RUNS))


def reported(code: str, key: str) -> float:
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out.splitlines()[-1])[key])
    return statistics.median(runs)


def notebook_stack_in(*args: str) -> list[str]:
    err = subprocess.run([sys.executable, "-X", "importtime", *args], check=True, cwd=ROOT,
                         capture_output=True, text=True).stderr
    names = {line.split("|")[-1].strip() for line in err.splitlines() if "|" in line}
    return sorted({n.split(".")[0] for n in names} & set(NOTEBOOK_STACK))


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    failures = 0
    wall("-c", "import cgvlib, pandas")  # warm the file cache
    cgv, pandas = median_wall("-c", "import cgvlib"), median_wall("-c", "import pandas")
    ok = cgv <= IMPORT_RATIO * pandas
    failures += not ok
    print(f"{'import cgvlib':<34} {cgv:6.3f} s  baseline import pandas {pandas:6.3f} s  "
          f"ratio {cgv / pandas:5.2f} (target <= {IMPORT_RATIO})  {verdict(ok)}")

    helped, bare = median_wall("-m", "cgvlib", "--help"), median_wall("-c", "pass")
    ok = helped < HELP_S
    failures += not ok
    print(f"{'python -m cgvlib --help':<34} {helped:6.3f} s  baseline python -c pass "
          f"{bare:6.3f} s  ratio {helped / bare:5.2f} (target < {HELP_S} s)  {verdict(ok)}")

    stack = notebook_stack_in("-m", "cgvlib", "compare")
    ok = not stack
    failures += not ok
    print(f"{'python -m cgvlib compare':<34} notebook stack imported: "
          f"{', '.join(stack) or 'none'}  {verdict(ok)}")

    load, plain = reported(VENDORS_COLD, "load"), reported(YAML_COLD, "load")
    ok = load < VENDORS_S
    failures += not ok
    print(f"{'five vendors cold (load+verify)':<34} {load:6.3f} s  baseline yaml.safe_load "
          f"{plain:6.3f} s  ratio {load / plain:5.2f} (target < {VENDORS_S} s)  {verdict(ok)}")
    print("PASS" if not failures else f"FAIL ({failures} target(s) missed)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
