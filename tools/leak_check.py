"""Leak check for the readers' rules: Chinese literals in the rule files that occur in no development text.

    uv run python tools/leak_check.py            # literals found only in non-development texts
    uv run python tools/leak_check.py --all      # every literal, with the halves whose texts contain it

The readers' rules must be written against the `dev` half of tests/fixtures/real only. A Chinese literal in a
rule file (a regex piece, a word list, a comment or a docstring example) that occurs in some `test`, `unseen-2` or
`unseen-6` text but in no `dev` text is a sign that the rule was read off a text it is scored on. Such a
literal is not always a leak (common words occur everywhere), so the list is for a person to judge; the
report says which file and line each comes from and whether it sits in code or in a comment/docstring.

Literals are runs of two or more CJK characters taken from string tokens and comments (a regex alternation
`新增|新培育` gives two literals). Texts and literals are folded as the readers fold them (NFKC, simplified
script, pinyin glosses removed), so a traditional-script text counts.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tokenize
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from targetwatch.units import normalise_text, to_simplified  # noqa: E402

_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\)")  # 業(yè): a mirror site's pinyin gloss


def _fold(text: str) -> str:
    """NFKC, lower case, simplified script, glosses removed; not the readers' own infix deletions (those are
    rules, and a check of rules must not apply them to the texts)."""
    return _GLOSS.sub("", to_simplified(normalise_text(text).lower()))

# Every module of the readers (a fixed list went stale: 17 rule modules added since round 21 were never checked),
# plus the two shared modules whose word lists the readers use.
RULE_FILES = (
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "targetwatch" / "reports").glob("*.py")),
    "targetwatch/variants.py",
    "targetwatch/units.py",
)
CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,}")


def literals(path: Path) -> list[tuple[str, int, str]]:
    """(literal, line, kind) for every CJK run in the file's strings and comments; kind is code or comment."""
    found = []
    source = path.read_text(encoding="utf-8")
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING:
            kind = "docstring" if tok.string.lstrip("rbuf").startswith(('"""', "'''")) else "code"
        elif tok.type == tokenize.COMMENT:
            kind = "comment"
        else:
            continue
        for m in CJK_RUN.finditer(tok.string):
            line = tok.start[0] + tok.string[: m.start()].count("\n")
            found.append((m.group(), line, kind))
    return found


def texts_by_half(corpus_root: Path) -> dict[str, list[tuple[str, str]]]:
    corpus = pd.read_csv(corpus_root / "corpus.csv", dtype=str)
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc, rel, half in zip(corpus["doc_id"], corpus["file"], corpus["half"], strict=True):
        out[half].append((doc, _fold((corpus_root / rel).read_text(encoding="utf-8"))))
    return out


def check(files: list[Path], corpus_root: Path) -> pd.DataFrame:
    """One row per (literal, file): where it is, and which documents of each half contain it."""
    halves = texts_by_half(corpus_root)
    rows = []
    for path in files:
        seen: dict[str, tuple[int, set[str]]] = {}
        for lit, line, kind in literals(path):
            first, kinds = seen.get(lit, (line, set()))
            seen[lit] = (first, kinds | {kind})
        for lit, (line, kinds) in seen.items():
            key = _fold(lit)
            row = {
                "literal": lit,
                "file": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
                "line": line,
                "kind": "+".join(sorted(kinds)),
            }
            for half, docs in halves.items():
                row[half] = [d for d, text in docs if key in text]
            rows.append(row)
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="every literal, not only the suspicious ones")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests/fixtures/real")
    parser.add_argument("files", nargs="*", type=Path, help="rule files (default: the readers' modules)")
    args = parser.parse_args()
    files = [p.resolve() for p in args.files] or [ROOT / f for f in RULE_FILES]
    table = check(files, args.corpus)
    others = [h for h in table.columns if h not in {"literal", "file", "line", "kind", "dev"}]
    suspicious = table[(table["dev"].str.len() == 0) & table[others].apply(lambda r: any(len(v) for v in r), axis=1)]
    shown = table if args.all else suspicious
    print(f"{len(table)} literals in {len(files)} files; {len(suspicious)} occur in no dev text but in {others}")
    for row in shown.to_dict("records"):
        where = "; ".join(f"{h}: {', '.join(row[h]) or '-'}" for h in others)
        print(f"  {row['literal']:<12} {row['file']}:{row['line']} ({row['kind']})  {where}")


if __name__ == "__main__":
    main()
