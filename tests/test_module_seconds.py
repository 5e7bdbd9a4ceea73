"""tests/module_seconds.py: the seconds the xdist workers deal modules by, the local cache's or the committed
default's (tests/module_seconds.json), and the conftest hook that hands them to each worker. No worker started."""

from __future__ import annotations

import json
from types import SimpleNamespace

from tests import conftest, module_seconds
from tests.module_seconds import choose, read_default, write_default


def test_a_missing_default_file_gives_no_seconds(tmp_path):
    assert read_default(tmp_path / "none.json") == {}


def test_the_default_is_written_sorted_rounded_one_module_a_line_and_read_back(tmp_path):
    path = tmp_path / "seconds.json"
    write_default({"tests/b/test_y.py": 2.345, "tests/a/test_x.py": 10.0, "tests/test_z.py": 0.004}, path)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "{", '"tests/a/test_x.py": 10.0,', '"tests/b/test_y.py": 2.35,', '"tests/test_z.py": 0.0', "}"]
    assert read_default(path) == {"tests/a/test_x.py": 10.0, "tests/b/test_y.py": 2.35, "tests/test_z.py": 0.0}


def test_the_local_cache_wins_whole_when_it_has_any_seconds():
    default = {"tests/test_a.py": 5.0, "tests/test_b.py": 1.0}
    assert choose({"tests/test_b.py": 9.0}, default) == {"tests/test_b.py": 9.0}  # not merged with the default
    assert choose({}, default) == default  # a cache without seconds (a fresh clone)
    assert choose(None, default) == default  # no cache at all (`-p no:cacheprovider`)


def _node(cache):
    return SimpleNamespace(config=SimpleNamespace(cache=cache), workerinput={})


class _Cache:
    def __init__(self, values: dict) -> None:
        self.values = values

    def get(self, key, default):
        return self.values.get(key, default)


def test_each_worker_is_handed_the_committed_default_where_the_cache_has_none(tmp_path, monkeypatch):
    default = tmp_path / "module_seconds.json"
    default.write_text(json.dumps({"tests/test_a.py": 3.5}), encoding="utf-8")
    monkeypatch.setattr(module_seconds, "DEFAULT_FILE", default)
    for cache in (None, _Cache({})):
        node = _node(cache)
        conftest.pytest_configure_node(node)
        assert node.workerinput[conftest.MODULE_SECONDS] == {"tests/test_a.py": 3.5}
    node = _node(_Cache({conftest.MODULE_SECONDS: {"tests/test_b.py": 1.25}}))
    conftest.pytest_configure_node(node)
    assert node.workerinput[conftest.MODULE_SECONDS] == {"tests/test_b.py": 1.25}


def test_the_committed_default_names_test_modules_with_seconds():
    seconds = read_default()
    assert seconds, "tests/module_seconds.json is missing or empty: `uv run pytest --store-module-seconds`"
    assert all(name.startswith("tests/") and name.endswith(".py") for name in seconds)
    assert all(isinstance(value, int | float) and value >= 0 for value in seconds.values())
