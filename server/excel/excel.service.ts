import { randomUUID } from 'node:crypto';
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
import { HOUR } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { AppError, notFound, outOfScope } from '../core/errors.js';
import { onWorker, WORKER_FROM } from '../core/offload.js';
import { inTransaction } from '../core/transaction.js';
import { mergeChecked, Problems, type RowsChecked } from './excel.check.js';
import type { ImportKindModule } from './excel.kind.js';
import { readSheet, type SheetRow } from './excel.reader.js';
import * as repo from './excel.repository.js';
import type { ImportRow } from './excel.table.js';
import { buildTemplate } from './excel.templates.js';

/**
 * Templates, previews and commits of every import kind (excel.kinds.ts). Each is called by the
 * kind's own route, under the kind's action: the actor's scope is the one the access hook
 * computed for it, and a caller who lost the kind's permission is refused before this runs.
 */

/** A pending import nobody commits is dropped after this long. */
export const PENDING_TTL_MS = 24 * HOUR;

/**
 * The pending rows are kept encrypted as one value (field cipher, bound to the import's id):
 * ID numbers, phones and names never rest in clear, and one encryption costs less than one
 * per field.
 */
const rowsColumn = (id: string) => `imports.rows/${id}`;

/** A kind's template; its dropdowns offer the names within the request's scope. */
export async function template(ctx: AppContext, actor: Actor, kind: ImportKindModule): Promise<Buffer> {
  const references = await kind.references(ctx, actor.scope);
  return buildTemplate(kind, { references, created: ctx.clock.now() });
}

/**
 * Checks rows while the sheet is still being read: once a file shows itself long (WORKER_FROM
 * rows), each slice of that many rows goes to the worker thread as soon as it is read (the
 * kind's pure `check`, from its `.check.ts`); the rest, and a short file whole, are checked here
 * at the end. `done()` gives the checks of every row, in file order.
 */
function checkWhileReading<P>(check: ImportKindModule<ImportKind, P>['check']) {
  let pending: SheetRow[] = [];
  const sent: Promise<RowsChecked<P>>[] = [];
  return {
    onRow(row: SheetRow) {
      pending.push(row);
      if (pending.length < WORKER_FROM) return;
      const slice = onWorker<SheetRow[], RowsChecked<P>>(check.module, check.name, pending);
      slice.catch(() => {}); // awaited in done(); not unhandled if the file is refused first
      sent.push(slice);
      pending = [];
    },
    async done(): Promise<RowsChecked<P>> {
      const last = check.run(pending);
      return mergeChecked([...(await Promise.all(sent)), last]);
    },
  };
}

/**
 * Reads and checks a whole upload and keeps it as a pending import of its owner. A bad file
 * is refused before anything is stored. The valid rows are kept only when every row is valid
 * (otherwise there is nothing to commit); an earlier pending import of the same kind by the
 * same owner is discarded, and so is anyone's older than a day.
 */
export async function preview(
  ctx: AppContext,
  actor: Actor,
  module: ImportKindModule,
  mode: ImportMode,
  content: Buffer,
): Promise<ImportPreview> {
  const { kind } = module;
  // the rows are checked while the file is read (on the worker thread when it is long)
  const checks = checkWhileReading(module.check);
  const sheet = await readSheet(content, module, checks.onRow);
  const { converted, parsed, problems: found } = await checks.done();
  const problems = new Problems();
  problems.merge(found, sheet.columns);
  const items = await module.lookup(ctx, { scope: actor.scope, sheet, mode, converted, parsed, problems });
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

/**
 * Writes every row of a pending import in one transaction, each through its service's own
 * create or update (rules, scope, audit row). Any refusal rolls everything back and answers
 * 409 naming the row. Only the owner commits, only an import whose preview was clean, and only
 * through its kind's route (whose action checks that the owner still holds the permission).
 */
export async function commit(
  ctx: AppContext,
  actor: Actor,
  module: ImportKindModule,
  id: string,
): Promise<ImportCommit> {
  const row = await owned(ctx, actor, id);
  if (row.kind !== module.kind) throw notFound();
  if (row.status !== 'pending') throw notPending(row.status);
  if (Date.parse(row.createdAt) < ctx.clock.now().getTime() - PENDING_TTL_MS) {
    await repo.finishImport(ctx.db, id, { status: 'discarded', finishedAt: ctx.clock.now().toISOString() });
    throw notPending('discarded');
  }
  if (row.errorCount > 0 || row.rows === null) {
    throw new AppError('CONFLICT', { messageKey: 'import.hasErrors', params: { count: row.errorCount } });
  }
  const { kind } = module;
  const mode = row.mode as ImportMode;
  const items = JSON.parse(ctx.cipher.decrypt(row.rows, rowsColumn(id))) as unknown[];
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now().toISOString();
    // claims the import first: a second commit of the same import waits here, then finds it done
    if (!(await repo.finishImport(tx.db, id, { status: 'committed', finishedAt: now })))
      throw notPending('committed');
    const counts = await module.commit(tx, actor, mode, items);
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
