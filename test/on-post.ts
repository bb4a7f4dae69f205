import { randomUUID } from 'node:crypto';
import { zCadreInput } from '../common/cadres/cadres.schema.js';
import { zPostInput } from '../common/posts/posts.schema.js';
import { zBatchInput } from '../common/programmes/programmes.schema.js';
import { zUnitInput } from '../common/units/units.schema.js';
import * as cadres from '../server/cadres/cadres.service.js';
import { type AppContext, systemActor } from '../server/core/context.js';
import { inTransaction } from '../server/core/transaction.js';
import * as nominations from '../server/nominations/nominations.service.js';
import { createProposed } from '../server/postings/postings.service.js';
import * as posts from '../server/posts/posts.service.js';
import * as programmes from '../server/programmes/programmes.service.js';
import * as units from '../server/units/units.service.js';
import { cadreInput, createAccount, login, type TestApp, unitInput } from './helpers.js';

/**
 * An active (在岗) posting of a fresh cadre of `sendingUnitId` at `receivingUnitId` in a batch,
 * from `start` to the batch's end: nominated and accepted, its post approved, proposed and
 * handed over by direct writes (issue 13's tests: leave and attendance hang on it). With a
 * `userId`, the cadre is that account's own record (taken from any earlier one).
 */
export async function activePostingOf(
  ctx: AppContext,
  o: {
    batchId: string;
    sendingUnitId: string;
    receivingUnitId: string;
    userId: string | null;
    start: string;
    rankLevel?: string;
  },
) {
  const seeder = systemActor(null, 'on-post-test');
  const cadre = await cadres.create(
    ctx,
    seeder,
    zCadreInput.parse(cadreInput(o.sendingUnitId, { rankLevel: o.rankLevel ?? 'division_deputy' } as never)),
  );
  if (o.userId) {
    await ctx.db.updateTable('cadres').set({ userId: null }).where('userId', '=', o.userId).execute();
    await ctx.db.updateTable('cadres').set({ userId: o.userId }).where('id', '=', cadre.id).execute();
  }
  const n = await nominations.nominate(ctx, seeder, {
    batchId: o.batchId,
    cadreId: cadre.id,
    justification: '测试：经单位党委研究同意推荐',
  });
  await ctx.db.updateTable('nominations').set({ status: 'accepted' }).where('id', '=', n.id).execute();
  const post = await posts.create(
    ctx,
    seeder,
    zPostInput.parse({
      batchId: o.batchId,
      unitId: o.receivingUnitId,
      title: `副区长${randomUUID().slice(0, 4)}`,
      level: 'division_deputy',
      duties: [{ kind: 'assist', area: '招商引资' }],
      headcount: 1,
    }),
  );
  await ctx.db.updateTable('postRequests').set({ status: 'approved' }).where('id', '=', post.id).execute();
  const [id] = await inTransaction(ctx, (tx) =>
    createProposed(tx, seeder, [
      { batchId: o.batchId, nominationId: n.id, postRequestId: post.id, matchRunId: null },
    ]),
  );
  await ctx.db
    .updateTable('postings')
    .set({ status: 'active', startDate: o.start })
    .where('id', '=', id as string)
    .execute();
  return { id: id as string, cadre };
}

/** A unit of this name (made unique) in `regionCode`, as the on-post tests make their parties. */
export async function testUnit(ctx: AppContext, name: string, regionCode: string): Promise<string> {
  const unit = await units.create(
    ctx,
    systemActor(null, 'on-post-test'),
    zUnitInput.parse(unitInput({ name: `${name}${randomUUID().slice(0, 4)}`, regionCode })),
  );
  return unit.id;
}

/** A cross-region programme of the 组织部 of `regionCode` and its 第一批 of a 12-month term. */
export async function programmeBatch(
  ctx: AppContext,
  o: { name: string; regionCode: string; plannedStart: string; plannedEnd: string },
): Promise<{ programmeId: string; batchId: string }> {
  const seeder = systemActor(null, 'on-post-test');
  const programme = await programmes.createProgramme(ctx, seeder, {
    name: o.name,
    kind: 'cross_region',
    regionCode: o.regionCode,
    description: null,
  });
  const batch = await programmes.createBatch(
    ctx,
    seeder,
    zBatchInput.parse({
      programmeId: programme.id,
      name: '第一批',
      plannedStart: o.plannedStart,
      plannedEnd: o.plannedEnd,
      termMonths: 12,
    }),
  );
  return { programmeId: programme.id, batchId: batch.id };
}

export type PartyRole = 'org_dept' | 'sending_liaison' | 'receiving_manager' | 'cadre' | 'system_admin';

/** An account of one role over a region or a unit, logged in: its id and session cookie. */
export async function partyAccount(
  t: TestApp,
  role: PartyRole,
  scope: { regionCode?: string; unitId?: string } = {},
): Promise<{ id: string; cookie: string }> {
  const a = await createAccount(t.ctx, {
    grants: [
      { role, regionCode: scope.regionCode ?? null, unitId: scope.unitId ?? null, programmeIds: null },
    ],
  });
  return { id: a.id, cookie: await login(t.app, a) };
}
