"""A rule that raises must not silence its file (issue 17, round 17).

Round 16 found why unseen-25's flattened table was silent: one restatement check (`mentions._base`) raised on one row,
the exception left `communique.read_text`, and a file that fails gives no rows at all, so all 24 of its figures were
neither read nor quarantined. A rule is a guess about how people write; a text it did not foresee may break it. What
must hold whatever a rule does is the issue's guarantee: every figure is read or quarantined with a reason.

So a rule's failure is data, never a lost file:

* **per sentence** (`read_sentences`): when reading one sentence raises, that sentence becomes one quarantined row
  whose reason names the file, the sentence, its line in the file, the rule (module and function) and the exception;
  the other sentences are read as if nothing happened;
* **per sheet** of a yearbook workbook (`guarded`): a sheet whose reading raises is one quarantined row naming the file,
  the sheet and the exception, and the other sheets are read;
* **per file stage** (`guarded_stage`): a stage over the whole file's rows (one observation per figure, a domestic part
  beside its whole) that raises cannot vouch for its rows, so each row it was given is quarantined with the stage's
  failure as its reason (never published unchecked, never lost); a stage that only adds rows (a flattened table) is
  skipped, with one quarantined row saying so.

A deliberate refusal (`UnreadableReportError`, a limit) still refuses the file: it is a verdict, not a failure; running
out of memory (and any BaseException that is not an Exception) is the machine's, not a rule's, and stops the read too.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TypeVar

import pandas as pd

from targetwatch.reports.model import ReadResult, UnreadableReportError
from targetwatch.reports.plaintext import PlainText, Sentence

T = TypeVar("T")

# A verdict (the file is refused) or the machine's (out of memory) stops the read; any other exception is a rule's.
_STOPS = (UnreadableReportError, MemoryError)


def _attempt(call: Callable[[], T]) -> tuple[T | None, Exception | None]:
    """`call()`'s value and no exception, or None and the rule's exception (`_STOPS` pass through)."""
    try:
        return call(), None
    except _STOPS:
        raise
    except Exception as exc:
        return None, exc


def _file_row(location: str, reason: str) -> dict:
    return {"row_number": None, "location": location, "raw_content": "", "reason": reason}


def raising_rule(exc: BaseException) -> str:
    """`module.function:line` of the innermost frame of the project's code the exception passed through."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "targetwatch" in Path(f.filename).parts]
    if not frames:
        return "?"
    last = frames[-1]
    return f"{Path(last.filename).stem}.{last.name}:{last.lineno}"


def failure_reason(file: str, where: str, exc: BaseException, consequence: str) -> str:
    return f"rule failed: {raising_rule(exc)} raised {type(exc).__name__}: {exc} ({file}, {where}); {consequence}"


def line_of(plain: PlainText, source: str, sentence: Sentence) -> int:
    """The sentence's first line in the file as written (1-based), through the plain text's offsets."""
    char_start = plain.source_span(sentence.start, sentence.start + 1)[0] if sentence.end > sentence.start else 0
    return source.count("\n", 0, char_start) + 1


def read_sentences(
    sentences: Iterable[Sentence],
    step: Callable[[Sentence], tuple[list[dict], list[dict]]],
    file: str,
    line: Callable[[Sentence], int],
) -> tuple[list[dict], list[dict]]:
    """Every sentence through `step` (its rows, its quarantined rows); a sentence whose step raises is one quarantined
    row naming the file, the sentence, its line, the rule and the exception, and the next sentence is read."""
    rows: list[dict] = []
    rejected: list[dict] = []
    for sentence in sentences:
        read, exc = _attempt(partial(step, sentence))
        if exc is not None:
            where = f"sentence {sentence.number}, line {line(sentence)}"
            reason = failure_reason(file, where, exc, "the figures of this sentence are not read")
            rejected.append({"row_number": sentence.number, "location": where, "raw_content": sentence.text,
                             "reason": reason})
            continue
        found, refused = read
        rows += found
        rejected += refused
    return rows, rejected


def guarded(call: Callable[[], T], file: str, where: str, consequence: str) -> tuple[T | None, list[dict]]:
    """`call()` and no quarantined rows; if it raises, None and one quarantined row naming `where` and the failure."""
    value, exc = _attempt(call)
    if exc is None:
        return value, []
    return None, [_file_row(where, failure_reason(file, where, exc, consequence))]


def guarded_stage(
    stage: Callable[[], T], rows: list[dict], file: str, name: str
) -> tuple[T | None, list[dict]]:
    """`stage()` and no quarantined rows; if it raises, None and each of `rows` quarantined with the failure."""
    value, exc = _attempt(stage)
    if exc is None:
        return value, []
    consequence = f"the stage '{name}' could not check this figure, so it is not read"
    reason = failure_reason(file, "the whole file", exc, consequence)
    if not rows:
        return None, [_file_row(name, reason)]
    return None, [
        {"row_number": r.get("row_number"), "location": r.get("location"), "raw_content": r.get("raw_content"),
         "reason": reason}
        for r in rows
    ]


def skipped_stage(stage: Callable[[], T], fallback: T, file: str, name: str) -> tuple[T, list[dict]]:
    """`stage()`, or, if it raises, `fallback` and one quarantined row saying the stage was skipped and why."""
    value, exc = _attempt(stage)
    if exc is None:
        return value, []
    consequence = f"the stage '{name}' was skipped; the figures stay as read without it"
    return fallback, [_file_row(name, failure_reason(file, "the whole file", exc, consequence))]


def with_rejected(read: ReadResult, rejected: list[dict]) -> ReadResult:
    """`read` with `rejected` (a skipped stage's row) added to its quarantined rows."""
    if rejected:
        read.rejected = pd.concat([read.rejected, pd.DataFrame(rejected)], ignore_index=True)
        read.__post_init__()
    return read
