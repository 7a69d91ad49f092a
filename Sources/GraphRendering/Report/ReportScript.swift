/// The report's script, inline in the page and allowed by its hash in the Content-Security-Policy.
///
/// Hand-written, no library. It reads the JSON data once and builds every piece of the page that shows
/// article text with `textContent` (never `innerHTML`), so a name such as `<img src=x onerror=…>` stays text.
enum ReportScript {
  static let source = #"""

    (function () {
    'use strict';
    var laps = [], lapStart = performance.now();
    function lap(name) { var now = performance.now(); laps.push(name + ' ' + Math.round(now - lapStart)); lapStart = now; }
    var D = JSON.parse(document.getElementById('report-data').textContent);
    lap('parse');
    var E = D.entities, R = D.relations, Q = D.quotes, DOCS = D.documents;
    var LIST_LIMIT = 60;

    function $(id) { return document.getElementById(id); }
    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined && text !== null) e.textContent = String(text);
      return e;
    }
    function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
    function fmt(x) { return (Math.round(x * 100) / 100).toFixed(2); }
    function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim(); }
    var KIND = {};
    D.kinds.forEach(function (k) { KIND[k.name] = k; });

    // MARK: indexes
    var adjacency = E.map(function () { return []; });
    R.forEach(function (r, i) { adjacency[r.s].push(i); if (r.o !== r.s) adjacency[r.o].push(i); });
    var said = E.map(function () { return []; }), named = E.map(function () { return []; });
    Q.forEach(function (q, i) { said[q.s].push(i); q.named.forEach(function (n) { named[n].push(i); }); });
    var entityDocs = null;
    function docsOf(i) {
      if (!entityDocs) {
        entityDocs = E.map(function (e) { var s = {}; e.mentions.forEach(function (m) { s[m[0]] = true; }); return s; });
      }
      return entityDocs[i];
    }

    // MARK: text offsets (the data counts code points, JavaScript strings count UTF-16 units)
    var offsetMaps = {};
    function unitOffset(d, cp) {
      var t = DOCS[d].text;
      if (offsetMaps[d] === undefined) {
        if (!/[\ud800-\udfff]/.test(t)) offsetMaps[d] = null;
        else {
          var map = [], u = 0;
          for (var ch of t) { map.push(u); u += ch.length; }
          map.push(u);
          offsetMaps[d] = map;
        }
      }
      var m = offsetMaps[d];
      if (!m) return Math.min(cp, t.length);
      return m[Math.min(cp, m.length - 1)];
    }
    function cpSlice(text, a, b) { return Array.from(text).slice(a, b).join(''); }
    // Appends `text` to `parent`, marking the code point ranges `marks` ([start, end], sorted, relative).
    function appendMarked(parent, text, marks) {
      var chars = Array.from(text), at = 0;
      marks.forEach(function (r) {
        var a = Math.max(at, r[0]), b = Math.min(chars.length, r[1]);
        if (b <= a) return;
        if (a > at) parent.appendChild(document.createTextNode(chars.slice(at, a).join('')));
        parent.appendChild(el('mark', null, chars.slice(a, b).join('')));
        at = b;
      });
      if (at < chars.length) parent.appendChild(document.createTextNode(chars.slice(at).join('')));
    }
    // The sentence around a span, cut at sentence ends or line breaks (at most 300 characters each way).
    function sentenceAround(d, start, end) {
      var t = DOCS[d] && DOCS[d].text;
      if (typeof t !== 'string') return null;
      var a = unitOffset(d, start), b = unitOffset(d, end), s = a, e = b;
      var lo = Math.max(0, a - 300), hi = Math.min(t.length, b + 300);
      while (s > lo) { var c = t[s - 1]; if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(t[s] || ' '))) break; s--; }
      while (s < a && /\s/.test(t[s])) s++;
      while (e < hi) { var c2 = t[e]; if (c2 === '\n') break; e++; if ((c2 === '.' || c2 === '!' || c2 === '?') && /\s/.test(t[e] || ' ')) break; }
      return { text: (s > lo ? '' : '…') + t.slice(s, e) + (e < hi ? '' : '…'), a: a - s + (s > lo ? 0 : 1), b: b - s + (s > lo ? 0 : 1) };
    }
    function snippetOfSpan(span, extraMarks) {
      var box = el('div', 'snippet');
      var sentence = sentenceAround(span[0], span[1], span[2]);
      if (sentence) {
        box.appendChild(document.createTextNode(sentence.text.slice(0, sentence.a)));
        box.appendChild(el('mark', null, sentence.text.slice(sentence.a, sentence.b)));
        box.appendChild(document.createTextNode(sentence.text.slice(sentence.b)));
      } else {
        appendMarked(box, span[4], extraMarks || []);
      }
      return box;
    }
    function docLabel(span) {
      var s = el('span', 'src', DOCS[span[0]].id + ' @' + span[1] + (span[3] >= 0 ? ', sentence ' + (span[3] + 1) : ''));
      return s;
    }
    // Marks of entity `who`'s mentions inside a span, relative to the span (code points).
    function marksOf(who, span) {
      var marks = [];
      who.forEach(function (i) {
        E[i].mentions.forEach(function (m) {
          if (m[0] === span[0] && m[1] >= span[1] && m[2] <= span[2]) marks.push([m[1] - span[1], m[2] - span[1]]);
        });
      });
      marks.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
      return marks;
    }

    // MARK: pan and zoom
    function PanZoom(svg, host) {
      var b = svg.viewBox.baseVal;
      var base = { x: b.x, y: b.y, w: b.width || 1, h: b.height || 1 };
      var vb = { x: base.x, y: base.y, w: base.w, h: base.h };
      svg.removeAttribute('width'); svg.removeAttribute('height');
      svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
      function apply() { svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h); }
      function scale() { var r = host.getBoundingClientRect(); return Math.max(vb.w / Math.max(1, r.width), vb.h / Math.max(1, r.height)); }
      function toSvg(cx, cy) {
        var r = host.getBoundingClientRect(), s = scale();
        var ox = (r.width - vb.w / s) / 2, oy = (r.height - vb.h / s) / 2;
        return { x: vb.x + (cx - r.left - ox) * s, y: vb.y + (cy - r.top - oy) * s };
      }
      function zoomAt(f, cx, cy) {
        var w = vb.w / f;
        if (w < base.w / 60 || w > base.w * 6) return;
        var p = toSvg(cx, cy);
        vb.x = p.x - (p.x - vb.x) / f; vb.y = p.y - (p.y - vb.y) / f; vb.w = w; vb.h = vb.h / f; apply();
      }
      function zoomCenter(f) { var r = host.getBoundingClientRect(); zoomAt(f, r.left + r.width / 2, r.top + r.height / 2); }
      host.addEventListener('wheel', function (ev) { ev.preventDefault(); zoomAt(Math.exp(-ev.deltaY * 0.0016), ev.clientX, ev.clientY); }, { passive: false });
      var drag = null;
      this.moved = false;
      var self = this;
      host.addEventListener('pointerdown', function (ev) {
        if (ev.button !== 0) return;
        drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y, s: scale() };
        self.moved = false;
      });
      host.addEventListener('pointermove', function (ev) {
        if (!drag) return;
        var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
        if (!self.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
        if (!self.moved) { self.moved = true; host.classList.add('dragging'); try { host.setPointerCapture(ev.pointerId); } catch (e) { /* not capturable */ } }
        vb.x = drag.vx - dx * drag.s; vb.y = drag.vy - dy * drag.s; apply();
      });
      function end() { drag = null; host.classList.remove('dragging'); }
      host.addEventListener('pointerup', end);
      host.addEventListener('pointercancel', end);
      this.zoom = zoomCenter;
      this.fit = function () { vb = { x: base.x, y: base.y, w: base.w, h: base.h }; apply(); };
      // Centres an element (its bounding box in the drawing), zooming in only as far as a readable size.
      this.center = function (g) {
        var box;
        try { box = g.getBBox(); } catch (e) { return; }
        var ctm = g.getCTM(), root = svg.getCTM();
        var cx = box.x + box.width / 2, cy = box.y + box.height / 2;
        if (ctm && root) {
          var m = root.inverse().multiply(ctm);
          var px = m.a * cx + m.c * cy + m.e, py = m.b * cx + m.d * cy + m.f;
          cx = px; cy = py;
        }
        var w = Math.min(base.w, Math.max(box.width * 6, 720));
        var h = w * (base.h / base.w);
        var r = host.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) h = w * r.height / r.width;
        vb = { x: cx - w / 2, y: cy - h / 2, w: w, h: h }; apply();
      };
      apply();
    }

    // MARK: diagrams
    // A mounted SVG: entity index → node elements, relation index → edge element.
    function Diagram(svg, host) {
      this.svg = svg; this.host = host; this.nodes = {}; this.edges = {};
      var self = this;
      svg.querySelectorAll('g.node').forEach(function (g) {
        var m = /_[ex](\d+)$/.exec(g.id);
        if (!m) return;
        var i = +m[1];
        g.setAttribute('data-entity', String(i));
        (self.nodes[i] = self.nodes[i] || []).push(g);
      });
      svg.querySelectorAll('g.edge').forEach(function (g) {
        var m = /_r(\d+)$/.exec(g.id);
        if (!m) return;
        g.setAttribute('data-relation', m[1]);
        self.edges[+m[1]] = g;
      });
      this.zoomer = new PanZoom(svg, host);
      host.addEventListener('click', function (ev) {
        if (self.zoomer.moved) { self.zoomer.moved = false; return; }
        var g = ev.target.closest && ev.target.closest('g.node, g.edge');
        if (g && g.hasAttribute('data-entity')) select({ entity: +g.getAttribute('data-entity') }, { from: self });
        else if (g && g.hasAttribute('data-relation')) select({ relation: +g.getAttribute('data-relation') }, { from: self });
        else select(null);
      });
    }
    var diagrams = [];
    var main = null, currentView = null;
    function mountView(key) {
      var tpl = $('view-' + key);
      if (!tpl) return;
      var host = $('diagram');
      clear(host);
      var svg = document.importNode(tpl.content, true).querySelector('svg');
      if (!svg) { host.appendChild(el('p', 'hint', 'This view has no drawing.')); return; }
      host.appendChild(svg);
      var d = new Diagram(svg, host);
      diagrams = diagrams.filter(function (x) { return x !== main; });
      main = d; diagrams.unshift(d);
      currentView = key;
      var view = D.views.filter(function (v) { return v.key === key; })[0];
      $('view-note').textContent = view ? view.note : '';
      document.querySelectorAll('#view-buttons button').forEach(function (b) { b.classList.toggle('on', b.getAttribute('data-view') === key); });
      applyFilters();
      highlight();
    }

    // MARK: selection
    var selection = null;
    function select(sel, how) {
      selection = sel;
      highlight();
      if (!sel) { showHint(); return; }
      if (sel.entity !== undefined) showEntity(sel.entity); else showRelation(sel.relation);
      if (how && how.focus && sel.entity !== undefined) focusEntity(sel.entity);
    }
    function focusEntity(i) {
      if (!main.nodes[i]) {
        var other = D.views.filter(function (v) { return v.key !== currentView; })
          .filter(function (v) { var t = $('view-' + v.key); return t && t.content.querySelector('g.node[id$="_e' + i + '"]'); })[0];
        if (other) mountView(other.key);
      }
      if (main.nodes[i]) main.zoomer.center(main.nodes[i][0]);
    }
    function highlight() {
      diagrams.forEach(function (d) {
        d.svg.querySelectorAll('.hl, .sel').forEach(function (x) { x.classList.remove('hl', 'sel'); });
        if (!selection) { d.svg.classList.remove('dimmed'); return; }
        d.svg.classList.add('dimmed');
        function mark(i, cls) { (d.nodes[i] || []).forEach(function (g) { g.classList.add('hl'); if (cls) g.classList.add(cls); }); }
        if (selection.entity !== undefined) {
          var i = selection.entity;
          mark(i, 'sel');
          adjacency[i].forEach(function (r) {
            var g = d.edges[r];
            if (!g) return;
            g.classList.add('hl');
            mark(R[r].s === i ? R[r].o : R[r].s);
          });
        } else {
          var r = R[selection.relation], g = d.edges[selection.relation];
          if (g) g.classList.add('hl', 'sel');
          mark(r.s); mark(r.o);
        }
      });
    }
    function entityButton(i) {
      var b = el('button', 'link', E[i].name);
      b.type = 'button';
      b.title = E[i].kind + ' · ' + E[i].id;
      b.addEventListener('click', function () { select({ entity: i }, { focus: true }); });
      return b;
    }
    function kindBadge(kind) {
      var k = KIND[kind], s = el('span', 'kind', kind);
      if (k) { s.style.background = k.fill; s.style.borderColor = k.border; }
      return s;
    }
    function limited(parent, items, render) {
      var shown = 0;
      function more() {
        var end = Math.min(items.length, shown + LIST_LIMIT);
        for (; shown < end; shown++) parent.appendChild(render(items[shown]));
        if (shown < items.length) {
          var li = el('li'), b = el('button', 'link', 'Show ' + Math.min(LIST_LIMIT, items.length - shown) + ' more of ' + (items.length - shown));
          b.type = 'button';
          b.addEventListener('click', function () { parent.removeChild(li); more(); });
          li.appendChild(b); parent.appendChild(li);
        }
      }
      more();
    }
    function showHint() {
      var p = $('panel'); clear(p);
      p.appendChild(el('p', 'hint', 'Click a node or an edge, search a name, or click a name in a text.'));
    }
    function quoteItem(qi, who) {
      var q = Q[qi], li = el('li');
      li.appendChild(entityButton(q.s));
      li.appendChild(document.createTextNode(': '));
      var box = el('div', 'quote');
      appendMarked(box, q.ev[4], marksOf(who, q.ev));
      li.appendChild(box);
      li.appendChild(docLabel(q.ev));
      return li;
    }
    function showEntity(i) {
      var e = E[i], p = $('panel'); clear(p);
      p.setAttribute('data-entity', String(i));
      p.appendChild(el('h3', null, e.name));
      var dl = el('dl');
      function row(k, v) { dl.appendChild(el('dt', null, k)); var dd = el('dd'); if (v instanceof Node) dd.appendChild(v); else dd.textContent = v; dl.appendChild(dd); }
      row('kind', kindBadge(e.kind));
      row('id', e.id);
      row('aliases', e.aliases.length ? e.aliases.join('; ') : '—');
      row('confidence', fmt(e.confidence));
      Object.keys(e.attributes).sort().forEach(function (k) { row(k, e.attributes[k]); });
      row('drawn', main && main.nodes[i] ? 'in this view' : 'not in this view');
      p.appendChild(dl);
      var rels = adjacency[i];
      p.appendChild(el('h4', null, 'Relations (' + rels.length + ')'));
      var ul = el('ul', 'relations'); p.appendChild(ul);
      limited(ul, rels, function (ri) {
        var r = R[ri], li = el('li');
        if (r.s === i) { li.appendChild(el('span', null, r.p.replace(/_/g, ' ') + ' → ')); li.appendChild(entityButton(r.o)); }
        else { li.appendChild(entityButton(r.s)); li.appendChild(el('span', null, ' → ' + r.p.replace(/_/g, ' '))); }
        li.appendChild(document.createTextNode(' '));
        var more = el('button', 'link', '×' + r.n + ', conf. ' + fmt(r.c));
        more.type = 'button';
        more.title = 'Show this relation and its evidence';
        more.addEventListener('click', function () { select({ relation: ri }, {}); });
        li.appendChild(more);
        if (r.ev.length) { li.appendChild(snippetOfSpan(r.ev[0], marksOf([r.s, r.o], r.ev[0]))); li.appendChild(docLabel(r.ev[0])); }
        return li;
      });
      p.appendChild(el('h4', null, 'Quotes said (' + said[i].length + ')'));
      var qs = el('ul', 'quotes-said'); p.appendChild(qs);
      limited(qs, said[i], function (qi) { return quoteItem(qi, Q[qi].named); });
      p.appendChild(el('h4', null, 'Named in quotes (' + named[i].length + ')'));
      var qn = el('ul', 'quotes-named'); p.appendChild(qn);
      limited(qn, named[i], function (qi) { return quoteItem(qi, [i]); });
      p.appendChild(el('h4', null, 'Mentions (' + e.mentions.length + ')'));
      var ml = el('ul', 'mentions'); p.appendChild(ml);
      limited(ml, e.mentions, function (m) {
        var li = el('li');
        li.appendChild(snippetOfSpan(m, [[0, m[2] - m[1]]]));
        var where = docLabel(m);
        if (typeof DOCS[m[0]].text === 'string') {
          var b = el('button', 'link', DOCS[m[0]].id + ' @' + m[1]);
          b.type = 'button'; b.title = 'Show in the document';
          b.addEventListener('click', function () { showDocument(m[0], m[1]); });
          where = b;
        }
        li.appendChild(where);
        return li;
      });
    }
    function showRelation(ri) {
      var r = R[ri], p = $('panel'); clear(p);
      p.removeAttribute('data-entity');
      var h = el('h3'); h.appendChild(entityButton(r.s)); h.appendChild(document.createTextNode(' ' + r.p.replace(/_/g, ' ') + ' ')); h.appendChild(entityButton(r.o));
      p.appendChild(h);
      var dl = el('dl');
      [['predicate', r.p], ['count', String(r.n)], ['confidence', fmt(r.c)], ['made by', r.src || '—']].forEach(function (kv) {
        dl.appendChild(el('dt', null, kv[0])); dl.appendChild(el('dd', null, kv[1]));
      });
      p.appendChild(dl);
      p.appendChild(el('h4', null, 'Evidence (' + r.ev.length + ')'));
      var ul = el('ul', 'evidence'); p.appendChild(ul);
      limited(ul, r.ev, function (ev) {
        var li = el('li'), box = el('div', 'snippet');
        appendMarked(box, ev[4], marksOf([r.s, r.o], ev));
        li.appendChild(box); li.appendChild(docLabel(ev));
        return li;
      });
    }

    // MARK: filters
    var filters = { kinds: {}, predicates: {}, doc: '', min: 0 };
    function entityVisible(i) {
      var e = E[i];
      return filters.kinds[e.kind] !== false && e.confidence >= filters.min && (filters.doc === '' || docsOf(i)[filters.doc]);
    }
    function relationVisible(ri) {
      var r = R[ri];
      if (filters.predicates[r.p] === false || r.c < filters.min || !entityVisible(r.s) || !entityVisible(r.o)) return false;
      if (filters.doc === '') return true;
      return r.ev.length === 0 || r.ev.some(function (ev) { return String(ev[0]) === filters.doc; });
    }
    function applyFilters() {
      diagrams.forEach(function (d) {
        Object.keys(d.nodes).forEach(function (i) { var v = entityVisible(+i); d.nodes[i].forEach(function (g) { g.classList.toggle('hidden', !v); }); });
        Object.keys(d.edges).forEach(function (ri) { d.edges[ri].classList.toggle('hidden', !relationVisible(+ri)); });
      });
    }
    function buildFilters() {
      var kinds = $('filter-kinds'), counts = {};
      E.forEach(function (e) { counts[e.kind] = (counts[e.kind] || 0) + 1; });
      D.kinds.forEach(function (k) {
        if (!counts[k.name]) return;
        var label = el('label'), box = el('input');
        box.type = 'checkbox'; box.checked = true; box.value = k.name; box.setAttribute('data-kind', k.name);
        box.addEventListener('change', function () { filters.kinds[k.name] = box.checked; applyFilters(); });
        var sw = el('span', 'swatch'); sw.style.background = k.fill; sw.style.borderColor = k.border;
        label.appendChild(box); label.appendChild(sw); label.appendChild(document.createTextNode(k.name + ' (' + counts[k.name] + ')'));
        kinds.appendChild(label);
      });
      var preds = {}, pf = $('filter-predicates');
      R.forEach(function (r) { preds[r.p] = (preds[r.p] || 0) + 1; });
      Object.keys(preds).sort().forEach(function (p) {
        var label = el('label'), box = el('input');
        box.type = 'checkbox'; box.checked = true; box.value = p; box.setAttribute('data-predicate', p);
        box.addEventListener('change', function () { filters.predicates[p] = box.checked; applyFilters(); });
        label.appendChild(box); label.appendChild(document.createTextNode(p.replace(/_/g, ' ') + ' (' + preds[p] + ')'));
        pf.appendChild(label);
      });
      var sel = $('filter-document');
      fillOnFirstUse(sel, DOCS.map(function (d, i) { return i; }));
      sel.addEventListener('change', function () { filters.doc = sel.value; applyFilters(); });
      var range = $('min-confidence');
      range.addEventListener('input', function () { filters.min = +range.value; $('min-confidence-value').textContent = fmt(filters.min); applyFilters(); });
    }

    // A select of thousands of documents is filled when first opened, not while the page loads.
    function fillOnFirstUse(sel, indices) {
      var filled = false;
      function fill() {
        if (filled) return;
        filled = true;
        var keep = sel.value, frag = document.createDocumentFragment();
        indices.forEach(function (i) {
          if (sel.querySelector('option[value="' + i + '"]')) return;
          var o = el('option', null, DOCS[i].id); o.value = String(i); frag.appendChild(o);
        });
        sel.appendChild(frag);
        sel.value = keep;
      }
      if (indices.length <= 200) fill();
      else { ['focus', 'pointerdown', 'keydown'].forEach(function (t) { sel.addEventListener(t, fill); }); }
      return fill;
    }

    // MARK: search
    var folded = null;
    function search(text) {
      var q = fold(text);
      if (!q) return [];
      if (!folded) folded = E.map(function (e) { return [e.name].concat(e.aliases).map(fold); });
      var exact = [], prefix = [], part = [];
      folded.forEach(function (names, i) {
        var best = -1, which = 0;
        names.forEach(function (n, j) {
          var rank = n === q ? 3 : n.indexOf(q) === 0 ? 2 : n.indexOf(q) >= 0 ? 1 : 0;
          if (rank > best) { best = rank; which = j; }
        });
        var hit = { i: i, alias: which > 0 ? E[i].aliases[which - 1] : null };
        if (best === 3) exact.push(hit); else if (best === 2) prefix.push(hit); else if (best === 1) part.push(hit);
      });
      return exact.concat(prefix, part).slice(0, 20);
    }
    function buildSearch() {
      var input = $('search'), list = $('search-results'), hits = [], active = 0;
      function render() {
        clear(list);
        list.hidden = hits.length === 0;
        hits.forEach(function (h, k) {
          var li = el('li', k === active ? 'active' : null);
          li.appendChild(document.createTextNode(E[h.i].name + ' '));
          li.appendChild(kindBadge(E[h.i].kind));
          if (h.alias) li.appendChild(el('span', 'alias', 'alias: ' + h.alias));
          li.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(k); });
          list.appendChild(li);
        });
      }
      function pick(k) { var h = hits[k]; if (!h) return; hits = []; render(); select({ entity: h.i }, { focus: true }); }
      input.addEventListener('input', function () { hits = search(input.value); active = 0; render(); });
      input.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter') { ev.preventDefault(); if (!hits.length) hits = search(input.value); pick(active); }
        else if (ev.key === 'ArrowDown') { active = Math.min(hits.length - 1, active + 1); render(); ev.preventDefault(); }
        else if (ev.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); ev.preventDefault(); }
        else if (ev.key === 'Escape') { hits = []; render(); }
      });
      input.addEventListener('blur', function () { hits = []; render(); });
    }

    // MARK: who mentioned which country
    var ROW_LIMIT = 100, COLUMN_LIMIT = 40;
    function buildWhoTable() {
      var cells = {}, speakers = {}, countries = {};
      R.forEach(function (r, ri) {
        if (r.p !== 'mentioned' || E[r.o].kind !== 'country') return;
        cells[r.s + ':' + r.o] = ri;
        speakers[r.s] = (speakers[r.s] || 0) + r.n;
        countries[r.o] = (countries[r.o] || 0) + r.n;
      });
      var rows = Object.keys(speakers).map(Number), columns = Object.keys(countries).map(Number);
      var host = $('who-table');
      if (!rows.length) { host.appendChild(el('p', 'hint', 'Nobody is quoted mentioning a country.')); return; }
      columns.sort(function (a, b) { return countries[b] - countries[a] || E[a].name.localeCompare(E[b].name); });
      var sort = { key: 'name', asc: true }, showAll = false;
      function count(s, c) { var ri = cells[s + ':' + c]; return ri === undefined ? 0 : R[ri].n; }
      function draw() {
        rows.sort(function (a, b) {
          var x, y;
          if (sort.key === 'name') { x = E[a].name.localeCompare(E[b].name); return sort.asc ? x : -x; }
          if (sort.key === 'total') { x = speakers[a]; y = speakers[b]; } else { x = count(a, sort.key); y = count(b, sort.key); }
          return (sort.asc ? x - y : y - x) || E[a].name.localeCompare(E[b].name);
        });
        var cols = showAll ? columns : columns.slice(0, COLUMN_LIMIT), shownRows = showAll ? rows : rows.slice(0, ROW_LIMIT);
        var table = el('table', 'grid'), head = el('tr');
        table.id = 'who-grid';
        function th(text, key, title) {
          var h = el('th', sort.key === key ? 'sorted' + (sort.asc ? ' asc' : '') : null, text);
          h.title = title; h.setAttribute('data-sort', String(key));
          h.addEventListener('click', function () {
            if (sort.key === key) sort.asc = !sort.asc; else { sort.key = key; sort.asc = key === 'name'; }
            draw();
          });
          head.appendChild(h);
        }
        th('Speaker', 'name', 'Sort by speaker');
        cols.forEach(function (c) { th(E[c].name, c, 'Sort by mentions of ' + E[c].name); });
        th('Total', 'total', 'Sort by all mentions');
        var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
        var body = el('tbody');
        shownRows.forEach(function (s) {
          var tr = el('tr'), first = el('td');
          first.appendChild(entityButton(s)); tr.appendChild(first);
          cols.forEach(function (c) {
            var ri = cells[s + ':' + c], td = el('td', ri === undefined ? null : 'c');
            if (ri !== undefined) {
              td.setAttribute('data-speaker', E[s].id); td.setAttribute('data-entity', E[c].id); td.setAttribute('data-count', String(R[ri].n));
              var b = el('button', null, String(R[ri].n));
              b.type = 'button'; b.title = E[s].name + ' mentioned ' + E[c].name + ' ×' + R[ri].n;
              b.addEventListener('click', function () {
                document.querySelectorAll('#who-grid td.picked').forEach(function (x) { x.classList.remove('picked'); });
                td.classList.add('picked');
                showCellQuotes(ri);
              });
              td.appendChild(b);
            }
            tr.appendChild(td);
          });
          tr.appendChild(el('td', 'total', String(speakers[s])));
          body.appendChild(tr);
        });
        table.appendChild(body);
        clear(host); host.appendChild(table);
        if (!showAll && (rows.length > ROW_LIMIT || columns.length > COLUMN_LIMIT)) {
          var more = el('button', null, 'Show all ' + rows.length + ' speakers × ' + columns.length + ' countries');
          more.type = 'button';
          more.addEventListener('click', function () { showAll = true; draw(); });
          host.appendChild(more);
        }
      }
      draw();
    }
    function showCellQuotes(ri) {
      var r = R[ri], host = $('who-quotes'); clear(host);
      var h = el('h3'); h.appendChild(entityButton(r.s)); h.appendChild(document.createTextNode(' on ')); h.appendChild(entityButton(r.o));
      h.appendChild(document.createTextNode(' (' + r.n + ')'));
      host.appendChild(h);
      var ul = el('ul'); host.appendChild(ul);
      limited(ul, r.ev, function (ev) {
        var li = el('li'), box = el('div', 'quote');
        appendMarked(box, ev[4], marksOf([r.o], ev));
        li.appendChild(box); li.appendChild(docLabel(ev));
        return li;
      });
    }

    // MARK: quotes by speaker
    function buildQuotes() {
      var host = $('quote-list');
      var speakers = said.map(function (l, i) { return i; }).filter(function (i) { return said[i].length > 0; });
      if (!speakers.length) { host.appendChild(el('p', 'hint', 'No quotes.')); return; }
      speakers.sort(function (a, b) { return said[b].length - said[a].length || E[a].name.localeCompare(E[b].name); });
      speakers.forEach(function (s) {
        var d = el('details', 'speaker'), sum = el('summary');
        d.setAttribute('data-entity', E[s].id);
        sum.appendChild(document.createTextNode(E[s].name + ' '));
        sum.appendChild(kindBadge(E[s].kind));
        sum.appendChild(document.createTextNode(' ' + said[s].length + ' quote' + (said[s].length === 1 ? '' : 's')));
        d.appendChild(sum);
        var filled = false;
        d.addEventListener('toggle', function () {
          if (filled || !d.open) return;
          filled = true;
          var ul = el('ul'); d.appendChild(ul);
          limited(ul, said[s], function (qi) {
            var q = Q[qi], li = el('li'), box = el('div', 'quote');
            appendMarked(box, q.ev[4], marksOf(q.named, q.ev));
            li.appendChild(box);
            var names = el('span', 'src', 'names: ');
            q.named.forEach(function (n, k) { if (k) names.appendChild(document.createTextNode(', ')); names.appendChild(entityButton(n)); });
            li.appendChild(names); li.appendChild(document.createTextNode(' '));
            li.appendChild(docLabel(q.ev));
            return li;
          });
        });
        host.appendChild(d);
      });
    }

    // MARK: document texts
    function buildDocuments() {
      var sel = $('document-select');
      var withText = DOCS.map(function (d, i) { return i; }).filter(function (i) { return typeof DOCS[i].text === 'string'; });
      if (!withText.length) {
        $('text-hint').textContent = D.meta.hasTexts ? 'No document text.' : 'This report was made from a graph store, which keeps no document texts: the panel shows each mention and evidence snippet instead.';
        sel.hidden = true;
        return;
      }
      $('text-hint').textContent = 'Mentions are coloured by kind, quotes are shaded and tagged with their speaker; click a name to select it in the diagram.'
        + (withText.length < DOCS.length ? ' ' + withText.length + ' of ' + DOCS.length + ' documents have their text here; the others show only snippets.' : '');
      var first = el('option', null, DOCS[withText[0]].id);
      first.value = String(withText[0]);
      sel.appendChild(first);
      fillDocuments = fillOnFirstUse(sel, withText);
      sel.addEventListener('change', function () { showDocument(+sel.value); });
      showDocument(withText[0], undefined, true);
    }
    var fillDocuments = function () {};
    function showDocument(d, at, quietly) {
      var host = $('document-text'), t = DOCS[d].text;
      if (!$('document-select').querySelector('option[value="' + d + '"]')) fillDocuments();
      $('document-select').value = String(d);
      clear(host);
      host.setAttribute('data-document', DOCS[d].id);
      var spans = [];
      E.forEach(function (e, i) {
        e.mentions.forEach(function (m) { if (m[0] === d) spans.push({ a: unitOffset(d, m[1]), b: unitOffset(d, m[2]), i: i, cp: m[1] }); });
      });
      var quotes = [];
      Q.forEach(function (q) { if (q.ev[0] === d) quotes.push({ a: unitOffset(d, q.ev[1]), b: unitOffset(d, q.ev[2]), s: q.s }); });
      var cuts = [0, t.length];
      spans.forEach(function (s) { cuts.push(s.a, s.b); });
      quotes.forEach(function (q) { cuts.push(q.a, q.b); });
      cuts = cuts.filter(function (x) { return x >= 0 && x <= t.length; }).sort(function (x, y) { return x - y; });
      var target = null, lastQuote = null, lastTag = null;
      for (var k = 0; k + 1 < cuts.length; k++) {
        var a = cuts[k], b = cuts[k + 1];
        if (b <= a) continue;
        var m = null, q = null;
        for (var j = 0; j < spans.length; j++) { var s = spans[j]; if (s.a <= a && s.b >= b && (!m || s.b - s.a < m.b - m.a)) m = s; }
        for (var j2 = 0; j2 < quotes.length; j2++) { var qq = quotes[j2]; if (qq.a <= a && qq.b >= b) { q = qq; break; } }
        var piece = t.slice(a, b), node;
        // One tag per run of the same speaker's quote pieces (evidence comes a sentence at a time).
        if (q && q !== lastQuote && q.a === a && !(lastTag && lastTag.s === q.s && /^[\s\u201c\u201d"',.;:!?-]*$/.test(t.slice(lastTag.b, a)))) {
          lastTag = q;
          var tag = el('span', 'qs', E[q.s].name);
          tag.title = 'Quote attributed to ' + E[q.s].name;
          (function (s) { tag.addEventListener('click', function () { select({ entity: s }, { focus: true }); }); })(q.s);
          host.appendChild(tag);
        }
        if (q && lastTag && lastTag.s === q.s) lastTag = { s: q.s, b: q.b };
        lastQuote = q;
        if (m) {
          node = el('span', 'm k-' + E[m.i].kind, piece);
          var kind = KIND[E[m.i].kind];
          if (kind) { node.style.background = kind.fill; node.style.borderBottomColor = kind.border; }
          node.title = E[m.i].name + ' (' + E[m.i].kind + ')';
          node.setAttribute('data-entity', String(m.i));
          if (at !== undefined && m.cp === at) target = node;
        } else {
          node = document.createTextNode(piece);
        }
        if (q) { var wrap = el('span', 'q'); wrap.appendChild(node); node = wrap; }
        host.appendChild(node);
      }
      if (!quietly && target) {
        target.classList.add('picked');
        host.scrollTop = Math.max(0, target.offsetTop - host.offsetTop - 80);
        $('texts').scrollIntoView({ behavior: 'smooth', block: 'start' });
      }
    }
    function buildDocumentText() {
      $('document-text').addEventListener('click', function (ev) {
        var m = ev.target.closest && ev.target.closest('[data-entity]');
        if (!m) return;
        select({ entity: +m.getAttribute('data-entity') }, { focus: true });
        $('explore').scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
    }

    // MARK: legend, documents, views
    function buildLegend(host) {
      var counts = {};
      E.forEach(function (e) { counts[e.kind] = (counts[e.kind] || 0) + 1; });
      host.appendChild(el('strong', null, 'Legend'));
      D.kinds.forEach(function (k) {
        if (!counts[k.name]) return;
        var item = el('span'), sw = el('span', 'swatch');
        sw.style.background = k.fill; sw.style.borderColor = k.border;
        item.appendChild(sw); item.appendChild(document.createTextNode(k.name + ' (' + k.shape + ')'));
        host.appendChild(item);
      });
      var m = el('span'); m.appendChild(el('span', 'dash')); m.appendChild(document.createTextNode('mentioned (×N: N times; thicker = more)'));
      host.appendChild(m);
      host.appendChild(el('span', null, 'selected: red outline; its neighbours stay lit, the rest is dimmed'));
    }
    function buildDocumentTable() {
      var host = $('document-table'), table = el('table', 'grid docs'), head = el('tr');
      ['Document', 'Path', 'Length (code points)', 'SHA-256'].forEach(function (h) { head.appendChild(el('th', null, h)); });
      var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
      var body = el('tbody'); table.appendChild(body);
      var shown = 0;
      function more() {
        var end = Math.min(DOCS.length, shown + 500);
        for (; shown < end; shown++) {
          var d = DOCS[shown], tr = el('tr');
          tr.appendChild(el('td', null, d.id)); tr.appendChild(el('td', null, d.path));
          tr.appendChild(el('td', null, String(d.length))); tr.appendChild(el('td', 'hash', d.sha256 || '—'));
          body.appendChild(tr);
        }
      }
      more();
      host.appendChild(table);
      if (shown < DOCS.length) {
        var b = el('button', null, 'Show all ' + DOCS.length + ' documents');
        b.type = 'button';
        b.addEventListener('click', function () { while (shown < DOCS.length) more(); host.removeChild(b); });
        host.appendChild(b);
      }
    }
    function buildViews() {
      var host = $('view-buttons');
      D.views.forEach(function (v) {
        var b = el('button', null, v.title + ' (' + v.entityCount + ')');
        b.type = 'button'; b.setAttribute('data-view', v.key);
        b.title = v.note || 'Every entity and relation';
        b.addEventListener('click', function () { mountView(v.key); });
        host.appendChild(b);
      });
      $('zoom-in').addEventListener('click', function () { if (main) main.zoomer.zoom(1.4); });
      $('zoom-out').addEventListener('click', function () { if (main) main.zoomer.zoom(1 / 1.4); });
      $('zoom-fit').addEventListener('click', function () { if (main) main.zoomer.fit(); });
      $('clear-selection').addEventListener('click', function () { select(null); });
      document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && ev.target === document.body) select(null); });
    }

    lap('indexes');
    buildViews();
    buildFilters();
    buildSearch();
    buildLegend($('legend'));
    buildLegend($('legend-about'));
    lap('controls');
    var who = $('who-diagram').querySelector('svg');
    if (who) diagrams.push(new Diagram(who, $('who-diagram')));
    mountView(D.meta.defaultView);
    lap('diagrams');
    buildWhoTable();
    lap('table');
    buildQuotes();
    lap('quotes');
    buildDocuments();
    buildDocumentText();
    buildDocumentTable();
    lap('documents');
    // When the script finished (ms since navigation) and what its parts took, for the browser tests.
    document.documentElement.setAttribute('data-timing', laps.join(', '));
    document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
    })();

    """#
}
