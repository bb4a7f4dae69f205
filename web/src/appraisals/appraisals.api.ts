import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Appraisal,
  AppraisalCreate,
  AppraisalDetail,
  AppraisalListParams,
} from '../../../common/appraisals/appraisals.schema';
import type { Page } from '../../../common/http/paging.schema';
import type { Posting } from '../../../common/postings/postings.schema';
import { api } from '../api/client';
import { appraisalKeys, documentKeys } from '../api/query-keys';

const appraisalUrl = (id: string, rest = '') => `/api/appraisals/${encodeURIComponent(id)}${rest}`;

/** Where the 挂职干部鉴定表 (.docx, preview, pages) is served. */
export const appraisalDocumentPath = (id: string) => appraisalUrl(id, '/document');

export function useAppraisalList(params: AppraisalListParams) {
  return useQuery({
    queryKey: appraisalKeys.list(params),
    queryFn: ({ signal }) => api<Page<Appraisal>>('/api/appraisals', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAppraisal(id: string) {
  return useQuery({
    queryKey: appraisalKeys.detail(id),
    queryFn: ({ signal }) => api<AppraisalDetail>(appraisalUrl(id), { signal }),
  });
}

/** The postings an appraisal may be started for: on post or at the end of term (期满). */
export function useAppraisablePostings(enabled: boolean) {
  const base = { page: 1, pageSize: 50, sort: 'createdAt', order: 'desc' } as const;
  return useQuery({
    queryKey: [...appraisalKeys.all, 'postings'],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        (['active', 'ended'] as const).map((status) =>
          api<Page<Posting>>('/api/postings', { query: { ...base, status }, signal }),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
    enabled,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (detail: AppraisalDetail) => queryClient.setQueryData(appraisalKeys.detail(detail.id), detail),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: appraisalKeys.all }),
        queryClient.invalidateQueries({ queryKey: documentKeys.all }),
      ]),
  };
}

/** The receiving unit starts the appraisal (drafted from the records). */
export function useCreateAppraisal() {
  return useMutation({
    mutationFn: (body: AppraisalCreate) => api<AppraisalDetail>('/api/appraisals', { method: 'POST', body }),
    ...useSettle(),
  });
}

/** Saves one party's text: the receiving unit's appraisal (`text`) or the cadre's term summary. */
export function useSaveAppraisal() {
  return useMutation({
    mutationFn: (v: { id: string; field: 'text' | 'summary'; value: string | null; version: number }) =>
      api<AppraisalDetail>(appraisalUrl(v.id, v.field === 'summary' ? '/summary' : ''), {
        method: 'PUT',
        body: { [v.field]: v.value, version: v.version },
      }),
    ...useSettle(),
  });
}

export type AppraisalMove = 'submit' | 'countersign' | 'return';

/** 提交会签 (the receiving unit), 会签 or 退回 with a comment (the 组织部). */
export function useAppraisalMove() {
  return useMutation({
    mutationFn: (v: { id: string; version: number; move: AppraisalMove; comment?: string | null }) =>
      api<AppraisalDetail>(appraisalUrl(v.id, `/${v.move}`), {
        method: 'POST',
        body:
          v.move === 'submit' ? { version: v.version } : { version: v.version, comment: v.comment ?? null },
      }),
    ...useSettle(),
  });
}
