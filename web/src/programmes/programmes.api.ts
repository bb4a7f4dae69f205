import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type {
  Batch,
  BatchListParams,
  BatchReadiness,
  BatchStatus,
  BatchUpdateValues,
  BatchValues,
  BatchView,
  Programme,
  ProgrammeListParams,
  ProgrammeValues,
  ProgrammeView,
} from '../../../common/programmes/programmes.schema';
import { api } from '../api/client';
import { batchKeys, programmeKeys } from '../api/query-keys';

/** Batches change their programme's batch count, so their key sits under the programmes'. */
const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export function fetchProgramme(id: string, signal?: AbortSignal): Promise<ProgrammeView> {
  return api<ProgrammeView>(path('/api/programmes', id), { signal });
}

export function useProgrammeList(params: ProgrammeListParams) {
  return useQuery({
    queryKey: programmeKeys.list(params),
    queryFn: ({ signal }) => api<Page<ProgrammeView>>('/api/programmes', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: ({ signal }) => fetchProgramme(id, signal),
  });
}

export function useBatchList(params: Partial<BatchListParams>) {
  return useQuery({
    queryKey: batchKeys.list(params),
    queryFn: ({ signal }) => api<Page<BatchView>>('/api/batches', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** What stops the batch from moving on, or needs a warning first (asked afresh each time). */
export function useBatchReadiness(id: string) {
  return useQuery({
    queryKey: batchKeys.readiness(id),
    queryFn: ({ signal }) => api<BatchReadiness>(`${path('/api/batches', id)}/readiness`, { signal }),
    staleTime: 0,
  });
}

/** Every write refreshes programmes and batches: counts and lists depend on each other. */
function useWrite<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // also after a failure: a stale copy (409) is replaced by the current one
    onSettled: () => queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

export type SaveProgrammeVariables =
  | { id: null; input: ProgrammeValues }
  | { id: string; input: ProgrammeValues; version: number };

export function useSaveProgramme() {
  return useWrite((vars: SaveProgrammeVariables) =>
    vars.id === null
      ? api<Programme>('/api/programmes', { method: 'POST', body: vars.input })
      : api<Programme>(path('/api/programmes', vars.id), {
          method: 'PUT',
          body: { ...vars.input, version: vars.version },
        }),
  );
}

export type SaveBatchVariables =
  | { id: null; input: BatchValues }
  | { id: string; input: Omit<BatchUpdateValues, 'version'>; version: number };

export function useSaveBatch() {
  return useWrite((vars: SaveBatchVariables) =>
    vars.id === null
      ? api<Batch>('/api/batches', { method: 'POST', body: vars.input })
      : api<Batch>(path('/api/batches', vars.id), {
          method: 'PUT',
          body: { ...vars.input, version: vars.version },
        }),
  );
}

export function useAdvanceBatch() {
  return useWrite(
    ({
      batch,
      to,
      reason,
      acknowledgeWarnings,
    }: {
      batch: Batch;
      to: BatchStatus;
      reason: string;
      acknowledgeWarnings: boolean;
    }) =>
      api<Batch>(`${path('/api/batches', batch.id)}/advance`, {
        method: 'POST',
        body: { to, reason, version: batch.version, acknowledgeWarnings },
      }),
  );
}

/** Deletes a programme or a batch by its version. */
export function useDeleteRecord(base: '/api/programmes' | '/api/batches') {
  return useWrite((record: { id: string; version: number }) =>
    api<{ ok: true }>(path(base, record.id), { method: 'DELETE', query: { version: record.version } }),
  );
}

export function fetchBatch(id: string, signal?: AbortSignal): Promise<BatchView> {
  return api<BatchView>(path('/api/batches', id), { signal });
}
