import { type AuditQuery, zAuditQuery } from '../../../common/audit/audit.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The audit list state that lives in the URL (`/admin/audit?action=units.update&result=denied`). */
const URL_KEYS = [
  'page',
  'pageSize',
  'order',
  'actor',
  'action',
  'objectType',
  'objectId',
  'result',
  'from',
  'to',
] as const;

export function useAuditListSearch() {
  return useListSearch<AuditQuery>(zAuditQuery, URL_KEYS);
}

/** Whether any filter (not paging or order) is set. */
export function hasAuditFilters(p: AuditQuery): boolean {
  return Boolean(p.actor || p.action || p.objectType || p.objectId || p.result || p.from || p.to);
}
