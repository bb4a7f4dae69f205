import type { Action } from '../../common/access/policy.js';
import type { Role } from '../../common/auth/auth.schema.js';
import {
  DEFAULT_ELIGIBILITY,
  zBatchInput,
  zBatchListQuery,
  zProgrammeInput,
  zProgrammeListQuery,
} from '../../common/programmes/programmes.schema.js';
import { findUserByUsername, grantsOf } from '../auth/auth.repository.js';
import { type Actor, type AppContext, systemActor } from '../core/context.js';
import { scopeFor } from '../core/scope.js';
import * as programmes from '../programmes/programmes.service.js';

/** A demo account as the services see it for one action: its grants and that action's scope. */
export async function actorFor(ctx: AppContext, username: string, action: Action): Promise<Actor | null> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) return null;
  const grants = await grantsOf(ctx.db, user.id);
  return {
    ...systemActor(user.id, username),
    displayName: user.displayName,
    roles: grants.map((g) => g.role),
    grants,
    scope: scopeFor(action, user.id, grants),
  };
}

/** The demo's name in the audit log for work of units that have no demo account. */
export const DEMO_SEEDER = 'demo-seed';

/**
 * The work of a demo unit without an account of its own (a liaison or manager nobody signs in
 * as): the seeder holding that unit's role, so the service applies that role's rules and scope.
 */
export function unitActor(role: Role, unitId: string, action: Action): Actor {
  const grants = [{ role, unitId, regionCode: null, programmeIds: null }];
  return { ...systemActor(null, DEMO_SEEDER), roles: [role], grants, scope: scopeFor(action, '', grants) };
}

export interface DemoBatch {
  name: string;
  plannedStart: string;
  plannedEnd: string;
  termMonths: number;
  quotas: readonly { regionCode: string; quota: number }[];
  /** The move made right after creating it, if any. */
  advance: { to: 'selecting'; reason: string } | null;
}

/**
 * A demo programme and its batches, created by the 组织部 (zzb) when missing, by batch name;
 * null when that account is gone.
 */
export async function seedProgramme(
  ctx: AppContext,
  values: { name: string; kind: string; regionCode: string; description: string },
  batches: readonly DemoBatch[],
): Promise<Map<string, string> | null> {
  const zzb = await actorFor(ctx, 'zzb', 'programmes.create');
  if (!zzb) return null;
  const found = await programmes.listProgrammes(ctx, zzb, zProgrammeListQuery.parse({ q: values.name }));
  const programme =
    found.items.find((p) => p.name === values.name) ??
    (await programmes.createProgramme(ctx, zzb, zProgrammeInput.parse(values)));
  const runner = { ...zzb, scope: scopeFor('batches.create', zzb.userId, zzb.grants) };
  const existing = await programmes.listBatches(
    ctx,
    runner,
    zBatchListQuery.parse({ programmeId: programme.id, pageSize: 100 }),
  );
  const ids = new Map<string, string>();
  for (const { advance, ...batchValues } of batches) {
    const have = existing.items.find((b) => b.name === batchValues.name);
    if (have) {
      ids.set(batchValues.name, have.id);
      continue;
    }
    let batch = await programmes.createBatch(
      ctx,
      runner,
      zBatchInput.parse({ ...batchValues, programmeId: programme.id, eligibility: DEFAULT_ELIGIBILITY }),
    );
    if (advance) {
      batch = await programmes.advanceBatch(ctx, runner, batch.id, {
        ...advance,
        version: batch.version,
        acknowledgeWarnings: true,
      });
    }
    ids.set(batchValues.name, batch.id);
  }
  return ids;
}
