"""The reports' kernels run cgvlib.report.kernel: ipykernel, started with the template's modules
already loaded; any other kernel the library starts stays plain ipykernel."""

from __future__ import annotations

import subprocess
import sys

from cgvlib.report.batch import REPORT_KERNEL, this_python_kernel


def test_the_reports_kernel_runs_the_report_launcher():
    assert this_python_kernel(REPORT_KERNEL)().kernel_spec.argv == [
        sys.executable, "-m", "cgvlib.report.kernel", "-f", "{connection_file}"]


def test_a_plain_kernel_stays_ipykernel():
    assert this_python_kernel()().kernel_spec.argv == [
        sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]


def test_warming_up_loads_the_sections_and_leaves_the_namespace_alone():
    code = ("import sys; from cgvlib.report.kernel import warm_up; "
            "before = set(globals()) | {'before'}; warm_up(); "
            "print('cgvlib.report.sections' in sys.modules, "
            "'cgvlib.report.batch' in sys.modules, set(globals()) == before)")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.split()
    # the template's sections loaded; the batch (papermill, kernels) not; no name added
    assert shown == ["True", "False", "True"]
