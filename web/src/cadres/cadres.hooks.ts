import { useCallback, useState } from 'react';
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
  'batchId',
  'nominationStatus',
] as const;

export function useCadreListSearch() {
  return useListSearch<CadreListParams>(zCadreListQuery, URL_KEYS);
}

export type CadreListChange = Partial<CadreListParams>;

/** Whether any filter (not paging or sort) is set. */
export function hasCadreFilters(p: CadreListParams): boolean {
  return Boolean(
    p.q ||
      p.unitId ||
      p.regionCode ||
      p.rankLevel ||
      p.expertise ||
      p.reserve !== undefined ||
      p.batchId ||
      p.nominationStatus,
  );
}

const HIDDEN_COLUMNS_KEY = 'guazhi.cadres.hiddenColumns';

function readHiddenColumns(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(HIDDEN_COLUMNS_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/** The 干部名册 columns the user has hidden (列设置), remembered in this browser. */
export function useHiddenColumns(): [string[], (hidden: string[]) => void] {
  const [hidden, setHidden] = useState(readHiddenColumns);
  const update = useCallback((next: string[]) => {
    setHidden(next);
    try {
      localStorage.setItem(HIDDEN_COLUMNS_KEY, JSON.stringify(next));
    } catch {
      // storage full or refused: the choice holds for this visit only
    }
  }, []);
  return [hidden, update];
}
