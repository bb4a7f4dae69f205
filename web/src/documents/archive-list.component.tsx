import { Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ArchiveList } from '../../../common/documents/documents.schema';
import { t } from '../../../common/i18n/index';
import { pendingState } from '../common/query-state.component';
import { download } from '../excel/excel.api';
import { archiveUrl, useArchiveList, useDocumentsStatus } from './documents.api';

type Item = ArchiveList['items'][number];

/**
 * 归档目录 of a posting (issue 14 line 8): the documents for the cadre's dossier with their dates;
 * page counts on request (each document converted once on the server); the list as a .docx table
 * and every file in one .zip.
 */
export function ArchiveListSection({ postingId }: { postingId: string }) {
  const [pages, setPages] = useState(false);
  const list = useArchiveList(postingId, pages);
  const status = useDocumentsStatus();
  const canCount = status.data?.preview === true;
  const pending = pendingState(list, t('documents.archive.loadFailed'));
  return (
    <section aria-label={t('documents.archive.heading')}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('documents.archive.heading')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button
            size="small"
            disabled={!canCount || pages}
            title={canCount ? undefined : (status.data?.reason ?? undefined)}
            onClick={() => setPages(true)}
          >
            {t('documents.archive.countPages')}
          </Button>
          <Button size="small" onClick={() => download(archiveUrl(postingId, 'catalogue'))}>
            {t('documents.archive.downloadList')}
          </Button>
          <Button
            size="small"
            disabled={!list.data || list.data.items.length === 0}
            onClick={() => download(archiveUrl(postingId, 'zip'))}
          >
            {t('documents.archive.downloadZip')}
          </Button>
        </Flex>
      </Flex>
      {pending ?? (
        <Table<Item>
          size="small"
          rowKey="seq"
          pagination={false}
          style={{ marginTop: 8 }}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('documents.archive.none') }}
          columns={[
            { key: 'seq', dataIndex: 'seq', title: t('documents.archive.col.seq'), width: 56 },
            { key: 'title', dataIndex: 'title', title: t('documents.archive.col.name') },
            { key: 'date', dataIndex: 'date', title: t('documents.archive.col.date'), width: 110 },
            {
              key: 'pages',
              title: t('documents.archive.col.pages'),
              width: 64,
              render: (_: unknown, i) => (i.pages === null ? '—' : i.pages),
            },
          ]}
        />
      )}
    </section>
  );
}
