import { Outlet } from 'react-router';
import type { Role } from '../../../common/auth/auth.schema';
import { useMe } from '../auth/auth.api';
import { ForbiddenPage } from '../common/forbidden.page';

export interface RequireAccessLayoutProps {
  /** Whether these roles may open the routes below (see app.sections). */
  allowed: (roles: readonly Role[]) => boolean;
}

/** Routes below open only for the roles allowed; anyone else gets the 403 page. */
export function RequireAccessLayout({ allowed }: RequireAccessLayoutProps) {
  const me = useMe();
  return allowed(me.roles) ? <Outlet /> : <ForbiddenPage />;
}
