'use strict';
// comboscope web UI: a small hash-routed page over the JSON API (/api/openapi.json).
(function () {
  const params = new URLSearchParams(window.location.search);
  if (params.get('token')) {
    sessionStorage.setItem('comboscope-token', params.get('token'));
    history.replaceState(null, '', window.location.pathname + window.location.hash);
  }
  window.__errors = window.__errors || [];
  window.addEventListener('error', e => window.__errors.push(String(e.message)));

  const main = document.getElementById('main');
  let pollTimer = null;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }
  function fmt(v, digits) {
    if (v === null || v === undefined || v === '' || v === 'NA') return 'NA';
    const x = Number(v);
    return Number.isFinite(x) ? x.toFixed(digits === undefined ? 3 : digits) : esc(v);
  }
  function headers(extra) {
    const h = Object.assign({'X-Comboscope-Request': '1'}, extra || {});
    const t = sessionStorage.getItem('comboscope-token');
    if (t) h['Authorization'] = 'Bearer ' + t;
    return h;
  }
  async function api(method, path, body, isForm) {
    const opts = {method: method, headers: headers(isForm || body === undefined ? {} : {'Content-Type': 'application/json'})};
    if (body !== undefined) opts.body = isForm ? body : JSON.stringify(body);
    const r = await fetch('/api' + path, opts);
    const text = await r.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = {message: text}; }
    if (!r.ok) {
      const err = new Error((data && data.message) || ('HTTP ' + r.status));
      err.body = data; err.status = r.status;
      throw err;
    }
    return data;
  }
  function showError(where, e) {
    const div = document.createElement('div');
    div.className = 'error';
    const b = e.body || {};
    div.textContent = (b.code ? '[' + b.code + '] ' : '') + e.message + (b.field ? '  (field: ' + b.field + ')' : '') +
      (b.line ? '  (line ' + b.line + ')' : '');
    where.prepend(div);
  }

  function count(n, one, many) {
    return n + ' ' + (n === 1 ? one : (many || one + 's'));
  }
  function listing(parts) {
    const p = parts.filter(Boolean);
    return p.length <= 1 ? p.join('') : p.slice(0, -1).join(', ') + ' and ' + p[p.length - 1];
  }
  // Asks in the page's modal dialog (index.html); resolves true only when "Delete" is pressed.
  function confirmDelete(question, detail) {
    const dialog = document.getElementById('confirm-dialog');
    document.getElementById('confirm-text').textContent = question;
    document.getElementById('confirm-detail').textContent = detail;
    dialog.returnValue = '';
    return new Promise(resolve => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'delete'), {once: true});
      dialog.showModal();
      document.getElementById('confirm-cancel').focus();
    });
  }
  const IRREVERSIBLE = 'Uploaded files, results and report files go with it. This cannot be undone.';
  function activeNote(analyses) {
    const n = analyses.filter(a => a.status === 'QUEUED' || a.status === 'RUNNING').length;
    return n ? ' ' + count(n, 'analysis', 'analyses') + ' still queued or running: the server refuses until ' +
      (n === 1 ? 'it finishes' : 'they finish') + '.' : '';
  }
  // Confirms, deletes, then runs after() (navigate up or re-render); a refusal is shown in the page.
  async function deleteWithConfirmation(path, question, detail, after) {
    if (!(await confirmDelete(question, detail))) return;
    try {
      await api('DELETE', path);
      after();
    } catch (e) {
      showError(main, e);
      window.scrollTo(0, 0);
    }
  }

  // ------------------------------------------------------------------ views
  async function projectsView() {
    const projects = await api('GET', '/projects');
    main.innerHTML = '<h1>Projects</h1>' +
      '<div class="card"><form id="new-project" class="inline">' +
      '<label>Name <input name="name" required maxlength="200"></label>' +
      '<label>Description <input name="description" size="50"></label>' +
      '<button type="submit">Create project</button></form></div>' +
      '<table id="projects"><thead><tr><th>id</th><th>name</th><th>description</th><th>created</th></tr></thead><tbody>' +
      projects.map(p => '<tr><td>' + p.id + '</td><td><a href="#/projects/' + p.id + '">' + esc(p.name) + '</a></td><td>' +
        esc(p.description) + '</td><td>' + esc(p.createdAt) + '</td></tr>').join('') + '</tbody></table>';
    document.getElementById('new-project').addEventListener('submit', async ev => {
      ev.preventDefault();
      const f = ev.target;
      try {
        const p = await api('POST', '/projects', {name: f.name.value, description: f.description.value});
        location.hash = '#/projects/' + p.id;
      } catch (e) { showError(main, e); }
    });
  }

  function analysisParamsForm(id, defaults) {
    const d = defaults || {};
    const sel = (name, opts, v) => '<label>' + name + ' <select name="' + name + '">' +
      opts.map(o => '<option' + (o === v ? ' selected' : '') + '>' + o + '</option>').join('') + '</select></label>';
    const methods = (d.methods || 'zip,hsa,bliss,loewe').split(',');
    return '<span class="params" id="' + id + '">' +
      sel('dataType', ['viability', 'inhibition'], d.dataType || 'viability') +
      ['zip', 'hsa', 'bliss', 'loewe'].map(m => '<label><input type="checkbox" name="m-' + m + '"' +
        (methods.includes(m) ? ' checked' : '') + '>' + m.toUpperCase() + '</label>').join('') +
      sel('baseline', ['none', 'part', 'all'], d.baseline || 'none') +
      sel('fit', ['synergyfinder', 'optimal'], d.fit || 'synergyfinder') +
      sel('replicates', ['bootstrap', 'mean'], d.replicates || 'bootstrap') +
      '<label>seed <input name="seed" type="number" value="' + esc(d.seed === undefined ? 123 : d.seed) + '" style="width:6em"></label>' +
      '<label><input type="checkbox" name="report"' + (d.report === false ? '' : ' checked') + '>HTML/PDF report</label>' +
      '</span>';
  }
  function readParams(form) {
    const methods = ['zip', 'hsa', 'bliss', 'loewe'].filter(m => form['m-' + m].checked).join(',');
    return {dataType: form.dataType.value, methods: methods, baseline: form.baseline.value, fit: form.fit.value,
      replicates: form.replicates.value, seed: Number(form.seed.value), report: form.report.checked};
  }

  async function projectView(id) {
    const p = await api('GET', '/projects/' + id);
    let html = '<h1>Project: ' + esc(p.name) + ' <button type="button" id="delete-project" class="danger">Delete project</button></h1>' +
      '<p class="muted">' + esc(p.description) + '</p>' +
      '<div class="card"><form id="new-experiment" class="inline"><b>New experiment</b> ' +
      '<label>Assay <input name="assay" required placeholder="MTT 96 h"></label>' +
      '<label>Cell line <input name="cellLine" required></label>' +
      '<label>Date <input name="date" type="date"></label>' +
      '<label>Notes <input name="notes" size="30"></label>' +
      '<button type="submit">Add experiment</button></form></div>';
    for (const e of p.experiments) {
      html += '<div class="card experiment" data-id="' + e.id + '"><h2>Experiment ' + e.id + ': ' + esc(e.assay) +
        (e.cellLine ? ' · ' + esc(e.cellLine) : '') + (e.date ? ' · ' + esc(e.date) : '') +
        ' <button type="button" class="danger delete-experiment" data-id="' + e.id + '">Delete experiment</button></h2>' +
        '<p class="muted">' + esc(e.notes) + '</p>' +
        '<form class="upload" data-experiment="' + e.id + '"><b>Upload a SynergyFinder table</b> (CSV, TSV or XLSX) ' +
        '<input type="file" name="file" accept=".csv,.tsv,.txt,.xlsx" required> ' +
        analysisParamsForm('params-' + e.id) + '<button type="submit">Upload and analyse</button></form>';
      if (e.datasets.length) {
        html += '<table><thead><tr><th>dataset</th><th>file</th><th>sha256</th><th>analyses</th><th></th></tr></thead><tbody>';
        for (const d of e.datasets) {
          html += '<tr><td>' + d.id + '</td><td>' + esc(d.fileName) + ' (' + d.sizeBytes + ' bytes)</td><td class="muted">' +
            esc(d.sha256.substring(0, 12)) + '…</td><td>' + d.analyses.map(a => '<a href="#/analyses/' + a.id + '">#' + a.id +
            '</a> <span class="status ' + a.status + '">' + a.status + '</span>').join(', ') + '</td>' +
            '<td><button type="button" class="danger delete-dataset" data-id="' + d.id + '">Delete</button></td></tr>';
        }
        html += '</tbody></table>';
      }
      html += '</div>';
    }
    main.innerHTML = html;
    const analysesOf = e => e.datasets.flatMap(d => d.analyses);
    document.getElementById('delete-project').addEventListener('click', () => {
      const all = p.experiments.flatMap(analysesOf);
      const datasets = p.experiments.reduce((n, e) => n + e.datasets.length, 0);
      const parts = listing([count(p.experiments.length, 'experiment'), count(datasets, 'dataset'), count(all.length, 'analysis', 'analyses')]);
      deleteWithConfirmation('/projects/' + p.id, 'Delete project "' + p.name + '" with ' + parts + '?',
        IRREVERSIBLE + activeNote(all), () => { location.hash = '#/'; });
    });
    for (const b of document.querySelectorAll('button.delete-experiment')) {
      b.addEventListener('click', () => {
        const e = p.experiments.find(x => String(x.id) === b.dataset.id);
        const all = analysesOf(e);
        deleteWithConfirmation('/experiments/' + e.id, 'Delete experiment ' + e.id + ' (' + e.assay +
          (e.cellLine ? ' · ' + e.cellLine : '') + ') with ' + listing([count(e.datasets.length, 'dataset'),
          count(all.length, 'analysis', 'analyses')]) + '?', IRREVERSIBLE + activeNote(all), route);
      });
    }
    for (const b of document.querySelectorAll('button.delete-dataset')) {
      b.addEventListener('click', () => {
        const d = p.experiments.flatMap(e => e.datasets).find(x => String(x.id) === b.dataset.id);
        deleteWithConfirmation('/datasets/' + d.id, 'Delete dataset ' + d.id + ' (' + d.fileName + ') with ' +
          count(d.analyses.length, 'analysis', 'analyses') + '?', IRREVERSIBLE + activeNote(d.analyses), route);
      });
    }
    document.getElementById('new-experiment').addEventListener('submit', async ev => {
      ev.preventDefault();
      const f = ev.target;
      try {
        await api('POST', '/projects/' + id + '/experiments',
          {assay: f.assay.value, cellLine: f.cellLine.value, date: f.date.value || null, notes: f.notes.value});
        route();
      } catch (e) { showError(main, e); }
    });
    for (const f of document.querySelectorAll('form.upload')) {
      f.addEventListener('submit', async ev => {
        ev.preventDefault();
        const fd = new FormData();
        fd.append('file', f.file.files[0]);
        try {
          const ds = await api('POST', '/experiments/' + f.dataset.experiment + '/datasets', fd, true);
          const a = await api('POST', '/datasets/' + ds.id + '/analyses', readParams(f));
          location.hash = '#/analyses/' + a.id;
        } catch (e) { showError(f.parentElement, e); }
      });
    }
  }

  const blockState = {q: '', sort: 'block_id', desc: false, offset: 0, limit: 25};

  async function analysisView(id) {
    const a = await api('GET', '/analyses/' + id);
    const pct = a.progressTotal ? Math.round(100 * a.progressDone / a.progressTotal) : 0;
    let html = '<p><a href="#/projects/' + a.projectId + '">← project</a></p>' +
      '<h1>Analysis #' + a.id + ' of ' + esc(a.dataset.fileName) + ' <button type="button" id="delete-analysis" class="danger"' +
      (a.status === 'QUEUED' || a.status === 'RUNNING' ? ' disabled title="a queued or running analysis cannot be deleted"' : '') +
      '>Delete analysis</button></h1>' +
      '<div class="card"><span id="status" class="status ' + a.status + '">' + a.status + '</span> ' +
      '<progress id="progress" max="' + Math.max(1, a.progressTotal) + '" value="' + a.progressDone + '"></progress> ' +
      a.progressDone + ' / ' + a.progressTotal + ' blocks (' + pct + ' %)' +
      (a.elapsedMillis !== null ? ' · ' + (a.elapsedMillis / 1000).toFixed(1) + ' s' : '') +
      '<div id="message" class="muted">' + esc(a.message) + '</div>' +
      '<div class="muted">parameters: ' + esc(a.parameters) + ' · comboscope ' + esc(a.softwareVersion) + '</div></div>';
    if (a.status === 'SUCCEEDED') {
      html += '<h2>Downloads</h2><div id="files">' + a.files.map(f => '<button class="download" data-name="' + esc(f) + '">' +
        esc(f) + '</button>').join('') + '</div>' +
        '<h2>Blocks</h2><div><input id="filter" placeholder="filter by block or drug" value="' + esc(blockState.q) + '"> ' +
        '<span id="block-count" class="muted"></span></div><table id="blocks-table"><thead><tr>' +
        [['block_id', 'block'], ['drug1', 'drug 1'], ['drug2', 'drug 2'], ['zip', 'ZIP'], ['hsa', 'HSA'], ['bliss', 'Bliss'],
          ['loewe', 'Loewe'], ['css', 'CSS']].map(c => '<th class="sortable" data-sort="' + c[0] + '">' + c[1] + '</th>').join('') +
        '<th>ZIP class</th></tr></thead><tbody></tbody></table>' +
        '<div><button id="prev">previous</button><button id="next">next</button></div>' +
        '<h2>Re-run with other parameters</h2><form id="rerun" class="card">' +
        analysisParamsForm('rerun-params', JSON.parse(a.parameters)) + '<button type="submit">Run again</button></form>' +
        '<h2>Compare with another analysis of this dataset</h2><div class="card"><select id="compare-with"></select>' +
        '<button id="compare">Compare</button><div id="comparison"></div></div>';
    }
    main.innerHTML = html;
    document.getElementById('delete-analysis').addEventListener('click', () => {
      deleteWithConfirmation('/analyses/' + a.id, 'Delete analysis #' + a.id + ' of ' + a.dataset.fileName +
        (a.files.length ? ' with its results and ' + count(a.files.length, 'file') : ' with its results') + '?',
        'The dataset ' + a.dataset.fileName + ' stays. This cannot be undone.', () => { location.hash = '#/projects/' + a.projectId; });
    });
    if (a.status === 'QUEUED' || a.status === 'RUNNING') {
      pollTimer = setTimeout(() => { if (location.hash === '#/analyses/' + id) route(); }, 500);
      return;
    }
    if (a.status !== 'SUCCEEDED') return;
    for (const b of document.querySelectorAll('button.download')) {
      b.addEventListener('click', () => download(id, b.dataset.name));
    }
    document.getElementById('filter').addEventListener('input', ev => {
      blockState.q = ev.target.value; blockState.offset = 0; loadBlocks(id);
    });
    for (const th of document.querySelectorAll('th.sortable')) {
      th.addEventListener('click', () => {
        if (blockState.sort === th.dataset.sort) blockState.desc = !blockState.desc;
        else { blockState.sort = th.dataset.sort; blockState.desc = ['zip', 'hsa', 'bliss', 'loewe', 'css'].includes(th.dataset.sort); }
        blockState.offset = 0; loadBlocks(id);
      });
    }
    document.getElementById('prev').addEventListener('click', () => {
      blockState.offset = Math.max(0, blockState.offset - blockState.limit); loadBlocks(id);
    });
    document.getElementById('next').addEventListener('click', () => { blockState.offset += blockState.limit; loadBlocks(id); });
    document.getElementById('rerun').addEventListener('submit', async ev => {
      ev.preventDefault();
      try {
        const n = await api('POST', '/datasets/' + a.datasetId + '/analyses', readParams(ev.target));
        location.hash = '#/analyses/' + n.id;
      } catch (e) { showError(main, e); }
    });
    const project = await api('GET', '/projects/' + a.projectId + '/analyses');
    const others = project.filter(o => o.datasetId === a.datasetId && o.id !== a.id && o.status === 'SUCCEEDED');
    document.getElementById('compare-with').innerHTML = others.map(o => '<option value="' + o.id + '">#' + o.id + ' ' +
      esc(o.parameters) + '</option>').join('');
    document.getElementById('compare').addEventListener('click', async () => {
      const other = document.getElementById('compare-with').value;
      if (!other) return;
      const c = await api('GET', '/analyses/' + id + '/compare/' + other);
      document.getElementById('comparison').innerHTML = '<table id="comparison-table"><thead><tr><th>block</th><th>drugs</th>' +
        '<th>ZIP #' + id + '</th><th>ZIP #' + other + '</th><th>Δ ZIP</th><th>Bliss Δ</th><th>Loewe Δ</th><th>HSA Δ</th></tr></thead><tbody>' +
        c.blocks.map(r => '<tr><td>' + esc(r.blockId) + '</td><td>' + esc(r.drug1) + ' × ' + esc(r.drug2) + '</td><td class="num">' +
          fmt(r.zipLeft) + '</td><td class="num">' + fmt(r.zipRight) + '</td><td class="num">' + fmt(r.zipDelta) + '</td><td class="num">' +
          fmt(r.blissDelta) + '</td><td class="num">' + fmt(r.loeweDelta) + '</td><td class="num">' + fmt(r.hsaDelta) + '</td></tr>').join('') +
        '</tbody></table>';
    });
    loadBlocks(id);
  }

  async function loadBlocks(id) {
    const s = blockState;
    const page = await api('GET', '/analyses/' + id + '/blocks?q=' + encodeURIComponent(s.q) + '&sort=' + s.sort +
      '&desc=' + s.desc + '&offset=' + s.offset + '&limit=' + s.limit);
    const tbody = document.querySelector('#blocks-table tbody');
    if (!tbody) return;
    tbody.innerHTML = page.items.map(b => '<tr><td><a href="#/analyses/' + id + '/blocks/' + encodeURIComponent(b.blockId) + '">' +
      esc(b.blockId) + '</a></td><td>' + esc(b.drug1) + '</td><td>' + esc(b.drug2) + '</td>' +
      ['zip', 'hsa', 'bliss', 'loewe', 'css'].map(k => '<td class="num">' + fmt(b[k]) + '</td>').join('') +
      '<td>' + esc(b.values.ZIP_class) + '</td></tr>').join('');
    document.getElementById('block-count').textContent = page.total + ' blocks; showing ' +
      (page.total ? page.offset + 1 : 0) + '–' + Math.min(page.total, page.offset + page.items.length);
    for (const th of document.querySelectorAll('th.sortable')) {
      th.classList.toggle('sorted-asc', th.dataset.sort === s.sort && !s.desc);
      th.classList.toggle('sorted-desc', th.dataset.sort === s.sort && s.desc);
    }
  }

  async function download(id, name) {
    const r = await fetch('/api/analyses/' + id + '/files/' + encodeURIComponent(name), {headers: headers()});
    if (!r.ok) { showError(main, new Error('download failed: HTTP ' + r.status)); return; }
    const url = URL.createObjectURL(await r.blob());
    const link = document.createElement('a');
    link.href = url; link.download = name;
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const METHODS = [['ZIP_synergy', 'ZIP'], ['HSA_synergy', 'HSA'], ['Bliss_synergy', 'Bliss'], ['Loewe_synergy', 'Loewe']];

  function grid(cells, column) {
    const c1 = [...new Set(cells.map(c => Number(c.conc1)))].sort((x, y) => x - y);
    const c2 = [...new Set(cells.map(c => Number(c.conc2)))].sort((x, y) => x - y);
    const z = c1.map(() => c2.map(() => null));
    for (const c of cells) {
      const v = c[column];
      z[c1.indexOf(Number(c.conc1))][c2.indexOf(Number(c.conc2))] = (v === undefined || v === 'NA' || v === '') ? null : Number(v);
    }
    return {c1: c1, c2: c2, z: z};
  }

  async function blockView(id, blockId) {
    const b = await api('GET', '/analyses/' + id + '/blocks/' + encodeURIComponent(blockId));
    const unit1 = b.values.conc_unit1 || '', unit2 = b.values.conc_unit2 || '';
    const available = METHODS.filter(m => b.cells.length && b.cells[0][m[0]] !== undefined);
    main.innerHTML = '<p><a href="#/analyses/' + id + '">← analysis #' + id + '</a></p>' +
      '<h1>Block ' + esc(b.blockId) + ': ' + esc(b.drug1) + ' × ' + esc(b.drug2) + '</h1>' +
      '<table id="block-summary"><tr><th>ZIP</th><th>HSA</th><th>Bliss</th><th>Loewe</th><th>CSS</th><th>IC50 ' + esc(b.drug1) +
      '</th><th>IC50 ' + esc(b.drug2) + '</th></tr><tr>' + ['zip', 'hsa', 'bliss', 'loewe', 'css'].map(k => '<td class="num">' +
      fmt(b[k]) + '</td>').join('') + '<td class="num">' + fmt(b.values.ic50_1) + ' ' + esc(unit1) + '</td><td class="num">' +
      fmt(b.values.ic50_2) + ' ' + esc(unit2) + '</td></tr></table>' +
      '<p><label>Synergy model <select id="method">' + available.map(m => '<option value="' + m[0] + '">' + m[1] +
      '</option>').join('') + '</select></label></p>' +
      '<div class="plots"><div id="heat-response" class="plot"></div><div id="heat-synergy" class="plot"></div>' +
      '<div id="surface" class="plot"></div></div>';
    const resp = grid(b.cells, 'response');
    const xlab = esc(b.drug2) + ' (' + esc(unit2) + ')', ylab = esc(b.drug1) + ' (' + esc(unit1) + ')';
    const cat = a => a.map(v => String(v));
    Plotly.newPlot('heat-response', [{type: 'heatmap', x: cat(resp.c2), y: cat(resp.c1), z: resp.z, colorscale: 'Viridis',
      colorbar: {title: {text: '% inhibition'}}, hovertemplate: '%{y} × %{x}: %{z:.2f} %<extra></extra>'}],
      {title: {text: 'Response (% inhibition)'}, xaxis: {title: {text: xlab}, type: 'category'},
        yaxis: {title: {text: ylab}, type: 'category'}, margin: {t: 40}});
    const draw = () => {
      const col = document.getElementById('method').value;
      const name = METHODS.find(m => m[0] === col)[1];
      const s = grid(b.cells, col);
      const scale = [[0, '#2166ac'], [0.5, '#f7f7f7'], [1, '#b2182b']];
      const lim = Math.max(10, ...s.z.flat().filter(v => v !== null).map(v => Math.abs(v)));
      Plotly.react('heat-synergy', [{type: 'heatmap', x: cat(s.c2), y: cat(s.c1), z: s.z, colorscale: scale, zmin: -lim, zmax: lim,
        colorbar: {title: {text: name + ' score'}}, hovertemplate: '%{y} × %{x}: %{z:.2f}<extra></extra>'}],
        {title: {text: name + ' synergy (positive = synergy)'}, xaxis: {title: {text: xlab}, type: 'category'},
          yaxis: {title: {text: ylab}, type: 'category'}, margin: {t: 40}});
      Plotly.react('surface', [{type: 'surface', x: cat(s.c2), y: cat(s.c1), z: s.z, colorscale: scale, cmin: -lim, cmax: lim,
        colorbar: {title: {text: name}}}],
        {title: {text: name + ' synergy landscape'}, scene: {xaxis: {title: {text: xlab}, type: 'category'},
          yaxis: {title: {text: ylab}, type: 'category'}, zaxis: {title: {text: name + ' score'}}}, margin: {t: 40}});
    };
    document.getElementById('method').addEventListener('change', draw);
    draw();
  }

  async function evidenceView() {
    const f = new URLSearchParams(location.hash.split('?')[1] || '');
    const query = '?drug=' + encodeURIComponent(f.get('drug') || '') + '&indication=' + encodeURIComponent(f.get('indication') || '') +
      '&endpoint=' + encodeURIComponent(f.get('endpoint') || '') + '&modelSystem=' + encodeURIComponent(f.get('modelSystem') || '');
    const rows = await api('GET', '/evidence' + query);
    const ci = r => r.exact_lower === null ? '' : fmt(100 * r.rate, 1) + ' % (' + fmt(100 * r.exact_lower, 1) + '–' +
      fmt(100 * r.exact_upper, 1) + ')';
    main.innerHTML = '<h1>Evidence base of the seed documents</h1>' +
      '<form id="evidence-filter" class="card inline">' +
      ['drug', 'indication', 'endpoint', 'modelSystem'].map(k => '<label>' + k + ' <input name="' + k + '" value="' +
        esc(f.get(k) || '') + '"></label>').join('') +
      '<button type="submit">Filter</button> <button type="button" id="evidence-csv">Export CSV</button>' +
      ' <button type="button" id="evidence-json">Export JSON</button></form>' +
      '<p class="muted">' + rows.length + ' records. Rates stated as n/N carry exact Clopper–Pearson 95 % intervals computed here.</p>' +
      '<table id="evidence-table"><thead><tr><th>study</th><th>phase</th><th>indication</th><th>drugs</th><th>model</th>' +
      '<th>endpoint</th><th>value</th><th>n/N</th><th>rate (exact 95 % CI)</th><th>source</th></tr></thead><tbody>' +
      rows.map(r => '<tr><td>' + esc(r.study) + (r.nct ? ' <span class="muted">' + esc(r.nct) + '</span>' : '') + '</td><td>' +
        esc(r.phase) + '</td><td>' + esc(r.indication) + '</td><td>' + esc(r.drugs) + '</td><td>' + esc(r.model_system) +
        '</td><td>' + esc(r.endpoint) + '</td><td>' + esc(r.value) + ' ' + esc(r.unit) + '</td><td>' +
        (r.n === null ? '' : r.n + '/' + r.N) + '</td><td class="num">' + ci(r) + '</td><td class="muted">' + esc(r.seed) +
        (r.ref ? ' [' + esc(r.ref) + ']' : '') + '</td></tr>').join('') + '</tbody></table>';
    document.getElementById('evidence-filter').addEventListener('submit', ev => {
      ev.preventDefault();
      const p = new URLSearchParams();
      for (const k of ['drug', 'indication', 'endpoint', 'modelSystem']) if (ev.target[k].value) p.set(k, ev.target[k].value);
      location.hash = '#/evidence?' + p.toString();
    });
    const exportAs = async fmtName => {
      const r = await fetch('/api/evidence' + query + '&format=' + fmtName, {headers: headers()});
      const url = URL.createObjectURL(await r.blob());
      const link = document.createElement('a');
      link.href = url; link.download = 'evidence.' + fmtName;
      document.body.appendChild(link); link.click(); link.remove();
    };
    document.getElementById('evidence-csv').addEventListener('click', () => exportAs('csv'));
    document.getElementById('evidence-json').addEventListener('click', () => exportAs('json'));
  }

  async function route() {
    clearTimeout(pollTimer);
    const h = location.hash.replace(/^#/, '') || '/';
    let m;
    try {
      if ((m = h.match(/^\/projects\/(\d+)$/))) await projectView(m[1]);
      else if ((m = h.match(/^\/analyses\/(\d+)$/))) await analysisView(m[1]);
      else if ((m = h.match(/^\/analyses\/(\d+)\/blocks\/(.+)$/))) await blockView(m[1], decodeURIComponent(m[2]));
      else if (h.startsWith('/evidence')) await evidenceView();
      else await projectsView();
    } catch (e) {
      main.innerHTML = '';
      showError(main, e);
    }
  }
  window.addEventListener('hashchange', route);
  route();
})();
