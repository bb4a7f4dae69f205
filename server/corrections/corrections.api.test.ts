import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zCadreInput } from '../../common/cadres/cadres.schema.js';
import type { Correction } from '../../common/corrections/corrections.schema.js';
import { zBatchInput } from '../../common/programmes/programmes.schema.js';
import { zUnitInput } from '../../common/units/units.schema.js';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  type TestAccount,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import * as cadres from '../cadres/cadres.service.js';
import { systemActor } from '../core/context.js';
import { fictionalIdNumber } from '../demo/demo.seed.js';
import * as nominations from '../nominations/nominations.service.js';
import * as programmes from '../programmes/programmes.service.js';
import * as units from '../units/units.service.js';

let t: TestApp;
let unitId: string;
let otherUnitId: string;
let liaison: string;
let otherLiaison: string;
let org: string;
let cadreAccount: TestAccount;
let me: string;
let cadreId: string;
const seeder = () => systemActor(null, 't');

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | null, payload?: object) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

const unit = async (name: string) =>
  (await units.create(t.ctx, seeder(), zUnitInput.parse(unitInput({ name, regionCode: '522630' })))).id;
const liaisonOf = async (id: string) =>
  login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'sending_liaison', regionCode: null, unitId: id, programmeIds: null }],
    }),
  );
const stored = () =>
  t.ctx.db.selectFrom('cadres').selectAll().where('id', '=', cadreId).executeTakeFirstOrThrow();
const auditOf = (action: string) =>
  t.ctx.db.selectFrom('auditLog').selectAll().where('action', '=', action).orderBy('seq').execute();

/** The liaison edits the record through the cadre form's route, changing only `patch`. */
const keeperEdit = async (patch: object) => {
  const {
    id: _i,
    unitName: _u,
    regionName: _r,
    idNumber: _n,
    phone: _p,
    createdAt: _c,
    updatedAt: _a,
    hasPhoto: _h,
    warnings: _w,
    actions: _x,
    ...rest
  } = (await call('GET', `/api/cadres/${cadreId}`, liaison)).json();
  const res = await call('PUT', `/api/cadres/${cadreId}`, liaison, { ...rest, ...patch });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  unitId = await unit('台江县发展和改革局');
  otherUnitId = await unit('台江县财政局');
  liaison = await liaisonOf(unitId);
  otherLiaison = await liaisonOf(otherUnitId);
  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  cadreAccount = await createAccount(t.ctx, { roles: ['cadre'] });
  me = await login(t.app, cadreAccount);
  cadreId = (await cadres.create(t.ctx, seeder(), zCadreInput.parse(cadreInput(unitId, { name: '张明' }))))
    .id;
});
afterAll(() => t.close());

describe('the link between a cadre account and a cadre record', () => {
  it('is made by the liaison by username; the account must hold the cadre role and be free', async () => {
    expect((await call('GET', '/api/me/cadre', me)).json().message).toBe(
      '您的账号尚未关联干部档案，请联系派出单位联络员',
    );
    const version = (await stored()).version;
    const notCadre = await call('PUT', `/api/cadres/${cadreId}/account`, liaison, {
      username: (await createAccount(t.ctx, { roles: ['org_dept'] })).username,
      version,
    });
    expect(notCadre.statusCode).toBe(400);
    expect(notCadre.json().fields[0]).toMatchObject({
      field: 'username',
      message: '该账号没有“挂职干部”角色',
    });
    const foreign = await call('PUT', `/api/cadres/${cadreId}/account`, otherLiaison, {
      username: cadreAccount.username,
      version,
    });
    expect(foreign.statusCode).toBe(404);
    const linked = await call('PUT', `/api/cadres/${cadreId}/account`, liaison, {
      username: cadreAccount.username,
      version,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await stored()).userId).toBe(cadreAccount.id);
    const other = (await cadres.create(t.ctx, seeder(), zCadreInput.parse(cadreInput(unitId)))).id;
    const twice = await call('PUT', `/api/cadres/${other}/account`, liaison, {
      username: cadreAccount.username,
      version: 1,
    });
    expect(twice.json().fields[0].message).toBe('该账号已关联其他干部的档案');
    expect((await auditOf('cadres.linkAccount')).at(-1)).toMatchObject({
      objectId: cadreId,
      result: 'success',
    });
  });
});

describe("the cadre's own profile", () => {
  it('shows the linked record, masked; others are refused', async () => {
    const res = await call('GET', '/api/me/cadre', me);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: cadreId, name: '张明', phone: '138****7777' });
    expect(res.json().idNumber).toMatch(/\*{4}/);
    expect((await call('GET', '/api/me/cadre', null)).statusCode).toBe(401);
    expect((await call('GET', '/api/me/cadre', liaison)).statusCode).toBe(403);
  });

  it('direct fields are saved at once, audited; key fields are refused naming the field', async () => {
    const before = await stored();
    const res = await call('PUT', '/api/me/cadre', me, {
      phone: '13912345678',
      school: '贵州大学',
      major: '农业经济管理',
      expertise: ['乡村振兴'],
      version: before.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '139****5678', school: '贵州大学', expertise: ['乡村振兴'] });
    const after = await stored();
    expect(after).toMatchObject({ school: '贵州大学', major: '农业经济管理', phoneMasked: '139****5678' });
    expect(after.phoneEnc).not.toContain('13912345678');
    expect(t.ctx.cipher.decrypt(after.phoneEnc as string, 'cadres.phone')).toBe('13912345678');
    expect(after.position).toBe(before.position);
    const audit = (await auditOf('cadres.update')).at(-1);
    expect(audit).toMatchObject({ objectId: cadreId, actorName: cadreAccount.username });
    expect(audit?.diff).toContain('139****5678');
    expect(audit?.diff).not.toContain('13912345678');

    const key = await call('PUT', '/api/me/cadre', me, {
      school: '贵州大学',
      major: null,
      expertise: [],
      rankLevel: 'division_chief',
      version: after.version,
    });
    expect(key.statusCode).toBe(400);
    expect(key.json().message).toContain('级别');
    expect(key.json().fields[0]).toMatchObject({
      field: 'rankLevel',
      message: '此项为关键信息，不能直接修改，请通过“申请更正”提交，由派出单位联络员审核',
    });
    expect((await stored()).version).toBe(after.version);

    const stale = await call('PUT', '/api/me/cadre', me, {
      school: null,
      major: null,
      expertise: [],
      version: 1,
    });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});

describe('corrections of key fields', () => {
  const propose = (payload: object) => call('POST', '/api/corrections', me, payload);

  it('are refused when nothing changes or the rules of the registry say no', async () => {
    const current = (await call('GET', '/api/me/cadre', me)).json();
    const same = await propose({ changes: { position: current.position } });
    expect(same.json().message).toContain('没有与档案不同的内容');
    const birth = await propose({ changes: { birthDate: '1970-01-01' } });
    expect(birth.statusCode).toBe(400);
    expect(birth.json().fields[0]).toMatchObject({ field: 'birthDate', message: '出生日期与身份证号不一致' });
    expect((await call('GET', '/api/corrections', me)).json().total).toBe(0);
  });

  it('are approved by the liaison: the record changes through the cadre rules, audited', async () => {
    const before = await stored();
    const newId = fictionalIdNumber('52', before.birthDate.replaceAll('-', ''), '987');
    const res = await propose({
      changes: { position: '处长', rankLevel: 'division_chief', idNumber: newId },
      note: '已于 2026 年 10 月任命',
    });
    expect(res.statusCode, res.body).toBe(201);
    const k: Correction = res.json();
    expect(k).toMatchObject({ status: 'pending', cadreName: '张明', note: '已于 2026 年 10 月任命' });
    expect(k.diff).toEqual([
      { field: 'idNumber', from: before.idNumberMasked, to: expect.stringMatching(/^\d{3}\*+\w{4}$/) },
      { field: 'position', from: '副处长', to: '处长' },
      { field: 'rankLevel', from: 'division_deputy', to: 'division_chief' },
    ]);
    expect(JSON.stringify(k)).not.toContain(newId);
    const row = await t.ctx.db
      .selectFrom('cadreCorrections')
      .selectAll()
      .where('id', '=', k.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(newId);
    expect((await auditOf('corrections.create')).at(-1)?.diff).not.toContain(newId);
    // nothing applied yet; a second request waits for the first
    expect((await stored()).position).toBe('副处长');
    expect((await propose({ changes: { position: '调研员' } })).json().code).toBe('CONFLICT');

    const list = await call('GET', '/api/corrections?status=pending&q=张', liaison);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: k.id, unitName: '台江县发展和改革局' }] });
    expect((await call('GET', '/api/corrections', otherLiaison)).json().total).toBe(0);
    expect((await call('GET', `/api/corrections/${k.id}`, otherLiaison)).statusCode).toBe(404);
    expect((await call('GET', `/api/corrections/${k.id}`, org)).statusCode).toBe(200);
    expect(
      (await call('POST', `/api/corrections/${k.id}/review`, org, { decision: 'approve', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/corrections/${k.id}/review`, me, { decision: 'approve', version: 1 }))
        .statusCode,
    ).toBe(403);

    const approved = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'approve',
      comment: '与任免文件一致',
      version: 1,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', reviewComment: '与任免文件一致' });
    expect(approved.json().reviewedByName).toBeTruthy();
    const after = await stored();
    expect(after).toMatchObject({
      position: '处长',
      rankLevel: 'division_chief',
      version: before.version + 1,
    });
    expect(t.ctx.cipher.decrypt(after.idNumberEnc, 'cadres.id_number')).toBe(newId);
    expect(after.school).toBe(before.school);
    expect((await auditOf('cadres.update')).at(-1)?.diff).toContain('处长');
    expect((await auditOf('corrections.approve')).at(-1)).toMatchObject({ objectId: k.id });
    const again = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'reject',
      comment: 'x',
      version: 2,
    });
    expect(again.json().message).toBe('该更正申请不能从当前状态“已同意”变更为目标状态“已驳回”');
  });

  it('are rejected with a required comment, and nothing is applied', async () => {
    const before = await stored();
    const k: Correction = (await propose({ changes: { politicalStatus: 'masses' } })).json();
    const noComment = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'reject',
      version: 1,
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().fields[0]).toMatchObject({ field: 'comment', message: '驳回时须填写意见' });
    const rejected = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'reject',
      comment: '请提供组织关系证明',
      version: 1,
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewComment: '请提供组织关系证明' });
    expect(await stored()).toEqual(before);
    const mine: Correction[] = (await call('GET', '/api/corrections?status=rejected', me)).json().items;
    expect(mine.find((c) => c.id === k.id)).toMatchObject({
      id: k.id,
      status: 'rejected',
      reviewComment: '请提供组织关系证明',
    });
  });

  it('may be withdrawn by the cadre while pending', async () => {
    const k: Correction = (await propose({ changes: { degree: 'doctor', education: 'doctorate' } })).json();
    expect(
      (await call('POST', `/api/corrections/${k.id}/withdraw`, liaison, { version: 1 })).statusCode,
    ).toBe(403);
    const res = await call('POST', `/api/corrections/${k.id}/withdraw`, me, { version: 1 });
    expect(res.json()).toMatchObject({ status: 'withdrawn' });
    expect((await call('POST', `/api/corrections/${k.id}/withdraw`, me, { version: 2 })).statusCode).toBe(
      409,
    );
  });

  it('are not applied over fields changed on the record since, which are named', async () => {
    const k: Correction = (await propose({ changes: { position: '二级巡视员' } })).json();
    await keeperEdit({ position: '处长（主持工作）' });
    const res = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'approve',
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('申请提交后，档案中的现任职务已被修改，请驳回后由干部重新申请');
    expect((await stored()).position).toBe('处长（主持工作）');
    expect((await call('GET', `/api/corrections/${k.id}`, me)).json().status).toBe('pending');
  });

  it('ask for a sign-in and the right role', async () => {
    expect((await call('POST', '/api/corrections', null, { changes: { position: 'x' } })).statusCode).toBe(
      401,
    );
    expect((await call('POST', '/api/corrections', liaison, { changes: { position: 'x' } })).statusCode).toBe(
      403,
    );
    expect(
      (await call('PUT', '/api/me/cadre', org, { school: null, major: null, expertise: [], version: 1 }))
        .statusCode,
    ).toBe(403);
  });
});

describe('corrections of the résumé and the relatives (issue 11 line 8)', () => {
  const propose = (payload: object) => call('POST', '/api/corrections', me, payload);
  const job = (fromMonth: string, toMonth: string | null, position: string) => ({
    fromMonth,
    toMonth,
    unitName: '台江县发展和改革局',
    position,
  });
  const detail = () => cadres.get(t.ctx, seeder(), cadreId);
  const resumeOf = async () => (await detail()).resume;

  beforeAll(async () => {
    // a request left pending above is taken back: one pending request at a time
    for (const k of (await call('GET', '/api/corrections?status=pending', me)).json().items)
      await call('POST', `/api/corrections/${k.id}/withdraw`, me, { version: k.version });
    await keeperEdit({
      resume: [job('2010-07', '2015-02', '科员'), job('2015-03', null, '副局长')],
      relatives: [{ name: '李梅', relation: 'spouse', unitName: '台江县第一中学', position: '教师' }],
    });
  });

  it('show the entries added, changed and removed; approval replaces the lists, audited', async () => {
    const before = await stored();
    const res = await propose({
      changes: {
        resume: [
          job('2010-07', '2015-02', '科员'),
          job('2015-03', '2019-12', '副局长'),
          job('2020-01', null, '局长'),
        ],
        relatives: [{ name: '张建国', relation: 'parent', unitName: '台江县农业农村局', position: null }],
      },
      note: '补充任职经历',
    });
    expect(res.statusCode, res.body).toBe(201);
    const k: Correction = res.json();
    expect(k.diff.map((d) => d.field)).toEqual(['resume', 'relatives']);
    expect(k.diff[0]?.entries).toEqual([
      { change: 'changed', from: job('2015-03', null, '副局长'), to: job('2015-03', '2019-12', '副局长') },
      { change: 'added', from: null, to: job('2020-01', null, '局长') },
    ]);
    expect(k.diff[1]?.entries).toEqual([
      {
        change: 'removed',
        from: { name: '李梅', relation: 'spouse', unitName: '台江县第一中学', position: '教师' },
        to: null,
      },
      {
        change: 'added',
        from: null,
        to: { name: '张建国', relation: 'parent', unitName: '台江县农业农村局', position: null },
      },
    ]);
    // the liaison sees the same diff; nothing is applied yet
    expect((await call('GET', `/api/corrections/${k.id}`, liaison)).json().diff).toEqual(k.diff);
    expect(await resumeOf()).toHaveLength(2);

    const approved = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'approve',
      version: 1,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = await stored();
    const lists = await detail();
    expect(lists.resume).toEqual([
      job('2010-07', '2015-02', '科员'),
      job('2015-03', '2019-12', '副局长'),
      job('2020-01', null, '局长'),
    ]);
    expect(lists.relatives).toEqual([
      { name: '张建国', relation: 'parent', unitName: '台江县农业农村局', position: null },
    ]);
    expect(after.version).toBe(before.version + 1);
    expect((await auditOf('cadres.update')).at(-1)?.diff).toContain('"resume":{"from":2,"to":3}');
    const mine = (await call('GET', '/api/me/cadre', me)).json();
    expect(mine.resume.map((r: { position: string }) => r.position)).toEqual(['科员', '副局长', '局长']);
  });

  it('are refused when the lists are the same, and rejected ones change nothing', async () => {
    const same = await propose({ changes: { resume: await resumeOf() } });
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toContain('没有与档案不同的内容');
    const bad = await propose({ changes: { resume: [job('2020-01', '2019-01', '局长')] } });
    expect(bad.statusCode).toBe(400);

    const before = await stored();
    const k: Correction = (await propose({ changes: { resume: [job('2020-01', null, '局长')] } })).json();
    expect(k.diff[0]?.entries?.map((e) => e.change)).toEqual(['removed', 'removed']);
    const rejected = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'reject',
      comment: '删除任职经历须附材料',
      version: 1,
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewComment: '删除任职经历须附材料' });
    const after = await stored();
    expect(await resumeOf()).toHaveLength(3);
    expect(after.version).toBe(before.version);
  });

  it('are not applied over a résumé the keepers changed since, which is named', async () => {
    const k: Correction = (
      await propose({ changes: { resume: [...(await resumeOf()), job('2024-01', null, '党组书记')] } })
    ).json();
    await keeperEdit({ resume: [job('2010-07', null, '科员')] });
    const res = await call('POST', `/api/corrections/${k.id}/review`, liaison, {
      decision: 'approve',
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('申请提交后，档案中的工作经历已被修改，请驳回后由干部重新申请');
    expect(await resumeOf()).toEqual([job('2010-07', null, '科员')]);
    expect((await call('GET', `/api/corrections/${k.id}`, me)).json().status).toBe('pending');
    await call('POST', `/api/corrections/${k.id}/withdraw`, me, { version: 1 });
  });

  it('ask for a sign-in and the cadre role', async () => {
    const changes = { resume: [job('2010-07', null, '科员')] };
    expect((await call('POST', '/api/corrections', null, { changes })).statusCode).toBe(401);
    expect((await call('POST', '/api/corrections', liaison, { changes })).statusCode).toBe(403);
    expect((await call('POST', '/api/corrections', org, { changes })).statusCode).toBe(403);
    expect((await call('GET', '/api/corrections?status=pending', me)).json().total).toBe(0);
  });
});

describe("the cadre's own nominations (我的档案)", () => {
  it('lists the batches the cadre is nominated to and where each stands; others are refused', async () => {
    const programme = await programmes.createProgramme(t.ctx, seeder(), {
      name: '东西部协作挂职',
      kind: 'downward',
      regionCode: '522600',
      description: null,
    });
    const batch = await programmes.createBatch(
      t.ctx,
      seeder(),
      zBatchInput.parse({
        programmeId: programme.id,
        name: '第一批',
        plannedStart: '2027-03-01',
        plannedEnd: '2028-02-28',
        termMonths: 12,
        quotas: [{ regionCode: '522630', quota: 5 }],
      }),
    );
    expect((await call('GET', '/api/me/nominations', me)).json()).toEqual({ items: [] });
    const n = await nominations.nominate(t.ctx, seeder(), {
      batchId: batch.id,
      cadreId,
      justification: '经单位党委研究同意推荐',
    });
    const other = (await cadres.create(t.ctx, seeder(), zCadreInput.parse(cadreInput(unitId)))).id;
    await nominations.nominate(t.ctx, seeder(), {
      batchId: batch.id,
      cadreId: other,
      justification: '经单位党委研究同意推荐',
    });
    const res = await call('GET', '/api/me/nominations', me);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: n.id,
        batchId: batch.id,
        batchName: '第一批',
        status: n.status,
        reviewedAt: null,
        createdAt: n.createdAt,
      },
    ]);
    expect(res.body).not.toContain('经单位党委研究同意推荐');
    expect((await call('GET', '/api/me/nominations', null)).statusCode).toBe(401);
    expect((await call('GET', '/api/me/nominations', liaison)).statusCode).toBe(403);
  });
});
