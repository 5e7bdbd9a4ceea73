// targetwatch dashboards, large layout: the one target page (targets/view.html#j=<jurisdiction>&t=<target_id>).
// It loads data/<jurisdiction>.js with a <script src> (file:// pages cannot fetch JSON) and draws the same
// sections as a pre-rendered target page. The chart builders follow targetwatch/charts.py (gap_chart,
// gap_pp_chart, per_year_chart, format_number, format_value, nice_ticks): change both together
// (tests/e2e/test_browser.py compares their number formatting). Labels, colours and statuses come from the
// page's #tw-config (rendered from targetwatch.vocab, charts and dashboards/strings.yaml): none are written here.
(function () {
  "use strict";
  var cfg = null, common = null, C = null;

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

  // --- numbers (charts.format_number, format_value, nice_ticks) ---
  function roundHalfEven(v) {
    var f = Math.floor(v), d = v - f;
    if (d < 0.5) return f;
    if (d > 0.5) return f + 1;
    return f % 2 === 0 ? f : f + 1;
  }
  function commas(s) {
    var neg = s.charAt(0) === "-", body = neg ? s.slice(1) : s, parts = body.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (neg ? "-" : "") + parts.join(".");
  }
  // Python's formatting rounds the exact binary value half to even; toFixed and toPrecision round ties up.
  // Both are written here from the exact decimal expansion (toFixed(100) shows it for these magnitudes).
  function roundDecimal(digitsStr, keep) {  // digitsStr: all digits, no point; keep: how many to keep
    var head = digitsStr.slice(0, keep), rest = digitsStr.slice(keep);
    var up = rest.charAt(0) > "5" || (rest.charAt(0) === "5" && (/[1-9]/.test(rest.slice(1)) ||
             (Number(head.charAt(head.length - 1) || "0") % 2 === 1)));
    if (!up) return head;
    var out = "", carry = 1;
    for (var i = head.length - 1; i >= 0; i--) {
      var d = Number(head.charAt(i)) + carry;
      carry = d === 10 ? 1 : 0;
      out = String(d % 10) + out;
    }
    return carry ? "1" + out : out;
  }
  function toFixedPy(x, decimals) {
    var neg = x < 0, exact = Math.abs(x).toFixed(100), point = exact.indexOf(".");
    var intPart = exact.slice(0, point), frac = exact.slice(point + 1);
    var kept = roundDecimal(intPart + frac, intPart.length + decimals);
    var ip = kept.slice(0, kept.length - decimals) || "0", fp = kept.slice(kept.length - decimals);
    ip = ip.replace(/^0+(?=\d)/, "");
    return (neg ? "-" : "") + ip + (decimals ? "." + fp : "");
  }
  function toPrecisionPy(x, digits) {  // float(f"{x:.{digits}g}")
    if (x === 0 || !isFinite(x)) return x;
    var e = Math.floor(Math.log10(Math.abs(x)));
    var decimals = digits - 1 - e;
    if (decimals >= 0) return Number(toFixedPy(x, Math.min(decimals, 99)));
    var scale = Math.pow(10, -decimals);
    var q = Number(toFixedPy(x / scale, 0));  // exact for these magnitudes: scale is a power of ten
    return q * scale;
  }
  function fixed(x, digits, sep) {
    if (x === 0) return "0";
    var decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
    var s = toFixedPy(x, Math.min(decimals, 99));
    if (sep === ",") s = commas(s);
    if (s.indexOf(".") >= 0) s = s.replace(/0+$/, "").replace(/\.$/, "");
    return s === "-0" ? "0" : s;
  }
  function formatNumber(value, lang, digits) {
    digits = digits || 4;
    if (missing(value)) return "—";
    var v = Number(value);
    if (lang === "zh") {
      v = toPrecisionPy(v, digits);
      var scales = [[1e12, "万亿"], [1e8, "亿"], [1e4, "万"]];
      for (var i = 0; i < scales.length; i++) {
        if (Math.abs(v) >= scales[i][0]) return fixed(v / scales[i][0], digits, "") + scales[i][1];
      }
      return fixed(v, digits, "");
    }
    if (Number.isInteger(v) || Math.abs(v) >= Math.pow(10, digits)) {
      var r = roundHalfEven(v);
      return r === 0 ? "0" : commas(String(r));
    }
    return fixed(v, digits, ",");
  }
  function formatValue(value, unit, lang, signed, perYear) {
    if (missing(value)) return "—";
    var n = formatNumber(value, lang);
    if (signed && Number(value) > 0) n = "+" + n;
    var lab = C.labels[lang], text;
    if (unit === "percent") text = signed ? n + lab.pp : n + "%";
    else if (C.units[unit]) text = lang === "zh" ? n + C.units[unit].zh : (unit === "count" ? n : n + " " + C.units[unit].en);
    else text = n;
    if (perYear) text += lang === "zh" ? "/年" : " a year";
    return text;
  }
  function niceTicks(lo, hi, n) {
    n = n || 5;
    if (!isFinite(lo) || !isFinite(hi)) return [];
    if (hi < lo) { var tmp = lo; lo = hi; hi = tmp; }
    if (hi === lo) { var pad = Math.abs(hi) * 0.1 || 1.0; lo -= pad; hi += pad; }
    var raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(raw))), step = 10 * mag;
    var ms = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < ms.length; i++) { if ((hi - lo) / (ms[i] * mag) <= n) { step = ms[i] * mag; break; } }
    var start = Math.floor(lo / step + 1e-9) * step, end = Math.ceil(hi / step - 1e-9) * step;
    var count = Math.round((end - start) / step), out = [];
    for (var k = 0; k <= count; k++) out.push(parseFloat((start + k * step).toFixed(10)) + 0);
    return out;
  }
  window.twFormat = { number: formatNumber, value: formatValue, ticks: niceTicks };

  // --- chart specs (charts.py) ---
  function axisTitle(unit, lang) {
    var u = C.units[unit];
    if (!u) return "";
    var word = C.axis_words[lang][unit] || "", label = u[lang];
    if (lang === "zh") return word ? word + "（" + label + "）" : label;
    return word.toLowerCase() === label.toLowerCase() ? word : word + " (" + label + ")";
  }
  function finite(values) { return values.filter(function (v) { return !missing(v) && isFinite(v); }); }
  function valueAxis(values, lang, title, zero, textRoom) {
    var vals = finite(values);
    var axis = { title: { text: title }, gridcolor: C.colours.grid, zerolinecolor: "#b0b7c3" };
    if (!vals.length) return axis;
    var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals);
    if (zero || (lo > 0 && lo < 0.5 * hi)) lo = Math.min(lo, 0);
    if (zero && hi < 0) hi = 0;
    var ticks = niceTicks(lo, hi), span = ticks[ticks.length - 1] - ticks[0];
    var below = (ticks[0] === 0 && lo >= 0) ? 0 : span * (textRoom && lo < 0 ? 0.14 : 0.04);
    var above = span * (textRoom && hi > 0 ? 0.12 : 0.04);
    axis.tickvals = ticks;
    axis.ticktext = ticks.map(function (v) { return formatNumber(v, lang); });
    axis.range = [ticks[0] - below, ticks[ticks.length - 1] + above];
    return axis;
  }
  function layout(lang, xYears, yAxis, height) {
    height = height || 420;
    var lo = 2015, hi = 2020;
    if (xYears.length) { lo = Math.min.apply(null, xYears); hi = Math.max.apply(null, xYears); }
    var margin = { l: 76, r: 30, t: 36, b: 120 }, plotHeight = height - margin.t - margin.b;
    return {
      font: { family: C.font, size: 13, color: "#1f2328" }, height: height, margin: margin,
      paper_bgcolor: "#ffffff", plot_bgcolor: "#ffffff", hovermode: "x unified", hoverlabel: { font: { family: C.font } },
      legend: { orientation: "h", y: -C.legend_gap_px / plotHeight, yanchor: "top", x: 0, font: { size: 12 } },
      xaxis: { title: { text: C.labels[lang].year }, dtick: hi - lo <= 12 ? 1 : 2, tickformat: "d",
               range: [lo - 0.6, hi + 0.6], gridcolor: C.colours.grid, showline: true, linecolor: "#b0b7c3" },
      yaxis: yAxis, shapes: [], annotations: [], separators: ".,"
    };
  }
  function line(name, x, y, lang, unit, o) {
    o = o || {};
    var tr = { type: "scatter", name: name, x: x, y: y, mode: o.markers ? "lines+markers" : "lines",
               line: { color: o.colour, dash: o.dash || "solid", width: o.width || 2 },
               text: y.map(function (v) { return formatValue(v, unit, lang, o.signed); }), hovertemplate: "%{text}" };
    if (o.markers) tr.marker = { size: 8, color: o.colour };
    if (o.yaxis) tr.yaxis = o.yaxis;
    return tr;
  }
  function deadlineMarker(lay, deadline, lang) {
    if (missing(deadline)) return;
    var d = Math.trunc(deadline);
    lay.shapes.push({ type: "line", xref: "x", yref: "paper", x0: d, x1: d, y0: 0, y1: 1,
                      line: { color: "#8c959f", dash: "dot", width: 1 } });
    lay.annotations.push({ x: d, xref: "x", y: 1, yref: "paper", yanchor: "bottom", showarrow: false,
                           text: C.labels[lang].deadline + " " + d, font: { size: 11, color: "#59636e" } });
  }
  function gapNote(lay, x, yFrom, yTo, gap, unit, lang, colour, pp) {
    var lab = C.labels[lang];
    var text = lab.gap + " " + formatValue(gap, pp ? "percent" : unit, lang, true);
    var lo = lay.xaxis.range[0], hi = lay.xaxis.range[1], left = (x - lo) / ((hi - lo) || 1) > 0.7;
    lay.annotations.push({ x: x, y: (yFrom + yTo) / 2, xref: "x", yref: "y", text: "<b>" + text + "</b>",
                           showarrow: true, arrowhead: 0, ax: left ? -40 : 40, ay: 0, xanchor: left ? "right" : "left",
                           bgcolor: "rgba(255,255,255,0.85)", bordercolor: colour, font: { color: colour, size: 12 } });
    return [{ type: "scatter", name: lab.gap, x: [x, x], y: [yFrom, yTo], mode: "lines",
              line: { color: colour, width: 2, dash: "dot" }, showlegend: false, hoverinfo: "skip", yaxis: "y" }];
  }
  function colourOf(T) { return C.status_colours[T.status] || C.status_colours.no_data; }
  function proxyTraces(proxies, lang, unit) {
    var byName = {}, names = [];
    proxies.forEach(function (p) {
      var name = p["indicator_name_" + lang];
      if (!byName[name]) { byName[name] = []; names.push(name); }
      byName[name].push(p);
    });
    names.sort();
    return names.map(function (name, i) {
      var rows = byName[name].slice().sort(function (a, b) { return a.year - b.year; });
      return { type: "scatter", name: C.labels[lang].proxy + (lang === "zh" ? "：" : ": ") + name,
               x: rows.map(function (r) { return r.year; }), y: rows.map(function (r) { return r.value; }),
               mode: "markers", marker: { symbol: ["diamond-open", "square-open", "circle-open"][i % 3], size: 10,
                                          color: C.colours.proxy, line: { width: 2 } },
               text: rows.map(function (r) { return formatValue(r.value, unit, lang); }), hovertemplate: "%{text}" };
    });
  }
  function projection(T) {
    if (missing(T.latest_year) || missing(T.deadline) || T.latest_year >= T.deadline) return null;
    var proj = T.projection_used === "compound" ? T.projection_compound : T.projection_linear;
    if (missing(proj)) proj = T.projection_linear;
    if (missing(proj) || missing(T.latest_metric)) return null;
    return [[Math.trunc(T.latest_year), Math.trunc(T.projection_year)], [T.latest_metric, proj]];
  }
  function gapChart(T, Y, reference, proxies, lang, yTitle, refName) {
    if (T.per_year) return perYearChart(T, Y, proxies, lang, yTitle);
    var lab = C.labels[lang], colour = colourOf(T), unit = T.unit, relative = T.comparator === "relative_to_reference";
    var traces = [], xAll = Y.year.slice(), yAll = Y.value.slice();
    var deadline = missing(T.deadline) ? null : Math.trunc(T.deadline);
    if (relative && reference && reference.year.length) {
      traces.push(line(refName ? lab.reference + (lang === "zh" ? "：" : ": ") + refName : lab.reference,
                       reference.year, reference.value, lang, unit, { colour: C.colours.reference, dash: "dash", markers: true }));
      xAll = xAll.concat(reference.year);
      yAll = yAll.concat(reference.value);
    }
    var level = missing(T.goal_at_deadline) ? T.target_value_stated : T.goal_at_deadline;
    if (!relative && deadline !== null && !missing(level)) {
      var first = Math.min.apply(null, xAll.concat([deadline], missing(T.base_year) ? [] : [Math.trunc(T.base_year)]));
      var last = Math.max.apply(null, xAll.concat([deadline]));
      if (T.comparator === "growth_rate") {
        traces.push({ type: "scatter", name: lab.target, x: [deadline], y: [level], mode: "markers",
                      marker: { symbol: "star", size: 15, color: C.colours.target },
                      text: [formatValue(level, unit, lang)], hovertemplate: "%{text}" });
      } else {
        traces.push(line(lab.target, [first, last], [level, level], lang, unit, { colour: C.colours.target, dash: "dash", width: 1.5 }));
      }
      if (!missing(T.value_high) && T.comparator === "range") {
        traces.push(line(lab.target_high, [first, last], [T.value_high, T.value_high], lang, unit,
                         { colour: C.colours.target, dash: "dot", width: 1 }));
        yAll.push(T.value_high);
      }
      yAll.push(level);
      if (!missing(T.base_year) && !missing(T.base_value) && Math.trunc(T.base_year) < deadline) {
        var b0 = Math.trunc(T.base_year), b = T.base_value, px = [], py = [];
        for (var yr = b0; yr <= deadline; yr++) {
          px.push(yr);
          py.push(T.growth_model === "compound" && b > 0 && level > 0
            ? b * Math.pow(level / b, (yr - b0) / (deadline - b0)) : b + (level - b) * (yr - b0) / (deadline - b0));
        }
        traces.push(line(lab.path, px, py, lang, unit, { colour: C.colours.path, dash: "dash", width: 1.5 }));
        xAll.push(b0);
        yAll.push(b);
      }
      var proj = projection(T);
      if (proj) {
        traces.push(line(lab.projection, proj[0], proj[1], lang, unit, { colour: colour, dash: "dot", width: 2 }));
        xAll = xAll.concat(proj[0]);
        yAll = yAll.concat(proj[1]);
      }
    }
    if (Y.year.length) traces.push(line(lab.actual, Y.year, Y.value, lang, unit, { colour: colour, width: 3, markers: true }));
    proxyTraces(proxies, lang, unit).forEach(function (tr) { traces.push(tr); xAll = xAll.concat(tr.x); yAll = yAll.concat(tr.y); });
    if (deadline !== null) xAll.push(deadline);
    var lay = layout(lang, xAll, valueAxis(yAll, lang, yTitle));
    deadlineMarker(lay, deadline, lang);
    if (Y.year.length && !missing(T.latest_year) && !missing(T.latest_gap) && !missing(T.latest_value)) {
      var goalNow = relative ? T.latest_reference_value : T.latest_goal;
      if (!missing(goalNow)) {
        traces = traces.concat(gapNote(lay, Math.trunc(T.latest_year), T.latest_value, goalNow, T.latest_gap, unit,
                                       lang, colour, relative));
      }
    }
    return { data: traces, layout: lay };
  }
  function gapPpChart(T, Y, lang, refName) {
    var lab = C.labels[lang], colour = colourOf(T), x = Y.year, gaps = Y.metric;
    var name = refName ? (lang === "zh" ? lab.gap_series + "（" + refName + "）" : lab.gap_series + " (" + refName + ")") : lab.gap_series;
    var traces = [{ type: "bar", name: name, x: x, y: gaps,
                    marker: { color: gaps.map(function (g) { return !missing(g) && g >= 0 ? C.status_colours.achieved : colour; }) },
                    text: gaps.map(function (g) { return (g && g > 0 ? "+" : "") + formatNumber(g, lang); }), textposition: "outside",
                    hovertext: gaps.map(function (g) { return formatValue(g, "percent", lang, true); }),
                    hovertemplate: "%{hovertext}", cliponaxis: false }];
    var deadline = missing(T.deadline) ? null : Math.trunc(T.deadline), yAll = gaps.concat([0]), xAll = x.slice();
    if (deadline !== null && !missing(T.base_year) && !missing(T.base_value) && Math.trunc(T.base_year) < deadline) {
      traces.push(line(lab.path, [Math.trunc(T.base_year), deadline], [T.base_value, 0], lang, "percent",
                       { colour: C.colours.path, dash: "dash", width: 1.5, signed: true }));
      xAll.push(Math.trunc(T.base_year), deadline);
    }
    var proj = projection(T);
    if (proj) {
      traces.push(line(lab.projection, proj[0], proj[1], lang, "percent", { colour: colour, dash: "dot", signed: true }));
      xAll = xAll.concat(proj[0]);
      yAll = yAll.concat(proj[1]);
    }
    var lay = layout(lang, xAll, valueAxis(yAll, lang, lab.gap_pp, true, true), 380);
    lay.yaxis.zeroline = false;
    lay.shapes.push({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: 0, y1: 0,
                      line: { color: C.colours.target, dash: "dash", width: 1.5 } });
    lay.annotations.push({ xref: "paper", x: 0, xanchor: "left", yref: "y", y: 0, yanchor: "bottom", showarrow: false,
                           text: lab.gap_zero, font: { size: 11, color: C.colours.target } });
    deadlineMarker(lay, deadline, lang);
    return { data: traces, layout: lay };
  }
  function perYearChart(T, Y, proxies, lang, yTitle) {
    var lab = C.labels[lang], unit = T.unit, sc = C.status_colours, ink = C.status_text_colours;
    var yearly = missing(T.target_value_stated) ? null : T.target_value_stated;
    var deadline = missing(T.deadline) ? null : Math.trunc(T.deadline);
    var start = missing(T.plan_start) ? null : Math.trunc(T.plan_start);
    var traces = [], xAll = Y.year.slice(), yAll = Y.value.slice(), i;
    if (Y.year.length) {
      var codes = Y.year.map(function (_, k) { return Y.in_plan[k] ? (Y.met[k] ? "achieved" : "missed") : "no_data"; });
      traces.push({ type: "bar", name: lab.actual_yearly, x: Y.year, y: Y.value,
                    marker: { color: codes.map(function (c) { return sc[c]; }) },
                    text: Y.value.map(function (v) { return formatValue(v, unit, lang); }), textposition: "inside",
                    insidetextanchor: "end", textfont: { color: codes.map(function (c) { return ink[c]; }) },
                    hovertemplate: "%{text}" });
    }
    var planYears = [];
    if (start !== null && deadline !== null) for (i = start; i <= deadline; i++) planYears.push(i);
    if (yearly !== null && planYears.length) {
      var tl = line(lab.target_yearly, [planYears[0] - 0.4, planYears[planYears.length - 1] + 0.4], [yearly, yearly], lang, unit,
                    { colour: C.colours.target, dash: "dash", width: 2 });
      tl.text = [formatValue(yearly, unit, lang, false, true), formatValue(yearly, unit, lang, false, true)];
      traces.push(tl);
      yAll.push(yearly);
      xAll = xAll.concat(planYears);
    }
    var doneX = [], doneV = [];
    Y.year.forEach(function (yr, k) { if (Y.in_plan[k]) { doneX.push(yr); doneV.push(Y.value[k]); } });
    var y2All = [];
    if (doneX.length && planYears.length) {
      if (yearly !== null) {
        var cumGoal = planYears.map(function (_, k) { return yearly * (k + 1); });
        traces.push(line(lab.cumulative_target, planYears, cumGoal, lang, unit, { colour: C.colours.target, dash: "dot", width: 1.5, yaxis: "y2" }));
        y2All = y2All.concat(cumGoal);
      }
      var sum = 0, cum = doneV.map(function (v) { sum += missing(v) ? NaN : v; return isNaN(sum) ? null : sum; });
      traces.push(line(lab.cumulative, doneX, cum, lang, unit, { colour: colourOf(T), width: 2.5, markers: true, yaxis: "y2" }));
      y2All = y2All.concat(cum);
    }
    proxyTraces(proxies, lang, unit).forEach(function (tr) { traces.push(tr); xAll = xAll.concat(tr.x); yAll = yAll.concat(tr.y); });
    if (deadline !== null) xAll.push(deadline);
    var lay = layout(lang, xAll, valueAxis(yAll, lang, yTitle, true, true));
    if (y2All.length) {
      var y2 = valueAxis(y2All, lang, lab.cumulative_axis, true);
      y2.overlaying = "y"; y2.side = "right"; y2.showgrid = false;
      lay.yaxis2 = y2;
      lay.margin.r = 70;
    }
    lay.barmode = "overlay";
    deadlineMarker(lay, deadline, lang);
    if (Y.year.length && [T.latest_year, T.latest_value, T.latest_gap, T.latest_goal].every(function (v) { return !missing(v); })) {
      lay.annotations.push({ x: Math.trunc(T.latest_year), y: Math.max(T.latest_value, T.latest_goal), xref: "x", yref: "y",
                             text: "<b>" + lab.gap + " " + formatValue(T.latest_gap, unit, lang, true) + "</b>",
                             showarrow: true, arrowhead: 0, ax: 0, ay: -26, yanchor: "bottom",
                             bgcolor: "rgba(255,255,255,0.85)", bordercolor: colourOf(T), font: { color: colourOf(T), size: 12 } });
    }
    return { data: traces, layout: lay };
  }
  window.twCharts = { gap: gapChart, gapPp: gapPpChart, perYear: perYearChart };

  // --- the page ---
  function chartHtml(spec, id, lang) {
    var json = JSON.stringify(spec).replace(/</g, "\\u003c");
    return '<div class="chart ' + lang + '"><div class="plot" id="' + id + '" data-spec="' + id + '-spec"></div>' +
      '<script type="application/json" id="' + id + '-spec">' + json + "</scr" + "ipt></div>";
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
    var y = T.years || {}, n = (y.y || []).length;
    function col(k) { return y[k] || new Array(n).fill(null); }
    // o and ro: the row numbers of the figures used in the target's own and the reference series
    return { year: col("y"), value: col("v"), reference_value: col("r"), metric: y.m || col("v"), met: col("met"),
             in_plan: col("p"), own_row: col("o"), reference_row: col("ro") };
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
    var relative = T.comparator === "relative_to_reference";
    document.title = T.name_zh + " / " + T.name_en;
    var jur = common.jurisdictions[T.jurisdiction] || [T.jurisdiction, T.jurisdiction];
    document.getElementById("crumbs").innerHTML = crumbs(T);
    document.getElementById("view-title").innerHTML = bi(T.name_zh, T.name_en) + " " + chip(T.status, T);
    var meta = "<code>" + esc(id) + "</code> · " + bi(jur[0], jur[1]);
    if (T.indicator) meta += " · " + t("indicator") + colon() + bi(T.indicator_zh, T.indicator_en);
    meta += " · " + tOr("comparator_" + T.comparator, T.comparator);
    if (relative && T.reference_zh) meta += "（" + bi(T.reference_zh, T.reference_en) + "）";
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
        esc(T.evidence_basis) + '">' + bi(evidenceOf(T).zh, evidenceOf(T).en) + "</span>" +
        (missing(T.deadline_inferred_from) ? "" : " · " + t("inferred_from") + " " + esc(T.deadline_inferred_from)) : "") +
      (T.evidence ? "<br><b>" + t("evidence") + colon() + "</b>" + tOr("evidence_" + T.evidence, T.evidence) : "") +
      (proxies.length ? '<br><span class="proxy-note">' + t("proxy_note") + "</span>" : "");

    // charts, as charts.gap_chart and gap_pp_chart draw them
    var own = figureRows(data, T0.series, false), ref = [], reference = null;
    if (relative && T0.reference_series) {
      ref = figureRows(data, T0.reference_series, true);
      reference = { year: [], value: [] };
      var have = {};
      Y.year.forEach(function (yr, k) {
        if (!missing(Y.reference_value[k])) { reference.year.push(yr); reference.value.push(Y.reference_value[k]); have[yr] = 1; }
      });
      var latestRef = {};
      ref.forEach(function (o) { if (!have[o.year]) latestRef[o.year] = o.value; });  // rows are in release order
      Object.keys(latestRef).forEach(function (yr) { reference.year.push(Number(yr)); reference.value.push(latestRef[yr]); });
      var order = reference.year.map(function (_, k) { return k; }).sort(function (a, b) { return reference.year[a] - reference.year[b]; });
      reference = { year: order.map(function (k) { return reference.year[k]; }), value: order.map(function (k) { return reference.value[k]; }) };
    }
    var sets = "", drawable = T.comparator !== "qualitative" && (Y.year.length || proxies.length || T.per_year);
    if (drawable) {
      var title = T.per_year ? "chart_per_year" : (relative ? "chart_relative" : "chart_gap");
      sets += "<h2>" + t(title) + "</h2>";
      ["zh", "en"].forEach(function (lg) {
        sets += chartHtml(gapChart(T, Y, reference, proxies, lg, axisTitle(T.unit, lg), T["reference_" + lg] || ""), "gap-" + lg, lg);
      });
      if (relative && Y.year.length) {
        sets += "<h2>" + t("chart_gap_pp") + "</h2>";
        ["zh", "en"].forEach(function (lg) { sets += chartHtml(gapPpChart(T, Y, lg, T["reference_" + lg] || ""), "gappp-" + lg, lg); });
      }
    } else {
      sets = '<p class="muted" id="no-chart">' + t("no_chart") + "</p>";
    }
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
        (relative ? '<td class="nowrap">' + bi(o.jurisdiction_zh, o.jurisdiction_en) + "</td>" : "") +
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
      ? '<table id="figures-table"><thead><tr>' + (relative ? "<th data-col>" + t("jurisdiction") + "</th>" : "") +
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
    C = cfg.charts;
    var w = wanted();
    // a jurisdiction's file name is a plain ASCII name (targetwatch.site.page_name): nothing else is loaded
    if (!common || !w.j || !w.t || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(w.j)) { notFound(); return; }
    var script = document.createElement("script");
    script.src = "../data/" + w.j + ".js";
    script.onerror = notFound;
    document.head.appendChild(script);
  });
})();
