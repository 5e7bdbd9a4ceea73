"""A target's charts built once for both languages (charts.shared_charts, targetwatch.chart_texts) give, with each
language's texts put back, exactly the specs built per language (charts.target_charts): on every edge case of
test_chart_columns, on every target of the large SYNTHETIC test site's data files, and as target-view.js puts them
back (run in node). All inputs SYNTHETIC."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import orjson
import pytest

from targetwatch import chart_texts, charts
from targetwatch.chart_texts import Texts, Untokenisable, resolve
from tests.targetwatch.test_chart_columns import PROXIES, SERIES, TARGETS

ROOT = Path(__file__).resolve().parents[2]


def _bytes(o) -> bytes:
    return orjson.dumps(o, option=orjson.OPT_SERIALIZE_NUMPY)


def _resolved(sets: list[dict], texts: Texts) -> list[dict]:
    """shared_charts' sets as target_charts gives them: each language's spec with its texts put back."""
    return [s if "specs" in s else {"title": s["title"], "id": s["id"],
                                    "specs": {lg: resolve(s["spec"], texts.table(lg)) for lg in ("zh", "en")}}
            for s in sets]


# PROXIES' names order differently in the two languages (替代乙 < 替代甲, Proxy A < Proxy B): their charts are built
# per language; these order alike
PROXIES_ALIKE = PROXIES | {"indicator_name_en": ["Proxy B", "Proxy A", None]}


@pytest.mark.parametrize("target_name", list(TARGETS))
@pytest.mark.parametrize("series_name", list(SERIES))
@pytest.mark.parametrize("proxies_name", ["none", "alike", "ordered differently"])
def test_a_chart_built_once_is_the_chart_built_per_language(target_name, series_name, proxies_name):
    target, years = TARGETS[target_name], SERIES[series_name]
    reference = {"year": [2019, 2022], "value": [4.0, None]}
    proxies = {"none": None, "alike": PROXIES_ALIKE, "ordered differently": PROXIES}[proxies_name]
    texts = Texts()
    shared = charts.shared_charts(target, years, reference, proxies, texts)
    expected = charts.target_charts(target, years, reference, proxies)
    assert _bytes(_resolved(shared, texts)) == _bytes(expected)
    if expected and proxies_name == "ordered differently":
        assert all("specs" in s for s in shared) and not texts.zh
    elif expected:
        assert all("spec" in s for s in shared)  # built once
        assert texts.zh and len(texts.zh) == len(texts.en)
        assert len(_bytes(shared)) < 0.75 * len(_bytes(expected))


def test_proxies_whose_names_order_differently_are_built_per_language():
    proxies = {"year": [2020, 2021], "value": [1.0, 2.0], "indicator_name_zh": ["甲", "乙"],
               "indicator_name_en": ["Alpha", "Zeta"]}  # 乙 (U+4E59) < 甲 (U+7532) but Alpha < Zeta
    texts = Texts()
    texts.pair("已有", "kept")  # an entry made before: kept when the chart is given up on
    shared = charts.shared_charts(TARGETS["at_least"], SERIES["one point"], None, proxies, texts)
    assert shared == charts.target_charts(TARGETS["at_least"], SERIES["one point"], None, proxies)
    assert all("specs" in s for s in shared) and texts.zh == ["已有"] and texts.en == ["kept"]
    assert texts.pair("实际值", "Actual") == chr(0xE001)  # the table goes on after the entries it kept


@pytest.mark.parametrize("over", [{"reference_zh": "全国", "reference_en": ""},
                                  {"reference_zh": "私\ue000用", "reference_en": "private use"}])
def test_names_one_build_cannot_give_are_built_per_language(over):
    target = TARGETS["relative_to_reference"] | over
    shared = charts.shared_charts(target, SERIES["one point"], {"year": [2022], "value": [5.0]}, None, Texts())
    assert shared == charts.target_charts(target, SERIES["one point"], {"year": [2022], "value": [5.0]}, None)
    assert all("specs" in s for s in shared)


def test_tokens_past_the_private_use_area_of_the_first_plane_and_a_full_table():
    texts = Texts()
    tokens = [texts.pair(f"中{i}", f"en{i}") for i in range(7000)]
    assert tokens[0] == "\ue000" and tokens[6399] == "\uf8ff" and tokens[6400] == "\U000f0000"
    assert texts.pair("同", "同") == "同" and texts.pair("中5", "en5") == tokens[5]  # same text: no token
    assert resolve([tokens[6399] + " / " + tokens[6999], {"a": tokens[1]}], texts.table("en")) == \
        ["en6399 / en6999", {"a": "en1"}]
    texts.zh.extend([""] * (0x1900 + 0xFFFE - len(texts.zh)))
    texts.en.extend([""] * (0x1900 + 0xFFFE - len(texts.en)))
    with pytest.raises(Untokenisable):
        texts.pair("满", "full")


def _data_file(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1: text.rindex(")")])


def test_the_large_sites_data_files_are_the_files_of_charts_built_per_language(tmp_path, monkeypatch,
                                                                                large_synthetic_site_build):
    """The large SYNTHETIC test site's data files with every chart built in Python (what a target whose numbers the
    page's builder does not write gets: render.chart_inputs; the others' charts are built in the page, tests/e2e/
    test_chart_build.py), each chart's texts put back, are the data files of the same site with every chart built
    per language (target_charts, as before shared_charts): the same targets, values and figures, and the same specs
    in both languages (tests/e2e compares them drawn against the small layout's)."""
    from targetwatch.render import chart_inputs
    from targetwatch.render.dashboards import build_dashboards

    site = large_synthetic_site_build
    monkeypatch.setattr(chart_inputs.BrowserCharts, "ok", lambda self, k: False)
    build_dashboards(site.data, tmp_path / "shared", large=True)
    monkeypatch.setattr(charts, "shared_charts", lambda target, years, reference, proxies, texts:
                        charts.target_charts(target, years, reference, proxies))
    build_dashboards(site.data, tmp_path / "per-language", large=True)
    files = sorted(p.name for p in (tmp_path / "shared" / "data").glob("*.js"))
    assert files == sorted(p.name for p in (tmp_path / "per-language" / "data").glob("*.js"))
    sets = 0
    for name in files:
        got, expected = (_data_file(d / "data" / name) for d in (tmp_path / "shared", tmp_path / "per-language"))
        texts = got.pop("chart_texts", {"zh": [], "en": []})
        for target in got.get("targets", {}).values():
            for k, s in enumerate(target.get("charts", [])):
                assert "spec" in s and "specs" not in s  # built once
                target["charts"][k] = {"title": s["title"], "id": s["id"],
                                       "specs": {lg: resolve(s["spec"], texts[lg]) for lg in ("zh", "en")}}
                sets += 1
        assert got == expected, name
    assert sets >= 4


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_target_view_puts_the_texts_back_as_chart_texts_does():
    """target-view.js's `resolved` (the page's own code, run in node) against chart_texts.resolve, on tokens of both
    planes, texts around them and nested specs."""
    texts = Texts()
    tokens = [texts.pair(f"中{i}<", f"en {i}") for i in range(6500)]
    spec = {"data": [{"name": tokens[0] + "：" + tokens[6499], "text": [tokens[6399], "plain", tokens[6400] + "+"],
                      "x": [1, 2.5], "y": [None, True]}], "layout": {"title": {"text": tokens[17]}}, "k": None}
    source = (ROOT / "dashboards/static/target-view.js").read_text(encoding="utf-8")
    code = re.search(r"  var TOKEN = .*?\n  function figureRows", source, re.S)
    assert code is not None
    script = code.group()[: -len("  function figureRows")] + (
        "var input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(['zh', 'en'].map(function (lg) {"
        " return resolved(input.spec, input.texts[lg]); })));")
    got = subprocess.run(["node", "-e", script], input=json.dumps({"spec": spec, "texts": texts.tables()}),
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(got) == [resolve(spec, texts.table(lg)) for lg in ("zh", "en")]
    assert json.loads(got)[1]["data"][0]["name"] == "en 0：en 6499"


def test_the_words_numbers_are_written_with_hold_no_token_character():
    """Texts.numbers does not search the formatter's texts for a token: their words (units, points, a year, the
    missing mark, CLDR's symbols and scale words) hold none."""
    from targetwatch import formatting, vocab

    words = [w for u in vocab.UNITS for w in (u.zh, u.en)] + [*formatting.POINTS.values(),
                                                              *formatting.PER_YEAR.values(), formatting.MISSING]
    for cldr in formatting.CLDR.values():
        words += [cldr.minus, cldr.decimal, cldr.group or "", *(suffix for _, suffix in cldr.scales.values())]
    assert words and not any(chart_texts._TOKEN.search(w) for w in words)
    samples = [0.0, -1.5, 2.675, 9999.95, 45e4, 1.4415e10, 1e80, -1e-9, None, float("nan")]
    for lang in ("zh", "en"):
        for unit in [*vocab.UNIT_BY_CODE, None]:
            texts = formatting.format_values(samples, unit, lang) + formatting.format_values(samples, unit, lang,
                                                                                               signed=True)
            assert not any(chart_texts._TOKEN.search(t) for t in texts)
