"""Atomic publication: out/ changes only when a complete, checked build is swapped in, and never by halves.

One real refresh is published once per session (tests/conftest.py `published`); each case works on a copy of that
out/ folder and compares the published bytes (warehouse and every page of both sites) before and after.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import dagster as dg
import duckdb
import pytest

import assets.retries as retries
import targetwatch.warehouse as warehouse
from assets.resources import TargetwatchPaths
from pipelines.definitions import defs
from pipelines.failures import describe_failure
from targetwatch import runlog
from targetwatch.config import PROJECT_DIR
from targetwatch.warehouse import BuildIncomplete, prepare_build, publish, verify_build

RUNS_ONLY = [dg.AssetKey("runs")]  # the publication step alone, on the build that is there
ALL_BUT_PUBLICATION = sorted(set(defs.resolve_job_def("refresh").asset_layer.executable_asset_keys) - set(RUNS_ONLY))


def refresh(out: Path, instance, selection=None) -> dg.ExecuteInProcessResult:
    paths = TargetwatchPaths(out_dir=str(out), reports_dir=str(PROJECT_DIR / "reports"), as_of="2026-11-23")
    return defs.resolve_job_def("refresh").execute_in_process(
        instance=instance,
        raise_on_error=False,
        asset_selection=selection,
        run_config={
            "loggers": {"console": {"config": {"log_level": "CRITICAL"}}, "progress": {}},
            "resources": {"paths": {"config": paths.model_dump()}},
        },
    )


def published(out: Path) -> dict[str, bytes]:
    """Every published byte: the warehouse and each file of both sites."""
    files = [out / "warehouse.duckdb", *sorted(p for d in ("dashboards", "quality") for p in (out / d).rglob("*"))]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files if p.is_file()}


def runs_of(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT run_id, outcome, message FROM runs ORDER BY started_at").fetchall()


@pytest.fixture(autouse=True)
def no_wait_between_retries(monkeypatch):
    """Retries happen at once here (the bureau's runs wait 2 s for a lock to be released)."""
    monkeypatch.setattr(retries, "SECONDS_TO_WAIT", 0)


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        yield instance


@pytest.fixture(scope="module")
def first_out(published, tmp_path_factory, instance) -> Path:
    """The session's published refresh with the complete build of a next run beside it: every step but the
    publication, run again on a copy (a complete publication removes its build area). Each case works on its own
    copy of this folder, `out`."""
    out = published.copy_to(tmp_path_factory.mktemp("published") / "out")
    assert refresh(out, instance, selection=ALL_BUT_PUBLICATION).success
    return out


@pytest.fixture
def out(first_out, tmp_path) -> Path:
    """A private copy of a published out/ folder (with its complete build area)."""
    copy = tmp_path / "out"
    shutil.copytree(first_out, copy)
    return copy


def test_publication_leaves_nothing_behind(published, first_out):
    # the published outputs, the lock, and the raw archive and parse cache: the build area is removed once published
    assert sorted(p.name for p in published.out.iterdir()) == [
        ".refresh.lock", "archive", "cache", "dashboards", "quality", "warehouse.duckdb"
    ]
    assert not list(first_out.glob(".build/*.wal"))


@pytest.mark.slow  # a whole refresh: `pytest -m slow`
def test_a_half_written_build_does_not_stop_the_next_run(out, instance):
    """A run killed while writing leaves an unreadable build warehouse, a stray log and stale pages."""
    first_run = runs_of(out / "warehouse.duckdb")
    (out / ".build" / "warehouse.duckdb").write_bytes(b"\0half a database" * 1000)
    (out / ".build" / "warehouse.duckdb.wal").write_bytes(b"\1torn log")
    (out / ".build" / "site" / "dashboards" / "stale.html").write_text("an earlier build", encoding="utf-8")
    result = refresh(out, instance)
    assert result.success, describe_failure(result.all_events)
    warnings = [e.user_message for e in instance.all_logs(result.run_id) if "could not be read" in e.user_message]
    assert len(warnings) == 1 and warnings[0].startswith(str(out / ".build" / "warehouse.duckdb"))
    assert not (out / "dashboards" / "stale.html").exists()
    history = runs_of(out / "warehouse.duckdb")  # the run history survives from the published warehouse
    assert [r[0] for r in history] == [first_run[0][0], result.run_id]


def test_a_publication_that_fails_midway_changes_nothing(out, instance, monkeypatch):
    before = published(out)
    real_swap = warehouse._swap_in
    swapped = []

    def swap_then_fail(new, target, previous):  # a fake: the warehouse goes in, then the disk "fails"
        if target.name == "dashboards" and previous.parent.name == "old":  # publishing, not rolling back
            raise RuntimeError(f"simulated failure while publishing {target.name}")
        real_swap(new, target, previous)
        swapped.append(target.name)

    monkeypatch.setattr(warehouse, "_swap_in", swap_then_fail)
    result = refresh(out, instance, selection=RUNS_ONLY)
    assert not result.success
    assert swapped == ["warehouse.duckdb", "warehouse.duckdb"]  # swapped in, then rolled back
    assert published(out) == before
    assert not (out / ".publish").exists()
    message = describe_failure(result.all_events)
    assert message.startswith("step runs failed: RuntimeError: simulated failure while publishing dashboards")
    row = next(r for r in runs_of(out / ".build" / "warehouse.duckdb") if r[0] == result.run_id)
    assert row[1] == "failed"
    assert "publication: RuntimeError: simulated failure" in row[2] and "previous outputs are unchanged" in row[2]


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2-exchange", "link-and-rename"])
def test_a_run_killed_midway_through_publishing_is_rolled_back_by_the_next_run(out, exchange):
    before = published(out)
    real_swap = warehouse._swap_in

    def swap_then_die(new, target, previous):
        real_swap(new, target, previous)
        os.kill(os.getpid(), signal.SIGKILL)  # killed right after the first output went in

    runlog.write(out / ".build" / "warehouse.duckdb", runlog.RunRecord("the-killed-run", "cli", outcome="success"))
    (out / ".build" / "site" / "dashboards" / "new-page.html").write_text("new", encoding="utf-8")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child dies inside publish
        try:
            warehouse._swap_in = swap_then_die
            if not exchange:  # a kernel or file system without RENAME_EXCHANGE
                warehouse._exchange = lambda a, b: False
            publish(out / ".build", out)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL
    half = published(out)  # the state a killed publication leaves: a new warehouse beside the old sites
    assert half["warehouse.duckdb"] != before["warehouse.duckdb"] and "dashboards/new-page.html" not in half
    assert (out / ".publish" / "journal.json").exists()

    notes = prepare_build(out / ".build", out)  # what the next run does first, under the lock
    assert notes == ["interrupted publication rolled back: warehouse.duckdb"]
    assert published(out) == before
    assert not (out / ".publish").exists()


def test_without_the_atomic_exchange_a_failed_publication_is_still_rolled_back(out, monkeypatch):
    before = published(out)
    runlog.write(out / ".build" / "warehouse.duckdb", runlog.RunRecord("a-newer-run", "cli", outcome="success"))
    monkeypatch.setattr(warehouse, "_exchange", lambda a, b: False)
    real_replace = os.replace

    def replace_failing_on_quality(src, dst):  # a fake: the last output cannot be moved into place
        if Path(dst).name == "quality" and Path(src).parent.name == "new":
            raise OSError(5, "simulated I/O error", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(warehouse.os, "replace", replace_failing_on_quality)
    with pytest.raises(OSError, match="simulated I/O error"):
        publish(out / ".build", out)
    assert published(out) == before
    assert not (out / ".publish").exists()


def test_a_build_whose_blocking_check_failed_is_not_published(out, instance):
    before = published(out)
    with duckdb.connect(str(out / ".build" / "warehouse.duckdb")) as con:
        con.execute("UPDATE check_results SET success = false "
                    "WHERE rowid = (SELECT min(rowid) FROM check_results WHERE severity = 'error')")
    with pytest.raises(BuildIncomplete, match="blocking check"):
        verify_build(out / ".build")
    result = refresh(out, instance, selection=RUNS_ONLY)
    assert not result.success
    assert "BuildIncomplete: 1 blocking check(s) did not pass: nothing was published" in describe_failure(
        result.all_events
    )
    assert published(out) == before


def test_a_transient_io_error_while_publishing_is_retried(out, instance, monkeypatch):
    real_swap = warehouse._swap_in
    failures = []

    def flaky_swap(new, target, previous):  # a fake: the first attempt finds the file held open
        if not failures:
            failures.append(target.name)
            raise PermissionError(13, "held open by another program", str(target))
        real_swap(new, target, previous)

    monkeypatch.setattr(warehouse, "_swap_in", flaky_swap)
    result = refresh(out, instance, selection=RUNS_ONLY)
    assert result.success, describe_failure(result.all_events)
    assert [e.step_key for e in result.all_events if e.event_type_value == "STEP_UP_FOR_RETRY"] == ["runs"]
    assert runs_of(out / "warehouse.duckdb")[-1][:2] == (result.run_id, "success")


@pytest.mark.slow  # two whole refreshes: `pytest -m slow`
def test_a_report_the_system_cannot_read_retries_the_step_then_fails_naming_the_file(out, instance, monkeypatch):
    """A transient read error (a file held open) is retried and the run succeeds with every file; one that
    persists fails the run naming the step and the file, and the published outputs stay as they were."""
    import targetwatch.reports.template as template

    real_iter_csv = template.iter_csv  # the streaming reader ingestion uses for template CSVs
    attempts: list[str] = []

    def held_open(path, *args, **kwargs):  # a fake: the bureau's file is held open by another program
        if path.name == "shanxi-bulletins-and-news.csv" and len(attempts) < limit:
            attempts.append(path.name)
            raise PermissionError(13, "held open by another program", str(path))
        return real_iter_csv(path, *args, **kwargs)

    monkeypatch.setattr(template, "iter_csv", held_open)
    shutil.rmtree(out / "cache")  # every file is read again, not taken from the parse cache
    before = published(out)
    limit = 99  # persists: three attempts (the first and two retries), then the run fails
    result = refresh(out, instance)
    assert not result.success and len(attempts) == 3
    message = describe_failure(result.all_events)
    assert message.startswith("step reports failed: ReportIOError: shanxi-bulletins-and-news.csv: could not be read")
    assert published(out) == before

    attempts.clear()
    shutil.rmtree(out / "cache", ignore_errors=True)
    limit = 1  # transient: the retry reads it
    result = refresh(out, instance)
    assert result.success, describe_failure(result.all_events)
    assert [e.step_key for e in result.all_events if e.event_type_value == "STEP_UP_FOR_RETRY"] == ["reports"]
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM report_files WHERE status <> 'loaded'").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM report_files").fetchone() == (7,)


def built(build: Path) -> dict[str, tuple[bytes, int]]:
    """Each page of both built sites: its bytes and its file's inode."""
    files = sorted(p for d in ("dashboards", "quality") for p in (build / "site" / d).rglob("*") if p.is_file())
    return {p.relative_to(build / "site").as_posix(): (p.read_bytes(), p.stat().st_ino) for p in files}


def test_the_sites_are_published_as_the_built_files_not_copies(out):
    """The pages are linked into place (1.5 GB of pages were copied at national scale): each published page is the
    built file itself, with the built bytes, and nothing else is published."""
    pages = built(out / ".build")
    publish(out / ".build", out)
    after = {k: (v, (out / k).stat().st_ino) for k, v in published(out).items() if k != "warehouse.duckdb"}
    assert after == pages


def test_where_a_file_system_has_no_links_the_pages_are_copied(out, monkeypatch):
    pages = built(out / ".build")

    def no_links(src, dst, **kwargs):  # a fake: a file system without hard links (or the build on another one)
        raise OSError(18, "Invalid cross-device link", str(src))

    monkeypatch.setattr(warehouse.os, "link", no_links)
    publish(out / ".build", out)
    after = published(out)
    assert {k: v for k, v in after.items() if k != "warehouse.duckdb"} == {k: b for k, (b, _) in pages.items()}
    assert all((out / k).stat().st_ino != ino for k, (_, ino) in pages.items())
