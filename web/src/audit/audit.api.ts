import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditQuery } from '../../../common/audit/audit.schema';
import type { Page } from '../../../common/http/paging.schema';
import { api, apiUrl } from '../api/client';
import { auditKeys } from '../api/query-keys';

export function useAuditList(params: AuditQuery) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/api/audit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    // the log grows all the time: always ask again when the page is opened
    staleTime: 0,
  });
}

/** The CSV of every entry matching the filters (no paging); a plain GET with the session cookie. */
export function auditExportUrl(params: AuditQuery): string {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return apiUrl('/api/audit/export', { ...filters });
}
