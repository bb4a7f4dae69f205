import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { logFileName, openLogFile } from './log-file.js';
import { loggerOptions } from './logging.js';

const DAY = 86_400_000;

describe('request log files (GUAZHI_LOG_DIR)', () => {
  it('writes JSON lines into one file a day and deletes files past the retention', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-logs-'));
    let now = Date.parse('2026-12-02T10:00:00Z');
    writeFileSync(path.join(dir, logFileName('2026-05-01')), 'old\n'); // 215 days before
    writeFileSync(path.join(dir, logFileName('2026-06-10')), 'kept\n'); // 175 days before
    writeFileSync(path.join(dir, 'other.txt'), 'not ours\n');
    const file = openLogFile({ dir, retentionDays: 180, now: () => now });
    const app = Fastify({ logger: loggerOptions('info', file) });
    app.get('/api/x', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/api/x?q=张三' });
    now += DAY;
    await app.inject({ method: 'GET', url: '/api/x' });
    await app.close();
    await file.close();

    expect(readdirSync(dir).sort()).toEqual([
      'guazhi-2026-06-10.log',
      'guazhi-2026-12-02.log',
      'guazhi-2026-12-03.log',
      'other.txt',
    ]);
    const first = readFileSync(path.join(dir, 'guazhi-2026-12-02.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(first[0].req).toMatchObject({ method: 'GET', url: '/api/x?q=***' });
    const second = readFileSync(path.join(dir, 'guazhi-2026-12-03.log'), 'utf8').trim().split('\n');
    expect(second.map((l) => JSON.parse(l).msg)).toEqual(['incoming request', 'request completed']);
    expect(statSync(path.join(dir, 'guazhi-2026-12-03.log')).mode & 0o777).toBe(0o600);

    // 180 days on, at the next new file, the first day's file goes
    now += 180 * DAY;
    const later = openLogFile({ dir, retentionDays: 180, now: () => now });
    later.write('{}\n');
    await later.close();
    expect(existsSync(path.join(dir, 'guazhi-2026-06-10.log'))).toBe(false);
    expect(existsSync(path.join(dir, 'guazhi-2026-12-02.log'))).toBe(false);
    expect(existsSync(path.join(dir, 'guazhi-2026-12-03.log'))).toBe(true);
  });

  it('is configured by GUAZHI_LOG_DIR (default: standard output) and a retention of at least 180 days', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-config-'));
    expect(loadConfig({ GUAZHI_DATA_DIR: dataDir })).toMatchObject({ logDir: null, logRetentionDays: 180 });
    const logDir = path.join(dataDir, 'logs');
    expect(
      loadConfig({ GUAZHI_DATA_DIR: dataDir, GUAZHI_LOG_DIR: logDir, GUAZHI_LOG_RETENTION_DAYS: '400' }),
    ).toMatchObject({
      logDir,
      logRetentionDays: 400,
    });
    expect(existsSync(logDir)).toBe(true);
    expect(() => loadConfig({ GUAZHI_DATA_DIR: dataDir, GUAZHI_LOG_RETENTION_DAYS: '30' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ GUAZHI_DATA_DIR: dataDir, GUAZHI_LOG_RETENTION_DAYS: '30' })).toThrow(
      '须为不小于 180 的整数（天）',
    );
  });
});
