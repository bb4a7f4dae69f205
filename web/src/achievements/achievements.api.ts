import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Achievement,
  AchievementDetail,
  AchievementListParams,
  Totals,
  TotalsParams,
} from '../../../common/achievements/achievements.schema';
import type { Page } from '../../../common/http/paging.schema';
import { api } from '../api/client';
import { achievementKeys } from '../api/query-keys';

const achievementUrl = (id: string, action = '') => `/api/achievements/${encodeURIComponent(id)}${action}`;

export function useAchievementList(params: Partial<AchievementListParams>) {
  return useQuery({
    queryKey: achievementKeys.list(params),
    queryFn: ({ signal }) => api<Page<Achievement>>('/api/achievements', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAchievement(id: string) {
  return useQuery({
    queryKey: achievementKeys.detail(id),
    queryFn: ({ signal }) => api<AchievementDetail>(achievementUrl(id), { signal }),
  });
}

export function useAchievementTotals(params: Partial<TotalsParams>) {
  return useQuery({
    queryKey: achievementKeys.totals(params),
    queryFn: ({ signal }) => api<Totals>('/api/achievements/totals', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Records a new entry, or saves an edited one (with the version read). */
export function useSaveAchievement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { id: string | null; body: object }) =>
      vars.id
        ? api<AchievementDetail>(achievementUrl(vars.id), { method: 'PUT', body: vars.body })
        : api<AchievementDetail>('/api/achievements', { method: 'POST', body: vars.body }),
    onSuccess: (detail) => queryClient.setQueryData(achievementKeys.detail(detail.id), detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: achievementKeys.all }),
  });
}

export type AchievementAction = 'claim' | 'withdraw' | 'verify' | 'return';

/** One move with the version the caller saw; lists, totals and the detail reload. */
export function useAchievementAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: {
      entry: Pick<Achievement, 'id' | 'version'>;
      action: AchievementAction;
      comment?: string | null;
    }) =>
      api<AchievementDetail>(achievementUrl(vars.entry.id, `/${vars.action}`), {
        method: 'POST',
        body: {
          ...(vars.action === 'verify' || vars.action === 'return' ? { comment: vars.comment ?? null } : {}),
          version: vars.entry.version,
        },
      }),
    onSuccess: (detail) => queryClient.setQueryData(achievementKeys.detail(detail.id), detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: achievementKeys.all }),
  });
}

/** Where a file of evidence downloads from. */
export const evidenceUrl = (id: string, fileId: string) =>
  achievementUrl(id, `/attachments/${encodeURIComponent(fileId)}`);

/** Adds or removes a file of evidence (the cadre's own entry, not yet verified); the detail reloads. */
export function useEvidence() {
  const queryClient = useQueryClient();
  const settle = {
    onSuccess: (detail: AchievementDetail) =>
      queryClient.setQueryData(achievementKeys.detail(detail.id), detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: achievementKeys.all }),
  };
  const add = useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      api<AchievementDetail>(achievementUrl(id, '/attachments'), {
        method: 'POST',
        query: { name: file.name },
        file: { data: file, contentType: 'application/octet-stream' },
      }),
    ...settle,
  });
  const remove = useMutation({
    mutationFn: ({ id, fileId }: { id: string; fileId: string }) =>
      api<AchievementDetail>(evidenceUrl(id, fileId), { method: 'DELETE' }),
    ...settle,
  });
  return { add, remove };
}
