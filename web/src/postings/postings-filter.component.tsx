import { Select } from 'antd';
import { t } from '../../../common/i18n/index';
import { POSTING_STATUSES, type PostingStatus } from '../../../common/postings/posting-moves';
import { type PostingListParams, zPostingListQuery } from '../../../common/postings/postings.schema';
import { BatchSelect } from '../common/batch-select.component';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import { UnitSelect } from '../units/unit-select.component';

const statusOptions = POSTING_STATUSES.map((status) => ({
  value: status,
  label: t(`postingStatus.${status}`),
}));

export interface PostingsFilterProps {
  params: PostingListParams;
  onChange: (change: Partial<PostingListParams>) => void;
  onReset: () => void;
  /** The batch filter, for those who read batches (not the cadre). */
  withBatch: boolean;
  /** The unit filter, for those who see more than their own unit (the 组织部). */
  withUnit: boolean;
  unitName?: string | undefined;
}

/** Search box (Enter or 查询), batch, status and unit; selects apply at once. */
export function PostingsFilter({
  params,
  onChange,
  onReset,
  withBatch,
  withUnit,
  unitName,
}: PostingsFilterProps) {
  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('postings.searchPlaceholder')}
      label={t('postings.searchLabel')}
      maxLength={maxLengthOf(zPostingListQuery.shape.q)}
    >
      {withBatch ? (
        <BatchSelect
          className="filter-bar__region"
          value={params.batchId}
          onChange={(batchId) => onChange({ batchId })}
          placeholder={t('postings.batchPlaceholder')}
          aria-label={t('postings.filterBatch')}
        />
      ) : null}
      <Select<PostingStatus>
        className="filter-bar__select"
        value={params.status}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={statusOptions}
        placeholder={t('postings.statusPlaceholder')}
        aria-label={t('postings.filterStatus')}
        allowClear
      />
      {withUnit ? (
        <UnitSelect
          className="filter-bar__region"
          aria-label={t('postings.filterUnit')}
          value={params.unitId}
          valueLabel={unitName}
          onChange={(unitId) => onChange({ unitId: unitId ?? undefined })}
          placeholder={t('postings.unitPlaceholder')}
        />
      ) : null}
    </FilterBar>
  );
}
