import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Image, Pagination, Spin, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import { apiUrl, errorMessage, type QueryValue } from '../api/client';
import { useDocumentsStatus, usePreview } from './documents.api';

/**
 * A document before it is downloaded (ADR 036): its pages as the server renders them (PNG, one
 * page at a time) when LibreOffice is there; otherwise why not. The .docx is always offered.
 */
export function DocumentViewer({ path, query = {} }: { path: string; query?: Record<string, QueryValue> }) {
  const status = useDocumentsStatus();
  const canPreview = status.data?.preview === true;
  const preview = usePreview(path, query, canPreview);
  const [page, setPage] = useState(1);
  const download = (
    <Button
      type="primary"
      icon={<DownloadOutlined />}
      href={apiUrl(path, { ...query, format: 'docx' })}
      download
    >
      {t('documents.viewer.download')}
    </Button>
  );
  if (status.isLoading) return <Spin />;
  if (!canPreview)
    return (
      <Flex vertical gap={12}>
        <Alert
          type="info"
          showIcon
          message={t('documents.viewer.noPreview')}
          description={status.data?.reason ?? (status.error ? errorMessage(status.error) : null)}
        />
        <div>{download}</div>
      </Flex>
    );
  const pages = preview.data?.pages ?? 0;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        {download}
        {pages > 0 ? (
          <Typography.Text type="secondary">{t('documents.viewer.page', { page, pages })}</Typography.Text>
        ) : null}
      </Flex>
      {preview.isLoading ? (
        <Flex gap={8} align="center">
          <Spin />
          <Typography.Text type="secondary">{t('documents.viewer.loading')}</Typography.Text>
        </Flex>
      ) : preview.error ? (
        <Alert type="error" showIcon message={errorMessage(preview.error)} />
      ) : pages > 0 ? (
        <>
          <Image
            src={apiUrl(path, { ...query, format: 'page', page })}
            alt={t('documents.viewer.page', { page, pages })}
            preview={false}
            style={{
              maxWidth: 640,
              width: '100%',
              border: '1px solid #d9d9d9',
              boxShadow: '0 1px 4px #0002',
            }}
          />
          {pages > 1 ? (
            <Pagination
              current={page}
              total={pages}
              pageSize={1}
              onChange={setPage}
              showSizeChanger={false}
              simple
            />
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}
