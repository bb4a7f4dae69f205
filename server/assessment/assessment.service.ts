import { randomUUID } from 'node:crypto';
import { type Action, accessOf } from '../../common/access/policy.js';
import type {
  DecisionValues,
  OpinionValues,
  PaperTallyValues,
  Round,
  RoundDetail,
  RoundInput,
  RoundListParams,
  RoundMoveValues,
  RoundUpdate,
  SelfReportValues,
  Subject,
  SubjectListParams,
  SubjectResult,
} from '../../common/assessment/assessment.schema.js';
import type {
  FinalGrade,
  RoundKind,
  RoundStatus,
  VoteGrade,
} from '../../common/assessment/assessment-moves.js';
import {
  ballotsOf,
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  emptyTally,
  excellentQuota,
  needsReason,
  propose,
  type RoundSettings,
  type Tally,
  type Weights,
  weightsValid,
} from '../../common/assessment/assessment-rules.js';
import { type Half, leaveHalfDays, type WorkingCalendar } from '../../common/calendar/calendar.js';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import { record, whoOf } from '../audit/audit.service.js';
import { calendarFor } from '../calendar/calendar.service.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, outOfScope, versionConflict } from '../core/errors.js';
import { assertReaches, assertWritable, type Reach, reaches, type Scope, scopeFor } from '../core/scope.js';
import { appendHistory } from '../core/status-history.repository.js';
import { inTransaction } from '../core/transaction.js';
import { notifyAudience } from '../notifications/notifications.service.js';
import { BATCH_REACH, findBatch } from '../programmes/programmes.repository.js';
import { roundMachine } from './assessment.machine.js';
import * as repo from './assessment.repository.js';

const parse = <T>(text: string, fallback: T): T => ({ ...fallback, ...(JSON.parse(text) as T) });
const settingsOf = (r: repo.RoundView): RoundSettings => parse(r.settings, DEFAULT_SETTINGS);
const weightsOf = (r: repo.RoundView): Weights => parse(r.weights, DEFAULT_WEIGHTS);
const NO_DEADLINES = { selfReportDue: null, opinionsDue: null, pollCloses: null };

const toRound = (r: repo.RoundView): Round => ({
  id: r.id,
  batchId: r.batchId,
  batchName: r.batchName,
  programmeName: r.programmeName,
  kind: r.kind as RoundKind,
  title: r.title,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  weights: weightsOf(r),
  settings: settingsOf(r),
  deadlines: parse(r.deadlines, NO_DEADLINES),
  status: r.status as RoundStatus,
  subjectCount: Number(r.subjectCount),
  version: r.version,
  createdAt: r.createdAt,
});

const readScope = (actor: Actor): Scope => ({ ...actor.scope, mode: 'read' });

/** The round, if the caller reads it: the programme's 组织部, or a party of one of its subjects. */
export async function readableRound(db: Executor, actor: Actor, id: string): Promise<repo.RoundView> {
  const round = await repo.findRound(db, id);
  if (!round) throw notFound();
  if (reaches(readScope(actor), repo.ORGANISER_REACH, round)) return round;
  if ((await repo.subjectsOf(db, id, readScope(actor))).length > 0) return round;
  throw outOfScope();
}

/** The round, for a change by the programme's 组织部 (write rule). */
async function managedRound(db: Executor, actor: Actor, id: string): Promise<repo.RoundView> {
  const round = await readableRound(db, actor, id);
  return assertWritable(actor.scope, repo.ORGANISER_REACH, round, repo.ORGANISER_REACH);
}

/** May the caller do `action` on this row by `reach` (policy role and write rule)? */
function writes(actor: Actor, action: Action, reach: Reach, row: Record<string, unknown>): boolean {
  const access = accessOf(action);
  return (
    typeof access === 'object' &&
    actor.roles.some((role) => (access as Record<string, unknown>)[role] !== undefined) &&
    reaches(scopeFor(action, actor.userId, actor.grants, 'write'), reach, row)
  );
}

// ---- leave days (不考核) -----------------------------------------------------------------

type LeaveFacts = { leaveDays: number; periodDays: number };

/**
 * Sick and personal leave (approved, being or having been 销假) of each posting inside the
 * period, in working days by the calendar of its receiving region, and the period's working
 * days. A posting whose period the calendar does not know has none (null).
 */
async function leaveFacts(
  db: Executor,
  round: repo.RoundView,
  subjects: repo.SubjectView[],
): Promise<Map<string, LeaveFacts | null>> {
  const out = new Map<string, LeaveFacts | null>();
  const calendars = new Map<string, WorkingCalendar | null>();
  const leave = await repo.leaveOf(
    db,
    subjects.map((s) => s.postingId),
    ['sick', 'personal'],
    round.periodFrom,
    round.periodTo,
  );
  for (const s of subjects) {
    let cal = calendars.get(s.receivingRegionCode);
    if (cal === undefined) {
      cal = await calendarFor(db, round.periodFrom, round.periodTo, s.receivingRegionCode).catch(() => null);
      calendars.set(s.receivingRegionCode, cal);
    }
    if (!cal) {
      out.set(s.postingId, null);
      continue;
    }
    let halves = 0;
    for (const l of leave.filter((x) => x.postingId === s.postingId)) {
      const clipStart = l.startDate < round.periodFrom;
      const clipEnd = l.endDate > round.periodTo;
      halves += leaveHalfDays(
        cal,
        clipStart ? round.periodFrom : l.startDate,
        (clipStart ? 'am' : l.startHalf) as Half,
        clipEnd ? round.periodTo : l.endDate,
        (clipEnd ? 'pm' : l.endHalf) as Half,
      );
    }
    out.set(s.postingId, {
      leaveDays: halves / 2,
      periodDays: cal.workingDays(round.periodFrom, round.periodTo),
    });
  }
  return out;
}

async function tallies(db: Executor, roundId: string): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  for (const r of await repo.voteCounts(db, roundId)) {
    const tally = out.get(r.subjectId) ?? emptyTally();
    tally[r.grade as VoteGrade] += Number(r.n);
    out.set(r.subjectId, tally);
  }
  return out;
}
const sumTally = (a: Tally | undefined, b: Tally | null): Tally => {
  const out = emptyTally();
  for (const k of Object.keys(out) as VoteGrade[]) out[k] = (a?.[k] ?? 0) + (b?.[k] ?? 0);
  return out;
};

interface Facts {
  round: repo.RoundView;
  online: Map<string, Tally>;
  leave: Map<string, LeaveFacts | null>;
}
async function factsOf(db: Executor, round: repo.RoundView, subjects: repo.SubjectView[]): Promise<Facts> {
  const [online, leave] = await Promise.all([tallies(db, round.id), leaveFacts(db, round, subjects)]);
  return { round, online, leave };
}

/** The proposal as the rules make it, from the stored inputs (the democratic result once closed). */
function proposalOf(s: repo.SubjectView, f: Facts) {
  const settings = settingsOf(f.round);
  const closed = f.round.status === 'grading' || f.round.status === 'published';
  const all = sumTally(f.online.get(s.id), s.paperTally ? (JSON.parse(s.paperTally) as Tally) : null);
  const democratic = closed && ballotsOf(all) >= settings.minBallots ? all : null;
  const leave = f.leave.get(s.postingId) ?? null;
  return {
    democratic,
    all,
    leave,
    proposal: propose(
      {
        leaveDays: leave?.leaveDays ?? null,
        periodDays: leave?.periodDays ?? null,
        undeterminedMark: s.undeterminedMark,
        receivingGrade: s.receivingGrade as VoteGrade | null,
        sendingGrade: s.sendingGrade as VoteGrade | null,
        democratic,
      },
      weightsOf(f.round),
      settings,
    ),
  };
}

/** A subject as the caller may see it: results to the 组织部 and the receiving unit; grades once published. */
function toSubject(actor: Actor, s: repo.SubjectView, f: Facts): Subject {
  const read = readScope(actor);
  const results = reaches(read, repo.RESULTS_REACH, s);
  const organiser = reaches(read, repo.ORGANISER_REACH, s);
  const published = f.round.status === 'published';
  const { democratic, all, leave, proposal } = proposalOf(s, f);
  const cadreOnly = !results && !reaches(read, repo.SENDING_REACH, s);
  return {
    id: s.id,
    roundId: s.roundId,
    postingId: s.postingId,
    postingTitle: s.postingTitle,
    cadreName: s.cadreName,
    cadrePosition: s.cadrePosition,
    sendingUnitId: s.sendingUnitId,
    sendingUnitName: s.sendingUnitName,
    receivingUnitId: s.receivingUnitId,
    receivingUnitName: s.receivingUnitName,
    selfReport: s.selfReport,
    receivingOpinion: cadreOnly ? null : s.receivingOpinion,
    receivingGrade: cadreOnly ? null : (s.receivingGrade as VoteGrade | null),
    sendingOpinion: cadreOnly ? null : s.sendingOpinion,
    sendingGrade: cadreOnly ? null : (s.sendingGrade as VoteGrade | null),
    undeterminedMark: organiser ? s.undeterminedMark : null,
    democratic: results ? democratic : null,
    ballots: results ? ballotsOf(all) : null,
    paperTally: results && s.paperTally ? (JSON.parse(s.paperTally) as Tally) : null,
    leaveDays: results ? (leave?.leaveDays ?? null) : null,
    periodDays: results ? (leave?.periodDays ?? null) : null,
    proposal: results ? proposal : { grade: null, score: null, because: null },
    finalGrade: organiser || published ? (s.finalGrade as FinalGrade | null) : null,
    finalReason: organiser || published ? s.finalReason : null,
    actions: subjectActions(actor, s),
    version: s.version,
  };
}

function subjectActions(actor: Actor, s: repo.SubjectView): string[] {
  const out: string[] = [];
  const status = s.roundStatus;
  if (status === 'open' && writes(actor, 'assessment.selfReport', repo.SELF_REACH, s)) out.push('selfReport');
  if (status === 'open' && writes(actor, 'assessment.opinion', repo.RECEIVING_REACH, s))
    out.push('opinion.receiving', 'tally');
  if (status === 'open' && writes(actor, 'assessment.opinion', repo.SENDING_REACH, s))
    out.push('opinion.sending');
  if (
    (status === 'open' || status === 'grading') &&
    writes(actor, 'assessment.manage', repo.ORGANISER_REACH, s)
  )
    out.push(status === 'grading' ? 'decide' : 'mark');
  return out;
}

export async function list(ctx: AppContext, actor: Actor, p: RoundListParams): Promise<Page<Round>> {
  const { rows, ...count } = await repo.listRounds(ctx.db, p, actor.scope);
  return { items: rows.map(toRound), ...count, page: p.page, pageSize: p.pageSize };
}

async function detail(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  round: repo.RoundView,
): Promise<RoundDetail> {
  const organiser = reaches(readScope(actor), repo.ORGANISER_REACH, round);
  const all = await repo.subjectsOf(ctx.db, round.id, null);
  const visible = organiser ? all : await repo.subjectsOf(ctx.db, round.id, readScope(actor));
  const facts = await factsOf(ctx.db, round, visible);
  const history = await roundMachine.history(ctx.db, [round.id]);
  const covered =
    round.status === 'preparing' && organiser
      ? await repo.coveredPostings(ctx.db, round.batchId, round.periodFrom, round.periodTo)
      : [];
  const actions: string[] = [];
  if (writes(actor, 'assessment.manage', repo.ORGANISER_REACH, round)) actions.push('manage');
  const receivingUnits = [
    ...new Set(
      visible
        .filter(
          (s) => round.status === 'open' && writes(actor, 'assessment.ballots', repo.RECEIVING_REACH, s),
        )
        .map((s) => s.receivingUnitId),
    ),
  ];
  return {
    ...toRound(round),
    subjects: visible.map((s) => toSubject(actor, s, facts)),
    covered: covered.map((c) => ({
      postingId: c.id,
      cadreName: c.cadreName,
      postingTitle: c.title,
      receivingUnitName: c.receivingUnitName,
      sendingUnitName: c.sendingUnitName,
      startDate: c.startDate ?? '',
      endDate: c.endDate,
    })),
    ballotUnits: receivingUnits.map((id) => ({
      unitId: id,
      unitName: visible.find((s) => s.receivingUnitId === id)?.receivingUnitName ?? '',
    })),
    quota: organiser
      ? excellentQuota(
          all.map((s) => s.finalGrade as FinalGrade | null),
          settingsOf(round),
        )
      : null,
    history: history.map((h) => ({
      from: (h.fromStatus || null) as RoundStatus | null,
      to: h.toStatus as RoundStatus,
      reason: h.reason,
      at: h.at,
      by: h.actorName,
    })),
    actions,
  };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<RoundDetail> {
  return detail(ctx, actor, await readableRound(ctx.db, actor, id));
}

function checkRound(v: { periodFrom: string; periodTo: string }, weights: Weights, settings: RoundSettings) {
  if (v.periodTo < v.periodFrom) throw fieldError('periodTo', 'assessment.periodBackwards');
  if (!weightsValid(weights))
    throw fieldError('weights', 'assessment.weightsSum', {
      sum: weights.receiving + weights.democratic + weights.sending,
    });
  if (settings.approvedPct !== null && !settings.approvalDocNo)
    throw fieldError('approvalDocNo', 'assessment.approvalNeedsDoc');
}

/** The programme's 组织部 opens a round for a batch (筹备): the covered postings are listed, not yet stored. */
export async function create(ctx: AppContext, actor: Actor, v: RoundInput): Promise<RoundDetail> {
  const weights = v.weights ?? DEFAULT_WEIGHTS;
  const settings = { ...DEFAULT_SETTINGS, ...v.settings };
  checkRound(v, weights, settings);
  return inTransaction(ctx, async (tx) => {
    const batch = await findBatch(tx.db, v.batchId);
    if (!batch) throw fieldError('batchId', 'assessment.batchMissing');
    if (!reaches({ ...actor.scope, mode: 'write' }, BATCH_REACH, batch)) throw outOfScope();
    const id = randomUUID();
    const now = tx.clock.now().toISOString();
    await tx.db
      .insertInto('assessmentRounds')
      .values({
        id,
        batchId: batch.id,
        programmeId: batch.programmeId,
        kind: v.kind,
        title: v.title,
        periodFrom: v.periodFrom,
        periodTo: v.periodTo,
        weights: JSON.stringify(weights),
        settings: JSON.stringify(settings),
        deadlines: JSON.stringify({ ...NO_DEADLINES, ...v.deadlines }),
        status: 'preparing',
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: authorOf(actor),
        updatedBy: authorOf(actor),
      })
      .execute();
    await appendHistory(tx.db, {
      id: randomUUID(),
      objectType: 'assessmentRound',
      objectId: id,
      fromStatus: '',
      toStatus: 'preparing',
      reason: null,
      at: now,
      actorId: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'assessment.create',
      objectType: 'assessmentRound',
      objectId: id,
      diff: {
        batch: { to: batch.name },
        kind: { to: v.kind },
        period: { to: `${v.periodFrom}—${v.periodTo}` },
      },
    });
    return detail(tx, actor, (await repo.findRound(tx.db, id)) as repo.RoundView);
  });
}

/** Title, weights, settings (the approved 25 %) and deadlines; the weights only while 筹备. */
export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: RoundUpdate,
): Promise<RoundDetail> {
  return inTransaction(ctx, async (tx) => {
    const round = await managedRound(tx.db, actor, id);
    if (round.status === 'published') throw refusedMove(round.status, 'assessment.action.update');
    checkRound(round, v.weights, v.settings);
    const before = { weights: weightsOf(round), settings: settingsOf(round) };
    if (round.status !== 'preparing' && JSON.stringify(before.weights) !== JSON.stringify(v.weights))
      throw fieldError('weights', 'assessment.weightsFrozen');
    const done = await tx.db
      .updateTable('assessmentRounds')
      .set({
        title: v.title,
        weights: JSON.stringify(v.weights),
        settings: JSON.stringify(v.settings),
        deadlines: JSON.stringify(v.deadlines),
        version: v.version + 1,
        updatedAt: tx.clock.now().toISOString(),
        updatedBy: authorOf(actor),
      })
      .where('id', '=', id)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw versionConflict();
    await record(tx, whoOf(actor), {
      action: 'assessment.update',
      objectType: 'assessmentRound',
      objectId: id,
      diff: {
        weights: { from: before.weights, to: v.weights },
        settings: { from: before.settings, to: v.settings },
      },
    });
    return detail(tx, actor, (await repo.findRound(tx.db, id)) as repo.RoundView);
  });
}

const refusedMove = (status: string, action: Parameters<typeof t>[0]) =>
  new AppError('CONFLICT', {
    messageKey: 'assessment.refused',
    params: { status: t(`roundStatus.${status as RoundStatus}`), action: t(action) },
  });

/** The quota and completeness checks of 已公布, in Chinese with the counts. */
function assertPublishable(round: repo.RoundView, subjects: repo.SubjectView[]) {
  const missing = subjects.filter((s) => !s.finalGrade);
  if (missing.length > 0)
    throw new AppError('CONFLICT', {
      messageKey: 'assessment.ungraded',
      params: {
        count: missing.length,
        names: missing
          .slice(0, 5)
          .map((s) => s.cadreName)
          .join('、'),
      },
    });
  const quota = excellentQuota(
    subjects.map((s) => s.finalGrade as FinalGrade),
    settingsOf(round),
  );
  if (!quota.ok)
    throw new AppError('CONFLICT', {
      messageKey: 'assessment.overQuota',
      params: { graded: quota.graded, cap: quota.cap, excellent: quota.excellent },
    });
}

/** One step forward with its reason: opening stores the covered postings; publishing checks and tells. */
export async function move(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: RoundMoveValues,
): Promise<RoundDetail> {
  return inTransaction(ctx, async (tx) => {
    const round = await managedRound(tx.db, actor, id);
    const subjects = await repo.subjectsOf(tx.db, id, null);
    await roundMachine.move(tx, actor, {
      row: round,
      version: v.version,
      to: v.to,
      action: 'assessment.move',
      reason: v.reason,
      beforeWrite: async () => {
        if (v.to === 'open') {
          const covered = await repo.coveredPostings(tx.db, round.batchId, round.periodFrom, round.periodTo);
          if (covered.length === 0) throw new AppError('CONFLICT', { messageKey: 'assessment.noneCovered' });
          const at = tx.clock.now().toISOString();
          await tx.db
            .insertInto('assessmentSubjects')
            .values(
              covered.map((c) => ({
                id: randomUUID(),
                roundId: id,
                postingId: c.id,
                selfReport: null,
                receivingOpinion: null,
                receivingGrade: null,
                sendingOpinion: null,
                sendingGrade: null,
                undeterminedMark: null,
                paperTally: null,
                finalGrade: null,
                finalReason: null,
                decidedBy: null,
                decidedAt: null,
                version: 1,
                updatedAt: at,
                updatedBy: authorOf(actor),
              })),
            )
            .execute();
        }
        if (v.to === 'published') assertPublishable(round, subjects);
      },
    });
    if (v.to === 'published') {
      for (const s of subjects) {
        const params = {
          roundId: id,
          round: round.title,
          cadre: s.cadreName,
          grade: t(`grade.${s.finalGrade as FinalGrade}`),
        };
        await notifyAudience(
          tx,
          { action: 'assessment.read', reach: repo.SENDING_REACH, row: s, mode: 'read' },
          'assessment.published',
          params,
          actor.userId,
        );
        await notifyAudience(
          tx,
          { action: 'assessment.read', reach: repo.SELF_REACH, row: s, mode: 'read' },
          'assessment.ownResult',
          params,
          actor.userId,
        );
      }
    }
    return detail(tx, actor, (await repo.findRound(tx.db, id)) as repo.RoundView);
  });
}

// ---- a subject's inputs ------------------------------------------------------------------

async function readableSubject(db: Executor, actor: Actor, id: string): Promise<repo.SubjectView> {
  const s = await repo.findSubject(db, id);
  if (!s) throw notFound();
  return assertReaches(readScope(actor), repo.SUBJECT_REACH, s);
}

async function changeSubject(
  ctx: AppContext,
  actor: Actor,
  id: string,
  spec: {
    reach: Reach;
    statuses: readonly RoundStatus[];
    action: Parameters<typeof t>[0];
    auditAction: string;
    version: number;
    set: (s: repo.SubjectView, facts: () => Promise<Facts>, at: string) => Promise<Record<string, unknown>>;
  },
): Promise<SubjectResult> {
  return inTransaction(ctx, async (tx) => {
    const s = await readableSubject(tx.db, actor, id);
    assertWritable(actor.scope, spec.reach, s, repo.SUBJECT_REACH);
    if (!spec.statuses.includes(s.roundStatus as RoundStatus)) throw refusedMove(s.roundStatus, spec.action);
    if (s.version !== spec.version) throw versionConflict();
    const facts = async () => factsOf(tx.db, (await repo.findRound(tx.db, s.roundId)) as repo.RoundView, [s]);
    const at = tx.clock.now().toISOString();
    const set = await spec.set(s, facts, at);
    const ok = await repo.updateSubject(tx.db, id, spec.version, {
      ...set,
      updatedAt: at,
      updatedBy: authorOf(actor),
    });
    if (!ok) throw versionConflict();
    await record(tx, whoOf(actor), {
      action: spec.auditAction,
      objectType: 'assessmentSubject',
      objectId: id,
      diff: Object.fromEntries(
        Object.entries(set).map(([k, to]) => [k, { from: (s as Record<string, unknown>)[k] ?? null, to }]),
      ),
    });
    return subjectResult(tx, actor, (await repo.findSubject(tx.db, id)) as repo.SubjectView);
  });
}

async function subjectResult(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  s: repo.SubjectView,
): Promise<SubjectResult> {
  const round = (await repo.findRound(ctx.db, s.roundId)) as repo.RoundView;
  return toResult(actor, {
    ...s,
    roundTitle: round.title,
    roundKind: round.kind,
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
  });
}

function toResult(
  actor: Actor,
  s: repo.SubjectView & { roundTitle: string; roundKind: string; periodFrom: string; periodTo: string },
): SubjectResult {
  const organiser = reaches(readScope(actor), repo.ORGANISER_REACH, s);
  return {
    id: s.id,
    roundId: s.roundId,
    roundTitle: s.roundTitle,
    roundKind: s.roundKind as RoundKind,
    roundStatus: s.roundStatus as RoundStatus,
    periodFrom: s.periodFrom,
    periodTo: s.periodTo,
    cadreName: s.cadreName,
    postingTitle: s.postingTitle,
    sendingUnitName: s.sendingUnitName,
    receivingUnitName: s.receivingUnitName,
    selfReport: s.selfReport,
    finalGrade: s.roundStatus === 'published' || organiser ? (s.finalGrade as FinalGrade | null) : null,
    actions: subjectActions(actor, s),
    version: s.version,
  };
}

/** The subjects the caller reaches (a sending liaison's cadres, a cadre's own), grades once published. */
export async function listSubjects(
  ctx: AppContext,
  actor: Actor,
  p: SubjectListParams,
): Promise<Page<SubjectResult>> {
  const { rows, ...count } = await repo.listSubjects(ctx.db, p, actor.scope);
  return { items: rows.map((r) => toResult(actor, r)), ...count, page: p.page, pageSize: p.pageSize };
}

/**
 * The cadre's 述职报告 (text). TODO(lead): the attachment (server/files) and a draft assembled
 * from the work log and verified achievements (server/worklog, server/achievements) are being
 * built in parallel — join them here once merged: a `selfReportFileId` column and a
 * `GET /api/assessment/subjects/:id/self-report-draft` that this service answers from them.
 */
export function saveSelfReport(ctx: AppContext, actor: Actor, id: string, v: SelfReportValues) {
  return changeSubject(ctx, actor, id, {
    reach: repo.SELF_REACH,
    statuses: ['open'],
    action: 'assessment.action.selfReport',
    auditAction: 'assessment.selfReport',
    version: v.version,
    set: async () => ({ selfReport: v.text }),
  });
}

/** The receiving unit's or the sending unit's opinion, each with a proposed grade. */
export function saveOpinion(ctx: AppContext, actor: Actor, id: string, v: OpinionValues) {
  const receiving = v.side === 'receiving';
  return changeSubject(ctx, actor, id, {
    reach: receiving ? repo.RECEIVING_REACH : repo.SENDING_REACH,
    statuses: ['open'],
    action: 'assessment.action.opinion',
    auditAction: 'assessment.opinion',
    version: v.version,
    set: async () =>
      receiving
        ? { receivingOpinion: v.opinion, receivingGrade: v.grade }
        : { sendingOpinion: v.opinion, sendingGrade: v.grade },
  });
}

/** The receiving unit enters the tallies of a paper vote (added to the online ballots). */
export function savePaperTally(ctx: AppContext, actor: Actor, id: string, v: PaperTallyValues) {
  const { version, ...tally } = v;
  return changeSubject(ctx, actor, id, {
    reach: repo.RECEIVING_REACH,
    statuses: ['open'],
    action: 'assessment.action.tally',
    auditAction: 'assessment.tally',
    version,
    set: async () => ({ paperTally: ballotsOf(tally) ? JSON.stringify(tally) : null }),
  });
}

/**
 * The 组织部's mark (不定等次, while 进行中 or 评定) and final grade (评定): a grade other than the
 * proposal, 基本称职, 不称职, 不定等次 and 不考核 need a written reason.
 */
export function decide(ctx: AppContext, actor: Actor, id: string, v: DecisionValues) {
  return changeSubject(ctx, actor, id, {
    reach: repo.ORGANISER_REACH,
    statuses: ['open', 'grading'],
    action: 'assessment.action.decide',
    auditAction: 'assessment.decide',
    version: v.version,
    set: async (s, facts, at) => {
      if (v.grade === null)
        return {
          undeterminedMark: v.undeterminedMark,
          finalGrade: null,
          finalReason: null,
          decidedBy: null,
          decidedAt: null,
        };
      if (s.roundStatus !== 'grading') throw fieldError('grade', 'assessment.gradeOnlyGrading');
      const { proposal } = proposalOf({ ...s, undeterminedMark: v.undeterminedMark }, await facts());
      if (needsReason(v.grade) && !v.reason)
        throw fieldError('reason', 'assessment.reasonForGrade', { grade: t(`grade.${v.grade}`) });
      if (proposal.grade && proposal.grade !== v.grade && !v.reason)
        throw fieldError('reason', 'assessment.reasonForChange', {
          proposal: t(`grade.${proposal.grade}`),
          grade: t(`grade.${v.grade}`),
        });
      return {
        undeterminedMark: v.undeterminedMark,
        finalGrade: v.grade,
        finalReason: v.reason,
        decidedBy: authorOf(actor),
        decidedAt: at,
      };
    },
  });
}
