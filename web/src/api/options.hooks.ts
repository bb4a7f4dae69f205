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

/**
 * Batches found on the server as the user types (programme or batch name, pinyin): a picker that
 * must reach any batch, however many the user sees. `open` asks only for 筹备 / 选派.
 */
export function useBatchSearch(q: string, open: boolean, enabled = true) {
  return useQuery({
    queryKey: [...batchKeys.options, { q, open }] as const,
    queryFn: ({ signal }) =>
      api<Page<Batch>>('/api/batches', {
        query: {
          pageSize: 50,
          sort: 'plannedStart',
          order: 'desc',
          ...(q ? { q } : {}),
          ...(open ? { open: 'true' } : {}),
        },
        signal,
      }),
    enabled,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
    select: (page) => page.items,
  });
}

/** One batch by id, for a picker whose value came from a link (null: nothing to ask). */
export function useBatchById(id: string | null) {
  return useQuery({
    queryKey: [...batchKeys.options, 'one', id] as const,
    queryFn: ({ signal }) => api<Batch>(`/api/batches/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    staleTime: 60_000,
  });
}
