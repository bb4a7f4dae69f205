import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Cadre, CadreDetail, CadreListParams } from '../../../common/cadres/cadres.schema';
import {
  type ImportCommit,
  type ImportMode,
  type ImportPreview,
  XLSX_MIME,
} from '../../../common/excel/excel.schema';
import type { Page } from '../../../common/http/paging.schema';
import { api, apiUrl } from '../api/client';

export const cadreKeys = {
  all: ['cadres'] as const,
  list: (params: CadreListParams) => ['cadres', 'list', params] as const,
  detail: (id: string) => ['cadres', 'detail', id] as const,
};

export function useCadreList(params: CadreListParams) {
  return useQuery({
    queryKey: cadreKeys.list(params),
    queryFn: ({ signal }) => api<Page<Cadre>>('/api/cadres', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCadre(id: string) {
  return useQuery({
    queryKey: cadreKeys.detail(id),
    queryFn: ({ signal }) => api<CadreDetail>(`/api/cadres/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Full ID number and phone of a cadre (the server audits every call). */
export function fetchCadrePersonal(id: string): Promise<{ idNumber: string; phone: string | null }> {
  return api(`/api/cadres/${encodeURIComponent(id)}/personal`);
}

export const cadrePhotoUrl = (id: string) => `/api/cadres/${encodeURIComponent(id)}/photo`;

export const cadreTemplateUrl = () => '/api/excel/templates/cadres';

/** The export takes the list's filters, without paging. */
export function cadreExportUrl(params: CadreListParams): string {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return apiUrl('/api/excel/exports/cadres', { ...filters });
}

export function useUploadCadreImport() {
  return useMutation({
    mutationFn: ({ file, mode }: { file: Blob; mode: ImportMode }) =>
      api<ImportPreview>('/api/excel/imports/cadres', {
        method: 'POST',
        query: { mode },
        file: { data: file, contentType: XLSX_MIME },
      }),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) =>
      api<ImportCommit>(`/api/excel/imports/${encodeURIComponent(importId)}/commit`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}

export function discardImport(importId: string): Promise<unknown> {
  return api(`/api/excel/imports/${encodeURIComponent(importId)}`, { method: 'DELETE' });
}
