import { randomUUID } from 'node:crypto';
import type { Education, RankLevel } from '../../common/cadres/cadre-enums.js';
import type { Page } from '../../common/http/paging.schema.js';
import { checkEligibility } from '../../common/nominations/eligibility.js';
import {
  type EligibilityReason,
  JUSTIFICATION_MIN,
  type Nomination,
  type NominationListParams,
  type NominationStatus,
  type NominationView,
} from '../../common/nominations/nominations.schema.js';
import { type Eligibility, isOpenBatch } from '../../common/programmes/programmes.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { CADRE_REACH, findCadre } from '../cadres/cadres.repository.js';
import { allowedOn, assertReachesFor, recordActions } from '../core/allowed.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import { type Executor, fromFlag, toFlag } from '../core/database.js';
import { AppError, fieldError, notFound } from '../core/errors.js';
import { reaches } from '../core/scope.js';
import { reviewed } from '../core/state-machine.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import { findBatch } from '../programmes/programmes.repository.js';
import { assertBatchOpen } from '../programmes/programmes.service.js';
import { nominationMachine } from './nominations.machine.js';
import * as repo from './nominations.repository.js';

const toNomination = (r: repo.NominationView): Nomination => ({
  id: r.id,
  batchId: r.batchId,
  batchName: r.batchName,
  cadreId: r.cadreId,
  cadreName: r.cadreName,
  unitId: r.unitId,
  unitName: r.unitName,
  status: r.status as NominationStatus,
  eligible: fromFlag(r.eligible),
  reasons: JSON.parse(r.reasons) as EligibilityReason[],
  justification: r.justification,
  reviewComment: r.reviewComment,
  reviewedAt: r.reviewedAt,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

async function reachable(db: Executor, actor: Actor, id: string) {
  const row = await repo.findNomination(db, id);
  if (!row) throw notFound();
  return assertReachesFor(actor, 'nominations.read', repo.NOMINATION_REACH, row);
}

/** Each button of a nomination, by the policy line and the reach of its write (ADR 027). */
const RECORD_ACTIONS = recordActions(
  { withdraw: 'nominations.withdraw', review: 'nominations.review' },
  repo.NOMINATION_REACH,
);

const viewOf = (actor: Actor, row: repo.NominationView): NominationView => ({
  ...toNomination(row),
  actions: allowedOn(actor, row, RECORD_ACTIONS),
});

export async function list(
  ctx: AppContext,
  actor: Actor,
  p: NominationListParams,
): Promise<Page<NominationView>> {
  const { rows, ...count } = await repo.listNominations(ctx.db, p, actor.scope);
  return { items: rows.map((r) => viewOf(actor, r)), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<NominationView> {
  return viewOf(actor, await reachable(ctx.db, actor, id));
}

/** The batch's rules applied to a cadre the caller keeps; reads only. */
async function evaluate(db: Executor, actor: Actor, batchId: string, cadreId: string) {
  const cadre = await findCadre(db, cadreId);
  if (!cadre) throw fieldError('cadreId', 'nomination.cadreMissing');
  if (!reaches(actor.scope, CADRE_REACH, cadre)) throw fieldError('cadreId', 'scope.cadreOutside');
  const batch = await findBatch(db, batchId);
  if (!batch) throw fieldError('batchId', 'post.batchMissing');
  const reasons = checkEligibility(
    {
      birthDate: cadre.birthDate,
      rankLevel: cadre.rankLevel as RankLevel,
      education: cadre.education as Education,
      reserve: fromFlag(cadre.reserve),
    },
    { plannedStart: batch.plannedStart, eligibility: JSON.parse(batch.eligibility) as Eligibility },
  );
  return { cadre, batch, reasons, eligible: !reasons.some((r) => r.blocking) };
}

export async function check(ctx: AppContext, actor: Actor, input: { batchId: string; cadreId: string }) {
  const { eligible, reasons } = await evaluate(ctx.db, actor, input.batchId, input.cadreId);
  return { eligible, reasons };
}

/**
 * Nominates a cadre for a batch. An ineligible cadre is never silently dropped: the nomination
 * is refused until the sending unit writes a justification, then stored with its reasons for
 * the 组织部 to accept or refuse.
 */
export async function nominate(
  ctx: AppContext,
  actor: Actor,
  input: { batchId: string; cadreId: string; justification: string | null },
): Promise<NominationView> {
  return inTransaction(ctx, async (tx) => {
    const { cadre, batch, reasons, eligible } = await evaluate(tx.db, actor, input.batchId, input.cadreId);
    if (!isOpenBatch(batch.status)) throw new AppError('CONFLICT', { messageKey: 'nomination.batchClosed' });
    if (!eligible && (input.justification?.length ?? 0) < JUSTIFICATION_MIN) {
      const detail = reasons
        .filter((r) => r.blocking)
        .map((r) => r.message)
        .join('；');
      throw fieldError('justification', 'nomination.justificationRequired', { reasons: detail });
    }
    const existing = await repo.findByBatchAndCadre(tx.db, input.batchId, input.cadreId);
    const now = ctx.clock.now().toISOString();
    const fields = {
      unitId: cadre.unitId,
      status: 'submitted',
      eligible: toFlag(eligible),
      reasons: JSON.stringify(reasons),
      justification: input.justification,
      reviewComment: null,
      reviewedBy: null,
      reviewedAt: null,
      updatedAt: now,
      updatedBy: authorOf(actor),
    };
    let id: string;
    if (existing && existing.status !== 'withdrawn')
      throw new AppError('CONFLICT', { messageKey: 'nomination.duplicate' });
    if (existing) {
      id = existing.id;
      await updateVersioned(tx.db, 'nominations', id, existing.version, fields);
    } else {
      id = randomUUID();
      await repo.insertNomination(tx.db, {
        id,
        batchId: input.batchId,
        cadreId: input.cadreId,
        ...fields,
        version: 1,
        createdAt: now,
        createdBy: authorOf(actor),
      });
    }
    await record(tx, whoOf(actor), {
      action: 'nominations.create',
      objectType: 'nomination',
      objectId: id,
      diff: {
        cadre: { to: cadre.name },
        batch: { to: batch.name },
        eligible: { to: eligible },
        ...(input.justification ? { justification: { to: input.justification } } : {}),
      },
    });
    return viewOf(actor, (await repo.findNomination(tx.db, id)) as repo.NominationView);
  });
}

async function move(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  to: NominationStatus,
  comment?: string | null,
): Promise<NominationView> {
  return inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    await assertBatchOpen(tx.db, current.batchId);
    await nominationMachine.move(tx, actor, {
      row: current,
      version,
      to,
      action,
      reason: comment,
      ...(comment !== undefined ? { set: reviewed(actor, comment) } : {}),
    });
    return viewOf(actor, (await repo.findNomination(tx.db, id)) as repo.NominationView);
  });
}

export function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { decision: 'accept' | 'refuse'; comment: string | null; version: number },
): Promise<NominationView> {
  if (input.decision === 'refuse' && !input.comment)
    throw fieldError('comment', 'nomination.commentRequired');
  const to = input.decision === 'accept' ? 'accepted' : 'refused';
  return move(ctx, actor, id, input.version, `nominations.${input.decision}`, to, input.comment);
}

export const withdraw = (ctx: AppContext, actor: Actor, id: string, version: number) =>
  move(ctx, actor, id, version, 'nominations.withdraw', 'withdrawn');
