import type { Transaction } from 'kysely';
import type { Database, Executor } from './database.js';

/**
 * The one transaction convention (ADR 016). Services take the context and use `ctx.db`, which
 * may be the database or an open transaction; a service that writes wraps its work in
 * `inTransaction(ctx, async (tx) => …)`, which opens a transaction — or, when `ctx.db` already
 * is one, runs inside it. So an import commits every row through the services' own create and
 * update (their rules, their audit rows), all or nothing, and a dry run rolls back everything a
 * service did. Repositories take the executor (`tx.db`) as their first argument.
 */
export type InTransaction<C extends { db: Executor }> = Omit<C, 'db'> & { db: Transaction<Database> };

export function inTransaction<C extends { db: Executor }, T>(
  ctx: C,
  fn: (tx: InTransaction<C> & C) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx as InTransaction<C> & C);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx } as InTransaction<C> & C));
}
