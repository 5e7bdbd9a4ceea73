"""Leak check for the extraction rules (issue 18): Chinese literals in the rule files that occur only in texts the
rules were not to be written against.

Every string constant in `targetwatch/extraction/*.py` (rules tables, regular expressions, docstrings left out) is
cut into runs of two or more CJK characters (a regular expression's alternatives split at its punctuation). Each
run is folded the way the extractor folds text (traditional -> simplified) and looked up in every text of the
real-text corpus and in the five seed documents. A literal that occurs in some test, holdout or unseen text but in
no development text and no seed is listed with the sets it occurs in: it may have been written from a text that
was to be scored only. Everyday words land here too (the list is for a person to read, not a verdict).

    uv run python tools/leak_check_extraction.py            # Markdown list
    uv run python tools/leak_check_extraction.py --json
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from targetwatch.extraction.corpus import CORPUS_DIR, load_corpus  # noqa: E402
from targetwatch.extraction.text import fold  # noqa: E402

RULE_FILES = sorted((ROOT / "targetwatch" / "extraction").glob("*.py"))
CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
SEEDS = ROOT / "policies"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def literals(files: list[Path] = RULE_FILES) -> dict[str, set[str]]:
    """{folded literal: {file names it is written in}} for every CJK run in a string constant (no docstrings)."""
    out: dict[str, set[str]] = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstring_nodes(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                for run in CJK_RUN.findall(node.value):
                    out.setdefault(fold(run), set()).add(path.name)
    return out


def leaks(folder: Path = CORPUS_DIR, seeds: Path = SEEDS) -> list[dict]:
    """Literals found in a non-development corpus text and in no development text or seed, with where."""
    docs, _ = load_corpus(folder)
    by_split: dict[str, list[str]] = {}
    for doc in docs.values():
        by_split.setdefault(doc.split, []).append(fold(doc.text))
    seed_texts = [fold(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    allowed = by_split.get("development", []) + seed_texts
    rows = []
    for lit, files in sorted(literals().items()):
        if any(lit in t for t in allowed):
            continue
        found = {s: sum(lit in t for t in texts) for s, texts in by_split.items() if s != "development"}
        found = {s: n for s, n in found.items() if n}
        if found:
            rows.append({"literal": lit, "files": sorted(files), "texts_by_set": found})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = leaks()
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    sets = sorted({s for r in rows for s in r["texts_by_set"]})
    lines = [f"{len(rows)} literals of the extraction rules occur in a non-development text and in no development "
             "text or seed.", ""]
    for s in sets:
        mine = [r for r in rows if s in r["texts_by_set"]]
        lines.append(f"- {s} ({len(mine)}): " + ", ".join(r["literal"] for r in mine))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
