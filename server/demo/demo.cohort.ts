import type { CadreInput } from '../../common/cadres/cadres.schema.js';
import { zCadreInput } from '../../common/cadres/cadres.schema.js';
import { DEFAULT_MATCHING_SETTINGS } from '../../common/matching/matching.schema.js';
import { zNominationInput } from '../../common/nominations/nominations.schema.js';
import { zPostInput } from '../../common/posts/posts.schema.js';
import type { UnitKind } from '../../common/units/units.schema.js';
import { findByIdNumberIndex } from '../cadres/cadres.repository.js';
import * as cadres from '../cadres/cadres.service.js';
import type { AppContext } from '../core/context.js';
import * as matching from '../matching/matching.service.js';
import { findByBatchAndCadre } from '../nominations/nominations.repository.js';
import * as nominations from '../nominations/nominations.service.js';
import * as posts from '../posts/posts.service.js';
import { actorFor, seedProgramme, unitActor } from './demo.steps.js';
import { fictionalIdNumber } from './fictional-id.js';

/**
 * The matching cohort of the demo: a batch large enough to match at once — 44 accepted
 * nominations from nine sending units and 42 approved posts (three of them for two people) in
 * ten receiving units of 黔东南 — with the cases a 组织部 meets: relatives working in a receiving
 * unit (回避), cadres whose home county receives posts, region quotas that bind. Names, units and
 * careers are made up; ID numbers use county xx9999. Generated from fixed tables, so every run
 * makes the same people; each record is created only when missing.
 */

export const COHORT_PROGRAMME = {
  name: '2027年度苏黔协作干部挂职',
  kind: 'cross_region',
  regionCode: '522600',
  description:
    '苏州市与黔东南州东西部协作：苏州市各县级市、区选派干部到黔东南州县直单位和乡镇挂职两年，' +
    '围绕产业协作、消费帮扶、劳务协作、文旅融合和数字乡村开展工作。',
} as const;

export const COHORT_BATCH = {
  name: '第一批',
  plannedStart: '2027-04-01',
  plannedEnd: '2029-03-31',
  termMonths: 24,
  /** Each receiving county's places: what its approved posts may take together. */
  quotas: [
    { regionCode: '522601', quota: 6 },
    { regionCode: '522625', quota: 3 },
    { regionCode: '522629', quota: 4 },
    { regionCode: '522630', quota: 4 },
    { regionCode: '522631', quota: 6 },
    { regionCode: '522632', quota: 5 },
    { regionCode: '522633', quota: 6 },
    { regionCode: '522634', quota: 4 },
    { regionCode: '522635', quota: 3 },
    { regionCode: '522636', quota: 4 },
  ],
  advance: { to: 'selecting', reason: '各县岗位需求已征集，启动苏州各地推荐人选。' },
} as const;

const QINGXI = '台江县清溪镇人民政府';
const LIPING_TALENT = '黎平县乡村人才服务站';

/** The cohort's units that the registry demo does not have (fictional, in real GB/T 2260 regions). */
export const COHORT_UNITS: { name: string; kind: UnitKind; regionCode: string }[] = [
  { name: '昆山市智能制造促进中心', kind: 'public_institution', regionCode: '320583' },
  { name: '张家港市港城产业投资有限公司', kind: 'state_enterprise', regionCode: '320582' },
  { name: '常熟市文旅融合发展中心', kind: 'public_institution', regionCode: '320581' },
  { name: '太仓市乡村规划服务中心', kind: 'public_institution', regionCode: '320585' },
  { name: '苏州市吴中区农业产业服务中心', kind: 'public_institution', regionCode: '320506' },
  { name: LIPING_TALENT, kind: 'public_institution', regionCode: '522631' },
  { name: '凯里市数字经济促进中心', kind: 'public_institution', regionCode: '522601' },
  { name: '黎平县侗乡产业服务中心', kind: 'public_institution', regionCode: '522631' },
  { name: '榕江县山地农业发展中心', kind: 'public_institution', regionCode: '522632' },
  { name: '从江县稻鱼鸭产业促进中心', kind: 'public_institution', regionCode: '522633' },
  { name: '剑河县生态旅游服务中心', kind: 'public_institution', regionCode: '522629' },
  { name: '丹寨县非遗文旅发展中心', kind: 'public_institution', regionCode: '522636' },
  { name: '镇远县古城保护服务中心', kind: 'public_institution', regionCode: '522625' },
  { name: '麻江县蓝莓产业发展中心', kind: 'public_institution', regionCode: '522635' },
];

/** Sending units: how many cadres each nominates, their fields and the words of their careers. */
const SENDERS: { unit: string; province: string; count: number; tags: string[]; work: string[] }[] = [
  {
    unit: '昆山市智能制造促进中心',
    province: '32',
    count: 8,
    tags: ['科技管理', '信息化', '人工智能', '招商引资'],
    work: ['智能制造推进科', '科技招商处'],
  },
  {
    unit: '张家港市港城产业投资有限公司',
    province: '32',
    count: 7,
    tags: ['招商引资', '产业规划', '财政金融', '国资国企'],
    work: ['投资发展部', '产业招商部'],
  },
  {
    unit: '常熟市文旅融合发展中心',
    province: '32',
    count: 6,
    tags: ['文化旅游', '宣传思想', '商贸流通'],
    work: ['文旅项目部', '品牌推广部'],
  },
  {
    unit: '太仓市乡村规划服务中心',
    province: '32',
    count: 6,
    tags: ['城乡规划', '乡村治理', '生态环境', '建筑工程'],
    work: ['村庄规划科', '人居环境科'],
  },
  {
    unit: '苏州市吴中区农业产业服务中心',
    province: '32',
    count: 7,
    tags: ['农业技术', '特色产业', '农产品电商', '水利工程'],
    work: ['农业产业科', '农产品营销科'],
  },
  {
    unit: '苏州市姑苏区文旅融合发展中心',
    province: '32',
    count: 3,
    tags: ['文化旅游', '城市管理'],
    work: ['古城保护科', '文旅活动部'],
  },
  {
    unit: '江南数智银行苏州分行',
    province: '32',
    count: 3,
    tags: ['财政金融', '大数据'],
    work: ['普惠金融部', '数据管理部'],
  },
  {
    unit: LIPING_TALENT,
    province: '52',
    count: 3,
    tags: ['乡村治理', '人力资源', '教育'],
    work: ['人才服务科', '乡村人才培训部'],
  },
];

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜谢邹';
const GIVEN = [
  ['子涵', 'female'],
  ['浩宇', 'male'],
  ['雨萱', 'female'],
  ['梓轩', 'male'],
  ['欣怡', 'female'],
  ['俊杰', 'male'],
  ['诗雨', 'female'],
  ['宇航', 'male'],
  ['静雯', 'female'],
  ['明哲', 'male'],
  ['佳琪', 'female'],
  ['泽宇', 'male'],
  ['晓岚', 'female'],
  ['一凡', 'male'],
  ['若彤', 'female'],
  ['天翔', 'male'],
  ['梦瑶', 'female'],
  ['博文', 'male'],
  ['书瑶', 'female'],
  ['志远', 'male'],
  ['可馨', 'female'],
  ['文博', 'male'],
  ['婉婷', 'female'],
  ['昊然', 'male'],
  ['雅静', 'female'],
  ['晨阳', 'male'],
  ['思琪', 'female'],
  ['铭轩', 'male'],
  ['海燕', 'female'],
  ['建华', 'male'],
  ['丽娟', 'female'],
  ['国栋', 'male'],
  ['春燕', 'female'],
  ['振宇', 'male'],
  ['秀兰', 'female'],
  ['德胜', 'male'],
  ['慧敏', 'female'],
  ['立新', 'male'],
  ['雪梅', 'female'],
  ['永强', 'male'],
  ['艳红', 'female'],
  ['立伟', 'male'],
  ['玉洁', 'female'],
] as const;

const RANKS = ['section_deputy', 'section_chief', 'section_deputy', 'division_deputy'] as const;

/** Relatives working in a receiving unit: the avoidance (回避) cases. */
const RELATIVES: Record<
  number,
  { name: string; relation: 'spouse' | 'sibling' | 'parent'; unitName: string }
> = {
  2: { name: '龙晓梅', relation: 'spouse', unitName: '榕江县山地农业发展中心' },
  11: { name: '杨国强', relation: 'sibling', unitName: '凯里市数字经济促进中心' },
  30: { name: '吴德秀', relation: 'parent', unitName: '从江县稻鱼鸭产业促进中心' },
};

interface CohortCadre {
  unit: string;
  input: Omit<CadreInput, 'unitId'>;
}

/** The 43 generated cadres, one after another through the sending units. */
function cohortCadres(): CohortCadre[] {
  const out: CohortCadre[] = [];
  let i = 0;
  for (const sender of SENDERS) {
    for (let k = 0; k < sender.count; k += 1, i += 1) {
      const [given, gender] = GIVEN[i % GIVEN.length] as (typeof GIVEN)[number];
      const year = 1987 + (i % 9);
      const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
      const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
      const sequence = String(200 + i * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
      const rankLevel = RANKS[i % RANKS.length] as (typeof RANKS)[number];
      const [firstWork, nowWork] = sender.work as [string, string];
      const tags = [sender.tags[k % sender.tags.length], sender.tags[(k + 1) % sender.tags.length]];
      const started = year + 23;
      const relative = RELATIVES[i];
      out.push({
        unit: sender.unit,
        input: {
          name: `${SURNAMES[i % SURNAMES.length]}${given}`,
          idNumber: fictionalIdNumber(sender.province, `${year}${month}${day}`, sequence),
          gender,
          birthDate: `${year}-${month}-${day}`,
          ethnicity: sender.province === '52' ? (i % 2 ? '苗族' : '侗族') : '汉族',
          politicalStatus: 'cpc_member',
          education: i % 3 === 0 ? 'master' : 'bachelor',
          degree: i % 3 === 0 ? 'master' : 'bachelor',
          school: ['苏州大学', '南京农业大学', '江南大学', '贵州大学', '河海大学'][i % 5] as string,
          major: ['农业经济管理', '计算机科学与技术', '旅游管理', '城乡规划', '金融学'][i % 5] as string,
          position: `${nowWork}${rankLevel === 'section_deputy' ? '副科长' : '科长'}`,
          rankLevel,
          rankKind: 'leadership',
          reserve: i % 4 === 0,
          expertise: [...new Set(tags)] as string[],
          resume: [
            {
              fromMonth: `${started}-07`,
              toMonth: `${started + 5}-12`,
              unitName: sender.unit,
              position: `${firstWork}科员`,
            },
            {
              fromMonth: `${started + 6}-01`,
              toMonth: null,
              unitName: sender.unit,
              position: `${nowWork}负责人`,
            },
          ],
          relatives: relative ? [{ ...relative, position: '干部' }] : [],
        },
      });
    }
  }
  return out;
}

/** Post areas by receiving unit: [title, level, duties in charge, duties assisting, expertise, headcount]. */
type PostSpec = [string, string, string[], string[], string[], number?];
const POSTS_BY_UNIT: Record<string, PostSpec[]> = {
  [QINGXI]: [
    ['副镇长（挂职，产业协作）', 'section_deputy', ['招商引资'], ['东西部协作'], ['招商引资', '产业规划']],
    ['镇长助理（挂职，农文旅）', 'section_deputy', ['文化旅游'], ['乡村振兴'], ['文化旅游', '特色产业']],
    ['副镇长（挂职，数字乡村）', 'section_deputy', ['信息化'], ['政务服务'], ['信息化', '数字政府']],
    ['镇长助理（挂职，乡村规划）', 'section_deputy', ['城乡规划'], ['人居环境'], ['城乡规划', '乡村治理']],
  ],
  雷山县产业发展促进中心: [
    ['副主任（挂职，茶产业）', 'section_chief', ['特色产业'], ['农产品电商'], ['特色产业', '农产品电商']],
    ['副主任（挂职，招商）', 'section_chief', ['招商引资'], ['产业园区'], ['招商引资', '国资国企']],
    ['主任助理（挂职，金融服务）', 'section_deputy', ['普惠金融'], ['招商引资'], ['财政金融']],
    ['主任助理（挂职，电商）', 'section_deputy', ['农产品电商'], ['消费帮扶'], ['农产品电商', '商贸流通']],
  ],
  凯里市数字经济促进中心: [
    ['副主任（挂职，数字经济）', 'division_deputy', ['信息化'], ['大数据'], ['信息化', '大数据'], 2],
    ['主任助理（挂职，人工智能）', 'section_chief', ['人工智能'], ['科技管理'], ['人工智能', '科技管理']],
    ['主任助理（挂职，数字金融）', 'section_chief', ['数字金融'], ['大数据'], ['财政金融', '大数据']],
    ['副主任（挂职，科技招商）', 'section_chief', ['招商引资'], ['科技管理'], ['招商引资', '科技管理']],
    ['主任助理（挂职，智能制造）', 'section_deputy', ['智能制造'], ['信息化'], ['科技管理', '信息化']],
  ],
  黎平县侗乡产业服务中心: [
    ['副主任（挂职，侗乡旅游）', 'section_chief', ['文化旅游'], ['宣传推介'], ['文化旅游', '宣传思想']],
    ['副主任（挂职，产业招商）', 'section_chief', ['招商引资'], ['产业规划'], ['招商引资', '产业规划'], 2],
    ['主任助理（挂职，乡村人才）', 'section_deputy', ['人力资源'], ['乡村治理'], ['人力资源', '教育']],
    ['主任助理（挂职，农产品）', 'section_deputy', ['农产品电商'], ['特色产业'], ['农产品电商', '特色产业']],
    ['主任助理（挂职，乡村规划）', 'section_deputy', ['城乡规划'], ['生态环境'], ['城乡规划', '生态环境']],
  ],
  榕江县山地农业发展中心: [
    ['副主任（挂职，山地农业）', 'section_chief', ['农业技术'], ['特色产业'], ['农业技术', '特色产业']],
    ['副主任（挂职，农田水利）', 'section_chief', ['水利工程'], ['农业技术'], ['水利工程', '农业技术']],
    [
      '主任助理（挂职，消费帮扶）',
      'section_deputy',
      ['消费帮扶'],
      ['农产品电商'],
      ['商贸流通', '农产品电商'],
    ],
    ['主任助理（挂职，村庄规划）', 'section_deputy', ['城乡规划'], ['乡村治理'], ['城乡规划', '乡村治理']],
    ['主任助理（挂职，农业金融）', 'section_deputy', ['农业保险'], ['普惠金融'], ['财政金融']],
  ],
  从江县稻鱼鸭产业促进中心: [
    ['副主任（挂职，稻鱼鸭产业）', 'section_chief', ['特色产业'], ['农业技术'], ['特色产业', '农业技术'], 2],
    [
      '主任助理（挂职，品牌营销）',
      'section_deputy',
      ['品牌推广'],
      ['农产品电商'],
      ['农产品电商', '宣传思想'],
    ],
    ['主任助理（挂职，产业招商）', 'section_deputy', ['招商引资'], ['国资国企'], ['招商引资']],
    ['主任助理（挂职，人居环境）', 'section_deputy', ['生态环境'], ['城乡规划'], ['生态环境', '建筑工程']],
    ['主任助理（挂职，农旅融合）', 'section_deputy', ['文化旅游'], ['特色产业'], ['文化旅游', '特色产业']],
  ],
  剑河县生态旅游服务中心: [
    ['副主任（挂职，生态旅游）', 'section_chief', ['文化旅游'], ['生态环境'], ['文化旅游', '生态环境']],
    ['主任助理（挂职，旅游招商）', 'section_deputy', ['招商引资'], ['文化旅游'], ['招商引资', '文化旅游']],
    ['主任助理（挂职，智慧旅游）', 'section_deputy', ['信息化'], ['文化旅游'], ['信息化', '大数据']],
    ['主任助理（挂职，景区规划）', 'section_deputy', ['城乡规划'], ['建筑工程'], ['城乡规划', '建筑工程']],
  ],
  丹寨县非遗文旅发展中心: [
    ['副主任（挂职，非遗保护）', 'section_chief', ['文化旅游'], ['宣传思想'], ['文化旅游', '宣传思想']],
    [
      '主任助理（挂职，文创电商）',
      'section_deputy',
      ['农产品电商'],
      ['商贸流通'],
      ['农产品电商', '商贸流通'],
    ],
    ['主任助理（挂职，文旅金融）', 'section_deputy', ['普惠金融'], ['文化旅游'], ['财政金融', '文化旅游']],
    ['主任助理（挂职，研学教育）', 'section_deputy', ['教育'], ['文化旅游'], ['教育', '人力资源']],
  ],
  镇远县古城保护服务中心: [
    ['副主任（挂职，古城保护）', 'section_chief', ['城市管理'], ['文化旅游'], ['城市管理', '文化旅游']],
    ['主任助理（挂职，古城规划）', 'section_deputy', ['城乡规划'], ['建筑工程'], ['城乡规划', '建筑工程']],
    ['主任助理（挂职，文旅推广）', 'section_deputy', ['宣传推介'], ['文化旅游'], ['宣传思想', '文化旅游']],
  ],
  麻江县蓝莓产业发展中心: [
    ['副主任（挂职，蓝莓产业）', 'section_chief', ['特色产业'], ['农业技术'], ['特色产业', '农业技术']],
    [
      '主任助理（挂职，冷链物流）',
      'section_deputy',
      ['商贸流通'],
      ['农产品电商'],
      ['商贸流通', '农产品电商'],
    ],
    ['主任助理（挂职，产业金融）', 'section_deputy', ['普惠金融'], ['招商引资'], ['财政金融', '招商引资']],
  ],
};

const reviewComment = '岗位设置符合东西部协作方向和县域产业需要，同意。';
const acceptComment = '经研究，同意推荐人选进入人岗匹配。';

/** Each receiving unit's posts, written by its manager (js.qx for 清溪镇) and approved by the 组织部. */
async function seedCohortPosts(ctx: AppContext, units: Map<string, string>, batchId: string) {
  const reviewer = await actorFor(ctx, 'zzb', 'posts.review');
  if (!reviewer) return;
  const have = new Set(
    (
      await ctx.db
        .selectFrom('postRequests')
        .select(['unitId', 'title'])
        .where('batchId', '=', batchId)
        .execute()
    ).map((p) => `${p.unitId}|${p.title}`),
  );
  for (const [unitName, specs] of Object.entries(POSTS_BY_UNIT)) {
    const unitId = units.get(unitName);
    if (!unitId) continue;
    const writer =
      unitName === QINGXI
        ? await actorFor(ctx, 'js.qx', 'posts.create')
        : unitActor('receiving_manager', unitId, 'posts.create');
    if (!writer) continue;
    for (const [title, level, inCharge, assist, expertise, headcount] of specs) {
      if (have.has(`${unitId}|${title}`)) continue;
      const duties = [
        ...inCharge.map((area) => ({ kind: 'in_charge', area })),
        ...assist.map((area) => ({ kind: 'assist', area })),
      ];
      const input = {
        batchId,
        unitId,
        title,
        level,
        duties,
        expertise,
        headcount: headcount ?? 1,
        notes: null,
      };
      let post = await posts.create(ctx, writer, zPostInput.parse(input));
      post = await posts.submit(ctx, writer, post.id, post.version);
      await posts.review(ctx, reviewer, post.id, {
        decision: 'approve',
        comment: reviewComment,
        version: post.version,
      });
    }
  }
}

/** The generated cadres, created by the seeder as their sending unit's liaison when missing. */
async function seedCohortCadres(ctx: AppContext, units: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const demo of cohortCadres()) {
    const unitId = units.get(demo.unit);
    if (!unitId) continue;
    const existing = await findByIdNumberIndex(ctx.db, cadres.idNumberIndexOf(ctx, demo.input.idNumber));
    if (existing) {
      ids.set(existing.id, unitId);
      continue;
    }
    const keeper = unitActor('sending_liaison', unitId, 'cadres.create');
    const saved = await cadres.create(ctx, keeper, zCadreInput.parse({ ...demo.input, unitId }));
    ids.set(saved.id, unitId);
  }
  return ids;
}

/**
 * Seeds the cohort: its programme and batch, posts, cadres and their nominations, accepted by the
 * 组织部. 周明远 (gb.zhou, 青枫集团) is nominated too, by pc.qf, so the cadre's own pages follow
 * the matching. `registryCadres` maps the registry demo's names to ids.
 */
export async function seedCohort(
  ctx: AppContext,
  units: Map<string, string>,
  registryCadres: Map<string, string>,
): Promise<void> {
  const batchId = (await seedProgramme(ctx, COHORT_PROGRAMME, [COHORT_BATCH]))?.get(COHORT_BATCH.name);
  if (!batchId) return;
  await seedCohortPosts(ctx, units, batchId);
  const reviewer = await actorFor(ctx, 'zzb', 'nominations.review');
  if (!reviewer) return;
  const nominees: [string, () => Promise<ReturnType<typeof unitActor> | null>][] = [];
  for (const [cadreId, unitId] of await seedCohortCadres(ctx, units)) {
    nominees.push([cadreId, async () => unitActor('sending_liaison', unitId, 'nominations.create')]);
  }
  const zhou = registryCadres.get('周明远');
  if (zhou) nominees.push([zhou, () => actorFor(ctx, 'pc.qf', 'nominations.create')]);
  for (const [cadreId, liaisonOf] of nominees) {
    if (await findByBatchAndCadre(ctx.db, batchId, cadreId)) continue;
    const liaison = await liaisonOf();
    if (!liaison) continue;
    const nomination = await nominations.nominate(
      ctx,
      liaison,
      zNominationInput.parse({ batchId, cadreId, justification: null }),
    );
    await nominations.review(ctx, reviewer, nomination.id, {
      decision: 'accept',
      comment: acceptComment,
      version: nomination.version,
    });
  }
  await seedCohortSettings(ctx, batchId);
}

/**
 * The batch's 对口 pairing (issue 12 line 8): 昆山 and 张家港 send only to their paired counties, so
 * the board shows 对口 exclusions with their reasons; the home county is avoided (the default).
 */
export const COHORT_COUNTERPART = [
  { from: ['320583'], to: ['522601', '522631'] },
  { from: ['320582'], to: ['522632', '522633'] },
];

async function seedCohortSettings(ctx: AppContext, batchId: string): Promise<void> {
  const zzb = await actorFor(ctx, 'zzb', 'matching.settings');
  if (!zzb) return;
  const current = await matching.getSettings(ctx, zzb, batchId);
  if (current.version !== 0) return; // set once; the 组织部 may have changed them since
  await matching.updateSettings(ctx, zzb, batchId, {
    ...DEFAULT_MATCHING_SETTINGS,
    counterpart: COHORT_COUNTERPART,
    version: 0,
  });
}

/** What the cohort holds, for tests and the README. */
export const DEMO_COHORT = {
  programme: COHORT_PROGRAMME.name,
  batch: COHORT_BATCH.name,
  cadres: cohortCadres().map((c) => ({ name: c.input.name, unit: c.unit, idNumber: c.input.idNumber })),
  posts: Object.values(POSTS_BY_UNIT).flat().length,
  places: Object.values(POSTS_BY_UNIT)
    .flat()
    .reduce((sum, p) => sum + (p[5] ?? 1), 0),
  avoidance: Object.values(RELATIVES).map((r) => r.unitName),
  counterpart: COHORT_COUNTERPART,
};
