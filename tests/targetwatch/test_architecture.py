"""The functional core never imports Dagster; only assets/ and pipelines/ wire it."""

from __future__ import annotations

import ast

from targetwatch.config import PROJECT_DIR


def test_core_does_not_import_dagster():
    offenders = []
    for path in (PROJECT_DIR / "targetwatch").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
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
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
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

    assert vocab.STATUS_CODES == ("achieved", "achieved_late", "missed", "on_track", "at_risk", "off_track",
                                  "regressing", "no_data", "qualitative")
    assert [s.zh for s in vocab.STATUSES] == ["已实现", "逾期实现", "未实现", "进度符合预期", "需加快进度", "进展缓慢",
                                              "出现倒退", "无数据", "定性目标"]


def _imports(path):
    """(module, name) of every `from module import name` in a file, lazy ones (inside functions) included."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out += [(node.module, a.name) for a in node.names]
    return out


def test_no_module_reaches_into_another_modules_private_names():
    offenders = [f"{p.relative_to(PROJECT_DIR)}: {m}.{n}"
                 for folder in ("targetwatch", "assets", "pipelines")
                 for p in (PROJECT_DIR / folder).rglob("*.py")
                 for m, n in _imports(p) if n.startswith("_") and not n.startswith("__")]
    assert offenders == []


def test_render_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in (PROJECT_DIR / "targetwatch" / "render").glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 700} == {}
