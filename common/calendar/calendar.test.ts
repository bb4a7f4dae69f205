import { describe, expect, it } from 'vitest';
import { OFFICIAL } from '../../server/calendar/calendar.official.js';
import { leaveHalfDays, workingCalendar } from './calendar.js';

const cal = workingCalendar(OFFICIAL, [], [], null);

describe('the working-day calendar (chinese-days and local days)', () => {
  it('knows the package years and no later ones', () => {
    expect(OFFICIAL.years).toContain(2026);
    expect(cal.unknownYear('2026-01-01', '2026-12-31')).toBeNull();
    expect(cal.unknownYear('2026-12-01', '2027-01-31')).toBe(2027);
  });

  it('2026 国庆: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorking(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorking('2026-09-20')).toBe(true);
    expect(cal.isWorking('2026-10-10')).toBe(true);
    expect(cal.isWorking('2026-10-11')).toBe(false);
    // 09-28 (Mon) .. 10-11 (Sun): 09-28..09-30 and 10-08..10-10 → 6
    expect(cal.workingDays('2026-09-28', '2026-10-11')).toBe(6);
    const { holidays, makeUpDays } = cal.specialDays('2026-09-28', '2026-10-11');
    expect(holidays.map((h) => h.date)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `2026-10-0${d}`));
    expect(holidays[0]?.name).toBe('国庆节');
    expect(makeUpDays.map((h) => h.date)).toEqual(['2026-10-10']);
    // 中秋 (09-25, a Friday, to 09-27) comes before, with Sunday 09-20 worked
    expect(cal.specialDays('2026-09-14', '2026-09-27').makeUpDays.map((h) => h.date)).toEqual(['2026-09-20']);
    expect(cal.isWorking('2026-09-25')).toBe(false);
  });

  it('2026 春节: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(cal.workingDays('2026-02-15', '2026-02-23')).toBe(0);
    expect(cal.isWorking('2026-02-14')).toBe(true);
    expect(cal.isWorking('2026-02-28')).toBe(true);
    // 02-09 (Mon) .. 03-01 (Sun): 5 + 02-14 + 02-24..02-27 + 02-28 = 11
    expect(cal.workingDays('2026-02-09', '2026-03-01')).toBe(11);
  });

  it('a half day next to a weekend counts half, the weekend nothing', () => {
    // Friday 2026-03-06 afternoon to Monday 03-09 morning: 0.5 + 0.5
    expect(leaveHalfDays(cal, '2026-03-06', 'pm', '2026-03-09', 'am')).toBe(2);
    // Friday afternoon through Sunday: 0.5
    expect(leaveHalfDays(cal, '2026-03-06', 'pm', '2026-03-08', 'pm')).toBe(1);
    // a Saturday alone: nothing
    expect(leaveHalfDays(cal, '2026-03-07', 'am', '2026-03-07', 'pm')).toBe(0);
    // the make-up Saturday 10-10 morning counts
    expect(leaveHalfDays(cal, '2026-10-10', 'am', '2026-10-10', 'am')).toBe(1);
  });

  it('local days: an added year, a province’s extra day off, a region-specific make-up day', () => {
    const local = workingCalendar(
      OFFICIAL,
      [2027],
      [
        { date: '2026-03-09', kind: 'holiday', name: '地方节日', regionPrefix: '52' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦', regionPrefix: '' },
      ],
      '520102',
    );
    expect(local.unknownYear('2027-01-01', '2027-02-01')).toBeNull();
    expect(local.isWorking('2026-03-09')).toBe(false);
    expect(local.isWorking('2027-01-01')).toBe(false);
    expect(
      workingCalendar(
        OFFICIAL,
        [],
        [{ date: '2026-03-09', kind: 'holiday', name: 'x', regionPrefix: '52' }],
        '320508',
      ).isWorking('2026-03-09'),
    ).toBe(true);
  });
});
