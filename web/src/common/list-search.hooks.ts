import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

/** List state kept in the URL is paged at least. */
export interface ListParams {
  page: number;
}

/**
 * Reads a list state from the query string with the server's list-query schema; a bad
 * parameter is dropped (the others are kept). The same rules as units.hooks.ts, for any list.
 */
export function readListSearch<T extends ListParams>(
  schema: z.ZodType<T>,
  keys: readonly (keyof T & string)[],
  search: URLSearchParams,
): T {
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = search.get(key)?.trim();
    if (value) raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return schema.safeParse(kept).data ?? schema.parse({});
}

/** The query string for a list state, leaving out defaults so links stay short. */
export function writeListSearch<T extends ListParams>(
  params: T,
  defaults: T,
  keys: readonly (keyof T & string)[],
): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = params[key];
    if (value === undefined || value === null || value === '' || value === defaults[key]) continue;
    search.set(key, String(value));
  }
  return search;
}

/**
 * A list state kept in the URL and a setter: changing anything but the page goes back to
 * page 1; `undefined` in a change clears that filter. The third item resets everything.
 */
export function useListSearch<T extends ListParams>(
  schema: z.ZodType<T>,
  keys: readonly (keyof T & string)[],
): [T, (change: Partial<T>) => void, () => void] {
  const [search, setSearch] = useSearchParams();
  const defaults = useMemo(() => schema.parse({}), [schema]);
  const params = useMemo(() => readListSearch(schema, keys, search), [schema, keys, search]);
  // the state asked for last: two changes in a row (a select, then Enter in the search box)
  // both count even when the URL has not caught up with the first one yet
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const update = useCallback(
    (change: Partial<T>) => {
      const next = { ...latest.current, page: 1, ...change } as T;
      latest.current = next;
      setSearch(writeListSearch(next, defaults, keys));
    },
    [defaults, keys, setSearch],
  );
  const reset = useCallback(() => {
    latest.current = defaults;
    setSearch(new URLSearchParams());
  }, [defaults, setSearch]);
  return [params, update, reset];
}
