"""The run log: every row of the `runs` table is written by this module, and by no other.

One row per run: when it started and finished, its as-of date, its outcome, what started it (`trigger`, a field
set by whoever started the run: cli | schedule | sensor | dagster), its code version, the hashes of its inputs and
a message. A row goes through these states:

    running   written when the run starts its build (`RunRecord.started` by the `paths` resource), so the quality
              report it builds already lists it;
    success   written just before publication (so the published warehouse and quality report show the run's own
              final outcome and times); replaced by `failed` if publication then fails;
    published with holds
              as `success`, when the blocking check held back the rows of some report files
              (targetwatch.quality.holds) and the rest was published;
    failed    written by whoever sees the run end badly: the CLI for its own runs, the failure sensor for runs
              Dagster launched, the next holder of the refresh lock for a run that was killed (the lock file keeps
              the killed run's fields, `targetwatch.locking`).

Rows go into the build warehouse, which the next successful run publishes. A process that cannot open the build
warehouse (another run holds the refresh lock, or the file is broken) leaves the row as a JSON file in
out/.pending-runs/ instead; the next holder of the lock moves those rows in (`flush_pending`). The folder stays:
DuckDB allows one writer process per file, and a refused run must still be recorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import duckdb

from targetwatch import vocab
from targetwatch.db_schema import table_names
from targetwatch.locking import take_interrupted

OUTCOMES = vocab.RUN_OUTCOME_CODES  # running | success | published with holds | failed (labels: vocab.RUN_OUTCOMES)
PUBLISHED_OUTCOMES = vocab.PUBLISHED_OUTCOMES
TRIGGERS = ("cli", "schedule", "sensor", "dagster")
PENDING_RUNS_DIR = ".pending-runs"  # under out/: run records written while another run held the lock

RUNS_DDL = """
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    as_of DATE,
    outcome VARCHAR,          -- running | success | published with holds | failed
    trigger VARCHAR,          -- cli | schedule | sensor | dagster
    code_version VARCHAR,
    input_hashes VARCHAR,     -- JSON: {file: sha256} of every report, the catalogue and the policies
    message VARCHAR
)
"""
RUN_COLUMNS = (
    "run_id",
    "started_at",
    "finished_at",
    "as_of",
    "outcome",
    "trigger",
    "code_version",
    "input_hashes",
    "message",
)


@dataclass(frozen=True)
class RunRecord:
    """One row of `runs`. Times are naive local timestamps, as DuckDB's TIMESTAMP stores them."""

    run_id: str
    trigger: str
    as_of: dt.date | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    outcome: str = "running"
    code_version: str | None = None
    input_hashes: str | None = None
    message: str | None = None

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome {self.outcome!r} is not one of {OUTCOMES}")

    def finished(self, outcome: str, message: str | None = None, at: dt.datetime | None = None) -> RunRecord:
        """The same run, ended with `outcome` at `at` (default now)."""
        return replace(self, outcome=outcome, finished_at=at or dt.datetime.now(),
                       message=message if message is not None else self.message)

    def row(self) -> dict:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict) -> RunRecord:
        return cls(**{c: row.get(c) for c in RUN_COLUMNS})


def publication_outcome(held_rows: int) -> str:
    """The outcome of a run about to publish: `published with holds` when it held rows back, else `success`."""
    return "published with holds" if held_rows else "success"


def write(warehouse: Path, record: RunRecord) -> None:
    """Insert or replace the run's row in `warehouse` (the later state of a run replaces the earlier)."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse))
    try:
        insert(con, [record])
    finally:
        con.close()


def write_or_leave(warehouse: Path, out_dir: Path, record: RunRecord) -> None:
    """`write`, or, when the warehouse cannot be opened or written, leave the row for the next run."""
    try:
        write(warehouse, record)
    except duckdb.Error:
        write_later(out_dir, record)


def insert(con: duckdb.DuckDBPyConnection, records: list[RunRecord]) -> None:
    """Create `runs` if needed and insert or replace these rows, on an open connection."""
    con.execute(RUNS_DDL)
    for record in records:
        con.execute("DELETE FROM runs WHERE run_id = ?", [record.run_id])
        con.execute(
            f"INSERT INTO runs ({', '.join(RUN_COLUMNS)}) VALUES ({', '.join('?' * len(RUN_COLUMNS))})",
            [getattr(record, c) for c in RUN_COLUMNS],
        )


def history(warehouse: Path) -> list[RunRecord]:
    """Every row of `runs` in `warehouse` ([] when it has none); raises duckdb.Error if the file is unreadable."""
    if not warehouse.exists():
        return []
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        if "runs" not in table_names(con):
            return []
        rows = con.execute(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs").fetchall()
    finally:
        con.close()
    return [RunRecord.from_row(dict(zip(RUN_COLUMNS, r, strict=True))) for r in rows]


def write_later(out_dir: Path, record: RunRecord) -> Path:
    """Leave a run's row for the next holder of the refresh lock (written atomically; no DuckDB, no lock)."""
    pending = out_dir / PENDING_RUNS_DIR
    pending.mkdir(parents=True, exist_ok=True)
    path = pending / f"{record.run_id}.json"
    data = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in record.row().items()}
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return path


def flush_pending(out_dir: Path, warehouse: Path) -> int:
    """Move the rows left in out/.pending-runs/ into `warehouse` (the caller holds the refresh lock)."""
    pending = out_dir / PENDING_RUNS_DIR
    files = sorted(pending.glob("*.json")) if pending.is_dir() else []
    if not files:
        return 0
    records = []
    for f in files:
        row = json.loads(f.read_text(encoding="utf-8"))
        for key in ("started_at", "finished_at"):
            row[key] = dt.datetime.fromisoformat(row[key]) if row.get(key) else None
        row["as_of"] = dt.date.fromisoformat(row["as_of"][:10]) if row.get("as_of") else None
        records.append(RunRecord.from_row(row))
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse))
    try:
        insert(con, records)
    finally:
        con.close()
    for f in files:
        f.unlink(missing_ok=True)
    return len(records)


def interrupted(holder: str, fields: dict) -> RunRecord:
    """The `failed` row of a run that was killed while it held the refresh lock, from what the lock file kept:
    its holder text (for the message) and its fields (run id, trigger, as-of date, start)."""
    started = fields.get("started_at")
    as_of = fields.get("as_of")
    return RunRecord(
        run_id=fields.get("run_id") or "interrupted-" + hashlib.sha256(holder.encode()).hexdigest()[:12],
        trigger=fields.get("trigger") or "dagster",
        as_of=dt.date.fromisoformat(as_of) if as_of else None,
        started_at=dt.datetime.fromisoformat(started) if started else None,
        outcome="failed",
        code_version=fields.get("code_version"),
        message=f"refresh interrupted: the process was killed while it held the refresh lock ({holder}); "
        "its unfinished build was discarded and the published outputs were left as they were",
    )



def record_interrupted(out_dir: Path) -> str | None:
    """If the previous holder of the refresh lock was killed, leave its `failed` row; return the message.

    The row takes the killed run's id, trigger, as-of date and start from the fields the lock file kept (never
    from its text). The caller holds the lock; the row is flushed into `runs` with the other pending rows when
    the build starts, replacing the killed run's `running` row.
    """
    left = take_interrupted(out_dir)
    if not left:
        return None
    record = interrupted(*left)
    write_later(out_dir, record)
    return record.message
