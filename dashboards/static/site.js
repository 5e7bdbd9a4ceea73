// Language toggle (zh first, remembered) and sortable/filterable tables. No network access.
(function () {
  var saved = null;
  try { saved = localStorage.getItem("tw-lang"); } catch (e) {}
  if (saved) document.documentElement.lang = saved;
  window.twToggleLang = function () {
    var next = document.documentElement.lang === "zh" ? "en" : "zh";
    document.documentElement.lang = next;
    try { localStorage.setItem("tw-lang", next); } catch (e) {}
    window.dispatchEvent(new Event("resize"));  // let Plotly re-measure the now-visible charts
  };
  function cellValue(td) { var v = td.getAttribute("data-sort"); return v !== null ? v : td.textContent.trim(); }
  document.addEventListener("click", function (ev) {
    var th = ev.target.closest("th[data-col]");
    if (!th) return;
    var table = th.closest("table"), idx = Array.prototype.indexOf.call(th.parentNode.children, th);
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute("data-dir") !== "asc";
    rows.sort(function (a, b) {
      var x = cellValue(a.cells[idx]), y = cellValue(b.cells[idx]);
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    th.setAttribute("data-dir", asc ? "asc" : "desc");
  });
  document.addEventListener("change", function (ev) {
    var sel = ev.target.closest("select[data-filter]");
    if (!sel) return;
    var table = document.getElementById(sel.getAttribute("data-table"));
    var filters = document.querySelectorAll("select[data-table='" + table.id + "']");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var show = true;
      Array.prototype.forEach.call(filters, function (f) {
        if (f.value && row.getAttribute("data-" + f.getAttribute("data-filter")).split("|").indexOf(f.value) < 0) show = false;
      });
      row.style.display = show ? "" : "none";
    });
  });
})();
