// The engine runs here, off the page's thread, so a large timesheet never freezes the page.
// Messages: {id, fn, args} in; {id, progress: [done, total]} and {id, result} or {id, error} out.
// `result` is the engine's own answer: {ok, value} or {ok: false, error: {message, rendered, errors}}.
// A call's plain fields cross by name as [name, value, …] (`form`), its files as arrays: the
// engine refuses a name it does not read, so nothing here depends on the order of arguments.

import init, * as ereje from './pkg/ereje.js';

/** The plain (non-array) fields of `args` as `[name, value, …]`. */
const form = (args) => Object.entries(args)
  .filter(([, value]) => !Array.isArray(value))
  .flatMap(([name, value]) => [name, String(value ?? '')]);

const ready = init().then(() => JSON.parse(ereje.about()));

self.onmessage = async (event) => {
  const { id, fn, args } = event.data;
  try {
    if (fn === 'about') {
      self.postMessage({ id, result: await ready });
      return;
    }
    await ready;
    const t0 = performance.now();
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
