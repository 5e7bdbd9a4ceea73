"""Rows written in Python against the templates they replace: the large layout's row cells
(targetwatch.render.row_html, the macro `name_and_cells` in dashboards/templates/_macros.html) and the data-owed
page's figures (data_call_pages.owed_rows, the loop data_owed.html held): the same HTML for every row of the SYNTHETIC
workload, and for rows made to reach each branch and each character the escaping changes."""

from __future__ import annotations

import itertools

import duckdb
import pandas as pd
from markupsafe import Markup

from targetwatch import data_call, vocab
from targetwatch.catalogue import catalogue_tables
from targetwatch.render.data_call_pages import owed_rows
from targetwatch.render.large_site import LargeSite
from targetwatch.render.page import display_records, page_environment
from targetwatch.render.row_html import RowCells, TargetTableRows
from tests.targetwatch.test_data_call import AS_OF, _obs
from tests.targetwatch.test_site import synthetic_site_data


def _macro(env):
    macros = env.get_template("_macros.html").make_module()
    return lambda r, root: str(macros.name_and_cells(r, root))


def test_the_row_cells_are_the_macros_for_every_row_of_the_synthetic_large_site(tmp_path):
    data = synthetic_site_data(n_extra=40)
    layout = LargeSite(data, tmp_path, "zh")
    env = page_environment()
    cells, macro = RowCells(env), _macro(env)
    assert len(layout.records) == len(data.targets) > 40
    assert len({r["status"] for r in layout.records}) >= 3  # several chips, from the data itself
    for r in layout.records:
        for root in ("../", ""):
            assert cells(r, root) == macro(r, root)


def test_the_row_cells_are_the_macros_on_every_branch_and_escaped_character(tmp_path):
    data = synthetic_site_data(n_extra=0)
    base = LargeSite(data, tmp_path, "zh").records[0]
    env = page_environment()
    cells, macro = RowCells(env), _macro(env)
    names = ['A & B <b>"q"</b> \'s', "中文名称", None]
    variants = itertools.product(
        names,  # name_zh (and name_en below)
        [True, False],  # headline
        [True, False],  # per_year
        ["relative_to_reference", "growth_above_reference", "at_least", None],  # comparator
        [None, 0, 87, 150, 212, -5],  # attainment_pct
        [-1e18, -3.5, 0.0, 12.25],  # gap_sort
        [None, 0, 2024],  # latest_year
        [None, 2030],  # deadline
    )
    n = 0
    for name, headline, per_year, comparator, pct, gap, year, deadline in variants:
        r = base | {"name_zh": name, "name_en": None if name is None else name + " (en)", "headline": headline,
                    "per_year": per_year, "comparator": comparator, "attainment_pct": pct, "gap_sort": gap,
                    "latest_year": year, "deadline": deadline, "href": "targets/view.html#j=x&t=a<b>\"c\"",
                    "latest_zh": "<5>", "latest_en": None, "latest_value_sort": -1e18, "goal_sort": 1234.5,
                    "attainment_sort": -1}
        assert cells(r, "../") == macro(r, "../")
        n += 1
    for status in ("achieved", "no_data", "qualitative"):  # with the evidence tooltips a record may carry
        r = base | {"status": status, "evidence_tip": 'tip <"x">', "evidence_tip_zh": "提示", "evidence_tip_en": "e&t"}
        assert cells(r, "../") == macro(r, "../")
    assert n == 3 * 2 * 2 * 4 * 6 * 4 * 3 * 2


def _variants(base: dict) -> list[dict]:
    """Records reaching every branch of the cells and every character the two escapers change, each its own target
    (`fill` keys its rows by target id)."""
    names = ['A & B <b>"q"</b> \'s', "中文名称", None, ""]
    out = []
    for k, (name, headline, per_year, comparator, pct, gap, year, deadline) in enumerate(itertools.product(
            names, [True, False], [True, False], ["relative_to_reference", "growth_above_reference", "at_least", None],
            [None, 0, 87, 150, 212, -5], [-1e18, -3.5, 0.0, 12.25, 3.0], [None, 0, 2024], [None, 0, 2030])):
        out.append(base | {
            "target_id": f"t<{k}>&'\"", "status": "at_risk" if k % 2 else "achieved",
            "jurisdiction": f"j{k % 3}&<", "jurisdiction_zh": name, "jurisdiction_en": "A'B",
            "name_zh": name, "name_en": None if name is None else name + " (en)", "headline": headline,
            "per_year": per_year, "comparator": comparator, "attainment_pct": pct, "gap_sort": gap,
            "latest_year": year, "deadline": deadline, "href": f"targets/view.html#j=x&t=a<b>\"{k}\"",
            "latest_zh": "<5>", "latest_en": None, "latest_value_sort": -1e18 if k % 2 else 7.5, "goal_sort": 1234.5,
            "attainment_sort": -1, "status_rank": k % 5,
            **({"evidence_tip": 'tip <"x">', "evidence_tip_zh": "提示", "evidence_tip_en": "e&t"} if k % 7 == 0
               else {})})
    return out


def _check_fill(records: list[dict], env) -> None:
    """`fill` against the macro (each target's cells) and against the rows written one by one (both kinds of
    list), in chunks smaller than the records."""
    macro = _macro(env)
    filled, one_by_one = TargetTableRows(env, "../"), TargetTableRows(env, "../")
    filled.fill(records)
    for r in records:
        assert filled.cache[r["target_id"]].decode("utf-8") == macro(r, "../")
    for with_jurisdiction in (True, False):
        got = filled.rows(records, with_jurisdiction)
        assert got == one_by_one.rows(records, with_jurisdiction)
        assert isinstance(got, Markup)
        assert got.count("<tr ") == len(records)


def test_the_rows_made_a_column_at_a_time_are_the_rows_made_one_by_one(tmp_path, monkeypatch):
    from targetwatch.render import row_html

    monkeypatch.setattr(row_html, "FILL_CHUNK", 7)  # several chunks
    env = page_environment()
    layout = LargeSite(synthetic_site_data(n_extra=40), tmp_path, "zh")
    assert len(layout.records) > 40
    _check_fill(layout.records, env)
    monkeypatch.setattr(row_html, "FILL_CHUNK", 997)
    variants = _variants(layout.records[0])
    assert len(variants) == 4 * 2 * 2 * 4 * 6 * 5 * 3 * 3
    _check_fill(variants, env)


# The figures table's loop as data_owed.html held it before owed_rows wrote it (the reference the rows must equal).
OWED_LOOP = """{% for r in rows %}
<tr id="owed-{{ r.target_id }}-{{ r.year }}" data-state="{{ r.state }}"><td>{{ r.department }}</td><td><a href="targets/{{ r.target_id }}.html">{{ bi(r.target_zh, r.target_en) }}</a></td><td>{{ r.year }}</td><td>{% if r.state == 'returned' %}<span class="badge department-reported">{{ bi(badge.zh, badge.en) }}</span>{% elif r.overdue %}{{ bi('逾期', 'overdue') }}{% else %}{{ bi('待报', 'owed') }}{% endif %}</td></tr>
{% endfor %}
"""  # noqa: E501


def test_the_owed_rows_are_the_loop_they_replaced(catalogue, documents):
    # the figures the real catalogue owes when one SYNTHETIC figure was returned by a department
    con = duckdb.connect()
    for name, df in catalogue_tables(catalogue, documents).items():
        con.register(name, df)
    con.register("observations", _obs(("gansu", "sme_procurement_share", 2016, 30.0, "department-reported")))
    owed = data_call.with_calls(data_call.figures_owed(con, AS_OF),
                                pd.DataFrame(columns=["department", "due", "file"]), AS_OF)
    records = display_records(owed)
    assert len(records) > 10 and {r["state"] for r in records} == {"owed", "returned"}
    edge = [{"target_id": 't<&"\'>', "year": year, "state": state, "department": dept, "target_zh": zh,
             "target_en": en, "overdue": overdue}
            for year, state, dept, zh, en, overdue in itertools.product(
                [2024, None], ["owed", "returned", None], ["统计局 & <部门>", None], ["名称", None], ["Name", None],
                [True, False, None])]
    env = page_environment()
    loop = env.from_string(OWED_LOOP)
    badge = vocab.DEPARTMENT_REPORTED_BADGE
    for rows in (records, edge, []):
        assert str(owed_rows(rows, badge)) == loop.render(rows=rows, badge=badge)
    assert len(edge) == 2 * 3 * 2 * 2 * 2 * 3


# The target_table macro's loop before TargetTableRows wrote its rows (the reference the rows must equal).
TABLE_LOOP = """{% for r in targets %}
<tr data-target="{{ r.target_id }}" data-status="{{ r.status }}" data-jurisdiction="{{ r.jurisdiction }}">
{% if with_jurisdiction %}<td class="jur">{{ bi(r.jurisdiction_zh, r.jurisdiction_en) }}</td>{% endif %}
{{ cells(r) }}
</tr>
{% endfor %}
"""


def test_the_target_table_rows_are_the_loop_they_replaced(tmp_path):
    data = synthetic_site_data(n_extra=40)
    records = LargeSite(data, tmp_path, "zh").records
    odd = [r | {"target_id": f'a<&"\'>{i}', "jurisdiction": "j&k", "jurisdiction_zh": None, "jurisdiction_en": "<J>"}
           for i, r in enumerate(records[:3])]  # ids are unique (the cells are kept by id)
    env = page_environment()
    macro = _macro(env)
    loop = env.from_string(TABLE_LOOP)
    rows = TargetTableRows(env, "../")
    for targets in (records, odd, []):
        for with_jurisdiction in (True, False):
            expected = loop.render(targets=targets, with_jurisdiction=with_jurisdiction,
                                   cells=lambda r: Markup(macro(r, "../")))
            assert str(rows.rows(targets, with_jurisdiction)) == expected
            assert str(rows.rows(targets, with_jurisdiction)) == expected  # again, from the cells kept
