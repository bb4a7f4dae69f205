import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/http/paging.schema';
import type {
  Post,
  PostListParams,
  PostUpdateValues,
  PostValues,
  PostView,
} from '../../../common/posts/posts.schema';
import { api } from '../api/client';
import { expertiseKeys, postKeys } from '../api/query-keys';

export { usePostLevelTable, useSavePostLevels, useUnitPostLevels } from './post-levels.api';

const postUrl = (id: string, action = '') => `/api/posts/${encodeURIComponent(id)}${action}`;

export function usePostList(params: PostListParams) {
  return useQuery({
    queryKey: postKeys.list(params),
    queryFn: ({ signal }) => api<Page<PostView>>('/api/posts', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function fetchPost(id: string, signal?: AbortSignal): Promise<PostView> {
  return api<PostView>(postUrl(id), { signal });
}

export function usePost(id: string) {
  return useQuery({ queryKey: postKeys.detail(id), queryFn: ({ signal }) => fetchPost(id, signal) });
}

/** The managed 专业特长 vocabulary, by category. */
export function useExpertiseVocabulary() {
  return useQuery({
    queryKey: expertiseKeys.all,
    queryFn: ({ signal }) =>
      api<{ items: { tag: string; category: string }[] }>('/api/expertise', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type SavePostVariables =
  | { id: null; input: PostValues }
  | { id: string; input: Omit<PostUpdateValues, 'version'>; version: number };

export function useSavePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: SavePostVariables) =>
      vars.id === null
        ? api<Post>('/api/posts', { method: 'POST', body: vars.input })
        : api<Post>(postUrl(vars.id), { method: 'PUT', body: { ...vars.input, version: vars.version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postKeys.all }),
  });
}

export type ReviewDecision = 'approve' | 'return' | 'reject';

/** Submit, review and delete: each sends the version it saw; the list reloads either way. */
export function usePostAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      vars:
        | { kind: 'submit'; post: Post }
        | { kind: 'delete'; post: Post }
        | { kind: 'review'; post: Post; decision: ReviewDecision; comment: string | null },
    ) => {
      const { post } = vars;
      if (vars.kind === 'delete')
        return api<unknown>(postUrl(post.id), { method: 'DELETE', query: { version: post.version } });
      if (vars.kind === 'submit')
        return api<Post>(postUrl(post.id, '/submit'), { method: 'POST', body: { version: post.version } });
      return api<Post>(postUrl(post.id, '/review'), {
        method: 'POST',
        body: { decision: vars.decision, comment: vars.comment, version: post.version },
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: postKeys.all }),
  });
}
