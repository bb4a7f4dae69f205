import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { ChangePasswordRequest, LoginRequest, Me, Role } from '../../common/auth/auth.schema.js';
import { t } from '../../common/i18n/index.js';
import { HOUR, MINUTE } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { fromFlag, toFlag } from '../core/database.js';
import { AppError } from '../core/errors.js';
import * as repo from './auth.repository.js';
import type { UserRow } from './auth.table.js';
import { assertPasswordPolicy, hashPassword, timingDummyHash, verifyPassword } from './password.js';

export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 30 * MINUTE;
/** last_seen_at is written at most this often, so reads do not all become writes. */
const TOUCH_EVERY_MS = MINUTE;

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

/** The stored id of a session: an HMAC of the cookie token, so a database leak yields no usable cookie. */
export function sessionIdOf(ctx: AppContext, token: string): string {
  return createHmac('sha256', ctx.config.sessionSecret).update(token).digest('hex');
}

function toMe(user: UserRow, roles: Role[]): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    mustChangePassword: fromFlag(user.mustChangePassword),
  };
}

export async function login(
  ctx: AppContext,
  input: LoginRequest,
  client: ClientMeta,
): Promise<{ token: string; me: Me; expiresAt: Date }> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const user = await repo.findUserByUsername(ctx.db, username);
  if (!user) {
    await verifyPassword(await timingDummyHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const lockedUntil = user.lockedUntil ? Date.parse(user.lockedUntil) : 0;
  if (lockedUntil > now.getTime()) {
    throw new AppError('ACCOUNT_LOCKED', {
      params: { minutes: Math.ceil((lockedUntil - now.getTime()) / MINUTE) },
    });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= LOCK_AFTER_FAILURES;
    await repo.updateUser(ctx.db, user.id, {
      failedLogins: lock ? 0 : failures,
      lockedUntil: lock ? new Date(now.getTime() + LOCK_MS).toISOString() : user.lockedUntil,
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', { params: { minutes: LOCK_MS / MINUTE } });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!fromFlag(user.active)) throw new AppError('ACCOUNT_DISABLED');

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const nowIso = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: nowIso });
    await repo.deleteExpiredSessions(trx, nowIso);
    await repo.insertSession(trx, {
      id: sessionIdOf(ctx, token),
      userId: user.id,
      createdAt: nowIso,
      lastSeenAt: nowIso,
      expiresAt: expiresAt.toISOString(),
      revokedAt: null,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
  });
  return { token, me: toMe(user, await repo.rolesOf(ctx.db, user.id)), expiresAt };
}

/** Resolves a cookie token to the caller, or null when the session is unknown, revoked, idle or expired. */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = sessionIdOf(ctx, token);
  const session = await repo.findSession(ctx.db, id);
  if (!session || session.revokedAt) return null;
  const now = ctx.clock.now().getTime();
  const lastSeen = Date.parse(session.lastSeenAt);
  if (now >= Date.parse(session.expiresAt) || now - lastSeen >= SESSION_IDLE_MS) return null;
  const user = await repo.findUserById(ctx.db, session.userId);
  if (!user || !fromFlag(user.active)) return null;
  if (now - lastSeen >= TOUCH_EVERY_MS) await repo.touchSession(ctx.db, id, new Date(now).toISOString());
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: await repo.rolesOf(ctx.db, user.id),
    mustChangePassword: fromFlag(user.mustChangePassword),
    sessionId: id,
  };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await repo.revokeSession(ctx.db, actor.sessionId, ctx.clock.now().toISOString());
}

export async function me(ctx: AppContext, actor: Actor): Promise<Me> {
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return toMe(user, actor.roles);
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: ChangePasswordRequest,
): Promise<Me> {
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', {
      fields: [{ field: 'currentPassword', message: t('error.WRONG_PASSWORD') }],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('PASSWORD_POLICY', {
      params: { detail: t('password.sameAsOld') },
      fields: [{ field: 'newPassword', message: t('password.sameAsOld') }],
    });
  }
  assertPasswordPolicy(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      passwordHash,
      mustChangePassword: toFlag(false),
      passwordChangedAt: now,
      updatedAt: now,
      version: user.version + 1,
    });
    await repo.revokeOtherSessions(trx, user.id, actor.sessionId, now);
  });
  return toMe({ ...user, mustChangePassword: 0 }, actor.roles);
}

export interface CreatedAccount {
  id: string;
  username: string;
  oneTimePassword: string;
}

/**
 * Creates an account with a one-time password that must be changed at first login.
 * There is no default password anywhere: the caller prints this one once.
 */
export async function createAccount(
  ctx: AppContext,
  input: { username: string; displayName: string; roles: Role[]; oneTimePassword: string },
): Promise<CreatedAccount> {
  const username = input.username.trim().toLowerCase();
  if (await repo.findUserByUsername(ctx.db, username)) {
    throw new AppError('CONFLICT', { fields: [{ field: 'username', message: t('error.CONFLICT') }] });
  }
  const now = ctx.clock.now().toISOString();
  const id = randomUUID();
  const passwordHash = await hashPassword(input.oneTimePassword);
  await ctx.db.transaction().execute((trx) =>
    repo.insertUser(
      trx,
      {
        id,
        username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: 1,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        passwordChangedAt: null,
        active: 1,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      input.roles,
      now,
    ),
  );
  return { id, username, oneTimePassword: input.oneTimePassword };
}

/** Sets a new one-time password (forcing a change at next login) and ends the account's sessions. */
export async function resetPassword(
  ctx: AppContext,
  username: string,
  oneTimePassword: string,
): Promise<void> {
  const user = await repo.findUserByUsername(ctx.db, username.trim().toLowerCase());
  if (!user) throw new AppError('NOT_FOUND');
  const passwordHash = await hashPassword(oneTimePassword);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      passwordHash,
      mustChangePassword: 1,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: now,
      version: user.version + 1,
    });
    await repo.revokeOtherSessions(trx, user.id, '', now);
  });
}
