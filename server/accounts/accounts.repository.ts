import type { AccountListParams } from '../../common/accounts/accounts.schema.js';
import type { Role } from '../../common/auth/auth.schema.js';
import type { UserRow } from '../auth/auth.table.js';
import type { Executor } from '../core/database.js';
import { type Counted, nameSearch, paged } from '../core/search.js';

export interface GrantRow {
  userId: string;
  role: string;
  regionCode: string | null;
  regionName: string | null;
  unitId: string | null;
  unitName: string | null;
  programmeIds: string | null;
}

export async function grantsFor(db: Executor, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('userRoles as g')
    .leftJoin('regions as r', 'r.code', 'g.regionCode')
    .leftJoin('units as u', 'u.id', 'g.unitId')
    .select([
      'g.userId',
      'g.role',
      'g.regionCode',
      'r.fullName as regionName',
      'g.unitId',
      'u.name as unitName',
      'g.programmeIds',
    ])
    .where('g.userId', 'in', userIds)
    .orderBy('g.role')
    .execute();
}

function filtered(db: Executor, p: AccountListParams) {
  let q = db.selectFrom('users');
  if (p.q) q = q.where(nameSearch(p.q, { names: ['username', 'displayName'] }));
  if (p.role) {
    const role: Role = p.role;
    q = q.where('id', 'in', (eb) => eb.selectFrom('userRoles').select('userId').where('role', '=', role));
  }
  if (p.active !== undefined) q = q.where('active', '=', p.active ? 1 : 0);
  return q;
}

export async function listUsers(db: Executor, p: AccountListParams): Promise<Counted<UserRow>> {
  return paged(db, filtered(db, p).selectAll(), p, (page) => page.orderBy(p.sort, p.order).orderBy('id'));
}

export function findByIdNumberIndex(db: Executor, index: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('users').select('id').where('idNumberIndex', '=', index).executeTakeFirst();
}

export async function deleteUser(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', id).execute();
  await db.deleteFrom('userRoles').where('userId', '=', id).execute();
  await db.deleteFrom('users').where('id', '=', id).execute();
}

/** Other tables that point at an account (units it created or last edited). */
export async function clearAuthorship(db: Executor, id: string): Promise<void> {
  await db.updateTable('units').set({ createdBy: null }).where('createdBy', '=', id).execute();
  await db.updateTable('units').set({ updatedBy: null }).where('updatedBy', '=', id).execute();
}
