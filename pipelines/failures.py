"""What went wrong in a failed run, in one line per cause: the step and its error (which names the file).

Shared by the CLI's in-process runs (pipelines.run) and the failure sensor of Dagster-launched runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import dagster as dg

_QUALIFIED = re.compile(r"^(?:[A-Za-z_][\w]*\.)+([A-Za-z_]\w*): ")


def error_text(error: object | None) -> str:
    """The user's exception inside Dagster's wrappers (not its own causes), as `Type: message`."""
    while getattr(error, "cause", None) is not None and (getattr(error, "cls_name", "") or "").startswith("Dagster"):
        error = error.cause
    message = (getattr(error, "message", "") or "").strip()
    return _QUALIFIED.sub(r"\1: ", message)


def describe_failure(events: Iterable[dg.DagsterEvent], fallback: str = "run failed") -> str:
    """One line per failed step, failed blocking check or failed start; `fallback` when the log says nothing."""
    lines: list[str] = []
    run_errors: list[str] = []
    for e in events:
        kind, data = e.event_type_value, e.event_specific_data
        if kind == "STEP_FAILURE":
            lines.append(f"step {e.step_key} failed: {error_text(data.error)}")
        elif kind == "ASSET_CHECK_EVALUATION" and not data.passed and data.severity == dg.AssetCheckSeverity.ERROR:
            detail = f": {data.description}" if getattr(data, "description", None) else ""
            lines.append(f"blocking check {data.check_name} did not pass on {data.asset_key.to_user_string()}{detail}")
        elif kind == "RESOURCE_INIT_FAILURE":
            lines.append(f"the run did not start: {error_text(data.error)}")
        elif kind == "PIPELINE_FAILURE" and getattr(data, "error", None) is not None:
            run_errors.append(f"run failed: {error_text(data.error)}")
    lines = lines or run_errors
    return "\n".join(dict.fromkeys(lines)) or fallback
