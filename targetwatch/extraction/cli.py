"""`targetwatch extract-targets FILE`: print proposed targets as YAML (pasteable under `targets:`) or JSON.

targetwatch/cli.py lists it among the core commands (CORE_COMMANDS).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

import typer
import yaml

import targetwatch.extraction.rules as rules
from targetwatch.extraction.extract import Proposal, extract_targets
from targetwatch.extraction.readers import SUFFIXES, read_document
from targetwatch.extraction.review import Review, review
from targetwatch.vocab import REVIEW_STATUSES

FORMATS = ("yaml", "json")


def _document_id(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"


def _load_catalogue(path: Path | None):
    """The catalogue for indicator codes and jurisdictions; a catalogue that does not load only costs that."""
    from targetwatch.catalogue import CatalogueError, load_catalogue
    from targetwatch.config import from_env

    path = path or from_env().targets_file
    if not path.exists():
        return None
    try:
        return load_catalogue(path)
    except CatalogueError as exc:
        typer.echo(f"warning: {path.name} does not load ({len(exc.problems)} problems); proposing new codes only",
                   err=True)
        return None


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key, as targets.yaml does (sources:\n  - document: …)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def to_yaml(proposals: list[Proposal], source: str, reviews: list[Review] | None = None) -> str:
    """Entries indented to sit under `targets:`, each after comment lines with its confidence, rule and offsets
    (and, with --against, whether the catalogue already has it)."""
    out = [
        f"# {len(proposals)} proposed targets from {source} (targetwatch extract-targets).",
        "# Paste under `targets:` in targets.yaml; check each figure against its quote first.",
    ]
    if reviews is not None:
        counts = {s: sum(r.status == s for r in reviews) for s in REVIEW_STATUSES}
        out.append("# Against the catalogue: " + ", ".join(f"{n} {s}" for s, n in counts.items()) + ".")
    for i, p in enumerate(proposals):
        unit = f" · unit {p.unit} (written {p.unit_as_written})" if p.unit else ""
        if reviews is not None:
            out.append("  " + reviews[i].line())
        out.append(f"  # confidence {p.confidence:.2f} · rule {p.rule} · chars {p.char_start}-{p.char_end}{unit}")
        out += [f"  # to do: {problem}" for problem in p.problems]
        if p.deadline_inferred:
            out.append(f"  # to do: deadline: {p.entry['deadline']} is inferred, the text states no date of its own; "
                       "check it (or give the text's date, --issued)")
        block = yaml.dump([p.entry], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
        out += ["  " + line for line in block.rstrip("\n").split("\n")]
    return "\n".join(out) + "\n"


def to_json(proposals: list[Proposal], reviews: list[Review] | None = None) -> str:
    rows = [p.model_dump() for p in proposals]
    for row, r in zip(rows, reviews or [], strict=False):
        row["review"] = {"status": r.status, "target_ids": list(r.target_ids), "reason": r.reason}
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def extract_targets_command(
    file: Annotated[Path, typer.Argument(help=f"policy document ({', '.join(SUFFIXES)}), UTF-8, GB18030 or Big5")],
    format: Annotated[str, typer.Option("--format", "-f", help="yaml (pasteable under targets:) or json")] = "yaml",
    document_id: Annotated[
        str | None, typer.Option("--document-id", help="id written in each source (default: from the file name)")
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="drop proposals below this confidence")
    ] = rules.MIN_CONFIDENCE,
    catalogue: Annotated[
        Path | None, typer.Option("--catalogue", help="catalogue for indicator codes (default: targets.yaml)")
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option("--against", help="mark each proposal new / catalogued / conflicting against this targets.yaml"),
    ] = None,
    skip_catalogued: Annotated[
        bool, typer.Option("--skip-catalogued", help="with --against: leave out proposals already catalogued")
    ] = False,
    issued: Annotated[
        str | None,
        typer.Option("--issued", help="the text's own date, YYYY or YYYY-MM (default: read from the text; a text "
                     "that states none gets its deadlines marked as inferred and held below 0.9)"),
    ] = None,
) -> None:
    """Propose targets from a policy document: verbatim quote, value, comparator, deadline, kind, indicator."""
    if format not in FORMATS:
        raise typer.BadParameter(f"{format!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if not file.is_file():
        typer.echo(f"error: {file} is not a file", err=True)
        raise typer.Exit(2)
    if issued is not None and not re.fullmatch(r"\s*(?:19|20)\d{2}(?:[-/.]\d{1,2})?\s*", issued):
        raise typer.BadParameter(f"{issued!r}: write it as YYYY or YYYY-MM", param_hint="--issued")
    try:
        text, _encoding = read_document(file)
    except ValueError as exc:  # an unknown suffix, or bytes no supported encoding decodes
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    reference = None
    if against is not None:
        from targetwatch.catalogue import CatalogueError, load_catalogue

        try:
            reference = load_catalogue(against)
        except (CatalogueError, OSError) as exc:
            typer.echo(f"error: --against {against}: {exc}", err=True)
            raise typer.Exit(2) from None
    proposals = extract_targets(text, document_id or _document_id(file),
                                _load_catalogue(catalogue) if catalogue is not None or reference is None else reference,
                                min_confidence=min_confidence, issued=issued)
    reviews = review(proposals, reference) if reference is not None else None
    if reviews is not None and skip_catalogued:
        kept = [(p, r) for p, r in zip(proposals, reviews, strict=True) if r.status != "catalogued"]
        proposals, reviews = [p for p, _ in kept], [r for _, r in kept]
    typer.echo(to_yaml(proposals, file.name, reviews) if format == "yaml" else to_json(proposals, reviews), nl=False)
