import type { Action } from '../../common/access/policy.js';
// achievements (issue 13 line 7)
import { zAchievementListQuery } from '../../common/achievements/achievements.schema.js';
// issue 13 line 3: attendance
import { previousMonth } from '../../common/attendance/attendance.js';
import type { Role } from '../../common/auth/auth.schema.js';
import { zCorrectionListQuery } from '../../common/corrections/corrections.schema.js';
import type { Home, HomeItem, HomeItemKind, HomeSection } from '../../common/home/home.schema.js';
import type { Page } from '../../common/http/paging.schema.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import { zNominationListQuery } from '../../common/nominations/nominations.schema.js';
import type { PostingStatus } from '../../common/postings/posting-moves.js';
import { type Posting, zPostingListQuery } from '../../common/postings/postings.schema.js';
import { zPostListQuery } from '../../common/posts/posts.schema.js';
import { zBatchListQuery } from '../../common/programmes/programmes.schema.js';
import * as achievements from '../achievements/achievements.service.js';
import * as attendance from '../attendance/attendance.service.js';
import { chinaDate, daysBetween } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { scopeFor } from '../core/scope.js';
import * as corrections from '../corrections/corrections.service.js';
import * as nominations from '../nominations/nominations.service.js';
import * as postingsRepo from '../postings/postings.repository.js';
import * as postings from '../postings/postings.service.js';
import * as posts from '../posts/posts.service.js';
import * as programmes from '../programmes/programmes.service.js';
import { termEndFacts } from './home.repository.js';

/**
 * The home page (issue 12 line 6, ADR 028): for each business role the caller holds, what waits
 * on it. Every count is read through the capability's own service, as the caller acting in that
 * one role would list it — the role's grants turned into the scope of the action the item is
 * about (`scopeFor`, server/core/scope.ts) — so the page never shows what the list behind its
 * link would not.
 */

/** The caller acting in one role only, under the scope that role's grants give for `action`. */
export function actingAs(actor: Actor, role: Role, action: Action): Actor {
  const grants = actor.grants.filter((g) => g.role === role);
  return { ...actor, roles: [role], grants, scope: scopeFor(action, actor.userId, grants, 'read') };
}

/** A one-row page: lists answer their total, which is all a count needs. */
const ONE = { page: '1', pageSize: '1' };

export interface ItemInput {
  kind: HomeItemKind;
  count: number;
  link: string;
  params?: Record<string, string | number>;
  detail?: string | null;
  next?: string | null;
  urgent?: boolean;
}

/** An item worded by the catalogue (`home.item.<kind>` with `{count}`), or none when nothing waits. */
export function item(input: ItemInput): HomeItem[] {
  if (input.count <= 0) return [];
  return [
    {
      kind: input.kind,
      count: input.count,
      title: t(`home.item.${input.kind}` as MessageKey, { count: input.count, ...input.params }),
      detail: input.detail ?? null,
      next: input.next ?? null,
      link: input.link,
      urgent: input.urgent ?? false,
    },
  ];
}

const total = async (page: Promise<Page<unknown>>): Promise<number> => (await page).total;

/** How many postings the role sees in each status (its `postings.read` scope, one query). */
const postingCounts = (ctx: AppContext, actor: Actor, role: Role) =>
  postingsRepo.statusCounts(ctx.db, actingAs(actor, role, 'postings.read').scope);
const countOf = (counts: Map<string, number>, status: PostingStatus) => counts.get(status) ?? 0;
/** The list of postings in a status, as a link. */
const postingsLink = (status: PostingStatus, extra = '') => `/postings?status=${status}${extra}`;

/** Terms are shown as ending soon this many days ahead. */
export const TERM_ENDING_DAYS = 30;

/** An active posting the role sees whose term ends within 30 days. */
type Ending = Pick<Posting, 'id' | 'startDate' | 'endDate'>;

/** Active postings the role sees whose term ends within 30 days (soonest first, page by page). */
async function endingSoon(ctx: AppContext, actor: Actor, role: Role): Promise<Ending[]> {
  const reader = actingAs(actor, role, 'postings.read');
  const today = chinaDate(ctx.clock.now());
  const ending: Ending[] = [];
  for (let page = 1; ; page++) {
    const { items } = await postings.list(
      ctx,
      reader,
      zPostingListQuery.parse({ page, pageSize: 100, status: 'active', sort: 'endDate', order: 'asc' }),
    );
    for (const p of items) {
      const left = daysBetween(today, p.endDate);
      if (left > TERM_ENDING_DAYS) return ending;
      if (left >= 0) ending.push(p);
    }
    if (items.length < 100) return ending;
  }
}

// ---- issue 15 line 7: what the end of term still needs ----
/** What a term needs before it ends, in the order shown. */
export const TERM_END_GAPS = ['summary', 'appraisal', 'assessment', 'archive'] as const;
export type TermEndGap = (typeof TERM_END_GAPS)[number];

/** The months from `from` to `to` (YYYY-MM, both included). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; ) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return months;
}

/**
 * What each ending term still lacks: the cadre's term summary, the countersigned appraisal, the
 * grade of a published 期满考核, and for the archive list the monthly reports signed off for
 * every month on post up to last month (`unsigned`: how many are not).
 */
export async function termEndGaps(
  ctx: AppContext,
  ending: Ending[],
): Promise<Map<string, { gaps: TermEndGap[]; unsigned: number }>> {
  const facts = await termEndFacts(
    ctx.db,
    ending.map((p) => p.id),
  );
  const lastMonth = previousMonth(chinaDate(ctx.clock.now()).slice(0, 7));
  return new Map(
    ending.map((p) => {
      const f = facts.get(p.id);
      const last = p.endDate.slice(0, 7) < lastMonth ? p.endDate.slice(0, 7) : lastMonth;
      const due = p.startDate ? monthsBetween(p.startDate.slice(0, 7), last) : [];
      const unsigned = due.filter((m) => !f?.signedMonths.has(m)).length;
      const missing: Record<TermEndGap, boolean> = {
        summary: !f?.appraisal?.summary,
        appraisal: f?.appraisal?.status !== 'countersigned',
        assessment: !f?.assessed,
        archive: unsigned > 0,
      };
      return [p.id, { gaps: TERM_END_GAPS.filter((g) => missing[g]), unsigned }];
    }),
  );
}

/** One party's terms ending in 30 days, with how many of them lack each piece. */
async function termsEndingItem(ctx: AppContext, actor: Actor, role: Role): Promise<HomeItem[]> {
  const ending = await endingSoon(ctx, actor, role);
  if (!ending.length) return [];
  const gaps = [...(await termEndGaps(ctx, ending)).values()];
  const lacking = TERM_END_GAPS.map((g) => ({ g, n: gaps.filter((x) => x.gaps.includes(g)).length })).filter(
    (x) => x.n > 0,
  );
  return item({
    kind: 'termsEnding',
    count: ending.length,
    link: postingsLink('active', '&sort=endDate&order=asc'),
    detail: lacking.length
      ? t('home.termEnd.missing', {
          list: lacking
            .map((x) => t('home.termEnd.count', { what: t(`home.termEnd.gap.${x.g}`), count: x.n }))
            .join('、'),
        })
      : t('home.termEnd.complete'),
    urgent: true,
  });
}

/** The cadre's own term ending in 30 days: the day, the days left, and what it still lacks. */
async function myTermEndingItem(ctx: AppContext, p: Posting): Promise<HomeItem[]> {
  const left = daysBetween(chinaDate(ctx.clock.now()), p.endDate);
  if (p.status !== 'active' || left < 0 || left > TERM_ENDING_DAYS) return [];
  const { gaps, unsigned } = (await termEndGaps(ctx, [p])).get(p.id) ?? { gaps: [], unsigned: 0 };
  const what = (g: TermEndGap) =>
    g === 'archive'
      ? t('home.termEnd.unsigned', { what: t('home.termEnd.gap.archive'), months: unsigned })
      : t(`home.termEnd.gap.${g}`);
  return item({
    kind: 'myTermEnding',
    count: 1,
    link: '/appraisals',
    params: { endDate: p.endDate, days: left },
    detail: gaps.length
      ? t('home.termEnd.missing', { list: gaps.map(what).join('、') })
      : t('home.termEnd.complete'),
    next: gaps.includes('summary') ? t('home.termEnd.next.summary') : null,
    urgent: true,
  });
}
// ---- end issue 15 line 7 ----

/** One role's items; each role's builder in ROLE_ITEMS. */
type ItemsOf = (ctx: AppContext, actor: Actor) => Promise<HomeItem[]>;

async function orgDeptItems(ctx: AppContext, actor: Actor): Promise<HomeItem[]> {
  const reviewPosts = actingAs(actor, 'org_dept', 'posts.review');
  const reviewNominations = actingAs(actor, 'org_dept', 'nominations.review');
  const batches = actingAs(actor, 'org_dept', 'batches.read');
  const [postsWaiting, nominationsWaiting, preparing, selecting, onPost, ending, counts] = await Promise.all([
    total(posts.list(ctx, reviewPosts, zPostListQuery.parse({ ...ONE, status: 'submitted' }))),
    total(
      nominations.list(ctx, reviewNominations, zNominationListQuery.parse({ ...ONE, status: 'submitted' })),
    ),
    total(programmes.listBatches(ctx, batches, zBatchListQuery.parse({ ...ONE, status: 'preparing' }))),
    total(programmes.listBatches(ctx, batches, zBatchListQuery.parse({ ...ONE, status: 'selecting' }))),
    total(programmes.listBatches(ctx, batches, zBatchListQuery.parse({ ...ONE, status: 'on_post' }))),
    termsEndingItem(ctx, actor, 'org_dept'),
    postingCounts(ctx, actor, 'org_dept'),
  ]);
  return [
    ...item({ kind: 'postsToReview', count: postsWaiting, link: '/demands?status=submitted', urgent: true }),
    ...item({
      kind: 'nominationsToReview',
      count: nominationsWaiting,
      link: '/recommendations?status=submitted',
      urgent: true,
    }),
    ...ending,
    ...item({ kind: 'handoversMissing', count: countOf(counts, 'proposed'), link: postingsLink('proposed') }),
    ...item({ kind: 'batchesPreparing', count: preparing, link: '/batches?status=preparing' }),
    ...item({ kind: 'batchesSelecting', count: selecting, link: '/batches?status=selecting' }),
    ...item({ kind: 'batchesOnPost', count: onPost, link: '/batches?status=on_post' }),
  ];
}

async function liaisonItems(ctx: AppContext, actor: Actor): Promise<HomeItem[]> {
  const nominating = actingAs(actor, 'sending_liaison', 'nominations.read');
  const reviewing = actingAs(actor, 'sending_liaison', 'corrections.review');
  const [pending, toReview, counts, ending] = await Promise.all([
    total(nominations.list(ctx, nominating, zNominationListQuery.parse({ ...ONE, status: 'submitted' }))),
    total(corrections.list(ctx, reviewing, zCorrectionListQuery.parse({ ...ONE, status: 'pending' }))),
    postingCounts(ctx, actor, 'sending_liaison'),
    termsEndingItem(ctx, actor, 'sending_liaison'),
  ]);
  return [
    ...item({
      kind: 'correctionsToReview',
      count: toReview,
      link: '/corrections?status=pending',
      urgent: true,
    }),
    ...ending,
    ...item({
      kind: 'cadresToReturn',
      count: countOf(counts, 'ended'),
      link: postingsLink('ended'),
      urgent: true,
    }),
    ...item({ kind: 'nominationsPending', count: pending, link: '/recommendations?status=submitted' }),
    ...item({ kind: 'cadresProposed', count: countOf(counts, 'proposed'), link: postingsLink('proposed') }),
    ...item({ kind: 'cadresOnPost', count: countOf(counts, 'active'), link: postingsLink('active') }),
  ];
}

async function managerItems(ctx: AppContext, actor: Actor): Promise<HomeItem[]> {
  const writer = actingAs(actor, 'receiving_manager', 'posts.update');
  const [returned, drafts, counts, ending] = await Promise.all([
    total(posts.list(ctx, writer, zPostListQuery.parse({ ...ONE, status: 'returned' }))),
    total(posts.list(ctx, writer, zPostListQuery.parse({ ...ONE, status: 'draft' }))),
    postingCounts(ctx, actor, 'receiving_manager'),
    termsEndingItem(ctx, actor, 'receiving_manager'),
  ]);
  // achievements (issue 13 line 7): claimed entries of the unit's postings wait for verification
  const toVerify = await total(
    achievements.list(
      ctx,
      actingAs(actor, 'receiving_manager', 'achievements.review'),
      zAchievementListQuery.parse({ ...ONE, view: 'todo' }),
    ),
  );
  return [
    ...item({ kind: 'achievementsToVerify', count: toVerify, link: '/achievements?view=todo', urgent: true }),
    ...ending,
    // the 对接 records the real start and the duties agreed: both wait on the receiving unit
    ...item({
      kind: 'handoversToRecord',
      count: countOf(counts, 'proposed'),
      link: postingsLink('proposed'),
      urgent: true,
    }),
    ...item({ kind: 'postsReturned', count: returned, link: '/demands?status=returned', urgent: true }),
    ...item({ kind: 'postsDraft', count: drafts, link: '/demands?status=draft' }),
    ...item({ kind: 'hostedOnPost', count: countOf(counts, 'active'), link: postingsLink('active') }),
    // issue 13 line 3: attendance
    ...(await attendanceManagerItems(ctx, actor)),
  ];
}

/** The statuses in which a cadre's own posting is shown on the home page, with what comes next. */
const SHOWN_POSTING: readonly PostingStatus[] = ['proposed', 'active', 'ended'];

/** The cadre's own posting: where, when, the duties, and what comes next. */
function myPosting(p: Posting): HomeItem[] {
  const status = p.status as 'proposed' | 'active' | 'ended';
  const duties = p.duties.length
    ? p.duties.map((d) => `${t(`dutyKind.${d.kind}`)}${d.area}`).join('、')
    : t('home.posting.noDuties');
  const dates = `${p.startDate ?? p.plannedStart} 至 ${p.endDate}`;
  return item({
    kind: 'myPosting',
    count: 1,
    link: `/postings/${p.id}`,
    params: { title: `${p.receivingUnitName} ${p.title}`, status: t(`postingStatus.${status}`) },
    detail: t('home.posting.detail', {
      region: p.receivingRegionName,
      dates,
      duties: status === 'proposed' ? t('home.posting.noDuties') : duties,
    }),
    next: t(`home.posting.next.${status}`),
    urgent: status !== 'active',
  });
}

async function cadreItems(ctx: AppContext, actor: Actor): Promise<HomeItem[]> {
  const self = actingAs(actor, 'cadre', 'corrections.read');
  const [pending, own] = await Promise.all([
    total(corrections.list(ctx, self, zCorrectionListQuery.parse({ ...ONE, status: 'pending' }))),
    postings.list(
      ctx,
      actingAs(actor, 'cadre', 'postings.read'),
      zPostingListQuery.parse({ page: 1, pageSize: 5, sort: 'createdAt', order: 'desc' }),
    ),
  ]);
  const current = own.items.find((p) => SHOWN_POSTING.includes(p.status));
  // achievements (issue 13 line 7): the cadre's returned entries wait for an edit and a new claim
  const returned = await total(
    achievements.list(
      ctx,
      actingAs(actor, 'cadre', 'achievements.update'),
      zAchievementListQuery.parse({ ...ONE, view: 'mine', status: 'returned' }),
    ),
  );
  return [
    ...(current ? myPosting(current) : []),
    ...(current ? await myTermEndingItem(ctx, current) : []),
    ...item({ kind: 'myCorrections', count: pending, link: '/my-profile' }),
    ...item({
      kind: 'achievementsReturned',
      count: returned,
      link: '/achievements?view=mine&status=returned',
      urgent: true,
    }),
    // issue 13 line 3: attendance
    ...(current?.status === 'active' ? await attendanceCadreItems(ctx, current) : []),
  ];
}

// ---- issue 13 line 3: attendance (ADR 031) ----
/** The receiving unit: this month's far check-ins, and last month's postings lacking records. */
async function attendanceManagerItems(ctx: AppContext, actor: Actor): Promise<HomeItem[]> {
  const scope = actingAs(actor, 'receiving_manager', 'attendance.record').scope;
  const month = chinaDate(ctx.clock.now()).slice(0, 7);
  const last = previousMonth(month);
  const [far, incomplete] = await Promise.all([
    attendance.farCheckIns(ctx.db, scope.unitIds, month),
    attendance.incompleteRows(ctx, scope, last, scope.unitIds),
  ]);
  return [
    ...item({ kind: 'attendanceFar', count: far, link: `/attendance?month=${month}`, urgent: true }),
    ...item({
      kind: 'attendanceIncomplete',
      count: incomplete.length,
      link: `/attendance?month=${last}`,
      urgent: true,
    }),
  ];
}

/** The cadre on post: not yet checked in today (within the posting's dates). */
async function attendanceCadreItems(ctx: AppContext, p: Posting): Promise<HomeItem[]> {
  const day = chinaDate(ctx.clock.now());
  if (!p.startDate || day < p.startDate || day > p.endDate) return [];
  const done = await attendance.recordedToday(ctx, p.id);
  return item({ kind: 'attendanceToday', count: done ? 0 : 1, link: '/check-in', urgent: true });
}
// ---- end attendance ----

/** The business roles with a home section, in the order shown; the administrators have none. */
const ROLE_ITEMS: Partial<Record<Role, ItemsOf>> = {
  org_dept: orgDeptItems,
  sending_liaison: liaisonItems,
  receiving_manager: managerItems,
  cadre: cadreItems,
};

/** The caller's home: one section per business role it holds (none for the 三员). */
export async function home(ctx: AppContext, actor: Actor): Promise<Home> {
  const roles = (Object.keys(ROLE_ITEMS) as Role[]).filter((role) => actor.roles.includes(role));
  const sections: HomeSection[] = await Promise.all(
    roles.map(async (role) => ({
      role,
      title: t(`home.section.${role}` as MessageKey),
      items: await (ROLE_ITEMS[role] as ItemsOf)(ctx, actor),
      empty: t(`home.empty.${role}` as MessageKey),
    })),
  );
  return { sections };
}
