import { Select } from 'antd';
import {
  CORRECTION_STATUSES,
  type CorrectionListParams,
  type CorrectionStatus,
  zCorrectionListQuery,
} from '../../../common/corrections/corrections.schema';
import { t } from '../../../common/i18n/index';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';

const statusOptions = CORRECTION_STATUSES.map((s) => ({ value: s, label: t(`correctionStatus.${s}`) }));

export interface CorrectionsFilterProps {
  params: CorrectionListParams;
  onChange: (change: Partial<CorrectionListParams>) => void;
  onReset: () => void;
}

/** The cadre's name (Enter or 查询) and the status (applies at once). */
export function CorrectionsFilter({ params, onChange, onReset }: CorrectionsFilterProps) {
  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('corrections.searchPlaceholder')}
      label={t('corrections.search')}
      maxLength={maxLengthOf(zCorrectionListQuery.shape.q)}
    >
      <Select<CorrectionStatus>
        className="filter-bar__select"
        value={params.status}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={statusOptions}
        placeholder={t('corrections.col.status')}
        aria-label={t('corrections.statusFilter')}
        allowClear
      />
    </FilterBar>
  );
}
