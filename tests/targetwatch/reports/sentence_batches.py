"""The communiqué tests' sentences: each read alone, and normalised many at a time (issue 21, fast feedback).

~300 test cases read one SYNTHETIC sentence each (`read_sentence` in test_communique.py): the reader over a
two-line text, then `normalise()` of its rows. The normaliser's cost is per call, not per row (~30 DuckDB
statements, each mostly planning: docs/testing.md, sessions 15 and 16), so one call per sentence was ~70% of the
communiqué modules' CPU. Here the sentences a module's tests will read are found when the tests are collected
(`SentenceBatches.plan`), and the first `read_sentence` of the module reads each of them alone and normalises them
all in ONE `Normaliser.run`, each sentence its own batch and file (`normalise_together`): what `ingest_folder` does
for the files of a folder. Each test then asserts on its own sentence's rows.

A sentence's rows do not depend on the others of its batch: the normaliser maps each distinct spelling (place,
indicator, year, unit, value, date) by itself and judges each row by itself, and the rows are split back by their
source file. tests/targetwatch/reports/test_sentence_batches.py checks it on real sentences (the frames equal
`normalise()`'s, one sentence at a time). A sentence that was not planned (its text built in a way `plan` does not
follow), or read with another catalogue or aliases, or whose batch failed, is read alone exactly as before: the plan
decides the cost, never a result.
"""

from __future__ import annotations

import ast
import functools
import inspect
import tempfile
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from targetwatch.catalogue import Catalogue
from targetwatch.memory_db import private_database
from targetwatch.reports import communique
from targetwatch.reports.model import Aliases
from targetwatch.reports.normalise import Normaliser, append_raw, create_pending, frames, normalise
from tests.conftest import TODAY

DEFAULT_TITLE = "2019年山西省统计公报（SYNTHETIC）"
SOURCE_FILE, SHA256 = "synthetic.txt", "0" * 64
# (sentence, title): what a test reads
Key = tuple[str, str]
# (each observation's (place, indicator, year, value, unit, period type), the reader's then the normaliser's reasons)
Found = tuple[list[tuple], list[str]]


def sentence_text(sentence: str, title: str) -> str:
    """The text a sentence is read in: its title line, then the sentence."""
    return f"{title}\n{sentence}\n"


def found_of(obs: pd.DataFrame, reader_reasons: Iterable[str], normaliser_reasons: Iterable[str]) -> Found:
    """What the tests assert on: each observation as a tuple, and every reason in order (reader's first)."""
    found = [
        (o.jurisdiction, o.indicator, int(o.year), round(o.value, 6), o.unit, o.period_type) for o in obs.itertuples()
    ]
    return found, list(reader_reasons) + list(normaliser_reasons)


def read_alone(folder: Path, aliases: Aliases, catalogue: Catalogue, sentence: str, title: str) -> Found:
    """One sentence through the reader and its own `normalise()` call (the path before batching)."""
    path = folder / SOURCE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sentence_text(sentence, title), encoding="utf-8")
    result = communique.read_text(path, aliases)
    obs, rej = normalise(result.rows, catalogue, source_file=SOURCE_FILE, sha256=SHA256, default_release_date=None,
                         release_date_basis="not stated", as_of=TODAY)
    return found_of(obs, (r.reason for r in result.rejected.itertuples()), rej.reason)


def normalise_together(rows: Sequence[pd.DataFrame], catalogue: Catalogue) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """(observations, rejected) of each reader's rows, as `normalise(rows[i], source_file=SOURCE_FILE, ...)` gives
    them, through one Normaliser and one `run`: rows[i] is batch and file i, its source file tagged `<i>/` in the
    run and given back as SOURCE_FILE."""
    tags = [f"{i}/{SOURCE_FILE}" for i in range(len(rows))]
    with private_database(sum(len(r) for r in rows)) as con:
        n = Normaliser(con, catalogue, as_of=TODAY)
        create_pending(con, "_tw_pending")
        for i, frame in enumerate(rows):
            append_raw(con, "_tw_pending", frame, batch=i)
        n.run("_tw_pending", pd.DataFrame([
            n.batch_params(i, i, source_file=tag, sha256=SHA256, default_release_date=None,
                           release_date_basis="not stated") for i, tag in enumerate(tags)]))
        obs, rej = frames(con)
    return [tuple(_own(frame, tag) for frame in (obs, rej)) for tag in tags]


def _own(frame: pd.DataFrame, tag: str) -> pd.DataFrame:
    """The rows of one tagged source file, indexed from 0 and named SOURCE_FILE again."""
    own = frame[frame["source_file"] == tag].reset_index(drop=True)
    own["source_file"] = SOURCE_FILE
    return own


def read_together(folder: Path, aliases: Aliases, catalogue: Catalogue, keys: Sequence[Key]) -> dict[Key, Found]:
    """Each sentence read alone (a file of its own under `folder`), all normalised in one run. A sentence the reader
    fails on is left out (read alone, its test meets the failure)."""
    read: dict[Key, Any] = {}
    for i, (sentence, title) in enumerate(dict.fromkeys(keys)):
        path = folder / str(i) / SOURCE_FILE
        path.parent.mkdir(parents=True)
        path.write_text(sentence_text(sentence, title), encoding="utf-8")
        try:
            read[(sentence, title)] = communique.read_text(path, aliases)
        except Exception:
            continue
    normalised = normalise_together([r.rows for r in read.values()], catalogue)
    return {key: found_of(obs, (r.reason for r in result.rejected.itertuples()), rej.reason)
            for (key, result), (obs, rej) in zip(read.items(), normalised, strict=True)}


# The expressions `plan` evaluates for a call's sentence and title: names, constants and string concatenation (in a
# namespace of plain values: nothing is called except str.__format__ of an f-string's values).
_PLANNED_NODES = (ast.Expression, ast.Constant, ast.Name, ast.Load, ast.BinOp, ast.Add, ast.JoinedStr,
                  ast.FormattedValue)


def _value(node: ast.expr, names: dict[str, Any]) -> Any:
    """The value of a simple expression, or None where it names something unknown or does more than `_PLANNED_NODES`."""
    if not all(isinstance(n, _PLANNED_NODES) for n in ast.walk(node)):
        return None
    try:
        return eval(compile(ast.Expression(node), "<planned>", "eval"), {"__builtins__": {}}, names)
    except Exception:
        return None


@functools.cache
def _calls(function: Any) -> tuple[list[ast.Assign], list[ast.Call]] | None:
    """A test function's simple assignments and its `read_sentence` calls, in source order (None: no source). Once
    per function, however many parametrised cases it has."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return None
    nodes = sorted((n for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.Call))),
                   key=lambda n: (n.lineno, n.col_offset))
    assigns = [n for n in nodes if isinstance(n, ast.Assign) and len(n.targets) == 1
               and isinstance(n.targets[0], ast.Name)]
    calls = [n for n in nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == "read_sentence"]
    return assigns, calls


def planned_keys(function: Any, params: dict[str, Any]) -> list[Key]:
    """The (sentence, title) of each `read_sentence(tmp_path, aliases, catalogue, sentence, title=...)` call in a
    test function whose arguments are plain: constants, the module's names, the test's parameters, and the
    function's own `name = <such an expression>` assignments before the call."""
    found = _calls(function)
    if found is None:
        return []
    assigns, calls = found
    names = dict(getattr(function, "__globals__", {})) | params
    keys: list[Key] = []
    steps = sorted([(a.lineno, a.col_offset, a) for a in assigns] + [(c.lineno, c.col_offset, c) for c in calls],
                   key=lambda s: (s[0], s[1]))
    for _, _, node in steps:
        if isinstance(node, ast.Assign):
            names[node.targets[0].id] = _value(node.value, names)  # None when not plain: calls using it not planned
            continue
        args = {i: a for i, a in enumerate(node.args)} | {
            {"sentence": 3, "title": 4}.get(k.arg or "", -1): k.value for k in node.keywords}
        sentence = _value(args[3], names) if 3 in args else None
        title = _value(args[4], names) if 4 in args else DEFAULT_TITLE
        if isinstance(sentence, str) and isinstance(title, str):
            keys.append((sentence, title))
    return keys


class SentenceBatches:
    """The sentences each test module will read (planned at collection), read and normalised together at the first
    `read` in a test of that module (`current`, set as each test starts); every other sentence read alone. One per
    process (xdist: per worker, which runs each module whole: `--dist loadscope`)."""

    def __init__(self) -> None:
        self.planned: dict[str, list[Key]] = {}
        self.current: str | None = None
        self.results: dict[tuple[int, int, str, str], Found] = {}
        self.kept: list[object] = []  # the catalogues and aliases results were read with: their ids stay theirs
        self.batched = self.alone = 0

    def plan(self, items: Iterable[Any]) -> None:
        """Find each collected test's sentences (pytest items; only modules that import `read_sentence` are read)."""
        for item in items:
            function, module = getattr(item, "obj", None), getattr(item, "module", None)
            if function is None or "read_sentence" not in vars(module or object):  # read_sentence() is not called
                continue
            module = module.__name__
            keys = planned_keys(function, dict(getattr(getattr(item, "callspec", None), "params", {})))
            if keys:
                self.planned[module] = list(dict.fromkeys(self.planned.get(module, []) + keys))

    def read(self, folder: Path, aliases: Aliases, catalogue: Catalogue, sentence: str, title: str) -> Found:
        """A sentence's findings: from its module's batch (read at the module's first call), or read alone."""
        ids = (id(catalogue), id(aliases))
        result_key = (*ids, sentence, title)
        if result_key not in self.results and (sentence, title) in self.planned.get(self.current or "", ()):
            keys = [k for k in self.planned.pop(self.current or "") if (*ids, *k) not in self.results]
            self.kept += [catalogue, aliases]
            try:
                with tempfile.TemporaryDirectory(prefix="tw-sentences-") as tmp:
                    batch = read_together(Path(tmp), aliases, catalogue, keys)
            except Exception:
                batch = {}
            self.results.update({(*ids, *k): v for k, v in batch.items()})
        if result_key in self.results:
            self.batched += 1
            found, reasons = self.results[result_key]
            return list(found), list(reasons)
        self.alone += 1
        return read_alone(folder, aliases, catalogue, sentence, title)


BATCHES = SentenceBatches()
