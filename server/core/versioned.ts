import type { Kysely, Updateable } from 'kysely';
import type { Database, Executor } from './database.js';
import { versionConflict } from './errors.js';

/** Tables whose rows carry `id` and `version` columns. */
type VersionedTable = {
  [K in keyof Database]: Database[K] extends { id: string; version: number } ? K : never;
}[keyof Database];

/**
 * Optimistic concurrency, shared by every editable record: the update applies only when the
 * row still has the version the client read, and bumps it. A stale copy gets 409.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
  expectedVersion: number,
  patch: Updateable<Database[T]>,
): Promise<number> {
  const next = expectedVersion + 1;
  // biome-ignore lint/suspicious/noExplicitAny: migrations and generic table updates work on untyped Kysely
  const result = await (db as unknown as Kysely<any>)
    .updateTable(table as string)
    .set({ ...(patch as Record<string, unknown>), version: next })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw versionConflict();
  return next;
}
