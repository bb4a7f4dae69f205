import type { Action } from '../../common/access/policy.js';
import type { Actor } from './context.js';
import { isAllowed } from './policy.js';
import { type Reach, reaches, scopeFor } from './scope.js';

/**
 * Which of these actions the caller may take on a loaded record, for a detail answer's buttons:
 * the policy table for the caller's roles, then the action's own scope (in write mode) against
 * the action's reach. The server still checks each when it is called; this only tells the web.
 */
export function allowedOn<K extends string>(
  actor: Actor,
  row: Record<string, unknown>,
  candidates: readonly { key: K; action: Action; reach: Reach }[],
): K[] {
  return candidates
    .filter(({ action, reach }) => {
      if (!isAllowed(action, actor.roles)) return false;
      return reaches(scopeFor(action, actor.userId, actor.grants, 'write'), reach, row);
    })
    .map((c) => c.key);
}
