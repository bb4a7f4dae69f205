import { type AccountListParams, zAccountListQuery } from '../../../common/accounts/accounts.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The accounts list state that lives in the URL (`/admin/accounts?role=org_dept&page=2`). */
const URL_KEYS = ['page', 'pageSize', 'sort', 'order', 'q', 'role', 'active'] as const;

export function useAccountListSearch() {
  return useListSearch<AccountListParams>(zAccountListQuery, URL_KEYS);
}

/** Whether any filter (not paging or sorting) is set. */
export function hasAccountFilters(params: AccountListParams): boolean {
  return Boolean(params.q || params.role || params.active !== undefined);
}
