import { zAchievementListQuery } from '../../common/achievements/achievements.schema.js';
import { documentDate } from '../../common/documents/documents-format.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import * as achievements from '../achievements/achievements.service.js';
import { chinaDate } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import type { PostingView } from '../postings/postings.repository.js';
import { dutiesOf } from '../postings/postings.service.js';
import { entriesBetween } from '../worklog/worklog.repository.js';

/**
 * Drafts assembled from a posting's records (issue 15 lines 2 and 4): the duties, the work log by
 * category with its latest entries, and the achievements the receiving unit verified with the
 * ledger's totals. The receiving unit's appraisal speaks of 该同志; the cadre's term summary and
 * 述职报告 speak as 本人. A draft is only a start: the writer edits it in the app.
 */
export type DraftVoice = 'unit' | 'self';

/** How many entry and achievement titles a draft names, newest first. */
const NAMED = 5;

export interface DraftPeriod {
  from: string;
  to: string;
}

/** The posting's term so far: from its start to its end, or to today while it runs. */
export function termOf(ctx: Pick<AppContext, 'clock'>, p: PostingView): DraftPeriod {
  const end = p.finishedOn ?? p.endDate;
  const now = chinaDate(ctx.clock.now());
  return { from: p.startDate ?? p.endDate, to: end < now ? end : now };
}

export async function recordDraft(
  ctx: AppContext,
  actor: Actor,
  p: PostingView,
  period: DraftPeriod,
  voice: DraftVoice,
): Promise<string> {
  const key = (k: string) => `appraisals.draft.${voice}.${k}` as MessageKey;
  const entries = await entriesBetween(ctx.db, p.id, period.from, period.to);
  const byCategory = new Map<string, number>();
  for (const e of entries) byCategory.set(e.category, (byCategory.get(e.category) ?? 0) + 1);
  const listed = await achievements.list(
    ctx,
    actor,
    zAchievementListQuery.parse({ postingId: p.id, status: 'verified', pageSize: 100, order: 'desc' }),
  );
  const verified = listed.items.filter((a) => a.date >= period.from && a.date <= period.to);
  const ledger = await achievements.totals(ctx, actor, {
    groupBy: 'posting',
    postingId: p.id,
    from: period.from,
    to: period.to,
  });
  const paragraphs = [
    t(key('posting'), {
      cadre: p.cadreName,
      sending: p.sendingUnitName,
      receiving: p.receivingUnitName,
      post: p.title,
      from: documentDate(period.from),
      to: documentDate(period.to),
      duties: dutiesOf(p) || t('appraisals.draft.noDuties'),
    }),
  ];
  if (entries.length === 0) paragraphs.push(t('appraisals.draft.noWork'));
  else
    paragraphs.push(
      t('appraisals.draft.work', {
        count: entries.length,
        categories: [...byCategory]
          .sort((a, b) => b[1] - a[1])
          .map(([c, n]) =>
            t('appraisals.draft.category', { category: t(`worklogCategory.${c}` as MessageKey), n }),
          )
          .join('、'),
        titles: [...entries]
          .sort((a, b) => (a.entryDate < b.entryDate ? 1 : -1))
          .slice(0, NAMED)
          .map((e) => e.title)
          .join('；'),
      }),
    );
  const totals = ledger.overall.filter((l) => l.verifiedCount > 0);
  if (totals.length === 0) paragraphs.push(t('appraisals.draft.noAchievements'));
  else
    paragraphs.push(
      t('appraisals.draft.achievements', {
        count: verified.length,
        totals: totals
          .map((l) =>
            t('appraisals.draft.total', {
              kind: t(`achievementKind.${l.kind}` as MessageKey),
              amount: l.verifiedDisplay ?? t('appraisals.draft.items', { n: l.verifiedCount }),
            }),
          )
          .join('，'),
        titles: verified
          .slice(0, NAMED)
          .map((a) => a.title)
          .join('；'),
      }),
    );
  paragraphs.push(t(key('closing')));
  return paragraphs.join('\n');
}
