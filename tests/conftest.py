"""Shared fixtures: the real catalogue and documents (read once), one published refresh of the bundled reports
(once per session, read-only), and tiny synthetic catalogues for cases."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from targetwatch.catalogue import Catalogue, Indicator, Jurisdiction, Source, Target, load_catalogue
from targetwatch.config import PROJECT_DIR
from targetwatch.documents import load_documents

if TYPE_CHECKING:  # pandas is imported where it is used: the xdist controller imports this file and needs none
    import pandas as pd

TODAY = dt.date(2026, 11, 23)

# Temporary files in memory: every test's tmp_path, Dagster's test instances (SQLite) and the DuckDB warehouses the
# tests build go under TMPDIR, and on this machine /tmp is a disk where each SQLite commit and DuckDB checkpoint waits
# for its fsync (test_holds + test_stages + test_suite_frames, paired at load 5.4-6.5: 47.6 and 47.3 s of wall on
# /tmp, 31.4 and 22.9 s on /dev/shm; docs/testing.md, session 9). Nothing tested depends on the medium (the atomic
# exchange, renameat2, works on tmpfs too). Only when the caller set no TMPDIR and /dev/shm is a writable tmpfs with
# room (a container's is often 64 MB); subprocesses (CLI refreshes, dagster dev) inherit it.
MEMORY_TMP, MEMORY_TMP_MIN_FREE = Path("/dev/shm"), 4 * 2**30


def _use_memory_tmp() -> None:
    if "TMPDIR" in os.environ or not MEMORY_TMP.is_dir() or not os.access(MEMORY_TMP, os.W_OK | os.X_OK):
        return
    free = os.statvfs(MEMORY_TMP)
    if free.f_bavail * free.f_frsize >= MEMORY_TMP_MIN_FREE:
        os.environ["TMPDIR"] = str(MEMORY_TMP)
        tempfile.tempdir = None  # tempfile caches the folder it chose: choose again


_use_memory_tmp()


def pytest_addoption(parser):
    parser.addoption("--cpu-durations", type=int, default=None, metavar="N",
                     help="list the N slowest test phases by CPU seconds (this process, its children and every live "
                          "process below it, such as Chromium): fairer than --durations on a shared machine "
                          "(docs/testing.md); 0 lists every phase")
    parser.addoption("--screenshots", action="store_true",
                     help="the browser tests save a full-page screenshot of every page kind in "
                          "test-artifacts/screenshots/ for a person to look at (off by default: a full-page screenshot "
                          "costs 1-5 s of Chromium's CPU, about a sixth of the default set's CPU in all)")
    parser.addoption("--store-module-seconds", action="store_true",
                     help="a whole run (no paths named) writes each module's seconds to tests/module_seconds.json, "
                          "the committed default the workers deal by when .pytest_cache has none (a fresh clone)")


def pytest_configure(config) -> None:
    if config.getoption("store_module_seconds") and not hasattr(config, "workerinput") and (
            config.args_source != pytest.Config.ArgsSource.TESTPATHS or config.getoption("lf")
            or config.getoption("keyword")):
        raise pytest.UsageError("--store-module-seconds needs a whole run: no paths, no --lf, no -k")


MAX_WORKERS = 4  # each worker imports Dagster, GE and pandas and starts its own Chromium: ~0.5 GB each


def pytest_xdist_auto_num_workers(config) -> int | None:
    """`-n auto` (pyproject's addopts): one pytest-xdist worker per core, at most MAX_WORKERS; none (the tests run in
    this process) when every argument names a single test (`path::test`), where starting workers costs more than it
    saves."""
    if config.args and all("::" in a for a in config.args):
        return 0
    return min(os.cpu_count() or 1, MAX_WORKERS)


# The slow set's modules in the order of their measured cost (docs/testing.md, 2026-12-03 session 6: each module's
# wall seconds in one process), dealt first when they run on workers; a slow module not listed follows them.
LONGEST_SLOW_MODULES = ("tests.benchmarks.test_run", "tests.pipelines.test_kill_and_race",
                        "tests.hostile.test_end_to_end", "tests.pipelines.test_partitions",
                        "tests.hostile.test_extreme_values", "tests.assets.test_archive",
                        "tests.pipelines.test_dagster_dev", "tests.assets.test_publication",
                        "tests.e2e.test_data_call",
                        "tests.assets.test_holds", "tests.benchmarks.test_multiprocess")


@pytest.hookimpl(trylast=True)  # after `-m` has deselected: only the tests that will run decide the order
def pytest_collection_modifyitems(config, items) -> None:
    """Under pytest-xdist, the longest modules go first, each whole (`--dist loadscope --no-loadscope-reorder`,
    pyproject), since a long module dealt last keeps one worker busy while the other has nothing left: the modules
    with slow tests (when they run: CI, `pytest -m slow`), longest first, then those with browser tests (Chromium's
    CPU, about a third of the default set's), then the rest; within the last two parts, the modules the last whole run
    measured longest first (`MODULE_SECONDS`, or the committed default where the cache has none: a module not measured
    yet goes first, the unmeasured keep pytest's order),
    so the last modules dealt are short ones and the two workers end together. Serially, the order is pytest's own."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    slow = {item.module.__name__ for item in items if item.get_closest_marker("slow")}
    browser = {item.module.__name__ for item in items if item.get_closest_marker("browser")}
    rank = {name: i for i, name in enumerate(LONGEST_SLOW_MODULES)}
    seconds = getattr(config, "workerinput", {}).get(MODULE_SECONDS) or {}

    def key(item) -> tuple[int, float]:
        name = item.module.__name__
        if name in slow:
            return 0, rank.get(name, len(rank))
        return (1 if name in browser else 2), -seconds.get(item.nodeid.split("::")[0], float("inf"))

    items.sort(key=key)  # stable: pytest's order kept within each part
    _meanwhile_no_shared_build(items, seconds)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadscope` (pyproject), with the modules that validate with Great Expectations on the worker that imports
    it anyway (tests/dealing.py): the other worker skips a 3-4 s import."""
    if config.getoption("dist") != "loadscope":
        return None
    from tests.dealing import OneWorkerValidates

    return OneWorkerValidates(config, log)


# Each module's seconds (its tests' phases, wall) in the last whole run (`pytest` with no paths named), kept in pytest's
# cache (.pytest_cache) by the xdist controller and handed to every worker at its start (`workerinput`: the workers
# must order their collections alike, so they do not read the file themselves). Where the cache has none (a fresh
# clone, CI, `-p no:cacheprovider`), the committed default, tests/module_seconds.json (tests/module_seconds.py;
# `--store-module-seconds` refreshes it).
MODULE_SECONDS = "targetwatch/module_seconds"
_RUN_SECONDS: dict[str, float] = {}


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    from tests.module_seconds import choose, read_default

    cache = getattr(node.config, "cache", None)  # none with `-p no:cacheprovider`
    node.workerinput[MODULE_SECONDS] = choose(cache.get(MODULE_SECONDS, {}) if cache is not None else None,
                                              read_default())


def _whole_run(config) -> bool:
    return config.args_source == pytest.Config.ArgsSource.TESTPATHS and not hasattr(config, "workerinput")


def _keep_module_seconds(config) -> None:
    if not hasattr(config, "cache"):  # `-p no:cacheprovider`: nowhere to keep them (nor a --lf option)
        return
    if _RUN_SECONDS and _whole_run(config) and not config.getoption("lf") and not config.getoption("keyword"):
        config.cache.set(MODULE_SECONDS, config.cache.get(MODULE_SECONDS, {}) | {
            module: round(seconds, 2) for module, seconds in _RUN_SECONDS.items()})


SHARED_BUILDS = ("published", "cli_refreshed")  # built once per run (`build_once`): a second asker waits for it


# How many modules that need no shared build go right after the first, for the second worker to run while the first
# builds the published refresh (~10 s of one core quiet, 13-36 s loaded).
MEANWHILE = 2


def _meanwhile_no_shared_build(items, seconds: dict[str, float]) -> None:
    """The first two modules go to the two workers at once (then each takes the next as it runs low): if the first
    needs a shared build and the next ones need it too, the second worker waits idle while the first builds it (the
    default set: ~10 s of one core quiet, the published refresh; in session 10's first timed run the second worker
    ran test_chart_columns, 1.4 s, then waited 31 s in test_phone's first setup). So the MEANWHILE longest modules that
    need no shared build, by their seconds in the last whole run (`MODULE_SECONDS`; with none measured, the ones with
    the most tests), go second and third: the second worker runs them while the first builds."""
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(item.module.__name__, []).append(item)
    names = list(modules)
    uses = {name: {f for item in its for f in item.fixturenames if f in SHARED_BUILDS} for name, its in modules.items()}
    if len(names) < 3 or not uses[names[0]] & uses[names[1]]:
        return

    def length(name: str) -> tuple[float, int]:
        return seconds.get(modules[name][0].nodeid.split("::")[0], 0.0), len(modules[name])

    free = sorted((name for name in names[1:] if not uses[name]), key=length, reverse=True)[:MEANWHILE]
    names = [names[0], *free, *(name for name in names[1:] if name not in free)]
    items[:] = [item for name in names for item in modules[name]]


_TICK = os.sysconf("SC_CLK_TCK")
_LOST = [0.0, 0.0]  # [the highest total seen, CPU of descendants that ended unwaited-for]: see _cpu_seconds


def _descendants_cpu(root: int) -> float:
    """CPU seconds of the live processes descended from `root`, each with the children it has waited for (Linux
    /proc: user, system, children's user and system). Chromium's renderers live here until the browser closes."""
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        for children in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                kids = [int(k) for k in children.read_text().split()]
            except OSError:
                continue
            for kid in kids:
                try:
                    fields = Path(f"/proc/{kid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                total += sum(int(f) for f in fields[11:15]) / _TICK
                todo.append(kid)
    return total


def _cpu_seconds() -> float:
    """CPU seconds of this process, of the children it has waited for, and of the live processes below it.

    The last part is what getrusage misses: Chromium's renderer and zygote processes are not waited for up the chain
    when the browser closes, so only about a third of Chromium's CPU ever reaches RUSAGE_CHILDREN (measured: 71 of
    199 s). Counting live processes as they run, and never letting the total fall when one ends unwaited-for, gives
    each test the CPU its pages cost."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    now = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime + _descendants_cpu(os.getpid())
    if now + _LOST[1] < _LOST[0]:  # a subtree ended without being waited for: its CPU was counted while it ran
        _LOST[1] = _LOST[0] - now
    _LOST[0] = now + _LOST[1]
    return _LOST[0]


_CPU_PROPERTY = "cpu_seconds"
_CPU_ROWS: list[tuple[float, str, str]] = []  # (CPU seconds, phase, test) of every phase reported to this process


def _timed(phase: str):
    """Time one phase of a test in CPU seconds, kept on the test item as a user property: the phase's report carries
    it, so the summary also sees the phases that pytest-xdist workers ran."""

    @pytest.hookimpl(hookwrapper=True)
    def hook(item, *args):
        if item.config.getoption("cpu_durations") is None:
            yield
            return
        start = _cpu_seconds()
        yield
        item.user_properties.append((_CPU_PROPERTY, (phase, _cpu_seconds() - start)))

    return hook


pytest_runtest_setup, pytest_runtest_call, pytest_runtest_teardown = map(_timed, ("setup", "call", "teardown"))


def pytest_runtest_logreport(report):
    """Collect the phase's CPU seconds from its report (in this process, or sent back by an xdist worker), and its
    wall seconds by module (`MODULE_SECONDS`)."""
    module = report.nodeid.split("::")[0]
    _RUN_SECONDS[module] = _RUN_SECONDS.get(module, 0.0) + report.duration
    for name, value in report.user_properties:
        if name == _CPU_PROPERTY and value[0] == report.when:
            _CPU_ROWS.append((value[1], report.when, report.nodeid))


def pytest_sessionfinish(session) -> None:
    """An xdist worker sends its own total (its process and the processes below it, Chromium's included) back; the
    controller of a whole run keeps each module's seconds for the next run's order."""
    _keep_module_seconds(session.config)
    if session.config.getoption("store_module_seconds") and _RUN_SECONDS and _whole_run(session.config):
        from tests.module_seconds import write_default

        write_default(_RUN_SECONDS)
    if hasattr(session.config, "workeroutput") and session.config.getoption("cpu_durations") is not None:
        session.config.workeroutput[_CPU_PROPERTY] = _cpu_seconds()


_WORKERS_CPU: list[float] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """The controller collects each xdist worker's total as the worker ends."""
    if _CPU_PROPERTY in getattr(node, "workeroutput", {}):
        _WORKERS_CPU.append(node.workeroutput[_CPU_PROPERTY])


def pytest_terminal_summary(terminalreporter, config):
    n = config.getoption("cpu_durations")
    if n is None:
        return
    rows = sorted(_CPU_ROWS, reverse=True)
    if _WORKERS_CPU:  # the controller's own CPU and each worker's total (getrusage misses their Chromium's)
        me = resource.getrusage(resource.RUSAGE_SELF)
        total = me.ru_utime + me.ru_stime + sum(_WORKERS_CPU)
        where = f"the controller and its {len(_WORKERS_CPU)} xdist workers with the processes below them"
    else:
        total, where = _cpu_seconds(), "the process and the processes below it"
    terminalreporter.write_sep("=", f"{n or len(rows)} slowest test phases by CPU seconds "
                                    f"(total {sum(r[0] for r in rows):.1f} s in test phases, {total:.1f} s in {where})")
    for cpu, phase, nodeid in rows[: n or None]:
        terminalreporter.write_line(f"{cpu:7.2f}s {phase:<8} {nodeid}")


AS_OF = TODAY.isoformat()  # the as-of date of the shared published refresh


@dataclass(frozen=True)
class Published:
    """The `refresh` job's result on the bundled reports and the out/ folder it published (read-only)."""

    out: Path
    result: object  # dagster.ExecuteInProcessResult: events and check evaluations, kept in memory

    def copy_to(self, target: Path) -> Path:
        """A private copy of the published out/ folder, for a test that writes into one."""
        shutil.copytree(self.out, target)
        return target


def refresh_in_process(out: Path, reports: Path, as_of: str = AS_OF):
    """The `refresh` job, in process and quiet, on `reports`, publishing to `out`; its result (raise_on_error is off:
    the caller asserts success or the failure it expects)."""
    import dagster as dg

    from assets.resources import TargetwatchPaths
    from pipelines.definitions import defs

    paths = TargetwatchPaths(out_dir=str(out), reports_dir=str(reports), project_dir=str(PROJECT_DIR), as_of=as_of)
    with dg.instance_for_test() as instance:
        return defs.resolve_job_def("refresh").execute_in_process(
            instance=instance, raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}, "progress": {}},
                        "resources": {"paths": {"config": paths.model_dump()}}})


def build_once(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder that `build` fills once per test run, shared by every pytest-xdist worker (read-only).

    Run serially, it is a fresh temporary folder. Under xdist, the workers' temporary folders share a parent for the
    run: the first worker to ask builds `name` there under a file lock, the others wait for it and reuse it (the
    pytest-xdist recipe for session fixtures). A build that raised leaves no `.built` mark, so the next worker tries
    again and meets the same error."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    from filelock import FileLock

    root = tmp_path_factory.getbasetemp().parent / "built-once"
    root.mkdir(exist_ok=True)
    folder, done = root / name, root / f"{name}.built"
    with FileLock(str(root / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def _refresh_result(folder: Path):
    """The shared refresh's result as the job returned it: its events and run, read back from the build."""
    import dagster as dg

    from pipelines.definitions import defs

    saved = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    return dg.ExecuteInProcessResult(event_list=dg.deserialize_value(saved["events"]),
                                     dagster_run=dg.deserialize_value(saved["run"]), output_capture=None,
                                     job_def=defs.resolve_job_def("refresh"))


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Published:
    """One refresh of the bundled real figures, as of TODAY, shared by every test that needs a published out/ (and by
    every xdist worker: `build_once`).

    Read-only: a test that writes (a second run, a failed publication) works on `published.copy_to(tmp_path)`. The
    result is the job's own events and run, saved beside out/ and read back, so every worker sees the same one."""
    import dagster as dg

    def build(folder: Path) -> None:
        result = refresh_in_process(folder / "out", PROJECT_DIR / "reports")
        assert result.success, [e.message for e in result.all_events if e.is_failure]
        (folder / "result.json").write_text(json.dumps({"events": dg.serialize_value(result.all_events),
                                                        "run": dg.serialize_value(result.dagster_run)}),
                                            encoding="utf-8")

    folder = build_once(tmp_path_factory, "published", build)
    return Published(out=folder / "out", result=_refresh_result(folder))


@dataclass(frozen=True)
class CliRefresh:
    """`targetwatch refresh` of the bundled reports run as a user runs it, and the out/ folder it published."""

    out: Path
    proc: subprocess.CompletedProcess


@pytest.fixture(scope="session")
def cli_refreshed(tmp_path_factory) -> CliRefresh:
    """One `targetwatch refresh --out <tmp>` of the bundled reports in its own process, as of TODAY, with no
    DAGSTER_HOME (it defaults inside out/): shared by the slow tests that need a refresh run as a user runs it (the
    progress test, the baseline of the kill and race tests, the bundled verdicts of the hostile set), and by every
    xdist worker (`build_once`; the process's exit code and output are saved beside out/). Read-only: copy it before
    writing."""

    def build(folder: Path) -> None:
        env = os.environ | {"TARGETWATCH_AS_OF": AS_OF, "COLUMNS": "120"}
        env.pop("DAGSTER_HOME", None)
        proc = subprocess.run([sys.executable, "-c", "from pipelines.cli import main; main()", "refresh", "--out",
                               str(folder / "out")], cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
                              timeout=600)
        (folder / "proc.json").write_text(json.dumps({"args": proc.args, "returncode": proc.returncode,
                                                      "stdout": proc.stdout, "stderr": proc.stderr}),
                                          encoding="utf-8")

    folder = build_once(tmp_path_factory, "cli-refresh", build)
    saved = json.loads((folder / "proc.json").read_text(encoding="utf-8"))
    return CliRefresh(out=folder / "out", proc=subprocess.CompletedProcess(**saved))


@dataclass(frozen=True)
class SyntheticSite:
    """The SYNTHETIC site of tests/targetwatch/test_site.py, built once: its folder, its data and the pages written."""

    out: Path
    data: object  # targetwatch.render.site_data.SiteData
    pages: list[Path]


def _build_synthetic_site(tmp_path_factory, name: str, large: bool) -> SyntheticSite:
    """The SYNTHETIC site built once (`build_once`); its data is rebuilt in each worker (a fraction of a second)."""
    from targetwatch.render.dashboards import build_dashboards
    from targetwatch.render.quality_report import build_quality_report
    from tests.targetwatch.test_site import synthetic_site_data

    data = synthetic_site_data(n_extra=12) if large else synthetic_site_data()

    def build(folder: Path) -> None:
        pages = build_dashboards(data, folder / "site" / "dashboards", large=large)
        build_quality_report(data, folder / "site" / "quality")
        (folder / "pages.json").write_text(json.dumps([str(p.relative_to(folder)) for p in pages]), encoding="utf-8")

    folder = build_once(tmp_path_factory, name, build)
    pages = [folder / p for p in json.loads((folder / "pages.json").read_text(encoding="utf-8"))]
    return SyntheticSite(out=folder / "site", data=data, pages=pages)


@pytest.fixture(scope="session")
def synthetic_site_build(tmp_path_factory) -> SyntheticSite:
    """A small SYNTHETIC site (departments, measures, revisions, per-year bars), shared by the site tests
    (tests/targetwatch/test_site.py) and the browser tests (read-only)."""
    return _build_synthetic_site(tmp_path_factory, "synthetic-site", large=False)


@pytest.fixture(scope="session")
def large_synthetic_site_build(tmp_path_factory) -> SyntheticSite:
    """The SYNTHETIC site in the large layout (what a catalogue of every county gets), forced on a small one (12
    extra jurisdictions); shared like `synthetic_site_build` (read-only)."""
    return _build_synthetic_site(tmp_path_factory, "large-synthetic-site", large=True)


@pytest.fixture(scope="session")
def documents():
    return load_documents(PROJECT_DIR / "policies")


@pytest.fixture(scope="session")
def catalogue(documents) -> Catalogue:
    return load_catalogue(PROJECT_DIR / "targets.yaml", documents)


# The places of every synthetic test catalogue: one province `xx` and the national reference `nat`.
SYNTHETIC_JURISDICTIONS: tuple[Jurisdiction, ...] = (
    Jurisdiction(code="xx", admin_code="990000", name_zh="测试省", name_en="Testland", level="province"),
    Jurisdiction(code="nat", admin_code="100000", name_zh="全国", name_en="National", level="national"),
)


def tiny_catalogue(*targets: Target) -> Catalogue:
    """A synthetic catalogue (one place `xx`, one reference `nat`) for table-driven assessment cases."""
    return Catalogue(
        version=1,
        jurisdictions=list(SYNTHETIC_JURISDICTIONS),
        indicators=[
            Indicator(code="things", name_zh="事物", name_en="Things", unit="count", measure="stock",
                      definition_en="synthetic stock"),
            Indicator(code="jobs", name_zh="就业", name_en="Jobs", unit="persons", measure="flow",
                      definition_en="synthetic flow"),
            Indicator(code="share", name_zh="比重", name_en="Share", unit="percent", measure="rate",
                      definition_en="synthetic share"),
        ],
        targets=list(targets),
    )


def target(**kw) -> Target:
    base = {"id": "t", "jurisdiction": "xx", "indicator": "things", "name_zh": "测试", "name_en": "test",
            "kind": "outcome", "comparator": "at_least", "deadline": 2020, "plan_start": 2015,
            "sources": [Source(document="synthetic", clause="-", quote="synthetic quote")]}
    return Target(**(base | kw))


def observations(rows: list[tuple]) -> pd.DataFrame:
    """Synthetic observations from (jurisdiction, indicator, year, value[, release_date[, period_type]]) tuples."""
    import pandas as pd

    out = []
    for i, r in enumerate(rows):
        j, ind, year, value = r[:4]
        release = r[4] if len(r) > 4 else None
        period = r[5] if len(r) > 5 else "annual"
        out.append({"observation_id": f"syn:{i}", "jurisdiction": j, "indicator": ind, "year": year,
                    "value": float(value), "unit": "count", "value_as_written": str(value), "unit_as_written": "个",
                    "period_type": period, "figure_type": "actual",
                    "release_date": dt.date.fromisoformat(release) if release else None,
                    "release_date_basis": "row", "confidence": "high", "source_file": "synthetic.csv",
                    "sha256": "0" * 64, "sheet": None, "row_number": i + 2, "column_name": None,
                    "location": f"line {i + 2}", "char_start": None, "char_end": None, "raw_content": "",
                    "source_title": "SYNTHETIC test data", "source_ref": "", "notes": ""})
    df = pd.DataFrame(out)
    df["year"] = df["year"].astype("Int64")
    return df


@pytest.fixture
def project_dir() -> Path:
    return PROJECT_DIR
