import { randomUUID } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import { type MessageKey, t } from '../../common/i18n/index.js';
import { canMove, type StatusMoves } from '../../common/status/status-moves.js';
import { type Diff, record, whoOf } from '../audit/audit.service.js';
import { type Actor, type AppContext, authorOf } from './context.js';
import type { Database, Executor } from './database.js';
import { AppError, versionConflict } from './errors.js';
import { appendHistory, historyOf } from './status-history.repository.js';
import { updateVersioned } from './versioned.js';

/** Tables whose rows carry `id`, `version` and `status`. */
type StatusTable = {
  [K in keyof Database]: Database[K] extends { id: string; version: number; status: string } ? K : never;
}[keyof Database];

type Patch<T extends StatusTable> = Updateable<Database[T]>;

export interface StateMachineSpec<S extends string, T extends StatusTable> {
  /** The audit log's and the history's object type ('batch', 'post' …). */
  objectType: string;
  table: T;
  /** The statuses and allowed moves, shared with the web (common/…/…-moves.ts). */
  moves: StatusMoves<S>;
  /** What the record is called in messages (`status.object.post` → 岗位需求). */
  noun: MessageKey;
  /** The catalogue key of a status's label. */
  label: (status: S) => MessageKey;
  /** Who and when on the row itself, set by every move besides status and version. */
  stamp: (at: string, actor: Actor) => Patch<T>;
  /** The audit diff's name for the reason (`comment`, `reason`); absent reasons are left out. */
  reasonKey: string;
  /**
   * When the client names the target status in a field (a batch's `to`): a refused move then
   * also names that field, with this hint.
   */
  target?: { field: string; hint: MessageKey };
}

export interface MoveInput<S extends string, T extends StatusTable> {
  /** The record as loaded (and scope-checked) by the caller, in its transaction. */
  row: { id: string; status: string; version: number };
  /** The version the client read: a stale one is answered 409 VERSION_CONFLICT before anything else. */
  version: number;
  to: S;
  /** The audit action, e.g. `posts.approve`. */
  action: string;
  reason?: string | null;
  /** Further columns of this move (a review's comment and reviewer), given the move's time. */
  set?: (at: string) => Patch<T>;
  /** Runs once the move is known allowed, before anything is written (a quota, applying a correction). */
  beforeWrite?: () => Promise<void>;
  /** What else the move changed, for its audit row (a posting's new end date, the duties agreed). */
  audit?: Diff;
}

export interface StateMachine<S extends string, T extends StatusTable> {
  readonly objectType: string;
  readonly table: T;
  readonly moves: StatusMoves<S>;
  canMove(from: string, to: string): boolean;
  /** Throws 409 CONFLICT naming the current and the attempted status unless the move is declared. */
  assertMove(from: string, to: S): void;
  /**
   * Checks and makes one move in the caller's transaction: the version and the move are checked,
   * the row gets its new status (optimistic check), the history row and the audit row are
   * appended. Returns the row's new version.
   */
  move(
    ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
    actor: Actor,
    input: MoveInput<S, T>,
  ): Promise<number>;
  /** The moves of these records, oldest first. */
  history(db: Executor, ids: string[]): ReturnType<typeof historyOf>;
}

/** The usual `stamp`: the row's `updatedAt` and `updatedBy`. */
export const updatedStamp = (at: string, actor: Actor) => ({ updatedAt: at, updatedBy: authorOf(actor) });

/** A review's columns for `set`: its comment, who reviewed and when. */
export const reviewed = (actor: Actor, comment: string | null) => (at: string) => ({
  reviewComment: comment,
  reviewedBy: authorOf(actor),
  reviewedAt: at,
});

export function defineStateMachine<const S extends string, T extends StatusTable>(
  spec: StateMachineSpec<S, T>,
): StateMachine<S, T> {
  const known = (s: string): s is S => (spec.moves.statuses as readonly string[]).includes(s);
  const labelOf = (s: string) => (known(s) ? t(spec.label(s)) : s);

  function assertMove(from: string, to: S): void {
    if (canMove(spec.moves, from, to)) return;
    const params = { object: t(spec.noun), from: labelOf(from), to: labelOf(to) };
    throw new AppError('CONFLICT', {
      messageKey: 'status.refused',
      params,
      ...(spec.target ? { fields: [{ field: spec.target.field, message: t(spec.target.hint) }] } : {}),
    });
  }

  async function move(
    ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
    actor: Actor,
    input: MoveInput<S, T>,
  ): Promise<number> {
    const { db } = ctx;
    const { row, to, reason } = input;
    if (row.version !== input.version) throw versionConflict();
    assertMove(row.status, to);
    await input.beforeWrite?.();
    const at = ctx.clock.now().toISOString();
    const next = await updateVersioned(db, spec.table, row.id, input.version, {
      ...spec.stamp(at, actor),
      ...input.set?.(at),
      status: to,
    } as Patch<T>);
    await appendHistory(db, {
      id: randomUUID(),
      objectType: spec.objectType,
      objectId: row.id,
      fromStatus: row.status,
      toStatus: to,
      reason: reason ?? null,
      at,
      actorId: authorOf(actor),
    });
    await record(ctx, whoOf(actor), {
      action: input.action,
      objectType: spec.objectType,
      objectId: row.id,
      diff: {
        status: { from: row.status, to },
        ...(reason ? { [spec.reasonKey]: { to: reason } } : {}),
        ...input.audit,
      },
    });
    return next;
  }

  return {
    objectType: spec.objectType,
    table: spec.table,
    moves: spec.moves,
    canMove: (from, to) => canMove(spec.moves, from, to),
    assertMove,
    move,
    history: (db, ids) => historyOf(db, spec.objectType, ids),
  };
}

/** Status tables whose rows belong to a batch. */
type BatchStatusTable = Extract<StatusTable, 'nominations' | 'postRequests'>;

/**
 * How many rows of a batch's status table (its nominations, its post requests) are in each
 * status: what a batch move's preconditions count.
 */
export async function statusCountsOfBatch(
  db: Executor,
  table: BatchStatusTable,
  batchId: string,
): Promise<Map<string, number>> {
  const rows = await (db as Kysely<Pick<Database, BatchStatusTable>>)
    .selectFrom(table)
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .where('batchId', '=', batchId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
