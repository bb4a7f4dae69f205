import type { Selectable } from 'kysely';

/** One posting's day: the cadre's check-in or the receiving unit's entry (unique per posting and date). */
export interface AttendanceRecordsTable {
  id: string;
  postingId: string;
  date: string;
  /** 'present' (在岗) | 'absent' (缺勤). */
  status: string;
  /** 'checkin' (the cadre) | 'manager' (the receiving unit's absence or correction). */
  source: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  /** Metres from the receiving unit's place at the check-in; null without a position or a place. */
  distanceM: number | null;
  /** 1 when the check-in was farther than the place's radius. */
  far: number;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

/** A receiving unit's place: where its cadres check in, and how far counts as there. */
export interface AttendancePlacesTable {
  unitId: string;
  lat: number;
  lng: number;
  radiusM: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AttendanceTables {
  attendanceRecords: AttendanceRecordsTable;
  attendancePlaces: AttendancePlacesTable;
}

export type AttendanceRecordRow = Selectable<AttendanceRecordsTable>;
