import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.js';

describe('CSV cells', () => {
  it('quote, double quotes and neutralise formulas', () => {
    expect(csvCell('张三')).toBe('"张三"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${lead}SUM(A1)`)).toBe(`"'${lead}SUM(A1)"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('"42"');
  });
});
