import { createBrowserRouter, type RouteObject } from 'react-router';
import { t } from '../../../common/i18n/index';
import { RequireAccessLayout } from '../access/require-access.layout';
import { LoginPage } from '../auth/login.page';
import { RequireSessionLayout } from '../auth/require-session.layout';
import { FullPageSpin } from '../common/full-page-spin.component';
import { NotFoundPage } from '../common/not-found.page';
import { UnderConstructionPage } from '../common/under-construction.page';
import { accessOf, SECTIONS } from './app.sections';

/**
 * A section's routes, open only to the roles its entry in app.sections allows (else 403).
 * `routePath` is a page under the section (`/cadres/:id`); by default the section itself.
 */
function guarded(
  path: string,
  route: Omit<RouteObject, 'path' | 'index' | 'children'>,
  routePath: string = path,
): RouteObject {
  return {
    element: <RequireAccessLayout allowed={accessOf(path)} />,
    children: [{ ...route, path: routePath } as RouteObject],
  };
}

/** Sections not built yet: a 建设中 page each, until their module replaces it. */
const upcoming: RouteObject[] = SECTIONS.flatMap((section) =>
  section.upcoming
    ? [
        guarded(section.path, {
          element: <UnderConstructionPage title={t(section.label)} hint={t(section.upcoming)} />,
        }),
      ]
    : [],
);

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // assessment (issue 15): the public ballot page of the democratic evaluation (no account)
  {
    path: '/ballot/:code?',
    lazy: () => import('../assessment/ballot.page').then((m) => ({ Component: m.BallotPage })),
  },
  {
    element: <RequireSessionLayout />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      // the second step of a login: a page of its own, like /login
      {
        path: '/login/verify',
        lazy: () => import('../auth/verify.page').then((m) => ({ Component: m.VerifyPage })),
      },
      {
        // the shell and every page load after login: the login page carries only itself
        lazy: () => import('./shell.layout').then((m) => ({ Component: m.ShellLayout })),
        children: [
          {
            index: true,
            lazy: () => import('../home/home.page').then((m) => ({ Component: m.HomePage })),
          },
          {
            path: '/inbox',
            lazy: () => import('../notifications/inbox.page').then((m) => ({ Component: m.InboxPage })),
          },
          {
            path: '/change-password',
            lazy: () =>
              import('../auth/change-password.page').then((m) => ({ Component: m.ChangePasswordPage })),
          },
          // each module's pages load on first visit, so the first screen stays small
          {
            path: '/totp-setup',
            lazy: () => import('../auth/totp-setup.page').then((m) => ({ Component: m.TotpSetupPage })),
          },
          {
            path: '/security',
            lazy: () => import('../auth/security.page').then((m) => ({ Component: m.SecurityPage })),
          },
          guarded('/units', {
            lazy: () => import('../units/units.page').then((m) => ({ Component: m.UnitsPage })),
          }),
          guarded('/cadres', {
            lazy: () => import('../cadres/cadres.page').then((m) => ({ Component: m.CadresPage })),
          }),
          guarded(
            '/cadres',
            {
              lazy: () =>
                import('../cadres/cadre-detail.page').then((m) => ({ Component: m.CadreDetailPage })),
            },
            '/cadres/:id',
          ),
          guarded('/projects', {
            lazy: () =>
              import('../programmes/programmes.page').then((m) => ({ Component: m.ProgrammesPage })),
          }),
          guarded(
            '/projects',
            {
              lazy: () =>
                import('../programmes/programme-detail.page').then((m) => ({
                  Component: m.ProgrammeDetailPage,
                })),
            },
            '/projects/:id',
          ),
          guarded('/batches', {
            lazy: () => import('../programmes/batches.page').then((m) => ({ Component: m.BatchesPage })),
          }),
          guarded('/demands', {
            lazy: () =>
              import('../posts/post-requests.page').then((m) => ({ Component: m.PostRequestsPage })),
          }),
          guarded('/my-profile', {
            lazy: () =>
              import('../corrections/my-profile.page').then((m) => ({ Component: m.MyProfilePage })),
          }),
          guarded('/corrections', {
            lazy: () =>
              import('../corrections/corrections.page').then((m) => ({ Component: m.CorrectionsPage })),
          }),
          guarded('/recommendations', {
            lazy: () =>
              import('../nominations/nominations.page').then((m) => ({ Component: m.NominationsPage })),
          }),
          // the list, and with a posting's detail drawer open (a link from a home page or a notification)
          guarded(
            '/postings',
            { lazy: () => import('../postings/postings.page').then((m) => ({ Component: m.PostingsPage })) },
            '/postings/:id?',
          ),
          // issue 13: leave (the open request in the path) and the working-day calendar
          guarded(
            '/leave',
            { lazy: () => import('../leave/leave.page').then((m) => ({ Component: m.LeavePage })) },
            '/leave/:id?',
          ),
          // worklog (issue 13 line 4): the cadre's 工作纪实 and the readers' search
          guarded('/worklog', {
            lazy: () => import('../worklog/worklog.page').then((m) => ({ Component: m.WorklogPage })),
          }),
          guarded('/worklog/search', {
            lazy: () =>
              import('../worklog/worklog-search.page').then((m) => ({ Component: m.WorklogSearchPage })),
          }),
          guarded('/leave-routes', {
            lazy: () => import('../leave/leave-routes.page').then((m) => ({ Component: m.LeaveRoutesPage })),
          }),
          // achievements (issue 13 line 5): the ledger (the open entry in the path) and its totals
          guarded(
            '/achievements',
            {
              lazy: () =>
                import('../achievements/achievements.page').then((m) => ({ Component: m.AchievementsPage })),
            },
            '/achievements/:id?',
          ),
          guarded('/achievement-totals', {
            lazy: () =>
              import('../achievements/achievement-totals.page').then((m) => ({
                Component: m.AchievementTotalsPage,
              })),
          }),
          // issue 13 line 3: attendance
          guarded('/check-in', {
            lazy: () => import('../attendance/check-in.page').then((m) => ({ Component: m.CheckInPage })),
          }),
          guarded('/attendance', {
            lazy: () =>
              import('../attendance/attendance.page').then((m) => ({ Component: m.AttendancePage })),
          }),
          guarded('/attendance-report', {
            lazy: () =>
              import('../attendance/attendance-report.page').then((m) => ({
                Component: m.AttendanceReportPage,
              })),
          }),
          // issue 14 line 4: the monthly report (情况报送), the open report in the path
          guarded(
            '/monthly',
            { lazy: () => import('../monthly/monthly.page').then((m) => ({ Component: m.MonthlyPage })) },
            '/monthly/:id?',
          ),
          // issue 15 line 4: the end-of-term appraisal (期满鉴定), the open one in the path
          guarded(
            '/appraisals',
            {
              lazy: () =>
                import('../appraisals/appraisals.page').then((m) => ({ Component: m.AppraisalsPage })),
            },
            '/appraisals/:id?',
          ),
          // issue 14: official documents (the posting notice) and the 组织部's 版头/版记
          guarded('/documents', {
            lazy: () => import('../documents/documents.page').then((m) => ({ Component: m.DocumentsPage })),
          }),
          guarded('/documents/settings', {
            lazy: () =>
              import('../documents/document-settings.page').then((m) => ({
                Component: m.DocumentSettingsPage,
              })),
          }),
          guarded('/admin/calendar', {
            lazy: () => import('../calendar/calendar.page').then((m) => ({ Component: m.CalendarPage })),
          }),
          guarded('/admin/accounts', {
            lazy: () => import('../accounts/accounts.page').then((m) => ({ Component: m.AccountsPage })),
          }),
          guarded('/admin/audit', {
            lazy: () => import('../audit/audit.page').then((m) => ({ Component: m.AuditPage })),
          }),
          guarded('/admin/post-levels', {
            lazy: () => import('../posts/post-levels.page').then((m) => ({ Component: m.PostLevelsPage })),
          }),
          guarded('/matching', {
            lazy: () => import('../matching/matching.page').then((m) => ({ Component: m.MatchingPage })),
          }),
          // assessment (issue 15): rounds, a round's page, one's own results (cadre, sending liaison)
          guarded(
            '/assessment',
            {
              lazy: () =>
                import('../assessment/assessment-mine.page').then((m) => ({
                  Component: m.AssessmentMinePage,
                })),
            },
            '/assessment/mine',
          ),
          guarded(
            '/assessment',
            {
              lazy: () =>
                import('../assessment/round-detail.page').then((m) => ({ Component: m.RoundDetailPage })),
            },
            '/assessment/:id',
          ),
          guarded('/assessment', {
            lazy: () =>
              import('../assessment/assessment.page').then((m) => ({ Component: m.AssessmentPage })),
          }),
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
