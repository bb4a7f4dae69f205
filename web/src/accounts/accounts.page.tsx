import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Account } from '../../../common/accounts/accounts.schema';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { useMe } from '../auth/auth.api';
import { useConfirmAction } from '../common/confirm-action.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { AccountRoles } from './account-roles.component';
import {
  type AccountWithPassword,
  useAccountList,
  useDeleteAccount,
  useResetPassword,
  useResetTotp,
  useSetAccountActive,
  useUnlockAccount,
} from './accounts.api';
import { AccountFormModal } from './accounts.form';
import { hasAccountFilters, useAccountListSearch } from './accounts.hooks';
import { AccountsFilter } from './accounts-filter.component';
import { GrantsModal } from './grants.form';
import { OneTimePasswordModal } from './one-time-password.component';

const ROLES_MIN_WIDTH = 160;
const ACCOUNT_SORTS = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;

/**
 * 账号管理, for the system administrator (create, edit, deactivate, delete) and the security
 * administrator (roles and scopes, password resets, unlock, TOTP reset): each sees the
 * buttons of their own actions. Phone and ID number are shown as the server sends them: masked.
 */
export function AccountsPage() {
  const me = useMe();
  const [params, update, reset] = useAccountListSearch();
  const list = useAccountList(params);
  const allowed = useAllowed();
  const { message } = App.useApp();
  const confirm = useConfirmAction();
  const wide = useWide();

  const setActive = useSetAccountActive();
  const remove = useDeleteAccount();
  const resetPassword = useResetPassword();
  const unlock = useUnlockAccount();
  const resetTotp = useResetTotp();

  /** The form: closed (null), creating ({account: null}) or editing. */
  const [editing, setEditing] = useState<{ account: Account | null } | null>(null);
  const [granting, setGranting] = useState<Account | null>(null);
  const [oneTime, setOneTime] = useState<AccountWithPassword | null>(null);

  const can = {
    create: allowed('accounts.create'),
    update: allowed('accounts.update'),
    activate: allowed('accounts.activate'),
    remove: allowed('accounts.delete'),
    grant: allowed('accounts.grant'),
    resetPassword: allowed('accounts.resetPassword'),
    unlock: allowed('accounts.unlock'),
    resetTotp: allowed('accounts.resetTotp'),
  };
  const anyAction = Object.entries(can).some(([key, yes]) => key !== 'create' && yes);

  const data = list.data;
  const table = useListTable({ params, update, data, sorts: ACCOUNT_SORTS });

  const toggleActive = async (account: Account) => {
    const active = !account.active;
    try {
      const saved = await setActive.mutateAsync({ account, active });
      message.success(t(active ? 'accounts.activated' : 'accounts.deactivated', { name: saved.displayName }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const confirmDelete = (account: Account) =>
    confirm({
      title: t('accounts.confirmDelete', { name: account.displayName }),
      hint: t('accounts.confirmDeleteHint'),
      run: () => remove.mutateAsync(account),
      done: t('accounts.deleted', { name: account.displayName }),
    });

  const confirmResetPassword = (account: Account) =>
    confirm({
      title: t('accounts.confirmResetPassword', { name: account.displayName }),
      hint: t('accounts.confirmResetPasswordHint'),
      okText: t('accounts.resetPassword'),
      run: async () => setOneTime(await resetPassword.mutateAsync(account)),
      refused: t('accounts.actionFailed'),
    });

  const doUnlock = async (account: Account) => {
    try {
      await unlock.mutateAsync(account);
      message.success(t('accounts.unlocked', { name: account.displayName }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const confirmResetTotp = (account: Account) =>
    confirm({
      title: t('accounts.confirmResetTotp', { name: account.displayName }),
      hint: t('accounts.confirmResetTotpHint'),
      okText: t('accounts.resetTotp'),
      run: () => resetTotp.mutateAsync(account),
      done: t('accounts.totpReset', { name: account.displayName }),
      refused: t('accounts.actionFailed'),
    });

  /** The row's buttons: only the caller's own actions, and none on the caller's own account. */
  const actionsOf = (account: Account): ReactNode[] => {
    if (account.id === me.id) {
      return [
        <Typography.Text key="self" type="secondary">
          {t('accounts.self')}
        </Typography.Text>,
      ];
    }
    const out: ReactNode[] = [];
    if (can.update) {
      out.push(
        <Button key="edit" type="link" size="small" onClick={() => setEditing({ account })}>
          {t('common.edit')}
        </Button>,
      );
    }
    if (can.activate) {
      out.push(
        <Popconfirm
          key="active"
          title={t(account.active ? 'accounts.confirmDeactivate' : 'accounts.confirmActivate', {
            name: account.displayName,
          })}
          description={account.active ? t('accounts.confirmDeactivateHint') : undefined}
          okText={account.active ? t('accounts.deactivate') : t('accounts.activate')}
          cancelText={t('common.cancel')}
          onConfirm={() => toggleActive(account)}
        >
          <Button type="link" size="small">
            {account.active ? t('accounts.deactivate') : t('accounts.activate')}
          </Button>
        </Popconfirm>,
      );
    }
    if (can.remove && !account.active) {
      out.push(
        <Button key="delete" type="link" size="small" danger onClick={() => confirmDelete(account)}>
          {t('common.delete')}
        </Button>,
      );
    }
    if (can.grant) {
      out.push(
        <Button key="grant" type="link" size="small" onClick={() => setGranting(account)}>
          {t('accounts.grant')}
        </Button>,
      );
    }
    if (can.resetPassword) {
      out.push(
        <Button key="reset" type="link" size="small" onClick={() => confirmResetPassword(account)}>
          {t('accounts.resetPassword')}
        </Button>,
      );
    }
    if (can.unlock && account.locked) {
      out.push(
        <Popconfirm
          key="unlock"
          title={t('accounts.confirmUnlock', { name: account.displayName })}
          okText={t('accounts.unlock')}
          cancelText={t('common.cancel')}
          onConfirm={() => doUnlock(account)}
        >
          <Button type="link" size="small">
            {t('accounts.unlock')}
          </Button>
        </Popconfirm>,
      );
    }
    if (can.resetTotp && account.totpEnabled) {
      out.push(
        <Button key="totp" type="link" size="small" danger onClick={() => confirmResetTotp(account)}>
          {t('accounts.resetTotp')}
        </Button>,
      );
    }
    return out;
  };

  // widths fit 1366 px with the menu open; narrower screens scroll the table sideways
  const columns: TableColumnsType<Account> = [
    {
      key: 'username',
      dataIndex: 'username',
      title: t('accounts.col.username'),
      sorter: true,
      sortOrder: table.sortOrderOf('username'),
      width: 100,
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
    },
    {
      key: 'displayName',
      dataIndex: 'displayName',
      title: t('accounts.col.displayName'),
      sorter: true,
      sortOrder: table.sortOrderOf('displayName'),
      width: 120,
    },
    {
      key: 'roles',
      dataIndex: 'grants',
      title: t('accounts.col.roles'),
      render: (grants: Account['grants']) => <AccountRoles grants={grants} />,
    },
    {
      key: 'phone',
      dataIndex: 'phone',
      title: t('accounts.col.phone'),
      width: 112,
      render: (phone: string | null) => (phone ? <span className="mono nowrap">{phone}</span> : null),
    },
    {
      key: 'idNumber',
      dataIndex: 'idNumber',
      title: t('accounts.col.idNumber'),
      width: 168,
      render: (id: string | null) => (id ? <span className="mono nowrap">{id}</span> : null),
    },
    {
      key: 'status',
      title: t('accounts.col.status'),
      width: 72,
      render: (_: unknown, account: Account) => (
        <Flex gap={4} wrap>
          {account.active ? (
            <Tag color="success">{t('accounts.active')}</Tag>
          ) : (
            <Tag>{t('accounts.inactive')}</Tag>
          )}
          {account.locked ? <Tag color="error">{t('accounts.locked')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'totp',
      dataIndex: 'totpEnabled',
      title: t('accounts.col.totp'),
      width: 92,
      render: (enabled: boolean) =>
        enabled ? <Tag color="processing">{t('mfa.on')}</Tag> : <Tag>{t('mfa.off')}</Tag>,
    },
    {
      key: 'lastLoginAt',
      dataIndex: 'lastLoginAt',
      title: t('accounts.col.lastLogin'),
      sorter: true,
      sortOrder: table.sortOrderOf('lastLoginAt'),
      width: 140,
      render: (at: string | null) =>
        at ? (
          <span className="nowrap">{formatTime(at)}</span>
        ) : (
          <Typography.Text type="secondary">{t('accounts.neverLoggedIn')}</Typography.Text>
        ),
    },
    ...(anyAction
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: can.grant || can.resetPassword ? 156 : 136,
            fixed: wide ? ('right' as const) : undefined,
            render: (_: unknown, account: Account) => (
              <Flex gap={0} wrap className="row-actions">
                {actionsOf(account)}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  const tableWidth =
    columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 0), 0) +
    ROLES_MIN_WIDTH;

  const filtered = hasAccountFilters(params);

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          can.create ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ account: null })}
            >
              {t('accounts.create')}
            </Button>
          ) : undefined
        }
      />
      <Card className="list-card">
        <AccountsFilter params={params} onChange={update} onReset={reset} />
        <ListTable<Account>
          list={list}
          loadFailed={t('accounts.loadFailed')}
          empty={filtered ? t('accounts.emptyFiltered') : t('accounts.emptyAll')}
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          // the 角色 column takes what is left, at least ROLES_MIN_WIDTH (else the table scrolls)
          scroll={{ x: tableWidth }}
          // a dense table: it has many columns to fit beside the menu at 1366 px
          size="small"
        />
      </Card>
      <AccountFormModal
        open={editing !== null}
        account={editing?.account ?? null}
        onClose={() => setEditing(null)}
        onCreated={setOneTime}
      />
      <GrantsModal account={granting} onClose={() => setGranting(null)} />
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </>
  );
}
