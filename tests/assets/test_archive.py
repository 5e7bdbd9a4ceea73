"""The raw archive end to end: `targetwatch refresh` archives every report under out/archive (failed runs too),
a corrected report adds a vintage, and `targetwatch rebuild` rebuilds identical tables from the archive alone.

Both commands run in process through the CLI, which executes the Dagster `refresh` job.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipelines.cli import app
from targetwatch.config import PROJECT_DIR
from targetwatch.reports.archive import list_snapshots, load_snapshot
from targetwatch.warehouse import WAREHOUSE_FILE

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "reports"
AS_OF = "2026-11-23"

pytestmark = pytest.mark.slow  # five whole refreshes and rebuilds through the CLI: `pytest -m slow` (.ci/run runs it)
# SYNTHETIC: the bureau corrects Shanxi's 2019 high-tech enterprises (2405 in the fixtures' yearbooks) later on.
CORRECTION = (
    "# data: synthetic\n# SYNTHETIC correction of a SYNTHETIC yearbook figure\n"
    "jurisdiction,indicator,year,value,unit,release_date\nshanxi,高新技术企业,2019,2410,家,2022-01-10\n"
)
# Each table sorted by its key. Excluded columns, the only ones allowed to differ between two runs on the same
# inputs: check_results.checked_at (when the check ran). Nothing else is excluded: source_file is relative to
# the reports folder and archive_path to the archive, so a rebuild from a temporary folder gives the same values.
TABLES = {
    "report_files": (["source_file"], []),
    "observations": (["observation_id"], []),
    "rejected_rows": (["source_file", "location", "reason"], []),
    "check_results": (["check_name", "expectation", "column_name", "description"], ["checked_at"]),
    "assessments": (["target_id"], []),
    "assessment_years": (["target_id", "year"], []),
}


def _cli(*args: str | Path, expect: int | None = None):
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    if expect is not None and result.exit_code != expect:
        raise AssertionError(f"targetwatch {args[0]} exited {result.exit_code}:\n{result.output}")
    return result


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    with duckdb.connect(str(out / WAREHOUSE_FILE), read_only=True) as con:
        for name, (key, excluded) in TABLES.items():
            df = con.execute(f"SELECT * FROM {name}").df().drop(columns=excluded)
            frames[name] = df.sort_values(key, kind="stable").reset_index(drop=True)
    return frames


def _blobs(archive: Path) -> set[str]:
    blobs = (p for p in archive.rglob("*") if p.is_file() and p.parent.name != "snapshots")
    return {p.relative_to(archive).as_posix() for p in blobs}


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    """A temporary DAGSTER_HOME, no TARGETWATCH_* settings from the caller, and wide lines for the messages."""
    home = tmp_path_factory.mktemp("dagster_home")
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(home))
        mp.setenv("COLUMNS", "250")
        for var in ("TARGETWATCH_REPORTS", "TARGETWATCH_OUT", "TARGETWATCH_AS_OF"):
            mp.delenv(var, raising=False)
        yield


@pytest.fixture(scope="module")
def history(tmp_path_factory, cli_env):
    """A failed refresh, a refresh, a refresh with a corrected report; then the reports folder is deleted and
    the latest and the first good snapshot are rebuilt from the archive alone into two other output folders."""
    tmp = tmp_path_factory.mktemp("archive")
    reports, out = tmp / "reports", tmp / "out"
    state: dict = {"reports": reports, "out": out, "archive": out / "archive"}
    refresh = ["refresh", "--reports", reports, "--out", out, "--as-of", AS_OF]

    shutil.copytree(FIXTURES, reports)
    # the same report twice, the copy with a sidecar of its own (so it is another vintage, not a duplicate read
    # once, issue 15): its observation ids collide, the blocking check fails, the run fails
    shutil.copy(reports / "synthetic-communique-shanxi-2019.txt", reports / "synthetic-copy.txt")
    (reports / "synthetic-copy.txt.meta.yaml").write_text("release_date: 2020-03-06\n", encoding="utf-8")
    state["failed"] = _cli(*refresh, expect=1)
    state["after_failure"] = {
        "published": (out / WAREHOUSE_FILE).exists(),
        "blobs": _blobs(out / "archive"),
        "snapshots": list_snapshots(out / "archive"),
    }

    (reports / "synthetic-copy.txt").unlink()
    (reports / "synthetic-copy.txt.meta.yaml").unlink()
    state["first"] = _cli(*refresh, expect=0)
    state["first_tables"] = _tables(out)

    (reports / "synthetic-correction-2019.csv").write_text(CORRECTION, encoding="utf-8")
    state["second"] = _cli(*refresh, expect=0)
    state["second_tables"] = _tables(out)
    state["snapshots"] = list_snapshots(out / "archive")

    shutil.rmtree(reports)
    state["rebuilt"] = _cli(
        "rebuild", "--archive", out / "archive", "--out", tmp / "rebuilt", "--as-of", AS_OF, expect=0
    )
    state["rebuilt_tables"] = _tables(tmp / "rebuilt")
    state["rebuilt_first"] = _cli(
        "rebuild", state["snapshots"][1], "--archive", out / "archive", "--out", tmp / "rebuilt-first",
        "--as-of", AS_OF, expect=0,
    )
    state["rebuilt_first_tables"] = _tables(tmp / "rebuilt-first")
    return state


def test_a_failed_run_keeps_what_it_archived(history):
    assert history["failed"].exit_code == 1, history["failed"].output
    assert "observations_valid" in history["failed"].output
    # the operator is told which expectation failed and in which files, without opening the warehouse
    output = " ".join(history["failed"].output.split())
    assert "observation ids are unique" in output and "synthetic-copy.txt (" in output, output
    assert not history["after_failure"]["published"]  # nothing was published
    archive, snapshot = history["archive"], history["after_failure"]["snapshots"]
    assert len(snapshot) == 1
    files = load_snapshot(archive, snapshot[0]).files
    reports = [p.name for p in FIXTURES.iterdir() if p.suffix != ".yaml"]
    assert sorted(files) == sorted([*reports, "synthetic-copy.txt"])
    for name, entry in files.items():
        source = FIXTURES / ("synthetic-communique-shanxi-2019.txt" if name == "synthetic-copy.txt" else name)
        assert (archive / entry["archive_path"]).read_bytes() == source.read_bytes()


def test_the_archive_outlives_failed_runs_builds_and_publication(history):
    assert history["first"].exit_code == 0, history["first"].output
    assert history["second"].exit_code == 0, history["second"].output
    archive = history["archive"]
    assert history["after_failure"]["blobs"] <= _blobs(archive)  # nothing archived is ever removed
    assert history["snapshots"][0] == history["after_failure"]["snapshots"][0]
    assert len(history["snapshots"]) == 3  # failed run, first run, run with the correction
    correction = hashlib.sha256(CORRECTION.encode("utf-8")).hexdigest()
    assert f"{correction[:2]}/{correction}.csv" in _blobs(archive)
    assert f"snapshot {history['snapshots'][-1]}" in history["second"].output  # the CLI names it
    assert (history["out"] / "cache" / "reads").is_dir()


def test_a_corrected_report_adds_a_vintage(history):
    def shanxi_2019(tables):
        o = tables["observations"]
        o = o[(o.jurisdiction == "shanxi") & (o.indicator == "high_tech_enterprises") & (o.year == 2019)]
        return sorted((r.value, str(r.release_date)[:10], r.source_file) for r in o.itertuples())

    before, after = shanxi_2019(history["first_tables"]), shanxi_2019(history["second_tables"])
    assert before == [
        (1523.0, "2020-03-05", "synthetic-communique-shanxi-2019.txt"),
        (2405.0, "2021-09-30", "synthetic-yearbook-shanxi-traditional.csv"),
        (2405.0, "NaT", "synthetic-yearbook-shanxi.xlsx"),
    ]
    assert after == sorted([*before, (2410.0, "2022-01-10", "synthetic-correction-2019.csv")])
    files = history["second_tables"]["report_files"]
    added = files[files.source_file == "synthetic-correction-2019.csv"].iloc[0]
    assert (len(files), added.status, added.rows_accepted, added.release_date) == (5, "loaded", 1, None)

    def target(tables):
        a = tables["assessments"].set_index("target_id").loc["shanxi-2017-high-tech-enterprises"]
        return a.latest_year, a.latest_value

    assert target(history["first_tables"]) == (2019, 2405.0)
    assert target(history["second_tables"]) == (2019, 2410.0)  # the latest vintage decides


def test_a_rebuild_from_the_archive_alone_gives_identical_tables(history):
    assert history["rebuilt"].exit_code == 0, history["rebuilt"].output
    assert f"from snapshot {history['snapshots'][-1]} (5 files" in history["rebuilt"].output
    assert not history["reports"].exists()
    for name, expected in history["second_tables"].items():
        pd.testing.assert_frame_equal(history["rebuilt_tables"][name], expected, check_exact=True, obj=name)


def test_a_named_snapshot_rebuilds_that_earlier_state(history):
    assert history["rebuilt_first"].exit_code == 0, history["rebuilt_first"].output
    for name, expected in history["first_tables"].items():
        pd.testing.assert_frame_equal(history["rebuilt_first_tables"][name], expected, check_exact=True, obj=name)


def test_rebuild_lists_the_snapshots_and_names_a_missing_one(history, tmp_path):
    listed = _cli("rebuild", "--list", "--archive", history["archive"])
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.output.splitlines()] == history["snapshots"]
    missing = _cli("rebuild", "1999", "--archive", history["archive"], "--out", tmp_path / "out")
    assert missing.exit_code == 1
    assert "no snapshot '1999'" in missing.output and "nothing was written" in missing.output
    empty = _cli("rebuild", "--out", tmp_path / "out")
    assert empty.exit_code == 1 and "holds no snapshots: run `targetwatch refresh` first" in empty.output
    assert not (tmp_path / "out" / WAREHOUSE_FILE).exists()


def test_a_snapshot_manifest_is_plain_json(history):
    text = (history["archive"] / "snapshots" / f"{history['snapshots'][-1]}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["release_date"] is None and data["snapshot"] == history["snapshots"][-1]
    assert data["files"]["synthetic-yearbook-shanxi-traditional.csv"]["sidecar"]["archive_path"].endswith(".meta.yaml")
