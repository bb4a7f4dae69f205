import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  TEST_PASSWORD,
  type TestApp,
  unitInput,
} from './helpers.js';

/**
 * Personal data never rests or travels in clear where it should not: not in the database file
 * or its WAL, not in the request log. Seeded values are searched for byte by byte.
 */
const IDS = [
  fictionalIdNumber('52', '19860301', '101'),
  fictionalIdNumber('32', '19790715', '202'),
  fictionalIdNumber('11', '19920120', '303'),
];
const PHONES = ['13811112222', '13933334444', '13755556666'];
/** A cadre's ID number, and the one the cadre proposes in a correction (same birth date, gender). */
const CADRE_ID = fictionalIdNumber('52', '19880808', '131');
const CORRECTED_ID = fictionalIdNumber('52', '19880808', '153');
const CADRE_PHONE = '13677778888';
const ALL_IDS = [...IDS, CADRE_ID, CORRECTED_ID];
const NEW_PASSWORD = 'Secret#Log2026';

let t: TestApp;
const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'guazhi-log-')), 'requests.log');
const logStream = createWriteStream(logFile);

beforeAll(async () => {
  t = await createTestApp({ logStream });
  const admin = await createAccount(t.ctx, { roles: ['system_admin'] });
  const cookie = await login(t.app, admin);
  for (const [i, idNumber] of IDS.entries()) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { username: `pd${i}`, displayName: `个人信息测试${i}`, idNumber, phone: PHONES[i] },
      headers: { cookie },
    });
    expect(res.statusCode).toBe(201);
    // search with personal data in the query string, and a login with a password in the body
    await t.app.inject({ method: 'GET', url: `/api/accounts?q=${IDS[i]}&pageSize=5`, headers: { cookie } });
    await t.app.inject({ method: 'GET', url: `/api/units?q=${PHONES[i]}`, headers: { cookie } });
    const oneTime = res.json().oneTimePassword;
    const c = await login(t.app, `pd${i}`, oneTime);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: oneTime, newPassword: NEW_PASSWORD },
      headers: { cookie: c },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `pd${i}`, password: 'Wrong#Guess1' },
    });
  }
  await t.app.inject({
    method: 'POST',
    url: '/api/units',
    payload: unitInput({ contactPhone: PHONES[0] }),
    headers: { cookie },
  });

  // a cadre record, its own account, and a correction proposing a new ID number
  const keeper = await login(t.app, await createAccount(t.ctx, { roles: ['org_dept'] }));
  const as = (c: string) => ({ cookie: c });
  const unit = await t.app.inject({
    method: 'POST',
    url: '/api/units',
    payload: unitInput({ name: '个人信息测试单位' }),
    headers: as(keeper),
  });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cadres',
    payload: cadreInput(unit.json().id, {
      name: '个人信息干部',
      gender: 'male',
      birthDate: '1988-08-08',
      idNumber: CADRE_ID,
      phone: CADRE_PHONE,
    }),
    headers: as(keeper),
  });
  expect(created.statusCode, created.body).toBe(201);
  const cadreAccount = await createAccount(t.ctx, {
    grants: [{ role: 'cadre', regionCode: null, unitId: null, programmeIds: null }],
  });
  const linked = await t.app.inject({
    method: 'PUT',
    url: `/api/cadres/${created.json().id}/account`,
    payload: { username: cadreAccount.username, version: created.json().version },
    headers: as(keeper),
  });
  expect(linked.statusCode, linked.body).toBe(200);
  const self = await login(t.app, cadreAccount);
  expect((await t.app.inject({ method: 'GET', url: '/api/me/cadre', headers: as(self) })).statusCode).toBe(
    200,
  );
  const proposed = await t.app.inject({
    method: 'POST',
    url: '/api/corrections',
    payload: { changes: { idNumber: CORRECTED_ID }, note: '身份证换发' },
    headers: as(self),
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
  for (const c of [self, keeper]) {
    const listed = await t.app.inject({ method: 'GET', url: '/api/corrections', headers: as(c) });
    expect(listed.body).not.toContain(CORRECTED_ID);
    expect(listed.body).toContain(`${CORRECTED_ID.slice(0, 3)}***********${CORRECTED_ID.slice(-4)}`);
  }
});
afterAll(() => t.close());

function occurrences(haystack: Buffer, needle: string): number {
  let n = 0;
  for (const enc of ['utf8', 'utf16le'] as const) {
    const b = Buffer.from(needle, enc);
    for (let i = haystack.indexOf(b); i >= 0; i = haystack.indexOf(b, i + 1)) n++;
  }
  return n;
}

describe('personal data at rest', () => {
  it('ID numbers are nowhere in the database in clear (SQLite: the file and its WAL, byte by byte)', async () => {
    if (t.ctx.dialect === 'sqlite') {
      const files = [t.ctx.config.sqliteFile, `${t.ctx.config.sqliteFile}-wal`].filter(existsSync);
      expect(files.length).toBeGreaterThan(0);
      let scanned = 0;
      for (const file of files) {
        const bytes = readFileSync(file);
        scanned += bytes.length;
        for (const id of ALL_IDS) expect(occurrences(bytes, id), `${id} in ${file}`).toBe(0);
        for (const id of ALL_IDS)
          expect(occurrences(bytes, id.slice(6, 14) + id.slice(14)), `${id} tail in ${file}`).toBe(0);
      }
      expect(scanned).toBeGreaterThan(100_000);
    } else {
      const dump = JSON.stringify([
        await t.ctx.db.selectFrom('users').selectAll().execute(),
        await t.ctx.db.selectFrom('auditLog').selectAll().execute(),
        await t.ctx.db.selectFrom('cadres').selectAll().execute(),
        await t.ctx.db.selectFrom('cadreCorrections').selectAll().execute(),
      ]);
      expect(dump.length).toBeGreaterThan(1000);
      for (const id of ALL_IDS) expect(dump).not.toContain(id);
    }
  });

  it('the audit log holds only masked references', async () => {
    const rows = JSON.stringify(await t.ctx.db.selectFrom('auditLog').selectAll().execute());
    for (const id of [...IDS, CADRE_ID]) {
      expect(rows).not.toContain(id);
      expect(rows).toContain(`${id.slice(0, 3)}***********${id.slice(-4)}`);
    }
    expect(rows).not.toContain(CORRECTED_ID);
    for (const phone of [...PHONES, CADRE_PHONE]) expect(rows).not.toContain(phone);
  });

  it('deleting an account removes its personal data from the file (secure_delete)', async () => {
    const row = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'pd2')
      .executeTakeFirstOrThrow();
    const ciphertext = row.idNumberEnc as string;
    const admin = await createAccount(t.ctx, { roles: ['system_admin'] });
    const cookie = await login(t.app, admin);
    await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${row.id}/deactivate`,
      payload: { version: row.version },
      headers: { cookie },
    });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/accounts/${row.id}?version=${row.version + 1}`,
      headers: { cookie },
    });
    expect(del.statusCode).toBe(200);
    if (t.ctx.dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(t.ctx.db);
      const bytes = readFileSync(t.ctx.config.sqliteFile);
      expect(occurrences(bytes, ciphertext)).toBe(0);
      expect(occurrences(bytes, row.phoneEnc as string)).toBe(0);
      expect(occurrences(bytes, row.passwordHash)).toBe(0);
    } else {
      const left = await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('idNumberEnc', '=', ciphertext)
        .execute();
      expect(left).toEqual([]);
    }
  });
});

describe('request log', () => {
  it('has the requests but no ID number, phone, password or session token', async () => {
    await new Promise<void>((resolve) => logStream.write('', () => resolve()));
    const log = readFileSync(logFile, 'utf8');
    expect(log.split('\n').filter((l) => l.includes('"url":"/api/accounts')).length).toBeGreaterThan(3);
    for (const value of [
      ...ALL_IDS,
      ...PHONES,
      CADRE_PHONE,
      NEW_PASSWORD,
      TEST_PASSWORD,
      'Wrong#Guess1',
      'guazhi_session=',
    ]) {
      expect(log.includes(value), value).toBe(false);
    }
    expect(log).toContain('q=***');
  });
});
