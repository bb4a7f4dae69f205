import { randomUUID } from 'node:crypto';
import type { Action } from '../../common/access/policy.js';
import type {
  ImportCommit,
  ImportKind,
  ImportMode,
  ImportPreview,
  ImportState,
  ImportStatus,
} from '../../common/excel/excel.schema.js';
import { IMPORT_MAX_ERRORS } from '../../common/excel/excel.schema.js';
import { t } from '../../common/i18n/index.js';
import { record, whoOf } from '../audit/audit.service.js';
import * as cadresRepo from '../cadres/cadres.repository.js';
import * as cadres from '../cadres/cadres.service.js';
import { HOUR } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { AppError, notFound, outOfScope } from '../core/errors.js';
import { isAllowed } from '../core/policy.js';
import { scopeFor } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import * as posts from '../posts/posts.service.js';
import { findByRegionAndName } from '../units/units.repository.js';
import * as units from '../units/units.service.js';
import type { Checked } from './excel.check.js';
import { readSheet } from './excel.reader.js';
import * as repo from './excel.repository.js';
import {
  batchLabels,
  cadreRowChecks,
  checkCadres,
  checkPosts,
  checkUnits,
  type PendingCadre,
  type PendingPost,
  type PendingUnit,
} from './excel.rows.js';
import type { ImportRow } from './excel.table.js';
import { buildTemplate } from './excel.templates.js';

/** The permission each kind of import needs; checked again at commit. */
export const IMPORT_ACTIONS: Record<ImportKind, Action> = {
  cadres: 'excel.importCadres',
  units: 'excel.importUnits',
  posts: 'excel.importPosts',
};
/** A pending import nobody commits is dropped after this long. */
export const PENDING_TTL_MS = 24 * HOUR;
/** At most this many names are offered as a dropdown in a template. */
const TEMPLATE_MAX_NAMES = 2000;

/**
 * The pending rows are kept encrypted as one value (field cipher, bound to the import's id):
 * ID numbers, phones and names never rest in clear, and one encryption costs less than one
 * per field.
 */
const rowsColumn = (id: string) => `imports.rows/${id}`;

/** The caller with the scope of another action than the current request's. */
function actingAs(actor: Actor, action: Action): Actor | null {
  if (!isAllowed(action, actor.roles)) return null;
  return { ...actor, scope: scopeFor(action, actor.userId, actor.grants) };
}

/** Names for a template's dropdown; a name used twice is written "名称（行政区划代码）". */
async function unitNames(ctx: AppContext, actor: Actor | null): Promise<string[]> {
  if (!actor) return [];
  const list = await repo.unitsInScope(ctx.db, actor.scope, TEMPLATE_MAX_NAMES);
  const count = new Map<string, number>();
  for (const u of list) count.set(u.name, (count.get(u.name) ?? 0) + 1);
  return list.map((u) => ((count.get(u.name) ?? 0) > 1 ? `${u.name}（${u.regionCode}）` : u.name));
}

export async function template(ctx: AppContext, actor: Actor, kind: ImportKind): Promise<Buffer> {
  const importer = actingAs(actor, IMPORT_ACTIONS[kind]);
  const references: Record<string, string[]> = {};
  if (kind === 'cadres') references.unitId = await unitNames(ctx, importer);
  if (kind === 'units') references.parentId = await unitNames(ctx, importer);
  if (kind === 'posts') {
    references.unitId = await unitNames(ctx, importer);
    references.batchId = importer ? (await batchLabels(ctx)).map((b) => b.label) : [];
  }
  return buildTemplate(kind, { references, created: ctx.clock.now() });
}

type Checker = (
  ctx: AppContext,
  actor: Actor,
  sheet: Awaited<ReturnType<typeof readSheet>>,
  mode: ImportMode,
) => Promise<Checked<unknown>>;
const CHECKERS: Record<ImportKind, Checker> = { cadres: checkCadres, units: checkUnits, posts: checkPosts };

/**
 * Reads and checks a whole upload and keeps it as a pending import of its owner. A bad file
 * is refused before anything is stored. The valid rows are kept only when every row is valid
 * (otherwise there is nothing to commit); an earlier pending import of the same kind by the
 * same owner is discarded, and so is anyone's older than a day.
 */
export async function preview(
  ctx: AppContext,
  actor: Actor,
  kind: ImportKind,
  mode: ImportMode,
  content: Buffer,
): Promise<ImportPreview> {
  // a cadre file's rows are checked while it is read (on the worker thread when it is long)
  const rowChecks = kind === 'cadres' ? cadreRowChecks() : null;
  const sheet = await readSheet(content, kind, rowChecks?.onRow);
  const { items, problems } = rowChecks
    ? await checkCadres(ctx, actor, sheet, mode, await rowChecks.done())
    : await CHECKERS[kind](ctx, actor, sheet, mode);
  const id = randomUUID();
  const now = ctx.clock.now();
  const total = sheet.rows.length;
  const valid = total - problems.rows.size;
  await inTransaction(ctx, async (tx) => {
    await repo.discardStale(
      tx.db,
      { ownerId: actor.userId, kind },
      new Date(now.getTime() - PENDING_TTL_MS).toISOString(),
      now.toISOString(),
    );
    await repo.insertImport(tx.db, {
      id,
      kind,
      mode,
      ownerId: actor.userId,
      status: 'pending',
      totalRows: total,
      validRows: valid,
      errorCount: problems.count,
      createdCount: null,
      updatedCount: null,
      rows: problems.count === 0 ? ctx.cipher.encrypt(JSON.stringify(items), rowsColumn(id)) : null,
      createdAt: now.toISOString(),
      finishedAt: null,
    });
    await record(tx, whoOf(actor), {
      action: 'excel.preview',
      objectType: 'import',
      objectId: id,
      diff: { kind: { to: kind }, mode: { to: mode }, total: { to: total }, errors: { to: problems.count } },
    });
  });
  return {
    importId: id,
    kind,
    mode,
    total,
    valid,
    errorCount: problems.count,
    errors: problems.sorted(sheet.columns),
    errorsTruncated: problems.count > IMPORT_MAX_ERRORS,
  };
}

/** An import its caller owns; anyone else's answers as if it did not exist. */
async function owned(ctx: AppContext, actor: Actor, id: string): Promise<ImportRow> {
  const row = await repo.findImport(ctx.db, id);
  if (!row) throw notFound();
  if (row.ownerId !== actor.userId) throw outOfScope();
  return row;
}

const toState = (row: ImportRow): ImportState => ({
  id: row.id,
  kind: row.kind as ImportKind,
  mode: row.mode as ImportMode,
  status: row.status as ImportStatus,
  total: row.totalRows,
  valid: row.validRows,
  errorCount: row.errorCount,
  created: row.createdCount,
  updated: row.updatedCount,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
});

export async function state(ctx: AppContext, actor: Actor, id: string): Promise<ImportState> {
  return toState(await owned(ctx, actor, id));
}

function notPending(status: string): AppError {
  return new AppError('CONFLICT', {
    messageKey: 'import.notPending',
    params: { status: t(`importStatus.${status as ImportStatus}`) },
  });
}

/** A refusal of a row's write as the 409 that names the row (the transaction rolls back). */
function rowFailed(row: number, error: AppError): AppError {
  return new AppError('CONFLICT', {
    messageKey: 'import.rowFailed',
    params: { row, reason: error.fields?.[0]?.message ?? error.message },
    cause: error,
  });
}

/** Runs one row's writes; a refusal becomes a 409 naming the row. */
async function atRow<T>(row: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw error instanceof AppError ? rowFailed(row, error) : error;
  }
}

interface Counts {
  created: number;
  updated: number;
}

/**
 * New cadres go through `cadres.createMany` (the rules of `create`, checked for the whole batch,
 * then bulk inserts); in update mode a row whose ID number is already registered goes through
 * `cadres.update`, keeping what the sheet does not hold (résumé, relatives) and what it leaves empty.
 */
async function commitCadres(ctx: AppContext, actor: Actor, mode: ImportMode, items: PendingCadre[]) {
  const rows = items.map((item) => ({
    item,
    values: item.values,
    index: cadres.idNumberIndexOf(ctx, item.values.idNumber),
  }));
  const existing =
    mode === 'update'
      ? new Map(
          (
            await cadresRepo.findByIdNumberIndexes(
              ctx.db,
              rows.map((r) => r.index),
            )
          ).map((m) => [m.idNumberIndex, m.id]),
        )
      : new Map<string, string>();
  const fresh = rows.filter((r) => !existing.has(r.index));
  await cadres.createMany(
    ctx,
    actor,
    fresh.map((r) => r.values),
    (i, error) => rowFailed((fresh[i] as (typeof fresh)[number]).item.row, error),
  );
  const updates = rows.filter((r) => existing.has(r.index));
  for (const { item, values, index } of updates) {
    await atRow(item.row, async () => {
      const id = existing.get(index) as string;
      const current = await cadres.get(ctx, actor, id);
      const { given } = item;
      const { idNumber: _same, phone, ...rest } = values;
      await cadres.update(ctx, actor, id, {
        ...rest,
        ...(given.phone ? { phone } : {}),
        school: given.school ? rest.school : current.school,
        major: given.major ? rest.major : current.major,
        reserve: given.reserve ? rest.reserve : current.reserve,
        expertise: given.expertise ? rest.expertise : current.expertise,
        resume: current.resume,
        relatives: current.relatives,
        version: current.version,
      });
    });
  }
  return { created: fresh.length, updated: updates.length };
}

async function commitUnits(ctx: AppContext, actor: Actor, mode: ImportMode, items: PendingUnit[]) {
  const counts: Counts = { created: 0, updated: 0 };
  const idOfRow = new Map<number, string>();
  for (const item of items) {
    await atRow(item.row, async () => {
      const values = {
        ...item.values,
        parentId: item.parentRow === null ? item.values.parentId : (idOfRow.get(item.parentRow) ?? null),
      };
      const existing =
        mode === 'update' ? await findByRegionAndName(ctx.db, values.regionCode, values.name) : undefined;
      if (existing) {
        await units.update(ctx, actor, existing.id, { ...values, version: existing.version });
        idOfRow.set(item.row, existing.id);
        counts.updated += 1;
      } else {
        idOfRow.set(item.row, (await units.create(ctx, actor, values)).id);
        counts.created += 1;
      }
    });
  }
  return counts;
}

async function commitPosts(ctx: AppContext, actor: Actor, mode: ImportMode, items: PendingPost[]) {
  const counts: Counts = { created: 0, updated: 0 };
  for (const item of items) {
    await atRow(item.row, async () => {
      const existing = mode === 'update' ? await repo.findPostKeyed(ctx.db, item.values) : undefined;
      if (existing) {
        const { batchId: _b, unitId: _u, ...content } = item.values;
        await posts.update(ctx, actor, existing.id, { ...content, version: existing.version });
        counts.updated += 1;
      } else {
        await posts.create(ctx, actor, item.values);
        counts.created += 1;
      }
    });
  }
  return counts;
}

/**
 * Writes every row of a pending import in one transaction, each through its service's own
 * create or update (rules, scope, audit row). Any refusal rolls everything back and answers
 * 409 naming the row. Only the owner commits, only an import whose preview was clean, and only
 * while the owner still holds the permission for its kind.
 */
export async function commit(ctx: AppContext, actor: Actor, id: string): Promise<ImportCommit> {
  const row = await owned(ctx, actor, id);
  if (row.status !== 'pending') throw notPending(row.status);
  if (Date.parse(row.createdAt) < ctx.clock.now().getTime() - PENDING_TTL_MS) {
    await repo.finishImport(ctx.db, id, { status: 'discarded', finishedAt: ctx.clock.now().toISOString() });
    throw notPending('discarded');
  }
  if (row.errorCount > 0 || row.rows === null) {
    throw new AppError('CONFLICT', { messageKey: 'import.hasErrors', params: { count: row.errorCount } });
  }
  const kind = row.kind as ImportKind;
  const importer = actingAs(actor, IMPORT_ACTIONS[kind]);
  if (!importer) throw new AppError('FORBIDDEN');
  const mode = row.mode as ImportMode;
  const items = JSON.parse(ctx.cipher.decrypt(row.rows, rowsColumn(id))) as unknown[];
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now().toISOString();
    // claims the import first: a second commit of the same import waits here, then finds it done
    if (!(await repo.finishImport(tx.db, id, { status: 'committed', finishedAt: now })))
      throw notPending('committed');
    const counts =
      kind === 'cadres'
        ? await commitCadres(tx, importer, mode, items as PendingCadre[])
        : kind === 'units'
          ? await commitUnits(tx, importer, mode, items as PendingUnit[])
          : await commitPosts(tx, importer, mode, items as PendingPost[]);
    await repo.setCounts(tx.db, id, counts);
    await record(tx, whoOf(actor), {
      action: 'excel.import',
      objectType: 'import',
      objectId: id,
      diff: {
        kind: { to: kind },
        mode: { to: mode },
        created: { to: counts.created },
        updated: { to: counts.updated },
      },
    });
    return counts;
  });
}

export async function discard(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await owned(ctx, actor, id);
  if (row.status !== 'pending') throw notPending(row.status);
  await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now().toISOString();
    if (!(await repo.finishImport(tx.db, id, { status: 'discarded', finishedAt: now })))
      throw notPending('discarded');
    await record(tx, whoOf(actor), { action: 'excel.discard', objectType: 'import', objectId: id });
  });
}
