import type { Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: number;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserRolesTable {
  userId: string;
  role: string;
  createdAt: string;
}

export interface SessionsTable {
  /** HMAC-SHA256 of the cookie token under the session secret; the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuthTables {
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
