import type { SelectQueryBuilder } from 'kysely';
import type { CadreListParams } from '../../common/cadres/cadres.schema.js';
import type { Database, Executor } from '../core/database.js';
import { isPinyinQuery, likeEscape } from '../core/pinyin.js';
import type { Scope } from '../core/scope.js';
import type { CadreRelativesTable, CadreResumeTable, CadreRow, NewCadre } from './cadres.table.js';

export type CadreView = CadreRow & { unitName: string; regionName: string; regionPath: string };

type From = Database & { c: Database['cadres']; u: Database['units']; r: Database['regions'] };

function base(db: Executor) {
  return db
    .selectFrom('cadres as c')
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .innerJoin('regions as r', 'r.code', 'u.regionCode');
}

const view = (db: Executor) =>
  base(db).selectAll('c').select(['u.name as unitName', 'r.fullName as regionName', 'r.path as regionPath']);

/** The one scope filter for cadres: the 组织部's regions, the liaison's units, or the cadre's own record. */
function inScope<O>(q: SelectQueryBuilder<From, 'c' | 'u' | 'r', O>, scope: Scope) {
  if (scope.all) return q;
  return q.where((eb) =>
    eb.or([
      ...scope.regionPaths.map((p) => eb('r.path', 'like', `${likeEscape(p)}%`)),
      ...(scope.unitIds.length > 0 ? [eb('c.unitId', 'in', scope.unitIds)] : []),
      ...(scope.selfId ? [eb('c.userId', '=', scope.selfId)] : []),
    ]),
  );
}

function filtered<O>(
  q: SelectQueryBuilder<From, 'c' | 'u' | 'r', O>,
  p: CadreListParams,
  regionPath: string | null,
) {
  let query = q;
  if (p.q) {
    const text = p.q.toLowerCase();
    query = query.where((eb) =>
      isPinyinQuery(text)
        ? eb.or([
            eb('c.namePinyin', 'like', `${likeEscape(text)}%`),
            eb('c.nameInitials', 'like', `${likeEscape(text)}%`),
          ])
        : eb('c.name', 'like', `%${likeEscape(p.q as string)}%`),
    );
  }
  if (p.unitId) query = query.where('c.unitId', '=', p.unitId);
  if (regionPath) query = query.where('r.path', 'like', `${likeEscape(regionPath)}%`);
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
  regionPath: string | null,
  scope: Scope,
): Promise<{ rows: CadreView[]; total: number }> {
  const count = await filtered(inScope(base(db), scope), p, regionPath)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(inScope(view(db), scope), p, regionPath)
    .orderBy(SORTS[p.sort], p.order)
    .orderBy('c.id')
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}

export function findCadre(db: Executor, id: string): Promise<CadreView | undefined> {
  return view(db).where('c.id', '=', id).executeTakeFirst();
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
