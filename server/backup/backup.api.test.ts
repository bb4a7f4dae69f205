import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../../test/databases.js';
import {
  createAccount,
  createTestApp,
  login,
  type TestApp,
  testConfig,
  unitInput,
} from '../../test/helpers.js';
import type { Config } from '../core/config.js';
import { type Db, openDatabase } from '../core/database.js';
import { migrateToLatest } from '../core/migrate.js';
import { seedDemo } from '../demo/demo.seed.js';
import { readStoredFile, storeFile } from '../files/files.service.js';
import { blobStoreOf } from '../files/files.store.js';
import { migrations } from '../migrations/index.js';
import { runScheduledBackup } from './backup.job.js';
import {
  type BackupContext,
  backupBeforeMigrations,
  backupExtension,
  backupTo,
  manifestPath,
  restoreFrom,
} from './backup.service.js';

/**
 * Backups taken while the app writes, restored into a fresh database (SQLite file or
 * PostgreSQL database): every write acknowledged before the backup began is there, the rows
 * match the manifest, and a restore refuses a damaged file and a database in use.
 */
const PG = process.env.DATABASE_URL || undefined;
let t: TestApp;
let cookie: string;
let ctx: BackupContext;
const dir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-backup-'));
let n = 0;
const backupFile = () => path.join(dir, `b${++n}${backupExtension(ctx.dialect)}`);

async function pgAdmin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(PG as string) });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

const created: string[] = [];
/** An empty database to restore into, configured with the same keys; dropped after the file. */
async function freshTarget(): Promise<Config> {
  const config = testConfig();
  if (!PG) return { ...config, sqliteFile: path.join(config.dataDir, 'guazhi.sqlite') };
  const name = `restore_${process.pid}_${created.length}`;
  await pgAdmin(`CREATE DATABASE ${name}`);
  created.push(name);
  return { ...config, databaseUrl: adminUrl(PG, name) };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx);
  cookie = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  ctx = { db: t.ctx.db as Db, dialect: t.ctx.dialect, config: t.ctx.config, clock: t.clock };
});
afterAll(async () => {
  await t.close();
  for (const name of created) await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

async function createUnit(): Promise<{ id: string; name: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/units',
    payload: unitInput({ regionCode: '522630' }),
    headers: { cookie },
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id, name: res.json().name };
}

describe('backup and restore', () => {
  it('a backup taken during writes restores every write acknowledged before it began, rows as in the manifest', async () => {
    const acknowledged: { id: string; name: string }[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async () => {
      while (!stop) acknowledged.push(await createUnit());
    });
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 5));
    const before = [...acknowledged];
    const file = backupFile();
    const manifest = await backupTo(ctx, file);
    const during = acknowledged.length - before.length;
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(before.length);

    const target = await freshTarget();
    const report = await restoreFrom(target, t.clock, file);
    expect(report.rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));
    expect(report.audit.ok).toBe(true);
    const restored = openDatabase(target);
    try {
      const units = await restored.db.selectFrom('units').select(['id', 'name']).execute();
      const byId = new Map(units.map((u) => [u.id, u.name]));
      expect(units.length).toBe(manifest.tables.units);
      expect(before.filter((u) => byId.get(u.id) !== u.name)).toEqual([]);
      // whatever the backup holds is exactly what the source held then
      const source = new Map(
        (await t.ctx.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
      );
      expect(units.filter((u) => source.get(u.id) !== u.name)).toEqual([]);
      expect(during).toBeGreaterThanOrEqual(0);
    } finally {
      await restored.close();
    }
  });

  it("stored files' bytes travel with the backup (on SQLite they live under the data dir) and come back on restore", async () => {
    const content = Buffer.from(`%PDF-1.4\n% 备份测试 ${Date.now()}\ntrailer << >>\n%%EOF\n`);
    const stored = await storeFile(
      t.ctx,
      { ownerKind: 'backup-test', ownerId: 'b1', name: '备份测试.pdf', content, createdBy: null },
      async (_tx, file) => file,
    );
    const file = backupFile();
    const manifest = await backupTo(ctx, file);
    if (!PG) {
      expect(manifest.files?.packed).toBeGreaterThanOrEqual(1);
      expect(manifest.files?.missing).toBe(0);
      expect(manifest.tables.file_blobs).toBe(manifest.files?.packed);
    }
    const target = await freshTarget();
    await restoreFrom(target, t.clock, file);
    const restored = openDatabase(target);
    try {
      const rctx = { db: restored.db, dialect: restored.dialect, config: target, clock: t.clock };
      // the restored deployment reads the bytes through its own store: files under its data dir on SQLite
      const back = await readStoredFile(rctx, 'backup-test', 'b1', stored.id);
      expect(back.content.equals(content)).toBe(true);
      expect(back.file.name).toBe('备份测试.pdf');
      if (!PG) {
        // and the restored SQLite file keeps no copy of them: file_blobs is empty, as a live one is
        expect(await restored.db.selectFrom('fileBlobs').select('sha256').execute()).toEqual([]);
        expect(await blobStoreOf(rctx).count(restored.db)).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await restored.close();
    }
  });

  it('the manifest holds the schema version, a checksum and the rows per table', async () => {
    const file = backupFile();
    const manifest = await backupTo(ctx, file);
    const onDisk = JSON.parse(readFileSync(manifestPath(file), 'utf8'));
    expect(onDisk.schemaVersion).toBe(Object.keys(migrations).at(-1));
    expect(onDisk.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(onDisk.dialect).toBe(t.ctx.dialect);
    expect(onDisk.tables.cadres).toBeGreaterThan(0);
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(manifest)));
    await expect(backupTo(ctx, file)).rejects.toThrow(/备份文件已存在/);
  });

  it('personal data stays encrypted in the backup: no demo cadre ID number in its bytes', async () => {
    const file = backupFile();
    await backupTo(ctx, file);
    const rows = await t.ctx.db.selectFrom('cadres').select('idNumberEnc').execute();
    const plain = rows.map((r) => t.ctx.cipher.decrypt(r.idNumberEnc, 'cadres.id_number'));
    expect(plain.length).toBeGreaterThan(0);
    const bytes = readFileSync(file);
    for (const id of plain) {
      expect(bytes.includes(Buffer.from(id, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(id, 'utf16le'))).toBe(false);
    }
  });

  it('refuses a file that does not match its checksum, or has no manifest, with a clear message', async () => {
    const file = backupFile();
    await backupTo(ctx, file);
    const damaged = path.join(dir, `damaged${backupExtension(ctx.dialect)}`);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] as number) ^ 0xff;
    writeFileSync(damaged, bytes);
    copyFileSync(manifestPath(file), manifestPath(damaged));
    const target = await freshTarget();
    await expect(restoreFrom(target, t.clock, damaged)).rejects.toThrow(
      /备份文件校验和不符（清单记录 sha256 [0-9a-f]{64}，文件实际为 [0-9a-f]{64}）：文件已损坏或被改动，拒绝恢复/,
    );
    const bare = path.join(dir, `bare${backupExtension(ctx.dialect)}`);
    copyFileSync(file, bare);
    await expect(restoreFrom(target, t.clock, bare)).rejects.toThrow(/找不到备份清单/);
    await expect(restoreFrom({ ...target, dataKey: Buffer.alloc(32, 1) }, t.clock, file)).rejects.toThrow(
      /当前的 GUAZHI_DATA_KEY 与备份时使用的密钥不同，拒绝恢复/,
    );
    if (!PG) expect(existsSync(target.sqliteFile)).toBe(false);
  });

  it('refuses to restore into a database in use', async () => {
    const file = backupFile();
    await backupTo(ctx, file);
    await expect(restoreFrom(t.ctx.config, t.clock, file)).rejects.toThrow(
      PG
        ? /数据库正被 \d+ 个其他连接使用/
        : /正在使用中（guazhi serve 或其他命令打开着它）：请先停止服务再恢复/,
    );
    // the app still works on its own database
    await createUnit();
  });

  it('scheduled: one backup per period across instances, the newest N kept', async () => {
    const backupDir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-scheduled-'));
    const scheduled = { ...ctx, config: { ...ctx.config, backupDir, backupEveryHours: 1, backupKeep: 2 } };
    const taken: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([runScheduledBackup(scheduled), runScheduledBackup(scheduled)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      taken.push((a ?? b)?.file as string);
      expect(await runScheduledBackup(scheduled)).toBeNull();
      t.clock.advance(3_600_000);
    }
    const files = readdirSync(backupDir).sort();
    expect(files).toEqual(
      taken
        .slice(1)
        .flatMap((f) => [f, `${f}.manifest.json`])
        .sort(),
    );
  });

  it('backs up a database with data before its pending migrations run', async () => {
    const target = await freshTarget();
    const handle = openDatabase(target);
    try {
      const names = Object.keys(migrations);
      const older = Object.fromEntries(names.slice(0, -1).map((name) => [name, migrations[name]]));
      await migrateToLatest(handle.db, older as typeof migrations);
      const before = {
        db: handle.db,
        dialect: handle.dialect,
        config: { ...target, backupBeforeMigrate: true },
        clock: t.clock,
      };
      const file = (await backupBeforeMigrations(before)) as string;
      expect(path.basename(file)).toMatch(new RegExp(`^guazhi-before-${names.at(-1)}-\\d{8}T\\d{6}Z\\.`));
      expect(JSON.parse(readFileSync(manifestPath(file), 'utf8')).schemaVersion).toBe(names.at(-2));
      await migrateToLatest(handle.db);
      expect(await backupBeforeMigrations(before)).toBeNull();
    } finally {
      await handle.close();
    }
  });
});
