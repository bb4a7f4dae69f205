import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import {
  CORRECTION_STATUSES,
  type CorrectionListParams,
  type CorrectionStatus,
} from '../../../common/corrections/corrections.schema';
import { t } from '../../../common/i18n/index';

const statusOptions = CORRECTION_STATUSES.map((s) => ({ value: s, label: t(`correctionStatus.${s}`) }));

export interface CorrectionsFilterProps {
  params: CorrectionListParams;
  onChange: (change: Partial<CorrectionListParams>) => void;
  onReset: () => void;
}

/** The cadre's name (Enter or 查询) and the status (applies at once). */
export function CorrectionsFilter({ params, onChange, onReset }: CorrectionsFilterProps) {
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
        placeholder={t('corrections.searchPlaceholder')}
        aria-label={t('corrections.search')}
        prefix={<SearchOutlined />}
        allowClear
        maxLength={30}
      />
      <Select<CorrectionStatus>
        className="filter-bar__select"
        value={params.status}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={statusOptions}
        placeholder={t('corrections.col.status')}
        aria-label={t('corrections.statusFilter')}
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
