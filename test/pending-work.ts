import { randomUUID } from 'node:crypto';
import { zCadreInput } from '../common/cadres/cadres.schema.js';
import { zPostInput } from '../common/posts/posts.schema.js';
import { zBatchInput } from '../common/programmes/programmes.schema.js';
import { zUnitInput } from '../common/units/units.schema.js';
import * as cadres from '../server/cadres/cadres.service.js';
import { systemActor } from '../server/core/context.js';
import { inTransaction } from '../server/core/transaction.js';
import * as nominations from '../server/nominations/nominations.service.js';
import * as postings from '../server/postings/postings.service.js';
import * as posts from '../server/posts/posts.service.js';
import * as programmes from '../server/programmes/programmes.service.js';
import * as units from '../server/units/units.service.js';
import { cadreInput, type TestApp, unitInput } from './helpers.js';

/**
 * Registry records waiting on someone, written through the services (their rules, scope and
 * audit) as the system: for the home page and the reminders tests (issue 12 lines 6 and 7).
 */
const seeder = () => systemActor(null, 'pending-work');

export async function freshUnit(t: TestApp, regionCode = '522630') {
  return units.create(
    t.ctx,
    seeder(),
    zUnitInput.parse(unitInput({ name: `待办单位${randomUUID().slice(0, 8)}`, regionCode })),
  );
}

export async function freshBatch(
  t: TestApp,
  regionCode = '522600',
  dates = { plannedStart: '2027-03-01', plannedEnd: '2028-02-28' },
) {
  const p = await programmes.createProgramme(t.ctx, seeder(), {
    name: `待办项目${randomUUID().slice(0, 8)}`,
    kind: 'downward',
    regionCode,
    description: null,
  });
  return programmes.createBatch(
    t.ctx,
    seeder(),
    zBatchInput.parse({
      programmeId: p.id,
      name: `待办批次${randomUUID().slice(0, 6)}`,
      ...dates,
      termMonths: 12,
    }),
  );
}

export async function freshCadre(t: TestApp, unitId: string, userId: string | null = null) {
  const cadre = await cadres.create(t.ctx, seeder(), zCadreInput.parse(cadreInput(unitId)));
  if (userId) await t.ctx.db.updateTable('cadres').set({ userId }).where('id', '=', cadre.id).execute();
  return cadre;
}

/** A post request of `unitId` in `batchId`, left in `status` (draft, submitted or returned). */
export async function freshPost(
  t: TestApp,
  batchId: string,
  unitId: string,
  status: 'draft' | 'submitted' | 'returned' = 'draft',
) {
  let post = await posts.create(
    t.ctx,
    seeder(),
    zPostInput.parse({
      batchId,
      unitId,
      title: `待办岗位${randomUUID().slice(0, 6)}`,
      level: 'division_deputy',
      duties: [{ kind: 'assist', area: '招商引资' }],
      headcount: 1,
    }),
  );
  if (status === 'draft') return post;
  post = await posts.submit(t.ctx, seeder(), post.id, post.version);
  if (status === 'returned')
    post = await posts.review(t.ctx, seeder(), post.id, {
      decision: 'return',
      comment: '请补充岗位职责',
      version: post.version,
    });
  return post;
}

export async function freshNomination(t: TestApp, batchId: string, unitId: string) {
  const cadre = await freshCadre(t, unitId);
  const nomination = await nominations.nominate(t.ctx, seeder(), {
    batchId,
    cadreId: cadre.id,
    justification: '经单位党委研究同意推荐',
  });
  return { nomination, cadre };
}

/** A pending correction asked by the cadre's own signed-in account (`cookie`), through the API. */
export async function freshCorrection(t: TestApp, cookie: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/corrections',
    payload: { changes: { position: `新职务${randomUUID().slice(0, 4)}` } },
    headers: { cookie },
  });
  if (res.statusCode !== 201) throw new Error(`correction: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/**
 * A 拟任 posting of a fresh cadre of `sendingUnitId` (linked to `cadreUser` if given) on an
 * approved post of `receivingUnitId`, as the matching confirm creates it (createProposed).
 */
export async function freshPosting(
  t: TestApp,
  batchId: string,
  sendingUnitId: string,
  receivingUnitId: string,
  cadreUser: string | null = null,
) {
  const { nomination, cadre } = await freshNomination(t, batchId, sendingUnitId);
  if (cadreUser) {
    await t.ctx.db.updateTable('cadres').set({ userId: null }).where('userId', '=', cadreUser).execute();
    await t.ctx.db.updateTable('cadres').set({ userId: cadreUser }).where('id', '=', cadre.id).execute();
  }
  await nominations.review(t.ctx, seeder(), nomination.id, {
    decision: 'accept',
    comment: null,
    version: nomination.version,
  });
  const post = await freshPost(t, batchId, receivingUnitId, 'submitted');
  await posts.review(t.ctx, seeder(), post.id, { decision: 'approve', comment: null, version: post.version });
  const [id] = await inTransaction(t.ctx, (tx) =>
    postings.createProposed(tx, seeder(), [
      { batchId, nominationId: nomination.id, postRequestId: post.id, matchRunId: null },
    ]),
  );
  return { id: id as string, cadre, post };
}

/** The receiving unit's 对接: the posting is 在岗 from `date`, with the duties agreed. */
export function handOver(t: TestApp, postingId: string, date: string) {
  return postings.handover(t.ctx, seeder(), postingId, {
    date,
    reason: '对接会议确定分工',
    duties: [
      { kind: 'in_charge', area: '招商引资' },
      { kind: 'assist', area: '乡村振兴' },
    ],
    dutiesText: null,
    version: 1,
  });
}
