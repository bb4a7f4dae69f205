import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zCadreInput } from '../../common/cadres/cadres.schema.js';
import { zPostInput } from '../../common/posts/posts.schema.js';
import type { WorklogEntry, WorklogHits } from '../../common/worklog/worklog.schema.js';
import { cadreInput, createAccount, createTestApp, type TestApp } from '../../test/helpers.js';
import { downThrough, upFrom } from '../../test/migrations.js';
import { type PartyRole, partyAccount, programmeBatch, testUnit } from '../../test/on-post.js';
import * as cadres from '../cadres/cadres.service.js';
import { systemActor } from '../core/context.js';
import { inTransaction } from '../core/transaction.js';
import { blobStoreOf } from '../files/files.store.js';
import * as nominations from '../nominations/nominations.service.js';
import { createProposed } from '../postings/postings.service.js';
import * as posts from '../posts/posts.service.js';
import { SEARCH_COUNT_CAP } from './worklog.repository.js';
import { searchColumns } from './worklog.service.js';

let t: TestApp;
const seeder = () => systemActor(null, 'worklog-test');
let batchId: string;
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
let postingId: string;

const unit = (name: string, regionCode: string) => testUnit(t.ctx, name, regionCode);
const account = (role: PartyRole, scope: { regionCode?: string; unitId?: string } = {}) =>
  partyAccount(t, role, scope);

async function activePosting(userId: string, start = '2025-11-01') {
  const cadre = await cadres.create(t.ctx, seeder(), zCadreInput.parse(cadreInput(sendingUnit)));
  await t.ctx.db.updateTable('cadres').set({ userId: null }).where('userId', '=', userId).execute();
  await t.ctx.db.updateTable('cadres').set({ userId }).where('id', '=', cadre.id).execute();
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
      unitId: receivingUnit,
      title: `副县长${randomUUID().slice(0, 4)}`,
      level: 'division_deputy',
      duties: [{ kind: 'assist', area: '乡村振兴' }],
      headcount: 1,
    }),
  );
  await t.ctx.db.updateTable('postRequests').set({ status: 'approved' }).where('id', '=', post.id).execute();
  const [id] = await inTransaction(t.ctx, (tx) =>
    createProposed(tx, seeder(), [{ batchId, nominationId: n.id, postRequestId: post.id, matchRunId: null }]),
  );
  await t.ctx.db
    .updateTable('postings')
    .set({ status: 'active', startDate: start })
    .where('id', '=', id as string)
    .execute();
  return id as string;
}

const headers = (cookie?: string) => ({ 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) });
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie: string | undefined,
  payload?: object,
) => t.app.inject({ method, url, payload, headers: headers(cookie) });
const ok = async <T = WorklogEntry>(res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const log = (over: object = {}, cookie = c.cadre) =>
  call('POST', '/api/worklog', cookie, {
    postingId,
    entryDate: '2025-12-02',
    category: 'research',
    title: '走访乡镇',
    body: '到全县12个乡镇调研产业发展情况',
    place: '台江县',
    ...over,
  });
const upload = (id: string, name: string, content: Buffer, cookie = c.cadre) => {
  t.clock.advance(1000);
  return t.app.inject({
    method: 'POST',
    url: `/api/worklog/${id}/attachments?name=${encodeURIComponent(name)}`,
    payload: content,
    headers: { ...headers(cookie), 'content-type': 'application/octet-stream' },
  });
};
const search = (q: string, cookie: string, extra = '') =>
  call('GET', `/api/worklog/search?q=${encodeURIComponent(q)}${extra}`, cookie);
const marks = (pieces: { text: string; match: boolean }[]) =>
  pieces.filter((p) => p.match).map((p) => p.text);

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452', 'hex'),
  Buffer.alloc(64, 1),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function storedCounts() {
  const files = await t.ctx.db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: Number(files.n), blobs: await blobStoreOf(t.ctx).count(t.ctx.db) };
}

beforeAll(async () => {
  t = await createTestApp();
  sendingUnit = await unit('苏州市派出局', '320508');
  receivingUnit = await unit('台江县接收局', '522630');
  otherUnit = await unit('南明区其他局', '520102');
  const made = await programmeBatch(t.ctx, {
    name: '纪实测试项目',
    regionCode: '520000',
    plannedStart: '2025-11-01',
    plannedEnd: '2026-10-31',
  });
  batchId = made.batchId;
  const cad = await account('cadre');
  cadreUser = cad.id;
  c.cadre = cad.cookie;
  c.sending = (await account('sending_liaison', { unitId: sendingUnit })).cookie;
  c.receiving = (await account('receiving_manager', { unitId: receivingUnit })).cookie;
  c.receivingOrg = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.programmeOrg = (await account('org_dept', { regionCode: '520000' })).cookie;
  c.otherReceiving = (await account('receiving_manager', { unitId: otherUnit })).cookie;
  c.otherOrg = (await account('org_dept', { regionCode: '330000' })).cookie;
  c.otherCadre = (await account('cadre')).cookie;
  postingId = await activePosting(cadreUser);
}, 60_000);
afterAll(() => t.close());

describe('work log entries', () => {
  it('the cadre logs, edits (versioned) and deletes their own entries; dates within the posting and not in the future', async () => {
    const e = await ok(await log());
    expect(e).toMatchObject({
      title: '走访乡镇',
      category: 'research',
      editable: true,
      version: 1,
      attachments: [],
    });
    const future = await log({ entryDate: '2026-02-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('日期不能晚于今天');
    const before = await log({ entryDate: '2025-10-31' });
    expect(before.statusCode).toBe(400);
    expect(before.json().message).toContain('挂职期内（2025-11-01 至');
    const edited = await ok(
      await call('PUT', `/api/worklog/${e.id}`, c.cadre, {
        entryDate: '2025-12-03',
        category: 'meeting',
        title: '参加防汛会议',
        body: '部署防汛抗旱工作',
        place: null,
        version: 1,
      }),
    );
    expect(edited).toMatchObject({ title: '参加防汛会议', version: 2, entryDate: '2025-12-03' });
    const stale = await call('PUT', `/api/worklog/${e.id}`, c.cadre, {
      entryDate: '2025-12-03',
      category: 'meeting',
      title: '旧版本',
      body: '旧版本内容',
      place: null,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    // the index follows the edit: the old words are gone, the new ones found
    expect(
      (await ok<WorklogHits>(await search('防汛抗旱', c.programmeOrg))).items.map((h) => h.id),
    ).toContain(e.id);
    const gone = await call('DELETE', `/api/worklog/${e.id}?version=2`, c.cadre);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await call('GET', `/api/worklog/${e.id}`, c.cadre)).statusCode).toBe(404);
    expect(
      (await ok<WorklogHits>(await search('防汛抗旱', c.programmeOrg))).items.map((h) => h.id),
    ).not.toContain(e.id);
  });

  it('the posting’s other owners read but do not write; another unit’s manager, 组织部 or cadre sees nothing', async () => {
    const e = await ok(await log({ title: '接待考察团' }));
    for (const reader of [c.sending, c.receiving, c.receivingOrg, c.programmeOrg]) {
      const got = await ok(await call('GET', `/api/worklog/${e.id}`, reader));
      expect(got.editable).toBe(false);
      const list = await ok<{ items: WorklogEntry[] }>(
        await call('GET', `/api/worklog?postingId=${postingId}`, reader),
      );
      expect(list.items.map((i) => i.id)).toContain(e.id);
    }
    for (const outsider of [c.otherReceiving, c.otherOrg, c.otherCadre]) {
      expect((await call('GET', `/api/worklog/${e.id}`, outsider)).statusCode).toBe(404);
      const list = await call('GET', '/api/worklog', outsider);
      expect(
        list.statusCode === 403 || (list.json().items as WorklogEntry[]).every((i) => i.id !== e.id),
      ).toBe(true);
    }
    // the receiving unit's manager may not change it (no worklog.write)
    const put = await call('PUT', `/api/worklog/${e.id}`, c.receiving, {
      entryDate: '2025-12-02',
      category: 'other',
      title: '改写',
      body: '改写内容',
      place: null,
      version: 1,
    });
    expect(put.statusCode).toBe(403);
    // another cadre cannot log on this posting
    expect((await log({}, c.otherCadre)).statusCode).toBe(404);
  });
});

describe('two-character Chinese search', () => {
  let townA: string;
  let townB: string;
  let flood: string;
  beforeAll(async () => {
    townA = (
      await ok(
        await log({
          title: '乡镇调研',
          body: '跑遍了全县12个乡镇，乡镇干部反映乡镇道路需要修缮',
          entryDate: '2025-12-10',
        }),
      )
    ).id;
    townB = (
      await ok(await log({ title: '产业座谈', body: '与一个乡镇的企业座谈', entryDate: '2025-12-11' }))
    ).id;
    flood = (
      await ok(
        await log({
          title: '防汛检查',
          category: 'emergency',
          body: '检查防汛物资，转移安置人口1.9万人',
          entryDate: '2025-12-12',
        }),
      )
    ).id;
  });

  it('乡镇 finds, ranks (more matches first) and marks the matches', async () => {
    const hits = await ok<WorklogHits>(await search('乡镇', c.programmeOrg));
    const ids = hits.items.map((h) => h.id);
    expect(ids).toContain(townA);
    expect(ids).toContain(townB);
    expect(ids).not.toContain(flood);
    expect(ids.indexOf(townA)).toBeLessThan(ids.indexOf(townB));
    const a = hits.items.find((h) => h.id === townA);
    expect(marks(a?.title ?? [])).toEqual(['乡镇']);
    expect(marks(a?.snippet ?? [])).toEqual(['乡镇', '乡镇', '乡镇']);
    expect((a?.snippet ?? []).map((p) => p.text).join('')).toContain('跑遍了全县12个乡镇');
    expect(hits.items[0]?.score).toBeGreaterThanOrEqual(hits.items.at(-1)?.score ?? 0);
  });

  it('防汛 finds the flood entry; a four-character phrase matches only where the text holds it', async () => {
    const hits = await ok<WorklogHits>(await search('防汛', c.receiving));
    expect(hits.items.map((h) => h.id)).toContain(flood);
    expect(marks(hits.items.find((h) => h.id === flood)?.title ?? [])).toEqual(['防汛']);
    const phrase = await ok<WorklogHits>(await search('转移安置', c.sending));
    expect(phrase.items.map((h) => h.id)).toEqual([flood]);
    expect(marks(phrase.items[0]?.snippet ?? [])).toEqual(['转移安置']);
    // the same characters not next to each other do not match the phrase
    expect((await ok<WorklogHits>(await search('安置转移', c.sending))).items).toEqual([]);
  });

  it('filters by category and date, pages, and refuses one character clearly', async () => {
    const emergency = await ok<WorklogHits>(await search('防汛', c.programmeOrg, '&category=emergency'));
    expect(emergency.items.map((h) => h.id)).toEqual([flood]);
    const dated = await ok<WorklogHits>(
      await search('乡镇', c.programmeOrg, '&from=2025-12-11&to=2025-12-11'),
    );
    expect(dated.items.map((h) => h.id)).toEqual([townB]);
    const page1 = await ok<WorklogHits>(await search('乡镇', c.programmeOrg, '&pageSize=1'));
    expect(page1.items).toHaveLength(1);
    expect(page1.total).toBeGreaterThanOrEqual(2);
    const page2 = await ok<WorklogHits>(await search('乡镇', c.programmeOrg, '&pageSize=1&page=2'));
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
    const one = await search('镇', c.programmeOrg);
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toContain('请至少输入 2 个字');
  });

  it('searches only within scope: another unit’s manager and another region’s 组织部 find nothing', async () => {
    for (const outsider of [c.otherReceiving, c.otherOrg])
      expect((await ok<WorklogHits>(await search('乡镇', outsider))).items.map((h) => h.id)).not.toContain(
        townA,
      );
  });
});

describe('search speed path: ranked in the index, scoped on the candidates (ADR 033)', () => {
  const OUTSIDE = SEARCH_COUNT_CAP + 5;
  let inside: string[];
  let outsidePosting: string;
  const rowOf = (id: string, posting: string, cadreId: string, key: number, date: string, body: string) => ({
    id,
    postingId: posting,
    cadreId,
    entryDate: date,
    category: 'research',
    title: '田间调研',
    body,
    place: null,
    searchKey: key,
    ...searchColumns(t.ctx.dialect, { title: '田间调研', place: null, body }),
    attachments: 0,
    version: 1,
    createdAt: '2025-12-01T00:00:00.000Z',
    updatedAt: '2025-12-01T00:00:00.000Z',
    createdBy: null,
    updatedBy: null,
  });
  beforeAll(async () => {
    const other = await createAccount(t.ctx, {
      grants: [{ role: 'cadre', regionCode: null, unitId: null, programmeIds: null }],
    });
    outsidePosting = await activePosting(other.id);
    // the other posting is received by another unit: outside the receiving manager's scope
    await t.ctx.db
      .updateTable('postings')
      .set({ receivingUnitId: otherUnit })
      .where('id', '=', outsidePosting)
      .execute();
    const mine = await t.ctx.db
      .selectFrom('postings')
      .select('cadreId')
      .where('id', '=', postingId)
      .executeTakeFirstOrThrow();
    const theirs = await t.ctx.db
      .selectFrom('postings')
      .select('cadreId')
      .where('id', '=', outsidePosting)
      .executeTakeFirstOrThrow();
    // many short entries full of 稻田 (ranked first) outside the scope …
    const rows = Array.from({ length: OUTSIDE }, (_, i) =>
      rowOf(
        randomUUID(),
        outsidePosting,
        theirs.cadreId,
        9_000_000_000 + i,
        '2025-12-05',
        '稻田稻田稻田稻田',
      ),
    );
    for (let i = 0; i < rows.length; i += 200)
      await t.ctx.db
        .insertInto('worklogEntries')
        .values(rows.slice(i, i + 200))
        .execute();
    // … and three long ones inside it, holding 稻田 once (ranked last), on three days
    inside = ['2025-12-03', '2025-12-04', '2025-12-02'].map(() => randomUUID());
    await t.ctx.db
      .insertInto('worklogEntries')
      .values(
        inside.map((id, i) =>
          rowOf(
            id,
            postingId,
            mine.cadreId,
            9_100_000_000 + i,
            ['2025-12-03', '2025-12-04', '2025-12-02'][i] as string,
            '走访了多个村寨与合作社，了解产业发展、道路修缮和群众就业的情况，顺路看了稻田',
          ),
        ),
      )
      .execute();
  }, 60_000);

  it('the in-scope entries ranked below a thousand outside ones still fill the page, newest first among equals; the count holds only them', async () => {
    const hits = await ok<WorklogHits>(await search('稻田', c.receiving));
    // newest first among the equally ranked: 12-04, 12-03, 12-02
    expect(hits.items.map((h) => h.id)).toEqual([inside[1], inside[0], inside[2]]);
    expect(hits.total).toBe(3);
    expect(hits.totalCapped).toBeUndefined();
    const p1 = await ok<WorklogHits>(await search('稻田', c.receiving, '&pageSize=2'));
    const p2 = await ok<WorklogHits>(await search('稻田', c.receiving, '&pageSize=2&page=2'));
    expect(p1.items.map((h) => h.id)).toEqual([inside[1], inside[0]]);
    expect(p2.items.map((h) => h.id)).toEqual([inside[2]]);
    expect([p1.total, p2.total]).toEqual([3, 3]);
    expect((await ok<WorklogHits>(await search('稻田', c.receiving, '&pageSize=2&page=3'))).items).toEqual(
      [],
    );
    // another unit's manager sees none of them
    const outsider = await ok<WorklogHits>(await search('稻田', c.otherReceiving));
    expect(outsider.items.map((h) => h.id).filter((id) => inside.includes(id))).toEqual([]);
  });

  it('the count stops at the cap (shown as more than), pages within it are consistent and the best come first', async () => {
    const first = await ok<WorklogHits>(await search('稻田', c.programmeOrg));
    expect(first.total).toBe(SEARCH_COUNT_CAP);
    expect(first.totalCapped).toBe(true);
    expect(first.items.every((h) => !inside.includes(h.id))).toBe(true);
    const big = await ok<WorklogHits>(await search('稻田', c.programmeOrg, '&pageSize=21'));
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(
        ...(await ok<WorklogHits>(await search('稻田', c.programmeOrg, `&pageSize=7&page=${page}`))).items,
      );
    expect(pages.map((h) => h.id)).toEqual(big.items.map((h) => h.id));
    // the last page within the cap holds the outside entries' tail; beyond it is refused
    const last = await ok<WorklogHits>(
      await search('稻田', c.programmeOrg, `&pageSize=20&page=${SEARCH_COUNT_CAP / 20}`),
    );
    expect(last.items).toHaveLength(20);
    const beyond = await search('稻田', c.programmeOrg, `&pageSize=20&page=${SEARCH_COUNT_CAP / 20 + 1}`);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().message).toContain(`只能查看前 ${SEARCH_COUNT_CAP} 条`);
    // with the outside entries gone the count is exact again and the inside ones show
    await t.ctx.db.deleteFrom('worklogEntries').where('postingId', '=', outsidePosting).execute();
    const after = await ok<WorklogHits>(await search('稻田', c.programmeOrg));
    expect(after.items.map((h) => h.id)).toEqual([inside[1], inside[0], inside[2]]);
    expect(after.total).toBe(3);
  });
});

describe('attachments', () => {
  let entry: WorklogEntry;
  beforeAll(async () => {
    entry = await ok(await log({ title: '项目现场', category: 'project', entryDate: '2025-12-20' }));
  });

  it('stores an image, a PDF and a .docx by content; the download returns the same bytes with the hash and the name', async () => {
    const png = await ok(await upload(entry.id, '现场照片.png', PNG));
    expect(png.attachments).toHaveLength(1);
    expect(png.attachments[0]).toMatchObject({
      name: '现场照片.png',
      kind: 'png',
      size: PNG.length,
      sha256: sha(PNG),
    });
    const pdf = await ok(await upload(entry.id, '会议纪要.pdf', PDF));
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    const withDocx = await ok(await upload(entry.id, '汇报材料.docx', docx));
    expect(withDocx.attachments.map((a) => a.kind)).toEqual(['png', 'pdf', 'docx']);
    const file = pdf.attachments[1] as WorklogEntry['attachments'][number];
    for (const reader of [c.cadre, c.programmeOrg, c.receiving]) {
      const res = await call('GET', `/api/worklog/${entry.id}/attachments/${file.id}`, reader);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(sha(res.rawPayload)).toBe(file.sha256);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('会议纪要.pdf')}`,
      );
    }
    // a receiving manager of another unit cannot download it
    expect(
      (await call('GET', `/api/worklog/${entry.id}/attachments/${file.id}`, c.otherReceiving)).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/api/worklog/${entry.id}/attachments/${file.id}`, c.otherOrg)).statusCode,
    ).toBe(404);
    // nor attach to it
    expect((await upload(entry.id, 'x.png', PNG, c.receiving)).statusCode).toBe(403);
  });

  it('refuses a renamed executable, a text file named .jpg and anything over 10 MB — and stores nothing', async () => {
    const before = await storedCounts();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const refusedExe = await upload(entry.id, 'report.pdf', exe);
    expect(refusedExe.statusCode).toBe(400);
    expect(refusedExe.json().message).toContain('可执行程序');
    const elf = await upload(
      entry.id,
      'photo.jpg',
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]),
    );
    expect(elf.statusCode).toBe(400);
    const text = await upload(
      entry.id,
      'photo.jpg',
      Buffer.from('这是一个文本文件，不是图片。\n'.repeat(10)),
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toContain('附件类型不支持');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const tooBig = await upload(entry.id, 'big.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toContain('附件不能超过 10 MB');
    expect(await storedCounts()).toEqual(before);
    const after = await ok(await call('GET', `/api/worklog/${entry.id}`, c.cadre));
    expect(after.attachments.map((a) => a.name)).not.toContain('report.pdf');
  });

  it('keeps the bytes under their hash (once for the same bytes) and removes them with the last file', async () => {
    const other = await ok(await log({ title: '同图两用', entryDate: '2025-12-21' }));
    const uniq = Buffer.concat([PNG, Buffer.from(randomUUID())]);
    const start = await storedCounts();
    const one = await ok(await upload(other.id, 'a.png', uniq));
    await ok(await upload(other.id, 'b.png', uniq));
    expect(await storedCounts()).toEqual({ rows: start.rows + 2, blobs: start.blobs + 1 });
    if (t.ctx.dialect === 'sqlite') {
      const h = sha(uniq);
      const file = path.join(t.ctx.config.dataDir, 'files', h.slice(0, 2), h.slice(2, 4), h);
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(path.dirname(file))).toContain(h);
    }
    const first = one.attachments[0] as WorklogEntry['attachments'][number];
    const detached = await ok(
      await call('DELETE', `/api/worklog/${other.id}/attachments/${first.id}`, c.cadre),
    );
    expect(detached.attachments).toHaveLength(1);
    expect((await storedCounts()).blobs).toBe(start.blobs + 1);
    const gone = await call('DELETE', `/api/worklog/${other.id}?version=${detached.version}`, c.cadre);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await storedCounts()).toEqual(start);
  });
});

describe('migration 20261203160000_worklog', () => {
  it('goes down (tables and index gone) and up again', async () => {
    const before = await t.ctx.db.selectFrom('worklogEntries').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261203160000_worklog');
        await upFrom(raw, '20261203160000_worklog');
        expect(await raw.selectFrom('worklog_entries').select('id').execute()).toEqual([]);
        expect(await raw.selectFrom('files').select('id').execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('worklogEntries').select('id').execute()).toHaveLength(before.length);
    expect((await ok<WorklogHits>(await search('乡镇', c.programmeOrg))).total).toBeGreaterThan(0);
  });
});
