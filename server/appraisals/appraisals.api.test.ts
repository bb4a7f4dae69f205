import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppraisalDetail } from '../../common/appraisals/appraisals.schema.js';
import { docxText } from '../../test/documents/render.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { downThrough, upFrom } from '../../test/migrations.js';
import {
  activePostingOf,
  type PartyRole,
  partyAccount,
  programmeBatch,
  testUnit,
} from '../../test/on-post.js';
import { insertAchievement } from '../achievements/achievements.repository.js';

let t: TestApp;
const c = {} as Record<
  'cadre' | 'sending' | 'receiving' | 'receivingOrg' | 'programmeOrg' | 'otherSending' | 'otherOrg',
  string
>;
let postingId: string;
let cadreId: string;
let cadreUser: string;

const account = (role: PartyRole, scope: { regionCode?: string; unitId?: string } = {}) =>
  partyAccount(t, role, scope);
const headers = (cookie?: string) => ({ 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) });
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | undefined, payload?: object) =>
  t.app.inject({ method, url, payload, headers: headers(cookie) });
const ok = async <T = AppraisalDetail>(res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

async function achievement(title: string, status: string) {
  const now = t.ctx.clock.now().toISOString();
  await insertAchievement(t.ctx.db, {
    id: randomUUID(),
    postingId,
    cadreId,
    kind: 'funds_arrived',
    title,
    amount: '120',
    unit: '万元',
    dimension: 'money',
    baseAmount: 120_000_000,
    date: '2025-09-10',
    description: null,
    status,
    reviewComment: null,
    reviewedBy: null,
    reviewedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: null,
    updatedBy: null,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const sendingUnit = await testUnit(t.ctx, '苏州市鉴定派出局', '320508');
  const receivingUnit = await testUnit(t.ctx, '南明区鉴定接收局', '520102');
  const { batchId } = await programmeBatch(t.ctx, {
    name: '鉴定测试项目',
    regionCode: '522600',
    plannedStart: '2025-02-01',
    plannedEnd: '2026-01-31',
  });
  const cad = await account('cadre');
  c.cadre = cad.cookie;
  cadreUser = cad.id;
  c.sending = (await account('sending_liaison', { unitId: sendingUnit })).cookie;
  c.receiving = (await account('receiving_manager', { unitId: receivingUnit })).cookie;
  c.receivingOrg = (await account('org_dept', { regionCode: '520100' })).cookie;
  c.programmeOrg = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.otherOrg = (await account('org_dept', { regionCode: '330100' })).cookie;
  c.otherSending = (
    await account('sending_liaison', { unitId: await testUnit(t.ctx, '其他派出局', '320508') })
  ).cookie;
  const made = await activePostingOf(t.ctx, {
    batchId,
    sendingUnitId: sendingUnit,
    receivingUnitId: receivingUnit,
    userId: cad.id,
    start: '2025-02-03',
  });
  postingId = made.id;
  cadreId = made.cadre.id;
  for (const [entryDate, category, title] of [
    ['2025-05-06', 'research', '走访12个乡镇'],
    ['2025-06-09', 'research', '调研茶产业'],
    ['2025-08-15', 'investment', '参加招商推介会'],
  ] as const)
    await ok(
      await call('POST', '/api/worklog', c.cadre, {
        postingId,
        entryDate,
        category,
        title,
        body: '按计划开展工作',
        place: null,
      }),
    );
  await achievement('引进东部产业帮扶资金', 'verified');
  await achievement('申报中的项目资金', 'claimed');
}, 60_000);
afterAll(() => t.close());

describe('appraisals (期满鉴定)', () => {
  let a: AppraisalDetail;

  it('401 without a session, 403 for a role that does not write it, 404 for a posting out of reach', async () => {
    expect((await call('GET', '/api/appraisals', undefined)).statusCode).toBe(401);
    const byCadre = await call('POST', '/api/appraisals', c.cadre, { postingId });
    expect(byCadre.statusCode).toBe(403);
    const byOrg = await call('POST', '/api/appraisals', c.programmeOrg, { postingId });
    expect(byOrg.statusCode).toBe(403);
    const missing = await call('POST', '/api/appraisals', c.receiving, { postingId: randomUUID() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual([{ field: 'postingId', message: '挂职记录不存在' }]);
  });

  it('the receiving unit drafts it from the duties, the work log and the verified achievements', async () => {
    a = await ok(await call('POST', '/api/appraisals', c.receiving, { postingId }));
    expect(a.status).toBe('draft');
    expect(a.text).toContain('分工：协管招商引资');
    expect(a.text).toContain('记录工作纪实3篇，其中调研2篇、招商1篇');
    expect(a.text).toContain('参加招商推介会；调研茶产业；走访12个乡镇');
    expect(a.text).toContain('实事成效1项：到位资金120万元');
    expect(a.text).toContain('引进东部产业帮扶资金');
    expect(a.text).not.toContain('申报中的项目资金');
    expect(a.summaryDraft).toMatch(/^本人由苏州市鉴定派出局/);
    expect(a.actions).toEqual(['update', 'submit']);
    const again = await call('POST', '/api/appraisals', c.receiving, { postingId });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields).toEqual([
      { field: 'postingId', message: '该挂职已有期满鉴定，请在原鉴定上修改' },
    ]);
    const asCadre = await ok(await call('GET', `/api/appraisals/${a.id}`, c.cadre));
    expect(asCadre.actions).toEqual(['summary']);
    const note = await t.ctx.db
      .selectFrom('notifications')
      .select(['userId', 'params'])
      .where('kind', '=', 'appraisal.summaryWanted')
      .executeTakeFirstOrThrow();
    expect(note.userId).toBe(cadreUser);
    expect(JSON.parse(note.params)).toMatchObject({
      appraisalId: a.id,
      unit: expect.stringMatching(/^南明区鉴定接收局/),
    });
  });

  it('refuses a submission without the term summary, naming the field; each party writes only its part', async () => {
    a = await ok(
      await call('PUT', `/api/appraisals/${a.id}`, c.receiving, {
        text: '该同志政治坚定，工作扎实，鉴定为优秀。',
        version: a.version,
      }),
    );
    const early = await call('POST', `/api/appraisals/${a.id}/submit`, c.receiving, { version: a.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0]).toMatchObject({ field: 'summary' });
    expect(early.json().fields[0].message).toContain('尚未提交个人工作总结');
    const cadreText = await call('PUT', `/api/appraisals/${a.id}`, c.cadre, {
      text: '自评',
      version: a.version,
    });
    expect(cadreText.statusCode).toBe(403);
    const unitSummary = await call('PUT', `/api/appraisals/${a.id}/summary`, c.receiving, {
      summary: '代写',
      version: a.version,
    });
    expect(unitSummary.statusCode).toBe(403);
    const sendingWrite = await call('PUT', `/api/appraisals/${a.id}`, c.sending, {
      text: 'x',
      version: a.version,
    });
    expect(sendingWrite.statusCode).toBe(403);
    a = await ok(
      await call('PUT', `/api/appraisals/${a.id}/summary`, c.cadre, {
        summary: '一年来，本人跑遍了全县12个乡镇。',
        version: a.version,
      }),
    );
    expect(a.summary).toBe('一年来，本人跑遍了全县12个乡镇。');
    const stale = await call('PUT', `/api/appraisals/${a.id}/summary`, c.cadre, { summary: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    const stored = await t.ctx.db
      .selectFrom('appraisals')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(stored.summary).toBe('一年来，本人跑遍了全县12个乡镇。');
  });

  it('submitted: the 组织部 returns it with a comment, the unit edits and resubmits, the 组织部 countersigns', async () => {
    a = await ok(await call('POST', `/api/appraisals/${a.id}/submit`, c.receiving, { version: a.version }));
    expect(a.status).toBe('submitted');
    const locked = await call('PUT', `/api/appraisals/${a.id}`, c.receiving, {
      text: '改',
      version: a.version,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toBe('该鉴定当前为“待会签”，不能修改鉴定意见');
    const asOrg = await ok(await call('GET', `/api/appraisals/${a.id}`, c.receivingOrg));
    expect(asOrg.actions).toEqual(['countersign', 'return']);
    const bare = await call('POST', `/api/appraisals/${a.id}/return`, c.programmeOrg, {
      version: a.version,
      comment: null,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields).toEqual([{ field: 'comment', message: '退回时须填写意见' }]);
    a = await ok(
      await call('POST', `/api/appraisals/${a.id}/return`, c.programmeOrg, {
        version: a.version,
        comment: '请补充廉洁自律方面的表现',
      }),
    );
    expect(a.status).toBe('returned');
    expect(a.reviewComment).toBe('请补充廉洁自律方面的表现');
    a = await ok(
      await call('PUT', `/api/appraisals/${a.id}`, c.receiving, {
        text: '该同志政治坚定，工作扎实，廉洁自律，鉴定为优秀。',
        version: a.version,
      }),
    );
    a = await ok(await call('POST', `/api/appraisals/${a.id}/submit`, c.receiving, { version: a.version }));
    expect(a.reviewComment).toBeNull();
    const foreign = await call('POST', `/api/appraisals/${a.id}/countersign`, c.otherOrg, {
      version: a.version,
      comment: null,
    });
    expect(foreign.statusCode).toBe(404);
    a = await ok(
      await call('POST', `/api/appraisals/${a.id}/countersign`, c.receivingOrg, {
        version: a.version,
        comment: '同意。',
      }),
    );
    expect(a.status).toBe('countersigned');
    expect(a.countersignedAt).not.toBeNull();
    expect(a.actions).toEqual([]);
    const twice = await call('POST', `/api/appraisals/${a.id}/countersign`, c.receivingOrg, {
      version: a.version,
      comment: null,
    });
    expect(twice.statusCode).toBe(409);
    // every version kept, newest first, with the return's comment
    expect(a.versions.map((v) => v.status)).toEqual([
      'countersigned',
      'submitted',
      'returned',
      'returned',
      'submitted',
      'draft',
      'draft',
      'draft',
    ]);
    expect(a.versions.find((v) => v.status === 'returned' && v.comment)?.comment).toBe(
      '请补充廉洁自律方面的表现',
    );
    expect(a.versions.at(-1)?.text).toContain('记录工作纪实3篇');
    const kinds = await t.ctx.db
      .selectFrom('notifications')
      .select('kind')
      .where('kind', 'like', 'appraisal.%')
      .execute();
    expect(kinds.map((n) => n.kind).sort()).toEqual(
      expect.arrayContaining(['appraisal.countersigned', 'appraisal.returned', 'appraisal.toCountersign']),
    );
    const history = await t.ctx.db
      .selectFrom('statusHistory')
      .select(['fromStatus', 'toStatus'])
      .where('objectId', '=', a.id)
      .orderBy('at')
      .execute();
    expect(history.map((h) => h.toStatus)).toEqual([
      'draft',
      'submitted',
      'returned',
      'submitted',
      'countersigned',
    ]);
  });

  it('is read by the five owners only', async () => {
    for (const who of ['cadre', 'sending', 'receiving', 'receivingOrg', 'programmeOrg'] as const) {
      const page = await ok<{ items: { id: string; hasSummary: boolean }[] }>(
        await call('GET', '/api/appraisals', c[who]),
      );
      expect(page.items.map((i) => i.id)).toEqual([a.id]);
      expect(page.items[0]?.hasSummary).toBe(true);
    }
    for (const who of ['otherSending', 'otherOrg'] as const) {
      expect((await ok<{ items: unknown[] }>(await call('GET', '/api/appraisals', c[who]))).items).toEqual(
        [],
      );
      expect((await call('GET', `/api/appraisals/${a.id}`, c[who])).statusCode).toBe(404);
    }
  });

  it('writes the 挂职干部鉴定表 with the summary, the appraisal and the countersignature', async () => {
    const res = await call('GET', `/api/appraisals/${a.id}/document?format=docx`, c.sending);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = docxText(res.rawPayload);
    for (const part of [
      '挂职干部鉴定表',
      '个人工作总结',
      '一年来，本人跑遍了全县12个乡镇。',
      '接收单位鉴定意见',
      '廉洁自律，鉴定为优秀。',
      '（盖章）',
      '组织部门（盖章）',
      '组织部门意见',
      '同意。',
      '2025年2月3日至2026年1月31日',
    ])
      expect(text).toContain(part);
  });

  it("joins the posting's archive list once countersigned, as its 鉴定表", async () => {
    const list = await ok<{ items: { kind: string; title: string; date: string; fileName: string }[] }>(
      await call('GET', `/api/documents/archive/${postingId}`, c.sending),
    );
    const entry = list.items.find((i) => i.kind === 'appraisal');
    expect(entry?.title).toBe('挂职干部鉴定表');
    expect(entry?.date).toBe(a.countersignedAt ? a.countersignedAt.slice(0, 10) : 'missing');
    const zip = await call('GET', `/api/documents/archive/${postingId}/catalogue`, c.sending);
    expect(docxText(zip.rawPayload)).toContain('挂职干部鉴定表');
  });

  it('migration down and up', async () => {
    const before = await t.ctx.db.selectFrom('appraisals').select('id').execute();
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261204140000_appraisals');
        await upFrom(raw, '20261204140000_appraisals');
        expect(await raw.selectFrom('appraisals').select('id').execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('appraisals').select('id').execute()).toHaveLength(before.length);
  });
});
