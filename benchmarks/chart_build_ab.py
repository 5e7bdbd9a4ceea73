"""Two builds of one warehouse's large dashboards site compared: A with every target's charts built in Python (the
data files' "charts", before session 21) and B with their data for the page to build (the data files' "plot",
targetwatch.chart_client, built by dashboards/static/chart-build.js):
`uv run python -m benchmarks.chart_build_ab SITE_A SITE_B [--every N]`.

- the files: B's are A's and static/chart-build.js;
- every file but the data files, targets/view.html and static/target-view.js (which now hands a "plot" to
  chart-build.js: changed by the design) byte for byte; view.html with chart-build.js's script tag taken out;
  data/_common.js as parsed JSON, B's "chart" (the builder's constants) taken out;
- every data file as parsed JSON, each target's "charts" (A) and "plot" (B) taken out, and A's "chart_texts";
- in every N-th data file (default 10), each target's charts built in Chromium (Playwright, Debian's chromium) from
  B's "plot" against A's charts with their texts put back (chart_texts.resolve), key by key, value by value; and a
  target with "charts" in B against A's.

Prints one JSON line: files compared, targets, chart sets compared, and every difference (none expected).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import orjson

from targetwatch.chart_texts import resolve

BUILDER = Path(__file__).resolve().parents[1] / "dashboards" / "static" / "chart-build.js"
TAG = b'<script src="../static/chart-build.js"></script>\n'
CHANGED = {"static/target-view.js"}  # the page's own code: it builds a target's charts from its "plot"


def _data(path: Path):
    text = path.read_bytes()
    return orjson.loads(text[text.index(b"(") + 1: text.rindex(b")")])


def differences(got, expected, path: str = "") -> list[str]:
    """Where two parsed JSON values differ (numbers by value: 2020 and 2020.0 are one number)."""
    if isinstance(expected, dict) and isinstance(got, dict):
        if set(got) != set(expected):
            return [f"{path}: keys {sorted(set(got) ^ set(expected))}"]
        return [d for k in expected for d in differences(got[k], expected[k], f"{path}.{k}")]
    if isinstance(expected, list) and isinstance(got, list):
        if len(got) != len(expected):
            return [f"{path}: {len(got)} items, expected {len(expected)}"]
        return [d for k, (g, e) in enumerate(zip(got, expected, strict=True))
                for d in differences(g, e, f"{path}[{k}]")]
    if isinstance(expected, bool) or isinstance(got, bool) or not isinstance(expected, int | float):
        return [] if got == expected and type(got) is type(expected) else [f"{path}: {got!r} != {expected!r}"]
    return [] if isinstance(got, int | float) and not isinstance(got, bool) and got == expected else \
        [f"{path}: {got!r} != {expected!r}"]


def _resolved(sets: list[dict], texts: dict) -> list[dict]:
    return [s if "specs" in s else {"title": s["title"], "id": s["id"],
                                    "specs": {lg: resolve(s["spec"], texts.get(lg, [])) for lg in ("zh", "en")}}
            for s in sets]


def compare(a: Path, b: Path, every: int = 10) -> dict:
    from playwright.sync_api import sync_playwright

    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    diffs: list[str] = []
    if files_b != files_a | {"static/chart-build.js"}:
        diffs.append(f"files: {sorted(files_a ^ files_b)[:10]}")
    counts = {"files": 0, "data_files": 0, "targets": 0, "plots": 0, "python_built_in_b": 0, "sets_built": 0}
    for name in sorted(files_a & files_b):
        counts["files"] += 1
        if name.startswith("data/") or name in CHANGED:
            continue
        x, y = (a / name).read_bytes(), (b / name).read_bytes()
        if name == "targets/view.html":
            y = y.replace(TAG, b"", 1)
        if x != y:
            diffs.append(f"{name}: bytes differ")
    common_a, common_b = _data(a / "data/_common.js"), _data(b / "data/_common.js")
    constants = common_b.pop("chart", None)
    if common_a != common_b or constants is None:
        diffs.append("data/_common.js differs")
    chromium = shutil.which("chromium-headless-shell") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<!doctype html><title>chart-build</title>")
        page.add_script_tag(path=str(BUILDER))
        names = sorted(n for n in files_a & files_b if n.startswith("data/") and n != "data/_common.js")
        for k, name in enumerate(names):
            da, db = _data(a / name), _data(b / name)
            counts["data_files"] += 1
            texts = da.pop("chart_texts", {}) or {}
            texts_b = db.pop("chart_texts", {}) or {}
            ta, tb = da.pop("targets", {}), db.pop("targets", {})
            if da != db or list(ta) != list(tb):
                diffs.append(f"{name}: series, jurisdiction or target list differ")
                continue
            plots, expected = [], []
            for tid in ta:
                counts["targets"] += 1
                charts_a = _resolved(ta[tid].pop("charts", []), texts)
                plot = tb[tid].pop("plot", None)
                charts_b = tb[tid].pop("charts", None)
                if ta[tid] != tb[tid]:
                    diffs.append(f"{name} {tid}: the target's object differs")
                if plot is not None:
                    counts["plots"] += 1
                    plots.append(plot)
                    expected.append((tid, charts_a))
                elif charts_b is not None:
                    counts["python_built_in_b"] += 1
                    diffs += [f"{name} {tid}: {d}" for d in differences(_resolved(charts_b, texts_b), charts_a)[:3]]
                elif charts_a:
                    diffs.append(f"{name} {tid}: charts in A, none in B")
            if k % every or not plots:
                continue
            got = page.evaluate("([C, plots]) => { const b = twChartBuild.builder(C); "
                                "return plots.map(p => b.targetCharts(p)); }", [constants, plots])
            for (tid, sets), built in zip(expected, got, strict=True):
                counts["sets_built"] += len(built)
                diffs += [f"{name} {tid}: {d}" for d in differences(built, sets)[:3]]
        browser.close()
    return counts | {"differences": len(diffs), "first": diffs[:20]}


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    p.add_argument("--every", type=int, default=10)
    args = p.parse_args(argv)
    result = compare(args.a, args.b, args.every)
    print(json.dumps(result, ensure_ascii=False))
    return result


if __name__ == "__main__":
    main()
