import { Alert, App, Button, Flex, Popconfirm, Progress, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DocumentBatchKind } from '../../../common/documents/documents.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { MonthPicker } from '../attendance/attendance.component';
import { download } from '../excel/excel.api';
import {
  documentBatchDownloadUrl,
  useCancelDocumentBatch,
  useDocumentBatches,
  useStartDocumentBatch,
} from './documents.api';

/**
 * 批量生成 (issue 14 line 7, ADR 040): a batch's monthly reports of a month, or its leave forms of
 * a month, into one .zip made on the server — the progress bar polls, 取消 asks first, 下载 when done.
 */
export function DocumentBatchSection({ batchId }: { batchId: string }) {
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [kind, setKind] = useState<DocumentBatchKind>('monthly');
  const runs = useDocumentBatches(batchId);
  const start = useStartDocumentBatch();
  const cancel = useCancelDocumentBatch();
  const latest = runs.data?.items[0];
  const running = latest?.status === 'running';

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('documents.batch.ui.title')}
      </Typography.Title>
      <Flex gap={12} align="center" wrap>
        <MonthPicker value={month} onChange={setMonth} />
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[
            { value: 'monthly', label: t('documents.batch.kind.monthly') },
            { value: 'leave', label: t('documents.batch.kind.leave') },
          ]}
        />
        <Button
          type="primary"
          loading={start.isPending}
          disabled={running}
          onClick={() =>
            start.mutateAsync({ batchId, month, kind }).catch((e) => message.error(errorMessage(e)))
          }
        >
          {t('documents.batch.ui.start')}
        </Button>
      </Flex>
      {runs.error ? <Alert type="error" message={errorMessage(runs.error)} /> : null}
      {latest ? (
        <Flex vertical gap={8}>
          <Typography.Text>
            {t('documents.batch.ui.run', {
              file: latest.fileName,
              status: t(`documents.batch.status.${latest.status}`),
              done: latest.done,
              total: latest.total,
            })}
          </Typography.Text>
          <Progress
            percent={latest.total ? Math.floor((latest.done / latest.total) * 100) : 0}
            status={
              latest.status === 'running'
                ? 'active'
                : latest.status === 'done'
                  ? 'success'
                  : latest.status === 'failed'
                    ? 'exception'
                    : 'normal'
            }
            aria-label={t('documents.batch.ui.progress')}
          />
          {latest.error ? <Alert type="error" message={latest.error} /> : null}
          <Flex gap={8}>
            {running ? (
              <Popconfirm
                title={t('documents.batch.ui.cancelTitle')}
                okText={t('documents.batch.ui.cancel')}
                cancelText={t('common.cancel')}
                onConfirm={() => cancel.mutateAsync(latest.id).catch((e) => message.error(errorMessage(e)))}
              >
                <Button danger>{t('documents.batch.ui.cancel')}</Button>
              </Popconfirm>
            ) : null}
            {latest.status === 'done' ? (
              <Button onClick={() => download(documentBatchDownloadUrl(latest.id))}>
                {t('documents.batch.ui.download')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      ) : null}
    </Flex>
  );
}
