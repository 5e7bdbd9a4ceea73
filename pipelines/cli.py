"""The `targetwatch` command (the shell half): the commands that run Dagster, and the one entry point.

`refresh` and `rebuild` execute the `refresh` job of pipelines.definitions in this process (so a CLI run and a
Dagster UI run produce the same tables and pages); `dev` starts the Dagster UI. The core's commands
(`check-targets`, `explain`, `extract-targets`) and the rules every command shares (date options, writable
folders, one-line errors) come from targetwatch.cli, which never imports this module.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from targetwatch import vocab
from targetwatch.cli import (
    DATE_METAVAR,
    EXIT_FAILED,
    EXIT_LOCKED,
    AsOfOption,
    check_release_date,
    console,
    err,
    fail,
    make_app,
    parse_date,
    run,
    settings,
    writable_folder,
)
from targetwatch.config import Settings

ReleaseDateOption = Annotated[
    dt.date | None,
    typer.Option(parser=parse_date, metavar=DATE_METAVAR, help="release date for files that state none"),
]


def _progress(status, kind: str, text: str) -> None:
    """Show each Dagster step as it starts and ends (the run's own events, relayed by pipelines.run)."""
    if kind == "start":
        status.update(f"[bold]running[/bold] {text} …")
    elif kind == "success":
        console.print(f"  [green]✓[/green] {text}")
    elif kind == "failure":
        console.print(f"  [red]✗[/red] {text}")
    elif kind == "check":
        console.print(f"  [cyan]•[/cyan] check {text}")


def refresh(
    reports: Annotated[Path | None, typer.Option(help="reports folder (default: the bundled reports/)")] = None,
    out: Annotated[Path | None, typer.Option(help="output folder (default: out/)")] = None,
    as_of: AsOfOption = None,
    release_date: ReleaseDateOption = None,
) -> None:
    """Read the catalogue and every report, check, assess, and publish the warehouse, dashboards and quality report."""
    s = settings(reports, out, as_of)
    _refresh(s, check_release_date(release_date))


def rebuild(
    snapshot: Annotated[
        str | None, typer.Argument(help="snapshot name, or a unique part of it such as its date (default: the latest)")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="output folder to publish into (default: out/)")] = None,
    archive: Annotated[
        Path | None, typer.Option(help="archive folder to read the snapshot from (default: <out>/archive)")
    ] = None,
    as_of: AsOfOption = None,
    release_date: Annotated[
        dt.date | None,
        typer.Option(parser=parse_date, metavar=DATE_METAVAR,
                     help="release date for files that state none (default: the one the snapshot was read with)"),
    ] = None,
    list_snapshots: Annotated[bool, typer.Option("--list", help="list the archive's snapshots and stop")] = False,
) -> None:
    """Rebuild from the raw archive alone: restore a snapshot of the reports folder, then run the refresh job on it.

    The files and sidecars are restored byte for byte into a temporary folder and read by the same Dagster job
    as `refresh`, so the tables equal those of the refresh that wrote the snapshot (given the same --as-of).
    """
    import tempfile

    from targetwatch.reports import archive as raw_archive
    from targetwatch.warehouse import archive_dir

    s = settings(None, out, as_of)
    folder = archive or archive_dir(s.out_dir)
    if list_snapshots:
        names = raw_archive.list_snapshots(folder)
        for name in names:
            try:
                snap = raw_archive.load_snapshot(folder, name)
            except raw_archive.ArchiveError as exc:
                console.print(f"{name}  unreadable: {exc}", markup=False)
                continue
            option = f" · --release-date {snap.release_date}" if snap.release_date else ""
            console.print(f"{name}  {len(snap.files)} files{option}", markup=False)
        if not names:
            console.print(f"{folder} holds no snapshots", markup=False)
        return
    release = check_release_date(release_date)
    with tempfile.TemporaryDirectory(prefix="targetwatch-rebuild-") as tmp:
        try:
            snap = raw_archive.restore_snapshot(folder, snapshot, Path(tmp) / "reports")
        except raw_archive.ArchiveError as exc:
            raise fail(f"{exc}; nothing was written", EXIT_FAILED) from None
        console.print(f"[bold]targetwatch rebuild[/bold] from snapshot {snap.name} ({len(snap.files)} files, {folder})")
        stated = parse_date(snap.release_date) if snap.release_date else None
        _refresh(s.with_overrides(reports_dir=Path(tmp) / "reports"), release or stated)


def _refresh(s: Settings, release_date: dt.date | None) -> None:
    """Validate the catalogue, the reports folder and the output folder, then run the refresh job under the lock."""
    from pipelines.dev import ensure_dagster_home
    from targetwatch.catalogue import CatalogueError, load_catalogue
    from targetwatch.documents import load_documents
    from targetwatch.locking import RefreshLock, RefreshLocked
    from targetwatch.warehouse import cache_dir

    # The catalogue parsed here is kept in the parse cache once the run holds the lock (`keep`), so the job's
    # catalogue step reads it back instead of parsing the same text again (national SYNTHETIC catalogue: 4.2 CPU s
    # of parse against 0.7 s of reading the cache); nothing is written before then.
    keep: list[Callable[[], None]] = []
    try:  # fail before anything is written, with the same message check-targets gives
        load_catalogue(s.targets_file, load_documents(s.policies_dir), cache=cache_dir(s.out_dir), later=keep)
    except CatalogueError as exc:
        err.print(f"targets.yaml is invalid; nothing was written:\n{exc}", markup=False, style="red")
        raise typer.Exit(EXIT_FAILED) from None
    if not s.reports_dir.is_dir():
        raise fail(f"reports folder {s.reports_dir} does not exist; nothing was written", EXIT_FAILED)
    writable_folder(s.out_dir, "--out")
    # Dagster's run history inside out/ unless DAGSTER_HOME says otherwise, with the project's dagster.yaml
    # (telemetry off, one run at a time): the same home `targetwatch dev` and `python -m pipelines.dev` use.
    ensure_dagster_home(s)
    try:
        with RefreshLock(s.out_dir, holder="targetwatch refresh (cli)"):
            for put in keep:  # under the lock: a refused run writes nothing
                put()
            keep.clear()  # the parsed data is freed before the run
            ok = _run_refresh(s, release_date)
    except RefreshLocked as exc:
        raise fail(str(exc), EXIT_LOCKED) from None
    if not ok:
        raise typer.Exit(EXIT_FAILED)


def _run_refresh(s: Settings, release_date: dt.date | None) -> bool:
    from pipelines.run import run_refresh_job
    from targetwatch.quality.holds import held_files
    from targetwatch.reports.archive import list_snapshots
    from targetwatch.warehouse import WAREHOUSE_FILE, archive_dir, connect

    console.print(f"[bold]targetwatch refresh[/bold] as of {s.effective_as_of} · reports {s.reports_dir}")
    with console.status("starting …") as status:
        outcome = run_refresh_job(
            s, release_date.isoformat() if release_date else None, trigger="cli",
            on_event=lambda kind, text: _progress(status, kind, text),
        )
    if not outcome.success:
        err.print("refresh failed; the previous warehouse and dashboards are unchanged.", style="red")
        err.print(outcome.message, markup=False)
        return False
    with connect(s.out_dir / WAREHOUSE_FILE, read_only=True) as con:
        statuses = dict(con.execute("SELECT status, count(*) FROM assessments GROUP BY 1").fetchall())
        files = con.execute(
            "SELECT count(*), sum(rows_read), count(*) FILTER (WHERE status = 'failed') FROM report_files"
        ).fetchall()[0]
        rejected = con.execute("SELECT count(*) FROM rejected_rows").fetchall()[0][0]
        changed = _change_counts(con, outcome.run_id)
        held = held_files(con.execute("SELECT source_file, reason FROM rejected_rows").df())
    table = Table(title=f"{sum(statuses.values())} targets assessed as of {s.effective_as_of}")
    table.add_column("status")
    table.add_column("状态")
    table.add_column("targets", justify="right")
    for st in vocab.STATUSES:
        table.add_row(st.code, st.zh, str(statuses.get(st.code, 0)))
    console.print(table)
    console.print(f"files read: {files[0]} ({files[1] or 0} rows, {files[2]} failed) · rows rejected: {rejected}")
    if held:  # the run's outcome is `published with holds`: say which files' rows were held back, and why
        console.print(f"[bold]published with holds[/bold]: {sum(h['rows'] for h in held)} row(s) of {len(held)} "
                      "file(s) failed the blocking check and were held back (quarantined, not assessed):")
        for h in held:
            console.print(f"  held: {h['file']}: {h['rows']} row(s), {'; '.join(h['checks'])}", markup=False)
    if changed is not None:
        console.print("changes since the previous publication: " + " · ".join(f"{n} {k}" for k, n in changed.items()))
    console.print(f"warehouse:  {s.out_dir / WAREHOUSE_FILE}", markup=False)
    console.print(f"dashboards: {s.out_dir / 'dashboards' / 'index.html'}", markup=False)
    console.print(f"quality:    {s.out_dir / 'quality' / 'index.html'}", markup=False)
    snapshots = list_snapshots(archive_dir(s.out_dir))
    if snapshots:
        console.print(f"archive:    {archive_dir(s.out_dir)} · snapshot {snapshots[-1]}", markup=False)
    return True


def _change_counts(con, run_id: str) -> dict[str, int] | None:
    """This run's rows of the `changes` table by kind (None for the first publication, which has nothing before)."""
    from targetwatch.changes import KINDS

    rows = con.execute("SELECT kind, count(*) FROM changes WHERE run_id = ? GROUP BY 1", [run_id]).fetchall()
    previous = con.execute("SELECT count(*) FROM runs WHERE list_contains(?, outcome) AND run_id <> ?",
                           [list(vocab.PUBLISHED_OUTCOMES), run_id]).fetchall()
    if not previous[0][0]:
        return None
    found = dict(rows)
    return {kind.replace("_", " "): int(found.get(kind, 0)) for kind in KINDS}


def dev(
    host: Annotated[str, typer.Option(help="address to bind; the default serves this machine only")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port of the Dagster UI")] = 3000,
) -> None:
    """Start the Dagster UI and its daemon (dagster dev) on 127.0.0.1, with run history inside out/.dagster."""
    from pipelines.dev import run_dev

    run_dev(settings(), host=host, port=port)


app = make_app([("refresh", refresh), ("rebuild", rebuild), ("dev", dev)])


def main(argv: list[str] | None = None) -> None:
    """The `targetwatch` entry point (pyproject [project.scripts])."""
    sys.exit(run(app, argv))


if __name__ == "__main__":
    main()
