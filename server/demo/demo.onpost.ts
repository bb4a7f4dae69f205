import { zNominationInput } from '../../common/nominations/nominations.schema.js';
import { zPostInput, zPostListQuery } from '../../common/posts/posts.schema.js';
import type { AppContext } from '../core/context.js';
import { scopeFor } from '../core/scope.js';
import { findByBatchAndCadre } from '../nominations/nominations.repository.js';
import * as nominations from '../nominations/nominations.service.js';
import { postingOfNomination } from '../postings/postings.repository.js';
import * as posts from '../posts/posts.service.js';
import * as programmes from '../programmes/programmes.service.js';
import { seedOnPostMonth } from './demo.onpost-records.js';
import { type DemoPosting, seedPostings } from './demo.postings.js';
import { actorFor, type DemoBatch, seedProgramme } from './demo.steps.js';

/**
 * The demo's running batch (issue 13): a programme of the 黔东南 组织部 whose 第一批 has been 在岗
 * since March 2026, so the on-post pages — 考勤, 请假, 工作纪实, 实事 — have a posting that is on
 * post today. 王静怡 of 青枫集团 (account `gb.wang`, liaison `pc.qf`) at 清溪镇 (`js.qx`): every
 * party of the demo accounts sees it from its side. Written through the services, once.
 */
export const ONPOST_PROGRAMME = {
  name: '2025年度东西部协作干部挂职',
  kind: 'cross_region',
  regionCode: '522600',
  description: '苏州市选派干部到黔东南州乡镇挂职一年，协助做好东西部协作项目落地和乡村振兴工作。',
} as const;

export const ONPOST_BATCH: DemoBatch = {
  name: '第一批',
  plannedStart: '2026-03-02',
  plannedEnd: '2027-03-01',
  termMonths: 12,
  quotas: [{ regionCode: '522630', quota: 2 }],
  advance: { to: 'selecting', reason: '岗位需求已征集审核，启动派出单位推荐人选。' },
};

const POST = {
  title: '副镇长（挂职，东西部协作）',
  level: 'section_deputy',
  duties: [
    { kind: 'in_charge', area: '东西部协作' },
    { kind: 'assist', area: '乡村振兴' },
  ],
  expertise: ['财政金融', '乡村振兴'],
  headcount: 1,
  notes: '协助做好东西部协作资金项目管理和苏州帮扶资源对接。',
} as const;

export const ONPOST_POSTINGS: readonly DemoPosting[] = [
  {
    cadre: '王静怡',
    post: POST.title,
    handover: {
      date: '2026-03-02',
      reason: '3月2日在清溪镇召开挂职干部对接会，明确分工。',
      duties: [
        { kind: 'in_charge', area: '东西部协作' },
        { kind: 'assist', area: '乡村振兴' },
        { kind: 'assist', area: '财政金融' },
      ],
      dutiesText: '协助镇长工作，分管东西部协作，协管乡村振兴和财政资金项目，联系苏州帮扶单位。',
    },
  },
];

/** Seeds the running batch; `cadreIds` maps the registry demo's names to ids. */
export async function seedOnPost(
  ctx: AppContext,
  units: Map<string, string>,
  cadreIds: Map<string, string>,
): Promise<void> {
  const batchId = (await seedProgramme(ctx, ONPOST_PROGRAMME, [ONPOST_BATCH]))?.get(ONPOST_BATCH.name);
  const unitId = units.get('台江县清溪镇人民政府');
  const cadreId = cadreIds.get('王静怡');
  const writer = await actorFor(ctx, 'js.qx', 'posts.create');
  const reviewer = await actorFor(ctx, 'zzb', 'posts.review');
  const liaison = await actorFor(ctx, 'pc.qf', 'nominations.create');
  const runner = await actorFor(ctx, 'zzb', 'batches.advance');
  if (!batchId || !unitId || !cadreId || !writer || !reviewer || !liaison || !runner) return;
  const batch = await programmes.getBatch(ctx, runner, batchId);
  if (batch.status === 'selecting') {
    const reader = { ...writer, scope: scopeFor('posts.read', writer.userId, writer.grants) };
    const have = await posts.list(ctx, reader, zPostListQuery.parse({ batchId, unitId, pageSize: 100 }));
    if (!have.items.some((p) => p.title === POST.title)) {
      const post = await posts.create(ctx, writer, zPostInput.parse({ ...POST, batchId, unitId }));
      const submitted = await posts.submit(ctx, writer, post.id, post.version);
      await posts.review(ctx, reviewer, post.id, {
        decision: 'approve',
        comment: '同意设置该岗位。',
        version: submitted.version,
      });
    }
    if (!(await findByBatchAndCadre(ctx.db, batchId, cadreId))) {
      const nomination = await nominations.nominate(
        ctx,
        liaison,
        zNominationInput.parse({ batchId, cadreId, justification: null }),
      );
      await nominations.review(
        ctx,
        { ...reviewer, scope: scopeFor('nominations.review', reviewer.userId, reviewer.grants) },
        nomination.id,
        {
          decision: 'accept',
          comment: '同意推荐人选，安排到台江县清溪镇挂职。',
          version: nomination.version,
        },
      );
    }
    await seedPostings(ctx, cadreIds, batchId, ONPOST_POSTINGS);
    await programmes.advanceBatch(ctx, runner, batchId, {
      to: 'on_post',
      reason: '挂职干部已于3月2日全部到岗，转入在岗管理。',
      version: (await programmes.getBatch(ctx, runner, batchId)).version,
      acknowledgeWarnings: true,
    });
  }
  const nomination = await findByBatchAndCadre(ctx.db, batchId, cadreId);
  const posting = nomination && (await postingOfNomination(ctx.db, nomination.id));
  if (posting) await seedOnPostMonth(ctx, posting.id, unitId);
}
