import type { DocumentSettings } from '../../common/documents/documents.schema.js';
import {
  birthMonth,
  documentDate,
  documentNumber,
  documentTerm,
} from '../../common/documents/documents-format.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import type { LeaveDetail } from '../../common/leave/leave.schema.js';
import type { MonthlyDetail } from '../../common/monthly/monthly.schema.js';
import type { Block, DocumentSpec } from './documents.engine.js';

/**
 * The forms (ADR 036), each a DocumentSpec for the engine — pure, from data the services have
 * checked and loaded: the posting notice (挂职任职通知) and the leave form (请（销）假审批表).
 */

export interface NoticePerson {
  cadreName: string;
  gender: string;
  birthDate: string;
  position: string;
  sendingUnitName: string;
  postTitle: string;
  receivingUnitName: string;
}

export interface NoticeData {
  settings: DocumentSettings;
  programmeName: string;
  plannedStart: string;
  plannedEnd: string;
  /** The receiving region's name when the notice is one region's part of the batch. */
  regionName: string | null;
  people: NoticePerson[];
  /** China date of the day (成文日期, 印发日期, the 发文字号's year). */
  today: string;
}

const distinct = (values: string[]) => [...new Set(values)];

/** The name list's columns (mm, 156 in all), for 小四 (12 pt) text: a four-character name fits. */
export const NOTICE_WIDTHS_MM = [10, 18, 10, 18, 44, 34, 22];
/** A term in a name list: 2027.03—2028.02 (the list's own convention, as 出生年月). */
const listTerm = (from: string, to: string) => `${birthMonth(from)}—\n${birthMonth(to)}`;

export function postingNotice(d: NoticeData): DocumentSpec {
  const first = d.people[0]?.cadreName ?? '';
  const count = d.people.length;
  const receiving = distinct(d.people.map((p) => p.receivingUnitName));
  const sending = distinct(d.people.map((p) => p.sendingUnitName));
  const term = documentTerm(d.plannedStart, d.plannedEnd);
  const title =
    (count === 1
      ? t('documents.notice.titleOne', { first })
      : t('documents.notice.title', { first, count })) +
    (d.regionName ? t('documents.notice.region', { region: d.regionName }) : '');
  const intro = count === 1 ? 'documents.notice.introOne' : 'documents.notice.intro';
  const s = d.settings;
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'addressee', text: `${distinct([...receiving, ...sending]).join('，')}：` },
    {
      kind: 'paragraph',
      text: t(intro, { programme: d.programmeName, first, count, units: receiving.join('、'), term }),
    },
    { kind: 'paragraph', level: 1, text: t('documents.notice.h1') },
    { kind: 'paragraph', text: t('documents.notice.p1') },
    { kind: 'paragraph', level: 1, text: t('documents.notice.h2') },
    { kind: 'paragraph', level: 2, text: t('documents.notice.h2a') },
    { kind: 'paragraph', text: t('documents.notice.p2a') },
    { kind: 'paragraph', level: 2, text: t('documents.notice.h2b') },
    { kind: 'paragraph', text: t('documents.notice.p2b', { start: documentDate(d.plannedStart) }) },
    { kind: 'paragraph', level: 1, text: t('documents.notice.h3') },
    { kind: 'paragraph', text: t('documents.notice.p3') },
    { kind: 'attachmentNote', items: [t('documents.notice.attachment')] },
    { kind: 'signature', organ: s.organName, date: documentDate(d.today) },
    { kind: 'attachment', label: '附件', title: t('documents.notice.attachment') },
    {
      kind: 'table',
      headers: (['seq', 'name', 'gender', 'birth', 'from', 'post', 'term'] as const).map((c) =>
        t(`documents.notice.col.${c}`),
      ),
      widthsMm: NOTICE_WIDTHS_MM,
      size: 24,
      rows: d.people.map((p, k) => [
        String(k + 1),
        p.cadreName,
        t(`gender.${p.gender}` as MessageKey),
        birthMonth(p.birthDate),
        `${p.sendingUnitName}${p.position}`,
        `${p.receivingUnitName}${p.postTitle}`,
        listTerm(d.plannedStart, d.plannedEnd),
      ]),
    },
  ];
  return {
    title,
    letterhead: {
      organ: s.organMark,
      number: documentNumber(s.numberPattern, {
        code: s.organCode,
        year: Number(d.today.slice(0, 4)),
        seq: s.nextSeq,
      }),
      signer: s.signer,
    },
    blocks,
    colophon: { cc: s.cc, printer: s.organName, printDate: documentDate(d.today) },
  };
}

const halfOf = (h: string) => t(`leaveHalf.${h}` as MessageKey);
const dateOf = (iso: string | null) => (iso ? documentDate(iso) : '');

/** 请（销）假审批表: a two-column table (label, value) under the title; not a 公文 (no 版头). */
export function leaveForm(l: LeaveDetail, today: string, chinaDateOf: (iso: string) => string): DocumentSpec {
  const returned =
    l.status === 'returned' && l.returnedOn
      ? t('documents.leave.returned', { date: documentDate(l.returnedOn) })
      : l.status === 'returning' && l.returnedOn
        ? t('documents.leave.returning', { date: documentDate(l.returnedOn) })
        : t('documents.leave.notReturned');
  const rows: string[][] = [
    [t('documents.leave.name'), l.cadreName],
    [t('documents.leave.unit'), l.receivingUnitName],
    [t('documents.leave.post'), l.postingTitle],
    [t('documents.leave.kind'), t(`leaveKind.${l.kind}` as MessageKey)],
    [
      t('documents.leave.dates'),
      t('documents.leave.datesValue', {
        from: documentDate(l.startDate),
        fromHalf: halfOf(l.startHalf),
        to: documentDate(l.endDate),
        toHalf: halfOf(l.endHalf),
      }),
    ],
    [t('documents.leave.days'), t('documents.leave.daysValue', { days: l.days })],
    [t('documents.leave.reason'), l.reason],
    ...l.steps.map((s) => {
      const approver = t(`leaveApprover.${s.approver}` as MessageKey);
      const decision = t(`leaveStep.${s.decision}` as MessageKey);
      const decided = s.decision === 'approved' || s.decision === 'rejected';
      return [
        t('documents.leave.step', { approver }),
        decided
          ? t('documents.leave.stepValue', {
              decision,
              comment: s.comment ? `。${s.comment}` : '',
              by: s.decidedBy ?? s.substitute ?? '',
              date: s.decidedAt ? dateOf(chinaDateOf(s.decidedAt)) : '',
            })
          : t('documents.leave.stepWaiting', { decision }),
      ];
    }),
    [t('documents.leave.status'), t(`leaveStatus.${l.status}` as MessageKey)],
    [t('documents.leave.return'), returned],
  ];
  const title = t('documents.leave.title');
  return {
    title,
    blocks: [
      { kind: 'title', text: title },
      {
        kind: 'table',
        widthsMm: [40, 116],
        rows,
        size: 28,
        align: ['center', 'left'],
      },
      { kind: 'blank' },
      { kind: 'paragraph', text: t('documents.leave.filed', { date: documentDate(today) }) },
    ],
  };
}

export const yearMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const paragraphs = (text: string | null): Block[] =>
  (text ?? t('monthly.doc.none'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ kind: 'paragraph', text: line }));

/** 月度情况报送 (ADR 039): the facts as generated (frozen at submission) and the cadre's text. */
export function monthlyReport(r: MonthlyDetail, chinaDateOf: (iso: string) => string): DocumentSpec {
  const f = r.facts;
  const title = t('monthly.doc.title', { cadre: r.cadreName, month: yearMonth(r.month) });
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'paragraph', level: 1, text: t('monthly.doc.h1') },
    {
      kind: 'paragraph',
      text: t('monthly.doc.posting', {
        cadre: r.cadreName,
        sending: f.sendingUnitName,
        receiving: f.receivingUnitName,
        post: f.postTitle,
        duties: f.duties || t('monthly.doc.none'),
      }),
    },
    { kind: 'paragraph', level: 1, text: t('monthly.doc.h2') },
    { kind: 'paragraph', text: t('monthly.doc.attendance', f.attendance) },
    { kind: 'paragraph', level: 1, text: t('monthly.doc.h3') },
  ];
  if (f.work.length === 0) blocks.push({ kind: 'paragraph', text: t('monthly.doc.noWork') });
  f.work.forEach((w, k) => {
    blocks.push({
      kind: 'paragraph',
      level: 2,
      text: t('monthly.doc.category', {
        n: k + 1,
        category: t(`worklogCategory.${w.category}` as MessageKey),
        count: w.entries.length,
      }),
    });
    for (const e of w.entries)
      blocks.push({ kind: 'paragraph', text: `${documentDate(e.date)}，${e.title}。` });
  });
  blocks.push({ kind: 'paragraph', level: 1, text: t('monthly.doc.h4') });
  if (f.achievements.length === 0) blocks.push({ kind: 'paragraph', text: t('monthly.doc.noAchievements') });
  else
    blocks.push({
      kind: 'table',
      widthsMm: [30, 30, 56, 20, 20],
      size: 24,
      headers: ['日期', '类别', '名称', '数量', '状态'],
      rows: f.achievements.map((a) => [
        documentDate(a.date),
        t(`achievementKind.${a.kind}` as MessageKey),
        a.title,
        a.amount ?? '',
        t(`achievementStatus.${a.status}` as MessageKey),
      ]),
    });
  for (const line of f.totals)
    blocks.push({
      kind: 'paragraph',
      text: t('monthly.doc.totalLine', {
        kind: t(`achievementKind.${line.kind}` as MessageKey),
        verified: line.verifiedDisplay ?? String(line.verifiedCount),
        verifiedCount: line.verifiedCount,
        claimed: line.claimedDisplay ?? String(line.claimedCount),
        claimedCount: line.claimedCount,
      }),
    });
  blocks.push({ kind: 'paragraph', level: 1, text: t('monthly.doc.h5') }, ...paragraphs(r.summary));
  blocks.push({ kind: 'paragraph', level: 1, text: t('monthly.doc.h6') }, ...paragraphs(r.plan));
  const signed = r.versions.find((v) => v.status === 'signed');
  if (signed)
    blocks.push(
      { kind: 'blank' },
      { kind: 'paragraph', text: t('monthly.doc.signed', { date: documentDate(chinaDateOf(signed.at)) }) },
    );
  return { title, blocks };
}

// ---- assessment (issue 15 line 5, ADR 038): 考核登记表 and 考核结果汇总表 ----------------------------

/** A subject as the assessment service shows it to the caller (null: not shown to this caller). */
export interface AssessedPerson {
  cadreName: string;
  cadrePosition: string;
  sendingUnitName: string;
  receivingUnitName: string;
  postingTitle: string;
  selfReport: string | null;
  receivingOpinion: string | null;
  receivingGrade: string | null;
  sendingOpinion: string | null;
  sendingGrade: string | null;
  democratic: Record<'excellent' | 'competent' | 'basically_competent' | 'incompetent', number> | null;
  ballots: number | null;
  proposal: { score: number | null };
  finalGrade: string | null;
  finalReason: string | null;
}
export interface AssessmentRoundFacts {
  title: string;
  kind: string;
  periodFrom: string;
  periodTo: string;
  minBallots: number;
  /** The publication (已公布): its day (China date) and who published; null before. */
  published: { on: string; by: string | null } | null;
}

const gradeName = (g: string | null) => (g ? t(`grade.${g}` as MessageKey) : '');
/** 考核期: 2026年1月1日至2026年12月31日. */
export const periodOf = (r: AssessmentRoundFacts) =>
  t('assessment.form.periodValue', { from: documentDate(r.periodFrom), to: documentDate(r.periodTo) });
/** A long text in parts of at most `size` characters: a table row that does not split stays within a page. */
const partsOf = (text: string, size = 360) => {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out.length ? out : [''];
};
/** 本人述职 on the form: the report's first characters (the report itself is in the system). */
export const SELF_REPORT_SUMMARY = 300;
const summaryOf = (text: string | null) =>
  text === null ? '' : text.length > SELF_REPORT_SUMMARY ? `${text.slice(0, SELF_REPORT_SUMMARY)}……` : text;

/** 民主测评 in words: 「参加测评 6 人：优秀 2 票，称职 4 票，基本称职 0 票，不称职 0 票」. */
export function tallyText(p: Pick<AssessedPerson, 'democratic' | 'ballots'>, minBallots: number): string {
  if (p.democratic) {
    const d = p.democratic;
    return t('assessment.form.tally', {
      n: d.excellent + d.competent + d.basically_competent + d.incompetent,
      excellent: d.excellent,
      competent: d.competent,
      basic: d.basically_competent,
      incompetent: d.incompetent,
    });
  }
  if (p.ballots !== null) return t('assessment.form.tallyTooFew', { n: p.ballots, min: minBallots });
  return '';
}

/**
 * 挂职干部年度考核登记表 of one posting in a round: period, posting, the self-report's summary, the
 * receiving unit's, the sending unit's and the 组织部's opinions, the democratic tallies, the
 * score and grade, dates and approvers — what the caller may see of it, blank otherwise.
 */
export function assessmentRegistration(
  r: AssessmentRoundFacts,
  p: AssessedPerson,
  today: string,
): DocumentSpec {
  const title = t('assessment.form.registrationTitle', { kind: t(`roundKind.${r.kind}` as MessageKey) });
  const opinion = (text: string | null, grade: string | null, unit: string) =>
    text === null
      ? ''
      : `${text}\n${t('assessment.form.proposedGrade', { grade: gradeName(grade) })}\n${t('assessment.form.unitSign', { unit })}`;
  const long = (label: string, text: string) =>
    partsOf(text).map((part, k) => [k === 0 ? label : t('assessment.form.continued', { label }), part]);
  const organiser =
    p.finalGrade === null
      ? ''
      : [
          t('assessment.form.finalGrade', { grade: gradeName(p.finalGrade) }),
          p.finalReason ?? '',
          r.published
            ? t('assessment.form.approved', {
                by: r.published.by ?? '',
                date: documentDate(r.published.on),
              })
            : t('assessment.form.notPublished'),
        ]
          .filter(Boolean)
          .join('\n');
  const rows: string[][] = [
    [t('assessment.form.round'), r.title],
    [t('assessment.form.period'), periodOf(r)],
    [t('assessment.form.name'), p.cadreName],
    [t('assessment.form.from'), `${p.sendingUnitName}${p.cadrePosition}`],
    [t('assessment.form.post'), `${p.receivingUnitName}${p.postingTitle}`],
    ...long(t('assessment.form.selfReport'), summaryOf(p.selfReport)),
    ...long(
      t('assessment.form.receivingOpinion'),
      opinion(p.receivingOpinion, p.receivingGrade, p.receivingUnitName),
    ),
    ...long(
      t('assessment.form.sendingOpinion'),
      opinion(p.sendingOpinion, p.sendingGrade, p.sendingUnitName),
    ),
    [t('assessment.form.democratic'), tallyText(p, r.minBallots)],
    [t('assessment.form.score'), p.proposal.score === null ? '' : String(p.proposal.score)],
    ...long(t('assessment.form.organiserOpinion'), organiser),
    [t('assessment.form.grade'), gradeName(p.finalGrade)],
  ];
  return {
    title,
    blocks: [
      { kind: 'title', text: title },
      { kind: 'table', widthsMm: [48, 108], rows, size: 28, align: ['center', 'left'] },
      { kind: 'blank' },
      { kind: 'paragraph', text: t('assessment.form.filed', { date: documentDate(today) }) },
    ],
  };
}

// ---- the appraisal (issue 15 lines 4 and 5, ADR 041): 挂职干部鉴定表 ------------------------------

export interface AppraisalFacts {
  cadreName: string;
  cadrePosition: string;
  sendingUnitName: string;
  receivingUnitName: string;
  postingTitle: string;
  startDate: string | null;
  endDate: string;
  duties: string;
  summary: string | null;
  text: string | null;
  /** When the receiving unit submitted it last (China date), null while a draft. */
  submittedOn: string | null;
  /** The 组织部's countersignature: day (China date), who, and its opinion; null before. */
  countersigned: { on: string; by: string | null; comment: string | null } | null;
}

/**
 * 挂职干部鉴定表: the posting, the cadre's term summary, the receiving unit's appraisal and the
 * 组织部's countersignature — the long texts split into rows that stay within a page.
 */
export function appraisalForm(a: AppraisalFacts, today: string): DocumentSpec {
  const title = t('appraisals.form.title');
  const long = (label: string, text: string) =>
    partsOf(text).map((part, k) => [k === 0 ? label : t('assessment.form.continued', { label }), part]);
  const signed = (text: string, unit: string, on: string | null) =>
    [text, t('assessment.form.unitSign', { unit }), on ? documentDate(on) : ''].filter(Boolean).join('\n');
  const organiser = a.countersigned
    ? signed(
        a.countersigned.comment || t('appraisals.form.agreed'),
        t('appraisals.form.organiser'),
        a.countersigned.on,
      ) + (a.countersigned.by ? `\n${t('appraisals.form.by', { by: a.countersigned.by })}` : '')
    : '';
  const rows: string[][] = [
    [t('assessment.form.name'), a.cadreName],
    [t('assessment.form.from'), `${a.sendingUnitName}${a.cadrePosition}`],
    [t('assessment.form.post'), `${a.receivingUnitName}${a.postingTitle}`],
    [
      t('appraisals.form.term'),
      t('assessment.form.periodValue', {
        from: a.startDate ? documentDate(a.startDate) : '',
        to: documentDate(a.endDate),
      }),
    ],
    [t('appraisals.form.duties'), a.duties],
    ...long(t('appraisals.form.summary'), a.summary ?? ''),
    ...long(
      t('appraisals.form.appraisal'),
      a.text === null ? '' : signed(a.text, a.receivingUnitName, a.submittedOn),
    ),
    ...long(t('appraisals.form.organiserOpinion'), organiser),
  ];
  return {
    title,
    blocks: [
      { kind: 'title', text: title },
      { kind: 'table', widthsMm: [48, 108], rows, size: 28, align: ['center', 'left'] },
      { kind: 'blank' },
      { kind: 'paragraph', text: t('assessment.form.filed', { date: documentDate(today) }) },
    ],
  };
}

/** The 考核结果汇总表's columns (mm, 156 in all), for 小四 text. */
export const RESULTS_WIDTHS_MM = [10, 16, 32, 32, 20, 20, 26];

/** One line of the result list: 序号, 姓名, 原单位及职务, 挂职单位及职务, 综合得分, 等次, 备注. */
export function resultRows(people: AssessedPerson[]): string[][] {
  return people.map((p, k) => [
    String(k + 1),
    p.cadreName,
    `${p.sendingUnitName}${p.cadrePosition}`,
    `${p.receivingUnitName}${p.postingTitle}`,
    p.proposal.score === null ? '' : String(p.proposal.score),
    gradeName(p.finalGrade),
    p.finalReason ?? '',
  ]);
}
export const resultHeaders = () =>
  (['seq', 'name', 'from', 'post', 'score', 'grade', 'note'] as const).map((c) =>
    t(`assessment.form.col.${c}`),
  );

/** 考核结果汇总表 of a round: the subjects the caller sees, in the round's order. */
export function assessmentResults(
  r: AssessmentRoundFacts,
  people: AssessedPerson[],
  today: string,
): DocumentSpec {
  const title = t('assessment.form.resultsTitle', { round: r.title });
  return {
    title,
    blocks: [
      { kind: 'title', text: title },
      {
        kind: 'paragraph',
        text: t('assessment.form.resultsIntro', { period: periodOf(r), count: people.length }),
      },
      {
        kind: 'table',
        headers: resultHeaders(),
        widthsMm: RESULTS_WIDTHS_MM,
        size: 24,
        rows: resultRows(people),
      },
      { kind: 'blank' },
      {
        kind: 'paragraph',
        text: r.published
          ? t('assessment.form.resultsPublished', { date: documentDate(r.published.on) })
          : t('assessment.form.resultsDraft'),
      },
      { kind: 'paragraph', text: t('assessment.form.filed', { date: documentDate(today) }) },
    ],
  };
}
