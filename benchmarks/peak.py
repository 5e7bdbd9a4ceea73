"""A step's own memory peak without losing the whole process's.

Writing 5 to /proc/self/clear_refs resets VmHWM so that the next reading is one step's own peak. It also resets the
high-water mark the kernel keeps for the process: `getrusage(...).ru_maxrss` and `/usr/bin/time`'s maximum resident
set size then cover only the time since the last reset (checked: a process that touched 800 MB, freed it and reset
showed VmHWM 833,100 kB before and a maximum resident set size of 13,632 kB at exit). So every reset goes through
`reset_step_peak`, which first keeps the highest VmHWM seen, and the whole process's peak is `process_peak_kb`.
"""

from __future__ import annotations

import re
import resource
from pathlib import Path

_held_kb = 0


def status_kb(field: str) -> int | None:
    """A VmRSS / VmHWM line of /proc/self/status, in kB (None where /proc is not there)."""
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    found = re.search(rf"^{field}:\s+(\d+)", text, flags=re.M)
    return int(found.group(1)) if found else None


def reset_step_peak() -> bool:
    """Reset VmHWM for the next step, keeping the highest value it held; False where the kernel does not allow it."""
    global _held_kb
    _held_kb = max(_held_kb, status_kb("VmHWM") or 0)
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def process_peak_kb() -> int:
    """The process's peak resident size so far, whatever resets happened: the largest of the kept VmHWM, the current
    VmHWM and the kernel's ru_maxrss."""
    return max(_held_kb, status_kb("VmHWM") or 0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def proc_kb(pid: int, file: str, fields: tuple[str, ...]) -> int | None:
    """The sum of `fields` (kB lines) of /proc/<pid>/<file>; None when the process or the file is not there."""
    try:
        text = Path(f"/proc/{pid}/{file}").read_text()
    except (OSError, ValueError):
        return None
    found = [int(m.group(1)) for f in fields for m in re.finditer(rf"^{f}:\s+(\d+) kB", text, flags=re.M)]
    return sum(found) if found else None


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return out


def tree_kb(pid: int) -> int:
    """The memory a process tree holds at once: `pid`'s resident size (VmRSS) plus, for every process below it, the
    pages it holds alone (Private_Clean + Private_Dirty of /proc/<child>/smaps_rollup; its VmRSS where that file is
    missing). A forked child (the dashboards' second process, targetwatch.render.fork_pair) maps the parent's pages
    until one of them writes to a page: VmRSS counts each such page in both processes, which is memory held once.
    Every page is counted once here: one the child shares with the parent in the parent's VmRSS, one it copied or
    made in its own private pages (and a page the parent copied after the fork leaves the old one private to the
    child). A spawned child shares nothing but its libraries, so for it this is about its VmRSS."""
    total = proc_kb(pid, "status", ("VmRSS",)) or 0
    todo = _children(pid)
    while todo:
        child = todo.pop()
        own = proc_kb(child, "smaps_rollup", ("Private_Clean", "Private_Dirty"))
        total += own if own is not None else (proc_kb(child, "status", ("VmRSS",)) or 0)
        todo += _children(child)
    return total


def watch(pid: int, every: float = 0.5) -> int:
    """The largest tree_kb(pid) sampled every `every` seconds until this process's stdin closes (or `pid` ends).
    Run as its own process (`python -m benchmarks.peak PID`, benchmarks.site_steps): reading a large process's
    smaps_rollup costs tens of milliseconds of the reader's system time, which a sampler inside the measured process
    would add to the step it measures."""
    import select
    import sys

    peak = 0
    while Path(f"/proc/{pid}").exists():
        peak = max(peak, tree_kb(pid))
        if select.select([sys.stdin], [], [], every)[0]:
            break
    return peak


if __name__ == "__main__":
    import sys

    print(watch(int(sys.argv[1])), flush=True)
