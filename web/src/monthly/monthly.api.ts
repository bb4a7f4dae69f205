import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type {
  MonthlyCreate,
  MonthlyDetail,
  MonthlyListParams,
  MonthlyReport,
} from '../../../common/monthly/monthly.schema';
import { api } from '../api/client';
import { documentKeys, monthlyKeys } from '../api/query-keys';

const reportUrl = (id: string, rest = '') => `/api/monthly/${encodeURIComponent(id)}${rest}`;

/** Where the report's document (.docx, preview, pages) is served. */
export const monthlyDocumentPath = (id: string) => reportUrl(id, '/document');

export function useMonthlyList(params: MonthlyListParams) {
  return useQuery({
    queryKey: monthlyKeys.list(params),
    queryFn: ({ signal }) => api<Page<MonthlyReport>>('/api/monthly', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMonthly(id: string) {
  return useQuery({
    queryKey: monthlyKeys.detail(id),
    queryFn: ({ signal }) => api<MonthlyDetail>(reportUrl(id), { signal }),
  });
}

/** After any change: the detail answered, lists and the document's preview read again. */
function useSettle() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (detail: MonthlyDetail) => queryClient.setQueryData(monthlyKeys.detail(detail.id), detail),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: monthlyKeys.all }),
        queryClient.invalidateQueries({ queryKey: documentKeys.all }),
      ]),
  };
}

/** The cadre starts a month's draft (its facts generated from the records). */
export function useCreateMonthly() {
  return useMutation({
    mutationFn: (body: MonthlyCreate) => api<MonthlyDetail>('/api/monthly', { method: 'POST', body }),
    ...useSettle(),
  });
}

/** The cadre saves the narrative and next month's plan (with the version read). */
export function useSaveMonthly() {
  return useMutation({
    mutationFn: (v: { id: string; summary: string | null; plan: string | null; version: number }) =>
      api<MonthlyDetail>(reportUrl(v.id), {
        method: 'PUT',
        body: { summary: v.summary, plan: v.plan, version: v.version },
      }),
    ...useSettle(),
  });
}

export type MonthlyMove = 'submit' | 'sign' | 'return';

/** 提交 (the cadre), 签收 or 退回 with a comment (the receiving unit). */
export function useMonthlyMove() {
  return useMutation({
    mutationFn: (v: { id: string; version: number; move: MonthlyMove; comment?: string | null }) =>
      api<MonthlyDetail>(reportUrl(v.id, `/${v.move}`), {
        method: 'POST',
        body:
          v.move === 'submit' ? { version: v.version } : { version: v.version, comment: v.comment ?? null },
      }),
    ...useSettle(),
  });
}
