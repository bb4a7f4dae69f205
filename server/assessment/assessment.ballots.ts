import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type {
  Ballot,
  BallotCastValues,
  IssueCodesValues,
  IssuedCodes,
} from '../../common/assessment/assessment.schema.js';
import { t } from '../../common/i18n/index.js';
import { record, whoOf } from '../audit/audit.service.js';
import * as throttle from '../auth/throttle.service.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import { AppError, fieldError } from '../core/errors.js';
import { assertWritable } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import * as repo from './assessment.repository.js';
import { readableRound } from './assessment.service.js';

/**
 * The democratic evaluation's one-time codes (issue 15 line 2, ADR 038). A code is
 * `<issue>-<n>-<mac>`: the set it was issued in, its number in the set and an HMAC of both under
 * the server's key — so codes need not be stored, and cannot be made up. A spent code is kept
 * only as another HMAC (assessment_spent_codes); the votes are rows of their own with a random
 * id, the subject, the grade and the day, and nothing linking them to a code or a voter.
 */
const macOf = (ctx: Pick<AppContext, 'cipher'>, issue: string, n: number) =>
  Buffer.from(ctx.cipher.blindIndex(`${issue}.${n}`, 'assessment.ballotCode'), 'base64url')
    .toString('hex')
    .slice(0, 12);
/** The code numbered `n` of an issue (the slips print these; tests make them so). */
export const codeFor = (ctx: Pick<AppContext, 'cipher'>, issue: string, n: number) =>
  `${issue}-${n}-${macOf(ctx, issue, n)}`;
const spentHash = (ctx: Pick<AppContext, 'cipher'>, code: string) =>
  ctx.cipher.blindIndex(code, 'assessment.spentCode');

/** The receiving unit issues `count` codes for its assessed cadres of an open round. */
export async function issueCodes(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  v: IssueCodesValues,
): Promise<IssuedCodes> {
  return inTransaction(ctx, async (tx) => {
    const round = await readableRound(tx.db, actor, roundId);
    assertWritable(actor.scope, repo.RECEIVING_REACH, { receivingUnitId: v.unitId });
    const mine = (await repo.subjectsOf(tx.db, roundId, null)).filter((s) => s.receivingUnitId === v.unitId);
    if (mine.length === 0) throw fieldError('unitId', 'assessment.unitNotInRound');
    if (round.status !== 'open') throw refused(round.status, 'assessment.action.issueCodes');
    const issue = randomBytes(5).toString('hex');
    await tx.db
      .insertInto('assessmentBallotIssues')
      .values({
        id: issue,
        roundId,
        receivingUnitId: v.unitId,
        count: v.count,
        issuedAt: tx.clock.now().toISOString(),
        issuedBy: authorOf(actor),
      })
      .execute();
    await record(tx, whoOf(actor), {
      action: 'assessment.ballots',
      objectType: 'assessmentRound',
      objectId: roundId,
      diff: { unit: { to: mine[0]?.receivingUnitName ?? v.unitId }, codes: { to: v.count } },
    });
    return {
      roundTitle: round.title,
      unitName: mine[0]?.receivingUnitName ?? '',
      codes: Array.from({ length: v.count }, (_, i) => codeFor(tx, issue, i + 1)),
    };
  });
}

const refused = (status: string, action: Parameters<typeof t>[0]) =>
  new AppError('CONFLICT', {
    messageKey: 'assessment.refused',
    params: { status: t(`roundStatus.${status as 'open'}`), action: t(action) },
  });

const invalidCode = () => new AppError('NOT_FOUND', { messageKey: 'assessment.codeInvalid' });

/** The issue a well-formed, genuine code belongs to (else 404 and one failure counted). */
async function issueOf(ctx: AppContext, raw: string, source: string) {
  const code = raw.trim().toLowerCase();
  const counter = throttle.sourceOf(`ballot:${source}`);
  const now = ctx.clock.now();
  const wait = await throttle.waitOf(ctx.db, counter, now);
  if (wait > 0) throw throttle.throttled('source', wait);
  const fail = async () => {
    await throttle.count(ctx.db, counter, now, false);
    return invalidCode();
  };
  const m = /^([0-9a-f]{10})-(\d{1,4})-([0-9a-f]{12})$/.exec(code);
  if (!m) throw await fail();
  const [, issueId, n, mac] = m as unknown as [string, string, string, string];
  const expected = macOf(ctx, issueId, Number(n));
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) throw await fail();
  const issue = await ctx.db
    .selectFrom('assessmentBallotIssues')
    .selectAll()
    .where('id', '=', issueId)
    .executeTakeFirst();
  if (!issue || Number(n) < 1 || Number(n) > issue.count) throw await fail();
  const round = await repo.findRound(ctx.db, issue.roundId);
  if (!round) throw await fail();
  const spent = await ctx.db
    .selectFrom('assessmentSpentCodes')
    .select('codeHash')
    .where('codeHash', '=', spentHash(ctx, code))
    .executeTakeFirst();
  if (spent) {
    await throttle.count(ctx.db, counter, now, false);
    throw new AppError('CONFLICT', { messageKey: 'assessment.codeSpent' });
  }
  if (round.status !== 'open') throw new AppError('CONFLICT', { messageKey: 'assessment.pollClosed' });
  const subjects = (await repo.subjectsOf(ctx.db, round.id, null)).filter(
    (s) => s.receivingUnitId === issue.receivingUnitId,
  );
  return { code, issue, round, subjects };
}

/** The public ballot page's content: the round, the unit and its assessed cadres. */
export async function ballot(ctx: AppContext, code: string, source: string): Promise<Ballot> {
  const { round, subjects } = await issueOf(ctx, code, source);
  return {
    roundTitle: round.title,
    unitName: subjects[0]?.receivingUnitName ?? '',
    subjects: subjects.map((s) => ({ id: s.id, cadreName: s.cadreName, postingTitle: s.postingTitle })),
    items: ['de', 'neng', 'qin', 'ji', 'lian'],
  };
}

/**
 * Casts a ballot: the code's HMAC is inserted as spent (its primary key makes a second use fail
 * even when two arrive at once) in the same transaction as the votes, which carry no trace of it.
 */
export async function cast(
  ctx: AppContext,
  code: string,
  v: BallotCastValues,
  source: string,
): Promise<{ counted: number }> {
  const { code: normal, round, subjects } = await issueOf(ctx, code, source);
  const allowed = new Set(subjects.map((s) => s.id));
  const seen = new Set<string>();
  v.votes.forEach((vote, i) => {
    if (!allowed.has(vote.subjectId) || seen.has(vote.subjectId))
      throw fieldError(`votes.${i}.subjectId`, 'assessment.voteSubject');
    seen.add(vote.subjectId);
  });
  const day = chinaDate(ctx.clock.now());
  return inTransaction(ctx, async (tx) => {
    const done = await tx.db
      .insertInto('assessmentSpentCodes')
      .values({ codeHash: spentHash(tx, normal), roundId: round.id })
      .onConflict((oc) => oc.column('codeHash').doNothing())
      .executeTakeFirst();
    if (Number(done.numInsertedOrUpdatedRows ?? 0) !== 1)
      throw new AppError('CONFLICT', { messageKey: 'assessment.codeSpent' });
    const still = await tx.db
      .selectFrom('assessmentRounds')
      .select('status')
      .where('id', '=', round.id)
      .executeTakeFirstOrThrow();
    if (still.status !== 'open') throw new AppError('CONFLICT', { messageKey: 'assessment.pollClosed' });
    // shuffled, random ids: the order of the rows says nothing either
    const rows = v.votes
      .map((vote) => ({
        id: randomUUID(),
        roundId: round.id,
        subjectId: vote.subjectId,
        grade: vote.grade,
        items: vote.items && Object.keys(vote.items).length ? JSON.stringify(vote.items) : null,
        day,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    await tx.db.insertInto('assessmentVotes').values(rows).execute();
    return { counted: rows.length };
  });
}
