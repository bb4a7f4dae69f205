import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { RANK_LEVELS, type RankLevel } from '../../../common/cadres/cadre-enums';
import type { CadreListParams } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import { RegionCascader } from '../regions/region-cascader.component';
import type { CadreListChange } from './cadres.hooks';

const rankOptions = RANK_LEVELS.map((level) => ({ value: level, label: t(`rankLevel.${level}`) }));

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

/** Search box (Enter or 查询), rank, reserve and region; selects apply at once. */
export function CadresFilter({ params, onChange, onReset }: CadresFilterProps) {
  const [q, setQ] = useState(params.q ?? '');
  // follow the URL when it changes from outside (back button, 重置, a shared link)
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const search = () => onChange({ q: q.trim() || undefined });
  const reserve: Reserve | undefined =
    params.reserve === undefined ? undefined : params.reserve ? 'yes' : 'no';

  return (
    <Flex wrap gap={8} className="filter-bar" role="search">
      <Input
        className="filter-bar__search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={search}
        placeholder={t('cadres.searchPlaceholder')}
        aria-label={t('cadres.searchPlaceholder')}
        prefix={<SearchOutlined />}
        allowClear
        maxLength={30}
      />
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
