// The page: three workspaces over one engine running in a Web Worker. No request leaves the
// page's origin and nothing is stored: files are read in memory, results saved only on demand.

import { t, setLang, getLang, translate, LANGS } from './i18n.js';

// ---------------------------------------------------------------------------------------------
// Small helpers

const $ = (sel, root = document) => root.querySelector(sel);

/** An element: `el('td', {class: 'num'}, 'text', child)`; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

const LOCALES = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };
function money(x) {
  const n = Number(x);
  if (!Number.isFinite(n)) return String(x ?? '');
  return n.toLocaleString(LOCALES[getLang()], { maximumFractionDigits: 2 });
}
function range(a, b) { return String(a) === String(b) ? money(a) : `${money(a)} – ${money(b)}`; }

function download(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function showError(box, failure) {
  box.hidden = !failure;
  box.replaceChildren();
  if (!failure) return;
  if (typeof failure === 'string') { box.append(failure); return; }
  box.append(el('strong', {}, failure.message || ''));
  if (failure.rendered && failure.rendered !== failure.message) box.append(el('pre', {}, failure.rendered));
}

// The status line is kept as a key and its values, so a language switch can say it again.
const status = $('#status');
let statusNow = ['loading', {}];
function say(key, vars = {}, extra = '') {
  statusNow = [key, vars, extra];
  status.textContent = `${t(key, vars)}${extra}`;
}

// ---------------------------------------------------------------------------------------------
// The engine, in a worker

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map();
worker.onmessage = (event) => {
  const { id, progress, result, error } = event.data;
  const p = pending.get(id);
  if (!p) return;
  if (progress) { p.onProgress?.(progress[0], progress[1]); return; }
  pending.delete(id);
  if (error) p.reject(new Error(error)); else p.resolve(result);
};
worker.onerror = (e) => {
  say('engine_failed', {}, `: ${e.message || ''}`);
  for (const p of pending.values()) p.reject(new Error(e.message || 'worker error'));
  pending.clear();
};

/** Calls an engine function in the worker; resolves with `{ok, value}` or `{ok: false, error}`. */
function call(fn, args = {}, onProgress) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, fn, args });
  });
}

let about = null;

// ---------------------------------------------------------------------------------------------
// Language and tabs

function pickLang() {
  const wanted = (navigator.language || 'en').slice(0, 2);
  return LANGS[wanted] ? wanted : 'en';
}

function applyLang(l, rerun = true) {
  setLang(l);
  translate();
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === getLang()));
  say(statusNow[0], statusNow[1], statusNow[2] ?? '');
  renderFiles();
  if (!rerun) return;
  loadPenalties();
  // What is on screen is asked again with the same inputs, in the new language.
  if (check.report && check.args) runCheck(check.args);
  if (fine.last && fine.args) computeFine(fine.args);
  relabelSheet();
  if (lab.result && lab.args) runLab(lab.args);
  lint();
}

for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => applyLang(b.dataset.lang));

const tabs = [...document.querySelectorAll('[role="tab"]')];
function selectTab(tab) {
  for (const x of tabs) {
    const on = x === tab;
    x.setAttribute('aria-selected', String(on));
    x.tabIndex = on ? 0 : -1;
    document.getElementById(x.getAttribute('aria-controls')).hidden = !on;
  }
}
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (e) => {
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    selectTab(next);
    next.focus();
  });
});

// ---------------------------------------------------------------------------------------------
// Self-check

/** The filter value for findings about the employer's own records (they have no employee). */
const EMPLOYER = '\u0000employer';
const KINDS = ['roster', 'timesheet', 'payroll', 'leave', 'accidents', 'inspections'];
const check = { files: new Map(), report: null, args: null, shown: 100, seq: 0, running: false };

/** Which file it is: by its name, else by its header. */
function kindOf(name, text) {
  const n = name.toLowerCase();
  for (const k of KINDS) if (n.includes(k.replace(/s$/, ''))) return k;
  const header = text.split(/\r?\n/, 1)[0].toLowerCase();
  if (header.includes('birth_date')) return 'roster';
  if (header.includes('worked_hours')) return 'timesheet';
  if (header.includes('base_pay')) return 'payroll';
  if (header.includes('accident_id')) return 'accidents';
  if (header.includes('inspection_id')) return 'inspections';
  if (header.includes('kind') && header.includes('start')) return 'leave';
  return null;
}

function addFile(name, text) {
  const kind = kindOf(name, text);
  const rows = Math.max(0, text.split(/\r?\n/).filter((l) => l.trim()).length - 1);
  check.files.set(kind ?? `?${name}`, { kind, name, text, rows });
  renderFiles();
}

function renderFiles() {
  const list = $('#files');
  list.replaceChildren();
  for (const [key, f] of check.files) {
    list.append(el('li', { class: f.kind ? '' : 'bad' },
      el('span', { class: 'kind' }, f.kind ? t(`kind_${f.kind}`) : '⚠'),
      el('span', {}, f.name),
      el('span', { class: 'hint' }, f.kind ? t('rows', { n: f.rows }) : t('kind_unknown')),
      el('button', { type: 'button', 'aria-label': `${t('remove')} ${f.name}`, onclick: () => { check.files.delete(key); renderFiles(); } }, '×')));
  }
  $('#run-check').disabled = !about || check.running;
}

async function readFiles(fileList) {
  for (const f of fileList) addFile(f.name, await f.text());
}

$('#file-input').addEventListener('change', async (e) => { await readFiles(e.target.files); e.target.value = ''; });
const drop = $('#drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => { e.preventDefault(); drop.classList.remove('over'); await readFiles(e.dataTransfer.files); });
$('#clear-files').addEventListener('click', () => { check.files.clear(); renderFiles(); });

let manifest = null;
async function files() {
  if (!manifest) manifest = await (await fetch('pkg/files.json')).json();
  return manifest;
}

$('#example').addEventListener('click', async () => {
  check.files.clear();
  for (const name of (await files()).examples) addFile(name, await (await fetch(`pkg/examples/${name}`)).text());
  $('#enterprise').value = 'medium';
  await runCheck();
});

/** The loaded files as the engine takes them: `[kind, name, text, …]`. */
function flatFiles() {
  const out = [];
  for (const f of check.files.values()) if (f.kind) out.push(f.kind, f.name, f.text);
  return out;
}

/** Checks the loaded files, or re-asks `again` (the inputs behind the report shown) in the
 * current language. Only the latest run's answer is shown. */
async function runCheck(again) {
  const box = $('#check-error');
  const kinds = new Set([...check.files.values()].map((f) => f.kind));
  if (!again && (!kinds.has('roster') || !kinds.has('timesheet'))) { showError(box, t('need_files')); return; }
  showError(box, null);
  const args = { ...(again ?? { files: flatFiles(), enterprise: $('#enterprise').value, asOf: $('#as-of').value }), lang: getLang() };
  const seq = ++check.seq;
  check.running = true;
  const bar = $('#check-bar');
  const progress = $('#check-progress');
  progress.hidden = false;
  bar.value = 0;
  $('#check-progress-text').textContent = '';
  $('#run-check').disabled = true;
  try {
    const answer = await call('check', args, (done, total) => {
      if (seq !== check.seq) return;
      bar.max = Math.max(total, 1);
      bar.value = done;
      $('#check-progress-text').textContent = t('checking', { done, total });
    });
    if (seq !== check.seq) return;
    if (!answer.ok) {
      showError(box, answer.error);
      check.report = null;
      $('#results').hidden = true;
      return;
    }
    check.args = args;
    check.report = answer.value;
    check.ms = answer.ms;
    check.shown = 100;
    renderReport();
  } catch (e) {
    if (seq === check.seq) showError(box, String(e.message || e));
  } finally {
    if (seq === check.seq) {
      check.running = false;
      progress.hidden = true;
      $('#run-check').disabled = false;
    }
  }
}
$('#run-check').addEventListener('click', () => runCheck());

function card(n, label, note) {
  return el('div', { class: 'card' }, el('div', { class: 'n' }, n), el('div', { class: 'l' }, label), note ? el('div', { class: 'hint' }, note) : null);
}

function renderReport() {
  const r = check.report;
  const s = r.summary;
  $('#results').hidden = false;
  // Counts the reports shown (tests wait on it; screen readers ignore it).
  $('#results').dataset.run = String(Number($('#results').dataset.run ?? 0) + 1);
  $('#report-engine').textContent = t('engine_line', { version: r.engine.version, digest: r.engine.rules_digest.slice(0, 12), as_of: r.engine.law_as_of });
  const e = s.fine_exposure_kzt;
  $('#summary').replaceChildren(
    card(s.employees, t('s_employees')),
    card(s.employees_in_breach, t('s_in_breach')),
    card(r.findings.length, t('s_findings')),
    card(range(e.min, e.max), t('s_exposure'), [t('s_exposure_note', { max: money(e.max_if_repeated) }),
      e.unpriced ? el('div', {}, t('unpriced', { n: e.unpriced, mci: money(e.unpriced_mci_max) })) : null]),
    card(`${s.rows_read} / ${s.rows_rejected}`, t('s_rows')));

  // By article, from the findings (they carry the titles in the language asked).
  const byCite = new Map();
  for (const f of r.findings) {
    const x = byCite.get(f.citation) ?? { title: f.article_title, n: 0 };
    x.n += 1;
    byCite.set(f.citation, x);
  }
  const cites = [...byCite.keys()].sort(citeOrder);
  $('#by-article tbody').replaceChildren(...cites.map((c) => el('tr', {},
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => { $('#f-article').value = c; renderFindings(); } }, c)),
    el('td', {}, byCite.get(c).title),
    el('td', { class: 'num' }, byCite.get(c).n))));

  // Rules the law's horizon left undecided (a value not yet set by law), in the engine's words.
  $('#undecided-box').hidden = !r.undecided?.length;
  $('#undecided').replaceChildren(...(r.undecided ?? []).map((u) => el('li', {}, u.message)));

  const errors = s.errors;
  $('#input-errors-box').hidden = errors.length === 0;
  $('#input-errors tbody').replaceChildren(...errors.map((x) => el('tr', {},
    el('td', {}, x.file), el('td', { class: 'num' }, x.row ?? ''),
    el('td', {}, x.column_name ? `${x.column_name} (${x.column})` : (x.column ?? '')), el('td', {}, x.message))));

  // Filters.
  const employees = [...new Set(r.findings.map((f) => f.employee_id || EMPLOYER))];
  fillSelect($('#f-employee'), employees.map((x) => [x, x === EMPLOYER ? t('employer_records') : x]));
  fillSelect($('#f-article'), cites.map((c) => [c, `${c} — ${byCite.get(c).title}`]));
  const withHours = r.hours.filter((h) => h.weeks.length);
  const chartSelect = $('#chart-employee');
  const keep = chartSelect.value;
  chartSelect.replaceChildren(...withHours.map((h) => el('option', { value: h.employee_id }, h.employee_id)));
  const firstInBreach = r.findings.find((f) => f.rule === 'weekly_hours')?.employee_id;
  chartSelect.value = withHours.some((h) => h.employee_id === keep) ? keep : (firstInBreach ?? withHours[0]?.employee_id ?? '');
  renderChart();
  renderFindings();
  say('s_findings', {}, `: ${r.findings.length} · ${check.ms} ms`);
}

/** `LC 9` before `LC 10`, `LC 73` before `LC 73-1`. */
function citeOrder(a, b) {
  const key = (c) => c.split(/[ .-]/).map((p) => (/^\d+$/.test(p) ? p.padStart(6, '0') : p)).join(' ');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function fillSelect(select, pairs) {
  const keep = select.value;
  select.replaceChildren(el('option', { value: '' }, t('all')), ...pairs.map(([v, label]) => el('option', { value: v }, label)));
  if (pairs.some(([v]) => v === keep)) select.value = keep;
}

function filtered() {
  const emp = $('#f-employee').value;
  const art = $('#f-article').value;
  const sev = $('#f-severity').value;
  const text = $('#f-text').value.trim().toLowerCase();
  return check.report.findings.filter((f) =>
    (!emp || (f.employee_id || EMPLOYER) === emp) && (!art || f.citation === art) && (!sev || f.severity === sev)
    && (!text || `${f.employee_id} ${f.citation} ${f.title} ${f.message}`.toLowerCase().includes(text)));
}

for (const id of ['#f-employee', '#f-article', '#f-severity']) $(id).addEventListener('change', () => { check.shown = 100; renderFindings(); });
$('#f-text').addEventListener('input', () => { check.shown = 100; renderFindings(); });

function penaltyText(p) {
  if (!p) return t('no_fine');
  if (p.kzt_max === null) return `${p.citation}: ${p.warning_possible ? `${t('warning_or')} ` : ''}${range(p.mci_min, p.mci_max)} ${t('mci')} (${t('mci_unknown')})`;
  const kzt = Number(p.kzt_max) > 0 ? `${range(p.kzt_min, p.kzt_max)} ₸` : '';
  if (Number(p.kzt_max) === 0) return `${p.citation}: ${t('warning_only')}`;
  const mci = Number(p.mci_max) > 0 ? `${range(p.mci_min, p.mci_max)} ${t('mci')} (${kzt})` : kzt;
  return p.warning_possible ? `${p.citation}: ${t('warning_or')} ${mci}` : `${p.citation}: ${mci}`;
}

function steps(list) {
  return el('ul', { class: 'steps' }, ...list.map((s) => el('li', {},
    el('span', { class: 'k' }, s.kind), el('code', {}, s.label),
    s.value !== '' ? [' = ', el('span', { class: 'v' }, s.value)] : null,
    s.citation ? ` (${s.citation})` : null,
    s.outcome ? [' — ', el('span', { class: s.outcome_code === 'fails' ? 'o-fails' : '' }, s.outcome)] : null,
    s.since ? el('span', { class: 'hint' }, ` · ${s.since}${s.source ? `, ${s.source}` : ''}`) : null,
    s.note ? el('span', { class: 'hint' }, ` · ${s.note}`) : null,
    s.because?.length ? steps(s.because) : null)));
}

function findingItem(f) {
  const unit = f.unit ? ` ${f.unit}` : '';
  const p = f.penalty;
  return el('li', {}, el('details', { class: `finding ${f.severity}` },
    el('summary', {},
      el('span', { class: 'who' }, f.employee_id || t('employer_records')),
      el('span', { class: 'what' }, el('span', { class: 'sev' }, t(f.severity)), ' ', el('strong', {}, f.title), el('br'), f.message),
      el('span', { class: 'side' }, el('span', { class: 'cite' }, f.citation), el('br'),
        el('span', { class: 'fine' }, p && Number(p.kzt_max) > 0 ? `${range(p.kzt_min, p.kzt_max)} ₸` : ''))),
    el('div', { class: 'body' },
      el('dl', {},
        el('dt', {}, t('col_period')), el('dd', {}, `${f.period.from} – ${f.period.to}`),
        el('dt', {}, t('col_article')), el('dd', {}, `${f.citation} — ${f.article_title}`),
        f.measured !== null && f.measured !== undefined ? [el('dt', {}, t('measured')), el('dd', {}, `${f.measured}${unit}`)] : null,
        f.limit !== null && f.limit !== undefined ? [el('dt', {}, t('allowed')), el('dd', {}, `${f.limit}${unit}`)] : null,
        el('dt', {}, t('penalty')), el('dd', {}, penaltyText(p),
          p?.repeat_citation ? el('div', { class: 'hint' }, `${t('repeat_part')}: ${p.repeat_citation}, ${range(p.repeat_mci[0], p.repeat_mci[1])} ${t('mci')}`) : null),
        f.remedy ? [el('dt', {}, t('what_to_change')), el('dd', {}, f.remedy)] : null,
        f.confidence ? [el('dt', {}, t('reading')), el('dd', { class: 'hint' }, f.confidence)] : null),
      el('h3', {}, t('why')), steps(f.explanation))));
}

function renderFindings() {
  const list = filtered();
  const shown = list.slice(0, check.shown);
  $('#findings').replaceChildren(...(list.length ? shown.map(findingItem) : [el('li', {}, t('no_findings'))]));
  $('#shown').textContent = t('shown', { shown: shown.length, total: list.length });
  const more = $('#more');
  more.hidden = list.length <= shown.length;
  more.textContent = t('show_more', { n: Math.min(100, list.length - shown.length) });
}
$('#more').addEventListener('click', () => { check.shown += 100; renderFindings(); });

function csvCell(x) {
  const s = String(x ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
$('#export-csv').addEventListener('click', () => {
  const head = ['employee_id', 'rule', 'citation', 'article_title', 'title', 'severity', 'from', 'to', 'measured', 'limit', 'unit',
    'message', 'remedy', 'penalty', 'kzt_min', 'kzt_max'];
  const rows = filtered().map((f) => [f.employee_id, f.rule, f.citation, f.article_title, f.title, f.severity, f.period.from, f.period.to,
    f.measured, f.limit, f.unit, f.message, f.remedy, f.penalty?.citation, f.penalty?.kzt_min, f.penalty?.kzt_max]);
  const text = [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
  download(`ereje-findings-${check.report.engine.law_as_of}.csv`, `\ufeff${text}\r\n`, 'text/csv');
});
$('#print-report').addEventListener('click', () => window.print());
// However printing starts (button or browser menu): every finding the filters let through,
// opened; restored afterwards.
let printRestore = null;
window.addEventListener('beforeprint', () => {
  if (!check.report) return;
  const shown = check.shown;
  check.shown = Infinity;
  renderFindings();
  const closed = [...document.querySelectorAll('details:not([open])')];
  for (const d of closed) d.open = true;
  printRestore = () => { for (const d of closed) d.open = false; check.shown = shown; renderFindings(); };
});
window.addEventListener('afterprint', () => { printRestore?.(); printRestore = null; });

function renderChart() {
  const box = $('#chart');
  const h = check.report?.hours.find((x) => x.employee_id === $('#chart-employee').value);
  if (!h) { box.replaceChildren(); return; }
  const W = 560; const H = 220; const pad = { l: 34, r: 10, t: 12, b: 36 };
  const weeks = h.weeks;
  const max = Math.max(48, ...weeks.map((w) => Number(w.hours)), ...weeks.map((w) => Number(w.limit ?? 0))) * 1.1;
  const y = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const bw = (W - pad.l - pad.r) / Math.max(weeks.length, 1);
  const NS = 'http://www.w3.org/2000/svg';
  const s = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${t('chart_title')}: ${h.employee_id}` });
  for (const v of [0, 20, 40]) {
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), stroke: '#d0d7de' }), s('text', { x: 2, y: y(v) + 4 }, `${v}`));
  }
  weeks.forEach((w, i) => {
    const x = pad.l + i * bw + bw * 0.15;
    const hours = Number(w.hours);
    const over = w.limit !== null && hours > Number(w.limit);
    const bar = s('rect', { x, y: y(hours), width: bw * 0.7, height: Math.max(0, y(0) - y(hours)), class: over ? 'bar over' : 'bar' });
    bar.append(s('title', {}, `${w.from} – ${w.to}: ${hours} ${t('hours')}${w.limit !== null ? ` / ${t('chart_limit')} ${w.limit}` : ''}`));
    svg.append(bar, s('text', { x: x + bw * 0.35, y: H - pad.b + 14, 'text-anchor': 'middle' }, w.from.slice(5)),
      s('text', { x: x + bw * 0.35, y: y(hours) - 3, 'text-anchor': 'middle' }, String(hours)));
    if (w.limit !== null) {
      svg.append(s('line', { x1: pad.l + i * bw, x2: pad.l + (i + 1) * bw, y1: y(Number(w.limit)), y2: y(Number(w.limit)), class: 'limit' }));
    }
  });
  const limits = [...new Set(weeks.map((w) => w.limit))];
  const legend = limits[0] === null ? t('chart_no_limit') : `- - ${t('chart_limit')}: ${limits.filter((l) => l !== null).join(', ')} ${t('hours')}`;
  svg.append(s('text', { x: pad.l, y: H - 6 }, legend));
  box.replaceChildren(svg);
}
$('#chart-employee').addEventListener('change', renderChart);

// ---------------------------------------------------------------------------------------------
// Fine calculator

const fine = { penalties: [], last: null, args: null, sheet: [], seq: 0 };

async function loadPenalties() {
  const answer = await call('penalties', { lang: getLang() });
  if (!answer.ok) return;
  fine.penalties = answer.value;
  filterOffences();
}

function filterOffences() {
  const q = $('#offence-search').value.trim().toLowerCase();
  const select = $('#offence');
  const keep = select.value;
  const list = fine.penalties.filter((p) => !q || `${p.citation} ${p.article_title} ${p.title}`.toLowerCase().includes(q));
  select.replaceChildren(...list.map((p) => el('option', { value: p.citation, title: `${p.article_title}` }, `${p.citation} — ${p.title}`)));
  if (list.some((p) => p.citation === keep)) select.value = keep;
}
$('#offence-search').addEventListener('input', filterOffences);
$('#offence-search').addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown') { e.preventDefault(); const s = $('#offence'); s.focus(); if (s.selectedIndex < 0) s.selectedIndex = 0; }
});
for (const r of document.querySelectorAll('input[name="subject"]')) {
  r.addEventListener('change', () => { $('#derive-fields').hidden = $('input[name="subject"]:checked').value !== 'derive'; });
}

function fineArgs() {
  const subject = $('input[name="subject"]:checked').value;
  const derive = subject === 'derive';
  return {
    citation: $('#offence').value, subject: derive ? '' : subject,
    headcount: derive ? $('#headcount').value : '', income: derive ? $('#income').value : '',
    repeat: $('#repeat').checked, date: $('#fine-date').value, offence: $('#offence-date').value,
    unpaid: $('#unpaid').value,
  };
}

async function computeFine(again) {
  const box = $('#fine-error');
  const args = { ...(again ?? fineArgs()), lang: getLang() };
  if (!args.citation) { showError(box, t('pick_offence')); return; }
  const seq = ++fine.seq;
  const answer = await call('fine', args);
  if (seq !== fine.seq) return;
  if (!answer.ok) {
    showError(box, answer.error);
    fine.last = null;
    $('#fine-result').replaceChildren();
    $('#add-sheet').disabled = true;
    return;
  }
  showError(box, null);
  fine.args = args;
  fine.last = answer.value;
  $('#add-sheet').disabled = false;
  renderFine(answer.value);
}
$('#fine-form').addEventListener('submit', (e) => { e.preventDefault(); computeFine(); });

/** The sheet's rows asked again in the current language (titles and subjects). */
async function relabelSheet() {
  const rows = await Promise.all(fine.sheet.map(async (f) => {
    const answer = await call('fine', { ...f.args, lang: getLang() });
    return answer.ok ? { ...answer.value, args: f.args } : f;
  }));
  fine.sheet = rows;
  renderSheet();
}

function renderFine(f) {
  const mci = range(f.mci_min, f.mci_max);
  const kzt = range(f.kzt_min, f.kzt_max);
  const cite = (what) => f.citations.find(([k]) => k === what)?.[1] ?? '';
  // A share of an unpaid sum (KoAP 91.7, 92.3) has its amount in tenge only.
  const unknown = f.mci_value === null && f.mci_amount !== null;
  const amount = f.share
    ? `${Number(f.share) * 100} % ${t('of_unpaid')}${Number(f.kzt_max) > 0 ? ` = ${kzt} ₸` : ` — ${t('give_unpaid')}`}`
    : unknown ? `${mci} ${t('mci')} — ${t('mci_unknown')} (${cite('mci')})`
      : `${mci} ${t('mci')} × ${money(f.mci_value)} ₸ (${cite('mci')}; ${f.mci_source ?? ''})`;
  $('#fine-result').replaceChildren(el('div', { class: 'fine-result', id: 'fine-summary' },
    el('h2', {}, `${f.citation} — ${f.title}`),
    el('p', { class: 'hint' }, f.article_title),
    el('p', { class: 'fine-amount' }, unknown ? `${mci} ${t('mci')}` : Number(f.kzt_max) > 0 ? `${kzt} ₸` : f.share ? t('give_unpaid') : t('warning_only')),
    el('dl', {},
      el('dt', {}, t('amount')), el('dd', {}, unknown || Number(f.kzt_max) > 0 || f.share ? amount : t('warning_only')),
      f.warning_possible ? [el('dt', {}, t('warning_only')), el('dd', {}, t('warning_possible'))] : null,
      el('dt', {}, t('subject')), el('dd', {}, t(f.subject)),
      el('dt', {}, t('sanction')), el('dd', {}, `${cite('sanction')}, ${t('since')} ${f.sanction_since ?? ''}${f.sanction_source ? ` (${f.sanction_source})` : ''}`,
        f.offence_date !== f.date ? el('div', { class: 'hint' }, `${t('offence_date')}: ${f.offence_date}`) : null),
      el('dt', {}, t('pay_by')), el('dd', {}, `${f.pay_within_days ?? ''} ${t('days')} ${t('of_decision')} (${cite('payment')})`),
      f.appeal_within_days ? [el('dt', {}, t('appeal_by')), el('dd', {}, `${f.appeal_within_days} ${t('days')} ${t('of_delivery')} (${cite('appeal')})`)] : null,
      f.reduced_kzt ? [el('dt', {}, t('reduced')), el('dd', {}, `${money(f.reduced_kzt)} ₸ — ${f.reduced_by ?? ''} (${cite('reduced_share')}, ${cite('reduced_days')})`)] : null),
    ));
}

$('#add-sheet').addEventListener('click', () => {
  if (!fine.last) return;
  fine.sheet.push({ ...fine.last, args: fine.args });
  renderSheet();
});

function renderSheet() {
  const body = $('#sheet tbody');
  if (!fine.sheet.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'hint' }, t('sheet_empty'))));
    $('#sheet tfoot').replaceChildren();
    return;
  }
  body.replaceChildren(...fine.sheet.map((f, i) => el('tr', {},
    el('td', {}, i + 1),
    el('td', {}, `${f.citation}${f.repeat ? ` (${t('repeat_part')})` : ''} — ${f.title}`),
    el('td', {}, t(f.subject)),
    el('td', { class: 'num' }, f.kzt_max === null && f.mci_amount !== null ? `${range(f.mci_min, f.mci_max)} ${t('mci')}` : Number(f.kzt_max) > 0 ? range(f.kzt_min, f.kzt_max) : t('warning_only')),
    el('td', { class: 'num' }, f.reduced_kzt ? money(f.reduced_kzt) : '—'),
    el('td', { class: 'no-print' }, el('button', { type: 'button', 'aria-label': t('remove'), onclick: () => { fine.sheet.splice(i, 1); renderSheet(); } }, '×')))));
  const sum = (k) => fine.sheet.reduce((a, f) => a + Number(f[k] ?? 0), 0);
  $('#sheet tfoot').replaceChildren(el('tr', {},
    el('th', { colspan: 3 }, t('total')),
    el('th', { class: 'num', id: 'sheet-total' }, range(sum('kzt_min'), sum('kzt_max'))),
    el('th', { class: 'num' }, money(sum('reduced_kzt'))), el('th', {})));
}
$('#print-sheet').addEventListener('click', () => window.print());

// ---------------------------------------------------------------------------------------------
// Amendment lab

const lab = { result: null, args: null, scenarios: null, name: 'amendment.rules', examples: [], seq: 0, exampleSeq: 0 };
const editor = $('#editor');
const highlight = $('#highlight');

const TEMPLATE = `# A change to the law, in the rule language. Each change names the provision it changes.
amendment "My proposal" {
  title en "What the proposal does"
        ru "Что делает предложение"
        kk "Ұсыныс не істейді"

  set overtime_per_month from 2027-01-01 = 10 h
}
`;

const KEYWORDS = new Set(('amendment title number dated amends set from until per penalty replace in insert article repeal rule '
  + 'exception define parameter note scenario employee day days record expect breach no fine value for on measured limit times '
  + 'when require severity message remedy confidence concerns status text part priority to force since repealed warning or and '
  + 'not if then else true false code act gross significant minor official small medium large person conforms conflict open').split(' '));

function escapeHtml(s) { return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'); }

/** The editor's text as highlighted HTML, with the ranges in `marks` ([start, end) in chars) underlined. */
function highlighted(text, marks) {
  const re = /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"?)|(\b\d{4}-\d{2}-\d{2}\b)|(\b(?:LC|KoAP|EC|C\d+) \d+(?:-\d+)?(?:\.[\w-]+)*)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)/g;
  const cls = ['', 'hl-com', 'hl-str', 'hl-date', 'hl-cite', 'hl-num', 'hl-kw'];
  const spans = [];
  let m;
  while ((m = re.exec(text))) {
    const g = m.findIndex((x, i) => i > 0 && x !== undefined);
    if (g === 6 && !KEYWORDS.has(m[0])) continue;
    spans.push([m.index, m.index + m[0].length, cls[g]]);
  }
  // Boundaries where a class or an error mark starts or ends.
  const cuts = new Set([0, text.length]);
  for (const [a, b] of spans) { cuts.add(a); cuts.add(b); }
  for (const [a, b] of marks) { cuts.add(Math.max(0, a)); cuts.add(Math.min(text.length, b)); }
  const points = [...cuts].sort((x, y) => x - y);
  let out = '';
  let si = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    while (si < spans.length && spans[si][1] <= a) si++;
    const c = si < spans.length && spans[si][0] <= a && a < spans[si][1] ? spans[si][2] : '';
    const err = marks.some(([x, y]) => x <= a && a < y);
    const classes = [c, err ? 'hl-err' : ''].filter(Boolean).join(' ');
    const chunk = escapeHtml(text.slice(a, b));
    out += classes ? `<span class="${classes}">${chunk}</span>` : chunk;
  }
  return `${out}\n`;
}

/** A label's character range in the editor, from its 1-based line and column and byte length. */
function markOf(text, label) {
  const lines = text.split('\n');
  let start = 0;
  for (let i = 0; i < label.line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  start += Math.max(0, label.column - 1);
  let end = start;
  let bytes = 0;
  const enc = new TextEncoder();
  while (end < text.length && bytes < Math.max(1, label.len)) { bytes += enc.encode(text[end]).length; end++; }
  return [start, end];
}

let diagnostics = [];
function paint() {
  const text = editor.value;
  const marks = diagnostics.flatMap((d) => d.labels.filter((l) => l.file === lab.name).map((l) => markOf(text, l)));
  highlight.innerHTML = highlighted(text, marks);
  highlight.scrollTop = editor.scrollTop;
  highlight.scrollLeft = editor.scrollLeft;
}
editor.addEventListener('scroll', () => { highlight.scrollTop = editor.scrollTop; highlight.scrollLeft = editor.scrollLeft; });

let lintTimer = 0;
let lintSeq = 0;
editor.addEventListener('input', () => { paint(); clearTimeout(lintTimer); lintTimer = setTimeout(lint, 350); });
editor.addEventListener('keydown', (e) => {
  if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey) {
    // Two spaces; Escape then Tab leaves the editor (keyboard users are not trapped).
    if (editor.dataset.escaped === '1') { editor.dataset.escaped = ''; return; }
    e.preventDefault();
    editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
    editor.dispatchEvent(new Event('input'));
  } else if (e.key === 'Escape') {
    editor.dataset.escaped = '1';
  } else {
    editor.dataset.escaped = '';
  }
});

function goTo(label) {
  const [a, b] = markOf(editor.value, label);
  editor.focus();
  editor.setSelectionRange(a, b);
}

async function lint() {
  if (!about) return;
  const seq = ++lintSeq;
  const answer = await call('lint', { amendments: [lab.name, editor.value] });
  if (seq !== lintSeq) return;
  const box = $('#diagnostics');
  if (answer.ok) {
    diagnostics = [];
    const v = answer.value;
    box.replaceChildren(el('span', { class: 'ok' }, '✓ ', t('lint_ok', {
      versions: v.versions.join(', '), articles: v.articles_changed.length ? v.articles_changed.join(', ') : t('lint_none'),
    })));
  } else {
    diagnostics = answer.error.errors ?? [];
    const items = diagnostics.length ? diagnostics : [{ message: answer.error.message, labels: [] }];
    box.replaceChildren(el('strong', {}, t('lint_errors', { n: items.length })), el('ul', {}, ...items.map((d) => {
      const here = d.labels.find((l) => l.file === lab.name) ?? d.labels[0];
      return el('li', {},
        here ? el('button', { type: 'button', onclick: () => here.file === lab.name && goTo(here) }, `${here.file}:${here.line}:${here.column}`) : null,
        ' ', d.message, d.help ? el('span', { class: 'hint' }, ` — ${d.help}`) : null);
    })));
  }
  paint();
}

function setEditor(text, name = 'amendment.rules') {
  editor.value = text;
  lab.name = name;
  diagnostics = [];
  paint();
  lint();
}

async function loadExamples() {
  const m = await files();
  const select = $('#lab-example');
  lab.examples = m.amendments.map((f) => ({ label: f.replace(/\.rules$/, ''), files: [f], historical: /^20(1|2[0-6])/.test(f) }));
  // The three-way example: a proposal that amends the 2027 baseline.
  const base = m.amendments.find((f) => f.includes('baseline'));
  const mzp = m.amendments.find((f) => f.includes('minimum-wage'));
  if (base && mzp) lab.examples.push({ label: `${base.replace(/\.rules$/, '')} + ${mzp.replace(/\.rules$/, '')}`, files: [base, mzp], historical: false });
  select.replaceChildren(el('option', { value: '' }, '—'), ...lab.examples.map((x, i) => el('option', { value: String(i) }, x.label)));
}
$('#lab-example').addEventListener('change', async (e) => {
  const x = lab.examples[Number(e.target.value)];
  if (!x) return;
  const seq = ++lab.exampleSeq;
  const texts = await Promise.all(x.files.map(async (f) => (await fetch(`pkg/amendments/${f}`)).text()));
  if (seq !== lab.exampleSeq) return;
  $('#lab-historical').checked = x.historical;
  setEditor(texts.join('\n'), x.files.length > 1 ? 'amendments.rules' : x.files[0]);
});
$('#lab-new').addEventListener('click', () => { $('#lab-example').value = ''; setEditor(TEMPLATE); });
$('#lab-open').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  if (f) setEditor(await f.text(), f.name);
  e.target.value = '';
});
$('#lab-download').addEventListener('click', () => {
  const name = /amendment\s+"([^"]+)"/.exec(editor.value)?.[1] ?? 'amendment';
  const slug = name.toLowerCase().replace(/[^a-z0-9а-яёәғқңөұүһі]+/gi, '-').replace(/^-|-$/g, '') || 'amendment';
  download(`${slug}.rules`, editor.value);
});

async function scenarioFiles() {
  if (!lab.scenarios) {
    const m = await files();
    lab.scenarios = [];
    for (const f of m.scenarios) lab.scenarios.push(`tests/scenarios/${f}`, await (await fetch(`pkg/scenarios/${f}`)).text());
  }
  return lab.scenarios;
}

async function runLab(again) {
  const box = $('#lab-error');
  showError(box, null);
  const usePopulation = $('input[name="pop"]:checked').value === 'files';
  if (!again && usePopulation && !flatFiles().length) { showError(box, t('need_files')); return; }
  const run = $('#lab-run');
  run.disabled = true;
  say('running');
  const seq = ++lab.seq;
  try {
    const args = { ...(again ?? {
      amendments: [lab.name, editor.value], scenarios: await scenarioFiles(), population: usePopulation ? flatFiles() : [],
      generate: usePopulation ? 0 : Math.max(0, Math.min(20000, Number($('#lab-n').value) || 0)),
      on: $('#lab-on').value, search: $('#lab-search').checked, historical: $('#lab-historical').checked,
    }), lang: getLang() };
    const answer = await call('amend', args);
    if (seq !== lab.seq) return;
    if (!answer.ok) { showError(box, answer.error); lab.result = null; $('#lab-results').replaceChildren(); return; }
    lab.args = args;
    lab.result = answer.value;
    lab.ms = answer.ms;
    renderLab(answer.value);
    say('run_lab', {}, `: ${answer.ms} ms`);
  } catch (e) {
    showError(box, String(e.message || e));
  } finally {
    run.disabled = false;
  }
}
$('#lab-run').addEventListener('click', () => runLab());

function badge(kind, text) { return el('span', { class: `badge ${kind}` }, text ?? t(kind)); }

/** Unchanged runs longer than six lines keep three lines of context on each side. */
function hunks(lines) {
  const near = lines.map((_, i) => lines.slice(Math.max(0, i - 3), i + 4).some((l) => l.tag !== ' '));
  const out = [];
  lines.forEach((l, i) => {
    if (near[i]) out.push(l);
    else if (near[i - 1] || i === 0) out.push({ tag: '…', text: '…' });
  });
  return out;
}

function diffColumns(lines) {
  const left = el('pre', { class: 'diff', 'aria-label': t('before') });
  const right = el('pre', { class: 'diff', 'aria-label': t('after') });
  for (const l of hunks(lines)) {
    if (l.tag === '…') {
      left.append(el('span', { class: 'gap' }, '⋯'));
      right.append(el('span', { class: 'gap' }, '⋯'));
      continue;
    }
    if (l.tag !== '+') left.append(el('span', { class: l.tag === '-' ? 'del' : '' }, l.text || ' '));
    if (l.tag !== '-') right.append(el('span', { class: l.tag === '+' ? 'add' : '' }, l.text || ' '));
  }
  return el('div', { class: 'sidebyside' }, el('div', {}, el('h3', {}, t('before')), left), el('div', {}, el('h3', {}, t('after')), right));
}

function renderLab(r) {
  const out = $('#lab-results');
  const names = r.versions.map((v) => v.name);
  const sc = r.scenarios;
  const pop = r.population;

  const versionCards = el('div', { class: 'versions' }, ...r.versions.map((v, i) => {
    const col = pop?.versions[i];
    return el('div', { class: 'version' },
      el('h3', {}, v.name), v.title ? el('p', { class: 'hint' }, v.title) : null,
      el('div', {}, `${t('scenarios')}: `, el('span', { class: 'n' }, `${sc.passed[i]}`), ` ${t('scenarios_passed')}`),
      col ? (col.error ? el('div', { class: 'hint' }, `${t('cannot_judge')}: ${col.error}`)
        : [el('div', {}, `${t('s_in_breach')}: `, el('span', { class: 'n' }, col.employees_in_breach)),
          el('div', {}, `${t('s_findings')}: `, el('span', { class: 'n' }, col.findings)),
          el('div', {}, `${t('exposure_before_after')}: `, el('span', { class: 'n' }, money(col.fine_exposure_kzt.max))),
          // The law's horizon: what this version could not judge, and the values it lacks.
          col.undecided ? el('div', { class: 'hint undecided' }, t('lab_undecided', { n: col.undecided, values: col.missing.join(', ') })) : null]) : null);
  }));

  const parts = [el('section', { class: 'box' }, el('h2', {}, t('versions')), versionCards)];

  if (pop) {
    parts.push(el('section', { class: 'box', id: 'lab-population' }, el('h2', {}, `${t('pop_title')} (${pop.employees}; ${pop.as_of})`),
      pop.compared ? el('div', { class: 'cards' },
        card(pop.newly_in_breach, t('newly'), pop.newly_in_breach_ids.slice(0, 20).join(', ')),
        card(pop.no_longer_in_breach, t('no_longer'), pop.no_longer_in_breach_ids.slice(0, 20).join(', ')),
        card(`${money(pop.fine_exposure_kzt.before)} → ${money(pop.fine_exposure_kzt.after)}`, t('exposure_before_after')))
        : el('p', { class: 'hint' }, t('cannot_compare')),
      pop.by_citation.length ? el('table', { class: 'compact' },
        el('thead', {}, el('tr', {}, el('th', {}, t('col_article')), ...names.map((n) => el('th', { class: 'num' }, n)))),
        el('tbody', {}, ...pop.by_citation.map((c) => el('tr', {}, el('td', {}, c.citation), ...c.counts.map((n, i) => el('td', { class: 'num' }, pop.versions[i].error ? '—' : n)))))) : null,
      pop.changed_findings.length ? [el('h3', {}, `${t('changed_findings')} (${pop.changed_findings_total})`),
        el('table', { class: 'compact' }, el('tbody', {}, ...pop.changed_findings.slice(0, 50).map((c) => el('tr', {},
          el('td', {}, t(`change_${c.change}`)), el('td', {}, c.employee_id), el('td', {}, c.citation), el('td', {}, `${c.from} – ${c.to}`),
          el('td', {}, c.before), el('td', {}, c.after)))))] : null));
  }

  parts.push(el('section', { class: 'box', id: 'lab-articles' }, el('h2', {}, `${t('articles_changed')} (${r.articles_changed.length})`),
    ...r.articles_changed.map((a) => el('details', { open: r.articles_changed.length <= 3 },
      el('summary', {}, el('strong', {}, a.citation), ` — ${a.title} `, el('span', { class: 'hint' }, `(${a.kind})`)),
      diffColumns(a.diff)))));

  parts.push(el('section', { class: 'box', id: 'lab-scenarios' }, el('h2', {}, t('scenarios')),
    el('p', {}, `${names.map((n, i) => `${n}: ${sc.passed[i]}/${sc.total}`).join(' · ')}. ${t('scenario_changes', { n: sc.changed.length })}`),
    sc.changed.length ? el('table', { class: 'compact' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), ...names.map((n) => el('th', {}, n)))),
      el('tbody', {}, ...sc.changed.map((c) => el('tr', {}, el('td', {}, el('code', {}, c.name)),
        ...c.results.map((x) => el('td', {}, x.present ? badge(x.passed ? 'pass' : 'fail') : badge('absent'),
          x.failures.length ? el('div', { class: 'hint' }, x.failures.join('; ')) : null)))))) : null));

  parts.push(el('section', { class: 'box', id: 'lab-ilo' }, el('h2', {}, t('ilo')),
    r.ilo_notes.length ? el('table', { class: 'compact' }, el('tbody', {}, ...r.ilo_notes.map((n) => el('tr', {},
      el('td', {}, el('strong', {}, n.citation)), el('td', {}, n.title),
      el('td', {}, ...n.status_on.map((s, i) => [i ? ' → ' : '', s ? badge(s, t(s)) : '—'])),
      el('td', { class: 'hint' },
        n.note_changed ? t('note_rewritten') : n.changed_articles.length ? t('note_review', { articles: n.changed_articles.join(', ') }) : null,
        n.condition ? el('div', {}, t('note_condition'), ' ', el('code', {}, n.condition)) : null)))))
      : el('p', {}, t('ilo_none'))));

  if (r.counterexample) {
    const c = r.counterexample;
    const x = c.found;
    parts.push(el('section', { class: 'box', id: 'lab-counterexample' }, el('h2', {}, t('counterexample')),
      x ? [el('p', {}, t('cx_found', { n: c.cases_tried })), el('p', {}, el('strong', {}, x.profile), `; ${x.case}`),
        el('dl', {}, el('dt', {}, names[names.length - 2]), el('dd', {}, x.before.length ? x.before.join('; ') : t('no_breach')),
          el('dt', {}, names[names.length - 1]), el('dd', {}, x.after.length ? x.after.join('; ') : t('no_breach'))),
        el('pre', { class: 'scenario-text' }, x.scenario),
        el('button', { type: 'button', class: 'secondary', onclick: () => navigator.clipboard?.writeText(x.scenario) }, t('copy'))]
        : el('p', {}, t('cx_none', { bounds: c.bounds, n: c.cases_tried }))));
  }
  out.replaceChildren(...parts);
}

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  applyLang(pickLang(), false);
  const today = new Date().toISOString().slice(0, 10);
  $('#fine-date').value = today;
  renderSheet();
  setEditor(TEMPLATE);
  try {
    about = await call('about');
  } catch (e) {
    say('engine_failed', {}, `: ${e.message}`);
    return;
  }
  if (!about.ok) { say('engine_failed', {}, `: ${about.error?.message ?? ''}`); about = null; return; }
  about = about.value;
  $('#about').textContent = `ereje ${about.version} · rules ${about.rules_digest.slice(0, 12)} · ${about.from} – ${about.to}`;
  $('#fine-date').max = about.to;
  if ($('#fine-date').value > about.to) $('#fine-date').value = about.to;
  say('ready', { rules: about.rules, penalties: about.penalties, from: about.from, to: about.to });
  applyLang(getLang(), false);
  $('#run-check').disabled = false;
  $('#lab-run').disabled = false;
  document.body.dataset.ready = 'true';
  await Promise.all([loadPenalties(), loadExamples()]);
  lint();
}
start();
