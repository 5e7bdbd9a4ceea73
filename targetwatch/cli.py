"""The `targetwatch` command: runs the same Dagster definitions the UI shows, in process.

The CLI holds no pipeline logic of its own: `refresh` executes the `refresh` job of
pipelines.definitions, so a CLI run and a Dagster UI run produce the same tables and pages.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from targetwatch import vocab
from targetwatch.config import Settings, from_env
from targetwatch.extraction.cli import extract_targets_command

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="targetwatch: monitor policy targets against published statistics."
)
console = Console()
err = Console(stderr=True)


def _settings(reports: Path | None, out: Path | None, as_of: str | None) -> Settings:
    try:
        as_of_date = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        err.print(f"[red]--as-of {as_of!r} is not a date (YYYY-MM-DD)[/red]")
        raise typer.Exit(2) from None
    return from_env().with_overrides(reports_dir=reports, out_dir=out, as_of=as_of_date)


def _dagster_home(s: Settings) -> None:
    """Keep Dagster's run history inside out/ unless DAGSTER_HOME says otherwise, with the project's dagster.yaml
    (telemetry off, one run at a time): the same home `targetwatch dev` and `python -m pipelines.dev` use."""
    from pipelines.dev import ensure_dagster_home

    ensure_dagster_home(s)


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


@app.command()
def refresh(
    reports: Annotated[Path | None, typer.Option(help="reports folder (default: the bundled reports/)")] = None,
    out: Annotated[Path | None, typer.Option(help="output folder (default: out/)")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="judge as of this date, YYYY-MM-DD")] = None,
    release_date: Annotated[str | None, typer.Option(help="release date for files that state none")] = None,
) -> None:
    """Read the catalogue and every report, check, assess, and publish the warehouse, dashboards and quality report."""
    _refresh(_settings(reports, out, as_of), release_date)


@app.command()
def rebuild(
    snapshot: Annotated[
        str | None, typer.Argument(help="snapshot name, or a unique part of it such as its date (default: the latest)")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="output folder to publish into (default: out/)")] = None,
    archive: Annotated[
        Path | None, typer.Option(help="archive folder to read the snapshot from (default: <out>/archive)")
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="judge as of this date, YYYY-MM-DD")] = None,
    release_date: Annotated[
        str | None,
        typer.Option(help="release date for files that state none (default: the one the snapshot was read with)"),
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

    s = _settings(None, out, as_of)
    folder = archive or archive_dir(s.out_dir)
    if list_snapshots:
        names = raw_archive.list_snapshots(folder)
        for name in names:
            try:
                snap = raw_archive.load_snapshot(folder, name)
            except raw_archive.ArchiveError as exc:
                console.print(f"{name}  unreadable: {exc}")
                continue
            option = f" · --release-date {snap.release_date}" if snap.release_date else ""
            console.print(f"{name}  {len(snap.files)} files{option}")
        if not names:
            console.print(f"{folder} holds no snapshots")
        return
    with tempfile.TemporaryDirectory(prefix="targetwatch-rebuild-") as tmp:
        try:
            snap = raw_archive.restore_snapshot(folder, snapshot, Path(tmp) / "reports")
        except raw_archive.ArchiveError as exc:
            err.print(f"[red]{exc}; nothing was written[/red]")
            raise typer.Exit(1) from None
        console.print(f"[bold]targetwatch rebuild[/bold] from snapshot {snap.name} ({len(snap.files)} files, {folder})")
        _refresh(s.with_overrides(reports_dir=Path(tmp) / "reports"), release_date or snap.release_date)


def _refresh(s: Settings, release_date: str | None) -> None:
    """Validate the catalogue and the reports folder, then run the refresh job under the refresh lock."""
    s.out_dir.mkdir(parents=True, exist_ok=True)
    _dagster_home(s)
    from targetwatch.catalogue import CatalogueError, load_catalogue
    from targetwatch.documents import load_documents
    from targetwatch.locking import RefreshLock, RefreshLocked

    try:  # fail before anything is written, with the same message check-targets gives
        load_catalogue(s.targets_file, load_documents(s.policies_dir))
    except CatalogueError as exc:
        err.print(f"[red]targets.yaml is invalid; nothing was written:[/red]\n{exc}")
        raise typer.Exit(1) from None
    if not s.reports_dir.is_dir():
        err.print(f"[red]reports folder {s.reports_dir} does not exist; nothing was written[/red]")
        raise typer.Exit(1)
    try:
        with RefreshLock(s.out_dir, holder="targetwatch refresh (cli)"):
            ok = _run_refresh(s, release_date)
    except RefreshLocked as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(3) from None
    if not ok:
        raise typer.Exit(1)


def _run_refresh(s: Settings, release_date: str | None) -> bool:
    from pipelines.run import run_refresh_job
    from targetwatch.reports.archive import list_snapshots
    from targetwatch.warehouse import WAREHOUSE_FILE, archive_dir, connect

    console.print(f"[bold]targetwatch refresh[/bold] as of {s.effective_as_of} · reports {s.reports_dir}")
    with console.status("starting …") as status:
        outcome = run_refresh_job(
            s, release_date, trigger="cli", on_event=lambda kind, text: _progress(status, kind, text)
        )
    if not outcome.success:
        err.print(f"[red]refresh failed; the previous warehouse and dashboards are unchanged.[/red]\n{outcome.message}")
        return False
    with connect(s.out_dir / WAREHOUSE_FILE, read_only=True) as con:
        statuses = dict(con.execute("SELECT status, count(*) FROM assessments GROUP BY 1").fetchall())
        files = con.execute(
            "SELECT count(*), sum(rows_read), count(*) FILTER (WHERE status = 'failed') FROM report_files"
        ).fetchall()[0]
        rejected = con.execute("SELECT count(*) FROM rejected_rows").fetchall()[0][0]
    table = Table(title=f"{sum(statuses.values())} targets assessed as of {s.effective_as_of}")
    table.add_column("status")
    table.add_column("状态")
    table.add_column("targets", justify="right")
    for st in vocab.STATUSES:
        table.add_row(st.code, st.zh, str(statuses.get(st.code, 0)))
    console.print(table)
    console.print(f"files read: {files[0]} ({files[1] or 0} rows, {files[2]} failed) · rows rejected: {rejected}")
    console.print(f"warehouse:  {s.out_dir / WAREHOUSE_FILE}")
    console.print(f"dashboards: {s.out_dir / 'dashboards' / 'index.html'}")
    console.print(f"quality:    {s.out_dir / 'quality' / 'index.html'}")
    snapshots = list_snapshots(archive_dir(s.out_dir))
    if snapshots:
        console.print(f"archive:    {archive_dir(s.out_dir)} · snapshot {snapshots[-1]}")
    return True


@app.command("check-targets")
def check_targets(
    targets: Annotated[Path | None, typer.Argument(help="catalogue file (default: targets.yaml)")] = None,
) -> None:
    """Validate targets.yaml and verify every quote occurs verbatim in its source document."""
    from targetwatch.catalogue import CatalogueError, load_catalogue
    from targetwatch.documents import load_documents

    s = from_env()
    path = targets or s.targets_file
    try:
        cat = load_catalogue(path, load_documents(s.policies_dir))
    except CatalogueError as exc:
        for p in exc.problems:
            print(p.format(str(path) if targets else path.name))
        raise typer.Exit(1) from None
    console.print(
        f"{path.name}: OK · {len(cat.targets)} targets, {len(cat.measures)} measures, "
        f"{len(cat.indicators)} indicators; every quote found verbatim"
    )


@app.command()
def explain(
    target_id: Annotated[str, typer.Argument(help="a target id from targets.yaml")],
    out: Annotated[Path | None, typer.Option(help="output folder holding warehouse.duckdb (default: out/)")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="replay the verdict as of this date")] = None,
) -> None:
    """Print the lineage of a target's status: sentence -> figures -> files and checksums -> checks -> formula."""
    from targetwatch.catalogue import load_catalogue
    from targetwatch.documents import load_documents
    from targetwatch.lineage import as_of_assessment, trace
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

    s = _settings(None, out, as_of)
    warehouse = s.out_dir / WAREHOUSE_FILE
    if not warehouse.exists():
        err.print(f"[red]{warehouse} does not exist: run `targetwatch refresh` first[/red]")
        raise typer.Exit(1)
    with connect(warehouse, read_only=True) as con:
        try:
            replay, used = None, None
            if s.as_of:
                cat = load_catalogue(s.targets_file, load_documents(s.policies_dir))
                replay, used = as_of_assessment(con, cat, target_id, s.as_of)
            chain = trace(con, target_id, replay, used)
        except KeyError as exc:
            err.print(f"[red]{exc.args[0]}[/red]")
            raise typer.Exit(1) from None
    t, a = chain.target, chain.assessment
    status = vocab.STATUS_BY_CODE[a["status"]]
    console.rule(f"[bold]{target_id}[/bold]  {t['name_zh']} / {t['name_en']}")
    console.print(f"status as of {str(a['as_of'])[:10]}: [bold]{status.zh} {status.code}[/bold]")
    console.print(f"  {a['reason_zh']}\n  {a['reason_en']}")
    console.print("\n[bold]1. policy sentence[/bold]")
    for src in chain.sources:
        console.print(f"  「{src['quote']}」")
        console.print(f"  {src['title_zh']} {src['number'] or ''} · {src['clause']} · policies/{src['file']} "
                      f"chars {src['char_start']}-{src['char_end']} · sha256 {src['document_sha256'][:16]}…")
    console.print("\n[bold]2. figures[/bold] (✓ = the vintage used; value as written -> normalised; file, location)")
    for o in chain.observations:
        who = "" if o["own_series"] else " [reference series]"
        mark = "✓" if o["used"] else " "
        released = str(o["release_date"])[:10] if o["release_date"] is not None else "not stated"
        matched = f" · indicator matched {o['matched_by']}" if o.get("matched_by") else ""
        year_by = f" · year {o['year_basis']}" if o.get("year_basis") and o["year_basis"] != "stated" else ""
        console.print(f"  {mark} {o['year']}: {o['value_as_written']} {o['unit_as_written']} -> {o['value']:g} "
                      f"{o['unit']}{who} · {o['source_file']} {o['location']} · released {released}"
                      f" · sha256 {o['sha256'][:16]}…{matched}{year_by}")
    if not chain.observations:
        console.print("  (none)")
    console.print("\n[bold]3. report files[/bold]")
    for f in chain.files:
        console.print(f"  {f['source_file']} · sha256 {f['sha256']} · {f['format']} {f['encoding']} · "
                      f"{f['rows_accepted']} accepted / {f['rows_rejected']} rejected")
    console.print("\n[bold]4. checks on the observations[/bold]")
    for c in chain.checks:
        mark = "passed" if c["success"] else ("FAILED" if c["severity"] == "error" else "warning")
        console.print(f"  {c['check_name']} · {c['expectation']}({c['column_name']}) · {mark}")
    console.print("\n[bold]5. calculation[/bold]")
    for line in chain.formula:
        console.print(f"  {line}")


@app.command()
def dev(
    host: Annotated[str, typer.Option(help="address to bind; the default serves this machine only")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port of the Dagster UI")] = 3000,
) -> None:
    """Start the Dagster UI and its daemon (dagster dev) on 127.0.0.1, with run history inside out/.dagster."""
    from pipelines.dev import run_dev

    run_dev(from_env(), host=host, port=port)


app.command("extract-targets")(extract_targets_command)


def main() -> None:  # pragma: no cover
    sys.exit(app())
