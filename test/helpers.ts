import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import type { Role } from '../common/auth/auth.schema.js';
import type { CadreInput } from '../common/cadres/cadres.schema.js';
import type { UnitInput } from '../common/units/units.schema.js';
import { buildApp } from '../server/app.js';
import { type GrantInput, insertUser, newUserRow } from '../server/auth/auth.repository.js';
import { hashPassword } from '../server/auth/password.js';
import { CSRF_HEADER } from '../server/core/access.js';
import type { ChangeFeed } from '../server/core/change-feed.js';
import { FakeClock } from '../server/core/clock.js';
import type { Config } from '../server/core/config.js';
import { type AppContext, createContext } from '../server/core/context.js';
import { openDatabase } from '../server/core/database.js';
import type { AppInstance } from '../server/core/http.js';
import { loggerOptions } from '../server/core/logging.js';
import { ReadCache } from '../server/core/read-cache.js';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
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
    sqliteReaders: 2,
    demo: false,
    production: false,
    trustProxy: false,
    logLevel: 'silent',
    logDir: null,
    logRetentionDays: 180,
    alertThreshold: 50,
    auditRetentionDays: 180,
    maxSessions: 5,
    sessionSecret: Buffer.from('test-session-secret-test-session-secret'),
    dataKey: Buffer.alloc(32, 7),
    auditKey: Buffer.alloc(32, 9),
    backupDir: null,
    backupEveryHours: 24,
    backupKeep: 7,
    backupBeforeMigrate: false,
    ...overrides,
  };
}

export interface TestApp {
  app: AppInstance;
  ctx: AppContext;
  clock: FakeClock;
  /** How this instance learns of writes made by other connections (server/core/change-feed.ts). */
  changes: ChangeFeed;
  close(): Promise<void>;
}

/**
 * The whole application on its own freshly migrated database (SQLite file, or a PostgreSQL
 * database when DATABASE_URL is set), with a fake clock. One per test file.
 */
export async function createTestApp(
  options: { webDir?: string | null; config?: Partial<Config>; logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const database = await cloneTemplate(process.env.DATABASE_URL || undefined);
  const config = testConfig({
    databaseUrl: database.databaseUrl,
    sqliteFile: database.sqliteFile,
    ...options.config,
  });
  const instance = await startInstance(config, new FakeClock(), options);
  return {
    ...instance,
    close: async () => {
      await instance.close();
      await database.drop();
    },
  };
}

/**
 * Another app instance on the same database as `t` (own connection, read cache and Fastify
 * app; same configuration and secrets, same fake clock), as a second server would be.
 */
export function secondInstance(
  t: TestApp,
  options: { readCacheMaxAgeMs?: number; config?: Partial<Config> } = {},
): Promise<TestApp> {
  return startInstance({ ...t.ctx.config, ...options.config }, t.clock, options);
}

async function startInstance(
  config: Config,
  clock: FakeClock,
  options: { webDir?: string | null; logStream?: NodeJS.WritableStream; readCacheMaxAgeMs?: number } = {},
): Promise<TestApp> {
  const handle = openDatabase(config);
  const ctx = createContext(handle, config, clock);
  if (options.readCacheMaxAgeMs !== undefined) {
    ctx.readCache = new ReadCache({
      maxAgeMs: options.readCacheMaxAgeMs,
      changedElsewhere: handle.changes.changedElsewhere,
    });
  }
  const app = await buildApp(ctx, {
    webDir: options.webDir ?? null,
    logger: options.logStream ? loggerOptions('info', options.logStream) : false,
  });
  await app.ready();
  // Every test request passes the CSRF check (same origin + header) unless a test sets otherwise;
  // a header given as undefined is left out.
  const inject = app.inject.bind(app);
  app.inject = ((opts: InjectOptions) => {
    const headers: Record<string, string> = { [CSRF_HEADER]: 'guazhi' };
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (v === undefined) delete headers[k];
      else headers[k] = String(v);
    }
    return inject({ ...opts, headers });
  }) as typeof app.inject;
  return {
    app,
    ctx,
    clock,
    changes: handle.changes,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  /** Base32 TOTP secret when the account has a second factor (administrators always do here). */
  totpSecret: string | null;
}

const ADMINS: Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export function totpCode(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });
}

/** An account with a known password; by default already past its forced first change. */
export async function createAccount(
  ctx: AppContext,
  options: {
    roles?: Role[];
    grants?: GrantInput[];
    mustChangePassword?: boolean;
    username?: string;
    /** Enrol a second factor; default: for administrators. */
    totp?: boolean;
    idNumber?: string;
    phone?: string;
  } = {},
): Promise<TestAccount> {
  const id = randomUUID();
  const grants =
    options.grants ??
    (options.roles ?? ['org_dept']).map((role) => ({
      role,
      regionCode: role === 'org_dept' ? '520000' : null,
      unitId: null,
      programmeIds: null,
    }));
  const totp = options.totp ?? grants.some((g) => ADMINS.includes(g.role));
  const totpSecret = totp ? new Secret({ size: 20 }).base32 : null;
  const username = options.username ?? `u${id.slice(0, 8)}`;
  const now = ctx.clock.now().toISOString();
  await insertUser(
    ctx.db,
    newUserRow(
      {
        id,
        username,
        displayName: `测试用户${username.slice(-4)}`,
        passwordHash: await hashPassword(TEST_PASSWORD),
        mustChangePassword: options.mustChangePassword ? 1 : 0,
        totpSecretEnc: totpSecret ? ctx.cipher.encrypt(totpSecret, 'users.totp_secret') : null,
        totpEnabledAt: totpSecret ? now : null,
        phoneEnc: options.phone ? ctx.cipher.encrypt(options.phone, 'users.phone') : null,
        idNumberEnc: options.idNumber ? ctx.cipher.encrypt(options.idNumber, 'users.id_number') : null,
        idNumberIndex: options.idNumber ? ctx.cipher.blindIndex(options.idNumber, 'users.id_number') : null,
      },
      now,
    ),
    grants,
    now,
  );
  return { id, username, password: TEST_PASSWORD, totpSecret };
}

/** The last TOTP time step each secret signed in with, per app: a code is accepted once (ADR 018). */
const usedSteps = new WeakMap<AppInstance, Map<string, number>>();

/**
 * A code for the account's next unused time step: when this step's code was used already, the
 * fake clock moves on to the start of the next step (at most 30 s).
 */
export function freshTotpCode(app: AppInstance, secret: string): string {
  const used = usedSteps.get(app) ?? new Map<string, number>();
  usedSteps.set(app, used);
  const clock = app.ctx.clock;
  const last = used.get(secret);
  const now = clock.now().getTime();
  if (last !== undefined && Math.floor(now / 30_000) <= last && clock instanceof FakeClock)
    clock.advance((last + 1) * 30_000 - now);
  const at = clock.now();
  used.set(secret, Math.floor(at.getTime() / 30_000));
  return totpCode(secret, at);
}

const sessionCookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const cookie = res.cookies.find((c) => c.name === 'guazhi_session');
  if (!cookie) throw new Error('no session cookie');
  return `guazhi_session=${cookie.value}`;
};

/**
 * Logs in through the API (password, then the TOTP code when the account has one) and
 * returns the Cookie header value for later calls — after a second factor, the new session's.
 */
export async function login(
  app: AppInstance,
  who: string | TestAccount,
  password = TEST_PASSWORD,
): Promise<string> {
  const username = typeof who === 'string' ? who : who.username;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const header = sessionCookieOf(res);
  if (!res.json().secondFactorPending) return header;
  if (typeof who === 'string' || !who.totpSecret)
    throw new Error(`${username} needs a TOTP code: pass the TestAccount`);
  const second = await app.inject({
    method: 'POST',
    url: '/api/auth/totp/verify',
    payload: { code: freshTotpCode(app, who.totpSecret) },
    headers: { cookie: header },
  });
  if (second.statusCode !== 200) throw new Error(`second factor failed for ${username}: ${second.body}`);
  return sessionCookieOf(second);
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

let cadreSeq = 0;
/** A valid fictional cadre (unique ID number with an unassigned county code; see fictionalIdNumber). */
export function cadreInput(unitId: string, overrides: Partial<CadreInput> = {}): CadreInput {
  cadreSeq += 1;
  const day = String(1 + (cadreSeq % 28)).padStart(2, '0');
  const sequence = String(100 + (cadreSeq % 900)).padStart(3, '0');
  const birthDate = `19${80 + (cadreSeq % 15)}-0${1 + (cadreSeq % 9)}-${day}`;
  const idNumber = fictionalIdNumber('52', birthDate.replaceAll('-', ''), sequence);
  return {
    name: `测试干部${cadreSeq}`,
    gender: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    birthDate,
    idNumber,
    phone: '13800007777',
    education: 'master',
    degree: 'master',
    school: '示例大学',
    major: '公共管理',
    unitId,
    position: '副处长',
    rankLevel: 'division_deputy',
    rankKind: 'leadership',
    reserve: false,
    expertise: ['招商引资'],
    resume: [
      { fromMonth: '2010-07', toMonth: '2015-06', unitName: '示例市发展和改革委员会', position: '科员' },
    ],
    relatives: [],
    ...overrides,
  };
}
