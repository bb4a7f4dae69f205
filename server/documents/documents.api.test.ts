import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zCadreInput } from '../../common/cadres/cadres.schema.js';
import { DEFAULT_MATCHING_SETTINGS } from '../../common/matching/matching.schema.js';
import { zPostInput } from '../../common/posts/posts.schema.js';
import { zBatchInput } from '../../common/programmes/programmes.schema.js';
import { zUnitInput } from '../../common/units/units.schema.js';
import { docxText, unzipText } from '../../test/documents/render.js';
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
import { availability, forgetPreviews } from './documents.convert.js';

/**
 * Issue 14 lines 1, 3, 5, 6 through the API: a 组织部's 版头/版记 settings, the posting notice of a
 * confirmed run (whole batch or one receiving region), the leave form, previews, and scope.
 */

let t: TestApp;
const seeder = () => systemActor(null, 'documents-test');
let batchId: string;
let runId: string;
let unconfirmedRunId: string;
let leaveId: string;
let onPostId: string;
const c = {} as Record<
  'org' | 'otherOrg' | 'cadre' | 'receiving' | 'otherReceiving' | 'liaison' | 'admin',
  string
>;
const names: string[] = [];

const unit = async (name: string, regionCode: string) =>
  units.create(
    t.ctx,
    seeder(),
    zUnitInput.parse(unitInput({ name: `${name}${randomUUID().slice(0, 4)}`, regionCode })),
  );
const account = async (
  role: 'org_dept' | 'sending_liaison' | 'receiving_manager' | 'cadre' | 'system_admin',
  scope: { regionCode?: string; unitId?: string } = {},
) => {
  const a = await createAccount(t.ctx, {
    grants: [
      { role, regionCode: scope.regionCode ?? null, unitId: scope.unitId ?? null, programmeIds: null },
    ],
  });
  return { id: a.id, cookie: await login(t.app, a) };
};
const call = (method: 'GET' | 'PUT' | 'POST', url: string, cookie: string | undefined, payload?: object) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) },
  });

async function run(status: 'confirmed' | 'done', pairs: { nominationId: string; postRequestId: string }[]) {
  const id = randomUUID();
  const seq = status === 'confirmed' ? 1 : 2;
  await t.ctx.db
    .insertInto('matchingRuns')
    .values({
      id,
      batchId,
      seq,
      status,
      progress: 1,
      settings: JSON.stringify(DEFAULT_MATCHING_SETTINGS),
      pins: '[]',
      cadreCount: pairs.length,
      postCount: pairs.length,
      places: pairs.length,
      placed: pairs.length,
      total: 0,
      factorTotals: '{}',
      unmatched: '[]',
      error: null,
      startedAt: t.ctx.clock.now().toISOString(),
      finishedAt: t.ctx.clock.now().toISOString(),
      confirmedAt: status === 'confirmed' ? t.ctx.clock.now().toISOString() : null,
      confirmedBy: null,
      version: 1,
      createdBy: null,
    })
    .execute();
  await t.ctx.db
    .insertInto('matchingAssignments')
    .values(pairs.map((p) => ({ runId: id, ...p, score: 0, factors: '[]', pinned: 0 })))
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  const sending = await unit('苏州市文档测试局', '320508');
  const taijiang = await unit('台江县文档测试镇', '522630');
  const guiyang = await unit('南明区文档测试局', '520102');
  const programme = await programmes.createProgramme(t.ctx, seeder(), {
    name: '公文测试项目',
    kind: 'cross_region',
    regionCode: '522600',
    description: null,
  });
  batchId = (
    await programmes.createBatch(
      t.ctx,
      seeder(),
      zBatchInput.parse({
        programmeId: programme.id,
        name: '第一批',
        plannedStart: '2026-01-05',
        plannedEnd: '2026-12-31',
        termMonths: 12,
      }),
    )
  ).id;
  const cadreAccount = await account('cadre');
  c.cadre = cadreAccount.cookie;
  c.org = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.otherOrg = (await account('org_dept', { regionCode: '320500' })).cookie;
  c.receiving = (await account('receiving_manager', { unitId: taijiang.id })).cookie;
  c.otherReceiving = (await account('receiving_manager', { unitId: guiyang.id })).cookie;
  c.liaison = (await account('sending_liaison', { unitId: sending.id })).cookie;
  c.admin = (await account('system_admin')).cookie;
  const pairs: { nominationId: string; postRequestId: string }[] = [];
  for (const [k, receiving] of [taijiang, taijiang, guiyang].entries()) {
    const cadre = await cadres.create(t.ctx, seeder(), zCadreInput.parse(cadreInput(sending.id)));
    names.push(cadre.name);
    if (k === 0)
      await t.ctx.db
        .updateTable('cadres')
        .set({ userId: cadreAccount.id })
        .where('id', '=', cadre.id)
        .execute();
    const n = await nominations.nominate(t.ctx, seeder(), {
      batchId,
      cadreId: cadre.id,
      justification: '测试：经单位党委研究同意推荐',
    });
    await t.ctx.db.updateTable('nominations').set({ status: 'accepted' }).where('id', '=', n.id).execute();
    const post = await posts.create(
      t.ctx,
      seeder(),
      zPostInput.parse({
        batchId,
        unitId: receiving.id,
        title: `副镇长（挂职）${k}`,
        level: 'division_deputy',
        duties: [{ kind: 'assist', area: '招商引资' }],
        headcount: 1,
      }),
    );
    await t.ctx.db
      .updateTable('postRequests')
      .set({ status: 'approved' })
      .where('id', '=', post.id)
      .execute();
    pairs.push({ nominationId: n.id, postRequestId: post.id });
  }
  runId = await run('confirmed', pairs);
  unconfirmedRunId = await run('done', pairs.slice(0, 1));
  // the first cadre's posting, on post, with a leave request decided and returned
  const [postingId] = await inTransaction(t.ctx, (tx) =>
    createProposed(tx, seeder(), [{ batchId, ...(pairs[0] as (typeof pairs)[number]), matchRunId: runId }]),
  );
  await t.ctx.db
    .updateTable('postings')
    .set({ status: 'active', startDate: '2026-01-05' })
    .where('id', '=', postingId as string)
    .execute();
  onPostId = postingId as string;
  const asked = await call('POST', '/api/leave', c.cadre, {
    postingId,
    kind: 'family_visit',
    startDate: '2026-03-02',
    startHalf: 'am',
    endDate: '2026-03-06',
    endHalf: 'pm',
    reason: '回苏州探望父母',
  });
  expect(asked.statusCode, asked.body).toBe(200);
  leaveId = asked.json().id;
  const decided = await call('POST', `/api/leave/${leaveId}/decide`, c.receiving, {
    decision: 'approve',
    comment: '同意，做好工作交接',
    version: asked.json().version,
  });
  expect(decided.statusCode, decided.body).toBe(200);
}, 120_000);
afterAll(() => t.close());
afterEach(() => {
  delete process.env.GUAZHI_SOFFICE;
  forgetPreviews();
});

describe('版头 and 版记 settings', () => {
  it('starts from defaults, saves (audited), refuses a stale version and a foreign 组织部', async () => {
    const first = await call('GET', '/api/documents/settings', c.org);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      regionCode: '522600',
      version: null,
      numberPattern: '{机关代字}〔{年}〕{序号}号',
    });
    const body = {
      organMark: '中共黔东南州委组织部文件',
      organName: '中共黔东南州委组织部',
      organCode: '黔东南组',
      numberPattern: '{机关代字}〔{年}〕{序号}号',
      nextSeq: 7,
      signer: null,
      cc: ['州委办公室', '苏州市委组织部'],
      version: null,
    };
    const saved = await call('PUT', '/api/documents/settings/522600', c.org, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      organCode: '黔东南组',
      nextSeq: 7,
      cc: ['州委办公室', '苏州市委组织部'],
      version: 1,
    });
    expect((await call('PUT', '/api/documents/settings/522600', c.org, body)).statusCode).toBe(409);
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', '=', 'documents.settingsUpdate')
      .execute();
    expect(audit).toEqual([{ action: 'documents.settingsUpdate', objectId: '522600' }]);
    // another 组织部 neither reads nor writes these
    expect((await call('GET', '/api/documents/settings?regionCode=522600', c.otherOrg)).statusCode).toBe(404);
    expect(
      (await call('PUT', '/api/documents/settings/522600', c.otherOrg, { ...body, version: 1 })).statusCode,
    ).toBe(404);
    const bad = await call('PUT', '/api/documents/settings/522600', c.org, {
      ...body,
      numberPattern: '黔东南组号',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('发文字号格式');
    for (const cookie of [undefined, c.admin, c.receiving]) {
      const res = await call('GET', '/api/documents/settings', cookie);
      expect(res.statusCode).toBe(cookie ? 403 : 401);
    }
  });
});

describe('the posting notice', () => {
  it('downloads the whole batch as a real .docx with the 版头, 主送 and the name list', async () => {
    const res = await call('GET', `/api/documents/posting-notice/${runId}`, c.org);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '挂职任职通知_第一批.docx',
    );
    const text = docxText(res.rawPayload);
    expect(text).toContain('中共黔东南州委组织部文件');
    expect(text).toMatch(/黔东南组〔\d{4}〕7号/);
    const first = /关于(.+)等3名同志挂职任职的通知/.exec(text)?.[1];
    expect(names).toContain(first);
    expect(text).toMatch(
      /台江县文档测试镇.{4}，南明区文档测试局.{4}，苏州市文档测试局.{4}：|南明区文档测试局.{4}，台江县文档测试镇.{4}，苏州市文档测试局.{4}：/,
    );
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('抄送：州委办公室，苏州市委组织部。');
    // the sealed fields are not in it
    const xml = unzipText(res.rawPayload).get('word/document.xml') as string;
    expect(xml).not.toMatch(/\d{17}[\dX]/);
  });

  it('splits by receiving region and lists the parts', async () => {
    const parts = await call('GET', `/api/documents/posting-notice/${runId}/parts`, c.org);
    expect(parts.statusCode, parts.body).toBe(200);
    expect(parts.json().regions).toEqual(
      expect.arrayContaining([
        { code: '522600', name: expect.any(String), count: 2 },
        { code: '520100', name: expect.any(String), count: 1 },
      ]),
    );
    const one = await call('GET', `/api/documents/posting-notice/${runId}?region=520100`, c.org);
    expect(one.statusCode, one.body).toBe(200);
    const text = docxText(one.rawPayload);
    expect(text).toContain(`关于${names[2]}同志挂职任职的通知`);
    expect(text).not.toContain(names[0] as string);
    expect(
      (await call('GET', `/api/documents/posting-notice/${runId}?region=110100`, c.org)).statusCode,
    ).toBe(404);
  });

  it('is refused for a run not confirmed, another region’s 组织部 and other roles', async () => {
    expect((await call('GET', `/api/documents/posting-notice/${unconfirmedRunId}`, c.org)).statusCode).toBe(
      409,
    );
    for (const [cookie, status] of [
      [c.otherOrg, 404],
      [c.receiving, 403],
      [c.liaison, 403],
      [c.admin, 403],
      [undefined, 401],
    ] as const) {
      const res = await call('GET', `/api/documents/posting-notice/${runId}`, cookie);
      expect(res.statusCode, String(cookie)).toBe(status);
      expect(res.body).not.toContain(names[0] as string);
    }
  });
});

describe('the leave form', () => {
  it('downloads for whoever reads the leave, with each step', async () => {
    for (const cookie of [c.cadre, c.receiving, c.org, c.liaison]) {
      const res = await call('GET', `/api/documents/leave-form/${leaveId}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      const text = docxText(res.rawPayload);
      expect(text).toContain('挂职干部请（销）假审批表');
      expect(text).toContain(names[0]);
      expect(text).toContain('2026年3月2日上午至2026年3月6日下午');
      expect(text).toContain('5个工作日');
      expect(text).toContain('回苏州探望父母');
      expect(text).toContain('接收单位意见');
      expect(text).toContain('同意。同意，做好工作交接');
      expect(text).toContain('尚未销假');
    }
    for (const [cookie, status] of [
      [c.otherReceiving, 404],
      [c.otherOrg, 404],
      [c.admin, 403],
      [undefined, 401],
    ] as const)
      expect((await call('GET', `/api/documents/leave-form/${leaveId}`, cookie)).statusCode).toBe(status);
  });
});

describe('previews', () => {
  it('converts once and answers pages as PNG', async () => {
    const status = await call('GET', '/api/documents/status', c.cadre);
    expect(status.json()).toEqual({ preview: true, reason: null });
    const preview = await call('GET', `/api/documents/leave-form/${leaveId}?format=preview`, c.cadre);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().pages).toBe(1);
    const page = await call('GET', `/api/documents/leave-form/${leaveId}?format=page&page=1`, c.cadre);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toBe('image/png');
    expect(page.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(
      (await call('GET', `/api/documents/leave-form/${leaveId}?format=page&page=2`, c.cadre)).statusCode,
    ).toBe(404);
  }, 120_000);

  it('without LibreOffice says why, and a failed conversion leaves the .docx downloadable', async () => {
    process.env.GUAZHI_SOFFICE = 'off';
    expect((await call('GET', '/api/documents/status', c.cadre)).json()).toEqual({
      preview: false,
      reason: '服务器已关闭预览（GUAZHI_SOFFICE=off）',
    });
    process.env.GUAZHI_SOFFICE = '/bin/false';
    const failed = await call('GET', `/api/documents/posting-notice/${runId}?format=preview`, c.org);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().message).toBe('文档转换为 PDF 失败，请直接下载 Word 文件');
    const docx = await call('GET', `/api/documents/posting-notice/${runId}`, c.org);
    expect(docx.statusCode).toBe(200);
    expect(docxText(docx.rawPayload)).toContain('挂职干部名单');
  });
});

describe('the archive list (归档目录)', () => {
  it('lists the notice, the signed monthly report and the returned leave; as a .docx table and a .zip', async () => {
    // a month signed off (the posting started before it) and the leave returned from
    await t.ctx.db
      .updateTable('postings')
      .set({ startDate: '2025-11-03' })
      .where('id', '=', onPostId)
      .execute();
    const made = await call('POST', '/api/monthly', c.cadre, { postingId: onPostId, month: '2025-12' });
    expect(made.statusCode, made.body).toBe(200);
    const submitted = await call('POST', `/api/monthly/${made.json().id}/submit`, c.cadre, {
      version: made.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const signed = await call('POST', `/api/monthly/${made.json().id}/sign`, c.receiving, {
      comment: null,
      version: submitted.json().version,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    await t.ctx.db
      .updateTable('leaveRequests')
      .set({ status: 'returned', returnedOn: '2026-03-09' })
      .where('id', '=', leaveId)
      .execute();

    type List = {
      cadreName: string;
      items: { kind: string; title: string; date: string; fileName: string; pages: number | null }[];
    };
    const org = (await call('GET', `/api/documents/archive/${onPostId}`, c.org)).json() as List;
    expect(org.cadreName).toBe(names[0]);
    expect(org.items.map((i) => i.kind).sort()).toEqual(['leave', 'monthly', 'notice']);
    expect(org.items.find((i) => i.kind === 'monthly')?.title).toBe('2025年12月挂职工作情况报告');
    expect(org.items.find((i) => i.kind === 'leave')).toMatchObject({
      title: '请（销）假审批表（2026年3月2日至2026年3月6日）',
      date: '2026-03-09',
    });
    expect(org.items.every((i) => i.pages === null)).toBe(true);
    // the liaison and the cadre: no notice (the matching run is the 组织部's), the rest the same
    for (const cookie of [c.liaison, c.cadre]) {
      const list = (await call('GET', `/api/documents/archive/${onPostId}`, cookie)).json() as List;
      expect(list.items.map((i) => i.kind).sort()).toEqual(['leave', 'monthly']);
    }
    for (const [cookie, status] of [
      [c.otherOrg, 404],
      [c.otherReceiving, 404],
      [c.admin, 403],
      [undefined, 401],
    ] as const)
      expect((await call('GET', `/api/documents/archive/${onPostId}`, cookie)).statusCode).toBe(status);

    const catalogue = await call('GET', `/api/documents/archive/${onPostId}/catalogue`, c.org);
    expect(catalogue.statusCode, catalogue.body).toBe(200);
    const text = docxText(catalogue.rawPayload);
    expect(text).toContain(`${names[0]}同志挂职期间归档材料目录`);
    expect(text).toContain('2025年12月挂职工作情况报告');
    expect(text).toContain('请（销）假审批表（2026年3月2日至2026年3月6日）');
    expect(text).toContain('2026年3月9日');
    expect(text).toContain('共 3 份材料。');
    // page counts come from LibreOffice where the server has it, else a dash
    if (availability().soffice) expect(text).not.toContain('—');
    else expect(text).toContain('—');

    const zip = await call('GET', `/api/documents/archive/${onPostId}/zip`, c.org);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files).sort()).toEqual(org.items.map((i) => i.fileName).sort());
    for (const [name, content] of Object.entries(files)) {
      const inner = docxText(Buffer.from(content));
      expect(inner.length, name).toBeGreaterThan(50);
      expect(inner, name).toContain(names[0] as string);
    }
    const audited = await t.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'diff'])
      .where('action', '=', 'documents.archive')
      .where('objectId', '=', onPostId)
      .execute();
    // both downloads, and the three refusals above (denials are audited too)
    expect(audited.map((a) => JSON.parse(a.diff ?? '{}').format?.to).filter(Boolean)).toEqual([
      'docx',
      'zip',
    ]);
    expect(audited.filter((a) => JSON.parse(a.diff ?? '{}').answer)).toHaveLength(3);
  }, 120_000);
});

describe('migration 20261203190000_documents', () => {
  it('goes down and up again', async () => {
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261203190000_documents');
        await upFrom(raw, '20261203190000_documents');
        expect(await raw.selectFrom('document_settings').selectAll().execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('documentSettings').select('regionCode').execute()).toHaveLength(1);
  });
});
