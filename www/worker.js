// The engine runs here, off the page's thread, so a large timesheet never freezes the page.
// Messages: {id, fn, args, fast} in; {id, progress: [done, total]} and {id, result} or {id, error}
// out. `fast`: run on the engine built for speed, with spreadsheets and every encoding (large
// files, and files the first engine cannot read: `inspect` says `needs_more`).
// `result` is the engine's own answer: {ok, value} or {ok: false, error: {message, rendered, errors}}.
// A call's plain fields cross by name as [name, value, …] (`form`), its files as arrays: the
// engine refuses a name it does not read, so nothing here depends on the order of arguments.

import init, * as small from './pkg/ereje.js';

/** The plain (non-array) fields of `args` as `[name, value, …]`. */
const form = (args) => Object.entries(args)
  .filter(([, value]) => !Array.isArray(value))
  .flatMap(([name, value]) => [name, String(value ?? '')]);

const ready = init().then(() => JSON.parse(small.about()));

/** The engine built for speed, with spreadsheets and every encoding (www/pkg/fast): fetched the
 * first time a large file, a spreadsheet or a CSV not in UTF-8 is read, so the page's first
 * load stays small. Same source, same answers. */
let fast = null;
function fastEngine() {
  fast ??= import('./pkg/fast/ereje.js').then(async (m) => { await m.default(); return m; });
  return fast;
}

/** The bytes of the large files of the last call, by name, size and date (a file crosses to
 * the worker as a new object each time, so it is known by these). */
let read = new Map();

/** A call's files, `[kind, name, file, columns named by hand, …]`, as the engine takes them:
 * `[kind, name, columns named by hand, …]` and each file's bytes (the engine finds their
 * encoding). The bytes of the last call's files are reused, others let go. */
async function bytesOf(list) {
  const next = new Map();
  const names = [];
  const data = [];
  for (let i = 0; i + 3 < list.length; i += 4) {
    const x = list[i + 2];
    names.push(list[i], list[i + 1], list[i + 3] ?? '');
    if (x instanceof Blob) {
      const key = `${x.name}\u0000${x.size}\u0000${x.lastModified}`;
      const bytes = read.get(key) ?? next.get(key) ?? x.arrayBuffer().then((b) => new Uint8Array(b));
      next.set(key, bytes);
      data.push(bytes);
    } else if (x instanceof Uint8Array) {
      data.push(x);
    } else {
      data.push(new TextEncoder().encode(String(x ?? '')));
    }
  }
  read = next;
  return { names, data: await Promise.all(data) };
}

self.onmessage = async (event) => {
  const { id, fn, args, fast: wantsFast } = event.data;
  try {
    if (fn === 'about') {
      self.postMessage({ id, result: await ready });
      return;
    }
    await ready;
    const t0 = performance.now();
    if (fn === 'inspect') {
      // How a dropped file is understood: by the first engine, or by the fuller one when the
      // first cannot read it (a spreadsheet, a CSV not in UTF-8).
      const bytes = new Uint8Array(await args.file.arrayBuffer());
      let result = JSON.parse(small.inspect(args.name, bytes, args.month ?? '', args.lang ?? 'en', args.named ?? ''));
      if (result.ok && result.value.needs_more) {
        result = JSON.parse((await fastEngine()).inspect(args.name, bytes, args.month ?? '', args.lang ?? 'en', args.named ?? ''));
        // Its checks run on the fuller engine too.
        if (result.ok) result.value.fast = true;
      }
      result.ms = Math.round(performance.now() - t0);
      self.postMessage({ id, result });
      return;
    }
    const ereje = wantsFast ? await fastEngine() : small;
    // A large file comes as the file itself and is read here; the bytes of the last call's
    // files are kept, so that explaining a finding does not read a large timesheet again.
    const files = Array.isArray(args.files) ? await bytesOf(args.files) : null;
    const population = Array.isArray(args.population) ? await bytesOf(args.population) : { names: [], data: [] };
    let text;
    if (fn === 'check') {
      const onProgress = (done, total) => self.postMessage({ id, progress: [done, total] });
      text = ereje.check(form(args), files.names, files.data, onProgress);
    } else if (fn === 'explain_finding') {
      text = ereje.explain_finding(form(args), files.names, files.data);
    } else if (fn === 'fine') {
      text = ereje.fine(form(args));
    } else if (fn === 'penalties') {
      text = ereje.penalties(args.lang);
    } else if (fn === 'amend') {
      text = ereje.amend(form(args), args.amendments, args.scenarios, population.names, population.data);
    } else if (fn === 'format') {
      text = ereje.format(args.name, args.text);
    } else if (fn === 'lint') {
      text = ereje.lint(args.amendments, args.lang ?? 'en');
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
