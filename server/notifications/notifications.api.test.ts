import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationLink } from '../../common/notifications/notifications.schema.js';
import { createAccount, createTestApp, login, type TestAccount, type TestApp } from '../../test/helpers.js';
import { notifyRole } from './notifications.service.js';

let t: TestApp;
let auditorA: TestAccount;
let auditorB: TestAccount;
let cookieA: string;
let cookieB: string;

beforeAll(async () => {
  t = await createTestApp();
  auditorA = await createAccount(t.ctx, { roles: ['audit_admin'] });
  auditorB = await createAccount(t.ctx, { roles: ['audit_admin'] });
  await createAccount(t.ctx, { roles: ['system_admin'] });
  cookieA = await login(t.app, auditorA);
  cookieB = await login(t.app, auditorB);
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const read = (id: string, cookie?: string) =>
  t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: cookie ? { cookie } : {} });
const readAll = (cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: cookie ? { cookie } : {} });

describe('notifications', () => {
  it('goes to every active account of a role, each reading only its own, newest first, paged', async () => {
    expect(await notifyRole(t.ctx, 'audit_admin', 'audit.chainBroken', { count: 3, first: 7 })).toBe(2);
    t.clock.advance(60_000);
    await notifyRole(t.ctx, 'audit_admin', 'audit.chainBroken', { count: 1, first: 9 });
    const stored = await t.ctx.db.selectFrom('notifications').selectAll().execute();
    expect(stored.map((n) => n.userId).sort()).toEqual(
      [auditorA.id, auditorA.id, auditorB.id, auditorB.id].sort(),
    );

    const res = await get('/api/notifications?pageSize=1', cookieA);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ kind: 'audit.chainBroken', readAt: null, link: '/admin/audit' });
    expect(page.items[0].message).toBe(
      '审计日志每日校验未通过：发现 1 处异常，最早在第 9 条记录，请立即核查（guazhi audit verify）',
    );
    const second = (await get('/api/notifications?pageSize=1&page=2', cookieA)).json();
    expect(second.items[0].message).toContain('发现 3 处异常，最早在第 7 条记录');
  });

  it('marks one of the caller’s own read (stored, audited, once); another’s is not found and stays unread', async () => {
    const [mine] = (await get('/api/notifications', cookieA)).json().items;
    const [theirs] = (await get('/api/notifications', cookieB)).json().items;

    const denied = await read(theirs.id, cookieA);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().code).toBe('NOT_FOUND');
    const untouched = await t.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', theirs.id)
      .executeTakeFirst();
    expect(untouched?.readAt).toBeNull();

    const ok = await read(mine.id, cookieA);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: mine.id, readAt: t.clock.now().toISOString() });
    const row = await t.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', mine.id)
      .executeTakeFirst();
    expect(row?.readAt).toBe(t.clock.now().toISOString());
    expect((await get('/api/notifications', cookieA)).json()).toMatchObject({ total: 2, unread: 1 });
    expect(
      (await get('/api/notifications?unread=true', cookieA)).json().items.map((n: { id: string }) => n.id),
    ).not.toContain(mine.id);

    const again = await read(mine.id, cookieA);
    expect(again.statusCode).toBe(200);
    const audits = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'notifications.markRead')
      .where('objectId', '=', mine.id)
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorId).toBe(auditorA.id);
  });

  it('marks all of the caller’s own read at once (audited once), leaving another’s unread', async () => {
    await notifyRole(t.ctx, 'audit_admin', 'audit.chainBroken', { count: 2, first: 11 });
    const unreadB = (await get('/api/notifications', cookieB)).json().unread;
    expect((await get('/api/notifications', cookieA)).json().unread).toBe(2);
    const res = await readAll(cookieA);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 2 });
    const stillUnread = await t.ctx.db
      .selectFrom('notifications')
      .select('userId')
      .where('readAt', 'is', null)
      .execute();
    expect(stillUnread.filter((n) => n.userId === auditorA.id)).toEqual([]);
    expect((await get('/api/notifications', cookieB)).json().unread).toBe(unreadB);
    expect((await readAll(cookieA)).json()).toEqual({ marked: 0 });
    const audits = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'notifications.markAllRead')
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: auditorA.id, objectId: auditorA.id });
  });

  it('links each kind to the page of its object', async () => {
    expect(notificationLink('auth.accountLocked', { username: 'zhang san' })).toBe(
      '/admin/accounts?q=zhang%20san',
    );
    expect(notificationLink('reminder.termEnding7', { postingId: 'p1', cadre: '张三' })).toBe('/postings/p1');
  });

  it('answers 401 without a session, on every route', async () => {
    const list = await get('/api/notifications');
    expect(list.statusCode).toBe(401);
    expect(list.json().code).toBe('UNAUTHENTICATED');
    const mark = await read(randomUUID());
    expect(mark.statusCode).toBe(401);
    expect((await readAll()).statusCode).toBe(401);
  });

  it('answers 403 while the account still owes its password change, on every route', async () => {
    const fresh = await createAccount(t.ctx, { roles: ['org_dept'], mustChangePassword: true });
    const cookie = await login(t.app, fresh);
    const list = await get('/api/notifications', cookie);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    await notifyRole(t.ctx, 'audit_admin', 'audit.chainBroken', { count: 1, first: 12 });
    const [mine] = (await get('/api/notifications?unread=true', cookieA)).json().items;
    const mark = await read(mine.id, cookie);
    expect(mark.statusCode).toBe(403);
    const all = await readAll(cookie);
    expect(all.statusCode).toBe(403);
    expect(all.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get('/api/notifications', cookieA)).json().unread).toBe(1);
    expect(
      (
        await t.ctx.db
          .selectFrom('notifications')
          .select('readAt')
          .where('id', '=', mine.id)
          .executeTakeFirst()
      )?.readAt,
    ).toBeNull();
  });
});
