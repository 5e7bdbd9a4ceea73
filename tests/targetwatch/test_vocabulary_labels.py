"""Every vocabulary code a page shows has a label in both languages in dashboards/strings.yaml.

Pages look labels up by key (`comparator_<code>`, `kind_<code>`, `role_<code>`); a code without one was shown raw
(growth_above_reference and rank_at_most were, until session 15), which a leader cannot read.
"""

import pytest

from targetwatch import vocab
from targetwatch.render.page import load_strings

CODES = (
    [("comparator", c) for c in vocab.COMPARATORS]
    + [("kind", k) for k in vocab.KINDS]
    + [("role", r) for r in vocab.DEPARTMENT_ROLES]
)


@pytest.mark.parametrize(("prefix", "code"), CODES)
def test_code_has_both_labels(prefix: str, code: str) -> None:
    label = load_strings()[f"{prefix}_{code}"]
    assert label["zh"].strip() and label["en"].strip()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in label["zh"])  # Chinese first: a Chinese label, not the code


def test_new_comparators_read_in_chinese() -> None:
    strings = load_strings()
    assert strings["comparator_growth_above_reference"]["zh"] == "增速高于参照地区"
    assert strings["comparator_rank_at_most"]["zh"] == "排名不低于目标位次"
