import type { Selectable } from 'kysely';

export interface AchievementsTable {
  id: string;
  postingId: string;
  cadreId: string;
  kind: string;
  title: string;
  /** The decimal as entered (normalised), null for an entry without an amount. */
  amount: string | null;
  unit: string | null;
  /** money | people | households | items | times (achievement-amount.ts). */
  dimension: string | null;
  /** The amount in base units (分 for money), ≤ 10^13: an exact integer on both databases. */
  baseAmount: number | null;
  date: string;
  description: string | null;
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

export interface AchievementsTables {
  achievements: AchievementsTable;
}

export type AchievementRow = Selectable<AchievementsTable>;
