import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../common/accounts/accounts.schema.js';
import { createAccount, createTestApp, login, type TestAccount, type TestApp } from '../../test/helpers.js';
import { HARD_LOCK_AFTER_FAILURES } from '../auth/throttle.service.js';
import { fictionalIdNumber } from '../demo/demo.seed.js';

let t: TestApp;
let sysadmin: string;
let secadmin: string;
let sysadminAccount: TestAccount;

beforeAll(async () => {
  t = await createTestApp();
  sysadminAccount = await createAccount(t.ctx, { roles: ['system_admin'] });
  sysadmin = await login(t.app, sysadminAccount);
  secadmin = await login(t.app, await createAccount(t.ctx, { roles: ['security_admin'] }));
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });
const ID = fictionalIdNumber('52', '19880612', '123');
let seq = 0;
async function newAccount(extra: object = {}): Promise<{ account: Account; oneTimePassword: string }> {
  seq += 1;
  const res = await call('POST', '/api/accounts', sysadmin, {
    username: `acct${seq}`,
    displayName: `测试账号${seq}`,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('accounts', () => {
  it('are created with a one-time password that must be changed, and personal data masked', async () => {
    const { account, oneTimePassword } = await newAccount({ phone: '13912345678', idNumber: ID });
    expect(account).toMatchObject({
      phone: '139****5678',
      idNumber: `${ID.slice(0, 3)}***********${ID.slice(-4)}`,
      mustChangePassword: true,
      grants: [],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: oneTimePassword },
    });
    expect(res.json().mustChangePassword).toBe(true);
    const row = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ID);
    expect(JSON.stringify(row)).not.toContain('13912345678');
    expect(t.ctx.cipher.decrypt(row.idNumberEnc as string, 'users.id_number')).toBe(ID);
  });

  it('validate ID numbers with the GB 11643 check digit, naming the field', async () => {
    const bad = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const res = await call('POST', '/api/accounts', sysadmin, {
      username: 'badid',
      displayName: 'x',
      idNumber: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确' }]);
    const date = await call('POST', '/api/accounts', sysadmin, {
      username: 'badid',
      displayName: 'x',
      idNumber: fictionalIdNumber('52', '19880231', '123'),
    });
    expect(date.json().fields).toEqual([{ field: 'idNumber', message: '身份证号中的出生日期无效' }]);
  });

  it('refuse a second account with the same ID number (found by blind index)', async () => {
    const other = fictionalIdNumber('32', '19750101', '555');
    await newAccount({ idNumber: other });
    const res = await call('POST', '/api/accounts', sysadmin, {
      username: 'dupid',
      displayName: 'x',
      idNumber: other.toLowerCase(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields).toEqual([{ field: 'idNumber', message: '该身份证号已被其他账号使用' }]);
  });

  it('reject fields the caller may not set (roles, ids, versions, createdBy)', async () => {
    for (const extra of [
      { roles: ['system_admin'] },
      { grants: [] },
      { id: '00000000-0000-4000-8000-000000000000' },
      { version: 3 },
      { createdBy: 'x' },
    ]) {
      const res = await call('POST', '/api/accounts', sysadmin, {
        username: 'mass',
        displayName: 'x',
        ...extra,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe(Object.keys(extra)[0]);
    }
  });

  it('take roles and scopes from the security admin only; the three admin roles stand alone', async () => {
    const { account } = await newAccount();
    const bySys = await call('PUT', `/api/accounts/${account.id}/grants`, sysadmin, {
      grants: [{ role: 'org_dept', regionCode: '522600' }],
      version: 1,
    });
    expect(bySys.statusCode).toBe(403);
    const mixed = await call('PUT', `/api/accounts/${account.id}/grants`, secadmin, {
      grants: [{ role: 'audit_admin' }, { role: 'org_dept', regionCode: '522600' }],
      version: 1,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().message).toContain('三员分立');
    const twoAdmins = await call('PUT', `/api/accounts/${account.id}/grants`, secadmin, {
      grants: [{ role: 'audit_admin' }, { role: 'system_admin' }],
      version: 1,
    });
    expect(twoAdmins.statusCode).toBe(400);
    const noRegion = await call('PUT', `/api/accounts/${account.id}/grants`, secadmin, {
      grants: [{ role: 'org_dept' }],
      version: 1,
    });
    expect(noRegion.json().fields[0]).toEqual({
      field: 'grants.0.regionCode',
      message: '组织部角色须指定管辖的行政区划',
    });
    const ok = await call('PUT', `/api/accounts/${account.id}/grants`, secadmin, {
      grants: [{ role: 'org_dept', regionCode: '522600' }, { role: 'cadre' }],
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().grants).toEqual([
      { role: 'cadre', regionCode: null, regionName: null, unitId: null, unitName: null, programmeIds: null },
      {
        role: 'org_dept',
        regionCode: '522600',
        regionName: '贵州省 / 黔东南苗族侗族自治州',
        unitId: null,
        unitName: null,
        programmeIds: null,
      },
    ]);
    const stale = await call('PUT', `/api/accounts/${account.id}/grants`, secadmin, {
      grants: [],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('no one changes their own roles', async () => {
    const secAccount = await createAccount(t.ctx, { roles: ['security_admin'] });
    const cookie = await login(t.app, secAccount);
    const res = await call('PUT', `/api/accounts/${secAccount.id}/grants`, cookie, {
      grants: [{ role: 'cadre' }],
      version: 1,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('不能对自己的账号执行此操作');
  });

  it('deactivation ends sessions and refuses login; delete needs deactivation first', async () => {
    const { account, oneTimePassword } = await newAccount({
      idNumber: fictionalIdNumber('61', '19900101', '777'),
    });
    const cookie = await login(t.app, account.username, oneTimePassword);
    expect((await call('DELETE', `/api/accounts/${account.id}?version=1`, sysadmin)).json().message).toBe(
      '请先停用账号再删除',
    );
    const off = await call('POST', `/api/accounts/${account.id}/deactivate`, sysadmin, { version: 1 });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expect((await call('GET', '/api/auth/me', cookie)).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: oneTimePassword },
    });
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
    expect((await call('DELETE', `/api/accounts/${account.id}?version=2`, sysadmin)).statusCode).toBe(200);
    expect(
      await t.ctx.db.selectFrom('users').select('id').where('id', '=', account.id).executeTakeFirst(),
    ).toBeUndefined();
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('objectId', '=', account.id)
      .where('action', '=', 'accounts.delete')
      .executeTakeFirstOrThrow();
    expect(audit.diff).toContain('619***********');
    expect(audit.diff).not.toContain('19900101');
  });

  it('password reset forces a change at next login; unlock clears a lockout', async () => {
    const { account } = await newAccount();
    const reset = await call('POST', `/api/accounts/${account.id}/reset-password`, secadmin, {});
    expect(reset.statusCode).toBe(200);
    const { oneTimePassword } = reset.json();
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: oneTimePassword },
    });
    expect(first.json().mustChangePassword).toBe(true);
    // ADR 018: the lock comes after 100 failures in a row (from many sources), not after 5
    for (let i = 0; i < HARD_LOCK_AFTER_FAILURES; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: account.username, password: 'Wrong#Pass1' },
        remoteAddress: `10.30.${Math.floor(i / 200)}.${i % 200}`,
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: oneTimePassword },
    });
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const listed = (await call('GET', `/api/accounts?q=${account.username}`, secadmin)).json().items[0];
    expect(listed.locked).toBe(true);
    expect((await call('POST', `/api/accounts/${account.id}/unlock`, secadmin, {})).json().locked).toBe(
      false,
    );
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: oneTimePassword },
    });
    expect(after.statusCode).toBe(200);
  });

  it('the system admin sees personal data only masked, in list and detail', async () => {
    const { account } = await newAccount({
      phone: '13700001111',
      idNumber: fictionalIdNumber('11', '19700505', '321'),
    });
    for (const res of [
      await call('GET', `/api/accounts/${account.id}`, sysadmin),
      await call('GET', `/api/accounts?q=${account.username}`, sysadmin),
    ]) {
      expect(res.body).not.toContain('13700001111');
      expect(res.body).not.toContain('19700505');
      expect(res.body).toContain('137****1111');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('a person sees their own data in full, and the view is audited', async () => {
    const { account, oneTimePassword } = await newAccount({
      phone: '13600002222',
      idNumber: fictionalIdNumber('44', '19810808', '246'),
    });
    const cookie = await login(t.app, account.username, oneTimePassword);
    await call('POST', '/api/auth/password', cookie, {
      currentPassword: oneTimePassword,
      newPassword: 'Mine#Pass2026',
    });
    const res = await call('GET', '/api/auth/me/personal', cookie);
    expect(res.json()).toEqual({
      phone: '13600002222',
      idNumber: fictionalIdNumber('44', '19810808', '246'),
    });
    const row = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'personal.viewFull')
      .where('actorId', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.diff).not.toContain('19810808');
  });
});
