"""The catalogue's indicator names as keys for running text (issue 17).

Moved out of communique.py unchanged in round 29 (communique.py had reached the 700-line limit): the communiqué
reader, the flattened-table reader (flat_tables.py) and the `|` grid reader (grid_tables.py) all find names in a
folded sentence with the same leftmost-longest keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from targetwatch.reports.matching import IndicatorMatcher, normalised_key, without_deletions
from targetwatch.reports.model import Aliases, AliasMatch


@dataclass
class TextKeys:
    """The catalogue's indicator names as normalised keys, for running text (targetwatch.reports.matching)."""

    pattern: re.Pattern[str]
    codes: dict[str, str | None]  # None: the key names two indicators
    matcher: IndicatorMatcher
    written_for: dict[str, str]  # a key the normaliser does not know -> the name it stands for (r&d支出 -> 研发支出)

    @classmethod
    def of(cls, aliases: Aliases) -> TextKeys:
        matcher = IndicatorMatcher(aliases.indicators, {})
        codes = matcher.text_keys()
        for name, code in matcher.exact.items():  # names as written (高新技术企业数量) match whole, before keys
            written = without_deletions(name)
            if len(written) >= 2 and codes.get(normalised_key(name), code) == code:
                codes.setdefault(written, code)
        written_for = {}
        for key, code in list(codes.items()):  # R&D is 研发: 全社会R&D支出占GDP比重为2.44% (u12_nat_2021_summary_kjzg)
            if key.startswith("研发") and "r&d" + key[2:] not in codes:
                codes["r&d" + key[2:]], written_for["r&d" + key[2:]] = code, key
        keys = sorted(codes, key=lambda k: (-len(k), k))
        return cls(re.compile("|".join(map(re.escape, keys)) or r"(?!x)x"), codes, matcher, written_for)

    def find(self, view: str) -> list[AliasMatch]:
        """Leftmost-longest matches; a key starting with 省/市 is not matched where that character ends 该省,
        全省, 本省, 我省 (该省重点实验室 is the province's key laboratories, not 省重点实验室)."""
        out = []
        for m in self.pattern.finditer(view):
            if m.group()[0] in "省市" and m.start() > 0 and view[m.start() - 1] in "该全本我各":
                continue
            out.append(AliasMatch(m.start(), m.end(), self.codes[m.group()], m.group()))  # type: ignore[arg-type]
        return out
