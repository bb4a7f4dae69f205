import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import { ApiError } from '../api/client';

export interface ErrorStateProps {
  /** What failed, e.g. "单位列表加载失败". */
  title?: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load: what went wrong in the server's words, the request id of a server failure, a retry. */
export function ErrorState({ title, error, onRetry, retrying }: ErrorStateProps) {
  const apiError = error instanceof ApiError ? error : null;
  const detail = apiError?.message ?? (error instanceof Error ? error.message : t('common.networkError'));
  return (
    <Result
      status={apiError && apiError.status >= 500 ? 'error' : 'warning'}
      title={title ?? t('common.loadFailed')}
      subTitle={
        <>
          <div>{detail}</div>
          {apiError?.requestId ? (
            <Typography.Text type="secondary" copyable={{ text: apiError.requestId }}>
              {t('common.requestId', { id: apiError.requestId })}
            </Typography.Text>
          ) : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" icon={<ReloadOutlined aria-hidden />} loading={retrying} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
