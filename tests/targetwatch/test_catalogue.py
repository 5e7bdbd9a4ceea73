"""targets.yaml: the real catalogue validates, and each kind of mistake is reported with its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from targetwatch.catalogue import CatalogueError, load_catalogue
from targetwatch.config import PROJECT_DIR

HEADLINE = ["gansu-2015-maker-spaces", "gansu-2015-jobs-per-year", "shanxi-2017-high-tech-enterprises",
            "shanxi-2017-rd-intensity"]


def test_real_catalogue_has_the_headline_targets(catalogue):
    ids = {t.id for t in catalogue.targets}
    assert set(HEADLINE) <= ids
    assert catalogue.target("gansu-2015-jobs-per-year").value == 450000
    assert catalogue.target("gansu-2015-jobs-per-year").per_year is True
    assert catalogue.target("shanxi-2017-rd-intensity").reference_jurisdiction == "national"


def test_every_quote_is_verbatim_and_traditional_stays_traditional(catalogue, documents):
    for t in catalogue.targets:
        for s in t.sources:
            assert s.quote in documents[s.document].text
    xining = [s.quote for t in catalogue.targets for s in t.sources if s.document == "xining-2018"]
    assert all("众创空间" not in q for q in xining)  # the simplified form never appears in a Xining quote


GOOD_ENTRY = """\
  - id: gansu-2015-maker-spaces
    jurisdiction: gansu
    indicator: maker_spaces
    name_zh: 众创空间达到300个
    name_en: 300 maker spaces
    kind: outcome
    comparator: {comparator}
    value: 300
    deadline: 2020
    sources:
      - document: gansu-2015
        clause: 一、（三）主要目标
        quote: {quote}
"""


def _write(tmp_path: Path, entries: list[str], tail: str = "") -> Path:
    head = (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8").split("\ntargets:")[0]
    path = tmp_path / "targets.yaml"
    path.write_text(head + "\ntargets:\n" + "".join(entries) + tail, encoding="utf-8")
    return path


def _problems(path: Path, documents) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path, documents)
    return str(info.value).splitlines()


def _line_of(path: Path, needle: str, nth: int = 1) -> int:
    hits = [i + 1 for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()) if needle in line]
    return hits[nth - 1]


def test_wrong_quote_names_its_line(tmp_path, documents):
    path = _write(tmp_path, [GOOD_ENTRY.format(comparator="at_least", quote="形成3000个众创空间。")])
    (problem,) = _problems(path, documents)
    assert problem.startswith(f"targets.yaml:{_line_of(path, 'quote: 形成3000')}: gansu-2015-maker-spaces: quote:")
    assert "not found verbatim in gansu-2015.txt" in problem


def test_duplicate_id_names_the_second_entry(tmp_path, documents):
    quote = "形成300个市场化、集成化、专业化、网络化、开放式的众创空间。"
    entry = GOOD_ENTRY.format(comparator="at_least", quote=quote)
    path = _write(tmp_path, [entry, entry])
    (problem,) = _problems(path, documents)
    line = _line_of(path, "- id: gansu-2015-maker-spaces", nth=2)
    assert problem == f"targets.yaml:{line}: gansu-2015-maker-spaces: duplicate id (each id must be unique)"


def test_unknown_comparator_names_its_line(tmp_path, documents):
    path = _write(tmp_path, [GOOD_ENTRY.format(comparator="more_or_less", quote="形成300个")])
    (problem,) = _problems(path, documents)
    assert problem.startswith(f"targets.yaml:{_line_of(path, 'comparator: more_or_less')}: gansu-2015-maker-spaces:")
    assert "comparator" in problem and "at_least" in problem


def test_missing_quote_and_wrong_type(tmp_path, documents):
    entry = GOOD_ENTRY.format(comparator="at_least", quote="x").replace("        quote: x\n", "")
    entry = entry.replace("deadline: 2020", "deadline: soon")
    path = _write(tmp_path, [entry])
    problems = _problems(path, documents)
    assert any(re.match(rf"targets.yaml:{_line_of(path, 'deadline: soon')}: .*deadline", p) for p in problems)
    assert any("sources.0.quote: Field required" in p for p in problems)


def test_yaml_syntax_error_names_its_line(tmp_path, documents):
    path = _write(tmp_path, [GOOD_ENTRY.format(comparator="at_least", quote="形成300个")], tail="  - id: [unclosed\n")
    (problem,) = _problems(path, documents)
    assert problem.startswith("targets.yaml:") and "YAML syntax error" in problem
    assert int(problem.split(":")[1]) >= _line_of(path, "[unclosed")


def test_comparator_specific_fields_are_required(tmp_path, documents):
    entry = GOOD_ENTRY.format(comparator="range", quote="形成300个")
    (problem,) = _problems(_write(tmp_path, [entry]), documents)
    assert "range needs value (low) and value_high" in problem


def test_monotone_declarations_say_which_can_fall(catalogue):
    # issue 14: an indicator that cannot fall is declared, with the reason; a stock of recognitions can fall
    declared = {i.code: i.monotone for i in catalogue.indicators if i.monotone}
    assert declared["entrepreneurs_via_maker_spaces"] == "non_decreasing"  # a cumulative count
    assert declared["high_tech_enterprises"] == "may_fall"  # recognitions lapse after three years
    assert declared["tech_smes"] == "may_fall"  # registration is renewed yearly
    assert all(i.monotone_reason for i in catalogue.indicators if i.monotone)
    # only cumulative totals are declared non-decreasing
    assert {c for c, m in declared.items() if m == "non_decreasing"} == {
        "incubation_base_jobs", "entrepreneurs_via_maker_spaces", "ljtu_park_transfer_projects",
        "maker_space_incubated_enterprises"}


def test_a_monotone_declaration_without_its_reason_names_its_line(tmp_path, documents):
    path = _write(tmp_path, [GOOD_ENTRY.format(comparator="at_least", quote="形成300个")])
    text = path.read_text(encoding="utf-8").replace(
        "  - code: maker_spaces\n", "  - code: maker_spaces\n    monotone: non_decreasing\n", 1)
    text = text.replace('    monotone_reason: "spaces close, and recorded spaces are struck off after evaluation"\n',
                        "", 1).replace("    monotone: may_fall\n", "", 1)
    path.write_text(text, encoding="utf-8")
    (problem,) = _problems(path, documents)
    assert problem.startswith(f"targets.yaml:{_line_of(path, '- code: maker_spaces')}: maker_spaces:")
    assert "monotone: non_decreasing needs monotone_reason" in problem


def _composed_lines(node, path=()):
    """The reference: every path's line from yaml.compose (the value's start line, as errors report it)."""
    yield path, node.start_mark.line + 1
    if node.id == "mapping":
        for key, value in node.value:
            yield from _composed_lines(value, (*path, key.value))
    elif node.id == "sequence":
        for i, item in enumerate(node.value):
            yield from _composed_lines(item, (*path, i))


def test_one_parse_gives_every_line_that_compose_gives():
    import yaml

    from targetwatch.catalogue_yaml import _parse

    text = (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8")
    raw, lines = _parse(text)
    assert raw == yaml.safe_load(text)
    expected = dict(_composed_lines(yaml.compose(text, Loader=yaml.SafeLoader)))
    assert len(expected) > 3000
    assert {path: lines.line(path) for path in expected} == expected
    # a path that does not exist falls back to its longest existing prefix
    assert lines.line(("targets", 0, "no_such_key")) == expected[("targets", 0)]
    assert lines.line(("targets", 10**6)) == expected[("targets",)]


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        ("a: 1\nb:\n  - x\n  - y\n", ("b", 1), 4),
        ("a: 1\nb:\n  - x\n  - y\n", ("b",), 3),  # a block value starts below its key
        ("a: 1\na: 2\nc: 3\n", ("a",), 2),  # a repeated key: the last one, as in the data
        ("a: 1\na: 2\nc: 3\n", ("c",), 3),
        ("# comment\n\nk: {x: 1, y: [1, 2]}\n", ("k", "y", 1), 3),
        ("", ("targets",), 1),
    ],
)
def test_lines_of_small_documents(text, path, line):
    from targetwatch.catalogue_yaml import _parse

    assert _parse(text)[1].line(path) == line


@pytest.mark.parametrize(
    "text",
    [
        "a: &x {k: 1}\nb: *x\nc: [1, 2.5, true, null, 2020-01-01, '3', ~]\n",  # anchors, aliases, implicit types
        "base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n",  # a merge key: left to the safe loader
        "s: !!set {a, b}\nn: !!str 12\n",  # tags
        "---\n- 1\n- [2, {x: y}]\n...\n",
        "# only a comment\n",
        "k: v\nk: w\n",
        # the same short text quoted and not, and a repeated one (constructed once per spelling and quoting)
        "a: [12, '12', \"12\", 12, 1.5, '1.5', yes, 'yes', 2020-01-01, '2020-01-01', null, 'null', 12]\n",
        "k: [" + ", ".join(["x" * 48, "y" * 49, "'" + "1" * 49 + "'", "1" * 49]) + "]\n",  # around the length cut
    ],
)
def test_one_parse_gives_what_safe_load_gives(text):
    import yaml

    from targetwatch.catalogue_yaml import _parse

    def typed(x):
        if isinstance(x, dict):
            return {k: typed(v) for k, v in x.items()}
        if isinstance(x, list | set):
            return [typed(v) for v in x]
        return (type(x).__name__, x)

    assert typed(_parse(text)[0]) == typed(yaml.safe_load(text))


def test_merge_keys_still_have_lines():
    from targetwatch.catalogue_yaml import _parse

    _, lines = _parse("base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n")
    assert lines.line(("item", "y")) == 4 and lines.line(("item",)) == 3


def test_the_parse_cache_gives_the_same_catalogue_and_skips_the_parse(tmp_path, documents, monkeypatch):
    """An unchanged targets.yaml is parsed once: the second load reads the parse cache, not the YAML."""
    from targetwatch import catalogue_cache, catalogue_yaml

    cache = tmp_path / "cache"
    fresh = load_catalogue(PROJECT_DIR / "targets.yaml", documents)
    first = load_catalogue(PROJECT_DIR / "targets.yaml", documents, cache=cache)
    (entry,) = (cache / catalogue_cache.CACHE_SUBDIR).iterdir()
    monkeypatch.setattr(catalogue_yaml, "_parse", lambda text: pytest.fail("parsed again"))
    monkeypatch.setattr(catalogue_yaml.catalogue_plain, "parse_plain", lambda text: pytest.fail("read again"))
    cached = load_catalogue(PROJECT_DIR / "targets.yaml", documents, cache=cache)
    assert first == fresh and cached == fresh
    assert cached.model_dump() == fresh.model_dump() and [e.name for e in entry.parent.iterdir()] == [entry.name]


def test_a_changed_or_damaged_cache_entry_is_parsed_again(tmp_path, documents):
    from targetwatch import catalogue_cache

    cache = tmp_path / "cache"
    quote = "形成300个市场化、集成化、专业化、网络化、开放式的众创空间。"
    path = _write(tmp_path, [GOOD_ENTRY.format(comparator="at_least", quote=quote)])
    assert load_catalogue(path, documents, cache=cache).target("gansu-2015-maker-spaces").value == 300
    path.write_text(path.read_text(encoding="utf-8").replace("value: 300", "value: 301"), encoding="utf-8")
    assert load_catalogue(path, documents, cache=cache).target("gansu-2015-maker-spaces").value == 301
    (entry,) = (cache / catalogue_cache.CACHE_SUBDIR).iterdir()  # the old text's entry is gone
    entry.write_bytes(b"not a pickle")
    assert load_catalogue(path, documents, cache=cache).target("gansu-2015-maker-spaces").value == 301


@pytest.mark.parametrize(("comparator", "quote"), [("at_least", "形成3000个众创空间。"), ("more_or_less", "形成300个")])
def test_a_cached_parse_reports_problems_at_the_same_lines(tmp_path, documents, comparator, quote):
    """Lines are only needed for a problem (a quote not in its document; a schema error): a cached load parses the
    text again then, so its messages are the fresh parse's."""
    path = _write(tmp_path, [GOOD_ENTRY.format(comparator=comparator, quote=quote)])
    fresh = _problems(path, documents)
    for _ in range(2):  # parsed and cached, then from the cache
        with pytest.raises(CatalogueError) as info:
            load_catalogue(path, documents, cache=tmp_path / "cache")
        assert str(info.value).splitlines() == fresh and fresh[0].startswith("targets.yaml:")
        assert fresh[0].split(":")[1] != "1"


def test_the_parse_cache_key_covers_every_module_that_makes_the_data():
    """The cached data is made by catalogue_yaml.read alone: its key hashes that module and every targetwatch module
    it or they import (but the collector, which pauses garbage collection and makes nothing), and not catalogue.py,
    whose models and checks run on every load, cached or not."""
    import ast

    from targetwatch import catalogue_cache

    here = Path(catalogue_cache.__file__).parent
    imported = set()
    for name in catalogue_cache.PARSER_MODULES:
        for node in ast.walk(ast.parse((here / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("targetwatch"):
                mods = [node.module] if node.module != "targetwatch" else [f"targetwatch.{a.name}" for a in node.names]
                imported |= {m.split(".", 1)[1] + ".py" for m in mods}
    assert imported - {"collector.py"} <= set(catalogue_cache.PARSER_MODULES)
    assert "catalogue.py" not in catalogue_cache.PARSER_MODULES
    assert all((here / name).is_file() for name in catalogue_cache.PARSER_MODULES)


def test_a_cached_parse_survives_a_change_to_the_models_but_not_to_the_parser(tmp_path, documents, monkeypatch):
    from targetwatch import catalogue_cache, catalogue_yaml

    cache = tmp_path / "cache"
    load_catalogue(PROJECT_DIR / "targets.yaml", documents, cache=cache)
    (entry,) = (cache / catalogue_cache.CACHE_SUBDIR).iterdir()
    monkeypatch.setattr(catalogue_yaml, "_parse", lambda text: pytest.fail("parsed again"))
    assert catalogue_cache.entry(cache, (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8")) == entry
    real = Path.read_bytes

    def parser_changed(path):  # catalogue_yaml.py as if edited: a new key, so the next load parses
        data = real(path)
        return data + b"\n# changed" if path.name == "catalogue_yaml.py" else data

    catalogue_cache._code_version.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", parser_changed)
    try:
        assert catalogue_cache.entry(cache, "x").name.split("-")[1] != entry.name.split("-")[1]
    finally:
        monkeypatch.setattr(Path, "read_bytes", real)
        catalogue_cache._code_version.cache_clear()


def test_a_cache_write_that_fails_leaves_nothing_behind(tmp_path, monkeypatch):
    """A disk that fills during the write: no entry, and no part of one in the cache folder (the aside file is not
    a `*.pickle`, so no later write would remove it)."""
    import errno

    from targetwatch import catalogue_cache

    def half(self: Path, data: bytes) -> int:
        with open(self, "wb") as f:
            f.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    entry = catalogue_cache.entry(tmp_path, "a: 1\n")
    monkeypatch.setattr(Path, "write_bytes", half)
    catalogue_cache.put_pickled(entry, b"x" * 1000)  # never fails the load
    assert list(entry.parent.iterdir()) == []


def test_a_cold_load_with_the_parse_cache_hashes_the_text_once(tmp_path, documents, monkeypatch):
    """The parse cache's key is the text's sha256: a load that misses and then keeps the parse makes it once (get and
    put both took it before: 0.11 CPU s each for the national catalogue), and the kept entry is at that key."""
    from targetwatch import catalogue_cache

    text = (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8").encode("utf-8")
    catalogue_cache._code_version()  # its own digests made before counting
    real = catalogue_cache.hashlib.sha256
    hashed: list[int] = []

    def counting(data=b"", *args, **kwargs):
        if data == text:
            hashed.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(catalogue_cache.hashlib, "sha256", counting)
    cache = tmp_path / "cache"
    load_catalogue(PROJECT_DIR / "targets.yaml", documents, cache=cache)
    assert hashed == [len(text)]
    (kept,) = (cache / catalogue_cache.CACHE_SUBDIR).iterdir()
    assert kept.name.startswith(real(text).hexdigest() + "-")


def test_a_parse_kept_later_is_written_only_by_its_call_and_then_read_back(tmp_path, documents, monkeypatch):
    """`later` (the refresh CLI's check): a fresh parse is not kept until the appended call runs; then the next load
    with the cache reads it instead of parsing again."""
    from targetwatch import catalogue_cache, catalogue_yaml

    cache, keep = tmp_path / "out" / "cache", []
    checked = load_catalogue(PROJECT_DIR / "targets.yaml", documents, cache=cache, later=keep)
    assert len(keep) == 1 and not (tmp_path / "out").exists()  # nothing written yet, not even the folder
    keep[0]()
    (entry,) = (cache / catalogue_cache.CACHE_SUBDIR).iterdir()
    text = (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8")
    assert entry == catalogue_cache.entry(cache, text)
    monkeypatch.setattr(catalogue_yaml, "_parse", lambda text: pytest.fail("parsed again"))
    monkeypatch.setattr(catalogue_yaml.catalogue_plain, "parse_plain", lambda text: pytest.fail("read again"))
    again = []
    assert load_catalogue(PROJECT_DIR / "targets.yaml", documents, cache=cache, later=again) == checked
    assert again == []  # read from the cache: nothing to keep


def test_an_invalid_catalogue_checked_with_later_writes_nothing(tmp_path, documents):
    keep = []
    path = _write(tmp_path, [GOOD_ENTRY.format(comparator="at_least", quote="形成3000个众创空间。")])
    with pytest.raises(CatalogueError):
        load_catalogue(path, documents, cache=tmp_path / "out" / "cache", later=keep)
    assert not (tmp_path / "out").exists()  # the CLI raises before it would call `keep`
