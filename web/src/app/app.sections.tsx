import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  IdcardOutlined,
  NodeIndexOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type Action, isAllowed } from '../../../common/access/policy';
import { ADMIN_ROLES } from '../../../common/accounts/accounts.schema';
import type { Role } from '../../../common/auth/auth.schema';
import type { MessageKey } from '../../../common/i18n/index';

/** Who may open a section, by the account's roles. */
export type SectionAccess = (roles: readonly Role[]) => boolean;

/** Submenus of the side menu; a section names the one it sits in. */
export const GROUPS = {
  system: { label: 'menu.system', icon: <SettingOutlined /> },
} as const satisfies Record<string, { label: MessageKey; icon: ReactNode }>;
export type SectionGroup = keyof typeof GROUPS;

/** A section: one menu entry and the route it opens. */
export interface Section {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Who sees it in the menu and may open its route (others get the 403 page). */
  allowed: SectionAccess;
  /** The submenu it sits in, if any. */
  group?: SectionGroup;
  /** For a built section: one sentence for its card on the 工作台. */
  hint?: MessageKey;
  /** For a section not built yet: what it will do (shown on its 建设中 page). */
  upcoming?: MessageKey;
}

const everyone: SectionAccess = () => true;
/** Roles allowed the action by the policy table (common/access/policy.ts). */
const can =
  (action: Action): SectionAccess =>
  (roles) =>
    isAllowed(action, roles);
/**
 * The business sections (建设中 so far) are for the business roles: the three administrators
 * (三员) manage the platform and see no business data.
 */
const business: SectionAccess = (roles) =>
  roles.some((role) => !(ADMIN_ROLES as readonly Role[]).includes(role));

/** The side menu, in order. A built section gets its route in app.routes.tsx. */
export const SECTIONS: readonly Section[] = [
  { path: '/', label: 'menu.dashboard', icon: <DashboardOutlined />, allowed: everyone },
  {
    path: '/units',
    label: 'menu.units',
    icon: <BankOutlined />,
    allowed: can('units.read'),
    hint: 'dashboard.unitsHint',
  },
  {
    path: '/projects',
    label: 'menu.projects',
    icon: <ProjectOutlined />,
    allowed: can('programmes.read'),
    hint: 'dashboard.programmesHint',
  },
  {
    path: '/batches',
    label: 'menu.batches',
    icon: <CalendarOutlined />,
    allowed: can('batches.read'),
    hint: 'dashboard.batchesHint',
  },
  {
    path: '/demands',
    label: 'menu.demands',
    icon: <SolutionOutlined />,
    allowed: can('posts.read'),
    hint: 'dashboard.postsHint',
  },
  {
    path: '/cadres',
    label: 'menu.cadres',
    icon: <TeamOutlined />,
    allowed: can('cadres.read'),
    hint: 'dashboard.cadresHint',
  },
  {
    path: '/my-profile',
    label: 'menu.myProfile',
    icon: <IdcardOutlined />,
    allowed: can('cadres.readSelf'),
    hint: 'dashboard.myProfileHint',
  },
  {
    path: '/corrections',
    label: 'menu.corrections',
    icon: <FileDoneOutlined />,
    allowed: can('corrections.review'),
    hint: 'dashboard.correctionsHint',
  },
  {
    path: '/recommendations',
    label: 'menu.recommendations',
    icon: <UserAddOutlined />,
    allowed: can('nominations.read'),
    hint: 'dashboard.nominationsHint',
  },
  {
    path: '/matching',
    label: 'menu.matching',
    icon: <NodeIndexOutlined />,
    allowed: can('matching.read'),
    hint: 'dashboard.matchingHint',
  },
  {
    path: '/postings',
    label: 'menu.postings',
    icon: <ScheduleOutlined />,
    allowed: can('postings.read'),
    hint: 'dashboard.postingsHint',
  },
  {
    path: '/leave',
    label: 'menu.leave',
    icon: <CalendarOutlined />,
    allowed: can('leave.read'),
    hint: 'dashboard.leaveHint',
  },
  // worklog (issue 13 line 4)
  {
    path: '/worklog',
    label: 'menu.worklog',
    icon: <FileTextOutlined />,
    allowed: can('worklog.read'),
    hint: 'dashboard.worklogHint',
  },
  {
    path: '/worklog/search',
    label: 'menu.worklogSearch',
    icon: <FileSearchOutlined />,
    allowed: can('worklog.read'),
    hint: 'dashboard.worklogSearchHint',
  },
  {
    path: '/leave-routes',
    label: 'menu.leaveRoutes',
    icon: <CalendarOutlined />,
    allowed: can('leaveRoutes.update'),
    hint: 'dashboard.leaveRoutesHint',
  },
  // issue 13 line 3: attendance — the cadre's check-in, the receiving unit's days, the monthly report
  {
    path: '/check-in',
    label: 'menu.checkIn',
    icon: <CarryOutOutlined />,
    allowed: can('attendance.checkIn'),
    hint: 'dashboard.checkInHint',
  },
  {
    path: '/attendance',
    label: 'menu.attendance',
    icon: <CarryOutOutlined />,
    allowed: can('attendance.record'),
    hint: 'dashboard.attendanceHint',
  },
  {
    path: '/attendance-report',
    label: 'menu.attendanceReport',
    icon: <TableOutlined />,
    allowed: can('attendance.report'),
    hint: 'dashboard.attendanceReportHint',
  },
  // issue 14 line 4: the monthly report (情况报送)
  {
    path: '/monthly',
    label: 'menu.monthly',
    icon: <FileTextOutlined />,
    allowed: can('monthly.read'),
    hint: 'dashboard.monthlyHint',
  },
  // issue 14: official documents
  {
    path: '/documents',
    label: 'documents.menu',
    icon: <FileDoneOutlined />,
    allowed: can('documents.notice'),
    hint: 'documents.hint',
  },
  {
    path: '/documents/settings',
    label: 'documents.settings.title',
    icon: <SettingOutlined />,
    allowed: can('documents.settingsUpdate'),
    hint: 'documents.settingsHint',
  },
  // assessment (issue 15)
  {
    path: '/assessment',
    label: 'menu.assessment',
    icon: <AuditOutlined />,
    allowed: can('assessment.read'),
    hint: 'dashboard.assessmentHint',
  },
  // achievements (issue 13 line 5): the ledger (申报, 核实) and its totals
  {
    path: '/achievements',
    label: 'menu.achievements',
    icon: <TrophyOutlined />,
    allowed: can('achievements.read'),
    hint: 'dashboard.achievementsHint',
  },
  {
    path: '/achievement-totals',
    label: 'menu.achievementTotals',
    icon: <BarChartOutlined />,
    allowed: (roles) => isAllowed('achievements.read', roles) && roles.some((r) => r !== 'cadre'),
    hint: 'dashboard.achievementTotalsHint',
  },
  {
    path: '/appraisals',
    label: 'menu.appraisals',
    icon: <SolutionOutlined />,
    allowed: can('appraisals.read'),
    hint: 'dashboard.appraisalsHint',
  },
  {
    path: '/statistics',
    label: 'menu.statistics',
    icon: <BarChartOutlined />,
    allowed: business,
    upcoming: 'menuHint.statistics',
  },
  {
    path: '/admin/accounts',
    label: 'menu.accounts',
    icon: <UserOutlined />,
    allowed: can('accounts.read'),
    group: 'system',
    hint: 'dashboard.accountsHint',
  },
  {
    path: '/admin/audit',
    label: 'menu.audit',
    icon: <FileSearchOutlined />,
    allowed: can('audit.read'),
    group: 'system',
    hint: 'dashboard.auditHint',
  },
  {
    path: '/admin/calendar',
    label: 'menu.calendar',
    icon: <CalendarOutlined />,
    allowed: can('calendar.manage'),
    group: 'system',
    hint: 'dashboard.calendarHint',
  },
  {
    path: '/admin/post-levels',
    label: 'menu.postLevels',
    icon: <SolutionOutlined />,
    allowed: can('postLevels.update'),
    group: 'system',
    hint: 'dashboard.postLevelsHint',
  },
];

/** The sections these roles may open, in menu order. */
export function sectionsFor(roles: readonly Role[]): Section[] {
  return SECTIONS.filter((section) => section.allowed(roles));
}

/** The section a path belongs to (`/units/123` → `/units`). */
export function sectionOf(pathname: string): Section | undefined {
  return SECTIONS.find((s) =>
    s.path === '/' ? pathname === '/' : pathname === s.path || pathname.startsWith(`${s.path}/`),
  );
}

/** The access rule of a built section's route, by its path (for app.routes.tsx). */
export function accessOf(path: string): SectionAccess {
  const section = SECTIONS.find((s) => s.path === path);
  if (!section) throw new Error(`No section ${path} in app.sections.tsx`);
  return section.allowed;
}
