"""Slices of the assessment: which targets a set of series affects, and which observations a set of targets needs.

A target's verdict depends only on (a) its own series (jurisdiction, indicator), (b) the reference series of a
`relative_to_reference` target (reference jurisdiction, same indicator) and (c) the proxy series of its
indicator in its jurisdiction (the `has_proxy_data` flag). So `assess` over a slice of targets, given the
observations of exactly those series, returns the same rows as `assess` over everything, restricted to the
slice. Both the incremental refresh and the partitioned (multiprocess) job rely on that; benchmarks/parts.py
and tests/benchmarks check it.

Candidates for targetwatch/assessment.py once the lead adopts partitioned or incremental runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from targetwatch.catalogue import Catalogue, Target

Series = tuple[str, str]  # (jurisdiction, indicator)


def proxies_of(catalogue: Catalogue) -> dict[str, list[str]]:
    """indicator -> the proxy indicators that approximate it."""
    out: dict[str, list[str]] = defaultdict(list)
    for ind in catalogue.indicators:
        if ind.proxy_of:
            out[ind.proxy_of].append(ind.code)
    return dict(out)


def series_of(catalogue: Catalogue, targets: Iterable[Target]) -> set[Series]:
    """Every series the given targets' verdicts read: own, reference and proxy series."""
    proxies = proxies_of(catalogue)
    needed: set[Series] = set()
    for t in targets:
        if t.indicator is None:
            continue
        needed.add((t.jurisdiction, t.indicator))
        if t.reference_jurisdiction:
            needed.add((t.reference_jurisdiction, t.indicator))
        for p in proxies.get(t.indicator, []):
            needed.add((t.jurisdiction, p))
    return needed


def affected_targets(catalogue: Catalogue, changed: set[Series]) -> list[Target]:
    """Targets whose verdict can change when the observations of `changed` series change."""
    proxied = {ind.code: ind.proxy_of for ind in catalogue.indicators if ind.proxy_of}
    hit = set(changed)
    hit |= {(j, proxied[i]) for j, i in changed if i in proxied}  # a proxy series flags its real indicator
    out = []
    for t in catalogue.targets:
        if t.indicator is None:
            continue
        if (t.jurisdiction, t.indicator) in hit or (
            t.reference_jurisdiction and (t.reference_jurisdiction, t.indicator) in hit
        ):
            out.append(t)
    return out


def sub_catalogue(catalogue: Catalogue, targets: list[Target]) -> Catalogue:
    """The same jurisdictions and indicators with only these targets (already validated: no re-validation)."""
    return catalogue.model_copy(update={"targets": list(targets)})


def observations_for(observations: pd.DataFrame, series: set[Series]) -> pd.DataFrame:
    """The rows of `observations` that belong to the given series."""
    keys = pd.DataFrame(sorted(series), columns=["jurisdiction", "indicator"])
    return observations.merge(keys, on=["jurisdiction", "indicator"], how="inner")[list(observations.columns)]


def top_level(catalogue: Catalogue) -> dict[str, str]:
    """jurisdiction -> its province-level ancestor (the national unit is its own group)."""
    parent = {j.code: j.parent for j in catalogue.jurisdictions}
    out = {}
    for code in parent:
        c = code
        while parent.get(c) and parent.get(parent[c]):
            c = parent[c]
        out[code] = c
    return out


def jurisdiction_groups(catalogue: Catalogue, n: int) -> list[list[str]]:
    """The jurisdictions in `n` groups of whole provinces (with their prefectures and counties), balanced by
    number of targets (largest first into the lightest group): the partitions of a partitioned run."""
    top = top_level(catalogue)
    load: dict[str, int] = defaultdict(int)
    for t in catalogue.targets:
        load[top[t.jurisdiction]] += 1
    members: dict[str, list[str]] = defaultdict(list)
    for code, root in top.items():
        members[root].append(code)
    groups: list[list[str]] = [[] for _ in range(n)]
    weight = [0] * n
    for root in sorted(members, key=lambda r: (-load[r], r)):
        k = weight.index(min(weight))
        groups[k].extend(sorted(members[root]))
        weight[k] += load[root]
    return [g for g in groups if g]


def targets_in(catalogue: Catalogue, jurisdictions: Iterable[str]) -> list[Target]:
    wanted = set(jurisdictions)
    return [t for t in catalogue.targets if t.jurisdiction in wanted]
