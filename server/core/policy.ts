import type { Action } from '../../common/access/policy.js';
import type { Role } from '../../common/auth/auth.schema.js';

export {
  type Access,
  type Action,
  accessOf,
  isAction,
  isAllowed,
  POLICY,
  type RoleAccess,
  type ScopeKind,
} from '../../common/access/policy.js';

/** Session stages and the only actions each allows before the session is complete. */
export const ALLOWED_WHILE_SECOND_FACTOR_PENDING: ReadonlySet<Action> = new Set([
  'auth.me',
  'auth.logout',
  'auth.totpVerify',
]);
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<Action> = new Set([
  'auth.me',
  'auth.logout',
  'auth.changePassword',
]);
export const ALLOWED_BEFORE_TOTP_ENROLMENT: ReadonlySet<Action> = new Set([
  'auth.me',
  'auth.logout',
  'auth.changePassword',
  'auth.totpSetup',
  'auth.totpEnable',
]);

/** Roles that must use a second factor. */
export const SECOND_FACTOR_ROLES: ReadonlySet<Role> = new Set([
  'system_admin',
  'security_admin',
  'audit_admin',
]);
