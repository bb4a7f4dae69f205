import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type { Posting } from '../../../common/postings/postings.schema';
import type { Batch, Programme } from '../../../common/programmes/programmes.schema';
import { api } from './client';
import { batchKeys, postingKeys, programmeKeys } from './query-keys';

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

/** Programmes found on the server as the user types (name, pinyin), newest first. */
export function useProgrammeSearch(q: string) {
  return useQuery({
    queryKey: [...programmeKeys.options, { q }] as const,
    queryFn: ({ signal }) =>
      api<Page<Programme>>('/api/programmes', {
        query: { pageSize: 50, sort: 'createdAt', order: 'desc', ...(q ? { q } : {}) },
        signal,
      }),
    staleTime: 30_000,
    placeholderData: (previous) => previous,
    select: (page) => page.items,
  });
}

/** One programme by id, for a picker whose value came from elsewhere (null: nothing to ask). */
export function useProgrammeById(id: string | null) {
  return useQuery({
    queryKey: [...programmeKeys.options, 'one', id] as const,
    queryFn: ({ signal }) => api<Programme>(`/api/programmes/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

/** The cadre's 在岗 postings (where leave, an achievement or a monthly report may be started). */
export function useActivePostings(enabled: boolean) {
  const params = { status: 'active', page: 1, pageSize: 20, sort: 'createdAt', order: 'desc' } as const;
  return useQuery({
    queryKey: postingKeys.list(params),
    queryFn: ({ signal }) => api<Page<Posting>>('/api/postings', { query: { ...params }, signal }),
    enabled,
  });
}
