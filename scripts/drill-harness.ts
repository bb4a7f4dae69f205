// What the drills share (scripts/drill-backup.ts, scripts/drill-crash.ts): the built command line
// (`bin/guazhi.js`, as a user runs it) on a throwaway data dir, the demo seeded, the server
// started and stopped (or killed), and a client logged in as the demo's 黔东南 组织部 `zzb`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/guazhi.js');
export const DRILL_PASSWORD = 'Drill#Pass2026';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A throwaway data dir and the environment that points the command line at it (SQLite). */
export function dataDir(name: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `guazhi-drill-${name}-`));
  return {
    dir,
    env: { ...process.env, GUAZHI_DATA_DIR: dir, GUAZHI_DEMO: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' },
  };
}

/** The keys of one data dir brought to another, as an operator restoring a backup does. */
export function copySecrets(from: string, to: string): void {
  cpSync(path.join(from, 'secrets'), path.join(to, 'secrets'), { recursive: true });
}

/** `guazhi <args>`, waiting for it without blocking this process's event loop (writers keep going). */
export function guazhi(
  env: NodeJS.ProcessEnv,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Seeds the demo and returns the one-time password of `username`. */
export function seedDemo(env: NodeJS.ProcessEnv, username = 'zzb'): string {
  const out = execFileSync(process.execPath, [BIN, 'seed-demo'], { env, encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.trim().startsWith(`${username} `));
  const password = line?.trim().split(/\s+/)[1];
  if (!password) throw new Error(`seed-demo printed no password for ${username}:\n${out}`);
  return password;
}

export interface Server {
  base: string;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** `guazhi serve` on the data dir; resolves once /api/health answers. */
export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`guazhi serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, process: child, exited };
    } catch {}
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`${base} did not answer`);
}

export async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill(signal);
  await server.exited;
}

/** A session on the API: the cookie survives restarts (sessions live in the database). */
export class Client {
  cookie = '';
  constructor(public base: string) {}

  async request(method: string, url: string, body?: unknown, type = 'application/json') {
    const res = await fetch(this.base + url, {
      method,
      headers: {
        'x-requested-with': 'guazhi',
        ...(body !== undefined ? { 'content-type': type } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : body instanceof Uint8Array ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    const cookie = res.headers.get('set-cookie');
    if (cookie?.startsWith('guazhi_session=')) this.cookie = cookie.split(';')[0] as string;
    // biome-ignore lint/suspicious/noExplicitAny: drill code reads the answers it knows
    return { status: res.status, json: json as any };
  }

  /** Logs in; on the first login changes the one-time password to DRILL_PASSWORD. */
  async login(username: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.json)}`);
    if (password !== DRILL_PASSWORD) {
      const changed = await this.request('POST', '/api/auth/password', {
        currentPassword: password,
        newPassword: DRILL_PASSWORD,
      });
      if (changed.status >= 300)
        throw new Error(`password change: ${changed.status} ${JSON.stringify(changed.json)}`);
    }
  }
}

/** A unit in the 黔东南 组织部's region, unique by `tag`. */
export function unitBody(tag: string, contactName = '演练联系人') {
  return {
    name: `演练单位${tag}`,
    kind: 'public_institution',
    regionCode: '522630',
    parentId: null,
    contactName,
    contactPhone: '13800009999',
  };
}

/** The drill's numeric options (`--name N`), with their defaults. */
export function drillOptions<K extends string>(defaults: Record<K, number>): Record<K, number> {
  const options = Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [
      name,
      { type: 'string' as const, default: String(value) },
    ]),
  );
  const { values } = parseArgs({ options });
  return Object.fromEntries(Object.keys(defaults).map((name) => [name, Number(values[name])])) as Record<
    K,
    number
  >;
}
