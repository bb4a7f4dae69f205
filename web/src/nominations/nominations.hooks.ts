import {
  type NominationListParams,
  zNominationListQuery,
} from '../../../common/nominations/nominations.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The nomination list state that lives in the URL (`/recommendations?batchId=…&eligible=false`). */
const URL_KEYS = [
  'page',
  'pageSize',
  'sort',
  'order',
  'q',
  'batchId',
  'unitId',
  'status',
  'eligible',
] as const;

export function useNominationListSearch() {
  return useListSearch<NominationListParams>(zNominationListQuery, URL_KEYS);
}

export type NominationListChange = Partial<NominationListParams>;

/** Whether any filter (not paging or sort) is set. */
export function hasNominationFilters(p: NominationListParams): boolean {
  return Boolean(p.q || p.batchId || p.unitId || p.status || p.eligible !== undefined);
}
