"""The string helpers behind indicator naming (session 20: str.find and substring tests in place of per-name regexes
and a character loop). Each expectation is what the replaced code gave, worked out by hand."""

from __future__ import annotations

import pytest

from targetwatch.extraction.naming import _common_prefix, _occurrences, _unquoted


@pytest.mark.parametrize(("text", "word", "starts"), [
    ("高新技术企业和高新技术企业", "高新技术企业", [0, 7]),
    ("aaaa", "aa", [0, 2]),  # not overlapping, as re.finditer: 0 and 2, never 1 or 3
    ("aaa", "aa", [0]),
    ("众创空间", "孵化器", []),
    ("ab", "", [0, 1, 2]),  # re.finditer('', 'ab'): an empty match at each of the 3 positions
    ("", "x", []),
])
def test_occurrences_are_the_starts_finditer_gives(text, word, starts):
    assert list(_occurrences(text, word)) == starts


@pytest.mark.parametrize(("a", "b", "n"), [
    ("全省研发经费投入强度", "研发经费投入强度", 8),  # the whole name
    ("研发投入占比", "研发经费投入强度", 2),  # 研发 and then 投 is not 经
    ("xabcab", "abd", 2),  # the run ab, twice; abd never
    ("abc", "x", 0),
    ("", "ab", 0),
    ("ab", "", 0),
])
def test_common_prefix_is_the_longest_prefix_of_b_in_a(a, b, n):
    assert _common_prefix(a, b) == n


def test_unquoted_drops_only_the_quote_marks():
    assert _unquoted("“双创”示范基地") == "双创示范基地"
    assert _unquoted("「專精特新」企业") == "專精特新企业"
    assert _unquoted("高新技术企业") == "高新技术企业"
