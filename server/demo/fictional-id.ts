import { checkCharacter } from '../../common/personal/id-number.js';

/**
 * A fictional ID number: valid check digit, but a county code (xx99) that GB/T 2260 does not
 * assign, so it can never be a real person's number.
 */
export function fictionalIdNumber(province: string, birth: string, sequence: string): string {
  const first17 = `${province}9999${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}
