import dayjs from 'dayjs';
import {
  BATCH_STATUSES,
  type Batch,
  type BatchStatus,
  type Eligibility,
} from '../../../common/programmes/programmes.schema';

export const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export const programmeUrl = (id: string) => `/projects/${encodeURIComponent(id)}`;

/** The status a batch moves to next, or null once it has finished. */
export function nextStatus(status: BatchStatus): BatchStatus | null {
  return BATCH_STATUSES[BATCH_STATUSES.indexOf(status) + 1] ?? null;
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
