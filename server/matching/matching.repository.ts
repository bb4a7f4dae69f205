import type { RankLevel } from '../../common/cadres/cadre-enums.js';
import type { FitCadre, FitPost } from '../../common/matching/fit.js';
import type { PreferenceSource } from '../../common/matching/matching.schema.js';
import { CURRENT_POSTING_STATUSES } from '../../common/postings/posting-moves.js';
import type { Executor } from '../core/database.js';
import type { Reach } from '../core/scope.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type {
  MatchingAssignmentsTable,
  MatchingLocksTable,
  MatchingPreferencesTable,
  MatchingRunRow,
  MatchingRunsTable,
  MatchingSettingsTable,
} from './matching.table.js';

/**
 * A nomination's preferences reach the cadre (self), the sending unit, and — to read — the
 * programme's 组织部.
 */
export const PREFERENCE_REACH: Reach = {
  parties: [
    { unit: { column: 'n.unitId', key: 'unitId' } },
    { user: { column: 'c.userId', key: 'userId' } },
    { ...PROGRAMME_ORGANISER, readOnly: true },
  ],
};

const IN_SLICE = 500;
async function inSlices<T>(ids: readonly string[], load: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += IN_SLICE) out.push(...(await load(unique.slice(i, i + IN_SLICE))));
  return out;
}

export interface ProblemCadre extends FitCadre {
  cadreId: string;
  userId: string | null;
  unitName: string;
  gender: string;
  birthDate: string;
}
export interface ProblemPost extends FitPost {
  regionName: string;
  headcount: number;
}

/** Everything a batch's matching reads: accepted nominations and approved posts with what their fit needs. */
export interface Problem {
  cadres: ProblemCadre[];
  posts: ProblemPost[];
  quotas: { regionCode: string; regionName: string; quota: number }[];
  locks: LockView[];
  regionNames: Map<string, string>;
}

export async function loadProblem(
  db: Executor,
  batchId: string,
  extraRegionCodes: string[] = [],
): Promise<Problem> {
  const nominations = await db
    .selectFrom('nominations as n')
    .innerJoin('cadres as c', 'c.id', 'n.cadreId')
    .innerJoin('units as u', 'u.id', 'n.unitId')
    .select([
      'n.id as nominationId',
      'n.cadreId',
      'n.unitId',
      'c.userId',
      'c.name',
      'c.position',
      'c.rankLevel',
      'c.gender',
      'c.birthDate',
      'u.name as unitName',
      'u.regionCode as unitRegionCode',
    ])
    .where('n.batchId', '=', batchId)
    .where('n.status', '=', 'accepted')
    // a cadre already proposed for or on a posting — of another batch, or of this one but not
    // through a matching run (made by hand) — is not matched again
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('postings as cur')
            .select('cur.id')
            .whereRef('cur.cadreId', '=', 'n.cadreId')
            .where('cur.status', 'in', [...CURRENT_POSTING_STATUSES])
            .where((w) => w.or([w('cur.batchId', '!=', batchId), w('cur.matchRunId', 'is', null)])),
        ),
      ),
    )
    .orderBy('c.namePinyin')
    .orderBy('n.id')
    .execute();
  const cadreIds = nominations.map((n) => n.cadreId);
  const tags = await inSlices(cadreIds, (s) =>
    db
      .selectFrom('cadreExpertise')
      .select(['cadreId', 'tag'])
      .where('cadreId', 'in', s)
      .orderBy('tag')
      .execute(),
  );
  const resume = await inSlices(cadreIds, (s) =>
    db
      .selectFrom('cadreResume')
      .select(['cadreId', 'unitName', 'position', 'fromMonth'])
      .where('cadreId', 'in', s)
      .orderBy('fromMonth')
      .execute(),
  );
  const relatives = await inSlices(cadreIds, (s) =>
    db
      .selectFrom('cadreRelatives')
      .select(['cadreId', 'name', 'relation', 'unitName'])
      .where('cadreId', 'in', s)
      .orderBy('id')
      .execute(),
  );
  const preferences = await inSlices(
    nominations.map((n) => n.nominationId),
    (s) =>
      db
        .selectFrom('matchingPreferences')
        .select(['nominationId', 'source', 'rank', 'postRequestId', 'regionCode'])
        .where('nominationId', 'in', s)
        .orderBy('rank')
        .execute(),
  );
  const group = <T extends { cadreId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.cadreId, [...(map.get(r.cadreId) ?? []), r]);
    return map;
  };
  const tagsOf = group(tags);
  const resumeOf = group(resume);
  const relativesOf = group(relatives);
  const prefsOf = new Map<string, typeof preferences>();
  for (const p of preferences) prefsOf.set(p.nominationId, [...(prefsOf.get(p.nominationId) ?? []), p]);

  const cadres: ProblemCadre[] = nominations.map((n) => ({
    nominationId: n.nominationId,
    cadreId: n.cadreId,
    userId: n.userId,
    name: n.name,
    unitId: n.unitId,
    unitName: n.unitName,
    unitRegionCode: n.unitRegionCode,
    position: n.position,
    rankLevel: n.rankLevel as RankLevel,
    gender: n.gender,
    birthDate: n.birthDate,
    expertise: (tagsOf.get(n.cadreId) ?? []).map((x) => x.tag),
    resume: (resumeOf.get(n.cadreId) ?? []).map(({ unitName, position }) => ({ unitName, position })),
    relatives: (relativesOf.get(n.cadreId) ?? []).map(({ name, relation, unitName }) => ({
      name,
      relation,
      unitName,
    })),
    preferences: (prefsOf.get(n.nominationId) ?? []).map((p) => ({
      source: p.source as PreferenceSource,
      rank: p.rank,
      postRequestId: p.postRequestId,
      regionCode: p.regionCode,
    })),
  }));

  const postRows = await db
    .selectFrom('postRequests as p')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .innerJoin('regions as r', 'r.code', 'u.regionCode')
    .select([
      'p.id',
      'p.title',
      'p.unitId',
      'p.level',
      'p.duties',
      'p.expertise',
      'p.headcount',
      'u.name as unitName',
      'u.regionCode',
      'r.fullName as regionName',
    ])
    .where('p.batchId', '=', batchId)
    .where('p.status', '=', 'approved')
    .orderBy('u.namePinyin')
    .orderBy('p.title')
    .orderBy('p.id')
    .execute();
  // places already taken on a post by a posting made by hand (not through a matching run)
  const taken = new Map(
    (
      await db
        .selectFrom('postings')
        .select(['postRequestId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('batchId', '=', batchId)
        .where('matchRunId', 'is', null)
        .where('status', 'in', [...CURRENT_POSTING_STATUSES])
        .groupBy('postRequestId')
        .execute()
    ).map((r) => [r.postRequestId, Number(r.n)]),
  );
  const lineage = await unitLineages(
    db,
    postRows.map((p) => p.unitId),
  );
  const open = postRows
    .map((p) => ({ ...p, headcount: p.headcount - (taken.get(p.id) ?? 0) }))
    .filter((p) => p.headcount > 0);
  const posts: ProblemPost[] = open.map((p) => ({
    postRequestId: p.id,
    title: p.title,
    unitId: p.unitId,
    unitName: p.unitName,
    unitLineage: lineage.get(p.unitId) ?? [p.unitId],
    regionCode: p.regionCode,
    regionName: p.regionName,
    level: p.level as RankLevel,
    duties: JSON.parse(p.duties),
    expertise: JSON.parse(p.expertise),
    headcount: p.headcount,
  }));

  const quotas = await db
    .selectFrom('batchQuotas as q')
    .innerJoin('regions as r', 'r.code', 'q.regionCode')
    .select(['q.regionCode', 'q.quota', 'r.fullName as regionName'])
    .where('q.batchId', '=', batchId)
    .orderBy('q.regionCode')
    .execute();
  const locks = await listLocks(db, batchId);

  const codes = new Set<string>(extraRegionCodes);
  for (const c of cadres) codes.add(c.unitRegionCode.slice(0, 6));
  for (const p of posts) codes.add(p.regionCode.slice(0, 6));
  for (const q of quotas) codes.add(q.regionCode);
  const regionNames = new Map<string, string>();
  for (const r of await inSlices([...codes], (s) =>
    db.selectFrom('regions').select(['code', 'fullName']).where('code', 'in', s).execute(),
  ))
    regionNames.set(r.code, r.fullName);
  return { cadres, posts, quotas, locks, regionNames };
}

/** Each unit's id followed by its ancestors' (parentId upwards; a cycle stops the walk). */
async function unitLineages(db: Executor, unitIds: string[]): Promise<Map<string, string[]>> {
  const parent = new Map<string, string | null>();
  let frontier = [...new Set(unitIds)];
  while (frontier.length) {
    const rows = await inSlices(frontier, (s) =>
      db.selectFrom('units').select(['id', 'parentId']).where('id', 'in', s).execute(),
    );
    for (const r of rows) parent.set(r.id, r.parentId);
    frontier = [
      ...new Set(rows.map((r) => r.parentId).filter((p): p is string => p !== null && !parent.has(p))),
    ];
  }
  const out = new Map<string, string[]>();
  for (const id of new Set(unitIds)) {
    const chain = [id];
    let next = parent.get(id) ?? null;
    while (next !== null && !chain.includes(next)) {
      chain.push(next);
      next = parent.get(next) ?? null;
    }
    out.set(id, chain);
  }
  return out;
}

// ---- settings ----------------------------------------------------------------------------

export function findSettings(db: Executor, batchId: string) {
  return db.selectFrom('matchingSettings').selectAll().where('batchId', '=', batchId).executeTakeFirst();
}
export async function insertSettings(db: Executor, row: MatchingSettingsTable): Promise<void> {
  await db.insertInto('matchingSettings').values(row).execute();
}
/** Updates when the stored version is `version`; the number of rows changed. */
export async function updateSettings(
  db: Executor,
  batchId: string,
  version: number,
  patch: Omit<MatchingSettingsTable, 'batchId' | 'version'>,
): Promise<number> {
  const r = await db
    .updateTable('matchingSettings')
    .set({ ...patch, version: version + 1 })
    .where('batchId', '=', batchId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- preferences -------------------------------------------------------------------------

export function findNominationForPreferences(db: Executor, id: string) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('cadres as c', 'c.id', 'n.cadreId')
    .innerJoin('batches as b', 'b.id', 'n.batchId')
    .innerJoin('programmes as g', 'g.id', 'b.programmeId')
    .select([
      'n.id',
      'n.batchId',
      'n.unitId',
      'n.status',
      'c.userId',
      'c.name as cadreName',
      'g.id as programmeId',
      'g.regionCode as programmeRegionCode',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export function preferencesOf(db: Executor, nominationId: string) {
  return preferences(db).where('m.nominationId', '=', nominationId).execute();
}
/** Every preference stated for the batch's nominations. */
export function preferencesOfBatch(db: Executor, batchId: string) {
  return preferences(db)
    .innerJoin('nominations as pn', 'pn.id', 'm.nominationId')
    .where('pn.batchId', '=', batchId)
    .execute();
}
function preferences(db: Executor) {
  return db
    .selectFrom('matchingPreferences as m')
    .leftJoin('postRequests as p', 'p.id', 'm.postRequestId')
    .leftJoin('regions as r', 'r.code', 'm.regionCode')
    .select([
      'm.source',
      'm.rank',
      'm.postRequestId',
      'p.title as postTitle',
      'm.regionCode',
      'r.fullName as regionName',
      'm.nominationId',
    ])
    .orderBy('m.source')
    .orderBy('m.rank');
}

export async function replacePreferences(
  db: Executor,
  nominationId: string,
  source: string,
  rows: MatchingPreferencesTable[],
): Promise<void> {
  await db
    .deleteFrom('matchingPreferences')
    .where('nominationId', '=', nominationId)
    .where('source', '=', source)
    .execute();
  if (rows.length) await db.insertInto('matchingPreferences').values(rows).execute();
}

// ---- locks -------------------------------------------------------------------------------

export type LockView = MatchingLocksTable & { cadreName: string; postTitle: string; unitName: string };

function locks(db: Executor) {
  return db
    .selectFrom('matchingLocks as l')
    .innerJoin('nominations as n', 'n.id', 'l.nominationId')
    .innerJoin('cadres as c', 'c.id', 'n.cadreId')
    .innerJoin('postRequests as p', 'p.id', 'l.postRequestId')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .selectAll('l')
    .select(['c.name as cadreName', 'p.title as postTitle', 'u.name as unitName']);
}
export function listLocks(db: Executor, batchId: string): Promise<LockView[]> {
  return locks(db).where('l.batchId', '=', batchId).orderBy('l.createdAt').orderBy('l.id').execute();
}
export function findLock(db: Executor, id: string): Promise<LockView | undefined> {
  return locks(db).where('l.id', '=', id).executeTakeFirst();
}
export async function insertLock(db: Executor, row: MatchingLocksTable): Promise<void> {
  await db.insertInto('matchingLocks').values(row).execute();
}
export async function deleteLock(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('matchingLocks').where('id', '=', id).execute();
}

// ---- runs --------------------------------------------------------------------------------

export function findRun(db: Executor, id: string): Promise<MatchingRunRow | undefined> {
  return db.selectFrom('matchingRuns').selectAll().where('id', '=', id).executeTakeFirst();
}
export function listRuns(db: Executor, batchId: string): Promise<MatchingRunRow[]> {
  return db
    .selectFrom('matchingRuns')
    .selectAll()
    .where('batchId', '=', batchId)
    .orderBy('seq', 'desc')
    .execute();
}
export async function nextSeq(db: Executor, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('matchingRuns')
    .select((eb) => eb.fn.max<number>('seq').as('seq'))
    .where('batchId', '=', batchId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}
export async function insertRun(db: Executor, row: MatchingRunsTable): Promise<void> {
  await db.insertInto('matchingRuns').values(row).execute();
}
/** The runs still `running` (of one batch, or all). */
export function runningRuns(db: Executor, batchId?: string) {
  let q = db
    .selectFrom('matchingRuns')
    .select(['id', 'startedAt', 'heartbeatAt'])
    .where('status', '=', 'running');
  if (batchId) q = q.where('batchId', '=', batchId);
  return q.execute();
}
/** Updates a run only while it has status `status`; the number of rows changed. */
export async function updateRunWhile(
  db: Executor,
  id: string,
  status: string,
  patch: Partial<Omit<MatchingRunsTable, 'id' | 'batchId'>>,
): Promise<number> {
  const r = await db
    .updateTable('matchingRuns')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
export async function insertAssignments(db: Executor, rows: MatchingAssignmentsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('matchingAssignments')
      .values(rows.slice(i, i + 200))
      .execute();
}
export function assignmentsOf(db: Executor, runId: string) {
  return db
    .selectFrom('matchingAssignments as a')
    .innerJoin('nominations as n', 'n.id', 'a.nominationId')
    .innerJoin('cadres as c', 'c.id', 'n.cadreId')
    .innerJoin('units as su', 'su.id', 'n.unitId')
    .innerJoin('postRequests as p', 'p.id', 'a.postRequestId')
    .innerJoin('units as ru', 'ru.id', 'p.unitId')
    .select([
      'a.nominationId',
      'a.postRequestId',
      'a.score',
      'a.factors',
      'a.pinned',
      'c.name as cadreName',
      'c.gender',
      'c.birthDate',
      'c.position',
      'c.rankLevel',
      'su.name as sendingUnitName',
      'p.title as postTitle',
      'p.duties',
      'ru.name as receivingUnitName',
    ])
    .where('a.runId', '=', runId)
    .orderBy('ru.namePinyin')
    .orderBy('p.title')
    .orderBy('c.namePinyin')
    .orderBy('a.nominationId')
    .execute();
}
export function confirmedRunOf(db: Executor, batchId: string) {
  return db
    .selectFrom('matchingRuns')
    .selectAll()
    .where('batchId', '=', batchId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
}
