import { randomUUID } from 'node:crypto';
import { zCadreInput } from '../common/cadres/cadres.schema.js';
import { zPostInput } from '../common/posts/posts.schema.js';
import { zBatchInput } from '../common/programmes/programmes.schema.js';
import { zUnitInput } from '../common/units/units.schema.js';
import * as cadres from '../server/cadres/cadres.service.js';
import { systemActor } from '../server/core/context.js';
import * as nominations from '../server/nominations/nominations.service.js';
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

export async function freshBatch(t: TestApp, regionCode = '522600') {
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
      plannedStart: '2027-03-01',
      plannedEnd: '2028-02-28',
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
