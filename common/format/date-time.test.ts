import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTime } from './date-time.js';

const WEB = path.resolve(import.meta.dirname, '../../web/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('one date format everywhere (issue 11 line 7)', () => {
  it('writes a moment as 2026-12-02 03:05, the year always shown, and nothing for none', () => {
    const at = new Date(2026, 11, 2, 3, 5, 42);
    expect(formatTime(at)).toBe('2026-12-02 03:05');
    expect(formatTime(at.toISOString())).toBe('2026-12-02 03:05');
    expect(formatTime(new Date(2020, 0, 9, 23, 59))).toBe('2020-01-09 23:59');
    expect(formatTime(null)).toBe('');
  });

  it('is the only way web pages write times: no other dayjs(…).format or toLocaleString', () => {
    const offending = sources(WEB).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(WEB, file)}:${i + 1}` }))
        .filter(
          ({ line }) =>
            /toLocale(Date|Time)?String|Intl\.DateTimeFormat/.test(line) ||
            // a format naming hours, or a date pattern without the year
            /\.format\(\s*['"`][^'"`T]*(HH|hh)/.test(line) ||
            /\.format\(\s*['"`]MM-DD/.test(line),
        )
        .map(({ at }) => at),
    );
    expect(offending).toEqual([]);
  });
});
