// The self-check workspace: files in, findings by employee and article, the weekly chart.

import { t, getLang } from './i18n.js';
import { $, el, money, range, day, download, showError, errorText, say } from './ui.js';
import { call, checkInParts, partsFor, engine, restart, Cancelled } from './engine.js';
// ---------------------------------------------------------------------------------------------
// Self-check

/** The filter value for findings about the employer's own records (they have no employee). */
const EMPLOYER = '\u0000employer';
export const check = { files: new Map(), report: null, args: null, shown: 100, seq: 0, running: false };

/** Files larger than this run on the engine built for speed (www/pkg/fast). */
const READ_IN_PAGE = 4 << 20;

/** True when a check of the loaded files needs the fuller engine: a large file, or one the
 * first engine cannot read (a spreadsheet, a CSV not in UTF-8: `inspect` says so). */
export function needsFast() {
  return [...check.files.values()].some((f) => f.size > READ_IN_PAGE || f.u?.fast);
}

/** Adds a file (a File or Blob with its name): the engine says what it understood it as (its
 * table, encoding, delimiter or sheet, header, first rows), which the list shows. */
async function addFile(name, file, named = {}, headers = null) {
  const u = await understand(name, file, named);
  const kind = u.kind ?? null;
  const key = kind ?? `?${name}`;
  // The headers as the file has them (a header named by hand is read under its column's name).
  headers ??= u.columns.map((c) => c.header);
  check.files.set(key, { kind, name, data: file, size: file.size, u, named, headers, month: u.month ? u.month.slice(0, 7) : '' });
  markStale();
  renderFiles();
}

/** How the engine reads a file, with the headers named by hand (`named`: header → column). */
async function understand(name, file, named) {
  const answer = await call('inspect', { file, name, month: '', lang: getLang(), named: namedText(named) });
  return answer.ok ? answer.value : { error: errorText(answer.error), columns: [], first_rows: [] };
}

/** The headers named by hand as the engine takes them: `header␟column␞…` (`-`: not used). */
function namedText(named) {
  return Object.entries(named ?? {}).map(([from, to]) => `${from}\u001f${to}\u001e`).join('');
}

/** A header named by hand: the file is read again with it. */
async function rename(key, header, column) {
  const f = check.files.get(key);
  if (!f) return;
  const named = { ...f.named, [header]: column };
  check.files.delete(key);
  await addFile(f.name, f.data, named, f.headers);
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
  if (f.u.error) return f.u.error;
  return f.u.nearest ? t('kind_missing', { kind: t(`kind_${f.u.nearest}`), columns: f.u.missing.map((c) => columnTitle(f.u.nearest, c)).join(', ') }) : t('kind_unknown');
}

/** A column of a file in words of the page's language (the engine's `column_titles`); the column's
 * own name when the engine has none. */
function columnTitle(kind, column) {
  const lang = ['en', 'ru', 'kk'].indexOf(getLang());
  const found = engine.about?.column_titles?.find(([k, c]) => k === kind && c === column);
  return found ? found[2][lang] : column;
}

/** An input error's column: the header as the file has it, with what it holds in words. */
function errorColumn(x) {
  if (!x.column) return x.column_name ?? '';
  const kind = [...check.files.values()].find((f) => f.name === x.file)?.kind;
  const said = kind ? columnTitle(kind, x.column) : x.column;
  return x.column_name && x.column_name !== said ? `${x.column_name} (${said})` : said;
}

/** How a file was understood, for the list: how it is written, its header's columns, what is
 * not used, its first rows as read; a табель's month can be set by hand, the table changed. */
function understood(key, f) {
  const u = f.u;
  const box = el('details', { class: 'understood' }, el('summary', {}, t('u_how')));
  const facts = [];
  if (u.dialect?.sheet) facts.push(t('u_sheet', { sheet: u.dialect.sheet, sheets: u.dialect.sheets.join(', ') }));
  else if (u.dialect) facts.push(t('u_written', { charset: u.dialect.charset, delimiter: u.dialect.delimiter === '\t' ? t('u_tab') : u.dialect.delimiter }));
  if (u.header_line) facts.push(t('u_header', { line: u.header_line, above: u.title_rows }));
  if (u.tabel) facts.push(t('u_tabel', { employees: u.employees, days: u.rows, leave: u.leave_records }));
  if (facts.length) box.append(el('p', {}, facts.join(' · ')));
  if (u.tabel) {
    const month = el('input', { type: 'month', value: f.month, onchange: (e) => { f.month = e.target.value; markStale(); renderFiles(); } });
    box.append(el('label', { class: 'pick' }, t(u.month_from_title ? 'u_month_title' : 'u_month'), ' ', month));
  }
  const kinds = engine.about?.files ?? [];
  const pick = el('select', { onchange: (e) => {
    check.files.delete(key);
    const kind = e.target.value || null;
    check.files.set(kind ?? `?${f.name}`, { ...f, kind });
    markStale();
    renderFiles();
  } }, el('option', { value: '' }, '—'), ...kinds.map((k) => el('option', { value: k.kind, selected: k.kind === f.kind }, t(`kind_${k.kind}`))));
  box.append(el('label', { class: 'pick' }, t('u_kind'), ' ', pick));
  // Each header (as the file has it) and the column it was read as, which can be changed by
  // hand (not a табель's).
  const kind = u.tabel ? 'timesheet' : (f.kind ?? u.nearest);
  const spec = kinds.find((k) => k.kind === kind);
  const options = spec ? [...spec.required, ...spec.optional] : [];
  const cols = u.columns
    .map((c, i) => ({ ...c, header: f.headers?.[i] || c.header }))
    .filter((c) => c.header && !(u.tabel && c.column === 'date'));
  if (cols.length) {
    box.append(el('ul', { class: 'mapping' }, ...cols.map((c) => {
      const label = c.column ? columnTitle(kind, c.column) : t(c.role === 'unknown' ? 'u_unknown' : 'u_not_needed');
      // The header as the file has it is the user's data (`data`), not the page's words.
      if (u.tabel || !options.length) return el('li', { class: c.role }, el('span', { class: 'data' }, c.header), ` → ${label}`);
      const pick = el('select', { 'aria-label': `${c.header}: ${t('u_column')}`, onchange: (e) => rename(key, c.header, e.target.value) },
        el('option', { value: '-', selected: !c.column }, t('u_not_used')),
        ...options.map((o) => el('option', { value: o, selected: o === c.column }, columnTitle(kind, o))));
      return el('li', { class: c.role }, el('span', { class: 'data' }, c.header), ' → ', pick, f.named?.[c.header] ? ` ${t('u_by_hand')}` : '');
    })));
  }
  if (u.tabel) box.append(el('p', {}, t('u_days', { n: u.columns.filter((c) => c.column === 'date').length })));
  if (u.missing?.length) box.append(el('p', { class: 'bad' }, t('u_missing', { columns: u.missing.map((c) => columnTitle(kind, c)).join(', ') })));
  if (u.first_rows?.length) {
    box.append(el('div', { class: 'table-wrap' }, el('table', { class: 'first-rows' },
      el('caption', {}, t('u_first_rows')),
      el('thead', {}, el('tr', {}, ...u.first_columns.map((c) => el('th', { scope: 'col', title: c }, columnTitle(kind, c))))),
      el('tbody', {}, ...u.first_rows.map((r) => el('tr', {}, ...r.map((c) => el('td', { class: 'data' }, c))))))));
  }
  return box;
}

/** Results on screen that are not of the files now loaded are marked so (and said). */
function markStale() {
  if (!check.report || check.running) return;
  $('#results').classList.add('stale');
  const note = $('#stale-note');
  note.hidden = false;
  note.textContent = t('stale');
}

export function renderFiles() {
  const list = $('#files');
  list.replaceChildren();
  for (const [key, f] of check.files) {
    const base = f.kind ? (f.u.tabel ? t('u_tabel_short', { month: f.month || '?' }) : t('rows', { n: f.u.rows ?? 0 })) : unknownHint(f);
    const hint = f.size > READ_IN_PAGE ? `${base} · ${t('megabytes', { n: (f.size / 1048576).toFixed(1) })}` : base;
    list.append(el('li', { class: f.kind ? '' : 'bad' },
      el('div', { class: 'file' },
        el('span', { class: 'kind' }, f.kind ? t(`kind_${f.kind}`) : '⚠'),
        el('span', {}, f.name),
        el('span', { class: 'hint' }, hint),
        el('button', { type: 'button', 'aria-label': `${t('remove')} ${f.name}`, onclick: () => { check.files.delete(key); markStale(); renderFiles(); } }, '×')),
      understood(key, f)));
  }
  $('#run-check').disabled = !engine.about || check.running;
}

async function readFiles(fileList) {
  for (const f of fileList) await addFile(f.name, f);
}

$('#file-input').addEventListener('change', async (e) => { await readFiles(e.target.files); e.target.value = ''; });
const drop = $('#drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => { e.preventDefault(); drop.classList.remove('over'); await readFiles(e.dataTransfer.files); });
$('#clear-files').addEventListener('click', () => { check.files.clear(); markStale(); renderFiles(); });

let manifest = null;
export async function files() {
  if (!manifest) manifest = await (await fetch('pkg/files.json')).json();
  return manifest;
}

/** Loads example files by name and checks them. */
async function example(names) {
  check.files.clear();
  for (const name of names) {
    await addFile(name, new File([await (await fetch(`pkg/examples/${name}`)).blob()], name));
  }
  $('#enterprise').value = 'medium';
  await runCheck();
}

// The example in the files' own form; and as an HR office has it: a roster with Russian headers
// and a 1C табель for March 2024 in Excel.
$('#example').addEventListener('click', async () => {
  const names = (await files()).examples;
  await example(names.filter((n) => n.endsWith('.csv') && !n.startsWith('tabel') && !n.includes('-ru')));
});
$('#example-tabel').addEventListener('click', () => example(['roster-ru.csv', 'tabel-2024-03.xlsx']));

/** The loaded files as the engine takes them: `[kind, name, file, columns named by hand, …]`
 * (the worker reads each file's bytes). */
export function flatFiles() {
  const out = [];
  for (const f of check.files.values()) if (f.kind) out.push(f.kind, f.name, f.data, namedText(f.named));
  return out;
}

/** Checks the loaded files, or re-asks `again` (the inputs behind the report shown) in the
 * current language. Only the latest run's answer is shown. */
export async function runCheck(again) {
  const box = $('#check-error');
  const kinds = new Set([...check.files.values()].map((f) => f.kind));
  if (!again && (!kinds.has('roster') || !kinds.has('timesheet'))) { showError(box, t('need_files')); return; }
  showError(box, null);
  // Whatever is on screen is of an earlier run: hidden until this one answers.
  $('#results').hidden = true;
  const timesheet = check.files.get('timesheet');
  const month = timesheet?.u?.tabel ? timesheet.month : '';
  const args = { ...(again ?? { files: flatFiles(), enterprise: $('#enterprise').value, as_of: $('#as-of').value, month }), lang: getLang() };
  const fast = again ? check.fast : needsFast();
  const seq = ++check.seq;
  check.running = true;
  const bar = $('#check-bar');
  const progress = $('#check-progress');
  progress.hidden = false;
  bar.value = 0;
  // What the check is doing: reading the files, judging employees, then writing the answer.
  bar.removeAttribute('value');
  $('#check-progress-text').textContent = t('phase_reading');
  $('#run-check').disabled = true;
  try {
    const onProgress = (done, total) => {
      if (seq !== check.seq) return;
      bar.max = Math.max(total, 1);
      bar.value = done;
      $('#check-progress-text').textContent = done >= total ? t('phase_writing') : t('checking', { done, total });
    };
    // A large timesheet is judged across the machine's cores, a run of employees in each worker.
    const large = (timesheet?.size ?? 0) > READ_IN_PAGE;
    const answer = fast && large
      ? await checkInParts(args, onProgress, partsFor())
      : await call('check', args, onProgress, fast);
    if (seq !== check.seq) return;
    if (!answer.ok) {
      showError(box, answer.error);
      check.report = null;
      $('#results').hidden = true;
      return;
    }
    check.args = args;
    check.fast = fast;
    $('#results').classList.remove('stale');
    $('#stale-note').hidden = true;
    check.report = answer.value;
    check.ms = answer.ms;
    check.shown = 100;
    renderReport();
  } catch (e) {
    if (seq === check.seq) {
      check.report = null;
      showError(box, e instanceof Cancelled ? t('cancelled') : String(e.message || e));
    }
  } finally {
    if (seq === check.seq) {
      check.running = false;
      progress.hidden = true;
      $('#run-check').disabled = false;
      // A large check's memory (the fuller module, the files' bytes) is given back.
      if (fast) restart();
    }
  }
}
$('#run-check').addEventListener('click', () => runCheck());
// Cancel stops the worker: its memory is given back and a fresh one answers the next call.
$('#cancel-check').addEventListener('click', () => { ++check.seq; restart(); check.running = false; $('#check-progress').hidden = true; $('#run-check').disabled = false; showError($('#check-error'), t('cancelled')); });

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
      e.offences?.length ? el('div', {}, t('s_per_offence', { n: e.offences.length, m: e.offences.reduce((a, o) => a + o.breaches, 0) })) : null,
      e.unpriced ? el('div', {}, t(Number(e.unpriced_mci_max) > 0 ? 'unpriced' : 'unpriced_warning', { n: e.unpriced, mci: money(e.unpriced_mci_max) })) : null]),
    card(`${s.rows_read} / ${s.rows_rejected}`, t('s_rows')));

  // By article, from the totals of every finding (a large check sends only its first
  // findings), with the citations and titles in the language asked.
  const byCite = new Map(Object.entries(s.by_citation).map(([c, n]) =>
    [c, { title: s.cited[c]?.article_title ?? '', text: s.cited[c]?.text ?? c, n }]));
  const cites = [...byCite.keys()].sort(citeOrder);
  $('#by-article tbody').replaceChildren(...cites.map((c) => el('tr', {},
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => { $('#f-article').value = c; renderFindings(); } }, byCite.get(c).text)),
    el('td', {}, byCite.get(c).title),
    el('td', { class: 'num' }, byCite.get(c).n))));

  // Rules the law's horizon left undecided (a value not yet set by law), in the engine's words.
  $('#undecided-box').hidden = !r.undecided?.length;
  $('#undecided').replaceChildren(...(r.undecided ?? []).map((u) => el('li', {}, u.message)));

  const errors = s.errors;
  $('#input-errors-box').hidden = errors.length === 0;
  $('#input-errors tbody').replaceChildren(...errors.map((x) => el('tr', {},
    el('td', {}, x.file), el('td', { class: 'num' }, x.row ?? ''),
    el('td', {}, errorColumn(x)), el('td', {}, x.message))));

  // Filters.
  const employees = [...new Set(r.findings.map((f) => f.employee_id || EMPLOYER))];
  fillSelect($('#f-employee'), employees.map((x) => [x, x === EMPLOYER ? t('employer_records') : x]));
  fillSelect($('#f-article'), cites.map((c) => [c, `${byCite.get(c).text} — ${byCite.get(c).title}`]));
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
  say('s_findings', {}, `: ${r.findings.length} · ${check.ms} ${t('ms')}`);
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
  const cite = p.citation_text ?? p.citation;
  if (p.kzt_max === null) return `${cite}: ${p.warning_possible ? `${t('warning_or')} ` : ''}${range(p.mci_min, p.mci_max)} ${t('mci')} (${t('mci_unknown')})`;
  const kzt = Number(p.kzt_max) > 0 ? `${range(p.kzt_min, p.kzt_max)} ₸` : '';
  if (Number(p.kzt_max) === 0) return `${cite}: ${t('warning_only')}`;
  const mci = Number(p.mci_max) > 0 ? `${range(p.mci_min, p.mci_max)} ${t('mci')} (${kzt})` : kzt;
  return p.warning_possible ? `${cite}: ${t('warning_or')} ${mci}` : `${cite}: ${mci}`;
}

function steps(list) {
  return el('ul', { class: 'steps' }, ...list.map((s) => el('li', {},
    // The step in words; as the rules write it on hover (for drafters).
    el('span', { class: 'k' }, t(`step_${s.kind}`)), ' ',
    el('span', { class: 'label', title: s.code && s.code !== s.label ? s.code : null }, s.label || day(s.on)),
    s.label && s.on ? ` (${day(s.on)})` : null,
    s.value !== '' ? [' = ', el('span', { class: 'v' }, s.value)] : null,
    s.citation ? ` (${s.citation_text ?? s.citation})` : null,
    s.outcome ? [' — ', el('span', { class: s.outcome_code === 'fails' ? 'o-fails' : '' }, s.outcome)] : null,
    s.since ? el('span', { class: 'hint' }, ` · ${t('since')} ${day(s.since)}${s.source ? `, ${s.source}` : ''}`) : null,
    s.note ? el('span', { class: 'hint' }, ` · ${s.note}`) : null,
    s.because?.length ? steps(s.because) : null)));
}

function findingItem(f) {
  const p = f.penalty;
  return el('li', {}, el('details', { class: `finding ${f.severity}` },
    el('summary', {},
      el('span', { class: 'who' }, f.employee_id || t('employer_records')),
      // The breach as the heading; the rule it breaches below it (its title is the requirement).
      el('span', { class: 'what' }, el('span', { class: 'sev' }, t(f.severity)), ' ', el('strong', {}, f.message), el('br'),
        el('span', { class: 'rule-title' }, `${t('rule_breached')}: ${f.title}`)),
      el('span', { class: 'side' }, el('span', { class: 'cite' }, f.citation_text ?? f.citation), el('br'),
        el('span', { class: 'fine' }, p && Number(p.kzt_max) > 0 ? `${range(p.kzt_min, p.kzt_max)} ₸` : ''))),
    el('div', { class: 'body' },
      el('dl', {},
        el('dt', {}, t('col_period')), el('dd', {}, `${day(f.period.from)} – ${day(f.period.to)}`),
        el('dt', {}, t('col_article')), el('dd', {}, `${f.citation_text ?? f.citation} — ${f.article_title}`),
        f.measured_text ? [el('dt', {}, t('measured')), el('dd', {}, f.measured_text)] : null,
        f.limit_text ? [el('dt', {}, t('allowed')), el('dd', {}, f.limit_text)] : null,
        el('dt', {}, t('penalty')), el('dd', {}, penaltyText(p),
          p?.repeat_citation ? el('div', { class: 'hint' }, `${t('repeat_part')}: ${p.repeat_citation_text ?? p.repeat_citation}, ${range(p.repeat_mci[0], p.repeat_mci[1])} ${t('mci')}`) : null),
        f.remedy ? [el('dt', {}, t('what_to_change')), el('dd', {}, f.remedy)] : null,
        f.confidence ? [el('dt', {}, t('reading')), el('dd', { class: 'hint' }, f.confidence)] : null),
      el('h3', {}, t('why')), f.explanation?.length ? steps(f.explanation) : onDemand(f))));
}

/** The steps of a finding of a large check, worked out by the engine when it is first opened. */
function onDemand(f) {
  const box = el('div', { class: 'hint' }, t('explaining'));
  const args = {
    ...check.args,
    // The check's day, as it found it: the engine then reads the file once for the employee.
    as_of: check.args.as_of || check.report.engine.law_as_of,
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
      const answer = await call('explain_finding', args, undefined, check.fast);
      if (!answer.ok) { box.textContent = errorText(answer.error); return; }
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
  const weeks = h.weeks;
  // A year is 53 weeks: each keeps a slot wide enough for its value, the chart scrolls in its
  // box, and beyond 16 weeks only the first week of each month is labelled (its month).
  const H = 220; const pad = { l: 34, r: 10, t: 12, b: 36 };
  const W = Math.max(560, pad.l + pad.r + weeks.length * 30);
  const many = weeks.length > 16;
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
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, ...(many ? { width: W, class: 'wide' } : {}), role: 'img', 'aria-label': `${t('chart_title')}: ${h.employee_id}` });
  for (const v of [0, 20, 40]) {
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), stroke: '#d0d7de' }), s('text', { x: 2, y: y(v) + 4 }, `${v}`));
  }
  weeks.forEach((w, i) => {
    const x = pad.l + i * bw + bw * 0.15;
    const hours = Number(w.hours);
    const over = w.limit !== null && hours > Number(w.limit);
    const bar = s('rect', { x, y: y(hours), width: bw * 0.7, height: Math.max(0, y(0) - y(hours)), class: over ? 'bar over' : 'bar' });
    bar.append(s('title', {}, `${day(w.from)} – ${day(w.to)}: ${hours} ${t('hours')}${w.limit !== null ? ` / ${t('chart_limit')} ${w.limit}` : ''}`));
    const newMonth = i === 0 || weeks[i - 1].from.slice(0, 7) !== w.from.slice(0, 7);
    const label = !many ? w.from.slice(5) : newMonth ? w.from.slice(0, 7) : '';
    svg.append(bar, s('text', { x: x + bw * 0.35, y: H - pad.b + 14, 'text-anchor': many ? 'start' : 'middle' }, label),
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
  if (!rerun || !check.report || !check.args) return;
  // A small check is asked again in the new language (it takes a moment). A large one is not
  // run again for a language: the page's words change, the engine's stay, and a note offers
  // the check again in the new language.
  if (!check.fast) { runCheck(check.args); return; }
  renderReport();
  const note = $('#stale-note');
  note.hidden = false;
  note.replaceChildren(t('lang_not_rerun'), ' ',
    el('button', { type: 'button', class: 'link', onclick: () => runCheck(check.args) }, t('run_again')));
}

/** The engine is ready. */
export function ready() {
  renderFiles();
  renderColumnsHelp();
  $('#run-check').disabled = false;
}
