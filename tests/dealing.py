"""pytest-xdist's `--dist loadscope`, with the modules that validate with Great Expectations dealt to one worker.

`import great_expectations` costs a worker 3-4 s of CPU beyond the pandas and Dagster it already has (docs/testing.md,
session 13), and every module below validates with it. The first worker dealt a module imports it anyway: in the
default set that module needs the shared published refresh, which the first worker to ask builds, and the refresh
validates. So these modules go to that worker; another worker takes one only when nothing else is left to deal, so
no worker waits idle for it (then it pays the import, as every worker did before)."""

from __future__ import annotations

from collections.abc import Iterable

from xdist.scheduler import LoadScopeScheduling

# The default set's modules whose tests validate with GE (`targetwatch.quality.suites`: a Dagster job or `materialize`
# with the two checks, `validate_frame`, or the quality tests' SYNTHETIC warehouse, built once per worker with the real
# suites); found by runs that recorded, per worker and per module alone, each test that imported GE or asked it for a
# context (docs/testing.md, session 13). A module missing here is still right, only dealt like any other (the slow
# set's are dealt first, by their length, when they run).
VALIDATING_FOLDERS = ("tests/targetwatch/quality/",)
VALIDATING_MODULES = frozenset({
    "tests/assets/test_holds.py",
    "tests/assets/test_publication.py",
    "tests/assets/test_stages.py",
    "tests/targetwatch/test_data_call.py",
    "tests/targetwatch/test_lineage.py",
})


def validates(module: str, modules: frozenset[str] | None = None) -> bool:
    """Whether a test module validates with GE (`VALIDATING_MODULES` unless given, or one in `VALIDATING_FOLDERS`)."""
    return module in (VALIDATING_MODULES if modules is None else modules) or module.startswith(VALIDATING_FOLDERS)


def module_of(scope: str) -> str:
    """The test module of a loadscope work unit (`path.py` or `path.py::Class`)."""
    return scope.split("::", 1)[0]


def next_scope(queue: Iterable[str], validator: bool, modules: frozenset[str] | None = None) -> str:
    """The work unit to deal next: the first in the queue, except that a worker other than the validating one skips
    the validating modules (`validates`) while anything else is left."""
    scopes = list(queue)
    if not validator:
        for scope in scopes:
            if not validates(module_of(scope), modules):
                return scope
    return scopes[0]


class OneWorkerValidates(LoadScopeScheduling):
    """`--dist loadscope` (each module whole on one worker), the validating modules on the first worker dealt."""

    def __init__(self, config, log=None) -> None:
        super().__init__(config, log)
        self.validator = None  # the first worker dealt a module

    def remove_node(self, node):
        """A worker that ended (or crashed: xdist may start another) no longer validates; the next one dealt does."""
        if node is self.validator:
            self.validator = None
        return super().remove_node(node)

    def _assign_work_unit(self, node) -> None:
        """As LoadScopeScheduling's, with the work unit chosen by `next_scope`."""
        assert self.workqueue
        if self.validator is None:
            self.validator = node
        scope = next_scope(self.workqueue, validator=node is self.validator)
        work_unit = self.workqueue.pop(scope)
        self.assigned_work.setdefault(node, {})[scope] = work_unit
        collection = self.registered_collections[node]
        node.send_runtest_some([collection.index(nodeid) for nodeid, done in work_unit.items() if not done])
