import { EditOutlined, FormOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Spin,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import type { Correction, OwnNomination } from '../../../common/corrections/corrections.schema';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { Posting } from '../../../common/postings/postings.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { CadrePhoto } from '../cadres/cadre-photo.component';
import {
  CadreProfileCard,
  CadreRelativesCard,
  CadreResumeCard,
  cadreProfileItems,
} from '../cadres/cadre-profile.component';
import { ErrorState } from '../common/error-state.component';
import { ListTable } from '../common/list-table.component';
import { showTotalOf } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { NominationStatusTag } from '../nominations/nomination-status.component';
import { PostingStatusTag } from '../postings/posting-tags.component';
import { usePostingList } from '../postings/postings.api';
import { CorrectionModal } from './correction.form';
import { CorrectionDiffList } from './correction-diff.component';
import { CorrectionStatusTag } from './correction-status.component';
import {
  useCorrectionList,
  useOwnNominations,
  useOwnProfile,
  useWithdrawCorrection,
} from './corrections.api';
import { useCorrectionListSearch } from './corrections.hooks';
import { ListCorrectionModal } from './list-correction.form';
import { SelfEditModal } from './self-edit.form';

/** 我的档案: the cadre's own record, the direct edit, 申请更正 and the list of their requests. */
export function MyProfilePage() {
  const profile = useOwnProfile();
  if (profile.isError) {
    return (
      <>
        <PageHeader title={t('myProfile.title')} />
        <ErrorState
          title={errorMessage(profile.error)}
          error={profile.error}
          onRetry={() => void profile.refetch()}
          retrying={profile.isFetching}
        />
      </>
    );
  }
  if (!profile.data) {
    return (
      <>
        <PageHeader title={t('myProfile.title')} />
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('app.loading')} />
        </Flex>
      </>
    );
  }
  return <MyProfileView profile={profile.data} reload={profile.refetch} />;
}

function MyProfileView({ profile, reload }: { profile: CadreDetail; reload: () => Promise<unknown> }) {
  const allowed = useAllowed();
  const [editing, setEditing] = useState(false);
  const [correcting, setCorrecting] = useState<'fields' | 'lists' | null>(null);
  // one pending request at a time (the server answers 409 otherwise): say so on the button
  const pending = useCorrectionList({
    page: 1,
    pageSize: 1,
    sort: 'createdAt',
    order: 'desc',
    status: 'pending',
  });
  const hasPending = (pending.data?.total ?? 0) > 0;
  const items = cadreProfileItems(profile, {
    idNumber: <span className="mono">{profile.idNumber}</span>,
    phone: (
      <span className="mono" data-testid="my-phone">
        {profile.phone ?? t('corrections.none')}
      </span>
    ),
    school: profile.school ?? t('corrections.none'),
    major: profile.major ?? t('corrections.none'),
    expertise: profile.expertise.join('、') || t('corrections.none'),
  });
  return (
    <>
      <PageHeader
        title={t('myProfile.title')}
        extra={
          <Flex gap={8} wrap>
            {allowed('cadres.updateSelf') ? (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('myProfile.edit')}
              </Button>
            ) : null}
            {allowed('corrections.create')
              ? (
                  [
                    ['fields', t('myProfile.requestCorrection'), 'primary'],
                    ['lists', t('listCorrection.open'), 'default'],
                  ] as const
                ).map(([kind, label, type]) => (
                  <Tooltip key={kind} title={hasPending ? t('correction.pendingExists') : undefined}>
                    <Button
                      type={type}
                      icon={<FormOutlined aria-hidden />}
                      disabled={hasPending}
                      aria-describedby={hasPending ? 'pending-correction-hint' : undefined}
                      onClick={() => setCorrecting(kind)}
                    >
                      {label}
                    </Button>
                  </Tooltip>
                ))
              : null}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        {hasPending ? (
          <Alert id="pending-correction-hint" type="info" showIcon title={t('correction.pendingExists')} />
        ) : null}
        <CadreProfileCard
          title={t('myProfile.basic')}
          items={items}
          photo={
            // the keepers upload the photo; the cadre only when the policy says so
            <Flex vertical align="center" gap={4}>
              <CadrePhoto cadre={profile} canUpload={allowed('cadres.photo')} />
              {allowed('cadres.photo') ? null : (
                <Typography.Text type="secondary">{t('myProfile.photoHint')}</Typography.Text>
              )}
            </Flex>
          }
        />
        <CadreResumeCard resume={profile.resume} />
        <CadreRelativesCard relatives={profile.relatives} />
        <MyNominations />
        {allowed('postings.read') ? <MyPostings /> : null}
        <MyRequests />
      </Flex>
      <SelfEditModal profile={profile} open={editing} onClose={() => setEditing(false)} onReload={reload} />
      <CorrectionModal profile={profile} open={correcting === 'fields'} onClose={() => setCorrecting(null)} />
      <ListCorrectionModal
        profile={profile}
        open={correcting === 'lists'}
        onClose={() => setCorrecting(null)}
      />
    </>
  );
}

const nominationColumns: TableColumnsType<OwnNomination> = [
  { key: 'batch', dataIndex: 'batchName', title: t('myProfile.col.batch') },
  {
    key: 'status',
    dataIndex: 'status',
    title: t('myProfile.col.status'),
    width: 110,
    render: (status: OwnNomination['status']) => <NominationStatusTag status={status} />,
  },
  {
    key: 'createdAt',
    dataIndex: 'createdAt',
    title: t('myProfile.col.nominatedAt'),
    width: 160,
    render: formatTime,
  },
  {
    key: 'reviewedAt',
    dataIndex: 'reviewedAt',
    title: t('myProfile.col.reviewedAt'),
    width: 160,
    render: formatTime,
  },
];

/** The batches the cadre is nominated to and where each stands. */
function MyNominations() {
  const list = useOwnNominations();
  return (
    <Card title={t('myProfile.nominations')} data-testid="my-nominations">
      <Table<OwnNomination>
        rowKey="id"
        size="small"
        loading={list.isPending}
        columns={nominationColumns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{
          emptyText: list.isError ? (
            errorMessage(list.error)
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myProfile.noNominations')} />
          ),
        }}
      />
    </Card>
  );
}

const postingColumns: TableColumnsType<Posting> = [
  {
    key: 'title',
    title: t('myProfile.col.post'),
    render: (_: unknown, p: Posting) => <Link to={`/postings/${encodeURIComponent(p.id)}`}>{p.title}</Link>,
  },
  { key: 'receivingUnit', dataIndex: 'receivingUnitName', title: t('myProfile.col.receivingUnit') },
  {
    key: 'term',
    title: t('myProfile.col.term'),
    width: 220,
    render: (_: unknown, p: Posting) => `${p.startDate ?? p.plannedStart} — ${p.endDate}`,
  },
  {
    key: 'status',
    dataIndex: 'status',
    title: t('myProfile.col.postingStatus'),
    width: 100,
    render: (status: Posting['status']) => <PostingStatusTag status={status} />,
  },
];

/** The cadre's postings (GET /api/postings answers the cadre's own only). */
function MyPostings() {
  const list = usePostingList({ page: 1, pageSize: 10, sort: 'createdAt', order: 'desc' });
  return (
    <Card title={t('myProfile.postings')} data-testid="my-postings">
      <ListTable<Posting>
        list={list}
        loadFailed={t('common.loadFailed')}
        empty={t('myProfile.noPostings')}
        size="small"
        columns={postingColumns}
        pagination={false}
        scroll={{ x: 640 }}
      />
    </Card>
  );
}

function MyRequests() {
  const [params, update] = useCorrectionListSearch();
  const list = useCorrectionList(params);
  const withdraw = useWithdrawCorrection();
  const { message } = App.useApp();
  const allowed = useAllowed();

  const columns: TableColumnsType<Correction> = [
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('corrections.col.createdAt'),
      width: 150,
      render: formatTime,
    },
    {
      key: 'diff',
      title: t('corrections.col.changes'),
      render: (_: unknown, c: Correction) => <CorrectionDiffList diff={c.diff} />,
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('corrections.col.status'),
      width: 90,
      render: (status: Correction['status']) => <CorrectionStatusTag status={status} />,
    },
    {
      key: 'reviewComment',
      dataIndex: 'reviewComment',
      title: t('corrections.col.comment'),
      render: (comment: string | null) => comment ?? '',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_: unknown, c: Correction) =>
        c.status === 'pending' && allowed('corrections.withdraw') ? (
          <Popconfirm
            title={t('myProfile.withdrawConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await withdraw.mutateAsync(c);
                message.success(t('myProfile.withdrawn'));
              } catch (error) {
                message.error(errorMessage(error));
              }
            }}
          >
            <Button type="link" size="small">
              {t('myProfile.withdraw')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Card title={t('myProfile.requests')}>
      <ListTable<Correction>
        list={list}
        loadFailed={t('common.loadFailed')}
        empty={t('myProfile.noRequests')}
        size="small"
        columns={columns}
        scroll={{ x: 720 }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          showTotal: showTotalOf(list.data),
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
      />
    </Card>
  );
}
