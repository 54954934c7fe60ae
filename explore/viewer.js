
// The ecosys evidence explorer. Written for ecosys; no third-party code.
// Every string from the data is inserted with textContent or as an SVG
// attribute value, never as HTML; a URL becomes a link only if its
// scheme is http or https.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("explorer-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var W = 1000, PAD = 40;
  var $ = function (id) { return document.getElementById(id); };
  var svg = $("svg"), viewport = $("viewport");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function sel(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function words(s) { return String(s || "").replace(/_/g, " "); }
  // say returns the interface text of key in the page's language (data.text,
  // from the phrase table in Go) with {0}, {1}, … replaced by the args.
  var text = data.text || {};
  function say(key) {
    var s = Object.prototype.hasOwnProperty.call(text, key) ? String(text[key]) : key, args = arguments;
    return s.replace(/\{(\d)\}/g, function (m, d) { return args.length > +d + 1 ? String(args[+d + 1]) : m; });
  }

  // safeURL returns the URL if its scheme is http or https, else "".
  function safeURL(u) {
    if (typeof u !== "string" || !/^https?:\/\//i.test(u.trim())) return "";
    try {
      var p = new URL(u.trim());
      return (p.protocol === "http:" || p.protocol === "https:") ? p.href : "";
    } catch (e) { return ""; }
  }

  var sources = {}, cases = {};
  data.sources.forEach(function (s) { sources[s.id] = s; });
  data.cases.forEach(function (c) { cases[c.id] = c; });

  // Search keys: NFKC, lower case, without . , ' ’ and white space.
  function key(s) {
    s = String(s || "");
    if (s.normalize) s = s.normalize("NFKC");
    return s.toLowerCase().replace(/[.,'\u2019\s]/g, "");
  }

  var state, net, nodeEls, tieEls, hitEls, labelEls, adj, visibleTie, visibleNode, rank;
  var view = { x: 0, y: 0, k: 1 };

  function freshState() {
    return { letter: "", digit: "", kase: "", families: {}, from: "", to: "", undated: true, selected: null };
  }

  // ---- networks ----
  $("title").textContent = data.title + " — " + say("explorer");
  data.networks.forEach(function (n, i) {
    var b = el("button", "", say("network.button", n.title, fmt(n.nodes.length), fmt(n.ties.length)));
    b.type = "button";
    b.setAttribute("role", "tab");
    b.id = "net-" + i;
    b.addEventListener("click", function () { show(i); });
    $("networks").appendChild(b);
  });

  function show(i) {
    net = data.networks[i];
    Array.prototype.forEach.call($("networks").children, function (b, j) { b.setAttribute("aria-selected", String(i === j)); });
    $("note").textContent = net.note || "";
    state = freshState();
    build();
    controls();
    apply();
    fit();
    details(null);
  }

  function H() { return W * net.aspect; }
  function px(n) { return PAD + n.x * W; }
  function py(n) { return PAD + n.y * H(); }

  function radius(n) {
    var m = net.maxSize || 0;
    return m > 0 ? 3 + 9 * Math.sqrt(n.size / m) : 6;
  }

  function shapePath(s, x, y, r) {
    var area = Math.PI * r * r;
    function poly(sides, rot) {
      var R = Math.sqrt(2 * area / (sides * Math.sin(2 * Math.PI / sides))), d = "";
      for (var i = 0; i < sides; i++) {
        var a = rot + 2 * Math.PI * i / sides;
        d += (i ? "L" : "M") + (x + R * Math.cos(a)).toFixed(2) + " " + (y - R * Math.sin(a)).toFixed(2);
      }
      return d + "Z";
    }
    switch (s % 6) {
      case 1: return poly(4, Math.PI / 4);
      case 2: return poly(3, Math.PI / 2);
      case 3: return poly(4, 0);
      case 4: return poly(3, -Math.PI / 2);
      case 5: return poly(6, 0);
    }
    return "M" + (x + r) + " " + y + "A" + r + " " + r + " 0 1 0 " + (x - r) + " " + y + "A" + r + " " + r + " 0 1 0 " + (x + r) + " " + y + "Z";
  }

  function kindOf(id) {
    for (var i = 0; i < net.kinds.length; i++) if (net.kinds[i].id === id) return net.kinds[i];
    return { id: id, label: id, color: "#999999", shape: 0 };
  }

  function tieFamily(t) {
    return t.citations && t.citations.length ? t.citations[0].family : "tie";
  }

  function build() {
    ["ties", "nodes", "labels"].forEach(function (g) { clear($(g)); });
    net.maxSize = 0;
    net.nodes.forEach(function (n) { net.maxSize = Math.max(net.maxSize, n.size); });
    var maxW = 0;
    net.ties.forEach(function (t) { maxW = Math.max(maxW, t.weight || 0); });
    adj = net.nodes.map(function () { return []; });
    nodeEls = []; tieEls = []; hitEls = []; labelEls = [];
    net.ties.forEach(function (t, i) {
      adj[t.from].push(i);
      if (t.to !== t.from) adj[t.to].push(i);
      var a = net.nodes[t.from], b = net.nodes[t.to];
      var x1 = px(a), y1 = py(a), x2 = px(b), y2 = py(b);
      var w = maxW > 0 ? 0.8 + 3.2 * Math.sqrt((t.weight || 0) / maxW) : 1;
      var line = sel("line", { x1: x1, y1: y1, x2: x2, y2: y2, "class": "tie f-" + tieFamily(t), "stroke-width": w.toFixed(2), "vector-effect": "non-scaling-stroke" });
      var hit = sel("line", { x1: x1, y1: y1, x2: x2, y2: y2, "class": "hit", "stroke-width": 9, "vector-effect": "non-scaling-stroke", "data-tie": i });
      hit.addEventListener("click", function (ev) { ev.stopPropagation(); if (!moved) select({ tie: i }); });
      hit.addEventListener("mouseenter", function () { focusTie(i); });
      hit.addEventListener("mouseleave", function () { focusNode(null); });
      $("ties").appendChild(line);
      $("ties").appendChild(hit);
      tieEls.push(line); hitEls.push(hit);
      if (t.directed && t.from !== t.to) {
        // An arrowhead at the To end, outside the node.
        var dx = x2 - x1, dy = y2 - y1, d = Math.sqrt(dx * dx + dy * dy) || 1, ux = dx / d, uy = dy / d, r = radius(b) + 1;
        var tx = x2 - ux * r, ty = y2 - uy * r, L = 7, h = 3;
        var head = sel("path", { d: "M" + tx.toFixed(2) + " " + ty.toFixed(2) + "L" + (tx - ux * L - uy * h).toFixed(2) + " " + (ty - uy * L + ux * h).toFixed(2) + "L" + (tx - ux * L + uy * h).toFixed(2) + " " + (ty - uy * L - ux * h).toFixed(2) + "Z", "class": "tie arrow", fill: "#8a8a8a", stroke: "none" });
        line.arrow = head;
        $("ties").appendChild(head);
      }
    });
    var order = net.nodes.map(function (_, i) { return i; });
    order.sort(function (a, b) { return net.nodes[b].size - net.nodes[a].size || (net.nodes[a].id < net.nodes[b].id ? -1 : 1); });
    rank = [];
    order.forEach(function (i, r) { rank[i] = r; });
    net.nodes.forEach(function (n, i) {
      var k = kindOf(n.kind), r = radius(n);
      var p = sel("path", { d: shapePath(k.shape, px(n), py(n), r), fill: k.color, "class": "node", "data-node": i });
      var title = sel("title", {});
      title.textContent = n.label + (n.label_zh ? " / " + n.label_zh : "");
      p.appendChild(title);
      p.addEventListener("click", function (ev) { ev.stopPropagation(); if (!moved) select({ node: i }); });
      p.addEventListener("mouseenter", function () { focusNode(i); });
      p.addEventListener("mouseleave", function () { focusNode(null); });
      nodeEls.push(p);
    });
    // Large nodes first, so small ones stay on top.
    order.forEach(function (i) { $("nodes").appendChild(nodeEls[i]); });
    net.nodes.forEach(function (n, i) {
      var t = sel("text", { x: (px(n) + radius(n) + 2).toFixed(2), y: (py(n) + 4).toFixed(2), "class": "label" });
      t.textContent = n.label_zh && n.label !== n.label_zh ? n.label + " " + n.label_zh : n.label;
      labelEls.push(t);
      $("labels").appendChild(t);
    });
    // Legend.
    clear($("legend"));
    $("legend").appendChild(el("p", "note", say("legend.area", net.size_label || "degree")));
    net.kinds.forEach(function (k) {
      var row = el("div", "kind");
      var s = sel("svg", { width: 16, height: 16, "aria-hidden": "true" });
      s.appendChild(sel("path", { d: shapePath(k.shape, 8, 8, 6), fill: k.color }));
      row.appendChild(s);
      row.appendChild(el("span", "", k.label));
      $("legend").appendChild(row);
    });
  }

  // ---- filters ----
  function option(selEl, value, text) {
    var o = el("option", "", text);
    o.value = value;
    selEl.appendChild(o);
  }

  function controls() {
    var cites = [];
    net.ties.forEach(function (t) { (t.citations || []).forEach(function (c) { cites.push(c); }); });
    var graded = cites.some(function (c) { return c.grade; });
    $("f-grade").hidden = !graded;
    var gl = $("grade-letter"), gd = $("grade-digit");
    clear(gl); clear(gd);
    option(gl, "", say("any"));
    "ABCDEF".split("").forEach(function (l) { option(gl, l, l); });
    option(gd, "", say("any"));
    "123456".split("").forEach(function (d) { option(gd, d, d); });
    var cs = {};
    cites.forEach(function (c) { if (c.case) cs[c.case] = true; });
    var ids = Object.keys(cs).sort();
    $("f-case").hidden = ids.length === 0;
    var cSel = $("case");
    clear(cSel);
    option(cSel, "", say("case.all"));
    ids.forEach(function (id) {
      var c = cases[id];
      option(cSel, id, c ? c.label + (c.date ? " (" + c.date + ")" : "") : id);
    });
    var fams = {};
    cites.forEach(function (c) { fams[c.family] = true; });
    var fl = Object.keys(fams).sort();
    $("f-family").hidden = fl.length === 0;
    clear($("families"));
    fl.forEach(function (f) {
      state.families[f] = true;
      var lab = el("label");
      var cb = el("input");
      cb.type = "checkbox";
      cb.checked = true;
      cb.value = f;
      cb.id = "family-" + f;
      cb.addEventListener("change", function () { state.families[f] = cb.checked; apply(); });
      lab.appendChild(cb);
      lab.appendChild(document.createTextNode(" " + (Object.prototype.hasOwnProperty.call(text, "family." + f) ? say("family." + f) : f)));
      $("families").appendChild(lab);
    });
    var lo = Infinity, hi = -Infinity;
    cites.forEach(function (c) {
      [c.start_year, c.end_year].forEach(function (y) { if (y) { lo = Math.min(lo, y); hi = Math.max(hi, y); } });
    });
    $("f-date").hidden = lo === Infinity;
    ["date-from", "date-to"].forEach(function (id) {
      var e = $(id);
      e.value = "";
      if (lo !== Infinity) { e.min = lo; e.max = hi; e.placeholder = id === "date-from" ? String(lo) : String(hi); }
    });
    $("undated").checked = true;
    $("search").value = "";
    clear($("results"));
  }

  $("grade-letter").addEventListener("change", function (e) { state.letter = e.target.value; apply(); });
  $("grade-digit").addEventListener("change", function (e) { state.digit = e.target.value; apply(); });
  $("case").addEventListener("change", function (e) { state.kase = e.target.value; apply(); });
  $("date-from").addEventListener("input", function (e) { state.from = e.target.value; apply(); });
  $("date-to").addEventListener("input", function (e) { state.to = e.target.value; apply(); });
  $("undated").addEventListener("change", function (e) { state.undated = e.target.checked; apply(); });
  $("reset").addEventListener("click", function () { show(data.networks.indexOf(net)); });

  // passes reports whether a citation passes the filters.
  function passes(c) {
    if (state.letter || state.digit) {
      if (!c.grade) return false;
      if (state.letter && c.grade.charAt(0) > state.letter) return false;
      if (state.digit && c.grade.charAt(1) > state.digit) return false;
    }
    if (state.kase && c.case && c.case !== state.kase) return false;
    if (state.kase && !c.case && c.layer === "cases") return false;
    if (state.families[c.family] === false) return false;
    var from = parseInt(state.from, 10), to = parseInt(state.to, 10);
    if ((from || to) && c.layer !== "hierarchy") {
      if (!c.start_year && !c.end_year) return state.undated;
      if (to && c.start_year && c.start_year > to) return false;
      if (from && c.end_year && c.end_year < from) return false;
    }
    return true;
  }

  function visibleCitations(t) { return (t.citations || []).filter(passes); }

  function apply() {
    visibleTie = net.ties.map(function (t) { return !t.citations || t.citations.length === 0 || visibleCitations(t).length > 0; });
    var deg = net.nodes.map(function () { return 0; });
    visibleTie.forEach(function (v, i) { if (v) { deg[net.ties[i].from]++; deg[net.ties[i].to]++; } });
    visibleNode = net.nodes.map(function (_, i) { return deg[i] > 0 || adj[i].length === 0; });
    var nt = 0, nn = 0;
    net.ties.forEach(function (t, i) {
      var v = visibleTie[i];
      if (v) nt++;
      tieEls[i].classList.toggle("hidden", !v);
      hitEls[i].classList.toggle("hidden", !v);
      if (tieEls[i].arrow) tieEls[i].arrow.classList.toggle("hidden", !v);
      if (v && t.citations && t.citations.length) {
        var f = visibleCitations(t)[0].family;
        tieEls[i].setAttribute("class", "tie f-" + f + (tieEls[i].classList.contains("sel") ? " sel" : ""));
      }
    });
    net.nodes.forEach(function (_, i) {
      if (visibleNode[i]) nn++;
      nodeEls[i].classList.toggle("hidden", !visibleNode[i]);
    });
    $("counts").textContent = say("counts", fmt(nn), fmt(net.nodes.length), fmt(nt), fmt(net.ties.length));
    labels();
    if (state.selected) details(state.selected);
  }

  // labels shows the labels of the largest nodes, more as one zooms in,
  // and those of the focused node's neighbours.
  function labels() {
    var n = Math.round(25 * view.k * view.k);
    labelEls.forEach(function (t, i) {
      var on = visibleNode[i] && (rank[i] < n || t.classList.contains("hl"));
      t.classList.toggle("hidden", !on);
    });
    $("labels").style.fontSize = (11 / view.k).toFixed(3) + "px";
    labelEls.forEach(function (t) { t.style.strokeWidth = (3 / view.k).toFixed(3) + "px"; });
  }

  // ---- hover ----
  function clearHL() {
    svg.classList.remove("focus");
    Array.prototype.forEach.call(svg.querySelectorAll(".hl"), function (e) { e.classList.remove("hl"); });
  }
  function focusNode(i) {
    clearHL();
    if (i === null) { labels(); return; }
    svg.classList.add("focus");
    nodeEls[i].classList.add("hl");
    labelEls[i].classList.add("hl");
    adj[i].forEach(function (ti) {
      if (!visibleTie[ti]) return;
      var t = net.ties[ti], o = t.from === i ? t.to : t.from;
      tieEls[ti].classList.add("hl");
      if (tieEls[ti].arrow) tieEls[ti].arrow.classList.add("hl");
      nodeEls[o].classList.add("hl");
      labelEls[o].classList.add("hl");
    });
    labels();
  }
  function focusTie(ti) {
    clearHL();
    svg.classList.add("focus");
    var t = net.ties[ti];
    tieEls[ti].classList.add("hl");
    if (tieEls[ti].arrow) tieEls[ti].arrow.classList.add("hl");
    [t.from, t.to].forEach(function (i) { nodeEls[i].classList.add("hl"); labelEls[i].classList.add("hl"); });
    labels();
  }

  // ---- details ----
  function select(s) {
    Array.prototype.forEach.call(svg.querySelectorAll(".sel"), function (e) { e.classList.remove("sel"); });
    state.selected = s;
    if (s && s.node !== undefined) nodeEls[s.node].classList.add("sel");
    if (s && s.tie !== undefined) tieEls[s.tie].classList.add("sel");
    details(s);
  }

  function nodeName(i) {
    var n = net.nodes[i];
    return n.label_zh && n.label_zh !== n.label ? n.label + " / " + n.label_zh : n.label;
  }

  function attrList(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) {
      dl.appendChild(el("dt", "", p[0]));
      var u = /url/i.test(p[0]) ? safeURL(p[1]) : "";
      var dd = el("dd");
      if (u) {
        var a = el("a", "", p[1]);
        a.href = u;
        a.rel = "noopener noreferrer";
        dd.appendChild(a);
      } else {
        dd.textContent = p[1];
      }
      dl.appendChild(dd);
    });
    return dl;
  }

  function citation(t, c) {
    var box = el("div", "cite" + (c.allegation ? " alleged" : ""));
    var a = net.nodes[c.rev ? t.to : t.from], b = net.nodes[c.rev ? t.from : t.to];
    box.appendChild(el("p", "", a.label + " — " + words(c.type) + " → " + b.label));
    var meta = el("p");
    var g = el("span", "grade", c.grade ? say("grade", c.grade) : say("ungraded"));
    meta.appendChild(g);
    meta.appendChild(document.createTextNode(
      (c.evidence ? " · " + words(c.evidence) : "") +
      (c.allegation ? " · " + say("allegation") : "") +
      " · " + (c.start || c.end ? (c.start === c.end || !c.end ? c.start : (c.start || "…") + " – " + c.end) : say("undated")) +
      (c.case ? " · " + say("case", cases[c.case] ? cases[c.case].label : c.case) : "")));
    box.appendChild(meta);
    var s = sources[c.source];
    var src = el("p");
    src.appendChild(document.createTextNode(say("source", s ? s.title + (s.publisher ? ", " + s.publisher : "") + (s.date ? ", " + s.date : "") : (c.source || say("source.none")))));
    if (c.locator) src.appendChild(document.createTextNode(" — " + c.locator));
    box.appendChild(src);
    if (s && s.url) {
      var up = el("p"), u = safeURL(s.url);
      if (u) {
        var link = el("a", "", s.url);
        link.href = u;
        link.rel = "noopener noreferrer";
        up.appendChild(link);
      } else {
        up.textContent = say("url", s.url === "none" ? say("url.none") : s.url);
      }
      box.appendChild(up);
    }
    if (c.basis) box.appendChild(el("p", "", c.basis));
    if (c.corroboration && c.corroboration.length) {
      box.appendChild(el("p", "note", say("corroborated", c.corroboration.map(function (id) { return sources[id] ? sources[id].title : id; }).join("; "))));
    }
    if (c.id) box.appendChild(el("p", "note", say("relation", c.id)));
    return box;
  }

  function tieBlock(ti, parent) {
    var t = net.ties[ti];
    var vis = visibleCitations(t);
    if (!t.citations || t.citations.length === 0) {
      parent.appendChild(attrList([[say("weight"), String(t.weight)]].concat(t.attrs || [])));
      return;
    }
    vis.forEach(function (c) { parent.appendChild(citation(t, c)); });
    var hidden = t.citations.length - vis.length;
    if (hidden > 0) parent.appendChild(el("p", "note", say("hidden", fmt(hidden))));
    if (t.attrs && t.attrs.length) parent.appendChild(attrList([[say("weight"), String(t.weight)]].concat(t.attrs)));
  }

  function details(s) {
    var d = $("details");
    clear(d);
    if (!s) {
      d.appendChild(el("p", "note", say("help")));
      return;
    }
    if (s.tie !== undefined) {
      var t = net.ties[s.tie];
      d.appendChild(el("h2", "", nodeName(t.from) + (t.directed ? " → " : " — ") + nodeName(t.to)));
      tieBlock(s.tie, d);
      return;
    }
    var i = s.node, n = net.nodes[i];
    d.appendChild(el("h2", "", n.label));
    var pairs = [];
    if (n.label_zh) pairs.push([say("chinese"), n.label_zh]);
    pairs.push([say("id"), n.id]);
    if (n.names && n.names.length) pairs.push([say("also"), n.names.join("; ")]);
    (n.attrs || []).forEach(function (a) { pairs.push(a); });
    d.appendChild(attrList(pairs));
    var ties = adj[i].filter(function (ti) { return visibleTie[ti]; });
    d.appendChild(el("h3", "", say("ties", fmt(ties.length))));
    ties.forEach(function (ti) {
      var t = net.ties[ti], o = t.from === i ? t.to : t.from;
      var det = el("details");
      var sum = el("summary");
      var n2 = visibleCitations(t).length;
      sum.textContent = (t.from === i ? "→ " : "← ") + nodeName(o) + (t.citations && t.citations.length ? " (" + n2 + ")" : "");
      det.appendChild(sum);
      var go = el("button", "linkish", say("show.tie"));
      go.type = "button";
      go.addEventListener("click", function () { select({ tie: ti }); });
      det.appendChild(go);
      tieBlock(ti, det);
      d.appendChild(det);
    });
  }

  // ---- search ----
  function matches(n, q) {
    var names = [n.label, n.label_zh, n.id].concat(n.names || []);
    for (var j = 0; j < names.length; j++) {
      if (names[j] && key(names[j]).indexOf(q) >= 0) return names[j];
    }
    return null;
  }
  function search(q) {
    var out = $("results");
    clear(out);
    q = key(q);
    if (!q) return [];
    var found = [];
    net.nodes.forEach(function (n, i) { var m = matches(n, q); if (m !== null) found.push([i, m]); });
    found.sort(function (a, b) { return net.nodes[b[0]].size - net.nodes[a[0]].size; });
    found.slice(0, 30).forEach(function (f) {
      var li = el("li"), b = el("button", "", nodeName(f[0]) + (f[1] !== net.nodes[f[0]].label && f[1] !== net.nodes[f[0]].label_zh ? " (" + f[1] + ")" : ""));
      b.type = "button";
      b.addEventListener("click", function () { goTo(f[0]); });
      li.appendChild(b);
      out.appendChild(li);
    });
    if (found.length === 0) out.appendChild(el("li", "note", say("not.found")));
    data.networks.forEach(function (other, j) {
      if (other === net) return;
      var c = other.nodes.filter(function (n) { return matches(n, q) !== null; }).length;
      if (c > 0) {
        var li = el("li", "note"), b = el("button", "linkish", say("found.elsewhere", fmt(c), other.title.toLowerCase()));
        b.type = "button";
        b.addEventListener("click", function () { var v = $("search").value; show(j); $("search").value = v; search(v); });
        li.appendChild(b);
        out.appendChild(li);
      }
    });
    return found;
  }
  $("search").addEventListener("input", function (e) { search(e.target.value); });
  $("search").addEventListener("keydown", function (e) {
    if (e.key === "Enter") { var f = search(e.target.value); if (f.length) goTo(f[0][0]); }
  });
  function goTo(i) {
    var n = net.nodes[i], r = svg.getBoundingClientRect();
    view.k = Math.max(view.k, 1.5);
    view.x = r.width / 2 - px(n) * view.k;
    view.y = r.height / 2 - py(n) * view.k;
    transform();
    select({ node: i });
  }

  // ---- pan and zoom ----
  function transform() {
    viewport.setAttribute("transform", "translate(" + view.x.toFixed(2) + " " + view.y.toFixed(2) + ") scale(" + view.k.toFixed(4) + ")");
    labels();
  }
  function fit() {
    // Room on the right for the labels of the last column.
    var r = svg.getBoundingClientRect(), w = W + 2 * PAD + 160, h = H() + 2 * PAD;
    var rw = r.width || 800, rh = r.height || 600;
    view.k = Math.min(rw / w, rh / h);
    view.x = (rw - w * view.k) / 2;
    view.y = (rh - h * view.k) / 2;
    transform();
  }
  function zoomAt(f, cx, cy) {
    var k = Math.min(40, Math.max(0.2, view.k * f));
    view.x = cx - (cx - view.x) * k / view.k;
    view.y = cy - (cy - view.y) * k / view.k;
    view.k = k;
    transform();
  }
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = svg.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  var drag = null, moved = false;
  svg.addEventListener("pointerdown", function (e) {
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    moved = false;
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    moved = true;
    svg.classList.add("panning");
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    transform();
  });
  window.addEventListener("pointerup", function () {
    drag = null;
    svg.classList.remove("panning");
    setTimeout(function () { moved = false; }, 0);
  });
  svg.addEventListener("click", function () { if (!moved) select(null); });
  function centre() { var r = svg.getBoundingClientRect(); return [r.width / 2, r.height / 2]; }
  $("zoom-in").addEventListener("click", function () { var c = centre(); zoomAt(1.5, c[0], c[1]); });
  $("zoom-out").addEventListener("click", function () { var c = centre(); zoomAt(1 / 1.5, c[0], c[1]); });
  $("zoom-fit").addEventListener("click", fit);
  window.addEventListener("resize", fit);

  show(0);
  document.body.setAttribute("data-ready", "true");
})();
