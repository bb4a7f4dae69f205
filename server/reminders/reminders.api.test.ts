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
  freshUnit,
} from '../../test/pending-work.js';
import { isWebRoute } from '../../test/web-routes.js';
import { HOUR } from '../core/clock.js';
import { getMeta } from '../core/meta.repository.js';
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
const DAY = 24 * HOUR;

const grant = (role: string, regionCode: string | null, unitId: string | null) => ({
  grants: [{ role, regionCode, unitId, programmeIds: null }] as never,
});

beforeAll(async () => {
  t = await createTestApp();
  b = await secondInstance(t);
  const sending = await freshUnit(t);
  const receiving = await freshUnit(t);
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
