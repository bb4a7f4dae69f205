import { useQuery } from '@tanstack/react-query';
import type { Home } from '../../../common/home/home.schema';
import { api } from '../api/client';
import { homeKeys } from '../api/query-keys';

/** The caller's pending work, one section per business role; asked again when the page is shown. */
export function useHome() {
  return useQuery({
    queryKey: homeKeys.all,
    queryFn: ({ signal }) => api<Home>('/api/home', { signal }),
    refetchOnMount: 'always',
  });
}
