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
  /**
   * A 组织部 grant limited to named programmes: programmes, their batches, post requests and
   * nominations are reachable only within these. null: no such limit.
   */
  programmeIds: string[] | null;
}

export const NO_SCOPE: Scope = Object.freeze({
  all: false,
  regionPaths: [],
  unitIds: [],
  selfId: null,
  programmeIds: null,
}) as Scope;

export function scopeFor(action: Action, userId: string, grants: readonly Grant[]): Scope {
  const access = accessOf(action);
  if (access === 'public' || access === 'authenticated') return { ...NO_SCOPE, selfId: userId };
  const scope: Scope = { all: false, regionPaths: [], unitIds: [], selfId: null, programmeIds: null };
  for (const grant of grants) {
    const kind = access[grant.role];
    if (kind === 'all') scope.all = true;
    if (kind === 'region' && grant.regionPath) scope.regionPaths.push(grant.regionPath);
    if (kind === 'region' && grant.programmeIds)
      scope.programmeIds = [...(scope.programmeIds ?? []), ...grant.programmeIds];
    if (kind === 'unit' && grant.unitId) scope.unitIds.push(grant.unitId);
    if (kind === 'self') scope.selfId = userId;
  }
  return scope;
}

/** Is a region (by its path) inside the scope's region subtrees? */
export function regionInScope(scope: Scope, regionPath: string): boolean {
  return scope.all || scope.regionPaths.some((p) => regionPath.startsWith(p));
}

/**
 * GB/T 2260 codes are hierarchical: everything below a province (xx0000) shares its first 2
 * digits, below a city (xxyy00) its first 4, below a county its 6; a township (9 digits) is a
 * leaf. The region loader links parents by exactly these prefixes, so a subtree is a code prefix.
 * (The level comes from the code, not the path: a municipality's districts sit at depth 2.)
 */
export function regionCodePrefix(regionPath: string): string {
  const code = regionPath.split('/').filter(Boolean).at(-1) ?? '';
  if (code.length === 9) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Is a programme inside the scope's programme limit (if it has one)? */
export function programmeInScope(scope: Scope, programmeId: string): boolean {
  return scope.programmeIds === null || scope.programmeIds.includes(programmeId);
}
