import type { Role } from '../../common/auth/auth.schema.js';
import { type Action, accessOf } from './policy.js';

/** A role an account holds, with the data it reaches. */
export interface Grant {
  role: Role;
  regionCode: string | null;
  /** The region's ancestor path (`/520000/522600/`), for subtree checks. */
  regionPath: string | null;
  unitId: string | null;
  programmeIds: string[] | null;
}

/** What the caller may reach for the action of the current request: the union over its roles. */
export interface Scope {
  all: boolean;
  regionPaths: string[];
  unitIds: string[];
  selfId: string | null;
}

export const NO_SCOPE: Scope = Object.freeze({
  all: false,
  regionPaths: [],
  unitIds: [],
  selfId: null,
}) as Scope;

export function scopeFor(action: Action, userId: string, grants: readonly Grant[]): Scope {
  const access = accessOf(action);
  if (access === 'public' || access === 'authenticated') return { ...NO_SCOPE, selfId: userId };
  const scope: Scope = { all: false, regionPaths: [], unitIds: [], selfId: null };
  for (const grant of grants) {
    const kind = access[grant.role];
    if (kind === 'all') scope.all = true;
    if (kind === 'region' && grant.regionPath) scope.regionPaths.push(grant.regionPath);
    if (kind === 'unit' && grant.unitId) scope.unitIds.push(grant.unitId);
    if (kind === 'self') scope.selfId = userId;
  }
  return scope;
}

/** Is a region (by its path) inside the scope's region subtrees? */
export function regionInScope(scope: Scope, regionPath: string): boolean {
  return scope.all || scope.regionPaths.some((p) => regionPath.startsWith(p));
}
