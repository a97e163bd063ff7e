// The engine, in a Web Worker: one call per export, answered as `{ok, value}` or `{ok: false, error}`.

import { say } from './ui.js';
// ---------------------------------------------------------------------------------------------
// The engine, in a worker

/** The worker: started again (fresh, its memory given back) after a cancel or a large check. */
let worker = null;
let nextId = 1;
const pending = new Map();

function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const { id, progress, result, error } = event.data;
    const p = pending.get(id);
    if (!p) return;
    if (progress) { p.onProgress?.(progress[0], progress[1]); return; }
    pending.delete(id);
    if (error) p.reject(new Error(error)); else p.resolve(result);
  };
  worker.onerror = (e) => {
    say('engine_failed', {}, `: ${e.message || ''}`);
    for (const p of pending.values()) p.reject(new Error(e.message || 'worker error'));
    pending.clear();
  };
}
startWorker();

/** A call stopped by `restart` rejects with this. */
export class Cancelled extends Error {}

/** Stops the worker and whatever it was doing, and starts a fresh one: the memory a large
 * check held is given back. Calls in flight reject with `Cancelled`. */
export function restart() {
  worker.terminate();
  for (const p of pending.values()) p.reject(new Cancelled('cancelled'));
  pending.clear();
  startWorker();
}

/** Calls an engine function in the worker; resolves with `{ok, value}` or `{ok: false, error}`.
 * `fast`: on the engine built for speed, which also reads spreadsheets and every encoding. */
export function call(fn, args = {}, onProgress, fast = false) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, fn, args, fast });
  });
}

/** What the engine said of itself (version, rules digest, dates), once it is ready. */
export const engine = { about: null };
