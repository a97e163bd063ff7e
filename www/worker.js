// The engine runs here, off the page's thread, so a large timesheet never freezes the page.
// Messages: {id, fn, args} in; {id, progress: [done, total]} and {id, result} or {id, error} out.
// `result` is the engine's own answer: {ok, value} or {ok: false, error: {message, rendered, errors}}.
// A call's plain fields cross by name as [name, value, …] (`form`), its files as arrays: the
// engine refuses a name it does not read, so nothing here depends on the order of arguments.

import init, * as small from './pkg/ereje.js';

/** The plain (non-array) fields of `args` as `[name, value, …]`. */
const form = (args) => Object.entries(args)
  .filter(([, value]) => !Array.isArray(value))
  .flatMap(([name, value]) => [name, String(value ?? '')]);

const ready = init().then(() => JSON.parse(small.about()));

/** The engine built for speed (www/pkg/fast), for large files: fetched the first time one is
 * checked, so the page's first load stays small. Same source, same answers. */
let fast = null;
function fastEngine() {
  fast ??= import('./pkg/fast/ereje.js').then(async (m) => { await m.default(); return m; });
  return fast;
}

/** The texts of the large files of the last call, by name, size and date (a file crosses to
 * the worker as a new object each time, so it is known by these). */
let read = new Map();

/** The texts of a call's large files: those of the last call are reused, others let go. */
async function texts(list) {
  const next = new Map();
  const out = list.map((x) => {
    if (!(x instanceof Blob)) return x;
    const key = `${x.name}\u0000${x.size}\u0000${x.lastModified}`;
    const text = read.get(key) ?? next.get(key) ?? x.text();
    next.set(key, text);
    return text;
  });
  read = next;
  return Promise.all(out);
}

self.onmessage = async (event) => {
  const { id, fn, args } = event.data;
  try {
    if (fn === 'about') {
      self.postMessage({ id, result: await ready });
      return;
    }
    await ready;
    const t0 = performance.now();
    // A large file comes as the file itself (check.js): such a call runs on the fast engine.
    const large = ['files', 'population'].some((key) => Array.isArray(args[key]) && args[key].some((x) => x instanceof Blob));
    const ereje = large ? await fastEngine() : small;
    // A large file comes as the file itself and is read here; the texts of the last call's
    // files are kept, so that explaining a finding does not read a large timesheet again.
    for (const key of ['files', 'population']) {
      if (Array.isArray(args[key]) && args[key].some((x) => x instanceof Blob)) args[key] = await texts(args[key]);
    }
    let text;
    if (fn === 'check') {
      const onProgress = (done, total) => self.postMessage({ id, progress: [done, total] });
      text = ereje.check(form(args), args.files, onProgress);
    } else if (fn === 'explain_finding') {
      text = ereje.explain_finding(form(args), args.files);
    } else if (fn === 'fine') {
      text = ereje.fine(form(args));
    } else if (fn === 'penalties') {
      text = ereje.penalties(args.lang);
    } else if (fn === 'amend') {
      text = ereje.amend(form(args), args.amendments, args.scenarios, args.population);
    } else if (fn === 'format') {
      text = ereje.format(args.name, args.text);
    } else if (fn === 'lint') {
      text = ereje.lint(args.amendments);
    } else {
      throw new Error(`unknown call ${fn}`);
    }
    const result = JSON.parse(text);
    result.ms = Math.round(performance.now() - t0);
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
};
