// The engine runs here, off the page's thread, so a large timesheet never freezes the page.
// Messages: {id, fn, args} in; {id, progress: [done, total]} and {id, result} or {id, error} out.
// `result` is the engine's own answer: {ok, value} or {ok: false, error: {message, rendered, errors}}.

import init, * as ereje from './pkg/ereje.js';

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
      text = ereje.check(args.files, args.enterprise, args.asOf, args.lang, onProgress);
    } else if (fn === 'fine') {
      const a = args;
      text = ereje.fine(a.citation, a.subject, a.headcount, a.income, a.repeat, a.date, a.offence, a.unpaid, a.lang);
    } else if (fn === 'penalties') {
      text = ereje.penalties(args.lang);
    } else if (fn === 'amend') {
      const a = args;
      text = ereje.amend(a.amendments, a.scenarios, a.population, a.generate, a.on, a.search, a.historical, a.lang);
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
