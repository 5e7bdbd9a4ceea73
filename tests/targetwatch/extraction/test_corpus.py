"""The real-text corpus (tests/fixtures/real/policies/) and how it is scored.

The first tests check the corpus itself (every text listed, every annotated quote found where it says); the scoring
test runs on a tiny SYNTHETIC corpus written below, whose figures are worked out by hand; the last test keeps the
measured scores above floors a few points under what docs/extraction.md reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.catalogue import load_catalogue
from targetwatch.config import PROJECT_DIR
from targetwatch.extraction import extract_targets
from targetwatch.extraction.corpus import FORMER_SPLITS, SPLITS, CorpusDocument, issued, load_corpus, propose, score


def test_every_text_is_listed_split_and_every_quote_is_placed():
    docs, golds = load_corpus()
    splits, former = SPLITS, FORMER_SPLITS  # each count below is written by hand: a set added there must be counted
    assert len(docs) == 907
    assert {s: sum(d.split == s for d in docs.values()) for s in splits} == {
        "development": 835, "test": 13, "holdout": 8, "holdout-2": 4, "unseen-14": 6, "unseen-67": 12,
        "unseen-68": 14, "unseen-69": 15}
    assert {s: sum(d.first_split == s for d in docs.values()) for s in former} == {
        "unseen-3": 13, "unseen-4": 12, "unseen-5": 10, "unseen-6": 18, "unseen-7": 12, "unseen-8": 26,
        "unseen-9": 15, "unseen-10": 19, "unseen-11": 17, "unseen-12": 19, "unseen-13": 14, "unseen-15": 14,
        "unseen-16": 10, "unseen-17": 9, "unseen-18": 15, "unseen-19": 11, "unseen-20": 10, "unseen-21": 8,
        "unseen-22": 10, "unseen-23": 15, "unseen-24": 15, "unseen-25": 15, "unseen-26": 14, "unseen-27": 10,
        "unseen-28": 16, "unseen-29": 12, "unseen-30": 14, "unseen-31": 10, "unseen-32": 12,
        "unseen-33": 8, "unseen-34": 11, "unseen-35": 11, "unseen-36": 11, "unseen-37": 8, "unseen-38": 9,
        "unseen-39": 7, "unseen-40": 6, "unseen-41": 6, "unseen-42": 10, "unseen-43": 8, "unseen-44": 10,
        "unseen-45": 8, "unseen-46": 10, "unseen-47": 12, "unseen-48": 10, "unseen-49": 11, "unseen-50": 10,
        "unseen-51": 12, "unseen-52": 11, "unseen-53": 14, "unseen-54": 13, "unseen-55": 13,
        "unseen-56": 13, "unseen-57": 15, "unseen-58": 27, "unseen-59": 20, "unseen-60": 19,
        "unseen-61": 14, "unseen-62": 20, "unseen-63": 18, "unseen-64": 12, "unseen-65": 18, "unseen-66": 12}
    assert all(d.split == "development" for d in docs.values() if d.first_split)
    assert sum(d.script == "traditional" for d in docs.values()) == (
        29 + 8 + 7 + 6 + 4 + 5 + 2 + 2 + 6 + 2 + 1 + 2 + 2 + 1 + 2 + 5 + 5 + 8 + 6 + 4 + 2 + 3 + 2 + 2 + 2 + 1 + 3 + 3
        + 2 + 4 + 2 + 2 + 2 + 2 + 6 + 3 + 1 + 1 + 6 + 4 + 3 + 2 + 6 + 3 + 3 + 3 + 4 + 5 + 3 + 5 + 11 + 9 + 6 + 5 + 7
        + 5 + 7 + 8 + 7 + 1 + 5 + 4)
    assert len(golds) == (428 + 34 + 43 + 31 + 63 + 119 + 51 + 25 + 93 + 42 + 54 + 60 + 36 + 36 + 1 + 41 + 76 + 49 + 32
                          + 48 + 36 + 42 + 21 + 15 + 14 + 12 + 15 + 38 + 15 + 20 + 26
                          + 20 + 20 + 14 + 1 + 23 + 96 + 72 + 30 + 29 + 73 + 57 + 55 + 146 + 87 + 109 + 123
                          + 109 + 98 + 104 + 87
                          + 82 + 95 + 98 + 64 + 65
                          + 72 + 127 + 77 + 150
                          + 64 + 47 + 55 + 71)  # unseen-54: 102 at its first score, 98 since round 44 (级 labels)
    assert {s: sum(docs[g.document].split == s for g in golds) for s in splits} == {
        "development": 3720, "test": 87, "holdout": 22, "holdout-2": 9, "unseen-14": 25, "unseen-67": 47,
        "unseen-68": 55, "unseen-69": 71}
    assert {s: sum(docs[g.document].first_split == s for g in golds) for s in former} == {
        "unseen-3": 60, "unseen-4": 34, "unseen-5": 27, "unseen-6": 24, "unseen-7": 20, "unseen-8": 34,
        "unseen-9": 43, "unseen-10": 31, "unseen-11": 63, "unseen-12": 120, "unseen-13": 51, "unseen-15": 93,
        "unseen-16": 42, "unseen-17": 54, "unseen-18": 60, "unseen-19": 36, "unseen-20": 36, "unseen-21": 1,
        "unseen-22": 41, "unseen-23": 76, "unseen-24": 49, "unseen-25": 32, "unseen-26": 48, "unseen-27": 36,
        "unseen-28": 42, "unseen-29": 21, "unseen-30": 15, "unseen-31": 14, "unseen-32": 12,
        "unseen-33": 15, "unseen-34": 38, "unseen-35": 15, "unseen-36": 20, "unseen-37": 26, "unseen-38": 20,
        "unseen-39": 20, "unseen-40": 14, "unseen-41": 23, "unseen-42": 96, "unseen-43": 72, "unseen-44": 30,
        "unseen-45": 29, "unseen-46": 73, "unseen-47": 57, "unseen-48": 55, "unseen-49": 146, "unseen-50": 87,
        "unseen-51": 109, "unseen-52": 123, "unseen-53": 109, "unseen-54": 98,
        "unseen-55": 104, "unseen-56": 87, "unseen-57": 82, "unseen-58": 95, "unseen-59": 98,
        "unseen-60": 64, "unseen-61": 65, "unseen-62": 72, "unseen-63": 127, "unseen-64": 77, "unseen-65": 150,
        "unseen-66": 64}
    for g in golds:
        assert docs[g.document].text[g.start : g.end] == g.quote
    assert all(d.url.startswith("http") for d in docs.values())


CORPUS_YAML = """\
# SYNTHETIC two-text corpus for the scoring test.
documents:
  - {id: a, url: "http://example.invalid/a", published: "2020", script: simplified, split: development}
  - {id: b, url: "http://example.invalid/b", published: "2020", script: simplified, split: test}
"""
TEXT_A = "到2020年，全市众创空间达到50家，孵化器超过20家。"  # two targets, both found
TEXT_B = "到2020年，建设示范基地10个。目前已建成科技园3个。"  # one target; 3个 is a status, found below the bar
TARGETS_CSV = """\
document,quote,occurrence,value,unit,comparator,deadline,kind,per_year,multiple,baseline_year,reference,note
a,全市众创空间达到50家,1,50,count,at_least,2020,outcome,false,,,,
a,孵化器超过20家,1,20,count,at_least,2021,outcome,false,,,,annotated at_least and 2021; the rules: exceed, 2020
b,建设示范基地10个,1,10,count,exact,,outcome,false,,,,no deadline annotated: not compared
b,全市高新技术企业100家,1,100,count,exact,2020,outcome,false,,,,
"""


def test_scoring_by_hand(tmp_path: Path):
    (tmp_path / "corpus.yaml").write_text(CORPUS_YAML, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B + "全市高新技术企业100家。", encoding="utf-8")
    (tmp_path / "targets.csv").write_text(TARGETS_CSV, encoding="utf-8")
    docs, golds = load_corpus(tmp_path)
    proposals = {d: extract_targets(doc.text, d) for d, doc in docs.items()}
    halves = score(docs, golds, proposals)
    dev, test = halves["development"], halves["test"]
    # a: both proposed and matched on value; the second's comparator disagrees (exceed vs the annotator's at_least)
    assert (dev.gold, dev.proposed, dev.matched, dev.comparator_agrees) == (2, 2, 2, 1)
    assert [g.quote for g, _ in dev.wrong_comparator] == ["孵化器超过20家"]
    # deadlines: both proposals say 2020 (到2020年); the annotation says 2020 and 2021
    assert (dev.deadlines_compared, dev.deadline_agrees, dev.deadline_agreement) == (2, 1, 0.5)
    assert [(g.quote, p.entry["deadline"]) for g, p in dev.wrong_deadline] == [("孵化器超过20家", 2020)]
    # b: 10个 proposed and right; 全市高新技术企业100家 (a bare number, no verb, cue or stated deadline) is below 0.5
    assert (test.gold, test.proposed, test.matched) == (2, 1, 1)
    assert (test.precision, test.recall) == (1.0, 0.5)
    assert [g.quote for g in test.misses] == ["全市高新技术企业100家"]
    assert (test.deadlines_compared, test.deadline_agreement) == (0, 0.0)  # its matched target states no deadline
    assert halves["holdout"].gold == 0


@pytest.fixture(scope="module")
def proposed():
    """The scored sets' texts, their annotations and proposals, made once for the floors below."""
    catalogue = load_catalogue(PROJECT_DIR / "targets.yaml")
    docs, golds = load_corpus()
    docs = {d: doc for d, doc in docs.items() if doc.split in SCORED}
    return docs, golds, propose(docs, catalogue)


@pytest.fixture(scope="module")
def measured(proposed):
    return score(*proposed)


@pytest.mark.parametrize(("published", "expected"), [
    # the date the page shows, as `extract-targets --issued` takes it (year and month)
    ("2019-12-02", "2019-12"),
    ("2021-07", "2021-07"),
    ("2022", "2022"),
    ("2024-06-13 (from the address)", "2024-06"),
    ("2021-03-08 (新華社)", "2021-03"),
    # dates the annotator inferred, not shown by the page: the extractor runs as a user without a date would
    ("2024 (the page shows no date)", None),
    ("about 2016 (a 十三五 outline; the page is of 2024)", None),
    ("about 2025-01-18 (the page shows 01-18 without a year)", None),
    ("unknown (the page shows no date)", None),
    ("undated", None),
    ("2021–2025 (the fifth list; the page shows 2025 dates in its sidebar)", None),
    ("2022-10/11 (after the 20th party congress; 1-9月 figures)", None),
])
def test_issued_is_the_date_the_page_shows(published, expected):
    doc = CorpusDocument(id="x", text="", split="development", url="http://example.invalid", published=published,
                         script="simplified")
    assert issued(doc) == expected


def test_the_page_date_reaches_the_extractor():
    """SYNTHETIC: a 今年 target in an undated text gets its year only from the page date the scorer passes."""
    text = "今年全市新增高新技术企业100家以上。"
    dated = CorpusDocument(id="a", text=text, split="test", url="http://example.invalid", published="2023-02-01",
                           script="simplified")
    undated = CorpusDocument(id="b", text=text, split="test", url="http://example.invalid",
                             published="2023 (the page shows no date)", script="simplified")
    out = propose({"a": dated, "b": undated})
    assert [p.entry["deadline"] for p in out["a"]] == [2023]
    assert [p.entry.get("deadline") for p in out["b"]] == [None]


FLOORS = [
    # development holds unseen-3/4/5 (round 4), unseen-6 (round 5), unseen-7 (round 6), unseen-8 (round 7), unseen-9
    # (round 8), unseen-10 (round 9), unseen-11/12 (round 10), unseen-13 (round 11), unseen-15 (round 12), unseen-16
    # (round 13), unseen-17 and unseen-18 (round 14): 95.4 / 97.2 / 100 with round 14's rules (93.6 / 95.1 / 99.8
    # with round 13's once unseen-17 and unseen-18 joined it). Round 41: unseen-52 joined it at 64.2% recall (half
    # its misses one table of names above values, a layout no other development text has, so no rule was written
    # for it): 96.3 / 94.0 / 99.6 with round 40's rules, 96.4 / 94.1 / 99.6 with round 41's; recall floor 0.95 -> 0.94.
    # Round 42: unseen-53 joined it at 81.7% recall (of the classes its first score named, only a deadline class shows
    # in two development texts): 96.3 / 93.5 / 99.7 with round 41's rules and 42's; recall floor 0.94 -> 0.93.
    # Round 45: unseen-56 joined it at 54.0% recall: 96.1 / 92.4 / 99.5 with round 44's rules (2600 of 2815, below
    # ceil(0.93 x 2815) = 2618); recall floor 0.93 -> 0.92
    # Round 47: unseen-58 joined it at 84.2% recall: 96.1 / 92.0 / 99.5 with round 46's rules (2754 of 2992, at least
    # ceil(0.92 x 2992) = 2753); floor unchanged
    # Round 54: unseen-64, -65 and -66 joined it with round 54's fifteen rules: 95.1 / 92.0 / 99.3 (3424 of 3720,
    # ceil(0.92 x 3720) = 3423; 3602 proposed, 0.9506); floors unchanged, met at their edge
    ("development", 0.95, 0.92, 0.97),
    # test: measured 100 / 97.7 / 100 with round 5's rules (100 / 100 / 100 before; first, unseen: 87.8 / 91.9)
    ("test", 0.95, 0.95, 0.95),
    ("holdout", 0.95, 0.95, 0.95),  # measured 100 / 100 / 100 (first, unseen: 80.8 / 95.5 / 95.2)
    ("holdout-2", 0.9, 0.95, 0.95),  # measured 100 / 100 / 100 (first, unseen: 23.1 / 100 / 100)
    # unseen-69 (15 texts, 9 with targets; 71 targets): first, unseen 90.2 / 77.5 / 100 (round 54's rules at the
    # round's end, main 9fd1484, scored in a clean archive of it)
    ("unseen-69", 0.88, 0.75, 0.97),
    # unseen-68 (14 texts, 9 with targets; 55 targets): first, unseen 58.5 / 69.1 / 100 (round 54's rule 1 (3ea8550):
    # rules 2-15 landed after that freeze; scored in a clean archive of 3ea8550)
    ("unseen-68", 0.56, 0.67, 0.97),
    # unseen-67 (12 texts, 7 with targets; 47 targets): first, unseen 72.2 / 83.0 / 100 (main c5c95c2, round 53's
    # rules and their reviews, scored in a clean archive of it)
    ("unseen-67", 0.70, 0.81, 0.97),
    # unseen-66 (12 texts, all with targets; 64 targets): first, unseen 97.1 / 51.6 / 97.0 (round 53's rules, main
    # d394c38, scored in a clean archive of it); development since round 54
    ("unseen-66", 0.95, 0.49, 0.95),
    # unseen-65 (18 texts, all with targets; 150 targets): first, unseen 89.5 / 68.0 / 97.1 (round 52's rules, frozen
    # at 55d837c, scored in a clean archive of it); development since round 54
    ("unseen-65", 0.87, 0.66, 0.95),
    # unseen-64 (12 texts, all with targets; 77 targets): first, unseen 90.9 / 64.9 / 94.0 (round 51's rules and
    # session 19's fixes, main f6a8fd8, scored in a clean archive of it); development since round 54
    ("unseen-64", 0.88, 0.62, 0.92),
    # unseen-63 (18 texts, all with targets; 127 targets): first, unseen 89.7 / 81.9 / 100 (round 51's rules, main
    # 965254d); development since round 53
    ("unseen-63", 0.87, 0.79, 0.97),
    # unseen-62 (20 texts, 19 with targets; 72 targets): first, unseen 77.1 / 75.0 / 96.3 (round 50's rules, main
    # c278bd1); development since round 53
    ("unseen-62", 0.75, 0.73, 0.94),
    # unseen-61 (14 texts, all with targets; 65 targets): first, unseen 75.0 / 64.6 / 100 (round 49's rules, main
    # d508c14, scored in a clean archive of it); development since round 51
    ("unseen-61", 0.73, 0.62, 0.97),
    # unseen-60 (19 texts, 17 with targets; 64 targets): first, unseen 69.2 / 84.4 / 96.3 (round 48's rules, main
    # d53d662); development since round 49
    ("unseen-60", 0.67, 0.82, 0.94),
    # unseen-59 (20 texts, 19 with targets; 98 targets): first, unseen 88.5 / 70.4 / 100 (round 47's rules, main
    # c6685a7); development since round 48
    ("unseen-59", 0.86, 0.68, 0.97),
    # unseen-58 (27 texts, 26 with targets; 95 targets): first, unseen 93.0 / 84.2 / 98.8 (round 46's rules, main
    # 670ac24); development since round 47
    ("unseen-58", 0.91, 0.82, 0.96),
    # unseen-57 (15 texts, all with targets; 82 targets): first, unseen 92.5 / 75.6 / 98.4 (round 45's rules, main
    # d49315f); development since round 46
    ("unseen-57", 0.90, 0.73, 0.96),
    # unseen-56 (13 texts, all with targets; 87 targets): first, unseen 88.7 / 54.0 / 95.7 (round 44's rules, main
    # a619a44); development since round 45
    ("unseen-56", 0.86, 0.52, 0.93),
    # unseen-55 (13 texts, all with targets; 104 targets): first, unseen 96.0 / 92.3 / 97.9 (round 43's rules, main
    # 1b4c7e1); development since round 44
    ("unseen-55", 0.93, 0.90, 0.95),
    # unseen-54 (13 texts, all with targets; 102 targets): first, unseen 92.2 / 81.4 / 98.8 (round 42's rules, main
    # 0f5007d); development since round 43
    ("unseen-54", 0.90, 0.79, 0.96),
    # unseen-53 (14 texts, all with targets; 109 targets): first, unseen 95.7 / 81.7 / 100 (round 41's rules, main
    # d5ae748); development since round 42
    ("unseen-53", 0.93, 0.79, 0.97),
    # unseen-52 (11 texts, all with targets; 123 targets): first, unseen 97.5 / 64.2 / 100 (round 40's rules, main
    # 40f58b8); development since round 41
    ("unseen-52", 0.95, 0.62, 0.97),
    # unseen-51 (12 texts, all with targets; 109 targets): first, unseen 97.0 / 89.0 / 100 (round 39's rules, main
    # af3a59f); development since round 40
    ("unseen-51", 0.95, 0.87, 0.97),
    # unseen-50 (10 texts, all with targets; 87 targets): first, unseen 94.4 / 77.0 / 100 (round 38's rules, main
    # 2d874fa); development since round 39
    ("unseen-50", 0.92, 0.75, 0.97),
    # unseen-49 (11 texts, all with targets; 146 targets): first, unseen 93.9 / 84.9 / 99.2 (round 37's rules, main
    # dc291f8); development since round 38
    ("unseen-49", 0.92, 0.83, 0.97),
    # unseen-48 (10 texts, all with targets; 55 targets): first, unseen 94.1 / 87.3 / 100 (round 36's rules);
    # development since round 37
    ("unseen-48", 0.92, 0.85, 0.97),
    # unseen-47 (12 texts, all with targets; 57 targets): first, unseen 87.8 / 75.4 / 100 (round 35's rules);
    # development since round 36
    ("unseen-47", 0.85, 0.73, 0.97),
    # unseen-46 (10 texts, all with targets; 73 targets): first, unseen 93.6 / 60.3 / 84.1 (round 34's rules);
    # development since round 35
    ("unseen-46", 0.91, 0.58, 0.82),
    # unseen-45 (8 texts, all with targets; 29 targets): first, unseen 78.6 / 75.9 / 100 (round 33's rules);
    # development since round 34
    ("unseen-45", 0.76, 0.73, 0.97),
    # unseen-44 (10 texts, all with targets; 30 targets): first, unseen 68.2 / 50.0 / 100 (round 33's rules);
    # development since round 34
    ("unseen-44", 0.66, 0.48, 0.97),
    # unseen-43 (8 texts, all with targets; 72 targets): first, unseen 98.3 / 79.2 / 100 (round 32's rules);
    # development since round 33
    ("unseen-43", 0.97, 0.77, 0.97),
    # unseen-42 (10 texts, all with targets; 96 targets): first, unseen 97.8 / 90.6 / 97.7 (round 31's rules);
    # development since round 32
    ("unseen-42", 0.97, 0.9, 0.97),
    # unseen-41 (5 texts with targets, 1 without; 23 targets): first, unseen 75.0 / 91.3 / 95.2 (round 30's rules);
    # development since round 31, measured 75.0 / 91.3 / 100 with round 31's rules
    ("unseen-41", 0.73, 0.9, 0.9),
    # unseen-40 (5 texts with targets, 1 without; 14 targets): first, unseen 78.6 / 78.6 / 100 (round 29's rules)
    ("unseen-40", 0.76, 0.76, 0.95),
    # unseen-39 (4 texts with targets, 3 without; 20 targets): first, unseen 100 / 60.0 / 100 (round 29's rules)
    ("unseen-39", 0.95, 0.58, 0.95),
    # unseen-38 (6 texts with targets, 3 without; 20 targets): first, unseen 88.9 / 80.0 / 93.8 (round 28's rules)
    ("unseen-38", 0.87, 0.78, 0.9),
    # unseen-37 (6 texts with targets, 2 without; 26 targets): first, unseen 88.9 / 92.3 / 100 (round 28's rules)
    ("unseen-37", 0.87, 0.9, 0.95),
    # unseen-36 (6 texts with targets, 5 without; 20 targets): first, unseen 86.4 / 95.0 / 94.7 (round 27's rules)
    ("unseen-36", 0.84, 0.9, 0.9),
    # unseen-35 (3 texts with targets, 8 without; 15 targets): first, unseen 60.9 / 93.3 / 92.9 (round 27's rules)
    ("unseen-35", 0.58, 0.9, 0.9),
    # unseen-34 (6 texts with targets, 5 without; 38 targets): first, unseen 97.2 / 92.1 / 100 (round 26's rules)
    ("unseen-34", 0.95, 0.9, 0.95),
    # unseen-33 (3 texts with targets, 5 status; 15 targets): first, unseen 75.0 / 60.0 / 100 (round 26's rules)
    ("unseen-33", 0.73, 0.58, 0.95),
    # unseen-32 (4 texts with targets, 8 status; 12 targets): first, unseen 75.0 / 100 / 100 (round 25's rules)
    ("unseen-32", 0.73, 0.95, 0.95),  # measured 85.7 / 100 / 100 with round 26's rules
    # unseen-31 (3 texts with targets, 7 status; 14 targets): first, unseen 80.0 / 85.7 / 100 (round 24's rules)
    ("unseen-31", 0.78, 0.85, 0.95),  # measured 100 / 92.9 / 100 with round 25's rules
    # unseen-30 (3 texts with targets, 11 status; 15 targets): first, unseen 66.7 / 93.3 / 100 (round 23's rules)
    ("unseen-30", 0.63, 0.9, 0.95),  # measured 100 / 93.3 / 100 with round 24's rules
    # unseen-29 (5 texts with targets, 7 status; 20 targets): first, unseen 70.0 / 70.0 / 85.7 (round 22's rules)
    ("unseen-29", 0.95, 0.85, 0.95),  # measured 100 / 90.0 / 100 with round 23's rules
    # unseen-28 (8 texts with targets, 8 status; 35 targets): first, unseen 85.7 / 68.6 / 100 (round 21's rules)
    ("unseen-28", 0.8, 0.8, 0.95),  # measured 82.9 / 82.9 / 100 with round 22's rules
    # unseen-27: measured 100 / 100 / 97.2 with round 22's rules
    # unseen-27 (6 texts with targets, 4 status; 36 targets): first, unseen 50.9 / 80.6 / 96.6 (round 21's rules)
    ("unseen-27", 0.47, 0.77, 0.92),
    # unseen-26 (10 texts with targets, 4 status; 48 targets): first, unseen 67.8 / 83.3 / 100 (round 20's rules)
    ("unseen-26", 0.86, 0.8, 0.95),  # measured 90.9 / 83.3 / 100 with round 21's rules
    # unseen-25 (10 texts with targets, 5 status; 32 targets): first, unseen 67.5 / 84.4 / 96.3 (round 19's rules)
    ("unseen-25", 0.8, 0.83, 0.92),  # measured 84.8 / 87.5 / 96.4 with round 20's rules
    # unseen-24 (8 texts with targets, 7 status; 46 targets): first, unseen 89.7 / 76.1 / 97.1 (round 18's rules)
    ("unseen-24", 0.88, 0.8, 0.95),  # measured 92.9 / 84.8 / 100 with round 19's rules
    # unseen-23 (13 texts with targets, 2 status; 76 targets): first, unseen 86.2 / 90.8 / 97.1 (round 17's rules)
    ("unseen-23", 0.93, 0.93, 0.95),  # measured 97.4 / 97.4 / 100 with round 18's rules
    # unseen-22 (6 plans with targets, 4 status texts; 41 targets): first, unseen 100 / 73.2 / 96.7 (round 16's rules)
    ("unseen-22", 0.95, 0.7, 0.95),
    # unseen-21 (mostly status texts, 1 target): first, unseen 50.0 / 100 / 100 (round 16's rules; 1 false positive)
    ("unseen-21", 0.45, 0.95, 0.95),
    # unseen-20: first, unseen 85.0 / 97.1 / 100 (round 15's rules; 35 targets; 87.5 / 97.2 / 100 with the headline
    # target added after the first score)
    ("unseen-20", 0.84, 0.94, 0.95),  # measured 97.3 / 100 / 100 with round 16's rules
    # unseen-19: first, unseen 69.6 / 44.4 / 100 (round 14's rules; 36 targets); measured 91.9 / 94.4 / 100 with
    # round 15's
    ("unseen-19", 0.88, 0.9, 0.95),
    # unseen-18: first, unseen 62.1 / 68.3 / 100 (round 13's rules; 60 targets); measured 86.6 / 96.7 / 100 with
    # round 14's
    ("unseen-18", 0.83, 0.93, 0.95),
    # unseen-17: first, unseen 92.7 / 94.4 / 96.1 (round 13's rules; 54 targets); measured 96.4 / 98.1 / 100 with
    # round 14's
    ("unseen-17", 0.88, 0.9, 0.92),
    # unseen-16: first, unseen 94.1 / 76.2 / 96.9 (round 12's rules); measured 95.5 / 100 / 100 with round 13's
    ("unseen-16", 0.9, 0.95, 0.95),
    # unseen-15: first, unseen 89.4 / 81.7 / 92.1 (round 11's rules); measured 94.6 / 94.6 / 100 with round 12's
    ("unseen-15", 0.9, 0.9, 0.95),
    # unseen-14: measured 80.0 / 80.0 / 100 at its first, unseen score (round 11's rules; 25 targets)
    ("unseen-14", 0.76, 0.76, 0.95),
    # unseen-13: first, unseen 90.2 / 72.5 / 100 (round 10's rules); measured 94.3 / 98.0 / 100 with round 11's
    ("unseen-13", 0.87, 0.7, 0.95),
    # unseen-12: first, unseen 94.1 / 80.7 / 97.9 (round 9's rules); measured 97.3 / 90.8 / 99.1 with round 10's
    ("unseen-12", 0.9, 0.77, 0.95),
    # unseen-11: first, unseen 79.7 / 81.0 / 100 (round 9's rules); measured 87.1 / 96.8 / 100 with round 10's
    ("unseen-11", 0.76, 0.78, 0.95),
    # unseen-10: first, unseen 57.9 / 71.0 / 100 (round 8's rules); measured 90.6 / 93.5 / 100 with round 9's
    ("unseen-10", 0.87, 0.9, 0.95),
    # unseen-9: first, unseen 85.4 / 81.4 / 97.1 (round 7's rules); measured 94.7 / 83.7 / 100 with round 8's,
    # 100 / 93.0 / 100 with round 9's
    ("unseen-9", 0.95, 0.9, 0.95),
    # unseen-8: first, unseen 53.2 / 97.1 / 97.0 (round 6's rules); measured 91.7 / 97.1 / 100 with round 7's
    ("unseen-8", 0.88, 0.95, 0.95),
    # unseen-7: first, unseen 95.0 / 95.0 / 100 (round 5's rules); measured 100 / 100 / 100 with round 6's
    ("unseen-7", 0.95, 0.95, 0.95),
    # unseen-6: first, unseen 82.1 / 95.8 / 100 (round 4's rules); measured 96.0 / 100 / 100 with round 5's
    ("unseen-6", 0.9, 0.95, 0.95),
    # the former unseen sets, now development (first, unseen: 75.4 / 81.7 / 73.5, 74.4 / 94.1 / 100, 69.0 / 74.1 / 95.0)
    ("unseen-3", 0.93, 0.93, 0.95),  # measured 98.3 / 98.3 / 100 with round 4's rules
    ("unseen-4", 0.92, 0.9, 0.95),  # measured 97.0 / 94.1 / 100
    ("unseen-5", 0.95, 0.85, 0.9),  # measured 100 / 88.9 / 95.8
    ]
# A fresh set gets its floor row at its first score (once, at a frozen commit). Until then it is not scored here:
# not proposed for, not summed into the calibration test below, so running this module cannot score it early.
SCORED = frozenset(split for split, *_ in FLOORS)


@pytest.mark.parametrize(("split", "precision", "recall", "comparator"), FLOORS)
def test_measured_scores_stay_above_their_floors(measured, split, precision, recall, comparator):
    s = measured[split]
    assert s.precision >= precision
    assert s.recall >= recall
    assert s.comparator_agreement >= comparator


# The sets on the development side when its floor was 0.95 / 0.95 / 0.97 (up to unseen-51, round 40). The whole
# half's recall floor went 0.95 -> 0.94 -> 0.93 as harder fresh sets joined it (unseen-52 at 64.2% recall, unseen-53
# and unseen-54 near 81%): right for the half, but each such step also lowered the only guard these older texts had.
# Their own floor keeps the original one, however many hard sets join later: 596 texts, 2,294 targets, measured
# 96.4 / 95.6 / 99.6 (2,194 of 2,276 proposed matched) with round 43's rules (main 9fe31ba).
OLDER_DEVELOPMENT = (None, *FORMER_SPLITS[: FORMER_SPLITS.index("unseen-51") + 1])


def test_the_older_development_texts_keep_the_original_floor(proposed):
    docs, golds, proposals = proposed
    older = {d: doc for d, doc in docs.items() if doc.split == "development" and doc.first_split in OLDER_DEVELOPMENT}
    texts, s = len(older), score(older, golds, proposals)["development"]
    # the development half at the session's start (757e862); round 47: + 11 rows of the 年目标任务 convention
    # (china-2008-jobs-q3 3, tongxin-2018 7, lanzhou-2023 1; policies/README.md)
    assert (texts, s.gold) == (596, 2294 + 11)
    assert s.precision >= 0.95
    assert s.recall >= 0.95
    assert s.comparator_agreement >= 0.97


def test_high_confidence_proposals_are_right(measured):
    right = sum(measured[s].right_above(0.9)[0] for s in SPLITS if s in SCORED)  # formers are inside development
    total = sum(measured[s].right_above(0.9)[1] for s in SPLITS if s in SCORED)
    assert total > 100 and right / total >= 0.95
