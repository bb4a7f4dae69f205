import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Cadre } from '../../../common/cadres/cadres.schema';
import { PAGE_SIZE_MAX, type Page } from '../../../common/http/paging.schema';
import type {
  EligibilityReason,
  Nomination,
  NominationListParams,
  NominationView,
} from '../../../common/nominations/nominations.schema';
import { api } from '../api/client';
import { cadreKeys, nominationKeys } from '../api/query-keys';

export function useNominationList(params: NominationListParams) {
  return useQuery({
    queryKey: nominationKeys.list(params),
    queryFn: ({ signal }) => api<Page<NominationView>>('/api/nominations', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The cadres the caller's nominations to a batch already name (withdrawn ones may be nominated
 * again), with each one's status — the nomination picker does not offer them.
 */
export function useNominatedInBatch(batchId: string | undefined) {
  const params = { batchId, page: 1, pageSize: PAGE_SIZE_MAX, sort: 'createdAt', order: 'desc' } as const;
  const list = useQuery({
    queryKey: nominationKeys.list(params as NominationListParams),
    queryFn: ({ signal }) => api<Page<NominationView>>('/api/nominations', { query: { ...params }, signal }),
    enabled: Boolean(batchId),
  });
  return useMemo(
    () =>
      new Map(
        (list.data?.items ?? [])
          .filter((n) => n.status !== 'withdrawn')
          .map((n) => [n.cadreId, n.status] as const),
      ),
    [list.data],
  );
}

export function fetchNomination(id: string, signal?: AbortSignal): Promise<NominationView> {
  return api<NominationView>(`/api/nominations/${encodeURIComponent(id)}`, { signal });
}

/** Cadres of the liaison's unit matching a name, full pinyin or initials. */
export function useCadreOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: cadreKeys.options(q),
    queryFn: ({ signal }) =>
      api<Page<Cadre>>('/api/cadres', {
        query: { q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' },
        signal,
      }),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
    select: (page) => page.items,
  });
}

/** The batch's rules applied to the cadre, without saving anything. */
export function useEligibilityCheck(batchId: string | undefined, cadreId: string | undefined) {
  return useQuery({
    queryKey: nominationKeys.check(batchId ?? '', cadreId ?? ''),
    queryFn: ({ signal }) =>
      api<{ eligible: boolean; reasons: EligibilityReason[] }>('/api/nominations/check', {
        method: 'POST',
        body: { batchId, cadreId },
        signal,
      }),
    enabled: Boolean(batchId && cadreId),
    staleTime: 0,
  });
}

export function useNominate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { batchId: string; cadreId: string; justification: string | null }) =>
      api<Nomination>('/api/nominations', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nominationKeys.all }),
  });
}

export type Decision = 'accept' | 'refuse';

export function useReviewNomination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      decision: Decision;
      comment: string | null;
      version: number;
    }) => api<Nomination>(`/api/nominations/${encodeURIComponent(id)}/review`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: nominationKeys.all }),
  });
}

export function useWithdrawNomination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<Nomination>(`/api/nominations/${encodeURIComponent(id)}/withdraw`, {
        method: 'POST',
        body: { version },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: nominationKeys.all }),
  });
}
