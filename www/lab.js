// The amendment lab: the editor with live diagnostics, the examples, the versions compared.

import { t, getLang } from './i18n.js';
import { $, el, money, range, day, download, showError, say } from './ui.js';
import { call, engine } from './engine.js';
import { card, files, flatFiles, needsFast } from './check.js';
// ---------------------------------------------------------------------------------------------
// Amendment lab

export const lab = { result: null, args: null, scenarios: null, name: 'amendment.rules', examples: [], seq: 0, exampleSeq: 0 };
const editor = $('#editor');
const highlight = $('#highlight');

export const TEMPLATE = `# A change to the law, in the rule language. Each change names the provision it changes.
amendment "My proposal" {
  title en "What the proposal does"
        ru "Что делает предложение"
        kk "Ұсыныс не істейді"

  set overtime_per_month from 2027-01-01 = 10 h
}
`;

// The keywords come from the engine (`about.keywords`), so the page copies nothing of the grammar.
let KEYWORDS = new Set();
export function useKeywords(list) {
  KEYWORDS = new Set(list);
  paint();
}

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
  // An error at the end of the text (a missing `}`) has nothing under it: the last character
  // written is underlined instead.
  if (end <= start || !text.slice(start, end).trim()) {
    let last = Math.min(start, text.length) - 1;
    while (last > 0 && /\s/.test(text[last])) last--;
    return [Math.max(0, last), Math.max(0, last) + 1];
  }
  return [start, end];
}

let diagnostics = [];
/** Characters past which the editor is not highlighted: a pasted file of megabytes would make
 * tens of thousands of spans at each keystroke (the engine refuses rule files over 1 MB anyway). */
const HIGHLIGHT_UP_TO = 200_000;
function paint() {
  const text = editor.value;
  if (text.length > HIGHLIGHT_UP_TO) { highlight.textContent = `${text}\n`; return; }
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

export async function lint() {
  if (!engine.about) return;
  const seq = ++lintSeq;
  const answer = await call('lint', { amendments: [lab.name, editor.value], lang: getLang() });
  if (seq !== lintSeq) return;
  const box = $('#diagnostics');
  if (answer.ok) {
    diagnostics = [];
    const v = answer.value;
    // The amendments' names are their drafters' own text, set apart from the page's words.
    const [before, after] = t('lint_ok', {
      versions: '\u0000', articles: v.articles_changed.length ? v.articles_changed_text.join(', ') : t('lint_none'),
    }).split('\u0000');
    box.replaceChildren(el('span', { class: 'ok' }, '✓ ', before, el('span', { class: 'data' }, v.versions.join(', ')), after));
  } else {
    showProblems(answer.error);
  }
  paint();
}

/** Lists an answer's errors under the editor, each a link to its place, and underlines them. */
function showProblems(error) {
  diagnostics = error.errors ?? [];
  const items = diagnostics.length ? diagnostics : [{ message: error.message, said: error.said, labels: [] }];
  const lang = getLang();
  $('#diagnostics').replaceChildren(el('strong', {}, t('lint_errors', { n: items.length })), el('ul', {}, ...items.map((d) => {
    const here = d.labels.find((l) => l.file === lab.name) ?? d.labels[0];
    return el('li', {},
      here ? el('button', { type: 'button', onclick: () => here.file === lab.name && goTo(here) }, `${here.file}:${here.line}:${here.column}`) : null,
      // The message and its advice in the page's language, as the engine says them.
      ' ', d.said?.[lang] ?? d.message, d.help ? el('span', { class: 'hint' }, ` — ${d.help_said?.[lang] ?? d.help}`) : null);
  })));
  paint();
}

export function setEditor(text, name = 'amendment.rules') {
  editor.value = text;
  lab.name = name;
  diagnostics = [];
  paint();
  lint();
}

export async function loadExamples() {
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
// A new draft is a proposal: not already law, judged on its own dates.
$('#lab-new').addEventListener('click', () => {
  $('#lab-example').value = '';
  $('#lab-historical').checked = false;
  $('#lab-on').value = '';
  setEditor(TEMPLATE);
});
$('#lab-open').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  if (f) setEditor(await f.text(), f.name);
  e.target.value = '';
});
$('#lab-format').addEventListener('click', async () => {
  const answer = await call('format', { name: lab.name, text: editor.value });
  if (!answer.ok) { showProblems(answer.error); say('format_failed'); return; }
  if (answer.value !== editor.value) setEditor(answer.value, lab.name);
  say('formatted');
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

export async function runLab(again) {
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
    const answer = await call('amend', args, undefined, usePopulation && needsFast());
    if (seq !== lab.seq) return;
    if (!answer.ok) { showError(box, answer.error); lab.result = null; $('#lab-results').replaceChildren(); return; }
    lab.args = args;
    lab.result = answer.value;
    lab.ms = answer.ms;
    renderLab(answer.value);
    say('run_lab', {}, `: ${answer.ms} ${t('ms')}`);
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
  // The law the amendments start from by its title in words; an amendment by the name its
  // drafter gave it (the drafter's own text).
  const names = r.versions.map((v, i) => (i === 0 ? v.title : v.name));
  // Citations in the language's legal form, as the engine says them.
  const cite = (c) => r.citations?.[c] ?? c;
  // A version's name where it stands in a sentence or a header: an amendment's is its drafter's text.
  const named = (i) => (i === 0 ? names[0] : el('span', { class: 'data' }, names[i]));
  const sc = r.scenarios;
  const pop = r.population;

  const versionCards = el('div', { class: 'versions' }, ...r.versions.map((v, i) => {
    const col = pop?.versions[i];
    return el('div', { class: 'version' },
      i === 0 ? el('h3', {}, v.title) : [el('h3', { class: 'data' }, v.name), v.title ? el('p', { class: 'hint' }, v.title) : null],
      el('div', {}, `${t('scenarios')}: `, el('span', { class: 'n' }, `${sc.passed[i]}`), ` ${t('scenarios_passed')}`),
      col ? (col.error ? el('div', { class: 'hint' }, `${t('cannot_judge')}: ${col.error}`)
        : [el('div', {}, `${t('s_in_breach')}: `, el('span', { class: 'n' }, col.employees_in_breach)),
          el('div', {}, `${t('s_findings')}: `, el('span', { class: 'n' }, col.findings)),
          el('div', {}, `${t('exposure_before_after')}: `, el('span', { class: 'n' }, money(col.fine_exposure_kzt.max))),
          // Fines past the last budget year are in MCI only: said, not counted as zero.
          col.fine_exposure_kzt.unpriced ? el('div', { class: 'hint' }, t(Number(col.fine_exposure_kzt.unpriced_mci_max) > 0 ? 'unpriced' : 'unpriced_warning', { n: col.fine_exposure_kzt.unpriced, mci: money(col.fine_exposure_kzt.unpriced_mci_max) })) : null,
          // The law's horizon: what this version could not judge, and the values it lacks.
          col.undecided ? el('div', { class: 'hint undecided' }, t('lab_undecided', { n: col.undecided, values: col.missing.join(', ') })) : null]) : null);
  }));

  const parts = [el('section', { class: 'box' }, el('h2', {}, t('versions')), versionCards)];

  if (pop) {
    parts.push(el('section', { class: 'box', id: 'lab-population' }, el('h2', {}, `${t('pop_title')} (${pop.employees}; ${day(pop.as_of)})`),
      pop.compared ? el('div', { class: 'cards' },
        card(pop.newly_in_breach, t('newly'), pop.newly_in_breach_ids.slice(0, 20).join(', ')),
        card(pop.no_longer_in_breach, t('no_longer'), pop.no_longer_in_breach_ids.slice(0, 20).join(', ')),
        card(`${money(pop.fine_exposure_kzt.before)} → ${money(pop.fine_exposure_kzt.after)}`, t('exposure_before_after')))
        : el('p', { class: 'hint' }, t('cannot_compare')),
      pop.by_citation.length ? el('table', { class: 'compact' },
        el('thead', {}, el('tr', {}, el('th', {}, t('col_article')), ...names.map((n, i) => el('th', { class: 'num' }, named(i))))),
        el('tbody', {}, ...pop.by_citation.map((c) => el('tr', {}, el('td', {}, cite(c.citation)), ...c.counts.map((n, i) => el('td', { class: 'num' }, pop.versions[i].error ? '—' : n)))))) : null,
      pop.changed_findings.length ? [el('h3', {}, `${t('changed_findings')} (${pop.changed_findings_total})`),
        el('table', { class: 'compact' }, el('tbody', {}, ...pop.changed_findings.slice(0, 50).map((c) => el('tr', {},
          el('td', {}, t(`change_${c.change}`)), el('td', { class: 'data' }, c.employee_id), el('td', {}, cite(c.citation)), el('td', {}, `${c.from} – ${c.to}`),
          el('td', {}, c.before), el('td', {}, c.after)))))] : null));
  }

  parts.push(el('section', { class: 'box', id: 'lab-articles' }, el('h2', {}, `${t('articles_changed')} (${r.articles_changed.length})`),
    ...r.articles_changed.map((a) => el('details', { open: r.articles_changed.length <= 3 },
      el('summary', {}, el('strong', {}, cite(a.citation)), ` — ${a.title} `, el('span', { class: 'hint' }, `(${t(`article_${a.kind}`)})`)),
      diffColumns(a.diff)))));

  parts.push(el('section', { class: 'box', id: 'lab-scenarios' }, el('h2', {}, t('scenarios')),
    el('p', {}, ...names.map((n, i) => [i ? ' · ' : '', named(i), `: ${sc.passed[i]}/${sc.total}`]), `. ${t('scenario_changes', { n: sc.changed.length })}`),
    sc.changed.length ? el('table', { class: 'compact' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), ...names.map((n, i) => el('th', {}, named(i))))),
      el('tbody', {}, ...sc.changed.map((c) => el('tr', {}, el('td', {}, el('code', {}, c.name)),
        ...c.results.map((x) => el('td', {}, x.present ? badge(x.passed ? 'pass' : 'fail') : badge('absent'),
          // What the scenario expected, in the rule language; what was found, in words.
          ...x.failures.map((f) => el('div', { class: 'hint' }, f.expected ? [el('code', {}, f.expected), ' — '] : null, f.found)))))))) : null));

  parts.push(el('section', { class: 'box', id: 'lab-ilo' }, el('h2', {}, t('ilo')),
    r.ilo_notes.length ? el('table', { class: 'compact' }, el('tbody', {}, ...r.ilo_notes.map((n) => el('tr', {},
      el('td', {}, el('strong', {}, cite(n.citation))), el('td', {}, n.title),
      el('td', {}, ...n.status_on.map((s, i) => [i ? ' → ' : '', s ? badge(s, t(s)) : '—'])),
      el('td', { class: 'hint' },
        n.note_changed ? t('note_rewritten') : n.changed_articles.length ? t('note_review', { articles: n.changed_articles.map(cite).join(', ') }) : null,
        n.condition ? el('div', {}, t('note_condition'), ' ', el('code', {}, n.condition)) : null)))))
      : el('p', {}, t('ilo_none'))));

  if (r.counterexample) {
    const c = r.counterexample;
    const x = c.found;
    parts.push(el('section', { class: 'box', id: 'lab-counterexample' }, el('h2', {}, t('counterexample')),
      x ? [el('p', {}, t('cx_found', { n: c.cases_tried })), el('p', {}, el('strong', {}, x.profile), `; ${x.case}`),
        el('dl', {}, el('dt', {}, named(names.length - 2)), el('dd', {}, x.before.length ? x.before.join('; ') : t('no_breach')),
          el('dt', {}, named(names.length - 1)), el('dd', {}, x.after.length ? x.after.join('; ') : t('no_breach'))),
        el('pre', { class: 'scenario-text' }, x.scenario),
        el('button', { type: 'button', class: 'secondary', onclick: () => navigator.clipboard?.writeText(x.scenario) }, t('copy'))]
        : el('p', {}, t('cx_none', { bounds: c.bounds, n: c.cases_tried }))));
  }
  out.replaceChildren(...parts);
}

/** The lab's first state: the template in the editor. */
export function init() {
  setEditor(TEMPLATE);
}

/** The engine is ready: its keywords, the examples, the first diagnostics. */
export async function ready(about) {
  useKeywords(about.keywords);
  $('#lab-run').disabled = false;
  await loadExamples();
  lint();
}

/** Says the lab again in the language now chosen. */
export function relabel() {
  if (lab.result && lab.args) runLab(lab.args);
  lint();
}
