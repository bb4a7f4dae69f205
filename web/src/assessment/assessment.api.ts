import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Ballot,
  IssuedCodes,
  Round,
  RoundDetail,
  Stats,
  SubjectResult,
} from '../../../common/assessment/assessment.schema';
import type { Page } from '../../../common/http/paging.schema';
import { api, apiUrl } from '../api/client';
import { assessmentKeys } from '../api/query-keys';

export function useRounds(params: { page: number; pageSize: number; status?: string; kind?: string }) {
  return useQuery({
    queryKey: assessmentKeys.rounds(params),
    queryFn: ({ signal }) => api<Page<Round>>('/api/assessment/rounds', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string | null) {
  return useQuery({
    queryKey: assessmentKeys.round(id ?? ''),
    queryFn: ({ signal }) =>
      api<RoundDetail>(`/api/assessment/rounds/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSubjects(params: { page: number; pageSize: number; published?: 'true' }) {
  return useQuery({
    queryKey: assessmentKeys.subjects(params),
    queryFn: ({ signal }) =>
      api<Page<SubjectResult>>('/api/assessment/subjects', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStats(roundId: string | null) {
  return useQuery({
    queryKey: assessmentKeys.stats({ roundId }),
    queryFn: ({ signal }) => api<Stats>('/api/assessment/stats', { query: { roundId }, signal }),
    enabled: Boolean(roundId),
  });
}

/** Any write of the capability (method, path, body); every assessment query reloads. */
export function useAssessmentWrite<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PUT'; path: string; body: object }) =>
      api<T>(path, { method, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

export const issueCodes = (roundId: string, unitId: string, count: number) =>
  api<IssuedCodes>(`/api/assessment/rounds/${encodeURIComponent(roundId)}/ballot-codes`, {
    method: 'POST',
    body: { unitId, count },
  });

export function useBallot(code: string) {
  return useQuery({
    queryKey: assessmentKeys.ballot(code),
    queryFn: ({ signal }) => api<Ballot>(`/api/ballots/${encodeURIComponent(code)}`, { signal }),
    enabled: code.length >= 8,
    retry: false,
  });
}
export const castBallot = (code: string, votes: object[]) =>
  api<{ counted: number }>(`/api/ballots/${encodeURIComponent(code)}`, { method: 'POST', body: { votes } });

export const statsExportUrl = (roundId: string) => apiUrl('/api/assessment/stats/export', { roundId });
/** 挂职干部考核登记表 of one posting (.docx). */
export const registrationUrl = (roundId: string, postingId: string) =>
  apiUrl(
    `/api/assessment/rounds/${encodeURIComponent(roundId)}/registration/${encodeURIComponent(postingId)}`,
  );
/** 考核结果汇总表 of the round, as .docx or .xlsx. */
export const resultsListUrl = (roundId: string, format: 'docx' | 'xlsx') =>
  apiUrl(`/api/assessment/rounds/${encodeURIComponent(roundId)}/results-list`, { format });
export const honoursUrl = (batchId: string) =>
  apiUrl(`/api/batches/${encodeURIComponent(batchId)}/assessment-honours`);
