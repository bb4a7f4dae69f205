import type { AuditQuery } from '../../common/audit/audit.schema.js';
import { insertRows } from '../core/bulk-insert.js';
import type { Executor } from '../core/database.js';
import { type Counted, nameSearch, paged } from '../core/search.js';
import type { AuditLogTable, AuditRow } from './audit.table.js';

/**
 * Audit rows are only ever inserted and read here. The one delete is `deleteArchivedUpTo`,
 * used by the archive command after the retention period; nothing updates a row
 * (a database trigger refuses it as well).
 */

/**
 * Claims the next `count` sequence numbers and the hash they chain from. The update locks the
 * chain's head row until the transaction ends, so concurrent writers append one after another.
 */
export async function claim(db: Executor, count: number): Promise<{ firstSeq: number; prevHash: string }> {
  const row = await db
    .updateTable('auditHead')
    .set((eb) => ({ seq: eb('seq', '+', count) }))
    .where('id', '=', 1)
    .returning(['seq', 'lastHash'])
    .executeTakeFirstOrThrow();
  return { firstSeq: Number(row.seq) - count + 1, prevHash: row.lastHash };
}

export async function append(db: Executor, rows: AuditLogTable[]): Promise<void> {
  await insertRows(db, 'auditLog', rows);
  const last = rows.at(-1);
  if (last) await db.updateTable('auditHead').set({ lastHash: last.hash }).where('id', '=', 1).execute();
}

export function head(db: Executor): Promise<{ seq: number; lastHash: string }> {
  return db.selectFrom('auditHead').select(['seq', 'lastHash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

export function rowAt(db: Executor, seq: number): Promise<AuditRow | undefined> {
  return db.selectFrom('auditLog').selectAll().where('seq', '=', seq).executeTakeFirst();
}

export function batchAfter(db: Executor, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('auditLog')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

function filtered(db: Executor, q: Partial<AuditQuery>) {
  let query = db.selectFrom('auditLog');
  if (q.actor) query = query.where(nameSearch(q.actor, { names: ['actorName'] }));
  if (q.action) query = query.where('action', '=', q.action);
  if (q.objectType) query = query.where('objectType', '=', q.objectType);
  if (q.objectId) query = query.where('objectId', '=', q.objectId);
  if (q.result) query = query.where('result', '=', q.result);
  if (q.from) query = query.where('at', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('at', '<', new Date(q.to).toISOString());
  return query;
}

export async function list(db: Executor, q: AuditQuery): Promise<Counted<AuditRow>> {
  return paged(db, filtered(db, q).selectAll(), q, (page) => page.orderBy('seq', q.order));
}

/** Streams matching rows in seq order, a batch at a time (for export). */
export async function* iterate(db: Executor, q: Partial<AuditQuery>, batch = 1000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, q)
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) yield row;
    if (rows.length < batch) return;
    after = (rows.at(-1) as AuditRow).seq;
  }
}

export async function deleteArchivedUpTo(db: Executor, seq: number): Promise<void> {
  await db.deleteFrom('auditLog').where('seq', '<=', seq).execute();
}
