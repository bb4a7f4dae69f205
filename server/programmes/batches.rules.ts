import { t } from '../../common/i18n/index.js';
import type { BatchCheck, BatchStatus } from '../../common/programmes/programmes.schema.js';
import { daysBetween } from '../core/clock.js';

/** What a batch's move looks at: counts of its nominations and post requests by status. */
export interface BatchWork {
  pendingPosts: number;
  /** Drafts and returned requests: never submitted, they lapse when the batch moves on. */
  unsubmittedPosts: number;
  pendingNominations: number;
  acceptedNominations: number;
}

/** A start further away than this is worth a warning when the batch goes 在岗. */
export const START_WARNING_DAYS = 7;

/**
 * The preconditions of moving a batch to `to` (pure: the caller counts, this judges).
 * Work still waiting for a decision blocks: it could no longer be decided once the batch has
 * moved on. Dates and an empty batch only warn: the 组织部 may have reasons, but must say so.
 * (Confirming the 人岗匹配 joins the 选派 → 在岗 checks with the matching capability.)
 */
export function batchChecks(
  batch: { plannedStart: string; plannedEnd: string },
  to: BatchStatus,
  work: BatchWork,
  today: string,
): { blocking: BatchCheck[]; warnings: BatchCheck[] } {
  const blocking: BatchCheck[] = [];
  const warnings: BatchCheck[] = [];
  const block = (code: string, message: string) => blocking.push({ code, message });
  const warn = (code: string, message: string) => warnings.push({ code, message });
  if (to === 'on_post') {
    if (work.pendingPosts > 0) block('pendingPosts', t('batch.check.pendingPosts', { n: work.pendingPosts }));
    if (work.pendingNominations > 0)
      block('pendingNominations', t('batch.check.pendingNominations', { n: work.pendingNominations }));
    if (work.unsubmittedPosts > 0)
      warn('unsubmittedPosts', t('batch.check.unsubmittedPosts', { n: work.unsubmittedPosts }));
    if (work.acceptedNominations === 0) warn('noAcceptedNominations', t('batch.check.noAcceptedNominations'));
    const days = daysBetween(today, batch.plannedStart);
    if (days > START_WARNING_DAYS)
      warn('startAhead', t('batch.check.startAhead', { date: batch.plannedStart, days }));
  }
  if (to === 'finished') {
    const days = daysBetween(today, batch.plannedEnd);
    if (days > 0) warn('endAhead', t('batch.check.endAhead', { date: batch.plannedEnd, days }));
  }
  return { blocking, warnings };
}
