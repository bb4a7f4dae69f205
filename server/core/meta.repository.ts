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
