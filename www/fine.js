// The fine calculator: a KoAP part, the subject, the dates → MCI, tenge, terms; a sheet of offences.

import { t, getLang } from './i18n.js';
import { $, el, money, range, day, showError } from './ui.js';
import { call } from './engine.js';
// ---------------------------------------------------------------------------------------------
// Fine calculator

export const fine = { penalties: [], last: null, args: null, sheet: [], seq: 0 };

/** Words people search by that the titles do not hold, per KoAP article (in the three
 * languages): "overtime" finds the excess of working time (89) and its pay (87). */
const KEYWORDS = {
  'KoAP 87': 'wages salary pay overtime pay night pay holiday pay late зарплата заработная плата оплата сверхурочных задержка жалақы төлем үстеме',
  'KoAP 88': 'annual leave vacation отпуск ежегодный демалыс',
  'KoAP 89': 'overtime working hours working time shift сверхурочные рабочее время смена переработка үстеме жұмыс уақыты ауысым',
  'KoAP 93': 'safety accident injury охрана труда несчастный случай травма еңбек қауіпсіздігі жазатайым',
};

/** Each part's titles in kk, ru and en with the keywords of its article: what search reads. */
let searchText = new Map();
async function loadSearchText() {
  const langs = await Promise.all(['en', 'ru', 'kk'].map((lang) => call('penalties', { lang })));
  const out = new Map();
  for (const answer of langs) {
    if (!answer.ok) continue;
    for (const p of answer.value) {
      const article = p.citation.replace(/\.[^.]*$/, '');
      out.set(p.citation, `${out.get(p.citation) ?? KEYWORDS[article] ?? ''} ${p.citation} ${p.citation_text} ${p.article_title} ${p.title}`.toLowerCase());
    }
  }
  searchText = out;
}

export async function loadPenalties() {
  const answer = await call('penalties', { lang: getLang() });
  if (!answer.ok) return;
  fine.penalties = answer.value;
  if (!searchText.size) await loadSearchText();
  filterOffences();
}

function filterOffences() {
  const q = $('#offence-search').value.trim().toLowerCase();
  const select = $('#offence');
  const keep = select.value;
  const list = fine.penalties.filter((p) => !q || (searchText.get(p.citation) ?? `${p.citation} ${p.article_title} ${p.title}`.toLowerCase()).includes(q));
  select.replaceChildren(...list.map((p) => el('option', { value: p.citation, title: `${p.article_title}` }, `${p.citation_text} — ${p.title}`)));
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

export async function computeFine(again) {
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
export async function relabelSheet() {
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
  // Citations and acts as the engine says them in the page's language.
  const cite = (what) => (f.citations_text ?? f.citations).find(([k]) => k === what)?.[1] ?? '';
  // A share of an unpaid sum (KoAP 91.7, 92.3) has its amount in tenge only.
  const unknown = f.mci_value === null && f.mci_amount !== null;
  const amount = f.share
    ? `${Number(f.share) * 100} % ${t('of_unpaid')}${Number(f.kzt_max) > 0 ? ` = ${kzt} ₸` : ` — ${t('give_unpaid')}`}`
    : unknown ? `${mci} ${t('mci')} — ${t('mci_unknown')} (${cite('mci')})`
      : `${mci} ${t('mci')} × ${money(f.mci_value)} ₸ (${cite('mci')}; ${f.mci_source_text ?? ''})`;
  // A part whose only penalty is a warning: no amount, nothing to pay (and no payment term).
  const warningOnly = !unknown && !f.share && !(Number(f.kzt_max) > 0);
  $('#fine-result').replaceChildren(el('div', { class: 'fine-result', id: 'fine-summary' },
    el('h2', {}, `${f.citation_text} — ${f.title}`),
    el('p', { class: 'hint' }, f.article_title),
    el('p', { class: 'fine-amount' }, unknown ? `${mci} ${t('mci')}` : Number(f.kzt_max) > 0 ? `${kzt} ₸` : f.share ? t('give_unpaid') : t('warning_only')),
    el('dl', {},
      warningOnly ? null : [el('dt', {}, t('amount')), el('dd', {}, amount)],
      f.warning_possible && !warningOnly ? [el('dt', {}, t('warning_label')), el('dd', {}, t('warning_possible'))] : null,
      el('dt', {}, t('subject')), el('dd', {}, t(f.subject)),
      el('dt', {}, t('sanction')), el('dd', {}, `${cite('sanction')}, ${t('since')} ${day(f.sanction_since)}${f.sanction_source_text ? ` (${f.sanction_source_text})` : ''}`,
        f.offence_date !== f.date ? el('div', { class: 'hint' }, `${t('offence_date')}: ${day(f.offence_date)}`) : null),
      warningOnly ? null : [el('dt', {}, t('pay_by')), el('dd', {}, `${f.pay_within_days ?? ''} ${t('days')} ${t('of_decision')} (${cite('payment')})`)],
      f.appeal_within_days ? [el('dt', {}, t('appeal_by')), el('dd', {}, `${f.appeal_within_days} ${t('days')} ${t('of_delivery')} (${cite('appeal')})`)] : null,
      f.reduced_kzt ? [el('dt', {}, t('reduced')), el('dd', {}, `${money(f.reduced_kzt)} ₸ — ${day(f.reduced_by)} (${cite('reduced_share')}, ${cite('reduced_days')})`)] : null),
    ));
}

$('#add-sheet').addEventListener('click', () => {
  if (!fine.last) return;
  fine.sheet.push({ ...fine.last, args: fine.args });
  renderSheet();
});

export function renderSheet() {
  const body = $('#sheet tbody');
  if (!fine.sheet.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'hint' }, t('sheet_empty'))));
    $('#sheet tfoot').replaceChildren();
    return;
  }
  body.replaceChildren(...fine.sheet.map((f, i) => el('tr', {},
    el('td', {}, i + 1),
    el('td', {}, `${f.citation_text}${f.repeat ? ` (${t('repeat_part')})` : ''} — ${f.title}`),
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

/** The calculator's first state: today's date, an empty sheet. */
export function init() {
  $('#fine-date').value = new Date().toISOString().slice(0, 10);
  renderSheet();
}

/** The engine is ready: dates up to the law's horizon, the list of KoAP parts. */
export function ready(about) {
  $('#fine-date').max = about.to;
  if ($('#fine-date').value > about.to) $('#fine-date').value = about.to;
  return loadPenalties();
}

/** Says the calculator again in the language now chosen. */
export function relabel() {
  loadPenalties();
  if (fine.last && fine.args) computeFine(fine.args);
  relabelSheet();
}
