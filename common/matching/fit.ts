import { RANK_LEVELS, type RankLevel } from '../cadres/cadre-enums.js';
import { type MessageKey, t } from '../i18n/index.js';
import type {
  Exclusion,
  FitFactor,
  FitFactorKey,
  MatchingSettings,
  PreferenceSource,
} from './matching.schema.js';

/**
 * The fit of one cadre (an accepted nomination) to one post, and the hard constraints that
 * exclude the pair — pure, so the server, its tests and the web explain a pair the same way
 * (ADR 025). Every factor keeps its points and the words they are for.
 */

export interface FitCadre {
  nominationId: string;
  name: string;
  /** The sending unit (the nomination's). */
  unitId: string;
  unitRegionCode: string;
  position: string;
  rankLevel: RankLevel;
  expertise: readonly string[];
  resume: readonly { unitName: string; position: string }[];
  relatives: readonly { name: string; relation: string; unitName: string }[];
  preferences: readonly {
    source: PreferenceSource;
    rank: number;
    postRequestId: string | null;
    regionCode: string | null;
  }[];
}

export interface FitPost {
  postRequestId: string;
  title: string;
  unitId: string;
  unitName: string;
  /** The receiving unit's id and its ancestors' (units.parentId upwards). */
  unitLineage: readonly string[];
  regionCode: string;
  level: RankLevel;
  duties: readonly { kind: 'in_charge' | 'assist'; area: string }[];
  expertise: readonly string[];
}

/** Names of regions for the reasons' words (full names, or the code when unknown). */
export type RegionNames = (code: string) => string;

/** How many items of one factor count at most. */
const CAPS: Record<'expertise' | 'inCharge' | 'assist' | 'experience', number> = {
  expertise: 3,
  inCharge: 3,
  assist: 3,
  experience: 3,
};

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七'];
const numeral = (n: number) => NUMERALS[n] ?? String(n);
const list = (items: readonly string[]) => items.join('、');

/** Unit names compared for 回避: NFKC, no spaces or punctuation, brackets' contents kept. */
export function normaliseUnitName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/**
 * A region's county (6-digit code), or null above county level: a county code does not end in
 * 00, a township's first six digits are its county.
 */
export function countyOf(code: string): string | null {
  const county = code.slice(0, 6);
  return county.length === 6 && !county.endsWith('00') ? county : null;
}

/** GB/T 2260 subtree test (same rule as server/core/scope.ts regionWithin). */
export function regionIn(region: string, code: string): boolean {
  const prefix =
    code.length === 9
      ? code
      : code.endsWith('0000')
        ? code.slice(0, 2)
        : code.endsWith('00')
          ? code.slice(0, 4)
          : code;
  return region.startsWith(prefix);
}

/** Two-character pieces that say nothing about a field of work. */
const STOP_PIECES = new Set([
  '服务',
  '管理',
  '中心',
  '工作',
  '发展',
  '建设',
  '事务',
  '综合',
  '产业',
  '经济',
  '促进',
]);

/** Does a keyword occur in a text — itself, or one of its two-character pieces (招商引资 ~ 科技招商处)? */
export function keywordIn(keyword: string, text: string): boolean {
  if (text.includes(keyword)) return true;
  const chars = [...keyword];
  for (let i = 0; i + 1 < chars.length; i++) {
    const piece = `${chars[i]}${chars[i + 1]}`;
    if (!STOP_PIECES.has(piece) && text.includes(piece)) return true;
  }
  return false;
}

const rankIndex = (level: RankLevel) => (level === 'other' ? -1 : RANK_LEVELS.indexOf(level));
/** Levels the cadre is below the post (negative: above); null when either is 'other'. */
export function rankGapOf(cadre: RankLevel, post: RankLevel): number | null {
  const c = rankIndex(cadre);
  const p = rankIndex(post);
  return c < 0 || p < 0 ? null : c - p;
}

export interface Fit {
  score: number;
  factors: FitFactor[];
}

export function fitOf(cadre: FitCadre, post: FitPost, settings: MatchingSettings): Fit {
  const w = settings.weights;
  const factors: FitFactor[] = [];
  const add = (factor: FitFactorKey, points: number, detail: string) => {
    if (points !== 0) factors.push({ factor, points, detail });
  };
  const tags = new Set(cadre.expertise);
  const matched = (items: readonly string[], cap: number) =>
    [...new Set(items)].filter((x) => tags.has(x)).slice(0, cap);

  const expertise = matched(post.expertise, CAPS.expertise);
  add('expertise', expertise.length * w.expertise, list(expertise));
  const inCharge = matched(
    post.duties.filter((d) => d.kind === 'in_charge').map((d) => d.area),
    CAPS.inCharge,
  );
  add('inCharge', inCharge.length * w.inCharge, list(inCharge));
  const assist = matched(
    post.duties.filter((d) => d.kind === 'assist').map((d) => d.area),
    CAPS.assist,
  );
  add('assist', assist.length * w.assist, list(assist));

  const gap = rankGapOf(cadre.rankLevel, post.level);
  if (gap !== null && gap !== 0 && Math.abs(gap) <= settings.rankGap) {
    add(
      'rank',
      -Math.abs(gap) * w.rank,
      t(gap > 0 ? 'matching.rank.below' : 'matching.rank.above', { n: numeral(Math.abs(gap)) }),
    );
  }

  const keywords = [...new Set([...post.duties.map((d) => d.area), ...post.expertise])];
  const experience: string[] = [];
  for (const keyword of keywords) {
    if (experience.length >= CAPS.experience) break;
    const where = [...cadre.resume.flatMap((r) => [r.position, r.unitName]), cadre.position].find((text) =>
      keywordIn(keyword, text),
    );
    if (where) experience.push(t('matching.experienceItem', { keyword, where }));
  }
  add('experience', experience.length * w.experience, list(experience));

  let best: { rank: number; source: PreferenceSource; what: string } | null = null;
  for (const p of cadre.preferences) {
    const hit =
      p.postRequestId !== null
        ? p.postRequestId === post.postRequestId
        : p.regionCode !== null && regionIn(post.regionCode, p.regionCode);
    if (hit && (!best || p.rank < best.rank)) {
      best = {
        rank: p.rank,
        source: p.source,
        what: p.postRequestId !== null ? 'post' : 'region',
      };
    }
  }
  if (best) {
    add(
      'preference',
      Math.round((w.preference * (4 - best.rank)) / 3),
      t(`matching.preference.${best.source}` as MessageKey, {
        rank: numeral(best.rank),
        what: t(`matching.preference.${best.what}` as MessageKey),
      }),
    );
  }
  return { score: factors.reduce((sum, f) => sum + f.points, 0), factors };
}

const signed = (points: number) => (points >= 0 ? `+${points}` : `−${-points}`);

/** One factor in words: "专业特长匹配 +30：林业、乡村振兴". */
export function explainFactor(f: FitFactor): string {
  return t(`matching.factor.${f.factor}` as MessageKey, { points: signed(f.points), detail: f.detail });
}

/** A pair's fit in words, factors joined by "；" ("无匹配项" when none counted). */
export function explainFit(factors: readonly FitFactor[]): string {
  return factors.length ? factors.map(explainFactor).join('；') : t('matching.noFactors');
}

/**
 * The hard constraints that exclude the pair, each with its reason. Pins and forbidden pairs set
 * by hand, headcounts and quotas are applied by the caller (the solver's instance).
 */
export function exclusionsOf(
  cadre: FitCadre,
  post: FitPost,
  settings: MatchingSettings,
  regionName: RegionNames,
): Exclusion[] {
  const out: Exclusion[] = [];
  const push = (code: Exclusion['code'], key: MessageKey, params: Record<string, string | number>) =>
    out.push({ code, text: t(key, params) });
  if (post.unitLineage.includes(cadre.unitId)) {
    push(
      'ownUnit',
      post.unitId === cadre.unitId ? 'matching.excluded.ownUnit' : 'matching.excluded.underOwnUnit',
      {
        unit: post.unitName,
      },
    );
  }
  const receiving = normaliseUnitName(post.unitName);
  for (const r of cadre.relatives) {
    if (normaliseUnitName(r.unitName) === receiving) {
      push('relative', 'matching.excluded.relative', {
        relation: t(`relation.${r.relation}` as MessageKey),
        name: r.name,
        unit: post.unitName,
      });
    }
  }
  if (settings.homeCountyAvoidance) {
    const home = countyOf(cadre.unitRegionCode);
    if (home && home === countyOf(post.regionCode)) {
      push('homeCounty', 'matching.excluded.homeCounty', { county: regionName(home) });
    }
  }
  const rules = settings.counterpart.filter((r) =>
    r.from.some((code) => regionIn(cadre.unitRegionCode, code)),
  );
  if (rules.length && !rules.some((r) => r.to.some((code) => regionIn(post.regionCode, code)))) {
    const from = rules.flatMap((r) => r.from).filter((code) => regionIn(cadre.unitRegionCode, code));
    push('counterpart', 'matching.excluded.counterpart', {
      from: list([...new Set(from)].map(regionName)),
      to: list([...new Set(rules.flatMap((r) => r.to))].map(regionName)),
    });
  }
  for (const { a, b } of settings.mutual) {
    const fromA = regionIn(cadre.unitRegionCode, a);
    const fromB = regionIn(cadre.unitRegionCode, b);
    if ((fromA && !regionIn(post.regionCode, b)) || (fromB && !fromA && !regionIn(post.regionCode, a))) {
      push('mutual', 'matching.excluded.mutual', {
        a: regionName(a),
        b: regionName(b),
        to: regionName(fromA ? b : a),
      });
    }
  }
  const gap = rankGapOf(cadre.rankLevel, post.level);
  if (gap !== null && Math.abs(gap) > settings.rankGap) {
    push('rankGap', 'matching.excluded.rankGap', {
      cadre: t(`rankLevel.${cadre.rankLevel}` as MessageKey),
      post: t(`rankLevel.${post.level}` as MessageKey),
      n: numeral(Math.abs(gap)),
      max: numeral(settings.rankGap),
    });
  }
  return out;
}

/**
 * The same score and the same exclusion test as `fitOf` and `exclusionsOf`, without the words,
 * for every pair of a batch at once: what each side needs is prepared once (tag sets, résumé
 * keyword hits per distinct keyword, normalised names, counties, pairing rules), so a pair
 * costs a few set look-ups. `fit.test.ts` checks that both forms agree on random pairs.
 */
export function prepareFit(
  cadres: readonly FitCadre[],
  posts: readonly FitPost[],
  settings: MatchingSettings,
): { score: (i: number, j: number) => number; excluded: (i: number, j: number) => boolean } {
  const w = settings.weights;
  const uniq = (xs: readonly string[]) => [...new Set(xs)];
  const c = cadres.map((x) => ({
    tags: new Set(x.expertise),
    texts: [...x.resume.flatMap((r) => [r.position, r.unitName]), x.position],
    rank: rankIndex(x.rankLevel),
    relatives: new Set(x.relatives.map((r) => normaliseUnitName(r.unitName))),
    county: settings.homeCountyAvoidance ? countyOf(x.unitRegionCode) : null,
    counterpart: settings.counterpart.filter((r) => r.from.some((code) => regionIn(x.unitRegionCode, code))),
    mutual: settings.mutual.flatMap(({ a, b }) => {
      const fromA = regionIn(x.unitRegionCode, a);
      if (fromA) return [b];
      return regionIn(x.unitRegionCode, b) ? [a] : [];
    }),
    unitId: x.unitId,
    preferences: x.preferences,
  }));
  const p = posts.map((x) => ({
    expertise: uniq(x.expertise),
    inCharge: uniq(x.duties.filter((d) => d.kind === 'in_charge').map((d) => d.area)),
    assist: uniq(x.duties.filter((d) => d.kind === 'assist').map((d) => d.area)),
    keywords: uniq([...x.duties.map((d) => d.area), ...x.expertise]),
    lineage: new Set(x.unitLineage),
    name: normaliseUnitName(x.unitName),
    county: countyOf(x.regionCode),
    rank: rankIndex(x.level),
    regionCode: x.regionCode,
    postRequestId: x.postRequestId,
  }));
  const hits = new Map<string, Uint8Array>();
  const hitsOf = (keyword: string) => {
    let h = hits.get(keyword);
    if (!h) {
      h = new Uint8Array(c.length);
      c.forEach((x, i) => {
        if (x.texts.some((text) => keywordIn(keyword, text))) (h as Uint8Array)[i] = 1;
      });
      hits.set(keyword, h);
    }
    return h;
  };
  const keywordHits = p.map((x) => x.keywords.map(hitsOf));
  const count = (tags: Set<string>, items: string[], cap: number) => {
    let n = 0;
    for (const item of items) if (tags.has(item) && ++n >= cap) break;
    return n;
  };
  return {
    score(i, j) {
      const a = c[i] as (typeof c)[number];
      const b = p[j] as (typeof p)[number];
      let s =
        count(a.tags, b.expertise, CAPS.expertise) * w.expertise +
        count(a.tags, b.inCharge, CAPS.inCharge) * w.inCharge +
        count(a.tags, b.assist, CAPS.assist) * w.assist;
      if (a.rank >= 0 && b.rank >= 0) {
        const gap = Math.abs(a.rank - b.rank);
        if (gap !== 0 && gap <= settings.rankGap) s -= gap * w.rank;
      }
      let n = 0;
      for (const h of keywordHits[j] as Uint8Array[]) if (h[i] === 1 && ++n >= CAPS.experience) break;
      s += n * w.experience;
      let best = 0;
      for (const pref of a.preferences) {
        const hit =
          pref.postRequestId !== null
            ? pref.postRequestId === b.postRequestId
            : pref.regionCode !== null && regionIn(b.regionCode, pref.regionCode);
        if (hit && (best === 0 || pref.rank < best)) best = pref.rank;
      }
      if (best) s += Math.round((w.preference * (4 - best)) / 3);
      return s;
    },
    excluded(i, j) {
      const a = c[i] as (typeof c)[number];
      const b = p[j] as (typeof p)[number];
      if (b.lineage.has(a.unitId) || a.relatives.has(b.name)) return true;
      if (a.county !== null && a.county === b.county) return true;
      if (
        a.counterpart.length &&
        !a.counterpart.some((r) => r.to.some((code) => regionIn(b.regionCode, code)))
      )
        return true;
      if (a.mutual.some((to) => !regionIn(b.regionCode, to))) return true;
      return a.rank >= 0 && b.rank >= 0 && Math.abs(a.rank - b.rank) > settings.rankGap;
    },
  };
}
