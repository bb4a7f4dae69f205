import { randomUUID } from 'node:crypto';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import { maskPhone } from '../../common/personal/mask.js';
import type {
  Unit,
  UnitKind,
  UnitListParams,
  UnitValues,
  UnitView,
} from '../../common/units/units.schema.js';
import { diffOf, record, whoOf } from '../audit/audit.service.js';
import { allowedOn, assertReachesFor, recordActions } from '../core/allowed.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import { type Executor, fromFlag, toFlag } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { pinyinKeys } from '../core/pinyin.js';
import { reaches, regionReached } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import { findRegion } from '../regions/regions.repository.js';
import * as repo from './units.repository.js';

/**
 * Loads a unit the caller may reach; one outside the scope answers as if it did not exist, and a
 * write on one the caller only reads says so (ADR 027).
 */
async function reachable(db: Executor, actor: Actor, id: string): Promise<repo.UnitView> {
  const row = await repo.findUnit(db, id);
  if (!row) throw notFound();
  return assertReachesFor(actor, 'units.read', repo.UNIT_REACH, row);
}

/** Each button of a unit, by the policy line and the reach of the write it makes (ADR 027). */
const RECORD_ACTIONS = recordActions({ update: 'units.update', delete: 'units.delete' }, repo.UNIT_REACH);

const viewOf = (actor: Actor, row: repo.UnitView, options: { maskPhone?: boolean } = {}): UnitView => ({
  ...toUnit(row, options),
  actions: allowedOn(actor, row, RECORD_ACTIONS),
});

export function toUnit(row: repo.UnitView, options: { maskPhone?: boolean } = {}): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UnitKind,
    regionCode: row.regionCode,
    regionName: row.regionName,
    parentId: row.parentId,
    parentName: row.parentName,
    contactName: row.contactName,
    contactPhone: row.contactPhone && options.maskPhone ? maskPhone(row.contactPhone) : row.contactPhone,
    active: fromFlag(row.active),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Lists show contact phones masked; the detail view shows them in full. */
export async function list(ctx: AppContext, actor: Actor, params: UnitListParams): Promise<Page<UnitView>> {
  if (params.regionCode && !(await findRegion(ctx.db, params.regionCode)))
    return { items: [], total: 0, page: params.page, pageSize: params.pageSize };
  const { rows, ...count } = await repo.listUnits(ctx.db, params, params.regionCode ?? null, actor.scope, {
    cache: ctx.readCache,
    counter: 'registry',
  });
  return {
    items: rows.map((r) => viewOf(actor, r, { maskPhone: true })),
    ...count,
    page: params.page,
    pageSize: params.pageSize,
  };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<UnitView> {
  return viewOf(actor, await reachable(ctx.db, actor, id));
}

/** Checks that hold for both create and update: region exists, parent valid, name free in the region. */
async function checkValues(
  db: Executor,
  actor: Actor,
  values: UnitValues,
  selfId: string | null,
): Promise<void> {
  const region = await findRegion(db, values.regionCode);
  if (!region) throw fieldError('regionCode', 'unit.regionMissing');
  if (!regionReached(actor.scope, region.code)) throw fieldError('regionCode', 'scope.regionOutside');
  if (values.parentId) {
    const parent = await repo.findUnit(db, values.parentId);
    if (!parent) throw fieldError('parentId', 'unit.parentMissing');
    if (!reaches(actor.scope, repo.UNIT_REACH, parent)) throw fieldError('parentId', 'scope.unitOutside');
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

export async function create(ctx: AppContext, actor: Actor, values: UnitValues): Promise<UnitView> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await checkValues(tx.db, actor, values, null);
    await repo.insertUnit(tx.db, {
      id,
      ...searchColumns(values),
      active: toFlag(true),
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    const after = await repo.findUnit(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'units.create',
      objectType: 'unit',
      objectId: id,
      diff: diffOf(null, auditable(after)),
    });
  });
  return get(ctx, actor, id);
}

/** The fields of a unit the audit log records (contact phone masked by the audit service). */
function auditable(row: repo.UnitView | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const { name, kind, regionCode, parentId, contactName, contactPhone, active } = row;
  return { name, kind, regionCode, parentId, contactName, contactPhone, active: fromFlag(active) };
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: UnitValues & { version: number },
): Promise<UnitView> {
  await inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    if (current.version !== values.version) throw versionConflict();
    await checkValues(tx.db, actor, values, id);
    await updateVersioned(tx.db, 'units', id, values.version, {
      ...searchColumns(values),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    const after = await repo.findUnit(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'units.update',
      objectType: 'unit',
      objectId: id,
      diff: diffOf(auditable(current), auditable(after)),
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
): Promise<UnitView> {
  await inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    if (current.version !== version) throw versionConflict();
    if (fromFlag(current.active) === active) {
      throw new AppError('CONFLICT', { messageKey: active ? 'unit.alreadyActive' : 'unit.alreadyInactive' });
    }
    await updateVersioned(tx.db, 'units', id, version, {
      active: toFlag(active),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: active ? 'units.activate' : 'units.deactivate',
      objectType: 'unit',
      objectId: id,
      diff: { active: { from: !active, to: active } },
    });
  });
  return get(ctx, actor, id);
}

/** Hard delete only for a unit nothing refers to; otherwise the answer says what refers to it. */
export async function remove(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    if (current.version !== version) throw versionConflict();
    const children = await repo.countChildren(tx.db, id);
    if (children > 0) {
      throw new AppError('UNIT_REFERENCED', {
        params: { detail: t('unit.referencedByChildren', { count: children }) },
      });
    }
    await repo.deleteUnit(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'units.delete',
      objectType: 'unit',
      objectId: id,
      diff: diffOf(auditable(current), null),
    });
  });
}
