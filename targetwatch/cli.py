"""The `targetwatch` command: runs the same Dagster definitions the UI shows, in process.

The CLI holds no pipeline logic of its own: `refresh` executes the `refresh` job of
pipelines.definitions, so a CLI run and a Dagster UI run produce the same tables and pages.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from targetwatch import vocab
from targetwatch.config import Settings, from_env

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


def _dagster_home(out_dir: Path) -> None:
    """Keep Dagster's run history inside out/ unless DAGSTER_HOME says otherwise; telemetry off."""
    if os.environ.get("DAGSTER_HOME"):
        return
    home = (out_dir / ".dagster").resolve()
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)


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
    s = _settings(reports, out, as_of)
    s.out_dir.mkdir(parents=True, exist_ok=True)
    _dagster_home(s.out_dir)
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
        with RefreshLock(s.out_dir):
            ok = _run_refresh(s, release_date)
    except RefreshLocked as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(3) from None
    if not ok:
        raise typer.Exit(1)


def _run_refresh(s: Settings, release_date: str | None) -> bool:
    from pipelines.run import run_refresh_job
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

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


def main() -> None:  # pragma: no cover
    sys.exit(app())
