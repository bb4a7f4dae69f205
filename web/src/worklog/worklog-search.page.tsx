import { Card, DatePicker, Empty, Flex, Input, List, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import {
  SEARCH_MIN_CHARS,
  WORKLOG_CATEGORIES,
  type WorklogCategory,
  type WorklogHit,
} from '../../../common/worklog/worklog.schema';
import { errorMessage } from '../api/client';
import { PageHeader } from '../common/page-header.component';
import { useWorklogSearch } from './worklog.api';
import { Attachments, CategoryTag, Marked } from './worklog-parts.component';

const DAY = 'YYYY-MM-DD';
const PAGE_SIZE = 20;

/** 工作纪实检索: a search box (two characters suffice), category and date filters, ranked hits with the matches marked. */
export function WorklogSearchPage() {
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<WorklogCategory | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const long = [...q.trim()].length >= SEARCH_MIN_CHARS;
  const result = useWorklogSearch(
    long
      ? {
          q: q.trim(),
          category,
          from: range?.[0]?.format(DAY),
          to: range?.[1]?.format(DAY),
          page,
          pageSize: PAGE_SIZE,
          order: 'asc',
        }
      : null,
  );

  return (
    <>
      <PageHeader title={t('worklog.searchTitle')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          enterButton={t('worklog.search')}
          placeholder={t('worklog.searchPlaceholder')}
          aria-label={t('worklog.field.q')}
          style={{ maxWidth: 360 }}
          onSearch={(v) => {
            setPage(1);
            setQ(v);
          }}
        />
        <Select
          allowClear
          placeholder={t('worklog.allCategories')}
          aria-label={t('field.category')}
          style={{ width: 140 }}
          value={category}
          onChange={(v) => {
            setPage(1);
            setCategory(v);
          }}
          options={WORKLOG_CATEGORIES.map((k) => ({ value: k, label: t(`worklogCategory.${k}`) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('worklog.dateRange')}
          value={range}
          onChange={(v) => {
            setPage(1);
            setRange(v);
          }}
          format={DAY}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('worklog.searchHint')}</Typography.Paragraph>
      {result.isError ? <Typography.Text type="danger">{errorMessage(result.error)}</Typography.Text> : null}
      {result.data ? (
        <Typography.Paragraph>
          {t(result.data.totalCapped ? 'worklog.hitsCapped' : 'worklog.hits', { total: result.data.total })}
        </Typography.Paragraph>
      ) : null}
      <List<WorklogHit>
        loading={result.isFetching}
        dataSource={long ? (result.data?.items ?? []) : []}
        locale={{ emptyText: <Empty description={long ? t('worklog.noHits') : t('worklog.searchHint')} /> }}
        pagination={
          (result.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: result.data?.total ?? 0,
                onChange: setPage,
                size: 'small',
              }
            : false
        }
        renderItem={(h) => (
          <List.Item style={{ display: 'block', padding: '6px 0' }}>
            <Card size="small" data-testid="worklog-hit">
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Typography.Text strong>
                  <Marked pieces={h.title} />
                </Typography.Text>
                <CategoryTag category={h.category} />
              </Flex>
              <Typography.Text type="secondary">
                {h.entryDate} · {h.cadreName} · {h.receivingUnitName}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: '6px 0' }}>
                <Marked pieces={h.snippet} />
              </Typography.Paragraph>
              <Attachments entryId={h.id} files={h.attachments} />
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
