"""The plain block layout reader (targetwatch.catalogue_plain): what it reads equals `yaml.safe_load` exactly, types
included, and anything outside its layout makes it give up (None), never guess."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targetwatch.catalogue_plain import parse_plain


def typed(x: object) -> object:
    """The value with every scalar's type beside it (1, 1.0 and True are equal in Python, not in a catalogue)."""
    if isinstance(x, dict):
        return {typed(k): typed(v) for k, v in x.items()}
    if isinstance(x, list):
        return [typed(v) for v in x]
    return (type(x).__name__, x)


def same_as_safe_load(text: str) -> bool:
    """True when the reader read the text, and read it as safe_load and libyaml do; False when it gave up."""
    from targetwatch.catalogue_yaml import _parse  # libyaml's, as the catalogue reads a text this reader gives up on

    got = parse_plain(text)
    if got is None:
        return False
    assert typed(got) == typed(yaml.safe_load(text)) == typed(_parse(text)[0]), text
    return True


READ = [
    "a: 1\nb: x\n",
    "a:\n- 1\n- two\nb: 3\n",  # a sequence at its key's column (safe_dump's layout)
    "a:\n  - 1\n  - 2\nb:\n  c: 3\n  d:\n  e: 4\n",  # indented below its key; a key with nothing is null
    "- id: x\n  deps:\n  - a\n  - b\n  n: 1\n- id: y\n  sources:\n  - document: d\n    quote: q\n",
    "a:\nb:\n",  # nulls, the last one at the end of the text
    "a: yes\nb: 'yes'\nc: on\nd: 017\ne: 0o17\nf: 1e3\ng: 1:30\nh: 2020-01-01\ni: ~\nj: null\nk: 1_000\n"
    "l: 0x1F\nm: .inf\nn: -5\no: +3\np: 1.5\nq: '1.5'\nr: \"12\"\ns: 2001-12-14t21:59:43.10-05:00\nt: .NaN\n",
    "on: 1\nno: 2\nnull: 3\ny: 4\n",  # keys resolved as PyYAML resolves them (True, False, None, 'y')
    "# a comment\na: 1 # after a value\n\n  # indented\nb: 'x' # after a quoted one\nc: \"y\"   \n",
    "a: it's\nb: C#\nc: a:b\nd: http://x.y/z\ne: a, b [c] {d}\nf: 合成县110101\ng: x-y\n",
    "a: 'it''s'\nb: ''\nc: \"\"\nd: ' lead and trail '\ne: '# not a comment'\nf: '- x'\n",
    "a: []\nb: {}\nc: [] # empty\n",
    # scalars over several lines, folded as YAML folds them: a line break is a space, a blank line a newline
    "proxy_note: 'SYNTHETIC proxy: all new urban jobs, not only those created through\n    entrepreneurship'\nn: 1\n",
    "a: 'one\n  two\n\n  three\n\n\n  four  '\nb: 2\n",
    "a: 'x''\n  y'''\n",
    "a: '\n  x'\nb: 'x\n  '\n",
    "a: \"one\n  two\"\n",
    "a: one\n  two\n\n  three\nb: 2\n",
    "- one\n  two\n- three\n",
    "a: one\n  # a comment ends it\nb: two\n",
    "a: 12\n  34\n",  # a plain scalar folded, then resolved: '12 34'
    "k:\n    deep:\n        deeper: 1\n    other: 2\nz: 3\n",
    "- x\n- 'y'\n- -1\n",  # a sequence at the top
    "a: one\n  - two\n  -\nb: -x\n",  # a further line starting with `-` is text: 'one - two -'
    "- abc\n  - def\n",
    "-   id: spaced\n    v: 1\n",
]

GIVES_UP = [
    "a: {x: 1}\n",  # flow collections
    "a: [1, 2]\n",
    "a: &x 1\nb: *x\n",  # anchors, aliases
    "a: !!str 1\n",  # tags
    "a: |\n  text\n",  # block scalars
    "a: >\n  text\n",
    "a:\tb\n",  # a tab
    "a: 1\r\nb: 2\r\n",  # carriage returns
    "\ufeffa: 1\n",  # a byte-order mark
    "a: x\u2028y\n",  # a line separator (a line break in YAML 1.1)
    "a: x\x85y\n",
    "a: x\x07\n",  # a character YAML does not allow
    "---\na: 1\n",  # document markers and directives
    "a: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n",
    "<<: 1\n",
    "a: 1\na: 2\n",  # a key given twice (safe_load keeps the last)
    "- - x\n",
    "? a\n: 1\n",
    "'a': 1\n",
    "a b: 1\n",
    "1: x\n",
    "a: b: c\n",  # an error for libyaml
    "a: x:\n",
    "a:b\n",
    "a: 'open\n",  # never closed
    "a: 'one\ntwo'\n",  # a quoted scalar's further line left of its key's values: libyaml takes it, this reader not
    "a: \"x\\ty\"\n",  # an escape
    "a: one\n  two: 3\n",
    "a:\n  x\n",  # a scalar on the line below its key
    "-\n  a: 1\n",
    "a: 1\n  b: 2\n",
    "a: 1\n b: 2\n",
    "a:\n  - x\n - y\n",
    "x\n",
    "",
    "# only a comment\n",
    "a: =\n",  # resolved to a tag the safe loader cannot construct
    "a: 2020-13-45\n",  # an impossible date
    "a: @x\n",
    "a: `x`\n",
    "a: -\n",
    "a: - x\n",
    "a: 'x' y\n",
]


@pytest.mark.parametrize("text", READ)
def test_reads_the_plain_layout_as_safe_load_does(text):
    assert same_as_safe_load(text)


@pytest.mark.parametrize("text", GIVES_UP)
def test_gives_up_on_everything_else(text):
    assert parse_plain(text) is None


def test_the_bundled_catalogue_is_left_to_libyaml(catalogue):
    """The bundled targets.yaml writes places as flow mappings: read by libyaml, not here."""
    from targetwatch.config import PROJECT_DIR

    assert parse_plain((PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8")) is None


def test_a_synthetic_catalogue_as_the_benchmark_writes_it():
    """The SYNTHETIC workload's catalogue, dumped as benchmarks/run.py dumps it (safe_dump's layout, long texts
    folded over lines), is read here and equals libyaml's parse."""
    from targetwatch import synthetic
    from targetwatch.catalogue_yaml import _parse

    w = synthetic.generate("tiny")
    data = w.catalogue.model_dump(mode="json", exclude_defaults=True)
    text = "# SYNTHETIC\n" + yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                                       allow_unicode=True, sort_keys=False)
    assert "\n    " in text and len(data["targets"]) > 10
    got = parse_plain(text)
    assert got is not None and typed(got) == typed(_parse(text)[0]) == typed(data)


_texts = st.one_of(
    st.sampled_from(["yes", "No", "on", "OFF", "~", "null", "", " ", "017", "0o17", "1e3", "1:30", "1_000", "-5",
                     "2020-01-01", "2020-13-45", ".inf", "=", "<<", "a: b", "a #b", "a#b", "- x", "-x", "'q'", '"q"',
                     "it's", "x:", ":x", "#x", "[x]", "{x}", "&a", "*a", "!t", "|", ">", "%", "@", "`", "?x", "? x",
                     "合成县110101", "SYNTHETIC benchmark target: not quoted from any real document"]),
    st.text(alphabet=st.sampled_from(list("ab :#-'\"\\[]{},&*!|>%@`?\n\t 1.e+合")), max_size=30),
    st.text(max_size=120),
)
_words = st.lists(st.sampled_from(["SYNTHETIC", "proxy:", "jobs,", "it's", "#1", "a", "合成县", "yes", "12", "x-y",
                                   "'q'", "end.", "C#", "-"]), min_size=1, max_size=14).map(" ".join)
_texts = st.one_of(_texts, _words)
_scalars = st.one_of(_texts, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
                     st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
_keys = st.one_of(st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True), st.sampled_from(["on", "no", "null"]))
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(_keys, inner, max_size=4)), max_leaves=12)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.dictionaries(_keys, _values, min_size=1, max_size=5), width=st.sampled_from([20, 40, 80]),
       indent=st.sampled_from([2, 4]), unicode=st.booleans())
def test_safe_dump_round_trips_or_gives_up(data, width, indent, unicode):
    """Whatever safe_dump writes in block style, at any width (long texts folded over lines), is read as safe_load
    reads it, or given up on."""
    text = yaml.safe_dump(data, default_flow_style=False, width=width, indent=indent, allow_unicode=unicode,
                          sort_keys=False)
    same_as_safe_load(text)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.tuples(st.integers(0, 6), st.sampled_from(["- ", "", "k: ", "a: ", "b:", "- c: "]),
                                _texts), min_size=1, max_size=8))
def test_odd_texts_are_read_as_safe_load_reads_them_or_given_up(lines):
    """Hand-made lines at any indentation: where safe_load fails the reader must give up; elsewhere it reads the
    same data or gives up."""
    text = "".join(" " * n + head + body.replace("\n", " ") + "\n" for n, head, body in lines)
    try:
        yaml.safe_load(text)
    except Exception:  # a YAML error, or a value the constructor refuses (an impossible date)
        assert parse_plain(text) is None, text
        return
    same_as_safe_load(text)


_words_keys = st.from_regex(r"[a-z_][a-z0-9_]{2,8}", fullmatch=True).filter(  # keys safe_dump leaves unquoted
    lambda k: k not in ("yes", "off", "null", "true", "false"))


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(_words_keys, st.one_of(_words, st.lists(_words, max_size=3),
                                                   st.lists(st.dictionaries(_words_keys, _words, max_size=3),
                                                            max_size=3)),
                            min_size=1, max_size=6),
       width=st.sampled_from([10, 20, 40, 80]), indent=st.sampled_from([2, 4]))
def test_texts_of_words_are_always_read(data, width, indent):
    """Catalogue-like texts (words, colons, quotes, hashes; folded over lines at any width) in safe_dump's block
    layout are read, never given up on, and read as safe_load reads them."""
    text = yaml.safe_dump(data, default_flow_style=False, width=width, indent=indent, allow_unicode=True,
                          sort_keys=False)
    assert same_as_safe_load(text), text


def _synthetic_text(tmp_path, edit=None):
    from targetwatch import synthetic

    data = synthetic.generate("tiny").catalogue.model_dump(mode="json", exclude_defaults=True)
    if edit:
        edit(data)
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _schema(data):
    data["targets"][3]["comparator"] = "more_or_less"


def _references(data):
    data["targets"][7]["jurisdiction"] = "nowhere"
    data["targets"][9]["id"] = data["targets"][8]["id"]


@pytest.mark.parametrize("edit", [None, _schema, _references])
def test_load_catalogue_reads_the_plain_layout_with_the_same_result_and_messages(tmp_path, monkeypatch, edit):
    """load_catalogue on a safe_dump-layout catalogue: the same Catalogue, or the same problems at the same lines,
    with the plain reader as with libyaml alone (the lines of a problem come from libyaml's parse either way)."""
    from targetwatch import catalogue_plain
    from targetwatch.catalogue import CatalogueError, load_catalogue

    path = _synthetic_text(tmp_path, edit)
    assert parse_plain(path.read_text(encoding="utf-8")) is not None

    def outcome(cache):
        try:
            return load_catalogue(path, cache=cache)
        except CatalogueError as exc:
            return str(exc).splitlines()

    fast, cached = outcome(tmp_path / "cache"), outcome(tmp_path / "cache")
    monkeypatch.setattr(catalogue_plain, "parse_plain", lambda text: None)
    slow = outcome(None)
    assert fast == cached == slow
    if edit:
        assert len(slow) == (1 if edit is _schema else 2) and all(line.split(":")[1] != "1" for line in slow)


def test_each_distinct_key_and_text_is_one_string():
    """A repeated key or text is one object (as libyaml's path shares its short ones): kept once in memory and once
    in the parse cache's pickle."""
    got = parse_plain("- kind: outcome\n  quote: 'a long quoted sentence'\n- kind: outcome\n"
                      "  quote: 'a long quoted sentence'\n")
    first, second = got
    assert first == second
    assert first["kind"] is second["kind"] and first["quote"] is second["quote"]
    assert next(iter(first)) is next(iter(second))
