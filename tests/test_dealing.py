"""tests/dealing.py: the modules that validate with Great Expectations go to one worker, and no worker waits idle for
them. Fake xdist nodes, no worker started."""

from __future__ import annotations

from types import SimpleNamespace

from tests.dealing import OneWorkerValidates, next_scope

GE = frozenset({"t/test_ge_a.py", "t/test_ge_b.py"})


def test_next_scope_skips_validating_modules_for_another_worker_while_others_are_left():
    queue = ["t/test_ge_a.py", "t/test_ge_b.py::Class", "tests/targetwatch/quality/test_x.py", "t/test_plain.py"]
    assert next_scope(queue, validator=True, modules=GE) == "t/test_ge_a.py"
    assert next_scope(queue, validator=False, modules=GE) == "t/test_plain.py"  # the quality folder validates too
    assert next_scope(queue[:3], validator=False, modules=GE) == "t/test_ge_a.py"  # nothing else left: no idling


class _Node:
    def __init__(self, name: str, scheduler: OneWorkerValidates, collection: list[str]) -> None:
        self.name, self.scheduler, self.collection, self.shutting_down, self.received = name, scheduler, collection, \
            False, []
        self.gateway = SimpleNamespace(id=name)

    def send_runtest_some(self, indexes: list[int]) -> None:
        self.received.append([self.collection[i] for i in indexes])

    def shutdown(self) -> None:
        self.shutting_down = True

    def finish(self) -> None:
        """Complete every test sent before this call (the scheduler may send more meanwhile)."""
        for batch in list(self.received):
            for nodeid in batch:
                index = self.collection.index(nodeid)
                if not self.scheduler.assigned_work[self][nodeid.rsplit("::", 1)[0]][nodeid]:
                    self.scheduler.mark_test_complete(self, index)


def _scheduler(modules: list[str]) -> tuple[OneWorkerValidates, tuple[_Node, _Node]]:
    """A scheduler for two fake workers that collected three tests in each module."""
    collection = [f"{m}::test_{i}" for m in modules for i in range(3)]
    config = SimpleNamespace(getvalue=lambda name: ["2*popen"], option=SimpleNamespace(loadscopereorder=False))
    scheduler = OneWorkerValidates(config)
    nodes = _Node("gw0", scheduler, collection), _Node("gw1", scheduler, collection)
    for node in nodes:
        scheduler.add_node(node)
        scheduler.add_node_collection(node, collection)
    return scheduler, nodes


def test_the_first_worker_dealt_gets_the_validating_modules_the_other_the_rest(monkeypatch):
    monkeypatch.setattr("tests.dealing.VALIDATING_MODULES", frozenset({"tests/assets/test_stages.py",
                                                                       "tests/assets/test_holds.py"}))
    modules = ["tests/e2e/test_browser.py", "tests/targetwatch/test_assessment.py", "tests/assets/test_stages.py",
               "tests/targetwatch/test_site.py", "tests/assets/test_holds.py", "tests/targetwatch/test_lineage.py"]
    scheduler, (first, second) = _scheduler(modules)
    scheduler.schedule()
    while scheduler.workqueue:  # each worker ends one module in turn, the second first
        second.finish()
        first.finish()
    first.finish()
    second.finish()
    dealt = {node.name: [batch[0].split("::")[0] for batch in node.received] for node in (first, second)}
    assert sorted(dealt["gw0"] + dealt["gw1"]) == sorted(modules)  # every module dealt once, each whole
    # the first worker dealt (it builds the shared refresh) takes the validating modules, the other everything else
    assert dealt["gw0"] == ["tests/e2e/test_browser.py", "tests/assets/test_stages.py", "tests/assets/test_holds.py"]
    assert dealt["gw1"] == ["tests/targetwatch/test_assessment.py", "tests/targetwatch/test_site.py",
                            "tests/targetwatch/test_lineage.py"]


def test_a_validating_module_goes_to_the_other_worker_when_nothing_else_is_left(monkeypatch):
    monkeypatch.setattr("tests.dealing.VALIDATING_MODULES", frozenset({"tests/assets/test_holds.py"}))
    modules = ["tests/e2e/test_browser.py", "tests/targetwatch/test_assessment.py", "tests/assets/test_holds.py"]
    scheduler, (_, second) = _scheduler(modules)
    scheduler.schedule()
    second.finish()  # the first worker is still in its long module: the second does not wait for it
    assert [batch[0].split("::")[0] for batch in second.received] == ["tests/targetwatch/test_assessment.py",
                                                                       "tests/assets/test_holds.py"]
