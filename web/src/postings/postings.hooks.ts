import { type PostingListParams, zPostingListQuery } from '../../../common/postings/postings.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The posting list state that lives in the URL (`/postings?status=active&batchId=…`). */
const URL_KEYS = ['page', 'pageSize', 'sort', 'order', 'q', 'batchId', 'unitId', 'status'] as const;

export function usePostingListSearch() {
  return useListSearch<PostingListParams>(zPostingListQuery, URL_KEYS);
}

/** Whether any filter (not paging or sort) is set. */
export function hasPostingFilters(p: PostingListParams): boolean {
  return Boolean(p.q || p.batchId || p.unitId || p.status);
}
