import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The catalogue is one object spread together from a part per capability (`zh-CN.<capability>.ts`):
 * a key written in two parts silently takes the later part's text everywhere — a work-log
 * `field.title` of 标题 renamed the post request's 岗位名称 on every page. So each key lives in
 * one part; a capability's own wording of a shared field gets its own key (`worklog.field.title`).
 */
const dir = import.meta.dirname;
const parts = readdirSync(dir).filter((f) => /^zh-CN(\.[\w-]+)?\.ts$/.test(f));
const keysOf = (file: string) =>
  [...readFileSync(path.join(dir, file), 'utf8').matchAll(/^ {2}'([^']+)':/gm)].map((m) => m[1] as string);

describe('the i18n catalogue', () => {
  it('defines each key in one part only', () => {
    expect(parts.length).toBeGreaterThan(10);
    const where = new Map<string, string[]>();
    for (const file of parts)
      for (const key of keysOf(file)) where.set(key, [...(where.get(key) ?? []), file]);
    const twice = [...where]
      .filter(([, files]) => files.length > 1)
      .map(([key, files]) => `${key}: ${files.join(', ')}`);
    expect(where.size).toBeGreaterThan(500);
    expect(twice).toEqual([]);
  });
});
