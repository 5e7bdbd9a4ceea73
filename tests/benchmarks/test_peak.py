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


def test_tree_kb_counts_a_forked_childs_shared_pages_once_and_its_own_pages():
    """A forked child maps the parent's pages: its VmRSS counts the parent's 80 MB again, tree_kb does not; the 40 MB
    the child writes itself are counted."""
    import os
    import signal
    import time

    from benchmarks.peak import proc_kb, tree_kb

    mb = 1024 * 1024
    big = bytearray(80 * mb)
    big[::4096] = b"\x01" * len(big[::4096])  # every page of it resident in this process
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            own = bytearray(40 * mb)
            own[::4096] = b"\x01" * len(own[::4096])
            os.write(write_end, b"x")
            time.sleep(120)  # until the parent has read its figures and kills it
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        assert os.read(read_end, 1) == b"x"
        parent, child = proc_kb(os.getpid(), "status", ("VmRSS",)), proc_kb(pid, "status", ("VmRSS",))
        tree = tree_kb(os.getpid())
        assert child > 110 * 1024  # the parent's 80 MB (and more) and its own 40 MB
        assert parent + 35 * 1024 <= tree <= parent + child - 70 * 1024
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
    assert len(big) == 80 * mb
