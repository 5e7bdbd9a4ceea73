// targetwatch dashboards: language toggle (zh first, remembered), charts drawn from inline JSON with
// the site's one plotly.min.js, sortable and filterable tables, tooltips that open on tap. No network access of
// any kind. Nothing here formats a number or builds a chart: Python wrote every figure and every chart spec
// (targetwatch.formatting, targetwatch.charts), including each chart's phone variant.
(function () {
  "use strict";
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem("tw-lang"); } catch (e) { /* file:// without storage */ }
  if (saved === "zh" || saved === "en") root.lang = saved;

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // --- charts: draw the ones that are visible (the other language waits for the toggle) ---
  var NARROW = "(max-width: 639.98px)";  // as site.css; targetwatch.charts.NARROW_MAX_PX
  function narrow() { return window.matchMedia && window.matchMedia(NARROW).matches; }
  // a spec's phone variant is a set of Plotly attribute paths ("margin.l": 48) that Python chose
  function withOverrides(layout, overrides) {
    Object.keys(overrides || {}).forEach(function (path) {
      var keys = path.split("."), node = layout;
      for (var i = 0; i < keys.length - 1; i++) {
        if (typeof node[keys[i]] !== "object" || node[keys[i]] === null) node[keys[i]] = {};
        node = node[keys[i]];
      }
      node[keys[keys.length - 1]] = overrides[path];
    });
    return layout;
  }
  function drawCharts() {
    if (typeof window.Plotly === "undefined") return;
    var small = narrow();
    each(document.querySelectorAll(".plot[data-spec]"), function (el) {
      if (el.offsetParent === null) return;  // hidden (other language)
      if (el.getAttribute("data-drawn")) { window.Plotly.Plots.resize(el); return; }
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      var layout = small ? withOverrides(spec.layout, spec.narrow) : spec.layout;
      window.Plotly.newPlot(el, spec.data, layout, {
        displaylogo: false, responsive: true, displayModeBar: small ? false : "hover",
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"]
      });
      el.setAttribute("data-drawn", small ? "narrow" : "1");
    });
  }

  // --- tables read as cards on a phone (site.css): each cell carries its column's words as data-zh/data-en ---
  function labelCells(scope) {
    each((scope || document).querySelectorAll("table:not(.matrix)"), function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head) return;
      var words = Array.prototype.map.call(head.cells, function (th) {
        var zh = th.querySelector(".zh"), en = th.querySelector(".en");
        return [(zh || th).textContent.trim(), (en || th).textContent.trim()];
      });
      each(table.tBodies, function (body) {
        each(body.rows, function (row) {
          if (row.cells.length !== words.length) return;  // a group row spanning the table
          each(row.cells, function (cell, i) {
            if (cell.tagName !== "TD" || cell.hasAttribute("data-zh") || !words[i][0] ||
                /\b(name|star|status|jur)\b/.test(cell.className)) return;
            cell.setAttribute("data-zh", words[i][0]);
            cell.setAttribute("data-en", words[i][1]);
          });
        });
      });
    });
  }
  window.twLabelCells = labelCells;  // for pages that add tables after loading (targets/view.html)

  // --- tooltips that open on tap (status meanings, evidence basis): [data-tip-zh][data-tip-en] ---
  var tip = null, tipFor = null;
  function hideTip() { if (tip) tip.hidden = true; tipFor = null; }
  function showTip(el) {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "tw-tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = el.getAttribute("data-tip-" + root.lang) || el.getAttribute("data-tip-zh");
    tip.hidden = false;
    var r = el.getBoundingClientRect(), width = tip.offsetWidth, vw = document.documentElement.clientWidth;
    tip.style.left = Math.max(8, Math.min(r.left, vw - width - 8)) + window.scrollX + "px";
    tip.style.top = r.bottom + window.scrollY + 6 + "px";
    tipFor = el;
  }

  function relabelOptions() {
    var lang = root.lang;
    each(document.querySelectorAll("option[data-" + lang + "]"), function (o) {
      o.textContent = o.getAttribute("data-" + lang);
    });
  }

  // Printing lays the page out at A4 width: redraw the charts at that width, and back after.
  function fitCharts() {
    if (typeof window.Plotly === "undefined") return;
    each(document.querySelectorAll(".plot[data-drawn]"), function (el) {
      if (el.offsetParent !== null) window.Plotly.Plots.resize(el);
    });
  }
  window.addEventListener("beforeprint", fitCharts);
  window.addEventListener("afterprint", fitCharts);

  window.twDrawCharts = drawCharts;  // for pages that add charts after loading (targets/view.html)

  window.twToggleLang = function () {
    var next = root.lang === "zh" ? "en" : "zh";
    root.lang = next;
    try { localStorage.setItem("tw-lang", next); } catch (e) { /* ignore */ }
    relabelOptions();
    drawCharts();
  };

  // --- sorting: click a header with data-col; numbers from data-sort, else the visible text ---
  function cellValue(td) {
    if (!td) return "";
    var v = td.getAttribute("data-sort");
    if (v !== null) return v;
    var shown = td.querySelector("." + root.lang);
    return (shown ? shown.textContent : td.textContent).trim();
  }
  function sortBy(th) {
    var table = th.closest("table"), idx = Array.prototype.indexOf.call(th.parentNode.children, th);
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute("data-dir") !== "asc";
    rows.sort(function (a, b) {
      var x = cellValue(a.cells[idx]), y = cellValue(b.cells[idx]);
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny) && String(nx) !== "NaN") ? nx - ny : x.localeCompare(y, root.lang === "zh" ? "zh-CN" : "en");
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    each(th.parentNode.children, function (h) { h.removeAttribute("data-dir"); h.removeAttribute("aria-sort"); });
    th.setAttribute("data-dir", asc ? "asc" : "desc");
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
  }

  // --- filtering: selects (data-filter), a search box, a headline-only box ---
  function applyFilters(tableId) {
    var table = document.getElementById(tableId);
    if (!table) return;
    var selects = document.querySelectorAll("select[data-table='" + tableId + "']");
    var search = document.querySelector("input[data-search='" + tableId + "']");
    var headline = document.querySelector("input[data-headline='" + tableId + "']");
    var needle = search ? search.value.trim().toLowerCase() : "";
    var shown = 0;
    each(table.tBodies[0].rows, function (row) {
      var show = true;
      each(selects, function (f) {
        if (!f.value) return;
        var have = (row.getAttribute("data-" + f.getAttribute("data-filter")) || "").split("|");
        if (have.indexOf(f.value) < 0) show = false;
      });
      if (show && needle && row.textContent.toLowerCase().indexOf(needle) < 0) show = false;
      if (show && headline && headline.checked && row.getAttribute("data-headline") !== "1") show = false;
      row.hidden = !show;
      if (show) shown += 1;
    });
    var count = document.getElementById("shown-count");
    if (count) {
      var total = count.getAttribute("data-total");
      count.textContent = "(" + (shown === Number(total) ? total : shown + " / " + total) + ")";
    }
    var none = document.getElementById("no-rows");
    if (none) none.hidden = shown > 0;
  }

  document.addEventListener("click", function (ev) {
    var tipped = ev.target.closest("[data-tip-zh]");
    if (tipped && tipped !== tipFor) showTip(tipped); else hideTip();
    if (ev.target.closest("#lang-toggle")) { window.twToggleLang(); return; }
    var th = ev.target.closest("th[data-col]");
    if (th) { sortBy(th); return; }
    var setter = ev.target.closest("[data-set-filter]");
    if (setter) {
      var keys = setter.getAttribute("data-set-filter").split(" ");
      var values = setter.getAttribute("data-value").split(" ");
      var tableId = "targets-table";
      each(document.querySelectorAll("select[data-table='" + tableId + "']"), function (s) { s.value = ""; });
      keys.forEach(function (k, i) {
        var sel = document.querySelector("select[data-filter='" + k + "'][data-table='" + tableId + "']");
        if (sel) sel.value = values[i];
      });
      applyFilters(tableId);
      var table = document.getElementById(tableId);
      if (table && setter.tagName !== "A") table.scrollIntoView({ block: "start" });
      return;
    }
    var reset = ev.target.closest("[data-reset]");
    if (reset) {
      var id = reset.getAttribute("data-reset");
      each(document.querySelectorAll("select[data-table='" + id + "']"), function (s) { s.value = ""; });
      each(document.querySelectorAll("input[data-search='" + id + "']"), function (s) { s.value = ""; });
      each(document.querySelectorAll("input[data-headline='" + id + "']"), function (s) { s.checked = false; });
      applyFilters(id);
    }
  });
  document.addEventListener("keydown", function (ev) {
    var tipped = ev.target.closest && ev.target.closest("[data-tip-zh]");
    if (tipped && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); showTip(tipped); }
    if (ev.key === "Escape") hideTip();
  });
  document.addEventListener("change", function (ev) {
    var el = ev.target.closest("select[data-filter], input[data-headline]");
    if (el) applyFilters(el.getAttribute("data-table") || el.getAttribute("data-headline"));
  });
  document.addEventListener("input", function (ev) {
    var el = ev.target.closest("input[data-search]");
    if (el) applyFilters(el.getAttribute("data-search"));
  });
  document.addEventListener("DOMContentLoaded", function () {
    relabelOptions();
    labelCells();
    drawCharts();
  });
})();
