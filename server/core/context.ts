import type { Role } from '../../common/auth/auth.schema.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { type FieldCipher, fieldCipher } from './crypto.js';
import type { DatabaseHandle, DialectName, Executor } from './database.js';
import { ReadCache } from './read-cache.js';
import { FULL_SCOPE, type Grant, type Scope } from './scope.js';

/** What services need from the running application; built once by buildApp. */
export interface AppContext {
  /** The database, or an open transaction (`inTransaction`, server/core/transaction.ts). */
  db: Executor;
  dialect: DialectName;
  clock: Clock;
  config: Config;
  /** Encrypts personal data under the data key (never stored in the database). */
  cipher: FieldCipher;
  /** Answers kept while their change counter stands still (sessions, cadre lists). */
  readCache: ReadCache;
}

export function createContext(handle: DatabaseHandle, config: Config, clock: Clock): AppContext {
  return {
    db: handle.db,
    dialect: handle.dialect,
    clock,
    config,
    cipher: fieldCipher(config.dataKey),
    readCache: new ReadCache({ changedElsewhere: handle.changes.changedElsewhere }),
  };
}

/** The signed-in caller, as services receive it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  grants: Grant[];
  /** What this caller may reach for the current request's action (set by the access hook). */
  scope: Scope;
  mustChangePassword: boolean;
  /** 'totp' while the session still owes its second factor. */
  stage: 'full' | 'totp';
  /** An administrator who has not enrolled a second factor yet. */
  totpEnrolmentRequired: boolean;
  totpEnabled: boolean;
  sessionId: string;
  ip: string | null;
}

/** An actor for work the system does itself (demo seeding, commands): full scope, audited under its name. */
export function systemActor(userId: string | null, username: string): Actor {
  return {
    userId: userId ?? '',
    username,
    displayName: username,
    roles: ['system_admin'],
    grants: [],
    scope: FULL_SCOPE,
    mustChangePassword: false,
    stage: 'full',
    totpEnrolmentRequired: false,
    totpEnabled: false,
    sessionId: '',
    ip: null,
  };
}

/** The user id to record as author (createdBy / updatedBy): none for the system actor. */
export const authorOf = (actor: Actor): string | null => actor.userId || null;

export const isoNow = (ctx: Pick<AppContext, 'clock'>): string => ctx.clock.now().toISOString();
