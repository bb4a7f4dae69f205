import type { AppraisalDetail } from '../../common/appraisals/appraisals.schema.js';
import type { LeaveFormQuery } from '../../common/documents/documents.schema.js';
import { chinaDate } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { appraisalForm } from '../documents/documents.forms.js';
import { answer, type DocumentAnswer, today } from '../documents/documents.service.js';
import { findPosting, type PostingView } from '../postings/postings.repository.js';
import { dutiesOf } from '../postings/postings.service.js';
import { get } from './appraisals.service.js';

const dayOf = (iso: string) => chinaDate(new Date(iso));

/** 挂职干部鉴定表's spec and file name (without .docx), from the appraisal as the caller reads it. */
export async function appraisalSpec(ctx: AppContext, actor: Actor, id: string) {
  const a: AppraisalDetail = await get(ctx, actor, id);
  const p = (await findPosting(ctx.db, a.postingId)) as PostingView;
  const submitted = a.versions.find((v) => v.status === 'submitted');
  const countersigned = a.versions.find((v) => v.status === 'countersigned');
  const position = await ctx.db
    .selectFrom('cadres')
    .select('position')
    .where('id', '=', p.cadreId)
    .executeTakeFirstOrThrow();
  const spec = appraisalForm(
    {
      cadreName: a.cadreName,
      cadrePosition: position.position,
      sendingUnitName: a.sendingUnitName,
      receivingUnitName: a.receivingUnitName,
      postingTitle: a.postingTitle,
      startDate: a.startDate,
      endDate: p.finishedOn ?? a.endDate,
      duties: dutiesOf(p),
      summary: a.summary,
      text: a.text,
      submittedOn: a.status === 'draft' || !submitted ? null : dayOf(submitted.at),
      countersigned: countersigned
        ? { on: dayOf(countersigned.at), by: countersigned.by, comment: countersigned.comment }
        : null,
    },
    today(ctx),
  );
  return { spec, name: `${spec.title}_${a.cadreName}` };
}

export async function appraisalDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: LeaveFormQuery,
): Promise<DocumentAnswer> {
  const { spec, name } = await appraisalSpec(ctx, actor, id);
  return answer(spec, name, q);
}
