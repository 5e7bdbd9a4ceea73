"""The large layout's data files (data/<code>.js, data/_common.js), written a batch of jurisdictions at a time, by
two processes.

The data files are most of the dashboards step's time at national scale (115,524 targets: each target's dict, its
charts — built once for both languages, their texts in the file's string table, targetwatch.chart_texts — and
JSON), and that time is Python's: one core. A batch is made in the layout's process (its
columns converted, its figures read from the warehouse through `con`, which only that process may open). It is then
written by a worker process (`python -m targetwatch.render.data_files`) when that is free; else the layout's process
writes it a jurisdiction at a time until the worker is free, which then takes the rest of the batch. The worker gets
the batch as plain Python values through a pipe (pickle), makes the same dicts and charts with the same code
(`write_batch`) and writes the same files. So the two cores share the writing, and the site is byte for byte the
site of one process (tests/targetwatch/test_site_reads.py compares them).

The worker is a fresh interpreter (spawned, not forked): it holds its imports (about 110 MB) and one batch, never a
copy of the layout's frames, so the step's memory, summed over both processes, grows by that and no more
(docs/scaling.md section 0, session 12). It is off by default (large_site.DATA_WORKERS = 0): on this shared 2-core
machine (load 3-9) it cost CPU (pickling each batch, a second interpreter, two cold number caches) and no wall was
shown to be gained; `TARGETWATCH_SITE_WORKERS=1` turns it on (e.g. to measure it on a quiet machine).
"""

from __future__ import annotations

import os
import pickle
import select
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from targetwatch import charts, vocab
from targetwatch.chart_texts import Texts
from targetwatch.render.page import Encoded, department_slug, display_value, dump_js, is_empty, json_values
from targetwatch.render.rows import TRAIL_KEYS
from targetwatch.render.site_figures import FrameFigures, series_rows

WORKERS_ENV = "TARGETWATCH_SITE_WORKERS"
# A target's per-year rows in its data file (`years`): the year, and each figure the row used as its row number in
# its series: o the target's own figure and ro the reference's (vocab.REFERENCE_COMPARATORS); po and rpo the year
# before's own and reference figures a growth_above_reference row was judged from (its first judged year's are used
# by no other row). target-view.js marks every one of them as used. A key with no value in any of a target's rows is
# left out.
# The keys name vocab.USED_COLUMNS, each once (tests/targetwatch/quality/test_growth_lineage.py checks it).
YEAR_KEYS: dict[str, str] = {"year": "y", "observation_id": "o", "reference_observation_id": "ro",
                             "previous_observation_id": "po", "reference_previous_observation_id": "rpo"}


def workers_wanted(default: int) -> int:
    """How many worker processes write data files: TARGETWATCH_SITE_WORKERS when set (0: none), else `default`.
    One at most: the machine this is measured on has two cores, and the layout's own process writes too."""
    text = os.environ.get(WORKERS_ENV, "").strip()
    return min(1, max(0, int(text))) if text else min(1, default)


def _batches(rows, by_jurisdiction: dict[str, list[int]], view: list[str], chart_fields: list[str],
             batch_targets: int):
    """(local, groups, part, chart_part) per batch of jurisdictions of about `batch_targets` targets: `local` maps a
    target's row in `rows` to its row in the batch's columns, `groups` lists (code, members) (a jurisdiction's
    targets are one run of the batch's rows), `part` holds the display columns (`view`, as JSON values) and
    `chart_part` the chart fields (unrounded), converted together and let go once the batch is written (every
    target's at once held about a gigabyte at national scale)."""
    group: list[tuple[str, list[int]]] = []
    count = 0
    items = list(by_jurisdiction.items())
    for n, (code, members) in enumerate(items):
        group.append((code, members))
        count += len(members)
        if count < batch_targets and n + 1 < len(items):
            continue
        positions = np.fromiter((i for _, m in group for i in m), dtype=np.int64, count=count)
        local = {i: k for k, i in enumerate(positions.tolist())}
        part = {c: json_values(rows[c].take(positions), digits=6) for c in view}
        chart_part = {c: rows[c].take(positions).tolist() for c in chart_fields}
        yield local, group, part, chart_part
        group, count = [], 0


def write_data(layout, folder: Path, view_columns: tuple[str, ...], figure_fields: tuple[str, ...],
               batch_targets: int, workers: int) -> dict[str, int]:
    """data/_common.js (files, source texts, jurisdictions, indicators) and one data/<code>.js per jurisdiction
    with targets (their display fields, trail, per-year rows, sources, owners) and the figures they read.

    Built column by column (a per-row pandas conversion of 100,000 targets and 2 million figures takes minutes); with
    `workers` (1), a second process writes the batches it is free for (module docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = layout.rows
    # the display columns of every target are converted a batch of jurisdictions at a time (batch_targets), below;
    # these few, which say which series each target reads, for all at once
    view = ["target_id", *view_columns, *[k for k in TRAIL_KEYS if k not in view_columns]]
    missing = [c for c in view if c not in rows]
    if missing:
        raise KeyError(f"the target rows lack {missing}")
    cols = {c: json_values(rows[c], digits=6)
            for c in ("target_id", "jurisdiction", "indicator", "comparator", "reference_jurisdiction")}
    n = len(rows)
    by_jurisdiction: dict[str, list[int]] = {}
    for i, j in enumerate(cols["jurisdiction"]):
        by_jurisdiction.setdefault(j, []).append(i)
    writer = _Worker() if workers and len(rows) > batch_targets else None
    try:
        sizes = _write(layout, folder, view, view_columns, figure_fields, batch_targets, cols, n, by_jurisdiction,
                       writer)
    finally:
        if writer is not None:
            writer.close()
    return sizes


def _write(layout, folder: Path, view: list[str], view_columns: tuple[str, ...], figure_fields: tuple[str, ...],
           batch_targets: int, cols: dict[str, list], n: int, by_jurisdiction: dict[str, list[int]],
           writer: _Worker | None) -> dict[str, int]:
    data, rows = layout.data, layout.rows
    # the series each target reads: its own, its reference jurisdiction's (targets judged against one,
    # vocab.REFERENCE_COMPARATORS: the page lists those figures and marks the ones its per-year rows used) and its
    # proxies'
    proxies: dict[str, list[str]] = {}
    if "proxy_of" in data.indicators:
        for code, of in zip(data.indicators["code"], data.indicators["proxy_of"], strict=True):
            if not is_empty(of):
                proxies.setdefault(of, []).append(code)
    figures = data.figures if data.figures is not None else FrameFigures(data.observations)
    have = figures.present()
    own_s, ref_s, proxy_s = [None] * n, [None] * n, [None] * n
    for i, (j, ind, comp, ref) in enumerate(zip(cols["jurisdiction"], cols["indicator"], cols["comparator"],
                                                cols["reference_jurisdiction"], strict=True)):
        if ind is None:
            continue
        own_s[i] = (j, ind)
        if comp in vocab.REFERENCE_COMPARATORS and ref is not None:
            ref_s[i] = (ref, ind)
        proxy_s[i] = [(j, p) for p in proxies.get(ind, []) if (j, p) in have]
    needed = {k for k in own_s if k} | {k for k in ref_s if k} | {k for ks in proxy_s if ks for k in ks}

    # the figures of those series are read a batch of jurisdictions at a time (site_figures); what the data files
    # share is made for all of them first: the file list, the source texts' numbers, and where in its series
    # each figure a per-year row used stands
    files = data.report_files.drop_duplicates("source_file").set_index("source_file")
    file_list = sorted(set(files.index.dropna()) | figures.files(needed))
    file_idx = {f: i for i, f in enumerate(file_list)}
    file_rows = [[name, str(files["sha256"].get(name) or "")[:12] if "sha256" in files else "",
                  display_value(files["release_date"].get(name)) if "release_date" in files else None]
                 for name in file_list]
    texts: dict[str, int] = {t: i for i, t in enumerate(figures.texts(needed))}

    # per-year rows of each target: the page marks the figures they used (its charts come built, below)
    yrs = data.assessment_years.sort_values(["target_id", "year"], kind="stable").reset_index(drop=True)
    ycols = {short: json_values(yrs[c]) for c, short in YEAR_KEYS.items() if c in yrs}
    # the figure used, as its row number in the target's (reference) series
    used = [short for short in YEAR_KEYS.values() if short != "y"]
    position = figures.positions(needed, {v for short in used for v in ycols.get(short, ()) if v})
    for short in used:
        if short in ycols:
            ycols[short] = [position.get(v) for v in ycols[short]]
    del position
    years_of: dict[str, tuple[int, int]] = {}
    for i, tid in enumerate(yrs["target_id"].tolist()):
        first, _ = years_of.get(tid, (i, i))
        years_of[tid] = (first, i + 1)

    sources_of: dict[str, list] = {}
    src = data.target_sources.sort_values(["target_id", "source_order"], kind="stable")
    for tid, doc, clause, quote in zip(src["target_id"], src["document"], src["clause"], src["quote"], strict=True):
        sources_of.setdefault(tid, []).append([doc, clause, quote])
    owners_of: dict[str, list] = {}
    owners = data.target_departments
    owners = owners[owners["owner_type"] == "target"]
    slugs = {d: department_slug(d) for d in set(owners["department"].dropna())}
    for tid, dept, role in zip(owners["target_id"], owners["department"], owners["role"], strict=True):
        owners_of.setdefault(tid, []).append([dept, None if is_empty(role) else role, slugs.get(dept)])

    # each target's charts are built as on a pre-rendered page (charts.target_charts), from unrounded values, from
    # the per-year columns they read, converted a batch at a time (all at once: 3.5 million values at national
    # scale, about 110 MB)
    chart_fields = [c for c in charts.TARGET_FIELDS if c in rows]
    year_fields = [c for c in ("year", "value", "metric", "in_plan", "met", "reference_value") if c in yrs]
    ind_names = data.indicators.set_index("code")[["name_zh", "name_en"]]
    shown = [c for c in view_columns if c not in ("jurisdiction", "reference_jurisdiction")]
    common = {"folder": folder, "shown": shown,
              "names": {lg: dict(zip(ind_names.index, ind_names[f"name_{lg}"], strict=True)) for lg in ("zh", "en")}}
    if writer is not None:
        writer.start(common)

    sizes = {"data_files": 0, "data_bytes": 0}
    for local, groups, part, chart_part in _batches(rows, by_jurisdiction, view, chart_fields, batch_targets):
        order = list(local)  # the batch's targets (their rows in `rows`), in the batch's order
        keys = {k for i in order for k in (own_s[i], ref_s[i], *(proxy_s[i] or ())) if k and k in needed}
        fig = figures.batch(keys, figure_fields, file_idx, file_rows, texts)
        # the batch's per-year rows: each target's range in its own columns (its display years, its chart years)
        spans, taken, ranges = [], [], {}
        for i in order:
            tid = cols["target_id"][i]
            s, e = years_of.get(tid, (0, 0))
            spans.append((len(taken), len(taken) + e - s))
            if tid not in ranges:
                ranges[tid] = (len(taken), len(taken) + e - s)
            taken.extend(range(s, e))
        at = np.asarray(taken, dtype=np.int64)
        job = {
            "groups": [(code, layout.file_name(code), local[members[0]], len(members)) for code, members in groups],
            "part": part, "chart_part": chart_part,
            "years": {short: [v[k] for k in taken] for short, v in ycols.items()}, "spans": spans,
            "chart_years": {"ranges": ranges, "cols": {c: yrs[c].take(at).tolist() for c in year_fields}},
            "own": [own_s[i] for i in order], "ref": [ref_s[i] for i in order],
            "proxy": [proxy_s[i] for i in order],
            "sources": [sources_of.get(cols["target_id"][i]) for i in order],
            "owners": [owners_of.get(cols["target_id"][i]) for i in order],
            "figures": {"series": fig["series"], "fig_cols": fig["fig_cols"], "columns": fig["columns"]},
        }
        del part, chart_part, fig
        if writer is not None and writer.free(sizes):
            writer.send(job)
        else:  # written here, a jurisdiction at a time, until the worker is free: it takes the rest of the batch
            files_, bytes_, job["from"] = write_batch(job, common, until=None if writer is None else (
                lambda: writer.free(sizes)))
            sizes["data_files"] += files_
            sizes["data_bytes"] += bytes_
            if job["from"] < len(job["groups"]):
                writer.send(rest_of(job))  # type: ignore[union-attr]
        del job
    if writer is not None:
        writer.wait(sizes)
    ind = data.indicators.set_index("code")
    tree = layout.tree
    shared = {
        "files": file_rows,
        "texts": list(texts),
        "jurisdictions": {c: [zh, en, f, p if isinstance(p, str) else None] for c, zh, en, f, p in
                          zip(tree["code"], tree["name_zh"], tree["name_en"], tree["file"], tree["parent"],
                              strict=True)},
        "indicators": {c: [ind.at[c, "name_zh"], ind.at[c, "name_en"],
                           None if "proxy_note" not in ind or is_empty(ind.at[c, "proxy_note"])
                           else ind.at[c, "proxy_note"]] for c in ind.index},
    }
    sizes["data_bytes"] += dump_js(folder / "_common.js", "twCommon", shared)
    return sizes


def rest_of(job: dict) -> dict:
    """The job of the batch's jurisdictions from `job["from"]` on, holding only their values: their targets' rows,
    per-year rows and the series they read (the worker is sent no more than it writes; pickling is most of what
    handing it a batch costs). write_batch writes the same files from either."""
    groups = job["groups"][job["from"]:]
    lo, hi = groups[0][2], groups[-1][2] + groups[-1][3]
    spans = job["spans"][lo:hi]
    y0, y1 = spans[0][0], spans[-1][1]
    years = {short: v[y0:y1] for short, v in job["years"].items()}
    ranges: dict[str, tuple[int, int]] = {}
    for tid, (s, e) in zip(job["part"]["target_id"][lo:hi], spans, strict=True):
        ranges.setdefault(tid, (s - y0, e - y0))  # a target's first rows, as _write's own ranges
    own, ref, proxy = job["own"][lo:hi], job["ref"][lo:hi], job["proxy"][lo:hi]
    series, fig_cols, columns = (job["figures"][k] for k in ("series", "fig_cols", "columns"))
    keys = [k for k in dict.fromkeys(k for ks in zip(own, ref, strict=True) for k in ks if k)
            | dict.fromkeys(k for ks in proxy if ks for k in ks) if k in series]
    spans_of, at = {}, 0
    for k in keys:
        a, b = series[k]
        spans_of[k] = (at, at + b - a)
        at += b - a

    def taken(values: Any) -> Any:
        parts = [values[a:b] for a, b in (series[k] for k in keys)]
        if isinstance(values, np.ndarray):
            return np.concatenate(parts) if parts else values[:0]
        return [v for p in parts for v in p]

    return {
        "groups": [(code, name, start - lo, count) for code, name, start, count in groups],
        "part": {c: v[lo:hi] for c, v in job["part"].items()},
        "chart_part": {c: v[lo:hi] for c, v in job["chart_part"].items()},
        "years": years, "spans": [(s - y0, e - y0) for s, e in spans],
        "chart_years": {"ranges": ranges, "cols": {c: v[y0:y1] for c, v in job["chart_years"]["cols"].items()}},
        "own": own, "ref": ref, "proxy": proxy,
        "sources": job["sources"][lo:hi], "owners": job["owners"][lo:hi],
        "figures": {"series": spans_of, "fig_cols": {c: taken(v) for c, v in fig_cols.items()},
                    "columns": [taken(c) for c in columns]},
    }


def write_batch(job: dict, common: dict, until: Callable[[], bool] | None = None) -> tuple[int, int, int]:
    """Write the data files of one batch (`job`, made by `_write`), its jurisdictions from `job["from"]` (0) on: each
    jurisdiction's targets' dicts (empty values left out, keys in the data file's order), their charts and the
    figures they read; stop before a jurisdiction when `until()` says so. Return (files, bytes) written and the
    jurisdiction it stopped before. The same in the layout's process and in the worker: every value it reads is in
    `job` and `common`."""
    folder, shown, names = common["folder"], common["shown"], common["names"]
    part, chart_part, ycols, spans = job["part"], job["chart_part"], job["years"], job["spans"]
    own_s, ref_s, proxy_s = job["own"], job["ref"], job["proxy"]
    series, fig_cols, fig_columns = (job["figures"][k] for k in ("series", "fig_cols", "columns"))
    chart_years = job["chart_years"]

    def series_figures(key: tuple | None) -> dict[str, Any]:
        first, last = series.get(key, (0, 0)) if key else (0, 0)
        return {c: v[first:last] for c, v in fig_cols.items()}

    def proxy_figures(keys: list[tuple]) -> dict[str, Any] | None:
        parts = [(k, series[k]) for k in keys if k in series and series[k][1] > series[k][0]]
        if not parts:
            return None
        out: dict[str, Any] = {"year": np.concatenate([fig_cols["year"][a:b] for _, (a, b) in parts]),
                               "value": [v for _, (a, b) in parts for v in fig_cols["value"][a:b]]}
        for lg in ("zh", "en"):
            out[f"indicator_name_{lg}"] = [names[lg].get(k[1]) for k, (a, b) in parts for _ in range(a, b)]
        return out

    def target_charts(k: int, target: dict, tid: str, texts: Texts) -> list[dict]:
        s, e = chart_years["ranges"][tid]
        years = {c: v[s:e] for c, v in chart_years["cols"].items()}
        # a reference line is drawn for relative targets only (charts.gap_chart); a growth target's reference
        # figures are listed on its page, not charted
        reference = charts.reference_points(years, series_figures(ref_s[k])) \
            if ref_s[k] and target.get("comparator") == "relative_to_reference" else None
        return charts.shared_charts(target, years, reference, proxy_figures(proxy_s[k] or []), texts)

    chart_names = list(chart_part)
    files = written = 0
    groups = job["groups"]
    at = job.get("from", 0)
    while at < len(groups) and not (until is not None and until()):
        code, name, start, count = groups[at]
        at += 1
        end = start + count
        targets: dict[str, dict] = {}
        wanted: dict[tuple, None] = {}
        texts = Texts()  # the texts of the jurisdiction's charts in both languages (chart_texts)
        # the jurisdiction's targets are one run of rows in the batch's columns: read as row tuples
        chart_rows = zip(*(chart_part[c][start:end] for c in chart_names), strict=True) if chart_names else \
            [()] * count
        for k, tid, shown_row, trail_row, chart_row in zip(
                range(start, end), part["target_id"][start:end], zip(*(part[c][start:end] for c in shown),
                                                                       strict=True),
                zip(*(part[t][start:end] for t in TRAIL_KEYS), strict=True), chart_rows, strict=True):
            r = {c: v for c, v in zip(shown, shown_row, strict=True) if v is not None and v != [] and v != {}}
            if code is not None:
                r["jurisdiction"] = code
            trail = list(trail_row)  # in TRAIL_KEYS order
            while trail and trail[-1] is None:
                trail.pop()
            if trail:
                r["trail"] = trail
            s, e = spans[k]
            years = {key: part_ for key, v in ycols.items() if (part_ := v[s:e]).count(None) < len(part_)}
            if years:
                r["years"] = years
            # encoded once here (plain_json's check), put into the data file as it is (page.Encoded)
            chart = Encoded.of(target_charts(k, dict(zip(chart_names, chart_row, strict=True)), tid, texts))
            if chart.data != b"[]":
                r["charts"] = chart
            if sources := job["sources"][k]:
                r["sources"] = sources
            if owners := job["owners"][k]:
                r["departments"] = owners
            if own_s[k]:
                r["series"] = "|".join(own_s[k])
                wanted[own_s[k]] = None
            if ref_s[k]:
                r["reference_series"] = "|".join(ref_s[k])
                wanted[ref_s[k]] = None
            if proxy_s[k]:
                r["proxy_series"] = ["|".join(key) for key in proxy_s[k]]
                wanted |= dict.fromkeys(proxy_s[k])
            targets[tid] = r
        payload = {"jurisdiction": code, "targets": targets,
                   "series": {"|".join(key): series_rows(fig_columns, *series[key]) for key in wanted
                              if key in series}}
        if texts.zh:
            payload["chart_texts"] = texts.tables()
        written += dump_js(folder / f"{name}.js", "twTargets", payload)
        files += 1
    return files, written, at


class _Worker:
    """The second process that writes data files (`python -m targetwatch.render.data_files`): one batch at a time,
    sent as a pickle on its stdin; it answers `<files> <bytes>` on a line of its stdout when the batch is written
    (and "0 0" when it has started)."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.busy = False

    def start(self, common: dict) -> None:
        """Start the worker and send it what every batch shares. Started once the figures' set-wise queries
        (texts, positions) are done: the step's peak is there, and the worker's imports are not added to it."""
        import targetwatch

        root = str(Path(targetwatch.__file__).resolve().parents[1])  # the same code as this process's
        path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen([sys.executable, "-m", "targetwatch.render.data_files"], cwd=root,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env=os.environ | {"PYTHONPATH": path})
        self._put(common)
        self.busy = True  # until it answers "0 0": its imports done, it is ready (this process writes meanwhile)

    def _put(self, o: Any) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        try:
            pickle.dump(o, self.proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.proc.stdin.flush()
        except BrokenPipeError as e:
            raise RuntimeError(f"the data-file worker stopped (exit {self.proc.wait()})") from e

    def _answer(self, sizes: dict[str, int]) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the data-file worker stopped (exit {self.proc.wait()})")
        files, written = (int(x) for x in line.split())
        sizes["data_files"] += files
        sizes["data_bytes"] += written
        self.busy = False

    def free(self, sizes: dict[str, int]) -> bool:
        """Whether the worker has nothing to write (its last batch's answer, if it came, added to `sizes`)."""
        if self.busy and select.select([self.proc.stdout], [], [], 0)[0]:  # type: ignore[union-attr]
            self._answer(sizes)
        return not self.busy

    def send(self, job: dict) -> None:
        self._put(job)
        self.busy = True

    def wait(self, sizes: dict[str, int]) -> None:
        """The last batch's answer (blocking), added to `sizes`."""
        if self.busy:
            self._answer(sizes)

    def close(self) -> None:
        """End the worker (an end-of-input; killed if it does not end within a minute, as after an error here)."""
        if self.proc is None:
            return
        with_error = self.busy
        try:
            if self.proc.stdin is not None and not self.proc.stdin.closed:
                self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self.proc.wait(timeout=5 if with_error else 60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def _serve() -> None:
    """The worker's loop: the shared values (answered "0 0" once read: ready), then batches until the end of input,
    each answered with a line."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    common = pickle.load(stdin)
    stdout.write(b"0 0\n")  # ready
    stdout.flush()
    while True:
        try:
            job = pickle.load(stdin)
        except EOFError:
            return
        files, written, _ = write_batch(job, common)
        del job
        stdout.write(f"{files} {written}\n".encode())
        stdout.flush()


if __name__ == "__main__":
    _serve()
