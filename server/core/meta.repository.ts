import type { Executor } from './database.js';

/** Small key/value facts about the installation (data versions). */
export function getMeta(db: Executor, key: string): Promise<string | undefined> {
  return db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
    .then((r) => r?.value);
}

export async function setMeta(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * Sets `key` to `value` only if its value is smaller (text order) and tells whether this caller
 * did: of several instances claiming the same value at once, exactly one gets true.
 */
export async function advanceMeta(db: Executor, key: string, value: string): Promise<boolean> {
  const result = await db
    .updateTable('meta')
    .set({ value })
    .where('key', '=', key)
    .where('value', '<', value)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Creates `key` with `value` unless it exists (a claim key `advanceMeta` can then move). */
export async function setMetaIfMissing(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
