"""The large layout's data files (data/<code>.js, data/_common.js), written a batch of jurisdictions at a time.

The data files are most of the dashboards step's time at national scale (115,524 targets: each target's dict, its
charts' data and JSON), and that time is Python's: one core per process. A target's charts are built in the page
from its data ("plot": the chart fields, per-year rows, reference line and proxies, targetwatch.chart_client;
dashboards/static/chart-build.js builds the figures charts.target_charts builds); a target whose charts could hold a
number the page's builder does not write as Python does (render.chart_inputs) gets them built here ("charts": once
for both languages, their texts in the file's string table, targetwatch.chart_texts).

`DataFiles` makes what every batch shares once, for every target; then the batches are written by whichever process
claims them: the layout's process alone by default, or with TARGETWATCH_SITE_WORKERS=1 also a forked copy of it,
which first writes the list pages and the briefs (fork_pair, LargeSite.build), the figures of the batches it may
take read from the warehouse before the fork (`fetch`: it may not use the connection). A batch's files are the same
whichever process writes it, so the site is byte for byte the site of one process
(tests/targetwatch/test_site_reads.py compares them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa

from targetwatch import chart_client, charts, formatting_many, vocab
from targetwatch.chart_texts import Texts
from targetwatch.render.chart_inputs import BrowserCharts
from targetwatch.render.page import Encoded, display_value, dump_js, is_empty, json_values
from targetwatch.render.rows import TRAIL_KEYS
from targetwatch.render.site_figures import FrameFigures, series_rows
from targetwatch.render.target_json import TargetJson

# A target's per-year rows in its data file (`years`): the year, and each figure the row used as its row number in
# its series: o the target's own figure and ro the reference's (vocab.REFERENCE_COMPARATORS); po and rpo the year
# before's own and reference figures a growth_above_reference row was judged from (its first judged year's are used
# by no other row). target-view.js marks every one of them as used. A key with no value in any of a target's rows is
# left out.
# The keys name vocab.USED_COLUMNS, each once (tests/targetwatch/quality/test_growth_lineage.py checks it).
YEAR_KEYS: dict[str, str] = {"year": "y", "observation_id": "o", "reference_observation_id": "ro",
                             "previous_observation_id": "po", "reference_previous_observation_id": "rpo"}

# The fields of charts.TARGET_FIELDS the charts write as numbers (the level, the range's top, the base, the
# projection, the gap): written a batch at a time (chart_numbers).
CHART_NUMBER_FIELDS: frozenset[str] = frozenset((
    "goal_at_deadline", "target_value_stated", "value_high", "base_value", "latest_gap", "latest_metric",
    "projection_linear", "projection_compound"))


def jurisdiction_batches(by_jurisdiction: dict[str, list[int]],
                         batch_targets: int) -> list[list[tuple[str, list[int]]]]:
    """The jurisdictions (code, their targets' rows) cut into batches of about `batch_targets` targets, in order: a
    jurisdiction is never split (the lineage's data files are cut the same way: lineage_site)."""
    batches: list[list[tuple[str, list[int]]]] = []
    group: list[tuple[str, list[int]]] = []
    count = 0
    items = list(by_jurisdiction.items())
    for n, (code, members) in enumerate(items):
        group.append((code, members))
        count += len(members)
        if count < batch_targets and n + 1 < len(items):
            continue
        batches.append(group)
        group, count = [], 0
    return batches


def _columns(rows, group: list[tuple[str, list[int]]], view: list[str], chart_fields: list[str]):
    """(local, part, chart_part) of one batch: `local` maps a target's row in `rows` to its row in the batch's
    columns (a jurisdiction's targets are one run of them), `part` holds the display columns (`view`, as JSON values)
    and `chart_part` the chart fields (unrounded), converted together and let go once the batch is written (every
    target's at once held about a gigabyte at national scale)."""
    count = sum(len(m) for _, m in group)
    positions = np.fromiter((i for _, m in group for i in m), dtype=np.int64, count=count)
    local = {i: k for k, i in enumerate(positions.tolist())}
    part = {c: json_values(rows[c].take(positions), digits=6) for c in view}
    chart_part = {c: rows[c].take(positions).tolist() for c in chart_fields}
    return local, part, chart_part


class DataFiles:
    """data/_common.js (files, source texts, jurisdictions, indicators) and one data/<code>.js per jurisdiction with
    targets (their display fields, trail, per-year rows, sources, owners) and the figures they read.

    Made in three parts, so that two processes can share the middle one (fork_pair, LargeSite.build): what every
    batch shares (the constructor: which series each target reads, the file list, the source texts' numbers, each
    used figure's place in its series, the per-year rows, sources and owners, for every target at once), the batches
    of jurisdictions (`write`, each batch's columns converted and its figures read together, a batch at a time: a
    per-row pandas conversion of 100,000 targets and 2 million figures takes minutes), and _common.js (`finish`).
    Every figure a batch reads comes through `figures` (site_figures); `fetch` reads some batches' first, for a
    process where the warehouse connection cannot be used."""

    def __init__(self, layout, folder: Path, view_columns: tuple[str, ...], figure_fields: tuple[str, ...],
                 batch_targets: int) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        data, rows = layout.data, layout.rows
        # the layout's rows as they are now: the layout narrows its own once the briefs are written (LargeSite.build)
        self.layout, self.rows, self.folder, self.figure_fields = layout, rows, folder, figure_fields
        # the display columns of every target are converted a batch of jurisdictions at a time (batch_targets),
        # in `write`; these few, which say which series each target reads, for all at once
        self.view = ["target_id", *view_columns, *[k for k in TRAIL_KEYS if k not in view_columns]]
        missing = [c for c in self.view if c not in rows]
        if missing:
            raise KeyError(f"the target rows lack {missing}")
        cols = {c: json_values(rows[c], digits=6)
                for c in ("target_id", "jurisdiction", "indicator", "comparator", "reference_jurisdiction")}
        n = len(rows)
        by_jurisdiction: dict[str, list[int]] = {}
        for i, j in enumerate(cols["jurisdiction"]):
            by_jurisdiction.setdefault(j, []).append(i)
        self.batches = jurisdiction_batches(by_jurisdiction, batch_targets)
        self.target_ids = cols["target_id"]
        # the series each target reads: its own, its reference jurisdiction's (targets judged against one,
        # vocab.REFERENCE_COMPARATORS: the page lists those figures and marks the ones its per-year rows used) and
        # its proxies'
        proxies: dict[str, list[str]] = {}
        if "proxy_of" in data.indicators:
            for code, of in zip(data.indicators["code"], data.indicators["proxy_of"], strict=True):
                if not is_empty(of):
                    proxies.setdefault(of, []).append(code)
        self.figures = figures = data.figures if data.figures is not None else FrameFigures(data.observations)
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
        self.own_s, self.ref_s, self.proxy_s = own_s, ref_s, proxy_s
        self.needed = needed = {k for k in own_s if k} | {k for k in ref_s if k} | \
            {k for ks in proxy_s if ks for k in ks}

        # the figures of those series are read a batch of jurisdictions at a time (site_figures); what the data
        # files share is made for all of them first: the file list, the source texts' numbers, and where in its
        # series each figure a per-year row used stands
        files = data.report_files.drop_duplicates("source_file").set_index("source_file")
        file_list = sorted(set(files.index.dropna()) | figures.files(needed))
        self.file_idx = {f: i for i, f in enumerate(file_list)}
        self.file_rows = [[name, str(files["sha256"].get(name) or "")[:12] if "sha256" in files else "",
                           display_value(files["release_date"].get(name)) if "release_date" in files else None]
                          for name in file_list]
        self.texts: dict[str, int] = {t: i for i, t in enumerate(figures.texts(needed))}

        # per-year rows of each target: the page marks the figures they used (its charts come built, below)
        yrs = data.assessment_years.sort_values(["target_id", "year"], kind="stable").reset_index(drop=True)
        # the year, and the figure each row used as its row number in the target's (reference) series, as Arrow
        # columns (taken a batch at a time, `_job`), in YEAR_KEYS' order
        ids = {short: pa.Array.from_pandas(yrs[c].astype(object).where(yrs[c].notna(), None)).cast(pa.string())
               for c, short in YEAR_KEYS.items() if c in yrs and short != "y"}
        found = figures.position_columns(needed, ids)
        self.ycols = {short: pa.array(json_values(yrs[c])) if short == "y" else found[short]
                      for c, short in YEAR_KEYS.items() if c in yrs}
        years_of: dict[str, tuple[int, int]] = {}
        for i, tid in enumerate(yrs["target_id"].tolist()):
            first, _ = years_of.get(tid, (i, i))
            years_of[tid] = (first, i + 1)
        self.years_of = years_of

        # each target's object but its charts is written a batch at a time (target_json), its sources and owners
        # from lists made here for every target
        shown = [c for c in view_columns if c not in ("jurisdiction", "reference_jurisdiction")]
        self.json = TargetJson(data.target_sources, data.target_departments, shown)

        # each target's charts are built from unrounded values (by the page, chart_client; or here, as on a
        # pre-rendered page: charts.target_charts), from the per-year columns they read, converted a batch at a
        # time (all at once: 3.5 million values at national scale, about 110 MB)
        self.chart_fields = [c for c in charts.TARGET_FIELDS if c in rows]
        self.year_fields = {c: yrs[c] for c in ("year", "value", "metric", "in_plan", "met", "reference_value")
                            if c in yrs}
        ind_names = data.indicators.set_index("code")[["name_zh", "name_en"]]
        self.common = {"folder": folder,
                       "names": {lg: dict(zip(ind_names.index, ind_names[f"name_{lg}"], strict=True))
                                 for lg in ("zh", "en")}}
        self.fetched: list | None = None

    def _keys(self, group: list[tuple[str, list[int]]]) -> set:
        """The series a batch's targets read."""
        return {k for _, members in group for i in members
                for k in (self.own_s[i], self.ref_s[i], *(self.proxy_s[i] or ())) if k and k in self.needed}

    def fetch(self, first: int) -> None:
        """Read the figures of batches `first` … last now (site_figures `fetch`: for the warehouse, each batch's Arrow
        table), so that writing them needs no connection: a forked process writes those (LargeSite.build). The
        others are read when they are written, in the process that holds the connection."""
        self.fetched = [None] * first + [self.figures.fetch(self._keys(group)) for group in self.batches[first:]]

    def write(self, claim: Callable[[], int | None]) -> dict[str, int]:
        """Write the batches `claim` hands out (their numbers), one after another, until it gives None; return the
        files and bytes written."""
        sizes = {"data_files": 0, "data_bytes": 0}
        while (b := claim()) is not None:
            files, written = write_batch(self._job(b), self.common)
            sizes["data_files"] += files
            sizes["data_bytes"] += written
            if self.fetched is not None:
                self.fetched[b] = None  # its figures let go once written
        self.rows = None  # every batch is claimed: this process converts no more columns
        self.json.close()  # nor writes more target objects
        return sizes

    def _job(self, b: int) -> dict:
        """Batch `b` as write_batch takes it: every value it reads, the batch's columns converted together."""
        group = self.batches[b]
        local, part, chart_part = _columns(self.rows, group, self.view, self.chart_fields)
        order = list(local)  # the batch's targets (their rows in `rows`), in the batch's order
        fetched = self.fetched[b] if self.fetched is not None and self.fetched[b] is not None else \
            self.figures.fetch(self._keys(group))
        fig = fetched.batch(self.figure_fields, self.file_idx, self.file_rows, self.texts)
        # the batch's per-year rows: each target's range in its own columns (its display years, its chart years)
        taken, ranges, spans = [], {}, []
        for i in order:
            tid = self.target_ids[i]
            s, e = self.years_of.get(tid, (0, 0))
            spans.append((len(taken), len(taken) + e - s))
            if tid not in ranges:
                ranges[tid] = spans[-1]
            taken.extend(range(s, e))
        at = np.asarray(taken, dtype=np.int64)
        own, ref, proxy = ([v[i] for i in order] for v in (self.own_s, self.ref_s, self.proxy_s))
        # each target's object but its charts, as JSON text (target_json): its members before and after them
        heads, tails = self.json.objects(part, TRAIL_KEYS, {short: v.take(at).to_pylist()
                                                            for short, v in self.ycols.items()},
                                         spans, own, ref, proxy)
        return {
            "groups": [(code, self.layout.file_name(code), local[members[0]], len(members))
                       for code, members in group],
            "target_ids": [self.target_ids[i] for i in order], "chart_part": chart_part,
            "heads": heads, "tails": tails,
            "chart_years": {"ranges": ranges, "cols": {c: v.take(at).tolist() for c, v in self.year_fields.items()}},
            "own": own, "ref": ref, "proxy": proxy,
            "figures": {"series": fig["series"], "fig_cols": fig["fig_cols"], "columns": fig["columns"]},
        }

    def finish(self, sizes: dict[str, int]) -> dict[str, int]:
        """data/_common.js, once every batch is written (its bytes added to `sizes`, which it returns)."""
        data, tree = self.layout.data, self.layout.tree
        ind = data.indicators.set_index("code")
        shared = {
            "files": self.file_rows,
            "texts": list(self.texts),
            "jurisdictions": {c: [zh, en, f, p if isinstance(p, str) else None] for c, zh, en, f, p in
                              zip(tree["code"], tree["name_zh"], tree["name_en"], tree["file"], tree["parent"],
                                  strict=True)},
            "indicators": {c: [ind.at[c, "name_zh"], ind.at[c, "name_en"],
                               None if "proxy_note" not in ind or is_empty(ind.at[c, "proxy_note"])
                               else ind.at[c, "proxy_note"]] for c in ind.index},
            # what chart-build.js draws the targets' charts with (their "plot"): texts, colours, number symbols
            "chart": chart_client.constants(),
        }
        sizes["data_bytes"] += dump_js(self.folder / "_common.js", "twCommon", shared)
        return sizes


def chart_numbers(job: dict) -> np.ndarray:
    """The values a batch's charts write as numbers, most of them (charts.shared_charts): the target fields they
    draw (its level, range, base, projection, gap), its per-year values and gaps, and the figures of the series
    drawn beside them (a relative target's reference, the proxies). The lines' other points (the paths, the
    running totals) and the axes' ticks are made by the chart builders; they are written one at a time."""
    fields = [formatting_many.as_floats(v) for c, v in job["chart_part"].items() if c in CHART_NUMBER_FIELDS]
    years = [formatting_many.as_floats(v) for c, v in job["chart_years"]["cols"].items()
             if c in ("value", "metric", "reference_value")]
    series, values = job["figures"]["series"], job["figures"]["fig_cols"]["value"]
    relative = [c == "relative_to_reference" for c in job["chart_part"].get("comparator", [])]
    drawn = {k for k, r in zip(job["ref"], relative, strict=False) if k and r} | \
        {k for keys in job["proxy"] if keys for k in keys}
    figures = formatting_many.as_floats([v for k in drawn if k in series for v in values[series[k][0]:series[k][1]]])
    return np.concatenate([*fields, *years, figures])


def write_batch(job: dict, common: dict) -> tuple[int, int]:
    """Write the data files of one batch (`job`, made by DataFiles): each jurisdiction's targets' dicts (empty values
    left out, keys in the data file's order), their charts and the figures they read. Return the files and bytes
    written. Every value it reads is in `job` and `common`."""
    folder, names = common["folder"], common["names"]
    chart_part, heads, tails = job["chart_part"], job["heads"], job["tails"]
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

    def target_charts(k: int, target: dict, tid: str, texts: Texts) -> bytes:
        """The target's member for its charts: "plot", what the page's builder draws them from (chart_client), or
        "charts", built here (charts.shared_charts); b"" when it has none."""
        s, e = chart_years["ranges"][tid]
        years = {c: v[s:e] for c, v in chart_years["cols"].items()}
        # a reference line is drawn for relative targets only (charts.gap_chart); a growth target's reference
        # figures are listed on its page, not charted
        reference = charts.reference_points(years, series_figures(ref_s[k])) \
            if ref_s[k] and target.get("comparator") == "relative_to_reference" else None
        proxies = proxy_figures(proxy_s[k] or [])
        if browser.ok(k):
            if not chart_client.drawable(target, years, proxies):
                return b""
            return b'"plot":' + Encoded.of(chart_client.chart_input(target, years, reference, proxies)).data
        chart = Encoded.of(charts.shared_charts(target, years, reference, proxies, texts)).data
        return b'"charts":' + chart if chart != b"[]" else b""

    chart_names = list(chart_part)
    browser = BrowserCharts(job)  # which targets' charts the page builds (chart_inputs)
    if not all(browser.ok(k) for k in range(len(job["target_ids"]))):
        # the batch's numbers written together (formatting_many), before its charts ask for them one at a time
        formatting_many.remember(chart_numbers(job))
    files = written = 0
    for code, name, start, count in job["groups"]:
        end = start + count
        targets: dict[str, bytes] = {}
        wanted: dict[tuple, None] = {}
        texts = Texts()  # the texts of the jurisdiction's charts in both languages (chart_texts)
        # the jurisdiction's targets are one run of rows in the batch's columns: read as row tuples
        chart_rows = zip(*(chart_part[c][start:end] for c in chart_names), strict=True) if chart_names else \
            [()] * count
        for k, tid, chart_row in zip(range(start, end), job["target_ids"][start:end], chart_rows, strict=True):
            # its members before and after the charts come written (target_json); the charts' member is encoded
            # here (plain_json's check) and put between them
            chart = target_charts(k, dict(zip(chart_names, chart_row, strict=True)), tid, texts)
            members = [m for m in (heads[k], chart, tails[k]) if m]
            targets[tid] = b"{" + b",".join(members) + b"}"
            if own_s[k]:
                wanted[own_s[k]] = None
            if ref_s[k]:
                wanted[ref_s[k]] = None
            if proxy_s[k]:
                wanted |= dict.fromkeys(proxy_s[k])
        payload = {"jurisdiction": code, "targets": Encoded(
                       b"{" + b",".join(orjson.dumps(t) + b":" + o for t, o in targets.items()) + b"}"),
                   "series": {"|".join(key): series_rows(fig_columns, *series[key]) for key in wanted
                              if key in series}}
        if texts.zh:
            payload["chart_texts"] = texts.tables()
        written += dump_js(folder / f"{name}.js", "twTargets", payload)
        files += 1
    return files, written
