import { randomUUID } from 'node:crypto';
import { zCadreInput } from '../common/cadres/cadres.schema.js';
import { zPostInput } from '../common/posts/posts.schema.js';
import * as cadres from '../server/cadres/cadres.service.js';
import { type AppContext, systemActor } from '../server/core/context.js';
import { inTransaction } from '../server/core/transaction.js';
import * as nominations from '../server/nominations/nominations.service.js';
import { createProposed } from '../server/postings/postings.service.js';
import * as posts from '../server/posts/posts.service.js';
import { cadreInput } from './helpers.js';

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
