export interface CalendarYearsTable {
  year: number;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

/** A local addition to the official calendar: a day off, or a weekend day worked (调休). */
export interface CalendarDaysTable {
  id: string;
  date: string;
  kind: string;
  name: string;
  /** The GB/T 2260 code prefix it applies to; '' for the whole country. */
  regionPrefix: string;
  createdAt: string;
  createdBy: string | null;
}

export interface CalendarTables {
  calendarYears: CalendarYearsTable;
  calendarDays: CalendarDaysTable;
}
