import { Select } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  PROGRAMME_KINDS,
  type ProgrammeListParams,
  zProgrammeListQuery,
} from '../../../common/programmes/programmes.schema';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import { RegionCascader } from '../regions/region-cascader.component';
import type { ProgrammeListChange } from './programmes.hooks';

type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const programmeKindOptions = PROGRAMME_KINDS.map((kind) => ({
  value: kind,
  label: t(`programmeKind.${kind}`),
}));

export interface ProgrammesFilterProps {
  params: ProgrammeListParams;
  onChange: (change: ProgrammeListChange) => void;
  onReset: () => void;
}

/** Search box (Enter or 查询), kind and organising region; selects apply at once. */
export function ProgrammesFilter({ params, onChange, onReset }: ProgrammesFilterProps) {
  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('programmes.searchPlaceholder')}
      label={t('programmes.searchLabel')}
      maxLength={maxLengthOf(zProgrammeListQuery.shape.q)}
    >
      <Select<ProgrammeKind>
        className="filter-bar__select"
        value={params.kind}
        onChange={(kind) => onChange({ kind: kind ?? undefined })}
        options={programmeKindOptions}
        placeholder={t('programmes.kindPlaceholder')}
        aria-label={t('programmes.filterKind')}
        allowClear
      />
      <RegionCascader
        className="filter-bar__region"
        value={params.regionCode}
        onChange={(code) => onChange({ regionCode: code ?? undefined })}
        placeholder={t('programmes.regionPlaceholder')}
        aria-label={t('programmes.filterRegion')}
      />
    </FilterBar>
  );
}
