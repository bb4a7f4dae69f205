import { describe, expect, it } from 'vitest';
import { zCadreInput, zRelative, zResumeEntry } from '../cadres/cadres.schema.js';
import { zNominationInput } from '../nominations/nominations.schema.js';
import { zUnitInput, zUnitListQuery } from '../units/units.schema.js';
import { textLimits } from './text.js';

describe('textLimits: the web forms read their limits from the shared schemas', () => {
  it('finds min and max through optional, nullable, transform and pipe wrappers', () => {
    expect(textLimits(zUnitInput.shape.name)).toEqual({ min: 2, max: 100 });
    expect(textLimits(zUnitInput.shape.contactName)).toEqual({ min: 0, max: 50 });
    expect(textLimits(zUnitListQuery.shape.q)).toEqual({ min: 0, max: 50 });
    expect(textLimits(zCadreInput.shape.name)).toEqual({ min: 2, max: 30 });
    expect(textLimits(zResumeEntry.shape.unitName)).toEqual({ min: 2, max: 100 });
    expect(textLimits(zRelative.shape.position)).toEqual({ min: 0, max: 60 });
    expect(textLimits(zNominationInput.shape.justification)).toEqual({ min: 0, max: 1000 });
  });

  it('the limits read are the ones the schema enforces', () => {
    const { max } = textLimits(zUnitInput.shape.contactName);
    expect(zUnitInput.shape.contactName.safeParse('字'.repeat(max)).success).toBe(true);
    expect(zUnitInput.shape.contactName.safeParse('字'.repeat(max + 1)).success).toBe(false);
  });

  it('refuses a schema without a maximum length', () => {
    expect(() => textLimits(zCadreInput.shape.gender)).toThrow(/not a text schema/);
  });
});
