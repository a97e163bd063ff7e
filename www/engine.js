// The engine, in Web Workers: one call per export, answered as `{ok, value}` or `{ok: false, error}`.
// One worker answers every call; a large check is split by employee across more (one a core).

import { say } from './ui.js';
// ---------------------------------------------------------------------------------------------
// The engine, in a worker

/** A worker running the engine, with the calls it has yet to answer. */
class Worker_ {
  constructor() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = (event) => {
      const { id, progress, result, error } = event.data;
      const p = this.pending.get(id);
      if (!p) return;
      if (progress) { p.onProgress?.(progress[0], progress[1]); return; }
      this.pending.delete(id);
      if (error) p.reject(new Error(error)); else p.resolve(result);
    };
    this.worker.onerror = (e) => {
      say('engine_failed', {}, `: ${e.message || ''}`);
      this.stop(new Error(e.message || 'worker error'));
    };
  }

  call(fn, args, onProgress, fast) {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, fn, args, fast });
    });
  }

  /** Stops the worker; its calls in flight reject with `why`. */
  stop(why) {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(why);
    this.pending.clear();
  }
}

/** The worker: started again (fresh, its memory given back) after a cancel or a large check. */
let worker = new Worker_();
/** The workers judging the other parts of a check made in parts, while it runs. */
let helpers = [];

/** A call stopped by `restart` rejects with this. */
export class Cancelled extends Error {}

/** Stops the workers and whatever they were doing, and starts a fresh one: the memory a large
 * check held is given back. Calls in flight reject with `Cancelled`. */
export function restart() {
  for (const w of [worker, ...helpers]) w.stop(new Cancelled('cancelled'));
  helpers = [];
  worker = new Worker_();
}

/** Calls an engine function in the worker; resolves with `{ok, value}` or `{ok: false, error}`.
 * `fast`: on the engine built for speed, which also reads spreadsheets and every encoding. */
export function call(fn, args = {}, onProgress, fast = false) {
  return worker.call(fn, args, onProgress, fast);
}

/** Workers a check is split across: one a core, at most 3. Each holds the engine, its
 * working memory and the slices of the file it has read until they are collected: on a year
 * of 20,000 employees the tab peaked at 497 MB with one worker, 682 MB with two, 798 MB with
 * three and 1,042 MB with four, past the 1 GB a tab should stay under. */
export function partsFor() {
  return Math.max(1, Math.min(3, navigator.hardwareConcurrency || 1));
}

/** A check of large files on the engine built for speed, split by employee across `parts`
 * workers: each judges its run of the roster (reading its own employees' rows alone when the
 * timesheet is grouped); the first closes the check
 * with the others' totals (`merge_checks`) and the findings and weekly hours are joined in
 * roster order, as the check in one piece gives them. `onProgress(done, total)` counts the
 * employees judged in all parts. */
export async function checkInParts(args, onProgress, parts) {
  if (parts < 2) return call('check', args, onProgress, true);
  const mine = [worker];
  for (let k = 1; k < parts; k++) mine.push(new Worker_());
  helpers = mine.slice(1);
  const done = new Array(parts).fill(0);
  const total = new Array(parts).fill(0);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const progress = (k) => (d, t) => {
    done[k] = d;
    total[k] = t;
    // Until every part has counted its employees, the total is not known.
    if (total.every((x) => x > 0)) onProgress?.(sum(done), sum(total));
  };
  try {
    const t0 = performance.now();
    // First each worker reads a slice of the timesheet's bytes, to find where each employee's
    // rows are; each part then reads its own employees' rows alone. (A file not read in
    // slices, such as one with quotes, gives none: each part then reads it whole.)
    const runs = await firstPass(mine, args, parts);
    const answers = await Promise.all(mine.map((w, k) => w.call('check', { ...args, part: k, parts, ...runs }, progress(k), true)));
    const failed = answers.find((a) => !a.ok);
    if (failed) return failed;
    const totals = answers.slice(1).map((a) => JSON.stringify(a.value.totals));
    const closing = await worker.call('merge_checks', { lang: args.lang, totals }, null, true);
    if (!closing.ok) return closing;
    const values = answers.map((a) => a.value);
    const value = {
      ...values[0],
      ...closing.value,
      findings: values.flatMap((v) => v.findings).slice(0, engine.about.shown_up_to),
      hours: values.flatMap((v) => v.hours).slice(0, engine.about.charted_up_to),
      findings_total: sum(values.map((v) => v.findings_total)),
      explained: false,
    };
    delete value.totals;
    return { ok: true, value, ms: Math.round(performance.now() - t0) };
  } finally {
    for (const w of mine.slice(1)) w.stop(new Cancelled('cancelled'));
    helpers = helpers.filter((w) => !mine.includes(w));
  }
}

/** The timesheet's first pass made by `workers`, a slice each, as `check` takes it: `{runs}`,
 * or nothing when the timesheet is not read in slices. */
async function firstPass(workers, args, parts) {
  const files = args.files ?? [];
  const at = files.findIndex((x, i) => i % 4 === 0 && x === 'timesheet');
  const size = files[at + 2]?.size;
  if (at < 0 || !size) return {};
  // (A worker that fails here leaves each part to read the file whole.)
  const slices = await Promise.all(workers.map((w, k) => w.call('runs', { files, part: k, parts, size, lang: args.lang }, null, true)
    .catch((e) => { if (e instanceof Cancelled) throw e; return { ok: false }; })));
  if (!slices.every((s) => s.ok && s.value)) return {};
  return { runs: JSON.stringify(slices.map((s) => s.value)) };
}

/** What the engine said of itself (version, rules digest, dates), once it is ready. */
export const engine = { about: null };
