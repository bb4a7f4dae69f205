import { randomUUID } from 'node:crypto';
import type { Action } from '../../common/access/policy.js';
import type { Page } from '../../common/http/paging.schema.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import {
  moveApplies,
  POSTING_ACTIONS,
  POSTING_MOVE_NAMES,
  type PostingMove,
  type PostingStatus,
} from '../../common/postings/posting-moves.js';
import type {
  Posting,
  PostingDetail,
  PostingEvent,
  PostingExtendValues,
  PostingHandoverValues,
  PostingListParams,
  PostingMoveValues,
  PostingRecallValues,
} from '../../common/postings/postings.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { allowedOn } from '../core/allowed.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound } from '../core/errors.js';
import { assertReaches, type Party, type Reach } from '../core/scope.js';
import { appendHistory } from '../core/status-history.repository.js';
import { type InTransaction, inTransaction } from '../core/transaction.js';
import { postingMachine } from './postings.machine.js';
import * as repo from './postings.repository.js';

/** The posting's duties as one line (the written text, else its 分管 / 协管 areas). */
export function dutiesOf(p: Pick<repo.PostingView, 'duties' | 'dutiesText'>): string {
  if (p.dutiesText) return p.dutiesText;
  const duties = JSON.parse(p.duties || '[]') as { kind: string; area: string }[];
  return duties.map((d) => `${t(`dutyKind.${d.kind}` as MessageKey)}${d.area}`).join('、');
}

const toPosting = (r: repo.PostingView): Posting => ({
  id: r.id,
  batchId: r.batchId,
  batchName: r.batchName,
  programmeId: r.programmeId,
  programmeName: r.programmeName,
  nominationId: r.nominationId,
  cadreId: r.cadreId,
  cadreName: r.cadreName,
  postRequestId: r.postRequestId,
  sendingUnitId: r.sendingUnitId,
  sendingUnitName: r.sendingUnitName,
  receivingUnitId: r.receivingUnitId,
  receivingUnitName: r.receivingUnitName,
  receivingRegionName: r.receivingRegionName,
  title: r.title,
  duties: JSON.parse(r.duties),
  dutiesText: r.dutiesText,
  plannedStart: r.plannedStart,
  plannedEnd: r.plannedEnd,
  startDate: r.startDate,
  endDate: r.endDate,
  finishedOn: r.finishedOn,
  returnedOn: r.returnedOn,
  status: r.status as PostingStatus,
  matchRunId: r.matchRunId,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** Which unit of the posting may make a move, besides the two 组织部 (ADR 024). */
const MOVE_UNIT: Record<PostingMove, Party | null> = {
  handover: repo.RECEIVING_UNIT,
  extend: null,
  end: repo.RECEIVING_UNIT,
  return: repo.SENDING_UNIT,
  recall: null,
  terminate: null,
};
const MOVE_REACH = Object.fromEntries(
  POSTING_MOVE_NAMES.map((m) => [m, repo.moveReach(MOVE_UNIT[m])]),
) as Record<PostingMove, Reach>;

async function reachable(db: Executor, actor: Actor, id: string, reach: Reach = repo.POSTINGS_REACH) {
  const row = await repo.findPosting(db, id);
  if (!row) throw notFound();
  return assertReaches(actor.scope, reach, row);
}

async function historyOf(db: Executor, id: string): Promise<PostingEvent[]> {
  const [moves, events] = await Promise.all([postingMachine.history(db, [id]), repo.eventsOf(db, id)]);
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  return moves.map((h) => {
    const e = bySeq.get(h.seq);
    return {
      seq: h.seq,
      kind: (e?.kind ?? 'propose') as PostingEvent['kind'],
      from: (h.fromStatus || null) as PostingStatus | null,
      to: h.toStatus as PostingStatus,
      date: e?.date ?? h.at.slice(0, 10),
      reason: h.reason,
      at: h.at,
      by: h.actorName,
      details: e?.details ? JSON.parse(e.details) : null,
    };
  });
}

export async function list(ctx: AppContext, actor: Actor, p: PostingListParams): Promise<Page<Posting>> {
  const { rows, ...count } = await repo.listPostings(ctx.db, p, actor.scope);
  return { items: rows.map(toPosting), ...count, page: p.page, pageSize: p.pageSize };
}

async function detail(db: Executor, actor: Actor, row: repo.PostingView): Promise<PostingDetail> {
  const candidates = POSTING_MOVE_NAMES.filter((m) => moveApplies(m, row.status)).map((m) => ({
    key: m,
    action: POSTING_ACTIONS[m].action as Action,
    reach: MOVE_REACH[m],
  }));
  return {
    ...toPosting(row),
    history: await historyOf(db, row.id),
    actions: allowedOn(actor, row, candidates),
  };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<PostingDetail> {
  return detail(ctx.db, actor, await reachable(ctx.db, actor, id));
}

// ---- proposal (called by the matching confirm) ----

export interface ProposedPosting {
  batchId: string;
  nominationId: string;
  postRequestId: string;
  matchRunId: string | null;
}

const conflict = (messageKey: Parameters<typeof t>[0], params: Record<string, string>) =>
  new AppError('CONFLICT', { messageKey, params });

/** Did the database refuse a second 拟任/在岗 posting of a cadre (the partial unique index)? */
function isCurrentPostingViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; constraint?: string };
  return (
    (e.code === '23505' && e.constraint === 'postings_cadre_current_uq') ||
    (typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed: postings.cadre_id'))
  );
}

/**
 * Creates postings in status 拟任 for confirmed pairs, inside the caller's transaction: cadre
 * and sending unit from the accepted nomination, receiving unit, title and duties from the
 * approved post request, dates from the batch. One status-history row and one audit row each.
 * A cadre who already holds a 拟任 or 在岗 posting stops the whole call with a 409 naming them
 * (the database refuses it too). Scope is the caller's: the matching confirm checked the batch.
 */
export async function createProposed(
  tx: InTransaction<AppContext>,
  actor: Actor,
  items: ProposedPosting[],
): Promise<string[]> {
  const ids: string[] = [];
  const now = tx.clock.now().toISOString();
  const nominations = new Map<string, { cadreId: string; cadreName: string }>();
  for (const item of items) {
    const n = await tx.db
      .selectFrom('nominations as n')
      .innerJoin('cadres as c', 'c.id', 'n.cadreId')
      .innerJoin('batches as b', 'b.id', 'n.batchId')
      .select(['n.id', 'n.batchId', 'n.cadreId', 'n.unitId', 'n.status', 'c.name as cadreName'])
      .select(['b.programmeId', 'b.plannedStart', 'b.plannedEnd'])
      .where('n.id', '=', item.nominationId)
      .executeTakeFirst();
    if (!n) throw new AppError('CONFLICT', { messageKey: 'posting.nominationMissing' });
    if (n.batchId !== item.batchId) throw conflict('posting.nominationOtherBatch', { cadre: n.cadreName });
    if (n.status !== 'accepted') throw conflict('posting.nominationNotAccepted', { cadre: n.cadreName });
    const post = await tx.db
      .selectFrom('postRequests as p')
      .innerJoin('units as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.batchId', 'p.unitId', 'p.title', 'p.duties', 'p.status', 'u.regionCode'])
      .where('p.id', '=', item.postRequestId)
      .executeTakeFirst();
    if (!post) throw new AppError('CONFLICT', { messageKey: 'posting.postMissing' });
    if (post.batchId !== item.batchId) throw conflict('posting.postOtherBatch', { title: post.title });
    if (post.status !== 'approved') throw conflict('posting.postNotApproved', { title: post.title });
    if (await repo.postingOfNomination(tx.db, n.id))
      throw conflict('posting.alreadyProposed', { cadre: n.cadreName });
    const current = await repo.cadresWithCurrent(tx.db, [n.cadreId]);
    if (current.has(n.cadreId) || [...nominations.values()].some((v) => v.cadreId === n.cadreId))
      throw conflict('posting.cadreHasCurrent', { cadre: n.cadreName });
    nominations.set(n.id, { cadreId: n.cadreId, cadreName: n.cadreName });

    const id = randomUUID();
    try {
      await repo.insertPosting(tx.db, {
        id,
        batchId: n.batchId,
        programmeId: n.programmeId,
        nominationId: n.id,
        cadreId: n.cadreId,
        postRequestId: post.id,
        sendingUnitId: n.unitId,
        receivingUnitId: post.unitId,
        receivingRegionCode: post.regionCode,
        title: post.title,
        duties: post.duties,
        dutiesText: null,
        plannedStart: n.plannedStart,
        plannedEnd: n.plannedEnd,
        startDate: null,
        endDate: n.plannedEnd,
        finishedOn: null,
        returnedOn: null,
        status: 'proposed',
        matchRunId: item.matchRunId,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: authorOf(actor),
        updatedBy: authorOf(actor),
      });
    } catch (error) {
      if (isCurrentPostingViolation(error)) throw conflict('posting.cadreHasCurrent', { cadre: n.cadreName });
      throw error;
    }
    const reason = t('posting.proposedReason');
    await appendHistory(tx.db, {
      id: randomUUID(),
      objectType: 'posting',
      objectId: id,
      fromStatus: '',
      toStatus: 'proposed',
      reason,
      at: now,
      actorId: authorOf(actor),
    });
    await repo.insertEvent(tx.db, {
      id: randomUUID(),
      postingId: id,
      kind: 'propose',
      date: chinaDate(tx.clock.now()),
      details: null,
    });
    await record(tx, whoOf(actor), {
      action: 'postings.create',
      objectType: 'posting',
      objectId: id,
      diff: {
        cadre: { to: n.cadreName },
        post: { to: post.title },
        status: { to: 'proposed' },
        ...(item.matchRunId ? { matchRunId: { to: item.matchRunId } } : {}),
      },
    });
    ids.push(id);
  }
  return ids;
}

// ---- moves ----

type Patch = Partial<
  Pick<repo.PostingView, 'startDate' | 'endDate' | 'duties' | 'dutiesText' | 'finishedOn' | 'returnedOn'>
>;

async function move(
  ctx: AppContext,
  actor: Actor,
  id: string,
  name: PostingMove,
  input: PostingMoveValues,
  build: (row: repo.PostingView) => { set?: Patch; details?: object },
): Promise<PostingDetail> {
  const spec = POSTING_ACTIONS[name];
  return inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id, MOVE_REACH[name]);
    if (!moveApplies(name, current.status))
      throw new AppError('CONFLICT', {
        messageKey: 'posting.moveRefused',
        params: {
          status: t(`postingStatus.${current.status as PostingStatus}`),
          move: t(`postingMove.${name}`),
        },
      });
    const { set, details } = build(current);
    await postingMachine.move(tx, actor, {
      row: current,
      version: input.version,
      to: spec.to,
      action: spec.action,
      reason: input.reason,
      ...(set ? { set: () => set } : {}),
      audit: {
        date: { to: input.date },
        ...Object.fromEntries(Object.entries(details ?? {}).map(([k, v]) => [k, { to: v }])),
      },
    });
    await repo.insertEvent(tx.db, {
      id: randomUUID(),
      postingId: id,
      kind: name,
      date: input.date,
      details: details ? JSON.stringify(details) : null,
    });
    return detail(tx.db, actor, (await repo.findPosting(tx.db, id)) as repo.PostingView);
  });
}

function notBeforeStart(row: repo.PostingView, date: string): void {
  if (row.startDate && date < row.startDate)
    throw fieldError('date', 'posting.dateBeforeStart', { startDate: row.startDate });
}

/** 对接: the receiving unit records the real start and the duties agreed (拟任 → 在岗). */
export const handover = (ctx: AppContext, actor: Actor, id: string, v: PostingHandoverValues) =>
  move(ctx, actor, id, 'handover', v, () => ({
    set: { startDate: v.date, duties: JSON.stringify(v.duties), dutiesText: v.dutiesText },
    details: { duties: v.duties, dutiesText: v.dutiesText },
  }));

/** 延期: the 组织部 approves a new end date (在岗 → 在岗), on the request of the named party. */
export const extend = (ctx: AppContext, actor: Actor, id: string, v: PostingExtendValues) =>
  move(ctx, actor, id, 'extend', v, (row) => {
    if (v.endDate <= row.endDate)
      throw fieldError('endDate', 'posting.endAfterCurrent', { endDate: row.endDate });
    return {
      set: { endDate: v.endDate },
      details: { previousEndDate: row.endDate, endDate: v.endDate, requestedBy: v.requestedBy },
    };
  });

/** 期满: the term is over (在岗 → 期满). */
export const end = (ctx: AppContext, actor: Actor, id: string, v: PostingMoveValues) =>
  move(ctx, actor, id, 'end', v, (row) => {
    notBeforeStart(row, v.date);
    return { set: { finishedOn: v.date } };
  });

/** 已返回: the cadre is back at the sending unit (期满 → 已返回). */
export const returned = (ctx: AppContext, actor: Actor, id: string, v: PostingMoveValues) =>
  move(ctx, actor, id, 'return', v, (row) => {
    if (row.finishedOn && v.date < row.finishedOn)
      throw fieldError('date', 'posting.dateBeforeFinish', { finishedOn: row.finishedOn });
    return { set: { returnedOn: v.date } };
  });

/** 提前召回: the 组织部, after consulting the sending unit (recorded), ends the posting early. */
export const recall = (ctx: AppContext, actor: Actor, id: string, v: PostingRecallValues) =>
  move(ctx, actor, id, 'recall', v, (row) => {
    notBeforeStart(row, v.date);
    if (v.consultedOn > v.date) throw fieldError('consultedOn', 'posting.consultedAfter');
    return {
      set: { finishedOn: v.date },
      details: { consultedOn: v.consultedOn, consultedWith: v.consultedWith, consultation: v.consultation },
    };
  });

/** 终止: the 组织部 ends a proposed or active posting, with its reason. */
export const terminate = (ctx: AppContext, actor: Actor, id: string, v: PostingMoveValues) =>
  move(ctx, actor, id, 'terminate', v, (row) => {
    notBeforeStart(row, v.date);
    return { set: { finishedOn: v.date } };
  });
