import type { AccountListParams } from '../../../common/accounts/accounts.schema';
import type { AuditQuery } from '../../../common/audit/audit.schema';
import type { CadreListParams } from '../../../common/cadres/cadres.schema';
import type { CorrectionListParams } from '../../../common/corrections/corrections.schema';
import type { LeaveListParams } from '../../../common/leave/leave.schema';
import type { NominationListParams } from '../../../common/nominations/nominations.schema';
import type { PostingListParams } from '../../../common/postings/postings.schema';
import type { PostListParams } from '../../../common/posts/posts.schema';
import type { BatchListParams, ProgrammeListParams } from '../../../common/programmes/programmes.schema';
import type { UnitListParams } from '../../../common/units/units.schema';
import type { WorklogListParams, WorklogSearchParams } from '../../../common/worklog/worklog.schema';

/**
 * Every query key of the app, in one place: a capability's calls, and the Excel imports that
 * change several capabilities' records, invalidate through these — so no capability folder imports
 * another's calls only to name its cache.
 */
export const accountKeys = {
  all: ['accounts'] as const,
  list: (params: AccountListParams) => ['accounts', 'list', params] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
};

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditQuery) => ['audit', 'list', params] as const,
};

export const cadreKeys = {
  all: ['cadres'] as const,
  list: (params: CadreListParams) => ['cadres', 'list', params] as const,
  detail: (id: string) => ['cadres', 'detail', id] as const,
  options: (q: string) => ['cadres', 'options', q] as const,
};

export const correctionKeys = {
  all: ['corrections'] as const,
  list: (params: CorrectionListParams) => ['corrections', 'list', params] as const,
  ownProfile: ['corrections', 'me'] as const,
  ownNominations: ['corrections', 'me', 'nominations'] as const,
};

export const nominationKeys = {
  all: ['nominations'] as const,
  list: (params: NominationListParams) => ['nominations', 'list', params] as const,
  detail: (id: string) => ['nominations', 'detail', id] as const,
  check: (batchId: string, cadreId: string) => ['nominations', 'check', batchId, cadreId] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  page: (params: { page: number; unread: boolean }) => ['notifications', 'page', params] as const,
};

export const homeKeys = { all: ['home'] as const };

export const postKeys = {
  all: ['posts'] as const,
  list: (params: PostListParams) => ['posts', 'list', params] as const,
  detail: (id: string) => ['posts', 'detail', id] as const,
};

export const postLevelKeys = {
  all: ['postLevels'] as const,
  table: ['postLevels', 'table'] as const,
  unit: (unitId: string) => ['postLevels', 'unit', unitId] as const,
};

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (params: ProgrammeListParams) => ['programmes', 'list', params] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
  /** Programmes found for a picker as the user types (useProgrammeSearch). */
  options: ['programmes', 'options'] as const,
};

export const batchKeys = {
  all: ['programmes', 'batches'] as const,
  list: (params: Partial<BatchListParams>) => ['programmes', 'batches', 'list', params] as const,
  readiness: (id: string) => ['programmes', 'batches', 'readiness', id] as const,
  /** Batches found for pickers and filters as the user types (useBatchSearch). */
  options: ['batches', 'options'] as const,
};

export const unitKeys = {
  all: ['units'] as const,
  list: (params: UnitListParams) => ['units', 'list', params] as const,
  options: (q: string) => ['units', 'options', q] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

/** The managed 专业特长 vocabulary (cadre and post forms). */
export const expertiseKeys = { all: ['expertise'] as const };

export const regionKeys = {
  children: (parentCode: string) => ['regions', 'children', parentCode] as const,
  path: (code: string) => ['regions', 'path', code] as const,
};

export const postingKeys = {
  all: ['postings'] as const,
  list: (params: PostingListParams) => ['postings', 'list', params] as const,
  detail: (id: string) => ['postings', 'detail', id] as const,
};

/** 人岗匹配 (issue 12): a batch's board, candidates, runs, comparisons and alternatives. */
export const matchingKeys = {
  all: ['matching'] as const,
  board: (batchId: string) => ['matching', 'board', batchId] as const,
  candidates: (batchId: string, nominationId: string) =>
    ['matching', 'candidates', batchId, nominationId] as const,
  run: (runId: string) => ['matching', 'run', runId] as const,
  compare: (a: string, b: string) => ['matching', 'compare', a, b] as const,
  alternatives: (runId: string, nominationId: string) =>
    ['matching', 'alternatives', runId, nominationId] as const,
};

/** Leave requests and the working-day calendar (issue 13). */
export const leaveKeys = {
  all: ['leave'] as const,
  list: (params: LeaveListParams) => ['leave', 'list', params] as const,
  detail: (id: string) => ['leave', 'detail', id] as const,
  routes: (programmeId: string) => ['leave', 'routes', programmeId] as const,
};
export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  workingDays: (from: string, to: string, region: string | null) =>
    ['calendar', 'days', from, to, region] as const,
};

/** The achievement ledger (实事, issue 13 line 5). */
export const achievementKeys = {
  all: ['achievements'] as const,
  list: (params: object) => ['achievements', 'list', params] as const,
  detail: (id: string) => ['achievements', 'detail', id] as const,
  totals: (params: object) => ['achievements', 'totals', params] as const,
};
// the dashboard (issue 16 line 2)
export const statsKeys = {
  all: ['stats'] as const,
  dashboard: (params: object) => ['stats', 'dashboard', params] as const,
};
// worklog (issue 13 line 4): the work log (工作纪实) and its search
export const worklogKeys = {
  all: ['worklog'] as const,
  postings: ['worklog', 'postings'] as const,
  list: (params: WorklogListParams) => ['worklog', 'list', params] as const,
  search: (params: WorklogSearchParams) => ['worklog', 'search', params] as const,
};
// issue 13 line 3: attendance
export const attendanceKeys = {
  all: ['attendance'] as const,
  month: (postingId: string, month: string) => ['attendance', 'month', postingId, month] as const,
  report: (month: string, batchId: string | null) => ['attendance', 'report', month, batchId] as const,
  place: (unitId: string) => ['attendance', 'place', unitId] as const,
  units: ['attendance', 'units'] as const,
};
/** Official documents (issue 14): preview availability, a 组织部's settings, notices, previews. */
export const documentKeys = {
  all: ['documents'] as const,
  status: ['documents', 'status'] as const,
  settings: (regionCode: string | null) => ['documents', 'settings', regionCode] as const,
  parts: (runId: string) => ['documents', 'parts', runId] as const,
  preview: (url: string) => ['documents', 'preview', url] as const,
  batches: (batchId: string) => ['documents', 'batches', batchId] as const,
  archive: (postingId: string, pages: boolean) => ['documents', 'archive', postingId, pages] as const,
};
// assessment (issue 15)
export const assessmentKeys = {
  all: ['assessment'] as const,
  rounds: (params: object) => ['assessment', 'rounds', params] as const,
  round: (id: string) => ['assessment', 'round', id] as const,
  subjects: (params: object) => ['assessment', 'subjects', params] as const,
  stats: (params: object) => ['assessment', 'stats', params] as const,
  ballot: (code: string) => ['assessment', 'ballot', code] as const,
};
// monthly reports (issue 14 line 4): 月度情况报送
export const monthlyKeys = {
  all: ['monthly'] as const,
  list: (params: object) => ['monthly', 'list', params] as const,
  detail: (id: string) => ['monthly', 'detail', id] as const,
};
// appraisals (issue 15 line 4): 期满鉴定
export const appraisalKeys = {
  all: ['appraisals'] as const,
  list: (params: object) => ['appraisals', 'list', params] as const,
  detail: (id: string) => ['appraisals', 'detail', id] as const,
};
