import { zPostingHandover } from '../../common/postings/postings.schema.js';
import type { AppContext } from '../core/context.js';
import { inTransaction } from '../core/transaction.js';
import { findByBatchAndCadre } from '../nominations/nominations.repository.js';
import { postingOfNomination } from '../postings/postings.repository.js';
import { createProposed, handover } from '../postings/postings.service.js';
import { actorFor } from './demo.steps.js';

/**
 * The demo's postings already on post, so the on-post pages have material: cadres accepted to
 * the registry's 第一批, proposed by the 组织部 for 清溪镇's posts and handed over by 清溪镇
 * (js.qx). Created once: a nomination that has its posting is left alone.
 */
export const DEMO_POSTINGS = [
  {
    cadre: '陈思远',
    post: '副镇长（挂职）',
    handover: {
      date: '2027-03-03',
      reason: '3月3日在清溪镇召开挂职干部对接会，明确分工。',
      duties: [
        { kind: 'in_charge', area: '科技' },
        { kind: 'in_charge', area: '招商引资' },
        { kind: 'assist', area: '东西部协作' },
        { kind: 'assist', area: '农产品电商' },
      ],
      dutiesText: '协助镇长工作，分管科技、招商引资，协管东西部协作项目和农产品电商，联系苏州产业园区。',
    },
  },
  {
    cadre: '杨帆',
    post: '镇长助理（挂职，基础设施）',
    handover: {
      date: '2027-03-03',
      reason: '同日对接，明确负责通村公路和援建项目工程管理。',
      duties: [
        { kind: 'in_charge', area: '交通运输' },
        { kind: 'assist', area: '应急管理' },
      ],
      dutiesText: '协助镇长抓交通和援建工程，负责通村公路项目质量安全，协管应急管理。',
    },
  },
] as const;
export interface DemoPosting {
  cadre: string;
  post: string;
  handover: {
    date: string;
    reason: string;
    duties: readonly { kind: 'in_charge' | 'assist'; area: string }[];
    dutiesText: string;
  };
}

export async function seedPostings(
  ctx: AppContext,
  cadreIds: Map<string, string>,
  batchId: string,
  postings: readonly DemoPosting[] = DEMO_POSTINGS,
): Promise<void> {
  const zzb = await actorFor(ctx, 'zzb', 'postings.extend');
  const manager = await actorFor(ctx, 'js.qx', 'postings.handover');
  if (!zzb || !manager) return;
  for (const demo of postings) {
    const cadreId = cadreIds.get(demo.cadre);
    if (!cadreId) continue;
    const nomination = await findByBatchAndCadre(ctx.db, batchId, cadreId);
    if (nomination?.status !== 'accepted' || (await postingOfNomination(ctx.db, nomination.id))) continue;
    const post = await ctx.db
      .selectFrom('postRequests')
      .select('id')
      .where('batchId', '=', batchId)
      .where('title', '=', demo.post)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (!post) continue;
    const [id] = await inTransaction(ctx, (tx) =>
      createProposed(tx, zzb, [
        { batchId, nominationId: nomination.id, postRequestId: post.id, matchRunId: null },
      ]),
    );
    await handover(ctx, manager, id as string, zPostingHandover.parse({ ...demo.handover, version: 1 }));
  }
}
