import { Alert, Card, Empty, Flex, Radio, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { BatchSelect } from '../common/batch-select.component';
import { PageHeader } from '../common/page-header.component';
import { useBoard } from '../matching/matching.api';
import { DocumentBatchSection } from './document-batch.component';
import { DocumentViewer } from './document-viewer.component';
import { useNoticeParts } from './documents.api';

/**
 * 公文生成 (the 组织部): the posting notice (挂职任职通知) of a batch's confirmed matching run, one
 * for the batch or one per receiving region, previewed and downloaded (issue 14 line 5).
 */
export function DocumentsPage() {
  const [batchId, setBatchId] = useState<string | undefined>();
  const board = useBoard(batchId);
  const run = board.data?.runs.find((r) => r.status === 'confirmed');
  const parts = useNoticeParts(run?.id);
  const [split, setSplit] = useState<'batch' | 'region'>('batch');
  const [region, setRegion] = useState<string | undefined>();
  const chosenRegion = split === 'region' ? (region ?? parts.data?.regions[0]?.code) : undefined;

  return (
    <>
      <PageHeader title={t('documents.page.title')} />
      <Card>
        <Flex vertical gap={16}>
          <Flex gap={12} align="center" wrap>
            <span>{t('documents.page.batch')}</span>
            <BatchSelect
              aria-label={t('documents.page.batch')}
              style={{ minWidth: 300 }}
              placeholder={t('documents.page.batchPlaceholder')}
              value={batchId}
              onChange={(v) => {
                setBatchId(v);
                setRegion(undefined);
              }}
            />
          </Flex>
          {!batchId ? (
            <Empty description={t('documents.page.batchPlaceholder')} />
          ) : board.isLoading ? (
            <Spin />
          ) : board.error ? (
            <Alert type="error" message={errorMessage(board.error)} />
          ) : !run ? (
            <Empty description={t('documents.page.noConfirmed')} />
          ) : (
            <>
              <Flex gap={12} align="center" wrap>
                <span>{t('documents.page.split')}</span>
                <Radio.Group
                  value={split}
                  onChange={(e) => setSplit(e.target.value)}
                  options={[
                    { value: 'batch', label: t('documents.page.splitBatch') },
                    { value: 'region', label: t('documents.page.splitRegion') },
                  ]}
                />
                {split === 'region' ? (
                  <Select
                    aria-label={t('documents.page.splitRegion')}
                    style={{ minWidth: 220 }}
                    loading={parts.isLoading}
                    value={chosenRegion}
                    onChange={setRegion}
                    options={(parts.data?.regions ?? []).map((r) => ({
                      value: r.code,
                      label: t('documents.page.regionCount', { name: r.name, count: r.count }),
                    }))}
                  />
                ) : null}
              </Flex>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('documents.notice.file')}
              </Typography.Title>
              <DocumentViewer
                key={`${run.id}-${chosenRegion ?? ''}`}
                path={`/api/documents/posting-notice/${encodeURIComponent(run.id)}`}
                query={{ region: chosenRegion }}
              />
            </>
          )}
        </Flex>
      </Card>
      {batchId ? (
        <Card style={{ marginTop: 16 }}>
          <DocumentBatchSection batchId={batchId} />
        </Card>
      ) : null}
    </>
  );
}
