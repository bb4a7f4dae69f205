import { randomUUID } from 'node:crypto';
import {
  type Account,
  type AccountListParams,
  ADMIN_ROLES,
  type GrantView,
  type RoleGrant,
} from '../../common/accounts/accounts.schema.js';
import type { Role } from '../../common/auth/auth.schema.js';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import { maskIdNumber, maskPhone } from '../../common/personal/mask.js';
import { type AuditWho, diffOf, record, whoOf } from '../audit/audit.service.js';
import * as authRepo from '../auth/auth.repository.js';
import type { UserRow } from '../auth/auth.table.js';
import { generateOneTimePassword, hashPassword, rememberReplaced } from '../auth/password.js';
import type { Actor, AppContext } from '../core/context.js';
import { type Executor, fromFlag } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import { findRegion } from '../regions/regions.repository.js';
import { findUnitRow } from '../units/units.repository.js';
import * as repo from './accounts.repository.js';

const ID_COLUMN = 'users.id_number';
const PHONE_COLUMN = 'users.phone';

function view(ctx: AppContext, user: UserRow, grants: repo.GrantRow[]): Account {
  const phone = user.phoneEnc ? ctx.cipher.decrypt(user.phoneEnc, PHONE_COLUMN) : null;
  const idNumber = user.idNumberEnc ? ctx.cipher.decrypt(user.idNumberEnc, ID_COLUMN) : null;
  const lockedUntil = user.lockedUntil ? Date.parse(user.lockedUntil) : 0;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: grants
      .filter((g) => g.userId === user.id)
      .map(
        (g): GrantView => ({
          role: g.role as Role,
          regionCode: g.regionCode,
          regionName: g.regionName,
          unitId: g.unitId,
          unitName: g.unitName,
          programmeIds: g.programmeIds ? (JSON.parse(g.programmeIds) as string[]) : null,
        }),
      ),
    phone: phone ? maskPhone(phone) : null,
    idNumber: idNumber ? maskIdNumber(idNumber) : null,
    active: fromFlag(user.active),
    locked: lockedUntil > ctx.clock.now().getTime(),
    mustChangePassword: fromFlag(user.mustChangePassword),
    totpEnabled: user.totpEnabledAt !== null,
    lastLoginAt: user.lastLoginAt,
    version: user.version,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** What the audit log may keep of an account: masked personal data, never hashes or secrets. */
function auditable(account: Account): Record<string, unknown> {
  return {
    username: account.username,
    displayName: account.displayName,
    phone: account.phone,
    idNumber: account.idNumber,
    active: account.active,
    grants: account.grants.map((g) => [g.role, g.regionCode, g.unitId].filter(Boolean).join(':')),
  };
}

async function load(ctx: AppContext, db: Executor, id: string): Promise<{ user: UserRow; account: Account }> {
  const user = await authRepo.findUserById(db, id);
  if (!user) throw notFound();
  return { user, account: view(ctx, user, await repo.grantsFor(db, [id])) };
}

export async function list(
  ctx: AppContext,
  _actor: Actor,
  params: AccountListParams,
): Promise<Page<Account>> {
  const { rows, ...count } = await repo.listUsers(ctx.db, params);
  const grants = await repo.grantsFor(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => view(ctx, r, grants)),
    ...count,
    page: params.page,
    pageSize: params.pageSize,
  };
}

export async function get(ctx: AppContext, _actor: Actor, id: string): Promise<Account> {
  return (await load(ctx, ctx.db, id)).account;
}

async function personalColumns(
  ctx: AppContext,
  db: Executor,
  selfId: string | null,
  input: { phone?: string | null | undefined; idNumber?: string | null | undefined },
) {
  const out: { phoneEnc?: string | null; idNumberEnc?: string | null; idNumberIndex?: string | null } = {};
  if (input.phone !== undefined)
    out.phoneEnc = input.phone ? ctx.cipher.encrypt(input.phone, PHONE_COLUMN) : null;
  if (input.idNumber !== undefined) {
    if (input.idNumber) {
      const index = ctx.cipher.blindIndex(input.idNumber, ID_COLUMN);
      const clash = await repo.findByIdNumberIndex(db, index);
      if (clash && clash.id !== selfId) {
        throw new AppError('CONFLICT', {
          messageKey: 'account.idNumberTaken',
          fields: [{ field: 'idNumber', message: t('account.idNumberTaken') }],
        });
      }
      out.idNumberEnc = ctx.cipher.encrypt(input.idNumber, ID_COLUMN);
      out.idNumberIndex = index;
    } else {
      out.idNumberEnc = null;
      out.idNumberIndex = null;
    }
  }
  return out;
}

async function checkGrants(db: Executor, grants: RoleGrant[]): Promise<void> {
  const roles = grants.map((g) => g.role);
  const admin = roles.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r));
  if (admin.length > 0 && roles.length > 1) throw fieldError('grants', 'grant.adminExclusive');
  for (const [i, g] of grants.entries()) {
    if (g.regionCode && !(await findRegion(db, g.regionCode)))
      throw fieldError(`grants.${i}.regionCode`, 'unit.regionMissing');
    if (g.unitId && !(await findUnitRow(db, g.unitId)))
      throw fieldError(`grants.${i}.unitId`, 'grant.unitMissing');
  }
}

/**
 * Creates an account with a generated one-time password (no account ever has a default one),
 * to be changed at first login. Used by the API, `guazhi create-admin` and the demo seeder.
 */
export async function createAccount(
  ctx: AppContext,
  who: AuditWho,
  input: { username: string; displayName: string; phone?: string | null; idNumber?: string | null },
  grants: RoleGrant[] = [],
): Promise<{ account: Account; oneTimePassword: string }> {
  const username = input.username.trim().toLowerCase();
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  const account = await inTransaction(ctx, async (tx) => {
    if (await authRepo.findUserByUsername(tx.db, username)) {
      throw new AppError('CONFLICT', {
        messageKey: 'account.usernameTaken',
        params: { username },
        fields: [{ field: 'username', message: t('account.usernameTaken', { username }) }],
      });
    }
    await checkGrants(tx.db, grants);
    await authRepo.insertUser(
      tx.db,
      authRepo.newUserRow(
        {
          id,
          username,
          displayName: input.displayName,
          passwordHash,
          ...(await personalColumns(ctx, tx.db, null, input)),
        },
        now,
      ),
      grants,
      now,
    );
    const { account } = await load(ctx, tx.db, id);
    await record(tx, who, {
      action: 'accounts.create',
      objectType: 'user',
      objectId: id,
      diff: diffOf(null, auditable(account)),
    });
    return account;
  });
  return { account, oneTimePassword };
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: {
    displayName: string;
    phone?: string | null | undefined;
    idNumber?: string | null | undefined;
    version: number;
  },
): Promise<Account> {
  return inTransaction(ctx, async (tx) => {
    const before = await load(ctx, tx.db, id);
    if (before.user.version !== input.version) throw versionConflict();
    await updateVersioned(tx.db, 'users', id, input.version, {
      displayName: input.displayName,
      ...(await personalColumns(ctx, tx.db, id, input)),
      updatedAt: ctx.clock.now().toISOString(),
    });
    const after = await load(ctx, tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'accounts.update',
      objectType: 'user',
      objectId: id,
      diff: diffOf(auditable(before.account), auditable(after.account)),
    });
    return after.account;
  });
}

export async function setActive(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  active: boolean,
): Promise<Account> {
  if (id === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'account.notSelf' });
  return inTransaction(ctx, async (tx) => {
    const before = await load(ctx, tx.db, id);
    if (before.user.version !== version) throw versionConflict();
    if (before.account.active === active) {
      throw new AppError('CONFLICT', {
        messageKey: active ? 'account.alreadyActive' : 'account.alreadyInactive',
      });
    }
    const now = ctx.clock.now().toISOString();
    await updateVersioned(tx.db, 'users', id, version, { active: active ? 1 : 0, updatedAt: now });
    if (!active) await authRepo.revokeAllSessions(tx.db, id, now);
    const after = await load(ctx, tx.db, id);
    await record(tx, whoOf(actor), {
      action: active ? 'accounts.activate' : 'accounts.deactivate',
      objectType: 'user',
      objectId: id,
      diff: diffOf(auditable(before.account), auditable(after.account)),
    });
    return after.account;
  });
}

/**
 * Deletes a deactivated account and its personal data (SQLite's secure_delete overwrites the
 * freed pages). The audit log keeps only masked references.
 */
export async function remove(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  if (id === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'account.notSelf' });
  await inTransaction(ctx, async (tx) => {
    const before = await load(ctx, tx.db, id);
    if (before.user.version !== version) throw versionConflict();
    if (before.account.active) throw new AppError('CONFLICT', { messageKey: 'account.deleteActive' });
    await repo.clearAuthorship(tx.db, id);
    await repo.deleteUser(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'accounts.delete',
      objectType: 'user',
      objectId: id,
      diff: diffOf(auditable(before.account), null),
    });
  });
}

export async function setGrants(
  ctx: AppContext,
  actor: Actor,
  id: string,
  grants: RoleGrant[],
  version: number,
): Promise<Account> {
  if (id === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'account.notSelf' });
  return inTransaction(ctx, async (tx) => {
    const before = await load(ctx, tx.db, id);
    if (before.user.version !== version) throw versionConflict();
    await checkGrants(tx.db, grants);
    const now = ctx.clock.now().toISOString();
    await authRepo.replaceGrants(tx.db, id, grants, now);
    await updateVersioned(tx.db, 'users', id, version, { updatedAt: now });
    // New powers take effect at the next login: end the account's sessions.
    await authRepo.revokeAllSessions(tx.db, id, now);
    const after = await load(ctx, tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'accounts.grant',
      objectType: 'user',
      objectId: id,
      diff: diffOf(
        { grants: before.account.grants.map(grantLabel) },
        { grants: after.account.grants.map(grantLabel) },
      ),
    });
    return after.account;
  });
}

const grantLabel = (g: GrantView) => [g.role, g.regionCode, g.unitId].filter(Boolean).join(':');

/** A new one-time password; the account must change it at next login; its sessions end. */
export async function resetPassword(
  ctx: AppContext,
  who: AuditWho,
  id: string,
): Promise<{ account: Account; oneTimePassword: string }> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const account = await inTransaction(ctx, async (tx) => {
    const { user } = await load(ctx, tx.db, id);
    if (who.actorId === id) throw new AppError('FORBIDDEN', { messageKey: 'account.notSelf' });
    const now = ctx.clock.now().toISOString();
    await rememberReplaced(tx.db, user, now);
    await updateVersioned(tx.db, 'users', id, user.version, {
      passwordHash,
      mustChangePassword: 1,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await authRepo.revokeAllSessions(tx.db, id, now);
    await record(tx, who, {
      action: 'accounts.resetPassword',
      objectType: 'user',
      objectId: id,
      diff: { password: { to: '***' } },
    });
    return (await load(ctx, tx.db, id)).account;
  });
  return { account, oneTimePassword };
}

export async function resetPasswordByUsername(ctx: AppContext, who: AuditWho, username: string) {
  const name = username.trim().toLowerCase();
  const user = await authRepo.findUserByUsername(ctx.db, name);
  if (!user)
    throw new AppError('NOT_FOUND', { messageKey: 'account.usernameUnknown', params: { username: name } });
  return resetPassword(ctx, who, user.id);
}

export async function unlock(ctx: AppContext, actor: Actor, id: string): Promise<Account> {
  return inTransaction(ctx, async (tx) => {
    const { account } = await load(ctx, tx.db, id);
    if (!account.locked) throw new AppError('CONFLICT', { messageKey: 'account.notLocked' });
    await authRepo.updateUser(tx.db, id, { lockedUntil: null, failedLogins: 0 });
    await record(tx, whoOf(actor), { action: 'accounts.unlock', objectType: 'user', objectId: id });
    return (await load(ctx, tx.db, id)).account;
  });
}

/** Removes a lost authenticator: the account enrols again at next login (admins must). */
export async function resetTotp(ctx: AppContext, actor: Actor, id: string): Promise<Account> {
  if (id === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'account.notSelf' });
  return inTransaction(ctx, async (tx) => {
    const { account } = await load(ctx, tx.db, id);
    if (!account.totpEnabled) throw new AppError('CONFLICT', { messageKey: 'account.noTotp' });
    const now = ctx.clock.now().toISOString();
    await authRepo.updateUser(tx.db, id, {
      totpSecretEnc: null,
      totpPendingEnc: null,
      totpEnabledAt: null,
      recoveryCodes: null,
      updatedAt: now,
    });
    await authRepo.revokeAllSessions(tx.db, id, now);
    await record(tx, whoOf(actor), { action: 'accounts.resetTotp', objectType: 'user', objectId: id });
    return (await load(ctx, tx.db, id)).account;
  });
}
