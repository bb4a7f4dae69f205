import type { Executor } from '../core/database.js';

/**
 * What the end of term still needs (issue 15 line 7), for postings the caller already reached
 * through its list (so no scope here: the ids come from `postings.list`).
 */
export interface TermEndFacts {
  /** The appraisal's status and whether the cadre's term summary is written; null: no appraisal. */
  appraisal: { status: string; summary: boolean } | null;
  /** A published 期满考核 has decided its final grade (不定等次 and 不考核 included). */
  assessed: boolean;
  /** The months (YYYY-MM) whose monthly report is signed off. */
  signedMonths: Set<string>;
}

/** Kept under every database's bound-parameter limit. */
const CHUNK = 500;

export async function termEndFacts(db: Executor, postingIds: string[]): Promise<Map<string, TermEndFacts>> {
  const facts = new Map<string, TermEndFacts>(
    postingIds.map((id) => [id, { appraisal: null, assessed: false, signedMonths: new Set<string>() }]),
  );
  for (let i = 0; i < postingIds.length; i += CHUNK) {
    const ids = postingIds.slice(i, i + CHUNK);
    const [appraisals, assessed, signed] = await Promise.all([
      db
        .selectFrom('appraisals')
        .select(['postingId', 'status', 'summary'])
        .where('postingId', 'in', ids)
        .execute(),
      db
        .selectFrom('assessmentSubjects as s')
        .innerJoin('assessmentRounds as r', 'r.id', 's.roundId')
        .select('s.postingId')
        .where('s.postingId', 'in', ids)
        .where('r.kind', '=', 'end_of_term')
        .where('r.status', '=', 'published')
        .where('s.finalGrade', 'is not', null)
        .execute(),
      db
        .selectFrom('monthlyReports')
        .select(['postingId', 'month'])
        .where('postingId', 'in', ids)
        .where('status', '=', 'signed')
        .execute(),
    ]);
    for (const a of appraisals) {
      const f = facts.get(a.postingId);
      if (f) f.appraisal = { status: a.status, summary: Boolean(a.summary?.trim()) };
    }
    for (const s of assessed) {
      const f = facts.get(s.postingId);
      if (f) f.assessed = true;
    }
    for (const m of signed) facts.get(m.postingId)?.signedMonths.add(m.month);
  }
  return facts;
}
