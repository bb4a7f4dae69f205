import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
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
