import { queryOptions } from '@tanstack/react-query';
import type { Region, RegionWithPath } from '../../../common/regions/regions.schema';
import { api } from '../api/client';
import { regionKeys } from '../api/query-keys';

/** Regions change only with a new release of the code table: cache them for the whole visit. */
const FOREVER = Number.POSITIVE_INFINITY;

/** The children of a region, or the provinces when `parentCode` is ''. */
export function regionChildrenQuery(parentCode: string) {
  return queryOptions({
    queryKey: regionKeys.children(parentCode),
    queryFn: ({ signal }) =>
      api<{ items: Region[] }>('/api/regions', { query: { parentCode }, signal }).then((r) => r.items),
    staleTime: FOREVER,
    gcTime: FOREVER,
  });
}

/** A region with its ancestors, province first: what a cascader needs to show a saved code. */
export function regionPathQuery(code: string) {
  return queryOptions({
    queryKey: regionKeys.path(code),
    queryFn: ({ signal }) => api<RegionWithPath>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
    staleTime: FOREVER,
    gcTime: FOREVER,
  });
}
