import type { Transaction } from 'kysely';
import type { AppContext } from '../core/context.js';
import type { Database, Db } from '../core/database.js';

/**
 * A context whose database is an open transaction. Services run their work as
 * `ctx.db.transaction().execute(fn)`; given this context, `fn` runs inside the transaction
 * already open instead of a new one. An import commits every row through the services' own
 * create and update — their rules, their audit rows — and still all or nothing.
 */
export function withinTransaction(ctx: AppContext, trx: Transaction<Database>): AppContext {
  const joined = {
    execute: <T>(fn: (t: Transaction<Database>) => Promise<T>): Promise<T> => fn(trx),
    setIsolationLevel: () => joined,
    setAccessMode: () => joined,
  };
  const db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => joined;
      // Kysely keeps its state in private fields: methods must run on the real object
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...ctx, db: db as unknown as Db };
}
