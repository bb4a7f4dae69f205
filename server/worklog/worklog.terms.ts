import type { Snippet } from '../../common/worklog/worklog.schema.js';

/**
 * Chinese full-text search by overlapping bigrams (ADR 033) — pure, shared by the service, the
 * bulk generator and the benchmark. A text is cut into runs: Han characters, and words of other
 * letters and digits. A Han run becomes its overlapping pairs (乡镇调研 → 乡镇 镇调 调研; one
 * character alone stays itself), a word its lowercase self. The terms, space-separated, are what
 * both indexes hold: FTS5 (unicode61, which keeps each space-separated term whole) on SQLite, a
 * tsvector with positions on PostgreSQL. So a two-character query is one term — the case that
 * SQLite's trigram tokenizer and pg_trgm cannot answer — and a longer one is a phrase of its
 * pairs, which matches exactly where the text holds the query.
 */

type Run = { text: string; han: boolean };

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;
/** A word longer than this is cut (PostgreSQL refuses lexemes over 2 KB). */
const MAX_WORD = 60;
/** PostgreSQL keeps positions up to 16 383. */
const MAX_POSITION = 16_383;

export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of text.toLowerCase()) {
    const han = HAN.test(ch);
    if (!han && !WORD.test(ch)) {
      current = null;
      continue;
    }
    if (current && current.han === han) current.text += ch;
    else {
      current = { text: ch, han };
      runs.push(current);
    }
  }
  return runs;
}

function termsOfRun(run: Run): string[] {
  if (!run.han) return [[...run.text].slice(0, MAX_WORD).join('')];
  const chars = [...run.text];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** The terms of a text, in order. */
export function termsOf(text: string): string[] {
  return runsOf(text).flatMap(termsOfRun);
}

/** What an entry's index holds: its title, place and text. */
export function entryTerms(e: { title: string; place: string | null; body: string }): string[] {
  return [...termsOf(e.title), ...termsOf(e.place ?? ''), ...termsOf(e.body)];
}

const quoted = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The same terms as a PostgreSQL tsvector literal with positions (no text-search parser involved). */
export function tsvectorOf(terms: readonly string[]): string {
  return terms.map((term, i) => `${quoted(term)}:${Math.min(i + 1, MAX_POSITION)}`).join(' ');
}

/** A query, ready for both databases; null when it holds fewer than two searchable characters. */
export interface SearchPlan {
  /** FTS5 MATCH expression: each run a phrase of its pairs (or a prefix), ANDed. */
  fts: string;
  /** tsquery literal: the same, with <-> for the phrase and :* for a prefix. */
  tsquery: string;
  /** The runs, to mark in the original text. */
  needles: string[];
}

export function searchPlan(query: string): SearchPlan | null {
  const runs = runsOf(query);
  const chars = runs.reduce((n, r) => n + [...r.text].length, 0);
  if (chars < 2) return null;
  const fts: string[] = [];
  const ts: string[] = [];
  for (const run of runs) {
    const terms = termsOfRun(run);
    // a single Han character or a word: the terms that begin with it
    const prefix = !run.han || [...run.text].length === 1;
    if (prefix) {
      fts.push(`"${terms[0]}"*`);
      ts.push(`${quoted(terms[0] as string)}:*`);
    } else {
      fts.push(`"${terms.join(' ')}"`);
      ts.push(terms.length === 1 ? quoted(terms[0] as string) : `(${terms.map(quoted).join(' <-> ')})`);
    }
  }
  return { fts: fts.join(' AND '), tsquery: ts.join(' & '), needles: runs.map((r) => r.text) };
}

/** The text cut into plain and matched pieces: every occurrence of a needle, case-insensitive. */
export function marked(text: string, needles: readonly string[]): Snippet {
  const lower = text.toLowerCase();
  const hits: [number, number][] = [];
  if (lower.length === text.length)
    for (const needle of needles) {
      if (!needle) continue;
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
        hits.push([at, at + needle.length]);
    }
  hits.sort((a, b) => a[0] - b[0]);
  const out: Snippet = [];
  let pos = 0;
  for (const [from, to] of hits) {
    if (to <= pos) continue;
    const start = Math.max(from, pos);
    if (start > pos) out.push({ text: text.slice(pos, start), match: false });
    out.push({ text: text.slice(start, to), match: true });
    pos = to;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  // merge neighbours of the same kind
  return out.reduce<Snippet>((acc, s) => {
    const last = acc.at(-1);
    if (last && last.match === s.match) last.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}

/** A window of about `width` characters of the text around its first match, marked. */
export function snippetOf(text: string, needles: readonly string[], width = 80): Snippet {
  const lower = text.toLowerCase();
  const first = Math.min(
    ...needles.map((n) => lower.indexOf(n)).filter((i) => i >= 0),
    Number.POSITIVE_INFINITY,
  );
  const at = Number.isFinite(first) ? first : 0;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const pieces = marked(text.slice(start, end), needles);
  if (start > 0) pieces.unshift({ text: '…', match: false });
  if (end < text.length) pieces.push({ text: '…', match: false });
  return pieces.reduce<Snippet>((acc, s) => {
    const last = acc.at(-1);
    if (last && last.match === s.match) last.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}
