"""Dependencies point one way: pipelines/ -> assets/ -> targetwatch/ (the core), never back up a floor and never
in a circle. Every import is counted, lazy ones (inside a function) included."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from targetwatch.config import PROJECT_DIR


@cache
def _parsed_imports(text: str) -> tuple[ast.Import | ast.ImportFrom, ...]:
    """Every import statement of a source text, lazy ones (inside functions) included, in `ast.walk`'s order.

    Parsed once per text and process: the tests below walk the same source files (171 today) six times over, each
    walk ~0.4-0.8 s of CPU (docs/testing.md, session 14). Keyed by the text, so a changed file is parsed again."""
    return tuple(node for node in ast.walk(ast.parse(text)) if isinstance(node, ast.Import | ast.ImportFrom))


def _import_nodes(path: Path) -> tuple[ast.Import | ast.ImportFrom, ...]:
    """`_parsed_imports` of a file's current text."""
    return _parsed_imports(path.read_text(encoding="utf-8"))


def test_core_does_not_import_dagster():
    offenders = []
    for path in (PROJECT_DIR / "targetwatch").rglob("*.py"):
        for node in _import_nodes(path):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "dagster"]
    assert offenders == []


def test_core_never_imports_the_shell():
    """Dependencies point one way: assets/ and pipelines/ (the shell, the CLI that runs Dagster included) import
    the core, never the reverse, at module level or lazily inside a function."""
    offenders = []
    for path in (PROJECT_DIR / "targetwatch").rglob("*.py"):
        for node in _import_nodes(path):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(PROJECT_DIR)}:{node.lineno}: {n}" for n in names
                          if n.split(".")[0] in ("assets", "pipelines")]
    assert offenders == []


def test_one_status_vocabulary():
    from targetwatch import vocab

    assert vocab.STATUS_CODES == ("achieved", "achieved_late", "missed", "deadline_unpublished", "on_track", "at_risk",
                                  "off_track", "regressing", "no_data", "qualitative")
    assert [s.zh for s in vocab.STATUSES] == ["已实现", "逾期实现", "未实现", "截止年数据未公布", "进度符合预期",
                                              "需加快进度", "进展缓慢", "出现倒退", "无数据", "定性目标"]


def _imports(path):
    """(module, name) of every `from module import name` in a file, lazy ones (inside functions) included."""
    out = []
    for node in _import_nodes(path):
        if isinstance(node, ast.ImportFrom) and node.module:
            out += [(node.module, a.name) for a in node.names]
    return out


def test_no_module_reaches_into_another_modules_private_names():
    offenders = [f"{p.relative_to(PROJECT_DIR)}: {m}.{n}"
                 for folder in ("targetwatch", "assets", "pipelines")
                 for p in (PROJECT_DIR / folder).rglob("*.py")
                 for m, n in _imports(p) if n.startswith("_") and not n.startswith("__")]
    assert offenders == []




def test_no_source_module_is_over_700_lines():
    sizes = {p.relative_to(PROJECT_DIR).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for folder in FLOORS for p in (PROJECT_DIR / folder).rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 700} == {}


FLOORS = ("targetwatch", "assets", "pipelines")  # from the core up: a module imports only its own floor or below
# Known exceptions, each owned by a branch of this round's work; delete the entry when it is fixed.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def _module_graph(root: Path = PROJECT_DIR) -> dict[str, set[str]]:
    """module -> the project modules it imports (at module level or lazily), by dotted name."""
    files = {}
    for folder in FLOORS:
        for path in (root / folder).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path

    def resolve(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found = set()
        for node in _import_nodes(path):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, one level up per extra dot
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                found |= {f"{base}.{a.name}" for a in node.names} | {base}
        graph[module] = {r for name in found if (r := resolve(name)) and r != module}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[tuple[str, ...]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(tuple(sorted(component)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_imports_never_run_back_up_a_floor():
    floor = {name: i for i, name in enumerate(FLOORS)}
    upward = {(m, t) for m, targets in _module_graph().items() for t in targets
              if floor[t.split(".")[0]] > floor[m.split(".")[0]]}
    assert upward - set(KNOWN_UPWARD) == set()


def test_the_core_never_imports_dagster_or_the_shell_even_lazily():
    offenders = []
    for path in (PROJECT_DIR / "targetwatch").rglob("*.py"):
        for node in _import_nodes(path):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("dagster", "dagster_duckdb")]
    assert offenders == []


def test_no_import_circles():
    assert _cycles(_module_graph()) == []


def test_the_graph_sees_lazy_and_relative_imports(tmp_path):
    (tmp_path / "targetwatch" / "sub").mkdir(parents=True)
    (tmp_path / "targetwatch" / "sub" / "__init__.py").write_text("from .a import x\n")
    (tmp_path / "targetwatch" / "sub" / "a.py").write_text("def f():\n    import pipelines.run\nx = 1\n")
    (tmp_path / "targetwatch" / "b.py").write_text("from targetwatch.sub import a\nfrom . import sub\n")
    (tmp_path / "pipelines").mkdir()
    (tmp_path / "pipelines" / "run.py").write_text("")
    assert _module_graph(tmp_path) == {"targetwatch.sub": {"targetwatch.sub.a"},
                                       "targetwatch.sub.a": {"pipelines.run"},  # imported inside a function
                                       "targetwatch.b": {"targetwatch.sub", "targetwatch.sub.a"},
                                       "pipelines.run": set()}
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [("a", "b", "c")]
