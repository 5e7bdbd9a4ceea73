"""The review flow: `extract-targets FILE --against targets.yaml` marks each proposal new, catalogued or conflicting.

The plan text is a real sentence (tests/fixtures/real/policies/panan-2021-science, development half); the catalogue
below is SYNTHETIC, written for this test: one target read as the extractor reads it (catalogued), one read with
another comparator (conflicting), one with another value (conflicting), the rest absent (new).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
import yaml
from typer.testing import CliRunner

from targetwatch.catalogue import load_catalogue
from targetwatch.extraction import extract_targets
from targetwatch.extraction.cli import extract_targets_command
from targetwatch.extraction.review import review, same_quote

PLAN = ("《规划》明确，到 2025 年，全社会R&D 经费支出占GDP的比重达到2.8%，高新技术产业增加值占规上工业增加值比重达到"
        "60%，国家高新技术企业达到80家、省科技型中小企业达到260家、省级以上研发机构达到40家。")

CATALOGUE = """\
# SYNTHETIC catalogue for the review-flow test (the schema has no county level: prefecture stands in).
version: 1
jurisdictions:
  - {code: panan, admin_code: "330727", name_zh: 磐安县, name_en: Pan'an County, level: prefecture}
indicators:
  - {code: high_tech_enterprises, name_zh: 高新技术企业数, name_en: High-tech enterprises, unit: count,
     measure: stock, definition_en: Synthetic.}
  - {code: tech_smes, name_zh: 科技型中小企业数, name_en: Tech SMEs, unit: count, measure: stock,
     definition_en: Synthetic.}
  - {code: rd_intensity, name_zh: 研发投入强度, name_en: R&D intensity, unit: percent, measure: rate,
     definition_en: Synthetic.}
targets:
  - id: panan-high-tech
    jurisdiction: panan
    indicator: high_tech_enterprises
    name_zh: 国家高新技术企业达到80家
    name_en: "High-tech enterprises: at least 80 by 2025"
    kind: outcome
    comparator: at_least
    value: 80
    deadline: 2025
    sources: [{document: panan-2021, clause: "-", quote: "國家高新技術企業達到80家"}]
  - id: panan-tech-smes
    jurisdiction: panan
    indicator: tech_smes
    name_zh: 省科技型中小企业260家
    name_en: "Tech SMEs: 260 by 2025"
    kind: outcome
    comparator: exact
    value: 260
    deadline: 2025
    sources: [{document: panan-2021, clause: "-", quote: 省科技型中小企业达到260家}]
  - id: panan-rd
    jurisdiction: panan
    indicator: rd_intensity
    name_zh: 研发投入强度3%
    name_en: "R&D intensity: at least 3% by 2025"
    kind: outcome
    comparator: at_least
    value: 3
    deadline: 2025
    sources: [{document: panan-2021, clause: "-", quote: "全社会R&D经费支出占GDP的比重达到2.8%"}]
"""


def _catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "targets.yaml"
    path.write_text(CATALOGUE, encoding="utf-8")
    return path


def test_each_proposal_is_new_catalogued_or_conflicting(tmp_path):
    catalogue = load_catalogue(_catalogue(tmp_path))
    proposals = extract_targets(PLAN, "panan-2021", catalogue)
    got = [(p.value, r.status, r.target_ids) for p, r in zip(proposals, review(proposals, catalogue), strict=True)]
    assert got == [
        (2.8, "conflicting", ("panan-rd",)),  # same words, the catalogue wrote 3
        (60, "new", ()),
        (80, "catalogued", ("panan-high-tech",)),  # the catalogue quotes it in traditional script: same quote
        (260, "conflicting", ("panan-tech-smes",)),  # exact in the catalogue, at_least (达到) proposed
        (40, "new", ()),
    ]


def test_a_conflict_says_both_readings(tmp_path):
    catalogue = load_catalogue(_catalogue(tmp_path))
    proposals = extract_targets(PLAN, "panan-2021", catalogue)
    reason = review(proposals, catalogue)[3].reason
    assert reason == "proposed at_least 260, catalogue panan-tech-smes: exact 260"


def test_same_quote_ignores_script_width_spaces_and_extent():
    assert same_quote("國家高新技術企業達到80家", "国家高新技术企业达到80家。")
    assert same_quote("到 2025 年，全社会R&D 经费支出", "全社会R&D经费支出")  # one inside the other
    assert not same_quote("省级以上研发机构达到40家", "国家高新技术企业达到80家")


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("extract-targets")(extract_targets_command)

    @app.command()
    def other() -> None:  # a second command, so typer keeps sub-command names
        """placeholder"""

    return app


def test_command_marks_and_skips(tmp_path):
    plan = tmp_path / "panan-2021.txt"
    plan.write_text(PLAN, encoding="utf-8")
    against = ["--against", str(_catalogue(tmp_path))]
    as_yaml = CliRunner().invoke(_app(), ["extract-targets", str(plan), *against])
    assert as_yaml.exit_code == 0, as_yaml.output
    assert "# Against the catalogue: 2 new, 1 catalogued, 2 conflicting." in as_yaml.output
    assert "  # review: catalogued · as panan-high-tech" in as_yaml.output
    assert len(yaml.safe_load("targets:\n" + as_yaml.output)["targets"]) == 5
    skipped = CliRunner().invoke(_app(), ["extract-targets", str(plan), *against, "--skip-catalogued", "-f", "json"])
    rows = json.loads(skipped.output)
    assert [(r["entry"]["value"], r["review"]["status"]) for r in rows] == [
        (2.8, "conflicting"), (60, "new"), (260, "conflicting"), (40, "new")]


def test_command_refuses_a_catalogue_that_does_not_load(tmp_path):
    plan = tmp_path / "p.txt"
    plan.write_text(PLAN, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\ntargets: [", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["extract-targets", str(plan), "--against", str(bad)])
    assert result.exit_code == 2
