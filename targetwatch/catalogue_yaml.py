"""targets.yaml read into Python data (what `yaml.safe_load` gives) with the line of every value: everything the
catalogue's parse cache keeps, and so everything its key covers (targetwatch.catalogue_cache).

The data of a text depends only on this module, catalogue_plain, catalogue_cache, PyYAML and libyaml, never on the
catalogue's models, validation, cross-checks or tables (targetwatch.catalogue), which run on the data of every load,
cached or not. So the cache's key is the text's sha256 with these modules' code and the two libraries' versions: a
change to catalogue.py keeps a national catalogue's parse, and a change to anything that makes the data gives a
new key, so a cached parse is never older than the code that would make it.

`read` is the one way in: the parse cache, else the plain block layout (catalogue_plain: safe_dump's layout a line
at a time, with no lines kept), else libyaml's events (`_parse`, with lines). Lines are needed only to report a
problem; data read without them gets them from `_parse` then (catalogue_cache.Reparsed).
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Hashable
from pathlib import Path

import yaml

from targetwatch import catalogue_cache, catalogue_plain, collector

# libyaml's safe loader when PyYAML was built with it: same results and line marks, ten times faster than the
# pure-Python parser (the catalogue is read by several steps of every refresh).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Lines:
    """Line numbers of the parsed YAML by path (`("targets", 5, "sources", 0, "quote")`), so validation errors point
    at the offending line. They come from the one parse (`_parse`): for every mapping and sequence it built, the
    line of each value (a key's value starts on the key's line unless it is a block below it) and of each item.
    A path is resolved only when a problem is reported: nothing is walked for a valid catalogue."""

    def __init__(self, raw: object, marks: dict[int, tuple[int, object]]):
        self.raw = raw  # keeps every container alive, so the ids in `marks` stay theirs
        self.marks = marks

    def line(self, path: tuple) -> int:
        """The line of the longest prefix of `path` that exists (1 for the file itself)."""
        obj, found = self.raw, self.marks.get(id(self.raw), (1, None))[0]
        for step in path:
            mark = self.marks.get(id(obj))
            if mark is None:
                break
            _, lines = mark
            if isinstance(obj, dict):
                if step not in obj:
                    break
                found = lines[step] if isinstance(lines, dict) else lines[list(obj).index(step)]
            elif isinstance(obj, list) and isinstance(step, int) and 0 <= step < len(obj):
                found = lines[step]
            else:
                break
            obj = obj[step]
        return found


class _Frame:
    """A mapping or sequence being built: the container, its start line, the line of each value or item so far,
    and (in a mapping) the key waiting for its value; `keys` once a key was given twice."""

    __slots__ = ("container", "key", "keys", "lines", "start")

    def __init__(self, container: dict | list, start: int):
        self.container, self.start, self.lines = container, start, array("L")
        self.key: object = _NO_KEY
        self.keys: list | None = None

    def add(self, value: object, line: int) -> None:
        if isinstance(self.container, list):
            self.container.append(value)
            self.lines.append(line)
            return
        key, self.key = self.key, _NO_KEY
        if key in self.container:  # a key given twice: the last one wins, in the data and in the lines
            self.keys = self.keys or list(self.container)
            self.lines[self.keys.index(key)] = line
        else:
            if self.keys is not None:
                self.keys.append(key)
            self.lines.append(line)
        self.container[key] = value

    def marks(self) -> tuple[int, object]:
        return self.start, (self.lines if self.keys is None else dict(zip(self.keys, self.lines, strict=True)))


_NO_KEY = object()
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Unusual(Exception):
    """A merge key (`<<`) or a tagged collection: left to the safe loader's own constructor."""


def _scalar(loader: yaml.BaseLoader, event: yaml.ScalarEvent) -> object:
    """A scalar as the safe loader constructs it (resolved implicitly when untagged: int, float, bool, null, date)."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value
    if tag == _MERGE:
        raise _Unusual
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    construct = loader.yaml_constructors.get(tag)
    return construct(loader, node) if construct is not None else loader.construct_undefined(node)


# An untagged scalar's value depends only on its text and on whether it was quoted (`implicit`), and every value the
# safe loader constructs from a scalar is immutable: the short ones (keys, codes, numbers, dates; most of a national
# catalogue's 4 M scalars) are resolved and constructed once per distinct spelling.
_SHORT = 48


def _build(loader: yaml.BaseLoader) -> tuple[object, dict[int, tuple[int, object]]]:
    """One document built straight from the parser's events, with no node tree (which costs gigabytes at national
    scale): the data the safe loader gives, and per container its start line and the line of each value or item.
    Raises _Unusual for a merge key or a tagged collection."""
    marks: dict[int, tuple[int, object]] = {}
    anchors: dict[str, object] = {}
    stack: list[_Frame] = []
    known: dict[tuple[str, tuple], object] = {}  # (text, implicit) -> value, for short untagged scalars
    get_event, scalar_event, alias_event = loader.get_event, yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start, document_end = yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.DocumentEndEvent
    parent: _Frame | None = None
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            text, line = event.value, event.start_mark.line + 1
            if event.tag is None and len(text) <= _SHORT:
                key = (text, event.implicit)
                value = known.get(key, _NO_KEY)
                if value is _NO_KEY:
                    value = known[key] = _scalar(loader, event)
            else:
                value = _scalar(loader, event)
            if event.anchor is not None:
                anchors[event.anchor] = value
        elif kind is mapping_start or kind is sequence_start:
            if event.tag is not None and not event.implicit:
                raise _Unusual
            container: dict | list = {} if kind is mapping_start else []
            if event.anchor is not None:
                anchors[event.anchor] = container
            parent = _Frame(container, event.start_mark.line + 1)
            stack.append(parent)
            continue
        elif isinstance(event, _END):
            frame = stack.pop()
            parent = stack[-1] if stack else None
            value, line = frame.container, frame.start
            marks[id(value)] = frame.marks()
        elif kind is alias_event:
            if event.anchor not in anchors:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                                  event.start_mark)
            value, line = anchors[event.anchor], event.start_mark.line + 1
        elif kind is document_end:
            return None, marks
        else:  # the document's start
            continue
        if parent is None:
            loader.get_event()  # the document's end
            return value, marks
        container = parent.container
        if type(container) is list:
            container.append(value)
            parent.lines.append(line)
        elif parent.key is _NO_KEY:
            if not isinstance(value, Hashable):
                raise yaml.constructor.ConstructorError("while constructing a mapping", None, "found unhashable key",
                                                        event.start_mark)
            parent.key = value
        else:
            parent.add(value, line)


def _node_marks(node: yaml.Node, data: object, marks: dict[int, tuple[int, object]]) -> None:
    """The same marks from a composed node tree (the rare document `_build` leaves to the safe loader)."""
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        lines = {k.value: v.start_mark.line + 1 for k, v in node.value}
        marks[id(data)] = (node.start_mark.line + 1, lines)
        for k, v in node.value:
            if k.value in data:
                _node_marks(v, data[k.value], marks)
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        marks[id(data)] = (node.start_mark.line + 1, array("L", [v.start_mark.line + 1 for v in node.value]))
        for v, item in zip(node.value, data, strict=False):
            _node_marks(v, item, marks)


@collector.paused()
def _parse(text: str) -> tuple[object, _Lines]:
    """Parse the YAML once (the collector paused): the data (as `yaml.safe_load` gives it) and the line of every
    entry and value."""
    loader = YAML_LOADER(text)
    try:
        loader.get_event()  # the stream's start
        raw, marks = (None, {}) if loader.check_event(yaml.StreamEndEvent) else _build(loader)
        if not loader.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                              "but found another document", loader.get_event().start_mark)
    except _Unusual:
        loader.dispose()
        loader = YAML_LOADER(text)  # parsed again from the start, by the safe loader (no partial result is kept)
        node = loader.get_single_node()
        raw, marks = loader.construct_document(node), {}
        _node_marks(node, raw, marks)
    finally:
        loader.dispose()
    return raw, _Lines(raw, marks)


Lines = _Lines | catalogue_cache.Reparsed


def read(text: str, cache: Path | None = None,
         later: list[Callable[[], None]] | None = None) -> tuple[object, Lines]:
    """The data of `text` and its lines: from the parse cache under `cache` when it holds this text, else parsed
    (and kept there when it is a mapping). Raises yaml.YAMLError for a text that is not YAML. With `later`, a fresh
    parse is not kept yet: a call that keeps it is appended to `later` instead (the CLI's check before a refresh
    writes nothing until the run is sure to start; the refresh's catalogue step then reads the parse back)."""
    entry = catalogue_cache.entry(cache, text) if cache is not None else None  # the text's sha256 once
    raw = catalogue_cache.get(cache, text, entry) if cache is not None else catalogue_cache.MISS
    fresh = raw is catalogue_cache.MISS
    if fresh:  # the plain block layout (safe_dump's) read a line at a time; None for any other text
        raw = catalogue_plain.parse_plain(text)
    if raw is not None:  # lines are needed only for a problem: libyaml's parse (`_parse`) finds them then
        lines: Lines = catalogue_cache.Reparsed(text, _parse)
    else:
        raw, lines = _parse(text)
    if fresh and cache is not None and isinstance(raw, dict):
        if later is None:
            catalogue_cache.put(cache, text, raw, entry)
        else:
            later.append(functools.partial(catalogue_cache.put_pickled, entry, catalogue_cache.pickled(raw)))
    return raw, lines
