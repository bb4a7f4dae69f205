import { type PostListParams, zPostListQuery } from '../../../common/posts/posts.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The post-request list state that lives in the URL (`/demands?status=submitted&batchId=…`). */
const URL_KEYS = ['page', 'pageSize', 'sort', 'order', 'q', 'batchId', 'unitId', 'status'] as const;

export function usePostListSearch() {
  return useListSearch<PostListParams>(zPostListQuery, URL_KEYS);
}

export type PostListChange = Partial<PostListParams>;

/** Whether any filter (not paging or sort) is set. */
export function hasPostFilters(p: PostListParams): boolean {
  return Boolean(p.q || p.batchId || p.unitId || p.status);
}
