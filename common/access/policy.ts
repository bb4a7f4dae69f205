import type { Role } from '../auth/auth.schema.js';

/**
 * The one policy table: every route declares the action it performs (`config.action`), and
 * this table says who may perform it and over which data. A route under /api without an
 * action, or with one missing here, stops the app at start-up (server/core/access.ts); the
 * authorization matrix test (test/authorization-matrix.api.test.ts) checks every route
 * against this table for every role, in and out of scope. The web app reads the same table
 * to show only the actions a user may take (it decides nothing: the server does).
 *
 * - 'public': anyone, signed in or not
 * - 'authenticated': any signed-in account, acting on its own account only
 * - `{ role: scope }`: those roles, each limited to a scope:
 *     'all'    — everything (reference data, or an administrator's whole domain)
 *     'region' — the 组织部's region subtree (user_roles.region_code)
 *     'unit'   — the liaison's / manager's own unit (user_roles.unit_id)
 *     'self'   — the caller's own records
 *
 * 三员分立: system_admin manages accounts and reference data and sees no personal data in
 * clear; security_admin manages roles, scopes, resets and unlocks; audit_admin reads the
 * audit log and nothing else. One account never holds two of them (accounts.service.ts).
 */
export type ScopeKind = 'all' | 'region' | 'unit' | 'self';
export type RoleAccess = Readonly<Partial<Record<Role, ScopeKind>>>;
export type Access = 'public' | 'authenticated' | RoleAccess;

const UNIT_READERS = {
  system_admin: 'all',
  security_admin: 'all',
  org_dept: 'region',
  sending_liaison: 'unit',
  receiving_manager: 'unit',
} as const satisfies RoleAccess;
const UNIT_WRITERS = { system_admin: 'all', org_dept: 'region' } as const satisfies RoleAccess;
const ACCOUNT_ADMIN = { system_admin: 'all' } as const satisfies RoleAccess;
const SECURITY_ADMIN = { security_admin: 'all' } as const satisfies RoleAccess;
const AUDIT_ADMIN = { audit_admin: 'all' } as const satisfies RoleAccess;
/** Who keeps cadres' files: the 组织部 over its regions, the sending unit's liaison over its unit. */
const CADRE_KEEPERS = { org_dept: 'region', sending_liaison: 'unit' } as const satisfies RoleAccess;
const CADRE_READERS = { ...CADRE_KEEPERS, cadre: 'self' } as const satisfies RoleAccess;
const CADRE_SELF = { cadre: 'self' } as const satisfies RoleAccess;
/** Programmes and batches are run by the organising 组织部; the units taking part read them all. */
const PROGRAMME_RUNNERS = { org_dept: 'region' } as const satisfies RoleAccess;
const PROGRAMME_READERS = {
  org_dept: 'region',
  sending_liaison: 'all',
  receiving_manager: 'all',
} as const satisfies RoleAccess;
/** Receiving units write their post requests; the organising 组织部 reviews them. */
const POST_WRITERS = { receiving_manager: 'unit' } as const satisfies RoleAccess;

export const POLICY = {
  'health.read': 'public',
  'docs.read': 'public',
  'auth.login': 'public',
  'auth.logout': 'authenticated',
  'auth.me': 'authenticated',
  'auth.changePassword': 'authenticated',
  'auth.personal': 'authenticated',
  'auth.totpVerify': 'authenticated',
  'auth.totpSetup': 'authenticated',
  'auth.totpEnable': 'authenticated',
  'auth.totpDisable': 'authenticated',
  'regions.read': 'authenticated',
  'units.read': UNIT_READERS,
  'units.create': UNIT_WRITERS,
  'units.update': UNIT_WRITERS,
  'units.delete': UNIT_WRITERS,
  'accounts.read': { system_admin: 'all', security_admin: 'all' },
  'accounts.create': ACCOUNT_ADMIN,
  'accounts.update': ACCOUNT_ADMIN,
  'accounts.activate': ACCOUNT_ADMIN,
  'accounts.delete': ACCOUNT_ADMIN,
  'accounts.grant': SECURITY_ADMIN,
  'accounts.resetPassword': SECURITY_ADMIN,
  'accounts.unlock': SECURITY_ADMIN,
  'accounts.resetTotp': SECURITY_ADMIN,
  'cadres.read': CADRE_READERS,
  'cadres.create': CADRE_KEEPERS,
  'cadres.update': CADRE_KEEPERS,
  'cadres.delete': CADRE_KEEPERS,
  'cadres.viewFull': CADRE_READERS,
  'cadres.photo': CADRE_KEEPERS,
  /** The cadre's own profile (ADR 010): read it, update the direct fields at once. */
  'cadres.readSelf': CADRE_SELF,
  'cadres.updateSelf': CADRE_SELF,
  /** Which account is the cadre's own: those who keep the record decide. */
  'cadres.linkAccount': CADRE_KEEPERS,
  /** Corrections of key fields: the cadre asks, the sending liaison decides, the 组织部 reads. */
  'corrections.read': { org_dept: 'region', sending_liaison: 'unit', cadre: 'self' },
  'corrections.create': CADRE_SELF,
  'corrections.withdraw': CADRE_SELF,
  'corrections.review': { sending_liaison: 'unit' },
  /** 我的档案 (issue 11 line 8): the cadre's own nominations and where they stand. */
  'nominations.readSelf': CADRE_SELF,
  'expertise.read': 'authenticated',
  'programmes.read': PROGRAMME_READERS,
  'programmes.create': PROGRAMME_RUNNERS,
  'programmes.update': PROGRAMME_RUNNERS,
  'programmes.delete': PROGRAMME_RUNNERS,
  'batches.read': PROGRAMME_READERS,
  'batches.create': PROGRAMME_RUNNERS,
  'batches.update': PROGRAMME_RUNNERS,
  'batches.advance': PROGRAMME_RUNNERS,
  'batches.delete': PROGRAMME_RUNNERS,
  'posts.read': { org_dept: 'region', receiving_manager: 'unit' },
  'posts.create': POST_WRITERS,
  'posts.update': POST_WRITERS,
  'posts.submit': POST_WRITERS,
  'posts.delete': POST_WRITERS,
  'posts.review': PROGRAMME_RUNNERS,
  /** Which post levels each kind of unit may ask for: reference data the system administrator keeps. */
  'postLevels.read': 'authenticated',
  /** The levels one unit may ask for (its post form): those who reach the unit. */
  'postLevels.unit': { system_admin: 'all', org_dept: 'region', receiving_manager: 'unit' },
  'postLevels.update': ACCOUNT_ADMIN,
  'nominations.read': { org_dept: 'region', sending_liaison: 'unit' },
  'nominations.create': { sending_liaison: 'unit' },
  'nominations.withdraw': { sending_liaison: 'unit' },
  'nominations.review': PROGRAMME_RUNNERS,
  /**
   * Postings (ADR 024): the cadre, both units and both 组织部 read; the receiving unit records the
   * hand-over; the 组织部 approves 延期, 提前召回 and 终止; 期满 by the receiving unit or the 组织部,
   * 已返回 by the sending unit or the 组织部. Which unit of a posting may move it is the service's.
   */
  'postings.read': { org_dept: 'region', sending_liaison: 'unit', receiving_manager: 'unit', cadre: 'self' },
  'postings.handover': { receiving_manager: 'unit' },
  'postings.extend': PROGRAMME_RUNNERS,
  'postings.recall': PROGRAMME_RUNNERS,
  'postings.terminate': PROGRAMME_RUNNERS,
  'postings.end': { org_dept: 'region', receiving_manager: 'unit' },
  'postings.return': { org_dept: 'region', sending_liaison: 'unit' },
  'audit.read': AUDIT_ADMIN,
  'audit.export': AUDIT_ADMIN,
  // Excel: an import writes through the services above, so each kind is imported by those who
  // create it; an export reads like the list it mirrors. Personal data in clear is its own,
  // audited and rate-limited permission (`full=true` on the cadre export).
  // One line `excel.import<Kind>` per import kind (its template, upload and commit; the kinds
  // are read from these lines, common/excel/excel.schema.ts), one module per kind in
  // server/excel/excel.kinds.ts.
  'excel.importCadres': CADRE_KEEPERS,
  'excel.importUnits': UNIT_WRITERS,
  'excel.importPosts': POST_WRITERS,
  /** Achievements (issue 13 line 5, ADR 034): the receiving unit imports the ledger of the postings it hosts. */
  'excel.importAchievements': { receiving_manager: 'unit' },
  'excel.exportCadres': CADRE_KEEPERS,
  'excel.exportUnits': UNIT_READERS,
  /** Bulk personal data in clear: the 组织部 only (a liaison views one record at a time, each audited). */
  'cadres.exportFull': { org_dept: 'region' },
  /** Status and discard of an import: its owner only (checked by the service). */
  'imports.manage': 'authenticated',
  /** The caller's own notifications (checked by the service): read them, mark one read. */
  'notifications.read': 'authenticated',
  'notifications.markRead': 'authenticated',
  /** Issue 12: mark all one's notifications read; one's home page of pending work (its items by each role's own scope). */
  'notifications.markAllRead': 'authenticated',
  'home.read': 'authenticated',
  // Matching (issue 12, ADR 025): the organising 组织部 over its programmes' batches; preferences
  // are stated by the cadre and the sending unit, and read by the 组织部 too.
  'matching.read': PROGRAMME_RUNNERS,
  'matching.run': PROGRAMME_RUNNERS,
  'matching.confirm': PROGRAMME_RUNNERS,
  'matching.settings': PROGRAMME_RUNNERS,
  'matching.preferences': { sending_liaison: 'unit', cadre: 'self' },
  'matching.preferencesRead': { org_dept: 'region', sending_liaison: 'unit', cadre: 'self' },
  /**
   * Issue 13 lines 1–2 (ADR 029): the working-day calendar is read by any account and kept by the
   * system administrator (a year before the package has it, a local day off). Leave: the cadre
   * asks, withdraws and reports back (销假); each step is decided by the receiving unit or a 组织部
   * (which step is whose is the service's), or the substitute its approver named; the receiving
   * unit confirms the 销假; the sending unit reads. The routing table is the programme 组织部's.
   */
  'calendar.read': 'authenticated',
  'calendar.manage': ACCOUNT_ADMIN,
  'leave.read': { org_dept: 'region', sending_liaison: 'unit', receiving_manager: 'unit', cadre: 'self' },
  'leave.create': CADRE_SELF,
  'leave.withdraw': CADRE_SELF,
  'leave.return': CADRE_SELF,
  'leave.decide': { org_dept: 'region', receiving_manager: 'unit' },
  'leave.confirmReturn': { receiving_manager: 'unit' },
  'leaveRoutes.read': PROGRAMME_RUNNERS,
  'leaveRoutes.update': PROGRAMME_RUNNERS,
  /**
   * Achievements (issue 13 line 5, ADR 034): the cadre records, edits, claims again and withdraws
   * their entries; the receiving unit verifies or returns them; the sending unit and both 组织部
   * read the ledger and its totals.
   */
  'achievements.read': {
    org_dept: 'region',
    sending_liaison: 'unit',
    receiving_manager: 'unit',
    cadre: 'self',
  },
  'achievements.create': CADRE_SELF,
  'achievements.update': CADRE_SELF,
  'achievements.claim': CADRE_SELF,
  'achievements.withdraw': CADRE_SELF,
  'achievements.review': { receiving_manager: 'unit' },
  /**
   * Worklog (issue 13 line 4, ADR 032/033): the cadre keeps their own work log (工作纪实) and its
   * attachments; the posting's other owners read and search it and download its attachments.
   */
  'worklog.read': { org_dept: 'region', sending_liaison: 'unit', receiving_manager: 'unit', cadre: 'self' },
  'worklog.write': CADRE_SELF,
  /**
   * Issue 13 line 3 (ADR 031), attendance: a posting's five owners read its month (the sending
   * unit only reads); the cadre checks in for today; the receiving unit records absences and
   * corrects days, and keeps its place; the monthly report is read by the 组织部 over the
   * postings it reaches, by a receiving unit for its part and by a sending unit for its cadres.
   */
  'attendance.read': {
    org_dept: 'region',
    sending_liaison: 'unit',
    receiving_manager: 'unit',
    cadre: 'self',
  },
  'attendance.checkIn': CADRE_SELF,
  'attendance.record': { receiving_manager: 'unit' },
  'attendance.place': { receiving_manager: 'unit' },
  'attendance.report': { org_dept: 'region', sending_liaison: 'unit', receiving_manager: 'unit' },
  // documents (issue 14): whether previews work; each 组织部's 版头/版记; the forms, each read by
  // those who read its record (the notice: the organising 组织部; the leave form: leave.read's)
  'documents.status': 'authenticated',
  'documents.settingsRead': { org_dept: 'region' },
  'documents.settingsUpdate': { org_dept: 'region' },
  'documents.notice': PROGRAMME_RUNNERS,
  'documents.leaveForm': {
    org_dept: 'region',
    sending_liaison: 'unit',
    receiving_manager: 'unit',
    cadre: 'self',
  },
  // batch generation (issue 14 line 7, ADR 040): the organising 组织部 of the batch's programme
  'documents.batch': PROGRAMME_RUNNERS,
  // the posting's archive list (issue 14 line 8): its five owners; each document is still loaded
  // through its own service's reach (the notice only for whoever reaches the matching run)
  'documents.archive': {
    org_dept: 'region',
    sending_liaison: 'unit',
    receiving_manager: 'unit',
    cadre: 'self',
  },
  // assessment (issue 15, ADR 038): rounds run by the programme's 组织部; the five owners of a
  // posting read its subject; the ballot page is public (a one-time code, rate-limited)
  'assessment.read': {
    org_dept: 'region',
    sending_liaison: 'unit',
    receiving_manager: 'unit',
    cadre: 'self',
  },
  'assessment.manage': PROGRAMME_RUNNERS,
  'assessment.selfReport': CADRE_SELF,
  'assessment.opinion': { sending_liaison: 'unit', receiving_manager: 'unit' },
  'assessment.ballots': { receiving_manager: 'unit' },
  'assessment.ballotRead': 'public',
  'assessment.ballotCast': 'public',
  'assessment.stats': PROGRAMME_RUNNERS,
  // monthly reports (issue 14 line 4, ADR 039): the five owners read; the cadre writes and
  // submits; the receiving unit signs off or returns
  'monthly.read': { org_dept: 'region', sending_liaison: 'unit', receiving_manager: 'unit', cadre: 'self' },
  'monthly.write': CADRE_SELF,
  'monthly.review': { receiving_manager: 'unit' },
  // appraisals (鉴定, issue 15 line 4, ADR 041): the five owners read; the receiving unit writes
  // and submits; the cadre attaches the term summary; the 组织部 countersigns or returns
  'appraisals.read': {
    org_dept: 'region',
    sending_liaison: 'unit',
    receiving_manager: 'unit',
    cadre: 'self',
  },
  'appraisals.write': { receiving_manager: 'unit' },
  'appraisals.summary': CADRE_SELF,
  'appraisals.review': { org_dept: 'region' },
  // the dashboard (issue 16 line 2, ADR 042): the 组织部 over its regions; a sending or receiving
  // unit over its own postings — every figure through the lists' reach, so each counts only what
  // the caller could open in the corresponding list
  'stats.read': { org_dept: 'region', sending_liaison: 'unit', receiving_manager: 'unit' },
} as const satisfies Record<string, Access>;

export type Action = keyof typeof POLICY;

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(POLICY, value);
}

export function accessOf(action: Action): Access {
  return POLICY[action];
}

/** Does any of these roles allow the action (before looking at scope)? */
export function isAllowed(action: Action, roles: readonly Role[] | null): boolean {
  const access: Access = POLICY[action];
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'authenticated') return true;
  return roles.some((role) => access[role] !== undefined);
}
