// targetwatch dashboards, large layout: the one target page (targets/view.html#j=<jurisdiction>&t=<target_id>).
// It loads data/<jurisdiction>.js with a <script src> (file:// pages cannot fetch JSON) and lays out the same
// sections as a pre-rendered target page from what Python wrote there: every number of the page comes formatted
// (targetwatch.formatting). A target's charts come as their data ("plot", targetwatch.chart_client), built here by
// chart-build.js into the figures targetwatch.charts.target_charts builds (with the texts, colours and number
// symbols Python wrote into data/_common.js), or, for a target whose numbers the builder does not write, as finished
// specs built once for both languages (charts.shared_charts), their texts as tokens into the data file's string
// table (targetwatch.chart_texts), put back here in each language's text; site.js draws both. Labels and statuses
// come from the page's #tw-config (rendered from targetwatch.vocab and dashboards/strings.yaml): none are written here.
(function () {
  "use strict";
  var cfg = null, common = null, builder = null;

  // --- small helpers ---
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function missing(v) { return v === null || v === undefined || (typeof v === "number" && isNaN(v)); }
  function bi(zh, en) {
    zh = missing(zh) || zh === "" ? "—" : zh;
    en = missing(en) || en === "" ? "—" : en;
    return '<span class="zh">' + esc(zh) + '</span><span class="en">' + esc(en) + "</span>";
  }
  function t(key) { var s = cfg.strings[key]; return s ? bi(s.zh, s.en) : bi(key, key); }
  function tOr(key, fallback) { return cfg.strings[key] ? t(key) : bi(fallback, fallback); }
  function colon() { return '<span class="zh">：</span><span class="en">: </span>'; }
  function statusOf(code) {
    for (var i = 0; i < cfg.statuses.length; i++) if (cfg.statuses[i].code === code) return cfg.statuses[i];
    return null;
  }
  // The evidence basis and grade of a status in both languages (labels from targetwatch.vocab via the config).
  function evidenceOf(T) {
    var b = (cfg.evidence_bases || {})[T.evidence_basis], g = (cfg.evidence_grades || {})[T.evidence_grade];
    return b && g ? { zh: b[0] + "（" + g[0] + "）", en: b[1] + " (" + g[1] + ")" } : null;
  }
  function chip(code, T) {
    var s = statusOf(code);
    if (!s) return "";
    var ev = T ? evidenceOf(T) : null;
    var tip = s.zh + " / " + s.en + ": " + s.meaning_en + (ev ? " · 证据 " + ev.zh + "/ evidence: " + ev.en : "");
    return '<span class="chip" data-status="' + esc(s.code) + '" style="background:' + s.colour + ";color:" +
      s.text_colour + '" title="' + esc(tip) + '"><span class="icon" aria-hidden="true">' + esc(s.icon) +
      "</span>" + bi(s.zh, s.en) + "</span>";
  }
  function display(v) {
    if (v === true) return "True";
    if (v === false) return "False";
    return missing(v) ? "" : String(v);
  }

  // --- the page ---
  function chartHtml(spec, id, lang) {
    var json = JSON.stringify(spec).replace(/</g, "\\u003c");
    return '<div class="chart ' + lang + '"><div class="plot" id="' + id + '" data-spec="' + id + '-spec"></div>' +
      '<script type="application/json" id="' + id + '-spec">' + json + "</scr" + "ipt></div>";
  }
  // a token is one private-use character, U+E000-U+F8FF then U+F0000-U+FFFFD: the n-th stands for entry n of the
  // data file's table of the language (targetwatch.chart_texts.resolve does the same)
  var TOKEN = /[\uE000-\uF8FF]|\uDB80[\uDC00-\uDFFF]|[\uDB81-\uDBBE][\uDC00-\uDFFF]|\uDBBF[\uDC00-\uDFFD]/g;
  function tokenIndex(m) {
    var c = m.codePointAt(0);
    return c <= 0xF8FF ? c - 0xE000 : c - 0xF0000 + 0x1900;
  }
  function resolved(v, table) {
    if (typeof v === "string") {
      return v.search(TOKEN) < 0 ? v : v.replace(TOKEN, function (m) { return table[tokenIndex(m)]; });
    }
    if (Array.isArray(v)) return v.map(function (x) { return resolved(x, table); });
    if (v !== null && typeof v === "object") {
      var o = {};
      Object.keys(v).forEach(function (k) { o[k] = resolved(v[k], table); });
      return o;
    }
    return v;
  }
  function figureRows(data, key, annualOnly) {
    var fields = cfg.figure_fields, rows = (data.series[key] || []).map(function (a, k) {
      var o = {};
      fields.forEach(function (f, i) { o[f] = a[i]; });
      var file = common.files[o.file] || [null, "", null];
      o.source_file = file[0];
      o.sha12 = file[1];
      if (missing(o.observation_id)) o.observation_id = file[1] + ":" + o.location;  // left out when derivable
      if (missing(o.period_type)) o.period_type = "annual";
      o.row = k;
      o.released = o.release_date || file[2];
      o.source_title = missing(o.source_title) ? "" : common.texts[o.source_title];
      o.source_ref = missing(o.source_ref) ? "" : common.texts[o.source_ref];
      o.revised = o.n_values > 1;
      var j = key.split("|")[0], jur = common.jurisdictions[j] || [j, j];
      o.jurisdiction = j;
      o.jurisdiction_zh = jur[0];
      o.jurisdiction_en = jur[1];
      return o;
    });
    return annualOnly ? rows.filter(function (o) { return (o.period_type || "annual") === "annual"; }) : rows;
  }
  function yearsOf(T) {
    // o and ro: per year, the row numbers of the figures used in the target's own and the reference series; po and
    // rpo: those of the year before a growth target's row was judged from (targetwatch.render.data_files.YEAR_KEYS)
    var y = T.years || {};
    return { own_row: (y.o || []).concat(y.po || []), reference_row: (y.ro || []).concat(y.rpo || []) };
  }
  function crumbs(T) {
    var chain = [], j = T.jurisdiction, seen = {};
    while (j && common.jurisdictions[j] && !seen[j]) { seen[j] = 1; chain.unshift(j); j = common.jurisdictions[j][3]; }
    var html = '<a href="../index.html">' + t("overview") + "</a>";
    chain.forEach(function (c) {
      var x = common.jurisdictions[c];
      html += ' › <a href="../jurisdictions/' + encodeURIComponent(x[2]) + '.html">' + bi(x[0], x[1]) + "</a>";
    });
    (T.documents || []).forEach(function (d) {
      var doc = cfg.documents[d] || { label: d };
      html += ' › <a href="../documents/' + encodeURIComponent(d) + '.html">' + esc(doc.label) + "</a>";
    });
    return html;
  }
  function bullet(T) {
    if (missing(T.attainment_pct)) return '<span class="muted">—</span>';
    var s = statusOf(T.status), w = Math.round(Math.max(Math.min(T.attainment_pct, 150), 0) / 1.5 * 10) / 10;
    return '<span class="bullet" title="' + T.attainment_pct + '%"><span class="fill" style="width:' + w + "%;background:" +
      (s ? s.colour : "#888") + '"></span><span class="mark"></span></span><span class="pct">' + T.attainment_pct + "%</span>";
  }
  function fact(k, v, cls) {
    return '<div class="fact' + (cls || "") + '"><div class="k">' + k + '</div><div class="v">' + v + "</div></div>";
  }

  function render(data, id) {
    var T0 = data.targets[id];
    if (!T0) { notFound(); return; }
    var trail = {};  // the calculation trail comes as values in cfg.trail order
    (T0.trail || []).forEach(function (v, k) { if (!missing(v)) trail[cfg.trail[k]] = v; });
    var T = Object.assign({}, trail, T0), Y = yearsOf(T0), s = statusOf(T.status);
    // a target judged against a reference jurisdiction's figures (cfg.reference_comparators, from
    // targetwatch.vocab): its page names the reference, lists its figures and marks those the assessment used
    var referenced = (cfg.reference_comparators || []).indexOf(T.comparator) >= 0;
    document.title = T.name_zh + " / " + T.name_en;
    var jur = common.jurisdictions[T.jurisdiction] || [T.jurisdiction, T.jurisdiction];
    document.getElementById("crumbs").innerHTML = crumbs(T);
    document.getElementById("view-title").innerHTML = bi(T.name_zh, T.name_en) + " " + chip(T.status, T);
    var meta = "<code>" + esc(id) + "</code> · " + bi(jur[0], jur[1]);
    if (T.indicator) meta += " · " + t("indicator") + colon() + bi(T.indicator_zh, T.indicator_en);
    meta += " · " + tOr("comparator_" + T.comparator, T.comparator);
    if (referenced && T.reference_zh) meta += "（" + bi(T.reference_zh, T.reference_en) + "）";
    if (T.headline) meta += ' · <span class="tag">★ ' + t("headline") + "</span>";
    if (T.per_year) meta += ' · <span class="tag">' + t("per_year") + "</span>";
    meta += " · " + t("kind") + colon() + tOr("kind_" + T.kind, T.kind);
    document.getElementById("view-meta").innerHTML = meta;

    var depts = (T0.departments || []).map(function (d) {
      return '<a href="../departments/' + encodeURIComponent(d[2]) + '.html">' + esc(d[0]) + "</a>" +
        (d[1] ? ' <span class="muted">(' + tOr("role_" + d[1], d[1]) + ")</span>" : "");
    }).join("、");
    var neg = !missing(T.gap_sort) && T.gap_sort < 0 && T.gap_sort > -1e17 ? " neg" : "";
    document.getElementById("key-figures").innerHTML =
      fact(t("latest") + (T.latest_year ? " (" + T.latest_year + ")" : ""), bi(T.latest_zh, T.latest_en)) +
      fact(t("goal"), bi(T.goal_zh, T.goal_en)) +
      '<div class="fact"><div class="k">' + t("gap") + '</div><div class="v' + neg + '">' + bi(T.gap_zh, T.gap_en) + "</div></div>" +
      fact(t("attainment"), bullet(T)) + fact(t("deadline"), missing(T.deadline) ? "—" : esc(T.deadline)) +
      '<div class="fact wide"><div class="k">' + t("departments") + '</div><div class="v small">' +
      (depts || '<span class="muted">' + t("not_stated") + "</span>") + "</div></div>";

    var proxies = [];
    (T0.proxy_series || []).forEach(function (key) {
      var code = key.split("|")[1], ind = common.indicators[code] || [code, code, null];
      figureRows(data, key, false).forEach(function (o) {
        proxies.push(Object.assign(o, { indicator: code, indicator_name_zh: ind[0], indicator_name_en: ind[1], proxy_note: ind[2] }));
      });
    });
    proxies.sort(function (a, b) { return a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.year - b.year; });
    var reason = document.getElementById("reason");
    reason.style.borderColor = s ? s.colour : "#888";
    reason.innerHTML = "<b>" + t("reason") + colon() + "</b>" + bi(T.reason_zh, T.reason_en) +
      (T.gap_trend ? "<br><b>" + t("gap_trend") + colon() + "</b>" + tOr("gap_trend_" + T.gap_trend, T.gap_trend) : "") +
      (evidenceOf(T) ? '<br><b>' + t("evidence_basis") + colon() + '</b><span id="evidence-basis" data-basis="' +
        esc(T.evidence_basis) + '">' + bi(cfg.evidence_bases[T.evidence_basis][0], cfg.evidence_bases[T.evidence_basis][1]) +
        " · " + bi(cfg.evidence_grades[T.evidence_grade][0], cfg.evidence_grades[T.evidence_grade][1]) + "</span>" +
        (missing(T.deadline_inferred_from) ? "" : " · " + t("inferred_from") + " " + esc(T.deadline_inferred_from)) : "") +
      (T.evidence ? "<br><b>" + t("evidence") + colon() + "</b>" + tOr("evidence_" + T.evidence, T.evidence) : "") +
      (proxies.length ? '<br><span class="proxy-note">' + t("proxy_note") + "</span>" : "");

    // charts: drawn by site.js
    var own = figureRows(data, T0.series, false), ref = [], sets = "";
    if (referenced && T0.reference_series) ref = figureRows(data, T0.reference_series, true);
    // a target's "plot" is its charts' data: built here by chart-build.js (targetwatch.chart_client), the figures
    // charts.target_charts builds; "charts" come built by Python (a target whose numbers the builder does not write)
    if (T0.plot && !builder) builder = window.twChartBuild.builder(common.chart);
    (T0.plot ? builder.targetCharts(T0.plot) : T0.charts || []).forEach(function (set) {
      sets += "<h2>" + t(set.title) + "</h2>";
      ["zh", "en"].forEach(function (lg) {
        var spec = set.specs ? set.specs[lg] : resolved(set.spec, (data.chart_texts || {})[lg] || []);
        sets += chartHtml(spec, set.id + "-" + lg, lg);
      });
    });
    if (!sets) sets = '<p class="muted" id="no-chart">' + t("no_chart") + "</p>";
    document.getElementById("chart-sets").innerHTML = sets;

    document.getElementById("source-list").innerHTML = (T0.sources || []).map(function (src) {
      var doc = cfg.documents[src[0]] || {};
      return '<blockquote class="quote">' + esc(src[2]) + '<div class="muted">《<a href="../documents/' +
        encodeURIComponent(src[0]) + '.html">' + esc(doc.title_zh || src[0]) + "</a>》" + (doc.number ? " " + esc(doc.number) : "") +
        " · " + t("clause") + " " + esc(src[1]) + (doc.issuer_zh ? " · " + esc(doc.issuer_zh) : "") +
        (doc.date ? " · " + esc(doc.date) : "") + "</div></blockquote>";
    }).join("");

    // figures: own series, then the reference's annual figures; ✓ on the values the assessment used
    var usedOwn = {}, usedRef = {};
    Y.own_row.forEach(function (k) { if (!missing(k)) usedOwn[k] = 1; });
    Y.reference_row.forEach(function (k) { if (!missing(k)) usedRef[k] = 1; });
    own.forEach(function (o) { o.used = !!usedOwn[o.row]; });
    ref.forEach(function (o) { o.used = !!usedRef[o.row]; });
    var figures = own.concat(ref), revised = false;
    var body = "";
    figures.forEach(function (o) {
      revised = revised || o.revised;
      body += '<tr data-observation="' + esc(o.observation_id) + '" class="' + (o.revised ? "revised" : "") + (o.used ? " used" : "") + '">' +
        (referenced ? '<td class="nowrap">' + bi(o.jurisdiction_zh, o.jurisdiction_en) + "</td>" : "") +
        '<td class="num">' + esc(o.year) + '</td><td class="num">' + esc(display(o.value_as_written)) + " " + esc(display(o.unit_as_written)) +
        (o.revised ? ' <span class="badge rev" title="' + o.n_values + '">' + t("revised") + "</span>" : "") + "</td>" +
        "<td>" + (o.used ? '<span class="ok">✓</span>' : '<span class="muted">—</span>') + "</td>" +
        "<td><code>" + esc(display(o.source_file)) + '</code><br><code class="muted">' + esc(o.sha12 || "") + "</code></td>" +
        '<td class="nowrap">' + esc(display(o.location)) + "</td>" +
        '<td class="nowrap">' + (o.released ? esc(o.released) : '<span class="muted">' + t("release_not_stated") + "</span>") + "</td>" +
        "<td>" + tOr("confidence_" + o.confidence, o.confidence || "—") + "</td>" +
        '<td class="muted small">' + esc(o.source_title) + (o.source_ref ? '<br><span class="ref">' + esc(o.source_ref) + "</span>" : "") + "</td></tr>";
    });
    if (revised) {
      document.getElementById("figures-lead").innerHTML += ' <span class="badge rev">' + t("revised") + "</span> " + t("revised_lead");
    }
    document.getElementById("figures-body").innerHTML = figures.length
      ? '<table id="figures-table"><thead><tr>' + (referenced ? "<th data-col>" + t("jurisdiction") + "</th>" : "") +
        '<th data-col class="num">' + t("year") + '</th><th data-col class="num">' + t("value") + "</th><th data-col>" + t("used") +
        "</th><th data-col>" + t("source_file") + "</th><th data-col>" + t("location") + "</th><th data-col>" + t("release_date") +
        "</th><th data-col>" + t("confidence") + "</th><th>" + t("source") + "</th></tr></thead><tbody>" + body + "</tbody></table>"
      : '<p class="muted">' + t("no_figures") + "</p>";
    if (proxies.length) {
      document.getElementById("proxies-section").hidden = false;
      document.getElementById("proxies-body").innerHTML = '<table id="proxies-table"><thead><tr><th data-col>' + t("proxy_indicator") +
        '</th><th data-col class="num">' + t("year") + '</th><th data-col class="num">' + t("value") + "</th><th>" + t("source_file") +
        "</th><th>" + t("note") + "</th></tr></thead><tbody>" + proxies.map(function (p) {
          return '<tr><td><span class="tag proxy">' + t("proxy_tag") + "</span> " + bi(p.indicator_name_zh, p.indicator_name_en) +
            '</td><td class="num">' + esc(p.year) + '</td><td class="num">' + esc(display(p.value_as_written)) + " " +
            esc(display(p.unit_as_written)) + "</td><td><code>" + esc(display(p.source_file)) + '</code> <span class="muted">' +
            esc(display(p.location)) + '</span></td><td class="muted small">' + esc(p.proxy_note || "") + "</td></tr>";
        }).join("") + "</tbody></table>";
    }
    document.getElementById("trail").innerHTML = cfg.trail.filter(function (k) { return k in trail; })
      .map(function (k) { return "<tr><th>" + esc(k) + "</th><td><code>" + esc(display(trail[k])) + "</code></td></tr>"; }).join("");
    var quality = "../../quality/index.html#t-" + encodeURIComponent(id);
    Array.prototype.forEach.call(document.querySelectorAll(".quality-target-link"), function (a) { a.href = quality; });
    document.getElementById("quality-link").href = quality;
    document.getElementById("view-loading").hidden = true;
    document.getElementById("view-body").hidden = false;
    document.getElementById("target-view").setAttribute("data-state", "ready");
    if (window.twLabelCells) window.twLabelCells(document.getElementById("target-view"));
    if (window.twDrawCharts) window.twDrawCharts();
  }

  function notFound() {
    document.getElementById("view-loading").hidden = true;
    document.getElementById("view-missing").hidden = false;
    document.getElementById("target-view").setAttribute("data-state", "missing");
  }
  function wanted() {
    var p = new URLSearchParams(window.location.hash.slice(1));
    return { j: p.get("j"), t: p.get("t") };
  }
  window.twCommon = function (c) { common = c; };
  window.twTargets = function (data) { render(data, wanted().t); };
  window.addEventListener("hashchange", function () { window.location.reload(); });
  document.addEventListener("DOMContentLoaded", function () {
    cfg = JSON.parse(document.getElementById("tw-config").textContent);
    var w = wanted();
    // a jurisdiction's file name is a plain ASCII name (targetwatch.site.page_name): nothing else is loaded
    if (!common || !w.j || !w.t || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(w.j)) { notFound(); return; }
    var script = document.createElement("script");
    script.src = "../data/" + w.j + ".js";
    script.onerror = notFound;
    document.head.appendChild(script);
  });
})();
