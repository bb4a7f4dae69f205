import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { RANK_LEVELS, type RankLevel } from '../../../common/cadres/cadre-enums';
import type { CadreListParams } from '../../../common/cadres/cadres.schema';
import { zCadreListQuery } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import { NOMINATION_STATUSES, type NominationStatus } from '../../../common/nominations/nominations.schema';
import { useAllowed } from '../access/access.hooks';
import { unitKeys } from '../api/query-keys';
import { BatchSelect } from '../common/batch-select.component';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import { RegionCascader } from '../regions/region-cascader.component';
import { UnitSelect } from '../units/unit-select.component';
import { fetchUnit } from '../units/units.api';
import { useExpertiseOptions } from './cadres.api';
import type { CadreListChange } from './cadres.hooks';

const rankOptions = RANK_LEVELS.map((level) => ({ value: level, label: t(`rankLevel.${level}`) }));

const nominationOptions = NOMINATION_STATUSES.map((status) => ({
  value: status,
  label: t(`nominationStatus.${status}`),
}));

type Reserve = 'yes' | 'no';
const reserveOptions: { value: Reserve; label: string }[] = [
  { value: 'yes', label: t('cadres.reserveYes') },
  { value: 'no', label: t('cadres.reserveNo') },
];

export interface CadresFilterProps {
  params: CadreListParams;
  onChange: (change: CadreListChange) => void;
  onReset: () => void;
}

/**
 * Search box (Enter or 查询), rank, reserve, region, unit, expertise, and — for those who read
 * batches — batch and nomination status; selects apply at once.
 */
export function CadresFilter({ params, onChange, onReset }: CadresFilterProps) {
  const canReadBatches = useAllowed()('batches.read');
  const expertise = useExpertiseOptions();
  // the chosen unit's name, for a link that carries only its id
  const unit = useQuery({
    queryKey: unitKeys.detail(params.unitId ?? ''),
    queryFn: ({ signal }) => fetchUnit(params.unitId ?? '', signal),
    enabled: Boolean(params.unitId),
    staleTime: 60_000,
  });
  const reserve: Reserve | undefined =
    params.reserve === undefined ? undefined : params.reserve ? 'yes' : 'no';

  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('cadres.searchPlaceholder')}
      label={t('cadres.searchPlaceholder')}
      maxLength={maxLengthOf(zCadreListQuery.shape.q)}
    >
      <Select<RankLevel>
        className="filter-bar__select"
        value={params.rankLevel}
        onChange={(rankLevel) => onChange({ rankLevel: rankLevel ?? undefined })}
        options={rankOptions}
        placeholder={t('cadres.rankPlaceholder')}
        aria-label={t('cadres.filterRank')}
        allowClear
      />
      <Select<Reserve>
        className="filter-bar__select"
        value={reserve}
        onChange={(value) => onChange({ reserve: value === undefined ? undefined : value === 'yes' })}
        options={reserveOptions}
        placeholder={t('cadres.reservePlaceholder')}
        aria-label={t('cadres.filterReserve')}
        allowClear
      />
      <RegionCascader
        className="filter-bar__region"
        value={params.regionCode}
        onChange={(code) => onChange({ regionCode: code ?? undefined })}
        placeholder={t('cadres.regionPlaceholder')}
        aria-label={t('cadres.filterRegion')}
      />
      <UnitSelect
        className="filter-bar__region"
        value={params.unitId}
        valueLabel={unit.data?.name}
        onChange={(unitId) => onChange({ unitId: unitId ?? undefined })}
        placeholder={t('cadreList.unitPlaceholder')}
        aria-label={t('cadreList.filterUnit')}
      />
      <Select<string>
        className="filter-bar__select"
        value={params.expertise}
        onChange={(tag) => onChange({ expertise: tag ?? undefined })}
        options={expertise.data}
        loading={expertise.isPending}
        showSearch
        placeholder={t('cadreList.expertisePlaceholder')}
        aria-label={t('cadreList.filterExpertise')}
        allowClear
        popupMatchSelectWidth={false}
      />
      {canReadBatches ? (
        <>
          <BatchSelect
            className="filter-bar__region"
            value={params.batchId}
            onChange={(batchId) => onChange({ batchId })}
            placeholder={t('cadreList.batchPlaceholder')}
            aria-label={t('cadreList.filterBatch')}
          />
          <Select<NominationStatus>
            className="filter-bar__select"
            value={params.nominationStatus}
            onChange={(status) => onChange({ nominationStatus: status ?? undefined })}
            options={nominationOptions}
            placeholder={t('cadreList.nominationPlaceholder')}
            aria-label={t('cadreList.filterNomination')}
            allowClear
          />
        </>
      ) : null}
    </FilterBar>
  );
}
