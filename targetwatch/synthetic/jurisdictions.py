"""SYNTHETIC workload: the jurisdiction tree (national reference, provinces, prefectures, counties) and the
catalogue's jurisdiction and indicator entries built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

import numpy as np

from targetwatch.catalogue import Indicator, Jurisdiction
from targetwatch.synthetic.shape import NATIONAL_CODE, PROVINCE_PREFIXES, PROXIES, Ind, Scale

# --- jurisdictions ---------------------------------------------------------------------------------------


@dataclass
class Tree:
    codes: list[str]
    admin: list[str]
    level: list[str]  # national | province | prefecture | county
    parent: list[int]  # index of the parent (-1 for national)
    province: list[int]  # index of the province (national: 0, itself)
    share: np.ndarray  # share of the national size


def _split(total: int, parts: int, rng: np.random.Generator) -> list[int]:
    """`total` items into `parts` groups of at least one, unevenly (like real administrative divisions)."""
    extra = rng.multinomial(total - parts, rng.dirichlet(np.full(parts, 4.0)))
    return [1 + int(e) for e in extra]


def build_tree(scale: Scale, rng: np.random.Generator) -> Tree:
    codes, admin, level, parent, province = [NATIONAL_CODE], ["100000"], ["national"], [-1], [0]
    shares = [1.0]
    pref_counts = _split(scale.prefectures, scale.provinces, rng)
    county_counts = _split(scale.counties, scale.prefectures, rng)
    prov_share = rng.dirichlet(np.full(scale.provinces, 3.0))
    k = 0
    for p, pp in enumerate(PROVINCE_PREFIXES[: scale.provinces]):
        p_idx = len(codes)
        codes.append(f"syn-{pp}0000")
        admin.append(f"{pp}0000")
        level.append("province")
        parent.append(0)
        province.append(p_idx)
        shares.append(float(prov_share[p]))
        pref_share = rng.dirichlet(np.full(pref_counts[p], 3.0)) * shares[p_idx]
        for c in range(pref_counts[p]):
            c_idx = len(codes)
            codes.append(f"syn-{pp}{c + 1:02d}00")
            admin.append(f"{pp}{c + 1:02d}00")
            level.append("prefecture")
            parent.append(p_idx)
            province.append(p_idx)
            shares.append(float(pref_share[c]))
            county_share = rng.dirichlet(np.full(county_counts[k], 3.0)) * shares[c_idx] * 0.7
            for x in range(county_counts[k]):
                codes.append(f"syn-{pp}{c + 1:02d}{x + 1:02d}")
                admin.append(f"{pp}{c + 1:02d}{x + 1:02d}")
                level.append("county")
                parent.append(c_idx)
                province.append(p_idx)
                shares.append(float(county_share[x]))
            k += 1
    return Tree(codes, admin, level, parent, province, np.array(shares))


LEVEL_ZH = {"national": "合成全国", "province": "合成省", "prefecture": "合成市", "county": "合成县"}


def catalogue_jurisdictions(tree: Tree) -> list[Jurisdiction]:
    # The catalogue's model may not know "county" yet: counties are then filed as prefecture-level units, and
    # their 6-digit code (PPCCXX, XX > 00) still says county. The assessment never reads `level`.
    allowed = set(get_args(Jurisdiction.model_fields["level"].annotation))
    out = []
    for i, code in enumerate(tree.codes):
        lvl = tree.level[i]
        out.append(
            Jurisdiction(
                code=code,
                admin_code=tree.admin[i],
                name_zh=f"{LEVEL_ZH[lvl]}{tree.admin[i]}",
                name_en=f"SYNTHETIC {lvl} {tree.admin[i]}",
                level=lvl if lvl in allowed else "prefecture",
                parent=tree.codes[tree.parent[i]] if tree.parent[i] >= 0 else None,
            )
        )
    return out


def catalogue_indicators(inds: tuple[Ind, ...]) -> list[Indicator]:
    codes = {i.code for i in inds}
    out = []
    for ind in inds:
        proxy_of, note = PROXIES.get(ind.code, (None, None))
        if proxy_of not in codes:
            proxy_of, note = None, None
        out.append(
            Indicator(
                code=ind.code,
                name_zh=f"{ind.zh}（合成）",
                name_en=f"{ind.en} (SYNTHETIC)",
                unit=ind.unit,
                measure=ind.measure,
                direction=ind.direction,
                definition_en=f"SYNTHETIC benchmark indicator: {ind.en}",
                definition_zh=f"合成基准测试指标：{ind.zh}",
                proxy_of=proxy_of,
                proxy_note=note,
            )
        )
    return out
