import { Button, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { t } from '../../../common/i18n/index';
import type { Leave } from '../../../common/leave/leave.schema';
import { useAllowed } from '../access/access.hooks';
import { PageHeader } from '../common/page-header.component';
import { useLeaveList } from './leave.api';
import { LeaveFormModal } from './leave.form';
import { LeaveDetailDrawer } from './leave-detail.component';
import { LeaveStatusTag, periodOf } from './leave-tags.component';

/**
 * 请假: the cadre's own requests and the 请假 form; for the receiving unit and the 组织部 the
 * requests waiting for them (待审批, and 销假 to confirm) and every request they reach. The open
 * request is in the path (`/leave/:id`), so a notification links to it.
 */
export function LeavePage() {
  const allowed = useAllowed();
  const approver = allowed('leave.decide') || allowed('leave.confirmReturn');
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'todo' || (approver && !search.get('view')) ? 'todo' : 'all';
  const [page, setPage] = useState(1);
  const list = useLeaveList({ view, page, pageSize: 20, order: 'asc' });
  const [asking, setAsking] = useState(false);
  const viewing = useParams().id ?? null;
  const navigate = useNavigate();
  const open = (id: string | null) =>
    navigate(`/leave${id ? `/${encodeURIComponent(id)}` : ''}?view=${view}`);

  const columns: TableColumnsType<Leave> = [
    { key: 'cadre', dataIndex: 'cadreName', title: t('leave.col.cadre') },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('leave.col.kind'),
      render: (k: Leave['kind']) => t(`leaveKind.${k}`),
    },
    { key: 'period', title: t('leave.period'), render: (_: unknown, l) => periodOf(l) },
    { key: 'days', dataIndex: 'days', title: t('leave.days') },
    { key: 'status', title: t('leave.col.status'), render: (_: unknown, l) => <LeaveStatusTag leave={l} /> },
    {
      key: 'open',
      title: '',
      render: (_: unknown, l) => (
        <Button
          type="link"
          onClick={() => open(l.id)}
          aria-label={`${t('leave.detailTitle')} ${l.cadreName} ${l.startDate}`}
        >
          {t('leave.detailTitle')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={approver ? t('leave.todoTitle') : t('leave.title')}
        extra={
          allowed('leave.create') ? (
            <Button type="primary" onClick={() => setAsking(true)}>
              {t('leave.new')}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={view}
        onChange={(key) => {
          setPage(1);
          setSearch({ view: key });
        }}
        items={[
          ...(approver ? [{ key: 'todo', label: t('leave.tab.todo') }] : []),
          { key: 'all', label: t('leave.tab.all') },
        ]}
      />
      {list.isError ? <Typography.Text type="danger">{t('leave.loadFailed')}</Typography.Text> : null}
      <Table<Leave>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
      <LeaveFormModal open={asking} onClose={() => setAsking(false)} />
      <LeaveDetailDrawer id={viewing} onClose={() => open(null)} />
    </>
  );
}
