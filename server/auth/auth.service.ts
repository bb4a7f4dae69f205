import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Secret, TOTP } from 'otpauth';
import type { ChangePasswordRequest, LoginRequest, Me, Role } from '../../common/auth/auth.schema.js';
import { t } from '../../common/i18n/index.js';
import { maskIdNumber } from '../../common/personal/mask.js';
import { type AuditWho, type Diff, record, whoOf } from '../audit/audit.service.js';
import { HOUR, MINUTE } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { fromFlag, toFlag } from '../core/database.js';
import { AppError, fieldError } from '../core/errors.js';
import { SECOND_FACTOR_ROLES } from '../core/policy.js';
import { NO_SCOPE } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { notifyRole } from '../notifications/notifications.service.js';
import * as repo from './auth.repository.js';
import type { UserRow } from './auth.table.js';
import {
  assertNotRecent,
  assertPasswordPolicy,
  hashPassword,
  rememberReplaced,
  timingDummyHash,
  verifyPassword,
} from './password.js';
import * as throttle from './throttle.service.js';

export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
/** Wrong second-factor answers from one source that end the pending session (ADR 018). */
export const SECOND_FACTOR_TRIES = throttle.FREE_FAILURES.pair;
/** last_seen_at is written at most this often, so reads do not all become writes. */
const TOUCH_EVERY_MS = MINUTE;
const ISSUER = '挂职干部管理平台';
const TOTP_PERIOD_MS = 30_000;

const diffOrNull = (diff: Diff) => (Object.keys(diff).length > 0 ? diff : null);

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

function lockedError(ctx: AppContext, user: UserRow): AppError | null {
  const lockedUntil = user.lockedUntil ? Date.parse(user.lockedUntil) : 0;
  const now = ctx.clock.now().getTime();
  if (lockedUntil <= now) return null;
  return new AppError('ACCOUNT_LOCKED', { params: { minutes: Math.ceil((lockedUntil - now) / MINUTE) } });
}

const sourceOfClient = (ip: string | null) => ip ?? '-';

interface Failure {
  action: 'auth.login' | 'auth.totpVerify';
  who: AuditWho;
  source: string;
  /** The account, when the username names one. */
  user?: UserRow | undefined;
  error: AppError;
}

/**
 * Books a failed password or code, in one transaction: the source's counter, the account's
 * failures in a row (the 100th locks it for an hour and tells the security administrators) and
 * the audit row. The pair's counter was moved before the check. Answers the error to throw.
 */
async function failed(ctx: AppContext, f: Failure): Promise<AppError> {
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    await throttle.count(tx.db, throttle.sourceOf(f.source), now, false);
    let error = f.error;
    if (f.user && (await repo.addFailedLogin(tx.db, f.user.id)) >= throttle.HARD_LOCK_AFTER_FAILURES) {
      const until = new Date(now.getTime() + throttle.HARD_LOCK_MS).toISOString();
      if (await repo.lockWhenOver(tx.db, f.user.id, throttle.HARD_LOCK_AFTER_FAILURES, until)) {
        const minutes = throttle.HARD_LOCK_MS / MINUTE;
        await notifyRole(tx, 'security_admin', 'auth.accountLocked', {
          username: f.user.username,
          count: throttle.HARD_LOCK_AFTER_FAILURES,
          minutes,
          source: f.source,
        });
        await record(tx, f.who, {
          action: 'auth.lock',
          objectType: 'user',
          objectId: f.user.id,
          diff: { lockedUntil: { from: null, to: until } },
        });
        error = new AppError('ACCOUNT_LOCKED', { params: { minutes } });
      }
    }
    await record(tx, f.who, {
      action: f.action,
      objectType: 'user',
      objectId: f.user?.id ?? null,
      result: 'failure',
      diff: { reason: { to: error.code } },
    });
    return error;
  });
}

/** A TOTP code of the account's secret, each time step usable once (a replay is refused). */
async function acceptTotp(ctx: AppContext, user: UserRow, secret: string, code: string): Promise<boolean> {
  const at = ctx.clock.now().getTime();
  const delta = totpOf(user.username, secret).validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return false;
  return repo.claimTotpStep(ctx.db, user.id, Math.floor(at / TOTP_PERIOD_MS) + delta);
}

/**
 * Writes a new session. A signed-in one ('full') beyond the account's limit of concurrent
 * sessions (GUAZHI_MAX_SESSIONS) ends the oldest; answers how many were ended.
 */
async function startSession(
  tx: AppContext,
  user: UserRow,
  token: string,
  session: { stage: 'full' | 'totp'; ip: string | null; userAgent: string | null; expiresAt?: string },
): Promise<number> {
  const now = tx.clock.now();
  const nowIso = now.toISOString();
  await repo.insertSession(tx.db, {
    id: sessionIdOf(tx, token),
    userId: user.id,
    createdAt: nowIso,
    lastSeenAt: nowIso,
    expiresAt: session.expiresAt ?? new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    revokedAt: null,
    ip: session.ip,
    userAgent: session.userAgent?.slice(0, 300) ?? null,
    stage: session.stage,
  });
  if (session.stage !== 'full') return 0;
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const live = await repo.liveSessionsOf(tx.db, user.id, nowIso, idleSince);
  const over = live.slice(tx.config.maxSessions).map((s) => s.id);
  await repo.revokeSessions(tx.db, over, nowIso);
  return over.length;
}

/**
 * Password sign-in (ADR 018). The order matters:
 * 1. the source's wait: an address with many failures gets 429 unchecked, unless the request
 *    carries a TOTP code too — then password and code are checked together and only both
 *    right pass (anything else is the same 429, so it tells a guesser nothing);
 * 2. the pair's wait (this username from this address): 429 unchecked, else the attempt is
 *    counted as a failure before the password is checked;
 * 3. a hard-locked account (100 failures in a row): 423 even for the right password;
 * 4. password (and code, if given); a success forgets the pair's count.
 */
export async function login(
  ctx: AppContext,
  input: LoginRequest,
  client: ClientMeta,
): Promise<{ token: string; me: Me }> {
  const username = input.username.trim().toLowerCase();
  const source = sourceOfClient(client.ip);
  const now = ctx.clock.now();
  const sourceWait = await throttle.waitOf(ctx.db, throttle.sourceOf(source), now);
  if (sourceWait > 0 && !input.code) throw throttle.throttled('source', sourceWait);
  const pair = throttle.pairOf(username, source);
  const turn = await throttle.count(ctx.db, pair, now, true);
  if (turn.wait > 0) throw throttle.throttled('pair', turn.wait);

  const who = { actorId: null, actorName: username.slice(0, 64), ip: client.ip };
  const user = await repo.findUserByUsername(ctx.db, username);
  const fail = (error: AppError) =>
    failed(ctx, {
      action: 'auth.login',
      who: user ? { ...who, actorId: user.id } : who,
      source,
      user,
      error,
    });
  const refusal = (error: AppError) => (sourceWait > 0 ? throttle.throttled('source', sourceWait) : error);
  if (!user) {
    await verifyPassword(await timingDummyHash(), input.password);
    throw await fail(refusal(new AppError('INVALID_CREDENTIALS')));
  }
  const locked = lockedError(ctx, user);
  if (locked) throw await fail(locked);
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw await fail(refusal(new AppError('INVALID_CREDENTIALS')));
  // a code is checked only behind the right password, so a wrong password uses up no time step
  const codeOk =
    input.code && user.totpSecretEnc
      ? await acceptTotp(ctx, user, ctx.cipher.decrypt(user.totpSecretEnc, 'users.totp_secret'), input.code)
      : null;
  if (sourceWait > 0 && codeOk !== true) throw await fail(throttle.throttled('source', sourceWait));
  if (codeOk === false) throw await fail(new AppError('INVALID_SECOND_FACTOR'));
  if (!fromFlag(user.active)) throw await fail(new AppError('ACCOUNT_DISABLED'));

  const token = randomBytes(32).toString('base64url');
  const nowIso = now.toISOString();
  const stage = user.totpEnabledAt && codeOk !== true ? 'totp' : 'full';
  await inTransaction(ctx, async (tx) => {
    if (stage === 'full') {
      await throttle.forget(tx.db, pair);
      await repo.updateUser(tx.db, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: nowIso });
    } else {
      // the password was right, but the second factor is still owed: its wrong codes count on
      await throttle.giveBack(tx.db, pair, turn, now);
    }
    await repo.deleteExpiredSessions(tx.db, nowIso);
    await throttle.forgetStale(tx.db, now);
    const ended = await startSession(tx, user, token, { stage, ip: client.ip, userAgent: client.userAgent });
    await record(
      tx,
      { ...who, actorId: user.id },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        diff: diffOrNull({
          ...(stage === 'totp' ? { stage: { to: 'second factor pending' } } : {}),
          ...(codeOk ? { secondFactor: { to: 'with the password' } } : {}),
          ...(ended > 0 ? { endedSessions: { to: ended } } : {}),
        }),
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
  await assertNotRecent(ctx.db, user.id, input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await rememberReplaced(tx.db, user, now);
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
    period: TOTP_PERIOD_MS / 1000,
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
  const at = ctx.clock.now().getTime();
  const delta = totpOf(user.username, secret).validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) throw fieldError('code', 'totp.wrongCode');
  const codes = newRecoveryCodes();
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, {
      totpSecretEnc: ctx.cipher.encrypt(secret, 'users.totp_secret'),
      totpPendingEnc: null,
      totpEnabledAt: now,
      // the confirming code is used up: it cannot also sign in
      totpLastStep: Math.floor(at / TOTP_PERIOD_MS) + delta,
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
      totpLastStep: null,
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

/**
 * Completes a login that owes its second factor: a TOTP code (each time step once) or one unused
 * recovery code. Wrong answers count on the pair (account and source) like wrong passwords, so
 * they slow down; the 5th ends the pending session. On success the pending session is replaced
 * by a new one with a new token: the token that only passed the password no longer works.
 */
export async function verifySecondFactor(
  ctx: AppContext,
  actor: Actor,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  client: ClientMeta,
): Promise<{ token: string; me: Me }> {
  const user = await userOf(ctx, actor);
  const pending = await repo.findSession(ctx.db, actor.sessionId);
  if (actor.stage !== 'totp' || !user.totpSecretEnc || !pending)
    throw new AppError('CONFLICT', { messageKey: 'totp.notPending' });
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const source = sourceOfClient(actor.ip);
  const pair = throttle.pairOf(user.username, source);
  const turn = await throttle.count(ctx.db, pair, now, true);
  if (turn.wait > 0) throw throttle.throttled('pair', turn.wait);
  const locked = lockedError(ctx, user);
  if (locked) {
    await repo.revokeSession(ctx.db, actor.sessionId, nowIso);
    throw locked;
  }
  let ok = false;
  let remaining: string[] | null = null;
  if (input.code) {
    ok = await acceptTotp(ctx, user, ctx.cipher.decrypt(user.totpSecretEnc, 'users.totp_secret'), input.code);
  } else if (input.recoveryCode) {
    const hashes = JSON.parse(user.recoveryCodes ?? '[]') as string[];
    const h = hashCode(input.recoveryCode);
    ok = hashes.includes(h);
    remaining = hashes.filter((x) => x !== h);
  }
  if (!ok) {
    const tooMany = turn.before + 1 >= SECOND_FACTOR_TRIES;
    const error = await failed(ctx, {
      action: 'auth.totpVerify',
      who: whoOf(actor),
      source,
      user,
      error: new AppError('INVALID_SECOND_FACTOR', tooMany ? { messageKey: 'totp.tooManyTries' } : {}),
    });
    if (tooMany || error.code === 'ACCOUNT_LOCKED') await repo.revokeSession(ctx.db, actor.sessionId, nowIso);
    throw error;
  }
  const token = randomBytes(32).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    await repo.revokeSession(tx.db, actor.sessionId, nowIso);
    const ended = await startSession(tx, user, token, {
      stage: 'full',
      ip: client.ip,
      userAgent: client.userAgent,
      expiresAt: pending.expiresAt,
    });
    await throttle.forget(tx.db, pair);
    await repo.updateUser(tx.db, user.id, {
      failedLogins: 0,
      lastLoginAt: nowIso,
      ...(remaining ? { recoveryCodes: JSON.stringify(remaining) } : {}),
    });
    await record(tx, whoOf(actor), {
      action: 'auth.totpVerify',
      objectType: 'user',
      objectId: user.id,
      diff: diffOrNull({
        ...(remaining ? { recoveryCodesLeft: { to: remaining.length } } : {}),
        ...(ended > 0 ? { endedSessions: { to: ended } } : {}),
      }),
    });
  });
  return { token, me: toMe(user, actor.roles, 'full') };
}
