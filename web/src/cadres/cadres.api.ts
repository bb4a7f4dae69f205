import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Cadre,
  CadreDetail,
  CadreDetailView,
  CadreInput,
  CadreListParams,
  zCadreUpdate,
} from '../../../common/cadres/cadres.schema';
import type { Page } from '../../../common/http/paging.schema';
import { api, apiUrl } from '../api/client';
import { cadreKeys, expertiseKeys } from '../api/query-keys';

export function useCadreList(params: CadreListParams) {
  return useQuery({
    queryKey: cadreKeys.list(params),
    queryFn: ({ signal }) => api<Page<Cadre>>('/api/cadres', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

const cadrePath = (id: string) => `/api/cadres/${encodeURIComponent(id)}`;

export function fetchCadre(id: string, signal?: AbortSignal): Promise<CadreDetailView> {
  return api<CadreDetailView>(cadrePath(id), { signal });
}

export function useCadre(id: string) {
  return useQuery({
    queryKey: cadreKeys.detail(id),
    queryFn: ({ signal }) => fetchCadre(id, signal),
  });
}

export type CadreUpdate = z.input<typeof zCadreUpdate>;
export type SaveCadreVariables = { id: null; input: CadreInput } | { id: string; input: CadreUpdate };

/** Creates (`id: null`) or updates a cadre; the answer carries the server's warnings. */
export function useSaveCadre() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: SaveCadreVariables) =>
      vars.id === null
        ? api<CadreDetail>('/api/cadres', { method: 'POST', body: vars.input })
        : api<CadreDetail>(cadrePath(vars.id), { method: 'PUT', body: vars.input }),
    // the detail is read again (it carries the caller's allowed actions, a save's answer does not)
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}

export function useDeleteCadre() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cadre: { id: string; version: number }) =>
      api<{ ok: true }>(cadrePath(cadre.id), { method: 'DELETE', query: { version: cadre.version } }),
    onSuccess: (_ok, cadre) => {
      queryClient.removeQueries({ queryKey: cadreKeys.detail(cadre.id) });
      return queryClient.invalidateQueries({ queryKey: cadreKeys.all });
    },
  });
}

export function useUploadCadrePhoto(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api<{ ok: true }>(`${cadrePath(id)}/photo`, {
        method: 'PUT',
        file: { data: file, contentType: file.type },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.detail(id) }),
  });
}

type ExpertiseItem = { tag: string; category: string };

/** The vocabulary as select option groups, one per category, in the server's order. */
function expertiseGroups({ items }: { items: ExpertiseItem[] }) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const { tag, category } of items)
    groups.set(category, [...(groups.get(category) ?? []), { value: tag, label: tag }]);
  return [...groups].map(([category, options]) => ({ label: category, title: category, options }));
}

/** The managed 专业特长 vocabulary, as option groups by category. */
export function useExpertiseOptions() {
  return useQuery({
    queryKey: expertiseKeys.all,
    queryFn: ({ signal }) => api<{ items: ExpertiseItem[] }>('/api/expertise', { signal }),
    select: expertiseGroups,
    staleTime: 10 * 60_000,
  });
}

/** Full ID number and phone of a cadre (the server audits every call). */
export function fetchCadrePersonal(id: string): Promise<{ idNumber: string; phone: string | null }> {
  return api(`/api/cadres/${encodeURIComponent(id)}/personal`);
}

/** The photo's address; `stamp` (e.g. the time of the last upload) gets past the browser cache. */
export const cadrePhotoUrl = (id: string, stamp?: number) => apiUrl(`${cadrePath(id)}/photo`, { v: stamp });
