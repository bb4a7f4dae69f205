import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type {
  WorklogEntry,
  WorklogHits,
  WorklogListParams,
  WorklogPostings,
  WorklogSearchParams,
} from '../../../common/worklog/worklog.schema';
import { api } from '../api/client';
import { worklogKeys } from '../api/query-keys';

const entryUrl = (id: string, rest = '') => `/api/worklog/${encodeURIComponent(id)}${rest}`;

/** Where an attachment downloads from (a plain link: GET with the session cookie). */
export const attachmentUrl = (entryId: string, fileId: string) =>
  entryUrl(entryId, `/attachments/${encodeURIComponent(fileId)}`);

export function useWorklogPostings(enabled: boolean) {
  return useQuery({
    queryKey: worklogKeys.postings,
    queryFn: ({ signal }) => api<WorklogPostings>('/api/worklog/postings', { signal }),
    enabled,
  });
}

export function useWorklogList(params: WorklogListParams) {
  return useQuery({
    queryKey: worklogKeys.list(params),
    queryFn: ({ signal }) => api<Page<WorklogEntry>>('/api/worklog', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWorklogSearch(params: WorklogSearchParams | null) {
  return useQuery({
    queryKey: worklogKeys.search(params as WorklogSearchParams),
    queryFn: ({ signal }) =>
      api<WorklogHits>('/api/worklog/search', { query: { ...(params as WorklogSearchParams) }, signal }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Creates (no id) or updates an entry; lists reload. */
export function useSaveEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: object }) =>
      id
        ? api<WorklogEntry>(entryUrl(id), { method: 'PUT', body })
        : api<WorklogEntry>('/api/worklog', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: worklogKeys.all }),
  });
}

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (e: { id: string; version: number }) =>
      api(entryUrl(e.id), { method: 'DELETE', query: { version: e.version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: worklogKeys.all }),
  });
}

/** One file sent as its bytes; the server finds its type in them. */
export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      api<WorklogEntry>(entryUrl(id, '/attachments'), {
        method: 'POST',
        query: { name: file.name },
        file: { data: file, contentType: 'application/octet-stream' },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: worklogKeys.all }),
  });
}

export function useRemoveAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fileId }: { id: string; fileId: string }) =>
      api<WorklogEntry>(attachmentUrl(id, fileId), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: worklogKeys.all }),
  });
}
