"""benchmarks/peak.py: a step's peak is reset without losing the process's (the 1M benchmark under-reported it)."""

from __future__ import annotations

import json
import subprocess
import sys

from targetwatch.config import PROJECT_DIR

# A child starts with the kernel's ru_maxrss already at its parent's size (the mm copied at fork is counted when it
# execs), so the block it touches is that size plus 300 MB: then only the block can be the child's own peak.
_CHILD = """
import json, resource
from benchmarks.peak import process_peak_kb, reset_step_peak, status_kb
inherited_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
block = bytearray((inherited_kb + 300 * 1024) * 1024)
block[::4096] = b"x" * len(block[::4096])  # touch every page
del block
reset_step_peak()
print(json.dumps({"inherited": inherited_kb, "after_reset_hwm": status_kb("VmHWM"),
                  "kernel": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "process": process_peak_kb()}))
"""


def test_a_reset_keeps_the_process_peak_the_kernel_forgets():
    out = subprocess.run([sys.executable, "-c", _CHILD], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    kb = json.loads(out.stdout)
    touched = kb["inherited"] + 300 * 1024
    # the block is gone and the reset lowered both the step's high-water mark and the kernel's figure ...
    assert kb["after_reset_hwm"] < 200 * 1024
    assert kb["kernel"] < touched - 200 * 1024
    # ... but the process's peak still counts it
    assert kb["process"] >= touched
