import ExcelJS from 'exceljs';
import type {
  RegistrationQuery,
  ResultsListQuery,
  RoundDetail,
  Stats,
  StatsQuery,
} from '../../common/assessment/assessment.schema.js';
import { FINAL_GRADES, type FinalGrade } from '../../common/assessment/assessment-moves.js';
import {
  DEFAULT_SETTINGS,
  excellentQuota,
  type RoundSettings,
} from '../../common/assessment/assessment-rules.js';
import { XLSX_MIME } from '../../common/excel/excel.schema.js';
import { t } from '../../common/i18n/index.js';
import { chinaDate } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { fieldError, notFound, outOfScope } from '../core/errors.js';
import { reaches } from '../core/scope.js';
import {
  type AssessmentRoundFacts,
  assessmentRegistration,
  assessmentResults,
  periodOf,
  RESULTS_WIDTHS_MM,
  resultHeaders,
  resultRows,
} from '../documents/documents.forms.js';
import { answer, type DocumentAnswer, today } from '../documents/documents.service.js';
import { BATCH_REACH, findBatch } from '../programmes/programmes.repository.js';
import * as repo from './assessment.repository.js';
import { get, readableRound } from './assessment.service.js';

/**
 * Statistics (issue 15 line 8) and the lists that travel (line 6): per round, or per batch over
 * its published rounds; by receiving region and by sending unit, with 优秀 against the cap.
 */
const zero = () => Object.fromEntries(FINAL_GRADES.map((g) => [g, 0])) as Record<FinalGrade, number>;

async function subjectsFor(ctx: AppContext, actor: Actor, q: StatsQuery) {
  if (q.roundId) {
    const round = await readableRound(ctx.db, actor, q.roundId);
    if (!reaches({ ...actor.scope, mode: 'read' }, repo.ORGANISER_REACH, round)) throw outOfScope();
    return {
      title: round.title,
      settings: { ...DEFAULT_SETTINGS, ...(JSON.parse(round.settings) as RoundSettings) },
      subjects: await repo.subjectsOf(ctx.db, round.id, null),
    };
  }
  if (!q.batchId) throw fieldError('roundId', 'assessment.statsWhich');
  const batch = await findBatch(ctx.db, q.batchId);
  if (!batch) throw notFound();
  if (!reaches({ ...actor.scope, mode: 'read' }, BATCH_REACH, batch)) throw outOfScope();
  const rounds = await ctx.db
    .selectFrom('assessmentRounds')
    .select(['id'])
    .where('batchId', '=', batch.id)
    .where('status', '=', 'published')
    .execute();
  const subjects = (await Promise.all(rounds.map((r) => repo.subjectsOf(ctx.db, r.id, null)))).flat();
  return { title: `${batch.programmeName} ${batch.name}`, settings: DEFAULT_SETTINGS, subjects };
}

function group(subjects: repo.SubjectView[], key: (s: repo.SubjectView) => string) {
  const out = new Map<string, Record<FinalGrade, number>>();
  for (const s of subjects) {
    if (!s.finalGrade) continue;
    const counts = out.get(key(s)) ?? zero();
    counts[s.finalGrade as FinalGrade] += 1;
    out.set(key(s), counts);
  }
  return [...out.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([name, counts]) => ({ name, counts }));
}

export async function stats(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<Stats> {
  const { title, settings, subjects } = await subjectsFor(ctx, actor, q);
  const total = zero();
  for (const s of subjects) if (s.finalGrade) total[s.finalGrade as FinalGrade] += 1;
  return {
    title,
    total,
    quota: excellentQuota(
      subjects.map((s) => s.finalGrade as FinalGrade | null),
      settings,
    ),
    byRegion: group(subjects, (s) => s.receivingRegionName),
    bySendingUnit: group(subjects, (s) => s.sendingUnitName),
  };
}

const bufferOf = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());

export async function statsWorkbook(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const s = await stats(ctx, actor, q);
  const book = new ExcelJS.Workbook();
  const header = [t('assessment.stats.group'), ...FINAL_GRADES.map((g) => t(`grade.${g}`))];
  const sheet = (name: string, rows: { name: string; counts: Record<FinalGrade, number> }[]) => {
    const ws = book.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow([r.name, ...FINAL_GRADES.map((g) => r.counts[g])]);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 30 : 10;
    });
  };
  sheet(t('assessment.stats.total'), [{ name: s.title, counts: s.total }]);
  book.getWorksheet(t('assessment.stats.total'))?.addRow([
    t('assessment.stats.quotaLine', {
      graded: s.quota.graded,
      cap: s.quota.cap,
      excellent: s.quota.excellent,
      pct: s.quota.pct,
    }),
  ]);
  sheet(t('assessment.stats.byRegion'), s.byRegion);
  sheet(t('assessment.stats.bySendingUnit'), s.bySendingUnit);
  return { name: `${t('assessment.stats.file')}-${s.title}.xlsx`, content: await bufferOf(book) };
}

/** 优秀挂职干部名单 (表彰名单) of a batch: every 优秀 of its published rounds. */
export async function honoursWorkbook(ctx: AppContext, actor: Actor, batchId: string) {
  const { title, subjects } = await subjectsFor(ctx, actor, { batchId });
  const rounds = new Map(
    (
      await ctx.db
        .selectFrom('assessmentRounds')
        .select(['id', 'title'])
        .where('batchId', '=', batchId)
        .execute()
    ).map((r) => [r.id, r.title]),
  );
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(t('assessment.honours.sheet'));
  ws.addRow([t('assessment.honours.title', { title })]).font = { bold: true, size: 14 };
  ws.addRow([
    t('assessment.honours.no'),
    t('assessment.honours.name'),
    t('assessment.honours.sendingUnit'),
    t('assessment.honours.post'),
    t('assessment.honours.round'),
  ]).font = { bold: true };
  subjects
    .filter((s) => s.finalGrade === 'excellent')
    .forEach((s, i) => {
      ws.addRow([
        i + 1,
        s.cadreName,
        s.sendingUnitName,
        `${s.receivingUnitName} ${s.postingTitle}`,
        rounds.get(s.roundId) ?? '',
      ]);
    });
  ws.columns.forEach((c, i) => {
    c.width = [6, 12, 30, 40, 30][i] ?? 12;
  });
  return { name: `${t('assessment.honours.file')}-${title}.xlsx`, content: await bufferOf(book) };
}

// ---- the dossier forms (issue 15 line 5): 考核登记表 per posting, 考核结果汇总表 per round ----

/** The round's facts on its forms: the publication's day and publisher from its history. */
function roundFacts(r: RoundDetail): AssessmentRoundFacts {
  const published = r.status === 'published' ? r.history.findLast((h) => h.to === 'published') : undefined;
  return {
    title: r.title,
    kind: r.kind,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    minBallots: r.settings.minBallots,
    published: published ? { on: chinaDate(new Date(published.at)), by: published.by } : null,
  };
}

/** 挂职干部考核登记表 of one posting in a round, as the caller sees its subject (docx / preview / page). */
export async function registrationDocument(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  postingId: string,
  q: RegistrationQuery,
): Promise<DocumentAnswer> {
  const { spec, name } = await registrationSpec(ctx, actor, roundId, postingId);
  return answer(spec, name, q);
}

/** The 考核登记表's spec and file name (without .docx): also the archive list's entry. */
export async function registrationSpec(ctx: AppContext, actor: Actor, roundId: string, postingId: string) {
  const round = await get(ctx, actor, roundId);
  const subject = round.subjects.find((s) => s.postingId === postingId);
  if (!subject) throw notFound();
  const spec = assessmentRegistration(roundFacts(round), subject, today(ctx));
  return { spec, name: `${spec.title}_${subject.cadreName}_${round.title}` };
}

/** 考核结果汇总表 of a round: the subjects the caller sees, as docx / preview / page or .xlsx. */
export async function resultsDocument(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  q: ResultsListQuery,
): Promise<DocumentAnswer> {
  const round = await get(ctx, actor, roundId);
  const facts = roundFacts(round);
  const spec = assessmentResults(facts, round.subjects, today(ctx));
  if (q.format !== 'xlsx') return answer(spec, spec.title, { format: q.format, page: q.page });
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(t('assessment.form.resultsSheet'));
  const headers = resultHeaders();
  ws.addRow([spec.title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([t('assessment.form.resultsIntro', { period: periodOf(facts), count: round.subjects.length })]);
  ws.mergeCells(2, 1, 2, headers.length);
  ws.addRow(headers).font = { bold: true };
  for (const row of resultRows(round.subjects)) ws.addRow(row);
  ws.columns.forEach((c, i) => {
    c.width = (RESULTS_WIDTHS_MM[i] ?? 20) / 2.2;
  });
  return { kind: 'file', name: `${spec.title}.xlsx`, mime: XLSX_MIME, content: await bufferOf(book) };
}
