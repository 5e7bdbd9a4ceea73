"""Ingestion normalises the raw rows of many files in one pass (targetwatch.reports.batches): the tables are the ones
a pass per batch gives, row for row and in the same order, however the batches are flushed."""

from __future__ import annotations

import shutil

import pytest
from pandas.testing import assert_frame_equal

from targetwatch.config import PROJECT_DIR
from targetwatch.limits import Limits
from targetwatch.reports import ingest as ingest_module
from targetwatch.reports.ingest import ingest_folder
from tests.conftest import TODAY
from tests.targetwatch.reports.samples import TEMPLATE

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "reports"
# rows the normaliser quarantines (unknown place, a value that is not a number), a row the reader rejects (cells past
# the header), a row released after the as-of date, and a file that cannot be read
BAD = """地区,指标,年份,数值,单位,发布日期
山西,高新技术企业,2019,1523,家,2020-03-01
火星,高新技术企业,2019,12,家,2020-03-01
山西,高新技术企业,2018,很多,家,2020-03-01
山西,高新技术企业,2017,1400,家,2020-03-01,extra
山西,高新技术企业,2016,1300,家,2099-01-01
"""


def _folder(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(FIXTURES, folder)
    for script, text in TEMPLATE.items():
        (folder / f"template-{script}.csv").write_text(text, encoding="utf-8")
    (folder / "bad-rows.csv").write_text(BAD, encoding="utf-8")
    (folder / "broken.xlsx").write_bytes(b"not a workbook")
    return folder


def _tables(result):
    return result.observations, result.rejected_rows, result.report_files


@pytest.mark.parametrize("limits", [Limits(), Limits(batch_rows=2)], ids=["default batches", "batches of 2 rows"])
def test_one_pass_over_many_files_equals_a_pass_per_batch(tmp_path, catalogue, monkeypatch, limits):
    folder = _folder(tmp_path)
    together = ingest_folder(folder, catalogue, as_of=TODAY, limits=limits)
    monkeypatch.setattr(ingest_module, "FLUSH_BATCHES", 0)  # normalise after every batch, as before batches.py
    apart = ingest_folder(folder, catalogue, as_of=TODAY, limits=limits)
    assert len(together.observations) and len(together.rejected_rows) > 3
    assert {"failed", "loaded"} <= set(together.report_files["status"])
    for a, b in zip(_tables(together), _tables(apart), strict=True):
        assert_frame_equal(a, b, check_exact=True)


def _entries(cache):
    """Every parse cache entry's rows, by entry, batch and part (ordered by their place in the file), as a cached read
    puts them in the typed raw tables: a batch in a folder of its own, or its file's rows in a chunk's shared Parquet
    pair (an empty part is left out either way: a folder holds no file for it)."""
    import json

    import duckdb

    from targetwatch.reports.normalise import create_raw
    out = {}
    with duckdb.connect() as con:
        for meta_path in sorted(cache.rglob("result.json")):
            entry = meta_path.parent
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            for i, batch in enumerate(meta.get("batches", [])):
                for j, (part, table) in enumerate((("rows", "_t"), ("rejected", "_t_rejected"))):
                    create_raw(con, "_t")
                    name = f"{entry.relative_to(cache).as_posix()}/batch-{i:05d}/{part}"
                    if "dir" in batch:
                        path = entry / batch["dir"] / f"{part}.parquet"
                        if not path.exists():
                            continue
                        con.execute(f"INSERT INTO {table} SELECT * FROM read_parquet(?)", [str(path)])
                    elif batch["counts"][j]:
                        path = cache / "reads" / "shared" / batch["shared"][j]
                        con.execute(f"INSERT INTO {table} SELECT * EXCLUDE (file, part) FROM read_parquet(?) "
                                    "WHERE file = ?", [str(path), batch["file"]])
                    else:
                        continue
                    out[name] = con.execute(f"SELECT * FROM {table} ORDER BY _seq").df()
    return out


@pytest.mark.parametrize("limits", [Limits(), Limits(batch_rows=2)], ids=["default batches", "batches of 2 rows"])
def test_scanned_files_wait_in_their_chunk_and_are_cached_by_one_copy(tmp_path, catalogue, monkeypatch, limits):
    """A template CSV read by its chunk's scan is not copied into the pending tables (no `move_batch` of its own) and
    its cache entry comes from the chunk's one spill; the tables and every cache entry are those the per-file path
    (each file's rows moved and copied by statements of its own) gives."""
    from targetwatch.reports import batches as batches_module
    from targetwatch.reports import template_sql

    folder = _folder(tmp_path)
    for i in range(4):  # one chunk of several files, with a reject and a quoted cell
        quoted = f'山西,"高新技术企业",201{i},9,家,\n'
        (folder / f"more-{i}.csv").write_text(BAD.replace("2019", str(2010 + i)) + quoted, encoding="utf-8")
    moves = []
    real_move = batches_module.move_batch
    monkeypatch.setattr(batches_module, "move_batch",  # the part moved: a scanned file's rows in its chunk, or None
                        lambda *a: moves.append(a[5]) or real_move(*a))
    spills = []
    real_spill = template_sql.Scan._spill
    monkeypatch.setattr(template_sql.Scan, "_spill", lambda self, *a: spills.append(1) or real_spill(self, *a))

    def run(name):
        out = tmp_path / name
        result = ingest_folder(folder, catalogue, as_of=TODAY, limits=limits, cache_dir=out / "cache")
        return result, _entries(out / "cache")

    together, cached = run("chunked")
    assert together.report_files["format"].eq("template_csv").sum() >= 7
    # no batch is moved by statements of its own: a scanned file waits in its chunk, the other readers' batches are
    # gathered into chunks of their own (targetwatch.reports.gathered)
    assert not moves
    assert spills and sum(len(v) for v in cached.values())
    moves.clear()
    monkeypatch.setattr(template_sql.Scan, "source", lambda self, path: None)
    monkeypatch.setattr(template_sql.Scan, "spilled", lambda self, path: None)
    apart, cached_apart = run("per-file")
    assert sum(part is not None for part in moves) >= 7
    for a, b in zip(_tables(together), _tables(apart), strict=True):
        assert_frame_equal(a, b, check_exact=True)
    assert cached.keys() == cached_apart.keys()
    for key, frame in cached.items():
        assert_frame_equal(frame, cached_apart[key], check_exact=True)


@pytest.mark.parametrize("limits", [Limits(), Limits(batch_rows=2)], ids=["default batches", "batches of 2 rows"])
def test_python_readers_batches_are_gathered_and_give_what_a_batch_at_a_time_gives(tmp_path, catalogue, monkeypatch,
                                                                                  limits):
    """The yearbook, workbook and communiqué readers' batches go into DuckDB many at a time (gathered.Gathered: one
    INSERT for many frames, each cast on its own; the cache's entries by one partitioned COPY); the tables, every
    cache entry and a second ingest from that cache are those of the per-batch path (`append_raw`, `move_batch`
    and a COPY per batch)."""
    from targetwatch.reports import batches as batches_module
    from targetwatch.reports import gathered as gathered_module
    from targetwatch.reports.normalise import append_raw

    folder = _folder(tmp_path)
    moves, inserts = [], []
    real_move, real_insert = batches_module.move_batch, gathered_module.Gathered._insert
    monkeypatch.setattr(batches_module, "move_batch", lambda *a: moves.append(a[3]) or real_move(*a))
    monkeypatch.setattr(gathered_module.Gathered, "_insert",
                        lambda self, table, columns, frames: inserts.append(len(frames)) or real_insert(
                            self, table, columns, frames))

    def run(name):
        out = tmp_path / name
        result = ingest_folder(folder, catalogue, as_of=TODAY, limits=limits, cache_dir=out / "cache")
        moved = list(moves)  # while parsing (a read from the cache is moved from the raw table, as before)
        again = ingest_folder(folder, catalogue, as_of=TODAY, limits=limits, cache_dir=out / "cache")
        assert set(again.parsed.values()) == {"cached"}, {k: v for k, v in again.parsed.items() if v != "cached"}
        moves.clear()
        return result, again, _entries(out / "cache"), moved

    together, again, cached, moved = run("gathered")
    read_by_python = together.report_files["format"].str.startswith(("yearbook", "communique"), na=False)
    assert read_by_python.sum() == 4 and together.report_files["status"].eq("failed").any()
    assert inserts and max(inserts) > (1 if limits.batch_rows > 2 else 0)  # by default, several frames an INSERT
    assert not moved
    monkeypatch.setattr(gathered_module.Gathered, "append",  # the per-batch path: straight into the raw table
                        lambda self, con, raw, rows, rejected=None: append_raw(con, raw, rows, rejected))
    monkeypatch.setattr(gathered_module.Gathered, "take", lambda self: None)
    apart, again_apart, cached_apart, moved_apart = run("per batch")
    assert len(moved_apart) >= 4
    for a, b in zip(_tables(together), _tables(apart), strict=True):
        assert_frame_equal(a, b, check_exact=True)
    for a, b in zip(_tables(again), _tables(again_apart), strict=True):
        assert_frame_equal(a, b, check_exact=True)
    for a, b in zip(_tables(together), _tables(again), strict=True):
        assert_frame_equal(a, b, check_exact=True)
    assert cached.keys() == cached_apart.keys() and cached
    for key, frame in cached.items():
        assert_frame_equal(frame, cached_apart[key], check_exact=True)
