import type { Action } from '../../common/access/policy.js';
import type { Actor } from './context.js';
import { isAllowed } from './policy.js';
import { assertReaches, assertWritable, type Reach, reaches, scopeFor } from './scope.js';

/** One button of a record: its key in the answer, the policy line of its write and that write's reach. */
export interface RecordAction<K extends string> {
  key: K;
  action: Action;
  reach: Reach;
}

/**
 * Which of these actions the caller may take on a loaded record, for a detail answer's buttons:
 * the policy table for the caller's roles, then the action's own scope (in write mode) against
 * the action's reach. The server still checks each when it is called; this only tells the web.
 */
export function allowedOn<K extends string>(
  actor: Actor,
  row: Record<string, unknown>,
  candidates: readonly RecordAction<K>[],
): K[] {
  return candidates
    .filter(({ action, reach }) => {
      if (!isAllowed(action, actor.roles)) return false;
      return reaches(scopeFor(action, actor.userId, actor.grants, 'write'), reach, row);
    })
    .map((c) => c.key);
}

/**
 * A record's buttons as `allowedOn` candidates, every one over the record's own reach:
 * `{ update: 'units.update', delete: 'units.delete' }`.
 */
export function recordActions<K extends string>(
  actions: Readonly<Record<K, Action>>,
  reach: Reach,
): RecordAction<K>[] {
  return (Object.entries(actions) as [K, Action][]).map(([key, action]) => ({ key, action, reach }));
}

/**
 * A loaded record for the current request (ADR 027): a read by the read rule, as before; a
 * write by the write rule (`actor.scope` in write mode) — and when that does not reach it but
 * the caller may read it under `readAction` (another of its roles, or a reading party), 403
 * `scope.readOnlyRecord`; a record the caller cannot read answers 404, revealing nothing.
 */
export function assertReachesFor<R extends Record<string, unknown>>(
  actor: Actor,
  readAction: Action,
  reach: Reach,
  row: R,
  readReach: Reach = reach,
): R {
  if (actor.scope.mode === 'read') return assertReaches(actor.scope, readReach, row);
  return assertWritable(
    actor.scope,
    reach,
    row,
    readReach,
    scopeFor(readAction, actor.userId, actor.grants, 'read'),
  );
}
