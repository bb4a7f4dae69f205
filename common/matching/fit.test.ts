import { describe, expect, it } from 'vitest';
import {
  countyOf,
  exclusionsOf,
  explainFit,
  type FitCadre,
  type FitPost,
  fitOf,
  keywordIn,
  normaliseUnitName,
  prepareFit,
} from './fit.js';
import { DEFAULT_MATCHING_SETTINGS, type MatchingSettings } from './matching.schema.js';

const settings: MatchingSettings = {
  ...DEFAULT_MATCHING_SETTINGS,
  weights: { expertise: 15, inCharge: 10, assist: 5, rank: 5, experience: 8, preference: 18 },
  rankGap: 1,
  homeCountyAvoidance: true,
};

const cadre = (over: Partial<FitCadre> = {}): FitCadre => ({
  nominationId: 'n1',
  name: '赵子涵',
  unitId: 'sender',
  unitRegionCode: '320506',
  position: '农业产业科科长',
  rankLevel: 'section_deputy',
  expertise: ['林业', '乡村振兴'],
  resume: [{ unitName: '苏州市吴中区农业产业服务中心', position: '林业站站长' }],
  relatives: [],
  preferences: [],
  ...over,
});
const post = (over: Partial<FitPost> = {}): FitPost => ({
  postRequestId: 'p1',
  title: '副镇长（挂职）',
  unitId: 'town',
  unitName: '台江县清溪镇人民政府',
  unitLineage: ['town', 'county'],
  regionCode: '522630',
  level: 'section_chief',
  duties: [
    { kind: 'in_charge', area: '林业' },
    { kind: 'assist', area: '招商引资' },
  ],
  expertise: ['林业', '乡村振兴'],
  ...over,
});
const names = (code: string) =>
  ({
    '522630': '台江县',
    '522631': '黎平县',
    '320500': '苏州市',
    '522600': '黔东南苗族侗族自治州',
    '3205': '苏州市',
  })[code] ?? code;

describe('fit', () => {
  it('explains every factor with its points and words', () => {
    const fit = fitOf(cadre(), post(), settings);
    expect(explainFit(fit.factors)).toBe(
      '专业特长匹配 +30：林业、乡村振兴；分管领域对口 +10：林业；职级低一级 −5；工作经历相关 +8：林业（林业站站长）',
    );
    expect(fit.score).toBe(30 + 10 - 5 + 8);
  });

  it('counts 协管 areas, a rank above the post, and preferences by rank and source', () => {
    const fit = fitOf(
      cadre({
        expertise: ['招商引资'],
        rankLevel: 'section_chief',
        resume: [],
        position: '科员',
        preferences: [
          { source: 'unit', rank: 2, postRequestId: null, regionCode: '522600' },
          { source: 'self', rank: 1, postRequestId: 'p1', regionCode: null },
        ],
      }),
      post({ level: 'section_deputy' }),
      settings,
    );
    expect(explainFit(fit.factors)).toBe(
      '协管领域对口 +5：招商引资；职级高一级 −5；志愿 +18：本人志愿第一位（岗位）',
    );
    const second = fitOf(
      cadre({ preferences: [{ source: 'unit', rank: 2, postRequestId: null, regionCode: '522600' }] }),
      post(),
      settings,
    );
    expect(second.factors.find((f) => f.factor === 'preference')?.detail).toBe('派出单位推荐第二位（地区）');
    expect(second.factors.find((f) => f.factor === 'preference')?.points).toBe(12);
  });

  it('says so when nothing matches', () => {
    const fit = fitOf(
      cadre({ expertise: [], resume: [], position: '科员', rankLevel: 'section_chief' }),
      post(),
      settings,
    );
    expect(fit.score).toBe(0);
    expect(explainFit(fit.factors)).toBe('无匹配项');
  });

  it('matches résumé keywords by two-character pieces, skipping empty words', () => {
    expect(keywordIn('招商引资', '科技招商处负责人')).toBe(true);
    expect(keywordIn('政务服务', '后勤服务中心')).toBe(false);
    expect(normaliseUnitName(' 台江县 清溪镇（人民政府） ')).toBe(normaliseUnitName('台江县清溪镇人民政府'));
    expect(countyOf('522630101')).toBe('522630');
    expect(countyOf('522600')).toBeNull();
  });
});

describe('hard constraints', () => {
  const texts = (c: FitCadre, p: FitPost, s: MatchingSettings = settings) =>
    exclusionsOf(c, p, s, names).map((e) => `${e.code}: ${e.text}`);

  it('never the own unit or a unit under it', () => {
    expect(texts(cadre({ unitId: 'town', unitRegionCode: '320506' }), post())).toEqual([
      'ownUnit: 不得到本单位挂职（台江县清溪镇人民政府）',
    ]);
    expect(texts(cadre({ unitId: 'county' }), post())).toEqual([
      'ownUnit: 不得到本单位下属单位挂职（台江县清溪镇人民政府）',
    ]);
  });

  it('回避: a unit where a relative works, by the normalised name', () => {
    expect(
      texts(
        cadre({ relatives: [{ name: '龙晓梅', relation: 'spouse', unitName: '台江县清溪镇 人民政府' }] }),
        post(),
      ),
    ).toEqual(['relative: 回避：配偶龙晓梅在台江县清溪镇人民政府工作']);
  });

  it('回避: the home county when the batch says so (the sending unit’s county)', () => {
    const local = cadre({ unitRegionCode: '522630' });
    expect(texts(local, post())).toEqual([
      'homeCounty: 回避：派出单位与接收单位同在台江县（未登记籍贯，按派出单位所在县判断）',
    ]);
    expect(texts(local, post(), { ...settings, homeCountyAvoidance: false })).toEqual([]);
  });

  it('对口 and 互派 pairing rules', () => {
    const counterpart = { ...settings, counterpart: [{ from: ['320500'], to: ['522631'] }] };
    expect(texts(cadre(), post(), counterpart)).toEqual(['counterpart: 对口安排：苏州市的干部只派往黎平县']);
    expect(texts(cadre(), post({ regionCode: '522631' }), counterpart)).toEqual([]);
    const mutual = { ...settings, mutual: [{ a: '320500', b: '522600' }] };
    expect(texts(cadre(), post(), mutual)).toEqual([]);
    expect(texts(cadre(), post({ regionCode: '320581' }), mutual)).toEqual([
      'mutual: 互派安排：苏州市与黔东南苗族侗族自治州互派，只能派往黔东南苗族侗族自治州',
    ]);
    expect(
      texts(cadre({ unitRegionCode: '522631' }), post({ regionCode: '522630' }), {
        ...mutual,
        homeCountyAvoidance: false,
      }),
    ).toEqual(['mutual: 互派安排：苏州市与黔东南苗族侗族自治州互派，只能派往苏州市']);
  });

  it('a rank gap beyond the allowed one', () => {
    expect(texts(cadre({ rankLevel: 'section_deputy' }), post({ level: 'division_deputy' }))).toEqual([
      'rankGap: 职级相差二级（副乡科级→副县处级），超过允许的一级',
    ]);
    expect(
      texts(cadre({ rankLevel: 'section_deputy' }), post({ level: 'division_deputy' }), {
        ...settings,
        rankGap: 2,
      }),
    ).toEqual([]);
  });
});

describe('the fast form', () => {
  it('gives every pair the same score and exclusion as fitOf and exclusionsOf', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const TAGS = ['林业', '乡村振兴', '招商引资', '信息化', '大数据', '文化旅游', '城乡规划'];
    const LEVELS = ['section_deputy', 'section_chief', 'division_deputy', 'division_chief', 'other'] as const;
    const REGIONS = ['522630', '522631', '320506', '320581', '522630101'];
    const UNITS = ['u1', 'u2', 'u3', 'u4'];
    const cadres: FitCadre[] = Array.from({ length: 40 }, (_, i) =>
      cadre({
        nominationId: `n${i}`,
        unitId: pick(UNITS),
        unitRegionCode: pick(REGIONS),
        rankLevel: pick(LEVELS),
        position: `${pick(TAGS)}科`,
        expertise: [pick(TAGS), pick(TAGS)],
        resume: [{ unitName: `${pick(TAGS)}中心`, position: `${pick(TAGS)}部` }],
        relatives: rnd() < 0.2 ? [{ name: '某', relation: 'spouse', unitName: `单位${pick(UNITS)}` }] : [],
        preferences:
          rnd() < 0.5
            ? [
                {
                  source: 'self',
                  rank: 1 + Math.floor(rnd() * 3),
                  postRequestId: `p${Math.floor(rnd() * 30)}`,
                  regionCode: null,
                },
                {
                  source: 'unit',
                  rank: 1 + Math.floor(rnd() * 3),
                  postRequestId: null,
                  regionCode: pick(REGIONS),
                },
              ]
            : [],
      }),
    );
    const posts: FitPost[] = Array.from({ length: 30 }, (_, j) => {
      const unitId = pick(UNITS);
      return post({
        postRequestId: `p${j}`,
        unitId,
        unitName: `单位${unitId}`,
        unitLineage: [unitId, pick(UNITS)],
        regionCode: pick(REGIONS),
        level: pick(LEVELS),
        duties: [
          { kind: 'in_charge', area: pick(TAGS) },
          { kind: 'assist', area: pick(TAGS) },
        ],
        expertise: [pick(TAGS), pick(TAGS), pick(TAGS)],
      });
    });
    for (const s of [
      settings,
      { ...settings, rankGap: 2, homeCountyAvoidance: false },
      {
        ...settings,
        counterpart: [{ from: ['320500'], to: ['522631'] }],
        mutual: [{ a: '320500', b: '522600' }],
      },
    ]) {
      const fast = prepareFit(cadres, posts, s);
      cadres.forEach((c, i) => {
        posts.forEach((p, j) => {
          expect(fast.score(i, j)).toBe(fitOf(c, p, s).score);
          expect(fast.excluded(i, j)).toBe(exclusionsOf(c, p, s, names).length > 0);
        });
      });
    }
  });
});
