"""Start Dagster for the bureau: the UI and the daemon (schedules, sensors, run queue), kept inside out/.

    python -m pipelines.dev [--host 127.0.0.1] [--port 3000]

It sets DAGSTER_HOME to out/.dagster (TARGETWATCH_OUT moves it; an explicit DAGSTER_HOME wins), puts the
project's dagster.yaml there (telemetry off, one run at a time, run monitoring), and replaces itself with
`dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000` (run from DAGSTER_HOME), so signals reach Dagster directly.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from targetwatch.config import Settings, from_env

# `dagster dev` warns on every start that it is superseded by `dg dev` (dagster-dg-cli). `dg dev` needs the dg
# project layout (`[tool.dg]`, src/<name>/defs/), not this project's top-level assets/ and pipelines/ with
# workspace.yaml; `dagster dev` stays supported through Dagster 1.x. So this one notice, and nothing else, is
# filtered (docs/operating.md, section 1).
SUPERSESSION_NOTICE = "ignore:Function `dev_command` is superseded:FutureWarning"
SCRATCH_HOME_PREFIX = ".tmp_dagster_home_"  # where a bare `dagster dev` without DAGSTER_HOME keeps its instance
DEFAULT_HOST = "127.0.0.1"  # the UI has no login: only this machine may reach it unless the operator says so
DEFAULT_PORT = 3000
INSTANCE_CONFIG = "dagster.yaml"


def ensure_dagster_home(s: Settings | None = None) -> Path:
    """Create Dagster's home with the project's instance settings and export DAGSTER_HOME; return it.

    The default home (inside the output folder) always gets the project's dagster.yaml, so editing the
    file at the repository root takes effect at the next start. A DAGSTER_HOME the operator chose keeps
    its own dagster.yaml; it gets the project's only when it has none.
    """
    s = s or from_env()
    home = s.dagster_home_dir.resolve()
    home.mkdir(parents=True, exist_ok=True)
    source, target = s.project_dir / INSTANCE_CONFIG, home / INSTANCE_CONFIG
    managed = s.dagster_home is None
    if source.is_file() and (not target.exists() or (managed and target.read_bytes() != source.read_bytes())):
        shutil.copyfile(source, target)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def _open_paths() -> set[Path]:
    """Every file any process of this machine holds open (Linux /proc; processes we may not inspect are skipped)."""
    held: set[Path] = set()
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            links = list(fd_dir.iterdir())
        except OSError:
            continue
        for link in links:
            try:
                held.add(Path(os.readlink(link)))
            except OSError:
                continue
    return held


def remove_stale_scratch_homes(folder: Path) -> list[Path]:
    """Remove the `.tmp_dagster_home_*` folders a killed bare `dagster dev` left in `folder`; return them.

    A clean stop removes its own; one killed with SIGKILL leaves it behind. A folder is stale when no process
    holds a file inside it open (a running Dagster keeps its SQLite run and event databases open), so the scratch
    home of a `dagster dev` that is still running is left alone."""
    candidates = [p for p in folder.glob(f"{SCRATCH_HOME_PREFIX}*") if p.is_dir()]
    if not candidates:
        return []
    held = _open_paths()
    stale = [p for p in candidates if not any(h.is_relative_to(p.resolve()) for h in held)]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return stale


def dev_command(s: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> list[str]:
    """The `dagster dev` command line for this project's workspace."""
    workspace = s.project_dir / "workspace.yaml"
    return [sys.executable, "-m", "dagster", "dev", "-w", str(workspace), "-h", host, "-p", str(port)]


def run_dev(s: Settings | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Become `dagster dev` (never returns): the CLI's `targetwatch dev` calls this."""
    s = s or from_env()
    home = ensure_dagster_home(s)
    for stale in remove_stale_scratch_homes(s.project_dir):
        print(f"removed {stale.name}: the scratch Dagster home of a bare `dagster dev` that was killed", flush=True)
    for var in ("TARGETWATCH_OUT", "TARGETWATCH_REPORTS"):  # relative to where the operator was, not the project
        if os.environ.get(var):
            os.environ[var] = str(Path(os.environ[var]).resolve())
    print(f"Dagster UI on http://{host}:{port} · DAGSTER_HOME={home} · outputs in {s.out_dir}", flush=True)
    # Dagster runs in its home, beside the dagster.yaml it uses: from the project folder it would warn that the
    # root dagster.yaml (the one copied here) is not used. The code location is imported as an installed package.
    os.chdir(home)
    os.environ["PYTHONWARNINGS"] = ",".join(w for w in (os.environ.get("PYTHONWARNINGS"), SUPERSESSION_NOTICE) if w)
    command = dev_command(s, host, port)
    os.execv(command[0], command)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipelines.dev", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"interface the UI listens on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"UI port (default {DEFAULT_PORT})")
    args = parser.parse_args(argv)
    run_dev(host=args.host, port=args.port)


if __name__ == "__main__":
    main()
