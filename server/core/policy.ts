import type { Role } from '../../common/auth/auth.schema.js';

/**
 * The one policy table: every route declares the action it performs (`config.action`),
 * and this table says who may perform it. A route under /api without an action, or with
 * an action missing here, stops the app at start-up (see server/core/access.ts).
 *
 * - 'public': anyone, signed in or not
 * - 'authenticated': any signed-in account
 * - a list of roles: accounts holding at least one of them
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

const MANAGERS = ['system_admin', 'org_dept'] as const satisfies readonly Role[];

export const POLICY = {
  'health.read': 'public',
  'docs.read': 'public',
  'auth.login': 'public',
  'auth.logout': 'authenticated',
  'auth.me': 'authenticated',
  'auth.changePassword': 'authenticated',
  'regions.read': 'authenticated',
  'units.read': MANAGERS,
  'units.create': MANAGERS,
  'units.update': MANAGERS,
  'units.delete': MANAGERS,
} as const satisfies Record<string, Access>;

export type Action = keyof typeof POLICY;

/** The only actions an account may perform while it still has to change its password. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<Action> = new Set([
  'auth.me',
  'auth.logout',
  'auth.changePassword',
]);

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(POLICY, value);
}

export function isAllowed(action: Action, roles: readonly Role[] | null): boolean {
  const access: Access = POLICY[action];
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'authenticated') return true;
  return roles.some((role) => access.includes(role));
}
