import { Select } from 'antd';
import type { AccountListParams } from '../../../common/accounts/accounts.schema';
import { zAccountListQuery } from '../../../common/accounts/accounts.schema';
import { ROLES, type Role } from '../../../common/auth/auth.schema';
import { t } from '../../../common/i18n/index';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';

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
  const status: Status = params.active === undefined ? 'all' : params.active ? 'active' : 'inactive';

  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('accounts.searchPlaceholder')}
      label={t('accounts.searchLabel')}
      maxLength={maxLengthOf(zAccountListQuery.shape.q)}
    >
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
    </FilterBar>
  );
}
