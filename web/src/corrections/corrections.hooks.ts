import {
  type CorrectionListParams,
  zCorrectionListQuery,
} from '../../../common/corrections/corrections.schema';
import { useListSearch } from '../common/list-search.hooks';

/** The correction list state that lives in the URL (`/corrections?status=pending&q=张`). */
const URL_KEYS = ['page', 'pageSize', 'sort', 'order', 'status', 'q'] as const;

export function useCorrectionListSearch() {
  return useListSearch<CorrectionListParams>(zCorrectionListQuery, URL_KEYS);
}
