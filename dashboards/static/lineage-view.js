// targetwatch quality report: the one lineage page (lineage/view.html#j=<jurisdiction>&t=<target_id>, or a target's
// own lineage/<target_id>.html). It draws one target's chain from lineage/data/<jurisdiction>.js, written by
// targetwatch/render/lineage_site.py: every number, date, vintage, check result and formula line comes from Python
// as written there; the page's labels come from the template (lineage.html). Nothing here formats a number or
// decides a result. A data file is loaded with a <script src> (a file:// page may not fetch JSON).
(function () {
  "use strict";
  var cfg = null, common = null, data = null, ready = false;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function missing(v) { return v === null || v === undefined; }
  function d(v) { return missing(v) || v === "" ? "—" : esc(v); }  // the report's `|d`: a missing value as a dash
  function bi(zh, en) {
    return '<span class="zh">' + esc(missing(zh) ? "" : zh) + '</span><span class="en">' +
      esc(missing(en) ? "" : en) + "</span>";
  }
  function t(key) { var s = cfg.strings[key]; return s ? bi(s.zh, s.en) : bi(key, key); }
  function tOr(key, fallback) { return cfg.strings[key] ? t(key) : bi(fallback, fallback); }
  function colon() { return '<span class="zh">：</span><span class="en">: </span>'; }
  var labels = {};
  function label(key) { return labels[key] || esc(key); }
  function truncate(s, n) { s = missing(s) ? "" : String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function pill(result) {
    return labels["result-" + result] ? '<span class="pill ' + esc(result) + '">' + labels["result-" + result] + "</span>"
      : '<span class="pill none">—</span>';
  }
  function byId(id) { return document.getElementById(id); }
  function drop(id) { var el = byId(id); if (el) el.parentNode.removeChild(el); }

  // One figure of a series as an object (field names from the config), its file from the common table.
  function figures(key, vintages, own) {
    var rows = (data.series[key] || []), out = [];
    rows.forEach(function (a, k) {
      var o = {};
      cfg.figure_fields.forEach(function (f, i) { o[f] = a[i]; });
      o.vintage = cfg.vintage_codes[(vintages || "").charAt(k)] || "not_used";
      o.used = o.vintage === "used";
      o.own = own;
      o.jurisdiction = key.split("|")[0];
      o.file_row = missing(o.file) ? null : common.files[o.file];
      o.source_file = o.file_row ? o.file_row[0] : null;
      o.sha256 = o.file_row ? o.file_row[1] : null;
      out.push(o);
    });
    // a superseded vintage names the one used for its year (the same series)
    var usedOf = {};
    out.forEach(function (o) { if (o.used && (!usedOf[o.year] || o.observation_id > usedOf[o.year])) usedOf[o.year] = o.observation_id; });
    out.forEach(function (o) { o.used_vintage = usedOf[o.year] || null; });
    return out;
  }

  function location(o) {
    var s = "";
    if (!missing(o.sheet) && o.sheet !== "") s += label("sheet") + " <code>" + esc(o.sheet) + "</code> · ";
    var loc = missing(o.location) ? "" : String(o.location);
    s += loc ? esc(loc) : "—";
    if (!missing(o.row_number) && loc.indexOf("line") < 0 && loc.indexOf("row") < 0) s += " · " + label("row") + " " + esc(o.row_number);
    if (!missing(o.column_name) && o.column_name !== "") s += " · " + label("column") + " <code>" + esc(o.column_name) + "</code>";
    if (!missing(o.char_start)) s += " · " + label("chars") + " " + esc(o.char_start) + "–" + d(o.char_end);
    return s;
  }

  function figureRow(o, withRef) {
    var fileLink = '<a href="../index.html#' + esc(o.file_row ? o.file_row[2] : "files") + '"><code>' + d(o.source_file) + "</code></a>";
    var checks = (o.checks_failed || []).map(function (e) {
      var sev = common.checks.severity[e];
      return "<div>" + pill(sev === undefined ? "warned" : (sev === "error" ? "failed" : "warned")) + " <code>" + esc(e) + "</code></div>";
    }).join("") || '<span class="muted">' + label("none_failed") + "</span>";
    var title = missing(o.source_title) ? null : common.texts[o.source_title];
    return '<tr class="' + (o.used ? "used" : "") + '" data-observation="' + esc(o.observation_id) + '" data-vintage="' + esc(o.vintage) + '">' +
      '<td><span class="pill ' + esc(o.vintage) + '">' + cfg.vintages[o.vintage] + "</span>" +
      (o.vintage === "superseded" && o.used_vintage ? '<div class="muted small">→ <code>' + esc(o.used_vintage) + "</code></div>" : "") + "</td>" +
      (withRef ? '<td class="small">' + esc(o.jurisdiction) + (o.own ? "" : ' <span class="tag">' + label("reference") + "</span>") + "</td>" : "") +
      '<td class="num">' + d(o.year) + (o.year_basis && o.year_basis !== "stated" ? '<div class="muted small year-basis">' + esc(o.year_basis) + "</div>" : "") + "</td>" +
      '<td class="num">' + esc(missing(o.value_as_written) ? "" : o.value_as_written) + " " + esc(missing(o.unit_as_written) ? "" : o.unit_as_written) +
      (o.matched_by ? '<div class="muted small matched-by">' + label("matched") + ": " + esc(o.matched_by) + "</div>" : "") + "</td>" +
      '<td class="num">' + d(o.value) + ' <span class="muted">' + esc(missing(o.unit) ? "" : o.unit) + "</span></td>" +
      "<td>" + fileLink + '<div class="sha muted">' + esc(missing(o.sha256) ? "" : o.sha256) + "</div></td>" +
      '<td class="small source-location">' + location(o) +
      (o.confidence === "department-reported" ? ' <span class="badge department-reported">' + label("department_reported") + "</span>" : "") +
      '<div class="muted"><code>' + esc(o.observation_id) + "</code></div></td>" +
      '<td class="nowrap small">' + d(o.release_date) + '<div class="muted">' + esc(missing(o.release_date_basis) ? "" : o.release_date_basis) + "</div></td>" +
      '<td class="small">' + checks + "</td>" +
      '<td class="raw" title="' + esc(missing(o.raw_content) ? "" : o.raw_content) + '">' + esc(truncate(o.raw_content, 140)) +
      (title ? '<div class="ref">' + esc(truncate(title, 160)) + (o.source_ref ? " · " + esc(common.texts[o.source_ref]) : "") + "</div>" : "") +
      "</td></tr>";
  }

  function render(T, tid) {
    byId("view-loading").hidden = true;
    byId("view-body").hidden = false;
    var jur = data.jurisdiction;
    document.title = (T.name_zh || tid) + " · 溯源 / Lineage · " + (T.name_en || tid);
    var chip = missing(T.chip) ? "" : common.chips[T.chip];
    var dash = cfg.large ? "../../dashboards/targets/view.html#j=" + encodeURIComponent(cfg.page || "") + "&t=" + encodeURIComponent(tid)
      : "../../dashboards/targets/" + encodeURIComponent(tid) + ".html";
    Array.prototype.forEach.call(document.querySelectorAll("#dashboard-link, .dashboard-link"), function (a) { a.href = dash; });
    byId("coverage-link").href = "../index.html#t-" + encodeURIComponent(tid);
    byId("view-title").innerHTML = bi(T.name_zh || tid, T.name_en || tid) + " " + chip;
    byId("view-meta").innerHTML = "<code>" + esc(tid) + "</code> · " + bi(T.jurisdiction_zh || jur, T.jurisdiction_en || jur) +
      " · " + label("kind") + colon() + tOr("kind_" + T.kind, T.kind || "") + " · " + tOr("comparator_" + T.comparator, T.comparator || "") +
      (missing(T.deadline) ? "" : " · " + label("deadline") + " " + esc(T.deadline)) + " · " + label("as_of") + " " + d(T.as_of);

    // 1. the sentence, its document, offsets and checksum
    var sf = cfg.source_fields;
    var quotes = (T.sources || []).map(function (a) {
      var s = {};
      sf.forEach(function (f, i) { s[f] = a[i]; });
      return '<blockquote class="quote">' + esc(s.quote || "") +
        '<div class="muted">《' + esc(s.title_zh || s.document) + "》" + (s.title_en ? ' <span class="small">(' + esc(s.title_en) + ")</span>" : "") +
        (s.number ? " · " + esc(s.number) : "") + (s.issuer_zh ? " · " + bi(s.issuer_zh, s.issuer_en) : "") + (s.date ? " · " + esc(s.date) : "") + "</div>" +
        '<div class="muted small" data-source="' + esc(s.document) + '">' + label("clause") + " " + esc(missing(s.clause) ? "" : s.clause) +
        " · <code>policies/" + esc(s.file || s.document) + "</code> · " + label("chars") + ' <span class="offsets">' + d(s.char_start) + "–" + d(s.char_end) +
        '</span> · sha256 <span class="sha">' + esc(s.document_sha256 || "—") + "</span></div></blockquote>";
    });
    byId("source-list").innerHTML = quotes.join("");
    byId("no-sentence").hidden = quotes.length > 0;
    var ind = T.indicator ? common.indicators[T.indicator] : null;
    byId("fact-indicator").innerHTML = ind ? bi(ind[0], ind[1]) + " <code>" + esc(T.indicator) + "</code> · " + label("unit") + " <code>" + esc(ind[2]) + "</code>" : "—";
    byId("fact-goal").innerHTML = esc(T.comparator || "") + (missing(T.value) ? "" : " " + esc(T.value)) + (missing(T.value_high) ? "" : "–" + esc(T.value_high)) +
      (T.reference_jurisdiction ? " · " + label("reference") + " <code>" + esc(T.reference_jurisdiction) + "</code>" : "") +
      (T.per_year ? " · " + label("per_year") : "") + (missing(T.plan_start) ? "" : " · " + label("plan_start") + " " + esc(T.plan_start));

    // where the chain stops
    if (T.stops_at === "quote") {
      var stop = byId("chain-stop");
      stop.hidden = false;
      stop.setAttribute("data-stops-at", T.stops_at);
      stop.innerHTML = bi(T.stop[0], T.stop[1]);
      drop("figures"); drop("files"); drop("checks"); drop("figures-stop");
    } else {
      drop("chain-stop");
      // 2. the figures: the target's own series, then its reference's; at most cfg.limit listed
      var all = figures(T.own, T.v, true).concat(T.ref ? figures(T.ref, T.rv, false) : []);
      var withRef = all.some(function (o) { return !o.own; });
      byId("figures-total").textContent = all.length;
      var listed = all;
      if (all.length > cfg.limit) {
        var ranked = all.map(function (o, i) { return [o.vintage === "used" || o.vintage === "superseded" ? 0 : 1, i]; });
        ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
        var keep = ranked.slice(0, cfg.limit).map(function (x) { return x[1]; }).sort(function (a, b) { return a - b; });
        listed = keep.map(function (i) { return all[i]; });
        var note = byId("figures-file");
        note.hidden = false;
        Array.prototype.forEach.call(note.querySelectorAll("[data-n=listed]"), function (el) { el.textContent = listed.length; });
        Array.prototype.forEach.call(note.querySelectorAll("[data-n=total]"), function (el) { el.textContent = all.length; });
        var a = note.querySelector("a");
        a.href = encodeURIComponent(T.figures_file || "");
        a.querySelector("code").textContent = T.figures_file || "";
      } else {
        drop("figures-file");
      }
      if (!withRef) Array.prototype.forEach.call(document.querySelectorAll("#lineage-figures .ref-col"), function (el) { el.parentNode.removeChild(el); });
      if (listed.length) {
        byId("lineage-figures").tBodies[0].innerHTML = listed.map(function (o) { return figureRow(o, withRef); }).join("");
      } else {
        drop("lineage-figures");
      }
      if (T.stops_at === "figures") {
        var fstop = byId("figures-stop");
        fstop.hidden = false;
        fstop.id = "chain-stop";
        fstop.setAttribute("data-stops-at", T.stops_at);
        fstop.innerHTML = bi(T.stop[0], T.stop[1]);
      } else {
        drop("figures-stop");
      }
      // 3. the source files, with their checksums
      var files = (T.files || []).map(function (p) {
        var f = {};
        cfg.file_fields.forEach(function (name, i) { f[name] = common.files[p[0]][i]; });
        return '<tr class="' + (p[1] ? "used" : "") + '"><td><a href="../index.html#' + esc(f.anchor) + '"><code>' + esc(f.source_file) + "</code></a>" +
          (f.title ? '<div class="muted small">' + esc(f.title) + "</div>" : "") + "</td>" +
          '<td class="sha file-sha256">' + esc(missing(f.sha256) ? "" : f.sha256) + "</td><td>" + d(f.format) + " · " + d(f.encoding) + "</td>" +
          '<td class="nowrap">' + d(f.release_date) + ' <span class="muted">(' + esc(missing(f.release_date_basis) ? "" : f.release_date_basis) + ")</span></td>" +
          '<td class="num">' + d(f.rows_read) + " / " + d(f.rows_accepted) + " / " + d(f.rows_rejected) + "</td><td>" +
          (p[1] ? '<span class="ok">✓</span>' : "") + "</td></tr>";
      });
      if (files.length) {
        byId("files-total").textContent = files.length;
        byId("lineage-files").tBodies[0].innerHTML = files.join("");
      } else {
        drop("files");
      }
      // 4. the checks on the figures used
      var checks = (T.checks || []).map(function (c) {
        var k = common.checks.list[c[0]];
        var args = (k.kwargs || []).map(function (p) { return '<span class="kw"><b>' + esc(p[0]) + "</b>: <code>" + esc(p[1]) + "</code></span>"; }).join("");
        return '<tr data-expectation="' + esc(k.expectation_id) + '" data-result="' + esc(c[1]) + '"><td>' + esc(k.check_name) +
          '<div class="muted small">' + esc(k.severity) + "</div></td><td><code>" + esc(k.expectation) + '</code><div class="muted small">' +
          esc(k.expectation_id) + "</div>" + (k.description ? '<div class="small">' + esc(k.description) + "</div>" : "") + "</td>" +
          "<td>" + args + '</td><td class="small nowrap">' + (labels["scope-" + k.scope] || "") + "</td><td>" + pill(c[1]) + "</td>" +
          '<td class="num">' + (k.scope === "rows" ? c[2] + " / " + c[3] : "—") + "</td><td>" +
          pill(k.success_overall ? "passed" : (k.severity === "error" ? "failed" : "warned")) + "</td></tr>";
      });
      byId("checks-total").textContent = checks.length;
      if (checks.length) {
        byId("lineage-checks").tBodies[0].innerHTML = checks.join("");
        drop("no-checks");
      } else {
        drop("lineage-checks");
        byId("no-checks").hidden = false;
      }
    }

    // 5. the assessment, and its formula with this target's numbers
    var reason = byId("reason");
    reason.style.borderColor = T.status_colour || "#888";
    reason.innerHTML = chip + " " + bi(T.reason_zh, T.reason_en) +
      (T.evidence_basis_zh ? "<br><b>" + label("evidence_basis") + colon() + "</b>" + bi(T.evidence_basis_zh, T.evidence_basis_en) + " · " +
        bi(T.evidence_grade_zh, T.evidence_grade_en) + (missing(T.deadline_inferred_from) ? "" : " · " + label("inferred_from") + " " + esc(T.deadline_inferred_from)) : "");
    byId("formula").innerHTML = (T.formula || []).map(function (l) { return "<li>" + bi(l[0], l[1]) + "</li>"; }).join("");
    byId("lineage-view").setAttribute("data-state", "ready");
    if (window.twLabelCells) window.twLabelCells(byId("lineage-view"));
  }

  function notFound() {
    byId("view-loading").hidden = true;
    byId("view-missing").hidden = false;
    byId("lineage-view").setAttribute("data-state", "missing");
  }
  function wanted() {
    if (cfg.fixed) return cfg.fixed;
    var p = new URLSearchParams(window.location.hash.slice(1));
    return { j: p.get("j"), t: p.get("t") };
  }
  // A target's chain: its position in the file's ids, and each column's value there that is not null (the file
  // holds the chains as columns: targetwatch/render/lineage_columns.py).
  function chainOf(tid) {
    var k = (data.ids || []).indexOf(tid), T = {};
    if (k < 0) return null;
    Object.keys(data.columns || {}).forEach(function (name) {
      var v = data.columns[name][k];
      if (!missing(v)) T[name] = v;
    });
    return T;
  }
  function draw() {
    if (!ready || !data) return;
    var w = wanted(), T = chainOf(w.t);
    cfg.page = w.j;
    if (T) render(T, w.t); else notFound();
  }
  window.twLineageCommon = function (c) { common = c; };
  window.twLineage = function (payload) { data = payload; draw(); };
  window.addEventListener("hashchange", function () { window.location.reload(); });
  document.addEventListener("DOMContentLoaded", function () {
    cfg = JSON.parse(byId("tw-config").textContent);
    cfg.fixed = JSON.parse(byId("tw-target").textContent);
    Array.prototype.forEach.call(byId("labels").content.querySelectorAll("[data-label]"), function (el) {
      labels[el.getAttribute("data-label")] = el.innerHTML;
    });
    ready = true;
    if (data) { draw(); return; }
    var w = wanted();
    // a jurisdiction's file name is a plain ASCII name (large_site.page_name): nothing else is loaded
    if (!common || !w.j || !w.t || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(w.j)) { notFound(); return; }
    var script = document.createElement("script");
    script.src = "data/" + w.j + ".js";
    script.onerror = notFound;
    document.head.appendChild(script);
  });
})();
