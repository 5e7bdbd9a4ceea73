"""Where the dashboards step's time goes, by phase, without a profiler:
`uv run python -m benchmarks.site_phases WAREHOUSE [--site DIR] [--no-data-files]`.

WAREHOUSE is a refreshed warehouse (`<workdir>/out/warehouse.duckdb` of `benchmarks/run.py`, SYNTHETIC); it is only
read (open it on a copy if a refresh may write it). The step runs as `benchmarks.site_steps --steps dashboards` runs
it (read_site_data, then build_dashboards into DIR), with the functions below wrapped: each phase's calls, wall
seconds and this process's CPU seconds (all threads: DuckDB's too) are summed. Nested phases are indented: their time
is part of their parent's. Prints one line a phase, then how the charts' numbers were written: one at a time
(`formatting._format_new`), a batch at a time (`formatting_many.remember`), and how many the memo held at the end.

Why not cProfile or a sampler: cProfile's cost per Python call inflates the per-row code (the row cells, the chart
builders) two to three times against the rest; a sampling thread is woken at the points where the main thread
releases the GIL (file opens, DuckDB calls), so those were over-counted (docs/scaling.md section 0, session 14).
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import time
from pathlib import Path
from typing import Any

# (module, owner attribute or None, function, label): the label's indent is its nesting
PHASES: tuple[tuple[str, str | None, str, str], ...] = (
    ("targetwatch.render.dashboards", None, "copy_static", "copy_static"),
    ("targetwatch.render.dashboards", None, "data_owed_page", "data_owed_page"),
    ("targetwatch.render.dashboards", None, "changes_page", "changes_page"),
    ("targetwatch.render.dashboards", None, "target_rows", "target_rows"),
    ("targetwatch.render.dashboards", None, "build_briefs", "briefs"),
    ("targetwatch.render.large_site", "LargeSite", "__init__", "LargeSite.__init__"),
    ("targetwatch.render.data_files", "DataFiles", "__init__", "data files: what the batches share"),
    ("targetwatch.render.site_figures", "WarehouseFigures", "files", "  figures: files"),
    ("targetwatch.render.site_figures", "WarehouseFigures", "texts", "  figures: texts"),
    ("targetwatch.render.site_figures", "WarehouseFigures", "positions", "  figures: positions"),
    ("targetwatch.render.site_figures", "WarehouseFigures", "fetch", "  figures: batches (read)"),
    ("targetwatch.render.site_figures", "Fetched", "batch", "  figures: batches (converted)"),
    ("targetwatch.render.data_files", "DataFiles", "write", "data files: the batches"),
    ("targetwatch.render.data_files", None, "write_batch", "  write_batch (targets, charts, JSON, files)"),
    ("targetwatch.charts", None, "shared_charts", "    charts (charts.shared_charts)"),
    ("targetwatch.chart_client", None, "chart_input", "    charts' data for the page (chart_client.chart_input)"),
    ("targetwatch.render.row_html", "TargetTableRows", "fill", "list rows made a column at a time (row_html fill)"),
    ("targetwatch.render.large_site", "LargeSite", "index", "overview"),
    ("targetwatch.render.large_site", "LargeSite", "jurisdiction_pages", "jurisdiction pages"),
    ("targetwatch.render.large_site", "LargeSite", "status_lists", "status lists"),
    ("targetwatch.render.row_html", "TargetTableRows", "rows", "  list rows (row_html, both kinds of page)"),
    ("targetwatch.render.large_site", "LargeSite", "document_page", "document pages"),
    ("targetwatch.render.large_site", "LargeSite", "department_page", "department pages"),
    ("targetwatch.render.large_site", "LargeSite", "target_view", "target view"),
)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _wrap(owner: Any, name: str, label: str, acc: dict[str, list]) -> Any:
    """Wrap `owner.name` to sum its calls, wall and CPU into acc[label]; return the original."""
    f = getattr(owner, name)

    @functools.wraps(f)
    def timed(*a: Any, **k: Any) -> Any:
        t, c = time.perf_counter(), _cpu()
        try:
            return f(*a, **k)
        finally:
            s = acc.setdefault(label, [0, 0.0, 0.0])
            s[0] += 1
            s[1] += time.perf_counter() - t
            s[2] += _cpu() - c

    setattr(owner, name, timed)
    return f


def _counted(owner: Any, name: str, numbers: list[int], slot: int) -> Any:
    """Wrap `owner.name` to add to numbers[slot] one a call (slot 0) or what it returns (slot 1), without timing it: it
    runs once a number, where a timer would cost more than the call; return the original."""
    f = getattr(owner, name)

    @functools.wraps(f)
    def counted(*a: Any, **k: Any) -> Any:
        out = f(*a, **k)
        numbers[slot] += out if slot else 1
        return out

    setattr(owner, name, counted)
    return f


def run(warehouse: Path, site: Path, data_files: bool = True) -> dict[str, list]:
    """Build the dashboards of `warehouse` into `site` with the PHASES timed; {label: [calls, wall s, CPU s]}, and
    "number memo": [numbers written one at a time, numbers written a batch at a time, numbers held by the memo at the
    end (both languages)]. Every wrapped function is put back before it returns."""
    import importlib

    from targetwatch import formatting, formatting_many
    from targetwatch.render import data_files as data_files_module
    from targetwatch.render import fork_pair
    from targetwatch.render.dashboards import build_dashboards, read_site_data
    from targetwatch.warehouse import connect

    acc: dict[str, list] = {}
    wrapped: list[tuple[Any, str, Any]] = []
    numbers = [0, 0]  # written one at a time (a call each), a batch at a time (what remember returns)
    workers = os.environ.get(fork_pair.WORKERS_ENV)
    try:
        for module, owner, name, label in PHASES:
            m = importlib.import_module(module)
            target = getattr(m, owner) if owner else m
            if hasattr(target, name):  # a phase the code does not have (any more) is left out
                wrapped.append((target, name, _wrap(target, name, label, acc)))
        if not data_files:  # what the batches share is still made (DataFiles.__init__); no batch is written
            wrapped.append((data_files_module.DataFiles, "write", data_files_module.DataFiles.write))
            data_files_module.DataFiles.write = lambda self, claim: {"data_files": 0, "data_bytes": 0}
        # one process: a forked one's phases would not be counted here (fork_pair)
        os.environ[fork_pair.WORKERS_ENV] = "0"
        shutil.rmtree(site, ignore_errors=True)
        for memo in formatting.MEMO.values():  # emptied first: every number written in this run is counted
            memo.clear()
        wrapped.append((formatting, "_format_new", _counted(formatting, "_format_new", numbers, 0)))
        wrapped.append((formatting_many, "remember", _counted(formatting_many, "remember", numbers, 1)))
        t0, c0 = time.perf_counter(), _cpu()
        with connect(warehouse, read_only=True) as con:
            data = read_site_data(con, run_id="SYNTHETIC-site-phases", code_version="benchmark")
            acc["read_site_data"] = [1, time.perf_counter() - t0, _cpu() - c0]
            t1, c1 = time.perf_counter(), _cpu()
            build_dashboards(data, site, "zh")
            acc["build_dashboards (all of the above but the read)"] = [1, time.perf_counter() - t1, _cpu() - c1]
    finally:
        for target, name, original in reversed(wrapped):
            setattr(target, name, original)
        if workers is None:
            os.environ.pop(fork_pair.WORKERS_ENV, None)
        else:
            os.environ[fork_pair.WORKERS_ENV] = workers
    acc["number memo"] = [numbers[0], numbers[1], sum(len(m) for m in formatting.MEMO.values())]
    return acc


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("warehouse", type=Path)
    p.add_argument("--site", type=Path, default=Path("/tmp/SYNTHETIC-site-phases"))
    p.add_argument("--no-data-files", action="store_true", help="skip the large layout's data files")
    args = p.parse_args(argv)
    acc = run(args.warehouse.resolve(), args.site, data_files=not args.no_data_files)
    one, many, held = acc.pop("number memo")
    for label, (n, wall, cpu) in acc.items():
        print(f"{label:50s} calls {n:6d}  wall {wall:7.2f} s  cpu {cpu:7.2f} s")
    print(f"numbers written one at a time {one:,}, a batch at a time {many:,}; held by the memo {held:,}")


if __name__ == "__main__":
    main()
