"""tools/leak_check_extraction.py on a tiny SYNTHETIC corpus: a rule literal that occurs only in a test text is
listed with its set; one that also occurs in a development text or a seed is not."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).parents[3]
spec = importlib.util.spec_from_file_location("leak_check_extraction", ROOT / "tools" / "leak_check_extraction.py")
leak = importlib.util.module_from_spec(spec)
spec.loader.exec_module(leak)  # type: ignore[union-attr]

CORPUS_YAML = """\
documents:
  - {id: d, url: "http://example.invalid/d", published: "2020", script: simplified, split: development}
  - {id: t, url: "http://example.invalid/t", published: "2020", script: simplified, split: test}
"""


def test_literals_come_from_string_constants_not_docstrings(tmp_path: Path):
    src = tmp_path / "r.py"
    src.write_text('"""模块说明不算。"""\nWORDS = ("力争", "確保")\nPAT = r"(?:增长|增幅)\\d"\n', encoding="utf-8")
    assert set(leak.literals([src])) == {"力争", "确保", "增长", "增幅"}  # folded: 確保 -> 确保


def test_a_literal_only_in_a_test_text_is_listed(tmp_path: Path, monkeypatch):
    (tmp_path / "corpus.yaml").write_text(CORPUS_YAML, encoding="utf-8")
    (tmp_path / "d.txt").write_text("到2020年，全市力争建成众创空间50家。", encoding="utf-8")
    (tmp_path / "t.txt").write_text("到2020年，确保全县建成孵化器10家。", encoding="utf-8")
    (tmp_path / "targets.csv").write_text(
        "document,quote,occurrence,value,unit,comparator,deadline,kind,per_year,multiple,baseline_year,reference,note\n",
        encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "s.txt").write_text("全县建成孵化器。", encoding="utf-8")
    monkeypatch.setattr(leak, "literals", lambda: {"力争": {"r.py"}, "确保": {"r.py"}, "全县": {"r.py"}})
    rows = leak.leaks(tmp_path, seeds)
    # 力争 is in the development text, 全县 in a seed: only 确保 occurs outside development alone
    assert rows == [{"literal": "确保", "files": ["r.py"], "texts_by_set": {"test": 1}}]
