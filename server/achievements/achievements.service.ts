import { randomUUID } from 'node:crypto';
import { type Action, accessOf } from '../../common/access/policy.js';
import {
  type AmountColumns,
  type AmountUnit,
  addBase,
  checkAmount,
  type Dimension,
  formatAmount,
} from '../../common/achievements/achievement-amount.js';
import {
  type AchievementKind,
  type AchievementStatus,
  EDITABLE_STATUSES,
} from '../../common/achievements/achievement-moves.js';
import type {
  Achievement,
  AchievementDetail,
  AchievementInput,
  AchievementListParams,
  AchievementReviewValues,
  AchievementUpdate,
  TotalLine,
  Totals,
  TotalsParams,
} from '../../common/achievements/achievements.schema.js';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import type { NotificationKind } from '../../common/notifications/notifications.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, outOfScope } from '../core/errors.js';
import { assertReaches, assertWritable, type Reach, reaches, scopeFor } from '../core/scope.js';
import { appendHistory } from '../core/status-history.repository.js';
import { inTransaction } from '../core/transaction.js';
import {
  filesOf,
  readStoredFile,
  releaseBlobs,
  removeStoredFile,
  storeFile,
  toAttachment,
} from '../files/files.service.js';
import { notifyAudience } from '../notifications/notifications.service.js';
import { findPosting, type PostingView } from '../postings/postings.repository.js';
import { achievementMachine } from './achievements.machine.js';
import * as repo from './achievements.repository.js';

const toAchievement = (r: repo.AchievementView): Achievement => ({
  id: r.id,
  postingId: r.postingId,
  postingTitle: r.postingTitle,
  cadreName: r.cadreName,
  receivingUnitName: r.receivingUnitName,
  batchName: r.batchName,
  kind: r.kind as AchievementKind,
  title: r.title,
  amount: r.amount,
  unit: r.unit as AmountUnit | null,
  dimension: r.dimension as Dimension | null,
  baseAmount: r.baseAmount === null ? null : String(r.baseAmount),
  display:
    r.baseAmount === null || !r.dimension ? null : formatAmount(r.baseAmount, r.dimension as Dimension),
  date: r.date,
  description: r.description,
  status: r.status as AchievementStatus,
  reviewComment: r.reviewComment,
  version: r.version,
  createdAt: r.createdAt,
});

/** May the caller's roles take `action` on this row, by the write rule of `reach`? */
function writes(actor: Actor, action: Action, reach: Reach, row: repo.AchievementView): boolean {
  const access = accessOf(action);
  return (
    typeof access === 'object' &&
    actor.roles.some((role) => (access as Record<string, unknown>)[role] !== undefined) &&
    reaches(scopeFor(action, actor.userId, actor.grants, 'write'), reach, row)
  );
}

/** The owner kind of achievements' evidence in the file store. */
export const ACHIEVEMENT_FILES = 'achievement';

async function detail(ctx: Pick<AppContext, 'db'>, actor: Actor, row: repo.AchievementView) {
  const history = await achievementMachine.history(ctx.db, [row.id]);
  const actions: string[] = [];
  const editable = EDITABLE_STATUSES.includes(row.status as AchievementStatus);
  if (editable && writes(actor, 'achievements.update', repo.CADRE_REACH, row)) actions.push('update');
  if (row.status === 'returned' && writes(actor, 'achievements.claim', repo.CADRE_REACH, row))
    actions.push('claim');
  if (editable && writes(actor, 'achievements.withdraw', repo.CADRE_REACH, row)) actions.push('withdraw');
  if (row.status === 'claimed' && writes(actor, 'achievements.review', repo.RECEIVING_REACH, row))
    actions.push('verify', 'return');
  return {
    ...toAchievement(row),
    history: history.map((h) => ({
      from: (h.fromStatus || null) as AchievementStatus | null,
      to: h.toStatus as AchievementStatus,
      reason: h.reason,
      at: h.at,
      by: h.actorName,
    })),
    evidence: (await filesOf(ctx.db, ACHIEVEMENT_FILES, [row.id])).map(toAttachment),
    actions,
  } satisfies AchievementDetail;
}

async function readable(db: Executor, actor: Actor, id: string): Promise<repo.AchievementView> {
  const row = await repo.findAchievement(db, id);
  if (!row) throw notFound();
  return assertReaches({ ...actor.scope, mode: 'read' }, repo.ACHIEVEMENT_REACH, row);
}
const reload = async (db: Executor, id: string) =>
  (await repo.findAchievement(db, id)) as repo.AchievementView;

export async function list(
  ctx: AppContext,
  actor: Actor,
  p: AchievementListParams,
): Promise<Page<Achievement>> {
  const { rows, ...count } = await repo.listAchievements(ctx.db, p, actor.scope);
  return { items: rows.map(toAchievement), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<AchievementDetail> {
  return detail(ctx, actor, await readable(ctx.db, actor, id));
}

/** The amount's columns, parsed exactly; a problem names the amount (or unit) field in Chinese. */
export function amountColumns(v: Pick<AchievementInput, 'amount' | 'unit'>): AmountColumns {
  const checked = checkAmount(v.amount, v.unit);
  if (!checked.ok) throw fieldError(checked.field, checked.key, checked.params);
  return checked.columns;
}

/** The checks of the posting and the date every entry passes (the cadre's, or an import's row). */
export function checkPosting(posting: PostingView | undefined, date: string): PostingView {
  if (!posting) throw fieldError('postingId', 'achievements.postingMissing');
  if (posting.status !== 'active' || !posting.startDate)
    throw fieldError('postingId', 'achievements.postingNotActive', {
      status: t(`postingStatus.${posting.status as 'active'}`),
    });
  if (date < posting.startDate)
    throw fieldError('date', 'achievements.beforePosting', { startDate: posting.startDate });
  if (date > posting.endDate)
    throw fieldError('date', 'achievements.afterPosting', { endDate: posting.endDate });
  return posting;
}

/**
 * The inbox (issue 13 line 6): the receiving unit's managers when an entry waits for them, the
 * cadre when it is returned — whoever the write rule of the next move lets act, but the caller.
 */
async function notify(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  actor: Actor,
  row: repo.AchievementView,
  kind: Extract<NotificationKind, `achievement.${string}`>,
) {
  const toVerify = kind === 'achievement.toVerify';
  await notifyAudience(
    ctx,
    {
      action: toVerify ? 'achievements.review' : 'achievements.claim',
      reach: toVerify ? repo.RECEIVING_REACH : repo.CADRE_REACH,
      row,
      mode: 'write',
    },
    kind,
    {
      achievementId: row.id,
      cadre: row.cadreName,
      title: row.title.slice(0, 40),
      unit: row.receivingUnitName,
    },
    actor.userId,
  );
}

/**
 * Writes a new entry, claimed, on an active posting (the checks of the reach are the caller's):
 * its history row, its audit row and the notification to the receiving unit.
 */
export async function insertEntry(
  ctx: AppContext,
  actor: Actor,
  posting: PostingView,
  v: Omit<AchievementInput, 'postingId'>,
  via: 'form' | 'import' = 'form',
): Promise<string> {
  checkPosting(posting, v.date);
  const amount = amountColumns(v);
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  await repo.insertAchievement(ctx.db, {
    id,
    postingId: posting.id,
    cadreId: posting.cadreId,
    kind: v.kind,
    title: v.title,
    ...amount,
    date: v.date,
    description: v.description,
    status: 'claimed',
    reviewComment: null,
    reviewedBy: null,
    reviewedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: authorOf(actor),
    updatedBy: authorOf(actor),
  });
  await appendHistory(ctx.db, {
    id: randomUUID(),
    objectType: 'achievement',
    objectId: id,
    fromStatus: '',
    toStatus: 'claimed',
    reason: null,
    at: now,
    actorId: authorOf(actor),
  });
  await record(ctx, whoOf(actor), {
    action: via === 'import' ? 'achievements.import' : 'achievements.create',
    objectType: 'achievement',
    objectId: id,
    diff: {
      posting: { to: posting.title },
      kind: { to: v.kind },
      title: { to: v.title },
      amount: { to: amount.amount === null ? null : `${amount.amount}${amount.unit}` },
      date: { to: v.date },
    },
  });
  await notify(ctx, actor, await reload(ctx.db, id), 'achievement.toVerify');
  return id;
}

/** The cadre records an achievement on their 在岗 posting: it is claimed (已申报) at once. */
export async function create(ctx: AppContext, actor: Actor, v: AchievementInput): Promise<AchievementDetail> {
  return inTransaction(ctx, async (tx) => {
    const posting = await findPosting(tx.db, v.postingId);
    if (posting && !reaches(actor.scope, repo.CADRE_REACH, posting)) throw outOfScope();
    const id = await insertEntry(tx, actor, checkPosting(posting, v.date), v);
    return detail(tx, actor, await reload(tx.db, id));
  });
}

const refused = (row: repo.AchievementView, what: Parameters<typeof t>[0]) =>
  new AppError('CONFLICT', {
    messageKey: 'achievements.refused',
    params: { status: t(`achievementStatus.${row.status as AchievementStatus}`), action: t(what) },
  });

/** The cadre edits an entry not yet verified; a returned one stays returned until claimed again. */
export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: AchievementUpdate,
): Promise<AchievementDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    assertWritable(actor.scope, repo.CADRE_REACH, row, repo.ACHIEVEMENT_REACH);
    if (!EDITABLE_STATUSES.includes(row.status as AchievementStatus))
      throw refused(row, 'achievementAction.update');
    if (row.version !== v.version) throw new AppError('VERSION_CONFLICT');
    const posting = await findPosting(tx.db, row.postingId);
    checkPosting(posting, v.date);
    const amount = amountColumns(v);
    const values = { kind: v.kind, title: v.title, ...amount, date: v.date, description: v.description };
    const done = await tx.db
      .updateTable('achievements')
      .set({
        ...values,
        version: row.version + 1,
        updatedAt: tx.clock.now().toISOString(),
        updatedBy: authorOf(actor),
      })
      .where('id', '=', id)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, to] of Object.entries(values)) {
      const from = row[key as keyof typeof values];
      if (String(from ?? '') !== String(to ?? '')) diff[key] = { from, to };
    }
    await record(tx, whoOf(actor), {
      action: 'achievements.update',
      objectType: 'achievement',
      objectId: id,
      diff,
    });
    return detail(tx, actor, await reload(tx.db, id));
  });
}

/** The cadre claims a returned entry again (after editing it): it waits for the receiving unit. */
export async function claim(ctx: AppContext, actor: Actor, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    assertWritable(actor.scope, repo.CADRE_REACH, row, repo.ACHIEVEMENT_REACH);
    if (row.status !== 'returned') throw refused(row, 'achievementAction.claim');
    await achievementMachine.move(tx, actor, { row, version, to: 'claimed', action: 'achievements.claim' });
    const after = await reload(tx.db, id);
    await notify(tx, actor, after, 'achievement.toVerify');
    return detail(tx, actor, after);
  });
}

/** The cadre withdraws an entry not yet verified. */
export async function withdraw(ctx: AppContext, actor: Actor, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    assertWritable(actor.scope, repo.CADRE_REACH, row, repo.ACHIEVEMENT_REACH);
    if (!EDITABLE_STATUSES.includes(row.status as AchievementStatus))
      throw refused(row, 'achievementAction.withdraw');
    await achievementMachine.move(tx, actor, {
      row,
      version,
      to: 'withdrawn',
      action: 'achievements.withdraw',
    });
    return detail(tx, actor, await reload(tx.db, id));
  });
}

/** The receiving unit verifies (已核实) or returns (已退回, a comment required) a claimed entry. */
export async function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'verified' | 'returned',
  v: AchievementReviewValues,
): Promise<AchievementDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    assertWritable(actor.scope, repo.RECEIVING_REACH, row, repo.ACHIEVEMENT_REACH);
    if (row.status !== 'claimed')
      throw refused(row, decision === 'verified' ? 'achievementAction.verify' : 'achievementAction.return');
    if (decision === 'returned' && !v.comment) throw fieldError('comment', 'achievements.returnNeedsComment');
    await achievementMachine.move(tx, actor, {
      row,
      version: v.version,
      to: decision,
      action: decision === 'verified' ? 'achievements.verify' : 'achievements.return',
      reason: v.comment,
      set: (at) => ({ reviewComment: v.comment, reviewedBy: authorOf(actor), reviewedAt: at }),
    });
    const after = await reload(tx.db, id);
    if (decision === 'returned') await notify(tx, actor, after, 'achievement.returned');
    return detail(tx, actor, after);
  });
}

// ---- totals ----

function lineOf(kind: string, dimension: string | null): TotalLine {
  return {
    kind: kind as AchievementKind,
    dimension: dimension as Dimension | null,
    verified: '0',
    verifiedDisplay: null,
    verifiedCount: 0,
    claimed: '0',
    claimedDisplay: null,
    claimedCount: 0,
  };
}
function addTo(line: TotalLine, status: string, total: string | null, n: number) {
  const side = status === 'verified' ? 'verified' : 'claimed';
  const sum = addBase(line[side], total);
  line[side] = sum.toString();
  line[`${side}Count`] += n;
  line[`${side}Display`] = line.dimension ? formatAmount(sum, line.dimension) : null;
}
const lineKey = (kind: string, dimension: string | null) => `${kind}|${dimension ?? ''}`;

/**
 * Sums of the entries in the caller's scope by posting, batch, receiving region or programme:
 * verified entries count, claimed (unverified) ones are shown beside them; only like
 * dimensions add (money with money, people with people).
 */
export async function totals(ctx: AppContext, actor: Actor, p: TotalsParams): Promise<Totals> {
  // one posting's totals: a posting outside the caller's reach answers as if it did not exist
  if (p.postingId) {
    const posting = await findPosting(ctx.db, p.postingId);
    if (!posting) throw notFound();
    assertReaches({ ...actor.scope, mode: 'read' }, repo.ACHIEVEMENT_REACH, posting);
  }
  const rows = await repo.totals(ctx.db, p, actor.scope);
  const groups = new Map<string, { key: string; label: string; lines: Map<string, TotalLine> }>();
  const overall = new Map<string, TotalLine>();
  for (const r of rows) {
    const group = groups.get(r.key) ?? { key: r.key, label: r.label, lines: new Map() };
    groups.set(r.key, group);
    const k = lineKey(r.kind, r.dimension);
    for (const lines of [group.lines, overall]) {
      const line = lines.get(k) ?? lineOf(r.kind, r.dimension);
      lines.set(k, line);
      addTo(line, r.status, r.total, Number(r.n));
    }
  }
  const ordered = (lines: Map<string, TotalLine>) =>
    [...lines.values()].sort((a, b) =>
      lineKey(a.kind, a.dimension).localeCompare(lineKey(b.kind, b.dimension)),
    );
  return {
    groupBy: p.groupBy,
    groups: [...groups.values()].map((g) => ({ key: g.key, label: g.label, lines: ordered(g.lines) })),
    overall: ordered(overall),
  };
}

// ---- evidence (佐证材料, server/files) ----

/** The cadre's own entry, not yet verified: where evidence may be added or removed. */
async function evidenceWritable(db: Executor, actor: Actor, id: string): Promise<repo.AchievementView> {
  const row = await readable(db, actor, id);
  assertWritable(actor.scope, repo.CADRE_REACH, row, repo.ACHIEVEMENT_REACH);
  if (!EDITABLE_STATUSES.includes(row.status as AchievementStatus))
    throw refused(row, 'achievementAction.update');
  return row;
}

/** Adds a file of evidence: the entry is checked in scope and status before the bytes are looked at. */
export async function attach(
  ctx: AppContext,
  actor: Actor,
  id: string,
  name: string,
  content: Buffer,
): Promise<AchievementDetail> {
  await evidenceWritable(ctx.db, actor, id);
  return storeFile(
    ctx,
    { ownerKind: ACHIEVEMENT_FILES, ownerId: id, name, content, createdBy: authorOf(actor) },
    async (tx, file) => {
      await evidenceWritable(tx.db, actor, id);
      await record(tx, whoOf(actor), {
        action: 'achievements.update',
        objectType: 'achievement',
        objectId: id,
        diff: { evidence: { to: `${file.name} (${file.kind}, ${file.size} B, sha256 ${file.sha256})` } },
      });
      return detail(tx, actor, await reload(tx.db, id));
    },
  );
}

export async function detach(
  ctx: AppContext,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<AchievementDetail> {
  const { answer, file } = await inTransaction(ctx, async (tx) => {
    await evidenceWritable(tx.db, actor, id);
    const file = await removeStoredFile(tx, ACHIEVEMENT_FILES, id, fileId);
    await record(tx, whoOf(actor), {
      action: 'achievements.update',
      objectType: 'achievement',
      objectId: id,
      diff: { evidence: { from: file.name, to: null } },
    });
    return { answer: await detail(tx, actor, await reload(tx.db, id)), file };
  });
  await releaseBlobs(ctx, [file]);
  return answer;
}

/** A download: only of an entry the caller reads (the receiving unit checks the evidence before verifying). */
export async function download(ctx: AppContext, actor: Actor, id: string, fileId: string) {
  await readable(ctx.db, actor, id);
  return readStoredFile(ctx, ACHIEVEMENT_FILES, id, fileId);
}
