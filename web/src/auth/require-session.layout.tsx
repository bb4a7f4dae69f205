import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ErrorState } from '../common/error-state.component';
import { FullPageSpin } from '../common/full-page-spin.component';
import {
  requiredStep,
  SESSION_STEPS,
  safeRedirect,
  useSession,
  wasSignedOutByUser,
  withRedirect,
} from './auth.api';

/**
 * Routes below need a signed-in account: without one, go to /login remembering the page.
 * A session that owes a step goes there first, in this order: the second factor of this
 * login (/login/verify), the forced password change (/change-password), binding a TOTP
 * authenticator (/totp-setup, administrators). The page asked for travels along as
 * `?redirect=` and is opened once nothing is owed.
 */
export function RequireSessionLayout() {
  const session = useSession();
  const location = useLocation();
  const [search] = useSearchParams();

  if (session.isPending) return <FullPageSpin />;
  if (session.isError && session.data === undefined) {
    return (
      <ErrorState
        error={session.error}
        onRetry={() => void session.refetch()}
        retrying={session.isFetching}
      />
    );
  }
  const me = session.data;
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (!me) {
    const plain = wasSignedOutByUser() || here === '/' || location.pathname.startsWith('/login');
    return <Navigate to={plain ? '/login' : `/login?redirect=${encodeURIComponent(here)}`} replace />;
  }
  const onStep = SESSION_STEPS.includes(location.pathname);
  // where to go once the steps are done: what a step page was given, or the page asked for now
  const target = onStep ? safeRedirect(search.get('redirect')) : safeRedirect(here);
  const step = requiredStep(me);
  if (step && location.pathname !== step) return <Navigate to={withRedirect(step, target)} replace />;
  // the second factor is done (or was never owed): on to the app
  if (!step && location.pathname === '/login/verify') return <Navigate to={target} replace />;
  return <Outlet />;
}
