// Measures a large self-check in the page (not a test: figures are printed). Usage:
//   node tests/e2e/big.mjs DIR   (DIR holds roster.csv and timesheet.csv, e.g. from
//   `ereje bench --shape year --employees 20000 --write DIR`)
import { spawn, execSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.argv[2];
const port = 8731;
const base = `http://127.0.0.1:${port}/`;
const server = spawn('python3', [join(ROOT, 'www', 'serve.py'), String(port)], { stdio: 'ignore' });
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
});
/** Resident memory of the largest Chromium process, MB: the tab's renderer, which holds the
 * page and its worker (the module's memory). */
const rss = () => Number(execSync("ps -C chromium -o rss= | sort -n | tail -1").toString()) / 1024;
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, rss()); }, 200);
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(base);
  await page.waitForFunction(() => !document.querySelector('#run-check').disabled || document.querySelector('#file-input'));
  await page.setInputFiles('#file-input', [join(dir, 'roster.csv'), join(dir, 'timesheet.csv')]);
  await page.waitForFunction(() => document.querySelectorAll('#files > li').length >= 2);
  const before = rss();
  const t0 = Date.now();
  await page.click('#run-check');
  await page.waitForFunction(() => document.querySelector('#results')?.dataset.run === '1'
    || document.querySelector('#check-error')?.textContent, null, { timeout: 600000, polling: 50 });
  const ms = Date.now() - t0;
  const shown = await page.textContent('#shown');
  const error = await page.textContent('#check-error');
  const cards = await page.$$eval('.card .n', (ns) => ns.map((n) => n.textContent));
  const checkPeak = Math.round(Math.max(peak, rss()));
  // Open one finding: its steps are worked out on demand.
  const t1 = Date.now();
  await page.click('#findings li:nth-child(3) summary');
  await page.waitForFunction(() => document.querySelector('#findings li:nth-child(3) ul.steps'), null, { timeout: 600000 });
  const explainMs = Date.now() - t1;
  console.log(JSON.stringify({ ms, explainMs, before_mb: Math.round(before), check_peak_mb: checkPeak, peak_mb: Math.round(Math.max(peak, rss())), cards, shown, error }));
} finally {
  clearInterval(timer);
  await browser.close();
  server.kill();
}
