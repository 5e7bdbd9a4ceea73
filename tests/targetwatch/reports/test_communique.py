"""Communiqués: figures found in sentences through the catalogue's aliases, with the sentence as location."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from targetwatch.reports import communique
from targetwatch.reports.model import Aliases
from tests.conftest import TODAY
from tests.targetwatch.reports.conftest import ENCODINGS, SCRIPTS, observed, rejections, write
from tests.targetwatch.reports.ingest_batches import IngestBatch, real_files
from tests.targetwatch.reports.samples import COMMUNIQUE, HTML
from tests.targetwatch.reports.sentence_batches import BATCHES, DEFAULT_TITLE

TXT_OBSERVATIONS = [
    ("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "sentence 4 [101:113]"),  # 全省 -> the title's 山西省
    ("shanxi", "rd_intensity", 2019, 1.22, "percent", "sentence 5 [127:151]"),  # not the 0.06 percentage points
    ("shanxi", "new_urban_jobs", 2019, 437000.0, "persons", "sentence 6 [169:181]"),
    ("shanxi", "tech_contract_turnover", 2019, 26500000000.0, "yuan", "sentence 7 [184:196]"),
    ("national", "high_tech_enterprises", 2019, 225000.0, "count", "sentence 8 [200:212]"),  # 全国 … 22.5万家
    ("shanxi", "tech_incubators", 2019, 65.0, "count", "sentence 9 [216:226]"),
]
TXT_PHRASES = {  # text[char_start:char_end] of each observation
    "simplified": [
        "高新技术企业1，523家",
        "研究与试验发展（R&D）经费投入强度为1.22%",
        "城镇新增就业43.7万人",
        "技术合同成交额265亿元",
        "高新技术企业22.5万家",
        "科技企业孵化器65家",
    ],
    "traditional": [
        "高新技術企業1，523家",
        "研究與試驗發展（R&D）經費投入強度為1.22%",
        "城鎮新增就業43.7萬人",
        "技術合同成交額265億元",
        "高新技術企業22.5萬家",
        "科技企業孵化器65家",
    ],
}


def txt_rejections(script: str) -> list[tuple[str, str]]:
    t = script == "traditional"
    return sorted(
        [
            (
                "sentence 9 [232:242]",
                "sentence 9: {!r} is a subset (国家级) of tech_incubators, not its total".format(
                    "國家級科技企業孵化器" if t else "国家级科技企业孵化器"
                ),
            ),
            (
                "sentence 10 [244:263]",
                "sentence 10: {!r} is a change in percentage points, not a level of st_progress_contribution".format(
                    "比上年提高1.5個百分點" if t else "比上年提高1.5个百分点"
                ),
            ),
            (
                "sentence 11 [274:288]",
                "a forecast, not an actual figure: kept out of the assessment",
            ),  # 到2025年…将达到
            (
                "sentence 12 [295:310]",
                "sentence 12: {!r}: figures listed with 分别 (respectively) are not matched to "
                "indicators automatically".format(
                    "科技企業孵化器分別達到300家" if t else "科技企业孵化器分别达到300家"
                ),
            ),
        ]
    )


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_communique_txt(ingest, encoding, script):
    text = COMMUNIQUE[script]
    result = ingest({"synthetic-communique.txt": text.encode(encoding)})
    assert observed(result) == TXT_OBSERVATIONS
    assert rejections(result) == txt_rejections(script)
    obs = result.observations
    assert [text[s:e] for s, e in zip(obs.char_start, obs.char_end, strict=True)] == TXT_PHRASES[script]
    assert obs.raw_content.iloc[0] == text.splitlines()[4]  # the whole sentence as written
    assert obs.notes.iloc[1].startswith("ignored, a change not a level: '比上年提高0.06")
    f = result.report_files.iloc[0]
    assert (f.format, f.encoding, f.rows_read, f.rows_accepted, f.rows_rejected) == (
        "communique_txt",
        encoding,
        10,
        6,
        4,
    )
    assert (f.release_date, f.release_date_basis, bool(f.synthetic)) == ("2020-03-05", "file", True)


HTML_OBSERVATIONS = [
    ("gansu", "high_tech_enterprises", 2019, 1229.0, "count", "sentence 3 [{}:{}]"),
    ("gansu", "new_urban_jobs", 2019, 315000.0, "persons", "sentence 4 [{}:{}]"),
    ("gansu", "rd_intensity", 2019, 1.26, "percent", "sentence 5 [{}:{}]"),
]


HTML_ENCODINGS = [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gb18030", "gb18030"), ("gb18030", "utf-8")]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("encoding", "declared"), HTML_ENCODINGS)
def test_communique_html(ingest, encoding, declared, script):
    source = HTML[script].format(charset=declared)
    result = ingest({"synthetic-communique.html": source.encode(encoding)})
    phrases = [
        ("高新技術企業" if script == "traditional" else "高新技术企业") + "</b>1,229家",
        "城鎮新增就業31.5萬人" if script == "traditional" else "城镇新增就业31.5万人",
        "研究與試驗發展（R&amp;D）經費投入強度為1.26%"
        if script == "traditional"
        else "研究与试验发展（R&amp;D）经费投入强度为1.26%",
    ]
    spans = [(source.index(p), source.index(p) + len(p)) for p in phrases]  # offsets into the decoded HTML
    expected = [(*o[:5], o[5].format(*span)) for o, span in zip(HTML_OBSERVATIONS, spans, strict=True)]
    assert observed(result) == expected  # the <script> teaser (999家) is not text
    assert rejections(result) == []
    f = result.report_files.iloc[0]
    assert (f.format, f.encoding, f.release_date, bool(f.synthetic)) == (
        "communique_html",
        encoding,
        "2020-03-18",
        True,
    )


def read_sentence(tmp_path, aliases, catalogue, sentence: str, title: str = DEFAULT_TITLE):
    """(observations as tuples, reasons) of one SYNTHETIC sentence under `title`, as the reader and `normalise()` of
    its rows give them. The sentences a module's tests read are normalised together at its first call, each its own
    file (sentence_batches.py): the same rows as one `normalise()` a sentence, at a fraction of the cost."""
    return BATCHES.read(tmp_path, aliases, catalogue, sentence, title)


def levels(found):
    """`read_sentence`'s findings without the unit: (place, indicator, year, value, period type)."""
    return [(f[0], f[1], f[2], f[3], f[5]) for f in found]


def read_real_text(name: str, aliases):
    """Read one real text of tests/fixtures/real/reports with its collector's sidecar, without ingesting it."""
    path = Path(__file__).parents[2] / "fixtures" / "real" / "reports" / f"{name}.txt"
    meta_path = path.with_name(path.name + ".meta.yaml")
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return communique.read_text(path, aliases, meta)


FIGURES = [  # sentence -> (jurisdiction, indicator, year, value, unit, period)
    ("年末全省共有高新技术企业1523家。", ("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "annual")),
    ("研究与试验发展（R&D）经费投入强度为1.22%。", ("shanxi", "rd_intensity", 2019, 1.22, "percent", "annual")),
    ("全年城镇新增就业43.7万人。", ("shanxi", "new_urban_jobs", 2019, 437000.0, "persons", "annual")),
    ("全年城镇新增就业四十万人。", ("shanxi", "new_urban_jobs", 2019, 400000.0, "persons", "annual")),
    ("全年城镇新增就业１２，３４５人。", ("shanxi", "new_urban_jobs", 2019, 12345.0, "persons", "annual")),
    ("全年技术合同成交额265亿元。", ("shanxi", "tech_contract_turnover", 2019, 26500000000.0, "yuan", "annual")),
    ("全年R&D经费投入1.2万亿元。", ("shanxi", "rd_expenditure", 2019, 1200000000000.0, "yuan", "annual")),
    ("全省有效发明专利1.3万件。", ("shanxi", "valid_invention_patents", 2019, 13000.0, "items", "annual")),
    ("科技进步贡献率为－1.5％。", ("shanxi", "st_progress_contribution", 2019, -1.5, "percent", "annual")),
    ("兰州市高新技术企业320家。", ("lanzhou", "high_tech_enterprises", 2019, 320.0, "count", "annual")),
    ("蘭州市高新技術企業320家。", ("lanzhou", "high_tech_enterprises", 2019, 320.0, "count", "annual")),
    ("2018年末全省高新技术企业1200家。", ("shanxi", "high_tech_enterprises", 2018, 1200.0, "count", "annual")),
    ("高新技术企业数量比2018年增加到1600家。", ("shanxi", "high_tech_enterprises", 2019, 1600.0, "count", "annual")),
    ("全省省级众创空间250家。", ("shanxi", "maker_spaces_provincial", 2019, 250.0, "count", "annual")),
    (
        "上半年，全省新登记市场主体24.4万户。",
        ("shanxi", "new_market_entities", 2019, 244000.0, "households", "partial"),
    ),
]


FIGURES += [
    (
        "“十三五”规划实施以来，全省高新技术企业达到1523家。",
        ("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "annual"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES)
def test_figures_in_sentences(tmp_path, aliases, catalogue, sentence, expected):
    assert read_sentence(tmp_path, aliases, catalogue, sentence) == ([expected], [])


NOT_LEVELS = [  # sentence -> reason (the figure is never read as the indicator's value)
    (
        "研究与试验发展（R&D）经费投入强度比上年提高0.06个百分点。",
        "sentence 2: '比上年提高0.06个百分点' is a change in percentage points, not a level of rd_intensity",
    ),
    (
        "高新技术企业数量比2018年增加200家。",
        "sentence 2: '比2018年增加200家' is a change, not a level of high_tech_enterprises",
    ),
    ("高新技术企业增长1.5倍。", "sentence 2: '增长1.5倍' is a multiple (倍), not a level of high_tech_enterprises"),
    (
        "高新技术企业发展迅速，增长12.5%。",
        "sentence 2: '发展迅速，增长12.5%' is a change, not a level of high_tech_enterprises",
    ),
    (
        "国家级科技企业孵化器12家。",
        "sentence 2: '国家级科技企业孵化器' is a subset (国家级) of tech_incubators, not its total",
    ),
    (
        "众创空间、科技企业孵化器分别达到300家和65家。",
        "sentence 2: '科技企业孵化器分别达到300家': figures listed with 分别 (respectively) are not matched "
        "to indicators automatically",
    ),
    ("预计全年高新技术企业达到1600家。", "a forecast, not an actual figure: kept out of the assessment"),
    (
        "高新技术企业1523个百分点。",
        "sentence 2: '1523个百分点' is a change in percentage points, not a level of high_tech_enterprises",
    ),
    ("技术合同成交额265家。", "unit '家' does not fit indicator tech_contract_turnover (measured in yuan)"),
]


@pytest.mark.parametrize(("sentence", "reason"), NOT_LEVELS)
def test_changes_subsets_and_forecasts_are_rejected_with_the_reason(tmp_path, aliases, catalogue, sentence, reason):
    assert read_sentence(tmp_path, aliases, catalogue, sentence) == ([], [reason])


@pytest.mark.parametrize(
    "sentence",
    [
        "加快培育高新技术企业。",
        "实施“十三五”科技创新规划。",
        "高新技术企业发展迅速，一批企业脱颖而出。",
        "全省经济运行稳中有进。",
    ],
)
def test_an_alias_without_a_number_is_no_figure(tmp_path, aliases, catalogue, sentence):
    assert read_sentence(tmp_path, aliases, catalogue, sentence) == ([], [])


@pytest.mark.parametrize(
    ("title", "sentence", "reason"),
    [
        (
            "统计公报（SYNTHETIC）",
            "年末全省共有高新技术企业1523家。",
            "sentence 2: no year: the sentence names none and the title gives none (add `year:` to a sidecar)",
        ),
        (
            "2019年统计公报（SYNTHETIC）",
            "年末全省共有高新技术企业1523家。",
            "sentence 2: '全省' names the document's own jurisdiction, but the title and sidecar name none",
        ),
        (
            "2019年统计公报（SYNTHETIC）",
            "年末共有高新技术企业1523家。",
            "sentence 2: no jurisdiction: the sentence and the title name none (add `jurisdiction:` to a sidecar)",
        ),
    ],
)
def test_a_figure_needs_a_year_and_a_jurisdiction(tmp_path, aliases, catalogue, title, sentence, reason):
    assert read_sentence(tmp_path, aliases, catalogue, sentence, title) == ([], [reason])


NUMERALS_TITLE = {
    "synthetic.txt": "二〇一九年国民经济和社会发展统计公报（SYNTHETIC）\n年末全省共有高新技术企业1523家。\n",
    "synthetic.txt.meta.yaml": "jurisdiction: shanxi\n",
}


def test_title_year_in_chinese_numerals_and_sidecar_jurisdiction(ingest):
    result = ingest(NUMERALS_TITLE)
    assert observed(result) == [
        ("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "sentence 2 [36:47]")
    ]  # 29 title chars + newline, 年末全省共有


def test_sentences_are_numbered_and_offset_in_the_text():
    text = "标题\n  第一句。第二句！\n\n第三句"
    assert [(s.number, s.start, s.end, s.text) for s in communique.sentences(text)] == [
        (1, 0, 2, "标题"),
        (2, 5, 9, "第一句。"),
        (3, 9, 13, "第二句！"),
        (4, 15, 18, "第三句"),
    ]


def test_approximate_wording_is_kept_in_the_notes(tmp_path, aliases):
    path = write(tmp_path, "synthetic.txt", "2019年山西省统计公报（SYNTHETIC）\n全省高新技术企业约1500家，增长12%。\n")
    rows = communique.read_text(path, aliases).rows
    assert (rows.value_raw.tolist(), rows.notes.tolist()) == (
        ["1500"],
        ["written as approximate: '约'; ignored, a change not a level: '增长12%'"],
    )


# --- real publications (tests/fixtures/real, development half): reference periods and names as published ---

REAL = Path(__file__).parents[2] / "fixtures" / "real" / "reports"


# The real texts the tests below ingest, read together in one ingest (ingest_batches.py: each test gets its own text's
# rows; a text not listed is read alone)
READ_REAL = ("gs_2018_kjhy_tibet", "gs_2020_kjhy_lzrb", "gs_2021_kjhy_trad", "gs_2017_techmarket", "qh_2020_kjhy",
             "sx_2014_hte", "gs_2018_ddjs", "sx_2021_scweek_trad")


@pytest.fixture(scope="module")
def real_batch(catalogue, tmp_path_factory) -> IngestBatch:
    return IngestBatch(tmp_path_factory.mktemp("communique-real"), catalogue, TODAY, map(real_files, READ_REAL))


def read_real(tmp_path, batch: IngestBatch, doc_id: str):
    """Ingest one real text with its collector's sidecar; (observations, rejection reasons)."""
    result = batch.ingest(tmp_path, real_files(doc_id))
    obs = [
        (o.jurisdiction, o.indicator, int(o.year), round(o.value, 6), o.matched_by, o.year_basis)
        for o in result.observations.itertuples()
    ]
    return obs, list(result.rejected_rows["reason"]), result


def test_a_work_meeting_reviews_the_year_before(tmp_path, real_batch):
    # 1月25日下午召开的2018年甘肃省科技(知识产权)工作会上 … 科技对经济增长的贡献率提升至52.2%，技术市场合同交易额163亿元
    obs, _, result = read_real(tmp_path, real_batch, "gs_2018_kjhy_tibet")
    assert obs == [
        ("gansu", "st_progress_contribution", 2017, 52.2, "normalised", "work report"),
        ("gansu", "tech_contract_turnover", 2017, 16_300_000_000.0, "normalised", "work report"),
    ]
    assert (
        result.observations["notes"][0] == "year 2017 inferred: a work report or work meeting reviews the year before"
    )


def test_a_year_stated_once_is_carried_through_the_paragraph(tmp_path, real_batch):
    # 据了解，2019年，我省科技进步对经济增长的贡献率达到52.8%，研究与试验发展经费投入强度1.18%。共登记科技成果1479项…
    obs, reasons, result = read_real(tmp_path, real_batch, "gs_2020_kjhy_lzrb")
    assert obs == [
        ("gansu", "st_progress_contribution", 2019, 52.8, "normalised", "stated"),
        ("gansu", "rd_intensity", 2019, 1.18, "normalised", "stated"),  # no (R&D) in the name
        ("gansu", "registered_st_achievements", 2019, 1479.0, "alias", "carried"),
        ("gansu", "tech_contract_turnover", 2019, 19_642_000_000.0, "alias", "carried"),
        ("gansu", "high_tech_enterprises", 2019, 1052.0, "exact", "carried"),  # 高新技术企业数量达到1052家
    ]
    assert result.report_files["release_date"][0] == "2020-03-26"  # the dateline 2020/03/26/ 08:54
    assert "not recognised: '签约资金总额136.25亿元' (no indicator in targets.yaml is named '签约资金总额')" in reasons
    assert (
        "sentence 11: '两家国家级科技企业孵化器': a number written before the name is not read as the level of "
        "tech_incubators (new, listed or subset counts are written so)"
    ) in reasons


def test_five_year_plan_points_and_periods(tmp_path, real_batch):
    # 甘肅高新技術企業數從“十二五”末的319家增加到1229家。…“十三五”期間，甘肅技術市場合同成交額累計達到924億元
    obs, reasons, result = read_real(tmp_path, real_batch, "gs_2021_kjhy_trad")
    assert obs == [
        ("gansu", "st_progress_contribution", 2020, 55.1, "normalised", "plan period"),  # headline and sentence 2
        ("gansu", "high_tech_enterprises", 2015, 319.0, "alias", "plan period"),
        ("gansu", "high_tech_enterprises", 2020, 1229.0, "alias", "work report"),
    ]
    assert "sentence 6: a total over the 十三五期间 period (to 2020), not a year's value" in reasons
    assert "also stated at sentence 2 [361:381]" in result.observations["notes"][0]  # one observation per figure


def test_a_threshold_is_not_the_level_and_the_year_comes_from_the_release(tmp_path, real_batch):
    # 至此，甘肃省高新技术企业总数突破600家，达到612家，较2016年净增长176家，增长率40.4%。 (released 2017-12-13)
    obs, reasons, _ = read_real(tmp_path, real_batch, "gs_2017_techmarket")
    assert obs == [
        # 2016年甘肃省共成交技术合同5252项,成交总额为150.81亿元: a turnover named after its contracts (round 2)
        ("gansu", "tech_contract_turnover", 2016, 15_081_000_000.0, "alias", "stated"),
        ("gansu", "high_tech_enterprises", 2017, 612.0, "alias", "release date"),
    ]
    assert "sentence 3: '突破600家' is a threshold passed (突破), not the level of high_tech_enterprises" in reasons


def test_a_province_outside_the_catalogue_and_a_dateline(tmp_path, real_batch):
    # 中新网西宁2月24日电 … 过去一年青海省科技进步贡献率预计达到54%，该省万人有效发明专利达到2.34件
    obs, reasons, _ = read_real(tmp_path, real_batch, "qh_2020_kjhy")
    assert obs == []  # not Xining's: the dateline names where the reporter was
    unread = [r for r in reasons if r.endswith("(figures next to no indicator name in targets.yaml)")]
    assert unread[0].startswith("not recognised: '青海实施“百项创新攻坚”和12项'")
    # 综合科技创新水平全国排名上升至26位: a rank, quarantined as one since round 14 (never silent),
    # its own kind since round 17
    ranks = [r for r in reasons if r.startswith("rank: ")]  # its own kind since round 17
    assert len(ranks) == 1 and "全国排名上升至26位" in ranks[0], ranks
    assert [r for r in reasons if r not in unread and r not in ranks] == [
        "sentence 3: the figure is about 青海省, a place not in targets.yaml",
        "sentence 3: '万人有效发明专利达到2.34件' is a ratio (万人), not a level of valid_invention_patents",
        "sentence 6: the figure is about 青海省, a place not in targets.yaml",
    ]


def test_a_level_continued_in_the_next_clause(tmp_path, real_batch):
    # 2014年山西新增149家高新技术企业，数量增加到520家，比上年度增长40.2%
    obs, reasons, _ = read_real(tmp_path, real_batch, "sx_2014_hte")
    assert obs == [("shanxi", "high_tech_enterprises", 2014, 520.0, "alias", "stated")]
    assert reasons[0].startswith("sentence 2: '149家高新技术企业': a number written before the name")


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        # a work report of 2020 reviews 2019
        ("2020年山西省政府工作报告（SYNTHETIC）", "高新技术企业达到3916家。", [("shanxi", 2019, "actual")]),
        # 2017年以来 is a starting point, never the document's year: 2022 is not a forecast
        ("2017年以来山西科技创新综述（SYNTHETIC）", "2022年全省高新技术企业达3916家。", [("shanxi", 2022, "actual")]),
        # 去年 counts from the title's year
        ("2016年山西科技新闻（SYNTHETIC）", "去年，我省高新技术企业达到了1100家。", [("shanxi", 2015, "actual")]),
    ],
)
def test_reference_years(tmp_path, catalogue, title, sentence, expected):
    path = write(tmp_path, "synthetic.txt", f"{title}\n{sentence}\n")
    aliases = Aliases.from_catalogue(catalogue)
    rows = communique.read_text(path, aliases).rows
    assert [(r.jurisdiction_raw and "shanxi", int(r.year_raw), r.figure_type) for r in rows.itertuples()] == expected


def test_a_year_later_than_the_release_is_a_forecast(tmp_path, catalogue):
    path = write(tmp_path, "synthetic.txt", "山西科技新闻（SYNTHETIC）\n2021年高新技术企业达到1100家。\n")
    rows = communique.read_text(path, Aliases.from_catalogue(catalogue), {"release_date": "2020-03-26"}).rows
    assert list(rows["figure_type"]) == ["forecast"]


def test_a_start_point_carries_through_the_paragraph_and_never_dates_the_end(tmp_path, real_batch):
    # …由“十一五”末的全国第25位上升到目前的18位，科技对经济增长的贡献率由42.5%上升到51.3%。技术市场合同年交易额由43亿元
    # 增长到150亿元… (web page of 2018-05-16)
    obs, _, _ = read_real(tmp_path, real_batch, "gs_2018_ddjs")
    assert obs == [
        ("gansu", "st_progress_contribution", 2010, 42.5, "normalised", "plan period"),
        # 目前: not 十一五末; an annual statistic with no year is the year before the release (annual_statistics.py)
        ("gansu", "st_progress_contribution", 2017, 51.3, "normalised", "annual statistic"),
        ("gansu", "tech_contract_turnover", 2010, 4_300_000_000.0, "normalised", "plan period"),  # 合同年交易额
        ("gansu", "tech_contract_turnover", 2018, 15_000_000_000.0, "normalised", "release date"),
    ]


def test_a_paragraph_about_its_own_province_in_a_national_event(tmp_path, real_batch):
    # 2021年全國大眾創業萬眾創新活動周… 山西分會場…  近年來，我省…擁有省級及以上雙創示範基地36家…
    # 上半年新登記市場主體24.4萬戶
    obs, reasons, _ = read_real(tmp_path, real_batch, "sx_2021_scweek_trad")
    assert obs == [
        ("shanxi", "shuangchuang_demo_bases", 2021, 36.0, "normalised", "title"),  # 省級及以上 + pinyin glosses
        ("shanxi", "maker_spaces", 2021, 250.0, "normalised", "title"),
        ("shanxi", "tech_incubators", 2021, 67.0, "normalised", "title"),
        # 小微企業雙創基地: an alias since round 13 (before, a `not recognised` row); normalised through the glosses
        ("shanxi", "small_micro_startup_bases", 2021, 266.0, "normalised", "title"),
        ("shanxi", "new_market_entities", 2021, 244_000.0, "alias", "title"),
    ]
    assert not any("266" in r for r in reasons)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "全省新增高新技术企业200家。",
            "sentence 2: '新增高新技术企业200家' counts new ones (新增), not the stock of high_tech_enterprises",
        ),
    ],
)
def test_new_ones_are_not_the_stock(tmp_path, aliases, catalogue, sentence, reason):
    assert read_sentence(tmp_path, aliases, catalogue, sentence) == ([], [reason])


# The folders this module's `ingest` calls read, ingested together once (the reports conftest's `ingest`)
INGEST_PLAN = [
    *({"synthetic-communique.txt": COMMUNIQUE[script].encode(encoding)}
      for encoding in ENCODINGS for script in SCRIPTS),
    *({"synthetic-communique.html": HTML[script].format(charset=declared).encode(encoding)}
      for encoding, declared in HTML_ENCODINGS for script in SCRIPTS),
    NUMERALS_TITLE,
]
