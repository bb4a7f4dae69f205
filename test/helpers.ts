import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../common/auth/auth.schema.js';
import type { UnitInput } from '../common/units/units.schema.js';
import { buildApp } from '../server/app.js';
import { insertUser } from '../server/auth/auth.repository.js';
import { hashPassword } from '../server/auth/password.js';
import { FakeClock } from '../server/core/clock.js';
import type { Config } from '../server/core/config.js';
import type { AppContext } from '../server/core/context.js';
import { openDatabase } from '../server/core/database.js';
import type { AppInstance } from '../server/core/http.js';
import { cloneTemplate } from './databases.js';

export const TEST_PASSWORD = 'Test#Pass2026';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-test-'));
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    sqliteFile: path.join(dataDir, 'unused.sqlite'),
    demo: false,
    production: false,
    trustProxy: false,
    logLevel: 'silent',
    sessionSecret: Buffer.from('test-session-secret-test-session-secret'),
    dataKey: Buffer.alloc(32, 7),
    ...overrides,
  };
}

export interface TestApp {
  app: AppInstance;
  ctx: AppContext;
  clock: FakeClock;
  close(): Promise<void>;
}

/**
 * The whole application on its own freshly migrated database (SQLite file, or a PostgreSQL
 * database when DATABASE_URL is set), with a fake clock. One per test file.
 */
export async function createTestApp(
  options: { webDir?: string | null; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await cloneTemplate(process.env.DATABASE_URL || undefined);
  const config = testConfig({
    databaseUrl: database.databaseUrl,
    sqliteFile: database.sqliteFile,
    ...options.config,
  });
  const handle = openDatabase(config);
  const clock = new FakeClock();
  const ctx: AppContext = { db: handle.db, dialect: handle.dialect, clock, config };
  const app = await buildApp(ctx, { webDir: options.webDir ?? null });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

export interface TestAccount {
  id: string;
  username: string;
  password: string;
}

/** An account with a known password; by default already past its forced first change. */
export async function createAccount(
  ctx: AppContext,
  options: { roles?: Role[]; mustChangePassword?: boolean; username?: string } = {},
): Promise<TestAccount> {
  const id = randomUUID();
  const username = options.username ?? `u${id.slice(0, 8)}`;
  const now = ctx.clock.now().toISOString();
  await insertUser(
    ctx.db,
    {
      id,
      username,
      displayName: `测试用户${username.slice(-4)}`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      mustChangePassword: options.mustChangePassword ? 1 : 0,
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      passwordChangedAt: null,
      active: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    options.roles ?? ['org_dept'],
    now,
  );
  return { id, username, password: TEST_PASSWORD };
}

/** Logs in through the API and returns the Cookie header value for later calls. */
export async function login(app: AppInstance, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'guazhi_session');
  if (!cookie) throw new Error('no session cookie');
  return `guazhi_session=${cookie.value}`;
}

let unitSeq = 0;
/** A unit input that is valid and unique within the test file. */
export function unitInput(overrides: Partial<UnitInput> = {}): UnitInput {
  unitSeq += 1;
  return {
    name: `测试单位${unitSeq}号`,
    kind: 'party_government',
    regionCode: '522630',
    parentId: null,
    contactName: '测试联系人',
    contactPhone: '13800009999',
    ...overrides,
  };
}
