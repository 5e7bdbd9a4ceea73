"""Each test module's seconds, which the xdist workers deal by (tests/conftest.py): the last whole run's, kept in the
local `.pytest_cache`, or, where there are none (a fresh clone, CI, `-p no:cacheprovider`), a committed default.

The default, `tests/module_seconds.json`, is each module's seconds (its tests' phases, wall, on their worker) in one
whole default run, as pytest-split keeps its `.test_durations`: refresh it with
`uv run pytest --store-module-seconds` (the default set, no paths named) and commit the file. A stale default only
deals less well, it changes no result: a module it does not name goes first, as an unmeasured module always has, and a
name it holds that no longer exists is never asked for. The local cache, when it has any seconds, wins whole: its
numbers and the default's come from different machines and loads, and are not mixed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

DEFAULT_FILE = Path(__file__).with_name("module_seconds.json")


def read_default(path: Path | None = None) -> dict[str, float]:
    """The committed default (`DEFAULT_FILE` unless given): module path (as pytest names it, `tests/x/test_y.py`) to
    seconds; {} without a file."""
    try:
        return json.loads((path or DEFAULT_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def choose(local: Mapping[str, float] | None, default: Mapping[str, float]) -> dict[str, float]:
    """The seconds to deal by: the local cache's when it has any, else the committed default."""
    return dict(local) if local else dict(default)


def write_default(seconds: Mapping[str, float], path: Path | None = None) -> None:
    """Write a run's module seconds as the committed default (`DEFAULT_FILE` unless given): sorted by module, to
    0.01 s, one module a line (so a refresh's diff shows what moved)."""
    rows = {module: round(value, 2) for module, value in sorted(seconds.items())}
    (path or DEFAULT_FILE).write_text(json.dumps(rows, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
