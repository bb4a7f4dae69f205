import type { RankLevel } from '../../common/cadres/cadre-enums.js';
import { RANK_LEVELS } from '../../common/cadres/cadre-enums.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import {
  defaultPostLevels,
  type PostLevelTable,
  REGION_TIERS,
  type RegionTier,
  regionTierOf,
  type UnitPostLevels,
} from '../../common/posts/post-levels.js';
import { UNIT_KINDS, type UnitKind } from '../../common/units/units.schema.js';
import { diffOf, record, whoOf } from '../audit/audit.service.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { notFound, validationError } from '../core/errors.js';
import { assertReaches } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { findUnit, UNIT_REACH } from '../units/units.repository.js';
import * as repo from './post-levels.repository.js';

const ordered = (levels: RankLevel[]) => levels.filter((l) => (RANK_LEVELS as readonly string[]).includes(l));

/** The levels a unit of this kind in a region of this tier may ask for, most common first. */
export async function levelsFor(db: Executor, kind: UnitKind, tier: RegionTier): Promise<RankLevel[]> {
  const row = await repo.findRule(db, kind, tier);
  return row ? ordered(JSON.parse(row.levels)) : defaultPostLevels(kind, tier);
}

type UnitFacts = { name: string; kind: string; regionCode: string };

/** Why the unit may not ask for a post of that level (the form's and the import's words), or null. */
async function levelRefusal(db: Executor, unit: UnitFacts, level: RankLevel): Promise<string | null> {
  const tier = regionTierOf(unit.regionCode);
  const allowed = await levelsFor(db, unit.kind as UnitKind, tier);
  if (allowed.includes(level)) return null;
  return t('postLevel.notAllowed', {
    unit: unit.name,
    kind: t(`unitKind.${unit.kind}` as MessageKey),
    tier: t(`regionTier.${tier}`),
    level: t(`rankLevel.${level}`),
    allowed: allowed.map((l) => t(`rankLevel.${l}`)).join('、'),
  });
}

/** Throws a field error on `level` unless the unit may ask for a post of that level. */
export async function assertLevelFits(db: Executor, unit: UnitFacts, level: RankLevel): Promise<void> {
  const refusal = await levelRefusal(db, unit, level);
  if (refusal) throw validationError([{ field: 'level', message: refusal }]);
}

/** For an import: the refusal of each (unit, level), units loaded once. */
export function levelChecker(db: Executor): (unitId: string, level: RankLevel) => Promise<string | null> {
  const units = new Map<string, Promise<UnitFacts | undefined>>();
  return async (unitId, level) => {
    if (!units.has(unitId)) units.set(unitId, findUnit(db, unitId));
    const unit = await units.get(unitId);
    return unit ? levelRefusal(db, unit, level) : null;
  };
}

export async function table(ctx: AppContext): Promise<PostLevelTable> {
  const stored = new Map((await repo.listRules(ctx.db)).map((r) => [`${r.unitKind}/${r.regionTier}`, r]));
  const rules = UNIT_KINDS.flatMap((unitKind) =>
    REGION_TIERS.map((regionTier) => {
      const row = stored.get(`${unitKind}/${regionTier}`);
      return {
        unitKind,
        regionTier,
        levels: row ? ordered(JSON.parse(row.levels)) : defaultPostLevels(unitKind, regionTier),
        isDefault: !row,
        updatedAt: row?.updatedAt ?? null,
      };
    }),
  );
  return { rules };
}

/** Changes one cell (`levels: null`: back to the default); audited with the before and after. */
export async function update(
  ctx: AppContext,
  actor: Actor,
  unitKind: UnitKind,
  regionTier: RegionTier,
  levels: RankLevel[] | null,
): Promise<PostLevelTable> {
  await inTransaction(ctx, async (tx) => {
    const before = await levelsFor(tx.db, unitKind, regionTier);
    if (levels === null) await repo.deleteRule(tx.db, unitKind, regionTier);
    else
      await repo.saveRule(tx.db, {
        unitKind,
        regionTier,
        levels: JSON.stringify(levels),
        updatedAt: ctx.clock.now().toISOString(),
        updatedBy: authorOf(actor),
      });
    const after = await levelsFor(tx.db, unitKind, regionTier);
    await record(tx, whoOf(actor), {
      action: 'postLevels.update',
      objectType: 'postLevelRule',
      objectId: `${unitKind}/${regionTier}`,
      diff: diffOf({ levels: before }, { levels: after }),
    });
  });
  return table(ctx);
}

/** The levels the form offers for one unit the caller reaches. */
export async function forUnit(ctx: AppContext, actor: Actor, unitId: string): Promise<UnitPostLevels> {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound();
  assertReaches(actor.scope, UNIT_REACH, unit);
  const regionTier = regionTierOf(unit.regionCode);
  const unitKind = unit.kind as UnitKind;
  return { unitId, unitKind, regionTier, levels: await levelsFor(ctx.db, unitKind, regionTier) };
}
