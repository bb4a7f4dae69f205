import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** null → the embedded SQLite file `<dataDir>/guazhi.sqlite`. */
  databaseUrl: string | null;
  sqliteFile: string;
  /** Reader threads running SELECTs off the event loop on SQLite (ADR 019); 0: none. */
  sqliteReaders: number;
  demo: boolean;
  production: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** Request logs as daily JSON-lines files here (log-file.ts); null → standard output. */
  logDir: string | null;
  /** Log files older than this are deleted (≥ 180 days: 网络安全法 第二十一条 requires 6 months). */
  logRetentionDays: number;
  /** Refused requests (401/403, or 429) per instance in 5 minutes that notify the security administrators. */
  alertThreshold: number;
  /** Audit rows younger than this are never archived (≥ 180 days: 网络安全法 requires 6 months). */
  auditRetentionDays: number;
  /** Signed-in sessions one account may hold at once; a new one ends the oldest (ADR 018). */
  maxSessions: number;
  /** Keys the HMAC that turns a session token into its stored id. */
  sessionSecret: Buffer;
  /** AES-256 key for personal data at rest (ID numbers); never stored in the database. */
  dataKey: Buffer;
  /** Keys the audit chain's HMAC (ADR 013); never stored in the database. */
  auditKey: Buffer;
  /** Where the audit chain's head is anchored; null → `<dataDir>/audit-anchor`. */
  auditAnchorFile?: string | null;
  /** Scheduled backups (server/backup/): their folder, or null for none (`GUAZHI_BACKUP_DIR`). */
  backupDir: string | null;
  /** Hours between scheduled backups (`GUAZHI_BACKUP_EVERY_HOURS`, default 24). */
  backupEveryHours: number;
  /** Scheduled backups kept, newest first (`GUAZHI_BACKUP_KEEP`, default 7). */
  backupKeep: number;
  /** A backup before pending migrations run on a database with data (`GUAZHI_BACKUP_BEFORE_MIGRATE`, default 1). */
  backupBeforeMigrate: boolean;
}

/** A bad configuration value: `main` prints `message` as one line and exits non-zero. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`配置错误 / invalid configuration: ${variable} — ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function readPort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) {
    throw new ConfigError('PORT', `须为 1–65535 的整数 / must be an integer 1–65535 (got "${raw}")`);
  }
  return n;
}

function readHost(env: Env): string {
  const host = env.HOST ?? '127.0.0.1';
  if (!/^[a-zA-Z0-9.:[\]-]+$/.test(host)) {
    throw new ConfigError('HOST', `不是有效的主机名或地址 / not a host name or address (got "${host}")`);
  }
  return host;
}

function readFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `须为 0 或 1 / must be 0 or 1 (got "${raw}")`);
}

/** A retention period in days: 180 by default and at least that (six months, 网络安全法 第二十一条). */
function readDays(env: Env, name: string): number {
  const raw = env[name] || '180';
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days < 180) {
    throw new ConfigError(
      name,
      `须为不小于 180 的整数（天）/ must be a whole number of days, at least 180 (got "${raw}")`,
    );
  }
  return days;
}

function readDatabaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', '不是有效的 URL / not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      'DATABASE_URL',
      `只支持 postgres:// 地址，留空则使用内置 SQLite / only postgres:// URLs are supported; leave it unset for SQLite (got "${url.protocol}")`,
    );
  }
  return raw;
}

/**
 * A secret comes from the environment; outside production a missing one is generated
 * once and kept in `<dataDir>/secrets/` (mode 0600) so restarts keep sessions and data readable.
 */
function readSecret(
  env: Env,
  variable: string,
  file: string,
  production: boolean,
  dataDir: string,
  decode: (raw: string) => Buffer | null,
  expectation: string,
): Buffer {
  const raw = env[variable];
  if (raw !== undefined && raw !== '') {
    const value = decode(raw.trim());
    if (!value) throw new ConfigError(variable, expectation);
    return value;
  }
  if (production) {
    throw new ConfigError(
      variable,
      `生产环境（NODE_ENV=production）必须设置 / required when NODE_ENV=production; ${expectation}`,
    );
  }
  const dir = path.join(dataDir, 'secrets');
  const filePath = secretFile(dataDir, file);
  if (existsSync(filePath)) {
    const value = decode(readFileSync(filePath, 'utf8').trim());
    if (!value) throw new ConfigError(variable, `${filePath} 内容无效 / content is invalid; ${expectation}`);
    return value;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const generated = randomBytes(32).toString('hex');
  writeFileSync(filePath, `${generated}\n`, { mode: 0o600 });
  chmodSync(filePath, 0o600);
  return decode(generated) as Buffer;
}

/** Where a secret generated outside production is kept. */
export const secretFile = (dataDir: string, name: string): string => path.join(dataDir, 'secrets', name);

const decodeSessionSecret = (raw: string) => (raw.length >= 32 ? Buffer.from(raw, 'utf8') : null);
/** A 32-byte key given as 64 hex digits or base64; null when it is not one. */
export const decodeDataKey = (raw: string) => {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  const b = Buffer.from(raw, 'base64');
  return b.length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? b : null;
};

function readNumber(
  env: Env,
  name: string,
  fallback: number,
  valid: (n: number, raw: string) => boolean,
  expectation: string,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !valid(n, raw)) {
    throw new ConfigError(name, `${expectation} (got "${raw}")`);
  }
  return n;
}

function readBackupDir(env: Env): string | null {
  const raw = env.GUAZHI_BACKUP_DIR;
  if (raw === undefined || raw === '') return null;
  const dir = path.resolve(raw);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ConfigError(
      'GUAZHI_BACKUP_DIR',
      `无法创建目录 / cannot create ${dir}: ${(error as Error).message}`,
    );
  }
  return dir;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = readPort(env);
  const host = readHost(env);
  const dataDir = path.resolve(env.GUAZHI_DATA_DIR || './data');
  const databaseUrl = readDatabaseUrl(env);
  const demo = readFlag(env, 'GUAZHI_DEMO', true);
  const trustProxy = readFlag(env, 'GUAZHI_TRUST_PROXY', false);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `须为 ${LOG_LEVELS.join(' / ')} 之一 / must be one of them (got "${logLevel}")`,
    );
  }
  const auditRetentionDays = readDays(env, 'GUAZHI_AUDIT_RETENTION_DAYS');
  const logRetentionDays = readDays(env, 'GUAZHI_LOG_RETENTION_DAYS');
  const thresholdRaw = env.GUAZHI_ALERT_THRESHOLD || '50';
  const alertThreshold = Number(thresholdRaw);
  if (!/^\d+$/.test(thresholdRaw) || alertThreshold < 1) {
    throw new ConfigError(
      'GUAZHI_ALERT_THRESHOLD',
      `须为正整数（每 5 分钟被拒绝的请求数）/ must be a positive whole number of refused requests per 5 minutes (got "${thresholdRaw}")`,
    );
  }
  const backupEveryHours = readNumber(
    env,
    'GUAZHI_BACKUP_EVERY_HOURS',
    24,
    (n) => n > 0 && n <= 24 * 366,
    '须为大于 0 的小时数（可带小数）/ must be a number of hours above 0',
  );
  const backupKeep = readNumber(
    env,
    'GUAZHI_BACKUP_KEEP',
    7,
    (n, raw) => /^\d+$/.test(raw) && n >= 1,
    '须为不小于 1 的整数 / must be a whole number, at least 1',
  );
  const backupBeforeMigrate = readFlag(env, 'GUAZHI_BACKUP_BEFORE_MIGRATE', true);
  const backupDir = readBackupDir(env);
  const maxSessions = readNumber(
    env,
    'GUAZHI_MAX_SESSIONS',
    5,
    (n, raw) => /^\d+$/.test(raw) && n >= 1 && n <= 100,
    '须为 1–100 的整数 / must be a whole number from 1 to 100',
  );
  const sqliteReaders = readNumber(
    env,
    'GUAZHI_SQLITE_READERS',
    2,
    (n, raw) => /^\d+$/.test(raw) && n <= 16,
    '须为 0–16 的整数 / must be a whole number 0–16',
  );
  const logDir = env.GUAZHI_LOG_DIR ? path.resolve(env.GUAZHI_LOG_DIR) : null;
  if (logDir) {
    try {
      mkdirSync(logDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new ConfigError(
        'GUAZHI_LOG_DIR',
        `无法创建目录 / cannot create ${logDir}: ${(error as Error).message}`,
      );
    }
  }
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ConfigError(
      'GUAZHI_DATA_DIR',
      `无法创建目录 / cannot create ${dataDir}: ${(error as Error).message}`,
    );
  }
  const sessionSecret = readSecret(
    env,
    'GUAZHI_SESSION_SECRET',
    'session-secret',
    production,
    dataDir,
    decodeSessionSecret,
    '须至少 32 个字符 / must be at least 32 characters',
  );
  const dataKey = readSecret(
    env,
    'GUAZHI_DATA_KEY',
    'data-key',
    production,
    dataDir,
    decodeDataKey,
    '须为 32 字节密钥（64 位十六进制或 base64）/ must be a 32-byte key as 64 hex digits or base64',
  );
  const auditKey = readSecret(
    env,
    'GUAZHI_AUDIT_KEY',
    'audit-key',
    production,
    dataDir,
    decodeDataKey,
    '须为 32 字节密钥（64 位十六进制或 base64）/ must be a 32-byte key as 64 hex digits or base64',
  );
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    sqliteFile: path.join(dataDir, 'guazhi.sqlite'),
    sqliteReaders,
    demo,
    production,
    trustProxy,
    logLevel,
    logDir,
    logRetentionDays,
    alertThreshold,
    auditRetentionDays,
    maxSessions,
    sessionSecret,
    dataKey,
    auditKey,
    auditAnchorFile: env.GUAZHI_AUDIT_ANCHOR ? path.resolve(env.GUAZHI_AUDIT_ANCHOR) : null,
    backupDir,
    backupEveryHours,
    backupKeep,
    backupBeforeMigrate,
  };
}
