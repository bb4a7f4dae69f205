import dayjs from 'dayjs';

/**
 * The one way the web app writes a moment (issue 11 line 7): `2026-12-02 03:05`, the year
 * always shown, in the reader's time zone. Every page's time goes through `formatTime`; a test
 * (date-time.test.ts) refuses other `dayjs(…).format` / `toLocaleString` calls in web/src.
 */
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** A moment (ISO text or Date) as `2026-12-02 03:05`; none → ''. */
export function formatTime(at: string | Date | null | undefined): string {
  return at ? dayjs(at).format(DATE_TIME_FORMAT) : '';
}
