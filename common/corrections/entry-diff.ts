/**
 * The diff of a list field (résumé entries, relatives) as the liaison reads it: entries added,
 * changed or removed, not two whole lists side by side. Entries equal in both lists are left
 * out; an entry of the old list and one of the new with the same key (a résumé entry's start
 * month, a relative's relation and name) are one entry changed; the rest are removed or added.
 */
export type EntryChange<T> =
  | { change: 'added'; from: null; to: T }
  | { change: 'removed'; from: T; to: null }
  | { change: 'changed'; from: T; to: T };

/** A JSON form that does not depend on the order of an object's keys. */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export function entryDiff<T>(
  from: readonly T[],
  to: readonly T[],
  keyOf: (entry: T) => string,
): EntryChange<T>[] {
  const left = [...from];
  const right = [...to];
  // equal entries on both sides, one for one, are unchanged
  for (let i = left.length - 1; i >= 0; i--) {
    const j = right.findIndex((r) => canonical(r) === canonical(left[i]));
    if (j >= 0) {
      left.splice(i, 1);
      right.splice(j, 1);
    }
  }
  const changes: EntryChange<T>[] = [];
  for (const old of left) {
    const j = right.findIndex((r) => keyOf(r) === keyOf(old));
    if (j >= 0) {
      changes.push({ change: 'changed', from: old, to: right[j] as T });
      right.splice(j, 1);
    } else changes.push({ change: 'removed', from: old, to: null });
  }
  for (const added of right) changes.push({ change: 'added', from: null, to: added });
  return changes;
}

/** The key that pairs an old entry with its new form, per list field. */
export const ENTRY_KEYS = {
  resume: (e: { fromMonth: string }) => e.fromMonth,
  relatives: (e: { relation: string; name: string }) => `${e.relation}:${e.name}`,
} as const;
