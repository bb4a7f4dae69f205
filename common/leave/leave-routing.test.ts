import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, type RoutingRule, routeOf } from './leave-routing.js';

/** Lengths are in half working days: 3.5 days is 7. */
const days = (d: number) => d * 2;

describe('the leave routing table', () => {
  it('the default at its edges: 3 → receiving unit; 3.5 and 7 → + receiving 组织部; 7.5 → + programme 组织部', () => {
    expect(routeOf(DEFAULT_ROUTING, days(0.5), 'other')).toEqual(['receiving_unit']);
    expect(routeOf(DEFAULT_ROUTING, days(3), 'section_deputy')).toEqual(['receiving_unit']);
    expect(routeOf(DEFAULT_ROUTING, days(3.5), 'section_deputy')).toEqual([
      'receiving_unit',
      'receiving_org',
    ]);
    expect(routeOf(DEFAULT_ROUTING, days(7), 'bureau_chief')).toEqual(['receiving_unit', 'receiving_org']);
    expect(routeOf(DEFAULT_ROUTING, days(7.5), 'bureau_chief')).toEqual([
      'receiving_unit',
      'receiving_org',
      'programme_org',
    ]);
  });

  it('a programme’s table by level: the first rule that fits wins', () => {
    const rules: RoutingRule[] = [
      {
        upToDays: null,
        rankLevels: ['bureau_chief', 'bureau_deputy'],
        approvers: ['receiving_unit', 'programme_org'],
      },
      { upToDays: 5, rankLevels: null, approvers: ['receiving_unit'] },
      { upToDays: null, rankLevels: null, approvers: ['receiving_unit', 'receiving_org'] },
    ];
    for (const level of ['bureau_chief', 'bureau_deputy'])
      expect(routeOf(rules, days(1), level)).toEqual(['receiving_unit', 'programme_org']);
    expect(routeOf(rules, days(5), 'division_chief')).toEqual(['receiving_unit']);
    expect(routeOf(rules, days(5.5), 'division_chief')).toEqual(['receiving_unit', 'receiving_org']);
    // a table that fits nobody (not accepted by the API) falls back to the longest chain
    expect(
      routeOf([{ upToDays: 1, rankLevels: null, approvers: ['receiving_unit'] }], days(2), 'other'),
    ).toHaveLength(3);
  });
});
