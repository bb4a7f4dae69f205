import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AchievementDetail, Totals } from '../../common/achievements/achievements.schema.js';
import { zCadreInput } from '../../common/cadres/cadres.schema.js';
import { XLSX_MIME } from '../../common/excel/excel.schema.js';
import { zPostInput } from '../../common/posts/posts.schema.js';
import { zBatchInput } from '../../common/programmes/programmes.schema.js';
import { zUnitInput } from '../../common/units/units.schema.js';
import { quickWorkbook } from '../../test/fixtures/excel/workbooks.js';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import { downThrough, upFrom } from '../../test/migrations.js';
import * as cadres from '../cadres/cadres.service.js';
import { systemActor } from '../core/context.js';
import { inTransaction } from '../core/transaction.js';
import * as nominations from '../nominations/nominations.service.js';
import { createProposed } from '../postings/postings.service.js';
import * as posts from '../posts/posts.service.js';
import * as programmes from '../programmes/programmes.service.js';
import * as units from '../units/units.service.js';

let t: TestApp;
const seeder = () => systemActor(null, 'achievements-test');
let batchId: string;
let otherBatchId: string;
let sendingUnit: string;
let receivingUnit: string;
let otherUnit: string;
const c = {} as Record<
  | 'cadre'
  | 'sending'
  | 'receiving'
  | 'receivingOrg'
  | 'programmeOrg'
  | 'otherReceiving'
  | 'otherOrg'
  | 'otherCadre',
  string
>;
let cadreUser: string;
let receivingUser: string;
let otherCadreUser: string;

const unit = async (name: string, regionCode: string) =>
  (
    await units.create(
      t.ctx,
      seeder(),
      zUnitInput.parse(unitInput({ name: `${name}${randomUUID().slice(0, 4)}`, regionCode })),
    )
  ).id;
const account = async (
  role: 'org_dept' | 'sending_liaison' | 'receiving_manager' | 'cadre',
  scope: { regionCode?: string; unitId?: string } = {},
) => {
  const a = await createAccount(t.ctx, {
    grants: [
      { role, regionCode: scope.regionCode ?? null, unitId: scope.unitId ?? null, programmeIds: null },
    ],
  });
  return { id: a.id, cookie: await login(t.app, a) };
};
const batch = async (programmeId: string, name: string) =>
  (
    await programmes.createBatch(
      t.ctx,
      seeder(),
      zBatchInput.parse({
        programmeId,
        name,
        plannedStart: '2026-01-05',
        plannedEnd: '2026-12-31',
        termMonths: 12,
      }),
    )
  ).id;

beforeAll(async () => {
  t = await createTestApp();
  sendingUnit = await unit('苏州市派出局', '320508');
  receivingUnit = await unit('南明区接收局', '520102');
  otherUnit = await unit('台江县其他局', '522630');
  const programme = await programmes.createProgramme(t.ctx, seeder(), {
    name: '实事测试项目',
    kind: 'cross_region',
    regionCode: '522600',
    description: null,
  });
  batchId = await batch(programme.id, '第一批');
  otherBatchId = await batch(programme.id, '第二批');
  const cad = await account('cadre');
  cadreUser = cad.id;
  c.cadre = cad.cookie;
  c.sending = (await account('sending_liaison', { unitId: sendingUnit })).cookie;
  const rec = await account('receiving_manager', { unitId: receivingUnit });
  receivingUser = rec.id;
  c.receiving = rec.cookie;
  c.receivingOrg = (await account('org_dept', { regionCode: '520100' })).cookie;
  c.programmeOrg = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.otherReceiving = (await account('receiving_manager', { unitId: otherUnit })).cookie;
  c.otherOrg = (await account('org_dept', { regionCode: '330000' })).cookie;
  const other = await account('cadre');
  otherCadreUser = other.id;
  c.otherCadre = other.cookie;
}, 60_000);
afterAll(() => t.close());

/** An active (在岗) posting of a fresh cadre linked to `userId` at `hostUnit`. */
async function activePosting(userId: string | null = cadreUser, hostUnit = receivingUnit, inBatch = batchId) {
  const input = cadreInput(sendingUnit);
  const cadre = await cadres.create(t.ctx, seeder(), zCadreInput.parse(input));
  if (userId) {
    await t.ctx.db.updateTable('cadres').set({ userId: null }).where('userId', '=', userId).execute();
    await t.ctx.db.updateTable('cadres').set({ userId }).where('id', '=', cadre.id).execute();
  }
  const n = await nominations.nominate(t.ctx, seeder(), {
    batchId: inBatch,
    cadreId: cadre.id,
    justification: '测试：经单位党委研究同意推荐',
  });
  await t.ctx.db.updateTable('nominations').set({ status: 'accepted' }).where('id', '=', n.id).execute();
  const post = await posts.create(
    t.ctx,
    seeder(),
    zPostInput.parse({
      batchId: inBatch,
      unitId: hostUnit,
      title: `副区长${randomUUID().slice(0, 4)}`,
      level: 'division_deputy',
      duties: [{ kind: 'assist', area: '招商引资' }],
      headcount: 1,
    }),
  );
  await t.ctx.db.updateTable('postRequests').set({ status: 'approved' }).where('id', '=', post.id).execute();
  const [id] = await inTransaction(t.ctx, (tx) =>
    createProposed(tx, seeder(), [
      { batchId: inBatch, nominationId: n.id, postRequestId: post.id, matchRunId: null },
    ]),
  );
  await t.ctx.db
    .updateTable('postings')
    .set({ status: 'active', startDate: '2026-01-05' })
    .where('id', '=', id as string)
    .execute();
  return { id: id as string, cadre: { ...cadre, name: input.name, idNumber: input.idNumber } };
}

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | undefined, payload?: object) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) },
  });
const ok = async (res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AchievementDetail;
};
const record = (postingId: string, over: object = {}, cookie = c.cadre) =>
  call('POST', '/api/achievements', cookie, {
    postingId,
    kind: 'other',
    title: '转移安置人口',
    amount: '1.9',
    unit: '万人',
    date: '2026-03-02',
    description: '跑遍了全县12个乡镇',
    ...over,
  });
const verify = (a: { id: string; version: number }, cookie = c.receiving) =>
  call('POST', `/api/achievements/${a.id}/verify`, cookie, { comment: null, version: a.version });
const totalsOf = async (query: string, cookie = c.programmeOrg) => {
  const res = await call('GET', `/api/achievements/totals?${query}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Totals;
};
const line = (tot: Totals, kind: string, dimension: string) =>
  tot.overall.find((l) => l.kind === kind && l.dimension === dimension);

describe('amounts stored exactly', () => {
  it('1.9万人 + 19000人 = 38000人 (3.8万人) in the posting total', async () => {
    const p = await activePosting();
    const a = await ok(await record(p.id));
    expect(a).toMatchObject({
      amount: '1.9',
      unit: '万人',
      dimension: 'people',
      baseAmount: '19000',
      display: '1.9万人',
    });
    expect(a.status).toBe('claimed');
    const b = await ok(await record(p.id, { amount: '19,000', unit: '人' }));
    expect(b.baseAmount).toBe('19000');
    await ok(await verify(a));
    await ok(await verify(b));
    const tot = await totalsOf(`groupBy=posting&postingId=${p.id}`);
    expect(line(tot, 'other', 'people')).toMatchObject({
      verified: '38000',
      verifiedDisplay: '3.8万人',
      verifiedCount: 2,
    });
    const stored = await t.ctx.db
      .selectFrom('achievements')
      .select(['baseAmount', 'dimension'])
      .where('postingId', '=', p.id)
      .execute();
    expect(stored.map((s) => Number(s.baseAmount))).toEqual([19000, 19000]);
  });

  it('到位资金 1.5万元 + 2000元 = 1.7万元, and 0.1万元 + 0.2万元 = 0.3万元 exactly', async () => {
    const p = await activePosting();
    for (const [amount, unit] of [
      ['1.5', '万元'],
      ['2000', '元'],
    ])
      await ok(await verify(await ok(await record(p.id, { kind: 'funds_arrived', amount, unit }))));
    for (const amount of ['0.1', '0.2'])
      await ok(await verify(await ok(await record(p.id, { kind: 'funds_secured', amount, unit: '万元' }))));
    const tot = await totalsOf(`groupBy=posting&postingId=${p.id}`);
    expect(line(tot, 'funds_arrived', 'money')).toMatchObject({
      verified: '1700000',
      verifiedDisplay: '1.7万元',
    });
    // 3000 元 = 0.3 万元 = 300000 分, not 0.30000000000000004
    expect(line(tot, 'funds_secured', 'money')).toMatchObject({
      verified: '300000',
      verifiedDisplay: '3000元',
    });
  });

  it('refuses an amount too fine for its unit, or without a unit, naming the field in Chinese', async () => {
    const p = await activePosting();
    for (const [over, field, message] of [
      [{ amount: '1.5', unit: '人' }, 'amount', '以“人”为单位时须为整数'],
      [{ amount: '0.001', unit: '元' }, 'amount', '以“元”为单位时最多保留 2 位小数'],
      [{ amount: '3', unit: null }, 'unit', '已填写数量，请选择单位'],
      [{ amount: 'abc', unit: '元' }, 'amount', '数量须为数字，如 1.9 或 19000'],
    ] as const) {
      const res = await record(p.id, over);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields).toEqual([{ field, message }]);
    }
  });
});

describe('status and scope', () => {
  it('totals count verified entries only, with the claimed shown beside them', async () => {
    const p = await activePosting(cadreUser, receivingUnit, otherBatchId);
    const before = await totalsOf(`groupBy=batch&batchId=${otherBatchId}`);
    expect(before.groups).toEqual([]);
    const a = await ok(await record(p.id, { amount: '2', unit: '万户', kind: 'aid_agreement' }));
    const mid = await totalsOf(`groupBy=batch&batchId=${otherBatchId}`);
    expect(mid.groups[0]?.lines[0]).toMatchObject({
      kind: 'aid_agreement',
      dimension: 'households',
      verified: '0',
      verifiedCount: 0,
      claimed: '20000',
      claimedDisplay: '2万户',
      claimedCount: 1,
    });
    await ok(await verify(a));
    const after = await totalsOf(`groupBy=batch&batchId=${otherBatchId}`);
    expect(after.groups[0]?.label).toBe('实事测试项目 / 第二批');
    expect(after.groups[0]?.lines[0]).toMatchObject({
      verified: '20000',
      verifiedDisplay: '2万户',
      claimed: '0',
    });
    // by region (the receiving region's subtree) and by programme, for both 组织部
    const region = await totalsOf(`groupBy=region&regionCode=520000&batchId=${otherBatchId}`, c.receivingOrg);
    expect(region.groups.map((g) => g.key)).toEqual(['520102']);
    expect(line(region, 'aid_agreement', 'households')?.verified).toBe('20000');
    const programme = await totalsOf('groupBy=programme');
    expect(programme.groups).toHaveLength(1);
    // a 组织部 elsewhere sees nothing
    expect((await totalsOf('groupBy=batch', c.otherOrg)).groups).toEqual([]);
  });

  it('returned needs a comment; the cadre edits and claims again; a verified entry is final', async () => {
    const p = await activePosting();
    const a = await ok(await record(p.id));
    const bare = await call('POST', `/api/achievements/${a.id}/return`, c.receiving, {
      comment: null,
      version: 1,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields).toEqual([{ field: 'comment', message: '退回时请填写意见' }]);
    const back = await ok(
      await call('POST', `/api/achievements/${a.id}/return`, c.receiving, {
        comment: '请补充佐证',
        version: 1,
      }),
    );
    expect(back).toMatchObject({ status: 'returned', reviewComment: '请补充佐证', actions: [] });
    // the cadre is told, in the inbox and on the home page
    const inbox = (await call('GET', '/api/notifications', c.cadre)).json();
    expect(inbox.items[0].message).toContain('已被');
    expect(inbox.items[0].link).toBe(`/achievements/${a.id}`);
    const home = (await call('GET', '/api/home', c.cadre)).json();
    expect(JSON.stringify(home)).toContain('被退回的实事 1 项');
    const mine = await ok(await call('GET', `/api/achievements/${a.id}`, c.cadre));
    expect(mine.actions).toEqual(['update', 'claim', 'withdraw']);
    const edited = await ok(
      await call('PUT', `/api/achievements/${a.id}`, c.cadre, {
        kind: 'other',
        title: '转移安置人口（补充）',
        amount: '1.95',
        unit: '万人',
        date: '2026-03-02',
        description: null,
        version: back.version,
      }),
    );
    expect(edited).toMatchObject({ status: 'returned', baseAmount: '19500' });
    const again = await ok(
      await call('POST', `/api/achievements/${a.id}/claim`, c.cadre, { version: edited.version }),
    );
    expect(again.status).toBe('claimed');
    const done = await ok(await verify(again));
    expect(done.status).toBe('verified');
    expect(done.history.map((h) => h.to)).toEqual(['claimed', 'returned', 'claimed', 'verified']);
    const late = await call('PUT', `/api/achievements/${a.id}`, c.cadre, {
      kind: 'other',
      title: '改不了',
      amount: null,
      unit: null,
      date: '2026-03-02',
      description: null,
      version: done.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('实事当前为“已核实”，不能修改');
    const withdraw = await call('POST', `/api/achievements/${a.id}/withdraw`, c.cadre, {
      version: done.version,
    });
    expect(withdraw.statusCode).toBe(409);
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', a.id)
      .execute();
    expect(audit.map((r) => r.action)).toEqual([
      'achievements.create',
      'achievements.return',
      'achievements.update',
      'achievements.claim',
      'achievements.verify',
    ]);
  });

  it('the receiving manager is notified and sees it to verify; a manager of another unit cannot see or verify it', async () => {
    const p = await activePosting();
    const a = await ok(await record(p.id, { title: `待核实${randomUUID().slice(0, 4)}` }));
    const note = await t.ctx.db
      .selectFrom('notifications')
      .select(['userId', 'kind'])
      .where('params', 'like', `%${a.id}%`)
      .execute();
    expect(note).toEqual([{ userId: receivingUser, kind: 'achievement.toVerify' }]);
    const todo = (await call('GET', '/api/achievements?view=todo&pageSize=100', c.receiving)).json();
    expect(todo.items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect((await call('GET', `/api/achievements/${a.id}`, c.receiving)).json().actions).toEqual([
      'verify',
      'return',
    ]);

    expect((await call('GET', `/api/achievements/${a.id}`, c.otherReceiving)).statusCode).toBe(404);
    expect((await verify(a, c.otherReceiving)).statusCode).toBe(404);
    const otherList = (await call('GET', '/api/achievements?pageSize=100', c.otherReceiving)).json();
    expect(otherList.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect((await call('GET', `/api/achievements/${a.id}`, c.otherCadre)).statusCode).toBe(404);
    expect((await call('GET', `/api/achievements/${a.id}`, c.otherOrg)).statusCode).toBe(404);
    // the sending unit and both 组织部 read it and decide nothing
    for (const reader of [c.sending, c.receivingOrg, c.programmeOrg]) {
      const seen = await ok(await call('GET', `/api/achievements/${a.id}`, reader));
      expect(seen.actions).toEqual([]);
    }
    expect((await verify(a, c.sending)).statusCode).toBe(403);
    // another cadre cannot record on this posting
    expect((await record(p.id, {}, c.otherCadre)).statusCode).toBe(404);
    expect(otherCadreUser).toBeTruthy();
    // the cadre cannot verify their own
    expect((await verify(a, c.cadre)).statusCode).toBe(403);
    expect((await verify(a)).statusCode).toBe(200);
  });

  it('refuses an entry on a posting not 在岗 or outside its dates', async () => {
    const p = await activePosting();
    const early = await record(p.id, { date: '2025-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].field).toBe('date');
    await t.ctx.db.updateTable('postings').set({ status: 'ended' }).where('id', '=', p.id).execute();
    const ended = await record(p.id);
    expect(ended.statusCode).toBe(400);
    expect(ended.json().fields[0].message).toContain('在岗');
  });
});

describe('evidence (佐证材料)', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
  const upload = (id: string, name: string, content: Buffer, cookie = c.cadre) =>
    t.app.inject({
      method: 'POST',
      url: `/api/achievements/${id}/attachments?name=${encodeURIComponent(name)}`,
      payload: content,
      headers: { 'x-requested-with': 'test', 'content-type': 'application/octet-stream', cookie },
    });
  const files = () =>
    t.ctx.db.selectFrom('files').select('id').where('ownerKind', '=', 'achievement').execute();

  it('the cadre adds a file; the receiving unit downloads the same bytes; once verified it stays as it is', async () => {
    const p = await activePosting();
    const a = await ok(await record(p.id));
    expect(a.evidence).toEqual([]);
    const withFile = await ok(await upload(a.id, '签约现场.pdf', PDF));
    expect(withFile.evidence).toHaveLength(1);
    expect(withFile.evidence[0]).toMatchObject({ name: '签约现场.pdf', kind: 'pdf', size: PDF.length });
    const fileId = withFile.evidence[0]?.id as string;
    // the receiving manager opens it before verifying; so do the sending unit and the 组织部s
    for (const cookie of [c.receiving, c.sending, c.programmeOrg, c.receivingOrg]) {
      const got = await call('GET', `/api/achievements/${a.id}/attachments/${fileId}`, cookie);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(PDF)).toBe(true);
      expect(String(got.headers['content-disposition'])).toContain(encodeURIComponent('签约现场.pdf'));
    }
    // neither another unit nor another cadre: as if it were not there
    for (const cookie of [c.otherReceiving, c.otherCadre, c.otherOrg]) {
      expect((await call('GET', `/api/achievements/${a.id}/attachments/${fileId}`, cookie)).statusCode).toBe(
        404,
      );
    }
    // only the cadre adds: the receiving manager who reads it may not
    const byManager = await upload(a.id, '补充.pdf', PDF, c.receiving);
    expect(byManager.statusCode).toBe(403);
    // verified: no more files in or out, with the status named
    const verified = await ok(await verify(withFile));
    expect(verified.actions).not.toContain('update');
    const late = await upload(a.id, '补充.pdf', PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/已核实/);
    expect((await files()).filter((f) => f.id === fileId)).toHaveLength(1);
  });

  it('refuses what is not a photo, PDF or Word file by its content, storing nothing; removal is the cadre’s', async () => {
    const p = await activePosting();
    const a = await ok(await record(p.id));
    const before = (await files()).length;
    const bad = await upload(a.id, '伪装.pdf', Buffer.from('这不是 PDF，只是改了扩展名的文本\n'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await files()).length).toBe(before);
    const withFile = await ok(await upload(a.id, '佐证.pdf', PDF));
    const fileId = withFile.evidence[0]?.id as string;
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/achievements/${a.id}/attachments/${fileId}`,
      headers: { 'x-requested-with': 'test', cookie: c.cadre },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as AchievementDetail).evidence).toEqual([]);
    expect((await files()).length).toBe(before);
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select('diff')
      .where('objectId', '=', a.id)
      .where('action', '=', 'achievements.update')
      .execute();
    expect(audit.map((r) => String(r.diff)).join(' ')).toContain('佐证.pdf');
  });
});

describe('import', () => {
  const upload = async (rows: (string | number | null)[][], cookie = c.receiving) =>
    t.app.inject({
      method: 'POST',
      url: '/api/excel/imports/achievements',
      payload: await quickWorkbook('achievements', rows),
      headers: { cookie, 'content-type': XLSX_MIME },
    });
  const commit = (id: string, cookie = c.receiving) =>
    t.app.inject({
      method: 'POST',
      url: `/api/excel/imports/achievements/${id}/commit`,
      headers: { cookie },
    });
  const count = async (postingId: string) =>
    (await t.ctx.db.selectFrom('achievements').select('id').where('postingId', '=', postingId).execute())
      .length;

  it('offers its template to the receiving manager', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/excel/templates/achievements',
      headers: { cookie: c.receiving },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/excel/templates/achievements',
          headers: { cookie: c.cadre },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('imports claimed entries of the unit’s postings, and names each bad cell in Chinese', async () => {
    const p = await activePosting(null);
    const q = await activePosting(null, otherUnit);
    const res = await upload([
      [p.cadre.name, p.cadre.idNumber, '到位资金', '项目资金到位', '1.5', '万元', '2026-04-01', null],
      [p.cadre.name, p.cadre.idNumber, '引进项目', '引进企业', '3', '个', '2026-04-02', '两家已投产'],
      ['别人', p.cadre.idNumber, '其他', '姓名不符', null, null, '2026-04-02', null],
      [q.cadre.name, q.cadre.idNumber, '其他', '别的单位', null, null, '2026-04-02', null],
      [p.cadre.name, p.cadre.idNumber, '其他', '小数人', '1.5', '人', '2026-04-02', null],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ total: 5, valid: 2 });
    const messages = preview.errors.map((e: { row: number; column: string; message: string }) => [
      e.row,
      e.column,
      e.message,
    ]);
    expect(messages).toEqual([
      [4, '干部姓名', '姓名与身份证号不符（该身份证号登记的姓名不是“别人”）'],
      [5, '干部姓名', '该干部没有在本单位在岗的挂职'],
      [6, '数量', '以“人”为单位时须为整数'],
    ]);
    // not all valid: the commit is refused and nothing is stored
    expect((await commit(preview.importId)).statusCode).toBe(409);
    expect(await count(p.id)).toBe(0);

    const good = (
      await upload([
        [p.cadre.name, p.cadre.idNumber, '到位资金', '项目资金到位', '1.5', '万元', '2026-04-01', null],
        [p.cadre.name, p.cadre.idNumber, '引进项目', '引进企业', 3, '个', '2026-04-02', '两家已投产'],
      ])
    ).json();
    expect(good).toMatchObject({ total: 2, valid: 2, errorCount: 0 });
    const done = await commit(good.importId);
    expect(done.statusCode, done.body).toBe(200);
    const stored = await t.ctx.db
      .selectFrom('achievements')
      .select(['status', 'baseAmount', 'unit', 'createdBy'])
      .where('postingId', '=', p.id)
      .orderBy('date')
      .execute();
    expect(stored.map((s) => [s.status, Number(s.baseAmount), s.unit])).toEqual([
      ['claimed', 1_500_000, '万元'],
      ['claimed', 3, '个'],
    ]);
  });

  it('is all or nothing: a row refused at commit leaves no row stored', async () => {
    const p = await activePosting(null);
    const q = await activePosting(null);
    const preview = (
      await upload([
        [p.cadre.name, p.cadre.idNumber, '其他', '第一行', null, null, '2026-04-01', null],
        [q.cadre.name, q.cadre.idNumber, '其他', '第二行', null, null, '2026-04-01', null],
      ])
    ).json();
    expect(preview.valid).toBe(2);
    // the second posting ends between the preview and the commit
    await t.ctx.db.updateTable('postings').set({ status: 'ended' }).where('id', '=', q.id).execute();
    const res = await commit(preview.importId);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('3');
    expect(await count(p.id)).toBe(0);
    expect(await count(q.id)).toBe(0);
  });
});

describe('migration 20261203170000_achievements', () => {
  it('goes down (table and achievement history gone) and up again', async () => {
    const before = await t.ctx.db.selectFrom('achievements').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261203170000_achievements');
        expect(
          await raw
            .selectFrom('status_history')
            .select('id')
            .where('object_type', '=', 'achievement')
            .execute(),
        ).toEqual([]);
        await upFrom(raw, '20261203170000_achievements');
        expect(await raw.selectFrom('achievements').select('id').execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('achievements').select('id').execute()).toHaveLength(before.length);
  });
});
