import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { insertRows } from './bulk-insert.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const stored = () =>
  t.ctx.db.selectFrom('regions').selectAll().where('code', 'like', '99%').orderBy('code').execute();

describe('bulk insert', () => {
  it('stores every row of many statements, with reused SQL, uneven last statement and rows of other columns', async () => {
    // 7 columns → 1 000 rows a statement: 2 500 rows are two full statements (the second reusing
    // the first's SQL) and a short one; rows without `parentCode` make a different shape
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const code = `99${String(i).padStart(4, '0')}`;
      return {
        code,
        name: `测试区${i}`,
        fullName: `测试省 / 测试区${i}`,
        level: 3,
        ...(i % 700 === 0 ? {} : { parentCode: null }),
        path: `/99/${code}/`,
        hasChildren: i % 2,
      };
    });
    await t.ctx.db.transaction().execute((trx) => insertRows(trx, 'regions', rows));
    const got = await stored();
    expect(got).toHaveLength(2500);
    for (const i of [0, 699, 700, 999, 1000, 1999, 2000, 2499]) {
      expect(got[i]).toMatchObject({
        code: rows[i]?.code,
        name: `测试区${i}`,
        fullName: `测试省 / 测试区${i}`,
        level: 3,
        parentCode: null,
        path: rows[i]?.path,
        hasChildren: i % 2,
      });
    }
  });

  it('stores any text as it was given: quotes, backslashes, braces, commas, NULL as a word, empty', async () => {
    const awkward = [
      'say "hi"',
      'C:\\dir\\x',
      '{a,b}',
      'a, b',
      'NULL',
      '',
      '张三 🙂',
      "it's",
      '\t tab',
      ' lead',
    ];
    // 6 000 rows: more than one statement on either database
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      code: `97${String(i).padStart(4, '0')}`,
      name: awkward[i % awkward.length] as string,
      fullName: `全称${i}`,
      level: 3,
      parentCode: null,
      path: `/97/${i}/`,
      hasChildren: i % 2,
    }));
    await t.ctx.db.transaction().execute((trx) => insertRows(trx, 'regions', rows));
    const got = await t.ctx.db
      .selectFrom('regions')
      .selectAll()
      .where('code', 'like', '97%')
      .orderBy('code')
      .execute();
    expect(got).toHaveLength(6000);
    expect(got.map((r) => r.name)).toEqual(rows.map((r) => r.name));
    expect(got[5999]).toMatchObject({ fullName: '全称5999', level: 3, parentCode: null, hasChildren: 1 });
  });

  it('writes nothing when a row of a later statement is refused', async () => {
    const before = (await stored()).length;
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      code: `98${String(i).padStart(4, '0')}`,
      name: `失败区${i}`,
      fullName: `失败区${i}`,
      level: 3,
      parentCode: null,
      path: `/98/${i}/`,
      hasChildren: 0,
    }));
    // a duplicate key in the second statement
    rows[1200] = { ...(rows[1200] as (typeof rows)[number]), code: rows[3]?.code as string };
    await expect(t.ctx.db.transaction().execute((trx) => insertRows(trx, 'regions', rows))).rejects.toThrow();
    expect((await stored()).length).toBe(before);
    expect(
      await t.ctx.db.selectFrom('regions').select('code').where('code', 'like', '98%').execute(),
    ).toEqual([]);
  });

  it('does nothing for no rows', async () => {
    await expect(insertRows(t.ctx.db, 'regions', [])).resolves.toBeUndefined();
  });
});
