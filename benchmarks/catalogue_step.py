"""The catalogue step alone, as the `catalogue` asset runs it, on a project folder (targets.yaml + policies/):
`uv run python -m benchmarks.catalogue_step PROJECT_DIR [--out DIR]`.

Parts, each timed (wall and CPU seconds) with the process's peak resident memory after it (VmHWM, never reset,
so the last part's peak is the step's): loading the policy documents, `load_catalogue` (parse, validate, verify
every quote), `catalogue_tables`, writing the tables into a DuckDB file, and `save_catalogue` (the JSON the later
steps read). Prints one JSON line with the load average before and after. Use it on the SYNTHETIC national
catalogue that benchmarks/run.py writes (`<workdir>/project`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path


def _hwm_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def measure(project: Path, out: Path) -> dict:
    import duckdb

    from targetwatch.catalogue import catalogue_tables, load_catalogue
    from targetwatch.documents import load_documents
    from targetwatch.warehouse import save_catalogue, write_tables

    parts: dict[str, dict] = {}
    state: dict = {}

    def part(name: str, fn) -> None:
        w, c = time.perf_counter(), _cpu()
        state[name] = fn()
        parts[name] = {"wall_s": round(time.perf_counter() - w, 2), "cpu_s": round(_cpu() - c, 2),
                       "peak_rss_mb_so_far": _hwm_mb()}

    load = os.getloadavg()
    started = time.perf_counter()
    part("load_documents", lambda: load_documents(project / "policies"))
    part("load_catalogue", lambda: load_catalogue(project / "targets.yaml", state["load_documents"]))
    part("catalogue_tables", lambda: catalogue_tables(state["load_catalogue"], state["load_documents"],
                                                      arrow=True))  # as the asset: the large tables as Arrow
    out.mkdir(parents=True, exist_ok=True)

    def write() -> None:
        con = duckdb.connect(str(out / "catalogue-step.duckdb"))
        try:
            write_tables(con, state["catalogue_tables"])
        finally:
            con.close()

    part("write_tables", write)
    part("save_catalogue", lambda: save_catalogue(out, state["load_catalogue"]))
    return {"targets": len(state["load_catalogue"].targets),
            "yaml_bytes": (project / "targets.yaml").stat().st_size,
            "wall_s": round(time.perf_counter() - started, 2), "peak_rss_mb": _hwm_mb(), "parts": parts,
            "loadavg_before": [round(x, 2) for x in load],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()]}


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("project", type=Path)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="SYNTHETIC-catalogue-step-") as tmp:
        result = measure(args.project, args.out or Path(tmp))
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
