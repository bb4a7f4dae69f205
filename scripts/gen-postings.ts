// The registry side of `npm run gen:data -- --postings N`: a programme with batches of up to
// 1,000 postings each (the size of a real cohort), each posting on an approved post request of
// a receiving unit, from an accepted nomination of an existing cadre, 在岗 since `start`.
// Written with bulk inserts, not through the services: the services' rules are tested
// elsewhere; here only the shape of the data matters (what the benchmarks read).

import { randomUUID } from 'node:crypto';
import { DEFAULT_ELIGIBILITY } from '../common/programmes/programmes.schema.js';
import { insertRows } from '../server/core/bulk-insert.js';
import type { AppContext } from '../server/core/context.js';
import { pinyinKeys } from '../server/core/pinyin.js';
import { inTransaction } from '../server/core/transaction.js';
import type { NominationsTable } from '../server/nominations/nominations.table.js';
import type { PostingsTable } from '../server/postings/postings.table.js';
import type { PostRequestsTable } from '../server/posts/posts.table.js';

export const POSTINGS_PER_BATCH = 1000;

const TITLES = ['副县长（挂职）', '副局长（挂职）', '副镇长（挂职）', '县长助理（挂职）', '副主任（挂职）'];
const AREAS = ['招商引资', '乡村振兴', '东西部协作', '教育', '卫生健康', '农业农村', '文化旅游', '交通运输'];

export interface GeneratedPosting {
  id: string;
  batchId: string;
  programmeId: string;
  cadreId: string;
  sendingUnitId: string;
  receivingUnitId: string;
  receivingRegionCode: string;
  startDate: string;
  endDate: string;
}

/**
 * Writes `count` 在岗 postings for the first `count` cadres of `cadres` (each at most once, as
 * the database demands), received by units of `receivingUnits`, from `start` to `end`.
 */
export async function generatePostings(
  ctx: AppContext,
  o: {
    count: number;
    cadres: readonly { id: string; unitId: string }[];
    receivingUnits: readonly { id: string; regionCode: string }[];
    start: string;
    end: string;
    pick: <T>(xs: readonly T[]) => T;
    onProgress?: (done: number) => void;
  },
): Promise<GeneratedPosting[]> {
  const now = new Date().toISOString();
  const stamp = { version: 1, createdAt: now, updatedAt: now, createdBy: null, updatedBy: null };
  const programmeId = randomUUID();
  const name = `生成数据挂职项目${now.slice(0, 10)}-${programmeId.slice(0, 4)}`;
  const keys = pinyinKeys(name);
  await insertRows(ctx.db, 'programmes', [
    {
      id: programmeId,
      name,
      namePinyin: keys.full,
      nameInitials: keys.initials,
      kind: 'cross_region',
      regionCode: o.receivingUnits[0]?.regionCode.slice(0, 2).padEnd(6, '0') ?? '520000',
      description: '由 npm run gen:data 生成的虚构数据',
      ...stamp,
    },
  ]);
  const out: GeneratedPosting[] = [];
  const count = Math.min(o.count, o.cadres.length);
  for (let b = 0; b * POSTINGS_PER_BATCH < count; b++) {
    const batchId = randomUUID();
    const cadres = o.cadres.slice(b * POSTINGS_PER_BATCH, Math.min(count, (b + 1) * POSTINGS_PER_BATCH));
    const posts: PostRequestsTable[] = [];
    const nominations: NominationsTable[] = [];
    const postings: PostingsTable[] = [];
    for (const cadre of cadres) {
      const unit = o.pick(o.receivingUnits);
      const postId = randomUUID();
      const nominationId = randomUUID();
      const title = o.pick(TITLES);
      const duties = JSON.stringify([
        { kind: 'in_charge', area: o.pick(AREAS) },
        { kind: 'assist', area: o.pick(AREAS) },
      ]);
      posts.push({
        id: postId,
        batchId,
        unitId: unit.id,
        title,
        level: 'division_deputy',
        duties,
        expertise: '[]',
        headcount: 1,
        notes: null,
        status: 'approved',
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: now,
        ...stamp,
      });
      nominations.push({
        id: nominationId,
        batchId,
        cadreId: cadre.id,
        unitId: cadre.unitId,
        status: 'accepted',
        eligible: 1,
        reasons: '[]',
        justification: '生成数据：经单位党委研究同意推荐',
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: now,
        ...stamp,
      });
      const posting: GeneratedPosting = {
        id: randomUUID(),
        batchId,
        programmeId,
        cadreId: cadre.id,
        sendingUnitId: cadre.unitId,
        receivingUnitId: unit.id,
        receivingRegionCode: unit.regionCode,
        startDate: o.start,
        endDate: o.end,
      };
      out.push(posting);
      postings.push({
        ...posting,
        nominationId,
        postRequestId: postId,
        title,
        duties,
        dutiesText: null,
        plannedStart: o.start,
        plannedEnd: o.end,
        finishedOn: null,
        returnedOn: null,
        status: 'active',
        matchRunId: null,
        ...stamp,
      });
    }
    await inTransaction(ctx, async (tx) => {
      await insertRows(tx.db, 'batches', [
        {
          id: batchId,
          programmeId,
          name: `第${b + 1}批`,
          plannedStart: o.start,
          plannedEnd: o.end,
          termMonths: 12,
          status: 'on_post',
          eligibility: JSON.stringify(DEFAULT_ELIGIBILITY),
          ...stamp,
        },
      ]);
      await insertRows(tx.db, 'postRequests', posts);
      await insertRows(tx.db, 'nominations', nominations);
      await insertRows(tx.db, 'postings', postings);
    });
    o.onProgress?.(out.length);
  }
  return out;
}
