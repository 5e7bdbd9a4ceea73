// targetwatch dashboards: a target's charts built in the page from its data (targetwatch.chart_client), the same
// Plotly figures targetwatch.charts.target_charts builds in Python (gap_chart, per_year_chart, gap_pp_chart), per
// language. Every text (labels, axis and unit words), every colour (statuses, lines, ink, paper, axes, deadline
// marker, notes), the proxies' symbols, the font and the number symbols come in `C`
// (targetwatch.chart_client.constants(), from targetwatch.charts, chart_style, vocab and formatting, written into
// data/_common.js); a compound path's points come with the target (chart_rows.required_path: a browser's pow() may
// differ in the last bit). The layout's sizes (margins, heights, marker and font sizes, offsets) are still written
// here as in charts.py: tests/e2e/test_chart_build.py, which compares the two builds for every target of the bundled
// and SYNTHETIC sites, holds them equal (review s21a F3: naming them in Python is left to do).
// Numbers are written as targetwatch.formatting writes them within formatting.FAST (`_written`, CLDR's symbols and
// compact scales); the data files give a target whose charts could hold another number its charts built in Python
// instead (targetwatch.render.chart_inputs).
(function () {
  "use strict";

  function missing(v) { return v === null || v === undefined || (typeof v === "number" && isNaN(v)); }
  function num(v) { return missing(v) ? null : Number(v); }
  function nums(a) { return a.map(num); }
  function years(a) { return a.map(function (v) { return Math.trunc(Number(v)); }); }
  // Python's round(): half to even
  function roundEven(x) {
    var f = Math.floor(x), d = x - f;
    if (d > 0.5) return f + 1;
    if (d < 0.5) return f;
    return f % 2 === 0 ? f : f + 1;
  }
  function pyRound(x, places) {  // round(x, places) of a float: correctly rounded (toFixed is exact)
    if (!isFinite(x) || Math.abs(x) >= 1e21) return x;
    return Number(x.toFixed(places));
  }
  function minOf(a) { return a.reduce(function (m, v) { return v < m ? v : m; }); }
  function maxOf(a) { return a.reduce(function (m, v) { return v > m ? v : m; }); }
  function cmpCodePoints(a, b) {  // Python's str order (by code point; JS's < compares UTF-16 units)
    var x = Array.from(a), y = Array.from(b), n = Math.min(x.length, y.length);
    for (var i = 0; i < n; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  // --- numbers: targetwatch.formatting ---
  function Fmt(C) {
    var N = C.number;
    // abs(v) as written, rounded half to even to `keep` significant digits or `places` decimals (formatting._rounded)
    function rounded(v, keep, places) {
      var text0 = String(Math.abs(v)), e = text0.indexOf("e");
      var mantissa = e < 0 ? text0 : text0.slice(0, e), exponent = e < 0 ? 0 : parseInt(text0.slice(e + 1), 10);
      var dot = mantissa.indexOf("."), whole = dot < 0 ? mantissa : mantissa.slice(0, dot);
      var frac = dot < 0 ? "" : mantissa.slice(dot + 1), text = whole + frac;
      var digits = text.replace(/^0+/, "");
      var point = whole.length + exponent - (text.length - digits.length);
      digits = digits.replace(/0+$/, "");
      if (!digits) return ["", 0];
      var n = keep !== null ? keep : point + places;
      if (n < 0) return ["", 0];
      if (digits.length > n) {
        var head = digits.slice(0, n), tail = digits.slice(n);
        var up = tail[0] > "5" || (tail[0] === "5" && (tail.length > 1 || (n > 0 && "13579".indexOf(head[head.length - 1]) >= 0)));
        if (up) {
          var bumped = String(Number(head || "0") + 1);
          if (bumped.length > n) point += 1;
          head = bumped.length > n ? bumped.slice(0, Math.max(n, 1)) : bumped;
        }
        digits = head.replace(/0+$/, "");
      }
      return [digits, point];
    }
    function fixed(c, digits, point, grouped) {
      if (point <= 0) return "0" + c.decimal + "0".repeat(-point) + digits;
      var whole, frac;
      if (point >= digits.length) { whole = digits + "0".repeat(point - digits.length); frac = ""; }
      else { whole = digits.slice(0, point); frac = digits.slice(point); }
      if (grouped && c.group !== null && whole.length > 3) {
        var parts = [];
        for (var end = whole.length; end > 0; end -= 3) parts.unshift(whole.slice(Math.max(0, end - 3), end));
        whole = parts.join(c.group);
      }
      return whole + (frac ? c.decimal + frac : "");
    }
    function written(v, c, digits) {
      var sign = v < 0 ? c.minus : "", r;
      if (c.compact) {
        r = rounded(v, digits, null);
        if (!r[0]) return "0";
        if (r[1] <= 3) return sign + fixed(c, r[0], r[1], true);
        var powers = Object.keys(c.scales).map(Number), top = maxOf(powers);
        var sc = c.scales[String(Math.min(r[1], top))];
        return sign + fixed(c, r[0], r[1] - sc[0], false) + sc[1];
      }
      if (Number.isInteger(v) || Math.abs(v) >= Math.pow(10, digits)) r = rounded(v, null, 0);
      else r = rounded(v, digits, null);
      return r[0] ? sign + fixed(c, r[0], r[1], true) : "0";
    }
    function number(v, lang) {
      if (missing(v) || !isFinite(v)) return N.missing;
      v = Number(v);
      if (v === 0) return "0";
      var c = N.cldr[lang], a = Math.abs(v);
      if (!c || a < N.fast[0] || a >= N.fast[1]) throw new Error("chart-build: a number it does not write: " + v);
      return written(v, c, N.digits);
    }
    function unitSuffix(unit, lang, signed) {
      if (unit === "percent") return signed ? N.points[lang] : "%";
      var u = C.units[unit];
      if (!u || missing(unit)) return "";
      return lang === "zh" ? u[0] : (unit === "count" ? "" : " " + u[1]);
    }
    function value(v, unit, lang, signed, perYear) {
      if (missing(v) || !isFinite(Number(v))) return N.missing;
      var n = number(v, lang);
      if (signed && Number(v) > 0) n = "+" + n;
      var text = n + unitSuffix(unit, lang, signed);
      return perYear ? text + N.per_year[lang] : text;
    }
    return { number: number, value: value, values: function (vs, unit, lang, signed) {
      return vs.map(function (v) { return value(v, unit, lang, signed, false); });
    } };
  }

  // --- the builders: targetwatch.charts ---
  function Builder(C) {
    var F = Fmt(C), col = C.colours;

    function axisTitle(unit, lang) {
      var u = missing(unit) ? null : C.units[String(unit)];
      if (!u) return "";
      var word = C.axis_words[lang][unit] || "", label = lang === "zh" ? u[0] : u[1];
      if (lang === "zh") return word ? word + "（" + label + "）" : label;
      return word.toLowerCase() === label.toLowerCase() ? word : word + " (" + label + ")";
    }
    function niceTicks(lo, hi, n) {
      n = n || 5;
      if (!(isFinite(lo) && isFinite(hi))) return [];
      if (hi < lo) { var t = lo; lo = hi; hi = t; }
      if (hi === lo) { var pad = Math.abs(hi) * 0.1 || 1.0; lo -= pad; hi += pad; }
      var raw = (hi - lo) / n, mag = Number("1e" + Math.floor(Math.log10(raw))), step = null;
      [1, 2, 2.5, 5, 10].some(function (m) { if ((hi - lo) / (m * mag) <= n) { step = m * mag; return true; } return false; });
      var start = Math.floor(lo / step + 1e-9) * step, end = Math.ceil(hi / step - 1e-9) * step;
      var count = roundEven((end - start) / step), out = [];
      for (var i = 0; i <= count; i++) out.push(pyRound(start + i * step, 10) + 0.0);
      return out;
    }
    function valueAxis(values, lang, title, zero, textRoom) {
      var vals = values.filter(function (v) { return v !== null && isFinite(v); });
      var axis = { title: { text: title }, gridcolor: col.grid, zerolinecolor: col.axis_line };
      if (!vals.length) return axis;
      var lo = minOf(vals), hi = maxOf(vals);
      if (zero || (lo > 0 && lo < 0.5 * hi)) lo = Math.min(lo, 0.0);
      if (zero && hi < 0) hi = 0.0;
      var ticks = niceTicks(lo, hi), span = ticks[ticks.length - 1] - ticks[0];
      var below = ticks[0] === 0 && lo >= 0 ? 0.0 : span * (textRoom && lo < 0 ? 0.14 : 0.04);
      var above = span * (textRoom && hi > 0 ? 0.12 : 0.04);
      axis.tickvals = ticks;
      axis.ticktext = ticks.map(function (t) { return F.number(t, lang); });
      axis.range = [ticks[0] - below, ticks[ticks.length - 1] + above];
      return axis;
    }
    function layoutOf(lang, xYears, yAxis, height) {
      height = height || 420;
      var lo = 2015, hi = 2020;
      if (xYears.length) { lo = minOf(xYears); hi = maxOf(xYears); }
      var margin = { l: 76, r: 30, t: 36, b: 120 }, plotHeight = height - margin.t - margin.b;
      return {
        font: { family: C.font, size: 13, color: col.ink }, height: height, margin: margin,
        paper_bgcolor: col.paper, plot_bgcolor: col.paper, hovermode: "x unified",
        hoverlabel: { font: { family: C.font } },
        legend: { orientation: "h", y: -C.legend_gap_px / plotHeight, yanchor: "top", x: 0, font: { size: 12 } },
        xaxis: { title: { text: C.labels[lang].year }, dtick: hi - lo <= 12 ? 1 : 2, tickformat: "d",
                 range: [lo - 0.6, hi + 0.6], gridcolor: col.grid, showline: true, linecolor: col.axis_line },
        yaxis: yAxis, shapes: [], annotations: [], separators: ".,"
      };
    }
    function line(name, x, y, lang, unit, o) {
      var tr = { type: "scatter", name: name, x: x, y: y, mode: o.markers ? "lines+markers" : "lines",
                 line: { color: o.colour, dash: o.dash || "solid", width: o.width === undefined ? 2 : o.width },
                 text: F.values(y, unit, lang, !!o.signed), hovertemplate: "%{text}" };
      if (o.markers) tr.marker = { size: 8, color: o.colour };
      if (o.yaxis) tr.yaxis = o.yaxis;
      return tr;
    }
    function deadlineMarker(layout, d, lang) {
      if (d === null) return;
      layout.shapes.push({ type: "line", xref: "x", yref: "paper", x0: d, x1: d, y0: 0, y1: 1,
                           line: { color: col.deadline_line, dash: "dot", width: 1 } });
      layout.annotations.push({ x: d, xref: "x", y: 1, yref: "paper", yanchor: "bottom", showarrow: false,
                                text: C.labels[lang].deadline + " " + d, font: { size: 11, color: col.deadline_text } });
    }
    function gapNote(layout, x, yFrom, yTo, gap, unit, lang, colour, pp, yref) {
      var lab = C.labels[lang], text = lab.gap + " " + F.value(gap, pp ? "percent" : unit, lang, true, false);
      var lo = layout.xaxis.range[0], hi = layout.xaxis.range[1], left = (x - lo) / ((hi - lo) || 1) > 0.7;
      yref = yref || "y";
      layout.annotations.push({ x: x, y: (yFrom + yTo) / 2, xref: "x", yref: yref, text: "<b>" + text + "</b>",
        showarrow: true, arrowhead: 0, ax: left ? -40 : 40, ay: 0, xanchor: left ? "right" : "left",
        bgcolor: col.note_background, bordercolor: colour, font: { color: colour, size: 12 } });
      return [{ type: "scatter", name: lab.gap, x: [x, x], y: [yFrom, yTo], mode: "lines",
                line: { color: colour, width: 2, dash: "dot" }, showlegend: false, hoverinfo: "skip", yaxis: yref }];
    }
    function colon(lang) { return lang === "zh" ? "：" : ": "; }
    function statusColour(T) {
      var s = C.statuses[T.status] || C.statuses.no_data;
      return { colour: s[0], text: s[1] };
    }
    function proxyTraces(P, lang, unit) {
      if (!P || !P.year.length) return [];
      var lab = C.labels[lang], groups = {}, names = [];
      P[lang].forEach(function (name, i) {
        if (name === null) return;
        if (!groups.hasOwnProperty(name)) { groups[name] = []; names.push(name); }
        groups[name].push(i);
      });
      names.sort(cmpCodePoints);
      return names.map(function (name, k) {
        var rows = groups[name], values = rows.map(function (i) { return P.value[i]; });
        return { type: "scatter", name: lab.proxy + colon(lang) + name,
                 x: years(rows.map(function (i) { return P.year[i]; })), y: nums(values), mode: "markers",
                 marker: { symbol: C.proxy_symbols[k % C.proxy_symbols.length], size: 10,
                           color: col.proxy, line: { width: 2 } },
                 text: F.values(values, unit, lang, false), hovertemplate: "%{text}" };
      });
    }
    function narrowOf(layout) {
      var lo = layout.xaxis.range[0], hi = layout.xaxis.range[1];
      var span = Math.max(1, roundEven(hi - lo - 1.2));
      var margin = { l: 48, r: layout.yaxis2 ? 46 : 8, t: 30, b: 100 }, height = layout.height - 30;
      var plotHeight = height - margin.t - margin.b;
      return { height: height, "font.size": 11, "legend.font.size": 11, "hoverlabel.font.size": 11,
               "margin.l": margin.l, "margin.r": margin.r, "margin.t": margin.t, "margin.b": margin.b,
               "xaxis.dtick": Math.max(Math.trunc(layout.xaxis.dtick === undefined ? 1 : layout.xaxis.dtick),
                                       Math.ceil(span / C.narrow_x_ticks)),
               "xaxis.title.text": "", "legend.y": -34 / plotHeight, "yaxis.title.font.size": 11 };
    }
    function spec(traces, layout) { return { data: traces, layout: layout, narrow: narrowOf(layout) }; }
    function projection(T) {
      if (T.latest_year === null || T.deadline === null || Math.trunc(T.latest_year) >= Math.trunc(T.deadline)) return null;
      var proj = T.projection_used === "compound" ? T.projection_compound : T.projection_linear;
      if (missing(proj)) proj = T.projection_linear;
      if (missing(proj) || missing(T.latest_metric)) return null;
      return [[Math.trunc(T.latest_year), Math.trunc(T.projection_year)], [Number(T.latest_metric), Number(proj)]];
    }

    function gapChart(T, Y, R, P, lang, yTitle, refName, cp) {
      if (T.per_year) return perYearChart(T, Y, P, lang, yTitle);
      var lab = C.labels[lang], st = statusColour(T), unit = T.unit, relative = T.comparator === "relative_to_reference";
      var yr = Y.year || [], nYears = yr.length, traces = [], xAll = years(yr), yAll = nums(Y.value || []);
      var deadline = missing(T.deadline) ? null : Math.trunc(T.deadline);
      if (relative && R && R.year.length) {
        var name = refName ? lab.reference + colon(lang) + refName : lab.reference;
        traces.push(line(name, years(R.year), nums(R.value), lang, unit,
                         { colour: col.reference, dash: "dash", markers: true }));
        xAll = xAll.concat(years(R.year));
        yAll = yAll.concat(nums(R.value));
      }
      var level = T.goal_at_deadline;
      if (missing(level)) level = T.target_value_stated;
      if (!relative && deadline !== null && !missing(level)) {
        level = Number(level);
        var first = minOf(xAll.concat([deadline], missing(T.base_year) ? [] : [Math.trunc(T.base_year)]));
        var last = maxOf(xAll.concat([deadline]));
        if (T.comparator === "growth_rate") {
          traces.push({ type: "scatter", name: lab.target, x: [deadline], y: [level], mode: "markers",
                        marker: { symbol: "star", size: 15, color: col.target },
                        text: [F.value(level, unit, lang, false, false)], hovertemplate: "%{text}" });
        } else {
          traces.push(line(lab.target, [first, last], [level, level], lang, unit,
                           { colour: col.target, dash: "dash", width: 1.5 }));
        }
        if (!missing(T.value_high) && T.comparator === "range") {
          var high = Number(T.value_high);
          traces.push(line(lab.target_high, [first, last], [high, high], lang, unit,
                           { colour: col.target, dash: "dot", width: 1 }));
          yAll.push(high);
        }
        yAll.push(level);
        if (!missing(T.base_year) && !missing(T.base_value) && Math.trunc(T.base_year) < deadline) {
          var b0 = Math.trunc(T.base_year), b = Number(T.base_value), pathYears = [], path;
          for (var y = b0; y < deadline + 1; y++) pathYears.push(y);
          if (T.growth_model === "compound" && b > 0 && level > 0) {
            // given by Python (chart_client, chart_rows.required_path): this browser's pow() may differ in the last bit
            path = cp;
          } else {
            path = pathYears.map(function (y) { return b + (level - b) * (y - b0) / (deadline - b0); });
          }
          traces.push(line(lab.path, pathYears, path, lang, unit, { colour: col.path, dash: "dash", width: 1.5 }));
          xAll.push(b0);
          yAll.push(b);
        }
        var proj = projection(T);
        if (proj !== null) {
          traces.push(line(lab.projection, proj[0], proj[1], lang, unit, { colour: st.colour, dash: "dot", width: 2 }));
          xAll = xAll.concat(proj[0]);
          yAll = yAll.concat(proj[1]);
        }
      }
      if (nYears) {
        traces.push(line(lab.actual, years(yr), nums(Y.value), lang, unit, { colour: st.colour, width: 3, markers: true }));
      }
      proxyTraces(P, lang, unit).forEach(function (t) { traces.push(t); xAll = xAll.concat(t.x); yAll = yAll.concat(t.y); });
      if (deadline !== null) xAll.push(deadline);
      var layout = layoutOf(lang, xAll, valueAxis(yAll, lang, yTitle, false, false));
      deadlineMarker(layout, deadline, lang);
      if (nYears && !missing(T.latest_year) && !missing(T.latest_gap) && !missing(T.latest_value)) {
        var goalNow = relative ? T.latest_reference_value : T.latest_goal;
        if (!missing(goalNow)) {
          traces = traces.concat(gapNote(layout, Math.trunc(T.latest_year), Number(T.latest_value), Number(goalNow),
                                         Number(T.latest_gap), unit, lang, st.colour, relative));
        }
      }
      return spec(traces, layout);
    }

    function gapSeriesName(lang, ref) {
      var g = C.labels[lang].gap_series;
      if (ref && lang === "zh") return g + "（" + ref + "）";
      return ref ? g + " (" + ref + ")" : g;
    }
    function gapPpChart(T, Y, lang, refName) {
      var lab = C.labels[lang], st = statusColour(T), x = years(Y.year || []), gaps = nums(Y.metric || x.map(function () { return null; }));
      var achieved = C.statuses.achieved[0];
      var traces = [{ type: "bar", name: gapSeriesName(lang, refName), x: x, y: gaps,
        marker: { color: gaps.map(function (g) { return g !== null && g >= 0 ? achieved : st.colour; }) },
        text: gaps.map(function (g) { return (g && g > 0 ? "+" : "") + F.number(g, lang); }), textposition: "outside",
        hovertext: F.values(gaps, "percent", lang, true), hovertemplate: "%{hovertext}", cliponaxis: false }];
      var deadline = missing(T.deadline) ? null : Math.trunc(T.deadline), yAll = gaps.concat([0.0]), xAll = x.slice();
      if (deadline !== null && !missing(T.base_year) && !missing(T.base_value) && Math.trunc(T.base_year) < deadline) {
        traces.push(line(lab.path, [Math.trunc(T.base_year), deadline], [Number(T.base_value), 0.0], lang, "percent",
                         { colour: col.path, dash: "dash", width: 1.5, signed: true }));
        xAll = xAll.concat([Math.trunc(T.base_year), deadline]);
      }
      var proj = projection(T);
      if (proj !== null) {
        traces.push(line(lab.projection, proj[0], proj[1], lang, "percent", { colour: st.colour, dash: "dot", signed: true }));
        xAll = xAll.concat(proj[0]);
        yAll = yAll.concat(proj[1]);
      }
      var layout = layoutOf(lang, xAll, valueAxis(yAll, lang, lab.gap_pp, true, true), 380);
      layout.yaxis.zeroline = false;
      layout.shapes.push({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: 0, y1: 0,
                           line: { color: col.target, dash: "dash", width: 1.5 } });
      layout.annotations.push({ xref: "paper", x: 0, xanchor: "left", yref: "y", y: 0, yanchor: "bottom",
                                showarrow: false, text: lab.gap_zero, font: { size: 11, color: col.target } });
      deadlineMarker(layout, deadline, lang);
      return spec(traces, layout);
    }

    function perYearChart(T, Y, P, lang, yTitle) {
      var lab = C.labels[lang], unit = T.unit, yearly = num(T.target_value_stated);
      var deadline = missing(T.deadline) ? null : Math.trunc(T.deadline);
      var start = missing(T.plan_start) ? null : Math.trunc(T.plan_start);
      var yr = Y.year || [], nYears = yr.length, traces = [], xAll = years(yr), yAll = nums(Y.value || []);
      var flags = function (a) { return (a || yr.map(function () { return null; })).map(function (v) { return missing(v) ? false : !!v; }); };
      var inPlan = flags(Y.in_plan);
      if (nYears) {
        var met = flags(Y.met);
        var sts = inPlan.map(function (p, i) { return C.statuses[p ? (met[i] ? "achieved" : "missed") : "no_data"]; });
        traces.push({ type: "bar", name: lab.actual_yearly, x: years(yr), y: nums(Y.value),
                      marker: { color: sts.map(function (s) { return s[0]; }) },
                      text: F.values(Y.value, unit, lang, false), textposition: "inside", insidetextanchor: "end",
                      textfont: { color: sts.map(function (s) { return s[1]; }) }, hovertemplate: "%{text}" });
      }
      var planYears = [];
      if (start !== null && deadline !== null) for (var y = start; y < deadline + 1; y++) planYears.push(y);
      if (yearly !== null && planYears.length) {
        var tr = line(lab.target_yearly, [planYears[0] - 0.4, planYears[planYears.length - 1] + 0.4], [yearly, yearly],
                      lang, unit, { colour: col.target, dash: "dash", width: 2 });
        var txt = F.value(yearly, unit, lang, false, true);
        tr.text = [txt, txt];
        traces.push(tr);
        yAll.push(yearly);
        xAll = xAll.concat(planYears);
      }
      var done = [];
      for (var i = 0; i < nYears; i++) if (inPlan[i]) done.push(i);
      var y2All = [];
      if (done.length && planYears.length) {
        if (yearly !== null) {
          var cumGoal = planYears.map(function (_, k) { return yearly * (k + 1); });
          traces.push(line(lab.cumulative_target, planYears, cumGoal, lang, unit,
                           { colour: col.target, dash: "dot", width: 1.5, yaxis: "y2" }));
          y2All = y2All.concat(cumGoal);
        }
        var total = null, cum = done.map(function (k) {  // chart_rows.cumulative: a missing value adds 0 and stays missing
          var v = Y.value[k], m = missing(v), x = m ? 0.0 : Number(v);
          total = total === null ? x : total + x;
          return m ? null : total;
        });
        traces.push(line(lab.cumulative, years(done.map(function (k) { return yr[k]; })), nums(cum), lang, unit,
                         { colour: statusColour(T).colour, width: 2.5, markers: true, yaxis: "y2" }));
        y2All = y2All.concat(nums(cum));
      }
      proxyTraces(P, lang, unit).forEach(function (t) { traces.push(t); xAll = xAll.concat(t.x); yAll = yAll.concat(t.y); });
      if (deadline !== null) xAll.push(deadline);
      var layout = layoutOf(lang, xAll, valueAxis(yAll, lang, yTitle, true, true));
      if (y2All.length) {
        var y2 = valueAxis(y2All, lang, lab.cumulative_axis, true, false);
        y2.overlaying = "y";
        y2.side = "right";
        y2.showgrid = false;
        layout.yaxis2 = y2;
        layout.margin.r = 70;
      }
      layout.barmode = "overlay";
      deadlineMarker(layout, deadline, lang);
      if (nYears && ![T.latest_year, T.latest_value, T.latest_gap, T.latest_goal].some(missing)) {
        var sc = statusColour(T).colour;
        layout.annotations.push({ x: Math.trunc(T.latest_year), y: Math.max(Number(T.latest_value), Number(T.latest_goal)),
          xref: "x", yref: "y", text: "<b>" + lab.gap + " " + F.value(Number(T.latest_gap), unit, lang, true, false) + "</b>",
          showarrow: true, arrowhead: 0, ax: 0, ay: -26, yanchor: "bottom", bgcolor: col.note_background,
          bordercolor: sc, font: { color: sc, size: 12 } });
      }
      return spec(traces, layout);
    }

    // charts.target_charts: [{title, id, specs: {zh, en}}] of one target's input (chart_client.chart_input)
    function targetCharts(input) {
      var T = {};
      C.fields.forEach(function (f, i) { T[f] = input.f[i]; });
      var Y = input.y || {}, R = input.r || null, P = input.p || null;
      var relative = T.comparator === "relative_to_reference", hasProxies = !!(P && P.year.length);
      var nYears = (Y.year || []).length;
      if (T.comparator === "qualitative" || !(nYears || hasProxies || T.per_year)) return [];
      var title = T.per_year ? "chart_per_year" : (relative ? "chart_relative" : "chart_gap"), langs = ["zh", "en"];
      var specs = {};
      langs.forEach(function (lg) {
        specs[lg] = gapChart(T, Y, R, hasProxies ? P : null, lg, axisTitle(T.unit, lg), T["reference_" + lg],
                             input.cp || null);
      });
      var sets = [{ title: title, id: "gap", specs: specs }];
      if (relative && nYears) {
        var pp = {};
        langs.forEach(function (lg) { pp[lg] = gapPpChart(T, Y, lg, T["reference_" + lg]); });
        sets.push({ title: "chart_gap_pp", id: "gappp", specs: pp });
      }
      return sets;
    }
    return { targetCharts: targetCharts, number: F.number, value: F.value };
  }

  window.twChartBuild = { builder: Builder };
})();
