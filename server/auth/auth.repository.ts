import type { Role } from '../../common/auth/auth.schema.js';
import type { Executor } from '../core/database.js';
import type { Grant } from '../core/scope.js';
import type { NewUser, SessionRow, UserPatch, UserRow } from './auth.table.js';

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

export async function completeSession(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ stage: 'full', lastSeenAt: now }).where('id', '=', id).execute();
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
