import { Button, Flex, Select, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_STATUSES,
  type AchievementKind,
  type AchievementStatus,
} from '../../../common/achievements/achievement-moves';
import type { Achievement } from '../../../common/achievements/achievements.schema';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { AchievementFormModal } from './achievement.form';
import { AchievementDetailDrawer, amountOf, useReview } from './achievement-detail.component';
import { AchievementStatusTag } from './achievement-status.component';
import { useAchievementList } from './achievements.api';

type View = 'mine' | 'todo' | 'all';
const PAGE_SIZE = 20;

/**
 * 实事: the cadre's own entries and the 申报 form (phone-sized); for the receiving unit the entries
 * waiting for verification (核实 with a confirmation, 退回 with a comment); for every reader the
 * entries it reaches, filtered by status and kind. The open entry is in the path
 * (`/achievements/:id`), so a notification links to it.
 */
export function AchievementsPage() {
  const allowed = useAllowed();
  const cadre = allowed('achievements.create');
  const reviewer = allowed('achievements.review');
  const [search, setSearch] = useSearchParams();
  const views: View[] = [
    ...(cadre ? (['mine'] as const) : []),
    ...(reviewer ? (['todo'] as const) : []),
    'all',
  ];
  const asked = search.get('view') as View | null;
  const view: View = asked && views.includes(asked) ? asked : (views[0] as View);
  const status = (search.get('status') as AchievementStatus | null) ?? undefined;
  const kind = (search.get('kind') as AchievementKind | null) ?? undefined;
  const [page, setPage] = useState(1);
  const list = useAchievementList({ view, page, pageSize: PAGE_SIZE, order: 'asc', status, kind });
  const [adding, setAdding] = useState(false);
  const viewing = useParams().id ?? null;
  const navigate = useNavigate();
  const review = useReview();
  const query = () => {
    const q = new URLSearchParams(search);
    return q.toString() ? `?${q}` : '';
  };
  const open = (id: string | null) =>
    navigate(`/achievements${id ? `/${encodeURIComponent(id)}` : ''}${query()}`);
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setPage(1);
    setSearch(next);
  };

  const columns: TableColumnsType<Achievement> = [
    {
      key: 'title',
      title: t('achievements.col.title'),
      render: (_: unknown, a) => (
        <Flex vertical>
          <Typography.Text strong>{a.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`achievementKind.${a.kind}`)} · {a.date}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'amount', title: t('achievements.col.amount'), render: (_: unknown, a) => amountOf(a) },
    {
      key: 'status',
      title: t('achievements.col.status'),
      render: (_: unknown, a) => <AchievementStatusTag status={a.status} />,
    },
    ...(view === 'mine'
      ? []
      : [
          { key: 'cadre', dataIndex: 'cadreName', title: t('achievements.col.cadre') },
          {
            key: 'unit',
            dataIndex: 'receivingUnitName',
            title: t('achievements.col.unit'),
            responsive: ['md' as const],
          },
        ]),
    {
      key: 'open',
      title: '',
      render: (_: unknown, a) => (
        <Flex gap={4} wrap>
          {view === 'todo' && a.status === 'claimed' ? (
            <>
              <Button
                size="small"
                type="primary"
                onClick={() => review.verify(a)}
                aria-label={`${t('achievements.verify')} ${a.title}`}
              >
                {t('achievements.verify')}
              </Button>
              <Button
                size="small"
                danger
                onClick={() => review.startReturn(a)}
                aria-label={`${t('achievements.return')} ${a.title}`}
              >
                {t('achievements.return')}
              </Button>
            </>
          ) : null}
          <Button
            size="small"
            type="link"
            onClick={() => open(a.id)}
            aria-label={`${t('achievements.open')} ${a.title}`}
          >
            {t('achievements.open')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={
          view === 'mine'
            ? t('achievements.title')
            : view === 'todo'
              ? t('achievements.verifyTitle')
              : t('achievements.allTitle')
        }
        extra={
          cadre ? (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('achievements.new')}
            </Button>
          ) : null
        }
      />
      {views.length > 1 ? (
        <Tabs
          activeKey={view}
          onChange={(key) => {
            setPage(1);
            setSearch({ view: key });
          }}
          items={views.map((v) => ({ key: v, label: t(`achievements.tab.${v}`) }))}
        />
      ) : null}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('achievements.filter.status')}
          aria-label={t('achievements.filter.status')}
          value={status}
          onChange={(v) => setFilter('status', v)}
          options={ACHIEVEMENT_STATUSES.map((s) => ({ value: s, label: t(`achievementStatus.${s}`) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('achievements.filter.kind')}
          aria-label={t('achievements.filter.kind')}
          value={kind}
          onChange={(v) => setFilter('kind', v)}
          options={ACHIEVEMENT_KINDS.map((k) => ({ value: k, label: t(`achievementKind.${k}`) }))}
        />
      </Flex>
      {list.isError ? (
        <ErrorState
          title={t('achievements.loadFailed')}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : (
        <Table<Achievement>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          locale={{ emptyText: t('achievements.empty') }}
          scroll={{ x: true }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      )}
      {review.returnDialog}
      <AchievementFormModal open={adding} entry={null} onClose={() => setAdding(false)} />
      <AchievementDetailDrawer id={viewing} onClose={() => open(null)} />
    </>
  );
}
