#!/usr/bin/env node
// `npm test`: every test, the way CI runs them.
//   1. system packages (Chromium, CJK fonts, PostgreSQL): installed as root, else named and fatal
//   2. build (the browser tests and the command line run the built app)
//   3. unit + API tests on SQLite            (vitest)
//   4. API tests on a throwaway PostgreSQL   (vitest, DATABASE_URL set)
//   5. browser tests in Debian's Chromium    (Playwright)
// Ends with one line "N passed, N failed"; exits non-zero on any failure or skipped test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startCluster } from './pg-cluster.mjs';
import { ensureSystemDeps } from './system-deps.mjs';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const results = path.join(root, '.tmp/results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (label, cmd, args, env = {}) => {
  console.log(`\n[test] ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `[test] ${label}: ${r.status === 0 ? 'ok' : `failed (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return r.status === 0;
};

const steps = [];
const vitestCounts = (file) => {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: j.numPassedTests,
    failed: j.numFailedTests,
    skipped: j.numPendingTests + (j.numTodoTests ?? 0),
  };
};
const playwrightCounts = (file) => {
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
};

ensureSystemDeps();

if (!run('build', 'npm', ['run', 'build', '--silent'])) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

{
  const out = path.join(results, 'sqlite.json');
  const ok = run(
    'unit + API tests on SQLite',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      DATABASE_URL: '',
    },
  );
  steps.push({ name: 'unit + API (SQLite)', ok, counts: vitestCounts(out) });
}

{
  const out = path.join(results, 'postgres.json');
  let cluster;
  let ok = false;
  try {
    cluster = await startCluster();
    console.log(`[test] PostgreSQL cluster at ${cluster.url}`);
    ok = run(
      'API tests on PostgreSQL',
      bin('vitest'),
      ['run', '--project', 'api', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
      {
        DATABASE_URL: cluster.url,
      },
    );
  } catch (error) {
    console.error(`[test] PostgreSQL pass could not run: ${error.message}`);
  } finally {
    cluster?.stop();
  }
  steps.push({ name: 'API (PostgreSQL)', ok, counts: vitestCounts(out) });
}

{
  const out = path.join(results, 'e2e.json');
  const ok = run(
    'browser tests (Chromium)',
    bin('playwright'),
    ['test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    },
  );
  steps.push({ name: 'browser (Chromium)', ok, counts: playwrightCounts(out) });
}

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n[test] summary');
for (const s of steps) {
  const c = s.counts ?? { passed: 0, failed: 1, skipped: 0 };
  passed += c.passed;
  failed += c.failed + (s.ok || c.failed > 0 ? 0 : 1);
  skipped += c.skipped;
  console.log(
    `  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
  );
}
if (skipped > 0) console.log('[test] skipped tests prove nothing: the run fails');
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && skipped === 0 && steps.every((s) => s.ok) ? 0 : 1);
