import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch, Programme } from '../../common/programmes/programmes.schema.js';
import { createAccount, createTestApp, login, type TestApp } from '../../test/helpers.js';

let t: TestApp;
let qdn: string;
let sz: string;
let cadre: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = (regionCode: string) =>
    createAccount(t.ctx, { grants: [{ role: 'org_dept', regionCode, unitId: null, programmeIds: null }] });
  qdn = await login(t.app, await org('522600'));
  sz = await login(t.app, await org('320500'));
  cadre = await login(t.app, await createAccount(t.ctx, { roles: ['cadre'] }));
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });

async function programme(cookie: string, regionCode: string, name: string): Promise<Programme> {
  const res = await call('POST', '/api/programmes', cookie, {
    name,
    kind: 'cross_region',
    regionCode,
    description: '东西部协作',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('programmes and batches', () => {
  it('a 组织部 runs programmes in its own region only, and sees only those', async () => {
    const p = await programme(qdn, '522600', '黔东南州千名干部人才行动');
    expect(p).toMatchObject({
      kind: 'cross_region',
      regionName: '贵州省 / 黔东南苗族侗族自治州',
      batchCount: 0,
    });
    const outside = await call('POST', '/api/programmes', qdn, {
      name: '越界项目',
      kind: 'aid',
      regionCode: '320500',
    });
    expect(outside.json().fields).toEqual([{ field: 'regionCode', message: '该行政区划不在您的管辖范围内' }]);
    await programme(sz, '320500', '苏州市挂职交流计划');
    const seen = (await call('GET', '/api/programmes?pageSize=100', qdn)).json();
    expect(seen.items.map((x: Programme) => x.name)).toEqual(['黔东南州千名干部人才行动']);
    expect((await call('GET', `/api/programmes?q=qdnzqmgbrcxd`, qdn)).json().total).toBe(1);
  });

  it('a batch has dates, a term, eligibility defaults and quotas per region', async () => {
    const p = await programme(qdn, '522600', '批次测试项目');
    const bad = await call('POST', '/api/batches', qdn, {
      programmeId: p.id,
      name: '第一批',
      plannedStart: '2027-03-01',
      plannedEnd: '2027-01-01',
      termMonths: 12,
    });
    expect(bad.json().fields).toEqual([{ field: 'plannedEnd', message: '计划结束日期须晚于开始日期' }]);
    const res = await call('POST', '/api/batches', qdn, {
      programmeId: p.id,
      name: '第一批',
      plannedStart: '2027-03-01',
      plannedEnd: '2028-02-29',
      termMonths: 12,
      quotas: [
        { regionCode: '522630', quota: 20 },
        { regionCode: '522634', quota: 15 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json() as Batch;
    expect(batch).toMatchObject({
      status: 'preparing',
      programmeName: '批次测试项目',
      eligibility: {
        ageCaps: { bureau: 50, division: 45, section: 40 },
        minEducation: 'bachelor',
        reserveFirst: true,
      },
      quotas: [
        { regionCode: '522630', regionName: '贵州省 / 黔东南苗族侗族自治州 / 台江县', quota: 20 },
        { regionCode: '522634', regionName: '贵州省 / 黔东南苗族侗族自治州 / 雷山县', quota: 15 },
      ],
    });
    const twice = await call('PUT', `/api/batches/${batch.id}`, qdn, {
      name: '第一批',
      plannedStart: '2027-03-01',
      plannedEnd: '2028-02-29',
      termMonths: 12,
      quotas: [
        { regionCode: '522630', quota: 1 },
        { regionCode: '522630', quota: 2 },
      ],
      version: 1,
    });
    expect(twice.json().fields).toEqual([
      { field: 'quotas.1.regionCode', message: '同一地区的名额只能设一次' },
    ]);
    expect((await call('DELETE', `/api/programmes/${p.id}?version=1`, qdn)).json().message).toBe(
      '该项目下已有批次，不能删除',
    );
  });

  it('moves a batch only forward, with a reason, keeping the history', async () => {
    const p = await programme(qdn, '522600', '状态测试项目');
    const b = (
      await call('POST', '/api/batches', qdn, {
        programmeId: p.id,
        name: '首批',
        plannedStart: '2027-01-01',
        plannedEnd: '2027-12-31',
        termMonths: 12,
      })
    ).json() as Batch;
    const noReason = await call('POST', `/api/batches/${b.id}/advance`, qdn, {
      to: 'selecting',
      reason: '',
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('reason');
    // one step at a time (a skip is refused: batch-moves.api.test.ts)
    await call('POST', `/api/batches/${b.id}/advance`, qdn, {
      to: 'selecting',
      reason: '需求已汇总，开始推荐',
      version: 1,
    });
    const on = await call('POST', `/api/batches/${b.id}/advance`, qdn, {
      to: 'on_post',
      reason: '人选已确定，统一报到',
      version: 2,
      acknowledgeWarnings: true,
    });
    expect(on.json()).toMatchObject({
      status: 'on_post',
      history: [
        { from: 'preparing', to: 'selecting', reason: '需求已汇总，开始推荐' },
        {
          from: 'selecting',
          to: 'on_post',
          reason: '人选已确定，统一报到',
          by: expect.stringMatching(/^测试用户/),
        },
      ],
    });
    const back = await call('POST', `/api/batches/${b.id}/advance`, qdn, {
      to: 'selecting',
      reason: '回退',
      version: 3,
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().message).toBe('该批次不能从当前状态“在岗”变更为目标状态“选派”');
    expect(back.json().fields).toEqual([
      { field: 'to', message: '批次状态只能向后推进（筹备 → 选派 → 在岗 → 已结束）' },
    ]);
    expect((await call('DELETE', `/api/batches/${b.id}?version=3`, qdn)).json().message).toBe(
      '只有筹备中的批次可以删除',
    );
    await call('POST', `/api/batches/${b.id}/advance`, qdn, {
      to: 'finished',
      reason: '期满',
      version: 3,
      acknowledgeWarnings: true,
    });
    const edit = await call('PUT', `/api/batches/${b.id}`, qdn, {
      name: '首批',
      plannedStart: '2027-01-01',
      plannedEnd: '2027-12-31',
      termMonths: 12,
      version: 4,
    });
    expect(edit.json().message).toBe('批次已结束，不能再修改');
  });

  it('open=true lists only the batches still taking requests (筹备 / 选派), found by name', async () => {
    const p = await programme(qdn, '522600', '开放批次筛选项目');
    const make = async (name: string) =>
      (
        await call('POST', '/api/batches', qdn, {
          programmeId: p.id,
          name,
          plannedStart: '2027-01-01',
          plannedEnd: '2027-12-31',
          termMonths: 12,
        })
      ).json() as Batch;
    const [open, selecting, onPost] = [await make('第一批'), await make('第二批'), await make('第三批')];
    await t.ctx.db
      .updateTable('batches')
      .set({ status: 'selecting' })
      .where('id', '=', selecting.id)
      .execute();
    await t.ctx.db.updateTable('batches').set({ status: 'on_post' }).where('id', '=', onPost.id).execute();
    const found = (await call('GET', '/api/batches?open=true&q=开放批次筛选&pageSize=100', qdn)).json();
    expect(found.items.map((b: Batch) => b.id).sort()).toEqual([open.id, selecting.id].sort());
    expect(found.total).toBe(2);
    const all = (await call('GET', '/api/batches?q=开放批次筛选&pageSize=100', qdn)).json();
    expect(all.total).toBe(3);
    const bad = await call('GET', '/api/batches?open=maybe', qdn);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('open');
  });

  it('another 组织部 gets 404 for a batch outside its region; a cadre gets 403', async () => {
    const p = await programme(qdn, '522600', '范围测试项目');
    const b = (
      await call('POST', '/api/batches', qdn, {
        programmeId: p.id,
        name: '首批',
        plannedStart: '2027-01-01',
        plannedEnd: '2027-12-31',
        termMonths: 12,
      })
    ).json() as Batch;
    expect((await call('GET', `/api/batches/${b.id}`, sz)).statusCode).toBe(404);
    expect((await call('GET', `/api/batches/${b.id}`, cadre)).statusCode).toBe(403);
  });
});

describe('a 组织部 limited to named programmes', () => {
  it('reaches only those programmes, their batches and their post requests; opens no new programme', async () => {
    const a = await programme(qdn, '522600', '限定项目甲');
    const b = await programme(qdn, '522600', '限定项目乙');
    const batchOf = async (programmeId: string) =>
      (
        await call('POST', '/api/batches', qdn, {
          programmeId,
          name: '第一批',
          plannedStart: '2027-01-01',
          plannedEnd: '2027-12-31',
          termMonths: 12,
        })
      ).json() as Batch;
    const batchA = await batchOf(a.id);
    const batchB = await batchOf(b.id);
    const limited = await login(
      t.app,
      await createAccount(t.ctx, {
        grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: [a.id] }],
      }),
    );
    const names = (await call('GET', '/api/programmes?pageSize=100', limited))
      .json()
      .items.map((p: Programme) => p.name);
    expect(names).toEqual(['限定项目甲']);
    expect((await call('GET', `/api/batches/${batchA.id}`, limited)).statusCode).toBe(200);
    expect((await call('GET', `/api/batches/${batchB.id}`, limited)).statusCode).toBe(404);
    expect((await call('GET', `/api/programmes/${b.id}`, limited)).statusCode).toBe(404);
    const batches = (await call('GET', '/api/batches?pageSize=100', limited)).json();
    expect(batches.items.every((x: Batch) => x.programmeId === a.id)).toBe(true);
    const create = await call('POST', '/api/programmes', limited, {
      name: '新项目',
      kind: 'aid',
      regionCode: '522600',
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().message).toBe('您的组织部权限限定于指定的挂职项目，不能新建项目');
    const other = await call('POST', '/api/batches', limited, {
      programmeId: b.id,
      name: '第二批',
      plannedStart: '2027-01-01',
      plannedEnd: '2027-12-31',
      termMonths: 12,
    });
    expect(other.json().fields).toEqual([{ field: 'programmeId', message: '该项目不在您的管辖范围内' }]);
  });
});
