import { type CadreListParams, zCadreListQuery } from '../../../common/cadres/cadres.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The cadre list state that lives in the URL (`/cadres?q=zsf&rankLevel=section_chief`). */
const URL_KEYS = [
  'page',
  'pageSize',
  'sort',
  'order',
  'q',
  'unitId',
  'regionCode',
  'rankLevel',
  'expertise',
  'reserve',
] as const;

export function useCadreListSearch() {
  return useListSearch<CadreListParams>(zCadreListQuery, URL_KEYS);
}

export type CadreListChange = Partial<CadreListParams>;

/** Whether any filter (not paging or sort) is set. */
export function hasCadreFilters(p: CadreListParams): boolean {
  return Boolean(p.q || p.unitId || p.regionCode || p.rankLevel || p.expertise || p.reserve !== undefined);
}
