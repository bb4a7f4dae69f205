import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createTestApp,
  login,
  secondInstance,
  type TestAccount,
  type TestApp,
} from '../../test/helpers.js';
import {
  freshBatch,
  freshCadre,
  freshCorrection,
  freshNomination,
  freshPost,
  freshPosting,
  freshUnit,
  handOver,
} from '../../test/pending-work.js';
import { isWebRoute } from '../../test/web-routes.js';
import { HOUR } from '../core/clock.js';
import { systemActor } from '../core/context.js';
import { getMeta } from '../core/meta.repository.js';
import * as postings from '../postings/postings.service.js';
import { runDailyReminders, SENT_ON_KEY } from './reminders.job.js';
import { sendReminders } from './reminders.service.js';

/** Issue 12 line 7: the daily reminders — who gets which, once, whatever runs them. */
let t: TestApp;
let b: TestApp;
let org: TestAccount;
let foreignOrg: TestAccount;
let liaison: TestAccount;
let manager: TestAccount;
let cadre: TestAccount;
let sendingId: string;
let receivingId: string;
const DAY = 24 * HOUR;

const grant = (role: string, regionCode: string | null, unitId: string | null) => ({
  grants: [{ role, regionCode, unitId, programmeIds: null }] as never,
});

beforeAll(async () => {
  t = await createTestApp();
  b = await secondInstance(t);
  const sending = await freshUnit(t);
  const receiving = await freshUnit(t);
  sendingId = sending.id;
  receivingId = receiving.id;
  org = await createAccount(t.ctx, grant('org_dept', '522600', null));
  foreignOrg = await createAccount(t.ctx, grant('org_dept', '320500', null));
  liaison = await createAccount(t.ctx, grant('sending_liaison', null, sending.id));
  manager = await createAccount(t.ctx, grant('receiving_manager', null, receiving.id));
  cadre = await createAccount(t.ctx, grant('cadre', null, null));
  await freshCadre(t, sending.id, cadre.id);
  const batch = await freshBatch(t);
  await freshPost(t, batch.id, receiving.id, 'submitted');
  await freshPost(t, batch.id, receiving.id, 'draft');
  await freshNomination(t, batch.id, sending.id);
  await freshCorrection(t, await login(t.app, cadre));
});
afterAll(async () => {
  await b.close();
  await t.close();
});

const notificationsOf = (userId: string) =>
  t.ctx.db
    .selectFrom('notifications')
    .select(['kind', 'params'])
    .where('userId', '=', userId)
    .where('kind', 'like', 'reminder.%')
    .orderBy('kind')
    .orderBy('createdAt')
    .execute();
const sentRows = () =>
  t.ctx.db.selectFrom('remindersSent').selectAll().orderBy('kind').orderBy('recipient').execute();

describe('approvals waiting more than three days', () => {
  it('are not reminded before three days have passed', async () => {
    t.clock.advance(3 * DAY - HOUR);
    expect((await sendReminders(t.ctx)).total).toBe(0);
    expect(await sentRows()).toEqual([]);
  });

  it('remind whoever decides them, in their scope: the 组织部 of post requests and nominations, the liaison of corrections', async () => {
    t.clock.advance(2 * HOUR);
    const result = await sendReminders(t.ctx);
    expect(result.sent).toMatchObject({ postWaiting: 1, nominationWaiting: 1, correctionWaiting: 1 });
    expect(result.total).toBe(3);
    expect((await notificationsOf(org.id)).map((n) => n.kind)).toEqual([
      'reminder.nominationWaiting',
      'reminder.postWaiting',
    ]);
    expect((await notificationsOf(liaison.id)).map((n) => n.kind)).toEqual(['reminder.correctionWaiting']);
    for (const nobody of [foreignOrg, manager, cadre]) expect(await notificationsOf(nobody.id)).toEqual([]);

    // what the 组织部 reads in its inbox: the text, and a link to the list where it decides
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: await login(t.app, org) },
    });
    const items = inbox.json().items as { kind: string; message: string; link: string }[];
    const post = items.find((n) => n.kind === 'reminder.postWaiting');
    expect(post?.message).toMatch(
      /^待办单位.+提报的岗位需求“待办岗位.+”（待办批次.+）已等待审核 3 天，请尽快审核$/,
    );
    expect(post?.link).toMatch(/^\/demands\?status=submitted&batchId=[0-9a-f-]+$/);
    for (const n of items) expect(isWebRoute(n.link), n.link).toBe(true);
  });

  it('are sent once: running again the same day, or the next, creates nothing twice (the key in reminders_sent)', async () => {
    const before = await sentRows();
    expect(before).toHaveLength(3);
    expect((await sendReminders(t.ctx)).total).toBe(0);
    t.clock.advance(DAY);
    expect((await sendReminders(t.ctx)).total).toBe(0);
    expect(await sentRows()).toEqual(before);
    expect(await notificationsOf(org.id)).toHaveLength(2);
  });
});

describe('the daily job', () => {
  it('runs once a day (meta reminders.sentOn): the second run that day does nothing', async () => {
    const first = await runDailyReminders(t.ctx);
    expect(first).toMatchObject({ total: 0 });
    expect(await getMeta(t.ctx.db, SENT_ON_KEY)).toBe(first?.day);
    expect(await runDailyReminders(t.ctx)).toBeNull();
  });

  it('two instances on one database racing for the same reminders send each once', async () => {
    const batch = await freshBatch(t);
    const receiving = await freshUnit(t);
    const manager2 = await createAccount(t.ctx, grant('receiving_manager', null, receiving.id));
    for (let i = 0; i < 3; i++) await freshPost(t, batch.id, receiving.id, 'submitted');
    t.clock.advance(4 * DAY);
    const before = (await sentRows()).length;
    // both instances past the once-a-day gate (as cron beside a server would be): only the key decides
    const results = await Promise.all([
      sendReminders(t.ctx),
      sendReminders(b.ctx),
      sendReminders(t.ctx),
      sendReminders(b.ctx),
    ]);
    expect(results.reduce((n, r) => n + r.sent.postWaiting, 0)).toBe(3);
    expect((await sentRows()).length).toBe(before + 3);
    expect((await notificationsOf(org.id)).filter((n) => n.kind === 'reminder.postWaiting')).toHaveLength(4);
    expect(await notificationsOf(manager2.id)).toEqual([]);
    // and through the daily gate, the next day, racing: one instance runs it, the other skips
    t.clock.advance(DAY);
    const gated = await Promise.all([runDailyReminders(t.ctx), runDailyReminders(b.ctx)]);
    expect(gated.filter((r) => r !== null)).toHaveLength(1);
  });
});

describe('postings', () => {
  const kindsOf = async (userId: string, kind: string) =>
    (await notificationsOf(userId)).filter((n) => n.kind === kind).map((n) => JSON.parse(n.params));

  it('a hand-over not recorded 14 days after the proposal reminds the receiving unit and the 组织部, once', async () => {
    const batch = await freshBatch(t);
    const waiting = await freshPosting(t, batch.id, sendingId, receivingId);
    const onPost = await freshPosting(t, batch.id, sendingId, receivingId, cadre.id);
    await handOver(t, onPost.id, '2027-03-05');
    t.clock.advance(13 * DAY);
    expect((await sendReminders(t.ctx)).sent.handoverMissing).toBe(0);
    t.clock.advance(DAY);
    expect((await sendReminders(t.ctx)).sent.handoverMissing).toBe(2);
    for (const who of [manager, org])
      expect(await kindsOf(who.id, 'reminder.handoverMissing')).toEqual([
        expect.objectContaining({
          postingId: waiting.id,
          cadre: waiting.cadre.name,
          title: waiting.post.title,
          days: 14,
        }),
      ]);
    for (const nobody of [liaison, cadre, foreignOrg])
      expect(await kindsOf(nobody.id, 'reminder.handoverMissing')).toEqual([]);
    expect((await sendReminders(t.ctx)).total).toBe(0);
  });

  it('a term ending in 30 days, then in 7, reminds all its owners — the cadre too — once per end date', async () => {
    const posting = await t.ctx.db
      .selectFrom('postings')
      .selectAll()
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    t.clock.advance(Date.parse('2028-01-29T00:00:00+08:00') - t.clock.now().getTime());
    const first = await sendReminders(t.ctx);
    expect(first.sent).toMatchObject({ termEnding30: 4, termEnding7: 0 });
    const owners = [org, liaison, manager, cadre];
    for (const who of owners)
      expect(await kindsOf(who.id, 'reminder.termEnding30')).toEqual([
        expect.objectContaining({ postingId: posting.id, endDate: '2028-02-28', days: 30 }),
      ]);
    expect(await kindsOf(foreignOrg.id, 'reminder.termEnding30')).toEqual([]);
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/notifications?unread=true',
      headers: { cookie: await login(t.app, cadre) },
    });
    const [mine] = inbox.json().items;
    const names = await t.ctx.db
      .selectFrom('postings as p')
      .innerJoin('cadres as c', 'c.id', 'p.cadreId')
      .innerJoin('units as u', 'u.id', 'p.receivingUnitId')
      .select(['c.name as cadre', 'u.name as unit'])
      .where('p.id', '=', posting.id)
      .executeTakeFirstOrThrow();
    expect(mine.message).toBe(
      `${names.cadre}在${names.unit}的挂职（${posting.title}）将于 2028-02-28 期满，还有 30 天，请提前安排总结考核与返回事宜`,
    );
    expect(isWebRoute(mine.link)).toBe(true);
    expect(mine.link).toBe(`/postings/${posting.id}`);

    t.clock.advance(DAY);
    expect((await sendReminders(t.ctx)).total).toBe(0);
    t.clock.advance(Date.parse('2028-02-21T00:00:00+08:00') - t.clock.now().getTime());
    const seven = await sendReminders(t.ctx);
    expect(seven.sent).toMatchObject({ termEnding30: 0, termEnding7: 4 });
    for (const who of owners)
      expect(await kindsOf(who.id, 'reminder.termEnding7')).toEqual([
        expect.objectContaining({ postingId: posting.id, days: 7 }),
      ]);
    t.clock.advance(DAY);
    expect((await sendReminders(t.ctx)).total).toBe(0);

    // 延期 moves the end: the new end date is a new occasion, reminded again (30 days before it)
    const current = await t.ctx.db
      .selectFrom('postings')
      .select('version')
      .where('id', '=', posting.id)
      .executeTakeFirstOrThrow();
    await postings.extend(t.ctx, systemActor(null, 'test'), posting.id, {
      date: '2028-02-22',
      reason: '工作需要，经研究同意延期',
      endDate: '2028-03-20',
      requestedBy: 'receiving_unit',
      version: current.version,
    });
    const extended = await sendReminders(t.ctx);
    expect(extended.sent).toMatchObject({ termEnding30: 4, termEnding7: 0 });
    expect(await kindsOf(cadre.id, 'reminder.termEnding30')).toEqual([
      expect.objectContaining({ endDate: '2028-02-28' }),
      expect.objectContaining({ endDate: '2028-03-20', days: 27 }),
    ]);
  });
});
