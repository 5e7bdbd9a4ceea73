"""Lineage of one target's status: policy sentence -> figures -> files and checksums -> checks -> verdict.

An auditor must be able to follow any status back without asking anyone. This module assembles the
chain from the warehouse tables (so it shows what is stored) and writes out the formula of the
verdict with the numbers filled in, so it can be recomputed by hand.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from targetwatch import vocab


@dataclass
class Lineage:
    target: dict
    sources: list[dict]
    observations: list[dict]
    files: list[dict]
    checks: list[dict]
    assessment: dict
    formula: list[str] = field(default_factory=list)


def _num(v: object) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return "—"
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: (None if (isinstance(v, float) and math.isnan(v)) or v is pd.NA or v is pd.NaT else v)
             for k, v in r.items()} for r in df.to_dict("records")]


def formula(a: dict) -> list[str]:
    """The calculation that produced the status, with this target's numbers substituted."""
    lines: list[str] = []
    status = a.get("status")
    comparator = a.get("comparator")
    if status == "qualitative":
        return ["qualitative goal: no number, so no calculation (status 'qualitative')"]
    if not a.get("n_points"):
        return ["no usable figure for the indicator in this jurisdiction: status 'no_data'"]
    ly, lv, goal = a.get("latest_year"), a.get("latest_value"), a.get("latest_goal")
    lines.append(f"latest figure: {_num(lv)} in {_num(ly)} (observation {a.get('latest_observation_id')}, "
                 f"released {_num(a.get('latest_release_date'))})")
    if comparator == "relative_to_reference":
        ref = a.get("latest_reference_value")
        lines.append(f"target that year = reference ({a.get('reference_jurisdiction')}) = {_num(ref)}")
        lines.append(f"gap = {_num(lv)} - {_num(ref)} = {_num(a.get('latest_gap'))} percentage points")
    else:
        lines.append(f"target value ({comparator}) = {_num(goal)}; gap = {_num(lv)} - {_num(goal)} = "
                     f"{_num(a.get('latest_gap'))}")
    if a.get("latest_attainment") is not None:
        lines.append(f"attainment = {'target / value' if comparator == 'at_most' else 'value / target'} = "
                     f"{_num(a.get('latest_attainment'))}")
    if a.get("deadline_passed"):
        dv = a.get("deadline_value")
        if a.get("per_year"):
            lines.append(f"per-year target over the plan years: met in {_num(a.get('plan_years_met'))} of "
                         f"{_num(a.get('plan_years_with_data'))} years with data "
                         f"(cumulative {_num(a.get('plan_cumulative'))})")
        elif dv is not None:
            lines.append(f"deadline {_num(a.get('deadline'))} has passed: value then {_num(dv)}; comparator held: "
                         f"{bool(a.get('deadline_met'))}")
        else:
            lines.append(f"deadline {_num(a.get('deadline'))} has passed but has no figure; first year after it "
                         f"in which the comparator held: {_num(a.get('first_met_after_deadline'))}")
    else:
        lines.append(f"deadline {_num(a.get('deadline'))} not yet passed on the as-of date {_num(a.get('as_of'))}")
    by, bv = a.get("base_year"), a.get("base_value")
    if by is not None:
        lines.append(f"baseline: {_num(bv)} in {_num(by)} ({a.get('base_basis')}; observation "
                     f"{a.get('base_observation_id') or 'stated in the document'})")
    model = a.get("growth_model")
    if a.get("actual_rate") is not None and a.get("required_rate") is not None and ly is not None and by is not None:
        g = a.get("goal_at_deadline")
        metric = a.get("latest_metric")
        if model == "compound":
            lines.append(f"actual rate (compound) = ({_num(metric)} / {_num(bv)})^(1/({_num(ly)} - {_num(by)})) - 1 "
                         f"= {_num(a['actual_rate'])}")
            lines.append(f"required rate = ({_num(g)} / {_num(bv)})^(1/({_num(a.get('deadline'))} - {_num(by)})) - 1 "
                         f"= {_num(a['required_rate'])}")
        else:
            lines.append(f"actual rate (linear) = ({_num(metric)} - {_num(bv)}) / ({_num(ly)} - {_num(by)}) "
                         f"= {_num(a['actual_rate'])} per year")
            lines.append(f"required rate = ({_num(g)} - {_num(bv)}) / ({_num(a.get('deadline'))} - {_num(by)}) "
                         f"= {_num(a['required_rate'])} per year")
    if a.get("pace_ratio") is not None:
        lines.append(f"pace ratio = {_num(a['pace_ratio'])} (on track >= {vocab.PACE_ON_TRACK}, at risk >= "
                     f"{vocab.PACE_AT_RISK}, off track >= 0, regressing < 0)")
    if a.get("covered_share") is not None:
        lines.append(f"position: {_num(a['covered_share'])} of the distance covered vs {_num(a.get('elapsed_share'))} "
                     f"of the time elapsed (expected now {_num(a.get('expected_now'))})")
    if a.get("projection_linear") is not None:
        lines.append(f"projection to {_num(a.get('projection_year'))}: linear {_num(a['projection_linear'])}, "
                     f"constant growth {_num(a.get('projection_compound'))} (used: {a.get('projection_used')})")
    lines.append(f"status = {status}: {a.get('reason_en')}")
    return lines


def trace(con: duckdb.DuckDBPyConnection, target_id: str, assessment: dict | None = None,
          used_ids: set[str] | None = None) -> Lineage:
    """Assemble the chain for one target from the warehouse; `assessment` overrides the stored one (--as-of)."""
    target = con.execute("SELECT * FROM targets WHERE target_id = ?", [target_id]).df()
    if target.empty:
        known = [r[0] for r in con.execute("SELECT target_id FROM targets ORDER BY 1").fetchall()]
        raise KeyError(f"unknown target {target_id!r}; known targets: {', '.join(known)}")
    t = _records(target)[0]
    sources = _records(con.execute(
        """SELECT s.document, s.clause, s.quote, s.char_start, s.char_end, s.document_sha256,
                  d.title_zh, d.number, d.file
           FROM target_sources s LEFT JOIN policy_documents d ON d.id = s.document
           WHERE s.target_id = ? ORDER BY s.source_order""", [target_id]).df())
    obs = con.execute(
        """SELECT o.year, o.value_as_written, o.unit_as_written, o.value, o.unit, o.source_file, o.sheet,
                  o.row_number, o.column_name, o.location, o.char_start, o.char_end, o.sha256, o.release_date,
                  o.release_date_basis, o.confidence, o.observation_id, o.source_title, o.source_ref,
                  o.jurisdiction = t.jurisdiction AS own_series
           FROM observations o JOIN targets t ON t.target_id = ?
           WHERE o.indicator = t.indicator
             AND (o.jurisdiction = t.jurisdiction OR o.jurisdiction = t.reference_jurisdiction)
           ORDER BY own_series DESC, o.year, o.release_date NULLS FIRST""", [target_id]).df()
    if used_ids is None:
        used_ids = {r[0] for r in con.execute(
            "SELECT unnest([observation_id, reference_observation_id]) FROM assessment_years WHERE target_id = ?",
            [target_id]).fetchall()}
    obs["used"] = obs["observation_id"].isin(used_ids)
    files = _records(con.execute(
        "SELECT * FROM report_files WHERE source_file IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(obs["source_file"].unique().tolist())]).df())
    checks = _records(con.execute(
        "SELECT check_name, severity, expectation, column_name, success, unexpected_count, description "
        "FROM check_results ORDER BY check_name, expectation").df())
    if assessment is None:
        stored = con.execute("SELECT * FROM assessments WHERE target_id = ?", [target_id]).df()
        assessment = _records(stored)[0]
    assessment = dict(assessment) | {"reference_jurisdiction": t.get("reference_jurisdiction"),
                                     "per_year": t.get("per_year")}
    return Lineage(target=t, sources=sources, observations=_records(obs), files=files, checks=checks,
                   assessment=assessment, formula=formula(assessment))


def as_of_assessment(
    con: duckdb.DuckDBPyConnection, catalogue, target_id: str, as_of: dt.date
) -> tuple[dict, set[str]]:
    """Recompute one target's assessment as of a past date from the stored observations (replay).

    Returns the assessment row and the ids of the observations it used (the vintages released by then)."""
    from targetwatch.assessment import assess

    observations = con.execute("SELECT * FROM observations").df()
    assessments, years = assess(catalogue, observations, as_of)
    mine = years[years["target_id"] == target_id]
    used = set(mine["observation_id"]) | set(mine["reference_observation_id"].dropna())
    return _records(assessments[assessments["target_id"] == target_id])[0], used
