import type { Role } from '../../common/auth/auth.schema.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db, DialectName } from './database.js';

/** What services need from the running application; built once by buildApp. */
export interface AppContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  config: Config;
}

/** The signed-in caller, as services receive it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  sessionId: string;
}

export const isoNow = (ctx: Pick<AppContext, 'clock'>): string => ctx.clock.now().toISOString();
