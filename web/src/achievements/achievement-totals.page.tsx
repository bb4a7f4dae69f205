import { Button, Card, Empty, Flex, Input, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  TOTAL_GROUPS,
  type TotalGroup,
  type TotalLine,
} from '../../../common/achievements/achievements.schema';
import { t } from '../../../common/i18n/index';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { useAchievementTotals } from './achievements.api';

const DIMENSION_OF = (l: TotalLine) => (l.dimension ? t(`achievementDimension.${l.dimension}`) : '');

const columns: TableColumnsType<TotalLine> = [
  {
    key: 'kind',
    title: t('achievements.totals.kind'),
    render: (_: unknown, l) =>
      `${t(`achievementKind.${l.kind}`)}${l.dimension ? `（${DIMENSION_OF(l)}）` : ''}`,
  },
  {
    key: 'verified',
    title: t('achievements.totals.verified'),
    render: (_: unknown, l) => (
      <Flex vertical>
        <Typography.Text strong data-testid="verified">
          {l.verifiedDisplay ?? '—'}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('achievements.totals.count', { count: l.verifiedCount })}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    key: 'claimed',
    title: t('achievements.totals.claimed'),
    render: (_: unknown, l) => (
      <Flex vertical>
        <Typography.Text type="secondary" data-testid="claimed">
          {l.claimedDisplay ?? '—'}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('achievements.totals.count', { count: l.claimedCount })}
        </Typography.Text>
      </Flex>
    ),
  },
];
const keyOf = (l: TotalLine) => `${l.kind}|${l.dimension ?? ''}`;

/**
 * 实事统计 for the 组织部 and the units: verified entries summed by batch, receiving region,
 * programme or posting (only like dimensions add), the unverified beside them; a region code
 * limits it to that region's subtree.
 */
export function AchievementTotalsPage() {
  const [search, setSearch] = useSearchParams();
  const groupBy = (TOTAL_GROUPS as readonly string[]).includes(search.get('groupBy') ?? '')
    ? (search.get('groupBy') as TotalGroup)
    : 'batch';
  const regionCode = search.get('regionCode') ?? undefined;
  const [region, setRegion] = useState(regionCode ?? '');
  const totals = useAchievementTotals({ groupBy, ...(regionCode ? { regionCode } : {}) });
  const set = (next: Record<string, string | undefined>) => {
    const q = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next))
      if (v) q.set(k, v);
      else q.delete(k);
    setSearch(q);
  };
  const groups = totals.data?.groups ?? [];

  return (
    <>
      <PageHeader title={t('achievements.totalsTitle')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('achievements.totals.groupBy')}
          value={groupBy}
          onChange={(v) => set({ groupBy: String(v) })}
          options={TOTAL_GROUPS.map((g) => ({ value: g, label: t(`achievements.totals.by.${g}`) }))}
        />
        <Flex gap={8}>
          <Input
            style={{ width: 200 }}
            allowClear
            inputMode="numeric"
            placeholder={t('achievements.totals.region')}
            aria-label={t('achievements.totals.region')}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            onPressEnter={() => set({ regionCode: region.trim() || undefined })}
          />
          <Button onClick={() => set({ regionCode: region.trim() || undefined })}>
            {t('achievements.totals.apply')}
          </Button>
        </Flex>
      </Flex>
      {totals.isError ? (
        <ErrorState
          title={t('achievements.loadFailed')}
          error={totals.error}
          onRetry={() => void totals.refetch()}
          retrying={totals.isFetching}
        />
      ) : totals.isPending ? (
        <Card loading />
      ) : groups.length === 0 ? (
        <Empty description={t('achievements.totals.empty')} />
      ) : (
        <Flex vertical gap={16}>
          {groups.length > 1 ? (
            <Card size="small" title={t('achievements.totals.overall')}>
              <Table<TotalLine>
                rowKey={keyOf}
                size="small"
                columns={columns}
                dataSource={totals.data?.overall ?? []}
                pagination={false}
                scroll={{ x: true }}
              />
            </Card>
          ) : null}
          {groups.map((g) => (
            <Card key={g.key} size="small" title={g.label} data-testid={`group-${g.key}`}>
              <Table<TotalLine>
                rowKey={keyOf}
                size="small"
                columns={columns}
                dataSource={g.lines}
                pagination={false}
                scroll={{ x: true }}
              />
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
