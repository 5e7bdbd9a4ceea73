"""`load_corpus` reads a folder once per process for each content of it (issue 21), on a tiny SYNTHETIC corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from targetwatch.extraction import corpus
from targetwatch.extraction.corpus import GoldTarget, load_corpus

CORPUS_YAML = """\
# SYNTHETIC one-text corpus for the cache tests.
documents:
  - {id: a, url: "http://example.invalid/a", published: "2020", script: simplified, split: development}
"""
TARGETS_CSV = """\
document,quote,occurrence,value,unit,comparator,deadline,kind,per_year,multiple,baseline_year,reference,note
a,众创空间达到50家,1,50,count,at_least,2020,outcome,false,,,,
"""


def _write(folder: Path, text: str) -> None:
    (folder / "corpus.yaml").write_text(CORPUS_YAML, encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "targets.csv").write_text(TARGETS_CSV, encoding="utf-8")


def test_a_second_read_is_the_same_objects_in_new_containers(tmp_path: Path):
    _write(tmp_path, "到2020年，全市众创空间达到50家。")
    docs, golds = load_corpus(tmp_path)
    again, golds_again = load_corpus(tmp_path)
    assert again == docs and golds_again == golds
    assert again["a"] is docs["a"] and golds_again[0] is golds[0]  # read once: the same frozen objects
    # each caller's dict and list are its own
    docs.pop("a")
    golds.append(golds[0])
    assert list(again) == ["a"] and len(golds_again) == 1
    assert list(load_corpus(tmp_path)[0]) == ["a"] and len(load_corpus(tmp_path)[1]) == 1


def test_the_cached_corpus_itself_cannot_be_changed(tmp_path: Path):
    """The value the cache keeps is shared by every later read: its documents are a read-only view and its targets a
    tuple, so even a caller of the private reader cannot change what the next caller gets."""
    _write(tmp_path, "到2020年，全市众创空间达到50家。")
    docs, golds = corpus._read_corpus(tmp_path.resolve(), corpus._folder_stamp(tmp_path))
    with pytest.raises(TypeError):
        docs["b"] = docs["a"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        golds.append(golds[0])  # type: ignore[attr-defined]
    assert list(load_corpus(tmp_path)[0]) == ["a"] and len(load_corpus(tmp_path)[1]) == 1


def test_a_changed_file_is_read_afresh(tmp_path: Path):
    _write(tmp_path, "到2020年，全市众创空间达到50家。")
    _docs, golds = load_corpus(tmp_path)
    assert (golds[0].start, golds[0].end) == (9, 18)  # 到2020年，全市 is 9 characters, the quote 9
    # the same size and modification time would keep the cache: both change here (one character more, 1 s later)
    (tmp_path / "a.txt").write_text("到2020年底，全市众创空间达到50家。", encoding="utf-8")
    stat = (tmp_path / "a.txt").stat()
    os.utime(tmp_path / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    docs2, golds2 = load_corpus(tmp_path)
    assert docs2["a"].text == "到2020年底，全市众创空间达到50家。"
    assert golds2 == [GoldTarget(document="a", quote="众创空间达到50家", start=10, end=19, value=50.0, unit="count",
                                 comparator="at_least", deadline=2020, kind="outcome", per_year=False,
                                 multiple=None, reference=None, note="")]
    # a file added to the folder is another content too
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert load_corpus(tmp_path)[0]["a"] is not docs2["a"]
