import { randomUUID } from 'node:crypto';
import type { CadreDetail, CadreUpdateValues } from '../../common/cadres/cadres.schema.js';
import {
  type Correction,
  type CorrectionChanges,
  type CorrectionDiff,
  type CorrectionListParams,
  type CorrectionReview,
  type CorrectionStatus,
  type CorrectionValues,
  type DiffValue,
  KEY_FIELDS,
  type KeyField,
  LIST_FIELDS,
  type ListEntry,
  type ListField,
  type OwnNomination,
  type SelfUpdateValues,
} from '../../common/corrections/corrections.schema.js';
import { canonical, ENTRY_KEYS, entryDiff } from '../../common/corrections/entry-diff.js';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import { maskIdNumber } from '../../common/personal/mask.js';
import { record, whoOf } from '../audit/audit.service.js';
import * as cadres from '../cadres/cadres.service.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { assertReaches } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import * as nominations from '../nominations/nominations.repository.js';
import { correctionMachine } from './corrections.machine.js';
import * as repo from './corrections.repository.js';

const ID_COLUMN = 'cadre_corrections.id_number';
type Values = Omit<CadreUpdateValues, 'version'>;
type Stored = Partial<Record<KeyField, DiffValue>>;

/** The cadre record linked to the caller's account; none answers 404 with a hint. */
async function ownCadreId(db: Executor, actor: Actor): Promise<string> {
  const id = await repo.cadreIdOfUser(db, actor.userId);
  if (!id) throw new AppError('NOT_FOUND', { messageKey: 'correction.noCadre' });
  return id;
}

/** A record's editable values as they are (ID number and phone omitted: unchanged). */
function valuesOf(d: CadreDetail): Values {
  return {
    name: d.name,
    gender: d.gender,
    ethnicity: d.ethnicity,
    politicalStatus: d.politicalStatus,
    birthDate: d.birthDate,
    education: d.education,
    degree: d.degree,
    school: d.school,
    major: d.major,
    unitId: d.unitId,
    position: d.position,
    rankLevel: d.rankLevel,
    rankKind: d.rankKind,
    reserve: d.reserve,
    expertise: d.expertise,
    resume: d.resume,
    relatives: d.relatives,
  };
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** A field's diff; a list field's also names its entries added, changed or removed. */
function fieldDiff(field: KeyField, from: DiffValue, to: DiffValue): CorrectionDiff {
  if (!(LIST_FIELDS as readonly KeyField[]).includes(field)) return { field, from, to };
  const list = (v: DiffValue) => (Array.isArray(v) ? (v as ListEntry[]) : []);
  const key = ENTRY_KEYS[field as ListField] as (e: ListEntry) => string;
  return { field, from, to, entries: entryDiff(list(from), list(to), key) };
}

/** The cadre's own profile: the record linked to their account. */
export async function getOwn(ctx: AppContext, actor: Actor): Promise<CadreDetail> {
  return cadres.get(ctx, actor, await ownCadreId(ctx.db, actor));
}

/** The cadre's own nominations, newest first. */
export async function ownNominations(ctx: AppContext, actor: Actor): Promise<{ items: OwnNomination[] }> {
  const rows = await nominations.listByCadre(ctx.db, await ownCadreId(ctx.db, actor));
  return {
    items: rows.map((r) => ({
      id: r.id,
      batchId: r.batchId,
      batchName: r.batchName,
      status: r.status as OwnNomination['status'],
      reviewedAt: r.reviewedAt,
      createdAt: r.createdAt,
    })),
  };
}

/**
 * The direct fields, saved at once through the cadre service (its rules, its audit row, the
 * version check). The unit does not change, so the update acts within the cadre's own unit.
 */
export async function updateOwn(
  ctx: AppContext,
  actor: Actor,
  values: SelfUpdateValues,
): Promise<CadreDetail> {
  return inTransaction(ctx, async (tx) => {
    const current = await getOwn(tx, actor);
    return cadres.update(tx, actor, current.id, {
      ...valuesOf(current),
      phone: values.phone,
      school: values.school,
      major: values.major,
      expertise: values.expertise,
      version: values.version,
    });
  });
}

class DryRun extends Error {}

/**
 * Runs the cadre service's update with these values and rolls it back: a proposal is refused
 * at once for what approval would refuse (birth date against the ID number, an ID number
 * already in the registry, an unknown unit), by the very same rules.
 */
async function tryUpdate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: CadreUpdateValues,
): Promise<void> {
  try {
    await inTransaction(ctx, async (tx) => {
      await cadres.update(tx, actor, id, values, { proposal: true });
      throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
}

/** The fields of a proposal that really differ from the record (as answers show it: ID number masked). */
function changedFields(current: CadreDetail, changes: CorrectionChanges, idNumberSame: boolean): KeyField[] {
  return KEY_FIELDS.filter((f) => {
    const proposed = changes[f];
    if (proposed === undefined) return false;
    if (f === 'idNumber') return !idNumberSame;
    return !same(proposed, current[f]);
  });
}

export async function propose(ctx: AppContext, actor: Actor, input: CorrectionValues): Promise<Correction> {
  const cadreId = await ownCadreId(ctx.db, actor);
  const current = await cadres.get(ctx, actor, cadreId);
  const { idNumber, ...rest } = input.changes;
  const idNumberSame =
    idNumber === undefined ||
    (await repo.idNumberIndexOf(ctx.db, cadreId)) === cadres.idNumberIndexOf(ctx, idNumber);
  const fields = changedFields(current, input.changes, idNumberSame);
  if (fields.length === 0) throw fieldError('changes', 'correction.nothingChanged');
  const keep = Object.fromEntries(
    fields.filter((f) => f !== 'idNumber').map((f) => [f, rest[f as keyof typeof rest]]),
  );
  // the cadre may propose another unit: the dry run checks it exists, the liaison decides
  await tryUpdate(ctx, actor, cadreId, {
    ...valuesOf(current),
    ...keep,
    ...(fields.includes('idNumber') ? { idNumber } : {}),
    version: current.version,
  });
  const base = Object.fromEntries(fields.map((f) => [f, current[f]]));
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (tx) => {
    if (await repo.hasPending(tx.db, cadreId))
      throw new AppError('CONFLICT', { messageKey: 'correction.pendingExists' });
    const newId = fields.includes('idNumber') ? (idNumber as string) : null;
    await repo.insertCorrection(tx.db, {
      id,
      cadreId,
      requestedBy: actor.userId,
      changes: JSON.stringify(keep),
      base: JSON.stringify(base),
      idNumberEnc: newId ? ctx.cipher.encrypt(newId, ID_COLUMN) : null,
      idNumberMasked: newId ? maskIdNumber(newId) : null,
      note: input.note,
      status: 'pending',
      reviewedBy: null,
      reviewComment: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      decidedAt: null,
    });
    const correction = await one(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'corrections.create',
      objectType: 'correction',
      objectId: id,
      diff: auditDiff(correction.diff),
    });
    return correction;
  });
}

/** The audit form of a diff: from → to per field (already masked where personal). */
const auditDiff = (diff: CorrectionDiff[]) =>
  Object.fromEntries(diff.map((d) => [d.field, { from: d.from, to: d.to }]));

async function toCorrections(db: Executor, rows: repo.CorrectionView[]): Promise<Correction[]> {
  const parsed = rows.map((r) => ({
    row: r,
    base: JSON.parse(r.base) as Stored,
    changes: {
      ...(JSON.parse(r.changes) as Stored),
      ...(r.idNumberMasked ? { idNumber: r.idNumberMasked } : {}),
    } as Stored,
  }));
  const unitIds = parsed
    .flatMap((p) => [p.base.unitId, p.changes.unitId])
    .filter((v) => typeof v === 'string');
  const units = await repo.unitNames(db, [...new Set(unitIds)]);
  const shown = (field: KeyField, value: DiffValue | undefined): DiffValue =>
    field === 'unitId' && typeof value === 'string' ? (units.get(value) ?? value) : (value ?? null);
  return parsed.map(({ row, base, changes }) => ({
    id: row.id,
    cadreId: row.cadreId,
    cadreName: row.cadreName,
    unitName: row.unitName,
    diff: KEY_FIELDS.filter((f) => f in changes).map((f) =>
      fieldDiff(f, shown(f, base[f]), shown(f, changes[f])),
    ),
    note: row.note,
    status: row.status as CorrectionStatus,
    requestedByName: row.requestedByName,
    reviewComment: row.reviewComment,
    reviewedByName: row.reviewedByName,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    version: row.version,
  }));
}

async function one(db: Executor, id: string): Promise<Correction> {
  return (
    await toCorrections(db, [(await repo.findCorrection(db, id)) as repo.CorrectionView])
  )[0] as Correction;
}

async function reachable(db: Executor, actor: Actor, id: string): Promise<repo.CorrectionView> {
  const row = await repo.findCorrection(db, id);
  if (!row) throw notFound();
  return assertReaches(actor.scope, repo.CORRECTION_REACH, row);
}

export async function list(
  ctx: AppContext,
  actor: Actor,
  p: CorrectionListParams,
): Promise<Page<Correction>> {
  const { rows, ...count } = await repo.listCorrections(ctx.db, p, actor.scope);
  return { items: await toCorrections(ctx.db, rows), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<Correction> {
  return (await toCorrections(ctx.db, [await reachable(ctx.db, actor, id)]))[0] as Correction;
}

/** Moves a pending request to its outcome; `apply` runs first inside the same transaction. */
async function decide(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  to: CorrectionStatus,
  comment: string | null,
  apply?: (joined: AppContext, k: repo.CorrectionView) => Promise<void>,
): Promise<Correction> {
  return inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    await correctionMachine.move(tx, actor, {
      row: current,
      version,
      to,
      action: `corrections.${to === 'approved' ? 'approve' : to === 'rejected' ? 'reject' : 'withdraw'}`,
      reason: comment,
      ...(to === 'withdrawn' ? {} : { set: () => ({ reviewedBy: actor.userId, reviewComment: comment }) }),
      ...(apply ? { beforeWrite: () => apply(tx, current) } : {}),
    });
    return one(tx.db, id);
  });
}

/**
 * Applies an approved request through the cadre service: its rules, its audit row and its
 * version check. Fields changed on the record since the request was made are refused by name.
 */
async function applyChanges(ctx: AppContext, actor: Actor, k: repo.CorrectionView): Promise<void> {
  const current = await cadres.get(ctx, actor, k.cadreId);
  const base = JSON.parse(k.base) as Stored;
  const stale = (Object.keys(base) as KeyField[]).filter((f) => !same(base[f], current[f]));
  if (stale.length) {
    throw new AppError('CONFLICT', {
      messageKey: 'correction.stale',
      params: { fields: stale.map((f) => t(`correctionField.${f}`)).join('、') },
    });
  }
  await cadres.update(ctx, actor, k.cadreId, {
    ...valuesOf(current),
    ...(JSON.parse(k.changes) as Partial<Values>),
    ...(k.idNumberEnc ? { idNumber: ctx.cipher.decrypt(k.idNumberEnc, ID_COLUMN) } : {}),
    version: current.version,
  });
}

export function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: CorrectionReview,
): Promise<Correction> {
  if (input.decision === 'reject' && !input.comment)
    throw fieldError('comment', 'correction.commentRequired');
  return input.decision === 'approve'
    ? decide(ctx, actor, id, input.version, 'approved', input.comment, (tx, k) => applyChanges(tx, actor, k))
    : decide(ctx, actor, id, input.version, 'rejected', input.comment);
}

/** The cadre takes back a pending request of their own. */
export function withdraw(ctx: AppContext, actor: Actor, id: string, version: number): Promise<Correction> {
  return decide(ctx, actor, id, version, 'withdrawn', null);
}

/**
 * Links a cadre account (by username) to a cadre record, or unlinks it: the account then sees
 * and corrects this record (scope `self`). One record per account; the account must hold the
 * cadre role.
 */
export async function linkAccount(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { username: string | null; version: number },
): Promise<CadreDetail> {
  return inTransaction(ctx, async (tx) => {
    const current = await cadres.get(tx, actor, id);
    if (current.version !== input.version) throw versionConflict();
    let userId: string | null = null;
    if (input.username) {
      const account = await repo.findCadreAccount(tx.db, input.username);
      if (!account) throw fieldError('username', 'correction.accountMissing');
      if (!account.isCadre) throw fieldError('username', 'correction.accountNotCadre');
      const linked = await repo.cadreIdOfUser(tx.db, account.id);
      if (linked && linked !== id) throw fieldError('username', 'correction.accountLinked');
      userId = account.id;
    }
    await updateVersioned(tx.db, 'cadres', id, input.version, {
      userId,
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'cadres.linkAccount',
      objectType: 'cadre',
      objectId: id,
      diff: { account: { to: input.username } },
    });
    return cadres.get(tx, actor, id);
  });
}
