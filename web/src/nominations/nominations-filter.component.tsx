import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../../../common/i18n/index';
import {
  NOMINATION_STATUSES,
  type NominationListParams,
  type NominationStatus,
} from '../../../common/nominations/nominations.schema';
import { UnitSelect } from '../units/unit-select.component';
import { useBatchOptions } from './nominations.api';
import type { NominationListChange } from './nominations.hooks';
import { batchLabel } from './nominations.utils';

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
  const [q, setQ] = useState(params.q ?? '');
  // follow the URL when it changes from outside (back button, 重置, a shared link)
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  const batches = useBatchOptions();

  const search = () => onChange({ q: q.trim() || undefined });
  const eligible: Eligible | undefined =
    params.eligible === undefined ? undefined : params.eligible ? 'yes' : 'no';

  return (
    <Flex wrap gap={8} className="filter-bar" role="search">
      <Input
        className="filter-bar__search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={search}
        placeholder={t('nominations.searchPlaceholder')}
        aria-label={t('nominations.searchLabel')}
        prefix={<SearchOutlined />}
        allowClear
        maxLength={30}
      />
      <Select<string>
        className="filter-bar__region"
        value={params.batchId}
        onChange={(batchId) => onChange({ batchId: batchId ?? undefined })}
        options={(batches.data ?? []).map((batch) => ({ value: batch.id, label: batchLabel(batch) }))}
        loading={batches.isFetching}
        placeholder={t('nominations.batchPlaceholder')}
        aria-label={t('nominations.filterBatch')}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
      />
      {byUnit ? (
        <UnitSelect
          value={params.unitId}
          onChange={(unitId) => onChange({ unitId: unitId ?? undefined })}
          placeholder={t('nominations.unitPlaceholder')}
          {...{ className: 'filter-bar__region', 'aria-label': t('nominations.filterUnit') }}
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
      <Flex gap={8}>
        <Button type="primary" icon={<SearchOutlined aria-hidden />} onClick={search}>
          {t('common.search')}
        </Button>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => {
            setQ('');
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Flex>
  );
}
