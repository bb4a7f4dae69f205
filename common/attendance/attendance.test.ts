import { describe, expect, it } from 'vitest';
import {
  daySymbol,
  type GridInput,
  haversineMetres,
  monthDays,
  monthGrid,
  previousMonth,
} from './attendance.js';

const weekday = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
};
const base: GridInput = {
  month: '2026-03',
  isWorking: weekday,
  postingStart: '2026-01-05',
  postingEnd: '2026-12-31',
  records: [],
  leaves: [],
  today: '2026-12-03',
};

describe('haversineMetres', () => {
  it('is 0 for one point and about 111.2 km for one degree of latitude', () => {
    expect(haversineMetres({ lat: 26.6, lng: 106.7 }, { lat: 26.6, lng: 106.7 })).toBe(0);
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -1);
  });
  it('measures Guiyang to Kaili (about 147 km) and a short walk', () => {
    const guiyang = { lat: 26.647, lng: 106.63 };
    const kaili = { lat: 26.566, lng: 107.982 };
    expect(haversineMetres(guiyang, kaili) / 1000).toBeGreaterThan(130);
    expect(haversineMetres(guiyang, kaili) / 1000).toBeLessThan(140);
    // 0.005° of latitude ≈ 556 m
    expect(haversineMetres(guiyang, { lat: 26.652, lng: 106.63 })).toBeCloseTo(556, -1);
  });
});

describe('monthDays / previousMonth', () => {
  it('lists the days of February in a leap and a common year, and steps back a month', () => {
    expect(monthDays('2024-02')).toHaveLength(29);
    expect(monthDays('2026-02')).toHaveLength(28);
    expect(monthDays('2026-12').at(-1)).toBe('2026-12-31');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-12')).toBe('2026-11');
  });
});

describe('monthGrid', () => {
  it('with nothing recorded: every working day is missing, weekends are rest', () => {
    const { days, totals } = monthGrid(base);
    expect(totals.workingDays).toBe(22);
    expect(totals.missing).toBe(22);
    expect(days[0]).toMatchObject({ date: '2026-03-01', kind: 'rest' });
    expect(days[1]).toMatchObject({ date: '2026-03-02', kind: 'missing' });
    expect(daySymbol(days[0] as never)).toBe('○');
    expect(daySymbol(days[1] as never)).toBe('');
  });

  it('counts check-ins, absences, far check-ins and 5 working days of 探亲假 over a weekend', () => {
    const { days, totals } = monthGrid({
      ...base,
      records: [
        { date: '2026-03-02', status: 'present', source: 'checkin', far: false },
        { date: '2026-03-03', status: 'present', source: 'checkin', far: true },
        { date: '2026-03-04', status: 'absent', source: 'manager', far: false },
      ],
      leaves: [
        {
          kind: 'family_visit',
          startDate: '2026-03-11',
          startHalf: 'am',
          endDate: '2026-03-17',
          endHalf: 'pm',
          returnedOn: '2026-03-18',
          overdue: false,
        },
      ],
    });
    expect(totals).toMatchObject({
      present: 2,
      absent: 1,
      far: 1,
      leaveTotal: 5,
      leave: { family_visit: 5 },
    });
    expect(totals.missing).toBe(22 - 3 - 5);
    expect(days.map(daySymbol).slice(0, 4)).toEqual(['○', '√', '√', '×']);
    // 03-14/15 are the weekend inside the leave: rest, not leave
    expect(days.slice(10, 17).map(daySymbol)).toEqual(['探', '探', '探', '○', '○', '探', '探']);
  });

  it('counts half days 0.5 with the other half from the record; a correction wins over leave', () => {
    const { days, totals } = monthGrid({
      ...base,
      records: [
        { date: '2026-03-02', status: 'present', source: 'checkin', far: false },
        { date: '2026-03-05', status: 'absent', source: 'manager', far: false },
      ],
      leaves: [
        {
          kind: 'sick',
          startDate: '2026-03-02',
          startHalf: 'pm',
          endDate: '2026-03-03',
          endHalf: 'am',
          returnedOn: null,
          overdue: false,
        },
        {
          kind: 'personal',
          startDate: '2026-03-05',
          startHalf: 'am',
          endDate: '2026-03-05',
          endHalf: 'pm',
          returnedOn: null,
          overdue: true,
        },
      ],
    });
    expect(totals.leave).toEqual({ sick: 1 });
    expect(totals.present).toBe(0.5);
    expect(totals.absent).toBe(1);
    expect(totals.unreturned).toBe(1);
    expect(daySymbol(days[1] as never)).toBe('病√');
    expect(daySymbol(days[2] as never)).toBe('病');
    expect(days[4]?.kind).toBe('absent');
  });

  it('an early 销假 ends the leave the day before; days outside the posting and after today are not due', () => {
    const { days, totals } = monthGrid({
      ...base,
      postingStart: '2026-03-10',
      postingEnd: '2026-03-20',
      today: '2026-03-18',
      leaves: [
        {
          kind: 'annual',
          startDate: '2026-03-10',
          startHalf: 'am',
          endDate: '2026-03-13',
          endHalf: 'pm',
          returnedOn: '2026-03-12',
          overdue: false,
        },
      ],
    });
    expect(totals.leave).toEqual({ annual: 2 });
    expect(days[8]?.kind).toBe('out');
    expect(days[11]?.kind).toBe('missing');
    expect(days[18]?.kind).toBe('future');
    expect(days[20]?.kind).toBe('out');
    // 10..20: 9 working days; 2 leave, 03-19/20 not due: 5 missing
    expect(totals.workingDays).toBe(9);
    expect(totals.missing).toBe(5);
  });
});
