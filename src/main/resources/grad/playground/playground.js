'use strict';
// grad playground: paints what the server sends (Server-Sent Events) and sends back what the user changes.
// Every value goes to the server as the command line spells it; the server checks it with the CLI's own options.

const FEATURES = [['x', 'X\u2081'], ['y', 'X\u2082'], ['x2', 'X\u2081\u00B2'], ['y2', 'X\u2082\u00B2'],
  ['xy', 'X\u2081X\u2082'], ['sinx', 'sin(X\u2081)'], ['siny', 'sin(X\u2082)']];
const FEATURE_FN = {x: (x, y) => x, y: (x, y) => y, x2: (x, y) => x * x, y2: (x, y) => y * y, xy: (x, y) => x * y,
  sinx: (x, y) => Math.sin(x), siny: (x, y) => Math.sin(y)};
// grad.plot.Palette's class colours
const CLASS = [[214, 39, 40], [31, 119, 180], [44, 160, 44], [255, 127, 14], [148, 103, 189], [140, 86, 75],
  [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207]];
const NEGATIVE = [245, 147, 34];
const POSITIVE = [8, 119, 189];
const NODE = 34;
const ROW = 46;

let data = null;
let state = null;
let frames = 0;
let netKey = '';
let requestError = null;
let graphCount = 0;

const $ = id => document.getElementById(id);
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));
const classColor = c => CLASS[c % CLASS.length];

function post(path, body) {
  return fetch('/api/' + path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
    .then(r => r.json().catch(() => ({error: 'the server answered ' + r.status})).then(j => {
      requestError = r.ok ? null : (j.error || 'the server answered ' + r.status);
      showError();
      return j;
    }))
    .catch(() => { requestError = 'the server is gone (was it stopped?)'; showError(); return {}; });
}

const change = changes => post('settings', changes);

function showError() {
  const message = requestError || (state && state.error ? 'training stopped: ' + state.error : null);
  $('error').hidden = !message;
  $('error').textContent = message || '';
  $('status').dataset.error = message || '';
}

// ---- the plane --------------------------------------------------------------------------------------------

function toPixel(x, y, w, h) {
  const p = data.plane;
  return [(x - p[0]) / (p[1] - p[0]) * w, (p[3] - y) / (p[3] - p[2]) * h];
}

function paintOutput(canvas, cells, n, points) {
  const small = document.createElement('canvas');
  small.width = n;
  small.height = n;
  const g = small.getContext('2d');
  const img = g.createImageData(n, n);
  for (let i = 0; i < cells.length; i++) {
    const c = Math.floor(cells[i] / 100);
    const sure = (cells[i] % 100) / 99;
    const rgb = mix([255, 255, 255], mix(classColor(c), [255, 255, 255], 0.35), sure);
    img.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * i);
  }
  g.putImageData(img, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
  if (points) {
    paintPoints(ctx, canvas.width, canvas.height);
  }
}

function paintPoints(ctx, w, h) {
  const dot = (p, test) => {
    const [px, py] = toPixel(p[0], p[1], w, h);
    ctx.beginPath();
    ctx.arc(px, py, 2.6, 0, 2 * Math.PI);
    ctx.fillStyle = 'rgb(' + mix(classColor(p[2]), [0, 0, 0], 0.3).join(',') + ')';
    ctx.fill();
    ctx.lineWidth = test ? 1.4 : 0.8;
    ctx.strokeStyle = test ? '#000' : '#fff';
    ctx.stroke();
  };
  data.train.forEach(p => dot(p, false));
  if ($('show-test').checked) {
    data.test.forEach(p => dot(p, true));
  }
}

/** A neuron's picture: q in [-100, 100] over an n×n grid, orange below zero, blue above. */
function paintField(canvas, q, n) {
  const small = document.createElement('canvas');
  small.width = n;
  small.height = n;
  const g = small.getContext('2d');
  const img = g.createImageData(n, n);
  for (let i = 0; i < q.length; i++) {
    const rgb = mix([255, 255, 255], q[i] < 0 ? NEGATIVE : POSITIVE, Math.abs(q[i]) / 100);
    img.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * i);
  }
  g.putImageData(img, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
}

/** A feature the network does not read yet, computed here over the plane. */
function featureField(id, n) {
  const v = [];
  let max = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const x = data.plane[0] + (c + 0.5) * (data.plane[1] - data.plane[0]) / n;
      const y = data.plane[3] - (r + 0.5) * (data.plane[3] - data.plane[2]) / n;
      const f = FEATURE_FN[id](x, y);
      v.push(f);
      max = Math.max(max, Math.abs(f));
    }
  }
  return {s: max, q: v.map(f => max === 0 ? 0 : Math.round(100 * f / max))};
}

// ---- the network ------------------------------------------------------------------------------------------

function activeFeatures() {
  return state.current['--input-features'].split(',');
}

function hidden() {
  return state.current['--hidden-units'].split(',').filter(s => s !== '').map(Number);
}

/** The nodes of each column: the seven features, each hidden layer, the outputs. */
function layout() {
  const net = $('net');
  const width = Math.max(net.clientWidth, 420);
  const sizes = state.sizes;
  const columns = sizes.length + 1;
  const gap = (width - NODE - 60) / Math.max(1, columns - 1);
  const tallest = Math.max(FEATURES.length, ...sizes);
  const cols = [];
  cols.push(FEATURES.map((f, i) => ({x: 60, y: 30 + i * ROW, kind: 'feature', id: f[0], label: f[1]})));
  sizes.forEach((n, l) => {
    const col = [];
    for (let j = 0; j < n; j++) {
      const out = l === sizes.length - 1;
      col.push({x: 60 + (l + 1) * gap, y: 30 + j * (out ? NODE + 8 : ROW), kind: out ? 'output' : 'neuron', layer: l, j: j});
    }
    cols.push(col);
  });
  return {cols: cols, width: width, height: 40 + tallest * ROW};
}

function buildNetwork() {
  const net = $('net');
  [...net.querySelectorAll('.node, .node-label, .layer-head')].forEach(e => e.remove());
  const lay = layout();
  net.style.height = lay.height + 'px';
  lay.cols.forEach((col, c) => col.forEach(node => {
    const div = document.createElement('div');
    div.className = 'node';
    div.style.left = node.x + 'px';
    div.style.top = node.y + 'px';
    div.style.width = NODE + 'px';
    div.style.height = NODE + 'px';
    const canvas = document.createElement('canvas');
    canvas.width = NODE;
    canvas.height = NODE;
    div.appendChild(canvas);
    node.canvas = canvas;
    node.div = div;
    net.appendChild(div);
    div.addEventListener('mouseenter', e => zoom(node, e));
    div.addEventListener('mousemove', e => placeZoom(e));
    div.addEventListener('mouseleave', () => { $('zoom').hidden = true; });
    if (node.kind === 'feature') {
      div.addEventListener('click', () => toggleFeature(node.id));
      label(net, node.label, node.x - 56, node.y + 10);
    }
    if (node.kind === 'output') {
      label(net, data.classes[node.j], node.x + NODE + 4, node.y + 10);
    }
  }));
  state.sizes.slice(0, -1).forEach((n, l) => layerHead(net, lay.cols[l + 1][0].x, l, n));
  return lay;
}

function label(net, text, x, y) {
  const span = document.createElement('span');
  span.className = 'node-label';
  span.textContent = text;
  span.style.left = x + 'px';
  span.style.top = y + 'px';
  net.appendChild(span);
}

function layerHead(net, x, l, n) {
  const head = document.createElement('div');
  head.className = 'layer-head';
  head.style.left = (x - 14) + 'px';
  head.style.top = '0px';
  const plus = document.createElement('button');
  plus.textContent = '+';
  plus.title = 'add a neuron';
  plus.addEventListener('click', () => resizeLayer(l, 1));
  const minus = document.createElement('button');
  minus.textContent = '\u2212';
  minus.title = 'remove a neuron';
  minus.addEventListener('click', () => resizeLayer(l, -1));
  head.append(plus, ' ', minus, ' ' + n);
  net.appendChild(head);
}

let lay = null;

function paintNetwork() {
  const key = JSON.stringify([state.sizes, data.version, state.current['--input-features']]);
  if (key !== netKey || !lay) {
    lay = buildNetwork();
    netKey = key;
  }
  const active = activeFeatures();
  lay.cols[0].forEach(node => {
    const i = active.indexOf(node.id);
    node.field = i >= 0 ? state.inputs[i] : featureField(node.id, 20);
    node.div.classList.toggle('off', i < 0);
    paintField(node.canvas, node.field.q, 20);
  });
  lay.cols.slice(1).forEach(col => col.forEach(node => {
    if (node.kind === 'neuron') {
      node.field = state.neurons[node.layer][node.j];
      paintField(node.canvas, node.field.q, 20);
    } else {
      const ctx = node.canvas.getContext('2d');
      ctx.fillStyle = 'rgb(' + classColor(node.j).join(',') + ')';
      ctx.fillRect(0, 0, NODE, NODE);
    }
  }));
  paintLinks(active);
  $('layer-count').textContent = state.sizes.length - 1;
}

function paintLinks(active) {
  const svg = $('links');
  svg.setAttribute('width', lay.width);
  svg.setAttribute('height', lay.height);
  let max = 1e-12;
  state.weights.forEach(l => l.forEach(n => n.forEach(w => { max = Math.max(max, Math.abs(w || 0)); })));
  const lines = [];
  state.weights.forEach((layer, l) => layer.forEach((ws, j) => ws.forEach((w, i) => {
    const from = l === 0 ? lay.cols[0][FEATURES.findIndex(f => f[0] === active[i])] : lay.cols[l][i];
    const to = lay.cols[l + 1][j];
    if (!from || !to || w === null) {
      return;
    }
    const width = (0.4 + 5 * Math.abs(w) / max).toFixed(2);
    const colour = 'rgb(' + (w < 0 ? NEGATIVE : POSITIVE).join(',') + ')';
    lines.push('<line x1="' + (from.x + NODE) + '" y1="' + (from.y + NODE / 2) + '" x2="' + to.x + '" y2="'
      + (to.y + NODE / 2) + '" stroke="' + colour + '" stroke-width="' + width + '" stroke-opacity="0.75"><title>'
      + 'weight ' + w + '</title></line>');
  })));
  svg.innerHTML = lines.join('');
}

function zoom(node, e) {
  if (!node.field) {
    return;
  }
  paintField($('zoom-canvas'), node.field.q, 20);
  const what = node.kind === 'feature' ? 'input ' + node.label : 'layer ' + node.layer + ', neuron ' + node.j;
  $('zoom-label').textContent = what + ': largest |output| ' + node.field.s;
  $('zoom').hidden = node.kind === 'output';
  placeZoom(e);
}

function placeZoom(e) {
  $('zoom').style.left = (e.clientX + 16) + 'px';
  $('zoom').style.top = (e.clientY + 16) + 'px';
}

function toggleFeature(id) {
  const active = activeFeatures();
  const next = FEATURES.map(f => f[0]).filter(f => f === id ? !active.includes(f) : active.includes(f));
  change({'--input-features': next.join(',')});
}

function resizeLayer(l, by) {
  const h = hidden();
  h[l] = h[l] + by;
  change({'--hidden-units': h.join(',')});
}

// ---- the rest of the page ---------------------------------------------------------------------------------

function paintChart() {
  const canvas = $('chart');
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const h = state.history;
  if (h.length < 2) {
    return;
  }
  let max = 0;
  h.forEach(p => { max = Math.max(max, p[1] || 0, p[2] || 0); });
  const first = h[0][0];
  const last = h[h.length - 1][0];
  const line = (k, colour) => {
    ctx.beginPath();
    h.forEach((p, i) => {
      if (p[k] === null) {
        return;
      }
      const x = (p[0] - first) / Math.max(1, last - first) * (canvas.width - 4) + 2;
      const y = canvas.height - 2 - p[k] / (max || 1) * (canvas.height - 4);
      if (i === 0) {
        ctx.moveTo(x, y);
      } else {
        ctx.lineTo(x, y);
      }
    });
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  };
  line(2, '#ff7f0e');
  line(1, '#1f77b4');
}

function syncControls() {
  const c = state.current;
  document.querySelectorAll('[data-option]').forEach(el => {
    const option = el.dataset.option;
    if (el === document.activeElement && el.tagName === 'INPUT' && el.type !== 'range') {
      return;
    }
    let value = c[option];
    if (el.tagName === 'SELECT') {
      let match = [...el.options].find(o => o.value === value || Number(o.value) === Number(value) && value !== '');
      if (!match) {
        match = new Option(value, value);
        el.add(match);
      }
      el.value = match.value;
    } else if (option === '--noise' && value === '') {
      el.value = 0;
    } else {
      el.value = value;
    }
    const shown = $(el.id + '-shown');
    if (shown) {
      shown.textContent = option === '--noise' && value === '' ? "the dataset's own" : value;
    }
  });
  const kind = c['--optimizer'];
  $('optimizer').value = kind !== 'sgd' ? kind
    : c['--nesterov'] === 'true' ? 'nesterov' : Number(c['--momentum']) === 0 ? 'sgd' : 'momentum';
  showOnly('momentum-only', ['momentum', 'nesterov'].includes($('optimizer').value));
  showOnly('sgd-only', kind === 'sgd');
  showOnly('adam-only', kind !== 'sgd');
}

/** Shows the controls of class {@code name} only when they apply to the optimizer chosen. */
function showOnly(name, shown) {
  document.querySelectorAll('.' + name).forEach(el => { el.hidden = !shown; });
}

/** The settings of the optimizer chosen: Adam and AdamW by name; SGD with momentum 0, momentum, or Nesterov's. */
function optimizerChange(v) {
  if (v === 'adam' || v === 'adamw') {
    return {'--optimizer': v};
  }
  const momentum = state.current['--optimizer'] === 'sgd' && Number(state.current['--momentum']) > 0
    ? state.current['--momentum'] : null;
  return {'--optimizer': null, '--momentum': v === 'sgd' ? '0' : momentum, '--nesterov': v === 'nesterov' ? 'true' : null};
}

function fillDatasets() {
  const select = $('dataset');
  if (select.options.length !== state.datasets.length) {
    select.innerHTML = '';
    state.datasets.forEach(d => select.add(new Option(d, d)));
  }
}

function paintWarnings() {
  const ul = $('warnings');
  ul.innerHTML = '';
  if (state.warnings.length === 0) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'none yet';
    ul.appendChild(li);
  }
  state.warnings.forEach(w => {
    const li = document.createElement('li');
    li.textContent = 'epoch ' + w.epoch + ': ' + w.message;
    ul.appendChild(li);
  });
}

function boundaryHash(cells) {
  let h = 0;
  for (let i = 0; i < cells.length; i++) {
    h = (h * 31 + cells[i]) % 2147483647;
  }
  return h;
}

function render() {
  if (!data || data.version !== state.dataVersion) {
    return; // the new run's points come first
  }
  frames++;
  fillDatasets();
  syncControls();
  $('epoch').textContent = state.epoch.toLocaleString('en-US');
  $('play').textContent = state.playing ? '\u275A\u275A' : '\u25B6';
  $('play').title = state.playing ? 'pause' : 'play';
  const m = state.metrics;
  $('train-loss').textContent = m.loss === undefined || m.loss === null ? '–' : m.loss.toFixed(3);
  $('test-loss').textContent = m.testLoss === undefined || m.testLoss === null ? '–' : m.testLoss.toFixed(3);
  paintOutput($('boundary'), state.output, 50, true);
  paintChart();
  paintNetwork();
  paintWarnings();
  const command = $('command');
  const selecting = !getSelection().isCollapsed && command.contains(getSelection().anchorNode);
  if (command.textContent !== state.command && !selecting) { // a selection for Ctrl-C stays put while training goes on
    command.textContent = state.command;
  }
  $('note').textContent = state.note || '';
  showError();
  const s = $('status').dataset;
  s.frames = frames;
  s.epoch = state.epoch;
  s.playing = state.playing;
  s.dataset = state.current['--dataset'];
  s.lr = state.current['--lr'];
  s.optimizer = $('optimizer').value;
  s.hidden = state.current['--hidden-units'];
  s.points = data.train.length;
  s.boundary = boundaryHash(state.output);
  s.command = state.command;
  s.warnings = state.warnings.length;
}

function legend() {
  $('legend').innerHTML = '';
  data.classes.forEach((name, c) => {
    const span = document.createElement('span');
    const dot = document.createElement('i');
    dot.style.background = 'rgb(' + classColor(c).join(',') + ')';
    span.append(dot, name);
    $('legend').appendChild(span);
  });
}

function refreshGraph() {
  $('graph').src = '/graph.svg?n=' + (++graphCount);
}

function wire() {
  document.querySelectorAll('[data-option]').forEach(el => el.addEventListener('change', () => {
    change({[el.dataset.option]: String(el.value)});
  }));
  ['test-split', 'noise', 'batch-size'].forEach(id => $(id).addEventListener('input', () => {
    $(id + '-shown').textContent = $(id).value;
  }));
  $('optimizer').addEventListener('change', () => change(optimizerChange($('optimizer').value)));
  $('play').addEventListener('click', () => post('control', {action: state && state.playing ? 'pause' : 'play'}));
  $('step').addEventListener('click', () => post('control', {action: 'step'}));
  $('reset').addEventListener('click', () => post('control', {action: 'reset'}));
  $('regenerate').addEventListener('click', () => change({'--seed': String(Math.floor(Math.random() * 1e6))}));
  $('add-layer').addEventListener('click', () => {
    const h = hidden();
    h.push(h.length ? h[h.length - 1] : 4);
    change({'--hidden-units': h.join(',')});
  });
  $('remove-layer').addEventListener('click', () => change({'--hidden-units': hidden().slice(0, -1).join(',')}));
  $('show-test').addEventListener('change', () => state && paintOutput($('boundary'), state.output, 50, true));
  $('copy').addEventListener('click', copyCommand);
  $('save').addEventListener('click', () => post('save', {}).then(j => {
    if (j.file) {
      $('saved').textContent = 'saved ' + j.file + ' after ' + j.epochs + ' epochs, as  ' + j.command + '  writes it';
    }
  }));
  $('graph-refresh').addEventListener('click', refreshGraph);
  setInterval(() => { if ($('graph-live').checked) { refreshGraph(); } }, 2000);
}

/** Copies the command; where the clipboard refuses, selects it for Ctrl-C. */
function copyCommand() {
  const said = text => { $('copy').textContent = text; setTimeout(() => { $('copy').textContent = 'Copy'; }, 2500); };
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents($('command'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    said(copied ? 'Copied' : 'Press Ctrl-C');
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText($('command').textContent).then(() => said('Copied'), select);
  } else {
    select();
  }
}

function connect() {
  const events = new EventSource('/events');
  events.addEventListener('data', e => {
    data = JSON.parse(e.data);
    netKey = '';
    legend();
    $('show-test').checked = $('show-test').checked || data.test.length > 0 && frames === 0;
  });
  events.addEventListener('state', e => {
    state = JSON.parse(e.data);
    render();
  });
  events.addEventListener('open', () => { if (requestError && requestError.startsWith('lost')) { requestError = null; showError(); } });
  events.addEventListener('error', () => setTimeout(() => {
    if (events.readyState !== EventSource.OPEN) {
      requestError = 'lost the server (was it stopped?)';
      showError();
    }
  }, 3000));
}

wire();
connect();
refreshGraph();
