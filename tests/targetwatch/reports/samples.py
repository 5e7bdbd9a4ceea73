"""SYNTHETIC report contents for the reader tests, in simplified and traditional script.

The figures are invented; every sample says SYNTHETIC in its title or a comment line. Tests write them
in tmp_path in the encoding under test; `build_fixtures` also writes the readable copies kept in
tests/fixtures/reports/.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

WORDS = {
    "simplified": {
        "title": "山西省主要科技指标（SYNTHETIC 测试数据）",
        "label": "指标",
        "unit": "单位",
        "years": "年份",
        "hte": "高新技术企业*",
        "rdi": "研究与试验发展（R&D）经费投入强度（%）",
        "jobs": "城镇新增就业",
        "tct": "技术合同成交额",
        "spc": "科技进步贡献率（%）",
        "unknown": "未知指标（个）",
        "note": "注：①2020年为初步数。*年末数。SYNTHETIC：数字为虚构。",
        "persons": "人",
        "yi": "亿元",
        "jia": "家",
        "about": "约300",
        "forty": "四十万",
        "wan": "43.7万",
    },
    "traditional": {
        "title": "山西省主要科技指標（SYNTHETIC 測試數據）",
        "label": "指標",
        "unit": "單位",
        "years": "年份",
        "hte": "高新技術企業*",
        "rdi": "研究與試驗發展（R&D）經費投入強度（%）",
        "jobs": "城鎮新增就業",
        "tct": "技術合同成交額",
        "spc": "科技進步貢獻率（%）",
        "unknown": "未知指標（個）",
        "note": "註：①2020年為初步數。*年末數。SYNTHETIC：數字為虛構。",
        "persons": "人",
        "yi": "億元",
        "jia": "家",
        "about": "約300",
        "forty": "四十萬",
        "wan": "43.7萬",
    },
}


def yearbook_rows(script: str) -> list[list[object]]:
    """The yearbook grid, row 1 first (Excel rows = CSV lines)."""
    w = WORDS[script]
    return [
        [w["title"], "", "", "", ""],
        ["", "", "", "", ""],
        [w["label"], w["unit"], w["years"], "", ""],
        ["", "", "2018年", "2019年", "2020年①"],
        [w["hte"], w["jia"], "1,523", 2405, "—"],
        [w["rdi"], "", 1.05, 1.12, 1.22],
        [w["jobs"], w["persons"], 451000, w["wan"], w["forty"]],
        [w["tct"], w["yi"], 265, w["about"], ""],
        [w["spc"], "", 55, "−1.5", "５６.２"],
        [w["unknown"], "", 5, "…", ""],
        [w["note"], "", "", "", ""],
    ]


YEARBOOK_MERGES = ("A1:E1", "A3:A4", "B3:B4", "C3:E3", "A11:E11")


def yearbook_csv(script: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(yearbook_rows(script))
    return buf.getvalue()


def write_yearbook_xlsx(path: Path, script: str) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "科技指标"
    for row in yearbook_rows(script):
        ws.append([None if v == "" else v for v in row])
    for cells in YEARBOOK_MERGES:
        ws.merge_cells(cells)
    wb.save(path)
    return path


COMMUNIQUE = {
    "simplified": """# data: synthetic（SYNTHETIC 测试文本，数字为虚构）
2019年山西省国民经济和社会发展统计公报（SYNTHETIC）
山西省统计局
发布日期：2020年3月5日
年末全省共有高新技术企业1，523家，比上年增加200家。
全年研究与试验发展（R&D）经费投入强度为1.22%，比上年提高0.06个百分点。
全年城镇新增就业43.7万人。全年技术合同成交额265亿元。
全国高新技术企业22.5万家。
全省科技企业孵化器65家，其中国家级科技企业孵化器12家。
科技进步贡献率比上年提高1.5个百分点。
到2025年，全省高新技术企业将达到3000家。
众创空间、科技企业孵化器分别达到300家和65家。
""",
    "traditional": """# data: synthetic（SYNTHETIC 測試文本，數字為虛構）
2019年山西省國民經濟和社會發展統計公報（SYNTHETIC）
山西省統計局
發布日期：2020年3月5日
年末全省共有高新技術企業1，523家，比上年增加200家。
全年研究與試驗發展（R&D）經費投入強度為1.22%，比上年提高0.06個百分點。
全年城鎮新增就業43.7萬人。全年技術合同成交額265億元。
全國高新技術企業22.5萬家。
全省科技企業孵化器65家，其中國家級科技企業孵化器12家。
科技進步貢獻率比上年提高1.5個百分點。
到2025年，全省高新技術企業將達到3000家。
眾創空間、科技企業孵化器分別達到300家和65家。
""",
}

HTML = {
    "simplified": """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>2019年甘肃省国民经济和社会发展统计公报（SYNTHETIC）</title>
<!-- data: synthetic -->
<meta name="PubDate" content="2020-03-18 09:00">
<style>p {{ margin: 0 }}</style><script>var teaser = "高新技术企业999家";</script>
</head><body>
<h1>2019年甘肃省国民经济和社会发展统计公报</h1>
<p>年末全省共有<b>高新技术企业</b>1,229家。</p>
<p>全年城镇新增就业31.5万人&nbsp;。</p>
<p>研究与试验发展（R&amp;D）经费投入强度为1.26%，提高0.04个百分点。</p>
</body></html>
""",
    "traditional": """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>2019年甘肅省國民經濟和社會發展統計公報（SYNTHETIC）</title>
<!-- data: synthetic -->
<meta name="PubDate" content="2020-03-18 09:00">
<style>p {{ margin: 0 }}</style><script>var teaser = "高新技術企業999家";</script>
</head><body>
<h1>2019年甘肅省國民經濟和社會發展統計公報</h1>
<p>年末全省共有<b>高新技術企業</b>1,229家。</p>
<p>全年城鎮新增就業31.5萬人&nbsp;。</p>
<p>研究與試驗發展（R&amp;D）經費投入強度為1.26%，提高0.04個百分點。</p>
</body></html>
""",
}

TEMPLATE = {
    "simplified": """# data: synthetic
# SYNTHETIC template rows for the reader tests; the figures are invented.
地区,指标,年份,数值,单位
山西,高新技术企业,2019,１，５２３,家
山西省,R&D经费投入强度,2019年,1.22,％
shanxi,城镇新增就业,2019,四十三万七千,人
甘肃,技术合同成交额,2019,265,亿元
山西,高新技术企业,2018,约1500,家
山西,高新技术企业,2017,—,家
山西,未知指标,2019,5,个
""",
    "traditional": """# data: synthetic
# SYNTHETIC template rows for the reader tests; the figures are invented.
地區,指標,年份,數值,單位
山西,高新技術企業,2019,１，５２３,家
山西省,R&D經費投入強度,2019年,1.22,％
shanxi,城鎮新增就業,2019,四十三萬七千,人
甘肅,技術合同成交額,2019,265,億元
山西,高新技術企業,2018,約1500,家
山西,高新技術企業,2017,—,家
山西,未知指標,2019,5,個
""",
}


def build_fixtures(folder: Path) -> list[Path]:
    """The readable example files kept in tests/fixtures/reports/ (run this module to rewrite them)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = [
        write_yearbook_xlsx(folder / "synthetic-yearbook-shanxi.xlsx", "simplified"),
        folder / "synthetic-yearbook-shanxi-traditional.csv",
        folder / "synthetic-communique-shanxi-2019.txt",
        folder / "synthetic-communique-gansu-2019.html",
    ]
    out[1].write_text("# data: synthetic\n" + yearbook_csv("traditional"), encoding="utf-8")
    out[2].write_text(COMMUNIQUE["simplified"], encoding="utf-8")
    out[3].write_text(HTML["traditional"].format(charset="utf-8"), encoding="utf-8")
    sidecar = folder / "synthetic-yearbook-shanxi-traditional.csv.meta.yaml"
    sidecar.write_text(
        "# SYNTHETIC sidecar of a SYNTHETIC test table\nrelease_date: 2021-09-30\nsynthetic: true\n", encoding="utf-8"
    )
    return [*out, sidecar]


if __name__ == "__main__":
    for p in build_fixtures(Path(__file__).parents[2] / "fixtures" / "reports"):
        print(p)
