import type { FinalGrade } from '../../common/assessment/assessment-moves.js';
import type { LeaveKind } from '../../common/leave/leave-moves.js';
import type { PostingStatus } from '../../common/postings/posting-moves.js';
import type { Dashboard, DashboardQuery } from '../../common/stats/stats.schema.js';
import { totals } from '../achievements/achievements.service.js';
import { stats as roundStats } from '../assessment/assessment.reports.js';
import { addDays, chinaDate } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import * as repo from './stats.repository.js';

/** How far ahead the "terms ending soon" figure looks, and how many of them it lists. */
export const ENDING_DAYS = 90;
const ENDING_SHOWN = 50;
/** The newest published rounds shown. */
const ROUNDS_SHOWN = 12;

/**
 * The 组织部's dashboard (issue 16 line 2, ADR 042). Every figure is a SQL aggregate over the
 * caller's scope for `stats.read`, which the policy table gives the same roles and kinds as the
 * lists it summarises (postings, leave, achievements: 组织部 over its regions, the units over
 * their own postings), so the achievement totals and the round statistics are those
 * capabilities' own functions called with the caller — not copies.
 */
export async function dashboard(ctx: AppContext, actor: Actor, q: DashboardQuery): Promise<Dashboard> {
  const scope = { ...actor.scope, mode: 'read' as const };
  const asOf = chinaDate(ctx.clock.now());
  const filters = { programmeId: q.programmeId, batchId: q.batchId };
  const [byStatus, onPost, achievements, leave, rounds, ending] = await Promise.all([
    repo.byStatus(ctx.db, scope, filters),
    repo.onPostByRegion(ctx.db, scope, filters),
    totals(ctx, actor, { groupBy: 'programme', ...filters, from: q.from, to: q.to }),
    repo.leaveByMonth(ctx.db, scope, q),
    repo.publishedRounds(ctx.db, scope, filters, ROUNDS_SHOWN),
    repo.endingBetween(ctx.db, scope, filters, asOf, addDays(asOf, ENDING_DAYS), ENDING_SHOWN),
  ]);
  const assessment = [];
  for (const r of rounds) {
    const s = await roundStats(ctx, actor, { roundId: r.id });
    assessment.push({
      roundId: r.id,
      title: s.title,
      total: s.total as Record<FinalGrade, number>,
      quota: s.quota,
    });
  }
  const codes = [...new Set(onPost.flatMap((r) => r.path))];
  return {
    asOf,
    total: byStatus.reduce((sum, r) => sum + r.n, 0),
    byStatus: byStatus.map((r) => ({ status: r.status as PostingStatus, n: r.n })),
    onPostByRegion: onPost.sort((a, b) => a.code.localeCompare(b.code)),
    regionNames: await repo.regionNames(ctx.db, codes),
    achievements: achievements.overall,
    leave: leave.map((r) => ({ ...r, kind: r.kind as LeaveKind })),
    assessment,
    endingSoon: {
      total: ending.total,
      items: ending.items.map((p) => ({
        postingId: p.id,
        cadreName: p.cadreName,
        title: p.title,
        receivingUnitName: p.receivingUnitName,
        endDate: p.endDate as string,
      })),
    },
  };
}
