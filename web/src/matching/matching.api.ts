import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Alternatives,
  Board,
  Comparison,
  Lock,
  LockInput,
  MatchingSettings,
  MatchingSettingsView,
  Pair,
  Run,
  RunSummary,
} from '../../../common/matching/matching.schema';
import { api, apiUrl } from '../api/client';
import { matchingKeys } from '../api/query-keys';

const boardUrl = (batchId: string, tail = '') =>
  `/api/batches/${encodeURIComponent(batchId)}/matching${tail}`;
const runUrl = (runId: string, tail = '') => `/api/matching/runs/${encodeURIComponent(runId)}${tail}`;

export function useBoard(batchId: string | undefined) {
  return useQuery({
    queryKey: matchingKeys.board(batchId ?? ''),
    queryFn: ({ signal }) => api<Board>(boardUrl(batchId as string), { signal }),
    enabled: Boolean(batchId),
  });
}

/** A run; polled while it is being computed. */
export function useRun(runId: string | undefined) {
  return useQuery({
    queryKey: matchingKeys.run(runId ?? ''),
    queryFn: ({ signal }) => api<Run>(runUrl(runId as string), { signal }),
    enabled: Boolean(runId),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });
}

export type CandidatePair = Pair & { cadreName: string; postTitle: string; unitName: string };
export function useCandidates(batchId: string, nominationId: string | null) {
  return useQuery({
    queryKey: matchingKeys.candidates(batchId, nominationId ?? ''),
    queryFn: ({ signal }) =>
      api<{ items: CandidatePair[] }>(boardUrl(batchId, '/candidates'), {
        query: { nominationId: nominationId as string },
        signal,
      }),
    enabled: Boolean(nominationId),
  });
}

export function useAlternatives(runId: string | undefined, nominationId: string | null) {
  return useQuery({
    queryKey: matchingKeys.alternatives(runId ?? '', nominationId ?? ''),
    queryFn: ({ signal }) =>
      api<Alternatives>(runUrl(runId as string, '/alternatives'), {
        query: { nominationId: nominationId as string },
        signal,
      }),
    enabled: Boolean(runId && nominationId),
  });
}

export function useComparison(a: string | undefined, b: string | undefined) {
  return useQuery({
    queryKey: matchingKeys.compare(a ?? '', b ?? ''),
    queryFn: ({ signal }) =>
      api<Comparison>(runUrl(a as string, '/compare'), { query: { with: b as string }, signal }),
    enabled: Boolean(a && b && a !== b),
  });
}

/** Every change on the board reloads the board (and what hangs on it). */
function useBoardMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
  });
}

export const useStartRun = (batchId: string) =>
  useBoardMutation((_: undefined) =>
    api<RunSummary>(boardUrl(batchId, '/runs'), { method: 'POST', body: {} }),
  );
export const useCancelRun = () =>
  useBoardMutation((runId: string) =>
    api<RunSummary>(runUrl(runId, '/cancel'), { method: 'POST', body: {} }),
  );
export const useConfirmRun = () =>
  useBoardMutation((run: { id: string; version: number }) =>
    api<{ run: RunSummary; postingIds: string[] }>(runUrl(run.id, '/confirm'), {
      method: 'POST',
      body: { version: run.version },
    }),
  );
export const useAddLock = (batchId: string) =>
  useBoardMutation((input: LockInput) =>
    api<Lock>(boardUrl(batchId, '/locks'), { method: 'POST', body: input }),
  );
export const useRemoveLock = () =>
  useBoardMutation((lockId: string) =>
    api<unknown>(`/api/matching/locks/${encodeURIComponent(lockId)}`, { method: 'DELETE' }),
  );
export const useSaveSettings = (batchId: string) =>
  useBoardMutation((input: MatchingSettings & { version: number }) =>
    api<MatchingSettingsView>(boardUrl(batchId, '/settings'), { method: 'PUT', body: input }),
  );

export const exportUrl = (runId: string) => apiUrl(runUrl(runId, '/export'));
