import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'guazhi-config-'));
const KEY = 'a'.repeat(64);
const SECRET = 's'.repeat(40);

describe('configuration', () => {
  it('has the documented defaults', () => {
    const dataDir = dir();
    const config = loadConfig({ GUAZHI_DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir,
      databaseUrl: null,
      sqliteFile: path.join(dataDir, 'guazhi.sqlite'),
      demo: true,
      production: false,
    });
  });

  it('generates secrets once into the data dir, readable only by the owner, and reuses them', () => {
    const dataDir = dir();
    const first = loadConfig({ GUAZHI_DATA_DIR: dataDir });
    const file = path.join(dataDir, 'secrets', 'data-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    const second = loadConfig({ GUAZHI_DATA_DIR: dataDir });
    expect(second.dataKey.equals(first.dataKey)).toBe(true);
    expect(second.sessionSecret.equals(first.sessionSecret)).toBe(true);
    expect(first.dataKey).toHaveLength(32);
    const auditKeyFile = path.join(dataDir, 'secrets', 'audit-key');
    expect(statSync(auditKeyFile).mode & 0o777).toBe(0o600);
    expect(second.auditKey.equals(first.auditKey)).toBe(true);
    expect(first.auditKey).toHaveLength(32);
    expect(first.auditKey.equals(first.dataKey)).toBe(false);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      GUAZHI_DATA_DIR: dir(),
      DATABASE_URL: 'postgres://app@127.0.0.1:5432/guazhi',
      GUAZHI_DEMO: '0',
      GUAZHI_SESSION_SECRET: SECRET,
      GUAZHI_DATA_KEY: KEY,
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://app@127.0.0.1:5432/guazhi',
      demo: false,
    });
    expect(config.dataKey.toString('hex')).toBe(KEY);
  });

  const bad: [Record<string, string>, string][] = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'a b' }, 'HOST'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ GUAZHI_DEMO: 'maybe' }, 'GUAZHI_DEMO'],
    [{ GUAZHI_DATA_KEY: 'short' }, 'GUAZHI_DATA_KEY'],
    [{ GUAZHI_SESSION_SECRET: 'short' }, 'GUAZHI_SESSION_SECRET'],
    [{ NODE_ENV: 'production', GUAZHI_DATA_KEY: KEY }, 'GUAZHI_SESSION_SECRET'],
    [{ NODE_ENV: 'production', GUAZHI_SESSION_SECRET: SECRET }, 'GUAZHI_DATA_KEY'],
    [{ NODE_ENV: 'production', GUAZHI_SESSION_SECRET: SECRET, GUAZHI_DATA_KEY: KEY }, 'GUAZHI_AUDIT_KEY'],
    [{ GUAZHI_AUDIT_KEY: 'short' }, 'GUAZHI_AUDIT_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ];
  it.each(bad)('refuses %o naming %s in one line', (env, variable) => {
    let error: unknown;
    try {
      loadConfig({ GUAZHI_DATA_DIR: dir(), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
  });

  it('in production takes secrets from the environment and writes no files', () => {
    const dataDir = dir();
    const config = loadConfig({
      NODE_ENV: 'production',
      GUAZHI_DATA_DIR: dataDir,
      GUAZHI_SESSION_SECRET: SECRET,
      GUAZHI_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
      GUAZHI_AUDIT_KEY: Buffer.alloc(32, 2).toString('hex'),
    });
    expect(config.production).toBe(true);
    expect(config.auditKey.equals(Buffer.alloc(32, 2))).toBe(true);
    expect(config.dataKey.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(() => statSync(path.join(dataDir, 'secrets'))).toThrow();
  });

  it('reads the backup settings and refuses bad ones with one line naming them', () => {
    const dataDir = dir();
    const backupDir = path.join(dir(), 'backups');
    expect(loadConfig({ GUAZHI_DATA_DIR: dataDir })).toMatchObject({
      backupDir: null,
      backupEveryHours: 24,
      backupKeep: 7,
      backupBeforeMigrate: true,
    });
    expect(
      loadConfig({
        GUAZHI_DATA_DIR: dataDir,
        GUAZHI_BACKUP_DIR: backupDir,
        GUAZHI_BACKUP_EVERY_HOURS: '0.5',
        GUAZHI_BACKUP_KEEP: '3',
        GUAZHI_BACKUP_BEFORE_MIGRATE: '0',
      }),
    ).toMatchObject({ backupDir, backupEveryHours: 0.5, backupKeep: 3, backupBeforeMigrate: false });
    expect(statSync(backupDir).isDirectory()).toBe(true);
    for (const [name, value] of [
      ['GUAZHI_BACKUP_EVERY_HOURS', '0'],
      ['GUAZHI_BACKUP_EVERY_HOURS', 'daily'],
      ['GUAZHI_BACKUP_KEEP', '0'],
      ['GUAZHI_BACKUP_KEEP', '2.5'],
    ] as const) {
      expect(() => loadConfig({ GUAZHI_DATA_DIR: dataDir, [name]: value })).toThrow(
        new RegExp(
          `^配置错误 / invalid configuration: ${name} — .*\\(got "${value.replace('.', '\\.')}"\\)$`,
        ),
      );
    }
  });
});
