import { z } from 'zod';

/**
 * Text the API accepts from people: names, titles and other display fields, and multi-line
 * free text. One place decides what a name may contain and how it is normalised, so that two
 * names that look the same are stored the same (and the duplicate checks see them as one).
 *
 * - Unicode NFC; leading and trailing white space and zero-width characters dropped; inner runs
 *   of white space (including the ideographic space and NBSP) become one space (names only).
 * - Refused, with a Chinese message: C0/C1 control characters (a multi-line field keeps tab
 *   and line breaks), bidirectional overrides and isolates (U+202A–202E, U+2066–2069) and, in
 *   names and display fields, zero-width characters (U+200B–200D, U+2060, U+FEFF) inside.
 *
 * Ill-formed UTF-16 (a lone surrogate) and NUL never reach these schemas: the server refuses
 * them in every body, query and path before any handler (server/core/http.ts: refuseBadText).
 */

const ZERO_WIDTH = '\\u200B-\\u200D\\u2060\\uFEFF';
const EDGES = new RegExp(`^[\\s${ZERO_WIDTH}]+|[\\s${ZERO_WIDTH}]+$`, 'gu');
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const ZERO_WIDTH_INSIDE = new RegExp(`[${ZERO_WIDTH}]`, 'u');
/** With the `u` flag a surrogate pair is one code point: only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

/** NUL: PostgreSQL stores no text holding it, so no text the API accepts may. */
export const hasNul = (text: string): boolean => text.includes('\u0000');

/** Whether a string is well-formed UTF-16 (String.prototype.isWellFormed, ES2024). */
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** A lone surrogate becomes U+FFFD, as UTF-8 encoding would make it (String.prototype.toWellFormed). */
export const toWellFormed = (text: string): string => text.replace(LONE_SURROGATES, '\uFFFD');

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Why no API may accept a text: a lone surrogate, or a NUL. */
export type TextFault = 'validation.illFormedText' | 'validation.nulText';

const faultOf = (text: string): TextFault | null =>
  !isWellFormed(text) ? 'validation.illFormedText' : hasNul(text) ? 'validation.nulText' : null;

/**
 * Every string of a parsed JSON value (keys included) that no API accepts, with its path
 * (`a.b.0`); a value of another kind (a Buffer, a number) has none.
 */
export function textFaults(
  value: unknown,
  at: string[] = [],
  out: { path: string; fault: TextFault }[] = [],
): { path: string; fault: TextFault }[] {
  if (typeof value === 'string') {
    const fault = faultOf(value);
    if (fault) out.push({ path: at.join('.'), fault });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) textFaults(item, [...at, String(i)], out);
  } else if (value !== null && typeof value === 'object' && isPlain(value)) {
    for (const [key, item] of Object.entries(value)) {
      const fault = faultOf(key);
      if (fault)
        out.push({ path: [...at, toWellFormed(key).replaceAll('\u0000', '\uFFFD')].join('.'), fault });
      else textFaults(item, [...at, key], out);
    }
  }
  return out;
}

/** A name or display field as it is stored: NFC, trimmed (white space and zero-width), inner spaces collapsed. */
export function normalizeName(text: string): string {
  // \s counts U+FEFF as white space: inside a name it is refused as zero-width instead
  return text
    .normalize('NFC')
    .replace(EDGES, '')
    .replace(/[^\S\uFEFF]+/gu, ' ');
}

/** Multi-line text as it is stored: NFC, trimmed; line breaks and inner spacing kept. */
export function normalizeMultiline(text: string): string {
  return text.normalize('NFC').replace(EDGES, '');
}

/** The catalogue key of what makes a text unacceptable, or null when it is fine. */
export function textProblem(
  text: string,
  multiline = false,
): 'validation.illFormedText' | 'text.control' | 'text.bidi' | 'text.zeroWidth' | null {
  if (!isWellFormed(text)) return 'validation.illFormedText';
  if ((multiline ? CONTROL_MULTILINE : CONTROL).test(text)) return 'text.control';
  if (BIDI.test(text)) return 'text.bidi';
  if (!multiline && ZERO_WIDTH_INSIDE.test(text)) return 'text.zeroWidth';
  return null;
}

function clean(normalize: (text: string) => string, multiline: boolean) {
  return z
    .string()
    .transform(normalize)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** A required name or display field of `min`–`max` characters (after normalisation). */
export const zName = (min: number, max: number) =>
  clean(normalizeName, false).pipe(z.string().min(min).max(max));

/** An optional display field: missing, null or empty → null. */
export const zOptionalName = (max: number) =>
  clean(normalizeName, false)
    .pipe(z.string().max(max))
    .nullish()
    .transform((v) => (v ? v : null));

/** Optional multi-line free text (descriptions, notes, comments): missing, null or empty → null. */
export const zOptionalMultiline = (max: number) =>
  clean(normalizeMultiline, true)
    .pipe(z.string().max(max))
    .nullish()
    .transform((v) => (v ? v : null));

/** Required multi-line free text of `min`–`max` characters (a reason). */
export const zMultiline = (min: number, max: number) =>
  clean(normalizeMultiline, true).pipe(z.string().min(min).max(max));

/**
 * The length limits a text schema enforces, read from the schema itself (through optional,
 * nullable, default, transform and pipe wrappers): what the web forms give antd (`maxLength`, a
 * length rule), so a form cannot drift from the server.
 */
export function textLimits(schema: z.ZodType): { min: number; max: number } {
  const found = limitsOf(schema);
  if (!found) throw new Error('textLimits: not a text schema with a maximum length');
  return found;
}

function limitsOf(schema: z.ZodType): { min: number; max: number } | null {
  if (schema instanceof z.ZodString)
    return schema.maxLength === null ? null : { min: schema.minLength ?? 0, max: schema.maxLength };
  if (schema instanceof z.ZodPipe)
    return limitsOf(schema.out as z.ZodType) ?? limitsOf(schema.in as z.ZodType);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return limitsOf(schema.unwrap() as z.ZodType);
  return null;
}
