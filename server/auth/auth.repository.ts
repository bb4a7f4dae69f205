import type { Role } from '../../common/auth/auth.schema.js';
import type { Executor } from '../core/database.js';
import type { Grant } from '../core/scope.js';
import type { LoginAttemptRow, NewUser, SessionRow, UserPatch, UserRow } from './auth.table.js';

export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface GrantInput {
  role: Role;
  regionCode: string | null;
  unitId: string | null;
  programmeIds: string[] | null;
}

/** A new account row with every optional column at its default: callers name what differs. */
export function newUserRow(
  fields: Pick<NewUser, 'id' | 'username' | 'displayName' | 'passwordHash'> & Partial<NewUser>,
  now: string,
): NewUser {
  return {
    mustChangePassword: 1,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
    passwordChangedAt: null,
    active: 1,
    version: 1,
    createdAt: now,
    updatedAt: now,
    phoneEnc: null,
    idNumberEnc: null,
    idNumberIndex: null,
    totpSecretEnc: null,
    totpPendingEnc: null,
    totpEnabledAt: null,
    recoveryCodes: null,
    totpLastStep: null,
    ...fields,
  };
}

export async function insertUser(
  db: Executor,
  user: NewUser,
  grants: GrantInput[],
  now: string,
): Promise<void> {
  await db.insertInto('users').values(user).execute();
  await replaceGrants(db, user.id, grants, now);
}

export async function replaceGrants(
  db: Executor,
  userId: string,
  grants: GrantInput[],
  now: string,
): Promise<void> {
  await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto('userRoles')
    .values(
      grants.map((g) => ({
        userId,
        role: g.role,
        regionCode: g.regionCode,
        unitId: g.unitId,
        programmeIds: g.programmeIds ? JSON.stringify(g.programmeIds) : null,
        createdAt: now,
      })),
    )
    .execute();
}

/** An account's roles with their scopes. */
export async function grantsOf(db: Executor, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('userRoles as g')
    .select(['g.role', 'g.regionCode', 'g.unitId', 'g.programmeIds'])
    .where('g.userId', '=', userId)
    .orderBy('g.role')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    regionCode: r.regionCode,
    unitId: r.unitId,
    programmeIds: r.programmeIds ? (JSON.parse(r.programmeIds) as string[]) : null,
  }));
}

export async function updateUser(db: Executor, id: string, patch: UserPatch): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function rolesOf(db: Executor, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('userRoles')
    .select('role')
    .where('userId', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role as Role);
}

export async function insertSession(db: Executor, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', id).execute();
}

export async function revokeAllSessions(db: Executor, userId: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function revokeSession(db: Executor, id: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  keepId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('id', '!=', keepId)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Sessions past their absolute expiry are of no use to anyone: drop them. */
export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
}

/** The account's signed-in sessions still in use (not pending, revoked, expired or idle), newest first. */
export function liveSessionsOf(
  db: Executor,
  userId: string,
  now: string,
  idleSince: string,
): Promise<Pick<SessionRow, 'id' | 'createdAt'>[]> {
  return db
    .selectFrom('sessions')
    .select(['id', 'createdAt'])
    .where('userId', '=', userId)
    .where('stage', '=', 'full')
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .where('lastSeenAt', '>', idleSince)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

export async function revokeSessions(db: Executor, ids: readonly string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('sessions')
    .set({ revokedAt: now })
    .where('id', 'in', ids)
    .where('revokedAt', 'is', null)
    .execute();
}

// ---- failed-login counters (ADR 018) ----

export function findAttempt(db: Executor, kind: string, key: string): Promise<LoginAttemptRow | undefined> {
  return db
    .selectFrom('loginAttempts')
    .selectAll()
    .where('kind', '=', kind)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** A first counter row; false when another request wrote one first. */
export async function insertAttempt(db: Executor, row: LoginAttemptRow): Promise<boolean> {
  const result = await db
    .insertInto('loginAttempts')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Moves a counter on from the state `before` was read in; false when another request moved it first. */
export async function replaceAttempt(
  db: Executor,
  before: LoginAttemptRow,
  after: Pick<LoginAttemptRow, 'failures' | 'lastFailureAt' | 'nextAllowedAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('loginAttempts')
    .set(after)
    .where('kind', '=', before.kind)
    .where('key', '=', before.key)
    .where('failures', '=', before.failures)
    .where('lastFailureAt', '=', before.lastFailureAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAttempt(db: Executor, kind: string, key: string): Promise<void> {
  await db.deleteFrom('loginAttempts').where('kind', '=', kind).where('key', '=', key).execute();
}

/** Counters whose last failure is older than `before` are forgotten anyway: drop them. */
export async function deleteStaleAttempts(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('loginAttempts').where('lastFailureAt', '<', before).execute();
}

/** One more failure on the account across every source; answers the new count. */
export async function addFailedLogin(db: Executor, id: string): Promise<number> {
  await db
    .updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', id)
    .execute();
  const row = await db.selectFrom('users').select('failedLogins').where('id', '=', id).executeTakeFirst();
  return row?.failedLogins ?? 0;
}

/** Locks the account when its failures reached `threshold`; true for the one request that locked it. */
export async function lockWhenOver(
  db: Executor,
  id: string,
  threshold: number,
  until: string,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ failedLogins: 0, lockedUntil: until })
    .where('id', '=', id)
    .where('failedLogins', '>=', threshold)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records that a TOTP time step was used; false when it (or a later one) already was. */
export async function claimTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- previous passwords ----

/** The argon2 hashes of the account's previous passwords, newest first. */
export async function previousPasswordHashes(db: Executor, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('passwordHistory')
    .select('passwordHash')
    .where('userId', '=', userId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.passwordHash);
}

/** Keeps a password being replaced, and only the newest `keep` of them. */
export async function rememberPassword(
  db: Executor,
  userId: string,
  passwordHash: string,
  now: string,
  keep: number,
): Promise<void> {
  const last = await db
    .selectFrom('passwordHistory')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('userId', '=', userId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db.insertInto('passwordHistory').values({ userId, seq, passwordHash, createdAt: now }).execute();
  await db
    .deleteFrom('passwordHistory')
    .where('userId', '=', userId)
    .where('seq', '<=', seq - keep)
    .execute();
}
