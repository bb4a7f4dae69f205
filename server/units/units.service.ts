import { randomUUID } from 'node:crypto';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import type { Unit, UnitKind, UnitListParams, UnitValues } from '../../common/units/units.schema.js';
import type { Actor, AppContext } from '../core/context.js';
import { type Executor, fromFlag, toFlag } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { pinyinKeys } from '../core/pinyin.js';
import { updateVersioned } from '../core/versioned.js';
import { findRegion } from '../regions/regions.repository.js';
import * as repo from './units.repository.js';

export function toUnit(row: repo.UnitView): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UnitKind,
    regionCode: row.regionCode,
    regionName: row.regionName,
    parentId: row.parentId,
    parentName: row.parentName,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    active: fromFlag(row.active),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function list(ctx: AppContext, _actor: Actor, params: UnitListParams): Promise<Page<Unit>> {
  let regionPath: string | null = null;
  if (params.regionCode) {
    const region = await findRegion(ctx.db, params.regionCode);
    if (!region) return { items: [], total: 0, page: params.page, pageSize: params.pageSize };
    regionPath = region.path;
  }
  const { rows, total } = await repo.listUnits(ctx.db, params, regionPath);
  return { items: rows.map(toUnit), total, page: params.page, pageSize: params.pageSize };
}

export async function get(ctx: AppContext, _actor: Actor, id: string): Promise<Unit> {
  const row = await repo.findUnit(ctx.db, id);
  if (!row) throw notFound();
  return toUnit(row);
}

/** Checks that hold for both create and update: region exists, parent valid, name free in the region. */
async function checkValues(db: Executor, values: UnitValues, selfId: string | null): Promise<void> {
  if (!(await findRegion(db, values.regionCode))) {
    throw fieldError('regionCode', 'unit.regionMissing');
  }
  if (values.parentId) {
    if (!(await repo.findUnitRow(db, values.parentId))) {
      throw fieldError('parentId', 'unit.parentMissing');
    }
    if (selfId && (await repo.ancestorIds(db, values.parentId)).includes(selfId)) {
      throw fieldError('parentId', 'unit.parentSelf');
    }
  }
  const clash = await repo.findByRegionAndName(db, values.regionCode, values.name);
  if (clash && clash.id !== selfId) {
    throw new AppError('CONFLICT', {
      messageKey: 'unit.nameTaken',
      params: { name: values.name },
      fields: [{ field: 'name', message: t('unit.nameTaken', { name: values.name }) }],
    });
  }
}

function searchColumns(values: UnitValues) {
  const keys = pinyinKeys(values.name);
  return {
    name: values.name,
    namePinyin: keys.full,
    nameInitials: keys.initials,
    kind: values.kind,
    regionCode: values.regionCode,
    parentId: values.parentId,
    contactName: values.contactName,
    contactPhone: values.contactPhone,
  };
}

export async function create(ctx: AppContext, actor: Actor, values: UnitValues): Promise<Unit> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await checkValues(trx, values, null);
    await repo.insertUnit(trx, {
      id,
      ...searchColumns(values),
      active: toFlag(true),
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
  });
  return get(ctx, actor, id);
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: UnitValues & { version: number },
): Promise<Unit> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findUnitRow(trx, id);
    if (!current) throw notFound();
    if (current.version !== values.version) throw versionConflict();
    await checkValues(trx, values, id);
    await updateVersioned(trx, 'units', id, values.version, {
      ...searchColumns(values),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: actor.userId,
    });
  });
  return get(ctx, actor, id);
}

export async function setActive(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  active: boolean,
): Promise<Unit> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findUnitRow(trx, id);
    if (!current) throw notFound();
    if (current.version !== version) throw versionConflict();
    if (fromFlag(current.active) === active) {
      throw new AppError('CONFLICT', { messageKey: active ? 'unit.alreadyActive' : 'unit.alreadyInactive' });
    }
    await updateVersioned(trx, 'units', id, version, {
      active: toFlag(active),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: actor.userId,
    });
  });
  return get(ctx, actor, id);
}

/** Hard delete only for a unit nothing refers to; otherwise the answer says what refers to it. */
export async function remove(ctx: AppContext, _actor: Actor, id: string, version: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findUnitRow(trx, id);
    if (!current) throw notFound();
    if (current.version !== version) throw versionConflict();
    const children = await repo.countChildren(trx, id);
    if (children > 0) {
      throw new AppError('UNIT_REFERENCED', {
        params: { detail: t('unit.referencedByChildren', { count: children }) },
      });
    }
    await repo.deleteUnit(trx, id);
  });
}
