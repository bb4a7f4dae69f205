import { Select } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  BATCH_STATUSES,
  type BatchListParams,
  type BatchStatus,
  zBatchListQuery,
} from '../../../common/programmes/programmes.schema';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import type { BatchListChange } from './programmes.hooks';

const statusOptions = BATCH_STATUSES.map((status) => ({ value: status, label: t(`batchStatus.${status}`) }));

export interface BatchesFilterProps {
  params: BatchListParams;
  onChange: (change: BatchListChange) => void;
  onReset: () => void;
}

/** Search by batch or programme name (Enter or 查询) and the status, which applies at once. */
export function BatchesFilter({ params, onChange, onReset }: BatchesFilterProps) {
  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('batches.searchPlaceholder')}
      label={t('batches.searchLabel')}
      maxLength={maxLengthOf(zBatchListQuery.shape.q)}
    >
      <Select<BatchStatus>
        className="filter-bar__select"
        value={params.status}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={statusOptions}
        placeholder={t('batches.statusPlaceholder')}
        aria-label={t('batches.filterStatus')}
        allowClear
      />
    </FilterBar>
  );
}
