"""tools/leak_check.py checks every reader module: its list of rule files is the folder, not a hand-kept list
(the hand-kept list of round 21 had missed 17 modules added since, annual_statistics.py and zone_subject.py among
them)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("leak_check", ROOT / "tools" / "leak_check.py")
leak_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(leak_check)


def test_every_reader_module_and_the_shared_word_lists_are_checked():
    readers = {f"targetwatch/reports/{p.name}" for p in (ROOT / "targetwatch" / "reports").glob("*.py")}
    assert set(leak_check.RULE_FILES) == readers | {"targetwatch/variants.py", "targetwatch/units.py"}
    assert "targetwatch/reports/annual_statistics.py" in leak_check.RULE_FILES  # round 26, after the old list
    assert "targetwatch/reports/communique.py" in leak_check.RULE_FILES


def test_a_literal_only_in_a_test_text_is_listed(tmp_path):
    """SYNTHETIC corpus of two texts: 众创空间 is in both halves, 星火燎原 only in the test text."""
    (tmp_path / "a.txt").write_text("全省众创空间达到103家。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("众创空间星火燎原。", encoding="utf-8")
    (tmp_path / "corpus.csv").write_text("doc_id,file,half\na,a.txt,dev\nb,b.txt,test\n", encoding="utf-8")
    rule = tmp_path / "rule.py"
    rule.write_text('WORDS = "众创空间|星火燎原"  # 科技\n', encoding="utf-8")
    table = leak_check.check([rule], tmp_path)
    by_literal = {row["literal"]: row for row in table.to_dict("records")}
    assert by_literal["星火燎原"]["dev"] == [] and by_literal["星火燎原"]["test"] == ["b"]
    assert by_literal["众创空间"]["dev"] == ["a"] and by_literal["众创空间"]["test"] == ["b"]
    assert by_literal["科技"]["kind"] == "comment" and by_literal["科技"]["dev"] == []
