"""targets.yaml parsed once per content, not once per refresh.

Parsing the YAML is most of the catalogue step at national scale (115,524 SYNTHETIC targets, 65 MB: about 11 CPU s
with libyaml, most of it PyYAML turning libyaml's 4.9 M events into Python objects), and every refresh parsed the
same unchanged file again. The parsed data (what `catalogue_yaml.read` builds, the same as `yaml.safe_load`) is kept
as a pickle in the parse cache (`<out>/cache/catalogue/`), under a key of everything it depends on: the text's
sha256, the code that makes it (PARSER_MODULES: catalogue_yaml.py, catalogue_plain.py and this module, not the
models and checks of catalogue.py) and PyYAML's version (with libyaml or not). Reading it back takes about 0.7 s.

Validation and the cross-checks against the policy documents run on every load, cached parse or not. The lines of
the YAML are needed only to report a problem: a cached load parses the text again then (`Reparsed`), so every
message reads exactly as with a fresh parse. The cache holds one entry and can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

from targetwatch import collector

CACHE_SUBDIR = "catalogue"
MISS = object()


# Every module whose code makes the cached data (targetwatch.catalogue_yaml says why catalogue.py is not one).
PARSER_MODULES = ("catalogue_yaml.py", "catalogue_plain.py", "catalogue_cache.py")


@lru_cache(maxsize=1)
def _code_version() -> str:
    here = Path(__file__).resolve().parent
    # PyYAML's wheels carry their own libyaml, so its version is PyYAML's; built with libyaml or not is a key too
    digest = hashlib.sha256(f"PyYAML {yaml.__version__} {getattr(yaml, '__with_libyaml__', False)}".encode())
    for name in PARSER_MODULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def entry(cache: Path, text: str) -> Path:
    """Where the parse of `text` is kept: its sha256 (0.11 CPU s for a national catalogue's 65 MB) made once for a
    load's `get` and the `put` after a miss."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return cache / CACHE_SUBDIR / f"{key}-{_code_version()}.pickle"


def get(cache: Path, text: str, path: Path | None = None) -> object:
    """The parsed data of `text` kept by an earlier load, or MISS (absent, or unreadable: then parsed again); `path`
    is its `entry` when the caller has it."""
    path = path or entry(cache, text)
    try:
        data = path.read_bytes()
    except OSError:
        return MISS
    with collector.paused():  # millions of containers, none of them garbage (as in catalogue_yaml._parse)
        try:
            return pickle.loads(data)  # written by `put` below into the project's own out/ folder
        except Exception:  # a damaged entry is a miss; the next `put` replaces it
            return MISS


def put(cache: Path, text: str, raw: object, path: Path | None = None) -> None:
    """Keep `raw` (the data parsed from `text`) as the only entry (at `path`, its `entry`, when the caller has it);
    never fails the load that made it."""
    put_pickled(path or entry(cache, text), pickled(raw))


def pickled(raw: object) -> bytes:
    """`raw` as the entry's bytes: made right after the parse when the entry is written later (`put_pickled`), so
    what is kept meanwhile is these bytes (national: 36.5 MB), not the parsed data, and pickle's memo of every
    object is freed before the models are built (kept as the data, the check's peak rose 632 -> 903 MB)."""
    return pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL)


def put_pickled(path: Path, data: bytes) -> None:
    """Write `data` (`pickled`) as the only entry, at `path` (`entry`); never fails. A write that fails (disk full)
    leaves no part of it behind: the aside file is not an entry (`*.pickle`), so nothing else would remove it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)  # whole or absent
        for old in path.parent.glob("*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


class Reparsed:
    """The lines of a catalogue whose data came from the cache (or from catalogue_plain, which keeps no lines):
    parsed from its text by libyaml on the first problem only."""

    def __init__(self, text: str, parse: Callable[[str], tuple[object, object]]):
        self._text, self._parse, self._lines = text, parse, None

    def line(self, path: tuple) -> int:
        if self._lines is None:
            self._lines = self._parse(self._text)[1]
        return self._lines.line(path)
