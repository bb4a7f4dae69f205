import { createBrowserRouter, type RouteObject } from 'react-router';
import { t } from '../../../common/i18n/index';
import { ChangePasswordPage } from '../auth/change-password.page';
import { LoginPage } from '../auth/login.page';
import { RequireSessionLayout } from '../auth/require-session.layout';
import { FullPageSpin } from '../common/full-page-spin.component';
import { NotFoundPage } from '../common/not-found.page';
import { UnderConstructionPage } from '../common/under-construction.page';
import { DashboardPage } from '../dashboard/dashboard.page';
import { SECTIONS } from './app.sections';
import { ShellLayout } from './shell.layout';

/** Sections not built yet: a 建设中 page each, until their module replaces it. */
const upcoming: RouteObject[] = SECTIONS.flatMap((section) =>
  section.upcoming
    ? [
        {
          path: section.path,
          element: <UnderConstructionPage title={t(section.label)} hint={t(section.upcoming)} />,
        },
      ]
    : [],
);

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSessionLayout />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      {
        element: <ShellLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: '/change-password', element: <ChangePasswordPage /> },
          // each module's pages load on first visit, so the first screen stays small
          {
            path: '/units',
            lazy: () => import('../units/units.page').then((m) => ({ Component: m.UnitsPage })),
          },
          ...upcoming,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
