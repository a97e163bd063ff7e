// The page: three workspaces over one engine running in a Web Worker. No request leaves the
// page's origin and nothing is stored: files are read in memory, results saved only on demand.

import { setLang, getLang, translate, t, LANGS } from './i18n.js';
import { $, say, resay, day } from './ui.js';
import { call, engine } from './engine.js';
import * as Check from './check.js';
import * as Fine from './fine.js';
import * as Lab from './lab.js';

// ---------------------------------------------------------------------------------------------
// Language and tabs

function pickLang() {
  const wanted = (navigator.language || 'en').slice(0, 2);
  return LANGS[wanted] ? wanted : 'en';
}

function applyLang(l, rerun = true) {
  setLang(l);
  translate();
  const about = engine.about;
  if (about) $('#about').textContent = `ereje ${about.version} · ${t('rules_digest')} ${about.rules_digest.slice(0, 12)} · ${day(about.from)} – ${day(about.to)}`;
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === getLang()));
  resay();
  // What is on screen is asked again with the same inputs, in the new language.
  Check.relabel(rerun);
  if (!rerun) return;
  Fine.relabel();
  Lab.relabel();
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
// Start

async function start() {
  applyLang(pickLang(), false);
  Fine.init();
  Lab.init();
  try {
    engine.about = await call('about');
  } catch (e) {
    say('engine_failed', {}, `: ${e.message}`);
    return;
  }
  if (!engine.about.ok) { say('engine_failed', {}, `: ${engine.about.error?.message ?? ''}`); engine.about = null; return; }
  engine.about = engine.about.value;
  const about = engine.about;
  say('ready', { rules: about.rules, penalties: about.penalties, from: day(about.from), to: day(about.to) });
  applyLang(getLang(), false);
  Check.ready();
  document.body.dataset.ready = 'true';
  await Promise.all([Fine.ready(about), Lab.ready(about)]);
}
start();
