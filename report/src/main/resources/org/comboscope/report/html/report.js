(function () {
  'use strict';
  // RdBu (ColorBrewer, colour-blind safe): blue = antagonism, white = 0, red = synergy
  var RDBU = ['#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f'];
  var VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];
  var LINE = ['#0072B2', '#D55E00'];
  var FONT = { family: 'system-ui, "DejaVu Sans", sans-serif', size: 11, color: '#222' };
  var CONFIG = { displaylogo: false, responsive: true, toImageButtonOptions: { format: 'svg' } };
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var blocks = D.blocks;
  var view = document.getElementById('block-view');
  var perPage = parseInt(view.getAttribute('data-per-page'), 10) || 5;
  var page = 0;
  var order = blocks.map(function (b, i) { return i; });

  function scale(stops) { return stops.map(function (c, i) { return [i / (stops.length - 1), c]; }); }
  function fin(v) { return v !== null && v !== undefined && isFinite(v); }
  function f2(v) { return fin(v) ? v.toFixed(2) : 'NA'; }
  function pfmt(v) { return fin(v) ? (v < 1e-3 ? v.toExponential(1) : v.toPrecision(2)) : 'NA'; }
  function cfmt(v) { return fin(v) ? (v >= 0.01 && v < 1e4 ? String(+v.toPrecision(3)) : v.toExponential(1)) : 'NA'; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function el(tag, attrs, html) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (html !== undefined) { e.innerHTML = html; }
    return e;
  }
  function zip(b) { return b.methods.ZIP ? b.methods.ZIP.mean : null; }
  function limit(grid) {
    var m = 0;
    grid.forEach(function (r) { r.forEach(function (v) { if (fin(v)) { m = Math.max(m, Math.abs(v)); } }); });
    return Math.max(10, Math.ceil(m / 10) * 10);
  }
  function unit(u) { return u ? ' (' + u + ')' : ''; }
  function baseLayout(title) {
    return { title: { text: title, font: { size: 13 }, x: 0.01, xanchor: 'left' }, font: FONT, margin: { l: 64, r: 16, t: 36, b: 56 }, paper_bgcolor: '#fff', plot_bgcolor: '#fff' };
  }

  function heat(div, b, grid, title, diverging, area, onClick) {
    var lim = diverging ? limit(grid) : null;
    var lo = 0, hi = 100;
    if (!diverging) {
      grid.forEach(function (r) { r.forEach(function (v) { if (fin(v)) { lo = Math.min(lo, Math.floor(v / 10) * 10); hi = Math.max(hi, Math.ceil(v / 10) * 10); } }); });
    }
    var x = b.c2.map(function (v, i) { return i; });
    var y = b.c1.map(function (v, i) { return i; });
    var big = Math.max(b.c1.length, b.c2.length) > 12;
    var trace = {
      type: 'heatmap', x: x, y: y, z: grid, colorscale: scale(diverging ? RDBU : VIRIDIS),
      zmin: diverging ? -lim : lo, zmax: diverging ? lim : hi, xgap: 1, ygap: 1,
      text: grid.map(function (r) { return r.map(function (v) { return fin(v) ? v.toFixed(1) : ''; }); }),
      texttemplate: big ? '' : '%{text}', textfont: { size: 9 },
      customdata: grid.map(function (r, i) { return r.map(function (v, j) { return [b.c1l[i], b.c2l[j]]; }); }),
      hovertemplate: esc(b.d1) + ' %{customdata[0]} + ' + esc(b.d2) + ' %{customdata[1]}<br>' + (diverging ? 'score' : 'inhibition %') + ' %{z:.2f}<extra></extra>',
      colorbar: { title: { text: diverging ? 'score' : '% inhib.', side: 'right' }, thickness: 10, len: 0.9 }
    };
    var layout = baseLayout(title);
    layout.xaxis = { title: { text: esc(b.d2) + unit(b.u2) }, tickvals: x, ticktext: b.c2l, showgrid: false, zeroline: false };
    layout.yaxis = { title: { text: esc(b.d1) + unit(b.u1) }, tickvals: y, ticktext: b.c1l, showgrid: false, zeroline: false };
    if (area) {
      layout.shapes = [{ type: 'rect', xref: 'x', yref: 'y', x0: area.col - 0.5, x1: area.col + area.cols - 0.5, y0: area.row - 0.5, y1: area.row + area.rows - 0.5, line: { color: '#000', width: 3 } }];
      layout.annotations = [{ xref: 'paper', yref: 'paper', x: 0, y: -0.34, xanchor: 'left', yanchor: 'top', showarrow: false, font: { size: 10 }, text: 'outlined: most synergistic area, mean ' + f2(area.mean) }];
      layout.margin.b = 84;
    }
    return Plotly.newPlot(div, [trace], layout, CONFIG).then(function () {
      if (onClick) { div.on('plotly_click', function (ev) { var p = ev.points[0]; onClick(p.y, p.x); }); }
    });
  }

  function curve(div, b, c, k) {
    var traces = [];
    if (c.lo) {
      traces.push({ x: c.fx.concat(c.fx.slice().reverse()), y: c.lo.concat(c.hi.slice().reverse()), fill: 'toself', fillcolor: k ? 'rgba(213,94,0,0.2)' : 'rgba(0,114,178,0.2)', line: { width: 0 }, hoverinfo: 'skip', name: '95% CI (delta method)', type: 'scatter' });
    }
    traces.push({ x: c.fx, y: c.fy, mode: 'lines', line: { color: LINE[k], width: 2 }, name: c.model + ' fit', type: 'scatter' });
    traces.push({ x: c.x, y: c.y, mode: 'markers', marker: { color: '#222', size: 7 }, name: 'observed', type: 'scatter' });
    if (fin(c.ctl)) {
      traces.push({ x: [c.ctlx], y: [c.ctl], mode: 'markers+text', text: ['0'], textposition: 'top center', marker: { color: '#fff', size: 7, line: { color: '#222', width: 1.5 } }, name: 'control (dose 0)', type: 'scatter' });
    }
    var layout = baseLayout(esc(c.drug) + ' alone');
    var ys = c.fy.concat(c.y).filter(fin);
    layout.xaxis = { type: 'log', title: { text: esc(c.drug) + unit(c.unit) + ', log scale' }, exponentformat: 'power' };
    layout.yaxis = { title: { text: 'Inhibition (%)' }, range: [Math.min(0, Math.min.apply(null, ys)) - 5, Math.max(100, Math.max.apply(null, ys)) + 5] };
    layout.legend = { orientation: 'h', y: -0.3, font: { size: 10 } };
    layout.margin.b = 90;
    if (fin(c.ic50)) {
      layout.shapes = [{ type: 'line', xref: 'x', yref: 'paper', x0: c.ic50, x1: c.ic50, y0: 0, y1: 1, line: { color: '#888', dash: 'dash', width: 1 } }];
      layout.annotations = [{ xref: 'x', yref: 'paper', x: Math.log10(c.ic50), y: 1, text: 'IC50 ' + cfmt(c.ic50), showarrow: false, xanchor: 'right', yanchor: 'top', font: { size: 10 } }];
    }
    return Plotly.newPlot(div, traces, layout, CONFIG);
  }

  function surface(div, b) {
    var m = b.methods.ZIP ? 'ZIP' : Object.keys(b.methods)[0];
    var g = b.methods[m].syn;
    var lim = limit(g);
    var trace = { type: 'surface', x: b.c2.map(function (v, i) { return i; }), y: b.c1.map(function (v, i) { return i; }), z: g, colorscale: scale(RDBU), cmin: -lim, cmax: lim, colorbar: { title: { text: m }, thickness: 10 } };
    var layout = baseLayout(m + ' synergy landscape (drag to rotate)');
    layout.scene = {
      xaxis: { title: { text: esc(b.d2) }, tickvals: trace.x, ticktext: b.c2l },
      yaxis: { title: { text: esc(b.d1) }, tickvals: trace.y, ticktext: b.c1l },
      zaxis: { title: { text: m + ' score' }, range: [-lim, lim] },
      camera: { eye: { x: 1.35, y: -1.35, z: 0.95 } },
      aspectmode: 'manual', aspectratio: { x: 1, y: 1, z: 0.7 }
    };
    layout.margin = { l: 0, r: 0, t: 36, b: 0 };
    return Plotly.newPlot(div, [trace], layout, CONFIG);
  }

  function barometer(div, b, i, j) {
    var names = Object.keys(b.methods);
    var obs = b.resp[i][j];
    var shapes = [], ann = [], lo = Math.min(0, obs), hi = Math.max(100, obs);
    names.forEach(function (m, k) {
      var ref = b.methods[m].ref[i][j], s = b.methods[m].syn[i][j];
      if (!fin(ref) || !fin(s)) { return; }
      lo = Math.min(lo, ref); hi = Math.max(hi, ref);
      shapes.push({ type: 'line', x0: ref, x1: obs, y0: k, y1: k, line: { color: s >= 0 ? '#b2182b' : '#2166ac', width: 8 } });
      shapes.push({ type: 'line', x0: ref, x1: ref, y0: k - 0.25, y1: k + 0.25, line: { color: '#222', width: 3 } });
      ann.push({ x: (ref + obs) / 2, y: k + 0.4, text: m + ' ' + (s >= 0 ? '+' : '') + s.toFixed(1), showarrow: false, font: { size: 11 } });
    });
    if (fin(obs)) {
      shapes.push({ type: 'line', x0: obs, x1: obs, yref: 'paper', y0: 0, y1: 1, line: { color: '#222', width: 2 } });
      ann.push({ x: obs, yref: 'paper', y: 0, xanchor: 'left', yanchor: 'bottom', text: ' observed ' + obs.toFixed(1), showarrow: false, font: { size: 10 } });
    }
    var layout = baseLayout('Barometer: ' + esc(b.d1) + ' ' + b.c1l[i] + ' + ' + esc(b.d2) + ' ' + b.c2l[j] + ' ' + esc(b.u2));
    layout.xaxis = { title: { text: 'Inhibition (%), bars from expected to observed' }, range: [Math.floor(lo / 10) * 10 - 2, Math.ceil(hi / 10) * 10 + 2] };
    layout.yaxis = { tickvals: names.map(function (m, k) { return k; }), ticktext: names, range: [-0.7, names.length - 0.3], zeroline: false };
    layout.shapes = shapes; layout.annotations = ann;
    layout.title.font.size = 11;
    return Plotly.newPlot(div, [{ x: [obs], y: [-0.5], mode: 'markers', marker: { opacity: 0 }, hoverinfo: 'skip', showlegend: false, type: 'scatter' }], layout, CONFIG);
  }

  function scatter() {
    var pts = blocks.filter(function (b) { return fin(b.css) && fin(zip(b)); });
    var div = document.getElementById('plot-scatter');
    if (!pts.length) { div.innerHTML = '<p class="note">No block has both CSS and ZIP.</p>'; div.classList.add('empty'); return Promise.resolve(); }
    var lim = 10;
    pts.forEach(function (b) { lim = Math.max(lim, Math.abs(zip(b))); });
    var trace = {
      type: 'scatter', mode: 'markers', x: pts.map(function (b) { return b.css; }), y: pts.map(zip),
      text: pts.map(function (b) { return 'block ' + esc(b.id) + ': ' + esc(b.d1) + ' + ' + esc(b.d2); }),
      hovertemplate: '%{text}<br>CSS %{x:.2f}, ZIP %{y:.2f}<extra></extra>',
      marker: { size: 9, color: pts.map(zip), colorscale: scale(RDBU), cmin: -lim, cmax: lim, line: { color: '#555', width: 0.5 }, colorbar: { title: { text: 'ZIP' }, thickness: 10 } }
    };
    var layout = baseLayout('Synergy vs sensitivity, ' + pts.length + ' blocks (click a point to open it)');
    layout.xaxis = { title: { text: 'CSS, drug combination sensitivity (% inhibition)' } };
    layout.yaxis = { title: { text: 'ZIP synergy score (mean)' }, zeroline: true };
    return Plotly.newPlot(div, [trace], layout, CONFIG).then(function () {
      div.on('plotly_click', function (ev) { show(blocks.indexOf(pts[ev.points[0].pointIndex])); });
    });
  }

  var COLS = [
    { k: 'rank', t: 'Rank', v: function (b, r) { return r + 1; } },
    { k: 'id', t: 'Block', s: 1, v: function (b) { return b.id; } },
    { k: 'd1', t: 'Drug 1', s: 1, v: function (b) { return b.d1; } },
    { k: 'd2', t: 'Drug 2', s: 1, v: function (b) { return b.d2; } }
  ];
  ['ZIP', 'HSA', 'Bliss', 'Loewe'].forEach(function (m) {
    COLS.push({ k: m, t: m, v: function (b) { return b.methods[m] ? b.methods[m].mean : null; }, f: f2, m: m });
  });
  COLS.push({ k: 'pZIP', t: 'p (ZIP)', v: function (b) { return b.methods.ZIP ? b.methods.ZIP.p : null; }, f: pfmt });
  COLS.push({ k: 'css', t: 'CSS', v: function (b) { return b.css; }, f: f2 });
  var sortKey = 'ZIP', sortDesc = true, ranks = {};

  function table() {
    var cols = COLS.filter(function (c) { return !c.m || blocks.some(function (b) { return b.methods[c.m]; }); });
    var thead = document.querySelector('#ranked thead');
    thead.innerHTML = '<tr>' + cols.map(function (c) { return '<th data-k="' + c.k + '"' + (c.s ? ' class="t"' : '') + '>' + c.t + (c.k === sortKey ? (sortDesc ? ' \u25BC' : ' \u25B2') : '') + '</th>'; }).join('') + '</tr>';
    var byZip = blocks.map(function (b, i) { return i; }).sort(function (a, c) { return cmp(zip(blocks[c]), zip(blocks[a])); });
    byZip.forEach(function (i, r) { ranks[i] = r; });
    var col = cols.filter(function (c) { return c.k === sortKey; })[0] || cols[0];
    order = blocks.map(function (b, i) { return i; }).sort(function (a, c) {
      var x = col.k === 'rank' ? ranks[a] : col.v(blocks[a]), y = col.k === 'rank' ? ranks[c] : col.v(blocks[c]);
      return sortDesc ? cmp(y, x) : cmp(x, y);
    });
    var q = document.getElementById('filter').value.toLowerCase();
    var rows = [];
    order.forEach(function (i) {
      var b = blocks[i];
      if (q && (b.id + ' ' + b.d1 + ' ' + b.d2).toLowerCase().indexOf(q) < 0) { return; }
      rows.push('<tr data-i="' + i + '">' + cols.map(function (c) {
        var v = c.k === 'rank' ? ranks[i] + 1 : c.v(b);
        var cls = c.s ? 't' : (c.m && fin(v) ? (v > 0 ? 'pos' : 'neg') : '');
        return '<td class="' + cls + '">' + (c.f ? c.f(v) : esc(v)) + '</td>';
      }).join('') + '</tr>');
    });
    document.querySelector('#ranked tbody').innerHTML = rows.join('');
  }
  function cmp(a, b) {
    var fa = fin(a), fb = fin(b);
    if (typeof a === 'string' || typeof b === 'string') { return String(a).localeCompare(String(b), undefined, { numeric: true }); }
    if (!fa || !fb) { return fa ? 1 : (fb ? -1 : 0); }
    return a - b;
  }

  var pages = Math.max(1, Math.ceil(blocks.length / perPage));
  function pager(id) {
    var p = document.getElementById(id);
    var opts = '';
    for (var k = 0; k < pages; k++) {
      var first = blocks[order[k * perPage]], last = blocks[order[Math.min(blocks.length, (k + 1) * perPage) - 1]];
      opts += '<option value="' + k + '"' + (k === page ? ' selected' : '') + '>' + (k + 1) + (first ? ': ' + esc(first.id) + (last && last !== first ? ' \u2013 ' + esc(last.id) : '') : '') + '</option>';
    }
    p.innerHTML = '<button data-go="prev"' + (page === 0 ? ' disabled' : '') + '>\u2190 Previous</button>'
      + '<span>Page <select aria-label="Page">' + opts + '</select> of ' + pages + ' (' + blocks.length + ' blocks, ' + perPage + ' per page, in ranked order)</span>'
      + '<button data-go="next"' + (page >= pages - 1 ? ' disabled' : '') + '>Next \u2192</button>';
  }

  function blockSection(i) {
    var b = blocks[i];
    var s = el('section', { 'class': 'block', id: 'block-' + b.id, 'data-block': b.id });
    var ms = Object.keys(b.methods);
    var summary = '<table class="grid summary"><tr><th class="t">Method</th>' + ms.map(function (m) { return '<th>' + m + '</th>'; }).join('') + '</tr>'
      + '<tr><td class="t">Mean synergy</td>' + ms.map(function (m) { var v = b.methods[m].mean; return '<td class="' + (v > 0 ? 'pos' : 'neg') + '">' + f2(v) + '</td>'; }).join('') + '</tr>'
      + '<tr><td class="t">p-value</td>' + ms.map(function (m) { return '<td>' + pfmt(b.methods[m].p) + '</td>'; }).join('') + '</tr></table>';
    var ic = b.curves.map(function (c) { return 'IC50 ' + esc(c.drug) + ' ' + cfmt(c.ic50) + ' ' + esc(c.unit); }).join(' &middot; ');
    s.innerHTML = '<h3>Block ' + esc(b.id) + ': ' + esc(b.d1) + ' + ' + esc(b.d2) + ' <small>(rank ' + (ranks[i] + 1) + ' by ZIP)</small></h3>'
      + summary + '<p class="note">' + ic + ' &middot; CSS ' + f2(b.css) + '</p>';
    var plots = el('div', { 'class': 'plots' });
    s.appendChild(plots);
    var jobs = [];
    function slot(kind, cls) { var d = el('div', { 'class': 'plot ' + (cls || ''), 'data-plot': kind }); plots.appendChild(d); return d; }
    b.curves.forEach(function (c, k) { var d = slot('curve' + (k + 1)); jobs.push(function () { return curve(d, b, c, k); }); });
    var baroDiv;
    function setBaro(r, c) {
      s.querySelector('select[data-axis="1"]').value = r;
      s.querySelector('select[data-axis="2"]').value = c;
      return barometer(baroDiv, b, r, c);
    }
    var rd = slot('response');
    jobs.push(function () { return heat(rd, b, b.resp, 'Response (% inhibition)', false, null, setBaro); });
    ms.forEach(function (m) {
      var d = slot('synergy-' + m);
      jobs.push(function () { return heat(d, b, b.methods[m].syn, m + ' synergy (mean ' + f2(b.methods[m].mean) + ')', true, b.methods[m].area, setBaro); });
    });
    var sd = slot('surface', 'surface');
    jobs.push(function () { return surface(sd, b); });
    var wrap = el('div', { 'data-plot-wrap': 'barometer' });
    var sel1 = b.c1l.map(function (l, k) { return '<option value="' + k + '"' + (k === b.baro[0] ? ' selected' : '') + '>' + l + '</option>'; }).join('');
    var sel2 = b.c2l.map(function (l, k) { return '<option value="' + k + '"' + (k === b.baro[1] ? ' selected' : '') + '>' + l + '</option>'; }).join('');
    wrap.innerHTML = '<div class="baro-controls">Barometer at ' + esc(b.d1) + '<select data-axis="1">' + sel1 + '</select>' + esc(b.d2) + '<select data-axis="2">' + sel2 + '</select>(or click a heat-map cell)</div>';
    baroDiv = el('div', { 'class': 'plot', 'data-plot': 'barometer' });
    wrap.appendChild(baroDiv);
    plots.appendChild(wrap);
    wrap.addEventListener('change', function () { setBaro(+s.querySelector('select[data-axis="1"]').value, +s.querySelector('select[data-axis="2"]').value); });
    jobs.push(function () { return barometer(baroDiv, b, b.baro[0], b.baro[1]); });
    return { section: s, jobs: jobs };
  }

  var rendering = Promise.resolve();
  function render() {
    document.body.setAttribute('data-rendered', '0');
    Array.prototype.forEach.call(view.querySelectorAll('.js-plotly-plot'), function (d) { Plotly.purge(d); });
    view.innerHTML = '';
    pager('pager'); pager('pager-bottom');
    var jobs = [];
    order.slice(page * perPage, (page + 1) * perPage).forEach(function (i) {
      var r = blockSection(i);
      view.appendChild(r.section);
      jobs = jobs.concat(r.jobs);
    });
    rendering = jobs.reduce(function (p, job) { return p.then(job); }, Promise.resolve()).then(function () {
      document.body.setAttribute('data-rendered', '1');
      document.body.setAttribute('data-page', String(page));
    }).catch(function (e) { window.__errors.push('render: ' + e); });
    return rendering;
  }
  function show(i) {
    var pos = order.indexOf(i);
    page = Math.floor(pos / perPage);
    render().then(function () { var s = document.getElementById('block-' + blocks[i].id); if (s) { s.scrollIntoView(); } });
  }

  function start() {
    table();
    document.querySelector('#ranked thead').addEventListener('click', function (e) {
      var k = e.target.getAttribute('data-k');
      if (!k) { return; }
      if (k === sortKey) { sortDesc = !sortDesc; } else { sortKey = k; sortDesc = !(k === 'id' || k === 'd1' || k === 'd2' || k === 'rank'); }
      table(); page = 0; render();
    });
    document.querySelector('#ranked tbody').addEventListener('click', function (e) {
      var tr = e.target.closest('tr');
      if (tr) { show(+tr.getAttribute('data-i')); }
    });
    document.getElementById('filter').addEventListener('input', table);
    ['pager', 'pager-bottom'].forEach(function (id) {
      var p = document.getElementById(id);
      p.addEventListener('click', function (e) {
        var go = e.target.getAttribute('data-go');
        if (go === 'prev' && page > 0) { page--; render(); }
        if (go === 'next' && page < pages - 1) { page++; render(); }
      });
      p.addEventListener('change', function (e) { if (e.target.tagName === 'SELECT') { page = +e.target.value; render(); } });
    });
    scatter().then(render);
  }
  window.comboscopeReport = { show: show, page: function (k) { page = k; return render(); }, pages: pages };

  var gz = document.getElementById('plotly-gz');
  if (gz) {
    var bin = atob(gz.textContent);
    var bytes = new Uint8Array(bin.length);
    for (var k = 0; k < bin.length; k++) { bytes[k] = bin.charCodeAt(k); }
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(function (js) {
      var s = document.createElement('script');
      s.textContent = js;
      document.head.appendChild(s);
      start();
    }).catch(function (e) { window.__errors.push('cannot unpack Plotly: ' + e); });
  } else {
    start();
  }
})();
