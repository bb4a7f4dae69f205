import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_CAP } from '../../common/http/paging.schema.js';
import type { Unit } from '../../common/units/units.schema.js';
import { cloneTemplate, type TestDatabase } from '../../test/databases.js';
import { createAccount, createTestApp, login, type TestApp, unitInput } from '../../test/helpers.js';
import { compileUnitPage } from '../units/units.repository.js';
import type { NewUnit } from '../units/units.table.js';
import { insertRows } from './bulk-insert.js';
import { type DatabaseHandle, openDatabase } from './database.js';
import { FULL_SCOPE } from './scope.js';
import { refreshStatistics } from './statistics.js';
import { inTransaction } from './transaction.js';

// ADR 019: SELECTs outside transactions run on reader threads (SQLite); lists count up to
// COUNT_CAP and walk a sort index. The reader pool is SQLite's; the lists' API shape is both's.

/** A fictional unit row for bulk inserts. */
const unit = (name: string, overrides: Partial<NewUnit> = {}): NewUnit => ({
  id: randomUUID(),
  name,
  namePinyin: 'ceshi',
  nameInitials: 'cs',
  kind: 'other',
  regionCode: '522601',
  parentId: null,
  contactName: null,
  contactPhone: null,
  active: 1,
  version: 1,
  createdAt: '2026-12-02T00:00:00.000Z',
  updatedAt: '2026-12-02T00:00:00.000Z',
  createdBy: null,
  updatedBy: null,
  ...overrides,
});

describe('the reader pool (SQLite, in both passes)', () => {
  let database: TestDatabase;
  let pooled: DatabaseHandle;
  let direct: DatabaseHandle;
  beforeAll(async () => {
    database = await cloneTemplate(undefined);
    pooled = openDatabase({ ...database, sqliteReaders: 2 });
    direct = openDatabase({ ...database, sqliteReaders: 0 });
  });
  afterAll(async () => {
    await pooled.close();
    await direct.close();
    await database.drop();
  });

  const names = (db: DatabaseHandle['db']) =>
    db
      .selectFrom('units')
      .select(['id', 'name', 'version'])
      .where('regionCode', '=', '522601')
      .orderBy('id')
      .execute();

  it('reads what was committed just before, the same rows as the main connection', async () => {
    await pooled.db.insertInto('units').values(unit('读写一致测试单位甲')).execute();
    await inTransaction({ db: pooled.db }, (tx) =>
      tx.db.insertInto('units').values(unit('读写一致测试单位乙')).execute(),
    );
    const read = await names(pooled.db);
    expect(read.map((r) => r.name)).toEqual(
      expect.arrayContaining(['读写一致测试单位甲', '读写一致测试单位乙']),
    );
    expect(read).toEqual(await names(direct.db));
  });

  it('runs a read outside a transaction on a reader while the transaction holds the main connection', async () => {
    const outside = await inTransaction({ db: pooled.db }, async (tx) => {
      await tx.db.insertInto('units').values(unit('未提交的测试单位')).execute();
      const inside = await tx.db
        .selectFrom('units')
        .select('name')
        .where('name', '=', '未提交的测试单位')
        .execute();
      expect(inside).toHaveLength(1);
      // on the one main connection this read would wait for the transaction's end, which waits for it
      return pooled.db.selectFrom('units').select('name').where('name', '=', '未提交的测试单位').execute();
    });
    expect(outside).toEqual([]);
    const after = await pooled.db
      .selectFrom('units')
      .select('name')
      .where('name', '=', '未提交的测试单位')
      .execute();
    expect(after).toEqual([{ name: '未提交的测试单位' }]);
  });

  it('gives blobs back as Buffers and errors with their SQLite code', async () => {
    const row = await pooled.db
      .selectFrom('meta')
      .select(sql<Buffer>`x'00ff10'`.as('bytes'))
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(Buffer.isBuffer(row.bytes)).toBe(true);
    expect([...row.bytes]).toEqual([0, 255, 16]);
    await expect(pooled.db.selectFrom('units').select(sql`no_such_column`.as('x')).execute()).rejects.toThrow(
      /no such column/,
    );
  });

  it('walks the name sort index for a big region instead of sorting it (EXPLAIN QUERY PLAN)', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...unit(`索引计划测试单位${i}`),
      namePinyin: `suoyin${i}`,
    }));
    await inTransaction({ db: direct.db }, (tx) => insertRows(tx.db, 'units', many));
    expect(await refreshStatistics(direct.db, 'sqlite')).toContain('units');
    const query = compileUnitPage(
      direct.db,
      { page: 3, pageSize: 20, order: 'asc', sort: 'name', regionCode: '522600' },
      '522600',
      FULL_SCOPE,
    );
    const raw = new SQLite(database.sqliteFile, { readonly: true });
    try {
      const plan = raw
        .prepare(`explain query plan ${query.sql}`)
        .all(...(query.parameters as unknown[]))
        .map((r) => (r as { detail: string }).detail)
        .join('\n');
      expect(plan).toContain('COVERING INDEX units_name_sort_idx');
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      raw.close();
    }
  });
});

describe('lists count up to COUNT_CAP', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    cookie = await login(t.app, await createAccount(t.ctx, { roles: ['system_admin'] }));
  });
  afterAll(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('answers a written unit at once through the list (read your writes)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      payload: unitInput({ name: '计数上限测试局', regionCode: '522631' }),
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = (await get('/api/units?regionCode=522631&q=计数上限')).json() as {
      items: Unit[];
      total: number;
    };
    expect(page.items.map((u) => u.name)).toEqual(['计数上限测试局']);
    expect(page.total).toBe(1);
  });

  it(`says "more than ${COUNT_CAP}" instead of counting further, and refuses pages beyond`, async () => {
    const rows = Array.from({ length: COUNT_CAP + 5 }, (_, i) =>
      unit(`上限测试单位${i}`, {
        namePinyin: `shangxian${String(i).padStart(5, '0')}`,
        regionCode: '522632',
      }),
    );

    await inTransaction(t.ctx, (tx) => insertRows(tx.db, 'units', rows));
    t.ctx.readCache.invalidate();
    const first = (await get('/api/units?regionCode=522632&pageSize=100')).json();
    expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true, page: 1, pageSize: 100 });
    expect(first.items[0].name).toBe('上限测试单位0');
    const last = (await get(`/api/units?regionCode=522632&pageSize=100&page=${COUNT_CAP / 100}`)).json();
    expect(last.items).toHaveLength(100);
    const beyond = await get(`/api/units?regionCode=522632&pageSize=100&page=${COUNT_CAP / 100 + 1}`);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().message).toContain(`只能查看前 ${COUNT_CAP} 条`);
    // a page that ends early tells its own total; below the cap the total is exact
    const few = (await get('/api/units?regionCode=522632&q=上限测试单位1000')).json();
    expect(few).toMatchObject({ total: 6 });
    expect(few.totalCapped).toBeUndefined();
  });
});
