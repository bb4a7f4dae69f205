import { BATCH_MOVES } from '../../../common/programmes/batch-moves';
import type { Batch, BatchStatus, Eligibility } from '../../../common/programmes/programmes.schema';
import { movesFrom } from '../../../common/status/status-moves';

export const programmeUrl = (id: string) => `/projects/${encodeURIComponent(id)}`;

/** The status a batch moves to next (the server's moves table: one step), or null once it has finished. */
export function nextStatus(status: BatchStatus): BatchStatus | null {
  return movesFrom(BATCH_MOVES, status)[0] ?? null;
}

export const quotaTotal = (batch: Batch) => batch.quotas.reduce((sum, q) => sum + q.quota, 0);

/** Tag colours of the batch statuses, from not started to done. */
export const STATUS_COLORS: Record<BatchStatus, string> = {
  preparing: 'default',
  selecting: 'processing',
  on_post: 'success',
  finished: 'purple',
};

/** The rank bands with an age cap, from the top. */
export const AGE_BANDS: readonly (keyof Eligibility['ageCaps'])[] = ['bureau', 'division', 'section'];
