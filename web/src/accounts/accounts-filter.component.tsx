import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountListParams } from '../../../common/accounts/accounts.schema';
import { ROLES, type Role } from '../../../common/auth/auth.schema';
import { t } from '../../../common/i18n/index';

const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

type Status = 'all' | 'active' | 'inactive';
const statusOptions: { value: Status; label: string }[] = [
  { value: 'all', label: t('common.all') },
  { value: 'active', label: t('accounts.active') },
  { value: 'inactive', label: t('accounts.inactive') },
];

export interface AccountsFilterProps {
  params: AccountListParams;
  onChange: (change: Partial<AccountListParams>) => void;
  onReset: () => void;
}

/** Search box (Enter or 查询), role and status; selects apply at once. */
export function AccountsFilter({ params, onChange, onReset }: AccountsFilterProps) {
  const [q, setQ] = useState(params.q ?? '');
  // follow the URL when it changes from outside (back button, 重置, a shared link)
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const search = () => onChange({ q: q.trim() || undefined });
  const status: Status = params.active === undefined ? 'all' : params.active ? 'active' : 'inactive';

  return (
    <Flex wrap gap={8} className="filter-bar" role="search">
      <Input
        className="filter-bar__search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={search}
        placeholder={t('accounts.searchPlaceholder')}
        aria-label={t('accounts.searchLabel')}
        prefix={<SearchOutlined />}
        allowClear
        maxLength={50}
      />
      <Select<Role>
        className="filter-bar__select"
        value={params.role}
        onChange={(role) => onChange({ role: role ?? undefined })}
        options={roleOptions}
        placeholder={t('accounts.rolePlaceholder')}
        aria-label={t('accounts.filterRole')}
        allowClear
      />
      <Select<Status>
        className="filter-bar__select"
        value={status}
        onChange={(value) => onChange({ active: value === 'all' ? undefined : value === 'active' })}
        options={statusOptions}
        aria-label={t('accounts.filterStatus')}
        prefix={`${t('accounts.statusPlaceholder')}：`}
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
