import { Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import type { Batch } from '../../../common/programmes/programmes.schema';
import { useBatchById, useBatchSearch } from '../api/options.hooks';
import { SearchSelect } from './search-select.component';

export interface BatchSelectProps {
  value?: string | null | undefined;
  onChange?: (id: string | undefined) => void;
  /** Only batches that still take post requests and nominations (筹备 / 选派). */
  openOnly?: boolean;
  /** What the list says when no batch is found (default: by `openOnly`). */
  emptyText?: string;
  allowClear?: boolean;
  id?: string;
  className?: string;
  style?: React.CSSProperties;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

// one hook per kind of list, so the picker calls a hook, not a closure (openOnly is fixed per picker)
const useOpenBatchSearch = (q: string) => useBatchSearch(q, true);
const useAnyBatchSearch = (q: string) => useBatchSearch(q, false);

/** A batch named by programme and batch (第一批 repeats across programmes). */
export const batchLabel = (batch: Pick<Batch, 'programmeName' | 'name'>) =>
  t('nominations.batchLabel', { programme: batch.programmeName, batch: batch.name });

/**
 * Picks a batch, named by programme and batch, with its stage: the server is searched as the user
 * types, so every batch the user may see can be reached (not only the newest page of them).
 */
export function BatchSelect({ openOnly = false, emptyText, ...rest }: BatchSelectProps) {
  return (
    <SearchSelect<Batch>
      {...rest}
      useSearch={openOnly ? useOpenBatchSearch : useAnyBatchSearch}
      useById={useBatchById}
      idOf={(b) => b.id}
      labelOf={batchLabel}
      detailOf={(b) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`batchStatus.${b.status}`)} · {b.plannedStart} ~ {b.plannedEnd}
        </Typography.Text>
      )}
      errorText={t('posts.batchesLoadFailed')}
      emptyText={emptyText ?? (openOnly ? t('posts.noOpenBatch') : undefined)}
    />
  );
}
