import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RankLevel } from '../../../common/cadres/cadre-enums';
import type { PostLevelTable, RegionTier, UnitPostLevels } from '../../../common/posts/post-levels';
import type { UnitKind } from '../../../common/units/units.schema';
import { api } from '../api/client';
import { postLevelKeys } from '../api/query-keys';

/** The whole table (the settings page). */
export function usePostLevelTable() {
  return useQuery({
    queryKey: postLevelKeys.table,
    queryFn: ({ signal }) => api<PostLevelTable>('/api/post-levels', { signal }),
  });
}

/** The levels one unit may ask for, most common first (the post form's options). */
export function useUnitPostLevels(unitId: string | undefined) {
  return useQuery({
    queryKey: postLevelKeys.unit(unitId ?? ''),
    queryFn: ({ signal }) =>
      api<UnitPostLevels>(`/api/units/${encodeURIComponent(unitId ?? '')}/post-levels`, { signal }),
    enabled: Boolean(unitId),
    staleTime: 60_000,
  });
}

/** Changes one cell; `levels: null` goes back to the default. */
export function useSavePostLevels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { unitKind: UnitKind; regionTier: RegionTier; levels: RankLevel[] | null }) =>
      api<PostLevelTable>(`/api/post-levels/${vars.unitKind}/${vars.regionTier}`, {
        method: 'PUT',
        body: { levels: vars.levels },
      }),
    onSuccess: (table) => {
      queryClient.setQueryData(postLevelKeys.table, table);
      return queryClient.invalidateQueries({ queryKey: postLevelKeys.all });
    },
  });
}
