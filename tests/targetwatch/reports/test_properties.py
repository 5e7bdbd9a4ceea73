"""Malformed input never crashes a reader, and nothing read is lost: every value cell, data line or figure
ends as an observation or as a rejected row with a reason (rows_read == accepted + rejected)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targetwatch.reports import communique, template, yearbook
from targetwatch.reports.ingest import ingest_folder, read_one
from targetwatch.reports.matching import fold
from targetwatch.reports.model import UnreadableReportError
from targetwatch.reports.normalise import normalise
from targetwatch.units import parse_number
from tests.conftest import TODAY

# A few dozen examples per property keep the default run fast (each example ingests a file through the
# normaliser); set TARGETWATCH_HYPOTHESIS_EXAMPLES=500 for a deep run. No example database in the repo.
EXAMPLES = int(os.environ.get("TARGETWATCH_HYPOTHESIS_EXAMPLES", "0")) or None


def budget(n: int) -> settings:
    return settings(
        max_examples=EXAMPLES or n,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


READERS = {
    ".csv template": lambda path, aliases: template.read_csv(path),
    ".csv yearbook": lambda path, aliases: yearbook.read_csv(path, aliases),
    ".xlsx yearbook": lambda path, aliases: yearbook.read_xlsx(path, aliases),
    ".txt communique": lambda path, aliases: communique.read_text(path, aliases),
    ".html communique": lambda path, aliases: communique.read_text(path, aliases),
    ".csv any": read_one,
    ".xlsx any": read_one,
    ".xls any": read_one,
    ".txt any": read_one,
    ".htm any": read_one,
}


def accounted(result, catalogue) -> int:
    """Normalise a reader's rows and prove conservation; return rows_read."""
    assert result.rejected.reason.map(lambda r: isinstance(r, str) and r.strip() != "").all()
    assert result.rows.location.map(lambda r: isinstance(r, str) and r != "").all()
    if not len(result.rows):
        return len(result.rejected)
    obs, rej = normalise(
        result.rows,
        catalogue,
        source_file="x",
        sha256="0" * 64,
        default_release_date=None,
        release_date_basis="not stated",
        as_of=TODAY,
    )
    assert len(obs) + len(rej) == len(result.rows)
    assert rej.reason.map(lambda r: isinstance(r, str) and r.strip() != "").all()
    assert obs.value.map(lambda v: v == v and abs(v) != float("inf")).all()
    return len(result.rows) + len(result.rejected)


@budget(40)
@given(data=st.binary(max_size=400), reader=st.sampled_from(sorted(READERS)))
def test_random_bytes_are_read_or_refused_as_a_whole_file(catalogue, aliases, data, reader):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"synthetic{reader.split()[0]}"
        path.write_bytes(data)
        try:
            result = READERS[reader](path, aliases)
        except UnreadableReportError as exc:
            assert str(exc).startswith("synthetic")  # the message names the file
            return
        accounted(result, catalogue)


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="="), max_size=8)
CELL = st.one_of(
    TEXT,
    st.integers(-(10**7), 10**9).map(str),
    st.floats(-1e6, 1e12, allow_nan=False, allow_infinity=False).map(lambda f: f"{f:.3f}"),
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.integers(0, 10**4).map(lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
    st.sampled_from(
        [
            "",
            "—",
            "…",
            "-",
            "...",
            "四十万",
            "1.3万",
            "265亿元",
            "1.22%",
            "约300",
            "22000*",
            "103①",
            "inf",
            "1e5",
            "nan",
            "2019年",
            "－0.06",
            "高新技术企业",
            "万人",
            "家",
            "億元",
        ]
    ),
)
LABEL = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "高新技术企业（家）",
            "城镇新增就业",
            "R&D经费投入强度（%）",
            "注：SYNTHETIC",
            "技术合同成交额（亿元）",
            "",
            "其中：省级众创空间",
            "未知指标（个）",
        ]
    ),
)
UNIT = st.one_of(TEXT, st.sampled_from(["", "家", "万人", "亿元", "%", "件", "furlongs"]))
ROWS = st.lists(st.tuples(LABEL, UNIT, CELL, CELL), max_size=8)


def is_missing(text: str) -> bool:
    try:
        return parse_number(text.strip()) is None
    except ValueError:
        return False


def ingest_one(catalogue, name: str, data: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_bytes(data)
        return ingest_folder(Path(tmp), catalogue, as_of=TODAY).report_files.iloc[0]


@budget(15)
@given(rows=ROWS, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_every_yearbook_value_cell_is_accounted_for(catalogue, rows, encoding):
    buf = io.StringIO()
    csv.writer(buf).writerows([["山西省主要科技指标（SYNTHETIC）"], ["指标", "单位", "2018年", "2019年"], *rows])
    f = ingest_one(catalogue, "synthetic.csv", buf.getvalue().encode(encoding))
    expected = sum(not is_missing(v) for _, _, *values in rows for v in values)
    assert (f.status, f.rows_read) == ("loaded", expected)
    assert f.rows_read == f.rows_accepted + f.rows_rejected


XLSX_CELL = st.one_of(
    CELL.filter(lambda s: not s.startswith("=")),
    st.integers(-(10**9), 10**9),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
)
XLSX_TEXT = st.text(alphabet=st.characters(whitelist_categories=("L", "N", "P", "Zs")), max_size=8)


@budget(10)
@given(rows=st.lists(st.tuples(st.one_of(LABEL, XLSX_TEXT), XLSX_CELL, XLSX_CELL), max_size=6), merge=st.booleans())
def test_every_workbook_value_cell_is_accounted_for(catalogue, rows, merge):
    import openpyxl

    from targetwatch.reports.yearbook import _excel_text

    rows = [(label.lstrip("="), a, b) for label, a, b in rows]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["山西省主要科技指标（SYNTHETIC）"])
    ws.append(["指标", "2018年", "2019年"])
    for row in rows:
        ws.append([v if v != "" else None for v in row])
    ws.merge_cells("A1:C1")
    if merge and len(rows) >= 2:
        ws.merge_cells("A3:A4")  # a label spanning two rows
    buf = io.BytesIO()
    wb.save(buf)
    f = ingest_one(catalogue, "synthetic.xlsx", buf.getvalue())
    expected = sum(not is_missing(_excel_text(v)) for _, *values in rows for v in values)
    assert (f.status, f.rows_read) == ("loaded", expected)
    assert f.rows_read == f.rows_accepted + f.rows_rejected


@budget(15)
@given(lines=st.lists(st.lists(CELL, max_size=7), max_size=8))
def test_every_template_line_is_accounted_for(catalogue, lines):
    buf = io.StringIO()
    csv.writer(buf).writerows([["jurisdiction", "indicator", "year", "value", "unit"], *lines])
    f = ingest_one(catalogue, "synthetic.csv", ("# data: synthetic\n" + buf.getvalue()).encode("utf-8"))
    expected = sum(any(c.strip() for c in line) for line in lines)
    assert (f.status, f.rows_read) == ("loaded", expected)
    assert f.rows_read == f.rows_accepted + f.rows_rejected


ALIAS = st.sampled_from(
    [
        "高新技术企业",
        "高新技術企業",
        "城镇新增就业",
        "R&D经费投入强度",
        "技术合同成交额",
        "众创空间",
        "科技企业孵化器",
        "有效发明专利",
        "研究与试验发展（R&D）经费",
    ]
)
NUMBER = st.one_of(
    st.integers(0, 10**7).map(str),
    st.decimals(0, 10**5, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.integers(1000, 10**7).map(lambda n: f"{n:,}"),
    st.integers(0, 10**4).map(lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
)
UNIT_AFTER = st.sampled_from(
    ["家", "个", "万人", "人", "亿元", "万元", "%", "％", "个百分点", "件", "万户", "倍", "", "萬人"]
)
FIGURE_PARTS = st.one_of(
    st.tuples(
        st.sampled_from(["", "全年", "年末全省", "2018年末", "兰州市", "全国", "截至2019年底，", "其中国家级"]),
        ALIAS,
        st.sampled_from(["", "为", "达到", "共", "比上年增加", "数量为", "增至", "约", "分别达到"]),
        NUMBER,
        UNIT_AFTER,
        st.sampled_from(["", "，比上年增长12.5%", "，提高0.06个百分点", "，其中国家级12家", "，增长1.5倍"]),
    ),
    st.tuples(
        st.just(""),
        ALIAS,
        st.sampled_from(["", "为"]),
        st.sampled_from(["四十万", "一百二十", "三千"]),
        st.sampled_from(["家", "人", "亿元"]),
        st.just(""),
    ),
)
FIGURE = FIGURE_PARTS.map("".join)
# Distinct figures: one figure stated twice in a file is one row whose notes list its other mentions (issue 17). Two
# spellings of one figure are the same figure: the name in either script (高新技术企业 / 高新技術企業), the number in
# full-width digits or with thousands commas, the unit in either form (萬人 / 万人, ％ / %).
FIGURES = st.lists(
    FIGURE_PARTS, max_size=6, unique_by=lambda t: tuple(fold(x).replace(",", "") for x in (t[1], t[3], t[4]))
).map(lambda parts: ["".join(t) for t in parts])
NOISE = st.text(alphabet="的是了在和有我们这经济社会发展稳中向好全省", max_size=15)


@budget(15)
@given(figures=FIGURES, noise=st.lists(NOISE, max_size=4), html=st.booleans())
def test_every_figure_in_a_communique_is_accounted_for(catalogue, figures, noise, html):
    body = "。".join(figures + noise) + "。"
    text = (
        f"<title>2019年山西省统计公报（SYNTHETIC）</title><p>{body}</p>"
        if html
        else f"2019年山西省统计公报（SYNTHETIC）\n{body}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / ("synthetic.html" if html else "synthetic.txt")).write_bytes(text.encode("gb18030"))
        result = ingest_folder(Path(tmp), catalogue, as_of=TODAY)
    f = result.report_files.iloc[0]
    # one row per figure, plus one row per sentence listing the figures next to no indicator name (a subset
    # written after the figure: 其中国家级12家), so that none is lost silently
    unread = result.rejected_rows["reason"].str.endswith("(figures next to no indicator name in targets.yaml)")
    assert (f.status, f.rows_read - int(unread.sum())) == ("loaded", len(figures))
    assert f.rows_read == f.rows_accepted + f.rows_rejected


@budget(15)
@given(text=st.text(max_size=300), html=st.booleans())
def test_any_text_is_read_without_crashing(catalogue, aliases, text, html):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("synthetic.html" if html else "synthetic.txt")
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            result = communique.read_text(path, aliases)
        except UnreadableReportError:
            return  # lone surrogates are not UTF-8
        accounted(result, catalogue)
