import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBatch } from '../../common/documents/documents.schema.js';
import { zUnitInput } from '../../common/units/units.schema.js';
import { docxText } from '../../test/documents/render.js';
import { createTestApp, type TestApp, unitInput } from '../../test/helpers.js';
import { activePostingOf, type PartyRole, partyAccount, programmeBatch } from '../../test/on-post.js';
import { systemActor } from '../core/context.js';
import * as units from '../units/units.service.js';
import { batchSettled } from './documents.batch.js';

let t: TestApp;
const seeder = () => systemActor(null, 'document-batch-test');
const c = {} as Record<'org' | 'otherOrg' | 'sending', string>;
let batchId: string;
const cadres: { name: string; unit: string; cookie: string; postingId: string }[] = [];

const unit = async (name: string, regionCode: string) => {
  const u = await units.create(
    t.ctx,
    seeder(),
    zUnitInput.parse(unitInput({ name: `${name}${randomUUID().slice(0, 4)}`, regionCode })),
  );
  return { id: u.id, name: u.name };
};
const account = (role: PartyRole, scope: { regionCode?: string; unitId?: string } = {}) =>
  partyAccount(t, role, scope);
const headers = (cookie?: string) => ({ 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) });
const call = (method: 'GET' | 'POST', url: string, cookie: string | undefined, payload?: object) =>
  t.app.inject({ method, url, payload, headers: headers(cookie) });
const ok = async <T = DocumentBatch>(res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
/** The text of a .docx. */
const textOf = (docx: Uint8Array) => docxText(Buffer.from(docx));

beforeAll(async () => {
  t = await createTestApp();
  const sending = [await unit('苏州市发展和改革委员会', '320508'), await unit('苏州市商务局', '320508')];
  const receiving = await unit('南明区接收局', '520102');
  const made = await programmeBatch(t.ctx, {
    name: '批量生成测试项目',
    regionCode: '522600',
    plannedStart: '2025-11-01',
    plannedEnd: '2026-10-31',
  });
  batchId = made.batchId;
  c.org = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.otherOrg = (await account('org_dept', { regionCode: '520100' })).cookie;
  c.sending = (await account('sending_liaison', { unitId: sending[0]?.id })).cookie;
  for (const k of [0, 1, 0]) {
    const cadre = await account('cadre');
    const posting = await activePostingOf(t.ctx, {
      batchId,
      sendingUnitId: sending[k]?.id as string,
      receivingUnitId: receiving.id,
      userId: cadre.id,
      start: '2025-11-03',
    });
    const row = await t.ctx.db
      .selectFrom('cadres')
      .select('name')
      .where('userId', '=', cadre.id)
      .executeTakeFirstOrThrow();
    cadres.push({
      name: row.name,
      unit: sending[k]?.name as string,
      cookie: cadre.cookie,
      postingId: posting.id,
    });
    await ok(await call('POST', '/api/monthly', cadre.cookie, { postingId: posting.id, month: '2025-12' }));
  }
}, 60_000);
afterAll(() => t.close());

describe('batch generation of documents', () => {
  let run: DocumentBatch;

  it('packs the monthly reports of a batch month into one zip, each named 月份_单位_姓名.docx', async () => {
    run = await ok(
      await call('POST', '/api/documents/batches', c.org, { batchId, month: '2025-12', kind: 'monthly' }),
    );
    expect(run).toMatchObject({ status: 'running', total: 3, done: 0, kind: 'monthly' });
    await batchSettled(t.ctx, run.id);
    const done = await ok(await call('GET', `/api/documents/batches/${run.id}`, c.org));
    expect(done).toMatchObject({ status: 'done', total: 3, done: 3 });
    const res = await call('GET', `/api/documents/batches/${run.id}/download`, c.org);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('月度情况报送'));
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const expected = cadres.map((x) => `2025年12月_${x.unit}_${x.name}.docx`).sort();
    expect(Object.keys(files).sort()).toEqual(expected);
    for (const x of cadres) {
      const text = textOf(files[`2025年12月_${x.unit}_${x.name}.docx`] as Uint8Array);
      expect(text).toContain(x.name);
      expect(text).toContain('2025年12月');
    }
    const list = await ok<{ items: DocumentBatch[] }>(
      await call('GET', `/api/documents/batches?batchId=${batchId}`, c.org),
    );
    expect(list.items.map((i) => i.id)).toEqual([run.id]);
  });

  it('audits the start, the finish and the download', async () => {
    const rows = await t.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectType', 'objectId'])
      .where('objectId', '=', run.id)
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual(
      ['documents.batch', 'documents.batchDone', 'documents.batchDownload'].sort(),
    );
    expect(rows.every((r) => r.objectType === 'document_batch')).toBe(true);
  });

  it('cancels a running generation: its status reads cancelled and nothing is downloadable', async () => {
    const started = await ok(
      await call('POST', '/api/documents/batches', c.org, { batchId, month: '2025-12', kind: 'monthly' }),
    );
    const cancelled = await ok(await call('POST', `/api/documents/batches/${started.id}/cancel`, c.org));
    expect(cancelled.status).toBe('cancelled');
    await batchSettled(t.ctx, started.id);
    expect((await ok(await call('GET', `/api/documents/batches/${started.id}`, c.org))).status).toBe(
      'cancelled',
    );
    expect((await call('GET', `/api/documents/batches/${started.id}/download`, c.org)).statusCode).toBe(409);
    expect((await call('POST', `/api/documents/batches/${started.id}/cancel`, c.org)).statusCode).toBe(409);
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', started.id)
      .where('action', '=', 'documents.batchCancel')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('packs the leave forms touching a month, a second form of one cadre named （2）', async () => {
    const x = cadres[0] as (typeof cadres)[number];
    for (const [startDate, endDate] of [
      ['2025-12-29', '2026-01-02'],
      ['2026-01-12', '2026-01-13'],
    ])
      await ok(
        await call('POST', '/api/leave', x.cookie, {
          postingId: x.postingId,
          kind: 'family_visit',
          startDate,
          startHalf: 'am',
          endDate,
          endHalf: 'pm',
          reason: '探望父母',
        }),
      );
    const started = await ok(
      await call('POST', '/api/documents/batches', c.org, { batchId, month: '2026-01', kind: 'leave' }),
    );
    expect(started.total).toBe(2);
    await batchSettled(t.ctx, started.id);
    const res = await call('GET', `/api/documents/batches/${started.id}/download`, c.org);
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const name = `2026年1月_${x.unit}_${x.name}`;
    expect(Object.keys(files).sort()).toEqual([`${name}.docx`, `${name}（2）.docx`].sort());
    expect(textOf(files[`${name}.docx`] as Uint8Array)).toContain(x.name);
  });

  it('says so when there is nothing to pack', async () => {
    const res = await call('POST', '/api/documents/batches', c.org, {
      batchId,
      month: '2025-11',
      kind: 'leave',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该批次在 2025年11月 没有请假记录');
  });

  it('refuses the unauthenticated (401), a sending liaison (403) and another 组织部 (404)', async () => {
    const body = { batchId, month: '2025-12', kind: 'monthly' };
    expect((await call('POST', '/api/documents/batches', undefined, body)).statusCode).toBe(401);
    expect((await call('GET', `/api/documents/batches/${run.id}/download`, undefined)).statusCode).toBe(401);
    expect((await call('POST', '/api/documents/batches', c.sending, body)).statusCode).toBe(403);
    expect((await call('GET', `/api/documents/batches/${run.id}/download`, c.sending)).statusCode).toBe(403);
    expect((await call('POST', '/api/documents/batches', c.otherOrg, body)).statusCode).toBe(404);
    expect((await call('GET', `/api/documents/batches/${run.id}/download`, c.otherOrg)).statusCode).toBe(404);
    expect((await call('GET', `/api/documents/batches/${run.id}`, c.otherOrg)).statusCode).toBe(404);
  });
});
