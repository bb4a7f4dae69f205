import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../common/units/units.schema.js';
import { createAccount, createTestApp, login, type TestApp, unitInput } from '../../test/helpers.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  // A system administrator maintains units everywhere (scope 'all'); scopes are tested in
  // test/authorization-matrix.api.test.ts and below.
  const account = await createAccount(t.ctx, { roles: ['system_admin'] });
  cookie = await login(t.app, account);
});
afterAll(() => t.close());

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  c: string | null = cookie,
) => t.app.inject({ method, url, payload: payload as object, headers: c ? { cookie: c } : {} });
const create = async (overrides = {}) => {
  const res = await call('POST', '/api/units', unitInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Unit;
};
const list = async (query: string) => {
  const res = await call('GET', `/api/units?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Unit[]; total: number; page: number; pageSize: number };
};

describe('units: create and read', () => {
  it('creates a unit and stores what was sent, with region names and pinyin keys', async () => {
    const res = await call(
      'POST',
      '/api/units',
      unitInput({ name: '台江县科技创新服务中心', kind: 'public_institution' }),
    );
    expect(res.statusCode).toBe(201);
    const unit = res.json() as Unit;
    expect(unit).toMatchObject({
      name: '台江县科技创新服务中心',
      kind: 'public_institution',
      regionCode: '522630',
      regionName: '贵州省 / 黔东南苗族侗族自治州 / 台江县',
      active: true,
      version: 1,
    });
    const row = await t.ctx.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(row.namePinyin).toBe('taijiangxiankejichuangxinfuwuzhongxin');
    expect(row.nameInitials).toBe('tjxkjcxfwzx');
    const read = await call('GET', `/api/units/${unit.id}`);
    expect(read.json()).toEqual(unit);
  });

  it('names each bad field in Chinese and stores nothing', async () => {
    const before = await list('pageSize=1');
    const res = await call('POST', '/api/units', {
      name: 'x',
      kind: 'castle',
      regionCode: '12',
      contactPhone: '12345',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^提交的内容有误，请检查：名称（/);
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'contactPhone',
      'kind',
      'name',
      'regionCode',
    ]);
    expect(body.fields.find((f: { field: string }) => f.field === 'contactPhone').message).toBe(
      '电话号码格式不正确（手机 11 位，或带区号的固话）',
    );
    expect((await list('pageSize=1')).total).toBe(before.total);
  });

  it('rejects fields the caller may not set', async () => {
    for (const extra of [
      { id: '00000000-0000-4000-8000-000000000000' },
      { version: 7 },
      { createdBy: 'x' },
      { active: false },
    ]) {
      const res = await call('POST', '/api/units', { ...unitInput(), ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe(Object.keys(extra)[0]);
    }
  });

  it('refuses an unknown region and an unknown parent', async () => {
    const region = await call('POST', '/api/units', unitInput({ regionCode: '999999' }));
    expect(region.statusCode).toBe(400);
    expect(region.json().fields).toEqual([{ field: 'regionCode', message: '行政区划代码不存在' }]);
    const parent = await call(
      'POST',
      '/api/units',
      unitInput({ parentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(parent.json().fields).toEqual([{ field: 'parentId', message: '上级单位不存在' }]);
  });

  it('refuses a second unit of the same name in the same region', async () => {
    await create({ name: '台江县重名测试局' });
    const res = await call('POST', '/api/units', unitInput({ name: '台江县重名测试局' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('同一行政区划内已有同名单位“台江县重名测试局”');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await call('GET', '/api/units/00000000-0000-4000-8000-000000000000')).json().code).toBe(
      'NOT_FOUND',
    );
    const bad = await call('GET', '/api/units/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('id');
  });
});

describe('units: list, search, filters', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      bank: (await create({ name: '苏州搜索测试银行', kind: 'financial', regionCode: '320508' })).id,
      college: (await create({ name: '延安搜索测试学院', kind: 'university', regionCode: '610602' })).id,
      village: (await create({ name: '雷山县搜索测试村委会', kind: 'village', regionCode: '522634' })).id,
    };
  });

  it('finds by Chinese, full pinyin and initials', async () => {
    expect((await list('q=搜索测试银行')).items.map((u) => u.id)).toEqual([ids.bank]);
    expect((await list('q=suzhousousuo')).items.map((u) => u.id)).toEqual([ids.bank]);
    expect((await list('q=yasscsxy')).items.map((u) => u.id)).toEqual([ids.college]);
    expect((await list('q=LSXSSCSCWH')).items.map((u) => u.id)).toEqual([ids.village]);
  });

  it('treats LIKE wildcards in a query as text', async () => {
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
  });

  it('filters by region subtree, kind and status', async () => {
    const guizhou = await list('regionCode=520000&pageSize=100');
    expect(guizhou.items.map((u) => u.id)).toContain(ids.village);
    expect(guizhou.items.every((u) => u.regionName.startsWith('贵州省'))).toBe(true);
    expect((await list('regionCode=610000')).items.map((u) => u.id)).toEqual([ids.college]);
    expect((await list('kind=financial')).items.map((u) => u.id)).toEqual([ids.bank]);
    const inactive = await list('active=false');
    expect(inactive.items.every((u) => !u.active)).toBe(true);
  });

  it('pages and sorts, by pinyin for names', async () => {
    const all = await list('pageSize=100&sort=name');
    expect(all.total).toBeGreaterThanOrEqual(5);
    const names = all.items.map((u) => u.name);
    const pinyin = await t.ctx.db.selectFrom('units').select(['name', 'namePinyin']).execute();
    const byName = new Map(pinyin.map((r) => [r.name, r.namePinyin]));
    const keys = names.map((n) => byName.get(n) as string);
    expect(keys).toEqual([...keys].sort());
    const page2 = await list('pageSize=2&page=2&sort=name');
    expect(page2.items.map((u) => u.id)).toEqual(all.items.slice(2, 4).map((u) => u.id));
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    const desc = await list('pageSize=100&sort=name&order=desc');
    expect(desc.items.map((u) => u.id)).toEqual(all.items.map((u) => u.id).reverse());
  });

  it('rejects unknown filters and out-of-range pages with named fields', async () => {
    const res = await call('GET', '/api/units?pageSize=1000&colour=red');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['colour', 'pageSize']);
  });
});

describe('units: edit, concurrency, deactivate, delete', () => {
  it('updates with the current version and bumps it', async () => {
    const unit = await create();
    const res = await call('PUT', `/api/units/${unit.id}`, {
      ...unitInput({ name: '改名后的测试单位' }),
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '改名后的测试单位', version: 2 });
    expect((await list('q=gmhdcsdw')).items.map((u) => u.id)).toEqual([unit.id]);
  });

  it('answers 409 to a stale copy and keeps the newer data', async () => {
    const unit = await create();
    const first = await call('PUT', `/api/units/${unit.id}`, {
      ...unitInput({ name: '甲方保存的名称' }),
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    const stale = await call('PUT', `/api/units/${unit.id}`, {
      ...unitInput({ name: '乙方过期的名称' }),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ code: 'VERSION_CONFLICT', message: '该记录已被他人修改，请刷新后再编辑' });
    expect((await call('GET', `/api/units/${unit.id}`)).json()).toMatchObject({
      name: '甲方保存的名称',
      version: 2,
    });
  });

  it('refuses a parent that would make a cycle', async () => {
    const parent = await create();
    const child = await create({ parentId: parent.id });
    const res = await call('PUT', `/api/units/${parent.id}`, {
      ...unitInput({ parentId: child.id }),
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'parentId', message: '上级单位不能是本单位或其下级单位' }]);
  });

  it('deactivates and activates with versions', async () => {
    const unit = await create();
    const off = await call('POST', `/api/units/${unit.id}/deactivate`, { version: 1 });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expect((await call('POST', `/api/units/${unit.id}/deactivate`, { version: 2 })).json().message).toBe(
      '该单位已是停用状态',
    );
    expect((await call('POST', `/api/units/${unit.id}/activate`, { version: 1 })).statusCode).toBe(409);
    expect((await call('POST', `/api/units/${unit.id}/activate`, { version: 2 })).json()).toMatchObject({
      active: true,
    });
  });

  it('does not delete a referenced unit, deletes an unreferenced one', async () => {
    const parent = await create();
    const child = await create({ parentId: parent.id });
    const refused = await call('DELETE', `/api/units/${parent.id}?version=1`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: 'UNIT_REFERENCED',
      message: '该单位仍被其他记录引用（1 个下级单位），不能删除，可改为停用',
    });
    expect((await call('DELETE', `/api/units/${child.id}?version=1`)).statusCode).toBe(200);
    expect((await call('GET', `/api/units/${child.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/units/${parent.id}?version=1`)).statusCode).toBe(200);
  });
});

describe('units: access', () => {
  const routes = [
    ['GET', '/api/units'],
    ['GET', '/api/units/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/units'],
    ['PUT', '/api/units/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/units/00000000-0000-4000-8000-000000000000/deactivate'],
    ['POST', '/api/units/00000000-0000-4000-8000-000000000000/activate'],
    ['DELETE', '/api/units/00000000-0000-4000-8000-000000000000?version=1'],
  ] as const;

  it('answers 401 without a session and 403 to an account without a unit role, changing nothing', async () => {
    const noRole = await login(t.app, (await createAccount(t.ctx, { roles: [] })).username);
    const before = await t.ctx.db.selectFrom('units').select(['id', 'version']).orderBy('id').execute();
    for (const [method, url] of routes) {
      const payload = method === 'GET' || method === 'DELETE' ? undefined : unitInput();
      const anon = await call(method, url, payload, null);
      expect(anon.statusCode, `${method} ${url}`).toBe(401);
      const denied = await call(method, url, payload, noRole);
      expect(denied.statusCode, `${method} ${url}`).toBe(403);
      expect(denied.json().code).toBe('FORBIDDEN');
    }
    expect(await t.ctx.db.selectFrom('units').select(['id', 'version']).orderBy('id').execute()).toEqual(
      before,
    );
  });
});
