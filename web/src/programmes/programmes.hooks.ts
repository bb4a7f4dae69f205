import {
  type BatchListParams,
  type ProgrammeListParams,
  zBatchListQuery,
  zProgrammeListQuery,
} from '../../../common/programmes/programmes.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The programme list state that lives in the URL (`/projects?q=qmgb&kind=aid`). */
const URL_KEYS = ['page', 'pageSize', 'sort', 'order', 'q', 'kind', 'regionCode'] as const;

export function useProgrammeListSearch() {
  return useListSearch<ProgrammeListParams>(zProgrammeListQuery, URL_KEYS);
}

export type ProgrammeListChange = Partial<ProgrammeListParams>;

/** Whether any filter (not paging or sort) is set. */
export function hasProgrammeFilters(p: ProgrammeListParams): boolean {
  return Boolean(p.q || p.kind || p.regionCode);
}

/** The 批次 list across programmes, in the URL (`/batches?status=selecting&q=第一批`). */
const BATCH_URL_KEYS = ['page', 'pageSize', 'sort', 'order', 'q', 'status'] as const;

export function useBatchListSearch() {
  return useListSearch<BatchListParams>(zBatchListQuery, BATCH_URL_KEYS);
}

export type BatchListChange = Partial<BatchListParams>;

export function hasBatchFilters(p: BatchListParams): boolean {
  return Boolean(p.q || p.status);
}
