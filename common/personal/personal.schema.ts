import { z } from 'zod';
import { idNumberProblems, normalizeIdNumber } from './id-number.js';

/** Mobile (11 digits) or landline with area code and optional extension. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** A phone number as typed: trimmed, then the pattern. Fields add their own optionality. */
export const zPhoneInput = z.string().trim().regex(PHONE_PATTERN, { message: 'phone.pattern' });

/** An ID number as typed: trimmed, upper-case X, checked as GB 11643 (region, birth date, check digit). */
export const zIdNumberInput = z
  .string()
  .trim()
  .transform(normalizeIdNumber)
  .superRefine((v, ctx) => {
    const problem = idNumberProblems(v)[0];
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
