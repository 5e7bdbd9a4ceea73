"""A malformed and hostile reports folder, built by the tests (never committed as binaries).

Every builder writes one kind of entry into a folder and says what ingestion must make of it: the status in
`report_files` and a fragment of its reason (or, for rows, of the quarantine reason). All figures are SYNTHETIC.
"""

from __future__ import annotations

import io
import os
import socket
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEADER = ("# data: synthetic\n# SYNTHETIC hostile-input corpus; the figures are invented.\n"
          "jurisdiction,indicator,year,value,unit\n")
SECRET = "root:x:0:0:SYNTHETIC-OUTSIDE-SECRET-7f3a:/root:/bin/bash"  # what must never reach out/


@dataclass(frozen=True)
class Expect:
    status: str  # report_files.status
    says: str = ""  # a fragment of its error or warning
    rows: tuple[tuple[str, str], ...] = ()  # (a fragment of raw_content, a fragment of the quarantine reason)


def _csv(rows: list[str]) -> str:
    return HEADER + "".join(r + "\n" for r in rows)


def outside_symlink(folder: Path, outside: Path) -> dict[str, Expect]:
    secret = outside / "passwd"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "etc-folder").symlink_to(outside, target_is_directory=True)
    (folder / "dangling.csv").symlink_to(outside / "nothing-here.csv")
    return {
        "passwd.txt": Expect("refused", "outside the reports folder"),
        "etc-folder": Expect("refused", "outside the reports folder"),
        "dangling.csv": Expect("refused", "outside the reports folder"),
    }


def inside_symlink(folder: Path) -> dict[str, Expect]:
    (folder / "real.csv").write_text(_csv(["shanxi,高新技术企业,2019,1523,家"]), encoding="utf-8")
    (folder / "zz-link-to-real.csv").symlink_to(folder / "real.csv")
    return {"real.csv": Expect("loaded"), "zz-link-to-real.csv": Expect("duplicate", "duplicate of real.csv")}


def special_files(folder: Path) -> dict[str, Expect]:
    os.mkfifo(folder / "pipe.csv")
    expect = {"pipe.csv": Expect("refused", "FIFO")}
    path = folder / "sock.csv"
    if len(str(path)) < 100:  # AF_UNIX paths are short
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        s.close()
        expect["sock.csv"] = Expect("refused", "socket")
    return expect


def zip_bomb(folder: Path, inflated: int, name: str = "bomb.xlsx") -> dict[str, Expect]:
    """An .xlsx whose one sheet inflates to `inflated` bytes of repeated XML (deflate packs it ~1000:1)."""
    with zipfile.ZipFile(folder / name, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            chunk = b"<row><c><v>0</v></c></row>" * 40_000
            for _ in range(0, inflated, len(chunk)):
                f.write(chunk)
    return {name: Expect("refused", "TARGETWATCH_MAX_")}


def lying_zip(folder: Path) -> dict[str, Expect]:
    """A zip whose central directory says its member holds 1,000 bytes; it holds 4 MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<row/>" * 700_000)
    data = bytearray(buf.getvalue())
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.find(signature)
        data[at + offset : at + offset + 4] = struct.pack("<I", 1_000)
    (folder / "liar.xlsx").write_bytes(bytes(data))
    return {"liar.xlsx": Expect("failed", "liar.xlsx")}


def truncated_xlsx(folder: Path) -> dict[str, Expect]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>' * 200)
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet/>" * 2000)
    data = buf.getvalue()
    (folder / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    return {"truncated.xlsx": Expect("failed", "cannot be read as xlsx")}


def huge_values(folder: Path) -> dict[str, Expect]:
    rows = [
        "shanxi,技术合同成交额,2019,1e308,亿元",
        "shanxi,高新技术企业,2019,1e308,家",
        "shanxi,高新技术企业,2018,inf,家",
        "shanxi,高新技术企业,2017,-1e308,家",
        "shanxi,高新技术企业,2016,1e-320,家",
        "shanxi,城镇新增就业,2019,1e20,人",
        "shanxi,研究与试验发展（R&D）经费投入强度,2019,150,%",
        "shanxi,高新技术企业,2015,999999999,家",  # the largest whole count accepted
        "shanxi,技术合同成交额,2018,1e7,亿元",  # 1e15 yuan: the largest sum accepted
    ]
    (folder / "huge-values.csv").write_text(_csv(rows), encoding="utf-8")
    return {"huge-values.csv": Expect("loaded", rows=(
        ("1e308,亿元", "not a finite number"),
        ("2019,1e308,家", "above the unit's plausible maximum"),
        ("inf", "not a finite number"),
        ("-1e308", "below the unit's minimum"),
        ("1e-320", "should be a whole number"),
        ("1e20", "above the unit's plausible maximum"),
        ("150", "outside 0..100, the range of a share"),  # R&D intensity is declared a share
    ))}


def empty_and_header_only(folder: Path) -> dict[str, Expect]:
    (folder / "header-only.csv").write_text("jurisdiction,indicator,year,value,unit\n", encoding="utf-8")
    (folder / "empty.csv").write_bytes(b"")
    (folder / "comments-only.csv").write_text("# data: synthetic\n# nothing else\n", encoding="utf-8")
    return {
        "header-only.csv": Expect("loaded", "no rows"),
        "empty.csv": Expect("failed", "no yearbook table"),
        "comments-only.csv": Expect("failed", "comments-only.csv"),
    }


def encodings(folder: Path) -> dict[str, Expect]:
    text = _csv(["山西,高新技术企业,2019,1523,家"])
    (folder / "gb18030.csv").write_bytes(text.encode("gb18030"))
    (folder / "utf16.csv").write_bytes(text.encode("utf-16"))
    (folder / "big5.csv").write_bytes(_csv(["山西,高新技術企業,2019,1523,家"]).encode("big5"))
    (folder / "undecodable.csv").write_bytes(HEADER.encode() + b"\xff\xfe\xfa\x80\x81 not text\n")
    (folder / "nul-bytes.csv").write_bytes(HEADER.encode() + b"shanxi,\x00\x00,2019,1,\x00\n")
    return {
        "gb18030.csv": Expect("loaded"), "utf16.csv": Expect("loaded"), "big5.csv": Expect("loaded"),
        "undecodable.csv": Expect("failed", "cannot decode"),
        "nul-bytes.csv": Expect("loaded", rows=(("shanxi", "unknown indicator"),)),
    }


def malformed_csv(folder: Path) -> dict[str, Expect]:
    (folder / "unbalanced-quotes.csv").write_text(_csv(['shanxi,"高新技术企业,2019,1523,家']), encoding="utf-8")
    (folder / "ragged.csv").write_text(_csv(["shanxi,高新技术企业,2019,1523,家,extra,cells"]), encoding="utf-8")
    (folder / "garbage.csv").write_bytes(bytes(range(1, 9)) * 64)
    return {
        "unbalanced-quotes.csv": Expect("loaded", rows=(("shanxi", "unknown indicator"),)),  # the quote runs on
        "ragged.csv": Expect("loaded", rows=(("extra", "cells, the header has 5"),)),
        "garbage.csv": Expect("failed", "garbage.csv"),
    }


def over_limits(folder: Path) -> dict[str, Expect]:
    """Files over the corpus's lowered limits (`CORPUS_LIMITS`)."""
    (folder / "too-many-rows.csv").write_text(_csv(["shanxi,高新技术企业,2019,1,家"] * 300), encoding="utf-8")
    (folder / "too-wide.csv").write_text(_csv([",".join(["x"] * 80)]), encoding="utf-8")
    (folder / "long-cell.csv").write_text(_csv(["shanxi,高新技术企业,2019,1,家" + "啊" * 5000]), encoding="utf-8")
    (folder / "big-file.txt").write_text("SYNTHETIC " * 40_000, encoding="utf-8")
    return {
        "too-many-rows.csv": Expect("refused", "TARGETWATCH_MAX_ROWS"),
        "too-wide.csv": Expect("refused", "TARGETWATCH_MAX_CELLS_PER_ROW"),
        "long-cell.csv": Expect("refused", "TARGETWATCH_MAX_CHARS_PER_CELL"),
        "big-file.txt": Expect("refused", "TARGETWATCH_MAX_FILE_BYTES"),
    }


def html_and_yaml(folder: Path) -> dict[str, Expect]:
    (folder / "script.html").write_text(
        "<!-- data: synthetic --><html><head><title>SYNTHETIC<script>alert(1)</script></title></head>"
        "<body><script>document.write('x')</script><p>2019年山西省高新技术企业达到1523家。</p></body></html>",
        encoding="utf-8")
    (folder / "bad-sidecar.csv").write_text(_csv(["shanxi,高新技术企业,2019,1524,家"]), encoding="utf-8")
    (folder / "bad-sidecar.csv.meta.yaml").write_text("release_date: [unclosed\n", encoding="utf-8")
    return {"script.html": Expect("loaded"), "bad-sidecar.csv": Expect("failed", "sidecar is not valid")}


def _duration_workbook(path: Path, days: float) -> None:
    """A SYNTHETIC template workbook whose middle row's value cell is formatted as a duration ([h]:mm:ss) of `days`."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["jurisdiction", "indicator", "year", "value", "unit"])
    sheet.append(["shanxi", "高新技术企业", 2014, 1401, "家"])
    sheet.append(["shanxi", "高新技术企业", 2013, days, "家"])
    sheet.cell(row=3, column=4).number_format = "[h]:mm:ss"
    sheet.append(["shanxi", "高新技术企业", 2012, 1201, "家"])
    book.save(path)


def xlsx_odd_cells(folder: Path) -> dict[str, Expect]:
    """One cell a department formatted as a duration: a row of its own, never the whole workbook (issue 17, round
    18). 500,000,000 days is a Python timedelta beyond pandas' range (it raised OutOfBoundsTimedelta and stopped the
    workbook): its text reaches the normaliser, which quarantines it. 2,000,000,000 days is beyond Python's timedelta:
    python-calamine raises OverflowError for that row and reads on, and the reader quarantines the row by number."""
    _duration_workbook(folder / "synthetic-duration-cell.xlsx", 500_000_000)
    _duration_workbook(folder / "synthetic-overflow-cell.xlsx", 2_000_000_000)
    return {
        "synthetic-duration-cell.xlsx": Expect("loaded", rows=(("500000000 days", "is not a number"),)),
        "synthetic-overflow-cell.xlsx": Expect("loaded", rows=(
            ("", "Sheet!row 3: a cell cannot be read (OverflowError"),)),
    }


def duplicate(folder: Path) -> dict[str, Expect]:
    data = _csv(["gansu,高新技术企业,2019,1100,家"]).encode("utf-8")
    (folder / "a-original.csv").write_bytes(data)
    (folder / "b-copy-of-original.csv").write_bytes(data)
    return {"a-original.csv": Expect("loaded"), "b-copy-of-original.csv": Expect("duplicate", "a-original.csv")}


BUILDERS: tuple[Callable[..., dict[str, Expect]], ...] = (
    inside_symlink, special_files, lying_zip, truncated_xlsx, huge_values, empty_and_header_only, encodings,
    malformed_csv, over_limits, html_and_yaml, duplicate, xlsx_odd_cells,
)


def build(folder: Path, outside: Path, bomb_bytes: int = 40 * 2**20) -> dict[str, Expect]:
    """Write the whole corpus into `folder` (links point into `outside`); return what each entry must become."""
    folder.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    expect = outside_symlink(folder, outside) | zip_bomb(folder, bomb_bytes)
    for builder in BUILDERS:
        expect |= builder(folder)
    return expect
