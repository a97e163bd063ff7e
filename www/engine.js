// The engine, in a Web Worker: one call per export, answered as `{ok, value}` or `{ok: false, error}`.

import { say } from './ui.js';
// ---------------------------------------------------------------------------------------------
// The engine, in a worker

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map();
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
