import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  secondInstance,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import { fieldCipher } from './crypto.js';
import { ENCRYPTED, rotateDataKey, type TextTables, UndecryptableError } from './key-rotation.js';

/** Issue 10 line 7: GUAZHI_DATA_KEY can be rotated; the data stays readable and findable. */
let t: TestApp;
let cookie: string;
let cadreId: string;
let input: ReturnType<typeof cadreInput>;
const NEW_KEY = Buffer.alloc(32, 3);

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app, await createAccount(t.ctx, { roles: ['org_dept'] }));
  await createAccount(t.ctx, {
    roles: ['system_admin'],
    idNumber: '110101199003077777',
    phone: '13900001111',
  });
  const unit = (
    await t.app.inject({ method: 'POST', url: '/api/units', payload: unitInput(), headers: { cookie } })
  ).json() as { id: string };
  input = cadreInput(unit.id, { name: '换钥干部' });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cadres',
    payload: input,
    headers: { cookie },
  });
  expect(created.statusCode, created.body).toBe(201);
  cadreId = created.json().id;
});
afterAll(() => t.close());

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const encryptedValues = async () => {
  const out: { table: string; column: string; aad: string; id: string; value: string }[] = [];
  for (const { table, columns } of ENCRYPTED) {
    const rows = (await (t.ctx.db as unknown as Kysely<TextTables>)
      .selectFrom(table)
      .selectAll()
      .execute()) as Record<string, string>[];
    for (const row of rows)
      for (const c of columns) {
        const value = row[c.column];
        if (value) {
          const id = row.id as string;
          out.push({
            table,
            column: c.column,
            id,
            value,
            aad: typeof c.aad === 'string' ? c.aad : c.aad(id),
          });
        }
      }
  }
  return out;
};

describe('rotate-data-key', () => {
  it('knows every encrypted column of the database', async () => {
    const tables = await t.ctx.db.introspection.getTables();
    const inDatabase = tables.flatMap((tb) =>
      tb.columns.filter((c) => c.name.endsWith('_enc')).map((c) => `${tb.name}.${c.name}`),
    );
    const listed = ENCRYPTED.flatMap(({ table, columns }) =>
      columns.map((c) => `${snake(table)}.${snake(c.column)}`),
    );
    expect(listed.filter((c) => c.endsWith('_enc')).sort()).toEqual(inDatabase.sort());
    expect(listed).toContain('imports.rows');
  });

  it('refuses a current key that does not decrypt the data, changing nothing', async () => {
    const before = await encryptedValues();
    await expect(rotateDataKey(t.ctx, Buffer.alloc(32, 1), NEW_KEY)).rejects.toBeInstanceOf(
      UndecryptableError,
    );
    expect(await encryptedValues()).toEqual(before);
  });

  it('re-encrypts everything under the new key: readable and findable with it, not with the old', async () => {
    const oldKey = t.ctx.config.dataKey;
    const before = await encryptedValues();
    expect(before.length).toBeGreaterThanOrEqual(4); // the cadre's ID and phone, the account's ID and phone (+ TOTP)
    const result = await rotateDataKey(t.ctx, oldKey, NEW_KEY);
    expect(result.rotated.cadres).toBe(2);
    expect(result.alreadyNew).toBe(0);

    const oldCipher = fieldCipher(oldKey);
    const newCipher = fieldCipher(NEW_KEY);
    const after = await encryptedValues();
    expect(after).toHaveLength(before.length);
    for (const [i, v] of after.entries()) {
      const was = before[i] as (typeof before)[number];
      expect(v.value).not.toBe(was.value);
      expect(newCipher.decrypt(v.value, v.aad)).toBe(oldCipher.decrypt(was.value, was.aad));
      expect(() => oldCipher.decrypt(v.value, v.aad)).toThrow();
    }

    // an instance started with the new key shows the data and finds the cadre by its ID number
    const renewed = await secondInstance(t, { config: { dataKey: NEW_KEY } });
    try {
      const c = await login(renewed.app, await createAccount(renewed.ctx, { roles: ['org_dept'] }));
      const full = await renewed.app.inject({
        method: 'GET',
        url: `/api/cadres/${cadreId}/personal`,
        headers: { cookie: c },
      });
      expect(full.statusCode, full.body).toBe(200);
      expect(full.json()).toEqual({ idNumber: input.idNumber, phone: input.phone });
      const again = await renewed.app.inject({
        method: 'POST',
        url: '/api/cadres',
        payload: { ...input, name: '重复干部' },
        headers: { cookie: c },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toBe('该身份证号的干部已在名册中');
    } finally {
      await renewed.close();
    }
    // the instance still on the old key can no longer read it
    const stale = await t.app.inject({
      method: 'GET',
      url: `/api/cadres/${cadreId}/personal`,
      headers: { cookie },
    });
    expect(stale.statusCode).toBe(500);

    // run again (as after an interrupted key swap): nothing changes
    const rerun = await rotateDataKey(t.ctx, oldKey, NEW_KEY);
    expect(Object.values(rerun.rotated).every((n) => n === 0)).toBe(true);
    expect(rerun.alreadyNew).toBe(after.length);
    expect(await encryptedValues()).toEqual(after);
  });
});
