// `npm run bench:web`: what a browser downloads before login. Builds the app, starts it on a
// fresh data dir, opens /login in Chromium (Debian's, as the browser tests do) with an empty
// cache, and sums the bytes that crossed the wire (headers and compressed bodies, from the
// DevTools protocol) by kind; prints the time until the login form takes input, then loads the
// page again to show what the cache leaves to fetch. Target: JS before login ≤ 350 kB.
// Options: --runs N (default 5; the median time is printed), --no-build.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { ensureSystemDeps } from './system-deps.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean', default: false } },
});
const RUNS = Number(values.runs);
const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = '3177';
const BASE = `http://127.0.0.1:${PORT}`;
const TARGET_JS_BYTES = 350 * 1000;

ensureSystemDeps(); // Chromium and the CJK fonts, as for the browser tests
if (!values['no-build']) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-bench-web-'));
const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/guazhi.js'), 'serve'], {
  env: {
    ...process.env,
    GUAZHI_DATA_DIR: dataDir,
    PORT,
    HOST: '127.0.0.1',
    GUAZHI_DEMO: '0',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  },
  stdio: 'ignore',
});

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

type Kind = 'js' | 'css' | 'html' | 'other';
const kindOf = (url: string, mime: string): Kind =>
  /javascript/.test(mime) || /\.js(\?|$)/.test(url)
    ? 'js'
    : /css/.test(mime)
      ? 'css'
      : /html/.test(mime)
        ? 'html'
        : 'other';

interface Load {
  bytes: Record<Kind, number>;
  files: number;
  usableMs: number;
}

async function load(page: import('@playwright/test').Page): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const meta = new Map<string, { url: string; mime: string }>();
  const bytes: Record<Kind, number> = { js: 0, css: 0, html: 0, other: 0 };
  let files = 0;
  cdp.on('Network.responseReceived', (e) =>
    meta.set(e.requestId, { url: e.response.url, mime: e.response.mimeType }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const m = meta.get(e.requestId);
    if (!m || e.encodedDataLength === 0) return; // served from the cache: nothing crossed the wire
    bytes[kindOf(m.url, m.mime)] += e.encodedDataLength;
    files++;
    if (process.env.BENCH_WEB_FILES)
      console.log(`    ${kB(e.encodedDataLength).padStart(9)}  ${m.url.replace(BASE, '')}`);
  });
  const start = performance.now();
  await page.goto(`${BASE}/login`);
  // usable: the username box is on screen and takes typing
  const box = page.getByLabel('用户名');
  await box.fill('a');
  const usableMs = performance.now() - start;
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { bytes, files, usableMs };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const cold: Load[] = [];
  let warm: Load | null = null;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    cold.push(await load(page));
    if (i === 0) warm = await load(page); // same context: the cache is warm
    await context.close();
  }
  await browser.close();
  const first = cold[0] as Load;
  const median = cold.map((l) => l.usableMs).sort((a, b) => a - b)[Math.floor(cold.length / 2)] as number;
  console.log(`login page, empty cache (${first.files} files over the wire):`);
  for (const kind of ['js', 'css', 'html', 'other'] as const)
    console.log(`  ${kind.padEnd(5)} ${kB(first.bytes[kind])}`);
  const total = Object.values(first.bytes).reduce((a, b) => a + b, 0);
  console.log(`  total ${kB(total)}`);
  console.log(`login form usable after ${median.toFixed(0)} ms (median of ${RUNS} cold loads)`);
  if (warm) {
    const again = Object.values(warm.bytes).reduce((a, b) => a + b, 0);
    console.log(
      `second load, warm cache: ${warm.files} files, ${kB(again)} over the wire (JS ${kB(warm.bytes.js)})`,
    );
  }
  const ok = first.bytes.js <= TARGET_JS_BYTES;
  console.log(
    `JS before login ${kB(first.bytes.js)} — target ≤ ${kB(TARGET_JS_BYTES)}: ${ok ? 'met' : 'NOT met'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
