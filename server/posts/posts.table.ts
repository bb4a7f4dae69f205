import type { Selectable } from 'kysely';

export interface PostRequestsTable {
  id: string;
  batchId: string;
  /** The receiving unit asking for the post. */
  unitId: string;
  title: string;
  level: string;
  /** JSON [{kind: 'in_charge' | 'assist', area}] — 分管 / 协管. */
  duties: string;
  /** JSON [tag]. */
  expertise: string;
  headcount: number;
  notes: string | null;
  status: string;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

/** A changed cell of the post level table (common/posts/post-levels.ts holds the defaults). */
export interface PostLevelRulesTable {
  unitKind: string;
  regionTier: string;
  /** JSON [level], the most common first. */
  levels: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface PostsTables {
  postRequests: PostRequestsTable;
  postLevelRules: PostLevelRulesTable;
}

export type PostRow = Selectable<PostRequestsTable>;
