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

/** Files larger than this are read by the engine as it goes, a slice at a time, from the
 * browser's own copy (the module's memory never shrinks: a year's timesheet copied into it
 * would stay there); smaller ones cross as their bytes. */
const READ_AS_IT_GOES = 4 * 1024 * 1024;

const slices = new FileReaderSync();

/** A file as the engine takes it: a function `(at, length)` giving its bytes from `at` (fewer
 * at its end) for a large file, its bytes for a small one. */
function fileFor(x) {
  if (x instanceof Blob && x.size > READ_AS_IT_GOES) {
    return (at, length) => new Uint8Array(slices.readAsArrayBuffer(x.slice(at, at + length)));
  }
  if (x instanceof Blob) return x.arrayBuffer().then((b) => new Uint8Array(b));
  if (x instanceof Uint8Array) return x;
  return new TextEncoder().encode(String(x ?? ''));
}

/** A call's files, `[kind, name, file, columns named by hand, …]`, as the engine takes them:
 * `[kind, name, columns named by hand, …]` and each file (the engine finds its encoding). */
async function filesOf(list) {
  const names = [];
  const data = [];
  for (let i = 0; i + 3 < list.length; i += 4) {
    names.push(list[i], list[i + 1], list[i + 3] ?? '');
    data.push(fileFor(list[i + 2]));
  }
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
      const file = await fileFor(args.file);
      let result = JSON.parse(small.inspect(args.name, file, args.month ?? '', args.lang ?? 'en', args.named ?? ''));
      if (result.ok && result.value.needs_more) {
        result = JSON.parse((await fastEngine()).inspect(args.name, file, args.month ?? '', args.lang ?? 'en', args.named ?? ''));
        // Its checks run on the fuller engine too.
        if (result.ok) result.value.fast = true;
      }
      result.ms = Math.round(performance.now() - t0);
      self.postMessage({ id, result });
      return;
    }
    const ereje = wantsFast ? await fastEngine() : small;
    // A file comes as the file itself: a large one is read by the engine as it goes.
    const files = Array.isArray(args.files) ? await filesOf(args.files) : null;
    const population = Array.isArray(args.population) ? await filesOf(args.population) : { names: [], data: [] };
    let text;
    if (fn === 'check') {
      const onProgress = (done, total) => self.postMessage({ id, progress: [done, total] });
      text = ereje.check(form(args), files.names, files.data, onProgress);
    } else if (fn === 'runs') {
      text = ereje.runs(form(args), files.names, files.data);
    } else if (fn === 'merge_checks') {
      text = ereje.merge_checks(form({ lang: args.lang }), args.totals);
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
