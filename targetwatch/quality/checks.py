"""A suite run on the warehouse, as the asset check runs it: read the observations, validate, store the results.

`check_warehouse` is the one entry point (assets/quality.py and benchmarks/checks.py call it).
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from targetwatch.catalogue import Catalogue
from targetwatch.quality.results import store_check_results
from targetwatch.quality.suites import SuiteOutcome, suite_frame, validate_frame
from targetwatch.warehouse import connect

# A validated frame this large is worth a full garbage collection at once: GE's objects refer to each other and to the
# frame's copies (docs/scaling.md: 436 MB fewer resident after the validity suite at national scale). A smaller one
# is left to Python's own collector: a full collection walks every object of the process, 0.8 s each in a test
# process holding Dagster, GE and pandas (load 9; docs/testing.md, session 9), for a frame of a few MB at most.
GC_AFTER_ROWS = 100_000


def check_warehouse(warehouse: Path, name: str, catalogue: Catalogue, as_of: dt.date) -> SuiteOutcome:
    """Run suite `name` on the warehouse's observations and store its rows of the three check tables."""
    with connect(warehouse) as con:  # GE validates a frame: only the columns the suite reads, derived ones in SQL
        frame = suite_frame(con, name, "(SELECT rowid AS _order, * FROM observations)", categorical=True,
                            in_order=True)
    rows = len(frame)
    collect = rows >= GC_AFTER_ROWS
    if collect:
        # What is alive before the suite runs is not GE's garbage: frozen, the collection below walks only the objects
        # made since (GE's and the frame's copies) instead of every object of the process (Dagster's, the catalogue's)
        gc.freeze()
    try:
        outcome = validate_frame(name, frame, catalogue, as_of)
        del frame
        if collect:
            gc.collect()  # GE's objects refer to each other (and to the frame's copies): give their memory back now
    finally:
        if collect:
            gc.unfreeze()
    store_check_results(warehouse, outcome)
    return outcome
