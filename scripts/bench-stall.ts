// `npm run bench:stall`: does a heavy list stall the server? 460 000 units in one region
// (凯里市, 522601) in a throwaway SQLite data dir; the built server; `GET /api/units` as a
// 组织部 account over 黔东南州 (522600) at 50 connections for 30 s — region filter, the sorts,
// pages across the range, and name searches (characters and pinyin) — while a separate
// process asks `/api/health` every 20 ms. Prints p50/p99 of both, requests/s and errors.
// Options: --units N (default 460000), --duration S (default 30), --connections C (default 50),
// --readers R (GUAZHI_SQLITE_READERS for the server; default: the server's own default).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { UNIT_KINDS } from '../common/units/units.schema.js';
import { createAccount } from '../server/accounts/accounts.service.js';
import { insertRows } from '../server/core/bulk-insert.js';
import { loadConfig } from '../server/core/config.js';
import { pinyinKeys } from '../server/core/pinyin.js';
import { inTransaction } from '../server/core/transaction.js';
import { openRuntime } from '../server/runtime.js';
import type { NewUnit } from '../server/units/units.table.js';
import { api as call, FUNCTIONS, waitFor } from './shared.js';

const api = (method: string, url: string, body?: object, cookie?: string) =>
  call(`http://127.0.0.1:${PORT}`, method, url, body, cookie);

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '460000' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    readers: { type: 'string' },
  },
});
const UNITS = Number(values.units);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const ROOT = path.resolve(import.meta.dirname, '..');
const REGION = '522601';
const FILTER_REGION = '522600';
const PORT = 3431;

const PLACES = ['示例', '青山', '清溪', '白岩', '龙场', '河坝', '石门', '桥头', '松林', '金竹'];

let state = 42;
const rand = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const dataDir = path.join(os.tmpdir(), `guazhi-bench-stall-${UNITS}`);
const env: Record<string, string> = {
  GUAZHI_DATA_DIR: dataDir,
  GUAZHI_DEMO: '0',
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  ...(values.readers !== undefined ? { GUAZHI_SQLITE_READERS: values.readers } : {}),
};

/** 460 000 fictional units in one county, in bulk statements (server/core/bulk-insert.ts). */
async function generate(): Promise<{ username: string; password: string }> {
  mkdirSync(dataDir, { recursive: true });
  const runtime = await openRuntime(loadConfig({ ...process.env, ...env }));
  const { ctx } = runtime;
  const started = Date.now();
  // pinyin of each part once: the keys of a name are the keys of its parts in order
  const keysOf = new Map<string, { full: string; initials: string }>();
  const keys = (part: string) => {
    let k = keysOf.get(part);
    if (!k) {
      k = pinyinKeys(part);
      keysOf.set(part, k);
    }
    return k;
  };
  const now = new Date().toISOString();
  const CHUNK = 20_000;
  for (let at = 0; at < UNITS; at += CHUNK) {
    const rows: NewUnit[] = [];
    for (let i = at; i < Math.min(UNITS, at + CHUNK); i++) {
      const parts = [pick(PLACES), pick(FUNCTIONS), `第${i}分中心`];
      const k = parts.map(keys);
      const when = new Date(Date.parse(now) - Math.floor(rand() * 3e10)).toISOString();
      rows.push({
        id: randomUUID(),
        name: parts.join(''),
        namePinyin: k.map((x) => x.full).join(''),
        nameInitials: k.map((x) => x.initials).join(''),
        kind: pick(UNIT_KINDS),
        regionCode: REGION,
        parentId: null,
        contactName: null,
        contactPhone: null,
        active: rand() < 0.95 ? 1 : 0,
        version: 1,
        createdAt: when,
        updatedAt: when,
        createdBy: null,
        updatedBy: null,
      });
    }
    await inTransaction(ctx, (tx) => insertRows(tx.db, 'units', rows));
    process.stdout.write(`\runits: ${Math.min(UNITS, at + CHUNK)}/${UNITS}`);
  }
  const username = `stall${Date.now().toString(36)}`;
  const { oneTimePassword } = await createAccount(
    ctx,
    { actorId: null, actorName: 'bench:stall', ip: null },
    { username, displayName: '压测组织部' },
    [{ role: 'org_dept', regionCode: FILTER_REGION, unitId: null, programmeIds: null }],
  );
  console.log(`\n${UNITS} units in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dataDir}`);
  await runtime.close();
  return { username, password: oneTimePassword };
}

/** The heavy list: region filter, every sort both ways, pages across the range, searches. */
function listPath(): string {
  const r = rand();
  const base = `/api/units?regionCode=${FILTER_REGION}&pageSize=20`;
  const page = 1 + Math.floor(rand() * 500);
  if (r < 0.4) return `${base}&sort=name&page=${page}`;
  if (r < 0.55) return `${base}&sort=updatedAt&order=desc&page=${page}`;
  if (r < 0.65) return `${base}&sort=createdAt&page=${page}`;
  if (r < 0.75) return `${base}&sort=kind&order=desc&page=${page}`;
  if (r < 0.9) return `${base}&q=${encodeURIComponent(pick(FUNCTIONS))}&page=${1 + Math.floor(rand() * 50)}`;
  return `${base}&q=${pick(['caizheng', 'qingxi', 'jyj', 'shuiwu'])}&page=${1 + Math.floor(rand() * 20)}`;
}

/** A name found once among 460 000: no index serves an infix search, every name is read. */
const rarePath = () =>
  `/api/units?regionCode=${FILTER_REGION}&q=${encodeURIComponent(`第${Math.floor(rand() * UNITS)}分中心`)}`;

/** /api/health every 20 ms from its own process (not sharing autocannon's event loop). */
function sampleHealth(seconds: number): Promise<number[]> {
  const code = `
    const until = Date.now() + ${seconds * 1000};
    const out = [];
    while (Date.now() < until) {
      const t0 = performance.now();
      const res = await fetch('http://127.0.0.1:${PORT}/api/health');
      await res.text();
      out.push(res.ok ? performance.now() - t0 : -1);
      await new Promise((r) => setTimeout(r, 20));
    }
    process.stdout.write(JSON.stringify(out));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout.on('data', (d) => {
    text += d;
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (status) =>
      status === 0 ? resolve(JSON.parse(text) as number[]) : reject(new Error('health sampler failed')),
    ),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const marker = path.join(dataDir, 'generated');
let account: { username: string; password: string };
if (existsSync(marker)) {
  console.log(`reusing ${UNITS} generated units in ${dataDir}`);
  const runtime = await openRuntime(loadConfig({ ...process.env, ...env }));
  const username = `stall${Date.now().toString(36)}`;
  const { oneTimePassword } = await createAccount(
    runtime.ctx,
    { actorId: null, actorName: 'bench:stall', ip: null },
    { username, displayName: '压测组织部' },
    [{ role: 'org_dept', regionCode: FILTER_REGION, unitId: null, programmeIds: null }],
  );
  await runtime.close();
  account = { username, password: oneTimePassword };
} else {
  account = await generate();
  writeFileSync(marker, new Date().toISOString());
}

const server = spawn(process.execPath, [path.join(ROOT, 'bin/guazhi.js'), 'serve'], {
  env: { ...process.env, ...env, PORT: String(PORT) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitFor(`http://127.0.0.1:${PORT}/api/health`);
  let res = await api('POST', '/api/auth/login', account);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  res = await api(
    'POST',
    '/api/auth/password',
    { currentPassword: account.password, newPassword: 'Bench#Stall2026' },
    cookie,
  );
  if (!res.ok) throw new Error(`password change: ${res.status} ${await res.text()}`);
  const first = await api(
    'GET',
    `/api/units?regionCode=${FILTER_REGION}&sort=name&page=1`,
    undefined,
    cookie,
  );
  const page = (await first.json()) as { total: number; totalCapped?: boolean; items: unknown[] };
  console.log(
    `GET /api/units?regionCode=${FILTER_REGION} → ${first.status}, total ${page.total}${page.totalCapped ? '+' : ''}, ${page.items.length} items`,
  );

  const f = (n: number) => n.toFixed(1);
  const lines: string[] = [];
  let met = true;
  const phases = [
    { name: 'browse: sorts, pages, searches', path: listPath, connections: CONNECTIONS, target: true },
    { name: 'rare name search', path: rarePath, connections: 10, target: false },
  ];
  for (const phase of phases) {
    const seconds = phase.target ? DURATION : Math.max(5, Math.round(DURATION / 3));
    const health = sampleHealth(seconds);
    const list = await autocannon({
      url: `http://127.0.0.1:${PORT}`,
      connections: phase.connections,
      duration: seconds,
      timeout: 60,
      headers: { cookie },
      requests: [{ setupRequest: (req: object) => ({ ...req, method: 'GET', path: phase.path() }) }],
    });
    const times = (await health).sort((a, b) => a - b);
    const ok = times.filter((t) => t >= 0);
    const healthP99 = percentile(ok, 99);
    if (phase.target) met = healthP99 < 50 && list.latency.p99 < 200;
    lines.push(
      `${`${phase.name} (${phase.connections} conn.)`.padEnd(42)} | ${String(list.requests.total).padStart(8)} | ${String(Math.round(list.requests.average)).padStart(5)} | ${String(list.latency.p50).padStart(6)} | ${String(list.latency.p99).padStart(6)} | ${String(list.latency.max).padStart(6)} | ${list.errors + list.timeouts + list.non2xx}`,
      `${'  /api/health meanwhile'.padEnd(42)} | ${String(times.length).padStart(8)} |     - | ${f(percentile(ok, 50)).padStart(6)} | ${f(healthP99).padStart(6)} | ${f(ok.at(-1) ?? Number.NaN).padStart(6)} | ${times.length - ok.length}`,
    );
  }
  console.log(
    `\nbench:stall — ${UNITS} units in one region, ${DURATION} s, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}${values.readers !== undefined ? `, GUAZHI_SQLITE_READERS=${values.readers}` : ''}`,
  );
  console.log(`${'GET /api/units'.padEnd(42)} | requests | req/s | p50 ms | p99 ms | max ms | errors`);
  for (const line of lines) console.log(line);
  console.log(
    `targets on the browse mix (health p99 < 50 ms, list p99 < 200 ms): ${met ? 'met' : 'NOT met'}`,
  );
} finally {
  server.kill('SIGTERM');
}
