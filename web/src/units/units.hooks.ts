import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type UnitListParams, zUnitListQuery } from '../../../common/units/units.schema';

/** The list state that lives in the URL (`/units?q=qxz&kind=township&page=2`). */
const URL_KEYS = ['page', 'pageSize', 'sort', 'order', 'q', 'kind', 'regionCode', 'active'] as const;
const DEFAULTS = zUnitListQuery.parse({});

/** Reads the list state from the query string with the server's schema; a bad parameter is dropped. */
export function readUnitListSearch(search: URLSearchParams): UnitListParams {
  const raw: Record<string, string> = {};
  for (const key of URL_KEYS) {
    const value = search.get(key)?.trim();
    if (value) raw[key] = value;
  }
  const parsed = zUnitListQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return zUnitListQuery.safeParse(kept).data ?? DEFAULTS;
}

/** The query string for a list state, leaving out defaults so links stay short. */
export function writeUnitListSearch(params: UnitListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of URL_KEYS) {
    const value = params[key];
    if (value === undefined || value === '' || value === DEFAULTS[key]) continue;
    search.set(key, String(value));
  }
  return search;
}

export type UnitListChange = Partial<Omit<UnitListParams, 'parentId'>>;

/**
 * The units list state and a setter. Changing anything but the page goes back to page 1;
 * `undefined` in a change clears that filter.
 */
export function useUnitListSearch(): [UnitListParams, (change: UnitListChange) => void, () => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readUnitListSearch(search), [search]);
  const update = useCallback(
    (change: UnitListChange) => {
      const next = { ...params, page: 1, ...change };
      setSearch(writeUnitListSearch(next));
    },
    [params, setSearch],
  );
  const reset = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  return [params, update, reset];
}

/** Whether any filter (not paging or sorting) is set. */
export function hasUnitFilters(params: UnitListParams): boolean {
  return Boolean(params.q || params.kind || params.regionCode || params.active !== undefined);
}
