"""The extractor on the five real policy documents: quotes are verbatim, repeated text counts once, and the
measured precision and recall against targets.yaml stay above their floors."""

from __future__ import annotations

import pytest

from targetwatch.catalogue import Source, Target
from targetwatch.extraction import extract_targets
from targetwatch.extraction.evaluate import Gold, evaluate, markdown, match, values_agree
from targetwatch.extraction.extract import Proposal

DOCUMENTS = ["gansu-2015", "gansu-2016", "gansu-2018", "xining-2018", "shanxi-2017"]


@pytest.fixture(scope="module")
def proposals(documents, catalogue) -> dict[str, list[Proposal]]:
    return {d: extract_targets(documents[d].text, d, catalogue, min_confidence=0.0) for d in DOCUMENTS}


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_every_quote_occurs_verbatim_at_its_offsets(doc_id, documents, proposals):
    text = documents[doc_id].text
    for p in proposals[doc_id]:
        assert text[p.char_start : p.char_end] == p.quote
        assert p.quote in text
        assert len(p.quote) >= 4  # the catalogue's minimum


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_without_a_catalogue_quotes_are_verbatim_too(doc_id, documents):
    text = documents[doc_id].text
    for p in extract_targets(text, doc_id, None, min_confidence=0.0):
        assert text[p.char_start : p.char_end] == p.quote


def test_the_document_pasted_twice_yields_each_target_once(documents, proposals):
    text = documents["gansu-2016"].text
    second_copy = text.find("甘肃省人民政府办公厅关于印发")
    assert second_copy > 0
    got = proposals["gansu-2016"]
    assert got and all(p.char_end <= second_copy for p in got)
    assert len({(p.quote, p.value) for p in got}) == len(got)


def test_traditional_quotes_stay_traditional(proposals):
    quotes = [p.quote for p in proposals["xining-2018"]]
    assert any("眾創空間" in q for q in quotes)
    assert not any("众创空间" in q for q in quotes)


def test_the_2018_gansu_plan_has_no_figure_to_propose(proposals):
    assert [p for p in proposals["gansu-2018"] if p.confidence >= 0.5] == []


@pytest.mark.parametrize(
    ("doc_id", "quote_part", "indicator", "value", "deadline", "per_year"),
    [
        ("gansu-2015", "形成300个", "maker_spaces", 300, 2020, False),
        ("gansu-2015", "每年通过创业创新带动就业45万人", "jobs_via_entrepreneurship", 450000, 2020, True),
        ("shanxi-2017", "全省高新技术企业达到1500家以上", "high_tech_enterprises", 1500, 2020, False),
        ("shanxi-2017", "比重争取达到全国平均水平", "rd_intensity", None, 2020, False),
    ],
)
def test_the_headline_targets_are_proposed(proposals, doc_id, quote_part, indicator, value, deadline, per_year):
    (p,) = [p for p in proposals[doc_id] if quote_part in p.quote]
    assert (p.entry.get("indicator"), p.value, p.entry.get("deadline"), p.entry.get("per_year", False)) == (
        indicator, value, deadline, per_year)
    assert p.confidence >= 0.5


def test_proposals_without_problems_are_valid_targets(proposals):
    complete = [p for ps in proposals.values() for p in ps if not p.problems]
    assert complete
    for p in complete:
        p.target()


# --- the measure itself ----------------------------------------------------------------------------------------


def _gold(value: float | None, quote_span: tuple[int, int], **kw) -> Gold:
    target = Target(id="g", jurisdiction="xx", indicator="things", name_zh="测", name_en="t", kind="outcome",
                    comparator=kw.pop("comparator", "at_least"), value=value, deadline=2020,
                    sources=[Source(document="d", clause="-", quote="synthetic quote")], **kw)
    return Gold(target, "d", [quote_span])


def _proposal(value: float | None, span: tuple[int, int], **entry) -> Proposal:
    return Proposal(entry={"value": value, "sources": [{"document": "d", "quote": "q"}], **entry},
                    char_start=span[0], char_end=span[1], confidence=1.0, rule="t", indicator_status="new")


@pytest.mark.parametrize(
    ("gold", "proposal", "agree"),
    [
        (_gold(300, (0, 1)), _proposal(300, (0, 1)), True),
        (_gold(300, (0, 1)), _proposal(30, (0, 1)), False),
        (_gold(None, (0, 1), comparator="relative_to_reference", reference_jurisdiction="nat"),
         _proposal(None, (0, 1)), True),
        (_gold(None, (0, 1), comparator="multiple_of_baseline", multiple=2, baseline_year=2017),
         _proposal(100000, (0, 1), multiple=2), True),
        (_gold(None, (0, 1), comparator="multiple_of_baseline", multiple=2, baseline_year=2017),
         _proposal(None, (0, 1), multiple=4), False),
    ],
)
def test_values_agree(gold, proposal, agree):
    assert values_agree(gold.target, proposal) is agree


def test_match_is_one_to_one_and_needs_an_overlap():
    golds = [_gold(50, (10, 20)), _gold(50, (30, 40))]
    proposals = [_proposal(50, (12, 18)), _proposal(50, (15, 35)), _proposal(50, (50, 60))]
    pairs = match(golds, proposals)
    assert [(golds.index(g), proposals.index(p)) for g, p in pairs] == [(0, 0), (1, 1)]


# Measured on 2026-11-23 against targets.yaml at commit c3b400d (71 targets, 73 target-document pairs):
# precision 100.0% (71/71), recall 97.3% (71/73). See docs/extraction.md.
RECALL_FLOOR = 0.92
PRECISION_FLOOR = 0.95
OUTCOME_RECALL_FLOOR = 0.95  # the aim for outcome targets (measured: 45 of 45)


def test_measured_recall_and_precision_stay_above_their_floors(catalogue, documents):
    """Recall and precision over the five documents against the hand-made catalogue (the gold set), with the
    default confidence threshold. The floors sit about five points below what was measured (precision 100.0%,
    recall 97.3% on 2026-11-23): losing four of the 73 gold targets, or proposing four figures that are not
    targets, fails this test. Those figures are in-sample (the rules were written with these documents in view),
    so the floors guard against regressions; they do not promise the same on a new document."""
    ev = evaluate(catalogue, {d: documents[d] for d in DOCUMENTS})
    report = markdown(ev)
    # every (target, document it quotes) pair is in the gold set once
    assert ev.overall.tp + ev.overall.fn == sum(len({s.document for s in t.sources} & set(DOCUMENTS))
                                                for t in catalogue.targets)
    assert ev.overall.recall >= RECALL_FLOOR, report
    assert ev.overall.precision >= PRECISION_FLOOR, report
    outcome = ev.recall_by_kind["outcome"]
    assert outcome.tp + outcome.fn == 45 and outcome.recall >= OUTCOME_RECALL_FLOOR, report
