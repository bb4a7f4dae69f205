import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CadreListParams } from '../../../common/cadres/cadres.schema';
import {
  type ImportCommit,
  type ImportKind,
  type ImportMode,
  type ImportPreview,
  XLSX_MIME,
} from '../../../common/excel/excel.schema';
import type { UnitListParams } from '../../../common/units/units.schema';
import { api, apiUpload, apiUrl } from '../api/client';
import { achievementKeys, cadreKeys, postKeys, unitKeys } from '../api/query-keys';

/** The lists an import of each kind changes. */
const listKeys: Record<ImportKind, readonly string[]> = {
  cadres: cadreKeys.all,
  units: unitKeys.all,
  posts: postKeys.all,
  // achievements (issue 13 line 5)
  achievements: achievementKeys.all,
};

const importPath = (importId: string) => `/api/excel/imports/${encodeURIComponent(importId)}`;

/**
 * Starts a download: the server answers with Content-Disposition: attachment, so the page stays.
 * (Session failures show as the server's JSON in a download; the pages only offer what is allowed.)
 */
export function download(url: string): void {
  window.location.href = url;
}

/** A kind's template: only for those who may import the kind (its dropdowns are their scope). */
export const templateUrl = (kind: ImportKind) => `/api/excel/templates/${kind}`;

/** An export takes the list's filters and sort, without paging. */
export function exportUrl(
  ...[kind, params, full]: ['cadres', CadreListParams, boolean?] | ['units', UnitListParams]
): string {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return apiUrl(`/api/excel/exports/${kind}`, { ...filters, ...(full ? { full: 'true' } : {}) });
}

export interface UploadImportVariables {
  file: Blob;
  mode: ImportMode;
  /** The share of the file sent so far (0–100). */
  onProgress: (percent: number) => void;
}

/** Uploads a workbook for checking: the preview lists every bad row; nothing is stored yet. */
export function useUploadImport(kind: ImportKind) {
  return useMutation({
    mutationFn: ({ file, mode, onProgress }: UploadImportVariables) =>
      apiUpload<ImportPreview>(`/api/excel/imports/${kind}`, {
        query: { mode },
        file: { data: file, contentType: XLSX_MIME },
        onProgress,
      }),
  });
}

/** Commits a checked import: every row or none (through its kind's route, under its kind's permission). */
export function useCommitImport(kind: ImportKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) =>
      api<ImportCommit>(`/api/excel/imports/${kind}/${encodeURIComponent(importId)}/commit`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKeys[kind] }),
  });
}

/** Drops a checked import that will not be committed. */
export function discardImport(importId: string): Promise<unknown> {
  return api(importPath(importId), { method: 'DELETE' });
}
