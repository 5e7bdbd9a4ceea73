"""SYNTHETIC workload: a minimal XLSX writer for the template workbooks (one sheet, every cell text).

Written by hand, not with openpyxl, so that the same rows give byte-identical files (openpyxl stamps the time of
writing into the workbook): every zip entry carries a fixed date. Every distinct text is stored once, in the
workbook's shared-strings table, as Excel itself stores it.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def workbook(sheet: str, rows: list[list[str]]) -> bytes:
    """An XLSX workbook of one sheet holding `rows` (the first is the header) as text cells; empty cells omitted."""
    strings: dict[str, int] = {}
    letters = [get_column_letter(i + 1) for i in range(max((len(r) for r in rows), default=0))]
    body = []
    for r, cells in enumerate(rows, start=1):
        out = []
        for c, text in enumerate(cells):
            if text == "":
                continue
            k = strings.setdefault(text, len(strings))
            out.append(f'<c r="{letters[c]}{r}" t="s"><v>{k}</v></c>')
        body.append(f'<row r="{r}">{"".join(out)}</row>')
    count = sum(1 for cells in rows for t in cells if t != "")
    shared = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    parts = {
        "[Content_Types].xml": (
            f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/></Types>'),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
            f'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet name="{escape(sheet)}" sheetId="1" '
            f'r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_REL}/sharedStrings" '
            f'Target="sharedStrings.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(body)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}" count="{count}" uniqueCount="{len(strings)}">{shared}</sst>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, _HEAD + xml)
    return buffer.getvalue()
