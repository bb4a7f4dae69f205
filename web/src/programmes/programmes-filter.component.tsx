import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { PROGRAMME_KINDS, type ProgrammeListParams } from '../../../common/programmes/programmes.schema';
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
  const [q, setQ] = useState(params.q ?? '');
  // follow the URL when it changes from outside (back button, 重置, a shared link)
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const search = () => onChange({ q: q.trim() || undefined });

  return (
    <Flex wrap gap={8} className="filter-bar" role="search">
      <Input
        className="filter-bar__search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={search}
        placeholder={t('programmes.searchPlaceholder')}
        aria-label={t('programmes.searchLabel')}
        prefix={<SearchOutlined />}
        allowClear
        maxLength={30}
      />
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
