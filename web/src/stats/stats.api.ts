import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardQuery } from '../../../common/stats/stats.schema';
import { api } from '../api/client';
import { statsKeys } from '../api/query-keys';

/** The 组织部's dashboard over its scope, narrowed to a programme, a batch and a period (issue 16 line 2). */
export function useDashboard(params: Partial<DashboardQuery>) {
  return useQuery({
    queryKey: statsKeys.dashboard(params),
    queryFn: ({ signal }) => api<Dashboard>('/api/stats/dashboard', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}
