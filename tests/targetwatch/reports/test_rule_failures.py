"""A rule that raises never silences its file (issue 17, round 17; targetwatch/reports/rule_failures.py).

Round 16: one restatement check raised on one row of unseen-25's flattened table and the whole file gave no rows, so 24
figures were neither read nor quarantined. Here a rule is forced to raise (monkeypatched: the failure is SYNTHETIC, the
texts are real dev texts) and the file must still be read by the other rules, with the failure visible as a quarantined
row naming the file, the line and the exception.

gs_2022_rd (dev) prints Gansu's 2022 R&D expenditure (`2022年,甘肃省R&D经费达到144.15亿元,…;`) and its intensity
(`研发经费投入强度1.29%,居全国第22位、西部第5位`) as two sentences of one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports import communique, mentions
from targetwatch.reports.ingest import read_one
from tests.targetwatch.reports.test_communique import read_real_text

REAL = Path(__file__).parents[2] / "fixtures" / "real" / "reports"
NAME = "gs_2022_rd"


def _line_of(name: str, needle: str) -> int:
    lines = (REAL / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def _values(result) -> set[float]:
    return {round(float(v), 2) for v in result.rows["value_raw"]} if len(result.rows) else set()


def test_the_real_text_reads_all_three_figures_when_no_rule_fails(aliases):
    assert {144.15, 1.29} <= _values(read_real_text(NAME, aliases))


def test_a_rule_raising_on_one_sentence_quarantines_that_sentence_and_the_others_are_read(aliases, monkeypatch):
    real = communique._figures

    def breaks_on_one_sentence(doc, sentence, *args):
        if "144.15" in sentence.text:
            raise RuntimeError("SYNTHETIC failure of a rule")
        return real(doc, sentence, *args)

    monkeypatch.setattr(communique, "_figures", breaks_on_one_sentence)
    result = read_real_text(NAME, aliases)  # raised out of read_text before round 17: the whole file failed
    values = _values(result)
    assert 1.29 in values  # the next sentence, on the same line, is read as usual
    assert 144.15 not in values  # the failing sentence gives no observation...
    failed = result.rejected[result.rejected["reason"].str.startswith("rule failed")]
    assert len(failed) == 1  # ...but one quarantined row that says why
    reason = failed["reason"].iloc[0]
    line = _line_of(NAME, "144.15")
    assert f"{NAME}.txt" in reason and f"line {line}" in reason
    assert "RuntimeError: SYNTHETIC failure of a rule" in reason
    assert "test_rule_failures.breaks_on_one_sentence" in reason  # the rule that raised, by module and function
    assert "144.15" in failed["raw_content"].iloc[0]  # its figure is quarantined with it: not silent


def test_the_failure_is_a_rejected_row_of_the_ingested_file_not_a_failed_file(aliases, monkeypatch):
    real = communique._figures

    def breaks(doc, sentence, *args):
        if "1.29%" in sentence.text:
            raise KeyError("SYNTHETIC")
        return real(doc, sentence, *args)

    monkeypatch.setattr(communique, "_figures", breaks)
    result = read_one(REAL / f"{NAME}.txt", aliases)  # the ingestion's entry: a failed file would raise here
    assert any("KeyError" in r and f"{NAME}.txt" in r for r in result.rejected["reason"])


def test_a_file_stage_that_raises_quarantines_every_row_it_was_given(aliases, monkeypatch):
    """The round-16 crash: the restatement check (mentions._base, inside one_per_figure) raising on one row."""
    expected = read_real_text(NAME, aliases)

    def broken_base(*args, **kwargs):
        raise ValueError("not a number: '亿' (SYNTHETIC)")

    monkeypatch.setattr(mentions, "_base", broken_base)
    result = read_real_text(NAME, aliases)
    assert result.rows.empty  # one observation per figure could not be checked: nothing is published unchecked
    failed = result.rejected[result.rejected["reason"].str.startswith("rule failed")]
    assert len(failed) == len(expected.rows)  # and nothing is lost: every row the stage was given is quarantined
    # the rule named is the innermost frame raised in (here the test's stand-in for mentions._base)
    assert all("broken_base" in r and "ValueError" in r and f"{NAME}.txt" in r for r in failed["reason"])
    assert all("one observation per figure" in r for r in failed["reason"])
    quarantined = " ".join(failed["raw_content"])
    assert "144.15" in quarantined and "1.29" in quarantined


def test_a_flattened_table_stage_that_raises_is_skipped_and_its_cells_stay_quarantined(aliases, monkeypatch):
    name = "u25_nat_2004_most_sti_tables"  # dev since round 16: its 12 levels are read by flat_tables.py

    def broken_tables(*args, **kwargs):
        raise IndexError("SYNTHETIC")

    monkeypatch.setattr(communique, "with_flat_tables", broken_tables)
    result = read_real_text(name, aliases)
    assert result.rows.empty or "678.9" not in " ".join(result.rows["raw_content"])
    reasons = list(result.rejected["reason"])
    assert any(r.startswith("rule failed") and "flattened tables" in r and "IndexError" in r for r in reasons)
    unread = " ".join(r for r in reasons if r.startswith("not recognised"))
    assert "678.9" in unread and "1.23" in unread  # the cells are not silent: each stays a "not recognised" row


@pytest.mark.parametrize("error", [MemoryError, KeyboardInterrupt])
def test_what_is_not_a_rule_failure_still_stops_the_read(aliases, monkeypatch, error):
    def stops(*args):
        raise error()

    monkeypatch.setattr(communique, "_figures", stops)
    with pytest.raises(error):
        read_real_text(NAME, aliases)


# --- a yearbook workbook: a sheet whose reading raises is one quarantined row, the other sheets are read ------------


def _two_sheet_book(tmp_path) -> Path:
    import openpyxl  # SYNTHETIC workbook, as test_yearbook.py's

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    for row in [["山西省主要科技指标（SYNTHETIC）"], ["指标", "2019年"], ["高新技术企业（家）", 2405]]:
        ws.append(row)
    other = wb.create_sheet("表2")
    for row in [["山西省技术市场（SYNTHETIC）"], ["指标", "2019年"], ["技术合同成交额（亿元）", 265]]:
        other.append(row)
    wb.save(tmp_path / "book.xlsx")
    return tmp_path / "book.xlsx"


def test_a_sheet_whose_rule_raises_is_quarantined_and_the_other_sheet_is_read(tmp_path, aliases, monkeypatch):
    from targetwatch.reports import yearbook

    real = yearbook.read_grid

    def breaks_on_one_sheet(grid, **kwargs):
        if grid.sheet == "表2":
            raise ZeroDivisionError("SYNTHETIC")
        return real(grid, **kwargs)

    monkeypatch.setattr(yearbook, "read_grid", breaks_on_one_sheet)
    result = read_one(_two_sheet_book(tmp_path), aliases)  # the ingestion's entry: a failed file would raise here
    assert list(result.rows["value_raw"]) == ["2405"]  # 表1 is read
    failed = result.rejected[result.rejected["reason"].str.startswith("rule failed")]
    assert list(failed["sheet"]) == ["表2"]
    assert "book.xlsx, sheet '表2'" in failed["reason"].iloc[0] and "ZeroDivisionError" in failed["reason"].iloc[0]


def test_a_workbook_whose_every_sheet_raises_is_read_with_its_failures_not_refused(tmp_path, aliases, monkeypatch):
    from targetwatch.reports import yearbook

    def breaks(grid, **kwargs):
        raise ValueError("SYNTHETIC")

    monkeypatch.setattr(yearbook, "read_grid", breaks)
    result = read_one(_two_sheet_book(tmp_path), aliases)
    assert result.rows.empty and len(result.rejected) == 2  # one row per sheet, each naming it: visible, not lost


# --- the guarantee end to end: whichever rules fail, on a scored set no annotated figure becomes silent ---------------

SCORED_SET = "unseen-25"  # dev since round 16: 11 real texts, 102 annotated figures, the flattened table among them


def _score(catalogue):
    from targetwatch.reports.evaluation import score_half
    from tests.conftest import TODAY

    return score_half(Path(__file__).parents[2] / "fixtures" / "real", catalogue, SCORED_SET, TODAY)


def test_with_every_other_sentence_failing_no_figure_is_silent_and_no_change_is_a_level(catalogue, monkeypatch):
    real = communique._figures

    def every_other_sentence_fails(doc, sentence, *args):
        if sentence.number % 2:
            raise RuntimeError("SYNTHETIC")
        return real(doc, sentence, *args)

    monkeypatch.setattr(communique, "_figures", every_other_sentence_fails)
    score = _score(catalogue)
    assert score.annotated == 102 and score.silent == 0 and score.changes_as_levels == 0
    assert score.found < 22  # the failures did cost levels: they were quarantined, not lost
    assert score.rule_failures > 0  # and the measurement says so (tools/evaluate_corpus.py prints it)


def test_no_rule_fails_on_the_scored_set_as_the_rules_stand(catalogue):
    assert _score(catalogue).rule_failures == 0


def test_with_the_file_stages_failing_nothing_is_silent_or_published(catalogue, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("SYNTHETIC")

    monkeypatch.setattr(mentions, "_base", broken)
    monkeypatch.setattr(communique, "with_flat_tables", broken)
    score = _score(catalogue)
    assert (score.observations, score.silent, score.changes_as_levels) == (0, 0, 0)
