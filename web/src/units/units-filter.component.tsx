import { Select } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  UNIT_KINDS,
  type UnitKind,
  type UnitListParams,
  zUnitListQuery,
} from '../../../common/units/units.schema';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import { RegionCascader } from '../regions/region-cascader.component';
import type { UnitListChange } from './units.hooks';

const kindOptions = UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }));

type Status = 'all' | 'active' | 'inactive';
const statusOptions: { value: Status; label: string }[] = [
  { value: 'all', label: t('common.all') },
  { value: 'active', label: t('units.active') },
  { value: 'inactive', label: t('units.inactive') },
];

export interface UnitsFilterProps {
  params: UnitListParams;
  onChange: (change: UnitListChange) => void;
  onReset: () => void;
}

/** Search box (Enter or 查询), kind, region and status; selects apply at once. */
export function UnitsFilter({ params, onChange, onReset }: UnitsFilterProps) {
  const status: Status = params.active === undefined ? 'all' : params.active ? 'active' : 'inactive';

  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('units.searchPlaceholder')}
      label={t('units.searchPlaceholder')}
      maxLength={maxLengthOf(zUnitListQuery.shape.q)}
    >
      <Select<UnitKind>
        className="filter-bar__select"
        value={params.kind}
        onChange={(kind) => onChange({ kind: kind ?? undefined })}
        options={kindOptions}
        placeholder={t('units.kindPlaceholder')}
        aria-label={t('units.filterKind')}
        allowClear
      />
      <RegionCascader
        className="filter-bar__region"
        value={params.regionCode}
        onChange={(code) => onChange({ regionCode: code ?? undefined })}
        placeholder={t('units.regionPlaceholder')}
        aria-label={t('units.filterRegion')}
      />
      <Select<Status>
        className="filter-bar__select"
        value={status}
        onChange={(value) => onChange({ active: value === 'all' ? undefined : value === 'active' })}
        options={statusOptions}
        aria-label={t('units.filterStatus')}
        prefix={`${t('units.statusPlaceholder')}：`}
      />
    </FilterBar>
  );
}
