"""Many one-text folders through one `ingest_folder` call (issue 21): each test still gets its own folder's result.

A test module that ingests a text (or a real text with its sidecar) per test pays `ingest_folder`'s fixed cost per
call: a DuckDB database, a `Normaliser`, its statements (~0.15-0.3 CPU s a call on this machine). `IngestBatch`
plans the module's folders (their files' names and bytes), ingests them all at the first request, each folder under
a subfolder of its own (`f000/`, `f001/`, ...), and gives each test the rows of its own subfolder, with the
subfolder taken off `source_file` so the result reads as the folder's own ingest would (`assert_frame_equal`
against one ingest a folder: tests/targetwatch/reports/test_ingest_batches.py). Each test asserts on its own
folder's rows, so a wrong expectation fails that test alone.

A folder the plan does not hold (a text built at run time, another catalogue, a report with the same bytes and
sidecar as one in a folder planned before it, which one ingest would read once, or a folder holding one report twice,
whose `duplicate` warning names the other file's path) is ingested alone in the test's
own `tmp_path`, exactly as before: the plan decides the cost, never a result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from targetwatch.catalogue import Catalogue
from targetwatch.reports.archive import SIDECAR_SUFFIX
from targetwatch.reports.ingest import IngestResult, ingest_folder

Files = Mapping[str, bytes | str]
REAL_REPORTS = Path(__file__).parents[2] / "fixtures" / "real" / "reports"


def _bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _key(files: Files) -> tuple[tuple[str, bytes], ...]:
    return tuple(sorted((name, _bytes(data)) for name, data in files.items()))


def _reports(files: Files) -> set[tuple[bytes, bytes | None]]:
    """Each report file of a folder as `ingest_folder` tells two apart: its bytes and its sidecar's (a file with the
    same bytes and the same sidecar as one already read in the same ingest is a `duplicate`, read once)."""
    return {(_bytes(data), _bytes(files[name + SIDECAR_SUFFIX]) if name + SIDECAR_SUFFIX in files else None)
            for name, data in files.items() if not name.endswith(SIDECAR_SUFFIX)}


def real_files(name: str) -> dict[str, bytes]:
    """A real text of tests/fixtures/real/reports and its sidecar (`name.txt*`), as a folder's files."""
    return {p.name: p.read_bytes() for p in sorted(REAL_REPORTS.glob(f"{name}.txt*"))}


def write_folder(folder: Path, files: Files) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(_bytes(data))
    return folder


def _own(frame: pd.DataFrame | None, prefix: str, nullable: tuple[str, ...] = ()) -> pd.DataFrame | None:
    """The rows of one subfolder, its `source_file` as the folder's own ingest names it. DuckDB gives an integer
    column holding a NULL as pandas' nullable Int64, one without as int64: a column is nullable in the batch when any
    folder's rows hold a NULL there (a CSV's char_start beside a text's), so one subfolder's share without a NULL
    is given back as int64, as its own ingest gives it; `nullable` names the columns `frames()` always makes Int64."""
    if frame is None:
        return None
    mine = frame[frame["source_file"].astype(str).str.startswith(prefix)].copy()
    mine["source_file"] = mine["source_file"].str.slice(len(prefix))
    for column in mine.columns:
        dtype = mine[column].dtype
        if (column not in nullable and isinstance(dtype, pd.api.extensions.ExtensionDtype)
                and pd.api.types.is_integer_dtype(dtype) and not mine[column].isna().any()):
            mine[column] = mine[column].astype(dtype.numpy_dtype)
    return mine.reset_index(drop=True)


def split(result: IngestResult, prefix: str) -> IngestResult:
    """One subfolder's share of a batched ingest, as an ingest of that folder alone gives it."""
    files = _own(result.report_files, prefix)
    rejected = _own(result.rejected_rows, prefix)
    preview = _own(result.rejected_preview, prefix)
    return IngestResult(
        report_files=files,
        observations=_own(result.observations, prefix, nullable=("year",)),  # normalise.frames: always Int64
        rejected_rows=rejected,
        parsed={k[len(prefix):]: v for k, v in result.parsed.items() if k.startswith(prefix)},
        snapshot=None,
        counts={"observations": int(files["rows_accepted"].sum()), "rejected_rows": int(files["rows_rejected"].sum())},
        # the folder's first 20 quarantined rows, in the order its own ingest lists them
        rejected_preview=(rejected[["source_file", "location", "reason"]].head(20).reset_index(drop=True)
                          if rejected is not None else preview),
    )


class IngestBatch:
    """The planned folders of a module, ingested together with one catalogue at the first request."""

    def __init__(self, root: Path, catalogue: Catalogue, as_of: dt.date, folders: Iterable[Files]) -> None:
        self.root, self.catalogue, self.as_of = root, catalogue, as_of
        self._plan: dict[tuple, str] = {}
        self._folders: list[Files] = []
        seen: set[tuple[bytes, bytes | None]] = set()
        for files in folders:
            key, reports = _key(files), _reports(files)
            # the same folder twice is planned once; a folder holding a report another planned folder holds (the
            # same bytes and sidecar under any name) is not planned: in one ingest it would be that one's duplicate;
            # nor is a folder holding one report twice: its `duplicate` warning names the first by its path, which
            # the batch's subfolder would lengthen (`split` gives back `source_file` only)
            once = len(reports) == sum(not name.endswith(SIDECAR_SUFFIX) for name in files)
            if key not in self._plan and once and not reports & seen:
                self._plan[key] = f"f{len(self._folders):03d}/"
                self._folders.append(files)
                seen |= reports
        self._result: IngestResult | None = None
        self.batched = self.alone = 0  # how many requests each way (the plan's cost, never a result)

    def _ingest_all(self) -> IngestResult:
        if self._result is None:
            root = self.root / "reports"
            for files, prefix in zip(self._folders, self._plan.values(), strict=True):
                write_folder(root / prefix.rstrip("/"), files)
            self._result = ingest_folder(root, self.catalogue, as_of=self.as_of)
        return self._result

    def planned(self, files: Files) -> bool:
        """Whether a folder of these files is one of the batch's."""
        return _key(files) in self._plan

    def ingest(self, folder: Path, files: Files) -> IngestResult:
        """The result of ingesting a folder holding `files` (a planned one from the batch; else written to `folder`
        and ingested alone)."""
        prefix = self._plan.get(_key(files))
        if prefix is None:
            self.alone += 1
            return ingest_folder(write_folder(folder, files), self.catalogue, as_of=self.as_of)
        self.batched += 1
        return split(self._ingest_all(), prefix)
