import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type { Batch } from '../../../common/programmes/programmes.schema';
import { api } from './client';
import { batchKeys } from './query-keys';

/**
 * The batches the user may see, newest first: one query for every picker and filter that names
 * a batch (cadre list, post requests, nominations). Which are open is `isOpenBatch` in common/.
 */
export function useBatchOptions(enabled = true) {
  return useQuery({
    queryKey: batchKeys.options,
    queryFn: ({ signal }) =>
      api<Page<Batch>>('/api/batches', {
        query: { pageSize: 100, sort: 'plannedStart', order: 'desc' },
        signal,
      }),
    enabled,
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
