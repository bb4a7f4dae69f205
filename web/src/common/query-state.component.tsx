import type { UseQueryResult } from '@tanstack/react-query';
import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../common/i18n/index';
import { ErrorState } from './error-state.component';

/**
 * What a record's panel shows before its data: the failure (with 重试) or a spinner; null once
 * the data is there. `const pending = pendingState(q, …); if (pending || !q.data) return pending;`
 */
export function pendingState(query: UseQueryResult<unknown>, failed: string): ReactNode {
  if (query.isError)
    return (
      <ErrorState
        title={failed}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  if (query.data === undefined)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description={t('app.loading')} />
      </Flex>
    );
  return null;
}
