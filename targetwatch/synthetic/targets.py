"""SYNTHETIC workload: one target per indicator slot and jurisdiction, covering every comparator and status.
"""

from __future__ import annotations

import numpy as np

from targetwatch.synthetic.jurisdictions import LEVEL_ZH, Tree
from targetwatch.synthetic.shape import DOCUMENT_ID, SLOTS, SOURCE_QUOTE, SYNTHETIC_TITLE, Ind

# --- targets ---------------------------------------------------------------------------------------------


def _round_sig(x: float, digits: int = 3) -> float:
    if x == 0 or not np.isfinite(x):
        return 0.0
    return float(f"{x:.{digits}g}")


def build_targets(tree: Tree, inds: tuple[Ind, ...], years: list[int], values: np.ndarray, growth: np.ndarray,
             rng: np.random.Generator) -> list[dict]:
    """One target per slot and jurisdiction, its number drawn around the series so every status occurs."""
    index = {ind.code: k for k, ind in enumerate(inds)}
    slots = [s for s in SLOTS if s.indicator is None or s.indicator in index]
    y0 = years[0]

    def at(j: int, k: int, year: int) -> float:
        if year <= years[-1]:
            return float(values[j, k, max(year, y0) - y0])
        last = float(values[j, k, -1])
        if inds[k].unit == "percent":
            return last + growth[j, k] * (year - years[-1])
        return last * (1 + growth[j, k]) ** (year - years[-1])

    rows = []
    n_j = len(tree.codes)
    draws = rng.random((n_j, len(slots), 3))
    for j in range(n_j):
        jcode = tree.codes[j]
        for s_i, slot in enumerate(slots):
            u = draws[j, s_i]
            t: dict = {
                "id": f"{jcode}-{s_i + 1:02d}",
                "jurisdiction": jcode,
                "indicator": slot.indicator,
                "kind": slot.kind,
                "comparator": slot.comparator,
                "plan_start": slot.plan_start,
                "deadline": slot.deadline,
                "per_year": slot.per_year,
                "headline": slot.headline and tree.level[j] in ("national", "province"),
                "departments": ["合成发展和改革委员会"],
                "department_role": "lead",
                "sources": [{"document": DOCUMENT_ID, "clause": f"slot {s_i + 1}", "quote": SOURCE_QUOTE}],
                "notes": SYNTHETIC_TITLE,
            }
            if slot.kind == "sub_target":
                if tree.parent[j] >= 0:
                    t["parent"] = f"{tree.codes[tree.parent[j]]}-{s_i + 1:02d}"
                else:
                    t["kind"] = "outcome"
            if slot.indicator is None:
                t |= {"name_zh": f"{LEVEL_ZH[tree.level[j]]}{tree.admin[j]}达到先进水平（合成）",
                      "name_en": f"SYNTHETIC qualitative goal of {jcode}"}
                rows.append(t)
                continue
            k = index[slot.indicator]
            ind = inds[k]
            t["name_zh"] = f"{LEVEL_ZH[tree.level[j]]}{tree.admin[j]}{ind.zh}目标（合成）"
            t["name_en"] = f"SYNTHETIC {ind.en} target of {jcode}"
            pct = ind.unit == "percent"
            rnd = (lambda x: round(x, 1)) if pct else _round_sig
            comparator = slot.comparator
            if comparator in ("relative_to_reference", "growth_above_reference") and tree.parent[j] < 0:
                comparator = t["comparator"] = "at_least"  # national has nothing above it
            if comparator == "growth_above_reference":
                t["reference_jurisdiction"] = tree.codes[tree.parent[j]]  # judged year by year, no value
            elif comparator == "relative_to_reference":
                t["reference_jurisdiction"] = tree.codes[tree.parent[j]]
            elif comparator == "growth_rate":
                t["value"] = round((growth[j, k] * 100 + (u[0] - 0.5) * 6) * 2) / 2
                t["baseline_year"] = slot.baseline_year
                if slot.stated_baseline and u[1] < 0.4:
                    t["baseline_value"] = at(j, k, slot.baseline_year)
            elif comparator == "multiple_of_baseline":
                t["multiple"] = slot.multiple
                t["baseline_year"] = slot.baseline_year
            elif slot.per_year:
                plan = [at(j, k, yr) for yr in range(slot.plan_start, slot.deadline + 1)]
                if comparator == "at_most":
                    t["value"] = rnd(max(plan) * (0.95 + 0.15 * u[0]))
                else:
                    t["value"] = rnd(float(np.mean(plan)) * (0.8 + 0.25 * u[0]))
            else:
                goal = at(j, k, slot.deadline)
                if comparator == "at_most":
                    t["value"] = rnd(goal * (0.8 + 0.35 * u[0]))
                elif comparator == "approx":
                    t["value"] = rnd(goal * (0.9 + 0.2 * u[0]))
                    if u[1] < 0.5:
                        t["tolerance"] = slot.tolerance
                elif comparator == "range":
                    low = rnd(goal * (0.85 + 0.3 * u[0]))
                    t["value"], t["value_high"] = low, rnd(low * 1.2)
                else:
                    t["value"] = rnd(goal * (0.85 + 0.35 * u[0]))
                if pct:
                    t["value"] = min(max(t["value"], 0.1), 99.9)
                    if "value_high" in t:
                        t["value_high"] = max(min(t["value_high"], 99.9), t["value"])
            rows.append(t)
    return rows
