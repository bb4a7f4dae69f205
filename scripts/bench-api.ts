// `npm run bench:api`: the cadre list, filtered, page 1, at 100 000 cadres, under 50 concurrent
// connections for 30 s (autocannon), on SQLite and on PostgreSQL; beside it a bare Fastify
// route on the same machine answering the same JSON body. Prints requests/s, p99 and errors.
// Options: --cadres N (default 100000), --duration S (default 30), --only sqlite|postgres.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
// @ts-expect-error plain ESM helper without types
import { startCluster } from './pg-cluster.mjs';
import { api, waitFor } from './shared.js';

const { values } = parseArgs({
  options: {
    cadres: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '30' },
    only: { type: 'string' },
  },
});
const CADRES = Number(values.cadres);
const DURATION = Number(values.duration);
const ROOT = path.resolve(import.meta.dirname, '..');
const QUERY = '/api/cadres?regionCode=520000&rankLevel=division_deputy&sort=name&page=1&pageSize=20';

function run(env: Record<string, string>, args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/guazhi.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

async function bench(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: 50, duration: DURATION, headers });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

/**
 * The reference: a bare Fastify route answering the same body, in its own process like the app
 * (so neither shares an event loop with autocannon).
 */
async function benchBare(body: string, port: number) {
  const bodyFile = path.join(os.tmpdir(), `guazhi-bench-body-${port}.json`);
  writeFileSync(bodyFile, body);
  const code = `
    import Fastify from 'fastify';
    import { readFileSync } from 'node:fs';
    const body = readFileSync(${JSON.stringify(bodyFile)}, 'utf8');
    const app = Fastify();
    app.get('/bare', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
    await app.listen({ port: ${port}, host: '127.0.0.1' });`;
  const bare = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/bare`);
    return await bench(`http://127.0.0.1:${port}/bare`, {});
  } finally {
    bare.kill('SIGTERM');
  }
}

async function measure(dialect: 'sqlite' | 'postgres', databaseUrl: string | null) {
  const dataDir = path.join(os.tmpdir(), `guazhi-bench-${dialect}`);
  const env: Record<string, string> = {
    GUAZHI_DATA_DIR: dataDir,
    GUAZHI_DEMO: '0',
    DATABASE_URL: databaseUrl ?? '',
    LOG_LEVEL: 'warn',
  };
  const marker = path.join(dataDir, `generated-${CADRES}`);
  if (!databaseUrl && existsSync(marker)) {
    console.log(`[${dialect}] reusing ${CADRES} generated cadres in ${dataDir}`);
  } else {
    mkdirSync(dataDir, { recursive: true });
    console.log(`[${dialect}] generating ${CADRES} cadres…`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/gen-data.ts'), '--cadres', String(CADRES)],
      {
        env: { ...process.env, ...env },
        stdio: 'inherit',
      },
    );
    writeFileSync(marker, new Date().toISOString());
  }
  // A 组织部 account over 贵州省, through the real first-login password change.
  const username = `bench${Date.now().toString(36)}`;
  const created = run(env, ['create-admin', username]);
  void created;
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `
      import { loadConfig } from './server/core/config.ts';
      import { openRuntime } from './server/runtime.ts';
      const rt = await openRuntime(loadConfig());
      const u = await rt.ctx.db.selectFrom('users').select('id').where('username', '=', '${username}').executeTakeFirstOrThrow();
      await rt.ctx.db.deleteFrom('userRoles').where('userId', '=', u.id).execute();
      await rt.ctx.db.insertInto('userRoles').values({ userId: u.id, role: 'org_dept', regionCode: '520000', unitId: null, programmeIds: null, createdAt: new Date().toISOString() }).execute();
      await rt.close();
    `,
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  void out;
  const password = run(env, ['reset-password', username]).trim().split('\n').at(-1) as string;

  const port = 3400 + (dialect === 'sqlite' ? 1 : 2);
  const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/guazhi.js'), 'serve'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`);
    let res = await api(base, 'POST', '/api/auth/login', { username, password });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    await api(
      base,
      'POST',
      '/api/auth/password',
      { currentPassword: password, newPassword: 'Bench#Pass2026' },
      cookie,
    );
    res = await api(base, 'GET', QUERY, undefined, cookie);
    const body = await res.text();
    const page = JSON.parse(body) as { total: number; items: unknown[] };
    console.log(
      `[${dialect}] ${QUERY} → ${res.status}, total ${page.total}, ${page.items.length} items, ${body.length} bytes`,
    );

    const app = await bench(base + QUERY, { cookie });

    const reference = await benchBare(body, port + 10);
    return { dialect, total: page.total, app, bare: reference };
  } finally {
    server.kill('SIGTERM');
  }
}

const results = [];
if (values.only !== 'postgres') results.push(await measure('sqlite', null));
if (values.only !== 'sqlite') {
  const cluster = await startCluster();
  try {
    results.push(await measure('postgres', cluster.url));
  } finally {
    cluster.stop();
  }
}

console.log(
  `\nbench:api — ${CADRES} cadres, 50 connections, ${DURATION} s, node ${process.version}, ${os.cpus().length} cores`,
);
console.log('dialect   | matches | app req/s | app p99 ms | bare req/s | bare p99 ms | app/bare | errors');
for (const r of results) {
  const ratio = ((100 * r.app.rps) / r.bare.rps).toFixed(0);
  console.log(
    `${r.dialect.padEnd(9)} | ${String(r.total).padStart(7)} | ${String(r.app.rps).padStart(9)} | ${String(r.app.p99).padStart(10)} | ${String(r.bare.rps).padStart(10)} | ${String(r.bare.p99).padStart(11)} | ${ratio.padStart(7)}% | ${r.app.errors}`,
  );
}
