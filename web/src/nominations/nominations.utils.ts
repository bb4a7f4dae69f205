import { t } from '../../../common/i18n/index';
import type { Batch } from '../../../common/programmes/programmes.schema';

/** A batch named with its programme: batch names (第一批 …) repeat across programmes. */
export const batchLabel = (batch: Pick<Batch, 'programmeName' | 'name'>) =>
  t('nominations.batchLabel', { programme: batch.programmeName, batch: batch.name });
