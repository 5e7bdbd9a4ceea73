"""How fast leaders see the overview: render time of the dashboards in headless Chromium, and the site's size.

    uv run python benchmarks/render.py [--out out] [--runs 5]

Needs a published site (`uv run targetwatch refresh` first). Each run opens the page in a NEW browser context
(cold: plotly.min.js parsed again, nothing cached) and measures, from the start of navigation:
`domcontentloaded`, `load`, and `charts drawn` (every Plotly chart on the page has its SVG). Prints the median
and the maximum; the goal for the overview is under 1.5 s. The overview, one target page of each sort and the
quality report are measured; the site's size is the sum of every file under out/dashboards.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
GOAL_S = 1.5

CHARTS_DRAWN = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot, [data-chart]')];
  return plots.every(p => p.querySelector('.main-svg'));
}"""


def _measure(browser, url: str) -> dict[str, float]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    dom = time.perf_counter() - started
    page.wait_for_load_state("load")
    load = time.perf_counter() - started
    page.wait_for_function(CHARTS_DRAWN, timeout=30_000)
    drawn = time.perf_counter() - started
    charts = page.evaluate("() => document.querySelectorAll('.main-svg').length")
    ctx.close()
    return {"domcontentloaded_s": dom, "load_s": load, "charts_drawn_s": drawn, "svg": charts}


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    dashboards = args.out / "dashboards"
    if not (dashboards / "index.html").exists():
        raise SystemExit(f"{dashboards / 'index.html'} not found: run `uv run targetwatch refresh` first")
    targets = sorted((dashboards / "targets").glob("*.html")) if (dashboards / "targets").is_dir() else []
    pages = {"overview": dashboards / "index.html"}
    for name in ("shanxi-2017-rd-intensity", "gansu-2015-jobs-per-year", "shanxi-2017-high-tech-enterprises"):
        match = [p for p in targets if p.stem == name]
        if match:
            pages[f"target {name}"] = match[0]
    if (args.out / "quality" / "index.html").exists():
        pages["quality report"] = args.out / "quality" / "index.html"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    results: dict[str, dict] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for label, path in pages.items():
            runs = [_measure(browser, path.resolve().as_uri()) for _ in range(args.runs)]
            results[label] = {
                key: {"median": round(statistics.median(r[key] for r in runs), 3),
                      "max": round(max(r[key] for r in runs), 3)}
                for key in ("domcontentloaded_s", "load_s", "charts_drawn_s")
            } | {"svg": runs[0]["svg"], "runs": args.runs}
        browser.close()
    report = {
        "pages": results,
        "site_mb": {"dashboards": round(_size_mb(dashboards), 2),
                    "quality": round(_size_mb(args.out / "quality"), 2) if (args.out / "quality").is_dir() else None},
        "files": {"dashboards": sum(1 for f in dashboards.rglob("*") if f.is_file())},
        "goal_overview_s": GOAL_S,
        "overview_met": results["overview"]["charts_drawn_s"]["max"] < GOAL_S,
    }
    for label, r in results.items():
        print(f"{label:45s} charts drawn {r['charts_drawn_s']['median']:.2f} s (max {r['charts_drawn_s']['max']:.2f})"
              f" · load {r['load_s']['median']:.2f} s · {r['svg']} svg")
    print(f"site: dashboards {report['site_mb']['dashboards']} MB in {report['files']['dashboards']} files, "
          f"quality {report['site_mb']['quality']} MB")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
