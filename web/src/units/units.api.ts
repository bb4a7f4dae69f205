import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type { Unit, UnitInput, UnitListParams, UnitView } from '../../../common/units/units.schema';
import { api } from '../api/client';
import { unitKeys } from '../api/query-keys';

export function fetchUnits(params: Partial<UnitListParams>, signal?: AbortSignal): Promise<Page<UnitView>> {
  return api<Page<UnitView>>('/api/units', { query: { ...params }, signal });
}

export function fetchUnit(id: string, signal?: AbortSignal): Promise<UnitView> {
  return api<UnitView>(`/api/units/${encodeURIComponent(id)}`, { signal });
}

export function useUnitList(params: UnitListParams) {
  return useQuery({
    queryKey: unitKeys.list(params),
    queryFn: ({ signal }) => fetchUnits(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Units matching a search, for pickers (e.g. 上级单位). */
export function useUnitOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: unitKeys.options(q),
    queryFn: ({ signal }) =>
      fetchUnits({ q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' }, signal),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export type SaveUnitVariables =
  | { id: null; input: UnitInput }
  | { id: string; input: UnitInput; version: number };

export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: SaveUnitVariables) =>
      vars.id === null
        ? api<Unit>('/api/units', { method: 'POST', body: vars.input })
        : api<Unit>(`/api/units/${encodeURIComponent(vars.id)}`, {
            method: 'PUT',
            body: { ...vars.input, version: vars.version },
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useSetUnitActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unit, active }: { unit: Unit; active: boolean }) =>
      api<Unit>(`/api/units/${encodeURIComponent(unit.id)}/${active ? 'activate' : 'deactivate'}`, {
        method: 'POST',
        body: { version: unit.version },
      }),
    // also after a failure: a stale copy (409) is replaced by the current one
    onSettled: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unit: Unit) =>
      api<{ ok: true }>(`/api/units/${encodeURIComponent(unit.id)}`, {
        method: 'DELETE',
        query: { version: unit.version },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
