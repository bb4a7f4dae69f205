import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type { PostingMove } from '../../../common/postings/posting-moves';
import type { Posting, PostingDetail, PostingListParams } from '../../../common/postings/postings.schema';
import { api } from '../api/client';
import { postingKeys } from '../api/query-keys';

const postingUrl = (id: string, move = '') => `/api/postings/${encodeURIComponent(id)}${move}`;

export function usePostingList(params: PostingListParams) {
  return useQuery({
    queryKey: postingKeys.list(params),
    queryFn: ({ signal }) => api<Page<Posting>>('/api/postings', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePosting(id: string) {
  return useQuery({
    queryKey: postingKeys.detail(id),
    queryFn: ({ signal }) => api<PostingDetail>(postingUrl(id), { signal }),
  });
}

/** One move (对接, 延期, 期满 …) with the version the caller saw; list and detail reload. */
export function usePostingMove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { posting: PostingDetail; move: PostingMove; body: object }) =>
      api<PostingDetail>(postingUrl(vars.posting.id, `/${vars.move}`), {
        method: 'POST',
        body: { ...vars.body, version: vars.posting.version },
      }),
    onSuccess: (detail) => queryClient.setQueryData(postingKeys.detail(detail.id), detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: postingKeys.all }),
  });
}
