import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type {
  NominationView as Nomination,
  NominationListParams,
  NominationStatus,
} from '../../../common/nominations/nominations.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { cameFrom } from '../common/came-from.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { EligibilityLine } from './eligibility.component';
import { NominateModal } from './nominate.form';
import { NominationDetailDrawer } from './nomination-detail.component';
import { NominationStatusTag } from './nomination-status.component';
import { useNominationList, useWithdrawNomination } from './nominations.api';
import { hasNominationFilters, useNominationListSearch } from './nominations.hooks';
import { NominationsFilter } from './nominations-filter.component';
import { ReviewModal, type ReviewTarget } from './review.form';

type NominationSort = NominationListParams['sort'];
const SORTS: readonly NominationSort[] = ['createdAt', 'status'];

/**
 * 选派推荐: the sending liaison nominates its unit's cadres (with a justification when one falls
 * outside the batch's rules) and withdraws; the 组织部 accepts or refuses. Filters, sort and
 * page live in the URL.
 */
export function NominationsPage() {
  const [params, update, reset] = useNominationListSearch();
  const list = useNominationList(params);
  const allowed = useAllowed();
  const canNominate = allowed('nominations.create');
  const canReview = allowed('nominations.review');
  const { message } = App.useApp();
  const location = useLocation();
  const withdraw = useWithdrawNomination();
  const wide = useWide();
  const [nominating, setNominating] = useState(false);
  const [reviewing, setReviewing] = useState<ReviewTarget | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const data = list.data;
  const table = useListTable({ params, update, data, sorts: SORTS });

  const withdrawOne = async (n: Nomination) => {
    try {
      await withdraw.mutateAsync({ id: n.id, version: n.version });
      message.success(t('nominations.withdrawn', { name: n.cadreName }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  // each row's buttons are those its answer lists (ADR 027), while the nomination awaits review
  const rowActions = (n: Nomination) => {
    const open = (
      <Button type="link" size="small" onClick={() => setViewing(n.id)}>
        {t('nominations.detail')}
      </Button>
    );
    if (n.status !== 'submitted') return open;
    return (
      <Flex wrap className="row-actions">
        {open}
        {n.actions.includes('review') ? (
          <>
            <Button
              type="link"
              size="small"
              onClick={() => setReviewing({ nomination: n, decision: 'accept' })}
            >
              {t('nominations.accept')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setReviewing({ nomination: n, decision: 'refuse' })}
            >
              {t('nominations.refuse')}
            </Button>
          </>
        ) : null}
        {n.actions.includes('withdraw') ? (
          <Popconfirm
            title={t('nominations.confirmWithdraw', { name: n.cadreName })}
            description={t('nominations.confirmWithdrawHint')}
            okText={t('nominations.withdraw')}
            cancelText={t('common.cancel')}
            onConfirm={() => withdrawOne(n)}
          >
            <Button type="link" size="small" danger>
              {t('nominations.withdraw')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    );
  };

  const columns: TableColumnsType<Nomination> = [
    {
      key: 'cadre',
      dataIndex: 'cadreName',
      title: t('nominations.col.cadre'),
      width: 96,
      render: (name: string, n) => (
        <Link to={`/cadres/${encodeURIComponent(n.cadreId)}`} state={cameFrom(location)}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'unit',
      dataIndex: 'unitName',
      title: t('nominations.col.unit'),
      width: 170,
      ellipsis: { showTitle: true },
    },
    {
      key: 'batch',
      dataIndex: 'batchName',
      title: t('nominations.col.batch'),
      width: 110,
      ellipsis: { showTitle: true },
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('nominations.col.status'),
      sorter: true,
      sortOrder: table.sortOrderOf('status'),
      width: 96,
      render: (status: NominationStatus) => <NominationStatusTag status={status} />,
    },
    {
      key: 'eligibility',
      title: t('nominations.col.eligibility'),
      width: 200,
      // the tag and the reasons on one line, cut short: all of them in 详情
      render: (_: unknown, n) => <EligibilityLine eligible={n.eligible} reasons={n.reasons} />,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('nominations.col.createdAt'),
      sorter: true,
      sortOrder: table.sortOrderOf('createdAt'),
      width: 140,
      render: formatTime,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canReview ? 168 : 112,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, n) => rowActions(n),
    },
  ];
  const viewed = data?.items.find((n) => n.id === viewing) ?? null;

  return (
    <>
      <PageHeader
        title={t('nominations.title')}
        extra={
          canNominate ? (
            <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setNominating(true)}>
              {t('nominations.nominate')}
            </Button>
          ) : null
        }
      />
      <Card className="list-card">
        <NominationsFilter params={params} onChange={update} onReset={reset} byUnit={canReview} />
        <ListTable<Nomination>
          list={list}
          loadFailed={t('nominations.loadFailed')}
          empty={
            hasNominationFilters(params)
              ? t('nominations.emptyFiltered')
              : canNominate
                ? t('nominations.emptyLiaison')
                : t('nominations.emptyReadOnly')
          }
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 930 }}
        />
      </Card>
      {canNominate ? <NominateModal open={nominating} onClose={() => setNominating(false)} /> : null}
      {canReview ? <ReviewModal target={reviewing} onClose={() => setReviewing(null)} /> : null}
      <NominationDetailDrawer nomination={viewed} onClose={() => setViewing(null)} />
    </>
  );
}
