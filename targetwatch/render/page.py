"""The shared page environment of every static site (the dashboards and the auditors' quality report).

One Jinja environment over the templates in dashboards/ (Chinese and English side by side, escaped by
autoescape), the display conversion every page applies to warehouse values, inline chart specs that
dashboards/static/site.js draws, and the static files (CSS, JS, plotly.js) shipped once per site.
Everything here works from file:// with no network.
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import math
import shutil
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import orjson
import pandas as pd
import yaml
from markupsafe import Markup
from pandas.core.dtypes.cast import maybe_box_native

from targetwatch import formatting, vocab
from targetwatch.config import PROJECT_DIR

DASHBOARD_DIR = PROJECT_DIR / "dashboards"

# plotly.js's basic bundle (scatter, bar, pie), the version the plotly package embeds: a quarter of the full
# bundle's 4.8 MB, which a slow PC takes seconds to parse (dashboards/vendor/README.md)
PLOTLY_BUNDLE = DASHBOARD_DIR / "vendor" / "plotly-basic.min.js"
PLOTLY_TRACE_TYPES = frozenset({"scatter", "bar", "pie"})
LARGE_LAYOUT_STATIC = ("target-view.js", "chart-build.js")  # shipped only with the large layout
LINEAGE_STATIC = ("lineage-view.js",)  # shipped only with the quality report (its lineage page)


def is_empty(v: object) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


def department_slug(name: str) -> str:
    """A stable, ASCII-safe file name for a department: the same name gives the same slug in every run."""
    return "dept-" + hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:10]


def display_value(v: Any) -> Any:
    """Display value: missing -> None, timestamps -> dates, floats -> 6 significant digits."""
    if is_empty(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, float) and not v.is_integer():
        return float(f"{v:.6g}")
    return v


def display_records(df: pd.DataFrame) -> list[dict]:
    """`display_value` of every cell of `df.to_dict("records")`, the same dicts, converted a column at a time: whole
    numbers, booleans and floats of a numpy column need no per-cell call, a text needs none either (the national
    dashboards make 115,524 list records of 29 columns and 87,000 data-owed rows)."""
    if not df.columns.is_unique:  # to_dict's own rule for a repeated name (the last one wins)
        return [{k: display_value(v) for k, v in r.items()} for r in df.to_dict("records")]
    keys = df.columns.tolist()
    if not keys:
        return [{} for _ in range(len(df))]
    return [dict(zip(keys, row, strict=True)) for row in zip(*(display_column(df.iloc[:, i])
                                                                for i in range(len(keys))), strict=True)]


def display_column(s: pd.Series) -> list:
    """display_value of each value of a column as `to_dict("records")` gives it (numpy columns as Python scalars,
    object and extension columns through pandas' own `maybe_box_native`)."""
    if isinstance(s.dtype, np.dtype) and s.dtype.kind in "iub":
        return s.tolist()  # never empty, never a float or a timestamp: display_value returns them as they are
    if isinstance(s.dtype, np.dtype) and s.dtype.kind == "f":
        return [None if v != v else (v if v.is_integer() else float(f"{v:.6g}")) for v in s.tolist()]
    if isinstance(s.dtype, np.dtype) and s.dtype.kind == "M":
        texts = _timestamp_texts(s)
        if texts is not None:
            return texts
    return [v if type(v) is str else display_value(maybe_box_native(v)) for v in s]


def _timestamp_texts(s: pd.Series) -> list | None:
    """display_value of each value of a naive datetime64 column, made for the whole column: None for NaT, the date
    (`YYYY-MM-DD`) at midnight, else the date and time to the second, as `Timestamp.isoformat(sep=" ",
    timespec="seconds")` writes it. None (the caller converts value by value) when a year is outside 1000..9999,
    whose texts numpy and the standard library pad differently."""
    a = s.to_numpy()
    ok = ~np.isnat(a)
    years = a[ok].astype("datetime64[Y]").astype("int64") + 1970
    if len(years) and (years.min() < 1000 or years.max() > 9999):
        return None
    seconds = np.datetime_as_string(a.astype("datetime64[s]"), unit="s").tolist()  # floors, as the time fields do
    midnight = (a == a.astype("datetime64[D]")).tolist()
    return [None if not k else t[:10] if m else t[:10] + " " + t[11:]
            for t, k, m in zip(seconds, ok.tolist(), midnight, strict=True)]


def group_records(df: pd.DataFrame, key: str) -> dict[Any, list[dict]]:
    """Display records grouped by one column, each group in the frame's order."""
    groups: dict[Any, list[dict]] = {}
    for r in display_records(df):
        groups.setdefault(r[key], []).append(r)
    return groups


def jsonable(o: Any) -> Any:
    """Plain JSON values for a chart spec: NaN and infinities become null, numpy scalars Python numbers."""
    if isinstance(o, dict):
        return {k: jsonable(v) for k, v in o.items()}
    if isinstance(o, list | tuple):
        return [jsonable(v) for v in o]
    if isinstance(o, bool | str) or o is None:
        return o
    if isinstance(o, int | float):
        return None if isinstance(o, float) and not math.isfinite(o) else o
    if hasattr(o, "item"):
        return jsonable(o.item())
    if is_empty(o):
        return None
    return str(o)


def plain_json(o: Any) -> Any:
    """`jsonable(o)`, skipping the walk when `o` is JSON already (no NaN, infinity or numpy scalar in it): json's C
    encoder checks that far faster than the walk converts, and a national site has 100,000 chart specs."""
    try:
        json.dumps(o, allow_nan=False)
    except (TypeError, ValueError):
        return jsonable(o)
    return o


# orjson's options for json.dumps' rules (to_json): keys that are not text written as json writes them; dates and
# dataclasses handed to `default` (or refused) as json does.
_ORJSON = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def to_json(o: Any, default: Any = None) -> str:
    """`json.dumps(o, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=default)`, written by orjson
    (several times faster; a national refresh writes 1.5 GB of JSON in its two sites). The parsed JSON is the same.
    The text differs in a float written with an exponent (json `1e-07`, `5e-05`, `1e+16`; orjson `1e-7`, `0.00005`,
    `1e16`) and in NaN and infinities, which orjson writes as null where json refuses them. What orjson cannot write
    (an integer beyond 64 bits, nesting deeper than 254) is written by json."""
    return _json_bytes(o, default).decode("utf-8")


def _json_bytes(o: Any, default: Any = None) -> bytes:
    """to_json's text as UTF-8 bytes, as orjson writes them (dump_js writes them without decoding and encoding
    again: the two sites' data files are 1.5 GB at national scale)."""
    try:
        return orjson.dumps(o, default=default, option=_ORJSON)
    except orjson.JSONEncodeError:
        return _json_fallback(o, default)


def _json_fallback(o: Any, default: Any) -> bytes:
    """What to_json and dump_js write when orjson refuses a value (an integer beyond 64 bits, nesting deeper than
    254): json.dumps with to_json's rules, as UTF-8 bytes. The one place those rules are spelt for json."""
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=default).encode("utf-8")


def chart_html(spec: dict, chart_id: str, lang: str) -> Markup:
    """A chart for one language: an empty div and its spec as inline JSON, drawn by site.js."""
    payload = to_json(jsonable(spec))
    payload = payload.replace("<", "\\u003c")  # no "</script>" or "<!--" can end the JSON early
    return Markup(
        f'<div class="chart {lang}"><div class="plot" id="{chart_id}" data-spec="{chart_id}-spec"></div>'
        f'<script type="application/json" id="{chart_id}-spec">{payload}</script></div>'
    )


# One site build reads the pages' strings five or six times and compiles its templates in each of the five page
# environments it makes (the small site, the briefs, the data call's pages, the quality report...): in a build of the
# small SYNTHETIC site, YAML parsing and template compiling were ~70% of its time under cProfile. The parsed strings
# are kept while the file is unchanged (its modification time and size), and the templates' compiled code is shared
# by every page environment (jinja checks each template's source checksum before reusing its code).
_STRINGS: dict[str, Any] = {}


def load_strings() -> dict[str, dict[str, str]]:
    """The pages' strings (dashboards/strings.yaml): a fresh copy each call, parsed once while the file is unchanged."""
    path = DASHBOARD_DIR / "strings.yaml"
    stat = path.stat()
    if _STRINGS.get("stamp") != (stat.st_mtime_ns, stat.st_size):
        _STRINGS["parsed"] = yaml.safe_load(path.read_text(encoding="utf-8"))
        _STRINGS["stamp"] = (stat.st_mtime_ns, stat.st_size)
    return copy.deepcopy(_STRINGS["parsed"])


class _CompiledTemplates(jinja2.BytecodeCache):
    """The page templates' compiled code in memory, shared by every `page_environment` (all made with the same
    options, which the code depends on); a template whose source changed is compiled again (jinja compares the
    source's checksum stored with the code)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED_TEMPLATES = _CompiledTemplates()


def page_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(DASHBOARD_DIR / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_COMPILED_TEMPLATES,
    )
    strings = load_strings()

    def bi(zh: object, en: object) -> Markup:
        zh, en = ("—" if is_empty(zh) else zh), ("—" if is_empty(en) else en)
        return Markup(f'<span class="zh">{html.escape(str(zh))}</span><span class="en">{html.escape(str(en))}</span>')

    labels: dict[str, Markup] = {}

    def t(key: str) -> Markup:
        if key not in labels:  # the same few labels appear on every page and row: made once
            labels[key] = bi(strings[key]["zh"], strings[key]["en"])
        return labels[key]

    def t_or(key: str, fallback: str) -> Markup:
        return t(key) if key in strings else bi(fallback, fallback)

    env.globals |= {
        "t": t,
        "t_or": t_or,
        "bi": bi,
        "STATUSES": vocab.STATUSES,
        "STATUS": vocab.STATUS_BY_CODE,
        "EVIDENCE_GRADES": vocab.EVIDENCE_GRADES,
        "REFERENCE_COMPARATORS": vocab.REFERENCE_COMPARATORS,  # the list rows' "relative" tag (row_html too)
        "fmt": formatting.format_number,
    }
    env.filters["slug"] = department_slug
    return env


def copy_static(site: Path, with_plotly: bool, large: bool = False, lineage: bool = False) -> None:
    left_out = (() if large else LARGE_LAYOUT_STATIC) + (() if lineage else LINEAGE_STATIC)
    ignore = shutil.ignore_patterns(*left_out) if left_out else None
    shutil.copytree(DASHBOARD_DIR / "static", site / "static", dirs_exist_ok=True, ignore=ignore)
    if with_plotly:
        shutil.copyfile(PLOTLY_BUNDLE, site / "plotly.min.js")


def rounded_floats(values: pd.Series, digits: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A float column as float64 and where it is finite; `digits` rounds each finite value that is not whole to that
    many significant digits (as the pages show them). json_values' floats."""
    a = values.to_numpy(dtype="float64", na_value=math.nan)
    ok = np.isfinite(a)
    if digits:
        mag = np.zeros_like(a)
        mag[ok & (a != 0)] = np.floor(np.log10(np.abs(a[ok & (a != 0)])))
        e = (digits - 1 - mag).astype(int)
        up = e >= 0
        r = np.empty_like(a)
        r[up] = np.round(a[up] * 10.0 ** e[up]) / 10.0 ** e[up]
        r[~up] = np.round(a[~up] / 10.0 ** -e[~up]) * 10.0 ** -e[~up]
        a = np.where(ok & (a != np.floor(np.where(ok, a, 0))), r, a)  # whole numbers stay whole
    return a, ok


def json_values(values: pd.Series, digits: int | None = None) -> list:
    """A column as JSON-ready Python values, converted at once: missing and non-finite -> None, timestamps ->
    ISO dates (with the time when there is one), numpy scalars -> Python; `digits` rounds floats to that many
    significant digits (as the pages show them)."""
    if isinstance(values.dtype, np.dtype) and values.dtype.kind == "f":
        a, ok = rounded_floats(values, digits)
        out = a.astype(object)
        out[~ok] = None
        return out.tolist()
    if isinstance(values.dtype, np.dtype) and values.dtype.kind in "iub":
        return values.tolist()
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        # each distinct time written once (strftime is a Python call per value; a national lineage's 758,385 figures
        # have about a thousand release dates), then put back by position; NaT -> None
        codes, uniq = pd.factorize(pd.to_datetime(values))
        day, stamp = uniq.strftime("%Y-%m-%d"), uniq.strftime("%Y-%m-%d %H:%M:%S")
        texts = np.where(np.asarray(uniq == uniq.normalize()), np.asarray(day, dtype=object),
                         np.asarray(stamp, dtype=object)) if len(uniq) else np.empty(0, dtype=object)
        out = np.full(len(codes), None, dtype=object)
        out[codes >= 0] = texts[codes[codes >= 0]]
        return out.tolist()
    boxed = values.astype(object).where(values.notna(), None)
    out = boxed.tolist()
    if pd.api.types.infer_dtype(boxed, skipna=True) in ("string", "empty"):
        return out  # texts and None only (most of the sites' columns): nothing to convert
    return [v if type(v) is str else None if isinstance(v, float) and not math.isfinite(v) else
            (v.item() if hasattr(v, "item") else v) for v in out]  # a text (most values) as it is


def _json_default(o: Any) -> Any:
    return o.item() if hasattr(o, "item") else (o.isoformat() if hasattr(o, "isoformat") else str(o))


def members_json(o: dict) -> bytes:
    """The JSON text of a dict's members (its object's text without the braces, b"" for none) as dump_js writes
    them: UTF-8 bytes, a date or numpy scalar through dump_js's default. The data files' target objects
    (target_json) are put together from such texts and their charts."""
    return _json_bytes(o, _json_default)[1:-1]


class Encoded:
    """A value already written as JSON (`Encoded.of`), kept as UTF-8 bytes: dump_js puts them where the value stands,
    so a value checked by encoding it (plain_json's test) is not encoded twice. Only dump_js reads it."""

    __slots__ = ("data",)
    MARK = "\ue000tw-json\ue000"  # a private-use mark (json's fallback): dump_js checks that no other string holds it

    def __init__(self, text: str | bytes) -> None:
        self.data = text.encode("utf-8") if isinstance(text, str) else text

    def __eq__(self, other: object) -> bool:  # the same JSON text (the lineage's series compared in tests)
        return isinstance(other, Encoded) and self.data == other.data

    def __hash__(self) -> int:
        return hash(self.data)

    def __repr__(self) -> str:
        return f"Encoded({self.data!r})"

    @staticmethod
    def of(o: Any) -> Encoded:
        """`plain_json(o)` as JSON text."""
        try:
            return Encoded(_json_bytes(o))
        except (TypeError, ValueError):
            return Encoded(_json_bytes(jsonable(o)))


def _json_text(payload: Any) -> bytes:
    """json.dumps of the payload as dump_js writes it, as UTF-8 bytes, each Encoded value's text in its place: handed
    to orjson as an `orjson.Fragment` (written as it is), not as a mark found and replaced in the result afterwards
    (national lineage: about 0.15 of dump_js's 0.74 CPU s went to splitting and joining 494 MB at the marks)."""

    def fragment(o: Any) -> Any:
        return orjson.Fragment(o.data) if isinstance(o, Encoded) else _json_default(o)

    try:
        return orjson.dumps(payload, default=fragment, option=_ORJSON)
    except orjson.JSONEncodeError:  # to_json's fallback, with marks where the Encoded values go
        pass
    parts: list[bytes] = []

    def default(o: Any) -> Any:
        if isinstance(o, Encoded):
            parts.append(o.data)
            return Encoded.MARK
        return _json_default(o)

    data = _json_fallback(payload, default)
    if not parts:
        return data
    mark = json.dumps(Encoded.MARK, ensure_ascii=False).encode("utf-8")
    pieces = data.split(mark)
    if len(pieces) != len(parts) + 1:  # some string of the payload holds the mark itself: no splicing
        return _json_bytes(_decoded(payload), _json_default)
    return b"".join(p for pair in zip(pieces, [*parts, b""], strict=True) for p in pair)


def _decoded(o: Any) -> Any:
    if isinstance(o, Encoded):
        return json.loads(o.data)
    if isinstance(o, dict):
        return {k: _decoded(v) for k, v in o.items()}
    if isinstance(o, list | tuple):
        return [_decoded(v) for v in o]
    return o


def dump_js(path: Path, function: str, payload: Any) -> int:
    """Write `function(payload);` (loaded with <script src>: file:// pages cannot fetch JSON); return the bytes.
    An `Encoded` value in the payload is written as its text. Written as the encoder's UTF-8 bytes (a `<` byte in
    UTF-8 is always the character `<`, so replacing it in the bytes is replacing it in the text)."""
    head, data, tail = function.encode("utf-8") + b"(", _json_text(payload).replace(b"<", b"\\u003c"), b");\n"
    with path.open("wb") as fh:  # no "</script>" can end it early
        fh.write(head)
        fh.write(data)
        fh.write(tail)
    return len(head) + len(data) + len(tail)
