import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  NodeIndexOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../../common/i18n/index';

/** A top-level section: one menu entry and the route it opens. */
export interface Section {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** For a section not built yet: what it will do (shown on its 建设中 page). */
  upcoming?: MessageKey;
}

/** The side menu, in order. A built section gets its route in app.routes.tsx. */
export const SECTIONS: readonly Section[] = [
  { path: '/', label: 'menu.dashboard', icon: <DashboardOutlined /> },
  { path: '/units', label: 'menu.units', icon: <BankOutlined /> },
  { path: '/projects', label: 'menu.projects', icon: <ProjectOutlined />, upcoming: 'menuHint.projects' },
  { path: '/demands', label: 'menu.demands', icon: <SolutionOutlined />, upcoming: 'menuHint.demands' },
  { path: '/cadres', label: 'menu.cadres', icon: <TeamOutlined />, upcoming: 'menuHint.cadres' },
  {
    path: '/recommendations',
    label: 'menu.recommendations',
    icon: <UserAddOutlined />,
    upcoming: 'menuHint.recommendations',
  },
  { path: '/matching', label: 'menu.matching', icon: <NodeIndexOutlined />, upcoming: 'menuHint.matching' },
  { path: '/postings', label: 'menu.postings', icon: <ScheduleOutlined />, upcoming: 'menuHint.postings' },
  {
    path: '/achievements',
    label: 'menu.achievements',
    icon: <TrophyOutlined />,
    upcoming: 'menuHint.achievements',
  },
  { path: '/appraisals', label: 'menu.appraisals', icon: <AuditOutlined />, upcoming: 'menuHint.appraisals' },
  {
    path: '/statistics',
    label: 'menu.statistics',
    icon: <BarChartOutlined />,
    upcoming: 'menuHint.statistics',
  },
  { path: '/system', label: 'menu.system', icon: <SettingOutlined />, upcoming: 'menuHint.system' },
];

/** The section a path belongs to (`/units/123` → `/units`). */
export function sectionOf(pathname: string): Section | undefined {
  return SECTIONS.find((s) =>
    s.path === '/' ? pathname === '/' : pathname === s.path || pathname.startsWith(`${s.path}/`),
  );
}
