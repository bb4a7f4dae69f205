/** Time comes from a clock so tests can move it (idle timeout, lockout) without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  #ms: number;
  constructor(start = Date.parse('2026-01-05T01:00:00.000Z')) {
    this.#ms = start;
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The calendar date in China (UTC+8, no daylight saving) at this instant: `2026-12-02`. */
export const chinaDate = (at: Date): string => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);

/** Whole days from date `from` to date `to` (`YYYY-MM-DD`; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / (24 * HOUR));

/** The date `days` after date `date` (`YYYY-MM-DD`; before it when negative). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(date) + days * 24 * HOUR).toISOString().slice(0, 10);
