import type { Selectable } from 'kysely';

export interface LeaveRequestsTable {
  id: string;
  postingId: string;
  cadreId: string;
  kind: string;
  startDate: string;
  /** 'am': from the morning, 'pm': from the afternoon. */
  startHalf: string;
  endDate: string;
  /** 'am': until noon, 'pm': the whole last day. */
  endHalf: string;
  /** The length in half working days. */
  halfDays: number;
  reason: string;
  status: string;
  /** The seq of the step waiting for a decision; null once none waits. */
  currentStep: number | null;
  returnedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface LeaveStepsTable {
  id: string;
  leaveId: string;
  seq: number;
  approver: string;
  decision: string;
  comment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  substituteUserId: string | null;
  substituteNamedBy: string | null;
}

export interface LeaveRoutesTable {
  programmeId: string;
  rules: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface LeaveTables {
  leaveRequests: LeaveRequestsTable;
  leaveSteps: LeaveStepsTable;
  leaveRoutes: LeaveRoutesTable;
}

export type LeaveRow = Selectable<LeaveRequestsTable>;
export type LeaveStepRow = Selectable<LeaveStepsTable>;
