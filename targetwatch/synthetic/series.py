"""SYNTHETIC workload: the latent series, one value per jurisdiction, indicator and year, that the report files
and the targets are both drawn from.
"""

from __future__ import annotations

import numpy as np

from targetwatch.synthetic.jurisdictions import Tree
from targetwatch.synthetic.shape import Ind

# --- the latent series -----------------------------------------------------------------------------------


def latent_series(tree: Tree, inds: tuple[Ind, ...], years: list[int], rng: np.random.Generator):
    """Latent values (J, I, Y) already rounded as published, and per-series growth (J, I)."""
    n_j, n_i, n_y = len(tree.codes), len(inds), len(years)
    t = np.arange(n_y)
    values = np.empty((n_j, n_i, n_y))
    growth = np.empty((n_j, n_i))
    for k, ind in enumerate(inds):
        if ind.unit == "percent":
            level = ind.level * np.exp(rng.normal(0, 0.18, n_j))
            level[0] = ind.level
            slope = ind.growth + rng.normal(0, abs(ind.growth) * 0.6 + 0.05, n_j)
            v = level[:, None] + slope[:, None] * t[None, :] + rng.normal(0, 0.05, (n_j, n_y))
            values[:, k] = np.round(np.clip(v, 0.1, 99.5), 2)
            growth[:, k] = slope
            continue
        scale = np.ones(n_j) if ind.per_capita else tree.share
        level = ind.level * scale * np.exp(rng.normal(0, 0.15, n_j))
        level[0] = ind.level
        g = ind.growth + rng.normal(0, 0.035, n_j)
        v = level[:, None] * (1 + g[:, None]) ** t[None, :] * np.exp(rng.normal(0, 0.015, (n_j, n_y)))
        growth[:, k] = g
        if ind.unit == "yuan":
            values[:, k] = np.round(v / 1e4, 2) * 1e4  # published in 万元 with two decimals
        elif ind.unit == "persons" and ind.level >= 1e8:
            values[:, k] = np.round(v / 100) * 100  # published in 万人 with two decimals
        else:
            values[:, k] = np.round(v)
    return values, growth
