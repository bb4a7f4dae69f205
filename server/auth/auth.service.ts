import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Secret, TOTP } from 'otpauth';
import type { ChangePasswordRequest, LoginRequest, Me, Role } from '../../common/auth/auth.schema.js';
import { t } from '../../common/i18n/index.js';
import { maskIdNumber } from '../../common/personal/mask.js';
import { record, whoOf } from '../audit/audit.service.js';
import { HOUR, MINUTE } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { type Executor, fromFlag, toFlag } from '../core/database.js';
import { AppError, fieldError } from '../core/errors.js';
import { SECOND_FACTOR_ROLES } from '../core/policy.js';
import { NO_SCOPE } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import * as repo from './auth.repository.js';
import type { UserRow } from './auth.table.js';
import { assertPasswordPolicy, hashPassword, timingDummyHash, verifyPassword } from './password.js';
import { loginFailures } from './rate-limit.js';

export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 30 * MINUTE;
/** last_seen_at is written at most this often, so reads do not all become writes. */
const TOUCH_EVERY_MS = MINUTE;
const ISSUER = '挂职干部管理平台';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Recent tokens' session ids per session secret: every request of a session needs its id. */
const recentSessionIds = new WeakMap<AppContext['config'], LRUCache<string, string>>();

/** The stored id of a session: an HMAC of the cookie token, so a database leak yields no usable cookie. */
export function sessionIdOf(ctx: AppContext, token: string): string {
  let recent = recentSessionIds.get(ctx.config);
  if (!recent) {
    recent = new LRUCache({ max: 10_000 });
    recentSessionIds.set(ctx.config, recent);
  }
  let id = recent.get(token);
  if (id === undefined) {
    id = createHmac('sha256', ctx.config.sessionSecret).update(token).digest('hex');
    recent.set(token, id);
  }
  return id;
}

const needsSecondFactor = (roles: readonly Role[]) => roles.some((r) => SECOND_FACTOR_ROLES.has(r));

function toMe(user: UserRow, roles: Role[], stage: string): Me {
  const totpEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    mustChangePassword: fromFlag(user.mustChangePassword),
    secondFactorPending: stage === 'totp',
    totpEnrolmentRequired: !totpEnabled && needsSecondFactor(roles),
    totpEnabled,
  };
}

/** Counts a failed password or code; the 5th in a row locks the account for 30 minutes. */
async function countFailure(db: Executor, ctx: AppContext, user: UserRow): Promise<boolean> {
  const now = ctx.clock.now();
  const failures = user.failedLogins + 1;
  const lock = failures >= LOCK_AFTER_FAILURES;
  await repo.updateUser(db, user.id, {
    failedLogins: lock ? 0 : failures,
    lockedUntil: lock ? new Date(now.getTime() + LOCK_MS).toISOString() : user.lockedUntil,
  });
  return lock;
}

function lockedError(ctx: AppContext, user: UserRow): AppError | null {
  const lockedUntil = user.lockedUntil ? Date.parse(user.lockedUntil) : 0;
  const now = ctx.clock.now().getTime();
  if (lockedUntil <= now) return null;
  return new AppError('ACCOUNT_LOCKED', { params: { minutes: Math.ceil((lockedUntil - now) / MINUTE) } });
}

export async function login(
  ctx: AppContext,
  input: LoginRequest,
  client: ClientMeta,
): Promise<{ token: string; me: Me }> {
  const username = input.username.trim().toLowerCase();
  const limiter = loginFailures(ctx);
  if (client.ip && limiter.isLimited(client.ip)) throw new AppError('RATE_LIMITED');
  const who = { actorId: null, actorName: username.slice(0, 64), ip: client.ip };
  const fail = async (error: AppError, user?: UserRow) => {
    if (client.ip) limiter.add(client.ip);
    await record(ctx, user ? { ...who, actorId: user.id } : who, {
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      result: 'failure',
      diff: { reason: { to: error.code } },
    });
    return error;
  };

  const user = await repo.findUserByUsername(ctx.db, username);
  if (!user) {
    await verifyPassword(await timingDummyHash(), input.password);
    throw await fail(new AppError('INVALID_CREDENTIALS'));
  }
  const locked = lockedError(ctx, user);
  if (locked) throw await fail(locked, user);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const nowLocked = await countFailure(ctx.db, ctx, user);
    throw await fail(
      nowLocked
        ? new AppError('ACCOUNT_LOCKED', { params: { minutes: LOCK_MS / MINUTE } })
        : new AppError('INVALID_CREDENTIALS'),
      user,
    );
  }
  if (!fromFlag(user.active)) throw await fail(new AppError('ACCOUNT_DISABLED'), user);

  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const stage = user.totpEnabledAt ? 'totp' : 'full';
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: nowIso });
    await repo.deleteExpiredSessions(tx.db, nowIso);
    await repo.insertSession(tx.db, {
      id: sessionIdOf(ctx, token),
      userId: user.id,
      createdAt: nowIso,
      lastSeenAt: nowIso,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
      revokedAt: null,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      stage,
    });
    await record(
      tx,
      { ...who, actorId: user.id },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        diff: stage === 'totp' ? { stage: { to: 'second factor pending' } } : null,
      },
    );
  });
  const grants = await repo.grantsOf(ctx.db, user.id);
  return {
    token,
    me: toMe(
      user,
      grants.map((g) => g.role),
      stage,
    ),
  };
}

/** Resolves a cookie token to the caller, or null when the session is unknown, revoked, idle or expired. */
export async function authenticate(ctx: AppContext, token: string, ip: string | null): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = sessionIdOf(ctx, token);
  // session, account and roles: three reads, kept until any session, account or role changes
  const found = await ctx.readCache.get(ctx.db, 'access', `session:${id}`, async () => {
    const session = await repo.findSession(ctx.db, id);
    const user = session && (await repo.findUserById(ctx.db, session.userId));
    return session && user ? { session, user, grants: await repo.grantsOf(ctx.db, user.id) } : null;
  });
  if (!found) return null;
  const { session, user, grants } = found;
  if (session.revokedAt) return null;
  const now = ctx.clock.now().getTime();
  const lastSeen = Date.parse(session.lastSeenAt);
  if (now >= Date.parse(session.expiresAt) || now - lastSeen >= SESSION_IDLE_MS) return null;
  if (!fromFlag(user.active)) return null;
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    await repo.touchSession(ctx.db, id, new Date(now).toISOString());
    ctx.readCache.invalidate(); // a write in a reading request: the cached session is now old
  }
  const roles = grants.map((g) => g.role);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    grants,
    scope: NO_SCOPE,
    mustChangePassword: fromFlag(user.mustChangePassword),
    stage: session.stage === 'totp' ? 'totp' : 'full',
    totpEnrolmentRequired: user.totpEnabledAt === null && needsSecondFactor(roles),
    totpEnabled: user.totpEnabledAt !== null,
    sessionId: id,
    ip,
  };
}

async function userOf(ctx: AppContext, actor: Actor): Promise<UserRow> {
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await repo.revokeSession(tx.db, actor.sessionId, ctx.clock.now().toISOString());
    await record(tx, whoOf(actor), {
      action: 'auth.logout',
      objectType: 'user',
      objectId: actor.userId,
    });
  });
}

export async function me(ctx: AppContext, actor: Actor): Promise<Me> {
  return toMe(await userOf(ctx, actor), actor.roles, actor.stage);
}

/** The caller's own phone and ID number in full; every such view is audited. */
export async function personal(
  ctx: AppContext,
  actor: Actor,
): Promise<{ phone: string | null; idNumber: string | null }> {
  const user = await userOf(ctx, actor);
  const phone = user.phoneEnc ? ctx.cipher.decrypt(user.phoneEnc, 'users.phone') : null;
  const idNumber = user.idNumberEnc ? ctx.cipher.decrypt(user.idNumberEnc, 'users.id_number') : null;
  await record(ctx, whoOf(actor), {
    action: 'personal.viewFull',
    objectType: 'user',
    objectId: user.id,
    diff: idNumber ? { idNumber: { to: maskIdNumber(idNumber) } } : null,
  });
  return { phone, idNumber };
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: ChangePasswordRequest,
): Promise<Me> {
  const user = await userOf(ctx, actor);
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
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, {
      passwordHash,
      mustChangePassword: toFlag(false),
      passwordChangedAt: now,
      updatedAt: now,
      version: user.version + 1,
    });
    await repo.revokeOtherSessions(tx.db, user.id, actor.sessionId, now);
    await record(tx, whoOf(actor), {
      action: 'auth.changePassword',
      objectType: 'user',
      objectId: user.id,
      diff: { password: { to: '***' } },
    });
  });
  return toMe({ ...user, mustChangePassword: 0 }, actor.roles, actor.stage);
}

// ---- second factor (TOTP, RFC 6238) ----

const totpOf = (username: string, secret: string) =>
  new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });

const hashCode = (code: string) => createHash('sha256').update(code.toLowerCase()).digest('hex');

function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const part = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: 10 }, () => `${part()}-${part()}`);
}

export async function totpSetup(ctx: AppContext, actor: Actor): Promise<{ uri: string; secret: string }> {
  const user = await userOf(ctx, actor);
  const secret = new Secret({ size: 20 }).base32;
  await repo.updateUser(ctx.db, user.id, {
    totpPendingEnc: ctx.cipher.encrypt(secret, 'users.totp_pending'),
  });
  return { uri: totpOf(user.username, secret).toString(), secret };
}

export async function totpEnable(
  ctx: AppContext,
  actor: Actor,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const user = await userOf(ctx, actor);
  if (!user.totpPendingEnc) throw new AppError('CONFLICT', { messageKey: 'totp.noSetup' });
  const secret = ctx.cipher.decrypt(user.totpPendingEnc, 'users.totp_pending');
  if (
    totpOf(user.username, secret).validate({
      token: code,
      timestamp: ctx.clock.now().getTime(),
      window: 1,
    }) === null
  ) {
    throw fieldError('code', 'totp.wrongCode');
  }
  const codes = newRecoveryCodes();
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, {
      totpSecretEnc: ctx.cipher.encrypt(secret, 'users.totp_secret'),
      totpPendingEnc: null,
      totpEnabledAt: now,
      recoveryCodes: JSON.stringify(codes.map(hashCode)),
      updatedAt: now,
    });
    await record(tx, whoOf(actor), {
      action: 'auth.totpEnable',
      objectType: 'user',
      objectId: user.id,
    });
  });
  return { recoveryCodes: codes };
}

export async function totpDisable(ctx: AppContext, actor: Actor, password: string): Promise<Me> {
  const user = await userOf(ctx, actor);
  if (needsSecondFactor(actor.roles)) throw new AppError('CONFLICT', { messageKey: 'totp.requiredForRole' });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('WRONG_PASSWORD', {
      fields: [{ field: 'password', message: t('error.WRONG_PASSWORD') }],
    });
  }
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, {
      totpSecretEnc: null,
      totpEnabledAt: null,
      recoveryCodes: null,
      updatedAt: now,
    });
    await record(tx, whoOf(actor), {
      action: 'auth.totpDisable',
      objectType: 'user',
      objectId: user.id,
    });
  });
  return toMe({ ...user, totpEnabledAt: null }, actor.roles, actor.stage);
}

/** Completes a login that owes its second factor: a TOTP code or one unused recovery code. */
export async function verifySecondFactor(
  ctx: AppContext,
  actor: Actor,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<Me> {
  const user = await userOf(ctx, actor);
  if (actor.stage !== 'totp' || !user.totpSecretEnc)
    throw new AppError('CONFLICT', { messageKey: 'totp.notPending' });
  const locked = lockedError(ctx, user);
  if (locked) throw locked;
  let ok = false;
  let remaining: string[] | null = null;
  if (input.code) {
    const secret = ctx.cipher.decrypt(user.totpSecretEnc, 'users.totp_secret');
    ok =
      totpOf(user.username, secret).validate({
        token: input.code,
        timestamp: ctx.clock.now().getTime(),
        window: 1,
      }) !== null;
  } else if (input.recoveryCode) {
    const hashes = JSON.parse(user.recoveryCodes ?? '[]') as string[];
    const h = hashCode(input.recoveryCode);
    ok = hashes.includes(h);
    remaining = hashes.filter((x) => x !== h);
  }
  const now = ctx.clock.now().toISOString();
  if (!ok) {
    const nowLocked = await countFailure(ctx.db, ctx, user);
    await record(ctx, whoOf(actor), {
      action: 'auth.totpVerify',
      objectType: 'user',
      objectId: user.id,
      result: 'failure',
    });
    if (nowLocked) {
      await repo.revokeSession(ctx.db, actor.sessionId, now);
      throw new AppError('ACCOUNT_LOCKED', { params: { minutes: LOCK_MS / MINUTE } });
    }
    throw new AppError('INVALID_SECOND_FACTOR');
  }
  await inTransaction(ctx, async (tx) => {
    await repo.completeSession(tx.db, actor.sessionId, now);
    await repo.updateUser(tx.db, user.id, {
      failedLogins: 0,
      ...(remaining ? { recoveryCodes: JSON.stringify(remaining) } : {}),
    });
    await record(tx, whoOf(actor), {
      action: 'auth.totpVerify',
      objectType: 'user',
      objectId: user.id,
      diff: remaining ? { recoveryCodesLeft: { to: remaining.length } } : null,
    });
  });
  return toMe(user, actor.roles, 'full');
}
