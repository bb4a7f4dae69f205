import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../common/error-state.component';
import { FullPageSpin } from '../common/full-page-spin.component';
import { useSession, wasSignedOutByUser } from './auth.api';

/**
 * Routes below need a signed-in account: without one, go to /login remembering the page;
 * with a password that must be changed, go to /change-password first.
 */
export function RequireSessionLayout() {
  const session = useSession();
  const location = useLocation();

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
  if (!me) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    const to =
      wasSignedOutByUser() || here === '/' ? '/login' : `/login?redirect=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <Outlet />;
}
