import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import type {
  Correction,
  CorrectionInput,
  CorrectionListParams,
  CorrectionReview,
  OwnNomination,
} from '../../../common/corrections/corrections.schema';
import type { Page } from '../../../common/http/paging.schema';
import { api } from '../api/client';
import { correctionKeys } from '../api/query-keys';

/** The direct fields as the server takes them (`phone` omitted: unchanged). */
export interface SelfUpdate {
  phone?: string;
  school: string | null;
  major: string | null;
  expertise: string[];
  version: number;
}

export function useOwnProfile() {
  return useQuery({
    queryKey: correctionKeys.ownProfile,
    queryFn: ({ signal }) => api<CadreDetail>('/api/me/cadre', { signal }),
  });
}

/** 我的档案: the cadre's own nominations. */
export function useOwnNominations() {
  return useQuery({
    queryKey: correctionKeys.ownNominations,
    queryFn: ({ signal }) => api<{ items: OwnNomination[] }>('/api/me/nominations', { signal }),
  });
}

export function useCorrectionList(params: CorrectionListParams) {
  return useQuery({
    queryKey: correctionKeys.list(params),
    queryFn: ({ signal }) => api<Page<Correction>>('/api/corrections', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every change here may touch the profile and the lists: refresh them all. */
function useCorrectionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: correctionKeys.all }),
  });
}

export const useUpdateOwnProfile = () =>
  useCorrectionMutation((body: SelfUpdate) => api<CadreDetail>('/api/me/cadre', { method: 'PUT', body }));

export const useProposeCorrection = () =>
  useCorrectionMutation((body: CorrectionInput) =>
    api<Correction>('/api/corrections', { method: 'POST', body }),
  );

export const useWithdrawCorrection = () =>
  useCorrectionMutation((c: Pick<Correction, 'id' | 'version'>) =>
    api<Correction>(`/api/corrections/${encodeURIComponent(c.id)}/withdraw`, {
      method: 'POST',
      body: { version: c.version },
    }),
  );

export const useReviewCorrection = () =>
  useCorrectionMutation(
    ({ id, ...body }: { id: string } & Omit<CorrectionReview, 'comment'> & { comment?: string }) =>
      api<Correction>(`/api/corrections/${encodeURIComponent(id)}/review`, { method: 'POST', body }),
  );
