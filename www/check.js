// The self-check workspace: files in, findings by employee and article, the weekly chart.

import { t, getLang } from './i18n.js';
import { $, el, money, range, download, showError, say } from './ui.js';
import { call, engine } from './engine.js';
// ---------------------------------------------------------------------------------------------
// Self-check

/** The filter value for findings about the employer's own records (they have no employee). */
const EMPLOYER = '\u0000employer';
export const check = { files: new Map(), report: null, args: null, shown: 100, seq: 0, running: false };

/** The first line's column names. */
function headerOf(text) {
  return new Set(text.split(/\r?\n/, 1)[0].toLowerCase().split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '')));
}

/** Which file it is: by its name, else by its header — the kind whose required columns (as the
 * engine reads them, `about.files`) the header holds, the most specific first. */
function kindOf(name, text) {
  const kinds = engine.about?.files ?? [];
  const n = name.toLowerCase();
  for (const { kind } of kinds) if (n.includes(kind.replace(/s$/, ''))) return kind;
  const header = headerOf(text);
  const fits = kinds
    .filter((f) => f.required.every((c) => header.has(c)))
    .sort((a, b) => b.required.length - a.required.length);
  return fits[0]?.kind ?? null;
}

/** For a file of no known kind: the kind its header comes closest to (most required columns
 * present, beyond the id) and the required columns it lacks, or null. */
function nearest(text) {
  const header = headerOf(text);
  let best = null;
  for (const f of engine.about?.files ?? []) {
    const present = f.required.slice(1).filter((c) => header.has(c)).length;
    if (present > 0 && (!best || present > best.present)) {
      best = { kind: f.kind, present, missing: f.required.filter((c) => !header.has(c)) };
    }
  }
  return best;
}

/** Files larger than this are not read in the page: the worker reads them when they are
 * checked, so the page never holds a copy of a large timesheet. */
const READ_IN_PAGE = 4 << 20;

/** Adds a file: its text, or for a large one the file itself (`data`) and its first lines
 * (`head`, enough to tell its kind). */
function addFile(name, text, file, firstBytes) {
  const head = text ?? firstBytes ?? '';
  const kind = kindOf(name, head);
  const rows = text === undefined ? null : Math.max(0, text.split(/\r?\n/).filter((l) => l.trim()).length - 1);
  const size = file?.size ?? text.length;
  check.files.set(kind ?? `?${name}`, { kind, name, data: file ?? text, head, rows, size });
  renderFiles();
}

/** What each file holds, column by column, in the current language: `ereje columns` writes it
 * from the engine's schema at build time (`www/build`), so the texts stay out of the module. */
let columnsHelp = null;
async function renderColumnsHelp() {
  columnsHelp ??= fetch('pkg/columns.json').then((r) => r.json()).catch(() => []);
  const files = await columnsHelp;
  const lang = getLang();
  $('#columns-help-body').replaceChildren(...files.map((f) => el('section', {},
    el('h4', {}, `${t(`kind_${f.kind}`)} — ${f.kind}.csv`),
    el('dl', {}, ...f.columns.flatMap((c) => [
      el('dt', {}, c.required ? el('strong', {}, c.name) : c.name),
      el('dd', {}, c[lang]),
    ])))));
}

/** Why a file's kind is not known, in words. */
function unknownHint(f) {
  const near = nearest(f.head);
  return near ? t('kind_missing', { kind: t(`kind_${near.kind}`), columns: near.missing.join(', ') }) : t('kind_unknown');
}

export function renderFiles() {
  const list = $('#files');
  list.replaceChildren();
  for (const [key, f] of check.files) {
    list.append(el('li', { class: f.kind ? '' : 'bad' },
      el('span', { class: 'kind' }, f.kind ? t(`kind_${f.kind}`) : '⚠'),
      el('span', {}, f.name),
      el('span', { class: 'hint' }, f.kind ? (f.rows === null ? t('megabytes', { n: (f.size / 1048576).toFixed(1) }) : t('rows', { n: f.rows })) : unknownHint(f)),
      el('button', { type: 'button', 'aria-label': `${t('remove')} ${f.name}`, onclick: () => { check.files.delete(key); renderFiles(); } }, '×')));
  }
  $('#run-check').disabled = !engine.about || check.running;
}

async function readFiles(fileList) {
  for (const f of fileList) {
    if (f.size > READ_IN_PAGE) addFile(f.name, undefined, f, await f.slice(0, 65536).text());
    else addFile(f.name, await f.text());
  }
}

$('#file-input').addEventListener('change', async (e) => { await readFiles(e.target.files); e.target.value = ''; });
const drop = $('#drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => { e.preventDefault(); drop.classList.remove('over'); await readFiles(e.dataTransfer.files); });
$('#clear-files').addEventListener('click', () => { check.files.clear(); renderFiles(); });

let manifest = null;
export async function files() {
  if (!manifest) manifest = await (await fetch('pkg/files.json')).json();
  return manifest;
}

$('#example').addEventListener('click', async () => {
  check.files.clear();
  for (const name of (await files()).examples) addFile(name, await (await fetch(`pkg/examples/${name}`)).text());
  $('#enterprise').value = 'medium';
  await runCheck();
});

/** The loaded files as the engine takes them: `[kind, name, text, …]` (a large file as the file
 * itself: the worker reads it). */
export function flatFiles() {
  const out = [];
  for (const f of check.files.values()) if (f.kind) out.push(f.kind, f.name, f.data);
  return out;
}

/** Checks the loaded files, or re-asks `again` (the inputs behind the report shown) in the
 * current language. Only the latest run's answer is shown. */
export async function runCheck(again) {
  const box = $('#check-error');
  const kinds = new Set([...check.files.values()].map((f) => f.kind));
  if (!again && (!kinds.has('roster') || !kinds.has('timesheet'))) { showError(box, t('need_files')); return; }
  showError(box, null);
  const args = { ...(again ?? { files: flatFiles(), enterprise: $('#enterprise').value, as_of: $('#as-of').value }), lang: getLang() };
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

export function card(n, label, note) {
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
    card(r.findings_total ?? r.findings.length, t('s_findings')),
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
  $('#chart-part').hidden = r.hours.length >= s.employees;
  $('#chart-part').textContent = t('chart_part', { n: r.hours.length, total: s.employees });
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
      el('h3', {}, t('why')), f.explanation?.length ? steps(f.explanation) : onDemand(f))));
}

/** The steps of a finding of a large check, worked out by the engine when it is first opened. */
function onDemand(f) {
  const box = el('div', { class: 'hint' }, t('explaining'));
  const args = {
    ...check.args,
    employee: f.employee_id,
    rule: f.rule,
    from: f.period.from,
    to: f.period.to,
    record: f.record?.id ?? '',
  };
  let asked = false;
  // Asked once, when the finding is opened (its <details> is the box's grandparent).
  queueMicrotask(() => box.closest('details')?.addEventListener('toggle', async (event) => {
    if (asked || !event.target.open) return;
    asked = true;
    try {
      const answer = await call('explain_finding', args);
      if (!answer.ok) { box.textContent = answer.error.message; return; }
      f.explanation = answer.value.explanation;
      box.replaceWith(steps(f.explanation));
    } catch (e) {
      box.textContent = String(e.message || e);
    }
  }));
  return box;
}

function renderFindings() {
  const list = filtered();
  const shown = list.slice(0, check.shown);
  $('#findings').replaceChildren(...(list.length ? shown.map(findingItem) : [el('li', {}, t('no_findings'))]));
  const r = check.report;
  $('#shown').textContent = r.explained === false && r.findings_total > r.findings.length
    ? t('findings_brief', { shown: r.findings.length, total: r.findings_total })
    : t('shown', { shown: shown.length, total: list.length });
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

/** Says the workspace again in the language now chosen; `rerun` asks the engine again for the
 * report on screen (its words come from the engine). */
export function relabel(rerun) {
  renderFiles();
  renderColumnsHelp();
  if (rerun && check.report && check.args) runCheck(check.args);
}

/** The engine is ready. */
export function ready() {
  // Files dropped before the engine was ready are named now, by their headers.
  for (const [key, f] of [...check.files]) {
    if (f.kind) continue;
    const kind = kindOf(f.name, f.head);
    if (kind) { check.files.delete(key); check.files.set(kind, { ...f, kind }); }
  }
  renderFiles();
  renderColumnsHelp();
  $('#run-check').disabled = false;
}
