"""A fast reader for the plain block layout of a YAML catalogue, giving exactly what `yaml.safe_load` gives, or
nothing (`None`) as soon as the text uses anything outside that layout; then the caller parses it with libyaml.

Why: a national catalogue (115,524 SYNTHETIC targets, 65 MB, 2.1 M lines) cost 8-11 CPU s in libyaml's parser,
most of it PyYAML turning libyaml's 4.9 M events (each with two position objects) into Python objects, before
anything was built; read here, 3.9 CPU s, the same data. A machine-written catalogue (`yaml.safe_dump`'s layout,
as the synthetic workload's) uses only block mappings and sequences of scalars, read a line at a time.

The layout read here, and nothing else (every other line makes it give up, so the result is never a guess):
- lines of `key: value`, `key:` (a block below, or null), `- value`, `- key: value`, `- key:`; keys are plain
  words (`[A-Za-z_][A-Za-z0-9_]*`); sequences indented below their key or at its column (safe_dump's layout);
- plain scalars (resolved and constructed by PyYAML's own safe resolver and constructors, so YAML 1.1's `yes`,
  `017`, `1:30`, dates read as PyYAML reads them), single-quoted ones, double-quoted ones without a backslash,
  `[]` and `{}`; a scalar may go on over further lines right of its block's column (folded as YAML folds: a line
  break is a space, each blank line a newline), as safe_dump writes long texts;
- blank lines and comments (a whole line, or after a value: ` #`).
It gives up on tabs, carriage returns, other line breaks (NEL, LS, PS), a byte-order mark, characters YAML does not
allow, document markers and directives, anchors, aliases, tags, flow collections (but `[]`, `{}`), block scalars
(`|`, `>`), a further line of a quoted scalar at or left of its block's column or of a plain one holding `: ` or
` #`, `?` keys, quoted keys, merge keys, a key given twice and anything it cannot place by its indentation. Which
lines a value came from is not kept: the caller parses the text with libyaml to point at a problem, as for a
catalogue read from the parse cache. tests/targetwatch/test_catalogue_plain.py compares it with `yaml.safe_load`
and libyaml on fixed and generated texts.
"""

from __future__ import annotations

import re

import yaml

from targetwatch import collector

# Characters libyaml refuses or treats as line breaks or marks (its reader accepts TAB, LF, CR, printable ASCII,
# NEL, 0xA0-0xD7FF, 0xE000-0xFFFD but the BOM, and above 0xFFFF): here, anything outside the plainest subset of it.
_OUTSIDE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +|$)")
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?: +#.*| *)$")  # a whole single-quoted scalar, then a comment or nothing
_DOUBLE = re.compile(r'"([^"\\]*)"(?: +#.*| *)$')
_OPEN = {"'": re.compile(r"'((?:[^']|'')*)$"), '"': re.compile(r'"([^"\\]*)$')}  # a quoted scalar going on
_MIDDLE = {"'": re.compile(r"(?:[^']|'')*$"), '"': re.compile(r'[^"\\]*$')}  # a line inside it
_LAST = {"'": re.compile(r"((?:[^']|'')*)'(?: +#.*| *)$"), '"': re.compile(r'([^"\\]*)"(?: +#.*| *)$')}
_EMPTY = re.compile(r"(?:\[\]|\{\})(?: +#.*| *)$")  # an empty flow sequence or mapping, the only flow style read
_BAD_START = frozenset("&*!|>%@`,[]{}#?:'\"")


class _GiveUp(Exception):
    """The text uses something this reader does not read."""


class _Scalars:
    """Plain scalars resolved and constructed as PyYAML's safe loader does (`BaseResolver.resolve` with an untagged
    plain scalar, then the constructor of its tag). A text whose first letter starts none of the loader's implicit
    resolvers is a string (what `resolve` finds for it); any other is resolved once per distinct text (the values
    constructed from scalars are immutable)."""

    def __init__(self) -> None:
        self.loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)("")
        resolvers = self.loader.yaml_implicit_resolvers
        if None in resolvers or self.loader.yaml_path_resolvers or "" not in resolvers:
            self.first: frozenset[str] | None = None  # a resolver on any text: resolve every one
        else:
            self.first = frozenset(k for k in resolvers if k)
        self.known: dict[str, object] = {}

    def plain(self, text: str) -> object:
        if text and self.first is not None and text[0] not in self.first:
            return text
        value = self.known.get(text, self)
        if value is self:
            value = self.known[text] = self._construct(text)
        return value

    def _construct(self, text: str) -> object:
        loader = self.loader
        tag = loader.resolve(yaml.ScalarNode, text, (True, False))
        if tag == "tag:yaml.org,2002:str":
            return text
        construct = loader.yaml_constructors.get(tag)
        if construct is None or tag == "tag:yaml.org,2002:merge":
            raise _GiveUp
        try:
            return construct(loader, yaml.ScalarNode(tag, text))
        except Exception as exc:  # e.g. an impossible date: libyaml's path reports it
            raise _GiveUp from exc


_PLAIN, _QUOTED = 1, 2  # what a value's first line left open: a plain scalar that may go on, a quoted one that does


def _value(text: str, scalars: _Scalars) -> tuple[object, int, str]:
    """A value written after `key: ` or `- ` on its line (the text after the indicator's spaces): the value, what
    it leaves open (0, _PLAIN or _QUOTED) and the text so far of an open scalar (a quoted one: its quote first)."""
    first = text[0]
    if first == "'" or first == '"':
        m = (_SINGLE if first == "'" else _DOUBLE).match(text)
        if m is not None:
            return (m.group(1).replace("''", "'") if first == "'" else m.group(1)), 0, ""
        m = _OPEN[first].match(text)
        if m is None:
            raise _GiveUp
        more = m.group(1).rstrip(" ")  # the spaces before a line break are dropped
        return None, _QUOTED, first + (more.replace("''", "'") if first == "'" else more)
    if first in "[{":
        if _EMPTY.match(text):
            return ([] if first == "[" else {}), 0, ""
        raise _GiveUp
    if first in _BAD_START or (first == "-" and (len(text) == 1 or text[1] == " ")):
        raise _GiveUp
    cut = text.find(" #")
    if cut >= 0:
        text = text[:cut]
    text = text.rstrip(" ")
    if ": " in text or text.endswith(":"):
        raise _GiveUp
    return scalars.plain(text), (0 if cut >= 0 else _PLAIN), text  # a comment ends a plain scalar


def _fold(text: str, breaks: int, more: str) -> str:
    """A scalar's next line joined as YAML folds it: one line break is a space, n + 1 are n newlines."""
    return text + (" " if breaks == 0 else "\n" * breaks) + more


class _Map:
    __slots__ = ("col", "data", "key")

    def __init__(self, col: int) -> None:
        self.col, self.data = col, {}
        self.key: object = _NONE  # a key whose value is a block below, or null


class _Seq:
    __slots__ = ("col", "data")

    def __init__(self, col: int) -> None:
        self.col, self.data = col, []


_NONE = object()
_PLAIN_START = frozenset(_BAD_START | {"-"})  # a value starting otherwise is plain (`-5`, `- x`: _value decides)


@collector.paused()
def parse_plain(text: str) -> object | None:
    """The data `yaml.safe_load(text)` gives, when the text keeps to the layout above; else None."""
    if _OUTSIDE.search(text):
        return None
    try:
        return _read(text)
    except _GiveUp:
        return None


def _read(text: str) -> object:  # one loop over the lines, kept flat for speed (2 M lines nationally)
    scalars = _Scalars()
    plain, first, known = scalars.plain, scalars.first or frozenset(), scalars.known
    every = scalars.first is None  # no shortcut: every plain scalar is resolved
    # each distinct key and text once (libyaml's path shares its short ones): a string is kept once in memory and in
    # the parse cache's pickle, which writes a shared object once (national: pickle 63 -> 36.5 MB, the cold load with
    # its cache write 10.2-10.3 -> 8.1-9.4 CPU s, a cached load 4.6-5.3 -> 3.6-3.8, peak 1,116 -> 889 MB)
    share = {}.setdefault
    key_match = _KEY.match
    stack: list[_Map | _Seq] = []
    top: _Map | _Seq | None = None
    top_col = -1  # the column of top's keys or dashes (-1: nothing open yet)
    root: _Map | _Seq | None = None
    # the scalar the last value line left open: its container and key (or position), _PLAIN or _QUOTED, its text so
    # far, the blank lines since, and the column its further lines must be right of
    open_in: dict | list = {}
    open_at: object = None
    open_kind, open_text, blanks, open_col = 0, "", 0, 0
    for line in text.split("\n"):
        body = line.lstrip(" ")
        if not body:
            blanks += 1
            continue
        col = len(line) - len(body)
        if open_kind:
            if open_kind == _QUOTED:
                if col <= open_col:
                    raise _GiveUp  # libyaml reads such a line into the scalar; this reader does not
                quote = open_text[0]
                last = _LAST[quote].match(body)
                if last is None and _MIDDLE[quote].match(body) is None:
                    raise _GiveUp
                more = last.group(1) if last is not None else body.rstrip(" ")
                open_text = _fold(open_text, blanks, more.replace("''", "'") if quote == "'" else more)
                blanks = 0
                if last is not None:
                    open_in[open_at] = open_text[1:]  # type: ignore[index]
                    open_kind = 0
                continue
            if col > open_col and body[0] != "#":  # the plain scalar goes on
                body = body.rstrip(" ")
                # any text but a comment or a mapping's `: ` goes on the scalar (libyaml: `a: b\n  - [c]` is 'b - [c]')
                if " #" in body or ": " in body or body.endswith(":"):
                    raise _GiveUp
                open_text = _fold(open_text, blanks, body)
                open_in[open_at] = plain(open_text)  # type: ignore[index]
                blanks = 0
                continue
            open_kind = 0
        blanks = 0
        if body[0] == "#":
            continue
        if col < top_col:
            while stack and stack[-1].col > col:
                frame = stack.pop()
                if type(frame) is _Map and frame.key is not _NONE:
                    frame.data[frame.key] = None
            top = stack[-1] if stack else None
            top_col = top.col if top is not None else -1
        if body[0] == "-" and (len(body) == 1 or body[1] == " "):
            rest = body[1:].lstrip(" ")
            if not rest or rest[0] == "#":
                raise _GiveUp  # `-` with its item on the lines below
            if top is None:
                if root is not None or col:
                    raise _GiveUp
                top = root = _Seq(col)
                stack.append(top)
            elif type(top) is _Map:
                if top.key is _NONE or top_col > col:
                    raise _GiveUp
                seq = _Seq(col)  # the value of the key above: indented below it, or at its column
                top.data[top.key], top.key = seq.data, _NONE
                stack.append(seq)
                top = seq
            elif top_col != col:
                raise _GiveUp
            top_col = col
            m = key_match(rest)
            if m is None:
                value, open_kind, open_text = _value(rest, scalars)
                open_in, open_at, open_col = top.data, len(top.data), col
                top.data.append(value)  # type: ignore[union-attr]
                continue
            col += len(body) - len(rest)
            mapping = _Map(col)
            top.data.append(mapping.data)  # type: ignore[union-attr]
            stack.append(mapping)
            top, top_col, body = mapping, col, rest
        else:
            m = key_match(body)
            if m is None:
                raise _GiveUp
            if col == top_col and type(top) is _Map:
                mapping = top
                if mapping.key is not _NONE:
                    mapping.data[mapping.key] = None
                    mapping.key = _NONE
            elif top is None:
                if root is not None or col:
                    raise _GiveUp
                mapping = root = top = _Map(col)
                stack.append(mapping)
                top_col = col
            elif type(top) is _Seq:
                if top_col != col or len(stack) < 2 or type(stack[-2]) is not _Map or stack[-2].col != col:
                    raise _GiveUp  # a key after an indentless sequence belongs to the mapping that holds it
                stack.pop()
                mapping = top = stack[-1]  # type: ignore[assignment]
            elif top.key is not _NONE:  # a mapping below the key above
                nested = _Map(col)
                top.data[top.key], top.key = nested.data, _NONE
                stack.append(nested)
                mapping = top = nested
                top_col = col
            else:
                raise _GiveUp
        key = m.group(1)
        key = plain(key) if every or key[0] in first else share(key, key)
        data = mapping.data
        if key in data:
            raise _GiveUp  # a key given twice
        value_text = body[m.end():]
        if not value_text or value_text[0] == "#":
            mapping.key = key
            continue
        f = value_text[0]
        if f in _PLAIN_START or " #" in value_text or ": " in value_text or value_text[-1] in ": ":
            value, open_kind, open_text = _value(value_text, scalars)
            if type(value) is str:
                value = share(value, value)
        else:  # the common case, inline: a plain scalar that ends its line
            if every or f in first:
                value = known.get(value_text, _NONE)
                if value is _NONE:
                    value = plain(value_text)
            else:
                value = share(value_text, value_text)
            open_kind, open_text = _PLAIN, value_text
        data[key] = value
        open_in, open_at, open_col = data, key, col
    if open_kind == _QUOTED:
        raise _GiveUp  # a quoted scalar never closed: libyaml's error to report
    while stack:
        frame = stack.pop()
        if type(frame) is _Map and frame.key is not _NONE:
            frame.data[frame.key] = None
    if root is None:
        raise _GiveUp
    return root.data
