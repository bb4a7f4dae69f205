import { Select } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  NOMINATION_STATUSES,
  type NominationListParams,
  type NominationStatus,
  zNominationListQuery,
} from '../../../common/nominations/nominations.schema';
import { BatchSelect } from '../common/batch-select.component';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import { UnitSelect } from '../units/unit-select.component';
import type { NominationListChange } from './nominations.hooks';

const statusOptions = NOMINATION_STATUSES.map((status) => ({
  value: status,
  label: t(`nominationStatus.${status}`),
}));

type Eligible = 'yes' | 'no';
const eligibleOptions: { value: Eligible; label: string }[] = [
  { value: 'yes', label: t('nominations.eligible') },
  { value: 'no', label: t('nominations.ineligible') },
];

export interface NominationsFilterProps {
  params: NominationListParams;
  onChange: (change: NominationListChange) => void;
  onReset: () => void;
  /** The 组织部 filters by sending unit; a liaison sees only its own. */
  byUnit: boolean;
}

/** Search box (Enter or 查询), batch, unit, status and eligibility; selects apply at once. */
export function NominationsFilter({ params, onChange, onReset, byUnit }: NominationsFilterProps) {
  const eligible: Eligible | undefined =
    params.eligible === undefined ? undefined : params.eligible ? 'yes' : 'no';

  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('nominations.searchPlaceholder')}
      label={t('nominations.searchLabel')}
      maxLength={maxLengthOf(zNominationListQuery.shape.q)}
    >
      <BatchSelect
        className="filter-bar__region"
        value={params.batchId}
        onChange={(batchId) => onChange({ batchId })}
        placeholder={t('nominations.batchPlaceholder')}
        aria-label={t('nominations.filterBatch')}
      />
      {byUnit ? (
        <UnitSelect
          className="filter-bar__region"
          aria-label={t('nominations.filterUnit')}
          value={params.unitId}
          onChange={(unitId) => onChange({ unitId: unitId ?? undefined })}
          placeholder={t('nominations.unitPlaceholder')}
        />
      ) : null}
      <Select<NominationStatus>
        className="filter-bar__select"
        value={params.status}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={statusOptions}
        placeholder={t('nominations.statusPlaceholder')}
        aria-label={t('nominations.filterStatus')}
        allowClear
      />
      <Select<Eligible>
        className="filter-bar__select"
        value={eligible}
        onChange={(value) => onChange({ eligible: value === undefined ? undefined : value === 'yes' })}
        options={eligibleOptions}
        placeholder={t('nominations.eligiblePlaceholder')}
        aria-label={t('nominations.filterEligible')}
        allowClear
      />
    </FilterBar>
  );
}
