"""The whole refresh on a SYNTHETIC workload beside its two floors, in one run: `uv run python -m
benchmarks.whole_refresh [--scale tiny|small|full] [--workdir DIR]`.

Three measurements, each in its own process under `/usr/bin/time -v` (wall time and peak resident memory):

- refresh: the Dagster `refresh` job as the CLI runs it (pipelines.run.run_refresh_job: catalogue, ingestion,
  both Great Expectations suites, assessment, data call, dashboards, quality report, publication), on a project
  folder holding the workload's catalogue as targets.yaml and one SYNTHETIC policy document;
- the ingest floor: DuckDB reading the same CSV files into one table;
- the assessment floor: the assessment's SQL stages alone (targetwatch.assessment.run_stages) on the refreshed
  warehouse, writing both output tables.

Prints one JSON document (also written to <workdir>/whole-refresh.json) with the ratios the issue sets as goals.
The workload is targetwatch.synthetic's (every file a template CSV): no XLSX or yearbook files, no sparse county
series yet (docs/scaling.md says so).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def prepare(work: Path, scale: str) -> dict:
    """Write the workload: reports/, project/targets.yaml and project/policies/ (one SYNTHETIC document)."""
    from targetwatch import synthetic

    w = synthetic.generate(scale)
    w.write_reports(work / "reports")
    project = work / "project"
    (project / "policies").mkdir(parents=True, exist_ok=True)
    doc = "SYNTHETIC-benchmark-document.txt"
    (project / "policies" / doc).write_text(synthetic.SOURCE_QUOTE + "\n", encoding="utf-8")
    (project / "policies" / "documents.yaml").write_text(yaml.safe_dump({"documents": [{
        "id": synthetic.DOCUMENT_ID, "file": doc, "original_file": "SYNTHETIC (generated, not a real document)",
        "jurisdiction": synthetic.NATIONAL_CODE, "issuer_zh": "合成基准测试", "issuer_en": "SYNTHETIC benchmark",
        "date": "2020-01-01", "title_zh": "合成基准测试文件（非真实文件）", "title_en": "SYNTHETIC benchmark document",
        "script": "simplified"}]}, allow_unicode=True), encoding="utf-8")
    catalogue = w.catalogue.model_dump(mode="json", exclude_defaults=True)
    with (project / "targets.yaml").open("w", encoding="utf-8") as fh:
        fh.write("# SYNTHETIC benchmark catalogue (targetwatch.synthetic): no real targets\n")
        yaml.dump(catalogue, fh, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                  sort_keys=False)
    return synthetic.describe(w) | {"as_of": w.as_of.isoformat()}


def timed(code: str, *args: str) -> dict:
    """Run `python -c code args` under /usr/bin/time -v; its wall seconds, peak RSS (MB) and last stdout line."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, sys.executable, "-c", code, *args],
                              cwd=ROOT, capture_output=True, text=True, env=os.environ | {"PYTHONHASHSEED": "0"})
        text = report.read()
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-6000:])
        raise SystemExit(f"benchmark process failed ({proc.returncode})")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    h, m, s = (float(g) if g else 0.0 for g in wall.groups())
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    lines = proc.stdout.strip().splitlines()
    return {"wall_s": round(h * 3600 + m * 60 + s, 2), "peak_rss_mb": round(rss / 1024),
            "result": json.loads(lines[-1]) if lines and lines[-1].startswith("{") else None}


REFRESH = """
import json, sys, datetime as dt
from pathlib import Path
from pipelines.run import run_refresh_job
from targetwatch.config import Settings
work = Path(sys.argv[1])
s = Settings(project_dir=work / "project", reports_dir=work / "reports", out_dir=work / "out",
             as_of=dt.date.fromisoformat(sys.argv[2]), dagster_home=work / "dagster-home")
import os
os.environ["DAGSTER_HOME"] = str(s.dagster_home_dir); s.dagster_home_dir.mkdir(parents=True, exist_ok=True)
outcome = run_refresh_job(s, trigger="cli")
print(json.dumps({"success": outcome.success, "message": outcome.message[:2000]}))
"""

INGEST_FLOOR = """
import json, sys, duckdb
from pathlib import Path
work = Path(sys.argv[1])
files = sorted(str(p) for p in (work / "reports").rglob("*.csv"))
con = duckdb.connect(str(work / "floor-ingest.duckdb"))
con.execute("CREATE OR REPLACE TABLE observations AS SELECT * FROM read_csv($files, union_by_name = true, "
            "filename = true)", {"files": files})
print(json.dumps({"rows": con.execute("SELECT count(*) FROM observations").fetchall()[0][0], "files": len(files)}))
"""

ASSESS_FLOOR = """
import json, shutil, sys, datetime as dt, duckdb
from pathlib import Path
from targetwatch.assessment import run_stages
work = Path(sys.argv[1])
published = work / "out" / "warehouse.duckdb"  # the build's, when the refresh failed before publishing
shutil.copyfile(published if published.exists() else work / "out" / ".build" / "warehouse.duckdb",
                work / "floor-assess.duckdb")
con = duckdb.connect(str(work / "floor-assess.duckdb"))
scored = run_stages(con, dt.date.fromisoformat(sys.argv[2]))
con.execute("CREATE OR REPLACE TABLE floor_assessments AS SELECT * FROM scored")
con.execute("CREATE OR REPLACE TABLE floor_assessment_years AS SELECT * FROM _tw_judged")
print(json.dumps({"assessments": len(scored),
                  "years": con.execute("SELECT count(*) FROM floor_assessment_years").fetchall()[0][0]}))
"""


def step_seconds(work: Path) -> dict[str, float]:
    """Wall seconds of each step of the refresh, from the run's Dagster event log (its DAGSTER_HOME)."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(work / "dagster-home")) as instance:
        [record] = instance.get_run_records(limit=1)
        stats = instance.get_run_step_stats(record.dagster_run.run_id)
    return {s.step_key: round(s.end_time - s.start_time, 1) for s in stats if s.start_time and s.end_time}


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().strip()
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="small")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix=f"SYNTHETIC-whole-refresh-{args.scale}-"))
    work.mkdir(parents=True, exist_ok=True)
    counts = prepare(work, args.scale)
    out = {"data": "synthetic", "scale": args.scale, "counts": counts, "load_before": _load(),
           "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    out["refresh"] = timed(REFRESH, str(work), counts["as_of"])
    out["refresh"]["steps_s"] = step_seconds(work)
    out["ingest_floor"] = timed(INGEST_FLOOR, str(work))
    out["assess_floor"] = timed(ASSESS_FLOOR, str(work), counts["as_of"])
    out["load_after"] = _load()
    floors = out["ingest_floor"]["wall_s"] + out["assess_floor"]["wall_s"]
    out["goals"] = {
        "refresh_over_floors": round(out["refresh"]["wall_s"] / floors, 1),
        "refresh_over_floors_max": 3.0,
        "peak_rss_mb": out["refresh"]["peak_rss_mb"],
        "peak_rss_mb_max": 2048,
    }
    (work / "whole-refresh.json").write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    print(json.dumps(out, indent=1, default=str))
    return out


if __name__ == "__main__":
    main()
