import type { Executor } from '../core/database.js';

/**
 * The names of the objects audit rows point at (issue 11 line 7, ADR 030): resolved when the
 * log is read, from the objects as they are now, one query per kind of object on the page. The
 * chained rows stay as written (adding a name at write time would change every row's hash
 * input); an object deleted since has no name and the page shows its id.
 */
type Lookup = (db: Executor, ids: string[]) => Promise<{ id: string; name: string }[]>;

const LOOKUPS: Record<string, Lookup> = {
  user: (db, ids) =>
    db.selectFrom('users').select(['id', 'displayName as name']).where('id', 'in', ids).execute(),
  cadre: (db, ids) => db.selectFrom('cadres').select(['id', 'name']).where('id', 'in', ids).execute(),
  unit: (db, ids) => db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute(),
  programme: (db, ids) => db.selectFrom('programmes').select(['id', 'name']).where('id', 'in', ids).execute(),
  batch: async (db, ids) =>
    (
      await db
        .selectFrom('batches as b')
        .innerJoin('programmes as g', 'g.id', 'b.programmeId')
        .select(['b.id', 'b.name', 'g.name as programmeName'])
        .where('b.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, name: `${r.programmeName} · ${r.name}` })),
  post: (db, ids) =>
    db.selectFrom('postRequests').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  nomination: (db, ids) =>
    db
      .selectFrom('nominations as n')
      .innerJoin('cadres as c', 'c.id', 'n.cadreId')
      .select(['n.id', 'c.name'])
      .where('n.id', 'in', ids)
      .execute(),
  correction: (db, ids) =>
    db
      .selectFrom('cadreCorrections as k')
      .innerJoin('cadres as c', 'c.id', 'k.cadreId')
      .select(['k.id', 'c.name'])
      .where('k.id', 'in', ids)
      .execute(),
  posting: async (db, ids) =>
    (
      await db
        .selectFrom('postings as p')
        .innerJoin('cadres as c', 'c.id', 'p.cadreId')
        .select(['p.id', 'p.title', 'c.name'])
        .where('p.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, name: `${r.name} · ${r.title}` })),
};

const keyOf = (type: string, id: string) => `${type}\u0000${id}`;

/** The name of each (objectType, objectId) of these rows that still exists. */
export async function objectNames(
  db: Executor,
  rows: { objectType: string | null; objectId: string | null }[],
): Promise<(type: string | null, id: string | null) => string | null> {
  const wanted = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.objectType || !r.objectId || !LOOKUPS[r.objectType]) continue;
    const ids = wanted.get(r.objectType) ?? new Set<string>();
    ids.add(r.objectId);
    wanted.set(r.objectType, ids);
  }
  const names = new Map<string, string>();
  for (const [type, ids] of wanted) {
    for (const r of await (LOOKUPS[type] as Lookup)(db, [...ids])) names.set(keyOf(type, r.id), r.name);
  }
  return (type, id) => (type && id ? (names.get(keyOf(type, id)) ?? null) : null);
}
