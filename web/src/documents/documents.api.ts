import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArchiveList,
  DocumentBatch,
  DocumentBatchInput,
  DocumentSettings,
  DocumentSettingsInput,
  DocumentsStatus,
  NoticeParts,
  Preview,
} from '../../../common/documents/documents.schema';
import { api, apiUrl, type QueryValue } from '../api/client';
import { documentKeys } from '../api/query-keys';

export function useDocumentsStatus() {
  return useQuery({
    queryKey: documentKeys.status,
    queryFn: ({ signal }) => api<DocumentsStatus>('/api/documents/status', { signal }),
    staleTime: 60_000,
  });
}

export function useNoticeParts(runId: string | undefined) {
  return useQuery({
    queryKey: documentKeys.parts(runId ?? ''),
    queryFn: ({ signal }) =>
      api<NoticeParts>(`/api/documents/posting-notice/${encodeURIComponent(runId as string)}/parts`, {
        signal,
      }),
    enabled: Boolean(runId),
  });
}

/** A document's preview: converted on the server (one at a time), then its pages as PNG. */
export function usePreview(path: string, query: Record<string, QueryValue>, enabled: boolean) {
  const url = apiUrl(path, { ...query, format: 'preview' });
  return useQuery({
    queryKey: documentKeys.preview(url),
    queryFn: ({ signal }) => api<Preview>(path, { query: { ...query, format: 'preview' }, signal }),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

export function useDocumentSettings(regionCode: string | null) {
  return useQuery({
    queryKey: documentKeys.settings(regionCode),
    queryFn: ({ signal }) =>
      api<DocumentSettings>('/api/documents/settings', {
        query: { regionCode: regionCode ?? undefined },
        signal,
      }),
  });
}

export function useSaveDocumentSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: { regionCode: string; body: DocumentSettingsInput }) =>
      api<DocumentSettings>(`/api/documents/settings/${encodeURIComponent(vars.regionCode)}`, {
        method: 'PUT',
        body: vars.body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

/** The batch's latest generation runs, polled every second while one is running (ADR 040). */
export function useDocumentBatches(batchId: string | undefined) {
  return useQuery({
    queryKey: documentKeys.batches(batchId ?? ''),
    queryFn: ({ signal }) =>
      api<{ items: DocumentBatch[] }>('/api/documents/batches', { query: { batchId }, signal }),
    enabled: Boolean(batchId),
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 1000 : false),
  });
}

export function useStartDocumentBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentBatchInput) =>
      api<DocumentBatch>('/api/documents/batches', { method: 'POST', body }),
    onSuccess: (r) => client.invalidateQueries({ queryKey: documentKeys.batches(r.batchId) }),
  });
}

export function useCancelDocumentBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<DocumentBatch>(`/api/documents/batches/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
    onSuccess: (r) => client.invalidateQueries({ queryKey: documentKeys.batches(r.batchId) }),
  });
}

export const documentBatchDownloadUrl = (id: string) =>
  apiUrl(`/api/documents/batches/${encodeURIComponent(id)}/download`);

/** The posting's 归档目录; with `pages`, each document is converted once to count its pages. */
export function useArchiveList(postingId: string, pages: boolean) {
  return useQuery({
    queryKey: documentKeys.archive(postingId, pages),
    queryFn: ({ signal }) =>
      api<ArchiveList>(
        apiUrl(`/api/documents/archive/${encodeURIComponent(postingId)}`, {
          pages: pages ? 'true' : 'false',
        }),
        { signal },
      ),
  });
}
export const archiveUrl = (postingId: string, what: 'catalogue' | 'zip') =>
  apiUrl(`/api/documents/archive/${encodeURIComponent(postingId)}/${what}`);
