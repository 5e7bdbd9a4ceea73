"""The core half of the `targetwatch` command: the commands that need no Dagster, and the rules every command shares.

`check-targets`, `explain` and `extract-targets` read files and the published warehouse only. The commands that
run Dagster (`refresh`, `rebuild`, `dev`) live in the shell (pipelines/cli.py), which assembles the one
`targetwatch` command from both halves with `make_app`: the core never imports the shell.

What every command shares lives here, so a new user meets the same rules everywhere:

- a date option is checked when it is parsed (`--as-of`, `--release-date`: YYYY-MM-DD), and an output folder
  before anything is written (`writable_folder`);
- a bad option, an unwritable folder or a full disk ends in one line on stderr and a non-zero exit, never a
  traceback (`run`);
- output is never wrapped: piped into a file, a sha256 or a snapshot name stays whole.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from targetwatch import vocab
from targetwatch.config import Settings, from_env
from targetwatch.extraction.cli import extract_targets_command

PROG = "targetwatch"
HELP = "targetwatch: monitor policy targets against published statistics."
DATE_METAVAR = "YYYY-MM-DD"

# soft_wrap: never break a line at the terminal's (or a pipe's 80-column) width; the terminal wraps if it must.
console = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

# Exit codes: 1 the work failed (nothing published), 2 a bad option or folder, 3 another refresh holds the lock.
EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 1, 2, 3


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """A problem the user can fix (an option, a folder, the disk): one line on stderr, then exit `code`.

    Raise what it returns (`raise fail(...)`), so the type checker and the reader see the command stop here."""
    err.print(f"{PROG}: {message}", markup=False)
    return typer.Exit(code)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A YYYY-MM-DD date option (typer `parser`): anything else is a usage error naming the option."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as {DATE_METAVAR}, e.g. 2026-11-23") from None


AsOfOption = Annotated[
    dt.date | None,
    typer.Option("--as-of", parser=parse_date, metavar=DATE_METAVAR, help="judge as of this date"),
]


def describe_os_error(exc: OSError) -> str:
    """An OSError as a person reads it: what went wrong and with which path."""
    reason = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
              errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
              errno.EPERM: "permission denied", errno.ENOTDIR: "a part of the path is a file, not a folder",
              errno.EEXIST: "a file of that name is in the way"}.get(exc.errno or 0, exc.strerror or str(exc))
    where = exc.filename
    return f"{reason}: {where}" if where else reason


def writable_folder(path: Path, option: str) -> Path:
    """Make sure `path` is a folder this process can write to (creating it), before any work starts.

    A file in its place, a read-only folder or a full disk is a usage error naming the option, so it fails in one
    line instead of a traceback halfway through a run."""
    if path.exists() and not path.is_dir():
        raise fail(f"{option} {path} is a file, not a folder; nothing was written")
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".write-test-"):
            pass  # a probe: creating, writing and removing one file is what the run will do
    except OSError as exc:
        raise fail(f"{option} {path} cannot be written ({describe_os_error(exc)}); nothing was written") from None
    return path


def settings(
    reports: Path | None = None, out: Path | None = None, as_of: dt.date | None = None, env: dict | None = None
) -> Settings:
    """The run's settings: defaults, then TARGETWATCH_* variables, then the command line's options."""
    try:
        base = from_env(env)
    except ValueError as exc:  # TARGETWATCH_AS_OF is not a date
        raise fail(f"TARGETWATCH_AS_OF: {exc}; write it as {DATE_METAVAR}") from None
    s = base.with_overrides(reports_dir=reports, out_dir=out, as_of=as_of)
    if s.out_dir.exists() and not s.out_dir.is_dir():
        raise fail(f"--out {s.out_dir} is a file, not a folder")
    return s


def check_release_date(release_date: dt.date | None) -> dt.date | None:
    """A release date in the future would hold back every figure of the files that state none: refuse it."""
    if release_date is not None and release_date > dt.date.today():
        raise fail(f"--release-date {release_date} is in the future; nothing was written")
    return release_date


def check_targets(
    targets: Annotated[Path | None, typer.Argument(help="catalogue file (default: targets.yaml)")] = None,
) -> None:
    """Validate targets.yaml and verify every quote occurs verbatim in its source document."""
    from targetwatch.catalogue import CatalogueError, load_catalogue
    from targetwatch.documents import load_documents

    s = settings()
    path = targets or s.targets_file
    if not path.is_file():
        raise fail(f"{path} is not a file")
    try:
        cat = load_catalogue(path, load_documents(s.policies_dir))
    except CatalogueError as exc:
        for p in exc.problems:
            print(p.format(str(path) if targets else path.name))
        raise typer.Exit(EXIT_FAILED) from None
    console.print(
        f"{path.name}: OK · {len(cat.targets)} targets, {len(cat.measures)} measures, "
        f"{len(cat.indicators)} indicators; every quote found verbatim", markup=False,
    )


def closest(word: str, known: Sequence[str], n: int = 3) -> list[str]:
    """The known ids nearest to a misspelt one (difflib's ratio), best first."""
    return difflib.get_close_matches(word, known, n=n, cutoff=0.6)


def _place(o: dict) -> str:
    zh, en = o.get("place_zh"), o.get("place_en")
    return f"{zh} {en}" if zh and en else str(zh or en or o.get("jurisdiction") or "")


def explain(
    target_id: Annotated[str, typer.Argument(help="a target id from targets.yaml")],
    out: Annotated[Path | None, typer.Option(help="output folder holding warehouse.duckdb (default: out/)")] = None,
    as_of: AsOfOption = None,
) -> None:
    """Print the lineage of a target's status: sentence -> figures -> files and checksums -> checks -> formula."""
    from targetwatch.catalogue import load_catalogue
    from targetwatch.documents import load_documents
    from targetwatch.lineage import Tracer, as_of_assessment
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

    s = settings(None, out, as_of)
    warehouse = s.out_dir / WAREHOUSE_FILE
    if not warehouse.exists():
        raise fail(f"{warehouse} does not exist: run `targetwatch refresh` first", EXIT_FAILED)
    with connect(warehouse, read_only=True) as con:
        tracer = Tracer(con)
        if target_id not in tracer.targets:
            near = closest(target_id, tracer.known())
            listed = f"{', '.join(near[:-1])} or {near[-1]}" if len(near) > 1 else "".join(near)
            hint = f"; did you mean {listed}?" if near else "; `targetwatch check-targets` lists them all"
            raise fail(f"unknown target {target_id!r}{hint}", EXIT_FAILED)
        replay, used = None, None
        if s.as_of:
            cat = load_catalogue(s.targets_file, load_documents(s.policies_dir))
            replay, used = as_of_assessment(con, cat, target_id, s.as_of)
        chain = tracer.trace(target_id, replay, used)
    print_chain(chain)


def print_chain(chain) -> None:
    """The chain as `explain` prints it: data is escaped (a file name may hold [brackets]) and never wrapped."""
    from targetwatch.reports.periods import YearBasis

    t, a = chain.target, chain.assessment
    status = vocab.STATUS_BY_CODE[a["status"]]
    say = console.print
    say(f"[bold]{escape(t['target_id'])}[/bold]  {escape(t['name_zh'])} / {escape(t['name_en'])}")
    say(f"status as of {str(a['as_of'])[:10]}: [bold]{status.zh} {status.code}[/bold]")
    say(f"  {escape(str(a['reason_zh']))}\n  {escape(str(a['reason_en']))}")
    say("\n[bold]1. policy sentence[/bold]")
    for src in chain.sources:
        say(f"  「{escape(src['quote'])}」")
        say(escape(f"  {src['title_zh']} {src['number'] or ''} · {src['clause']} · policies/{src['file']} "
                   f"chars {src['char_start']}-{src['char_end']} · sha256 {src['document_sha256']}"))
    say("\n[bold]2. figures[/bold] (✓ = the vintage used; place, year: value as written -> normalised; file, "
        "location)")
    for o in chain.observations:
        who = "" if o["own_series"] else " (reference series)"
        mark = "✓" if o["used"] else " "
        released = str(o["release_date"])[:10] if o["release_date"] is not None else "not stated"
        # a fuzzy match (alias, normalised name) and an inferred year are named; an exact one goes without saying
        matched = f" · indicator matched {o['matched_by']}" if o.get("matched_by") not in (None, "", "exact") else ""
        year_by = f" · year {o['year_basis']}" if o.get("year_basis") not in (None, "", YearBasis.STATED) else ""
        say(escape(f"  {mark} {_place(o)} {o['year']}: {o['value_as_written']} {o['unit_as_written']} -> "
                   f"{o['value']:g} {o['unit']}{who} · {o['source_file']} {o['location']} · released {released}"
                   f"{matched}{year_by}"))
    if not chain.observations:
        say("  (none)")
    say("\n[bold]3. report files[/bold]")
    for f in chain.files:
        say(escape(f"  {f['source_file']} · sha256 {f['sha256']} · {f['format']} {f['encoding']} · "
                   f"{f['rows_accepted']} accepted / {f['rows_rejected']} rejected"))
    say("\n[bold]4. checks on the figures used[/bold]")
    for c in chain.checks:
        mark = {"passed": "passed", "failed": "FAILED", "warned": "warning"}[c["result"]]
        flagged = f" ({c['rows_flagged']} of {c['rows_checked']} figures)" if c["rows_flagged"] else ""
        say(escape(f"  {c['check_name']} · {c['description'] or c['expectation']} · {mark}{flagged}"))
    if not chain.checks:
        say("  (none: no figure of this target was used)")
    say("\n[bold]5. calculation[/bold]")
    for line in chain.formula:
        say(escape(f"  {line}"))


def data_call(
    department: Annotated[str | None, typer.Option(help="only this department (as named in the workbooks)")] = None,
    due: Annotated[
        dt.date | None,
        typer.Option(parser=parse_date, metavar=DATE_METAVAR, help="due date (default: 30 days from today)"),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="output folder holding the published warehouse (default: out/)")]
    = None,
) -> None:
    """Write one Excel workbook per lead department that owes figures, under <out>/data-call/."""
    from targetwatch.data_call import DATA_CALL_DIR, figures_owed, issue_call
    from targetwatch.warehouse import connect

    s = settings(None, out, None)
    today = s.effective_as_of
    due_date = due or today + dt.timedelta(days=30)
    if not s.warehouse_path.is_file():
        raise fail(f"no published warehouse at {s.warehouse_path}: run `targetwatch refresh` first", EXIT_FAILED)
    with connect(s.warehouse_path, read_only=True) as con:
        owed = figures_owed(con, today)
    if department is not None and department not in set(owed["department"]):
        names = "、".join(sorted(set(owed.loc[owed["state"] == "owed", "department"])))
        raise fail(f"{department!r} owes no figures; departments that do: {names}", EXIT_FAILED)
    writable_folder(s.out_dir, "--out")
    calls = issue_call(owed, s.out_dir, issued=today, due=due_date, department=department)
    folder = s.out_dir / DATA_CALL_DIR
    for c in calls:
        console.print(f"  {c.department}: {c.rows} figures owed → {folder / c.file}", markup=False)
    console.print(f"{len(calls)} workbooks, {sum(c.rows for c in calls)} figures owed, due {due_date}, in {folder}",
                  markup=False)


CORE_COMMANDS: tuple[tuple[str, Callable], ...] = (
    ("check-targets", check_targets),
    ("explain", explain),
    ("extract-targets", extract_targets_command),
    ("data-call", data_call),
)


def make_app(shell_commands: Sequence[tuple[str, Callable]] = ()) -> typer.Typer:
    """The `targetwatch` command: the shell's commands (those that run Dagster) first, then the core's.

    Plain (not rich) help: typer's rich help shows flags such as --help and --list as taking a `<bool>` value."""
    app = typer.Typer(add_completion=False, no_args_is_help=True, help=HELP, rich_markup_mode=None,
                      pretty_exceptions_enable=False)
    for name, command in (*shell_commands, *CORE_COMMANDS):
        app.command(name)(command)
    return app


def _usage_line(exc: Exception) -> str:
    """A click usage error (unknown option, bad value, missing argument) as one line naming the command."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else PROG
    message = exc.format_message()  # type: ignore[attr-defined]
    return f"{where}: {message[:1].lower()}{message[1:]} (see `{where} --help`)"


def run(app: typer.Typer, argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code: every error the user can fix is one line on stderr."""
    command = typer.main.get_command(app)
    try:
        code = command.main(args=list(sys.argv[1:] if argv is None else argv), prog_name=PROG,
                            standalone_mode=False)
    except OSError as exc:  # the disk filled up or a folder vanished mid-command: say which, no traceback
        err.print(f"{PROG}: {describe_os_error(exc)}", markup=False)
        return EXIT_FAILED
    except KeyboardInterrupt:
        err.print(f"{PROG}: interrupted", markup=False)
        return 130
    except Exception as exc:
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # click's UsageError / Abort family
            err.print(_usage_line(exc), markup=False)
            return int(exc.exit_code)
        raise
    return code if isinstance(code, int) else 0
