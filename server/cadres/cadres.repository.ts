import type { SelectQueryBuilder } from 'kysely';
import type { CadreListParams } from '../../common/cadres/cadres.schema.js';
import { insertRows } from '../core/bulk-insert.js';
import type { Database, Executor } from '../core/database.js';
import { type Reach, reachCondition, regionCondition, type Scope } from '../core/scope.js';
import { type CountCache, type Counted, inOrderOf, nameSearch, paged } from '../core/search.js';
import type { CadreRelativesTable, CadreResumeTable, CadreRow, NewCadre } from './cadres.table.js';

export type CadreView = CadreRow & {
  unitName: string;
  regionName: string;
  /** The region of the cadre's unit. */
  regionCode: string;
};

/**
 * Who keeps a cadre's file: the cadre's unit (the liaison; the 组织部 over the unit's region),
 * and the cadre's own account (self-service actions only: the keepers' actions grant no `self`).
 */
export const CADRE_REACH: Reach = {
  parties: [
    { unit: { column: 'c.unitId', key: 'unitId' }, region: { viaUnit: true, key: 'regionCode' } },
    { user: { column: 'c.userId', key: 'userId' } },
  ],
};

/**
 * Who may read it besides: the 组织部 running a programme the cadre is nominated to (and not
 * withdrawn from), wherever the cadre's unit is — it reviews nominees from other regions
 * (东西部协作). Reading only: writes, the full view and deletion stay with the keepers.
 * The loaded record carries these nominations as `nominations` (`nominationParties`).
 */
export const CADRE_READ_REACH: Reach = {
  parties: CADRE_REACH.parties,
  related: [
    {
      key: 'nominations',
      readOnly: true,
      rows: (eb) =>
        eb
          .selectFrom('nominations as rn')
          .innerJoin('batches as rb', 'rb.id', 'rn.batchId')
          .innerJoin('programmes as rg', 'rg.id', 'rb.programmeId')
          .whereRef('rn.cadreId', '=', 'c.id')
          .where('rn.status', '!=', 'withdrawn'),
      reach: {
        parties: [
          {
            region: { column: 'rg.regionCode', key: 'programmeRegionCode' },
            programme: { column: 'rg.id', key: 'programmeId' },
          },
        ],
      },
    },
  ],
};

function base(db: Executor) {
  return db
    .selectFrom('cadres as c')
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .innerJoin('regions as r', 'r.code', 'u.regionCode');
}

const view = (db: Executor) =>
  base(db).selectAll('c').select(['u.name as unitName', 'r.fullName as regionName', 'u.regionCode']);

type CadreFrom = Database & { c: Database['cadres'] };

/**
 * The cadre filters on the cadres table alone: the scope's and the filter's regions become
 * `unit_id IN (units of the region)`, so the list is an index range over (unit_id, …) instead
 * of a join through units for every cadre.
 */
function filtered<O>(
  q: SelectQueryBuilder<CadreFrom, 'c', O>,
  p: CadreListParams,
  regionCode: string | null,
  scope: Scope,
) {
  let query = q.where(reachCondition(scope, CADRE_REACH));
  if (regionCode)
    query = query.where('c.unitId', 'in', (eb) =>
      eb.selectFrom('units as ru').select('ru.id').where(regionCondition('ru.regionCode', regionCode)),
    );
  if (p.unitId) query = query.where('c.unitId', '=', p.unitId);
  if (p.q)
    query = query.where(nameSearch(p.q, { names: ['c.name'], pinyin: ['c.namePinyin', 'c.nameInitials'] }));
  if (p.rankLevel) query = query.where('c.rankLevel', '=', p.rankLevel);
  if (p.reserve !== undefined) query = query.where('c.reserve', '=', p.reserve ? 1 : 0);
  if (p.batchId || p.nominationStatus) {
    const { batchId, nominationStatus } = p;
    query = query.where('c.id', 'in', (eb) => {
      let sub = eb.selectFrom('nominations').select('cadreId');
      if (batchId) sub = sub.where('batchId', '=', batchId);
      if (nominationStatus) sub = sub.where('status', '=', nominationStatus);
      return sub;
    });
  }
  if (p.expertise) {
    const tag = p.expertise;
    query = query.where('c.id', 'in', (eb) =>
      eb.selectFrom('cadreExpertise').select('cadreId').where('tag', '=', tag),
    );
  }
  return query;
}

const SORTS = {
  name: 'c.namePinyin',
  birthDate: 'c.birthDate',
  rankLevel: 'c.rankLevel',
  updatedAt: 'c.updatedAt',
} as const;

export async function listCadres(
  db: Executor,
  p: CadreListParams,
  regionCode: string | null,
  scope: Scope,
  counts?: CountCache,
): Promise<Counted<CadreView>> {
  const { rows: page, ...count } = await paged(
    db,
    filtered(db.selectFrom('cadres as c').select('c.id'), p, regionCode, scope),
    p,
    (q) => q.orderBy(SORTS[p.sort], p.order).orderBy('c.id'),
    counts,
  );
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await view(db).where('c.id', 'in', ids).execute() : [];
  return { rows: inOrderOf(page, rows), ...count };
}

export function findCadre(db: Executor, id: string): Promise<CadreView | undefined> {
  return view(db).where('c.id', '=', id).executeTakeFirst();
}

/** The programmes a cadre is nominated to (not withdrawn), as `CADRE_READ_REACH` reads them. */
export function nominationParties(
  db: Executor,
  cadreId: string,
): Promise<{ programmeRegionCode: string; programmeId: string }[]> {
  return db
    .selectFrom('nominations as n')
    .innerJoin('batches as b', 'b.id', 'n.batchId')
    .innerJoin('programmes as g', 'g.id', 'b.programmeId')
    .select(['g.regionCode as programmeRegionCode', 'g.id as programmeId'])
    .where('n.cadreId', '=', cadreId)
    .where('n.status', '!=', 'withdrawn')
    .execute();
}

export function findByIdNumberIndex(db: Executor, index: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('cadres').select('id').where('idNumberIndex', '=', index).executeTakeFirst();
}

export async function expertiseOf(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('cadreExpertise')
    .selectAll()
    .where('cadreId', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const r of rows) out.set(r.cadreId, [...(out.get(r.cadreId) ?? []), r.tag]);
  return out;
}

export function resumeOf(db: Executor, id: string): Promise<CadreResumeTable[]> {
  return db
    .selectFrom('cadreResume')
    .selectAll()
    .where('cadreId', '=', id)
    .orderBy('fromMonth')
    .orderBy('id')
    .execute();
}

export function relativesOf(db: Executor, id: string): Promise<CadreRelativesTable[]> {
  return db.selectFrom('cadreRelatives').selectAll().where('cadreId', '=', id).orderBy('id').execute();
}

export async function hasPhoto(db: Executor, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('cadrePhotos').select('cadreId').where('cadreId', '=', id).executeTakeFirst()) !==
    undefined
  );
}

export async function insertCadre(db: Executor, row: NewCadre): Promise<void> {
  await db.insertInto('cadres').values(row).execute();
}

/** Rows per multi-row insert or IN list: well under SQLite's and PostgreSQL's parameter limits. */
const SLICE = 200;
const slices = <T>(list: T[]): T[][] =>
  Array.from({ length: Math.ceil(list.length / SLICE) }, (_, i) => list.slice(i * SLICE, (i + 1) * SLICE));

export async function findByIdNumberIndexes(
  db: Executor,
  indexes: string[],
): Promise<{ id: string; idNumberIndex: string }[]> {
  const out: { id: string; idNumberIndex: string }[] = [];
  for (const slice of slices([...new Set(indexes)])) {
    out.push(
      ...(await db
        .selectFrom('cadres')
        .select(['id', 'idNumberIndex'])
        .where('idNumberIndex', 'in', slice)
        .execute()),
    );
  }
  return out;
}

/** Many new cadres with their lists (expertise, résumé, relatives), a slice per statement. */
export async function insertCadres(
  db: Executor,
  rows: {
    cadre: NewCadre;
    expertise: string[];
    resume: Omit<CadreResumeTable, 'cadreId'>[];
    relatives: Omit<CadreRelativesTable, 'cadreId'>[];
  }[],
): Promise<void> {
  await insertRows(
    db,
    'cadres',
    rows.map((r) => r.cadre),
  );
  await insertRows(
    db,
    'cadreExpertise',
    rows.flatMap((r) => r.expertise.map((tag) => ({ cadreId: r.cadre.id, tag }))),
  );
  await insertRows(
    db,
    'cadreResume',
    rows.flatMap((r) => r.resume.map((e) => ({ ...e, cadreId: r.cadre.id }))),
  );
  await insertRows(
    db,
    'cadreRelatives',
    rows.flatMap((r) => r.relatives.map((e) => ({ ...e, cadreId: r.cadre.id }))),
  );
}

/** Replaces the lists that belong to a cadre (expertise, résumé, relatives) wholesale. */
export async function replaceChildren(
  db: Executor,
  cadreId: string,
  children: {
    expertise: string[];
    resume: Omit<CadreResumeTable, 'cadreId'>[];
    relatives: Omit<CadreRelativesTable, 'cadreId'>[];
  },
): Promise<void> {
  await db.deleteFrom('cadreExpertise').where('cadreId', '=', cadreId).execute();
  await db.deleteFrom('cadreResume').where('cadreId', '=', cadreId).execute();
  await db.deleteFrom('cadreRelatives').where('cadreId', '=', cadreId).execute();
  if (children.expertise.length) {
    await db
      .insertInto('cadreExpertise')
      .values(children.expertise.map((tag) => ({ cadreId, tag })))
      .execute();
  }
  if (children.resume.length) {
    await db
      .insertInto('cadreResume')
      .values(children.resume.map((r) => ({ ...r, cadreId })))
      .execute();
  }
  if (children.relatives.length) {
    await db
      .insertInto('cadreRelatives')
      .values(children.relatives.map((r) => ({ ...r, cadreId })))
      .execute();
  }
}

export async function deleteCadre(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('cadres').where('id', '=', id).execute();
}

export function expertiseVocabulary(db: Executor) {
  return db
    .selectFrom('expertiseTags')
    .select(['tag', 'category'])
    .where('managed', '=', 1)
    .orderBy('category')
    .orderBy('tag')
    .execute();
}

export async function ensureVocabulary(
  db: Executor,
  tags: { tag: string; category: string }[],
): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('expertiseTags')
    .values(tags.map((t) => ({ ...t, managed: 1 })))
    .onConflict((oc) => oc.column('tag').doNothing())
    .execute();
}

export async function putPhoto(
  db: Executor,
  cadreId: string,
  mime: string,
  content: Buffer,
  now: string,
): Promise<void> {
  await db
    .insertInto('cadrePhotos')
    .values({ cadreId, mime, content, updatedAt: now })
    .onConflict((oc) => oc.column('cadreId').doUpdateSet({ mime, content, updatedAt: now }))
    .execute();
}

export function getPhoto(db: Executor, cadreId: string) {
  return db
    .selectFrom('cadrePhotos')
    .select(['mime', 'content'])
    .where('cadreId', '=', cadreId)
    .executeTakeFirst();
}
