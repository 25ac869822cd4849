(function (root) {
  // AttnLab attention view: draws one head of the embedded data (see AttentionView.java). No network access.
  "use strict";
  var d = JSON.parse(root.querySelector("script.attnlab-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var g = d.geometry, n = d.tokens.length;
  var width = 2 * g.pad + 2 * g.column + g.gap, height = g.top + n * g.row + g.pad;
  var left = g.pad + g.column, right = g.pad + g.column + g.gap;
  var state = {layer: d.layer, head: d.head, overlay: d.overlay, blocks: d.blocks !== null, order: d.order !== null,
               focus: null};
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function html(name, text, parent) {
    var e = document.createElement(name);
    if (text !== null) { e.textContent = text; }
    parent.appendChild(e);
    return e;
  }
  function fmt(x) { return Math.abs(x - Math.round(x)) < 1e-12 ? String(Math.round(x)) : String(parseFloat(x.toPrecision(3))); }
  function pos(i) { return state.order ? d.order[i] : i; }
  function y(i) { return g.top + pos(i) * g.row + g.row / 2; }
  function li() { return d.layers.indexOf(state.layer); }
  function pairs(kind) { return d[kind] === null ? null : d[kind][li()][state.head]; }
  function mean(a) { var s = 0; for (var i = 0; i < a.length; i++) { s += a[i]; } return a.length ? s / a.length : 0; }
  function subtitle() {
    var s = "layer " + state.layer + " \u00b7 head " + state.head + " \u00b7 ";
    if (state.overlay === "TOPK") {
      s += "certified top-k at \u03b5 = " + fmt(d.eps) + ", mean k = " + fmt(mean(d.topkSize[li()][state.head]));
    } else if (state.overlay === "ENTMAX") {
      s += fmt(d.alpha) + "-entmax support, mean size " + fmt(mean(d.entmaxSize[li()][state.head]));
    } else {
      s += "lines: P \u2265 " + fmt(d.minWeight);
    }
    s += " of " + d.n + " keys";
    if (state.blocks) { s += " \u00b7 " + d.parts + " blocks"; }
    if (state.order) { s += " \u00b7 tree order"; }
    return s;
  }
  function lines(svg, rows, color, scale) {
    for (var q = 0; q < n; q++) {
      var p = rows[q];
      for (var j = 0; j < p.length; j += 2) {
        var k = p[j], w = p[j + 1] / 1000;
        var on = state.focus === null || (state.focus.side === "q" ? state.focus.i === q : state.focus.i === k);
        el("line", {x1: left - 2, y1: y(q), x2: right + 2, y2: y(k), stroke: color,
                    "stroke-width": (0.6 + 2.4 * w).toFixed(2),
                    "stroke-opacity": (on ? Math.min(1, scale * (0.15 + 0.85 * w)) : 0.04).toFixed(3)}, svg);
      }
    }
  }
  function draw() {
    var svg = el("svg", {xmlns: NS, width: width, height: height, viewBox: "0 0 " + width + " " + height});
    el("rect", {x: 0, y: 0, width: width, height: height, fill: "#ffffff"}, svg);
    el("text", {x: g.pad, y: 17, "font-size": 13, "font-weight": "bold", fill: "#222222"}, svg).textContent =
        d.model + " attention";
    el("text", {x: g.pad, y: 34, "font-size": 11, fill: "#555555"}, svg).textContent = subtitle();
    if (state.blocks) {
      for (var i = 0; i < n; i++) {
        var c = d.colors.palette[d.blocks[i] % 10], top = g.top + pos(i) * g.row + 1;
        el("rect", {x: g.pad, y: top, width: g.column, height: g.row - 2, fill: c, "fill-opacity": 0.22}, svg);
        el("rect", {x: right, y: top, width: g.column, height: g.row - 2, fill: c, "fill-opacity": 0.22}, svg);
      }
    }
    var support = state.overlay === "TOPK" ? pairs("topk") : state.overlay === "ENTMAX" ? pairs("entmax") : null;
    lines(svg, pairs("lines"), support === null ? d.colors.ATTENTION : d.colors.muted, support === null ? 1 : 0.5);
    if (support !== null) { lines(svg, support, d.colors[state.overlay], 1); }
    for (var t = 0; t < n; t++) {
      [["q", left - 6, "end"], ["k", right + 6, "start"]].forEach(function (side) {
        var e = el("text", {x: side[1], y: y(t) + 4, "text-anchor": side[2], "font-size": 12, fill: "#111111"}, svg);
        e.textContent = d.tokens[t];
        var i = t;
        e.addEventListener("mouseenter", function () { state.focus = {side: side[0], i: i}; redraw(); });
        e.addEventListener("mouseleave", function () { state.focus = null; redraw(); });
      });
    }
    return svg;
  }
  function redraw() {
    var canvas = root.querySelector(".canvas");
    canvas.replaceChildren(draw());
    root.setAttribute("data-state", "layer " + state.layer + " head " + state.head + " " + state.overlay
        + (state.blocks ? " blocks" : "") + (state.order ? " order" : "") + ", " + canvas.querySelectorAll("line").length
        + " lines");
  }
  function select(label, values, current, onChange) {
    var l = html("label", label + " ", controls);
    var s = html("select", null, l);
    values.forEach(function (v) { var o = html("option", String(v), s); o.value = v; o.selected = v === current; });
    s.addEventListener("change", function () { onChange(parseInt(s.value, 10)); redraw(); });
  }
  function check(label, on, onChange) {
    var l = html("label", null, controls);
    var c = html("input", null, l);
    c.type = "checkbox";
    c.checked = on;
    c.addEventListener("change", function () { onChange(c.checked); redraw(); });
    l.appendChild(document.createTextNode(" " + label));
  }
  var controls = root.querySelector(".controls");
  select("Layer", d.layers, state.layer, function (v) { state.layer = v; });
  var heads = [];
  for (var h = 0; h < d.heads; h++) { heads.push(h); }
  select("Head", heads, state.head, function (v) { state.head = v; });
  var overlays = [["ATTENTION", "attention"]];
  if (d.topk !== null) { overlays.push(["TOPK", "certified top-k, \u03b5 = " + fmt(d.eps)]); }
  if (d.entmax !== null) { overlays.push(["ENTMAX", fmt(d.alpha) + "-entmax support"]); }
  var name = root.id + "-overlay";
  overlays.forEach(function (o) {
    var l = html("label", null, controls);
    var r = html("input", null, l);
    r.type = "radio";
    r.name = name;
    r.checked = o[0] === state.overlay;
    r.addEventListener("change", function () { state.overlay = o[0]; redraw(); });
    l.appendChild(document.createTextNode(" " + o[1]));
  });
  if (d.blocks !== null) { check("blocks", state.blocks, function (v) { state.blocks = v; }); }
  if (d.order !== null) { check("tree order", state.order, function (v) { state.order = v; }); }
  var hash = /attnlab=(\d+),(\d+)/.exec(window.location.hash || "");
  if (hash && d.layers.indexOf(+hash[1]) >= 0 && +hash[2] < d.heads) {
    state.layer = +hash[1];
    state.head = +hash[2];
    controls.querySelectorAll("select")[0].value = state.layer;
    controls.querySelectorAll("select")[1].value = state.head;
  }
  redraw();
})
