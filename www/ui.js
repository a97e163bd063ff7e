// Small helpers the workspaces share: building elements, amounts in the page's language,
// downloads, errors, and the status line.

import { t, getLang } from './i18n.js';
// ---------------------------------------------------------------------------------------------
// Small helpers

export const $ = (sel, root = document) => root.querySelector(sel);

/** An element: `el('td', {class: 'num'}, 'text', child)`; strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
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
export function money(x) {
  const n = Number(x);
  if (!Number.isFinite(n)) return String(x ?? '');
  return n.toLocaleString(LOCALES[getLang()], { maximumFractionDigits: 2 });
}
/** An ISO date as the page's language writes it (the engine's form: `04.03.2024` in Russian
 * and Kazakh, ISO in English); anything else as it is. */
export function day(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m && getLang() !== 'en' ? `${m[3]}.${m[2]}.${m[1]}` : (iso ?? '');
}
export function range(a, b) { return String(a) === String(b) ? money(a) : `${money(a)} – ${money(b)}`; }

export function download(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An engine's failure in words: said in the page's language when the engine says it so. */
export function errorText(failure) {
  return failure?.said?.[getLang()] ?? failure?.message ?? String(failure ?? '');
}

export function showError(box, failure) {
  box.hidden = !failure;
  box.replaceChildren();
  if (!failure) return;
  if (typeof failure === 'string') { box.append(failure); return; }
  // A refusal the engine says in every language, in the page's; the others as they come.
  box.append(el('strong', {}, errorText(failure)));
  if (failure.rendered && failure.rendered !== failure.message) box.append(el('pre', {}, failure.rendered));
}

// The status line is kept as a key and its values, so a language switch can say it again.
const status = $('#status');
let statusNow = ['loading', {}];
export function say(key, vars = {}, extra = '') {
  statusNow = [key, vars, extra];
  status.textContent = `${t(key, vars)}${extra}`;
}

/** Says the status line again, in the language now chosen. */
export function resay() {
  say(statusNow[0], statusNow[1], statusNow[2] ?? '');
}
