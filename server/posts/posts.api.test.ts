import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../common/posts/posts.schema.js';
import { zUnitInput } from '../../common/units/units.schema.js';
import { createAccount, createTestApp, login, type TestApp, unitInput } from '../../test/helpers.js';
import { systemActor } from '../core/context.js';
import * as units from '../units/units.service.js';

let t: TestApp;
let org: string;
let manager: string;
let batchId: string;
let town: string;

beforeAll(async () => {
  t = await createTestApp();
  town = (
    await units.create(
      t.ctx,
      systemActor(null, 't'),
      zUnitInput.parse(unitInput({ name: '台江县清溪镇人民政府', kind: 'township', regionCode: '522630' })),
    )
  ).id;
  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  manager = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'receiving_manager', regionCode: null, unitId: town, programmeIds: null }],
    }),
  );
  const programme = await t.app.inject({
    method: 'POST',
    url: '/api/programmes',
    payload: { name: '岗位测试项目', kind: 'cross_region', regionCode: '522600' },
    headers: { cookie: org },
  });
  const batch = await t.app.inject({
    method: 'POST',
    url: '/api/batches',
    payload: {
      programmeId: programme.json().id,
      name: '第一批',
      plannedStart: '2027-03-01',
      plannedEnd: '2028-02-29',
      termMonths: 12,
      quotas: [{ regionCode: '522630', quota: 3 }],
    },
    headers: { cookie: org },
  });
  batchId = batch.json().id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });
const draft = async (headcount: number, title = '副镇长'): Promise<Post> => {
  const res = await call('POST', '/api/posts', manager, {
    batchId,
    unitId: town,
    title,
    level: 'section_deputy',
    duties: [
      { kind: 'assist', area: '招商引资' },
      { kind: 'in_charge', area: '乡村振兴' },
    ],
    expertise: ['农业技术'],
    headcount,
    notes: '有基层经历者优先',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('post requests', () => {
  it('go draft → submitted → approved, with the unit, duties and expertise kept', async () => {
    const post = await draft(1);
    expect(post).toMatchObject({
      status: 'draft',
      unitName: '台江县清溪镇人民政府',
      duties: [
        { kind: 'assist', area: '招商引资' },
        { kind: 'in_charge', area: '乡村振兴' },
      ],
    });
    // a draft is the unit's own: the 组织部 neither lists, opens nor decides it (issue 11 line 6)
    const listed = async () =>
      (
        (await call('GET', `/api/posts?batchId=${batchId}&pageSize=100`, org)).json().items as {
          id: string;
        }[]
      ).map((p) => p.id);
    expect(await listed()).not.toContain(post.id);
    expect((await call('GET', `/api/posts/${post.id}`, org)).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/posts/${post.id}/review`, org, { decision: 'approve', version: 1 })).json()
        .message,
    ).toBe('找不到请求的内容');
    const submitted = await call('POST', `/api/posts/${post.id}/submit`, manager, { version: 1 });
    expect(submitted.json().status).toBe('submitted');
    expect(await listed()).toContain(post.id);
    expect(
      (
        await call('PUT', `/api/posts/${post.id}`, manager, {
          title: 'x改',
          level: 'section_deputy',
          duties: [{ kind: 'assist', area: 'a' }],
          headcount: 1,
          version: 2,
        })
      ).json().message,
    ).toBe('只有草稿或被退回的岗位需求可以修改');
    const approved = await call('POST', `/api/posts/${post.id}/review`, org, {
      decision: 'approve',
      comment: '同意',
      version: 2,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', reviewComment: '同意' });
  });

  it('a return needs a comment and lets the unit edit and resubmit', async () => {
    const post = await draft(1, '镇党委副书记');
    await call('POST', `/api/posts/${post.id}/submit`, manager, { version: 1 });
    const noComment = await call('POST', `/api/posts/${post.id}/review`, org, {
      decision: 'return',
      version: 2,
    });
    expect(noComment.json().fields).toEqual([{ field: 'comment', message: '退回或不通过时须填写意见' }]);
    const back = await call('POST', `/api/posts/${post.id}/review`, org, {
      decision: 'return',
      comment: '请明确分管领域',
      version: 2,
    });
    expect(back.json().status).toBe('returned');
    const edited = await call('PUT', `/api/posts/${post.id}`, manager, {
      title: '镇党委副书记',
      level: 'section_deputy',
      duties: [{ kind: 'in_charge', area: '党建' }],
      headcount: 1,
      version: 3,
    });
    expect(edited.json().duties).toEqual([{ kind: 'in_charge', area: '党建' }]);
  });

  it('enforces the batch quota at approval with the figures', async () => {
    const big = await draft(3, '科技副镇长');
    await call('POST', `/api/posts/${big.id}/submit`, manager, { version: 1 });
    const res = await call('POST', `/api/posts/${big.id}/review`, org, { decision: 'approve', version: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      '超出名额：贵州省 / 黔东南苗族侗族自治州 / 台江县名额 3 人，已通过 1 人，本次 3 人，超出 1 人',
    );
    expect((await call('GET', `/api/posts/${big.id}`, org)).json().status).toBe('submitted');
  });

  it('a manager writes posts for its own unit only', async () => {
    const other = (
      await units.create(t.ctx, systemActor(null, 't'), zUnitInput.parse(unitInput({ regionCode: '522634' })))
    ).id;
    const res = await call('POST', '/api/posts', manager, {
      batchId,
      unitId: other,
      title: '副县长',
      level: 'division_deputy',
      duties: [{ kind: 'assist', area: '工业' }],
      headcount: 1,
    });
    expect(res.json().fields).toEqual([{ field: 'unitId', message: '该单位不在您的管辖范围内' }]);
  });
});
